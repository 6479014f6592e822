//! Scale semantics: streaming output order, thread-count independence, and sharding.

mod common;
#[path = "support/corpus.rs"]
mod corpus;

use common::{run_ok, slant};

fn corpus(n: usize, seed: u64) -> String {
    let mut g = corpus::Generator::new(seed);
    (0..n).map(|_| g.jsonl_line()).collect()
}

fn score(input: &str, threads: &str) -> Vec<u8> {
    let out = run_ok(
        slant()
            .args([
                "score",
                "--jsonl",
                "-",
                "--format",
                "jsonl",
                "--threads",
                threads,
            ])
            .write_stdin(input.to_string()),
    );
    out.stdout
}

#[test]
fn output_keeps_input_order_whatever_the_thread_count() {
    // More than one chunk (256 articles) so ordering across chunks is exercised.
    let input = corpus(600, 11);
    let one = score(&input, "1");
    let two = score(&input, "2");
    assert_eq!(one, two);
    let ids: Vec<String> = String::from_utf8(one)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = (1..=600).map(|i| format!("gen-{i:06}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn sharded_runs_concatenated_equal_one_run() {
    let input = corpus(300, 5);
    let whole = score(&input, "2");
    let lines: Vec<&str> = input.split_inclusive('\n').collect();
    let mut joined = Vec::new();
    for shard in lines.chunks(97) {
        joined.extend(score(&shard.concat(), "2"));
    }
    // `source` names the input line (`-:LINE`), which is relative to each shard; every
    // other field must be identical.
    let strip = |bytes: &[u8]| -> Vec<serde_json::Value> {
        String::from_utf8(bytes.to_vec())
            .unwrap()
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("source");
                v
            })
            .collect()
    };
    let (a, b) = (strip(&joined), strip(&whole));
    assert_eq!(a.len(), 300);
    assert_eq!(a, b);
}
