//! Ranking the counted phrases (see the parent module's docs): the log-odds of each
//! candidate, the one-outlet check, leaving out phrases subsumed by a longer one, the rows
//! of each group, and the sides the groups lean to.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::shard::{Entry, Slot, NO_OUTLET, NO_SLOT};
use super::{GroupInfo, InLexicon, Keyness, KeynessBuilder, Row, MAX_N};
use crate::analysis::Engine;
use crate::lexicon::SideRef;
use crate::stats;
use crate::text::normalize::Normalized;

/// A phrase that met the count thresholds: its text, counts, slot, words, δ and z.
struct Cand<'a> {
    text: &'a str,
    e: &'a Entry,
    slot: &'a Slot,
    n: usize,
    delta: f64,
    z: f64,
}

/// Rank what `b` counted (see [`KeynessBuilder::finish`]).
pub(super) fn finish(
    mut b: KeynessBuilder,
    engine: &Engine,
    names: [String; 2],
    sides: [Option<SideRef>; 2],
) -> Keyness {
    let opts = b.opts;
    let n_sides = engine.lexicon.sides.len();
    for sw in &mut b.side_weight {
        sw.resize(n_sides, 0.0);
    }
    let inferred = infer_sides(&b.side_weight);
    let [n0, n1] = names;
    let group = |g: usize, name: String| GroupInfo {
        name,
        articles: b.articles[g],
        words: b.positions[g][0],
        side_weight: b.side_weight[g].clone(),
        side: sides[g].unwrap_or(inferred[g]),
        side_given: sides[g].is_some(),
    };
    let groups = [group(0, n0), group(1, n1)];
    let totals = b.positions;
    let outlets_in = |g: usize| b.outlet_positions.iter().filter(|p| p[g][0] > 0).count();
    let several = [outlets_in(0) >= 2, outlets_in(1) >= 2];
    let outlet_positions = &b.outlet_positions;
    let mut one_outlet = 0;
    let mut cands: Vec<Cand> = Vec::new();
    for sh in &b.shards {
        for e in sh.table.values() {
            let eligible = e.total() >= opts.min_count
                && e.slot != NO_SLOT
                && e.docs[0] + e.docs[1] >= opts.min_docs
                && (opts.names || e.capitalized * 2 <= e.total());
            if !eligible {
                continue;
            }
            let slot = &sh.slots[e.slot as usize];
            let text = &*slot.text;
            let n = text.split(' ').count();
            let (na, nb) = (totals[0][n - 1] as f64, totals[1][n - 1] as f64);
            let (x, y) = (f64::from(e.count[0]), f64::from(e.count[1]));
            let prior = opts.prior_words * (x + y) / (na + nb).max(1.0);
            let (delta, z) = stats::log_odds(x, na, y, nb, prior, opts.prior_words);
            let g = usize::from(z < 0.0);
            if opts.outlet_check && several[g] && z.abs() >= opts.min_z {
                let zt = z_without_top(e, n, &totals, outlet_positions, opts.prior_words);
                let holds = zt.is_none_or(|zt| {
                    if g == 0 {
                        zt >= opts.min_z
                    } else {
                        -zt >= opts.min_z
                    }
                });
                if !holds {
                    one_outlet += 1;
                    continue;
                }
            }
            cands.push(Cand {
                text,
                e,
                slot,
                n,
                delta,
                z,
            });
        }
    }
    let candidates = cands.len();
    let subsumed = subsumed(&cands);
    let mut keep: Vec<usize> = (0..cands.len()).filter(|&i| !subsumed[i]).collect();
    // Strongest first; ties by phrase, so the order never depends on the table's.
    keep.sort_by(|&i, &j| {
        cands[j]
            .z
            .abs()
            .total_cmp(&cands[i].z.abs())
            .then_with(|| cands[i].text.cmp(cands[j].text))
    });
    let mut names_by_id = vec![""; b.outlets.len()];
    for (name, &id) in &b.outlets {
        names_by_id[id as usize] = name;
    }
    let mut rows = Vec::new();
    for g in 0..2 {
        let chosen = keep
            .iter()
            .map(|&i| &cands[i])
            .filter(|c| {
                if g == 0 {
                    c.z >= opts.min_z && c.z > 0.0
                } else {
                    -c.z >= opts.min_z && c.z < 0.0
                }
            })
            .take(opts.top);
        for c in chosen {
            let e = c.e;
            let mut examples = c.slot.examples.clone();
            // The favoured group's line first.
            examples.sort_by_key(|x| x.group != g);
            let rate = |k: usize| {
                let w = b.positions[k][0] as f64;
                if w == 0.0 {
                    0.0
                } else {
                    f64::from(e.count[k]) * 1e4 / w
                }
            };
            rows.push(Row {
                phrase: c.text.to_string(),
                words: c.n,
                favours: g,
                log_odds: c.delta,
                z: c.z,
                count: e.count,
                docs: e.docs,
                per_10k: [rate(0), rate(1)],
                voices: e.voices,
                capitalized: e.capitalized,
                outlets: e.outlets[0].count_ones() + e.outlets[1].count_ones(),
                z_without_top: z_without_top(e, c.n, &totals, outlet_positions, opts.prior_words),
                top_outlet: e
                    .top_outlet()
                    .map(|t| (names_by_id[t.0 as usize].to_string(), t.1)),
                max_missing: e.slack,
                lexicon: in_lexicon(engine, c.text),
                examples,
            });
        }
    }
    Keyness {
        groups,
        other: b.other,
        options: opts,
        rows,
        candidates,
        distinct: b.shards.iter().map(|s| s.table.len()).sum(),
        pruned: b.shards.iter().map(|s| s.pruned).sum(),
        floor: b.shards.iter().map(|s| s.floor).max().unwrap_or(0),
        outlets_exact: b.outlets.len() <= 128,
        outlets_seen: !b.outlets.is_empty(),
        one_outlet,
    }
}

