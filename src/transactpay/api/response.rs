//! Reading a TransactPay answer: one call from `(HTTP status, body)` to a typed value or a typed
//! error.
//!
//! TransactPay answers in plain JSON, `{"data": ..., "status": ..., "statusCode": "00",
//! "message": ...}`, read leniently (specification §4): `statusCode` or `status_code`, a string or
//! a number (`0` reads as `"00"`); `status` a string or a boolean. The outcome:
//! - **success** when the HTTP status is below 400, `statusCode` is `00`, `01` (order created) or
//!   `02` (pending authentication, 3-D Secure) and `status` does not say it failed — or, with no
//!   `statusCode`, when `status` says it succeeded. `data` is then read as `T`, from its exact
//!   text (every digit of an amount; [`crate::RawJson`] keeps it untyped);
//! - **[`ErrorKind::GatewayError`]** with a [`TransactPayApiError`] attached otherwise;
//! - **transport errors**: [`ErrorKind::EmptyBody`], [`ErrorKind::NotJson`] (an HTML page from a
//!   proxy, a cut body), [`ErrorKind::BodyTooLarge`] (over 1 MiB by default), and
//!   [`ErrorKind::NotEnvelope`] for JSON with neither `statusCode` nor `status`.
//!
//! Nothing on this path panics, whatever the bytes.

use super::request::TransactPayRequest;
use crate::body_check::read_json_object;
use crate::error::{Error, ErrorKind, GatewayFailure, Result};
use crate::json::{JsonKind, Object, shape, text_of};
use crate::transactpay::TransactPayApiError;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

/// The default largest body read (1 MiB); larger bodies are refused before they are parsed.
pub const DEFAULT_MAX_BODY: usize = 1024 * 1024;

/// The longest `message` kept in an error (a gateway could send a page of text).
const MAX_MESSAGE_CHARS: usize = 1000;

/// The success codes of `statusCode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SuccessCode {
    /// `00`: success.
    Success,
    /// `01`: order created.
    OrderCreated,
    /// `02`: pending authentication (3-D Secure page, PIN or OTP).
    PendingAuthentication,
}

/// A successful TransactPay answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransactPayResponse<T> {
    /// The HTTP status it came with.
    pub http_status: u16,
    /// `statusCode` (or `status_code`), as text (`"00"`).
    pub status_code: Option<String>,
    /// `status`, as text (`"success"`, `"true"`).
    pub status: Option<String>,
    /// `message`.
    pub message: Option<String>,
    /// `data`, read as `T`; `None` when absent or `null`.
    pub data: Option<T>,
}

impl<T> TransactPayResponse<T> {
    /// Which success `statusCode` this is, if any (`None` when only `status` said success).
    pub fn success_code(&self) -> Option<SuccessCode> {
        match self.status_code.as_deref() {
            Some("00") => Some(SuccessCode::Success),
            Some("01") => Some(SuccessCode::OrderCreated),
            Some("02") => Some(SuccessCode::PendingAuthentication),
            _ => None,
        }
    }

    /// The `data`, or [`ErrorKind::UnexpectedResponse`] when the answer had none.
    pub fn into_data(self) -> Result<T> {
        self.data.ok_or_else(|| {
            Error::new(
                ErrorKind::UnexpectedResponse,
                "the TransactPay answer reports success but carries no data",
            )
        })
    }
}

/// The field of `obj` whose name, lower-cased and without `_`, is `wanted` (so `statusCode`,
/// `status_code` and `StatusCode` all match `statuscode`); `null` reads as absent.
fn field<'a>(obj: &Object<'a>, wanted: &str) -> Option<&'a RawValue> {
    obj.iter()
        .find(|(k, _)| {
            k.len() <= wanted.len() + 2
                && k.chars()
                    .filter(|c| *c != '_')
                    .map(|c| c.to_ascii_lowercase())
                    .eq(wanted.chars())
        })
        .map(|(_, v)| v)
        .filter(|v| JsonKind::of(v) != JsonKind::Null)
}

fn status_code_text(value: &RawValue) -> Option<String> {
    match JsonKind::of(value) {
        JsonKind::Number => match value.get().parse::<u64>() {
            Ok(small @ 0..=9) => Some(format!("{small:02}")),
            _ => Some(value.get().to_string()),
        },
        _ => text_of(value).map(|s| s.trim().to_string()),
    }
}

fn says_failed(status: &str) -> bool {
    ["failed", "failure", "fail", "error", "false"]
        .iter()
        .any(|s| status.trim().eq_ignore_ascii_case(s))
}

fn says_succeeded(status: &str) -> bool {
    ["success", "successful", "succeeded", "true", "ok"]
        .iter()
        .any(|s| status.trim().eq_ignore_ascii_case(s))
}

fn bounded(text: String) -> String {
    if text.chars().count() <= MAX_MESSAGE_CHARS {
        text
    } else {
        let mut cut: String = text.chars().take(MAX_MESSAGE_CHARS).collect();
        cut.push('…');
        cut
    }
}

