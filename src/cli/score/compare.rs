//! `slant score --lexicon NEW --baseline-lexicon OLD [--watch]`: score every article with
//! both lexicons and show what moved and why; with `--watch`, again after every change to
//! a lexicon file (every file of its `extends` chain is watched).
//!
//! Part of the `score` subcommand (its flags); the comparison itself is the library's
//! `authoring::delta`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context, Result};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::analysis::Engine;
use slant::authoring::delta::{self, ArticleDelta, Comparison, LexiconRef};
use slant::batch;
use slant::input::{self, Input};
use slant::lexicon::{Lexicon, LexiconError, Limits};
use slant::report;

/// What a comparison writes: a table, one JSON document, or one JSON line per article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Jsonl,
}

/// The `score` flags a comparison uses.
pub struct Options<'a> {
    pub input: &'a InputArgs,
    /// The new lexicon (`--lexicon`).
    pub lexicon: &'a LexiconArgs,
    /// The old one (`--baseline-lexicon`); without it, the new lexicon as it was when
    /// watching began.
    pub baseline_lexicon: Option<&'a PathBuf>,
    pub watch: bool,
    pub format: Format,
    pub threads: usize,
}

/// How often `--watch` looks at the lexicon files.
const POLL: Duration = Duration::from_millis(500);

pub fn run(a: Options, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let inputs = a.input.inputs(term)?;
    if a.watch && inputs.contains(&Input::Stdin) {
        bail!("--watch re-reads the articles after every change, so it cannot read standard input; give files or folders");
    }
    let limits = a.lexicon.limits();
    let new = a.lexicon.load()?;
    let baseline = match a.baseline_lexicon {
        Some(p) => load(p, limits).context("cannot load the baseline lexicon")?,
        None => new.clone(),
    };
    let mut baseline = Engine::new(baseline).context("cannot compile the baseline lexicon")?;
    let mut engine = Engine::new(new).context("cannot compile the lexicon")?;
    let code = compare(&a, &inputs, &baseline, &engine, out, err)?;
    out.flush()?;
    if !a.watch {
        return Ok(code);
    }

    // --watch: poll the files' modification times; Ctrl-C ends the process. Every file
    // of an `extends` chain is watched, not just the one named on the command line.
    let watched = |engine: &Engine, baseline: &Engine| -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = Vec::new();
        let chains = [Some(engine), a.baseline_lexicon.as_ref().map(|_| baseline)];
        for l in chains.into_iter().flatten() {
            for s in &l.lexicon.sources {
                let p = PathBuf::from(s);
                if !is_builtin(&p) && !files.contains(&p) {
                    files.push(p);
                }
            }
        }
        files
    };
    let mut files = watched(&engine, &baseline);
    if files.is_empty() {
        bail!("--watch needs --lexicon to name a YAML file (built-in lexicons never change)");
    }
    writeln!(
        err,
        "slant: watching {} for changes (Ctrl-C to stop)",
        files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" and ")
    )?;
    let mut seen = stamps(&files);
    loop {
        std::thread::sleep(POLL);
        let now = stamps(&files);
        if now == seen {
            continue;
        }
        seen = now;
        let when = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        writeln!(
            out,
            "\n──────── {} · lexicon changed, scoring again ────────\n",
            utc_timestamp(when)
        )?;
        let reloaded = a
            .lexicon
            .load()
            .and_then(|l| Engine::new(l).context("cannot compile the lexicon"));
        match reloaded {
            Ok(e) => engine = e,
            Err(e) => {
                writeln!(
                    out,
                    "{e:#}\n(still watching: fix the file and save it again)"
                )?;
                out.flush()?;
                continue;
            }
        }
        if let Some(p) = a.baseline_lexicon {
            if !is_builtin(p) {
                match load(p, limits).and_then(|l| Ok(Engine::new(l)?)) {
                    Ok(e) => baseline = e,
                    Err(e) => {
                        writeln!(out, "baseline: {e:#}\n(still watching)")?;
                        out.flush()?;
                        continue;
                    }
                }
            }
        }
        // An edit may have changed what the lexicons extend.
        files = watched(&engine, &baseline);
        seen = stamps(&files);
        compare(&a, &inputs, &baseline, &engine, out, err)?;
        out.flush()?;
    }
}

fn is_builtin(p: &Path) -> bool {
    p.to_str().is_some_and(|s| s.starts_with("builtin:"))
}

fn load(p: &Path, limits: Limits) -> Result<Lexicon> {
    Lexicon::load(Some(p), limits).map_err(|e| match e {
        LexiconError::Invalid(_) => anyhow::anyhow!("{e}"),
        other => anyhow::Error::new(other),
    })
}

/// Modification time and length of each file (None when unreadable).
fn stamps(files: &[PathBuf]) -> Vec<Option<(SystemTime, u64)>> {
    files
        .iter()
        .map(|p| {
            std::fs::metadata(p)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())))
        })
        .collect()
}

/// `YYYY-MM-DD HH:MM:SS UTC` for seconds since 1970, with std only.
pub fn utc_timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Score every article with both lexicons and write the comparison.
fn compare(
    a: &Options,
    inputs: &[Input],
    baseline: &Engine,
    engine: &Engine,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8> {
    let changes = delta::lexicon_changes(&baseline.lexicon, &engine.lexicon);
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut done = 0usize;
    let mut changed = 0usize;
    let mut collected: Vec<ArticleDelta> = Vec::new();
    let format = a.format;
    if format == Format::Table {
        out.write_all(
            report::delta::header(&baseline.lexicon, &engine.lexicon, &changes).as_bytes(),
        )?;
    }
    batch::run_ordered(
        &pool,
        input::load(inputs, a.input.load_opts()),
        |art| {
            let warnings = art.warnings.clone();
            let before = baseline.analyze(art.clone());
            let after = engine.analyze(art);
            (
                delta::article_delta(baseline, engine, &before, &after),
                warnings,
            )
        },
        |r| -> Result<()> {
            match r {
                Ok((d, warnings)) => {
                    for w in warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    done += 1;
                    changed += usize::from(!d.unchanged());
                    match format {
                        Format::Table => {
                            out.write_all(report::delta::article(&engine.lexicon, &d).as_bytes())?
                        }
                        Format::Jsonl => {
                            serde_json::to_writer(&mut *out, &d)?;
                            out.write_all(b"\n")?;
                        }
                        Format::Json => collected.push(d),
                    }
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    match format {
        Format::Table => out.write_all(report::delta::footer(done, changed).as_bytes())?,
        Format::Json => {
            let cmp = Comparison {
                baseline: LexiconRef::of(&baseline.lexicon),
                lexicon: LexiconRef::of(&engine.lexicon),
                changes,
                articles: collected,
            };
            serde_json::to_writer_pretty(&mut *out, &cmp)?;
            out.write_all(b"\n")?;
        }
        Format::Jsonl => {}
    }
    Ok(problems.finish(done, err)?)
}

#[cfg(test)]
mod tests {
    use super::utc_timestamp;

    #[test]
    fn timestamps_are_civil_utc() {
        assert_eq!(utc_timestamp(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc_timestamp(1_735_689_599), "2024-12-31 23:59:59 UTC");
    }
}
