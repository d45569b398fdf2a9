//! The checks every gateway body gets before it is read: size, emptiness, JSON.
//!
//! A proxy in front of a gateway answers with HTML when the gateway is down; a load balancer may
//! cut a body short. These are transport problems, not gateway answers, and they get their own
//! error kinds so that a host can retry them instead of treating them as a refusal.

use crate::error::{Error, ErrorKind, Result};

/// Refuses a body over `max_body` bytes ([`ErrorKind::BodyTooLarge`]) or empty
/// ([`ErrorKind::EmptyBody`]).
pub(crate) fn check_size_and_presence(
    body: &[u8],
    max_body: usize,
    http_status: Option<u16>,
) -> Result<()> {
    if body.len() > max_body {
        return Err(Error::new(
            ErrorKind::BodyTooLarge,
            format!(
                "the body is {} bytes, over the {max_body}-byte limit",
                body.len()
            ),
        ));
    }
    if body.trim_ascii().is_empty() {
        return Err(Error::new(
            ErrorKind::EmptyBody,
            match http_status {
                Some(status) => format!("the body is empty (HTTP {status})"),
                None => "the body is empty".to_string(),
            },
        ));
    }
    Ok(())
}

/// The error for a body that is not JSON, naming an HTML page when it is one.
pub(crate) fn not_json(body: &[u8], http_status: Option<u16>) -> Error {
    let head = String::from_utf8_lossy(&body[..body.len().min(256)]).to_ascii_lowercase();
    let trimmed = head.trim_start();
    let http = http_status.map_or(String::new(), |s| format!(", HTTP {s}"));
    if trimmed.starts_with('<') && (trimmed.contains("html") || trimmed.starts_with("<!doctype")) {
        Error::new(
            ErrorKind::NotJson,
            format!(
                "the body is an HTML page ({} bytes{http}), not JSON: usually a proxy or gateway error page",
                body.len()
            ),
        )
    } else {
        Error::new(
            ErrorKind::NotJson,
            format!("the body is not JSON ({} bytes{http})", body.len()),
        )
    }
}

/// Size, presence and JSON, in that order.
pub(crate) fn read_json(
    body: &[u8],
    max_body: usize,
    http_status: Option<u16>,
) -> Result<serde_json::Value> {
    check_size_and_presence(body, max_body, http_status)?;
    serde_json::from_slice(body).map_err(|_| not_json(body, http_status))
}

/// The first name that occurs twice among the top-level fields of a JSON object, if any.
///
/// serde_json keeps the *last* of two equal keys without a word, while other JSON readers (a
/// proxy, a WAF, the host's own logging) may keep the first: the same body would then be two
/// different envelopes. Envelope readers refuse such bodies instead. Only the top level is
/// checked (the envelope's own fields); `body` must already be known to be JSON within the size
/// limit. Anything that is not an object has no duplicates.
pub(crate) fn duplicate_top_level_key(body: &[u8]) -> Option<String> {
    use serde::Deserializer as _;
    use serde::de::{IgnoredAny, MapAccess, Visitor};
    use std::collections::HashSet;

    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            // The whole map is read even after a duplicate: serde_json checks for the closing
            // brace after the visitor returns, and an early return would read as an error.
            let mut seen = HashSet::new();
            let mut duplicate = None;
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                if duplicate.is_none() && seen.contains(&key) {
                    duplicate = Some(key);
                } else {
                    seen.insert(key);
                }
            }
            Ok(duplicate)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    de.deserialize_map(Keys).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::duplicate_top_level_key as dup;

    #[test]
    fn duplicates_at_the_top_level() {
        assert_eq!(dup(br#"{"a":1,"b":2,"a":3}"#).as_deref(), Some("a"));
        assert_eq!(dup(br#"{"a":"x","a":"y","b":1}"#).as_deref(), Some("a"));
        assert_eq!(
            dup(br#"{"a":"x","b":"y","b":1,"c":[1,{}]}"#).as_deref(),
            Some("b")
        );
        assert_eq!(dup(br#"{"a":1,"\u0061":3}"#).as_deref(), Some("a"));
        assert_eq!(dup(br#"{"a":{"x":1,"x":2}}"#), None);
        assert_eq!(dup(br#"{"a":1,"A":2}"#), None);
        assert_eq!(dup(b"[1,1]"), None);
        assert_eq!(dup(b"1"), None);
    }
}
