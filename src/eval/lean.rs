//! `slant eval lean`: how well slant's scores separate two labelled groups of articles
//! (say outlets rated right vs left). For each score component, the AUC of positive vs
//! negative articles with a bootstrap interval; the share of articles with enough
//! evidence; the mean stance per outlet; and, per lexicon variant, how many articles of
//! each group use it and its weighted log-odds between the groups, flagging variants that
//! are used more by the group their side does not predict ("points the wrong way").
//!
//! The aggregation is pure: the caller analyses each article and hands over an
//! [`Observation`]; [`LeanEval::finish`] computes the figures.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::attribute::Voice;
use crate::lexicon::Lexicon;
use crate::stats;

/// A per-article score `eval lean` measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    /// The headline number: shrunk lean of loaded terms.
    Stance,
    /// The raw lean of loaded terms, without the prior.
    TermLean,
    /// The lean of the outlet's own words only (narrator voice).
    NarratorLean,
    /// The balance of aligned quoted words (a description of who is heard, not a lean).
    QuoteBalance,
    /// The lean of how attributed speakers are framed (skeptical vs endorsing cues).
    FramingLean,
}

impl Component {
    pub const ALL: [Component; 5] = [
        Component::Stance,
        Component::TermLean,
        Component::NarratorLean,
        Component::QuoteBalance,
        Component::FramingLean,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Component::Stance => "stance",
            Component::TermLean => "term_lean",
            Component::NarratorLean => "narrator_lean",
            Component::QuoteBalance => "quote_balance",
            Component::FramingLean => "framing_lean",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Component::Stance => "stance (loaded terms, shrunk toward 0 by the prior)",
            Component::TermLean => "term lean (loaded terms, no prior)",
            Component::NarratorLean => "narrator lean (the outlet's own words only)",
            Component::QuoteBalance => "quote balance (whose side quoted speakers are on)",
            Component::FramingLean => "framing lean (skeptical vs endorsing speech cues)",
        }
    }
}

/// Which labelled group an article is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Positive,
    Negative,
    /// Labelled with something else, or not labelled: counted, not compared.
    Other,
}

/// What `eval lean` needs of one analysed article.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub outlet: Option<String>,
    pub label: Option<String>,
    pub group: Group,
    /// One value per [`Component::ALL`], in that order.
    pub values: [f64; 5],
    /// The article's evidence meets the lexicon's `min_evidence`.
    pub enough: bool,
    pub words: u32,
    /// `(concept, variant)` → hits in any voice.
    pub variants: Vec<((usize, usize), u32)>,
}

impl Observation {
    /// What `eval lean` reads of one analysed article, in group `group`.
    pub fn of(lexicon: &Lexicon, a: &Analysis, group: Group) -> Observation {
        let s = &a.scores;
        // The outlet's own words only: the narrator's hits, weighted as scored.
        let mut narrator = vec![0.0; lexicon.sides.len()];
        for t in &a.terms {
            if let (Voice::Narrator, Some(side)) = (t.voice, t.counted_side) {
                narrator[side] += t.contribution;
            }
        }
        let variants = a
            .concepts
            .iter()
            .flat_map(|c| {
                c.variants
                    .iter()
                    .map(move |v| ((c.concept, v.variant), v.count))
            })
            .collect();
        Observation {
            outlet: a.article.outlet.clone(),
            label: a.article.label.clone(),
            group,
            values: [
                s.stance,
                s.term_lean,
                crate::score::lean(lexicon, &narrator).0,
                s.quote_balance,
                s.framing_lean,
            ],
            enough: s.term_enough,
            words: a.words,
            variants,
        }
    }
}

/// AUC of one component, with its bootstrap interval.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentAuc {
    pub component: Component,
    pub auc: Option<f64>,
    pub interval: Option<(f64, f64)>,
}

/// One outlet's articles.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletRow {
    pub outlet: String,
    /// The most common label of its articles.
    pub label: Option<String>,
    pub articles: u32,
    pub mean_stance: f64,
    pub enough_share: f64,
}

/// One lexicon variant between the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantRow {
    pub concept: usize,
    pub variant: usize,
    /// −1 (first side) … +1 (last side), 0 for neutral.
    pub position: f64,
    pub docs: [u32; 2],
    pub hits: [u32; 2],
    /// Log-odds of a word being this variant, positive minus negative group.
    pub log_odds: f64,
    pub z: f64,
    /// Its side predicts one group (its position's sign) but it is significantly
    /// (|z| ≥ 1.96) more common in the other.
    pub wrong_way: bool,
}

/// Everything `eval lean` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct LeanReport {
    pub positive: String,
    pub negative: String,
    /// Articles in the positive, negative and other groups.
    pub counts: [u32; 3],
    pub components: Vec<ComponentAuc>,
    /// Share of articles with enough evidence: all, positive, negative.
    pub enough: [f64; 3],
    pub outlets: Vec<OutletRow>,
    pub variants: Vec<VariantRow>,
    pub bootstrap_rounds: usize,
    pub prior_words: f64,
}

