//! What an error message must never contain, shared by the message tests of the core
//! (`tests/messages.rs`) and of the C ABI (`ffi/src/tests/messages.rs`).

/// A card number, as a number and as text with spaces: must never appear in a message.
pub const PAN: &str = "4111111111111111";
/// The same card number as people write it.
pub const PAN_SPACED: &str = "4111 1111 1111 1111";

/// Characters that change how a log line reads: ESC (terminal control sequences), CR, LF, NUL,
/// NEL, a bidi override and isolate, a zero-width space and a byte-order mark. Tests put them
/// into names and values; none may reach a message raw.
pub const CONTROL: &str = "\u{1b}[2J\u{1b}[31m\r\n\0\u{85}\u{202e}\u{2066}\u{200b}\u{feff}";

/// The longest message any error may have: enough for a sentence and a few quoted excerpts,
/// never a whole field (tests feed 200 kB ones).
pub const MAX_MESSAGE_BYTES: usize = 1024;

/// A value of about 200 kB with `CONTROL` inside, for "a whole field is never echoed".
pub fn long_hostile_value() -> String {
    format!("{CONTROL}{}{CONTROL}", "A".repeat(200_000))
}

/// Whether `c` may not appear raw in a message: a control character (C0, DEL, C1) or a Unicode
/// format, bidi or separator character.
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// The problems of one message, described for the test's report (empty when it is clean):
/// a forbidden character, a length over [`MAX_MESSAGE_BYTES`], or one of `secrets`.
pub fn problems(what: &str, message: &str, secrets: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    let shown: String = message.chars().take(160).collect();
    if let Some(c) = message.chars().find(|&c| is_forbidden(c)) {
        found.push(format!("{what}: raw {c:?} in {shown:?}"));
    }
    if message.len() > MAX_MESSAGE_BYTES {
        found.push(format!("{what}: {} bytes: {shown:?}…", message.len()));
    }
    for secret in secrets {
        if message.contains(secret) {
            found.push(format!("{what}: contains {secret:?}: {shown:?}"));
        }
    }
    found
}
