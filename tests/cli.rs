//! End-to-end tests of the `slant` binary on the seed articles.

mod common;

use common::{run_ok, slant, SEEDS};

use serde_json::Value;

fn jsonl(args: &[&str]) -> Vec<Value> {
    let out = run_ok(slant().args(args));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn score_table_lists_every_seed_with_a_legend() {
    let out = slant().args(["score", "seeds"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for id in SEEDS {
        assert!(text.contains(id), "missing {id} in\n{text}");
    }
    assert!(text.contains("5 article(s)"));
    assert!(text.contains("Restrictionist"));
    assert!(!text.contains('\u{1b}'), "no color when not a terminal");
}

#[test]
fn jsonl_offsets_point_at_the_matched_text_in_the_original_file() {
    let records = jsonl(&["score", "seeds", "--format", "jsonl"]);
    assert_eq!(records.len(), 5);
    for r in &records {
        assert_eq!(r["schema_version"], 3);
        assert_eq!(r["lexicon"]["name"], "immigration");
        assert_eq!(
            r["lexicon"]["sides"],
            serde_json::json!(["pro_immigrant", "restrictionist"])
        );
        assert_eq!(r["lexicon"]["sha256"].as_str().unwrap().len(), 64);
        let source = r["source"].as_str().unwrap();
        let bytes = std::fs::read(source).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let terms = r["terms"].as_array().unwrap();
        assert!(!terms.is_empty());
        for t in terms {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], t["text"].as_str().unwrap());
            // line/column agree with the offset.
            let line = text[..s].matches('\n').count() + 1;
            assert_eq!(t["line"].as_u64().unwrap() as usize, line);
            let col = text[..s].rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(t["column"].as_u64().unwrap() as usize, col);
        }
        for q in r["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], q["text"].as_str().unwrap());
        }
    }
}

fn by_id<'a>(records: &'a [Value], id: &str) -> &'a Value {
    records.iter().find(|r| r["id"] == id).unwrap()
}

fn narrator_terms(r: &Value) -> Vec<String> {
    r["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["voice"] == "narrator")
        .map(|t| t["text"].as_str().unwrap().to_lowercase())
        .collect()
}

#[test]
fn the_opinion_column_uses_restrictionist_labels_in_its_own_words() {
    let records = jsonl(&["score", "seeds", "--format", "jsonl"]);
    let r = by_id(&records, "004_72e29b7a571df496");
    assert_eq!(
        r["title"],
        "ICE Goes to War With New York City Over Sanctuary Policies"
    );
    let own = narrator_terms(r);
    // Read from the column's text: "The illegals are still reluctant…", "de Blasio and his
    // liberal friends", "Only in liberal dreams", "dangerous illegal aliens".
    for expected in [
        "illegals",
        "liberal friends",
        "liberal dreams",
        "illegal aliens",
        "vamoose",
    ] {
        assert!(
            own.iter().any(|t| t == expected),
            "{expected} not in {own:?}"
        );
    }
    assert!(r["scores"]["term_lean"].as_f64().unwrap() > 0.5);
    assert_eq!(r["scores"]["enough_evidence"], true);
}

#[test]
fn machine_translated_copy_says_protected_area_not_sanctuary() {
    let records = jsonl(&["score", "seeds", "--format", "jsonl"]);
    let r = by_id(&records, "003_4f9b0c250ff8d600");
    let all: Vec<String> = r["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(all.iter().any(|t| t.contains("protected area")), "{all:?}");
    assert!(!all.iter().any(|t| t.starts_with("sanctuary")), "{all:?}");
}

#[test]
fn json_is_an_array_of_the_same_records_and_csv_has_a_row_each() {
    let out = slant()
        .args(["score", "seeds", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
    assert_eq!(v[0]["id"], SEEDS[0]);
    let out = slant()
        .args(["score", "seeds", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    assert!(headers.iter().any(|h| h == "restrictionist_count"));
    assert!(headers.iter().any(|h| h == "stance"));
    assert_eq!(rdr.records().count(), 5);
}

#[test]
fn stdin_and_jsonl_inputs() {
    let text = std::fs::read_to_string("seeds/004_72e29b7a571df496.txt").unwrap();
    let out = slant()
        .args(["score", "-", "--format", "jsonl"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "stdin");
    assert_eq!(v["source"], "-");
    let line = serde_json::json!({"id": 7, "text": text, "outlet": "PJ Media"}).to_string();
    let input = format!(
        "{line}\nnot json\n\n{}\n",
        serde_json::json!({"id": "b", "text": "Illegals everywhere."})
    );
    let out = slant()
        .args(["score", "--jsonl", "-", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken line makes the run exit 1"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("-:2"),
        "broken line reported with its number: {stderr}"
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the good lines are still scored");
    assert_eq!(lines[0]["id"], "7");
    assert_eq!(lines[0]["outlet"], "PJ Media");
    assert_eq!(lines[1]["id"], "b");
}

#[test]
fn jsonl_on_stdin_is_recognized_without_the_flag() {
    // `cat corpus.jsonl | slant score -` must score every record, not one article made of
    // the JSON text.
    let input = format!(
        "\n{}\n{}\n",
        serde_json::json!({"id": "a", "text": "Sanctuary cities shield undocumented immigrants."}),
        serde_json::json!({"id": "b", "text": "Illegal aliens roam the streets."})
    );
    let out = run_ok(
        slant()
            .args(["score", "-", "--format", "jsonl"])
            .write_stdin(input),
    );
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["a", "b"]);
    // Plain text that merely contains braces later is still one article.
    let out = slant()
        .args(["score", "-", "--format", "jsonl"])
        .write_stdin("Officials said {braces} mean nothing here.\n{\"x\": 1}\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "stdin");
}

#[test]
fn malformed_lexicon_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.yaml");
    std::fs::write(
        &p,
        "name: bad\nversion: '1'\nsides:\n  - {id: a, label: A, color: '#000'}\n  - {id: b, label: B, color: '#fff'}\nconcepts:\n  - id: c\n    variants:\n      - terms: [x]\n        side: b\n        wieght: 2\n",
    )
    .unwrap();
    let out = slant()
        .args(["score", "seeds", "--lexicon"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.yaml:11:9"), "{stderr}");
    assert!(stderr.contains("did you mean `weight`"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn missing_input_is_reported_and_the_rest_scored() {
    let out = slant()
        .args([
            "score",
            "seeds/000_f667bd81ae114d19.txt",
            "does-not-exist.txt",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does-not-exist.txt: no such file or folder")
    );
}

#[test]
fn builtin_lexicons_pass_check_and_their_examples() {
    let out = slant()
        .args(["lexicon", "check", "--strict"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = slant().args(["lexicon", "test"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("0 failed"));
}
