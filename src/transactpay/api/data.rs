//! The `data` of TransactPay's answers (specification §4.1, §4.2).
//!
//! Every field is optional and unknown fields are ignored: TransactPay adds fields and leaves
//! others `null` as it pleases. Identifiers and codes are read from strings or numbers alike
//! (`crate::lenient`); amounts are read exactly and a garbled amount is an error; dates keep
//! their raw text. Nested objects the documentation does not describe are kept as their exact
//! JSON text ([`RawJson`]).

use super::date::GatewayDate;
use super::paid::PaymentFacts;
use super::status_id::StatusId;
use crate::described;
use crate::json::RawJson;
use crate::money::Amount;
use serde::{Deserialize, Serialize};

described! {
/// `data` of order status (§4.1).
///
/// ```
/// use payseal::transactpay::api::{OrderStatusData, StatusId};
/// let data: OrderStatusData = serde_json::from_str(r#"{"isFinalStatus":true,
///   "orderSummary":{"orderReference":"ORD-1","totalChargedAmount":1000.0000,"fee":15.05,
///   "statusId":5,"currencyId":"NGN","dateCreated":"2024-03-31T14:05:46.37"}}"#).unwrap();
/// let summary = data.order_summary.as_ref().unwrap();
/// assert_eq!(summary.status_id, Some(StatusId::Successful));
/// assert_eq!(summary.fee.unwrap().to_string(), "15.05");
/// assert!(data.is_paid(&"1000".parse().unwrap(), "NGN"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusData {
    /// `isFinalStatus`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_final_status: Option<bool>,
    /// `requeryNeeded`: ask again later.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub requery_needed: Option<bool>,
    /// `requeryType`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub requery_type: Option<String>,
    /// `orderSummary`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_summary: Option<OrderSummary>,
    /// `orderPayments`: the payment attempts.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payments: Option<Vec<OrderPayment>>,
}
}

described! {
/// `orderSummary` of order status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderSummary {
    /// `id`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// `paymentReference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_reference: Option<String>,
    /// `orderReference`: the merchant's reference.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_reference: Option<String>,
    /// `amount`: the order's own amount, when sent (not in the documentation's list).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Amount>,
    /// `totalChargedAmount`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_charged_amount: Option<Amount>,
    /// `fee`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub fee: Option<Amount>,
    /// `statusId`.
    #[serde(
        default,
        deserialize_with = "super::status_id::opt_status_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_id: Option<StatusId>,
    /// `status` (text).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// `paymentType` (`C` = card).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_type: Option<String>,
    /// `currencyId`: a currency code or a number, as sent.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_id: Option<String>,
    /// `paymentResponseCode`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_response_code: Option<String>,
    /// `paymentResponseMessage`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_response_message: Option<String>,
    /// `providerResponseDate`.
    #[serde(
        default,
        deserialize_with = "super::date::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_response_date: Option<GatewayDate>,
    /// `datePaymentConfirmed`.
    #[serde(
        default,
        deserialize_with = "super::date::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_payment_confirmed: Option<GatewayDate>,
    /// `dateCreated`.
    #[serde(
        default,
        deserialize_with = "super::date::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_created: Option<GatewayDate>,
    /// `narration`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub narration: Option<String>,
    /// `remarks`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub remarks: Option<String>,
}
}

described! {
/// One payment attempt (`orderPayments[]`, `orderPayment`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPayment {
    /// `id`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// `orderId`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_id: Option<String>,
    /// `orderPaymentReference`: what [`super::AuthorizeRequest`] needs.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payment_reference: Option<String>,
    /// `paymentOptionId`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_option_id: Option<String>,
    /// `statusId`.
    #[serde(
        default,
        deserialize_with = "super::status_id::opt_status_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_id: Option<StatusId>,
    /// `orderPaymentResponseCode`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payment_response_code: Option<String>,
    /// `orderPaymentResponseMessage`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payment_response_message: Option<String>,
    /// `orderPaymentInstrument` (a masked card, an account).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payment_instrument: Option<String>,
    /// `remarks`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub remarks: Option<String>,
    /// `providerReference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_reference: Option<String>,
    /// `providerResponseCode`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider_response_code: Option<String>,
    /// `paymentUrl`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_url: Option<String>,
    /// `externalReference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_reference: Option<String>,
    /// `authOption` (PIN, OTP, 3DS...).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub auth_option: Option<String>,
    /// `dateCreated`.
    #[serde(
        default,
        deserialize_with = "super::date::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_created: Option<GatewayDate>,
    /// `dateUpdated`.
    #[serde(
        default,
        deserialize_with = "super::date::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub date_updated: Option<GatewayDate>,
}
}

