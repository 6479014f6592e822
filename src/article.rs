//! Article loading: files, folders, standard input and JSONL, streamed one article at a time.
//!
//! Inputs are opened read-only and never written. A folder is walked recursively in sorted
//! order for `.txt`, `.md` and `.jsonl` files (symlink loops are reported, not followed
//! forever). A plain-text article's id is its file stem and its title its first non-empty
//! line (a short section label such as "News & Politics" directly above a longer line is
//! skipped as a kicker). JSONL has one object a line with `id`, `text` and optional
//! `title`, `outlet`, `date`, `url`; other fields are ignored. Problems with one article
//! (unreadable, binary, empty, too large, a broken JSONL line) come out of the stream as a
//! [`LoadError`] in its place, so a batch goes on with the rest. Invalid UTF-8 is decoded
//! lossily with a warning naming the first bad byte offset.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// One article, as loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Article {
    pub id: String,
    /// Path, `-` for standard input, or `path:line` for a JSONL record.
    pub source: String,
    pub title: String,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Non-fatal problems (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

impl Article {
    /// Build an article from text, deriving the title.
    pub fn from_text(id: &str, source: &str, text: String) -> Article {
        let (title, date) = title_and_date(&text);
        let title = cut_title(title);
        Article {
            id: id.to_string(),
            source: source.to_string(),
            title,
            date: date.map(str::to_string),
            text,
            ..Article::default()
        }
    }
}

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// `-` means standard input.
    pub fn parse(s: &str) -> Input {
        if s == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(s))
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Treat every file (and stdin) as JSONL regardless of extension.
    pub jsonl: bool,
    /// Refuse articles larger than this many bytes.
    pub max_article_bytes: usize,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            jsonl: false,
            max_article_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Offsets are kept as `u32` (see `normalize`), so no article may reach 4 GiB, whatever
/// `--max-article-bytes` says.
pub const MAX_SUPPORTED_ARTICLE_BYTES: usize = u32::MAX as usize;

impl LoadOptions {
    /// The article size limit in force: the option, capped at what slant supports.
    pub fn article_limit(&self) -> usize {
        self.max_article_bytes.min(MAX_SUPPORTED_ARTICLE_BYTES)
    }
}

/// "`what` is larger than N bytes", with the flag that raises the limit.
fn too_large(what: &str, limit: usize) -> String {
    if limit >= MAX_SUPPORTED_ARTICLE_BYTES {
        format!("{what} is larger than {limit} bytes, the most slant can handle")
    } else {
        format!("{what} is larger than {limit} bytes; raise the limit with --max-article-bytes")
    }
}

/// Why one input (or one JSONL line) produced no article.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{source_name}: {message}")]
pub struct LoadError {
    /// The file, `-`, or `file:line`.
    pub source_name: String,
    pub message: String,
    /// True for "skipped on purpose" (e.g. a binary file in a folder) rather than broken.
    pub skipped: bool,
}

impl LoadError {
    fn new(source: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            source_name: source.into(),
            message: message.into(),
            skipped: false,
        }
    }
    fn skipped(source: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            skipped: true,
            ..LoadError::new(source, message)
        }
    }
}

/// A stream of articles from a list of inputs.
pub struct Articles {
    pending: VecDeque<Pending>,
    jsonl: Option<JsonlReader>,
    opts: LoadOptions,
    /// Bytes of input consumed so far (whole files, JSONL lines), for progress.
    read: Arc<AtomicU64>,
}

enum Pending {
    Path(PathBuf, bool),
    Stdin,
    Error(LoadError),
}

struct JsonlReader {
    name: String,
    stem: String,
    reader: Box<dyn BufRead + Send>,
    line: usize,
    buf: Vec<u8>,
    read: Arc<AtomicU64>,
}

/// Load articles from `inputs` lazily, in order.
pub fn load(inputs: &[Input], opts: LoadOptions) -> Articles {
    let mut pending = VecDeque::new();
    for input in inputs {
        match input {
            Input::Stdin => pending.push_back(Pending::Stdin),
            Input::Path(p) => expand(p, &mut pending),
        }
    }
    Articles {
        pending,
        jsonl: None,
        opts,
        read: Arc::default(),
    }
}

