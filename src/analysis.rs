//! The pipeline for one article: normalize → match → quotes → attribute → score.
//!
//! An [`Engine`] holds everything compiled from a lexicon (the automaton, the speaker
//! roster) and is shared across threads; [`Engine::analyze`] turns one [`Article`] into an
//! [`Analysis`], the domain result every renderer reads.

use crate::attribute::{self, TermHit, Voice};
use crate::input::Article;
use crate::lexicon::Lexicon;
use crate::matcher::{Matcher, MatcherError};
use crate::quotes::{self, Quote, QuoteKind, QuoteSide, Reported, Roster, RosterActor};
use crate::score::{self, FramingInput, QuoteInput, Scores, TermInput};
use crate::text::normalize::Normalized;

/// Compiled lexicon: reusable for any number of articles, on any thread.
pub struct Engine {
    pub lexicon: Lexicon,
    matcher: Matcher,
    roster: Roster,
}

/// One variant an article used for a concept.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantUse {
    pub variant: usize,
    pub count: u32,
    /// Hits in the outlet's own words.
    pub narrator: u32,
}

/// A concept an article touched, with the variants it chose.
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptUse {
    pub concept: usize,
    pub variants: Vec<VariantUse>,
}

impl ConceptUse {
    /// The variant used most (ties: the one in the outlet's own voice, then the first).
    pub fn main_variant(&self) -> Option<&VariantUse> {
        self.variants.iter().max_by(|a, b| {
            a.count
                .cmp(&b.count)
                .then(a.narrator.cmp(&b.narrator))
                .then(b.variant.cmp(&a.variant))
        })
    }
}

/// Everything slant knows about one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub article: Article,
    pub words: u32,
    pub terms: Vec<TermHit>,
    pub quotes: Vec<Quote>,
    /// Reported (indirect) speech: "X said that …", "…, X told reporters".
    pub reported: Vec<Reported>,
    pub scores: Scores,
    pub concepts: Vec<ConceptUse>,
}

impl Engine {
    pub fn new(lexicon: Lexicon) -> Result<Engine, MatcherError> {
        let matcher = Matcher::new(&lexicon)?;
        let actors: Vec<RosterActor> = lexicon
            .actors
            .iter()
            .map(|a| RosterActor {
                name: a.name.clone(),
                aliases: a.aliases.clone(),
                side: QuoteSide::of_actor(a.side),
                kind: a.kind,
            })
            .collect();
        let roster = Roster::new(&actors);
        Ok(Engine {
            lexicon,
            matcher,
            roster,
        })
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Quotations of a text, attributed with this lexicon's roster.
    pub fn quotes(&self, text: &str) -> Vec<Quote> {
        quotes::extract(text, &self.roster)
    }

    /// [`Engine::quotes`] and the reported speech of the text, found together.
    pub fn extraction(&self, text: &str) -> quotes::Extraction {
        quotes::extract_all(text, &self.roster)
    }

    /// [`Engine::extraction`] with the kernels `K` (`tests/scan_equivalence.rs`).
    #[doc(hidden)]
    pub fn extraction_with<K: crate::scan::Kernels>(&self, text: &str) -> quotes::Extraction {
        quotes::extract_all_with::<K>(text, &self.roster)
    }

    /// [`Engine::quotes`] with the kernels `K` (`tests/scan_equivalence.rs`).
    #[doc(hidden)]
    pub fn quotes_with<K: crate::scan::Kernels>(&self, text: &str) -> Vec<Quote> {
        quotes::extract_with::<K>(text, &self.roster)
    }

    /// Run the whole pipeline on one article.
    pub fn analyze(&self, article: Article) -> Analysis {
        let text = article.text.as_str();
        let norm = Normalized::new(text);
        let raw = self.matcher.find(text, &norm);
        let quotes::Extraction { quotes, reported } = quotes::extract_all(text, &self.roster);
        let terms = attribute::attribute(&self.lexicon, text, &norm, &raw, &quotes, &reported);
        let words = norm.words();
        let term_inputs: Vec<TermInput> = terms
            .iter()
            .map(|t| TermInput {
                side: t.counted_side,
                contribution: t.contribution,
                narrator: t.voice == Voice::Narrator,
                tone: self.lexicon.concepts[t.concept]
                    .tone
                    .then_some(t.weight * t.factor),
            })
            .collect();
        let quote_inputs: Vec<QuoteInput> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Speech)
            .map(|q| QuoteInput {
                offset: q.open,
                words: q.words,
                side: q.side,
                speaker: q.speaker.as_deref(),
            })
            .collect();
        let framing: Vec<FramingInput> = quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Speech && q.speaker.is_some())
            .filter_map(|q| q.framing.map(|framing| (q.side, framing)))
            .chain(
                reported
                    .iter()
                    .filter(|r| r.speaker.is_some())
                    .map(|r| (r.side, r.framing)),
            )
            .map(|(side, framing)| FramingInput { side, framing })
            .collect();
        let scores = score::score(
            &self.lexicon,
            words,
            text.len(),
            &term_inputs,
            &quote_inputs,
            &framing,
        );
        let concepts = concept_uses(&terms);
        Analysis {
            article,
            words,
            terms,
            quotes,
            reported,
            scores,
            concepts,
        }
    }
}

