//! The terminal table: one row per article, streamed as results arrive.
//!
//! Columns have fixed widths so rows can be written as soon as each article is scored.
//! The stance is signed toward the lexicon's last side, with its credible interval; a
//! stance from evidence below the threshold is shown in parentheses. Who is heard comes
//! last, apart from the stance. Color (ANSI, only when the caller says stdout is a
//! terminal) tints the stance toward its side's color.

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
const INTERVAL_W: usize = 14;
const QUOTED_W: usize = 13;

/// The header line (and a rule below it).
pub fn header(engine: &Engine) -> String {
    let h = format!(
        "{} {} {:>6} {:>w1$} {:>6} {:>7} {:>w3$} {:>w2$}",
        pad_right("ID", ID_W),
        pad_right("TITLE", TITLE_W),
        "WORDS",
        "HITS",
        "EVID",
        "STANCE",
        format!(
            "{:.0}% RANGE",
            (100.0 * engine.lexicon.scoring.interval).round()
        ),
        "HEARD",
        w1 = HITS_W,
        w2 = QUOTED_W,
        w3 = INTERVAL_W,
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
    r.push_str(&format!(" {:>6.1}", s.evidence));
    let st = format!("{:>7}", fmt_lean(s.stance, s.term_enough));
    r.push(' ');
    r.push_str(&tint(engine, s.stance, s.term_enough, st, color));
    let range = format!("{:+.2} … {:+.2}", s.stance_interval.0, s.stance_interval.1);
    r.push_str(&format!(
        " {:>w3$} {:>w2$}",
        range,
        quoted,
        w2 = QUOTED_W,
        w3 = INTERVAL_W
    ));
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
         STANCE: from the loaded words, −1 ({first}) to +1 ({last}), each side starting from {} points, so thin evidence stays near 0;\n\
         RANGE: where it lies with {:.0}% probability; (x) = evidence below {:.1}.\n\
         HEARD: words quoted per speaker side ({sides}·other: neutral, unaligned or unattributed); a description, not a lean.\n\
         TONE: charged words (attack verbs, derision, insults, alarm…) per 1,000 words, whatever side they serve; never a lean.\n\
         Run `slant explain FILE` to see where every number comes from.\n",
        l.name,
        l.version,
        l.short_hash(),
        crate::report::format::fmt_weight(l.scoring.prior),
        (100.0 * l.scoring.interval).round(),
        l.scoring.min_evidence,
    );
    // Lexicon names and labels are untrusted text too (`label: "\e[2J"` is valid YAML).
    crate::report::sanitize::terminal_block(&text).into_owned()
}
