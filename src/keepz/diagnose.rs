//! The explicitly named diagnostic: *why* does an envelope not open?
//!
//! The production open path answers every failure with one error on purpose (see
//! [`crate::error`]). Integrators debugging offline need the real reason — the other RSA padding,
//! another key, URL-safe Base64, mismatched fields — and this module gives it. Never expose its
//! output to whoever posted the envelope: it is a padding oracle by design.

use super::envelope::{BodyShape, WireEnvelope, classify_body};
use super::key_string::{decode_key_string, explain_key_string};
use super::{EnvelopeMode, KeepzOptions};
use crate::backend::{RsaPadding, aes256_cbc_decrypt};
use crate::encoding::base64::{decode_strict, has_whitespace};
use crate::keys::PrivateKey;

/// The outcome of a diagnosis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnosis {
    /// Whether the envelope opens with these settings.
    pub opens: bool,
    /// What each step found, in order.
    pub steps: Vec<String>,
    /// Why it does not open, for people (`None` when it opens).
    pub reason: Option<String>,
}

impl Diagnosis {
    /// The diagnosis as JSON: `{"opens":bool,"reason":string|null,"steps":[string]}`.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::json!({"opens": self.opens, "reason": self.reason, "steps": self.steps})
    }

    fn fail(mut self, reason: impl Into<String>) -> Diagnosis {
        let reason = reason.into();
        self.steps.push(format!("FAIL: {reason}"));
        self.reason = Some(reason);
        self
    }
}

fn decode_field(name: &str, text: &str, steps: &mut Vec<String>) -> Result<Vec<u8>, String> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if has_whitespace(text.as_bytes()) {
        steps.push(format!(
            "{name}: Base64 wrapped with whitespace or line breaks (tolerated)"
        ));
    }
    match decode_strict(compact.as_bytes()) {
        Ok(bytes) => {
            steps.push(format!(
                "{name}: {} Base64 characters, {} bytes",
                compact.len(),
                bytes.len()
            ));
            Ok(bytes)
        }
        Err(problem) => Err(format!("{name} is not standard Base64: {problem}")),
    }
}

/// Explains why `body` does or does not open with `private` under `options`.
pub fn diagnose(private: &PrivateKey, options: &KeepzOptions, body: &[u8]) -> Diagnosis {
    let mut d = Diagnosis {
        opens: false,
        steps: vec![format!(
            "private key: {} bits, public fingerprint {}",
            private.bits(),
            private.public_key().fingerprint()
        )],
        reason: None,
    };
    if body.len() > options.max_body {
        return d.fail(format!(
            "the body is {} bytes, over the {}-byte limit",
            body.len(),
            options.max_body
        ));
    }
    if body.trim_ascii().is_empty() {
        return d.fail("the body is empty");
    }
    let wire = match classify_body(body) {
        Err(e) => return d.fail(e.message().to_string()),
        Ok(BodyShape::GatewayError(e)) => {
            return d.fail(format!(
                "this is not an envelope but Keepz's error body: {e}"
            ));
        }
        Ok(BodyShape::Other(what)) => return d.fail(format!("the body is {what}")),
        Ok(BodyShape::Envelope(wire)) => wire,
    };
    match (&wire.encrypted_keys, options.mode) {
        (None, EnvelopeMode::Hybrid) => {
            d.steps
                .push("no encryptedKeys: this is a legacy (RSA-only) envelope".into());
            diagnose_legacy(private, &wire, d)
        }
        (None, EnvelopeMode::Legacy) => diagnose_legacy(private, &wire, d),
        (Some(keys), mode) => {
            if mode == EnvelopeMode::Legacy {
                d.steps
                    .push("encryptedKeys present: this is a hybrid envelope, not legacy".into());
            }
            diagnose_hybrid(private, options.padding, &wire.encrypted_data, keys, d)
        }
    }
}

fn other(padding: RsaPadding) -> RsaPadding {
    match padding {
        RsaPadding::OaepSha256 => RsaPadding::Pkcs1v15,
        RsaPadding::Pkcs1v15 => RsaPadding::OaepSha256,
    }
}

fn check_block_len(private: &PrivateKey, name: &str, block: &[u8]) -> Option<String> {
    (block.len() != private.size_bytes()).then(|| {
        format!(
            "{name} decodes to {} bytes, but an RSA block for this {}-bit key is {} bytes: it was \
             sealed to a different key",
            block.len(),
            private.bits(),
            private.size_bytes()
        )
    })
}

