//! `slant lexicon test`: run every example and counter-example sentence of each lexicon
//! against the whole lexicon. Exit 1 when one fails.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::cli::shared::args::lexicon_targets;
use slant::analysis::Engine;
use slant::authoring::examples;
use slant::lexicon::{Lexicon, Limits};
use slant::report;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant lexicon test my.yaml              every example and counter-example sentence
  slant lexicon test my.yaml -v           also list the ones that pass")]
pub struct TestArgs {
    /// Lexicon files, or builtin:NAME (default: the built-in lexicons).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Also list the examples that pass.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

pub fn run(a: TestArgs, out: &mut dyn Write) -> Result<u8> {
    let mut failed = 0;
    for (i, target) in lexicon_targets(&a.files).into_iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        let lexicon = Lexicon::load(target.as_deref(), Limits::default())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let engine = Engine::new(lexicon)?;
        let results = examples::run(&engine.lexicon, engine.matcher());
        failed += results.iter().filter(|r| !r.passed).count();
        out.write_all(
            report::lexicon::render_test(&engine.lexicon, &results, a.verbose).as_bytes(),
        )?;
    }
    Ok(if failed > 0 { 1 } else { 0 })
}
