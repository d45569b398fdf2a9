//! A program that depends on payseal by path and does what programs do with serde: its own
//! `#[serde(untagged)]` enum with an `f64` variant, an internally tagged enum and a flattened
//! struct with `f64` fields, `serde_json::Value`s sent to a non-JSON format (MessagePack) and
//! compared by value — next to payseal's typed API with exact amounts.
//!
//! Each of these breaks when a dependency switches on serde_json's `arbitrary_precision` (Cargo
//! unifies features across the program): `run.sh` runs the tests here, and they passing is the
//! proof that payseal does not.

use serde::{Deserialize, Serialize};

/// A price as some feed sends it: a number, or text.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Price {
    Number(f64),
    Text(String),
}

/// Events told apart by a `type` field, with `f64` fields.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    Reading { celsius: f64 },
    Refund { amount: f64, reason: String },
}

/// A record whose measurements are flattened into it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(flatten)]
    pub measurements: Measurements,
}

/// The flattened part.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurements {
    pub weight: f64,
    pub ratio: f64,
}

#[cfg(test)]
mod tests;
