//! A saved web page as an article: its encoding (byte-order mark, `<meta charset>`, or a
//! guess), its boilerplate removed (`clean.rs`), its main text found by dom_smoothie (the
//! readability algorithm) as paragraphs with entities decoded, the headline put first as
//! in a plain-text article, and its metadata (title, outlet from `og:site_name` or the
//! JSON-LD publisher, author, date, canonical url) from the page's tags.
//!
//! The article's text is the extracted text ([`TextSource::Html`]): offsets refer to it,
//! not to the page's bytes, and `slant extract` writes exactly that text. Pages slant
//! wrote itself (a report's pages) are skipped, so a report folder inside an input folder
//! is not read back as articles.

mod clean;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::article::{Article, TextSource};
use super::decode;
use super::error::LoadError;
use super::meta::Metadata;

/// The most elements a page may have (a normal article page has a few thousand; a page
/// built to exhaust the extractor has millions).
const MAX_ELEMENTS: usize = 500_000;

/// What a page yields: its main text and metadata.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    /// The main text, paragraphs separated by blank lines, headline first.
    pub text: String,
    pub meta: Metadata,
}

/// Whether `bytes` is a page slant's report wrote (its footer says so).
fn is_slant_report(bytes: &[u8]) -> bool {
    memchr::memmem::find(bytes, b"<footer>Made with slant ").is_some()
}

/// Whether `bytes` (standard input) looks like an HTML page rather than plain text.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head: Vec<u8> = head[start..].iter().map(u8::to_ascii_lowercase).collect();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<?xml") && memchr::memmem::find(&head, b"<html").is_some()
}

/// The article in the page `bytes` (shown as `name`); `in_folder`: found by walking a
/// folder (a report page is then skipped quietly rather than refused).
pub fn html_article(
    id: &str,
    name: &str,
    bytes: Vec<u8>,
    in_folder: bool,
) -> Result<Article, LoadError> {
    if is_slant_report(&bytes) {
        let msg = "a page of a slant report, not an article; skipped";
        return Err(if in_folder {
            LoadError::skipped(name, msg)
        } else {
            LoadError::new(name, msg)
        });
    }
    let declared = decode::html_declared(&bytes);
    let decoded = decode::decode(name, bytes, declared);
    let page = extract_page(&decoded.text).map_err(|m| LoadError::new(name, m))?;
    if page.text.trim().is_empty() {
        return Err(LoadError::new(
            name,
            "no article text found in this page (save the article's page itself, or copy its text into a .txt file)",
        ));
    }
    let mut a = Article::from_text(id, name, page.text);
    a.text_source = TextSource::Html;
    page.meta.apply(&mut a);
    a.warnings.extend(decoded.warning);
    Ok(a)
}

/// The main text and metadata of an HTML page. Errors are messages for the page.
pub fn extract_page(html: &str) -> Result<Page, String> {
    let doc = Document::from(html);
    let url = canonical_url(&doc);
    clean::strip_boilerplate(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|e| e.to_string())?;
    let (text, mut meta) = match reader.parse() {
        Ok(a) => (
            a.text_content.to_string(),
            Metadata {
                title: non_empty(a.title),
                outlet: a.site_name.and_then(non_empty),
                date: a.published_time.and_then(non_empty).map(|d| iso_date(&d)),
                url: None,
                author: a.byline.and_then(non_empty).map(|b| clean_byline(&b)),
            },
        ),
        Err(dom_smoothie::ReadabilityError::TooManyElements(n, max)) => {
            return Err(format!(
                "the page has {n} elements, more than the {max} slant reads; save the article's text as a .txt file"
            ))
        }
        // Readability found no article block: fall back to the page's cleaned text.
        Err(_) => (fallback_text(html), Metadata::default()),
    };
    meta.url = url;
    let mut text = paragraphs(&text);
    if let Some(title) = meta.title.as_deref() {
        let first = text.split("\n\n").next().unwrap_or("");
        if !title.is_empty() && !same_words(first, title) {
            text = if text.is_empty() {
                title.to_string()
            } else {
                format!("{title}\n\n{text}")
            };
        }
    }
    Ok(Page { text, meta })
}

/// The whole page's text after boilerplate removal, when readability finds no article.
fn fallback_text(html: &str) -> String {
    let doc = Document::from(html);
    clean::strip_boilerplate(&doc);
    doc.select("body").formatted_text().to_string()
}

