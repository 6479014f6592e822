//! Score deltas between two lexicons: what changed in the lexicon, and per article how the
//! counts, term lean and stance moved and which entries caused it.
//!
//! Entries are matched across the two lexicons by concept id and variant label (the label
//! defaults to the first term), so a renamed variant shows up as one removed and one added.
//! An entry's *pull* on an article is `Σ position(counted side) × contribution` over its
//! hits: the first side sits at −1, the last at +1 (see `score`), so a positive change in
//! pull moves the term lean toward the last side.

use serde::Serialize;

use crate::analysis::{Analysis, Engine};
use crate::lexicon::{Concept, Lexicon, Variant};
use crate::score::Scores;

/// What kind of change a lexicon change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn symbol(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
        }
    }
}

/// One difference between the baseline and the new lexicon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LexiconChange {
    pub kind: ChangeKind,
    /// `concept`, `concept / variant`, `scoring` or `sides`.
    pub entry: String,
    pub detail: String,
}

fn find_variant<'a>(c: &'a Concept, v: &Variant) -> Option<&'a Variant> {
    c.variants.iter().find(|x| x.label == v.label)
}

fn list(items: &[&String]) -> String {
    const MAX: usize = 6;
    let mut s: Vec<String> = items.iter().take(MAX).map(|t| format!("“{t}”")).collect();
    if items.len() > MAX {
        s.push(format!("and {} more", items.len() - MAX));
    }
    s.join(", ")
}

fn fmt_num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// Everything that differs between `old` (the baseline) and `new`.
pub fn lexicon_changes(old: &Lexicon, new: &Lexicon) -> Vec<LexiconChange> {
    let mut out = Vec::new();
    let mut push = |kind, entry: String, detail: String| {
        out.push(LexiconChange {
            kind,
            entry,
            detail,
        })
    };
    let old_sides: Vec<&str> = old.sides.iter().map(|s| s.id.as_str()).collect();
    let new_sides: Vec<&str> = new.sides.iter().map(|s| s.id.as_str()).collect();
    if old_sides != new_sides {
        push(
            ChangeKind::Changed,
            "sides".into(),
            format!(
                "{} → {}; leans are compared position by position",
                old_sides.join(", "),
                new_sides.join(", ")
            ),
        );
    }
    let (os, ns) = (&old.scoring, &new.scoring);
    for (name, a, b) in [
        ("voice.narrator", os.narrator, ns.narrator),
        ("voice.quoted", os.quoted, ns.quoted),
        ("voice.reported", os.reported, ns.reported),
        ("voice.scare_quoted", os.scare_quoted, ns.scare_quoted),
        ("modifiers.negated", os.negated, ns.negated),
        ("modifiers.distanced", os.distanced, ns.distanced),
        ("stance.prior", os.prior, ns.prior),
        ("stance.interval", os.interval, ns.interval),
        ("stance.framing", os.framing, ns.framing),
        ("min_evidence", os.min_evidence, ns.min_evidence),
        ("min_quote_words", os.min_quote_words, ns.min_quote_words),
    ] {
        if a != b {
            push(
                ChangeKind::Changed,
                format!("scoring.{name}"),
                format!("{} → {}", fmt_num(a), fmt_num(b)),
            );
        }
    }
    for c in &old.concepts {
        if !new.concepts.iter().any(|n| n.id == c.id) {
            push(
                ChangeKind::Removed,
                c.id.clone(),
                "concept removed or disabled".into(),
            );
        }
    }
    for n in &new.concepts {
        let Some(c) = old.concepts.iter().find(|c| c.id == n.id) else {
            let terms: usize = n.variants.iter().map(|v| v.terms.len()).sum();
            push(
                ChangeKind::Added,
                n.id.clone(),
                format!(
                    "concept added ({} variant(s), {terms} term(s))",
                    n.variants.len()
                ),
            );
            continue;
        };
        if c.scare_quoted != n.scare_quoted {
            push(
                ChangeKind::Changed,
                n.id.clone(),
                format!(
                    "scare_quoted {} → {}",
                    scare_name(old, c),
                    scare_name(new, n)
                ),
            );
        }
        for v in &c.variants {
            if find_variant(n, v).is_none() {
                push(
                    ChangeKind::Removed,
                    format!("{} / {}", c.id, v.label),
                    "variant removed".into(),
                );
            }
        }
        for nv in &n.variants {
            let entry = format!("{} / {}", n.id, nv.label);
            let Some(ov) = find_variant(c, nv) else {
                push(
                    ChangeKind::Added,
                    entry,
                    format!(
                        "variant added ({}, weight {}, {} term(s))",
                        new.side_id(nv.side),
                        fmt_num(nv.weight),
                        nv.terms.len()
                    ),
                );
                continue;
            };
            if old.side_id(ov.side) != new.side_id(nv.side) {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    format!("side {} → {}", old.side_id(ov.side), new.side_id(nv.side)),
                );
            }
            if ov.weight != nv.weight {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    format!("weight {} → {}", fmt_num(ov.weight), fmt_num(nv.weight)),
                );
            }
            if ov.case_sensitive != nv.case_sensitive {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    format!(
                        "case_sensitive {} → {}",
                        ov.case_sensitive, nv.case_sensitive
                    ),
                );
            }
            let added: Vec<&String> = nv.terms.iter().filter(|t| !ov.terms.contains(t)).collect();
            let removed: Vec<&String> = ov.terms.iter().filter(|t| !nv.terms.contains(t)).collect();
            if !added.is_empty() {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    format!("terms added: {}", list(&added)),
                );
            }
            if !removed.is_empty() {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    format!("terms removed: {}", list(&removed)),
                );
            }
            if ov.patterns != nv.patterns {
                push(
                    ChangeKind::Changed,
                    entry.clone(),
                    "patterns changed".into(),
                );
            }
        }
    }
    out
}

