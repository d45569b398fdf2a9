//! From a typed request to what a host sends: validated, sealed (or not), placed.

use super::endpoint::TransactPayEndpoint;
use super::request::TransactPayRequest;
use crate::error::Result;
use crate::plaintext::to_compact_json;
use crate::transactpay::{CONTENT_TYPE, CONTENT_TYPE_HEADER, TransactPay};

/// A TransactPay request ready to send: POST [`PreparedRequest::body`] to
/// [`PreparedRequest::url`] with the headers of [`PreparedRequest::headers`] and `api-key` set to
/// the dashboard key [`TransactPayEndpoint::api_key`] names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    /// The operation's endpoint.
    pub endpoint: TransactPayEndpoint,
    /// The body: `{"data":"…"}` for an encrypted endpoint, the request's compact JSON for a plain
    /// one (verify, refund).
    pub body: String,
}

impl PreparedRequest {
    /// The HTTP method.
    pub fn method(&self) -> &'static str {
        self.endpoint.method.as_str()
    }

    /// The URL below `base` ([`super::BASE_URL`] unless TransactPay gave you another host).
    pub fn url(&self, base: &str) -> String {
        self.endpoint.url_with_base(base)
    }

    /// The headers besides `api-key`: the body is JSON.
    pub fn headers(&self) -> [(&'static str, &'static str); 1] {
        [(CONTENT_TYPE_HEADER, CONTENT_TYPE)]
    }
}

impl TransactPay {
    /// Validates `request` ([`TransactPayRequest::validate`]) and writes its body: sealed to the
    /// encryption key for an encrypted endpoint, as compact JSON for a plain one.
    ///
    /// ```
    /// use payseal::keys::PrivateKey;
    /// use payseal::transactpay::{TransactPay, to_dashboard_blob};
    /// use payseal::transactpay::api::{ApiKey, BASE_URL, OrderStatusRequest, VerifyRequest};
    /// # fn main() -> payseal::Result<()> {
    /// let key = PrivateKey::generate(2048)?;
    /// let merchant = TransactPay::new(to_dashboard_blob(key.public_key()))?;
    /// let status = merchant.prepare(&OrderStatusRequest { reference: "ORD-1".into() })?;
    /// assert!(status.body.starts_with(r#"{"data":""#));
    /// let verify = merchant.prepare(&VerifyRequest { reference: "ORD-1".into() })?;
    /// assert_eq!(verify.body, r#"{"reference":"ORD-1"}"#);
    /// assert_eq!(verify.endpoint.api_key, ApiKey::Secret);
    /// assert_eq!(verify.url(BASE_URL), "https://payment-api-service.transactpay.ai/payment/order/verify");
    /// # Ok(()) }
    /// ```
    pub fn prepare<R: TransactPayRequest>(&self, request: &R) -> Result<PreparedRequest> {
        request.validate()?;
        let body = if R::ENDPOINT.encrypted {
            self.seal(request)?.to_json_body()
        } else {
            // Plain endpoints carry references and amounts, nothing secret.
            String::from_utf8_lossy(&to_compact_json(request)?).into_owned()
        };
        Ok(PreparedRequest {
            endpoint: R::ENDPOINT,
            body,
        })
    }
}
