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

/// Splits a query string into decoded `(key, value)` pairs. `None` when any part is malformed.
pub fn parse(query: &str) -> Option<Vec<(String, String)>> {
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.is_empty() {
        return Some(Vec::new());
    }
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode_component(k)?, decode_component(v)?))
        })
        .collect()
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
        assert_eq!(pairs[0], ("encryptedData".into(), "AB+/==".into()));
        assert_eq!(pairs[1], ("ka".into(), "ქართული".into()));
        assert_eq!(parse("a=%zz"), None);
        assert_eq!(parse("a=%2"), None);
    }

    /// `%` takes exactly two hexadecimal digits: no sign (`u8::from_str_radix("+A", 16)` is 10),
    /// no space, nothing else; both cases of the digits decode.
    #[test]
    fn a_percent_escape_is_two_hex_digits() {
        for bad in [
            "%+A", "%-1", "%+0", "% A", "%A", "%", "%G0", "%0G", "%\u{0}1",
        ] {
            assert_eq!(decode_component(bad), None, "{bad}");
            assert_eq!(parse(&format!("encryptedData={bad}")), None, "{bad}");
        }
        assert_eq!(decode_component("%2b%2B%41%7e").as_deref(), Some("++A~"));
        assert_eq!(decode_component("%E1%83%A5").as_deref(), Some("ქ"));
    }
}
