//! The TransactPay handle: the encryption key parsed once, reused from any thread.

use super::encryption_key::parse_encryption_key;
use super::envelope::{SealedData, read_data};
use super::{open, seal};
use crate::error::{Error, ErrorKind, Result};
use crate::keys::{KeyOptions, PrivateKey, PublicKey};
use crate::plaintext::{Plaintext, check_payload_bytes, to_compact_json};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The default largest body [`TransactPay::open`] accepts (64 KiB; a sealed request under a
/// 16384-bit key is under 3 KiB).
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;

/// Seals TransactPay requests to the encryption key, and — with the matching private key, for
/// tests and test doubles — opens them.
///
/// A merchant needs only the encryption key from the dashboard ([`TransactPay::new`]). The
/// gateway's side, opening requests, takes the private key ([`TransactPayBuilder::open_with`]);
/// payseal offers it so that a merchant's code can be tested against a stand-in for TransactPay.
///
/// Immutable, cheap to clone, `Send + Sync`; `Debug` shows key sizes and fingerprints only.
///
/// ```
/// use payseal::keys::PrivateKey;
/// use payseal::transactpay::{TransactPay, to_dashboard_blob};
/// # fn main() -> payseal::Result<()> {
/// // A throw-away key pair standing in for TransactPay's; the dashboard would show its public
/// // half as this blob.
/// let gateway_key = PrivateKey::generate(2048)?;
/// let blob = to_dashboard_blob(gateway_key.public_key());
///
/// // The merchant seals a request to the blob...
/// let merchant = TransactPay::new(&blob)?;
/// assert_eq!(merchant.max_payload_len(), 245);
/// let request = serde_json::json!({"reference": "ORD-1001"});
/// let body = merchant.seal(&request)?.to_json_body();
/// assert!(body.starts_with(r#"{"data":""#));
///
/// // ...and a test double holding the private key opens it.
/// let gateway = TransactPay::builder().open_with(gateway_key).build()?;
/// let opened = gateway.open(body.as_bytes())?;
/// assert_eq!(opened.as_str(), r#"{"reference":"ORD-1001"}"#);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct TransactPay {
    encryption_key: PublicKey,
    open_with: Option<PrivateKey>,
    max_body: usize,
}

/// Builds a [`TransactPay`] handle.
#[derive(Clone, Debug)]
pub struct TransactPayBuilder {
    encryption_key: Option<PublicKey>,
    open_with: Option<PrivateKey>,
    max_body: usize,
}

impl Default for TransactPayBuilder {
    fn default() -> Self {
        TransactPayBuilder {
            encryption_key: None,
            open_with: None,
            max_body: DEFAULT_MAX_BODY,
        }
    }
}

impl TransactPayBuilder {
    /// The public key requests are sealed to (parse it with [`super::parse_encryption_key`]).
    pub fn encryption_key(mut self, key: PublicKey) -> Self {
        self.encryption_key = Some(key);
        self
    }

    /// The private key requests are opened with (the gateway's side: tests and test doubles).
    /// Without an encryption key, its public half is the one sealed to.
    pub fn open_with(mut self, key: PrivateKey) -> Self {
        self.open_with = Some(key);
        self
    }

    /// The largest body `open` accepts (default [`DEFAULT_MAX_BODY`]).
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Checks the settings and builds the handle.
    ///
    /// Needs an encryption key, a private key, or both; when both are given they must be the two
    /// halves of one key pair (they may be prepared for different backends).
    pub fn build(self) -> Result<TransactPay> {
        if self.max_body == 0 {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "the maximum body size must be at least 1 byte",
            ));
        }
        let encryption_key = match (self.encryption_key, &self.open_with) {
            (Some(public), Some(private))
                if public.fingerprint() != private.public_key().fingerprint() =>
            {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    "the private key is not the other half of the encryption key: TransactPay \
                     opens with the private key of the very key pair requests are sealed to",
                ));
            }
            (Some(public), _) => public,
            (None, Some(private)) => private.public_key().clone(),
            (None, None) => {
                return Err(Error::new(
                    ErrorKind::MissingKey,
                    "a TransactPay handle needs the encryption key, the private key, or both",
                ));
            }
        };
        Ok(TransactPay {
            encryption_key,
            open_with: self.open_with,
            max_body: self.max_body,
        })
    }
}

