//! An opened payload: UTF-8 JSON bytes that are wiped on drop and never printed by `Debug`.

use crate::error::{Error, ErrorKind, Result};
use serde::de::DeserializeOwned;
use std::fmt;
use zeroize::Zeroizing;

/// The plaintext of an opened envelope: valid UTF-8 JSON, wiped when dropped.
///
/// Payloads can hold card data (PCI scope), so `Debug` shows only the length.
#[derive(Clone, PartialEq, Eq)]
pub struct Plaintext(Zeroizing<Vec<u8>>);

impl Plaintext {
    /// Wraps bytes already checked to be UTF-8 JSON.
    pub(crate) fn from_checked(bytes: Zeroizing<Vec<u8>>) -> Plaintext {
        Plaintext(bytes)
    }

    /// The JSON bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        // Checked at construction; an empty string can never be reached.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the plaintext is empty (never, for an opened envelope).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Deserializes the JSON into a typed value. A failure says where and what kind of problem,
    /// never the value (see `crate::json::shape`): the plaintext is secret.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        crate::json::shape::read(&self.0).map_err(|e| {
            Error::new(
                ErrorKind::UnexpectedResponse,
                format!("the opened JSON does not have the expected shape {e}"),
            )
        })
    }

    /// Moves the bytes out (still wiped on drop).
    pub fn into_bytes(self) -> Zeroizing<Vec<u8>> {
        self.0
    }
}

impl fmt::Debug for Plaintext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Plaintext({} bytes, redacted)", self.0.len())
    }
}

/// The deepest nesting of arrays and objects payseal accepts: what serde_json's recursion limit
/// lets a typed parse read (it refuses the 128th level).
pub(crate) const MAX_JSON_DEPTH: usize = 127;

/// Checks that `bytes` is UTF-8 JSON (any value) nested at most [`MAX_JSON_DEPTH`] levels,
/// without building it. The open paths' check before the constant-time decision
/// (`crate::ct::decision`), kept as the tests' reference for it.
///
/// serde_json skips an ignored value without recursion and so without its recursion limit: on
/// its own, `IgnoredAny` accepts `[[[[…]]]]` 10,000 levels deep, which every typed parse (and
/// many a host's JSON reader) then refuses or overflows on. The depth is checked separately.
#[cfg(test)]
pub(crate) fn is_json(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
        && depth_within_limit(bytes)
}

/// Whether valid JSON text nests arrays and objects at most [`MAX_JSON_DEPTH`] levels. One pass,
/// no allocation.
///
/// String contents are skipped in blocks (see [`skip_plain`]): a payload is mostly strings, and a
/// byte-by-byte state machine over them cost more than the AES-256-CBC of the same bytes (about
/// 1.2 ns a byte: +300 µs on a 256 KiB seal and open). Never panics, whatever the bytes.
pub(crate) fn depth_within_limit(json: &[u8]) -> bool {
    depth_at_most(json, MAX_JSON_DEPTH)
}

