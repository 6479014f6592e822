//! `extends` + `disable` composition, end to end: the shipped example
//! `lexicons/examples/class-tweaks.yaml` and small chains written on the fly.

use std::path::Path;

use slant::analysis::{Analysis, Engine};
use slant::input::Article;
use slant::lexicon::{self, Lexicon, Limits, Severity};

fn engine(path: &str) -> Engine {
    Engine::new(Lexicon::load(Some(Path::new(path)), Limits::default()).unwrap()).unwrap()
}

fn seed(id: &str) -> Article {
    let dir = Path::new("seeds");
    let name = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.starts_with(id))
        .unwrap();
    let text = std::fs::read_to_string(dir.join(&name)).unwrap();
    Article::from_text(id, &name, text)
}

fn hits<'a>(e: &Engine, a: &'a Analysis, concept: &str) -> Vec<&'a slant::attribute::TermHit> {
    a.terms
        .iter()
        .filter(|t| e.lexicon.concepts[t.concept].id == concept)
        .collect()
}

const CHANGED: [&str; 3] = ["alien_legal_term", "criminal_alien", "frustration_appeal"];

#[test]
fn class_tweaks_loads_with_its_three_changes() {
    let base = engine("builtin:immigration");
    let tweaks = engine("lexicons/examples/class-tweaks.yaml");
    let ids =
        |e: &Engine| -> Vec<String> { e.lexicon.concepts.iter().map(|c| c.id.clone()).collect() };
    assert!(ids(&base).contains(&"alien_legal_term".to_string()));
    assert!(
        !ids(&tweaks).contains(&"alien_legal_term".to_string()),
        "disabled"
    );
    assert_eq!(
        ids(&tweaks).last().unwrap(),
        "frustration_appeal",
        "added at the end"
    );
    assert_eq!(ids(&tweaks).len(), ids(&base).len(), "one out, one in");
    let weight = |e: &Engine| {
        e.lexicon
            .concepts
            .iter()
            .find(|c| c.id == "criminal_alien")
            .unwrap()
            .variants[0]
            .weight
    };
    assert_eq!(weight(&base), 2.5);
    assert_eq!(weight(&tweaks), 1.5, "overridden in place");
    // Sides, scoring and actors come from the built-in lexicon.
    assert_eq!(tweaks.lexicon.sides, base.lexicon.sides);
    assert_eq!(tweaks.lexicon.scoring, base.lexicon.scoring);
    assert_eq!(tweaks.lexicon.actors, base.lexicon.actors);
    assert_eq!(tweaks.lexicon.name, "class-tweaks");
    assert_ne!(tweaks.lexicon.sha256, base.lexicon.sha256);
}

