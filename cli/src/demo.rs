//! `payseal demo`: a Keepz exchange with throw-away keys, printed step by step.

use crate::io::{CliResult, describe};
use payseal::keepz::Keepz;
use payseal::keys::PrivateKey;
use std::time::Instant;

const INTEGRATOR_ID: &str = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
const ORDER_ID: &str = "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a";

fn step<T>(title: &str, f: impl FnOnce() -> payseal::Result<T>) -> CliResult<T> {
    let start = Instant::now();
    let out = f().map_err(|e| format!("{title}: {}", describe(&e)))?;
    println!(
        "\n== {title}  ({:.2} ms)",
        start.elapsed().as_secs_f64() * 1e3
    );
    Ok(out)
}

fn shorten(text: &str) -> String {
    if text.len() <= 72 {
        text.to_string()
    } else {
        format!(
            "{}…{} ({} chars)",
            &text[..40],
            &text[text.len() - 16..],
            text.len()
        )
    }
}

pub fn run() -> CliResult<()> {
    println!(
        "payseal {} demo — backend {}",
        payseal::VERSION,
        payseal::Backend::default().name()
    );
    let bits = 4096;
    let keepz_key = step(
        &format!("generate Keepz's {bits}-bit key pair (throw-away)"),
        || PrivateKey::generate(bits),
    )?;
    let integrator_key = step(
        &format!("generate the integrator's {bits}-bit key pair"),
        || PrivateKey::generate(bits),
    )?;
    println!(
        "   Keepz public key fingerprint:      {}",
        keepz_key.public_key().fingerprint()
    );
    println!(
        "   integrator public key fingerprint: {}",
        integrator_key.public_key().fingerprint()
    );

    let integrator = Keepz::builder()
        .seal_to(keepz_key.public_key().clone())
        .open_with(integrator_key.clone())
        .identifier(INTEGRATOR_ID)
        .build()
        .map_err(|e| describe(&e))?;
    let keepz = Keepz::builder()
        .seal_to(integrator_key.public_key().clone())
        .open_with(keepz_key)
        .build()
        .map_err(|e| describe(&e))?;

    let request = serde_json::json!({"integratorId": INTEGRATOR_ID, "integratorOrderId": ORDER_ID});
    println!("\n   order-status request payload: {request}");
    let sealed = step(
        "integrator seals the order-status request (OAEP-SHA-256 + AES-256-CBC)",
        || integrator.seal(&request),
    )?;
    println!("   encryptedData: {}", shorten(&sealed.encrypted_data));
    println!(
        "   encryptedKeys: {}",
        shorten(sealed.encrypted_keys.as_deref().unwrap_or(""))
    );
    let query = sealed.to_query_string();
    println!("   GET /api/integrator/order/status?{}", shorten(&query));

    let opened = step("Keepz opens the request with its private key", || {
        keepz.open_query(&query)
    })?;
    println!("   opened: {}", opened.as_str());

    let response = serde_json::json!({"integratorOrderId": ORDER_ID, "status": "SUCCESS"});
    let reply = step(
        "Keepz seals its response to the integrator's public key",
        || keepz.seal(&response),
    )?;
    let body = reply.to_json_body();
    println!("   response body: {} bytes: {}", body.len(), shorten(&body));

    let opened = step("integrator opens the response with its private key", || {
        integrator.open(body.as_bytes())
    })?;
    println!("   opened: {}", opened.as_str());

    let error_body =
        br#"{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}"#;
    let e = integrator
        .open(error_body)
        .expect_err("an error body never opens");
    println!("\n== a plain Keepz error body is a typed gateway error, not an envelope failure");
    println!("   {}", e.message());
    transactpay_part()
}

/// TransactPay: seal a create-order request with a dashboard-format key, open it as TransactPay
/// would, and show the size budget used.
fn transactpay_part() -> CliResult<()> {
    println!("\n--- TransactPay ---");
    let key = step(
        "generate TransactPay's 4096-bit encryption key pair (throw-away)",
        || PrivateKey::generate(4096),
    )?;
    let blob = payseal::transactpay::to_dashboard_blob(key.public_key());
    println!("   dashboard blob: {}", shorten(&blob));
    let merchant = step("merchant loads the dashboard blob", || {
        payseal::transactpay::TransactPay::new(&blob)
    })?;
    let request = serde_json::json!({
        "customer": {"firstname": "Ada", "lastname": "Obi", "mobile": "+2348012345678",
                     "country": "NG", "email": "ada@example.com"},
        "order": {"amount": 20000, "reference": "ORD-2024-0001",
                  "description": "Order 1", "currency": "NGN"},
        "payment": {"RedirectUrl": "https://merchant.example/return"}
    });
    let sealed = step(
        "merchant seals the create-order request (RSA PKCS#1 v1.5, one block)",
        || merchant.seal(&request),
    )?;
    let used = serde_json::to_vec(&request).map(|v| v.len()).unwrap_or(0);
    println!(
        "   size budget: {used} of {} bytes; body: {}",
        merchant.max_payload_len(),
        shorten(&sealed.to_json_body())
    );
    let gateway = payseal::transactpay::TransactPay::builder()
        .open_with(key)
        .build()
        .map_err(|e| describe(&e))?;
    let body = sealed.to_json_body();
    let opened = step(
        "TransactPay (a test double) opens it with the private key",
        || gateway.open(body.as_bytes()),
    )?;
    println!("   opened: {}", opened.as_str());
    Ok(())
}
