//! Keepz callbacks (specification §2.1): parsed, and kept [`Unverified`].
//!
//! Keepz POSTs a callback to the integrator's URL, normally as an envelope sealed to the
//! integrator's public key, sometimes as plain JSON. Sealing to a *public* key proves nothing about
//! the sender, so the result is an [`Unverified<KeepzCallback>`] whose one useful act is to build
//! the order-status request that re-checks it.

use super::ids::check_uuid;
use super::order_status::OrderStatusRequest;
use super::status::OrderStatus;
use super::subscription::SubscriptionHistoryRequest;
use crate::body_check::{parse_json_object, read_json_object};
use crate::described;
use crate::error::{Error, ErrorKind, Result};
use crate::json::{JsonKind, Object, shape};
use crate::keepz::envelope::classify_object;
use crate::keepz::open::open_wire;
use crate::keepz::{DEFAULT_MAX_BODY, Keepz};
use crate::money::Amount;
use crate::unverified::Unverified;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A Keepz callback: about an order or about a subscription charge.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeepzCallback {
    /// An order's payment finished (`integratorOrderId`, `status` SUCCESS or FAILED, ...).
    /// Boxed: it is several times larger than a subscription callback.
    Order(Box<OrderCallback>),
    /// A subscription was charged (`subscriptionId`, `historyId`, `status`, `amount`).
    Subscription(SubscriptionCallback),
}

described! {
/// The fields of an order callback. Only `integratorOrderId` is required; the rest is kept when
/// present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderCallback {
    /// `integratorOrderId`: which order to re-check.
    pub integrator_order_id: String,
    /// `integratorId`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub integrator_id: Option<String>,
    /// `status` as claimed (SUCCESS, FAILED).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// `amount` as claimed.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Amount>,
    /// `receiverId`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub receiver_id: Option<String>,
    /// `receiverType`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub receiver_type: Option<String>,
    /// `cardInfo`, when the card was saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_info: Option<CardInfo>,
    /// `initialCurrency`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub initial_currency: Option<String>,
    /// `acquiringCurrency`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub acquiring_currency: Option<String>,
    /// `acquiringAmount`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub acquiring_amount: Option<Amount>,
}
}

described! {
/// The saved card of an order callback (`cardInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CardInfo {
    /// `token`, reusable as `cardToken`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub token: Option<String>,
    /// `provider`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub provider: Option<String>,
    /// `cardMask`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_mask: Option<String>,
    /// `expirationDate` (`MM/YY`).
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_date: Option<String>,
    /// `cardBrand`.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub card_brand: Option<String>,
}
}

described! {
/// The fields of a subscription callback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionCallback {
    /// `subscriptionId`.
    pub subscription_id: String,
    /// `historyId`: the charge in the subscription's history.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub history_id: Option<String>,
    /// `status` as claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// `amount` as claimed.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Amount>,
}
}

fn unexpected(message: String) -> Error {
    Error::new(ErrorKind::UnexpectedResponse, message)
}

impl KeepzCallback {
    /// Reads a decrypted (or plain) callback object from its JSON text: a subscription callback
    /// when it has a `subscriptionId`, otherwise an order callback, which needs an
    /// `integratorOrderId`. Amounts are read digit for digit.
    pub fn from_json(json: &str) -> Result<KeepzCallback> {
        let obj = parse_json_object(json.as_bytes(), None)?;
        KeepzCallback::from_object(obj, json)
    }

    /// [`KeepzCallback::from_json`] for a callback already parsed into a `serde_json::Value`
    /// (whose numbers hold no more than an `f64`).
    pub fn from_value(value: serde_json::Value) -> Result<KeepzCallback> {
        KeepzCallback::from_json(&value.to_string())
    }

    /// The callback `json`, whose top level `obj` has been read (or the kind of JSON it is).
    fn from_object(
        obj: std::result::Result<Object<'_>, JsonKind>,
        json: &str,
    ) -> Result<KeepzCallback> {
        let obj = obj.map_err(|kind| {
            unexpected(format!(
                "a Keepz callback is a JSON object, not a {}",
                kind.name()
            ))
        })?;
        let present = |name: &str| {
            obj.get(name)
                .is_some_and(|v| JsonKind::of(v) != JsonKind::Null)
        };
        if present("subscriptionId") {
            shape::read(json.as_bytes())
                .map(KeepzCallback::Subscription)
                .map_err(|e| unexpected(format!("the subscription callback is malformed {e}")))
        } else if present("integratorOrderId") {
            shape::read(json.as_bytes())
                .map(|c| KeepzCallback::Order(Box::new(c)))
                .map_err(|e| unexpected(format!("the order callback is malformed {e}")))
        } else {
            Err(unexpected(
                "the callback has neither integratorOrderId (order) nor subscriptionId \
                 (subscription)"
                    .into(),
            ))
        }
    }
}

impl Serialize for KeepzCallback {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            KeepzCallback::Order(c) => c.serialize(s),
            KeepzCallback::Subscription(c) => c.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for KeepzCallback {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        KeepzCallback::from_json(Box::<RawValue>::deserialize(d)?.get())
            .map_err(|e| serde::de::Error::custom(e.message()))
    }
}

