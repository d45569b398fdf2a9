//! TransactPay webhooks (specification §4.3): parsed tolerantly, kept [`Unverified`].
//!
//! No source documents a signature, and payseal does not invent one. The best evidence is a body
//! `{"data": {...}}` in the verify shape, with `data` or `Data` and camelCase or PascalCase names.
//! A webhook is therefore a hint: the merchant re-checks it with [`VerifyRequest`] (secret key)
//! and acts on that answer.

use super::data::VerifyData;
use super::response::DEFAULT_MAX_BODY;
use super::status::VerifyRequest;
use crate::body_check::{parse_json, read_json_object};
use crate::described;
use crate::encoding::json::push_json_string;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonKind, shape, str_of};
use crate::unverified::Unverified;
use serde::{Deserialize, Serialize};

described! {
/// A TransactPay webhook: the verify-shaped `data` it carried.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransactPayWebhook {
    /// The payment as the webhook describes it.
    pub data: VerifyData,
}
}

/// Rewrites PascalCase names to camelCase (`OrderReference` → `orderReference`) at every level of
/// `json` (valid JSON text), and leaves every other byte as it is — numbers keep every digit.
///
/// A name is a string followed by `:`; its first character is lower-cased (a name that starts
/// with an escape is decoded and written again).
fn camel_case_keys(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        let end = (i + 1).min(bytes.len());
        i = end;
        let first = bytes.get(start + 1).copied().unwrap_or(b'"');
        // Only a name that starts with a capital, an escape or a non-ASCII letter can change:
        // everything else (lower case, digits, `"`) is left alone without a decode or a copy.
        let may_change = first.is_ascii_uppercase() || first == b'\\' || !first.is_ascii();
        if !may_change || !json[end..].trim_start().starts_with(':') {
            continue;
        }
        let Ok(name) = serde_json::from_str::<String>(&json[start..end]) else {
            continue;
        };
        let mut chars = name.chars();
        let camel: String = match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => continue,
        };
        out.push_str(&json[copied..start]);
        push_json_string(&mut out, &camel);
        copied = end;
    }
    out.push_str(&json[copied..]);
    out
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
    // The body is read once; only the part that holds the payment is copied, to rewrite its
    // names.
    let Ok(obj) = read_json_object(body, max_body, None)? else {
        return Err(unexpected("a TransactPay webhook is a JSON object"));
    };
    // `data` or `Data`: the last one, as when the whole body's names were rewritten first.
    let data = obj
        .iter()
        .filter(|(name, _)| matches!(*name, "data" | "Data"))
        .last()
        .map(|(_, raw)| raw);
    let data = match data.map(|raw| (JsonKind::of(raw), raw)) {
        Some((JsonKind::String, raw)) => {
            let text = str_of(raw).unwrap_or_default();
            parse_json(text.as_bytes(), None)
                .map(|inner| camel_case_keys(inner.get()))
                .map_err(|_| unexpected("the webhook's data is a string that is not JSON"))?
        }
        Some((JsonKind::Object, raw)) => camel_case_keys(raw.get()),
        Some((kind, _)) => {
            return Err(unexpected(format!(
                "the webhook's data is a JSON {}, not an object",
                kind.name()
            )));
        }
        // Valid JSON, so UTF-8: the body itself is the payment.
        None => camel_case_keys(std::str::from_utf8(body).unwrap_or_default()),
    };
    let data = shape::read::<VerifyData>(data.as_bytes())
        .map_err(|e| unexpected(format!("the webhook's data is malformed {e}")))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_capital_and_nothing_else_changes() {
        for (input, output) in [
            (
                r#"{"Data":{"OrderReference":"ORD-1","TotalAmountCharged":1500.2500000000000001}}"#,
                r#"{"data":{"orderReference":"ORD-1","totalAmountCharged":1500.2500000000000001}}"#,
            ),
            (
                r#"{ "A" : ["B", {"C\"D":"E:F"}], "x":"Y" }"#,
                r#"{ "a" : ["B", {"c\"D":"E:F"}], "x":"Y" }"#,
            ),
            (r#"{"\u0041b":1,"":2,"Ünï":3}"#, r#"{"ab":1,"":2,"ünï":3}"#),
            (r#"["Not","Names"]"#, r#"["Not","Names"]"#),
            (r#""Text""#, r#""Text""#),
            (r#"{"0":1,"_A":2,"Ω":3}"#, r#"{"0":1,"_A":2,"ω":3}"#),
        ] {
            assert_eq!(camel_case_keys(input), output, "{input}");
        }
    }
}
