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
//! Each reads the field's exact JSON text (`crate::json`), so a number is never rounded through
//! an `f64` on the way: they read JSON (serde_json text or a `serde_json::Value`), not other
//! formats.

use crate::json::{JsonKind, bool_of, text_of};
use crate::money::Amount;
use serde::de::value::MapAccessDeserializer;
use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use std::fmt;
use std::marker::PhantomData;

/// `Option<String>` field: text from a string, a number (its JSON text) or a boolean; `None`
/// for null or anything else.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(&Box::<RawValue>::deserialize(d)?))
}

/// `Option<bool>` field: `true`/`false`, `"true"`/`"false"` (any case) or `1`/`0`; `None`
/// otherwise.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(bool_of(&Box::<RawValue>::deserialize(d)?))
}

/// `Option<Amount>` field: `null`, `""` or absent is `None`; anything else must be an exact
/// decimal (a garbled amount is an error, see the module docs).
pub(crate) fn opt_amount<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Amount>, D::Error> {
    let raw = Box::<RawValue>::deserialize(d)?;
    let blank = JsonKind::of(&raw) == JsonKind::String
        && text_of(&raw).is_some_and(|s| s.trim().is_empty());
    if JsonKind::of(&raw) == JsonKind::Null || blank {
        return Ok(None);
    }
    Amount::from_json(&raw)
        .map(Some)
        .map_err(|e| D::Error::custom(e.message()))
}

/// The most items a list in a gateway answer may hold ([`opt_list`], [`list`]). A real answer
/// lists a handful of payments or a few years of subscription charges; without a bound, a 1 MiB
/// body of `{},{},…` would become 350,000 structs of a few hundred bytes each (SECURITY.md §8).
pub(crate) const MAX_LIST_ITEMS: usize = 1000;

/// `Option<Vec<T>>` field that also accepts `null`, reads a lone object as a one-item list, and
/// anything else as `None`. At most [`MAX_LIST_ITEMS`] items.
///
/// Read in place (no second parse of the list's text), so that an item's error keeps its path.
pub(crate) fn opt_list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_any(ListVisitor(PhantomData))
}

/// `Vec<T>` that must be a list of at most [`MAX_LIST_ITEMS`] items.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Strict<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Strict<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {MAX_LIST_ITEMS} items")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
            bounded_items(seq)
        }
    }
    d.deserialize_seq(Strict(PhantomData))
}

fn bounded_items<'de, A: SeqAccess<'de>, T: Deserialize<'de>>(
    mut seq: A,
) -> Result<Vec<T>, A::Error> {
    let mut items = Vec::new();
    while let Some(item) = seq.next_element()? {
        if items.len() == MAX_LIST_ITEMS {
            return Err(A::Error::custom(format!(
                "a list of more than {MAX_LIST_ITEMS} items"
            )));
        }
        items.push(item);
    }
    Ok(items)
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list, an object or null")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        bounded_items(seq).map(Some)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(|item| Some(vec![item]))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
}
