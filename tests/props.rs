//! Property tests over the whole pipeline (`Engine::analyze`): arbitrary Unicode text,
//! biased toward what breaks text tools (quote marks, apostrophes, dashes, line breaks,
//! combining marks, multi-byte letters, invisible characters, lexicon phrases), against
//! the built-in lexicon and against small random lexicons built from YAML.
//!
//! What must hold for every input: no panic; every term and quote span lies on char
//! boundaries inside the text; a term hit's text normalizes to one of its variant's term
//! forms (unless the variant has regex patterns, whose hits are skipped); term hits do not
//! overlap; quotations are sorted and never overlap; every score is finite and every lean
//! lies in [-1, 1]; line/column agree with the offsets; and for term-only lexicons the
//! automaton agrees with `matcher::reference_find`, the slow obvious version.
//!
//! Case counts keep the whole file well under a minute in a debug build on 2 cores; set
//! `PROPTEST_CASES` to run more locally.

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::Config;
use slant::analysis::{Analysis, Engine};
use slant::input::{derive_title, Article};
use slant::lexicon::term_forms;
use slant::lexicon::{Lexicon, Limits};
use slant::matcher::reference_find;
use slant::text::lines::LineIndex;
use slant::text::normalize::{normalize_term, Normalized};

/// Cases per property, unless PROPTEST_CASES says otherwise.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> Config {
    Config {
        cases: cases(default),
        // Failures are reported with the shrunk input; no files are written.
        failure_persistence: None,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// Words the random lexicons are built from, and that the text generator likes to emit.
const WORDS: &[&str] = &[
    "illegal",
    "aliens",
    "alien",
    "immigrants",
    "undocumented",
    "ice",
    "ICE",
    "so-called",
    "job-killing",
    "flood",
    "café",
    "naïve",
    "İstanbul",
    "straße",
    "don't",
    "it’s",
    "Ωmega",
    "日本",
    "taksi",
    "x",
];

/// Phrases of the built-in immigration lexicon and speech cues.
const PHRASES: &[&str] = &[
    "illegal aliens",
    "Illegal Aliens",
    "undocumented immigrants",
    "illegal immigrants",
    "sanctuary cities",
    "so-called",
    "what critics call",
    "not",
    "don’t",
    "said",
    "Albence said",
    "said Albence",
    "according to ICE",
    "De Blasio",
    "told reporters:",
    "job-killing",
    "common-sense",
    "ille\u{00AD}gal aliens",
    "illegal\u{00A0}aliens",
    "illegal alienses",
    "xillegal",
    "TAKSİ",
    "cafe\u{0301}",
    "nai\u{0308}ve",
];

const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "″",
];

const ODD: &[&str] = &[
    "—",
    "–",
    "-",
    "‐",
    "‑",
    "\u{0301}",
    "\u{0307}",
    "\u{0308}",
    "\u{00AD}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00A0}",
    "\u{2028}",
    "\t",
    "\r\n",
    "\u{FFFD}",
    "é",
    "İ",
    "ß",
    "ﬁ",
    "Σ",
    "𝄞",
    "👩‍👩‍👧",
    "ǅ",
    "ΐ",
];

const PUNCT: &[&str] = &[".", ",", ";", ":", "!", "?", "(", ")", "…", " ", " ", " "];

/// One fragment of article text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        4 => proptest::sample::select(PHRASES).prop_map(str::to_string),
        5 => proptest::sample::select(MARKS).prop_map(str::to_string),
        3 => proptest::sample::select(ODD).prop_map(str::to_string),
        6 => proptest::sample::select(PUNCT).prop_map(str::to_string),
        2 => Just("\n".to_string()),
        1 => Just("\n\n".to_string()),
        2 => any::<char>().prop_map(|c| c.to_string()),
        1 => "\\PC{0,4}",
    ]
}

/// Article text: a few dozen fragments, sometimes joined by spaces.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec((fragment(), any::<bool>()), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// A term: one to three lexicon words joined by a space, a hyphen or an apostrophe.
fn term() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(WORDS), 1..4),
        proptest::sample::select(&[" ", " ", "-", "’", "  "][..]),
    )
        .prop_map(|(words, sep)| words.join(sep))
}

const PATTERNS: &[&str] = &[
    r"flood(s|ing)? of \w+",
    r"ille\w+",
    r"[a-z]+-killing",
    r"so[- ]called \w+",
    r"\w+ aliens?",
];

#[derive(Debug, Clone)]
struct VariantSpec {
    terms: Vec<String>,
    patterns: Vec<&'static str>,
    side: usize,
    weight: f64,
    case_sensitive: bool,
}

#[derive(Debug, Clone)]
struct LexSpec {
    sides: usize,
    concepts: Vec<Vec<VariantSpec>>,
    scare: Vec<u8>,
    factors: [f64; 5],
    min_evidence: f64,
    actors: Vec<(usize, usize)>,
}

