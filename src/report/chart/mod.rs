//! Chart rendering for `slant` reports: this module owns the pixels. It turns
//! already-computed numbers (loaded-term counts per concept, quoted words per
//! side, lean values and the evidence behind them) into a per-article stance
//! card and a multi-article comparison chart, as PNG bytes or SVG text. It is
//! pure: data in, bytes out, no file or network access, no system fonts (the
//! bundled DejaVu Sans faces are embedded and registered once), and the same
//! input always yields byte-identical PNGs. Layout measures every string with
//! the embedded font and shortens it with "…" rather than letting text overlap
//! or run off the canvas. Each chart is drawn once, generically over the
//! plotters `DrawingBackend`, so the PNG and SVG outputs share all layout code.
//!
//! The parts, from data to bytes:
//! * `model`: what is drawn, as plain data (the public types below);
//! * `canvas`: size limits, the embedded fonts, the PNG and SVG backends and
//!   deterministic PNG encoding;
//! * `painter`: drawing primitives, the chart palette and text layout (measuring,
//!   shortening, wrapping) over any backend;
//! * `axis`: the −1…+1 lean axis both charts draw;
//! * `card` and `comparison`: the layout of each chart.
//!
//! It knows nothing about lexicons or articles: `report::cards` builds its data.

mod axis;
mod canvas;
mod card;
mod comparison;
mod model;
mod painter;
#[cfg(test)]
mod tests;

pub use canvas::{ChartError, DEFAULT_SIZE};
pub use model::{
    CardData, ChartSide, ComparisonData, ComparisonRow, ConceptBar, MatrixCell, QuoteSegment,
    SideWeight, Stance,
};

use canvas::{render_png, render_svg};
use card::draw_card;
use comparison::{draw_comparison, ComparisonGeometry};
use painter::Flavor;

/// Render the per-article stance card as PNG bytes.
pub fn render_card_png(data: &CardData, width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    render_png(width, height, |root| draw_card(root, data, Flavor::Bitmap))
}

/// Render the per-article stance card as an SVG document.
pub fn render_card_svg(data: &CardData, width: u32, height: u32) -> Result<String, ChartError> {
    render_svg(width, height, |root| draw_card(root, data, Flavor::Svg))
}

/// Render the multi-article comparison chart as PNG bytes.
pub fn render_comparison_png(
    data: &ComparisonData,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ChartError> {
    render_png(width, height, |root| {
        draw_comparison(root, data, Flavor::Bitmap)
    })
}

/// Render the multi-article comparison chart as an SVG document.
pub fn render_comparison_svg(
    data: &ComparisonData,
    width: u32,
    height: u32,
) -> Result<String, ChartError> {
    render_svg(width, height, |root| {
        draw_comparison(root, data, Flavor::Svg)
    })
}

/// A sensible canvas size for `data`: 1600 wide at least, wider when the
/// word-choice matrix has many article columns, taller with more rows and
/// concepts. Rendering at exactly this size uses the base (1600×1000 card)
/// font sizes.
pub fn comparison_size(data: &ComparisonData) -> (u32, u32) {
    let g = ComparisonGeometry::natural(data);
    (g.width.round() as u32, g.height.round() as u32)
}
