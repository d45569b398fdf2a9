//! What the sandbox's tests share: the sandbox binary started on a free loopback port (killed
//! when dropped), an HTTP client, and a receiver for callbacks and webhooks.
#![allow(dead_code)] // each test binary uses a part

pub mod receiver;

use payseal::keepz::Keepz;
use payseal::keepz::api::KeepzRequest;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long the sandbox may take to start (key generation included).
const START_TIMEOUT: Duration = Duration::from_secs(120);

/// A running sandbox.
pub struct Sandbox {
    child: Child,
    /// The ready line.
    pub ready: Value,
    /// The keys directory.
    pub keys_dir: PathBuf,
}

impl Sandbox {
    /// Starts one with fresh 2048-bit keys in `dir` (and `extra` arguments).
    pub fn start(dir: &Path, extra: &[&str]) -> Sandbox {
        Sandbox::start_with_keys(dir, &dir.join("keys"), extra)
    }

    /// Starts one on the keys in `keys_dir` (generated there when missing).
    pub fn start_with_keys(dir: &Path, keys_dir: &Path, extra: &[&str]) -> Sandbox {
        let ready_file = dir.join(format!("ready-{}.json", std::process::id()));
        let _ = std::fs::remove_file(&ready_file);
        let child = Command::new(env!("CARGO_BIN_EXE_payseal-sandbox"))
            .args(["--host", "127.0.0.1", "--port", "0", "--key-bits", "2048"])
            .arg("--keys-dir")
            .arg(keys_dir)
            .arg("--ready-file")
            .arg(&ready_file)
            .args(["--delivery-retry-ms", "50", "--refund-settle-ms", "100"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the sandbox binary starts");
        let mut sandbox = Sandbox {
            child,
            ready: Value::Null,
            keys_dir: keys_dir.to_path_buf(),
        };
        let started = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&ready_file) {
                sandbox.ready = serde_json::from_str(&text).expect("the ready file is JSON");
                return sandbox;
            }
            if let Ok(Some(status)) = sandbox.child.try_wait() {
                panic!("the sandbox exited before it was ready: {status}");
            }
            assert!(
                started.elapsed() < START_TIMEOUT,
                "the sandbox did not start in time"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The base URL (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> String {
        self.ready["url"].as_str().unwrap().to_string()
    }

    /// Keepz's base URL (`…/ecommerce-service`).
    pub fn keepz_url(&self) -> String {
        self.ready["keepz"]["baseUrl"].as_str().unwrap().to_string()
    }

    /// The integrator id.
    pub fn integrator_id(&self) -> String {
        self.ready["keepz"]["integratorId"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A key file named in the ready line.
    pub fn key_file(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.ready["keys"][name].as_str().unwrap()).unwrap()
    }

    /// The integrator's handle, from the files as an integration would read them.
    pub fn integrator(&self) -> Keepz {
        Keepz::integrator(
            self.key_file("keepzPublic"),
            self.key_file("integratorPrivate"),
            &self.integrator_id(),
        )
        .unwrap()
    }

    /// Stops it (SIGKILL: nothing is left for a graceful shutdown to save).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.kill();
    }
}

/// An HTTP answer.
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: String,
}

/// A plain-HTTP client that reports every status as an answer (no proxy, 10 s per call).
pub fn agent() -> ureq::Agent {
    agent_with_timeout(Duration::from_secs(10))
}

/// The same, with another time limit.
pub fn agent_with_timeout(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

fn answer(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = result.expect("the sandbox answers");
    Answer {
        status: response.status().as_u16(),
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

/// Sends `method` to `url` with an optional JSON body and headers.
pub fn send(method: &str, url: &str, body: Option<&str>, headers: &[(&str, &str)]) -> Answer {
    let agent = agent();
    let result = match (method, body) {
        ("GET", _) => {
            let mut r = agent.get(url);
            for (k, v) in headers {
                r = r.header(*k, *v);
            }
            r.call()
        }
        ("DELETE", _) => {
            let mut r = agent.delete(url);
            for (k, v) in headers {
                r = r.header(*k, *v);
            }
            r.call()
        }
        (_, body) => {
            let mut r = agent.post(url).header("content-type", "application/json");
            for (k, v) in headers {
                r = r.header(*k, *v);
            }
            r.send(body.unwrap_or(""))
        }
    };
    answer(result)
}

/// Posts a form (what the checkout page's buttons send).
pub fn post_form(url: &str, fields: &[(&str, &str)]) -> Answer {
    answer(agent().post(url).send_form(fields.iter().copied()))
}

/// A control-API call: its JSON answer (the status must be 2xx).
pub fn control(sandbox: &Sandbox, method: &str, path: &str, body: Option<&str>) -> Value {
    let url = format!("{}/_sandbox{path}", sandbox.url());
    let answer = match method {
        "PUT" => {
            let agent = agent();
            self::answer(
                agent
                    .put(&url)
                    .header("content-type", "application/json")
                    .send(body.unwrap_or("")),
            )
        }
        _ => send(method, &url, body, &[]),
    };
    assert!(
        (200..300).contains(&answer.status),
        "{method} {path}: HTTP {} {}",
        answer.status,
        answer.body
    );
    if answer.body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&answer.body).unwrap()
    }
}

/// Waits (at most 10 s) until `check` returns something.
pub fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let started = Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Sends a typed Keepz request: validated and sealed by payseal, answered by the sandbox, read back
/// by payseal.
pub fn keepz_call<R: KeepzRequest>(
    sandbox: &Sandbox,
    keepz: &Keepz,
    request: &R,
) -> payseal::Result<R::Response> {
    let prepared = keepz.prepare(request)?;
    let answer = send(
        prepared.method(),
        &prepared.url(&sandbox.keepz_url()),
        prepared.body().as_deref(),
        &[],
    );
    keepz.parse_response::<R>(answer.status, answer.body.as_bytes())
}

/// The log entry of the first delivery about `about`, once it is in `state`.
pub fn delivery(sandbox: &Sandbox, about: &str, state: &str) -> Value {
    wait_for(&format!("a {state} delivery about {about}"), || {
        let log = control(sandbox, "GET", &format!("/deliveries?about={about}"), None);
        (log[0]["state"] == state).then(|| log[0].clone())
    })
}
