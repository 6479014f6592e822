//! `slant explain`: a ledger a student can check by hand.
//!
//! Every term hit with its context, lexicon entry, voice, modifiers, weight, factor and
//! contribution; every quotation with its speaker, side, rule, cue and framing; the reported
//! speech; then the arithmetic of each score written out with the actual numbers: the
//! stance and its interval, who is heard, how sources are framed, and the tone.

use std::fmt::Write;

use crate::analysis::{Analysis, Engine};
use crate::quotes::QuoteKind;
use crate::report::format::{ellipsize, fmt_lean, num, plural};
use crate::report::ledger::{self, contribution_sum, lean_formula};
use crate::score::prominence;

/// Up to `n` characters of context on each side of `start..end`, on one line, with the
/// span in brackets.
pub fn context(text: &str, start: usize, end: usize, n: usize) -> String {
    let before: String = text[..start]
        .chars()
        .rev()
        .take(n)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[end..].chars().take(n).collect();
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if before.len() < start { "…" } else { "" };
    let tail = if end + after.len() < text.len() {
        "…"
    } else {
        ""
    };
    let b = clean(&before);
    let a = clean(&after);
    let sep_b = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let sep_a = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    format!(
        "{lead}{b}{sep_b}[{}]{sep_a}{a}{tail}",
        clean(&text[start..end])
    )
}

