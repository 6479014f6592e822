//! Tests of `slant report`: the files it writes, the HTML it renders (snapshots on a tiny
//! fixed lexicon so tuning the default lexicon does not churn them), escaping, safe file
//! names, worksheet mode and updating an existing folder.

mod common;

use common::{run_ok, slant, SEEDS};

use std::path::{Path, PathBuf};

use slant::analysis::{Analysis, Engine};
use slant::input::Article;
use slant::lexicon::{Lexicon, Limits};
use slant::quotes::{Quote, QuoteKind, QuoteSide, Rule};
use slant::report::{cards, html};

/// A tiny lexicon: two sides, two concepts, one known speaker.
const TINY: &str = r##"name: tiny
version: "0.1"
description: A two-concept lexicon for tests.
sides:
  - {id: doves, label: Doves, color: "#0072B2", description: "Peaceful framing."}
  - {id: hawks, label: Hawks, color: "#D55E00", description: "Martial framing."}
scoring:
  min_evidence: 1.0
concepts:
  - id: conflict
    label: the conflict
    variants:
      - {label: war, terms: [war], side: hawks, weight: 2.0}
      - {label: dispute, terms: [dispute], side: doves, weight: 1.0}
      - {label: disagreement, terms: [disagreement], side: neutral}
  - id: soldiers
    label: soldiers
    variants:
      - {label: heroes, terms: [heroes], side: hawks, weight: 1.5}
      - {label: troops, terms: [troops], side: neutral}
actors:
  - {name: Ana Ruiz, aliases: [Ana Ruiz, Ruiz], kind: person, side: doves}
"##;

/// Three sentences, no quotation marks (so the snapshot does not depend on the quote
/// finder), with characters that must be escaped.
const TINY_TEXT: &str = "Fighting resumes along the river as talks stall\n\nThe war over the river began in May & nobody <b>won</b>. Heroes crossed the bridge at dawn, and the troops followed.\nOfficials now call it a dispute, not a war.\n";

fn tiny_engine() -> Engine {
    Engine::new(Lexicon::from_yaml("tiny.yaml", TINY, Limits::default()).unwrap()).unwrap()
}

fn analyze(engine: &Engine, id: &str, text: &str) -> Analysis {
    engine.analyze(Article::from_text(
        id,
        &format!("{id}.txt"),
        text.to_string(),
    ))
}

/// The version changes with releases; keep it out of the snapshots.
fn redact(html: &str) -> String {
    html.replace(
        &format!("slant {}", env!("CARGO_PKG_VERSION")),
        "slant [VERSION]",
    )
}

/// Strip `<style>` and `<script>` bodies, leaving the markup a reader sees.
fn visible(html: &str) -> String {
    let mut s = html.to_string();
    for tag in ["style", "script"] {
        while let Some(i) = s.find(&format!("<{tag}>")) {
            let j = s[i..].find(&format!("</{tag}>")).map(|j| i + j).unwrap();
            s.replace_range(i..j + tag.len() + 3, "");
        }
    }
    s
}

