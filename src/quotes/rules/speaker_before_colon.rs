//! `speaker_before_colon`: words ending in a colon introduce the quotation that follows,
//! in its sentence (`Albence told reporters: “…”`) or as the sentence before a stand-alone
//! quote (`Governor Ellen Park said:` + a new paragraph). The speaker is read as
//! `verb_before` reads it, and labelled `speaker_before_colon`; with no cue, a short
//! proper name right before the colon is a transcript-style speaker (`Albence: “…”`). A
//! colon followed by unquoted text (`The Daily Wire reported:`) attributes nothing.

use super::finding::Found;
use crate::quotes::context::Ctx;
use crate::quotes::np::{Np, Who};
use crate::quotes::rule::Rule;
use crate::quotes::tokens::{Tk, Tok};
use crate::scan::Kernels;

/// The words end in a colon.
pub(super) fn ends_with_colon(toks: &[Tok]) -> bool {
    matches!(
        toks.last(),
        Some(Tok {
            k: Tk::Punct(':'),
            ..
        })
    )
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Words ending in a colon with no speech cue: transcript style (`Albence: “…”`),
    /// else the sentence's subject when it names somebody (`In a Fox interview, Trump
    /// went even further: “…”`), else a name right before the colon (`… doesn't surprise
    /// Republican pollster Daron Shaw: “…”`).
    pub(super) fn colon_introducer(&self, toks: &[Tok]) -> Option<Found> {
        if let Some(f) = self.transcript_speaker(toks) {
            return Some(f);
        }
        let body = &toks[..toks.len() - 1];
        let named = |np: &Np| np.proper || matches!(np.who, Who::Actor(_));
        let np = self
            .np_initial(body)
            .map(|(np, _)| np)
            .filter(named)
            .or_else(|| self.trailing_np(body).filter(|np| np.proper))?;
        Some(Found {
            anchor: np.s,
            np,
            appos: false,
            cue: None,
            framing: None,
            rule: Rule::SpeakerBeforeColon,
        })
    }

    /// Transcript style "Albence: “…”": a proper name of at most six words right before
    /// the colon ending `toks`.
    pub(super) fn transcript_speaker(&self, toks: &[Tok]) -> Option<Found> {
        let end = toks.len() - 1;
        let st = toks[..end]
            .iter()
            .rposition(|t| !matches!(t.k, Tk::Word))
            .map_or(0, |p| p + 1);
        if end - st <= 6 {
            let np = self.classify(&toks[st..end])?;
            if np.proper {
                return Some(Found {
                    anchor: np.s,
                    np,
                    appos: false,
                    cue: None,
                    framing: None,
                    rule: Rule::SpeakerBeforeColon,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn rule_speaker_before_colon() {
        let t = "Governor Ellen Park told reporters: “We are not backing down from this fight.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        let t = "Governor Ellen Park said:\n\n“We are not backing down from this fight.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        let t = "Park: “We are ready for the storm, whatever happens.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        // no speech verb: the subject of the sentence, else the name before the colon
        let t = "In a radio interview later that day, Tom Reyes went even further: “If he goes forward and loses, it is the end.”";
        assert_eq!(speaker(&run(t)[0]), Some("Tom Reyes"));
        let t = "The timing of the surge does not surprise Republican pollster Dana Whitfield: “Historically, lesser-known candidates rise late.”";
        assert_eq!(speaker(&run(t)[0]), Some("Dana Whitfield"));
        let t = "Here are the details of the plan: “Every family gets a voucher for the winter.”";
        assert_eq!(speaker(&run(t)[0]), None);
        // a colon paragraph followed by plain (unquoted) text yields nothing
        let t = "The Daily Wire reported:\n\nThe city has refused to comply with the order.";
        assert!(run(t).is_empty());
    }
}
