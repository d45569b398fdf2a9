//! A strict tokenizer for the small XML subset that RSA keys are written in.
//!
//! .NET's `RSA.ToXmlString` writes flat elements holding Base64 text and nothing else. Hand-edited
//! or tool-written copies add indentation and an `<?xml ...?>` declaration. That subset —
//! elements without attributes, text, one leading declaration, whitespace — is all this tokenizer
//! reads. Everything else (attributes, namespaces, comments, DOCTYPE, CDATA, entity references,
//! processing instructions) is refused by name rather than skipped, so a key is never read from
//! XML that means something other than it appears to.
//!
//! The tokenizer knows nothing about keys; [`super::rsa_key_value`] gives the tokens their
//! structure.

use crate::error::excerpt;
use std::fmt;

/// One piece of XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<?xml ...?>`.
    Declaration,
    /// `<name>`.
    Start(&'a str),
    /// `</name>`.
    End(&'a str),
    /// `<name/>`: an element with no content.
    Empty(&'a str),
    /// Character data between tags (never empty).
    Text(&'a str),
}

/// A token and the byte offset where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Spanned<'a> {
    /// Byte offset of the token in the input.
    pub offset: usize,
    /// The token.
    pub token: Token<'a>,
}

/// Why the input is not XML of the accepted subset, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct XmlError {
    /// Byte offset of the problem in the input.
    pub offset: usize,
    /// What is wrong, for people.
    pub problem: String,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.problem)
    }
}

fn error(offset: usize, problem: impl Into<String>) -> XmlError {
    XmlError {
        offset,
        problem: problem.into(),
    }
}

/// Whether `text` is XML whitespace only (space, tab, CR, LF).
pub(crate) fn is_xml_whitespace(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Splits `input` into tokens, or says what in it lies outside the accepted subset.
pub(crate) fn tokenize(input: &str) -> Result<Vec<Spanned<'_>>, XmlError> {
    let bytes = input.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        let (token, next) = if bytes[pos] == b'<' {
            read_markup(input, pos)?
        } else {
            read_text(input, pos)?
        };
        tokens.push(Spanned { offset: pos, token });
        pos = next;
    }
    Ok(tokens)
}

/// Reads character data up to the next `<` (or the end).
fn read_text(input: &str, start: usize) -> Result<(Token<'_>, usize), XmlError> {
    let rest = &input[start..];
    let len = rest.find('<').unwrap_or(rest.len());
    let text = &rest[..len];
    if let Some(amp) = text.find('&') {
        return Err(error(
            start + amp,
            "entity and character references (&...;) are not supported in key XML",
        ));
    }
    Ok((Token::Text(text), start + len))
}

/// Reads one tag starting at the `<` at `start`.
fn read_markup(input: &str, start: usize) -> Result<(Token<'_>, usize), XmlError> {
    let rest = &input[start..];
    if rest.starts_with("<?") {
        return read_declaration(input, start);
    }
    if rest.starts_with("<!") {
        return Err(error(
            start,
            "comments, DOCTYPE and CDATA sections (<!...>) are not supported in key XML",
        ));
    }
    let close = rest.find('>').ok_or_else(|| {
        error(
            start,
            "the XML ends inside a tag (no closing '>'): it looks truncated",
        )
    })?;
    let inner = &rest[1..close];
    if let Some(lt) = inner.find('<') {
        return Err(error(start + 1 + lt, "a '<' inside a tag"));
    }
    let next = start + close + 1;
    if let Some(name) = inner.strip_prefix('/') {
        let name = name.trim_end_matches([' ', '\t', '\r', '\n']);
        check_name(name, start + 2, "</...>")?;
        return Ok((Token::End(name), next));
    }
    let (body, empty) = match inner.strip_suffix('/') {
        Some(body) => (body, true),
        None => (inner, false),
    };
    let name_end = body.find([' ', '\t', '\r', '\n']).unwrap_or(body.len());
    let name = &body[..name_end];
    check_name(name, start + 1, "<...>")?;
    if !is_xml_whitespace(&body[name_end..]) {
        return Err(error(
            start + 1 + name_end,
            format!("attributes are not supported in key XML (found in <{name} ...>)"),
        ));
    }
    let token = if empty {
        Token::Empty(name)
    } else {
        Token::Start(name)
    };
    Ok((token, next))
}