fn scare_name(l: &Lexicon, c: &Concept) -> String {
    match c.scare_quoted {
        crate::lexicon::ScareQuoted::Flip => "flip".into(),
        crate::lexicon::ScareQuoted::Keep => "keep".into(),
        crate::lexicon::ScareQuoted::Side(s) => l.side_id(s).to_string(),
    }
}

/// The scores of one side in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideSummary {
    pub side: String,
    pub label: String,
    pub count: u32,
    pub weight: f64,
}

/// The numbers of one article under one lexicon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub sides: Vec<SideSummary>,
    pub neutral_count: u32,
    pub evidence: f64,
    pub term_lean: f64,
    pub term_enough: bool,
    pub stance: f64,
    pub stance_interval: [f64; 2],
}

fn summary(l: &Lexicon, s: &Scores) -> Summary {
    Summary {
        sides: l
            .sides
            .iter()
            .zip(&s.sides)
            .map(|(side, t)| SideSummary {
                side: side.id.clone(),
                label: side.label.clone(),
                count: t.count,
                weight: t.weight,
            })
            .collect(),
        neutral_count: s.neutral_count,
        evidence: s.evidence,
        term_lean: s.term_lean,
        term_enough: s.term_enough,
        stance: s.stance,
        stance_interval: [s.stance_interval.0, s.stance_interval.1],
    }
}

/// How one entry's hits in one article differ between the lexicons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryDelta {
    pub concept: String,
    pub variant: String,
    /// The variant's side in the new lexicon (or the baseline's, when removed).
    pub side: String,
    pub hits_before: u32,
    pub hits_after: u32,
    /// Summed contributions (weight × voice × modifiers) of its hits.
    pub weight_before: f64,
    pub weight_after: f64,
    /// Signed pull on the lean axis (negative: toward the first side).
    pub pull_before: f64,
    pub pull_after: f64,
}

impl EntryDelta {
    pub fn pull_change(&self) -> f64 {
        self.pull_after - self.pull_before
    }
}

/// One article compared under both lexicons.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleDelta {
    pub id: String,
    pub title: String,
    pub before: Summary,
    pub after: Summary,
    /// Entries whose hits or contributions changed, largest change in pull first.
    pub entries: Vec<EntryDelta>,
}

impl ArticleDelta {
    /// True when nothing about the article's terms or scores changed.
    pub fn unchanged(&self) -> bool {
        self.entries.is_empty() && self.before == self.after
    }
}

#[derive(Default, Clone)]
struct Tally {
    hits: u32,
    weight: f64,
    pull: f64,
}

fn tally(engine: &Engine, a: &Analysis) -> Vec<((String, String), String, Tally)> {
    let l = &engine.lexicon;
    let mut out: Vec<((String, String), String, Tally)> = Vec::new();
    for t in &a.terms {
        let c = &l.concepts[t.concept];
        let v = &c.variants[t.variant];
        let key = (c.id.clone(), v.label.clone());
        let i = match out.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                out.push((key, l.side_id(v.side).to_string(), Tally::default()));
                out.len() - 1
            }
        };
        let e = &mut out[i].2;
        e.hits += 1;
        e.weight += t.contribution;
        if let Some(s) = t.counted_side {
            e.pull += l.side_position(s) * t.contribution;
        }
    }
    out
}

const EPS: f64 = 1e-9;

