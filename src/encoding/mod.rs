//! Text encodings shared by the gateways: Base64 and URL query strings.

pub mod base64;
pub mod query;
