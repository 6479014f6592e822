//! Word documents (`.docx`) and OpenDocument texts (`.odt`) as articles: both are a zip of
//! XML parts. The paragraphs of the body become the text, separated by blank lines (tabs
//! and line breaks kept; deleted revisions, footnotes and comments left out); the first
//! heading (a `Title` or `Heading` style in Word, a `<text:h>` in OpenDocument) is the
//! title; the core properties give the author and the date (of creation).
//!
//! Parts are read with a size cap, so a zip bomb stops at the article limit.

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;

use super::article::{Article, TextSource};
use super::error::{too_large, LoadError};
use super::meta::Metadata;

/// Which of the two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    Docx,
    Odt,
}

/// The article in the document `bytes` (shown as `name`), its text at most `limit` bytes.
pub fn office_article(
    kind: Office,
    id: &str,
    name: &str,
    bytes: Vec<u8>,
    limit: usize,
) -> Result<Article, LoadError> {
    let err = |m: String| LoadError::new(name, m);
    let what = match kind {
        Office::Docx => "Word document",
        Office::Odt => "OpenDocument text",
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        err(format!(
            "not a readable {what} ({e}); save it again, or as plain text (.txt)"
        ))
    })?;
    // XML takes several times the bytes of its text.
    let part_limit = limit.saturating_mul(8).max(1 << 20);
    let (body, props) = match kind {
        Office::Docx => ("word/document.xml", "docProps/core.xml"),
        Office::Odt => ("content.xml", "meta.xml"),
    };
    let xml = read_part(&mut zip, body, part_limit)
        .map_err(|m| err(format!("{what}: {m}")))?
        .ok_or_else(|| err(format!("not a {what} (it has no {body})")))?;
    let doc = match kind {
        Office::Docx => docx_body(&xml),
        Office::Odt => odt_body(&xml),
    }
    .map_err(|e| err(format!("{what} with broken XML in {body} ({e})")))?;
    let mut meta = match read_part(&mut zip, props, part_limit) {
        Ok(Some(p)) => properties(&p),
        _ => Metadata::default(),
    };
    let text = doc.paragraphs.join("\n\n");
    if text.len() > limit {
        return Err(err(too_large("article text", limit)));
    }
    if text.trim().is_empty() {
        return Err(err("article is empty (no text to score)".to_string()));
    }
    let mut a = Article::from_text(id, name, text);
    a.text_source = match kind {
        Office::Docx => TextSource::Docx,
        Office::Odt => TextSource::Odt,
    };
    // The first heading is the title; the document's title property only without one.
    if let Some(h) = doc.heading {
        meta.title = Some(h);
    }
    meta.apply(&mut a);
    Ok(a)
}

/// The part `path` of the zip as text, at most `limit` bytes; `None` when absent.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>,
    path: &str,
    limit: usize,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(path) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > limit {
        return Err(format!("{path} is larger than {limit} bytes"));
    }
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// A document's paragraphs and its first heading.
#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<String>,
    heading: Option<String>,
}

impl Body {
    fn end_paragraph(&mut self, p: &mut String, is_heading: bool) {
        let t = p.trim();
        if !t.is_empty() {
            if is_heading && self.heading.is_none() {
                self.heading = Some(t.to_string());
            }
            self.paragraphs.push(t.to_string());
        }
        p.clear();
    }
}

