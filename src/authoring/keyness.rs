//! `slant lexicon suggest`: the words and 2–4-word phrases one group of articles uses more
//! than another, ranked by the weighted log-odds ratio with an informative Dirichlet prior
//! (Monroe, Colaresi & Quinn 2008, "Fightin' Words"; [`stats::log_odds`]), counted in one
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
//! **Memory.** The phrase table holds at most `max_phrases` phrases. When it is full, the
//! rarest are dropped until half remain (lossy counting, Manku & Motwani 2002): every
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

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::kwic::context;
use super::ngrams::{article_grams, phrase_text, ArticleGrams, KeyBuild, MAX_N};
use crate::analysis::{Analysis, Engine};
use crate::lexicon::SideRef;
use crate::stats;
use crate::text::normalize::Normalized;

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

/// No outlet (an empty tally slot).
const NO_OUTLET: u32 = u32::MAX;

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
    pub grams: ArticleGrams,
    /// Loaded-term weight per lexicon side, as scored.
    pub side_weight: Vec<f64>,
}

/// Cut an analysed article into what [`KeynessBuilder::add`] needs.
pub fn observe(engine: &Engine, a: Analysis, group: usize, max_n: usize) -> Observation {
    let grams = article_grams(&a.article.text, &a.quotes, max_n);
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

/// The text of a phrase seen `min_count` times, and up to two example lines.
#[derive(Debug, Default)]
struct Slot {
    text: Box<str>,
    /// At most two (a `Vec`: most phrases held never get one, and an empty `Vec` is
    /// three words where two inline examples would be thirty).
    examples: Vec<Example>,
}

impl Slot {
    /// Bytes of its example lines (the text is bounded by the table, not the budget).
    fn bytes(&self) -> usize {
        self.examples.iter().map(Example::bytes).sum::<usize>()
            + self.examples.capacity() * std::mem::size_of::<Example>()
    }
}

const NO_SLOT: u32 = u32::MAX;

/// The counts of one phrase.
#[derive(Debug, Clone, Copy)]
struct Entry {
    count: [u32; 2],
    docs: [u32; 2],
    /// Narrator, quoted, scare-quoted.
    voices: [u32; 3],
    capitalized: u32,
    /// Occurrences it may have lost to pruning before it was last added.
    slack: u32,
    /// One bit per outlet id modulo 128.
    outlets: [u64; 2],
    /// Uses by the first outlets to use it: (outlet id, uses).
    tally: [(u32, u32); TRACKED_OUTLETS],
    /// Its text and examples, once it has `min_count` uses ([`NO_SLOT`] before).
    slot: u32,
}

impl Entry {
    fn total(&self) -> u32 {
        self.count[0] + self.count[1]
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
    /// Keyed by [`phrase_key`]: no text is held for phrases below `min_count`.
    table: HashMap<u64, Entry, KeyBuild>,
    slots: Vec<Slot>,
    free: Vec<u32>,
    example_bytes: usize,
    example_min: u32,
    floor: u32,
    pruned: u64,
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
        KeynessBuilder {
            opts,
            table: HashMap::default(),
            slots: Vec::new(),
            free: Vec::new(),
            example_bytes: 0,
            example_min: opts.min_count.max(1),
            floor: 0,
            pruned: 0,
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
        let bit = outlet.map(|id| (((id % 128) / 64) as usize, 1u64 << (id % 64)));
        for gram in &o.grams.grams {
            if self.table.len() >= self.opts.max_phrases.max(2) {
                self.prune();
            }
            let floor = self.floor;
            let e = self.table.entry(gram.key).or_insert(Entry {
                count: [0; 2],
                docs: [0; 2],
                voices: [0; 3],
                capitalized: 0,
                slack: floor,
                outlets: [0; 2],
                tally: [(NO_OUTLET, 0); TRACKED_OUTLETS],
                slot: NO_SLOT,
            });
            e.count[g] += gram.count;
            e.docs[g] += 1;
            for (v, k) in e.voices.iter_mut().zip(gram.voices()) {
                *v += k;
            }
            e.capitalized += gram.capitalized;
            if let Some((w, m)) = bit {
                e.outlets[w] |= m;
            }
            if let Some(id) = outlet {
                if let Some(t) = e.tally.iter_mut().find(|t| t.0 == id || t.0 == NO_OUTLET) {
                    *t = (id, t.1 + gram.count);
                }
            }
            if e.total() < self.opts.min_count.max(1) {
                continue;
            }
            if e.slot == NO_SLOT {
                let slot = Slot {
                    text: phrase_text(&o.text, gram.first).into(),
                    examples: Vec::new(),
                };
                e.slot = match self.free.pop() {
                    Some(k) => {
                        self.slots[k as usize] = slot;
                        k
                    }
                    None => {
                        self.slots.push(slot);
                        (self.slots.len() - 1) as u32
                    }
                };
            }
            if e.total() < self.example_min {
                continue;
            }
            // Which example the occurrence would be: the first, the second, or the second
            // again when both are from one group and this one is from the other.
            let held = &self.slots[e.slot as usize].examples;
            let place = match held.as_slice() {
                [] => 0,
                [_] => 1,
                [a, b, ..] if a.group == b.group && b.group != g => 1,
                _ => continue,
            };
            let (s, t) = (gram.first.0 as usize, gram.first.1 as usize);
            let (a, b) = sentence_bounds(&o.text, s, t);
            let (mut left, mut right, lcut, rcut) =
                context(&o.text[a..b], s - a, t - a, EXAMPLE_WIDTH);
            if lcut {
                left.insert(0, '…');
            }
            if rcut {
                right.push('…');
            }
            let ex = Example {
                article: o.id.clone(),
                group: g,
                left,
                matched: o.text[s..t]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                right,
            };
            let slot = &mut self.slots[e.slot as usize];
            self.example_bytes -= slot.bytes();
            if place < slot.examples.len() {
                slot.examples[place] = ex;
            } else {
                slot.examples.reserve_exact(2);
                slot.examples.push(ex);
            }
            self.example_bytes += slot.bytes();
        }
        while self.example_bytes > self.opts.example_bytes {
            self.raise_example_min();
        }
    }

    /// Drop the rarest phrases until at most half the table is left (see the module docs).
    fn prune(&mut self) {
        let keep = self.opts.max_phrases.max(2) / 2;
        let mut vals: Vec<u32> = self.table.values().map(|e| e.total() + e.slack).collect();
        if vals.len() <= keep {
            return;
        }
        let drop = vals.len() - keep;
        let (_, t, _) = vals.select_nth_unstable(drop - 1);
        self.floor = self.floor.max(*t);
        let floor = self.floor;
        let before = self.table.len();
        let (slots, free, bytes) = (&mut self.slots, &mut self.free, &mut self.example_bytes);
        self.table.retain(|_, e| {
            let keep = e.total() + e.slack > floor;
            if !keep && e.slot != NO_SLOT {
                *bytes -= std::mem::take(&mut slots[e.slot as usize]).bytes();
                free.push(e.slot);
            }
            keep
        });
        self.pruned += (before - self.table.len()) as u64;
    }

    /// Keep examples only for more frequent phrases, to stay within the byte budget.
    fn raise_example_min(&mut self) {
        self.example_min = self.example_min.saturating_mul(2).max(self.example_min + 1);
        let min = self.example_min;
        for e in self.table.values() {
            if e.slot != NO_SLOT && e.total() < min {
                let s = &mut self.slots[e.slot as usize];
                self.example_bytes -= s.bytes();
                s.examples = Vec::new();
            }
        }
    }

    /// Rank the phrases. `names`: the two groups' names; `sides`: a side per group given
    /// by the caller (`None` = read it from the data).
    pub fn finish(
        mut self,
        engine: &Engine,
        names: [String; 2],
        sides: [Option<SideRef>; 2],
    ) -> Keyness {
        let opts = self.opts;
        let n_sides = engine.lexicon.sides.len();
        for sw in &mut self.side_weight {
            sw.resize(n_sides, 0.0);
        }
        let inferred = infer_sides(&self.side_weight);
        let [n0, n1] = names;
        let group = |g: usize, name: String| GroupInfo {
            name,
            articles: self.articles[g],
            words: self.positions[g][0],
            side_weight: self.side_weight[g].clone(),
            side: sides[g].unwrap_or(inferred[g]),
            side_given: sides[g].is_some(),
        };
        let groups = [group(0, n0), group(1, n1)];
        let totals = self.positions;
        let score = |key: &str, e: &Entry| {
            let n = key.split(' ').count();
            let (na, nb) = (totals[0][n - 1] as f64, totals[1][n - 1] as f64);
            let (a, b) = (f64::from(e.count[0]), f64::from(e.count[1]));
            let prior = opts.prior_words * (a + b) / (na + nb).max(1.0);
            let (d, z) = stats::log_odds(a, na, b, nb, prior, opts.prior_words);
            (n, d, z)
        };
        let outlets_in = |g: usize| self.outlet_positions.iter().filter(|p| p[g][0] > 0).count();
        let several = [outlets_in(0) >= 2, outlets_in(1) >= 2];
        let outlet_positions = &self.outlet_positions;
        let mut one_outlet = 0;
        let slots = &self.slots;
        let cands: Vec<(&str, &Entry, usize, f64, f64)> = self
            .table
            .values()
            .filter(|e| {
                e.total() >= opts.min_count
                    && e.slot != NO_SLOT
                    && e.docs[0] + e.docs[1] >= opts.min_docs
                    && (opts.names || e.capitalized * 2 <= e.total())
            })
            .map(|e| {
                let text = &*slots[e.slot as usize].text;
                let (n, d, z) = score(text, e);
                (text, e, n, d, z)
            })
            .filter(|c| {
                let g = usize::from(c.4 < 0.0);
                if !opts.outlet_check || !several[g] || c.4.abs() < opts.min_z {
                    return true;
                }
                let z = z_without_top(c.1, c.2, &totals, outlet_positions, opts.prior_words);
                let holds = z.is_none_or(|z| {
                    if g == 0 {
                        z >= opts.min_z
                    } else {
                        -z >= opts.min_z
                    }
                });
                one_outlet += usize::from(!holds);
                holds
            })
            .collect();
        let candidates = cands.len();
        // Shorter phrases mostly inside a longer ranked one are left out.
        let index: HashMap<&str, usize, FixedState> =
            cands.iter().enumerate().map(|(i, c)| (c.0, i)).collect();
        let mut subsumed = vec![false; cands.len()];
        for c in &cands {
            if c.2 < 2 {
                continue;
            }
            let words: Vec<(usize, usize)> = word_spans(c.0);
            for len in 1..words.len() {
                for s in 0..=words.len() - len {
                    let sub = &c.0[words[s].0..words[s + len - 1].1];
                    if let Some(&j) = index.get(sub) {
                        let p = cands[j].1;
                        let covers = (0..2)
                            .all(|g| u64::from(c.1.count[g]) * 10 >= u64::from(p.count[g]) * 9);
                        if covers {
                            subsumed[j] = true;
                        }
                    }
                }
            }
        }
        let mut keep: Vec<usize> = (0..cands.len()).filter(|&i| !subsumed[i]).collect();
        // Strongest first; ties by phrase, so the order never depends on the table's.
        keep.sort_by(|&i, &j| {
            cands[j]
                .4
                .abs()
                .total_cmp(&cands[i].4.abs())
                .then_with(|| cands[i].0.cmp(cands[j].0))
        });
        let mut names_by_id = vec![""; self.outlets.len()];
        for (name, &id) in &self.outlets {
            names_by_id[id as usize] = name;
        }
        let mut rows = Vec::new();
        for g in 0..2 {
            let chosen = keep
                .iter()
                .copied()
                .filter(|&i| {
                    let z = cands[i].4;
                    if g == 0 {
                        z >= opts.min_z && z > 0.0
                    } else {
                        -z >= opts.min_z && z < 0.0
                    }
                })
                .take(opts.top);
            for i in chosen {
                let (key, e, n, d, z) = cands[i];
                let examples = if e.slot == NO_SLOT {
                    Vec::new()
                } else {
                    let s = &self.slots[e.slot as usize];
                    let mut v = s.examples.clone();
                    // The favoured group's line first.
                    v.sort_by_key(|x| x.group != g);
                    v
                };
                let rate = |k: usize| {
                    let w = self.positions[k][0] as f64;
                    if w == 0.0 {
                        0.0
                    } else {
                        f64::from(e.count[k]) * 1e4 / w
                    }
                };
                rows.push(Row {
                    phrase: key.to_string(),
                    words: n,
                    favours: g,
                    log_odds: d,
                    z,
                    count: e.count,
                    docs: e.docs,
                    per_10k: [rate(0), rate(1)],
                    voices: e.voices,
                    capitalized: e.capitalized,
                    outlets: e.outlets[0].count_ones() + e.outlets[1].count_ones(),
                    z_without_top: z_without_top(e, n, &totals, outlet_positions, opts.prior_words),
                    top_outlet: e
                        .tally
                        .iter()
                        .filter(|t| t.0 != NO_OUTLET)
                        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                        .map(|t| (names_by_id[t.0 as usize].to_string(), t.1)),
                    max_missing: e.slack,
                    lexicon: in_lexicon(engine, key),
                    examples,
                });
            }
        }
        Keyness {
            groups,
            other: self.other,
            options: opts,
            rows,
            candidates,
            distinct: self.table.len(),
            pruned: self.pruned,
            floor: self.floor,
            outlets_exact: self.outlets.len() <= 128,
            outlets_seen: !self.outlets.is_empty(),
            one_outlet,
        }
    }
}

/// The z-score of an `n`-word phrase without the uses and words of its top outlet (the
/// tracked outlet with most uses); `None` without a tracked outlet, or when that outlet
/// has articles in both groups.
fn z_without_top(
    e: &Entry,
    n: usize,
    totals: &[[u64; MAX_N]; 2],
    outlet_positions: &[[[u64; MAX_N]; 2]],
    prior_words: f64,
) -> Option<f64> {
    let top = e
        .tally
        .iter()
        .filter(|t| t.0 != NO_OUTLET)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let pos = outlet_positions.get(top.0 as usize)?;
    let g = match (pos[0][n - 1] > 0, pos[1][n - 1] > 0) {
        (true, false) => 0,
        (false, true) => 1,
        _ => return None,
    };
    let mut count = [f64::from(e.count[0]), f64::from(e.count[1])];
    let mut tot = [totals[0][n - 1] as f64, totals[1][n - 1] as f64];
    count[g] = (count[g] - f64::from(top.1)).max(0.0);
    tot[g] = (tot[g] - pos[g][n - 1] as f64).max(0.0);
    let prior = prior_words * (count[0] + count[1]) / (tot[0] + tot[1]).max(1.0);
    Some(stats::log_odds(count[0], tot[0], count[1], tot[1], prior, prior_words).1)
}

/// The sentence around `s..t` of `text`: from just after the last `.`, `?` or `!` that
/// ends a sentence before it (followed, perhaps after closing quotation marks, by white
/// space), or the start of its line, to the first such mark after it (with its quotation
/// marks), or the end of its line. Abbreviations ("U.S. officials") may end a sentence
/// early; the phrase is always inside.
fn sentence_bounds(text: &str, s: usize, t: usize) -> (usize, usize) {
    let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[t..].find('\n').map_or(text.len(), |i| t + i);
    let closing = |c: char| matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')');
    // Where the sentence that starts after an end mark at `i` begins, if `i` ends one.
    let ends_at = |i: usize| -> Option<usize> {
        let mut j = i + 1;
        for c in text[j..line_end.max(j)].chars() {
            if closing(c) {
                j += c.len_utf8();
                continue;
            }
            return c.is_whitespace().then_some(j);
        }
        Some(j)
    };
    let mut start = line_start;
    for (i, c) in text[line_start..s].char_indices() {
        if matches!(c, '.' | '?' | '!') {
            if let Some(j) = ends_at(line_start + i) {
                start = j;
            }
        }
    }
    let mut end = line_end;
    for (i, c) in text[t..line_end].char_indices() {
        if matches!(c, '.' | '?' | '!') {
            if let Some(j) = ends_at(t + i) {
                end = j;
                break;
            }
        }
    }
    let start = start.min(s);
    // Leading white space of the sentence is not part of it.
    let start = start + (text[start..s].len() - text[start..s].trim_start().len());
    (start, end.max(t))
}

/// Byte spans of the words of a phrase (words are separated by single spaces).
fn word_spans(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, b) in p.bytes().enumerate() {
        if b == b' ' {
            out.push((s, i));
            s = i + 1;
        }
    }
    out.push((s, p.len()));
    out
}

