//! TransactPay typed API: request JSON byte for byte, every documented answer shape, errors,
//! webhooks, the paid rule.

use payseal::money::Amount;
use payseal::transactpay::TransactPayApiError;
use payseal::transactpay::api::*;
use payseal::{ErrorKind, GatewayFailure};

fn fixture(name: &str) -> Vec<u8> {
    let full = format!(
        "{}/tests/fixtures/transactpay/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn tp_error(err: &payseal::Error) -> &TransactPayApiError {
    match err.gateway_failure() {
        Some(GatewayFailure::TransactPay(e)) => e,
        other => panic!("not a TransactPay error: {other:?} ({err})"),
    }
}

// ---------------------------------------------------------------- requests: golden JSON

fn customer() -> Customer {
    Customer {
        firstname: "Ada".into(),
        lastname: "Obi".into(),
        mobile: "+2348012345678".into(),
        country: "NG".into(),
        email: "ada@example.com".into(),
    }
}

#[test]
fn create_order_json_is_compact_and_documented() {
    let mut request = CreateOrderRequest::new(
        customer(),
        OrderDetails {
            amount: amount("1500.2500"),
            reference: "ORD-1001".into(),
            description: "Books".into(),
            currency: "NGN".into(),
        },
        "https://shop.example/return",
    );
    request.payment_meta = Some(serde_json::json!({"channel":"web"}));
    request.validate().unwrap();
    let json = serde_json::to_string(&request).unwrap();
    assert_eq!(
        json,
        r#"{"customer":{"firstname":"Ada","lastname":"Obi","mobile":"+2348012345678","country":"NG","email":"ada@example.com"},"order":{"amount":1500.25,"reference":"ORD-1001","description":"Books","currency":"NGN"},"payment":{"RedirectUrl":"https://shop.example/return"},"paymentMeta":{"channel":"web"}}"#
    );
    // Well inside one RSA-4096 block (501 bytes).
    assert!(json.len() < 501);
    assert_eq!(CreateOrderRequest::ENDPOINT, CREATE_ORDER);
}

#[test]
fn other_requests_json() {
    let card = PayWithCardRequest {
        reference: "ORD-1001".into(),
        country: "NG".into(),
        card: CardDetails::new("5061 0200 0000 0000 094", "09", "2031", "123"),
    };
    let cases: Vec<(String, &str)> = vec![
        (
            serde_json::to_string(&FeeRequest {
                amount: amount("100.0050"),
                currency: "NGN".into(),
                paymentoption: PaymentOption::BankTransfer,
            })
            .unwrap(),
            r#"{"amount":100.005,"currency":"NGN","paymentoption":"bank-transfer"}"#,
        ),
        (
            serde_json::to_string(&card).unwrap(),
            r#"{"reference":"ORD-1001","paymentoption":"C","country":"NG","card":{"cardnumber":"5061020000000000094","expirymonth":"09","expiryyear":"2031","cvv":"123"}}"#,
        ),
        (
            serde_json::to_string(&PayByBankTransferRequest {
                reference: "ORD-1001".into(),
                country: "NG".into(),
                bank_transfer: BankTransfer {
                    bankcode: "035".into(),
                },
            })
            .unwrap(),
            r#"{"reference":"ORD-1001","paymentoption":"bank-transfer","country":"NG","BankTransfer":{"bankcode":"035"}}"#,
        ),
        (
            serde_json::to_string(&PayWithOpayRequest {
                reference: "ORD-1001".into(),
            })
            .unwrap(),
            r#"{"reference":"ORD-1001","paymentoption":"Opay"}"#,
        ),
        (
            serde_json::to_string(&AuthorizeRequest::new("OPR-55f1c2", "1234")).unwrap(),
            r#"{"orderPaymentReference":"OPR-55f1c2","otp":"1234"}"#,
        ),
        (
            serde_json::to_string(&OrderStatusRequest {
                reference: "ORD-1001".into(),
            })
            .unwrap(),
            r#"{"reference":"ORD-1001"}"#,
        ),
        (
            serde_json::to_string(&VerifyRequest {
                reference: "ORD-1001".into(),
            })
            .unwrap(),
            r#"{"reference":"ORD-1001"}"#,
        ),
        (
            serde_json::to_string(&RefundRequest {
                reference: "ORD-1001".into(),
                reason: Some("Out of stock".into()),
                amount: Some(amount("99.9900")),
            })
            .unwrap(),
            r#"{"reference":"ORD-1001","reason":"Out of stock","amount":99.99}"#,
        ),
    ];
    for (got, want) in cases {
        assert_eq!(got, want);
    }
}

#[test]
fn endpoints_keys_and_encryption() {
    fn check<R: TransactPayRequest>(path: &str, encrypted: bool, key: ApiKey) {
        let e = R::ENDPOINT;
        assert_eq!(
            (e.method.as_str(), &*e.path, e.encrypted, e.api_key),
            ("POST", path, encrypted, key)
        );
        assert_eq!(TransactPayEndpoint::for_operation(R::OPERATION), Some(e));
    }
    check::<CreateOrderRequest>("/payment/order/create", true, ApiKey::Public);
    check::<FeeRequest>("/payment/order/fee", true, ApiKey::Public);
    check::<PayWithCardRequest>("/payment/order/pay", true, ApiKey::Public);
    check::<PayByBankTransferRequest>("/payment/order/pay", true, ApiKey::Public);
    check::<PayWithOpayRequest>("/payment/order/pay", true, ApiKey::Public);
    check::<AuthorizeRequest>("/payment/order/pay/authorize", true, ApiKey::Public);
    check::<OrderStatusRequest>("/payment/order/status", true, ApiKey::Public);
    check::<VerifyRequest>("/payment/order/verify", false, ApiKey::Secret);
    check::<RefundRequest>("/payment/order/refund", false, ApiKey::Secret);
    assert_eq!(BASE_URL, "https://payment-api-service.transactpay.ai");
    assert_eq!(API_KEY_HEADER, "api-key");
    let elsewhere = RefundRequest::ENDPOINT.with_path("/api/v1/refund");
    assert_eq!(
        elsewhere.url_with_base("https://other.example"),
        "https://other.example/api/v1/refund"
    );
}

#[test]
fn secrets_are_redacted_and_validated() {
    let card = CardDetails::new("4111111111111111", "12", "30", "987");
    let pay = PayWithCardRequest {
        reference: "R".into(),
        country: "NG".into(),
        card,
    };
    let debug = format!("{pay:?}");
    assert!(!debug.contains("4111") && !debug.contains("987"), "{debug}");
    pay.validate().unwrap();
    let auth = AuthorizeRequest::new("OPR-1", "424242");
    assert!(!format!("{auth:?}").contains("424242"));
    let bad = PayWithCardRequest {
        card: CardDetails::new("4111111111111112", "12", "30", "987"),
        ..pay.clone()
    };
    let err = bad.validate().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest);
    assert!(!err.message().contains("4111"));
}

