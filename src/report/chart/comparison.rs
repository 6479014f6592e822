//! The comparison chart of a set of articles: every article's stance and its credible
//! interval on one shared axis, sorted by stance, with an evidence bar against the
//! threshold; below it the word-choice matrix (the variant each article used most per
//! concept, tinted by side). A large set comes grouped by outlet (`ComparisonData::grouped`):
//! each outlet's row shows the mean stance of its articles, their range, a tick per
//! article and how many there are, and the matrix has a column per outlet.
//!
//! The chart is 1600 base pixels wide whatever its content (so `--size`'s width is the
//! chart's width); [`ComparisonGeometry`] sizes its height from the rows and concepts.
//! Caps keep it legible and say "+N more" for the rest.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::axis::{lean_background, lean_ticks, lean_x, side_ends};
use super::canvas::ensure_fonts;
use super::model::{finite, stance_values, validate_sides, ComparisonData};
use super::painter::{
    panel_title, text_width, Flavor, Font, Painter, Rect, Res, ASCENT, GRID, INK, MUTED,
    NEUTRAL_CELL, RULE, STANCE_FILL, ZEBRA,
};
use crate::report::color::tint;
use crate::report::format::{fmt_lean_typographic, plural};

/// Caps that keep the comparison chart legible; anything beyond is
/// summarised as "+N more".
const CMP_MAX_ROWS: usize = 40;
const CMP_MAX_CONCEPTS: usize = 30;
const CMP_MAX_ARTICLES: usize = 14;

/// Layout of the comparison chart at scale 1 (base pixels).
pub(super) struct ComparisonGeometry {
    pub(super) width: f64,
    pub(super) height: f64,
    title_lines: usize,
    rows: usize,
    concepts: usize,
    /// Preferred matrix column and concept-label widths at scale 1.
    col_w: f64,
    concept_col: f64,
}

const CMP_ROW_H: f64 = 64.0;
/// The chart's width in base pixels: the cards' (`DEFAULT_SIZE.0`).
const BASE_WIDTH: f64 = 1600.0;
const CMP_CELL_H: f64 = 46.0;

impl ComparisonGeometry {
    /// The layout at scale 1 for `data`'s content.
    pub(super) fn natural(data: &ComparisonData) -> Self {
        let fonts = ensure_fonts().is_ok();
        let measure = |t: &str, px: f64, bold: bool| -> f64 {
            let f = Font { px, bold };
            match fonts {
                true => text_width(t.trim(), f).unwrap_or(0.0),
                false => t.trim().chars().count() as f64 * 0.62 * px,
            }
        };
        let rows = data.rows.len().min(CMP_MAX_ROWS);
        let concepts = data.concepts.len().min(CMP_MAX_CONCEPTS);
        let articles = data.articles.len().min(CMP_MAX_ARTICLES);
        let title_lines = if measure(&data.title, 40.0, true) > 1504.0 {
            2
        } else {
            1
        };
        let widest_cell = data
            .cells
            .iter()
            .take(concepts)
            .flat_map(|row| row.iter().take(articles).flatten())
            .map(|c| measure(&c.variant, 22.0, false) + 32.0)
            .fold(0.0, f64::max);
        let widest_head = data
            .articles
            .iter()
            .take(articles)
            .map(|a| measure(a, 22.0, true) + 16.0)
            .fold(0.0, f64::max);
        let col_w = widest_cell.max(widest_head).clamp(170.0, 340.0);
        let concept_col = data
            .concepts
            .iter()
            .take(concepts)
            .map(|c| measure(c, 24.0, false))
            .fold(0.0, f64::max)
            .clamp(100.0, 340.0);
        let width = BASE_WIDTH;
        let more_rows = usize::from(data.rows.len() > rows);
        let more_concepts = usize::from(data.concepts.len() > concepts);
        let rows_h = if rows == 0 {
            CMP_ROW_H
        } else {
            CMP_ROW_H * (rows + more_rows) as f64
        };
        let matrix_h = if concepts == 0 || articles == 0 {
            CMP_CELL_H
        } else {
            CMP_CELL_H * (concepts + 1 + more_concepts) as f64
        };
        let height = 34.0 // top margin
            + 53.0 * title_lines as f64
            + 58.0 // legend
            + 30.0 // rule + gap
            + 48.0 // section title
            + 44.0 // side ends
            + rows_h
            + 50.0 // ticks
            + 30.0 // gap + rule
            + 48.0 // section title
            + matrix_h
            + 20.0 // gap
            + 50.0; // footer
        ComparisonGeometry {
            width: width.round(),
            height: height.round().max(700.0),
            title_lines,
            rows,
            concepts,
            col_w,
            concept_col,
        }
    }
}

