//! One JSONL article record, parsed from its line.
//!
//! This module owns the step from one line of a JSONL corpus to its fields (`id`, `text`,
//! and the optional `title`, `outlet`, `date`, `url`, `author`; other fields are ignored). The
//! answer is always serde_json's: a hand-written fast path reads the shape nearly every
//! corpus has (an object of string, null and plain-number values, article text with
//! ordinary escapes) straight into the record, and gives up on anything else (nested
//! values, duplicate keys, odd escapes, any syntax error), which serde_json then reads or
//! rejects with its own message. On the seed-derived corpus the fast path reads a record
//! in half the instructions serde_json takes, which unescapes the text into a scratch
//! buffer and then copies it again.

use serde::Deserialize;

/// The fields slant reads from a JSONL line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Record {
    /// A string or a number; anything else means "derive one".
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
}

/// Parse one line (a whole JSON document) into a [`Record`], exactly as
/// `serde_json::from_str` would.
pub fn parse(line: &str) -> Result<Record, serde_json::Error> {
    match fast(line) {
        Some(r) => Ok(r),
        None => serde_json::from_str(line),
    }
}

/// The fast path: `Some` only when it read the whole line and is sure serde_json gives the
/// same record; `None` for anything it does not handle (serde_json decides those).
fn fast(line: &str) -> Option<Record> {
    // Control characters are rare in JSONL (a raw one inside a string is an error, and
    // between values only tab, CR and LF may appear): one check of the whole line spares
    // checking every run of every string.
    let mut p = Parser {
        s: line,
        i: 0,
        checked: has_control(line.as_bytes()),
    };
    let mut seen = [false; 7];
    let mut r = Record {
        id: None,
        text: String::new(),
        title: None,
        outlet: None,
        date: None,
        url: None,
        author: None,
    };
    p.ws();
    p.eat(b'{')?;
    p.ws();
    // (`{}` stops at the first key: serde_json's "missing field" error.)
    loop {
        let key = p.plain_string()?;
        p.ws();
        p.eat(b':')?;
        p.ws();
        let field = FIELDS.iter().position(|f| *f == key);
        match field {
            Some(f) => {
                if std::mem::replace(&mut seen[f], true) {
                    return None; // serde_json: "duplicate field"
                }
                match (f, p.peek()?) {
                    (_, b'"') => {
                        let s = p.string()?;
                        match f {
                            0 => r.id = Some(serde_json::Value::String(s)),
                            1 => r.text = s,
                            2 => r.title = Some(s),
                            3 => r.outlet = Some(s),
                            4 => r.date = Some(s),
                            5 => r.url = Some(s),
                            _ => r.author = Some(s),
                        }
                    }
                    // `null` is `None` for every optional field; `text` must be a string.
                    (1, _) => return None,
                    (_, b'n') => p.literal(b"null")?,
                    _ => return None,
                }
            }
            None => p.skip_value()?,
        }
        p.ws();
        match p.next()? {
            b',' => p.ws(),
            b'}' => break,
            _ => return None,
        }
    }
    p.ws();
    (p.i == line.len() && seen[1]).then_some(r)
}

/// The keys of [`Record`], in the order of `seen` in [`fast`].
const FIELDS: [&[u8]; 7] = [
    b"id", b"text", b"title", b"outlet", b"date", b"url", b"author",
];

struct Parser<'a> {
    s: &'a str,
    i: usize,
    /// Whether the line has control characters, so that strings must be checked for them.
    checked: bool,
}

