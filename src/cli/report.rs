//! `slant report`: the classroom report, one self-contained folder.
//!
//! Writes (never over an input, never emptying an existing folder; every file is staged in
//! a hidden folder and moved into place at the end, `index.html` last, so a reader never
//! sees half a report and an interrupt leaves the old one as it was):
//! `index.html` (the set at a glance), `<stem>.html` per article (annotated text and
//! ledger), `<stem>.png` stance cards, `comparison.png`, `summary.csv` and `articles.jsonl`.
//!
//! With `--worksheet` the output folder gets two folders, one per reader: `student/`
//! (`index.html` and a worksheet per article: the plain text with numbered paragraphs and
//! blank tables, no scores, sides, colors, speakers, highlights or charts) and `teacher/`
//! (the full report above plus `answers.html`, the answer key: the overview and every
//! annotated article on one printable page). Nothing that gives an answer away is written
//! under `student/`. Each folder is staged and committed on its own, `teacher/` first.
//! File names come from `output::unique_stems`, so no article id can name a file outside
//! the folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::Args;

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::charts::{comparison, parse_size, write_charts, ChartOptions};
use crate::cli::shared::load::load_set;
use crate::cli::shared::out_dir::{is_in_input_folder, nested_output_warning, protected_inputs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::analysis::{Analysis, Engine};
use slant::report::chart::{ComparisonData, DEFAULT_SIZE};
use slant::report::output::{unique_stems, OutDir};
use slant::report::{csv, excerpt, html, json};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant report seeds                        reports/index.html and a page per article
  slant report articles/ --out class-5b     another folder
  slant report seeds --worksheet --out ws   ws/student/ (worksheets, no answers) and
                                            ws/teacher/ (the full report and answers.html)
  slant report seeds --show-neutral         also mark the plain (neutral) words")]
pub struct ReportArgs {
    /// Output folder (created if missing; files of the same name are replaced, nothing
    /// else is removed).
    #[arg(long, short = 'o', value_name = "DIR", default_value = "reports")]
    pub out: PathBuf,
    /// Worksheets for a class: DIR/student/ gets the articles without scores, colors,
    /// highlights or charts; DIR/teacher/ gets the full report and the answer key
    /// (answers.html).
    #[arg(long)]
    pub worksheet: bool,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Also mark neutral terms (the plain words, such as "deportation") in the text and
    /// list them in the ledger; by default only words that lean, and charged words, are
    /// marked.
    #[arg(long)]
    pub show_neutral: bool,
    /// Stance card size in pixels, WIDTHxHEIGHT; the comparison chart is drawn as wide.
    #[arg(long, value_name = "WxH", default_value = "1600x1000", value_parser = parse_size)]
    pub size: (u32, u32),
    /// Worker threads (0 = one per core; at most 1024, and never more than 4 per core).
    #[arg(long, short = 'j', default_value_t = 0, value_parser = crate::cli::shared::args::parse_threads)]
    pub threads: usize,
    #[command(flatten)]
    pub input: InputArgs,
}

/// The folder the full report goes to in worksheet mode, and the students' folder.
pub const TEACHER: &str = "teacher";
pub const STUDENT: &str = "student";

/// Every file the full report writes.
pub fn report_files(stems: &[String], answers: bool) -> Vec<String> {
    let mut names: Vec<String> = [
        "index.html",
        "comparison.png",
        "summary.csv",
        "articles.jsonl",
    ]
    .map(String::from)
    .to_vec();
    if answers {
        names.push("answers.html".to_string());
    }
    for s in stems {
        names.push(format!("{s}.html"));
        names.push(format!("{s}.png"));
    }
    names
}

/// Every file the students' folder gets.
pub fn student_files(stems: &[String]) -> Vec<String> {
    std::iter::once("index.html".to_string())
        .chain(stems.iter().map(|s| format!("{s}.html")))
        .collect()
}

/// Where each file goes: `(folder, file names)`.
fn plan(out: &Path, stems: &[String], worksheet: bool) -> Vec<(PathBuf, Vec<String>)> {
    if worksheet {
        vec![
            (out.join(TEACHER), report_files(stems, true)),
            (out.join(STUDENT), student_files(stems)),
        ]
    } else {
        vec![(out.to_path_buf(), report_files(stems, false))]
    }
}

/// Check before writing anything that no output would replace an input (a file read, or
/// an article file in an input folder even if none of it could be read), so a refused run
/// leaves no half-written report behind.
fn refuse_input_clash(
    plan: &[(PathBuf, Vec<String>)],
    protected: &[PathBuf],
    paths: &[String],
) -> Result<()> {
    let inputs: Vec<PathBuf> = protected
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    for (dir, names) in plan {
        for name in names {
            let path = dir.join(name);
            if let Ok(c) = path.canonicalize() {
                if inputs.contains(&c) || is_in_input_folder(&path, paths) {
                    bail!(
                        "refusing to write {}: it is one of the input files (choose another --out)",
                        path.display()
                    );
                }
            }
        }
    }
    Ok(())
}

/// A folder staged for writing, refusing every input (and every article file of an input
/// folder that this run would otherwise replace).
fn staged(dir: &Path, names: &[String], protected: &[PathBuf], paths: &[String]) -> Result<OutDir> {
    let mut protected = protected.to_vec();
    protected.extend(
        names
            .iter()
            .map(|n| dir.join(n))
            .filter(|p| is_in_input_folder(p, paths)),
    );
    Ok(OutDir::staged(dir, &protected)?)
}

/// Write the full report into `out` (and the answer key with `answers`).
#[allow(clippy::too_many_arguments)]
fn write_report(
    engine: &Engine,
    analyses: &mut [Analysis],
    stems: &[String],
    out: &OutDir,
    opts: ChartOptions,
    page: html::PageOptions,
    cmp: &ComparisonData,
    err: &mut dyn Write,
) -> Result<crate::cli::shared::charts::Written> {
    let charts = write_charts(engine, analyses, stems, out, opts, err)?;
    out.write("summary.csv", &csv::render(engine, analyses))?;
    // Streamed: the JSONL of a set (or of one article dense with terms) can be many times
    // the size of the articles.
    let mut jsonl = out.create("articles.jsonl")?;
    let writer = json::JsonlWriter::new(engine);
    for an in analyses.iter() {
        writer.write_to(an, &mut jsonl)?;
    }
    jsonl.finish()?;
    out.write(
        "index.html",
        html::index_page(engine, analyses, stems, cmp, page).as_bytes(),
    )?;
    // Pages show at most the first 2,000 hits of an article (and say so): the rest of
    // a huge article is dropped from memory here, after the charts, CSV, JSONL and index
    // have used all of it.
    for an in analyses.iter_mut() {
        excerpt::shorten_for_page(an);
    }
    for (an, stem) in analyses.iter().zip(stems) {
        out.write(
            &format!("{stem}.html"),
            html::article_page(engine, an, stem, page).as_bytes(),
        )?;
    }
    if page.answer_key {
        out.write(
            "answers.html",
            html::answers_page(engine, analyses, stems, cmp, page).as_bytes(),
        )?;
    }
    Ok(charts)
}

pub fn run(a: ReportArgs, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine_noting_warnings(err)?;
    let mut problems = Problems::default();
    let mut analyses = load_set(&a.input, &engine, a.threads, &mut problems, err, term)?;
    let stems = unique_stems(analyses.iter().map(|x| x.article.id.as_str()));
    let protected = protected_inputs(&a.input.paths, &analyses);
    let plan = plan(&a.out, &stems, a.worksheet);
    refuse_input_clash(&plan, &protected, &a.input.paths)?;
    // Every file goes to a staging folder first and is moved into place at the end, the
    // index last: until then the old report is whole, and an error or an interrupt leaves
    // it as it was.
    let (report_dir, report_names) = &plan[0];
    let out = staged(report_dir, report_names, &protected, &a.input.paths)?;
    let students = match plan.get(1) {
        Some((dir, names)) => Some(staged(dir, names, &protected, &a.input.paths)?),
        None => None,
    };
    if let Some(w) = nested_output_warning(&a.out, &a.input.paths) {
        writeln!(err, "slant: warning: {w}")?;
    }

    let opts = ChartOptions {
        threads: a.threads,
        size: a.size,
        ..ChartOptions::default()
    };
    let page = html::PageOptions {
        show_neutral: a.show_neutral,
        card_size: a.size,
        answer_key: a.worksheet,
    };
    let cmp = comparison(&engine, &analyses);
    let charts = write_report(&engine, &mut analyses, &stems, &out, opts, page, &cmp, err)?;
    out.commit(&["index.html"], Some(html::INTERRUPTED_PAGE.as_bytes()))?;
    if let Some(students) = students {
        students.write(
            "index.html",
            html::worksheet_index(&engine, &analyses, &stems).as_bytes(),
        )?;
        for (an, stem) in analyses.iter().zip(&stems) {
            students.write(
                &format!("{stem}.html"),
                html::worksheet_page(&engine, an).as_bytes(),
            )?;
        }
        students.commit(&["index.html"], Some(html::INTERRUPTED_PAGE.as_bytes()))?;
    }

    let n = analyses.len();
    let cards = if a.size == DEFAULT_SIZE {
        format!("{} stance card(s)", charts.cards)
    } else {
        format!(
            "{} stance card(s) of {}x{}",
            charts.cards, a.size.0, a.size.1
        )
    };
    if a.worksheet {
        let student = a.out.join(STUDENT);
        let teacher = a.out.join(TEACHER);
        writeln!(
            err,
            "slant: wrote worksheets for {n} article(s) to {}",
            a.out.display()
        )?;
        writeln!(
            err,
            "  for students: {}  (index.html and one worksheet per article, no scores or answers: share this folder)",
            dir_name(&student)
        )?;
        writeln!(
            err,
            "  for you:      {}  (answers.html, the answer key to print; index.html, the full report with {cards})",
            dir_name(&teacher)
        )?;
        if a.out.join("index.html").exists() {
            writeln!(
                err,
                "slant: warning: {} holds an earlier report with the answers (index.html): share only {}",
                a.out.display(),
                dir_name(&student)
            )?;
        }
    } else {
        writeln!(
            err,
            "slant: wrote index.html, {n} article page(s), {cards}, comparison.png, summary.csv and articles.jsonl to {}",
            a.out.display(),
        )?;
        writeln!(
            err,
            "  open {} in a browser (works offline, prints well)",
            a.out.join("index.html").display()
        )?;
    }
    let code = problems.finish(n, err)?;
    Ok(if charts.failed > 0 { code.max(1) } else { code })
}

/// A folder as a user types it, with a trailing slash.
fn dir_name(p: &Path) -> String {
    format!("{}/", p.display())
}
