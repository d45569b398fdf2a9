//! Shared helpers for the integration tests: the fixed test keys and the `openssl` CLI, which is
//! the independent implementation every envelope is checked against.
#![allow(dead_code)]

use payseal::Backend;
use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The path of a file in `tests/keys/`.
pub fn key_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/keys")
        .join(name)
}

/// The bytes of a file in `tests/keys/`.
pub fn key_bytes(name: &str) -> Vec<u8> {
    std::fs::read(key_path(name)).unwrap_or_else(|e| panic!("reading {name}: {e}"))
}

/// Every public-key file of a size, with the format it is in.
pub fn public_key_files(bits: usize) -> Vec<String> {
    [
        "spki.pem",
        "pkcs1-pub.pem",
        "spki.der",
        "spki.b64",
        "spki.wrapped.b64",
    ]
    .iter()
    .map(|suffix| format!("rsa{bits}.{suffix}"))
    .collect()
}

/// Every private-key file of a size.
pub fn private_key_files(bits: usize) -> Vec<String> {
    [
        "pkcs8.pem",
        "pkcs1.pem",
        "pkcs8.der",
        "pkcs1.der",
        "pkcs8.b64",
        "pkcs8.wrapped.b64",
    ]
    .iter()
    .map(|suffix| format!("rsa{bits}.{suffix}"))
    .collect()
}

pub fn public_key(name: &str, backend: Backend) -> PublicKey {
    PublicKey::parse_with(key_bytes(name), &KeyOptions::with_backend(backend))
        .unwrap_or_else(|e| panic!("{name} on {backend:?}: {e}"))
}

pub fn private_key(name: &str, backend: Backend) -> PrivateKey {
    PrivateKey::parse_with(key_bytes(name), &KeyOptions::with_backend(backend))
        .unwrap_or_else(|e| panic!("{name} on {backend:?}: {e}"))
}

/// Runs `openssl` with `args`, feeding `stdin`, and returns stdout; panics with stderr on failure.
pub fn openssl(args: &[&str], stdin: &[u8]) -> Vec<u8> {
    let mut child = Command::new("openssl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the openssl CLI must be installed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write to openssl");
    let out = child.wait_with_output().expect("openssl output");
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// `openssl pkeyutl` option list for a padding.
pub fn pkeyutl_padding(padding: payseal::RsaPadding) -> Vec<&'static str> {
    match padding {
        payseal::RsaPadding::OaepSha256 => vec![
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:sha256",
            "-pkeyopt",
            "rsa_mgf1_md:sha256",
        ],
        payseal::RsaPadding::Pkcs1v15 => vec!["-pkeyopt", "rsa_padding_mode:pkcs1"],
    }
}

/// RSA-decrypts `block` with the private key file `key` via `openssl pkeyutl`.
pub fn openssl_rsa_decrypt(key: &str, padding: payseal::RsaPadding, block: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.bin");
    std::fs::write(&input, block).expect("write block");
    let key = key_path(key);
    let mut args = vec![
        "pkeyutl",
        "-decrypt",
        "-inkey",
        key.to_str().expect("utf8 path"),
        "-in",
        input.to_str().expect("utf8 path"),
    ];
    args.extend(pkeyutl_padding(padding));
    openssl(&args, b"")
}

/// RSA-encrypts `msg` to the public key file `key` via `openssl pkeyutl`.
pub fn openssl_rsa_encrypt(key: &str, padding: payseal::RsaPadding, msg: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in.bin");
    std::fs::write(&input, msg).expect("write msg");
    let key = key_path(key);
    let mut args = vec![
        "pkeyutl",
        "-encrypt",
        "-pubin",
        "-inkey",
        key.to_str().expect("utf8 path"),
        "-in",
        input.to_str().expect("utf8 path"),
    ];
    args.extend(pkeyutl_padding(padding));
    openssl(&args, b"")
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// AES-256-CBC (PKCS#7) with `openssl enc`.
pub fn openssl_aes(decrypt: bool, key: &[u8], iv: &[u8], input: &[u8]) -> Vec<u8> {
    let (k, i) = (hex(key), hex(iv));
    let mut args = vec!["enc", "-aes-256-cbc", "-K", &k, "-iv", &i];
    if decrypt {
        args.push("-d");
    }
    openssl(&args, input)
}

pub fn b64(bytes: &[u8]) -> String {
    payseal::encoding::base64::encode(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    payseal::encoding::base64::decode_lenient(text.as_bytes()).expect("valid base64")
}
