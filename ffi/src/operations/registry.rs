//! Every gateway operation the C ABI reaches by name, each tied to its Rust request type: how to
//! read its request, prepare it, read its answer, and describe both. Adding an operation is one
//! line here; its description, its JSON and its checks follow from the types.

use super::normalize::to_abi;
use super::read;
use super::shapes::{OperationData, TransactPayAnswer};
use payseal::Amount;
use payseal::RawJson;
use payseal::describe::{Describe, Shape, shape_of};
use payseal::error::{Error, ErrorKind, Result};
use payseal::keepz::Keepz;
use payseal::keepz::api::{self as keepz_api, Endpoint, KeepzRequest};
use payseal::transactpay::TransactPay;
use payseal::transactpay::api::{self as tp_api, TransactPayEndpoint, TransactPayRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One Keepz operation.
pub(crate) struct KeepzOperation {
    /// Its name (`create_order`).
    pub(crate) name: &'static str,
    /// Where it goes.
    pub(crate) endpoint: Endpoint,
    /// The shape of its request.
    pub(crate) request: fn() -> &'static Shape,
    /// The shape of its answer.
    pub(crate) response: fn() -> &'static Shape,
    prepare: fn(&Keepz, &[u8], Endpoint) -> Result<keepz_api::PreparedRequest>,
    parse: fn(&Keepz, u16, &[u8]) -> Result<Value>,
}

impl KeepzOperation {
    /// Reads `json` as this operation's request, validates and seals it.
    pub(crate) fn prepare(&self, keepz: &Keepz, json: &[u8]) -> Result<keepz_api::PreparedRequest> {
        (self.prepare)(keepz, json, self.endpoint)
    }

    /// Reads an answer to this operation, in the ABI's form.
    pub(crate) fn parse(&self, keepz: &Keepz, http_status: u16, body: &[u8]) -> Result<Value> {
        (self.parse)(keepz, http_status, body)
    }
}

fn prepare_keepz<R: KeepzRequest + Describe + DeserializeOwned + 'static>(
    keepz: &Keepz,
    json: &[u8],
    endpoint: Endpoint,
) -> Result<keepz_api::PreparedRequest> {
    keepz.prepare_at(&read::request::<R>(json)?, endpoint)
}

fn parse_keepz<R: KeepzRequest>(keepz: &Keepz, http_status: u16, body: &[u8]) -> Result<Value>
where
    R::Response: Serialize + Describe + 'static,
{
    to_abi(&keepz.parse_response::<R>(http_status, body)?)
}

/// The operation of request type `R` at `endpoint`, under `name`.
const fn keepz_at<R>(name: &'static str, endpoint: Endpoint) -> KeepzOperation
where
    R: KeepzRequest + Describe + DeserializeOwned + 'static,
    R::Response: Serialize + Describe + 'static,
{
    KeepzOperation {
        name,
        endpoint,
        request: shape_of::<R>,
        response: shape_of::<R::Response>,
        prepare: prepare_keepz::<R>,
        parse: parse_keepz::<R>,
    }
}

/// The operation of request type `R`, under its own name and at its own endpoint.
const fn keepz<R>() -> KeepzOperation
where
    R: KeepzRequest + Describe + DeserializeOwned + 'static,
    R::Response: Serialize + Describe + 'static,
{
    keepz_at::<R>(R::OPERATION, R::ENDPOINT)
}

/// Keepz's operations, in the order of its specification.
pub(crate) static KEEPZ: [KeepzOperation; 8] = [
    keepz::<keepz_api::CreateOrderRequest>(),
    keepz::<keepz_api::OrderStatusRequest>(),
    keepz::<keepz_api::CancelOrderRequest>(),
    keepz::<keepz_api::RefundRequest>(),
    keepz::<keepz_api::SavedCardRequest>(),
    keepz_at::<keepz_api::SavedCardRequest>(
        "saved_card_distributor",
        keepz_api::SAVED_CARD_DISTRIBUTOR,
    ),
    keepz::<keepz_api::SubscriptionHistoryRequest>(),
    keepz::<keepz_api::RevokeSubscriptionRequest>(),
];

/// What a TransactPay answer's `paid` is checked against.
pub(crate) struct Expected {
    /// The order's amount.
    pub(crate) amount: Amount,
    /// The order's currency code.
    pub(crate) currency: String,
}

/// Whether the `data` of an operation's answer can say "paid" (order status and verify).
pub(crate) trait PaidCheck {
    /// Whether it can.
    const CHECKS: bool = false;

    /// Whether it says so for `expected`.
    fn paid(&self, _expected: &Expected) -> bool {
        false
    }
}

impl PaidCheck for tp_api::OrderStatusData {
    const CHECKS: bool = true;
    fn paid(&self, expected: &Expected) -> bool {
        self.is_paid(&expected.amount, &expected.currency)
    }
}

impl PaidCheck for tp_api::VerifyData {
    const CHECKS: bool = true;
    fn paid(&self, expected: &Expected) -> bool {
        self.is_paid(&expected.amount, &expected.currency)
    }
}

impl PaidCheck for tp_api::CreateOrderData {}
impl PaidCheck for tp_api::PayData {}
impl PaidCheck for RawJson {}

/// One TransactPay operation.
pub(crate) struct TransactPayOperation {
    /// Its name (`create_order`).
    pub(crate) name: &'static str,
    /// Where it goes, encrypted or not, with which key.
    pub(crate) endpoint: TransactPayEndpoint,
    /// The shape of its request.
    pub(crate) request: fn() -> &'static Shape,
    /// The shape of its answer's `data`.
    pub(crate) response: fn() -> &'static Shape,
    /// Whether its answer can say "paid" for an expected amount and currency.
    pub(crate) checks_paid: bool,
    prepare: fn(&TransactPay, &[u8]) -> Result<tp_api::PreparedRequest>,
    parse: fn(u16, &[u8], Option<&Expected>) -> Result<TransactPayAnswer>,
}

impl TransactPayOperation {
    /// Reads `json` as this operation's request, validates it and writes its body.
    pub(crate) fn prepare(&self, tp: &TransactPay, json: &[u8]) -> Result<tp_api::PreparedRequest> {
        (self.prepare)(tp, json)
    }

    /// Reads an answer to this operation; `expected` (order status and verify only) fills `paid`.
    pub(crate) fn parse(
        &self,
        http_status: u16,
        body: &[u8],
        expected: Option<&Expected>,
    ) -> Result<TransactPayAnswer> {
        if expected.is_some() && !self.checks_paid {
            return Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "an expected amount and currency apply to order_status and verify, not {}",
                    self.name
                ),
            ));
        }
        (self.parse)(http_status, body, expected)
    }
}

