//! What the quote finder returns: one [`Quote`] per quotation, with its [`QuoteKind`], the
//! [`Rule`] that named its speaker and the [`QuoteSide`] that speaker counts for. Plain
//! data: finding, pairing and attributing quotations happen elsewhere in this folder, and
//! turning a side into the words a reader sees is the renderers' job.

use super::framing::Framing;
use super::rule::Rule;
use crate::lexicon::{Lexicon, SideRef};

/// Whether a quotation is somebody's words or a scare-quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Somebody's words: a full or partial quotation.
    Speech,
    /// A scare-quoted term, coined label or idiom (no speaker).
    Term,
}

/// Who a quotation counts for, resolved once when the roster is built: the side of a
/// roster actor, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSide {
    /// A roster actor on this side (an index into the lexicon's sides).
    Side(usize),
    /// A roster actor the lexicon calls neutral.
    Neutral,
    /// A named speaker who is not in the roster.
    Unaligned,
    /// Nobody was named (always so for a [`QuoteKind::Term`]).
    Unattributed,
}

impl QuoteSide {
    /// The side a roster actor's quotations count for: its lexicon side, or neutral.
    pub fn of_actor(side: SideRef) -> QuoteSide {
        match side {
            Some(i) => QuoteSide::Side(i),
            None => QuoteSide::Neutral,
        }
    }

    /// The id written in outputs: the side's id, `"neutral"` or `"unaligned"`; `None`
    /// when unattributed.
    pub fn id(self, lexicon: &Lexicon) -> Option<&str> {
        match self {
            QuoteSide::Side(i) => Some(lexicon.side_id(Some(i))),
            QuoteSide::Neutral => Some("neutral"),
            QuoteSide::Unaligned => Some("unaligned"),
            QuoteSide::Unattributed => None,
        }
    }
}

/// One quotation found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (exclusive); for an unclosed
    /// quote, the end of its paragraph (trailing whitespace trimmed).
    pub close: usize,
    /// Start of the text inside the marks.
    pub start: usize,
    /// End of the text inside the marks (for multi-paragraph quotes: inner
    /// end of the last closing mark).
    pub end: usize,
    /// Speech or term.
    pub kind: QuoteKind,
    /// Canonical roster name, else the name as written; `None` = unattributed.
    pub speaker: Option<String>,
    /// The speaker's side: a roster side or neutral, [`QuoteSide::Unaligned`] for a named
    /// speaker not in the roster, [`QuoteSide::Unattributed`] when there is no speaker
    /// (unattributed speech or a `Term`).
    pub side: QuoteSide,
    /// The cue as written ("said", "told", "according to", "saying",
    /// "quoting", "In a statement"); `None` for continuations and terms.
    pub cue: Option<String>,
    /// How the cue frames the words ([`Framing`], from `cues.yaml`); `None` when there is
    /// no cue (continuations, transcript-style `Name: “…”`, terms).
    pub framing: Option<Framing>,
    /// Which attribution rule fired.
    pub rule: Rule,
    /// Words inside the marks.
    pub words: u32,
    /// No closing mark was found; the quote is bounded to its paragraph (or
    /// to the next opening mark in that paragraph).
    pub unclosed: bool,
    /// Inner spans of single-quoted phrases nested inside this quote.
    pub nested: Vec<(usize, usize)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn side_ids_are_the_strings_the_outputs_write() {
        let l = Lexicon::default_lexicon().expect("builtin lexicon");
        let first = l.sides[0].id.as_str();
        assert_eq!(QuoteSide::of_actor(Some(0)).id(&l), Some(first));
        assert_eq!(QuoteSide::of_actor(None).id(&l), Some("neutral"));
        assert_eq!(QuoteSide::Unaligned.id(&l), Some("unaligned"));
        assert_eq!(QuoteSide::Unattributed.id(&l), None);
    }
}
