//! payseal's implicit rejection against an independent implementation, the `rsa` crate's
//! (`RsaPrivateKey::decrypt` with `Pkcs1v15Encrypt`, which implements the same draft): on random
//! ciphertexts (almost all with an invalid padding) and on blocks built around each boundary of
//! the padding rules, every backend of payseal and `rsa` give the same message byte for byte —
//! which also shows that a given invalid ciphertext gives the same synthetic message on both
//! backends.

use super::on_every_backend;
use crate::backend::fill_random;
use rsa::hazmat::rsa_encrypt;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, Pkcs1v15Encrypt, RsaPrivateKey};

const PKCS8_2048: &[u8] = include_bytes!("../../tests/keys/rsa2048.pkcs8.der");
const PKCS8_4096: &[u8] = include_bytes!("../../tests/keys/rsa4096.pkcs8.der");

/// The ciphertext whose raw decryption is `em` (`em` < n): `em^e mod n`.
fn encrypt_raw(key: &RsaPrivateKey, em: &[u8]) -> Vec<u8> {
    let m = BoxedUint::from_be_slice(em, key.n_bits_precision()).unwrap();
    let c = rsa_encrypt(key, &m).unwrap().to_be_bytes();
    c[c.len() - key.size()..].to_vec()
}

/// Encoded blocks at the edges of the PKCS#1 v1.5 rules, for a `k`-byte key.
fn boundary_blocks(k: usize) -> Vec<(String, Vec<u8>)> {
    let block = |head: [u8; 2], separator: Option<usize>| {
        let mut em = vec![0x77u8; k];
        em[..2].copy_from_slice(&head);
        if let Some(s) = separator {
            em[s] = 0;
        }
        em
    };
    vec![
        ("no separator".to_string(), block([0, 2], None)),
        (
            "separator right after the header".to_string(),
            block([0, 2], Some(2)),
        ),
        ("PS of 7 bytes".to_string(), block([0, 2], Some(9))),
        ("PS of 8 bytes".to_string(), block([0, 2], Some(10))),
        ("empty message".to_string(), block([0, 2], Some(k - 1))),
        (
            "the key string's length".to_string(),
            block([0, 2], Some(k - 70)),
        ),
        ("block type 1".to_string(), block([0, 1], Some(k - 70))),
        ("first byte 1".to_string(), block([1, 2], Some(k - 70))),
    ]
}

#[test]
fn same_messages_as_the_rsa_crate_on_random_and_boundary_ciphertexts() {
    for (der, random_cases) in [(PKCS8_2048, 48), (PKCS8_4096, 8)] {
        let reference = RsaPrivateKey::from_pkcs8_der(der).unwrap();
        let k = reference.size();
        let keys = on_every_backend(der);
        let mut cases: Vec<(String, Vec<u8>)> = boundary_blocks(k)
            .into_iter()
            .map(|(name, em)| (name, encrypt_raw(&reference, &em)))
            .collect();
        for i in 0..random_cases {
            let mut c = vec![0u8; k];
            fill_random(&mut c).unwrap();
            c[0] = 0; // below n, whose top byte is not zero
            cases.push((format!("random {i}"), c));
        }
        let mut synthetic = 0;
        for (name, ciphertext) in &cases {
            let expected = reference.decrypt(Pkcs1v15Encrypt, ciphertext).unwrap();
            for key in &keys {
                let got = key.decrypt_implicit_rejection(ciphertext).unwrap();
                assert_eq!(
                    got.as_slice(),
                    expected,
                    "{} bits, {name}, on {}: ciphertext {}",
                    key.bits(),
                    key.backend().name(),
                    crate::keys::hex(ciphertext)
                );
            }
            if keys[0]
                .decrypt_revealing(crate::RsaPadding::Pkcs1v15, ciphertext)
                .is_err()
            {
                synthetic += 1;
            }
        }
        // All but the three valid boundary blocks are implicitly rejected.
        assert_eq!(synthetic, cases.len() - 3);
    }
}
