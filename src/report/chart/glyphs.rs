//! Setting text on the bitmap canvas glyph by glyph, at sub-pixel positions.
//!
//! plotters' own bitmap text drops each glyph's fraction of a pixel and its left side
//! bearing, so at small sizes letters drift apart or collide ("immi gration"). Here every
//! glyph is placed at its exact pen position (advance plus kerning, as the width
//! measurement adds them), rasterized there by ab_glyph and blended onto the canvas by its
//! coverage. The SVG backend is untouched: a viewer sets SVG text itself.

use std::sync::OnceLock;

use ab_glyph::{point, Font as _, FontRef, PxScale, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::canvas::{draw_err, ChartError, FONT_BOLD, FONT_REGULAR};
use crate::report::color::Rgb;

/// The two embedded faces, parsed once.
fn faces() -> Result<&'static (FontRef<'static>, FontRef<'static>), ChartError> {
    static FACES: OnceLock<Option<(FontRef<'static>, FontRef<'static>)>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some((
                FontRef::try_from_slice(FONT_REGULAR).ok()?,
                FontRef::try_from_slice(FONT_BOLD).ok()?,
            ))
        })
        .as_ref()
        .ok_or_else(|| ChartError::Font("the bundled DejaVu Sans faces cannot be read".into()))
}

/// The pen position of every character of `t` from 0, and the total advance, at `size`
/// (ab_glyph's scale: the font's ascent-to-descent height in pixels).
fn layout(face: &FontRef<'static>, size: f32, t: &str) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
    let font = face.as_scaled(PxScale::from(size));
    let mut pen = 0.0f32;
    let mut prev = None;
    let mut out = Vec::with_capacity(t.len());
    for c in t.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = prev {
            pen += font.kern(p, id);
        }
        out.push((id, pen));
        pen += font.h_advance(id);
        prev = Some(id);
    }
    (out, pen)
}

/// Draw `t` with its baseline at `baseline`, anchored at `x` by `h`, at `size` (ab_glyph's
/// scale), in `color`.
#[allow(clippy::too_many_arguments)]
pub(super) fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: &str,
    x: f64,
    baseline: f64,
    size: f64,
    bold: bool,
    color: Rgb,
    h: HPos,
) -> Result<(), ChartError> {
    let (regular, heavy) = faces()?;
    let face = if bold { heavy } else { regular };
    let size = size as f32;
    let (glyphs, width) = layout(face, size, t);
    let left = match h {
        HPos::Left => x as f32,
        HPos::Center => x as f32 - width / 2.0,
        HPos::Right => x as f32 - width,
    };
    let base = baseline as f32;
    for (id, pen) in glyphs {
        let glyph = id.with_scale_and_position(PxScale::from(size), point(left + pen, base));
        let Some(outline) = face.outline_glyph(glyph) else {
            continue;
        };
        let b = outline.px_bounds();
        let (x0, y0) = (b.min.x as i32, b.min.y as i32);
        let mut result = Ok(());
        outline.draw(|gx, gy, coverage| {
            if result.is_err() || coverage <= 0.0 {
                return;
            }
            let c = RGBAColor(color.0, color.1, color.2, f64::from(coverage.min(1.0)));
            result = area.draw_pixel((x0 + gx as i32, y0 + gy as i32), &c);
        });
        result.map_err(draw_err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pen_positions_keep_their_fractions_and_add_up_to_the_width() {
        let (regular, _) = faces().unwrap();
        let (glyphs, width) = layout(regular, 13.0, "immigration");
        assert_eq!(glyphs.len(), 11);
        // At 13 px no advance is a whole number of pixels: positions keep their fractions.
        assert!(glyphs.iter().any(|g| g.1.fract() != 0.0));
        // Equal letters advance alike: the two "m"s and the "i"s are evenly spaced.
        let step = |i: usize| glyphs[i + 1].1 - glyphs[i].1;
        assert!((step(1) - step(2)).abs() < 1e-4, "{} {}", step(1), step(2));
        assert!(width > glyphs[10].1);
    }
}
