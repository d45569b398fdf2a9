//! Subscriptions: history (POST `/api/v1/integrator/subscription/history`) and revoke (POST
//! `/api/v1/integrator/subscription/revoke`, answered with an empty HTTP 200).

use super::endpoint::{self, Endpoint};
use super::ids::check_present;
use super::request::{KeepzRequest, KeepzResponse};
use crate::describe::{Describe, ObjectShape, Shape, qualified_name};
use crate::described;
use crate::error::Result;
use crate::money::Amount;
use serde::{Deserialize, Deserializer, Serialize};

described! {
/// Asks for the charges of a subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionHistoryRequest {
    /// `subscriptionId` (from the subscription callback).
    pub subscription_id: String,
}
}

described! {
/// Ends a subscription.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevokeSubscriptionRequest {
    /// `subscriptionId`.
    pub subscription_id: String,
}
}

impl SubscriptionHistoryRequest {
    /// The request for one subscription.
    pub fn new(subscription_id: impl Into<String>) -> SubscriptionHistoryRequest {
        SubscriptionHistoryRequest {
            subscription_id: subscription_id.into(),
        }
    }
}

impl RevokeSubscriptionRequest {
    /// The request for one subscription.
    pub fn new(subscription_id: impl Into<String>) -> RevokeSubscriptionRequest {
        RevokeSubscriptionRequest {
            subscription_id: subscription_id.into(),
        }
    }
}

impl KeepzRequest for SubscriptionHistoryRequest {
    const OPERATION: &'static str = "subscription_history";
    const ENDPOINT: Endpoint = endpoint::SUBSCRIPTION_HISTORY;
    type Response = SubscriptionHistory;

    fn validate(&self) -> Result<()> {
        check_present("subscriptionId", &self.subscription_id)
    }
}

impl KeepzRequest for RevokeSubscriptionRequest {
    const OPERATION: &'static str = "revoke_subscription";
    const ENDPOINT: Endpoint = endpoint::REVOKE_SUBSCRIPTION;
    type Response = SubscriptionRevoked;

    fn validate(&self) -> Result<()> {
        check_present("subscriptionId", &self.subscription_id)
    }
}

/// The charges of a subscription: the decrypted JSON list, oldest first as Keepz sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SubscriptionHistory(
    /// At most 1,000 charges are read; a longer list is an unexpected response.
    #[serde(deserialize_with = "crate::lenient::list")]
    pub Vec<SubscriptionCharge>,
);

described! {
/// One charge of a subscription. Times are kept as sent: the specification does not settle their
/// format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionCharge {
    /// `time` of the charge.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub time: Option<String>,
    /// `status` of the charge.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    /// `refundTime`, when refunded.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub refund_time: Option<String>,
    /// `refundedAmount`, when refunded.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_amount",
        skip_serializing_if = "Option::is_none"
    )]
    pub refunded_amount: Option<Amount>,
    /// `failReason`, when the charge failed.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub fail_reason: Option<String>,
}
}

impl KeepzResponse for SubscriptionHistory {}

impl Describe for SubscriptionHistory {
    /// A list of [`SubscriptionCharge`]s.
    fn shape() -> Shape {
        Vec::<SubscriptionCharge>::shape()
    }
}

/// The subscription was revoked. Keepz answers with an empty HTTP 200; any opened JSON body is
/// accepted too (its content is ignored).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SubscriptionRevoked;

impl<'de> Deserialize<'de> for SubscriptionRevoked {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(d)?;
        Ok(SubscriptionRevoked)
    }
}

impl Describe for SubscriptionRevoked {
    /// An object without fields: the answer says nothing but "done".
    fn shape() -> Shape {
        Shape::Object(ObjectShape {
            name: qualified_name(module_path!(), "SubscriptionRevoked"),
            doc: "The subscription was revoked (Keepz answers with an empty HTTP 200).".into(),
            fields: Vec::new(),
        })
    }
}

impl KeepzResponse for SubscriptionRevoked {
    fn from_empty_body() -> Option<Self> {
        Some(SubscriptionRevoked)
    }
}
