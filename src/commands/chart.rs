//! `slant chart`: a stance card per article and one comparison chart for the set, as PNG
//! (and SVG with `--svg`), written atomically into the output folder.
//!
//! Cards are rendered in parallel on the worker pool; a card that cannot be rendered is
//! reported and the rest are written (exit 1 at the end). The comparison chart is drawn at
//! its natural size (which grows with the number of articles and concepts), scaled by
//! `--size`'s width relative to the default 1600.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Args;
use rayon::prelude::*;

use crate::analysis::{Analysis, Engine};
use crate::batch;
use crate::cli::{engine, load_set, InputArgs, LexiconArgs, Problems, Terminal};
use crate::report::cards;
use crate::report::chart::{self, ChartError, ComparisonData, DEFAULT_SIZE};
use crate::report::output::{unique_stems, OutDir};
use crate::report::progress::Progress;

#[derive(Debug, Args)]
pub struct ChartArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output folder (created if missing; existing files of the same name are replaced).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Also write each chart as SVG.
    #[arg(long)]
    pub svg: bool,
    /// Card size in pixels, WIDTHxHEIGHT.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

/// Parse `WIDTHxHEIGHT` (e.g. `1600x1000`).
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
    pub comparison: bool,
    /// Articles whose card could not be rendered.
    pub failed: usize,
}

/// Files that must never be overwritten: every input file (JSONL sources are `path:line`).
pub fn protected_inputs(paths: &[String], analyses: &[Analysis]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_str() != "-")
        .map(PathBuf::from)
        .collect();
    for a in analyses {
        let src = a.article.source.as_str();
        if src == "-" {
            continue;
        }
        out.push(PathBuf::from(src));
        if let Some((path, line)) = src.rsplit_once(':') {
            if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) {
                out.push(PathBuf::from(path));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A warning when the output folder lies inside an input folder: the JSONL written there
/// would be read back as input by the next run over that folder.
pub fn nested_output_warning(out_dir: &Path, paths: &[String]) -> Option<String> {
    let out = out_dir.canonicalize().ok()?;
    for p in paths {
        let Ok(inp) = Path::new(p).canonicalize() else {
            continue;
        };
        if inp.is_dir() && out.starts_with(&inp) {
            return Some(format!(
                "the output folder {} is inside the input folder {p}; a later `slant … {p}` would read its articles.jsonl as input (choose --out outside it)",
                out_dir.display()
            ));
        }
    }
    None
}

/// How to draw charts.
#[derive(Debug, Clone, Copy)]
pub struct ChartOptions {
    /// Card size; the comparison chart is scaled by its width relative to 1600.
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
        let (nw, nh) = chart::comparison_size(&data);
        let k = size.0 as f64 / DEFAULT_SIZE.0 as f64;
        let (w, h) = (
            (nw as f64 * k).round() as u32,
            (nh as f64 * k).round() as u32,
        );
        let png = chart::render_comparison_png(&data, w, h)
            .context("cannot draw the comparison chart")?;
        out.write("comparison.png", &png)?;
        if svg {
            let s = chart::render_comparison_svg(&data, w, h)
                .context("cannot draw the comparison chart")?;
            out.write("comparison.svg", s.as_bytes())?;
        }
        written.comparison = true;
    }
    Ok(written)
}

enum CardFailure {
    Chart(ChartError),
    Write(anyhow::Error),
}

pub fn run(a: ChartArgs, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = engine(&a.lexicon)?;
    let mut problems = Problems::default();
    let analyses = load_set(&a.input, &engine, a.threads, &mut problems, err, term)?;
    let stems = unique_stems(analyses.iter().map(|x| x.article.id.as_str()));
    let out = OutDir::new(&a.out, &protected_inputs(&a.input.paths, &analyses))?;
    if let Some(w) = nested_output_warning(&a.out, &a.input.paths) {
        writeln!(err, "slant: warning: {w}")?;
    }
    let opts = ChartOptions {
        size: a.size,
        svg: a.svg,
        threads: a.threads,
    };
    let written = write_charts(&engine, &analyses, &stems, &out, opts, err)?;
    let ext = if a.svg { ".png and .svg" } else { ".png" };
    writeln!(
        err,
        "slant: wrote {} stance card(s) and the comparison chart ({ext}) to {}",
        written.cards,
        a.out.display()
    )?;
    let code = problems.finish(analyses.len(), err)?;
    Ok(if written.failed > 0 {
        code.max(1)
    } else {
        code
    })
}
