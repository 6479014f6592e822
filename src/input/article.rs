//! What an article is once loaded ([`Article`]), where articles come from ([`Input`]) and
//! the loading options ([`LoadOptions`]). Reading them is `stream.rs`'s.

use std::path::PathBuf;

use super::title::{cut_title, title_and_date};

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
    /// Who wrote it, when the source says (HTML metadata, a Word document's core
    /// properties, front matter, a manifest).
    pub author: Option<String>,
    /// What [`Article::text`] was read from; offsets always refer to `text`.
    pub text_source: TextSource,
    pub text: String,
    /// The value of the JSONL field named by [`LoadOptions::label_field`] (a string, or a
    /// number or boolean as written), for `eval` and `lexicon suggest`.
    pub label: Option<String>,
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

/// What an article's text was read from. For plain text and JSONL the text is the file's
/// (or the record's) own; for the others it was extracted, and offsets refer to the
/// extracted text (what `slant extract` writes), not to the file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSource {
    /// A `.txt` or `.md` file (or standard input), UTF-8 or decoded from another encoding.
    #[default]
    Plain,
    /// A JSONL record's `text` field.
    Jsonl,
    /// The main text of a saved web page.
    Html,
    /// The paragraphs of a Word document.
    Docx,
    /// The paragraphs of an OpenDocument text.
    Odt,
}

impl TextSource {
    /// The name used in JSON and CSV (`"plain"`, `"jsonl"`, `"html"`, `"docx"`, `"odt"`).
    pub fn as_str(self) -> &'static str {
        match self {
            TextSource::Plain => "plain",
            TextSource::Jsonl => "jsonl",
            TextSource::Html => "html",
            TextSource::Docx => "docx",
            TextSource::Odt => "odt",
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

#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Treat every file (and stdin) as JSONL regardless of extension.
    pub jsonl: bool,
    /// Refuse articles larger than this many bytes.
    pub max_article_bytes: usize,
    /// A JSONL field to keep as each article's [`Article::label`] (e.g. `lean`).
    pub label_field: Option<std::sync::Arc<str>>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            jsonl: false,
            max_article_bytes: 32 * 1024 * 1024,
            label_field: None,
        }
    }
}

/// Offsets are kept as `u32` (see `text::offsets`), so no article may reach 4 GiB, whatever
/// `--max-article-bytes` says.
pub const MAX_SUPPORTED_ARTICLE_BYTES: usize = u32::MAX as usize;

impl LoadOptions {
    /// The article size limit in force: the option, capped at what slant supports.
    pub fn article_limit(&self) -> usize {
        self.max_article_bytes.min(MAX_SUPPORTED_ARTICLE_BYTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
