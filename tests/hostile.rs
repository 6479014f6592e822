//! Hostile input: whatever a user feeds slant, it must not crash, hang or corrupt a file.
//!
//! Each case runs the real binary and asserts the documented behavior of
//! docs/hostile-input.md: the message, the exit code, and what is (not) written. Small
//! inputs live in `tests/hostile/<case>/` next to an `expect.txt`; big ones (a 50 MiB line,
//! 10,000 quote marks, a 100 MB lexicon) are generated here into a temporary folder.
//!
//! Exit codes: 0 all fine; 1 some articles failed or were skipped (the rest were
//! processed); 2 nothing could be done (bad lexicon, unwritable output).

mod common;

use common::slant;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use assert_cmd::Command;
use serde_json::Value;
use slant::lexicon::{Lexicon, Limits};

fn case(name: &str) -> String {
    format!("tests/hostile/{name}")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    let run = Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_no_panic(&run.stderr);
    run
}

fn score(args: &[&str]) -> Run {
    run(slant().arg("score").args(args))
}

/// The start of a long output, for assertion messages.
fn head(s: &str) -> String {
    s.chars().take(1500).collect()
}

fn assert_no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "slant panicked:\n{stderr}"
    );
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL ({e}): {l}")))
        .collect()
}

fn ids(recs: &[Value]) -> Vec<String> {
    recs.iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every file under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// No temporary file of an interrupted atomic write is left behind.
fn assert_no_temp_files(dir: &Path) {
    for f in listing(dir) {
        let name = Path::new(&f).file_name().unwrap().to_string_lossy();
        assert!(
            !(name.starts_with(".slant-") && name.ends_with(".tmp")),
            "temporary file left behind: {f}"
        );
    }
}

/// True when file permissions do not stop this process (root, or CAP_DAC_OVERRIDE): then
/// `chmod 000` files are still readable and read-only folders still writable.
fn permissions_are_ignored(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::write(&probe, "x").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::File::open(&probe).is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o644)).unwrap();
    fs::remove_file(&probe).unwrap();
    readable
}

const GOOD: &str = "Officials Debate Sanctuary Cities\n\nThe mayor said the city would not help federal agents detain illegal aliens.\n";

const LEX_HEAD: &str = "name: t\nversion: '1'\nsides: [{id: a, label: A, color: '#000000'}, {id: b, label: B, color: '#ffffff'}]\n";

// ---------------------------------------------------------------------------------------
// Empty and undecodable articles
// ---------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_reported_and_exits_1() {
    let path = format!("{}/empty.txt", case("empty-file"));
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 1, "{}", head(&r.stderr));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains(&format!(
        "slant: error: {path}: article is empty (no text to score)"
    )));
    assert!(r
        .stderr
        .contains("slant: 0 article(s) processed, 1 failed, 0 skipped"));
    // The table still has its header and footer.
    let t = score(&[&path]);
    assert_eq!(t.code, 1);
    assert!(t.stdout.contains("0 article(s)"), "{}", t.stdout);
}

#[test]
fn a_whitespace_only_file_and_empty_stdin_are_empty_articles() {
    let path = format!("{}/blank.txt", case("whitespace-only"));
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r
        .stderr
        .contains(&format!("{path}: article is empty (no text to score)")));

    let r = run(slant()
        .args(["score", "-", "-f", "jsonl"])
        .write_stdin(" \n\u{a0}\n"));
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains("slant: error: -: article is empty (no text to score)"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning_naming_file_and_offset() {
    // A Latin-1 text file is decoded as its legacy encoding (guessed), named in a warning.
    let path = format!("{}/latin1.txt", case("invalid-utf8"));
    let bytes = fs::read(&path).unwrap();
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert!(
        r.stderr.contains(&format!(
            "slant: warning: {path}: not UTF-8; read as windows-1252 (guessed from its bytes)"
        )),
        "{}",
        head(&r.stderr)
    );
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 1);
    // Offsets are into the decoded text (Latin-1: one character a byte).
    let decoded: String = bytes.iter().map(|&b| b as char).collect();
    assert!(decoded.contains("café"));
    let terms = recs[0]["terms"].as_array().unwrap();
    assert!(terms.iter().any(|t| t["text"] == "illegal aliens"));
    for t in terms {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&decoded[s..e], t["text"].as_str().unwrap());
    }

    // The same in a JSONL line: the warning names the line and the byte within it.
    let path = format!("{}/latin1.jsonl", case("invalid-utf8"));
    let line = fs::read(&path).unwrap();
    let bad = line.iter().position(|&b| b == 0xE9).unwrap();
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert!(
        r.stderr.contains(&format!(
            "slant: warning: {path}:1: invalid UTF-8 at byte {bad} of the line"
        )),
        "{}",
        head(&r.stderr)
    );
    assert_eq!(ids(&records(&r.stdout)), ["l1"]);
}

