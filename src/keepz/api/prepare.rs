//! From a typed request to what a host sends: validated, sealed, placed.

use super::endpoint::{Endpoint, Placement};
use super::request::KeepzRequest;
use crate::error::Result;
use crate::keepz::{Keepz, SealedEnvelope};

/// A sealed request and where it goes. Send [`PreparedRequest::method`] to
/// [`PreparedRequest::url`] with [`PreparedRequest::body`] (if any) as `application/json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    /// The operation's endpoint.
    pub endpoint: Endpoint,
    /// The sealed envelope.
    pub envelope: SealedEnvelope,
}

impl PreparedRequest {
    /// The HTTP method.
    pub fn method(&self) -> &'static str {
        self.endpoint.method.as_str()
    }

    /// The URL below `base`, with the percent-encoded envelope as the query string for GET and
    /// DELETE endpoints.
    pub fn url(&self, base: &str) -> String {
        let url = self.endpoint.url(base);
        match self.endpoint.placement {
            Placement::Body => url,
            Placement::Query => format!("{url}?{}", self.envelope.to_query_string()),
        }
    }

    /// The headers: `Content-Type: application/json` when there is a body, none otherwise.
    pub fn headers(&self) -> &'static [(&'static str, &'static str)] {
        match self.endpoint.placement {
            Placement::Body => &[("Content-Type", "application/json")],
            Placement::Query => &[],
        }
    }

    /// The compact JSON body for POST endpoints; `None` when the envelope is in the query.
    pub fn body(&self) -> Option<String> {
        match self.endpoint.placement {
            Placement::Body => Some(self.envelope.to_json_body()),
            Placement::Query => None,
        }
    }
}

impl Keepz {
    /// Validates `request` ([`KeepzRequest::validate`]), seals it to Keepz's public key and pairs
    /// it with its endpoint.
    ///
    /// ```
    /// use payseal::keepz::Keepz;
    /// use payseal::keepz::api::{OrderStatusRequest, TEST_BASE_URL};
    /// use payseal::keys::PrivateKey;
    /// # fn main() -> payseal::Result<()> {
    /// let id = "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e";
    /// let keepz_key = PrivateKey::generate(2048)?;
    /// let integrator = Keepz::builder()
    ///     .seal_to(keepz_key.public_key().clone())
    ///     .identifier(id)
    ///     .build()?;
    /// let sent = integrator.prepare(&OrderStatusRequest::new(id, "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"))?;
    /// assert_eq!(sent.method(), "GET");
    /// assert!(sent.url(TEST_BASE_URL).contains("/api/integrator/order/status?identifier="));
    /// assert!(sent.body().is_none());
    /// # Ok(()) }
    /// ```
    pub fn prepare<R: KeepzRequest>(&self, request: &R) -> Result<PreparedRequest> {
        self.prepare_at(request, R::ENDPOINT)
    }

    /// [`Keepz::prepare`] for another endpoint with the same payload: the saved card at
    /// [`super::SAVED_CARD_DISTRIBUTOR`], the path one Keepz page gives.
    pub fn prepare_at<R: KeepzRequest>(
        &self,
        request: &R,
        endpoint: Endpoint,
    ) -> Result<PreparedRequest> {
        request.validate()?;
        Ok(PreparedRequest {
            endpoint,
            envelope: self.seal(request)?,
        })
    }
}
