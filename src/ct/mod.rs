//! The open path's validity decision, in constant time.
//!
//! From the RSA step's output to the one Ok/`CannotOpen` answer, nothing branches on, or reads
//! memory at an address given by, secret-derived data. Every check runs over the whole of its input
//! and yields a [`subtle::Choice`]:
//!
//! - the key string and its Base64 ([`key_string`], [`base64`]),
//! - the PKCS#7 padding, whose bytes are then blanked rather than cut off ([`unpad`]),
//! - UTF-8 ([`utf8`]), the top level (object or array) and the nesting depth ([`json`]),
//!
//! and [`decision`] combines them and makes the result public exactly once. Only then does serde
//! read the plaintext (JSON syntax, then typed parsing), and only when it is valid. [`secret`]
//! marks the secrets for valgrind so that `scripts/ct-check.sh` can prove all this; [`simd`]
//! chooses between the AVX2 and the portable scans.

pub(crate) mod base64;
pub(crate) mod decision;
pub(crate) mod json;
pub(crate) mod key_string;
pub(crate) mod secret;
pub(crate) mod simd;
pub(crate) mod unpad;
pub(crate) mod utf8;

pub(crate) use decision::{Container, decide_message, decide_padded};
pub(crate) use key_string::KEY_STRING_LEN;

/// Hooks for the constant-time harness (`tests/ct_valgrind.rs`) and the checks' benchmark
/// (`benches/ct_checks.rs`); compiled only with the hidden `ct-internals` feature. Not an API.
#[cfg(feature = "ct-internals")]
pub mod internals {
    pub use super::secret::{running_on_valgrind, taint_rsa_input};
    pub use super::simd::force_portable;

    /// Marks `bytes` secret for memcheck (the harness's positive control).
    pub fn mark_secret(bytes: &mut [u8]) {
        super::secret::mark_secret(bytes);
    }

    /// The constant-time text checks of the open path (UTF-8, an object or array, depth), as
    /// one boolean, declassified like the decision.
    pub fn text_ok(bytes: &[u8]) -> bool {
        super::secret::declassify_choice(super::decision::text_ok(
            bytes,
            super::Container::ObjectOrArray,
        ))
    }

    /// The checks they replaced: `std::str::from_utf8`, the first non-blank byte, and the depth
    /// scan that skips strings (each stops early).
    pub fn old_text_ok(bytes: &[u8]) -> bool {
        std::str::from_utf8(bytes).is_ok()
            && crate::plaintext::is_json_container(bytes)
            && crate::plaintext::depth_within_limit(bytes)
    }

    /// The UTF-8 check alone (AVX2 or portable, see [`force_portable`]).
    pub fn is_utf8(bytes: &[u8]) -> bool {
        super::secret::declassify_choice(super::utf8::is_utf8(bytes))
    }

    /// The JSON-shape scan alone: (the first bracket outside strings is `{`, it is `[`, the
    /// running depth never exceeds 127).
    pub fn json_shape(bytes: &[u8]) -> (bool, bool, bool) {
        let shape = super::json::scan(bytes);
        let public = super::secret::declassify_choice;
        (
            public(shape.object),
            public(shape.array),
            public(shape.depth_ok),
        )
    }

    /// The hybrid open path's decision over a decrypted (padded) buffer, with a key block that
    /// read: the plaintext it lets through, if any.
    pub fn open_padded(buf: &[u8]) -> Option<Vec<u8>> {
        let buf = zeroize::Zeroizing::new(buf.to_vec());
        let opened = super::decide_padded(subtle::Choice::from(1), buf).ok()?;
        Some(opened.as_bytes().to_vec())
    }

    /// The PKCS#1 v1.5 paths' decision over a whole message (`object_only`: TransactPay's, else
    /// Keepz legacy's): the plaintext it lets through, if any.
    pub fn open_message(message: &[u8], object_only: bool) -> Option<Vec<u8>> {
        let container = if object_only {
            super::Container::Object
        } else {
            super::Container::ObjectOrArray
        };
        let message = zeroize::Zeroizing::new(message.to_vec());
        let opened = super::decide_message(subtle::Choice::from(1), message, container).ok()?;
        Some(opened.as_bytes().to_vec())
    }

    /// serde's JSON syntax check, which runs after the decision (and ran before it too).
    pub fn json_syntax_ok(bytes: &[u8]) -> bool {
        serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
    }
}
