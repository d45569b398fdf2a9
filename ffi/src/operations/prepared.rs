//! A core prepared request, with its base URL, as the ABI's [`Prepared`].

use super::shapes::{ApiKeyHeader, Header, Prepared};
use payseal::keepz::api::{self as keepz_api, Placement};
use payseal::transactpay::api::{self as tp_api, API_KEY_HEADER};

fn headers(pairs: &[(&str, &str)]) -> Vec<Header> {
    pairs
        .iter()
        .map(|(name, value)| Header {
            name: (*name).into(),
            value: (*value).into(),
        })
        .collect()
}

/// A Keepz request for `operation`, sent below `base`.
pub(crate) fn keepz(
    operation: &str,
    prepared: &keepz_api::PreparedRequest,
    base: &str,
) -> Prepared {
    let endpoint = prepared.endpoint;
    Prepared {
        gateway: "keepz".into(),
        operation: operation.into(),
        method: prepared.method().into(),
        url: prepared.url(base),
        path: endpoint.path.into(),
        placement: endpoint.placement.as_str().into(),
        encrypted: true,
        body: prepared.body(),
        query: (endpoint.placement == Placement::Query)
            .then(|| prepared.envelope.to_query_string()),
        headers: headers(prepared.headers()),
        api_key: None,
    }
}

/// A TransactPay request for `operation`, sent below `base`.
pub(crate) fn transactpay(
    operation: &str,
    prepared: tp_api::PreparedRequest,
    base: &str,
) -> Prepared {
    let endpoint = &prepared.endpoint;
    Prepared {
        gateway: "transactpay".into(),
        operation: operation.into(),
        method: prepared.method().into(),
        url: prepared.url(base),
        path: endpoint.path.to_string(),
        placement: Placement::Body.as_str().into(),
        encrypted: endpoint.encrypted,
        headers: headers(&prepared.headers()),
        api_key: Some(ApiKeyHeader {
            header: API_KEY_HEADER.into(),
            key: endpoint.api_key.as_str().into(),
        }),
        query: None,
        body: Some(prepared.body),
    }
}
