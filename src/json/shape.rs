//! Typed reading of JSON whose failures say *where* and *what kind*, never *what value*.
//!
//! serde_json's messages quote the offending value — `invalid type: string "4111 1111 1111 1111",
//! expected u32 at line 1 column 40` — and the JSON payseal reads typed is a decrypted plaintext,
//! a callback or a gateway answer: card numbers, personal data. [`read`] reduces a failure to a
//! [`ShapeError`]: the path to the value (`orderPayments[2].amount`; names taken from the input
//! are shown through [`crate::error::excerpt`]) and the kind of problem (`invalid type: a string,
//! expected u32`), built only from serde's fixed texts and payseal's types, without the value and
//! without serde's line and column (the position of a value inside a secret document).
//!
//! The common case costs nothing: the text is read once, as before; only when that fails is it
//! read again with the path tracked (`serde_path_to_error`), to find where.

use crate::error::excerpt;
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use serde_path_to_error::Segment;
use std::fmt;

/// Where a typed read failed and what kind of problem it was. Contains no value from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ShapeError {
    path: String,
    problem: String,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.path, self.problem)
    }
}

/// Reads `json` as a `T`; see the module docs for what a failure says.
pub(crate) fn read<T: DeserializeOwned>(json: &[u8]) -> Result<T, ShapeError> {
    match serde_json::from_slice(json) {
        Ok(value) => Ok(value),
        Err(first) => {
            // serde's message quotes the value in full (a 1 MiB string is a 1 MiB message):
            // one such error at a time.
            let fallback = problem(&first);
            drop(first);
            Err(locate::<T>(json).unwrap_or(ShapeError {
                path: "the top level".into(),
                problem: fallback,
            }))
        }
    }
}

/// Reads `json` again with the path tracked, for the error (`None` if it now succeeds, which a
/// deterministic deserializer never does).
fn locate<T: DeserializeOwned>(json: &[u8]) -> Option<ShapeError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => Some(ShapeError {
            path: render_path(e.path()),
            problem: problem(e.inner()),
        }),
        // Trailing characters after a complete value.
        Ok(_) => de.end().err().map(|e| ShapeError {
            path: "the end".into(),
            problem: problem(&e),
        }),
    }
}

/// The most path segments shown: the first few and the last few of a deeper path.
const MAX_SEGMENTS: usize = 12;

fn render_path(path: &serde_path_to_error::Path) -> String {
    let segments: Vec<&Segment> = path.iter().collect();
    if segments.is_empty() {
        return "the top level".into();
    }
    let mut out = String::new();
    let elide = segments.len() > MAX_SEGMENTS;
    for (i, segment) in segments.iter().enumerate() {
        if elide && i == 4 {
            out.push('…');
        }
        if elide && (4..segments.len() - (MAX_SEGMENTS - 4)).contains(&i) {
            continue;
        }
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if is_plain_name(key) {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push_str(&format!("[{}]", excerpt(key)));
                }
            }
            Segment::Unknown if out.is_empty() => out.push('?'),
            Segment::Unknown => out.push_str(".?"),
        }
    }
    out
}

/// A name shown bare in a path: ASCII letters, digits, `_` and `-`, at most 64 of them.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= crate::error::EXCERPT_CHARS
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The kind of problem, from serde's and serde_json's fixed texts with the value left out.
pub(crate) fn problem(e: &serde_json::Error) -> String {
    let mut ends = Ends::default();
    // Writing into `Ends` cannot fail.
    let _ = fmt::write(&mut ends, format_args!("{e}"));
    let position = format!(" at line {} column {}", e.line(), e.column());
    let tail = ends.tail.strip_suffix(&position).unwrap_or(&ends.tail);
    let message = Message {
        head: if ends.cut { &ends.head } else { tail },
        tail,
    };
    match e.classify() {
        // serde_json's own syntax messages are fixed texts ("expected `,` or `}`").
        Category::Syntax | Category::Eof | Category::Io => {
            format!("not valid JSON: {}", message.tail)
        }
        Category::Data => data_problem(&message),
    }
}

/// The start and the end of a message, without the middle of a long one: serde quotes a value in
/// full, and the value is what is left out anyway.
#[derive(Default)]
struct Ends {
    head: String,
    tail: String,
    cut: bool,
}

/// Bytes kept at each end.
const END_BYTES: usize = 256;

impl fmt::Write for Ends {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            if self.head.len() < END_BYTES {
                self.head.push(c);
            }
            self.tail.push(c);
            if self.tail.len() > 2 * END_BYTES {
                let keep = self.tail.len() - END_BYTES;
                let at = (keep..=self.tail.len())
                    .find(|&i| self.tail.is_char_boundary(i))
                    .unwrap_or(self.tail.len());
                self.tail.drain(..at);
                self.cut = true;
            }
        }
        Ok(())
    }
}

/// A message as [`Ends`] kept it: `head` starts it, `tail` ends it (both the whole message when
/// it is short).
struct Message<'a> {
    head: &'a str,
    tail: &'a str,
}

