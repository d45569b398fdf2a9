//! An opened payload: UTF-8 JSON bytes that are wiped on drop and never printed by `Debug`.

use crate::error::{Error, ErrorKind, Result};
use serde::de::DeserializeOwned;
use std::fmt;
use zeroize::Zeroizing;

/// The plaintext of an opened envelope: valid UTF-8 JSON, wiped when dropped.
///
/// Payloads can hold card data (PCI scope), so `Debug` shows only the length.
#[derive(Clone, PartialEq, Eq)]
pub struct Plaintext(Zeroizing<Vec<u8>>);

impl Plaintext {
    /// Wraps bytes already checked to be UTF-8 JSON.
    pub(crate) fn from_checked(bytes: Zeroizing<Vec<u8>>) -> Plaintext {
        Plaintext(bytes)
    }

    /// The JSON bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        // Checked at construction; an empty string can never be reached.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the plaintext is empty (never, for an opened envelope).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Deserializes the JSON into a typed value.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.0).map_err(|e| {
            Error::new(
                ErrorKind::UnexpectedResponse,
                format!("the opened JSON does not have the expected shape: {e}"),
            )
        })
    }

    /// Moves the bytes out (still wiped on drop).
    pub fn into_bytes(self) -> Zeroizing<Vec<u8>> {
        self.0
    }
}

impl fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Plaintext({} bytes, redacted)", self.0.len())
    }
}

/// Checks that `bytes` is UTF-8 JSON (any value), without building it.
pub(crate) fn is_json(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// Whether JSON text is an object or an array (its first non-blank byte is `{` or `[`).
///
/// Gateway payloads are always one of these. The open paths require it too: with implicit
/// rejection (PKCS#1 v1.5 on the RustCrypto backend) a damaged RSA block decrypts to pseudo-random
/// bytes of pseudo-random length, and a lone digit is valid JSON; a structured value is not
/// reached by chance.
pub(crate) fn is_json_container(json: &[u8]) -> bool {
    matches!(json.trim_ascii_start().first(), Some(b'{' | b'['))
}

/// Serializes a payload as compact UTF-8 JSON, wiped on drop.
pub(crate) fn to_compact_json<T: serde::Serialize + ?Sized>(
    payload: &T,
) -> Result<Zeroizing<Vec<u8>>> {
    serde_json::to_vec(payload)
        .map(Zeroizing::new)
        .map_err(|e| {
            Error::new(
                ErrorKind::InvalidRequest,
                format!("the payload cannot be written as JSON: {e}"),
            )
        })
}

/// Checks a payload given as bytes: it must be UTF-8 JSON. Sent exactly as given.
pub(crate) fn check_payload_bytes(bytes: &[u8]) -> Result<()> {
    if std::str::from_utf8(bytes).is_err() {
        return Err(Error::new(
            ErrorKind::InvalidUtf8,
            "the payload is not UTF-8; gateways expect UTF-8 JSON",
        ));
    }
    if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() {
        return Err(Error::new(
            ErrorKind::NotJson,
            "the payload is not valid JSON",
        ));
    }
    Ok(())
}
