//! The secrets the wiped-memory tests plant and look for: a marker payload, and windows of the
//! fixed 2048-bit test key's private integers and PEM text.

use crate::alloc::Secrets;
use crate::key_bytes;
use zeroize::Zeroizing;

/// A distinctive text that payloads repeat, so that any copy of a plaintext is recognisable.
pub const MARKER: &str = "PAYSEAL-SECRET-MARKER-9f27c1e8b4";

/// A payload of about 2 KiB with the marker all through it, so that any abandoned buffer of a
/// growing copy holds at least one whole marker. As a JSON value and as compact bytes.
pub fn marker_payload() -> (serde_json::Value, Zeroizing<Vec<u8>>) {
    let mut fields = serde_json::Map::new();
    fields.insert(
        "integratorOrderId".into(),
        "c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a".into(),
    );
    for i in 0..48 {
        fields.insert(format!("f{i:02}"), MARKER.into());
    }
    let value = serde_json::Value::Object(fields);
    let bytes = Zeroizing::new(serde_json::to_vec(&value).unwrap());
    (value, bytes)
}

/// Wipes the strings of a JSON value before it is dropped (the test's own copies).
pub fn wipe_value(value: &mut serde_json::Value) {
    use zeroize::Zeroize;
    match value {
        serde_json::Value::String(s) => s.zeroize(),
        serde_json::Value::Array(a) => a.iter_mut().for_each(wipe_value),
        serde_json::Value::Object(o) => {
            o.values_mut().for_each(wipe_value);
            // Keys are not secret here (f00..f47).
        }
        _ => {}
    }
}

/// The content bytes of the INTEGERs of a PKCS#8 RSA private key: [version, n, e, d, p, q, dp,
/// dq, qinv], leading zero bytes stripped.
pub fn rsa_integers(pkcs8: &[u8]) -> Vec<Vec<u8>> {
    fn tlv(input: &[u8]) -> (u8, &[u8], &[u8]) {
        let tag = input[0];
        let (len, header) = if input[1] < 0x80 {
            (input[1] as usize, 2)
        } else {
            let n = (input[1] & 0x7f) as usize;
            let len = input[2..2 + n]
                .iter()
                .fold(0usize, |a, &b| a << 8 | b as usize);
            (len, 2 + n)
        };
        (tag, &input[header..header + len], &input[header + len..])
    }
    let (_, info, _) = tlv(pkcs8); // PrivateKeyInfo SEQUENCE
    let (_, _, rest) = tlv(info); // version
    let (_, _, rest) = tlv(rest); // AlgorithmIdentifier
    let (tag, octets, _) = tlv(rest); // OCTET STRING
    assert_eq!(tag, 0x04);
    let (_, mut seq, _) = tlv(octets); // RSAPrivateKey SEQUENCE
    let mut out = Vec::new();
    while !seq.is_empty() {
        let (tag, content, rest) = tlv(seq);
        assert_eq!(tag, 0x02);
        let start = content
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(content.len());
        out.push(content[start..].to_vec());
        seq = rest;
    }
    assert_eq!(out.len(), 9);
    out
}

/// Registers windows of d, p and q (big-endian and reversed) and a window of the PEM text.
pub fn add_private_key(secrets: &mut Secrets, pkcs8_der: &[u8], pem: &[u8]) {
    let ints = rsa_integers(pkcs8_der);
    for (name, int) in [("d", &ints[3]), ("p", &ints[4]), ("q", &ints[5])] {
        let mid = int.len() / 2 - 16;
        let window = &int[mid..mid + 32];
        secrets.add(format!("private {name}"), window);
        let reversed: Vec<u8> = window.iter().rev().copied().collect();
        secrets.add(format!("private {name} (limb order)"), &reversed);
    }
    let text = std::str::from_utf8(pem).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let line = lines[lines.len() / 2];
    secrets.add("private key PEM text", &line.as_bytes()[8..56]);
}

/// The fixed 2048-bit private key, PKCS#8 DER.
pub fn pkcs8_der() -> Zeroizing<Vec<u8>> {
    Zeroizing::new(key_bytes("rsa2048.pkcs8.der"))
}

/// The fixed 2048-bit private key, PKCS#8 PEM.
pub fn pkcs8_pem() -> Zeroizing<Vec<u8>> {
    Zeroizing::new(key_bytes("rsa2048.pkcs8.pem"))
}

/// On the rustcrypto backend, the `rsa` crate (0.10.0-rc.20) frees copies of the primes p and q
/// unwiped, in two places payseal cannot reach (see tests/wiped_secrets.rs and SECURITY.md).
pub fn is_known_rsa_crate_leak(found: &str) -> bool {
    found.starts_with("private p") || found.starts_with("private q")
}

/// The findings of a scan that `backend` should not have: all of them, except, on rustcrypto,
/// the `rsa` crate's known p/q copies ([`is_known_rsa_crate_leak`]).
pub fn unexpected_on(backend: payseal::Backend, found: &[String]) -> Vec<&String> {
    found
        .iter()
        .filter(|f| !(backend == payseal::Backend::RustCrypto && is_known_rsa_crate_leak(f)))
        .collect()
}
