//! Output for `slant lexicon check` (text or JSON), `test` and `coverage`.

use std::fmt::Write;
use std::path::Path;

use crate::authoring::examples::ExampleResult;
use crate::lexicon::{Checked, Lexicon, Severity};
use crate::report::format::pad_right;

/// Every diagnostic with its caret display, then a one-line verdict.
pub fn render_check(target: Option<&Path>, checked: &Checked) -> String {
    let mut o = String::new();
    let name = target
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "builtin lexicon".into());
    for d in &checked.diagnostics {
        let _ = writeln!(o, "{d}\n");
    }
    let (errors, warnings) = checked.counts();
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

/// Failed examples with what matched instead and a hint, then a count.
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
        let verdict = if r.passed { "ok  " } else { "FAIL" };
        let _ = writeln!(o, "{verdict} {} / {} — {kind}", r.concept, r.variant);
        let _ = writeln!(o, "     “{}”", r.sentence);
        if r.passed {
            continue;
        }
        let matched: Vec<String> = r
            .matched
            .iter()
            .map(|(text, c, v)| format!("“{text}” → {c} / {v}"))
            .collect();
        let found = if matched.is_empty() {
            "nothing".to_string()
        } else {
            matched.join(", ")
        };
        if r.expect_match {
            let _ = writeln!(
                o,
                "     expected a hit of “{}”; matched instead: {found}",
                r.variant
            );
            let hint = if r.matched.is_empty() {
                "no term of this variant occurs as a whole word in the sentence: check the spelling, and list every word form (plural, verb form) as its own term"
            } else {
                "another term claimed these words first (the leftmost match wins, then the longest): use this variant's own wording in the example, or adjust the overlapping term"
            };
            let _ = writeln!(o, "     hint: {hint}");
        } else {
            let _ = writeln!(
                o,
                "     expected NO hit of “{}”, but matched: {found}",
                r.variant
            );
            let _ = writeln!(o, "     hint: a counter-example shows what the variant must not catch; narrow the term (a longer phrase, or `case_sensitive: true`) or drop the counter-example if the match is right");
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

/// Wrap a comma-separated list at `width` characters, indenting continuation lines.
fn wrap_list(items: &[String], indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}, ")
        } else {
            item.clone()
        };
        if line.chars().count() + piece.trim_end().chars().count() > width
            && !line.trim().is_empty()
        {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        line.push_str(&piece);
    }
    if !line.trim().is_empty() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `slant lexicon coverage` as a table: entries that fired, entries that never fired, and
