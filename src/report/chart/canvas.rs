//! The canvas under both charts: the size limits, the embedded DejaVu Sans faces
//! (registered once per process), the PNG and SVG backends a chart is drawn on, and
//! deterministic PNG encoding (a fixed compression level and filter choice, no metadata), so the same
//! chart is always the same bytes. Also [`ChartError`], everything that can go wrong.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::register_font;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

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

pub(super) const MIN_SIZE: (u32, u32) = (320, 200);
pub(super) const MAX_SIDE: u32 = 16384;

pub(super) static FONT_REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans.ttf"
));
pub(super) static FONT_BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans-Bold.ttf"
));
static FONT_INIT: Once = Once::new();
static FONT_OK: AtomicBool = AtomicBool::new(false);

/// Register the embedded faces as plotters' "sans-serif" (once; later calls return the
/// first outcome).
pub(super) fn ensure_fonts() -> Result<(), ChartError> {
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

/// A backend error as a [`ChartError`].
pub(super) fn draw_err<E: std::error::Error + Send + Sync>(
    e: DrawingAreaErrorKind<E>,
) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// Draw on a white RGB canvas of `width`×`height` and encode it as PNG.
pub(super) fn render_png<F>(width: u32, height: u32, draw: F) -> Result<Vec<u8>, ChartError>
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

/// Draw on an SVG canvas of `width`×`height`.
pub(super) fn render_svg<F>(width: u32, height: u32, draw: F) -> Result<String, ChartError>
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
    let out = out.replace(
        "font-family=\"sans-serif\"",
        "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\"",
    );
    // Titles, labels and names are untrusted: a control character in one would make the
    // document ill-formed XML that no viewer opens.
    Ok(crate::report::sanitize::xml_text(&out).into_owned())
}

/// Deterministic PNG encoding: fixed compression level and filter rule, no metadata.
fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::with_capacity(rgb.len() / 16);
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        // zlib's default level with a filter chosen per row: 2.3x smaller than the fast
        // level (a 1600×1000 card is ~150 KB, not ~350 KB; a 200-article report ~35 MB,
        // not 68) for ~60 ms a card, spread over every core.
        enc.set_compression(png::Compression::Default);
        enc.set_filter(png::FilterType::Paeth);
        enc.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
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
