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
//! * `glyphs`: setting text on the bitmap canvas at sub-pixel positions;
//! * `axis`: the −1…+1 lean axis both charts draw;
//! * `card` and `comparison`: the layout of each chart.
//!
//! It knows nothing about lexicons or articles: `report::cards` builds its data.

mod axis;
mod canvas;
mod card;
mod comparison;
mod glyphs;
mod model;
mod painter;
#[cfg(test)]
mod tests;

pub use canvas::{ChartError, DEFAULT_SIZE};
pub use model::{
    CardData, ChartSide, ComparisonData, ComparisonRow, ConceptBar, MatrixCell, QuoteSegment,
    SideWeight, Stance, ToneLine,
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

/// Most pixels of a comparison chart drawn next to big cards (192 MB of RGB while it is
/// drawn): `--size 12800x8000` cards would otherwise ask for 17064×15848.
pub const MAX_COMPARISON_PIXELS: f64 = 64e6;

/// The canvas of the comparison chart drawn next to cards `card_width` pixels wide: as
/// wide as the cards, as tall as its content needs at that width (its natural size,
/// [`comparison_size`], scaled to `card_width`), shrunk (keeping its proportions) to fit
/// the largest canvas side and [`MAX_COMPARISON_PIXELS`]. `None` when the set is so large
/// that the shrunk chart would be below the smallest canvas.
pub fn comparison_canvas(data: &ComparisonData, card_width: u32) -> Option<(u32, u32)> {
    let (nw, nh) = comparison_size(data);
    let (nw, nh) = (f64::from(nw.max(1)), f64::from(nh.max(1)));
    let max = f64::from(canvas::MAX_SIDE);
    let scale = f64::from(card_width) / nw;
    let k = scale
        .min(max / nw)
        .min(max / nh)
        .min((MAX_COMPARISON_PIXELS / (nw * nh)).sqrt());
    // Rounded as the cards' width asks; rounded down when shrunk to a limit, so as not to
    // pass it by a pixel.
    let px = |n: f64| if k < scale { (n * k).floor() } else { (n * k).round() } as u32;
    let (w, h) = (px(nw), px(nh));
    (w >= canvas::MIN_SIZE.0 && h >= canvas::MIN_SIZE.1).then_some((w, h))
}

/// A sensible canvas size for `data`: 1600 wide (the default card's width), taller with
/// more rows and concepts. Rendering at exactly this size uses the base (1600×1000 card)
/// font sizes.
pub fn comparison_size(data: &ComparisonData) -> (u32, u32) {
    let g = ComparisonGeometry::natural(data);
    (g.width.round() as u32, g.height.round() as u32)
}
