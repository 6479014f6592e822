//! Word boundaries in the normalized text: where a match may start and end (not inside a
//! word, [`is_word_char`] deciding), the case check of case-sensitive variants, and the
//! paragraph check of phrases.

use crate::scan::classes::ASCII_WORD;
use crate::text::words::is_word_char;

/// The letters and digits of `s`, as written (case kept).
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| is_word_char(*c))
}

/// Whether `original` (the original text of a multi-word hit) runs over a paragraph break:
/// a line break, then only whitespace, then another line break. The normalized text reads
/// every run of whitespace as one space, so without this check a phrase could join the
/// last word of one paragraph to the first of the next.
pub(super) fn crosses_blank_line(original: &str) -> bool {
    let mut after_break = false;
    for c in original.chars() {
        match c {
            '\n' | '\u{2029}' if after_break => return true,
            '\n' | '\u{2029}' => after_break = true,
            c if c.is_whitespace() => {}
            _ => after_break = false,
        }
    }
    false
}

/// For case-sensitive variants: the original text must spell the term's letters with the
/// same case as the lexicon writes them ("ICE" matches ICE, not ice or Ice).
pub(super) fn same_letters(text: &str, term: &str) -> bool {
    letters(text).eq(letters(term))
}

pub(super) fn char_before(h: &str, i: usize) -> Option<char> {
    h[..i].chars().next_back()
}

pub(super) fn char_at(h: &str, i: usize) -> Option<char> {
    h[i..].chars().next()
}

/// A match may start at `i` if it does not continue a word.
#[inline]
pub(super) fn left_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

/// A match may end at `i` if the word does not continue.
#[inline]
pub(super) fn right_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

/// `right_ok`, without decoding characters when the bytes on both sides of `i` are ASCII.
#[inline]
pub(super) fn right_ok_fast(h: &str, i: usize) -> bool {
    let b = h.as_bytes();
    match (i.checked_sub(1).and_then(|k| b.get(k)), b.get(i)) {
        (Some(&p), Some(&c)) if p < 0x80 && c < 0x80 => {
            !(ASCII_WORD[p as usize] && ASCII_WORD[c as usize])
        }
        _ => right_ok(h, i),
    }
}

pub(super) fn next_boundary(h: &str, i: usize) -> usize {
    i + char_at(h, i).map_or(1, char::len_utf8)
}
