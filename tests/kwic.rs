//! `slant kwic` on the seeds and on the suggest fixture: its lines are exactly the hits
//! scoring counts (checked against `slant score --format jsonl`), a free term finds what a
//! plain whole-word search finds, lines sort by their context, and the CSV and HTML
//! outputs carry every line.

mod common;

use std::collections::BTreeMap;

use common::{run_ok, slant};
use serde_json::Value;

fn kwic_json(args: &[&str]) -> Value {
    let mut all = vec!["kwic"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let out = run_ok(slant().args(&all));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (article, start, end) → (voice, counted side, contribution) of every scored hit of
/// `concept` in the seeds, from `slant score --format jsonl`.
fn scored(concept: &str) -> BTreeMap<(String, u64, u64), (String, String, f64)> {
    let out = run_ok(slant().args(["score", "seeds", "--format", "jsonl"]));
    let mut m = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        for t in r["terms"].as_array().unwrap() {
            if t["concept"] == concept {
                m.insert(
                    (
                        r["id"].as_str().unwrap().to_string(),
                        t["start"].as_u64().unwrap(),
                        t["end"].as_u64().unwrap(),
                    ),
                    (
                        t["voice"].as_str().unwrap().to_string(),
                        t["counted_side"].as_str().unwrap().to_string(),
                        t["contribution"].as_f64().unwrap(),
                    ),
                );
            }
        }
    }
    m
}

fn lines_by_span(doc: &Value) -> BTreeMap<(String, u64, u64), Value> {
    doc["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                (
                    l["article"].as_str().unwrap().to_string(),
                    l["start"].as_u64().unwrap(),
                    l["end"].as_u64().unwrap(),
                ),
                l.clone(),
            )
        })
        .collect()
}

#[test]
fn concept_lines_are_exactly_the_scored_hits() {
    for concept in ["sanctuary_policy", "people_label"] {
        let want = scored(concept);
        assert!(!want.is_empty(), "{concept} fires on the seeds");
        let doc = kwic_json(&["--concept", concept, "seeds"]);
        let got = lines_by_span(&doc);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "{concept}"
        );
        for (k, (voice, side, contribution)) in &want {
            let l = &got[k];
            assert_eq!(l["voice"], voice.as_str(), "{k:?}");
            assert_eq!(l["counted"]["side"], side.as_str(), "{k:?}");
            assert!((l["counted"]["contribution"].as_f64().unwrap() - contribution).abs() < 1e-4);
            assert_eq!(l["counted"]["exact"], true);
        }
        assert_eq!(doc["summary"]["lines"].as_u64(), Some(want.len() as u64));
        assert_eq!(doc["summary"]["not_counted"], 0);
    }
}

#[test]
fn a_free_term_finds_every_whole_word_use_and_names_what_counts() {
    let doc = kwic_json(&["Illegal Aliens", "seeds"]);
    // A plain search: whole words, any case, any white space between.
    let re = regex::Regex::new(r"(?i)\billegal\s+aliens\b").unwrap();
    let mut plain = 0;
    for entry in std::fs::read_dir("seeds").unwrap() {
        plain += re
            .find_iter(&std::fs::read_to_string(entry.unwrap().path()).unwrap())
            .count();
    }
    let lines = doc["lines"].as_array().unwrap();
    assert_eq!(lines.len(), plain);
    assert!(plain > 0);
    // Where the lexicon's hit is this very phrase, the line's voice is the scored one; a
    // longer lexicon phrase ("criminal illegal aliens") is named as such.
    let people = scored("people_label");
    let mut exact = 0;
    for l in lines {
        assert!(re.is_match(l["match"].as_str().unwrap()));
        let c = &l["counted"];
        assert!(c.is_object(), "the lexicon counts every one of these: {l}");
        let key = (
            l["article"].as_str().unwrap().to_string(),
            l["start"].as_u64().unwrap(),
            l["end"].as_u64().unwrap(),
        );
        if c["exact"] == true {
            exact += 1;
            assert_eq!(l["voice"], people[&key].0.as_str());
        } else {
            assert_ne!(c["variant"], "illegal alien");
        }
    }
    assert!(exact > 0);
    // A word the lexicon does not list is found and marked as not counted.
    let doc = kwic_json(&["Queens", "seeds"]);
    let n = doc["summary"]["lines"].as_u64().unwrap();
    assert!(n > 0);
    assert_eq!(doc["summary"]["not_counted"].as_u64(), Some(n));
    assert!(doc["lines"][0]["counted"].is_null());
}

