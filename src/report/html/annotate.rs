//! The annotated article text: the full text as HTML paragraphs with every term hit
//! highlighted (tooltip, side class, a numbered marker linking to its ledger row) and
//! every quotation shaded by its speaker's side.
//!
//! The markup is built from offset events: term spans and quotation spans (marks
//! included) split the text into segments; tags are closed and reopened where a span
//! crosses a paragraph break or another span's edge, so the markup always nests.

use std::fmt::Write;

use super::escape::escape;
use super::sides::{quote_side_class, quote_side_label, side_class, side_label};
use crate::analysis::{Analysis, Engine};
use crate::attribute::{TermHit, Voice};
use crate::quotes::{Quote, QuoteKind};
use crate::report::format::num;

#[derive(Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
    /// Index into the analysis' terms or quotes.
    index: usize,
}

/// Valid, non-overlapping spans sorted by start (a span overlapping an earlier one is left
/// out of the highlighting; it still has its ledger row).
fn clean_spans(text: &str, spans: impl Iterator<Item = (usize, usize, usize)>) -> Vec<Span> {
    let mut v: Vec<Span> = spans
        .filter(|&(s, e, _)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .map(|(start, end, index)| Span { start, end, index })
        .collect();
    v.sort_by_key(|s| (s.start, s.index));
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        if out.last().is_none_or(|p| p.end <= s.start) {
            out.push(s);
        }
    }
    out
}

