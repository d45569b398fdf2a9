//! Bounded work for hostile bodies: every reader of a body a stranger can send — Keepz open (body
//! and query string), TransactPay open, the answer, callback and webhook readers — given bodies
//! that fill its whole limit with each hostile shape of `payseal_test_support::bounded` (many
//! small numbers, deep nesting, many or repeated keys, long strings, many escapes, huge exponents,
//! many empty objects; many `&`, pairs and escapes in a query string), and envelopes that open
//! with hostile plaintexts behind them, holds at most **4 times the body's size** on the heap at
//! any moment (this thread's allocations, measured by `TestAllocator`; deterministic, so one call
//! per case). The time each takes is not a test (it depends on the machine): `cargo bench --bench
//! memory` prints both, and SECURITY.md has the figures.

use payseal::Backend;
use payseal_test_support::alloc::{TestAllocator, peak_during};
use payseal_test_support::bounded::{
    Handles, QUERY_LIMIT, open_query, query_strings, sealed_cases, targets,
};

#[global_allocator]
static ALLOC: TestAllocator = TestAllocator;

/// The bound: peak heap at most this many times the body's size.
const FACTOR: usize = 4;

#[test]
fn every_reader_holds_at_most_four_times_the_body() {
    let handles = Handles::new(Backend::default());
    // Warm lazily built state (the RNG, key tables) outside the measurements.
    let _ = handles.keepz.open(b"{}");
    let show = std::env::var_os("PAYSEAL_SHOW_PEAKS").is_some();
    let mut over = Vec::new();
    let mut check =
        |what: String, len: usize, (answer, peak): (Option<payseal::ErrorKind>, usize)| {
            let ratio = peak as f64 / len as f64;
            if show {
                eprintln!("| {what} | {len} | {answer:?} | {peak} | {ratio:.2} |");
            }
            if peak > FACTOR * len {
                over.push(format!(
                    "{what}: {peak} bytes for a {len}-byte body ({ratio:.1}×), answered {answer:?}"
                ));
            }
        };
    for target in targets() {
        for (shape, body) in target.bodies() {
            let measured = peak_during(|| target.run(&handles, &body));
            check(format!("{}, {shape}", target.name), body.len(), measured);
        }
    }
    for (shape, query) in query_strings(QUERY_LIMIT) {
        let measured = peak_during(|| open_query(&handles, &query));
        check(format!("keepz open_query, {shape}"), query.len(), measured);
    }
    for (name, body, run) in sealed_cases(&handles) {
        let measured = peak_during(|| run(&handles, &body));
        check(name.to_string(), body.len(), measured);
    }
    assert!(
        over.is_empty(),
        "{} over {FACTOR}×:\n{}",
        over.len(),
        over.join("\n")
    );
}
