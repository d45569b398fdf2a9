//! Opening (TransactPay's side, for tests and test doubles): Base64 → one RSA PKCS#1 v1.5 block →
//! a JSON object, with one indistinguishable error.
//!
//! Whatever fails — the Base64, the block length, the RSA padding, UTF-8, JSON — the result is
//! [`Error::cannot_open`], with no sub-reason and no partial plaintext.
//!
//! The RSA step is PKCS#1 v1.5 with implicit rejection on both backends
//! ([`PrivateKey::decrypt_implicit_rejection`]): there is no padding error to time. A damaged
//! block does not fail there: it decrypts to a pseudo-random message of pseudo-random length;
//! under a 2048-bit key about one such message in six thousand is a lone digit, which is valid
//! JSON. So the plaintext must be a JSON *object*, not merely JSON — which every TransactPay
//! request is — bringing the chance that a damaged block "opens" below 10⁻⁷.

use super::seal::is_json_object;
use crate::encoding::base64::decode_lenient;
use crate::error::{Error, Result};
use crate::keys::PrivateKey;
use crate::plaintext::{Plaintext, is_json};

/// Opens the `data` string of an envelope.
pub(crate) fn open(key: &PrivateKey, data: &str) -> Result<Plaintext> {
    let decrypted = match decode_lenient(data.as_bytes()) {
        Ok(block) => key.decrypt_implicit_rejection(&block),
        Err(_) => Err(()),
    };
    match decrypted {
        Ok(plaintext) if is_json(&plaintext) && is_json_object(&plaintext) => {
            Ok(Plaintext::from_checked(plaintext))
        }
        _ => Err(Error::cannot_open()),
    }
}
