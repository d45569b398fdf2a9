//! How an operation runs at the boundary, and the arguments several of them share.

use super::super::args::{optional, require_out};
use super::super::boundary::{Outcome, run};
use super::super::buffer::payseal_buffer;
use super::super::json::with_gateway_error;
use super::super::status::payseal_status;
use super::base_url::{GatewayUrls, choose};
use payseal::error::{Error, ErrorKind, Result};

/// Runs `body` at the boundary with `out` required: its bytes go to `*out`.
pub(crate) fn output(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
    body: impl FnOnce() -> Result<Vec<u8>>,
) -> payseal_status {
    run(out, error, || {
        Outcome::from(require_out(out, "out").and_then(|()| body()))
    })
}

/// [`output`], with the gateway's error written to `*out` on `PAYSEAL_GATEWAY_ERROR`.
pub(crate) fn output_or_gateway_error(
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
    body: impl FnOnce() -> Result<Vec<u8>>,
) -> payseal_status {
    run(out, error, || {
        with_gateway_error(require_out(out, "out").and_then(|()| body()))
    })
}

/// The base URL `choice` picks among `urls`, or the custom one (`ptr`, `len`; `NULL, 0` when
/// none).
///
/// # Safety
/// `ptr` must be NULL or valid for `len` bytes.
pub(crate) unsafe fn base_url(
    urls: &GatewayUrls,
    choice: u32,
    ptr: *const u8,
    len: usize,
) -> Result<String> {
    let custom = unsafe { optional(ptr, len, "custom_base_url") }?
        .map(|raw| {
            std::str::from_utf8(raw).map_err(|_| {
                Error::new(ErrorKind::InvalidUtf8, "custom_base_url is not valid UTF-8")
            })
        })
        .transpose()?;
    choose(urls, choice, custom)
}
