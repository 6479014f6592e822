//! What a teacher meets from a fresh clone, end to end: the lexicon fingerprint, the
//! warnings line, the unknown-side error, shell completions and the manual page, the score
//! table's width, `--help`'s layout, `--size`, errors said once, `--show-neutral`, and a
//! large set grouped by outlet. (The worksheet folders are tested in `report.rs`; the
//! page layout in a browser in `layout.rs`.)

mod common;

use std::path::Path;

use common::{run_ok, slant};
use serde_json::Value;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The `lexicon.sha256` slant reports for the seeds with `--lexicon` given as `arg`
/// (none: the built-in default), run from `dir`.
fn fingerprint(dir: &Path, arg: Option<&str>) -> String {
    let mut cmd = slant();
    cmd.current_dir(dir)
        .args(["score", "--format", "jsonl"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_0ad354234d2359d4.txt"));
    if let Some(a) = arg {
        cmd.args(["--lexicon", a]);
    }
    let out = run_ok(&mut cmd);
    let v: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    v["lexicon"]["sha256"].as_str().unwrap().to_string()
}

#[test]
fn the_fingerprint_is_the_same_whatever_the_path_and_for_the_embedded_copy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lexicons = root.join("lexicons");
    let builtin = fingerprint(root, None);
    assert_eq!(builtin.len(), 64);
    for (dir, arg) in [
        (root, "lexicons/immigration.yaml".to_string()),
        (root, "./lexicons/immigration.yaml".to_string()),
        (root, "lexicons/../lexicons/immigration.yaml".to_string()),
        (
            root,
            lexicons.join("immigration.yaml").display().to_string(),
        ),
        (lexicons.as_path(), "immigration.yaml".to_string()),
        (root, "builtin:immigration".to_string()),
    ] {
        assert_eq!(fingerprint(dir, Some(&arg)), builtin, "{arg} from {dir:?}");
    }
    // A copy with a comment and blank lines says the same, so it is the same lexicon.
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(lexicons.join("immigration.yaml")).unwrap();
    std::fs::write(
        tmp.path().join("copy.yaml"),
        format!("# my copy\n\n{text}\n\n"),
    )
    .unwrap();
    assert_eq!(fingerprint(tmp.path(), Some("copy.yaml")), builtin);
    // The comparison of two spellings prints one hash, twice.
    let out = run_ok(slant().current_dir(root).args([
        "score",
        "seeds/001_0ad354234d2359d4.txt",
        "--lexicon",
        "./lexicons/immigration.yaml",
        "--baseline-lexicon",
        "lexicons/immigration.yaml",
    ]));
    let text = stdout(&out);
    assert_eq!(text.matches(&builtin[..8]).count(), 2, "{text}");
}

/// A lexicon whose second variant lists a term the first already has: a warning, not an
/// error.
const DUPLICATE: &str = "name: dup\nversion: \"1\"\nsides:\n  - {id: a, label: A, color: \"#0072B2\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nconcepts:\n  - id: c\n    variants:\n      - {terms: [subpoenas], side: a}\n      - {terms: [subpoenas, demand], side: b}\n";

#[test]
fn score_report_and_chart_say_in_one_line_when_the_lexicon_has_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dup.yaml"), DUPLICATE).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_0ad354234d2359d4.txt");
    let line = "slant: 1 warning in the lexicon; run `slant lexicon check dup.yaml` to see it";
    for args in [
        vec!["score"],
        vec!["report", "--out", "r"],
        vec!["chart", "--out", "c"],
        vec!["explain"],
    ] {
        let out = run_ok(
            slant()
                .current_dir(dir.path())
                .args(&args)
                .arg(&seed)
                .args(["--lexicon", "dup.yaml"]),
        );
        let err = stderr(&out);
        assert_eq!(err.matches(line).count(), 1, "{args:?}: {err}");
        // The built-in lexicon has none: no line.
        let out = run_ok(
            slant()
                .current_dir(dir.path())
                .args(&args)
                .arg(&seed)
                .args(["--lexicon", "builtin:immigration"]),
        );
        assert!(!stderr(&out).contains("warning"), "{args:?}");
    }
    // `lexicon check` shows it.
    let out = slant()
        .current_dir(dir.path())
        .args(["lexicon", "check", "dup.yaml"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("1 warning(s)"), "{}", stdout(&out));
}

#[test]
fn an_unknown_side_lists_the_sides_and_never_suggests_the_other_camp() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "name: t\nversion: \"1\"\nsides:\n  - {id: pro_immigrant, label: Pro, color: \"#0072B2\"}\n  - {id: restrictionist, label: Restr, color: \"#D55E00\"}\nconcepts:\n  - id: c\n    variants:\n      - {terms: [illegal aliens], side: anti_immigrant}\n";
    std::fs::write(dir.path().join("t.yaml"), yaml).unwrap();
    let out = slant()
        .current_dir(dir.path())
        .args(["lexicon", "check", "t.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains(
            "side `anti_immigrant` is not declared; declared sides: pro_immigrant, restrictionist"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "help: use one of `pro_immigrant`, `restrictionist` or `neutral`, or declare `anti_immigrant` under `sides:`"
        ),
        "{text}"
    );
    assert!(!text.contains("did you mean"), "{text}");
}

