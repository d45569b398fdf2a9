//! Keepz's plain error body `{"message", "statusCode", "exceptionGroup"}` as a typed value.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Keepz's exception groups (spec §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExceptionGroup {
    /// 1: validation (HTTP 400).
    Validation,
    /// 2: business logic (409/410/429/451).
    BusinessLogic,
    /// 3: authorisation (403).
    Authorization,
    /// 4: external service (500/502).
    ExternalService,
    /// 5: not found (404).
    NotFound,
    /// 6: general (500).
    General,
    /// 7: internal service (500).
    InternalService,
    /// A group number not in the spec.
    Unknown(i64),
}

impl ExceptionGroup {
    /// The group with this number.
    pub fn from_number(n: i64) -> ExceptionGroup {
        match n {
            1 => ExceptionGroup::Validation,
            2 => ExceptionGroup::BusinessLogic,
            3 => ExceptionGroup::Authorization,
            4 => ExceptionGroup::ExternalService,
            5 => ExceptionGroup::NotFound,
            6 => ExceptionGroup::General,
            7 => ExceptionGroup::InternalService,
            other => ExceptionGroup::Unknown(other),
        }
    }

    /// The group's name for people ("not found", "validation", ...).
    pub fn name(&self) -> &'static str {
        match self {
            ExceptionGroup::Validation => "validation",
            ExceptionGroup::BusinessLogic => "business logic",
            ExceptionGroup::Authorization => "authorisation",
            ExceptionGroup::ExternalService => "external service",
            ExceptionGroup::NotFound => "not found",
            ExceptionGroup::General => "general",
            ExceptionGroup::InternalService => "internal service",
            ExceptionGroup::Unknown(_) => "unknown",
        }
    }
}

/// Keepz's error response, kept raw and interpreted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeepzApiError {
    /// The raw `message`.
    pub message: String,
    /// The raw `statusCode` (6005, 6010, ...).
    #[serde(rename = "statusCode")]
    pub status_code: i64,
    /// The raw `exceptionGroup` (1–7).
    #[serde(rename = "exceptionGroup", default)]
    pub exception_group: Option<i64>,
    /// The HTTP status the body came with, when known.
    #[serde(skip)]
    pub http_status: Option<u16>,
}

impl KeepzApiError {
    /// Reads the error body, if `value` has its shape (`statusCode` a number, `message` a string).
    pub fn from_json(value: &serde_json::Value) -> Option<KeepzApiError> {
        let obj = value.as_object()?;
        let status_code = obj.get("statusCode")?.as_i64()?;
        let message = obj.get("message")?.as_str()?.to_string();
        let exception_group = obj.get("exceptionGroup").and_then(|g| g.as_i64());
        Some(KeepzApiError {
            message,
            status_code,
            exception_group,
            http_status: None,
        })
    }

    /// The named group, when `exceptionGroup` was present.
    pub fn group(&self) -> Option<ExceptionGroup> {
        self.exception_group.map(ExceptionGroup::from_number)
    }

    /// The name of the group (`"not found"`, `"validation"`, ...), when `exceptionGroup` was sent.
    pub fn group_name(&self) -> Option<&'static str> {
        self.group().map(|g| g.name())
    }

    /// The name of a known `statusCode` (spec §4), e.g. "integrator order not found" for 6005.
    pub fn code_name(&self) -> Option<&'static str> {
        super::error_codes::name(self.status_code)
    }

    /// For the envelope codes 6009–6014, what a person can do about it.
    pub fn hint(&self) -> Option<&'static str> {
        super::error_codes::hint(self.status_code)
    }
}

impl fmt::Display for KeepzApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Keepz error {}", self.status_code)?;
        if let Some(name) = self.code_name() {
            write!(f, " ({name})")?;
        }
        if let Some(group) = self.group() {
            write!(
                f,
                " [group {}: {}]",
                self.exception_group.unwrap_or_default(),
                group.name()
            )?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = self.hint() {
            write!(f, " — {hint}")?;
        }
        Ok(())
    }
}
