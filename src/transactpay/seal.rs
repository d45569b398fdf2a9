//! Sealing: one compact JSON object → one RSA PKCS#1 v1.5 block → Base64.
//!
//! TransactPay's server decrypts exactly one block, and no client anywhere chunks, so a payload
//! over k − 11 bytes is refused here, before any encryption, with both numbers in the message:
//! the caller has to shorten the request, and needs to know by how much.

use super::envelope::SealedData;
use crate::backend::RsaPadding;
use crate::encoding::base64::encode;
use crate::error::{Error, ErrorKind, Result};
use crate::keys::PublicKey;

/// The largest payload one block under `key` carries: k − 11 bytes (501 for 4096 bits).
pub(crate) fn max_payload_len(key: &PublicKey) -> usize {
    RsaPadding::Pkcs1v15.max_message_len(key.size_bytes())
}

/// Whether valid JSON text is an object. TransactPay's requests always are, and the open path
/// relies on it (see [`super::open`]).
pub(crate) fn is_json_object(json: &[u8]) -> bool {
    json.trim_ascii_start().first() == Some(&b'{')
}

/// Seals a payload already checked to be UTF-8 JSON.
pub(crate) fn seal(key: &PublicKey, json: &[u8]) -> Result<SealedData> {
    if !is_json_object(json) {
        return Err(Error::new(
            ErrorKind::InvalidRequest,
            "the payload is JSON but not an object; TransactPay requests are JSON objects \
             ({\"reference\": ...})",
        ));
    }
    let max = max_payload_len(key);
    if json.len() > max {
        return Err(Error::new(
            ErrorKind::PayloadTooLarge,
            format!(
                "the payload is {} bytes; one {}-bit RSA block carries at most {max}",
                json.len(),
                key.bits()
            ),
        ));
    }
    let block = key.encrypt(RsaPadding::Pkcs1v15, json)?;
    Ok(SealedData {
        data: encode(&block),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects() {
        assert!(is_json_object(b"{}"));
        assert!(is_json_object(b" \r\n\t{\"a\":1}"));
        assert!(!is_json_object(b"[]"));
        assert!(!is_json_object(b"\"{\""));
        assert!(!is_json_object(b"1"));
        assert!(!is_json_object(b""));
    }
}