#[test]
fn completions_for_each_shell_and_the_manual_page() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef slant"),
        ("fish", "complete -c slant"),
        ("elvish", "slant"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run_ok(slant().args(["completions", shell]));
        let text = stdout(&out);
        assert!(text.contains(marker), "{shell}: {text:.200}");
        for word in ["report", "score", "worksheet", "show-neutral"] {
            assert!(text.contains(word), "{shell} completes {word}");
        }
    }
    // The typo from the issue finds the command.
    let out = run_ok(slant().args(["completion", "bash"]));
    assert!(stdout(&out).contains("complete -F"));
    // Unknown shell: a clear error listing the shells.
    let out = slant().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bash"), "{}", stderr(&out));

    let out = run_ok(slant().arg("man"));
    let roff = stdout(&out);
    assert!(
        roff.starts_with(".ie") || roff.contains(".TH slant"),
        "{roff:.300}"
    );
    assert!(roff.contains("report") && roff.contains("completions"));
    let dir = tempfile::tempdir().unwrap();
    let out = run_ok(slant().args(["man", "--out"]).arg(dir.path()));
    for page in [
        "slant.1",
        "slant-report.1",
        "slant-score.1",
        "slant-lexicon-check.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
    assert!(std::fs::read_to_string(dir.path().join("slant-report.1"))
        .unwrap()
        .contains("worksheet"));
    assert!(stderr(&out).contains("manual pages"));
}

fn table(width: Option<&str>) -> String {
    let mut cmd = slant();
    cmd.args(["score", "seeds"]);
    if let Some(w) = width {
        cmd.args(["--width", w]);
    }
    stdout(&run_ok(&mut cmd))
}

#[test]
fn the_table_fits_the_width_it_is_given_and_is_whole_when_piped() {
    let full = table(None);
    let widest = full.lines().map(|l| l.chars().count()).max().unwrap();
    let header = full.lines().next().unwrap();
    for col in [
        "ID", "TITLE", "WORDS", "HITS", "EVID", "STANCE", "RANGE", "HEARD", "TONE",
    ] {
        assert!(header.contains(col), "{col} in {header}");
    }
    assert!(widest > 100, "piped: every column ({widest})");
    for w in [80usize, 100] {
        let text = table(Some(&w.to_string()));
        let (rows, legend) = text.split_once("\n\n").unwrap();
        for line in rows.lines() {
            assert!(line.chars().count() <= w, "{w}: {line:?}");
        }
        let header = rows.lines().next().unwrap();
        for col in ["ID", "TITLE", "STANCE"] {
            assert!(header.contains(col), "{w}: {header}");
        }
        assert!(legend.contains("Not shown to fit the terminal"), "{legend}");
        // Every seed is still there.
        assert_eq!(rows.lines().count(), 2 + 5);
    }
    assert!(!table(Some("80")).lines().next().unwrap().contains("HEARD"));
    assert_eq!(table(Some("0")), full, "--width 0 is every column");
}

#[test]
fn help_shows_common_options_first_limits_apart_and_an_example() {
    for cmd in ["score", "report", "chart", "explain", "extract"] {
        let out = run_ok(slant().args([cmd, "--help"]));
        let text = stdout(&out);
        assert!(text.contains("Examples:"), "{cmd}: {text}");
        let limits = text
            .find("\nLimits:\n")
            .unwrap_or_else(|| panic!("{cmd}: no Limits heading\n{text}"));
        let max = text
            .find("--max-article-bytes")
            .or(text.find("--max-lexicon-bytes"));
        assert!(
            max.unwrap() > limits,
            "{cmd}: a limit before the heading\n{text}"
        );
        let lexicon = text.find("--lexicon").unwrap_or(0);
        assert!(
            lexicon < limits,
            "{cmd}: --lexicon among the common options"
        );
    }
    let text = stdout(&run_ok(slant().args(["score", "--help"])));
    assert!(text.find("--format").unwrap() < text.find("--jsonl").unwrap());
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    let decoder = png::Decoder::new(&bytes[..]);
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    (info.width, info.height)
}