/// Check that elements nest properly (every close tag matches the innermost open one).
fn assert_nesting(html: &str, what: &str) {
    const VOID: [&str; 6] = ["meta", "img", "br", "link", "input", "hr"];
    let body = visible(html);
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('!') {
            continue;
        }
        let end = rest
            .find('>')
            .unwrap_or_else(|| panic!("{what}: unterminated tag"));
        let tag = &rest[..end];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            let top = stack.pop();
            assert_eq!(
                top.as_deref(),
                Some(name.as_str()),
                "{what}: bad nesting at <{tag}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "{what}: unclosed {stack:?}");
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    walk(dir)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn report_on_the_seeds_writes_every_file_and_links_each_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(slant().args(["report", "seeds", "--out"]).arg(dir.path()));
    let mut expected: Vec<String> = [
        "index.html",
        "comparison.png",
        "summary.csv",
        "articles.jsonl",
    ]
    .map(String::from)
    .to_vec();
    for id in SEEDS {
        expected.push(format!("{id}.html"));
        expected.push(format!("{id}.png"));
    }
    expected.sort();
    assert_eq!(files(dir.path()), expected, "no temp files, nothing else");

    let index = read(dir.path(), "index.html");
    assert_nesting(&index, "index.html");
    // Seed 002 quotes the AP for one word: a count of one is singular.
    assert!(
        index.contains("neutral, 1 word</span>"),
        "1 word, not 1 words"
    );
    assert!(!index.contains(", 1 words<"));
    for id in SEEDS {
        assert!(
            index.contains(&format!("href=\"{id}.html\"")),
            "index misses {id}"
        );
        let page = read(dir.path(), &format!("{id}.html"));
        assert_nesting(&page, id);
        assert!(
            page.contains(&format!("<img src=\"{id}.png\"")),
            "{id}: card"
        );
        assert!(page.contains("<mark class=\"t s"), "{id}: no highlight");
        assert!(page.contains("href=\"index.html\""), "{id}: no way back");
        // Every numbered marker has its ledger row.
        let markers = page.matches("<sup class=\"fn\"><a href=\"#t-").count();
        let rows = page.matches("<tr id=\"t-").count();
        assert!(
            markers > 0 && markers == rows,
            "{id}: {markers} markers, {rows} rows"
        );
    }
    assert!(index.contains("<img src=\"comparison.png\" alt=\"Comparison chart of 5"));
    assert!(index.contains("<table class=\"sortable overview\">"));
    assert!(index.contains("<table class=\"matrix\">"));
    assert!(index.contains("How to read this"));
    assert!(index.contains("immigration"), "lexicon name");

    let csv = read(dir.path(), "summary.csv");
    assert_eq!(csv.lines().count(), 6);
    let jsonl = read(dir.path(), "articles.jsonl");
    assert_eq!(jsonl.lines().count(), 5);
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(SEEDS.contains(&v["id"].as_str().unwrap()));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("index.html"), "{stderr}");
    assert!(stderr.contains("open "), "{stderr}");
    assert!(out.stdout.is_empty(), "report prints nothing on stdout");
}

#[test]
fn article_page_snapshot() {
    let engine = tiny_engine();
    let a = analyze(&engine, "river", TINY_TEXT);
    assert!(a.quotes.is_empty(), "the fixture has no quotation marks");
    let page = html::article_page(&engine, &a, "river", html::PageOptions::default());
    assert_nesting(&page, "article page");
    insta::assert_snapshot!("article_page", redact(&page));
}

#[test]
fn index_page_snapshot() {
    let engine = tiny_engine();
    let set = vec![
        analyze(&engine, "river", TINY_TEXT),
        analyze(
            &engine,
            "plain",
            "Talks Resume\n\nThe disagreement continued and the troops stayed home. Nobody spoke.\n",
        ),
    ];
    let stems = vec!["river".to_string(), "plain".to_string()];
    let cmp = cards::comparison_data(&engine, &set, "2 articles compared · lexicon tiny");
    let page = html::index_page(&engine, &set, &stems, &cmp, html::PageOptions::default());
    assert_nesting(&page, "index page");
    insta::assert_snapshot!("index_page", redact(&page));
}

fn quote(
    text: &str,
    inner: &str,
    kind: QuoteKind,
    speaker: Option<&str>,
    side: QuoteSide,
) -> Quote {
    let start = text.find(inner).unwrap();
    let end = start + inner.len();
    Quote {
        open: start - '“'.len_utf8(),
        close: end + '”'.len_utf8(),
        start,
        end,
        kind,
        speaker: speaker.map(String::from),
        side,
        cue: speaker.map(|_| "said".to_string()),
        framing: speaker.map(|_| slant::quotes::Framing::Neutral),
        rule: Rule::VerbAfter,
        words: inner.split_whitespace().count() as u32,
        unclosed: false,
        nested: Vec::new(),
    }
}

