//! What the attribution rules read and return. A [`Site`] is what the driver measures once
//! about a quotation (its sentence, what stands before it, where its after-words end); a
//! finder returns the [`Found`] speaker phrase it read; [`Credit`] is that phrase resolved
//! and labelled; [`Attr`] is what each quotation ends up with, which later rules read
//! (continuations, pronoun antecedents).

use crate::quotes::framing::Framing;
use crate::quotes::np::Np;
use crate::quotes::quote::QuoteKind;
use crate::quotes::rule::Rule;
use crate::quotes::speaker::Resolved;

/// Where quotation `i` sits, measured once before any rule runs.
#[derive(Debug, Clone, Copy)]
pub(in crate::quotes) struct Site {
    /// Index of the quotation.
    pub(in crate::quotes) i: usize,
    /// Where the previous quotation closes (0 for the first).
    pub(in crate::quotes) prev_close: usize,
    /// Start of the words before the quotation in its sentence, after the previous
    /// quotation.
    pub(in crate::quotes) before: usize,
    /// No letter or digit between `before` and the opening mark: the quotation opens its
    /// sentence.
    pub(in crate::quotes) stands_alone: bool,
    /// A candidate term (see `classify.rs`): such a quotation is no previous sentence's.
    pub(in crate::quotes) candidate_term: bool,
    /// End of the sentence after the closing mark (bounded by the paragraph, the next
    /// quotation and `MAX_FWD`): the words `verb_after` reads.
    pub(in crate::quotes) after_end: usize,
}

/// A speaker phrase a finder read, before it is resolved.
#[derive(Debug, Clone)]
pub(in crate::quotes) struct Found {
    pub(in crate::quotes) np: Np,
    /// An appositive came with the phrase.
    pub(in crate::quotes) appos: bool,
    /// Byte span of the cue.
    pub(in crate::quotes) cue: Option<(usize, usize)>,
    /// How the cue frames the words.
    pub(in crate::quotes) framing: Option<Framing>,
    /// The finder's id (the label may end up more specific).
    pub(in crate::quotes) rule: Rule,
    /// Where a pronoun's antecedent is looked for before.
    pub(in crate::quotes) anchor: usize,
}

/// The outcome of the rules for one quotation: the speaker, the cue, the label.
#[derive(Debug, Clone)]
pub(in crate::quotes) struct Credit<'a> {
    pub(in crate::quotes) speaker: Option<Resolved<'a>>,
    pub(in crate::quotes) cue: Option<(usize, usize)>,
    pub(in crate::quotes) framing: Option<Framing>,
    pub(in crate::quotes) rule: Rule,
    /// Found by the words after the quotation (`verb_after`), speaker or not.
    pub(in crate::quotes) via_after: bool,
}

impl<'a> Credit<'a> {
    /// No rule named anybody.
    pub(in crate::quotes) fn unattributed() -> Credit<'a> {
        Credit {
            speaker: None,
            cue: None,
            framing: None,
            rule: Rule::Unattributed,
            via_after: false,
        }
    }

    /// The speaker of the quotation this one continues.
    pub(in crate::quotes) fn continuation(speaker: Resolved<'a>) -> Credit<'a> {
        Credit {
            speaker: Some(speaker),
            cue: None,
            framing: None,
            rule: Rule::Continuation,
            via_after: false,
        }
    }
}

/// The attribution of one quotation.
#[derive(Debug, Clone)]
pub(in crate::quotes) struct Attr<'a> {
    pub(in crate::quotes) kind: QuoteKind,
    pub(in crate::quotes) speaker: Option<Resolved<'a>>,
    pub(in crate::quotes) cue: Option<(usize, usize)>,
    pub(in crate::quotes) framing: Option<Framing>,
    pub(in crate::quotes) rule: Rule,
    /// Attributed by the words after it (then `after_end` is where they end).
    pub(in crate::quotes) via_after: bool,
    /// End of the quotation's attribution: the end of its after-words, else its close.
    pub(in crate::quotes) after_end: usize,
}

impl<'a> Attr<'a> {
    /// A term quotation closing at `close`.
    pub(in crate::quotes) fn term(close: usize) -> Attr<'a> {
        Attr {
            kind: QuoteKind::Term,
            speaker: None,
            cue: None,
            framing: None,
            rule: Rule::TermQuote,
            via_after: false,
            after_end: close,
        }
    }
}
