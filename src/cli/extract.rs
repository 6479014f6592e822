//! `slant extract`: write what slant reads from each input — id, title, outlet, date, url,
//! author, where the text came from, and the text — as JSONL (one record a line, ready for
//! `slant score --jsonl`) or as `.txt` files with front matter, so a folder of saved pages
//! or Word documents becomes a corpus anyone can inspect, fix and score.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use crate::cli::shared::args::InputArgs;
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::input::{self, export, Article};
use slant::report::output::{unique_stems, OutDir};

/// Output formats of `slant extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object a line: id, title, outlet, date, url, author, text_source, text.
    Jsonl,
    /// Plain text with the metadata as YAML front matter (one file per article with --out).
    Txt,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  slant extract saved-pages/ > corpus.jsonl        then: slant score corpus.jsonl\n  slant extract page.html --format txt              the text slant scores, on screen\n  slant extract saved-pages/ --format txt --out texts/   one .txt per article"
)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write into this folder (corpus.jsonl, or one ID.txt per article) instead of
    /// standard output.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Run `slant extract`. Returns the exit code.
pub fn run(a: ExtractArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let inputs = a.input.inputs(term)?;
    let mut problems = Problems::default();
    let mut articles: Vec<Article> = Vec::new();
    let mut done = 0usize;
    let dir = a.out.as_deref();
    for item in input::load(&inputs, a.input.load_opts()) {
        match item {
            Ok(art) => {
                for w in &art.warnings {
                    writeln!(err, "slant: warning: {w}")?;
                }
                done += 1;
                match (dir, a.format) {
                    (None, Format::Jsonl) => out.write_all(export::jsonl_line(&art).as_bytes())?,
                    (None, Format::Txt) => {
                        if done > 1 {
                            out.write_all(b"\n")?;
                        }
                        out.write_all(export::txt_file(&art).as_bytes())?
                    }
                    (Some(_), _) => articles.push(art),
                }
            }
            Err(e) => problems.record(e, err)?,
        }
    }
    if let Some(dir) = dir {
        if articles.is_empty() && problems.failed.is_empty() {
            bail!("no articles found in {}", a.input.paths.join(", "));
        }
        let protected = protected(&a.input.paths, &articles);
        let outdir = OutDir::new(dir, &protected)?;
        match a.format {
            Format::Jsonl => {
                let body: String = articles.iter().map(export::jsonl_line).collect();
                let path = outdir.write("corpus.jsonl", body.as_bytes())?;
                writeln!(
                    err,
                    "slant: wrote {} article(s) to {}",
                    articles.len(),
                    path.display()
                )?;
            }
            Format::Txt => {
                let stems = unique_stems(articles.iter().map(|a| a.id.as_str()));
                for (art, stem) in articles.iter().zip(stems) {
                    outdir.write(&format!("{stem}.txt"), export::txt_file(art).as_bytes())?;
                }
                writeln!(
                    err,
                    "slant: wrote {} .txt file(s) to {}",
                    articles.len(),
                    dir.display()
                )?;
            }
        }
    } else if done == 0 && problems.failed.is_empty() && problems.skipped.is_empty() {
        bail!("no articles found in {}", a.input.paths.join(", "));
    }
    Ok(problems.finish(done, err)?)
}

/// The files that must never be overwritten: every input path and every article's file.
fn protected(paths: &[String], articles: &[Article]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = paths
        .iter()
        .filter(|p| *p != "-")
        .map(PathBuf::from)
        .collect();
    for a in articles {
        let src = a.source.as_str();
        let file = match src.rsplit_once(':') {
            Some((f, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => f,
            _ => src,
        };
        if file != "-" {
            out.push(PathBuf::from(file));
        }
    }
    out
}
