//! # payseal
//!
//! Seal and open the encrypted envelopes of two payment gateways — **Keepz** (Georgia) and
//! **TransactPay** (Nigeria) — correctly, once: the right RSA padding, every key format, compact
//! JSON, percent-encoded query strings, payload limits, and one indistinguishable error on the
//! open path. payseal does no HTTP; it builds what a host sends and reads what it receives.
//!
//! - [`keys`]: RSA keys in PEM, DER, bare Base64 DER, TransactPay's dashboard blob and XML.
//! - [`keepz`]: the Keepz hybrid envelope (`encryptedData`, `encryptedKeys`, `aes`), both
//!   directions, plus the legacy RSA-only mode.
//! - [`transactpay`]: the TransactPay `{"data": ...}` envelope.
//! - [`keepz::api`], [`transactpay::api`]: each gateway's operations as types — requests with the
//!   real field names, endpoints, typed responses and errors, callbacks and webhooks as
//!   [`Unverified`] hints.
//! - [`money`]: [`Amount`], an exact decimal from the text it was read from to the JSON number it
//!   is written as (no binary floats).
//! - [`datetime`]: a naive date-time for Keepz's `validUntil` and TransactPay's dates.
//! - [`describe`]: what the gateway types look like in JSON, told by the types themselves (the C
//!   ABI publishes it for the bindings).
//! - [`backend`]: the seam to the crypto libraries (AWS-LC by default, or pure-Rust RustCrypto).
//!
//! ```
//! use payseal::keepz::Keepz;
//! use payseal::keys::PrivateKey;
//! # fn main() -> payseal::Result<()> {
//! // Throw-away keys: Keepz's key pair and the integrator's key pair.
//! let keepz_key = PrivateKey::generate(2048)?;
//! let integrator_key = PrivateKey::generate(2048)?;
//! let integrator_id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
//!
//! // The integrator seals a request to Keepz's public key...
//! let integrator = Keepz::builder()
//!     .seal_to(keepz_key.public_key().clone())
//!     .open_with(integrator_key.clone())
//!     .identifier(integrator_id)
//!     .build()?;
//! let request = serde_json::json!({"integratorId": integrator_id, "integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"});
//! let body = integrator.seal(&request)?.to_json_body();
//!
//! // ...which Keepz (here, a test double holding Keepz's private key) opens.
//! let keepz = Keepz::builder().open_with(keepz_key).build()?;
//! let opened = keepz.open(body.as_bytes())?;
//! assert_eq!(opened.parse::<serde_json::Value>()?, request);
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod backend;
mod body_check;
#[cfg(test)]
mod conformance;
#[cfg(not(feature = "ct-internals"))]
mod ct;
#[cfg(feature = "ct-internals")]
#[doc(hidden)]
pub mod ct;
pub mod datetime;
pub mod describe;
mod encoding;
/// Hooks for the fuzz targets (`fuzz/`): the query-string reader. Compiled only with the hidden
/// `fuzz-internals` feature. Not an API.
#[cfg(feature = "fuzz-internals")]
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::encoding::query;
}
pub mod error;
mod excerpt;
mod field_checks;
pub mod http;
mod json;
pub mod keepz;
pub mod keys;
mod lenient;
pub mod money;
mod pkcs1_json;
mod plaintext;
pub mod transactpay;
pub mod unverified;
mod wire_enum;

pub use backend::{Backend, RsaPadding};
pub use error::{Error, ErrorKind, GatewayFailure, Result};
pub use json::RawJson;
pub use money::Amount;
pub use plaintext::Plaintext;
pub use unverified::Unverified;

/// The crate version, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The README's Rust examples, compiled as doctests so that the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
