//! Timing evidence for the open path (not a CI test): a dudect-style Welch t-test on the time one
//! `open` takes for different classes of *failing* envelopes. If the classes cannot be told apart
//! by timing, |t| stays small; dudect's rule of thumb: |t| > 4.5 suggests a leak, |t| > 10 is
//! conclusive (with enough samples).
//!
//! Run: `cargo bench --bench timing [--features rustcrypto] -- [samples per class] [group]`
//! (default 3000 samples; `group` runs only the groups whose title contains it). Classes are
//! interleaved in random order so that drift in machine load hits every class alike; each t is
//! computed on the raw samples and on samples cropped at several percentiles (dudect's treatment of
//! the long right tail of a noisy machine).
//!
//! The groups (all bodies in one group have the same length, and all must fail with `CannotOpen`):
//! - small hybrid envelopes: a bad RSA block, a bad CBC padding, bad JSON;
//! - PKCS#1 v1.5 key blocks broken the ways Marvin/Bleichenbacher probe them (first byte, second
//!   byte, no separator, short padding string, valid padding around a message of the wrong length);
//! - long CBC plaintexts (16 KiB, 256 KiB): garbage in the first block versus garbage in the last
//!   blocks after a long valid prefix — the signal of a check that stops at the first bad byte;
//! - Keepz legacy and TransactPay blocks: the same PKCS#1 defects, valid padding around text that
//!   is not accepted;
//! - a **positive control**: one class opened by a deliberately leaky variant that takes a fixed
//!   extra time (25 ns to 10 µs), so the effect size this run can detect is measured, not assumed.
//!   Each group also prints the raw difference that would reach |t| = 4.5 at its sample size.

#[path = "../tests/forge/mod.rs"]
mod forge;

use forge::{Forge, Pkcs1Defect, garble_block_from_end, json_of_len};
use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use payseal::{Backend, RsaPadding};
use std::hint::black_box;
use std::time::Instant;

const PRIVATE: &str = include_str!("../tests/keys/rsa2048.pkcs8.pem");
const PUBLIC: &[u8] = include_bytes!("../tests/keys/rsa2048.spki.pem");

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn mean(x: &[f64]) -> f64 {
    x.iter().sum::<f64>() / x.len() as f64
}

fn variance(x: &[f64]) -> f64 {
    let m = mean(x);
    x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (x.len() as f64 - 1.0)
}

/// Welch's t statistic of two samples.
fn welch_t(a: &[f64], b: &[f64]) -> f64 {
    (mean(a) - mean(b)) / (variance(a) / a.len() as f64 + variance(b) / b.len() as f64).sqrt()
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

/// Busy work of a calibrated length: the positive control's deliberate leak.
struct Spin {
    iterations_per_ns: f64,
}

impl Spin {
    fn calibrate() -> Spin {
        let n = 20_000_000u64;
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t0 = Instant::now();
            Spin::run(n);
            best = best.min(t0.elapsed().as_nanos() as f64);
        }
        Spin {
            iterations_per_ns: n as f64 / best,
        }
    }

    fn run(iterations: u64) {
        for i in 0..iterations {
            black_box(i);
        }
    }

    fn ns(&self, ns: u64) {
        Spin::run((ns as f64 * self.iterations_per_ns) as u64);
    }
}

/// One class: a name, the body, and (positive control only) extra nanoseconds of deliberate leak.
struct Class {
    name: String,
    body: Vec<u8>,
    leak_ns: u64,
}

fn class(name: impl Into<String>, body: Vec<u8>) -> Class {
    Class {
        name: name.into(),
        body,
        leak_ns: 0,
    }
}

type Open<'a> = &'a dyn Fn(&[u8]) -> payseal::Result<payseal::Plaintext>;

