//! The Keepz envelope on the wire: its fields, rendered as a JSON body or a query string, and read
//! back from a body.

use crate::encoding::json::push_json_string;
use crate::encoding::query;
use crate::error::{Error, ErrorKind, Result};
use serde_json::{Map, Value};

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

/// The fields of an envelope read from a body, before any decryption.
pub(crate) struct WireEnvelope {
    pub encrypted_data: String,
    pub encrypted_keys: Option<String>,
}

/// What a Keepz body is, before any decryption.
pub(crate) enum BodyShape {
    Envelope(WireEnvelope),
    GatewayError(super::KeepzApiError),
    /// Valid JSON that is neither; the text says what was seen.
    Other(String),
}

/// Classifies a body that is already known to be non-empty and within the size limit.
pub(crate) fn classify_body(body: &[u8]) -> Result<BodyShape> {
    let mut value: Value = serde_json::from_slice(body).map_err(|_| not_json(body))?;
    let Some(obj) = value.as_object() else {
        return Ok(BodyShape::Other(format!(
            "a JSON {} instead of an object",
            json_type(&value)
        )));
    };
    if let Some(name) = crate::body_check::duplicate_top_level_key(body) {
        return Ok(BodyShape::Other(format!(
            "a JSON object with the field {:?} twice (refused: JSON readers disagree on which \
             one counts)",
            name.chars().take(64).collect::<String>()
        )));
    }
    if let Some(data) = obj.get("encryptedData") {
        if !data.is_string() {
            return Ok(BodyShape::Other(format!(
                "encryptedData is a JSON {}, not a string",
                json_type(data)
            )));
        }
        let keys = match obj.get("encryptedKeys") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                return Ok(BodyShape::Other(format!(
                    "encryptedKeys is a JSON {}, not a string",
                    json_type(other)
                )));
            }
        };
        match obj.get("aes") {
            None | Some(Value::Bool(true)) | Some(Value::Null) => {}
            Some(Value::Bool(false)) if keys.is_none() => {}
            Some(other) => {
                return Ok(BodyShape::Other(format!(
                    "aes is {other} alongside encryptedKeys; expected true"
                )));
            }
        }
        // Moved out of the parsed body, not copied: it is most of the body.
        let encrypted_data = match value.get_mut("encryptedData").map(Value::take) {
            Some(Value::String(data)) => data,
            _ => String::new(),
        };
        return Ok(BodyShape::Envelope(WireEnvelope {
            encrypted_data,
            encrypted_keys: keys,
        }));
    }
    if let Some(error) = super::KeepzApiError::from_json(&value) {
        return Ok(BodyShape::GatewayError(error));
    }
    let mut names: Vec<&str> = obj.keys().map(String::as_str).take(8).collect();
    names.sort_unstable();
    Ok(BodyShape::Other(format!(
        "a JSON object with fields [{}] (no encryptedData, no statusCode/message)",
        names.join(", ")
    )))
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The error for a body that is not JSON, naming an HTML page when it is one.
pub(crate) fn not_json(body: &[u8]) -> Error {
    let head = String::from_utf8_lossy(&body[..body.len().min(256)]).to_ascii_lowercase();
    let trimmed = head.trim_start();
    if trimmed.starts_with('<') && (trimmed.contains("html") || trimmed.starts_with("<!doctype")) {
        Error::new(
            ErrorKind::NotJson,
            format!(
                "the body is an HTML page ({} bytes), not JSON: usually a proxy or gateway error page",
                body.len()
            ),
        )
    } else {
        Error::new(
            ErrorKind::NotJson,
            format!("the body is not JSON ({} bytes)", body.len()),
        )
    }
}

/// Reads an envelope from a query string (what a Keepz test double receives on GET/DELETE).
pub(crate) fn from_query(query_string: &str) -> Result<WireEnvelope> {
    let pairs = query::parse(query_string).ok_or_else(|| {
        Error::new(
            ErrorKind::NotEnvelope,
            "the query string is not validly percent-encoded",
        )
    })?;
    let mut seen = std::collections::HashSet::new();
    for (name, _) in &pairs {
        if !name.is_empty() && !seen.insert(name.as_str()) {
            return Err(Error::new(
                ErrorKind::NotEnvelope,
                format!(
                    "the query string has the field {:?} twice (refused: readers disagree on \
                     which one counts)",
                    name.chars().take(64).collect::<String>()
                ),
            ));
        }
    }
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let encrypted_data = get("encryptedData").ok_or_else(|| {
        Error::new(
            ErrorKind::NotEnvelope,
            "the query string has no encryptedData",
        )
    })?;
    Ok(WireEnvelope {
        encrypted_data,
        encrypted_keys: get("encryptedKeys"),
    })
}
