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
use crate::report::highlights::{
    outlet_groups, short_label, top_tone, word_matrix, word_matrix_of, GROUP_ABOVE,
};

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

/// The comparison chart data for a set of articles: one row and one matrix column per
/// article, or per outlet above [`GROUP_ABOVE`] articles (the mean stance of its articles,
/// their range and each of them, the mean evidence, and the variant the outlet used most).
pub fn comparison_data(engine: &Engine, analyses: &[Analysis], title: &str) -> ComparisonData {
    let l = &engine.lexicon;
    let grouped = analyses.len() > GROUP_ABOVE;
    let (rows, matrix, articles) = if grouped {
        let groups = outlet_groups(analyses);
        let rows = groups
            .iter()
            .map(|g| {
                let stances: Vec<f64> = g
                    .members
                    .iter()
                    .map(|&i| analyses[i].scores.stance)
                    .filter(|v| v.is_finite())
                    .collect();
                let n = stances.len().max(1) as f64;
                let mean = stances.iter().sum::<f64>() / n;
                let low = stances.iter().copied().fold(f64::INFINITY, f64::min);
                let high = stances.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let evidence = g
                    .members
                    .iter()
                    .map(|&i| analyses[i].scores.evidence)
                    .sum::<f64>()
                    / g.members.len().max(1) as f64;
                ComparisonRow {
                    label: format!("{} ({})", g.label, g.members.len()),
                    stance: Stance {
                        value: if stances.is_empty() { f64::NAN } else { mean },
                        low,
                        high,
                        enough: evidence >= l.scoring.min_evidence,
                    },
                    evidence,
                    members: stances,
                }
            })
            .collect();
        let columns: Vec<Vec<&Analysis>> = groups
            .iter()
            .map(|g| g.members.iter().map(|&i| &analyses[i]).collect())
            .collect();
        let labels = groups.iter().map(|g| g.label.clone()).collect();
        (rows, word_matrix_of(engine, &columns), labels)
    } else {
        let rows = analyses
            .iter()
            .map(|a| ComparisonRow {
                label: short_label(a),
                stance: stance(&a.scores),
                evidence: a.scores.evidence,
                members: Vec::new(),
            })
            .collect();
        let labels = analyses.iter().map(short_label).collect();
        (rows, word_matrix(engine, analyses), labels)
    };
    ComparisonData {
        title: title.to_string(),
        sides: sides(engine),
        rows,
        grouped,
        interval_level: l.scoring.interval,
        concepts: matrix
            .iter()
            .map(|(c, _)| l.concepts[*c].label.clone())
            .collect(),
        articles,
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
