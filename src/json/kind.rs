//! [`JsonKind`]: what a JSON value is, told from its first byte.

use serde_json::value::RawValue;

/// The kind of a JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    /// The kind of a value serde_json has already checked to be JSON: its first byte says it all
    /// (a [`RawValue`] never starts with whitespace).
    pub(crate) fn of(raw: &RawValue) -> JsonKind {
        match raw.get().as_bytes().first() {
            Some(b'n') => JsonKind::Null,
            Some(b't' | b'f') => JsonKind::Bool,
            Some(b'"') => JsonKind::String,
            Some(b'[') => JsonKind::Array,
            Some(b'{') => JsonKind::Object,
            _ => JsonKind::Number,
        }
    }

    /// The kind's name, for messages ("a JSON array, not an object").
    pub(crate) fn name(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "boolean",
            JsonKind::Number => "number",
            JsonKind::String => "string",
            JsonKind::Array => "array",
            JsonKind::Object => "object",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        for (json, kind) in [
            ("null", JsonKind::Null),
            ("true", JsonKind::Bool),
            ("false", JsonKind::Bool),
            ("-1.5e3", JsonKind::Number),
            ("0", JsonKind::Number),
            (r#""x""#, JsonKind::String),
            (" [1] ", JsonKind::Array),
            ("{}", JsonKind::Object),
        ] {
            let raw: Box<RawValue> = serde_json::from_str(json).unwrap();
            assert_eq!(JsonKind::of(&raw), kind, "{json}");
        }
        assert_eq!(JsonKind::Bool.name(), "boolean");
    }
}
