//! The AWS-LC backend (`aws-lc-rs`): constant-time, blinded RSA and hardware AES.

use super::RsaPadding;
use crate::error::{Error, ErrorKind, Result};
use aws_lc_rs::cipher::{
    AES_256, DecryptingKey, DecryptionContext, EncryptingKey, EncryptionContext, UnboundCipherKey,
};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::iv::FixedLength;
use aws_lc_rs::rsa::{
    KeySize, OAEP_SHA256_MGF1SHA256, OaepPrivateDecryptingKey, OaepPublicEncryptingKey,
    Pkcs1PrivateDecryptingKey, Pkcs1PublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey,
};
use zeroize::Zeroizing;

fn crypto_error(what: &str) -> Error {
    Error::new(ErrorKind::Crypto, format!("aws-lc: {what} failed"))
}

/// An RSA public key with both paddings prepared.
pub(crate) struct PublicKey {
    oaep: OaepPublicEncryptingKey,
    pkcs1: Pkcs1PublicEncryptingKey,
}

impl PublicKey {
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self> {
        let key = PublicEncryptingKey::from_der(der).map_err(|e| {
            Error::new(
                ErrorKind::UnsupportedKey,
                format!("aws-lc rejected the RSA public key: {e}"),
            )
        })?;
        Ok(PublicKey {
            oaep: OaepPublicEncryptingKey::new(key.clone())
                .map_err(|_| crypto_error("OAEP key"))?,
            pkcs1: Pkcs1PublicEncryptingKey::new(key).map_err(|_| crypto_error("PKCS#1 key"))?,
        })
    }

    pub(crate) fn encrypt(&self, padding: RsaPadding, msg: &[u8]) -> Result<Vec<u8>> {
        let mut out = vec![0u8; self.oaep.ciphertext_size()];
        let len = match padding {
            RsaPadding::OaepSha256 => self
                .oaep
                .encrypt(&OAEP_SHA256_MGF1SHA256, msg, &mut out, None)
                .map_err(|_| crypto_error("RSA-OAEP encryption"))?
                .len(),
            RsaPadding::Pkcs1v15 => self
                .pkcs1
                .encrypt(msg, &mut out)
                .map_err(|_| crypto_error("RSA PKCS#1 v1.5 encryption"))?
                .len(),
        };
        out.truncate(len);
        Ok(out)
    }
}

/// An RSA private key with both paddings prepared.
pub(crate) struct PrivateKey {
    oaep: OaepPrivateDecryptingKey,
    pkcs1: Pkcs1PrivateDecryptingKey,
}

impl PrivateKey {
    pub(crate) fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let key = PrivateDecryptingKey::from_pkcs8(der).map_err(|e| {
            Error::new(
                ErrorKind::UnsupportedKey,
                format!("aws-lc rejected the RSA private key: {e}"),
            )
        })?;
        Ok(PrivateKey {
            oaep: OaepPrivateDecryptingKey::new(key.clone())
                .map_err(|_| crypto_error("OAEP key"))?,
            pkcs1: Pkcs1PrivateDecryptingKey::new(key).map_err(|_| crypto_error("PKCS#1 key"))?,
        })
    }

    pub(crate) fn decrypt(
        &self,
        padding: RsaPadding,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let mut out = Zeroizing::new(vec![0u8; self.oaep.min_output_size()]);
        let len = match padding {
            RsaPadding::OaepSha256 => self
                .oaep
                .decrypt(&OAEP_SHA256_MGF1SHA256, ciphertext, &mut out, None)
                .map_err(|_| ())?
                .len(),
            RsaPadding::Pkcs1v15 => self
                .pkcs1
                .decrypt(ciphertext, &mut out)
                .map_err(|_| ())?
                .len(),
        };
        out.truncate(len);
        Ok(out)
    }
}

pub(crate) fn generate_pkcs8(bits: usize) -> Result<Zeroizing<Vec<u8>>> {
    let size = match bits {
        2048 => KeySize::Rsa2048,
        3072 => KeySize::Rsa3072,
        4096 => KeySize::Rsa4096,
        8192 => KeySize::Rsa8192,
        other => {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "the aws-lc backend generates 2048-, 3072-, 4096- or 8192-bit keys, not {other}"
                ),
            ));
        }
    };
    let key = PrivateDecryptingKey::generate(size).map_err(|_| crypto_error("key generation"))?;
    let der = key.as_der().map_err(|_| crypto_error("PKCS#8 export"))?;
    Ok(Zeroizing::new(der.as_ref().to_vec()))
}

fn cipher_key(key: &[u8; 32]) -> Result<UnboundCipherKey> {
    UnboundCipherKey::new(&AES_256, key).map_err(|_| crypto_error("AES key setup"))
}

pub(crate) fn cbc_encrypt_raw(key: &[u8; 32], iv: &[u8; 16], buf: &mut [u8]) -> Result<()> {
    let key = EncryptingKey::cbc(cipher_key(key)?).map_err(|_| crypto_error("AES-CBC setup"))?;
    key.less_safe_encrypt(buf, EncryptionContext::Iv128(FixedLength::from(*iv)))
        .map_err(|_| crypto_error("AES-CBC encryption"))?;
    Ok(())
}

pub(crate) fn cbc_decrypt_raw(key: &[u8; 32], iv: &[u8; 16], buf: &mut [u8]) -> Result<()> {
    let key = DecryptingKey::cbc(cipher_key(key)?).map_err(|_| crypto_error("AES-CBC setup"))?;
    key.decrypt(buf, DecryptionContext::Iv128(FixedLength::from(*iv)))
        .map_err(|_| crypto_error("AES-CBC decryption"))?;
    Ok(())
}
