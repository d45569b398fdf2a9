//! Where each Keepz operation goes: method, path and where the envelope travels.
//!
//! payseal does no HTTP. A host asks for an operation's [`Endpoint`] (by request type, through
//! [`super::KeepzRequest::ENDPOINT`], or by name, through [`Endpoint::for_operation`], which the C
//! ABI exposes) and sends the sealed envelope with whatever client it has.

use crate::http::Method;

/// Keepz's test environment.
pub const TEST_BASE_URL: &str = "https://gateway.dev.keepz.me/ecommerce-service";

/// Keepz's production environment.
pub const PRODUCTION_BASE_URL: &str = "https://gateway.keepz.me/ecommerce-service";

/// Where the envelope's fields travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Placement {
    /// A compact JSON body (POST endpoints).
    Body,
    /// Percent-encoded query parameters (GET and DELETE endpoints).
    Query,
}

impl Placement {
    /// The placement's name: `"body"` or `"query"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Placement::Body => "body",
            Placement::Query => "query",
        }
    }
}

/// One Keepz operation on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The path below the base URL, starting with `/`.
    pub path: &'static str,
    /// Whether the envelope goes in the body or the query string.
    pub placement: Placement,
}

/// POST `/api/integrator/order`.
pub const CREATE_ORDER: Endpoint = Endpoint {
    method: Method::Post,
    path: "/api/integrator/order",
    placement: Placement::Body,
};

/// GET `/api/integrator/order/status`.
pub const ORDER_STATUS: Endpoint = Endpoint {
    method: Method::Get,
    path: "/api/integrator/order/status",
    placement: Placement::Query,
};

/// DELETE `/api/integrator/order/cancel`.
pub const CANCEL_ORDER: Endpoint = Endpoint {
    method: Method::Delete,
    path: "/api/integrator/order/cancel",
    placement: Placement::Query,
};

/// POST `/api/integrator/order/refund/v2`.
pub const REFUND: Endpoint = Endpoint {
    method: Method::Post,
    path: "/api/integrator/order/refund/v2",
    placement: Placement::Body,
};

/// GET `/api/v1/integrator/card/order-id`: the saved card of an order.
pub const SAVED_CARD: Endpoint = Endpoint {
    method: Method::Get,
    path: "/api/v1/integrator/card/order-id",
    placement: Placement::Query,
};

/// GET `/api/distributor/order-id`: the path one Keepz documentation page gives for the saved
/// card instead of [`SAVED_CARD`]. Which one a given integrator needs is unsettled; use this one
/// only if Keepz says so.
pub const SAVED_CARD_DISTRIBUTOR: Endpoint = Endpoint {
    method: Method::Get,
    path: "/api/distributor/order-id",
    placement: Placement::Query,
};

/// POST `/api/v1/integrator/subscription/history`.
pub const SUBSCRIPTION_HISTORY: Endpoint = Endpoint {
    method: Method::Post,
    path: "/api/v1/integrator/subscription/history",
    placement: Placement::Body,
};

/// POST `/api/v1/integrator/subscription/revoke` (answers HTTP 200 with an empty body).
pub const REVOKE_SUBSCRIPTION: Endpoint = Endpoint {
    method: Method::Post,
    path: "/api/v1/integrator/subscription/revoke",
    placement: Placement::Body,
};

/// Every operation by name, in the order of the specification.
pub const OPERATIONS: &[(&str, Endpoint)] = &[
    ("create_order", CREATE_ORDER),
    ("order_status", ORDER_STATUS),
    ("cancel_order", CANCEL_ORDER),
    ("refund", REFUND),
    ("saved_card", SAVED_CARD),
    ("saved_card_distributor", SAVED_CARD_DISTRIBUTOR),
    ("subscription_history", SUBSCRIPTION_HISTORY),
    ("revoke_subscription", REVOKE_SUBSCRIPTION),
];

impl Endpoint {
    /// The endpoint of an operation by name (`"create_order"`, `"order_status"`, `"cancel_order"`,
    /// `"refund"`, `"saved_card"`, `"saved_card_distributor"`, `"subscription_history"`,
    /// `"revoke_subscription"`); `None` for any other name.
    ///
    /// ```
    /// use payseal::http::Method;
    /// use payseal::keepz::api::{Endpoint, Placement};
    /// let e = Endpoint::for_operation("order_status").unwrap();
    /// assert_eq!((e.method, e.placement), (Method::Get, Placement::Query));
    /// assert!(Endpoint::for_operation("orderStatus").is_none());
    /// ```
    pub fn for_operation(name: &str) -> Option<Endpoint> {
        Self::lookup(name)
    }

    fn lookup(name: &str) -> Option<Endpoint> {
        OPERATIONS
            .iter()
            .find(|(op, _)| *op == name)
            .map(|(_, endpoint)| *endpoint)
    }

    /// The full URL below `base` (e.g. [`TEST_BASE_URL`]), without a query string. A trailing `/`
    /// on `base` is ignored.
    pub fn url(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_resolve() {
        for (i, (name, endpoint)) in OPERATIONS.iter().enumerate() {
            assert_eq!(Endpoint::for_operation(name), Some(*endpoint));
            assert!(OPERATIONS[..i].iter().all(|(n, _)| n != name));
            let query = matches!(endpoint.method, Method::Get | Method::Delete);
            assert_eq!(endpoint.placement == Placement::Query, query, "{name}");
        }
        assert_eq!(
            CREATE_ORDER.url(&format!("{TEST_BASE_URL}/")),
            "https://gateway.dev.keepz.me/ecommerce-service/api/integrator/order"
        );
    }
}
