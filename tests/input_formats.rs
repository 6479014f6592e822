//! Articles as people have them: a saved web page, a Word document, an OpenDocument text,
//! front matter and a folder manifest, and `slant extract`, whose output reads back the
//! same. Each saved form must score like its plain-text version.

mod common;

use std::io::{Cursor, Write};
use std::path::Path;

use common::slant;
use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = slant().args(args).output().unwrap();
    let run = Run {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// One article scored as a JSONL record.
fn scored(path: &str) -> Value {
    let r = run(&["score", path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{path}: {}", r.stderr);
    records(&r.stdout).remove(0)
}

/// What was found and how it counts, without where.
fn findings(rec: &Value) -> (Vec<Value>, Value, Value) {
    let strip = |items: &Value, keys: &[&str]| -> Vec<Value> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let mut t = t.clone();
                for k in keys {
                    t.as_object_mut().unwrap().remove(*k);
                }
                t
            })
            .collect()
    };
    let terms = strip(&rec["terms"], &["start", "end", "line", "column"]);
    (
        terms,
        rec["scores"].clone(),
        Value::from(rec["quotes"].as_array().unwrap().len()),
    )
}

const PAGE: &str = "tests/formats/shelter.html";
const PLAIN: &str = "tests/formats/shelter.txt";

