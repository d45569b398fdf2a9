//! Where each TransactPay operation goes: method, path, whether the body is encrypted, and which
//! dashboard key goes in the `api-key` header.
//!
//! payseal does no HTTP; a host asks for an operation's [`TransactPayEndpoint`] (by request type
//! through [`super::TransactPayRequest::ENDPOINT`], or by name through
//! [`TransactPayEndpoint::for_operation`], which the C ABI exposes) and sends what payseal built.

use crate::http::Method;
use std::borrow::Cow;

/// TransactPay's API host, for test and live alike (the key decides the environment).
pub const BASE_URL: &str = "https://payment-api-service.transactpay.ai";

/// The name of the header that carries the dashboard key.
pub const API_KEY_HEADER: &str = "api-key";

/// Which dashboard key goes in the `api-key` header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiKey {
    /// The public key (`PGW-PUBLICKEY-...`): order, fee, pay, authorize, status.
    Public,
    /// The secret key (`PGW-SECRETKEY-...`): server-side verify and refund. Never ship it to a
    /// browser or an app.
    Secret,
}

impl ApiKey {
    /// The key's name: `"public"` or `"secret"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ApiKey::Public => "public",
            ApiKey::Secret => "secret",
        }
    }
}

/// One TransactPay operation on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TransactPayEndpoint {
    /// The HTTP method (always POST today).
    pub method: Method,
    /// The path below the base URL, starting with `/`.
    pub path: Cow<'static, str>,
    /// Whether the JSON payload is sealed into `{"data": "..."}` (RSA, one block) or sent plain.
    pub encrypted: bool,
    /// Which key goes in the `api-key` header.
    pub api_key: ApiKey,
}

const fn post(path: &'static str, encrypted: bool, api_key: ApiKey) -> TransactPayEndpoint {
    TransactPayEndpoint {
        method: Method::Post,
        path: Cow::Borrowed(path),
        encrypted,
        api_key,
    }
}

/// POST `/payment/order/create` (encrypted, public key).
pub const CREATE_ORDER: TransactPayEndpoint = post("/payment/order/create", true, ApiKey::Public);
/// POST `/payment/order/fee` (encrypted, public key).
pub const ORDER_FEE: TransactPayEndpoint = post("/payment/order/fee", true, ApiKey::Public);
/// POST `/payment/order/pay` (encrypted, public key): card, bank transfer and Opay alike.
pub const PAY: TransactPayEndpoint = post("/payment/order/pay", true, ApiKey::Public);
/// POST `/payment/order/pay/authorize` (encrypted, public key): PIN or OTP.
pub const AUTHORIZE: TransactPayEndpoint =
    post("/payment/order/pay/authorize", true, ApiKey::Public);
/// POST `/payment/order/status` (encrypted, public key).
pub const ORDER_STATUS: TransactPayEndpoint = post("/payment/order/status", true, ApiKey::Public);
/// POST `/payment/order/verify` (**plain** body, **secret** key).
pub const VERIFY: TransactPayEndpoint = post("/payment/order/verify", false, ApiKey::Secret);
/// POST `/payment/order/refund` (plain body, secret key).
///
/// **Unsettled**: this path on [`BASE_URL`] is the pattern of every other operation, but
/// TransactPay's documentation shows refunds on another host. Confirm with TransactPay, and send
/// elsewhere with [`TransactPayEndpoint::url_with_base`] and [`TransactPayEndpoint::with_path`].
pub const REFUND: TransactPayEndpoint = post("/payment/order/refund", false, ApiKey::Secret);

/// Every operation name [`TransactPayEndpoint::for_operation`] knows.
pub const OPERATION_NAMES: &[&str] = &[
    "create_order",
    "order_fee",
    "pay",
    "authorize",
    "order_status",
    "verify",
    "refund",
];

impl TransactPayEndpoint {
    /// The endpoint of an operation by name (see [`OPERATION_NAMES`]); `None` for any other name.
    ///
    /// ```
    /// use payseal::transactpay::api::{ApiKey, TransactPayEndpoint};
    /// let verify = TransactPayEndpoint::for_operation("verify").unwrap();
    /// assert!(!verify.encrypted);
    /// assert_eq!(verify.api_key, ApiKey::Secret);
    /// assert_eq!(verify.url(), "https://payment-api-service.transactpay.ai/payment/order/verify");
    /// ```
    pub fn for_operation(name: &str) -> Option<TransactPayEndpoint> {
        Self::lookup(name)
    }

    fn lookup(name: &str) -> Option<TransactPayEndpoint> {
        Some(match name {
            "create_order" => CREATE_ORDER,
            "order_fee" => ORDER_FEE,
            "pay" => PAY,
            "authorize" => AUTHORIZE,
            "order_status" => ORDER_STATUS,
            "verify" => VERIFY,
            "refund" => REFUND,
            _ => return None,
        })
    }

    /// The full URL on [`BASE_URL`].
    pub fn url(&self) -> String {
        self.url_with_base(BASE_URL)
    }

    /// The full URL on another host (a trailing `/` on `base` is ignored) — for the refund host
    /// the documentation shows, or a test double.
    pub fn url_with_base(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path)
    }

    /// The same operation at another path (for the unsettled refund path).
    pub fn with_path(mut self, path: impl Into<Cow<'static, str>>) -> TransactPayEndpoint {
        self.path = path.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_resolves_and_keys_match_encryption() {
        for name in OPERATION_NAMES {
            let e = TransactPayEndpoint::for_operation(name).unwrap();
            assert_eq!(e.encrypted, e.api_key == ApiKey::Public, "{name}");
            assert!(e.path.starts_with("/payment/order/"));
        }
        assert!(TransactPayEndpoint::for_operation("Verify").is_none());
        let moved = REFUND.with_path(String::from("/v2/refund"));
        assert_eq!(
            moved.url_with_base("https://refunds.example/"),
            "https://refunds.example/v2/refund"
        );
    }
}
