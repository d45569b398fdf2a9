//! Shared helpers of the TransactPay integration tests: the fixed test keys, the openssl command
//! line, and the independent (Python standard library) writer of the dashboard key formats.
#![allow(dead_code)]

use payseal::Backend;
use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::Command;

/// The path of a file in `tests/keys`.
pub fn key_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/keys")
        .join(name)
}

/// The bytes of a file in `tests/keys`.
pub fn read_key(name: &str) -> Vec<u8> {
    std::fs::read(key_path(name)).unwrap_or_else(|e| panic!("reading tests/keys/{name}: {e}"))
}

/// Every backend compiled into this build.
pub fn backends() -> Vec<Backend> {
    let all = Backend::available();
    assert!(!all.is_empty());
    all
}

/// The fixed public key `rsa{bits}.spki.pem`, prepared for `backend`.
pub fn public_key(bits: usize, backend: Backend) -> PublicKey {
    PublicKey::parse_with(
        read_key(&format!("rsa{bits}.spki.pem")),
        &KeyOptions::with_backend(backend),
    )
    .expect("fixed public key")
}

/// The fixed private key `rsa{bits}.pkcs8.pem`, prepared for `backend`.
pub fn private_key(bits: usize, backend: Backend) -> PrivateKey {
    PrivateKey::parse_with(
        read_key(&format!("rsa{bits}.pkcs8.pem")),
        &KeyOptions::with_backend(backend),
    )
    .expect("fixed private key")
}

/// Runs `program` with `args`, asserts success, returns stdout.
fn run(program: &str, args: &[&OsStr]) -> Vec<u8> {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program} (is it installed?): {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The key forms written by `tests/transactpay_support/dotnet_key_xml.py` (openssl + Python
/// standard library, no payseal).
#[derive(Debug)]
pub struct DotNetKey {
    pub bits: usize,
    /// `RSA.ToXmlString(false)`.
    pub xml: String,
    /// `bits!` + xml.
    pub text: String,
    /// Base64 of text: the dashboard blob.
    pub blob: String,
    /// `RSA.ToXmlString(true)` (when a private key was given).
    pub private_xml: Option<String>,
    /// The private XML with a declaration, CRLF indentation and wrapped Base64.
    pub pretty_private_xml: Option<String>,
}

/// Runs the independent writer on `tests/keys/{public}` (and `{private}`, if given).
pub fn dotnet_key_files(public: &str, private: Option<&str>) -> DotNetKey {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/transactpay_support/dotnet_key_xml.py");
    let public = key_path(public);
    let mut args = vec![script.as_os_str(), public.as_os_str()];
    let private = private.map(key_path);
    if let Some(p) = &private {
        args.push(p.as_os_str());
    }
    let out = run("python3", &args);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("script prints JSON");
    let text = |name: &str| v[name].as_str().map(str::to_string);
    DotNetKey {
        bits: v["bits"].as_u64().expect("bits") as usize,
        xml: text("xml").expect("xml"),
        text: text("text").expect("text"),
        blob: text("blob").expect("blob"),
        private_xml: text("private_xml"),
        pretty_private_xml: text("pretty_private_xml"),
    }
}

/// The independent key forms of the fixed key pair `rsa{bits}`.
pub fn dotnet_key(bits: usize) -> DotNetKey {
    dotnet_key_files(
        &format!("rsa{bits}.spki.pem"),
        Some(&format!("rsa{bits}.pkcs8.pem")),
    )
}

/// `openssl pkeyutl` with PKCS#1 v1.5 padding on the fixed key `rsa{bits}`, through temp files.
fn pkeyutl(bits: usize, decrypt: bool, input: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let input_path = dir.path().join("in.bin");
    let output_path = dir.path().join("out.bin");
    std::fs::write(&input_path, input).expect("write temp file");
    let key = if decrypt {
        key_path(&format!("rsa{bits}.pkcs8.pem"))
    } else {
        key_path(&format!("rsa{bits}.spki.pem"))
    };
    let direction: &[&str] = if decrypt {
        &["-decrypt"]
    } else {
        &["-encrypt", "-pubin"]
    };
    let mut args: Vec<&OsStr> = vec![OsStr::new("pkeyutl")];
    args.extend(direction.iter().map(OsStr::new));
    args.extend([
        OsStr::new("-inkey"),
        key.as_os_str(),
        OsStr::new("-pkeyopt"),
        OsStr::new("rsa_padding_mode:pkcs1"),
        OsStr::new("-in"),
        input_path.as_os_str(),
        OsStr::new("-out"),
        output_path.as_os_str(),
    ]);
    run("openssl", &args);
    std::fs::read(&output_path).expect("read openssl output")
}

/// `openssl pkeyutl -decrypt` with `rsa{bits}.pkcs8.pem`, PKCS#1 v1.5.
pub fn openssl_decrypt(bits: usize, ciphertext: &[u8]) -> Vec<u8> {
    pkeyutl(bits, true, ciphertext)
}

/// `openssl pkeyutl -encrypt -pubin` with `rsa{bits}.spki.pem`, PKCS#1 v1.5.
pub fn openssl_encrypt(bits: usize, plaintext: &[u8]) -> Vec<u8> {
    pkeyutl(bits, false, plaintext)
}

/// Standard padded Base64, written with the `base64` crate directly (not payseal's wrapper).
pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Standard Base64 decoding, with the `base64` crate directly.
pub fn unb64(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .expect("Base64")
}
