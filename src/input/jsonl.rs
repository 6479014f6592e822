//! JSONL articles streamed a line at a time: one object a line with `id`, `text` and
//! optional `title`, `outlet`, `date`, `url`, `author` (read by [`super::record`]). Oversized lines
//! are skipped without being held in memory; a broken line is an error in its place.

use std::io::BufRead;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::article::{Article, LoadOptions, TextSource};
use super::error::{io_message, too_large, LoadError};

/// The articles of one JSONL file or stream.
pub(super) struct JsonlReader {
    name: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    read: Arc<AtomicU64>,
}

impl JsonlReader {
    /// A reader of `reader`, shown as `name`; ids default to `stem-LINE`; bytes read are
    /// added to `read`.
    pub(super) fn new(
        name: String,
        stem: String,
        reader: Box<dyn BufRead + Send>,
        read: Arc<AtomicU64>,
    ) -> JsonlReader {
        JsonlReader {
            name,
            stem,
            reader,
            line: 0,
            buf: Vec::new(),
            read,
        }
    }

    /// The next article or error, `None` at the end.
    pub(super) fn next_article(
        &mut self,
        opts: &LoadOptions,
    ) -> Option<Result<Article, LoadError>> {
        loop {
            self.buf.clear();
            self.line += 1;
            let limit = (opts.article_limit() as u64)
                .saturating_mul(2)
                .saturating_add(1024);
            let read = read_line(&mut self.reader, Some(&mut self.buf), limit);
            let where_ = format!("{}:{}", self.name, self.line);
            match read {
                Ok(0) => return None,
                Ok(n) => {
                    self.read.fetch_add(n as u64, Ordering::Relaxed);
                }
                Err(e) => return Some(Err(LoadError::new(where_, io_message(&e)))),
            }
            if self.buf.last() != Some(&b'\n') && self.buf.len() as u64 >= limit {
                // Skip the rest of an oversized line without holding it in memory (an
                // error while skipping shows at the next read).
                let skipped = read_line(&mut self.reader, None, u64::MAX).unwrap_or(0);
                self.read.fetch_add(skipped as u64, Ordering::Relaxed);
                return Some(Err(LoadError::new(
                    where_,
                    "line is too long; raise the limit with --max-article-bytes",
                )));
            }
            // A file saved with a UTF-8 byte-order mark (Notepad does) keeps its first
            // article.
            if self.line == 1 && self.buf.starts_with(b"\xEF\xBB\xBF") {
                self.buf.drain(..3);
            }
            // simdutf8 validates a line several times faster than std; only invalid
            // input takes std's path, for the offset of the first bad byte.
            let (line, bad_utf8) = match simdutf8::basic::from_utf8(&self.buf) {
                Ok(s) => (std::borrow::Cow::Borrowed(s), None),
                Err(_) => match std::str::from_utf8(&self.buf) {
                    Ok(s) => (std::borrow::Cow::Borrowed(s), None),
                    Err(e) => (String::from_utf8_lossy(&self.buf), Some(e)),
                },
            };
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // serde would also read a JSON array as the record's fields in order.
            if !line.starts_with('{') {
                return Some(Err(LoadError::new(
                    where_,
                    "not a valid JSON article (the line is not a JSON object); each line must be an object like {\"id\": \"a1\", \"text\": \"...\"}",
                )));
            }
            let rec = match super::record::parse(line) {
                Ok(r) => r,
                Err(e) => {
                    return Some(Err(LoadError::new(
                        where_,
                        format!("not a valid JSON article ({e}); each line must be an object like {{\"id\": \"a1\", \"text\": \"...\"}}"),
                    )))
                }
            };
            if rec.text.len() > opts.article_limit() {
                return Some(Err(LoadError::new(
                    where_,
                    too_large("article text", opts.article_limit()),
                )));
            }
            let id = match rec.id {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => format!("{}-{}", self.stem, self.line),
            };
            let mut a = Article::from_text(&id, &where_, rec.text);
            a.text_source = TextSource::Jsonl;
            if let Some(t) = rec.title.filter(|t| !t.trim().is_empty()) {
                a.title = t.trim().to_string();
            }
            a.outlet = rec.outlet;
            if rec.date.is_some() {
                a.date = rec.date;
            }
            a.url = rec.url;
            a.author = rec.author;
            if let Some(field) = &opts.label_field {
                a.label = label_of(line, field);
            }
            if let Some(e) = bad_utf8 {
                a.warnings.push(format!(
                    "{where_}: invalid UTF-8 at byte {} of the line; bad bytes were replaced with U+FFFD (save the file as UTF-8 to avoid this)",
                    e.valid_up_to()
                ));
            }
            if a.text.trim().is_empty() {
                return Some(Err(LoadError::new(where_, "article text is empty")));
            }
            return Some(Ok(a));
        }
    }
}

