//! The offline explanation of why a Keepz envelope does not open: [`KeepzDiagnostics`], a handle
//! of its own that no production [`super::Keepz`] handle can reach.
//!
//! # Why a separate handle
//!
//! The production open path answers every failure with one error on purpose (see
//! [`crate::error`]): whoever can post to a callback URL must not learn why an envelope failed.
//! A diagnosis is exactly that lesson, so it lives behind a type that must be built on purpose,
//! from the private key, by code written for debugging (the `payseal doctor` command, a test, an
//! offline script) — there is no `Keepz::diagnose`, no option that turns it on in a handle a
//! request path holds, and through the C ABI it is a separate handle type with its own
//! constructor. A code review finds every place that can diagnose by looking for this type.
//!
//! # What a diagnosis says, and what it does not
//!
//! It says what an integrator needs to fix an integration, offline:
//! - public facts about the body: its size against the limit, whether it is JSON, an envelope, a
//!   Keepz error or something else (the same messages as `open`), whether each field is standard
//!   Base64 (or wrapped, or URL-safe), how many bytes each decodes to, whether an RSA block has
//!   the length this key needs, the key's size and fingerprint;
//! - **one bit for the key block**: whether `encryptedKeys` opens under the handle's padding with
//!   this key (padding valid *and* a well-formed key string — not which of the two failed, not the
//!   length of what was decrypted);
//! - only when asked ([`DiagnoseOptions::try_other_padding`]): the same bit under the other
//!   padding, for the commonest mistake (OAEP against PKCS#1 v1.5);
//! - **one bit for the payload**: whether `encryptedData` then decrypts, under that key and IV,
//!   to UTF-8 JSON of an object or array nested at most 127 levels — not which check failed
//!   (CBC padding, UTF-8, syntax, depth), not serde's line and column, not a length. That bit is
//!   what `open` itself answers once the key block is good. Legacy envelopes have one bit in all:
//!   with implicit rejection a bad padding is not told apart from a bad payload anyway.
//!
//! So a diagnosis still answers "does this key block open?", which `open` does not: an RSA
//! padding oracle (Bleichenbacher's for PKCS#1 v1.5, Manger's for OAEP) if its answer ever
//! reached whoever posted the body. Never return it over the network; run it offline.
//!
//! The checks themselves are the production ones (`unwrap_key_string` and the constant-time
//! decision of `open`), so a diagnosis and `open` cannot disagree.

use super::envelope::{BodyShape, classify_body};
use super::key_string::AesMaterial;
use super::open::{open_hybrid, open_legacy};
use super::{EnvelopeMode, KeepzOptions};
use crate::backend::RsaPadding;
use crate::encoding::base64::{decode_strict, has_whitespace};
use crate::error::{Error, ErrorKind, Result};
use crate::keys::PrivateKey;

/// The outcome of a diagnosis.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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

    fn open(mut self, step: impl Into<String>) -> Diagnosis {
        self.steps.push(step.into());
        self.opens = true;
        self
    }
}

/// What a diagnosis may try beyond the handle's own settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiagnoseOptions {
    /// Also try the key block under the other RSA padding (OAEP-SHA-256 ↔ PKCS#1 v1.5) when it
    /// does not open under the handle's: one more RSA decryption, and one more bit of the
    /// oracle. Off by default.
    pub try_other_padding: bool,
}

impl DiagnoseOptions {
    /// The options with [`DiagnoseOptions::try_other_padding`] set.
    pub fn try_other_padding(mut self, yes: bool) -> Self {
        self.try_other_padding = yes;
        self
    }
}

/// Explains, offline, why Keepz envelopes do or do not open with a private key and options. See
/// the module docs for why this is a separate handle and what a diagnosis says.
///
/// ```
/// use payseal::keepz::{DiagnoseOptions, Keepz, KeepzDiagnostics, KeepzOptions};
/// use payseal::keys::PrivateKey;
/// use payseal::RsaPadding;
/// # fn main() -> payseal::Result<()> {
/// let integrator_key = PrivateKey::generate(2048)?;
/// // A sender that wrongly uses PKCS#1 v1.5 for the key block.
/// let sender = Keepz::builder()
///     .seal_to(integrator_key.public_key().clone())
///     .padding(RsaPadding::Pkcs1v15)
///     .build()?;
/// let body = sender.seal(&serde_json::json!({"status": "SUCCESS"}))?.to_json_body();
///
/// // Offline, with the integrator's key and the settings its handle uses (OAEP by default):
/// let doctor = KeepzDiagnostics::new(integrator_key, KeepzOptions::default());
/// let d = doctor.explain(body.as_bytes(), DiagnoseOptions::default());
/// assert!(!d.opens);
/// let d = doctor.explain(body.as_bytes(), DiagnoseOptions::default().try_other_padding(true));
/// assert!(d.reason.unwrap().contains("set the padding to pkcs1v15"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct KeepzDiagnostics {
    private: PrivateKey,
    options: KeepzOptions,
}

impl KeepzDiagnostics {
    /// A diagnostics handle for envelopes opened with `private` under `options`.
    pub fn new(private: PrivateKey, options: KeepzOptions) -> KeepzDiagnostics {
        KeepzDiagnostics { private, options }
    }

