//! RSA padding removal, written here and branch-free: from the raw RSA output to a validity
//! [`Choice`] and a message, nothing branches on, or indexes memory by, secret data.
//!
//! Why payseal's own: AWS-LC's padded decryption branches on the padding result and copies a
//! message of secret length (its `rsa_crypt.c` says the API "make[s] it impossible to completely
//! avoid Bleichenbacher's attack"), and payseal then branched again on its error — a timing oracle
//! on the default backend. Both backends now do only the raw, blinded private operation
//! (`PrivateKey::rsa_private_raw`, the one place where secret data enters) and every step after
//! it is in this module, the same code on both:
//!
//! - [`oaep`]: RSAES-OAEP-SHA-256/MGF1-SHA-256 decoding (RFC 8017 §7.1.2, step 3);
//! - [`pkcs1v15`]: RSAES-PKCS1-v1_5 decoding (RFC 8017 §7.2.2, step 3);
//! - [`fixed_length`]: a message whose length is known (Keepz's 69-byte key string): padding and
//!   length checked together, the message read from a fixed position;
//! - [`implicit_rejection`]: PKCS#1 v1.5 that never fails — an invalid padding yields a synthetic
//!   message (draft-irtf-cfrg-rsa-guidance), for legacy Keepz and TransactPay;
//! - [`ct_copy`]: the constant-time byte selection and secret-length move they share.
//!
//! Secret data becomes public only in functions named `declassify_*` (and in `Decoded::reveal`,
//! compiled for the conformance tests only): the constant-time test's hooks.

pub(crate) mod ct_copy;
pub(crate) mod fixed_length;
pub(crate) mod implicit_rejection;
pub(crate) mod oaep;
pub(crate) mod pkcs1v15;

use super::RsaPadding;
use subtle::{Choice, ConditionallySelectable};
#[cfg(test)]
use zeroize::Zeroizing;

/// What a padding check found: whether the padding is valid and how long the message is. The
/// message is always the last `len` bytes of the decoded block (both paddings put it at the end).
/// Both fields are secret: combine `valid` with other `Choice`s, never branch on it or index by
/// `len` until it is declassified.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decoded {
    /// Whether the padding is valid.
    pub(crate) valid: Choice,
    /// The message length in bytes; 0 when the padding is invalid.
    pub(crate) len: u32,
}

impl Decoded {
    /// An invalid padding, for a block too short for the scheme (its length is public).
    pub(crate) fn invalid() -> Decoded {
        Decoded {
            valid: Choice::from(0),
            len: 0,
        }
    }

    /// A decoding with validity `valid` and, when valid, message length `len`.
    pub(crate) fn new(valid: Choice, len: u32) -> Decoded {
        Decoded {
            valid,
            len: u32::conditional_select(&0, &len, valid),
        }
    }

    /// **Declassifies** validity and length and copies the message out of `block`: an explicit
    /// padding check, for the conformance tests only (compiled only for them) — never on the open
    /// path, nor in the diagnosis (which keeps the production `Choice`s).
    #[cfg(test)]
    pub(crate) fn reveal(&self, block: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if !bool::from(self.valid) {
            return None;
        }
        let len = self.len as usize;
        Some(Zeroizing::new(block[block.len() - len..].to_vec()))
    }
}

/// Removes `padding` from the raw RSA output `block` (`k` bytes). OAEP unmasks `block` in place
/// first, so afterwards the message is the last [`Decoded::len`] bytes of `block` either way.
pub(crate) fn decode(padding: RsaPadding, block: &mut [u8]) -> Decoded {
    match padding {
        RsaPadding::OaepSha256 => oaep::decode(block),
        RsaPadding::Pkcs1v15 => pkcs1v15::decode(block),
    }
}
