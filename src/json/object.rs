//! A JSON object's top level, read in one pass into borrowed parts: each name (borrowed from the
//! document unless it holds an escape), each value as its exact text (always borrowed), and the
//! first name given twice — found in the same pass, not by reading the body again.
//!
//! Bounded by construction: at most [`MAX_FIELDS`] fields are kept (a gateway body has a handful;
//! an object with more is refused as soon as the reader reaches the next one), values are not
//! copied, and nothing else is allocated, so a 1 MiB body of `{"0":0,"1":0,…}` costs a few
//! kilobytes instead of a map entry and a `String` per key (9 MiB before; SECURITY.md §8).

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// The most top-level fields an object may have to be read as a gateway body.
pub(crate) const MAX_FIELDS: usize = 64;

/// The fields of an object in document order: names and the exact text of each value, borrowed
/// from the document.
pub(crate) struct Object<'a> {
    fields: Vec<(Cow<'a, str>, &'a RawValue)>,
    duplicate: Option<usize>,
}

impl<'a> Object<'a> {
    /// The value of a field (its last value, when the name is given twice, as serde_json reads).
    pub(crate) fn get(&self, name: &str) -> Option<&'a RawValue> {
        self.fields
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, value)| *value)
    }

    /// The fields, in document order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &'a RawValue)> + '_ {
        self.fields
            .iter()
            .map(|(name, value)| (name.as_ref(), *value))
    }

    /// The number of fields.
    pub(crate) fn len(&self) -> usize {
        self.fields.len()
    }

    /// The first name that occurs twice, if any.
    ///
    /// serde_json keeps the *last* of two equal names without a word, while other JSON readers
    /// (a proxy, a WAF, the host's own logging) may keep the first: the same body would then be
    /// two different envelopes. Envelope readers refuse such bodies.
    pub(crate) fn duplicate(&self) -> Option<&str> {
        self.duplicate.map(|i| self.fields[i].0.as_ref())
    }
}

/// What [`parse_object`] found.
pub(crate) enum Parsed<'a> {
    /// One JSON object of at most [`MAX_FIELDS`] fields.
    Object(Object<'a>),
    /// An object with more fields than that (the rest is not read).
    TooManyFields,
    /// Not an object: another JSON value, or not JSON (tell which with
    /// `crate::body_check::parse_json`).
    NotAnObject,
}

/// Reads `json` as one JSON object, in one pass (see the module docs). Nesting inside the values
/// is not limited here: serde_json reads raw values without its recursion limit (the callers
/// check the depth of the values that nest).
pub(crate) fn parse_object(json: &[u8]) -> Parsed<'_> {
    // Only text that starts with `{` is handed to the map reader: for any other value serde would
    // build an "invalid type" message quoting it, as long as the value (a 1 MiB string) and more.
    if json.trim_ascii_start().first() != Some(&b'{') {
        return Parsed::NotAnObject;
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    let fields = match de.deserialize_map(Fields) {
        Ok(fields) => fields,
        Err(e) if e.is_data() => return Parsed::TooManyFields,
        Err(_) => return Parsed::NotAnObject,
    };
    if de.end().is_err() {
        return Parsed::NotAnObject;
    }
    Parsed::Object(fields)
}

/// The map visitor behind [`parse_object`]. Refusing the field after the last allowed one is a
/// data error, which tells it apart from a syntax error.
struct Fields;

impl<'de> Visitor<'de> for Fields {
    type Value = Object<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a JSON object of at most {MAX_FIELDS} fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<'de>, A::Error> {
        let mut object = Object {
            fields: Vec::new(),
            duplicate: None,
        };
        while let Some(name) = map.next_key_seed(NameSeed)? {
            if object.fields.len() == MAX_FIELDS {
                return Err(de::Error::custom("too many fields"));
            }
            let value: &'de RawValue = map.next_value()?;
            if object.duplicate.is_none() {
                object.duplicate = object.fields.iter().position(|(n, _)| *n == name);
            }
            object.fields.push((name, value));
        }
        Ok(object)
    }
}

/// Reads a name, borrowed from the document when it holds no escape.
struct NameSeed;

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(NameSeed)
    }
}

impl<'de> Visitor<'de> for NameSeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, name: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(name))
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(name.to_string()))
    }
}

/// The first few names of `object`'s fields for a message, each through
/// [`crate::error::excerpt`], in document order: `"a", "b", … (12 fields)`.
pub(crate) fn field_names(object: &Object<'_>) -> String {
    const SHOWN: usize = 8;
    let mut names: Vec<String> = object
        .iter()
        .take(SHOWN)
        .map(|(name, _)| crate::error::excerpt(name).to_string())
        .collect();
    if object.len() > SHOWN {
        names.push(format!("… ({} fields)", object.len()));
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &[u8]) -> Object<'_> {
        match parse_object(json) {
            Parsed::Object(object) => object,
            _ => panic!("not read as an object: {}", String::from_utf8_lossy(json)),
        }
    }

    #[test]
    fn values_keep_their_text() {
        let object = object(br#" {"b":1500.2500000000000001,"a":{"x":[1e400]},"c":"last"} "#);
        assert_eq!(object.get("b").unwrap().get(), "1500.2500000000000001");
        assert_eq!(object.get("a").unwrap().get(), r#"{"x":[1e400]}"#);
        let names: Vec<&str> = object.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["b", "a", "c"]);
        assert!(object.duplicate().is_none());
        for not_an_object in [
            &b"[1]"[..],
            b"1",
            b"{",
            b"{} x",
            b"{\"a\":\xff}",
            b"",
            b"\"{\"",
        ] {
            assert!(matches!(parse_object(not_an_object), Parsed::NotAnObject));
        }
    }

    #[test]
    fn duplicates_at_the_top_level() {
        let dup = |json: &[u8]| object(json).duplicate().map(str::to_string);
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
        assert_eq!(object(br#"{"a":1,"a":2}"#).get("a").unwrap().get(), "2");
    }

    #[test]
    fn names_are_borrowed_unless_escaped() {
        let object = object(br#"{"plain":1,"esc\u0061ped":2}"#);
        assert!(matches!(object.fields[0].0, Cow::Borrowed("plain")));
        assert!(matches!(&object.fields[1].0, Cow::Owned(name) if name == "escaped"));
    }

    #[test]
    fn at_most_max_fields() {
        let fields = |n: usize| {
            let inner: Vec<String> = (0..n).map(|i| format!("\"{i}\":0")).collect();
            format!("{{{}}}", inner.join(","))
        };
        assert_eq!(object(fields(MAX_FIELDS).as_bytes()).len(), MAX_FIELDS);
        assert!(matches!(
            parse_object(fields(MAX_FIELDS + 1).as_bytes()),
            Parsed::TooManyFields
        ));
        // Refused at the field after the last allowed one, whatever follows.
        let cut = format!("{},garbage", &fields(MAX_FIELDS + 1)[..]);
        assert!(matches!(
            parse_object(cut.as_bytes()),
            Parsed::TooManyFields
        ));
    }
}
