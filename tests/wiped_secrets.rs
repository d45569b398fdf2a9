//! Wiped secrets, proven: this test binary's global allocator (payseal-test-support's
//! `TestAllocator`) scans, while a scenario is armed, every block the Rust allocator frees for
//! secrets that should have been wiped first:
//!
//! - the **plaintext** of a payload (a distinctive marker repeated through it);
//! - the **decrypted key string** `<44 Base64>.<24 Base64>` (69 bytes) that Keepz wraps with RSA —
//!   the AES key and IV are random and internal, so the detector looks for the *shape*, in both
//!   byte orders (big-endian bytes, and the reversed order of little-endian bignum limbs);
//! - the **private key**: 32-byte windows from the middle of the private exponent `d` and the
//!   primes `p` and `q` (both byte orders), and a window of the PEM's Base64 text.
//!
//! Each detector is first shown to fire on a deliberately unwiped copy (a positive control), so a
//! clean result means something. What this cannot see: memory that a C library allocates and
//! frees itself (AWS-LC's `OPENSSL_malloc`/`OPENSSL_free` do not go through Rust's global
//! allocator), stack frames and registers, and memory never freed while armed. See SECURITY.md.
//! The same scan through the C ABI is in `ffi/src/tests/wiped_secrets.rs`.

use payseal::Backend;
use payseal::keepz::Keepz;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
#[cfg(feature = "rustcrypto")]
use payseal_test_support::alloc::unwiped_after_drop;
use payseal_test_support::alloc::{Secrets, TestAllocator, lock, scanned_blocks};
use payseal_test_support::secrets::*;
use payseal_test_support::*;
use zeroize::Zeroizing;

#[global_allocator]
static ALLOC: TestAllocator = TestAllocator;

// ---------------------------------------------------------------------------------------------
// Positive controls: every detector fires on an unwiped copy.

#[test]
fn the_detectors_fire_on_unwiped_copies() {
    let _g = lock();
    let mut secrets = Secrets::new();
    secrets.add("marker", MARKER.as_bytes());
    let der = pkcs8_der();
    add_private_key(&mut secrets, &der, &pkcs8_pem());
    let ints = rsa_integers(&der);

    let found = secrets.armed(|| {
        drop(format!("xx{MARKER}yy"));
        let key_string = format!("{}.{}", b64(&[7u8; 32]), b64(&[9u8; 16]));
        drop(key_string.clone());
        drop(
            key_string
                .into_bytes()
                .into_iter()
                .rev()
                .collect::<Vec<u8>>(),
        );
        drop(ints[3].clone()); // d, big-endian
        drop(ints[4].iter().rev().copied().collect::<Vec<u8>>()); // p in limb order
        drop(pkcs8_pem().to_vec()); // the PEM text (the Zeroizing original is wiped)
    });
    for expected in [
        "marker",
        "key string",
        "private d (",
        "private p (limb",
        "PEM text",
    ] {
        assert!(
            found
                .iter()
                .any(|f| f.starts_with(expected) || f.contains(expected)),
            "the {expected} detector did not fire: {found:?}"
        );
    }
    // Wiped copies are not reported.
    let found = secrets.armed(|| {
        drop(Zeroizing::new(MARKER.as_bytes().to_vec())); // not format!: it grows by realloc
        drop(Zeroizing::new(ints[3].clone()));
    });
    assert!(found.is_empty(), "{found:?}");
    assert!(scanned_blocks() > 0);
}

// ---------------------------------------------------------------------------------------------
// The Rust API.

fn keepz_pair(backend: Backend) -> (Keepz, Keepz) {
    let sender = Keepz::builder()
        .seal_to(public_key("rsa2048.spki.pem", backend))
        .build()
        .unwrap();
    let receiver = Keepz::builder()
        .open_with(private_key("rsa2048.pkcs8.pem", backend))
        .build()
        .unwrap();
    (sender, receiver)
}

/// Sealing a payload (as a serde value and as bytes) leaves no plaintext and no key string in
/// freed memory, on each backend.
#[test]
fn seal_leaves_no_plaintext_or_key_string() {
    let _g = lock();
    for backend in Backend::available() {
        let (sender, _) = keepz_pair(backend);
        let (mut value, bytes) = marker_payload();
        let mut secrets = Secrets::new();
        secrets.add("plaintext", MARKER.as_bytes());
        let mut sealed = Vec::new();
        let found = secrets.armed(|| {
            for _ in 0..4 {
                sealed.push(sender.seal(&value).unwrap());
                sealed.push(sender.seal_bytes(&bytes).unwrap());
            }
        });
        assert!(
            found.is_empty(),
            "{backend:?}: seal left {found:?} in freed memory"
        );
        wipe_value(&mut value);
    }
}