/// the labelled suggestions.
pub fn render_coverage(c: &crate::authoring::coverage::Coverage) -> String {
    use crate::report::format::ellipsize;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Coverage of lexicon {} {} ({}) on {} article(s), {} words",
        c.lexicon,
        c.version,
        &c.sha256[..8.min(c.sha256.len())],
        c.articles,
        c.words
    );
    let mut fired: Vec<&crate::authoring::coverage::EntryCoverage> =
        c.entries.iter().filter(|e| e.hits > 0).collect();
    fired.sort_by_key(|e| std::cmp::Reverse(e.hits));
    let _ = writeln!(
        o,
        "\nENTRIES THAT FIRED ({} of {} variants)",
        fired.len(),
        c.variants_total
    );
    if fired.is_empty() {
        let _ = writeln!(
            o,
            "  none: no term of this lexicon occurs in these articles"
        );
    } else {
        let _ = writeln!(
            o,
            "{} {} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}  TOP TERMS",
            pad_right("CONCEPT / VARIANT", 44),
            pad_right("SIDE", 16),
            "HITS",
            "NARR",
            "QUOTED",
            "REPORT",
            "SCARE",
            "ARTICLES"
        );
        for e in fired {
            let mut terms: Vec<&crate::authoring::coverage::TermCoverage> =
                e.terms.iter().filter(|t| t.hits > 0).collect();
            terms.sort_by_key(|t| std::cmp::Reverse(t.hits));
            let mut top: Vec<String> = terms
                .iter()
                .take(3)
                .map(|t| format!("{} ×{}", t.term, t.hits))
                .collect();
            if e.pattern_hits > 0 {
                top.push(format!("(patterns) ×{}", e.pattern_hits));
            }
            let _ = writeln!(
                o,
                "{} {} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}  {}",
                pad_right(
                    &ellipsize(&format!("{} / {}", e.concept, e.variant), 44),
                    44
                ),
                pad_right(&ellipsize(&e.side, 16), 16),
                e.hits,
                e.narrator,
                e.quoted,
                e.reported,
                e.scare_quoted,
                e.articles,
                top.join(", ")
            );
        }
    }
    let nf = &c.never_fired;
    let _ = writeln!(
        o,
        "\nNEVER FIRED: {} of {} concepts, {} more variants, {} of {} terms",
        nf.concepts.len(),
        c.concepts_total,
        nf.variants.len(),
        nf.terms.len(),
        c.terms_total
    );
    if !nf.concepts.is_empty() {
        let _ = writeln!(o, "  concepts with no hit at all:");
        o.push_str(&wrap_list(&nf.concepts, "    ", 96));
    }
    if !nf.variants.is_empty() {
        let _ = writeln!(
            o,
            "  variants with no hit (their concept fired through another variant):"
        );
        o.push_str(&wrap_list(&nf.variants, "    ", 96));
    }
    let _ = writeln!(
        o,
        "  (every silent term is listed with --format json; a silent entry is not wrong, the corpus may just not use it)"
    );
    let _ = writeln!(
        o,
        "\n{}",
        crate::authoring::suggestions::SUGGESTIONS_LABEL.to_uppercase()
    );
    let _ = writeln!(o, "{}", crate::authoring::suggestions::SUGGESTIONS_EXPLAIN);
    if c.suggestions.is_empty() {
        let _ = writeln!(
            o,
            "  none: no phrase recurs near loaded terms in two or more articles"
        );
    } else {
        let _ = writeln!(
            o,
            "{} {:>6} {:>8}  NEAR CONCEPTS",
            pad_right("PHRASE", 32),
            "NEAR",
            "ARTICLES"
        );
        for s in &c.suggestions {
            let _ = writeln!(
                o,
                "{} {:>6} {:>8}  {}",
                pad_right(&ellipsize(&s.phrase, 32), 32),
                s.near,
                s.articles,
                s.concepts.join(", ")
            );
        }
    }
    o
}

/// `slant lexicon coverage --format json`.
pub fn render_coverage_json(c: &crate::authoring::coverage::Coverage) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(c).expect("coverage serializes");
    v.push(b'\n');
    v
}

/// Version of the `lexicon check --format json` document.
pub const CHECK_SCHEMA_VERSION: u32 = 1;

#[derive(serde::Serialize)]
struct CheckJson<'a> {
    schema_version: u32,
    lexicons: Vec<CheckedJson<'a>>,
}

#[derive(serde::Serialize)]
struct CheckedJson<'a> {
    /// The file as given, or `builtin:NAME`.
    target: String,
    ok: bool,
    errors: usize,
    warnings: usize,
    /// Name, version and hash when the lexicon loaded.
    name: Option<&'a str>,
    version: Option<&'a str>,
    sha256: Option<&'a str>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(serde::Serialize)]
struct DiagnosticJson<'a> {
    severity: &'static str,
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    /// Where in the YAML document, as `concepts[3].variants[0].side`.
    path: String,
    message: &'a str,
    hint: Option<&'a str>,
    note: Option<&'a str>,
}

/// `slant lexicon check --format json`: one document for every lexicon checked, for
/// editors and CI (the same diagnostics as the text output, with positions as fields).
pub fn render_check_json(results: &[(String, Checked)]) -> Vec<u8> {
    let doc = CheckJson {
        schema_version: CHECK_SCHEMA_VERSION,
        lexicons: results
            .iter()
            .map(|(target, c)| {
                let (errors, warnings) = c.counts();
                CheckedJson {
                    target: target.clone(),
                    ok: c.lexicon.is_some() && errors == 0,
                    errors,
                    warnings,
                    name: c.lexicon.as_ref().map(|l| l.name.as_str()),
                    version: c.lexicon.as_ref().map(|l| l.version.as_str()),
                    sha256: c.lexicon.as_ref().map(|l| l.sha256.as_str()),
                    diagnostics: c
                        .diagnostics
                        .iter()
                        .map(|d| DiagnosticJson {
                            severity: match d.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                            },
                            file: &d.origin,
                            line: d.line,
                            column: d.column,
                            path: crate::lexicon::path_string(&d.path),
                            message: &d.message,
                            hint: d.hint.as_deref(),
                            note: d.note.as_deref(),
                        })
                        .collect(),
                }
            })
            .collect(),
    };
    let mut v = serde_json::to_vec_pretty(&doc).expect("check report serializes");
    v.push(b'\n');
    v
}
