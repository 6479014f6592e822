//! `slant lexicon check`: one test per error and warning kind, each checking the message,
//! the position (line:column) and the hint; the "typo + undeclared side + duplicate term"
//! case end to end; a snapshot of the human output; the shipped lexicons pass `--strict`.

mod common;

use common::slant;

use std::path::{Path, PathBuf};

use slant::lexicon::{self, Diagnostic, Limits, Severity};

/// Lines 1–6; concepts start on line 7.
const HEAD: &str = "name: t
version: \"1\"
sides:
  - {id: pro, label: Pro, color: \"#0072B2\"}
  - {id: con, label: Con, color: \"#D55E00\"}
concepts:
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn check_with(text: &str, limits: Limits) -> (Vec<Diagnostic>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "lex.yaml", text);
    let checked = lexicon::check(Some(&p), limits);
    (checked.diagnostics, checked.lexicon.is_some())
}

fn check(text: &str) -> Vec<Diagnostic> {
    check_with(text, Limits::default()).0
}

/// The only diagnostic, which must have this severity, message part, position and hint part.
fn only(diags: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(diags.len(), 1, "expected one diagnostic, got: {diags:#?}");
    &diags[0]
}

fn assert_diag(
    d: &Diagnostic,
    severity: Severity,
    message: &str,
    line: usize,
    column: usize,
    hint: &str,
) {
    assert_eq!(d.severity, severity, "{d}");
    assert!(
        d.message.contains(message),
        "message `{}` lacks `{message}`",
        d.message
    );
    assert_eq!((d.line, d.column), (Some(line), Some(column)), "{d}");
    assert!(
        d.hint.as_deref().unwrap_or("").contains(hint),
        "hint {:?} lacks `{hint}`",
        d.hint
    );
    // The caret display shows the offending line.
    assert!(d.snippet.is_some(), "{d}");
    assert!(
        d.to_string().contains(&format!(":{line}:{column}: ")),
        "{d}"
    );
}

// ----------------------------------------------------------------------------- errors

#[test]
fn yaml_syntax_error() {
    let d = check(&format!("{HEAD}  - id: c\n    variants: [\n"));
    let d = only(&d);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.line, Some(9), "{d}");
    assert!(d.hint.is_some(), "{d}");
}

#[test]
fn tabs_are_explained() {
    let d = check(&format!("{HEAD}  - id: c\n\tvariants: []\n"));
    let d = only(&d);
    assert_eq!(d.line, Some(8), "{d}");
    assert!(d.hint.as_deref().unwrap().contains("tabs"), "{d}");
}

#[test]
fn unknown_field_with_did_you_mean() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - terms: [x]\n        side: con\n        wieght: 2\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "unknown field `wieght` in a variant — did you mean `weight`?",
        11,
        9,
        "write `weight:` instead of `wieght:`",
    );
}

#[test]
fn field_in_the_wrong_place_is_pointed_out() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    terms: [x]\n    variants:\n      - {{terms: [y], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "`terms` is not a field of a concept",
        8,
        5,
        "belongs in a variant",
    );
}

#[test]
fn mistyped_values() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - terms: [x]\n        side: con\n        weight: \"2\"\n        case_sensitive: yes\n      - terms: just one\n        side: pro\n"
    ));
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_diag(
        &d[0],
        Severity::Error,
        "`weight` must be a number, found the text \"2\"",
        11,
        17,
        "write the number without quotes: `weight: 2`",
    );
    assert_diag(
        &d[1],
        Severity::Error,
        "`case_sensitive` must be `true` or `false`",
        12,
        25,
        "`case_sensitive: true`",
    );
    assert_diag(
        &d[2],
        Severity::Error,
        "`terms` must be a list",
        13,
        16,
        "[\"just one\"]",
    );
}

#[test]
fn an_item_with_a_colon_is_a_mapping() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - terms:\n          - illegal: alien\n        side: con\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "each item of `terms` must be text",
        10,
        13,
        "put it in quotes",
    );
}

#[test]
fn missing_required_field() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - terms: [x]\n"
    ));
    // Points at the variant (its first key); no follow-on "side `` is not declared".
    assert_diag(
        only(&d),
        Severity::Error,
        "a variant needs a `side` field",
        9,
        9,
        "side: neutral",
    );
}

