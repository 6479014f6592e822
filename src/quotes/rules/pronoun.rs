//! `pronoun`: a speaker phrase that is he/she, it or they is resolved to the nearest
//! fitting antecedent: he/she → a person or a singular role whose name does not say the
//! other gender (`first_names.rs`: "he" is never Maria Lopez), it → an organisation or a
//! document, they → an organisation or a role. Speakers of earlier quotes and subjects of
//! speech verbs in the same or the four previous sentences come first, then any roster
//! mention there (outside quotations); no fitting antecedent → unattributed, never a
//! guess. A speaker found through a pronoun is labelled `pronoun` (unless a document).

use super::finding::Attr;
use crate::lexicon::ActorKind;
use crate::quotes::context::Ctx;
use crate::quotes::cues::Form;
use crate::quotes::first_names::{gender_of, Gender};
use crate::quotes::np::{Np, Pron, Who};
use crate::quotes::speaker::Resolved;
use crate::quotes::subject::Subj;
use crate::quotes::tokens::Tk;
use crate::scan::Kernels;

/// How many sentences (this one included) an antecedent is looked for in.
const SENTENCES_BACK: usize = 5;
/// In this many of them any fitting antecedent counts; further back, only a name whose
/// gender the pronoun's matches ("she" → "Maria Lopez", never "Freddi Goldstein").
const NEAR_SENTENCES: usize = 3;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The antecedent of pronoun `p`, looked for before `anchor` in its sentence and the
    /// [`SENTENCES_BACK`] − 1 before.
    pub(super) fn resolve_pron(
        &self,
        p: Pron,
        anchor: usize,
        attrs: &[Attr<'a>],
    ) -> Option<Resolved<'a>> {
        let mut s = self.sent_start(anchor, false);
        let mut e = anchor;
        for back in 0..SENTENCES_BACK {
            if let Some(r) = self.best_candidate(s, e, p, attrs) {
                // past the nearest sentences, only a name that says the same gender
                let said = gender_of(&r.name);
                let far_ok = match p {
                    Pron::He => said == Some(Gender::Male),
                    Pron::She => said == Some(Gender::Female),
                    Pron::It | Pron::They => false,
                };
                if back < NEAR_SENTENCES || far_ok {
                    return Some(r);
                }
            }
            let (ps, pe) = self.prev_sentence(s)?;
            s = ps;
            e = pe;
        }
        None
    }

    /// Nearest fitting antecedent in `[s, e)`: speakers of earlier quotes and
    /// subjects of speech verbs first, then any roster mention.
    fn best_candidate(
        &self,
        s: usize,
        e: usize,
        p: Pron,
        attrs: &[Attr<'a>],
    ) -> Option<Resolved<'a>> {
        let toks = self.tokens(s, e);
        let mut best: Option<(usize, Resolved<'a>)> = None;
        let mut consider = |pos: usize, r: Resolved<'a>| {
            if fits(p, &r)
                && match &best {
                    None => true,
                    Some((bp, _)) => pos >= *bp,
                }
            {
                best = Some((pos, r));
            }
        };
        for (k, t) in toks.iter().enumerate() {
            match t.k {
                Tk::Quote(qi) => {
                    if let Some(sp) = attrs.get(qi).and_then(|a| a.speaker.clone()) {
                        consider(t.s, sp);
                    }
                }
                Tk::Word => {
                    if self
                        .cue_at(&toks, k)
                        .is_some_and(|c| c.form == Form::Finite)
                    {
                        if let Subj::Found(np, _) = self.subject_before(&toks, k, None) {
                            if let Some(r) = self.resolve_np(&np) {
                                consider(np.s, r);
                            }
                        }
                    }
                }
                Tk::Punct(_) => {}
            }
        }
        if let Some((_, r)) = best {
            return Some(r);
        }
        let inside_quote = |pos: usize| {
            toks.iter()
                .any(|t| matches!(t.k, Tk::Quote(_)) && t.s <= pos && pos < t.e)
        };
        let fitting: Vec<Resolved<'a>> = self
            .mentions(s, e)
            .into_iter()
            .rev()
            .filter(|m| !inside_quote(m.s))
            .filter_map(|m| {
                self.resolve_np(&Np {
                    who: Who::Actor(m.actor),
                    proper: true,
                    doc: false,
                    s: m.s,
                })
            })
            .filter(|r| fits(p, r))
            .collect();
        // he/she: a person named in the sentence before the role that describes them
        // ("Henry Lucero, a senior ICE official, was blunter. He told …")
        let person = fitting
            .iter()
            .position(|r| r.kind == ActorKind::Person)
            .filter(|_| matches!(p, Pron::He | Pron::She));
        match person {
            Some(i) => fitting.into_iter().nth(i),
            None => fitting.into_iter().next(),
        }
    }
}

/// Whether pronoun `p` can stand for speaker `r`.
fn fits(p: Pron, r: &Resolved<'_>) -> bool {
    match p {
        Pron::He | Pron::She => {
            let person = r.kind == ActorKind::Person || (r.kind == ActorKind::Role && !r.plural);
            let unlike = if p == Pron::He {
                Gender::Female
            } else {
                Gender::Male
            };
            person && gender_of(&r.name) != Some(unlike)
        }
        Pron::It => matches!(r.kind, ActorKind::Organization | ActorKind::Document),
        Pron::They => matches!(r.kind, ActorKind::Organization | ActorKind::Role),
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};
    use crate::quotes::QuoteKind;

    #[test]
    fn rule_pronoun() {
        let t = "Tom Reyes criticized the plan on Monday.\n“It is a disaster for every family in this city,” he said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Tom Reyes"), "pronoun")
        );
        let t = "The Riverside Tenants Union met on Sunday. It released a statement saying “the rent increases will push families out of the neighborhood.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Riverside Tenants Union"), "pronoun")
        );
        let t = "City officials met on Tuesday. “We will review the order line by line before we act,” they said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("city officials"), "pronoun")
        );
        // gender agreement: the nearest antecedent that fits
        let t = "Maria Lopez, a nurse, said she was worried. Her neighbor, Tom Harlan, disagreed. “They are releasing dangerous people into the street,” he said.";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Harlan"));
        let t = "Tom Harlan said the plan was fine, and Maria Lopez answered him. “We are not afraid of any of this,” he said.";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Harlan"));
        let t = "Tom Harlan said the plan was fine, and Maria Lopez answered him. “We are not afraid of any of this,” she said.";
        assert_eq!(speaker(&run(t)[0]), Some("Maria Lopez"));
        // a person before the role that describes them
        let t = "Henry Lucero, a senior Housing Authority official, was blunter. “We will act on every complaint,” he said.";
        assert_eq!(speaker(&run(t)[0]), Some("Henry Lucero"));
        // no antecedent at all: unattributed, not a guess
        let t = "The weather was cold.\n“We will not leave this place without a fight,” she said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule.as_str()), (None, "unattributed"));
        assert_eq!(q.kind, QuoteKind::Speech);
        // "he" never resolves to an organisation
        let t = "The Housing Authority issued new rules on Friday. “We will act on every complaint,” he said.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
        // the antecedent must be within four sentences before
        let t = "Tom Reyes spoke first. The hall was full. The lights were dim. The air was hot. The doors were shut. The clock struck nine.\n“We will not leave this place without a fight,” he said.";
        assert_eq!(speaker(&run(t)[0]), None);
    }
}