/// Lower-cased words of a context, nearest the match first.
fn words(s: &str, reverse: bool) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if reverse {
        w.reverse();
    }
    w
}

#[test]
fn lines_sort_by_the_words_around_the_match() {
    for (sort, left_first) in [("left", true), ("right", false)] {
        let doc = kwic_json(&["--concept", "sanctuary_policy", "seeds", "--sort", sort]);
        let keys: Vec<(Vec<String>, Vec<String>)> = doc["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                let left = words(l["left"].as_str().unwrap(), true);
                let right = words(l["right"].as_str().unwrap(), false);
                if left_first {
                    (left, right)
                } else {
                    (right, left)
                }
            })
            .collect();
        assert!(keys.len() > 3);
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "--sort {sort}");
    }
}

#[test]
fn csv_and_html_carry_every_line_and_never_overwrite_an_input() {
    let doc = kwic_json(&["--concept", "sanctuary_policy", "seeds"]);
    let n = doc["lines"].as_array().unwrap().len();
    let csv = run_ok(slant().args([
        "kwic",
        "--concept",
        "sanctuary_policy",
        "seeds",
        "-f",
        "csv",
    ]));
    let mut r = csv::Reader::from_reader(&csv.stdout[..]);
    assert_eq!(&r.headers().unwrap()[6], "match");
    assert_eq!(r.records().count(), n);

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("kwic.html");
    run_ok(slant().args([
        "kwic",
        "--concept",
        "sanctuary_policy",
        "seeds",
        "-f",
        "html",
        "-o",
        page.to_str().unwrap(),
    ]));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("Concordance: concept sanctuary_policy"));
    let table = &html[html.find("table class=\"sortable kwic\"").unwrap()..];
    assert_eq!(table.matches("<td class=\"m\">").count(), n);

    // -o naming an input is refused before anything is read, and the input is untouched.
    let input = dir.path().join("a.txt");
    std::fs::copy("seeds/000_f667bd81ae114d19.txt", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = slant()
        .args([
            "kwic",
            "sanctuary",
            input.to_str().unwrap(),
            "-f",
            "html",
            "-o",
            input.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn outlets_and_labels_come_from_the_jsonl() {
    let doc = kwic_json(&[
        "asylum seekers",
        "tests/fixtures/suggest/articles.jsonl",
        "--label",
        "lean",
        "--sort",
        "outlet",
    ]);
    let lines = doc["lines"].as_array().unwrap();
    assert!(!lines.is_empty());
    for l in lines {
        assert!(l["outlet"].is_string());
        assert_eq!(l["label"], "left");
    }
    let outlets: Vec<&str> = lines
        .iter()
        .map(|l| l["outlet"].as_str().unwrap())
        .collect();
    let mut sorted = outlets.clone();
    sorted.sort();
    assert_eq!(outlets, sorted);
}

#[test]
fn bad_queries_are_clear_errors() {
    for (args, want) in [
        (
            vec!["seeds", "--concept", "sanctuary"],
            "did you mean `sanctuary_policy`",
        ),
        (vec!["--variant", "no such words", "seeds"], "no variant"),
        (vec!["—", "seeds"], "no letters or digits"),
    ] {
        let mut all = vec!["kwic"];
        all.extend(args);
        let out = slant().args(&all).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{all:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(want), "{all:?}: {err}");
    }
    let out = slant().args(["kwic"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
