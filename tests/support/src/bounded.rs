//! Hostile bodies that fill a parser's whole body limit, and every parser of gateway bodies to
//! feed them to: shared by the bounded-work test (`tests/hostile_bodies.rs`, which asserts the
//! peak heap) and the memory bench (`benches/memory.rs`, which also times them).
//!
//! Anyone who can POST to a callback URL chooses these bytes. Each shape is one way a body under
//! the limit can make a reader work or allocate far more than its size: many small numbers, deep
//! nesting, many keys, repeated keys, one long string, many escapes, exponents beyond `f64`, many
//! empty objects (each becoming a struct of a typed answer), and for query strings many `&`,
//! many pairs, many escapes and one long value.

use payseal::keepz::Keepz;
use payseal::keepz::api::{OrderStatusRequest, SubscriptionHistoryRequest, parse_plain_callback};
use payseal::transactpay::TransactPay;
use payseal::transactpay::api::{OrderStatusData, VerifyData, parse_response, parse_webhook};
use payseal::{Backend, ErrorKind, RawJson};

/// Hostile JSON values of `len` bytes (to within a few bytes), by shape name.
pub fn json_values(len: usize) -> Vec<(&'static str, String)> {
    let repeat_to = |open: &str, item: &str, sep: &str, close: &str| {
        let per = item.len() + sep.len();
        let n = len.saturating_sub(open.len() + close.len() + item.len()) / per;
        let mut out = String::with_capacity(len);
        out.push_str(open);
        for _ in 0..n {
            out.push_str(item);
            out.push_str(sep);
        }
        out.push_str(item);
        out.push_str(close);
        out
    };
    let keys = {
        let mut out = String::with_capacity(len);
        out.push('{');
        let mut i = 0usize;
        while out.len() + 16 < len {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&format!("\"{i:x}\":0"));
            i += 1;
        }
        out.push('}');
        out
    };
    vec![
        ("small numbers", repeat_to("[", "0", ",", "]")),
        ("deep arrays", "[".repeat(len / 2) + &"]".repeat(len / 2)),
        ("many keys", keys),
        ("duplicate keys", repeat_to("{", "\"a\":0", ",", "}")),
        ("long string", repeat_to("\"", "A", "", "\"")),
        ("many escapes", repeat_to("\"", "\\u0041", "", "\"")),
        ("huge exponents", repeat_to("[", "1e999999999", ",", "]")),
        ("empty objects", repeat_to("[", "{}", ",", "]")),
    ]
}

/// Hostile query strings of `len` bytes, by shape name.
pub fn query_strings(len: usize) -> Vec<(&'static str, String)> {
    let fill = |head: &str, unit: &str| {
        let mut out = head.to_string();
        while out.len() + unit.len() <= len {
            out.push_str(unit);
        }
        out
    };
    vec![
        ("many &", "&".repeat(len)),
        ("many pairs", fill("", "a=&")),
        ("many names", {
            let mut out = String::with_capacity(len);
            let mut i = 0usize;
            while out.len() + 12 < len {
                out.push_str(&format!("{i:x}=&"));
                i += 1;
            }
            out
        }),
        (
            "many escapes",
            fill("encryptedKeys=AAAA&encryptedData=", "%41"),
        ),
        ("long value", fill("encryptedKeys=AAAA&encryptedData=", "A")),
    ]
}

/// The handles the targets use: a Keepz integrator that opens with the 2048-bit test key, whoever
/// seals to it, and a TransactPay handle that opens with the same key (the gateway's side).
pub struct Handles {
    /// Opens Keepz bodies.
    pub keepz: Keepz,
    /// Seals Keepz envelopes to the key `keepz` opens with.
    pub sealer: Keepz,
    /// Opens TransactPay requests.
    pub transactpay: TransactPay,
}

impl Handles {
    /// The handles on `backend`.
    pub fn new(backend: Backend) -> Handles {
        Handles {
            keepz: Keepz::builder()
                .open_with(crate::private_key("rsa2048.pkcs8.pem", backend))
                .build()
                .expect("keepz handle"),
            sealer: Keepz::builder()
                .seal_to(crate::public_key("rsa2048.spki.pem", backend))
                .build()
                .expect("keepz sealer"),
            transactpay: TransactPay::builder()
                .open_with(crate::private_key("rsa2048.pkcs8.pem", backend))
                .build()
                .expect("transactpay handle"),
        }
    }
}

