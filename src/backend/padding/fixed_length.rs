//! A message of known length: Keepz's hybrid key wrap always carries the 69-byte key string.
//!
//! When the length is known, nothing of secret length has to be copied: a valid block of either
//! padding holds the message in its last `N` bytes. So the check is "padding valid *and* length
//! is `N`", one [`Choice`], and the message is read from that fixed position whatever the check
//! says. The caller combines the `Choice` with the rest of the open decision and selects a
//! stand-in when it is false — no branch anywhere.

use super::Decoded;
use subtle::{Choice, ConstantTimeEq};
use zeroize::Zeroizing;

/// The last `N` bytes of `block` and whether they are the whole message of a valid padding.
/// `decoded` is the padding check of `block` (which OAEP has unmasked in place).
pub(crate) fn take<const N: usize>(
    block: &[u8],
    decoded: &Decoded,
) -> (Choice, Zeroizing<[u8; N]>) {
    let mut message = Zeroizing::new([0u8; N]);
    if block.len() < N {
        // A public condition: no key of a supported size is this small.
        return (Choice::from(0), message);
    }
    message.copy_from_slice(&block[block.len() - N..]);
    let valid = decoded.valid & decoded.len.ct_eq(&(N as u32));
    (valid, message)
}

#[cfg(test)]
mod tests {
    use super::super::pkcs1v15;
    use super::*;

    /// A PKCS#1 v1.5 block of 64 bytes whose message is `len` bytes of 0x41.
    fn block(len: usize) -> Vec<u8> {
        let mut em = vec![0x33; 64];
        em[0] = 0;
        em[1] = 2;
        em[64 - len - 1] = 0;
        em[64 - len..].fill(0x41);
        em
    }

    #[test]
    fn only_the_exact_length_is_valid() {
        for len in [0, 5, 8, 9, 10, 20] {
            let em = block(len);
            let (valid, message) = take::<9>(&em, &pkcs1v15::decode(&em));
            assert_eq!(bool::from(valid), len == 9, "length {len}");
            assert_eq!(&message[..], &em[64 - 9..]);
        }
        let mut bad = block(9);
        bad[1] = 1;
        assert!(!bool::from(take::<9>(&bad, &pkcs1v15::decode(&bad)).0));
        assert!(!bool::from(take::<9>(&[0; 4], &Decoded::invalid()).0));
    }
}
