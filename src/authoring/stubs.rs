//! Concept stubs for `slant lexicon suggest --yaml`: one ready-to-edit concept per ranked
//! phrase that the lexicon does not list, with the side of the group the phrase favours
//! and an example sentence from the corpus.
//!
//! A phrase gets no stub when the lexicon already matches it whole, when its group has
//! no side, or when one of its surface forms (see `lexicon::term_forms`) is already a form
//! of a lexicon term or of an earlier stub (so `lexicon check` has no duplicate to warn
//! about). The example is one of the phrase's example lines, kept only if the lexicon
//! with every stub added matches the stub's own variant in it, as `lexicon test` will
//! check: a longer lexicon term can swallow the phrase, and then the stub has no example
//! and says why.

use std::collections::HashSet;

use super::keyness::{InLexicon, Keyness};
use crate::analysis::Engine;
use crate::lexicon::{term_forms, Concept, ScareQuoted, Variant};
use crate::matcher::Matcher;
use crate::text::normalize::Normalized;

/// Weight a stub starts with ("clearly loaded" on the lexicon's scale); the author adjusts.
pub const STUB_WEIGHT: f64 = 1.0;

/// One concept stub.
#[derive(Debug, Clone, PartialEq)]
pub struct Stub {
    /// A concept id not used by the lexicon or another stub.
    pub id: String,
    /// Index of its row in [`Keyness::rows`].
    pub row: usize,
    /// The side of the group the phrase favours.
    pub side: usize,
    /// An example sentence the stub's variant matches, if one was found.
    pub example: Option<String>,
}

/// The stubs for `k`'s rows (see the module docs).
pub fn stubs(engine: &Engine, k: &Keyness) -> Vec<Stub> {
    let lexicon = &engine.lexicon;
    let mut forms: HashSet<String> = lexicon
        .concepts
        .iter()
        .flat_map(|c| c.variants.iter().flat_map(|v| v.terms.iter()))
        .flat_map(|t| term_forms(t))
        .collect();
    let mut ids: HashSet<String> = lexicon.concepts.iter().map(|c| c.id.clone()).collect();
    let mut out: Vec<Stub> = Vec::new();
    for (i, r) in k.rows.iter().enumerate() {
        if matches!(r.lexicon, Some(InLexicon::Term { .. })) {
            continue;
        }
        let Some(side) = k.groups[r.favours].side else {
            continue;
        };
        let fs = term_forms(&r.phrase);
        if fs.iter().any(|f| f.is_empty() || forms.contains(f)) {
            continue;
        }
        forms.extend(fs);
        let id = unique_id(&slug(&r.phrase), &mut ids);
        out.push(Stub {
            id,
            row: i,
            side,
            example: None,
        });
    }
    if out.is_empty() {
        return out;
    }
    // Every candidate example at once: the lexicon with all stubs added, each stub's
    // variant holding its phrase.
    let mut with = lexicon.clone();
    let base = with.concepts.len();
    with.concepts
        .extend(out.iter().map(|s| concept(s, &k.rows[s.row].phrase)));
    let Ok(matcher) = Matcher::new(&with) else {
        return out;
    };
    for (j, s) in out.iter_mut().enumerate() {
        s.example = k.rows[s.row].examples.iter().find_map(|ex| {
            let sentence = ex.sentence();
            let norm = Normalized::new(&sentence);
            let hits = matcher.find(&sentence, &norm);
            hits.iter()
                .any(|h| h.concept == base + j && h.variant == 0)
                .then_some(sentence)
        });
    }
    out
}

/// The stub as a lexicon concept (for checking its example).
fn concept(s: &Stub, phrase: &str) -> Concept {
    Concept {
        id: s.id.clone(),
        label: phrase.to_string(),
        description: String::new(),
        scare_quoted: ScareQuoted::Flip,
        tone: false,
        variants: vec![Variant {
            label: phrase.to_string(),
            terms: vec![phrase.to_string()],
            patterns: Vec::new(),
            side: Some(s.side),
            weight: STUB_WEIGHT,
            case_sensitive: false,
            description: String::new(),
            examples: Vec::new(),
            counter_examples: Vec::new(),
        }],
    }
}

/// A snake_case id from a phrase: ASCII letters and digits, everything else `_`.
fn slug(phrase: &str) -> String {
    let mut s = String::new();
    for c in phrase.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('_') {
            s.push('_');
        }
    }
    let s = s.trim_matches('_').to_string();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("phrase_{s}").trim_end_matches('_').to_string()
    } else {
        s
    }
}

/// `base`, or `base_2`, `base_3`… whichever is not in `ids` yet (and record it).
fn unique_id(base: &str, ids: &mut HashSet<String>) -> String {
    let mut id = base.to_string();
    let mut k = 2;
    while ids.contains(&id) {
        id = format!("{base}_{k}");
        k += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_snake_case_and_unique() {
        assert_eq!(slug("border crisis"), "border_crisis");
        assert_eq!(slug("Trump's wall"), "trump_s_wall");
        assert_eq!(slug("9/11 attacks"), "phrase_9_11_attacks");
        assert_eq!(slug("défense"), "d_fense");
        assert_eq!(slug("ñ"), "phrase");
        let mut ids: HashSet<String> = ["amnesty".to_string()].into();
        assert_eq!(unique_id("amnesty", &mut ids), "amnesty_2");
        assert_eq!(unique_id("amnesty", &mut ids), "amnesty_3");
        assert_eq!(unique_id("wall", &mut ids), "wall");
    }
}