/// Whether valid JSON text nests arrays and objects at most `max` levels (see
/// [`depth_within_limit`]): for a value found `n` levels down, `MAX_JSON_DEPTH - n`.
pub(crate) fn depth_at_most(json: &[u8], max: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                // Skip to the closing quote; a backslash escapes the byte after it.
                i += 1;
                loop {
                    i += skip_plain(json.get(i..).unwrap_or_default());
                    match json.get(i) {
                        Some(b'\\') => i += 2,
                        Some(_) => break, // the closing quote
                        None => return true,
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    true
}

/// The length of the longest prefix of `bytes` without `"` or `\`, looked at 32 bytes at a time
/// (a test with no early exit inside a block, which the compiler vectorizes).
fn skip_plain(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut skipped = 0;
    for block in bytes.chunks_exact(BLOCK) {
        if block
            .iter()
            .fold(false, |hit, &b| hit | (b == b'"') | (b == b'\\'))
        {
            break;
        }
        skipped += BLOCK;
    }
    let rest = &bytes[skipped..];
    skipped
        + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\')
            .unwrap_or(rest.len())
}

/// Whether JSON text is an object or an array (its first non-blank byte is `{` or `[`).
///
/// Gateway payloads are always one of these. The open paths require it too: with implicit
/// rejection (PKCS#1 v1.5 on the RustCrypto backend) a damaged RSA block decrypts to pseudo-random
/// bytes of pseudo-random length, and a lone digit is valid JSON; a structured value is not
/// reached by chance.
pub(crate) fn is_json_container(json: &[u8]) -> bool {
    matches!(json.trim_ascii_start().first(), Some(b'{' | b'['))
}

/// Serializes a payload as compact UTF-8 JSON, wiped on drop.
///
/// Not `serde_json::to_vec`: a `Vec` that grows by reallocation leaves each abandoned buffer,
/// holding a prefix of the payload, to the allocator unwiped. [`WipingWriter`] grows by copying
/// into a new buffer and wiping the old one.
pub(crate) fn to_compact_json<T: serde::Serialize + ?Sized>(
    payload: &T,
) -> Result<Zeroizing<Vec<u8>>> {
    let mut writer = WipingWriter(Zeroizing::new(Vec::new()));
    serde_json::to_writer(&mut writer, payload).map_err(|e| {
        Error::new(
            ErrorKind::InvalidRequest,
            format!("the payload cannot be written as JSON: {e}"),
        )
    })?;
    Ok(writer.0)
}

/// A byte sink whose every buffer, including the ones it outgrows, is wiped when released.
pub(crate) struct WipingWriter(pub(crate) Zeroizing<Vec<u8>>);

impl std::io::Write for WipingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let needed = self.0.len() + buf.len();
        if needed > self.0.capacity() {
            let capacity = needed.max(self.0.capacity() * 2).max(256);
            let mut bigger = Zeroizing::new(Vec::with_capacity(capacity));
            bigger.extend_from_slice(&self.0);
            // The old buffer is wiped as it is dropped here.
            self.0 = bigger;
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Checks a payload given as bytes: it must be UTF-8 JSON. Sent exactly as given.
pub(crate) fn check_payload_bytes(bytes: &[u8]) -> Result<()> {
    if std::str::from_utf8(bytes).is_err() {
        return Err(Error::new(
            ErrorKind::InvalidUtf8,
            "the payload is not UTF-8; gateways expect UTF-8 JSON",
        ));
    }
    if serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_err() {
        return Err(Error::new(
            ErrorKind::NotJson,
            "the payload is not valid JSON",
        ));
    }
    if !depth_within_limit(bytes) {
        return Err(Error::new(
            ErrorKind::NotJson,
            format!("the payload nests arrays or objects more than {MAX_JSON_DEPTH} levels deep"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_limit() {
        let nest = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(is_json(nest(MAX_JSON_DEPTH).as_bytes()));
        assert!(!is_json(nest(MAX_JSON_DEPTH + 1).as_bytes()));
        assert!(serde_json::from_str::<serde_json::Value>(&nest(MAX_JSON_DEPTH)).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&nest(MAX_JSON_DEPTH + 1)).is_err());
        // brackets inside strings do not count, escaped quotes do not end a string
        let s = format!(r#"{{"a":"{}\"{}"}}"#, "[".repeat(500), "{".repeat(500));
        assert!(is_json(s.as_bytes()));
        assert!(check_payload_bytes(nest(10_000).as_bytes()).is_err());
    }

    /// The byte-by-byte state machine `depth_within_limit` replaced, kept as the reference.
    fn depth_reference(json: &[u8]) -> bool {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for &b in json {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_JSON_DEPTH {
                        return false;
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        true
    }

    proptest::proptest! {
        /// Any bytes, valid JSON or not: the same answer as the reference, and no panic. The
        /// alphabet is the bytes that matter, plus filler to cross the 32-byte blocks.
        #[test]
        fn depth_matches_the_reference(
            picks in proptest::collection::vec(0usize..8, 0..600),
            long_string in 0usize..100,
        ) {
            const ALPHABET: &[u8] = b"[]{}\"\\ax";
            let mut json: Vec<u8> = picks.iter().map(|&i| ALPHABET[i]).collect();
            // Long runs of plain bytes inside and outside strings.
            let at = json.len() / 2;
            json.splice(at..at, std::iter::repeat_n(b'a', long_string));
            proptest::prop_assert_eq!(depth_within_limit(&json), depth_reference(&json));
        }
    }

    #[test]
    fn depth_skips_strings_and_escapes() {
        let deep = "[".repeat(MAX_JSON_DEPTH + 1);
        for (json, within) in [
            (format!(r#"["{deep}"]"#), true),
            (format!(r#"["\"{deep}"]"#), true),
            (format!(r#"["\\"{deep}"]"#), false),
            (format!(r#"["{}\"",{deep}]"#, "a".repeat(100)), false),
            (format!(r#"["{}\\"]"#, "a".repeat(100)), true),
            ("\"\\".to_string(), true),
            ("\"abc".to_string(), true),
        ] {
            assert_eq!(depth_within_limit(json.as_bytes()), within, "{json}");
            assert_eq!(depth_reference(json.as_bytes()), within, "{json}");
        }
    }
}
