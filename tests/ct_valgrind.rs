//! The constant-time proof of the open path, for valgrind's memcheck (`scripts/ct-check.sh`).
//!
//! Built with the hidden `ct-valgrind` feature, payseal marks the RSA step's output (and the
//! validity bit) as undefined for memcheck at the one place it is produced, and makes defined only
//! the final decision and, when it is Ok, the plaintext. Any conditional jump or memory address
//! that depends on the secret before the decision is then reported by memcheck. This program opens
//! valid and invalid envelopes of every class — for Keepz hybrid (OAEP and PKCS#1 v1.5), Keepz
//! legacy and TransactPay, on every backend compiled in, with the AVX2 and the portable scans —
//! and checks that each gives the answer it must. Before each case it writes a line `ct-case: …`
//! to stderr, where memcheck writes its reports, so the script can tell which case a report came
//! from.
//!
//! The first case is a positive control: the checks the decision replaced (which stop at the
//! first bad byte) run over a buffer marked secret, and memcheck must report them. Natively
//! (`cargo test --features ct-valgrind`) the marks do nothing and this is a functional test.

#[path = "forge/mod.rs"]
mod forge;

use forge::{Forge, Pkcs1Defect, garble_block_from_end, json_of_len};
use payseal::ct::internals;
use payseal::keepz::{EnvelopeMode, Keepz};
use payseal::keys::{KeyOptions, PrivateKey};
use payseal::transactpay::TransactPay;
use payseal::{Backend, ErrorKind, RsaPadding};

const PRIVATE: &[u8] = include_bytes!("keys/rsa2048.pkcs8.pem");
const PUBLIC: &[u8] = include_bytes!("keys/rsa2048.spki.pem");

/// One body to open and whether it must open.
struct Case {
    name: String,
    body: Vec<u8>,
    opens: bool,
}

fn case(name: impl Into<String>, body: Vec<u8>, opens: bool) -> Case {
    Case {
        name: name.into(),
        body,
        opens,
    }
}

/// Plaintexts of every class the decision must reject (or, the last, accept and leave to serde).
fn bad_plaintexts() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("bad UTF-8", b"{\"note\":\"caf\xe9\"}".to_vec()),
        ("not a container", b"  \"a string\"".to_vec()),
        ("a number", b"12345".to_vec()),
        // 128 levels (fits one 2048-bit PKCS#1 block: not closed all the way)
        ("too deep", [vec![b'['; 128], vec![b']'; 100]].concat()),
        // passes the decision; serde refuses it afterwards
        ("bad JSON syntax", b"{\"a\":}".to_vec()),
    ]
}

fn hybrid_cases(forge: &Forge, padding: RsaPadding) -> Vec<Case> {
    let name = |what: &str| format!("keepz hybrid {} / {what}", padding.name());
    let key_block = forge.rsa(padding, &Forge::key_string());
    let small = json_of_len(100);
    let mut cases = vec![
        case(
            name("valid"),
            Forge::hybrid_body(&Forge::aes(&small, true), &key_block),
            true,
        ),
        case(
            name("valid, 16 KiB"),
            Forge::hybrid_body(&Forge::aes(&json_of_len(16 << 10), true), &key_block),
            true,
        ),
    ];
    let data = Forge::aes(&small, true);
    let mut bad_block = key_block.clone();
    bad_block[forge.k / 2] ^= 1;
    cases.push(case(
        name("bad RSA block"),
        Forge::hybrid_body(&data, &bad_block),
        false,
    ));
    if padding == RsaPadding::Pkcs1v15 {
        for defect in [
            Pkcs1Defect::FirstByte,
            Pkcs1Defect::SecondByte,
            Pkcs1Defect::NoSeparator,
            Pkcs1Defect::ShortPadding,
        ] {
            let block = forge.pkcs1_with(defect, &Forge::key_string());
            cases.push(case(
                name(&format!("PKCS#1 {defect:?}")),
                Forge::hybrid_body(&data, &block),
                false,
            ));
        }
    }
    for len in [68, 70] {
        let mut text = Forge::key_string();
        text.resize(len, b'A');
        let block = forge.rsa(padding, &text);
        cases.push(case(
            name(&format!("key string of {len} bytes")),
            Forge::hybrid_body(&data, &block),
            false,
        ));
    }
    let mut text = Forge::key_string();
    text[10] = b'-';
    cases.push(case(
        name("key string not Base64"),
        Forge::hybrid_body(&data, &forge.rsa(padding, &text)),
        false,
    ));
    let mut unpadded = small.clone();
    unpadded.resize(112, b' ');
    unpadded[111] = 0;
    cases.push(case(
        name("bad PKCS#7 padding"),
        Forge::hybrid_body(&Forge::aes(&unpadded, false), &key_block),
        false,
    ));
    for size in [16 << 10, 256 << 10] {
        let long = Forge::aes(&json_of_len(size), true);
        cases.push(case(
            name(&format!("{} KiB valid prefix, then garbage", size >> 10)),
            Forge::hybrid_body(&garble_block_from_end(&long, 3), &key_block),
            false,
        ));
    }
    for (what, plaintext) in bad_plaintexts() {
        cases.push(case(
            name(what),
            Forge::hybrid_body(&Forge::aes(&plaintext, true), &key_block),
            false,
        ));
    }
    cases
}

