//! The lexicon file format exactly as written in YAML, described twice: as serde types
//! and as [`Shape`] tables (field names, types, required or not) that the shape walker
//! reads when serde rejects a file. A test keeps the two equal.
//!
//! These serde types reject unknown fields, so a typo such as `wieght:` is an error with a
//! position rather than a silently ignored line. They stay close to the text; resolving
//! side ids, defaults and limits happens in `sections`.

use serde::Deserialize;

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
    pub reported: Option<f64>,
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
    pub prior: Option<f64>,
    pub interval: Option<f64>,
    pub framing: Option<f64>,
    /// No longer used (slant ≤ 0.1 blended a quote lean into stance): read only to warn.
    pub terms: Option<f64>,
    /// No longer used: read only to warn.
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

/// What a field's value must look like, for the structural check that runs when serde
/// rejects a file (so every problem is reported, not just the first).
#[derive(Debug, Clone, Copy)]
pub enum FieldType {
    /// Text (numbers and booleans are read as their text; empty means "").
    Str,
    /// Optional text.
    OptStr,
    /// A number that has a default (an empty value is an error).
    Num,
    /// An optional number.
    OptNum,
    /// `true` or `false`.
    Bool,
    /// A list of texts.
    StrList,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// An optional mapping of the given shape.
    Struct(&'static Shape),
    /// A list of mappings of the given shape.
    List(&'static Shape),
}

/// One field of a mapping: name, type, required.
pub type Field = (&'static str, FieldType, bool);

/// The fields of one kind of mapping, in the order serde lists them.
#[derive(Debug)]
pub struct Shape {
    /// What the mapping is called in messages ("a variant").
    pub what: &'static str,
    pub fields: &'static [Field],
}

impl Shape {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.0 == name)
    }
}

use FieldType as T;

pub const ACTOR_KINDS: &[&str] = &["person", "organization", "role", "document"];

pub static SIDE_SHAPE: Shape = Shape {
    what: "a side",
    fields: &[
        ("id", T::Str, true),
        ("label", T::Str, true),
        ("color", T::Str, true),
        ("description", T::Str, false),
    ],
};

pub static VOICE_SHAPE: Shape = Shape {
    what: "`scoring.voice`",
    fields: &[
        ("narrator", T::OptNum, false),
        ("quoted", T::OptNum, false),
        ("reported", T::OptNum, false),
        ("scare_quoted", T::OptNum, false),
    ],
};

pub static MODIFIERS_SHAPE: Shape = Shape {
    what: "`scoring.modifiers`",
    fields: &[
        ("negated", T::OptNum, false),
        ("distanced", T::OptNum, false),
    ],
};

pub static STANCE_SHAPE: Shape = Shape {
    what: "`scoring.stance`",
    fields: &[
        ("prior", T::OptNum, false),
        ("interval", T::OptNum, false),
        ("framing", T::OptNum, false),
        ("terms", T::OptNum, false),
        ("quotes", T::OptNum, false),
    ],
};

pub static SCORING_SHAPE: Shape = Shape {
    what: "`scoring`",
    fields: &[
        ("voice", T::Struct(&VOICE_SHAPE), false),
        ("modifiers", T::Struct(&MODIFIERS_SHAPE), false),
        ("stance", T::Struct(&STANCE_SHAPE), false),
        ("min_evidence", T::OptNum, false),
        ("min_quote_words", T::OptNum, false),
    ],
};

pub static VARIANT_SHAPE: Shape = Shape {
    what: "a variant",
    fields: &[
        ("label", T::OptStr, false),
        ("terms", T::StrList, false),
        ("patterns", T::StrList, false),
        ("side", T::Str, true),
        ("weight", T::Num, false),
        ("case_sensitive", T::Bool, false),
        ("description", T::Str, false),
        ("examples", T::StrList, false),
        ("counter_examples", T::StrList, false),
    ],
};

pub static CONCEPT_SHAPE: Shape = Shape {
    what: "a concept",
    fields: &[
        ("id", T::Str, true),
        ("label", T::OptStr, false),
        ("description", T::Str, false),
        ("scare_quoted", T::OptStr, false),
        ("variants", T::List(&VARIANT_SHAPE), false),
    ],
};

pub static ACTOR_SHAPE: Shape = Shape {
    what: "an actor",
    fields: &[
        ("name", T::Str, true),
        ("aliases", T::StrList, false),
        ("kind", T::Choice(ACTOR_KINDS), false),
        ("side", T::Str, true),
        ("description", T::Str, false),
    ],
};

pub static FILE_SHAPE: Shape = Shape {
    what: "the lexicon",
    fields: &[
        ("name", T::Str, true),
        ("version", T::Str, true),
        ("description", T::Str, false),
        ("extends", T::OptStr, false),
        ("disable", T::StrList, false),
        ("sides", T::List(&SIDE_SHAPE), false),
        ("scoring", T::Struct(&SCORING_SHAPE), false),
        ("concepts", T::List(&CONCEPT_SHAPE), false),
        ("actors", T::List(&ACTOR_SHAPE), false),
    ],
};

/// Every shape, for "this field belongs elsewhere" hints (most likely first).
pub static ALL_SHAPES: &[&Shape] = &[
    &FILE_SHAPE,
    &CONCEPT_SHAPE,
    &VARIANT_SHAPE,
    &ACTOR_SHAPE,
    &SIDE_SHAPE,
    &SCORING_SHAPE,
    &VOICE_SHAPE,
    &MODIFIERS_SHAPE,
    &STANCE_SHAPE,
];

#[cfg(test)]
mod shape_tests {
    use super::*;

    /// The field lists above must be exactly what serde accepts: serde's own "expected one
    /// of" list for an unknown field is compared with each shape.
    fn serde_fields<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let err = serde_yaml::from_str::<T>("zz_unknown_zz: 1\n").unwrap_err();
        let msg = err.to_string();
        let rest = msg
            .split("expected ")
            .nth(1)
            .unwrap_or_else(|| panic!("no field list in `{msg}`"));
        rest.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    fn names(s: &Shape) -> Vec<String> {
        s.fields.iter().map(|f| f.0.to_string()).collect()
    }

    #[test]
    fn shapes_match_the_serde_types() {
        assert_eq!(serde_fields::<LexiconFile>(), names(&FILE_SHAPE));
        assert_eq!(serde_fields::<SideDef>(), names(&SIDE_SHAPE));
        assert_eq!(serde_fields::<ScoringDef>(), names(&SCORING_SHAPE));
        assert_eq!(serde_fields::<VoiceDef>(), names(&VOICE_SHAPE));
        assert_eq!(serde_fields::<ModifiersDef>(), names(&MODIFIERS_SHAPE));
        assert_eq!(serde_fields::<StanceDef>(), names(&STANCE_SHAPE));
        assert_eq!(serde_fields::<ConceptDef>(), names(&CONCEPT_SHAPE));
        assert_eq!(serde_fields::<VariantDef>(), names(&VARIANT_SHAPE));
        assert_eq!(serde_fields::<ActorDef>(), names(&ACTOR_SHAPE));
        for k in ACTOR_KINDS {
            let kind: ActorKind = serde_yaml::from_str(k).unwrap();
            assert_eq!(kind.as_str(), *k);
        }
    }
}
