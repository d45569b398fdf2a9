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
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

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

/// `Option<Vec<T>>` field that also accepts `null`, and reads a lone object as a one-item list.
pub(crate) fn opt_list<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw = Box::<RawValue>::deserialize(d)?;
    match JsonKind::of(&raw) {
        JsonKind::Array => serde_json::from_str(raw.get()).map(Some),
        JsonKind::Object => serde_json::from_str(raw.get()).map(|item| Some(vec![item])),
        _ => Ok(None),
    }
    .map_err(D::Error::custom)
}
