//! Reported (indirect) speech: the words of a sentence that a speech cue with a speaker
//! governs, outside quotation marks. Three shapes, read one sentence at a time:
//!
//! - the cue first: `Albence told a news conference that city leaders had blood on their
//!   hands`, `the Coalition is saying the administration is politicizing …`, `X accused
//!   the city of shielding criminals`, `X argued that …`. The span runs from after the
//!   cue (past its object and "that" when a "that" follows within a few words; "told",
//!   "asked", "warned" … need that "that") to the end of the sentence, or to a comma
//!   before a participle cue (`…, adding that …` starts a span of its own), or to a
//!   semicolon;
//! - the cue last: `City leaders have blood on their hands, Albence said.` (also `…, said
//!   Albence.`): the words before the comma, when after the cue only a few words follow;
//! - `According to ICE, the men were released.` / `The men were released, according to
//!   ICE.`
//!
//! ("is saying" is a finite cue, written as its participle.) The speaker is read and resolved exactly as for a direct quotation (`subject.rs`,
//! `speaker.rs`, pronouns through `rules/pronoun.rs`), and a cue whose subject names
//! nobody ("The war continued for years") reports nothing. A span is at least three
//! words outside quotation marks, so a direct quotation's attribution (`“…,” X said`,
//! `X said: “…”`) is never reported speech; a span may contain a partial quotation
//! (`X said the plan was “reckless”`), whose own attribution stands for the words inside
//! it. Spans never overlap: a cue inside a span ("X said Y claimed Z") is part of it.

use super::context::Ctx;
use super::cues::{Cue, Form};
use super::framing::Framing;
use super::quote::QuoteSide;
use super::rule::Rule;
use super::rules::finding::{Attr, Found};
use super::subject::Subj;
use super::tokens::{Tk, Tok};
use super::word_lookup::lc_is;
use crate::scan::Kernels;

/// One span of reported speech.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    /// Byte offsets of the reported words (`start..end` of the text).
    pub start: usize,
    pub end: usize,
    /// Canonical roster name, else the name as written; `None` when the subject could
    /// not be resolved (a pronoun with no antecedent).
    pub speaker: Option<String>,
    /// The speaker's side, as for a quotation ([`QuoteSide`]).
    pub side: QuoteSide,
    /// The cue as written ("told", "is saying", "according to").
    pub cue: String,
    /// How the cue frames the words.
    pub framing: Framing,
}

