//! The same envelopes built with the `openssl` crate over the system OpenSSL, the way an
//! integrator would hand-roll them: fresh key and IV from `RAND_bytes`, the key string
//! `Base64(key).Base64(iv)`, RSA through the EVP interface (OAEP-SHA-256 / PKCS#1 v1.5),
//! AES-256-CBC, Base64, and the JSON body. Opening reads the body with `serde_json`, reverses every
//! step and checks UTF-8 (it does not re-validate the JSON, which payseal does).

use openssl::base64::{decode_block, encode_block};
use openssl::encrypt::{Decrypter, Encrypter};
use openssl::hash::MessageDigest;
use openssl::pkey::{PKey, Private, Public};
use openssl::rand::rand_bytes;
use openssl::rsa::Padding;
use openssl::symm::{Cipher, decrypt, encrypt};

/// The test key of one size, loaded into OpenSSL once.
pub struct OpensslEnvelope {
    public: PKey<Public>,
    private: PKey<Private>,
}

impl OpensslEnvelope {
    pub fn new(bits: usize) -> OpensslEnvelope {
        OpensslEnvelope {
            public: PKey::public_key_from_der(&super::spki_der(bits)).unwrap(),
            private: PKey::private_key_from_pkcs8(&super::pkcs8_der(bits)).unwrap(),
        }
    }

    fn rsa_encrypt(&self, padding: Padding, msg: &[u8]) -> Vec<u8> {
        let mut enc = Encrypter::new(&self.public).unwrap();
        enc.set_rsa_padding(padding).unwrap();
        if padding == Padding::PKCS1_OAEP {
            enc.set_rsa_oaep_md(MessageDigest::sha256()).unwrap();
            enc.set_rsa_mgf1_md(MessageDigest::sha256()).unwrap();
        }
        let mut out = vec![0; enc.encrypt_len(msg).unwrap()];
        let len = enc.encrypt(msg, &mut out).unwrap();
        out.truncate(len);
        out
    }

    /// RSA-OAEP-SHA-256 decryption of one block.
    pub fn oaep_decrypt(&self, block: &[u8]) -> Vec<u8> {
        let mut dec = Decrypter::new(&self.private).unwrap();
        dec.set_rsa_padding(Padding::PKCS1_OAEP).unwrap();
        dec.set_rsa_oaep_md(MessageDigest::sha256()).unwrap();
        dec.set_rsa_mgf1_md(MessageDigest::sha256()).unwrap();
        let mut out = vec![0; dec.decrypt_len(block).unwrap()];
        let len = dec.decrypt(block, &mut out).unwrap();
        out.truncate(len);
        out
    }

    /// A Keepz request body `{"identifier","encryptedData","encryptedKeys","aes":true}`.
    pub fn keepz_seal(&self, payload: &[u8]) -> String {
        let (mut key, mut iv) = ([0u8; 32], [0u8; 16]);
        rand_bytes(&mut key).unwrap();
        rand_bytes(&mut iv).unwrap();
        let key_string = format!("{}.{}", encode_block(&key), encode_block(&iv));
        let keys = self.rsa_encrypt(Padding::PKCS1_OAEP, key_string.as_bytes());
        let data = encrypt(Cipher::aes_256_cbc(), &key, Some(&iv), payload).unwrap();
        format!(
            r#"{{"identifier":"{}","encryptedData":"{}","encryptedKeys":"{}","aes":true}}"#,
            super::IDENTIFIER,
            encode_block(&data),
            encode_block(&keys)
        )
    }

    /// Opens a Keepz body; panics when it does not open (the benches only feed good ones).
    pub fn keepz_open(&self, body: &[u8]) -> String {
        let value: serde_json::Value = serde_json::from_slice(body).unwrap();
        let field = |name: &str| decode_block(value[name].as_str().unwrap()).unwrap();
        let key_string = self.oaep_decrypt(&field("encryptedKeys"));
        let key_string = std::str::from_utf8(&key_string).unwrap();
        let (key, iv) = key_string.split_once('.').unwrap();
        let (key, iv) = (decode_block(key).unwrap(), decode_block(iv).unwrap());
        let plaintext = decrypt(
            Cipher::aes_256_cbc(),
            &key,
            Some(&iv),
            &field("encryptedData"),
        )
        .unwrap();
        String::from_utf8(plaintext).unwrap()
    }

    /// A TransactPay request body `{"data":"..."}`: one PKCS#1 v1.5 block.
    pub fn transactpay_seal(&self, payload: &[u8]) -> String {
        let block = self.rsa_encrypt(Padding::PKCS1, payload);
        format!(r#"{{"data":"{}"}}"#, encode_block(&block))
    }
}