    /// [`KeepzDiagnostics::new`], refusing options no handle could be built with (a body limit
    /// of 0), as `KeepzBuilder::build` does.
    pub fn checked(private: PrivateKey, options: KeepzOptions) -> Result<KeepzDiagnostics> {
        if options.max_body == 0 {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                "the maximum body size must be at least 1 byte",
            ));
        }
        Ok(KeepzDiagnostics::new(private, options))
    }

    /// The options envelopes are diagnosed under.
    pub fn options(&self) -> &KeepzOptions {
        &self.options
    }

    /// Explains why `body` does or does not open.
    pub fn explain(&self, body: &[u8], ask: DiagnoseOptions) -> Diagnosis {
        let private = &self.private;
        let d = Diagnosis {
            opens: false,
            steps: vec![format!(
                "private key: {} bits, public fingerprint {}",
                private.bits(),
                private.public_key().fingerprint()
            )],
            reason: None,
        };
        if body.len() > self.options.max_body {
            return d.fail(format!(
                "the body is {} bytes, over the {}-byte limit",
                body.len(),
                self.options.max_body
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
        match (&wire.encrypted_keys, self.options.mode) {
            (None, mode) => {
                let mut d = d;
                if mode == EnvelopeMode::Hybrid {
                    d.steps.push(
                        "no encryptedKeys: this is a legacy (RSA-only) envelope, and the handle \
                         expects hybrid ones"
                            .into(),
                    );
                }
                self.legacy(&wire.encrypted_data, d)
            }
            (Some(keys), mode) => {
                let mut d = d;
                if mode == EnvelopeMode::Legacy {
                    d.steps.push(
                        "encryptedKeys present: this is a hybrid envelope, and the handle \
                         expects legacy ones"
                            .into(),
                    );
                }
                self.hybrid(&wire.encrypted_data, keys, ask, d)
            }
        }
    }

    fn hybrid(&self, data: &str, keys: &str, ask: DiagnoseOptions, mut d: Diagnosis) -> Diagnosis {
        let padding = self.options.padding;
        let block = match decode_field("encryptedKeys", keys, &mut d.steps) {
            Ok(block) => block,
            Err(why) => return d.fail(why),
        };
        if let Some(why) = self.check_block_len("encryptedKeys", &block) {
            return d.fail(why);
        }
        if !self.key_block_opens(padding, &block) {
            let other = other(padding);
            if !ask.try_other_padding {
                return d.fail(format!(
                    "the key block does not open under RSA {} with this private key: it was \
                     sealed to another public key (compare fingerprints), or with another \
                     padding (ask to try the other padding to tell)",
                    padding.name()
                ));
            }
            return if self.key_block_opens(other, &block) {
                d.fail(format!(
                    "the key block does not open under RSA {} but does under {}: it was sealed \
                     with {}; set the padding to {}",
                    padding.name(),
                    other.name(),
                    other.name(),
                    other.name()
                ))
            } else {
                d.fail(format!(
                    "the key block opens under neither RSA {} nor {} with this private key: it \
                     was sealed to another public key (compare fingerprints), or with a padding \
                     payseal does not use (such as OAEP with MGF1-SHA-1)",
                    padding.name(),
                    other.name()
                ))
            };
        }
        d.steps.push(format!(
            "encryptedKeys: the key block opens under RSA {}",
            padding.name()
        ));
        if let Err(why) = decode_field("encryptedData", data, &mut d.steps) {
            return d.fail(why);
        }
        match open_hybrid(&self.private, padding, data, keys) {
            Ok(plaintext) => d.open(format!(
                "encryptedData: {} bytes of UTF-8 JSON",
                plaintext.len()
            )),
            Err(_) => d.fail(
                "encryptedData does not decrypt, under the key and IV of encryptedKeys, to UTF-8 \
                 JSON of an object or array nested at most 127 levels: the two fields come from \
                 different messages, or the sender encrypted something else",
            ),
        }
    }

    fn legacy(&self, data: &str, mut d: Diagnosis) -> Diagnosis {
        let block = match decode_field("encryptedData", data, &mut d.steps) {
            Ok(block) => block,
            Err(why) => return d.fail(why),
        };
        if let Some(why) = self.check_block_len("encryptedData", &block) {
            return d.fail(why);
        }
        match open_legacy(&self.private, data) {
            Ok(plaintext) => d.open(format!(
                "the block opens under RSA pkcs1v15: {} bytes of UTF-8 JSON",
                plaintext.len()
            )),
            Err(_) => d.fail(
                "the legacy block does not open under RSA pkcs1v15 with this private key to \
                 UTF-8 JSON of an object or array: it was sealed to another public key, with \
                 another padding, or holds something else",
            ),
        }
    }

    /// Whether the key block opens under `padding`: the production check (padding and a
    /// well-formed key string as one answer), made public here because this is the diagnosis.
    fn key_block_opens(&self, padding: RsaPadding, block: &[u8]) -> bool {
        let (unwrapped, key_string) = self.private.unwrap_key_string(padding, block);
        let (reads, _material) = AesMaterial::from_key_string(&key_string);
        bool::from(unwrapped & reads)
    }

    fn check_block_len(&self, name: &str, block: &[u8]) -> Option<String> {
        let private = &self.private;
        (block.len() != private.size_bytes()).then(|| {
            format!(
                "{name} decodes to {} bytes, but an RSA block for this {}-bit key is {} bytes: \
                 it was sealed to a different key",
                block.len(),
                private.bits(),
                private.size_bytes()
            )
        })
    }
}

fn other(padding: RsaPadding) -> RsaPadding {
    match padding {
        RsaPadding::OaepSha256 => RsaPadding::Pkcs1v15,
        RsaPadding::Pkcs1v15 => RsaPadding::OaepSha256,
    }
}

/// Decodes a (public) Base64 field, noting what was found.
fn decode_field(
    name: &str,
    text: &str,
    steps: &mut Vec<String>,
) -> std::result::Result<Vec<u8>, String> {
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
