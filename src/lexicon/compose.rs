//! `extends` composition: one lexicon file laid over the one it extends. Child concepts
//! and actors replace the parent's of the same id or name (new ones are added), `disable`
//! removes parent entries, sides and scoring come from the child when it has them.
//! Every entry keeps its [`Provenance`], so diagnostics point into the right file.

use super::diagnostic::{Diagnostic, Seg};
use super::schema::{LexiconFile, ModifiersDef, Provenance, ScoringDef, StanceDef, VoiceDef};
use super::suggest::closest;

/// Put `child` on top of `parent`: child concepts replace parent concepts with the same id
/// (and add new ones), child actors replace parent actors with the same name, `disable`
/// removes parent entries, sides and scoring come from the child when it has them.
///
/// Provenance records, for every entry of the result, the file (`parent_origin`, a file
/// further up the chain, or `child_origin`) and index it was written at, so diagnostics
/// point into the right file.
pub fn compose(
    parent: LexiconFile,
    parent_origin: &str,
    child: LexiconFile,
    child_origin: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> LexiconFile {
    let parent_prov = |kind: &str, i: usize, p: &Provenance| -> (String, usize) {
        let list = if kind == "c" { &p.concepts } else { &p.actors };
        list.get(i)
            .cloned()
            .unwrap_or_else(|| (parent_origin.to_string(), i))
    };
    let mut out = LexiconFile {
        name: child.name.clone(),
        version: child.version.clone(),
        description: if child.description.is_empty() {
            parent.description.clone()
        } else {
            child.description.clone()
        },
        extends: None,
        disable: Vec::new(),
        ..LexiconFile::default()
    };
    // Sides and scoring.
    if child.sides.is_empty() {
        out.sides = parent.sides.clone();
        out.provenance.sides = Some(
            parent
                .provenance
                .sides
                .clone()
                .unwrap_or_else(|| parent_origin.to_string()),
        );
    } else {
        out.sides = child.sides.clone();
        out.provenance.sides = Some(child_origin.to_string());
    }
    out.scoring = match (&parent.scoring, &child.scoring) {
        (_, Some(c)) => {
            out.provenance.scoring = Some(child_origin.to_string());
            Some(merge_scoring(
                parent.scoring.clone().unwrap_or_default(),
                c.clone(),
            ))
        }
        (p, None) => {
            out.provenance.scoring = Some(
                parent
                    .provenance
                    .scoring
                    .clone()
                    .unwrap_or_else(|| parent_origin.to_string()),
            );
            p.clone()
        }
    };
    // Disabled entries must exist in the parent.
    for (i, d) in child.disable.iter().enumerate() {
        let known = parent.concepts.iter().any(|c| &c.id == d)
            || parent.actors.iter().any(|a| &a.name == d);
        if !known {
            let names: Vec<&str> = parent
                .concepts
                .iter()
                .map(|c| c.id.as_str())
                .chain(parent.actors.iter().map(|a| a.name.as_str()))
                .collect();
            let hint = match closest(d, &names) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "check the spelling against the `id:` lines of the extended lexicon (the built-in ones are in lexicons/)".to_string(),
            };
            diagnostics.push(
                Diagnostic::warning(
                    child_origin,
                    vec![Seg::key("disable"), Seg::Index(i)],
                    format!("`{d}` is not a concept id or actor name of the extended lexicon, so disabling it does nothing"),
                )
                .hint(hint),
            );
        }
    }
    let disabled = |id: &str| child.disable.iter().any(|d| d == id);
    // Concepts: parent order, replaced in place; new child concepts appended.
    for (i, c) in parent.concepts.iter().enumerate() {
        if disabled(&c.id) {
            continue;
        }
        if let Some((j, cc)) = child
            .concepts
            .iter()
            .enumerate()
            .find(|(_, cc)| cc.id == c.id)
        {
            out.concepts.push(cc.clone());
            out.provenance.concepts.push((child_origin.to_string(), j));
        } else {
            out.concepts.push(c.clone());
            out.provenance
                .concepts
                .push(parent_prov("c", i, &parent.provenance));
        }
    }
    for (j, cc) in child.concepts.iter().enumerate() {
        if !parent.concepts.iter().any(|c| c.id == cc.id) {
            out.concepts.push(cc.clone());
            out.provenance.concepts.push((child_origin.to_string(), j));
        }
    }
    for (i, a) in parent.actors.iter().enumerate() {
        if disabled(&a.name) {
            continue;
        }
        if let Some((j, ca)) = child
            .actors
            .iter()
            .enumerate()
            .find(|(_, ca)| ca.name == a.name)
        {
            out.actors.push(ca.clone());
            out.provenance.actors.push((child_origin.to_string(), j));
        } else {
            out.actors.push(a.clone());
            out.provenance
                .actors
                .push(parent_prov("a", i, &parent.provenance));
        }
    }
    for (j, ca) in child.actors.iter().enumerate() {
        if !parent.actors.iter().any(|a| a.name == ca.name) {
            out.actors.push(ca.clone());
            out.provenance.actors.push((child_origin.to_string(), j));
        }
    }
    out
}

fn merge_scoring(p: ScoringDef, c: ScoringDef) -> ScoringDef {
    let pv = p.voice.unwrap_or_default();
    let pm = p.modifiers.unwrap_or_default();
    let ps = p.stance.unwrap_or_default();
    let cv = c.voice.unwrap_or_default();
    let cm = c.modifiers.unwrap_or_default();
    let cs = c.stance.unwrap_or_default();
    ScoringDef {
        voice: Some(VoiceDef {
            narrator: cv.narrator.or(pv.narrator),
            quoted: cv.quoted.or(pv.quoted),
            reported: cv.reported.or(pv.reported),
            scare_quoted: cv.scare_quoted.or(pv.scare_quoted),
        }),
        modifiers: Some(ModifiersDef {
            negated: cm.negated.or(pm.negated),
            distanced: cm.distanced.or(pm.distanced),
        }),
        stance: Some(StanceDef {
            prior: cs.prior.or(ps.prior),
            interval: cs.interval.or(ps.interval),
            framing: cs.framing.or(ps.framing),
            terms: cs.terms.or(ps.terms),
            quotes: cs.quotes.or(ps.quotes),
        }),
        min_evidence: c.min_evidence.or(p.min_evidence),
        min_quote_words: c.min_quote_words.or(p.min_quote_words),
    }
}
