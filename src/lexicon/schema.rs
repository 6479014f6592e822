//! The lexicon file format exactly as written in YAML, and `extends` composition.
//!
//! These serde types reject unknown fields, so a typo such as `wieght:` is an error with a
//! position rather than a silently ignored line. They stay close to the text; resolving
//! side ids, defaults and limits happens in `validate`.

use serde::Deserialize;

use super::validate::{Diagnostic, Seg};

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub description: String,
    /// Another lexicon this one builds on: a path relative to this file, or `builtin:NAME`.
    #[serde(default)]
    pub extends: Option<String>,
    /// Concept ids (and actor names) of the extended lexicon to leave out.
    #[serde(default)]
    pub disable: Vec<String>,
    #[serde(default)]
    pub sides: Vec<SideDef>,
    #[serde(default)]
    pub scoring: Option<ScoringDef>,
    #[serde(default)]
    pub concepts: Vec<ConceptDef>,
    #[serde(default)]
    pub actors: Vec<ActorDef>,
    /// Where each concept, actor, the sides and the scoring were written (filled by
    /// composition; empty means "this file").
    #[serde(skip)]
    pub provenance: Provenance,
}

/// Which file (by origin) and which index each entry of a composed lexicon came from.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    pub concepts: Vec<(String, usize)>,
    pub actors: Vec<(String, usize)>,
    pub sides: Option<String>,
    pub scoring: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SideDef {
    pub id: String,
    pub label: String,
    pub color: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    #[serde(default)]
    pub voice: Option<VoiceDef>,
    #[serde(default)]
    pub modifiers: Option<ModifiersDef>,
    #[serde(default)]
    pub stance: Option<StanceDef>,
    #[serde(default)]
    pub min_evidence: Option<f64>,
    #[serde(default)]
    pub min_quote_words: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct VoiceDef {
    pub narrator: Option<f64>,
    pub quoted: Option<f64>,
    pub scare_quoted: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ModifiersDef {
    pub negated: Option<f64>,
    pub distanced: Option<f64>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StanceDef {
    pub terms: Option<f64>,
    pub quotes: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptDef {
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub scare_quoted: Option<String>,
    #[serde(default)]
    pub variants: Vec<VariantDef>,
}

fn default_weight() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantDef {
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    pub side: String,
    #[serde(default = "default_weight")]
    pub weight: f64,
    #[serde(default)]
    pub case_sensitive: bool,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub examples: Vec<String>,
    #[serde(default)]
    pub counter_examples: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Person,
    Organization,
    Role,
    Document,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Role => "role",
            ActorKind::Document => "document",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDef {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: ActorKind,
    pub side: String,
    #[serde(default)]
    pub description: String,
}

/// Put `child` on top of `parent`: child concepts replace parent concepts with the same id
/// (and add new ones), child actors replace parent actors with the same name, `disable`
/// removes parent entries, sides and scoring come from the child when it has them.
pub fn compose(
    parent: LexiconFile,
    child: LexiconFile,
    child_origin: &str,
    _child_text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> LexiconFile {
    let parent_prov = |kind: &str, i: usize, p: &Provenance| -> (String, usize) {
        let list = if kind == "c" { &p.concepts } else { &p.actors };
        list.get(i).cloned().unwrap_or_else(|| (String::new(), i))
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
        out.provenance.sides = parent.provenance.sides.clone();
    } else {
        out.sides = child.sides.clone();
        out.provenance.sides = Some(child_origin.to_string());
    }
    out.scoring = match (&parent.scoring, &child.scoring) {
        (_, Some(c)) => {
            out.provenance.scoring = Some(child_origin.to_string());
            Some(merge_scoring(parent.scoring.clone().unwrap_or_default(), c.clone()))
        }
        (p, None) => {
            out.provenance.scoring = parent.provenance.scoring.clone();
            p.clone()
        }
    };
    // Disabled entries must exist in the parent.
    for (i, d) in child.disable.iter().enumerate() {
        let known = parent.concepts.iter().any(|c| &c.id == d)
            || parent.actors.iter().any(|a| &a.name == d);
        if !known {
            diagnostics.push(
                Diagnostic::warning(
                    child_origin,
                    vec![Seg::key("disable"), Seg::Index(i)],
                    format!("`{d}` is not a concept id or actor name of the extended lexicon, so disabling it does nothing"),
                )
                .hint("check the spelling against `slant lexicon show`"),
            );
        }
    }
    let disabled = |id: &str| child.disable.iter().any(|d| d == id);
    // Concepts: parent order, replaced in place; new child concepts appended.
    for (i, c) in parent.concepts.iter().enumerate() {
        if disabled(&c.id) {
            continue;
        }
        if let Some((j, cc)) = child.concepts.iter().enumerate().find(|(_, cc)| cc.id == c.id) {
            out.concepts.push(cc.clone());
            out.provenance.concepts.push((child_origin.to_string(), j));
        } else {
            out.concepts.push(c.clone());
            out.provenance.concepts.push(parent_prov("c", i, &parent.provenance));
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
        if let Some((j, ca)) = child.actors.iter().enumerate().find(|(_, ca)| ca.name == a.name) {
            out.actors.push(ca.clone());
            out.provenance.actors.push((child_origin.to_string(), j));
        } else {
            out.actors.push(a.clone());
            out.provenance.actors.push(parent_prov("a", i, &parent.provenance));
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
            scare_quoted: cv.scare_quoted.or(pv.scare_quoted),
        }),
        modifiers: Some(ModifiersDef {
            negated: cm.negated.or(pm.negated),
            distanced: cm.distanced.or(pm.distanced),
        }),
        stance: Some(StanceDef {
            terms: cs.terms.or(ps.terms),
            quotes: cs.quotes.or(ps.quotes),
        }),
        min_evidence: c.min_evidence.or(p.min_evidence),
        min_quote_words: c.min_quote_words.or(p.min_quote_words),
    }
}
