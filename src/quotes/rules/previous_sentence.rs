//! `previous_sentence`: a quotation standing alone (opening its sentence, not a
//! continuation) takes its speaker from the sentence before it, when that sentence only
//! introduces it: `…, quoting ICE’s Acting Director Matthew Albence.`, `Albence said in a
//! statement.`, `Albence said:` (then labelled `speaker_before_colon`). A cue followed by
//! an object clause (`Silva said the numbers were wrong.`) hands the quote on only when
//! its subject is a name, a roster actor or a pronoun (the quotation goes on in the voice
//! of the words reported just before it), never a role phrase as written. Tried last, and
//! never for a candidate term.

use super::finding::{Found, Site};
use super::speaker_before_colon::ends_with_colon;
use crate::quotes::context::Ctx;
use crate::quotes::cues::Form;
use crate::quotes::np::Who;
use crate::quotes::rule::Rule;
use crate::quotes::tokens::Tk;
use crate::quotes::word_lists::TAIL_START;
use crate::quotes::word_lookup::{in_list, lc_is};
use crate::scan::Kernels;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// A stand-alone quote whose previous sentence names the speaker.
    pub(super) fn previous_sentence(&self, site: &Site) -> Option<Found> {
        let (s, e) = self.prev_sentence(self.raws[site.i].open)?;
        let toks = self.tokens(s, e);
        if ends_with_colon(&toks) {
            return self.words_before(&toks);
        }
        for k in 0..toks.len() {
            if let Some(cue) = self.cue_at(&toks, k) {
                if cue.form == Form::Quoting {
                    let (np, appos) = self.np_forward(&toks, k + 1)?;
                    return Some(Found {
                        anchor: np.s,
                        np,
                        appos,
                        cue: Some((toks[k].s, toks[k].e)),
                        framing: Some(cue.framing),
                        rule: Rule::PreviousSentence,
                    });
                }
            }
        }
        if toks.iter().any(|t| matches!(t.k, Tk::Quote(_))) {
            return None;
        }
        let c = (0..toks.len()).rev().find(|&c| {
            self.cue_at(&toks, c)
                .is_some_and(|cue| cue.form == Form::Finite)
        })?;
        let cue = self.cue_at(&toks, c)?;
        let tail: Vec<&str> = toks[c + cue.len..]
            .iter()
            .filter(|t| t.k == Tk::Word)
            .map(|t| self.w(t))
            .collect();
        let ok = tail.is_empty()
            || (tail.len() <= 8
                && in_list(TAIL_START, tail[0])
                && !tail.iter().any(|w| lc_is(w, &["that"])));
        if ok {
            return self.found_at_cue(&toks, c, cue, Rule::PreviousSentence);
        }
        // "Carter said that for decades critics had predicted it. “…”": a quotation
        // with no attribution of its own after a named speaker's reported words goes on
        // in their voice
        let f = self.found_at_cue(&toks, c, cue, Rule::PreviousSentence)?;
        (f.np.proper || matches!(f.np.who, Who::Actor(_) | Who::Pron(_))).then_some(f)
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn rule_previous_sentence() {
        let t = "The report was written by a staffer, quoting Dr. Ana Silva.\n\n“The numbers do not add up at all, and everyone knows it.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Ana Silva"), "previous_sentence")
        );
        assert_eq!(q.cue.as_deref(), Some("quoting"));
        let t = "Ana Silva said in a statement on Friday.\n\n“The numbers do not add up at all, and everyone knows it.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Ana Silva"), "previous_sentence")
        );
        // after a named speaker's reported words, the quotation goes on in their voice
        let t = "Ana Silva said the numbers were wrong.\n\n“The numbers do not add up at all, and everyone knows it.”";
        assert_eq!(speaker(&run(t)[0]), Some("Ana Silva"));
        // but not after a role's ("critics said …"), nor a narrator sentence
        let t = "Critics said the numbers were wrong.\n\n“The numbers do not add up at all, and everyone knows it.”";
        assert_eq!(speaker(&run(t)[0]), None);
        let t = "Ana Silva left the room early.\n\n“The numbers do not add up at all, and everyone knows it.”";
        assert_eq!(speaker(&run(t)[0]), None);
    }
}