#[test]
fn wrong_actor_kind() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x], side: con}}\nactors:\n  - {{name: Bob, side: pro, kind: Person}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "`kind` must be one of person, organization, role, document",
        11,
        34,
        "did you mean `person`?",
    );
}

#[test]
fn undeclared_side() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x], side: cons}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "side `cons` is not declared; declared sides: pro, con",
        9,
        28,
        "use one of `pro`, `con` or `neutral`, or declare `cons` under `sides:`",
    );
    // A near miss is never "corrected" to an existing side: that could flip the side.
    assert!(!only(&d).hint.as_deref().unwrap().contains("did you mean"));
}

#[test]
fn duplicate_concept_id_notes_the_first() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x], side: con}}\n  - id: c\n    variants:\n      - {{terms: [y], side: con}}\n"
    ));
    let d = only(&d);
    assert_diag(
        d,
        Severity::Error,
        "concept id `c` is used twice",
        10,
        9,
        "give each concept its own id",
    );
    assert!(d.note.as_deref().unwrap().ends_with("lex.yaml:7:9"), "{d}");
}

#[test]
fn empty_term() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x, \"  \"], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "empty term",
        9,
        21,
        "remove the empty entry",
    );
}

#[test]
fn invalid_color() {
    let d = check("name: t\nversion: \"1\"\nsides:\n  - {id: pro, label: Pro, color: blue}\n  - {id: con, label: Con, color: \"#D55E00\"}\n");
    assert_diag(
        only(&d),
        Severity::Error,
        "`blue` is not a color",
        4,
        34,
        "color: \"#0072B2\"",
    );
}

#[test]
fn invalid_regex() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{patterns: ['flood(s'], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "invalid regex `flood(s`",
        9,
        21,
        "escape literal characters",
    );
}

#[test]
fn regex_matching_the_empty_string() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{patterns: ['x*'], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "matches the empty string",
        9,
        21,
        "`+` instead of `*`",
    );
}

#[test]
fn oversized_regex_pattern_and_compiled_size() {
    let long = "a".repeat(50);
    let limits = Limits {
        max_pattern_bytes: 40,
        regex_size_limit: 10_000,
        ..Limits::default()
    };
    let (d, ok) = check_with(
        &format!("{HEAD}  - id: c\n    variants:\n      - patterns: ['{long}', '(?:abc|def){{1,2000}}']\n        side: con\n"),
        limits,
    );
    assert!(!ok);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_diag(
        &d[0],
        Severity::Error,
        "pattern is 50 bytes, over the 40-byte limit",
        9,
        20,
        "--max-pattern-bytes",
    );
    assert_diag(
        &d[1],
        Severity::Error,
        "pattern compiles to more than",
        9,
        74,
        "--max-regex-bytes",
    );
}

#[test]
fn non_positive_weight() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x], side: con, weight: 0}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Error,
        "weight 0 must be a positive number",
        9,
        41,
        "disable",
    );
}

#[test]
fn too_few_sides() {
    let d =
        check("name: t\nversion: \"1\"\nsides:\n  - {id: pro, label: Pro, color: \"#0072B2\"}\n");
    assert_diag(
        only(&d),
        Severity::Error,
        "a lexicon needs at least two sides, found 1",
        4,
        3,
        "declare the sides",
    );
}

#[test]
fn missing_extends_target_points_at_the_extends_line() {
    let d = check("name: t\nversion: \"1\"\nextends: nowhere.yaml\n");
    assert_diag(
        only(&d),
        Severity::Error,
        "cannot extend `nowhere.yaml`",
        3,
        10,
        "relative to this file",
    );
    let d = check("name: t\nversion: \"1\"\nextends: builtin:immigrashun\n");
    assert_diag(
        only(&d),
        Severity::Error,
        "no built-in lexicon named `immigrashun`",
        3,
        10,
        "builtin:immigration",
    );
}

// ----------------------------------------------------------------------------- warnings

