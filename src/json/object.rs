//! A JSON object's top level, read in one pass: each value kept as its exact text, and the first
//! name given twice.

use serde::Deserializer as _;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;

/// The fields of an object, each value as its exact text borrowed from the document, ordered by
/// name.
pub(crate) struct Object<'a> {
    fields: BTreeMap<String, &'a RawValue>,
    duplicate: Option<String>,
}

impl<'a> Object<'a> {
    /// The value of a field (its last value, when the name is given twice).
    pub(crate) fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.fields.get(name).copied()
    }

    /// The fields, ordered by name.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &'a RawValue)> + '_ {
        self.fields
            .iter()
            .map(|(name, value)| (name.as_str(), *value))
    }

    /// The first name that occurs twice, if any.
    ///
    /// serde_json keeps the *last* of two equal names without a word, while other JSON readers
    /// (a proxy, a WAF, the host's own logging) may keep the first: the same body would then be
    /// two different envelopes. Envelope readers refuse such bodies.
    pub(crate) fn duplicate(&self) -> Option<&str> {
        self.duplicate.as_deref()
    }
}

/// The first few names of `object`'s fields for a message, each through
/// [`crate::error::excerpt`]: `"a", "b", … (12 fields)`.
pub(crate) fn field_names(object: &Object<'_>) -> String {
    const SHOWN: usize = 8;
    let mut names: Vec<String> = object
        .iter()
        .take(SHOWN)
        .map(|(name, _)| crate::error::excerpt(name).to_string())
        .collect();
    let count = object.iter().count();
    if count > SHOWN {
        names.push(format!("… ({count} fields)"));
    }
    names.join(", ")
}

/// The fields of `json` when it is one JSON object; `None` when it is not JSON or is another
/// kind of value (tell which with `crate::body_check::parse_json`). One pass; values are
/// validated but not copied. Nesting is not limited here: serde_json reads raw values without
/// its recursion limit.
pub(crate) fn parse_object(json: &[u8]) -> Option<Object<'_>> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Object<'de>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<'de>, A::Error> {
            // The whole map is read even after a duplicate: serde_json checks for the closing
            // brace after the visitor returns, and an early return would read as an error.
            let mut object = Object {
                fields: BTreeMap::new(),
                duplicate: None,
            };
            while let Some(name) = map.next_key::<String>()? {
                let value: &'de RawValue = map.next_value()?;
                match object.fields.entry(name) {
                    Entry::Occupied(mut field) => {
                        if object.duplicate.is_none() {
                            object.duplicate = Some(field.key().clone());
                        }
                        field.insert(value);
                    }
                    Entry::Vacant(field) => {
                        field.insert(value);
                    }
                }
            }
            Ok(object)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    let object = de.deserialize_map(Fields).ok()?;
    de.end().ok()?;
    Some(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_text() {
        let object =
            parse_object(br#" {"b":1500.2500000000000001,"a":{"x":[1e400]},"c":"last"} "#).unwrap();
        assert_eq!(object.get("b").unwrap().get(), "1500.2500000000000001");
        assert_eq!(object.get("a").unwrap().get(), r#"{"x":[1e400]}"#);
        let names: Vec<&str> = object.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert!(object.duplicate().is_none());
        for not_an_object in [&b"[1]"[..], b"1", b"{", b"{} x", b"{\"a\":\xff}", b""] {
            assert!(parse_object(not_an_object).is_none());
        }
    }

    #[test]
    fn duplicates_at_the_top_level() {
        let dup = |json: &[u8]| parse_object(json).unwrap().duplicate().map(str::to_string);
        assert_eq!(dup(br#"{"a":1,"b":2,"a":3}"#).as_deref(), Some("a"));
        assert_eq!(dup(br#"{"a":"x","a":"y","b":1}"#).as_deref(), Some("a"));
        assert_eq!(
            dup(br#"{"a":"x","b":"y","b":1,"c":[1,{}],"c":2}"#).as_deref(),
            Some("b")
        );
        assert_eq!(dup(br#"{"a":1,"\u0061":3}"#).as_deref(), Some("a"));
        assert_eq!(dup(br#"{"a":{"x":1,"x":2}}"#), None);
        assert_eq!(dup(br#"{"a":1,"A":2}"#), None);
        // The last value counts, as in serde_json's own map.
        assert_eq!(
            parse_object(br#"{"a":1,"a":2}"#)
                .unwrap()
                .get("a")
                .unwrap()
                .get(),
            "2"
        );
    }
}
