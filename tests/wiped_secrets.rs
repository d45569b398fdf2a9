//! Wiped secrets, proven: this test binary's global allocator wraps `System` and, while a scenario
//! is armed, scans every block the Rust allocator frees for secrets that should have been wiped
//! first:
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

mod common;

use common::*;
use payseal::Backend;
use payseal::ffi::{
    payseal_buffer, payseal_buffer_free, payseal_keepz, payseal_keepz_free, payseal_keepz_new,
    payseal_keepz_open, payseal_keepz_seal, payseal_keygen, payseal_status,
};
use payseal::keepz::Keepz;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use zeroize::Zeroizing;

// ---------------------------------------------------------------------------------------------
// The scanning allocator.

const SLOTS: usize = 16;
const MAX_PATTERN: usize = 64;

struct Pattern {
    bytes: UnsafeCell<[u8; MAX_PATTERN]>,
    len: AtomicUsize,
    hits: AtomicUsize,
}

// SAFETY: `bytes` is written only while disarmed (under SCENARIO) and read only while armed.
unsafe impl Sync for Pattern {}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Pattern = Pattern {
    bytes: UnsafeCell::new([0; MAX_PATTERN]),
    len: AtomicUsize::new(0),
    hits: AtomicUsize::new(0),
};
static PATTERNS: [Pattern; SLOTS] = [EMPTY; SLOTS];
static KEY_STRING_HITS: AtomicUsize = AtomicUsize::new(0);
static ARMED: AtomicBool = AtomicBool::new(false);
static SCANNED_BLOCKS: AtomicUsize = AtomicUsize::new(0);
/// When non-zero: a freed block of exactly this many bytes must be all zeros (a wiped object
/// whose content is not a known pattern, such as an expanded AES key schedule).
static WATCHED_SIZE: AtomicUsize = AtomicUsize::new(0);
static UNWIPED_WATCHED: AtomicUsize = AtomicUsize::new(0);

fn is_b64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/'
}

/// Whether `block` holds `<43 Base64>=.<22 Base64>==` (or that text reversed) anywhere.
fn has_key_string(block: &[u8]) -> bool {
    if block.len() < 69 {
        return false;
    }
    for i in 0..=block.len() - 69 {
        let w = &block[i..i + 69];
        let forward = w[43] == b'='
            && w[44] == b'.'
            && w[67] == b'='
            && w[68] == b'='
            && w[..43].iter().all(|&b| is_b64(b))
            && w[45..67].iter().all(|&b| is_b64(b));
        let reversed = w[0] == b'='
            && w[1] == b'='
            && w[24] == b'.'
            && w[25] == b'='
            && w[2..24].iter().all(|&b| is_b64(b))
            && w[26..].iter().all(|&b| is_b64(b));
        if forward || reversed {
            return true;
        }
    }
    false
}

fn contains(block: &[u8], pattern: &[u8]) -> bool {
    !pattern.is_empty()
        && block.len() >= pattern.len()
        && block.windows(pattern.len()).any(|w| w == pattern)
}

fn scan(block: &[u8]) {
    SCANNED_BLOCKS.fetch_add(1, Ordering::Relaxed);
    for p in &PATTERNS {
        let len = p.len.load(Ordering::Acquire);
        if len == 0 {
            continue;
        }
        // SAFETY: written only while disarmed.
        let pattern = unsafe { &(&*p.bytes.get())[..len] };
        if contains(block, pattern) {
            p.hits.fetch_add(1, Ordering::Relaxed);
        }
    }
    if has_key_string(block) {
        KEY_STRING_HITS.fetch_add(1, Ordering::Relaxed);
    }
    if block.len() == WATCHED_SIZE.load(Ordering::Acquire) && block.iter().any(|&b| b != 0) {
        UNWIPED_WATCHED.fetch_add(1, Ordering::Relaxed);
    }
}

struct Scanning;