impl Articles {
    /// A counter of the input bytes consumed so far; it moves while the stream is read.
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.read)
    }

    /// The size of all inputs still to read, when every one is a regular file (not for
    /// standard input). Asks the file system once per file, so call it only when the
    /// answer is shown.
    pub fn input_bytes(&self) -> Option<u64> {
        let mut total = 0;
        for p in &self.pending {
            match p {
                Pending::Stdin => return None,
                Pending::Path(path, _) => {
                    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
                    total += meta.len();
                }
                Pending::Error(_) => {}
            }
        }
        Some(total)
    }
}

fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Expand a path into files: a file stays itself; a folder is walked recursively.
fn expand(path: &Path, out: &mut VecDeque<Pending>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push_back(Pending::Error(LoadError::new(
                path.display().to_string(),
                io_message(&e),
            )));
            return;
        }
    };
    if !meta.is_dir() {
        out.push_back(Pending::Path(path.to_path_buf(), true));
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_dir() {
                    continue;
                }
                let p = e.path();
                if !has_ext(p, &["txt", "md", "jsonl"]) {
                    continue;
                }
                if e.file_type().is_file() {
                    out.push_back(Pending::Path(p.to_path_buf(), false));
                } else {
                    // A named pipe would block the walk forever; a device may never end.
                    out.push_back(Pending::Error(LoadError::skipped(
                        p.display().to_string(),
                        "not a regular file (a named pipe, socket or device); skipped",
                    )));
                }
            }
            Err(e) => {
                let where_ = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| path.display().to_string());
                let msg = if e.loop_ancestor().is_some() {
                    "symbolic link loop; not followed".to_string()
                } else if let Some(io) = e.io_error() {
                    io_message(io)
                } else {
                    e.to_string()
                };
                out.push_back(Pending::Error(LoadError::new(where_, msg)));
            }
        }
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's read permission)".to_string()
        }
        _ => e.to_string(),
    }
}

impl Iterator for Articles {
    type Item = Result<Article, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_article(self.opts) {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Error(e) => return Some(Err(e)),
                Pending::Stdin => {
                    let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
                    if self.opts.jsonl || looks_like_jsonl(&mut stdin) {
                        self.jsonl = Some(JsonlReader {
                            name: "-".into(),
                            stem: "stdin".into(),
                            reader: Box::new(stdin),
                            line: 0,
                            buf: Vec::new(),
                            read: Arc::clone(&self.read),
                        });
                        continue;
                    }
                    let mut bytes = Vec::new();
                    let limit = self.opts.article_limit() as u64;
                    if let Err(e) = stdin.take(limit + 1).read_to_end(&mut bytes) {
                        return Some(Err(LoadError::new("-", io_message(&e))));
                    }
                    self.read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                    return Some(text_article("stdin", "-", bytes, self.opts, false));
                }
                Pending::Path(path, explicit) => {
                    let name = path.display().to_string();
                    if self.opts.jsonl || has_ext(&path, &["jsonl"]) {
                        match File::open(&path) {
                            Ok(f) => {
                                self.jsonl = Some(JsonlReader {
                                    name,
                                    stem: stem(&path),
                                    reader: Box::new(BufReader::with_capacity(1 << 16, f)),
                                    line: 0,
                                    buf: Vec::new(),
                                    read: Arc::clone(&self.read),
                                });
                                continue;
                            }
                            Err(e) => return Some(Err(LoadError::new(name, io_message(&e)))),
                        }
                    }
                    return Some(read_file(&path, &name, self.opts, explicit, &self.read));
                }
            }
        }
    }
}

