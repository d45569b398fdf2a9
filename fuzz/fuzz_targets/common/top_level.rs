//! The fuzz targets' own reading of a body's top level, written independently of payseal's reader:
//! a JSON object whose keys are all distinct (payseal refuses an envelope with a repeated field:
//! readers disagree on which one counts), with the kind of each value. Values are read as raw JSON
//! text, as payseal reads them, so a number no `f64` holds (`1e400`) does not make a body "not
//! JSON"; nesting deeper than payseal's 127 levels does.
#![allow(dead_code)]

use serde::Deserializer as _;
use serde::de::{MapAccess, Visitor};
use serde_json::value::RawValue;
use std::collections::HashMap;

/// What a top-level value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Null,
    True,
    False,
    String,
    Other,
}

fn kind(raw: &RawValue) -> Kind {
    match raw.get() {
        "null" => Kind::Null,
        "true" => Kind::True,
        "false" => Kind::False,
        text if text.starts_with('"') => Kind::String,
        _ => Kind::Other,
    }
}

/// The deepest nesting payseal reads (what serde_json's recursion limit lets a typed parse read).
const MAX_DEPTH: usize = 127;

/// Whether a JSON value nests arrays and objects at most `budget` levels, told by serde_json
/// itself: each container's items are read again as raw values, one level at a time.
fn nests_within(raw: &RawValue, budget: usize) -> bool {
    let items: Vec<&RawValue> = match raw.get().as_bytes().first() {
        Some(b'[') => serde_json::from_str(raw.get()).unwrap_or_default(),
        Some(b'{') => serde_json::from_str::<HashMap<String, &RawValue>>(raw.get())
            .map(|fields| fields.into_values().collect())
            .unwrap_or_default(),
        _ => return true,
    };
    budget > 0 && items.into_iter().all(|item| nests_within(item, budget - 1))
}

/// Whether `bytes` is one JSON value nested at most [`MAX_DEPTH`] levels.
fn nested_within_limit(bytes: &[u8]) -> bool {
    serde_json::from_slice::<&RawValue>(bytes).is_ok_and(|raw| nests_within(raw, MAX_DEPTH))
}

/// The fields of `body` when it is a JSON object (nested at most 127 levels) with no key given
/// twice at the top level.
pub fn object_fields(body: &[u8]) -> Option<HashMap<String, Kind>> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Option<HashMap<String, Kind>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut fields = HashMap::new();
            let mut unique = true;
            while let Some(key) = map.next_key::<String>()? {
                let value: &RawValue = map.next_value()?;
                unique &= fields.insert(key, kind(value)).is_none();
            }
            Ok(unique.then_some(fields))
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let fields = de.deserialize_map(Fields).ok()??;
    de.end().ok()?;
    nested_within_limit(body).then_some(fields)
}

/// Whether `bytes` is one JSON object or array (any numbers) nested at most 127 levels.
pub fn is_json_container(bytes: &[u8]) -> bool {
    serde_json::from_slice::<&RawValue>(bytes)
        .is_ok_and(|raw| raw.get().starts_with('{') || raw.get().starts_with('['))
        && nested_within_limit(bytes)
}

/// Whether `bytes` is one JSON object (any numbers) nested at most 127 levels.
pub fn is_json_object(bytes: &[u8]) -> bool {
    serde_json::from_slice::<&RawValue>(bytes).is_ok_and(|raw| raw.get().starts_with('{'))
        && nested_within_limit(bytes)
}
