//! Loading a whole set of articles for the commands that need every article at once
//! (`explain`, `chart`, `report`): analyzed in parallel, in input order, with a progress
//! bar, warnings and per-article problems reported as they come.

use std::io::Write;

use anyhow::{bail, Result};

use super::args::InputArgs;
use super::problems::Problems;
use super::progress::Progress;
use super::terminal::Terminal;
use slant::analysis::{Analysis, Engine};
use slant::batch;
use slant::input::{self, Input, LoadOptions};

/// Load every article of the inputs (for commands that need the whole set).
pub fn load_all(
    inputs: &[Input],
    opts: LoadOptions,
    engine: &Engine,
    threads: usize,
    problems: &mut Problems,
    err: &mut dyn Write,
) -> Result<Vec<Analysis>> {
    let pool = batch::pool(threads);
    let mut analyses = Vec::new();
    let articles = input::load(inputs, opts);
    let progress = Progress::auto("analyzing", &articles);
    batch::run_ordered(
        &pool,
        articles,
        |a| engine.analyze(a),
        |r| -> Result<()> {
            match r {
                Ok(an) => {
                    progress.inc(an.article.text.len() as u64);
                    for w in &an.article.warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    analyses.push(an);
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    progress.finish();
    Ok(analyses)
}

/// Load and analyze the whole set for commands that need every article at once (chart,
/// report). Problems with single articles are recorded; having no article at all is an
/// error.
pub fn load_set(
    input: &InputArgs,
    engine: &Engine,
    threads: usize,
    problems: &mut Problems,
    err: &mut dyn Write,
    term: Terminal,
) -> Result<Vec<Analysis>> {
    let inputs = input.inputs(term)?;
    let analyses = load_all(&inputs, input.load_opts(), engine, threads, problems, err)?;
    if analyses.is_empty() {
        if let Some(e) = problems.failed.first() {
            bail!("no article could be read (first problem: {e})");
        }
        bail!("no articles found in {}", input.paths.join(", "));
    }
    Ok(analyses)
}
