//! `slant explain`: the ledger for one article.

use std::io::Write;

use anyhow::{bail, Result};

use crate::analysis::Analysis;
use crate::cli::{engine, load_all, ExplainArgs, Problems};
use crate::input::{Input, LoadOptions};
use crate::report;

pub fn run(a: ExplainArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let engine = engine(&a.lexicon)?;
    let opts = LoadOptions {
        jsonl: a.jsonl,
        ..LoadOptions::default()
    };
    let mut problems = Problems::default();
    let all = load_all(
        &[Input::parse(&a.path)],
        opts,
        &engine,
        1,
        &mut problems,
        err,
    )?;
    let chosen: Vec<&Analysis> = match &a.id {
        Some(id) => all.iter().filter(|x| &x.article.id == id).collect(),
        None => all.iter().take(1).collect(),
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
    for an in chosen {
        out.write_all(report::explain::render(&engine, an).as_bytes())?;
    }
    Ok(0)
}
