//! Hostile input, the loading side: byte-order marks, old line ends, UTF-16 and legacy
//! encodings, inputs given twice, and the kinds slant refuses (PDF, images, web addresses).
//! Each case has its inputs and an `expect.txt` in `tests/hostile/<case>/` and a row in
//! docs/hostile-input.md; this file checks the binary against them.

mod common;

use std::io::Write;
use std::process::Stdio;

use assert_cmd::cargo::CommandCargoExt;
use common::slant;
use serde_json::Value;

fn case(name: &str) -> String {
    format!("tests/hostile/{name}")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn score(args: &[&str]) -> Run {
    let out = slant().arg("score").args(args).output().unwrap();
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

fn ids(stdout: &str) -> Vec<String> {
    records(stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// The terms of a record without their positions: what was found and how it counts.
fn terms_without_offsets(rec: &Value) -> Vec<Value> {
    rec["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut t = t.clone();
            for k in ["start", "end", "line", "column"] {
                t.as_object_mut().unwrap().remove(k);
            }
            t
        })
        .collect()
}

#[test]
fn a_jsonl_file_or_stdin_with_a_utf8_bom_keeps_its_first_article() {
    let path = format!("{}/bom.jsonl", case("bom-jsonl"));
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["first", "second"]);

    let mut child = std::process::Command::cargo_bin("slant")
        .unwrap()
        .args(["score", "-f", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(&path).unwrap())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        ids(&String::from_utf8(out.stdout).unwrap()),
        ["first", "second"]
    );
}

#[test]
fn lone_cr_line_ends_are_line_breaks() {
    let path = format!("{}/mac.txt", case("old-mac-line-ends"));
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rec = &records(&r.stdout)[0];
    assert_eq!(rec["title"], "Headline about the border");
    let hit = &rec["terms"][0];
    assert_eq!(
        (hit["text"].as_str(), hit["line"].as_u64()),
        (Some("illegal aliens"), Some(4))
    );
    // Offsets still refer to the file: a CR became an LF, byte for byte.
    let file = std::fs::read(&path).unwrap();
    let (s, e) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[s..e], b"illegal aliens");
}

#[test]
fn utf16_files_are_decoded_not_called_binary() {
    let dir = case("utf16-text");
    let path = format!("{dir}/notepad-unicode.txt");
    let r = score(&[&path, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "slant: warning: {path}: not UTF-8; read as UTF-16LE (from its byte-order mark)"
        )),
        "{}",
        r.stderr
    );
    let rec = &records(&r.stdout)[0];
    assert_eq!(rec["title"], "Notepad headline about the border");
    let voices: Vec<&str> = rec["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["voice"].as_str().unwrap())
        .collect();
    assert_eq!(voices, ["quoted", "narrator"]);

    // Without its byte-order mark, in a folder: still text, not "binary".
    let tmp = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(tmp.path().join("nobom.txt"), &bytes[2..]).unwrap();
    let r = score(&[tmp.path().to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r
        .stderr
        .contains("read as UTF-16LE (guessed from its bytes)"));
    assert_eq!(
        records(&r.stdout)[0]["title"],
        "Notepad headline about the border"
    );
}

#[test]
fn a_windows_1252_file_keeps_its_curly_quotes() {
    let dir = case("legacy-encoding");
    let legacy = score(&[&format!("{dir}/cp1252.txt"), "-f", "jsonl"]);
    let utf8 = score(&[&format!("{dir}/utf8.txt"), "-f", "jsonl"]);
    assert_eq!((legacy.code, utf8.code), (0, 0), "{}", legacy.stderr);
    assert!(
        legacy.stderr.contains(
            "cp1252.txt: not UTF-8; read as windows-1252 (guessed from its bytes); save the file as UTF-8 to be sure"
        ),
        "{}",
        legacy.stderr
    );
    let (a, b) = (&records(&legacy.stdout)[0], &records(&utf8.stdout)[0]);
    assert_eq!(terms_without_offsets(a), terms_without_offsets(b));
    assert_eq!(a["scores"], b["scores"]);
    assert_eq!(
        a["terms"][0]["voice"], "quoted",
        "the curly quotes survived"
    );
}

#[test]
fn a_folder_or_file_given_twice_is_read_once() {
    let folder = format!("{}/folder", case("given-twice"));
    let r = score(&[&folder, &folder, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["a"]);
    assert!(
        r.stderr.contains(&format!(
            "slant: warning: {folder}: 1 file(s) already read from an input given before"
        )),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);

    let file = format!("{folder}/a.txt");
    let r = score(&[&folder, &file, "-f", "jsonl"]);
    assert_eq!(ids(&r.stdout), ["a"]);
    assert!(r.stderr.contains(&format!(
        "slant: warning: {file}: given more than once (or inside a folder also given); read once"
    )));
}

#[test]
fn pdfs_images_and_urls_get_one_line_saying_what_to_do() {
    let folder = format!("{}/folder", case("refused-kinds"));
    let r = score(&[&folder, "-f", "jsonl"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(ids(&r.stdout), ["article"]);
    for line in [
        format!("slant: skipped {folder}/saved.txt: a PDF; slant does not read PDFs: copy the article's text into a .txt file, or save the web page as HTML, and pass that file"),
        format!("slant: skipped {folder}: 2 file(s) slant does not read: 1 PDF (scan.pdf), 1 image (photo.jpg); slant reads .txt, .md, .jsonl, .html, .htm, .docx and .odt"),
    ] {
        assert!(r.stderr.contains(&line), "missing `{line}` in\n{}", r.stderr);
    }

    let pdf = format!("{folder}/scan.pdf");
    let r = score(&[&pdf]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains(&format!(
        "slant: error: {pdf}: a PDF; slant does not read PDFs"
    )));
    let jpg = format!("{folder}/photo.jpg");
    let r = score(&[&jpg]);
    assert!(r.stderr.contains(&format!(
        "slant: error: {jpg}: an image; slant reads text, not pictures"
    )));

    let r = score(&["https://example.com/story"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("slant: error: https://example.com/story: a web address; slant never goes online (by design): save the page as HTML in your browser (File › Save Page As…) and pass the saved file"), "{}", r.stderr);
}
