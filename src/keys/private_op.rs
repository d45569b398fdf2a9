//! The RSA private-key operation, once for both backends, and the three decryptions built on it.
//!
//! [`PrivateKey::rsa_private_raw`] is the single entry point of secret data into payseal: the
//! backend's blinded `c^d mod n`, as `k` bytes, with nothing removed. Its output is secret until
//! payseal's own branch-free padding removal ([`crate::backend::padding`]) has produced a validity
//! [`Choice`] or, for implicit rejection, a message of public length. The constant-time test marks
//! the output undefined for valgrind at that one place.

use super::PrivateKey;
use crate::backend::RsaPadding;
use crate::backend::padding::{self, fixed_length, implicit_rejection};
use crate::ct::secret::{mark_secret, rsa_input_tainted};
use subtle::Choice;
use zeroize::Zeroizing;

impl PrivateKey {
    /// The raw RSA private operation on `ciphertext`: exactly `k` bytes, no padding removed.
    ///
    /// Errors only for public conditions — a ciphertext that is not `k` bytes or not a value in
    /// `2..=n-2` (see [`is_acceptable_ciphertext`]) — and for a failure inside the backend.
    pub(crate) fn rsa_private_raw(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        if rsa_input_tainted() {
            // The harness's diagnostic mode: the (public) ciphertext marked secret too, so that
            // memcheck also reports what the RSA operation itself does with it.
            let mut tainted = ciphertext.to_vec();
            mark_secret(tainted.as_mut_slice());
            return self.rsa_private_raw_untainted(&tainted);
        }
        self.rsa_private_raw_untainted(ciphertext)
    }

    fn rsa_private_raw_untainted(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let k = self.size_bytes();
        if !is_acceptable_ciphertext(ciphertext, self.public_key().modulus(), k) {
            return Err(());
        }
        let mut block = self.0.imp.rsa_private_raw(ciphertext)?;
        debug_assert_eq!(block.len(), k);
        // `block` is secret from here on: the one place the constant-time test marks it.
        mark_secret(block.as_mut_slice());
        Ok(block)
    }

    /// Unwraps a message of known length `N` (Keepz's 69-byte key string): whether the padding is
    /// valid *and* the message is `N` bytes, as one [`Choice`], and the message. No branch on the
    /// result; when the ciphertext is refused (a public condition) the `Choice` is false.
    pub(crate) fn unwrap_fixed<const N: usize>(
        &self,
        padding: RsaPadding,
        ciphertext: &[u8],
    ) -> (Choice, Zeroizing<[u8; N]>) {
        match self.rsa_private_raw(ciphertext) {
            Ok(mut block) => {
                let decoded = padding::decode(padding, &mut block);
                fixed_length::take::<N>(&block, &decoded)
            }
            Err(()) => (Choice::from(0), Zeroizing::new([0u8; N])),
        }
    }

    /// PKCS#1 v1.5 decryption with implicit rejection: the message, or for an invalid padding a
    /// synthetic message determined by the key and the ciphertext. The error is only for a
    /// ciphertext refused on public grounds.
    pub(crate) fn decrypt_implicit_rejection(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let block = self.rsa_private_raw(ciphertext)?;
        Ok(implicit_rejection::decode(
            block,
            ciphertext,
            &self.0.rejection_key,
        ))
    }

    /// Decryption with an explicit padding error: an oracle by design, for the conformance tests
    /// only (compiled only for them). The open paths and the diagnosis use
    /// [`Self::unwrap_fixed`] and [`Self::decrypt_implicit_rejection`].
    #[cfg(test)]
    pub(crate) fn decrypt_revealing(
        &self,
        padding: RsaPadding,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let mut block = self.rsa_private_raw(ciphertext)?;
        padding::decode(padding, &mut block)
            .reveal(&block)
            .ok_or(())
    }
}

/// Whether the raw operation accepts `ciphertext` under the modulus `modulus` (big-endian, no
/// leading zeros) of a `k`-byte key: `k` bytes long and a value `c` with `2 <= c <= n - 2`.
///
/// Values of `n` and above are not ciphertexts; 0, 1 and n − 1 decrypt to themselves whatever the
/// key, and AWS-LC refuses them, so refusing them here keeps both backends identical. The check is
/// variable-time on purpose: the ciphertext and the modulus are public.
fn is_acceptable_ciphertext(ciphertext: &[u8], modulus: &[u8], k: usize) -> bool {
    if ciphertext.len() != k || modulus.is_empty() || modulus.len() > k {
        return false;
    }
    let mut n = vec![0u8; k];
    n[k - modulus.len()..].copy_from_slice(modulus);
    let (c_high, c_last) = ciphertext.split_at(k - 1);
    let (n_high, n_last) = n.split_at(k - 1);
    let at_least_two = c_high.iter().any(|&b| b != 0) || c_last[0] >= 2;
    // An RSA modulus is odd, so n − 1 differs from n in the last byte alone.
    let is_n_minus_one = c_high == n_high && c_last[0] == n_last[0].wrapping_sub(1);
    at_least_two && ciphertext < n.as_slice() && !is_n_minus_one
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acceptable_ciphertexts() {
        let n = [0x01, 0x00, 0x07]; // 65543, k = 3
        let ok = |c: &[u8]| is_acceptable_ciphertext(c, &n, 3);
        assert!(!ok(&[0, 0, 0]));
        assert!(!ok(&[0, 0, 1]));
        assert!(ok(&[0, 0, 2]));
        assert!(ok(&[0, 1, 0]));
        assert!(ok(&[1, 0, 5])); // n − 2
        assert!(!ok(&[1, 0, 6])); // n − 1
        assert!(!ok(&[1, 0, 7])); // n
        assert!(!ok(&[1, 0, 8]));
        assert!(!ok(&[0xff, 0, 0]));
        assert!(!ok(&[0, 2])); // wrong length
        assert!(!ok(&[0, 0, 0, 2]));
        // A modulus with fewer significant bytes than k.
        assert!(is_acceptable_ciphertext(&[0, 0, 9], &[0x0b], 3));
        assert!(!is_acceptable_ciphertext(&[0, 0, 0x0a], &[0x0b], 3));
    }
}