impl<'a> Parser<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.s.as_bytes()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i + word.len();
        (self.bytes().get(self.i..end)? == word).then(|| self.i = end)
    }

    /// JSON whitespace (not Unicode's).
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// A string without escapes (an object key, or a value slant skips), as bytes.
    fn plain_string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let (b, start) = (self.bytes(), self.i);
        let len = memchr::memchr2(b'"', b'\\', &b[start..])?;
        let key = &b[start..start + len];
        if b[start + len] != b'"' || (self.checked && has_control(key)) {
            return None;
        }
        self.i = start + len + 1;
        Some(key)
    }

    /// A string value, unescaped; the opening quote is next.
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        // Room for the rest of the line at once: the text is nearly all of a record, and
        // escapes only make it shorter.
        let b = self.bytes();
        let mut out = String::with_capacity(b.len() - self.i);
        loop {
            let run = memchr::memchr2(b'"', b'\\', &b[self.i..])?;
            let (start, end) = (self.i, self.i + run);
            if self.checked && has_control(&b[start..end]) {
                return None;
            }
            // Quotes and backslashes are ASCII, so both ends are character boundaries.
            out.push_str(&self.s[start..end]);
            self.i = end + 1;
            if b[end] == b'"' {
                return Some(out);
            }
            out.push(match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return None,
            });
        }
    }

    /// The character of a `\u` escape (the `\u` already read), joining a surrogate pair;
    /// a lone surrogate is left to serde_json.
    fn unicode_escape(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if !(0xD800..0xE000).contains(&hi) {
            return char::from_u32(hi);
        }
        if hi >= 0xDC00 {
            return None;
        }
        self.literal(b"\\u")?;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes().get(self.i..self.i + 4)?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16)?;
        }
        self.i += 4;
        Some(v)
    }

    /// Skip the value of a field slant does not read: a string without escapes, a plain
    /// number, `true`, `false` or `null`. Anything else (objects, arrays, escapes, numbers
    /// with a fraction or exponent) goes to serde_json.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.plain_string()?;
            }
            b't' => self.literal(b"true")?,
            b'f' => self.literal(b"false")?,
            b'n' => self.literal(b"null")?,
            b'-' | b'0'..=b'9' => {
                self.i += usize::from(self.peek() == Some(b'-'));
                let start = self.i;
                while matches!(self.peek(), Some(b'0'..=b'9')) {
                    self.i += 1;
                }
                let digits = &self.bytes()[start..self.i];
                // JSON has no leading zeros, and a fraction or exponent is left to serde.
                if digits.is_empty()
                    || (digits[0] == b'0' && digits.len() > 1)
                    || matches!(self.peek(), Some(b'.' | b'e' | b'E'))
                {
                    return None;
                }
            }
            _ => return None,
        }
        Some(())
    }
}

