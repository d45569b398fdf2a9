//! The JSON documents the operations of the C ABI return around the gateways' own types: a
//! prepared request, a TransactPay answer, a callback or webhook with its re-check, and the
//! gateways' errors. They exist only for the ABI, so they live here; each is a Rust struct
//! wrapped in `described!`, so that its description (`payseal_describe`) is derived from the
//! same definition that writes it.

use payseal::describe::{Describe, Shape};
use payseal::described;
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::{OrderCallback, SubscriptionCallback};
use payseal::transactpay::TransactPayApiError;
use payseal::transactpay::api::VerifyData;
use serde::{Deserialize, Serialize};

described! {
/// A request ready to send: what `payseal_keepz_prepare` and `payseal_transactpay_prepare`
/// return, and the `recheck` of a callback or webhook.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prepared {
    /// `keepz` or `transactpay`.
    pub gateway: String,
    /// The operation (`create_order`, `order_status`, …).
    pub operation: String,
    /// `GET`, `POST` or `DELETE`.
    pub method: String,
    /// The full URL; for the `query` placement it ends with `?` and the query string.
    pub url: String,
    /// The path below the base URL.
    pub path: String,
    /// `body` (send `body`) or `query` (the envelope is in the URL; no body).
    pub placement: String,
    /// Whether the payload is sealed (Keepz: always; TransactPay: all but verify and refund).
    pub encrypted: bool,
    /// The body to send byte for byte, for the `body` placement; `null` otherwise.
    pub body: Option<String>,
    /// The percent-encoded query string (already at the end of `url`) for the `query`
    /// placement; `null` otherwise.
    pub query: Option<String>,
    /// The headers to send (TransactPay's `api-key` aside, see `apiKey`).
    pub headers: Vec<Header>,
    /// TransactPay: the header that carries a dashboard key, and which key; `null` for Keepz.
    pub api_key: Option<ApiKeyHeader>,
}
}

described! {
/// One HTTP header.
#[derive(Debug, Serialize, Deserialize)]
pub struct Header {
    /// Its name (`Content-Type`).
    pub name: String,
    /// Its value (`application/json`).
    pub value: String,
}
}

described! {
/// Which of the merchant's TransactPay dashboard keys a request carries, and in which header.
#[derive(Debug, Serialize, Deserialize)]
pub struct ApiKeyHeader {
    /// The header's name: `api-key`.
    pub header: String,
    /// `public` (`PGW-PUBLICKEY-…`) or `secret` (`PGW-SECRETKEY-…`: verify and refund, from a
    /// server only).
    pub key: String,
}
}

/// The `data` of a TransactPay answer, already written in the ABI's form: its shape is the
/// operation's response (`operations[].response` of the description).
#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OperationData(pub serde_json::Value);

impl Describe for OperationData {
    fn shape() -> Shape {
        Shape::Slot("response")
    }
}

described! {
/// A TransactPay answer that reports success (`payseal_transactpay_parse`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactPayAnswer {
    /// The HTTP status it came with.
    pub http_status: u16,
    /// `statusCode` (or `status_code`) as text: `00`, `01` (order created) or `02` (pending
    /// authentication); `null` when only `status` said success.
    pub status_code: Option<String>,
    /// `status` as text (`success`, `true`).
    pub status: Option<String>,
    /// `message`.
    pub message: Option<String>,
    /// `data`, of the operation's response shape; `null` when the answer had none.
    pub data: Option<OperationData>,
    /// With an expected amount and currency (order status and verify only): whether the order
    /// is paid — status 5 **and** that amount (alone, or plus `fee`) **and** that currency;
    /// `false` when the answer lacks a fact. `null` without an expectation.
    pub paid: Option<bool>,
}
}

described! {
/// A Keepz callback, read but **not verified**, with the request that re-checks it
/// (`payseal_keepz_callback`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepzCallbackHint {
    /// Always `true`: anyone holding your public key can send this body. Act on the answer to
    /// `recheck`, never on the callback.
    pub unverified: bool,
    /// `order` or `subscription`: which of the next two fields is set.
    #[serde(rename = "type")]
    pub kind: String,
    /// An order callback, as claimed.
    pub order: Option<OrderCallback>,
    /// A subscription callback, as claimed.
    pub subscription: Option<SubscriptionCallback>,
    /// Order status (for your integrator id) or subscription history, sealed and ready to send.
    pub recheck: Prepared,
}
}

described! {
/// A TransactPay webhook, read but **not verified**, with the verify request that re-checks it
/// (`payseal_transactpay_webhook`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactPayWebhookHint {
    /// Always `true`: TransactPay signs nothing. Act on the answer to `recheck`.
    pub unverified: bool,
    /// The payment as the webhook describes it (the verify shape).
    pub data: VerifyData,
    /// Verify (plain body, secret key), ready to send.
    pub recheck: Prepared,
}
}

described! {
/// Keepz's own error (with `PAYSEAL_GATEWAY_ERROR`): its raw fields and payseal's reading.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepzError {
    /// `keepz`.
    pub gateway: String,
    /// Keepz's `message`.
    pub message: String,
    /// Keepz's `statusCode` (6005, …).
    pub status_code: i64,
    /// Keepz's `exceptionGroup` (1–7).
    pub exception_group: Option<i64>,
    /// The HTTP status it came with (`null` for a callback).
    pub http_status: Option<u16>,
    /// The group's name (`not found`, `validation`, …).
    pub group: Option<String>,
    /// The name of a known `statusCode` (`integrator order not found`).
    pub code_name: Option<String>,
    /// For the envelope errors 6009–6014, what to check.
    pub hint: Option<String>,
}
}

described! {
/// TransactPay's failing answer (with `PAYSEAL_GATEWAY_ERROR`).
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransactPayError {
    /// `transactpay`.
    pub gateway: String,
    /// The HTTP status it came with.
    pub http_status: Option<u16>,
    /// `statusCode` as text.
    pub status_code: Option<String>,
    /// `status` as text.
    pub status: Option<String>,
    /// `message` (at most 1000 characters).
    pub message: Option<String>,
}
}

impl From<&KeepzApiError> for KeepzError {
    fn from(e: &KeepzApiError) -> KeepzError {
        KeepzError {
            gateway: "keepz".into(),
            message: e.message.clone(),
            status_code: e.status_code,
            exception_group: e.exception_group,
            http_status: e.http_status,
            group: e.group_name().map(String::from),
            code_name: e.code_name().map(String::from),
            hint: e.hint().map(String::from),
        }
    }
}

impl From<&TransactPayApiError> for TransactPayError {
    fn from(e: &TransactPayApiError) -> TransactPayError {
        TransactPayError {
            gateway: "transactpay".into(),
            http_status: e.http_status,
            status_code: e.status_code.clone(),
            status: e.status.clone(),
            message: e.message.clone(),
        }
    }
}