const SIDE_IDS: [&str; 3] = ["left", "middle", "right"];
const ACTORS: &[&str] = &["Albence", "ICE", "De Blasio", "Goldstein"];

fn variant(sides: usize, patterns: bool) -> impl Strategy<Value = VariantSpec> {
    let pats = if patterns {
        proptest::collection::vec(proptest::sample::select(PATTERNS), 0..2).boxed()
    } else {
        Just(Vec::new()).boxed()
    };
    (
        proptest::collection::vec(term(), 1..4),
        pats,
        0..=sides,
        prop_oneof![Just(1.0), 0.1f64..5.0],
        proptest::bool::weighted(0.2),
    )
        .prop_map(
            |(terms, patterns, side, weight, case_sensitive)| VariantSpec {
                terms,
                patterns,
                side,
                weight,
                case_sensitive,
            },
        )
}

/// A small random lexicon: 2–3 sides, 1–4 concepts of 1–3 variants, optional actors and
/// scoring factors (including zeros).
fn lexicon_spec(patterns: bool) -> impl Strategy<Value = LexSpec> {
    (2usize..=3).prop_flat_map(move |sides| {
        (
            Just(sides),
            proptest::collection::vec(
                proptest::collection::vec(variant(sides, patterns), 1..4),
                1..5,
            ),
            proptest::collection::vec(0u8..4, 4),
            proptest::array::uniform5(prop_oneof![Just(0.0), Just(1.0), 0.0f64..3.0]),
            prop_oneof![Just(0.0), 0.0f64..5.0],
            proptest::collection::vec((0..ACTORS.len(), 0..=sides), 0..3),
        )
            .prop_map(
                |(sides, concepts, scare, factors, min_evidence, actors)| LexSpec {
                    sides,
                    concepts,
                    scare,
                    factors,
                    min_evidence,
                    actors,
                },
            )
    })
}

fn side_ref(spec_sides: usize, i: usize) -> &'static str {
    if i >= spec_sides {
        "neutral"
    } else {
        SIDE_IDS[i]
    }
}

/// Render the spec as lexicon YAML (strings as JSON, which is valid YAML).
fn yaml(spec: &LexSpec) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap();
    let mut y = String::from("name: random\nversion: '1'\nsides:\n");
    for id in &SIDE_IDS[..spec.sides] {
        y.push_str(&format!(
            "  - {{id: {id}, label: {}, color: '#336699'}}\n",
            q(&id.to_uppercase())
        ));
    }
    let f = spec.factors;
    y.push_str(&format!(
        "scoring:\n  voice: {{narrator: {}, quoted: {}, scare_quoted: {}}}\n  modifiers: {{negated: {}, distanced: {}}}\n  min_evidence: {}\n",
        f[0], f[1], f[2], f[3], f[4], spec.min_evidence
    ));
    y.push_str("concepts:\n");
    for (ci, variants) in spec.concepts.iter().enumerate() {
        y.push_str(&format!("  - id: c{ci}\n"));
        match spec.scare[ci % spec.scare.len()] {
            1 => y.push_str("    scare_quoted: keep\n"),
            2 => y.push_str(&format!("    scare_quoted: {}\n", SIDE_IDS[0])),
            3 => y.push_str("    scare_quoted: neutral\n"),
            _ => {}
        }
        y.push_str("    variants:\n");
        for v in variants {
            let terms: Vec<String> = v.terms.iter().map(|t| q(t)).collect();
            let pats: Vec<String> = v.patterns.iter().map(|p| q(p)).collect();
            y.push_str(&format!(
                "      - {{terms: [{}], patterns: [{}], side: {}, weight: {}, case_sensitive: {}}}\n",
                terms.join(", "),
                pats.join(", "),
                side_ref(spec.sides, v.side),
                v.weight,
                v.case_sensitive
            ));
        }
    }
    let mut seen = HashSet::new();
    let actors: Vec<_> = spec
        .actors
        .iter()
        .filter(|(a, _)| seen.insert(*a))
        .collect();
    if !actors.is_empty() {
        y.push_str("actors:\n");
        for (a, side) in actors {
            y.push_str(&format!(
                "  - {{name: {}, kind: person, side: {}}}\n",
                q(ACTORS[*a]),
                side_ref(spec.sides, *side)
            ));
        }
    }
    y
}

fn engine_for(spec: &LexSpec) -> Engine {
    let y = yaml(spec);
    let lexicon = Lexicon::from_yaml("random.yaml", &y, Limits::default())
        .unwrap_or_else(|e| panic!("generated lexicon must be valid: {e}\n{y}"));
    Engine::new(lexicon).expect("generated lexicon compiles")
}

fn builtin() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(Lexicon::default_lexicon().unwrap()).unwrap())
}

