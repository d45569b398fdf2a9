//! What Keepz sends back: an envelope sealed to the integrator's public key (HTTP 200), an empty
//! 200, or its plain error body `{message, statusCode, exceptionGroup}` with the group's HTTP
//! status (specification §1, §4).

use crate::app::App;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use payseal::keepz::KeepzApiError;
use serde::Serialize;

/// Keepz's plain error body, with its HTTP status.
pub fn error(e: &KeepzApiError) -> Response {
    let status = e
        .http_status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        e.to_json_body(),
    )
        .into_response()
}

/// A success: `payload` sealed to the integrator's key — or, for the `wrong-key` fault, to a key
/// that is not the integrator's.
pub fn sealed<T: Serialize>(app: &App, payload: &T, wrong_key: bool) -> Response {
    let handle = if wrong_key {
        &app.keepz_wrong_key
    } else {
        &app.keepz
    };
    match handle.seal(payload) {
        Ok(envelope) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            envelope.to_json_body(),
        )
            .into_response(),
        Err(_) => error(&super::machine::keepz_error(6009, None)),
    }
}

/// A success with an empty body (subscription revoke).
pub fn empty() -> Response {
    StatusCode::OK.into_response()
}
