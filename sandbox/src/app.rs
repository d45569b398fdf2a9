//! The running sandbox: both gateways' handles, the state, the faults, the delivery queue.

use crate::config::Config;
use crate::faults::Faults;
use crate::keys::KeySet;
use crate::notify::DeliveryQueue;
use crate::state::World;
use payseal::RsaPadding;
use payseal::keepz::Keepz;
use payseal::keys::PrivateKey;
use payseal::transactpay::TransactPay;
use std::sync::{Mutex, MutexGuard};

/// Shared by every request handler (behind an `Arc`).
pub struct App {
    /// Keepz's side: opens requests with Keepz's private key, seals answers and callbacks to the
    /// integrator's public key.
    pub keepz: Keepz,
    /// The same, sealing to a throw-away key instead (the `wrong-key` fault).
    pub keepz_wrong_key: Keepz,
    /// TransactPay's side: opens `{"data"}` bodies with its private key.
    pub transactpay: TransactPay,
    /// The integrator id requests must carry.
    pub integrator_id: String,
    /// TransactPay's public API key.
    pub tp_public_key: String,
    /// TransactPay's secret API key.
    pub tp_secret_key: String,
    /// The base URL checkout links start with.
    pub public_url: String,
    /// The ready line (also `GET /_sandbox`).
    pub ready: serde_json::Value,
    /// How it was started.
    pub config: Config,
    /// The state.
    world: Mutex<World>,
    /// Queued faults.
    faults: Mutex<Faults>,
    /// Callbacks and webhooks to send.
    pub deliveries: DeliveryQueue,
}

/// A poisoned lock only means another handler panicked; the state itself stays usable.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// The RSA padding named on the command line.
pub fn padding(name: &str) -> Result<RsaPadding, String> {
    match name {
        "oaep" | "oaep-sha256" => Ok(RsaPadding::OaepSha256),
        "pkcs1v15" | "pkcs1" => Ok(RsaPadding::Pkcs1v15),
        other => Err(format!(
            "--keepz-padding {other:?}: expected oaep or pkcs1v15"
        )),
    }
}

impl App {
    /// Builds the handles from the keys.
    pub fn new(
        config: Config,
        keys: KeySet,
        world: World,
        public_url: String,
        ready: serde_json::Value,
        deliveries: DeliveryQueue,
    ) -> Result<App, String> {
        let fail = |e: payseal::Error| e.to_string();
        let padding = padding(&config.keepz_padding)?;
        let keepz = Keepz::builder()
            .open_with(keys.keepz_private.clone())
            .seal_to(keys.integrator_public.clone())
            .padding(padding)
            .build()
            .map_err(fail)?;
        let stranger = PrivateKey::generate(2048).map_err(fail)?;
        let keepz_wrong_key = Keepz::builder()
            .seal_to(stranger.public_key().clone())
            .padding(padding)
            .build()
            .map_err(fail)?;
        let transactpay = TransactPay::builder()
            .open_with(keys.transactpay_private.clone())
            .build()
            .map_err(fail)?;
        let mut faults = Faults::default();
        for spec in &config.faults {
            faults.push(spec.clone())?;
        }
        Ok(App {
            keepz,
            keepz_wrong_key,
            transactpay,
            integrator_id: keys.integrator_id,
            tp_public_key: keys.transactpay_public_key,
            tp_secret_key: keys.transactpay_secret_key,
            public_url,
            ready,
            config,
            world: Mutex::new(world),
            faults: Mutex::new(faults),
            deliveries,
        })
    }

    /// The state, locked. Never held across an `.await`.
    pub fn world(&self) -> MutexGuard<'_, World> {
        lock(&self.world)
    }

    /// The fault queue, locked.
    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.faults)
    }
}
