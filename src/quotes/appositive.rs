//! `appositive`: a speaker phrase with a description beside it. In `A, B,` + verb one of
//! the two is the other's appositive, and a proper name beats a role or document
//! description; a name opening a longer chain of descriptions and relative clauses
//! (`Ari Fleischer, a former official who sits on the board of X, said`) is the speaker
//! (read in `subject.rs`) (`The group’s lawyer, Omar Haddad, warned`); after a name, a comma opens an
//! appositive (`said Karen Holt, a spokeswoman for the union`), so the description's
//! organisation and the addressee (`told The Associated Press`) are never the speaker.
//! Not a search of its own, so not under `rules/`: the subject readers of
//! [`super::subject`] ask it while they read, and the driver in `rules/mod.rs` labels a
//! speaker found with an appositive `appositive` (unless a more specific label applies).

use super::context::Ctx;
use super::np::Np;
use super::tokens::{Tk, Tok};
use crate::scan::Kernels;

/// The speaker of `A, B,` + verb, from what the two segments name: the first, unless
/// only the second is a proper name; whichever names anything.
pub(super) fn speaker(a: Option<Np>, b: Option<Np>) -> Option<Np> {
    match (a, b) {
        (Some(a), Some(b)) => {
            if a.proper || !b.proper {
                Some(a)
            } else {
                Some(b)
            }
        }
        (Some(a), None) => Some(a),
        (None, Some(b)) => Some(b),
        (None, None) => None,
    }
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// After a speaker phrase ending before token `e`: a comma and a word that is no cue
    /// open an appositive (`said Henry Lucero, acting …`).
    pub(super) fn appositive_follows(&self, toks: &[Tok], e: usize) -> bool {
        toks.get(e).is_some_and(|t| t.k == Tk::Punct(','))
            && toks.get(e + 1).is_some_and(|t| t.k == Tk::Word)
            && !self.is_cue_word(toks, e + 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn rule_appositive() {
        // the speaker, not the descriptor's organisation nor the addressee
        let t = "“The plan is dead on arrival,” Karen Holt, a spokeswoman for the Riverside Tenants Union, told The Associated Press.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Karen Holt"));
        assert_eq!(
            (q.rule.as_str(), q.cue.as_deref()),
            ("appositive", Some("told"))
        );
        let t = "“The plan is dead, and we said so,” said Karen Holt, a spokeswoman for the union.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Karen Holt"), "appositive")
        );
        // past a description with a relative clause in it, back to the name
        for t in [
            "Ari Fleischer, a former official who also sits on the board of the Housing Authority, said the rules were “a disgrace to every tenant.”",
            "Dana Whitfield, executive director of the Housing Authority, a tenants group, said she thinks the council is “going to be dragged down.”",
            "Zimmerman, who identifies as Hispanic, told the paper that the site was “not prepared for the traffic at all.”",
        ] {
            let who = t.split(',').next().unwrap();
            assert_eq!(speaker(&run(t)[0]), Some(who), "{t}");
        }
        // a role, then the name in apposition
        let t = "In an email on Jan. 18, the union’s lawyer, Omar Haddad, accused the city of trying “to exploit this tragedy.”";
        assert_eq!(speaker(&run(t)[0]), Some("Omar Haddad"));
        // descriptor first, name second
        let t = "The group’s lawyer, Omar Haddad, warned that “the eviction notices are illegal under state law.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Omar Haddad"), "appositive")
        );
    }
}