#[test]
fn same_term_under_two_sides() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [aliens], side: con}}\n  - id: b\n    variants:\n      - {{terms: [aliens], side: pro}}\n"
    ));
    let d = only(&d);
    assert_diag(d, Severity::Warning, "term `aliens` is already listed under concept `a`, variant “aliens” (con); only the first can ever match", 12, 18, "exactly one variant");
    assert!(d.note.as_deref().unwrap().ends_with("lex.yaml:9:18"), "{d}");
}

#[test]
fn same_term_twice_in_one_variant() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [x, y, x], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "term `x` is listed twice in this variant",
        9,
        24,
        "remove the second copy",
    );
}

#[test]
fn terms_equal_after_normalization_are_unreachable() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [“so-called” migrants], side: con}}\n      - {{terms: ['\"So‐Called\"   Migrants'], side: pro}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "once capitals, curly quotes, hyphens and spaces are normalized, so it can never match",
        10,
        18,
        "remove one of the two",
    );
}

#[test]
fn case_sensitive_twins_cannot_live_apart() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [ICE], side: pro, case_sensitive: true}}\n      - {{terms: [ice], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "`ice` and `ICE` (in variant “ICE” (pro) of this concept) differ only in capitals",
        10,
        18,
        "merge the variants",
    );
}

#[test]
fn hyphenated_term_covers_its_spaced_twin() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [common sense], side: pro}}\n  - id: b\n    variants:\n      - {{terms: [common-sense], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "hyphens and spaces between a term's words match each other",
        12,
        18,
        "covers its hyphenated and spaced twins",
    );
}

#[test]
fn weight_outside_the_usual_range() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [x], side: con, weight: 9}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "weight 9 is outside the usual range 0.1..5",
        9,
        41,
        "between 0.25 and 3",
    );
}

#[test]
fn scoring_factor_outside_the_usual_range() {
    let d = check("name: t\nversion: \"1\"\nsides:\n  - {id: pro, label: Pro, color: \"#0072B2\"}\n  - {id: con, label: Con, color: \"#D55E00\"}\nscoring:\n  voice: {quoted: 4}\n");
    assert_diag(
        only(&d),
        Severity::Warning,
        "`voice.quoted` is 4, more than twice a narrator term",
        7,
        19,
        "between 0 and 1",
    );
}

#[test]
fn alias_on_two_actors() {
    let d = check(&format!(
        "{HEAD}  - id: a\n    variants:\n      - {{terms: [x], side: con}}\nactors:\n  - {{name: Ann Lee, aliases: [Lee], side: pro}}\n  - {{name: Bo Lee, aliases: [Lee], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "alias `Lee` also names `Ann Lee`",
        12,
        30,
        "one actor only",
    );
}

#[test]
fn disabling_an_unknown_entry() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "child.yaml",
        "name: c\nversion: \"1\"\nextends: builtin:immigration\ndisable: [people_labels]\n",
    );
    let d = lexicon::check(Some(&p), Limits::default()).diagnostics;
    assert_diag(
        only(&d),
        Severity::Warning,
        "`people_labels` is not a concept id or actor name of the extended lexicon",
        4,
        11,
        "did you mean `people_label`?",
    );
}

// ----------------------------------------------------------------------------- all at once

