//! The TransactPay request envelope on the wire, `{"data":"<Base64>"}`: written as a body, and
//! read back from one before any decryption.

use crate::body_check::parse_json_object;
use crate::encoding::json::push_json_string;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::json::{JsonKind, field_names, str_of};
use serde_json::Value;
use std::borrow::Cow;

/// A sealed TransactPay request, ready to send as the POST body.
///
/// `data` is standard padded Base64 of exactly one RSA PKCS#1 v1.5 block: 684 characters for a
/// 4096-bit key, 344 for a 2048-bit key. The ciphertext is not secret, so `Debug` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedData {
    /// The Base64 ciphertext sent as `data`.
    pub data: String,
}

impl SealedData {
    /// The compact JSON body `{"data":"..."}`.
    pub fn to_json_body(&self) -> String {
        // Base64 needs no JSON escaping, but `data` is a public field and may have been set by
        // hand, so it is checked and escaped when it needs to be.
        let mut out = String::with_capacity(self.data.len() + 11);
        out.push_str("{\"data\":");
        push_json_string(&mut out, &self.data);
        out.push('}');
        out
    }

    /// The body as a JSON value.
    pub fn to_json_value(&self) -> Value {
        serde_json::json!({ "data": self.data })
    }
}

/// Reads the `data` string from a request body already known to be within the size limit
/// (borrowed from the body: Base64 holds no JSON escape).
pub(crate) fn read_data(body: &[u8]) -> Result<Cow<'_, str>> {
    if body.trim_ascii().is_empty() {
        return Err(Error::new(ErrorKind::EmptyBody, "the body is empty"));
    }
    let object = parse_json_object(body, None)?
        .map_err(|kind| not_envelope(format!("a JSON {} instead of an object", kind.name())))?;
    if let Some(name) = object.duplicate() {
        return Err(not_envelope(format!(
            "a JSON object with the field {} twice (refused: JSON readers disagree on which \
             one counts)",
            excerpt(name)
        )));
    }
    match object.get("data").map(|v| (JsonKind::of(v), v)) {
        Some((JsonKind::String, data)) => Ok(str_of(data).unwrap_or_default()),
        Some((kind, _)) => Err(not_envelope(format!(
            "an object whose data is a JSON {}, not a Base64 string (a TransactPay response \
             carries plain JSON in data; only requests are sealed)",
            kind.name()
        ))),
        None => Err(not_envelope(format!(
            "a JSON object with fields [{}] and no data",
            field_names(&object)
        ))),
    }
}

fn not_envelope(what: String) -> Error {
    Error::new(
        ErrorKind::NotEnvelope,
        format!("the body is not a TransactPay envelope {{\"data\": \"...\"}}: it is {what}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_compact() {
        let sealed = SealedData {
            data: "QUJD+/8=".into(),
        };
        assert_eq!(sealed.to_json_body(), r#"{"data":"QUJD+/8="}"#);
        assert_eq!(
            serde_json::from_str::<Value>(&sealed.to_json_body()).unwrap(),
            sealed.to_json_value()
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(read_data(br#" {"data":"QUJD","x":1} "#).unwrap(), "QUJD");
        let kind = |body: &[u8]| read_data(body).unwrap_err().kind();
        assert_eq!(kind(b""), ErrorKind::EmptyBody);
        assert_eq!(kind(b" \r\n"), ErrorKind::EmptyBody);
        assert_eq!(kind(b"<html><body>502</body></html>"), ErrorKind::NotJson);
        assert_eq!(kind(b"{\"data\""), ErrorKind::NotJson);
        assert_eq!(kind(b"[]"), ErrorKind::NotEnvelope);
        assert_eq!(kind(b"{}"), ErrorKind::NotEnvelope);
        assert_eq!(
            kind(br#"{"data":{"reference":"x"}}"#),
            ErrorKind::NotEnvelope
        );
        assert_eq!(kind(br#"{"Data":"QUJD"}"#), ErrorKind::NotEnvelope);
        let e = read_data(b"<!DOCTYPE html>").unwrap_err();
        assert!(e.message().contains("HTML page"), "{e}");
    }
}
