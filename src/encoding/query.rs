//! URL query strings (`application/x-www-form-urlencoded` values), for GET and DELETE endpoints.
//!
//! Base64 contains `+`, `/` and `=`; an unencoded `+` becomes a space on the server. Every byte
//! outside the RFC 3986 unreserved set is percent-encoded here, so nothing is left to chance.

/// Percent-encodes one value: every byte except `A–Z a–z 0–9 - . _ ~` becomes `%XX` (upper-case hex).
pub fn encode_component(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len() + value.len() / 4);
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Builds `k1=v1&k2=v2` with every key and value percent-encoded, in the given order.
pub fn build<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (key, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(&encode_component(key));
        out.push('=');
        out.push_str(&encode_component(value));
    }
    out
}

/// The value of one hexadecimal digit, `None` for anything else.
fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes one percent-encoded value (`+` is a space, as in form encoding). `None` when a `%`
/// escape is malformed — `%` must be followed by exactly two hexadecimal digits, so `%+A` and
/// `%-1` are refused (`u8::from_str_radix` would accept the sign) — or the result is not UTF-8.
pub fn decode_component(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let high = hex_digit(*bytes.get(i + 1)?)?;
                let low = hex_digit(*bytes.get(i + 2)?)?;
                out.push(high << 4 | low);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The most `&`-separated parts a query string may have. An envelope has four; without a bound,
/// a 1 MiB query string of `&` was a million empty pairs (144 MiB of heap).
pub const MAX_PAIRS: usize = 64;

/// Why a query string was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    /// More than [`MAX_PAIRS`] parts: refused when the next one is reached.
    TooManyPairs,
    /// A `%` escape that is not two hexadecimal digits, or text that is not UTF-8 once decoded.
    BadEscape,
    /// A non-empty name given twice (readers disagree on which value counts).
    Duplicate(String),
}

/// A query string's decoded pairs, in order, each non-empty name at most once.
#[derive(Debug)]
pub struct Pairs(Vec<(String, String)>);

impl Pairs {
    /// Moves the value of `name` out (an empty string is left in its place).
    pub fn take(&mut self, name: &str) -> Option<String> {
        self.0
            .iter_mut()
            .find(|(n, _)| n == name)
            .map(|(_, v)| std::mem::take(v))
    }

    /// The pairs, in order.
    #[cfg(any(test, feature = "fuzz-internals"))]
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

/// Splits a query string into decoded pairs, in one pass: at most [`MAX_PAIRS`] parts, no name
/// twice, every escape valid (see [`Problem`]).
pub fn parse(query: &str) -> Result<Pairs, Problem> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<(String, String)> = Vec::new();
    if query.is_empty() {
        return Ok(Pairs(pairs));
    }
    for (i, part) in query.split('&').enumerate() {
        if i == MAX_PAIRS {
            return Err(Problem::TooManyPairs);
        }
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let name = decode_component(k).ok_or(Problem::BadEscape)?;
        if !name.is_empty() && pairs.iter().any(|(n, _)| *n == name) {
            return Err(Problem::Duplicate(name));
        }
        let value = decode_component(v).ok_or(Problem::BadEscape)?;
        pairs.push((name, value));
    }
    Ok(Pairs(pairs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_slash_equals_are_encoded() {
        assert_eq!(encode_component("a+b/c=="), "a%2Bb%2Fc%3D%3D");
        assert_eq!(build([("aes", "true"), ("x y", "1")]), "aes=true&x%20y=1");
    }

    #[test]
    fn parse_inverts_build() {
        let q = build([("encryptedData", "AB+/=="), ("ka", "ქართული")]);
        let pairs = parse(&q).unwrap();
        let pairs: Vec<(&str, &str)> = pairs.iter().collect();
        assert_eq!(pairs, [("encryptedData", "AB+/=="), ("ka", "ქართული")]);
        assert_eq!(parse("a=%zz").unwrap_err(), Problem::BadEscape);
        assert_eq!(parse("a=%2").unwrap_err(), Problem::BadEscape);
        assert_eq!(parse("?").unwrap().iter().count(), 0);
    }

    #[test]
    fn at_most_max_pairs_and_no_name_twice() {
        assert_eq!(
            parse(&"&".repeat(MAX_PAIRS - 1)).unwrap().iter().count(),
            MAX_PAIRS
        );
        assert_eq!(
            parse(&"&".repeat(MAX_PAIRS)).unwrap_err(),
            Problem::TooManyPairs
        );
        assert_eq!(
            parse(&"&".repeat(1 << 20)).unwrap_err(),
            Problem::TooManyPairs
        );
        assert_eq!(
            parse("a=1&b=2&%61=3").unwrap_err(),
            Problem::Duplicate("a".to_string())
        );
        // Empty names are not fields: `&&` may repeat them.
        assert!(parse("=1&=2&a=3").is_ok());
    }

    /// `%` takes exactly two hexadecimal digits: no sign (`u8::from_str_radix("+A", 16)` is 10),
    /// no space, nothing else; both cases of the digits decode.
    #[test]
    fn a_percent_escape_is_two_hex_digits() {
        for bad in [
            "%+A", "%-1", "%+0", "% A", "%A", "%", "%G0", "%0G", "%\u{0}1",
        ] {
            assert_eq!(decode_component(bad), None, "{bad}");
            let refused = parse(&format!("encryptedData={bad}")).unwrap_err();
            assert_eq!(refused, Problem::BadEscape, "{bad}");
        }
        assert_eq!(decode_component("%2b%2B%41%7e").as_deref(), Some("++A~"));
        assert_eq!(decode_component("%E1%83%A5").as_deref(), Some("ქ"));
    }
}
