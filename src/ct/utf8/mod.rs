//! UTF-8 validity of a whole buffer, in constant time: the Keiser–Lemire "lookup" algorithm
//! ("Validating UTF-8 in less than one instruction per byte", 2021; simdjson's and simdutf's
//! validator) with its one data-dependent shortcut, the all-ASCII fast path, left out.
//!
//! Each byte is checked against the three before it. Three 16-entry tables, indexed by the high
//! nibble of the previous byte, the low nibble of the previous byte and the high nibble of this
//! byte, give a set of error bits each; an error is a bit set in all three (plus one rule for the
//! third and fourth bytes of a sequence). The tables are looked up *inside a register* — `pshufb`
//! in [`avx2`], a shift of a 128-bit constant in [`scalar`] — never in memory at a secret index.
//! A space is checked after the last byte, so a sequence cut off by the end of the buffer is an
//! error like one cut off by any ASCII byte.

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
pub(crate) mod scalar;

use subtle::Choice;

/// Whether `bytes` is UTF-8; the time taken depends only on `bytes.len()`.
pub(crate) fn is_utf8(bytes: &[u8]) -> Choice {
    #[cfg(target_arch = "x86_64")]
    if super::simd::avx2_enabled() {
        // SAFETY: `avx2_enabled` is true only when the CPU has AVX2.
        return unsafe { avx2::is_utf8(bytes) };
    }
    scalar::is_utf8(bytes)
}

// The error bits (bit names from simdjson's `utf8_lookup4_algorithm.h`).
/// A lead byte or ASCII followed by a lead byte or ASCII, where a continuation was due.
const TOO_SHORT: u8 = 1 << 0;
/// ASCII followed by a continuation byte.
const TOO_LONG: u8 = 1 << 1;
/// `E0` followed by `80..=9F`.
const OVERLONG_3: u8 = 1 << 2;
/// `F4` followed by `90..`, or `F5..` (beyond U+10FFFF).
const TOO_LARGE: u8 = 1 << 3;
/// `ED` followed by `A0..` (UTF-16 surrogates).
const SURROGATE: u8 = 1 << 4;
/// `C0` or `C1` (two-byte overlong).
const OVERLONG_2: u8 = 1 << 5;
/// `F0` followed by `80..=8F`, or `F5..` followed by `80..=8F`.
const TOO_LARGE_1000: u8 = 1 << 6;
const OVERLONG_4: u8 = 1 << 6;
/// Two continuation bytes in a row (an error unless the rule for third/fourth bytes allows it).
const TWO_CONTS: u8 = 1 << 7;
const CARRY: u8 = TOO_SHORT | TOO_LONG | TWO_CONTS;

/// Error bits by the high nibble of the previous byte.
pub(crate) const PREV_HIGH: [u8; 16] = [
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TOO_LONG,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TWO_CONTS,
    TOO_SHORT | OVERLONG_2,
    TOO_SHORT,
    TOO_SHORT | OVERLONG_3 | SURROGATE,
    TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4,
];

/// Error bits by the low nibble of the previous byte.
pub(crate) const PREV_LOW: [u8; 16] = [
    CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,
    CARRY | OVERLONG_2,
    CARRY,
    CARRY,
    CARRY | TOO_LARGE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
    CARRY | TOO_LARGE | TOO_LARGE_1000,
];

/// Error bits by the high nibble of this byte.
pub(crate) const THIS_HIGH: [u8; 16] = [
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
    TOO_SHORT,
];

/// Subtracted (saturating) from the byte two back: bit 7 survives only for `E0..` (a three- or
/// four-byte lead, so this byte must be a continuation).
pub(crate) const THIRD_BYTE_BIAS: u8 = 0xe0 - 0x80;
/// Subtracted (saturating) from the byte three back: bit 7 survives only for `F0..`.
pub(crate) const FOURTH_BYTE_BIAS: u8 = 0xf0 - 0x80;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Bytes that make UTF-8 interesting: ASCII, every lead and continuation range and their
    /// edges, and the bytes that are never valid.
    const INTERESTING: &[u8] = &[
        b'a', b' ', 0, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
        0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf7, 0xf8, 0xfe, 0xff,
    ];

    fn all_agree(bytes: &[u8]) -> Result<(), String> {
        let expected = std::str::from_utf8(bytes).is_ok();
        let scalar = bool::from(scalar::is_utf8(bytes));
        if scalar != expected {
            return Err(format!("scalar says {scalar} for {bytes:02x?}"));
        }
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 was just detected.
            let simd = bool::from(unsafe { avx2::is_utf8(bytes) });
            if simd != expected {
                return Err(format!("avx2 says {simd} for {bytes:02x?}"));
            }
        }
        Ok(())
    }

    #[test]
    fn every_sequence_of_up_to_three_interesting_bytes() {
        for &a in INTERESTING {
            for &b in INTERESTING {
                for &c in INTERESTING {
                    all_agree(&[a, b, c]).unwrap();
                    all_agree(&[a, b]).unwrap();
                }
            }
        }
    }

    #[test]
    fn every_code_point_at_every_offset_of_a_block() {
        let mut text = String::new();
        for c in (0..=0x10ffffu32).step_by(97).filter_map(char::from_u32) {
            text.push(c);
        }
        let bytes = text.as_bytes();
        for start in 0..70 {
            all_agree(&bytes[start.min(bytes.len())..]).unwrap_or_else(|e| panic!("{start}: {e}"));
        }
        // a valid text cut at every length: valid exactly when the cut falls between characters
        for len in 0..300 {
            all_agree(&bytes[..len]).unwrap();
        }
    }

    proptest::proptest! {
        /// Random mixtures of valid characters and interesting bytes, of every length across the
        /// 32- and 64-byte blocks: scalar, AVX2 and `std::str::from_utf8` agree.
        #[test]
        fn scalar_simd_and_std_agree(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::char::any().prop_map(|c| c.to_string().into_bytes()),
                    proptest::sample::select(INTERESTING).prop_map(|b| vec![b]),
                    proptest::collection::vec(0x20u8..0x7f, 0..70),
                ],
                0..40,
            ),
        ) {
            let bytes: Vec<u8> = parts.concat();
            proptest::prop_assert_eq!(all_agree(&bytes), Ok(()));
        }

        /// Uniformly random bytes (almost never valid past a few bytes) and lengths.
        #[test]
        fn random_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            proptest::prop_assert_eq!(all_agree(&bytes), Ok(()));
        }
    }
}
