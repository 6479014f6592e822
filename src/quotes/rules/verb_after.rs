//! `verb_after`: the words after a quotation, up to the end of its sentence, name its
//! speaker: `“…,” Albence said`, `“…,” said Albence`, `“…,” Lucero, a senior official,
//! told AP`, `“…,” according to ICE`. After a quote that ended its own sentence, a
//! capitalized word starts a new one, which attributes the quote only when it is a bare
//! attribution (`“Stop.” Albence said.`); the addressee of "told" is never the speaker.
//! Tried first.

use super::finding::{Found, Site};
use crate::quotes::context::Ctx;
use crate::quotes::cues::Form;
use crate::quotes::rule::Rule;
use crate::quotes::sentences::ends_terminal;
use crate::quotes::subject::Subj;
use crate::quotes::tokens::{is_cap, Tk};
use crate::quotes::word_lists::TAIL_START;
use crate::quotes::word_lookup::{in_list, lc_is};
use crate::scan::Kernels;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Attribution from the words after a quote ("…,” Albence said).
    pub(super) fn verb_after(&self, site: &Site) -> Option<Found> {
        let (q, ae) = (&self.raws[site.i], site.after_end);
        let toks = self.tokens(q.close, ae);
        let mut k = 0;
        while k < toks.len() && matches!(toks[k].k, Tk::Punct(_)) {
            k += 1;
        }
        // "“…,” as Cruz said on the radio"
        if self.word(&toks, k) == Some("as") {
            k += 1;
        }
        let first = self.word(&toks, k)?;
        // After a quote that ended its own sentence, a capitalized word
        // starts a new sentence; it attributes the quote only when it is a
        // bare attribution ("“Stop.” Albence said." / "… Lucero told AP.").
        let new_sentence = ends_terminal(&self.text[q.start..q.end]) && is_cap(first);
        let bare = |c: usize, len: usize| {
            let tail: Vec<&str> = toks[c + len..]
                .iter()
                .filter(|t| t.k == Tk::Word)
                .map(|t| self.w(t))
                .collect();
            let ended = self.text[..ae].trim_end().ends_with(['.', '!', '?']);
            // a short tail, or only where and when ("… wrote in an email to State
            // officials."), never an object clause
            let only_circumstance = tail.len() <= 14
                && tail.first().is_some_and(|w| in_list(TAIL_START, w))
                && !tail.iter().any(|w| lc_is(w, &["that"]));
            // a subject of a few words, or a name with its description (`Will Estrada,
            // the chairman for the exurb, said`)
            let subject_ok = c - k <= 4 || (c - k <= 16 && toks[c - 1].k == Tk::Punct(','));
            !new_sentence || (ended && (tail.len() <= 3 || only_circumstance) && subject_ok)
        };
        if let Some(cue) = self.cue_at(&toks, k) {
            if !matches!(cue.form, Form::Finite | Form::According) || !bare(k, cue.len) {
                return None;
            }
            let (np, appos) = self.np_forward(&toks, k + cue.len)?;
            return Some(Found {
                np,
                appos,
                cue: Some((toks[k].s, toks[k + cue.len - 1].e)),
                framing: Some(cue.framing),
                rule: Rule::VerbAfter,
                anchor: q.open,
            });
        }
        let lim = toks.len().min(k + 40);
        for c in k..lim {
            if let Tk::Quote(_) = toks[c].k {
                return None;
            }
            if let Some(cue) = self.cue_at(&toks, c) {
                if cue.form != Form::Finite || !bare(c, cue.len) {
                    return None;
                }
                let (np, appos) = match self.subject_before(&toks, c, Some(k)) {
                    Subj::Found(np, appos) => (np, appos),
                    // "“…” about the decision, said RoseAnn DeMoro, …": inverted
                    // after a phrase of the sentence
                    _ if c > k && toks[c - 1].k == Tk::Punct(',') => {
                        self.np_forward(&toks, c + cue.len)?
                    }
                    _ => return None,
                };
                return Some(Found {
                    np,
                    appos,
                    cue: Some((toks[c].s, toks[c + cue.len - 1].e)),
                    framing: Some(cue.framing),
                    rule: Rule::VerbAfter,
                    anchor: q.open,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, side_of, speaker};
    use crate::quotes::QuoteKind;

    #[test]
    fn rule_verb_after() {
        let t = "“We will keep the shelter open all winter,” Maria Ortiz said.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Maria Ortiz"));
        assert_eq!(side_of(q), Some("unaligned"));
        assert_eq!(
            (q.rule.as_str(), q.cue.as_deref()),
            ("verb_after", Some("said"))
        );
        assert_eq!(q.kind, QuoteKind::Speech);
        // inverted order
        let t = "“We will keep the shelter open all winter,” said Maria Ortiz.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Maria Ortiz"), "verb_after")
        );
        // roster surname → canonical name and side
        let t = "“The budget is a fair one,” Park said on Tuesday.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Ellen Park"));
        assert_eq!(side_of(q), Some("state"));
        // according to
        let t = "“Rents will rise by ten percent next year,” according to the tenants union.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Riverside Tenants Union"));
        assert_eq!(q.cue.as_deref(), Some("according to"));
    }

    #[test]
    fn addressee_is_never_the_speaker() {
        let t = "“We will not comply with this order,” Lucero told The Associated Press.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Henry Lucero"));
        let t = "“We will not comply with this order,” he told AP.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
    }

    #[test]
    fn finished_quote_needs_a_bare_attribution_after_it() {
        let t = "Critics, including Sen. Chuck Schumer, have called the policy “un-American.” Schumer said the administration was “playing politics with people’s lives.”";
        let qs = run(t);
        // one of the critics the label is reported from (`quoted_label`)
        assert_eq!(
            (qs[0].kind, speaker(&qs[0])),
            (QuoteKind::Speech, Some("Chuck Schumer"))
        );
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule.as_str()),
            (Some("Chuck Schumer"), "verb_before")
        );
        let t =
            "“Pat is the greatest of them all!!!” Tom Reyes wrote in a September email to staff.";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Reyes"));
        let t = "“We are extremely happy” about the decision, said Dana Whitfield, director of the union.";
        assert_eq!(speaker(&run(t)[0]), Some("Dana Whitfield"));
        // "as X said", a long subject with its description, a name after the sentence
        for (t, who) in [
            ("The race is “a dead heat right now,” as Tom Reyes said on the radio on Monday.", "Tom Reyes"),
            ("“He just stopped and asked how we win here.” Will Estrada, the chairman for the exurb, said of the encounter.", "Will Estrada"),
            ("“Clinton needs a strategy for the swing voters,” Nate Silver, the polling guru who founded the site tweeted on Wednesday.", "Nate Silver"),
            ("“Boots on the ground” would be appropriate, Republican candidate Ben Carson said after the attacks.", "Ben Carson"),
            ("“She is still the best friend she ever had,” Bill Clinton himself has said.", "Bill Clinton"),
        ] {
            assert_eq!(speaker(&run(t)[0]), Some(who), "{t}");
        }
        let t = "“Stop right there and put it down.” Lucero said. “Now.”";
        let qs = run(t);
        assert_eq!(speaker(&qs[0]), Some("Henry Lucero"));
        assert_eq!(qs[1].rule.as_str(), "continuation");
        // titles before the name are dropped, up to the last one
        let t = "Police Commissioner Dermot Shea said Friday that the department “does not and will not” enforce it.";
        assert_eq!(speaker(&run(t)[0]), Some("Dermot Shea"));
    }
}
