//! A fresh order id for hosts without a UUID generator.

use super::super::buffer::payseal_buffer;
use super::super::status::payseal_status;
use super::call::output;

/// A fresh random (version 4) UUID in lower case, from the operating system's random number
/// generator: Keepz's `integratorOrderId` (reusing one is Keepz error 6023). `*out` holds its 36
/// characters (not NUL-terminated). `PAYSEAL_CRYPTO` if the generator fails.
///
/// # Safety
/// `out` must be writable; `error` NULL or writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_new_order_id(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output(out, error, || {
        Ok(payseal::keepz::api::new_order_id()?.into_bytes())
    })
}
