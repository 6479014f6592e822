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

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::register_font;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use crate::report::color::{text_shade_gamma2, tint, Rgb};
use crate::report::format::{fmt_count, fmt_lean_typographic, fmt_tick, plural};

// ---------------------------------------------------------------------------
// Public data model
// ---------------------------------------------------------------------------

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

/// Why a chart could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("invalid chart size {width}x{height}: width must be {min_w}..={max} and height {min_h}..={max} pixels", min_w = MIN_SIZE.0, min_h = MIN_SIZE.1, max = MAX_SIDE)]
    InvalidSize { width: u32, height: u32 },
    #[error("invalid chart data: {0}")]
    InvalidData(String),
    #[error("could not load the bundled chart fonts: {0}")]
    Font(String),
    #[error("chart drawing failed: {0}")]
    Draw(String),
    #[error("PNG encoding failed: {0}")]
    Encode(String),
}

/// Default card size (16:10, readable when projected).
pub const DEFAULT_SIZE: (u32, u32) = (1600, 1000);

const MIN_SIZE: (u32, u32) = (320, 200);
const MAX_SIDE: u32 = 16384;

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

// ---------------------------------------------------------------------------
// Fonts, backends, encoding
// ---------------------------------------------------------------------------

static FONT_REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans.ttf"
));
static FONT_BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans-Bold.ttf"
));
static FONT_INIT: Once = Once::new();
static FONT_OK: AtomicBool = AtomicBool::new(false);

fn ensure_fonts() -> Result<(), ChartError> {
    FONT_INIT.call_once(|| {
        let ok = register_font("sans-serif", FontStyle::Normal, FONT_REGULAR).is_ok()
            && register_font("sans-serif", FontStyle::Bold, FONT_BOLD).is_ok();
        FONT_OK.store(ok, Ordering::SeqCst);
    });
    if FONT_OK.load(Ordering::SeqCst) {
        Ok(())
    } else {
        Err(ChartError::Font(
            "assets/fonts/DejaVuSans.ttf or DejaVuSans-Bold.ttf is not a valid font".into(),
        ))
    }
}

fn check_size(width: u32, height: u32) -> Result<(), ChartError> {
    if width < MIN_SIZE.0 || height < MIN_SIZE.1 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(ChartError::InvalidSize { width, height });
    }
    Ok(())
}

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ChartError {
    ChartError::Draw(e.to_string())
}

fn render_png<F>(width: u32, height: u32, draw: F) -> Result<Vec<u8>, ChartError>
where
    F: FnOnce(&DrawingArea<BitMapBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    check_size(width, height)?;
    ensure_fonts()?;
    let mut buf = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (width, height)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    encode_png(&buf, width, height)
}

fn render_svg<F>(width: u32, height: u32, draw: F) -> Result<String, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    check_size(width, height)?;
    ensure_fonts()?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    // Ask viewers for the same face the PNG uses (metrics were measured with it);
    // generic sans-serif remains the fallback.
    Ok(out.replace(
        "font-family=\"sans-serif\"",
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\"",
    ))
}

/// Deterministic PNG encoding: fixed filter, fixed compression, no metadata.
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::with_capacity(rgb.len() / 16);
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        enc.set_filter(png::FilterType::Paeth);
        enc.set_adaptive_filter(png::AdaptiveFilterType::NonAdaptive);
        let mut writer = enc
            .write_header()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .write_image_data(rgb)
            .map_err(|e| ChartError::Encode(e.to_string()))?;
        writer
            .finish()
            .map_err(|e| ChartError::Encode(e.to_string()))?;
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Palette and number checks
// ---------------------------------------------------------------------------

const INK: Rgb = (0x1f, 0x1f, 0x1f);
const MUTED: Rgb = (0x55, 0x55, 0x55);
const RULE: Rgb = (0xcc, 0xcc, 0xcc);
const GRID: Rgb = (0xe3, 0xe3, 0xe3);
const ZEBRA: Rgb = (0xf5, 0xf5, 0xf5);
const WHITE_C: Rgb = crate::report::color::WHITE;
const NEUTRAL_CELL: Rgb = (0xe6, 0xe6, 0xe6);
const MARKER_FILL: Rgb = (0x3a, 0x3a, 0x3a);
const STANCE_FILL: Rgb = (0x10, 0x10, 0x10);
const HOLLOW: Rgb = (0x80, 0x80, 0x80);
/// Greys for quote segments without a side color; consecutive grey segments
/// get different shades so they stay distinguishable.
const GREYS: [Rgb; 4] = [
    (0x8c, 0x8c, 0x8c),
    (0xb8, 0xb8, 0xb8),
    (0x6e, 0x6e, 0x6e),
    (0xa2, 0xa2, 0xa2),
];

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn finite(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

fn lean_value(l: &Lean) -> Option<f64> {
    l.value.filter(|v| v.is_finite())
}

// ---------------------------------------------------------------------------
// Painter: text measurement and primitive drawing over any backend
// ---------------------------------------------------------------------------

/// Which backend the generic code is drawing on. Only used to place text on
/// its baseline consistently: the bitmap (ab_glyph) and SVG backends interpret
/// font size and vertical anchors differently.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Flavor {
    Bitmap,
    Svg,
}