impl OrderStatusData {
    /// Whether the order is paid: `statusId` 5 **and** the amount and currency match — the order
    /// `amount` if sent, else `totalChargedAmount` equal to the expected amount or to it plus
    /// `fee`; `currencyId` equal to the expected code (case-insensitive). When `currencyId` is a
    /// number rather than a code this is `false`: use verify, which reports `currencyName`.
    pub fn is_paid(&self, expected_amount: &Amount, expected_currency: &str) -> bool {
        let Some(s) = &self.order_summary else {
            return false;
        };
        PaymentFacts {
            status_id: s.status_id,
            order_amount: s.amount,
            charged: s.total_charged_amount,
            fee: s.fee,
            currency: s.currency_id.as_deref(),
        }
        .is_paid(expected_amount, expected_currency)
    }
}

described! {
/// `data` of create order (§4.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateOrderData {
    /// `order`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<CreatedOrder>,
    /// `customer`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RawJson>,
    /// `subsidiary` (the merchant), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidiary: Option<RawJson>,
    /// `payment`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<RawJson>,
    /// `otherPaymentOptions`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_payment_options: Option<RawJson>,
    /// `savedCards`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_cards: Option<RawJson>,
}
}

described! {
/// `order` of the create-order answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreatedOrder {
    /// `reference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub reference: Option<String>,
    /// `amount`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Amount>,
    /// `fee`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub fee: Option<Amount>,
    /// `statusId`.
    #[serde(
        default,
        deserialize_with = "super::status_id::opt_status_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_id: Option<StatusId>,
    /// `status`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// `currency`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency: Option<String>,
}
}

described! {
/// `data` of pay (§4.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PayData {
    /// `paymentDetail`: where to send the payer next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_detail: Option<PaymentDetail>,
    /// `bankTransferDetails`: where the payer transfers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank_transfer_details: Option<BankTransferDetails>,
    /// `orderPayment`: this attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_payment: Option<OrderPayment>,
}
}

described! {
/// `paymentDetail` of the pay answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentDetail {
    /// `redirectUrl`: the 3-D Secure page.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub redirect_url: Option<String>,
    /// `recipientAccount`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient_account: Option<String>,
    /// `paymentReference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_reference: Option<String>,
}
}

described! {
/// `bankTransferDetails` of the pay answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BankTransferDetails {
    /// `bankAccount`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub bank_account: Option<String>,
    /// `accountName`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_name: Option<String>,
    /// `bankName`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub bank_name: Option<String>,
}
}

described! {
/// `data` of verify (§4.2), and of webhooks (§4.3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VerifyData {
    /// `orderReference`: the merchant's reference.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_reference: Option<String>,
    /// `paymentReference`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_reference: Option<String>,
    /// `amount`: the order's own amount, when sent (not in the documentation's list).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Amount>,
    /// `totalAmountCharged`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_amount_charged: Option<Amount>,
    /// `fee`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub fee: Option<Amount>,
    /// `statusId`.
    #[serde(
        default,
        deserialize_with = "super::status_id::opt_status_id",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_id: Option<StatusId>,
    /// `status` (text).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// `currencyName` (`NGN`).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub currency_name: Option<String>,
    /// `paymentResponseCode`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_response_code: Option<String>,
    /// `paymentResponseMessage`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_response_message: Option<String>,
    /// `customer`, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<RawJson>,
    /// `orderPayments`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_list",
        skip_serializing_if = "Option::is_none"
    )]
    pub order_payments: Option<Vec<OrderPayment>>,
    /// `cardDetails` (masked), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_details: Option<RawJson>,
}
}

impl VerifyData {
    /// Whether the order is paid: `statusId` 5 **and** the amount and currency match — the order
    /// `amount` if sent, else `totalAmountCharged` equal to the expected amount or to it plus
    /// `fee`; `currencyName` equal to the expected code (case-insensitive). Missing facts mean
    /// `false`.
    ///
    /// ```
    /// use payseal::transactpay::api::VerifyData;
    /// let data: VerifyData = serde_json::from_str(
    ///     r#"{"orderReference":"ORD-1","totalAmountCharged":"1015.0000","fee":15,"statusId":"5","currencyName":"NGN"}"#,
    /// ).unwrap();
    /// assert!(data.is_paid(&"1000".parse().unwrap(), "NGN"));
    /// assert!(!data.is_paid(&"1000.01".parse().unwrap(), "NGN"));
    /// assert!(!data.is_paid(&"1000".parse().unwrap(), "USD"));
    /// ```
    pub fn is_paid(&self, expected_amount: &Amount, expected_currency: &str) -> bool {
        PaymentFacts {
            status_id: self.status_id,
            order_amount: self.amount,
            charged: self.total_amount_charged,
            fee: self.fee,
            currency: self.currency_name.as_deref(),
        }
        .is_paid(expected_amount, expected_currency)
    }
}
