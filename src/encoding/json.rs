//! Writing one JSON string literal into a body, byte for byte what `serde_json` writes.
//!
//! Envelope fields are Base64 and need no escaping, but they are public fields a caller may set
//! by hand, so each one is checked. The check is one pass with no early exit (it vectorizes);
//! only a value that needs escaping goes through `serde_json`'s escaper, which costs about as
//! much as AES-256-CBC per byte.

/// Appends `value` as a JSON string literal (quotes included) to `out`.
pub(crate) fn push_json_string(out: &mut String, value: &str) {
    if needs_escape(value.as_bytes()) {
        // serde_json cannot fail to write a &str.
        out.push_str(&serde_json::to_string(value).unwrap_or_default());
    } else {
        out.reserve(value.len() + 2);
        out.push('"');
        out.push_str(value);
        out.push('"');
    }
}

/// Whether any byte must be escaped in a JSON string: `"`, `\` or a control character below
/// U+0020 (the bytes `serde_json` escapes).
fn needs_escape(bytes: &[u8]) -> bool {
    bytes.chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | (b < 0x20) | (b == b'"') | (b == b'\\')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_as_serde_json() {
        let long = "QUJD+/8=".repeat(100);
        for value in [
            "",
            "QUJD+/8=",
            long.as_str(),
            "a\"b",
            "back\\slash",
            "tab\there",
            "nul\u{0}",
            "\u{1f}",
            "\u{7f} del is not escaped",
            "გამარჯობა",
            "</script>",
        ] {
            let mut out = String::from("x");
            push_json_string(&mut out, value);
            assert_eq!(
                out,
                format!("x{}", serde_json::to_string(value).unwrap()),
                "{value:?}"
            );
        }
        let mut escaped = long.clone();
        escaped.push('"');
        let mut out = String::new();
        push_json_string(&mut out, &escaped);
        assert_eq!(out, serde_json::to_string(&escaped).unwrap());
    }
}
