//! `dash_credit`: a quotation credited after a dash, with no verb: `“Nobody here is above
//! the law.” — Jane Doe, immigration attorney`. The words after the closing mark (to the
//! end of the sentence or paragraph) are a dash, a name or roster actor, and at most a
//! description after a comma; anything else (a verb, a second clause) is no credit, and
//! only a quotation that opens its sentence is credited so (a quote inside reported
//! words, `X insisted that his party was “…”--Kim Hjelmgaard.`, ends in a byline).
//! Tried right after `verb_after`.

use super::finding::{Found, Site};
use crate::quotes::context::Ctx;
use crate::quotes::np::Who;
use crate::quotes::rule::Rule;
use crate::quotes::tokens::Tk;
use crate::scan::Kernels;

/// At most this many words of description after the name.
const MAX_DESCRIPTION: usize = 12;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The name credited after a dash following quotation `site.i`.
    pub(super) fn dash_credit(&self, site: &Site) -> Option<Found> {
        if !site.stands_alone {
            return None;
        }
        let q = &self.raws[site.i];
        let toks = self.tokens(q.close, site.after_end);
        let dashes = toks
            .iter()
            .take_while(|t| matches!(t.k, Tk::Punct('—' | '–' | '-')))
            .count();
        let dash_ok = dashes == 1 && matches!(toks[0].k, Tk::Punct('—' | '–'))
            || dashes == 2 && toks[0].k == Tk::Punct('-');
        if !dash_ok {
            return None;
        }
        let (np, _) = self.np_forward(&toks, dashes)?;
        if !(np.proper || matches!(np.who, Who::Actor(_))) {
            return None;
        }
        // the name, then at most ", a description" to the end
        let name_end = toks
            .iter()
            .position(|t| t.s > np.s && t.k == Tk::Punct(','))
            .unwrap_or(toks.len());
        let rest = &toks[name_end..];
        let words = rest.iter().filter(|t| t.k == Tk::Word).count();
        let clean = rest.iter().all(|t| !matches!(t.k, Tk::Quote(_)))
            && (0..rest.len()).all(|i| !self.is_cue_word(rest, i));
        if words > MAX_DESCRIPTION || !clean {
            return None;
        }
        Some(Found {
            anchor: np.s,
            np,
            appos: words > 0,
            cue: None,
            framing: None,
            rule: Rule::DashCredit,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn rule_dash_credit() {
        let t = "“Nobody here is above the law.” — Jane Doe, immigration attorney\n\nLucero said nothing.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str(), q.cue.as_deref()),
            (Some("Jane Doe"), "dash_credit", None)
        );
        let t = "“We will keep fighting for every family in this city.” -- Henry Lucero";
        assert_eq!(speaker(&run(t)[0]), Some("Henry Lucero"));
        // a dash that opens a clause is no credit
        let t = "“We will keep fighting for every family in this city” — Jane Doe said it twice, and left.";
        assert_ne!(run(t)[0].rule.as_str(), "dash_credit");
        let t = "Tom Reyes insisted that his party was “still the first force in the state.”--Kim Hjelmgaard.";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Reyes"));
        let t = "“We will keep fighting for every family in this city.” — and nobody believed it.";
        assert_eq!(speaker(&run(t)[0]), None);
    }
}
