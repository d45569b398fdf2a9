//! Starting the sandbox: keys, state, the listener, the routes, the background tasks, the ready
//! line; and stopping it on SIGINT or SIGTERM.

use crate::app::App;
use crate::config::Config;
use crate::state::{Settings, World};
use crate::store::Store;
use crate::{checkout, control, keepz, keys, notify, ready, transactpay};
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::MethodFilter;
use std::io::Write;
use std::sync::Arc;

/// The axum method filter of one of payseal's endpoint methods.
fn method_filter(method: payseal::http::Method) -> MethodFilter {
    match method {
        payseal::http::Method::Get => MethodFilter::GET,
        payseal::http::Method::Delete => MethodFilter::DELETE,
        _ => MethodFilter::POST,
    }
}

/// Adds `handler` at `path` for one of payseal's endpoint methods: the gateways' routes come from
/// payseal's endpoint tables, never from a second list.
pub fn route<H, T>(
    router: Router<Arc<App>>,
    path: &str,
    method: payseal::http::Method,
    handler: H,
) -> Router<Arc<App>>
where
    H: axum::handler::Handler<T, Arc<App>>,
    T: 'static,
{
    router.route(path, axum::routing::on(method_filter(method), handler))
}

/// Every route of the sandbox.
fn router(app: Arc<App>) -> Router {
    Router::new()
        .merge(keepz::routes())
        .merge(transactpay::routes())
        .merge(checkout::routes())
        .merge(control::routes())
        .fallback(not_found)
        .with_state(app)
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(serde_json::json!({"error": "no such endpoint in the payseal sandbox"})),
    )
        .into_response()
}

/// Runs the sandbox until SIGINT or SIGTERM.
pub fn run(config: Config) -> Result<(), String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?
        .block_on(serve(config))
}

async fn serve(config: Config) -> Result<(), String> {
    let for_keys = config.clone();
    let keys = tokio::task::spawn_blocking(move || keys::load_or_create(&for_keys))
        .await
        .map_err(|e| e.to_string())??;
    let store = match &config.state {
        Some(path) => Store::open(path)?,
        None => Store::Memory,
    };
    let mut world = World::load(store)?;
    if config.transactpay_webhook.is_some() {
        world.set_settings(Settings {
            transactpay_webhook: config.transactpay_webhook.clone(),
        });
    }

    let listener = tokio::net::TcpListener::bind((config.host, config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let url = format!("http://{address}");
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| url.clone())
        .trim_end_matches('/')
        .to_string();
    let ready = ready::line(&url, &public_url, &keys, &config);

    let (queue, deliveries) = notify::queue();
    let ready_file = config.ready_file.clone();
    let app = Arc::new(App::new(
        config,
        keys,
        world,
        public_url,
        ready.clone(),
        queue,
    )?);
    tokio::spawn(notify::run_worker(Arc::clone(&app), deliveries));
    notify::requeue_pending(&app);
    tokio::spawn(keepz::events::run_expiry(Arc::clone(&app)));

    let line = ready.to_string();
    if let Some(path) = &ready_file {
        ready::write_file(path, &line)?;
    }
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
    eprintln!(
        "payseal-sandbox: listening on {url} (Keepz {url}{}, TransactPay {url}, control {url}/_sandbox)",
        keepz::PREFIX
    );
    if !address.ip().is_loopback() {
        eprintln!(
            "payseal-sandbox: warning: listening beyond loopback ({address}); anyone who can reach it can use it"
        );
    }

    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| e.to_string())
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => return interrupt.await.unwrap_or(()),
            };
        tokio::select! {
            _ = interrupt => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    interrupt.await.unwrap_or(());
}