/// Lines trimmed, runs of blank lines made one, blank lines at the ends dropped: one
/// paragraph a block, separated by a blank line.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Whether two texts have the same words (case and punctuation aside).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

fn non_empty(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A page's canonical address: `<link rel="canonical">`, else `og:url`.
fn canonical_url(doc: &Document) -> Option<String> {
    let link = doc.select("link[rel=canonical]").attr("href");
    let og = || doc.select("meta[property='og:url']").attr("content");
    link.or_else(og)
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// `2019-11-19T08:22:00Z` → `2019-11-19`; a date in another shape is kept as written.
fn iso_date(d: &str) -> String {
    let b = d.as_bytes();
    let iso = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso {
        d[..10].to_string()
    } else {
        d.trim().to_string()
    }
}

/// "By Jane Doe" → "Jane Doe"; cut to 200 characters.
fn clean_byline(b: &str) -> String {
    let b = b.trim();
    let b = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| b.strip_prefix(p))
        .unwrap_or(b)
        .trim();
    super::title::cut_title(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<meta charset="utf-8">
<title>Council votes on shelter | The Daily Example</title>
<meta property="og:title" content="Council votes on shelter">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.com/news/shelter">
<script>var words = "illegal aliens flood the border";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council votes on shelter</h1>
<p>The city council voted on Tuesday to open a new shelter for asylum seekers, after a debate that lasted well into the night and drew a large crowd.</p>
<figure><img src="a.jpg"><figcaption>Residents queue outside the hall. Photo: J. Smith</figcaption></figure>
<p>Supporters said the building would house families who arrived this winter &amp; who have nowhere else to go, and that the city had a duty to act quickly.</p>
<blockquote><p>&ldquo;We will not turn our backs on them,&rdquo; the mayor told the packed chamber.</p></blockquote>
<p>Opponents argued the plan was rushed and that the costs had not been explained to taxpayers, who would pay for it for years to come.</p>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li><li><a href="/b">A second story</a></li></ul></aside>
</article>
<footer>Copyright The Daily Example</footer>
</body></html>"#;

    #[test]
    fn a_page_gives_its_article_text_and_metadata() {
        let page = extract_page(PAGE).unwrap();
        let t = &page.text;
        assert!(t.starts_with("Council votes on shelter\n\n"), "{t}");
        assert!(
            t.contains("“We will not turn our backs on them,” the mayor"),
            "{t}"
        );
        assert!(t.contains("winter & who"), "entities decoded: {t}");
        assert!(t.contains("\n\nOpponents argued"), "paragraphs kept: {t}");
        for gone in [
            "illegal aliens",
            "Home",
            "Residents queue",
            "Another story",
            "Copyright",
        ] {
            assert!(!t.contains(gone), "{gone} must not be in: {t}");
        }
        assert_eq!(page.meta.title.as_deref(), Some("Council votes on shelter"));
        assert_eq!(page.meta.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(page.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(page.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(
            page.meta.url.as_deref(),
            Some("https://example.com/news/shelter")
        );
    }

    #[test]
    fn json_ld_gives_the_publisher_and_report_pages_are_skipped() {
        let page = PAGE.replace(
            r#"<meta property="og:site_name" content="The Daily Example">"#,
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council votes on shelter","publisher":{"@type":"Organization","name":"Example News Group"}}</script>"#,
        );
        let p = extract_page(&page).unwrap();
        assert_eq!(p.meta.outlet.as_deref(), Some("Example News Group"));
        let report = b"<html><body><p>x</p><footer>Made with slant 0.1.0 \xc2\xb7 lexicon</footer></body></html>";
        let e = html_article("r", "r.html", report.to_vec(), true).unwrap_err();
        assert!(e.skipped && e.message.contains("slant report"), "{e}");
    }

    #[test]
    fn a_page_without_an_article_block_falls_back_to_its_text() {
        let p = extract_page("<html><body><div>Short note about the border.</div></body></html>")
            .unwrap();
        assert!(
            p.text.contains("Short note about the border."),
            "{}",
            p.text
        );
        let e = html_article(
            "e",
            "e.html",
            b"<html><body><script>x</script></body></html>".to_vec(),
            false,
        )
        .unwrap_err();
        assert!(e.message.contains("no article text"), "{e}");
    }

    #[test]
    fn stdin_pages_are_recognised() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html(b"Headline\n\n<b>not a page</b>"));
    }
}
