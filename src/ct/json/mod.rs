//! The JSON shape of a whole buffer, in constant time: which bracket opens first outside strings
//! (`{`, `[`, or none), and whether arrays and objects nest at most
//! [`MAX_JSON_DEPTH`](crate::plaintext::MAX_JSON_DEPTH) levels — with strings and escapes tracked,
//! so that brackets inside strings do not count.
//!
//! On JSON text, the first bracket outside strings is the top-level value's own when that value is
//! an object or an array, and there is none when it is a string, a number or a literal: so it
//! answers "is the top level an object / an array", which the checks this replaces read from the
//! first non-blank byte — without having to find blanks.
//!
//! Strings are found the way simdjson's stage 1 finds them: a quote is escaped when an odd run of
//! backslashes precedes it, and the bytes inside strings are the running XOR of the unescaped
//! quotes. Depth is the running count of `[`/`{` minus `]`/`}` outside strings, not clamped at
//! zero. These answers differ from the old checks' (the first non-blank byte,
//! [`depth_within_limit`](crate::plaintext::depth_within_limit)) only on text that is not JSON (`1
//! [`, a backslash outside a string, a `]` with no `[`); the open path requires JSON anyway (serde,
//! after the decision), so the decisions are the same — the tests in [`super::decision`] check
//! exactly that, and the tests here that the answers are the same on JSON.
//!
//! [`scalar`] is the byte-at-a-time reference and fallback; [`avx2`] does 64 bytes at a time.

#[cfg(target_arch = "x86_64")]
pub(crate) mod avx2;
pub(crate) mod scalar;

use subtle::Choice;

/// What the scan found.
#[derive(Clone, Copy)]
pub(crate) struct JsonShape {
    /// The first bracket outside strings is `{` (on JSON: the top level is an object).
    pub(crate) object: Choice,
    /// The first bracket outside strings is `[` (on JSON: the top level is an array).
    pub(crate) array: Choice,
    /// Arrays and objects never nest more than `MAX_JSON_DEPTH` levels.
    pub(crate) depth_ok: Choice,
}

/// Scans `bytes`; the time taken depends only on `bytes.len()`.
pub(crate) fn scan(bytes: &[u8]) -> JsonShape {
    #[cfg(target_arch = "x86_64")]
    if super::simd::avx2_enabled() {
        // SAFETY: `avx2_enabled` is true only when the CPU has AVX2.
        return unsafe { avx2::scan(bytes) };
    }
    scalar::scan(bytes)
}

/// Whether a mask is non-zero, without a branch.
fn nonzero(mask: u64) -> Choice {
    Choice::from(((mask | mask.wrapping_neg()) >> 63) as u8)
}

