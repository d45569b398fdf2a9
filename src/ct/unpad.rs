//! Removing the PKCS#7 padding without cutting the buffer at a secret length.
//!
//! Where the padding starts is secret until the decision: truncating the buffer there, or
//! checking the text only up to there, would take time that depends on it. Instead the padding
//! bytes are overwritten with spaces, selected byte by byte over the whole last block, and the
//! checks run over the whole buffer: trailing spaces change none of their answers (UTF-8 ends a
//! cut-off sequence at any ASCII byte; a space is neither a quote, a backslash nor a bracket). The
//! buffer is cut to the message length only after the decision.

use crate::backend::pkcs7_check_ct;
use subtle::{Choice, ConditionallySelectable, ConstantTimeLess};

/// Checks the padding of the decrypted `buf` (a non-empty whole number of 16-byte blocks) and
/// blanks it. Returns whether it is valid and the length of the message before it.
pub(crate) fn blank_padding(buf: &mut [u8]) -> (Choice, usize) {
    let (valid, message_len) = pkcs7_check_ct(buf);
    let last_block = buf.len().saturating_sub(16);
    for (i, byte) in buf.iter_mut().enumerate().skip(last_block) {
        let in_padding = !(i as u64).ct_lt(&(message_len as u64));
        byte.conditional_assign(&b' ', in_padding);
    }
    (valid, message_len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::pkcs7_pad;

    #[test]
    fn the_padding_becomes_spaces_and_the_message_stays() {
        for len in 0..40 {
            let message: Vec<u8> = (0..len as u8).map(|i| b'a' + i % 26).collect();
            let mut buf = pkcs7_pad(&message);
            let (valid, message_len) = blank_padding(&mut buf);
            assert!(bool::from(valid));
            assert_eq!(message_len, len);
            assert_eq!(&buf[..len], &message[..]);
            assert!(buf[len..].iter().all(|&b| b == b' '));
        }
        let mut bad = [7u8; 32];
        bad[31] = 0;
        let (valid, message_len) = blank_padding(&mut bad);
        assert!(!bool::from(valid));
        assert_eq!(message_len, 32);
        assert_eq!(bad, {
            let mut b = [7u8; 32];
            b[31] = 0;
            b
        });
    }
}