#[test]
fn a_saved_page_scores_like_its_plain_text_and_keeps_its_metadata() {
    let page = scored(PAGE);
    let plain = scored(PLAIN);
    assert_eq!(findings(&page), findings(&plain));
    // The words in <script>, the caption, the menu, the related box and the footer are
    // not the article's: of all their loaded words only the quoted "illegal aliens" of the
    // text is found.
    let found: Vec<(&str, &str)> = page["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["voice"].as_str().unwrap()))
        .filter(|(t, _)| {
            t.to_lowercase().contains("alien")
                || t.to_lowercase().contains("invasion")
                || t.to_lowercase().contains("anchor")
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_ne!(found[0].1, "narrator", "{found:?}");
    assert_eq!(page["title"], "City opens shelter as border crossings rise");

    let r = run(&["extract", PAGE]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &records(&r.stdout)[0];
    assert_eq!(rec["id"], "shelter");
    assert_eq!(rec["outlet"], "The Daily Example");
    assert_eq!(rec["author"], "Jane Doe");
    assert_eq!(rec["date"], "2024-03-05");
    assert_eq!(rec["url"], "https://example.com/news/shelter");
    assert_eq!(rec["text_source"], "html");
    let text = std::fs::read_to_string(PLAIN).unwrap();
    assert_eq!(
        rec["text"].as_str().unwrap(),
        text.trim_end(),
        "paragraphs and entities"
    );
}

#[test]
fn a_folder_of_pages_is_read_not_zero_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(PAGE, dir.path().join("a.html")).unwrap();
    std::fs::copy(PAGE, dir.path().join("b.htm")).unwrap();
    // A browser's "Web page, complete" folder beside the page is its images and scripts.
    std::fs::create_dir(dir.path().join("a_files")).unwrap();
    std::fs::write(dir.path().join("a_files/frame.html"), "<p>ad</p>").unwrap();
    std::fs::write(dir.path().join("a_files/pic.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let r = run(&["score", dir.path().to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<Value> = records(&r.stdout).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["a", "b"]);
}

/// A zip holding `parts` (name, content).
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The plain text's paragraphs as Word paragraphs, the first a heading.
fn docx_of(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for (i, p) in text.trim_end().split("\n\n").enumerate() {
        let style = if i == 0 {
            r#"<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>"#
        } else {
            ""
        };
        let escaped = p.replace('&', "&amp;").replace('<', "&lt;");
        body.push_str(&format!(
            r#"<w:p>{style}<w:r><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p>"#
        ));
    }
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Jane Doe</dc:creator><dcterms:created>2024-03-05T09:00:00Z</dcterms:created></cp:coreProperties>"#;
    zip_of(&[("word/document.xml", &doc), ("docProps/core.xml", core)])
}

#[test]
fn a_word_document_scores_like_its_plain_text() {
    let text = std::fs::read_to_string(PLAIN).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("shelter.docx");
    std::fs::write(&docx, docx_of(&text)).unwrap();
    let doc = scored(docx.to_str().unwrap());
    assert_eq!(findings(&doc), findings(&scored(PLAIN)));
    assert_eq!(doc["title"], "City opens shelter as border crossings rise");
    let r = run(&["extract", docx.to_str().unwrap()]);
    let rec = &records(&r.stdout)[0];
    assert_eq!(
        (rec["author"].as_str(), rec["date"].as_str()),
        (Some("Jane Doe"), Some("2024-03-05"))
    );
    assert_eq!(rec["text_source"], "docx");
    assert_eq!(rec["text"].as_str().unwrap(), text.trim_end());
}

#[test]
fn extract_round_trips_through_score_jsonl_and_txt() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::copy(PAGE, pages.join("shelter.html")).unwrap();
    std::fs::copy(PLAIN, pages.join("plain.txt")).unwrap();
    let pages_s = pages.to_str().unwrap();
    let direct = records(&run(&["score", pages_s, "-f", "jsonl"]).stdout);

    // JSONL on standard output, scored with --jsonl.
    let r = run(&["extract", pages_s]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let corpus = dir.path().join("corpus.data");
    std::fs::write(&corpus, &r.stdout).unwrap();
    let back = records(&run(&["score", "--jsonl", corpus.to_str().unwrap(), "-f", "jsonl"]).stdout);
    assert_eq!(back.len(), direct.len());
    for (a, b) in direct.iter().zip(&back) {
        assert_eq!((&a["id"], &a["title"]), (&b["id"], &b["title"]));
        // The same text: the same offsets too.
        assert_eq!(a["terms"], b["terms"]);
        assert_eq!(a["scores"], b["scores"]);
    }

    // .txt files with front matter in a folder: same findings, titles and outlets.
    let out = dir.path().join("texts");
    let r = run(&[
        "extract",
        pages_s,
        "--format",
        "txt",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(Path::new(&out.join("shelter.txt")).is_file());
    let txt = std::fs::read_to_string(out.join("shelter.txt")).unwrap();
    assert!(txt.starts_with("---\ntitle: \"City opens shelter as border crossings rise\"\noutlet: \"The Daily Example\"\n"), "{txt}");
    let again = records(&run(&["score", out.to_str().unwrap(), "-f", "jsonl"]).stdout);
    assert_eq!(again.len(), direct.len());
    for (a, b) in direct.iter().zip(&again) {
        assert_eq!((&a["id"], &a["title"]), (&b["id"], &b["title"]));
        assert_eq!(findings(a), findings(b));
    }

    // --out with JSONL writes corpus.jsonl, and never over an input.
    let r = run(&["extract", pages_s, "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(out.join("corpus.jsonl").is_file());
}

#[test]
fn front_matter_and_a_manifest_give_metadata_and_offsets_keep_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fm = "---\ntitle: \"Given headline\"\noutlet: Example Weekly\ndate: 2024-01-02\n---\nFirst line of text\n\nCritics called them illegal aliens.\n";
    std::fs::write(dir.path().join("a.md"), fm).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Plain headline\n\nThey are undocumented immigrants.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("manifest.csv"),
        "file,outlet,author,notes\nb.txt,Manifest Daily,Ann Lee,ignored column\n",
    )
    .unwrap();
    let r = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recs = records(&r.stdout);
    assert_eq!(
        (recs[0]["title"].as_str(), recs[0]["outlet"].as_str()),
        (Some("Given headline"), Some("Example Weekly"))
    );
    assert_eq!(recs[0]["date"], "2024-01-02");
    assert!(!recs[0]["text"].as_str().unwrap().contains("Example Weekly"));
    assert_eq!(
        (recs[1]["outlet"].as_str(), recs[1]["author"].as_str()),
        (Some("Manifest Daily"), Some("Ann Lee"))
    );

    // The front matter's words are not scored, and offsets point into the file as given.
    let a = dir.path().join("a.md");
    let rec = scored(a.to_str().unwrap());
    let hit = &rec["terms"][0];
    let (s, e) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&fm[s..e], "illegal aliens");
    assert_eq!(hit["line"], 8);
    // The article page highlights those same words.
    let out = dir.path().join("report");
    let r = run(&[
        "report",
        a.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(out.join("a.html")).unwrap();
    assert!(
        page.contains(">illegal aliens</"),
        "the hit is highlighted on the page"
    );
    assert!(
        !page.contains("Example Weekly</p>"),
        "front matter is not shown as text"
    );
}
