//! The pure-Rust backend: `rsa` 0.10 (constant-time bignums and blinding; payseal uses its raw
//! private operation from `rsa::hazmat` and removes the padding itself), `aes` and `cbc` (whose
//! key schedule and chaining block are wiped on drop: their `zeroize` features).

use super::RsaPadding;
use crate::error::{Error, ErrorKind, Result};
use aes::Aes256;
use cbc::cipher::{Array, Block, BlockModeDecrypt, BlockModeEncrypt, KeyIvInit};
use rand_core::UnwrapErr;
use rsa::hazmat::rsa_decrypt_and_check;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey};
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, Oaep, Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};
use sha2::Sha256;
use zeroize::Zeroizing;

fn rng() -> UnwrapErr<getrandom::SysRng> {
    UnwrapErr(getrandom::SysRng)
}

fn crypto_error(what: &str) -> Error {
    Error::new(ErrorKind::Crypto, format!("rustcrypto: {what} failed"))
}

pub(crate) struct PublicKey(RsaPublicKey);

impl PublicKey {
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self> {
        RsaPublicKey::from_public_key_der(der)
            .map(PublicKey)
            .map_err(|e| {
                Error::new(
                    ErrorKind::UnsupportedKey,
                    format!("the rsa crate rejected the RSA public key: {e}"),
                )
            })
    }

    pub(crate) fn encrypt(&self, padding: RsaPadding, msg: &[u8]) -> Result<Vec<u8>> {
        let mut rng = rng();
        match padding {
            RsaPadding::OaepSha256 => self.0.encrypt(&mut rng, Oaep::<Sha256>::new(), msg),
            RsaPadding::Pkcs1v15 => self.0.encrypt(&mut rng, Pkcs1v15Encrypt, msg),
        }
        .map_err(|_| crypto_error("RSA encryption"))
    }
}

pub(crate) struct PrivateKey(RsaPrivateKey);

impl PrivateKey {
    pub(crate) fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        RsaPrivateKey::from_pkcs8_der(der)
            .map(PrivateKey)
            .map_err(|e| {
                Error::new(
                    ErrorKind::UnsupportedKey,
                    format!("the rsa crate rejected the RSA private key: {e}"),
                )
            })
    }

    /// `c^d mod n` with `rsa::hazmat::rsa_decrypt_and_check`: blinded (a fresh random factor
    /// from the OS CSPRNG per call), constant-time in crypto-bigint, and checked against a fault
    /// (`m^e == c`). Returned as exactly `k` big-endian bytes.
    pub(crate) fn rsa_private_raw(
        &self,
        ciphertext: &[u8],
    ) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
        let k = self.0.size();
        let c = BoxedUint::from_be_slice(ciphertext, self.0.n_bits_precision()).map_err(|_| ())?;
        let m = rsa_decrypt_and_check(&self.0, Some(&mut rng()), &c).map_err(|_| ())?;
        let m = Zeroizing::new(m);
        // The integer's width is the modulus's storage width (whole limbs, ≥ k bytes), whatever its
        // value: the bytes before the last k are always zero, and the copy does not depend on m.
        let bytes = Zeroizing::new(m.to_be_bytes());
        if bytes.len() < k {
            return Err(());
        }
        Ok(Zeroizing::new(bytes[bytes.len() - k..].to_vec()))
    }
}

pub(crate) fn generate_pkcs8(bits: usize) -> Result<Zeroizing<Vec<u8>>> {
    let key = RsaPrivateKey::new(&mut rng(), bits).map_err(|_| crypto_error("key generation"))?;
    let doc = key
        .to_pkcs8_der()
        .map_err(|_| crypto_error("PKCS#8 export"))?;
    Ok(Zeroizing::new(doc.as_bytes().to_vec()))
}

/// `buf` as whole AES blocks (the caller passes a whole number of them).
fn blocks(buf: &mut [u8]) -> &mut [Block<Aes256>] {
    let (blocks, rest) = Array::slice_as_chunks_mut(buf);
    debug_assert!(rest.is_empty());
    blocks
}

pub(crate) fn cbc_encrypt_raw(key: &[u8; 32], iv: &[u8; 16], buf: &mut [u8]) -> Result<()> {
    let mut enc = cbc::Encryptor::<Aes256>::new_from_slices(key, iv)
        .map_err(|_| crypto_error("AES-CBC setup"))?;
    enc.encrypt_blocks(blocks(buf));
    Ok(())
}

/// All blocks in one call: CBC decryption is parallel across blocks, and the AES-NI backend
/// pipelines several at a time (block by block it cannot).
pub(crate) fn cbc_decrypt_raw(key: &[u8; 32], iv: &[u8; 16], buf: &mut [u8]) -> Result<()> {
    let mut dec = cbc::Decryptor::<Aes256>::new_from_slices(key, iv)
        .map_err(|_| crypto_error("AES-CBC setup"))?;
    dec.decrypt_blocks(blocks(buf));
    Ok(())
}