#[test]
fn quotes_are_shaded_by_speaker_side_and_terms_nest_inside() {
    let engine = tiny_engine();
    let text = "Peace Talks\n\n“This war must end,” Ruiz said. Others mocked the “heroes” of the day.\n\n“The dispute goes on,” an aide said.\n";
    let mut a = analyze(&engine, "talks", text);
    // Whatever the quote finder says, render these quotations.
    a.quotes = vec![
        quote(
            text,
            "This war must end,",
            QuoteKind::Speech,
            Some("Ana Ruiz"),
            QuoteSide::Side(0),
        ),
        quote(
            text,
            "heroes",
            QuoteKind::Term,
            None,
            QuoteSide::Unattributed,
        ),
        quote(
            text,
            "The dispute goes on,",
            QuoteKind::Speech,
            None,
            QuoteSide::Unattributed,
        ),
    ];
    let page = html::article_page(&engine, &a, "talks", html::PageOptions::default());
    assert_nesting(&page, "quotes page");
    let body = visible(&page);
    // Speech quote: shaded by side (class s0 = Doves), labelled with the speaker and side.
    let q1 = body
        .find("<span class=\"q s0\" id=\"qt-1\"")
        .expect("doves quote");
    assert!(body[q1..].starts_with("<span class=\"q s0\" id=\"qt-1\" title=\"Quotation Q1: Ana Ruiz (Doves), 4 words\"><span class=\"who\">Ana Ruiz · Doves</span>“This "));
    // The term inside the quotation is highlighted inside the quote span.
    let war = body[q1..].find("<mark class=\"t s1\"").unwrap();
    let end = body[q1..]
        .find("”</span> Ruiz said")
        .expect("quote span ends after its mark");
    assert!(war < end);
    // Scare quotes are marked as such, with the term inside.
    assert!(body.contains("<span class=\"q scare\" id=\"qt-2\""));
    assert!(body.contains("<span class=\"who\">scare quotes</span>“<mark class=\"t s1\""));
    // Unattributed speech is grey and says so.
    assert!(body.contains("<span class=\"q sx\" id=\"qt-3\""));
    assert!(body.contains("<span class=\"who\">unattributed</span>"));
    // Ledger rows for quotes, linked from the text.
    for n in 1..=3 {
        assert!(body.contains(&format!("<tr id=\"q-{n}\">")));
    }
    assert!(body.contains("Ana Ruiz</td><td class=\"s0\"><span class=\"side-name\">Doves</span>"));
}

#[test]
fn quotes_across_paragraphs_are_closed_and_reopened() {
    let engine = tiny_engine();
    let text = "Long Quote\n\n“The war began here.\n\nThe war ends here,” Ruiz said.\n";
    let mut a = analyze(&engine, "long", text);
    let open = text.find('“').unwrap();
    let close = text.find('”').unwrap() + '”'.len_utf8();
    a.quotes = vec![Quote {
        open,
        close,
        start: open + '“'.len_utf8(),
        end: close - '”'.len_utf8(),
        kind: QuoteKind::Speech,
        speaker: Some("Ana Ruiz".into()),
        side: QuoteSide::Side(0),
        cue: Some("said".into()),
        framing: Some(slant::quotes::Framing::Neutral),
        rule: Rule::VerbAfter,
        words: 8,
        unclosed: false,
        nested: Vec::new(),
    }];
    let page = html::article_page(&engine, &a, "long", html::PageOptions::default());
    assert_nesting(&page, "multi-paragraph quote");
    let body = visible(&page);
    assert_eq!(
        body.matches("<span class=\"who\">Ana Ruiz · Doves</span>")
            .count(),
        1
    );
    assert!(
        body.contains("<p id=\"p-3\"><span class=\"pn\" aria-hidden=\"true\">3</span><span class=\"q s0\">The <mark class=\"t s1\""),
        "reopened in the next paragraph"
    );
}

#[test]
fn a_scraped_dateline_is_shown_muted_and_kept_in_the_text() {
    let engine = tiny_engine();
    let text = " date 2020-01-19 The war over the river began in May.\n\nTalks stall.\n";
    let a = analyze(&engine, "dated", text);
    assert_eq!(a.article.date.as_deref(), Some("2020-01-19"));
    let page = html::article_page(&engine, &a, "dated", html::PageOptions::default());
    assert_nesting(&page, "dateline");
    let body = visible(&page);
    assert!(
        body.contains("<span class=\"pn\" aria-hidden=\"true\">1</span><span class=\"dateline\" title=\"the source’s date line, read as the article’s date\">date 2020-01-19</span> The <mark class=\"t s1\""),
        "{body}"
    );
    // Without a dateline nothing is wrapped.
    let a = analyze(&engine, "plain", TINY_TEXT);
    let page = html::article_page(&engine, &a, "plain", html::PageOptions::default());
    assert!(!visible(&page).contains("class=\"dateline\""));
}

fn write_jsonl(path: &Path, records: &[serde_json::Value]) {
    let mut s = String::new();
    for r in records {
        s.push_str(&serde_json::to_string(r).unwrap());
        s.push('\n');
    }
    std::fs::write(path, s).unwrap();
}

