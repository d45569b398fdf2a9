//! Pay: POST `/payment/order/pay` (encrypted, public key), by card, bank transfer or Opay.
//!
//! The three payloads share the path and differ in `paymentoption`, which each type writes itself
//! (`C`, `bank-transfer`, `Opay`, its [`PayKind::OPTION`]) so that it cannot disagree with the
//! rest of the payload. Each one reads its own fields and ignores `paymentoption`;
//! [`super::PayRequest`] reads a pay request of any kind.

use super::card::CardDetails;
use super::data::PayData;
use super::endpoint::{self, TransactPayEndpoint};
use super::pay_request::PayKind;
use super::payment_option::PaymentOption;
use super::request::{TransactPayRequest, check_code, check_present};
use crate::described;
use crate::error::Result;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

described! {
/// Pays an order with a card. The answer usually carries a 3-D Secure page
/// (`paymentDetail.redirectUrl`, status code `02`) or asks for a PIN/OTP
/// ([`super::AuthorizeRequest`]).
///
/// ```
/// use payseal::transactpay::api::{CardDetails, PayWithCardRequest};
/// let pay = PayWithCardRequest {
///     reference: "ORD-1001".into(),
///     country: "NG".into(),
///     card: CardDetails::new("4111111111111111", "12", "30", "123"),
/// };
/// assert_eq!(
///     serde_json::to_string(&pay).unwrap(),
///     r#"{"reference":"ORD-1001","paymentoption":"C","country":"NG","card":{"cardnumber":"4111111111111111","expirymonth":"12","expiryyear":"30","cvv":"123"}}"#
/// );
/// assert!(!format!("{pay:?}").contains("4111"));
/// ```
#[derive(Clone, Debug, Deserialize)]
pub struct PayWithCardRequest {
    /// `reference` of the order.
    pub reference: String,
    /// `country` (`NG`).
    pub country: String,
    /// `card` (redacted in `Debug`, wiped on drop).
    pub card: CardDetails,
}
}

described! {
/// Pays an order by bank transfer: the answer names the account to transfer to
/// (`bankTransferDetails`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct PayByBankTransferRequest {
    /// `reference` of the order.
    pub reference: String,
    /// `country` (`NG`).
    pub country: String,
    /// `BankTransfer`.
    #[serde(rename = "BankTransfer")]
    pub bank_transfer: BankTransfer,
}
}

described! {
/// The bank of a transfer (`BankTransfer`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankTransfer {
    /// `bankcode`.
    pub bankcode: String,
}
}

described! {
/// Pays an order with an Opay wallet.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct PayWithOpayRequest {
    /// `reference` of the order.
    pub reference: String,
}
}

impl PayKind for PayWithCardRequest {
    const OPTION: PaymentOption = PaymentOption::Card;
}

impl Serialize for PayWithCardRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayWithCardRequest", 4)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &Self::OPTION)?;
        st.serialize_field("country", &self.country)?;
        st.serialize_field("card", &self.card)?;
        st.end()
    }
}

impl PayKind for PayByBankTransferRequest {
    const OPTION: PaymentOption = PaymentOption::BankTransfer;
}

impl Serialize for PayByBankTransferRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayByBankTransferRequest", 4)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &Self::OPTION)?;
        st.serialize_field("country", &self.country)?;
        st.serialize_field("BankTransfer", &self.bank_transfer)?;
        st.end()
    }
}

impl PayKind for PayWithOpayRequest {
    const OPTION: PaymentOption = PaymentOption::Opay;
}

impl Serialize for PayWithOpayRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PayWithOpayRequest", 2)?;
        st.serialize_field("reference", &self.reference)?;
        st.serialize_field("paymentoption", &Self::OPTION)?;
        st.end()
    }
}

impl TransactPayRequest for PayWithCardRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)?;
        check_code("country", &self.country, 2)?;
        self.card.validate()
    }
}

impl TransactPayRequest for PayByBankTransferRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)?;
        check_code("country", &self.country, 2)?;
        check_present("BankTransfer.bankcode", &self.bank_transfer.bankcode)
    }
}

impl TransactPayRequest for PayWithOpayRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        check_present("reference", &self.reference)
    }
}
