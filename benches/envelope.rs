//! Envelope benchmarks: Keepz seal and open, TransactPay seal and typed parsing, on every backend
//! compiled in, for 2048- and 4096-bit keys — next to two references on the same inputs: the bare
//! primitives ([`common::bare`]) and the same envelope built with OpenSSL ([`common::openssl_ref`]).
//!
//! ```sh
//! cargo bench --features rustcrypto --bench envelope              # everything (~6 min)
//! cargo bench --features rustcrypto --bench envelope -- keepz_open/4096
//! ```
//!
//! Criterion measures each routine on its own (absolute times, in `target/criterion`). Then a
//! ratio table measures every payseal case against each reference with paired timing
//! ([`common::paired`]), which holds on a busy machine where absolute times drift.
//! `PAYSEAL_BENCH_PAIR_SECONDS` sets the time per pair (default 1); `PAYSEAL_BENCH_RATIOS=0` skips
//! the table, `PAYSEAL_BENCH_CRITERION=0` skips criterion.

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::bare::Bare;
use common::openssl_ref::OpensslEnvelope;
use common::paired::{Paired, paired};
use common::{
    BITS, KEEPZ_SIZES, RunMode, env_seconds, json_payload, keepz, load_average, settle_allocator,
    short_criterion, transactpay, transactpay_sizes,
};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use payseal::Backend;
use payseal::keepz::Keepz;
use payseal::keepz::api::{OrderStatusRequest, OrderStatusResponse};
use payseal::transactpay::TransactPay;
use payseal::transactpay::api::{OrderStatusData, parse_response};
use std::hint::black_box;
use std::time::Duration;

/// A Keepz envelope and what the bare open needs from it: the RSA block.
struct Sealed {
    body: String,
    block: Vec<u8>,
}

/// One backend at one key size: the payseal handles, the bare primitives, and for each Keepz
/// size a sealed envelope.
struct Side {
    backend: Backend,
    keepz: Keepz,
    transactpay: TransactPay,
    bare: Bare,
    sealed: Vec<Sealed>,
}

/// Everything one key size needs, built once.
struct Fixture {
    bits: usize,
    sides: Vec<Side>,
    openssl: OpensslEnvelope,
    payloads: Vec<Vec<u8>>,
    /// The bare seal wraps this fixed 69-byte key string (`Base64(key).Base64(iv)`).
    key_string: Vec<u8>,
}

const KEY: [u8; 32] = [7; 32];
const IV: [u8; 16] = [9; 16];

impl Fixture {
    fn new(bits: usize) -> Fixture {
        let payloads: Vec<Vec<u8>> = KEEPZ_SIZES.iter().map(|&n| json_payload(n)).collect();
        let sides = Backend::available()
            .into_iter()
            .map(|backend| {
                let keepz = keepz(bits, backend);
                let bare = common::bare(backend, bits);
                let sealed = payloads
                    .iter()
                    .map(|p| seal_for_open(&keepz, &bare, p))
                    .collect();
                Side {
                    backend,
                    transactpay: transactpay(bits, backend),
                    keepz,
                    bare,
                    sealed,
                }
            })
            .collect();
        Fixture {
            bits,
            sides,
            openssl: OpensslEnvelope::new(bits),
            payloads,
            key_string: format!("{}.{}", STANDARD.encode(KEY), STANDARD.encode(IV)).into_bytes(),
        }
    }
}

/// Seals `payload` and keeps what the bare open needs.
fn seal_for_open(keepz: &Keepz, bare: &Bare, payload: &[u8]) -> Sealed {
    let sealed = keepz.seal_bytes(payload).unwrap();
    let block = STANDARD
        .decode(sealed.encrypted_keys.as_ref().unwrap())
        .unwrap();
    assert_eq!(bare.oaep_decrypt(&block).len(), 69, "the key string");
    Sealed {
        body: sealed.to_json_body(),
        block,
    }
}

// --- The routines: each returns something for black_box --------------------------------------

/// payseal: JSON check, fresh key and IV, RSA, AES, Base64, JSON body.
fn payseal_keepz_seal(side: &Side, payload: &[u8]) -> String {
    side.keepz.seal_bytes(payload).unwrap().to_json_body()
}

/// Bare: one RSA-OAEP encryption of a fixed key string and AES-256-CBC of the payload.
fn bare_keepz_seal(side: &Side, key_string: &[u8], payload: &[u8]) -> usize {
    side.bare.oaep_encrypt(key_string).len() + side.bare.aes_encrypt(&KEY, &IV, payload).len()
}

/// payseal: read the body, Base64, RSA, key string, AES, PKCS#7, UTF-8 and JSON checks.
fn payseal_keepz_open(side: &Side, sealed: &Sealed) -> usize {
    side.keepz.open(sealed.body.as_bytes()).unwrap().len()
}

/// Bare: the RSA private-key operation alone (one RSA-OAEP decryption), as the target defines it.
fn bare_keepz_open(side: &Side, sealed: &Sealed) -> usize {
    side.bare.oaep_decrypt(&sealed.block).len()
}