fn prepare_tp<R: TransactPayRequest + Describe + DeserializeOwned + 'static>(
    tp: &TransactPay,
    json: &[u8],
) -> Result<tp_api::PreparedRequest> {
    tp.prepare(&read::request::<R>(json)?)
}

fn parse_tp<R: TransactPayRequest>(
    http_status: u16,
    body: &[u8],
    expected: Option<&Expected>,
) -> Result<TransactPayAnswer>
where
    R::Data: Serialize + Describe + PaidCheck + 'static,
{
    let answer = tp_api::parse_response::<R::Data>(http_status, body)?;
    let paid = expected.map(|e| answer.data.as_ref().is_some_and(|d| d.paid(e)));
    Ok(TransactPayAnswer {
        http_status: answer.http_status,
        data: answer
            .data
            .as_ref()
            .map(to_abi)
            .transpose()?
            .map(OperationData),
        status_code: answer.status_code,
        status: answer.status,
        message: answer.message,
        paid,
    })
}

/// The operation of request type `R`.
const fn transactpay<R>() -> TransactPayOperation
where
    R: TransactPayRequest + Describe + DeserializeOwned + 'static,
    R::Data: Serialize + Describe + PaidCheck + 'static,
{
    TransactPayOperation {
        name: R::OPERATION,
        endpoint: R::ENDPOINT,
        request: shape_of::<R>,
        response: shape_of::<R::Data>,
        checks_paid: <R::Data as PaidCheck>::CHECKS,
        prepare: prepare_tp::<R>,
        parse: parse_tp::<R>,
    }
}

/// TransactPay's operations, in the order of its documentation.
pub(crate) static TRANSACTPAY: [TransactPayOperation; 7] = [
    transactpay::<tp_api::CreateOrderRequest>(),
    transactpay::<tp_api::FeeRequest>(),
    transactpay::<tp_api::PayRequest>(),
    transactpay::<tp_api::AuthorizeRequest>(),
    transactpay::<tp_api::OrderStatusRequest>(),
    transactpay::<tp_api::VerifyRequest>(),
    transactpay::<tp_api::RefundRequest>(),
];

fn unknown(gateway: &str, name: &str, known: Vec<&str>) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!(
            "{gateway} has no operation {:?} (it has {})",
            name.chars().take(40).collect::<String>(),
            known.join(", ")
        ),
    )
}

/// The Keepz operation named `name`.
pub(crate) fn keepz_operation(name: &str) -> Result<&'static KeepzOperation> {
    KEEPZ
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| unknown("keepz", name, KEEPZ.iter().map(|op| op.name).collect()))
}

/// The TransactPay operation named `name`.
pub(crate) fn transactpay_operation(name: &str) -> Result<&'static TransactPayOperation> {
    TRANSACTPAY
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| {
            unknown(
                "transactpay",
                name,
                TRANSACTPAY.iter().map(|op| op.name).collect(),
            )
        })
}

/// The names of Keepz's operations.
#[cfg(test)]
pub(crate) fn keepz_operation_names() -> Vec<&'static str> {
    KEEPZ.iter().map(|op| op.name).collect()
}

/// The names of TransactPay's operations.
#[cfg(test)]
pub(crate) fn transactpay_operation_names() -> Vec<&'static str> {
    TRANSACTPAY.iter().map(|op| op.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ABI reaches exactly the operations the core names, at the core's endpoints.
    #[test]
    fn registry_is_the_cores_operation_list() {
        let names: Vec<_> = KEEPZ.iter().map(|op| (op.name, op.endpoint)).collect();
        assert_eq!(names, keepz_api::OPERATIONS);
        let names: Vec<_> = TRANSACTPAY.iter().map(|op| op.name).collect();
        assert_eq!(names, tp_api::OPERATION_NAMES);
        for op in &TRANSACTPAY {
            assert_eq!(
                Some(&op.endpoint),
                TransactPayEndpoint::for_operation(op.name).as_ref()
            );
            (op.request)();
            (op.response)();
        }
        for op in &KEEPZ {
            (op.request)();
            (op.response)();
        }
        assert!(keepz_operation("orderStatus").is_err());
    }
}
