//! Forged envelopes: bodies that payseal's own sealing would never produce — any plaintext bytes,
//! a broken CBC padding, a key string of the wrong length or alphabet, RSA blocks whose PKCS#1
//! v1.5 padding is broken in a chosen way — built with the system OpenSSL (the `openssl` crate),
//! independently of payseal. Shared by the constant-time harness (`tests/ct_valgrind.rs`) and the
//! timing bench (`benches/timing.rs`).
#![allow(dead_code)]

use openssl::base64::encode_block;
use openssl::bn::{BigNum, BigNumContext};
use openssl::encrypt::Encrypter;
use openssl::hash::MessageDigest;
use openssl::pkey::{PKey, Public};
use openssl::rsa::Padding;
use openssl::symm::{Cipher, Crypter, Mode};
use payseal::RsaPadding;

/// A 32-byte AES key and 16-byte IV, fixed so that runs are repeatable.
pub const KEY: [u8; 32] = [0x4b; 32];
pub const IV: [u8; 16] = [0x1f; 16];

/// How a PKCS#1 v1.5 encryption block `00 02 PS 00 M` is broken.
#[derive(Clone, Copy, Debug)]
pub enum Pkcs1Defect {
    /// The first byte is 01 instead of 00.
    FirstByte,
    /// The second byte is 01 instead of 02.
    SecondByte,
    /// No zero byte ends the padding string.
    NoSeparator,
    /// The padding string is 7 bytes instead of at least 8.
    ShortPadding,
}

/// The recipient's public key, for building envelopes to it.
pub struct Forge {
    public: PKey<Public>,
    modulus: BigNum,
    exponent: BigNum,
    /// The modulus length in bytes.
    pub k: usize,
}

impl Forge {
    /// For the public key in PEM (SubjectPublicKeyInfo).
    pub fn new(spki_pem: &[u8]) -> Forge {
        let public = PKey::public_key_from_pem(spki_pem).unwrap();
        let rsa = public.rsa().unwrap();
        Forge {
            modulus: rsa.n().to_owned().unwrap(),
            exponent: rsa.e().to_owned().unwrap(),
            k: rsa.size() as usize,
            public,
        }
    }

    /// RSA-encrypts `msg` with a proper padding.
    pub fn rsa(&self, padding: RsaPadding, msg: &[u8]) -> Vec<u8> {
        let mut enc = Encrypter::new(&self.public).unwrap();
        match padding {
            RsaPadding::OaepSha256 => {
                enc.set_rsa_padding(Padding::PKCS1_OAEP).unwrap();
                enc.set_rsa_oaep_md(MessageDigest::sha256()).unwrap();
                enc.set_rsa_mgf1_md(MessageDigest::sha256()).unwrap();
            }
            RsaPadding::Pkcs1v15 => enc.set_rsa_padding(Padding::PKCS1).unwrap(),
            other => panic!("the forge does not know the padding {other:?}"),
        }
        let mut out = vec![0; enc.encrypt_len(msg).unwrap()];
        let len = enc.encrypt(msg, &mut out).unwrap();
        out.truncate(len);
        out
    }

    /// The raw RSA operation `em^e mod n` on a k-byte block.
    pub fn raw(&self, em: &[u8]) -> Vec<u8> {
        assert_eq!(em.len(), self.k);
        let mut ctx = BigNumContext::new().unwrap();
        let mut c = BigNum::new().unwrap();
        c.mod_exp(
            &BigNum::from_slice(em).unwrap(),
            &self.exponent,
            &self.modulus,
            &mut ctx,
        )
        .unwrap();
        c.to_vec_padded(self.k as i32).unwrap()
    }

    /// A PKCS#1 v1.5 block around `msg` with one `defect`.
    pub fn pkcs1_with(&self, defect: Pkcs1Defect, msg: &[u8]) -> Vec<u8> {
        let mut em = vec![0x5a; self.k]; // non-zero padding string
        em[0] = 0;
        em[1] = 2;
        let start = self.k - msg.len();
        em[start - 1] = 0;
        em[start..].copy_from_slice(msg);
        match defect {
            Pkcs1Defect::FirstByte => em[0] = 1,
            Pkcs1Defect::SecondByte => em[1] = 1,
            Pkcs1Defect::NoSeparator => em[start - 1] = 0x5a,
            Pkcs1Defect::ShortPadding => em[2 + 7] = 0,
        }
        self.raw(&em)
    }

    /// The key string `Base64(KEY).Base64(IV)`.
    pub fn key_string() -> Vec<u8> {
        format!("{}.{}", encode_block(&KEY), encode_block(&IV)).into_bytes()
    }

    /// AES-256-CBC of `data` under [`KEY`] and [`IV`]; PKCS#7 padding added when `pad`, else
    /// `data` must be whole blocks.
    pub fn aes(data: &[u8], pad: bool) -> Vec<u8> {
        let mut c = Crypter::new(Cipher::aes_256_cbc(), Mode::Encrypt, &KEY, Some(&IV)).unwrap();
        c.pad(pad);
        let mut out = vec![0; data.len() + 32];
        let mut n = c.update(data, &mut out).unwrap();
        n += c.finalize(&mut out[n..]).unwrap();
        out.truncate(n);
        out
    }

    /// A Keepz hybrid body.
    pub fn hybrid_body(data: &[u8], key_block: &[u8]) -> Vec<u8> {
        format!(
            r#"{{"encryptedData":"{}","encryptedKeys":"{}","aes":true}}"#,
            encode_block(data),
            encode_block(key_block)
        )
        .into_bytes()
    }

    /// A Keepz legacy body.
    pub fn legacy_body(block: &[u8]) -> Vec<u8> {
        format!(r#"{{"encryptedData":"{}"}}"#, encode_block(block)).into_bytes()
    }

    /// A TransactPay body.
    pub fn transactpay_body(block: &[u8]) -> Vec<u8> {
        format!(r#"{{"data":"{}"}}"#, encode_block(block)).into_bytes()
    }
}

/// A JSON object of exactly `len` bytes (at least 16) with a long string in it.
pub fn json_of_len(len: usize) -> Vec<u8> {
    let head = br#"{"note":""#;
    let tail = br#""}"#;
    let filler = b"abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = head.to_vec();
    out.extend(filler.iter().cycle().take(len - head.len() - tail.len()));
    out.extend_from_slice(tail);
    out
}

/// `ciphertext` with block `index` (counting from the end, 1 = last) XORed with 0x55: its own
/// plaintext block becomes noise and the next one is flipped.
pub fn garble_block_from_end(ciphertext: &[u8], index: usize) -> Vec<u8> {
    let mut c = ciphertext.to_vec();
    let start = c.len() - 16 * index;
    for b in &mut c[start..start + 16] {
        *b ^= 0x55;
    }
    c
}
