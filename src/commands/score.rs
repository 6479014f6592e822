//! `slant score`: stream articles through the pipeline and write a table, JSON, JSONL or
//! CSV as results arrive, in input order.

use std::io::Write;

use anyhow::Result;

use crate::batch;
use crate::cli::{engine, inputs, load_opts, ColorChoice, Format, Problems, ScoreArgs, Terminal};
use crate::input;
use crate::report;

pub fn run(a: ScoreArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    if a.baseline_lexicon.is_some() || a.watch {
        return crate::commands::delta::run(a, out, err, term);
    }
    let engine = engine(&a.lexicon)?;
    let inputs = inputs(&a.input, term)?;
    let articles = input::load(&inputs, load_opts(&a.input));
    let progress = report::progress::Progress::auto("scoring", &articles);
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
        Format::Table => out.write_all(report::table::header(&engine).as_bytes())?,
        Format::Json => out.write_all(b"[")?,
        Format::Csv => out.write_all(&report::csv::encode_record(&report::csv::header(&engine)))?,
        Format::Jsonl => {}
    }
    let format = a.format;
    let eng = &engine;
    let jsonl = report::json::JsonlWriter::new(&engine);
    let jsonl = &jsonl;
    let render = move |art: input::Article| -> (Vec<u8>, Vec<String>, u64) {
        let warnings = art.warnings.clone();
        let size = art.text.len() as u64;
        let an = eng.analyze(art);
        let bytes = match format {
            Format::Table => report::table::row(eng, &an, color).into_bytes(),
            Format::Jsonl => jsonl.line(&an),
            Format::Json => serde_json::to_vec_pretty(&report::json::article_json(eng, &an))
                .expect("JSON types serialize"),
            Format::Csv => report::csv::encode_record(&report::csv::row(eng, &an)),
        };
        (bytes, warnings, size)
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
                gather.push(out, bytes)?;
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
        Format::Table => out.write_all(report::table::footer(&engine, done).as_bytes())?,
        _ => {}
    }
    out.flush()?;
    Ok(problems.finish(done, err)?)
}
