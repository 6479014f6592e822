//! Building a [`Lexicon`] from a parsed (and composed) file: every meaning check (declared
//! sides, duplicate ids, empty terms, colors, regex validity and size, weights, terms that
//! can never match because another entry has the same normalized form), one file per
//! section. Each problem becomes a [`Diagnostic`] carrying a YAML path; positions are
//! found afterwards by `locate`.
//!
//! The order of the checks is the order diagnostics at the same position are listed in:
//! name and version, sides, scoring, concepts, actors.

mod actors;
mod concepts;
mod origins;
mod patterns;
mod scoring;
mod sides;
mod terms;

use crate::lexicon::diagnostic::{Diagnostic, Seg, Severity};
use crate::lexicon::model::{Lexicon, Limits};
use crate::lexicon::schema::LexiconFile;
use origins::Origins;

/// Check a parsed (and composed) file and build the lexicon. Returns `None` when there
/// were errors; every problem is pushed to `diags`.
pub fn build(
    file: &LexiconFile,
    origin: &str,
    sources: Vec<String>,
    limits: Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Lexicon> {
    let o = Origins { file, origin };
    let start_errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();

    if file.name.trim().is_empty() {
        diags.push(
            Diagnostic::error(origin, vec![Seg::key("name")], "`name` is empty")
                .hint("give the lexicon a short name, e.g. `name: immigration`"),
        );
    }
    if file.version.trim().is_empty() {
        diags.push(
            Diagnostic::error(origin, vec![Seg::key("version")], "`version` is empty")
                .hint("write a version such as `version: \"1.0.0\"`"),
        );
    }

    let (sides, side_ids) = sides::build_sides(file, &o.sides(), diags);
    let scoring = scoring::build_scoring(file, &o.scoring(), diags);
    let concepts = concepts::build_concepts(&o, &side_ids, limits, diags);
    let actors = actors::build_actors(&o, &side_ids, diags);

    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > start_errors {
        return None;
    }
    let mut lexicon = Lexicon {
        name: file.name.trim().to_string(),
        version: file.version.trim().to_string(),
        description: file.description.trim().to_string(),
        origin: origin.to_string(),
        sha256: String::new(),
        sources,
        sides,
        scoring,
        concepts,
        actors,
        limits,
    };
    lexicon.sha256 = crate::lexicon::fingerprint::fingerprint(&lexicon);
    Some(lexicon)
}
