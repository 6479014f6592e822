//! The command line, private to the `slant` binary: the clap definitions of the top-level
//! command and the dispatch to one file per subcommand. Each subcommand owns its clap
//! `Args` and its `run`, which ties the library's pipeline to its renderers; what several
//! subcommands use lives in `shared`. No subcommand imports another.
//!
//! Commands write to the writers they are given (main passes stdout/stderr); nothing here
//! prints directly.
//!
//! Exit codes: 0 success; 1 some articles could not be read or scored (the rest were
//! processed), or warnings under `--strict`; 2 nothing could be done (bad lexicon, bad
//! arguments, unwritable output).

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod chart;
mod completions;
mod eval;
mod explain;
mod extract;
mod kwic;
mod lexicon;
mod man;
mod report;
mod roster;
mod score;
mod shared;

use std::io::Write;

use anyhow::Result;
use clap::{Parser, Subcommand};

pub use shared::interrupt::install as install_signal_handlers;
pub use shared::terminal::Terminal;

#[derive(Debug, Parser)]
#[command(
    name = "slant",
    version,
    about = "Shows how a news article leans: the loaded words it chose, who it lets speak, and a stance chart.",
    long_about = "Shows how a news article leans: the loaded words it chose (\"illegal aliens\" vs \"undocumented immigrants\"), who it lets speak and for how long, and a stance chart per article and for a whole set.\n\nThe built-in immigration lexicon is used unless --lexicon names another YAML file (see lexicons/README.md).",
    after_help = "Examples:\n  slant report seeds              annotated HTML, charts, CSV and JSONL in reports/\n  slant report seeds --worksheet  student worksheets and a teacher's folder with the answers\n  slant score seeds               a table of scores\n  slant score corpus.jsonl --format jsonl > scored.jsonl\n  slant explain seeds/000_f667bd81ae114d19.txt\n  slant lexicon check my.yaml\n\nEach command has its own --help with examples (slant report --help). Shell completion: slant completions bash|zsh|fish; manual: slant man."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score articles: loaded terms, quotes and lean per article.
    Score(score::ScoreArgs),
    /// Show where every number of one article comes from.
    Explain(explain::ExplainArgs),
    /// Check, test and measure lexicons.
    #[command(subcommand)]
    Lexicon(lexicon::LexiconCommand),
    /// Draw a stance card per article and a comparison chart (PNG, or SVG too).
    Chart(chart::ChartArgs),
    /// Keyword in context: every use of a term, concept or variant with the words around it.
    Kwic(kwic::KwicArgs),
    /// Write the classroom report: annotated HTML pages, charts, CSV and JSONL in one folder.
    Report(report::ReportArgs),
    /// Measure slant on labelled data: lean separation, quote attribution.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Speaker roster tools: list the most-quoted speakers the lexicon does not know.
    #[command(subcommand)]
    Roster(roster::RosterCommand),
    /// Write what slant reads from pages, documents and text files (JSONL or .txt), to inspect, fix and score.
    Extract(extract::ExtractArgs),
    /// Print the shell completion script for bash, zsh, fish, elvish or powershell.
    #[command(alias = "completion")]
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), or write one page per command with --out.
    Man(man::ManArgs),
}

/// Run a parsed command line. Returns the exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    match cli.command {
        Command::Score(a) => score::run(a, out, err, term),
        Command::Explain(a) => explain::run(a, out, err),
        Command::Lexicon(c) => lexicon::run(c, out, err, term),
        Command::Chart(a) => chart::run(a, err, term),
        Command::Report(a) => report::run(a, err, term),
        Command::Eval(c) => eval::run(c, out, err, term),
        Command::Roster(c) => roster::run(c, out, err, term),
        Command::Extract(a) => extract::run(a, out, err, term),
        Command::Completions(a) => completions::run(a, out),
        Command::Man(a) => man::run(a, out, err),
        Command::Kwic(a) => kwic::run(a, out, err, term),
    }
}