/// Reads an answer whose `data` is a `T`, with the default 1 MiB limit. See the module docs.
///
/// ```
/// use payseal::transactpay::api::{VerifyData, parse_response};
/// use payseal::{ErrorKind, GatewayFailure};
/// # fn main() -> payseal::Result<()> {
/// let ok = parse_response::<VerifyData>(200, br#"{"status":true,"status_code":0,
///     "data":{"orderReference":"ORD-1","totalAmountCharged":1000.1234,"statusId":5,"currencyName":"NGN"}}"#)?;
/// let data = ok.into_data()?;
/// assert_eq!(data.total_amount_charged.unwrap().to_string(), "1000.1234");
///
/// let err = parse_response::<VerifyData>(400, br#"{"statusCode":"09","status":"failed","message":"Order not found"}"#).unwrap_err();
/// let Some(GatewayFailure::TransactPay(e)) = err.gateway_failure() else { unreachable!() };
/// assert_eq!((e.status_code.as_deref(), e.http_status), (Some("09"), Some(400)));
///
/// let html = parse_response::<VerifyData>(502, b"<html><body>Bad Gateway</body></html>").unwrap_err();
/// assert_eq!(html.kind(), ErrorKind::NotJson);
/// # Ok(()) }
/// ```
pub fn parse_response<T: DeserializeOwned>(
    http_status: u16,
    body: &[u8],
) -> Result<TransactPayResponse<T>> {
    parse_response_with_limit(http_status, body, DEFAULT_MAX_BODY)
}

/// [`parse_response`] with the `data` type of the request `R` (`R::Data`).
pub fn parse_response_for<R: TransactPayRequest>(
    _request: &R,
    http_status: u16,
    body: &[u8],
) -> Result<TransactPayResponse<R::Data>> {
    parse_response(http_status, body)
}

/// [`parse_response`] with another body limit, in bytes.
pub fn parse_response_with_limit<T: DeserializeOwned>(
    http_status: u16,
    body: &[u8],
    max_body: usize,
) -> Result<TransactPayResponse<T>> {
    let obj = read_json_object(body, max_body, Some(http_status))?.map_err(|kind| {
        Error::new(
            ErrorKind::NotEnvelope,
            format!(
                "the body (HTTP {http_status}) is a JSON {}, not a TransactPay answer object",
                kind.name()
            ),
        )
    })?;
    let status_code = field(&obj, "statuscode").and_then(status_code_text);
    let status = field(&obj, "status").and_then(text_of);
    let message = field(&obj, "message").and_then(text_of).map(bounded);

    if status_code.is_none() && status.is_none() && http_status < 400 {
        return Err(Error::new(
            ErrorKind::NotEnvelope,
            format!(
                "the JSON body (HTTP {http_status}) has neither statusCode nor status; it is not a \
                 TransactPay answer"
            ),
        ));
    }
    let code_ok = match status_code.as_deref() {
        Some(code) => matches!(code, "00" | "01" | "02"),
        None => status.as_deref().is_some_and(says_succeeded),
    };
    let status_ok = !status.as_deref().is_some_and(says_failed);
    if http_status >= 400 || !code_ok || !status_ok {
        return Err(Error::gateway(GatewayFailure::TransactPay(
            TransactPayApiError {
                http_status: Some(http_status),
                status_code,
                status,
                message,
            },
        )));
    }

    let data = match field(&obj, "data") {
        None => None,
        Some(raw) => Some(shape::read::<T>(raw.get().as_bytes()).map_err(|e| {
            Error::new(
                ErrorKind::UnexpectedResponse,
                format!("the data of the TransactPay answer does not have the expected shape {e}"),
            )
        })?),
    };
    Ok(TransactPayResponse {
        http_status,
        status_code,
        status,
        message,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::RawJson;

    fn kind(status: u16, body: &str) -> ErrorKind {
        parse_response::<RawJson>(status, body.as_bytes())
            .map(|_| ErrorKind::Panic)
            .unwrap_or_else(|e| e.kind())
    }

    #[test]
    fn outcomes() {
        assert!(parse_response::<RawJson>(200, br#"{"statusCode":"00"}"#).is_ok());
        assert!(parse_response::<RawJson>(200, br#"{"StatusCode":2,"status":"pending"}"#).is_ok());
        assert!(parse_response::<RawJson>(200, br#"{"status":"Successful"}"#).is_ok());
        assert_eq!(
            kind(200, r#"{"statusCode":"00","status":false}"#),
            ErrorKind::GatewayError
        );
        assert_eq!(kind(200, r#"{"statusCode":"99"}"#), ErrorKind::GatewayError);
        assert_eq!(kind(500, r#"{"statusCode":"00"}"#), ErrorKind::GatewayError);
        assert_eq!(kind(500, r#"{}"#), ErrorKind::GatewayError);
        assert_eq!(
            kind(200, r#"{"status":"pending"}"#),
            ErrorKind::GatewayError
        );
        assert_eq!(kind(200, r#"{"data":{}}"#), ErrorKind::NotEnvelope);
        assert_eq!(kind(200, "[1,2]"), ErrorKind::NotEnvelope);
        assert_eq!(kind(200, "  \n"), ErrorKind::EmptyBody);
        assert_eq!(kind(200, r#"{"statusCode":"00""#), ErrorKind::NotJson);
        assert_eq!(
            parse_response_with_limit::<RawJson>(200, b"{}", 1)
                .unwrap_err()
                .kind(),
            ErrorKind::BodyTooLarge
        );
    }
}
