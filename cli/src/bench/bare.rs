//! The bare primitives each backend is measured against: one RSA operation and AES-256-CBC with
//! PKCS#7, called directly on the crypto library with nothing around them — no JSON, no Base64,
//! no random key generation, no checks. What payseal adds on top is the envelope's overhead.
//!
//! Self-contained: it lives with `payseal bench` (the CLI) so that the published crate has it, and
//! the criterion benches include it too (`benches/common/mod.rs`).

use payseal::Backend;

/// The bare primitives of one backend, with the key prepared once.
pub enum Bare {
    /// `aws-lc-rs` directly.
    #[cfg(feature = "aws-lc")]
    AwsLc(aws::Keys),
    /// The `rsa`, `aes` and `cbc` crates directly.
    #[cfg(feature = "rustcrypto")]
    RustCrypto(Box<rc::Keys>),
}

impl Bare {
    /// A key pair (SubjectPublicKeyInfo and PKCS#8 DER), prepared for `backend`'s library.
    pub fn new(backend: Backend, spki: &[u8], pkcs8: &[u8]) -> Bare {
        match backend {
            #[cfg(feature = "aws-lc")]
            Backend::AwsLc => Bare::AwsLc(aws::Keys::new(spki, pkcs8)),
            #[cfg(feature = "rustcrypto")]
            Backend::RustCrypto => Bare::RustCrypto(Box::new(rc::Keys::new(spki, pkcs8))),
            #[allow(unreachable_patterns)]
            other => panic!("backend {other:?} not compiled in"),
        }
    }

    /// RSA-OAEP-SHA-256 public-key encryption of `msg` (the Keepz key string).
    pub fn oaep_encrypt(&self, msg: &[u8]) -> Vec<u8> {
        match self {
            #[cfg(feature = "aws-lc")]
            Bare::AwsLc(k) => k.oaep_encrypt(msg),
            #[cfg(feature = "rustcrypto")]
            Bare::RustCrypto(k) => k.oaep_encrypt(msg),
        }
    }

    /// RSA-OAEP-SHA-256 private-key decryption (blinded, as payseal does it).
    pub fn oaep_decrypt(&self, block: &[u8]) -> Vec<u8> {
        match self {
            #[cfg(feature = "aws-lc")]
            Bare::AwsLc(k) => k.oaep_decrypt(block),
            #[cfg(feature = "rustcrypto")]
            Bare::RustCrypto(k) => k.oaep_decrypt(block),
        }
    }

    /// RSA PKCS#1 v1.5 public-key encryption of `msg` (a TransactPay payload).
    pub fn pkcs1_encrypt(&self, msg: &[u8]) -> Vec<u8> {
        match self {
            #[cfg(feature = "aws-lc")]
            Bare::AwsLc(k) => k.pkcs1_encrypt(msg),
            #[cfg(feature = "rustcrypto")]
            Bare::RustCrypto(k) => k.pkcs1_encrypt(msg),
        }
    }

    /// AES-256-CBC with PKCS#7 padding, key set up per call (each envelope has its own key).
    pub fn aes_encrypt(&self, key: &[u8; 32], iv: &[u8; 16], plaintext: &[u8]) -> Vec<u8> {
        match self {
            #[cfg(feature = "aws-lc")]
            Bare::AwsLc(_) => aws::aes_encrypt(key, iv, plaintext),
            #[cfg(feature = "rustcrypto")]
            Bare::RustCrypto(_) => rc::aes_encrypt(key, iv, plaintext),
        }
    }
}

#[cfg(feature = "aws-lc")]
pub mod aws {
    //! `aws-lc-rs` with nothing around it.
    use aws_lc_rs::cipher::{
        AES_256, EncryptionContext, PaddedBlockEncryptingKey, UnboundCipherKey,
    };
    use aws_lc_rs::iv::FixedLength;
    use aws_lc_rs::rsa::{
        OAEP_SHA256_MGF1SHA256, OaepPrivateDecryptingKey, OaepPublicEncryptingKey,
        Pkcs1PublicEncryptingKey, PrivateDecryptingKey, PublicEncryptingKey,
    };

