//! `payseal_describe`: everything a binding needs to write or check its types, emitted from the
//! Rust definitions themselves (`payseal::describe`) and this crate's registry, never from a
//! second table. `bindings/description.json` is a committed copy (`src/tests/description.rs`
//! fails when it is stale).

use super::super::buffer::payseal_buffer;
use super::super::json::{keepz_endpoint, transactpay_endpoint};
use super::super::status::{payseal_status, payseal_status_text};
use super::super::version::PAYSEAL_ABI_VERSION;
use super::base_url::{BASE_URLS, GatewayUrls, KEEPZ, TRANSACTPAY};
use super::call::output;
use super::registry::{KEEPZ as KEEPZ_OPERATIONS, TRANSACTPAY as TRANSACTPAY_OPERATIONS};
use super::shapes::{
    KeepzCallbackHint, KeepzError, Prepared, TransactPayAnswer, TransactPayError,
    TransactPayWebhookHint,
};
use payseal::describe::{Describe, EnumShape, ObjectShape, Shape, VariantsShape};
use payseal::error::ErrorKind;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::ffi::CStr;

/// The version of the description's own layout; it changes when a key changes meaning.
pub(crate) const DESCRIPTION_FORMAT: u32 = 1;

/// How outputs are written (the rules of `normalize.rs`), for the people reading the file.
const ENCODING: [(&str, &str); 7] = [
    (
        "amount",
        "An exact decimal. In outputs always a JSON string (\"1500.25\", canonical: no trailing \
         fractional zeros); in requests a decimal string, or a JSON number read digit for digit.",
    ),
    (
        "enum",
        "In requests the value itself (closed enums refuse unlisted values). In outputs an open \
         enum is an object {\"value\", \"known\", and one boolean per fact}: an unlisted value \
         keeps its raw value with known and every fact false. Closed enums appear only in \
         requests.",
    ),
    (
        "gatewayDate",
        "Outputs only: {\"raw\": the text as sent, \"value\": \"yyyy-MM-dd HH:mm:ss\" or null \
         (.NET's 0001-01-01T00:00:00, or unreadable text)}.",
    ),
    (
        "json",
        "A part kept as sent. In outputs its numbers are written as strings of their exact \
         text.",
    ),
    (
        "absent",
        "In outputs every field of an object is present, null when absent. In requests an \
         optional field may be left out or null; a field the object does not list is refused.",
    ),
    (
        "int",
        "A JSON integer within the range of the named Rust type (int: u16, u32 or i64).",
    ),
    (
        "slot",
        "Filled per operation: the `data` of a TransactPay answer has the shape of the \
         operation's `response`.",
    ),
];

/// Collects the named types a description refers to.
#[derive(Default)]
struct Types {
    objects: BTreeMap<String, Map<String, Value>>,
    enums: BTreeMap<String, Value>,
    variants: BTreeMap<String, Value>,
}

impl Types {
    /// A reference to `shape`, registering the named types it contains; `direction` is `input`
    /// (requests) or `output`.
    fn type_of(&mut self, shape: &Shape, direction: &str) -> Map<String, Value> {
        let mut t = Map::new();
        let mut kind = |name: &str| {
            t.insert("type".into(), name.into());
        };
        match shape {
            Shape::String => kind("string"),
            Shape::Uuid => kind("uuid"),
            Shape::Amount => kind("amount"),
            Shape::Bool => kind("bool"),
            Shape::Int(int) => {
                kind("int");
                t.insert("int".into(), int.name().into());
            }
            Shape::DateTime => kind("datetime"),
            Shape::GatewayDate => kind("gatewayDate"),
            Shape::Json => kind("json"),
            Shape::Enum(e) => {
                kind("enum");
                t.insert("ref".into(), self.enumeration(e).into());
            }
            Shape::Object(o) => {
                kind("object");
                t.insert("ref".into(), self.object(o, direction).into());
            }
            Shape::List(item) => {
                kind("list");
                t.insert("items".into(), self.type_of(item, direction).into());
            }
            Shape::Variants(v) => {
                kind("variants");
                t.insert("ref".into(), self.variants(v, direction).into());
            }
            Shape::Slot(slot) => {
                kind("slot");
                t.insert("slot".into(), (*slot).into());
            }
            other => panic!("no description for {other:?}"),
        }
        t
    }

    fn object(&mut self, o: &ObjectShape, direction: &str) -> String {
        if let Some(known) = self.objects.get_mut(&o.name) {
            if known["direction"] != direction {
                known.insert("direction".into(), "both".into());
            }
            return o.name.clone();
        }
        // Registered before its fields, so that a type naming itself would end.
        self.objects.insert(o.name.clone(), Map::new());
        let fields: Vec<Value> = o
            .fields
            .iter()
            .map(|f| {
                let mut field = self.type_of(&f.shape, direction);
                field.extend([
                    ("name".into(), f.name.into()),
                    ("required".into(), f.required.into()),
                    ("doc".into(), f.doc.clone().into()),
                ]);
                Value::Object(field)
            })
            .collect();
        let entry = self.objects.entry(o.name.clone()).or_default();
        entry.insert("direction".into(), direction.into());
        entry.insert("doc".into(), o.doc.clone().into());
        entry.insert("fields".into(), fields.into());
        o.name.clone()
    }

