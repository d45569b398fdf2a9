//! The one rule for "this order is paid": status 5 **and** the money is what was asked for.
//!
//! A `statusId` of 5 alone says that *some* payment succeeded. It does not say it was for the
//! amount the merchant priced the order at, nor in the currency: an order created with the
//! merchant's *public* key (which ships in apps) can carry any amount. So the check compares both.
//!
//! Which amount to compare is not settled by the documentation:
//! - when the data carries the order's own `amount`, that must equal the expected amount;
//! - otherwise the charged total must equal the expected amount (merchant bears the fee) or the
//!   expected amount plus `fee` (payer bears the fee).
//!
//! The currency must be present and equal (ignoring case and surrounding spaces). Anything
//! missing means "not paid": a wrong "no" costs a support ticket, a wrong "yes" costs goods.

use super::status_id::StatusId;
use crate::money::Amount;

/// The facts of a payment record that decide whether it is paid.
pub(crate) struct PaymentFacts<'a> {
    pub status_id: Option<StatusId>,
    pub order_amount: Option<Amount>,
    pub charged: Option<Amount>,
    pub fee: Option<Amount>,
    pub currency: Option<&'a str>,
}

impl PaymentFacts<'_> {
    /// See the module docs.
    pub(crate) fn is_paid(&self, expected_amount: &Amount, expected_currency: &str) -> bool {
        if self.status_id != Some(StatusId::Successful) {
            return false;
        }
        let currency_ok = self
            .currency
            .is_some_and(|c| c.trim().eq_ignore_ascii_case(expected_currency.trim()));
        if !currency_ok {
            return false;
        }
        if let Some(order_amount) = self.order_amount {
            return order_amount == *expected_amount;
        }
        match self.charged {
            Some(charged) if charged == *expected_amount => true,
            Some(charged) => self
                .fee
                .and_then(|fee| expected_amount.checked_add(fee).ok())
                .is_some_and(|with_fee| with_fee == charged),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amt(s: &str) -> Amount {
        s.parse().unwrap()
    }

    fn facts(status: i64, charged: &str, fee: &str, currency: &str) -> PaymentFacts<'static> {
        PaymentFacts {
            status_id: Some(StatusId::from_number(status)),
            order_amount: None,
            charged: Some(amt(charged)),
            fee: Some(amt(fee)),
            currency: Some(Box::leak(currency.to_string().into_boxed_str())),
        }
    }

    #[test]
    fn paid_only_when_everything_matches() {
        let want = amt("1000");
        assert!(facts(5, "1000.0000", "15", "NGN").is_paid(&want, "NGN"));
        assert!(facts(5, "1015", "15", "ngn").is_paid(&want, "NGN"));
        assert!(!facts(2, "1000", "15", "NGN").is_paid(&want, "NGN"));
        assert!(!facts(5, "999.99", "15", "NGN").is_paid(&want, "NGN"));
        assert!(!facts(5, "1000", "15", "USD").is_paid(&want, "NGN"));
        let mut explicit = facts(5, "1000", "0", "NGN");
        explicit.order_amount = Some(amt("900"));
        assert!(!explicit.is_paid(&want, "NGN"));
        let mut no_currency = facts(5, "1000", "0", "NGN");
        no_currency.currency = None;
        assert!(!no_currency.is_paid(&want, "NGN"));
    }
}
