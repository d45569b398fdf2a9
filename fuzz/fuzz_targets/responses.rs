//! Bytes → the typed response parsers: `Keepz::parse_response::<R>` for several operations,
//! `parse_plain_callback`, `transactpay::api::parse_response::<OrderStatusData>` / `<VerifyData>`
//! / `<payseal::RawJson>` and `parse_webhook`.
//!
//! Input: `[status hi][status lo][body ...]`.
//!
//! Invariants: no panic; errors are of the documented kinds; a TransactPay success is never
//! reported for HTTP ≥ 400; its data serializes back to JSON. (The normalized JSON the C ABI
//! returns is fuzzed by the `ffi` target.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use payseal::keepz::Keepz;
use payseal::keepz::api::{
    CancelOrderRequest, CreateOrderRequest, OrderStatusRequest, RefundRequest,
    RevokeSubscriptionRequest, SavedCardRequest, SubscriptionHistoryRequest, parse_plain_callback,
};
use payseal::keys::PrivateKey;
use payseal::transactpay::api::{OrderStatusData, VerifyData, parse_response, parse_webhook};
use payseal::{ErrorKind, Result};
use std::sync::LazyLock;

const KEY: &[u8] = include_bytes!("../../tests/keys/rsa2048.pkcs8.pem");

static KEEPZ: LazyLock<Keepz> = LazyLock::new(|| {
    Keepz::builder()
        .open_with(PrivateKey::parse(KEY).unwrap())
        .build()
        .unwrap()
});

fn keepz_kind_ok<T>(result: &Result<T>) {
    if let Err(e) = result {
        assert!(
            matches!(
                e.kind(),
                ErrorKind::CannotOpen
                    | ErrorKind::GatewayError
                    | ErrorKind::NotJson
                    | ErrorKind::EmptyBody
                    | ErrorKind::NotEnvelope
                    | ErrorKind::BodyTooLarge
                    | ErrorKind::UnexpectedResponse
            ),
            "Keepz::parse_response: unexpected {e:?}"
        );
    }
}

fn transactpay_checks<T: serde::Serialize + std::fmt::Debug>(
    status: u16,
    result: Result<payseal::transactpay::api::TransactPayResponse<T>>,
) {
    match result {
        Ok(response) => {
            assert!(
                status < 400,
                "success reported for HTTP {status}: {response:?}"
            );
            serde_json::to_string(&response.data).expect("data serializes");
            let _ = response.success_code();
        }
        Err(e) => {
            assert_ne!(e.kind(), ErrorKind::Panic);
            assert_ne!(
                e.kind(),
                ErrorKind::CannotOpen,
                "TransactPay responses are not sealed"
            );
            let _ = format!("{:?}", e.gateway_failure());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_be_bytes([data[0], data[1]]);
    let body = &data[2..];

    // Keepz: the answer to each operation (the envelope is opened once per call).
    keepz_kind_ok(&KEEPZ.parse_response::<OrderStatusRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<CreateOrderRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<CancelOrderRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<RefundRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<SavedCardRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<SubscriptionHistoryRequest>(status, body));
    keepz_kind_ok(&KEEPZ.parse_response::<RevokeSubscriptionRequest>(status, body));
    if let Ok(callback) = parse_plain_callback(body) {
        let _ = format!("{callback:?}");
    }
    if let Ok(callback) = KEEPZ.parse_callback(body) {
        let _ = format!("{callback:?}");
    }

    // TransactPay: plain JSON answers and webhooks.
    transactpay_checks(status, parse_response::<OrderStatusData>(status, body));
    transactpay_checks(status, parse_response::<VerifyData>(status, body));
    transactpay_checks(status, parse_response::<payseal::RawJson>(status, body));
    if let Ok(webhook) = parse_webhook(body) {
        let _ = format!("{webhook:?}");
    }
});
