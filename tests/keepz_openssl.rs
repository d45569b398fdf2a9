//! Interop with an independent implementation: the `openssl` CLI opens what payseal seals, and
//! payseal opens what the `openssl` CLI builds — for 2048- and 4096-bit keys, in every key format,
//! with both RSA paddings, on every backend.

use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::{Backend, RsaPadding};
use payseal_test_support::*;

const PAYLOAD: &str = r#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","amount":12.5,"note":"გამარჯობა"}"#;
const ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";

/// Opens a payseal envelope with openssl alone: pkeyutl for the key block, enc for the data.
fn open_with_openssl(body: &str, private_pem: &str, padding: RsaPadding) -> Vec<u8> {
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(v["identifier"], ID);
    assert_eq!(v["aes"], true);
    let block = unb64(v["encryptedKeys"].as_str().unwrap());
    let key_string = openssl_rsa_decrypt(private_pem, padding, &block);
    let key_string = String::from_utf8(key_string).unwrap();
    let (key, iv) = key_string.split_once('.').unwrap();
    let (key, iv) = (unb64(key), unb64(iv));
    assert_eq!((key.len(), iv.len()), (32, 16));
    openssl_aes(
        true,
        &key,
        &iv,
        &unb64(v["encryptedData"].as_str().unwrap()),
    )
}

/// Builds an envelope with openssl alone (random key and IV from `openssl rand`).
fn seal_with_openssl(payload: &[u8], public_pem: &str, padding: RsaPadding) -> String {
    let key = openssl(&["rand", "32"], b"");
    let iv = openssl(&["rand", "16"], b"");
    let data = openssl_aes(false, &key, &iv, payload);
    let key_string = format!("{}.{}", b64(&key), b64(&iv));
    let block = openssl_rsa_encrypt(public_pem, padding, key_string.as_bytes());
    serde_json::json!({
        "encryptedData": b64(&data),
        "encryptedKeys": b64(&block),
        "aes": true,
    })
    .to_string()
}

#[test]
fn openssl_opens_what_payseal_seals_in_every_public_key_format() {
    for bits in [2048, 4096] {
        for backend in Backend::available() {
            for file in public_key_files(bits) {
                for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
                    let keepz = Keepz::builder()
                        .seal_to(public_key(&file, backend))
                        .identifier(ID)
                        .padding(padding)
                        .build()
                        .unwrap();
                    let body = keepz.seal_bytes(PAYLOAD.as_bytes()).unwrap().to_json_body();
                    let opened = open_with_openssl(&body, &format!("rsa{bits}.pkcs8.pem"), padding);
                    assert_eq!(opened, PAYLOAD.as_bytes(), "{file} {backend:?} {padding:?}");
                }
            }
        }
    }
}

#[test]
fn payseal_opens_what_openssl_seals_in_every_private_key_format() {
    for bits in [2048, 4096] {
        for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
            let body =
                seal_with_openssl(PAYLOAD.as_bytes(), &format!("rsa{bits}.spki.pem"), padding);
            for backend in Backend::available() {
                for file in private_key_files(bits) {
                    let keepz = Keepz::builder()
                        .open_with(private_key(&file, backend))
                        .padding(padding)
                        .build()
                        .unwrap();
                    let opened = keepz.open(body.as_bytes()).unwrap();
                    assert_eq!(opened.as_str(), PAYLOAD, "{file} {backend:?} {padding:?}");
                }
            }
        }
    }
}

#[test]
fn query_string_carries_the_same_envelope_percent_encoded() {
    let keepz = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", Backend::default()))
        .identifier(ID)
        .build()
        .unwrap();
    let sealed = keepz.seal_bytes(PAYLOAD.as_bytes()).unwrap();
    let query = sealed.to_query_string();
    assert!(!query.contains('+') && !query.contains('/'), "{query}");
    assert!(query.ends_with("&aes=true"));
    // Decode the query with python's standard library, independently of payseal.
    let out = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, urllib.parse, json; print(json.dumps(dict(urllib.parse.parse_qsl(sys.argv[1], strict_parsing=True))))",
            &query,
        ])
        .output()
        .expect("python3");
    assert!(out.status.success());
    let decoded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(decoded["identifier"], ID);
    assert_eq!(decoded["encryptedData"], sealed.encrypted_data.as_str());
    assert_eq!(
        decoded["encryptedKeys"],
        sealed.encrypted_keys.as_deref().unwrap()
    );
    assert_eq!(decoded["aes"], "true");
    let opened = open_with_openssl(
        &serde_json::json!({"identifier": ID, "aes": true,
            "encryptedData": decoded["encryptedData"], "encryptedKeys": decoded["encryptedKeys"]})
        .to_string(),
        "rsa2048.pkcs8.pem",
        RsaPadding::OaepSha256,
    );
    assert_eq!(opened, PAYLOAD.as_bytes());
}

#[test]
fn legacy_mode_interoperates_with_openssl_pkcs1() {
    for bits in [2048, 4096] {
        for backend in Backend::available() {
            let keepz = Keepz::builder()
                .seal_to(public_key(&format!("rsa{bits}.spki.pem"), backend))
                .open_with(private_key(&format!("rsa{bits}.pkcs8.pem"), backend))
                .identifier(ID)
                .mode(EnvelopeMode::Legacy)
                .build()
                .unwrap();
            let sealed = keepz.seal_bytes(PAYLOAD.as_bytes()).unwrap();
            assert!(sealed.encrypted_keys.is_none());
            let body = sealed.to_json_body();
            assert!(!body.contains("aes"), "{body}");
            let block = unb64(&sealed.encrypted_data);
            let opened = openssl_rsa_decrypt(
                &format!("rsa{bits}.pkcs8.pem"),
                RsaPadding::Pkcs1v15,
                &block,
            );
            assert_eq!(opened, PAYLOAD.as_bytes());

            let block = openssl_rsa_encrypt(
                &format!("rsa{bits}.spki.pem"),
                RsaPadding::Pkcs1v15,
                PAYLOAD.as_bytes(),
            );
            let body = serde_json::json!({"encryptedData": b64(&block)}).to_string();
            assert_eq!(keepz.open(body.as_bytes()).unwrap().as_str(), PAYLOAD);
        }
    }
}