const DONE_WHEN: &str = "name: class
version: \"1\"
sides:
  - {id: pro_immigrant, label: Pro-immigrant, color: \"#0072B2\"}
  - {id: restrictionist, label: Restrictionist, color: \"#D55E00\"}
concepts:
  - id: people
    variants:
      - terms: [illegal alien, illegal aliens]
        side: restrictionist
        wieght: 2.0
      - terms: [undocumented immigrants]
        side: restrictive
  - id: threat
    variants:
      - terms: [illegal aliens, invasion]
        side: restrictionist
";

#[test]
fn typo_undeclared_side_and_duplicate_term_yield_three_precise_messages() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "class.yaml", DONE_WHEN);
    let out = slant()
        .current_dir(dir.path())
        .args(["lexicon", "check", "class.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let headlines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("class.yaml:"))
        .collect();
    assert_eq!(
        headlines,
        [
            "class.yaml:11:9: error: unknown field `wieght` in a variant — did you mean `weight`?",
            "class.yaml:13:15: error: side `restrictive` is not declared; declared sides: pro_immigrant, restrictionist",
            "class.yaml:16:17: warning: term `illegal aliens` is already listed under concept `people`, variant “illegal alien” (restrictionist); only the first can ever match",
            "class.yaml: 2 error(s), 1 warning(s)",
        ],
        "{text}"
    );
    for hint in [
        "= help: write `weight:` instead of `wieght:`",
        "= help: use one of `pro_immigrant`, `restrictionist` or `neutral`, or declare `restrictive` under `sides:`",
        "= note: first listed at class.yaml:9:32",
    ] {
        assert!(text.contains(hint), "missing `{hint}` in\n{text}");
    }
}

#[test]
fn check_output_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "class.yaml", DONE_WHEN);
    write(
        dir.path(),
        "broken.yaml",
        "name: broken\nsides:\n  - {id: a, label: A, color: \"#12345\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nscoring:\n  voice: {narator: 1}\nconcepts:\n  - id: c\n    variants:\n      - terms: [\"x\", \"\"]\n        side: b\n        weight: \"2\"\n      - patterns: ['(unclosed']\n        side: a\n  - id: c\n    variants:\n      - {terms: [y], side: neutral}\n",
    );
    let out = slant()
        .current_dir(dir.path())
        .args(["lexicon", "check", "class.yaml", "broken.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let warn = write(
        dir.path(),
        "warn.yaml",
        &format!("{HEAD}  - id: a\n    variants:\n      - {{terms: [x, x], side: con}}\n"),
    );
    let clean = write(
        dir.path(),
        "clean.yaml",
        &format!("{HEAD}  - id: a\n    variants:\n      - {{terms: [x], side: con}}\n"),
    );
    let code = |args: &[&std::ffi::OsStr]| {
        slant()
            .args(["lexicon", "check"])
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(&[clean.as_os_str()]), Some(0));
    assert_eq!(code(&["--strict".as_ref(), clean.as_os_str()]), Some(0));
    assert_eq!(
        code(&[warn.as_os_str()]),
        Some(0),
        "warnings alone pass without --strict"
    );
    assert_eq!(code(&["--strict".as_ref(), warn.as_os_str()]), Some(1));
    assert_eq!(
        code(&["--strict".as_ref(), warn.as_os_str(), "nope.yaml".as_ref()]),
        Some(2)
    );
}

#[test]
fn loading_a_bad_lexicon_for_scoring_reports_every_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "class.yaml", DONE_WHEN);
    let out = slant()
        .current_dir(dir.path())
        .args(["score", "-", "--lexicon", "class.yaml"])
        .write_stdin("Some text.")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("class.yaml:11:9"), "{err}");
    assert!(err.contains("class.yaml:13:15"), "{err}");
    assert!(err.contains("2 errors in the lexicon"), "{err}");
}

#[test]
fn shipped_lexicons_pass_check_strict_and_their_examples() {
    let mut targets: Vec<String> = lexicon::BUILTIN
        .iter()
        .map(|(n, _, _)| format!("builtin:{n}"))
        .collect();
    for e in std::fs::read_dir("lexicons/examples").unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            targets.push(p.display().to_string());
        }
    }
    assert!(targets.len() >= 3, "{targets:?}");
    for t in &targets {
        let out = slant()
            .args(["lexicon", "check", "--strict", t])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{t}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let out = slant().args(["lexicon", "test", t]).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{t}: {text}");
        assert!(text.contains(" 0 failed"), "{t}: {text}");
    }
}

