//! Damaged or wrong encryption keys: each is refused with its own kind and a message that names
//! what is wrong.

mod transactpay_support;

use payseal::keys::{KeyOptions, MAX_KEY_INPUT};
use payseal::transactpay::{TransactPay, parse_encryption_key};
use payseal::{Backend, ErrorKind};
use transactpay_support::{DotNetKey, b64, backends, dotnet_key, dotnet_key_files, read_key};

#[track_caller]
fn expect_error(input: impl AsRef<[u8]>, kind: ErrorKind, needle: &str) {
    for backend in backends() {
        let e = parse_encryption_key(input.as_ref(), &KeyOptions::with_backend(backend))
            .err()
            .unwrap_or_else(|| panic!("accepted; expected {kind:?} mentioning {needle:?}"));
        assert_eq!(e.kind(), kind, "{backend:?}: {e}");
        assert!(
            e.message().contains(needle),
            "{backend:?}: {:?} does not mention {needle:?}",
            e.message()
        );
    }
}

/// The key text of the fixed 2048-bit key with its XML replaced by `xml`.
fn text_with(key: &DotNetKey, xml: &str) -> String {
    format!("{}!{xml}", key.bits)
}

fn modulus_of(key: &DotNetKey) -> &str {
    let start = key.xml.find("<Modulus>").unwrap() + "<Modulus>".len();
    let end = key.xml.find("</Modulus>").unwrap();
    &key.xml[start..end]
}

#[test]
fn truncated_blobs() {
    let key = dotnet_key(2048);
    let blob = &key.blob;
    // Cut inside a Base64 group: the length is wrong.
    expect_error(&blob[..blob.len() - 1], ErrorKind::MalformedKey, "cut off");
    expect_error(&blob[..blob.len() - 5], ErrorKind::MalformedKey, "cut off");
    // Cut at a group boundary: valid Base64, truncated XML.
    let at = blob.len() / 2 / 4 * 4;
    expect_error(&blob[..at], ErrorKind::MalformedKey, "truncated");
    expect_error(
        &blob[..blob.len() - 4],
        ErrorKind::MalformedKey,
        "truncated",
    );
    // Just the prefix: "2048!<".
    expect_error(&blob[..8], ErrorKind::MalformedKey, "truncated");
    // Truncated text form.
    expect_error(
        &key.text[..key.text.len() - 15],
        ErrorKind::MalformedKey,
        "truncated",
    );
}

#[test]
fn non_base64_blobs() {
    let key = dotnet_key(2048);
    let mut damaged = key.blob.clone().into_bytes();
    damaged[40] = b'*';
    expect_error(
        &damaged,
        ErrorKind::MalformedKey,
        "outside the Base64 alphabet",
    );
    assert!(key.blob.contains(['+', '/']), "the fixed blob uses + or /");
    let url_safe = key.blob.replace('+', "-").replace('/', "_");
    expect_error(&url_safe, ErrorKind::MalformedKey, "URL-safe");
    expect_error(
        "hello world",
        ErrorKind::MalformedKey,
        "not a TransactPay blob",
    );
    expect_error(
        "2048<RSAKeyValue>",
        ErrorKind::MalformedKey,
        "not a TransactPay blob",
    );
}

#[test]
fn prefixes_that_are_not_positive_numbers() {
    let key = dotnet_key(2048);
    for prefix in [
        "abc",
        "-2048",
        "+2048",
        "0",
        "0000",
        "",
        "20 48",
        "2048.0",
        "99999999999",
    ] {
        let text = format!("{prefix}!{}", key.xml);
        expect_error(&text, ErrorKind::MalformedKey, "not a positive number");
        expect_error(
            b64(text.as_bytes()),
            ErrorKind::MalformedKey,
            "not a positive number",
        );
    }
}

#[test]
fn prefixes_that_do_not_match_the_modulus() {
    let key = dotnet_key(2048);
    for bits in ["4096", "2047", "2049", "1024"] {
        let text = format!("{bits}!{}", key.xml);
        let needle = format!("says {bits} bits but its modulus has 2048 bits");
        expect_error(&text, ErrorKind::MalformedKey, &needle);
        expect_error(b64(text.as_bytes()), ErrorKind::MalformedKey, &needle);
    }
    let big = dotnet_key(4096);
    let text = format!("2048!{}", big.xml);
    expect_error(
        &text,
        ErrorKind::MalformedKey,
        "says 2048 bits but its modulus has 4096 bits",
    );
}

