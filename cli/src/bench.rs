//! `payseal bench`: a short throughput table of the main cases on each backend, each measured
//! against the bare primitive it is built on (paired timing, so the ratio holds on a busy
//! machine). For the full picture — every size, OpenSSL, scaling, memory — see `benches/`.
//!
//! The keys are the fixed public test keys of `tests/keys/`, built into the binary: benchmarks
//! need no key generation (slow and variable), and these keys protect nothing. The copies in
//! `src/bench/keys/` travel with the published crate; `tests/cli.rs` keeps them equal to the
//! originals.

// Shared with benches/ (benches/common/mod.rs includes them): the bare primitives and the
// paired timing.
#[allow(dead_code)]
mod bare;
#[allow(dead_code)]
mod paired;

use crate::io::{BackendArg, CliResult, backend, describe};
use bare::Bare;
use base64::Engine as _;
use payseal::Backend;
use payseal::keepz::Keepz;
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use std::hint::black_box;
use std::io::{IsTerminal, Write};
use std::time::Duration;

const RSA2048_PKCS8: &[u8] = include_bytes!("bench/keys/rsa2048.pkcs8.der");
const RSA2048_SPKI: &[u8] = include_bytes!("bench/keys/rsa2048.spki.der");
const RSA4096_PKCS8: &[u8] = include_bytes!("bench/keys/rsa4096.pkcs8.der");
const RSA4096_SPKI: &[u8] = include_bytes!("bench/keys/rsa4096.spki.der");

/// The key string a bare seal wraps: `Base64([7; 32]) + "." + Base64([9; 16])`, 69 bytes.
const KEY_STRING: &[u8] = b"BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=.CQkJCQkJCQkJCQkJCQkJCQ==";
const KEY: [u8; 32] = [7; 32];
const IV: [u8; 16] = [9; 16];

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Total measuring time in seconds, shared by all cases.
    #[arg(long, default_value_t = 30.0)]
    seconds: f64,
    /// Backends to measure (repeat for several); default: every one compiled in.
    #[arg(long, value_enum)]
    backend: Vec<BackendArg>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    json: bool,
}

/// One measured case.
struct Measured {
    backend: Backend,
    case: &'static str,
    bits: usize,
    payload_bytes: usize,
    ops_per_sec: f64,
    bare_ops_per_sec: f64,
    ratio_to_bare: f64,
}

/// A case: its name, payload size, and the payseal and bare routines.
struct Case<'a> {
    name: &'static str,
    payload_bytes: usize,
    payseal: Box<dyn FnMut() + 'a>,
    bare: Box<dyn FnMut() + 'a>,
}

/// The keys and handles of one backend at one size.
struct Setup {
    bits: usize,
    keepz: Keepz,
    transactpay: TransactPay,
    bare: Bare,
    body: String,
    block: Vec<u8>,
    keepz_payload: Vec<u8>,
    transactpay_payload: Vec<u8>,
}

/// A compact JSON object of exactly `len` bytes.
fn json_payload(len: usize) -> Vec<u8> {
    let head = br#"{"reference":"ORD-1001","note":""#;
    let mut out = head.to_vec();
    out.extend(b"abcdefghij".iter().cycle().take(len - head.len() - 2));
    out.extend_from_slice(br#""}"#);
    out
}

fn setup(backend: Backend, bits: usize) -> CliResult<Setup> {
    let (pkcs8, spki) = match bits {
        2048 => (RSA2048_PKCS8, RSA2048_SPKI),
        _ => (RSA4096_PKCS8, RSA4096_SPKI),
    };
    let private = PrivateKey::parse_with(pkcs8, &KeyOptions::with_backend(backend))
        .map_err(|e| describe(&e))?;
    let keepz = Keepz::builder()
        .seal_to(private.public_key().clone())
        .open_with(private.clone())
        .identifier("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e")
        .build()
        .map_err(|e| describe(&e))?;
    let keepz_payload = json_payload(1024);
    let sealed = keepz.seal_bytes(&keepz_payload).map_err(|e| describe(&e))?;
    let block = base64::engine::general_purpose::STANDARD
        .decode(sealed.encrypted_keys.as_deref().unwrap_or_default())
        .map_err(|e| format!("internal: {e}"))?;
    Ok(Setup {
        bits,
        transactpay: TransactPay::from_key(private.public_key().clone()),
        keepz,
        bare: Bare::new(backend, spki, pkcs8),
        body: sealed.to_json_body(),
        block,
        keepz_payload,
        transactpay_payload: json_payload(100),
    })
}

fn cases(s: &Setup) -> Vec<Case<'_>> {
    vec![
        Case {
            name: "keepz seal",
            payload_bytes: s.keepz_payload.len(),
            payseal: Box::new(|| {
                black_box(
                    s.keepz
                        .seal_bytes(&s.keepz_payload)
                        .map(|e| e.to_json_body()),
                )
                .ok();
            }),
            bare: Box::new(|| {
                black_box(s.bare.oaep_encrypt(KEY_STRING));
                black_box(s.bare.aes_encrypt(&KEY, &IV, &s.keepz_payload));
            }),
        },
        Case {
            name: "keepz open",
            payload_bytes: s.keepz_payload.len(),
            payseal: Box::new(|| {
                black_box(s.keepz.open(s.body.as_bytes())).ok();
            }),
            bare: Box::new(|| {
                black_box(s.bare.oaep_decrypt(&s.block));
            }),
        },
        Case {
            name: "transactpay seal",
            payload_bytes: s.transactpay_payload.len(),
            payseal: Box::new(|| {
                black_box(
                    s.transactpay
                        .seal_bytes(&s.transactpay_payload)
                        .map(|d| d.to_json_body()),
                )
                .ok();
            }),
            bare: Box::new(|| {
                black_box(s.bare.pkcs1_encrypt(&s.transactpay_payload));
            }),
        },
    ]
}

