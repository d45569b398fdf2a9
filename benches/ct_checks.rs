//! What the constant-time decision's text checks cost, next to the checks they replaced, at 1 KiB
//! and 256 KiB: UTF-8, the first non-blank byte and the nesting depth (`payseal::ct`), with AVX2
//! and with the portable code, against `std::str::from_utf8` + the first byte + the depth scan
//! that skips strings (both stop early; on a valid plaintext they read it all). serde's syntax
//! check, which runs after the decision as it ran before, is measured for scale.
//!
//! ```sh
//! cargo bench --features ct-internals --bench ct_checks
//! ```
//!
//! Criterion measures each routine; then a paired table (alternating rounds, median of per-round
//! ratios: see `common::paired`) gives new/old for each payload.

mod common;

use common::paired::paired;
use common::{RunMode, env_seconds, json_payload, load_average, settle_allocator, short_criterion};
use criterion::{BenchmarkId, Criterion, Throughput};
use payseal::ct::internals::{force_portable, json_syntax_ok, old_text_ok, text_ok};
use std::hint::black_box;
use std::time::Duration;

/// A payload of many small records (numbers, short strings, Georgian text, nesting), of about
/// `len` bytes: the old depth scan cannot skip long strings here.
fn records_payload(len: usize) -> Vec<u8> {
    let mut out = b"{\"items\":[".to_vec();
    let mut i = 0;
    while out.len() + 120 < len {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(
            format!(
                r#"{{"id":{i},"amount":"{}.{:02}","status":"SUCCESS","note":"გადახდა №{i}","tags":["a","b"]}}"#,
                i * 7 % 1000,
                i % 100
            )
            .as_bytes(),
        );
        i += 1;
    }
    out.extend_from_slice(b"]}");
    out
}

/// The payloads: (shape, size label, bytes).
fn payloads() -> Vec<(&'static str, usize, Vec<u8>)> {
    let mut all = Vec::new();
    for size in [1024, 256 * 1024] {
        all.push(("text", size, json_payload(size)));
        all.push(("records", size, records_payload(size)));
    }
    for (_, _, p) in &all {
        assert!(text_ok(p) && old_text_ok(p) && json_syntax_ok(p));
    }
    all
}

fn criterion_groups(c: &mut Criterion, payloads: &[(&'static str, usize, Vec<u8>)]) {
    for (shape, size, payload) in payloads {
        let mut group = c.benchmark_group(format!("ct_checks/{shape}"));
        group.throughput(Throughput::Bytes(payload.len() as u64));
        group.bench_with_input(BenchmarkId::new("new-avx2", size), payload, |b, p| {
            force_portable(false);
            b.iter(|| text_ok(black_box(p)));
        });
        group.bench_with_input(BenchmarkId::new("new-portable", size), payload, |b, p| {
            force_portable(true);
            b.iter(|| text_ok(black_box(p)));
            force_portable(false);
        });
        group.bench_with_input(BenchmarkId::new("old", size), payload, |b, p| {
            b.iter(|| old_text_ok(black_box(p)));
        });
        group.bench_with_input(BenchmarkId::new("serde-syntax", size), payload, |b, p| {
            b.iter(|| json_syntax_ok(black_box(p)));
        });
        group.finish();
    }
}

fn main() {
    let mode = RunMode::from_args();
    settle_allocator();
    let payloads = payloads();
    if std::env::var("PAYSEAL_BENCH_CRITERION").as_deref() != Ok("0") {
        let mut c = short_criterion();
        criterion_groups(&mut c, &payloads);
        c.final_summary();
    }
    let (budget, min_rounds) = if mode.bench {
        (
            Duration::from_secs_f64(env_seconds("PAYSEAL_BENCH_PAIR_SECONDS", 1.0)),
            5,
        )
    } else {
        (Duration::ZERO, 1)
    };
    println!("\nload average before: {}", load_average());
    println!(
        "\n| payload | old µs | new (AVX2) µs | new/old | new (portable) µs | portable/old | serde syntax µs |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (shape, size, p) in &payloads {
        let name = format!("{shape} {} KiB", size / 1024);
        if !mode.selects(&name) {
            continue;
        }
        // Each routine against the old checks, paired.
        let against_old = |routine: &dyn Fn(&[u8]) -> bool, portable: bool| {
            force_portable(portable);
            let result = paired(
                &mut || {
                    black_box(routine(black_box(p)));
                },
                &mut || {
                    black_box(old_text_ok(black_box(p)));
                },
                budget,
                min_rounds,
            );
            force_portable(false);
            result
        };
        let avx2 = against_old(&text_ok, false);
        let portable = against_old(&text_ok, true);
        let serde = against_old(&json_syntax_ok, false);
        let us = |ns: f64| format!("{:.2}", ns / 1000.0);
        println!(
            "| {name} | {} | {} | {:.2} | {} | {:.2} | {} |",
            us(avx2.b_ns),
            us(avx2.a_ns),
            avx2.ratio,
            us(portable.a_ns),
            portable.ratio,
            us(serde.a_ns),
        );
    }
    println!("\nload average after: {}", load_average());
}
