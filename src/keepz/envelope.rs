//! The Keepz envelope on the wire: its fields, rendered as a JSON body or a query string, and read
//! back from a body.

use crate::body_check::parse_json_object;
use crate::encoding::json::push_json_string;
use crate::encoding::query;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::json::{JsonKind, Object, field_names, str_of};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// A sealed Keepz envelope, ready to send.
///
/// Hybrid: `encryptedData` (AES-256-CBC of the payload), `encryptedKeys` (RSA of
/// `Base64(key).Base64(iv)`), `aes: true`. Legacy: `encryptedData` only (RSA of the payload).
/// `identifier` is present on requests (integrator → Keepz) and absent on responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedEnvelope {
    /// The integrator's id, sent as `identifier` (requests only).
    pub identifier: Option<String>,
    /// `encryptedData`: standard Base64.
    pub encrypted_data: String,
    /// `encryptedKeys`: standard Base64; `None` in legacy mode.
    pub encrypted_keys: Option<String>,
}

impl SealedEnvelope {
    /// The fields in wire order, as `(name, value)` text pairs.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let mut fields = Vec::with_capacity(4);
        if let Some(id) = &self.identifier {
            fields.push(("identifier", id.as_str()));
        }
        fields.push(("encryptedData", self.encrypted_data.as_str()));
        if let Some(keys) = &self.encrypted_keys {
            fields.push(("encryptedKeys", keys.as_str()));
            fields.push(("aes", "true"));
        }
        fields
    }

    /// The envelope as a compact JSON object value.
    pub fn to_json_value(&self) -> Value {
        let mut map = Map::new();
        if let Some(id) = &self.identifier {
            map.insert("identifier".into(), Value::String(id.clone()));
        }
        map.insert(
            "encryptedData".into(),
            Value::String(self.encrypted_data.clone()),
        );
        if let Some(keys) = &self.encrypted_keys {
            map.insert("encryptedKeys".into(), Value::String(keys.clone()));
            map.insert("aes".into(), Value::Bool(true));
        }
        Value::Object(map)
    }

    /// The envelope as a compact JSON body, for POST endpoints and responses:
    /// `{"identifier":"…","encryptedData":"…","encryptedKeys":"…","aes":true}`.
    pub fn to_json_body(&self) -> String {
        let mut out = String::with_capacity(
            self.encrypted_data.len() + self.encrypted_keys.as_ref().map_or(0, String::len) + 128,
        );
        out.push('{');
        let mut first = true;
        for (name, value) in self.fields() {
            if !first {
                out.push(',');
            }
            first = false;
            out.push('"');
            out.push_str(name);
            out.push_str("\":");
            if name == "aes" {
                out.push_str(value);
            } else {
                // Base64 and UUIDs need no escaping, but the fields can be set by hand.
                push_json_string(&mut out, value);
            }
        }
        out.push('}');
        out
    }

    /// The envelope as a percent-encoded query string, for GET and DELETE endpoints:
    /// `identifier=…&encryptedData=…&encryptedKeys=…&aes=true` (`+`, `/`, `=` encoded).
    pub fn to_query_string(&self) -> String {
        query::build(self.fields())
    }
}

/// The fields of an envelope read from a body, before any decryption: borrowed from the body
/// (Base64 holds no escape, so nothing is copied) unless a field holds a JSON escape.
pub(crate) struct WireEnvelope<'a> {
    pub encrypted_data: Cow<'a, str>,
    pub encrypted_keys: Option<Cow<'a, str>>,
}

/// What a Keepz body is, before any decryption.
pub(crate) enum BodyShape<'a> {
    Envelope(WireEnvelope<'a>),
    GatewayError(super::KeepzApiError),
    /// Valid JSON that is neither; the text says what was seen.
    Other(String),
}

/// Classifies a body that is already known to be non-empty and within the size limit.
pub(crate) fn classify_body(body: &[u8]) -> Result<BodyShape<'_>> {
    match parse_json_object(body, None)? {
        Ok(obj) => Ok(classify_object(&obj)),
        Err(kind) => Ok(BodyShape::Other(format!(
            "a JSON {} instead of an object",
            kind.name()
        ))),
    }
}

/// Classifies a body's top-level object (read once, by the caller).
pub(crate) fn classify_object<'a>(obj: &Object<'a>) -> BodyShape<'a> {
    if let Some(name) = obj.duplicate() {
        return BodyShape::Other(format!(
            "a JSON object with the field {} twice (refused: JSON readers disagree on which \
             one counts)",
            excerpt(name)
        ));
    }
    if let Some(data) = obj.get("encryptedData") {
        let Some(encrypted_data) = str_of(data) else {
            return BodyShape::Other(format!(
                "encryptedData is a JSON {}, not a string",
                JsonKind::of(data).name()
            ));
        };
        let keys = match obj.get("encryptedKeys").map(|v| (JsonKind::of(v), v)) {
            None | Some((JsonKind::Null, _)) => None,
            Some((JsonKind::String, v)) => str_of(v),
            Some((kind, _)) => {
                return BodyShape::Other(format!(
                    "encryptedKeys is a JSON {}, not a string",
                    kind.name()
                ));
            }
        };
        match obj.get("aes").map(|v| v.get()) {
            None | Some("true" | "null") => {}
            Some("false") if keys.is_none() => {}
            Some(other) => {
                return BodyShape::Other(format!(
                    "aes is {} alongside encryptedKeys; expected true",
                    excerpt(other)
                ));
            }
        }
        return BodyShape::Envelope(WireEnvelope {
            encrypted_data,
            encrypted_keys: keys,
        });
    }
    if let Some(error) = super::KeepzApiError::from_object(obj) {
        return BodyShape::GatewayError(error);
    }
    BodyShape::Other(format!(
        "a JSON object with fields [{}] (no encryptedData, no statusCode/message)",
        field_names(obj)
    ))
}

/// Reads an envelope from a query string (what a Keepz test double receives on GET/DELETE):
/// at most [`query::MAX_PAIRS`] pairs, each name at most once.
pub(crate) fn from_query(query_string: &str) -> Result<WireEnvelope<'static>> {
    let not_envelope = |message: String| Error::new(ErrorKind::NotEnvelope, message);
    let mut pairs = query::parse(query_string).map_err(|problem| match problem {
        query::Problem::TooManyPairs => not_envelope(format!(
            "the query string has more than {} parts; an envelope has 4 (refused without \
             reading further)",
            query::MAX_PAIRS
        )),
        query::Problem::BadEscape => {
            not_envelope("the query string is not validly percent-encoded".to_string())
        }
        query::Problem::Duplicate(name) => not_envelope(format!(
            "the query string has the field {} twice (refused: readers disagree on which one \
             counts)",
            excerpt(&name)
        )),
    })?;
    let encrypted_data = pairs
        .take("encryptedData")
        .ok_or_else(|| not_envelope("the query string has no encryptedData".to_string()))?;
    Ok(WireEnvelope {
        encrypted_data: Cow::Owned(encrypted_data),
        encrypted_keys: pairs.take("encryptedKeys").map(Cow::Owned),
    })
}
