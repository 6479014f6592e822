//! Drawing the charts `chart` and `report` both write: a stance card per article
//! (`<stem>.png`, and `.svg` on request) rendered in parallel at `--size`, and the
//! comparison chart of the set (`comparison.png`) as wide as the cards and as tall as its
//! rows need. A card that cannot be rendered is reported and counted; the rest are
//! written.

use std::io::Write;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use super::progress::Progress;
use slant::analysis::{Analysis, Engine};
use slant::batch;
use slant::report::cards;
use slant::report::chart::{self, ChartError, ComparisonData, DEFAULT_SIZE};
use slant::report::output::OutDir;

/// Parse `WIDTHxHEIGHT` (e.g. `1600x1000`) for `--size`.
pub fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{s}` is not a size; write WIDTHxHEIGHT in pixels, e.g. 1600x1000");
    let (w, h) = s.trim().split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    Ok((w, h))
}

/// The comparison chart's title.
pub fn comparison_title(engine: &Engine, analyses: &[Analysis]) -> String {
    let n = analyses.len();
    if n == 1 {
        format!("1 article · lexicon {}", engine.lexicon.name)
    } else {
        format!("{n} articles compared · lexicon {}", engine.lexicon.name)
    }
}

/// The comparison chart's data for a set.
pub fn comparison(engine: &Engine, analyses: &[Analysis]) -> ComparisonData {
    cards::comparison_data(engine, analyses, &comparison_title(engine, analyses))
}

/// What [`write_charts`] did.
#[derive(Debug, Default)]
pub struct Written {
    pub cards: usize,
    /// Articles whose card could not be rendered.
    pub failed: usize,
}

/// How to draw charts.
#[derive(Debug, Clone, Copy)]
pub struct ChartOptions {
    /// Card size; the comparison chart is drawn as wide.
    pub size: (u32, u32),
    /// Also write SVG.
    pub svg: bool,
    /// Worker threads (0 = one per core).
    pub threads: usize,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            size: DEFAULT_SIZE,
            svg: false,
            threads: 0,
        }
    }
}

/// Render and write `<stem>.png` per article and `comparison.png` (and `.svg` with
/// `svg`). Bails on an invalid size or a failed write; a card that fails to render is
/// reported on `err` and counted.
pub fn write_charts(
    engine: &Engine,
    analyses: &[Analysis],
    stems: &[String],
    out: &OutDir,
    opts: ChartOptions,
    err: &mut dyn Write,
) -> Result<Written> {
    let ChartOptions { size, svg, threads } = opts;
    let pool = batch::pool(threads);
    let progress = Progress::items("drawing stance cards", analyses.len() as u64);
    let results: Vec<Result<(), CardFailure>> = pool.install(|| {
        analyses
            .par_iter()
            .zip(stems.par_iter())
            .map(|(a, stem)| {
                let png = cards::card_png(engine, a, size).map_err(CardFailure::Chart)?;
                out.write(&format!("{stem}.png"), &png)
                    .map_err(|e| CardFailure::Write(e.into()))?;
                if svg {
                    let s = cards::card_svg(engine, a, size).map_err(CardFailure::Chart)?;
                    out.write(&format!("{stem}.svg"), s.as_bytes())
                        .map_err(|e| CardFailure::Write(e.into()))?;
                }
                progress.tick();
                Ok(())
            })
            .collect()
    });
    progress.finish();
    let mut written = Written::default();
    for (r, a) in results.into_iter().zip(analyses) {
        match r {
            Ok(()) => written.cards += 1,
            Err(CardFailure::Write(e)) => return Err(e),
            Err(CardFailure::Chart(e @ ChartError::InvalidSize { .. })) => {
                bail!("cannot draw charts: {e}")
            }
            Err(CardFailure::Chart(e)) => {
                writeln!(
                    err,
                    "slant: error: {}: cannot draw the stance card: {e}",
                    a.article.source
                )?;
                written.failed += 1;
            }
        }
    }
    if !analyses.is_empty() {
        let data = comparison(engine, analyses);
        let Some((w, h)) = chart::comparison_canvas(&data, size.0) else {
            writeln!(
                err,
                "slant: warning: {} articles are too many to draw in one comparison chart; comparison.png is not written (summary.csv has every score)",
                analyses.len()
            )?;
            return Ok(written);
        };
        let png = chart::render_comparison_png(&data, w, h)
            .context("cannot draw the comparison chart")?;
        out.write("comparison.png", &png)?;
        if svg {
            let s = chart::render_comparison_svg(&data, w, h)
                .context("cannot draw the comparison chart")?;
            out.write("comparison.svg", s.as_bytes())?;
        }
    }
    Ok(written)
}

enum CardFailure {
    Chart(ChartError),
    Write(anyhow::Error),
}
