//! Where a prepared request goes: the gateway's test or production host, or one the caller
//! names (a test double, the refund host TransactPay gives).

use payseal::error::{Error, ErrorKind, Result};

/// `base_url`: the gateway's test environment (Keepz's `gateway.dev.keepz.me`; TransactPay has
/// one host for both, the key decides). 0, so that a forgotten argument never reaches production.
pub const PAYSEAL_BASE_URL_TEST: u32 = 0;
/// `base_url`: the gateway's production environment.
pub const PAYSEAL_BASE_URL_PRODUCTION: u32 = 1;
/// `base_url`: the URL given as `custom_base_url` (`https://` or `http://`, a host and an
/// optional path; no query or fragment).
pub const PAYSEAL_BASE_URL_CUSTOM: u32 = 2;

/// Every choice with its name, for the description.
pub(crate) const BASE_URLS: [(&str, u32, &str); 3] = [
    ("PAYSEAL_BASE_URL_TEST", PAYSEAL_BASE_URL_TEST, "test"),
    (
        "PAYSEAL_BASE_URL_PRODUCTION",
        PAYSEAL_BASE_URL_PRODUCTION,
        "production",
    ),
    ("PAYSEAL_BASE_URL_CUSTOM", PAYSEAL_BASE_URL_CUSTOM, "custom"),
];

/// A gateway's own hosts.
pub(crate) struct GatewayUrls {
    pub(crate) test: &'static str,
    pub(crate) production: &'static str,
}

/// Keepz's hosts.
pub(crate) const KEEPZ: GatewayUrls = GatewayUrls {
    test: payseal::keepz::api::TEST_BASE_URL,
    production: payseal::keepz::api::PRODUCTION_BASE_URL,
};

/// TransactPay's host (one for test and live).
pub(crate) const TRANSACTPAY: GatewayUrls = GatewayUrls {
    test: payseal::transactpay::api::BASE_URL,
    production: payseal::transactpay::api::BASE_URL,
};

/// The base URL `choice` picks; `custom` must be given exactly for [`PAYSEAL_BASE_URL_CUSTOM`].
pub(crate) fn choose(urls: &GatewayUrls, choice: u32, custom: Option<&str>) -> Result<String> {
    let invalid = |message: String| Error::new(ErrorKind::InvalidArgument, message);
    match (choice, custom) {
        (PAYSEAL_BASE_URL_TEST, None) => Ok(urls.test.to_string()),
        (PAYSEAL_BASE_URL_PRODUCTION, None) => Ok(urls.production.to_string()),
        (PAYSEAL_BASE_URL_CUSTOM, Some(url)) => {
            payseal::http::check_base_url(url)?;
            Ok(url.to_string())
        }
        (PAYSEAL_BASE_URL_CUSTOM, None) => Err(invalid(
            "PAYSEAL_BASE_URL_CUSTOM needs custom_base_url".into(),
        )),
        (PAYSEAL_BASE_URL_TEST | PAYSEAL_BASE_URL_PRODUCTION, Some(_)) => Err(invalid(
            "custom_base_url is given but base_url is not PAYSEAL_BASE_URL_CUSTOM".into(),
        )),
        (other, _) => Err(invalid(format!(
            "unknown base_url {other} (PAYSEAL_BASE_URL_TEST 0, _PRODUCTION 1, _CUSTOM 2)"
        ))),
    }
}
