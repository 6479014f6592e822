//! `slant lexicon suggest`: the words and 2–4-word phrases one group of articles uses more
//! than another, ranked by the weighted log-odds ratio with an informative Dirichlet prior
//! (Monroe, Colaresi & Quinn 2008, "Fightin' Words"; [`crate::stats::log_odds`]), counted in one
//! streaming pass in bounded memory.
//!
//! **Counting.** Each article is cut into phrases by `ngrams` (the words of
//! `text::words::clause_words`, phrases within one clause, the voice of each occurrence
//! from the article's quotations). A [`KeynessBuilder`] takes the articles in input order
//! and keeps, per phrase: occurrences and articles in each group, occurrences by voice,
//! how many occurrences look like names, which outlets used it, and exact uses by the
//! first [`TRACKED_OUTLETS`] outlets to use it (so a phrase one outlet repeats, such as
//! its boilerplate, shows as such: its top outlet's share is exact whenever that outlet
//! was among the first three to use the phrase, and a lower bound otherwise).
//!
//! **Memory.** The phrase table holds at most `max_phrases` phrases, keyed by a 64-bit
//! hash of their text (`ngrams::phrase_key`); only phrases used `min_count` times keep
//! their text. It is cut into a fixed number of shards by key (`shard`), filled in
//! parallel, each taking the articles in input order, so the result does not depend on
//! the number of threads. When a shard is full, its rarest phrases are dropped until half
//! remain (lossy counting, Manku & Motwani 2002): every
//! phrase whose count plus its possible undercount is at most the new *floor* goes, and a
//! phrase first seen after a prune may have had up to `floor` occurrences dropped earlier,
//! which it carries as `max_missing` (shown with every row; 0 when nothing was ever
//! pruned). Example lines are kept only for phrases seen at least `min_count` times, at
//! most two per phrase and `example_bytes` in all: past that budget the threshold doubles
//! and the examples of phrases below it are dropped. So memory is bounded by the two
//! limits, whatever the corpus size.
//!
//! **Ranking.** For a phrase of `n` words with counts `a` and `b`, the totals are the
//! `n`-word positions of each group (`na`, `nb`) and the prior is the pooled corpus scaled
//! to `prior_words`: `α_w = prior_words × (a + b) / (na + nb)`. A phrase is ranked when it
//! occurs `min_count` times in `min_docs` articles (both groups together), is not mostly
//! capitalized (a name) unless names are asked for, and is not *subsumed*: a shorter phrase
//! is left out when a longer ranked phrase holding it accounts for 90% or more of its
//! occurrences in each group ("pathway" inside "pathway to citizenship"). Rows favour the
//! group their z-score points to, strongest first, `|z| ≥ min_z`, at most `top` per group.
//!
//! **One outlet's habit.** When the favoured group has articles from two outlets or more,
//! a phrase is also scored without its top outlet (its uses, and that outlet's words):
//! if it no longer reaches `|z| ≥ min_z` the same way, the contrast is one outlet's
//! habit (its boilerplate, a columnist's tic) and the phrase is left out, unless
//! `outlet_check` is off (comparing outlets themselves, the caller turns it off). The top
//! outlet is the one with most uses among the first three to use the phrase.
//!
//! **Sides.** Which lexicon side each group leans to is read from the data: the side
//! whose share of a group's loaded-term weight most exceeds its share in the other group.
//! The caller can override it; concept stubs take the side of the group they favour.

mod rank;
mod shard;

use std::collections::HashMap;

use foldhash::fast::FixedState;
use rayon::prelude::*;

use self::shard::{ArticleInfo, Shard, SHARDS};
use super::ngrams::{article_grams, ArticleGrams, MAX_N};
use crate::analysis::{Analysis, Engine};
use crate::lexicon::SideRef;

pub use self::rank::{in_lexicon, infer_sides};

