//! `slant report`: the classroom report, one self-contained folder.
//!
//! Writes (never over an input, never emptying an existing folder; every file is staged in
//! a hidden folder and moved into place at the end, `index.html` last, so a reader never
//! sees half a report and an interrupt leaves the old one as it was):
//! `index.html` (the set at a glance), `<stem>.html` per article (annotated text and
//! ledger), `<stem>.png` stance cards, `comparison.png`, `summary.csv` and `articles.jsonl`.
//! With `--worksheet` the article pages and the index are student worksheets (no scores,
//! sides, colors, speakers or highlights) and `answers.html` is the answer key: the normal
//! overview and every annotated article on one page. File names come from
//! `output::unique_stems`, so no article id can name a file outside the folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Args;

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::charts::{comparison, write_charts, ChartOptions};
use crate::cli::shared::load::load_set;
use crate::cli::shared::out_dir::{is_in_input_folder, nested_output_warning, protected_inputs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::report::output::{unique_stems, OutDir};
use slant::report::{csv, excerpt, html, json};

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output folder (created if missing; files of the same name are replaced, nothing
    /// else is removed).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Student worksheets instead of annotated pages (no scores, colors or highlights),
    /// plus the answer key in answers.html.
    #[arg(long)]
    pub worksheet: bool,
    /// Worker threads (0 = one per core; at most 1024, and never more than 4 per core).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = crate::cli::shared::args::parse_threads)]
    pub threads: usize,
}

/// Every file name the report writes.
pub fn file_names(stems: &[String], worksheet: bool) -> Vec<String> {
    let mut names: Vec<String> = [
        "index.html",
        "comparison.png",
        "summary.csv",
        "articles.jsonl",
    ]
    .map(String::from)
    .to_vec();
    if worksheet {
        names.push("answers.html".to_string());
    }
    for s in stems {
        names.push(format!("{s}.html"));
        names.push(format!("{s}.png"));
    }
    names
}

/// Check before writing anything that no output would replace an input (a file read, or
/// an article file in an input folder even if none of it could be read), so a refused run
/// leaves no half-written report behind.
fn refuse_input_clash(
    dir: &Path,
    stems: &[String],
    worksheet: bool,
    protected: &[PathBuf],
    paths: &[String],
) -> Result<()> {
    let inputs: Vec<PathBuf> = protected
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    for name in file_names(stems, worksheet) {
        let path = dir.join(&name);
        if let Ok(c) = path.canonicalize() {
            if inputs.contains(&c) || is_in_input_folder(&path, paths) {
                bail!(
                    "refusing to write {}: it is one of the input files (choose another --out)",
                    path.display()
                );
            }
        }
    }
    Ok(())
}

pub fn run(a: ReportArgs, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine()?;
    let mut problems = Problems::default();
    let analyses = load_set(&a.input, &engine, a.threads, &mut problems, err, term)?;
    let stems = unique_stems(analyses.iter().map(|x| x.article.id.as_str()));
    let mut protected = protected_inputs(&a.input.paths, &analyses);
    refuse_input_clash(&a.out, &stems, a.worksheet, &protected, &a.input.paths)?;
    protected.extend(
        file_names(&stems, a.worksheet)
            .iter()
            .map(|n| a.out.join(n))
            .filter(|p| is_in_input_folder(p, &a.input.paths)),
    );
    // Every file goes to a staging folder first and is moved into place at the end, the
    // index last: until then the old report is whole, and an error or an interrupt leaves
    // it as it was.
    let out = OutDir::staged(&a.out, &protected)?;
    if let Some(w) = nested_output_warning(&a.out, &a.input.paths) {
        writeln!(err, "slant: warning: {w}")?;
    }

    let opts = ChartOptions {
        threads: a.threads,
        ..ChartOptions::default()
    };
    let charts = write_charts(&engine, &analyses, &stems, &out, opts, err)?;
    let cmp = comparison(&engine, &analyses);

    out.write("summary.csv", &csv::render(&engine, &analyses))?;
    // Streamed: the JSONL of a set (or of one article dense with terms) can be many times
    // the size of the articles.
    let mut jsonl = out.create("articles.jsonl")?;
    let writer = json::JsonlWriter::new(&engine);
    for an in &analyses {
        writer.write_to(an, &mut jsonl)?;
    }
    jsonl.finish()?;
    if a.worksheet {
        out.write(
            "index.html",
            html::worksheet_index(&engine, &analyses, &stems).as_bytes(),
        )?;
    } else {
        out.write(
            "index.html",
            html::index_page(&engine, &analyses, &stems, &cmp).as_bytes(),
        )?;
    }
    // Pages show at most the first 2,000 hits of an article (and say so): the rest of
    // a huge article is dropped from memory here, after the charts, CSV, JSONL and index
    // have used all of it.
    let mut analyses = analyses;
    for an in &mut analyses {
        excerpt::shorten_for_page(an);
    }
    for (an, stem) in analyses.iter().zip(&stems) {
        let page = if a.worksheet {
            html::worksheet_page(&engine, an)
        } else {
            html::article_page(&engine, an, stem)
        };
        out.write(&format!("{stem}.html"), page.as_bytes())?;
    }
    if a.worksheet {
        out.write(
            "answers.html",
            html::answers_page(&engine, &analyses, &stems, &cmp).as_bytes(),
        )?;
    }
    out.commit(&["index.html"], Some(html::INTERRUPTED_PAGE.as_bytes()))?;

    let dir = a.out.display();
    let n = analyses.len();
    let pages = if a.worksheet { "worksheet" } else { "article" };
    writeln!(
        err,
        "slant: wrote index.html, {n} {pages} page(s), {}{} stance card(s), comparison.png, summary.csv and articles.jsonl to {dir}",
        if a.worksheet { "answers.html, " } else { "" },
        charts.cards,
    )?;
    let index = a.out.join("index.html");
    if a.worksheet {
        writeln!(
            err,
            "  for students: open {}\n  answer key (keep it to yourself): {}",
            index.display(),
            a.out.join("answers.html").display()
        )?;
    } else {
        writeln!(
            err,
            "  open {} in a browser (works offline, prints well)",
            index.display()
        )?;
    }
    let code = problems.finish(n, err)?;
    Ok(if charts.failed > 0 { code.max(1) } else { code })
}
