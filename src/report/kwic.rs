//! `slant kwic` written out: the concordance as an aligned table for the terminal (left
//! context right-aligned, so every match lines up), as CSV and as JSON. The HTML page is
//! `html::kwic_page`.
//!
//! Pure: concordance lines in, text or bytes out.

use std::fmt::Write;

use serde_json::{json, Value};

use super::csv::encode_record;
use super::format::{ellipsize, pad_right, plural};
use crate::analysis::Engine;
use crate::attribute::Voice;
use crate::authoring::kwic::{summary, Line, Summary};

/// "narrator", "quoted", "scare" (short, for the table).
fn voice_short(v: Voice) -> &'static str {
    match v {
        Voice::Narrator => "narrator",
        Voice::Quoted => "quoted",
        Voice::Reported => "reported",
        Voice::ScareQuoted => "scare",
    }
}

/// What the lexicon counts at a line: the side and contribution (`restrictionist 0.60`),
/// `neutral`, "(longer hit)" when the lexicon's hit there is a longer phrase than the
/// match, or `-` when it counts nothing.
pub fn counts_as(engine: &Engine, l: &Line) -> String {
    match &l.counted {
        None => "-".to_string(),
        Some(c) => {
            let side = engine.lexicon.side_id(c.side);
            let within = if c.exact { "" } else { " (longer hit)" };
            if c.side.is_some() {
                format!("{side} {:.2}{within}", c.contribution)
            } else {
                format!("{side}{within}")
            }
        }
    }
}

/// The one-line summary: "42 lines in 30 articles from 12 outlets · narrator 30, …".
pub fn summary_line(s: &Summary) -> String {
    let mut o = format!(
        "{} line{} in {} article{}",
        s.lines,
        plural(s.lines),
        s.articles,
        plural(s.articles)
    );
    if s.outlets > 0 {
        let _ = write!(o, " from {} outlet{}", s.outlets, plural(s.outlets));
    }
    let _ = write!(
        o,
        " · narrator {}, reported {}, quoted {}, scare-quoted {}",
        s.voices[Voice::Narrator as usize],
        s.voices[Voice::Reported as usize],
        s.voices[Voice::Quoted as usize],
        s.voices[Voice::ScareQuoted as usize]
    );
    if s.uncounted > 0 {
        let _ = write!(o, " · {} the lexicon does not count", s.uncounted);
    }
    o
}