/// Settings of a keyness count.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Longest phrase, in words (1..=4).
    pub max_n: usize,
    /// Fewest occurrences (both groups) for a phrase to be ranked.
    pub min_count: u32,
    /// Fewest articles (both groups) for a phrase to be ranked.
    pub min_docs: u32,
    /// Rows per group.
    pub top: usize,
    /// Smallest |z| shown.
    pub min_z: f64,
    /// Rank phrases that are mostly capitalized mid-clause (names) too.
    pub names: bool,
    /// Most phrases held at once.
    pub max_phrases: usize,
    /// Most bytes of example lines held at once.
    pub example_bytes: usize,
    /// `α_0` of the prior, in words.
    pub prior_words: f64,
    /// Leave out phrases whose contrast does not hold without their top outlet.
    pub outlet_check: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_n: MAX_N,
            min_count: 5,
            min_docs: 3,
            top: 25,
            min_z: 1.96,
            names: false,
            max_phrases: DEFAULT_MAX_PHRASES,
            example_bytes: 16 << 20,
            prior_words: crate::eval::lean::PRIOR_WORDS,
            outlet_check: true,
        }
    }
}

/// Default phrase table size: 7/8 of 2^19, so the table fills its 2^19 buckets exactly
/// (88 bytes each: 46 MB at the limit, plus the text of the phrases seen `min_count`
/// times). 1,106 long news articles (6 MB) hold some 340,000 distinct phrases.
pub const DEFAULT_MAX_PHRASES: usize = 458_752;

/// Outlets whose uses of a phrase are counted exactly (the first to use it).
pub const TRACKED_OUTLETS: usize = 3;

/// Characters of context each side of an example line.
const EXAMPLE_WIDTH: usize = 70;

/// What one article adds to a keyness count (made on any thread, added in input order).
#[derive(Debug, Clone)]
pub struct Observation {
    /// 0 or 1: the group the article is in.
    pub group: usize,
    pub id: String,
    pub outlet: Option<String>,
    /// The article's text (example lines are cut from it).
    pub text: String,
    /// Its phrases, sorted by shard as [`observe`] leaves them.
    grams: ArticleGrams,
    /// Loaded-term weight per lexicon side, as scored.
    pub side_weight: Vec<f64>,
}

/// Cut an analysed article into what [`KeynessBuilder::add`] needs.
pub fn observe(engine: &Engine, a: Analysis, group: usize, max_n: usize) -> Observation {
    let mut grams = article_grams(&a.article.text, &a.quotes, max_n);
    // Each shard of the table takes one run of them (stable: within a shard, first use
    // first).
    grams.grams.sort_by_key(|g| shard::shard_of(g.key));
    let mut side_weight = vec![0.0; engine.lexicon.sides.len()];
    for t in &a.terms {
        if let Some(s) = t.counted_side {
            side_weight[s] += t.contribution;
        }
    }
    Observation {
        group,
        id: a.article.id,
        outlet: a.article.outlet,
        text: a.article.text,
        grams,
        side_weight,
    }
}

/// A line a phrase was used in.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub article: String,
    pub group: usize,
    /// Context before the phrase, with `…` where it was cut.
    pub left: String,
    /// The phrase as written.
    pub matched: String,
    pub right: String,
}

impl Example {
    /// Bytes of its text on the heap.
    fn bytes(&self) -> usize {
        self.article.len() + self.left.len() + self.matched.len() + self.right.len()
    }

    /// The whole line, without the marks of cuts.
    pub fn sentence(&self) -> String {
        format!(
            "{}{}{}",
            self.left.trim_start_matches('…'),
            self.matched,
            self.right.trim_end_matches('…')
        )
    }
}

/// A group of articles and what the count learnt about it.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInfo {
    pub name: String,
    pub articles: u32,
    /// Words (one-word positions).
    pub words: u64,
    /// Loaded-term weight per lexicon side.
    pub side_weight: Vec<f64>,
    /// The side this group leans to (read from the data, or given).
    pub side: SideRef,
    /// The side was given by the caller, not read from the data.
    pub side_given: bool,
}

/// Where a phrase stands in the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub enum InLexicon {
    /// The lexicon matches the whole phrase as this variant.
    Term { concept: usize, variant: usize },
    /// A lexicon term matches part of it (`text`).
    Contains {
        concept: usize,
        variant: usize,
        text: String,
    },
}

