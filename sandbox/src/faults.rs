//! Faults for tests: the next matching call answers an HTML 502 page, an empty body, slowly, with
//! an envelope sealed to the wrong key, or with a given gateway error — the failures an
//! integration must survive and payseal's parsers classify.
//!
//! A fault is queued (by `--fault` or `POST /_sandbox/faults`) and taken by the next call to its
//! gateway (or to either, without one), `count` times. Apart from `slow`, which delays the real
//! answer, a fault answers *instead of* the gateway: the call changes nothing.

use crate::app::App;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use std::time::Duration;

/// Which gateway a fault is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gateway {
    /// The Keepz endpoints.
    Keepz,
    /// The TransactPay endpoints.
    Transactpay,
}

/// What the faulty answer is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum FaultKind {
    /// HTTP 502 with an HTML page, as a proxy in front of the gateway sends.
    Html502,
    /// HTTP 200 with an empty body.
    Empty,
    /// The real answer, after a delay.
    Slow {
        /// The delay in milliseconds.
        #[serde(rename = "delayMs")]
        delay_ms: u64,
    },
    /// Keepz only: the real answer, sealed to a key that is not the integrator's.
    WrongKey,
    /// The gateway's own error instead of the answer.
    Error {
        /// Keepz: the `statusCode` (its group and HTTP status come from payseal's catalogue).
        /// TransactPay: the `statusCode` text.
        #[serde(rename = "statusCode")]
        status_code: serde_json::Value,
        /// The message (default: the catalogue's name; TransactPay: "Error").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
        /// TransactPay only: the HTTP status (default 400).
        #[serde(
            rename = "httpStatus",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        http_status: Option<u16>,
    },
}

/// A queued fault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// The gateway whose next call takes it; `None`: either.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway: Option<Gateway>,
    /// The faulty answer.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many calls take it (default 1).
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

impl FaultSpec {
    /// Refuses what cannot happen: a wrong-key envelope on TransactPay (it answers in plain
    /// JSON), an unknown Keepz code, a zero count.
    pub fn check(&self) -> Result<(), String> {
        if self.count == 0 {
            return Err("count must be at least 1".into());
        }
        match (&self.kind, self.gateway) {
            (FaultKind::WrongKey, Some(Gateway::Transactpay)) => Err(
                "TransactPay answers in plain JSON: there is no envelope to seal to a wrong key"
                    .into(),
            ),
            (FaultKind::WrongKey | FaultKind::Error { .. }, None) => {
                Err("wrong-key and error faults name their gateway (keepz: or transactpay:)".into())
            }
            (
                FaultKind::Error {
                    status_code,
                    message,
                    ..
                },
                Some(Gateway::Keepz),
            ) => status_code
                .as_i64()
                .and_then(|code| {
                    payseal::keepz::KeepzApiError::from_catalogue(code, message.as_deref())
                })
                .map(|_| ())
                .ok_or_else(|| {
                    format!("{status_code} is not a Keepz status code payseal knows (6002–6100)")
                }),
            _ => Ok(()),
        }
    }
}

impl FromStr for FaultSpec {
    type Err = String;

    /// `[keepz:|transactpay:]KIND[:ARG…]`: `html502`, `empty`, `slow:MS`, `wrong-key`,
    /// `error:CODE` (Keepz), `error:HTTP:CODE[:MESSAGE]` (TransactPay).
    fn from_str(text: &str) -> Result<FaultSpec, String> {
        let mut parts: Vec<&str> = text.split(':').collect();
        let gateway = match parts.first().copied() {
            Some("keepz") => Some(Gateway::Keepz),
            Some("transactpay") => Some(Gateway::Transactpay),
            _ => None,
        };
        if gateway.is_some() {
            parts.remove(0);
        }
        let bad = || format!("cannot read the fault {text:?} (see --help)");
        let kind = match parts.as_slice() {
            ["html502"] => FaultKind::Html502,
            ["empty"] => FaultKind::Empty,
            ["slow", ms] => FaultKind::Slow {
                delay_ms: ms.parse().map_err(|_| bad())?,
            },
            ["wrong-key"] => FaultKind::WrongKey,
            ["error", code] if gateway == Some(Gateway::Keepz) => FaultKind::Error {
                status_code: code.parse::<i64>().map_err(|_| bad())?.into(),
                message: None,
                http_status: None,
            },
            ["error", http, code, message @ ..] if gateway == Some(Gateway::Transactpay) => {
                FaultKind::Error {
                    status_code: (*code).into(),
                    message: (!message.is_empty()).then(|| message.join(":")),
                    http_status: Some(http.parse().map_err(|_| bad())?),
                }
            }
            _ => return Err(bad()),
        };
        let spec = FaultSpec {
            gateway,
            kind,
            count: 1,
        };
        spec.check()?;
        Ok(spec)
    }
}

