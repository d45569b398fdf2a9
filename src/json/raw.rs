//! [`RawJson`]: a JSON value as the exact text it arrived as.

use crate::error::{Error, ErrorKind, Result};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;

/// A JSON value kept as the exact text a gateway sent: numbers digit for digit, which a
/// `serde_json::Value` cannot promise (it holds a fraction as an `f64`). payseal uses it for the
/// parts of an answer it does not type itself — a customer object "as sent", the `data` of a fee
/// quote. Read it into your own type with [`RawJson::parse`], or take the text.
///
/// Equality compares the text: `{"a":1}` and `{"a": 1}` are different values.
///
/// ```
/// use payseal::RawJson;
/// # fn main() -> payseal::Result<()> {
/// let fee: RawJson = serde_json::from_str(r#"{"fee": 1500.2500000000000001, "currency": "NGN"}"#).unwrap();
/// assert_eq!(fee.get(), r#"{"fee": 1500.2500000000000001, "currency": "NGN"}"#);
/// #[derive(serde::Deserialize)]
/// struct Fee { fee: payseal::Amount }
/// assert_eq!(fee.parse::<Fee>()?.fee.to_string(), "1500.2500000000000001");
/// // Written back as it came.
/// assert_eq!(serde_json::to_string(&fee).unwrap(), fee.get());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// Checks that `json` is one JSON value (surrounding whitespace is dropped) and keeps its text.
    pub fn from_text(json: impl Into<String>) -> Result<RawJson> {
        let json = json.into();
        let raw = RawValue::from_string(json.trim().to_string()).map_err(|e| {
            Error::new(
                ErrorKind::NotJson,
                format!("not one JSON value: {}", super::shape::problem(&e)),
            )
        })?;
        Ok(RawJson(raw))
    }

    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// Deserializes the text into a typed value (exactly: payseal's [`Amount`](crate::Amount)
    /// reads every digit).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        super::shape::read(self.get().as_bytes()).map_err(|e| {
            Error::new(
                ErrorKind::UnexpectedResponse,
                format!("the JSON does not have the expected shape {e}"),
            )
        })
    }

    /// serde_json's own type for the same text.
    pub fn as_raw_value(&self) -> &RawValue {
        &self.0
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> RawJson {
        RawJson(raw)
    }
}

impl From<RawJson> for Box<RawValue> {
    fn from(json: RawJson) -> Box<RawValue> {
        json.0
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &RawJson) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RawJson({})", self.get())
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl Serialize for RawJson {
    /// Into JSON (serde_json), the text as it is. Binary formats (not human-readable: MessagePack,
    /// bincode, ...) get the text as a string, since they have no JSON to embed.
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.0.serialize(serializer)
        } else {
            serializer.serialize_str(self.get())
        }
    }
}

impl<'de> Deserialize<'de> for RawJson {
    /// From JSON text or a `serde_json::Value` (serde_json only: other formats have no JSON text
    /// to keep), or from the string a binary format holds.
    fn deserialize<D: Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<RawJson, D::Error> {
        if deserializer.is_human_readable() {
            Box::<RawValue>::deserialize(deserializer).map(RawJson)
        } else {
            let text = String::deserialize(deserializer)?;
            RawJson::from_text(text).map_err(|e| serde::de::Error::custom(e.message()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_text_out() {
        let json = RawJson::from_text(" {\"a\": 123456789012345678901234567890} ").unwrap();
        assert_eq!(json.get(), "{\"a\": 123456789012345678901234567890}");
        assert_eq!(serde_json::to_string(&json).unwrap(), json.get());
        assert_eq!(
            RawJson::from_text("{").unwrap_err().kind(),
            ErrorKind::NotJson
        );
        assert_ne!(json, RawJson::from_text("{\"a\":1}").unwrap());
        assert_eq!(format!("{json:?}"), format!("RawJson({})", json.get()));
    }
}
