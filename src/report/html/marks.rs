//! What a page marks in an article's text, decided once for the text and the ledger
//! alike: a term that counts for a side (or was moved to one by scare quotes or
//! distancing) is highlighted in its side's style and footnoted with its ledger row; a
//! charged word of a tone concept gets a dotted grey underline and no footnote (it counts
//! for no side, and the Tone box lists it); a neutral term (the plain word, such as
//! "deportation") is left unmarked unless the reader asks for it (`--show-neutral`), when
//! it is shaded grey and footnoted like a loaded one.
//!
//! Footnotes are numbered 1, 2, 3… over the marked terms in text order, so hiding the
//! neutral terms leaves no gaps.

use crate::analysis::{Analysis, Engine};
use crate::attribute::TermHit;

/// How one term hit is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// Highlighted, with footnote and ledger row `n` (1-based).
    Footnoted(usize),
    /// A charged (tone) word: underlined, no footnote, no ledger row.
    Tone,
    /// Not marked.
    Hidden,
}

/// True for a term that counts for a side, or was listed as one.
pub(super) fn is_loaded(t: &TermHit) -> bool {
    t.side.is_some() || t.counted_side.is_some()
}

/// The mark of every term hit of `a`, in `a.terms` order.
pub(super) fn marks(engine: &Engine, a: &Analysis, show_neutral: bool) -> Vec<Mark> {
    let mut n = 0;
    a.terms
        .iter()
        .map(|t| {
            if engine.lexicon.concepts[t.concept].tone && !is_loaded(t) {
                Mark::Tone
            } else if is_loaded(t) || show_neutral {
                n += 1;
                Mark::Footnoted(n)
            } else {
                Mark::Hidden
            }
        })
        .collect()
}