/// Shows which case runs, on one rewritten line on a terminal, else one line per case.
fn progress(done: usize, total: usize, what: &str) {
    let mut err = std::io::stderr();
    if err.is_terminal() {
        let _ = write!(err, "\r\x1b[2K[{done}/{total}] {what}");
        if done == total {
            let _ = writeln!(err);
        }
    } else {
        let _ = writeln!(err, "[{done}/{total}] {what}");
    }
}

pub fn run(args: &BenchArgs) -> CliResult<()> {
    if !(args.seconds.is_finite() && args.seconds > 0.0) {
        return Err("--seconds must be a positive number".into());
    }
    let backends = if args.backend.is_empty() {
        Backend::available()
    } else {
        let mut chosen = Vec::new();
        for b in &args.backend {
            let b = backend(Some(*b))?;
            if !chosen.contains(&b) {
                chosen.push(b);
            }
        }
        chosen
    };
    const BITS: [usize; 2] = [2048, 4096];
    const CASES_PER_SETUP: usize = 3;
    let total = backends.len() * BITS.len() * CASES_PER_SETUP;
    let budget = Duration::from_secs_f64(args.seconds / total as f64);
    let mut results = Vec::new();
    for &b in &backends {
        for bits in BITS {
            let s = setup(b, bits)?;
            for mut case in cases(&s) {
                let what = format!(
                    "{} {} B, {}-bit, {}",
                    case.name,
                    case.payload_bytes,
                    s.bits,
                    b.name()
                );
                progress(results.len(), total, &what);
                let p = paired::paired(&mut *case.payseal, &mut *case.bare, budget, 3);
                results.push(Measured {
                    backend: b,
                    case: case.name,
                    bits,
                    payload_bytes: case.payload_bytes,
                    ops_per_sec: 1e9 / p.a_ns,
                    bare_ops_per_sec: 1e9 / p.b_ns,
                    ratio_to_bare: p.ratio,
                });
            }
        }
    }
    progress(total, total, "done");
    if args.json {
        print_json(args.seconds, &backends, &results);
    } else {
        print_table(&results);
    }
    Ok(())
}

fn print_table(results: &[Measured]) {
    println!(
        "{:<11} {:<17} {:>5} {:>8} {:>11} {:>11} {:>13}",
        "backend", "case", "bits", "payload", "ops/s", "bare ops/s", "time vs bare"
    );
    for r in results {
        println!(
            "{:<11} {:<17} {:>5} {:>6} B {:>11.0} {:>11.0} {:>12.3}×",
            r.backend.name(),
            r.case,
            r.bits,
            r.payload_bytes,
            r.ops_per_sec,
            r.bare_ops_per_sec,
            r.ratio_to_bare
        );
    }
    println!();
    println!(
        "bare: the backend's RSA operation called directly (plus AES-256-CBC for a Keepz seal); \
         time vs bare = payseal's time per operation / bare's, measured in alternating rounds."
    );
}

fn print_json(seconds: f64, backends: &[Backend], results: &[Measured]) {
    let results: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "backend": r.backend.name(),
                "case": r.case,
                "bits": r.bits,
                "payload_bytes": r.payload_bytes,
                "ops_per_sec": r.ops_per_sec,
                "bare_ops_per_sec": r.bare_ops_per_sec,
                "ratio_to_bare": r.ratio_to_bare,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "seconds": seconds,
        "backends": backends.iter().map(|b| b.name()).collect::<Vec<_>>(),
        "results": results,
    });
    println!("{doc}");
}
