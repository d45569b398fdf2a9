//! PKCS#1 v1.5 decryption with implicit rejection, from draft-irtf-cfrg-rsa-guidance (the
//! construction OpenSSL ≥ 3.2 and `rsa` 0.10 use), written here from the published algorithm.
//!
//! A PKCS#1 v1.5 padding error is Bleichenbacher's oracle, so it must not exist: when the padding
//! is invalid, decryption returns a *synthetic* message instead — pseudo-random, but the same every
//! time for the same key and ciphertext, so an attacker learns nothing by retrying. The caller then
//! treats the message like any other (the envelope refuses it for not being JSON).
//!
//! The construction (the draft's §7, steps 3–5), with `D = I2OSP(d, k)` and `C` the ciphertext:
//!
//! - `KDK = HMAC-SHA-256(key = SHA-256(D), C)` — SHA-256(D) is computed once per key
//!   ([`RejectionKey`]);
//! - `IRPRF(KDK, label, L)` = the first `L` bytes of `HMAC-SHA-256(KDK, I2OSP(i, 2) || label ||
//!   I2OSP(8·L, 2))` for `i = 0, 1, …`;
//! - 128 candidate lengths from `IRPRF(KDK, "length", 256)` (big-endian 16-bit values, masked to
//!   the bit length of `k − 11`); the synthetic length is the last one that is at most `k − 11`,
//!   or 0; the synthetic message is the last that many bytes of `IRPRF(KDK, "message", k)`;
//! - the real message when the padding is valid, else the synthetic one — selected over the
//!   whole block, with the length selected alike and the message moved to the front without a
//!   secret-dependent address ([`super::ct_copy`]).
//!
//! The length of the result is then made public ([`declassify_length`]): the draft allows it,
//! since every ciphertext, valid or not, now has exactly one deterministic message.

use super::ct_copy::{move_suffix_to_front, select_into};
use super::pkcs1v15;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::{ConditionallySelectable, ConstantTimeGreater};
use zeroize::Zeroizing;

type HmacSha256 = Hmac<Sha256>;

/// The per-key secret of implicit rejection, `SHA-256(I2OSP(d, k))` (the draft's `DH`): computed
/// once when a private key is loaded, the same way on every backend, and wiped on drop.
pub(crate) struct RejectionKey(Zeroizing<[u8; 32]>);

impl RejectionKey {
    /// From the private exponent `d` (big-endian, any leading zeros) of a key of `k` bytes;
    /// `None` when `d` does not fit `k` bytes (no valid key has such a `d`).
    pub(crate) fn from_private_exponent(d: &[u8], k: usize) -> Option<RejectionKey> {
        let significant = &d[d.iter().take_while(|&&b| b == 0).count()..];
        if significant.len() > k {
            return None;
        }
        let mut padded = Zeroizing::new(vec![0u8; k]);
        padded[k - significant.len()..].copy_from_slice(significant);
        Some(RejectionKey(Zeroizing::new(
            Sha256::digest(&*padded).into(),
        )))
    }

    /// `KDK = HMAC-SHA-256(DH, C)`.
    fn key_derivation_key(&self, ciphertext: &[u8]) -> Zeroizing<[u8; 32]> {
        let mut mac = new_hmac(self.0.as_ref());
        mac.update(ciphertext);
        Zeroizing::new(mac.finalize().into_bytes().into())
    }
}

fn new_hmac(key: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length; 32 bytes never fails.
    <HmacSha256 as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!())
}

/// The draft's pseudo-random function: `len` bytes (at most 8191) from `kdk` and `label`.
fn irprf(kdk: &[u8; 32], label: &[u8], len: usize) -> Zeroizing<Vec<u8>> {
    let bits = ((len * 8) as u16).to_be_bytes();
    let mut out = Zeroizing::new(vec![0u8; len]);
    let keyed = new_hmac(kdk); // keyed once, cloned per block
    for (i, chunk) in (0u16..).zip(out.chunks_mut(32)) {
        let mut mac = keyed.clone();
        mac.update(&i.to_be_bytes());
        mac.update(label);
        mac.update(&bits);
        let block: Zeroizing<[u8; 32]> = Zeroizing::new(mac.finalize().into_bytes().into());
        chunk.copy_from_slice(&block[..chunk.len()]);
    }
    out
}

