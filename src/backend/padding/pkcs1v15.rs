//! RSAES-PKCS1-v1_5 decoding (RFC 8017 §7.2.2, step 3), branch-free.
//!
//! `EM = 0x00 || 0x02 || PS || 0x00 || M`, with PS at least eight non-zero bytes. Every byte of
//! EM is read whatever it holds; the position of the first zero after PS is kept with a
//! constant-time select, so neither the time taken nor the memory touched depends on where (or
//! whether) the separator is.

use super::Decoded;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeLess};

/// The smallest block with room for the header and eight bytes of PS and the separator.
const MIN_LEN: usize = 11;

/// Checks the PKCS#1 v1.5 encryption padding of `em` (the raw RSA output, `k` bytes).
pub(crate) fn decode(em: &[u8]) -> Decoded {
    let k = em.len();
    if k < MIN_LEN {
        return Decoded::invalid();
    }
    let mut valid = em[0].ct_eq(&0) & em[1].ct_eq(&2);
    let mut looking = Choice::from(1);
    let mut separator = 0u32;
    for (i, byte) in em.iter().enumerate().skip(2) {
        let is_zero = byte.ct_eq(&0);
        separator.conditional_assign(&(i as u32), looking & is_zero);
        looking &= !is_zero;
    }
    // A separator exists, after at least eight bytes of PS (positions 2..=9).
    valid &= !looking & !separator.ct_lt(&(MIN_LEN as u32 - 1));
    // separator <= k - 1, so this does not underflow; it is discarded when invalid.
    let len = (k as u32).wrapping_sub(separator).wrapping_sub(1);
    Decoded::new(valid, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(k: usize, sep: Option<usize>, head: [u8; 2]) -> Vec<u8> {
        let mut em = vec![0x5a; k];
        em[..2].copy_from_slice(&head);
        if let Some(s) = sep {
            em[s] = 0;
        }
        em
    }

    /// Every separator position, header and a later zero, against the plain definition.
    #[test]
    fn every_separator_position() {
        let k = 40;
        for head in [[0, 2], [1, 2], [0, 1], [0, 0], [2, 0]] {
            for sep in (2..k).map(Some).chain([None]) {
                for later_zero in [false, true] {
                    let mut em = block(k, sep, head);
                    if later_zero && sep.is_some_and(|s| s + 3 < k) {
                        em[k - 2] = 0;
                    }
                    let d = decode(&em);
                    let expect_valid = head == [0, 2] && sep.is_some_and(|s| s >= 10);
                    assert_eq!(bool::from(d.valid), expect_valid, "{head:?} {sep:?}");
                    let expect_len = if expect_valid {
                        k - sep.unwrap() - 1
                    } else {
                        0
                    };
                    assert_eq!(d.len as usize, expect_len);
                }
            }
        }
    }

    #[test]
    fn too_short_and_empty_message() {
        assert!(!bool::from(decode(&[0, 2, 1, 1, 1, 1, 1, 1, 1, 1]).valid));
        let d = decode(&[0, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
        assert!(bool::from(d.valid));
        assert_eq!(d.len, 0);
    }
}
