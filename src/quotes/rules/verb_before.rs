//! `verb_before`: a speech cue before the quotation in its own sentence names its speaker
//! (`Goldstein said in an email that “…”`, `De Blasio has accused ICE of employing “scare
//! tactics”`, `According to Lucero, “…”`). The nearest cue wins; a participle (`saying`,
//! `requesting`) takes the subject of the finite cue before it, else the sentence
//! subject. With no cue, a channel phrase opening the sentence (`In a statement, ICE
//! called the ruling “…”`) makes the sentence subject the source. When the words end in
//! a colon, the same reading is labelled `speaker_before_colon` (see
//! [`super::speaker_before_colon`]). Tried after `verb_after`, for a quotation that does
//! not open its sentence.

use super::finding::{Found, Site};
use super::speaker_before_colon::ends_with_colon;
use crate::quotes::context::Ctx;
use crate::quotes::cue_list::cue_list;
use crate::quotes::cues::{Cue, Form};
use crate::quotes::framing::Framing;
use crate::quotes::rule::Rule;
use crate::quotes::subject::Subj;
use crate::quotes::tokens::is_cap;
use crate::quotes::tokens::{Tk, Tok};
use crate::quotes::word_lists::SAY_FINITE;
use crate::quotes::word_lookup::{in_list, lc_is};
use crate::scan::Kernels;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The speaker named by the words before the quotation in its sentence.
    pub(super) fn verb_before(&self, site: &Site) -> Option<Found> {
        let toks = self.tokens(site.before, self.raws[site.i].open);
        self.words_before(&toks)
    }

    /// The speaker named by `toks`, the words before a quote in its sentence: the nearest
    /// cue, else a channel phrase, else (before a colon) a transcript-style name.
    pub(super) fn words_before(&self, toks: &[Tok]) -> Option<Found> {
        let colon = ends_with_colon(toks);
        let rule = if colon {
            Rule::SpeakerBeforeColon
        } else {
            Rule::VerbBefore
        };
        for c in (0..toks.len()).rev() {
            if let Some(cue) = self.cue_at(toks, c) {
                return self.found_at_cue(toks, c, cue, rule);
            }
            if colon {
                continue;
            }
            if let Some(f) = self.quoted_label(toks, c) {
                // "In a statement, ICE called the ruling “…”": the channel is the cue
                return Some(match self.channel(toks) {
                    Some(span) => Found {
                        cue: Some(span),
                        rule: Rule::VerbBefore,
                        ..f
                    },
                    None => f,
                });
            }
        }
        if let Some(f) = self.inverted_opening(toks, rule) {
            return Some(f);
        }
        if let Some((cs, ce)) = self.channel(toks) {
            // "In a statement, ICE called the ruling “…”": no speech verb, but
            // the channel makes the sentence subject the source
            let (np, appos) = self.np_initial(toks)?;
            return Some(Found {
                anchor: np.s,
                np,
                appos,
                cue: Some((cs, ce)),
                framing: Some(Framing::Neutral),
                rule,
            });
        }
        if colon {
            return self.colon_introducer(toks);
        }
        None
    }

    /// The speaker of cue `cue` at token `c`, reported under `rule`.
    pub(in crate::quotes) fn found_at_cue(
        &self,
        toks: &[Tok],
        c: usize,
        cue: Cue,
        rule: Rule,
    ) -> Option<Found> {
        let span = (toks[c].s, toks[c + cue.len - 1].e);
        let (np, appos) = match cue.form {
            Form::According | Form::Quoting => self.np_forward(toks, c + cue.len)?,
            Form::Finite => match self.subject_before(toks, c, None) {
                Subj::Found(np, a) => (np, a),
                Subj::Coordinated => self
                    .prev_finite_subject(toks, c)
                    .or_else(|| self.clause_subject(toks, c))?,
                // "Because of how the schedule was made, explained Rosenberg, “…”"
                Subj::Nothing if c > 0 && toks[c - 1].k == Tk::Punct(',') => self
                    .np_forward(toks, c + cue.len)
                    .filter(|(np, _)| np.proper)?,
                Subj::Nothing => return None,
            },
            Form::Participle => self
                .prev_finite_subject(toks, c)
                .or_else(|| self.clause_subject(toks, c))?,
        };
        Some(Found {
            anchor: np.s,
            np,
            appos,
            cue: Some(span),
            framing: Some(cue.framing),
            rule,
        })
    }

    /// `Said Dorothy Poynter, who grew up with him, “…”`: a capitalized finite cue opening
    /// the sentence, its speaker after it.
    fn inverted_opening(&self, toks: &[Tok], rule: Rule) -> Option<Found> {
        let w = self.word(toks, 0)?;
        if !is_cap(w) || !w.is_ascii() || !in_list(SAY_FINITE, w) {
            return None;
        }
        let lower = w.to_ascii_lowercase();
        let form = cue_list()
            .by_first
            .get(lower.as_str())?
            .iter()
            .find(|f| f.rest.is_empty() && !f.participle)?;
        let (np, appos) = self.np_forward(toks, 1)?;
        Some(Found {
            anchor: np.s,
            np,
            appos,
            cue: Some((toks[0].s, toks[0].e)),
            framing: Some(form.framing),
            rule,
        })
    }

    /// A channel phrase opening the sentence ("In a statement,", "On
    /// Twitter,"): byte span of the phrase.
    fn channel(&self, toks: &[Tok]) -> Option<(usize, usize)> {
        let w = |i: usize| self.word(toks, i);
        let (a, b, c) = (w(0)?, w(1)?, w(2));
        let len = if lc_is(a, &["on"]) && lc_is(b, &["twitter", "facebook", "instagram", "x"]) {
            2
        } else if lc_is(a, &["in"])
            && lc_is(b, &["a", "an"])
            && c.is_some_and(|c| {
                lc_is(
                    c,
                    &[
                        "statement",
                        "email",
                        "e-mail",
                        "tweet",
                        "letter",
                        "post",
                        "interview",
                    ],
                )
            })
        {
            3
        } else {
            return None;
        };
        (toks.get(len).map(|t| t.k) == Some(Tk::Punct(','))).then(|| (toks[0].s, toks[len - 1].e))
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};
    use crate::quotes::QuoteKind;

    #[test]
    fn rule_verb_before() {
        let t = "Council member Dana Whitfield said on Monday that “the budget is simply not enough for the families.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Dana Whitfield"));
        assert_eq!(
            (q.rule.as_str(), q.cue.as_deref()),
            ("verb_before", Some("said"))
        );
        let t = "According to Lucero, “the city ignored every detainer we sent last year.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Henry Lucero"), "verb_before")
        );
        // participle: the subject of the preceding finite verb
        let t = "Tenant leaders in Queens said they would sue, saying the notices were “plainly illegal under state law.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Tenant leaders in Queens"));
        assert_eq!(q.cue.as_deref(), Some("saying"));
        // times and adverbs between subject and verb; inverted after a comma
        for (t, who) in [
            ("Tom Reyes later Thursday told Fox News: “We are meeting up next week to talk.”", "Tom Reyes"),
            ("Dana Whitfield routinely characterizes herself as a “change warrior” on the trail.", "Dana Whitfield"),
            ("Because of how the schedule was made, explained Rosa Diaz, “this thing is over by March.”", "Rosa Diaz"),
            ("Judge David Keane, writing for the majority in the decision, said the rule was “plainly unconstitutional.”", "David Keane"),
        ] {
            assert_eq!(speaker(&run(t)[0]), Some(who), "{t}");
        }
        // inverted, opening the sentence
        let t = "Said Dorothy Poynter, who grew up with him, “We were all so proud of him.”";
        assert_eq!(speaker(&run(t)[0]), Some("Dorothy Poynter"));
        // relative clause: "X, who said"
        let t = "The word was used by Lucero, who said “this is a crisis for the whole city.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Henry Lucero"));
    }

    #[test]
    fn channel_phrase_is_a_cue() {
        let t = "In a statement, the Riverside Tenants Union called the ruling “a travesty for every family.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Riverside Tenants Union"));
        assert_eq!(
            (q.kind, q.cue.as_deref()),
            (QuoteKind::Speech, Some("In a statement"))
        );
        // without the channel, the union is the label's named user
        let t = "Yesterday, the Riverside Tenants Union called the ruling “a travesty.”";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), q.rule.as_str()),
            (
                QuoteKind::Speech,
                Some("Riverside Tenants Union"),
                "quoted_label"
            )
        );
    }
}