/// The deepest nesting accepted, as a signed depth.
const MAX_DEPTH: i64 = crate::plaintext::MAX_JSON_DEPTH as i64;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan's three answers, as booleans.
    fn answers(shape: JsonShape) -> (bool, bool, bool) {
        (
            bool::from(shape.object),
            bool::from(shape.array),
            bool::from(shape.depth_ok),
        )
    }

    fn simd_matches_scalar(bytes: &[u8]) -> Result<(), String> {
        let scalar = answers(scalar::scan(bytes));
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 was just detected.
            let simd = answers(unsafe { avx2::scan(bytes) });
            if simd != scalar {
                return Err(format!(
                    "avx2 {simd:?} != scalar {scalar:?} for {:?}",
                    String::from_utf8_lossy(bytes)
                ));
            }
        }
        Ok(())
    }

    /// On JSON text, the answers of the checks the scan replaces (the first non-blank byte, the
    /// depth scan that skips strings).
    fn old_answers(json: &[u8]) -> (bool, bool, bool) {
        let first = json.trim_ascii_start().first().copied();
        (
            first == Some(b'{'),
            first == Some(b'['),
            crate::plaintext::depth_within_limit(json),
        )
    }

    #[test]
    fn depth_limit_and_strings() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        let limit = MAX_DEPTH as usize;
        for (json, depth_ok) in [
            (deep(limit), true),
            (deep(limit + 1), false),
            (
                format!(r#"{{"a":"{}\"{}"}}"#, "[".repeat(500), "{".repeat(500)),
                true,
            ),
            (format!(r#"["\\"{}"]"#, "[".repeat(limit + 1)), false),
            (format!(r#"["\\\"{}"]"#, "[".repeat(limit + 1)), true),
            (format!("{}{}", " ".repeat(100), deep(limit + 1)), false),
        ] {
            let got = answers(scan(json.as_bytes()));
            assert_eq!(got.2, depth_ok, "{json}");
            assert_eq!(got, old_answers(json.as_bytes()), "{json}");
            simd_matches_scalar(json.as_bytes()).unwrap();
        }
    }

    #[test]
    fn the_first_bracket_outside_strings() {
        for (text, object, array) in [
            ("{}", true, false),
            (" \t\r\n[]", false, true),
            ("", false, false),
            ("    ", false, false),
            ("\"{\"", false, false),
            ("\"\\\"{\"", false, false),
            ("1", false, false),
            ("\"a\" [", false, true), // not JSON: the old check said "not a container"
        ] {
            let got = answers(scan(text.as_bytes()));
            assert_eq!((got.0, got.1), (object, array), "{text:?}");
            simd_matches_scalar(text.as_bytes()).unwrap();
            // the first bracket at every offset across two 64-byte blocks
            for pad in [31, 32, 63, 64, 65, 127, 128] {
                let padded = format!("{}{text}", " ".repeat(pad));
                let got = answers(scan(padded.as_bytes()));
                assert_eq!((got.0, got.1), (object, array), "{padded:?}");
                simd_matches_scalar(padded.as_bytes()).unwrap();
            }
        }
    }

    /// Picks from the bytes that matter to the scan, plus filler.
    fn json_ish() -> impl Strategy<Value = Vec<u8>> {
        const ALPHABET: &[u8] = b"[]{}\"\\\\ \t\n\x0cax:,\xc3";
        (
            proptest::collection::vec(proptest::sample::select(ALPHABET), 0..400),
            0usize..130,
            0usize..130,
        )
            .prop_map(|(mut bytes, at, run)| {
                // long runs (of brackets or plain bytes) to cross block boundaries and the limit
                let fill = if run % 2 == 0 { b'[' } else { b'a' };
                let at = at.min(bytes.len());
                bytes.splice(at..at, std::iter::repeat_n(fill, run));
                bytes
            })
    }

    proptest! {
        /// Any bytes: AVX2 and scalar agree.
        #[test]
        fn simd_and_scalar_agree(bytes in json_ish()) {
            prop_assert_eq!(simd_matches_scalar(&bytes), Ok(()));
        }

        /// Uniformly random bytes too.
        #[test]
        fn simd_and_scalar_agree_on_random_bytes(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
        ) {
            prop_assert_eq!(simd_matches_scalar(&bytes), Ok(()));
        }

        /// On JSON (random values nested to random depths), the scan agrees with the checks it
        /// replaces.
        #[test]
        fn agrees_with_the_old_checks_on_json(
            value in json_value(),
            pad in 0usize..70,
            wrap in 0usize..135,
        ) {
            let text = format!("{}{}{value}{}", " ".repeat(pad), "[".repeat(wrap), "]".repeat(wrap));
            prop_assert_eq!(answers(scan(text.as_bytes())), old_answers(text.as_bytes()));
            prop_assert_eq!(simd_matches_scalar(text.as_bytes()), Ok(()));
        }
    }

    /// Random JSON text: strings with escapes and brackets inside, numbers, nested arrays and
    /// objects up to about 140 levels deep.
    pub(crate) fn json_value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_string()),
            (-1000i64..1000).prop_map(|n| n.to_string()),
            "[a-z\\[\\]{}\"\\\\/ é\u{1F600}]{0,40}"
                .prop_map(|s| serde_json::to_string(&s).unwrap()),
        ];
        leaf.prop_recursive(140, 400, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                proptest::collection::vec(("[a-z\"\\[]{0,8}", inner), 0..4).prop_map(|v| {
                    let members: Vec<String> = v
                        .into_iter()
                        .map(|(k, v)| format!("{}:{v}", serde_json::to_string(&k).unwrap()))
                        .collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }
}
