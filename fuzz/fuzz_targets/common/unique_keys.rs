//! The fuzz targets' own check for a JSON object whose top-level keys are all distinct: payseal
//! refuses envelopes with a repeated field (readers disagree on which one counts), so such a body
//! is not "well-formed" for the open invariants. Written here, independently of payseal's reader.

use serde::Deserializer as _;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use std::collections::HashSet;

/// Whether `body` is a JSON object with no key given twice at the top level.
pub fn object_with_unique_keys(body: &[u8]) -> bool {
    struct Unique;
    impl<'de> Visitor<'de> for Unique {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut seen = HashSet::new();
            let mut unique = true;
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                unique &= seen.insert(key);
            }
            Ok(unique)
        }
    }
    serde_json::Deserializer::from_slice(body)
        .deserialize_map(Unique)
        .unwrap_or(false)
}