    fn enumeration(&mut self, e: &EnumShape) -> String {
        let values: Vec<Value> = e
            .values
            .iter()
            .map(|v| {
                let facts = e.facts.iter().zip(&v.facts);
                let mut value: Map<String, Value> = facts
                    .map(|(fact, holds)| ((*fact).into(), (*holds).into()))
                    .collect();
                value.extend([
                    ("value".into(), v.wire.clone()),
                    ("name".into(), v.name.clone().into()),
                    ("aliases".into(), v.aliases.clone().into()),
                    ("doc".into(), v.doc.clone().into()),
                ]);
                Value::Object(value)
            })
            .collect();
        self.enums.insert(
            e.name.clone(),
            json!({"doc": e.doc, "open": e.open, "facts": e.facts, "values": values}),
        );
        e.name.clone()
    }

    fn variants(&mut self, v: &VariantsShape, direction: &str) -> String {
        let tag_enum = self.enumeration(&v.tag_enum);
        let variants: Vec<Value> = v
            .variants
            .iter()
            .map(|(tag, object)| json!({"tag": tag, "ref": self.object(object, direction)}))
            .collect();
        self.variants.insert(
            v.name.clone(),
            json!({"tag": v.tag, "tagEnum": tag_enum, "variants": variants}),
        );
        v.name.clone()
    }
}

fn gateway(name: &str, urls: &GatewayUrls, max_decimals: u8) -> Value {
    json!({
        "name": name,
        "baseUrls": {"test": urls.test, "production": urls.production},
        "amountMaxDecimals": max_decimals,
    })
}

fn statuses() -> Vec<Value> {
    let text = |code: u32| {
        // SAFETY: payseal_status_text returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(payseal_status_text(code)) }
            .to_string_lossy()
            .into_owned()
    };
    let ok = json!({"code": 0, "constant": "PAYSEAL_OK", "name": "Ok", "text": text(0)});
    std::iter::once(ok)
        .chain(ErrorKind::ALL.iter().map(|kind| {
            let status = payseal_status::from_kind(*kind);
            json!({
                "code": status as u32,
                "constant": format!("{status:?}"),
                "name": format!("{kind:?}"),
                "text": text(status as u32),
            })
        }))
        .collect()
}

/// The description, as a JSON value.
pub(crate) fn description() -> Value {
    let mut types = Types::default();
    let mut operations = Vec::new();
    // Each operation: its endpoint as `payseal_endpoint` writes it, completed, with its types.
    let mut add =
        |mut op: Value, name: &str, checks_paid: bool, request: &Shape, response: &Shape| {
            op["name"] = name.into();
            op["checksPaid"] = checks_paid.into();
            op["request"] = types.type_of(request, "input").into();
            op["response"] = types.type_of(response, "output").into();
            operations.push(op);
        };
    for op in &KEEPZ_OPERATIONS {
        let mut endpoint = keepz_endpoint(&op.endpoint);
        endpoint["encrypted"] = true.into();
        endpoint["apiKey"] = Value::Null;
        add(endpoint, op.name, false, (op.request)(), (op.response)());
    }
    for op in &TRANSACTPAY_OPERATIONS {
        let mut endpoint = transactpay_endpoint(&op.endpoint);
        endpoint["placement"] = "body".into();
        add(
            endpoint,
            op.name,
            op.checks_paid,
            (op.request)(),
            (op.response)(),
        );
    }
    let mut outputs = Map::new();
    for (name, shape) in [
        ("prepared", Prepared::shape()),
        ("transactpayAnswer", TransactPayAnswer::shape()),
        ("keepzCallback", KeepzCallbackHint::shape()),
        ("transactpayWebhook", TransactPayWebhookHint::shape()),
        ("keepzError", KeepzError::shape()),
        ("transactpayError", TransactPayError::shape()),
    ] {
        outputs.insert(name.into(), types.type_of(&shape, "output").into());
    }
    let base_urls: Vec<Value> = BASE_URLS
        .iter()
        .map(|(constant, value, name)| json!({"constant": constant, "value": value, "name": name}))
        .collect();
    let encoding: Map<String, Value> = ENCODING
        .iter()
        .map(|(name, text)| ((*name).into(), (*text).into()))
        .collect();
    json!({
        "format": DESCRIPTION_FORMAT,
        "version": env!("CARGO_PKG_VERSION"),
        "abiVersion": PAYSEAL_ABI_VERSION,
        "statuses": statuses(),
        "baseUrls": base_urls,
        "gateways": [
            gateway("keepz", &KEEPZ, payseal::keepz::api::KEEPZ_MAX_DECIMALS),
            gateway("transactpay", &TRANSACTPAY, payseal::transactpay::api::TRANSACTPAY_MAX_DECIMALS),
        ],
        "operations": operations,
        "outputs": outputs,
        "encoding": encoding,
        "objects": types.objects,
        "enums": types.enums,
        "variants": types.variants,
    })
}

/// The description as the text `payseal_describe` returns and `bindings/description.json`
/// holds: pretty-printed with two spaces, keys sorted, one final newline.
pub(crate) fn description_text() -> String {
    let mut text = serde_json::to_string_pretty(&description()).unwrap_or_default();
    text.push('\n');
    text
}

/// The description of every operation, type, enum and status the bindings use, as JSON (the
/// same bytes as `bindings/description.json`): `operations` (gateway, name, method, path,
/// placement, encrypted, apiKey, checksPaid, request and response types), `objects` (each
/// field's wire name, type — string, uuid, amount, bool, int, datetime, gatewayDate, json, enum,
/// object, list, variants, slot — and whether it is required), `enums` (values, aliases, open
/// or closed, facts such as Keepz's `final` and `paid` per value), `variants` (TransactPay's
/// pay request by `paymentoption`), `outputs` (the ABI's own documents), `statuses` (every
/// `payseal_status`), `baseUrls`, `gateways` and the `encoding` rules of outputs.
///
/// # Safety
/// `out` must be writable; `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_describe(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output(out, error, || Ok(description_text().into_bytes()))
}
