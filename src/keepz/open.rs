//! Opening: envelope fields → plaintext JSON, with one indistinguishable error.
//!
//! Whatever fails — Base64 of either field, the RSA block, the key string, the CBC padding, UTF-8,
//! JSON, nesting depth, or a top-level value that is not an object or array — the result is
//! [`Error::cannot_open`], with no sub-reason and no partial plaintext, and it is decided in one
//! place (`crate::ct::decision`). Everything from the RSA step's output to that decision runs in
//! constant time, with the same work whatever fails: a random stand-in AES key and IV replace a key
//! string that does not read (selected without a branch), the AES decryption always runs, and the
//! padding, UTF-8 and JSON-shape checks always cover the whole plaintext. Only Base64 decoding of
//! the (public) fields comes before the RSA step, and only serde after the decision.

use super::envelope::WireEnvelope;
use super::key_string::AesMaterial;
use crate::backend::{RsaPadding, aes256_cbc_decrypt_padded};
use crate::ct::{Container, decide_padded};
use crate::encoding::base64::decode_lenient;
use crate::error::{Error, Result};
use crate::keys::PrivateKey;
use crate::pkcs1_json::open_pkcs1_json;
use crate::plaintext::Plaintext;

/// Opens a hybrid envelope.
pub(crate) fn open_hybrid(
    private: &PrivateKey,
    padding: RsaPadding,
    encrypted_data: &str,
    encrypted_keys: &str,
) -> Result<Plaintext> {
    let mut material = AesMaterial::random()?;

    let block = decode_lenient(encrypted_keys.as_bytes()).unwrap_or_default();
    let (unwrapped, key_string) = private.unwrap_key_string(padding, &block);
    let (reads, real) = AesMaterial::from_key_string(&key_string);
    let key_ok = unwrapped & reads;
    material.assign_if(&real, key_ok);

    // The ciphertext's length is public: a field that is not whole AES blocks fails here.
    let ciphertext = decode_lenient(encrypted_data.as_bytes()).unwrap_or_default();
    let Ok(plaintext) =
        aes256_cbc_decrypt_padded(private.backend(), &material.key, &material.iv, ciphertext)
    else {
        return Err(Error::cannot_open());
    };
    decide_padded(key_ok, plaintext)
}

/// Opens a legacy envelope (RSA PKCS#1 v1.5 of the whole JSON).
pub(crate) fn open_legacy(private: &PrivateKey, encrypted_data: &str) -> Result<Plaintext> {
    open_pkcs1_json(private, encrypted_data, Container::ObjectOrArray)
}

/// Opens a wire envelope in the given mode.
pub(crate) fn open_wire(
    private: &PrivateKey,
    options: &super::KeepzOptions,
    wire: &WireEnvelope,
) -> Result<Plaintext> {
    match (&wire.encrypted_keys, options.mode) {
        (Some(keys), super::EnvelopeMode::Hybrid) => {
            open_hybrid(private, options.padding, &wire.encrypted_data, keys)
        }
        (None, super::EnvelopeMode::Legacy) => open_legacy(private, &wire.encrypted_data),
        (None, super::EnvelopeMode::Hybrid) => Err(Error::new(
            crate::ErrorKind::NotEnvelope,
            "the body is a legacy envelope (encryptedData without encryptedKeys), but this handle \
             expects hybrid envelopes; build it in legacy mode if this integration uses them",
        )),
        (Some(_), super::EnvelopeMode::Legacy) => Err(Error::new(
            crate::ErrorKind::NotEnvelope,
            "the body is a hybrid envelope (it has encryptedKeys), but this handle is in legacy mode",
        )),
    }
}
