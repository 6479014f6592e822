//! The terminal table: one row per article, streamed as results arrive.
//!
//! Columns have fixed widths so rows can be written as soon as each article is scored.
//! The stance is signed toward the lexicon's last side, with its credible interval; a
//! stance from evidence below the threshold is shown in parentheses. Who is heard and the
//! tone come after the stance, apart from it. Color (ANSI, only when the caller says
//! stdout is a terminal) tints the stance toward its side's color.
//!
//! The table fits the width it is given ([`Layout::fit`]; the caller measures the
//! terminal, this module never does): below the full width (about 120 columns) the title
//! shortens first, then the least needed columns are left out (words, tone, who is heard,
//! hits, the range), and the footer says which. Without a width (output piped to a file
//! or a program) every column is written.

use crate::analysis::{Analysis, Engine};
use crate::report::format::{ellipsize, fmt_lean, pad_right};
use crate::report::sanitize::terminal;

/// A column of the table, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Title,
    Words,
    Hits,
    Evidence,
    Stance,
    Range,
    Heard,
    Tone,
}

impl Column {
    const ALL: [Column; 9] = [
        Column::Id,
        Column::Title,
        Column::Words,
        Column::Hits,
        Column::Evidence,
        Column::Stance,
        Column::Range,
        Column::Heard,
        Column::Tone,
    ];

    /// Left out first when the table is too wide, in this order; the id, title and stance
    /// always stay.
    const DROP_ORDER: [Column; 6] = [
        Column::Words,
        Column::Tone,
        Column::Heard,
        Column::Hits,
        Column::Range,
        Column::Evidence,
    ];

    /// Width in characters (the title's is its widest).
    fn width(self) -> usize {
        match self {
            Column::Id => 20,
            Column::Title => TITLE_MAX,
            Column::Words => 6,
            Column::Hits => 9,
            Column::Evidence => 6,
            Column::Stance => 7,
            Column::Range => 14,
            Column::Heard => 13,
            Column::Tone => 5,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Title => "TITLE",
            Column::Words => "WORDS",
            Column::Hits => "HITS",
            Column::Evidence => "EVID",
            Column::Stance => "STANCE",
            Column::Range => "RANGE",
            Column::Heard => "HEARD",
            Column::Tone => "TONE",
        }
    }
}

const TITLE_MAX: usize = 34;
/// The title is never shortened below this; columns are left out instead.
const TITLE_MIN: usize = 16;

/// Which columns are written, and how wide the title is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub columns: Vec<Column>,
    pub title_width: usize,
}

impl Default for Layout {
    /// Every column, the title at its widest.
    fn default() -> Self {
        Layout::fit(None)
    }
}

impl Layout {
    /// The layout for a terminal `width` columns wide (`None`: no limit, every column).
    pub fn fit(width: Option<usize>) -> Layout {
        let mut columns: Vec<Column> = Column::ALL.to_vec();
        let Some(width) = width else {
            return Layout {
                columns,
                title_width: TITLE_MAX,
            };
        };
        // Each column but the first is preceded by one space.
        let others = |cols: &[Column]| -> usize {
            cols.iter()
                .filter(|c| **c != Column::Title)
                .map(|c| c.width() + 1)
                .sum::<usize>()
        };
        for drop in Column::DROP_ORDER {
            if others(&columns) + TITLE_MIN <= width {
                break;
            }
            columns.retain(|c| *c != drop);
        }
        let title_width = width
            .saturating_sub(others(&columns))
            .clamp(TITLE_MIN, TITLE_MAX);
        Layout {
            columns,
            title_width,
        }
    }

    fn has(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }

    /// Columns left out, by name.
    fn dropped(&self) -> Vec<&'static str> {
        Column::ALL
            .iter()
            .filter(|c| !self.has(**c))
            .map(|c| c.name())
            .collect()
    }

    fn width_of(&self, c: Column) -> usize {
        if c == Column::Title {
            self.title_width
        } else {
            c.width()
        }
    }

    /// One line of cells, each padded to its column (text columns to the left, numbers
    /// to the right).
    fn line(&self, cell: impl Fn(Column) -> String) -> String {
        let mut o = String::new();
        for (i, &c) in self.columns.iter().enumerate() {
            if i > 0 {
                o.push(' ');
            }
            let text = cell(c);
            let w = self.width_of(c);
            match c {
                Column::Id | Column::Title => o.push_str(&pad_right(&text, w)),
                _ => {
                    // Right-aligned; escapes (color) take no room.
                    let visible = visible_len(&text);
                    o.push_str(&" ".repeat(w.saturating_sub(visible)));
                    o.push_str(&text);
                }
            }
        }
        o
    }
}

/// Characters a terminal shows, ANSI color escapes left out.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for ch in s.chars() {
        match (in_escape, ch) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

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

/// The header line (and a rule below it).
pub fn header(engine: &Engine, layout: &Layout) -> String {
    let h = layout.line(|c| match c {
        Column::Range => format!(
            "{:.0}% RANGE",
            (100.0 * engine.lexicon.scoring.interval).round()
        ),
        other => other.name().to_string(),
    });
    let rule = "─".repeat(h.chars().count());
    format!("{h}\n{rule}\n")
}

