//! Reading a request from the JSON a host passes, into its Rust request type.
//!
//! The JSON is first checked against the type's own description (`Describe`): a field the type
//! does not have (Keepz has no `callbackUrl`), a required field left out, a value of the wrong
//! JSON kind, an amount that is not an exact decimal, a value outside a closed set — each is
//! refused naming its path (`splitDetails[1].amount`), with the core's error kinds
//! (`PAYSEAL_INVALID_AMOUNT` for anything wrong with an amount, `PAYSEAL_INVALID_REQUEST`
//! otherwise). Only then does
//! serde read it. Messages quote no value but amounts and enum values: a request may carry card
//! data.
//!
//! Amounts are accepted as decimal strings (`"12.50"`, what the bindings send) and as JSON
//! numbers, whose text is read digit for digit (never through a binary float), so a number is
//! exactly what the host wrote; a float a host printed as `0.30000000000000004` is then refused
//! for its decimals, not rounded.

use payseal::Amount;
use payseal::describe::{Describe, EnumShape, ObjectShape, Shape, shape_of};
use payseal::error::{Error, ErrorKind, Result};
use serde::Deserializer as _;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::fmt;

/// The largest request read, in bytes (Keepz's default body limit).
pub(crate) const MAX_REQUEST: usize = payseal::keepz::DEFAULT_MAX_BODY;

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidRequest, message)
}

/// Reads `json` as a request of type `R`: bounded, UTF-8, JSON, checked against `R`'s shape,
/// then deserialized.
pub(crate) fn request<R: Describe + DeserializeOwned + 'static>(json: &[u8]) -> Result<R> {
    if json.len() > MAX_REQUEST {
        return Err(Error::new(
            ErrorKind::PayloadTooLarge,
            format!(
                "the request is {} bytes; at most {MAX_REQUEST} are read",
                json.len()
            ),
        ));
    }
    let text = std::str::from_utf8(json)
        .map_err(|_| Error::new(ErrorKind::InvalidUtf8, "the request is not UTF-8"))?;
    let raw: &RawValue = serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::NotJson,
            format!(
                "the request is not JSON (line {}, column {})",
                e.line(),
                e.column()
            ),
        )
    })?;
    let shape = shape_of::<R>();
    check(shape, raw, "")?;
    serde_json::from_str(raw.get()).map_err(|e| {
        invalid(format!(
            "the request does not fit {} (line {}, column {})",
            name_of(shape),
            e.line(),
            e.column()
        ))
    })
}

fn name_of(shape: &Shape) -> &str {
    match shape {
        Shape::Object(o) => &o.name,
        Shape::Variants(v) => &v.name,
        _ => "the request type",
    }
}

/// The name of the JSON kind of `raw`.
fn kind(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(b'"') => "a string",
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        _ => "a number",
    }
}

fn is_number(raw: &RawValue) -> bool {
    kind(raw) == "a number"
}

/// The path of a field below `path`.
fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// What `path` names in a message: the field, or the request itself.
fn label(path: &str) -> String {
    if path.is_empty() {
        "the request".into()
    } else {
        path.to_string()
    }
}

fn wrong_kind(path: &str, expected: &str, raw: &RawValue) -> Error {
    invalid(format!(
        "{} must be {expected}, not {}",
        label(path),
        kind(raw)
    ))
}

/// The text of a JSON string (`None` for another kind).
fn string(raw: &RawValue) -> Option<String> {
    serde_json::from_str::<String>(raw.get()).ok()
}

