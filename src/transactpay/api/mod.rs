//! TransactPay's operations as types: requests with the documentation's spellings, where each one
//! goes, and its answers read leniently.
//!
//! - Requests: [`CreateOrderRequest`], [`FeeRequest`], [`PayWithCardRequest`],
//!   [`PayByBankTransferRequest`], [`PayWithOpayRequest`], [`AuthorizeRequest`],
//!   [`OrderStatusRequest`], [`VerifyRequest`], [`RefundRequest`] — each a [`TransactPayRequest`]
//!   that knows its [`TransactPayEndpoint`] (path, encrypted or plain, public or secret key) and
//!   its `data` type, and validates what TransactPay would refuse. Card data ([`CardDetails`])
//!   and OTPs are redacted in `Debug` and wiped on drop.
//! - Reading: [`parse_response`] → [`TransactPayResponse`], a typed TransactPay error, or a
//!   transport error.
//! - Webhooks: [`parse_webhook`] → [`Unverified<TransactPayWebhook>`](crate::Unverified), to be
//!   re-checked with verify.
//!
//! Amounts are [`Amount`](crate::money::Amount)s, read exactly (up to four decimals and beyond).

mod authorize;
mod card;
mod create_order;
mod data;
mod date;
mod endpoint;
mod fee;
mod paid;
mod pay;
mod payment_option;
mod refund;
mod request;
mod response;
mod status;
mod status_id;
mod webhook;

pub use authorize::AuthorizeRequest;
pub use card::CardDetails;
pub use create_order::{CreateOrderRequest, Customer, OrderDetails, PaymentDetails};
pub use data::{
    BankTransferDetails, CreateOrderData, CreatedOrder, OrderPayment, OrderStatusData,
    OrderSummary, PayData, PaymentDetail, VerifyData,
};
pub use date::GatewayDate;
pub use endpoint::{
    API_KEY_HEADER, AUTHORIZE, ApiKey, BASE_URL, CREATE_ORDER, OPERATION_NAMES, ORDER_FEE,
    ORDER_STATUS, PAY, REFUND, TransactPayEndpoint, VERIFY,
};
pub use fee::FeeRequest;
pub use pay::{
    BankTransfer, PayByBankTransferRequest, PayRequest, PayWithCardRequest, PayWithOpayRequest,
};
pub use payment_option::PaymentOption;
pub use refund::RefundRequest;
pub use request::{TRANSACTPAY_MAX_DECIMALS, TransactPayRequest};
pub use response::{
    DEFAULT_MAX_BODY, SuccessCode, TransactPayResponse, parse_response, parse_response_for,
    parse_response_with_limit,
};
pub use status::{OrderStatusRequest, VerifyRequest};
pub use status_id::StatusId;
pub use webhook::{TransactPayWebhook, parse_webhook, parse_webhook_with_limit};
