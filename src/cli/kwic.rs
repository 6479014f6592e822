//! `slant kwic`: a keyword-in-context concordance of a term, a concept or a variant, with
//! each line's voice and what the lexicon counts there, as a table, CSV, JSON or an HTML
//! page. Articles are analysed on every core by the same pipeline as `score`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::progress::Progress;
use crate::cli::shared::terminal::Terminal;
use slant::authoring::kwic::{self, Query, SortKey};
use slant::input::LoadOptions;
use slant::{batch, input, report};

/// Output formats of `slant kwic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KwicFormat {
    Table,
    Csv,
    Json,
    Html,
}

/// Orders of the lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KwicSort {
    /// By the words after the match.
    Right,
    /// By the words before the match, nearest first.
    Left,
    /// By outlet, then the words after.
    Outlet,
    /// As the articles come.
    Article,
}

const AFTER_HELP: &str = "\
Examples:
  slant kwic invasion corpus.jsonl
  slant kwic \"illegal aliens\" seeds --sort left
  slant kwic --concept sanctuary seeds --format csv > sanctuary.csv
  slant kwic invasion corpus.jsonl --label lean --sort outlet --format html -o invasion.html

TERM is matched exactly as a lexicon term is (case, curly quotes and Unicode hyphens
ignored, whole words, a hyphen also matching a space); --concept and --variant list the
lexicon's own hits, as scored. `counts as` says what the lexicon counts at each line: the
side and weight it adds, `(longer hit)` when a longer lexicon phrase covers the match, or
`-` when it counts nothing there.";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct KwicArgs {
    /// The word or phrase to look for (leave it out with --concept or --variant).
    #[arg(value_name = "TERM")]
    pub term: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Every hit of this lexicon concept (its id).
    #[arg(long, value_name = "ID", conflicts_with = "variant")]
    pub concept: Option<String>,
    /// Every hit of this lexicon variant: its label, one of its terms, or CONCEPT/LABEL.
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = KwicFormat::Table)]
    pub format: KwicFormat,
    /// Order of the lines.
    #[arg(long, value_enum, default_value_t = KwicSort::Right)]
    pub sort: KwicSort,
    /// Characters of context on each side.
    #[arg(long, value_name = "CHARS", default_value_t = 40)]
    pub width: usize,
    /// Show this JSONL field of each article (e.g. `lean`) as a column.
    #[arg(long, value_name = "FIELD")]
    pub label: Option<String>,
    /// Write to FILE instead of standard output (atomically; never over an input).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

pub fn run(a: KwicArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine()?;
    let mut input_args = a.input.clone();
    let query = match (&a.concept, &a.variant, &a.term) {
        (Some(id), _, t) => {
            // The first positional was a path, not a term.
            input_args.paths.splice(0..0, t.iter().cloned());
            Query::concept(&engine.lexicon, id)?
        }
        (None, Some(spec), t) => {
            input_args.paths.splice(0..0, t.iter().cloned());
            Query::variant(&engine.lexicon, spec)?
        }
        (None, None, Some(t)) => Query::term(&engine, t)?,
        (None, None, None) => {
            bail!("say what to look for: a TERM (`slant kwic invasion corpus.jsonl`), --concept ID or --variant LABEL")
        }
    };
    if let Some(path) = &a.output {
        refuse_input(path, &input_args.paths)?;
    }
    let width = a.width.clamp(5, 500);
    let title = query.describe(&engine.lexicon);
    let inputs = input_args.inputs(term)?;
    let load_opts = LoadOptions {
        label_field: a.label.as_deref().map(Arc::from),
        ..input_args.load_opts()
    };
    let articles = input::load(&inputs, load_opts);
    let progress = Progress::auto("searching", &articles);
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut done = 0usize;
    let mut lines = Vec::new();
    let (eng, q) = (&engine, &query);
    batch::run_ordered(
        &pool,
        articles,
        move |art| {
            let warnings = art.warnings.clone();
            let size = art.text.len() as u64;
            (kwic::lines(q, &eng.analyze(art), width), warnings, size)
        },
        |r| -> Result<()> {
            match r {
                Ok((ls, warnings, size)) => {
                    progress.inc(size);
                    for w in warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    lines.extend(ls);
                    done += 1;
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    progress.finish();
    kwic::sort(
        &mut lines,
        match a.sort {
            KwicSort::Right => SortKey::Right,
            KwicSort::Left => SortKey::Left,
            KwicSort::Outlet => SortKey::Outlet,
            KwicSort::Article => SortKey::Article,
        },
    );
    let bytes = match a.format {
        KwicFormat::Table => {
            report::kwic::render_table(&engine, &title, &lines, width).into_bytes()
        }
        KwicFormat::Csv => report::kwic::render_csv(&engine, &lines),
        KwicFormat::Json => report::kwic::render_json(&engine, &title, &lines),
        KwicFormat::Html => {
            report::html::kwic_page(&engine, &title, &lines, a.label.as_deref()).into_bytes()
        }
    };
    match &a.output {
        Some(path) => {
            report::output::atomic_write(path, &bytes)?;
            writeln!(
                err,
                "slant: wrote {} line(s) to {}",
                lines.len(),
                path.display()
            )?;
        }
        None => {
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(problems.finish(done, err)?)
}

/// Refuse to write over an input file.
fn refuse_input(out: &Path, inputs: &[String]) -> Result<()> {
    let Ok(target) = out.canonicalize() else {
        return Ok(());
    };
    if inputs
        .iter()
        .filter(|p| *p != "-")
        .any(|p| Path::new(p).canonicalize().is_ok_and(|c| c == target))
    {
        bail!(
            "refusing to write over {}, which is an input",
            out.display()
        );
    }
    Ok(())
}