#[test]
fn class_tweaks_changes_scores_exactly_where_expected() {
    let base = engine("builtin:immigration");
    let tweaks = engine("lexicons/examples/class-tweaks.yaml");
    let mut saw_alien = 0;
    let mut saw_criminal = 0;
    let mut saw_frustration = 0;
    for id in ["000", "001", "002", "003", "004"] {
        let a = base.analyze(seed(id));
        let b = tweaks.analyze(seed(id));
        // The disabled concept is gone.
        saw_alien += hits(&base, &a, "alien_legal_term").len();
        assert!(hits(&tweaks, &b, "alien_legal_term").is_empty());
        // The overridden concept hits the same words at 1.5 / 2.5 of the contribution.
        let (ca, cb) = (
            hits(&base, &a, "criminal_alien"),
            hits(&tweaks, &b, "criminal_alien"),
        );
        assert_eq!(ca.len(), cb.len(), "{id}");
        for (x, y) in ca.iter().zip(&cb) {
            assert_eq!((x.start, x.end), (y.start, y.end));
            if x.side.is_some() && x.variant == 0 {
                assert!(
                    (y.contribution - x.contribution * 1.5 / 2.5).abs() < 1e-9,
                    "{id}"
                );
            }
        }
        saw_criminal += ca.len();
        saw_frustration += hits(&tweaks, &b, "frustration_appeal").len();
        // Every other hit is untouched.
        let others = |e: &Engine, an: &Analysis| -> Vec<(usize, usize, String, f64)> {
            an.terms
                .iter()
                .filter(|t| !CHANGED.contains(&e.lexicon.concepts[t.concept].id.as_str()))
                .map(|t| {
                    (
                        t.start,
                        t.end,
                        e.lexicon.concepts[t.concept].id.clone(),
                        t.contribution,
                    )
                })
                .collect()
        };
        assert_eq!(others(&base, &a), others(&tweaks, &b), "{id}");
        // The restrictionist weight moves by exactly the three changes.
        let sum = |e: &Engine, an: &Analysis, concept: &str| -> f64 {
            hits(e, an, concept)
                .iter()
                .filter(|t| t.counted_side == Some(1))
                .map(|t| t.contribution)
                .sum()
        };
        let expected = a.scores.sides[1].weight
            - sum(&base, &a, "alien_legal_term")
            - sum(&base, &a, "criminal_alien")
            + sum(&tweaks, &b, "criminal_alien")
            + sum(&tweaks, &b, "frustration_appeal");
        assert!((b.scores.sides[1].weight - expected).abs() < 1e-9, "{id}");
    }
    assert!(
        saw_alien > 0,
        "the seeds use `alien`, so disabling it is visible"
    );
    assert!(saw_criminal > 0 && saw_frustration > 0);
    // 004 carries three "criminal alien" labels and the added frustration words.
    let (a, b) = (base.analyze(seed("004")), tweaks.analyze(seed("004")));
    assert!(!hits(&tweaks, &b, "frustration_appeal").is_empty());
    assert!(b.scores.sides[1].count > a.scores.sides[1].count);
}

#[test]
fn relative_extends_chain_with_diagnostics_in_the_right_file() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("base");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("parent.yaml"),
        "name: parent\nversion: \"1\"\nsides:\n  - {id: a, label: A, color: \"#0072B2\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nconcepts:\n  - id: one\n    variants:\n      - {terms: [alpha], side: b}\n  - id: two\n    variants:\n      - {terms: [beta], side: a}\n",
    )
    .unwrap();
    let child = dir.path().join("child.yaml");
    std::fs::write(
        &child,
        "name: child\nversion: \"2\"\nextends: base/parent.yaml\ndisable: [two]\nconcepts:\n  - id: one\n    variants:\n      - {terms: [alpha], side: b, weight: 2}\n  - id: three\n    variants:\n      - {terms: [gamma], side: bb}\n",
    )
    .unwrap();
    let checked = lexicon::check(Some(&child), Limits::default());
    assert!(checked.lexicon.is_none());
    assert_eq!(checked.diagnostics.len(), 1, "{:#?}", checked.diagnostics);
    let d = &checked.diagnostics[0];
    assert_eq!(d.origin, child.display().to_string());
    assert_eq!((d.line, d.column), (Some(11), Some(32)), "{d}");
    assert!(d
        .message
        .contains("side `bb` is not declared; declared sides: a, b"));

    // Fixed: the chain loads, the override and the disable apply.
    std::fs::write(
        &child,
        "name: child\nversion: \"2\"\nextends: base/parent.yaml\ndisable: [two]\nconcepts:\n  - id: one\n    variants:\n      - {terms: [alpha], side: b, weight: 2}\n  - id: three\n    variants:\n      - {terms: [gamma], side: a}\n",
    )
    .unwrap();
    let l = Lexicon::load(Some(&child), Limits::default()).unwrap();
    let ids: Vec<&str> = l.concepts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["one", "three"]);
    assert_eq!(l.concepts[0].variants[0].weight, 2.0);
    // Every file of the chain is known (what `score --watch` watches), child first.
    assert_eq!(l.sources.len(), 2, "{:?}", l.sources);
    assert_eq!(l.sources[0], child.display().to_string());
    assert!(
        Path::new(&l.sources[1]).ends_with("base/parent.yaml")
            && Path::new(&l.sources[1]).is_file(),
        "{:?}",
        l.sources
    );
    let tweaks = Lexicon::load(
        Some(Path::new("lexicons/examples/class-tweaks.yaml")),
        Limits::default(),
    )
    .unwrap();
    assert_eq!(
        tweaks.sources,
        [
            "lexicons/examples/class-tweaks.yaml",
            "builtin:immigration",
            "builtin:tone"
        ]
    );

    // An error in the parent is reported at the parent's own line.
    std::fs::write(
        sub.join("parent.yaml"),
        "name: parent\nversion: \"1\"\nsides:\n  - {id: a, label: A, color: \"#0072B2\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nconcepts:\n  - id: one\n    variants:\n      - {terms: [alpha], side: b}\n  - id: two\n    variants:\n      - {terms: [beta], side: a, wieght: 2}\n",
    )
    .unwrap();
    let checked = lexicon::check(Some(&child), Limits::default());
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:#?}", checked.diagnostics);
    assert!(errors[0].origin.ends_with("parent.yaml"), "{}", errors[0]);
    assert_eq!(
        (errors[0].line, errors[0].column),
        (Some(12), Some(34)),
        "{}",
        errors[0]
    );
}

