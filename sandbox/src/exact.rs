//! JSON that keeps every digit: values are written straight to text and kept as
//! [`payseal::RawJson`], never passed through `serde_json::Value` (which holds a number with a
//! fraction as an `f64`).

use payseal::RawJson;
use serde::Serialize;

/// `value` as exact JSON text (`null` if it cannot be written, which payseal's types never do).
pub fn raw_json<T: Serialize>(value: &T) -> RawJson {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| RawJson::from_text(text).ok())
        .unwrap_or_else(|| RawJson::from_text("null").expect("null is JSON"))
}
