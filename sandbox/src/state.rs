//! Everything the sandbox knows: orders of both gateways, saved cards, subscriptions, the log of
//! callbacks and webhooks, and what tests posted to the sink. Each change is written through to
//! the store (memory, or the `--state` SQLite file) as it happens.

use crate::keepz::machine::{KeepzOrder, Subscription};
use crate::notify::Delivery;
use crate::store::Store;
use crate::transactpay::machine::TpOrder;
use payseal::keepz::api::SavedCard;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A card saved by a Keepz order (`saveCard`), found by its token or by the order.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedCardRecord {
    /// The order that saved it.
    pub integrator_order_id: String,
    /// The card as the saved-card operation answers it.
    pub card: SavedCard,
}

/// A body posted to `/_sandbox/sink/{name}`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SinkMessage {
    /// When it arrived (Unix seconds).
    pub at: i64,
    /// Its `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body, as text (lossy for non-UTF-8 bytes).
    pub body: String,
}

/// Settings changed at run time.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// TransactPay's webhook URL (the dashboard setting).
    pub transactpay_webhook: Option<String>,
}

/// The most messages a sink keeps (the oldest go first).
const SINK_LIMIT: usize = 1000;

/// The sandbox's state.
pub struct World {
    /// Keepz orders by lower-case `integratorOrderId`.
    pub keepz_orders: BTreeMap<String, KeepzOrder>,
    /// Saved cards by lower-case token.
    pub cards: BTreeMap<String, SavedCardRecord>,
    /// Keepz subscriptions by id.
    pub subscriptions: BTreeMap<String, Subscription>,
    /// TransactPay orders by `reference`.
    pub tp_orders: BTreeMap<String, TpOrder>,
    /// Every callback and webhook, by id.
    pub deliveries: BTreeMap<u64, Delivery>,
    /// Sinks by name.
    pub sinks: BTreeMap<String, Vec<SinkMessage>>,
    /// Run-time settings.
    pub settings: Settings,
    store: Store,
}

macro_rules! saver {
    ($name:ident, $field:ident, $kind:literal, $key:ty, $value:ty) => {
        /// Inserts or replaces the record and writes it through to the store.
        pub fn $name(&mut self, key: $key, value: $value) {
            self.store.put($kind, &key.to_string(), &value);
            self.$field.insert(key, value);
        }
    };
}

impl World {
    /// The state kept in `store` (empty for a new store).
    pub fn load(store: Store) -> Result<World, String> {
        let mut world = World {
            keepz_orders: store.all("keepz_order")?,
            cards: store.all("saved_card")?,
            subscriptions: store.all("subscription")?,
            tp_orders: store.all("transactpay_order")?,
            deliveries: store
                .all::<Delivery>("delivery")?
                .into_values()
                .map(|d| (d.id, d))
                .collect(),
            sinks: store.all("sink")?,
            settings: Settings::default(),
            store,
        };
        if let Some(settings) = world.store.all::<Settings>("settings")?.remove("settings") {
            world.settings = settings;
        }
        Ok(world)
    }

    saver!(
        put_keepz_order,
        keepz_orders,
        "keepz_order",
        String,
        KeepzOrder
    );
    saver!(put_card, cards, "saved_card", String, SavedCardRecord);
    saver!(
        put_subscription,
        subscriptions,
        "subscription",
        String,
        Subscription
    );
    saver!(
        put_tp_order,
        tp_orders,
        "transactpay_order",
        String,
        TpOrder
    );
    saver!(put_delivery, deliveries, "delivery", u64, Delivery);

    /// Changes the settings and writes them through.
    pub fn set_settings(&mut self, settings: Settings) {
        self.store.put("settings", "settings", &settings);
        self.settings = settings;
    }

    /// Records a sink message.
    pub fn push_sink(&mut self, name: &str, message: SinkMessage) {
        let list = self.sinks.entry(name.to_string()).or_default();
        list.push(message);
        if list.len() > SINK_LIMIT {
            list.remove(0);
        }
        let list = list.clone();
        self.store.put("sink", name, &list);
    }

    /// The next delivery id.
    pub fn next_delivery_id(&self) -> u64 {
        self.deliveries.keys().next_back().map_or(1, |id| id + 1)
    }
}
