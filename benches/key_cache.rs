//! What the key cache saves, in Rust and without a host language around it: a handle made per
//! call through the cache (`payseal::keys::cache`, as the C ABI's constructors do) against a handle
//! kept, and a cache hit against a parse, with paired timing (`common::paired`).
//!
//! ```sh
//! cargo bench --bench key_cache
//! ```

mod common;

use common::paired::paired;
use common::{IDENTIFIER, RunMode, env_seconds, json_payload, key_file, load_average};
use payseal::keepz::Keepz;
use payseal::keys::{KeyOptions, PrivateKey, PublicKey, cache};
use payseal::transactpay::TransactPay;
use std::hint::black_box;
use std::time::Duration;

fn main() {
    let mode = RunMode::from_args();
    let (budget, rounds) = if mode.bench {
        (
            Duration::from_secs_f64(env_seconds("PAYSEAL_BENCH_PAIR_SECONDS", 2.0)),
            5,
        )
    } else {
        (Duration::ZERO, 1)
    };
    let options = KeyOptions::default();
    let public_pem = key_file("rsa4096.spki.pem");
    let private_pem = key_file("rsa4096.pkcs8.pem");
    let keepz_payload = json_payload(1024);
    let tp_payload = json_payload(100);
    let new_keepz = || {
        Keepz::builder()
            .seal_to(cache::public_key(&public_pem, &options).unwrap())
            .open_with(cache::private_key(&private_pem, &options).unwrap())
            .identifier(IDENTIFIER)
            .build()
            .unwrap()
    };
    let kept = new_keepz();
    let transactpay = TransactPay::from_key(cache::public_key(&public_pem, &options).unwrap());

    println!("| case (4096-bit, aws-lc) | a µs | b µs | a/b |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, a: &mut dyn FnMut(), b: &mut dyn FnMut()| {
        if !mode.selects(name) {
            return;
        }
        let p = paired(a, b, budget, rounds);
        println!(
            "| {name} | {:.2} | {:.2} | {:.3} |",
            p.a_ns / 1000.0,
            p.b_ns / 1000.0,
            p.ratio
        );
    };
    row(
        "private key: cache hit / parse",
        &mut || {
            black_box(cache::private_key(black_box(&private_pem), &options).unwrap());
        },
        &mut || {
            black_box(PrivateKey::parse_with(black_box(&private_pem), &options).unwrap());
        },
    );
    row(
        "public key: cache hit / parse",
        &mut || {
            black_box(cache::public_key(black_box(&public_pem), &options).unwrap());
        },
        &mut || {
            black_box(PublicKey::parse_with(black_box(&public_pem), &options).unwrap());
        },
    );
    row(
        "Keepz: new handle + seal 1 KiB / seal",
        &mut || {
            black_box(
                new_keepz()
                    .seal_bytes(&keepz_payload)
                    .unwrap()
                    .to_json_body(),
            );
        },
        &mut || {
            black_box(kept.seal_bytes(&keepz_payload).unwrap().to_json_body());
        },
    );
    row(
        "TransactPay: new handle + seal 100 B / seal",
        &mut || {
            let t = TransactPay::from_key(cache::public_key(&public_pem, &options).unwrap());
            black_box(t.seal_bytes(&tp_payload).unwrap().to_json_body());
        },
        &mut || {
            black_box(transactpay.seal_bytes(&tp_payload).unwrap().to_json_body());
        },
    );
    println!("\nload average: {}", load_average());
}
