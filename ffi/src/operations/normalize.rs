//! Writing a Rust value as the JSON the C ABI returns, driven by its description.
//!
//! The value is written by its own `Serialize` (which keeps every digit of an amount), then
//! rewritten field by field along its `Describe` shape into the ABI's form:
//!
//! - an amount becomes a **decimal string** (`"1500.25"`), never a JSON number, so that no host
//!   reads money into a binary float;
//! - a value of an open enum becomes `{"value": …, "known": bool, <facts>: bool…}` — for a Keepz
//!   order status `{"value":"SUCCESS","known":true,"final":true,"paid":true}`; an unknown value
//!   keeps its raw text, `known` false and every fact false;
//! - a gateway date becomes `{"raw": "2024-03-31T14:05:46.37", "value": "2024-03-31 14:05:46"}`
//!   (`value` `null` for .NET's `0001-01-01T00:00:00` and for text payseal cannot read);
//! - a part kept as the gateway sent it (`json`) keeps its structure, with every number written
//!   as a string of its exact text;
//! - every field of an object is present, `null` when absent.
//!
//! A field the value writes but its shape does not list is an internal error: the description
//! and the output cannot drift apart unnoticed.

use payseal::describe::{Describe, EnumShape, ObjectShape, Shape, shape_of};
use payseal::error::{Error, ErrorKind, Result};
use payseal::transactpay::api::GatewayDate;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How deep `json` parts are followed (gateway bodies are refused deeper than 127 levels).
const MAX_DEPTH: usize = 128;

fn internal(message: String) -> Error {
    Error::new(ErrorKind::Panic, format!("internal error: {message}"))
}

/// `value` in the ABI's form (see the module docs).
pub(crate) fn to_abi<T: Serialize + Describe + 'static>(value: &T) -> Result<Value> {
    let text = serde_json::to_string(value).map_err(|e| internal(e.to_string()))?;
    let raw: &RawValue = serde_json::from_str(&text).map_err(|e| internal(e.to_string()))?;
    normalize(shape_of::<T>(), raw, 0)
}

/// [`to_abi`], as the bytes of an output buffer.
pub(crate) fn to_abi_bytes<T: Serialize + Describe + 'static>(value: &T) -> Result<Vec<u8>> {
    Ok(to_abi(value)?.to_string().into_bytes())
}

fn parse<'a, T: serde::Deserialize<'a>>(raw: &'a RawValue) -> Result<T> {
    serde_json::from_str(raw.get()).map_err(|e| internal(e.to_string()))
}

fn normalize(shape: &Shape, raw: &RawValue, depth: usize) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::UnexpectedResponse,
            format!("the answer nests more than {MAX_DEPTH} levels deep"),
        ));
    }
    let text = raw.get();
    if text == "null" {
        return Ok(match shape {
            // A value without fields (a revoked subscription) is written as a unit.
            Shape::Object(o) if o.fields.is_empty() => Value::Object(Map::new()),
            _ => Value::Null,
        });
    }
    Ok(match shape {
        Shape::String | Shape::Uuid | Shape::DateTime | Shape::Bool | Shape::Int(_) => parse(raw)?,
        Shape::Amount if text.starts_with('"') => Value::String(parse(raw)?),
        Shape::Amount => Value::String(text.to_string()),
        Shape::GatewayDate => {
            let date = GatewayDate::from_raw(parse::<String>(raw)?);
            let value = date.value().map(|t| t.to_string());
            serde_json::json!({"raw": date.raw(), "value": value})
        }
        Shape::Json => numbers_as_strings(raw, depth)?,
        Shape::Enum(e) => enum_value(e, parse(raw)?)?,
        Shape::Object(o) => object(o, raw, depth)?,
        Shape::List(item) => Value::Array(
            parse::<Vec<&RawValue>>(raw)?
                .into_iter()
                .map(|v| normalize(item, v, depth + 1))
                .collect::<Result<_>>()?,
        ),
        // Already in the ABI's form (an operation's `data`).
        Shape::Slot(_) => parse(raw)?,
        other => return Err(internal(format!("no output form for {other:?}"))),
    })
}

fn enum_value(e: &EnumShape, value: Value) -> Result<Value> {
    if !e.open {
        return Ok(value);
    }
    let reading = (e.read)(&value)
        .ok_or_else(|| internal(format!("{value} is not a value of {}", e.name)))?;
    let mut out = Map::new();
    out.insert("value".into(), reading.value);
    out.insert("known".into(), Value::Bool(reading.known));
    for (name, fact) in e.facts.iter().zip(reading.facts) {
        out.insert((*name).into(), Value::Bool(fact));
    }
    Ok(Value::Object(out))
}

fn object(o: &ObjectShape, raw: &RawValue, depth: usize) -> Result<Value> {
    let fields: BTreeMap<String, &RawValue> = parse(raw)?;
    let mut out = Map::new();
    for (name, value) in &fields {
        let field = o.field(name).ok_or_else(|| {
            internal(format!(
                "{} writes {name}, which it does not describe",
                o.name
            ))
        })?;
        out.insert(name.clone(), normalize(&field.shape, value, depth + 1)?);
    }
    for field in &o.fields {
        out.entry(field.name).or_insert(Value::Null);
    }
    Ok(Value::Object(out))
}

/// JSON kept as sent, with every number replaced by a string of its exact text.
fn numbers_as_strings(raw: &RawValue, depth: usize) -> Result<Value> {
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::UnexpectedResponse,
            format!("the answer nests more than {MAX_DEPTH} levels deep"),
        ));
    }
    Ok(match raw.get().as_bytes().first() {
        Some(b'{') => Value::Object(
            parse::<BTreeMap<String, &RawValue>>(raw)?
                .into_iter()
                .map(|(k, v)| Ok((k, numbers_as_strings(v, depth + 1)?)))
                .collect::<Result<_>>()?,
        ),
        Some(b'[') => Value::Array(
            parse::<Vec<&RawValue>>(raw)?
                .into_iter()
                .map(|v| numbers_as_strings(v, depth + 1))
                .collect::<Result<_>>()?,
        ),
        Some(b'-' | b'0'..=b'9') => Value::String(raw.get().to_string()),
        _ => parse(raw)?,
    })
}
