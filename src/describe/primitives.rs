//! [`Describe`] for the Rust types gateway fields are made of.

use super::{Describe, IntKind, Shape};
use crate::datetime::NaiveDateTime;
use crate::json::RawJson;
use crate::money::Amount;
use crate::transactpay::api::GatewayDate;

macro_rules! describe_as {
    ($($ty:ty => $shape:expr;)*) => {
        $(impl Describe for $ty {
            fn shape() -> Shape {
                $shape
            }
        })*
    };
}

describe_as! {
    String => Shape::String;
    bool => Shape::Bool;
    u16 => Shape::Int(IntKind::U16);
    u32 => Shape::Int(IntKind::U32);
    i64 => Shape::Int(IntKind::I64);
    Amount => Shape::Amount;
    NaiveDateTime => Shape::DateTime;
    GatewayDate => Shape::GatewayDate;
    RawJson => Shape::Json;
    serde_json::Value => Shape::Json;
}

impl<T: Describe> Describe for Option<T> {
    const OPTIONAL: bool = true;

    fn shape() -> Shape {
        T::shape()
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn shape() -> Shape {
        Shape::List(Box::new(T::shape()))
    }
}
