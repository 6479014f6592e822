//! One shard of the keyness phrase table: the counts of the phrases whose key falls in it,
//! the text and example lines of those used `min_count` times, and the pruning that keeps
//! it within its share of `max_phrases` (lossy counting; see the parent module).
//!
//! The table is cut into [`SHARDS`] shards by key, a fixed number, so the builder can fill
//! them in parallel and every run gives the same counts whatever the number of threads:
//! each shard takes the articles in input order and prunes on its own.

use std::collections::HashMap;

use super::{Example, Observation, EXAMPLE_WIDTH, TRACKED_OUTLETS};
use crate::authoring::kwic::context;
use crate::authoring::ngrams::{phrase_text, KeyBuild};

/// How many shards the phrase table is cut into.
pub(super) const SHARDS: usize = 8;

/// No slot yet.
pub(super) const NO_SLOT: u32 = u32::MAX;

/// No outlet (an empty tally place).
pub(super) const NO_OUTLET: u32 = u32::MAX;

/// The shard of a key: bits the table's own hashing leaves alone (it takes a bucket from
/// the low bits and a tag from the top seven).
pub(super) fn shard_of(key: u64) -> usize {
    ((key >> 40) as usize) % SHARDS
}

/// The text of a phrase used `min_count` times, and up to two example lines.
#[derive(Debug, Default)]
pub(super) struct Slot {
    pub(super) text: Box<str>,
    /// At most two (a `Vec`: most phrases held never get one, and an empty `Vec` is
    /// three words where two inline examples would be thirty).
    pub(super) examples: Vec<Example>,
}

impl Slot {
    /// Bytes of its example lines (the text is bounded by the table, not the budget).
    pub(super) fn bytes(&self) -> usize {
        self.examples.iter().map(Example::bytes).sum::<usize>()
            + self.examples.capacity() * std::mem::size_of::<Example>()
    }
}

/// The counts of one phrase.
#[derive(Debug, Clone, Copy)]
pub(super) struct Entry {
    pub(super) count: [u32; 2],
    pub(super) docs: [u32; 2],
    /// Narrator, quoted, scare-quoted.
    pub(super) voices: [u32; 3],
    pub(super) capitalized: u32,
    /// Occurrences it may have lost to pruning before it was last added.
    pub(super) slack: u32,
    /// One bit per outlet id modulo 128.
    pub(super) outlets: [u64; 2],
    /// Uses by the first outlets to use it: (outlet id, uses).
    pub(super) tally: [(u32, u32); TRACKED_OUTLETS],
    /// Its text and examples, once it has `min_count` uses ([`NO_SLOT`] before).
    pub(super) slot: u32,
}

impl Entry {
    pub(super) fn total(&self) -> u32 {
        self.count[0] + self.count[1]
    }

    /// The tracked outlet with most uses (ties: the lower id), and its uses.
    pub(super) fn top_outlet(&self) -> Option<(u32, u32)> {
        self.tally
            .iter()
            .filter(|t| t.0 != NO_OUTLET)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .copied()
    }
}

/// What the builder worked out about an article before the shards take its phrases.
#[derive(Debug, Clone, Copy)]
pub(super) struct ArticleInfo {
    /// 0 or 1.
    pub(super) group: usize,
    /// Its outlet's id, if it names one.
    pub(super) outlet: Option<u32>,
}

/// One shard (see the module docs).
#[derive(Debug)]
pub(super) struct Shard {
    /// Keyed by `phrase_key`: no text is held for phrases below `min_count`.
    pub(super) table: HashMap<u64, Entry, KeyBuild>,
    pub(super) slots: Vec<Slot>,
    free: Vec<u32>,
    pub(super) example_bytes: usize,
    pub(super) example_min: u32,
    pub(super) floor: u32,
    pub(super) pruned: u64,
    max_phrases: usize,
    example_budget: usize,
    min_count: u32,
}

impl Shard {
    /// A shard holding at most `max_phrases` phrases and `example_budget` bytes of
    /// examples, keeping the text of phrases used `min_count` times.
    pub(super) fn new(max_phrases: usize, example_budget: usize, min_count: u32) -> Shard {
        Shard {
            table: HashMap::default(),
            slots: Vec::new(),
            free: Vec::new(),
            example_bytes: 0,
            example_min: min_count.max(1),
            floor: 0,
            pruned: 0,
            max_phrases: max_phrases.max(2),
            example_budget,
            min_count: min_count.max(1),
        }
    }

    /// Add the phrases of `o` that fall in shard `me`.
    pub(super) fn add(&mut self, me: usize, o: &Observation, info: ArticleInfo) {
        let g = info.group;
        let bit = info
            .outlet
            .map(|id| (((id % 128) / 64) as usize, 1u64 << (id % 64)));
        // `observe` sorted the phrases by shard: this shard's are one run.
        let all = &o.grams.grams;
        debug_assert!(all
            .windows(2)
            .all(|w| shard_of(w[0].key) <= shard_of(w[1].key)));
        let from = all.partition_point(|x| shard_of(x.key) < me);
        let to = from + all[from..].partition_point(|x| shard_of(x.key) == me);
        for gram in &all[from..to] {
            if self.table.len() >= self.max_phrases {
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
            if let Some(id) = info.outlet {
                if let Some(t) = e.tally.iter_mut().find(|t| t.0 == id || t.0 == NO_OUTLET) {
                    *t = (id, t.1 + gram.count);
                }
            }
            if e.total() < self.min_count {
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
            let ex = example(o, g, gram.first);
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
        while self.example_bytes > self.example_budget {
            self.raise_example_min();
        }
    }

    /// Drop the rarest phrases until at most half the shard is left (see the parent
    /// module's docs).
    fn prune(&mut self) {
        let keep = self.max_phrases / 2;
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
}

/// The example line of the use of a phrase at `span` of `o`: its sentence, at most
/// [`EXAMPLE_WIDTH`] characters each side, `…` where cut.
fn example(o: &Observation, group: usize, span: (u32, u32)) -> Example {
    let (s, t) = (span.0 as usize, span.1 as usize);
    let (a, b) = sentence_bounds(&o.text, s, t);
    let (mut left, mut right, lcut, rcut) = context(&o.text[a..b], s - a, t - a, EXAMPLE_WIDTH);
    if lcut {
        left.insert(0, '…');
    }
    if rcut {
        right.push('…');
    }
    Example {
        article: o.id.clone(),
        group,
        left,
        matched: o.text[s..t]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        right,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_cut_to_their_sentence() {
        let t = "Title here\n\nFirst one. The “border crisis.” grew again! Last U.S. bit.";
        let span = |w: &str, n: usize| {
            let s = t.find(w).unwrap();
            let (a, b) = sentence_bounds(t, s, s + n);
            &t[a..b]
        };
        assert_eq!(
            span("border", "border crisis".len()),
            "The “border crisis.”"
        );
        assert_eq!(span("grew", 4), "grew again!");
        assert_eq!(span("here", 4), "Title here");
        // "U.S." ends a sentence here: the phrase is inside whatever is cut.
        assert_eq!(span("bit", 3), "bit.");
    }

    #[test]
    fn shards_split_keys_evenly() {
        let mut n = [0usize; SHARDS];
        for i in 0..8000 {
            n[shard_of(crate::authoring::ngrams::phrase_key(&format!("w{i}")))] += 1;
        }
        assert!(n.iter().all(|&k| (800..1200).contains(&k)), "{n:?}");
    }
}
