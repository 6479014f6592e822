//! Text equivalents of the two charts, for the `alt` attribute of their images: what a
//! reader who cannot see the stance card or the comparison chart needs to know from it.

use std::fmt::Write;

use super::sides::direction;
use crate::analysis::Engine;
use crate::report::chart::{CardData, ComparisonData, Stance};
use crate::report::format::{fmt_weight, signed};

fn stance_alt(st: &Stance, engine: &Engine) -> String {
    format!(
        "{} ({}), likely between {} and {}{}",
        signed(st.value),
        direction(engine, st.value),
        signed(st.low),
        signed(st.high),
        if st.enough {
            ""
        } else {
            ", from too little evidence"
        }
    )
}

/// A text equivalent of a stance card.
pub fn card_alt(engine: &Engine, card: &CardData) -> String {
    let mut o = String::from("Stance card. ");
    if card.concepts.is_empty() {
        o.push_str("No loaded words found. ");
    } else {
        o.push_str("Weight of loaded words by concept: ");
        let items: Vec<String> = card
            .concepts
            .iter()
            .take(8)
            .map(|c| {
                let per_side: Vec<String> = card
                    .sides
                    .iter()
                    .zip(&c.weights)
                    .filter(|(_, n)| n.narrator + n.quoted > 0.0)
                    .map(|(s, n)| {
                        format!(
                            "{} {} ({} in the outlet’s own words)",
                            fmt_weight(n.narrator + n.quoted),
                            s.label,
                            fmt_weight(n.narrator)
                        )
                    })
                    .collect();
                format!("{}: {}", c.label, per_side.join(", "))
            })
            .collect();
        o.push_str(&items.join("; "));
        if card.concepts.len() > 8 {
            let _ = write!(o, "; and {} more concepts", card.concepts.len() - 8);
        }
        o.push_str(". ");
    }
    if card.quotes.is_empty() {
        o.push_str("No speech quotations. ");
    } else {
        o.push_str("Who is heard, quoted words by speaker side: ");
        let items: Vec<String> = card
            .quotes
            .iter()
            .map(|q| {
                if q.speakers.is_empty() {
                    format!("{} {}", q.label, q.words)
                } else {
                    format!("{} {} ({})", q.label, q.words, q.speakers.join(", "))
                }
            })
            .collect();
        o.push_str(&items.join("; "));
        o.push_str(". ");
    }
    let _ = write!(
        o,
        "Stance {} ({:.0}% interval; evidence {:.1}, threshold {:.1}).",
        stance_alt(&card.stance, engine),
        (100.0 * card.interval_level).round(),
        card.evidence,
        card.min_evidence
    );
    o
}

/// A text equivalent of the comparison chart.
pub fn comparison_alt(engine: &Engine, data: &ComparisonData) -> String {
    let sides = &engine.lexicon.sides;
    let scale = format!(
        "on a scale from −1 ({}) to +1 ({})",
        sides.first().map_or("", |s| s.label.as_str()),
        sides.last().map_or("", |s| s.label.as_str())
    );
    let mut o = if data.grouped {
        format!(
            "Comparison chart of {} outlet(s). Mean stance of each outlet's articles, from their loaded words, {scale}: ",
            data.rows.len()
        )
    } else {
        format!(
            "Comparison chart of {} article(s). Stance per article, from its loaded words, {scale}: ",
            data.rows.len()
        )
    };
    let items: Vec<String> = data
        .rows
        .iter()
        .map(|r| {
            if data.grouped {
                format!(
                    "{}: mean {} ({}), {} article{} from {} to {}",
                    r.label,
                    signed(r.stance.value),
                    direction(engine, r.stance.value),
                    r.members.len(),
                    if r.members.len() == 1 { "" } else { "s" },
                    signed(r.stance.low),
                    signed(r.stance.high)
                )
            } else {
                format!("{}: stance {}", r.label, stance_alt(&r.stance, engine))
            }
        })
        .collect();
    o.push_str(&items.join("; "));
    o.push_str(". Below it, the word-choice matrix, also given as a table on this page.");
    o
}
