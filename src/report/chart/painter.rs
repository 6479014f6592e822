//! How the charts draw: a [`Painter`] over any plotters backend, at a scale, with the
//! chart palette. It owns the drawing primitives (filled rectangles, rules, polygons,
//! hatching, lean markers, legend swatches) and the text layout: every string is measured
//! with the embedded font and placed on its baseline the same way on the bitmap and SVG
//! backends, and [`Painter::fit`], [`Painter::wrap`] and friends shorten it with "…" so
//! nothing overlaps or runs off the canvas. It knows nothing about what a chart means.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{draw_err, ChartError};
use crate::report::color::{self, tint, Rgb};

// The chart palette: greys for text and rules, fills for markers and cells.
pub(super) const INK: Rgb = (0x1f, 0x1f, 0x1f);
pub(super) const MUTED: Rgb = (0x55, 0x55, 0x55);
pub(super) const RULE: Rgb = (0xcc, 0xcc, 0xcc);
pub(super) const GRID: Rgb = (0xe3, 0xe3, 0xe3);
pub(super) const ZEBRA: Rgb = (0xf5, 0xf5, 0xf5);
pub(super) const WHITE_C: Rgb = color::WHITE;
pub(super) const NEUTRAL_CELL: Rgb = (0xe6, 0xe6, 0xe6);
pub(super) const STANCE_FILL: Rgb = (0x10, 0x10, 0x10);
const HOLLOW: Rgb = (0x80, 0x80, 0x80);
/// Greys for quote segments without a side color; consecutive grey segments
/// get different shades so they stay distinguishable.
pub(super) const GREYS: [Rgb; 4] = [
    (0x8c, 0x8c, 0x8c),
    (0xb8, 0xb8, 0xb8),
    (0x6e, 0x6e, 0x6e),
    (0xa2, 0xa2, 0xa2),
];

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Which backend the generic code is drawing on. Only used to place text on
/// its baseline consistently: the bitmap (ab_glyph) and SVG backends interpret
/// font size and vertical anchors differently.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Flavor {
    Bitmap,
    Svg,
}

/// Ratio between plotters' ab_glyph "size" (ascent − descent height) and the
/// em size for DejaVu Sans: (1901 + 483) / 2048.
const BITMAP_SIZE_PER_EM: f64 = 2384.0 / 2048.0;
/// Baseline below a line's top, and half the capital height, as fractions of the pixel size.
pub(super) const ASCENT: f64 = 0.93;
pub(super) const CAP_HALF: f64 = 0.365;
const ELLIPSIS: &str = "\u{2026}";

/// A face of the embedded font at a size in canvas pixels.
#[derive(Clone, Copy, Debug)]
pub(super) struct Font {
    pub(super) px: f64,
    pub(super) bold: bool,
}

/// An axis-aligned rectangle in canvas pixels.
#[derive(Clone, Copy, Debug)]
pub(super) struct Rect {
    pub(super) x0: f64,
    pub(super) y0: f64,
    pub(super) x1: f64,
    pub(super) y1: f64,
}

impl Rect {
    pub(super) fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub(super) fn h(&self) -> f64 {
        self.y1 - self.y0
    }
}

pub(super) type Res<T = ()> = Result<T, ChartError>;

fn font_desc(f: Font, size: f64) -> FontDesc<'static> {
    let style = if f.bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::SansSerif, size, style)
}

/// Width in pixels of `t` set in `f`, measured with the embedded font (the
/// same measurement the bitmap backend's `estimate_text_size` performs).
pub(super) fn text_width(t: &str, f: Font) -> Res<f64> {
    if t.is_empty() {
        return Ok(0.0);
    }
    let (w, _) = font_desc(f, f.px * BITMAP_SIZE_PER_EM)
        .box_size(t)
        .map_err(|e| ChartError::Font(e.to_string()))?;
    Ok(w as f64 + 1.0)
}

/// Draws on `area` at scale `s`; every size a layout passes is in base pixels times `s`.
pub(super) struct Painter<'a, DB: DrawingBackend> {
    pub(super) area: &'a DrawingArea<DB, Shift>,
    pub(super) flavor: Flavor,
    /// Scale: canvas pixels per base pixel of the layout.
    pub(super) s: f64,
}

impl<'a, DB: DrawingBackend> Painter<'a, DB> {
    /// A painter at scale `s` on `area`, once `area` is filled white.
    pub(super) fn on_white(area: &'a DrawingArea<DB, Shift>, flavor: Flavor, s: f64) -> Res<Self> {
        area.fill(&WHITE).map_err(draw_err)?;
        Ok(Painter { area, flavor, s })
    }

    pub(super) fn font(&self, px: f64, bold: bool) -> Font {
        Font {
            px: px * self.s,
            bold,
        }
    }

