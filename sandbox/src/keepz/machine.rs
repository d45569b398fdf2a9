//! A Keepz order's life (specification §3): INITIAL → PROCESSING → SUCCESS / FAILED / EXPIRED,
//! CANCELED, and refunds (REFUND_REQUESTED → REFUNDED_BY_INTEGRATOR or PARTIALLY_REFUNDED).
//! Every refused step is the Keepz error the gateway answers with.

use payseal::Amount;
use payseal::keepz::KeepzApiError;
use payseal::keepz::api::{CreateOrderRequest, OrderStatus, SubscriptionCharge, SubscriptionPlan};
use serde::{Deserialize, Serialize};

/// Keepz's error for a catalogued code, with its own message or the catalogue's.
pub fn keepz_error(code: i64, message: Option<&str>) -> KeepzApiError {
    KeepzApiError::from_catalogue(code, message).unwrap_or_else(|| KeepzApiError {
        message: message.unwrap_or("Unhandled error").to_string(),
        status_code: 6054,
        exception_group: Some(6),
        http_status: Some(500),
    })
}

/// One status an order went through, and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StatusChange {
    /// Unix seconds.
    pub at: i64,
    /// The new status.
    pub status: OrderStatus,
}

/// A Keepz order as the sandbox keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeepzOrder {
    /// The create-order request, as received.
    pub request: CreateOrderRequest,
    /// The current status.
    pub status: OrderStatus,
    /// Every status so far, oldest first.
    pub history: Vec<StatusChange>,
    /// What has been refunded.
    pub refunded: Amount,
    /// A refund asked for and not settled yet.
    pub pending_refund: Option<Amount>,
    /// The token of the card this order saved.
    pub card_token: Option<String>,
    /// The subscription this order started.
    pub subscription_id: Option<String>,
}

/// What can happen to an order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The payer started paying (INITIAL → PROCESSING).
    Process,
    /// The payment went through (→ SUCCESS).
    Pay,
    /// The payment was declined (→ FAILED).
    Decline,
    /// `validUntil` passed, or a test said so (→ EXPIRED).
    Expire,
    /// The integrator cancelled (→ CANCELED).
    Cancel,
    /// The integrator asked for a refund of this amount (→ REFUND_REQUESTED).
    RequestRefund(Amount),
    /// The refund asked for went through (→ PARTIALLY_REFUNDED or REFUNDED_BY_INTEGRATOR).
    SettleRefund,
}

impl KeepzOrder {
    /// A new order, INITIAL.
    pub fn new(request: CreateOrderRequest, now: i64) -> KeepzOrder {
        KeepzOrder {
            request,
            status: OrderStatus::Initial,
            history: vec![StatusChange {
                at: now,
                status: OrderStatus::Initial,
            }],
            refunded: Amount::ZERO,
            pending_refund: None,
            card_token: None,
            subscription_id: None,
        }
    }

    /// Whether the payer can still pay: INITIAL or PROCESSING.
    pub fn is_open(&self) -> bool {
        matches!(self.status, OrderStatus::Initial | OrderStatus::Processing)
    }

    /// Whether `validUntil` has passed at `now` (Unix seconds, compared in UTC).
    pub fn is_overdue(&self, now: i64) -> bool {
        self.request
            .valid_until
            .is_some_and(|until| until < crate::clock::to_naive(now))
    }

    /// Why a payment step is refused in the current status.
    fn not_open(&self) -> KeepzApiError {
        match self.status {
            OrderStatus::Expired => keepz_error(6017, None),
            OrderStatus::Canceled | OrderStatus::Failed => keepz_error(6015, None),
            _ => keepz_error(6016, None),
        }
    }

    /// Applies `event` at `now`; the status is unchanged when it is refused.
    pub fn apply(&mut self, event: &Event, now: i64) -> Result<(), KeepzApiError> {
        let next = match event {
            Event::Process if self.status == OrderStatus::Processing => return Ok(()),
            Event::Process if self.status == OrderStatus::Initial => OrderStatus::Processing,
            Event::Pay if self.is_open() => OrderStatus::Success,
            Event::Decline if self.is_open() => OrderStatus::Failed,
            Event::Expire if self.is_open() => OrderStatus::Expired,
            Event::Process | Event::Pay | Event::Decline | Event::Expire => {
                return Err(self.not_open());
            }
            Event::Cancel if self.is_open() => OrderStatus::Canceled,
            Event::Cancel => return Err(keepz_error(6006, None)),
            Event::RequestRefund(amount) => {
                self.check_refund(amount)?;
                self.pending_refund = Some(*amount);
                OrderStatus::RefundRequested
            }
            Event::SettleRefund => {
                let Some(amount) = self.pending_refund.take() else {
                    return Err(keepz_error(6007, Some("No refund is in progress")));
                };
                self.refunded = self.refunded.checked_add(amount).unwrap_or(self.refunded);
                if self.refunded == self.request.amount {
                    OrderStatus::RefundedByIntegrator
                } else {
                    OrderStatus::PartiallyRefunded
                }
            }
        };
        self.status = next.clone();
        self.history.push(StatusChange {
            at: now,
            status: next,
        });
        Ok(())
    }