/// serde's data errors (`serde::de::Error`'s provided methods) and custom messages.
fn data_problem(m: &Message<'_>) -> String {
    // "invalid type: string \"…\", expected u32": the found kind is the value's description up
    // to its quoted or backquoted part; the expectation comes from payseal's types.
    for (prefix, label) in [
        ("invalid type: ", "invalid type"),
        ("invalid value: ", "invalid value"),
    ] {
        if let Some(rest) = m.head.strip_prefix(prefix) {
            return format!("{label}: {}{}", found_kind(rest), expected(m.tail));
        }
    }
    for (prefix, label) in [
        ("invalid length ", "invalid length"),
        ("unknown variant ", "unknown variant"),
        ("unknown field ", "unknown field"),
    ] {
        if m.head.starts_with(prefix) {
            return format!("{label}{}", expected(m.tail));
        }
    }
    for prefix in ["missing field ", "duplicate field "] {
        if let Some(name) = m.tail.strip_prefix(prefix) {
            let name = name.trim_matches('`');
            return format!("{prefix}{}", excerpt(name));
        }
    }
    // A custom message: payseal's own (an amount, a date, a closed list of values) carry no
    // value by construction; anything else is escaped and cut like input.
    format!("{}", excerpt(m.head).with_limit(160))
        .trim_matches('"')
        .to_string()
}

/// "a string" for `string "…", expected …`; serde's `Unexpected` descriptions start with the kind
/// (the first words, before a quote or a backquote).
fn found_kind(rest: &str) -> String {
    let kind = rest
        .split(['"', '`', ','])
        .next()
        .unwrap_or_default()
        .trim();
    let kind: String = kind.chars().take(32).collect();
    match kind.chars().next() {
        Some(c) if "aeiou".contains(c) => format!("an {kind}"),
        Some(_) => format!("a {kind}"),
        None => "a value".into(),
    }
}

/// ", expected …" when the message has one (the last: a quoted value may contain the words).
fn expected(rest: &str) -> String {
    match rest.rsplit_once(", expected ") {
        Some((_, what)) => format!(", expected {}", clean(what)),
        None => String::new(),
    }
}

/// An expectation from serde or payseal's types, escaped and cut like input all the same.
fn clean(text: &str) -> String {
    let shown = excerpt(text).with_limit(120).to_string();
    shown
        .strip_prefix('"')
        .map(|s| s.replacen("\"…", "…", 1))
        .map(|s| s.strip_suffix('"').map(str::to_string).unwrap_or(s))
        .unwrap_or(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Payment {
        amount: u32,
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Kind {
        Card,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    #[serde(deny_unknown_fields)]
    struct Order {
        payments: Vec<Payment>,
    }

    fn error(json: &str) -> String {
        read::<Order>(json.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn path_and_kind_without_the_value() {
        let secret = "4111 1111 1111 1111";
        for (json, expected) in [
            (
                format!(r#"{{"payments":[{{"amount":"{secret}","kind":"Card"}}]}}"#),
                "at payments[0].amount: invalid type: a string, expected u32",
            ),
            (
                r#"{"payments":[{"amount":4111111111111111,"kind":"Card"}]}"#.to_string(),
                "at payments[0].amount: invalid value: an integer, expected u32",
            ),
            (
                format!(r#"{{"payments":[{{"amount":1,"kind":"{secret}"}}]}}"#),
                "at payments[0].kind: unknown variant, expected `Card`",
            ),
            (
                format!(r#"{{"payments":[],"extra field":"{secret}"}}"#),
                "at [\"extra field\"]: unknown field, expected `payments`",
            ),
            (
                r#"{"payments":[{"kind":"Card"}]}"#.to_string(),
                "at payments[0]: missing field \"amount\"",
            ),
            (
                format!(r#"{{"payments":[{{"amount":1,"kind":"Card"}}]}} "{secret}""#),
                "at the end: not valid JSON: trailing characters",
            ),
            (
                format!(r#"{{"payments":[{{"amount":1,"kind":"Card"}}] "{secret}""#),
                "at ?: not valid JSON: expected `,` or `}`",
            ),
            (
                format!(r#"{{"payments":["{secret}"#),
                "at payments[0]: not valid JSON: EOF while parsing a string",
            ),
        ] {
            let got = error(&json);
            assert_eq!(got, expected, "{json}");
            assert!(!got.contains("1111 1111"), "{got}");
            assert!(!got.contains("line"), "{got}");
        }
    }

    /// serde quotes a value in full; only the two ends of its message are kept and read.
    #[test]
    fn a_long_value_is_left_out_of_the_message() {
        let long = format!("{}\\u00e9\\\"{}", "A".repeat(1 << 20), "ქ".repeat(1000));
        let json = format!(r#"{{"payments":[{{"amount":"{long}","kind":"Card"}}]}}"#);
        assert_eq!(
            error(&json),
            "at payments[0].amount: invalid type: a string, expected u32"
        );
        let json = format!(r#"{{"payments":[{{"amount":1,"kind":"{long}"}}]}}"#);
        assert_eq!(
            error(&json),
            "at payments[0].kind: unknown variant, expected `Card`"
        );
    }

    #[test]
    fn names_from_the_input_are_escaped_and_deep_paths_cut() {
        let json = r#"{"payments":[], "a\u001b[2J\nb": 1}"#;
        assert_eq!(
            error(json),
            r#"at ["a\u{1b}[2J\nb"]: unknown field, expected `payments`"#
        );
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Deep(Vec<Deep>);
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let e = read::<Deep>(deep.as_bytes()).unwrap_err().to_string();
        assert_eq!(
            e,
            "at [0][0][0][0]…[0][0][0][0][0][0][0][0]: not valid JSON: recursion limit exceeded"
        );
    }
}
