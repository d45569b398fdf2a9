//! Sealing: payload bytes → envelope fields.

use super::key_string::{AesMaterial, encode_key_string};
use crate::backend::{RsaPadding, aes256_cbc_encrypt};
use crate::encoding::base64::encode;
use crate::error::Result;
use crate::keys::PublicKey;

/// Hybrid: a fresh AES-256 key and IV, the payload AES-256-CBC encrypted, the key string RSA
/// wrapped. Returns `(encryptedData, encryptedKeys)`.
pub(crate) fn seal_hybrid(
    public: &PublicKey,
    padding: RsaPadding,
    payload: &[u8],
) -> Result<(String, String)> {
    let material = AesMaterial::random()?;
    let key_string = encode_key_string(&material);
    let wrapped = public.encrypt(padding, &key_string)?;
    let ciphertext = aes256_cbc_encrypt(public.backend(), &material.key, &material.iv, payload)?;
    Ok((encode(&ciphertext), encode(&wrapped)))
}

/// Legacy: the whole payload RSA PKCS#1 v1.5 encrypted (at most k − 11 bytes, else
/// `PayloadTooLarge`). Returns `encryptedData`.
pub(crate) fn seal_legacy(public: &PublicKey, payload: &[u8]) -> Result<String> {
    Ok(encode(&public.encrypt(RsaPadding::Pkcs1v15, payload)?))
}