/// TransactPay sealing (one RSA block of the JSON) leaves no plaintext in freed memory.
#[test]
fn transactpay_seal_leaves_no_plaintext() {
    let _g = lock();
    for backend in Backend::available() {
        let t = TransactPay::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", backend))
            .build()
            .unwrap();
        let mut value = serde_json::json!({"reference": MARKER, "note": MARKER, "x": MARKER});
        let mut secrets = Secrets::new();
        secrets.add("plaintext", MARKER.as_bytes());
        let mut sealed = Vec::new();
        let found = secrets.armed(|| {
            for _ in 0..4 {
                sealed.push(t.seal(&value).unwrap());
            }
        });
        assert!(
            found.is_empty(),
            "{backend:?}: seal left {found:?} in freed memory"
        );
        // Opening, then dropping the plaintext.
        let bodies: Vec<String> = sealed.iter().map(|s| s.to_json_body()).collect();
        let found = secrets.armed(|| {
            for body in &bodies {
                let opened = t.open(body.as_bytes()).unwrap();
                assert!(opened.as_str().contains(MARKER));
            }
        });
        assert!(
            found.is_empty(),
            "{backend:?}: open left {found:?} in freed memory"
        );
        wipe_value(&mut value);
    }
}

/// Opening a response (and dropping the plaintext) leaves no plaintext and no key string in
/// freed memory, on each backend, in the hybrid and legacy modes.
#[test]
fn open_leaves_no_plaintext_or_key_string() {
    let _g = lock();
    for backend in Backend::available() {
        let (sender, receiver) = keepz_pair(backend);
        let (mut value, _bytes) = marker_payload();
        let bodies: Vec<String> = (0..4)
            .map(|_| sender.seal(&value).unwrap().to_json_body())
            .collect();
        let mut secrets = Secrets::new();
        secrets.add("plaintext", MARKER.as_bytes());
        let found = secrets.armed(|| {
            for body in &bodies {
                let opened = receiver.open(body.as_bytes()).unwrap();
                assert!(opened.as_str().contains(MARKER));
                let opened = receiver
                    .open_response(200, body.as_bytes())
                    .unwrap()
                    .unwrap();
                assert!(opened.as_str().contains(MARKER));
            }
            // Failures: a tampered key block and tampered data take the same path.
            let mut tampered: serde_json::Value = serde_json::from_str(&bodies[0]).unwrap();
            tampered["encryptedData"] = serde_json::Value::String(
                serde_json::from_str::<serde_json::Value>(&bodies[1]).unwrap()["encryptedData"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
            assert!(receiver.open(tampered.to_string().as_bytes()).is_err());
        });
        assert!(
            found.is_empty(),
            "{backend:?}: open left {found:?} in freed memory"
        );

        // Legacy mode: the whole payload is one RSA block.
        let legacy_payload = format!(r#"{{"a":"{MARKER}","b":"{MARKER}"}}"#);
        let legacy_sender = Keepz::builder()
            .seal_to(public_key("rsa2048.spki.pem", backend))
            .mode(payseal::keepz::EnvelopeMode::Legacy)
            .build()
            .unwrap();
        let legacy_receiver = Keepz::builder()
            .open_with(private_key("rsa2048.pkcs8.pem", backend))
            .mode(payseal::keepz::EnvelopeMode::Legacy)
            .build()
            .unwrap();
        let found = secrets.armed(|| {
            let body = legacy_sender
                .seal_bytes(legacy_payload.as_bytes())
                .unwrap()
                .to_json_body();
            let opened = legacy_receiver.open(body.as_bytes()).unwrap();
            assert_eq!(opened.as_str(), legacy_payload);
        });
        assert!(
            found.is_empty(),
            "{backend:?}: legacy left {found:?} in freed memory"
        );
        wipe_value(&mut value);
        drop(Zeroizing::new(legacy_payload.into_bytes()));
    }
}

/// Parsing a private key (PEM, DER, PKCS#1, bare Base64), using it on both gateways and dropping
/// every handle leaves no window of d, p, q or of the PEM text in freed memory, on the aws-lc
/// backend (its Rust side: AWS-LC's own allocations are out of view, see the module docs).
#[test]
#[cfg(feature = "aws-lc")]
fn private_key_handle_drop_leaves_no_key_material_aws_lc() {
    let _g = lock();
    let found = key_lifecycle(Backend::AwsLc, Phase::All);
    assert!(
        found.is_empty(),
        "aws-lc: key handling left {found:?} in freed memory"
    );
}

/// On the rustcrypto backend, the `rsa` crate (0.10.0-rc.20) leaves copies of the primes p and q
/// in freed memory, in two places payseal cannot reach: `RsaPrivateKey::precompute` (at parse)
/// and `rsa_decrypt` (at every private-key operation) clone p and q into Montgomery parameters
/// they free unwiped — both marked "TODO(tarcieri): zeroize intermediates" upstream. This test
/// pins that state: nothing *else* of the key (d, the PEM text) and no plaintext or key string
/// is left, and if the p/q copies disappear (an rsa upgrade) it fails so that the exception is
/// removed here and in SECURITY.md.
#[test]
#[cfg(feature = "rustcrypto")]
fn private_key_material_on_rustcrypto_only_the_known_upstream_prime_copies() {
    let _g = lock();
    let mut all = Vec::new();
    for phase in [Phase::Parse, Phase::UseAndDrop] {
        let found = key_lifecycle(Backend::RustCrypto, phase);
        assert!(
            found.iter().all(|f| is_known_rsa_crate_leak(f)),
            "rustcrypto: more than the known p/q temporaries left in freed memory: {found:?}"
        );
        all.extend(found);
    }
    assert!(
        !all.is_empty(),
        "rustcrypto: the rsa crate no longer leaves p/q temporaries; remove the exception here \
         and in SECURITY.md"
    );
}

// Which variants a build uses depends on the backends compiled in.
#[allow(dead_code)]
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    /// Parse, use and drop, all armed.
    All,
    /// Only parsing armed.
    Parse,
    /// Parsed beforehand; using and dropping armed.
    UseAndDrop,
}

fn key_lifecycle(backend: Backend, phase: Phase) -> Vec<String> {
    let der = pkcs8_der();
    let pem = pkcs8_pem();
    let pkcs1_pem = Zeroizing::new(key_bytes("rsa2048.pkcs1.pem"));
    let pkcs8_b64 = Zeroizing::new(key_bytes("rsa2048.pkcs8.b64"));
    let mut secrets = Secrets::new();
    add_private_key(&mut secrets, &der, &pem);
    let options = KeyOptions::with_backend(backend);
    let inputs = [&pem[..], &der[..], &pkcs1_pem[..], &pkcs8_b64[..]];
    let parse = || -> Vec<PrivateKey> {
        inputs
            .iter()
            .map(|input| PrivateKey::parse_with(input, &options).unwrap())
            .collect()
    };
    let use_and_drop = |keys: Vec<PrivateKey>| {
        for key in keys {
            let keepz = Keepz::builder()
                .seal_to(key.public_key().clone())
                .open_with(key.clone())
                .build()
                .unwrap();
            let body = keepz.seal_bytes(br#"{"ok":true}"#).unwrap().to_json_body();
            assert!(keepz.open(body.as_bytes()).is_ok());
            let t = TransactPay::builder().open_with(key).build().unwrap();
            let body = t.seal_bytes(br#"{"ok":true}"#).unwrap().to_json_body();
            assert!(t.open(body.as_bytes()).is_ok());
            drop(t);
            drop(keepz);
        }
    };
    match phase {
        Phase::All => secrets.armed(|| use_and_drop(parse())),
        Phase::Parse => {
            let mut keys = Vec::new();
            let found = secrets.armed(|| keys = parse());
            drop(keys);
            found
        }
        Phase::UseAndDrop => {
            let keys = parse();
            secrets.armed(|| use_and_drop(keys))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The RustCrypto AES key schedule.

/// The rustcrypto backend's AES-256 key schedule (which contains the key) and CBC chaining block
/// are wiped when the cipher is dropped: `aes` and `cbc` are built with their `zeroize` features
/// (aes 0.9: `Drop` zeroizes the whole key-schedule struct, both the AES-NI and the software
/// layouts; cbc 0.2: the IV). payseal keeps the cipher on the stack, which the allocator cannot
/// see, so the test moves the very types payseal uses to the heap and watches that block: after
/// the drop it must be all zeros. The positive control is a block of the same size that is not.
#[test]
#[cfg(feature = "rustcrypto")]
fn rustcrypto_aes_key_schedule_and_iv_are_wiped_on_drop() {
    use cbc::cipher::KeyIvInit;
    let _g = lock();
    let (key, iv) = ([0x42u8; 32], [0x24u8; 16]);
    type Decryptor = cbc::Decryptor<aes::Aes256>;
    type Encryptor = cbc::Encryptor<aes::Aes256>;
    let control = unwiped_after_drop(|| [0x99u8; std::mem::size_of::<Decryptor>()]);
    assert_eq!(
        control, 1,
        "the all-zero detector does not fire on an unwiped block"
    );
    let decryptor = unwiped_after_drop(|| Decryptor::new_from_slices(&key, &iv).unwrap());
    let encryptor = unwiped_after_drop(|| Encryptor::new_from_slices(&key, &iv).unwrap());
    assert_eq!(
        (decryptor, encryptor),
        (0, 0),
        "a dropped AES-256-CBC cipher left its key schedule or IV in freed memory"
    );
}
