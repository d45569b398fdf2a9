//! Timing evidence for the open path (not a CI test): a dudect-style Welch t-test on the time one
//! `open` takes for different classes of *failing* envelopes. If the classes cannot be told apart
//! by timing, |t| stays small; dudect's rule of thumb: |t| > 4.5 suggests a leak, |t| > 10 is
//! conclusive (with enough samples).
//!
//! Run: `cargo bench --bench timing [--features rustcrypto] -- [samples per class]`
//! (default 3000). Classes are interleaved in random order so that drift in machine load hits
//! every class alike; each t is computed on the raw samples and on samples cropped at several
//! percentiles (dudect's treatment of the long right tail of a noisy machine).

use payseal::Backend;
use payseal::RsaPadding;
use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::keys::{KeyOptions, PrivateKey, PublicKey};
use payseal::transactpay::TransactPay;
use std::time::Instant;

const PRIVATE: &str = include_str!("../tests/keys/rsa2048.pkcs8.pem");
const PUBLIC: &str = include_str!("../tests/keys/rsa2048.spki.pem");

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Welch's t statistic of two samples.
fn welch_t(a: &[f64], b: &[f64]) -> f64 {
    let mean = |x: &[f64]| x.iter().sum::<f64>() / x.len() as f64;
    let var = |x: &[f64], m: f64| {
        x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
    };
    let (ma, mb) = (mean(a), mean(b));
    let (va, vb) = (var(a, ma), var(b, mb));
    (ma - mb) / (va / a.len() as f64 + vb / b.len() as f64).sqrt()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p) as usize]
}

fn median(x: &[f64]) -> f64 {
    let mut s = x.to_vec();
    s.sort_by(f64::total_cmp);
    percentile(&s, 0.5)
}

/// t on raw samples and on samples below a few common thresholds (taken over both classes).
fn t_values(a: &[f64], b: &[f64]) -> Vec<(String, f64)> {
    let mut all: Vec<f64> = a.iter().chain(b).copied().collect();
    all.sort_by(f64::total_cmp);
    let mut out = vec![("raw".to_string(), welch_t(a, b))];
    for p in [0.5, 0.75, 0.9, 0.99] {
        let cut = percentile(&all, p);
        let ca: Vec<f64> = a.iter().copied().filter(|v| *v <= cut).collect();
        let cb: Vec<f64> = b.iter().copied().filter(|v| *v <= cut).collect();
        if ca.len() > 10 && cb.len() > 10 {
            out.push((format!("p{}", (p * 100.0) as u32), welch_t(&ca, &cb)));
        }
    }
    out
}

/// One class: a name and the body; `open` must fail with CannotOpen for it.
struct Class {
    name: &'static str,
    body: Vec<u8>,
}

fn measure(
    title: &str,
    open: &dyn Fn(&[u8]) -> payseal::Result<payseal::Plaintext>,
    classes: &[Class],
    n: usize,
) {
    for c in classes {
        let e = open(&c.body).expect_err(c.name);
        assert_eq!(e.kind(), payseal::ErrorKind::CannotOpen, "{}: {e}", c.name);
    }
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(n); classes.len()];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    // warm-up
    for c in classes {
        for _ in 0..50 {
            let _ = std::hint::black_box(open(std::hint::black_box(&c.body)));
        }
    }
    let started = Instant::now();
    for _ in 0..n * classes.len() {
        let i = loop {
            let i = (rng.next() % classes.len() as u64) as usize;
            if samples[i].len() < n {
                break i;
            }
        };
        let body = &classes[i].body;
        let t0 = Instant::now();
        let r = std::hint::black_box(open(std::hint::black_box(body)));
        let dt = t0.elapsed();
        drop(r);
        samples[i].push(dt.as_nanos() as f64);
    }
    println!(
        "\n## {title}  ({n} samples per class, {:.0} s)",
        started.elapsed().as_secs_f64()
    );
    for (c, s) in classes.iter().zip(&samples) {
        println!("  {:<34} median {:>9.1} µs", c.name, median(s) / 1000.0);
    }
    for i in 0..classes.len() {
        for j in i + 1..classes.len() {
            let ts = t_values(&samples[i], &samples[j]);
            let max = ts.iter().map(|(_, t)| t.abs()).fold(0.0, f64::max);
            let list: Vec<String> = ts.iter().map(|(k, t)| format!("{k} {t:+.2}")).collect();
            println!(
                "  t({} vs {}): {}   max|t| {:.2} {}",
                classes[i].name,
                classes[j].name,
                list.join(", "),
                max,
                if max > 10.0 {
                    "LEAK"
                } else if max > 4.5 {
                    "suspicious"
                } else {
                    "ok"
                }
            );
        }
    }
}

fn flip(text: &str, at: usize) -> String {
    let mut b = text.as_bytes().to_vec();
    b[at] = if b[at] == b'A' { b'B' } else { b'A' };
    String::from_utf8(b).unwrap()
}

fn envelope(data: &str, keys: &str) -> Vec<u8> {
    serde_json::json!({"encryptedData": data, "encryptedKeys": keys, "aes": true})
        .to_string()
        .into_bytes()
}

