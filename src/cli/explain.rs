//! `slant explain`: the ledger for one article.

use std::io::Write;

use anyhow::{bail, Result};
use clap::Args;

use crate::cli::shared::args::LexiconArgs;
use crate::cli::shared::load::load_all;
use crate::cli::shared::problems::Problems;
use slant::input::{Input, LoadOptions};
use slant::report;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant explain seeds/000_f667bd81ae114d19.txt
  slant explain corpus.jsonl --id story-42      one article of a JSONL file
  slant explain story.txt --lexicon my.yaml     with another lexicon")]
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

pub fn run(a: ExplainArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let engine = a.lexicon.engine_noting_warnings(err)?;
    let opts = LoadOptions {
        jsonl: a.jsonl,
        ..LoadOptions::default()
    };
    let mut problems = Problems::default();
    let mut all = load_all(
        &[Input::parse(&a.path)],
        opts,
        &engine,
        1,
        &mut problems,
        err,
    )?;
    let chosen: Vec<usize> = match &a.id {
        Some(id) => (0..all.len())
            .filter(|&i| &all[i].article.id == id)
            .collect(),
        None => (0..all.len()).take(1).collect(),
    };
    if chosen.is_empty() {
        if let Some(id) = &a.id {
            let ids: Vec<&str> = all.iter().map(|x| x.article.id.as_str()).take(10).collect();
            bail!(
                "no article with id `{id}` in {}; ids there include: {}",
                a.path,
                ids.join(", ")
            );
        }
        if let Some(e) = problems.failed.first() {
            bail!("cannot explain {}: {}", a.path, e.message);
        }
        bail!("no article found in {}", a.path);
    }
    if a.id.is_none() && all.len() > 1 {
        writeln!(
            err,
            "slant: {} holds {} articles; explaining the first (choose one with --id)",
            a.path,
            all.len()
        )?;
    }
    for i in chosen {
        // A ledger of a million hits is not one a student can check: the first 2,000
        // are shown, with a warning that says so (the scores are the whole article's).
        let an = &mut all[i];
        report::excerpt::shorten_for_page(an);
        // Article and lexicon text is shown as is: no control character may reach the
        // terminal (an `ESC [2J` in a title would clear it).
        let ledger = report::explain::render(&engine, an);
        out.write_all(report::sanitize::terminal_block(&ledger).as_bytes())?;
    }
    Ok(0)
}
