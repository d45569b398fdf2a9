//! The `data` of TransactPay's answers and webhooks, built from payseal's own response types
//! (specification §4.1–4.3), so that what the sandbox writes is what payseal reads.

use super::machine::{TpOrder, TpPayment};
use crate::clock::transactpay_date;
use crate::exact::raw_json;
use payseal::transactpay::api::{
    CreateOrderData, CreatedOrder, GatewayDate, OrderPayment, OrderStatusData, OrderSummary,
    PaymentOption, StatusId, VerifyData,
};

/// .NET's "no date", as TransactPay sends it.
const NO_DATE: &str = "0001-01-01T00:00:00";

/// The text TransactPay writes beside a `statusId`.
pub fn status_text(status: StatusId) -> &'static str {
    match status {
        StatusId::Initiated => "Initiated",
        StatusId::Pending => "Pending",
        StatusId::Failed => "Failed",
        StatusId::Successful => "Successful",
        StatusId::Reversed => "Reversed",
        _ => "Unknown",
    }
}

fn date(unix: Option<i64>) -> Option<GatewayDate> {
    Some(GatewayDate::from_raw(
        unix.map_or_else(|| NO_DATE.to_string(), transactpay_date),
    ))
}

/// The response code of a payment in a status.
fn response(status: StatusId) -> (&'static str, &'static str) {
    match status {
        StatusId::Successful => ("00", "Approved"),
        StatusId::Failed => ("51", "Declined"),
        StatusId::Reversed => ("00", "Reversed"),
        _ => ("09", "Pending"),
    }
}

/// One payment attempt as `orderPayments[]` and `orderPayment` show it.
pub fn payment(order: &TpOrder, p: &TpPayment, checkout: &str) -> OrderPayment {
    let (code, message) = response(p.status);
    OrderPayment {
        id: Some(p.reference.clone()),
        order_id: Some(order.payment_reference.clone()),
        order_payment_reference: Some(p.reference.clone()),
        payment_option_id: Some(p.option.as_str().to_string()),
        status_id: Some(p.status),
        order_payment_response_code: Some(code.into()),
        order_payment_response_message: Some(message.into()),
        order_payment_instrument: p.instrument.clone(),
        remarks: None,
        provider_reference: Some(format!("SBX-{}", p.reference)),
        provider_response_code: Some(code.into()),
        payment_url: Some(checkout.to_string()),
        external_reference: None,
        auth_option: Some(
            if p.option == PaymentOption::Card {
                "3DS"
            } else {
                "NONE"
            }
            .into(),
        ),
        date_created: date(Some(p.created_at)),
        date_updated: date(Some(p.updated_at)),
    }
}

fn payments(order: &TpOrder, checkout: &str) -> Vec<OrderPayment> {
    order
        .payments
        .iter()
        .map(|p| payment(order, p, checkout))
        .collect()
}

/// `data` of create order.
pub fn created(order: &TpOrder) -> CreateOrderData {
    let request = &order.request;
    CreateOrderData {
        order: Some(CreatedOrder {
            reference: Some(request.order.reference.clone()),
            amount: Some(request.order.amount),
            fee: Some(order.fee),
            status_id: Some(order.status),
            status: Some(status_text(order.status).into()),
            currency: Some(request.order.currency.clone()),
        }),
        customer: Some(raw_json(&request.customer)),
        subsidiary: Some(raw_json(
            &serde_json::json!({"name": "payseal sandbox merchant"}),
        )),
        payment: Some(raw_json(&request.payment)),
        other_payment_options: Some(raw_json(&[
            PaymentOption::Card,
            PaymentOption::BankTransfer,
            PaymentOption::Opay,
        ])),
        saved_cards: Some(raw_json(&[(); 0])),
    }
}

/// `data` of order status.
pub fn status(order: &TpOrder, checkout: &str) -> OrderStatusData {
    let request = &order.request;
    let (code, message) = response(order.status);
    OrderStatusData {
        is_final_status: Some(order.status.is_final()),
        requery_needed: Some(!order.status.is_final()),
        requery_type: None,
        order_summary: Some(OrderSummary {
            id: Some(order.payment_reference.clone()),
            payment_reference: Some(order.payment_reference.clone()),
            order_reference: Some(request.order.reference.clone()),
            amount: Some(request.order.amount),
            total_charged_amount: Some(order.charged()),
            fee: Some(order.fee),
            status_id: Some(order.status),
            status: Some(status_text(order.status).into()),
            payment_type: order.payments.last().map(|p| p.option.as_str().to_string()),
            currency_id: Some(request.order.currency.clone()),
            payment_response_code: Some(code.into()),
            payment_response_message: Some(message.into()),
            provider_response_date: date(order.confirmed_at),
            date_payment_confirmed: date(order.confirmed_at),
            date_created: date(Some(order.created_at)),
            narration: Some(request.order.description.clone()),
            remarks: None,
        }),
        order_payments: Some(payments(order, checkout)),
    }
}

/// `data` of verify, and of webhooks.
pub fn verify(order: &TpOrder, checkout: &str) -> VerifyData {
    let request = &order.request;
    let (code, message) = response(order.status);
    let card = order
        .payments
        .iter()
        .rev()
        .find_map(|p| p.instrument.as_ref());
    VerifyData {
        order_reference: Some(request.order.reference.clone()),
        payment_reference: Some(order.payment_reference.clone()),
        amount: Some(request.order.amount),
        total_amount_charged: Some(order.charged()),
        fee: Some(order.fee),
        status_id: Some(order.status),
        status: Some(status_text(order.status).into()),
        currency_name: Some(request.order.currency.clone()),
        payment_response_code: Some(code.into()),
        payment_response_message: Some(message.into()),
        customer: Some(raw_json(&request.customer)),
        order_payments: Some(payments(order, checkout)),
        card_details: card.map(|mask| raw_json(&serde_json::json!({"cardMask": mask}))),
    }
}
