//! PKCS#7 padding for 16-byte blocks, with a constant-time check on removal.
//!
//! The check runs over the whole last block with no data-dependent branch, so a caller that can
//! submit ciphertexts cannot tell a bad padding byte from a good one by timing (the classic
//! CBC padding oracle). Both backends use it: their own padding removal is not used.

use subtle::{ConditionallySelectable, ConstantTimeEq, ConstantTimeLess};

const BLOCK: usize = 16;

/// Appends PKCS#7 padding (1 to 16 bytes, each equal to the padding length).
pub(crate) fn pkcs7_pad(plaintext: &[u8]) -> Vec<u8> {
    let pad = BLOCK - plaintext.len() % BLOCK;
    let mut out = Vec::with_capacity(plaintext.len() + pad);
    out.extend_from_slice(plaintext);
    out.resize(plaintext.len() + pad, pad as u8);
    out
}

/// Returns the length of the data before the padding, or `Err(())` when the padding is invalid.
/// `buf` must be a non-empty whole number of blocks. The time taken depends only on `buf.len()`.
pub(crate) fn pkcs7_unpad_ct(buf: &[u8]) -> Result<usize, ()> {
    if buf.is_empty() || buf.len() % BLOCK != 0 {
        return Err(());
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
    if bool::from(good) {
        Ok(buf.len() - pad_len)
    } else {
        Err(())
    }
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
