//! What the renderers pick out of analyses for a reader: the loaded words an article used
//! most, its most-quoted speakers, a short label for it in a set, and the word-choice
//! matrix of a set (the variant each article, or each outlet, used most per concept).
//! Shared by the charts' data (`cards`), the HTML pages and `summary.csv`, so every output
//! picks alike. Above [`GROUP_ABOVE`] articles a set is shown by outlet ([`outlet_groups`]).

use crate::analysis::{Analysis, Engine};
use crate::quotes::QuoteKind;
use crate::quotes::QuoteSide;
use crate::report::chart::MatrixCell;
use crate::report::format::ellipsize;

/// The `n` loaded (non-neutral) variants used most, as `(label, side, count)`, by count then
/// label.
pub(crate) fn top_terms(engine: &Engine, a: &Analysis, n: usize) -> Vec<(String, usize, u32)> {
    let mut all = Vec::new();
    for cu in &a.concepts {
        let c = &engine.lexicon.concepts[cu.concept];
        for v in &cu.variants {
            let variant = &c.variants[v.variant];
            if let Some(side) = variant.side {
                all.push((variant.label.clone(), side, v.count));
            }
        }
    }
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

/// The `n` charged words (tone concepts) an article used most, as `(word as written,
/// count)`, by count then word.
pub(crate) fn top_tone(engine: &Engine, a: &Analysis, n: usize) -> Vec<(String, u32)> {
    let mut all: Vec<(String, u32)> = Vec::new();
    for t in a
        .terms
        .iter()
        .filter(|t| engine.lexicon.concepts[t.concept].tone)
    {
        let w = t.text(&a.article.text).to_lowercase();
        match all.iter_mut().find(|x| x.0 == w) {
            Some(x) => x.1 += 1,
            None => all.push((w, 1)),
        }
    }
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

/// The `n` speakers of speech quotations with the most quoted words, as
/// `(name, side, words)`, by words then name.
pub(crate) fn top_speakers(a: &Analysis, n: usize) -> Vec<(String, QuoteSide, u32)> {
    let mut all: Vec<(String, QuoteSide, u32)> = Vec::new();
    for q in a.quotes.iter().filter(|q| q.kind == QuoteKind::Speech) {
        let Some(sp) = &q.speaker else { continue };
        match all.iter_mut().find(|x| &x.0 == sp) {
            Some(x) => x.2 += q.words,
            None => all.push((sp.clone(), q.side, q.words)),
        }
    }
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

/// A short label for an article in a set: its outlet, else its title shortened, else its id.
pub(crate) fn short_label(a: &Analysis) -> String {
    if let Some(o) = a.article.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        return o.trim().to_string();
    }
    let title = ellipsize(&a.article.title, 32);
    if title.is_empty() {
        a.article.id.clone()
    } else {
        title
    }
}

/// Above this many articles, the comparison chart and the word-choice matrix show one row
/// or column per outlet instead of one per article.
pub const GROUP_ABOVE: usize = 25;

/// The articles of one outlet in a set.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletGroup {
    /// The outlet's name, or "no outlet given".
    pub label: String,
    /// Indices into the set, in input order.
    pub members: Vec<usize>,
}

/// The outlets of a set, the one with the most articles first (ties: the first to appear),
/// each with its articles; the articles that name no outlet are one group, last.
pub fn outlet_groups(analyses: &[Analysis]) -> Vec<OutletGroup> {
    // `sort_by` is stable: equal sizes keep the order of first appearance.
    let mut groups: Vec<OutletGroup> = Vec::new();
    let mut none: Vec<usize> = Vec::new();
    for (i, a) in analyses.iter().enumerate() {
        match a
            .article
            .outlet
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
        {
            Some(o) => match groups.iter_mut().find(|g| g.label == o) {
                Some(g) => g.members.push(i),
                None => groups.push(OutletGroup {
                    label: o.to_string(),
                    members: vec![i],
                }),
            },
            None => none.push(i),
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
    if !none.is_empty() {
        groups.push(OutletGroup {
            label: if groups.is_empty() {
                "all articles (no outlet given)".to_string()
            } else {
                "no outlet given".to_string()
            },
            members: none,
        });
    }
    groups
}

/// Concepts used by at least one article (most articles first, then lexicon order), with
/// the main variant each article used.
pub(crate) fn word_matrix(
    engine: &Engine,
    analyses: &[Analysis],
) -> Vec<(usize, Vec<Option<MatrixCell>>)> {
    let columns: Vec<Vec<&Analysis>> = analyses.iter().map(|a| vec![a]).collect();
    word_matrix_of(engine, &columns)
}

/// [`word_matrix`] with one column per group of articles (an outlet's): the variant the
/// group's articles used most, counted over all of them.
pub(crate) fn word_matrix_of(
    engine: &Engine,
    columns: &[Vec<&Analysis>],
) -> Vec<(usize, Vec<Option<MatrixCell>>)> {
    let l = &engine.lexicon;
    let mut rows: Vec<(usize, Vec<Option<MatrixCell>>, usize)> = Vec::new();
    for ci in (0..l.concepts.len()).filter(|&ci| !l.concepts[ci].tone) {
        let cells: Vec<Option<MatrixCell>> = columns
            .iter()
            .map(|group| {
                // (variant, count, narrator), summed over the group.
                let mut used: Vec<(usize, u32, u32)> = Vec::new();
                for a in group {
                    let Some(cu) = a.concepts.iter().find(|c| c.concept == ci) else {
                        continue;
                    };
                    for v in &cu.variants {
                        match used.iter_mut().find(|u| u.0 == v.variant) {
                            Some(u) => {
                                u.1 += v.count;
                                u.2 += v.narrator;
                            }
                            None => used.push((v.variant, v.count, v.narrator)),
                        }
                    }
                }
                // The variant used most (ties: the one in the outlet's own voice, then
                // the first), as `ConceptUse::main_variant` picks for one article.
                let best = used
                    .iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(b.0.cmp(&a.0)))?;
                let variant = &l.concepts[ci].variants[best.0];
                Some(MatrixCell {
                    variant: variant.label.clone(),
                    side: variant.side,
                })
            })
            .collect();
        let used = cells.iter().filter(|c| c.is_some()).count();
        // A concept is worth a row when articles chose differently or used a loaded variant.
        let loaded = cells.iter().flatten().any(|c| c.side.is_some());
        if used > 0 && (loaded || used > 1) {
            rows.push((ci, cells, used));
        }
    }
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    rows.into_iter().map(|(c, cells, _)| (c, cells)).collect()
}
