//! Keepz's query-string reader (`payseal::fuzzing::query::parse`, behind `Keepz::open_query`),
//! differential against the WHATWG form-urlencoded reader (`form_urlencoded`, what the `url` crate
//! uses) where payseal's rules are the same, and against payseal's documented refusals where they
//! differ; then `Keepz::open_query` end to end under six handles, against `Keepz::open` of the same
//! fields as a JSON body.
//!
//! Input: `[config][query string ...]` (inputs that are not UTF-8 are skipped: the reader takes
//! `&str`).
//!
//! Where the rules are the same: parts split at `&`, name and value at the first `=` (a part
//! without one is a name with an empty value), `+` is a space, `%XX` is a byte, the result is the
//! pair `form_urlencoded` reads from that part. Where payseal differs (src/encoding/query.rs):
//! - a leading `?` is dropped;
//! - an empty part is a pair (`""`, `""`) that counts towards the cap (the WHATWG reader skips it);
//! - more than 64 parts: `TooManyPairs`, once the 65th part is reached (parts before it are read);
//! - `%` not followed by two hexadecimal digits (`%+A`, `%-1`, `%G0`, `%` at the end), or a name or
//!   value that is not UTF-8 once decoded: `BadEscape` (the WHATWG reader keeps the `%` and
//!   replaces bad UTF-8 with U+FFFD);
//! - a non-empty decoded name seen before: `Duplicate(name)` (the WHATWG reader keeps both);
//! - the name is decoded and checked for a duplicate before the value is decoded.
//!
//! `open_query` then fails with `NotEnvelope` exactly when the reader refuses, there is no
//! `encryptedData`, or `encryptedKeys` is missing (hybrid handles) / present (legacy handles);
//! otherwise it opens or fails with `CannotOpen`, as `open` does for `{"encryptedData": …,
//! "encryptedKeys": …}` made of the same decoded fields, with the same plaintext.
#![no_main]

#[path = "common/handles.rs"]
mod handles;

use handles::HANDLES;
use libfuzzer_sys::fuzz_target;
use payseal::fuzzing::query::{self, MAX_PAIRS, Problem};
use payseal::keepz::EnvelopeMode;
use payseal::{Error, ErrorKind};

/// payseal's strictness on one name or value: every `%` is followed by two hexadecimal digits,
/// and the decoded bytes are UTF-8.
fn strict_ok(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let escapes_ok = bytes.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    let plus_as_space: Vec<u8> = bytes
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    let decoded: Vec<u8> = percent_encoding::percent_decode(&plus_as_space).collect();
    escapes_ok && std::str::from_utf8(&decoded).is_ok()
}

/// The pair `form_urlencoded` reads from one non-empty part without `&`.
fn whatwg_pair(part: &str) -> (String, String) {
    let mut pairs = form_urlencoded::parse(part.as_bytes());
    let (name, value) = pairs.next().expect("a non-empty part is one pair");
    assert!(pairs.next().is_none());
    (name.into_owned(), value.into_owned())
}

/// What payseal's reader should answer, from the rules in the module doc.
fn expected(query: &str) -> Result<Vec<(String, String)>, Problem> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut pairs: Vec<(String, String)> = Vec::new();
    if query.is_empty() {
        return Ok(pairs);
    }
    for (index, part) in query.split('&').enumerate() {
        if index == MAX_PAIRS {
            return Err(Problem::TooManyPairs);
        }
        if part.is_empty() {
            pairs.push((String::new(), String::new()));
            continue;
        }
        let (raw_name, raw_value) = part.split_once('=').unwrap_or((part, ""));
        if !strict_ok(raw_name) {
            return Err(Problem::BadEscape);
        }
        let (name, value) = whatwg_pair(part);
        if !name.is_empty() && pairs.iter().any(|(seen, _)| *seen == name) {
            return Err(Problem::Duplicate(name));
        }
        if !strict_ok(raw_value) {
            return Err(Problem::BadEscape);
        }
        pairs.push((name, value));
    }
    Ok(pairs)
}

/// The fields as a JSON envelope body, for `Keepz::open`.
fn json_body(data: &str, keys: Option<&str>) -> Vec<u8> {
    let mut body = serde_json::Map::new();
    body.insert("encryptedData".into(), data.into());
    if let Some(keys) = keys {
        body.insert("encryptedKeys".into(), keys.into());
        body.insert("aes".into(), true.into());
    }
    serde_json::to_vec(&body).unwrap()
}

fn same_outcome(
    query_result: &Result<payseal::Plaintext, Error>,
    body_result: &Result<payseal::Plaintext, Error>,
) -> bool {
    match (query_result, body_result) {
        (Ok(a), Ok(b)) => a.as_bytes() == b.as_bytes(),
        (Err(a), Err(b)) => a.kind() == b.kind() && a.message() == b.message(),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&config, rest)) = data.split_first() else {
        return;
    };
    let Ok(query_string) = std::str::from_utf8(rest) else {
        return;
    };
    let want = expected(query_string);
    let got = query::parse(query_string).map(|pairs| {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect::<Vec<_>>()
    });
    assert_eq!(got, want, "query {query_string:?}");

    let (keepz, mode) = &HANDLES[usize::from(config) % HANDLES.len()];
    let opened = keepz.open_query(query_string);
    let field = |name: &str| {
        want.as_ref()
            .ok()
            .and_then(|pairs| pairs.iter().find(|(n, _)| n == name))
            .map(|(_, v)| v.as_str())
    };
    let (data_field, keys_field) = (field("encryptedData"), field("encryptedKeys"));
    let shaped = data_field.is_some()
        && match mode {
            EnvelopeMode::Hybrid => keys_field.is_some(),
            _ => keys_field.is_none(),
        };
    match &opened {
        Err(e) if !shaped => assert_eq!(
            e.kind(),
            ErrorKind::NotEnvelope,
            "query {query_string:?}: {e:?}"
        ),
        Err(e) => assert_eq!(
            (e.kind(), e.message()),
            (ErrorKind::CannotOpen, Error::cannot_open().message()),
            "query {query_string:?}"
        ),
        Ok(_) => assert!(shaped, "opened {query_string:?}"),
    }
    if shaped {
        let body = json_body(data_field.unwrap(), keys_field);
        let as_body = keepz.open(&body);
        assert!(
            same_outcome(&opened, &as_body),
            "query {query_string:?}: {opened:?} but as a body {as_body:?}"
        );
    }
});
