//! What a chart shows, as plain data: the stance card ([`CardData`]) and the comparison
//! chart ([`ComparisonData`]) with their parts. The caller (`report::cards`) decides
//! what goes in; the layouts (`card`, `comparison`) decide where it goes. Also the few
//! rules for reading this data that both layouts share: at least two sides, counts and
//! evidence never negative or non-finite, a non-finite lean shown as missing.

use super::canvas::ChartError;

/// One side of a lexicon (e.g. "Pro-immigrant"), with its display color.
#[derive(Debug, Clone)]
pub struct ChartSide {
    pub id: String,
    pub label: String,
    pub color: (u8, u8, u8),
}

/// What one concept's hits add to one side's evidence (their `weight × factors`): in the
/// narrator's own words, and in anyone else's (quoted, reported, scare-quoted).
#[derive(Debug, Clone)]
pub struct SideWeight {
    pub narrator: f64,
    pub quoted: f64,
}

/// One concept row of the diverging bar chart; `weights[i]` belongs to `sides[i]`. The
/// bars are the numbers the lean is computed from.
#[derive(Debug, Clone)]
pub struct ConceptBar {
    pub label: String,
    pub weights: Vec<SideWeight>,
}

/// One segment of the quote balance bar. `color: None` is drawn grey
/// (unattributed / unaligned speakers).
#[derive(Debug, Clone)]
pub struct QuoteSegment {
    pub label: String,
    pub color: Option<(u8, u8, u8)>,
    pub words: u32,
    pub speakers: Vec<String>,
}

/// A stance on the −1 (first side) … +1 (last side) scale, with its credible interval;
/// `enough` is false when the evidence is below the lexicon's threshold (drawn hollow).
#[derive(Debug, Clone)]
pub struct Stance {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub enough: bool,
}

/// Everything the per-article stance card shows.
#[derive(Debug, Clone)]
pub struct CardData {
    pub title: String,
    pub outlet: Option<String>,
    pub id: String,
    /// Lexicon order; `sides[0]` is the NEGATIVE end (left), the last side the
    /// POSITIVE end (right).
    pub sides: Vec<ChartSide>,
    /// Already sorted by the caller (most weight first); concepts whose hits are all
    /// neutral are left out.
    pub concepts: Vec<ConceptBar>,
    /// Who is heard: one per side that was quoted plus "Neutral" / "Unaligned" /
    /// "Unattributed" segments.
    pub quotes: Vec<QuoteSegment>,
    pub stance: Stance,
    /// The interval's probability mass (0.9) and the prior in points per side.
    pub interval_level: f64,
    pub prior: f64,
    pub evidence: f64,
    pub min_evidence: f64,
    /// How charged the language is, apart from the stance.
    pub tone: ToneLine,
    pub footer: String,
}

/// The tone line of a card: charged words per 1,000 and the ones used most, as
/// `(word, count)`.
#[derive(Debug, Clone, Default)]
pub struct ToneLine {
    pub per_1000_words: f64,
    pub top: Vec<(String, u32)>,
}

/// One article in the comparison chart, or one outlet's articles in a grouped chart.
#[derive(Debug, Clone)]
pub struct ComparisonRow {
    pub label: String,
    /// An article's stance with its interval; for an outlet, the mean of its articles'
    /// stances, with `low..high` their range.
    pub stance: Stance,
    /// An article's evidence; for an outlet, the mean of its articles'.
    pub evidence: f64,
    /// For an outlet: the stance of each of its articles (drawn as ticks). Empty for an
    /// article.
    pub members: Vec<f64>,
}

/// One word-choice matrix cell: the variant an article used for a concept.
#[derive(Debug, Clone)]
pub struct MatrixCell {
    pub variant: String,
    /// Index into `sides`; `None` = neutral.
    pub side: Option<usize>,
}

/// Everything the comparison chart shows.
#[derive(Debug, Clone)]
pub struct ComparisonData {
    pub title: String,
    pub sides: Vec<ChartSide>,
    /// Rows in input order; the renderer sorts by stance.
    pub rows: Vec<ComparisonRow>,
    /// One row (and one matrix column) per outlet, not per article: a large set.
    pub grouped: bool,
    pub interval_level: f64,
    /// Matrix row labels.
    pub concepts: Vec<String>,
    /// Matrix column labels (articles, or outlets when `grouped`).
    pub articles: Vec<String>,
    /// `cells[concept][article]`; `None` = concept not used by that article.
    pub cells: Vec<Vec<Option<MatrixCell>>>,
    pub min_evidence: f64,
    pub footer: String,
}

/// Both charts place sides on the lean scale, which needs at least two.
pub(super) fn validate_sides(sides: &[ChartSide]) -> Result<(), ChartError> {
    if sides.len() < 2 {
        return Err(ChartError::InvalidData(format!(
            "a chart needs at least 2 sides to place on the lean scale, got {}",
            sides.len()
        )));
    }
    Ok(())
}

/// A count or evidence value as drawn: never negative, 0 when not finite.
pub(super) fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// A stance as drawn: `(value, low, high)`, `None` when any of them is not finite.
pub(super) fn stance_values(st: &Stance) -> Option<(f64, f64, f64)> {
    [st.value, st.low, st.high]
        .iter()
        .all(|v| v.is_finite())
        .then_some((st.value, st.low.min(st.value), st.high.max(st.value)))
}
