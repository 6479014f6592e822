//! `slant eval …`: measure slant on labelled data, one file per measure: `lean` (how well
//! the scores separate two labelled groups of articles) and `quotes` (quotations and
//! speakers against gold attributions).

mod lean;
mod quotes;

use std::io::Write;

use anyhow::Result;
use clap::Subcommand;

use crate::cli::shared::terminal::Terminal;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// How well scores separate two labelled groups (AUC with a bootstrap interval, evidence,
    /// outlets, and which lexicon variants point the wrong way).
    Lean(lean::LeanArgs),
    /// Quotations and speakers against gold attributions (PolNeAR-style JSONL).
    Quotes(quotes::QuotesArgs),
}

/// Run one `slant eval` subcommand. Returns the exit code.
pub fn run(c: EvalCommand, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    match c {
        EvalCommand::Lean(a) => lean::run(a, out, err, term),
        EvalCommand::Quotes(a) => quotes::run(a, out, err, term),
    }
}
