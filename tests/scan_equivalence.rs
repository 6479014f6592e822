//! The fast kernels change nothing: normalization, matching, quote extraction and
//! attribution run with the plain reference kernels (`slant::scan::Plain`, byte at a time)
//! and with the build's fast ones (`slant::scan::Fast`: SSE2 on x86_64) give identical
//! results on generated text.
//!
//! The text mixes what the kernels tell apart: ASCII words of both cases, digits,
//! whitespace of every kind, the punctuation they search for, curly and straight quotes,
//! dashes, multi-byte letters, NBSP, combining marks, invisible characters, the built-in
//! lexicon's terms and roster names with speech verbs (so quotes are attributed and terms
//! hit), and long runs that cross 16- and 64-byte block edges.
//!
//! With `--features scalar` both sides are `Plain` and this only checks that it runs.
//! Set `PROPTEST_CASES` to run more cases locally.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use slant::analysis::Engine;
use slant::attribute::attribute_with;
use slant::lexicon::Lexicon;
use slant::scan::{Fast, Kernels, Plain};
use slant::text::lines::line_cols_with;
use slant::text::normalize::Normalized;

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Lexicon::default_lexicon().expect("built-in lexicon")).unwrap())
}

fn config() -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(512),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces of text, each chosen for a byte class or a boundary a kernel handles.
const PIECES: &[&str] = &[
    "the ",
    "The ",
    "said ",
    "told reporters ",
    "according to ",
    " he said. ",
    "She ",
    "not ",
    "no ",
    "never ",
    "won't ",
    "so-called ",
    "what critics call ",
    "U.S. ",
    "Mr. ",
    "a",
    "Z",
    "9",
    "42",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{0B}",
    "\u{0C}",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "(",
    ")",
    "'",
    "-",
    "&",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "«",
    "»",
    "—",
    "–",
    "‐",
    "\u{2011}",
    "é",
    "ü",
    "ß",
    "İ",
    "Σ",
    "中",
    "€",
    "😀",
    "\u{A0}",
    "\u{301}",
    "\u{308}",
    "\u{AD}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{85}",
    "•",
    "…",
    "ﬁ",
];

/// One piece: a fixed one, a quotation with a speaker before or after it, a lexicon term
/// (in three casings), a roster name, a long run of letters or spaces, or any character.
fn piece() -> impl Strategy<Value = String> {
    let lexicon = &engine().lexicon;
    let terms: Vec<String> = lexicon
        .concepts
        .iter()
        .flat_map(|c| &c.variants)
        .flat_map(|v| &v.terms)
        .cloned()
        .collect();
    let names: Vec<String> = lexicon
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .cloned()
        .collect();
    let quote = (
        prop::collection::vec(prop::sample::select(PIECES), 1..10),
        prop::sample::select(names.clone()),
        prop::sample::select(vec!["said", "asked", "told reporters", "according to"]),
        prop::sample::select(vec![".", "?", "!", ",", ":", ""]),
        prop::sample::select(vec![".", "?", "!", ",", ";", ""]),
        any::<bool>(),
    )
        .prop_map(|(words, name, verb, p1, p2, after)| {
            let said = format!("{}{p1}", words.concat());
            if after {
                format!("“{said}” {name} {verb}{p2} ")
            } else {
                format!("{name} {verb}{p2} “{said}” ")
            }
        });
    prop_oneof![
        6 => prop::sample::select(PIECES).prop_map(str::to_string),
        3 => quote,
        3 => (prop::sample::select(terms), 0..3u8).prop_map(|(t, case)| match case {
            0 => format!("{t} "),
            1 => format!("{} ", t.to_uppercase()),
            _ => format!("“{t}” "),
        }),
        2 => prop::sample::select(names).prop_map(|n| format!("{n} ")),
        1 => (1..140usize, prop::sample::select(vec!["x", "Ab", " ", "é", "9-"]))
            .prop_map(|(n, s)| s.repeat(n)),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..160).prop_map(|v| v.concat())
}

/// Everything the pipeline computes from `text` with the kernels `K`, in a comparable form.
#[derive(Debug, PartialEq)]
struct Run {
    normalized: String,
    words: u32,
    /// `original_offset` of every normalized byte and one past the end.
    offsets: Vec<usize>,
    hits: Vec<slant::matcher::RawHit>,
    quotes: Vec<slant::quotes::Quote>,
    reported: Vec<slant::quotes::Reported>,
    terms: Vec<slant::attribute::TermHit>,
    lines: Vec<(u32, u32)>,
}

fn run<K: Kernels>(text: &str) -> Run {
    let e = engine();
    let norm = Normalized::new_with::<K>(text);
    let hits = e.matcher().find_with::<K>(text, &norm);
    let slant::quotes::Extraction { quotes, reported } = e.extraction_with::<K>(text);
    let terms = attribute_with::<K>(&e.lexicon, text, &norm, &hits, &quotes, &reported);
    let bounds = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
    Run {
        offsets: (0..=norm.text.len())
            .map(|i| norm.original_offset(i))
            .collect(),
        normalized: norm.text.clone(),
        words: norm.words(),
        hits,
        quotes,
        reported,
        terms,
        lines: line_cols_with::<K, _>(text, bounds),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn plain_and_fast_kernels_give_the_same_results(text in text()) {
        let (plain, fast) = (run::<Plain>(&text), run::<Fast>(&text));
        prop_assert_eq!(plain, fast, "text: {:?}", text);
    }
}

/// The generated text does reach the paths under test: hits, attributed quotes and
/// stretches long enough for the 64-byte blocks.
#[test]
fn the_generator_exercises_hits_quotes_and_long_blocks() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut hits, mut speakers, mut long) = (0, 0, 0);
    for _ in 0..100 {
        let t = text().new_tree(&mut runner).unwrap().current();
        let r = run::<Fast>(&t);
        hits += r.hits.len();
        speakers += r.quotes.iter().filter(|q| q.speaker.is_some()).count();
        long += usize::from(t.len() > 1000);
    }
    assert!(
        hits > 100 && speakers > 10 && long > 20,
        "{hits} {speakers} {long}"
    );
}
