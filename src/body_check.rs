//! The checks every gateway body gets before it is read: size, emptiness, JSON (and its depth).
//!
//! A proxy in front of a gateway answers with HTML when the gateway is down; a load balancer may
//! cut a body short. These are transport problems, not gateway answers, and they get their own
//! error kinds so that a host can retry them instead of treating them as a refusal.

use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonKind, Object, parse_object};
use crate::plaintext::{MAX_JSON_DEPTH, depth_within_limit};
use serde_json::value::RawValue;

/// Refuses a body over `max_body` bytes ([`ErrorKind::BodyTooLarge`]) or empty
/// ([`ErrorKind::EmptyBody`]).
pub(crate) fn check_size_and_presence(
    body: &[u8],
    max_body: usize,
    http_status: Option<u16>,
) -> Result<()> {
    if body.len() > max_body {
        return Err(Error::new(
            ErrorKind::BodyTooLarge,
            format!(
                "the body is {} bytes, over the {max_body}-byte limit",
                body.len()
            ),
        ));
    }
    if body.trim_ascii().is_empty() {
        return Err(Error::new(
            ErrorKind::EmptyBody,
            match http_status {
                Some(status) => format!("the body is empty (HTTP {status})"),
                None => "the body is empty".to_string(),
            },
        ));
    }
    Ok(())
}

/// The error for a body that is not JSON, naming an HTML page when it is one.
pub(crate) fn not_json(body: &[u8], http_status: Option<u16>) -> Error {
    let head = String::from_utf8_lossy(&body[..body.len().min(256)]).to_ascii_lowercase();
    let trimmed = head.trim_start();
    let http = http_status.map_or(String::new(), |s| format!(", HTTP {s}"));
    if trimmed.starts_with('<') && (trimmed.contains("html") || trimmed.starts_with("<!doctype")) {
        Error::new(
            ErrorKind::NotJson,
            format!(
                "the body is an HTML page ({} bytes{http}), not JSON: usually a proxy or gateway error page",
                body.len()
            ),
        )
    } else {
        Error::new(
            ErrorKind::NotJson,
            format!("the body is not JSON ({} bytes{http})", body.len()),
        )
    }
}

/// The body as one JSON value, its text kept exactly (borrowed from `body`): valid UTF-8 JSON
/// nested at most [`MAX_JSON_DEPTH`] levels, what a typed parse reads; [`ErrorKind::NotJson`]
/// otherwise.
///
/// serde_json reads a raw value without its recursion limit, so the depth is checked here.
pub(crate) fn parse_json(body: &[u8], http_status: Option<u16>) -> Result<&RawValue> {
    let json: &RawValue = serde_json::from_slice(body).map_err(|_| not_json(body, http_status))?;
    check_depth(body, http_status)?;
    Ok(json)
}

/// The body as a JSON object, read in one pass (its values kept as their exact text), or — when
/// it is JSON of another kind — that kind; [`ErrorKind::NotJson`] as for [`parse_json`].
pub(crate) fn parse_json_object(
    body: &[u8],
    http_status: Option<u16>,
) -> Result<std::result::Result<Object<'_>, JsonKind>> {
    match parse_object(body) {
        Some(object) => {
            // Only a field that is an array or an object can nest: an envelope (strings and a
            // boolean, most of it one long Base64 string) needs no second pass over its bytes.
            let nested = object
                .iter()
                .any(|(_, v)| matches!(JsonKind::of(v), JsonKind::Array | JsonKind::Object));
            if nested {
                check_depth(body, http_status)?;
            }
            Ok(Ok(object))
        }
        None => Ok(Err(JsonKind::of(parse_json(body, http_status)?))),
    }
}

/// [`ErrorKind::NotJson`] for JSON nested more than [`MAX_JSON_DEPTH`] levels.
fn check_depth(body: &[u8], http_status: Option<u16>) -> Result<()> {
    if depth_within_limit(body) {
        return Ok(());
    }
    let http = http_status.map_or(String::new(), |s| format!(", HTTP {s}"));
    Err(Error::new(
        ErrorKind::NotJson,
        format!(
            "the body ({} bytes{http}) nests arrays or objects more than {MAX_JSON_DEPTH} levels \
             deep",
            body.len()
        ),
    ))
}

/// Size, presence and a JSON object (or the kind of JSON it is instead), in that order.
pub(crate) fn read_json_object(
    body: &[u8],
    max_body: usize,
    http_status: Option<u16>,
) -> Result<std::result::Result<Object<'_>, JsonKind>> {
    check_size_and_presence(body, max_body, http_status)?;
    parse_json_object(body, http_status)
}
