//! [`Shape`]: what a value of a gateway type looks like in JSON, as a tree hosts can read.

use serde_json::Value;

/// The JSON shape of a request, a response or a part of one.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Shape {
    /// Text.
    String,
    /// Text holding a UUID (8-4-4-4-12 hexadecimal digits), checked before sealing.
    Uuid,
    /// An exact decimal ([`crate::Amount`]), read from a JSON number or a decimal string.
    Amount,
    /// `true` or `false`.
    Bool,
    /// An integer of the named Rust type (`u16`, `u32`, `i64`), whose range it has.
    Int(IntKind),
    /// A naive date-time written `yyyy-MM-dd HH:mm:ss` ([`crate::datetime::NaiveDateTime`]).
    DateTime,
    /// A date as a gateway sent it, kept as text and read when it can be
    /// ([`crate::transactpay::api::GatewayDate`]).
    GatewayDate,
    /// Any JSON value, kept as sent ([`crate::RawJson`], free-form request parts).
    Json,
    /// One of a fixed or open set of values.
    Enum(EnumShape),
    /// An object with named fields.
    Object(ObjectShape),
    /// A list of values of one shape.
    List(Box<Shape>),
    /// One of several objects, told apart by the value of one field (the tag).
    Variants(VariantsShape),
    /// A place filled per operation (for example the `data` of a TransactPay answer: each
    /// operation's response shape); the name says which.
    Slot(&'static str),
}

/// The Rust integer type behind [`Shape::Int`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IntKind {
    /// 0 to 65535.
    U16,
    /// 0 to 4294967295.
    U32,
    /// A signed 64-bit integer.
    I64,
}

impl IntKind {
    /// The Rust type's name (`"u16"`, `"u32"`, `"i64"`).
    pub const fn name(self) -> &'static str {
        match self {
            IntKind::U16 => "u16",
            IntKind::U32 => "u32",
            IntKind::I64 => "i64",
        }
    }

    /// Whether `n` fits the type.
    pub fn holds(self, n: i128) -> bool {
        match self {
            IntKind::U16 => u16::try_from(n).is_ok(),
            IntKind::U32 => u32::try_from(n).is_ok(),
            IntKind::I64 => i64::try_from(n).is_ok(),
        }
    }
}

/// One field of an object.
#[derive(Clone, Debug)]
pub struct Field {
    /// The field's name on the wire (`integratorOrderId`).
    pub name: &'static str,
    /// Its shape.
    pub shape: Shape,
    /// Whether it must be present (its Rust type is not an `Option`).
    pub required: bool,
    /// Its doc comment.
    pub doc: String,
}

/// A named object type: a Rust struct and its fields in declaration order.
#[derive(Clone, Debug)]
pub struct ObjectShape {
    /// The qualified name (`keepz.CreateOrderRequest`, `transactpay.Customer`; see
    /// [`qualified_name`]).
    pub name: String,
    /// The first paragraph of its doc comment.
    pub doc: String,
    /// The fields.
    pub fields: Vec<Field>,
}

impl ObjectShape {
    /// The field named `name` on the wire.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A named set of values: a Rust enum that travels as a string or a number.
///
/// A *closed* enum refuses a value it does not list (values payseal sends); an *open* one keeps
/// it, [`EnumReading::known`] `false` (values payseal receives). Facts are what payseal derives
/// from a value (`final` and `paid` for a Keepz order status), computed by the Rust methods of
/// the enum for every value, listed or not.
#[derive(Clone, Debug)]
pub struct EnumShape {
    /// The qualified name (`keepz.OrderStatus`).
    pub name: String,
    /// The first paragraph of its doc comment.
    pub doc: String,
    /// Whether unlisted values are kept rather than refused.
    pub open: bool,
    /// The listed values, in documentation order.
    pub values: Vec<EnumValue>,
    /// The names of the facts ([`EnumReading::facts`] comes in this order).
    pub facts: Vec<&'static str>,
    /// Reads one JSON value: its canonical form, whether it is listed, its facts; `None` when
    /// it is not of the enum's JSON type or, for a closed enum, not listed.
    pub read: fn(&Value) -> Option<EnumReading>,
}

/// A value an enum lists, as its definition gives it.
#[derive(Clone, Debug)]
pub struct ListedValue {
    /// The canonical value on the wire.
    pub wire: Value,
    /// The Rust variant's name.
    pub name: String,
    /// Other spellings read as this value.
    pub aliases: Vec<&'static str>,
    /// Its doc comment.
    pub doc: String,
}

/// One listed value of an enum.
#[derive(Clone, Debug)]
pub struct EnumValue {
    /// The canonical value on the wire (`"CANCELED"`, `5`).
    pub wire: Value,
    /// The Rust variant's name (`Canceled`).
    pub name: String,
    /// Other spellings read as this value (`"CANCELLED"`), case aside.
    pub aliases: Vec<&'static str>,
    /// Its doc comment.
    pub doc: String,
    /// The value's facts, in the order of [`EnumShape::facts`].
    pub facts: Vec<bool>,
}

/// What an enum makes of one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnumReading {
    /// The canonical value (an unknown value as received).
    pub value: Value,
    /// Whether the value is one of the listed values.
    pub known: bool,
    /// The facts, in the order of [`EnumShape::facts`].
    pub facts: Vec<bool>,
}

/// Objects told apart by a tag field (TransactPay's pay request, by `paymentoption`).
#[derive(Clone, Debug)]
pub struct VariantsShape {
    /// The qualified name (`transactpay.PayRequest`).
    pub name: String,
    /// The tag field's name on the wire.
    pub tag: &'static str,
    /// The enum of the tag's values.
    pub tag_enum: EnumShape,
    /// Each tag value with the object it selects (whose fields do not include the tag).
    pub variants: Vec<(Value, ObjectShape)>,
}

impl EnumShape {
    /// Builds the shape of an enum from its listed values and its reader; every value's facts
    /// come from `read`.
    pub fn new(
        name: String,
        doc: String,
        open: bool,
        listed: Vec<ListedValue>,
        facts: Vec<&'static str>,
        read: fn(&Value) -> Option<EnumReading>,
    ) -> EnumShape {
        let values = listed
            .into_iter()
            .map(|v| {
                let facts = read(&v.wire).map(|r| r.facts).unwrap_or_default();
                EnumValue {
                    wire: v.wire,
                    name: v.name,
                    aliases: v.aliases,
                    doc: v.doc,
                    facts,
                }
            })
            .collect();
        EnumShape {
            name,
            doc,
            open,
            values,
            facts,
            read,
        }
    }
}

/// The name hosts see for a Rust type defined in module `module_path` (from `module_path!()`):
/// `keepz.` or `transactpay.` before the type's name when it belongs to a gateway (two
/// gateways have a `CreateOrderRequest`), the bare name otherwise.
///
/// ```
/// use payseal::describe::qualified_name;
/// assert_eq!(qualified_name("payseal::keepz::api::create_order", "CreateOrderRequest"), "keepz.CreateOrderRequest");
/// assert_eq!(qualified_name("payseal::transactpay::api::data", "OrderSummary"), "transactpay.OrderSummary");
/// assert_eq!(qualified_name("payseal::operations::shapes", "PreparedRequest"), "PreparedRequest");
/// ```
pub fn qualified_name(module_path: &str, name: &str) -> String {
    match module_path
        .split("::")
        .find(|segment| matches!(*segment, "keepz" | "transactpay"))
    {
        Some(gateway) => format!("{gateway}.{name}"),
        None => name.to_string(),
    }
}
