//! `slant lexicon …`: the subcommands for lexicon authors, one file each: `check` (every
//! problem with its position), `test` (the example sentences), `coverage` (what fires
//! on a corpus) and `suggest` (what two groups of articles differ on).

mod check;
mod coverage;
mod suggest;
mod test;

use std::io::Write;

use anyhow::Result;
use clap::Subcommand;

use crate::cli::shared::terminal::Terminal;
use slant::report::sanitize::TerminalWriter;

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Check lexicon files: every problem at once with file:line:column and a hint.
    Check(check::CheckArgs),
    /// Run every example and counter-example sentence of a lexicon.
    Test(test::TestArgs),
    /// Measure a lexicon on articles: hits per entry and voice, silent entries, suggestions.
    Coverage(coverage::CoverageArgs),
    /// Rank the words and phrases two groups of articles differ on (Fightin' Words log-odds).
    Suggest(suggest::SuggestArgs),
}

/// Run one `slant lexicon` subcommand. Returns the exit code.
pub fn run(
    c: LexiconCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
    term: Terminal,
) -> Result<u8> {
    // Lexicon text (labels, terms, source lines) is shown as text: no control character in
    // it may reach the terminal. JSON output escapes them anyway, so this changes nothing
    // there.
    let mut safe = TerminalWriter::new(out);
    let out = &mut safe;
    let code = match c {
        LexiconCommand::Check(a) => check::run(a, out),
        LexiconCommand::Test(a) => test::run(a, out),
        LexiconCommand::Coverage(a) => coverage::run(a, out, err, term),
        LexiconCommand::Suggest(a) => suggest::run(a, out, err, term),
    }?;
    out.flush()?;
    Ok(code)
}
