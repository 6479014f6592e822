//! The document shell every page shares.
//!
//! [`document`] wraps a page body in the same head (charset, viewport, the
//! Content-Security-Policy, the title, the inline style sheet) and footer. The style
//! sheet is `style.css` and the sorting script `sort.js`, both next to this file and
//! embedded at build time; the script is shipped minified, exactly as its bytes are
//! hashed into the policy. The policy forbids any network access and allows only that one
//! script, by its SHA-256, so pages work offline from `file://` and run nothing else.

use std::fmt::Write;

use sha2::{Digest, Sha256};

use super::escape::escape;
use super::sides::side_css;
use crate::analysis::Engine;

/// The style sheet of every page (`style.css`), after a newline so it starts on its own line
/// inside `<style>`.
const CSS: &str = concat!("\n", include_str!("style.css"));

/// The sorting script: turns header cells of `table.sortable` into buttons. Rows carry
/// `data-sort` values (numbers sort numerically; empty values always sort last). Without
/// JavaScript the table simply stays in input order.
///
/// `sort.js` is shipped as it runs (minified, no trailing newline): its exact bytes go into
/// the page and their SHA-256 into the Content-Security-Policy. In readable form it finds
/// every `table.sortable`, wraps each header cell's content in a `<button>`, says so in
/// the caption's `.hint`, and on a click sorts the body rows by that column's `data-sort`
/// (or text), numerically when both values are numbers, ascending then descending, with
/// `aria-sort` on the header.
const SORT_JS: &str = include_str!("sort.js");

fn csp(script: bool) -> String {
    let script_src = if script {
        let digest = Sha256::digest(SORT_JS.as_bytes());
        format!("'sha256-{}'", base64(&digest))
    } else {
        "'none'".to_string()
    };
    format!(
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src {script_src}; base-uri 'none'; form-action 'none'"
    )
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut o = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                o.push(A[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                o.push('=');
            }
        }
    }
    o
}

/// A whole HTML document around `body`; `sides` adds the side colors (not on worksheets).
pub(super) fn document(
    engine: &Engine,
    title: &str,
    body: &str,
    script: bool,
    sides: bool,
) -> String {
    let mut o = String::with_capacity(body.len() + CSS.len() + 2048);
    o.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        o,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        csp(script)
    );
    let _ = writeln!(o, "<title>{}</title>", escape(title));
    o.push_str("<style>");
    o.push_str(CSS);
    if sides {
        o.push_str(&side_css(engine));
    }
    o.push_str("</style>\n</head>\n<body>\n<div class=\"wrap\">\n");
    o.push_str(body);
    o.push_str(&footer(engine));
    o.push_str("</div>\n");
    if script {
        let _ = writeln!(o, "<script>{SORT_JS}</script>");
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn footer(engine: &Engine) -> String {
    let l = &engine.lexicon;
    format!(
        "<footer>Made with slant {} · lexicon {} {} ({}). Word lists are editorial judgements for discussion, not measurements.</footer>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&l.name),
        escape(&l.version),
        escape(l.short_hash())
    )
}

/// A heading of `level` (clamped to 1..=6), with an id when given; `text` is markup.
pub(super) fn h(level: u8, text: &str, id: Option<&str>) -> String {
    let level = level.clamp(1, 6);
    match id {
        Some(id) => format!("<h{level} id=\"{id}\">{text}</h{level}>\n"),
        None => format!("<h{level}>{text}</h{level}>\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn the_shipped_script_is_the_one_the_policy_allows() {
        // `sort.js` is embedded byte for byte: an editor's final newline would change every
        // page. Changing the script on purpose is fine: update this hash with it.
        assert!(!SORT_JS.ends_with('\n'));
        assert!(csp(true).contains("'sha256-uK7HdKQJlM9wY1yiJvE/HKNep1+DIaj56H4zp1zcXO0='"));
        assert!(CSS.starts_with("\n:root{") && CSS.ends_with("}\n"));
    }
}
