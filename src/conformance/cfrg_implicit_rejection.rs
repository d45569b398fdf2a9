//! The implicit-rejection test vectors of draft-irtf-cfrg-rsa-guidance, Appendix B (keys of 2048,
//! 2049, 3072 and 4096 bits, 12 ciphertexts each), byte for byte on every backend. The data is in
//! `tests/vectors/cfrg_rsa_guidance/` (see its README for where it comes from).

use super::{envelopes_refuse, on_every_backend, unhex};
use crate::backend::RsaPadding;
use serde_json::Value;

const CASES: &str = include_str!("../../tests/vectors/cfrg_rsa_guidance/test_cases.json");

fn key_pem(name: &str) -> &'static str {
    match name {
        "k2048.pem" => include_str!("../../tests/vectors/cfrg_rsa_guidance/k2048.pem"),
        "k2049.pem" => include_str!("../../tests/vectors/cfrg_rsa_guidance/k2049.pem"),
        "k3072.pem" => include_str!("../../tests/vectors/cfrg_rsa_guidance/k3072.pem"),
        "k4096.pem" => include_str!("../../tests/vectors/cfrg_rsa_guidance/k4096.pem"),
        other => panic!("unknown key {other}"),
    }
}

/// The expected message of a case: `{"ascii": …}`, `{"hex": …}` or `{"empty": true}`.
fn expected(expect: &Value) -> Vec<u8> {
    if let Some(ascii) = expect["ascii"].as_str() {
        ascii.as_bytes().to_vec()
    } else if let Some(hex) = expect["hex"].as_str() {
        unhex(hex)
    } else {
        assert_eq!(expect["empty"], Value::Bool(true), "{expect}");
        Vec::new()
    }
}

#[test]
fn every_appendix_b_vector_reproduces_on_every_backend() {
    let sections: serde_json::Map<String, Value> = serde_json::from_str(CASES).unwrap();
    assert_eq!(sections.len(), 4);
    let mut checked = 0;
    for (section, content) in &sections {
        let pem = key_pem(content["key_pem"].as_str().unwrap());
        let der = crate::keys::PrivateKey::parse(pem)
            .unwrap()
            .export(crate::keys::KeyFormat::Der);
        let cases = content["cases"].as_array().unwrap();
        assert_eq!(cases.len(), 12, "{section}");
        for key in on_every_backend(&der) {
            let backend = key.backend().name();
            for case in cases {
                let id = case["id"].as_str().unwrap();
                let ciphertext = unhex(case["ciphertext_hex"].as_str().unwrap());
                let valid = case["valid"].as_bool().unwrap();
                let want = expected(&case["expect"]);

                let got = key.decrypt_implicit_rejection(&ciphertext).unwrap();
                assert_eq!(got.as_slice(), want, "{backend} {id}");
                // Valid exactly when the explicit padding check agrees.
                let explicit = key.decrypt_revealing(RsaPadding::Pkcs1v15, &ciphertext);
                assert_eq!(explicit.is_ok(), valid, "{backend} {id}");
                if !valid {
                    envelopes_refuse(&key, &ciphertext, RsaPadding::Pkcs1v15, id);
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 48 * crate::backend::Backend::available().len());
}