unsafe impl GlobalAlloc for Scanning {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ARMED.load(Ordering::Acquire) {
            // SAFETY: the block is live and `layout.size()` bytes long until freed below.
            scan(unsafe { std::slice::from_raw_parts(ptr, layout.size()) });
        }
        unsafe { System.dealloc(ptr, layout) }
    }
    // `realloc` is deliberately not forwarded: the default implementation allocates, copies and
    // calls `dealloc` on the old block, so a growing Vec's abandoned buffers are scanned too.
}

#[global_allocator]
static GLOBAL: Scanning = Scanning;

// ---------------------------------------------------------------------------------------------
// Scenarios.

static SCENARIO: Mutex<()> = Mutex::new(());

/// Registered secrets, by name, for the report.
struct Secrets {
    names: Vec<String>,
}

impl Secrets {
    fn new() -> Secrets {
        for p in &PATTERNS {
            p.len.store(0, Ordering::Release);
            p.hits.store(0, Ordering::Relaxed);
        }
        KEY_STRING_HITS.store(0, Ordering::Relaxed);
        Secrets { names: Vec::new() }
    }

    fn add(&mut self, name: impl Into<String>, bytes: &[u8]) {
        assert!(!ARMED.load(Ordering::Acquire));
        let i = self.names.len();
        assert!(i < SLOTS && !bytes.is_empty() && bytes.len() <= MAX_PATTERN);
        // SAFETY: disarmed, and scenarios are serialized by SCENARIO.
        unsafe { (&mut *PATTERNS[i].bytes.get())[..bytes.len()].copy_from_slice(bytes) };
        PATTERNS[i].len.store(bytes.len(), Ordering::Release);
        self.names.push(name.into());
    }

    /// Runs `f` armed and returns the names of the secrets found in freed blocks (with
    /// "key string" for the key-string detector).
    fn armed(&self, f: impl FnOnce()) -> Vec<String> {
        for p in &PATTERNS {
            p.hits.store(0, Ordering::Relaxed);
        }
        KEY_STRING_HITS.store(0, Ordering::Relaxed);
        ARMED.store(true, Ordering::Release);
        f();
        ARMED.store(false, Ordering::Release);
        let mut found: Vec<String> = self
            .names
            .iter()
            .enumerate()
            .filter(|(i, _)| PATTERNS[*i].hits.load(Ordering::Relaxed) > 0)
            .map(|(i, n)| format!("{n} ({} blocks)", PATTERNS[i].hits.load(Ordering::Relaxed)))
            .collect();
        let ks = KEY_STRING_HITS.load(Ordering::Relaxed);
        if ks > 0 {
            found.push(format!("key string ({ks} blocks)"));
        }
        found
    }
}

fn lock() -> std::sync::MutexGuard<'static, ()> {
    SCENARIO.lock().unwrap_or_else(|e| e.into_inner())
}

const MARKER: &str = "PAYSEAL-SECRET-MARKER-9f27c1e8b4";

/// A payload of about 2 KiB with the marker all through it, so that any abandoned buffer of a
/// growing copy holds at least one whole marker. As a JSON value and as compact bytes.
fn marker_payload() -> (serde_json::Value, Zeroizing<Vec<u8>>) {
    let mut fields = serde_json::Map::new();
    fields.insert(
        "integratorOrderId".into(),
        "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a".into(),
    );
    for i in 0..48 {
        fields.insert(format!("f{i:02}"), MARKER.into());
    }
    let value = serde_json::Value::Object(fields);
    let bytes = Zeroizing::new(serde_json::to_vec(&value).unwrap());
    (value, bytes)
}

/// Wipes the strings of a JSON value before it is dropped (the test's own copies).
fn wipe_value(value: &mut serde_json::Value) {
    use zeroize::Zeroize;
    match value {
        serde_json::Value::String(s) => s.zeroize(),
        serde_json::Value::Array(a) => a.iter_mut().for_each(wipe_value),
        serde_json::Value::Object(o) => {
            o.values_mut().for_each(wipe_value);
            // Keys are not secret here (f00..f47).
        }
        _ => {}
    }
}