#[test]
fn extends_cycles_are_reported_at_the_extends_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yaml");
    std::fs::write(&a, "name: a\nversion: \"1\"\nextends: b.yaml\n").unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "name: b\nversion: \"1\"\nextends: a.yaml\n",
    )
    .unwrap();
    let checked = lexicon::check(Some(&a), Limits::default());
    assert!(checked.lexicon.is_none());
    let d = &checked.diagnostics[0];
    assert!(d.message.contains("loops back"), "{d}");
    assert_eq!(d.line, Some(3), "{d}");
}

#[test]
fn meaning_errors_and_notes_point_into_the_file_that_has_them() {
    let dir = tempfile::tempdir().unwrap();
    // A duplicate of a built-in term: the note points into the built-in lexicon.
    let child = dir.path().join("dup.yaml");
    std::fs::write(
        &child,
        "name: dup\nversion: \"1\"\nextends: builtin:immigration\nconcepts:\n  - id: wave_metaphor\n    variants:\n      - terms: [\"waves of migrants\"]\n        side: restrictionist\n",
    )
    .unwrap();
    let checked = lexicon::check(Some(&child), Limits::default());
    assert_eq!(checked.diagnostics.len(), 1, "{:#?}", checked.diagnostics);
    let d = &checked.diagnostics[0];
    assert_eq!((d.line, d.column), (Some(7), Some(17)), "{d}");
    let note = d.note.as_deref().unwrap();
    let (file, pos) = note
        .trim_start_matches("first listed at ")
        .split_once(':')
        .unwrap();
    assert_eq!(file, "builtin");
    let (_, line_col) = pos.split_once(':').unwrap();
    let line: usize = line_col.split(':').next().unwrap().parse().unwrap();
    let text = lexicon::BUILTIN[0].2;
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"waves of migrants\""),
        "{note}"
    );

    // An undeclared side in the parent is reported in the parent, not in the child.
    std::fs::write(
        dir.path().join("parent.yaml"),
        "name: p\nversion: \"1\"\nsides:\n  - {id: a, label: A, color: \"#0072B2\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nconcepts:\n  - id: one\n    variants:\n      - {terms: [alpha], side: c}\n",
    )
    .unwrap();
    std::fs::write(&child, "name: child\nversion: \"1\"\nextends: parent.yaml\nconcepts:\n  - id: two\n    variants:\n      - {terms: [beta], side: a}\n").unwrap();
    let checked = lexicon::check(Some(&child), Limits::default());
    assert_eq!(checked.diagnostics.len(), 1, "{:#?}", checked.diagnostics);
    let d = &checked.diagnostics[0];
    assert!(d.origin.ends_with("parent.yaml"), "{d}");
    assert_eq!((d.line, d.column), (Some(9), Some(32)), "{d}");
}