/// One reader of gateway bodies: its body limit, where a hostile value goes in a body for it, and
/// the call (the error kind it answered, `None` when it accepted the body).
pub struct Target {
    /// The reader and the place of the value, for reports.
    pub name: &'static str,
    /// The reader's default body limit: bodies are filled up to it.
    pub limit: usize,
    prefix: &'static str,
    suffix: &'static str,
    run: fn(&Handles, &[u8]) -> Option<ErrorKind>,
}

impl Target {
    /// Each hostile value in a body of at most `self.limit` bytes.
    pub fn bodies(&self) -> Vec<(&'static str, Vec<u8>)> {
        json_values(self.limit - self.prefix.len() - self.suffix.len())
            .into_iter()
            .map(|(shape, value)| {
                let body = format!("{}{value}{}", self.prefix, self.suffix).into_bytes();
                assert!(body.len() <= self.limit, "{} {shape}", self.name);
                (shape, body)
            })
            .collect()
    }

    /// Feeds `body` to the reader.
    pub fn run(&self, handles: &Handles, body: &[u8]) -> Option<ErrorKind> {
        (self.run)(handles, body)
    }
}

fn kind<T>(result: payseal::Result<T>) -> Option<ErrorKind> {
    result.err().map(|e| e.kind())
}

const KEEPZ_LIMIT: usize = payseal::keepz::DEFAULT_MAX_BODY;
const TRANSACTPAY_ANSWER_LIMIT: usize = payseal::transactpay::api::DEFAULT_MAX_BODY;
const TRANSACTPAY_REQUEST_LIMIT: usize = payseal::transactpay::DEFAULT_MAX_BODY;
const ENVELOPE_HEAD: &str = r#"{"encryptedData":"AAAA","encryptedKeys":"AAAA","aes":true,"x":"#;

/// Every reader of a body a stranger can send, with the hostile value as the whole body, as a
/// field of an envelope, and as the part a typed reader goes into.
pub fn targets() -> Vec<Target> {
    vec![
        Target {
            name: "keepz open: whole body",
            limit: KEEPZ_LIMIT,
            prefix: "",
            suffix: "",
            run: |h, b| kind(h.keepz.open(b)),
        },
        Target {
            name: "keepz open: envelope field",
            limit: KEEPZ_LIMIT,
            prefix: ENVELOPE_HEAD,
            suffix: "}",
            run: |h, b| kind(h.keepz.open(b)),
        },
        Target {
            name: "keepz open: encryptedData",
            limit: KEEPZ_LIMIT,
            prefix: r#"{"encryptedKeys":"AAAA","encryptedData":"#,
            suffix: "}",
            run: |h, b| kind(h.keepz.open(b)),
        },
        Target {
            name: "keepz parse_response (order status): whole body",
            limit: KEEPZ_LIMIT,
            prefix: "",
            suffix: "",
            run: |h, b| kind(h.keepz.parse_response::<OrderStatusRequest>(404, b)),
        },
        Target {
            name: "keepz parse_response (subscription history): error body field",
            limit: KEEPZ_LIMIT,
            prefix: r#"{"statusCode":6005,"message":"m","x":"#,
            suffix: "}",
            run: |h, b| kind(h.keepz.parse_response::<SubscriptionHistoryRequest>(404, b)),
        },
        Target {
            name: "keepz parse_callback: whole body",
            limit: KEEPZ_LIMIT,
            prefix: "",
            suffix: "",
            run: |h, b| kind(h.keepz.parse_callback(b)),
        },
        Target {
            name: "keepz parse_callback: cardInfo",
            limit: KEEPZ_LIMIT,
            prefix: r#"{"integratorOrderId":"x","cardInfo":"#,
            suffix: "}",
            run: |h, b| kind(h.keepz.parse_callback(b)),
        },
        Target {
            name: "keepz parse_plain_callback: unknown field",
            limit: KEEPZ_LIMIT,
            prefix: r#"{"integratorOrderId":"x","x":"#,
            suffix: "}",
            run: |_, b| kind(parse_plain_callback(b)),
        },
        Target {
            name: "transactpay open: whole body",
            limit: TRANSACTPAY_REQUEST_LIMIT,
            prefix: "",
            suffix: "",
            run: |h, b| kind(h.transactpay.open(b)),
        },
        Target {
            name: "transactpay open: data",
            limit: TRANSACTPAY_REQUEST_LIMIT,
            prefix: r#"{"data":"#,
            suffix: "}",
            run: |h, b| kind(h.transactpay.open(b)),
        },
        Target {
            name: "transactpay parse_response (raw): whole body",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: "",
            suffix: "",
            run: |_, b| kind(parse_response::<RawJson>(200, b)),
        },
        Target {
            name: "transactpay parse_response (raw): data",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: r#"{"statusCode":"00","data":"#,
            suffix: "}",
            run: |_, b| kind(parse_response::<RawJson>(200, b)),
        },
        Target {
            name: "transactpay parse_response (order status): orderPayments",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: r#"{"statusCode":"00","data":{"orderPayments":"#,
            suffix: "}}",
            run: |_, b| kind(parse_response::<OrderStatusData>(200, b)),
        },
        Target {
            name: "transactpay parse_response (verify): data",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: r#"{"statusCode":"00","data":"#,
            suffix: "}",
            run: |_, b| kind(parse_response::<VerifyData>(200, b)),
        },
        Target {
            name: "transactpay parse_webhook: whole body",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: "",
            suffix: "",
            run: |_, b| kind(parse_webhook(b)),
        },
        Target {
            name: "transactpay parse_webhook: orderPayments",
            limit: TRANSACTPAY_ANSWER_LIMIT,
            prefix: r#"{"Data":{"OrderReference":"x","OrderPayments":"#,
            suffix: "}}",
            run: |_, b| kind(parse_webhook(b)),
        },
    ]
}