/// Compare one article analysed with the baseline (`old`) and the new lexicon.
pub fn article_delta(
    old: &Engine,
    new: &Engine,
    before: &Analysis,
    after: &Analysis,
) -> ArticleDelta {
    let tb = tally(old, before);
    let ta = tally(new, after);
    let mut entries = Vec::new();
    for (key, side, a) in &ta {
        let b = tb
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, t)| t.clone())
            .unwrap_or_default();
        entries.push(delta_entry(key, side, &b, a));
    }
    for (key, side, b) in &tb {
        if !ta.iter().any(|(k, _, _)| k == key) {
            entries.push(delta_entry(key, side, b, &Tally::default()));
        }
    }
    entries.retain(|e| {
        e.hits_before != e.hits_after
            || (e.weight_before - e.weight_after).abs() > EPS
            || (e.pull_before - e.pull_after).abs() > EPS
    });
    entries.sort_by(|x, y| {
        y.pull_change()
            .abs()
            .total_cmp(&x.pull_change().abs())
            .then(
                (y.weight_after - y.weight_before)
                    .abs()
                    .total_cmp(&(x.weight_after - x.weight_before).abs()),
            )
            .then(x.concept.cmp(&y.concept))
            .then(x.variant.cmp(&y.variant))
    });
    ArticleDelta {
        id: after.article.id.clone(),
        title: after.article.title.clone(),
        before: summary(&old.lexicon, &before.scores),
        after: summary(&new.lexicon, &after.scores),
        entries,
    }
}

fn delta_entry(key: &(String, String), side: &str, b: &Tally, a: &Tally) -> EntryDelta {
    EntryDelta {
        concept: key.0.clone(),
        variant: key.1.clone(),
        side: side.to_string(),
        hits_before: b.hits,
        hits_after: a.hits,
        weight_before: b.weight,
        weight_after: a.weight,
        pull_before: b.pull,
        pull_after: a.pull,
    }
}

/// Everything `slant score --baseline-lexicon` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub baseline: LexiconRef,
    pub lexicon: LexiconRef,
    pub changes: Vec<LexiconChange>,
    pub articles: Vec<ArticleDelta>,
}

/// Which lexicon a number came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LexiconRef {
    pub name: String,
    pub version: String,
    pub origin: String,
    pub sha256: String,
}

impl LexiconRef {
    pub fn of(l: &Lexicon) -> LexiconRef {
        LexiconRef {
            name: l.name.clone(),
            version: l.version.clone(),
            origin: l.origin.clone(),
            sha256: l.sha256.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;
    use crate::lexicon::Limits;

    fn lex(weight: f64, extra: &str) -> Engine {
        let yaml = format!("name: t\nversion: '1'\nsides:\n  - {{id: a, label: A, color: '#0072B2'}}\n  - {{id: b, label: B, color: '#D55E00'}}\nconcepts:\n  - id: people\n    variants:\n      - {{terms: [illegals], side: b, weight: {weight}}}\n      - {{terms: [undocumented], side: a}}\n{extra}");
        Engine::new(Lexicon::from_yaml("t.yaml", &yaml, Limits::default()).unwrap()).unwrap()
    }

    #[test]
    fn a_heavier_weight_pulls_the_lean_and_names_its_entry() {
        let old = lex(1.0, "");
        let new = lex(
            2.0,
            "  - id: wave\n    variants:\n      - {terms: [flood], side: b}\n",
        );
        let text = "The illegals and the undocumented came in a flood.";
        let art = || Article::from_text("x", "-", text.to_string());
        let d = article_delta(&old, &new, &old.analyze(art()), &new.analyze(art()));
        // Before: 1 vs 1 → 0. After: 1 (a) vs 2 + 1 (b) → (3 − 1) / 4.
        assert!(d.before.term_lean.abs() < 1e-12);
        assert!((d.after.term_lean - 0.5).abs() < 1e-12);
        let names: Vec<(&str, &str)> = d
            .entries
            .iter()
            .map(|e| (e.concept.as_str(), e.variant.as_str()))
            .collect();
        assert_eq!(names, [("people", "illegals"), ("wave", "flood")]);
        assert_eq!((d.entries[0].hits_before, d.entries[0].hits_after), (1, 1));
        assert!((d.entries[0].pull_change() - 1.0).abs() < 1e-12);
        assert_eq!((d.entries[1].hits_before, d.entries[1].hits_after), (0, 1));
        let changes = lexicon_changes(&old.lexicon, &new.lexicon);
        let shown: Vec<String> = changes
            .iter()
            .map(|c| format!("{} {}: {}", c.kind.symbol(), c.entry, c.detail))
            .collect();
        assert_eq!(
            shown,
            [
                "~ people / illegals: weight 1 → 2",
                "+ wave: concept added (1 variant(s), 1 term(s))"
            ]
        );
        // Same lexicon: nothing changes.
        let same = article_delta(&old, &old, &old.analyze(art()), &old.analyze(art()));
        assert!(same.unchanged());
        assert!(lexicon_changes(&old.lexicon, &old.lexicon).is_empty());
    }
}