/// The content bytes of the INTEGERs of a PKCS#8 RSA private key: [version, n, e, d, p, q, dp,
/// dq, qinv], leading zero bytes stripped.
fn rsa_integers(pkcs8: &[u8]) -> Vec<Vec<u8>> {
    fn tlv(input: &[u8]) -> (u8, &[u8], &[u8]) {
        let tag = input[0];
        let (len, header) = if input[1] < 0x80 {
            (input[1] as usize, 2)
        } else {
            let n = (input[1] & 0x7f) as usize;
            let len = input[2..2 + n]
                .iter()
                .fold(0usize, |a, &b| a << 8 | b as usize);
            (len, 2 + n)
        };
        (tag, &input[header..header + len], &input[header + len..])
    }
    let (_, info, _) = tlv(pkcs8); // PrivateKeyInfo SEQUENCE
    let (_, _, rest) = tlv(info); // version
    let (_, _, rest) = tlv(rest); // AlgorithmIdentifier
    let (tag, octets, _) = tlv(rest); // OCTET STRING
    assert_eq!(tag, 0x04);
    let (_, mut seq, _) = tlv(octets); // RSAPrivateKey SEQUENCE
    let mut out = Vec::new();
    while !seq.is_empty() {
        let (tag, content, rest) = tlv(seq);
        assert_eq!(tag, 0x02);
        let start = content
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(content.len());
        out.push(content[start..].to_vec());
        seq = rest;
    }
    assert_eq!(out.len(), 9);
    out
}

/// Registers windows of d, p and q (big-endian and reversed) and a window of the PEM text.
fn add_private_key(secrets: &mut Secrets, pkcs8_der: &[u8], pem: &[u8]) {
    let ints = rsa_integers(pkcs8_der);
    for (name, int) in [("d", &ints[3]), ("p", &ints[4]), ("q", &ints[5])] {
        let mid = int.len() / 2 - 16;
        let window = &int[mid..mid + 32];
        secrets.add(format!("private {name}"), window);
        let reversed: Vec<u8> = window.iter().rev().copied().collect();
        secrets.add(format!("private {name} (limb order)"), &reversed);
    }
    let text = std::str::from_utf8(pem).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let line = lines[lines.len() / 2];
    secrets.add("private key PEM text", &line.as_bytes()[8..56]);
}

fn pkcs8_der() -> Zeroizing<Vec<u8>> {
    Zeroizing::new(key_bytes("rsa2048.pkcs8.der"))
}

fn pkcs8_pem() -> Zeroizing<Vec<u8>> {
    Zeroizing::new(key_bytes("rsa2048.pkcs8.pem"))
}

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
    assert!(SCANNED_BLOCKS.load(Ordering::Relaxed) > 0);
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

