//! The second round of hostile input (issue 20): lost input, unbounded resources, unsafe
//! CSV/SVG/terminal output, file modes, interrupts, and what a second attack found.
//! Every case here failed before its fix; docs/hostile-input.md lists them.
//!
//! Resource cases assert a bound on a resource (peak memory from `/usr/bin/time -f %M`,
//! CPU seconds under `ulimit -t`), never a time.

use super::*;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;

/// The slant binary's path, for running it under `/usr/bin/time`, `timeout` or a shell.
fn bin() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_BIN_EXE_slant"))
}

/// Run `slant ARGS` under `/usr/bin/time -f %M` and return (exit code, stdout, stderr
/// without the last line, peak resident memory in KB); `None` when /usr/bin/time is
/// missing.
fn with_peak_memory(args: &[&str]) -> Option<(i32, String, String, u64)> {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("/usr/bin/time is missing; the memory bound is not checked");
        return None;
    }
    let out = StdCommand::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(bin())
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let (rest, last) = stderr.trim_end().rsplit_once('\n').unwrap_or(("", &stderr));
    let kb: u64 = last.trim().parse().unwrap_or_else(|_| panic!("{stderr}"));
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        rest.to_string(),
        kb,
    ))
}

/// Run a shell command line with `slant` standing for the binary.
fn sh(script: &str) -> std::process::Output {
    StdCommand::new("bash")
        .arg("-c")
        .arg(script)
        .env("SLANT", bin())
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn lexicon(dir: &Path, name: &str, body: &str) -> String {
    let p = dir.join(name);
    fs::write(&p, format!("{LEX_HEAD}{body}")).unwrap();
    p.to_str().unwrap().to_string()
}

const ONE_CONCEPT: &str =
    "concepts:\n  - id: c\n    variants:\n      - {terms: [illegal aliens], side: b}\n";

// ---------------------------------------------------------------------------------------
// 1. An input that failed to parse is still an input
// ---------------------------------------------------------------------------------------

#[test]
fn an_input_jsonl_whose_every_line_failed_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("x");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("good.txt"), GOOD).unwrap();
    let feed = folder.join("articles.jsonl");
    let content =
        "{\"id\": \"a\", \"body\": \"illegal aliens\"}\n{\"id\": \"b\", \"body\": \"x\"}\n";
    fs::write(&feed, content).unwrap();
    let f = folder.to_str().unwrap();
    let r = run(slant().args(["report", f, "--out", f]));
    assert_eq!(r.code, 2, "{}", head(&r.stderr));
    assert!(
        r.stderr.contains(&format!(
            "refusing to write {}: it is one of the input files (choose another --out)",
            feed.display()
        )),
        "{}",
        head(&r.stderr)
    );
    assert_eq!(fs::read_to_string(&feed).unwrap(), content);
    assert_eq!(
        listing(&folder),
        ["articles.jsonl", "good.txt"],
        "nothing written"
    );
    // In a subfolder of the input folder too (the walk reads it).
    let sub = folder.join("out");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("articles.jsonl"), content).unwrap();
    fs::remove_file(&feed).unwrap();
    let r = run(slant().args(["report", f, "--out", sub.to_str().unwrap()]));
    assert_eq!(r.code, 2, "{}", head(&r.stderr));
    assert_eq!(
        fs::read_to_string(sub.join("articles.jsonl")).unwrap(),
        content
    );
}

// ---------------------------------------------------------------------------------------
// 2-7. Resources
// ---------------------------------------------------------------------------------------

#[test]
fn a_long_string_aliased_thousands_of_times_is_refused_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(1_000_000);
    let aliases = vec!["*a"; 5000].join(", ");
    let lex = lexicon(
        dir.path(),
        "string-bomb.yaml",
        &format!("description: &a \"{big}\"\nconcepts:\n  - id: c\n    variants:\n      - terms: [x]\n        side: a\n        counter_examples: [{aliases}]\n"),
    );
    let msg = "error: YAML aliases (`*name`) expand this lexicon by more than 4194304 bytes of text; refusing to load it (an alias bomb?)";
    let r = run(slant().args(["lexicon", "check", &lex]));
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains(msg), "{}", head(&r.stdout));
    if let Some((code, _, stderr, kb)) = with_peak_memory(&["score", "-l", &lex, "seeds"]) {
        assert_eq!(code, 2);
        assert!(stderr.contains(msg), "{}", head(&stderr));
        // Before: "memory allocation of 1000000 bytes failed" (abort) under 8 GB.
        assert!(kb < 200_000, "peak {kb} KB");
    }
}

