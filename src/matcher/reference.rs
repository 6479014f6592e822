//! The matching semantics written the slow, obvious way, which the tests (and the
//! property tests) compare the trie and the automata against.

use super::boundary::{crosses_blank_line, left_ok, right_ok, same_letters};
use crate::lexicon::term_forms;
use crate::lexicon::Lexicon;
use crate::text::normalize::Normalized;

/// The matching semantics written the slow, obvious way: try every term form at every
/// character position, keep those with word boundaries (and, for a phrase, within one
/// paragraph), then take leftmost-longest greedily.
/// Used by tests (and benchmarks) to check the automaton path.
pub fn reference_find(lexicon: &Lexicon, original: &str) -> Vec<(usize, usize, usize, usize)> {
    let norm = Normalized::new(original);
    let h = norm.text.as_str();
    let mut seen = std::collections::HashSet::new();
    let mut forms = Vec::new();
    // Topic concepts claim a shared form before tone concepts, as in `Matcher::new`.
    for (ci, c) in super::match_order(lexicon) {
        for (vi, v) in c.variants.iter().enumerate() {
            for t in &v.terms {
                for f in term_forms(t) {
                    if !f.is_empty() && seen.insert(f.clone()) {
                        forms.push((f, ci, vi, v.case_sensitive, t.clone()));
                    }
                }
            }
        }
    }
    let mut cands = Vec::new();
    for (i, _) in h.char_indices() {
        for (f, ci, vi, cs, t) in &forms {
            if h[i..].starts_with(f.as_str()) && left_ok(h, i) && right_ok(h, i + f.len()) {
                let (os, oe) = norm.original_range(i, i + f.len());
                if *cs && !same_letters(&original[os..oe], t) {
                    continue;
                }
                if f.contains(' ') && crosses_blank_line(&original[os..oe]) {
                    continue;
                }
                cands.push((i, i + f.len(), *ci, *vi));
            }
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    for c in cands {
        if out.last().is_none_or(|l| c.0 >= l.1) {
            out.push(c);
        }
    }
    out.into_iter()
        .map(|(s, e, c, v)| {
            let (os, oe) = norm.original_range(s, e);
            (os, oe, c, v)
        })
        .collect()
}
