//! One article's page (`<stem>.html`): its title and metadata, the score summary, the
//! annotated text, the stance card and the ledger. The same body, with prefixed anchors
//! and deeper headings, is a section of the answer key.

use std::fmt::Write;

use super::alt::card_alt;
use super::annotate::annotate;
use super::escape::escape;
use super::ledger_tables::{arithmetic_table, heard_table, quotes_table, terms_table, tone_note};
use super::marks::marks;
use super::page::{document, h};
use super::sides::{direction, legend};
use super::PageOptions;
use crate::analysis::{Analysis, Engine};
use crate::report::cards;
use crate::report::format::{num, plural, signed};

pub(super) fn article_meta(a: &Analysis) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &a.article.outlet {
        parts.push(escape(o));
    }
    if let Some(au) = &a.article.author {
        parts.push(format!("by {}", escape(au)));
    }
    if let Some(d) = &a.article.date {
        parts.push(escape(d));
    }
    parts.push(format!("{} word{}", a.words, plural(a.words)));
    parts.join(" · ")
}

/// A link to the original, only for http(s) URLs; anything else is shown as text.
pub(super) fn source_line(a: &Analysis) -> String {
    let mut o = format!(
        "<p class=\"meta\">id <code>{}</code> · source <code>{}</code>{}",
        escape(&a.article.id),
        escape(&a.article.source),
        match a.article.text_source {
            crate::input::TextSource::Plain | crate::input::TextSource::Jsonl => String::new(),
            other => format!(
                " (the text extracted from its {})",
                match other {
                    crate::input::TextSource::Html => "web page",
                    crate::input::TextSource::Docx => "Word document",
                    _ => "OpenDocument file",
                }
            ),
        }
    );
    if let Some(url) = &a.article.url {
        let lower = url.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let _ = write!(
                o,
                " · <a class=\"show-href\" href=\"{}\">original article</a>",
                escape(url.trim())
            );
        } else {
            let _ = write!(o, " · url <code>{}</code>", escape(url));
        }
    }
    o.push_str("</p>\n");
    o
}

fn score_summary(engine: &Engine, a: &Analysis) -> String {
    let s = &a.scores;
    let (lo, hi) = s.stance_interval;
    let level = (100.0 * s.interval_level).round();
    let stance_note = if s.term_enough {
        format!(
            "{level:.0}% likely between {} and {}",
            signed(lo),
            signed(hi)
        )
    } else {
        format!(
            "too little evidence to say much ({level:.0}% likely between {} and {})",
            signed(lo),
            signed(hi)
        )
    };
    let stance = format!(
        "<div><span>Stance</span><b>{}</b><span class=\"lbl\">{}</span><span class=\"lbl\">{}</span></div>",
        signed(s.stance),
        escape(&direction(engine, s.stance)),
        escape(&stance_note)
    );
    let evidence = format!(
        "<div><span>Evidence</span><b>{}</b><span class=\"lbl\">points from loaded words</span><span class=\"lbl\">{} needed to say much</span></div>",
        num(s.evidence),
        num(s.min_evidence)
    );
    let tone = format!(
        "<div><span>Tone</span><b>{}</b><span class=\"lbl\">charged words per 1,000</span><span class=\"lbl\">{}</span></div>",
        num(s.tone.per_1000_words),
        escape(
            &crate::report::highlights::top_tone(engine, a, 3)
                .iter()
                .map(|(w, n)| if *n > 1 { format!("{w} ×{n}") } else { w.clone() })
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    format!(
        "<div class=\"summary\">{stance}{evidence}{}{tone}</div>\n",
        heard_box(engine, a)
    )
}

/// "Who is heard" in one box: quoted words per speaker side, the rest as "other".
fn heard_box(engine: &Engine, a: &Analysis) -> String {
    let s = &a.scores;
    let other = s.neutral_quotes.words + s.unaligned_quotes.words + s.unattributed_quotes.words;
    let total: u32 = s.quotes.iter().map(|q| q.words).sum::<u32>() + other;
    let mut parts: Vec<String> = engine
        .lexicon
        .sides
        .iter()
        .zip(&s.quotes)
        .map(|(side, q)| format!("{} {}", escape(&side.label), q.words))
        .collect();
    parts.push(format!("other {other}"));
    format!(
        "<div><span>Who is heard</span><b>{total}</b><span class=\"lbl\">quoted words: {}</span><span class=\"lbl\">a description, not a lean</span></div>",
        parts.join(" · ")
    )
}

/// The body of one annotated article, headings starting at `level`.
pub(super) fn article_body(
    engine: &Engine,
    a: &Analysis,
    stem: &str,
    prefix: &str,
    level: u8,
    opts: PageOptions,
) -> String {
    let marks = marks(engine, a, opts.show_neutral);
    let mut o = String::new();
    o.push_str(&score_summary(engine, a));
    for w in &a.article.warnings {
        let _ = writeln!(o, "<p class=\"warn\">Warning: {}</p>", escape(w));
    }
    o.push_str(&h(
        level,
        "The article, annotated",
        Some(&format!("{prefix}text")),
    ));
    o.push_str(&legend(engine, true, opts.show_neutral));
    let _ = writeln!(
        o,
        "<div class=\"text prose\">\n{}</div>",
        annotate(engine, a, prefix, &marks)
    );
    o.push_str(&h(level, "Stance card", None));
    let card = cards::card_data(engine, a);
    let (w, hgt) = opts.card_size;
    let _ = writeln!(
        o,
        "<figure class=\"card\"><a href=\"{stem}.png\" title=\"Open the card at full size\"><img src=\"{stem}.png\" width=\"{w}\" height=\"{hgt}\" alt=\"{}\"></a><figcaption>The weight of loaded words per concept (solid: the outlet’s own words, hatched: someone else’s), who is heard, and the stance with its interval. Full size: <a href=\"{stem}.png\">{stem}.png</a></figcaption></figure>",
        escape(&card_alt(engine, &card))
    );
    o.push_str(&h(level, "Ledger: where every number comes from", None));
    o.push_str(&h(level + 1, "Loaded terms", None));
    o.push_str(&terms_table(engine, a, prefix, &marks, opts.show_neutral));
    o.push_str(&tone_note(engine, a));
    o.push_str(&h(level + 1, "Who is heard", None));
    o.push_str(&heard_table(engine, a));
    o.push_str(&h(level + 1, "Quotations", None));
    o.push_str(&quotes_table(engine, a, prefix));
    o.push_str(&h(level + 1, "The score arithmetic", None));
    o.push_str(&arithmetic_table(engine, a));
    o
}

/// One article's annotated page (`<stem>.html`).
pub fn article_page(engine: &Engine, a: &Analysis, stem: &str, opts: PageOptions) -> String {
    let mut b = String::from(
        "<nav class=\"top\"><a href=\"index.html\">← All articles</a></nav>\n<main>\n",
    );
    let _ = writeln!(b, "<h1>{}</h1>", escape(&a.article.title));
    let _ = writeln!(b, "<p class=\"meta\">{}</p>", article_meta(a));
    b.push_str(&source_line(a));
    b.push_str(&article_body(engine, a, stem, "", 2, opts));
    b.push_str("</main>\n");
    document(engine, &a.article.title, &b, false, true)
}