    fn desc(f: Font, size: f64) -> FontDesc<'static> {
        font_desc(f, size)
    }

    /// Width in pixels of `t` set in `f` (measured with the embedded font).
    pub(super) fn width(&self, t: &str, f: Font) -> Res<f64> {
        text_width(t, f)
    }

    /// `t` unchanged if it fits in `max_w`, else its longest prefix that fits
    /// followed by "…" (empty if not even "…" fits).
    pub(super) fn fit(&self, t: &str, f: Font, max_w: f64) -> Res<String> {
        let t = t.trim();
        if self.width(t, f)? <= max_w {
            return Ok(t.to_string());
        }
        if self.width(ELLIPSIS, f)? > max_w {
            return Ok(String::new());
        }
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).collect();
        // Largest k such that t[..bounds[k]] + "…" fits (k = 0 means just "…").
        let (mut lo, mut hi) = (0usize, bounds.len() - 1);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            let cand = format!("{}{}", t[..bounds[mid]].trim_end(), ELLIPSIS);
            if self.width(&cand, f)? <= max_w {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Ok(format!("{}{}", t[..bounds[lo]].trim_end(), ELLIPSIS))
    }

    /// Greedy word wrap into at most `max_lines` lines; the last line is
    /// shortened with "…" if text remains. Over-long words are broken.
    pub(super) fn wrap(&self, t: &str, f: Font, max_w: f64, max_lines: usize) -> Res<Vec<String>> {
        let norm = t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut rest: &str = &norm;
        let mut lines = Vec::new();
        while !rest.is_empty() && lines.len() + 1 < max_lines {
            if self.width(rest, f)? <= max_w {
                lines.push(rest.to_string());
                rest = "";
                break;
            }
            // Candidate break points: before each space.
            let mut best: Option<usize> = None;
            for (i, ch) in rest.char_indices() {
                if ch == ' ' {
                    if self.width(&rest[..i], f)? <= max_w {
                        best = Some(i);
                    } else {
                        break;
                    }
                }
            }
            let cut = match best {
                Some(i) => i,
                None => {
                    // First word alone is too long: hard-break by characters.
                    let mut cut = rest.chars().next().map(|c| c.len_utf8()).unwrap_or(0);
                    for (i, _) in rest.char_indices().skip(1) {
                        if self.width(&rest[..i], f)? <= max_w {
                            cut = i;
                        } else {
                            break;
                        }
                    }
                    cut
                }
            };
            lines.push(rest[..cut].trim_end().to_string());
            rest = rest[cut..].trim_start();
        }
        if !rest.is_empty() {
            lines.push(self.fit_words(rest, f, max_w)?);
        }
        Ok(lines)
    }

    /// Like `fit`, but prefers to cut at a word boundary when that does not
    /// waste more than a quarter of the line.
    fn fit_words(&self, t: &str, f: Font, max_w: f64) -> Res<String> {
        let t = t.trim();
        if self.width(t, f)? <= max_w {
            return Ok(t.to_string());
        }
        let mut best: Option<String> = None;
        for (i, ch) in t.char_indices() {
            if ch == ' ' {
                let cand = format!(
                    "{}{}",
                    t[..i].trim_end_matches([',', ';', ':', ' ', '-']),
                    ELLIPSIS
                );
                if self.width(&cand, f)? <= max_w {
                    best = Some(cand);
                } else {
                    break;
                }
            }
        }
        match best {
            Some(b) if self.width(&b, f)? >= 0.75 * max_w => Ok(b),
            _ => self.fit(t, f, max_w),
        }
    }

    /// Draw `t` with its baseline at `baseline`, anchored horizontally at `x`.
    pub(super) fn text(&self, t: &str, x: f64, baseline: f64, f: Font, color: Rgb, h: HPos) -> Res {
        if t.is_empty() {
            return Ok(());
        }
        let (size, top) = match self.flavor {
            Flavor::Bitmap => {
                // Set glyph by glyph at sub-pixel positions (`glyphs`), not by plotters.
                let size = f.px * BITMAP_SIZE_PER_EM;
                return super::glyphs::draw_text(self.area, t, x, baseline, size, f.bold, color, h);
            }
            Flavor::Svg => (f.px * 1.24, baseline - 0.76 * f.px),
        };
        let c = rgb(color);
        let style = TextStyle::from(Self::desc(f, size))
            .color(&c)
            .pos(Pos::new(h, VPos::Top));
        self.area
            .draw_text(t, &style, (x.round() as i32, top.round() as i32))
            .map_err(draw_err)
    }

    /// Draw `t` vertically centred (on its capital height) at `y`.
    pub(super) fn text_mid(&self, t: &str, x: f64, y: f64, f: Font, color: Rgb, h: HPos) -> Res {
        self.text(t, x, y + CAP_HALF * f.px, f, color, h)
    }

    pub(super) fn rect(&self, r: Rect, color: Rgb) -> Res {
        if r.w() <= 0.0 || r.h() <= 0.0 {
            return Ok(());
        }
        let (x0, y0) = (r.x0.round() as i32, r.y0.round() as i32);
        let (x1, y1) = (r.x1.round() as i32 - 1, r.y1.round() as i32 - 1);
        if x1 < x0 || y1 < y0 {
            return Ok(());
        }
        // plotters' bitmap fill skips a rectangle one pixel high or wide (a thin rule on
        // a small canvas would vanish): that one is drawn as its outline, which is itself.
        let style = if x1 == x0 || y1 == y0 {
            rgb(color).stroke_width(1)
        } else {
            rgb(color).filled()
        };
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], style))
            .map_err(draw_err)
    }

    pub(super) fn outline(&self, r: Rect, color: Rgb, width: f64) -> Res {
        let (x0, y0, x1, y1) = (r.x0, r.y0, r.x1, r.y1);
        let w = width.max(1.0);
        self.rect(
            Rect {
                x0,
                y0,
                x1,
                y1: y0 + w,
            },
            color,
        )?;
        self.rect(
            Rect {
                x0,
                y0: y1 - w,
                x1,
                y1,
            },
            color,
        )?;
        self.rect(
            Rect {
                x0,
                y0,
                x1: x0 + w,
                y1,
            },
            color,
        )?;
        self.rect(
            Rect {
                x0: x1 - w,
                y0,
                x1,
                y1,
            },
            color,
        )
    }

    fn line(&self, pts: &[(f64, f64)], color: Rgb, width: f64) -> Res {
        let pts: Vec<(i32, i32)> = pts
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        let w = width.round().max(1.0) as u32;
        self.area
            .draw(&PathElement::new(pts, rgb(color).stroke_width(w)))
            .map_err(draw_err)
    }

    pub(super) fn hline(&self, x0: f64, x1: f64, y: f64, color: Rgb, width: f64) -> Res {
        let w = width.max(1.0);
        self.rect(
            Rect {
                x0,
                y0: y - w / 2.0,
                x1,
                y1: y + w / 2.0,
            },
            color,
        )
    }

    pub(super) fn vline(&self, x: f64, y0: f64, y1: f64, color: Rgb, width: f64) -> Res {
        let w = width.max(1.0);
        self.rect(
            Rect {
                x0: x - w / 2.0,
                y0,
                x1: x + w / 2.0,
                y1,
            },
            color,
        )
    }

    fn circle(&self, x: f64, y: f64, r: f64, color: Rgb) -> Res {
        self.area
            .draw(&Circle::new(
                (x.round() as i32, y.round() as i32),
                r.round().max(1.0) as u32,
                rgb(color).filled(),
            ))
            .map_err(draw_err)
    }

    /// Diagonal hatching ("/") clipped to `r`; the phase is global so
    /// adjacent hatched rectangles line up.
    pub(super) fn hatch(&self, r: Rect, color: Rgb, spacing: f64, width: f64) -> Res {
        let (x0, y0) = (r.x0.round() as i64, r.y0.round() as i64);
        let (x1, y1) = (r.x1.round() as i64, r.y1.round() as i64);
        if x1 <= x0 || y1 <= y0 {
            return Ok(());
        }
        let sp = spacing.round().max(3.0) as i64;
        let start = (x0 + y0).div_euclid(sp) * sp;
        let mut c = start;
        while c <= x1 + y1 {
            let ya = y0.max(c - x1);
            let yb = y1.min(c - x0);
            if ya < yb {
                self.line(
                    &[((c - ya) as f64, ya as f64), ((c - yb) as f64, yb as f64)],
                    color,
                    width,
                )?;
            }
            c += sp;
        }
        Ok(())
    }

    /// The stance's dot: a filled circle with a white ring; `hollow` draws only a grey
    /// outline (evidence below the threshold).
    pub(super) fn dot(&self, x: f64, y: f64, r: f64, fill: Rgb, hollow: bool) -> Res {
        let ring = (2.0 * self.s).max(1.0);
        if hollow {
            let out = ring * 1.3;
            self.circle(x, y, r + out, HOLLOW)?;
            self.circle(x, y, r + out - ring * 1.6, WHITE_C)
        } else {
            self.circle(x, y, r + ring, WHITE_C)?;
            self.circle(x, y, r, fill)
        }
    }

    /// A filled legend swatch; `hatched` uses the quoted-hits style.
    pub(super) fn swatch(&self, x: f64, y_mid: f64, size: f64, color: Rgb, hatched: bool) -> Res {
        let r = Rect {
            x0: x,
            y0: y_mid - size / 2.0,
            x1: x + size,
            y1: y_mid + size / 2.0,
        };
        if hatched {
            self.rect(r, tint(color, 0.72))?;
            self.hatch(r, color, 7.0 * self.s, 2.0 * self.s)?;
            self.outline(r, color, 1.5 * self.s)
        } else {
            self.rect(r, color)
        }
    }

    /// Fit a list of names: "A, B, +3 more", shortening the first name if
    /// even one does not fit.
    pub(super) fn fit_names(&self, names: &[String], f: Font, max_w: f64) -> Res<String> {
        let names: Vec<&str> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Ok(String::new());
        }
        // k names need k - 1 separators, each at least about `sep` wide: more than
        // `most` names can never fit, so the search starts there (5,000 speakers made
        // this quadratic: seconds per card).
        let sep = self.width(", ", f)?.max(1.0);
        let most = ((2.0 * max_w / sep).max(0.0) as usize).saturating_add(2);
        for k in (1..=names.len().min(most)).rev() {
            let mut s = names[..k].join(", ");
            if k < names.len() {
                s.push_str(&format!(", +{} more", names.len() - k));
            }
            if self.width(&s, f)? <= max_w {
                return Ok(s);
            }
        }
        let suffix = if names.len() > 1 {
            format!(" +{} more", names.len() - 1)
        } else {
            String::new()
        };
        let first = self.fit(names[0], f, max_w - self.width(&suffix, f)?)?;
        if first.is_empty() {
            return self.fit(&format!("{} speakers", names.len()), f, max_w);
        }
        Ok(format!("{}{}", first, suffix))
    }

    /// Shorten labels of a row of legend items so that their widths (plus
    /// `extra` each) sum to at most `avail`; longest labels are shortened first.
    pub(super) fn fit_items(
        &self,
        labels: &[String],
        f: Font,
        extra: f64,
        avail: f64,
    ) -> Res<Vec<String>> {
        let widths: Vec<f64> = labels
            .iter()
            .map(|l| self.width(l, f))
            .collect::<Res<_>>()?;
        let budget = avail - extra * labels.len() as f64;
        let total: f64 = widths.iter().sum();
        if total <= budget {
            return Ok(labels.to_vec());
        }
        // Water-filling: find cap so that sum(min(w, cap)) == budget.
        let mut sorted = widths.clone();
        sorted.sort_by(|a, b| a.total_cmp(b));
        let n = sorted.len();
        let mut cap = 0.0;
        let mut used = 0.0;
        for (i, w) in sorted.iter().enumerate() {
            let remaining = (n - i) as f64;
            if used + w * remaining >= budget {
                cap = ((budget - used) / remaining).max(0.0);
                break;
            }
            used += w;
            cap = *w;
        }
        labels.iter().map(|l| self.fit(l, f, cap)).collect()
    }
}