/// One ranked phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub phrase: String,
    pub words: usize,
    /// The group it is more frequent in (0 or 1).
    pub favours: usize,
    /// Log-odds difference, group 0 minus group 1.
    pub log_odds: f64,
    pub z: f64,
    pub count: [u32; 2],
    pub docs: [u32; 2],
    /// Occurrences per 10,000 words of each group.
    pub per_10k: [f64; 2],
    /// Occurrences by voice: narrator, quoted, scare-quoted.
    pub voices: [u32; 3],
    /// Occurrences that looked like a name.
    pub capitalized: u32,
    /// Outlets that used it (a lower bound beyond 128 outlets).
    pub outlets: u32,
    /// The outlet with most uses among the first three to use it, and its uses (exact
    /// uses; the true top outlet could be a later one with more).
    pub top_outlet: Option<(String, u32)>,
    /// The z-score without the top outlet's uses and words (see the module docs).
    pub z_without_top: Option<f64>,
    /// Occurrences its counts may lack (dropped while it was rare); 0 = exact.
    pub max_missing: u32,
    pub lexicon: Option<InLexicon>,
    pub examples: Vec<Example>,
}

/// The result of a keyness count.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyness {
    pub groups: [GroupInfo; 2],
    /// Articles in neither group.
    pub other: u32,
    pub options: Options,
    /// Group 0's rows (strongest first), then group 1's.
    pub rows: Vec<Row>,
    /// Phrases that met the count thresholds.
    pub candidates: usize,
    /// Phrases held at the end.
    pub distinct: usize,
    /// Phrases dropped while rare, over the whole run.
    pub pruned: u64,
    /// The largest count (plus undercount) a dropped phrase had; 0 = nothing dropped.
    pub floor: u32,
    /// Fewer than 129 outlets: outlet counts are exact.
    pub outlets_exact: bool,
    /// Some article named its outlet (else outlet counts mean nothing).
    pub outlets_seen: bool,
    /// Phrases left out as one outlet's habit (see the module docs).
    pub one_outlet: usize,
}

/// The running count (see the module docs).
pub struct KeynessBuilder {
    opts: Options,
    /// The phrase table, cut in [`shard::SHARDS`] by key.
    shards: Vec<Shard>,
    articles: [u32; 2],
    other: u32,
    positions: [[u64; MAX_N]; 2],
    side_weight: [Vec<f64>; 2],
    outlets: HashMap<String, u32, FixedState>,
    /// Per outlet id: its phrase positions in each group.
    outlet_positions: Vec<[[u64; MAX_N]; 2]>,
}

impl KeynessBuilder {
    pub fn new(opts: Options) -> KeynessBuilder {
        let per = |total: usize| total.div_ceil(SHARDS);
        KeynessBuilder {
            opts,
            shards: (0..SHARDS)
                .map(|_| {
                    Shard::new(
                        per(opts.max_phrases),
                        per(opts.example_bytes),
                        opts.min_count,
                    )
                })
                .collect(),
            articles: [0; 2],
            other: 0,
            positions: [[0; MAX_N]; 2],
            side_weight: [Vec::new(), Vec::new()],
            outlets: HashMap::with_hasher(FixedState::default()),
            outlet_positions: Vec::new(),
        }
    }

    /// An article in neither group.
    pub fn skip(&mut self) {
        self.other += 1;
    }

    /// Add one article's phrases.
    pub fn add(&mut self, o: Observation) {
        self.add_batch(vec![o]);
    }

    /// Add a batch of articles, in order. The shards take their phrases in parallel, on
    /// the current rayon pool (the caller's `install`, else the global one); the result
    /// is the same as adding them one by one.
    pub fn add_batch(&mut self, batch: Vec<Observation>) {
        let infos: Vec<ArticleInfo> = batch.iter().map(|o| self.note(o)).collect();
        self.shards
            .par_iter_mut()
            .enumerate()
            .for_each(|(me, shard)| {
                for (o, info) in batch.iter().zip(&infos) {
                    shard.add(me, o, *info);
                }
            });
    }

    /// The article-level counts of `o` (group totals, side weights, its outlet).
    fn note(&mut self, o: &Observation) -> ArticleInfo {
        let g = o.group.min(1);
        self.articles[g] += 1;
        for (p, q) in self.positions[g].iter_mut().zip(o.grams.positions) {
            *p += q;
        }
        let sw = &mut self.side_weight[g];
        if sw.len() < o.side_weight.len() {
            sw.resize(o.side_weight.len(), 0.0);
        }
        for (s, w) in sw.iter_mut().zip(&o.side_weight) {
            *s += w;
        }
        let outlet = o.outlet.as_ref().map(|name| {
            let next = self.outlets.len() as u32;
            *self.outlets.entry(name.clone()).or_insert(next)
        });
        if let Some(id) = outlet {
            let id = id as usize;
            if self.outlet_positions.len() <= id {
                self.outlet_positions.resize(id + 1, [[0; MAX_N]; 2]);
            }
            for (p, q) in self.outlet_positions[id][g]
                .iter_mut()
                .zip(o.grams.positions)
            {
                *p += q;
            }
        }
        ArticleInfo { group: g, outlet }
    }

