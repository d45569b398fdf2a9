//! A TransactPay order's life (specification §4.1): statusId 1 initiated → 2 pending (a payment
//! started: card with its 3-D Secure page, bank transfer, Opay) → 5 successful or 4 failed (a
//! failed order may be paid again) → 6 reversed once refunded in full.

use payseal::Amount;
use payseal::transactpay::api::{CreateOrderRequest, PaymentOption, StatusId};
use serde::{Deserialize, Serialize};

/// A refusal: HTTP status, TransactPay `statusCode`, message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TpFailure {
    /// The HTTP status.
    pub http: u16,
    /// `statusCode`.
    pub code: &'static str,
    /// `message`.
    pub message: String,
}

impl TpFailure {
    /// A refusal.
    pub fn new(http: u16, code: &'static str, message: impl Into<String>) -> TpFailure {
        TpFailure {
            http,
            code,
            message: message.into(),
        }
    }
}

/// The sandbox's TransactPay error codes (the real ones are not documented; README "Sandbox").
pub mod codes {
    /// Missing or wrong `api-key`.
    pub const BAD_KEY: &str = "03";
    /// A value payseal's validation refuses.
    pub const INVALID: &str = "05";
    /// The `data` does not decrypt, or is not the request's JSON.
    pub const CANNOT_DECRYPT: &str = "06";
    /// No order with that reference (or payment with that reference).
    pub const NOT_FOUND: &str = "09";
    /// The reference is taken.
    pub const DUPLICATE: &str = "10";
    /// The order's status does not allow it.
    pub const NOT_ALLOWED: &str = "12";
    /// A refund larger than what is left.
    pub const REFUND_TOO_LARGE: &str = "13";
}

/// One payment attempt.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TpPayment {
    /// `orderPaymentReference`.
    pub reference: String,
    /// How it is paid.
    pub option: PaymentOption,
    /// `statusId` of this attempt.
    pub status: StatusId,
    /// What paid it (a masked card), once known.
    pub instrument: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub updated_at: i64,
}

/// A TransactPay order as the sandbox keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TpOrder {
    /// The create-order request, as received.
    pub request: CreateOrderRequest,
    /// The order's `statusId`.
    pub status: StatusId,
    /// TransactPay's fee, charged on top of the amount.
    pub fee: Amount,
    /// `paymentReference` (TransactPay's own id of the order).
    pub payment_reference: String,
    /// Every payment attempt, oldest first.
    pub payments: Vec<TpPayment>,
    /// What has been refunded.
    pub refunded: Amount,
    /// Unix seconds.
    pub created_at: i64,
    /// When it was paid (Unix seconds).
    pub confirmed_at: Option<i64>,
}

/// The fee the sandbox charges: 1.5 % of the amount, rounded half up to kobo, at most 2000.
pub fn fee(amount: &Amount) -> Amount {
    let minor = amount.to_minor(4).unwrap_or_default().max(0) as i128;
    let kobo = (minor * 15 / 1000 + 50) / 100;
    Amount::from_minor(kobo.min(200_000) as i64, 2).unwrap_or(Amount::ZERO)
}

/// What can happen to an order.
#[derive(Clone, Debug)]
pub enum TpEvent {
    /// A payment started (pay).
    StartPayment {
        /// Its new `orderPaymentReference`.
        reference: String,
        /// How.
        option: PaymentOption,
        /// A masked card, for card payments.
        instrument: Option<String>,
    },
    /// The pending payment finished: paid (`true`) or failed.
    Complete(bool),
    /// A refund of this amount (`None`: what is left).
    Refund(Option<Amount>),
}

impl TpOrder {
    /// The amount charged: amount plus fee.
    pub fn charged(&self) -> Amount {
        self.request
            .order
            .amount
            .checked_add(self.fee)
            .unwrap_or(self.request.order.amount)
    }

    /// The payment in progress, if any.
    pub fn pending_payment(&mut self) -> Option<&mut TpPayment> {
        self.payments
            .iter_mut()
            .rev()
            .find(|p| p.status == StatusId::Pending)
    }

    /// Applies `event` at `now`.
    pub fn apply(&mut self, event: TpEvent, now: i64) -> Result<(), TpFailure> {
        match event {
            TpEvent::StartPayment {
                reference,
                option,
                instrument,
            } => {
                if !matches!(
                    self.status,
                    StatusId::Initiated | StatusId::Pending | StatusId::Failed
                ) {
                    return Err(TpFailure::new(
                        409,
                        codes::NOT_ALLOWED,
                        "Order is already paid",
                    ));
                }
                for earlier in self
                    .payments
                    .iter_mut()
                    .filter(|p| p.status == StatusId::Pending)
                {
                    earlier.status = StatusId::Failed;
                    earlier.updated_at = now;
                }
                self.payments.push(TpPayment {
                    reference,
                    option,
                    status: StatusId::Pending,
                    instrument,
                    created_at: now,
                    updated_at: now,
                });
                self.status = StatusId::Pending;
            }
            TpEvent::Complete(paid) => {
                let status = if paid {
                    StatusId::Successful
                } else {
                    StatusId::Failed
                };
                let payment = self.pending_payment().ok_or_else(|| {
                    TpFailure::new(
                        409,
                        codes::NOT_ALLOWED,
                        "No payment of this order is pending",
                    )
                })?;
                payment.status = status;
                payment.updated_at = now;
                self.status = status;
                if paid {
                    self.confirmed_at = Some(now);
                }
            }
            TpEvent::Refund(amount) => {
                if self.status != StatusId::Successful {
                    return Err(TpFailure::new(409, codes::NOT_ALLOWED, "Order is not paid"));
                }
                let left = self
                    .request
                    .order
                    .amount
                    .checked_sub(self.refunded)
                    .unwrap_or(Amount::ZERO);
                let amount = amount.unwrap_or(left);
                if amount > left || !amount.is_positive() {
                    return Err(TpFailure::new(
                        400,
                        codes::REFUND_TOO_LARGE,
                        format!("Refund amount must be above 0 and at most {left}"),
                    ));
                }
                self.refunded = self.refunded.checked_add(amount).unwrap_or(self.refunded);
                if self.refunded == self.request.order.amount {
                    self.status = StatusId::Reversed;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_is_exact() {
        let fee_of = |a: &str| fee(&a.parse().unwrap()).to_string();
        assert_eq!(fee_of("1000"), "15");
        assert_eq!(fee_of("1500.25"), "22.5");
        assert_eq!(fee_of("0.3"), "0");
        assert_eq!(fee_of("0.34"), "0.01");
        assert_eq!(fee_of("1000000"), "2000");
    }
}
