//! The lean axis both charts draw: the −1 (first side) … +1 (last side) scale mapped to
//! x, its tinted halves and gridlines, its tick labels, and the side names at its ends.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::model::ChartSide;
use super::painter::{Painter, Rect, Res, ASCENT, MUTED};
use crate::report::color::{text_shade_gamma2, tint};
use crate::report::format::fmt_tick;

/// Maps a lean in −1..+1 to an x coordinate (values outside are clamped).
pub(super) fn lean_x(v: f64, x0: f64, x1: f64) -> f64 {
    let v = v.clamp(-1.0, 1.0);
    x0 + (v + 1.0) / 2.0 * (x1 - x0)
}

/// Tinted halves, gridlines at −1, −0.5, 0, +0.5, +1 for a lean axis.
pub(super) fn lean_background<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    sides: &[ChartSide],
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
) -> Res {
    let cx = (x0 + x1) / 2.0;
    let first = sides[0].color;
    let last = sides[sides.len() - 1].color;
    p.rect(Rect { x0, y0, x1: cx, y1 }, tint(first, 0.92))?;
    p.rect(Rect { x0: cx, y0, x1, y1 }, tint(last, 0.92))?;
    for t in [-1.0, -0.5, 0.5, 1.0] {
        p.vline(lean_x(t, x0, x1), y0, y1, (0xd2, 0xd2, 0xd2), 1.5 * p.s)?;
    }
    p.vline(cx, y0, y1, MUTED, 2.0 * p.s)
}

/// Ticks and labels at −1, −0.5, 0, +0.5, +1 below a lean axis whose bottom is `y`.
pub(super) fn lean_ticks<DB: DrawingBackend>(p: &Painter<'_, DB>, x0: f64, x1: f64, y: f64) -> Res {
    let f = p.font(22.0, false);
    for t in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let x = lean_x(t, x0, x1);
        p.vline(x, y, y + 8.0 * p.s, MUTED, 2.0 * p.s)?;
        p.text(
            &fmt_tick(t),
            x,
            y + 10.0 * p.s + ASCENT * f.px,
            f,
            MUTED,
            HPos::Center,
        )?;
    }
    Ok(())
}

/// "← First side" at the left end and "Last side →" at the right end.
pub(super) fn side_ends<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    sides: &[ChartSide],
    x0: f64,
    x1: f64,
    baseline: f64,
) -> Res {
    let f = p.font(24.0, true);
    let first = &sides[0];
    let last = &sides[sides.len() - 1];
    let half = (x1 - x0) / 2.0 - 16.0 * p.s;
    let lt = p.fit(&format!("\u{2190} {}", first.label.trim()), f, half)?;
    let rt = p.fit(&format!("{} \u{2192}", last.label.trim()), f, half)?;
    p.text(
        &lt,
        x0,
        baseline,
        f,
        text_shade_gamma2(first.color),
        HPos::Left,
    )?;
    p.text(
        &rt,
        x1,
        baseline,
        f,
        text_shade_gamma2(last.color),
        HPos::Right,
    )
}
