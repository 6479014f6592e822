//! `slant score`: stream articles through the pipeline and write a table, JSON, JSONL or
//! CSV as results arrive, in input order. With `--baseline-lexicon` or `--watch` it
//! compares two lexicons instead (see `compare`).

mod compare;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::batch;
use slant::input;
use slant::report;

/// Output formats of `slant score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

/// When the table is colored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant score seeds                          a table of the five seed articles
  slant score corpus.jsonl -f jsonl > scored.jsonl
  slant score seeds -f csv > scores.csv      one row per article, for a spreadsheet
  slant score seeds --lexicon my.yaml --baseline-lexicon builtin:immigration
                                             what an edit to a lexicon moved, and why")]
pub struct ScoreArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Compare with this lexicon (a YAML file or builtin:NAME): per article, how counts, term
    /// lean and stance moved from it to --lexicon, and which entries caused the move.
    #[arg(long, value_name = "FILE")]
    pub baseline_lexicon: Option<PathBuf>,
    /// Re-run whenever the --lexicon file changes (checked every 500 ms; Ctrl-C to stop).
    /// Without --baseline-lexicon, compares with the lexicon as it was when watching began.
    #[arg(long, requires = "lexicon")]
    pub watch: bool,
    /// Color in the table: auto (only on a terminal), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Width of the table in columns (default: the terminal's; every column when the output
    /// goes to a file or a program; 0: every column). A narrow table leaves out the least needed
    /// columns and says which.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Worker threads (0 = one per core; at most 1024, and never more than 4 per core).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = crate::cli::shared::args::parse_threads)]
    pub threads: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Articles larger than this (in bytes of text) have their JSON or JSONL record written
/// as it is made instead of built in memory first; a record is 5–20 times its text.
const STREAM_ABOVE: u64 = 1 << 20;

/// One article's output: its bytes, or (for a huge article in JSON or JSONL) the analysis
/// itself, for the writer to stream.
enum Rendered {
    Bytes(Vec<u8>),
    Whole(Box<slant::analysis::Analysis>),
}

pub fn run(a: ScoreArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    if a.baseline_lexicon.is_some() || a.watch {
        let format = match a.format {
            Format::Table => compare::Format::Table,
            Format::Json => compare::Format::Json,
            Format::Jsonl => compare::Format::Jsonl,
            Format::Csv => bail!("--baseline-lexicon and --watch write a table, JSON or JSONL (--format table|json|jsonl), not CSV"),
        };
        let opts = compare::Options {
            input: &a.input,
            lexicon: &a.lexicon,
            baseline_lexicon: a.baseline_lexicon.as_ref(),
            watch: a.watch,
            format,
            threads: a.threads,
        };
        // Lexicon terms and article titles are shown as text; JSON escapes controls anyway.
        let mut safe = report::sanitize::TerminalWriter::new(out);
        let code = compare::run(opts, &mut safe, err, term)?;
        safe.flush()?;
        return Ok(code);
    }
    let engine = a.lexicon.engine_noting_warnings(err)?;
    let inputs = a.input.inputs(term)?;
    let layout = report::table::Layout::fit(match a.width {
        Some(0) => None,
        Some(w) => Some(w),
        None => term.width,
    });
    let layout = &layout;
    let articles = input::load(&inputs, a.input.load_opts());
    let progress = crate::cli::shared::progress::Progress::auto("scoring", &articles);
    let pool = batch::pool(a.threads);
    let color = match a.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => term.stdout_is_tty && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut problems = Problems::default();
    let mut done = 0usize;
    let mut first = true;
    match a.format {
        Format::Table => out.write_all(report::table::header(&engine, layout).as_bytes())?,
        Format::Json => out.write_all(b"[")?,
        Format::Csv => out.write_all(&report::csv::encode_record(&report::csv::header(&engine)))?,
        Format::Jsonl => {}
    }
    let format = a.format;
    let eng = &engine;
    let jsonl = report::json::JsonlWriter::new(&engine);
    let jsonl = &jsonl;
    let render = move |art: input::Article| -> (Rendered, Vec<String>, u64) {
        let warnings = art.warnings.clone();
        let size = art.text.len() as u64;
        let an = eng.analyze(art);
        if size > STREAM_ABOVE && matches!(format, Format::Json | Format::Jsonl) {
            // Its record may be hundreds of megabytes: written by the sink as it is made.
            return (Rendered::Whole(Box::new(an)), warnings, size);
        }
        let bytes = match format {
            Format::Table => report::table::row(eng, &an, color, layout).into_bytes(),
            Format::Jsonl => jsonl.line(&an),
            Format::Json => serde_json::to_vec_pretty(&report::json::article_json(eng, &an))
                .expect("JSON types serialize"),
            Format::Csv => report::csv::encode_record(&report::csv::row(eng, &an)),
        };
        (Rendered::Bytes(bytes), warnings, size)
    };
    let mut gather = report::stream::Gather::default();
    batch::run_ordered(&pool, articles, render, |r| -> Result<()> {
        match r {
            Ok((bytes, warnings, size)) => {
                progress.inc(size);
                for w in warnings {
                    writeln!(err, "slant: warning: {w}")?;
                }
                if format == Format::Json {
                    let sep: &[u8] = if first { b"\n" } else { b",\n" };
                    gather.push(out, sep.to_vec())?;
                }
                match bytes {
                    Rendered::Bytes(bytes) => gather.push(out, bytes)?,
                    Rendered::Whole(an) => {
                        gather.flush(out)?;
                        if format == Format::Json {
                            // The same bytes as serde's pretty printer, streamed.
                            let mut pretty = report::json::Pretty::new(&mut *out);
                            jsonl.write_to(&an, &mut pretty)?;
                            pretty.finish()?;
                        } else {
                            jsonl.write_to(&an, out)?;
                        }
                    }
                }
                first = false;
                done += 1;
            }
            Err(e) => problems.record(e, err)?,
        }
        Ok(())
    })?;
    gather.flush(out)?;
    progress.finish();
    match a.format {
        Format::Json => out.write_all(if first { b"]\n" } else { b"\n]\n" })?,
        Format::Table => out.write_all(report::table::footer(&engine, done, layout).as_bytes())?,
        _ => {}
    }
    out.flush()?;
    Ok(problems.finish(done, err)?)
}
