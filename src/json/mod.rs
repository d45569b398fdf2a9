//! Reading JSON without losing a digit.
//!
//! Without serde_json's `arbitrary_precision` feature (which payseal does not turn on: Cargo would
//! turn it on for every crate of the program that links payseal), a `serde_json::Value` holds a
//! number with a fraction as an `f64` and an integer beyond 64 bits not at all. Gateway answers
//! carry amounts like `1500.2500000000000001`, so payseal reads them as text instead: serde_json's
//! additive `raw_value` feature gives the exact bytes of any value ([`RawValue`]), and the helpers
//! here classify and read those bytes.
//!
//! [`RawValue`]: serde_json::value::RawValue

mod kind;
mod object;
mod raw;
mod scalar;
pub(crate) mod shape;

pub(crate) use kind::JsonKind;
pub(crate) use object::{MAX_FIELDS, Object, Parsed, field_names, parse_object};
pub use raw::RawJson;
pub(crate) use scalar::{bool_of, i64_of, str_of, text_of};
