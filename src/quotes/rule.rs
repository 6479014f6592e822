//! The ids of the attribution rules: how the speaker of a quotation was found, or why it
//! has none. [`Rule::as_str`] is the stable id every output writes (`verb_after`, …); each
//! variant says which file finds it or labels it, so a rule has one obvious home.

use std::fmt;

/// How the speaker of a quotation was found ([`super::Quote::rule`]). The finders are tried
/// in the order of `rules/mod.rs`; when a speaker is found, the most specific label wins:
/// `document`, then `pronoun`, then `speaker_before_colon` / `previous_sentence` /
/// `quoted_label` / `dash_credit`, then `appositive`, then the finder's own id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Words after the quote, up to the end of its sentence (`“…,” Albence said`,
    /// `“…,” said Albence`, `“…,” according to ICE`): `rules/verb_after.rs`.
    VerbAfter,
    /// A speech cue before the quote in its own sentence (`Goldstein said in an email that
    /// “…”`, `accused ICE of employing “scare tactics”`, `In a statement, ICE called it
    /// “…”`): `rules/verb_before.rs`.
    VerbBefore,
    /// The speaker phrase came with an appositive (`Henry Lucero, a senior ICE official,
    /// told AP`): descriptors and addressees are never the speaker, a proper name beats a
    /// role description: `appositive.rs` (read with the subject).
    Appositive,
    /// A quoted label a named subject is reported to use (`Albence called the men
    /// “criminal aliens”`, `what Trump calls an “invasion”`): that subject's words, not
    /// scare quotes: `rules/quoted_label.rs`.
    QuotedLabel,
    /// A sentence ending in a colon introduces the quote (`Albence told reporters: “…”`,
    /// transcript style `Albence: “…”`): `rules/speaker_before_colon.rs`.
    SpeakerBeforeColon,
    /// he/she/it/they, resolved to a fitting earlier speaker or subject:
    /// `rules/pronoun.rs`.
    Pronoun,
    /// A credit after a dash, with no verb (`“…” — Jane Doe, immigration attorney`):
    /// `rules/dash_credit.rs`.
    DashCredit,
    /// The quote goes on from the previous attributed quote (`“Stop,” Lucero said, “or we
    /// leave.”`, or nothing but that quote's attribution in between):
    /// `rules/continuation.rs`.
    Continuation,
    /// A stand-alone quote whose previous sentence names the speaker (`…, quoting ICE’s
    /// Acting Director Matthew Albence.`, `X said in a statement.`):
    /// `rules/previous_sentence.rs`.
    PreviousSentence,
    /// The speaker is a document (`said a press release`, `a statement from ICE`):
    /// `rules/document.rs`.
    Document,
    /// A scare-quoted term, coined label or idiom, with no speaker: `classify.rs`.
    TermQuote,
    /// Speech whose speaker no rule could name.
    Unattributed,
}

impl Rule {
    /// Every rule, in the order of their ids' documentation.
    pub const ALL: [Rule; 12] = [
        Rule::VerbAfter,
        Rule::VerbBefore,
        Rule::Appositive,
        Rule::QuotedLabel,
        Rule::SpeakerBeforeColon,
        Rule::Pronoun,
        Rule::DashCredit,
        Rule::Continuation,
        Rule::PreviousSentence,
        Rule::Document,
        Rule::TermQuote,
        Rule::Unattributed,
    ];

    /// The stable id written in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::VerbAfter => "verb_after",
            Rule::VerbBefore => "verb_before",
            Rule::Appositive => "appositive",
            Rule::QuotedLabel => "quoted_label",
            Rule::SpeakerBeforeColon => "speaker_before_colon",
            Rule::Pronoun => "pronoun",
            Rule::DashCredit => "dash_credit",
            Rule::Continuation => "continuation",
            Rule::PreviousSentence => "previous_sentence",
            Rule::Document => "document",
            Rule::TermQuote => "term_quote",
            Rule::Unattributed => "unattributed",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_stable_output_strings() {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(
            ids,
            [
                "verb_after",
                "verb_before",
                "appositive",
                "quoted_label",
                "speaker_before_colon",
                "pronoun",
                "dash_credit",
                "continuation",
                "previous_sentence",
                "document",
                "term_quote",
                "unattributed",
            ]
        );
        assert_eq!(
            format!("{}|{:>12}", Rule::Pronoun, Rule::Document),
            "pronoun|    document"
        );
    }
}
