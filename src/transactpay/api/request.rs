//! What every TransactPay request type knows about itself: its endpoint, its `data`, its rules.

use super::endpoint::TransactPayEndpoint;
use crate::error::{Error, ErrorKind, Result, excerpt};
use crate::money::Amount;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The most decimals payseal sends in a TransactPay amount: the precision TransactPay reports
/// amounts with. More would be rounded by the gateway without a word.
pub const TRANSACTPAY_MAX_DECIMALS: u8 = 4;

/// A TransactPay request payload (the JSON that is encrypted, or sent plain for verify and refund).
pub trait TransactPayRequest: Serialize {
    /// The operation's name, as accepted by [`TransactPayEndpoint::for_operation`].
    const OPERATION: &'static str;
    /// Method, path, encryption and key.
    const ENDPOINT: TransactPayEndpoint;
    /// The type of the response's `data` on success.
    type Data: DeserializeOwned;

    /// Checks what TransactPay would refuse before anything is encrypted, with
    /// [`ErrorKind::InvalidRequest`] or [`ErrorKind::InvalidAmount`].
    fn validate(&self) -> Result<()>;
}

/// A positive amount with at most [`TRANSACTPAY_MAX_DECIMALS`] decimals.
pub(crate) fn check_amount(what: &str, amount: &Amount) -> Result<()> {
    amount.check_positive(what)?;
    amount.check_decimals(TRANSACTPAY_MAX_DECIMALS, what)
}

pub(crate) use crate::field_checks::check_present;

/// A field that must be `len` ASCII letters (country and currency codes).
pub(crate) fn check_code(what: &str, value: &str, len: usize) -> Result<()> {
    if value.len() == len && value.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(())
    } else {
        Err(Error::new(
            ErrorKind::InvalidRequest,
            format!(
                "{what} {} is not a {len}-letter code",
                excerpt(value).with_limit(16)
            ),
        ))
    }
}
