//! An article's metadata as a source gives it ([`Metadata`]: title, outlet, date, url,
//! author), from YAML front matter, a folder's `manifest.csv` or a page's tags, and how it
//! is laid over an article: a field the source gives replaces the derived one.

use super::article::Article;

/// The metadata fields a source can give; `None` leaves the article's own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

impl Metadata {
    /// The field named `key` (`title`, `outlet`, `date`, `url`, `author`), to fill.
    pub fn field(&mut self, key: &str) -> Option<&mut Option<String>> {
        Some(match key {
            "title" => &mut self.title,
            "outlet" => &mut self.outlet,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "author" => &mut self.author,
            _ => return None,
        })
    }

    /// Set every field this metadata gives on `a` (blank values give nothing).
    pub fn apply(&self, a: &mut Article) {
        let given = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        if let Some(t) = given(&self.title) {
            a.title = super::title::cut_title(&t);
        }
        for (from, to) in [
            (&self.outlet, &mut a.outlet),
            (&self.date, &mut a.date),
            (&self.url, &mut a.url),
            (&self.author, &mut a.author),
        ] {
            if let Some(v) = given(from) {
                *to = Some(v);
            }
        }
    }
}

/// The names of the metadata fields, in the order files list them.
pub const FIELDS: [&str; 5] = ["title", "outlet", "date", "url", "author"];
