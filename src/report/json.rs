//! The JSON contract: output types kept separate from the domain types, with
//! `schema_version`. `--format jsonl` writes one [`ArticleJson`] per line, `--format json`
//! an array of them. Version history: 1 — terms and term scores; 2 — quotes, voice,
//! speakers, modifiers, quote balance and stance.
//!
//! Numbers are rounded to 4 decimals so outputs diff cleanly.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::analysis::{Analysis, Engine};
use crate::attribute::TermHit;
use crate::quotes::{Quote, QuoteKind};
use crate::score::QuoteShare;

pub const SCHEMA_VERSION: u32 = 2;

/// A map that keeps insertion order (side order matters).
#[derive(Debug, Clone)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

pub fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct LexiconJson {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub sides: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TermJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub concept: String,
    pub variant: String,
    pub side: String,
    pub weight: f64,
    pub voice: &'static str,
    pub speaker: Option<String>,
    pub modifiers: Vec<ModifierJson>,
    pub counted_side: String,
    pub factor: f64,
    pub contribution: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ModifierJson {
    pub kind: &'static str,
    pub cue: String,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub open: usize,
    pub close: usize,
    pub kind: &'static str,
    pub speaker: Option<String>,
    pub side: Option<String>,
    pub cue: Option<String>,
    pub rule: &'static str,
    pub words: u32,
    pub unclosed: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SideJson {
    pub count: u32,
    pub narrator_count: u32,
    pub weight: f64,
    pub per_1000_words: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteShareJson {
    pub quotes: u32,
    pub words: u32,
    pub share: f64,
    pub prominence: f64,
    pub speakers: Vec<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ScoresJson {
    pub sides: Ordered<SideJson>,
    pub neutral_count: u32,
    pub term_lean: f64,
    pub evidence: f64,
    pub min_evidence: f64,
    pub enough_evidence: bool,
    pub quotes: Ordered<QuoteShareJson>,
    pub quote_lean: f64,
    pub quote_evidence: f64,
    pub min_quote_words: f64,
    pub quote_enough_evidence: bool,
    pub stance: f64,
    pub stance_enough_evidence: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct VariantUsedJson {
    pub term: String,
    pub side: String,
    pub count: u32,
    pub narrator: u32,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ConceptJson {
    pub id: String,
    pub variants_used: Vec<VariantUsedJson>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleJson {
    pub schema_version: u32,
    pub id: String,
    pub source: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub words: u32,
    pub lexicon: LexiconJson,
    pub terms: Vec<TermJson>,
    pub quotes: Vec<QuoteJson>,
    pub scores: ScoresJson,
    pub concepts: Vec<ConceptJson>,
    pub warnings: Vec<String>,
}

/// The `lexicon` block shared by every record.
pub fn lexicon_json(engine: &Engine) -> LexiconJson {
    let l = &engine.lexicon;
    LexiconJson {
        name: l.name.clone(),
        version: l.version.clone(),
        sha256: l.sha256.clone(),
        sides: l.sides.iter().map(|s| s.id.clone()).collect(),
    }
}

pub fn term_json(engine: &Engine, t: &TermHit) -> TermJson {
    let l = &engine.lexicon;
    let c = &l.concepts[t.concept];
    TermJson {
        text: t.text.clone(),
        start: t.start,
        end: t.end,
        line: t.line,
        column: t.column,
        concept: c.id.clone(),
        variant: c.variants[t.variant].label.clone(),
        side: l.side_id(t.side).to_string(),
        weight: round(t.weight),
        voice: t.voice.as_str(),
        speaker: t.speaker.clone(),
        modifiers: t
            .modifiers
            .iter()
            .map(|m| ModifierJson {
                kind: m.kind.as_str(),
                cue: m.cue.clone(),
            })
            .collect(),
        counted_side: l.side_id(t.counted_side).to_string(),
        factor: round(t.factor),
        contribution: round(t.contribution),
    }
}

pub fn quote_json(text: &str, q: &Quote) -> QuoteJson {
    QuoteJson {
        text: text[q.start..q.end].to_string(),
        start: q.start,
        end: q.end,
        open: q.open,
        close: q.close,
        kind: match q.kind {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        },
        speaker: q.speaker.clone(),
        side: q.side.clone(),
        cue: q.cue.clone(),
        rule: q.rule,
        words: q.words,
        unclosed: q.unclosed,
    }
}

fn share_json(s: &QuoteShare) -> QuoteShareJson {
    QuoteShareJson {
        quotes: s.quotes,
        words: s.words,
        share: round(s.share),
        prominence: round(s.prominence),
        speakers: s.speakers.clone(),
    }
}

/// Convert one analysis to the contract.
pub fn article_json(engine: &Engine, a: &Analysis) -> ArticleJson {
    let l = &engine.lexicon;
    let s = &a.scores;
    let mut quotes: Vec<(String, QuoteShareJson)> = l
        .sides
        .iter()
        .zip(&s.quotes)
        .map(|(side, q)| (side.id.clone(), share_json(q)))
        .collect();
    quotes.push(("neutral".into(), share_json(&s.neutral_quotes)));
    quotes.push(("unaligned".into(), share_json(&s.unaligned_quotes)));
    quotes.push(("unattributed".into(), share_json(&s.unattributed_quotes)));
    ArticleJson {
        schema_version: SCHEMA_VERSION,
        id: a.article.id.clone(),
        source: a.article.source.clone(),
        title: a.article.title.clone(),
        outlet: a.article.outlet.clone(),
        date: a.article.date.clone(),
        url: a.article.url.clone(),
        words: a.words,
        lexicon: lexicon_json(engine),
        terms: a.terms.iter().map(|t| term_json(engine, t)).collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| quote_json(&a.article.text, q))
            .collect(),
        scores: ScoresJson {
            sides: Ordered(
                l.sides
                    .iter()
                    .zip(&s.sides)
                    .map(|(side, x)| {
                        (
                            side.id.clone(),
                            SideJson {
                                count: x.count,
                                narrator_count: x.narrator_count,
                                weight: round(x.weight),
                                per_1000_words: round(x.per_1000_words),
                            },
                        )
                    })
                    .collect(),
            ),
            neutral_count: s.neutral_count,
            term_lean: round(s.term_lean),
            evidence: round(s.evidence),
            min_evidence: round(s.min_evidence),
            enough_evidence: s.term_enough,
            quotes: Ordered(quotes),
            quote_lean: round(s.quote_lean),
            quote_evidence: round(s.quote_evidence),
            min_quote_words: round(s.min_quote_words),
            quote_enough_evidence: s.quote_enough,
            stance: round(s.stance),
            stance_enough_evidence: s.stance_enough,
        },
        concepts: a
            .concepts
            .iter()
            .map(|cu| {
                let c = &l.concepts[cu.concept];
                ConceptJson {
                    id: c.id.clone(),
                    variants_used: cu
                        .variants
                        .iter()
                        .map(|v| VariantUsedJson {
                            term: c.variants[v.variant].label.clone(),
                            side: l.side_id(c.variants[v.variant].side).to_string(),
                            count: v.count,
                            narrator: v.narrator,
                        })
                        .collect(),
                }
            })
            .collect(),
        warnings: a.article.warnings.clone(),
    }
}

/// One JSONL line (with the trailing newline).
pub fn render_jsonl_line(engine: &Engine, a: &Analysis) -> Vec<u8> {
    let mut v = serde_json::to_vec(&article_json(engine, a)).expect("JSON types always serialize");
    v.push(b'\n');
    v
}
