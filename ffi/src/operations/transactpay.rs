//! TransactPay's operations across the C ABI: prepare, parse (with "paid" for an expected
//! amount and currency) and webhooks.

use super::super::args::{bytes, handle, optional, text};
use super::super::buffer::payseal_buffer;
use super::super::status::payseal_status;
use super::super::transactpay::payseal_transactpay;
use super::base_url::TRANSACTPAY;
use super::call::{base_url as base, output, output_or_gateway_error};
use super::normalize::to_abi_bytes;
use super::prepared;
use super::registry::{Expected, transactpay_operation};
use super::shapes::TransactPayWebhookHint;
use payseal::Amount;
use payseal::error::{Error, ErrorKind, Result};
use payseal::transactpay::api::parse_webhook;

/// Prepares a TransactPay request: reads `request` (JSON with the documentation's field names:
/// `firstname`, `RedirectUrl`, `paymentoption`, …) as the request of `operation`, checks it as
/// TransactPay would (E.164 mobile, 2-letter country, 3-letter currency, amounts > 0 with at
/// most four decimals, card number checksum, …) and writes its body: sealed into `{"data":"…"}`
/// for encrypted operations, plain JSON for `verify` and `refund`. `operation` is one of
/// `create_order`, `order_fee`, `pay` (`paymentoption` `C` with `card`, `bank-transfer` with
/// `BankTransfer`, or `Opay`), `authorize`, `order_status`, `verify`, `refund`. `base_url` as
/// for `payseal_keepz_prepare` (TransactPay has one host for test and live; `_CUSTOM` for the
/// refund host TransactPay gives you).
///
/// `PAYSEAL_OK`: `*out` holds the prepared request as JSON (`placement` always `body`;
/// `apiKey` `{"header":"api-key","key":"public"|"secret"}`: add that header with that dashboard
/// key). Errors as for `payseal_keepz_prepare`, and `PAYSEAL_PAYLOAD_TOO_LARGE` for a payload
/// over one RSA block (501 bytes for a 4096-bit key).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_prepare(
    transactpay: *const payseal_transactpay,
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
        let tp = unsafe { handle(transactpay, "transactpay") }?;
        let name = unsafe { text(operation, operation_len, "operation") }?;
        let request = unsafe { bytes(request, request_len, "request") }?;
        let base = unsafe { base(&TRANSACTPAY, base_url, custom_base_url, custom_base_url_len) }?;
        let op = transactpay_operation(name)?;
        let body = op.prepare(&tp.0, request)?;
        to_abi_bytes(&prepared::transactpay(op.name, body, &base))
    })
}

/// The expectation `paid` is checked against: both given, or neither.
///
/// # Safety
/// As for `args::bytes`.
unsafe fn expected(
    amount: *const u8,
    amount_len: usize,
    currency: *const u8,
    currency_len: usize,
) -> Result<Option<Expected>> {
    let amount = unsafe { optional(amount, amount_len, "expected_amount") }?;
    let currency = unsafe { optional(currency, currency_len, "expected_currency") }?;
    match (amount, currency) {
        (None, None) => Ok(None),
        (Some(amount), Some(currency)) => {
            let amount = std::str::from_utf8(amount)
                .map_err(|_| Error::new(ErrorKind::InvalidUtf8, "expected_amount is not UTF-8"))?;
            let currency = std::str::from_utf8(currency).map_err(|_| {
                Error::new(ErrorKind::InvalidUtf8, "expected_currency is not UTF-8")
            })?;
            Ok(Some(Expected {
                amount: Amount::parse(amount)?,
                currency: currency.to_string(),
            }))
        }
        _ => Err(Error::new(
            ErrorKind::InvalidArgument,
            "give both expected_amount and expected_currency, or neither",
        )),
    }
}

/// Reads TransactPay's answer to `operation` (`http_status` and `body` as received).
///
/// `expected_amount` (a decimal string, `"1500.25"`) and `expected_currency` (`"NGN"`), both or
/// neither (`NULL, 0`), are what the order was priced at; for `order_status` and `verify` they
/// fill `paid`: status 5 **and** that amount (or that amount plus `fee`) **and** that currency.
///
/// `PAYSEAL_OK`: `*out` holds `{"httpStatus","statusCode","status","message","data","paid"}`,
/// `data` in the ABI's form (the description's `operations[].response`: amounts as decimal
/// strings, `statusId` as `{"value","known","final"}`, dates as `{"raw","value"}`, untyped parts
/// with numbers as strings). `PAYSEAL_GATEWAY_ERROR`: `*out` holds
/// `{"gateway":"transactpay","httpStatus","statusCode","status","message"}`. Otherwise `*out` is
/// untouched: `PAYSEAL_NOT_JSON`, `PAYSEAL_EMPTY_BODY`, `PAYSEAL_NOT_ENVELOPE`,
/// `PAYSEAL_UNEXPECTED_RESPONSE` (`data` of the wrong shape, a garbled amount),
/// `PAYSEAL_BODY_TOO_LARGE`, `PAYSEAL_INVALID_ARGUMENT` (operation; an expectation for another
/// operation), `PAYSEAL_INVALID_AMOUNT` (expected amount).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_parse(
    operation: *const u8,
    operation_len: usize,
    http_status: u16,
    body: *const u8,
    body_len: usize,
    expected_amount: *const u8,
    expected_amount_len: usize,
    expected_currency: *const u8,
    expected_currency_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output_or_gateway_error(out, error, || {
        let name = unsafe { text(operation, operation_len, "operation") }?;
        let body = unsafe { bytes(body, body_len, "body") }?;
        let expected = unsafe {
            expected(
                expected_amount,
                expected_amount_len,
                expected_currency,
                expected_currency_len,
            )
        }?;
        let op = transactpay_operation(name)?;
        to_abi_bytes(&op.parse(http_status, body, expected.as_ref())?)
    })
}

/// Reads a TransactPay webhook body (`{"data":{…}}`, `Data`, PascalCase names, `data` as a JSON
/// string: all read) and prepares its re-check, a verify request (plain body, secret key).
/// TransactPay signs nothing: act on the verify answer. `PAYSEAL_OK`: `*out` holds
/// `{"unverified":true,"data":{…verify shape…},"recheck":{…}}`. `PAYSEAL_UNEXPECTED_RESPONSE`:
/// no `orderReference` (nor `paymentReference`), or fields of the wrong shape; `PAYSEAL_NOT_JSON`,
/// `PAYSEAL_EMPTY_BODY`, `PAYSEAL_BODY_TOO_LARGE` (over 1 MiB).
///
/// # Safety
/// Pointers must be NULL or valid for their lengths; `out` must be writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn payseal_transactpay_webhook(
    transactpay: *const payseal_transactpay,
    body: *const u8,
    body_len: usize,
    base_url: u32,
    custom_base_url: *const u8,
    custom_base_url_len: usize,
    out: *mut payseal_buffer,
    error: *mut payseal_buffer,
) -> payseal_status {
    output(out, error, || {
        let tp = unsafe { handle(transactpay, "transactpay") }?;
        let body = unsafe { bytes(body, body_len, "body") }?;
        let base = unsafe { base(&TRANSACTPAY, base_url, custom_base_url, custom_base_url_len) }?;
        let hint = parse_webhook(body)?;
        let verify = tp.0.prepare(&hint.verify_request()?)?;
        let result = TransactPayWebhookHint {
            unverified: true,
            recheck: prepared::transactpay("verify", verify, &base),
            data: hint.into_unverified_inner().data,
        };
        to_abi_bytes(&result)
    })
}
