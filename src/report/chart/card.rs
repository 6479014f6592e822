//! The per-article stance card: a header (title, outlet, id), the loaded terms by
//! concept as diverging bars of their weighted evidence (the numbers the stance is
//! computed from; narrator solid, anyone else's words hatched, first sides left of the
//! centre line), who is heard as one stacked bar with a legend (a description, not a
//! lean), and the stance with its credible interval on the lean axis, with the evidence
//! against its threshold. Layout in base pixels of a 1600×1000 card, scaled to the canvas.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::axis::{lean_background, lean_ticks, lean_x, side_ends};
use super::canvas::DEFAULT_SIZE;
use super::model::{finite, stance_values, validate_sides, CardData, ConceptBar};
use super::painter::{
    panel_title, Flavor, Painter, Rect, Res, ASCENT, CAP_HALF, GREYS, INK, MUTED, RULE,
    STANCE_FILL, WHITE_C, ZEBRA,
};
use crate::report::color::{text_shade_gamma2, tint, Rgb};
use crate::report::format::{fmt_lean_typographic, fmt_weight, plural};

/// Draw the stance card for `data` on `root` (any size; the layout scales).
pub(super) fn draw_card<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &CardData,
    flavor: Flavor,
) -> Res {
    validate_sides(&data.sides)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let s = (w / DEFAULT_SIZE.0 as f64).min(h / DEFAULT_SIZE.1 as f64);
    let p = Painter::on_white(root, flavor, s)?;

    let m = 48.0 * s;
    let content_w = w - 2.0 * m;

    // Header: title (≤ 2 lines), outlet line.
    let title_f = p.font(44.0, true);
    let lines = p.wrap(&data.title, title_f, content_w, 2)?;
    let title_lh = 1.2 * title_f.px;
    let mut y = 34.0 * s;
    for line in &lines {
        p.text(line, m, y + ASCENT * title_f.px, title_f, INK, HPos::Left)?;
        y += title_lh;
    }
    if lines.is_empty() {
        y += title_lh;
    }
    let sub_f = p.font(26.0, false);
    let id_f = p.font(22.0, false);
    let id_text = if data.id.trim().is_empty() {
        String::new()
    } else {
        p.fit(&format!("id {}", data.id.trim()), id_f, content_w * 0.3)?
    };
    let id_w = p.width(&id_text, id_f)?;
    let sub_base = y + 4.0 * s + ASCENT * sub_f.px;
    if let Some(outlet) = data.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        let t = p.fit(outlet, sub_f, content_w - id_w - 24.0 * s)?;
        p.text(&t, m, sub_base, sub_f, MUTED, HPos::Left)?;
    }
    p.text(&id_text, w - m, sub_base, id_f, MUTED, HPos::Right)?;
    y = sub_base + 0.3 * sub_f.px + 14.0 * s;
    p.hline(m, w - m, y, RULE, 1.5 * s)?;
    let body_top = y + 22.0 * s;

    // Footer.
    let foot_f = p.font(22.0, false);
    let foot_base = h - 22.0 * s;
    let foot = p.fit(&data.footer, foot_f, content_w)?;
    p.text(&foot, m, foot_base, foot_f, MUTED, HPos::Left)?;

    // Bottom band: lean scale.
    let lean_bottom = foot_base - foot_f.px - 24.0 * s;
    let lean_top = lean_bottom - 244.0 * s;
    p.hline(m, w - m, lean_top - 16.0 * s, RULE, 1.5 * s)?;
    draw_lean_panel(
        &p,
        data,
        Rect {
            x0: m,
            y0: lean_top,
            x1: w - m,
            y1: lean_bottom,
        },
    )?;

    // Middle band: concepts (left) and quotes (right).
    let mid_bottom = lean_top - 36.0 * s;
    let gap = 64.0 * s;
    let left_w = (content_w - gap) * 0.58;
    draw_concepts_panel(
        &p,
        data,
        Rect {
            x0: m,
            y0: body_top,
            x1: m + left_w,
            y1: mid_bottom,
        },
    )?;
    draw_quotes_panel(
        &p,
        data,
        Rect {
            x0: m + left_w + gap,
            y0: body_top,
            x1: w - m,
            y1: mid_bottom,
        },
    )?;
    Ok(())
}

