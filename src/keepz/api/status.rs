//! [`OrderStatus`]: every status of a Keepz order, and what each one means for the merchant.

use crate::wire_enum::wire_enum;

wire_enum! { open Unknown, facts("final" => is_final, "paid" => is_paid);
    /// The status of a Keepz order (specification §3), as returned by order status, cancel and
    /// refund, and sent in callbacks.
    ///
    /// `CANCELLED` (older documentation) is read as [`OrderStatus::Canceled`]: it has the same
    /// meaning, and one variant means a `match` cannot forget the other spelling. It is written
    /// back as `CANCELED`. A status this version does not know is kept in
    /// [`OrderStatus::Unknown`]; parsing never fails on a new status.
    ///
    /// ```
    /// use payseal::keepz::api::OrderStatus;
    /// assert_eq!(OrderStatus::from_wire("CANCELLED"), OrderStatus::Canceled);
    /// assert!(OrderStatus::Success.is_paid() && OrderStatus::Success.is_final());
    /// assert!(!OrderStatus::ToBeConfirmed.is_final());
    /// let new = OrderStatus::from_wire("ON_HOLD");
    /// assert_eq!((new.as_str(), new.is_final()), ("ON_HOLD", false));
    /// ```
    pub enum OrderStatus {
        /// Created; the payer has not acted yet.
        Initial = "INITIAL",
        /// Payment in progress.
        Processing = "PROCESSING",
        /// Paid.
        Success = "SUCCESS",
        /// The payment failed.
        Failed = "FAILED",
        /// Cancelled (also read from the older spelling `CANCELLED`).
        Canceled = "CANCELED" | "CANCELLED",
        /// Not paid before `validUntil`.
        Expired = "EXPIRED",
        /// A refund was asked for and is being processed.
        RefundRequested = "REFUND_REQUESTED",
        /// Part of the amount was refunded.
        PartiallyRefunded = "PARTIALLY_REFUNDED",
        /// Refunded by a Keepz operator.
        RefundedByOperator = "REFUNDED_BY_OPERATOR",
        /// Refunded at the integrator's request.
        RefundedByIntegrator = "REFUNDED_BY_INTEGRATOR",
        /// Refunded by Keepz.
        RefundedByKeepz = "REFUNDED_BY_KEEPZ",
        /// A refund failed.
        RefundedFailed = "REFUNDED_FAILED",
        /// Waiting for the payer's consent (open banking).
        WaitingForConsent = "WAITING_FOR_CONSENT",
        /// Pre-authorised; to be confirmed.
        ToBeConfirmed = "TO_BE_CONFIRMED",
    }
}

impl OrderStatus {
    /// Whether no further change is expected without a refund: SUCCESS, FAILED, CANCELED, EXPIRED
    /// and the `REFUNDED_*` family (specification §3). Unknown statuses are not final: keep
    /// polling rather than stop on a value nobody has explained.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            OrderStatus::Success
                | OrderStatus::Failed
                | OrderStatus::Canceled
                | OrderStatus::Expired
                | OrderStatus::RefundedByOperator
                | OrderStatus::RefundedByIntegrator
                | OrderStatus::RefundedByKeepz
                | OrderStatus::RefundedFailed
        )
    }

    /// Whether the order is paid and nothing of it is being or has been refunded: only SUCCESS.
    /// This is the status on which a merchant delivers, *after* re-checking it with an order-status
    /// request (never on a callback alone).
    pub fn is_paid(&self) -> bool {
        matches!(self, OrderStatus::Success)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips() {
        for text in [
            "INITIAL",
            "PROCESSING",
            "SUCCESS",
            "FAILED",
            "CANCELED",
            "EXPIRED",
            "REFUND_REQUESTED",
            "PARTIALLY_REFUNDED",
            "REFUNDED_BY_OPERATOR",
            "REFUNDED_BY_INTEGRATOR",
            "REFUNDED_BY_KEEPZ",
            "REFUNDED_FAILED",
            "WAITING_FOR_CONSENT",
            "TO_BE_CONFIRMED",
        ] {
            let status = OrderStatus::from_wire(text);
            assert!(status.is_known(), "{text}");
            assert_eq!(status.as_str(), text);
        }
        assert_eq!(OrderStatus::from_wire("CANCELLED").as_str(), "CANCELED");
        assert_eq!(
            OrderStatus::from_wire("Mystery"),
            OrderStatus::Unknown("Mystery".into())
        );
    }
}
