//! `slant lexicon …`: check, test (and later coverage) for lexicon files.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::analysis::Engine;
use crate::cli::{CheckArgs, TestArgs};
use crate::lexicon::{self, Lexicon, Limits, Severity};
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
    for target in lexicon_targets(&a.files) {
        let checked = lexicon::check(target.as_deref(), Limits::default());
        errors += checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        warnings += checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        out.write_all(report::lexicon::render_check(target.as_deref(), &checked).as_bytes())?;
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
    for target in lexicon_targets(&a.files) {
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
