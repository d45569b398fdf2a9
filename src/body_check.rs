//! The checks every gateway body gets before it is read: size, emptiness, JSON (and its depth).
//!
//! A proxy in front of a gateway answers with HTML when the gateway is down; a load balancer may
//! cut a body short. These are transport problems, not gateway answers, and they get their own
//! error kinds so that a host can retry them instead of treating them as a refusal.
//!
//! Each body is read once: an object into its borrowed top-level fields
//! ([`crate::json::parse_object`], duplicates found in the same pass), anything else into one
//! raw value. Only the values that can nest (arrays, objects) are then scanned for their depth,
//! each on its own text — an envelope's long Base64 strings are never looked at twice.

use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonKind, MAX_FIELDS, Object, Parsed, parse_object};
use crate::plaintext::{MAX_JSON_DEPTH, depth_at_most};
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
/// serde_json reads a raw value without its recursion limit, so the depth is checked here (for
/// an array or an object; nothing else nests).
pub(crate) fn parse_json(body: &[u8], http_status: Option<u16>) -> Result<&RawValue> {
    let json: &RawValue = serde_json::from_slice(body).map_err(|_| not_json(body, http_status))?;
    check_depth(json, MAX_JSON_DEPTH, body.len(), http_status)?;
    Ok(json)
}

/// The body as a JSON object, read in one pass (its values kept as their exact text), or — when
/// it is JSON of another kind — that kind; [`ErrorKind::NotJson`] as for [`parse_json`], and
/// [`ErrorKind::NotEnvelope`] for an object of more than [`MAX_FIELDS`] fields.
pub(crate) fn parse_json_object(
    body: &[u8],
    http_status: Option<u16>,
) -> Result<std::result::Result<Object<'_>, JsonKind>> {
    match parse_object(body) {
        Parsed::Object(object) => {
            // A value of the top-level object starts one level down.
            for (_, value) in object.iter() {
                check_depth(value, MAX_JSON_DEPTH - 1, body.len(), http_status)?;
            }
            Ok(Ok(object))
        }
        Parsed::TooManyFields => Err(Error::new(
            ErrorKind::NotEnvelope,
            format!(
                "the body is a JSON object with more than {MAX_FIELDS} top-level fields; no \
                 gateway body has that many (refused without reading further)"
            ),
        )),
        Parsed::NotAnObject => Ok(Err(JsonKind::of(parse_json(body, http_status)?))),
    }
}

/// [`ErrorKind::NotJson`] for an array or object nested more than `max` levels.
fn check_depth(
    value: &RawValue,
    max: usize,
    body_len: usize,
    http_status: Option<u16>,
) -> Result<()> {
    let nests = matches!(JsonKind::of(value), JsonKind::Array | JsonKind::Object);
    if !nests || depth_at_most(value.get().as_bytes(), max) {
        return Ok(());
    }
    let http = http_status.map_or(String::new(), |s| format!(", HTTP {s}"));
    Err(Error::new(
        ErrorKind::NotJson,
        format!(
            "the body ({body_len} bytes{http}) nests arrays or objects more than {MAX_JSON_DEPTH} \
             levels deep"
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
