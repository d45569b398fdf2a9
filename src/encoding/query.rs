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

/// Decodes one percent-encoded value (`+` is a space, as in form encoding). `None` when a `%`
/// escape is malformed or the result is not UTF-8.
pub fn decode_component(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
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
}
