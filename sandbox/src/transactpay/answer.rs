//! TransactPay's answers (specification §4): plain JSON `{"data", "status", "statusCode",
//! "message"}` — "success" with `00` (`01` for a created order, `02` when the payer must
//! authenticate), "failed" with the failure's code and an HTTP status of 400 or more.

use super::machine::TpFailure;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// The answer's envelope. Written straight to text (never through `serde_json::Value`), so that
/// amounts keep every digit.
#[derive(Serialize)]
struct Answer<'a, T> {
    data: Option<&'a T>,
    status: &'a str,
    #[serde(rename = "statusCode")]
    status_code: &'a str,
    message: &'a str,
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A success with `statusCode` `code` and `data`.
pub fn ok<T: Serialize>(code: &str, message: &str, data: &T) -> Response {
    let answer = Answer {
        data: Some(data),
        status: "success",
        status_code: code,
        message,
    };
    json(
        StatusCode::OK,
        serde_json::to_string(&answer).unwrap_or_default(),
    )
}

/// A failure.
pub fn failure(f: &TpFailure) -> Response {
    failure_with(f.http, f.code, &f.message)
}

/// A failure from its parts (also the `error` fault).
pub fn failure_with(http: u16, code: &str, message: &str) -> Response {
    let answer: Answer<'_, ()> = Answer {
        data: None,
        status: "failed",
        status_code: code,
        message,
    };
    json(
        StatusCode::from_u16(http).unwrap_or(StatusCode::BAD_REQUEST),
        serde_json::to_string(&answer).unwrap_or_default(),
    )
}
