//! [`GatewayDate`]: a TransactPay date as sent, and as understood.

use crate::datetime::NaiveDateTime;
use crate::json::{JsonKind, text_of};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A date from TransactPay (`2024-03-31T14:05:46.37`): the raw text, and the naive date-time
/// read from it. TransactPay sends .NET's `0001-01-01T00:00:00` for "no date"; that reads as
/// [`GatewayDate::value`] `None`, as does text payseal cannot read (the raw text stays).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayDate {
    raw: String,
    value: Option<NaiveDateTime>,
}

impl GatewayDate {
    /// Reads the text.
    pub fn from_raw(raw: impl Into<String>) -> GatewayDate {
        let raw = raw.into();
        let value = NaiveDateTime::parse(raw.trim())
            .ok()
            .filter(|t| !t.is_min_value());
        GatewayDate { raw, value }
    }

    /// The text as sent.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The date, or `None` for "no date" (`0001-01-01T00:00:00`) and unreadable text. No time
    /// zone: TransactPay does not say which one it means.
    pub fn value(&self) -> Option<NaiveDateTime> {
        self.value
    }
}

impl Serialize for GatewayDate {
    /// Writes the raw text back.
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.raw)
    }
}

impl<'de> Deserialize<'de> for GatewayDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<GatewayDate, D::Error> {
        String::deserialize(d).map(GatewayDate::from_raw)
    }
}

/// `Option<GatewayDate>` field: a string; `null` or anything else is `None`.
pub(crate) fn opt_date<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<GatewayDate>, D::Error> {
    let raw = Box::<RawValue>::deserialize(d)?;
    Ok(match JsonKind::of(&raw) {
        JsonKind::String => text_of(&raw).map(GatewayDate::from_raw),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_value_and_garbage_are_none_but_kept() {
        let none = GatewayDate::from_raw("0001-01-01T00:00:00");
        assert_eq!((none.raw(), none.value()), ("0001-01-01T00:00:00", None));
        let junk = GatewayDate::from_raw("yesterday");
        assert_eq!((junk.raw(), junk.value()), ("yesterday", None));
        let real = GatewayDate::from_raw("2024-03-31T14:05:46.37");
        assert_eq!(
            real.value().map(|t| t.to_string()).as_deref(),
            Some("2024-03-31 14:05:46")
        );
    }
}