fn is_envelope(obj: &std::result::Result<Object<'_>, JsonKind>) -> bool {
    obj.as_ref()
        .is_ok_and(|obj| obj.get("encryptedData").is_some())
}

/// The body as text: it has been read as JSON, so it is UTF-8.
fn text(body: &[u8]) -> &str {
    std::str::from_utf8(body).unwrap_or_default()
}

/// Reads a callback that arrived as plain JSON (no envelope), bounded to
/// [`DEFAULT_MAX_BODY`]. An envelope is refused: open it with [`Keepz::parse_callback`].
pub fn parse_plain_callback(body: &[u8]) -> Result<Unverified<KeepzCallback>> {
    let obj = read_json_object(body, DEFAULT_MAX_BODY, None)?;
    if is_envelope(&obj) {
        return Err(unexpected(
            "the callback is an envelope; open it with Keepz::parse_callback and the \
             integrator's private key"
                .into(),
        ));
    }
    KeepzCallback::from_object(obj, text(body)).map(Unverified::new)
}

impl Keepz {
    /// Reads a callback body: an envelope (opened with this handle's private key, the
    /// integrator's) or plain JSON. The result is [`Unverified`]: re-check it with
    /// [`Unverified::<KeepzCallback>::order_status_request`] before acting on it.
    ///
    /// ```
    /// use payseal::keepz::Keepz;
    /// use payseal::keepz::api::KeepzCallback;
    /// use payseal::keys::PrivateKey;
    /// # fn main() -> payseal::Result<()> {
    /// let id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
    /// let integrator_key = PrivateKey::generate(2048)?;
    /// let integrator = Keepz::builder().open_with(integrator_key.clone()).build()?;
    /// // Anyone holding the integrator's public key can produce this body.
    /// let sender = Keepz::builder().seal_to(integrator_key.public_key().clone()).build()?;
    /// let body = sender
    ///     .seal(&serde_json::json!({"integratorId": id,
    ///         "integratorOrderId": "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a", "status": "SUCCESS"}))?
    ///     .to_json_body();
    ///
    /// let hint = integrator.parse_callback(body.as_bytes())?;
    /// assert!(matches!(hint.peek_unverified(), KeepzCallback::Order(_)));
    /// let recheck = hint.order_status_request(id)?; // send this, trust its answer
    /// assert_eq!(recheck.integrator_order_id, "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a");
    /// # Ok(()) }
    /// ```
    pub fn parse_callback(&self, body: &[u8]) -> Result<Unverified<KeepzCallback>> {
        let obj = read_json_object(body, self.options().max_body, None)?;
        match obj {
            // An envelope: opened from the fields already read (the body is read once).
            Ok(obj) if obj.get("encryptedData").is_some() => {
                let private = self.private()?;
                let wire = self.envelope_of(classify_object(&obj), None)?;
                let plaintext = open_wire(private, self.options(), &wire)?;
                KeepzCallback::from_json(plaintext.as_str()).map(Unverified::new)
            }
            obj => KeepzCallback::from_object(obj, text(body)).map(Unverified::new),
        }
    }
}

impl Unverified<KeepzCallback> {
    /// The order the callback claims to be about (order callbacks).
    pub fn integrator_order_id(&self) -> Option<&str> {
        match self.peek_unverified() {
            KeepzCallback::Order(c) => Some(&c.integrator_order_id),
            KeepzCallback::Subscription(_) => None,
        }
    }

    /// The subscription the callback claims to be about (subscription callbacks).
    pub fn subscription_id(&self) -> Option<&str> {
        match self.peek_unverified() {
            KeepzCallback::Order(_) => None,
            KeepzCallback::Subscription(c) => Some(&c.subscription_id),
        }
    }

    /// The order-status request that re-checks an order callback, for *your* integrator id (not
    /// the one in the callback, which anyone could have written). Refused when the callback is
    /// about a subscription, names another integrator, or carries a malformed order id.
    pub fn order_status_request(&self, own_integrator_id: &str) -> Result<OrderStatusRequest> {
        let KeepzCallback::Order(callback) = self.peek_unverified() else {
            return Err(Error::new(
                ErrorKind::InvalidRequest,
                "this is a subscription callback; re-check it with subscription_history_request",
            ));
        };
        check_uuid("integratorId", own_integrator_id)?;
        check_uuid("integratorOrderId", &callback.integrator_order_id)?;
        if let Some(claimed) = &callback.integrator_id {
            if !claimed.eq_ignore_ascii_case(own_integrator_id) {
                return Err(Error::new(
                    ErrorKind::InvalidRequest,
                    "the callback names another integrator than yours; it is not for you",
                ));
            }
        }
        Ok(OrderStatusRequest::new(
            own_integrator_id,
            callback.integrator_order_id.clone(),
        ))
    }

    /// The history request that re-checks a subscription callback.
    pub fn subscription_history_request(&self) -> Result<SubscriptionHistoryRequest> {
        match self.peek_unverified() {
            KeepzCallback::Subscription(c) if !c.subscription_id.trim().is_empty() => {
                Ok(SubscriptionHistoryRequest::new(c.subscription_id.clone()))
            }
            _ => Err(Error::new(
                ErrorKind::InvalidRequest,
                "this is not a subscription callback with a subscriptionId",
            )),
        }
    }
}
