//! The wire names of a struct's fields, taken from serde itself.
//!
//! `#[derive(Deserialize)]` hands the names it reads (after `rename` and `rename_all`) to the
//! deserializer as the `fields` of `deserialize_struct`, in declaration order, without the
//! skipped fields. A deserializer that only records that list gives the names exactly as serde
//! reads them, so a description cannot disagree with what payseal accepts.

use serde::de::value::Error;
use serde::de::{self, Deserializer, Visitor};
use std::cell::Cell;

/// A deserializer that records the field list of the struct asked for, and fails.
struct FieldNames<'a>(&'a Cell<Option<&'static [&'static str]>>);

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.set(Some(fields));
        Err(de::Error::custom("field names recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The wire names of `T`'s fields, when `T` deserializes as a struct (`#[derive(Deserialize)]`
/// without `transparent` or `flatten`); `None` otherwise.
pub(crate) fn serde_field_names<T: de::DeserializeOwned>() -> Option<&'static [&'static str]> {
    let names = Cell::new(None);
    let _ = T::deserialize(FieldNames(&names));
    names.get()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn names_are_serdes_own() {
        #[allow(dead_code)]
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Sample {
            integrator_order_id: String,
            #[serde(rename = "urlForQR")]
            url_for_qr: String,
            #[serde(skip)]
            local: u8,
            #[serde(default)]
            save_card: Option<bool>,
        }
        assert_eq!(
            serde_field_names::<Sample>(),
            Some(&["integratorOrderId", "urlForQR", "saveCard"][..])
        );
        assert_eq!(serde_field_names::<String>(), None);
        assert_eq!(serde_field_names::<Vec<Sample>>(), None);
    }
}
