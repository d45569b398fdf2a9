//! The Keepz diagnostics handle across the C ABI: a handle type of its own, which a production
//! `payseal_keepz` handle cannot be used as or turned into.
//!
//! Until ABI version 2 the diagnosis was `payseal_keepz_diagnose(const payseal_keepz *, ...)`:
//! any handle a request path held could answer "why does this body not open?" — a padding
//! oracle one careless line away from an HTTP response. Now it takes a
//! `payseal_keepz_diagnostics`, made only by `payseal_keepz_diagnostics_new` from the private key,
//! and says less (see the core's `KeepzDiagnostics`).

use super::args::{bytes, handle, require_out};
use super::boundary::{Outcome, free_handle, new_handle, run};
use super::buffer::payseal_buffer;
use super::keepz::{options_from, payseal_keepz_options};
use super::status::payseal_status;
use payseal::error::{Error, ErrorKind};
use payseal::keepz::{DiagnoseOptions, KeepzDiagnostics};
use payseal::keys::PrivateKey;

/// `flags` of `payseal_keepz_diagnostics_explain`: also try the key block under the other RSA
/// padding (OAEP-SHA-256 ↔ PKCS#1 v1.5) when it does not open under the handle's.
pub const PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING: u32 = 1;

/// Every flag this version knows; any other bit is `PAYSEAL_INVALID_ARGUMENT`.
const KNOWN_FLAGS: u32 = PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING;

/// An opaque Keepz diagnostics handle: explains, offline, why envelopes do not open. Not a
/// `payseal_keepz`: it cannot seal or open, and no `payseal_keepz` can diagnose.
pub struct payseal_keepz_diagnostics(KeepzDiagnostics);

/// Creates a diagnostics handle — for offline debugging only (the `payseal doctor` command, a
/// test, a script run by hand): never in a request path, and never return its output to whoever
/// posted a body, because a diagnosis tells whether an RSA key block opens (an oracle).
/// `private_key` is the private key envelopes are opened with, in any supported format;
/// `options` (NULL for the defaults) are the settings of the handle whose envelopes fail. On
/// success `*out` holds a handle to release with `payseal_keepz_diagnostics_free`; on failure
/// `*out` is set to NULL.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_diagnostics_new(
    private_key: *const u8,
    private_key_len: usize,
    options: *const payseal_keepz_options,
    out: *mut *mut payseal_keepz_diagnostics,
    error: *mut payseal_buffer,
) -> payseal_status {
    new_handle(out, error, || {
        let key = unsafe { bytes(private_key, private_key_len, "private_key") }?;
        let (keepz_options, key_options) = options_from(options)?;
        let private = PrivateKey::parse_with(key, &key_options)?;
        KeepzDiagnostics::checked(private, keepz_options).map(payseal_keepz_diagnostics)
    })
}

/// Releases a diagnostics handle (NULL is ignored). Call it exactly once per handle.
///
/// # Safety
/// `handle` must be NULL or a handle from `payseal_keepz_diagnostics_new` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_diagnostics_free(handle: *mut payseal_keepz_diagnostics) {
    unsafe { free_handle(handle) }
}

/// Explains why `body` does or does not open. `flags` is 0 or
/// `PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING`. `*out` holds JSON
/// `{"opens":bool,"reason":string|null,"steps":[string]}`: public facts about the body, whether
/// the key block opens (one answer for the RSA padding and the key string), and whether the
/// payload then decrypts to JSON (one answer for the CBC padding, UTF-8 and the JSON checks) — no
/// lengths of decrypted data, no parser positions. Offline only (see
/// `payseal_keepz_diagnostics_new`).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_diagnostics_explain(
    diagnostics: *const payseal_keepz_diagnostics,
    body: *const u8,
    body_len: usize,
    flags: u32,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            require_out(out, "out")?;
            let diagnostics = unsafe { handle(diagnostics, "diagnostics") }?;
            let body = unsafe { bytes(body, body_len, "body") }?;
            if flags & !KNOWN_FLAGS != 0 {
                return Err(Error::new(
                    ErrorKind::InvalidArgument,
                    format!("unknown diagnose flags {:#x}", flags & !KNOWN_FLAGS),
                ));
            }
            let ask = DiagnoseOptions::default()
                .try_other_padding(flags & PAYSEAL_DIAGNOSE_TRY_OTHER_PADDING != 0);
            let diagnosis = diagnostics.0.explain(body, ask);
            Ok(diagnosis.to_json_value().to_string().into_bytes())
        })())
    })
}
