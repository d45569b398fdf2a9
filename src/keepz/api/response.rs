//! Reading a Keepz answer: one call from `(HTTP status, body)` to a typed value or a typed error.
//!
//! What can come back (specification §1):
//! - an envelope → opened with the integrator's private key → the operation's response type;
//! - Keepz's plain error body `{message, statusCode, exceptionGroup}` (normally with HTTP 4xx/5xx)
//!   → [`ErrorKind::GatewayError`] carrying a [`KeepzApiError`] with the HTTP status filled in;
//! - an empty body → success for operations that answer that way (revoke), otherwise
//!   [`ErrorKind::EmptyBody`];
//! - an HTML page from a proxy, a truncated body → [`ErrorKind::NotJson`]; JSON of another shape
//!   → [`ErrorKind::NotEnvelope`]; an envelope that does not open → [`ErrorKind::CannotOpen`].
//!
//! Nothing on this path panics, whatever the bytes.

use super::request::{KeepzRequest, KeepzResponse};
use crate::error::{Error, ErrorKind, GatewayFailure, Result};
use crate::json::{Parsed, parse_object};
use crate::keepz::open::open_wire;
use crate::keepz::{Keepz, KeepzApiError};
use crate::plaintext::Plaintext;

/// Keepz's error body, when `plaintext` is one.
fn keepz_error_in(plaintext: &[u8]) -> Option<KeepzApiError> {
    match parse_object(plaintext) {
        Parsed::Object(object) => KeepzApiError::from_object(&object),
        Parsed::TooManyFields | Parsed::NotAnObject => None,
    }
}

fn is_success(http_status: u16) -> bool {
    (200..300).contains(&http_status)
}

impl Keepz {
    /// Reads the answer to a request of type `R`.
    ///
    /// `http_status` is the status line's code; `body` the raw bytes. See the module docs for the
    /// outcomes. An envelope inside which Keepz put its error body is reported as that error too.
    ///
    /// ```
    /// use payseal::keepz::Keepz;
    /// use payseal::keepz::api::{OrderStatusRequest, RevokeSubscriptionRequest};
    /// use payseal::keys::PrivateKey;
    /// use payseal::{ErrorKind, GatewayFailure};
    /// # fn main() -> payseal::Result<()> {
    /// let integrator = Keepz::builder().open_with(PrivateKey::generate(2048)?).build()?;
    ///
    /// let body = br#"{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}"#;
    /// let err = integrator.parse_response::<OrderStatusRequest>(404, body).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::GatewayError);
    /// let Some(GatewayFailure::Keepz(e)) = err.gateway_failure() else { unreachable!() };
    /// assert_eq!((e.http_status, e.group_name()), (Some(404), Some("not found")));
    ///
    /// assert!(integrator.parse_response::<RevokeSubscriptionRequest>(200, b"").is_ok());
    /// let html = b"<html><body>502 Bad Gateway</body></html>";
    /// let err = integrator.parse_response::<OrderStatusRequest>(502, html).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::NotJson);
    /// # Ok(()) }
    /// ```
    pub fn parse_response<R: KeepzRequest>(
        &self,
        http_status: u16,
        body: &[u8],
    ) -> Result<R::Response> {
        match self.open_response(http_status, body)? {
            Some(plaintext) => plaintext.parse::<R::Response>(),
            None => R::Response::from_empty_body().ok_or_else(|| {
                Error::new(
                    ErrorKind::EmptyBody,
                    format!(
                        "the body is empty (HTTP {http_status}); Keepz answers {} with content",
                        R::OPERATION
                    ),
                )
            }),
        }
    }

    /// Reads any answer or callback into its plaintext, untyped: `Ok(Some(json))` for an
    /// envelope, `Ok(None)` for an empty 2xx body (subscription revoke), and the same errors as
    /// [`Keepz::parse_response`]. `http_status` 0 means "none" (a callback): an empty body is
    /// then [`ErrorKind::EmptyBody`] and any envelope is read.
    pub fn open_response(&self, http_status: u16, body: &[u8]) -> Result<Option<Plaintext>> {
        if body.len() <= self.options().max_body && body.trim_ascii().is_empty() {
            if is_success(http_status) {
                return Ok(None);
            }
            return Err(Error::new(
                ErrorKind::EmptyBody,
                format!("the body is empty (HTTP {http_status})"),
            ));
        }
        let status = (http_status != 0).then_some(http_status);
        let wire = self.read_body(body, status)?;
        let private = self.open_key().ok_or_else(|| {
            Error::new(
                ErrorKind::MissingKey,
                "this handle has no private key to open the response with (it was built seal-only)",
            )
        })?;
        let plaintext = open_wire(private, self.options(), &wire)?;
        // Keepz's error body is a small object: read its top level (at most 64 fields, values
        // skipped unread), not a typed parse of the whole plaintext.
        if let Some(mut error) = keepz_error_in(plaintext.as_bytes()) {
            error.http_status = status;
            return Err(Error::gateway(GatewayFailure::Keepz(error)));
        }
        if status.is_some() && !is_success(http_status) {
            return Err(Error::new(
                ErrorKind::UnexpectedResponse,
                format!(
                    "HTTP {http_status} came with an envelope that is not a Keepz error; \
                     not reading it as a success"
                ),
            ));
        }
        Ok(Some(plaintext))
    }

    /// [`Keepz::parse_response`], with the request type taken from a value (handy when the
    /// request is at hand and its type name is long).
    pub fn parse_response_for<R: KeepzRequest>(
        &self,
        _request: &R,
        http_status: u16,
        body: &[u8],
    ) -> Result<R::Response> {
        self.parse_response::<R>(http_status, body)
    }
}
