//! `slant eval quotes`: failure classes, sample misses, reported speech, and measuring
//! saved output of `slant score` on small fixtures of our own.

mod common;
use common::{run_ok, slant};

const CORPUS: &str = "tests/fixtures/eval/quotes.jsonl";
const GOLD: &str = "tests/fixtures/eval/gold.jsonl";

fn eval(extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["eval", "quotes", CORPUS, "--gold", GOLD, "--format", "json"];
    args.extend_from_slice(extra);
    let out = run_ok(slant().args(&args));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn eval_quotes_breaks_results_down_and_shows_misses() {
    let v = eval(&["--show-misses", "3"]);
    // every found quotation is under the rule that found it
    let by_rule = v["by_rule"].as_array().unwrap();
    let found: u64 = by_rule
        .iter()
        .map(|r| {
            ["name", "pronoun", "description"]
                .iter()
                .map(|k| r[k]["gold"].as_u64().unwrap())
                .sum::<u64>()
        })
        .sum();
    assert_eq!(found, v["found"].as_u64().unwrap());
    assert!(v["by_cue"].as_array().is_some_and(|c| !c.is_empty()));
    // reported speech is measured against the indirect gold attribution
    assert!(v["reported"]["gold"].as_u64().unwrap() >= 1);
}

#[test]
fn saved_output_measures_the_same_as_a_run() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("scored.jsonl");
    let out = run_ok(slant().args(["score", CORPUS, "--format", "jsonl"]));
    std::fs::write(&saved, &out.stdout).unwrap();
    let direct = eval(&[]);
    let from_saved = eval(&["--predictions", saved.to_str().unwrap()]);
    for k in ["direct_quotes", "found", "name", "pronoun", "description"] {
        assert_eq!(direct[k], from_saved[k], "{k}");
    }
    assert!(from_saved.get("reported").is_none());
}