/// Whether standard input is JSONL rather than one article: its first non-blank byte is
/// `{` (no article starts with a brace; a JSONL stream always does). Looks only at what
/// is already buffered, consuming nothing.
fn looks_like_jsonl(reader: &mut impl BufRead) -> bool {
    match reader.fill_buf() {
        Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
        Err(_) => false,
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

fn read_file(
    path: &Path,
    name: &str,
    opts: LoadOptions,
    explicit: bool,
    read: &AtomicU64,
) -> Result<Article, LoadError> {
    let f = File::open(path).map_err(|e| LoadError::new(name, io_message(&e)))?;
    let mut bytes = Vec::new();
    f.take(opts.article_limit() as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(name, io_message(&e)))?;
    read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    text_article(&stem(path), name, bytes, opts, !explicit)
}

/// Turn raw bytes into an article, applying the size, binary, UTF-8 and emptiness rules.
fn text_article(
    id: &str,
    name: &str,
    bytes: Vec<u8>,
    opts: LoadOptions,
    in_folder: bool,
) -> Result<Article, LoadError> {
    if bytes.len() > opts.article_limit() {
        return Err(LoadError::new(
            name,
            too_large("article", opts.article_limit()),
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        let msg = "looks like a binary file (it contains NUL bytes); skipped";
        return Err(if in_folder {
            LoadError::skipped(name, msg)
        } else {
            LoadError::new(name, msg)
        });
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{name}: invalid UTF-8 at byte {offset}; bad bytes were replaced with U+FFFD (save the file as UTF-8 to avoid this)"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::new(name, "article is empty (no text to score)"));
    }
    let mut a = Article::from_text(id, name, text);
    a.warnings = warnings;
    Ok(a)
}

impl JsonlReader {
    fn next_article(&mut self, opts: LoadOptions) -> Option<Result<Article, LoadError>> {
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
            let rec = match crate::record::parse(line) {
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
            if let Some(t) = rec.title.filter(|t| !t.trim().is_empty()) {
                a.title = t.trim().to_string();
            }
            a.outlet = rec.outlet;
            if rec.date.is_some() {
                a.date = rec.date;
            }
            a.url = rec.url;
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

/// Longest derived title, in characters (a one-line article would otherwise be its own
/// title, copied into every output).
pub const MAX_TITLE_CHARS: usize = 200;

/// The first non-empty line, skipping a short kicker ("News & Politics") that sits above
/// a longer line; cut to [`MAX_TITLE_CHARS`] characters with an ellipsis.
pub fn derive_title(text: &str) -> String {
    cut_title(title_and_date(text).0)
}

fn cut_title(title: &str) -> String {
    match title.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", title[..cut].trim_end()),
        None => title.to_string(),
    }
}

/// Non-empty lines as a title sees them: trimmed, a Markdown heading's `#` marks removed.
fn title_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .filter(|l| !l.is_empty())
}

/// A dateline that some scraped texts start with, `date 2020-01-19 …` or `Date: 2020-01-19`:
/// the ISO date and the rest of the line. It becomes the article's date and stays out of
/// its title (the text itself is left as it is).
fn dateline(line: &str) -> Option<(&str, &str)> {
    let rest = line
        .strip_prefix("date")
        .or_else(|| line.strip_prefix("Date"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let date = rest.get(..10)?;
    let iso = date.bytes().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    let after = &rest[10..];
    (iso && (after.is_empty() || after.starts_with(char::is_whitespace)))
        .then(|| (date, after.trim_start()))
}

/// The title line (uncut) and the date of a leading dateline, if any.
fn title_and_date(text: &str) -> (&str, Option<&str>) {
    let mut lines = title_lines(text).peekable();
    // A dateline is not the title; what follows it on its line may be.
    let date = match lines.peek().and_then(|l| dateline(l)) {
        Some((date, rest)) => {
            lines.next();
            if !rest.is_empty() {
                return (rest, Some(date));
            }
            Some(date)
        }
        None => None,
    };
    (title_line(lines), date)
}

/// The first of `lines`, or the second when the first is a short kicker above it.
fn title_line<'a>(mut lines: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = lines.next() else {
        return "";
    };
    // Word counts stop early: only "at most 3" and "4 to 25" matter, and a first line
    // can be a whole paragraph.
    let words = first.split_whitespace().take(4).count();
    let ends_sentence = first.ends_with(['.', '!', '?', ':', '"', '”']);
    if words <= 3 && !ends_sentence {
        if let Some(second) = lines.next() {
            let w2 = second.split_whitespace().take(26).count();
            if (4..=25).contains(&w2) {
                return second;
            }
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_nonempty_line_skipping_a_kicker() {
        assert_eq!(derive_title("\n\n  Headline here \nbody"), "Headline here");
        assert_eq!(
            derive_title("# A Markdown heading\n\ntext"),
            "A Markdown heading"
        );
        assert_eq!(
            derive_title("News & Politics\n\nICE Goes to War With New York City Over Sanctuary Policies\n\nBody."),
            "ICE Goes to War With New York City Over Sanctuary Policies"
        );
        assert_eq!(derive_title("Breaking\n"), "Breaking");
    }

    #[test]
    fn a_leading_dateline_becomes_the_date_not_the_title() {
        let a = Article::from_text(
            "x",
            "-",
            " date 2020-01-19 The federal authorities act.\n\nMore.".into(),
        );
        assert_eq!(a.title, "The federal authorities act.");
        assert_eq!(a.date.as_deref(), Some("2020-01-19"));
        assert!(
            a.text.starts_with(" date 2020-01-19"),
            "the text is untouched"
        );
        let a = Article::from_text(
            "x",
            "-",
            "Date: 2021-03-04\n\nHeadline here\n\nBody.".into(),
        );
        assert_eq!(
            (a.title.as_str(), a.date.as_deref()),
            ("Headline here", Some("2021-03-04"))
        );
        // Not datelines: a sentence about a date, a date without the word, a bad date.
        for t in [
            "Date night in 2020-01-19 style",
            "2020-01-19 headline",
            "date 2020-1-19 x",
            "dated 2020-01-19 x",
        ] {
            let a = Article::from_text("x", "-", t.into());
            assert_eq!((a.title.as_str(), a.date), (t, None), "{t}");
        }
    }

    #[test]
    fn empty_binary_and_oversized_articles_are_refused() {
        let opts = LoadOptions {
            max_article_bytes: 10,
            ..LoadOptions::default()
        };
        let e = text_article("a", "a.txt", b"   \n ".to_vec(), opts, false).unwrap_err();
        assert!(e.message.contains("empty"));
        let e = text_article("a", "a.txt", b"ab\0c".to_vec(), opts, true).unwrap_err();
        assert!(e.skipped && e.message.contains("binary"));
        let e = text_article("a", "a.txt", vec![b'a'; 11], opts, false).unwrap_err();
        assert!(e.message.contains("--max-article-bytes"));
    }

    #[test]
    fn titles_are_cut_to_a_bounded_length() {
        let long = "word ".repeat(10_000);
        let t = derive_title(&long);
        assert_eq!(t.chars().count(), MAX_TITLE_CHARS);
        assert!(t.ends_with("word…"), "{t}");
        let multi = "é".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(derive_title(&multi).chars().count(), MAX_TITLE_CHARS + 1);
        assert_eq!(
            derive_title(&"é".repeat(MAX_TITLE_CHARS)),
            "é".repeat(MAX_TITLE_CHARS)
        );
    }

    #[test]
    fn a_huge_limit_cannot_overflow_and_is_capped() {
        let opts = LoadOptions {
            max_article_bytes: usize::MAX,
            ..LoadOptions::default()
        };
        assert_eq!(opts.article_limit(), MAX_SUPPORTED_ARTICLE_BYTES);
        assert!(text_article("a", "a.txt", b"fine".to_vec(), opts, false).is_ok());
        let mut r = JsonlReader {
            name: "x.jsonl".into(),
            stem: "x".into(),
            reader: Box::new(std::io::Cursor::new(b"{\"text\": \"ok\"}\n".to_vec())),
            line: 0,
            buf: Vec::new(),
            read: Arc::default(),
        };
        assert!(r.next_article(opts).unwrap().is_ok());
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
        let e = r.next_article(opts).unwrap().unwrap_err();
        assert_eq!(e.source_name, "x.jsonl:1");
        assert!(e.message.contains("--max-article-bytes"), "{e}");
        let a = r.next_article(opts).unwrap().unwrap();
        assert_eq!((a.id.as_str(), a.source.as_str()), ("b", "x.jsonl:2"));
        assert_eq!(a.text, "ok \u{FFFD}");
        assert!(
            a.warnings[0].contains("x.jsonl:2: invalid UTF-8 at byte 24"),
            "{:?}",
            a.warnings
        );
        assert!(r.next_article(opts).is_none());
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
            let e = r.next_article(LoadOptions::default()).unwrap().unwrap_err();
            assert_eq!(e.source_name, format!("x.jsonl:{line}"));
            assert!(e.message.contains("not a JSON object"), "{e}");
        }
        assert!(r.next_article(LoadOptions::default()).unwrap().is_ok());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let a = text_article(
            "a",
            "a.txt",
            b"ok \xff bad".to_vec(),
            LoadOptions::default(),
            false,
        )
        .unwrap();
        assert_eq!(a.text, "ok \u{FFFD} bad");
        assert!(a.warnings[0].contains("byte 3"), "{:?}", a.warnings);
    }
}