/// `reader.take(limit).read_until(b'\n', buf)`, with the newline found by the memchr
/// crate's SIMD search (std's is a word at a time: ~1% of a JSONL run). With no `buf`, the
/// line is consumed without being kept (an oversized line is skipped that way).
fn read_line(
    reader: &mut dyn BufRead,
    mut buf: Option<&mut Vec<u8>>,
    limit: u64,
) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let left = usize::try_from(limit - read as u64).unwrap_or(usize::MAX);
        let (used, done) = match reader.fill_buf() {
            Ok([]) => return Ok(read),
            Ok(avail) => {
                let avail = &avail[..avail.len().min(left)];
                let (used, done) = match memchr::memchr(b'\n', avail) {
                    Some(i) => (i + 1, true),
                    None => (avail.len(), avail.len() == left),
                };
                if let Some(buf) = buf.as_deref_mut() {
                    buf.extend_from_slice(&avail[..used]);
                }
                (used, done)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// The value of `field` in a JSON object line, as text: a string as is, a number or a
/// boolean as written; absent, null or anything else is no label.
fn label_of(line: &str, field: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    match v.get(field)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::article::MAX_SUPPORTED_ARTICLE_BYTES;
    use crate::input::text_file::text_article;
    use std::io::{BufReader, Read};

    #[test]
    fn a_huge_limit_cannot_overflow_and_is_capped() {
        let opts = LoadOptions {
            max_article_bytes: usize::MAX,
            ..LoadOptions::default()
        };
        assert_eq!(opts.article_limit(), MAX_SUPPORTED_ARTICLE_BYTES);
        assert!(text_article("a", "a.txt", b"fine".to_vec(), &opts, false).is_ok());
        let mut r = JsonlReader {
            name: "x.jsonl".into(),
            stem: "x".into(),
            reader: Box::new(std::io::Cursor::new(b"{\"text\": \"ok\"}\n".to_vec())),
            line: 0,
            buf: Vec::new(),
            read: Arc::default(),
        };
        assert!(r.next_article(&opts).unwrap().is_ok());
    }

    #[test]
    fn jsonl_skips_an_oversized_line_and_goes_on() {
        let opts = LoadOptions {
            max_article_bytes: 10,
            ..LoadOptions::default()
        };
        let mut data = b"{\"text\": \"".to_vec();
        data.extend(std::iter::repeat_n(b'a', 5000));
        data.extend(b"\"}\n{\"id\": \"b\", \"text\": \"ok \xff\"}\n");
        let mut r = JsonlReader {
            name: "x.jsonl".into(),
            stem: "x".into(),
            // A tiny buffer, so the skip crosses many refills.
            reader: Box::new(BufReader::with_capacity(7, std::io::Cursor::new(data))),
            line: 0,
            buf: Vec::new(),
            read: Arc::default(),
        };
        let e = r.next_article(&opts).unwrap().unwrap_err();
        assert_eq!(e.source_name, "x.jsonl:1");
        assert!(e.message.contains("--max-article-bytes"), "{e}");
        let a = r.next_article(&opts).unwrap().unwrap();
        assert_eq!((a.id.as_str(), a.source.as_str()), ("b", "x.jsonl:2"));
        assert_eq!(a.text, "ok \u{FFFD}");
        assert!(
            a.warnings[0].contains("x.jsonl:2: invalid UTF-8 at byte 24"),
            "{:?}",
            a.warnings
        );
        assert!(r.next_article(&opts).is_none());
    }

    #[test]
    fn read_line_reads_what_std_read_until_reads() {
        let mut rng = crate::corpus::Rng::new(3);
        for _ in 0..300 {
            let data: Vec<u8> = (0..rng.below(200))
                .map(|_| [b'a', b'\n', 0xE2, b'{'][rng.below(4)])
                .collect();
            let capacity = 1 + rng.below(20);
            let limit = 1 + rng.below(40) as u64;
            let mut ours = BufReader::with_capacity(capacity, std::io::Cursor::new(data.clone()));
            let mut std_ = BufReader::with_capacity(capacity, std::io::Cursor::new(data));
            loop {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                // Keeping the line or skipping it consumes the same bytes.
                let keep = rng.below(3) > 0;
                let n = read_line(&mut ours, keep.then_some(&mut a), limit).unwrap();
                let m = (&mut std_).take(limit).read_until(b'\n', &mut b).unwrap();
                assert_eq!(n, m);
                if keep {
                    assert_eq!(a, b);
                }
                if n == 0 {
                    break;
                }
            }
        }
    }

    #[test]
    fn a_utf8_bom_before_the_first_line_keeps_the_first_article() {
        let mut r = JsonlReader {
            name: "x.jsonl".into(),
            stem: "x".into(),
            reader: Box::new(std::io::Cursor::new(
                b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"b\", \"text\": \"two\"}\n".to_vec(),
            )),
            line: 0,
            buf: Vec::new(),
            read: Arc::default(),
        };
        let a = r.next_article(&LoadOptions::default()).unwrap().unwrap();
        assert_eq!((a.id.as_str(), a.text_source), ("a", TextSource::Jsonl));
        assert_eq!(
            r.next_article(&LoadOptions::default()).unwrap().unwrap().id,
            "b"
        );
    }

    #[test]
    fn jsonl_lines_must_be_objects() {
        let mut r = JsonlReader {
            name: "x.jsonl".into(),
            stem: "x".into(),
            reader: Box::new(std::io::Cursor::new(
                b"[\"id\", \"text\"]\n\"text\"\n{\"text\": \"ok\"}\n".to_vec(),
            )),
            line: 0,
            buf: Vec::new(),
            read: Arc::default(),
        };
        for line in 1..=2 {
            let e = r
                .next_article(&LoadOptions::default())
                .unwrap()
                .unwrap_err();
            assert_eq!(e.source_name, format!("x.jsonl:{line}"));
            assert!(e.message.contains("not a JSON object"), "{e}");
        }
        assert!(r.next_article(&LoadOptions::default()).unwrap().is_ok());
    }
}
