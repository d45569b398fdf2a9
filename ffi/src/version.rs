//! Versions, and the self-test of the panic boundary.

use super::boundary::{Outcome, run};
use super::buffer::payseal_buffer;
use super::status::payseal_status;
use std::ffi::c_char;

/// The C ABI version. It changes only when the ABI changes incompatibly; bindings check it when
/// they load the library. Equal to `[package.metadata.payseal] abi-version` in this crate's
/// `Cargo.toml`.
///
/// 2: `payseal_keepz_diagnose` (which any production handle could call) is gone; diagnosis takes
/// its own handle (`payseal_keepz_diagnostics_new`, `_explain`, `_free`).
pub const PAYSEAL_ABI_VERSION: u32 = 2;

/// The library version, NUL-terminated ("0.1.0"), equal to this crate's version (the core crate
/// is released with the same number). Do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn payseal_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The C ABI version of the loaded library (compare with `PAYSEAL_ABI_VERSION`).
#[unsafe(no_mangle)]
pub extern "C" fn payseal_abi_version() -> u32 {
    PAYSEAL_ABI_VERSION
}

/// Deliberately panics inside the boundary and returns `PAYSEAL_PANIC`, with the message in
/// `*error` (NULL allowed): proof for hosts and tests that no panic crosses the ABI.
///
/// # Safety
/// `error` must be NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_selftest_panic(error: *mut payseal_buffer) -> payseal_status {
    run(std::ptr::null_mut(), error, || -> Outcome {
        panic!("payseal_selftest_panic: a deliberate panic");
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the functions answer equals the constants the header is generated from; that those
    /// equal `Cargo.toml` is `tests/header.rs`'s check.
    #[test]
    fn functions_answer_the_versions() {
        assert_eq!(payseal_abi_version(), PAYSEAL_ABI_VERSION);
        let version = unsafe { std::ffi::CStr::from_ptr(payseal_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(version.to_str().unwrap(), payseal::VERSION);
    }
}
