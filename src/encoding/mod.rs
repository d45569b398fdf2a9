//! Text encodings shared by the gateways: Base64, URL query strings, and JSON string literals.

pub mod base64;
pub(crate) mod json;
pub mod query;