#[test]
fn request_validation() {
    let order = |amount_text: &str, mobile: &str| {
        let mut c = customer();
        c.mobile = mobile.into();
        CreateOrderRequest::new(
            c,
            OrderDetails {
                amount: amount(amount_text),
                reference: "ORD-1".into(),
                description: "x".into(),
                currency: "NGN".into(),
            },
            "https://shop.example/return",
        )
    };
    assert!(order("0.0001", "+2348012345678").validate().is_ok());
    assert_eq!(
        order("1.00001", "+2348012345678")
            .validate()
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidAmount
    );
    assert_eq!(
        order("0", "+2348012345678").validate().unwrap_err().kind(),
        ErrorKind::InvalidAmount
    );
    assert_eq!(
        order("-1", "+2348012345678").validate().unwrap_err().kind(),
        ErrorKind::InvalidAmount
    );
    assert_eq!(
        order("10", "08012345678").validate().unwrap_err().kind(),
        ErrorKind::InvalidRequest
    );
    assert_eq!(
        RefundRequest {
            reference: "R".into(),
            reason: None,
            amount: Some(amount("-3"))
        }
        .validate()
        .unwrap_err()
        .kind(),
        ErrorKind::InvalidAmount
    );
    assert_eq!(
        FeeRequest {
            amount: amount("1"),
            currency: "NAIRA".into(),
            paymentoption: PaymentOption::Opay
        }
        .validate()
        .unwrap_err()
        .kind(),
        ErrorKind::InvalidRequest
    );
    assert!(
        VerifyRequest {
            reference: "".into()
        }
        .validate()
        .is_err()
    );
}