#[test]
fn thread_counts_are_bounded() {
    for j in ["100000", "18446744073709551615"] {
        let r = score(&["seeds", "-j", j]);
        assert_eq!(r.code, 2, "-j {j}");
        assert!(
            r.stderr
                .contains("threads is too many: at most 1024 (0 = one per core)"),
            "{}",
            r.stderr
        );
    }
    // The largest accepted count works (the pool itself is capped at 4 per core).
    let r = score(&["seeds", "-j", "1024", "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert_eq!(records(&r.stdout).len(), 5);
}

/// An article of `bytes` bytes dense with loaded terms, quotes and speakers.
fn dense_article(bytes: usize) -> String {
    let parts = [
        "illegal aliens",
        "undocumented immigrants",
        "migrants",
        "illegal immigrants",
        "asylum seekers",
        "sanctuary cities",
        "so-called dreamers",
        "not illegal aliens",
        "“We will not help,” Albence said.",
        "the mayor said",
        "ICE agents",
    ];
    let mut s = String::from("A Dense Article\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        for _ in 0..8 {
            i = i
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            s.push_str(parts[(i >> 33) % parts.len()]);
            s.push(' ');
        }
        s.push_str(". ");
        if (i >> 40).is_multiple_of(10) {
            s.push_str("\n\n");
        }
    }
    s
}

#[test]
fn a_5_mb_article_dense_with_terms_stays_in_bounded_memory_and_pages_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let art = dir.path().join("dense.txt");
    let text = dense_article(5_000_000);
    fs::write(&art, &text).unwrap();
    let a = art.to_str().unwrap();
    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    // Peak memory in KB; the article is 5 MB. Before: report 1.1 GB, score --format json
    // 450 MB (6.7 GB and 2.7 GB for 30 MB).
    const BOUND_KB: u64 = 400_000;
    if let Some((code, _, stderr, kb)) = with_peak_memory(&["report", a, "--out", o]) {
        assert_eq!(code, 0, "{}", head(&stderr));
        assert!(kb < BOUND_KB, "report: peak {kb} KB");
    } else {
        assert_eq!(run(slant().args(["report", a, "--out", o])).code, 0);
    }
    let page = fs::read_to_string(out.join("dense.html")).unwrap();
    assert!(page.len() < 5_000_000, "page of {} bytes", page.len());
    assert!(
        page.contains("Shown here: the first 2000 of"),
        "the page says it is cut"
    );
    assert!(page.contains("articles.jsonl"));
    // The JSONL still has every hit.
    let line = fs::read_to_string(out.join("articles.jsonl")).unwrap();
    let rec: Value = serde_json::from_str(line.trim()).unwrap();
    assert!(rec["terms"].as_array().unwrap().len() > 100_000);
    // The two formats that built whole records in memory (the table and CSV write a row).
    for format in ["json", "jsonl"] {
        if let Some((code, stdout, stderr, kb)) = with_peak_memory(&["score", a, "-f", format]) {
            assert_eq!(code, 0, "{format}: {}", head(&stderr));
            assert!(kb < BOUND_KB, "score -f {format}: peak {kb} KB");
            if format == "json" {
                let v: Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(v[0]["terms"], rec["terms"], "the same hits as the JSONL");
            }
        }
    }
}

