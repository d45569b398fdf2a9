//! Opening: envelope fields → plaintext JSON, with one indistinguishable error.
//!
//! Whatever fails — Base64 of either field, the RSA block, the key string, the CBC padding, UTF-8,
//! JSON, or a top-level value that is not an object or array — the result is [`Error::cannot_open`], with no sub-reason and no partial plaintext.
//!
//! The RSA step has no padding oracle on either backend: the hybrid key block is unwrapped as a
//! message of known length ([`PrivateKey::unwrap_fixed`]: padding and length checked together,
//! giving a [`Choice`]), and a random stand-in key and IV are selected in constant time when it is
//! false, so the AES and JSON steps run the same way after any RSA outcome. Legacy blocks use
//! PKCS#1 v1.5 with implicit rejection ([`PrivateKey::decrypt_implicit_rejection`]): an invalid
//! padding gives a synthetic message, which the JSON checks refuse like any other bad plaintext.

use super::envelope::WireEnvelope;
use super::key_string::{AesMaterial, KEY_STRING_LEN, decode_key_string};
use crate::backend::{RsaPadding, aes256_cbc_decrypt};
use crate::encoding::base64::decode_lenient;
use crate::error::{Error, Result};
use crate::keys::PrivateKey;
use crate::plaintext::{Plaintext, is_json, is_json_container};
use subtle::Choice;
use zeroize::Zeroizing;

/// The RSA step of a hybrid open: whether `encrypted_keys` unwraps (Base64, padding and length)
/// to a key string, and those 69 bytes. The `Choice` is false, with no branch on secret data, for
/// any padding or length defect; a field that is not Base64 (public) gives false too.
pub(crate) fn unwrap_key_string(
    private: &PrivateKey,
    padding: RsaPadding,
    encrypted_keys: &str,
) -> (Choice, Zeroizing<[u8; KEY_STRING_LEN]>) {
    match decode_lenient(encrypted_keys.as_bytes()) {
        Ok(block) => private.unwrap_fixed::<KEY_STRING_LEN>(padding, &block),
        Err(_) => (Choice::from(0), Zeroizing::new([0u8; KEY_STRING_LEN])),
    }
}

/// Opens a hybrid envelope.
pub(crate) fn open_hybrid(
    private: &PrivateKey,
    padding: RsaPadding,
    encrypted_data: &str,
    encrypted_keys: &str,
) -> Result<Plaintext> {
    let stand_in = AesMaterial::random()?;
    let (rsa_ok, key_string) = unwrap_key_string(private, padding, encrypted_keys);
    // The key string's own check (Base64 of a 32-byte key and a 16-byte IV) still branches; the
    // branch-free decision (key string, PKCS#7, UTF-8, JSON) replaces this and what follows.
    let parsed = decode_key_string(&key_string[..]);
    let key_ok = rsa_ok & Choice::from(u8::from(parsed.is_some()));
    let material = AesMaterial::select(&stand_in, parsed.as_ref().unwrap_or(&stand_in), key_ok);

    let ciphertext = decode_lenient(encrypted_data.as_bytes()).unwrap_or_default();
    let decrypted = aes256_cbc_decrypt(private.backend(), &material.key, &material.iv, ciphertext);
    match decrypted {
        Ok(plaintext)
            if bool::from(key_ok) && is_json_container(&plaintext) && is_json(&plaintext) =>
        {
            Ok(Plaintext::from_checked(plaintext))
        }
        _ => Err(Error::cannot_open()),
    }
}

/// Opens a legacy envelope (RSA PKCS#1 v1.5 of the whole JSON, with implicit rejection).
pub(crate) fn open_legacy(private: &PrivateKey, encrypted_data: &str) -> Result<Plaintext> {
    let decrypted = match decode_lenient(encrypted_data.as_bytes()) {
        Ok(block) => private.decrypt_implicit_rejection(&block),
        Err(_) => Err(()),
    };
    match decrypted {
        Ok(plaintext) if is_json_container(&plaintext) && is_json(&plaintext) => {
            Ok(Plaintext::from_checked(plaintext))
        }
        _ => Err(Error::cannot_open()),
    }
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
