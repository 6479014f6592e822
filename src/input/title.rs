//! The title and date of a plain-text article, read from its first lines: the first
//! non-empty line, a short kicker above a longer line skipped, Markdown heading marks
//! dropped, a leading `date 2020-01-19` dateline taken as the date (and located, for pages
//! that show it apart: [`leading_dateline`]); cut to [`MAX_TITLE_CHARS`] characters.

/// Longest derived title, in characters (a one-line article would otherwise be its own
/// title, copied into every output).
pub const MAX_TITLE_CHARS: usize = 200;

/// The first non-empty line, skipping a short kicker ("News & Politics") that sits above
/// a longer line; cut to [`MAX_TITLE_CHARS`] characters with an ellipsis.
pub fn derive_title(text: &str) -> String {
    cut_title(title_and_date(text).0)
}

pub(super) fn cut_title(title: &str) -> String {
    match title.char_indices().nth(MAX_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", title[..cut].trim_end()),
        None => title.to_string(),
    }
}

/// Non-empty lines as a title sees them: trimmed, a Markdown heading's `#` marks removed.
fn title_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .filter(|l| !l.is_empty())
}

/// A dateline that some scraped texts start with, `date 2020-01-19 …` or `Date: 2020-01-19`:
/// the ISO date and the rest of the line. It becomes the article's date and stays out of
/// its title (the text itself is left as it is).
fn dateline(line: &str) -> Option<(&str, &str)> {
    let rest = line
        .strip_prefix("date")
        .or_else(|| line.strip_prefix("Date"))?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let date = rest.get(..10)?;
    let iso = date.bytes().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    let after = &rest[10..];
    (iso && (after.is_empty() || after.starts_with(char::is_whitespace)))
        .then(|| (date, after.trim_start()))
}

/// The byte range of a leading dateline (`date 2020-01-19`, without what follows it on its
/// line) when the text's first non-empty line starts with one, so a page can show it as
/// the metadata it is. The text itself is never changed.
pub fn leading_dateline(text: &str) -> Option<std::ops::Range<usize>> {
    let start = text.find(|c: char| !c.is_whitespace())?;
    let line = text[start..].lines().next()?;
    let (date, _) = dateline(line)?;
    let end = start + line.find(date)? + date.len();
    Some(start..end)
}

/// The title line (uncut) and the date of a leading dateline, if any.
pub(super) fn title_and_date(text: &str) -> (&str, Option<&str>) {
    let mut lines = title_lines(text).peekable();
    // A dateline is not the title; what follows it on its line may be.
    let date = match lines.peek().and_then(|l| dateline(l)) {
        Some((date, rest)) => {
            lines.next();
            if !rest.is_empty() {
                return (rest, Some(date));
            }
            Some(date)
        }
        None => None,
    };
    (title_line(lines), date)
}

/// The first of `lines`, or the second when the first is a short kicker above it.
fn title_line<'a>(mut lines: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = lines.next() else {
        return "";
    };
    // Word counts stop early: only "at most 3" and "4 to 25" matter, and a first line
    // can be a whole paragraph.
    let words = first.split_whitespace().take(4).count();
    let ends_sentence = first.ends_with(['.', '!', '?', ':', '"', '”']);
    if words <= 3 && !ends_sentence {
        if let Some(second) = lines.next() {
            let w2 = second.split_whitespace().take(26).count();
            if (4..=25).contains(&w2) {
                return second;
            }
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_nonempty_line_skipping_a_kicker() {
        assert_eq!(derive_title("\n\n  Headline here \nbody"), "Headline here");
        assert_eq!(
            derive_title("# A Markdown heading\n\ntext"),
            "A Markdown heading"
        );
        assert_eq!(
            derive_title("News & Politics\n\nICE Goes to War With New York City Over Sanctuary Policies\n\nBody."),
            "ICE Goes to War With New York City Over Sanctuary Policies"
        );
        assert_eq!(derive_title("Breaking\n"), "Breaking");
    }

    #[test]
    fn a_leading_dateline_is_located_and_nothing_else_is() {
        let t = " date 2020-01-19 The federal authorities are turning…";
        assert_eq!(leading_dateline(t).map(|r| &t[r]), Some("date 2020-01-19"));
        let t = "\n\nDate: 2021-03-04\nTitle";
        assert_eq!(leading_dateline(t).map(|r| &t[r]), Some("Date: 2021-03-04"));
        assert_eq!(leading_dateline("The date 2020-01-19 came."), None);
        assert_eq!(leading_dateline("date 2020-1-19 x"), None);
        assert_eq!(leading_dateline("dated 2020-01-19 x"), None);
        assert_eq!(leading_dateline(""), None);
    }

    #[test]
    fn titles_are_cut_to_a_bounded_length() {
        let long = "word ".repeat(10_000);
        let t = derive_title(&long);
        assert_eq!(t.chars().count(), MAX_TITLE_CHARS);
        assert!(t.ends_with("word…"), "{t}");
        let multi = "é".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(derive_title(&multi).chars().count(), MAX_TITLE_CHARS + 1);
        assert_eq!(
            derive_title(&"é".repeat(MAX_TITLE_CHARS)),
            "é".repeat(MAX_TITLE_CHARS)
        );
    }
}