#[test]
fn a_million_broken_jsonl_lines_are_counted_not_kept_or_printed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("broken.jsonl");
    let mut f = std::io::BufWriter::new(fs::File::create(&feed).unwrap());
    writeln!(f, "{{\"id\": \"ok\", \"text\": \"illegal aliens\"}}").unwrap();
    for i in 0..1_000_000 {
        writeln!(
            f,
            "{{\"id\": \"{i}\", \"body\": \"illegal aliens everywhere\"}}"
        )
        .unwrap();
    }
    drop(f);
    let p = feed.to_str().unwrap();
    let (code, stdout, stderr, kb) = match with_peak_memory(&["score", p, "-f", "jsonl"]) {
        Some(x) => x,
        None => {
            let r = score(&[p, "-f", "jsonl"]);
            (r.code, r.stdout, r.stderr, 0)
        }
    };
    assert_eq!(code, 1);
    assert_eq!(ids(&records(&stdout)), ["ok"]);
    let lines = stderr.lines().count();
    assert!(lines < 150, "{lines} lines on stderr");
    assert!(stderr.contains(&format!("slant: error: {p}:2: not a valid JSON article")));
    assert!(stderr.contains("slant: more than 100 articles failed or were skipped; the rest are counted in the summary, not shown one by one"));
    assert!(stderr.contains("slant: 1 article(s) processed, 1000000 failed, 0 skipped"));
    assert!(stderr.contains("  … and 999990 more failed (the first 10 are listed)"));
    // Before: 306 MB (each failure kept for the summary).
    assert!(kb < 100_000, "peak {kb} KB");
}

#[test]
fn a_named_pipe_as_a_lexicon_or_in_extends_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.yaml");
    if !StdCommand::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo is not available; skipping");
        return;
    }
    let child = lexicon(dir.path(), "child.yaml", "extends: pipe.yaml\n");
    // `timeout` only guards against a hang (it was forever before the fix).
    for (args, msg) in [
        (
            format!("lexicon check {}", fifo.display()),
            format!(
                "{}: error: {} is not a regular file (a named pipe, socket or device); give a lexicon YAML file",
                fifo.display(),
                fifo.display()
            ),
        ),
        (
            format!("lexicon check {child}"),
            "error: cannot extend `pipe.yaml`: ".to_string(),
        ),
        (
            format!("score -l {} seeds", fifo.display()),
            "is not a regular file (a named pipe, socket or device)".to_string(),
        ),
    ] {
        let out = sh(&format!("timeout 60 \"$SLANT\" {args} 2>&1"));
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(2), "{args}: {text}");
        assert!(text.contains(&msg), "{args}: {text}");
    }
    // `--lexicon /dev/zero` was read without a bound.
    let out = sh("timeout 60 \"$SLANT\" score -l /dev/zero seeds 2>&1");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("/dev/zero is not a regular file"));
}

#[test]
fn thousands_of_lexicon_warnings_are_located_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let mut concepts = String::from("concepts:\n");
    for i in 0..2000 {
        concepts.push_str(&format!(
            "  - id: c{i}\n    variants:\n      - terms: [w{i}]\n        side: a\n        weight: 50\n"
        ));
    }
    let mut actors = String::from("actors:\n");
    for i in 0..2000 {
        actors.push_str(&format!(
            "  - name: Person {i}\n    side: a\n    aliases: [Common]\n"
        ));
    }
    let lex = lexicon(dir.path(), "noisy.yaml", &format!("{concepts}{actors}"));
    // A CPU-time bound (ulimit -t), not a clock: before the fix each diagnostic re-parsed
    // the whole file, minutes of CPU for this one; now one parse.
    let out = sh(&format!(
        "ulimit -t 120; \"$SLANT\" lexicon check {lex}; echo \"exit $?\""
    ));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.trim_end().ends_with("exit 0"), "{}", head(&text));
    assert!(text.contains("noisy.yaml: 0 error(s), 3999 warning(s)"));
    // Every diagnostic points at its own line: concept i's weight is on line 4 + 5i + 5.
    for i in [0usize, 999, 1999] {
        let line = 4 + 5 * i + 5;
        assert!(
            text.contains(&format!(
                "{lex}:{line}:17: warning: weight 50 is outside the usual range 0.1..5"
            )),
            "concept {i}"
        );
    }
    let last_alias_line = 4 + 5 * 2000 + 1 + 3 * 1999 + 3;
    assert!(
        text.contains(&format!("{lex}:{last_alias_line}:")),
        "the last alias warning"
    );
    // `score` loads the same lexicon under the same bound.
    let out = sh(&format!(
        "ulimit -t 120; \"$SLANT\" score -l {lex} seeds/000_f667bd81ae114d19.txt -f jsonl >/dev/null; echo \"exit $?\""
    ));
    assert!(String::from_utf8_lossy(&out.stdout).contains("exit 0"));
}