/// Panel heading; returns the y just below it.
pub(super) fn panel_title<DB: DrawingBackend>(
    p: &Painter<'_, DB>,
    r: Rect,
    title: &str,
) -> Res<f64> {
    let f = p.font(28.0, true);
    let t = p.fit(title, f, r.w())?;
    p.text(&t, r.x0, r.y0 + ASCENT * f.px, f, INK, HPos::Left)?;
    Ok(r.y0 + 1.25 * f.px)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::chart::canvas::ensure_fonts;

    #[test]
    fn text_fitting_respects_width() {
        ensure_fonts().unwrap();
        let f = Font {
            px: 24.0,
            bold: false,
        };
        let mut buf = String::new();
        let root = SVGBackend::with_string(&mut buf, (400, 300)).into_drawing_area();
        let p = Painter {
            area: &root,
            flavor: Flavor::Svg,
            s: 1.0,
        };
        let long = "Maria Sanchez-Rodriguez of the Colorado Immigrant Rights Coalition";
        let short = p.fit(long, f, 200.0).unwrap();
        assert!(short.ends_with('…'));
        assert!(p.width(&short, f).unwrap() <= 200.0);
        assert_eq!(p.fit("Henry", f, 200.0).unwrap(), "Henry");
        assert_eq!(p.fit(long, f, 1.0).unwrap(), "");
        let names: Vec<String> = [
            "Henry Lucero",
            "Freddi Goldstein",
            "Jon Ewing",
            "Chris Hinds",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let fitted = p.fit_names(&names, f, 380.0).unwrap();
        assert!(fitted.starts_with("Henry Lucero, "), "{fitted}");
        assert!(fitted.ends_with("more"), "{fitted}");
        assert!(p.width(&fitted, f).unwrap() <= 380.0);
        let tiny = p.fit_names(&names, f, 150.0).unwrap();
        assert!(p.width(&tiny, f).unwrap() <= 150.0, "{tiny}");
        assert!(tiny.contains("+3 more"), "{tiny}");
    }
}
