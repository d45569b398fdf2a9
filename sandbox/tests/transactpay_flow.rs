//! TransactPay against the sandbox over real HTTP, through payseal's typed API: create → pay by
//! card → the 3-D Secure page → webhook → verify (secret key) → status → refunds; bank transfer
//! and Opay; the OTP; `api-key` checks; and the failures as TransactPay's failing envelopes.

mod common;

use common::receiver::Receiver;
use common::{Answer, Sandbox, control, post_form, send};
use payseal::transactpay::api::{
    AuthorizeRequest, BankTransfer, CardDetails, CreateOrderData, CreateOrderRequest, Customer,
    FeeRequest, OrderDetails, OrderStatusData, OrderStatusRequest, PayByBankTransferRequest,
    PayData, PayWithCardRequest, PayWithOpayRequest, PaymentOption, RefundRequest, StatusId,
    TransactPayRequest, TransactPayResponse, VerifyData, VerifyRequest, parse_response,
    parse_webhook,
};
use payseal::transactpay::{TransactPay, request_headers};
use payseal::{Amount, ErrorKind, GatewayFailure, RawJson};
use serde::de::DeserializeOwned;

struct Merchant<'a> {
    sandbox: &'a Sandbox,
    transactpay: TransactPay,
    public_key: String,
    secret_key: String,
}

impl Merchant<'_> {
    fn new(sandbox: &Sandbox) -> Merchant<'_> {
        let text = |name: &str| {
            String::from_utf8(sandbox.key_file(name))
                .unwrap()
                .trim()
                .to_string()
        };
        Merchant {
            sandbox,
            transactpay: TransactPay::new(sandbox.key_file("transactpayEncryptionKey")).unwrap(),
            public_key: text("transactpayPublicKey"),
            secret_key: text("transactpaySecretKey"),
        }
    }

    /// Sends a typed request as payseal says: sealed or plain, with the public or secret key.
    fn post<R: TransactPayRequest>(&self, request: &R) -> Answer {
        request.validate().unwrap();
        let key = match R::ENDPOINT.api_key {
            payseal::transactpay::api::ApiKey::Secret => &self.secret_key,
            _ => &self.public_key,
        };
        self.post_with(request, key)
    }

    fn post_with<R: TransactPayRequest>(&self, request: &R, key: &str) -> Answer {
        let body = if R::ENDPOINT.encrypted {
            self.transactpay.seal(request).unwrap().to_json_body()
        } else {
            serde_json::to_string(request).unwrap()
        };
        let headers = request_headers(key).unwrap();
        send(
            "POST",
            &R::ENDPOINT.url_with_base(&self.sandbox.url()),
            Some(&body),
            &headers,
        )
    }

    fn call<R: TransactPayRequest>(
        &self,
        request: &R,
    ) -> payseal::Result<TransactPayResponse<R::Data>> {
        let answer = self.post(request);
        parse_response(answer.status, answer.body.as_bytes())
    }
}

fn parsed<T: DeserializeOwned>(answer: &Answer) -> payseal::Result<TransactPayResponse<T>> {
    parse_response(answer.status, answer.body.as_bytes())
}

/// The TransactPay error's (HTTP status, statusCode).
fn tp_error<T: std::fmt::Debug>(result: payseal::Result<T>) -> (Option<u16>, String) {
    let error = result.unwrap_err();
    match error.gateway_failure() {
        Some(GatewayFailure::TransactPay(e)) => {
            (e.http_status, e.status_code.clone().unwrap_or_default())
        }
        _ => panic!("not a TransactPay error: {error:?}"),
    }
}

fn order(reference: &str, amount: &str) -> CreateOrderRequest {
    CreateOrderRequest::new(
        Customer {
            firstname: "Ada".into(),
            lastname: "Obi".into(),
            mobile: "+2348012345678".into(),
            country: "NG".into(),
            email: "ada@x.ng".into(),
        },
        OrderDetails {
            amount: amount.parse().unwrap(),
            reference: reference.into(),
            description: "B".into(),
            currency: "NGN".into(),
        },
        // Short: with the tests' 2048-bit keys one block carries at most 245 bytes.
        "http://127.0.0.1:9/r",
    )
}

fn card(reference: &str) -> PayWithCardRequest {
    PayWithCardRequest {
        reference: reference.into(),
        country: "NG".into(),
        card: CardDetails::new("4111111111111111", "12", "30", "123"),
    }
}

