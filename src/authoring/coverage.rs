//! Lexicon coverage over a corpus: how often each entry fires and in whose voice, which
//! entries never fire, and (from `suggestions`) phrases near loaded terms that the lexicon
//! does not list.
//!
//! The per-article part ([`article`]) is a pure function of one [`Analysis`], so a batch can
//! compute it in parallel and [`CoverageBuilder::add`] the results in input order.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::suggestions::{self, ArticlePhrases, PhraseTally, Suggestion, SUGGESTIONS_NOTE};
use crate::analysis::{Analysis, Engine};
use crate::attribute::Voice;
use crate::lexicon::term_forms;
use crate::lexicon::Lexicon;
use crate::text::normalize::normalize_term;

/// Settings for coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Words on each side of a hit that count as "near".
    pub window: usize,
    /// How many suggestions to keep.
    pub suggestions: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            window: 4,
            suggestions: 20,
        }
    }
}

/// Hits of one term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCoverage {
    pub term: String,
    pub hits: u32,
}

/// How often one variant (concept/variant) fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryCoverage {
    pub concept: String,
    pub variant: String,
    pub side: String,
    pub weight: f64,
    pub hits: u32,
    pub narrator: u32,
    pub quoted: u32,
    pub scare_quoted: u32,
    /// In reported speech ("X said that …").
    pub reported: u32,
    /// Articles with at least one hit.
    pub articles: u32,
    pub terms: Vec<TermCoverage>,
    /// Hits of the variant's regex patterns.
    pub pattern_hits: u32,
}

/// Entries that never fired.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct NeverFired {
    /// Concepts none of whose variants fired.
    pub concepts: Vec<String>,
    /// `concept / variant` of variants that never fired, in concepts that did fire.
    pub variants: Vec<String>,
    /// `concept / variant / term` of every term that never fired.
    pub terms: Vec<String>,
}

/// Coverage of one lexicon on a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub lexicon: String,
    pub version: String,
    pub sha256: String,
    pub articles: u32,
    pub words: u64,
    /// Every variant, in lexicon order.
    pub entries: Vec<EntryCoverage>,
    pub never_fired: NeverFired,
    pub concepts_total: usize,
    pub variants_total: usize,
    pub terms_total: usize,
    pub suggestions_note: &'static str,
    pub suggestions: Vec<Suggestion>,
}

/// What one article adds to the coverage.
#[derive(Debug, Clone, Default)]
pub struct ArticleCoverage {
    words: u32,
    /// (concept, variant) → [hits, narrator, quoted, scare_quoted]
    variants: HashMap<(usize, usize), [u32; 5]>,
    /// (concept, variant, term) → hits; term `None` for patterns.
    terms: HashMap<(usize, usize, Option<usize>), u32>,
    /// Phrases near loaded hits, for suggestions.
    phrases: ArticlePhrases,
}

/// Lower-cased surface form → term index, per variant, and every form of the lexicon.
struct Forms {
    by_variant: HashMap<(usize, usize), HashMap<String, usize>>,
    all: HashSet<String>,
}

fn forms(lexicon: &Lexicon) -> Forms {
    let mut by_variant: HashMap<(usize, usize), HashMap<String, usize>> = HashMap::new();
    let mut all = HashSet::new();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        for (vi, v) in c.variants.iter().enumerate() {
            let m = by_variant.entry((ci, vi)).or_default();
            for (ti, t) in v.terms.iter().enumerate() {
                for f in term_forms(t) {
                    m.entry(f.clone()).or_insert(ti);
                    all.insert(f);
                }
            }
        }
    }
    Forms { by_variant, all }
}

/// Compute what one analysed article adds to the coverage.
pub fn article(engine: &Engine, a: &Analysis, opts: Options) -> ArticleCoverage {
    let lexicon = &engine.lexicon;
    let forms = forms(lexicon);
    let mut ac = ArticleCoverage {
        words: a.words,
        ..ArticleCoverage::default()
    };
    for t in &a.terms {
        let v = ac.variants.entry((t.concept, t.variant)).or_default();
        v[0] += 1;
        match t.voice {
            Voice::Narrator => v[1] += 1,
            Voice::Quoted => v[2] += 1,
            Voice::ScareQuoted => v[3] += 1,
            Voice::Reported => v[4] += 1,
        }
        let term = forms
            .by_variant
            .get(&(t.concept, t.variant))
            .and_then(|m| m.get(&normalize_term(t.text(&a.article.text))).copied());
        *ac.terms.entry((t.concept, t.variant, term)).or_default() += 1;
    }
    if opts.window > 0 && !a.terms.is_empty() {
        ac.phrases = suggestions::near_phrases(a, &forms.all, opts.window);
    }
    ac
}

/// Collects article coverage in input order.
#[derive(Debug, Default)]
pub struct CoverageBuilder {
    articles: u32,
    words: u64,
    variants: HashMap<(usize, usize), [u32; 6]>,
    terms: HashMap<(usize, usize, Option<usize>), u32>,
    phrases: PhraseTally,
}

impl CoverageBuilder {
    pub fn new() -> CoverageBuilder {
        CoverageBuilder::default()
    }

    pub fn add(&mut self, ac: ArticleCoverage) {
        self.articles += 1;
        self.words += u64::from(ac.words);
        for (k, v) in ac.variants {
            let e = self.variants.entry(k).or_default();
            for (total, n) in e.iter_mut().zip(v) {
                *total += n;
            }
            e[5] += 1;
        }
        for (k, n) in ac.terms {
            *self.terms.entry(k).or_default() += n;
        }
        self.phrases.add(ac.phrases);
    }