/// Group hits by concept and variant, in order of first appearance.
pub fn concept_uses(terms: &[TermHit]) -> Vec<ConceptUse> {
    // Where each concept seen so far sits in `out`, by concept index: a lookup per hit
    // instead of a scan of the concepts before it.
    let slots = terms.iter().map(|t| t.concept + 1).max().unwrap_or(0);
    let mut at = vec![usize::MAX; slots];
    // At most one entry per concept: allocated once.
    let mut out: Vec<ConceptUse> = Vec::with_capacity(slots.min(terms.len()));
    for t in terms {
        let narrator = u32::from(t.voice == Voice::Narrator);
        let first = VariantUse {
            variant: t.variant,
            count: 1,
            narrator,
        };
        let Some(cu) = out.get_mut(at[t.concept]) else {
            at[t.concept] = out.len();
            out.push(ConceptUse {
                concept: t.concept,
                // Most concepts are used in one variant: one exact allocation.
                variants: vec![first],
            });
            continue;
        };
        match cu.variants.iter_mut().find(|v| v.variant == t.variant) {
            Some(v) => {
                v.count += 1;
                v.narrator += narrator;
            }
            None => cu.variants.push(first),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`concept_uses`] as first written: a scan of the concepts so far for each hit.
    fn concept_uses_ref(terms: &[TermHit]) -> Vec<ConceptUse> {
        let mut out: Vec<ConceptUse> = Vec::new();
        for t in terms {
            let cu = match out.iter_mut().position(|c| c.concept == t.concept) {
                Some(i) => &mut out[i],
                None => {
                    out.push(ConceptUse {
                        concept: t.concept,
                        variants: Vec::new(),
                    });
                    out.last_mut().expect("just pushed")
                }
            };
            let narrator = u32::from(t.voice == Voice::Narrator);
            match cu.variants.iter_mut().find(|v| v.variant == t.variant) {
                Some(v) => {
                    v.count += 1;
                    v.narrator += narrator;
                }
                None => cu.variants.push(VariantUse {
                    variant: t.variant,
                    count: 1,
                    narrator,
                }),
            }
        }
        out
    }

    #[test]
    fn concept_uses_equal_the_scanning_version() {
        let mut rng = crate::corpus::Rng::new(29);
        let voices = Voice::ALL;
        for round in 0..2000 {
            let concepts = 1 + rng.below(1 + round % 40);
            let terms: Vec<TermHit> = (0..rng.below(60))
                .map(|_| TermHit {
                    start: 0,
                    end: 0,
                    line: 1,
                    column: 1,
                    concept: rng.below(concepts),
                    variant: rng.below(4),
                    side: None,
                    weight: 1.0,
                    voice: voices[rng.below(voices.len())],
                    quote: None,
                    speaker: None,
                    modifiers: Vec::new(),
                    counted_side: None,
                    factor: 1.0,
                    contribution: 0.0,
                })
                .collect();
            assert_eq!(concept_uses(&terms), concept_uses_ref(&terms));
        }
    }
}
