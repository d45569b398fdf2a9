//! Keepz's operations across the C ABI: prepare, parse, callbacks, and opening a query-string
//! request (the gateway's side, for test doubles).

use super::super::args::{bytes, handle, text};
use super::super::buffer::payseal_buffer;
use super::super::keepz::payseal_keepz;
use super::super::status::payseal_status;
use super::base_url::KEEPZ;
use super::call::{base_url as base, output, output_or_gateway_error};
use super::normalize::to_abi_bytes;
use super::prepared;
use super::registry::keepz_operation;
use super::shapes::KeepzCallbackHint;
use payseal::error::{Error, ErrorKind};
use payseal::keepz::api::KeepzCallback;

/// Prepares a Keepz request: reads `request` (JSON with Keepz's field names) as the request of
/// `operation`, checks it as Keepz would (UUIDs, amounts > 0 with at most two decimals,
/// `receiverType`, …), seals it to Keepz's public key and places it. `operation` is one of
/// `create_order`, `order_status`, `cancel_order`, `refund`, `saved_card`,
/// `saved_card_distributor`, `subscription_history`, `revoke_subscription`. `base_url` is
/// `PAYSEAL_BASE_URL_TEST` (0), `_PRODUCTION` or `_CUSTOM` with `custom_base_url` (otherwise
/// `NULL, 0`).
///
/// `PAYSEAL_OK`: `*out` holds the prepared request as JSON,
/// `{"gateway":"keepz","operation","method","url","path","placement","encrypted","body","query",
/// "headers":[{"name","value"}],"apiKey":null}`: send `method` to `url` with `headers` and, for
/// the `body` placement, `body`. Amounts in `request` are decimal strings (`"12.50"`; JSON
/// numbers are read digit for digit too). Errors: `PAYSEAL_INVALID_ARGUMENT` (operation, base
/// URL), `PAYSEAL_NOT_JSON`, `PAYSEAL_INVALID_REQUEST` (unknown or missing field, wrong kind, a
/// value Keepz refuses), `PAYSEAL_INVALID_AMOUNT`, `PAYSEAL_MISSING_KEY` (no Keepz public key),
/// `PAYSEAL_PAYLOAD_TOO_LARGE` (over 1 MiB).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_prepare(
    keepz: *const payseal_keepz,
    operation: *const u8,
    operation_len: usize,
    request: *const u8,
    request_len: usize,
    base_url: u32,
    custom_base_url: *const u8,
    custom_base_url_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output(out, error, || {
        let keepz = unsafe { handle(keepz, "keepz") }?;
        let name = unsafe { text(operation, operation_len, "operation") }?;
        let request = unsafe { bytes(request, request_len, "request") }?;
        let base = unsafe { base(&KEEPZ, base_url, custom_base_url, custom_base_url_len) }?;
        let op = keepz_operation(name)?;
        let sealed = op.prepare(&keepz.0, request)?;
        to_abi_bytes(&prepared::keepz(op.name, &sealed, &base))
    })
}

/// Reads Keepz's answer to `operation` (`http_status` and `body` as received) into its typed
/// form. `PAYSEAL_OK`: `*out` holds the answer as JSON in the ABI's form (the description's
/// `operations[].response`; amounts as decimal strings; an order status as
/// `{"value","known","final","paid"}`; every field present, `null` when absent; revoke's empty
/// 200 is `{}`). `PAYSEAL_GATEWAY_ERROR`: `*out` holds Keepz's error
/// (`{"gateway":"keepz","message","statusCode","exceptionGroup","httpStatus","group","codeName",
/// "hint"}`), whether sent plain or sealed. Otherwise `*out` is untouched: `PAYSEAL_NOT_JSON`
/// (an HTML page), `PAYSEAL_EMPTY_BODY`, `PAYSEAL_NOT_ENVELOPE`, `PAYSEAL_CANNOT_OPEN`,
/// `PAYSEAL_UNEXPECTED_RESPONSE` (the answer lacks a field, or a non-2xx status came with an
/// envelope that is not an error), `PAYSEAL_BODY_TOO_LARGE`, `PAYSEAL_INVALID_ARGUMENT`
/// (operation).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_parse(
    keepz: *const payseal_keepz,
    operation: *const u8,
    operation_len: usize,
    http_status: u16,
    body: *const u8,
    body_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output_or_gateway_error(out, error, || {
        let keepz = unsafe { handle(keepz, "keepz") }?;
        let name = unsafe { text(operation, operation_len, "operation") }?;
        let body = unsafe { bytes(body, body_len, "body") }?;
        let value = keepz_operation(name)?.parse(&keepz.0, http_status, body)?;
        Ok(value.to_string().into_bytes())
    })
}