/// Reads `<?xml ...?>`; any other processing instruction is refused.
fn read_declaration(input: &str, start: usize) -> Result<(Token<'_>, usize), XmlError> {
    let rest = &input[start..];
    let is_xml_decl = rest.len() > 5
        && rest.starts_with("<?xml")
        && matches!(rest.as_bytes()[5], b' ' | b'\t' | b'\r' | b'\n');
    if !is_xml_decl {
        return Err(error(
            start,
            "processing instructions other than the <?xml ...?> declaration are not supported",
        ));
    }
    let end = rest.find("?>").ok_or_else(|| {
        error(
            start,
            "the XML declaration has no closing '?>': it looks truncated",
        )
    })?;
    if let Some(bad) = rest[2..end].find(['<', '>']) {
        return Err(error(
            start + 2 + bad,
            "a '<' or '>' inside the XML declaration",
        ));
    }
    Ok((Token::Declaration, start + end + 2))
}

/// The longest element name read (`RSAKeyValue` is 11): names end up in messages.
const MAX_NAME_LEN: usize = 64;

/// Checks an element name: at most [`MAX_NAME_LEN`] bytes, an ASCII letter or `_`, then letters,
/// digits, `_`, `-`, `.`. Namespace prefixes (`ds:Modulus`) are refused. A name that passes is
/// safe to show in a message as it is.
fn check_name(name: &str, offset: usize, tag: &str) -> Result<(), XmlError> {
    if name.len() > MAX_NAME_LEN {
        return Err(error(
            offset,
            format!(
                "an element name of {} bytes; no key XML element is longer than {MAX_NAME_LEN}",
                name.len()
            ),
        ));
    }
    let mut chars = name.bytes();
    let first_ok = matches!(chars.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_');
    if !first_ok {
        return Err(error(
            offset,
            format!("a tag {tag} without a valid element name"),
        ));
    }
    if name.contains(':') {
        return Err(error(
            offset,
            format!(
                "namespace prefixes are not supported in key XML (element {})",
                excerpt(name)
            ),
        ));
    }
    if let Some(bad) = name
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
    {
        return Err(error(
            offset + bad,
            format!(
                "the element name {} contains a character not allowed here",
                excerpt(name)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<Token<'_>> {
        tokenize(input)
            .unwrap()
            .into_iter()
            .map(|s| s.token)
            .collect()
    }

    fn problem(input: &str) -> XmlError {
        tokenize(input).unwrap_err()
    }

    #[test]
    fn elements_text_and_whitespace() {
        assert_eq!(
            tokens("<a><b>QUJD</b>\n  <c/><d >x</d ></a>"),
            vec![
                Token::Start("a"),
                Token::Start("b"),
                Token::Text("QUJD"),
                Token::End("b"),
                Token::Text("\n  "),
                Token::Empty("c"),
                Token::Start("d"),
                Token::Text("x"),
                Token::End("d"),
                Token::End("a"),
            ]
        );
        assert_eq!(tokens(""), vec![]);
    }

    #[test]
    fn declaration() {
        assert_eq!(
            tokens("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<a/>"),
            vec![Token::Declaration, Token::Text("\r\n"), Token::Empty("a")]
        );
        assert!(problem("<?xml version='1.0'").problem.contains("truncated"));
        assert!(
            problem("<?php echo 1 ?>")
                .problem
                .contains("processing instructions")
        );
        assert!(
            problem("<?xml?>")
                .problem
                .contains("processing instructions")
        );
    }

    #[test]
    fn offsets() {
        let spans = tokenize("<a> <b/></a>").unwrap();
        let offsets: Vec<usize> = spans.iter().map(|s| s.offset).collect();
        assert_eq!(offsets, vec![0, 3, 4, 8]);
        assert_eq!(problem("<a>&amp;</a>").offset, 3);
    }

    #[test]
    fn refused_constructs_are_named() {
        let cases = [
            ("<a x=\"1\"/>", "attributes"),
            (
                "<RSAKeyValue xmlns=\"http://www.w3.org/2000/09/xmldsig#\">",
                "attributes",
            ),
            ("<ds:Modulus>", "namespace"),
            ("<!-- c -->", "comments"),
            ("<!DOCTYPE a>", "DOCTYPE"),
            ("<a><![CDATA[x]]></a>", "CDATA"),
            ("<a>&lt;</a>", "entity"),
            ("<a", "truncated"),
            ("<a><b", "truncated"),
            ("<>", "without a valid element name"),
            ("</>", "without a valid element name"),
            ("<1a>", "without a valid element name"),
            ("<a*b>", "not allowed"),
            ("<a <b>", "'<' inside a tag"),
        ];
        for (input, needle) in cases {
            let e = problem(input);
            assert!(
                e.problem.contains(needle),
                "{input:?}: {e} does not mention {needle:?}"
            );
        }
    }

    #[test]
    fn whitespace_check() {
        assert!(is_xml_whitespace(" \t\r\n"));
        assert!(is_xml_whitespace(""));
        assert!(!is_xml_whitespace(" x "));
        assert!(!is_xml_whitespace("\u{a0}"));
    }
}
