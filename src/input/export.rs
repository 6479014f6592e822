//! What slant read, written back in the forms it reads: a JSONL record (`id`, `title`,
//! `outlet`, `date`, `url`, `author`, `text_source`, `text`) or a plain-text file with YAML
//! front matter for the metadata. The inverse of loading, kept beside the readers so the
//! two formats cannot drift apart: reading either back gives the same text, title and
//! metadata (`slant extract` writes these).

use serde::Serialize;

use super::article::Article;

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    text_source: &'static str,
    text: &'a str,
}

/// One JSONL line (with its newline) for `a`.
pub fn jsonl_line(a: &Article) -> String {
    let rec = Record {
        id: &a.id,
        title: &a.title,
        outlet: a.outlet.as_deref(),
        date: a.date.as_deref(),
        url: a.url.as_deref(),
        author: a.author.as_deref(),
        text_source: a.text_source.as_str(),
        text: text_of(a),
    };
    let mut s = serde_json::to_string(&rec).expect("strings serialize");
    s.push('\n');
    s
}

/// A `.txt` file for `a`: front matter with the title and every metadata field it has,
/// then the text.
pub fn txt_file(a: &Article) -> String {
    let mut s = String::from("---\n");
    let fields = [
        ("title", Some(a.title.as_str())),
        ("outlet", a.outlet.as_deref()),
        ("date", a.date.as_deref()),
        ("url", a.url.as_deref()),
        ("author", a.author.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            s.push_str(key);
            s.push_str(": ");
            s.push_str(&quote(v));
            s.push('\n');
        }
    }
    s.push_str("---\n");
    s.push_str(text_of(a));
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

/// The text as shown: a plain-text article's blanked front matter is not repeated.
fn text_of(a: &Article) -> &str {
    a.text.trim_start()
}

/// A front matter value in double quotes (`\` and `"` escaped, line ends made spaces).
fn quote(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{load, Input, LoadOptions, TextSource};

    fn article() -> Article {
        Article {
            id: "p1".into(),
            source: "p1.html".into(),
            title: "A \"quoted\" \\ title".into(),
            outlet: Some("The Daily Example".into()),
            date: Some("2024-03-05".into()),
            url: Some("https://example.com/a".into()),
            author: Some("Jane Doe".into()),
            text_source: TextSource::Html,
            text: "A \"quoted\" \\ title\n\n“They are here,” she said.".into(),
            ..Article::default()
        }
    }

    #[test]
    fn written_articles_read_back_the_same() {
        let a = article();
        let dir = tempfile::tempdir().unwrap();
        let jsonl = dir.path().join("x.jsonl");
        let txt = dir.path().join("p1.txt");
        std::fs::write(&jsonl, jsonl_line(&a)).unwrap();
        std::fs::write(&txt, txt_file(&a)).unwrap();
        let back: Vec<Article> = load(
            &[Input::Path(jsonl), Input::Path(txt)],
            LoadOptions::default(),
        )
        .map(Result::unwrap)
        .collect();
        for b in &back {
            assert_eq!(b.id, a.id);
            assert_eq!(b.title, a.title);
            assert_eq!(b.text.trim(), a.text);
            assert_eq!((&b.outlet, &b.date, &b.url), (&a.outlet, &a.date, &a.url));
            assert_eq!(b.author, a.author);
        }
        assert_eq!(back[0].text_source, TextSource::Jsonl);
        assert!(jsonl_line(&a).contains("\"text_source\":\"html\""));
    }
}
