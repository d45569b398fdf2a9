//! Tolerant readers for gateway responses.
//!
//! Gateway responses drift: an id arrives as `5` in one release and `"5"` in the next, a flag as
//! `true` or `"true"`, a field as `null` or not at all. For fields that only *inform* (names,
//! references, codes, ids) payseal accepts any of these spellings and reads a value of the wrong
//! kind as absent, so that a cosmetic change on the gateway's side does not turn a paid order into
//! a parse error. Fields that *decide* (amounts) are read strictly elsewhere: a garbled amount is an
//! error, never a silent `None`.
//!
//! Each function is meant for `#[serde(default, deserialize_with = "...")]` on an `Option` field.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// The JSON kind of a value, for messages ("object", "string", ...).
pub(crate) fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Text from a string, a number (its JSON text) or a boolean; `None` for null or anything else.
pub(crate) fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.as_str().to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// An integer from a JSON integer or a string holding one; `None` otherwise.
pub(crate) fn i64_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A boolean from `true`/`false`, `"true"`/`"false"` (any case) or `1`/`0`; `None` otherwise.
pub(crate) fn bool_of(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        Value::Number(n) => match n.as_i64() {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// `Option<String>` field: see [`text_of`].
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(&Value::deserialize(d)?))
}

/// `Option<bool>` field: see [`bool_of`].
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?))
}

/// `Option<Amount>` field: `null`, `""` or absent is `None`; anything else must be an exact
/// decimal (a garbled amount is an error, see the module docs).
pub(crate) fn opt_amount<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<crate::money::Amount>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        other => crate::money::Amount::deserialize(other)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// `Option<Vec<T>>` field that also accepts `null`, and reads a lone object as a one-item list.
pub(crate) fn opt_list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Array(items) => items
            .into_iter()
            .map(|item| T::deserialize(item).map_err(serde::de::Error::custom))
            .collect::<Result<Vec<T>, D::Error>>()
            .map(Some),
        obj @ Value::Object(_) => T::deserialize(obj)
            .map(|item| Some(vec![item]))
            .map_err(serde::de::Error::custom),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn readers_accept_the_usual_drift() {
        assert_eq!(text_of(&json!(5)), Some("5".into()));
        assert_eq!(text_of(&json!("x")), Some("x".into()));
        assert_eq!(text_of(&json!({})), None);
        assert_eq!(i64_of(&json!("42")), Some(42));
        assert_eq!(i64_of(&json!(4.5)), None);
        assert_eq!(bool_of(&json!("TRUE")), Some(true));
        assert_eq!(bool_of(&json!(0)), Some(false));
        assert_eq!(bool_of(&json!("yes")), None);
    }
}
