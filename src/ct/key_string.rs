//! Reading the Keepz key string `Base64(key) "." Base64(iv)` (69 bytes) in constant time.
//!
//! The key string is the RSA step's secret output; whether it reads is part of the one decision
//! (see [`super::decision`]), so it is decoded in full whatever it holds, with no branch and no
//! table lookup on its bytes.

use super::base64::decode_fixed;
use subtle::{Choice, ConstantTimeEq};

/// The length of a key string: 44 Base64 characters for the 32-byte key, `.`, 24 for the IV.
pub(crate) const KEY_STRING_LEN: usize = 69;

/// Decodes `text` into `key` and `iv`, and says whether it is a key string: `<44 Base64>.<24
/// Base64>`, canonical, decoding to 32 and 16 bytes. `key` and `iv` hold garbage when it is not.
pub(crate) fn decode_key_string(
    text: &[u8; KEY_STRING_LEN],
    key: &mut [u8; 32],
    iv: &mut [u8; 16],
) -> Choice {
    let key_ok = decode_fixed(&text[..44], key);
    let dot_ok = text[44].ct_eq(&b'.');
    let iv_ok = decode_fixed(&text[45..], iv);
    key_ok & dot_ok & iv_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::encoding::base64::decode_strict;

    /// The table-driven reading this replaces, kept as the reference.
    fn reference(text: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
        if text.len() != KEY_STRING_LEN || text[44] != b'.' {
            return None;
        }
        let key = decode_strict(&text[..44]).ok().filter(|k| k.len() == 32)?;
        let iv = decode_strict(&text[45..]).ok().filter(|v| v.len() == 16)?;
        Some((key, iv))
    }

    fn agrees(text: &[u8; KEY_STRING_LEN]) -> bool {
        let (mut key, mut iv) = ([0u8; 32], [0u8; 16]);
        let ok = bool::from(decode_key_string(text, &mut key, &mut iv));
        match reference(text) {
            Some((k, v)) => ok && k == key && v == iv,
            None => !ok,
        }
    }

    proptest::proptest! {
        /// Real key strings, each with up to two bytes replaced: the same verdict and bytes as the
        /// reference.
        #[test]
        fn matches_the_table_driven_reading(
            material in proptest::collection::vec(proptest::num::u8::ANY, 48),
            changes in proptest::collection::vec((0usize..KEY_STRING_LEN, proptest::num::u8::ANY), 0..3),
        ) {
            let mut text = [0u8; KEY_STRING_LEN];
            let encoded = format!(
                "{}.{}",
                crate::encoding::base64::encode(&material[..32]),
                crate::encoding::base64::encode(&material[32..])
            );
            text.copy_from_slice(encoded.as_bytes());
            proptest::prop_assert!(agrees(&text));
            for (at, byte) in changes {
                text[at] = byte;
            }
            proptest::prop_assert!(agrees(&text));
        }
    }

    #[test]
    fn the_dot_and_the_padding_are_checked() {
        let good = *b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=.AAAAAAAAAAAAAAAAAAAAAA==";
        assert!(agrees(&good));
        let (mut key, mut iv) = ([0u8; 32], [0u8; 16]);
        assert!(bool::from(decode_key_string(&good, &mut key, &mut iv)));
        for (at, byte) in [
            (44, b':'),
            (43, b'A'),
            (68, b'A'),
            (67, b'A'),
            (0, b'-'),
            (45, b'_'),
        ] {
            let mut bad = good;
            bad[at] = byte;
            assert!(agrees(&bad));
            assert!(
                !bool::from(decode_key_string(&bad, &mut key, &mut iv)),
                "{at}"
            );
        }
    }
}