#[test]
fn create_pay_webhook_verify_refund() {
    let dir = tempfile::tempdir().unwrap();
    let receiver = Receiver::start();
    let sandbox = Sandbox::start(dir.path(), &["--transactpay-webhook", &receiver.url]);
    let merchant = Merchant::new(&sandbox);
    let amount: Amount = "1500.25".parse().unwrap();

    let created = merchant.call(&order("ORD-1", "1500.25")).unwrap();
    assert_eq!(created.status_code.as_deref(), Some("01"));
    let created: CreateOrderData = created.into_data().unwrap();
    let placed = created.order.unwrap();
    assert_eq!(
        (
            placed.amount,
            placed.fee.unwrap().to_string(),
            placed.status_id
        ),
        (Some(amount), "22.5".into(), Some(StatusId::Initiated))
    );
    assert_eq!(
        tp_error(merchant.call(&order("ORD-1", "1"))),
        (Some(409), "10".into())
    );

    // Fee for a payment option.
    let fee = merchant
        .call(&FeeRequest {
            amount: "100".parse().unwrap(),
            currency: "NGN".into(),
            paymentoption: PaymentOption::Card,
        })
        .unwrap();
    assert!(fee.into_data().unwrap().get().contains(r#""fee":1.5"#));

    // Pay by card: 02 and the 3-D Secure page; the payer pays there.
    let paying = merchant.call(&card("ORD-1")).unwrap();
    assert_eq!(paying.status_code.as_deref(), Some("02"));
    let pay: PayData = paying.into_data().unwrap();
    let page = pay.payment_detail.unwrap().redirect_url.unwrap();
    assert_eq!(
        pay.order_payment
            .unwrap()
            .order_payment_instrument
            .as_deref(),
        Some("411111******1111")
    );
    let status = |m: &Merchant| -> OrderStatusData {
        m.call(&OrderStatusRequest {
            reference: "ORD-1".into(),
        })
        .unwrap()
        .into_data()
        .unwrap()
    };
    assert_eq!(
        status(&merchant).order_summary.unwrap().status_id,
        Some(StatusId::Pending)
    );
    assert!(
        post_form(&page, &[("action", "pay")])
            .body
            .contains(">Successful<")
    );

    // The webhook: a hint in the verify shape; verify with the secret key decides.
    let hint = parse_webhook(receiver.wait_for(2).as_bytes()).unwrap();
    assert_eq!(
        hint.peek_unverified().data.status_id,
        Some(StatusId::Successful)
    );
    let verified: VerifyData = merchant
        .call(&hint.verify_request().unwrap())
        .unwrap()
        .into_data()
        .unwrap();
    assert!(verified.is_paid(&amount, "NGN"));
    assert!(!verified.is_paid(&"1500.26".parse().unwrap(), "NGN"));
    assert_eq!(
        verified.total_amount_charged.unwrap().to_string(),
        "1522.75"
    );
    assert!(status(&merchant).is_paid(&amount, "NGN"));
    assert_eq!(
        tp_error(merchant.call(&card("ORD-1"))),
        (Some(409), "12".into())
    );

    // Refunds: part, too much, the rest (statusId 6, reversed), each change a webhook.
    let part = merchant
        .call(&RefundRequest {
            reference: "ORD-1".into(),
            reason: None,
            amount: Some("500.25".parse().unwrap()),
        })
        .unwrap();
    assert!(
        part.into_data()
            .unwrap()
            .get()
            .contains(r#""refundedAmount":500.25"#)
    );
    let too_much = RefundRequest {
        reference: "ORD-1".into(),
        reason: None,
        amount: Some("1000.01".parse().unwrap()),
    };
    assert_eq!(tp_error(merchant.call(&too_much)), (Some(400), "13".into()));
    merchant
        .call(&RefundRequest {
            reference: "ORD-1".into(),
            reason: Some("returned".into()),
            amount: None,
        })
        .unwrap();
    let reversed = parse_webhook(receiver.wait_for(3).as_bytes()).unwrap();
    assert_eq!(
        reversed.peek_unverified().data.status_id,
        Some(StatusId::Reversed)
    );
    assert_eq!(
        status(&merchant).order_summary.unwrap().status_id,
        Some(StatusId::Reversed)
    );
}

#[test]
fn bank_transfer_opay_and_otp() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(dir.path(), &[]);
    let merchant = Merchant::new(&sandbox);
    let receiver = Receiver::start();
    control(
        &sandbox,
        "PUT",
        "/transactpay/webhook",
        Some(&format!(r#"{{"url":"{}"}}"#, receiver.url)),
    );

    // Bank transfer: account details, pending until the transfer "arrives" (control API).
    merchant.call(&order("BT-1", "200")).unwrap();
    let bank = PayByBankTransferRequest {
        reference: "BT-1".into(),
        country: "NG".into(),
        bank_transfer: BankTransfer {
            bankcode: "058".into(),
        },
    };
    let pay: PayData = merchant.call(&bank).unwrap().into_data().unwrap();
    assert_eq!(
        pay.bank_transfer_details.unwrap().bank_name.as_deref(),
        Some("Sandbox Bank")
    );
    assert_eq!(
        control(&sandbox, "POST", "/transactpay/orders/BT-1/advance", None)["statusId"],
        5
    );
    let verified: VerifyData = merchant
        .call(&VerifyRequest {
            reference: "BT-1".into(),
        })
        .unwrap()
        .into_data()
        .unwrap();
    assert!(verified.is_paid(&"200".parse().unwrap(), "NGN"));

    // Opay: its page; the payer declines; a new attempt by card, approved with an OTP.
    merchant.call(&order("OP-1", "10")).unwrap();
    let opay: PayData = merchant
        .call(&PayWithOpayRequest {
            reference: "OP-1".into(),
        })
        .unwrap()
        .into_data()
        .unwrap();
    let page = opay.payment_detail.unwrap().redirect_url.unwrap();
    assert!(
        post_form(&page, &[("action", "fail")])
            .body
            .contains(">Failed<")
    );
    // Each card attempt names its payment; the OTP decides it.
    let authorize = |otp: &str| {
        let pay: PayData = merchant.call(&card("OP-1")).unwrap().into_data().unwrap();
        let payment = pay.order_payment.unwrap().order_payment_reference.unwrap();
        (
            merchant
                .call(&AuthorizeRequest::new(payment.clone(), otp))
                .unwrap(),
            payment,
        )
    };
    let (declined, _) = authorize("000000");
    assert_eq!(declined.message.as_deref(), Some("Payment declined"));
    let (approved, payment) = authorize("123456");
    assert_eq!(approved.message.as_deref(), Some("Payment authorized"));
    let status: OrderStatusData = merchant
        .call(&OrderStatusRequest {
            reference: "OP-1".into(),
        })
        .unwrap()
        .into_data()
        .unwrap();
    assert!(status.is_paid(&"10".parse().unwrap(), "NGN"));
    assert_eq!(status.order_payments.unwrap().len(), 3);
    assert_eq!(
        tp_error(merchant.call(&AuthorizeRequest::new(payment, "123456"))),
        (Some(404), "09".into())
    );
    // One webhook per change of the order: BT-1 pending, paid; OP-1 pending, failed, pending, failed, pending, paid.
    common::wait_for("eight webhooks", || {
        (receiver.bodies().len() == 8).then_some(())
    });
}

#[test]
fn keys_envelopes_and_faults() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = Sandbox::start(
        dir.path(),
        &["--fault", "transactpay:error:503:99:Maintenance"],
    );
    let merchant = Merchant::new(&sandbox);
    let status = OrderStatusRequest {
        reference: "NONE".into(),
    };

    assert_eq!(tp_error(merchant.call(&status)), (Some(503), "99".into()));
    assert_eq!(tp_error(merchant.call(&status)), (Some(404), "09".into()));
    // The api-key: missing, the secret one on an encrypted endpoint, the public one on verify.
    let sealed = merchant.transactpay.seal(&status).unwrap().to_json_body();
    let url = OrderStatusRequest::ENDPOINT.url_with_base(&sandbox.url());
    assert_eq!(
        tp_error(parsed::<RawJson>(&send("POST", &url, Some(&sealed), &[]))),
        (Some(401), "03".into())
    );
    assert_eq!(
        tp_error(parsed::<RawJson>(
            &merchant.post_with(&status, &merchant.secret_key)
        )),
        (Some(401), "03".into())
    );
    let verify = VerifyRequest {
        reference: "NONE".into(),
    };
    let answer = merchant.post_with(&verify, &merchant.public_key);
    assert!(
        answer.body.contains("needs the secret key"),
        "{}",
        answer.body
    );
    // Sealed to another key, or sent plain to an encrypted endpoint: 06.
    let stranger = payseal::keys::PrivateKey::generate(2048).unwrap();
    let other = TransactPay::from_key(stranger.public_key().clone())
        .seal(&status)
        .unwrap()
        .to_json_body();
    let headers = request_headers(&merchant.public_key).unwrap();
    assert_eq!(
        tp_error(parsed::<RawJson>(&send(
            "POST",
            &url,
            Some(&other),
            &headers
        ))),
        (Some(400), "06".into())
    );
    assert_eq!(
        tp_error(parsed::<RawJson>(&send(
            "POST",
            &url,
            Some(r#"{"reference":"NONE"}"#),
            &headers
        ))),
        (Some(400), "06".into())
    );
    // A value payseal refuses (a currency of four letters), sent anyway: 05 with payseal's reason.
    let mut bad = order("BAD-1", "1");
    bad.order.currency = "NGNX".into();
    let answer = merchant.post_with(&bad, &merchant.public_key);
    assert_eq!(
        tp_error(parsed::<RawJson>(&answer)),
        (Some(400), "05".into())
    );
    assert!(answer.body.contains("3-letter code"), "{}", answer.body);

    // Faults by the control API: the HTML page and the empty body.
    control(
        &sandbox,
        "POST",
        "/faults",
        Some(r#"{"gateway":"transactpay","kind":"html502"}"#),
    );
    assert_eq!(
        merchant.call(&status).unwrap_err().kind(),
        ErrorKind::NotJson
    );
    control(&sandbox, "POST", "/faults", Some(r#"{"kind":"empty"}"#));
    assert_eq!(
        merchant.call(&status).unwrap_err().kind(),
        ErrorKind::EmptyBody
    );
}
