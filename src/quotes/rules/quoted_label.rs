//! `quoted_label`: a label in quotation marks that a named subject is reported to use is
//! that subject's words, not the outlet's scare quotes: `Matthew Albence called the
//! released men “criminal aliens”`, `in what Trump calls an “invasion”`, `Brown described
//! the DLC as “a remnant of another period”`, `Trump went after Bush, calling him “a total
//! stiff”`. The verb puts a label on something (`called`, `dubbed`, `labeled`, `branded`,
//! `termed`; `described`, `referred to`, `characterized`, `derided`, `dismissed`,
//! `hailed`, `touted` with "as" right before the quote), it is not passive (`has been
//! called “…”` names no user), and nothing but its object stands between it and the
//! quote. The subject is read as for a speech cue; only somebody in particular counts (a
//! roster actor, a proper name, one person in a role, or a pronoun standing for one):
//! `Critics called it “…”` stays a term. Read by `verb_before`'s walk back from the quote, the nearest cue or label first.

use super::finding::Found;
use crate::lexicon::ActorKind;
use crate::quotes::context::Ctx;
use crate::quotes::framing::Framing;
use crate::quotes::np::Who;
use crate::quotes::rule::Rule;
use crate::quotes::speaker::Resolved;
use crate::quotes::subject::Subj;
use crate::quotes::tokens::{Tk, Tok};
use crate::quotes::word_lists::{LABEL_AS, LABEL_VERBS, NOUN_PRE, PASSIVE_AUX};
use crate::quotes::word_lookup::{in_list, in_set};
use crate::scan::Kernels;

/// At most this many tokens between a label verb and its quote.
const MAX_OBJECT: usize = 14;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The user of the label that `toks` (the words before a quote in its sentence) end
    /// with, when the verb at token `c` puts it on something.
    pub(super) fn quoted_label(&self, toks: &[Tok], c: usize) -> Option<Found> {
        let w = self.word(toks, c)?;
        if !in_set(LABEL_VERBS, w) {
            return None;
        }
        let prev = if c > 0 { self.word(toks, c - 1) } else { None };
        if prev.is_some_and(|p| in_list(PASSIVE_AUX, p) || in_list(NOUN_PRE, p)) {
            return None;
        }
        let object = &toks[c + 1..];
        if object.len() > MAX_OBJECT
            || object
                .iter()
                .any(|t| matches!(t.k, Tk::Quote(_) | Tk::Punct(';' | ':' | '.' | '!' | '?')))
        {
            return None;
        }
        if in_set(LABEL_AS, w) {
            let last = object.iter().rposition(|t| t.k == Tk::Word)?;
            let ok = (0..=last.min(2)).any(|back| {
                let i = last - back;
                self.word(object, i) == Some("as")
                    && object[i + 1..=last]
                        .iter()
                        .all(|t| matches!(self.w(t), "a" | "an" | "the" | "being"))
            });
            if !ok {
                return None;
            }
        }
        let (np, appos) = if w.ends_with("ing") {
            self.prev_finite_subject(toks, c)
                .or_else(|| self.clause_subject(toks, c))?
        } else {
            match self.subject_before(toks, c, None) {
                Subj::Found(np, a) => (np, a),
                Subj::Coordinated => self
                    .prev_finite_subject(toks, c)
                    .or_else(|| self.clause_subject(toks, c))?,
                Subj::Nothing => return None,
            }
        };
        Some(Found {
            anchor: np.s,
            np,
            appos,
            cue: Some((toks[c].s, toks[c].e)),
            framing: Some(Framing::Neutral),
            rule: Rule::QuotedLabel,
        })
    }
}

/// Whether the label's user `r`, read from phrase `f`, is somebody in particular: a
/// roster actor, a proper name, one person in a role ("one Clinton spokesman") or a
/// pronoun standing for one of those; a group as written ("critics") is not.
pub(super) fn named_user(f: &Found, r: Option<&Resolved<'_>>) -> bool {
    let Some(r) = r else {
        return false;
    };
    f.np.proper
        || matches!(f.np.who, Who::Actor(_) | Who::Pron(_))
        || (r.kind == ActorKind::Role && !r.plural)
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};
    use crate::quotes::{Framing, QuoteKind};

    #[test]
    fn rule_quoted_label() {
        let cases = [
            (
                "Matthew Albence called the released men “criminal aliens”.",
                "Matthew Albence",
            ),
            (
                "The city faces what Henry Lucero calls an “invasion” of its courts.",
                "Henry Lucero",
            ),
            (
                "Tom Reyes described the plan as “a remnant of another period.”",
                "Tom Reyes",
            ),
            (
                "Tom Reyes went after the mayor on Monday, calling him “a total stiff.”",
                "Tom Reyes",
            ),
            ("Tom Reyes dubbed it “the giveaway.”", "Tom Reyes"),
            (
                "Tom Reyes called on her to resign and said the plan was “a disaster.”",
                "Tom Reyes",
            ),
            // the clause's subject, never its object
            ("Early on, Tom Reyes attacked Henry Lucero, calling him “a failed candidate.”", "Tom Reyes"),
            ("Tom Reyes, the former mayor, also attacked Henry Lucero, with whom he clashed on Saturday, calling him “a loser.”", "Tom Reyes"),
        ];
        for (t, who) in cases {
            let q = &run(t)[0];
            assert_eq!(q.kind, QuoteKind::Speech, "{t}");
            assert_eq!(speaker(q), Some(who), "{t}");
        }
        let q = &run(cases[0].0)[0];
        assert_eq!(
            (q.rule.as_str(), q.cue.as_deref(), q.framing),
            ("quoted_label", Some("called"), Some(Framing::Neutral))
        );
        // the nearest verb is the label's: Lucero said, but Reyes called it so
        let t = "One city spokesman has called the situation “overclassification run amok.”";
        assert_eq!(speaker(&run(t)[0]), Some("One city spokesman"));
        let t = "Henry Lucero said Tom Reyes called the men “criminal aliens”.";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Reyes"));
    }

    #[test]
    fn scare_quotes_with_no_named_user_stay_terms() {
        for t in [
            "Critics called the policy “un-American.”",
            "The policy has been called “un-American.”",
            "The so-called “safe zones” were closed.",
            "Tom Reyes described the plan in detail and then left the “safe zone” behind.",
        ] {
            let q = &run(t)[0];
            assert_eq!((q.kind, speaker(q)), (QuoteKind::Term, None), "{t}");
        }
    }
}