#[test]
fn every_piece_of_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let nasty = r#"<script>alert(1)</script> " onmouseover="x ' onfocus='y"#;
    let lexicon = TINY
        .replace(
            "label: Doves",
            "label: '<script>alert(1)</script> \" onmouseover=\"x'",
        )
        .replace(
            "label: the conflict",
            "label: '<img src=x onerror=alert(2)>'",
        )
        .replace(
            "{name: Ana Ruiz, aliases: [Ana Ruiz, Ruiz]",
            "{name: 'Ruiz <script>alert(1)</script>', aliases: [Ruiz]",
        );
    std::fs::write(dir.path().join("lex.yaml"), lexicon).unwrap();
    let input = dir.path().join("in.jsonl");
    write_jsonl(
        &input,
        &[serde_json::json!({
            "id": format!("a{nasty}"),
            "title": nasty,
            "outlet": "<img src=x onerror=alert(2)>",
            "url": "javascript:alert(3)",
            "text": format!("Headline\n\nThe war {nasty} went on. “The dispute is over,” Ruiz said. The <script>alert(1)</script> heroes left.\n"),
        })],
    );
    let out_dir = dir.path().join("out");
    for worksheet in [false, true] {
        let mut cmd = slant();
        cmd.args(["report", "--lexicon"])
            .arg(dir.path().join("lex.yaml"))
            .arg("--out")
            .arg(&out_dir)
            .arg(&input);
        if worksheet {
            cmd.arg("--worksheet");
        }
        run_ok(&mut cmd);
        for path in all_files(&out_dir) {
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let page = std::fs::read_to_string(&path).unwrap();
            let what = path.display().to_string();
            assert!(!page.contains("<script>alert"), "{what}: raw script");
            assert!(!page.contains("<img src=x"), "{what}: raw img");
            assert!(
                !page.contains("\" onmouseover=\""),
                "{what}: attribute breakout"
            );
            assert!(!page.contains("' onfocus='"), "{what}: attribute breakout");
            assert!(
                !page.contains("href=\"javascript:"),
                "{what}: javascript link"
            );
            assert!(
                page.matches("<script").count() <= 1,
                "{what}: only the sort script"
            );
            assert_nesting(&page, &what);
        }
    }
    let answers = read(&out_dir.join("teacher"), "answers.html");
    assert!(answers.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot; onmouseover=&quot;x"));
    assert!(
        answers.contains("&lt;img src=x onerror=alert(2)&gt;"),
        "lexicon label shown as text"
    );
}

#[test]
fn an_id_cannot_write_outside_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"id": "../../evil", "text": "Evil\n\nThe war went on."}),
            serde_json::json!({"id": "/tmp/evil2", "text": "Evil two\n\nThe dispute went on."}),
            serde_json::json!({"id": "index", "text": "Index\n\nThe heroes went home."}),
        ],
    );
    let out_dir = dir.path().join("a").join("b").join("out");
    slant()
        .args(["report", "--out"])
        .arg(&out_dir)
        .arg(&input)
        .assert()
        .success();
    // Nothing but the input and the output folder's files.
    for p in all_files(dir.path()) {
        assert!(
            p == input || p.starts_with(&out_dir),
            "wrote {}",
            p.display()
        );
    }
    assert!(!dir.path().join("a").join("evil.html").exists());
    let index = read(&out_dir, "index.html");
    let pages: Vec<String> = files(&out_dir)
        .into_iter()
        .filter(|f| f.ends_with(".html") && f != "index.html")
        .collect();
    assert_eq!(pages.len(), 3, "{pages:?}");
    for p in &pages {
        assert!(!p.contains('/') && !p.starts_with('.'), "{p}");
        assert!(index.contains(&format!("href=\"{p}\"")), "index links {p}");
    }
    // The article with id "index" did not replace the index.
    assert!(index.contains("How these articles lean"));
}

