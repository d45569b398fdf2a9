//! Standard Base64 (RFC 4648 alphabet, `=` padding), as both gateways use it.
//!
//! Encoding is always canonical: padded, no line breaks. Decoding is strict about the alphabet and
//! the padding (canonical trailing bits) and lenient only about ASCII whitespace and line breaks,
//! which some servers and copy-pastes insert.
//!
//! The work is done by `base64-simd` (AVX2 or SSE4.1 where the CPU has them, else its scalar
//! code): an envelope's `encryptedData` is 4/3 of the payload, and at 256 KiB the table-driven
//! `base64` crate took about a fifth of a whole seal or open. `base64-simd` accepts exactly what
//! the `base64` crate's standard engine accepts (`simd_accepts_exactly_what_the_base64_crate_does`).
//! Secrets (private-key bodies) are decoded by [`decode_secret`] instead.

use zeroize::Zeroizing;

/// Encodes as standard padded Base64 with no line breaks.
pub fn encode(bytes: &[u8]) -> String {
    base64_simd::STANDARD.encode_to_string(bytes)
}

/// Decodes standard padded Base64 with canonical trailing bits; `None` for anything else.
fn decode_canonical(text: &[u8]) -> Option<Vec<u8>> {
    base64_simd::STANDARD.decode_to_vec(text).ok()
}

/// Why Base64 text did not decode (for diagnostics; the open path hides it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base64Problem {
    /// A character outside the standard alphabet; `url_safe` when it is `-` or `_` (the URL-safe
    /// alphabet was used).
    BadCharacter {
        /// Whether the character is `-` or `_` (URL-safe alphabet).
        url_safe: bool,
    },
    /// Missing or misplaced `=` padding, or a length that is not a multiple of 4.
    BadPadding,
}

impl std::fmt::Display for Base64Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Base64Problem::BadCharacter { url_safe: true } => {
                f.write_str("it uses the URL-safe Base64 alphabet (- and _) instead of the standard one (+ and /)")
            }
            Base64Problem::BadCharacter { url_safe: false } => {
                f.write_str("it contains characters outside the Base64 alphabet")
            }
            Base64Problem::BadPadding => f.write_str("its length or '=' padding is wrong"),
        }
    }
}

/// Whether `text` contains ASCII whitespace (spaces, tabs, line breaks).
pub fn has_whitespace(text: &[u8]) -> bool {
    text.iter().any(u8::is_ascii_whitespace)
}

/// Decodes standard padded Base64, ignoring ASCII whitespace.
///
/// The text is decoded as it is first: whitespace is outside the alphabet, so only text that
/// fails can hold any, and the common case (none) reads the input once instead of twice — a
/// byte-by-byte whitespace scan cost more than the decoding itself.
pub fn decode_lenient(text: &[u8]) -> Result<Vec<u8>, Base64Problem> {
    match decode_canonical(text) {
        Some(bytes) => Ok(bytes),
        None if has_whitespace(text) => {
            let compact: Zeroizing<Vec<u8>> = Zeroizing::new(
                text.iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect(),
            );
            decode_strict(&compact)
        }
        None => Err(classify(text)),
    }
}

/// Decodes standard padded Base64 that holds a secret (a private key's DER), ignoring ASCII
/// whitespace, with `base64ct`: its decoding is arithmetic on each character, where the
/// table-driven `base64` engine indexes a table by the secret characters (a cache-timing leak).
/// Only which bytes are whitespace (the text's layout) steers a branch; on an error the message
/// names the kind of problem, which takes a closer, variable-time look at the rejected text.
pub(crate) fn decode_secret(text: &[u8]) -> Result<Zeroizing<Vec<u8>>, Base64Problem> {
    use base64ct::Encoding;
    // Sized up front: a collected filter grows by reallocation, abandoning unwiped copies.
    let mut compact = Zeroizing::new(Vec::with_capacity(text.len()));
    compact.extend(text.iter().copied().filter(|b| !b.is_ascii_whitespace()));
    let mut out = Zeroizing::new(vec![0u8; compact.len() / 4 * 3]);
    let len = base64ct::Base64::decode(&*compact, &mut out)
        .map_err(|_| classify(&compact))?
        .len();
    out.truncate(len);
    Ok(out)
}