impl TransactPay {
    /// A merchant's handle from the encryption key in any accepted form (the dashboard blob, its
    /// decoded text, RSAKeyValue XML, a PEM or DER public key), on the default backend.
    pub fn new(encryption_key: impl AsRef<[u8]>) -> Result<TransactPay> {
        TransactPay::new_with(encryption_key, &KeyOptions::default())
    }

    /// Like [`TransactPay::new`], with explicit key options (backend, minimum size).
    pub fn new_with(encryption_key: impl AsRef<[u8]>, options: &KeyOptions) -> Result<TransactPay> {
        Ok(TransactPay::from_key(parse_encryption_key(
            encryption_key,
            options,
        )?))
    }

    /// A seal-only handle from an already parsed key.
    pub fn from_key(encryption_key: PublicKey) -> TransactPay {
        TransactPay {
            encryption_key,
            open_with: None,
            max_body: DEFAULT_MAX_BODY,
        }
    }

    /// Starts building a handle (needed to open, or to change the body limit).
    pub fn builder() -> TransactPayBuilder {
        TransactPayBuilder::default()
    }

    /// The key requests are sealed to.
    pub fn encryption_key(&self) -> &PublicKey {
        &self.encryption_key
    }

    /// The private key requests are opened with, if any.
    pub fn open_key(&self) -> Option<&PrivateKey> {
        self.open_with.as_ref()
    }

    /// The largest body [`TransactPay::open`] accepts.
    pub fn max_body(&self) -> usize {
        self.max_body
    }

    /// The largest payload one request carries, in bytes of compact JSON: k − 11, i.e. 501 for a
    /// 4096-bit key and 245 for a 2048-bit key.
    pub fn max_payload_len(&self) -> usize {
        seal::max_payload_len(&self.encryption_key)
    }

    /// Seals a request: `payload` is written as compact UTF-8 JSON (it must serialize to a JSON
    /// object) and encrypted as one RSA PKCS#1 v1.5 block.
    ///
    /// A payload over [`TransactPay::max_payload_len`] is refused before any encryption with
    /// [`ErrorKind::PayloadTooLarge`]; nothing is ever split over several blocks. The serialized
    /// copy is wiped when the call returns.
    pub fn seal<T: Serialize + ?Sized>(&self, payload: &T) -> Result<SealedData> {
        let json = to_compact_json(payload)?;
        seal::seal(&self.encryption_key, &json)
    }

    /// Seals a request given as JSON bytes, sent exactly as given: they must be UTF-8
    /// ([`ErrorKind::InvalidUtf8`]), JSON ([`ErrorKind::NotJson`]) and an object
    /// ([`ErrorKind::InvalidRequest`]). Whitespace counts against the size limit.
    pub fn seal_bytes(&self, json: &[u8]) -> Result<SealedData> {
        check_payload_bytes(json)?;
        seal::seal(&self.encryption_key, json)
    }

    /// Opens a request body `{"data": "..."}` with the private key (the gateway's side).
    ///
    /// - the plaintext JSON object, or [`ErrorKind::CannotOpen`] — one error, with one message,
    ///   for every Base64, RSA, UTF-8 and JSON failure;
    /// - no private key → [`ErrorKind::MissingKey`];
    /// - a body over the limit → [`ErrorKind::BodyTooLarge`], before it is read;
    /// - an empty body → [`ErrorKind::EmptyBody`]; not JSON → [`ErrorKind::NotJson`]; JSON
    ///   without a `data` string → [`ErrorKind::NotEnvelope`].
    pub fn open(&self, body: &[u8]) -> Result<Plaintext> {
        let private = self.open_with.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::MissingKey,
                "this handle has no private key to open with (it was built from the encryption \
                 key only)",
            )
        })?;
        if body.len() > self.max_body {
            return Err(Error::new(
                ErrorKind::BodyTooLarge,
                format!(
                    "the body is {} bytes, over the {}-byte limit of this handle",
                    body.len(),
                    self.max_body
                ),
            ));
        }
        let data = read_data(body)?;
        open::open(private, &data)
    }

    /// Opens a request body and deserializes the plaintext into `T`.
    pub fn open_as<T: DeserializeOwned>(&self, body: &[u8]) -> Result<T> {
        self.open(body)?.parse()
    }
}
