//! The JSON documents the C ABI returns that exist only for the ABI: endpoint descriptors, the
//! normalized TransactPay answer and the gateways' errors. A Rust caller has the same facts as
//! typed values in the core crate; hosts get them as JSON, which every binding turns into its
//! language's types. Their shapes are part of the ABI (`tests/vectors/` pins them).

use super::boundary::Outcome;
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::Endpoint;
use payseal::transactpay::TransactPayApiError;
use payseal::transactpay::api::{TransactPayEndpoint, TransactPayResponse};
use payseal::{Error, GatewayFailure, RawJson};
use serde::Serialize;
use serde_json::{Value, json};

/// `{"gateway":"keepz","method":"GET","path":"…","placement":"query"}`.
pub(crate) fn keepz_endpoint(endpoint: &Endpoint) -> Value {
    json!({
        "gateway": "keepz",
        "method": endpoint.method.as_str(),
        "path": endpoint.path,
        "placement": endpoint.placement.as_str(),
    })
}

/// `{"gateway":"transactpay","method":"POST","path":"…","encrypted":true,"apiKey":"public"}`.
pub(crate) fn transactpay_endpoint(endpoint: &TransactPayEndpoint) -> Value {
    json!({
        "gateway": "transactpay",
        "method": endpoint.method.as_str(),
        "path": endpoint.path,
        "encrypted": endpoint.encrypted,
        "apiKey": endpoint.api_key.as_str(),
    })
}

/// `{"data","httpStatus","message","status","statusCode"}`, with `statusCode` under that name
/// whichever spelling the gateway used, and `data` byte for byte as sent (every digit of an
/// amount: a `serde_json::Value` would hold it as an `f64`).
pub(crate) fn transactpay_answer(answer: &TransactPayResponse<RawJson>) -> Vec<u8> {
    /// The fields in the order `json!` writes them (by name), so that the bytes stay as before.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Answer<'a> {
        data: Option<&'a RawJson>,
        http_status: u16,
        message: Option<&'a str>,
        status: Option<&'a str>,
        status_code: Option<&'a str>,
    }
    let answer = Answer {
        data: answer.data.as_ref(),
        http_status: answer.http_status,
        message: answer.message.as_deref(),
        status: answer.status.as_deref(),
        status_code: answer.status_code.as_deref(),
    };
    // Strings, integers and JSON already checked: writing cannot fail.
    serde_json::to_vec(&answer).unwrap_or_default()
}

/// The outcome of a call whose failure may be the gateway's own error: on
/// `PAYSEAL_GATEWAY_ERROR` the gateway's error goes to `*out` as JSON; every other failure leaves
/// `*out` untouched.
pub(crate) fn with_gateway_error(result: payseal::Result<Vec<u8>>) -> Outcome {
    match result {
        Ok(bytes) => Outcome::Bytes(bytes),
        Err(e) => {
            let json = gateway_error(&e).map(|v| v.to_string().into_bytes());
            Outcome::Failure(e, json)
        }
    }
}

/// The gateway's error of a [`payseal::ErrorKind::GatewayError`], if `error` is one.
pub(crate) fn gateway_error(error: &Error) -> Option<Value> {
    match error.gateway_failure()? {
        GatewayFailure::Keepz(e) => Some(keepz_error(e)),
        GatewayFailure::TransactPay(e) => Some(transactpay_error(e)),
        // A gateway added to the core but not yet to the ABI: the status and message still say
        // what happened.
        _ => None,
    }
}

/// Keepz's raw fields plus their interpretation: `{"gateway":"keepz","message","statusCode",
/// "exceptionGroup","httpStatus","group","codeName","hint"}` (absent values are `null`), as
/// [`super::operations::KeepzError`] defines and describes it.
fn keepz_error(e: &KeepzApiError) -> Value {
    serde_json::to_value(super::operations::KeepzError::from(e)).unwrap_or_default()
}

/// `{"gateway":"transactpay","httpStatus","statusCode","status","message"}`, as
/// [`super::operations::TransactPayError`] defines and describes it.
fn transactpay_error(e: &TransactPayApiError) -> Value {
    serde_json::to_value(super::operations::TransactPayError::from(e)).unwrap_or_default()
}

/// `{"hits":…,"misses":…,"evictions":…,"entries":…,"capacity":…}`.
pub(crate) fn key_cache_stats(stats: &payseal::keys::cache::CacheStats) -> String {
    json!({
        "hits": stats.hits,
        "misses": stats.misses,
        "evictions": stats.evictions,
        "entries": stats.entries,
        "capacity": stats.capacity,
    })
    .to_string()
}
