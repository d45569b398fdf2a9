//! Text encodings shared by the gateways: Base64, URL query strings, and JSON string literals.
//!
//! Internal: the CLI, the tests and the benches used to reach these through the public API; they
//! now use the `base64` crate (an independent implementation, which is what a test wants), so the
//! module is no longer part of payseal's semver surface.

pub mod base64;
pub(crate) mod json;
pub mod query;