/// Fewest words outside quotation marks in a span.
const MIN_WORDS: usize = 3;
/// At most this many words after a trailing cue (`…, Albence said on Tuesday in Denver.`).
const MAX_TAIL: usize = 7;
/// At most this many words in a trailing cue's subject.
const MAX_SUBJECT: usize = 8;
/// How far after a cue "that" is looked for.
const THAT_WINDOW: usize = 8;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Every span of reported speech in the text, in order, given the attributions of
    /// its quotations (for pronouns).
    pub(super) fn reported(&self, attrs: &[Attr<'a>]) -> Vec<Reported> {
        let mut out = Vec::new();
        for pi in 0..self.paras.len() {
            let toks = self.para_tokens(pi);
            let mut st = 0;
            for i in 0..=toks.len() {
                let ends = i == toks.len() || matches!(toks[i].k, Tk::Punct('.' | '!' | '?'));
                if ends {
                    if i > st {
                        self.reported_in(&toks[st..i], attrs, &mut out);
                    }
                    st = i + 1;
                }
            }
        }
        out
    }

    /// The reported speech of one sentence (its tokens, without the final stop).
    fn reported_in(&self, sent: &[Tok], attrs: &[Attr<'a>], out: &mut Vec<Reported>) {
        let mut k = 0;
        while k < sent.len() {
            let Some(cue) = self.cue_at(sent, k) else {
                k += 1;
                continue;
            };
            let next = match cue.form {
                Form::Quoting => None,
                Form::According => self.according(sent, k, cue, attrs, out),
                Form::Finite | Form::Participle => self
                    .trailing(sent, k, cue, attrs, out)
                    .or_else(|| self.forward(sent, k, cue, attrs, out)),
            };
            k = next.unwrap_or(k + cue.len);
        }
    }

    /// `City leaders have blood on their hands, Albence said.` / `…, said Albence.`:
    /// returns the token after the cue when a span was written.
    fn trailing(
        &self,
        sent: &[Tok],
        k: usize,
        cue: Cue,
        attrs: &[Attr<'a>],
        out: &mut Vec<Reported>,
    ) -> Option<usize> {
        if cue.form != Form::Finite {
            return None;
        }
        let after = k + cue.len;
        let tail = &sent[after..];
        // more words after the cue than either shape allows: nothing to read (counted no
        // further than that, as a cue early in a long sentence is common)
        let tail_words = tail
            .iter()
            .filter(|t| t.k == Tk::Word)
            .take(MAX_SUBJECT + MAX_TAIL + 1)
            .count();
        if tail_words > MAX_SUBJECT + MAX_TAIL {
            return None;
        }
        if tail
            .iter()
            .any(|t| matches!(t.k, Tk::Quote(_) | Tk::Punct(';' | ':')))
            || tail
                .iter()
                .any(|t| t.k == Tk::Word && lc_is(self.w(t), &["that"]))
        {
            return None;
        }
        let comma = sent[..k].iter().rposition(|t| t.k == Tk::Punct(','))?;
        let (np, appos) = if comma + 1 == k {
            // "…, said Albence."
            self.np_forward(sent, after)?
        } else {
            let subject = &sent[comma + 1..k];
            if tail_words > MAX_TAIL
                || subject.len() > MAX_SUBJECT
                || subject.iter().any(|t| t.k != Tk::Word)
            {
                return None;
            }
            match self.subject_before(sent, k, Some(comma + 1)) {
                Subj::Found(np, appos) => (np, appos),
                _ => return None,
            }
        };
        let found = Found {
            anchor: np.s,
            np,
            appos,
            cue: Some((sent[k].s, sent[k + cue.len - 1].e)),
            framing: Some(cue.framing),
            rule: Rule::VerbAfter,
        };
        self.push_span(span_words(&sent[..comma])?, &found, attrs, out)
            .then_some(after)
    }

    /// `Albence told a news conference that …`, `X argued that …`, `the Coalition is
    /// saying …`: returns where the span ends when one was written.
    fn forward(
        &self,
        sent: &[Tok],
        k: usize,
        cue: Cue,
        attrs: &[Attr<'a>],
        out: &mut Vec<Reported>,
    ) -> Option<usize> {
        let after = k + cue.len;
        if matches!(
            sent.get(after).map(|t| t.k),
            None | Some(Tk::Quote(_) | Tk::Punct(':' | ',' | '—' | '–'))
        ) {
            return None;
        }
        let that = (after..(after + THAT_WINDOW).min(sent.len()))
            .take_while(|&i| sent[i].k == Tk::Word)
            .find(|&i| lc_is(self.w(&sent[i]), &["that"]));
        let tells = lc_is(
            self.w(&sent[k]),
            &[
                "told", "tells", "tell", "telling", "asked", "asks", "ask", "asking", "warned",
                "warns", "warn", "warning", "urged", "urges", "reminded", "assured",
            ],
        );
        let start = match that {
            Some(i) => i + 1,
            None if tells => return None,
            None => after,
        };
        let mut end = sent.len();
        for i in start..sent.len() {
            let stop = match sent[i].k {
                Tk::Punct(';') => true,
                Tk::Punct(',') => self
                    .cue_at(sent, i + 1)
                    .is_some_and(|c| c.form == Form::Participle),
                _ => false,
            };
            if stop {
                end = i;
                break;
            }
        }
        // the span's own test first: it is cheap, reading the cue's subject is not
        let span = span_words(sent.get(start..end)?)?;
        let found = self.found_at_cue(sent, k, cue, Rule::VerbBefore)?;
        self.push_span(span, &found, attrs, out).then_some(end)
    }

    /// `According to ICE, the men were released.` / `The men were released, according
    /// to ICE.`
    fn according(
        &self,
        sent: &[Tok],
        k: usize,
        cue: Cue,
        attrs: &[Attr<'a>],
        out: &mut Vec<Reported>,
    ) -> Option<usize> {
        let after = k + cue.len;
        let found = self.found_at_cue(sent, k, cue, Rule::VerbBefore)?;
        if k == 0 {
            let comma =
                (after..sent.len().min(after + 14)).find(|&i| sent[i].k == Tk::Punct(','))?;
            let end = sent.len();
            return self
                .push_span(span_words(&sent[comma + 1..end])?, &found, attrs, out)
                .then_some(end);
        }
        if sent[k - 1].k != Tk::Punct(',') {
            return None;
        }
        self.push_span(span_words(&sent[..k - 1])?, &found, attrs, out)
            .then_some(sent.len())
    }

    /// Write the span `toks` (from [`span_words`]: trimmed, with words enough) for the
    /// speaker phrase `f`, when `f` names somebody or something and the span does not
    /// overlap the last one; false when not.
    fn push_span(
        &self,
        toks: &[Tok],
        f: &Found,
        attrs: &[Attr<'a>],
        out: &mut Vec<Reported>,
    ) -> bool {
        let credit = self.credit(f, attrs);
        let Some((cs, ce)) = f.cue else {
            return false;
        };
        let (start, end) = (toks[0].s, toks[toks.len() - 1].e);
        if out.last().is_some_and(|r| r.end > start) {
            return false;
        }
        out.push(Reported {
            start,
            end,
            side: credit
                .speaker
                .as_ref()
                .map_or(QuoteSide::Unattributed, |s| s.side),
            speaker: credit.speaker.map(|s| s.name.into_owned()),
            cue: self.text[cs..ce].to_string(),
            framing: f.framing.unwrap_or(Framing::Neutral),
        });
        true
    }
}

/// `toks` trimmed of punctuation, when that leaves words enough for a span: at least
/// [`MIN_WORDS`], and as many besides a quotation that opens it (a quotation standing
/// alone is a direct quote, not reported speech).
fn span_words(toks: &[Tok]) -> Option<&[Tok]> {
    let first = toks.iter().position(|t| !matches!(t.k, Tk::Punct(_)))?;
    let last = toks.iter().rposition(|t| !matches!(t.k, Tk::Punct(_)))?;
    let toks = &toks[first..=last];
    let words = |ts: &[Tok]| ts.iter().filter(|t| t.k == Tk::Word).count();
    if words(toks) < MIN_WORDS
        || (matches!(toks[0].k, Tk::Quote(_)) && words(&toks[1..]) < MIN_WORDS)
    {
        return None;
    }
    Some(toks)
}

#[cfg(test)]
mod tests {
    use super::Reported;
    use crate::quotes::tests::fixtures::roster;
    use crate::quotes::{extract_all, Framing, QuoteSide};

    /// The reported spans of `t` as (words, speaker, cue).
    fn spans(t: &str) -> Vec<(String, Option<String>, String)> {
        extract_all(t, &roster())
            .reported
            .into_iter()
            .map(|r: Reported| (t[r.start..r.end].to_string(), r.speaker, r.cue))
            .collect()
    }

    fn one(words: &str, who: &str, cue: &str) -> Vec<(String, Option<String>, String)> {
        vec![(words.to_string(), Some(who.to_string()), cue.to_string())]
    }

    #[test]
    fn cue_first() {
        assert_eq!(
            spans(
                "Henry Lucero told a news conference that city leaders had blood on their hands."
            ),
            one(
                "city leaders had blood on their hands",
                "Henry Lucero",
                "told"
            )
        );
        assert_eq!(
            spans("The tenants union is saying the administration is politicizing the courts."),
            one(
                "the administration is politicizing the courts",
                "Riverside Tenants Union",
                "saying"
            )
        );
        assert_eq!(
            spans("Henry Lucero accused the city of shielding criminals from the law."),
            one(
                "the city of shielding criminals from the law",
                "Henry Lucero",
                "accused"
            )
        );
        assert_eq!(
            spans("Tom Reyes argued on Monday that the plan would fail, adding that nobody had read it."),
            vec![
                ("the plan would fail".into(), Some("Tom Reyes".into()), "argued".into()),
                ("nobody had read it".into(), Some("Tom Reyes".into()), "adding".into()),
            ]
        );
        // a pronoun subject is resolved as for a quotation
        assert_eq!(
            spans("Ellen Park spoke first. She claimed that the budget was balanced."),
            one("the budget was balanced", "Ellen Park", "claimed")
        );
    }

    #[test]
    fn cue_last_and_according_to() {
        assert_eq!(
            spans("City leaders have blood on their hands, Lucero said."),
            one(
                "City leaders have blood on their hands",
                "Henry Lucero",
                "said"
            )
        );
        assert_eq!(
            spans("The budget will not pass this year, said Ellen Park on Friday."),
            one("The budget will not pass this year", "Ellen Park", "said")
        );
        assert_eq!(
            spans("According to the tenants union, rents rose by a third."),
            one(
                "rents rose by a third",
                "Riverside Tenants Union",
                "According to"
            )
        );
        assert_eq!(
            spans("Rents rose by a third, according to the tenants union."),
            one(
                "Rents rose by a third",
                "Riverside Tenants Union",
                "according to"
            )
        );
    }

    #[test]
    fn direct_quotes_and_non_speech_are_not_reported() {
        for t in [
            "“We will not comply with this order,” Lucero said.",
            "Lucero said: “We will not comply with this order.”",
            "Lucero told reporters the plan was dead.",
            "The war continued for years after that.",
            "The council met on Monday and voted against the plan.",
        ] {
            assert_eq!(spans(t), vec![], "{t}");
        }
        // a partial quotation inside reported words keeps the span
        let t = "Lucero said the city was “reckless” with its detainers.";
        assert_eq!(
            spans(t),
            one(
                "the city was “reckless” with its detainers",
                "Henry Lucero",
                "said"
            )
        );
    }

    #[test]
    fn spans_carry_side_and_framing() {
        let r = &extract_all(
            "Henry Lucero insisted that the city had ignored every request.",
            &roster(),
        )
        .reported[0];
        assert_eq!(r.framing, Framing::Skeptical);
        assert!(matches!(r.side, QuoteSide::Side(_)));
        let r = &extract_all("He said the city had ignored every request.", &roster()).reported[0];
        assert_eq!(
            (r.speaker.as_deref(), r.side),
            (None, QuoteSide::Unattributed)
        );
    }
}
