//! The command line: clap definitions and the commands that tie library and renderers
//! together. Commands write to the writers they are given (main passes stdout/stderr);
//! nothing here prints directly.
//!
//! Exit codes: 0 success; 1 some articles could not be read or scored (the rest were
//! processed), or warnings under `--strict`; 2 nothing could be done (bad lexicon, bad
//! arguments, unwritable output).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::analysis::{Analysis, Engine};
use crate::batch;
use crate::commands;
use crate::input::{self, Input, LoadError, LoadOptions};
use crate::lexicon::{self, Lexicon, Limits};

#[derive(Debug, Parser)]
#[command(
    name = "slant",
    version,
    about = "Shows how a news article leans: the loaded words it chose, who it lets speak, and a stance chart.",
    long_about = "Shows how a news article leans: the loaded words it chose (\"illegal aliens\" vs \"undocumented immigrants\"), who it lets speak and for how long, and a stance chart per article and for a whole set.\n\nThe built-in immigration lexicon is used unless --lexicon names another YAML file (see lexicons/README.md).",
    after_help = "Examples:\n  slant report seeds              annotated HTML, charts, CSV and JSONL in reports/\n  slant score seeds               a table of scores\n  slant score corpus.jsonl --format jsonl > scored.jsonl\n  slant explain seeds/000_f667bd81ae114d19.txt\n  slant lexicon check my.yaml"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score articles: loaded terms, quotes and lean per article.
    Score(ScoreArgs),
    /// Show where every number of one article comes from.
    Explain(ExplainArgs),
    /// Check, test and measure lexicons.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
    /// Draw a stance card per article and a comparison chart (PNG, or SVG too).
    Chart(commands::chart::ChartArgs),
    /// Write the classroom report: annotated HTML pages, charts, CSV and JSONL in one folder.
    Report(commands::report::ReportArgs),
}

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files, folders (searched recursively for .txt, .md and .jsonl), or - for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read every input as JSONL (one {"id", "text", ...} object per line), whatever its
    /// extension. Without it, .jsonl files and standard input that starts with `{` are JSONL.
    #[arg(long)]
    pub jsonl: bool,
    /// Refuse articles larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_article_bytes)]
    pub max_article_bytes: usize,
}

#[derive(Debug, Args, Clone)]
pub struct LexiconArgs {
    /// Lexicon YAML file, or builtin:NAME (default: the built-in immigration lexicon).
    #[arg(long, short = 'l', value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Refuse lexicon files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_bytes)]
    pub max_lexicon_bytes: usize,
    /// Refuse regex patterns longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_pattern_bytes)]
    pub max_pattern_bytes: usize,
    /// Compiled size limit for each regex pattern, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().regex_size_limit)]
    pub max_regex_bytes: usize,
}

