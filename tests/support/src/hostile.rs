//! Hostile inputs the bad-input tests of several crates share: bodies far over every size limit,
//! JSON nested far beyond serde_json's recursion limit, and a thread with a small stack to parse
//! it on.

/// 16 MiB: 16 times Keepz's default body limit, 256 times TransactPay's.
pub const BIG_BODY: usize = 16 << 20;

/// A `BIG_BODY`-byte body made of `head`, `A`s and `tail`: a Base64 field that *claims* far more
/// than any limit.
fn huge_body(head: &[u8], tail: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(BIG_BODY + tail.len());
    body.extend_from_slice(head);
    body.resize(BIG_BODY, b'A');
    body.extend_from_slice(tail);
    body
}

/// A Keepz envelope whose `encryptedData` is 16 MiB of `A`.
pub fn huge_keepz_body() -> Vec<u8> {
    huge_body(
        br#"{"encryptedData":""#,
        br#"","encryptedKeys":"AAAA","aes":true}"#,
    )
}

/// A TransactPay envelope whose `data` is 16 MiB of `A`.
pub fn huge_transactpay_body() -> Vec<u8> {
    huge_body(br#"{"data":""#, br#""}"#)
}

/// Gateway bodies that are HTML pages: a proxy's 502, a WAF's block page, one with leading
/// whitespace, one with a UTF-8 byte-order mark.
pub const HTML_PAGES: [&[u8]; 4] = [
    b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    b"<!DOCTYPE html>\n<html lang=\"en\"><body>Access denied</body></html>",
    b"\r\n  <HTML><BODY>Service Unavailable</BODY></HTML>",
    b"\xef\xbb\xbf<!doctype html><html></html>",
];

/// Nesting far beyond the 128 levels serde_json reads.
pub const DEEP: usize = 10_000;

/// `[[[[…]]]]` nested `depth` levels.
pub fn nested_arrays(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

/// `{"a":{"a":…}}` nested `depth` levels.
pub fn nested_objects(depth: usize) -> String {
    "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)
}

/// Runs `f` on a thread with a deliberately small stack (1 MiB, half the default of a test
/// thread): the 127 levels serde_json does read take up to ~300 KiB of stack in a debug build, so
/// unbounded recursion over [`DEEP`] levels would need some 20 MiB and overflow here.
pub fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("the parser must not overflow the stack or panic");
}
