//! The ready line: one JSON object, printed on stdout (and written to `--ready-file`) once the
//! sandbox listens — every URL and key path an integration test needs, so that any language can
//! start the sandbox on a free port (`--port 0`) and read where it is.

use crate::config::Config;
use crate::keys::KeySet;

/// The ready line's content.
pub fn line(url: &str, public_url: &str, keys: &KeySet, config: &Config) -> serde_json::Value {
    serde_json::json!({
        "ready": true,
        "url": url,
        "publicUrl": public_url,
        "controlUrl": format!("{url}/_sandbox"),
        "keepz": {
            "baseUrl": format!("{url}{}", crate::keepz::PREFIX),
            "integratorId": keys.integrator_id,
            "padding": config.keepz_padding,
        },
        "transactpay": {
            "baseUrl": url,
            "publicKey": keys.transactpay_public_key,
            "secretKey": keys.transactpay_secret_key,
        },
        "keys": keys.files,
        "state": config.state,
        "pid": std::process::id(),
    })
}

/// Writes the line to `path` whole: to a temporary file first, then renamed, so a reader polling
/// for the file never sees half of it.
pub fn write_file(path: &std::path::Path, line: &str) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, format!("{line}\n"))
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
