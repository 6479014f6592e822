//! How the lexicon's sides look on a page: class names, underline patterns (so sides
//! differ without color), the per-side CSS colours derived from each side's colour, the
//! labels of term and speaker sides, which way a lean points in words, and the legend.

use std::fmt::Write;

use super::escape::escape;
use crate::analysis::Engine;
use crate::lexicon::SideRef;
use crate::quotes::QuoteSide;
use crate::report::color::{hex, text_shade_wcag, tint};

/// Underline patterns, one per side (cycled), so sides differ without color.
const PATTERNS: [&str; 4] = ["solid", "dashed", "wavy", "double"];

fn pattern(side: usize) -> &'static str {
    PATTERNS[side % PATTERNS.len()]
}

fn pattern_words(side: usize) -> &'static str {
    match pattern(side) {
        "solid" => "solid underline",
        "dashed" => "dashed underline",
        "wavy" => "wavy underline",
        _ => "double underline",
    }
}

pub(super) fn side_class(side: SideRef) -> String {
    match side {
        Some(i) => format!("s{i}"),
        None => "sn".to_string(),
    }
}

/// CSS for the lexicon's sides: custom properties per side class and underline patterns.
pub(super) fn side_css(engine: &Engine) -> String {
    let sides = &engine.lexicon.sides;
    let mut o = String::new();
    for (i, s) in sides.iter().enumerate() {
        let _ = writeln!(
            o,
            ".s{i}{{--side:{};--tint:{};--qtint:{};--dark:{}}}\nmark.t.s{i}{{text-decoration-style:{}}}\n.chip.s{i}{{border-bottom-style:{}}}",
            hex(s.color),
            hex(tint(s.color, 0.78)),
            hex(tint(s.color, 0.9)),
            hex(text_shade_wcag(s.color)),
            pattern(i),
            if pattern(i) == "wavy" { "dotted" } else { pattern(i) }
        );
    }
    if let (Some(first), Some(last)) = (sides.first(), sides.last()) {
        let _ = writeln!(
            o,
            ".meter{{background:linear-gradient(90deg,{},#e6e6e6 50%,{})}}",
            hex(tint(first.color, 0.35)),
            hex(tint(last.color, 0.35))
        );
    }
    o
}

pub(super) fn side_label(engine: &Engine, side: SideRef) -> String {
    match side {
        Some(i) => engine.lexicon.sides[i].label.clone(),
        None => "neutral".to_string(),
    }
}

pub(super) fn quote_side_class(qs: &QuoteSide) -> String {
    match qs {
        QuoteSide::Side(i) => format!("s{i}"),
        QuoteSide::Neutral => "sn".to_string(),
        _ => "sx".to_string(),
    }
}

pub(super) fn quote_side_label(engine: &Engine, qs: &QuoteSide) -> String {
    match qs {
        QuoteSide::Side(i) => engine.lexicon.sides[*i].label.clone(),
        QuoteSide::Neutral => "neutral".to_string(),
        QuoteSide::Unaligned => "unaligned".to_string(),
        QuoteSide::Unattributed => "unattributed".to_string(),
    }
}

/// Which way a lean points, in words.
pub(super) fn direction(engine: &Engine, v: f64) -> String {
    let sides = &engine.lexicon.sides;
    if v.abs() < 0.15 || sides.len() < 2 {
        return "near the middle".to_string();
    }
    let side = if v < 0.0 {
        &sides[0]
    } else {
        &sides[sides.len() - 1]
    };
    format!("toward {}", side.label)
}

/// The side legend; on an article page (`with_text_marks`) also quotations, scare
/// quotes, charged words and footnotes. Neutral words are in it where they are marked.
pub(super) fn legend(engine: &Engine, with_text_marks: bool, show_neutral: bool) -> String {
    let mut o = String::from("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for (i, s) in engine.lexicon.sides.iter().enumerate() {
        let _ = writeln!(
            o,
            "<li><mark class=\"t s{i}\">{}</mark> words ({})</li>",
            escape(&s.label),
            pattern_words(i)
        );
    }
    if show_neutral || !with_text_marks {
        o.push_str("<li><mark class=\"t sn\">neutral</mark> words (no underline: the plain alternative)</li>\n");
    }
    if with_text_marks {
        o.push_str("<li><mark class=\"t tone\">charged</mark> words (dotted grey underline: tone, for no side)</li>\n");
        if let Some(s) = engine.lexicon.sides.first() {
            let _ = writeln!(
                o,
                "<li><span class=\"q s0\"><span class=\"who\">Speaker · {}</span>“…”</span> a quotation, shaded by its speaker’s side</li>",
                escape(&s.label)
            );
        }
        o.push_str("<li><span class=\"q scare\"><span class=\"who\">scare quotes</span>“…”</span> a word held at arm’s length</li>\n");
        o.push_str("<li><sup class=\"fn\"><a>3</a></sup> see row 3 of the ledger</li>\n");
        o.push_str("<li><span class=\"pn-key\">4</span> paragraph 4</li>\n");
    }
    o.push_str("</ul>\n");
    o
}
