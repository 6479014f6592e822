//! The JSON contract's types: what `--format json` and `--format jsonl` write, kept
//! separate from the domain types, and the conversions that fill them from an analysis
//! ([`article_json`] and its parts). serde writes them for `--format json`; the JSONL
//! writer (`jsonl`) writes the same bytes by hand and must follow every change here.
//!
//! Every number goes through `format::round` (four decimals) so outputs diff cleanly.

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::analysis::{Analysis, Engine};
use crate::attribute::TermHit;
use crate::quotes::{Quote, QuoteKind, Reported};
use crate::report::format::round;
use crate::score::{FramingTally, QuoteShare, Scores};

pub const SCHEMA_VERSION: u32 = 3;

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

#[derive(Debug, Clone, serde::Serialize)]
pub struct LexiconJson<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub sha256: &'a str,
    pub sides: Vec<&'a str>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TermJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub concept: &'a str,
    pub variant: &'a str,
    pub side: &'a str,
    pub weight: f64,
    pub voice: &'static str,
    pub speaker: Option<&'a str>,
    pub modifiers: Vec<ModifierJson<'a>>,
    pub counted_side: &'a str,
    pub factor: f64,
    pub contribution: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ModifierJson<'a> {
    pub kind: &'static str,
    pub cue: &'a str,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub open: usize,
    pub close: usize,
    pub kind: &'static str,
    pub speaker: Option<&'a str>,
    pub side: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub rule: &'static str,
    /// How the cue frames the words: `skeptical`, `neutral`, `endorsing`, or null.
    pub framing: Option<&'static str>,
    pub words: u32,
    pub unclosed: bool,
}

/// One span of reported (indirect) speech: "X told reporters that …", "…, X said".
#[derive(Debug, Clone, serde::Serialize)]
pub struct ReportedJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub side: Option<&'a str>,
    pub cue: &'a str,
    pub framing: &'static str,
}

/// How charged the language is: the tone concepts' hits.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ToneJson {
    pub hits: u32,
    pub narrator_hits: u32,
    pub weight: f64,
    pub per_1000_words: f64,
}

/// How the speakers of one side are introduced.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FramingJson {
    pub skeptical: u32,
    pub neutral: u32,
    pub endorsing: u32,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SideJson {
    pub count: u32,
    pub narrator_count: u32,
    pub weight: f64,
    pub per_1000_words: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteShareJson<'a> {
    pub quotes: u32,
    pub words: u32,
    pub share: f64,
    pub prominence: f64,
    pub speakers: &'a [String],
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ScoresJson<'a> {
    pub sides: Ordered<SideJson>,
    pub neutral_count: u32,
    pub term_lean: f64,
    pub evidence: f64,
    pub min_evidence: f64,
    pub enough_evidence: bool,
    pub stance: f64,
    pub stance_interval: [f64; 2],
    pub interval: f64,
    pub prior: f64,
    /// Who is heard: per speaker side, then neutral, unaligned, unattributed.
    pub heard: Ordered<QuoteShareJson<'a>>,
    pub quote_balance: f64,
    pub aligned_words: f64,
    pub min_quote_words: f64,
    /// How charged the language is (a second dimension, never a lean).
    pub tone: ToneJson,
    /// How sources are framed: per speaker side, then `other` (neutral, unaligned and
    /// unattributed speakers).
    pub framing: Ordered<FramingJson>,
    pub framing_lean: f64,
    pub framing_points: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct VariantUsedJson<'a> {
    pub term: &'a str,
    pub side: &'a str,
    pub count: u32,
    pub narrator: u32,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ConceptJson<'a> {
    pub id: &'a str,
    pub variants_used: Vec<VariantUsedJson<'a>>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleJson<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    pub source: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    /// Where the text came from: `plain`, `jsonl`, `html`, `docx` or `odt`. For `html`,
    /// `docx` and `odt` the offsets refer to the extracted text, not the file's bytes.
    pub text_source: &'static str,
    pub words: u32,
    pub lexicon: LexiconJson<'a>,
    pub terms: Vec<TermJson<'a>>,
    pub quotes: Vec<QuoteJson<'a>>,
    pub reported: Vec<ReportedJson<'a>>,
    pub scores: ScoresJson<'a>,
    pub concepts: Vec<ConceptJson<'a>>,
    pub warnings: &'a [String],
}

/// The `lexicon` block shared by every record.
pub fn lexicon_json(engine: &Engine) -> LexiconJson<'_> {
    let l = &engine.lexicon;
    LexiconJson {
        name: &l.name,
        version: &l.version,
        sha256: &l.sha256,
        sides: l.sides.iter().map(|s| s.id.as_str()).collect(),
    }
}