/// Draw the comparison chart for `data` on `root` (any size; the layout scales).
pub(super) fn draw_comparison<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ComparisonData,
    flavor: Flavor,
) -> Res {
    validate_sides(&data.sides)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let g = ComparisonGeometry::natural(data);
    let s = (w / g.width).min(h / g.height);
    let p = Painter::on_white(root, flavor, s)?;
    let m = 48.0 * s;
    let content_w = w - 2.0 * m;

    // Title.
    let title_f = p.font(40.0, true);
    let lines = p.wrap(&data.title, title_f, content_w, g.title_lines.clamp(1, 2))?;
    let mut y = 34.0 * s;
    for line in &lines {
        p.text(line, m, y + ASCENT * title_f.px, title_f, INK, HPos::Left)?;
        y += 1.32 * title_f.px;
    }
    if lines.is_empty() {
        y += 1.32 * title_f.px;
    }

    // Legend: sides + neutral, then marker shapes.
    let leg_f = p.font(22.0, false);
    let leg_y = y + 24.0 * s;
    let sw = 20.0 * s;
    let mut side_labels: Vec<String> = data
        .sides
        .iter()
        .map(|sd| sd.label.trim().to_string())
        .collect();
    side_labels.push("neutral".to_string());
    let interval_label = if data.grouped {
        "mean stance, range of the articles".to_string()
    } else {
        format!(
            "stance, {:.0}% interval",
            (100.0 * data.interval_level).round()
        )
    };
    let marker_items = [interval_label.as_str()];
    let marker_w: f64 = marker_items
        .iter()
        .map(|l| p.width(l, leg_f).map(|w| w + 34.0 * s + 22.0 * s))
        .sum::<Res<f64>>()?;
    let item_extra = sw + 8.0 * s + 22.0 * s;
    let fitted = p.fit_items(
        &side_labels,
        leg_f,
        item_extra,
        (content_w - marker_w - 40.0 * s).max(content_w * 0.4),
    )?;
    let mut x = m;
    for (k, label) in fitted.iter().enumerate() {
        let c = data
            .sides
            .get(k)
            .map(|sd| sd.color)
            .unwrap_or((0x9a, 0x9a, 0x9a));
        p.swatch(x, leg_y, sw, c, false)?;
        x += sw + 8.0 * s;
        p.text_mid(label, x, leg_y, leg_f, INK, HPos::Left)?;
        x += p.width(label, leg_f)? + 22.0 * s;
    }
    let mut x = w - m - marker_w + 22.0 * s;
    if x < m {
        x = m;
    }
    for label in marker_items {
        p.hline(x, x + 24.0 * s, leg_y, INK, 2.5 * s)?;
        p.dot(x + 12.0 * s, leg_y, 9.0 * s, STANCE_FILL, false)?;
        x += 34.0 * s;
        p.text_mid(label, x, leg_y, leg_f, INK, HPos::Left)?;
        x += p.width(label, leg_f)? + 22.0 * s;
    }
    y = leg_y + 34.0 * s;
    p.hline(m, w - m, y, RULE, 1.5 * s)?;
    y += 20.0 * s;

    // --- Section 1: lean per article -------------------------------------
    let sec = Rect {
        x0: m,
        y0: y,
        x1: w - m,
        y1: h,
    };
    y = panel_title(
        &p,
        sec,
        if data.grouped {
            "Stance by outlet: the mean of its articles (dot), each article (tick)"
        } else {
            "Stance by article, from loaded words"
        },
    )?;
    let label_f = p.font(24.0, false);
    let small_f = p.font(22.0, false);
    let value_f = p.font(22.0, true);

    // The first rows in the data's order are shown (input order; for outlets, the largest
    // first), sorted by stance: a cap leaves out the set's tail, never one end of the scale.
    let mut order: Vec<usize> = (0..data.rows.len().min(g.rows)).collect();
    order.sort_by(|&a, &b| {
        match (
            stance_values(&data.rows[a].stance),
            stance_values(&data.rows[b].stance),
        ) {
            (Some(x), Some(y)) => x.0.total_cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    let shown_rows = g.rows;
    let more_rows = data.rows.len() - shown_rows;

    let max_label = data
        .rows
        .iter()
        .map(|r| p.width(r.label.trim(), label_f))
        .collect::<Res<Vec<_>>>()?
        .into_iter()
        .fold(0.0, f64::max);
    let label_w = max_label.clamp(120.0 * s, content_w * 0.26);
    let ev_col_w = 290.0 * s;
    let ax0 = m + label_w + 36.0 * s;
    let ax1 = w - m - ev_col_w - 36.0 * s;

    let ends_base = y + 10.0 * s + ASCENT * p.font(24.0, true).px;
    side_ends(&p, &data.sides, ax0, ax1, ends_base)?;
    let ev_x0 = w - m - ev_col_w;
    let ev_head = p.fit(
        &if data.grouped {
            "articles".to_string()
        } else {
            format!("evidence (threshold {:.1})", finite(data.min_evidence))
        },
        small_f,
        ev_col_w,
    )?;
    p.text(&ev_head, ev_x0, ends_base, small_f, MUTED, HPos::Left)?;
    y = ends_base + 14.0 * s;

    let row_h = CMP_ROW_H * s;
    let rows_top = y;
    let n_slots = shown_rows.max(1);
    let rows_bottom = rows_top + row_h * n_slots as f64;
    lean_background(&p, &data.sides, ax0, ax1, rows_top, rows_bottom)?;
    // The right-hand bar: evidence against its threshold, or (grouped) how many articles.
    let bar_value = |r: &super::model::ComparisonRow| {
        if data.grouped {
            r.members.len() as f64
        } else {
            finite(r.evidence)
        }
    };
    let max_ev = data
        .rows
        .iter()
        .map(bar_value)
        .fold(
            if data.grouped {
                1.0
            } else {
                finite(data.min_evidence) * 1.5
            },
            f64::max,
        )
        .max(1e-9);
    let ev_bar_w = ev_col_w - 80.0 * s;
    if data.rows.is_empty() {
        let t = p.fit("No articles", label_f, ax1 - ax0)?;
        p.text_mid(
            &t,
            (ax0 + ax1) / 2.0,
            rows_top + row_h / 2.0,
            label_f,
            MUTED,
            HPos::Center,
        )?;
    }
    for (k, &ri) in order.iter().enumerate() {
        let row = &data.rows[ri];
        let top = rows_top + k as f64 * row_h;
        let mid = top + row_h / 2.0;
        let values = stance_values(&row.stance);
        let greyed = values.is_none() || !row.stance.enough;
        if k > 0 {
            p.hline(m, w - m, top, GRID, 1.0 * s)?;
        }
        let label = p.fit(&row.label, label_f, label_w)?;
        p.text_mid(
            &label,
            m,
            mid,
            label_f,
            if greyed { MUTED } else { INK },
            HPos::Left,
        )?;

        // The stance with its interval as an error bar; hollow when evidence is thin.
        if let Some((v, lo, hi)) = values {
            let (xl, xh, x) = (
                lean_x(lo, ax0, ax1),
                lean_x(hi, ax0, ax1),
                lean_x(v, ax0, ax1),
            );
            let bar_c = if greyed { MUTED } else { INK };
            if data.grouped {
                // The outlet's articles: a thin line over their range, a tick for each.
                p.hline(xl, xh, mid, MUTED, 1.5 * s)?;
                for &m in row.members.iter().filter(|m| m.is_finite()) {
                    let xm = lean_x(m, ax0, ax1);
                    p.vline(xm, mid - 14.0 * s, mid + 14.0 * s, MUTED, 2.0 * s)?;
                }
            } else {
                p.hline(xl, xh, mid, bar_c, 2.5 * s)?;
                for xe in [xl, xh] {
                    p.vline(xe, mid - 9.0 * s, mid + 9.0 * s, bar_c, 2.5 * s)?;
                }
            }
            p.dot(x, mid, 10.0 * s, STANCE_FILL, greyed)?;
            let t = if data.grouped {
                format!("mean {}", fmt_lean_typographic(v))
            } else if greyed {
                format!("{} (thin evidence)", fmt_lean_typographic(v))
            } else {
                fmt_lean_typographic(v)
            };
            let tw = p.width(&t, value_f)?;
            let pad = 14.0 * s;
            let (tx, anchor) = if xh + pad + tw <= ax1 {
                (xh + pad, HPos::Left)
            } else {
                (xl - pad, HPos::Right)
            };
            p.text_mid(
                &t,
                tx,
                mid,
                value_f,
                if greyed { MUTED } else { INK },
                anchor,
            )?;
        }

        // Evidence bar with threshold tick (grouped: the number of articles).
        let ev = bar_value(row);
        let bar = Rect {
            x0: ev_x0,
            y0: mid - 9.0 * s,
            x1: ev_x0 + ev_bar_w * (ev / max_ev).min(1.0),
            y1: mid + 9.0 * s,
        };
        p.rect(
            Rect {
                x0: ev_x0,
                y0: bar.y0,
                x1: ev_x0 + ev_bar_w,
                y1: bar.y1,
            },
            ZEBRA,
        )?;
        p.rect(
            bar,
            if greyed {
                (0xbb, 0xbb, 0xbb)
            } else {
                (0x6a, 0x6a, 0x6a)
            },
        )?;
        if !data.grouped {
            let tx = ev_x0 + ev_bar_w * (finite(data.min_evidence) / max_ev).min(1.0);
            p.vline(tx, mid - 15.0 * s, mid + 15.0 * s, INK, 2.0 * s)?;
        }
        p.text_mid(
            &if data.grouped {
                format!("{ev:.0}")
            } else {
                format!("{ev:.1}")
            },
            ev_x0 + ev_bar_w + 12.0 * s,
            mid,
            small_f,
            if greyed { MUTED } else { INK },
            HPos::Left,
        )?;
    }
    lean_ticks(&p, ax0, ax1, rows_bottom)?;
    let mut y = rows_bottom + 10.0 * s + 1.3 * small_f.px;
    if more_rows > 0 {
        let t = format!(
            "+{} more {}{}",
            more_rows,
            if data.grouped { "outlet" } else { "article" },
            plural(more_rows)
        );
        p.text(&t, m, y - 0.2 * small_f.px, small_f, MUTED, HPos::Left)?;
    }
    y += 20.0 * s;
    p.hline(m, w - m, y, RULE, 1.5 * s)?;
    y += 20.0 * s;

    // --- Section 2: word-choice matrix -------------------------------------
    let sec = Rect {
        x0: m,
        y0: y,
        x1: w - m,
        y1: h,
    };
    y = panel_title(&p, sec, "Word choice by concept")?;
    draw_matrix(
        &p,
        data,
        &g,
        Rect {
            x0: m,
            y0: y,
            x1: w - m,
            y1: h - 50.0 * s,
        },
    )?;

    // Footer.
    let foot_f = p.font(22.0, false);
    let foot = p.fit(&data.footer, foot_f, content_w)?;
    p.text(&foot, m, h - 22.0 * s, foot_f, MUTED, HPos::Left)?;
    Ok(())
}

/// The word-choice matrix: one row per concept, one column per article.
fn draw_matrix<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    data: &ComparisonData,
    g: &ComparisonGeometry,
    r: Rect,
) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let head_f = p.font(22.0, true);
    let cell_f = p.font(22.0, false);
    let small_f = p.font(22.0, false);
    if data.concepts.is_empty() || data.articles.is_empty() {
        let t = p.fit("No loaded terms found", label_f, r.w())?;
        p.text_mid(
            &t,
            r.x0,
            r.y0 + CMP_CELL_H * s / 2.0,
            label_f,
            MUTED,
            HPos::Left,
        )?;
        return Ok(());
    }
    let max_label = data
        .concepts
        .iter()
        .map(|c| p.width(c.trim(), label_f))
        .collect::<Res<Vec<_>>>()?
        .into_iter()
        .fold(0.0, f64::max);
    let label_w = max_label.clamp(100.0 * s, g.concept_col * s);
    let grid_x0 = r.x0 + label_w + 20.0 * s;
    let min_col = 140.0 * s;
    let n_art = data.articles.len();
    let fit_cols = (((r.x1 - grid_x0) / min_col).floor() as usize).clamp(1, CMP_MAX_ARTICLES);
    let cols = if n_art <= fit_cols {
        n_art
    } else {
        (fit_cols - 1).max(1)
    };
    let more_cols = n_art - cols;
    let col_w = ((r.x1 - grid_x0) / cols as f64).min(g.col_w * 1.25 * s);
    let cell_h = CMP_CELL_H * s;

    // Header row.
    let head_mid = r.y0 + cell_h / 2.0;
    for (j, a) in data.articles.iter().take(cols).enumerate() {
        let cx = grid_x0 + (j as f64 + 0.5) * col_w;
        let t = p.fit(a, head_f, col_w - 12.0 * s)?;
        p.text_mid(&t, cx, head_mid, head_f, INK, HPos::Center)?;
    }
    let rows_top = r.y0 + cell_h;
    p.hline(r.x0, grid_x0 + cols as f64 * col_w, rows_top, RULE, 1.5 * s)?;

    let avail_rows = ((r.y1 - rows_top) / cell_h).floor().max(0.0) as usize;
    let n_con = data.concepts.len();
    let limit = g.concepts.min(avail_rows);
    let (shown, more) = if n_con <= limit {
        (n_con, 0)
    } else {
        let k = limit.saturating_sub(1);
        (k, n_con - k)
    };
    let inset = 3.0 * s;
    for (i, concept) in data.concepts.iter().take(shown).enumerate() {
        let top = rows_top + i as f64 * cell_h;
        let mid = top + cell_h / 2.0;
        let label = p.fit(concept, label_f, label_w)?;
        p.text_mid(&label, r.x0, mid, label_f, INK, HPos::Left)?;
        p.hline(
            r.x0,
            grid_x0 + cols as f64 * col_w,
            top + cell_h,
            GRID,
            1.0 * s,
        )?;
        let row = data.cells.get(i);
        for j in 0..cols {
            let Some(Some(cell)) = row.and_then(|rw| rw.get(j)) else {
                continue;
            };
            let side = cell.side.and_then(|si| data.sides.get(si));
            let (fill, border) = match side {
                Some(sd) => (tint(sd.color, 0.78), tint(sd.color, 0.35)),
                None => (NEUTRAL_CELL, (0xb0, 0xb0, 0xb0)),
            };
            let cr = Rect {
                x0: grid_x0 + j as f64 * col_w + inset,
                y0: top + inset,
                x1: grid_x0 + (j + 1) as f64 * col_w - inset,
                y1: top + cell_h - inset,
            };
            p.rect(cr, fill)?;
            p.rect(
                Rect {
                    x0: cr.x0,
                    y0: cr.y0,
                    x1: cr.x0 + 5.0 * s,
                    y1: cr.y1,
                },
                border,
            )?;
            let t = p.fit(&cell.variant, cell_f, cr.w() - 20.0 * s)?;
            p.text_mid(
                &t,
                (cr.x0 + 5.0 * s + cr.x1) / 2.0,
                mid,
                cell_f,
                INK,
                HPos::Center,
            )?;
        }
    }
    let bottom = rows_top + shown as f64 * cell_h;
    let mut notes = Vec::new();
    if more > 0 {
        notes.push(format!("+{} more concept{}", more, plural(more)));
    }
    if more_cols > 0 {
        notes.push(format!(
            "+{} more {}{} not shown",
            more_cols,
            if data.grouped { "outlet" } else { "article" },
            plural(more_cols)
        ));
    }
    if !notes.is_empty() {
        let t = p.fit(&notes.join(" \u{b7} "), small_f, r.w())?;
        p.text_mid(&t, r.x0, bottom + cell_h / 2.0, small_f, MUTED, HPos::Left)?;
    }
    Ok(())
}