/// The p/q copies the rsa crate frees unwiped (see above).
fn is_known_rsa_crate_leak(found: &str) -> bool {
    found.starts_with("private p") || found.starts_with("private q")
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

/// Frees one heap copy of a value made by `make` while watching blocks of its size, and returns
/// how many such blocks were freed with a byte that is not zero.
#[cfg(feature = "rustcrypto")]
fn unwiped_after_drop<T>(make: impl FnOnce() -> T) -> usize {
    let secrets = Secrets::new();
    UNWIPED_WATCHED.store(0, Ordering::Relaxed);
    WATCHED_SIZE.store(std::mem::size_of::<T>(), Ordering::Release);
    let value = make();
    secrets.armed(|| drop(Box::new(value)));
    WATCHED_SIZE.store(0, Ordering::Release);
    UNWIPED_WATCHED.load(Ordering::Relaxed)
}

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

// ---------------------------------------------------------------------------------------------
// The C ABI.

fn empty() -> payseal_buffer {
    payseal_buffer {
        data: std::ptr::null_mut(),
        len: 0,
    }
}

/// Through the C ABI: a handle made from a PEM private key, a seal, an open whose plaintext is
/// returned in a `payseal_buffer`, `payseal_buffer_free` and `payseal_keepz_free` leave no
/// plaintext, key string or key material in freed memory; `payseal_keygen`'s private key output
/// is wiped by `payseal_buffer_free` too.
#[test]
fn c_abi_buffers_and_handles_are_wiped() {
    let _g = lock();
    let der = pkcs8_der();
    let pem = pkcs8_pem();
    let public = key_bytes("rsa2048.spki.pem");
    let (mut value, payload) = marker_payload();
    for backend in Backend::available() {
        let backend_code = match backend {
            Backend::AwsLc => payseal::ffi::PAYSEAL_BACKEND_AWS_LC,
            Backend::RustCrypto => payseal::ffi::PAYSEAL_BACKEND_RUSTCRYPTO,
        };
        let mut secrets = Secrets::new();
        secrets.add("plaintext", MARKER.as_bytes());
        add_private_key(&mut secrets, &der, &pem);
        let found = secrets.armed(|| unsafe {
            let options = payseal::ffi::payseal_keepz_options {
                backend: backend_code,
                ..Default::default()
            };
            let mut k: *mut payseal_keepz = std::ptr::null_mut();
            let status = payseal_keepz_new(
                public.as_ptr(),
                public.len(),
                pem.as_ptr(),
                pem.len(),
                std::ptr::null(),
                0,
                &options,
                &mut k,
                std::ptr::null_mut(),
            );
            assert_eq!(status, payseal_status::PAYSEAL_OK);
            for _ in 0..4 {
                let mut sealed = empty();
                let status = payseal_keepz_seal(
                    k,
                    payload.as_ptr(),
                    payload.len(),
                    &mut sealed,
                    std::ptr::null_mut(),
                );
                assert_eq!(status, payseal_status::PAYSEAL_OK);
                let mut opened = empty();
                let status = payseal_keepz_open(
                    k,
                    200,
                    sealed.data,
                    sealed.len,
                    &mut opened,
                    std::ptr::null_mut(),
                );
                assert_eq!(status, payseal_status::PAYSEAL_OK);
                assert_eq!(
                    std::slice::from_raw_parts(opened.data, opened.len),
                    &payload[..]
                );
                payseal_buffer_free(&mut opened);
                assert!(opened.data.is_null());
                payseal_buffer_free(&mut sealed);
            }
            payseal_keepz_free(k);
        });
        // rustcrypto: only the rsa crate's own p/q temporaries (see the test above).
        let unexpected: Vec<&String> = found
            .iter()
            .filter(|f| !(backend == Backend::RustCrypto && is_known_rsa_crate_leak(f)))
            .collect();
        assert!(
            unexpected.is_empty(),
            "{backend:?}: the C ABI left {found:?} in freed memory"
        );

        // keygen: the private key comes back in a buffer; freeing it must wipe it. The key is
        // new, so its windows are registered after it is made, and the scan covers the free.
        let mut private = empty();
        let mut public_out = empty();
        let status = unsafe {
            payseal_keygen(
                2048,
                backend_code,
                payseal::ffi::PAYSEAL_KEY_FORMAT_DER,
                0,
                &mut private,
                &mut public_out,
                std::ptr::null_mut(),
            )
        };
        assert_eq!(status, payseal_status::PAYSEAL_OK);
        let generated = Zeroizing::new(
            unsafe { std::slice::from_raw_parts(private.data, private.len) }.to_vec(),
        );
        let mut secrets = Secrets::new();
        let ints = rsa_integers(&generated);
        secrets.add("generated d", &ints[3][64..96]);
        secrets.add("generated p", &ints[4][32..64]);
        let found = secrets.armed(|| unsafe {
            payseal_buffer_free(&mut private);
            payseal_buffer_free(&mut public_out);
        });
        assert!(
            found.is_empty(),
            "{backend:?}: payseal_buffer_free left {found:?}"
        );
    }
    wipe_value(&mut value);
}
