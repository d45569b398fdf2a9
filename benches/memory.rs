//! Peak heap while opening (and sealing) a 256 KiB Keepz envelope, measured with a counting
//! global allocator: the most bytes allocated at once during the call, above what was allocated
//! before it, as a multiple of the payload size. The returned plaintext counts (it is allocated
//! inside the call); the body passed in does not (the caller holds it before and after).
//!
//! ```sh
//! cargo bench --features rustcrypto --bench memory
//! ```
//!
//! Allocation sizes do not depend on timing, so one call per case is an exact measurement.

mod common;

use common::{BITS, RunMode, json_payload, keepz};
use payseal::Backend;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting the bytes currently allocated and the highest count seen.
struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    CURRENT.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed through.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed through.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed through.
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's contract is passed through.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            // Counted as the new block appearing before the old one goes: a moving realloc
            // holds both for a moment.
            grew(new_size);
            shrank(layout.size());
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak heap above the starting level while `f` runs, in bytes (its result is dropped
/// after the measurement).
fn peak_during<T>(f: impl FnOnce() -> T) -> usize {
    let base = CURRENT.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let result = std::hint::black_box(f());
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(result);
    peak
}

const PAYLOAD: usize = 256 * 1024;

fn main() {
    let mode = RunMode::from_args();
    let payload = json_payload(PAYLOAD);
    println!("Peak heap during one call, 256 KiB payload (× payload size; target for open ≤ 4×).");
    println!();
    println!("| case | bits | backend | peak bytes | × payload |");
    println!("|---|---:|---|---:|---:|");
    for bits in BITS {
        for backend in Backend::available() {
            let name = backend.name();
            let handle = keepz(bits, backend);
            let sealed = handle.seal_bytes(&payload).unwrap();
            let body = sealed.to_json_body();
            let query = sealed.to_query_string();
            // Warm lazily built state (key tables, thread-local RNG) outside the measurement.
            handle.open(body.as_bytes()).unwrap();
            let cases: [(&str, &dyn Fn() -> usize); 3] = [
                ("keepz open (JSON body)", &|| {
                    handle.open(body.as_bytes()).unwrap().len()
                }),
                ("keepz open (query string)", &|| {
                    handle.open_query(&query).unwrap().len()
                }),
                ("keepz seal + JSON body", &|| {
                    handle.seal_bytes(&payload).unwrap().to_json_body().len()
                }),
            ];
            for (case, f) in cases {
                if !mode.selects(&format!("{case} {bits} {name}")) {
                    continue;
                }
                let peak = peak_during(f);
                println!(
                    "| {case} | {bits} | {name} | {peak} | {:.2} |",
                    peak as f64 / PAYLOAD as f64
                );
            }
        }
    }
}
