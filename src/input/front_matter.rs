//! YAML front matter at the top of a `.txt` or `.md` article: a `---` line, `key: value`
//! lines for `title`, `outlet`, `date`, `url` and `author`, and a closing `---` (or
//! `...`) line.
//!
//! Only flat `key: value` lines are read (a value may be quoted with `"` or `'`; `#` lines
//! are comments), with a hand-written reader rather than a YAML parser: front matter is
//! metadata, and a YAML alias or nesting bomb in an article must not get a parser's
//! attention. Other keys are ignored with a warning.
//!
//! The block is **blanked, not cut**: every byte of it except line ends becomes a space.
//! The words slant scores are the article's alone, while every offset, line and column
//! still refers to the file as given (and the article page, which shows the text from its
//! first non-blank character, highlights the same words).

use super::meta::{Metadata, FIELDS};

/// The longest front matter read, in bytes (a block without an end in that much is not
/// front matter).
const MAX_FRONT_MATTER: usize = 16 * 1024;

/// Front matter found at the start of a text.
#[derive(Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub meta: Metadata,
    /// Problems with single lines (unknown keys, lines that are not `key: value`).
    pub warnings: Vec<String>,
}

/// Read and blank the front matter of `text` (shown as `name` in warnings); `None` when
/// the text has none (it is then untouched).
pub fn take(name: &str, text: &mut String) -> Option<FrontMatter> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let head = &text[..text.len().min(MAX_FRONT_MATTER)];
    let mut fm = FrontMatter::default();
    let mut pos = first_end + 1;
    let mut lineno = 1;
    let end = loop {
        let line_end = head[pos..].find('\n').map(|i| pos + i + 1)?;
        lineno += 1;
        let line = head[pos..line_end].trim();
        pos = line_end;
        if line == "---" || line == "..." {
            break line_end;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => {
                let key = key.trim().to_ascii_lowercase();
                match fm.meta.field(&key) {
                    Some(slot) => *slot = Some(unquote(value.trim())),
                    None => fm.warnings.push(format!(
                        "{name}:{lineno}: front matter key `{key}` is not one slant reads ({}); ignored",
                        FIELDS.join(", ")
                    )),
                }
            }
            _ => fm.warnings.push(format!(
                "{name}:{lineno}: front matter line is not `key: value`; ignored"
            )),
        }
    };
    // A `---` line followed by text and a later `---` (a Markdown rule) is not front
    // matter unless something in it was a field.
    if fm.meta == Metadata::default() {
        return None;
    }
    blank(text, end);
    Some(fm)
}

/// A `"…"` or `'…'` value without its quotes (`\"` and `\\` unescaped in the first,
/// `''` in the second); others as written.
fn unquote(v: &str) -> String {
    if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') {
        let mut out = String::with_capacity(v.len());
        let mut chars = v[1..v.len() - 1].chars();
        while let Some(c) = chars.next() {
            match (c, chars.clone().next()) {
                ('\\', Some(n @ ('"' | '\\'))) => {
                    out.push(n);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        out
    } else if v.len() >= 2 && v.starts_with('\'') && v.ends_with('\'') {
        v[1..v.len() - 1].replace("''", "'")
    } else {
        v.to_string()
    }
}

/// Replace every byte of `text[..end]` but line ends with a space.
fn blank(text: &mut String, end: usize) {
    let mut bytes = std::mem::take(text).into_bytes();
    for b in &mut bytes[..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
    // ASCII spaces over whole UTF-8 sequences (the block ends at a line end).
    *text = String::from_utf8(bytes).expect("still UTF-8");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_blanked_keeping_offsets_and_lines() {
        let original = "---\ntitle: \"Border: a “crisis”\"\noutlet: The Daily Example\ndate: 2024-05-01\nauthor: 'O''Brien'\nmood: angry\n---\nThe headline\n\nBody with illegal aliens.\n";
        let mut text = original.to_string();
        let fm = take("a.md", &mut text).unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("Border: a “crisis”"));
        assert_eq!(fm.meta.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(fm.meta.date.as_deref(), Some("2024-05-01"));
        assert_eq!(fm.meta.author.as_deref(), Some("O'Brien"));
        assert!(
            fm.warnings[0].contains("a.md:6: front matter key `mood`"),
            "{:?}",
            fm.warnings
        );
        assert_eq!(text.len(), original.len());
        assert_eq!(text.lines().count(), original.lines().count());
        let at = original.find("illegal aliens").unwrap();
        assert_eq!(&text[at..at + 14], "illegal aliens");
        assert!(!text.contains("Daily") && !text.contains("crisis"));
        assert!(text.trim_start().starts_with("The headline"));
    }

    #[test]
    fn texts_without_front_matter_are_untouched() {
        for t in [
            "Title\n---\nBody",
            "---\nJust a rule above text\n\nand more\n",
            "---\ntitle: never closed\nbody",
            "--- \n",
        ] {
            let mut text = t.to_string();
            assert!(take("a", &mut text).is_none(), "{t}");
            assert_eq!(text, t);
        }
    }
}
