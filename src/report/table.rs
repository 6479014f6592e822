//! The terminal table: one row per article, streamed as results arrive.
//!
//! Columns have fixed widths so rows can be written as soon as each article is scored.
//! Leans are signed toward the lexicon's last side; a lean below the evidence threshold is
//! shown in parentheses. Color (ANSI, only when the caller says stdout is a terminal) tints
//! each lean toward its side's color.

use crate::analysis::{Analysis, Engine};
use crate::report::format::{ellipsize, fmt_lean, pad_right};
use crate::report::sanitize::terminal;

const ID_W: usize = 20;
const TITLE_W: usize = 34;

fn ansi(color: (u8, u8, u8), s: &str) -> String {
    format!("\x1b[1;38;2;{};{};{}m{s}\x1b[0m", color.0, color.1, color.2)
}

fn tint(engine: &Engine, value: f64, enough: bool, s: String, color: bool) -> String {
    let sides = &engine.lexicon.sides;
    if !color || !enough || value.abs() < 0.15 || sides.len() < 2 {
        return s;
    }
    let c = if value < 0.0 {
        sides[0].color
    } else {
        sides[sides.len() - 1].color
    };
    ansi(c, &s)
}

const HITS_W: usize = 9;
const QUOTED_W: usize = 13;

/// The header line (and a rule below it).
pub fn header(_engine: &Engine) -> String {
    let h = format!(
        "{} {} {:>6} {:>w1$} {:>7} {:>6} {:>w2$} {:>7} {:>7}",
        pad_right("ID", ID_W),
        pad_right("TITLE", TITLE_W),
        "WORDS",
        "HITS",
        "TERMS",
        "EVID",
        "QUOTED",
        "QUOTES",
        "STANCE",
        w1 = HITS_W,
        w2 = QUOTED_W,
    );
    let rule = "─".repeat(h.chars().count());
    format!("{h}\n{rule}\n")
}

/// One row for an article.
pub fn row(engine: &Engine, a: &Analysis, color: bool) -> String {
    let s = &a.scores;
    let hits = s
        .sides
        .iter()
        .map(|x| x.count.to_string())
        .collect::<Vec<_>>()
        .join("·");
    let other = s.neutral_quotes.words + s.unaligned_quotes.words + s.unattributed_quotes.words;
    let quoted = s
        .quotes
        .iter()
        .map(|q| q.words)
        .chain(std::iter::once(other))
        .map(|w| w.to_string())
        .collect::<Vec<_>>()
        .join("·");
    let mut r = format!(
        "{} {} {:>6} {:>w1$}",
        pad_right(&terminal(&ellipsize(&a.article.id, ID_W)), ID_W),
        pad_right(&terminal(&ellipsize(&a.article.title, TITLE_W)), TITLE_W),
        a.words,
        hits,
        w1 = HITS_W,
    );
    let tl = format!("{:>7}", fmt_lean(s.term_lean, s.term_enough));
    r.push(' ');
    r.push_str(&tint(engine, s.term_lean, s.term_enough, tl, color));
    r.push_str(&format!(
        " {:>6.1} {:>w2$}",
        s.evidence,
        quoted,
        w2 = QUOTED_W
    ));
    let ql = format!("{:>7}", fmt_lean(s.quote_lean, s.quote_enough));
    r.push(' ');
    r.push_str(&tint(engine, s.quote_lean, s.quote_enough, ql, color));
    let st = format!("{:>7}", fmt_lean(s.stance, s.stance_enough));
    r.push(' ');
    r.push_str(&tint(engine, s.stance, s.stance_enough, st, color));
    r.push('\n');
    r
}

/// The legend under the table.
pub fn footer(engine: &Engine, articles: usize) -> String {
    let l = &engine.lexicon;
    let first = l.sides.first().map(|s| s.label.as_str()).unwrap_or("");
    let last = l.sides.last().map(|s| s.label.as_str()).unwrap_or("");
    let sides = l
        .sides
        .iter()
        .map(|s| s.label.as_str())
        .collect::<Vec<_>>()
        .join("·");
    let text = format!(
        "\n{articles} article(s) · lexicon {} {} ({})\n\
         HITS: loaded terms per side ({sides}); EVID: their summed weight.\n\
         QUOTED: words quoted per speaker side ({sides}·other: neutral, unaligned or unattributed).\n\
         TERMS, QUOTES, STANCE: lean from −1 ({first}) to +1 ({last}); (x) = too little evidence (terms below {:.1}, quotes below {:.0} aligned words).\n\
         Run `slant explain FILE` to see where every number comes from.\n",
        l.name,
        l.version,
        l.short_hash(),
        l.scoring.min_evidence,
        l.scoring.min_quote_words,
    );
    // Lexicon names and labels are untrusted text too (`label: "\e[2J"` is valid YAML).
    crate::report::sanitize::terminal_block(&text).into_owned()
}
