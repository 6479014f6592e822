//! Speech cues: the words that say somebody speaks. A finite verb ("said", "told",
//! "released a statement"), a participle ("saying", "requesting"), "according to", and
//! "quoting"/"citing". A cue word used as a noun ("the requests", "its claims"), a passive
//! ("was told") and "continued to" are no cues. The verbs themselves are the lists
//! `SAY_FINITE` and `SAY_ING` of [`super::word_lists`]; the other cue words are spelled
//! out here. Verbs that merely describe ("described … as", "called") are not cues.

use super::context::Ctx;
use super::tokens::{is_possessive, Tk, Tok};
use super::word_lists::{BE_AUX, L, NOUN_PRE, PASSIVE_AUX, SAY_FINITE, SAY_ING};
use super::word_lookup::{in_list, may_be_cue, word_bits};
use crate::scan::Kernels;

/// The grammatical form of a cue, which says where its speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// "said", "told": the speaker is the subject before it (or, inverted, after it).
    Finite,
    /// "saying": the speaker is the subject of the finite cue before it.
    Participle,
    /// "according to X": the speaker follows.
    According,
    /// "quoting X", "citing X": the speaker follows.
    Quoting,
}

/// A cue: its form and its length in tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub(super) form: Form,
    pub(super) len: usize,
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Speech cue starting at token `i`. Asked of nearly every word near a
    /// quotation, and nine in ten are no cue: those whose first byte or
    /// shape (`word_lookup`) rules them out are turned away here, inlined, before
    /// [`Ctx::cue_word_at`] looks at the word itself.
    #[inline(always)]
    pub(super) fn cue_at(&self, toks: &[Tok], i: usize) -> Option<Cue> {
        let t = toks.get(i)?;
        if t.k != Tk::Word {
            return None;
        }
        let w = &self.text.as_bytes()[t.s..t.e];
        match w.first() {
            // "According to"
            Some(b'A') => {}
            Some(c) if c.is_ascii_lowercase() && may_be_cue(w) => {}
            _ => return None,
        }
        self.cue_word_at(toks, i)
    }

    /// [`Ctx::cue_at`] for a word that may be a cue.
    #[inline(never)]
    fn cue_word_at(&self, toks: &[Tok], i: usize) -> Option<Cue> {
        let w = self.word(toks, i)?;
        if w == "According" && self.word(toks, i + 1) == Some("to") {
            return Some(Cue {
                form: Form::According,
                len: 2,
            });
        }
        // Every lowercase cue is an ASCII word (`is_lower` would also pass
        // non-ASCII words, none of which is in a cue list).
        if !w.as_bytes()[0].is_ascii_lowercase() || !may_be_cue(w.as_bytes()) {
            return None;
        }
        let bits = word_bits(w.as_bytes(), false);
        let prev = if i > 0 { self.word(toks, i - 1) } else { None };
        let prev_in = |list: L| prev.is_some_and(|p| in_list(list, p));
        let next = |d: usize| self.word(toks, i + d);
        let (form, len) = match w {
            "according" => {
                return (next(1) == Some("to")).then_some(Cue {
                    form: Form::According,
                    len: 2,
                })
            }
            "quoting" | "citing" => (Form::Quoting, 1),
            "quoted" => {
                if prev_in(PASSIVE_AUX) {
                    return None;
                }
                (Form::Quoting, 1)
            }
            "released" | "issued"
                if matches!(next(1), Some("a" | "the")) && next(2) == Some("statement") =>
            {
                (Form::Finite, 3)
            }
            _ if bits & SAY_FINITE.0 != 0 => (Form::Finite, 1),
            _ if bits & SAY_ING.0 != 0 => {
                if prev_in(BE_AUX) {
                    (Form::Finite, 1)
                } else {
                    (Form::Participle, 1)
                }
            }
            _ => return None,
        };
        if prev_in(NOUN_PRE) || prev.is_some_and(is_possessive) {
            return None;
        }
        if form != Form::Participle && !w.ends_with("ing") && prev_in(PASSIVE_AUX) {
            return None;
        }
        if w.starts_with("continu") && next(1) == Some("to") {
            return None;
        }
        Some(Cue { form, len })
    }

    /// Whether token `i` starts a speech cue.
    pub(super) fn is_cue_word(&self, toks: &[Tok], i: usize) -> bool {
        self.cue_at(toks, i).is_some()
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn cue_words_used_as_nouns_are_not_cues() {
        // "the tweets" is a noun: the cue is "said"
        let t = "Tom Reyes said the tweets were “fake news.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.cue.as_deref()),
            (Some("Tom Reyes"), Some("said"))
        );
        // passive: "was told" does not make the subject a speaker
        let t = "Tom Reyes was told by the landlord that “the rent is going up again next month.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
    }
}