/// payseal: JSON check, size check, one PKCS#1 v1.5 block, Base64, the `{"data"}` body.
fn payseal_transactpay_seal(side: &Side, payload: &[u8]) -> String {
    side.transactpay.seal_bytes(payload).unwrap().to_json_body()
}

// --- Criterion ------------------------------------------------------------------------------

/// Keepz seal (payload → JSON body) per size: payseal and bare on each backend, then OpenSSL.
fn keepz_seal(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group(format!("keepz_seal/{}", fx.bits));
    for (size, payload) in KEEPZ_SIZES.iter().zip(&fx.payloads) {
        group.throughput(Throughput::Bytes(*size as u64));
        for side in &fx.sides {
            let name = side.backend.name();
            group.bench_with_input(
                BenchmarkId::new(format!("payseal-{name}"), size),
                payload,
                |b, p| b.iter(|| payseal_keepz_seal(side, black_box(p))),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("bare-{name}"), size),
                payload,
                |b, p| b.iter(|| bare_keepz_seal(side, &fx.key_string, black_box(p))),
            );
        }
        group.bench_with_input(BenchmarkId::new("openssl", size), payload, |b, p| {
            b.iter(|| fx.openssl.keepz_seal(black_box(p)))
        });
    }
    group.finish();
}

/// Keepz open (JSON body → plaintext) per size; few samples: a 4096-bit pure-Rust open is ~8 ms.
fn keepz_open(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group(format!("keepz_open/{}", fx.bits));
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (i, size) in KEEPZ_SIZES.iter().enumerate() {
        group.throughput(Throughput::Bytes(*size as u64));
        for side in &fx.sides {
            let name = side.backend.name();
            let sealed = &side.sealed[i];
            group.bench_function(BenchmarkId::new(format!("payseal-{name}"), size), |b| {
                b.iter(|| payseal_keepz_open(side, black_box(sealed)))
            });
            group.bench_function(BenchmarkId::new(format!("bare-{name}"), size), |b| {
                b.iter(|| bare_keepz_open(side, black_box(sealed)))
            });
        }
        let body = fx.sides[0].sealed[i].body.as_bytes();
        group.bench_function(BenchmarkId::new("openssl", size), |b| {
            b.iter(|| fx.openssl.keepz_open(black_box(body)))
        });
    }
    group.finish();
}

/// TransactPay seal (payload → `{"data"}` body) at 100 B and at the one-block maximum.
fn transactpay_seal(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group(format!("transactpay_seal/{}", fx.bits));
    for size in transactpay_sizes(fx.bits) {
        let payload = json_payload(size);
        group.throughput(Throughput::Bytes(size as u64));
        for side in &fx.sides {
            let name = side.backend.name();
            group.bench_with_input(
                BenchmarkId::new(format!("payseal-{name}"), size),
                &payload,
                |b, p| b.iter(|| payseal_transactpay_seal(side, black_box(p))),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("bare-{name}"), size),
                &payload,
                |b, p| b.iter(|| side.bare.pkcs1_encrypt(black_box(p))),
            );
        }
        group.bench_with_input(BenchmarkId::new("openssl", size), &payload, |b, p| {
            b.iter(|| fx.openssl.transactpay_seal(black_box(p)))
        });
    }
    group.finish();
}

/// The bare RSA operations alone (the targets' "bare public op" and "bare private op").
fn rsa(c: &mut Criterion, fx: &Fixture) {
    let mut group = c.benchmark_group(format!("rsa/{}", fx.bits));
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for side in &fx.sides {
        let name = side.backend.name();
        group.bench_function(format!("oaep-encrypt-{name}"), |b| {
            b.iter(|| side.bare.oaep_encrypt(black_box(&fx.key_string)))
        });
        group.bench_function(format!("oaep-decrypt-{name}"), |b| {
            b.iter(|| side.bare.oaep_decrypt(black_box(&side.sealed[0].block)))
        });
    }
    let block = &fx.sides[0].sealed[0].block;
    group.bench_function("oaep-decrypt-openssl", |b| {
        b.iter(|| fx.openssl.oaep_decrypt(black_box(block)))
    });
    group.finish();
}

/// Typed parsing: a Keepz order status (the whole answer, and the JSON part alone) and a
/// TransactPay order status answer.
fn parsing(c: &mut Criterion, fixtures: &[Fixture]) {
    let mut group = c.benchmark_group("parse");
    let answer = serde_json::json!({
        "integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
        "status": "SUCCESS",
    });
    for fx in fixtures {
        for side in &fx.sides {
            let body = side.keepz.seal(&answer).unwrap().to_json_body();
            let id = format!("keepz_order_status/{}-{}", side.backend.name(), fx.bits);
            group.bench_function(id, |b| {
                b.iter(|| {
                    side.keepz
                        .parse_response::<OrderStatusRequest>(200, black_box(body.as_bytes()))
                        .unwrap()
                })
            });
        }
    }
    let side = &fixtures[0].sides[0];
    let plaintext = side
        .keepz
        .open(side.keepz.seal(&answer).unwrap().to_json_body().as_bytes())
        .unwrap();
    group.bench_function("keepz_order_status_json", |b| {
        b.iter(|| {
            black_box(&plaintext)
                .parse::<OrderStatusResponse>()
                .unwrap()
        })
    });
    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/transactpay/order_status_success.json"
    ))
    .unwrap();
    group.bench_function("transactpay_order_status", |b| {
        b.iter(|| parse_response::<OrderStatusData>(200, black_box(&body)).unwrap())
    });
    group.finish();
}