// ---------------------------------------------------------------- answers

#[test]
fn create_order_answer() {
    let r = parse_response::<CreateOrderData>(200, &fixture("create_order.json")).unwrap();
    assert_eq!(r.success_code(), Some(SuccessCode::OrderCreated));
    let order = r.data.unwrap().order.unwrap();
    assert_eq!(order.reference.as_deref(), Some("ORD-1001"));
    assert_eq!(order.amount, Some(amount("1500.25")));
    assert_eq!(order.fee.unwrap().to_string(), "22.5038");
    assert_eq!(order.status_id, Some(StatusId::Initiated));
}

#[test]
fn fee_answer_keeps_exact_numbers() {
    let r = parse_response_for(
        &FeeRequest {
            amount: amount("100.5"),
            currency: "NGN".into(),
            paymentoption: PaymentOption::Card,
        },
        200,
        &fixture("fee.json"),
    )
    .unwrap();
    let data = r.into_data().unwrap();
    // The data as TransactPay sent it, digits and all, and typed on request.
    assert!(data.get().contains(r#""fee": 1.5000"#), "{data}");
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Fee {
        fee: Amount,
        total_amount: Amount,
    }
    let fee: Fee = data.parse().unwrap();
    assert_eq!(fee.fee.format_fixed(4).unwrap(), "1.5000");
    assert_eq!(fee.total_amount, amount("102"));
}

#[test]
fn pay_answers() {
    let r = parse_response::<PayData>(200, &fixture("pay_card_3ds.json")).unwrap();
    assert_eq!(r.success_code(), Some(SuccessCode::PendingAuthentication));
    let data = r.data.unwrap();
    assert!(
        data.payment_detail
            .unwrap()
            .redirect_url
            .unwrap()
            .starts_with("https://acs.")
    );
    assert_eq!(data.bank_transfer_details, None);
    let payment = data.order_payment.unwrap();
    assert_eq!(payment.order_id.as_deref(), Some("90123"));
    assert_eq!(payment.status_id, Some(StatusId::Pending));
    assert_eq!(payment.date_updated.as_ref().unwrap().value(), None);
    assert_eq!(payment.date_updated.unwrap().raw(), "0001-01-01T00:00:00");
    assert_eq!(
        payment.date_created.unwrap().value().unwrap().nanosecond(),
        370_000_000
    );

    let r = parse_response::<PayData>(200, &fixture("pay_bank_transfer.json")).unwrap();
    let data = r.data.unwrap();
    assert_eq!(
        data.bank_transfer_details.unwrap().bank_name.as_deref(),
        Some("Wema Bank")
    );
    assert_eq!(
        data.order_payment.unwrap().status_id,
        Some(StatusId::Pending)
    );
}

#[test]
fn order_status_answers() {
    let want = amount("1500.25");
    let r = parse_response::<OrderStatusData>(200, &fixture("order_status_success.json")).unwrap();
    let data = r.data.unwrap();
    assert_eq!(
        (
            data.is_final_status,
            data.requery_needed,
            data.requery_type.as_deref()
        ),
        (Some(true), Some(false), None)
    );
    let summary = data.order_summary.as_ref().unwrap();
    assert_eq!(
        summary.total_charged_amount.unwrap().to_string(),
        "1522.7538"
    );
    assert_eq!(summary.status_id, Some(StatusId::Successful));
    assert_eq!(
        summary
            .provider_response_date
            .as_ref()
            .unwrap()
            .value()
            .unwrap()
            .nanosecond(),
        123_456_700
    );
    assert_eq!(data.order_payments.as_ref().unwrap().len(), 1);
    assert!(data.is_paid(&want, "NGN"), "charged = amount + fee");
    assert!(!data.is_paid(&amount("1522.75"), "NGN"));
    assert!(!data.is_paid(&want, "GHS"));

    let r = parse_response::<OrderStatusData>(200, &fixture("order_status_pending_unknown.json"))
        .unwrap();
    assert_eq!(r.message, None);
    let data = r.data.unwrap();
    assert_eq!(data.is_final_status, Some(false));
    let summary = data.order_summary.as_ref().unwrap();
    assert_eq!(summary.status_id, Some(StatusId::Unknown(3)));
    assert_eq!(summary.fee, None);
    assert_eq!(summary.currency_id.as_deref(), Some("1"));
    assert_eq!(
        summary.date_payment_confirmed.as_ref().unwrap().value(),
        None
    );
    assert_eq!(data.order_payments, None);
    assert!(!data.is_paid(&amount("0"), "NGN"));
}

#[test]
fn verify_answers_with_snake_case_code_and_boolean_status() {
    let r = parse_response_for(
        &VerifyRequest {
            reference: "ORD-1001".into(),
        },
        200,
        &fixture("verify_success.json"),
    )
    .unwrap();
    assert_eq!(
        (r.status_code.as_deref(), r.status.as_deref()),
        (Some("00"), Some("true"))
    );
    let data = r.data.unwrap();
    assert!(data.is_paid(&amount("1500.2500"), "ngn"));
    assert!(!data.is_paid(&amount("1500.24"), "NGN"));
    assert_eq!(
        data.order_payments.unwrap()[0].status_id,
        Some(StatusId::Successful)
    );

    let r = parse_response::<VerifyData>(200, &fixture("verify_numeric_code.json")).unwrap();
    assert_eq!(r.status_code.as_deref(), Some("00"));
    let data = r.data.unwrap();
    assert_eq!(data.total_amount_charged, Some(amount("250.005")));
    assert_eq!(data.status_id, Some(StatusId::Failed));
    assert_eq!(data.payment_response_code.as_deref(), Some("51"));
    assert_eq!(data.payment_reference, None);
    assert!(!data.is_paid(&amount("250.005"), "NGN"));
}

#[test]
fn failing_answers_are_typed_errors() {
    let err = parse_response::<VerifyData>(404, &fixture("error_failed.json")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::GatewayError);
    let e = tp_error(&err);
    assert_eq!(
        (e.http_status, e.status_code.as_deref(), e.status.as_deref()),
        (Some(404), Some("09"), Some("failed"))
    );
    assert!(e.message.as_deref().unwrap().contains("ORD-9999"));

    // Same body with HTTP 200: the code alone fails it.
    assert_eq!(
        parse_response::<VerifyData>(200, &fixture("error_failed.json"))
            .unwrap_err()
            .kind(),
        ErrorKind::GatewayError
    );

    let err = parse_response::<VerifyData>(401, &fixture("error_boolean_status.json")).unwrap_err();
    let e = tp_error(&err);
    assert_eq!(
        (e.status_code.as_deref(), e.status.as_deref()),
        (Some("99"), Some("false"))
    );

    // statusCode 00 with status false: never rely on one of them alone.
    let err = parse_response::<VerifyData>(200, &fixture("error_success_code_false_status.json"))
        .unwrap_err();
    assert_eq!(
        tp_error(&err).message.as_deref(),
        Some("Transaction declined by issuer")
    );
}

#[test]
fn transport_failures() {
    let kind = |status: u16, body: &[u8]| {
        parse_response::<VerifyData>(status, body)
            .unwrap_err()
            .kind()
    };
    assert_eq!(kind(502, &fixture("html_502.html")), ErrorKind::NotJson);
    assert!(
        parse_response::<VerifyData>(502, &fixture("html_502.html"))
            .unwrap_err()
            .message()
            .contains("HTML")
    );
    assert_eq!(kind(200, &fixture("empty.txt")), ErrorKind::EmptyBody);
    assert_eq!(kind(200, b"\"ok\""), ErrorKind::NotEnvelope);
    assert_eq!(
        kind(
            200,
            br#"{"statusCode":"00","data":{"statusId":5,"totalAmountCharged":"lots"}}"#
        ),
        ErrorKind::UnexpectedResponse
    );
    assert_eq!(
        kind(200, br#"{"statusCode":"00","data":"not an object"}"#),
        ErrorKind::UnexpectedResponse
    );
    let big = vec![b' '; DEFAULT_MAX_BODY + 1];
    assert_eq!(kind(200, &big), ErrorKind::BodyTooLarge);
}

#[test]
fn random_bytes_never_panic() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    const ALPHABET: &[u8] = b"{}[]\":,0123456789.eE-+ tfnul\\datastatusCode_Data<html>";
    for len in 0..400usize {
        let body: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                ALPHABET[(seed % ALPHABET.len() as u64) as usize]
            })
            .collect();
        let _ = parse_response::<OrderStatusData>(200, &body);
        let _ = parse_response::<VerifyData>(500, &body);
        let _ = parse_webhook(&body);
    }
}