/// Reads a Keepz callback body — an envelope (opened with the handle's private key) or plain
/// JSON, both of which Keepz sends — and prepares its re-check: an order status for **the
/// handle's** integrator id (not the one in the callback), or the history of a subscription.
///
/// A callback proves nothing (anyone with your public key can seal one): act on the answer to
/// `recheck`. `PAYSEAL_OK`: `*out` holds `{"unverified":true,"type":"order"|"subscription",
/// "order","subscription","recheck"}` (`recheck` as `payseal_keepz_prepare` writes it).
/// Refused: a callback naming another integrator or carrying a malformed order id
/// (`PAYSEAL_INVALID_REQUEST`), one without `integratorOrderId` or `subscriptionId`
/// (`PAYSEAL_UNEXPECTED_RESPONSE`), a handle without an integrator id
/// (`PAYSEAL_INVALID_ARGUMENT`), and the body errors of `payseal_keepz_open`.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_callback(
    keepz: *const payseal_keepz,
    body: *const u8,
    body_len: usize,
    base_url: u32,
    custom_base_url: *const u8,
    custom_base_url_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output_or_gateway_error(out, error, || {
        let keepz = &unsafe { handle(keepz, "keepz") }?.0;
        let body = unsafe { bytes(body, body_len, "body") }?;
        let base = unsafe { base(&KEEPZ, base_url, custom_base_url, custom_base_url_len) }?;
        let hint = keepz.parse_callback(body)?;
        let (recheck, name) = match hint.peek_unverified() {
            KeepzCallback::Order(_) => {
                let own = keepz.identifier().ok_or_else(|| {
                    Error::new(
                        ErrorKind::InvalidArgument,
                        "the handle has no integrator id (give it to payseal_keepz_new) to \
                     re-check the callback with",
                    )
                })?;
                (
                    keepz.prepare(&hint.order_status_request(own)?)?,
                    "order_status",
                )
            }
            KeepzCallback::Subscription(_) => (
                keepz.prepare(&hint.subscription_history_request()?)?,
                "subscription_history",
            ),
            _ => return Err(unknown_callback()),
        };
        let recheck = prepared::keepz(name, &recheck, &base);
        let result = match hint.into_unverified_inner() {
            KeepzCallback::Order(order) => KeepzCallbackHint {
                unverified: true,
                kind: "order".into(),
                order: Some(*order),
                subscription: None,
                recheck,
            },
            KeepzCallback::Subscription(subscription) => KeepzCallbackHint {
                unverified: true,
                kind: "subscription".into(),
                order: None,
                subscription: Some(subscription),
                recheck,
            },
            _ => return Err(unknown_callback()),
        };
        to_abi_bytes(&result)
    })
}

/// A kind of callback added to the core but not to this ABI.
fn unknown_callback() -> Error {
    Error::new(
        ErrorKind::UnexpectedResponse,
        "a kind of callback this ABI does not know",
    )
}

/// Opens a request sealed into a query string (`identifier=…&encryptedData=…&encryptedKeys=…`),
/// as Keepz does on GET and DELETE: for test doubles, with a handle holding Keepz's private
/// key. `*out` holds the plaintext JSON. Every cryptographic failure is `PAYSEAL_CANNOT_OPEN`.
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_keepz_open_query(
    keepz: *const payseal_keepz,
    query: *const u8,
    query_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output(out, error, || {
        let keepz = unsafe { handle(keepz, "keepz") }?;
        let query = unsafe { text(query, query_len, "query") }?;
        Ok(keepz.0.open_query(query)?.into_bytes().to_vec())
    })
}
