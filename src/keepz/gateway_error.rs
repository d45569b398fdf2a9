//! Keepz's plain error body `{"message", "statusCode", "exceptionGroup"}` as a typed value.

use crate::error::excerpt;
use crate::excerpt::GATEWAY_MESSAGE_CHARS;
use crate::json::{JsonKind, Object, Parsed, i64_of, parse_object, text_of};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Keepz's exception groups (spec §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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

    /// The HTTP status Keepz answers this group with (spec §4): 400, 409, 403, 502, 404, 500,
    /// 500. Business logic is documented as 409/410/429/451; this names 409, the usual one.
    /// `None` for an unknown group.
    pub fn http_status(&self) -> Option<u16> {
        Some(match self {
            ExceptionGroup::Validation => 400,
            ExceptionGroup::BusinessLogic => 409,
            ExceptionGroup::Authorization => 403,
            ExceptionGroup::ExternalService => 502,
            ExceptionGroup::NotFound => 404,
            ExceptionGroup::General | ExceptionGroup::InternalService => 500,
            ExceptionGroup::Unknown(_) => return None,
        })
    }

    /// The group's number on the wire (`exceptionGroup`).
    pub fn number(&self) -> i64 {
        match self {
            ExceptionGroup::Validation => 1,
            ExceptionGroup::BusinessLogic => 2,
            ExceptionGroup::Authorization => 3,
            ExceptionGroup::ExternalService => 4,
            ExceptionGroup::NotFound => 5,
            ExceptionGroup::General => 6,
            ExceptionGroup::InternalService => 7,
            ExceptionGroup::Unknown(n) => *n,
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
    /// Reads the error body from its JSON text, if it has the shape (`statusCode` an integer,
    /// `message` a string; `exceptionGroup` an integer when present).
    ///
    /// ```
    /// use payseal::keepz::KeepzApiError;
    /// let e = KeepzApiError::from_json(r#"{"message":"Order not found","statusCode":6005,"exceptionGroup":5}"#).unwrap();
    /// assert_eq!((e.status_code, e.group_name()), (6005, Some("not found")));
    /// assert!(KeepzApiError::from_json(r#"{"message":"x","statusCode":"6005"}"#).is_none());
    /// ```
    pub fn from_json(json: &str) -> Option<KeepzApiError> {
        match parse_object(json.as_bytes()) {
            Parsed::Object(object) => KeepzApiError::from_object(&object),
            Parsed::TooManyFields | Parsed::NotAnObject => None,
        }
    }

    /// [`KeepzApiError::from_json`] for an object already read.
    pub(crate) fn from_object(obj: &Object<'_>) -> Option<KeepzApiError> {
        let integer = |name: &str| {
            obj.get(name)
                .filter(|v| JsonKind::of(v) == JsonKind::Number)
                .and_then(i64_of)
        };
        let status_code = integer("statusCode")?;
        let message = obj
            .get("message")
            .filter(|v| JsonKind::of(v) == JsonKind::String)
            .and_then(text_of)?;
        let exception_group = integer("exceptionGroup");
        Some(KeepzApiError {
            message,
            status_code,
            exception_group,
            http_status: None,
        })
    }

    /// The error Keepz answers for a known `statusCode` (spec §4), as the gateway's side writes it:
    /// the code's name as `message` (or `message` when given), its `exceptionGroup`, and the
    /// group's HTTP status. `None` for a code the catalogue does not name. Used by the sandbox,
    /// so that its error bodies come from the same table payseal reads them with.
    ///
    /// ```
    /// use payseal::keepz::KeepzApiError;
    /// let e = KeepzApiError::from_catalogue(6005, None).unwrap();
    /// assert_eq!((e.exception_group, e.http_status), (Some(5), Some(404)));
    /// assert_eq!(e.message, "Integrator order not found");
    /// assert!(KeepzApiError::from_catalogue(1234, None).is_none());
    /// ```
    pub fn from_catalogue(status_code: i64, message: Option<&str>) -> Option<KeepzApiError> {
        let name = super::error_codes::name(status_code)?;
        let group = super::error_codes::group(status_code)?;
        let message = match message {
            Some(text) => text.to_string(),
            None => {
                let mut chars = name.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        };
        Some(KeepzApiError {
            message,
            status_code,
            exception_group: Some(group),
            http_status: ExceptionGroup::from_number(group).http_status(),
        })
    }

    /// The body Keepz sends: `{"message":…,"statusCode":…,"exceptionGroup":…}` (compact; no
    /// HTTP status, which travels in the status line).
    pub fn to_json_body(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
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
        let message = excerpt(&self.message).with_limit(GATEWAY_MESSAGE_CHARS);
        write!(f, ": {message}")?;
        if let Some(hint) = self.hint() {
            write!(f, " — {hint}")?;
        }
        Ok(())
    }
}
