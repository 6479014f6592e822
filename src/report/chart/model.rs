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

/// Hits (counts) for one side of one concept: narrator voice vs quoted/scare-quoted.
#[derive(Debug, Clone)]
pub struct SideCount {
    pub narrator: f64,
    pub quoted: f64,
}

/// One concept row of the diverging bar chart; `counts[i]` belongs to `sides[i]`.
#[derive(Debug, Clone)]
pub struct ConceptBar {
    pub label: String,
    pub counts: Vec<SideCount>,
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

/// A lean on the −1 (first side) … +1 (last side) scale; `None` means
/// "too little evidence".
#[derive(Debug, Clone)]
pub struct Lean {
    pub value: Option<f64>,
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
    /// Already sorted by the caller (most hits first).
    pub concepts: Vec<ConceptBar>,
    /// One per side that was quoted plus "Unaligned" / "Unattributed" segments.
    pub quotes: Vec<QuoteSegment>,
    pub term_lean: Lean,
    pub quote_lean: Lean,
    pub stance: Lean,
    pub evidence: f64,
    pub min_evidence: f64,
    pub footer: String,
}

/// One article in the comparison chart.
#[derive(Debug, Clone)]
pub struct ComparisonRow {
    pub label: String,
    pub term_lean: Lean,
    pub quote_lean: Lean,
    pub stance: Lean,
    pub evidence: f64,
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
    /// Rows in input order; the renderer sorts by stance (None last).
    pub rows: Vec<ComparisonRow>,
    /// Matrix row labels.
    pub concepts: Vec<String>,
    /// Matrix column labels.
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

/// A lean as drawn: a non-finite value counts as missing ("too little evidence").
pub(super) fn lean_value(l: &Lean) -> Option<f64> {
    l.value.filter(|v| v.is_finite())
}
