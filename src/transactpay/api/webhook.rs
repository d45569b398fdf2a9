//! TransactPay webhooks (specification §4.3): parsed tolerantly, kept [`Unverified`].
//!
//! No source documents a signature, and payseal does not invent one. The best evidence is a body
//! `{"data": {...}}` in the verify shape, with `data` or `Data` and camelCase or PascalCase names.
//! A webhook is therefore a hint: the merchant re-checks it with [`VerifyRequest`] (secret key)
//! and acts on that answer.

use super::data::VerifyData;
use super::response::DEFAULT_MAX_BODY;
use super::status::VerifyRequest;
use crate::body_check::read_json;
use crate::error::{Error, ErrorKind, Result};
use crate::unverified::Unverified;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A TransactPay webhook: the verify-shaped `data` it carried.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactPayWebhook {
    /// The payment as the webhook describes it.
    pub data: VerifyData,
}

/// Nesting deeper than this is not rewritten (and not plausible in a webhook).
const MAX_DEPTH: usize = 32;

/// Rewrites PascalCase names to camelCase (`OrderReference` → `orderReference`), recursively.
fn camel_case_keys(value: Value, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return value;
    }
    match value {
        Value::Object(obj) => Value::Object(
            obj.into_iter()
                .map(|(k, v)| {
                    let mut chars = k.chars();
                    let key = match chars.next() {
                        Some(first) => first.to_lowercase().chain(chars).collect(),
                        None => k,
                    };
                    (key, camel_case_keys(v, depth + 1))
                })
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| camel_case_keys(v, depth + 1))
                .collect(),
        ),
        other => other,
    }
}

fn unexpected(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::UnexpectedResponse, message.into())
}

/// Reads a webhook body (1 MiB limit). The result is [`Unverified`]: call
/// [`Unverified::<TransactPayWebhook>::verify_request`] and act on the verify answer.
///
/// ```
/// use payseal::transactpay::api::parse_webhook;
/// # fn main() -> payseal::Result<()> {
/// let hint = parse_webhook(br#"{"Data":{"OrderReference":"ORD-1","StatusId":5,"TotalAmountCharged":1000}}"#)?;
/// assert_eq!(hint.order_reference(), Some("ORD-1"));
/// let recheck = hint.verify_request()?;
/// assert_eq!(recheck.reference, "ORD-1");
/// # Ok(()) }
/// ```
pub fn parse_webhook(body: &[u8]) -> Result<Unverified<TransactPayWebhook>> {
    parse_webhook_with_limit(body, DEFAULT_MAX_BODY)
}

/// [`parse_webhook`] with another body limit, in bytes.
pub fn parse_webhook_with_limit(
    body: &[u8],
    max_body: usize,
) -> Result<Unverified<TransactPayWebhook>> {
    let value = camel_case_keys(read_json(body, max_body, None)?, 0);
    let Value::Object(mut obj) = value else {
        return Err(unexpected("a TransactPay webhook is a JSON object"));
    };
    let data = match obj.remove("data") {
        Some(Value::String(text)) => serde_json::from_str::<Value>(&text)
            .map(|v| camel_case_keys(v, 0))
            .map_err(|_| unexpected("the webhook's data is a string that is not JSON"))?,
        Some(inner @ Value::Object(_)) => inner,
        Some(other) => {
            return Err(unexpected(format!(
                "the webhook's data is a JSON {}, not an object",
                crate::lenient::json_kind(&other)
            )));
        }
        None => Value::Object(obj),
    };
    let data = VerifyData::deserialize(data)
        .map_err(|e| unexpected(format!("the webhook's data is malformed: {e}")))?;
    if data.order_reference.is_none() && data.payment_reference.is_none() {
        return Err(unexpected(
            "the webhook names neither orderReference nor paymentReference",
        ));
    }
    Ok(Unverified::new(TransactPayWebhook { data }))
}

impl Unverified<TransactPayWebhook> {
    /// The order the webhook claims to be about.
    pub fn order_reference(&self) -> Option<&str> {
        self.peek_unverified().data.order_reference.as_deref()
    }

    /// The verify request that re-checks the webhook (send it with the secret key).
    pub fn verify_request(&self) -> Result<VerifyRequest> {
        match self.order_reference() {
            Some(reference) if !reference.trim().is_empty() => Ok(VerifyRequest {
                reference: reference.to_string(),
            }),
            _ => Err(Error::new(
                ErrorKind::InvalidRequest,
                "the webhook has no orderReference to verify",
            )),
        }
    }
}
