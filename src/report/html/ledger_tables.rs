//! The ledger of an article page as HTML tables: every term hit with its entry, voice,
//! modifiers, factor and contribution; every quotation with its speaker, side, rule and
//! cue; and the score arithmetic written out with the actual numbers (the same sums as
//! `slant explain`, through `report::ledger`). Rows link back to the annotated text.

use std::fmt::Write;

use super::annotate::{paragraph_number, paragraphs};
use super::escape::escape;
use super::marks::{is_loaded, Mark};
use super::sides::{quote_side_class, quote_side_label, side_class, side_label};
use crate::analysis::{Analysis, Engine};
use crate::attribute::Voice;
use crate::quotes::QuoteKind;
use crate::report::format::{ellipsize, num, plural, signed};
use crate::report::highlights::top_tone;
use crate::report::ledger;
use crate::score::FramingTally;

pub(super) fn terms_table(
    engine: &Engine,
    a: &Analysis,
    prefix: &str,
    marks: &[Mark],
    show_neutral: bool,
) -> String {
    let l = &engine.lexicon;
    let neutral = a
        .terms
        .iter()
        .zip(marks)
        .filter(|(t, m)| **m != Mark::Tone && !is_loaded(t))
        .count();
    let rows = marks
        .iter()
        .filter(|m| matches!(m, Mark::Footnoted(_)))
        .count();
    let hidden_note = if !show_neutral && neutral > 0 {
        format!(
            "<p class=\"hint\">{neutral} neutral term{} (plain words such as “{}”, which count for no side) {} not marked or listed; <code>slant report --show-neutral</code> marks and lists {}.</p>\n",
            plural(neutral),
            escape(
                &a.terms
                    .iter()
                    .zip(marks)
                    .find(|(t, m)| **m != Mark::Tone && !is_loaded(t))
                    .map(|(t, _)| t.text(&a.article.text).to_string())
                    .unwrap_or_default()
            ),
            if neutral == 1 { "is" } else { "are" },
            if neutral == 1 { "it" } else { "them" },
        )
    } else {
        String::new()
    };
    if rows == 0 {
        return format!("<p>No loaded terms of this lexicon were found.</p>\n{hidden_note}");
    }
    let mut o = String::from("<div class=\"scroll\"><table class=\"ledger terms\">\n<caption>Every marked term, in text order <span class=\"hint\">(what it counts = weight × factor, for the side named)</span></caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\" class=\"num\"><abbr title=\"paragraph\">¶</abbr></th><th scope=\"col\">As written</th><th scope=\"col\">Lexicon entry</th><th scope=\"col\">Voice</th><th scope=\"col\">Modifiers</th><th scope=\"col\" class=\"num\">Factor</th><th scope=\"col\">Counts</th></tr></thead>\n<tbody>\n");
    let pars = paragraphs(&a.article.text);
    for (t, mark) in a.terms.iter().zip(marks) {
        let Mark::Footnoted(n) = *mark else {
            continue;
        };
        let c = &l.concepts[t.concept];
        let v = &c.variants[t.variant];
        let mods: Vec<String> = t
            .modifiers
            .iter()
            .map(|m| format!("{} (“{}”)", m.kind.as_str(), escape(&m.cue)))
            .collect();
        let counted = match t.counted_side {
            Some(_) if t.counted_side != t.side => format!(
                "{} for <span class=\"side-name {}\">{}</span> <span class=\"lbl\">moved from {} by scare quotes or distancing</span>",
                num(t.contribution),
                side_class(t.counted_side),
                escape(&side_label(engine, t.counted_side)),
                escape(&side_label(engine, t.side))
            ),
            Some(_) => format!(
                "{} for <span class=\"side-name {}\">{}</span>",
                num(t.contribution),
                side_class(t.counted_side),
                escape(&side_label(engine, t.counted_side))
            ),
            None => "nothing (neutral)".to_string(),
        };
        let voice = match t.voice {
            Voice::Narrator => "narrator",
            Voice::Quoted => "quoted",
            Voice::Reported => "reported speech",
            Voice::ScareQuoted => "scare quotes",
        };
        let speaker = t
            .speaker
            .as_deref()
            .map(|sp| format!("<span class=\"lbl\">{}</span>", escape(sp)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "<tr id=\"{prefix}t-{n}\"><th scope=\"row\"><a href=\"#{prefix}r-{n}\" aria-label=\"back to term {n} in the text\">{n}</a></th><td class=\"num\">{}</td><td><mark class=\"t {}\">{}</mark></td><td>{} → “{}” <span class=\"lbl {}\"><span class=\"side-name\">{}</span>, weight {}</span></td><td>{voice}{speaker}</td><td>{}</td><td class=\"num\">×{}</td><td>{counted}</td></tr>",
            paragraph_number(&pars, t.start),
            side_class(t.side),
            escape(t.text(&a.article.text)),
            escape(&c.label),
            escape(&v.label),
            side_class(t.side),
            escape(&side_label(engine, t.side)),
            num(t.weight),
            if mods.is_empty() { "—".to_string() } else { mods.join("; ") },
            num(t.factor),
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    o.push_str(&hidden_note);
    o
}

/// The charged (tone) words of an article in one line: they count for no side, so they
/// have no ledger rows.
pub(super) fn tone_note(engine: &Engine, a: &Analysis) -> String {
    let all = top_tone(engine, a, usize::MAX);
    if all.is_empty() {
        return String::new();
    }
    let words: Vec<String> = all
        .iter()
        .map(|(w, n)| {
            if *n > 1 {
                format!("{} ×{n}", escape(w))
            } else {
                escape(w)
            }
        })
        .collect();
    format!(
        "<p class=\"hint\">Charged words (tone, dotted underline in the text; they count for no side and are not in the stance): {}.</p>\n",
        words.join(", ")
    )
}

pub(super) fn quotes_table(engine: &Engine, a: &Analysis, prefix: &str) -> String {
    if a.quotes.is_empty() {
        return "<p>No quotations were found.</p>\n".to_string();
    }
    let text = a.article.text.as_str();
    let pars = paragraphs(text);
    let mut o = String::from("<div class=\"scroll\"><table class=\"ledger\">\n<caption>Every quotation, in text order <span class=\"hint\">(who is heard: a description, not part of the stance; scare quotes are not speech)</span></caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\" class=\"num\"><abbr title=\"paragraph\">¶</abbr></th><th scope=\"col\">Kind</th><th scope=\"col\">Speaker</th><th scope=\"col\">Side</th><th scope=\"col\" class=\"num\">Words</th><th scope=\"col\">Rule</th><th scope=\"col\">Cue</th><th scope=\"col\" class=\"qtext\">Quotation</th></tr></thead>\n<tbody>\n");
    for (i, q) in a.quotes.iter().enumerate() {
        let n = i + 1;
        let line = if q.open <= text.len() {
            paragraph_number(&pars, q.open).to_string()
        } else {
            "?".to_string()
        };
        let inner = if q.start <= q.end
            && q.end <= text.len()
            && text.is_char_boundary(q.start)
            && text.is_char_boundary(q.end)
        {
            ellipsize(&text[q.start..q.end], 140)
        } else {
            String::new()
        };
        let (kind, cls, side) = match q.kind {
            QuoteKind::Term => (
                "scare quotes".to_string(),
                "scare".to_string(),
                "—".to_string(),
            ),
            QuoteKind::Speech => {
                let qs = q.side;
                (
                    "speech".to_string(),
                    quote_side_class(&qs),
                    escape(&quote_side_label(engine, &qs)),
                )
            }
        };
        let _ = writeln!(
            o,
            "<tr id=\"{prefix}q-{n}\"><th scope=\"row\"><a href=\"#{prefix}qt-{n}\" aria-label=\"back to quotation {n} in the text\">Q{n}</a></th><td class=\"num\">{line}</td><td>{kind}</td><td>{}</td><td class=\"{cls}\"><span class=\"side-name\">{side}</span></td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td class=\"qtext\">“{}”{}</td></tr>",
            q.speaker.as_deref().map(escape).unwrap_or_else(|| "—".to_string()),
            q.words,
            escape(q.rule.as_str()),
            q.cue.as_deref().map(escape).unwrap_or_else(|| "—".to_string()),
            escape(&inner),
            if q.unclosed { " <span class=\"lbl\">unclosed: bounded to its paragraph</span>" } else { "" }
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    o
}

/// The lean formula, or `none` when no weight counted for any side.
fn lean_or(engine: &Engine, w: &[f64], none: &str) -> String {
    if w.iter().sum::<f64>() <= 0.0 {
        none.to_string()
    } else {
        ledger::lean_formula(&engine.lexicon, w)
    }
}

pub(super) fn arithmetic_table(engine: &Engine, a: &Analysis) -> String {
    let l = &engine.lexicon;
    let s = &a.scores;
    let sc = &l.scoring;
    let mut o = format!(
        "<p>Factors of this lexicon: outlet’s own words ×{}, quoted ×{}, reported speech ×{}, scare quotes ×{}, negated ×{}, distanced ×{}. Lean runs from −1 ({}) to +1 ({}).</p>\n",
        sc.narrator,
        sc.quoted,
        sc.reported,
        sc.scare_quoted,
        sc.negated,
        sc.distanced,
        escape(l.sides.first().map_or("", |s| s.label.as_str())),
        escape(l.sides.last().map_or("", |s| s.label.as_str()))
    );
    o.push_str("<div class=\"scroll\"><table class=\"ledger\">\n<caption>How the scores add up</caption>\n<thead><tr><th scope=\"col\">Quantity</th><th scope=\"col\">Arithmetic</th><th scope=\"col\" class=\"num\">Value</th></tr></thead>\n<tbody>\n");
    let row = |o: &mut String, name: String, how: String, value: String| {
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{name}</th><td>{how}</td><td class=\"num\">{value}</td></tr>"
        );
    };
    let mut weights = Vec::new();
    for (i, side) in l.sides.iter().enumerate() {
        let st = &s.sides[i];
        weights.push(st.weight);
        row(
            &mut o,
            format!(
                "<span class=\"side-name s{i}\">{}</span> weight",
                escape(&side.label)
            ),
            format!(
                "{} hit(s), {} in the outlet’s own words: {} = {}; {} per 1,000 words",
                st.count,
                st.narrator_count,
                ledger::contribution_sum(a, i),
                num(st.weight),
                num(st.per_1000_words)
            ),
            num(st.weight),
        );
    }
    row(
        &mut o,
        "Neutral hits".to_string(),
        "counted, add nothing to either side".to_string(),
        s.neutral_count.to_string(),
    );
    row(
        &mut o,
        "Evidence".to_string(),
        format!(
            "{} ({} the threshold {})",
            ledger::sum_of(&weights),
            if s.term_enough { "meets" } else { "below" },
            num(s.min_evidence)
        ),
        num(s.evidence),
    );
    row(
        &mut o,
        "Term lean".to_string(),
        format!(
            "{}{}",
            lean_or(engine, &weights, "no loaded words counted for a side"),
            if s.term_enough {
                String::new()
            } else {
                " → too little evidence".to_string()
            }
        ),
        signed(s.term_lean),
    );
    row(
        &mut o,
        "Stance".to_string(),
        format!(
            "{} (every side starts from {} points of evidence, so thin evidence stays near 0){}",
            ledger::stance_formula(l, &weights, s.prior),
            num(s.prior),
            if s.term_enough {
                String::new()
            } else {
                " → too little evidence to say much".to_string()
            }
        ),
        signed(s.stance),
    );
    row(
        &mut o,
        "How sure".to_string(),
        format!(
            "{:.0}% interval: {}",
            (100.0 * s.interval_level).round(),
            escape(&ledger::interval_source(l, &weights, s.prior))
        ),
        format!(
            "{} … {}",
            signed(s.stance_interval.0),
            signed(s.stance_interval.1)
        ),
    );
    o.push_str("</tbody>\n</table></div>\n");
    o
}

/// Who is heard, per speaker side: quotations, words, share and speakers, with the
/// balance of aligned speakers' words. A description of whom the article quotes; it does
/// not enter the stance.
pub(super) fn heard_table(engine: &Engine, a: &Analysis) -> String {
    let l = &engine.lexicon;
    let s = &a.scores;
    let mut o = String::from("<div class=\"scroll\"><table class=\"ledger\">\n<caption>Whose words the article quotes <span class=\"hint\">(a description, not a lean: outlets also quote the other camp to answer it)</span></caption>\n<thead><tr><th scope=\"col\">Speakers</th><th scope=\"col\" class=\"num\">Quotations</th><th scope=\"col\" class=\"num\">Words</th><th scope=\"col\" class=\"num\">Share</th><th scope=\"col\">Who</th><th scope=\"col\">Introduced as <span class=\"lbl\">skeptical · neutral · endorsing</span></th></tr></thead>\n<tbody>\n");
    let mut row = |name: String, q: &crate::score::QuoteShare, f: Option<&FramingTally>| {
        let framing = f.map_or(String::new(), |f| {
            format!("{} · {} · {}", f.skeptical, f.neutral, f.endorsing)
        });
        let _ = writeln!(
            o,
            "<tr><th scope=\"row\">{name}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.0}%</td><td>{}</td><td>{framing}</td></tr>",
            q.quotes,
            q.words,
            q.share * 100.0,
            if q.speakers.is_empty() {
                "—".to_string()
            } else {
                escape(&q.speakers.join(", "))
            }
        );
    };
    for (i, side) in l.sides.iter().enumerate() {
        row(
            format!(
                "<span class=\"side-name s{i}\">{}</span>",
                escape(&side.label)
            ),
            &s.quotes[i],
            s.framing.get(i),
        );
    }
    row(
        "Neutral (officials, agencies)".to_string(),
        &s.neutral_quotes,
        Some(&s.framing_other),
    );
    row(
        "Unaligned (not in the roster)".to_string(),
        &s.unaligned_quotes,
        None,
    );
    row("Unattributed".to_string(), &s.unattributed_quotes, None);
    let qw: Vec<f64> = s.quotes.iter().map(|q| q.weighted).collect();
    let _ = writeln!(
        o,
        "</tbody>\n</table></div>\n<p class=\"hint\">Balance of the aligned speakers’ words (each quotation’s words × prominence, 1 at the top, 0.5 at the end): {} = {}. “Introduced as” counts the verbs that introduce each speaker’s quotations and reported words (“claimed” is skeptical, “said” neutral, “explained” endorsing; other speakers’ cues are on the neutral row); the framing lean they give, {} from {} point(s), is not part of the stance.</p>",
        lean_or(engine, &qw, "no quoted words of aligned speakers"),
        signed(s.quote_balance),
        signed(s.framing_lean),
        num(s.framing_points)
    );
    o
}
