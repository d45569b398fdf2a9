//! TransactPay's failing response envelope as a typed value.

use crate::error::excerpt;
use crate::excerpt::GATEWAY_MESSAGE_CHARS;
use serde::Serialize;
use std::fmt;

/// A TransactPay response that reports failure: `statusCode` other than `00`/`01`/`02`, a failing
/// `status`, or an HTTP status of 400 or more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TransactPayApiError {
    /// The HTTP status the body came with.
    pub http_status: Option<u16>,
    /// `statusCode` (or `status_code`), as text.
    pub status_code: Option<String>,
    /// `status`, as text (`"failed"`, `"false"`, ...).
    pub status: Option<String>,
    /// `message`.
    pub message: Option<String>,
}

impl fmt::Display for TransactPayApiError {
    /// The fields as sent, escaped and cut ([`crate::error::excerpt`]): they come from the body.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TransactPay error")?;
        if let Some(code) = &self.status_code {
            write!(f, " {}", excerpt(code))?;
        }
        if let Some(http) = self.http_status {
            write!(f, " (HTTP {http})")?;
        }
        if let Some(message) = &self.message {
            write!(
                f,
                ": {}",
                excerpt(message).with_limit(GATEWAY_MESSAGE_CHARS)
            )?;
        }
        Ok(())
    }
}