/// `Keepz::open_query` (the Keepz body limit applies to query strings too).
pub fn open_query(handles: &Handles, query: &str) -> Option<ErrorKind> {
    kind(handles.keepz.open_query(query))
}

/// The Keepz body limit, which query strings are filled to.
pub const QUERY_LIMIT: usize = KEEPZ_LIMIT;

/// A reader of a sealed body: what it is, the body, and the call.
pub type SealedCase = (
    &'static str,
    Vec<u8>,
    fn(&Handles, &[u8]) -> Option<ErrorKind>,
);

/// Envelopes that really open, as large as the Keepz limit allows (a plaintext of 760 KiB):
/// valid JSON, and hostile shapes inside the plaintext for the typed readers behind the open.
pub fn sealed_cases(handles: &Handles) -> Vec<SealedCase> {
    const PLAINTEXT: usize = 760 * 1024;
    let seal = |json: &str| {
        handles
            .sealer
            .seal_bytes(json.as_bytes())
            .expect("seal")
            .to_json_body()
            .into_bytes()
    };
    let values = json_values(PLAINTEXT - 64);
    let value = |name: &str| {
        values
            .iter()
            .find(|(shape, _)| *shape == name)
            .map(|(_, v)| v.clone())
            .expect("shape")
    };
    let cases: Vec<SealedCase> = vec![
        (
            "keepz open: a valid envelope of 1 MiB",
            seal(&format!(r#"{{"note":{}}}"#, value("long string"))),
            |h, b| kind(h.keepz.open(b)),
        ),
        (
            "keepz open: sealed small numbers",
            seal(&value("small numbers")),
            |h, b| kind(h.keepz.open(b)),
        ),
        (
            "keepz parse_response (subscription history): sealed empty objects",
            seal(&value("empty objects")),
            |h, b| kind(h.keepz.parse_response::<SubscriptionHistoryRequest>(200, b)),
        ),
        (
            "keepz parse_response (order status): sealed many keys",
            seal(&value("many keys")),
            |h, b| kind(h.keepz.parse_response::<OrderStatusRequest>(200, b)),
        ),
        (
            "keepz parse_callback: sealed many keys in cardInfo",
            seal(&format!(
                r#"{{"integratorOrderId":"x","cardInfo":{}}}"#,
                value("many keys")
            )),
            |h, b| kind(h.keepz.parse_callback(b)),
        ),
    ];
    for (name, body, _) in &cases {
        assert!(body.len() <= KEEPZ_LIMIT, "{name}: {} bytes", body.len());
    }
    cases
}
