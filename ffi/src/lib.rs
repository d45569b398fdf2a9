//! payseal's stable C ABI: `libpayseal.so` and `libpayseal.a`, declared by `include/payseal.h`
//! (generated from this crate by cbindgen, `tests/header.rs`).
//!
//! The logic lives once, in the `payseal` crate; this crate only translates: pointers and lengths into slices, handles into references, Rust
//! results into status codes and library-allocated buffers. Every rule of the ABI lives here:
//!
//! - Inputs are `(const uint8_t *ptr, size_t len)` pairs; `NULL, 0` is a valid empty input, `NULL`
//!   with a non-zero length is [`payseal_status::PAYSEAL_NULL_ARGUMENT`], a length over
//!   `isize::MAX` (`PTRDIFF_MAX`) is [`payseal_status::PAYSEAL_INVALID_LENGTH`] whatever the
//!   pointer (`args::bytes`, the one reader of inputs).
//! - Outputs are [`payseal_buffer`]s allocated by payseal and released by
//!   [`payseal_buffer_free`], which wipes them first. They are written only on success (and, for
//!   `payseal_keepz_open` and `payseal_transactpay_parse_response`, on `PAYSEAL_GATEWAY_ERROR`,
//!   where the output holds the gateway's error as JSON). Outputs are written, never read; the
//!   outputs of one call must be distinct buffers, or the call is refused with
//!   `PAYSEAL_INVALID_ARGUMENT` and only the message is written (`boundary::distinct_outputs`).
//! - Every fallible function returns a [`payseal_status`] and, when the caller passes a non-NULL
//!   `error` buffer, fills it with a human-readable message of that very failure — no thread-local
//!   "last error" (a Go goroutine can change OS threads between two calls).
//! - No panic crosses the boundary: every exported body runs inside `catch_unwind` and a caught
//!   panic returns [`payseal_status::PAYSEAL_PANIC`].
//! - Handles are opaque, immutable and thread-safe; each has one `_new` and one `_free`.
//! - An allocation that fails aborts the process (Rust's `handle_alloc_error`): it is not a
//!   status and not a caught panic. Inputs are bounded, and so are allocations (SECURITY.md).
//! - Diagnosis is a handle type of its own (`payseal_keepz_diagnostics`): no production handle
//!   can explain why an envelope does not open.
//!
//! The `#[no_mangle]` symbols live here and only here: a Rust program that depends on the core
//! crate links none of them and builds no C library.

#![allow(non_camel_case_types, clippy::missing_safety_doc)]

mod args;
mod backend;
mod boundary;
mod buffer;
mod diagnostics;
mod json;
mod keepz;
mod key_cache;
mod keys;
mod operations;
mod status;
mod transactpay;
mod version;

pub use backend::*;
pub use buffer::{payseal_buffer, payseal_buffer_free};
pub use diagnostics::*;
pub use keepz::*;
pub use key_cache::*;
pub use keys::*;
pub use operations::*;
pub use status::{payseal_status, payseal_status_text};
pub use transactpay::*;
pub use version::*;

#[cfg(test)]
mod tests;
