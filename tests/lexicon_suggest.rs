//! `slant lexicon suggest` on a small labelled corpus written for these tests
//! (`tests/fixtures/suggest/articles.jsonl`: seven right-rated and seven left-rated
//! articles from three outlets each, two wire articles): counts checked against a plain
//! count of the fixture, the lexicon marks, the inferred sides, the two ways of naming the
//! groups, pruning, and `--yaml` stubs that `lexicon check` and `lexicon test` accept.
//!
//! The fixture has some 400 words a group, far less than the default prior of 1,000
//! words, so the tests lower it (`--prior 100`) and the z threshold (`--min-z 1.5`).

mod common;

use std::collections::BTreeMap;

use common::{run_ok, slant};
use serde_json::Value;

const FIXTURE: &str = "tests/fixtures/suggest/articles.jsonl";

/// The fixture's articles: (lean, outlet, text).
fn articles() -> Vec<(String, String, String)> {
    std::fs::read_to_string(FIXTURE)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("lean"), s("outlet"), s("text"))
        })
        .collect()
}

/// Uses and articles of `phrase` (whole words, any case) in the articles of `lean`: the
/// plain count the tool's must equal.
fn plain_count(lean: &str, phrase: &str) -> (u64, u64) {
    let re = regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(phrase))).unwrap();
    let mut uses = 0;
    let mut docs = 0;
    for (l, _, text) in articles() {
        if l == lean {
            let n = re.find_iter(&text).count() as u64;
            uses += n;
            docs += u64::from(n > 0);
        }
    }
    (uses, docs)
}

fn suggest_json(extra: &[&str]) -> Value {
    let mut args = vec![
        "lexicon",
        "suggest",
        FIXTURE,
        "--by",
        "lean",
        "--groups",
        "right,left",
        "--prior",
        "100",
        "--min-z",
        "1.5",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = run_ok(slant().args(&args));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rows(doc: &Value) -> BTreeMap<String, Value> {
    doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["phrase"].as_str().unwrap().to_string(), r.clone()))
        .collect()
}

#[test]
fn counts_equal_a_plain_count_and_each_group_gets_its_phrases() {
    let doc = suggest_json(&[]);
    assert_eq!(doc["groups"][0]["name"], "right");
    assert_eq!(doc["groups"][0]["articles"], 7);
    assert_eq!(doc["groups"][1]["articles"], 7);
    assert_eq!(doc["other_articles"], 2);
    let rows = rows(&doc);
    for (phrase, favours) in [
        ("nightly crossings", "right"),
        ("border crisis", "right"),
        ("legal aid", "left"),
        ("family separation", "left"),
    ] {
        let r = rows
            .get(phrase)
            .unwrap_or_else(|| panic!("{phrase} ranked: {rows:?}"));
        assert_eq!(r["favours"], favours, "{phrase}");
        let (ru, rd) = plain_count("right", phrase);
        let (lu, ld) = plain_count("left", phrase);
        assert_eq!(r["uses"], serde_json::json!([ru, lu]), "{phrase}");
        assert_eq!(r["articles"], serde_json::json!([rd, ld]), "{phrase}");
        let z = r["z"].as_f64().unwrap();
        assert!(
            if favours == "right" {
                z >= 1.5
            } else {
                z <= -1.5
            },
            "{phrase} {z}"
        );
        assert_eq!(r["max_missing"], 0);
        assert!(!r["examples"].as_array().unwrap().is_empty());
    }
    // A phrase used alike by both groups is no suggestion.
    assert!(!rows.contains_key("farmers in the valley"));
    // Phrases the lexicon already has are marked, the others not.
    assert_eq!(rows["border crisis"]["lexicon"]["status"], "listed");
    assert_eq!(rows["border crisis"]["lexicon"]["concept"], "border_crisis");
    assert!(rows["nightly crossings"]["lexicon"].is_null());
    // Voices: "border crisis" is quoted once (the sheriff), the rest narrator.
    let v = &rows["border crisis"]["voices"];
    assert_eq!(
        (v["narrator"].as_u64(), v["quoted"].as_u64()),
        (Some(9), Some(1))
    );
    // Outlets: three right outlets say "nightly crossings".
    assert_eq!(rows["nightly crossings"]["outlets"], 3);
    // The loaded words say which side each group leans to.
    assert_eq!(doc["groups"][0]["side"], "restrictionist");
    assert_eq!(doc["groups"][1]["side"], "pro_immigrant");
    assert_eq!(doc["groups"][0]["side_from"], "data");
}