/// A raw control character, which JSON forbids inside strings.
fn has_control(s: &[u8]) -> bool {
    // A minimum over the whole slice compiles to vector `pminub`s (an `any` that stops
    // early stays a byte loop).
    s.iter().fold(u8::MAX, |m, &c| m.min(c)) < 0x20
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Rng;

    fn serde(line: &str) -> Option<Record> {
        serde_json::from_str(line).ok()
    }

    /// Whatever the fast path answers, serde_json answers the same.
    fn agrees(line: &str) -> bool {
        match fast(line) {
            Some(r) => {
                assert_eq!(Some(&r), serde(line).as_ref(), "{line:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn the_common_shapes_take_the_fast_path_and_match_serde() {
        for line in [
            r#"{"id":"gen-000001","text":"Last week, ICE said:\n\n\"No.\" \u2019 \ud83d\ude00 \/ \\"}"#,
            r#"  { "text" : "a" , "id" : null , "title" : null, "url": "https://x.org/a?b=1" }  "#,
            r#"{"id":"a","text":"t","title":"T","outlet":"O","date":"2020-01-19","url":"u"}"#,
            r#"{"text":"t","lang":"en","n":-12,"ok":true,"no":false,"x":null,"z":0}"#,
            r#"{"text":"tab\tand\u00e9\u0000"}"#,
            "{\"text\":\"caf\u{e9} \u{201c}quoted\u{201d}\"}",
            "{\"text\":\"\"}",
        ] {
            assert!(agrees(line), "{line}");
        }
    }

    #[test]
    fn everything_else_is_left_to_serde() {
        for line in [
            r#"{}"#,
            r#"{"id":"a"}"#,
            r#"{"text":"a","text":"b"}"#,
            r#"{"text":null}"#,
            r#"{"text":1}"#,
            r#"{"text":"a","title":1}"#,
            r#"{"text":"a","tags":["x"]}"#,
            r#"{"text":"a","meta":{"k":1}}"#,
            r#"{"text":"a","score":1.5}"#,
            r#"{"text":"a","n":012}"#,
            r#"{"text":"a","s":"esc\"aped"}"#,
            r#"{"te\u0078t":"a"}"#,
            r#"{"text":"lone \ud83d"}"#,
            r#"{"text":"lone \ude00"}"#,
            r#"{"text":"bad \x"}"#,
            r#"{"text":"bad \u12G4"}"#,
            "{\"text\":\"raw\ttab\"}",
            r#"{"text":"a"} x"#,
            r#"{"text":"a",}"#,
            r#"{"text":"a""#,
            r#"{"text":"a"#,
            r#"{"text" "a"}"#,
            r#"{"text":"a"}}"#,
            r#"{"text":"a","x":tru}"#,
            // An `id` that is a number keeps its written form: serde_json's business.
            r#"{"text":"a","id":7}"#,
        ] {
            assert!(!agrees(line), "{line}");
            // And the public parser still gives serde_json's answer, error or not.
            assert_eq!(parse(line).ok(), serde(line), "{line}");
        }
    }

    /// Generated records, well-formed and broken, with every escape and field kind: the
    /// fast path never disagrees with serde_json, and takes most well-formed ones.
    #[test]
    fn generated_lines_agree_with_serde() {
        let mut rng = Rng::new(11);
        let good = [
            "a",
            "Z",
            " ",
            "\\n",
            "\\\"",
            "\\\\",
            "\\/",
            "\\t",
            "\\b",
            "\\f",
            "\\r",
            "\\u00e9",
            "\\u2019",
            "\\ud83d\\ude00",
            "\u{e9}",
            "\u{201c}",
            "\u{1f600}",
            "{",
            "}",
            ",",
            ":",
            "\u{7f}",
        ];
        // Each breaks the string: lone surrogates, short or unknown escapes, raw quotes,
        // backslashes and control characters.
        let bad = [
            "\\ud83d", "\\udc00", "\\u12", "\\q", "\"", "\\", "\t", "\u{1}",
        ];
        let values = [
            "null", "true", "false", "0", "-3", "12", "1.5", "1e3", "01", "[]", "{}",
        ];
        let keys = [
            "id",
            "text",
            "title",
            "outlet",
            "date",
            "url",
            "author",
            "lang",
            "te\\u0078t",
        ];
        let (mut fast_hits, mut valid) = (0, 0);
        for _ in 0..20_000 {
            let mut line = String::from("{");
            let n = rng.below(5);
            let mut fields: Vec<&str> = (0..n).map(|_| keys[rng.below(keys.len())]).collect();
            if rng.below(4) > 0 {
                fields.insert(rng.below(fields.len() + 1), "text");
            }
            for (i, k) in fields.iter().enumerate() {
                if i > 0 {
                    line.push_str(if rng.below(2) == 0 { "," } else { " , " });
                }
                line.push_str(&format!("\"{k}\":"));
                if rng.below(5) == 0 {
                    line.push_str(values[rng.below(values.len())]);
                } else {
                    line.push('"');
                    for _ in 0..rng.below(12) {
                        line.push_str(if rng.below(60) == 0 {
                            bad[rng.below(bad.len())]
                        } else {
                            good[rng.below(good.len())]
                        });
                    }
                    line.push('"');
                }
            }
            line.push('}');
            if rng.below(10) == 0 {
                line.push_str([" ", "\t", "x", "}", ","][rng.below(5)]);
            }
            valid += usize::from(serde(&line).is_some());
            fast_hits += usize::from(agrees(&line));
        }
        assert!(valid > 2_000, "{valid} valid lines");
        assert!(
            fast_hits * 2 > valid,
            "{fast_hits} of {valid} took the fast path"
        );
    }

    #[test]
    fn the_generated_corpus_takes_the_fast_path() {
        let mut g = crate::corpus::Generator::new(5);
        for _ in 0..50 {
            let line = g.jsonl_line();
            assert!(agrees(&line), "{line}");
        }
    }
}
