//! `slant lexicon coverage` on the seeds, cross-checked against `slant score --format jsonl`.

mod common;

use common::slant;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

fn run(args: &[&str]) -> String {
    let out = slant().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn coverage_counts_agree_with_the_scored_terms() {
    let cov: Value =
        serde_json::from_str(&run(&["lexicon", "coverage", "seeds", "--format", "json"])).unwrap();
    assert_eq!(cov["articles"], 5);
    assert_eq!(cov["lexicon"], "immigration");
    // Count hits per (concept, variant) and voice from the per-article JSONL.
    let mut expected: BTreeMap<(String, String), [u64; 5]> = BTreeMap::new();
    let mut articles: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for line in run(&["score", "seeds", "--format", "jsonl"]).lines() {
        let r: Value = serde_json::from_str(line).unwrap();
        for t in r["terms"].as_array().unwrap() {
            let key = (
                t["concept"].as_str().unwrap().to_string(),
                t["variant"].as_str().unwrap().to_string(),
            );
            let e = expected.entry(key.clone()).or_default();
            e[0] += 1;
            e[match t["voice"].as_str().unwrap() {
                "narrator" => 1,
                "quoted" => 2,
                "scare_quoted" => 3,
                _ => 4,
            }] += 1;
            articles
                .entry(key)
                .or_default()
                .insert(r["id"].as_str().unwrap().to_string());
        }
    }
    assert!(!expected.is_empty());
    let entries = cov["entries"].as_array().unwrap();
    let mut fired = 0;
    for e in entries {
        let key = (
            e["concept"].as_str().unwrap().to_string(),
            e["variant"].as_str().unwrap().to_string(),
        );
        let want = expected.get(&key).copied().unwrap_or_default();
        let got = [
            &e["hits"],
            &e["narrator"],
            &e["quoted"],
            &e["scare_quoted"],
            &e["reported"],
        ]
        .map(|x| x.as_u64().unwrap());
        assert_eq!(got, want, "{key:?}");
        assert_eq!(
            e["articles"].as_u64().unwrap() as usize,
            articles.get(&key).map_or(0, |s| s.len()),
            "{key:?}"
        );
        let term_hits: u64 = e["terms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["hits"].as_u64().unwrap())
            .sum();
        assert_eq!(
            term_hits + e["pattern_hits"].as_u64().unwrap(),
            got[0],
            "{key:?}: every hit is traced to a term"
        );
        fired += usize::from(got[0] > 0);
    }
    assert_eq!(fired, expected.len());
    // Never-fired concepts are exactly those without a hit.
    let used: BTreeSet<&str> = expected.keys().map(|(c, _)| c.as_str()).collect();
    let never: BTreeSet<&str> = cov["never_fired"]["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let all: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["concept"].as_str().unwrap())
        .collect();
    assert_eq!(never, all.difference(&used).copied().collect());
    assert!(never.contains("anchor_babies"), "{never:?}");
}

#[test]
fn suggestions_are_labeled_recurrent_and_new() {
    let cov: Value =
        serde_json::from_str(&run(&["lexicon", "coverage", "seeds", "--format", "json"])).unwrap();
    assert!(cov["suggestions_note"]
        .as_str()
        .unwrap()
        .starts_with("Suggestions to consider, not findings"));
    let sugg = cov["suggestions"].as_array().unwrap();
    assert!(!sugg.is_empty() && sugg.len() <= 20);
    let terms: BTreeSet<String> = cov["entries"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e["terms"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["term"].as_str().unwrap().to_lowercase())
        })
        .collect();
    for s in sugg {
        let p = s["phrase"].as_str().unwrap();
        assert!(!terms.contains(p), "{p} is already a term");
        assert!(s["articles"].as_u64().unwrap() >= 2, "{s}");
        assert!(s["near"].as_u64().unwrap() >= 2, "{s}");
        assert!(!["the", "and", "said", "of"].contains(&p), "{p}");
        assert!(!s["concepts"].as_array().unwrap().is_empty());
    }
    let table = run(&["lexicon", "coverage", "seeds", "--suggestions", "5"]);
    assert!(
        table.contains("\nSUGGESTIONS TO CONSIDER, NOT FINDINGS\n"),
        "{table}"
    );
    assert!(table.contains("ENTRIES THAT FIRED"), "{table}");
    assert!(table.contains("NEVER FIRED:"), "{table}");
    assert!(table.contains("people_label / illegal alien"), "{table}");
    let rows = table
        .lines()
        .skip_while(|l| !l.starts_with("PHRASE"))
        .skip(1)
        .count();
    assert_eq!(rows, 5);
}

#[test]
fn coverage_of_another_lexicon_and_bad_inputs() {
    let cov: Value = serde_json::from_str(&run(&[
        "lexicon",
        "coverage",
        "seeds/004_72e29b7a571df496.txt",
        "--lexicon",
        "lexicons/examples/class-tweaks.yaml",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(cov["lexicon"], "class-tweaks");
    let e = cov["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["concept"] == "frustration_appeal")
        .unwrap();
    assert!(e["hits"].as_u64().unwrap() >= 1);
    let out = slant()
        .args(["lexicon", "coverage", "no-such-dir"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