/// `word/document.xml`: `<w:p>` paragraphs of `<w:t>` runs; `<w:pStyle w:val="Title">` or
/// `Heading…` marks a heading; `<w:tab/>` and `<w:br/>` are kept; deleted text
/// (`<w:delText>`), field codes and footnote references are not `<w:t>` and stay out.
fn docx_body(xml: &str) -> Result<Body, quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut body = Body::default();
    let mut p = String::new();
    let (mut in_t, mut heading, mut skip) = (false, false, 0usize);
    loop {
        match r.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_t = true,
                // Deleted revisions and text boxes' alternative content.
                b"del" | b"Fallback" => skip += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" if skip == 0 => p.push('\t'),
                b"br" | b"cr" if skip == 0 => p.push('\n'),
                b"pStyle" => {
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref() == b"val" {
                            let v = String::from_utf8_lossy(&a.value).to_ascii_lowercase();
                            heading |= v == "title" || v.starts_with("heading");
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t && skip == 0 => p.push_str(&t.unescape()?),
            Event::CData(t) if in_t && skip == 0 => p.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"del" | b"Fallback" => skip = skip.saturating_sub(1),
                b"p" => {
                    body.end_paragraph(&mut p, heading);
                    heading = false;
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body)
}

/// `content.xml`: `<text:p>` and `<text:h>` (a heading) paragraphs; `<text:s text:c="n"/>`
/// spaces, tabs and line breaks kept; notes and annotations left out.
fn odt_body(xml: &str) -> Result<Body, quick_xml::Error> {
    let mut r = Reader::from_str(xml);
    let mut body = Body::default();
    let mut p = String::new();
    // Depth of open paragraphs (a note's paragraphs sit inside a paragraph) and of
    // skipped elements.
    let (mut depth, mut skip, mut heading) = (0usize, 0usize, false);
    loop {
        match r.read_event()? {
            Event::Start(e) => match e.local_name().as_ref() {
                b"p" | b"h" if skip == 0 => {
                    if depth == 0 {
                        heading = e.local_name().as_ref() == b"h";
                    }
                    depth += 1;
                }
                b"note" | b"annotation" | b"tracked-changes" => skip += 1,
                _ => {}
            },
            Event::Empty(e) if skip == 0 && depth > 0 => match e.local_name().as_ref() {
                b"s" => {
                    let n = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"c")
                        .and_then(|a| String::from_utf8_lossy(&a.value).parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(100);
                    p.extend(std::iter::repeat_n(' ', n));
                }
                b"tab" => p.push('\t'),
                b"line-break" => p.push('\n'),
                _ => {}
            },
            Event::Text(t) if skip == 0 && depth > 0 => p.push_str(&t.unescape()?),
            Event::End(e) => match e.local_name().as_ref() {
                b"p" | b"h" if skip == 0 && depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        body.end_paragraph(&mut p, heading);
                    }
                }
                b"note" | b"annotation" | b"tracked-changes" => skip = skip.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body)
}

/// Author, date and title from `docProps/core.xml` or `meta.xml` (`dc:creator` or
/// `meta:initial-creator`; `dcterms:created` or `meta:creation-date`, its date part;
/// `dc:title`).
fn properties(xml: &str) -> Metadata {
    let mut r = Reader::from_str(xml);
    let mut meta = Metadata::default();
    let mut current: Option<Vec<u8>> = None;
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Start(e) => current = Some(e.local_name().as_ref().to_vec()),
            Event::End(_) => current = None,
            Event::Text(t) => {
                let Some(name) = current.as_deref() else {
                    continue;
                };
                let Ok(v) = t.unescape() else { continue };
                let v = v.trim().to_string();
                if v.is_empty() {
                    continue;
                }
                let slot = match name {
                    b"creator" | b"initial-creator" => &mut meta.author,
                    b"created" | b"creation-date" => &mut meta.date,
                    b"title" => &mut meta.title,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some(v);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(d) = &mut meta.date {
        if d.len() >= 10 && d.is_char_boundary(10) && d.as_bytes()[4] == b'-' {
            d.truncate(10);
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip holding `parts` (name, content).
    pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(content.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_docx_gives_paragraphs_first_heading_and_core_properties() {
        let doc = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>KICKER</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Border </w:t></w:r><w:r><w:t>news</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">“They are </w:t></w:r><w:del><w:r><w:delText>not</w:delText></w:r></w:del><w:r><w:t>illegal aliens,” he said &amp; left.</w:t></w:r></w:p>
<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>
</w:body></w:document>"#;
        let core = r#"<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Old title</dc:title><dc:creator>Ana Ruiz</dc:creator><dcterms:created>2023-09-14T08:00:00Z</dcterms:created></cp:coreProperties>"#;
        let bytes = zip_of(&[("word/document.xml", doc), ("docProps/core.xml", core)]);
        let a = office_article(Office::Docx, "d", "d.docx", bytes, 1 << 20).unwrap();
        assert_eq!(
            a.text,
            "KICKER\n\nBorder news\n\n“They are illegal aliens,” he said & left.\n\nLine one\nline two"
        );
        assert_eq!(a.title, "Border news");
        assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.date.as_deref(), Some("2023-09-14"));
        assert_eq!(a.text_source, TextSource::Docx);
    }

    #[test]
    fn an_odt_gives_paragraphs_headings_and_meta() {
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
<text:h text:outline-level="1">A <text:span>heading</text:span></text:h>
<text:p>Two<text:s text:c="2"/>spaces<text:note><text:note-body><text:p>A footnote</text:p></text:note-body></text:note> here.</text:p>
</office:text></office:body></office:document-content>"#;
        let meta = r#"<office:document-meta xmlns:office="o" xmlns:meta="m" xmlns:dc="d"><office:meta><meta:initial-creator>Li Wei</meta:initial-creator><meta:creation-date>2022-01-02T03:04:05</meta:creation-date></office:meta></office:document-meta>"#;
        let bytes = zip_of(&[("content.xml", content), ("meta.xml", meta)]);
        let a = office_article(Office::Odt, "o", "o.odt", bytes, 1 << 20).unwrap();
        assert_eq!(a.text, "A heading\n\nTwo  spaces here.");
        assert_eq!(a.title, "A heading");
        assert_eq!(a.author.as_deref(), Some("Li Wei"));
        assert_eq!(a.date.as_deref(), Some("2022-01-02"));
    }

    #[test]
    fn broken_and_oversized_documents_are_refused() {
        let e = office_article(Office::Docx, "x", "x.docx", b"PK\x03\x04junk".to_vec(), 100)
            .unwrap_err();
        assert!(e.message.contains("not a readable Word document"), "{e}");
        let e = office_article(Office::Docx, "x", "x.docx", zip_of(&[("a.txt", "x")]), 100)
            .unwrap_err();
        assert!(e.message.contains("no word/document.xml"), "{e}");
        let big = format!(
            "<w:document><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
            "a".repeat(5000)
        );
        let e = office_article(
            Office::Docx,
            "x",
            "x.docx",
            zip_of(&[("word/document.xml", &big)]),
            100,
        )
        .unwrap_err();
        assert!(e.message.contains("larger than 100 bytes"), "{e}");
    }
}
