//! Peak heap and time of the readers of bodies, measured with the test allocator
//! (`payseal_test_support::alloc::TestAllocator`: this thread's bytes held at once, above what it
//! held before the call; a moving `realloc` counts old and new block together).
//!
//! 1. Opening (and sealing) a 256 KiB Keepz envelope, as a multiple of the payload size (the
//!    returned plaintext counts; the body passed in does not: the caller holds it before and
//!    after).
//! 2. Bounded work for hostile bodies: every reader of a body a stranger can send, given bodies
//!    that fill its limit with each hostile shape (`payseal_test_support::bounded`), as a multiple
//!    of the body, and the median time of one call (the target: refused or opened in ≤ 5 ms with
//!    a peak heap ≤ 4× the body; `tests/hostile_bodies.rs` asserts the heap bound).
//!
//! ```sh
//! cargo bench --bench memory [--features rustcrypto] [-- filter]
//! ```
//!
//! Allocation sizes do not depend on timing, so one call per case is an exact measurement of the
//! heap; times are medians of [`TIMED_RUNS`] calls.

mod common;

use common::{BITS, RunMode, json_payload, keepz};
use payseal::{Backend, ErrorKind};
use payseal_test_support::alloc::{TestAllocator, peak_during};
use payseal_test_support::bounded::{
    Handles, QUERY_LIMIT, open_query, query_strings, sealed_cases, targets,
};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: TestAllocator = TestAllocator;

const PAYLOAD: usize = 256 * 1024;

/// Calls timed per hostile case.
const TIMED_RUNS: usize = 11;

fn main() {
    let mode = RunMode::from_args();
    envelopes(&mode);
    hostile_bodies(&mode);
}

fn envelopes(mode: &RunMode) {
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
                let (_, peak) = peak_during(f);
                println!(
                    "| {case} | {bits} | {name} | {peak} | {:.2} |",
                    peak as f64 / PAYLOAD as f64
                );
            }
        }
    }
    println!();
}

/// The CPU time this thread has used.
fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write; the clock id is a constant of the platform.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// The median CPU time (of this thread) and wall time of [`TIMED_RUNS`] calls.
fn median_times(mut f: impl FnMut()) -> (Duration, Duration) {
    let mut cpu = Vec::with_capacity(TIMED_RUNS);
    let mut wall = Vec::with_capacity(TIMED_RUNS);
    for _ in 0..TIMED_RUNS {
        let (cpu_start, wall_start) = (thread_cpu_time(), Instant::now());
        f();
        cpu.push(thread_cpu_time() - cpu_start);
        wall.push(wall_start.elapsed());
    }
    cpu.sort_unstable();
    wall.sort_unstable();
    (cpu[TIMED_RUNS / 2], wall[TIMED_RUNS / 2])
}

fn row(what: &str, len: usize, answer: Option<ErrorKind>, peak: usize, f: impl FnMut()) {
    let (cpu, wall) = median_times(f);
    let answer = answer.map_or("opened".to_string(), |kind| format!("{kind:?}"));
    println!(
        "| {what} | {len} | {answer} | {:.2} | {:.2} | {:.2} |",
        peak as f64 / len as f64,
        cpu.as_secs_f64() * 1e3,
        wall.as_secs_f64() * 1e3
    );
}

fn hostile_bodies(mode: &RunMode) {
    let backend = Backend::default();
    let handles = Handles::new(backend);
    let _ = handles.keepz.open(b"{}");
    println!(
        "Hostile bodies filling each reader's limit ({} backend, 2048-bit key): the answer, the \
         peak heap as a multiple of the body, the median CPU time (this thread) and wall time of \
         {TIMED_RUNS} calls (target: ≤ 4×, ≤ 5 ms). Load average now: {}.",
        backend.name(),
        common::load_average()
    );
    println!();
    println!("| reader, shape | body bytes | answer | peak × body | CPU ms | wall ms |");
    println!("|---|---:|---|---:|---:|---:|");
    for target in targets() {
        for (shape, body) in target.bodies() {
            let what = format!("{}, {shape}", target.name);
            if !mode.selects(&what) {
                continue;
            }
            let (answer, peak) = peak_during(|| target.run(&handles, &body));
            row(&what, body.len(), answer, peak, || {
                std::hint::black_box(target.run(&handles, &body));
            });
        }
    }
    for (shape, query) in query_strings(QUERY_LIMIT) {
        let what = format!("keepz open_query, {shape}");
        if !mode.selects(&what) {
            continue;
        }
        let (answer, peak) = peak_during(|| open_query(&handles, &query));
        row(&what, query.len(), answer, peak, || {
            std::hint::black_box(open_query(&handles, &query));
        });
    }
    for (name, body, run) in sealed_cases(&handles) {
        if !mode.selects(name) {
            continue;
        }
        let (answer, peak) = peak_during(|| run(&handles, &body));
        row(name, body.len(), answer, peak, || {
            std::hint::black_box(run(&handles, &body));
        });
    }
}
