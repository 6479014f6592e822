//! `summary.csv`: one spreadsheet-friendly row per article.
//!
//! Columns: identity (id, title, outlet, author, date, source, text source, words), per side the term count,
//! weight and weight per 1,000 words, the term lean and its evidence, the stance with its
//! credible interval, then who is heard (a description, not a lean): per side the words
//! quoted and their share, the neutral/unaligned/unattributed quoted words and the quote
//! balance; the framing lean (how quoted speakers are introduced) and the tone (charged
//! words per 1,000); last the three loaded terms used most. Numbers use a dot and four decimals; a
//! stance with too little evidence is still given, with a yes/no column.

use crate::analysis::{Analysis, Engine};
use crate::report::format::round;
use crate::report::highlights::top_terms;
use crate::report::sanitize::csv_cell;

/// The header row.
pub fn header(engine: &Engine) -> Vec<String> {
    let mut h: Vec<String> = [
        "id",
        "title",
        "outlet",
        "author",
        "date",
        "source",
        "text_source",
        "words",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for s in &engine.lexicon.sides {
        h.push(format!("{}_count", s.id));
        h.push(format!("{}_weight", s.id));
        h.push(format!("{}_per_1000_words", s.id));
    }
    h.extend(
        [
            "neutral_count",
            "term_lean",
            "evidence",
            "enough_evidence",
            "stance",
            "stance_low",
            "stance_high",
        ]
        .map(String::from),
    );
    for s in &engine.lexicon.sides {
        h.push(format!("{}_quoted_words", s.id));
        h.push(format!("{}_quote_share", s.id));
    }
    h.extend(
        [
            "neutral_quoted_words",
            "unaligned_quoted_words",
            "unattributed_quoted_words",
            "quote_balance",
            "framing_lean",
            "tone_per_1000_words",
            "top_terms",
        ]
        .map(String::from),
    );
    // Side ids come from the lexicon: untrusted text.
    h.into_iter().map(|c| csv_cell(&c).into_owned()).collect()
}

fn yes(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// One data row.
pub fn row(engine: &Engine, a: &Analysis) -> Vec<String> {
    let s = &a.scores;
    let f = |x: f64| format!("{}", round(x));
    let cell = |s: &str| csv_cell(s).into_owned();
    let mut r = vec![
        cell(&a.article.id),
        cell(&a.article.title),
        cell(a.article.outlet.as_deref().unwrap_or_default()),
        cell(a.article.author.as_deref().unwrap_or_default()),
        cell(a.article.date.as_deref().unwrap_or_default()),
        cell(&a.article.source),
        a.article.text_source.as_str().to_string(),
        a.words.to_string(),
    ];
    for side in &s.sides {
        r.push(side.count.to_string());
        r.push(f(side.weight));
        r.push(f(side.per_1000_words));
    }
    r.extend([
        s.neutral_count.to_string(),
        f(s.term_lean),
        f(s.evidence),
        yes(s.term_enough),
        f(s.stance),
        f(s.stance_interval.0),
        f(s.stance_interval.1),
    ]);
    for q in &s.quotes {
        r.push(q.words.to_string());
        r.push(f(q.share));
    }
    r.extend([
        s.neutral_quotes.words.to_string(),
        s.unaligned_quotes.words.to_string(),
        s.unattributed_quotes.words.to_string(),
        f(s.quote_balance),
        f(s.framing_lean),
        f(s.tone.per_1000_words),
        cell(
            &top_terms(engine, a, 3)
                .into_iter()
                .map(|(t, _, n)| format!("{t} ({n})"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    ]);
    r
}

/// A whole CSV document for a set of analyses.
pub fn render(engine: &Engine, analyses: &[Analysis]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header(engine)).expect("writing to memory");
    for a in analyses {
        w.write_record(row(engine, a)).expect("writing to memory");
    }
    w.into_inner().expect("flushing memory")
}

/// One CSV-encoded record (for streaming), including its newline.
pub fn encode_record(fields: &[String]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(fields).expect("writing to memory");
    w.into_inner().expect("flushing memory")
}
