//! `KeepzDiagnostics`: the offline explanation of an envelope that does not open — what it says
//! (the public facts, one bit for the key block, one for the payload), what it does not (which
//! padding check failed, the key string's or the plaintext's length, serde's position), and the
//! other padding only when asked. Envelopes with chosen defects are forged with the `openssl` CLI.

use payseal::keepz::{DiagnoseOptions, Diagnosis, Keepz, KeepzDiagnostics, KeepzOptions};
use payseal::keys::PrivateKey;
use payseal::{Backend, RsaPadding};
use payseal_test_support::*;

/// The defaults: the other padding is not tried.
fn ask_nothing() -> DiagnoseOptions {
    DiagnoseOptions::default()
}

fn other_padding() -> DiagnoseOptions {
    DiagnoseOptions::default().try_other_padding(true)
}

/// The diagnostics handle for the 2048-bit test key under `padding`.
fn doctor(padding: RsaPadding, backend: Backend) -> KeepzDiagnostics {
    let options = KeepzOptions {
        padding,
        ..KeepzOptions::default()
    };
    KeepzDiagnostics::new(private_key("rsa2048.pkcs8.pem", backend), options)
}

/// A hybrid body of `ciphertext` and a key block holding `key_string`, OAEP-encrypted to the
/// 2048-bit test key by openssl.
fn forged(key_string: &[u8], ciphertext: &[u8]) -> String {
    let keys = openssl_rsa_encrypt("rsa2048.spki.pem", RsaPadding::OaepSha256, key_string);
    serde_json::json!({"encryptedData": b64(ciphertext), "encryptedKeys": b64(&keys), "aes": true})
        .to_string()
}

const KEY: [u8; 32] = [0x5a; 32];
const IV: [u8; 16] = [0xa5; 16];

fn key_string() -> String {
    format!("{}.{}", b64(&KEY), b64(&IV))
}

fn reason(d: &Diagnosis) -> &str {
    d.reason.as_deref().unwrap_or("(opens)")
}