/// Render the ledger for one article.
pub fn render(engine: &Engine, a: &Analysis) -> String {
    let l = &engine.lexicon;
    let s = &a.scores;
    let text = &a.article.text;
    let mut o = String::new();
    let _ = writeln!(o, "{}", a.article.title);
    let _ = writeln!(
        o,
        "id {} · {} · {} words · lexicon {} {} ({})",
        a.article.id,
        a.article.source,
        a.words,
        l.name,
        l.version,
        l.short_hash()
    );
    for w in &a.article.warnings {
        let _ = writeln!(o, "warning: {w}");
    }
    let sides: Vec<String> = l.sides.iter().map(|s| s.label.clone()).collect();
    let _ = writeln!(
        o,
        "Lean runs from −1 ({}) to +1 ({}).",
        sides.first().map_or("", |s| s),
        sides.last().map_or("", |s| s)
    );
    let _ = writeln!(
        o,
        "Factors: narrator ×{}, quoted ×{}, reported ×{}, scare-quoted ×{}, negated ×{}, distanced ×{}.",
        l.scoring.narrator,
        l.scoring.quoted,
        l.scoring.reported,
        l.scoring.scare_quoted,
        l.scoring.negated,
        l.scoring.distanced
    );

    let loaded: Vec<&crate::attribute::TermHit> = a
        .terms
        .iter()
        .filter(|t| t.counted_side.is_some())
        .collect();
    let _ = writeln!(
        o,
        "\nLOADED TERMS ({} hits that count for a side)",
        loaded.len()
    );
    for (i, t) in loaded.iter().enumerate() {
        let c = &l.concepts[t.concept];
        let v = &c.variants[t.variant];
        let _ = writeln!(
            o,
            "{:>3}. {}:{}  “{}”  {}",
            i + 1,
            t.line,
            t.column,
            t.text(text),
            context(text, t.start, t.end, 40)
        );
        let mut why = format!(
            "     concept {} → variant “{}” ({}, weight {})",
            c.id,
            v.label,
            l.side_id(t.side),
            num(t.weight)
        );
        let voice = match (&t.voice, &t.speaker) {
            (crate::attribute::Voice::Quoted, Some(sp)) => format!("quoted ({sp})"),
            (crate::attribute::Voice::Quoted, None) => "quoted (unattributed)".to_string(),
            (crate::attribute::Voice::Reported, Some(sp)) => format!("reported ({sp})"),
            (v, _) => v.as_str().replace('_', "-"),
        };
        let _ = write!(why, "; voice {voice}");
        for m in &t.modifiers {
            let _ = write!(why, "; {} (“{}”)", m.kind.as_str(), m.cue);
        }
        let _ = writeln!(o, "{why}");
        let moved = if t.counted_side != t.side {
            format!(
                " (moved from {} by scare quotes/distancing)",
                l.side_id(t.side)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "     {} × {} = {} for {}{}",
            num(t.weight),
            num(t.factor),
            num(t.contribution),
            l.side_id(t.counted_side),
            moved
        );
    }
    // Neutral hits add nothing; list them compactly so word choice is still visible.
    let is_tone = |t: &&crate::attribute::TermHit| l.concepts[t.concept].tone;
    let named = |t: &&crate::attribute::TermHit| {
        t.modifiers
            .iter()
            .any(|m| m.kind == crate::attribute::ModifierKind::InName)
    };
    let mut neutral: Vec<(String, u32, Vec<String>)> = Vec::new();
    for t in a
        .terms
        .iter()
        .filter(|t| t.counted_side.is_none() && !is_tone(t) && !named(t))
    {
        let label = l.concepts[t.concept].variants[t.variant].label.clone();
        let at = format!("{}:{}", t.line, t.column);
        match neutral.iter_mut().find(|(lab, _, _)| *lab == label) {
            Some(e) => {
                e.1 += 1;
                e.2.push(at);
            }
            None => neutral.push((label, 1, vec![at])),
        }
    }
    let _ = writeln!(
        o,
        "\nNEUTRAL TERMS ({} hits, weight 0: they show word choice but lean nowhere)",
        neutral.iter().map(|n| n.1).sum::<u32>()
    );
    for (label, n, at) in &neutral {
        let _ = writeln!(o, "     “{label}” ×{n} at {}", at.join(", "));
    }
    let names: Vec<_> = a.terms.iter().filter(|t| named(t)).collect();
    if !names.is_empty() {
        let _ = writeln!(
            o,
            "\nIN NAMES ({} hits inside a proper name such as an organisation or a law: they name something and count for no side)",
            names.len()
        );
        for t in names {
            let _ = writeln!(
                o,
                "     “{}” at {}:{} (variant “{}”)",
                &text[t.start..t.end],
                t.line,
                t.column,
                l.concepts[t.concept].variants[t.variant].label
            );
        }
    }

    let speech = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .count();
    let _ = writeln!(
        o,
        "\nQUOTATIONS ({} speech, {} term)",
        speech,
        a.quotes.len() - speech
    );
    for (i, q) in a.quotes.iter().enumerate() {
        let inner = ellipsize(&text[q.start..q.end], 90);
        match q.kind {
            QuoteKind::Term => {
                let _ = writeln!(
                    o,
                    "{:>3}. term quote “{}” (scare quotes / a label, not speech)",
                    i + 1,
                    inner
                );
            }
            QuoteKind::Speech => {
                let who = match (&q.speaker, q.side.id(l)) {
                    (Some(sp), Some(side)) => format!("{sp} ({side})"),
                    (Some(sp), None) => format!("{sp} (unaligned)"),
                    (None, _) => "unattributed".to_string(),
                };
                let p = prominence(q.open, text.len());
                let _ = writeln!(
                    o,
                    "{:>3}. {} word{}, {}: “{}”",
                    i + 1,
                    q.words,
                    plural(q.words),
                    who,
                    inner
                );
                let _ = writeln!(
                    o,
                    "     rule {}{}{}; prominence {} → weighted words {}",
                    q.rule,
                    q.cue
                        .as_ref()
                        .map(|c| {
                            let f = q
                                .framing
                                .map(|f| format!(", {}", f.as_str()))
                                .unwrap_or_default();
                            format!(", cue “{c}”{f}")
                        })
                        .unwrap_or_default(),
                    if q.unclosed {
                        "; UNCLOSED (bounded to its paragraph)"
                    } else {
                        ""
                    },
                    num(p),
                    num(p * q.words as f64)
                );
            }
        }
    }

    let _ = writeln!(
        o,
        "\nREPORTED SPEECH ({} span{}: someone's words in the outlet's paraphrase; loaded words here count ×{})",
        a.reported.len(),
        plural(a.reported.len()),
        num(l.scoring.reported)
    );
    for (i, r) in a.reported.iter().enumerate() {
        let who = match (&r.speaker, r.side.id(l)) {
            (Some(sp), Some(side)) => format!("{sp} ({side})"),
            (Some(sp), None) => format!("{sp} (unaligned)"),
            (None, _) => "unresolved speaker".to_string(),
        };
        let _ = writeln!(
            o,
            "{:>3}. {}, cue “{}” ({}): {}",
            i + 1,
            who,
            r.cue,
            r.framing.as_str(),
            ellipsize(&text[r.start..r.end], 90)
        );
    }

    let _ = writeln!(o, "\nHOW THE SCORES ADD UP");
    let mut weights = Vec::new();
    for (i, side) in l.sides.iter().enumerate() {
        let sum = s.sides[i].weight;
        weights.push(sum);
        let _ = writeln!(
            o,
            "  {}: {} hits, weight {} = {}  ({} per 1,000 words)",
            side.label,
            s.sides[i].count,
            contribution_sum(a, i),
            num(sum),
            num(s.sides[i].per_1000_words)
        );
    }
    let _ = writeln!(o, "  neutral hits: {}", s.neutral_count);
    let _ = writeln!(
        o,
        "  evidence = {} = {} ({} the threshold {})",
        ledger::sum_of(&weights),
        num(s.evidence),
        if s.term_enough { "meets" } else { "below" },
        num(s.min_evidence)
    );
    let _ = writeln!(
        o,
        "  term lean (no prior) = {} = {:+.2}",
        lean_formula(l, &weights),
        s.term_lean,
    );
    let _ = writeln!(
        o,
        "  stance = {} = {:+.2}  (every side starts from {} points of evidence, so thin evidence stays near 0){}",
        ledger::stance_formula(l, &weights, s.prior),
        s.stance,
        num(s.prior),
        if s.term_enough {
            ""
        } else {
            "; too little evidence to say much"
        }
    );
    let _ = writeln!(
        o,
        "  how sure: {:.0}% interval [{:+.2}, {:+.2}] ({})",
        (100.0 * s.interval_level).round(),
        s.stance_interval.0,
        s.stance_interval.1,
        ledger::interval_source(l, &weights, s.prior)
    );

    let _ = writeln!(
        o,
        "\nWHO IS HEARD (a description of whom the article quotes, not a lean: it does not enter the stance)"
    );
    let qw: Vec<f64> = s.quotes.iter().map(|q| q.weighted).collect();
    for (i, side) in l.sides.iter().enumerate() {
        let qs = &s.quotes[i];
        let _ = writeln!(
            o,
            "  quoted {}: {} quote{}, {} word{} ({:.0}% of quoted words), prominence-weighted {}; speakers: {}",
            side.label,
            qs.quotes,
            plural(qs.quotes),
            qs.words,
            plural(qs.words),
            qs.share * 100.0,
            num(qw[i]),
            if qs.speakers.is_empty() { "none".to_string() } else { qs.speakers.join(", ") }
        );
    }
    for (name, qs) in [
        ("neutral", &s.neutral_quotes),
        ("unaligned", &s.unaligned_quotes),
        ("unattributed", &s.unattributed_quotes),
    ] {
        if qs.quotes > 0 {
            let _ = writeln!(
                o,
                "  quoted {name}: {} quote{}, {} word{}{}",
                qs.quotes,
                plural(qs.quotes),
                qs.words,
                plural(qs.words),
                if qs.speakers.is_empty() {
                    String::new()
                } else {
                    format!("; speakers: {}", qs.speakers.join(", "))
                }
            );
        }
    }
    let _ = writeln!(
        o,
        "  quote balance = {} = {:+.2}{}",
        lean_formula(l, &qw),
        s.quote_balance,
        if s.balance_enough {
            String::new()
        } else {
            format!(" (fewer than {} aligned words)", num(s.min_quote_words))
        }
    );
    let _ = writeln!(
        o,
        "\nHOW SOURCES ARE FRAMED (the cue introducing each attributed quotation or paraphrase; not part of the stance)"
    );
    let tally = |t: &crate::score::FramingTally| {
        format!(
            "{} skeptical, {} neutral, {} endorsing",
            t.skeptical, t.neutral, t.endorsing
        )
    };
    for (side, t) in l.sides.iter().zip(&s.framing) {
        let _ = writeln!(o, "  {} speakers: {}", side.label, tally(t));
    }
    let _ = writeln!(o, "  other speakers: {}", tally(&s.framing_other));
    let _ = writeln!(
        o,
        "  framing lean = {:+.2} from {} point{} (an endorsing cue for a side's speaker, or a skeptical one for the other side's, is a point toward that side)",
        s.framing_lean,
        num(s.framing_points),
        if s.framing_points == 1.0 { "" } else { "s" }
    );

    let tone: Vec<&crate::attribute::TermHit> = a.terms.iter().filter(is_tone).collect();
    let _ = writeln!(
        o,
        "\nTONE (how charged the language is; a second dimension that never moves the lean)"
    );
    for t in &tone {
        let c = &l.concepts[t.concept];
        let _ = writeln!(
            o,
            "  {}:{} “{}” ({}, {}) {} × {} = {}",
            t.line,
            t.column,
            t.text(text),
            c.label,
            t.voice.as_str().replace('_', "-"),
            num(t.weight),
            num(t.factor),
            num(t.weight * t.factor)
        );
    }
    let _ = writeln!(
        o,
        "  tone = {} × 1,000 / {} words = {} per 1,000 words ({} hit{}, {} in the outlet's own words)",
        num(s.tone.weight),
        s.words,
        num(s.tone.per_1000_words),
        s.tone.hits,
        plural(s.tone.hits),
        s.tone.narrator_hits
    );
    let _ = writeln!(
        o,
        "\n  summary: stance {} [{:+.2}, {:+.2}], term lean {}, quote balance {:+.2}, tone {} per 1,000 words",
        fmt_lean(s.stance, s.term_enough),
        s.stance_interval.0,
        s.stance_interval.1,
        fmt_lean(s.term_lean, s.term_enough),
        s.quote_balance,
        num(s.tone.per_1000_words)
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_brackets_the_span_on_one_line() {
        let text = "one two\nthree illegal aliens four five";
        let s = text.find("illegal").unwrap();
        let e = s + "illegal aliens".len();
        assert_eq!(context(text, s, e, 8), "…o three [illegal aliens] four fi…");
        assert_eq!(context("x y", 0, 1, 5), "[x] y");
    }
}