/// Cases for a one-block PKCS#1 v1.5 mode; `body` makes the envelope, `array_opens` says whether
/// a JSON array is accepted.
fn pkcs1_cases(
    forge: &Forge,
    mode: &str,
    body: fn(&[u8]) -> Vec<u8>,
    array_opens: bool,
) -> Vec<Case> {
    let name = |what: &str| format!("{mode} / {what}");
    let valid = br#"{"status":"SUCCESS","amount":"10.50"}"#;
    let block = forge.rsa(RsaPadding::Pkcs1v15, valid);
    let mut cases = vec![case(name("valid"), body(&block), true)];
    let mut bad = block.clone();
    bad[forge.k / 2] ^= 1;
    cases.push(case(name("bad RSA block"), body(&bad), false));
    for defect in [
        Pkcs1Defect::FirstByte,
        Pkcs1Defect::SecondByte,
        Pkcs1Defect::NoSeparator,
        Pkcs1Defect::ShortPadding,
    ] {
        let block = forge.pkcs1_with(defect, valid);
        cases.push(case(
            name(&format!("PKCS#1 {defect:?}")),
            body(&block),
            false,
        ));
    }
    cases.push(case(
        name("a JSON array"),
        body(&forge.rsa(RsaPadding::Pkcs1v15, b"[1,2]")),
        array_opens,
    ));
    for (what, plaintext) in bad_plaintexts() {
        let block = forge.rsa(RsaPadding::Pkcs1v15, &plaintext);
        cases.push(case(name(what), body(&block), false));
    }
    cases
}

fn run(label: &str, open: &dyn Fn(&[u8]) -> payseal::Result<payseal::Plaintext>, cases: &[Case]) {
    for c in cases {
        eprintln!("ct-case: {label} / {}", c.name);
        match open(&c.body) {
            Ok(_) => assert!(c.opens, "{label} / {}: opened", c.name),
            Err(e) => {
                assert!(!c.opens, "{label} / {}: {e}", c.name);
                assert_eq!(e.kind(), ErrorKind::CannotOpen, "{label} / {}", c.name);
            }
        }
    }
}

/// The positive control: the old checks (early exits) on a secret buffer must be reported.
fn control() {
    let mut text = json_of_len(1000);
    text[900] = 0xff;
    eprintln!("ct-case: control / old early-exit checks on a secret buffer");
    internals::mark_secret(&mut text);
    let verdict = internals::old_text_ok(&text);
    eprintln!("ct-case: control / the new checks on the same buffer");
    let new_verdict = internals::text_ok(&text);
    assert!(!verdict && !new_verdict);
    eprintln!("ct-case: end of control");
}

fn main() {
    if std::env::var_os("PAYSEAL_CT_EXPECT_VALGRIND").is_some() {
        assert!(
            internals::running_on_valgrind(),
            "not running under valgrind, or built without the ct-valgrind feature"
        );
    }
    let taint_input = std::env::var_os("PAYSEAL_CT_TAINT_RSA_INPUT").is_some();
    internals::taint_rsa_input(taint_input);
    control();

    let forge = Forge::new(PUBLIC);
    let mut hybrid = Vec::new();
    for padding in [RsaPadding::OaepSha256, RsaPadding::Pkcs1v15] {
        hybrid.push((padding, hybrid_cases(&forge, padding)));
    }
    let legacy = pkcs1_cases(&forge, "keepz legacy", Forge::legacy_body, true);
    let transactpay = pkcs1_cases(&forge, "transactpay", Forge::transactpay_body, false);

    let scans: &[bool] =
        if cfg!(target_arch = "x86_64") && std::arch::is_x86_feature_detected!("avx2") {
            &[false, true]
        } else {
            &[true]
        };
    for backend in Backend::available() {
        let private = PrivateKey::parse_with(PRIVATE, &KeyOptions::with_backend(backend)).unwrap();
        for &portable in scans {
            internals::force_portable(portable);
            let label = format!(
                "{} {}",
                backend.name(),
                if portable { "portable" } else { "avx2" }
            );
            for (padding, cases) in &hybrid {
                let keepz = Keepz::builder()
                    .open_with(private.clone())
                    .padding(*padding)
                    .build()
                    .unwrap();
                run(&label, &|b| keepz.open(b), cases);
            }
            let keepz = Keepz::builder()
                .open_with(private.clone())
                .mode(EnvelopeMode::Legacy)
                .build()
                .unwrap();
            run(&label, &|b| keepz.open(b), &legacy);
            let tp = TransactPay::builder()
                .open_with(private.clone())
                .build()
                .unwrap();
            run(&label, &|b| tp.open(b), &transactpay);
        }
    }
    eprintln!("ct-case: done");
}
