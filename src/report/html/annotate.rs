//! The annotated article text: the full text as HTML paragraphs, numbered in the margin
//! (the worksheet numbers them alike), with every marked term hit highlighted (tooltip,
//! side class, a numbered marker linking to its ledger row; which hits are marked is
//! `marks`' decision) and every quotation shaded by its speaker's side.
//!
//! The markup is built from offset events: term spans and quotation spans (marks
//! included) split the text into segments; tags are closed and reopened where a span
//! crosses a paragraph break or another span's edge, so the markup always nests.

use std::fmt::Write;

use super::escape::escape;
use super::marks::Mark;
use super::sides::{quote_side_class, quote_side_label, side_class, side_label};
use crate::analysis::{Analysis, Engine};
use crate::attribute::{TermHit, Voice};
use crate::quotes::{Quote, QuoteKind};
use crate::report::format::{num, plural};

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

/// A block of lines none longer than this (in characters) is hard-wrapped text: its line
/// breaks are kept as line breaks inside one paragraph. A block with a longer line has a
/// paragraph per line (text saved from the web: one paragraph a line, no blank lines).
const WRAPPED_LINE_MAX: usize = 100;

/// Paragraph breaks: a blank line (a newline, optional spaces, another newline, and all
/// whitespace after); and, in a block with a line longer than [`WRAPPED_LINE_MAX`], every
/// line break (with the whitespace after it).
fn paragraph_breaks(text: &str) -> Vec<(usize, usize)> {
    let blank = blank_line_breaks(text);
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(blank.len());
    let mut at = 0;
    for brk in blank
        .iter()
        .copied()
        .chain(std::iter::once((text.len(), text.len())))
    {
        let block = &text[at..brk.0];
        if block.lines().any(|l| l.chars().count() > WRAPPED_LINE_MAX) {
            let mut i = at;
            while i < brk.0 {
                if b[i] == b'\n' {
                    let mut k = i + 1;
                    while k < brk.0 && matches!(b[k], b' ' | b'\t' | b'\r') {
                        k += 1;
                    }
                    out.push((i, k));
                    i = k;
                    continue;
                }
                i += 1;
            }
        }
        if brk.0 < brk.1 {
            out.push(brk);
        }
        at = brk.1;
    }
    out
}

/// Blank-line breaks (and the whitespace at the start and end of the text), sorted and
/// merged.
fn blank_line_breaks(text: &str) -> Vec<(usize, usize)> {
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

/// The paragraphs of `text` as byte ranges (what the annotated text and the worksheet
/// number 1, 2, 3…): the text between paragraph breaks, without leading or trailing
/// whitespace of the whole text.
pub(super) fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in paragraph_breaks(text) {
        if s > at {
            out.push((at, s));
        }
        at = e;
    }
    if at < text.len() {
        out.push((at, text.len()));
    }
    out
}

/// The 1-based number of the paragraph (of `pars`, from [`paragraphs`]) that holds byte
/// `offset`.
pub(super) fn paragraph_number(pars: &[(usize, usize)], offset: usize) -> usize {
    pars.partition_point(|p| p.0 <= offset).max(1)
}

/// Tooltip of a charged (tone) word.
fn tone_title(engine: &Engine, t: &TermHit) -> String {
    let c = &engine.lexicon.concepts[t.concept];
    format!(
        "Charged word (tone: {}): counts for no side; see the Tone box",
        c.label
    )
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
            format!("Quotation Q{n}: {who}, {} word{}", q.words, plural(q.words))
        }
    }
}

/// The article text as HTML paragraphs, with the term hits `marks` says to mark
/// highlighted (tooltip + numbered marker linking to the ledger row `{prefix}t-N`) and
/// quotations shaded by speaker side.
pub(super) fn annotate(engine: &Engine, a: &Analysis, prefix: &str, marks: &[Mark]) -> String {
    let text = a.article.text.as_str();
    let terms = clean_spans(
        text,
        a.terms
            .iter()
            .enumerate()
            .filter(|(i, _)| marks.get(*i).is_some_and(|m| *m != Mark::Hidden))
            .map(|(i, t)| (t.start, t.end, i)),
    );
    let mut paragraph = 0usize;
    let quotes = clean_spans(
        text,
        a.quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.open, q.close, i)),
    );
    let breaks = paragraph_breaks(text);
    // A scraped `date 2020-01-19` line start is metadata (the page shows the date above);
    // it stays in the text, muted, unless a mark or a quotation reaches into it.
    let dateline = crate::input::leading_dateline(text).filter(|d| {
        terms
            .iter()
            .chain(&quotes)
            .all(|sp| sp.start >= d.end || sp.end <= d.start)
    });
    let mut cuts: Vec<usize> = vec![0, text.len()];
    if let Some(d) = &dateline {
        cuts.push(d.start);
        cuts.push(d.end);
    }
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
            paragraph += 1;
            let _ = write!(
                o,
                "<p id=\"{prefix}p-{paragraph}\"><span class=\"pn\" aria-hidden=\"true\">{paragraph}</span>"
            );
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
                let mark = marks[terms[k].index];
                let n = match mark {
                    Mark::Footnoted(n) => n,
                    _ => 0,
                };
                let cls = match mark {
                    Mark::Tone => "tone".to_string(),
                    _ => side_class(t.side),
                };
                let title = escape(&match mark {
                    Mark::Tone => tone_title(engine, t),
                    _ => term_title(engine, t, n),
                });
                if t_started[k] || mark == Mark::Tone {
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
        if dateline
            .as_ref()
            .is_some_and(|d| d.start <= s && e <= d.end)
        {
            let _ = write!(
                o,
                "<span class=\"dateline\" title=\"the source’s date line, read as the article’s date\">{piece}</span>"
            );
            continue;
        }
        o.push_str(&piece.replace('\n', "<br>\n"));
        if let Some(k) = open_t {
            if terms[k].end == e {
                match marks[terms[k].index] {
                    Mark::Footnoted(n) => {
                        let _ = write!(
                            o,
                            "</mark><sup class=\"fn\"><a href=\"#{prefix}t-{n}\" aria-label=\"ledger row {n}\">{n}</a></sup>"
                        );
                    }
                    _ => o.push_str("</mark>"),
                }
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
    fn long_lines_are_paragraphs_and_short_wrapped_lines_are_not() {
        let long = "x".repeat(120);
        let t = format!("Title\n{long}\nshort line\n\nwrapped at\nforty columns\n");
        let p: Vec<&str> = paragraphs(&t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            p,
            [
                "Title",
                long.as_str(),
                "short line",
                "wrapped at\nforty columns"
            ]
        );
    }

    #[test]
    fn paragraphs_are_the_text_between_breaks() {
        let t = "\n One\ntwo\n\nthree\n\n\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(p, ["One\ntwo", "three"]);
        assert!(paragraphs("").is_empty());
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
