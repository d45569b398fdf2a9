//! The open paths' branch-free validity decision (`src/ct/`), differential against plain
//! references, on the AVX2 scans and on the portable ones (both are run for every input: the
//! portable path is forced with `ct::internals::force_portable`; on a CPU without AVX2 both runs
//! take the portable path).
//!
//! Input: the bytes, as a decrypted buffer would hold them (no header).
//!
//! What `src/ct/` promises, and what is checked here, for every input:
//! - `utf8::is_utf8` is `std::str::from_utf8(..).is_ok()`;
//! - `json::scan` answers "the first `[`/`{` outside strings is `{`", "... is `[`", and "the
//!   running count of `[`/`{` minus `]`/`}` outside strings never exceeds 127" — strings found as
//!   simdjson finds them (a quote is escaped by an odd run of backslashes before it): checked
//!   against [`reference_shape`], a byte-at-a-time reading of that rule;
//! - on JSON text (serde_json's verdict), the first two answers are the top level (its first
//!   non-blank byte) being an object or an array; depth is [`reference_shape`]'s (in JSON text a
//!   backslash only occurs inside strings, so the odd-run rule is JSON's escape rule there; serde's
//!   own check that runs after the decision ignores depth);
//! - the hybrid path's decision (`decide_padded`: PKCS#7 checked and blanked, the text checks over
//!   the whole buffer, serde after the decision) lets through exactly [`expected_padded`]: a
//!   straightforward PKCS#7 check, then UTF-8 JSON whose top level is an object or array, at most
//!   127 deep — and returns exactly the message before the padding;
//! - the PKCS#1 v1.5 paths' decision (`decide_message`) lets through exactly
//!   [`expected_message`], for both containers (Keepz legacy: object or array; TransactPay: object).
#![no_main]

use libfuzzer_sys::fuzz_target;
use payseal::ct::internals::{force_portable, is_utf8, json_shape, open_message, open_padded};

/// The deepest nesting the open paths accept.
const MAX_DEPTH: i64 = 127;

/// The scan's rule read byte by byte: (first opening bracket outside strings is `{`, is `[`,
/// the depth outside strings never exceeds 127).
fn reference_shape(bytes: &[u8]) -> (bool, bool, bool) {
    let mut backslashes = 0usize; // the run of backslashes just before this byte
    let mut in_string = false;
    let mut depth = 0i64;
    let mut deepest = 0i64;
    let mut first = None;
    for &b in bytes {
        if b == b'"' && backslashes % 2 == 0 {
            in_string = !in_string;
        }
        if !in_string {
            match b {
                b'[' | b'{' => {
                    first.get_or_insert(b);
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b']' | b'}' => depth -= 1,
                _ => {}
            }
        }
        backslashes = if b == b'\\' { backslashes + 1 } else { 0 };
    }
    (
        first == Some(b'{'),
        first == Some(b'['),
        deepest <= MAX_DEPTH,
    )
}

/// serde_json's verdict on the syntax (numbers are not converted, as payseal's check does not).
fn is_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// Whether `message` is what an open path lets through: UTF-8 JSON whose top level is an object
/// (or, unless `object_only`, an array), nested at most 127 deep.
fn expected_message(message: &[u8], object_only: bool) -> bool {
    let top = message.trim_ascii_start().first().copied();
    let container = top == Some(b'{') || (!object_only && top == Some(b'['));
    std::str::from_utf8(message).is_ok()
        && is_json(message)
        && container
        && reference_shape(message).2
}

/// PKCS#7 for 16-byte blocks, the plain way: the message before the padding.
fn pkcs7_unpad(buf: &[u8]) -> Option<&[u8]> {
    if buf.is_empty() || buf.len() % 16 != 0 {
        return None;
    }
    let pad = usize::from(*buf.last()?);
    if pad == 0 || pad > 16 {
        return None;
    }
    let (message, padding) = buf.split_at(buf.len() - pad);
    padding
        .iter()
        .all(|&b| usize::from(b) == pad)
        .then_some(message)
}

/// What the hybrid path lets through from a decrypted buffer.
fn expected_padded(buf: &[u8]) -> Option<Vec<u8>> {
    pkcs7_unpad(buf)
        .filter(|message| expected_message(message, false))
        .map(<[u8]>::to_vec)
}

fn check(data: &[u8], path: &str) {
    let shown = || format!("{path}: {:?}", String::from_utf8_lossy(data));
    assert_eq!(
        is_utf8(data),
        std::str::from_utf8(data).is_ok(),
        "utf8, {}",
        shown()
    );
    let shape = json_shape(data);
    assert_eq!(shape, reference_shape(data), "shape, {}", shown());
    if is_json(data) {
        let top = data.trim_ascii_start().first().copied();
        let on_json = (top == Some(b'{'), top == Some(b'['));
        assert_eq!((shape.0, shape.1), on_json, "shape on JSON, {}", shown());
    }
    for object_only in [false, true] {
        let expected = expected_message(data, object_only).then(|| data.to_vec());
        assert_eq!(
            open_message(data, object_only),
            expected,
            "message (object only: {object_only}), {}",
            shown()
        );
    }
    assert_eq!(
        open_padded(data),
        expected_padded(data),
        "padded, {}",
        shown()
    );
}

fuzz_target!(|data: &[u8]| {
    check(data, "simd");
    force_portable(true);
    check(data, "portable");
    force_portable(false);
});
