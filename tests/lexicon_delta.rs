//! `slant score --lexicon NEW --baseline-lexicon OLD`: per-article deltas on the seeds.

mod common;

use common::slant;

use serde_json::Value;

/// The built-in lexicon with `roam_the_streets` at double weight (3 and 1.5 instead of
/// 1.5 and 0.75). Its `scare_quoted: keep` means every hit counts for restrictionist.
const DOUBLED: &str = "name: doubled
version: \"1\"
extends: builtin:immigration
concepts:
  - id: roam_the_streets
    scare_quoted: keep
    variants:
      - label: roam the streets
        terms: [\"roam the streets\", \"roam the streets freely\", \"roaming the streets\", \"roamed the streets\",
                \"roams the streets\", \"roam free\", \"roaming free\", \"roam freely\", \"roaming freely\",
                \"back on the streets\", \"back onto the streets\", \"released onto the streets\"]
        side: restrictionist
        weight: 3.0
      - label: off the streets
        terms: [\"off the streets\", \"off our streets\"]
        side: restrictionist
        weight: 1.5
";

fn compare(format: &str) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("doubled.yaml");
    std::fs::write(&base, DOUBLED).unwrap();
    let out = slant()
        .args([
            "score",
            "seeds",
            "--lexicon",
            "builtin:immigration",
            "--format",
            format,
            "--baseline-lexicon",
        ])
        .arg(&base)
        .output()
        .unwrap();
    (dir, out)
}

fn article<'a>(v: &'a Value, prefix: &str) -> &'a Value {
    v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().starts_with(prefix))
        .unwrap()
}

fn entry_names(a: &Value) -> Vec<String> {
    a["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} / {}",
                e["concept"].as_str().unwrap(),
                e["variant"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn halving_a_doubled_concept_moves_leans_toward_the_other_side_and_names_it() {
    let (_dir, out) = compare("json");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["baseline"]["name"], "doubled");
    assert_eq!(v["lexicon"]["name"], "immigration");
    let changes: Vec<String> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                c["entry"].as_str().unwrap(),
                c["detail"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            "roam_the_streets / roam the streets weight 3 → 1.5",
            "roam_the_streets / off the streets weight 1.5 → 0.75",
        ]
    );
    // Mixed articles: less restrictionist weight means a lean further toward pro-immigrant.
    for id in ["000", "003"] {
        let a = article(&v, id);
        let (before, after) = (
            a["before"]["term_lean"].as_f64().unwrap(),
            a["after"]["term_lean"].as_f64().unwrap(),
        );
        assert!(after < before, "{id}: {before} → {after}");
        assert_eq!(
            entry_names(a)[0],
            "roam_the_streets / roam the streets",
            "{id}"
        );
        let e = &a["entries"][0];
        assert_eq!(e["hits_before"], e["hits_after"]);
        let (wb, wa) = (
            e["weight_before"].as_f64().unwrap(),
            e["weight_after"].as_f64().unwrap(),
        );
        assert!((wa - wb / 2.0).abs() < 1e-9, "{id}: half the contribution");
        assert!(e["pull_after"].as_f64().unwrap() < e["pull_before"].as_f64().unwrap());
    }
    // 004 has no pro-immigrant term at all, so its term lean is +1 either way; its evidence
    // drops by exactly the halved contribution, and the entry is named.
    let a = article(&v, "004");
    assert_eq!(a["before"]["term_lean"], a["after"]["term_lean"]);
    assert_eq!(entry_names(a), ["roam_the_streets / off the streets"]);
    let e = &a["entries"][0];
    let drop = e["weight_before"].as_f64().unwrap() - e["weight_after"].as_f64().unwrap();
    let evidence =
        a["before"]["evidence"].as_f64().unwrap() - a["after"]["evidence"].as_f64().unwrap();
    assert!(
        drop > 0.0 && (drop - evidence).abs() < 1e-9,
        "{drop} vs {evidence}"
    );
    // 001 has no such phrase: no change.
    let a = article(&v, "001");
    assert!(entry_names(a).is_empty());
    assert_eq!(a["before"], a["after"]);
}

#[test]
fn table_output_names_the_cause_and_the_direction() {
    let (_dir, out) = compare("table");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "Lexicon changes (2):\n  ~ roam_the_streets / roam the streets: weight 3 → 1.5\n"
        ),
        "{text}"
    );
    assert!(text.contains("001_0ad354234d2359d4  "), "{text}");
    let line_001 = text.lines().find(|l| l.starts_with("001_")).unwrap();
    assert!(line_001.ends_with("— no change"), "{line_001}");
    let block_000: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("000_"))
        .take_while(|l| !l.starts_with("001_"))
        .collect();
    assert!(block_000[1].starts_with("  term lean "), "{block_000:?}");
    assert!(
        block_000[1].ends_with("toward Pro-immigrant"),
        "{block_000:?}"
    );
    assert!(
        block_000.iter().any(|l| l
            .trim_start()
            .starts_with("roam_the_streets / roam the streets")
            && l.ends_with("toward Pro-immigrant")),
        "{block_000:?}"
    );
    assert!(text.contains("5 article(s) compared, 4 changed."), "{text}");
}

#[test]
fn jsonl_same_lexicon_and_csv() {
    let (_dir, out) = compare("jsonl");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 5);

    let out = slant()
        .args([
            "score",
            "seeds",
            "--baseline-lexicon",
            "builtin:immigration",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Lexicon changes: none"), "{text}");
    assert_eq!(text.matches("— no change").count(), 5, "{text}");

    let out = slant()
        .args([
            "score",
            "seeds",
            "--baseline-lexicon",
            "builtin:immigration",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not CSV"));

    let out = slant()
        .args(["score", "seeds", "--baseline-lexicon", "missing.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("baseline lexicon"));

    // --watch needs a lexicon file to watch.
    let out = slant()
        .args(["score", "seeds", "--watch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