/// The message of an empty panel ("No quotations"), centred below its heading at `y`.
fn empty_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, r: Rect, y: f64, msg: &str) -> Res<()> {
    let f = p.font(26.0, false);
    let t = p.fit(msg, f, r.w())?;
    p.text_mid(
        &t,
        r.x0 + r.w() / 2.0,
        (y + r.y1) / 2.0,
        f,
        MUTED,
        HPos::Center,
    )?;
    Ok(())
}

/// Sides drawn left of the centre line (`index < n/2`) and right of it.
fn split_sides(n: usize) -> (Vec<usize>, Vec<usize>) {
    ((0..n / 2).collect(), (n / 2..n).collect())
}

/// Loaded terms by concept: the diverging bars.
fn draw_concepts_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let small_f = p.font(22.0, false);
    let head_f = p.font(22.0, true);
    let mut y = panel_title(p, r, "Loaded terms by concept (weight)")?;

    if data.concepts.is_empty() {
        return empty_panel(p, r, y, "No loaded terms found");
    }

    // Style legend: solid = narrator, hatched = inside quotation marks.
    let sw = 22.0 * s;
    let legend_y = y + 16.0 * s;
    let items = [
        ("narrator\u{2019}s own words".to_string(), false),
        (
            "someone else\u{2019}s words (quoted, reported)".to_string(),
            true,
        ),
    ];
    let labels: Vec<String> = items.iter().map(|i| i.0.clone()).collect();
    let fitted = p.fit_items(&labels, small_f, sw + 10.0 * s + 28.0 * s, r.w())?;
    let mut x = r.x0;
    for ((_, hatched), label) in items.iter().zip(&fitted) {
        p.swatch(x, legend_y, sw, (0x6a, 0x6a, 0x6a), *hatched)?;
        x += sw + 10.0 * s;
        p.text_mid(label, x, legend_y, small_f, MUTED, HPos::Left)?;
        x += p.width(label, small_f)? + 28.0 * s;
    }
    y = legend_y + 28.0 * s;

    // Geometry: label column, bar area with centre line.
    let n_sides = data.sides.len();
    let (left_sides, right_sides) = split_sides(n_sides);
    let max_label = data
        .concepts
        .iter()
        .map(|c| p.width(c.label.trim(), label_f))
        .collect::<Res<Vec<_>>>()?
        .into_iter()
        .fold(0.0, f64::max);
    let label_w = max_label.min(r.w() * 0.34).max(60.0 * s);
    let bars_x0 = r.x0 + label_w + 18.0 * s;
    let bars_x1 = r.x1;
    let cx = (bars_x0 + bars_x1) / 2.0;
    let half = (bars_x1 - bars_x0) / 2.0;

    // Side headers: left sides end just left of the centre line, right sides
    // start just right of it (in lexicon order, matching the bars). If a group
    // does not fit its half, fall back to one legend line across the panel.
    let header_y = y + 14.0 * s;
    let item_gap = 18.0 * s;
    let item_extra = 18.0 * s + 8.0 * s + item_gap;
    let group_w = |idxs: &[usize]| -> Res<f64> {
        Ok(idxs
            .iter()
            .map(|&i| p.width(data.sides[i].label.trim(), head_f))
            .collect::<Res<Vec<_>>>()?
            .iter()
            .map(|w| w + item_extra)
            .sum::<f64>()
            - item_gap)
    };
    let centred = group_w(&left_sides)? <= cx - 12.0 * s - r.x0
        && group_w(&right_sides)? <= r.x1 - cx - 12.0 * s;
    let row_h = 1.35 * head_f.px;
    // (sides, x start, row index)
    let groups: Vec<(Vec<usize>, f64, usize)> = if centred {
        let lw = group_w(&left_sides)?;
        vec![
            (left_sides.clone(), cx - 12.0 * s - lw, 0),
            (right_sides.clone(), cx + 12.0 * s, 0),
        ]
    } else {
        let all: Vec<usize> = (0..n_sides).collect();
        if group_w(&all)? <= r.w() {
            vec![(all, r.x0, 0)]
        } else {
            // Two legend rows, in lexicon order.
            let k = n_sides.div_ceil(2);
            vec![(all[..k].to_vec(), r.x0, 0), (all[k..].to_vec(), r.x0, 1)]
        }
    };
    let header_rows = groups.iter().map(|g| g.2).max().unwrap_or(0) + 1;
    for (idxs, x_start, row) in groups {
        let header_y = header_y + row as f64 * row_h;
        let labels: Vec<String> = idxs
            .iter()
            .map(|&i| data.sides[i].label.trim().to_string())
            .collect();
        let fitted = p.fit_items(&labels, head_f, item_extra, r.x1 - x_start + item_gap)?;
        let mut x = x_start;
        for (&i, label) in idxs.iter().zip(&fitted) {
            let c = data.sides[i].color;
            p.swatch(x, header_y, 18.0 * s, c, false)?;
            x += 26.0 * s;
            p.text_mid(label, x, header_y, head_f, text_shade_gamma2(c), HPos::Left)?;
            x += p.width(label, head_f)? + item_gap;
        }
    }
    y = header_y + (header_rows - 1) as f64 * row_h + 22.0 * s;

    // Rows.
    let avail = r.y1 - y;
    let min_row = 1.45 * label_f.px;
    let max_rows = ((avail / min_row).floor() as usize).min(12);
    let total = data.concepts.len();
    let (shown, more) = if total <= max_rows {
        (total, 0)
    } else {
        let shown = max_rows.saturating_sub(1);
        (shown, total - shown)
    };
    let slots = shown + usize::from(more > 0);
    let row_h = if slots == 0 {
        0.0
    } else {
        (avail / slots as f64).min(46.0 * s)
    };
    let bar_h = (row_h * 0.62).min(30.0 * s);

    let side_total = |c: &ConceptBar, i: usize| -> (f64, f64) {
        c.weights
            .get(i)
            .map(|sc| (finite(sc.narrator), finite(sc.quoted)))
            .unwrap_or((0.0, 0.0))
    };
    let half_total = |c: &ConceptBar, idxs: &[usize]| -> f64 {
        idxs.iter()
            .map(|&i| {
                let (a, b) = side_total(c, i);
                a + b
            })
            .sum()
    };
    let shown_concepts = &data.concepts[..shown];
    let max_total = shown_concepts
        .iter()
        .map(|c| half_total(c, &left_sides).max(half_total(c, &right_sides)))
        .fold(0.0, f64::max);
    let count_w = shown_concepts
        .iter()
        .flat_map(|c| [half_total(c, &left_sides), half_total(c, &right_sides)])
        .map(|v| p.width(&fmt_weight(v), label_f))
        .collect::<Res<Vec<_>>>()?
        .into_iter()
        .fold(0.0, f64::max);
    let bar_room = (half - count_w - 14.0 * s).max(half * 0.3);
    let scale = if max_total > 0.0 {
        bar_room / max_total
    } else {
        0.0
    };

    let rows_top = y;
    for (k, c) in shown_concepts.iter().enumerate() {
        let ry = rows_top + k as f64 * row_h;
        let mid = ry + row_h / 2.0;
        if k % 2 == 0 {
            p.rect(
                Rect {
                    x0: r.x0,
                    y0: ry,
                    x1: r.x1,
                    y1: ry + row_h,
                },
                ZEBRA,
            )?;
        }
        let label = p.fit(&c.label, label_f, label_w)?;
        p.text_mid(&label, r.x0 + label_w, mid, label_f, INK, HPos::Right)?;

        for (idxs, dir) in [(&left_sides, -1.0), (&right_sides, 1.0)] {
            // Stack outward from the centre: nearest side first.
            let order: Vec<usize> = if dir < 0.0 {
                idxs.iter().rev().copied().collect()
            } else {
                idxs.to_vec()
            };
            let mut off = 0.0;
            for i in order {
                let color = data.sides[i].color;
                let (nar, quo) = side_total(c, i);
                for (v, hatched) in [(nar, false), (quo, true)] {
                    let len = v * scale;
                    if len <= 0.0 {
                        continue;
                    }
                    let (a, b) = (cx + dir * off, cx + dir * (off + len));
                    let seg = Rect {
                        x0: a.min(b),
                        y0: mid - bar_h / 2.0,
                        x1: a.max(b),
                        y1: mid + bar_h / 2.0,
                    };
                    if hatched {
                        p.rect(seg, tint(color, 0.72))?;
                        p.hatch(seg, color, 8.0 * s, 2.0 * s)?;
                        p.outline(seg, color, 1.5 * s)?;
                    } else {
                        p.rect(seg, color)?;
                    }
                    off += len;
                }
            }
            let tot = half_total(c, idxs);
            if tot > 0.0 {
                let x = cx + dir * (off + 8.0 * s);
                let anchor = if dir < 0.0 { HPos::Right } else { HPos::Left };
                p.text_mid(&fmt_weight(tot), x, mid, label_f, INK, anchor)?;
            }
        }
    }
    let rows_bottom = rows_top + shown as f64 * row_h;
    p.vline(cx, rows_top - 4.0 * s, rows_bottom + 4.0 * s, INK, 2.0 * s)?;
    if more > 0 {
        let t = format!("+{} more concept{}", more, plural(more));
        let t = p.fit(&t, small_f, r.w())?;
        p.text_mid(
            &t,
            r.x0 + label_w,
            rows_bottom + row_h / 2.0,
            small_f,
            MUTED,
            HPos::Right,
        )?;
    }
    Ok(())
}

