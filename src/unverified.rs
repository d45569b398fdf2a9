//! [`Unverified`]: a value that arrived without proof of who sent it.
//!
//! Neither gateway authenticates its callbacks (Keepz) or webhooks (TransactPay): a Keepz callback
//! is sealed to the integrator's *public* key, which anyone can do, and TransactPay documents no
//! signature at all. So a callback is a hint that *something may have changed*, never proof of
//! payment. The wrapper keeps that fact in the type: the value is reachable only through methods
//! whose names say it is unverified, and each gateway adds a method that builds the request that
//! re-checks it (Keepz: order status; TransactPay: verify).

use std::fmt;

/// A callback or webhook body that anyone could have sent.
///
/// **Re-check before trusting it**: send the re-check request (Keepz:
/// `Unverified::<KeepzCallback>::order_status_request`; TransactPay:
/// `Unverified::<TransactPayWebhook>::verify_request`) and act on *that* answer, comparing the
/// amount and currency with your own order record. Use the unverified fields only to decide *what*
/// to re-check.
///
/// ```
/// use payseal::keepz::api::{KeepzCallback, parse_plain_callback};
/// # fn main() -> payseal::Result<()> {
/// let body = br#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
///   "integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS","amount":10.05}"#;
/// let hint = parse_plain_callback(body)?;
/// // Do not ship goods here: ask Keepz first.
/// let recheck = hint.order_status_request("1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e")?;
/// assert_eq!(recheck.integrator_order_id, "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a");
/// # Ok(()) }
/// ```
#[must_use = "an unverified callback must be re-checked with the gateway before it is acted on"]
#[derive(Clone, PartialEq, Eq)]
pub struct Unverified<T> {
    inner: T,
}

impl<T> Unverified<T> {
    /// Wraps a value that arrived unauthenticated.
    pub(crate) fn new(inner: T) -> Unverified<T> {
        Unverified { inner }
    }

    /// Looks at the unverified value (to decide what to re-check, or to log it).
    pub fn peek_unverified(&self) -> &T {
        &self.inner
    }

    /// Takes the unverified value out. The name is long on purpose: nothing in it is proof.
    pub fn into_unverified_inner(self) -> T {
        self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for Unverified<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Unverified").field(&self.inner).finish()
    }
}
