//! Reading a scalar from its exact JSON text, tolerantly: the readers behind `crate::lenient`.

use super::JsonKind;
use serde_json::value::RawValue;
use std::borrow::Cow;

/// The text of a JSON string, unescaped: borrowed from the document when it holds no escape (most
/// strings, Base64 above all: their text is between the quotes), decoded otherwise. `None` for
/// any other kind of value.
pub(crate) fn str_of(raw: &RawValue) -> Option<Cow<'_, str>> {
    if JsonKind::of(raw) != JsonKind::String {
        return None;
    }
    let quoted = raw.get();
    let inner = quoted.get(1..quoted.len() - 1).unwrap_or_default();
    if inner.contains('\\') {
        serde_json::from_str::<String>(quoted).ok().map(Cow::Owned)
    } else {
        Some(Cow::Borrowed(inner))
    }
}

/// Text from a string (unescaped), a number (its JSON text, digit for digit) or a boolean;
/// `None` for null, an array or an object.
pub(crate) fn text_of(raw: &RawValue) -> Option<String> {
    match JsonKind::of(raw) {
        JsonKind::String => str_of(raw).map(Cow::into_owned),
        JsonKind::Number | JsonKind::Bool => Some(raw.get().to_string()),
        _ => None,
    }
}

/// An integer from a JSON integer or a string holding one (surrounding spaces allowed); `None`
/// otherwise (a fraction, an exponent, out of range).
pub(crate) fn i64_of(raw: &RawValue) -> Option<i64> {
    match JsonKind::of(raw) {
        JsonKind::Number => raw.get().parse().ok(),
        JsonKind::String => text_of(raw)?.trim().parse().ok(),
        _ => None,
    }
}

/// A boolean from `true`/`false`, `"true"`/`"false"` (any case) or `1`/`0`; `None` otherwise.
pub(crate) fn bool_of(raw: &RawValue) -> Option<bool> {
    match JsonKind::of(raw) {
        JsonKind::Bool => Some(raw.get() == "true"),
        JsonKind::String => {
            let text = text_of(raw)?;
            if text.eq_ignore_ascii_case("true") {
                Some(true)
            } else if text.eq_ignore_ascii_case("false") {
                Some(false)
            } else {
                None
            }
        }
        JsonKind::Number => match i64_of(raw) {
            Some(1) => Some(true),
            Some(0) => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(json: &str) -> Box<RawValue> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn readers_accept_the_usual_drift() {
        assert_eq!(text_of(&raw("5")), Some("5".into()));
        assert_eq!(text_of(&raw(r#""x\"y""#)), Some("x\"y".into()));
        assert_eq!(text_of(&raw("true")), Some("true".into()));
        assert_eq!(text_of(&raw("{}")), None);
        assert_eq!(text_of(&raw("null")), None);
        assert_eq!(i64_of(&raw(r#"" 42 ""#)), Some(42));
        assert_eq!(i64_of(&raw("-7")), Some(-7));
        assert_eq!(i64_of(&raw("4.5")), None);
        assert_eq!(i64_of(&raw("1e2")), None);
        assert_eq!(i64_of(&raw("99999999999999999999")), None);
        assert_eq!(bool_of(&raw(r#""TRUE""#)), Some(true));
        assert_eq!(bool_of(&raw("0")), Some(false));
        assert_eq!(bool_of(&raw("false")), Some(false));
        assert_eq!(bool_of(&raw(r#""yes""#)), None);
        assert_eq!(bool_of(&raw("2")), None);
    }

    /// Numbers no `f64` holds come back digit for digit.
    #[test]
    fn numbers_keep_every_digit() {
        for n in [
            "1500.2500000000000001",
            "123456789012345678901234567890",
            "0.000000000000000001",
            "1e400",
            "-0.10",
        ] {
            assert_eq!(text_of(&raw(n)).as_deref(), Some(n));
        }
    }
}