    /// A refund needs a paid order, no refund in progress, and at most what is left (6007).
    fn check_refund(&self, amount: &Amount) -> Result<(), KeepzApiError> {
        match self.status {
            OrderStatus::Success | OrderStatus::PartiallyRefunded => {}
            OrderStatus::RefundRequested => {
                return Err(keepz_error(
                    6007,
                    Some("A refund of this order is in progress"),
                ));
            }
            _ => return Err(keepz_error(6007, Some("The order is not paid"))),
        }
        let left = self.request.amount.checked_sub(self.refunded);
        if left.is_ok_and(|left| *amount <= left) {
            Ok(())
        } else {
            Err(keepz_error(6007, None))
        }
    }
}

/// One charge of a subscription and its `historyId`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargeRecord {
    /// The charge's id in the history (sent in the subscription callback).
    pub history_id: String,
    /// The charge as subscription history answers it.
    pub charge: SubscriptionCharge,
}

/// A subscription started by a paid order with a `subscriptionPlan`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    /// `subscriptionId`.
    pub id: String,
    /// The order that started it (its `callbackUri` gets the subscription callbacks).
    pub integrator_order_id: String,
    /// The plan.
    pub plan: SubscriptionPlan,
    /// Every charge, oldest first.
    pub charges: Vec<ChargeRecord>,
    /// Revoked: no more charges.
    pub revoked: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(amount: &str) -> KeepzOrder {
        let request = CreateOrderRequest::new(
            amount.parse().unwrap(),
            "7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c",
            "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
            "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a",
        );
        KeepzOrder::new(request, 0)
    }

    fn code(result: Result<(), KeepzApiError>) -> i64 {
        result.unwrap_err().status_code
    }

    #[test]
    fn pay_then_refund_in_two_parts() {
        let mut o = order("10.50");
        o.apply(&Event::Process, 1).unwrap();
        o.apply(&Event::Pay, 2).unwrap();
        assert_eq!(code(o.apply(&Event::Pay, 3)), 6016);
        assert_eq!(code(o.apply(&Event::Cancel, 3)), 6006);
        assert_eq!(
            code(o.apply(&Event::RequestRefund("10.51".parse().unwrap()), 3)),
            6007
        );
        o.apply(&Event::RequestRefund("0.50".parse().unwrap()), 3)
            .unwrap();
        assert_eq!(
            code(o.apply(&Event::RequestRefund("1".parse().unwrap()), 3)),
            6007
        );
        o.apply(&Event::SettleRefund, 4).unwrap();
        assert_eq!(o.status, OrderStatus::PartiallyRefunded);
        o.apply(&Event::RequestRefund("10".parse().unwrap()), 5)
            .unwrap();
        o.apply(&Event::SettleRefund, 6).unwrap();
        assert_eq!(o.status, OrderStatus::RefundedByIntegrator);
        let statuses: Vec<&str> = o.history.iter().map(|c| c.status.as_str()).collect();
        assert_eq!(
            statuses,
            [
                "INITIAL",
                "PROCESSING",
                "SUCCESS",
                "REFUND_REQUESTED",
                "PARTIALLY_REFUNDED",
                "REFUND_REQUESTED",
                "REFUNDED_BY_INTEGRATOR"
            ]
        );
    }

    #[test]
    fn closed_orders_refuse_with_keepz_codes() {
        let mut expired = order("1");
        expired.apply(&Event::Expire, 1).unwrap();
        assert_eq!(code(expired.apply(&Event::Pay, 2)), 6017);
        let mut canceled = order("1");
        canceled.apply(&Event::Cancel, 1).unwrap();
        assert_eq!(code(canceled.apply(&Event::Pay, 2)), 6015);
        assert_eq!(
            code(canceled.apply(&Event::RequestRefund("1".parse().unwrap()), 2)),
            6007
        );
        let mut failed = order("1");
        failed.apply(&Event::Decline, 1).unwrap();
        assert_eq!(failed.status, OrderStatus::Failed);
        assert_eq!(code(failed.apply(&Event::Expire, 2)), 6015);
    }
}
