//! The one error type of payseal.
//!
//! Every failure is an [`Error`] with an [`ErrorKind`]. The kinds carry stable numeric codes
//! ([`ErrorKind::code`]) that the C ABI returns as its status codes, so a number, once given to a
//! kind, is never reused or changed. Messages are written for the person who has to act on them and
//! never contain secret material (key bytes, plaintext, AES keys).
//!
//! On the open path of an envelope, every cryptographic or decoding failure is reported as the
//! single kind [`ErrorKind::CannotOpen`] with one fixed message, so that a caller who can post
//! envelopes learns nothing about *why* an envelope did not open. The explicitly named diagnostic
//! functions ([`crate::keepz::diagnose`]) exist for offline debugging.

pub use crate::excerpt::{EXCERPT_CHARS, Excerpt, excerpt};
use std::borrow::Cow;
use std::fmt;

/// The fixed message of every failure on the open path (see the module docs).
pub const CANNOT_OPEN_MESSAGE: &str = "the envelope cannot be opened with this private key";

/// What went wrong, with a stable numeric code.
///
/// The codes are part of the C ABI: they are never reused and never renumbered. New kinds get new
/// numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u32)]
pub enum ErrorKind {
    /// A required pointer argument was NULL (C ABI only).
    NullArgument = 1,
    /// Text that must be UTF-8 is not.
    InvalidUtf8 = 2,
    /// A key could not be read: not PEM, not DER, not Base64 of DER, or truncated.
    MalformedKey = 3,
    /// An RSA key is smaller than the minimum (2048 bits).
    KeyTooSmall = 4,
    /// An RSA key is larger than the maximum the chosen backend supports.
    KeyTooLarge = 5,
    /// A key was read but is of the wrong kind: a certificate, an EC key, an encrypted PKCS#8 file,
    /// or a public key where a private key is needed.
    UnsupportedKey = 6,
    /// A payload is larger than the envelope can carry (legacy Keepz and TransactPay: k − 11 bytes).
    PayloadTooLarge = 7,
    /// A body is larger than the configured maximum; it was refused before being decoded.
    BodyTooLarge = 8,
    /// An envelope did not open. Deliberately carries no reason (see the module docs).
    CannotOpen = 9,
    /// The gateway answered with its own error (a typed value is attached).
    GatewayError = 10,
    /// A body or payload that must be JSON is not.
    NotJson = 11,
    /// The gateway's body was empty where content was expected.
    EmptyBody = 12,
    /// A JSON body that is neither an envelope nor a gateway error.
    NotEnvelope = 13,
    /// An argument is out of range or malformed (an identifier, an option, a size).
    InvalidArgument = 14,
    /// The handle lacks the key this operation needs (seal-only or open-only handle).
    MissingKey = 15,
    /// The crypto backend failed (random number generator, key generation).
    Crypto = 16,
    /// The requested backend was not compiled into this build.
    BackendUnavailable = 17,
    /// A money amount is invalid for the gateway (too many decimals, negative, out of range).
    InvalidAmount = 18,
    /// A request value is invalid for the gateway (a malformed UUID, a missing field).
    InvalidRequest = 19,
    /// A gateway response is JSON but does not have the expected shape.
    UnexpectedResponse = 20,
    /// A `(pointer, length)` input's length is over `isize::MAX` (C ABI only): no object that
    /// large can exist, so the pair is not a buffer (a negative `ssize_t` cast to `size_t`, or an
    /// uninitialised length).
    InvalidLength = 21,
    /// An internal panic was caught at the C ABI boundary.
    Panic = 99,
}

impl ErrorKind {
    /// Every kind, in code order (used by the C ABI tests and the documentation table).
    pub const ALL: [ErrorKind; 22] = [
        ErrorKind::NullArgument,
        ErrorKind::InvalidUtf8,
        ErrorKind::MalformedKey,
        ErrorKind::KeyTooSmall,
        ErrorKind::KeyTooLarge,
        ErrorKind::UnsupportedKey,
        ErrorKind::PayloadTooLarge,
        ErrorKind::BodyTooLarge,
        ErrorKind::CannotOpen,
        ErrorKind::GatewayError,
        ErrorKind::NotJson,
        ErrorKind::EmptyBody,
        ErrorKind::NotEnvelope,
        ErrorKind::InvalidArgument,
        ErrorKind::MissingKey,
        ErrorKind::Crypto,
        ErrorKind::BackendUnavailable,
        ErrorKind::InvalidAmount,
        ErrorKind::InvalidRequest,
        ErrorKind::UnexpectedResponse,
        ErrorKind::InvalidLength,
        ErrorKind::Panic,
    ];

