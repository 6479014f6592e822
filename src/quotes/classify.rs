//! Speech or term. A single-quoted phrase outside double quotes (‘Sanctuary City’) is
//! always a term. A quotation of at most four words is a candidate term: it stays a
//! `Term` unless some rule named its speaker (then it is a partial quotation, `Speech`:
//! `accused ICE of employing “scare tactics”`; or a speech cue introduced it, even with
//! a subject that stays unresolved: `“Savage,” she said`), or unless it stands alone as a full
//! utterance ending in . ! ? (`“No comment.”`). A period closing a short quote inside a
//! sentence is American punctuation, not the quote's (`called it a “giveaway.”` is a
//! term). Longer quotations are `Speech`, with no speaker when nobody can be named. Verbs
//! that merely describe (`described … as an “escalation”`, `so-called`, `called`) are no
//! speech cues, so they leave a short quote a term.

use super::context::Ctx;
use super::pairing::Raw;
use super::quote::QuoteKind;
use super::sentences::ends_terminal;
use crate::scan::Kernels;

/// Quotations of at most this many words may be terms.
const TERM_WORDS: u32 = 4;

/// A single-quoted phrase outside double quotes: a term, whatever surrounds it.
pub(super) fn always_term(q: &Raw) -> bool {
    q.single
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Whether quotation `i` is a candidate term: at most four words, and not a full
    /// utterance standing alone (`stands_alone`: nothing before it in its sentence).
    pub(super) fn candidate_term(&self, i: usize, stands_alone: bool) -> bool {
        let q = &self.raws[i];
        let inner = &self.text[q.start..q.end];
        self.words[i] <= TERM_WORDS && (!ends_terminal(inner) || !stands_alone)
    }
}

/// The kind of a quotation that is not [`always_term`]: a candidate term that no speech
/// cue introduces and nobody is named for stays a term; everything else is speech.
pub(super) fn kind(candidate_term: bool, spoken: bool) -> QuoteKind {
    if candidate_term && !spoken {
        QuoteKind::Term
    } else {
        QuoteKind::Speech
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, side_of, speaker};
    use crate::quotes::QuoteKind;

    #[test]
    fn rule_term_quote() {
        let t = "The so-called “safe zones” were closed. The ‘Sanctuary City’ label stuck, like the 'safe zone' policy. Critics described the move as an “escalation” of the dispute.";
        let qs = run(t);
        assert_eq!(qs.len(), 4);
        for q in &qs {
            assert_eq!(
                (q.kind, q.rule.as_str(), speaker(q), q.cue.as_deref()),
                (QuoteKind::Term, "term_quote", None, None)
            );
        }
    }

    #[test]
    fn rule_unattributed_long_quote_stays_speech() {
        let t = "Some of the walls are painted.\n\n“The whole system has been broken for a very long time and nobody cares.”";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), side_of(q), q.rule.as_str()),
            (QuoteKind::Speech, None, None, "unattributed")
        );
        assert_eq!(q.words, 14);
    }

    #[test]
    fn short_quote_with_a_cue_is_speech_even_without_a_speaker() {
        let t = "The weather was cold.\n\n“Savage,” she said, and left.";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), q.rule.as_str(), q.cue.as_deref()),
            (QuoteKind::Speech, None, "unattributed", Some("said"))
        );
    }

    #[test]
    fn short_quote_with_speech_cue_is_partial_speech() {
        let t = "Tom Reyes accused the council of “reckless spending” again.";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), q.rule.as_str()),
            (QuoteKind::Speech, Some("Tom Reyes"), "verb_before")
        );
        let t = "The council approved “reckless spending” again.";
        let q = &run(t)[0];
        assert_eq!(q.kind, QuoteKind::Term);
    }
}
