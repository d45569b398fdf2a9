//! The TransactPay endpoints, on the paths of payseal's endpoint table.

use super::answer;
use super::decode::read;
use super::events::{checkout_url, find, transition};
use super::machine::{TpEvent, TpFailure, TpOrder, codes, fee};
use super::shapes;
use crate::app::App;
use crate::faults::{Gateway, intercept};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use payseal::Amount;
use payseal::transactpay::api::{
    AuthorizeRequest, BankTransferDetails, CreateOrderRequest, FeeRequest, OrderPayment,
    OrderStatusRequest, PayData, PayRequest, PaymentDetail, PaymentOption, RefundRequest, StatusId,
    VerifyRequest,
};
use serde::Serialize;
use std::sync::Arc;

/// Runs `handle` after the fault queue had its say.
async fn serve(
    app: Arc<App>,
    handle: impl FnOnce(&App) -> Result<Response, TpFailure>,
) -> Response {
    if let Err(response) = intercept(&app, Gateway::Transactpay).await {
        return response;
    }
    handle(&app).unwrap_or_else(|f| answer::failure(&f))
}

/// A fresh reference: `prefix` and 16 upper-case hex digits.
fn new_reference(prefix: &str) -> String {
    let id = payseal::keepz::api::new_order_id().unwrap_or_default();
    format!("{prefix}{}", id.replace('-', "")[..16].to_uppercase())
}

/// POST `/payment/order/create`.
pub async fn create_order(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    serve(app, |app| {
        let request: CreateOrderRequest = read(app, &headers, &body)?;
        let reference = request.order.reference.clone();
        let mut world = app.world();
        if world.tp_orders.contains_key(&reference) {
            return Err(TpFailure::new(
                409,
                codes::DUPLICATE,
                "An order with this reference already exists",
            ));
        }
        let order = TpOrder {
            fee: fee(&request.order.amount),
            request,
            status: StatusId::Initiated,
            payment_reference: new_reference("PSBX"),
            payments: Vec::new(),
            refunded: Amount::ZERO,
            created_at: crate::clock::now_unix(),
            confirmed_at: None,
        };
        world.put_tp_order(reference, order.clone());
        Ok(answer::ok("01", "Order created", &shapes::created(&order)))
    })
    .await
}

/// The fee answer (not documented by TransactPay: the sandbox's own shape).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FeeData {
    amount: Amount,
    fee: Amount,
    total_amount: Amount,
    currency: String,
    paymentoption: PaymentOption,
}

/// POST `/payment/order/fee`.
pub async fn order_fee(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    serve(app, |app| {
        let request: FeeRequest = read(app, &headers, &body)?;
        let fee = fee(&request.amount);
        let data = FeeData {
            amount: request.amount,
            fee,
            total_amount: request.amount.checked_add(fee).unwrap_or(request.amount),
            currency: request.currency,
            paymentoption: request.paymentoption,
        };
        Ok(answer::ok("00", "Fee calculated", &data))
    })
    .await
}

/// A card as the gateway shows it: the first six and last four digits.
fn mask(number: &str) -> String {
    let n = number.len();
    format!(
        "{}{}{}",
        &number[..6.min(n)],
        "*".repeat(n.saturating_sub(10)),
        &number[n.saturating_sub(4)..]
    )
}