    pub fn finish(self, lexicon: &Lexicon, opts: Options) -> Coverage {
        let mut entries = Vec::new();
        let mut never = NeverFired::default();
        let mut variants_total = 0;
        let mut terms_total = 0;
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            let mut concept_fired = false;
            let mut silent_variants = Vec::new();
            for (vi, v) in c.variants.iter().enumerate() {
                variants_total += 1;
                terms_total += v.terms.len();
                let counts = self.variants.get(&(ci, vi)).copied().unwrap_or_default();
                let terms: Vec<TermCoverage> = v
                    .terms
                    .iter()
                    .enumerate()
                    .map(|(ti, t)| TermCoverage {
                        term: t.clone(),
                        hits: self.terms.get(&(ci, vi, Some(ti))).copied().unwrap_or(0),
                    })
                    .collect();
                for t in &terms {
                    if t.hits == 0 {
                        never
                            .terms
                            .push(format!("{} / {} / {}", c.id, v.label, t.term));
                    }
                }
                if counts[0] > 0 {
                    concept_fired = true;
                } else {
                    silent_variants.push(format!("{} / {}", c.id, v.label));
                }
                entries.push(EntryCoverage {
                    concept: c.id.clone(),
                    variant: v.label.clone(),
                    side: lexicon.side_id(v.side).to_string(),
                    weight: v.weight,
                    hits: counts[0],
                    narrator: counts[1],
                    quoted: counts[2],
                    scare_quoted: counts[3],
                    reported: counts[4],
                    articles: counts[5],
                    terms,
                    pattern_hits: self.terms.get(&(ci, vi, None)).copied().unwrap_or(0),
                });
            }
            if concept_fired {
                never.variants.extend(silent_variants);
            } else {
                never.concepts.push(c.id.clone());
            }
        }
        let cands = self
            .phrases
            .finish(self.articles, lexicon, opts.suggestions);
        Coverage {
            lexicon: lexicon.name.clone(),
            version: lexicon.version.clone(),
            sha256: lexicon.sha256.clone(),
            articles: self.articles,
            words: self.words,
            entries,
            never_fired: never,
            concepts_total: lexicon.concepts.len(),
            variants_total,
            terms_total,
            suggestions_note: SUGGESTIONS_NOTE,
            suggestions: cands,
        }
    }
}

/// Coverage of `analyses` in one call (for tests and small corpora).
pub fn coverage(engine: &Engine, analyses: &[Analysis], opts: Options) -> Coverage {
    let mut b = CoverageBuilder::new();
    for a in analyses {
        b.add(article(engine, a, opts));
    }
    b.finish(&engine.lexicon, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;
    use crate::lexicon::Limits;

    fn engine() -> Engine {
        let yaml = "name: t\nversion: '1'\nsides:\n  - {id: a, label: A, color: '#0072B2'}\n  - {id: b, label: B, color: '#D55E00'}\nconcepts:\n  - id: people\n    variants:\n      - {terms: [illegal aliens, illegals], side: b}\n      - {terms: [undocumented immigrants], side: a}\n  - id: unused\n    variants:\n      - {terms: [zebra crossing], side: a}\n";
        Engine::new(Lexicon::from_yaml("t.yaml", yaml, Limits::default()).unwrap()).unwrap()
    }

    #[test]
    fn counts_entries_terms_never_fired_and_suggestions() {
        let e = engine();
        let texts = [
            "Officials said illegal aliens crossed the southern border at night.",
            "More illegals crossed the southern border. Undocumented immigrants work here.",
        ];
        let analyses: Vec<Analysis> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| e.analyze(Article::from_text(&i.to_string(), "-", t.to_string())))
            .collect();
        let c = coverage(&e, &analyses, Options::default());
        assert_eq!(c.articles, 2);
        let b = &c.entries[0];
        assert_eq!((b.concept.as_str(), b.hits, b.articles), ("people", 2, 2));
        assert_eq!(b.narrator + b.quoted + b.scare_quoted + b.reported, b.hits);
        // "Officials said illegal aliens crossed …" is reported speech.
        assert_eq!(b.reported, 1);
        assert_eq!(b.terms[0].hits, 1);
        assert_eq!(b.terms[1].hits, 1);
        assert_eq!(c.never_fired.concepts, ["unused"]);
        assert!(c.never_fired.variants.is_empty());
        assert_eq!(
            c.never_fired.terms,
            ["unused / zebra crossing / zebra crossing"]
        );
        // "crossed the southern border" follows the hit in both articles: the longest
        // equally frequent phrase is kept, its parts are not repeated.
        let phrases: Vec<&str> = c.suggestions.iter().map(|s| s.phrase.as_str()).collect();
        assert!(phrases.contains(&"southern border"), "{phrases:?}");
        assert!(!phrases.contains(&"southern"), "{phrases:?}");
        assert!(
            !phrases.iter().any(|p| p.starts_with("the ")),
            "{phrases:?}"
        );
        // A phrase only one article has is not suggested.
        assert!(!phrases.contains(&"night"), "{phrases:?}");
        let s = c
            .suggestions
            .iter()
            .find(|s| s.phrase == "southern border")
            .unwrap();
        assert_eq!((s.near, s.articles), (2, 2));
        assert_eq!(s.concepts, ["people"]);
    }

    #[test]
    fn suggestions_stay_in_the_clause() {
        let e = engine();
        let texts = [
            "Southern border. Illegal aliens wait; zebra crossing",
            "Southern border. Illegal aliens wait; zebra crossing",
        ];
        let analyses: Vec<Analysis> = texts
            .iter()
            .map(|t| e.analyze(Article::from_text("x", "-", t.to_string())))
            .collect();
        let c = coverage(&e, &analyses, Options::default());
        let phrases: Vec<&str> = c.suggestions.iter().map(|s| s.phrase.as_str()).collect();
        assert_eq!(phrases, ["wait"]);
    }
}