pub fn term_json<'a>(engine: &'a Engine, text: &'a str, t: &'a TermHit) -> TermJson<'a> {
    let l = &engine.lexicon;
    let c = &l.concepts[t.concept];
    TermJson {
        text: t.text(text),
        start: t.start,
        end: t.end,
        line: t.line,
        column: t.column,
        concept: &c.id,
        variant: &c.variants[t.variant].label,
        side: l.side_id(t.side),
        weight: round(t.weight),
        voice: t.voice.as_str(),
        speaker: t.speaker.as_deref(),
        modifiers: t
            .modifiers
            .iter()
            .map(|m| ModifierJson {
                kind: m.kind.as_str(),
                cue: &m.cue,
            })
            .collect(),
        counted_side: l.side_id(t.counted_side),
        factor: round(t.factor),
        contribution: round(t.contribution),
    }
}

pub fn quote_json<'a>(engine: &'a Engine, text: &'a str, q: &'a Quote) -> QuoteJson<'a> {
    QuoteJson {
        text: &text[q.start..q.end],
        start: q.start,
        end: q.end,
        open: q.open,
        close: q.close,
        kind: match q.kind {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        },
        speaker: q.speaker.as_deref(),
        side: q.side.id(&engine.lexicon),
        cue: q.cue.as_deref(),
        rule: q.rule.as_str(),
        framing: q.framing.map(|f| f.as_str()),
        words: q.words,
        unclosed: q.unclosed,
    }
}

pub fn reported_json<'a>(engine: &'a Engine, text: &'a str, r: &'a Reported) -> ReportedJson<'a> {
    ReportedJson {
        text: &text[r.start..r.end],
        start: r.start,
        end: r.end,
        speaker: r.speaker.as_deref(),
        side: r.side.id(&engine.lexicon),
        cue: &r.cue,
        framing: r.framing.as_str(),
    }
}

pub(super) fn tone_json(s: &Scores) -> ToneJson {
    ToneJson {
        hits: s.tone.hits,
        narrator_hits: s.tone.narrator_hits,
        weight: round(s.tone.weight),
        per_1000_words: round(s.tone.per_1000_words),
    }
}

pub(super) fn framing_json(t: &FramingTally) -> FramingJson {
    FramingJson {
        skeptical: t.skeptical,
        neutral: t.neutral,
        endorsing: t.endorsing,
    }
}

pub(super) fn share_json(s: &QuoteShare) -> QuoteShareJson<'_> {
    QuoteShareJson {
        quotes: s.quotes,
        words: s.words,
        share: round(s.share),
        prominence: round(s.prominence),
        speakers: &s.speakers,
    }
}

/// Convert one analysis to the contract.
pub fn article_json<'a>(engine: &'a Engine, a: &'a Analysis) -> ArticleJson<'a> {
    let l = &engine.lexicon;
    let s = &a.scores;
    let mut quotes: Vec<(String, QuoteShareJson<'a>)> = l
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
        id: &a.article.id,
        source: &a.article.source,
        title: &a.article.title,
        outlet: a.article.outlet.as_deref(),
        date: a.article.date.as_deref(),
        url: a.article.url.as_deref(),
        author: a.article.author.as_deref(),
        text_source: a.article.text_source.as_str(),
        words: a.words,
        lexicon: lexicon_json(engine),
        terms: a
            .terms
            .iter()
            .map(|t| term_json(engine, &a.article.text, t))
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| quote_json(engine, &a.article.text, q))
            .collect(),
        reported: a
            .reported
            .iter()
            .map(|r| reported_json(engine, &a.article.text, r))
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
            stance: round(s.stance),
            stance_interval: [round(s.stance_interval.0), round(s.stance_interval.1)],
            interval: round(s.interval_level),
            prior: round(s.prior),
            heard: Ordered(quotes),
            quote_balance: round(s.quote_balance),
            aligned_words: round(s.aligned_words),
            min_quote_words: round(s.min_quote_words),
            tone: tone_json(s),
            framing: Ordered(
                l.sides
                    .iter()
                    .zip(&s.framing)
                    .map(|(side, t)| (side.id.clone(), framing_json(t)))
                    .chain(std::iter::once((
                        "other".to_string(),
                        framing_json(&s.framing_other),
                    )))
                    .collect(),
            ),
            framing_lean: round(s.framing_lean),
            framing_points: round(s.framing_points),
        },
        concepts: a
            .concepts
            .iter()
            .map(|cu| {
                let c = &l.concepts[cu.concept];
                ConceptJson {
                    id: &c.id,
                    variants_used: cu
                        .variants
                        .iter()
                        .map(|v| VariantUsedJson {
                            term: &c.variants[v.variant].label,
                            side: l.side_id(c.variants[v.variant].side),
                            count: v.count,
                            narrator: v.narrator,
                        })
                        .collect(),
                }
            })
            .collect(),
        warnings: &a.article.warnings,
    }
}
