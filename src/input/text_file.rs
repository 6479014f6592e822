//! One plain-text article from a file or standard input: the size, binary, UTF-8 and
//! emptiness rules. Its id is the file stem (`stdin` for standard input).

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::article::{Article, LoadOptions};
use super::error::{io_message, too_large, LoadError};

/// The file stem of `path`, the id of its article.
pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

/// Read the article at `path` (`name` as shown); `explicit`: named on the command line.
pub(super) fn read_file(
    path: &Path,
    name: &str,
    opts: &LoadOptions,
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
pub(super) fn text_article(
    id: &str,
    name: &str,
    bytes: Vec<u8>,
    opts: &LoadOptions,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_binary_and_oversized_articles_are_refused() {
        let opts = LoadOptions {
            max_article_bytes: 10,
            ..LoadOptions::default()
        };
        let e = text_article("a", "a.txt", b"   \n ".to_vec(), &opts, false).unwrap_err();
        assert!(e.message.contains("empty"));
        let e = text_article("a", "a.txt", b"ab\0c".to_vec(), &opts, true).unwrap_err();
        assert!(e.skipped && e.message.contains("binary"));
        let e = text_article("a", "a.txt", vec![b'a'; 11], &opts, false).unwrap_err();
        assert!(e.message.contains("--max-article-bytes"));
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let a = text_article(
            "a",
            "a.txt",
            b"ok \xff bad".to_vec(),
            &LoadOptions::default(),
            false,
        )
        .unwrap();
        assert_eq!(a.text, "ok \u{FFFD} bad");
        assert!(a.warnings[0].contains("byte 3"), "{:?}", a.warnings);
    }
}