/// Decodes standard padded Base64 with no whitespace allowed.
pub fn decode_strict(text: &[u8]) -> Result<Vec<u8>, Base64Problem> {
    decode_canonical(text).ok_or_else(|| classify(text))
}

fn classify(text: &[u8]) -> Base64Problem {
    let is_std = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=');
    match text.iter().find(|b| !is_std(b)) {
        Some(b'-' | b'_') => Base64Problem::BadCharacter { url_safe: true },
        Some(_) => Base64Problem::BadCharacter { url_safe: false },
        None => Base64Problem::BadPadding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use proptest::prelude::*;

    proptest! {
        /// `base64-simd` encodes as the `base64` crate does, and accepts (and decodes to the same
        /// bytes) exactly the texts the `base64` crate's standard engine accepts: padding required,
        /// canonical trailing bits, nothing outside the alphabet. Texts are drawn mostly from the
        /// alphabet and `=`, around every length class, long enough for the SIMD loops.
        #[test]
        fn simd_accepts_exactly_what_the_base64_crate_does(
            data in proptest::collection::vec(any::<u8>(), 0..200),
            text in proptest::collection::vec(
                prop_oneof![
                    20 => proptest::sample::select(
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".to_vec()),
                    2 => Just(b'='),
                    1 => any::<u8>(),
                ],
                0..140,
            ),
            tamper in 0usize..200,
        ) {
            prop_assert_eq!(encode(&data), STANDARD.encode(&data));
            prop_assert_eq!(decode_canonical(&text), STANDARD.decode(&text).ok());
            // A valid text with one byte changed (a trailing-bit, padding or alphabet edge).
            let mut valid = encode(&data).into_bytes();
            if !valid.is_empty() {
                let i = tamper % valid.len();
                valid[i] = valid[i].wrapping_add(1 + (tamper / valid.len()) as u8);
            }
            prop_assert_eq!(decode_canonical(&valid), STANDARD.decode(&valid).ok());
        }
    }

    #[test]
    fn round_trip_and_whitespace() {
        let data = b"\xfb\xff\x00payseal";
        let text = encode(data);
        assert_eq!(text.len(), data.len().div_ceil(3) * 4);
        assert_eq!(decode_strict(text.as_bytes()).unwrap(), data);
        let wrapped = format!("{}\r\n {}\n", &text[..4], &text[4..]);
        assert_eq!(decode_lenient(wrapped.as_bytes()).unwrap(), data);
        assert!(decode_strict(wrapped.as_bytes()).is_err());
    }

    #[test]
    fn secret_decoding_matches_the_table_decoder() {
        for len in 0..40u8 {
            let data: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
            let text = encode(&data);
            assert_eq!(decode_secret(text.as_bytes()).unwrap().as_slice(), data);
            let wrapped: String = text
                .as_bytes()
                .chunks(5)
                .map(|c| format!("{}\r\n ", std::str::from_utf8(c).unwrap()))
                .collect();
            assert_eq!(decode_secret(wrapped.as_bytes()).unwrap().as_slice(), data);
        }
        const BAD: [&[u8]; 7] = [b"-_8A", b"ab*d", b"abc", b"ab=c", b"QQ=", b"QR==", b"=QQQ"];
        for bad in BAD {
            assert_eq!(
                decode_secret(bad).err(),
                decode_strict(bad).err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn problems_are_named() {
        assert_eq!(
            decode_strict(b"-_8A"),
            Err(Base64Problem::BadCharacter { url_safe: true })
        );
        assert_eq!(
            decode_strict(b"ab*d"),
            Err(Base64Problem::BadCharacter { url_safe: false })
        );
        assert_eq!(decode_strict(b"abc"), Err(Base64Problem::BadPadding));
        assert_eq!(decode_strict(b"ab=c"), Err(Base64Problem::BadPadding));
    }
}
