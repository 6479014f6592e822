//! Human output for `slant lexicon check` and `slant lexicon test`.

use std::fmt::Write;
use std::path::Path;

use crate::examples::ExampleResult;
use crate::lexicon::{Checked, Lexicon, Severity};

/// Every diagnostic with its caret display, then a one-line verdict.
pub fn render_check(target: Option<&Path>, checked: &Checked) -> String {
    let mut o = String::new();
    let name = target
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "builtin lexicon".into());
    for d in &checked.diagnostics {
        let _ = writeln!(o, "{d}\n");
    }
    let errors = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = checked.diagnostics.len() - errors;
    match &checked.lexicon {
        Some(l) if warnings == 0 => {
            let terms: usize = l
                .concepts
                .iter()
                .flat_map(|c| &c.variants)
                .map(|v| v.terms.len())
                .sum();
            let _ = writeln!(
                o,
                "{name}: ok — {} {} ({}), {} sides, {} concepts, {} terms, {} actors",
                l.name,
                l.version,
                l.short_hash(),
                l.sides.len(),
                l.concepts.len(),
                terms,
                l.actors.len()
            );
        }
        _ => {
            let _ = writeln!(o, "{name}: {errors} error(s), {warnings} warning(s)");
        }
    }
    o
}

/// Failed examples with what matched instead, then a count.
pub fn render_test(lexicon: &Lexicon, results: &[ExampleResult], verbose: bool) -> String {
    let mut o = String::new();
    let failed: Vec<&ExampleResult> = results.iter().filter(|r| !r.passed).collect();
    for r in results {
        if r.passed && !verbose {
            continue;
        }
        let kind = if r.expect_match {
            "example"
        } else {
            "counter-example"
        };
        let verdict = if r.passed { "ok" } else { "FAIL" };
        let _ = writeln!(
            o,
            "{verdict}: {}/{} {kind}: “{}”",
            r.concept, r.variant, r.sentence
        );
        if !r.passed {
            if r.expect_match {
                let _ = writeln!(
                    o,
                    "  expected a hit of variant “{}” of `{}`",
                    r.variant, r.concept
                );
            } else {
                let _ = writeln!(
                    o,
                    "  expected NO hit of variant “{}” of `{}`",
                    r.variant, r.concept
                );
            }
            if r.matched.is_empty() {
                let _ = writeln!(o, "  matched instead: nothing");
            } else {
                for (text, c, v) in &r.matched {
                    let _ = writeln!(o, "  matched: “{text}” → {c}/{v}");
                }
            }
        }
    }
    let _ = writeln!(
        o,
        "{} {}: {} example sentences, {} passed, {} failed",
        lexicon.name,
        lexicon.version,
        results.len(),
        results.len() - failed.len(),
        failed.len()
    );
    o
}
