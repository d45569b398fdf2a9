//! Shared by the bench binaries: the fixed test keys, JSON payloads of exact sizes, handles on
//! each backend, the two reference implementations ([`bare`], [`openssl_ref`]) and the paired
//! timing that turns two routines into one drift-free ratio ([`paired`]).
#![allow(dead_code)]

// The bare primitives and the paired timing live with `payseal bench` (the CLI), which the
// published payseal-cli crate must carry; the benches are not published and read them from there.
#[path = "../../cli/src/bench/bare.rs"]
pub mod bare;
pub mod openssl_ref;
#[path = "../../cli/src/bench/paired.rs"]
pub mod paired;

use payseal::Backend;
use payseal::keepz::Keepz;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use std::path::PathBuf;

/// The integrator id sealed requests carry.
pub const IDENTIFIER: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
/// The key sizes benchmarked.
pub const BITS: [usize; 2] = [2048, 4096];
/// The Keepz payload sizes benchmarked: 256 B, 1 KiB, 16 KiB, 256 KiB.
pub const KEEPZ_SIZES: [usize; 4] = [256, 1024, 16 * 1024, 256 * 1024];

/// The TransactPay payload sizes for a key: 100 B and the largest one block carries (k − 11).
pub fn transactpay_sizes(bits: usize) -> [usize; 2] {
    [100, bits / 8 - 11]
}

/// The bytes of a file in `tests/keys/`.
pub fn key_file(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/keys")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The PKCS#8 DER of the fixed test key of `bits`.
pub fn pkcs8_der(bits: usize) -> Vec<u8> {
    key_file(&format!("rsa{bits}.pkcs8.der"))
}

/// The SubjectPublicKeyInfo DER of the fixed test key of `bits`.
pub fn spki_der(bits: usize) -> Vec<u8> {
    key_file(&format!("rsa{bits}.spki.der"))
}

/// The fixed test key of `bits`, prepared for `backend`.
pub fn private_key(bits: usize, backend: Backend) -> PrivateKey {
    PrivateKey::parse_with(pkcs8_der(bits), &KeyOptions::with_backend(backend)).unwrap()
}

/// The bare primitives of `backend` with the test key of `bits`.
pub fn bare(backend: Backend, bits: usize) -> bare::Bare {
    bare::Bare::new(backend, &spki_der(bits), &pkcs8_der(bits))
}

/// A compact JSON object of exactly `len` bytes (at least 32).
pub fn json_payload(len: usize) -> Vec<u8> {
    let head = br#"{"reference":"ORD-1001","note":""#;
    let tail = br#""}"#;
    assert!(len >= head.len() + tail.len(), "payload of {len} bytes");
    let filler = b"abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = head.to_vec();
    out.extend(filler.iter().cycle().take(len - head.len() - tail.len()));
    out.extend_from_slice(tail);
    debug_assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
    out
}

/// A Keepz handle on `backend` that seals to the test key of `bits` (as an integrator, with an
/// identifier) and opens with its private half.
pub fn keepz(bits: usize, backend: Backend) -> Keepz {
    let private = private_key(bits, backend);
    Keepz::builder()
        .seal_to(private.public_key().clone())
        .open_with(private)
        .identifier(IDENTIFIER)
        .build()
        .unwrap()
}

/// A TransactPay handle on `backend` sealing to the test key of `bits`.
pub fn transactpay(bits: usize, backend: Backend) -> TransactPay {
    TransactPay::from_key(private_key(bits, backend).public_key().clone())
}

/// Puts the allocator in the steady state of a long-running process before anything is measured.
///
/// glibc serves large blocks (over 128 KiB at first) with `mmap` — fresh pages, faulted in on each
/// call — until it frees one, when it raises that threshold to the freed size. Which cases ran
/// before would otherwise decide whether a 256 KiB case pays page faults on every call; one large
/// block freed up front settles it for every case alike.
pub fn settle_allocator() {
    drop(std::hint::black_box(vec![1u8; 8 << 20]));
}

/// How a bench binary was started: `cargo bench` passes `--bench`; `cargo test --benches` does
/// not, and then every measurement runs as briefly as it can (a smoke test).
pub struct RunMode {
    /// Measuring for real (`--bench` given, no `--test`).
    pub bench: bool,
    /// The first free argument: only cases whose name contains it run.
    pub filter: Option<String>,
}

impl RunMode {
    /// Reads the process arguments.
    pub fn from_args() -> RunMode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let has = |flag: &str| args.iter().any(|a| a == flag);
        RunMode {
            bench: has("--bench") && !has("--test"),
            filter: args.iter().find(|a| !a.starts_with('-')).cloned(),
        }
    }

    /// Whether the case named `name` is selected by the filter.
    pub fn selects(&self, name: &str) -> bool {
        self.filter.as_deref().is_none_or(|f| name.contains(f))
    }
}

/// Reads a positive number of seconds from the environment variable `name`.
pub fn env_seconds(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|v| *v > 0.0)
        .unwrap_or(default)
}

/// Criterion with the short settings every bench here uses (0.3 s warm-up, 1 s and 20 samples a
/// routine), overridable from the command line.
pub fn short_criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1))
        .sample_size(20)
        .configure_from_args()
}

/// The 1-, 5- and 15-minute load averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