/// Who is heard: the stacked bar of quoted words by speaker side, and its legend. A
/// description of whom the article lets speak, not a lean (partisan outlets quote the other
/// camp to attack it), so it is drawn apart from the stance.
fn draw_quotes_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let bold_f = p.font(24.0, true);
    let small_f = p.font(22.0, false);
    let mut y = panel_title(p, r, "Who is heard")?;
    let note = p.fit(
        "whom the article quotes: a description, not a lean",
        small_f,
        r.w(),
    )?;
    p.text(
        &note,
        r.x0,
        y + ASCENT * small_f.px,
        small_f,
        MUTED,
        HPos::Left,
    )?;
    y += 1.4 * small_f.px;

    let total_words: u64 = data.quotes.iter().map(|q| q.words as u64).sum();
    if data.quotes.is_empty() || total_words == 0 {
        return empty_panel(p, r, y, "No quotations");
    }

    // Total on the title row, right-aligned, when it fits beside the title.
    let sub = format!("{} quoted word{}", total_words, plural(total_words));
    let title_w = p.width("Who is heard", p.font(28.0, true))?;
    let sub_w = p.width(&sub, small_f)?;
    if title_w + sub_w + 24.0 * s <= r.w() {
        p.text(
            &sub,
            r.x1,
            r.y0 + ASCENT * p.font(28.0, true).px,
            small_f,
            MUTED,
            HPos::Right,
        )?;
    } else {
        let sub = p.fit(&sub, small_f, r.w())?;
        p.text(
            &sub,
            r.x0,
            y + ASCENT * small_f.px,
            small_f,
            MUTED,
            HPos::Left,
        )?;
        y += 1.3 * small_f.px;
    }

    // Segment colors (None => distinct greys).
    let mut grey_i = 0;
    let colors: Vec<Rgb> = data
        .quotes
        .iter()
        .map(|q| match q.color {
            Some(c) => c,
            None => {
                let g = GREYS[grey_i % GREYS.len()];
                grey_i += 1;
                g
            }
        })
        .collect();

    // Stacked bar with cumulative rounding so segments tile exactly.
    let bar = Rect {
        x0: r.x0,
        y0: y + 8.0 * s,
        x1: r.x1,
        y1: y + 8.0 * s + 48.0 * s,
    };
    let mut cum = 0u64;
    for (q, &c) in data.quotes.iter().zip(&colors) {
        if q.words == 0 {
            continue;
        }
        let a = bar.x0 + bar.w() * cum as f64 / total_words as f64;
        cum += q.words as u64;
        let b = bar.x0 + bar.w() * cum as f64 / total_words as f64;
        p.rect(
            Rect {
                x0: a,
                y0: bar.y0,
                x1: b,
                y1: bar.y1,
            },
            c,
        )?;
        if cum < total_words {
            p.vline(b, bar.y0, bar.y1, WHITE_C, 3.0 * s)?;
        }
    }
    // 50% tick for reading balance.
    p.vline(
        bar.x0 + bar.w() / 2.0,
        bar.y1,
        bar.y1 + 10.0 * s,
        MUTED,
        2.0 * s,
    )?;
    p.text(
        "50%",
        bar.x0 + bar.w() / 2.0,
        bar.y1 + 12.0 * s + ASCENT * small_f.px,
        small_f,
        MUTED,
        HPos::Center,
    )?;
    y = bar.y1 + 12.0 * s + 1.3 * small_f.px + 6.0 * s;

    // Legend list: swatch, label, words · %, then speakers (if any).
    let line1 = 1.3 * label_f.px;
    let line2 = 1.25 * small_f.px;
    let gap = 10.0 * s;
    let heights: Vec<f64> = data
        .quotes
        .iter()
        .map(|q| line1 + if q.speakers.is_empty() { 0.0 } else { line2 } + gap)
        .collect();
    let n = data.quotes.len();
    let avail = r.y1 - y;
    let more_h = line2;
    let mut shown = 0;
    let mut used = 0.0;
    while shown < n {
        let need = used + heights[shown];
        let rest_fits = shown + 1 == n || need + more_h <= avail;
        if need > avail || !rest_fits {
            break;
        }
        used = need;
        shown += 1;
    }
    let more = n - shown;
    let sw = 22.0 * s;
    let text_x = r.x0 + sw + 12.0 * s;
    let mut top = y;
    for (q, &c) in data.quotes.iter().zip(&colors).take(shown) {
        let base1 = top + ASCENT * label_f.px;
        let pct = 100.0 * q.words as f64 / total_words as f64;
        let right = format!("{} word{} \u{b7} {:.0}%", q.words, plural(q.words), pct);
        let right_w = p.width(&right, label_f)?;
        p.swatch(r.x0, base1 - CAP_HALF * label_f.px, sw, c, false)?;
        let lab_color = q.color.map(text_shade_gamma2).unwrap_or(INK);
        let label = p.fit(&q.label, bold_f, r.x1 - text_x - right_w - 16.0 * s)?;
        p.text(&label, text_x, base1, bold_f, lab_color, HPos::Left)?;
        p.text(&right, r.x1, base1, label_f, INK, HPos::Right)?;
        let base2 = base1 + line2;
        if !q.speakers.is_empty() {
            let names = p.fit_names(&q.speakers, small_f, r.x1 - text_x)?;
            p.text(&names, text_x, base2, small_f, MUTED, HPos::Left)?;
            top += line2;
        }
        top += line1 + gap;
    }
    if more > 0 {
        let t = format!("+{} more segment{}", more, plural(more));
        let t = p.fit(&t, small_f, r.w())?;
        p.text(
            &t,
            r.x0,
            top + ASCENT * small_f.px,
            small_f,
            MUTED,
            HPos::Left,
        )?;
    }
    Ok(())
}

