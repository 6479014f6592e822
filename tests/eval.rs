//! `slant eval lean` and `slant eval quotes` end to end on small fixtures of our own.

mod common;
use common::{run_ok, slant};

const LEAN: &str = "tests/fixtures/eval/lean.jsonl";

#[test]
fn eval_lean_separates_clearly_labelled_groups() {
    let out = run_ok(slant().args([
        "eval",
        "lean",
        LEAN,
        "--positive",
        "right",
        "--negative",
        "left",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"]["positive"], 3);
    assert_eq!(v["articles"]["negative"], 3);
    assert_eq!(v["articles"]["other"], 1);
    let stance = v["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["component"] == "stance")
        .unwrap();
    // Every right article uses restrictionist words, every left one pro-immigrant ones.
    assert_eq!(stance["auc"], 1.0);
    // Outlets are listed with their label, most pro-immigrant first.
    let outlets = v["outlets"].as_array().unwrap();
    assert_eq!(outlets.first().unwrap()["label"], "left");
    assert_eq!(outlets.last().unwrap()["label"], "right");
    // The variants are counted per group.
    let undoc = v["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["variant"] == "undocumented immigrant")
        .unwrap();
    assert_eq!(undoc["docs_negative"], 3);
    assert_eq!(undoc["docs_positive"], 0);
    assert!(undoc["z"].as_f64().unwrap() < 0.0);
}

#[test]
fn eval_lean_swapped_groups_invert_the_auc_and_csv_lists_components() {
    let out = run_ok(slant().args([
        "eval",
        "lean",
        LEAN,
        "--positive",
        "left",
        "--negative",
        "right",
        "--format",
        "csv",
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    let stance = text
        .lines()
        .find(|l| l.starts_with("component,stance,"))
        .unwrap();
    assert!(
        stance.contains(",0,") || stance.contains(",0.0,"),
        "{stance}"
    );
    assert!(text
        .lines()
        .any(|l| l.starts_with("variant,people_label,illegal alien,")));
}

#[test]
fn eval_lean_with_an_unknown_label_is_a_clear_error() {
    let out = slant()
        .args([
            "eval",
            "lean",
            LEAN,
            "--positive",
            "rght",
            "--negative",
            "left",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no article is labelled \"rght\""), "{err}");
}

#[test]
fn eval_quotes_counts_found_and_agreeing_speakers() {
    let out = run_ok(slant().args([
        "eval",
        "quotes",
        "tests/fixtures/eval/quotes.jsonl",
        "--gold",
        "tests/fixtures/eval/gold.jsonl",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Three direct gold quotations with a source; the indirect one is not counted.
    assert_eq!(v["direct_quotes"], 3);
    assert_eq!(v["found"], 3);
    assert_eq!(v["name"]["gold"], 2);
    assert_eq!(v["name"]["right"], 2);
    // "he" resolves to the last name before it, Bill Smith.
    assert_eq!(v["pronoun"]["right"], 1);
}
