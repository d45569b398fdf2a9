//! Quoting untrusted input in a message: the one way payseal shows a name or value it was given.
//!
//! Error messages end up in logs, terminals and HTTP answers. A name or value taken from input
//! (a JSON field name, a PEM label, an identifier, an operation name) is shown only through
//! [`excerpt`]: quoted, cut to [`EXCERPT_CHARS`] characters (so a 200 kB field never becomes a
//! 200 kB message), with every character that could change how a log line reads escaped — control
//! characters (ESC sequences recolour or erase a terminal, CR and LF forge log lines, NUL ends a C
//! string early), Unicode format characters (bidi overrides reorder what a reader sees, zero-width
//! characters hide text), and everything else that is not a letter, a digit or printable ASCII.
//!
//! Values that may be secret — anything inside a decrypted plaintext, a callback or a gateway
//! answer (card numbers, personal data), key material — are never shown at all, not even as an
//! excerpt: those messages name a path and a kind of problem instead (`crate::json::shape`).

use std::fmt::{self, Write as _};

/// The most characters of input a message shows.
pub const EXCERPT_CHARS: usize = 64;

/// The most characters of a gateway's own error message shown in payseal's message (the typed
/// error keeps the text as sent).
pub(crate) const GATEWAY_MESSAGE_CHARS: usize = 200;

/// Untrusted text as it appears in a message: see [`excerpt`].
#[derive(Clone, Copy, Debug)]
pub struct Excerpt<'a> {
    text: &'a str,
    max_chars: usize,
}

/// Shows untrusted `text` safely: `"…"`-quoted, at most [`EXCERPT_CHARS`] characters (followed by
/// `…` outside the quotes when cut), every character other than a letter, a digit or printable
/// ASCII escaped as `\n`, `\r`, `\t`, `\"`, `\\` or `\u{…}`.
///
/// ```
/// use payseal::error::excerpt;
/// assert_eq!(excerpt("encryptedData").to_string(), r#""encryptedData""#);
/// assert_eq!(excerpt("a\u{1b}[2J\nb").to_string(), r#""a\u{1b}[2J\nb""#);
/// assert_eq!(excerpt("\u{202e}txt.exe").to_string(), r#""\u{202e}txt.exe""#);
/// assert_eq!(excerpt(&"x".repeat(100)).to_string(), format!("\"{}\"…", "x".repeat(64)));
/// assert_eq!(excerpt("ქართული").to_string(), "\"ქართული\"");
/// ```
pub fn excerpt(text: &str) -> Excerpt<'_> {
    Excerpt {
        text,
        max_chars: EXCERPT_CHARS,
    }
}

impl Excerpt<'_> {
    /// The same excerpt, cut at `max_chars` characters instead (for the gateways' own error
    /// messages, which are meant to be read in full).
    pub fn with_limit(self, max_chars: usize) -> Self {
        Excerpt { max_chars, ..self }
    }
}

/// Whether `c` is shown as it is: printable ASCII other than the quote and the backslash, and
/// letters and digits of any script. Everything else is escaped.
fn shown_as_is(c: char) -> bool {
    if c.is_ascii() {
        (c == ' ' || c.is_ascii_graphic()) && c != '"' && c != '\\'
    } else {
        c.is_alphanumeric()
    }
}

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        let mut chars = self.text.chars();
        for c in chars.by_ref().take(self.max_chars) {
            match c {
                c if shown_as_is(c) => f.write_char(c)?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                other => write!(f, "\\u{{{:x}}}", u32::from(other))?,
            }
        }
        f.write_char('"')?;
        if chars.next().is_some() {
            f.write_char('…')?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_that_moves_a_log_line_passes() {
        let hostile = "a\u{1b}[31mb\nc\rd\te\0f\u{7f}g\u{85}h\u{202e}i\u{2066}j\u{200b}k\u{feff}l\u{2028}m\"n\\o";
        let shown = excerpt(hostile).to_string();
        assert_eq!(
            shown,
            r#""a\u{1b}[31mb\nc\rd\te\u{0}f\u{7f}g\u{85}h\u{202e}i\u{2066}j\u{200b}k\u{feff}l\u{2028}m\"n\\o""#
        );
        assert!(
            !shown
                .chars()
                .any(|c| c.is_control() || !shown_as_is(c) && c != '"' && c != '\\')
        );
    }

    #[test]
    fn cut_by_characters_not_bytes() {
        let georgian = "ა".repeat(EXCERPT_CHARS + 1);
        let shown = excerpt(&georgian).to_string();
        assert_eq!(shown.chars().filter(|&c| c == 'ა').count(), EXCERPT_CHARS);
        assert!(shown.ends_with("\"…"));
        assert_eq!(
            excerpt(&"a".repeat(EXCERPT_CHARS))
                .to_string()
                .chars()
                .count(),
            EXCERPT_CHARS + 2
        );
        assert_eq!(excerpt("abcdef").with_limit(3).to_string(), "\"abc\"…");
        assert_eq!(excerpt("").to_string(), "\"\"");
    }
}
