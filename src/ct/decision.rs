//! The one decision: every validity check of the open path, combined as `Choice`s and made public
//! once. Before it, nothing branches on secret-derived data; after it, only a valid plaintext is
//! read, by serde.
//!
//! What is left after the decision (see SECURITY.md, "What is left of the format oracle"): serde's
//! JSON syntax check runs on plaintexts that passed, and it stops at the first syntax error, so
//! its time says where that error is — for plaintexts that are UTF-8 with valid padding, open
//! with `{` or `[` and nest at most 127 levels. Every other failure takes the same path.

use super::secret::{declassified, declassify, declassify_choice};
use super::unpad::blank_padding;
use super::{json, utf8};
use crate::error::{Error, Result};
use crate::plaintext::Plaintext;
use subtle::Choice;
use zeroize::Zeroizing;

/// The top-level JSON values an open path accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Container {
    /// An object or an array (Keepz: payloads are always one of these).
    ObjectOrArray,
    /// An object (TransactPay: requests always are).
    Object,
}

/// Whether `text` is UTF-8 whose first bracket outside strings opens the `container` (on JSON: the
/// top level is that container) and whose arrays and objects nest at most 127 levels; computed
/// over the whole of `text`, with no early exit.
///
/// Requiring a container matters under implicit rejection (PKCS#1 v1.5): a damaged RSA block
/// decrypts to pseudo-random bytes of pseudo-random length, and a lone digit is valid JSON; a
/// structured value is not reached by chance.
pub(crate) fn text_ok(text: &[u8], container: Container) -> Choice {
    let shape = json::scan(text);
    let opens = match container {
        Container::ObjectOrArray => shape.object | shape.array,
        Container::Object => shape.object,
    };
    utf8::is_utf8(text) & opens & shape.depth_ok
}

/// Makes `valid` public and, when it is true, the plaintext: the first `len` bytes of
/// `plaintext` (the rest, blanked padding, is cut off), checked for JSON syntax by serde.
/// Everything else becomes [`Error::cannot_open`].
pub(crate) fn decide(
    valid: Choice,
    mut plaintext: Zeroizing<Vec<u8>>,
    len: usize,
) -> Result<Plaintext> {
    if !declassify_choice(valid) {
        return Err(Error::cannot_open());
    }
    declassify(plaintext.as_mut_slice());
    plaintext.truncate(declassified(len));
    // The part of the format check that is not constant-time: see the module doc.
    if serde_json::from_slice::<serde::de::IgnoredAny>(&plaintext).is_err() {
        return Err(Error::cannot_open());
    }
    Ok(Plaintext::from_checked(plaintext))
}

/// The hybrid path's decision over an AES-CBC plaintext (whole blocks): the PKCS#7 padding
/// (checked and blanked, not cut off), the text checks over the whole buffer and `key_ok`, made
/// public once by [`decide`]. One function, so that the open path and the fuzz target
/// (`fuzz/fuzz_targets/ct_decision.rs`, through `ct::internals`) run the same code.
pub(crate) fn decide_padded(
    key_ok: Choice,
    mut plaintext: Zeroizing<Vec<u8>>,
) -> Result<Plaintext> {
    let (padding_ok, len) = blank_padding(&mut plaintext);
    let text_ok = text_ok(&plaintext, Container::ObjectOrArray);
    decide(key_ok & padding_ok & text_ok, plaintext, len)
}

/// The decision over a whole message (the PKCS#1 v1.5 paths: no padding of its own to remove):
/// `opened` and the text checks, made public once by [`decide`].
pub(crate) fn decide_message(
    opened: Choice,
    message: Zeroizing<Vec<u8>>,
    container: Container,
) -> Result<Plaintext> {
    let text_ok = text_ok(&message, container);
    let len = message.len();
    decide(opened & text_ok, message, len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The decision the open paths made before: UTF-8, serde's syntax check, the depth scan
    /// that skips strings, the first non-blank byte.
    fn old_decision(text: &[u8], container: Container) -> bool {
        let first = text.trim_ascii_start().first().copied();
        let opens = match container {
            Container::ObjectOrArray => matches!(first, Some(b'{' | b'[')),
            Container::Object => first == Some(b'{'),
        };
        crate::plaintext::is_json(text) && opens
    }

    fn new_decision(text: &[u8], container: Container) -> bool {
        let valid = text_ok(text, container);
        decide(valid, Zeroizing::new(text.to_vec()), text.len()).is_ok()
    }

    fn same_decision(text: &[u8]) -> std::result::Result<(), String> {
        for container in [Container::ObjectOrArray, Container::Object] {
            for portable in [false, true] {
                super::super::simd::force_portable(portable);
                let new = new_decision(text, container);
                super::super::simd::force_portable(false);
                if new != old_decision(text, container) {
                    return Err(format!(
                        "{container:?} portable={portable}: new {new} for {:?}",
                        String::from_utf8_lossy(text)
                    ));
                }
            }
        }
        Ok(())
    }

    #[test]
    fn known_cases() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        for text in [
            "{}".to_string(),
            "[]".to_string(),
            " {\"a\":[1,2,{\"b\":\"]]]\"}]}".to_string(),
            "1".to_string(),
            "\"{\"".to_string(),
            "".to_string(),
            deep(127),
            deep(128),
            "{\"a\":\"\\\"[[[\"}".to_string(),
            "[\\\"]".to_string(),
            "]]]]][[[[[".to_string(),
            "\x0c{}".to_string(),
            "{} x".to_string(),
        ] {
            same_decision(text.as_bytes()).unwrap();
        }
        same_decision(b"[\"\xff\"]").unwrap();
        same_decision(b"[\"\xe2\x82\"]").unwrap();
    }

    proptest! {
        /// Random JSON, possibly damaged by a few byte changes: the new decision (AVX2 and
        /// portable) is the old one, for both containers.
        #[test]
        fn the_same_decision_as_before(
            value in super::super::json::tests::json_value(),
            wrap in 0usize..135,
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..3),
        ) {
            let mut text = format!("{}{value}{}", "[".repeat(wrap), "]".repeat(wrap)).into_bytes();
            for (at, byte) in changes {
                let i = at.index(text.len());
                text[i] = byte;
            }
            prop_assert_eq!(same_decision(&text), Ok(()));
        }

        /// Short strings over the bytes that matter (mostly not JSON).
        #[test]
        fn the_same_decision_on_json_like_bytes(
            text in proptest::collection::vec(proptest::sample::select(b"[]{}\"\\ :,1a\xc3\xa9".as_slice()), 0..40),
        ) {
            prop_assert_eq!(same_decision(&text), Ok(()));
        }
    }
}
