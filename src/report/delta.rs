//! Human output for `slant score --baseline-lexicon`: the lexicon changes, then per article
//! how the numbers moved and which entries moved them.

use std::fmt::Write;

use crate::authoring::delta::{ArticleDelta, LexiconChange, Summary};
use crate::lexicon::Lexicon;
use crate::report::format::{ellipsize, fmt_lean};

/// Which side a change in lean (or pull) moves toward.
fn toward(l: &Lexicon, change: f64) -> String {
    match (l.sides.first(), l.sides.last()) {
        (Some(_), Some(last)) if change > 1e-9 => format!("toward {}", last.label),
        (Some(first), Some(_)) if change < -1e-9 => format!("toward {}", first.label),
        _ => "no move".into(),
    }
}

/// The comparison's heading and the list of lexicon changes.
pub fn header(baseline: &Lexicon, lexicon: &Lexicon, changes: &[LexiconChange]) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "Comparing lexicon {} {} ({}, {}) with baseline {} {} ({}, {})",
        lexicon.name,
        lexicon.version,
        lexicon.origin,
        lexicon.short_hash(),
        baseline.name,
        baseline.version,
        baseline.origin,
        baseline.short_hash()
    );
    if changes.is_empty() {
        let _ = writeln!(
            o,
            "\nLexicon changes: none (the two lexicons match and score alike)"
        );
    } else {
        let _ = writeln!(o, "\nLexicon changes ({}):", changes.len());
        for c in changes {
            let _ = writeln!(o, "  {} {}: {}", c.kind.symbol(), c.entry, c.detail);
        }
    }
    o.push('\n');
    o
}

fn side_line(before: &Summary, after: &Summary) -> String {
    let mut parts = Vec::new();
    for (b, a) in before.sides.iter().zip(&after.sides) {
        if b.count == a.count && (b.weight - a.weight).abs() < 1e-9 {
            parts.push(format!("{} {} (weight {:.2})", a.label, a.count, a.weight));
        } else {
            parts.push(format!(
                "{} {} → {} (weight {:.2} → {:.2})",
                a.label, b.count, a.count, b.weight, a.weight
            ));
        }
    }
    if before.neutral_count == after.neutral_count {
        parts.push(format!("neutral {}", after.neutral_count));
    } else {
        parts.push(format!(
            "neutral {} → {}",
            before.neutral_count, after.neutral_count
        ));
    }
    parts.join(" · ")
}

/// One article: the moved numbers and the entries behind them.
pub fn article(lexicon: &Lexicon, d: &ArticleDelta) -> String {
    let mut o = String::new();
    let head = format!("{}  {}", d.id, ellipsize(&d.title, 60));
    if d.unchanged() {
        let _ = writeln!(o, "{head} — no change");
        return o;
    }
    let _ = writeln!(o, "{head}");
    let (b, a) = (&d.before, &d.after);
    let lean_change = a.term_lean - b.term_lean;
    let _ = writeln!(
        o,
        "  term lean {} → {}   {:+.2} {}",
        fmt_lean(b.term_lean, b.term_enough),
        fmt_lean(a.term_lean, a.term_enough),
        lean_change,
        toward(lexicon, lean_change)
    );
    let stance_change = a.stance - b.stance;
    let _ = writeln!(
        o,
        "  stance    {} → {}   {:+.2} {}",
        fmt_lean(b.stance, b.term_enough),
        fmt_lean(a.stance, a.term_enough),
        stance_change,
        toward(lexicon, stance_change)
    );
    let _ = writeln!(o, "  evidence  {:.2} → {:.2}", b.evidence, a.evidence);
    let _ = writeln!(o, "  hits      {}", side_line(b, a));
    if d.entries.is_empty() {
        let _ = writeln!(o, "  caused by: no entry (a scoring setting changed)");
    } else {
        let _ = writeln!(o, "  caused by:");
        let width = d
            .entries
            .iter()
            .map(|e| e.concept.chars().count() + e.variant.chars().count() + 3)
            .max()
            .unwrap_or(0)
            .min(52);
        for e in &d.entries {
            let name = ellipsize(&format!("{} / {}", e.concept, e.variant), width);
            let pad = width.saturating_sub(name.chars().count());
            let _ = writeln!(
                o,
                "    {name}{}  {} → {} hits  weight {:.2} → {:.2}  {:+.2} {}",
                " ".repeat(pad),
                e.hits_before,
                e.hits_after,
                e.weight_before,
                e.weight_after,
                e.pull_change(),
                toward(lexicon, e.pull_change())
            );
        }
    }
    o
}

/// Closing line: how many articles moved.
pub fn footer(articles: usize, changed: usize) -> String {
    format!(
        "\n{articles} article(s) compared, {changed} changed. Weights are summed contributions (weight × voice × modifiers); the signed number is the entry's pull on the lean, negative toward the first side.\n"
    )
}
