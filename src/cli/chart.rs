//! `slant chart`: a stance card per article and one comparison chart for the set, as PNG
//! (and SVG with `--svg`), written atomically into the output folder.
//!
//! Cards are rendered in parallel on the worker pool; a card that cannot be rendered is
//! reported and the rest are written (exit 1 at the end). The comparison chart is drawn as
//! wide as `--size` says and as tall as its rows need.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::charts::{parse_size, write_charts, ChartOptions};
use crate::cli::shared::load::load_set;
use crate::cli::shared::out_dir::{nested_output_warning, protected_inputs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::report::output::{unique_stems, OutDir};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant chart seeds                       reports/<id>.png per article and reports/comparison.png
  slant chart seeds --size 800x500 --svg  smaller cards (and a comparison 800 wide), SVG too")]
pub struct ChartArgs {
    /// Output folder (created if missing; existing files of the same name are replaced).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Also write each chart as SVG.
    #[arg(long)]
    pub svg: bool,
    /// Card size in pixels, WIDTHxHEIGHT; the comparison chart is drawn as wide.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub size: (u32, u32),
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Worker threads (0 = one per core; at most 1024, and never more than 4 per core).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = crate::cli::shared::args::parse_threads)]
    pub threads: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(a: ChartArgs, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine_noting_warnings(err)?;
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