/// The stance on the lean axis: its point, its credible interval as an error bar, the
/// evidence against its threshold, and a caption saying how sure it is.
fn draw_lean_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let value_f = p.font(24.0, true);
    let small_f = p.font(22.0, false);
    let title_f = p.font(28.0, true);

    // Title row with evidence on the right.
    let below = data.evidence < data.min_evidence;
    let ev = format!(
        "evidence {:.1} (threshold {:.1}){}",
        finite(data.evidence),
        finite(data.min_evidence),
        if below {
            " \u{2014} too little to say much"
        } else {
            ""
        }
    );
    let ev = p.fit(&ev, label_f, r.w() * 0.6)?;
    let ev_w = p.width(&ev, label_f)?;
    let title = p.fit("Stance", title_f, r.w() - ev_w - 24.0 * s)?;
    let base = r.y0 + ASCENT * title_f.px;
    p.text(&title, r.x0, base, title_f, INK, HPos::Left)?;
    p.text(
        &ev,
        r.x1,
        base,
        label_f,
        if below { INK } else { MUTED },
        HPos::Right,
    )?;

    // Axis geometry: one lane, as wide as the panel.
    let ax0 = r.x0 + 24.0 * s;
    let ax1 = r.x1 - 24.0 * s;
    let ends_base = base + 14.0 * s + 1.25 * title_f.px;
    side_ends(p, &data.sides, ax0, ax1, ends_base)?;
    let lane_top = ends_base + 14.0 * s;
    let lane_h = 56.0 * s;
    let lane_bottom = lane_top + lane_h;
    lean_background(p, &data.sides, ax0, ax1, lane_top, lane_bottom)?;
    lean_ticks(p, ax0, ax1, lane_bottom)?;
    let mid = lane_top + lane_h / 2.0;
    let level = (100.0 * data.interval_level).round();
    let caption = match stance_values(&data.stance) {
        Some((v, lo, hi)) => {
            let (xl, xh) = (lean_x(lo, ax0, ax1), lean_x(hi, ax0, ax1));
            p.hline(xl, xh, mid, INK, 3.0 * s)?;
            for x in [xl, xh] {
                p.vline(x, mid - 12.0 * s, mid + 12.0 * s, INK, 3.0 * s)?;
            }
            let x = lean_x(v, ax0, ax1);
            let r_m = 14.0 * s;
            p.dot(x, mid, r_m, STANCE_FILL, below)?;
            let t = fmt_lean_typographic(v);
            let tw = p.width(&t, value_f)?;
            let pad = 12.0 * s;
            // The label sits beyond the interval's end, on whichever side has room.
            let (tx, anchor) = if xh + pad + tw <= ax1 {
                (xh + pad, HPos::Left)
            } else if xl - pad - tw >= ax0 {
                (xl - pad, HPos::Right)
            } else if x + r_m + pad + tw <= ax1 {
                (x + r_m + pad, HPos::Left)
            } else {
                (x - r_m - pad, HPos::Right)
            };
            let left = matches!(anchor, HPos::Left);
            let tag = Rect {
                x0: if left {
                    tx - 4.0 * s
                } else {
                    tx - tw - 4.0 * s
                },
                y0: mid - 0.7 * value_f.px,
                x1: if left {
                    tx + tw + 4.0 * s
                } else {
                    tx + 4.0 * s
                },
                y1: mid + 0.7 * value_f.px,
            };
            p.rect(tag, WHITE_C)?;
            p.text_mid(&t, tx, mid, value_f, INK, anchor)?;
            format!(
                "{level:.0}% sure it lies between {} and {} \u{b7} every side starts from {} points of evidence, so thin evidence stays near 0",
                fmt_lean_typographic(lo),
                fmt_lean_typographic(hi),
                fmt_weight(data.prior)
            )
        }
        None => "no stance: the numbers are not finite".to_string(),
    };
    let cap_base = lane_bottom + 18.0 * s + 1.3 * small_f.px + ASCENT * small_f.px;
    let caption = p.fit(&caption, small_f, r.w())?;
    p.text(&caption, r.x0, cap_base, small_f, MUTED, HPos::Left)?;
    // Tone, a second dimension: never on the lean axis.
    let words: Vec<String> = data
        .tone
        .top
        .iter()
        .map(|(w, n)| {
            if *n > 1 {
                format!("{w} ×{n}")
            } else {
                w.clone()
            }
        })
        .collect();
    let tone = if data.tone.top.is_empty() {
        "Tone, apart from the stance: no charged words".to_string()
    } else {
        format!(
            "Tone, apart from the stance: {} charged words per 1,000 ({})",
            fmt_weight(data.tone.per_1000_words),
            words.join(", ")
        )
    };
    let tone = p.fit(&tone, small_f, r.w())?;
    p.text(
        &tone,
        r.x0,
        cap_base + 1.35 * small_f.px,
        small_f,
        MUTED,
        HPos::Left,
    )?;
    Ok(())
}
