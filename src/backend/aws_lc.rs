//! The AWS-LC backend: `aws-lc-rs` for encryption, key generation and AES, and `aws-lc-sys` for
//! the raw RSA private operation (constant-time and blinded; aws-lc-rs only offers padded
//! decryption, whose padding check is the oracle payseal avoids).

use super::RsaPadding;
use crate::error::{Error, ErrorKind, Result};
use aws_lc_rs::cipher::{
    AES_256, DecryptingKey, DecryptionContext, EncryptingKey, EncryptionContext, UnboundCipherKey,
};
use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::iv::FixedLength;
use aws_lc_rs::rsa::{
    KeySize, OAEP_SHA256_MGF1SHA256, OaepPublicEncryptingKey, Pkcs1PublicEncryptingKey,
    PrivateDecryptingKey, PublicEncryptingKey,
};
use aws_lc_sys::{
    ERR_clear_error, RSA, RSA_FLAG_NO_BLINDING, RSA_FLAG_NO_PUBLIC_EXPONENT, RSA_NO_PADDING,
    RSA_decrypt, RSA_flags, RSA_free, RSA_get0_e, RSA_private_key_from_bytes, RSA_size,
};
use der::Decode;
use std::ptr::NonNull;
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

/// An RSA private key as AWS-LC's `RSA` object, for the raw private operation.
///
/// Blinding stays on: `rsa_default_private_transform` (`crypto/fipsmodule/rsa/rsa_impl.c`, the
/// `do_blinding` test and `BN_BLINDING_convert`/`BN_BLINDING_invert`) blinds unless the key has
/// `RSA_FLAG_NO_BLINDING` or `RSA_FLAG_NO_PUBLIC_EXPONENT`, and [`PrivateKey::from_pkcs8_der`]
/// refuses a key with either flag or without `e`. `RSA_decrypt` with `RSA_NO_PADDING`
/// (`crypto/rsa_extra/rsa_crypt.c`, `rsa_default_decrypt`) writes the transform's output, always
/// `RSA_size` bytes, straight into our buffer: no padding check, no secret-length copy.
pub(crate) struct PrivateKey {
    rsa: NonNull<RSA>,
    size: usize,
}

// SAFETY: the `RSA` is owned by this value alone and freed once, in `Drop`. AWS-LC's private-key
// operations may run on one `RSA` from several threads at once: the lazily built Montgomery
// contexts (`freeze_private_key`) and the blinding cache (`rsa_blinding_get`/`_release`) are
// guarded by the key's lock, which is what aws-lc-rs relies on for its own `Send + Sync` keys.
unsafe impl Send for PrivateKey {}
// SAFETY: as above.
unsafe impl Sync for PrivateKey {}

impl PrivateKey {
    pub(crate) fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let rejected = |why: &str| {
            Error::new(
                ErrorKind::UnsupportedKey,
                format!("aws-lc rejected the RSA private key: {why}"),
            )
        };
        let info = pkcs8::PrivateKeyInfoRef::from_der(der)
            .map_err(|_| rejected("not a PKCS#8 document"))?;
        let pkcs1 = info.private_key.as_bytes();
        // SAFETY: `pkcs1` is a live slice; AWS-LC reads `len` bytes of it and returns a new `RSA`
        // (or NULL), having checked the key's consistency (`RSA_check_key`).
        let rsa = unsafe { RSA_private_key_from_bytes(pkcs1.as_ptr(), pkcs1.len()) };
        let Some(rsa) = NonNull::new(rsa) else {
            // SAFETY: clears this thread's AWS-LC error queue; no arguments.
            unsafe { ERR_clear_error() };
            return Err(rejected("a malformed or inconsistent RSAPrivateKey"));
        };
        let key = PrivateKey {
            rsa,
            // SAFETY: `rsa` is a valid `RSA`.
            size: unsafe { RSA_size(rsa.as_ptr()) } as usize,
        };
        // SAFETY: `rsa` is a valid `RSA`; both calls only read it.
        let (flags, e) = unsafe { (RSA_flags(rsa.as_ptr()), RSA_get0_e(rsa.as_ptr())) };
        if e.is_null() || flags & (RSA_FLAG_NO_BLINDING | RSA_FLAG_NO_PUBLIC_EXPONENT) != 0 {
            return Err(rejected(
                "the key has no public exponent, so its private operation cannot be blinded",
            ));
        }
        Ok(key)
    }

    /// `c^d mod n`, blinded, as `k` bytes (see the type's documentation for where AWS-LC does it).
    pub(crate) fn rsa_private_raw(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let mut out = Zeroizing::new(vec![0u8; self.size]);
        let mut out_len = 0usize;
        // SAFETY: `self.rsa` is a valid `RSA`; `out` has room for `out.len()` bytes and
        // `ciphertext` is a live slice of `ciphertext.len()` bytes. AWS-LC refuses (returns 0 for)
        // a ciphertext whose length is not `RSA_size`.
        let ok = unsafe {
            RSA_decrypt(
                self.rsa.as_ptr(),
                &mut out_len,
                out.as_mut_ptr(),
                out.len(),
                ciphertext.as_ptr(),
                ciphertext.len(),
                RSA_NO_PADDING,
            )
        };
        if ok != 1 || out_len != self.size {
            // SAFETY: clears this thread's AWS-LC error queue; no arguments.
            unsafe { ERR_clear_error() };
            return Err(());
        }
        Ok(out)
    }
}

impl Drop for PrivateKey {
    fn drop(&mut self) {
        // SAFETY: `self.rsa` is owned by this value and freed only here. AWS-LC wipes the key's
        // bignums as it frees them (`BN_free` → `OPENSSL_free`, which cleanses).
        unsafe { RSA_free(self.rsa.as_ptr()) };
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
