//! Reading a Keepz request as Keepz does: the `identifier`, the envelope (body for POST,
//! percent-encoded query for GET and DELETE) opened with Keepz's private key, the payload read
//! into payseal's typed request and checked by its own `validate` — so the sandbox refuses exactly
//! what payseal refuses, with the code Keepz answers:
//!
//! - no `identifier`, or not this sandbox's integrator: 6004 (active integrator not found);
//! - an envelope that does not open (wrong key, wrong RSA padding, garbled): 6010;
//! - not an envelope at all, or a payload that does not read as the request type: 6011, or the
//!   operation's own code (create order: 6049);
//! - an amount payseal refuses: 6068 when not above zero, 6058 for more than two decimals;
//! - any other value payseal refuses: the operation's code.

use super::machine::keepz_error;
use crate::app::App;
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::KeepzRequest;
use payseal::{Amount, ErrorKind};
use serde::de::DeserializeOwned;

/// Where the envelope came.
pub enum Incoming<'a> {
    /// A JSON body (POST).
    Body(&'a [u8]),
    /// The raw query string (GET, DELETE).
    Query(&'a str),
}

/// The `identifier` field of a body or query, if it has one.
fn identifier(incoming: &Incoming<'_>) -> Option<String> {
    match incoming {
        Incoming::Body(body) => serde_json::from_slice::<serde_json::Value>(body)
            .ok()?
            .get("identifier")?
            .as_str()
            .map(str::to_string),
        Incoming::Query(query) => form_urlencoded::parse(query.as_bytes())
            .find(|(name, _)| name == "identifier")
            .map(|(_, value)| value.into_owned()),
    }
}

/// Checks that `id` is this sandbox's integrator (6004 otherwise).
pub fn check_integrator(app: &App, id: Option<&str>) -> Result<(), KeepzApiError> {
    match id {
        Some(id) if id.eq_ignore_ascii_case(&app.integrator_id) => Ok(()),
        _ => Err(keepz_error(6004, Some("Active integrator not found"))),
    }
}

/// The code for a request payseal's `validate` refused: amounts by their rule, anything else
/// `otherwise`.
pub fn validation_code(error: &payseal::Error, amounts: &[&Amount], otherwise: i64) -> i64 {
    if error.kind() == ErrorKind::InvalidAmount {
        if amounts.iter().any(|a| !a.is_positive()) {
            6068
        } else {
            6058
        }
    } else {
        otherwise
    }
}

/// Opens and reads a request of type `R`; `parse_code` is the code for a payload that does not
/// read as `R`. Validation is left to the caller, which knows the request's amounts.
pub fn open<R: KeepzRequest + DeserializeOwned>(
    app: &App,
    incoming: Incoming<'_>,
    parse_code: i64,
) -> Result<R, KeepzApiError> {
    if let Incoming::Body(body) = incoming {
        if serde_json::from_slice::<serde_json::Value>(body).is_err() {
            return Err(keepz_error(6011, None));
        }
    }
    check_integrator(app, identifier(&incoming).as_deref())?;
    let opened = match incoming {
        Incoming::Body(body) => app.keepz.open(body),
        Incoming::Query(query) => app.keepz.open_query(query),
    };
    let plaintext = opened.map_err(|e| match e.kind() {
        ErrorKind::CannotOpen => keepz_error(6010, None),
        _ => keepz_error(6011, None),
    })?;
    plaintext.parse::<R>().map_err(|e| {
        keepz_error(
            parse_code,
            Some(&format!("Failed to parse the request: {}", e.message())),
        )
    })
}
