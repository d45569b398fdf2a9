//! What every Keepz request type knows about itself: its endpoint, its response, its rules.

use super::endpoint::Endpoint;
use crate::error::Result;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A Keepz request payload (the JSON sealed inside the envelope).
///
/// Each operation has one type; the type knows where it goes and what comes back, so a host cannot
/// send a refund to the status path or read a status answer as a card.
pub trait KeepzRequest: Serialize {
    /// The operation's name, as accepted by [`Endpoint::for_operation`].
    const OPERATION: &'static str;
    /// Method, path and placement.
    const ENDPOINT: Endpoint;
    /// The decrypted response of a success.
    type Response: KeepzResponse;

    /// Checks what Keepz would refuse (UUID shapes, amounts, receiver type) before sealing, with
    /// [`crate::ErrorKind::InvalidRequest`] or [`crate::ErrorKind::InvalidAmount`].
    fn validate(&self) -> Result<()>;
}

/// A decrypted Keepz success response.
pub trait KeepzResponse: DeserializeOwned {
    /// The value an empty HTTP 2xx body stands for, for operations that answer that way
    /// (subscription revoke); `None` makes an empty body [`crate::ErrorKind::EmptyBody`].
    fn from_empty_body() -> Option<Self> {
        None
    }
}
