//! The Keepz handle: keys parsed once, options fixed, reused from any thread.

use super::envelope::{BodyShape, SealedEnvelope, WireEnvelope, classify_body, from_query};
use super::options::{EnvelopeMode, KeepzOptions};
use super::{open, seal};
use crate::backend::RsaPadding;
use crate::error::{Error, ErrorKind, GatewayFailure, Result, excerpt};
use crate::keys::{PrivateKey, PublicKey};
use crate::plaintext::{Plaintext, check_payload_bytes, is_json_container, to_compact_json};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Seals Keepz envelopes to one public key and opens them with one private key.
///
/// The same type serves both sides:
/// - an **integrator** seals requests to *Keepz's public key* and opens responses and callbacks
///   with *its own private key*;
/// - a **Keepz test double** opens requests with *Keepz's private key* and seals responses to
///   *the integrator's public key* (with no identifier).
///
/// Either key may be absent for seal-only or open-only use. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Keepz {
    seal_to: Option<PublicKey>,
    open_with: Option<PrivateKey>,
    identifier: Option<String>,
    options: KeepzOptions,
}

/// Builds a [`Keepz`] handle.
#[derive(Clone, Debug, Default)]
pub struct KeepzBuilder {
    seal_to: Option<PublicKey>,
    open_with: Option<PrivateKey>,
    identifier: Option<String>,
    options: KeepzOptions,
}

impl KeepzBuilder {
    /// The public key envelopes are sealed to (Keepz's, for an integrator).
    pub fn seal_to(mut self, key: PublicKey) -> Self {
        self.seal_to = Some(key);
        self
    }

    /// The private key envelopes are opened with (the integrator's own, for an integrator).
    pub fn open_with(mut self, key: PrivateKey) -> Self {
        self.open_with = Some(key);
        self
    }

    /// The integrator id sent as `identifier` on requests. Omit it to seal responses.
    pub fn identifier(mut self, id: impl Into<String>) -> Self {
        self.identifier = Some(id.into());
        self
    }

    /// The RSA padding of the key wrap (default OAEP-SHA-256).
    pub fn padding(mut self, padding: RsaPadding) -> Self {
        self.options.padding = padding;
        self
    }

    /// Hybrid (default) or legacy envelopes.
    pub fn mode(mut self, mode: EnvelopeMode) -> Self {
        self.options.mode = mode;
        self
    }

    /// The largest body `open` accepts (default 1 MiB).
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.options.max_body = bytes;
        self
    }

    /// All options at once.
    pub fn options(mut self, options: KeepzOptions) -> Self {
        self.options = options;
        self
    }

    /// Checks the settings and builds the handle.
    pub fn build(self) -> Result<Keepz> {
        if self.seal_to.is_none() && self.open_with.is_none() {
            return Err(Error::new(
                ErrorKind::MissingKey,
                "a Keepz handle needs a public key to seal to, a private key to open with, or both",
            ));
        }
        if let Some(id) = &self.identifier {
            check_identifier(id)?;
        }
        if self.options.max_body == 0 {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "the maximum body size must be at least 1 byte",
            ));
        }
        Ok(Keepz {
            seal_to: self.seal_to,
            open_with: self.open_with,
            identifier: self.identifier,
            options: self.options,
        })
    }
}

/// Checks that an integrator id is UUID-shaped (8-4-4-4-12 hex digits): an option of the handle,
/// so [`ErrorKind::InvalidArgument`] rather than a request's `InvalidRequest`.
pub(crate) fn check_identifier(id: &str) -> Result<()> {
    if crate::field_checks::is_uuid(id) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidArgument,
            format!(
                "the identifier {} is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx); use the \
                 integrator id Keepz issued",
                excerpt(id)
            ),
        ))
    }
}

impl Keepz {
    /// Starts building a handle.
    pub fn builder() -> KeepzBuilder {
        KeepzBuilder::default()
    }

    /// An integrator's handle from key text in any format: Keepz's public key, the integrator's
    /// private key and id, default options.
    pub fn integrator(
        keepz_public_key: impl AsRef<[u8]>,
        integrator_private_key: impl AsRef<[u8]>,
        identifier: &str,
    ) -> Result<Keepz> {
        Keepz::builder()
            .seal_to(PublicKey::parse(keepz_public_key)?)
            .open_with(PrivateKey::parse(integrator_private_key)?)
            .identifier(identifier)
            .build()
    }

    /// The options.
    pub fn options(&self) -> &KeepzOptions {
        &self.options
    }

    /// The identifier sent with requests, if any.
    pub fn identifier(&self) -> Option<&str> {
        self.identifier.as_deref()
    }

    /// The public key sealed to, if any.
    pub fn seal_key(&self) -> Option<&PublicKey> {
        self.seal_to.as_ref()
    }

