//! `slant lexicon …`: check, test (and later coverage) for lexicon files.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::analysis::Engine;
use crate::cli::{CheckArgs, CheckFormat, TestArgs};
use crate::lexicon::{self, Lexicon, Limits};
use crate::report;

fn lexicon_targets(files: &[PathBuf]) -> Vec<Option<PathBuf>> {
    if files.is_empty() {
        lexicon::BUILTIN
            .iter()
            .map(|(n, _, _)| Some(PathBuf::from(format!("builtin:{n}"))))
            .collect()
    } else {
        files.iter().cloned().map(Some).collect()
    }
}

pub fn check(a: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    let mut errors = 0;
    let mut warnings = 0;
    let mut results = Vec::new();
    for (i, target) in lexicon_targets(&a.files).into_iter().enumerate() {
        let checked = lexicon::check(target.as_deref(), Limits::default());
        let (e, w) = checked.counts();
        errors += e;
        warnings += w;
        match a.format {
            CheckFormat::Text => {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(
                    report::lexicon::render_check(target.as_deref(), &checked).as_bytes(),
                )?;
            }
            CheckFormat::Json => {
                let name = target
                    .as_deref()
                    .map_or_else(String::new, |p| p.display().to_string());
                results.push((name, checked));
            }
        }
    }
    if a.format == CheckFormat::Json {
        out.write_all(&report::lexicon::render_check_json(&results))?;
    }
    Ok(if errors > 0 {
        2
    } else if warnings > 0 && a.strict {
        1
    } else {
        0
    })
}

pub fn test(a: TestArgs, out: &mut dyn Write) -> Result<u8> {
    let mut failed = 0;
    for (i, target) in lexicon_targets(&a.files).into_iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        let lexicon = Lexicon::load(target.as_deref(), Limits::default())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let engine = Engine::new(lexicon)?;
        let results = crate::examples::run(&engine.lexicon, engine.matcher());
        failed += results.iter().filter(|r| !r.passed).count();
        out.write_all(
            report::lexicon::render_test(&engine.lexicon, &results, a.verbose).as_bytes(),
        )?;
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

/// Output formats of `slant lexicon coverage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CoverageFormat {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub input: crate::cli::InputArgs,
    #[command(flatten)]
    pub lexicon: crate::cli::LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CoverageFormat::Table)]
    pub format: CoverageFormat,
    /// How many suggested phrases to list (0 = none).
    #[arg(long, value_name = "N", default_value_t = crate::coverage::Options::default().suggestions)]
    pub suggestions: usize,
    /// Words on each side of a loaded term that count as "near" for suggestions.
    #[arg(long, value_name = "WORDS", default_value_t = crate::coverage::Options::default().window)]
    pub window: usize,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

/// `slant lexicon coverage`: how often each entry fires on a corpus, what never fires, and
/// phrases near loaded terms worth a look.
pub fn coverage(
    a: CoverageArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
    term: crate::cli::Terminal,
) -> Result<u8> {
    use crate::cli::{engine, inputs, load_opts, Problems};
    let engine = engine(&a.lexicon)?;
    let inputs = inputs(&a.input, term)?;
    let opts = crate::coverage::Options {
        window: a.window,
        suggestions: a.suggestions,
    };
    let pool = crate::batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut builder = crate::coverage::CoverageBuilder::new();
    let eng = &engine;
    crate::batch::run_ordered(
        &pool,
        crate::input::load(&inputs, load_opts(&a.input)),
        move |art| {
            let warnings = art.warnings.clone();
            let an = eng.analyze(art);
            (crate::coverage::article(eng, &an, opts), warnings)
        },
        |r| -> Result<()> {
            match r {
                Ok((ac, warnings)) => {
                    for w in warnings {
                        writeln!(err, "slant: warning: {w}")?;
                    }
                    builder.add(ac);
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    let cov = builder.finish(&engine.lexicon, opts);
    if cov.articles == 0 {
        anyhow::bail!("no article could be read, so there is nothing to measure");
    }
    match a.format {
        CoverageFormat::Table => {
            out.write_all(report::lexicon::render_coverage(&cov).as_bytes())?
        }
        CoverageFormat::Json => out.write_all(&report::lexicon::render_coverage_json(&cov))?,
    }
    Ok(problems.finish(cov.articles as usize, err)?)
}
