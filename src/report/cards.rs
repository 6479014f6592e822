//! From analyses to chart data: the adapter between the domain and the chart renderer.
//!
//! The renderer in `chart` knows nothing about lexicons or articles; this module decides
//! what a card shows: concepts sorted by the weight of evidence they add, narrator vs
//! other voices per side (the numbers the stance is computed from; concepts with only
//! neutral hits are left out), who is heard by speaker side (grey for neutral, unaligned
//! and unattributed), the stance with its interval, and for a set of articles the
//! word-choice matrix (the variant each article used most per concept).

use crate::analysis::{Analysis, Engine};
use crate::attribute::Voice;
use crate::report::chart::{
    self, CardData, ChartError, ChartSide, ComparisonData, ComparisonRow, ConceptBar, QuoteSegment,
    SideWeight, Stance, ToneLine,
};
use crate::report::highlights::{short_label, top_tone, word_matrix};

/// Footer text: lexicon name, version, short hash and slant version.
pub fn footer(engine: &Engine) -> String {
    let l = &engine.lexicon;
    format!(
        "lexicon {} {} ({}) · slant {}",
        l.name,
        l.version,
        l.short_hash(),
        env!("CARGO_PKG_VERSION")
    )
}

fn sides(engine: &Engine) -> Vec<ChartSide> {
    engine
        .lexicon
        .sides
        .iter()
        .map(|s| ChartSide {
            id: s.id.clone(),
            label: s.label.clone(),
            color: s.color,
        })
        .collect()
}

fn stance(s: &crate::score::Scores) -> Stance {
    Stance {
        value: s.stance,
        low: s.stance_interval.0,
        high: s.stance_interval.1,
        enough: s.term_enough,
    }
}

/// The card for one article.
pub fn card_data(engine: &Engine, a: &Analysis) -> CardData {
    let l = &engine.lexicon;
    let n = l.sides.len();
    let mut bars: Vec<(usize, ConceptBar, f64)> = Vec::new();
    for cu in &a.concepts {
        let mut weights = vec![
            SideWeight {
                narrator: 0.0,
                quoted: 0.0
            };
            n
        ];
        let mut total = 0.0;
        for t in a.terms.iter().filter(|t| t.concept == cu.concept) {
            if let Some(side) = t.counted_side {
                if t.voice == Voice::Narrator {
                    weights[side].narrator += t.contribution;
                } else {
                    weights[side].quoted += t.contribution;
                }
                total += t.contribution;
            }
        }
        if total > 0.0 {
            bars.push((
                cu.concept,
                ConceptBar {
                    label: l.concepts[cu.concept].label.clone(),
                    weights,
                },
                total,
            ));
        }
    }
    bars.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let s = &a.scores;
    let mut quotes: Vec<QuoteSegment> = l
        .sides
        .iter()
        .zip(&s.quotes)
        .filter(|(_, q)| q.words > 0)
        .map(|(side, q)| QuoteSegment {
            label: side.label.clone(),
            color: Some(side.color),
            words: q.words,
            speakers: q.speakers.clone(),
        })
        .collect();
    for (label, q) in [
        ("Neutral", &s.neutral_quotes),
        ("Unaligned", &s.unaligned_quotes),
        ("Unattributed", &s.unattributed_quotes),
    ] {
        if q.words > 0 {
            quotes.push(QuoteSegment {
                label: label.to_string(),
                color: None,
                words: q.words,
                speakers: q.speakers.clone(),
            });
        }
    }
    CardData {
        title: a.article.title.clone(),
        outlet: a.article.outlet.clone(),
        id: a.article.id.clone(),
        sides: sides(engine),
        concepts: bars.into_iter().map(|(_, b, _)| b).collect(),
        quotes,
        stance: stance(s),
        interval_level: s.interval_level,
        prior: s.prior,
        evidence: s.evidence,
        min_evidence: s.min_evidence,
        tone: ToneLine {
            per_1000_words: s.tone.per_1000_words,
            top: top_tone(engine, a, 3),
        },
        footer: footer(engine),
    }
}

/// The comparison chart data for a set of articles.
pub fn comparison_data(engine: &Engine, analyses: &[Analysis], title: &str) -> ComparisonData {
    let l = &engine.lexicon;
    let rows = analyses
        .iter()
        .map(|a| {
            let s = &a.scores;
            ComparisonRow {
                label: short_label(a),
                stance: stance(s),
                evidence: s.evidence,
            }
        })
        .collect();
    let matrix = word_matrix(engine, analyses);
    ComparisonData {
        title: title.to_string(),
        sides: sides(engine),
        rows,
        interval_level: l.scoring.interval,
        concepts: matrix
            .iter()
            .map(|(c, _)| l.concepts[*c].label.clone())
            .collect(),
        articles: analyses.iter().map(short_label).collect(),
        cells: matrix.into_iter().map(|(_, cells)| cells).collect(),
        min_evidence: l.scoring.min_evidence,
        footer: footer(engine),
    }
}

/// Render one card as PNG.
pub fn card_png(engine: &Engine, a: &Analysis, size: (u32, u32)) -> Result<Vec<u8>, ChartError> {
    chart::render_card_png(&card_data(engine, a), size.0, size.1)
}

/// Render one card as SVG.
pub fn card_svg(engine: &Engine, a: &Analysis, size: (u32, u32)) -> Result<String, ChartError> {
    chart::render_card_svg(&card_data(engine, a), size.0, size.1)
}
