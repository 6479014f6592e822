//! `slant roster suggest` end to end on a small fixture of our own.

mod common;
use common::{run_ok, slant};

#[test]
fn roster_suggest_lists_unaligned_speakers_as_yaml_stubs() {
    let out = run_ok(slant().args([
        "roster",
        "suggest",
        "tests/fixtures/roster/articles.jsonl",
        "--min-quotes",
        "2",
    ]));
    let y = String::from_utf8(out.stdout).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&y).expect("valid YAML");
    let actors = v["actors"].as_sequence().expect("a list of actors");
    let names: Vec<&str> = actors.iter().filter_map(|a| a["name"].as_str()).collect();
    // Henry Lucero is in the built-in roster; Maria Ortiz (4 quotes) comes first
    assert_eq!(names, ["Maria Ortiz", "Tom Reyes"]);
    assert_eq!(actors[0]["kind"].as_str(), Some("person"));
    assert!(actors[0]["side"].is_null(), "left for the teacher");
    assert!(y.contains("# 4 quotes"), "{y}");
    assert!(
        y.contains("Weekly (2), Daily (2)") || y.contains("Daily (2), Weekly (2)"),
        "{y}"
    );
    // --top cuts the list
    let out = run_ok(slant().args([
        "roster",
        "suggest",
        "tests/fixtures/roster/articles.jsonl",
        "--top",
        "1",
    ]));
    let v: serde_yaml::Value = serde_yaml::from_slice(&out.stdout).unwrap();
    assert_eq!(v["actors"].as_sequence().map(Vec::len), Some(1));
}