/// The queue of faults.
#[derive(Debug, Default)]
pub struct Faults {
    queue: Vec<FaultSpec>,
}

impl Faults {
    /// Queues a checked fault.
    pub fn push(&mut self, spec: FaultSpec) -> Result<(), String> {
        spec.check()?;
        self.queue.push(spec);
        Ok(())
    }

    /// Takes the first fault for `gateway`, if any (counting it down).
    pub fn take(&mut self, gateway: Gateway) -> Option<FaultKind> {
        let i = self
            .queue
            .iter()
            .position(|f| f.gateway.is_none_or(|g| g == gateway))?;
        let kind = self.queue[i].kind.clone();
        self.queue[i].count -= 1;
        if self.queue[i].count == 0 {
            self.queue.remove(i);
        }
        Some(kind)
    }

    /// What is queued.
    pub fn list(&self) -> &[FaultSpec] {
        &self.queue
    }

    /// Drops every queued fault.
    pub fn clear(&mut self) {
        self.queue.clear();
    }
}

/// The page a proxy sends when the gateway behind it is down.
pub const HTML_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// Takes the next fault for `gateway` and acts on it: `Err` is the answer to send instead of the
/// gateway's; `Ok(true)` asks for the answer to be sealed to the wrong key.
pub async fn intercept(app: &App, gateway: Gateway) -> Result<bool, Response> {
    let fault = app.faults().take(gateway);
    match fault {
        None => Ok(false),
        Some(FaultKind::Slow { delay_ms }) => {
            tokio::time::sleep(Duration::from_millis(delay_ms)).await;
            Ok(false)
        }
        Some(FaultKind::WrongKey) => Ok(true),
        Some(FaultKind::Html502) => Err((
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            HTML_502,
        )
            .into_response()),
        Some(FaultKind::Empty) => Err(StatusCode::OK.into_response()),
        Some(FaultKind::Error {
            status_code,
            message,
            http_status,
        }) => Err(match gateway {
            Gateway::Keepz => crate::keepz::error_response(&crate::keepz::machine::keepz_error(
                status_code.as_i64().unwrap_or(6054),
                message.as_deref(),
            )),
            Gateway::Transactpay => crate::transactpay::failure_response(
                http_status.unwrap_or(400),
                status_code
                    .as_str()
                    .map_or_else(|| status_code.to_string(), str::to_string)
                    .as_str(),
                message.as_deref().unwrap_or("Error"),
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_read_and_are_taken_in_order() {
        let mut faults = Faults::default();
        for text in [
            "keepz:html502",
            "transactpay:slow:20",
            "empty",
            "keepz:error:6005",
        ] {
            faults.push(text.parse().unwrap()).unwrap();
        }
        assert_eq!(
            faults.take(Gateway::Transactpay),
            Some(FaultKind::Slow { delay_ms: 20 })
        );
        assert_eq!(faults.take(Gateway::Keepz), Some(FaultKind::Html502));
        assert_eq!(faults.take(Gateway::Keepz), Some(FaultKind::Empty));
        assert!(matches!(
            faults.take(Gateway::Keepz),
            Some(FaultKind::Error { .. })
        ));
        assert_eq!(faults.take(Gateway::Keepz), None);
        for bad in [
            "transactpay:wrong-key",
            "keepz:error:1234",
            "wrong-key",
            "slow:x",
            "nope",
        ] {
            assert!(bad.parse::<FaultSpec>().is_err(), "{bad}");
        }
        let tp: FaultSpec = "transactpay:error:404:09:Order not found".parse().unwrap();
        let json = serde_json::to_value(&tp).unwrap();
        assert_eq!(json["httpStatus"], 404);
        assert_eq!(json["message"], "Order not found");
        assert_eq!(serde_json::from_value::<FaultSpec>(json).unwrap(), tp);
    }
}
