//! Opening one RSA PKCS#1 v1.5 block that holds a whole JSON message: Keepz's legacy mode and
//! TransactPay.
//!
//! The RSA step gives a validity `Choice` and the message; the UTF-8 and JSON-shape checks run over
//! the whole message whatever it holds, and the one decision (`crate::ct::decision`) makes the
//! result public. The message's length is public (under implicit rejection a bad block yields a
//! synthetic message of pseudo-random length, indistinguishable from a real one).

use crate::ct::{Container, decide_message};
use crate::encoding::base64::decode_lenient;
use crate::error::Result;
use crate::keys::PrivateKey;
use crate::plaintext::Plaintext;

/// Opens the Base64 block `encrypted`, whose JSON's top level must be `container`.
pub(crate) fn open_pkcs1_json(
    private: &PrivateKey,
    encrypted: &str,
    container: Container,
) -> Result<Plaintext> {
    let block = decode_lenient(encrypted.as_bytes()).unwrap_or_default();
    let (opened, message) = private.decrypt_message(&block);
    decide_message(opened, message, container)
}
