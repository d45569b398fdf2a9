//! Reading a TransactPay request as TransactPay does: the `api-key` header (the public key on
//! encrypted endpoints, the secret key on verify and refund, as payseal's endpoint table says),
//! the `{"data"}` body opened with TransactPay's private key (one RSA PKCS#1 v1.5 block, so at
//! most k − 11 bytes) or the plain body, read into payseal's typed request and checked by its own
//! `validate`.

use super::machine::{TpFailure, codes};
use crate::app::App;
use axum::http::HeaderMap;
use payseal::ErrorKind;
use payseal::transactpay::API_KEY_HEADER;
use payseal::transactpay::api::{ApiKey, TransactPayRequest};
use serde::de::DeserializeOwned;

/// Checks the `api-key` header against the key the endpoint needs.
fn check_key(app: &App, headers: &HeaderMap, needed: ApiKey) -> Result<(), TpFailure> {
    let sent = headers
        .get(API_KEY_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    let (right, other, name) = match needed {
        ApiKey::Secret => (&app.tp_secret_key, &app.tp_public_key, "secret"),
        _ => (&app.tp_public_key, &app.tp_secret_key, "public"),
    };
    if sent == right.as_str() {
        Ok(())
    } else if sent.is_empty() {
        Err(TpFailure::new(
            401,
            codes::BAD_KEY,
            "The api-key header is missing",
        ))
    } else if sent == other.as_str() {
        Err(TpFailure::new(
            401,
            codes::BAD_KEY,
            format!("This endpoint needs the {name} key in the api-key header"),
        ))
    } else {
        Err(TpFailure::new(401, codes::BAD_KEY, "Invalid api-key"))
    }
}

/// Reads and checks a request of type `R` (see the module docs).
pub fn read<R: TransactPayRequest + DeserializeOwned>(
    app: &App,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<R, TpFailure> {
    check_key(app, headers, R::ENDPOINT.api_key)?;
    let invalid = |e: String| TpFailure::new(400, codes::INVALID, format!("Invalid request: {e}"));
    let request: R = if R::ENDPOINT.encrypted {
        let plaintext = app.transactpay.open(body).map_err(|e| {
            let message = match e.kind() {
                ErrorKind::CannotOpen => "Unable to decrypt the request data",
                _ => "The request body must be {\"data\": \"<encrypted payload>\"}",
            };
            TpFailure::new(400, codes::CANNOT_DECRYPT, message)
        })?;
        plaintext
            .parse::<R>()
            .map_err(|e| invalid(e.message().to_string()))?
    } else {
        serde_json::from_slice(body).map_err(|e| invalid(e.to_string()))?
    };
    request
        .validate()
        .map_err(|e| invalid(e.message().to_string()))?;
    Ok(request)
}