    /// The three key objects the primitives need.
    pub struct Keys {
        oaep_public: OaepPublicEncryptingKey,
        pkcs1_public: Pkcs1PublicEncryptingKey,
        oaep_private: OaepPrivateDecryptingKey,
    }

    impl Keys {
        pub fn new(spki: &[u8], pkcs8: &[u8]) -> Keys {
            let public = PublicEncryptingKey::from_der(spki).unwrap();
            let private = PrivateDecryptingKey::from_pkcs8(pkcs8).unwrap();
            Keys {
                oaep_public: OaepPublicEncryptingKey::new(public.clone()).unwrap(),
                pkcs1_public: Pkcs1PublicEncryptingKey::new(public).unwrap(),
                oaep_private: OaepPrivateDecryptingKey::new(private).unwrap(),
            }
        }

        pub fn oaep_encrypt(&self, msg: &[u8]) -> Vec<u8> {
            let mut out = vec![0; self.oaep_public.ciphertext_size()];
            self.oaep_public
                .encrypt(&OAEP_SHA256_MGF1SHA256, msg, &mut out, None)
                .unwrap();
            out
        }

        pub fn oaep_decrypt(&self, block: &[u8]) -> Vec<u8> {
            let mut out = vec![0; self.oaep_private.min_output_size()];
            let len = self
                .oaep_private
                .decrypt(&OAEP_SHA256_MGF1SHA256, block, &mut out, None)
                .unwrap()
                .len();
            out.truncate(len);
            out
        }

        pub fn pkcs1_encrypt(&self, msg: &[u8]) -> Vec<u8> {
            let mut out = vec![0; self.pkcs1_public.ciphertext_size()];
            self.pkcs1_public.encrypt(msg, &mut out).unwrap();
            out
        }
    }

    pub fn aes_encrypt(key: &[u8; 32], iv: &[u8; 16], plaintext: &[u8]) -> Vec<u8> {
        let cipher =
            PaddedBlockEncryptingKey::cbc_pkcs7(UnboundCipherKey::new(&AES_256, key).unwrap())
                .unwrap();
        let mut buf = plaintext.to_vec();
        cipher
            .less_safe_encrypt(&mut buf, EncryptionContext::Iv128(FixedLength::from(*iv)))
            .unwrap();
        buf
    }
}

#[cfg(feature = "rustcrypto")]
pub mod rc {
    //! The `rsa`, `aes` and `cbc` crates with nothing around them.
    use aes::Aes256;
    use cbc::cipher::block_padding::Pkcs7;
    use cbc::cipher::{BlockModeEncrypt, KeyIvInit};
    use rand_core::UnwrapErr;
    use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
    use rsa::{Oaep, Pkcs1v15Encrypt, RsaPrivateKey, RsaPublicKey};
    use sha2::Sha256;

    fn rng() -> UnwrapErr<getrandom::SysRng> {
        UnwrapErr(getrandom::SysRng)
    }

    /// The public and private key.
    pub struct Keys {
        public: RsaPublicKey,
        private: RsaPrivateKey,
    }

    impl Keys {
        pub fn new(spki: &[u8], pkcs8: &[u8]) -> Keys {
            Keys {
                public: RsaPublicKey::from_public_key_der(spki).unwrap(),
                private: RsaPrivateKey::from_pkcs8_der(pkcs8).unwrap(),
            }
        }

        pub fn oaep_encrypt(&self, msg: &[u8]) -> Vec<u8> {
            self.public
                .encrypt(&mut rng(), Oaep::<Sha256>::new(), msg)
                .unwrap()
        }

        pub fn oaep_decrypt(&self, block: &[u8]) -> Vec<u8> {
            self.private
                .decrypt_blinded(&mut rng(), Oaep::<Sha256>::new(), block)
                .unwrap()
        }

        pub fn pkcs1_encrypt(&self, msg: &[u8]) -> Vec<u8> {
            self.public
                .encrypt(&mut rng(), Pkcs1v15Encrypt, msg)
                .unwrap()
        }
    }

    pub fn aes_encrypt(key: &[u8; 32], iv: &[u8; 16], plaintext: &[u8]) -> Vec<u8> {
        cbc::Encryptor::<Aes256>::new_from_slices(key, iv)
            .unwrap()
            .encrypt_padded_vec::<Pkcs7>(plaintext)
    }
}