#[test]
fn size_applies_to_the_cards_and_the_comparison_chart_alike() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["chart", "report"] {
        let out = dir.path().join(cmd);
        run_ok(
            slant()
                .args([cmd, "seeds", "--size", "800x500", "--out"])
                .arg(&out),
        );
        assert_eq!(png_size(&out.join("000_f667bd81ae114d19.png")), (800, 500));
        let (w, h) = png_size(&out.join("comparison.png"));
        assert_eq!(
            w, 800,
            "{cmd}: the comparison chart is as wide as the cards"
        );
        assert!(h > 500, "{cmd}: as tall as its rows need ({h})");
    }
    let page =
        std::fs::read_to_string(dir.path().join("report/000_f667bd81ae114d19.html")).unwrap();
    assert!(page.contains("width=\"800\" height=\"500\""));
    // The default: 1600 wide, both.
    let out = dir.path().join("default");
    run_ok(slant().args(["chart", "seeds", "--out"]).arg(&out));
    assert_eq!(
        png_size(&out.join("004_72e29b7a571df496.png")),
        (1600, 1000)
    );
    assert_eq!(png_size(&out.join("comparison.png")).0, 1600);
}

#[test]
fn an_error_is_said_once() {
    let out = slant()
        .args(["score", "seeds", "--lexicon", "nothere.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
    assert!(
        err.starts_with("slant: error: cannot read lexicon nothere.yaml"),
        "{err}"
    );
}

#[test]
fn neutral_terms_are_marked_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    let all = dir.path().join("all");
    run_ok(slant().args(["report", "seeds", "--out"]).arg(&plain));
    run_ok(
        slant()
            .args(["report", "seeds", "--show-neutral", "--out"])
            .arg(&all),
    );
    let page = |d: &Path| std::fs::read_to_string(d.join("000_f667bd81ae114d19.html")).unwrap();
    let (p, a) = (page(&plain), page(&all));
    // "subpoenas" is a neutral term of the default lexicon.
    let subpoena = "subpoena → “subpoena”: neutral";
    assert!(!p.contains(subpoena), "no neutral marks by default");
    assert!(a.contains(subpoena), "--show-neutral marks them");
    // Footnote marks in the text (the legend shows one sample, without a link).
    let footnotes = |s: &str| s.matches("<sup class=\"fn\"><a href=").count();
    assert!(
        footnotes(&a) > footnotes(&p) + 20,
        "{} vs {}",
        footnotes(&a),
        footnotes(&p)
    );
    assert!(
        p.contains("neutral terms (plain words such as"),
        "the page says what it left out"
    );
    // Footnotes are numbered without gaps, each with its ledger row.
    let n = footnotes(&p);
    for k in 1..=n {
        assert!(p.contains(&format!("<tr id=\"t-{k}\">")), "row {k} of {n}");
    }
    assert!(!p.contains(&format!("<tr id=\"t-{}\">", n + 1)));
    // Charged (tone) words: underlined, never footnoted.
    assert!(p.contains("<mark class=\"t tone\""));
    // Images open at full size.
    assert!(p.contains(
        "<a href=\"000_f667bd81ae114d19.png\" title=\"Open the card at full size\"><img"
    ));
    let index = std::fs::read_to_string(plain.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"comparison.png\" title=\"Open the chart at full size\"><img"));
}

#[test]
fn the_outlet_shows_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    run_ok(slant().args(["report", "seeds", "--out"]).arg(dir.path()));
    let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap();
    let outlet = "The Rundown News";
    assert!(read("index.html").contains(&format!("<td data-label=\"Outlet\">{outlet}</td>")));
    assert!(read("002_1fc9ffcff641586d.html").contains(&format!("<p class=\"meta\">{outlet}")));
    assert!(read("summary.csv").contains(outlet));
    assert!(read("articles.jsonl").contains(&format!("\"outlet\":\"{outlet}\"")));
    // The comparison chart's rows and columns are labelled by outlet.
    assert!(read("index.html").contains(&format!("{outlet}: stance")));
}

#[test]
fn a_large_set_is_grouped_by_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    let outlets = ["Daily Planet", "Gotham Gazette", "Bugle"];
    let mut lines = String::new();
    for i in 0..30 {
        let text = if i % 2 == 0 {
            "Illegal aliens crossed the border. The invasion of illegal aliens goes on, officials said."
        } else {
            "Undocumented immigrants crossed the border. Asylum seekers and undocumented immigrants waited."
        };
        let mut rec = serde_json::json!({"id": format!("a{i:02}"), "title": format!("Story {i}"), "text": text});
        if i < 27 {
            rec["outlet"] = outlets[i % 3].into();
        }
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    let out = dir.path().join("r");
    run_ok(slant().args(["report", "--out"]).arg(&out).arg(&input));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    // The chart and the matrix: one row or column per outlet, with its count.
    assert!(
        index.contains("Comparison chart of 4 outlet(s)"),
        "{index:.0}"
    );
    assert!(index.contains("Daily Planet (9): mean"));
    assert!(index.contains("no outlet given (3): mean"));
    assert!(index.contains("<th scope=\"col\">Gotham Gazette (9)</th>"));
    // The table of articles still lists every one.
    assert_eq!(index.matches("<td data-label=\"Outlet\">").count(), 30);
}
