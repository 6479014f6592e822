//! `slant lexicon coverage`: how often each entry of a lexicon fires on a corpus and in
//! whose voice, which entries never fire, and phrases near loaded terms worth a look.

use std::io::Write;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::authoring::coverage::{self, CoverageBuilder};
use slant::{batch, input, report};

/// Output formats of `slant lexicon coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant lexicon coverage seeds            which entries fire on the seeds, which never do
  slant lexicon coverage corpus.jsonl --lexicon my.yaml -f json")]
pub struct CoverageArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CoverageFormat::Table)]
    pub format: CoverageFormat,
    /// How many suggested phrases to list (0 = none).
    #[arg(long, value_name = "N", default_value_t = coverage::Options::default().suggestions)]
    pub suggestions: usize,
    /// Words on each side of a loaded term that count as "near" for suggestions.
    #[arg(long, value_name = "WORDS", default_value_t = coverage::Options::default().window)]
    pub window: usize,
    /// Worker threads (0 = one per core; at most 1024, and never more than 4 per core).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = crate::cli::shared::args::parse_threads)]
    pub threads: usize,
}

pub fn run(
    a: CoverageArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    term: Terminal,
) -> Result<u8> {
    let engine = a.lexicon.engine()?;
    let inputs = a.input.inputs(term)?;
    let opts = coverage::Options {
        window: a.window,
        suggestions: a.suggestions,
    };
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut builder = CoverageBuilder::new();
    let eng = &engine;
    batch::run_ordered(
        &pool,
        input::load(&inputs, a.input.load_opts()),
        move |art| {
            let warnings = art.warnings.clone();
            let an = eng.analyze(art);
            (coverage::article(eng, &an, opts), warnings)
        },
        |r| -> Result<()> {
            match r {
                Ok((ac, warnings)) => {
                    for w in warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    builder.add(ac);
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    let cov = builder.finish(&engine.lexicon, opts);
    if cov.articles == 0 {
        anyhow::bail!("no article could be read, so there is nothing to measure");
    }
    match a.format {
        CoverageFormat::Table => {
            out.write_all(report::lexicon::render_coverage(&cov).as_bytes())?
        }
        CoverageFormat::Json => out.write_all(&report::lexicon::render_coverage_json(&cov))?,
    }
    Ok(problems.finish(cov.articles as usize, err)?)
}
