//! Making untrusted text (article titles, ids, outlets, quotes, lexicon labels) safe for
//! the output it lands in, one function per kind of output:
//!
//! * [`terminal`]: no control characters reach a terminal (an `ESC [2J` in a title would
//!   clear the screen, a `^H` rewrite what was printed); each is shown as its visible
//!   Unicode "control picture" (`␛`, `␈`) or, for C1 controls, as U+FFFD;
//! * [`csv_cell`]: no spreadsheet formula: a cell starting with `=`, `+`, `-`, `@`, a tab
//!   or a carriage return gets a leading `'` (OWASP's advice for CSV injection);
//! * [`xml_text`]: only characters XML 1.0 allows (an SVG with U+0001 is not well-formed
//!   and browsers refuse to show it).
//!
//! Each returns the input unchanged (borrowed) in the common case, so calling it on every
//! field costs a scan and no allocation. Pure functions: the renderers call them where
//! untrusted text reaches their output.

use std::borrow::Cow;
use std::io::Write;

/// True for characters a terminal may act on: C0 controls (except tab and newline when
/// `keep_layout`), DEL and C1 controls (U+0080–U+009F; U+009B is a one-character CSI).
fn is_terminal_control(c: char, keep_layout: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        _ => false,
    }
}

/// The visible stand-in for a control character: its Unicode control picture (U+2400 +
/// code, `␡` for DEL), or U+FFFD for C1 controls.
fn picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        _ => '\u{fffd}',
    }
}

fn replace_where(
    s: &str,
    bad: impl Fn(char) -> bool,
    with: impl Fn(char) -> Option<char>,
) -> Cow<'_, str> {
    if !s.chars().any(&bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            if let Some(r) = with(c) {
                out.push(r);
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes bytes on with every terminal control character made visible
/// (like [`terminal_block`]: newlines and tabs are kept), for streams that carry untrusted
/// text to a terminal: slant's standard error (file names, lexicon snippets, messages) and
/// the output of `explain` and `lexicon`. Works on bytes, so a character split across two
/// writes is handled; C1 controls are the two bytes `C2 80`..`C2 9F` in UTF-8.
pub struct TerminalWriter<W: Write> {
    inner: W,
    /// The last write ended with `0xC2`, the first byte of a C1 control or of a harmless
    /// character: decided by the next byte.
    pending_c2: bool,
}

impl<W: Write> TerminalWriter<W> {
    pub fn new(inner: W) -> TerminalWriter<W> {
        TerminalWriter {
            inner,
            pending_c2: false,
        }
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut b = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
}

impl<W: Write> Write for TerminalWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let clean = |b: u8| !matches!(b, 0..=8 | 0x0b..=0x1f | 0x7f | 0xc2);
        if !self.pending_c2 && buf.iter().all(|&b| clean(b)) {
            self.inner.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut out = Vec::with_capacity(buf.len() + 8);
        let mut i = 0;
        if self.pending_c2 {
            self.pending_c2 = false;
            match buf.first() {
                Some(0x80..=0x9f) => {
                    push_char(&mut out, '\u{fffd}');
                    i = 1;
                }
                _ => out.push(0xc2),
            }
        }
        while i < buf.len() {
            let b = buf[i];
            match b {
                0..=8 | 0x0b..=0x1f | 0x7f => push_char(&mut out, picture(b as char)),
                0xc2 => match buf.get(i + 1) {
                    None => self.pending_c2 = true,
                    Some(0x80..=0x9f) => {
                        push_char(&mut out, '\u{fffd}');
                        i += 1;
                    }
                    Some(_) => out.push(b),
                },
                _ => out.push(b),
            }
            i += 1;
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if std::mem::take(&mut self.pending_c2) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

/// Text for one line of a terminal (a table cell, a label): every control character,
/// line breaks and tabs included, becomes visible (`␛[2J`).
pub fn terminal(s: &str) -> Cow<'_, str> {
    replace_where(s, |c| is_terminal_control(c, false), |c| Some(picture(c)))
}

/// Text for a terminal that may span lines (quoted passages, article text): like
/// [`terminal`], but newlines and tabs are kept.
pub fn terminal_block(s: &str) -> Cow<'_, str> {
    replace_where(s, |c| is_terminal_control(c, true), |c| Some(picture(c)))
}

/// A CSV cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'` (OWASP, "CSV Injection"). Numbers are written by
/// slant itself and never pass through here, so `-0.25` stays a number.
pub fn csv_cell(s: &str) -> Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// True for characters XML 1.0 does not allow in a document: C0 controls other than tab,
/// newline and carriage return, and the non-characters U+FFFE and U+FFFF.
fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Text (or a whole document) with every character XML 1.0 forbids replaced by U+FFFD.
/// Markup escaping (`&`, `<`) is the writer's job; this only makes the text legal.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    replace_where(s, is_xml_forbidden, |_| Some('\u{fffd}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_shows_controls_instead_of_obeying_them() {
        assert_eq!(terminal("plain — ünï"), "plain — ünï");
        assert!(matches!(terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(terminal("\x1b[2Jboom\x08"), "␛[2Jboom␈");
        assert_eq!(terminal("a\nb\tc\rd"), "a␊b␉c␍d");
        assert_eq!(terminal("\u{9b}31m\u{7f}"), "\u{fffd}31m␡");
        assert_eq!(terminal_block("a\nb\t\x1b"), "a\nb\t␛");
        for s in [
            terminal("\x00\x1f\x7f\u{80}\u{9f}"),
            terminal_block("\x07\r"),
        ] {
            assert!(
                !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
                "{s:?}"
            );
        }
    }

    #[test]
    fn the_terminal_writer_filters_bytes_even_split_across_writes() {
        let mut w = TerminalWriter::new(Vec::new());
        w.write_all(b"a\x1b[2J\n\tok \xc2").unwrap();
        w.write_all(b"\x9b31m \xc2").unwrap();
        w.write_all(b"\xa0\x07").unwrap();
        w.flush().unwrap();
        let out = String::from_utf8(w.inner).unwrap();
        assert_eq!(out, "a␛[2J\n\tok \u{fffd}31m \u{a0}␇");
        assert_eq!(out, terminal_block("a\x1b[2J\n\tok \u{9b}31m \u{a0}\x07"));
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for bad in [
            "=HYPERLINK(\"x\")",
            "+SUM(A1)",
            "-1+2",
            "@cmd",
            "\tx",
            "\rx",
        ] {
            let cell = csv_cell(bad);
            assert!(cell.starts_with('\''), "{bad:?}");
            assert_eq!(&cell[1..], bad);
        }
        assert_eq!(csv_cell("Officials say"), "Officials say");
        assert_eq!(csv_cell(""), "");
        assert_eq!(csv_cell(" =x"), " =x", "a leading space is not a formula");
    }

    #[test]
    fn xml_text_drops_what_xml_forbids_and_keeps_the_rest() {
        assert_eq!(xml_text("a\u{1}b\u{ffff}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(xml_text("tab\tnl\ncr\r<&>"), "tab\tnl\ncr\r<&>");
        assert!(matches!(xml_text("fine"), Cow::Borrowed(_)));
    }
}