// ---------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------

fn on_boundary(text: &str, i: usize) -> bool {
    i <= text.len() && text.is_char_boundary(i)
}

fn line_col_naive(text: &str, offset: usize) -> (u32, u32) {
    let line = text[..offset].matches('\n').count() as u32 + 1;
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, text[start..offset].chars().count() as u32 + 1)
}

fn finite_unit(x: f64) -> bool {
    x.is_finite() && (-1.0..=1.0).contains(&x)
}

/// Every invariant of one analysis. Returns a description of the first broken one.
fn check(engine: &Engine, text: &str, an: &Analysis) -> Result<(), TestCaseError> {
    let lex = &engine.lexicon;
    prop_assert_eq!(an.article.text.as_str(), text);

    // Terms: inside the text, on char boundaries, sorted, not overlapping.
    let mut prev_end = 0;
    for t in &an.terms {
        prop_assert!(t.start < t.end, "empty term span {}..{}", t.start, t.end);
        prop_assert!(
            on_boundary(text, t.start) && on_boundary(text, t.end),
            "term span {}..{} off a char boundary or outside the text",
            t.start,
            t.end
        );
        prop_assert!(
            t.start >= prev_end,
            "term at {} overlaps the previous (ending {})",
            t.start,
            prev_end
        );
        prev_end = t.end;
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        prop_assert_eq!((t.line, t.column), line_col_naive(text, t.start));
        let variant = &lex.concepts[t.concept].variants[t.variant];
        let norm = normalize_term(&text[t.start..t.end]);
        let forms: HashSet<String> = variant.terms.iter().flat_map(|x| term_forms(x)).collect();
        prop_assert!(
            forms.contains(&norm) || !variant.patterns.is_empty(),
            "hit {:?} normalizes to {:?}, not a form of variant {:?}",
            t.text(text),
            norm,
            forms
        );
        prop_assert!(t.weight.is_finite() && t.factor.is_finite() && t.contribution.is_finite());
        prop_assert!(t.contribution >= 0.0);
        if let Some(q) = t.quote {
            prop_assert!(q < an.quotes.len());
        }
    }

    // Quotes: inside the text, on char boundaries, well nested, sorted, not overlapping.
    let mut prev_close = 0;
    for q in &an.quotes {
        for i in [q.open, q.start, q.end, q.close] {
            prop_assert!(
                on_boundary(text, i),
                "quote offset {} off a char boundary",
                i
            );
        }
        prop_assert!(
            q.open <= q.start && q.start <= q.end && q.end <= q.close,
            "quote spans out of order: open {} start {} end {} close {}",
            q.open,
            q.start,
            q.end,
            q.close
        );
        prop_assert!(
            q.open >= prev_close,
            "quote at {} overlaps the previous (closing {})",
            q.open,
            prev_close
        );
        prev_close = q.close;
        for &(s, e) in &q.nested {
            prop_assert!(on_boundary(text, s) && on_boundary(text, e) && s <= e);
            prop_assert!(
                q.open <= s && e <= q.close,
                "nested span {}..{} outside its quote",
                s,
                e
            );
        }
    }

    // Scores: finite, leans in [-1, 1], shares in [0, 1].
    let s = &an.scores;
    prop_assert!(finite_unit(s.term_lean), "term_lean {}", s.term_lean);
    prop_assert!(
        finite_unit(s.quote_balance),
        "quote_balance {}",
        s.quote_balance
    );
    prop_assert!(finite_unit(s.stance), "stance {}", s.stance);
    let (lo, hi) = s.stance_interval;
    prop_assert!(
        finite_unit(lo) && finite_unit(hi) && lo <= s.stance + 1e-9 && s.stance <= hi + 1e-9,
        "interval {lo} {hi} around {}",
        s.stance
    );
    prop_assert!(
        s.stance.abs() <= s.term_lean.abs() + 1e-9,
        "the prior only shrinks"
    );
    prop_assert!(s.evidence.is_finite() && s.evidence >= 0.0);
    prop_assert!(s.aligned_words.is_finite() && s.aligned_words >= 0.0);
    prop_assert_eq!(s.sides.len(), lex.sides.len());
    for side in &s.sides {
        prop_assert!(side.weight.is_finite() && side.weight >= 0.0);
        prop_assert!(side.per_1000_words.is_finite());
    }
    let shares = s.quotes.iter().chain([
        &s.neutral_quotes,
        &s.unaligned_quotes,
        &s.unattributed_quotes,
    ]);
    for share in shares {
        prop_assert!((0.0..=1.0).contains(&share.share), "share {}", share.share);
        prop_assert!(
            (0.0..=1.0 + 1e-9).contains(&share.prominence),
            "prominence {}",
            share.prominence
        );
    }
    Ok(())
}