/// The synthetic length: the last of the 128 candidates in `candidates` that is at most
/// `max_len` (= k − 11) once masked to `max_len`'s bit length, or 0. Every candidate is examined.
fn synthetic_length(candidates: &[u8], max_len: u16) -> u16 {
    let mut mask = max_len;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    let mut length = 0u16;
    for pair in candidates.chunks_exact(2) {
        let candidate = u16::from_be_bytes([pair[0], pair[1]]) & mask;
        length.conditional_assign(&candidate, !candidate.ct_gt(&max_len));
    }
    length
}

/// Decrypts the PKCS#1 v1.5 block `em` (the raw RSA output of `ciphertext`, `k` bytes) with
/// implicit rejection: the message when the padding is valid, else the synthetic message. Never
/// fails; the result's length is public, its bytes are not.
pub(crate) fn decode(
    mut em: Zeroizing<Vec<u8>>,
    ciphertext: &[u8],
    key: &RejectionKey,
) -> Zeroizing<Vec<u8>> {
    let k = em.len();
    debug_assert_eq!(ciphertext.len(), k);
    if k < 11 {
        em.clear(); // no key of a supported size is this small
        return em;
    }
    let kdk = key.key_derivation_key(ciphertext);
    let candidates = irprf(&kdk, b"length", 256);
    let synthetic = irprf(&kdk, b"message", k);
    let synthetic_len = synthetic_length(&candidates, (k - 11) as u16);

    let decoded = pkcs1v15::decode(&em);
    let invalid = !decoded.valid;
    select_into(&mut em, &synthetic, invalid);
    let len = u32::conditional_select(&decoded.len, &u32::from(synthetic_len), invalid);
    move_suffix_to_front(&mut em, len);
    em.truncate(declassify_length(len));
    em
}

/// **The declassification point of implicit rejection**: the selected message length becomes
/// public here. Safe by construction — every ciphertext has exactly one message, valid padding or
/// not, so the length says nothing about the padding. The constant-time test marks this value
/// defined; nothing else of the decryption is made public before the open decision.
#[inline(always)]
pub(crate) fn declassify_length(len: u32) -> usize {
    crate::ct::secret::declassified(len) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_admissible_candidate_wins() {
        let mut candidates = [0xffu8; 256];
        candidates[..2].copy_from_slice(&5u16.to_be_bytes());
        assert_eq!(synthetic_length(&candidates, 20), 5);
        candidates[250..252].copy_from_slice(&20u16.to_be_bytes());
        assert_eq!(synthetic_length(&candidates, 20), 20);
        // Masked to 5 bits (20 = 0b10100): 0xff → 31, over 20; 0x15 & 0x1f = 21, over 20.
        candidates[252..254].copy_from_slice(&0x0015u16.to_be_bytes());
        assert_eq!(synthetic_length(&candidates, 20), 20);
        candidates[254..].copy_from_slice(&0x0113u16.to_be_bytes()); // & 0x1f = 19
        assert_eq!(synthetic_length(&candidates, 20), 19);
        assert_eq!(synthetic_length(&[0xff; 256], 20), 0);
    }

    #[test]
    fn the_key_ignores_leading_zeros_of_d() {
        let a = RejectionKey::from_private_exponent(&[0, 0, 1, 2], 8).unwrap();
        let b = RejectionKey::from_private_exponent(&[1, 2], 8).unwrap();
        assert_eq!(*a.0, *b.0);
        assert_eq!(
            *a.0,
            <[u8; 32]>::from(Sha256::digest([0, 0, 0, 0, 0, 0, 1, 2]))
        );
        assert!(RejectionKey::from_private_exponent(&[1; 9], 8).is_none());
    }

    #[test]
    fn valid_padding_gives_the_message_and_invalid_a_stable_synthetic_one() {
        let key = RejectionKey::from_private_exponent(&[3; 64], 64).unwrap();
        let mut em = vec![0x11u8; 64];
        em[0] = 0;
        em[1] = 2;
        em[50] = 0;
        let ciphertext = [9u8; 64];
        let opened = decode(Zeroizing::new(em.clone()), &ciphertext, &key);
        assert_eq!(&opened[..], &em[51..]);

        em[1] = 3;
        let first = decode(Zeroizing::new(em.clone()), &ciphertext, &key);
        let again = decode(Zeroizing::new(vec![0u8; 64]), &ciphertext, &key);
        assert_eq!(
            first, again,
            "the synthetic message depends on key and ciphertext only"
        );
        assert!(first.len() <= 64 - 11);
        let other = decode(Zeroizing::new(em), &[8u8; 64], &key);
        assert_ne!(first, other);
    }
}
