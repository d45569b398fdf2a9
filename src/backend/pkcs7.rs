//! PKCS#7 padding for 16-byte blocks, with a constant-time check on removal.
//!
//! The check runs over the whole last block with no data-dependent branch and answers with a
//! `Choice`, so a caller that can submit ciphertexts cannot tell a bad padding byte from a good
//! one by timing (the classic CBC padding oracle) — provided the caller does not branch on it
//! either: the open path folds it into its one decision (`crate::ct::unpad`). Both backends use
//! it: their own padding removal is not used.

use subtle::{Choice, ConditionallySelectable, ConstantTimeEq, ConstantTimeLess};

const BLOCK: usize = 16;

/// Appends PKCS#7 padding (1 to 16 bytes, each equal to the padding length).
pub(crate) fn pkcs7_pad(plaintext: &[u8]) -> Vec<u8> {
    let pad = BLOCK - plaintext.len() % BLOCK;
    let mut out = Vec::with_capacity(plaintext.len() + pad);
    out.extend_from_slice(plaintext);
    out.resize(plaintext.len() + pad, pad as u8);
    out
}

/// Checks the padding at the end of `buf` and finds where it starts: whether it is valid, and the
/// length of the data before it (`buf.len()` when it is not valid). No branch or memory index
/// depends on the contents of `buf`; the time taken depends only on `buf.len()`. A `buf` that is
/// empty or not a whole number of blocks (public facts) is simply invalid.
pub(crate) fn pkcs7_check_ct(buf: &[u8]) -> (Choice, usize) {
    if buf.is_empty() || !buf.len().is_multiple_of(BLOCK) {
        return (Choice::from(0), buf.len());
    }
    let last = &buf[buf.len() - BLOCK..];
    let pad = last[BLOCK - 1];
    // 1 <= pad <= 16
    let mut good = !pad.ct_eq(&0) & pad.ct_lt(&(BLOCK as u8 + 1));
    for (i, byte) in last.iter().enumerate() {
        // position from the end, 1-based: bytes with distance <= pad must equal pad
        let distance = (BLOCK - i) as u8;
        let in_pad = !pad.ct_lt(&distance);
        let matches = byte.ct_eq(&pad);
        good &= !in_pad | matches;
    }
    let pad_len = u8::conditional_select(&0, &pad, good) as usize;
    (good, buf.len() - pad_len)
}

/// [`pkcs7_check_ct`] as a `Result` (the data length, or `Err(())`), for the tests. The open path
/// keeps the `Choice`.
#[cfg(test)]
pub(crate) fn pkcs7_unpad_ct(buf: &[u8]) -> Result<usize, ()> {
    let (good, len) = pkcs7_check_ct(buf);
    if bool::from(good) { Ok(len) } else { Err(()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_then_unpad_every_length() {
        for len in 0..64 {
            let data: Vec<u8> = (0..len as u8).collect();
            let padded = pkcs7_pad(&data);
            assert_eq!(padded.len() % BLOCK, 0);
            assert!(padded.len() > data.len());
            assert_eq!(pkcs7_unpad_ct(&padded), Ok(len));
        }
    }

    #[test]
    fn the_choice_and_the_length() {
        let (good, len) = pkcs7_check_ct(&[3u8; 32]);
        assert!(bool::from(good));
        assert_eq!(len, 29);
        let (good, len) = pkcs7_check_ct(&[0u8; 32]);
        assert!(!bool::from(good));
        assert_eq!(len, 32);
    }

    #[test]
    fn rejects_bad_padding() {
        let mut block = [7u8; 16];
        assert_eq!(pkcs7_unpad_ct(&block), Ok(9));
        block[10] = 6; // inside the 7-byte padding
        assert_eq!(pkcs7_unpad_ct(&block), Err(()));
        assert_eq!(pkcs7_unpad_ct(&[0u8; 16]), Err(()));
        assert_eq!(pkcs7_unpad_ct(&[17u8; 16]), Err(()));
        assert_eq!(pkcs7_unpad_ct(&[16u8; 16]), Ok(0));
        assert_eq!(pkcs7_unpad_ct(&[1u8; 15]), Err(()));
        assert_eq!(pkcs7_unpad_ct(&[]), Err(()));
    }
}
