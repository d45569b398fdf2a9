//! The command-line contract: verbs, exit statuses, one clear line on stderr.

use payseal_test_support::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn payseal(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_payseal"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("payseal binary");
    // The process may exit before reading stdin (a bad key file); a broken pipe is fine then.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn assert_one_line_failure(out: &Output, expect: &str) {
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(expect), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

const PAYLOAD: &[u8] = br#"{"integratorId":"1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e","integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a"}"#;

#[test]
fn demo_runs() {
    let out = payseal(&["demo"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("integrator opens the response"));
    assert!(text.contains("\"status\":\"SUCCESS\""));
}

#[test]
fn keygen_then_seal_then_open_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap();
    let out = payseal(&["keygen", "--bits", "2048", "--out", out_dir], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for public in ["public.pem", "public.pkcs1.pem", "public.der", "public.b64"] {
        let key = dir.path().join(public);
        let sealed = payseal(
            &[
                "keepz",
                "seal",
                "--public-key",
                key.to_str().unwrap(),
                "--identifier",
                "1b5e2c7a-8d3f-4e6a-9c1b-2f4d6e8a0c3e",
            ],
            PAYLOAD,
        );
        assert!(
            sealed.status.success(),
            "{}",
            String::from_utf8_lossy(&sealed.stderr)
        );
        for private in [
            "private.pem",
            "private.pkcs1.pem",
            "private.der",
            "private.b64",
        ] {
            let key = dir.path().join(private);
            let opened = payseal(
                &["keepz", "open", "--private-key", key.to_str().unwrap()],
                &sealed.stdout,
            );
            assert!(
                opened.status.success(),
                "{}",
                String::from_utf8_lossy(&opened.stderr)
            );
            assert_eq!(opened.stdout.trim_ascii_end(), PAYLOAD);
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("private.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "private keys must not be group/world readable"
        );
    }
}

#[test]
fn seal_is_opened_by_openssl_and_query_is_percent_encoded() {
    let key = key_path("rsa2048.spki.b64");
    for padding in ["oaep-sha256", "pkcs1v15"] {
        let out = payseal(
            &[
                "keepz",
                "seal",
                "--public-key",
                key.to_str().unwrap(),
                "--padding",
                padding,
            ],
            PAYLOAD,
        );
        assert!(out.status.success());
        let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let p = if padding == "pkcs1v15" {
            payseal::RsaPadding::Pkcs1v15
        } else {
            payseal::RsaPadding::OaepSha256
        };
        let key_string = openssl_rsa_decrypt(
            "rsa2048.pkcs8.pem",
            p,
            &unb64(body["encryptedKeys"].as_str().unwrap()),
        );
        let (k, iv) = std::str::from_utf8(&key_string)
            .unwrap()
            .split_once('.')
            .unwrap();
        let plain = openssl_aes(
            true,
            &unb64(k),
            &unb64(iv),
            &unb64(body["encryptedData"].as_str().unwrap()),
        );
        assert_eq!(plain, PAYLOAD);
    }
    let out = payseal(
        &[
            "keepz",
            "seal",
            "--public-key",
            key.to_str().unwrap(),
            "--query",
        ],
        PAYLOAD,
    );
    let query = String::from_utf8(out.stdout).unwrap();
    assert!(query.starts_with("encryptedData=") && query.trim_end().ends_with("&aes=true"));
    assert!(!query.contains('+') && !query.contains('/'));
}

#[test]
fn failures_are_one_clear_line() {
    let private = key_path("rsa2048.pkcs8.pem");
    let public = key_path("rsa2048.spki.pem");
    let out = payseal(
        &["keepz", "open", "--private-key", private.to_str().unwrap()],
        br#"{"message":"Integrator order not found","statusCode":6005,"exceptionGroup":5}"#,
    );
    assert_one_line_failure(&out, "6005");
    let out = payseal(
        &["keepz", "open", "--private-key", private.to_str().unwrap()],
        b"<html>502</html>",
    );
    assert_one_line_failure(&out, "HTML");
    let out = payseal(
        &["keepz", "open", "--private-key", private.to_str().unwrap()],
        br#"{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true}"#,
    );
    assert_one_line_failure(&out, payseal::error::CANNOT_OPEN_MESSAGE);
    let out = payseal(
        &["keepz", "open", "--private-key", public.to_str().unwrap()],
        b"{}",
    );
    assert_one_line_failure(&out, "public key where a private key is needed");
    let ec = key_path("ec.spki.pem");
    let out = payseal(
        &["keepz", "seal", "--public-key", ec.to_str().unwrap()],
        PAYLOAD,
    );
    assert_one_line_failure(&out, "EC");
    let out = payseal(
        &["keepz", "seal", "--public-key", "/nonexistent/key.pem"],
        PAYLOAD,
    );
    assert_one_line_failure(&out, "cannot read");
    let out = payseal(
        &["keepz", "seal", "--public-key", public.to_str().unwrap()],
        b"{not json",
    );
    assert_one_line_failure(&out, "not valid JSON");
    let out = payseal(
        &[
            "keepz",
            "seal",
            "--public-key",
            public.to_str().unwrap(),
            "--identifier",
            "nope",
        ],
        PAYLOAD,
    );
    assert_one_line_failure(&out, "not a UUID");
}

#[test]
fn transactpay_seal_with_the_keygen_blob_and_open() {
    let dir = tempfile::tempdir().unwrap();
    let out = payseal(
        &[
            "keygen",
            "--bits",
            "2048",
            "--out",
            dir.path().to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success());
    let blob = dir.path().join("transactpay.blob");
    assert!(
        std::fs::read_to_string(&blob)
            .unwrap()
            .starts_with("MjA0OCE8UlNBS2V5VmFsdWU+")
    );
    let payload = br#"{"reference":"ORD-1","paymentoption":"C","country":"NG"}"#;
    let sealed = payseal(
        &["transactpay", "seal", "--key", blob.to_str().unwrap()],
        payload,
    );
    assert!(
        sealed.status.success(),
        "{}",
        String::from_utf8_lossy(&sealed.stderr)
    );
    let body: serde_json::Value = serde_json::from_slice(&sealed.stdout).unwrap();
    assert_eq!(body.as_object().unwrap().len(), 1);
    // openssl opens it with the private key written by keygen.
    let data = unb64(body["data"].as_str().unwrap());
    let dir2 = tempfile::tempdir().unwrap();
    let ct = dir2.path().join("ct.bin");
    std::fs::write(&ct, &data).unwrap();
    let private = dir.path().join("private.pem");
    let plain = openssl(
        &[
            "pkeyutl",
            "-decrypt",
            "-inkey",
            private.to_str().unwrap(),
            "-in",
            ct.to_str().unwrap(),
            "-pkeyopt",
            "rsa_padding_mode:pkcs1",
        ],
        b"",
    );
    assert_eq!(plain, payload);
    let opened = payseal(
        &[
            "transactpay",
            "open",
            "--private-key",
            private.to_str().unwrap(),
        ],
        &sealed.stdout,
    );
    assert!(opened.status.success());
    assert_eq!(opened.stdout.trim_ascii_end(), payload);
    // Every key form the seal verb accepts: PEM public key too.
    let pem = dir.path().join("public.pem");
    assert!(
        payseal(
            &["transactpay", "seal", "--key", pem.to_str().unwrap()],
            payload
        )
        .status
        .success()
    );
    // Too large for one 2048-bit block: both numbers in the one line.
    let big = format!(r#"{{"reference":"{}"}}"#, "x".repeat(300));
    let out = payseal(
        &["transactpay", "seal", "--key", blob.to_str().unwrap()],
        big.as_bytes(),
    );
    assert_one_line_failure(&out, "at most 245");
}

#[test]
fn open_as_prints_typed_values_and_gateway_hints() {
    let private = key_path("rsa2048.pkcs8.pem");
    let public = key_path("rsa2048.spki.pem");
    let answer =
        br#"{"integratorOrderId":"c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a","status":"SUCCESS"}"#;
    let sealed = payseal(
        &["keepz", "seal", "--public-key", public.to_str().unwrap()],
        answer,
    );
    assert!(sealed.status.success());
    let out = payseal(
        &[
            "keepz",
            "open",
            "--private-key",
            private.to_str().unwrap(),
            "--as",
            "order-status",
        ],
        &sealed.stdout,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let typed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(typed["status"], "SUCCESS");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("\n  "),
        "pretty-printed"
    );

    let out = payseal(
        &[
            "keepz",
            "open",
            "--private-key",
            private.to_str().unwrap(),
            "--as",
            "order-status",
            "--http-status",
            "500",
        ],
        br#"{"message":"Failed to decrypt","statusCode":6010,"exceptionGroup":6}"#,
    );
    assert_one_line_failure(&out, "failed to decrypt");
    assert!(String::from_utf8_lossy(&out.stderr).contains("RSA padding"));

    let out = payseal(
        &[
            "keepz",
            "open",
            "--private-key",
            private.to_str().unwrap(),
            "--as",
            "callback",
        ],
        &sealed.stdout,
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("UNVERIFIED"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("c0a8f1e2"));
}

#[test]
fn doctor_reports_keys_and_the_real_reason() {
    let private = key_path("rsa2048.pkcs1.pem");
    let own_public = key_path("rsa2048.spki.b64");
    let other_public = key_path("rsa4096.spki.pem");
    let out = payseal(
        &[
            "doctor",
            "--public-key",
            own_public.to_str().unwrap(),
            "--public-key",
            other_public.to_str().unwrap(),
            "--private-key",
            private.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2048-bit RSA public key, bare Base64 DER"),
        "{text}"
    );
    assert!(text.contains("4096-bit RSA public key, PEM"), "{text}");
    assert!(text.contains("is the public half"), "{text}");
    assert!(
        text.contains("is not this private key's public half"),
        "{text}"
    );

    let dir = tempfile::tempdir().unwrap();
    let envelope = dir.path().join("envelope.json");
    let sealed = payseal(
        &[
            "keepz",
            "seal",
            "--public-key",
            own_public.to_str().unwrap(),
            "--padding",
            "pkcs1v15",
        ],
        b"{\"status\":\"SUCCESS\"}",
    );
    std::fs::write(&envelope, &sealed.stdout).unwrap();
    let doctor = |extra: &[&str]| {
        let mut args = vec![
            "doctor",
            "--private-key",
            private.to_str().unwrap(),
            "--envelope",
            envelope.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        payseal(&args, b"")
    };
    // The other padding is tried only when asked.
    let out = doctor(&[]);
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("does not open under RSA oaep-sha256"),
        "{text}"
    );
    assert!(!text.contains("pkcs1v15"), "{text}");
    let out = doctor(&["--try-other-padding"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("set the padding to pkcs1v15"));
    let out = payseal(
        &[
            "doctor",
            "--private-key",
            private.to_str().unwrap(),
            "--envelope",
            envelope.to_str().unwrap(),
            "--padding",
            "pkcs1v15",
        ],
        b"",
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("it opens"));
}

#[test]
fn bench_prints_json_for_every_backend() {
    let out = payseal(&["bench", "--seconds", "1", "--json"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(doc["seconds"].as_f64(), Some(1.0));
    let available: Vec<&str> = payseal::Backend::available()
        .iter()
        .map(|b| b.name())
        .collect();
    let backends: Vec<&str> = doc["backends"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap())
        .collect();
    assert_eq!(backends, available);
    let results = doc["results"].as_array().unwrap();
    // Three cases at two key sizes on each backend. Shape only: no timing is checked here.
    assert_eq!(results.len(), backends.len() * 2 * 3);
    for r in results {
        assert!(backends.contains(&r["backend"].as_str().unwrap()), "{r}");
        assert!(
            ["keepz seal", "keepz open", "transactpay seal"].contains(&r["case"].as_str().unwrap()),
            "{r}"
        );
        assert!([2048, 4096].contains(&r["bits"].as_u64().unwrap()), "{r}");
        assert!(r["payload_bytes"].as_u64().unwrap() > 0, "{r}");
        for field in ["ops_per_sec", "bare_ops_per_sec", "ratio_to_bare"] {
            let value = r[field].as_f64().unwrap_or(f64::NAN);
            assert!(value.is_finite() && value > 0.0, "{field}: {r}");
        }
    }
    // The progress display goes to stderr, never into the JSON.
    assert!(String::from_utf8_lossy(&out.stderr).contains("done"));
}

#[test]
fn bench_takes_one_backend_and_refuses_a_bad_duration() {
    let name = payseal::Backend::default().name();
    let out = payseal(
        &["bench", "--seconds", "0.3", "--json", "--backend", name],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["backends"], serde_json::json!([name]));
    assert_eq!(doc["results"].as_array().unwrap().len(), 6);
    assert_one_line_failure(&payseal(&["bench", "--seconds", "0"], b""), "--seconds");
}

/// `payseal bench` carries copies of four test keys (so that the published crate has them); they
/// are the keys of `tests/keys/`, byte for byte.
#[test]
fn bench_keys_are_the_test_keys() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/bench/keys");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "rsa2048.pkcs8.der",
            "rsa2048.spki.der",
            "rsa4096.pkcs8.der",
            "rsa4096.spki.der"
        ]
    );
    for name in names {
        assert_eq!(
            std::fs::read(dir.join(&name)).unwrap(),
            key_bytes(&name),
            "{name}"
        );
    }
}

#[test]
fn sandbox_hands_over_to_payseal_sandbox() {
    // The sandbox binary stands in as a script that prints its arguments.
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("payseal-sandbox");
    std::fs::write(&fake, "#!/bin/sh\necho \"sandbox got: $*\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_payseal"))
            .args(["sandbox", "--port", "0", "--key-bits", "2048"])
            .env("PAYSEAL_SANDBOX", &fake)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "sandbox got: --port 0 --key-bits 2048"
        );
    }
    let missing = Command::new(env!("CARGO_BIN_EXE_payseal"))
        .args(["sandbox"])
        .env("PAYSEAL_SANDBOX", dir.path().join("nowhere"))
        .output()
        .unwrap();
    assert_one_line_failure(&missing, "cargo install --path sandbox");
}
