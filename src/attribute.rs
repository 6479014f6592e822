//! Attribution of term hits: whose voice a loaded word is in, and what modifies it.
//!
//! A hit inside a speech quotation is `quoted` and carries that quotation's speaker; a hit
//! inside a term quotation (scare quotes, a coined label) is `scare_quoted`; anything else
//! is the `narrator`'s, the outlet's own words. Two modifiers are read from the words just
//! before the hit (within its clause): `negated` ("not", "no", "never", "n't" up to three
//! words before) and `distanced` ("so-called", "self-styled", "what critics call"). Scare
//! quotes and distancing move the hit to the side its concept's `scare_quoted` rule names
//! (by default the opposite of the variant's side). The factors come from the lexicon's
//! `scoring` section, so every contribution is `weight × voice × modifiers`.

use std::sync::OnceLock;

use regex::Regex;

use crate::lexicon::{Lexicon, ScareQuoted, SideRef};
use crate::matcher::RawHit;
use crate::normalize::Normalized;
use crate::quotes::{Quote, QuoteKind};

/// Whose words a term is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Narrator,
    Quoted,
    ScareQuoted,
}

impl Voice {
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Narrator => "narrator",
            Voice::Quoted => "quoted",
            Voice::ScareQuoted => "scare_quoted",
        }
    }
}

/// Something in the context that changes what a hit says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modifier {
    pub kind: ModifierKind,
    /// The words that triggered it, as normalized.
    pub cue: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    Negated,
    Distanced,
}

impl ModifierKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ModifierKind::Negated => "negated",
            ModifierKind::Distanced => "distanced",
        }
    }
}

/// A term hit with its voice, modifiers and contribution.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHit {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub concept: usize,
    pub variant: usize,
    /// The variant's side.
    pub side: SideRef,
    /// The variant's weight.
    pub weight: f64,
    pub voice: Voice,
    /// Index into the article's quotes, when inside one.
    pub quote: Option<usize>,
    pub speaker: Option<String>,
    pub modifiers: Vec<Modifier>,
    /// The side the hit is counted for.
    pub counted_side: SideRef,
    /// Product of the voice and modifier factors.
    pub factor: f64,
    /// `weight × factor` when counted for a side, else 0.
    pub contribution: f64,
}

fn negation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:\b(?:not|no|never|nor|neither|without)|n't)(?:\s+[\w'-]+){0,2}\s*[\x22']?\s*$",
        )
        .expect("valid regex")
    })
}

fn distance_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"\b(?:so[- ]called|self[- ](?:styled|described|proclaimed)|what (?:critics|opponents|supporters|advocates|some|many|they|he|she|it|others) (?:call|calls|called|term|terms|dub|dubs)|(?:the )?(?:term|label|phrase))\s*["']?\s*$"#)
            .expect("valid regex")
    })
}

/// False when [`negation_re`] cannot match `before`, found without running it: a match
/// lies within the last four whitespace-separated chunks (the negation's own, up to two
/// words, a closing quote) and contains `no` (not, no, nor), `ne` (never, neither), `wi`
/// (without) or `n't`. Most clauses fail this, and the regex runs for every hit.
fn could_be_negated(before: &str) -> bool {
    before
        .rsplit(char::is_whitespace)
        .filter(|c| !c.is_empty())
        .take(4)
        .any(|c| c.contains("no") || c.contains("ne") || c.contains("wi") || c.contains("n't"))
}

/// False when [`distance_re`] cannot match `before`: a match ends, but for spaces and one
/// quote mark, with one of the cue's last words.
fn could_be_distanced(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix(['"', '\'']).unwrap_or(t).trim_end();
    [
        "called",
        "styled",
        "described",
        "proclaimed",
        "call",
        "calls",
        "term",
        "terms",
        "dub",
        "dubs",
        "label",
        "phrase",
    ]
    .iter()
    .any(|w| t.ends_with(w))
}

/// The words before normalized offset `at`, back to the start of the clause (at most
/// 60 bytes): after the last `. ; : ! ? , ( )`, em dash or en dash.
fn clause_before(h: &str, at: usize) -> &str {
    let mut from = at.saturating_sub(60);
    while !h.is_char_boundary(from) {
        from += 1;
    }
    // 1: a delimiter; 2: the last byte of — (E2 80 94) or – (E2 80 93), if preceded so.
    static STOP: [u8; 256] = {
        let mut t = [0u8; 256];
        let ascii = b".;:!?,()";
        let mut k = 0;
        while k < ascii.len() {
            t[ascii[k] as usize] = 1;
            k += 1;
        }
        t[0x93] = 2;
        t[0x94] = 2;
        t
    };
    let b = h.as_bytes();
    let mut i = at;
    while i > from {
        i -= 1;
        let stop = STOP[b[i] as usize];
        if stop == 1 || (stop == 2 && i >= from + 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80) {
            return &h[i + 1..at];
        }
    }
    &h[from..at]
}

/// The quote whose marks enclose a hit starting at `start` (quotes are sorted by offset
/// and never overlap).
pub fn containing_quote(quotes: &[Quote], start: usize) -> Option<usize> {
    let i = quotes.partition_point(|q| q.close <= start);
    let q = quotes.get(i)?;
    (q.open <= start && start < q.close).then_some(i)
}

impl TermHit {
    /// The hit as written in the article (`original` is the article's text).
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        &original[self.start..self.end]
    }
}