    /// The stable numeric code of this kind (the C ABI status).
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The kind with this code, if any.
    pub fn from_code(code: u32) -> Option<ErrorKind> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }

    /// A short, static description of the kind.
    pub const fn description(self) -> &'static str {
        match self {
            ErrorKind::NullArgument => "a required argument was NULL",
            ErrorKind::InvalidUtf8 => "text is not valid UTF-8",
            ErrorKind::MalformedKey => "the key could not be read",
            ErrorKind::KeyTooSmall => "the RSA key is too small",
            ErrorKind::KeyTooLarge => "the RSA key is too large",
            ErrorKind::UnsupportedKey => "the key is not an RSA key of the kind needed",
            ErrorKind::PayloadTooLarge => "the payload is too large for the envelope",
            ErrorKind::BodyTooLarge => "the body is larger than the configured maximum",
            ErrorKind::CannotOpen => CANNOT_OPEN_MESSAGE,
            ErrorKind::GatewayError => "the gateway returned an error",
            ErrorKind::NotJson => "the content is not JSON",
            ErrorKind::EmptyBody => "the body is empty",
            ErrorKind::NotEnvelope => "the body is neither an envelope nor a gateway error",
            ErrorKind::InvalidArgument => "an argument is invalid",
            ErrorKind::MissingKey => "the handle has no key for this operation",
            ErrorKind::Crypto => "the crypto backend failed",
            ErrorKind::BackendUnavailable => "the crypto backend is not compiled in",
            ErrorKind::InvalidAmount => "the amount is invalid",
            ErrorKind::InvalidRequest => "the request is invalid",
            ErrorKind::UnexpectedResponse => "the response does not have the expected shape",
            ErrorKind::InvalidLength => "an input length is larger than any object can be",
            ErrorKind::Panic => "internal error (a panic was caught)",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A payseal error: a kind, a message for people, and (for [`ErrorKind::GatewayError`]) the
/// gateway's own error as a typed value.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: Cow<'static, str>,
    gateway: Option<Box<GatewayFailure>>,
}

/// The gateway's own error, attached to an [`ErrorKind::GatewayError`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GatewayFailure {
    /// Keepz's plain error body `{message, statusCode, exceptionGroup}`.
    Keepz(crate::keepz::KeepzApiError),
    /// TransactPay's failing response envelope, with the HTTP status it came with.
    TransactPay(crate::transactpay::TransactPayApiError),
}

impl Error {
    /// A new error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<Cow<'static, str>>) -> Error {
        Error {
            kind,
            message: message.into(),
            gateway: None,
        }
    }

    /// The one error of the open path: fixed kind, fixed message, nothing else.
    pub fn cannot_open() -> Error {
        Error::new(ErrorKind::CannotOpen, CANNOT_OPEN_MESSAGE)
    }

    /// A gateway error carrying the gateway's typed error.
    pub fn gateway(failure: GatewayFailure) -> Error {
        let message = match &failure {
            GatewayFailure::Keepz(e) => e.to_string(),
            GatewayFailure::TransactPay(e) => e.to_string(),
        };
        Error {
            kind: ErrorKind::GatewayError,
            message: message.into(),
            gateway: Some(Box::new(failure)),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The stable numeric code of the kind.
    pub fn code(&self) -> u32 {
        self.kind.code()
    }

    /// The message for people. Never contains secrets.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The gateway's typed error, for [`ErrorKind::GatewayError`].
    pub fn gateway_failure(&self) -> Option<&GatewayFailure> {
        self.gateway.as_deref()
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("code", &self.kind.code())
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The result type of payseal.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for kind in ErrorKind::ALL {
            assert!(seen.insert(kind.code()), "code {} reused", kind.code());
            assert_eq!(ErrorKind::from_code(kind.code()), Some(kind));
            assert!(!kind.description().is_empty());
        }
        assert_eq!(ErrorKind::from_code(0), None);
    }

    #[test]
    fn cannot_open_has_one_message() {
        let e = Error::cannot_open();
        assert_eq!(e.kind(), ErrorKind::CannotOpen);
        assert_eq!(e.message(), CANNOT_OPEN_MESSAGE);
        assert_eq!(e.code(), 9);
    }
}
