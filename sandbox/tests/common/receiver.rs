//! A callback and webhook receiver for the tests: an axum server on a free loopback port that
//! records every POST and answers with the statuses it is told (then 200).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// What the receiver saw and will answer.
#[derive(Default)]
struct Inner {
    bodies: Vec<String>,
    statuses: VecDeque<u16>,
}

/// A running receiver (its runtime stops when dropped).
pub struct Receiver {
    inner: Arc<Mutex<Inner>>,
    /// Its URL, e.g. `http://127.0.0.1:PORT/hook`.
    pub url: String,
    _runtime: tokio::runtime::Runtime,
}

impl Receiver {
    /// Starts one that answers 200.
    pub fn start() -> Receiver {
        Receiver::answering(&[])
    }

    /// Starts one that answers `statuses` first, then 200.
    pub fn answering(statuses: &[u16]) -> Receiver {
        let inner = Arc::new(Mutex::new(Inner {
            bodies: Vec::new(),
            statuses: statuses.iter().copied().collect(),
        }));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let state = Arc::clone(&inner);
        let app = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |body: String| {
                let state = Arc::clone(&state);
                async move {
                    let mut inner = state.lock().unwrap();
                    inner.bodies.push(body);
                    let status = inner.statuses.pop_front().unwrap_or(200);
                    axum::http::StatusCode::from_u16(status).unwrap()
                }
            }),
        );
        runtime.spawn(async move { axum::serve(listener, app).await });
        Receiver {
            inner,
            url,
            _runtime: runtime,
        }
    }

    /// Every body received so far.
    pub fn bodies(&self) -> Vec<String> {
        self.inner.lock().unwrap().bodies.clone()
    }

    /// Waits for the `n`-th body (1-based) and returns it.
    pub fn wait_for(&self, n: usize) -> String {
        super::wait_for(&format!("body {n} at the receiver"), || {
            self.bodies().get(n - 1).cloned()
        })
    }
}
