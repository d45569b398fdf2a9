//! Instruction counts for 256 KiB envelopes, for callgrind (`scripts/profile-large-bodies.sh`):
//! runs one routine — payseal's Keepz seal or open, or the OpenSSL reference's — a given number of
//! times on the fixed 2048-bit key, after building its inputs. Instruction counts do not drift with
//! the load of a shared machine as times do; the script runs each routine twice with different
//! counts and takes the difference, so that the set-up is not counted.
//!
//! ```sh
//! cargo bench --bench large_bodies -- seal 10      # (not a timing: use the script)
//! ```

mod common;

use common::openssl_ref::OpensslEnvelope;
use common::{json_payload, keepz};
use payseal::Backend;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let routine = args.first().map_or("seal", String::as_str);
    let iterations: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(1);
    let size: usize = args
        .get(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(256 * 1024);
    let payload = json_payload(size);
    let handle = keepz(2048, Backend::AwsLc);
    let openssl = OpensslEnvelope::new(2048);
    let body = handle.seal_bytes(&payload).unwrap().to_json_body();
    let mut run: Box<dyn FnMut() -> usize> = match routine {
        "seal" => Box::new(|| handle.seal_bytes(&payload).unwrap().to_json_body().len()),
        "open" => Box::new(|| handle.open(body.as_bytes()).unwrap().len()),
        "openssl-seal" => Box::new(|| openssl.keepz_seal(&payload).len()),
        "openssl-open" => Box::new(|| openssl.keepz_open(body.as_bytes()).len()),
        other => panic!("unknown routine {other}: seal, open, openssl-seal, openssl-open"),
    };
    let mut total = 0;
    for _ in 0..iterations {
        total += black_box(run());
    }
    println!("{routine} x{iterations}: {total} bytes");
}
