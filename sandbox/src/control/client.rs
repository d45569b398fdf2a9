//! `payseal-sandbox ctl`: the control API from the command line, for shell scripts.

use crate::config::{Ctl, CtlAction};
use crate::notify::request;

/// Sends the action's request and prints the answer; a non-2xx answer is an error.
pub fn run(ctl: &Ctl) -> Result<(), String> {
    let base = ctl.url.trim_end_matches('/');
    let (method, path, body) = match &ctl.action {
        CtlAction::Advance {
            gateway,
            order,
            status,
        } => {
            let body = match (gateway.as_str(), status) {
                (_, None) => None,
                ("keepz", Some(s)) => Some(serde_json::json!({ "status": s }).to_string()),
                ("transactpay", Some(s)) => {
                    let id: i64 = s
                        .parse()
                        .map_err(|_| format!("--status {s}: a statusId (5 or 4)"))?;
                    Some(serde_json::json!({ "statusId": id }).to_string())
                }
                (other, _) => return Err(format!("{other:?}: expected keepz or transactpay")),
            };
            (
                "POST",
                format!("/_sandbox/{gateway}/orders/{order}/advance"),
                body,
            )
        }
        CtlAction::Expire { order } => (
            "POST",
            format!("/_sandbox/keepz/orders/{order}/expire"),
            None,
        ),
        CtlAction::Fault { spec } => (
            "POST",
            "/_sandbox/faults".to_string(),
            Some(serde_json::to_string(spec).map_err(|e| e.to_string())?),
        ),
        CtlAction::Deliveries => ("GET", "/_sandbox/deliveries".to_string(), None),
    };
    let uri: hyper::Uri = format!("{base}{path}")
        .parse()
        .map_err(|_| format!("{base:?} is not a URL"))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let (status, answer) = runtime.block_on(request(method, uri, body))?;
    println!("{answer}");
    if (200..300).contains(&status) {
        Ok(())
    } else {
        Err(format!("the sandbox answered HTTP {status}"))
    }
}