#[test]
fn xml_with_missing_repeated_or_unknown_elements() {
    let key = dotnet_key(2048);
    let m = modulus_of(&key);
    let cases = [
        (
            "<RSAKeyValue><Exponent>AQAB</Exponent></RSAKeyValue>".to_string(),
            "no <Modulus>",
        ),
        (
            format!("<RSAKeyValue><Modulus>{m}</Modulus></RSAKeyValue>"),
            "no <Exponent>",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{m}</Modulus><Modulus>{m}</Modulus>\
                 <Exponent>AQAB</Exponent></RSAKeyValue>"
            ),
            "repeated element <Modulus>",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{m}</Modulus><Exponent>AQAB</Exponent>\
                 <Exponent>AQAB</Exponent></RSAKeyValue>"
            ),
            "repeated element <Exponent>",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{m}</Modulus><Exponent>AQAB</Exponent>\
                 <Comment>x</Comment></RSAKeyValue>"
            ),
            "unknown element <Comment>",
        ),
        (
            format!("<RSAKeyValue><modulus>{m}</modulus><Exponent>AQAB</Exponent></RSAKeyValue>"),
            "unknown element <modulus>",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>",
                m.replacen(|c: char| c.is_ascii_alphanumeric(), "%", 1)
            ),
            "<Modulus> that is not standard Base64",
        ),
        (
            format!("<RSAKeyValue><Modulus>{m}</Modulus><Exponent>AQA</Exponent></RSAKeyValue>"),
            "<Exponent> that is not standard Base64",
        ),
        (
            format!("<RSAKeyValue><Modulus>{m}</Modulus><Exponent></Exponent></RSAKeyValue>"),
            "empty <Exponent>",
        ),
        (
            format!(
                "<RSAKeyValue xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><Modulus>{m}</Modulus>\
                 <Exponent>AQAB</Exponent></RSAKeyValue>"
            ),
            "attributes are not supported",
        ),
        (
            format!("<RSAKeyValue><Modulus>{m}</Modulus><Exponent>AQAB</Modulus></RSAKeyValue>"),
            "closes <Exponent> with </Modulus>",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{m}</Modulus><Exponent>AQAB</Exponent></RSAKeyValue><X/>"
            ),
            "content after",
        ),
        (
            format!(
                "<RSAKeyValue><!-- test --><Modulus>{m}</Modulus><Exponent>AQAB</Exponent>\
                 </RSAKeyValue>"
            ),
            "comments",
        ),
        (
            format!(
                "<RSAKeyValue><Modulus>{m}&#10;</Modulus><Exponent>AQAB</Exponent></RSAKeyValue>"
            ),
            "entity",
        ),
        (
            "<RSAPublicKey><Modulus>AQAB</Modulus></RSAPublicKey>".to_string(),
            "root element <RSAPublicKey>",
        ),
    ];
    for (xml, needle) in &cases {
        // As bare XML, as key text and as a blob.
        expect_error(xml, ErrorKind::MalformedKey, needle);
        let text = text_with(&key, xml);
        expect_error(&text, ErrorKind::MalformedKey, needle);
        expect_error(b64(text.as_bytes()), ErrorKind::MalformedKey, needle);
    }
    expect_error(
        b"2048!<RSAKeyValue>\xff",
        ErrorKind::MalformedKey,
        "not UTF-8",
    );
}

#[test]
fn small_moduli_are_too_small() {
    let small = dotnet_key_files("rsa1024.spki.pem", None);
    assert_eq!(small.bits, 1024);
    for input in [&small.blob, &small.text, &small.xml] {
        expect_error(
            input,
            ErrorKind::KeyTooSmall,
            "has 1024 bits; at least 2048",
        );
    }
    // The minimum is the caller's policy; it can be lowered for old test keys where the backend
    // allows it (AWS-LC itself refuses RSA keys under 2048 bits).
    for backend in backends() {
        let options = KeyOptions {
            backend,
            min_bits: 1024,
        };
        let result = parse_encryption_key(&small.blob, &options);
        match backend {
            Backend::RustCrypto => assert_eq!(result.unwrap().bits(), 1024),
            Backend::AwsLc => assert_eq!(result.unwrap_err().kind(), ErrorKind::KeyTooSmall),
            other => panic!("no expectation for {other:?}"),
        }
    }
    // A wrong prefix on a small key is still a damaged key first.
    let text = format!("2048!{}", small.xml);
    expect_error(
        &text,
        ErrorKind::MalformedKey,
        "says 2048 bits but its modulus has 1024",
    );
}

#[test]
fn empty_oversized_and_wrong_kind_inputs() {
    expect_error("", ErrorKind::MalformedKey, "empty");
    expect_error(" \r\n\t", ErrorKind::MalformedKey, "empty");
    expect_error(
        vec![b'A'; MAX_KEY_INPUT + 1],
        ErrorKind::MalformedKey,
        "more than",
    );
    expect_error(read_key("ec.spki.pem"), ErrorKind::UnsupportedKey, "EC");
    expect_error(
        read_key("rsa2048.cert.pem"),
        ErrorKind::UnsupportedKey,
        "certificate",
    );
    let e = TransactPay::new("4096!").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::MalformedKey);
}