/// One row for an article.
pub fn row(engine: &Engine, a: &Analysis, color: bool, layout: &Layout) -> String {
    let s = &a.scores;
    let mut r = layout.line(|c| match c {
        Column::Id => terminal(&ellipsize(&a.article.id, Column::Id.width())).into_owned(),
        Column::Title => terminal(&ellipsize(&a.article.title, layout.title_width)).into_owned(),
        Column::Words => a.words.to_string(),
        Column::Hits => s
            .sides
            .iter()
            .map(|x| x.count.to_string())
            .collect::<Vec<_>>()
            .join("·"),
        Column::Evidence => format!("{:.1}", s.evidence),
        Column::Stance => tint(
            engine,
            s.stance,
            s.term_enough,
            fmt_lean(s.stance, s.term_enough),
            color,
        ),
        Column::Range => format!("{:+.2} … {:+.2}", s.stance_interval.0, s.stance_interval.1),
        Column::Heard => {
            let other =
                s.neutral_quotes.words + s.unaligned_quotes.words + s.unattributed_quotes.words;
            s.quotes
                .iter()
                .map(|q| q.words)
                .chain(std::iter::once(other))
                .map(|w| w.to_string())
                .collect::<Vec<_>>()
                .join("·")
        }
        Column::Tone => format!("{:.1}", s.tone.per_1000_words),
    });
    r.push('\n');
    r
}

/// The legend under the table: one line per column shown, and which were left out.
pub fn footer(engine: &Engine, articles: usize, layout: &Layout) -> String {
    let l = &engine.lexicon;
    let first = l.sides.first().map(|s| s.label.as_str()).unwrap_or("");
    let last = l.sides.last().map(|s| s.label.as_str()).unwrap_or("");
    let sides = l
        .sides
        .iter()
        .map(|s| s.label.as_str())
        .collect::<Vec<_>>()
        .join("·");
    let mut text = format!(
        "\n{articles} article(s) · lexicon {} {} ({})\n",
        l.name,
        l.version,
        l.short_hash(),
    );
    let has = |c| layout.has(c);
    match (has(Column::Hits), has(Column::Evidence)) {
        (true, true) => text.push_str(&format!(
            "HITS: loaded terms per side ({sides}); EVID: their summed weight.\n"
        )),
        (true, false) => text.push_str(&format!("HITS: loaded terms per side ({sides}).\n")),
        (false, true) => text.push_str("EVID: the summed weight of the loaded terms.\n"),
        (false, false) => {}
    }
    text.push_str(&format!(
        "STANCE: from the loaded words, −1 ({first}) to +1 ({last}), each side starting from {} points, so thin evidence stays near 0; (x) = evidence below {:.1}.\n",
        crate::report::format::fmt_weight(l.scoring.prior),
        l.scoring.min_evidence,
    ));
    if has(Column::Range) {
        text.push_str(&format!(
            "RANGE: where the stance lies with {:.0}% probability.\n",
            (100.0 * l.scoring.interval).round()
        ));
    }
    if has(Column::Heard) {
        text.push_str(&format!(
            "HEARD: words quoted per speaker side ({sides}·other: neutral, unaligned or unattributed); a description, not a lean.\n"
        ));
    }
    if has(Column::Tone) {
        text.push_str("TONE: charged words (attack verbs, derision, insults, alarm…) per 1,000 words, whatever side they serve; never a lean.\n");
    }
    let dropped = layout.dropped();
    if !dropped.is_empty() {
        text.push_str(&format!(
            "Not shown to fit the terminal: {} (widen it, or pipe the output, for every column).\n",
            dropped.join(", ")
        ));
    }
    text.push_str("Run `slant explain FILE` to see where every number comes from.\n");
    // Lexicon names and labels are untrusted text too (`label: "\e[2J"` is valid YAML).
    crate::report::sanitize::terminal_block(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(l: &Layout) -> usize {
        l.columns.iter().map(|c| l.width_of(*c)).sum::<usize>() + l.columns.len() - 1
    }

    #[test]
    fn without_a_width_every_column_is_written() {
        let l = Layout::fit(None);
        assert_eq!(l.columns, Column::ALL.to_vec());
        assert_eq!(l.title_width, TITLE_MAX);
        assert!(width(&l) > 110, "{}", width(&l));
    }

    #[test]
    fn the_table_fits_the_width_it_is_given() {
        for w in [40usize, 60, 72, 80, 90, 100, 110, 120, 200] {
            let l = Layout::fit(Some(w));
            // The id, title and stance always stay; above that, the table fits.
            if w >= 20 + 1 + TITLE_MIN + 1 + 7 {
                assert!(width(&l) <= w, "{w}: {} > {w} ({l:?})", width(&l));
            }
            for c in [Column::Id, Column::Title, Column::Stance] {
                assert!(l.columns.contains(&c), "{w}: {l:?}");
            }
        }
        // 80 columns keeps the evidence and the range, leaves out words, tone and heard.
        let l = Layout::fit(Some(80));
        assert!(l.columns.contains(&Column::Range) && l.columns.contains(&Column::Evidence));
        assert_eq!(l.dropped(), ["WORDS", "HEARD", "TONE"]);
        // A wide terminal gets everything.
        assert_eq!(Layout::fit(Some(200)), Layout::fit(None));
    }

    #[test]
    fn visible_length_skips_color_escapes() {
        assert_eq!(visible_len(&ansi((1, 2, 3), "+0.50")), 5);
        assert_eq!(visible_len("a·b"), 3);
    }
}
