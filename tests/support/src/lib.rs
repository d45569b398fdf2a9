//! Test helpers shared by payseal's crates (the core's integration tests, the C ABI's tests and the
//! CLI's): the fixed test keys of `tests/keys/`, the `openssl` CLI — the independent
//! implementation every envelope is checked against — and [`alloc::TestAllocator`], the global
//! allocator of the test binaries that measure allocations and look for unwiped secrets.

pub mod alloc;
pub mod bounded;
pub mod hostile;
pub mod messages;
pub mod secrets;

use payseal::Backend;
use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The repository's root directory.
pub fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The path of a file in `tests/keys/`.
pub fn key_path(name: &str) -> PathBuf {
    repo_root().join("tests/keys").join(name)
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
        other => panic!("no openssl option for {other:?}"),
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

/// Standard padded Base64 (the `base64` crate, not payseal's own encoder).
pub fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes standard padded Base64 with nothing else allowed (no whitespace); `None` otherwise.
pub fn unb64_strict(text: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// Decodes standard Base64, ignoring ASCII whitespace (servers wrap it); panics on bad input.
pub fn unb64(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD
        .decode(compact)
        .expect("valid base64")
}
