//! Why one input (or one JSONL line) gave no article: [`LoadError`], and the messages the
//! loaders share.

use super::article::MAX_SUPPORTED_ARTICLE_BYTES;

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
    pub(super) fn new(source: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            source_name: source.into(),
            message: message.into(),
            skipped: false,
        }
    }
    pub(super) fn skipped(source: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            skipped: true,
            ..LoadError::new(source, message)
        }
    }
}

/// "`what` is larger than N bytes", with the flag that raises the limit.
pub(super) fn too_large(what: &str, limit: usize) -> String {
    if limit >= MAX_SUPPORTED_ARTICLE_BYTES {
        format!("{what} is larger than {limit} bytes, the most slant can handle")
    } else {
        format!("{what} is larger than {limit} bytes; raise the limit with --max-article-bytes")
    }
}

/// A short message for an I/O error on an input.
pub(super) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (check the file's read permission)".to_string()
        }
        _ => e.to_string(),
    }
}
