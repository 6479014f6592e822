//! Lexicon examples as tests: every `examples` sentence must produce a hit of its own
//! variant, and no `counter_examples` sentence may, when matched against the WHOLE lexicon
//! (so a longer term elsewhere that swallows the example is caught too).

use crate::lexicon::Lexicon;
use crate::matcher::Matcher;
use crate::text::normalize::Normalized;

/// The outcome of one example sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleResult {
    pub concept: String,
    pub variant: String,
    pub sentence: String,
    /// True for `examples`, false for `counter_examples`.
    pub expect_match: bool,
    pub passed: bool,
    /// What matched instead: `(text, concept, variant)` for every hit in the sentence.
    pub matched: Vec<(String, String, String)>,
}

/// Run every example of the lexicon.
pub fn run(lexicon: &Lexicon, matcher: &Matcher) -> Vec<ExampleResult> {
    let mut out = Vec::new();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        for (vi, v) in c.variants.iter().enumerate() {
            let cases = v
                .examples
                .iter()
                .map(|s| (s, true))
                .chain(v.counter_examples.iter().map(|s| (s, false)));
            for (sentence, expect_match) in cases {
                let norm = Normalized::new(sentence);
                let hits = matcher.find(sentence, &norm);
                let own = hits.iter().any(|h| h.concept == ci && h.variant == vi);
                out.push(ExampleResult {
                    concept: c.id.clone(),
                    variant: v.label.clone(),
                    sentence: sentence.clone(),
                    expect_match,
                    passed: own == expect_match,
                    matched: hits
                        .iter()
                        .map(|h| {
                            let hc = &lexicon.concepts[h.concept];
                            (
                                sentence[h.start..h.end].to_string(),
                                hc.id.clone(),
                                hc.variants[h.variant].label.clone(),
                            )
                        })
                        .collect(),
                });
            }
        }
    }
    out
}