/// Ratio between plotters' ab_glyph "size" (ascent − descent height) and the
/// em size for DejaVu Sans: (1901 + 483) / 2048.
const BITMAP_SIZE_PER_EM: f64 = 2384.0 / 2048.0;
const ASCENT: f64 = 0.93;
const CAP_HALF: f64 = 0.365;
const ELLIPSIS: &str = "\u{2026}";

#[derive(Clone, Copy, Debug)]
struct Font {
    px: f64,
    bold: bool,
}

#[derive(Clone, Copy, Debug)]
enum Marker {
    Diamond,
    Triangle,
    Circle,
}

#[derive(Clone, Copy, Debug)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    fn h(&self) -> f64 {
        self.y1 - self.y0
    }
}

type Res<T = ()> = Result<T, ChartError>;

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
fn text_width(t: &str, f: Font) -> Res<f64> {
    if t.is_empty() {
        return Ok(0.0);
    }
    let (w, _) = font_desc(f, f.px * BITMAP_SIZE_PER_EM)
        .box_size(t)
        .map_err(|e| ChartError::Font(e.to_string()))?;
    Ok(w as f64 + 1.0)
}

struct Painter<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    flavor: Flavor,
    s: f64,
}

impl<DB: DrawingBackend> Painter<'_, DB> {
    fn font(&self, px: f64, bold: bool) -> Font {
        Font {
            px: px * self.s,
            bold,
        }
    }

    fn desc(f: Font, size: f64) -> FontDesc<'static> {
        font_desc(f, size)
    }

    /// Width in pixels of `t` set in `f` (measured with the embedded font).
    fn width(&self, t: &str, f: Font) -> Res<f64> {
        text_width(t, f)
    }

    /// `t` unchanged if it fits in `max_w`, else its longest prefix that fits
    /// followed by "…" (empty if not even "…" fits).
    fn fit(&self, t: &str, f: Font, max_w: f64) -> Res<String> {
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
    fn wrap(&self, t: &str, f: Font, max_w: f64, max_lines: usize) -> Res<Vec<String>> {
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
    fn text(&self, t: &str, x: f64, baseline: f64, f: Font, color: Rgb, h: HPos) -> Res {
        if t.is_empty() {
            return Ok(());
        }
        let (size, top) = match self.flavor {
            Flavor::Bitmap => {
                let size = f.px * BITMAP_SIZE_PER_EM;
                (size, baseline - size / 2.0)
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
    fn text_mid(&self, t: &str, x: f64, y: f64, f: Font, color: Rgb, h: HPos) -> Res {
        self.text(t, x, y + CAP_HALF * f.px, f, color, h)
    }

    fn rect(&self, r: Rect, color: Rgb) -> Res {
        if r.w() <= 0.0 || r.h() <= 0.0 {
            return Ok(());
        }
        let (x0, y0) = (r.x0.round() as i32, r.y0.round() as i32);
        let (x1, y1) = (r.x1.round() as i32 - 1, r.y1.round() as i32 - 1);
        if x1 < x0 || y1 < y0 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(color).filled()))
            .map_err(draw_err)
    }

    fn outline(&self, r: Rect, color: Rgb, width: f64) -> Res {
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

    fn hline(&self, x0: f64, x1: f64, y: f64, color: Rgb, width: f64) -> Res {
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

    fn vline(&self, x: f64, y0: f64, y1: f64, color: Rgb, width: f64) -> Res {
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

    fn polygon(&self, pts: &[(f64, f64)], color: Rgb) -> Res {
        let pts: Vec<(i32, i32)> = pts
            .iter()
            .map(|&(x, y)| (x.round() as i32, y.round() as i32))
            .collect();
        self.area
            .draw(&Polygon::new(pts, rgb(color).filled()))
            .map_err(draw_err)
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
    fn hatch(&self, r: Rect, color: Rgb, spacing: f64, width: f64) -> Res {
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

    /// A lean marker; `hollow` draws only an outline (low evidence).
    fn marker(&self, kind: Marker, x: f64, y: f64, r: f64, fill: Rgb, hollow: bool) -> Res {
        let ring = (2.0 * self.s).max(1.0);
        let (outer, inner) = if hollow {
            (HOLLOW, WHITE_C)
        } else {
            (WHITE_C, fill)
        };
        let shape = |rr: f64| -> Vec<(f64, f64)> {
            match kind {
                Marker::Diamond => vec![(x, y - rr), (x + rr, y), (x, y + rr), (x - rr, y)],
                Marker::Triangle => vec![
                    (x, y - rr * 1.05),
                    (x + rr * 1.05, y + rr * 0.8),
                    (x - rr * 1.05, y + rr * 0.8),
                ],
                Marker::Circle => Vec::new(),
            }
        };
        let ring_out = if hollow { ring * 1.3 } else { ring };
        match kind {
            Marker::Circle => {
                self.circle(x, y, r + ring_out, outer)?;
                self.circle(
                    x,
                    y,
                    r + ring_out - if hollow { ring * 1.6 } else { ring },
                    inner,
                )
            }
            _ => {
                self.polygon(&shape(r + ring_out * 1.4), outer)?;
                self.polygon(
                    &shape(r + ring_out * 1.4 - if hollow { ring * 2.2 } else { ring * 1.4 }),
                    inner,
                )
            }
        }
    }

    /// A filled legend swatch; `hatched` uses the quoted-hits style.
    fn swatch(&self, x: f64, y_mid: f64, size: f64, color: Rgb, hatched: bool) -> Res {
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
    fn fit_names(&self, names: &[String], f: Font, max_w: f64) -> Res<String> {
        let names: Vec<&str> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() {
            return Ok(String::new());
        }
        for k in (1..=names.len()).rev() {
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
    fn fit_items(&self, labels: &[String], f: Font, extra: f64, avail: f64) -> Res<Vec<String>> {
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

// ---------------------------------------------------------------------------
// Stance card
// ---------------------------------------------------------------------------

fn validate_sides(sides: &[ChartSide]) -> Res {
    if sides.len() < 2 {
        return Err(ChartError::InvalidData(format!(
            "a chart needs at least 2 sides to place on the lean scale, got {}",
            sides.len()
        )));
    }
    Ok(())
}

fn draw_card<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &CardData,
    flavor: Flavor,
) -> Res {
    validate_sides(&data.sides)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let s = (w / DEFAULT_SIZE.0 as f64).min(h / DEFAULT_SIZE.1 as f64);
    let p = Painter {
        area: root,
        flavor,
        s,
    };
    root.fill(&WHITE).map_err(draw_err)?;

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

/// Panel heading; returns the y just below it.
fn panel_title<DB: DrawingBackend>(p: &Painter<'_, DB>, r: Rect, title: &str) -> Res<f64> {
    let f = p.font(28.0, true);
    let t = p.fit(title, f, r.w())?;
    p.text(&t, r.x0, r.y0 + ASCENT * f.px, f, INK, HPos::Left)?;
    Ok(r.y0 + 1.25 * f.px)
}

/// Sides drawn left of the centre line (`index < n/2`) and right of it.
fn split_sides(n: usize) -> (Vec<usize>, Vec<usize>) {
    ((0..n / 2).collect(), (n / 2..n).collect())
}

fn draw_concepts_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let small_f = p.font(22.0, false);
    let head_f = p.font(22.0, true);
    let mut y = panel_title(p, r, "Loaded terms by concept")?;

    if data.concepts.is_empty() {
        return empty_panel(p, r, y, "No loaded terms found");
    }

    // Style legend: solid = narrator, hatched = inside quotation marks.
    let sw = 22.0 * s;
    let legend_y = y + 16.0 * s;
    let items = [
        ("narrator\u{2019}s own words".to_string(), false),
        ("inside quotation marks".to_string(), true),
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
        c.counts
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
        .map(|v| p.width(&fmt_count(v), label_f))
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
                p.text_mid(&fmt_count(tot), x, mid, label_f, INK, anchor)?;
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

fn draw_quotes_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let bold_f = p.font(24.0, true);
    let small_f = p.font(22.0, false);
    let mut y = panel_title(p, r, "Who is quoted")?;

    let total_words: u64 = data.quotes.iter().map(|q| q.words as u64).sum();
    if data.quotes.is_empty() || total_words == 0 {
        return empty_panel(p, r, y, "No quotations");
    }

    // Total on the title row, right-aligned, when it fits beside the title.
    let sub = format!("{} quoted word{}", total_words, plural(total_words));
    let title_w = p.width("Who is quoted", p.font(28.0, true))?;
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

/// Maps a lean in −1..+1 to an x coordinate (values outside are clamped).
fn lean_x(v: f64, x0: f64, x1: f64) -> f64 {
    let v = v.clamp(-1.0, 1.0);
    x0 + (v + 1.0) / 2.0 * (x1 - x0)
}

/// Tinted halves, gridlines at −1, −0.5, 0, +0.5, +1 for a lean axis.
fn lean_background<DB: DrawingBackend>(
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

fn lean_ticks<DB: DrawingBackend>(p: &Painter<'_, DB>, x0: f64, x1: f64, y: f64) -> Res {
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
fn side_ends<DB: DrawingBackend>(
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

fn draw_lean_panel<DB: DrawingBackend>(p: &Painter<'_, DB>, data: &CardData, r: Rect) -> Res {
    let s = p.s;
    let label_f = p.font(24.0, false);
    let value_f = p.font(22.0, true);
    let small_f = p.font(22.0, false);
    let title_f = p.font(28.0, true);

    // Title row with evidence on the right.
    let below = data.evidence < data.min_evidence;
    let ev = format!(
        "evidence {:.1} (threshold {:.1}){}",
        finite(data.evidence),
        finite(data.min_evidence),
        if below {
            " \u{2014} below threshold"
        } else {
            ""
        }
    );
    let ev = p.fit(&ev, label_f, r.w() * 0.6)?;
    let ev_w = p.width(&ev, label_f)?;
    let title = p.fit("Lean", title_f, r.w() - ev_w - 24.0 * s)?;
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

    // Axis geometry.
    let lanes = [
        ("Term lean", Marker::Diamond, &data.term_lean),
        ("Quote lean", Marker::Triangle, &data.quote_lean),
        ("Combined stance", Marker::Circle, &data.stance),
    ];
    let lane_label_w = lanes
        .iter()
        .map(|l| p.width(l.0, p.font(24.0, matches!(l.1, Marker::Circle))))
        .collect::<Res<Vec<_>>>()?
        .into_iter()
        .fold(0.0, f64::max)
        .min(r.w() * 0.3);
    let icon_w = 34.0 * s;
    let ax0 = r.x0 + icon_w + lane_label_w + 40.0 * s;
    let ax1 = r.x1 - 24.0 * s;

    let ends_base = base + 14.0 * s + 1.25 * title_f.px;
    side_ends(p, &data.sides, ax0, ax1, ends_base)?;

    let lanes_top = ends_base + 14.0 * s;
    let lane_h = 44.0 * s;
    let lanes_bottom = lanes_top + lane_h * lanes.len() as f64;
    lean_background(p, &data.sides, ax0, ax1, lanes_top, lanes_bottom)?;
    lean_ticks(p, ax0, ax1, lanes_bottom)?;

    for (k, (name, kind, lean)) in lanes.iter().enumerate() {
        let mid = lanes_top + (k as f64 + 0.5) * lane_h;
        let is_stance = matches!(kind, Marker::Circle);
        let r_m = if is_stance { 13.0 * s } else { 12.0 * s };
        let fill = if is_stance { STANCE_FILL } else { MARKER_FILL };
        p.marker(*kind, r.x0 + icon_w / 2.0, mid, 11.0 * s, fill, false)?;
        let f = if is_stance {
            p.font(24.0, true)
        } else {
            label_f
        };
        let name = p.fit(name, f, lane_label_w)?;
        p.text_mid(&name, r.x0 + icon_w + 8.0 * s, mid, f, INK, HPos::Left)?;
        p.hline(ax0, ax1, mid, (0xc8, 0xc8, 0xc8), 1.0 * s)?;
        match lean_value(lean) {
            Some(v) => {
                let x = lean_x(v, ax0, ax1);
                p.marker(*kind, x, mid, r_m, fill, below)?;
                let t = fmt_lean_typographic(v);
                let tw = p.width(&t, value_f)?;
                let pad = r_m + 10.0 * s;
                let (tx, anchor) = if x + pad + tw <= ax1 {
                    (x + pad, HPos::Left)
                } else {
                    (x - pad, HPos::Right)
                };
                p.text_mid(&t, tx, mid, value_f, INK, anchor)?;
            }
            None => {
                let t = "too little evidence";
                let tw = p.width(t, small_f)?;
                let cx = (ax0 + ax1) / 2.0;
                p.rect(
                    Rect {
                        x0: cx - tw / 2.0 - 10.0 * s,
                        y0: mid - 0.75 * small_f.px,
                        x1: cx + tw / 2.0 + 10.0 * s,
                        y1: mid + 0.75 * small_f.px,
                    },
                    WHITE_C,
                )?;
                p.text_mid(t, cx, mid, small_f, MUTED, HPos::Center)?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Comparison chart
// ---------------------------------------------------------------------------

/// Caps that keep the comparison chart legible; anything beyond is
/// summarised as "+N more".
const CMP_MAX_ROWS: usize = 40;
const CMP_MAX_CONCEPTS: usize = 30;
const CMP_MAX_ARTICLES: usize = 14;

/// Layout of the comparison chart at scale 1 (base pixels).
struct ComparisonGeometry {
    width: f64,
    height: f64,
    title_lines: usize,
    rows: usize,
    concepts: usize,
    /// Preferred matrix column and concept-label widths at scale 1.
    col_w: f64,
    concept_col: f64,
}

const CMP_ROW_H: f64 = 64.0;
const CMP_CELL_H: f64 = 46.0;

impl ComparisonGeometry {
    fn natural(data: &ComparisonData) -> Self {
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
        let width = (96.0 + concept_col + 20.0 + col_w * articles as f64).clamp(1600.0, 3400.0);
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

fn draw_comparison<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ComparisonData,
    flavor: Flavor,
) -> Res {
    validate_sides(&data.sides)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let g = ComparisonGeometry::natural(data);
    let s = (w / g.width).min(h / g.height);
    let p = Painter {
        area: root,
        flavor,
        s,
    };
    root.fill(&WHITE).map_err(draw_err)?;
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
    let marker_items = [
        ("term lean", Marker::Diamond),
        ("quote lean", Marker::Triangle),
        ("stance", Marker::Circle),
    ];
    let marker_w: f64 = marker_items
        .iter()
        .map(|(l, _)| p.width(l, leg_f).map(|w| w + 34.0 * s + 22.0 * s))
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
    for (label, kind) in marker_items {
        let fill = if matches!(kind, Marker::Circle) {
            STANCE_FILL
        } else {
            MARKER_FILL
        };
        p.marker(kind, x + 12.0 * s, leg_y, 10.0 * s, fill, false)?;
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
    y = panel_title(&p, sec, "Lean by article, sorted by combined stance")?;
    let label_f = p.font(24.0, false);
    let small_f = p.font(22.0, false);
    let value_f = p.font(22.0, true);

    let mut order: Vec<usize> = (0..data.rows.len()).collect();
    order.sort_by(|&a, &b| {
        match (
            lean_value(&data.rows[a].stance),
            lean_value(&data.rows[b].stance),
        ) {
            (Some(x), Some(y)) => x.total_cmp(&y),
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
        &format!("evidence (threshold {:.1})", finite(data.min_evidence)),
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
    let max_ev = data
        .rows
        .iter()
        .map(|r| finite(r.evidence))
        .fold(finite(data.min_evidence) * 1.5, f64::max)
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
    for (k, &ri) in order.iter().take(shown_rows).enumerate() {
        let row = &data.rows[ri];
        let top = rows_top + k as f64 * row_h;
        let mid = top + row_h / 2.0;
        let greyed = lean_value(&row.stance).is_none() || row.evidence < data.min_evidence;
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

        // Three sub-lanes: term above, stance centre, quote below.
        let sub = 17.0 * s;
        let leans = [
            (Marker::Diamond, &row.term_lean, -sub, 8.5 * s),
            (Marker::Triangle, &row.quote_lean, sub, 8.5 * s),
            (Marker::Circle, &row.stance, 0.0, 10.0 * s),
        ];
        let present: Vec<f64> = leans.iter().filter_map(|l| lean_value(l.1)).collect();
        for (kind, lean, dy, rr) in leans {
            if let Some(v) = lean_value(lean) {
                let fill = if matches!(kind, Marker::Circle) {
                    STANCE_FILL
                } else {
                    MARKER_FILL
                };
                p.marker(kind, lean_x(v, ax0, ax1), mid + dy, rr, fill, greyed)?;
            }
        }
        if greyed {
            let t = "too little evidence";
            let tw = p.width(t, small_f)?;
            // Put the note on the half with fewer markers.
            let right_half = present.iter().filter(|v| **v <= 0.0).count()
                >= present.iter().filter(|v| **v > 0.0).count();
            let cx = if present.is_empty() {
                (ax0 + ax1) / 2.0
            } else if right_half {
                lean_x(0.5, ax0, ax1)
            } else {
                lean_x(-0.5, ax0, ax1)
            };
            p.rect(
                Rect {
                    x0: cx - tw / 2.0 - 10.0 * s,
                    y0: mid - 0.75 * small_f.px,
                    x1: cx + tw / 2.0 + 10.0 * s,
                    y1: mid + 0.75 * small_f.px,
                },
                WHITE_C,
            )?;
            p.text_mid(t, cx, mid, small_f, MUTED, HPos::Center)?;
        } else if let Some(v) = lean_value(&row.stance) {
            // Stance value beside the outermost marker so it never covers one.
            let xs: Vec<f64> = present.iter().map(|&v| lean_x(v, ax0, ax1)).collect();
            let (lo, hi) = xs
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
            let t = fmt_lean_typographic(v);
            let tw = p.width(&t, value_f)?;
            let pad = 18.0 * s;
            let (tx, anchor) = if hi + pad + tw <= ax1 {
                (hi + pad, HPos::Left)
            } else {
                (lo - pad, HPos::Right)
            };
            p.text_mid(&t, tx, mid, value_f, INK, anchor)?;
        }

        // Evidence bar with threshold tick.
        let ev = finite(row.evidence);
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
        let tx = ev_x0 + ev_bar_w * (finite(data.min_evidence) / max_ev).min(1.0);
        p.vline(tx, mid - 15.0 * s, mid + 15.0 * s, INK, 2.0 * s)?;
        p.text_mid(
            &format!("{:.1}", ev),
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
        let t = format!("+{} more article{}", more_rows, plural(more_rows));
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
            "+{} more article{} not shown",
            more_cols,
            plural(more_cols)
        ));
    }
    if !notes.is_empty() {
        let t = p.fit(&notes.join(" \u{b7} "), small_f, r.w())?;
        p.text_mid(&t, r.x0, bottom + cell_h / 2.0, small_f, MUTED, HPos::Left)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLUE_C: Rgb = (0x00, 0x72, 0xB2);
    const ORANGE_C: Rgb = (0xD5, 0x5E, 0x00);

    fn sides(n: usize) -> Vec<ChartSide> {
        let palette = [
            BLUE_C,
            (0x56, 0xB4, 0xE9),
            (0x00, 0x9E, 0x73),
            (0xE6, 0x9F, 0x00),
            (0xCC, 0x79, 0xA7),
            ORANGE_C,
        ];
        let mut v: Vec<ChartSide> = (0..n)
            .map(|i| ChartSide {
                id: format!("s{i}"),
                label: format!("Side number {i}"),
                color: palette[i % palette.len()],
            })
            .collect();
        if n == 2 {
            v[0].label = "Pro-immigrant".into();
            v[1].label = "Restrictionist".into();
            v[1].color = ORANGE_C;
        }
        v
    }

    fn concept(label: &str, n_sides: usize, narrator: f64, quoted: f64) -> ConceptBar {
        ConceptBar {
            label: label.into(),
            counts: (0..n_sides)
                .map(|i| SideCount {
                    narrator: narrator + i as f64,
                    quoted,
                })
                .collect(),
        }
    }

    fn card(n_sides: usize) -> CardData {
        CardData {
            title: "City council votes to keep sanctuary policy".into(),
            outlet: Some("Denver Gazette".into()),
            id: "3f2a9c1d".into(),
            sides: sides(n_sides),
            concepts: vec![
                concept("people label", n_sides, 4.0, 2.0),
                concept("sanctuary policy", n_sides, 3.0, 1.0),
                concept("crime framing", n_sides, 2.0, 2.0),
            ],
            quotes: vec![
                QuoteSegment {
                    label: "Restrictionist".into(),
                    color: Some(ORANGE_C),
                    words: 412,
                    speakers: vec!["Henry Lucero".into()],
                },
                QuoteSegment {
                    label: "Pro-immigrant".into(),
                    color: Some(BLUE_C),
                    words: 188,
                    speakers: vec!["Freddi Goldstein".into()],
                },
                QuoteSegment {
                    label: "Unattributed".into(),
                    color: None,
                    words: 40,
                    speakers: vec![],
                },
            ],
            term_lean: Lean { value: Some(0.4) },
            quote_lean: Lean { value: Some(0.3) },
            stance: Lean { value: Some(0.35) },
            evidence: 4.8,
            min_evidence: 3.0,
            footer: "lexicon immigration 1.0.0 (3f2a9c1d) · slant 0.1.0".into(),
        }
    }

    fn comparison(n_sides: usize) -> ComparisonData {
        let row = |label: &str, s: Option<f64>, e: f64| ComparisonRow {
            label: label.into(),
            term_lean: Lean {
                value: s.map(|v| v + 0.1),
            },
            quote_lean: Lean {
                value: s.map(|v| v - 0.1),
            },
            stance: Lean { value: s },
            evidence: e,
        };
        let cell = |v: &str, side: Option<usize>| {
            Some(MatrixCell {
                variant: v.into(),
                side,
            })
        };
        ComparisonData {
            title: "Five outlets compared".into(),
            sides: sides(n_sides),
            rows: vec![
                row("Gazette", Some(0.42), 4.8),
                row("Sun", Some(-0.22), 6.1),
                row("Fox31", None, 1.2),
                row("Post", Some(0.02), 7.4),
                row("Westword", Some(-0.66), 3.9),
            ],
            concepts: vec!["people label".into(), "crime framing".into()],
            articles: vec![
                "Gazette".into(),
                "Sun".into(),
                "Fox31".into(),
                "Post".into(),
                "Westword".into(),
            ],
            cells: vec![
                vec![
                    cell("illegal aliens", Some(n_sides - 1)),
                    cell("undocumented immigrants", Some(0)),
                    None,
                    cell("immigrants", None),
                    cell("undocumented people", Some(0)),
                ],
                vec![
                    cell("criminal aliens", Some(1)),
                    None,
                    cell("migrant crime", Some(1)),
                ],
            ],
            min_evidence: 3.0,
            footer: "lexicon immigration 1.0.0 · slant 0.1.0".into(),
        }
    }

    /// Decoded RGB8 image.
    struct Image {
        w: u32,
        h: u32,
        px: Vec<u8>,
    }

    impl Image {
        fn get(&self, x: u32, y: u32) -> Rgb {
            let i = (y as usize * self.w as usize + x as usize) * 3;
            (self.px[i], self.px[i + 1], self.px[i + 2])
        }
        fn count(&self, x0: u32, y0: u32, x1: u32, y1: u32, pred: impl Fn(Rgb) -> bool) -> usize {
            let mut n = 0;
            for y in y0..y1.min(self.h) {
                for x in x0..x1.min(self.w) {
                    if pred(self.get(x, y)) {
                        n += 1;
                    }
                }
            }
            n
        }
    }

    fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(bytes);
        let mut reader = decoder.read_info().expect("valid PNG header");
        let mut px = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut px).expect("valid PNG data");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        px.truncate(info.buffer_size());
        Image {
            w: info.width,
            h: info.height,
            px,
        }
    }

    /// (attributes, content) of every `<text>` element.
    fn svg_texts(svg: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut rest = svg;
        while let Some(i) = rest.find("<text") {
            rest = &rest[i..];
            let close = rest.find('>').unwrap();
            let end = rest.find("</text>").unwrap();
            out.push((
                rest[..close].to_string(),
                rest[close + 1..end].trim().to_string(),
            ));
            rest = &rest[end..];
        }
        out
    }

    fn attr(attrs: &str, name: &str) -> Option<String> {
        let key = format!(" {name}=\"");
        let i = attrs.find(&key)? + key.len();
        let j = attrs[i..].find('"')? + i;
        Some(attrs[i..j].to_string())
    }

    #[test]
    fn card_png_decodes_at_requested_size_and_draws_bars() {
        let (w, h) = DEFAULT_SIZE;
        let img = decode(&render_card_png(&card(2), w, h).unwrap());
        assert_eq!((img.w, img.h), (w, h));
        let mut colors = std::collections::BTreeSet::new();
        for c in img.px.chunks(3) {
            colors.insert((c[0], c[1], c[2]));
        }
        assert!(colors.len() > 100, "only {} distinct colors", colors.len());
        // The diverging bars live in the left ~55% of the canvas, between
        // the header and the lean panel: both side colors must fill real area.
        let blue = img.count(0, 250, 880, 660, |c| c == BLUE_C);
        let orange = img.count(0, 250, 880, 660, |c| c == ORANGE_C);
        assert!(blue > 3000, "blue bar pixels: {blue}");
        assert!(orange > 3000, "orange bar pixels: {orange}");
        let non_white = img.count(0, 0, w, h, |c| c != (255, 255, 255));
        assert!(non_white > 50_000, "non-white pixels: {non_white}");
        // Other sizes are honoured too.
        let small = decode(&render_card_png(&card(2), 800, 500).unwrap());
        assert_eq!((small.w, small.h), (800, 500));
    }

    #[test]
    fn quoted_hits_are_drawn_lighter_than_narrator_hits() {
        let light = tint(ORANGE_C, 0.72);
        let (w, h) = DEFAULT_SIZE;
        let with_quotes = decode(&render_card_png(&card(2), w, h).unwrap());
        let n = with_quotes.count(0, 250, 880, 660, |c| c == light);
        assert!(n > 500, "lighter quoted-hit pixels: {n}");
        let mut no_quotes = card(2);
        for c in &mut no_quotes.concepts {
            for sc in &mut c.counts {
                sc.quoted = 0.0;
            }
        }
        let img = decode(&render_card_png(&no_quotes, w, h).unwrap());
        // Only the legend swatch remains (it is grey, not orange).
        assert_eq!(img.count(0, 250, 880, 660, |c| c == light), 0);
        let svg = render_card_svg(&card(2), w, h).unwrap();
        assert!(svg.contains("inside quotation marks"));
        assert!(svg.contains("narrator"));
    }

    #[test]
    fn card_svg_contains_title_sides_concepts_and_evidence() {
        let svg = render_card_svg(&card(2), 1600, 1000).unwrap();
        assert!(svg.starts_with("<svg"));
        let texts: Vec<String> = svg_texts(&svg).into_iter().map(|t| t.1).collect();
        let has = |s: &str| texts.iter().any(|t| t.contains(s));
        assert!(has("City council votes to keep sanctuary policy"));
        assert!(has("Denver Gazette"));
        assert!(has("Pro-immigrant"));
        assert!(has("Restrictionist"));
        for c in ["people label", "sanctuary policy", "crime framing"] {
            assert!(texts.iter().any(|t| t == c), "concept label {c} missing");
        }
        assert!(has("evidence 4.8 (threshold 3.0)"));
        assert!(has("Henry Lucero"));
        assert!(has("lexicon immigration 1.0.0"));
        assert!(has("+0.35"));
        assert!(!has("too little evidence"));
    }

    #[test]
    fn renders_are_byte_identical() {
        let a = render_card_png(&card(2), 1600, 1000).unwrap();
        let b = render_card_png(&card(2), 1600, 1000).unwrap();
        assert!(a == b, "card PNG differs between renders");
        let c = render_comparison_png(&comparison(2), 1600, 1000).unwrap();
        let d = render_comparison_png(&comparison(2), 1600, 1000).unwrap();
        assert!(c == d, "comparison PNG differs between renders");
        assert_eq!(
            render_card_svg(&card(2), 1600, 1000).unwrap(),
            render_card_svg(&card(2), 1600, 1000).unwrap()
        );
        // And different data gives different bytes.
        let mut other = card(2);
        other.stance.value = Some(-0.8);
        assert!(render_card_png(&other, 1600, 1000).unwrap() != a);
    }

    #[test]
    fn empty_card_says_so() {
        let mut c = card(2);
        c.concepts.clear();
        c.quotes.clear();
        c.outlet = None;
        let png_bytes = render_card_png(&c, 1600, 1000).unwrap();
        assert_eq!(decode(&png_bytes).w, 1600);
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        assert!(svg.contains("No loaded terms found"));
        assert!(svg.contains("No quotations"));
        // Quotes present but all with zero words also counts as none.
        c.quotes = vec![QuoteSegment {
            label: "Unaligned".into(),
            color: None,
            words: 0,
            speakers: vec![],
        }];
        assert!(render_card_svg(&c, 1600, 1000)
            .unwrap()
            .contains("No quotations"));
    }

    #[test]
    fn long_title_is_wrapped_to_two_lines_and_shortened() {
        let mut c = card(2);
        let words = "Internal memo shows the administration weighed sweeping changes to asylum processing at the border";
        let mut title = String::new();
        while title.chars().count() < 300 {
            title.push_str(words);
            title.push(' ');
        }
        c.title = title.chars().take(300).collect();
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        let title_lines: Vec<(String, String)> = svg_texts(&svg)
            .into_iter()
            .filter(|(a, _)| attr(a, "font-size").as_deref() == Some("44"))
            .collect();
        assert_eq!(title_lines.len(), 2, "title should wrap to exactly 2 lines");
        assert!(title_lines[1].1.ends_with('…'), "{:?}", title_lines[1].1);
        assert!(!svg.contains(c.title.as_str()));
        // Each line fits the canvas width minus margins.
        let f = Font {
            px: 44.0,
            bold: true,
        };
        for (_, line) in &title_lines {
            assert!(text_width(line, f).unwrap() <= 1600.0 - 96.0, "{line}");
        }
        // A single unbreakable 300-char word is hard-broken, not overflowing.
        c.title = "x".repeat(300);
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        let lines: Vec<String> = svg_texts(&svg)
            .into_iter()
            .filter(|(a, _)| attr(a, "font-size").as_deref() == Some("44"))
            .map(|t| t.1)
            .collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for line in &lines {
            assert!(text_width(line, f).unwrap() <= 1600.0 - 96.0);
        }
        assert!(render_card_png(&c, 1600, 1000).is_ok());
    }

    #[test]
    fn missing_lean_shows_too_little_evidence() {
        let mut c = card(2);
        c.quote_lean = Lean { value: None };
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        assert_eq!(svg.matches("too little evidence").count(), 1);
        assert!(svg.contains("+0.40") && svg.contains("+0.35"));
        assert!(!svg.contains("+0.30"));
        c.term_lean = Lean { value: None };
        c.stance = Lean {
            value: Some(f64::NAN),
        };
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        assert_eq!(svg.matches("too little evidence").count(), 3);
        assert!(render_card_png(&c, 1600, 1000).is_ok());
    }

    #[test]
    fn below_threshold_evidence_is_flagged() {
        let mut c = card(2);
        c.evidence = 2.4;
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        assert!(svg.contains("evidence 2.4 (threshold 3.0) — below threshold"));
    }

    #[test]
    fn comparison_renders_rows_sorted_and_matrix() {
        let data = comparison(2);
        let (w, h) = comparison_size(&data);
        assert!(w >= 1600 && h >= 700);
        let img = decode(&render_comparison_png(&data, w, h).unwrap());
        assert_eq!((img.w, img.h), (w, h));
        // Matrix cells are tinted with the side colors.
        let blue_tint = tint(BLUE_C, 0.78);
        assert!(img.count(0, 0, w, h, |c| c == blue_tint) > 5000);
        assert!(img.count(0, 0, w, h, |c| c == NEUTRAL_CELL) > 1000);

        let svg = render_comparison_svg(&data, w, h).unwrap();
        let texts = svg_texts(&svg);
        for v in [
            "illegal aliens",
            "criminal aliens",
            "migrant crime",
            "immigrants",
        ] {
            assert!(texts.iter().any(|t| t.1 == v), "variant {v} missing");
        }
        assert!(texts.iter().any(|t| t.1 == "people label"));
        assert!(svg.contains("too little evidence"));
        // Row labels (24px, left column) appear top-to-bottom by stance, None last.
        let mut rows: Vec<(i32, String)> = texts
            .iter()
            .filter(|(a, c)| {
                attr(a, "font-size").as_deref() == Some("24")
                    && ["Gazette", "Sun", "Fox31", "Post", "Westword"].contains(&c.as_str())
                    && attr(a, "x").as_deref() == Some("48")
            })
            .map(|(a, c)| (attr(a, "y").unwrap().parse().unwrap(), c.clone()))
            .collect();
        rows.sort();
        let order: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(order, ["Westword", "Sun", "Post", "Gazette", "Fox31"]);
        // Side legend.
        assert!(texts.iter().any(|t| t.1 == "Pro-immigrant"));
        assert!(texts.iter().any(|t| t.1 == "neutral"));
    }

    #[test]
    fn comparison_size_grows_with_content() {
        let small = comparison(2);
        let mut big = comparison(2);
        for i in 0..20 {
            big.rows.push(ComparisonRow {
                label: format!("Extra {i}"),
                term_lean: Lean { value: Some(0.1) },
                quote_lean: Lean { value: None },
                stance: Lean { value: Some(0.1) },
                evidence: 5.0,
            });
            big.concepts.push(format!("concept {i}"));
        }
        for i in 0..6 {
            big.articles.push(format!("Outlet {i}"));
        }
        let (sw, sh) = comparison_size(&small);
        let (bw, bh) = comparison_size(&big);
        assert!(bh > sh + 20 * 40, "{sh} -> {bh}");
        assert!(bw > sw, "{sw} -> {bw}");
        let (w, h) = comparison_size(&big);
        assert!(render_comparison_png(&big, w, h).is_ok());
    }

    #[test]
    fn truncated_concepts_say_how_many_more() {
        let mut c = card(2);
        c.concepts = (0..20)
            .map(|i| concept(&format!("concept {i}"), 2, 1.0, 0.0))
            .collect();
        let svg = render_card_svg(&c, 1600, 1000).unwrap();
        let shown = (0..20)
            .filter(|i| svg.contains(&format!(">\nconcept {i}\n<")))
            .count();
        assert!((8..=12).contains(&shown), "shown {shown}");
        assert!(svg.contains(&format!("+{} more concepts", 20 - shown)));
    }

    #[test]
    fn two_to_six_sides_render_without_panicking() {
        for n in 2..=6 {
            let c = card(n);
            let img = decode(&render_card_png(&c, 1600, 1000).unwrap());
            assert_eq!(img.w, 1600);
            let svg = render_card_svg(&c, 1600, 1000).unwrap();
            assert!(svg.contains("Side number 0") || n == 2);
            let cmp = comparison(n);
            let (w, h) = comparison_size(&cmp);
            assert!(render_comparison_png(&cmp, w, h).is_ok());
            assert!(render_comparison_svg(&cmp, 1600, 1000).is_ok());
        }
        // Ragged counts (fewer entries than sides) are treated as zero.
        let mut c = card(3);
        c.concepts[0].counts.truncate(1);
        assert!(render_card_png(&c, 1600, 1000).is_ok());
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let err = render_card_png(&card(2), 0, 1000).unwrap_err();
        assert!(err.to_string().contains("0x1000"), "{err}");
        assert!(render_card_svg(&card(2), 100_000, 1000).is_err());
        let mut c = card(2);
        c.sides.truncate(1);
        let err = render_card_png(&c, 1600, 1000).unwrap_err();
        assert!(err.to_string().contains("at least 2 sides"), "{err}");
        let mut cmp = comparison(2);
        cmp.sides.clear();
        assert!(render_comparison_svg(&cmp, 1600, 1000).is_err());
    }

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