fn diagnose_hybrid(
    private: &PrivateKey,
    padding: RsaPadding,
    encrypted_data: &str,
    encrypted_keys: &str,
    mut d: Diagnosis,
) -> Diagnosis {
    let block = match decode_field("encryptedKeys", encrypted_keys, &mut d.steps) {
        Ok(b) => b,
        Err(why) => return d.fail(why),
    };
    if let Some(why) = check_block_len(private, "encryptedKeys", &block) {
        return d.fail(why);
    }
    let key_text = match private.decrypt_revealing(padding, &block) {
        Ok(text) => {
            d.steps
                .push(format!("RSA {}: the key block opens", padding.name()));
            text
        }
        Err(()) => {
            // Here the padding check is explicit on both backends (the open path's is not).
            return match private.decrypt_revealing(other(padding), &block) {
                Ok(text) if decode_key_string(&text).is_some() => d.fail(format!(
                    "the key block was sealed with RSA {} but this handle expects {}: set the \
                     padding to {}",
                    other(padding).name(),
                    padding.name(),
                    other(padding).name()
                )),
                _ => d.fail(format!(
                    "the key block does not open with this private key under {} (nor {}): it was \
                     sealed to another public key (compare fingerprints), or with a padding payseal \
                     does not use, such as OAEP with MGF1-SHA-1",
                    padding.name(),
                    other(padding).name()
                )),
            };
        }
    };
    let Some(material) = decode_key_string(&key_text) else {
        if padding == RsaPadding::Pkcs1v15 {
            if let Ok(text) = private.decrypt_revealing(RsaPadding::OaepSha256, &block) {
                if decode_key_string(&text).is_some() {
                    return d.fail(format!(
                        "the key block was sealed with RSA {} but this handle expects {}: set \
                         the padding to {}",
                        RsaPadding::OaepSha256.name(),
                        padding.name(),
                        RsaPadding::OaepSha256.name()
                    ));
                }
            }
            return d.fail(format!(
                "{} (with PKCS#1 v1.5 this also means: wrong key, or another padding)",
                explain_key_string(&key_text)
            ));
        }
        return d.fail(explain_key_string(&key_text));
    };
    d.steps
        .push("key string: 32-byte AES key and 16-byte IV".into());
    let ciphertext = match decode_field("encryptedData", encrypted_data, &mut d.steps) {
        Ok(c) => c,
        Err(why) => return d.fail(why),
    };
    if ciphertext.is_empty() || ciphertext.len() % 16 != 0 {
        return d.fail(format!(
            "encryptedData is {} bytes, not a non-zero multiple of the 16-byte AES block",
            ciphertext.len()
        ));
    }
    match aes256_cbc_decrypt(private.backend(), &material.key, &material.iv, ciphertext) {
        Ok(plaintext) => check_plaintext(&plaintext, d),
        Err(()) => d.fail(
            "AES-256-CBC decryption gives an invalid PKCS#7 padding: encryptedData was not \
             encrypted with the key and IV in encryptedKeys (fields from different messages?)",
        ),
    }
}

fn diagnose_legacy(private: &PrivateKey, wire: &WireEnvelope, mut d: Diagnosis) -> Diagnosis {
    let block = match decode_field("encryptedData", &wire.encrypted_data, &mut d.steps) {
        Ok(b) => b,
        Err(why) => return d.fail(why),
    };
    if let Some(why) = check_block_len(private, "encryptedData", &block) {
        return d.fail(why);
    }
    match private.decrypt_revealing(RsaPadding::Pkcs1v15, &block) {
        Ok(plaintext) => {
            d.steps.push("RSA pkcs1v15: the block opens".into());
            check_plaintext(&plaintext, d)
        }
        Err(()) => d.fail(
            "the legacy block does not open with this private key under PKCS#1 v1.5: it was \
             sealed to another public key, or with another padding",
        ),
    }
}

fn check_plaintext(plaintext: &[u8], mut d: Diagnosis) -> Diagnosis {
    if std::str::from_utf8(plaintext).is_err() {
        return d.fail(format!(
            "the decrypted payload ({} bytes) is not UTF-8 (with PKCS#1 v1.5 this also means the \
             wrong key or padding)",
            plaintext.len()
        ));
    }
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(plaintext) {
        return d.fail(format!(
            "the decrypted payload ({} bytes) is UTF-8 but not JSON: {e}",
            plaintext.len()
        ));
    }
    if !crate::plaintext::depth_within_limit(plaintext) {
        return d.fail(format!(
            "the decrypted payload ({} bytes) is JSON nested more than {} levels deep",
            plaintext.len(),
            crate::plaintext::MAX_JSON_DEPTH
        ));
    }
    if !crate::plaintext::is_json_container(plaintext) {
        return d.fail(
            "the decrypted payload is JSON but not an object or array (with PKCS#1 v1.5 this \
             also means the wrong key or padding)",
        );
    }
    d.steps
        .push(format!("payload: {} bytes of UTF-8 JSON", plaintext.len()));
    d.opens = true;
    d
}