impl LexiconArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_lexicon_bytes,
            max_pattern_bytes: self.max_pattern_bytes,
            regex_size_limit: self.max_regex_bytes,
            ..Limits::default()
        }
    }

    pub fn load(&self) -> Result<Lexicon> {
        Lexicon::load(self.lexicon.as_deref(), self.limits()).map_err(|e| match e {
            lexicon::LexiconError::Invalid(_) => anyhow::anyhow!("the lexicon has errors:\n{e}"),
            other => anyhow::Error::new(other),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
    /// Color in the table: auto (only on a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Compare with this lexicon (a YAML file or builtin:NAME): per article, how counts, term
    /// lean and stance moved from it to --lexicon, and which entries caused the move.
    #[arg(long, value_name = "FILE")]
    pub baseline_lexicon: Option<PathBuf>,
    /// Re-run whenever the --lexicon file changes (checked every 500 ms; Ctrl-C to stop).
    /// Without --baseline-lexicon, compares with the lexicon as it was when watching began.
    #[arg(long, requires = "lexicon")]
    pub watch: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The article to explain (a file; or a JSONL file with --id).
    #[arg(value_name = "PATH")]
    pub path: String,
    /// With a JSONL or folder input: which article id to explain.
    #[arg(long)]
    pub id: Option<String>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Read the input as JSONL.
    #[arg(long)]
    pub jsonl: bool,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Check lexicon files: every problem at once with file:line:column and a hint.
    Check(CheckArgs),
    /// Run every example and counter-example sentence of a lexicon.
    Test(TestArgs),
    /// Measure a lexicon on articles: hits per entry and voice, silent entries, suggestions.
    Coverage(commands::lexicon::CoverageArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Lexicon files, or builtin:NAME (default: the built-in lexicons).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Exit 1 when there are warnings.
    #[arg(long)]
    pub strict: bool,
    /// Output: text with caret displays, or one JSON document (for editors and CI).
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Output formats of `slant lexicon check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Lexicon files, or builtin:NAME (default: the built-in lexicons).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Also list the examples that pass.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// What the terminal looks like, decided by main.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    pub stderr_is_tty: bool,
    pub stdin_is_tty: bool,
}

/// Problems met along the way that did not stop the run.
#[derive(Debug, Default)]
pub struct Problems {
    pub failed: Vec<LoadError>,
    pub skipped: Vec<LoadError>,
    pub warnings: Vec<String>,
}

impl Problems {
    pub fn record(&mut self, e: LoadError, err: &mut dyn Write) -> std::io::Result<()> {
        if e.skipped {
            writeln!(err, "slant: skipped {e}")?;
            self.skipped.push(e);
        } else {
            writeln!(err, "slant: error: {e}")?;
            self.failed.push(e);
        }
        Ok(())
    }

    /// Summary line and exit code for a batch.
    pub fn finish(&self, done: usize, err: &mut dyn Write) -> std::io::Result<u8> {
        if self.failed.is_empty() && self.skipped.is_empty() {
            return Ok(0);
        }
        writeln!(
            err,
            "slant: {done} article(s) processed, {} failed, {} skipped",
            self.failed.len(),
            self.skipped.len()
        )?;
        for e in &self.failed {
            writeln!(err, "  failed: {e}")?;
        }
        for e in &self.skipped {
            writeln!(err, "  skipped: {e}")?;
        }
        Ok(1)
    }
}

pub fn inputs(args: &InputArgs, term: Terminal) -> Result<Vec<Input>> {
    if args.paths.is_empty() {
        if term.stdin_is_tty {
            bail!("no input: give files or folders (e.g. `slant score seeds`), or - to read standard input");
        }
        return Ok(vec![Input::Stdin]);
    }
    Ok(args.paths.iter().map(|p| Input::parse(p)).collect())
}

pub fn load_opts(args: &InputArgs) -> LoadOptions {
    LoadOptions {
        jsonl: args.jsonl,
        max_article_bytes: args.max_article_bytes,
    }
}

/// Treat a closed pipe (`slant score … | head`) as a normal end.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Run a parsed command line. Returns the exit code.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    match cli.command {
        Command::Score(a) => commands::score::run(a, out, err, term),
        Command::Explain(a) => commands::explain::run(a, out, err),
        Command::Lexicon(LexiconCommand::Check(a)) => commands::lexicon::check(a, out),
        Command::Lexicon(LexiconCommand::Test(a)) => commands::lexicon::test(a, out),
        Command::Lexicon(LexiconCommand::Coverage(a)) => {
            commands::lexicon::coverage(a, out, err, term)
        }
        Command::Chart(a) => commands::chart::run(a, err, term),
        Command::Report(a) => commands::report::run(a, err, term),
    }
}

/// Compile the lexicon chosen by `args`.
pub fn engine(args: &LexiconArgs) -> Result<Engine> {
    let lexicon = args.load()?;
    Engine::new(lexicon).context("cannot compile the lexicon")
}

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
    let progress = crate::report::progress::Progress::auto("analyzing", &articles);
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
    let inputs = inputs(input, term)?;
    let analyses = load_all(&inputs, load_opts(input), engine, threads, problems, err)?;
    if analyses.is_empty() {
        if let Some(e) = problems.failed.first() {
            bail!("no article could be read (first problem: {e})");
        }
        bail!("no articles found in {}", input.paths.join(", "));
    }
    Ok(analyses)
}