/// Three failing hybrid bodies of identical length: a bad RSA block, a bad CBC padding and bad
/// JSON, each checked with the diagnostic to fail for exactly that reason.
fn hybrid_classes(sender: &Keepz, receiver: &Keepz) -> Vec<Class> {
    let payload = br#"{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS","amount":10.5}"#;
    let sealed = sender.seal_bytes(payload).unwrap();
    let data = sealed.encrypted_data.clone();
    let keys = sealed.encrypted_keys.clone().unwrap();
    let ct = base64_decode(&data);
    assert!(ct.len() >= 48);
    let reason = |body: &[u8]| receiver.diagnose(body).unwrap().reason.unwrap_or_default();
    // bad RSA block: a byte in the middle of the block changed
    let bad_rsa = envelope(&data, &flip(&keys, keys.len() / 2));
    let r = reason(&bad_rsa);
    assert!(r.contains("key block") || r.contains("key string"), "{r}");
    // bad CBC padding: the last byte of the penultimate block changed (changes the last
    // plaintext byte, i.e. the padding length byte)
    let mut bad_pad = None;
    for delta in 1..=255u8 {
        let mut c = ct.clone();
        let at = c.len() - 17;
        c[at] ^= delta;
        let body = envelope(&base64_encode(&c), &keys);
        if reason(&body).contains("PKCS#7 padding") {
            bad_pad = Some(body);
            break;
        }
    }
    let bad_pad = bad_pad.expect("a bad-padding variant");
    // bad JSON: the first block garbled (padding intact)
    let mut c = ct.clone();
    c[0] ^= 0x55;
    let bad_json = envelope(&base64_encode(&c), &keys);
    let r = reason(&bad_json);
    assert!(r.contains("JSON") || r.contains("UTF-8"), "{r}");
    assert_eq!(bad_rsa.len(), bad_pad.len());
    assert_eq!(bad_rsa.len(), bad_json.len());
    vec![
        Class {
            name: "bad RSA block",
            body: bad_rsa,
        },
        Class {
            name: "bad CBC padding",
            body: bad_pad,
        },
        Class {
            name: "bad JSON plaintext",
            body: bad_json,
        },
    ]
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(b)
}

fn run(backend: Backend, n: usize) {
    let options = KeyOptions::with_backend(backend);
    let private = PrivateKey::parse_with(PRIVATE, &options).unwrap();
    let public = PublicKey::parse_with(PUBLIC, &options).unwrap();
    println!("\n# backend {} (2048-bit key)", backend.name());

    for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
        let sender = Keepz::builder()
            .seal_to(public.clone())
            .padding(padding)
            .build()
            .unwrap();
        let receiver = Keepz::builder()
            .open_with(private.clone())
            .padding(padding)
            .build()
            .unwrap();
        let classes = hybrid_classes(&sender, &receiver);
        measure(
            &format!("{} Keepz hybrid, {}", backend.name(), padding.name()),
            &|b| receiver.open(b),
            &classes,
            n,
        );
    }

    // PKCS#1 v1.5 one-block modes (Keepz legacy, TransactPay): a bad padding versus a valid
    // padding around a plaintext that is not accepted (a Keepz key string: not JSON).
    let pkcs1_sender = Keepz::builder()
        .seal_to(public.clone())
        .padding(RsaPadding::Pkcs1v15)
        .build()
        .unwrap();
    let key_block = pkcs1_sender
        .seal_bytes(b"{}")
        .unwrap()
        .encrypted_keys
        .unwrap();
    let legacy = Keepz::builder()
        .open_with(private.clone())
        .mode(EnvelopeMode::Legacy)
        .build()
        .unwrap();
    let body = |data: &str| {
        serde_json::json!({ "encryptedData": data })
            .to_string()
            .into_bytes()
    };
    let good_json = Keepz::builder()
        .seal_to(public.clone())
        .mode(EnvelopeMode::Legacy)
        .build()
        .unwrap()
        .seal_bytes(br#"{"ok":true}"#)
        .unwrap()
        .encrypted_data;
    let classes = vec![
        Class {
            name: "bad PKCS#1 padding",
            body: body(&flip(&key_block, key_block.len() / 2)),
        },
        Class {
            name: "valid padding, not JSON",
            body: body(&key_block),
        },
        Class {
            name: "bad padding (other block)",
            body: body(&flip(&good_json, good_json.len() / 2)),
        },
    ];
    measure(
        &format!("{} Keepz legacy (PKCS#1 v1.5)", backend.name()),
        &|b| legacy.open(b),
        &classes,
        n,
    );

    let tp = TransactPay::builder()
        .open_with(private.clone())
        .build()
        .unwrap();
    let tbody = |data: &str| serde_json::json!({ "data": data }).to_string().into_bytes();
    let array = Keepz::builder()
        .seal_to(public.clone())
        .mode(EnvelopeMode::Legacy)
        .build()
        .unwrap()
        .seal_bytes(br#"["not","an","object"]"#)
        .unwrap()
        .encrypted_data;
    let classes = vec![
        Class {
            name: "bad PKCS#1 padding",
            body: tbody(&flip(&key_block, key_block.len() / 2)),
        },
        Class {
            name: "valid padding, not JSON",
            body: tbody(&key_block),
        },
        Class {
            name: "valid padding, JSON array",
            body: tbody(&array),
        },
    ];
    measure(
        &format!("{} TransactPay (PKCS#1 v1.5)", backend.name()),
        &|b| tp.open(b),
        &classes,
        n,
    );
}

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(3000);
    let only = std::env::var("PAYSEAL_TIMING_BACKEND").ok();
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average at start: {}", load.trim());
    }
    for backend in Backend::available() {
        if only.as_deref().is_some_and(|o| o != backend.name()) {
            continue;
        }
        run(backend, n);
    }
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("\nload average at end: {}", load.trim());
    }
}