/// The concordance for the terminal: `width` characters of context each side.
pub fn render_table(engine: &Engine, title: &str, lines: &[Line], width: usize) -> String {
    let mut o = String::new();
    let s = summary(lines);
    let _ = writeln!(o, "kwic {title}: {}", summary_line(&s));
    if lines.is_empty() {
        return o;
    }
    let mw = lines
        .iter()
        .map(|l| l.matched.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    // One more column each side for the `…` of a cut context.
    let width = width + 1;
    let cw = lines
        .iter()
        .map(|l| counts_as(engine, l).chars().count())
        .max()
        .unwrap_or(0)
        .max(9);
    let labels = lines.iter().any(|l| l.label.is_some());
    let outlets = lines.iter().any(|l| l.outlet.is_some());
    let _ = writeln!(
        o,
        "{:>width$}  {}  {}  {:<8}  {}  article{}{}",
        "left",
        pad_right("match", mw),
        pad_right("right", width),
        "voice",
        pad_right("counts as", cw),
        if outlets { "  outlet" } else { "" },
        if labels { "  label" } else { "" },
    );
    for l in lines {
        let left = format!("{}{}", if l.left_cut { "…" } else { "" }, l.left);
        let left = tail_chars(&left, width);
        let right = format!("{}{}", l.right, if l.right_cut { "…" } else { "" });
        let right = ellipsize_keep_space(&right, width);
        let mut row = format!(
            "{:>width$}  {}  {}  {:<8}  {}  {}",
            left,
            pad_right(&ellipsize(&l.matched, mw), mw),
            pad_right(&right, width),
            voice_short(l.voice),
            pad_right(&counts_as(engine, l), cw),
            l.article,
        );
        if outlets {
            let _ = write!(row, "  {}", l.outlet.as_deref().unwrap_or("-"));
        }
        if labels {
            let _ = write!(row, "  {}", l.label.as_deref().unwrap_or("-"));
        }
        o.push_str(row.trim_end());
        o.push('\n');
    }
    o
}

/// The last `n` characters of `s`, with `…` in front when cut.
fn tail_chars(s: &str, n: usize) -> String {
    let k = s.chars().count();
    if k <= n {
        return s.to_string();
    }
    let t: String = s.chars().skip(k - n + 1).collect();
    format!("…{t}")
}

/// The first `n` characters of `s` (its leading space kept), with `…` when cut.
fn ellipsize_keep_space(s: &str, n: usize) -> String {
    let k = s.chars().count();
    if k <= n {
        return s.to_string();
    }
    let t: String = s.chars().take(n.saturating_sub(1)).collect();
    format!("{t}…")
}

/// The CSV columns.
pub const CSV_HEADER: [&str; 19] = [
    "article",
    "outlet",
    "label",
    "line",
    "column",
    "left",
    "match",
    "right",
    "voice",
    "speaker",
    "modifiers",
    "counted",
    "concept",
    "variant",
    "counted_side",
    "contribution",
    "exact",
    "start",
    "end",
];

/// The concordance as CSV, one line a row.
pub fn render_csv(engine: &Engine, lines: &[Line]) -> Vec<u8> {
    let l = &engine.lexicon;
    let mut out = encode_record(&CSV_HEADER.map(String::from));
    for x in lines {
        let (counted, concept, variant, side, contribution, exact) = match &x.counted {
            Some(c) => {
                let cc = &l.concepts[c.concept];
                (
                    "yes",
                    cc.id.clone(),
                    cc.variants[c.variant].label.clone(),
                    l.side_id(c.side).to_string(),
                    format!("{:.4}", c.contribution),
                    c.exact.to_string(),
                )
            }
            None => (
                "no",
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        let fields = vec![
            x.article.clone(),
            x.outlet.clone().unwrap_or_default(),
            x.label.clone().unwrap_or_default(),
            x.line.to_string(),
            x.column.to_string(),
            x.left.clone(),
            x.matched.clone(),
            x.right.clone(),
            x.voice.as_str().to_string(),
            x.speaker.clone().unwrap_or_default(),
            x.modifiers
                .iter()
                .map(|m| m.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            counted.to_string(),
            concept,
            variant,
            side,
            contribution,
            exact,
            x.start.to_string(),
            x.end.to_string(),
        ];
        out.extend(encode_record(&fields));
    }
    out
}

/// The concordance as one JSON document.
pub fn render_json(engine: &Engine, title: &str, lines: &[Line]) -> Vec<u8> {
    let l = &engine.lexicon;
    let s = summary(lines);
    let rows: Vec<Value> = lines
        .iter()
        .map(|x| {
            let counted = x.counted.as_ref().map(|c| {
                let cc = &l.concepts[c.concept];
                json!({
                    "concept": cc.id,
                    "variant": cc.variants[c.variant].label,
                    "side": l.side_id(c.side),
                    "contribution": (c.contribution * 1e4).round() / 1e4,
                    "exact": c.exact,
                })
            });
            json!({
                "article": x.article,
                "outlet": x.outlet,
                "label": x.label,
                "line": x.line,
                "column": x.column,
                "start": x.start,
                "end": x.end,
                "left": x.left,
                "match": x.matched,
                "right": x.right,
                "voice": x.voice.as_str(),
                "speaker": x.speaker,
                "modifiers": x.modifiers.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
                "counted": counted,
            })
        })
        .collect();
    let doc = json!({
        "query": title,
        "lexicon": {"name": l.name, "version": l.version, "sha256": l.sha256},
        "summary": {
            "lines": s.lines,
            "articles": s.articles,
            "outlets": s.outlets,
            "narrator": s.voices[Voice::Narrator as usize],
            "quoted": s.voices[Voice::Quoted as usize],
            "scare_quoted": s.voices[Voice::ScareQuoted as usize],
            "reported": s.voices[Voice::Reported as usize],
            "not_counted": s.uncounted,
        },
        "lines": rows,
    });
    let mut v = serde_json::to_vec_pretty(&doc).expect("JSON values serialize");
    v.push(b'\n');
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_keep_the_end_nearest_the_match() {
        assert_eq!(tail_chars("abcdef", 4), "…def");
        assert_eq!(tail_chars("abc", 4), "abc");
        assert_eq!(ellipsize_keep_space(" abcdef", 4), " ab…");
    }
}