#[test]
fn two_corpora_give_the_same_counts_as_a_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut right, mut left) = (String::new(), String::new());
    for line in std::fs::read_to_string(FIXTURE).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        match v["lean"].as_str().unwrap() {
            "right" => right.push_str(&format!("{line}\n")),
            "left" => left.push_str(&format!("{line}\n")),
            _ => {}
        }
    }
    let (r, l) = (dir.path().join("r.jsonl"), dir.path().join("l.jsonl"));
    std::fs::write(&r, right).unwrap();
    std::fs::write(&l, left).unwrap();
    let out = run_ok(slant().args([
        "lexicon",
        "suggest",
        r.to_str().unwrap(),
        "--vs",
        l.to_str().unwrap(),
        "--prior",
        "100",
        "--min-z",
        "1.5",
        "--format",
        "json",
    ]));
    let vs: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Corpus names default to the file stems.
    assert_eq!(vs["groups"][0]["name"], "r");
    assert_eq!(vs["groups"][1]["name"], "l");
    let by = suggest_json(&[]);
    let strip = |doc: &Value| -> Vec<(String, Value, Value, Value)> {
        doc["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["phrase"].as_str().unwrap().to_string(),
                    r["uses"].clone(),
                    r["articles"].clone(),
                    r["z"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(strip(&vs), strip(&by));
}

#[test]
fn yaml_stubs_pass_lexicon_check_and_lexicon_test() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("stubs.yaml");
    let out = run_ok(slant().args([
        "lexicon",
        "suggest",
        FIXTURE,
        "--by",
        "lean",
        "--groups",
        "right,left",
        "--prior",
        "100",
        "--min-z",
        "1.5",
        "--yaml",
        yaml.to_str().unwrap(),
    ]));
    assert!(String::from_utf8_lossy(&out.stderr).contains("concept stub"));
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("extends: \"builtin:immigration\""), "{text}");
    // A stub for the unlisted phrase, on the side of the group it favours; none for the
    // phrases the lexicon lists.
    let doc: Value = serde_yaml::from_str(&text).unwrap();
    let concepts = doc["concepts"].as_array().unwrap();
    let stub = |phrase: &str| {
        concepts
            .iter()
            .find(|c| c["variants"][0]["terms"][0] == phrase)
            .cloned()
    };
    let nc = stub("nightly crossings").expect("a stub for nightly crossings");
    assert_eq!(nc["id"], "nightly_crossings");
    assert_eq!(nc["variants"][0]["side"], "restrictionist");
    let ex = nc["variants"][0]["examples"][0].as_str().unwrap();
    assert!(ex.to_lowercase().contains("nightly crossings"), "{ex}");
    assert_eq!(
        stub("legal aid").unwrap()["variants"][0]["side"],
        "pro_immigrant"
    );
    assert!(stub("border crisis").is_none() && stub("family separation").is_none());
    // Both checks a lexicon author runs pass, without warnings.
    let check = slant()
        .args(["lexicon", "check", "--strict", yaml.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let test = slant()
        .args(["lexicon", "test", yaml.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        test.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&test.stdout)
    );
    // The stubs count when extended: the phrase is now a hit of its own concept.
    let kwic = run_ok(slant().args([
        "kwic",
        "--concept",
        "nightly_crossings",
        FIXTURE,
        "--lexicon",
        yaml.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let k: Value = serde_json::from_slice(&kwic.stdout).unwrap();
    let (ru, _) = plain_count("right", "nightly crossings");
    let (lu, _) = plain_count("left", "nightly crossings");
    assert_eq!(k["summary"]["lines"].as_u64(), Some(ru + lu));
}

#[test]
fn a_stub_file_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::copy(FIXTURE, &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = slant()
        .args([
            "lexicon",
            "suggest",
            input.to_str().unwrap(),
            "--by",
            "lean",
            "--groups",
            "right,left",
            "--yaml",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("input"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn the_table_and_csv_carry_the_same_rows() {
    let table = run_ok(slant().args([
        "lexicon",
        "suggest",
        FIXTURE,
        "--by",
        "lean",
        "--groups",
        "right,left",
        "--prior",
        "100",
        "--min-z",
        "1.5",
    ]));
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("Used more by right"));
    assert!(table.contains("nightly crossings"));
    assert!(table.contains("listed: border_crisis/border crisis"));
    assert!(
        table.contains("[nightly crossings]"),
        "example lines mark the phrase"
    );
    let csv = run_ok(slant().args([
        "lexicon",
        "suggest",
        FIXTURE,
        "--by",
        "lean",
        "--groups",
        "right,left",
        "--prior",
        "100",
        "--min-z",
        "1.5",
        "--format",
        "csv",
    ]));
    let mut r = csv::Reader::from_reader(&csv.stdout[..]);
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[1], "phrase");
    let phrases: Vec<String> = r.records().map(|rec| rec.unwrap()[1].to_string()).collect();
    let json = suggest_json(&[]);
    let want: Vec<String> = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["phrase"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(phrases, want);
}

#[test]
fn a_full_table_prunes_rare_phrases_and_says_so() {
    // The fixture has some 800 distinct phrases; hold at most 400.
    let doc = suggest_json(&["--max-phrases", "400"]);
    let mem = &doc["memory"];
    assert!(mem["dropped"].as_u64().unwrap() > 0);
    assert!(mem["held"].as_u64().unwrap() <= 400);
    let floor = mem["floor"].as_u64().unwrap();
    assert!(floor >= 1);
    // Every row's counts are short of the plain count by at most its max_missing, and
    // that by at most the floor.
    let rows = rows(&doc);
    assert!(!rows.is_empty());
    for (phrase, r) in &rows {
        let missing = r["max_missing"].as_u64().unwrap();
        assert!(missing <= floor, "{phrase}");
        for (g, lean) in ["right", "left"].iter().enumerate() {
            let (plain, _) = plain_count(lean, phrase);
            let got = r["uses"][g].as_u64().unwrap();
            assert!(
                got <= plain && plain <= got + missing,
                "{phrase} {lean}: {got} {plain} {missing}"
            );
        }
    }
    assert!(rows.contains_key("nightly crossings"), "{:?}", rows.keys());
}

#[test]
fn missing_or_empty_groups_are_clear_errors() {
    for (args, want) in [
        (vec!["--by", "lean"], "--groups"),
        (vec![], "--by FIELD"),
        (vec!["--by", "lean", "--groups", "right"], "two names"),
        (
            vec!["--by", "lean", "--groups", "right,nobody"],
            "group `nobody` is empty",
        ),
        (
            vec!["--by", "lean", "--groups", "right,left", "--sides", "x,y"],
            "no side `x`",
        ),
    ] {
        let mut all = vec!["lexicon", "suggest", FIXTURE];
        all.extend(args);
        let out = slant().args(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{all:?}: {err}");
    }
}

#[test]
fn the_result_does_not_depend_on_the_number_of_threads() {
    // With and without pruning: the table's shards take the articles in input order
    // whatever thread runs them.
    for extra in [vec![], vec!["--max-phrases", "400"]] {
        let one = suggest_json(&[extra.clone(), vec!["-j", "1"]].concat());
        let two = suggest_json(&[extra.clone(), vec!["-j", "2"]].concat());
        let four = suggest_json(&[extra, vec!["-j", "4"]].concat());
        assert_eq!(one, two);
        assert_eq!(one, four);
    }
}
