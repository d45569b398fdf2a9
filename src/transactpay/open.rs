//! Opening (TransactPay's side, for tests and test doubles): Base64 → one RSA PKCS#1 v1.5 block →
//! a JSON object, with one indistinguishable error.
//!
//! Whatever fails — the Base64, the block length, the RSA padding, UTF-8, JSON — the result is
//! `CannotOpen`, with no sub-reason and no partial plaintext, decided in constant time
//! ([`crate::pkcs1_json`]).
//!
//! The plaintext must be a JSON *object*, not merely JSON. With implicit rejection (the
//! RustCrypto backend) a damaged block does not fail: it decrypts to a pseudo-random message of
//! pseudo-random length; under a 2048-bit key about one such message in six thousand is a lone
//! digit, which is valid JSON. Requiring an object — which every TransactPay request is — brings
//! the chance that a damaged block "opens" below 10⁻⁷.

use crate::ct::Container;
use crate::error::Result;
use crate::keys::PrivateKey;
use crate::pkcs1_json::open_pkcs1_json;
use crate::plaintext::Plaintext;

/// Opens the `data` string of an envelope.
pub(crate) fn open(key: &PrivateKey, data: &str) -> Result<Plaintext> {
    open_pkcs1_json(key, data, Container::Object)
}