    /// The private key opened with, if any.
    pub fn open_key(&self) -> Option<&PrivateKey> {
        self.open_with.as_ref()
    }

    /// Seals any serializable payload, written as compact UTF-8 JSON.
    pub fn seal<T: Serialize + ?Sized>(&self, payload: &T) -> Result<SealedEnvelope> {
        let json = to_compact_json(payload)?;
        self.seal_checked(&json)
    }

    /// Seals a payload given as JSON bytes, sent exactly as given (it must be UTF-8 JSON).
    pub fn seal_bytes(&self, json: &[u8]) -> Result<SealedEnvelope> {
        check_payload_bytes(json)?;
        self.seal_checked(json)
    }

    fn seal_checked(&self, json: &[u8]) -> Result<SealedEnvelope> {
        if !is_json_container(json) {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                "the payload is JSON but not an object or array; Keepz payloads are JSON objects",
            ));
        }
        let public = self.seal_to.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::MissingKey,
                "this handle has no public key to seal to (it was built open-only)",
            )
        })?;
        let (encrypted_data, encrypted_keys) = match self.options.mode {
            EnvelopeMode::Hybrid => {
                let (data, keys) = seal::seal_hybrid(public, self.options.padding, json)?;
                (data, Some(keys))
            }
            EnvelopeMode::Legacy => (seal::seal_legacy(public, json)?, None),
        };
        Ok(SealedEnvelope {
            identifier: self.identifier.clone(),
            encrypted_data,
            encrypted_keys,
        })
    }

    pub(crate) fn private(&self) -> Result<&PrivateKey> {
        self.open_with.as_ref().ok_or_else(|| {
            Error::new(
                ErrorKind::MissingKey,
                "this handle has no private key to open with (it was built seal-only)",
            )
        })
    }

    /// Opens a response or callback body.
    ///
    /// - an envelope → its plaintext JSON, or [`ErrorKind::CannotOpen`] (one error for every
    ///   cryptographic or decoding failure);
    /// - Keepz's plain error body → [`ErrorKind::GatewayError`] with the typed
    ///   [`super::KeepzApiError`] attached;
    /// - an empty body → [`ErrorKind::EmptyBody`];
    /// - a body over the size limit → [`ErrorKind::BodyTooLarge`], before it is decoded;
    /// - anything else → [`ErrorKind::NotJson`] (an HTML page, say) or [`ErrorKind::NotEnvelope`].
    pub fn open(&self, body: &[u8]) -> Result<Plaintext> {
        let private = self.private()?;
        let wire = self.read_body(body, None)?;
        open::open_wire(private, &self.options, &wire)
    }

    /// Opens a body and deserializes the plaintext into `T`.
    pub fn open_as<T: DeserializeOwned>(&self, body: &[u8]) -> Result<T> {
        self.open(body)?.parse()
    }

    /// Opens an envelope received as a query string (what Keepz receives on GET and DELETE).
    pub fn open_query(&self, query_string: &str) -> Result<Plaintext> {
        let private = self.private()?;
        if query_string.len() > self.options.max_body {
            return Err(self.too_large(query_string.len()));
        }
        let wire = from_query(query_string)?;
        open::open_wire(private, &self.options, &wire)
    }

    fn too_large(&self, len: usize) -> Error {
        Error::new(
            ErrorKind::BodyTooLarge,
            format!(
                "the body is {len} bytes, over the {}-byte limit of this handle",
                self.options.max_body
            ),
        )
    }

    /// Size check, emptiness, JSON and shape: everything before decryption.
    pub(crate) fn read_body<'a>(
        &self,
        body: &'a [u8],
        http_status: Option<u16>,
    ) -> Result<WireEnvelope<'a>> {
        if body.len() > self.options.max_body {
            return Err(self.too_large(body.len()));
        }
        if body.trim_ascii().is_empty() {
            return Err(Error::new(ErrorKind::EmptyBody, "the body is empty"));
        }
        self.envelope_of(classify_body(body)?, http_status)
    }

    /// The envelope of a classified body, or the error its shape calls for.
    pub(crate) fn envelope_of<'a>(
        &self,
        shape: BodyShape<'a>,
        http_status: Option<u16>,
    ) -> Result<WireEnvelope<'a>> {
        match shape {
            BodyShape::Envelope(wire) => Ok(wire),
            BodyShape::GatewayError(mut e) => {
                e.http_status = http_status;
                Err(Error::gateway(GatewayFailure::Keepz(e)))
            }
            BodyShape::Other(what) => Err(Error::new(
                ErrorKind::NotEnvelope,
                format!("the body is neither a Keepz envelope nor a Keepz error: {what}"),
            )),
        }
    }
}
