//! `document`: the speaker is a document, named by the roster (`said a press release` →
//! "ICE press release") or through a document head whose issuer is known (`according to
//! a statement from the Housing Authority` → Housing Authority). This label beats every
//! other; a document with no known issuer (`a statement said`) is no speaker at all (see
//! [`crate::quotes::np`]).

use super::finding::Found;
use crate::lexicon::ActorKind;
use crate::quotes::speaker::Resolved;

/// The speaker `r` of phrase `f` is a document, or was found through one.
pub(super) fn credits_document(f: &Found, r: &Resolved<'_>) -> bool {
    f.np.doc || r.kind == ActorKind::Document
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, side_of, speaker};

    #[test]
    fn rule_document() {
        let t = "“Rents will rise by ten percent next year,” said a press release from the agency.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Housing Authority press release"));
        assert_eq!(
            (q.rule.as_str(), side_of(q)),
            ("document", Some("landlord"))
        );
        let t = "“Rents will rise by ten percent next year,” according to a statement from the Housing Authority.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule.as_str()),
            (Some("Housing Authority"), "document")
        );
        // a document with no known issuer is not a speaker
        let t = "“Rents will rise by ten percent next year,” a statement said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule.as_str()), (None, "unattributed"));
    }
}