    /// Rank the phrases. `names`: the two groups' names; `sides`: a side per group given
    /// by the caller (`None` = read it from the data).
    pub fn finish(
        self,
        engine: &Engine,
        names: [String; 2],
        sides: [Option<SideRef>; 2],
    ) -> Keyness {
        rank::finish(self, engine, names, sides)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::ngrams::phrase_key;
    use crate::input::Article;
    use crate::lexicon::Lexicon;

    fn engine() -> Engine {
        Engine::new(Lexicon::default_lexicon().unwrap()).unwrap()
    }

    fn obs(e: &Engine, id: &str, outlet: &str, group: usize, text: &str) -> Observation {
        let mut a = Article::from_text(id, "-", text.to_string());
        a.outlet = Some(outlet.to_string());
        observe(e, e.analyze(a), group, 4)
    }

    /// Group 0 says "border crisis" and "illegal aliens", group 1 "asylum seekers".
    fn corpus(e: &Engine, b: &mut KeynessBuilder) {
        for i in 0..12 {
            let (g, text) = if i % 2 == 0 {
                let verb = ["crossed", "waited", "left"][i / 2 % 3];
                (0, format!("Officials warned of the border crisis again. The illegal aliens {verb} near town {i}. Farmers planted wheat."))
            } else {
                (1, format!("Asylum seekers waited at the port of entry. Asylum seekers filed claims in town {i}. Farmers planted wheat."))
            };
            b.add(obs(
                e,
                &format!("a{i}"),
                &format!("outlet{}", i % 4),
                g,
                &text,
            ));
        }
    }

    #[test]
    fn each_group_gets_the_phrases_it_uses_more() {
        let e = engine();
        let mut b = KeynessBuilder::new(Options {
            min_z: 0.5,
            ..Options::default()
        });
        corpus(&e, &mut b);
        let k = b.finish(&e, ["r".into(), "l".into()], [None, None]);
        assert_eq!((k.groups[0].articles, k.groups[1].articles), (6, 6));
        let row = |p: &str| k.rows.iter().find(|r| r.phrase == p);
        let bc = row("border crisis").expect("ranked");
        assert_eq!((bc.favours, bc.count, bc.docs), (0, [6, 0], [6, 0]));
        assert!(bc.z > 0.0 && bc.log_odds > 0.0);
        assert_eq!(bc.voices, [6, 0, 0]);
        assert_eq!(bc.outlets, 2, "outlets 0 and 2 carry the even articles");
        assert_eq!(bc.max_missing, 0);
        let asy = row("asylum seekers").expect("ranked");
        assert_eq!((asy.favours, asy.count), (1, [0, 12]));
        assert!(asy.z < 0.0);
        // Used alike by both: not a suggestion for either.
        assert!(row("farmers planted wheat").is_none());
        // "seekers" only ever appears inside "asylum seekers": subsumed.
        assert!(row("seekers").is_none());
        // The lexicon already has "illegal aliens".
        assert!(matches!(
            row("illegal aliens").unwrap().lexicon,
            Some(InLexicon::Term { .. })
        ));
        // Example lines come with the phrase as written.
        let ex = &bc.examples[0];
        assert_eq!(ex.matched, "border crisis");
        assert!(ex.sentence().contains("warned of the border crisis again"));
        // The lexicon's loaded words say which side each group leans to.
        let restr = e
            .lexicon
            .sides
            .iter()
            .position(|s| s.id == "restrictionist");
        assert_eq!(k.groups[0].side, restr);
        assert_ne!(k.groups[1].side, restr);
    }

    #[test]
    fn the_z_score_is_the_stats_formula_with_the_pooled_prior() {
        let e = engine();
        let mut b = KeynessBuilder::new(Options {
            min_z: 0.0,
            ..Options::default()
        });
        corpus(&e, &mut b);
        let totals = b.positions;
        let k = b.finish(&e, ["r".into(), "l".into()], [None, None]);
        let r = k.rows.iter().find(|r| r.phrase == "border crisis").unwrap();
        let (na, nb) = (totals[0][1] as f64, totals[1][1] as f64);
        let prior = 1000.0 * 6.0 / (na + nb);
        let (d, z) = crate::stats::log_odds(6.0, na, 0.0, nb, prior, 1000.0);
        assert!((r.log_odds - d).abs() < 1e-12 && (r.z - z).abs() < 1e-12);
    }

    #[test]
    fn pruning_keeps_memory_bounded_and_reports_the_possible_undercount() {
        let e = engine();
        let opts = Options {
            max_phrases: 40,
            min_z: 0.0,
            min_count: 2,
            min_docs: 1,
            ..Options::default()
        };
        let mut b = KeynessBuilder::new(opts);
        for i in 0..30 {
            // Unique words per article fill the table; "border crisis" recurs.
            let text =
                format!("The border crisis grew. Word{i}a word{i}b word{i}c word{i}d word{i}e.");
            b.add(obs(&e, &format!("a{i}"), "o", i % 2, &text));
            assert!(b.shards.iter().map(|s| s.table.len()).sum::<usize>() <= 40);
        }
        assert!(b.shards.iter().any(|s| s.pruned > 0 && s.floor >= 1));
        let entry = |p: &str| {
            let k = phrase_key(p);
            b.shards[shard::shard_of(k)].table.get(&k).copied()
        };
        // The recurring phrase is held, its counts short of the true 15 + 15 by at most
        // its slack (lossy counting's guarantee); the unique words of early articles are
        // gone.
        let bc = entry("border crisis").expect("held");
        for g in 0..2 {
            assert!(bc.count[g] <= 15 && 15 <= bc.count[g] + bc.slack, "{bc:?}");
        }
        assert!(bc.total() + bc.slack >= 30);
        assert!(entry("word0a").is_none());
        let k = b.finish(&e, ["a".into(), "b".into()], [None, None]);
        assert!(k.pruned > 0 && k.floor >= 1);
        // Late unique words carry the floor as their possible undercount.
        assert!(k.rows.iter().all(|r| r.max_missing <= k.floor));
    }

    #[test]
    fn the_example_budget_drops_examples_of_rare_phrases_first() {
        let e = engine();
        let mut b = KeynessBuilder::new(Options {
            example_bytes: 2_000,
            min_count: 1,
            ..Options::default()
        });
        corpus(&e, &mut b);
        // Each shard keeps to its share of the budget, and counts its bytes exactly.
        for s in &b.shards {
            assert!(s.example_bytes <= 2_000usize.div_ceil(shard::SHARDS));
            let held: usize = s.slots.iter().map(shard::Slot::bytes).sum();
            assert_eq!(held, s.example_bytes);
        }
        assert!(b.shards.iter().any(|s| s.example_min > 1));
    }

    #[test]
    fn a_phrase_one_outlet_repeats_is_left_out_unless_asked() {
        let e = engine();
        let run = |outlet_check: bool| {
            // A small prior: these groups have a few hundred words each.
            let mut b = KeynessBuilder::new(Options {
                min_z: 1.0,
                prior_words: 10.0,
                outlet_check,
                ..Options::default()
            });
            corpus(&e, &mut b);
            // Outlet "house" (group 0) signs every article with a slogan.
            for i in 0..6 {
                let text = format!(
                    "Reporters met officials in town {i}. Click here for reprint permission."
                );
                b.add(obs(&e, &format!("h{i}"), "house", 0, &text));
            }
            b.finish(&e, ["r".into(), "l".into()], [None, None])
        };
        let k = run(true);
        assert!(!k.rows.iter().any(|r| r.phrase.contains("reprint")));
        assert!(k.one_outlet > 0);
        // Used alike by two outlets: the difference holds without either.
        let bc = k.rows.iter().find(|r| r.phrase == "border crisis");
        assert!(
            bc.is_some(),
            "{:?}",
            k.rows
                .iter()
                .map(|r| (&r.phrase, r.z, r.z_without_top))
                .collect::<Vec<_>>()
        );
        let k = run(false);
        let r = k
            .rows
            .iter()
            .find(|r| r.phrase == "click here for reprint")
            .unwrap();
        assert_eq!(r.top_outlet, Some(("house".to_string(), 6)));
        assert_eq!(k.one_outlet, 0);
    }
}