// ---------------------------------------------------------------------------------------
// 8-12. Unsafe output
// ---------------------------------------------------------------------------------------

/// A feed whose every text field is hostile.
fn hostile_feed(dir: &Path) -> String {
    let feed = dir.join("feed.jsonl");
    let recs = [
        serde_json::json!({"id": "=cmd|' /C calc'!A0", "title": "=HYPERLINK(\"http://evil\",\"click\")", "outlet": "+SUM(1+1)", "date": "@now", "text": "Officials said illegal aliens crossed."}),
        serde_json::json!({"id": "-2+3", "title": "\u{1b}[31mred\u{1b}[2J\u{8}\u{8}gone\u{1}", "outlet": "\tTab", "text": "\u{1b}]0;owned\u{7}The mayor said illegal aliens \u{1b}[2J crossed.\u{9b}31m"}),
    ];
    let mut f = fs::File::create(&feed).unwrap();
    for r in recs {
        writeln!(f, "{r}").unwrap();
    }
    feed.to_str().unwrap().to_string()
}

/// The header row of a CSV text.
fn rdr_header(csv_text: &str) -> Vec<String> {
    let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
    rdr.headers().unwrap().iter().map(str::to_string).collect()
}

#[test]
fn csv_cells_that_would_start_a_formula_are_quoted_with_an_apostrophe() {
    let dir = tempfile::tempdir().unwrap();
    let feed = hostile_feed(dir.path());
    let check = |csv_text: &str| {
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], "'=cmd|' /C calc'!A0");
        assert_eq!(&rows[0][1], "'=HYPERLINK(\"http://evil\",\"click\")");
        assert_eq!(&rows[0][2], "'+SUM(1+1)");
        assert_eq!(&rows[0][4], "'@now");
        assert_eq!(&rows[1][0], "'-2+3");
        assert_eq!(&rows[1][2], "'\tTab");
        for row in &rows {
            for cell in row {
                // A number slant computed ("-0.31") is a number to a spreadsheet too.
                assert!(
                    cell.parse::<f64>().is_ok()
                        || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
        }
        // Numbers are still numbers (a negative lean is not a formula to quote).
        let header = rdr_header(csv_text);
        let low = header.iter().position(|h| h == "stance_low").unwrap();
        assert!(rows[0][low].parse::<f64>().is_ok(), "{:?}", &rows[0][low]);
    };
    let r = score(&[&feed, "-f", "csv"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    check(&r.stdout);
    let out = dir.path().join("out");
    let r = run(slant().args(["report", &feed, "--out", out.to_str().unwrap()]));
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    check(&fs::read_to_string(out.join("summary.csv")).unwrap());
}

/// Characters XML 1.0 forbids.
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

#[test]
fn svgs_stay_well_formed_with_control_characters_in_titles_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let feed = hostile_feed(dir.path());
    let lex = dir.path().join("ctl.yaml");
    fs::write(
        &lex,
        format!("name: \"ctl\\x01\"\nversion: '1'\nsides: [{{id: a, label: \"Le\\x01ft\\e[2J\", color: '#000000'}}, {{id: b, label: \"Ri\\x02ght\", color: '#ffffff'}}]\n{ONE_CONCEPT}"),
    )
    .unwrap();
    let out = dir.path().join("charts");
    let r = run(slant().args([
        "chart",
        &feed,
        "-l",
        lex.to_str().unwrap(),
        "--svg",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let svgs: Vec<String> = listing(&out)
        .into_iter()
        .filter(|f| f.ends_with(".svg"))
        .collect();
    assert_eq!(svgs.len(), 3, "{svgs:?}");
    for f in svgs {
        let svg = fs::read_to_string(out.join(&f)).unwrap();
        assert!(svg.starts_with("<svg"), "{f}");
        assert!(
            !svg.chars().any(xml_forbidden),
            "{f} has a character XML forbids"
        );
    }
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let feed = hostile_feed(dir.path());
    let lex = lexicon(dir.path(), "plain.yaml", ONE_CONCEPT);
    let evil_lex = dir.path().join("evil.yaml");
    fs::write(
        &evil_lex,
        fs::read_to_string(&lex)
            .unwrap()
            .replace("label: A,", "label: \"\\e[2JA\\b\",")
            .replace("name: t", "name: \"t\\e[5m\""),
    )
    .unwrap();
    let e = evil_lex.to_str().unwrap();
    let ctl = |s: &str| s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
    for args in [
        vec!["score", &feed, "--color", "never"],
        vec!["score", &feed, "-l", e, "--color", "never"],
        vec!["explain", &feed, "--id=-2+3"],
        vec!["explain", &feed, "--id=-2+3", "-l", e],
        vec!["lexicon", "check", e],
    ] {
        let r = run(slant().args(&args));
        assert!(!ctl(&r.stdout), "{args:?}: {:?}", head(&r.stdout));
        assert!(!ctl(&r.stderr), "{args:?}: {:?}", head(&r.stderr));
    }
    // Shown as visible pictures instead.
    let r = run(slant().args(["explain", &feed, "--id=-2+3"]));
    assert!(
        r.stdout.contains("␛[31mred␛[2J␈␈gone␁"),
        "{}",
        head(&r.stdout)
    );
    // With colors on, only slant's own color sequences are written.
    let r = score(&[&feed, "--color", "always"]);
    assert!(!r.stdout.contains("\u{1b}[2J") && !r.stdout.contains("\u{1b}[31m"));
    // File names on stderr: one line each, no control characters.
    let named = dir.path().join("a\u{1b}[2J\nslant: 0 failed.txt");
    fs::write(&named, "").unwrap();
    let r = score(&[named.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(!ctl(&r.stderr), "{:?}", r.stderr);
    assert!(r
        .stderr
        .contains("a␛[2J␊slant: 0 failed.txt: article is empty"));
    assert!(!r.stderr.lines().any(|l| l.starts_with("slant: 0 failed")));
}

#[test]
fn a_replaced_file_keeps_its_mode_and_new_files_follow_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    let seed = "seeds/000_f667bd81ae114d19.txt";
    let r = run(slant().args(["report", seed, "--out", o, "--worksheet"]));
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let answers = out.join("teacher").join("answers.html");
    let index = out.join("teacher").join("index.html");
    fs::set_permissions(&answers, fs::Permissions::from_mode(0o600)).unwrap();
    fs::set_permissions(&index, fs::Permissions::from_mode(0o640)).unwrap();
    let r = run(slant().args(["report", seed, "--out", o, "--worksheet"]));
    assert_eq!(r.code, 0);
    assert_eq!(mode(&answers), 0o600, "a teacher's chmod 600 stays");
    assert_eq!(mode(&index), 0o640);
    // New files: 0666 less the umask (077 here: private).
    let private = dir.path().join("private");
    let run = sh(&format!(
        "umask 077; \"$SLANT\" report {seed} --out {} 2>&1",
        private.display()
    ));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    for f in listing(&private) {
        assert_eq!(mode(&private.join(&f)), 0o600, "{f}");
    }
    let shared = dir.path().join("shared");
    let run = sh(&format!(
        "umask 022; \"$SLANT\" chart {seed} --out {} 2>&1",
        shared.display()
    ));
    assert!(run.status.success());
    for f in listing(&shared) {
        assert_eq!(mode(&shared.join(&f)), 0o644, "{f}");
    }
}

#[test]
fn extends_never_reads_a_file_that_is_not_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("shadow");
    fs::write(&secret, "root:$6$SECRETHASH:19000:0:99999:7:::\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("innocent.yaml")).unwrap();
    for target in [secret.to_str().unwrap(), "innocent.yaml", "/etc/shadow"] {
        let lex = lexicon(
            dir.path(),
            "child.yaml",
            &format!("extends: {target}\n{ONE_CONCEPT}"),
        );
        for args in [
            vec!["lexicon", "check", &lex],
            vec!["score", "-l", &lex, "seeds"],
        ] {
            let r = run(slant().args(&args));
            assert_eq!(r.code, 2, "{target}");
            let all = format!("{}{}", r.stdout, r.stderr);
            assert!(!all.contains("SECRET") && !all.contains("root:"), "{all}");
            assert!(
                all.contains(&format!("cannot extend `{target}`: ")),
                "{all}"
            );
            assert!(all.contains("is not a .yaml or .yml file"), "{all}");
        }
    }
}

#[test]
fn weights_that_could_overflow_are_refused_and_scores_stay_finite() {
    let dir = tempfile::tempdir().unwrap();
    let seed = "seeds/000_f667bd81ae114d19.txt";
    let huge = lexicon(
        dir.path(),
        "huge.yaml",
        "concepts:\n  - id: c\n    variants:\n      - {terms: [illegal aliens, immigration], side: b, weight: 1e308}\n",
    );
    let r = run(slant().args(["lexicon", "check", &huge]));
    assert_eq!(r.code, 2);
    assert!(
        r.stdout
            .contains("error: weight 1e308 is over the largest allowed, 1000"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("00000000000"), "no 309-digit number");
    assert_eq!(score(&["-l", &huge, seed]).code, 2);
    let factor = lexicon(
        dir.path(),
        "factor.yaml",
        &format!("scoring: {{voice: {{quoted: 1e308}}, stance: {{prior: 1e300}}}}\n{ONE_CONCEPT}"),
    );
    let r = run(slant().args(["lexicon", "check", &factor]));
    assert_eq!(r.code, 2);
    assert!(r
        .stdout
        .contains("`voice.quoted` is 1e308, over the largest allowed, 1000"));
    assert!(r
        .stdout
        .contains("`stance.prior` is 1e300, over the largest allowed, 1000"));
    // At the limit every number is finite in every format.
    let max = lexicon(
        dir.path(),
        "max.yaml",
        "scoring: {voice: {narrator: 1000, quoted: 1000}}\nconcepts:\n  - id: c\n    variants:\n      - {terms: [illegal aliens, immigration, immigrants], side: b, weight: 1000}\n",
    );
    let r = score(&["-l", &max, seed, "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let rec = &records(&r.stdout)[0];
    assert!(rec["scores"]["evidence"].as_f64().unwrap() > 1e6);
    let non_finite =
        |s: &str| s.contains("NaN") || s.split(|c: char| !c.is_alphanumeric()).any(|w| w == "inf");
    for format in ["table", "csv", "json"] {
        let r = score(&["-l", &max, seed, "-f", format]);
        assert!(!non_finite(&r.stdout), "{format}: {}", head(&r.stdout));
    }
    let r = run(slant().args(["explain", seed, "-l", &max]));
    assert!(!non_finite(&r.stdout), "{}", head(&r.stdout));
}

// ---------------------------------------------------------------------------------------
// 14. Interrupts
// ---------------------------------------------------------------------------------------

/// A folder of `n` articles; `variant` changes every text (so two reports differ in every
/// file).
fn many_articles(dir: &Path, n: usize, variant: &str) -> String {
    let folder = dir.join(format!("articles-{variant}"));
    fs::create_dir_all(&folder).unwrap();
    let seed = fs::read_to_string("seeds/000_f667bd81ae114d19.txt").unwrap();
    for i in 0..n {
        fs::write(
            folder.join(format!("a{i:03}.txt")),
            format!("{seed}\n\nVariant {variant}: illegal aliens, {i}.\n"),
        )
        .unwrap();
    }
    folder.to_str().unwrap().to_string()
}

/// Every file of a folder with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    listing(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn an_interrupted_report_leaves_the_old_report_whole_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let old_in = many_articles(dir.path(), 60, "old");
    let new_in = many_articles(dir.path(), 60, "new");
    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    assert_eq!(run(slant().args(["report", &old_in, "--out", o])).code, 0);
    let old = snapshot(&out);
    let whole_new = dir.path().join("whole-new");
    assert_eq!(
        run(slant().args(["report", &new_in, "--out", whole_new.to_str().unwrap()])).code,
        0
    );
    let new = snapshot(&whole_new);
    assert_ne!(old, new);
    for signal in [libc_sigint(), libc_sigterm()] {
        let mut child = StdCommand::cargo_bin("slant")
            .unwrap()
            .args(["report", &new_in, "--out", o])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait (without sleeping) until the run is writing: its staging folder exists.
        let staging = || {
            fs::read_dir(&out).unwrap().any(|e| {
                let n = e.unwrap().file_name().to_string_lossy().into_owned();
                n.starts_with(".slant-") && n.ends_with(".tmp")
            })
        };
        while !staging() {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::yield_now();
        }
        StdCommand::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert_no_temp_files(&out);
        let now = snapshot(&out);
        if status.signal() == Some(signal) {
            // Stopped by the signal (as a shell must see it): the old report, whole.
            assert!(now == old, "signal {signal}: the folder changed");
        } else {
            // The run finished before the signal came: the new report, whole.
            assert!(status.success());
            assert!(now == new, "the folder is a mix");
            // Put the old one back for the next signal.
            assert_eq!(run(slant().args(["report", &old_in, "--out", o])).code, 0);
        }
    }
}

fn libc_sigint() -> i32 {
    2
}

fn libc_sigterm() -> i32 {
    15
}

#[test]
fn two_reports_into_one_folder_at_once_leave_one_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let a = many_articles(dir.path(), 20, "a");
    let b = many_articles(dir.path(), 20, "b");
    let out = dir.path().join("out");
    let o = out.to_str().unwrap();
    let spawn = |input: &str| {
        StdCommand::cargo_bin("slant")
            .unwrap()
            .args(["report", input, "--out", o])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut x, mut y) = (spawn(&a), spawn(&b));
    assert!(x.wait().unwrap().success());
    assert!(y.wait().unwrap().success());
    assert_no_temp_files(&out);
    let now = snapshot(&out);
    let mut wholes = Vec::new();
    for input in [&a, &b] {
        let d = dir.path().join(format!("alone-{}", wholes.len()));
        assert_eq!(
            run(slant().args(["report", input, "--out", d.to_str().unwrap()])).code,
            0
        );
        wholes.push(snapshot(&d));
    }
    assert!(
        now == wholes[0] || now == wholes[1],
        "the folder mixes two runs"
    );
}

// ---------------------------------------------------------------------------------------
// 17-18. Sizes and names
// ---------------------------------------------------------------------------------------

/// Width and height of a PNG, from its header.
fn png_size(p: &Path) -> (u32, u32) {
    let b = fs::read(p).unwrap();
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (be(16), be(20))
}

#[test]
fn the_largest_card_size_still_draws_a_comparison_chart() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big");
    let r = run(slant().args([
        "chart",
        "seeds/000_f667bd81ae114d19.txt",
        "--size",
        "12800x8000",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    assert_eq!(
        png_size(&out.join("000_f667bd81ae114d19.png")),
        (12800, 8000)
    );
    let (w, h) = png_size(&out.join("comparison.png"));
    assert!(w <= 16384 && h <= 16384, "{w}x{h}");
    assert!(f64::from(w) * f64::from(h) <= 64e6, "{w}x{h}");
    assert!(w > 1600, "scaled up, just not past the limits: {w}x{h}");
}

#[test]
fn ids_never_become_device_names_or_options() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("names.jsonl");
    let mut f = fs::File::create(&feed).unwrap();
    for id in ["aux.html", "LPT1.txt", "-rf", "--help", "con", "nul.tar.gz"] {
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": id, "text": "illegal aliens"})
        )
        .unwrap();
    }
    drop(f);
    let out = dir.path().join("out");
    let r = run(slant().args([
        "report",
        feed.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert_eq!(r.code, 0, "{}", head(&r.stderr));
    let files = listing(&out);
    for name in [
        "aux_article.html.html",
        "LPT1_article.txt.html",
        "rf.html",
        "help.html",
        "con_article.html",
        "nul_article.tar.gz.html",
    ] {
        assert!(files.contains(&name.to_string()), "{name} in {files:?}");
    }
    for f in &files {
        let base = f.split('.').next().unwrap().to_ascii_lowercase();
        assert!(!f.starts_with('-'), "{f}");
        assert!(
            !["con", "prn", "aux", "nul", "lpt1", "com1"].contains(&base.as_str()),
            "{f}"
        );
    }
}

#[test]
fn small_lexicon_mistakes_get_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    // A list in `extends`: the type error alone, not "needs at least two sides".
    let p = dir.path().join("two.yaml");
    fs::write(
        &p,
        "name: t\nversion: '1'\nextends: [a.yaml, b.yaml]\nconcepts:\n  - id: c\n    variants:\n      - {terms: [x], side: a}\n",
    )
    .unwrap();
    let r = run(slant().args(["lexicon", "check", p.to_str().unwrap()]));
    assert_eq!(r.code, 2);
    assert!(r
        .stdout
        .contains("error: `extends` must be text, found a list"));
    assert!(r
        .stdout
        .contains("to build on two, let one of them extend the other"));
    assert!(
        r.stdout.contains("1 error(s), 0 warning(s)"),
        "{}",
        r.stdout
    );
    // A pattern that can only match empty text.
    for pat in [r"\b", r"^", r"\b\B"] {
        let lex = lexicon(
            dir.path(),
            "empty.yaml",
            &format!(
                "concepts:\n  - id: c\n    variants:\n      - {{patterns: ['{pat}'], side: a}}\n"
            ),
        );
        let r = run(slant().args(["lexicon", "check", &lex]));
        assert_eq!(r.code, 2, "{pat}");
        assert!(
            r.stdout.contains(&format!(
                "error: pattern `{pat}` only matches empty text (a boundary or an anchor), so it can never produce a hit"
            )) || r.stdout.contains("matches the empty string"),
            "{pat}: {}",
            r.stdout
        );
    }
}

// ---------------------------------------------------------------------------------------
// Found in the second attack
// ---------------------------------------------------------------------------------------

/// A lexicon of `n` concepts and `n` actors, and an article that uses half the concepts
/// and quotes a quarter of the speakers.
fn crowded(dir: &Path, n: usize) -> (String, String) {
    let mut y = format!("{LEX_HEAD}concepts:\n");
    for i in 0..n {
        let side = if i.is_multiple_of(2) { "a" } else { "b" };
        y.push_str(&format!(
            "  - id: c{i}\n    variants:\n      - {{terms: [word{i}], side: {side}}}\n"
        ));
    }
    y.push_str("actors:\n");
    for i in 0..n {
        let side = if i.is_multiple_of(2) { "a" } else { "b" };
        y.push_str(&format!("  - {{name: Speaker Number{i}, side: {side}}}\n"));
    }
    let lex = dir.join("crowded.yaml");
    fs::write(&lex, y).unwrap();
    let mut text = String::from("Many Concepts\n\n");
    for i in (0..n).step_by(2) {
        text.push_str(&format!("word{i} "));
    }
    text.push_str("\n\n");
    for i in (0..n).step_by(4) {
        text.push_str(&format!(
            "“We are here today, all of us,” said Speaker Number{i}. "
        ));
    }
    let art = dir.join("crowded.txt");
    fs::write(&art, text).unwrap();
    (
        lex.to_str().unwrap().to_string(),
        art.to_str().unwrap().to_string(),
    )
}

#[test]
fn thousands_of_concepts_and_speakers_on_one_card() {
    let dir = tempfile::tempdir().unwrap();
    let (lex, art) = crowded(dir.path(), 20_000);
    let out = dir.path().join("out");
    // A CPU-time bound: the card's speaker list was measured once per prefix of 5,000
    // names (quadratic: 20 s of CPU in a release build); now at most a few hundred.
    let run = sh(&format!(
        "ulimit -t 15; \"$SLANT\" chart {art} -l {lex} --svg --out {} 2>&1; echo \"exit $?\"",
        out.display()
    ));
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.trim_end().ends_with("exit 0"), "{}", head(&text));
    let svg = fs::read_to_string(out.join("crowded.svg")).unwrap();
    assert!(
        svg.contains("more"),
        "the speaker list is shortened: \"A, B, +N more\""
    );
}