#[test]
fn a_good_envelope_opens_and_the_wrong_settings_are_named() {
    let backend = Backend::default();
    let sealer = |padding| {
        Keepz::builder()
            .seal_to(public_key("rsa2048.spki.pem", backend))
            .padding(padding)
            .build()
            .unwrap()
    };
    let oaep_body = sealer(RsaPadding::OaepSha256)
        .seal_bytes(br#"{"ok":true}"#)
        .unwrap();
    let body = oaep_body.to_json_body();
    let d = doctor(RsaPadding::OaepSha256, backend).explain(body.as_bytes(), ask_nothing());
    assert!(d.opens && d.reason.is_none(), "{d:?}");

    // The other padding: one bit unless asked, the fix when asked.
    let pkcs1 = doctor(RsaPadding::Pkcs1v15, backend);
    let d = pkcs1.explain(body.as_bytes(), ask_nothing());
    assert!(!d.opens);
    assert!(
        reason(&d).contains("does not open under RSA pkcs1v15"),
        "{d:?}"
    );
    assert!(
        !format!("{d:?}").contains("oaep"),
        "tried OAEP unasked: {d:?}"
    );
    let d = pkcs1.explain(body.as_bytes(), other_padding());
    assert!(
        reason(&d).contains("set the padding to oaep-sha256"),
        "{d:?}"
    );
    let pkcs1_body = sealer(RsaPadding::Pkcs1v15)
        .seal_bytes(b"{}")
        .unwrap()
        .to_json_body();
    let d = doctor(RsaPadding::OaepSha256, backend).explain(pkcs1_body.as_bytes(), other_padding());
    assert!(reason(&d).contains("set the padding to pkcs1v15"), "{d:?}");

    // Another key of the same size, and of another size.
    let stranger = KeepzDiagnostics::new(
        PrivateKey::generate_with(2048, backend).unwrap(),
        KeepzOptions::default(),
    );
    let d = stranger.explain(body.as_bytes(), other_padding());
    assert!(reason(&d).contains("another public key"), "{d:?}");
    let big = KeepzDiagnostics::new(
        private_key("rsa4096.pkcs8.pem", backend),
        KeepzOptions::default(),
    );
    let d = big.explain(body.as_bytes(), ask_nothing());
    assert!(reason(&d).contains("different key"), "{d:?}");

    // URL-safe Base64, a gateway error body, HTML.
    let keys = oaep_body.encrypted_keys.clone().unwrap();
    let url = keys.replace('+', "-").replace('/', "_");
    let oaep = doctor(RsaPadding::OaepSha256, backend);
    if url != keys {
        let b =
            serde_json::json!({"encryptedData": oaep_body.encrypted_data, "encryptedKeys": url})
                .to_string();
        let d = oaep.explain(b.as_bytes(), ask_nothing());
        assert!(reason(&d).contains("URL-safe"), "{d:?}");
    }
    let d = oaep.explain(
        br#"{"message":"m","statusCode":6010,"exceptionGroup":6}"#,
        ask_nothing(),
    );
    assert!(reason(&d).contains("6010"), "{d:?}");
    let d = oaep.explain(b"<html>502</html>", ask_nothing());
    assert!(reason(&d).contains("HTML"), "{d:?}");
}

/// The key block: an invalid RSA padding, a key string one byte short or long, and a key string
/// that is not Base64 all get the same answer — no length of what was decrypted, no "which".
#[test]
fn one_answer_for_every_key_block_defect() {
    let oaep = doctor(RsaPadding::OaepSha256, Backend::default());
    let ciphertext = openssl_aes(false, &KEY, &IV, br#"{"a":1}"#);
    let good = key_string();
    let bad_padding = {
        let pkcs1 = openssl_rsa_encrypt("rsa2048.spki.pem", RsaPadding::Pkcs1v15, good.as_bytes());
        serde_json::json!({"encryptedData": b64(&ciphertext), "encryptedKeys": b64(&pkcs1)})
            .to_string()
    };
    let short = &good.as_bytes()[..good.len() - 1];
    let long = format!("{good}A");
    let not_base64 = good.replacen('W', "*", 1);
    assert_ne!(not_base64, good);
    let cases = [
        ("a padding that is not OAEP", bad_padding),
        ("a 68-byte key string", forged(short, &ciphertext)),
        ("a 70-byte key string", forged(long.as_bytes(), &ciphertext)),
        (
            "a key string that is not Base64",
            forged(not_base64.as_bytes(), &ciphertext),
        ),
    ];
    let control = forged(good.as_bytes(), &ciphertext);
    assert!(oaep.explain(control.as_bytes(), ask_nothing()).opens);
    let answers: Vec<(&str, Diagnosis)> = cases
        .iter()
        .map(|(what, body)| (*what, oaep.explain(body.as_bytes(), ask_nothing())))
        .collect();
    for (what, d) in &answers {
        assert!(!d.opens, "{what}");
        assert_eq!(d.reason, answers[0].1.reason, "{what}: {d:?}");
        assert_eq!(d.steps, answers[0].1.steps, "{what}: {d:?}");
        // Past the first step (the key's size and fingerprint).
        let text = format!("{:?} {:?}", &d.steps[1..], d.reason);
        for leak in ["68 ", "69 ", "70 ", "key string", "PKCS#1"] {
            assert!(!text.contains(leak), "{what}: {leak:?} in {text}");
        }
    }
}

/// The payload: a bad CBC padding, bad UTF-8, bad JSON syntax, a string at the top level and 200
/// levels of nesting all get the same answer, and it names no position and no length.
#[test]
fn one_answer_for_every_payload_defect() {
    let oaep = doctor(RsaPadding::OaepSha256, Backend::default());
    let good = key_string();
    let padded = |plaintext: &[u8]| openssl_aes(false, &KEY, &IV, plaintext);
    // Two blocks: flipping the last byte of the first flips the last plaintext byte, the padding.
    let mut bad_cbc_padding = padded(br#"{"a":"xxxxxxxxxxxxxxxxxxxx"}"#);
    let last = bad_cbc_padding.len() - 17;
    bad_cbc_padding[last] ^= 0x01;
    let deep = "[".repeat(200) + &"]".repeat(200);
    let ciphertexts = [
        ("a bad CBC padding", bad_cbc_padding),
        ("bad UTF-8", padded(b"{\"a\":\"\xff\xfe\"}")),
        ("JSON cut short", padded(br#"{"a":[1,2,{"b":"#)),
        ("a string at the top level", padded(br#""just text""#)),
        ("200 levels of nesting", padded(deep.as_bytes())),
    ];
    let answers: Vec<(&str, Diagnosis)> = ciphertexts
        .iter()
        .map(|(what, c)| {
            let body = forged(good.as_bytes(), c);
            (*what, oaep.explain(body.as_bytes(), ask_nothing()))
        })
        .collect();
    for (what, d) in &answers {
        assert!(!d.opens, "{what}");
        assert_eq!(d.reason, answers[0].1.reason, "{what}: {d:?}");
        assert!(
            reason(d).contains("does not decrypt, under the key and IV of encryptedKeys"),
            "{what}: {d:?}"
        );
        let text = format!("{:?} {:?}", &d.steps[1..], d.reason);
        for leak in ["line", "column", "PKCS#7", "padding", "EOF", " bytes of"] {
            assert!(!text.contains(leak), "{what}: {leak:?} in {text}");
        }
    }
}

/// Legacy envelopes: one answer, whatever is wrong inside the block.
#[test]
fn legacy_blocks_get_one_answer() {
    let backend = Backend::default();
    let doctor = KeepzDiagnostics::new(
        private_key("rsa2048.pkcs8.pem", backend),
        KeepzOptions {
            mode: payseal::keepz::EnvelopeMode::Legacy,
            ..KeepzOptions::default()
        },
    );
    let block = |message: &[u8], padding| {
        let block = openssl_rsa_encrypt("rsa2048.spki.pem", padding, message);
        serde_json::json!({"encryptedData": b64(&block)}).to_string()
    };
    let good = block(br#"{"a":1}"#, RsaPadding::Pkcs1v15);
    let d = doctor.explain(good.as_bytes(), ask_nothing());
    assert!(d.opens, "{d:?}");
    let bad = [
        block(br#"{"a":1}"#, RsaPadding::OaepSha256),
        block(b"not json", RsaPadding::Pkcs1v15),
        block(b"\"a string\"", RsaPadding::Pkcs1v15),
    ];
    let reasons: Vec<Option<String>> = bad
        .iter()
        .map(|b| doctor.explain(b.as_bytes(), other_padding()).reason)
        .collect();
    assert!(
        reasons.iter().all(|r| r.is_some() && *r == reasons[0]),
        "{reasons:?}"
    );
}