/// The side each group leans to: for group 0, the side whose share of the group's loaded
/// weight most exceeds its share in group 1 (and the other way round); `None` when no
/// side does (no loaded terms, or equal shares).
pub fn infer_sides(weights: &[Vec<f64>; 2]) -> [SideRef; 2] {
    let share = |w: &[f64]| -> Vec<f64> {
        let t: f64 = w.iter().sum();
        w.iter()
            .map(|x| if t > 0.0 { x / t } else { 0.0 })
            .collect()
    };
    let (a, b) = (share(&weights[0]), share(&weights[1]));
    let best = |x: &[f64], y: &[f64]| -> SideRef {
        let mut best: Option<(usize, f64)> = None;
        for (i, (p, q)) in x.iter().zip(y).enumerate() {
            let d = p - q;
            if d > 1e-12 && best.is_none_or(|(_, b)| d > b) {
                best = Some((i, d));
            }
        }
        best.map(|(i, _)| i)
    };
    [best(&a, &b), best(&b, &a)]
}

/// Whether the lexicon already matches `phrase`, wholly or in part.
pub fn in_lexicon(engine: &Engine, phrase: &str) -> Option<InLexicon> {
    let norm = Normalized::new(phrase);
    let hits = engine.matcher().find(phrase, &norm);
    if let Some(h) = hits.iter().find(|h| h.start == 0 && h.end == phrase.len()) {
        return Some(InLexicon::Term {
            concept: h.concept,
            variant: h.variant,
        });
    }
    hits.first().map(|h| InLexicon::Contains {
        concept: h.concept,
        variant: h.variant,
        text: phrase[h.start..h.end].to_string(),
    })
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
        let (d, z) = stats::log_odds(6.0, na, 0.0, nb, prior, 1000.0);
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
            assert!(b.table.len() <= 40);
        }
        assert!(b.pruned > 0 && b.floor >= 1);
        // The recurring phrase survived every prune with exact counts; the unique words
        // of early articles are gone.
        let bc = b.table[&phrase_key("border crisis")];
        assert_eq!((bc.count, bc.slack), ([15, 15], 0));
        assert!(!b.table.contains_key(&phrase_key("word0a")));
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
        assert!(b.example_bytes <= 2_000);
        assert!(b.example_min > 1);
        let held: usize = b.slots.iter().map(Slot::bytes).sum();
        assert_eq!(held, b.example_bytes, "the byte count is kept exactly");
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

    #[test]
    fn examples_are_cut_to_their_sentence() {
        let t = "Title here\n\nFirst one. The “border crisis.” grew again! Last U.S. bit.";
        let s = t.find("border").unwrap();
        let (a, b) = sentence_bounds(t, s, s + "border crisis".len());
        assert_eq!(&t[a..b], "The “border crisis.”");
        let s = t.find("grew").unwrap();
        assert_eq!(
            &t[sentence_bounds(t, s, s + 4).0..sentence_bounds(t, s, s + 4).1],
            "grew again!"
        );
        let s = t.find("here").unwrap();
        assert_eq!(sentence_bounds(t, s, s + 4), (0, 10));
        let s = t.find("bit").unwrap();
        let (a, b) = sentence_bounds(t, s, s + 3);
        assert_eq!(&t[a..b], "bit.");
    }

    #[test]
    fn sides_follow_the_larger_share() {
        let w = [vec![1.0, 3.0], vec![3.0, 1.0]];
        assert_eq!(infer_sides(&w), [Some(1), Some(0)]);
        assert_eq!(infer_sides(&[vec![0.0, 0.0], vec![0.0, 0.0]]), [None, None]);
    }
}
