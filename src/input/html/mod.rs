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

/// The deepest nesting of elements a page may have, as [`nesting_depth`] estimates it.
/// Real pages stay in the hundreds; the HTML parser's cost grows with depth times size,
/// so a page nested 100,000 deep would take minutes.
const MAX_DEPTH: usize = 4_000;

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

/// An estimate of how deeply a page's elements nest, from its tags alone: an opening tag
/// adds one, a closing tag takes one away; void elements (`<br>`, `<img>`, …), self-closing
/// tags and the elements HTML closes by itself (`<p>`, `<li>`, table cells, …) are not
/// counted. The deepest point reached is the answer.
fn nesting_depth(bytes: &[u8]) -> usize {
    const UNCOUNTED: &[&[u8]] = &[
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr", b"p", b"li", b"td", b"th", b"tr", b"dd", b"dt",
        b"option",
    ];
    let (mut depth, mut deepest) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[i + 1..];
        let (closing, rest) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            _ => (false, rest),
        };
        // Comments, doctypes and processing instructions start with `!` or `?`: no letter.
        let n = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if n == 0 || !rest[0].is_ascii_alphabetic() {
            continue;
        }
        let name = rest[..n].to_ascii_lowercase();
        if UNCOUNTED.contains(&name.as_slice()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            // (A tag's attributes fit in 4 KiB; looking further would make a page of
            // unclosed `<a<a<a…` quadratic.)
            let window = &rest[..rest.len().min(4096)];
            let end = memchr::memchr(b'>', window).unwrap_or(0);
            if end > 0 && window[end - 1] == b'/' {
                continue;
            }
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
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
    let depth = nesting_depth(&bytes);
    if depth > MAX_DEPTH {
        return Err(LoadError::new(
            name,
            format!("the page nests elements about {depth} deep, more than the {MAX_DEPTH} slant reads; save the article's text as a .txt file"),
        ));
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
    fn a_page_nested_too_deeply_is_refused_before_parsing() {
        // html, body, article, aside, ul, a.
        assert_eq!(nesting_depth(PAGE.as_bytes()), 6);
        let n = 50_000;
        let deep = format!(
            "<html><body>{}<p>x</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert_eq!(nesting_depth(deep.as_bytes()), n + 2);
        let e = html_article("d", "d.html", deep.into_bytes(), false).unwrap_err();
        assert!(e.message.contains("nests elements about 50002 deep"), "{e}");
        // Unclosed paragraphs and list items are not nesting.
        let flat = format!("<ul>{}</ul>", "<li><p>item".repeat(10_000));
        assert_eq!(nesting_depth(flat.as_bytes()), 1);
    }

    #[test]
    fn stdin_pages_are_recognised() {
        assert!(looks_like_html(b"\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><body>"));
        assert!(!looks_like_html(b"Headline\n\n<b>not a page</b>"));
    }
}
