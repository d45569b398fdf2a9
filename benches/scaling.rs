//! Scaling: total throughput of 1 and 2 threads sharing one handle, for the main cases on every
//! backend, next to the same measurement of the bare private-key operation (the machine's own
//! ceiling: what two cores give an RSA operation with nothing shared but the key).
//!
//! ```sh
//! cargo bench --features rustcrypto --bench scaling
//! ```
//!
//! Each case alternates 1-thread and 2-thread rounds (`PAYSEAL_BENCH_ROUND_SECONDS`, default 0.5;
//! 6 rounds of each) and reports the medians; the speed-up is the median of the per-round-pair
//! ratios, so load that comes and goes during the run hits both sides alike.

mod common;

use common::paired::median;
use common::{RunMode, env_seconds, json_payload, keepz, transactpay};
use payseal::Backend;
use std::hint::black_box;
use std::sync::Barrier;
use std::time::{Duration, Instant};

/// Operations per second of `threads` threads calling `op` for `duration`, all started together.
fn throughput(threads: usize, duration: Duration, op: &(dyn Fn() + Sync)) -> f64 {
    let barrier = Barrier::new(threads);
    let total: u64 = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    let start = Instant::now();
                    let mut count = 0u64;
                    while start.elapsed() < duration {
                        op();
                        count += 1;
                    }
                    count
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    total as f64 / duration.as_secs_f64()
}

/// One result: median ops/s with 1 and 2 threads, and the median per-round speed-up.
struct Scaling {
    one: f64,
    two: f64,
    speedup: f64,
}

fn measure(op: &(dyn Fn() + Sync), round: Duration, rounds: usize) -> Scaling {
    op(); // warm up
    let (mut one, mut two, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..rounds {
        let (a, b) = if i % 2 == 0 {
            let a = throughput(1, round, op);
            (a, throughput(2, round, op))
        } else {
            let b = throughput(2, round, op);
            (throughput(1, round, op), b)
        };
        one.push(a);
        two.push(b);
        ratios.push(b / a);
    }
    Scaling {
        one: median(&mut one),
        two: median(&mut two),
        speedup: median(&mut ratios),
    }
}

fn main() {
    let mode = RunMode::from_args();
    let (round, rounds) = if mode.bench {
        let secs = env_seconds("PAYSEAL_BENCH_ROUND_SECONDS", 0.5);
        (Duration::from_secs_f64(secs), 6)
    } else {
        (Duration::from_millis(20), 1)
    };
    let payload = json_payload(1024);
    let tp_payload = json_payload(100);
    println!(
        "Throughput of 1 and 2 threads sharing one handle (ops/s; target for 2 threads ≥ 1.8×)."
    );
    println!(
        "{} CPUs; load average at start: {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!();
    println!("| case | 1 thread ops/s | 2 threads ops/s | speed-up |");
    println!("|---|---:|---:|---:|");
    for backend in Backend::available() {
        let name = backend.name();
        for bits in [2048, 4096] {
            let handle = keepz(bits, backend);
            let tp = transactpay(bits, backend);
            let bare = common::bare(backend, bits);
            let body = handle.seal_bytes(&payload).unwrap().to_json_body();
            let block = base64_field(&body, "encryptedKeys");
            let cases: [(String, &(dyn Fn() + Sync)); 4] = [
                (format!("keepz seal 1 KiB/{bits}/{name}"), &|| {
                    black_box(handle.seal_bytes(&payload).unwrap());
                }),
                (format!("keepz open 1 KiB/{bits}/{name}"), &|| {
                    black_box(handle.open(body.as_bytes()).unwrap());
                }),
                (format!("transactpay seal 100 B/{bits}/{name}"), &|| {
                    black_box(tp.seal_bytes(&tp_payload).unwrap());
                }),
                (format!("bare private op/{bits}/{name}"), &|| {
                    black_box(bare.oaep_decrypt(&block));
                }),
            ];
            for (case, op) in cases {
                if !mode.selects(&case) {
                    continue;
                }
                let s = measure(op, round, rounds);
                println!(
                    "| {case} | {:.0} | {:.0} | {:.2}× |",
                    s.one, s.two, s.speedup
                );
            }
        }
    }
    println!();
    println!(
        "load average at end: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
}

/// A Base64 field of a JSON body, decoded.
fn base64_field(body: &str, name: &str) -> Vec<u8> {
    use base64::Engine;
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    base64::engine::general_purpose::STANDARD
        .decode(value[name].as_str().unwrap())
        .unwrap()
}
