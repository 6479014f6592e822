//! Robustness: hostile and random text returns quickly, with valid, non-overlapping
//! offsets.

use super::fixtures::{check_invariants, roster};
use crate::quotes::extract;

#[test]
fn ten_thousand_unmatched_marks_return_quickly() {
    let start = std::time::Instant::now();
    for unit in [
        "“",
        "”",
        "\"",
        "„",
        "«",
        "'",
        "‘",
        "“a ",
        "\"a ",
        "a” ",
        "“ ” \" ' ‘ ’ « » „ ",
    ] {
        let t = unit.repeat(10_000);
        let qs = extract(&t, &roster());
        check_invariants(&t, &qs);
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn long_single_line_stays_linear() {
    let unit =
        "“This is one quote, and a long one,” he said, adding that “more” came. Lucero said it. ";
    let t = unit.repeat(20_000); // ~1.8 MB, one paragraph
    let start = std::time::Instant::now();
    let qs = extract(&t, &roster());
    assert_eq!(qs.len(), 40_000);
    check_invariants(&t, &qs);
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

#[test]
fn randomized_offsets_are_valid_and_never_overlap() {
    let alphabet: Vec<char> = "“”\"„«»‘’'‛ \n\n  aAbZ.,:;!?—éß中😀sayidhe"
        .chars()
        .collect();
    let mut rng = crate::corpus::Rng::new(1);
    let mut next = || rng.next_u64();
    let r = roster();
    for _ in 0..3000 {
        let len = (next() % 160) as usize;
        let t: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let qs = extract(&t, &r);
        check_invariants(&t, &qs);
    }
    // words and a few cue words mixed in, to reach the attribution code
    let words = [
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "said",
        "he",
        "she",
        "it",
        "Reyes",
        "Tom",
        "told",
        "according",
        "to",
        ",",
        ".",
        ":",
        "\n",
        "\n\n",
        "the",
        "official",
        "Lucero",
        "who",
        "saying",
        "é",
        "—",
        "(",
        ")",
        "U.S.",
        "quoting",
        "press",
        "release",
    ];
    for _ in 0..3000 {
        let len = (next() % 60) as usize;
        let mut t = String::new();
        for _ in 0..len {
            t.push_str(words[(next() % words.len() as u64) as usize]);
            if next() % 3 > 0 {
                t.push(' ');
            }
        }
        let qs = extract(&t, &r);
        check_invariants(&t, &qs);
    }
}