/// Resamples for each AUC interval.
pub const BOOTSTRAP_ROUNDS: usize = 1000;
/// `α_0` of the log-odds prior, in words: the pooled corpus rate scaled to this many words.
pub const PRIOR_WORDS: f64 = 1000.0;

#[derive(Default)]
struct OutletAcc {
    articles: u32,
    stance: f64,
    enough: u32,
    labels: HashMap<String, u32>,
}

/// The running totals of an evaluation (articles can be added as they are analysed).
#[derive(Default)]
pub struct LeanEval {
    values: [[Vec<f64>; 5]; 2],
    counts: [u32; 3],
    enough: [u32; 3],
    words: [f64; 2],
    outlets: HashMap<String, OutletAcc>,
    variants: HashMap<(usize, usize), ([u32; 2], [u32; 2])>,
}

impl LeanEval {
    pub fn new() -> LeanEval {
        LeanEval::default()
    }

    pub fn add(&mut self, o: &Observation) {
        let g = match o.group {
            Group::Positive => 0,
            Group::Negative => 1,
            Group::Other => 2,
        };
        self.counts[g] += 1;
        self.enough[g] += u32::from(o.enough);
        if let Some(name) = &o.outlet {
            let acc = self.outlets.entry(name.clone()).or_default();
            acc.articles += 1;
            acc.stance += o.values[0];
            acc.enough += u32::from(o.enough);
            if let Some(l) = &o.label {
                *acc.labels.entry(l.clone()).or_default() += 1;
            }
        }
        if g == 2 {
            return;
        }
        for (k, v) in o.values.iter().enumerate() {
            self.values[g][k].push(*v);
        }
        self.words[g] += f64::from(o.words);
        for &(key, hits) in &o.variants {
            let e = self.variants.entry(key).or_default();
            e.0[g] += 1;
            e.1[g] += hits;
        }
    }

    /// The figures, for `lexicon`'s variants (every variant, used or not).
    pub fn finish(
        self,
        lexicon: &Lexicon,
        positive: &str,
        negative: &str,
        seed: u64,
    ) -> LeanReport {
        let components = Component::ALL
            .iter()
            .enumerate()
            .map(|(k, &component)| {
                let (p, n) = (&self.values[0][k], &self.values[1][k]);
                ComponentAuc {
                    component,
                    auc: stats::auc(p, n),
                    interval: stats::auc_interval(p, n, BOOTSTRAP_ROUNDS, 0.95, seed),
                }
            })
            .collect();
        let share = |a: u32, n: u32| {
            if n == 0 {
                0.0
            } else {
                f64::from(a) / f64::from(n)
            }
        };
        let all: u32 = self.counts.iter().sum();
        let enough = [
            share(self.enough.iter().sum(), all),
            share(self.enough[0], self.counts[0]),
            share(self.enough[1], self.counts[1]),
        ];
        let mut outlets: Vec<OutletRow> = self
            .outlets
            .into_iter()
            .map(|(outlet, acc)| {
                let label = acc
                    .labels
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map(|(l, _)| l);
                OutletRow {
                    outlet,
                    label,
                    articles: acc.articles,
                    mean_stance: acc.stance / f64::from(acc.articles),
                    enough_share: share(acc.enough, acc.articles),
                }
            })
            .collect();
        outlets.sort_by(|a, b| {
            a.mean_stance
                .total_cmp(&b.mean_stance)
                .then_with(|| a.outlet.cmp(&b.outlet))
        });

        let pooled_words = self.words[0] + self.words[1];
        let mut variants = Vec::new();
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            for (vi, v) in c.variants.iter().enumerate() {
                let (docs, hits) = self.variants.get(&(ci, vi)).copied().unwrap_or_default();
                let position = v.side.map_or(0.0, |s| lexicon.side_position(s));
                let pooled = f64::from(hits[0] + hits[1]);
                let prior = if pooled_words > 0.0 {
                    PRIOR_WORDS * pooled / pooled_words
                } else {
                    0.0
                };
                let (log_odds, z) = if pooled > 0.0 {
                    stats::log_odds(
                        f64::from(hits[0]),
                        self.words[0],
                        f64::from(hits[1]),
                        self.words[1],
                        prior,
                        PRIOR_WORDS,
                    )
                } else {
                    (0.0, 0.0)
                };
                variants.push(VariantRow {
                    concept: ci,
                    variant: vi,
                    position,
                    docs,
                    hits,
                    log_odds,
                    z,
                    wrong_way: position != 0.0 && z * position.signum() <= -1.96,
                });
            }
        }
        LeanReport {
            positive: positive.to_string(),
            negative: negative.to_string(),
            counts: self.counts,
            components,
            enough,
            outlets,
            variants,
            bootstrap_rounds: BOOTSTRAP_ROUNDS,
            prior_words: PRIOR_WORDS,
        }
    }
}
