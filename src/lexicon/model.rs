//! The validated lexicon, ready to compile into a matcher: sides, concepts with their
//! variants, the actor roster, scoring weights with their defaults, the limits it was
//! loaded under, and where it came from (origin, sources, SHA-256).
//!
//! Plain data with a few lookups (side ids, positions on the lean scale). Reading and
//! checking files is `load`'s and `sections`' job.

use super::schema::ActorKind;

/// Side of a variant or actor: an index into [`Lexicon::sides`], or neutral.
pub type SideRef = Option<usize>;

#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub id: String,
    pub label: String,
    pub color: (u8, u8, u8),
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Display name: the `label` field, or the first term.
    pub label: String,
    pub terms: Vec<String>,
    pub patterns: Vec<String>,
    pub side: SideRef,
    pub weight: f64,
    pub case_sensitive: bool,
    pub description: String,
    pub examples: Vec<String>,
    pub counter_examples: Vec<String>,
}

/// What scare quotes (or "so-called") around a term of a concept signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScareQuoted {
    /// The opposite side of the variant (two-sided lexicons); neutral stays neutral.
    Flip,
    /// The variant's own side.
    Keep,
    /// This side (or neutral).
    Side(SideRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub id: String,
    pub label: String,
    pub description: String,
    pub scare_quoted: ScareQuoted,
    /// A tone category: its hits measure how charged the language is and never count
    /// for a side (every variant is neutral).
    pub tone: bool,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub side: SideRef,
    pub description: String,
}

/// How voice, modifiers and the two halves of the stance are weighed.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    /// Factor for a term in the outlet's own words.
    pub narrator: f64,
    /// Factor for a term inside a speech quotation.
    pub quoted: f64,
    /// Factor for a term inside reported speech ("X said that …", "…, X said"): the
    /// speaker's claim in the outlet's paraphrase.
    pub reported: f64,
    /// Factor for a term inside scare quotes (after the concept's `scare_quoted` side).
    pub scare_quoted: f64,
    /// Factor for a negated term ("not illegal aliens").
    pub negated: f64,
    /// Factor for a distanced term ("so-called", "what critics call"), applied with the
    /// concept's `scare_quoted` side.
    pub distanced: f64,
    /// Points of weighted evidence each side starts with before the article's terms are
    /// counted (a symmetric Dirichlet prior): thin evidence is shrunk toward 0.
    pub prior: f64,
    /// Probability mass of the stance's credible interval (0.9 = a 90% interval).
    pub interval: f64,
    /// Weight of the framing lean (how quoted speakers are introduced) in the stance; 0 keeps
    /// the stance to loaded terms alone.
    pub framing: f64,
    /// Below this evidence a lean is "too little evidence".
    pub min_evidence: f64,
    /// Below this many (prominence-weighted) words of aligned speakers, the quote balance is
    /// "too little evidence".
    pub min_quote_words: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            narrator: 1.0,
            quoted: 0.3,
            reported: 0.5,
            scare_quoted: 0.5,
            negated: 0.5,
            distanced: 1.0,
            prior: 2.0,
            interval: 0.9,
            framing: 0.0,
            min_evidence: 3.0,
            min_quote_words: 15.0,
        }
    }
}

/// Limits that keep a hostile lexicon from eating the machine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest lexicon file, in bytes.
    pub max_file_bytes: usize,
    /// Longest regex pattern, in bytes.
    pub max_pattern_bytes: usize,
    /// Compiled size limit for each regex, in bytes.
    pub regex_size_limit: usize,
    /// Deepest `extends` chain.
    pub max_extends_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_pattern_bytes: 2_000,
            regex_size_limit: 2 * 1024 * 1024,
            max_extends_depth: 8,
        }
    }
}

/// A validated lexicon, ready to compile into a matcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Where it came from: a path, or `builtin:NAME`.
    pub origin: String,
    /// SHA-256 (hex) of the resolved lexicon's canonical content (`fingerprint`): the same
    /// for the embedded copy and a file, whatever its path or layout.
    pub sha256: String,
    /// Every file it was built from (paths or `builtin:NAME`), child first: the file
    /// itself, then what it `extends`.
    pub sources: Vec<String>,
    pub sides: Vec<Side>,
    pub scoring: Scoring,
    pub concepts: Vec<Concept>,
    pub actors: Vec<Actor>,
    pub limits: Limits,
}

impl Lexicon {
    /// First 8 hex digits of the hash, for footers.
    pub fn short_hash(&self) -> &str {
        &self.sha256[..8.min(self.sha256.len())]
    }

    /// The side id for a side reference (`"neutral"` for none).
    pub fn side_id(&self, side: SideRef) -> &str {
        match side {
            Some(i) => &self.sides[i].id,
            None => "neutral",
        }
    }

    /// Position of a side on the lean scale: the first side at -1, the last at +1,
    /// the others evenly between.
    pub fn side_position(&self, side: usize) -> f64 {
        let n = self.sides.len();
        if n < 2 {
            return 0.0;
        }
        -1.0 + 2.0 * side as f64 / (n - 1) as f64
    }

    /// The side opposite to `side` (mirror on the lean scale); neutral stays neutral.
    pub fn opposite(&self, side: SideRef) -> SideRef {
        side.map(|i| self.sides.len() - 1 - i)
    }
}