/// The automaton and the reference agree (term-only lexicons).
fn check_reference(engine: &Engine, text: &str) -> Result<(), TestCaseError> {
    let norm = Normalized::new(text);
    let got: Vec<_> = engine
        .matcher()
        .find(text, &norm)
        .iter()
        .map(|h| (h.start, h.end, h.concept, h.variant))
        .collect();
    prop_assert_eq!(got, reference_find(&engine.lexicon, text));
    Ok(())
}

fn analyze(engine: &Engine, text: &str) -> Analysis {
    engine.analyze(Article::from_text("prop", "prop.txt", text.to_string()))
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(1500))]

    /// The built-in immigration lexicon (942 terms, actors) on hostile text.
    #[test]
    fn builtin_lexicon_pipeline_invariants(text in text()) {
        let engine = builtin();
        let an = analyze(engine, &text);
        check(engine, &text, &an)?;
    }
}

proptest! {
    #![proptest_config(config(800))]

    /// Random term-only lexicons: every invariant, and the automaton equals the reference.
    #[test]
    fn random_term_lexicon_matches_reference(spec in lexicon_spec(false), text in text()) {
        let engine = engine_for(&spec);
        let an = analyze(&engine, &text);
        check(&engine, &text, &an)?;
        check_reference(&engine, &text)?;
    }

    /// Random lexicons with regex patterns competing with terms.
    #[test]
    fn random_lexicon_with_patterns_pipeline_invariants(spec in lexicon_spec(true), text in text()) {
        let engine = engine_for(&spec);
        let an = analyze(&engine, &text);
        check(&engine, &text, &an)?;
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// Normalization maps every normalized range back to char boundaries of the original,
    /// and line/column (with its long-line checkpoints) agrees with a naive count.
    #[test]
    fn normalized_offsets_and_line_columns_are_exact(
        text in text(),
        pad in 0usize..3,
    ) {
        // Sometimes make a line longer than the 4 KiB column checkpoint distance.
        let text = if pad == 2 { format!("{}{}", "é“x ".repeat(700), text) } else { text };
        let norm = Normalized::new(&text);
        let n = norm.text.len();
        for s in (0..n).filter(|&i| norm.text.is_char_boundary(i)).step_by(3) {
            let e = (s + 1..=n).find(|&i| norm.text.is_char_boundary(i)).unwrap();
            let (os, oe) = norm.original_range(s, e);
            prop_assert!(on_boundary(&text, os) && on_boundary(&text, oe) && os < oe);
        }
        let idx = LineIndex::new(&text);
        for (i, _) in text.char_indices().step_by(7) {
            prop_assert_eq!(idx.line_col(&text, i), line_col_naive(&text, i));
        }
        let title = derive_title(&text);
        prop_assert!(title.chars().count() <= 201, "title of {} chars", title.chars().count());
    }
}

/// The generators are not vacuous: on a fixed sample, most texts have term hits, many
/// have quotations, some have attributed speech and some random lexicons hit patterns.
#[test]
fn generators_reach_hits_quotes_and_speakers() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let engine = builtin();
    let (mut with_terms, mut with_quotes, mut with_speaker, mut unclosed) = (0, 0, 0, 0);
    const N: usize = 300;
    for _ in 0..N {
        let text = text().new_tree(&mut runner).unwrap().current();
        let an = analyze(engine, &text);
        with_terms += usize::from(!an.terms.is_empty());
        with_quotes += usize::from(!an.quotes.is_empty());
        with_speaker += usize::from(an.quotes.iter().any(|q| q.speaker.is_some()));
        unclosed += usize::from(an.quotes.iter().any(|q| q.unclosed));
    }
    let mut pattern_hits = 0;
    for _ in 0..100 {
        let spec = lexicon_spec(true).new_tree(&mut runner).unwrap().current();
        let text = text().new_tree(&mut runner).unwrap().current();
        let engine = engine_for(&spec);
        let an = analyze(&engine, &text);
        pattern_hits += an
            .terms
            .iter()
            .filter(|t| {
                let v = &engine.lexicon.concepts[t.concept].variants[t.variant];
                !v.terms
                    .iter()
                    .flat_map(|x| term_forms(x))
                    .any(|f| f == normalize_term(t.text(&text)))
            })
            .count();
    }
    eprintln!("terms {with_terms} quotes {with_quotes} speaker {with_speaker} unclosed {unclosed} of {N}; pattern hits {pattern_hits}");
    assert!(
        with_terms > N / 2,
        "{with_terms} of {N} texts had term hits"
    );
    assert!(with_quotes > N / 4, "{with_quotes} of {N} texts had quotes");
    assert!(with_speaker > 0, "no attributed speech in {N} texts");
    assert!(unclosed > 0, "no unclosed quotes in {N} texts");
    assert!(pattern_hits > 0, "no pattern hits in 100 random lexicons");
}
