//! Standard Base64 decoding in constant time, for secrets of a fixed length (the AES key and IV of
//! a Keepz key string).
//!
//! A table-driven decoder (the `base64` crate) reads a table at an index given by each secret
//! character, which leaks the characters through the cache; and it stops at the first bad one.
//! Here every character is mapped to its value by arithmetic alone (the approach of the `base64ct`
//! crate), every character is read, and validity is accumulated as a mask.

use subtle::Choice;

/// The value (0..=63) of a standard Base64 character, and an all-ones mask when it is one (zero
/// otherwise). No branch and no memory access depend on `c`.
///
/// Each range test is `((lo - 1 - c) & (c - (hi + 1))) >> 8`: both differences are negative (and
/// the `>>` of their `&` all ones) exactly when `lo <= c <= hi`; otherwise one is in 0..256 and
/// the shifted `&` is zero.
fn char_value(c: u8) -> (u32, u32) {
    let c = i32::from(c);
    let in_range = |lo: i32, hi: i32| ((lo - 1 - c) & (c - (hi + 1))) >> 8;
    let mut value = -1;
    value += in_range(0x41, 0x5a) & (c - 0x41 + 1); // A-Z → 0..=25
    value += in_range(0x61, 0x7a) & (c - 0x61 + 27); // a-z → 26..=51
    value += in_range(0x30, 0x39) & (c - 0x30 + 53); // 0-9 → 52..=61
    value += in_range(0x2b, 0x2b) & 63; // + → 62
    value += in_range(0x2f, 0x2f) & 64; // / → 63
    let valid = !(value >> 31) as u32; // value is -1 exactly when c is none of them
    (value as u32 & 63, valid)
}

/// Decodes `text`, canonical padded standard Base64 of exactly `out.len()` bytes, into `out`.
///
/// Valid when every data character is in the alphabet, the padding is the right number of `=`,
/// and the unused low bits of the last data character are zero (as the `base64` crate's strict
/// decoder requires). The time taken depends only on the two lengths, which are public.
pub(crate) fn decode_fixed(text: &[u8], out: &mut [u8]) -> Choice {
    let data_chars = (out.len() * 8).div_ceil(6);
    debug_assert_eq!(text.len(), out.len().div_ceil(3) * 4);
    let mut valid = u32::MAX;
    let (mut bits, mut held, mut written) = (0u32, 0u32, 0usize);
    for &c in &text[..data_chars] {
        let (value, ok) = char_value(c);
        valid &= ok;
        held = (held << 6) | value;
        bits += 6;
        // `bits` and `written` follow the position, not the data.
        if bits >= 8 {
            bits -= 8;
            out[written] = (held >> bits) as u8;
            written += 1;
        }
        held &= (1 << bits) - 1;
    }
    // The leftover bits of the last character must be zero (canonical encoding).
    valid &= is_zero(held);
    for &c in &text[data_chars..] {
        valid &= is_zero(u32::from(c ^ b'='));
    }
    Choice::from((valid & 1) as u8)
}

/// All ones when `x` is zero, else zero; no branch.
fn is_zero(x: u32) -> u32 {
    (((x | x.wrapping_neg()) >> 31) ^ 1).wrapping_neg()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;

    #[test]
    fn every_character_has_the_alphabet_value() {
        for c in 0..=255u8 {
            let expected = STANDARD
                .decode([c, b'A', b'A', b'A'])
                .ok()
                .map(|b| u32::from(b[0] >> 2));
            let (value, valid) = char_value(c);
            assert_eq!(valid == u32::MAX, expected.is_some(), "{c:#x}");
            assert!(valid == 0 || valid == u32::MAX);
            if let Some(v) = expected {
                assert_eq!(value, v, "{c:#x}");
            }
        }
    }

    /// The reference: the `base64` crate's strict decoder, which rejects non-canonical padding bits.
    fn reference(text: &[u8], len: usize) -> Option<Vec<u8>> {
        STANDARD.decode(text).ok().filter(|b| b.len() == len)
    }

    fn check(text: &[u8], len: usize) {
        let mut out = vec![0u8; len];
        let valid = bool::from(decode_fixed(text, &mut out));
        let expected = reference(text, len);
        assert_eq!(
            valid,
            expected.is_some(),
            "{:?}",
            String::from_utf8_lossy(text)
        );
        if let Some(bytes) = expected {
            assert_eq!(out, bytes);
        }
    }

    #[test]
    fn known_answers_and_padding_bits() {
        check(b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 32);
        check(b"AAAAAAAAAAAAAAAAAAAAAB==", 16); // low bits set: not canonical
        check(b"AAAAAAAAAAAAAAAAAAAAAQ==", 16);
        check(b"AAAAAAAAAAAAAAAAAAAAAA=A", 16);
        check(b"AAAAAAAAAAAAAAAAAAAAAA==", 16);
        check(b"AAAAAAAAAAAAAAAAAAAAA-==", 16);
    }

    proptest::proptest! {
        /// Encodings of random keys and IVs, with one character replaced by any byte: the same
        /// answer and bytes as the `base64` crate.
        #[test]
        fn matches_the_base64_crate(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 48),
            at in 0usize..68,
            with in proptest::num::u8::ANY,
            change in proptest::bool::ANY,
        ) {
            for (range, chars) in [(0..32, 44), (32..48, 24)] {
                let mut text = STANDARD.encode(&bytes[range.clone()]).into_bytes();
                proptest::prop_assert_eq!(text.len(), chars);
                if change {
                    text[at % chars] = with;
                }
                check(&text, range.len());
            }
        }
    }
}