// ---------------------------------------------------------------- webhooks

#[test]
fn webhooks_in_both_spellings_are_unverified_hints() {
    for name in ["webhook_camel.json", "webhook_pascal.json"] {
        let hint = parse_webhook(&fixture(name)).unwrap();
        assert_eq!(hint.order_reference(), Some("ORD-1001"), "{name}");
        let data = &hint.peek_unverified().data;
        assert_eq!(
            data.total_amount_charged,
            Some(amount("1522.7538")),
            "{name}"
        );
        assert_eq!(data.status_id, Some(StatusId::Successful), "{name}");
        assert_eq!(
            hint.verify_request().unwrap(),
            VerifyRequest {
                reference: "ORD-1001".into()
            }
        );
    }
    let pascal = parse_webhook(&fixture("webhook_pascal.json"))
        .unwrap()
        .into_unverified_inner();
    assert_eq!(
        pascal.data.order_payments.unwrap()[0]
            .order_payment_reference
            .as_deref(),
        Some("OPR-55f1c2")
    );
    // Double-encoded data and a bare object are read too.
    let hint = parse_webhook(br#"{"data":"{\"orderReference\":\"ORD-7\"}"}"#).unwrap();
    assert_eq!(hint.order_reference(), Some("ORD-7"));
    let hint = parse_webhook(br#"{"OrderReference":"ORD-8","StatusId":"5"}"#).unwrap();
    assert_eq!(hint.order_reference(), Some("ORD-8"));
    // Nothing to re-check, or not JSON.
    assert_eq!(
        parse_webhook(br#"{"data":{"statusId":5}}"#)
            .unwrap_err()
            .kind(),
        ErrorKind::UnexpectedResponse
    );
    assert_eq!(
        parse_webhook(&fixture("html_502.html")).unwrap_err().kind(),
        ErrorKind::NotJson
    );
    assert_eq!(parse_webhook(b"").unwrap_err().kind(), ErrorKind::EmptyBody);
}

#[test]
fn truncated_and_mutated_fixtures_never_panic() {
    let dir = format!("{}/tests/fixtures/transactpay", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let body = std::fs::read(entry.unwrap().path()).unwrap();
        for cut in 0..body.len() {
            let _ = parse_response::<OrderStatusData>(200, &body[..cut]);
            let _ = parse_webhook(&body[..cut]);
        }
        for at in 0..body.len() {
            for replacement in [b'"', b'1', b'{', b'-', b'n'] {
                let mut mutated = body.clone();
                mutated[at] = replacement;
                let _ = parse_response::<VerifyData>(200, &mutated);
                let _ = parse_response::<PayData>(200, &mutated);
                let _ = parse_webhook(&mutated);
            }
        }
    }
}