// --- The ratio table ------------------------------------------------------------------------

/// One row: a payseal case against the bare primitives and against OpenSSL.
struct Row {
    case: String,
    bare: Paired,
    openssl: Paired,
}

/// Every payseal case of one key size against both references, with paired timing.
fn ratio_rows(fx: &Fixture, mode: &RunMode, budget: Duration, min_rounds: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut pair = |case: String, p: &mut dyn FnMut(), b: &mut dyn FnMut(), o: &mut dyn FnMut()| {
        if !mode.selects(&case) {
            return;
        }
        eprintln!("ratios: {case}");
        let bare = paired(p, b, budget, min_rounds);
        let openssl = paired(p, o, budget, min_rounds);
        rows.push(Row {
            case,
            bare,
            openssl,
        });
    };
    for side in &fx.sides {
        let name = side.backend.name();
        for (i, (size, payload)) in KEEPZ_SIZES.iter().zip(&fx.payloads).enumerate() {
            pair(
                format!("keepz_seal/{}/{name}/{size}", fx.bits),
                &mut || {
                    black_box(payseal_keepz_seal(side, payload));
                },
                &mut || {
                    black_box(bare_keepz_seal(side, &fx.key_string, payload));
                },
                &mut || {
                    black_box(fx.openssl.keepz_seal(payload));
                },
            );
            let sealed = &side.sealed[i];
            pair(
                format!("keepz_open/{}/{name}/{size}", fx.bits),
                &mut || {
                    black_box(payseal_keepz_open(side, sealed));
                },
                &mut || {
                    black_box(bare_keepz_open(side, sealed));
                },
                &mut || {
                    black_box(fx.openssl.keepz_open(sealed.body.as_bytes()));
                },
            );
        }
        for size in transactpay_sizes(fx.bits) {
            let payload = json_payload(size);
            pair(
                format!("transactpay_seal/{}/{name}/{size}", fx.bits),
                &mut || {
                    black_box(payseal_transactpay_seal(side, &payload));
                },
                &mut || {
                    black_box(side.bare.pkcs1_encrypt(&payload));
                },
                &mut || {
                    black_box(fx.openssl.transactpay_seal(&payload));
                },
            );
        }
    }
    rows
}

/// Nanoseconds as microseconds, with a decimal below 100 µs.
fn micros(ns: f64) -> String {
    if ns >= 100_000.0 {
        format!("{:.0}", ns / 1000.0)
    } else {
        format!("{:.1}", ns / 1000.0)
    }
}

/// The ratio table, as Markdown.
fn print_table(rows: &[Row]) {
    println!();
    println!("Time ratios, paired (lower is better; payseal/OpenSSL < 1 means payseal is faster).");
    println!(
        "bare = the backend's RSA op (+ AES-256-CBC of the payload for a Keepz seal); OpenSSL = the same envelope via the openssl crate."
    );
    println!();
    println!("| case | payseal µs | bare µs | payseal/bare | OpenSSL µs | payseal/OpenSSL |");
    println!("|---|---:|---:|---:|---:|---:|");
    for row in rows {
        println!(
            "| {} | {} | {} | {:.3} | {} | {:.3} |",
            row.case,
            micros(row.bare.a_ns),
            micros(row.bare.b_ns),
            row.bare.ratio,
            micros(row.openssl.b_ns),
            row.openssl.ratio,
        );
    }
}

fn main() {
    let mode = RunMode::from_args();
    settle_allocator();
    let fixtures: Vec<Fixture> = BITS.iter().map(|&bits| Fixture::new(bits)).collect();
    if std::env::var("PAYSEAL_BENCH_CRITERION").as_deref() != Ok("0") {
        let mut c = short_criterion();
        for fx in &fixtures {
            keepz_seal(&mut c, fx);
            keepz_open(&mut c, fx);
            transactpay_seal(&mut c, fx);
            rsa(&mut c, fx);
        }
        parsing(&mut c, &fixtures);
        c.final_summary();
    }
    if std::env::var("PAYSEAL_BENCH_RATIOS").as_deref() == Ok("0") {
        return;
    }
    // Under `cargo test --benches` every pair runs one round: a smoke test, not a measurement.
    let (budget, min_rounds) = if mode.bench {
        let secs = env_seconds("PAYSEAL_BENCH_PAIR_SECONDS", 1.0);
        (Duration::from_secs_f64(secs), 5)
    } else {
        (Duration::ZERO, 1)
    };
    let load_before = load_average();
    let rows: Vec<Row> = fixtures
        .iter()
        .flat_map(|fx| ratio_rows(fx, &mode, budget, min_rounds))
        .collect();
    print_table(&rows);
    println!();
    println!(
        "load average before/after the table: {load_before} / {}",
        load_average()
    );
}
