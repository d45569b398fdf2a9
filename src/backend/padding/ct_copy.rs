//! Byte moves whose timing and memory accesses do not depend on secret data: a whole-buffer
//! select, and moving a message of secret length to the front of its buffer.
//!
//! A plain `copy_from_slice(&block[k - len..])` reads memory at an address that depends on `len`;
//! with a secret `len` that is a cache-timing leak (and what valgrind's constant-time check flags).
//! Here every pass touches every byte of the buffer in the same order whatever `len` is.

use subtle::{Choice, ConditionallySelectable};
use zeroize::Zeroizing;

/// Overwrites `dst` with `src` where `choice` is set; reads and writes every byte either way.
pub(crate) fn select_into(dst: &mut [u8], src: &[u8], choice: Choice) {
    debug_assert_eq!(dst.len(), src.len());
    for (d, s) in dst.iter_mut().zip(src) {
        d.conditional_assign(s, choice);
    }
}

/// Moves the last `len` bytes of `buf` to its front (`len <= buf.len()`; the other bytes end up
/// behind them). A left rotation by `buf.len() - len`, done as one conditional rotation per bit of
/// that amount (by 1, 2, 4, … bytes): `log2(n)` passes of `n` constant-time selects.
pub(crate) fn move_suffix_to_front(buf: &mut [u8], len: u32) {
    let n = buf.len();
    if n == 0 {
        return;
    }
    debug_assert!(len as usize <= n);
    let rotation = (n as u32).wrapping_sub(len);
    let mut previous = Zeroizing::new(vec![0u8; n]);
    let mut bit = 0;
    while (1usize << bit) <= n {
        let step = 1usize << bit;
        let apply = Choice::from(((rotation >> bit) & 1) as u8);
        previous.copy_from_slice(buf);
        // buf[i] takes previous[(i + step) mod n]: two runs, so no division per byte.
        let (head, tail) = buf.split_at_mut(n - step);
        for (byte, from) in head.iter_mut().zip(&previous[step..]) {
            byte.conditional_assign(from, apply);
        }
        for (byte, from) in tail.iter_mut().zip(&previous[..step]) {
            byte.conditional_assign(from, apply);
        }
        bit += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_of_every_size() {
        for n in 0..70usize {
            let original: Vec<u8> = (0..n as u8).collect();
            for len in 0..=n {
                let mut buf = original.clone();
                move_suffix_to_front(&mut buf, len as u32);
                assert_eq!(&buf[..len], &original[n - len..], "n {n}, len {len}");
            }
        }
    }

    #[test]
    fn select() {
        let mut a = [1u8, 2, 3];
        select_into(&mut a, &[7, 8, 9], Choice::from(0));
        assert_eq!(a, [1, 2, 3]);
        select_into(&mut a, &[7, 8, 9], Choice::from(1));
        assert_eq!(a, [7, 8, 9]);
    }
}
