//! TransactPay handles and response parsing across the C ABI.

use super::args::{bytes, handle, optional, require_out};
use super::backend::backend_from;
use super::boundary::{Outcome, free_handle, new_handle, run};
use super::buffer::payseal_buffer;
use super::status::payseal_status;
use payseal::keys::{KeyOptions, cache};
use payseal::transactpay::TransactPay;

/// An opaque TransactPay handle: the encryption key parsed once, immutable, thread-safe.
pub struct payseal_transactpay(pub(crate) TransactPay);

/// Creates a TransactPay handle from the dashboard's encryption key (the Base64 blob, its decoded
/// text, RSAKeyValue XML, or a PEM/DER public key). `private_key` is optional (`NULL, 0`): give it
/// only in tests and test doubles, to open envelopes as TransactPay does. `backend` is one of the
/// `PAYSEAL_BACKEND_*` values (0 for the default). Keys seen before come from the process-wide
/// key cache (`payseal_key_cache_set_capacity`). On success `*out` holds a handle to release
/// with `payseal_transactpay_free`; on failure `*out` is set to NULL.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_new(
    encryption_key: *const u8,
    encryption_key_len: usize,
    private_key: *const u8,
    private_key_len: usize,
    backend: u32,
    out: *mut *mut payseal_transactpay,
    error: *mut payseal_buffer,
) -> payseal_status {
    new_handle(out, error, || {
        let key = unsafe { bytes(encryption_key, encryption_key_len, "encryption_key") }?;
        let private = unsafe { optional(private_key, private_key_len, "private_key") }?;
        let options = KeyOptions::with_backend(backend_from(backend)?);
        let mut builder = TransactPay::builder()
            .encryption_key(cache::transactpay_encryption_key(key, &options)?);
        if let Some(private) = private {
            builder = builder.open_with(cache::private_key(private, &options)?);
        }
        builder.build().map(payseal_transactpay)
    })
}

/// Releases a TransactPay handle (NULL is ignored). Call it exactly once per handle.
///
/// # Safety
/// `handle` must be NULL or a handle from `payseal_transactpay_new` not yet freed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_free(handle: *mut payseal_transactpay) {
    unsafe { free_handle(handle) }
}

/// The largest payload one seal carries (k − 11 bytes: 501 for a 4096-bit key); 0 for NULL.
///
/// # Safety
/// `transactpay` must be NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_max_payload(
    transactpay: *const payseal_transactpay,
) -> usize {
    std::panic::catch_unwind(|| {
        // SAFETY: NULL or a live handle.
        unsafe { transactpay.as_ref() }.map_or(0, |t| t.0.max_payload_len())
    })
    .unwrap_or(0)
}

/// Seals a payload (a UTF-8 JSON object, sent as given, at most k − 11 bytes) into the body
/// `{"data":"…"}`. A larger payload is `PAYSEAL_PAYLOAD_TOO_LARGE`, refused before encryption.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_seal(
    transactpay: *const payseal_transactpay,
    payload: *const u8,
    payload_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            require_out(out, "out")?;
            let handle = unsafe { handle(transactpay, "transactpay") }?;
            let payload = unsafe { bytes(payload, payload_len, "payload") }?;
            Ok(handle.0.seal_bytes(payload)?.to_json_body().into_bytes())
        })())
    })
}

/// Opens a `{"data":"…"}` body with the handle's private key (TransactPay's side; for tests and
/// test doubles). Every cryptographic failure is `PAYSEAL_CANNOT_OPEN`.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_open(
    transactpay: *const payseal_transactpay,
    body: *const u8,
    body_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        Outcome::from((|| {
            require_out(out, "out")?;
            let handle = unsafe { handle(transactpay, "transactpay") }?;
            let body = unsafe { bytes(body, body_len, "body") }?;
            Ok(handle.0.open(body)?.into_bytes().to_vec())
        })())
    })
}

/// Parses a TransactPay response (plain JSON) given its HTTP status. Outcomes:
/// - `PAYSEAL_OK`: `*out` holds `{"httpStatus","statusCode","status","message","data"}`, with
///   `statusCode`/`status_code` and string/boolean `status` normalized to text;
/// - `PAYSEAL_GATEWAY_ERROR`: `*out` holds `{"gateway":"transactpay","httpStatus","statusCode",
///   "status","message"}`;
/// - `PAYSEAL_NOT_JSON` (an HTML page), `PAYSEAL_EMPTY_BODY`, `PAYSEAL_NOT_ENVELOPE`,
///   `PAYSEAL_BODY_TOO_LARGE`: `*out` untouched.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_parse_response(
    http_status: u16,
    body: *const u8,
    body_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    run(out, error, || {
        super::json::with_gateway_error((|| {
            require_out(out, "out")?;
            let body = unsafe { bytes(body, body_len, "body") }?;
            let response =
                payseal::transactpay::api::parse_response::<payseal::RawJson>(http_status, body)?;
            Ok(super::json::transactpay_answer(&response))
        })())
    })
}
