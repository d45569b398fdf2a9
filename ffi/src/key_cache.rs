//! The process-wide cache of parsed keys across the C ABI: `payseal_keepz_new` and
//! `payseal_transactpay_new` look their keys up in it (see the core's `payseal::keys::cache`);
//! these functions let a host size it, turn it off, empty it and read its counters.

use super::boundary::{Outcome, run};
use super::buffer::payseal_buffer;
use super::status::payseal_status;
use payseal::keys::cache;

/// Sets the most parsed keys the process keeps for `payseal_keepz_new` and
/// `payseal_transactpay_new` to reuse (default 32, at most 1024; least recently used evicted
/// first). 0 turns the cache off and drops every entry: each new handle then parses its keys.
/// Over 1024 is `PAYSEAL_INVALID_ARGUMENT`.
///
/// # Safety
/// `error` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_key_cache_set_capacity(
    capacity: usize,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(std::ptr::null_mut(), error, || {
        Outcome::from(cache::set_capacity(capacity).map(|()| Vec::new()))
    })
}

/// Drops every cached key. A key still used by a live handle is wiped when that handle is freed;
/// the others are wiped now. The cache stays on.
#[unsafe(no_mangle)]
pub extern "C" fn payseal_key_cache_clear() {
    let _ = std::panic::catch_unwind(cache::clear);
}

/// Writes the cache's counters and size to `*out` as JSON:
/// `{"hits":…,"misses":…,"evictions":…,"entries":…,"capacity":…}` (hits and misses count
/// lookups since the process started; capacity 0: off).
///
/// # Safety
/// `out` must be writable; `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_key_cache_stats(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            super::args::require_out(out, "out")?;
            Ok(super::json::key_cache_stats(&cache::stats()).into_bytes())
        })())
    })
}