#[test]
fn a_binary_file_in_a_folder_is_skipped_and_named_explicitly_fails() {
    let folder = format!("{}/folder", case("binary-in-folder"));
    let r = score(&[&folder, "-f", "jsonl"]);
    assert_eq!(r.code, 1, "{}", head(&r.stderr));
    assert_eq!(ids(&records(&r.stdout)), ["article"]);
    // photo.txt is a PNG: its bytes say so, whatever its name.
    assert!(r.stderr.contains(&format!(
        "slant: skipped {folder}/photo.txt: an image; slant reads text, not pictures"
    )));
    assert!(r
        .stderr
        .contains("slant: 1 article(s) processed, 0 failed, 1 skipped"));

    let photo = format!("{folder}/photo.txt");
    let r = score(&[&photo, "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains(&format!("slant: error: {photo}: an image;")));
    assert!(r
        .stderr
        .contains("slant: 0 article(s) processed, 1 failed, 0 skipped"));
}

// ---------------------------------------------------------------------------------------
// Size: a 50 MiB line, 10,000 quote marks
// ---------------------------------------------------------------------------------------

#[test]
fn a_50_mib_single_line_article_is_refused_unless_the_limit_is_raised() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oneline.txt");
    const SIZE: usize = 50 * 1024 * 1024;
    let (start, tail) = ("Illegal aliens crossed. ", " undocumented immigrants");
    let filler = "lorem ipsum dolor sit amet ";
    let mut text = String::with_capacity(SIZE);
    text.push_str(start);
    while text.len() + filler.len() + tail.len() <= SIZE {
        text.push_str(filler);
    }
    text.push_str(&"x".repeat(SIZE - text.len() - tail.len()));
    text.push_str(tail);
    assert_eq!(text.len(), SIZE);
    fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();

    let r = score(&[p, "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(&format!(
            "slant: error: {p}: article is larger than 33554432 bytes; raise the limit with --max-article-bytes"
        )),
        "{}",
        head(&r.stderr)
    );

    let r = score(&[p, "-f", "jsonl", "--max-article-bytes", "60000000"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 1);
    let terms = recs[0]["terms"].as_array().unwrap();
    assert_eq!(terms.len(), 2, "one hit at each end");
    assert_eq!(terms[0]["start"], 0);
    assert_eq!(terms[0]["text"], "Illegal aliens");
    assert_eq!(terms[1]["end"].as_u64().unwrap() as usize, SIZE);
    assert_eq!(terms[1]["text"], "undocumented immigrants");
    // Line 1, column = characters before the hit.
    assert_eq!(terms[1]["line"], 1);
    assert_eq!(
        terms[1]["column"].as_u64().unwrap() as usize,
        SIZE - tail.len() + 2
    );
    // The one line is not copied into the title whole.
    let title = recs[0]["title"].as_str().unwrap();
    assert!(
        title.chars().count() <= 201,
        "title of {} chars",
        title.len()
    );
    assert!(title.starts_with("Illegal aliens crossed."));
}

#[test]
fn ten_thousand_unmatched_quote_marks_finish() {
    let dir = tempfile::tempdir().unwrap();
    let marks = ["\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "‚"];
    let mut texts = Vec::new();
    // 10,000 opening curly quotes in one paragraph.
    texts.push(("one-paragraph", "“illegal aliens ".repeat(10_000)));
    // 10,000 straight quotes, one per paragraph.
    texts.push(("many-paragraphs", "\" said Albence\n\n".repeat(10_000)));
    // Every kind of mark, mixed with cues, apostrophes and dashes, on few lines.
    let mut mixed = String::new();
    for i in 0..10_000 {
        mixed.push_str(marks[i % marks.len()]);
        mixed.push_str(match i % 5 {
            0 => "Illegal aliens, ",
            1 => "he said — ",
            2 => "don’t ",
            3 => "so-called ",
            _ => ".\n",
        });
    }
    texts.push(("mixed", mixed));
    // Only marks, no words at all.
    texts.push((
        "marks-only",
        marks.concat().repeat(10_000 / marks.len() + 1),
    ));
    let mut paths = Vec::new();
    for (name, text) in &texts {
        let p = dir.path().join(format!("{name}.txt"));
        fs::write(&p, text).unwrap();
        paths.push(p.to_str().unwrap().to_string());
    }
    let mut args: Vec<&str> = paths.iter().map(String::as_str).collect();
    args.extend(["-f", "jsonl"]);
    let r = score(&args);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let recs = records(&r.stdout);
    assert_eq!(
        ids(&recs),
        ["one-paragraph", "many-paragraphs", "mixed", "marks-only"]
    );
    for (rec, (_, text)) in recs.iter().zip(&texts) {
        let mut prev = 0;
        for q in rec["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert!(s >= prev, "quotes overlap or are out of order");
            prev = e;
            assert_eq!(&text[s..e], q["text"].as_str().unwrap());
        }
    }
    // Every "illegal aliens" of the first article is found.
    assert_eq!(recs[0]["terms"].as_array().unwrap().len(), 10_000);
}

// ---------------------------------------------------------------------------------------
// Hostile lexicons
// ---------------------------------------------------------------------------------------

#[test]
fn deeply_nested_yaml_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // 100,000 nested flow sequences: refused by a quick scan before any YAML parser
    // (whose scanner would spend minutes on it) sees the file.
    let flow = dir.path().join("deep.yaml");
    let depth = 100_000;
    fs::write(
        &flow,
        format!(
            "{LEX_HEAD}concepts: {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
    )
    .unwrap();
    // Block style, one level per line: serde_yaml's recursion limit.
    let block = dir.path().join("deep-block.yaml");
    let mut y = format!("{LEX_HEAD}description:\n");
    for i in 1..300 {
        y.push_str(&"  ".repeat(i));
        y.push_str("a:\n");
    }
    fs::write(&block, y).unwrap();
    let cases = [
        (
            &flow,
            // Line 4, the 65th `[` after "concepts: ".
            "4:75: error: brackets are nested more than 64 levels deep; refusing to parse the lexicon",
        ),
        (&block, "error: recursion limit exceeded"),
    ];
    for (path, msg) in cases {
        let p = path.to_str().unwrap();
        let r = run(slant().args(["score", "-l", p, "seeds"]));
        assert_eq!(r.code, 2, "{}", head(&r.stderr));
        assert!(r.stdout.is_empty());
        assert!(
            r.stderr.contains(&format!("{p}:")) && r.stderr.contains(msg),
            "{}",
            head(&r.stderr)
        );
        let r = run(slant().args(["lexicon", "check", p]));
        assert_eq!(r.code, 2);
        assert!(r.stdout.contains(msg), "{}", head(&r.stdout));
    }
    let r = run(slant().args(["lexicon", "check", flow.to_str().unwrap()]));
    assert!(r
        .stdout
        .contains(&format!("{}:4:75: error", flow.display())));
}

/// The nesting scan does not mistake brackets in quoted scalars, comments and regex
/// patterns for nesting.
#[test]
fn brackets_inside_strings_comments_and_patterns_are_not_nesting() {
    let brackets = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[";
    let yaml = format!(
        "{LEX_HEAD}description: 'it''s {brackets}' # {brackets}\n\
         concepts:\n  - id: c\n    label: \"a \\\" {brackets}\"\n    description: plain {brackets} text\n\
         \x20   variants:\n      - {{patterns: ['[a-z]{{2}} aliens', \"[\\\\[\\\\]]x\"], terms: [illegal aliens, '[{brackets}a'], side: a}}\n"
    );
    let lexicon = Lexicon::from_yaml("brackets.yaml", &yaml, Limits::default())
        .unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    assert_eq!(lexicon.concepts[0].variants[0].patterns[1], r"[\[\]]x");
    assert_eq!(lexicon.description, format!("it's {brackets}"));
    assert_eq!(
        lexicon.concepts[0].description,
        format!("plain {brackets} text")
    );
    assert_eq!(lexicon.concepts[0].label, format!("a \" {brackets}"));
    // And a flow structure at the limit is fine, one deeper is not.
    let nest = |n: usize| {
        format!(
            "{LEX_HEAD}concepts: [{{id: c, variants: [{{terms: [x], side: a, examples: {}\"x\"{}}}]}}]\n",
            "[".repeat(n),
            "]".repeat(n)
        )
    };
    let err = |n| match Lexicon::from_yaml("n.yaml", &nest(n), Limits::default()) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    };
    // 4 levels around `examples`: 60 more stay within 64 (serde then objects to the type).
    assert!(!err(60).contains("nested more than"), "{}", err(60));
    assert!(err(61).contains("brackets are nested more than 64 levels deep"));
}

#[test]
fn an_alias_bomb_lexicon_is_refused_before_it_expands() {
    let bomb = format!("{}/billion-laughs.yaml", case("alias-bomb"));
    let msg = "error: YAML aliases (`*name`) expand this lexicon by more than 100000 entries; refusing to load it (an alias bomb?)";
    let r = run(slant().args(["score", "-l", &bomb, "seeds"]));
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(&format!("{bomb}:")) && r.stderr.contains(msg),
        "{}",
        head(&r.stderr)
    );
    let r = run(slant().args(["lexicon", "check", &bomb]));
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains(msg), "{}", r.stdout);

    // Quadratic: one anchored list of 2,000 terms aliased by 2,000 variants (4 million
    // terms from a 70 KB file; serde_yaml's own repetition limit does not catch this).
    let dir = tempfile::tempdir().unwrap();
    let quad = dir.path().join("quadratic.yaml");
    let terms: Vec<String> = (0..2000).map(|i| format!("t{i}")).collect();
    let mut y = format!(
        "{LEX_HEAD}concepts:\n  - id: c\n    variants:\n      - {{terms: &t [{}], side: a}}\n",
        terms.join(", ")
    );
    for _ in 0..2000 {
        y.push_str("      - {terms: *t, side: b}\n");
    }
    fs::write(&quad, y).unwrap();
    let q = quad.to_str().unwrap();
    let r = run(slant().args(["score", "-l", q, "seeds"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(msg), "{}", head(&r.stderr));

    // A few aliases for shared snippets are fine.
    let ok = dir.path().join("aliases.yaml");
    fs::write(
        &ok,
        format!(
            "{LEX_HEAD}concepts:\n  - id: people\n    variants:\n      - {{terms: [illegal aliens], side: b, examples: &ex [\"They are illegal aliens.\"]}}\n      - {{terms: [undocumented immigrants], side: a, counter_examples: *ex}}\n"
        ),
    )
    .unwrap();
    let r = score(&[
        "-l",
        ok.to_str().unwrap(),
        "seeds/000_f667bd81ae114d19.txt",
        "-f",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert_eq!(records(&r.stdout).len(), 1);
}

/// A lexicon whose one variant has `pattern`.
fn pattern_lexicon(path: &Path, pattern: &str) {
    let mut f = fs::File::create(path).unwrap();
    write!(
        f,
        "{LEX_HEAD}concepts:\n  - id: c\n    variants:\n      - {{patterns: ['{pattern}'], side: a}}\n"
    )
    .unwrap();
}

#[test]
fn a_100_mb_regex_is_refused_by_size_and_each_limit_names_its_flag() {
    let dir = tempfile::tempdir().unwrap();
    let seed = "seeds/000_f667bd81ae114d19.txt";

    // 100 MB: refused by the lexicon file size before it is read.
    let huge = dir.path().join("huge.yaml");
    pattern_lexicon(&huge, &"x".repeat(100 * 1024 * 1024));
    let h = huge.to_str().unwrap();
    let r = score(&["-l", h, seed]);
    assert_eq!(r.code, 2);
    let size = fs::metadata(&huge).unwrap().len();
    assert!(
        r.stderr.contains(&format!(
            "slant: error: {h}: lexicon is {size} bytes, over the 8388608-byte limit (raise it with --max-lexicon-bytes)"
        )),
        "{}",
        head(&r.stderr)
    );

    // Within the file limit, a long pattern is refused by --max-pattern-bytes (3,000
    // bytes here: parsing 100 MB of YAML in a debug build takes half a minute).
    let long = dir.path().join("long.yaml");
    pattern_lexicon(&long, &"x".repeat(3_000));
    let l = long.to_str().unwrap();
    let r = score(&["-l", l, seed]);
    assert_eq!(r.code, 2);
    assert!(
        head(&r.stderr).contains("error: pattern is 3000 bytes, over the 2000-byte limit"),
        "{}",
        head(&r.stderr)
    );
    assert!(r
        .stderr
        .contains("raise the limit with --max-pattern-bytes"));
    let r = score(&[
        "-l",
        l,
        seed,
        "--max-pattern-bytes",
        "200000",
        "-f",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));

    // A short pattern that compiles big is refused by --max-regex-bytes.
    let big = dir.path().join("big.yaml");
    pattern_lexicon(&big, r"\w{50}");
    let b = big.to_str().unwrap();
    let r = score(&["-l", b, seed]);
    assert_eq!(r.code, 2);
    assert!(
        head(&r.stderr).contains("error: pattern compiles to more than 2097152 bytes"),
        "{}",
        head(&r.stderr)
    );
    assert!(r.stderr.contains("raise the limit with --max-regex-bytes"));
    let r = score(&[
        "-l",
        b,
        seed,
        "--max-regex-bytes",
        "50000000",
        "-f",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert_eq!(records(&r.stdout).len(), 1);
}

#[test]
fn max_lexicon_bytes_refuses_and_raising_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    let lex = dir.path().join("small.yaml");
    fs::write(
        &lex,
        format!("{LEX_HEAD}concepts:\n  - id: c\n    variants:\n      - {{terms: [illegal aliens], side: b}}\n"),
    )
    .unwrap();
    let size = fs::metadata(&lex).unwrap().len();
    let p = lex.to_str().unwrap();
    let r = score(&["-l", p, "--max-lexicon-bytes", "100", "seeds"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(&format!(
        "{p}: lexicon is {size} bytes, over the 100-byte limit (raise it with --max-lexicon-bytes)"
    )));
    let r = score(&[
        "-l",
        p,
        "--max-lexicon-bytes",
        "100000",
        "seeds",
        "-f",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert_eq!(records(&r.stdout).len(), 5);
}

// ---------------------------------------------------------------------------------------
// Article size limits on every input path
// ---------------------------------------------------------------------------------------

#[test]
fn max_article_bytes_applies_to_files_stdin_and_jsonl_and_names_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("Headline\n\n{}", "illegal aliens ".repeat(140)); // 2,110 bytes
    let file = dir.path().join("a.txt");
    fs::write(&file, &text).unwrap();
    let f = file.to_str().unwrap();
    let flag = "raise the limit with --max-article-bytes";

    let r = score(&[f, "--max-article-bytes", "1000", "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains(&format!("{f}: article is larger than 1000 bytes; {flag}")));
    let r = score(&[f, "--max-article-bytes", "5000", "-f", "jsonl"]);
    assert_eq!((r.code, records(&r.stdout).len()), (0, 1));

    let r = run(slant()
        .args(["score", "-", "--max-article-bytes", "1000"])
        .write_stdin(text.clone()));
    assert_eq!(r.code, 1);
    assert!(r
        .stderr
        .contains(&format!("-: article is larger than 1000 bytes; {flag}")));

    // JSONL: a text over the limit, and a line too long to even parse; the next line is
    // still read.
    let jsonl = dir.path().join("feed.jsonl");
    let long = serde_json::json!({"id": "long", "text": text}).to_string();
    let huge = serde_json::json!({"id": "huge", "text": "y".repeat(10_000)}).to_string();
    fs::write(
        &jsonl,
        format!("{long}\n{huge}\n{{\"id\": \"ok\", \"text\": \"illegal aliens\"}}\n"),
    )
    .unwrap();
    let j = jsonl.to_str().unwrap();
    let r = score(&[j, "--max-article-bytes", "1000", "-f", "jsonl"]);
    assert_eq!(r.code, 1, "{}", head(&r.stderr));
    assert_eq!(ids(&records(&r.stdout)), ["ok"]);
    assert!(r.stderr.contains(&format!(
        "{j}:1: article text is larger than 1000 bytes; {flag}"
    )));
    assert!(r
        .stderr
        .contains(&format!("{j}:2: line is too long; {flag}")));

    // An absurd limit does not overflow anything.
    let r = score(&[
        f,
        "--max-article-bytes",
        &usize::MAX.to_string(),
        "-f",
        "jsonl",
    ]);
    assert_eq!(
        (r.code, records(&r.stdout).len()),
        (0, 1),
        "{}",
        head(&r.stderr)
    );
    let r = score(&[
        j,
        "--max-article-bytes",
        &usize::MAX.to_string(),
        "-f",
        "jsonl",
    ]);
    assert_eq!(ids(&records(&r.stdout)), ["long", "huge", "ok"]);
}

// ---------------------------------------------------------------------------------------
// Broken JSONL, unreadable files, links and special files
// ---------------------------------------------------------------------------------------

#[test]
fn broken_jsonl_lines_are_reported_with_line_numbers_and_the_rest_scored() {
    let path = format!("{}/mixed.jsonl", case("broken-jsonl"));
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    let recs = records(&r.stdout);
    assert_eq!(ids(&recs), ["good-1", "good-2", "7"]);
    assert_eq!(recs[0]["source"], format!("{path}:1"));
    for (line, what) in [
        (2, "not a valid JSON article (EOF while parsing a string"),
        (3, "not a valid JSON article (missing field `text`"),
        (
            5,
            "not a valid JSON article (the line is not a JSON object)",
        ),
        (
            7,
            "not a valid JSON article (the line is not a JSON object)",
        ),
        (8, "not a valid JSON article (invalid type: integer `42`"),
        (9, "article text is empty"),
    ] {
        assert!(
            head(&r.stderr).contains(&format!("slant: error: {path}:{line}: {what}")),
            "line {line}:\n{}",
            head(&r.stderr)
        );
    }
    // The blank line 4 is not an article and not an error.
    assert!(!r.stderr.contains(&format!("{path}:4:")));
    assert!(r
        .stderr
        .contains("slant: 3 article(s) processed, 6 failed, 0 skipped"));
}

#[test]
fn an_unreadable_file_is_reported_and_the_rest_processed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, GOOD).unwrap();
    fs::write(dir.path().join("open.txt"), GOOD).unwrap();
    let ignored = permissions_are_ignored(dir.path());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let d = dir.path().to_str().unwrap();
    let r = score(&[d, "-f", "jsonl"]);
    if ignored {
        // Running as root (as CI does): permission bits do not apply, so the file is read
        // like any other. The permission-denied path is covered below by an I/O error
        // that root gets too.
        assert_eq!(r.code, 0, "{}", head(&r.stderr));
        assert_eq!(ids(&records(&r.stdout)), ["locked", "open"]);
    } else {
        assert_eq!(r.code, 1);
        assert_eq!(ids(&records(&r.stdout)), ["open"]);
        assert!(r.stderr.contains(&format!(
            "slant: error: {}: permission denied (check the file's read permission)",
            locked.display()
        )));
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();

    // A file that opens but fails to read (EIO), even for root.
    if Path::new("/proc/self/mem").exists() {
        let open = dir.path().join("open.txt");
        let r = score(&["/proc/self/mem", open.to_str().unwrap(), "-f", "jsonl"]);
        assert_eq!(r.code, 1);
        assert_eq!(ids(&records(&r.stdout)), ["open"]);
        assert!(
            head(&r.stderr).contains("slant: error: /proc/self/mem: Input/output error"),
            "{}",
            head(&r.stderr)
        );
        assert!(r
            .stderr
            .contains("slant: 1 article(s) processed, 1 failed, 0 skipped"));
    }
}

#[test]
fn a_directory_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("folder");
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("good.txt"), GOOD).unwrap();
    std::os::unix::fs::symlink("..", root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink("missing.txt", root.join("dangling.txt")).unwrap();
    let r = score(&[root.to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(ids(&records(&r.stdout)), ["good"], "read exactly once");
    assert!(
        r.stderr.contains(&format!(
            "slant: error: {}: symbolic link loop; not followed",
            root.join("sub/loop").display()
        )),
        "{}",
        head(&r.stderr)
    );
    assert!(r.stderr.contains(&format!(
        "slant: error: {}: no such file or folder",
        root.join("dangling.txt").display()
    )));
    assert!(r
        .stderr
        .contains("slant: 1 article(s) processed, 2 failed, 0 skipped"));
}

#[test]
fn a_named_pipe_in_a_folder_is_skipped_instead_of_blocking() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = StdCommand::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipping the named-pipe case");
        return;
    }
    let r = score(&[dir.path().to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    assert_eq!(ids(&records(&r.stdout)), ["good"]);
    assert!(r.stderr.contains(&format!(
        "slant: skipped {}: not a regular file (a named pipe, socket or device); skipped",
        fifo.display()
    )));
}

// ---------------------------------------------------------------------------------------
// Batches: one bad article never stops the rest
// ---------------------------------------------------------------------------------------

#[test]
fn a_folder_mixing_good_and_bad_files_scores_every_good_article() {
    let folder = format!("{}/folder", case("batch-mix"));
    let r = score(&[&folder, "missing-file.txt", "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    let recs = records(&r.stdout);
    assert_eq!(
        ids(&recs),
        ["a-good", "b-good", "e-latin1", "feed-1", "feed-3"]
    );
    for line in [
        format!("slant: error: {folder}/c-empty.txt: article is empty (no text to score)"),
        format!("slant: skipped {folder}/d-binary.txt: an image; slant reads text"),
        format!("slant: warning: {folder}/e-latin1.txt: not UTF-8; read as windows-1252"),
        format!("slant: error: {folder}/f-feed.jsonl:2: not a valid JSON article"),
        "slant: error: missing-file.txt: no such file or folder".to_string(),
        "slant: 5 article(s) processed, 3 failed, 2 skipped".to_string(),
        format!("  failed: {folder}/c-empty.txt: article is empty"),
        format!("  failed: {folder}/f-feed.jsonl:2: not a valid JSON article"),
        "  failed: missing-file.txt: no such file or folder".to_string(),
        format!("  skipped: {folder}/d-binary.txt: an image;"),
    ] {
        assert!(
            r.stderr.contains(&line),
            "missing `{line}` in\n{}",
            head(&r.stderr)
        );
    }
    // The summary comes last: failures, then what was skipped, the folder's other files
    // (notes.csv is not an article file) counted in one line.
    assert!(r.stderr.trim_end().ends_with(&format!(
        "  skipped: {folder}: 1 file(s) slant does not read: 1 other (notes.csv); slant reads .txt, .md, .jsonl, .html, .htm, .docx and .odt (a PDF or an image: copy its text into a .txt file)"
    )), "{}", head(&r.stderr));

    // Output for a good article is complete: the same as scoring it alone.
    for (i, name) in ["a-good.txt", "b-good.md"].iter().enumerate() {
        let alone = score(&[&format!("{folder}/{name}"), "-f", "jsonl"]);
        assert_eq!(alone.code, 0);
        assert_eq!(records(&alone.stdout)[0], recs[i], "{name}");
    }

    // The table and CSV have every good article too.
    let t = score(&[&folder]);
    assert_eq!(t.code, 1);
    assert!(t.stdout.contains("5 article(s)"));
    let c = score(&[&folder, "-f", "csv"]);
    assert_eq!(c.code, 1);
    assert_eq!(c.stdout.lines().count(), 1 + 5);
}

#[test]
fn report_on_a_mixed_folder_writes_every_good_article_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let folder = format!("{}/folder", case("batch-mix"));
    let r = run(slant().args(["report", &folder, "--out", out.to_str().unwrap()]));
    assert_eq!(r.code, 1, "{}", head(&r.stderr));
    assert!(r
        .stderr
        .contains("slant: 5 article(s) processed, 2 failed, 2 skipped"));
    let files = listing(&out);
    for f in [
        "index.html",
        "comparison.png",
        "summary.csv",
        "articles.jsonl",
        "a-good.html",
        "a-good.png",
        "b-good.html",
        "e-latin1.html",
        "feed-1.html",
        "feed-3.html",
    ] {
        assert!(files.contains(&f.to_string()), "{f} missing: {files:?}");
    }
    assert!(!files
        .iter()
        .any(|f| f.contains("c-empty") || f.contains("d-binary")));
    assert_eq!(
        fs::read_to_string(out.join("articles.jsonl"))
            .unwrap()
            .lines()
            .count(),
        5
    );
    assert_no_temp_files(&out);
}

// ---------------------------------------------------------------------------------------
// Output folders
// ---------------------------------------------------------------------------------------

fn report_or_chart(cmd: &str, input: &str, out: &str) -> Run {
    run(slant().args([cmd, input, "--out", out]))
}

#[test]
fn an_output_path_that_is_a_file_or_an_input_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, GOOD).unwrap();
    let other = dir.path().join("notes.txt");
    fs::write(&other, "keep me").unwrap();
    let i = input.to_str().unwrap();
    for cmd in ["report", "chart"] {
        for (out, keep) in [(&other, "keep me"), (&input, GOOD)] {
            let o = out.to_str().unwrap();
            let r = report_or_chart(cmd, i, o);
            assert_eq!(r.code, 2, "{cmd} --out {o}: {}", head(&r.stderr));
            assert!(
                r.stderr.contains(&format!(
                    "slant: error: output path {o} exists and is not a folder; choose another --out"
                )),
                "{}",
                head(&r.stderr)
            );
            assert_eq!(fs::read_to_string(out).unwrap(), keep);
        }
    }
    assert_eq!(listing(dir.path()), ["a.txt", "notes.txt"]);
}

#[test]
fn an_output_folder_that_would_overwrite_an_input_is_refused_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("x");
    fs::create_dir(&folder).unwrap();
    let feed = folder.join("articles.jsonl");
    let content = "{\"id\": \"summary\", \"text\": \"illegal aliens here\"}\n";
    fs::write(&feed, content).unwrap();
    let f = folder.to_str().unwrap();
    let r = report_or_chart("report", f, f);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(&format!(
            "refusing to write {}: it is one of the input files (choose another --out)",
            feed.display()
        )),
        "{}",
        head(&r.stderr)
    );
    assert_eq!(fs::read_to_string(&feed).unwrap(), content);
    assert_eq!(listing(&folder), ["articles.jsonl"], "nothing written");
}

#[test]
fn an_unwritable_output_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, GOOD).unwrap();
    let i = input.to_str().unwrap();

    // /proc/self is a folder nobody, not even root, can create files in.
    if Path::new("/proc/self").is_dir() {
        for cmd in ["report", "chart"] {
            let r = report_or_chart(cmd, i, "/proc/self");
            assert_eq!(r.code, 2, "{cmd}: {}", head(&r.stderr));
            assert!(
                r.stderr.contains("slant: error: cannot write /proc/self/"),
                "{cmd}: {}",
                head(&r.stderr)
            );
            let r = report_or_chart(cmd, i, "/proc/self/slant-out");
            assert_eq!(r.code, 2);
            assert!(
                head(&r.stderr)
                    .contains("slant: error: cannot create output folder /proc/self/slant-out"),
                "{cmd}: {}",
                head(&r.stderr)
            );
        }
    }

    // A read-only folder.
    let ignored = permissions_are_ignored(dir.path());
    let ro = dir.path().join("readonly");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    for cmd in ["report", "chart"] {
        let r = report_or_chart(cmd, i, ro.to_str().unwrap());
        if ignored {
            // Root writes into a read-only folder anyway: the run succeeds.
            assert_eq!(r.code, 0, "{cmd}: {}", head(&r.stderr));
        } else {
            assert_eq!(r.code, 2, "{cmd}: {}", head(&r.stderr));
            assert!(
                r.stderr.contains("slant: error: cannot write"),
                "{}",
                head(&r.stderr)
            );
            assert!(r.stderr.contains("ermission denied"), "{}", head(&r.stderr));
            assert!(listing(&ro).is_empty(), "nothing written");
        }
        assert_no_temp_files(&ro);
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------------------------------
// Broken pipe
// ---------------------------------------------------------------------------------------

/// Start slant with `args`, read one line of its output, close the pipe, and return its
/// exit code and standard error.
fn read_one_line_and_close(args: &[&str]) -> (i32, String) {
    let mut child = StdCommand::cargo_bin("slant")
        .unwrap()
        .args(args)
        .env("NO_COLOR", "1")
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "no first line from {args:?}");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().expect("exited, not killed by SIGPIPE"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    // Far more output than a pipe and slant's own buffer hold, so writes do hit the
    // closed pipe.
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string("seeds/000_f667bd81ae114d19.txt").unwrap();
    let feed = dir.path().join("many.jsonl");
    let mut f = fs::File::create(&feed).unwrap();
    for i in 0..300 {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("a{i}"), "text": seed})
        )
        .unwrap();
    }
    drop(f);
    let feed = feed.to_str().unwrap();
    let full = score(&[feed, "-f", "jsonl"]);
    assert!(full.stdout.len() > 1 << 20, "the full output is over 1 MiB");
    for format in ["jsonl", "table", "json", "csv"] {
        let (code, stderr) = read_one_line_and_close(&["score", feed, "-f", format]);
        assert_eq!(code, 0, "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}