#[test]
fn lexicon_test_shows_what_matched_instead() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "ex.yaml",
        &format!("{HEAD}  - id: people\n    variants:\n      - terms: [illegal alien]\n        side: con\n        examples: [\"The illegal aliens were held.\", \"An illegal alien smuggler was held.\", \"One illegal alien.\"]\n        counter_examples: [\"He was an illegal alien.\"]\n  - id: smuggling\n    variants:\n      - {{terms: [illegal alien smuggler], side: neutral}}\n"),
    );
    let out = slant().args(["lexicon", "test"]).arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("FAIL people / illegal alien — example\n     “The illegal aliens were held.”\n     expected a hit of “illegal alien”; matched instead: nothing\n     hint: no term of this variant occurs"), "{text}");
    assert!(text.contains("matched instead: “illegal alien smuggler” → smuggling / illegal alien smuggler\n     hint: another term claimed these words first"), "{text}");
    assert!(text.contains("FAIL people / illegal alien — counter-example\n     “He was an illegal alien.”\n     expected NO hit of “illegal alien”, but matched: “illegal alien” → people / illegal alien"), "{text}");
    assert!(
        !text.contains("One illegal alien."),
        "passing examples are not listed without -v"
    );
    assert!(
        text.ends_with("t 1: 4 example sentences, 1 passed, 3 failed\n"),
        "{text}"
    );
    let verbose = slant()
        .args(["lexicon", "test", "-v"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(String::from_utf8(verbose.stdout)
        .unwrap()
        .contains("ok   people / illegal alien — example\n     “One illegal alien.”"));
}

#[test]
fn pattern_with_a_curly_apostrophe_never_matches() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{patterns: ['don’t \\w+'], side: con}}\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "contains `’` (U+2019), which never occurs in the text patterns run on",
        9,
        21,
        "write the plain character",
    );
}

#[test]
fn case_sensitive_pattern_with_capitals_never_matches() {
    let d = check(&format!("{HEAD}  - id: c\n    variants:\n      - patterns: ['ICE (agents|officers)']\n        side: neutral\n        case_sensitive: true\n"));
    assert_diag(
        only(&d),
        Severity::Warning,
        "can never match: patterns run on lower-cased text",
        9,
        20,
        "write the pattern in lower case",
    );
}

#[test]
fn disable_without_extends_does_nothing() {
    let d = check(&format!(
        "{HEAD}  - id: c\n    variants:\n      - {{terms: [x], side: con}}\ndisable: [c]\n"
    ));
    assert_diag(
        only(&d),
        Severity::Warning,
        "`disable` does nothing without `extends`",
        10,
        10,
        "add `extends:",
    );
}

#[test]
fn a_field_written_twice_points_at_the_second_copy() {
    let d = check(&format!("{HEAD}  - id: c\n    variants:\n      - terms: [x]\n        side: con\n        side: pro\n"));
    assert_diag(
        only(&d),
        Severity::Error,
        "`side` is written twice in the same item",
        11,
        9,
        "may appear only once",
    );
}

#[test]
fn json_output_carries_every_diagnostic_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.yaml",
        &format!("{HEAD}  - id: x\n    variants:\n      - {{terms: [foo], side: pr, wieght: 2}}\n"),
    );
    let out = slant()
        .args(["lexicon", "check", "--format", "json"])
        .arg(&bad)
        .arg("builtin:immigration")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "errors exit 2 as in text mode");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let lexicons = v["lexicons"].as_array().unwrap();
    assert_eq!(lexicons.len(), 2);
    let first = &lexicons[0];
    assert_eq!(first["ok"], false);
    assert_eq!(first["errors"], 2);
    let diags = first["diagnostics"].as_array().unwrap();
    // The same diagnostics the library reports, in the same order, as fields.
    let lib = check(&std::fs::read_to_string(&bad).unwrap());
    assert_eq!(diags.len(), lib.len());
    for (j, d) in diags.iter().zip(&lib) {
        assert_eq!(j["severity"], "error");
        assert_eq!(j["line"], d.line.unwrap());
        assert_eq!(j["column"], d.column.unwrap());
        assert_eq!(j["message"], d.message.as_str());
        assert_eq!(j["hint"].as_str(), d.hint.as_deref());
        assert!(j["file"].as_str().unwrap().ends_with("bad.yaml"));
    }
    assert!(diags
        .iter()
        .any(|d| d["path"] == "concepts[0].variants[0].wieght"));
    assert_eq!(lexicons[1]["target"], "builtin:immigration");
    assert_eq!(lexicons[1]["ok"], true);
    assert_eq!(lexicons[1]["name"], "immigration");
    assert!(lexicons[1]["diagnostics"].as_array().unwrap().is_empty());
}
