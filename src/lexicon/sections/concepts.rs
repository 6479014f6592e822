//! Building the `concepts:` section: concept ids (not empty, not used twice), what scare
//! quotes signal, and each variant's side, weight, terms (see `terms`) and patterns (see
//! `patterns`).

use std::collections::HashMap;

use super::origins::{At, Origins};
use super::patterns::check_patterns;
use super::sides::SideIds;
use super::terms::SeenForms;
use crate::lexicon::diagnostic::{show_number, Diagnostic, Seg, MAX_WEIGHT};
use crate::lexicon::model::{Concept, Limits, ScareQuoted, Variant};
use crate::lexicon::schema::ConceptDef;

/// Check and build every concept of the composed file.
pub(super) fn build_concepts(
    o: &Origins,
    sides: &SideIds,
    limits: Limits,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Concept> {
    let file = o.file;
    let mut concepts = Vec::new();
    let mut concept_ids: HashMap<&str, usize> = HashMap::new();
    let mut seen = SeenForms::default();
    for (ci, c) in file.concepts.iter().enumerate() {
        let at = |rest: Vec<Seg>| o.concept(ci, rest);
        if c.id.trim().is_empty() {
            let (org, path) = at(vec![Seg::key("id")]);
            diags.push(Diagnostic::error(&org, path, "concept `id` is empty"));
        } else if let Some(&prev) = concept_ids.get(c.id.as_str()) {
            let (org, path) = at(vec![Seg::key("id")]);
            let (rorg, rpath) = o.concept(prev, vec![Seg::key("id")]);
            diags.push(
                Diagnostic::error(&org, path, format!("concept id `{}` is used twice", c.id))
                    .hint("give each concept its own id, or merge the two concepts' variants")
                    .related(&rorg, rpath),
            );
        } else {
            concept_ids.insert(c.id.as_str(), ci);
        }
        if c.variants.is_empty() {
            let (org, path) = at(vec![Seg::key("variants")]);
            diags.push(
                Diagnostic::error(&org, path, format!("concept `{}` has no variants", c.id))
                    .hint("add `variants:` with at least one `- terms: [...]` and `side:`"),
            );
        }
        let scare = build_scare(c, &at, sides, diags);
        let mut variants = Vec::new();
        for (vi, v) in c.variants.iter().enumerate() {
            let vat = |k: Vec<Seg>| {
                let mut p = vec![Seg::key("variants"), Seg::Index(vi)];
                p.extend(k);
                at(p)
            };
            let side = sides.resolve(&v.side, diags, vat(vec![Seg::key("side")]));
            if c.tone && side.is_some() {
                let (org, path) = vat(vec![Seg::key("side")]);
                diags.push(
                    Diagnostic::error(
                        &org,
                        path,
                        format!("`{}` is a tone concept, so its variants count for no side, but this one says `side: {}`", c.id, v.side.trim()),
                    )
                    .hint("write `side: neutral` (tone measures how charged the language is, whatever side it serves), or remove `tone: true`"),
                );
            }
            if v.terms.is_empty() && v.patterns.is_empty() {
                let (org, path) = vat(vec![]);
                diags.push(
                    Diagnostic::error(
                        &org,
                        path,
                        format!("a variant of `{}` has no `terms` and no `patterns`", c.id),
                    )
                    .hint("add `terms: [\"word\", \"words\"]`"),
                );
            }
            let weight = show_number(v.weight);
            if !v.weight.is_finite() || v.weight <= 0.0 {
                let (org, path) = vat(vec![Seg::key("weight")]);
                diags.push(Diagnostic::error(&org, path, format!("weight {weight} must be a positive number")).hint("weights usually lie between 0.25 (mild) and 3 (strongly loaded); to switch a variant off, remove it or `disable` its concept"));
            } else if v.weight > MAX_WEIGHT {
                let (org, path) = vat(vec![Seg::key("weight")]);
                diags.push(Diagnostic::error(&org, path, format!("weight {weight} is over the largest allowed, {MAX_WEIGHT}")).hint("weights usually lie between 0.25 (mild) and 3 (strongly loaded); a huge weight would make the sums overflow"));
            } else if !(0.1..=5.0).contains(&v.weight) {
                let (org, path) = vat(vec![Seg::key("weight")]);
                diags.push(Diagnostic::warning(&org, path, format!("weight {weight} is outside the usual range 0.1..5")).hint("one term with a huge weight decides an article's lean alone; keep weights between 0.25 and 3"));
            }
            seen.check_terms(o, (ci, vi), v, &vat, diags);
            check_patterns(v, limits, &vat, diags);
            let label = v
                .label
                .clone()
                .or_else(|| v.terms.first().cloned())
                .or_else(|| v.patterns.first().cloned())
                .unwrap_or_default();
            variants.push(Variant {
                label,
                terms: v.terms.clone(),
                patterns: v.patterns.clone(),
                side,
                weight: v.weight,
                case_sensitive: v.case_sensitive,
                description: v.description.clone(),
                examples: v.examples.clone(),
                counter_examples: v.counter_examples.clone(),
            });
        }
        concepts.push(Concept {
            id: c.id.clone(),
            label: c.label.clone().unwrap_or_else(|| c.id.replace('_', " ")),
            description: c.description.clone(),
            scare_quoted: scare,
            tone: c.tone,
            variants,
        });
    }
    concepts
}

/// What scare quotes around a term of `c` signal: `flip` (the default), `keep`, or a side.
fn build_scare(
    c: &ConceptDef,
    at: &dyn Fn(Vec<Seg>) -> At,
    sides: &SideIds,
    diags: &mut Vec<Diagnostic>,
) -> ScareQuoted {
    match c.scare_quoted.as_deref().map(str::trim) {
        None | Some("flip") => ScareQuoted::Flip,
        Some("keep") => ScareQuoted::Keep,
        Some(other) => {
            ScareQuoted::Side(sides.resolve(other, diags, at(vec![Seg::key("scare_quoted")])))
        }
    }
}
