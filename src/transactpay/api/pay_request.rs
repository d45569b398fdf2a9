//! [`PayRequest`]: a pay request of any kind, told apart by `paymentoption`.

use super::data::PayData;
use super::endpoint::{self, TransactPayEndpoint};
use super::pay::{PayByBankTransferRequest, PayWithCardRequest, PayWithOpayRequest};
use super::payment_option::PaymentOption;
use super::request::TransactPayRequest;
use crate::describe::{Describe, Shape, VariantsShape, qualified_name};
use crate::error::{Error, ErrorKind, Result};
use crate::json::{MAX_FIELDS, Parsed, parse_object, text_of};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// The payment option a kind of pay request writes: the one place that pairs them.
pub(crate) trait PayKind: Describe + DeserializeOwned {
    /// Its `paymentoption`.
    const OPTION: PaymentOption;
}

/// A pay request by card, bank transfer or Opay: what a pay request in JSON may be, told apart
/// by its `paymentoption` (`C`, `bank-transfer`, `Opay`).
///
/// It reads from JSON text (`serde_json::from_str` or `from_slice`), borrowing it: the card data
/// of a card payment is copied only into the [`super::CardDetails`] that wipes it.
///
/// ```
/// use payseal::transactpay::api::{PayRequest, TransactPayRequest};
/// # fn main() -> payseal::Result<()> {
/// let pay: PayRequest = serde_json::from_str(r#"{"reference":"ORD-1","paymentoption":"Opay"}"#).unwrap();
/// assert!(matches!(pay, PayRequest::Opay(_)));
/// pay.validate()?;
/// assert_eq!(serde_json::to_string(&pay).unwrap(), r#"{"reference":"ORD-1","paymentoption":"Opay"}"#);
/// assert!(serde_json::from_str::<PayRequest>(r#"{"reference":"ORD-1","paymentoption":"cash"}"#).is_err());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum PayRequest {
    /// `paymentoption` `C`.
    Card(PayWithCardRequest),
    /// `paymentoption` `bank-transfer`.
    BankTransfer(PayByBankTransferRequest),
    /// `paymentoption` `Opay`.
    Opay(PayWithOpayRequest),
}

/// The name of the tag field.
const TAG: &str = "paymentoption";

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidRequest, message)
}

/// Reads the kind `T` from `json`. serde's own message is left out: it may quote a value, and
/// a card payment's values are card data.
fn read<T: PayKind>(json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| {
        invalid(format!(
            "the pay request does not have the fields a {TAG} {} request has (at column {})",
            T::OPTION,
            e.column()
        ))
    })
}

impl PayRequest {
    /// Reads a pay request from its JSON text.
    ///
    /// Errors ([`ErrorKind::InvalidRequest`]): not a JSON object, no `paymentoption`, one that is
    /// not `C`, `bank-transfer` or `Opay` (case aside), or fields that do not fit that kind.
    pub fn from_json(json: &str) -> Result<PayRequest> {
        let Parsed::Object(object) = parse_object(json.as_bytes()) else {
            return Err(invalid(format!(
                "a pay request is a JSON object of at most {MAX_FIELDS} fields"
            )));
        };
        let option = object.get(TAG).and_then(text_of).ok_or_else(|| {
            invalid(format!(
                "a pay request needs {TAG} (C, bank-transfer or Opay)"
            ))
        })?;
        Ok(match option.parse::<PaymentOption>()? {
            PayWithCardRequest::OPTION => PayRequest::Card(read(json)?),
            PayByBankTransferRequest::OPTION => PayRequest::BankTransfer(read(json)?),
            PayWithOpayRequest::OPTION => PayRequest::Opay(read(json)?),
        })
    }

    /// The order's `reference`.
    pub fn reference(&self) -> &str {
        match self {
            PayRequest::Card(r) => &r.reference,
            PayRequest::BankTransfer(r) => &r.reference,
            PayRequest::Opay(r) => &r.reference,
        }
    }

    /// The request's `paymentoption`.
    pub fn option(&self) -> PaymentOption {
        match self {
            PayRequest::Card(_) => PayWithCardRequest::OPTION,
            PayRequest::BankTransfer(_) => PayByBankTransferRequest::OPTION,
            PayRequest::Opay(_) => PayWithOpayRequest::OPTION,
        }
    }
}

impl Serialize for PayRequest {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            PayRequest::Card(r) => r.serialize(s),
            PayRequest::BankTransfer(r) => r.serialize(s),
            PayRequest::Opay(r) => r.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for PayRequest {
    /// Reads JSON text, borrowed (see the type's docs); another source is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<PayRequest, D::Error> {
        let raw = <&'de RawValue>::deserialize(d)?;
        PayRequest::from_json(raw.get()).map_err(|e| D::Error::custom(e.message()))
    }
}

impl TransactPayRequest for PayRequest {
    const OPERATION: &'static str = "pay";
    const ENDPOINT: TransactPayEndpoint = endpoint::PAY;
    type Data = PayData;

    fn validate(&self) -> Result<()> {
        match self {
            PayRequest::Card(r) => r.validate(),
            PayRequest::BankTransfer(r) => r.validate(),
            PayRequest::Opay(r) => r.validate(),
        }
    }
}

/// The tag value and object shape of the kind `T`.
fn variant<T: PayKind>() -> (serde_json::Value, crate::describe::ObjectShape) {
    match T::shape() {
        Shape::Object(object) => (T::OPTION.as_str().into(), object),
        other => panic!("a pay request is an object, not {other:?}"),
    }
}

impl Describe for PayRequest {
    fn shape() -> Shape {
        let Shape::Enum(tag_enum) = PaymentOption::shape() else {
            unreachable!("PaymentOption is a wire enum")
        };
        Shape::Variants(VariantsShape {
            name: qualified_name(module_path!(), "PayRequest"),
            tag: TAG,
            tag_enum,
            variants: vec![
                variant::<PayWithCardRequest>(),
                variant::<PayByBankTransferRequest>(),
                variant::<PayWithOpayRequest>(),
            ],
        })
    }
}