/// POST `/payment/order/pay`: card (→ 3-D Secure page, `02`), bank transfer (→ account details),
/// Opay (→ its page, `02`).
pub async fn pay(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    serve(app, |app| {
        let request: PayRequest = read(app, &headers, &body)?;
        let instrument = match &request {
            PayRequest::Card(card) => Some(mask(&card.card.cardnumber)),
            _ => None,
        };
        let option = request.option();
        let reference = new_reference("OPR");
        let mut world = app.world();
        let order = transition(
            app,
            &mut world,
            request.reference(),
            TpEvent::StartPayment {
                reference: reference.clone(),
                option,
                instrument,
            },
        )?;
        let checkout = checkout_url(app, &order);
        let this = order
            .payments
            .last()
            .map(|p| shapes::payment(&order, p, &checkout));
        let mut data = PayData {
            order_payment: this,
            ..PayData::default()
        };
        let code = if option == PaymentOption::BankTransfer {
            data.bank_transfer_details = Some(BankTransferDetails {
                bank_account: Some("0123456789".into()),
                account_name: Some("payseal sandbox merchant".into()),
                bank_name: Some("Sandbox Bank".into()),
            });
            "00"
        } else {
            data.payment_detail = Some(PaymentDetail {
                redirect_url: Some(checkout),
                recipient_account: None,
                payment_reference: Some(order.payment_reference.clone()),
            });
            "02"
        };
        Ok(answer::ok(code, "Payment initiated", &data))
    })
    .await
}

/// The authorize answer (not documented by TransactPay: the sandbox's own shape).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AuthorizeData {
    order_payment: Option<OrderPayment>,
}

/// POST `/payment/order/pay/authorize`: the OTP `000000` declines, any other approves.
pub async fn authorize(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    serve(app, |app| {
        let request: AuthorizeRequest = read(app, &headers, &body)?;
        let mut world = app.world();
        let reference = world
            .tp_orders
            .iter()
            .find(|(_, o)| {
                o.payments.iter().any(|p| {
                    p.reference == request.order_payment_reference && p.status == StatusId::Pending
                })
            })
            .map(|(r, _)| r.clone())
            .ok_or_else(|| {
                TpFailure::new(
                    404,
                    codes::NOT_FOUND,
                    "No pending payment with this reference",
                )
            })?;
        let approved = request.otp != "000000";
        let order = transition(app, &mut world, &reference, TpEvent::Complete(approved))?;
        let checkout = checkout_url(app, &order);
        let payment = order
            .payments
            .iter()
            .find(|p| p.reference == request.order_payment_reference)
            .map(|p| shapes::payment(&order, p, &checkout));
        let message = if approved {
            "Payment authorized"
        } else {
            "Payment declined"
        };
        Ok(answer::ok(
            "00",
            message,
            &AuthorizeData {
                order_payment: payment,
            },
        ))
    })
    .await
}

/// POST `/payment/order/status`.
pub async fn order_status(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    serve(app, |app| {
        let request: OrderStatusRequest = read(app, &headers, &body)?;
        let order = find(&app.world(), &request.reference)?;
        Ok(answer::ok(
            "00",
            "Order status",
            &shapes::status(&order, &checkout_url(app, &order)),
        ))
    })
    .await
}

/// POST `/payment/order/verify` (plain body, secret key).
pub async fn verify(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    serve(app, |app| {
        let request: VerifyRequest = read(app, &headers, &body)?;
        let order = find(&app.world(), &request.reference)?;
        Ok(answer::ok(
            "00",
            "Order verified",
            &shapes::verify(&order, &checkout_url(app, &order)),
        ))
    })
    .await
}

/// The refund answer (not documented by TransactPay: the sandbox's own shape).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RefundData {
    reference: String,
    refunded_amount: Amount,
    total_refunded: Amount,
    status_id: StatusId,
    status: &'static str,
}

/// POST `/payment/order/refund` (plain body, secret key).
pub async fn refund(State(app): State<Arc<App>>, headers: HeaderMap, body: Bytes) -> Response {
    serve(app, |app| {
        let request: RefundRequest = read(app, &headers, &body)?;
        let mut world = app.world();
        let before = find(&world, &request.reference)?.refunded;
        let order = transition(
            app,
            &mut world,
            &request.reference,
            TpEvent::Refund(request.amount),
        )?;
        let data = RefundData {
            reference: request.reference.clone(),
            refunded_amount: order.refunded.checked_sub(before).unwrap_or(Amount::ZERO),
            total_refunded: order.refunded,
            status_id: order.status,
            status: shapes::status_text(order.status),
        };
        Ok(answer::ok("00", "Refund successful", &data))
    })
    .await
}