/// Which candidates a longer candidate holding them accounts for: 90% or more of their
/// uses in each group.
fn subsumed(cands: &[Cand]) -> Vec<bool> {
    let index: HashMap<&str, usize, FixedState> =
        cands.iter().enumerate().map(|(i, c)| (c.text, i)).collect();
    let mut out = vec![false; cands.len()];
    for c in cands.iter().filter(|c| c.n >= 2) {
        let words = word_spans(c.text);
        for len in 1..words.len() {
            for s in 0..=words.len() - len {
                let sub = &c.text[words[s].0..words[s + len - 1].1];
                if let Some(&j) = index.get(sub) {
                    let p = cands[j].e;
                    let covers =
                        (0..2).all(|g| u64::from(c.e.count[g]) * 10 >= u64::from(p.count[g]) * 9);
                    if covers {
                        out[j] = true;
                    }
                }
            }
        }
    }
    out
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
    let top = e.top_outlet()?;
    debug_assert_ne!(top.0, NO_OUTLET);
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

    #[test]
    fn sides_follow_the_larger_share() {
        let w = [vec![1.0, 3.0], vec![3.0, 1.0]];
        assert_eq!(infer_sides(&w), [Some(1), Some(0)]);
        assert_eq!(infer_sides(&[vec![0.0, 0.0], vec![0.0, 0.0]]), [None, None]);
        // Three sides: each group gets the side its share most exceeds the other's by.
        let w = [vec![2.0, 1.0, 1.0], vec![1.0, 1.0, 2.0]];
        assert_eq!(infer_sides(&w), [Some(0), Some(2)]);
    }

    #[test]
    fn word_spans_split_at_single_spaces() {
        assert_eq!(word_spans("a bc d"), [(0, 1), (2, 4), (5, 6)]);
        assert_eq!(word_spans("word"), [(0, 4)]);
    }
}