/// Measures the classes interleaved and prints medians and t values: between every pair, or (for
/// the positive control) of every class against the first.
fn measure(title: &str, open: Open, classes: &[Class], n: usize, spin: &Spin, only_first: bool) {
    for c in classes {
        let e = open(&c.body).expect_err(&c.name);
        assert_eq!(e.kind(), payseal::ErrorKind::CannotOpen, "{}: {e}", c.name);
        assert_eq!(c.body.len(), classes[0].body.len(), "{}", c.name);
    }
    let mut samples: Vec<Vec<f64>> = vec![Vec::with_capacity(n); classes.len()];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for c in classes {
        for _ in 0..20 {
            let _ = black_box(open(black_box(&c.body)));
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
        let c = &classes[i];
        let t0 = Instant::now();
        let r = black_box(open(black_box(&c.body)));
        if c.leak_ns > 0 {
            spin.ns(c.leak_ns);
        }
        let dt = t0.elapsed();
        drop(r);
        samples[i].push(dt.as_nanos() as f64);
    }
    println!(
        "\n## {title}  ({n} samples per class, {:.0} s, body {} bytes)",
        started.elapsed().as_secs_f64(),
        classes[0].body.len()
    );
    for (c, s) in classes.iter().zip(&samples) {
        println!(
            "  {:<44} median {:>9.1} µs  mean {:>9.1} µs",
            c.name,
            median(s) / 1000.0,
            mean(s) / 1000.0
        );
    }
    // The mean difference that would give |t| = 4.5 between the first two classes, raw and cropped.
    let detectable: Vec<String> = [1.0, 0.5, 0.75, 0.9]
        .iter()
        .map(|&p| {
            let mut all: Vec<f64> = samples[0].iter().chain(&samples[1]).copied().collect();
            all.sort_by(f64::total_cmp);
            let cut = percentile(&all, p);
            let crop = |x: &[f64]| {
                x.iter()
                    .copied()
                    .filter(|v| *v <= cut)
                    .collect::<Vec<f64>>()
            };
            let (a, b) = (crop(&samples[0]), crop(&samples[1]));
            let se = (variance(&a) / a.len() as f64 + variance(&b) / b.len() as f64).sqrt();
            let label = if p == 1.0 {
                "raw".to_string()
            } else {
                format!("p{}", (p * 100.0) as u32)
            };
            format!("{label} {:.0} ns", 4.5 * se)
        })
        .collect();
    println!(
        "  mean difference that would reach |t| = 4.5: {}",
        detectable.join(", ")
    );
    for i in 0..classes.len() {
        for j in i + 1..classes.len() {
            if only_first && i > 0 {
                continue;
            }
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

const DEFECTS: [Pkcs1Defect; 4] = [
    Pkcs1Defect::FirstByte,
    Pkcs1Defect::SecondByte,
    Pkcs1Defect::NoSeparator,
    Pkcs1Defect::ShortPadding,
];

/// Small hybrid envelopes: a bad RSA block, a bad CBC padding, bad JSON; with PKCS#1 v1.5 also
/// the Marvin-style key blocks.
fn small_hybrid(forge: &Forge, padding: RsaPadding) -> Vec<Class> {
    let key_block = forge.rsa(padding, &Forge::key_string());
    let payload = json_of_len(96);
    let data = Forge::aes(&payload, true);
    let mut bad_rsa = key_block.clone();
    bad_rsa[forge.k / 2] ^= 1;
    // 96 bytes: the padding is a whole block of 0x10. Flipping bit 4 of the penultimate block's
    // last byte turns the last plaintext byte into 0x00, an invalid padding length.
    let mut bad_pad = data.clone();
    let at = bad_pad.len() - 17;
    bad_pad[at] ^= 0x10;
    let mut bad_json = data.clone();
    bad_json[0] ^= 0x55;
    let mut classes = vec![
        class("bad RSA block", Forge::hybrid_body(&data, &bad_rsa)),
        class("bad CBC padding", Forge::hybrid_body(&bad_pad, &key_block)),
        class(
            "bad JSON (first block)",
            Forge::hybrid_body(&bad_json, &key_block),
        ),
    ];
    if padding == RsaPadding::Pkcs1v15 {
        for defect in DEFECTS {
            let block = forge.pkcs1_with(defect, &Forge::key_string());
            classes.push(class(
                format!("PKCS#1 {defect:?}"),
                Forge::hybrid_body(&data, &block),
            ));
        }
        for len in [68, 70] {
            let mut text = Forge::key_string();
            text.resize(len, b'A');
            classes.push(class(
                format!("valid PKCS#1, {len}-byte message"),
                Forge::hybrid_body(&data, &forge.rsa(padding, &text)),
            ));
        }
    }
    classes
}

/// Long hybrid envelopes: a bad RSA block, a bad padding, garbage in the first block, garbage in
/// the last blocks after a valid prefix of (nearly) `size` bytes.
fn long_hybrid(forge: &Forge, size: usize) -> Vec<Class> {
    let key_block = forge.rsa(RsaPadding::OaepSha256, &Forge::key_string());
    let data = Forge::aes(&json_of_len(size), true); // whole blocks: padding of 0x10, as above
    let mut bad_rsa = key_block.clone();
    bad_rsa[forge.k / 2] ^= 1;
    let mut bad_pad = data.clone();
    let at = bad_pad.len() - 17;
    bad_pad[at] ^= 0x10;
    vec![
        class("bad RSA block", Forge::hybrid_body(&data, &bad_rsa)),
        class("bad CBC padding", Forge::hybrid_body(&bad_pad, &key_block)),
        class(
            "garbage in the first block",
            Forge::hybrid_body(&garble_block_from_end(&data, data.len() / 16), &key_block),
        ),
        class(
            "valid prefix, garbage at the end",
            Forge::hybrid_body(&garble_block_from_end(&data, 3), &key_block),
        ),
    ]
}

/// One-block PKCS#1 v1.5 modes: the Marvin-style defects, and valid padding around text that is
/// not accepted (`extra`: more such classes).
fn pkcs1_block(forge: &Forge, body: fn(&[u8]) -> Vec<u8>, extra: &[(&str, &[u8])]) -> Vec<Class> {
    let message = br#"{"status":"SUCCESS","amount":"10.50"}"#;
    let mut bad = forge.rsa(RsaPadding::Pkcs1v15, message);
    bad[forge.k / 2] ^= 1;
    let mut classes = vec![class("bad RSA block", body(&bad))];
    for defect in DEFECTS {
        classes.push(class(
            format!("PKCS#1 {defect:?}"),
            body(&forge.pkcs1_with(defect, message)),
        ));
    }
    // 200 bytes of valid JSON cut off by invalid UTF-8 at the end: the old check read it all.
    let mut long_bad_utf8 = json_of_len(200);
    long_bad_utf8[190] = 0xff;
    classes.push(class(
        "valid padding, bad UTF-8 at byte 190",
        body(&forge.rsa(RsaPadding::Pkcs1v15, &long_bad_utf8)),
    ));
    classes.push(class(
        "valid padding, a Keepz key string",
        body(&forge.rsa(RsaPadding::Pkcs1v15, &Forge::key_string())),
    ));
    for (name, text) in extra {
        classes.push(class(*name, body(&forge.rsa(RsaPadding::Pkcs1v15, text))));
    }
    classes
}

/// The positive control: the same failing body, opened plainly and by a variant that leaks a
/// fixed extra time.
fn control(forge: &Forge) -> Vec<Class> {
    let key_block = forge.rsa(RsaPadding::OaepSha256, &Forge::key_string());
    let mut bad_rsa = key_block;
    bad_rsa[forge.k / 2] ^= 1;
    let body = Forge::hybrid_body(&Forge::aes(&json_of_len(96), true), &bad_rsa);
    let mut classes = vec![class("no leak", body.clone())];
    for leak_ns in [25, 50, 100, 200, 500, 1000, 2000, 5000, 10000] {
        classes.push(Class {
            name: format!("leaks {leak_ns} ns"),
            body: body.clone(),
            leak_ns,
        });
    }
    classes
}

fn run(backend: Backend, n: usize, only: Option<&str>, spin: &Spin) {
    let options = KeyOptions::with_backend(backend);
    let private = PrivateKey::parse_with(PRIVATE, &options).unwrap();
    let forge = Forge::new(PUBLIC);
    println!("\n# backend {} (2048-bit key)", backend.name());
    let selected = |title: &str| only.is_none_or(|o| title.contains(o));
    let keepz = |padding: RsaPadding, mode: EnvelopeMode| {
        Keepz::builder()
            .open_with(private.clone())
            .padding(padding)
            .mode(mode)
            .build()
            .unwrap()
    };

    for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
        let title = format!("{} Keepz hybrid, {}", backend.name(), padding.name());
        if selected(&title) {
            let receiver = keepz(padding, EnvelopeMode::Hybrid);
            let classes = small_hybrid(&forge, padding);
            measure(&title, &|b| receiver.open(b), &classes, n, spin, false);
        }
    }
    for size in [16 << 10, 256 << 10] {
        let title = format!(
            "{} Keepz hybrid, oaep-sha256, {} KiB",
            backend.name(),
            size >> 10
        );
        if selected(&title) {
            let receiver = keepz(RsaPadding::OaepSha256, EnvelopeMode::Hybrid);
            let classes = long_hybrid(&forge, size);
            measure(&title, &|b| receiver.open(b), &classes, n, spin, false);
        }
    }
    let title = format!("{} Keepz legacy (PKCS#1 v1.5)", backend.name());
    if selected(&title) {
        let legacy = keepz(RsaPadding::Pkcs1v15, EnvelopeMode::Legacy);
        let classes = pkcs1_block(&forge, Forge::legacy_body, &[]);
        measure(&title, &|b| legacy.open(b), &classes, n, spin, false);
    }
    let title = format!("{} TransactPay (PKCS#1 v1.5)", backend.name());
    if selected(&title) {
        let tp = TransactPay::builder()
            .open_with(private.clone())
            .build()
            .unwrap();
        let classes = pkcs1_block(
            &forge,
            Forge::transactpay_body,
            &[("valid padding, a JSON array", br#"["not","an","object"]"#)],
        );
        measure(&title, &|b| tp.open(b), &classes, n, spin, false);
    }
    let title = format!(
        "{} positive control (Keepz hybrid, oaep-sha256)",
        backend.name()
    );
    if selected(&title) {
        let receiver = keepz(RsaPadding::OaepSha256, EnvelopeMode::Hybrid);
        measure(
            &title,
            &|b| receiver.open(b),
            &control(&forge),
            n,
            spin,
            true,
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let n = args
        .iter()
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(3000);
    let only = args.iter().find(|a| a.parse::<usize>().is_err());
    let backend_only = std::env::var("PAYSEAL_TIMING_BACKEND").ok();
    let spin = Spin::calibrate();
    let load = || std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("load average at start: {}", load().trim());
    for backend in Backend::available() {
        if backend_only.as_deref().is_some_and(|o| o != backend.name()) {
            continue;
        }
        run(backend, n, only.map(String::as_str), &spin);
        println!("\nload average: {}", load().trim());
    }
}