#[test]
fn worksheet_mode_writes_a_students_folder_without_answers_and_a_teachers_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tiny.yaml"), TINY).unwrap();
    std::fs::write(dir.path().join("river.txt"), TINY_TEXT).unwrap();
    let out_dir = dir.path().join("out");
    let out = run_ok(
        slant()
            .args(["report", "--worksheet", "--lexicon"])
            .arg(dir.path().join("tiny.yaml"))
            .arg("--out")
            .arg(&out_dir)
            .arg(dir.path().join("river.txt")),
    );
    let student = out_dir.join("student");
    let teacher = out_dir.join("teacher");
    // Two folders, one per reader, and nothing else.
    assert_eq!(files(&out_dir), ["student", "teacher"]);
    // The students' folder holds the worksheets only: no answer key, chart, CSV or JSON.
    assert_eq!(files(&student), ["index.html", "river.html"]);
    // The teacher's is the full report plus the answer key.
    assert_eq!(
        files(&teacher),
        [
            "answers.html",
            "articles.jsonl",
            "comparison.png",
            "index.html",
            "river.html",
            "river.png",
            "summary.csv"
        ]
    );
    for name in ["river.html", "index.html"] {
        let page = visible(&read(&student, name));
        for hidden in [
            "Doves",
            "Hawks",
            "<mark",
            "Term lean",
            "Quote lean",
            "evidence",
            "Stance",
            "stance",
            "class=\"who\"",
            ".png",
            "<img",
            "answers.html",
            "+0.",
            "-0.",
            "−0.",
            "class=\"s0",
            "class=\"s1",
        ] {
            assert!(!page.contains(hidden), "student/{name} shows {hidden:?}");
        }
    }
    let sheet = read(&student, "river.html");
    assert!(
        !sheet.contains(".s0{--side"),
        "no side colors on a worksheet"
    );
    // The numbers are what the worksheet says they are: paragraphs, 1, 2, 3, numbered
    // as the annotated page in the teacher's folder numbers them.
    assert!(sheet.contains("The numbers on the left number its paragraphs."));
    assert!(sheet.contains("<p><span class=\"ln\">1</span><span>Fighting resumes"));
    assert!(sheet.contains("<p><span class=\"ln\">2</span><span>The war over the river began in May &amp; nobody &lt;b&gt;won&lt;/b&gt;."));
    assert!(sheet.contains("<p><span class=\"ln\">3</span><span>Officials now call it"));
    assert!(sheet.contains("<caption>Loaded words I found</caption>"));
    assert!(sheet.contains("<caption>Who is quoted</caption>"));
    let annotated = read(&teacher, "river.html");
    assert!(annotated
        .contains("<p id=\"p-3\"><span class=\"pn\" aria-hidden=\"true\">3</span>Officials"));
    let answers = read(&teacher, "answers.html");
    assert!(answers.contains(".s0{--side"));
    assert_nesting(&answers, "answers.html");
    assert!(answers.contains("Answer key"));
    assert!(
        answers.contains("<mark class=\"t s1\""),
        "highlights in the key"
    );
    assert!(answers.contains("Hawks") && answers.contains("Stance"));
    assert!(answers.contains("<img src=\"river.png\""));
    // In-page links: the key does not point at the worksheets.
    assert!(answers.contains("href=\"#a-river\""));
    assert!(answers.contains("id=\"river-t-1\""));
    assert!(read(&teacher, "index.html").contains("href=\"answers.html\""));
    // The command says which folder goes to whom.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let says = |folder: &Path| format!("{}/", folder.display());
    let for_students = stderr
        .lines()
        .find(|l| l.contains("for students"))
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(for_students.contains(&says(&student)), "{stderr}");
    let for_you = stderr.lines().find(|l| l.contains("for you")).unwrap();
    assert!(
        for_you.contains(&says(&teacher)) && for_you.contains("answers.html"),
        "{stderr}"
    );
}

#[test]
fn an_existing_folder_is_updated_not_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("notes.txt"), "teacher notes").unwrap();
    std::fs::write(out_dir.join("index.html"), "old").unwrap();
    slant()
        .args(["report", "seeds/004_72e29b7a571df496.txt", "--out"])
        .arg(&out_dir)
        .assert()
        .success();
    assert_eq!(read(&out_dir, "notes.txt"), "teacher notes");
    assert!(read(&out_dir, "index.html").starts_with("<!DOCTYPE html>"));
}

#[test]
fn a_report_that_would_replace_an_input_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles.jsonl");
    write_jsonl(
        &input,
        &[serde_json::json!({"id": "one", "text": "One\n\nThe war went on."})],
    );
    let before = std::fs::read(&input).unwrap();
    let out = slant()
        .args(["report", "--out"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(files(dir.path()), vec!["articles.jsonl"], "nothing written");
}

#[test]
fn one_bad_article_is_reported_and_the_rest_are_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Good\n\nThe war went on.\n").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let out_dir = dir.path().join("out");
    let out = slant()
        .args(["report", "--out"])
        .arg(&out_dir)
        .arg(dir.path().join("good.txt"))
        .arg(dir.path().join("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out_dir.join("good.html").exists() && out_dir.join("index.html").exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt"));
}
