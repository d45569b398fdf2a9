//! `payseal keepz open --as …`: the typed, pretty reading of a Keepz answer.

use crate::io::{CliResult, describe};
use payseal::keepz::Keepz;
use payseal::keepz::api::{
    CancelOrderRequest, CreateOrderRequest, KeepzRequest, OrderStatusRequest, RefundRequest,
    RevokeSubscriptionRequest, SavedCardRequest, SubscriptionHistoryRequest,
};
use payseal::{ErrorKind, GatewayFailure};
use serde::Serialize;

/// What to read the opened answer as.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum TypedAs {
    /// The answer to create order.
    CreateOrder,
    /// The answer to order status.
    OrderStatus,
    /// The answer to cancel.
    Cancel,
    /// The answer to refund.
    Refund,
    /// The answer to saved card.
    SavedCard,
    /// The answer to subscription history.
    SubscriptionHistory,
    /// The answer to subscription revoke.
    Revoke,
    /// A callback (unverified until re-checked).
    Callback,
}

fn pretty<T: Serialize>(value: &T) -> CliResult<String> {
    serde_json::to_string_pretty(value).map_err(|e| format!("cannot print the result: {e}"))
}

fn read<R: KeepzRequest>(keepz: &Keepz, http_status: u16, body: &[u8]) -> CliResult<String>
where
    R::Response: Serialize,
{
    keepz
        .parse_response::<R>(http_status, body)
        .map_err(|e| gateway_or(&e))
        .and_then(|r| pretty(&r))
}

/// A gateway error printed with its name and hint; any other error as usual.
pub fn gateway_or(e: &payseal::Error) -> String {
    match (e.kind(), e.gateway_failure()) {
        (ErrorKind::GatewayError, Some(GatewayFailure::Keepz(api))) => {
            format!("the gateway answered with an error: {api}")
        }
        _ => describe(e),
    }
}

/// Prints the typed reading of `body`.
pub fn run(keepz: &Keepz, as_type: TypedAs, http_status: u16, body: &[u8]) -> CliResult<()> {
    let text = match as_type {
        TypedAs::CreateOrder => read::<CreateOrderRequest>(keepz, http_status, body)?,
        TypedAs::OrderStatus => read::<OrderStatusRequest>(keepz, http_status, body)?,
        TypedAs::Cancel => read::<CancelOrderRequest>(keepz, http_status, body)?,
        TypedAs::Refund => read::<RefundRequest>(keepz, http_status, body)?,
        TypedAs::SavedCard => read::<SavedCardRequest>(keepz, http_status, body)?,
        TypedAs::SubscriptionHistory => {
            read::<SubscriptionHistoryRequest>(keepz, http_status, body)?
        }
        TypedAs::Revoke => read::<RevokeSubscriptionRequest>(keepz, http_status, body)?,
        TypedAs::Callback => {
            let callback = keepz.parse_callback(body).map_err(|e| gateway_or(&e))?;
            eprintln!(
                "payseal: UNVERIFIED callback — anyone with your public key can send one; re-check \
                 the order status before acting on it"
            );
            // An order or a subscription callback, written as the fields it carries.
            pretty(callback.peek_unverified())?
        }
    };
    println!("{text}");
    Ok(())
}
