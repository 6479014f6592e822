//! The stream of articles from a list of inputs ([`load`], [`Articles`]): folders walked,
//! each file read as plain text or as JSONL (by extension, or `--jsonl`), standard input
//! sniffed for JSONL (or an HTML page), one article (or one [`LoadError`] in its place) at
//! a time. Notes from expanding the inputs (a file given twice) ride on the first
//! article's warnings.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use super::article::{Article, Input, LoadOptions};
use super::error::{io_message, LoadError};
use super::file::read_file;
use super::html::{html_article, looks_like_html};
use super::jsonl::JsonlReader;
use super::text_file::{stem, text_article};
use super::walk::{expand, has_ext, Pending, Seen};

/// A stream of articles from a list of inputs.
pub struct Articles {
    pending: VecDeque<Pending>,
    jsonl: Option<JsonlReader>,
    opts: LoadOptions,
    /// Bytes of input consumed so far (whole files, JSONL lines), for progress.
    read: Arc<AtomicU64>,
    /// Notes for the first article's warnings (inputs given twice).
    notes: Vec<String>,
}

/// Load articles from `inputs` lazily, in order.
pub fn load(inputs: &[Input], opts: LoadOptions) -> Articles {
    let mut pending = VecDeque::new();
    let mut seen = Seen::default();
    for input in inputs {
        match input {
            Input::Stdin => pending.push_back(Pending::Stdin),
            Input::Path(p) => expand(p, &mut pending, &mut seen),
        }
    }
    Articles {
        pending,
        jsonl: None,
        opts,
        read: Arc::default(),
        notes: seen.notes,
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
                Pending::Path(path, ..) => {
                    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
                    total += meta.len();
                }
                Pending::Error(_) => {}
            }
        }
        Some(total)
    }
}

impl Iterator for Articles {
    type Item = Result<Article, LoadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut item = self.next_item();
        if !self.notes.is_empty() {
            if let Some(Ok(a)) = &mut item {
                let notes = std::mem::take(&mut self.notes);
                a.warnings.splice(0..0, notes);
            }
        }
        item
    }
}

impl Articles {
    fn next_item(&mut self) -> Option<Result<Article, LoadError>> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_article(&self.opts) {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            match self.pending.pop_front()? {
                Pending::Error(e) => return Some(Err(e)),
                Pending::Stdin => {
                    let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
                    if self.opts.jsonl || looks_like_jsonl(&mut stdin) {
                        self.jsonl = Some(JsonlReader::new(
                            "-".into(),
                            "stdin".into(),
                            Box::new(stdin),
                            Arc::clone(&self.read),
                        ));
                        continue;
                    }
                    let mut bytes = Vec::new();
                    let limit = self.opts.article_limit() as u64;
                    if let Err(e) = stdin.take(limit + 1).read_to_end(&mut bytes) {
                        return Some(Err(LoadError::new("-", io_message(&e))));
                    }
                    self.read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                    if looks_like_html(&bytes) {
                        return Some(html_article("stdin", "-", bytes, false));
                    }
                    return Some(text_article("stdin", "-", bytes, &self.opts, false));
                }
                Pending::Path(path, explicit, manifest) => {
                    let name = path.display().to_string();
                    if self.opts.jsonl || has_ext(&path, &["jsonl"]) {
                        match File::open(&path) {
                            Ok(f) => {
                                self.jsonl = Some(JsonlReader::new(
                                    name,
                                    stem(&path),
                                    Box::new(BufReader::with_capacity(1 << 16, f)),
                                    Arc::clone(&self.read),
                                ));
                                continue;
                            }
                            Err(e) => return Some(Err(LoadError::new(name, io_message(&e)))),
                        }
                    }
                    return Some(read_file(
                        &path,
                        &name,
                        &self.opts,
                        explicit,
                        manifest.as_deref(),
                        &self.read,
                    ));
                }
            }
        }
    }
}

/// Whether standard input is JSONL rather than one article: its first non-blank byte
/// after a UTF-8 byte-order mark is `{` (no article starts with a brace; a JSONL stream
/// always does). Looks only at what is already buffered, consuming nothing.
fn looks_like_jsonl(reader: &mut impl BufRead) -> bool {
    match reader.fill_buf() {
        Ok(buf) => {
            let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
            buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        }
        Err(_) => false,
    }
}
