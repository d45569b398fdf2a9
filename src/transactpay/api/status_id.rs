//! [`StatusId`]: TransactPay's numeric payment status.

use crate::describe::{Describe, EnumReading, EnumShape, ListedValue, Shape, qualified_name};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// `statusId` of an order or payment (specification §4.1). Only [`StatusId::Successful`] means
/// money moved — and only when the amount and currency match (see `is_paid` on the data types).
///
/// ```
/// use payseal::transactpay::api::StatusId;
/// assert_eq!(StatusId::from_number(5), StatusId::Successful);
/// assert_eq!(StatusId::from_number(3), StatusId::Unknown(3));
/// assert_eq!(StatusId::Unknown(3).number(), 3);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusId {
    /// 1: initiated.
    Initiated,
    /// 2: pending (including waiting for 3-D Secure).
    Pending,
    /// 4: failed.
    Failed,
    /// 5: successful.
    Successful,
    /// 6: reversed.
    Reversed,
    /// Any other number, kept.
    Unknown(i64),
}

impl StatusId {
    /// Every status with a name, in number order.
    pub const KNOWN: [StatusId; 5] = [
        StatusId::Initiated,
        StatusId::Pending,
        StatusId::Failed,
        StatusId::Successful,
        StatusId::Reversed,
    ];

    /// The status with this number.
    pub fn from_number(n: i64) -> StatusId {
        match n {
            1 => StatusId::Initiated,
            2 => StatusId::Pending,
            4 => StatusId::Failed,
            5 => StatusId::Successful,
            6 => StatusId::Reversed,
            other => StatusId::Unknown(other),
        }
    }

    /// The number on the wire.
    pub fn number(&self) -> i64 {
        match self {
            StatusId::Initiated => 1,
            StatusId::Pending => 2,
            StatusId::Failed => 4,
            StatusId::Successful => 5,
            StatusId::Reversed => 6,
            StatusId::Unknown(n) => *n,
        }
    }

    /// What the status means, in a few words (`"successful"`); `"unknown"` for other numbers.
    pub fn meaning(&self) -> &'static str {
        match self {
            StatusId::Initiated => "initiated",
            StatusId::Pending => "pending (including waiting for 3-D Secure)",
            StatusId::Failed => "failed",
            StatusId::Successful => "successful",
            StatusId::Reversed => "reversed",
            StatusId::Unknown(_) => "unknown",
        }
    }

    /// Whether no further change is expected: failed, successful or reversed.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            StatusId::Failed | StatusId::Successful | StatusId::Reversed
        )
    }
}

impl Describe for StatusId {
    /// An open enum of numbers with the fact `final` ([`StatusId::is_final`]).
    fn shape() -> Shape {
        Shape::Enum(EnumShape::new(
            qualified_name(module_path!(), "StatusId"),
            "`statusId` of an order or payment: only 5 (successful) means money moved, and only \
             when the amount and currency match."
                .into(),
            true,
            StatusId::KNOWN
                .iter()
                .map(|s| ListedValue {
                    wire: s.number().into(),
                    name: format!("{s:?}"),
                    aliases: vec![],
                    doc: s.meaning().into(),
                })
                .collect(),
            vec!["final"],
            |value| {
                let status = StatusId::from_number(value.as_i64()?);
                Some(EnumReading {
                    value: status.number().into(),
                    known: !matches!(status, StatusId::Unknown(_)),
                    facts: vec![status.is_final()],
                })
            },
        ))
    }
}

impl Serialize for StatusId {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_i64(self.number())
    }
}

impl<'de> Deserialize<'de> for StatusId {
    /// Reads a number or a string holding one.
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<StatusId, D::Error> {
        opt_status_id(d)?.ok_or_else(|| serde::de::Error::custom("statusId is not an integer"))
    }
}

/// `Option<StatusId>` field: a number or numeric string; anything else is `None`.
pub(crate) fn opt_status_id<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<StatusId>, D::Error> {
    let raw = Box::<RawValue>::deserialize(d)?;
    Ok(crate::json::i64_of(&raw).map(StatusId::from_number))
}
