//! Speech cues: the words that say somebody speaks. A finite verb ("said", "told",
//! "released a statement"), a participle ("saying", "pointing out"), "according to", and
//! "quoting"/"citing". A cue word used as a noun ("the requests", "its claims"), a passive
//! ("was told"), a bare verb after "to" ("refused to say") and "continued to" are no
//! cues. The verbs and phrases, with their [`Framing`], are the data file `cues.yaml`
//! (read by [`super::cue_list`]); the cues whose speaker follows them are spelled out
//! here. Verbs that merely describe ("described … as", "called") are not cues: the label
//! rule reads them.

use std::cell::OnceCell;

use super::context::Ctx;
use super::cue_list::cue_list;
use super::framing::Framing;
use super::tokens::{is_possessive, Tk, Tok};
use super::word_lists::{BE_AUX, CUE_START, L, NOUN_PRE, PASSIVE_AUX};
use super::word_lookup::{lc_bits, may_be_cue, word_bits};
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

/// A cue: its form, its length in tokens and how it frames the words.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cue {
    pub(super) form: Form,
    pub(super) len: usize,
    pub(super) framing: Framing,
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
                framing: Framing::Neutral,
            });
        }
        // Every lowercase cue is an ASCII word (`is_lower` would also pass
        // non-ASCII words, none of which is in a cue list).
        if !w.as_bytes()[0].is_ascii_lowercase() || !may_be_cue(w.as_bytes()) {
            return None;
        }
        let prev = if i > 0 { self.word(toks, i - 1) } else { None };
        // the lists holding the previous word, looked up once and only when asked
        let prev_bits = OnceCell::new();
        let prev_in = |list: L| *prev_bits.get_or_init(|| prev.map_or(0, lc_bits)) & list.0 != 0;
        let next = |d: usize| self.word(toks, i + d);
        let (form, len, framing) = match w {
            "according" => {
                return (next(1) == Some("to")).then_some(Cue {
                    form: Form::According,
                    len: 2,
                    framing: Framing::Neutral,
                })
            }
            "quoting" | "citing" => (Form::Quoting, 1, Framing::Neutral),
            "quoted" => {
                if prev_in(PASSIVE_AUX) {
                    return None;
                }
                (Form::Quoting, 1, Framing::Neutral)
            }
            _ => {
                if word_bits(w.as_bytes(), false) & CUE_START.0 == 0 {
                    return None;
                }
                let forms = cue_list().by_first.get(w)?;
                let f = forms.iter().find(|f| {
                    f.rest
                        .iter()
                        .enumerate()
                        .all(|(k, r)| next(k + 1) == Some(*r))
                })?;
                let form = if !f.participle {
                    Form::Finite
                } else if prev_in(BE_AUX) && f.rest.is_empty() {
                    // "is saying"
                    Form::Finite
                } else {
                    Form::Participle
                };
                // a bare verb after "to" is no report ("refused to say")
                if f.rest.is_empty() && !f.participle && prev == Some("to") && is_base(w) {
                    return None;
                }
                (form, 1 + f.rest.len(), f.framing)
            }
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
        Some(Cue { form, len, framing })
    }

    /// Whether token `i` starts a speech cue.
    pub(super) fn is_cue_word(&self, toks: &[Tok], i: usize) -> bool {
        self.cue_at(toks, i).is_some()
    }
}

/// A verb's bare form: not a past ("said", "claimed"), third person ("says") or
/// participle.
fn is_base(w: &str) -> bool {
    !(w.ends_with("ed")
        || w.ends_with('s')
        || w.ends_with("ing")
        || matches!(
            w,
            "said" | "told" | "wrote" | "read" | "put" | "shot" | "hit" | "went"
        ))
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};
    use crate::quotes::Framing;

    #[test]
    fn cues_carry_their_framing() {
        let cases = [
            (
                "“The numbers were never in doubt at all,” Tom Reyes claimed.",
                "claimed",
                Framing::Skeptical,
            ),
            (
                "“The numbers were never in doubt at all,” Tom Reyes said.",
                "said",
                Framing::Neutral,
            ),
            (
                "“The numbers were never in doubt at all,” Tom Reyes pointed out.",
                "pointed out",
                Framing::Endorsing,
            ),
            (
                "Tom Reyes shot back: “The numbers were never in doubt at all.”",
                "shot back",
                Framing::Neutral,
            ),
            (
                "Tom Reyes went on to say that “the numbers were never in doubt at all.”",
                "went on to say",
                Framing::Neutral,
            ),
            (
                "Tom Reyes spoke for an hour, insisting that “the numbers were never in doubt.”",
                "insisting",
                Framing::Skeptical,
            ),
        ];
        for (t, cue, framing) in cases {
            let q = &run(t)[0];
            assert_eq!(speaker(q), Some("Tom Reyes"), "{t}");
            assert_eq!(
                (q.cue.as_deref(), q.framing),
                (Some(cue), Some(framing)),
                "{t}"
            );
        }
        // no cue, no framing
        let qs = run("“Stop,” Tom Reyes said, “or we will leave this city for good.”");
        assert_eq!(
            (qs[0].framing, qs[1].framing),
            (Some(Framing::Neutral), None)
        );
    }

    #[test]
    fn a_bare_verb_after_to_is_no_cue() {
        let t = "Tom Reyes refused to say whether “the numbers were ever in doubt at all.”";
        assert_eq!(run(t)[0].cue, None);
        // but a future is
        let t = "“The numbers were never in doubt at all,” Tom Reyes will say.";
        assert_eq!(run(t)[0].cue.as_deref(), Some("say"));
    }

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