/// Paragraph breaks: a newline, optional spaces, another newline, and all whitespace after.
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                let mut k = j;
                while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\r' | b'\n') {
                    k += 1;
                }
                out.push((i, k));
                i = k;
                continue;
            }
        }
        i += 1;
    }
    // Leading and trailing whitespace of the whole text is not shown either.
    let lead = text.len() - text.trim_start().len();
    let tail = text.trim_end().len();
    if lead > 0 {
        out.push((0, lead));
    }
    if tail < text.len() {
        out.push((tail, text.len()));
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Tooltip of a term hit.
fn term_title(engine: &Engine, t: &TermHit, n: usize) -> String {
    let l = &engine.lexicon;
    let c = &l.concepts[t.concept];
    let v = &c.variants[t.variant];
    let mut s = format!(
        "{n}. {} → “{}”: {}, weight {}; {}",
        c.label,
        v.label,
        side_label(engine, t.side),
        num(t.weight),
        voice_words(t)
    );
    for m in &t.modifiers {
        let _ = write!(s, "; {} (“{}”)", m.kind.as_str(), m.cue);
    }
    match t.counted_side {
        Some(_) => {
            let _ = write!(
                s,
                "; counts {} for {}",
                num(t.contribution),
                side_label(engine, t.counted_side)
            );
        }
        None => s.push_str("; adds nothing (neutral)"),
    }
    s
}

fn voice_words(t: &TermHit) -> String {
    match (t.voice, &t.speaker) {
        (Voice::Narrator, _) => "the outlet’s own words".to_string(),
        (Voice::Quoted, Some(sp)) => format!("quoted ({sp})"),
        (Voice::Quoted, None) => "quoted (unattributed)".to_string(),
        (Voice::Reported, Some(sp)) => format!("reported speech ({sp})"),
        (Voice::Reported, None) => "reported speech".to_string(),
        (Voice::ScareQuoted, _) => "in scare quotes".to_string(),
    }
}

fn quote_who(engine: &Engine, q: &Quote) -> (String, String) {
    match q.kind {
        QuoteKind::Term => ("scare".to_string(), "scare quotes".to_string()),
        QuoteKind::Speech => {
            let qs = q.side;
            let cls = quote_side_class(&qs);
            let label = match &q.speaker {
                Some(sp) => format!("{sp} · {}", quote_side_label(engine, &qs)),
                None => "unattributed".to_string(),
            };
            (cls, label)
        }
    }
}

fn quote_title(engine: &Engine, q: &Quote, n: usize) -> String {
    match q.kind {
        QuoteKind::Term => format!(
            "Quotation Q{n}: scare quotes (a word or label held at arm’s length, not speech)"
        ),
        QuoteKind::Speech => {
            let who = match &q.speaker {
                Some(sp) => format!("{sp} ({})", quote_side_label(engine, &q.side)),
                None => "unattributed".to_string(),
            };
            format!("Quotation Q{n}: {who}, {} words", q.words)
        }
    }
}

/// The article text as HTML paragraphs, with term hits highlighted (tooltip + numbered
/// marker linking to the ledger row `{prefix}t-N`) and quotations shaded by speaker side.
pub fn annotate(engine: &Engine, a: &Analysis, prefix: &str) -> String {
    let text = a.article.text.as_str();
    let terms = clean_spans(
        text,
        a.terms.iter().enumerate().map(|(i, t)| (t.start, t.end, i)),
    );
    let quotes = clean_spans(
        text,
        a.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.open, q.close, i)),
    );
    let breaks = paragraph_breaks(text);
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for s in terms.iter().chain(&quotes) {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    for &(s, e) in &breaks {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut o = String::with_capacity(text.len() * 2);
    let mut in_p = false;
    let mut open_q: Option<usize> = None; // position in `quotes`
    let mut open_t: Option<usize> = None; // position in `terms`
    let mut q_started = vec![false; quotes.len()];
    let mut t_started = vec![false; terms.len()];
    let (mut qp, mut tp, mut bp) = (0usize, 0usize, 0usize);

    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while bp < breaks.len() && breaks[bp].1 <= s {
            bp += 1;
        }
        let is_break = bp < breaks.len() && breaks[bp].0 <= s && e <= breaks[bp].1;
        if is_break {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if open_q.take().is_some() {
                o.push_str("</span>");
            }
            if in_p {
                o.push_str("</p>\n");
                in_p = false;
            }
            continue;
        }
        while qp < quotes.len() && quotes[qp].end <= s {
            qp += 1;
        }
        while tp < terms.len() && terms[tp].end <= s {
            tp += 1;
        }
        let want_q = (qp < quotes.len() && quotes[qp].start <= s).then_some(qp);
        let want_t = (tp < terms.len() && terms[tp].start <= s).then_some(tp);
        if !in_p {
            o.push_str("<p>");
            in_p = true;
        }
        if want_q != open_q {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if open_q.take().is_some() {
                o.push_str("</span>");
            }
            if let Some(k) = want_q {
                let q = &a.quotes[quotes[k].index];
                let n = quotes[k].index + 1;
                let (cls, label) = quote_who(engine, q);
                if q_started[k] {
                    let _ = write!(o, "<span class=\"q {cls}\">");
                } else {
                    q_started[k] = true;
                    let _ = write!(
                        o,
                        "<span class=\"q {cls}\" id=\"{prefix}qt-{n}\" title=\"{}\"><span class=\"who\">{}</span>",
                        escape(&quote_title(engine, q, n)),
                        escape(&label)
                    );
                }
                open_q = Some(k);
            }
        }
        if want_t != open_t {
            if open_t.take().is_some() {
                o.push_str("</mark>");
            }
            if let Some(k) = want_t {
                let t = &a.terms[terms[k].index];
                let n = terms[k].index + 1;
                let cls = side_class(t.side);
                let title = escape(&term_title(engine, t, n));
                if t_started[k] {
                    let _ = write!(o, "<mark class=\"t {cls}\" title=\"{title}\">");
                } else {
                    t_started[k] = true;
                    let _ = write!(
                        o,
                        "<mark class=\"t {cls}\" id=\"{prefix}r-{n}\" title=\"{title}\">"
                    );
                }
                open_t = Some(k);
            }
        }
        let piece = escape(&text[s..e]).replace('\r', "");
        o.push_str(&piece.replace('\n', "<br>\n"));
        if let Some(k) = open_t {
            if terms[k].end == e {
                let n = terms[k].index + 1;
                let _ = write!(
                    o,
                    "</mark><sup class=\"fn\"><a href=\"#{prefix}t-{n}\" aria-label=\"ledger row {n}\">{n}</a></sup>"
                );
                open_t = None;
            }
        }
    }
    if open_t.is_some() {
        o.push_str("</mark>");
    }
    if open_q.is_some() {
        o.push_str("</span>");
    }
    if in_p {
        o.push_str("</p>\n");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_breaks_need_a_blank_line() {
        let t = "a\nb\n\n  \nc\r\n\r\nd";
        let br = paragraph_breaks(t);
        assert_eq!(br.len(), 2);
        assert_eq!(&t[br[0].1..br[0].1 + 1], "c");
        assert_eq!(&t[br[1].1..], "d");
        // Leading and trailing whitespace is not shown either.
        assert_eq!(paragraph_breaks("\n x\n"), vec![(0, 2), (3, 4)]);
    }

    #[test]
    fn overlapping_or_invalid_spans_are_dropped() {
        let t = "héllo world";
        let s = clean_spans(
            t,
            [(0, 5, 0), (2, 8, 1), (1, 2, 2), (6, 11, 3), (9, 99, 4)].into_iter(),
        );
        let kept: Vec<usize> = s.iter().map(|s| s.index).collect();
        // (1,2) and (2,8) cut "é" in half; (9,99) runs past the end.
        assert_eq!(kept, vec![0, 3]);
    }
}