/// Checks one value against its shape.
fn check(shape: &Shape, raw: &RawValue, path: &str) -> Result<()> {
    match shape {
        // Told from the first byte, not decoded: the text may be card data, and a decoded copy
        // would go back to the allocator unwiped.
        Shape::String | Shape::Uuid => match kind(raw) {
            "a string" => Ok(()),
            _ => Err(wrong_kind(path, "a string", raw)),
        },
        Shape::DateTime => {
            let text = string(raw).ok_or_else(|| wrong_kind(path, "a string", raw))?;
            payseal::datetime::NaiveDateTime::parse(&text)
                .map(|_| ())
                .map_err(|e| invalid(format!("{path}: {}", e.message())))
        }
        Shape::Amount => {
            let amount_error = |message: String| Error::new(ErrorKind::InvalidAmount, message);
            let text = if is_number(raw) {
                raw.get().to_string()
            } else {
                string(raw).ok_or_else(|| {
                    amount_error(format!(
                        "{path} must be a decimal string (\"12.50\"), not {}",
                        kind(raw)
                    ))
                })?
            };
            Amount::parse(&text)
                .map(|_| ())
                .map_err(|e| amount_error(format!("{path}: {}", e.message())))
        }
        Shape::Bool => match raw.get() {
            "true" | "false" => Ok(()),
            _ => Err(wrong_kind(path, "true or false", raw)),
        },
        Shape::Int(int) => {
            let n = is_number(raw)
                .then(|| raw.get().parse::<i128>().ok())
                .flatten()
                .ok_or_else(|| wrong_kind(path, "an integer", raw))?;
            if int.holds(n) {
                Ok(())
            } else {
                Err(invalid(format!(
                    "{} {n} is out of range ({})",
                    label(path),
                    int.name()
                )))
            }
        }
        Shape::Json => Ok(()),
        Shape::Enum(e) => check_enum(e, raw, path),
        Shape::Object(o) => check_object(o, raw, path, None),
        Shape::List(item) => {
            let items = list(raw).ok_or_else(|| wrong_kind(path, "an array", raw))?;
            items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| check(item, v, &format!("{path}[{i}]")))
        }
        Shape::Variants(v) => {
            let fields = object(raw).ok_or_else(|| wrong_kind(path, "an object", raw))?;
            let tag_path = join(path, v.tag);
            let tag = fields
                .iter()
                .find(|(name, _)| name == v.tag)
                .map(|(_, value)| *value)
                .ok_or_else(|| invalid(format!("{tag_path} is required")))?;
            check_enum(&v.tag_enum, tag, &tag_path)?;
            let canonical =
                (v.tag_enum.read)(&serde_json::from_str::<Value>(tag.get()).unwrap_or_default())
                    .map(|r| r.value);
            let (_, variant) = v
                .variants
                .iter()
                .find(|(value, _)| Some(value) == canonical.as_ref())
                .ok_or_else(|| invalid(format!("{tag_path} selects no request")))?;
            check_object(variant, raw, path, Some(v.tag))
        }
        Shape::GatewayDate | Shape::Slot(_) => Err(Error::new(
            ErrorKind::Panic,
            format!("internal error: {path} has an output-only shape"),
        )),
        _ => Err(Error::new(
            ErrorKind::Panic,
            format!("internal error: {path} has a shape this ABI does not read"),
        )),
    }
}

fn check_enum(e: &EnumShape, raw: &RawValue, path: &str) -> Result<()> {
    let value: Value = serde_json::from_str(raw.get()).unwrap_or_default();
    if (e.read)(&value).is_some() {
        return Ok(());
    }
    let listed: Vec<String> = e.values.iter().map(|v| v.wire.to_string()).collect();
    match value {
        Value::String(text) if !e.open => Err(invalid(format!(
            "{} {:?} is not one of {}",
            label(path),
            text.chars().take(40).collect::<String>(),
            listed.join(", ")
        ))),
        _ => Err(wrong_kind(
            path,
            &format!("one of {}", listed.join(", ")),
            raw,
        )),
    }
}

/// Checks an object's fields; `tag` is one more field allowed (a variant's tag).
fn check_object(o: &ObjectShape, raw: &RawValue, path: &str, tag: Option<&str>) -> Result<()> {
    let fields = object(raw).ok_or_else(|| wrong_kind(path, "an object", raw))?;
    for (i, (name, _)) in fields.iter().enumerate() {
        if fields[..i].iter().any(|(other, _)| other == name) {
            return Err(invalid(format!("{} is given twice", join(path, name))));
        }
        if o.field(name).is_none() && Some(name.as_str()) != tag {
            let known: Vec<&str> = o.fields.iter().map(|f| f.name).chain(tag).collect();
            return Err(invalid(format!(
                "{} is not a field of {} (its fields: {})",
                join(path, name),
                o.name,
                known.join(", ")
            )));
        }
    }
    for field in &o.fields {
        let value = fields
            .iter()
            .find(|(name, _)| name == field.name)
            .map(|(_, value)| *value)
            .filter(|value| value.get() != "null");
        match value {
            Some(value) => check(&field.shape, value, &join(path, field.name))?,
            None if field.required => {
                return Err(invalid(format!("{} is required", join(path, field.name))));
            }
            None => {}
        }
    }
    Ok(())
}

/// The fields of a JSON object in order (duplicates kept), each value as its text; `None` for
/// another kind.
fn object(raw: &RawValue) -> Option<Vec<(String, &RawValue)>> {
    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Vec<(String, &'de RawValue)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut fields = Vec::new();
            while let Some(name) = map.next_key::<String>()? {
                fields.push((name, map.next_value::<&'de RawValue>()?));
            }
            Ok(fields)
        }
    }
    serde_json::Deserializer::from_str(raw.get())
        .deserialize_map(Fields)
        .ok()
}

/// The items of a JSON array, each as its text; `None` for another kind.
fn list(raw: &RawValue) -> Option<Vec<&RawValue>> {
    serde_json::from_str(raw.get()).ok()
}