/// Attribute every raw hit of one article.
pub fn attribute(
    lexicon: &Lexicon,
    original: &str,
    norm: &Normalized,
    raw: &[RawHit],
    quotes: &[Quote],
    line_index: &crate::normalize::LineIndex,
) -> Vec<TermHit> {
    let sc = &lexicon.scoring;
    let positions = line_index.line_cols(original, raw.iter().map(|h| h.start));
    raw.iter()
        .zip(positions)
        .map(|(h, (line, column))| {
            let concept = &lexicon.concepts[h.concept];
            let variant = &concept.variants[h.variant];
            let q = containing_quote(quotes, h.start);
            let (voice, speaker) = match q.map(|i| &quotes[i]) {
                Some(q) if q.kind == QuoteKind::Speech => (Voice::Quoted, q.speaker.clone()),
                Some(_) => (Voice::ScareQuoted, None),
                None => (Voice::Narrator, None),
            };
            let before = clause_before(&norm.text, h.norm_start);
            let mut modifiers = Vec::new();
            if could_be_distanced(before) {
                if let Some(m) = distance_re().find(before) {
                    modifiers.push(Modifier {
                        kind: ModifierKind::Distanced,
                        cue: m
                            .as_str()
                            .trim()
                            .trim_matches(['"', '\''])
                            .trim()
                            .to_string(),
                    });
                }
            }
            if could_be_negated(before) {
                if let Some(m) = negation_re().find(before) {
                    modifiers.push(Modifier {
                        kind: ModifierKind::Negated,
                        cue: m
                            .as_str()
                            .trim()
                            .trim_end_matches(['"', '\''])
                            .trim()
                            .to_string(),
                    });
                }
            }
            let mut factor = match voice {
                Voice::Narrator => sc.narrator,
                Voice::Quoted => sc.quoted,
                Voice::ScareQuoted => sc.scare_quoted,
            };
            let distanced = modifiers.iter().any(|m| m.kind == ModifierKind::Distanced);
            for m in &modifiers {
                factor *= match m.kind {
                    ModifierKind::Negated => sc.negated,
                    ModifierKind::Distanced => sc.distanced,
                };
            }
            let counted_side = if voice == Voice::ScareQuoted || distanced {
                match concept.scare_quoted {
                    ScareQuoted::Flip => lexicon.opposite(variant.side),
                    ScareQuoted::Keep => variant.side,
                    ScareQuoted::Side(s) => s,
                }
            } else {
                variant.side
            };
            let contribution = if counted_side.is_some() {
                variant.weight * factor
            } else {
                0.0
            };
            TermHit {
                start: h.start,
                end: h.end,
                line,
                column,
                concept: h.concept,
                variant: h.variant,
                side: variant.side,
                weight: variant.weight,
                voice,
                quote: q,
                speaker,
                modifiers,
                counted_side,
                factor,
                contribution,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_looks_back_within_the_clause() {
        assert!(negation_re().is_match("they are not "));
        assert!(negation_re().is_match("we don't call them "));
        assert!(negation_re().is_match("there is no \""));
        assert!(!negation_re().is_match("nothing but "));
        assert!(!negation_re().is_match("they are not going to stop the "));
        assert_eq!(clause_before("this is not true. the ", 22), " the ");
        assert_eq!(clause_before("el salvador—who were ", 23), "who were ");
        assert_eq!(clause_before("a – b, c (d) e", 16), " e");
        assert_eq!(clause_before("a – b", 7), " b");
        // Only a whole dash counts; a window cut inside one is not a delimiter.
        let long = format!("—{}", "x".repeat(59));
        assert_eq!(clause_before(&long, long.len()), &long[3..]);
    }

    /// Clauses made of cue words, near misses, quotes and spacing.
    fn clauses(rng: &mut crate::corpus::Rng) -> Vec<String> {
        let words = [
            "not",
            "no",
            "never",
            "nor",
            "neither",
            "without",
            "don't",
            "isn't",
            "n't",
            "so-called",
            "so",
            "called",
            "self-styled",
            "self",
            "styled",
            "described",
            "proclaimed",
            "what",
            "critics",
            "call",
            "calls",
            "term",
            "terms",
            "dub",
            "dubs",
            "the",
            "label",
            "phrase",
            "nothing",
            "know",
            "news",
            "with",
            "a",
            "\"",
            "'",
            "(not",
            "x-not",
            "not\"",
            "“",
            "ünï",
            "—",
            "-",
            "the term\"",
        ];
        let seps = [" ", "  ", "", " \" ", "\u{2003}"];
        (0..20_000)
            .map(|_| {
                let mut c = String::new();
                for _ in 0..rng.below(7) {
                    c.push_str(words[rng.below(words.len())]);
                    c.push_str(seps[rng.below(seps.len())]);
                }
                c
            })
            .collect()
    }

    #[test]
    fn the_quick_rejections_never_hide_a_cue() {
        let mut rng = crate::corpus::Rng::new(11);
        let (mut negated, mut distanced) = (0, 0);
        for c in clauses(&mut rng) {
            if negation_re().is_match(&c) {
                negated += 1;
                assert!(could_be_negated(&c), "{c:?}");
            }
            if distance_re().is_match(&c) {
                distanced += 1;
                assert!(could_be_distanced(&c), "{c:?}");
            }
        }
        // The generated clauses do exercise both cues.
        assert!(negated > 1000 && distanced > 1000, "{negated} {distanced}");
        assert!(!could_be_negated("the city's sanctuary ") && !could_be_distanced("the city "));
    }

    #[test]
    fn distancing_cues() {
        for s in [
            "about 200 so-called \"",
            "the so called ",
            "what critics call ",
            "the self-styled ",
            "the term \"",
        ] {
            assert!(distance_re().is_match(s), "{s}");
        }
        assert!(!distance_re().is_match("the called "));
    }
}
