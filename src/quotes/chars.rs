//! Char-level helpers shared by the quote scanners: a byte offset rounded up to a char
//! boundary, the end of a span without its trailing whitespace, and `Option<char>` tests
//! that read the same on every toolchain. Nothing here knows about quotes.

/// `Option<char>` helpers that read the same on every toolchain (no
/// `is_none_or`, which is newer than some MSRVs).
pub(super) trait CharOpt {
    /// Absent, or the char satisfies `f`.
    fn none_or(self, f: fn(char) -> bool) -> bool;
    /// Absent, or the char fails `f`.
    fn none_or_not(self, f: fn(char) -> bool) -> bool;
}

impl CharOpt for Option<char> {
    fn none_or(self, f: fn(char) -> bool) -> bool {
        match self {
            None => true,
            Some(c) => f(c),
        }
    }

    fn none_or_not(self, f: fn(char) -> bool) -> bool {
        match self {
            None => true,
            Some(c) => !f(c),
        }
    }
}

/// Position just past the last non-whitespace char of `text[lo..hi]`, or `lo`.
pub(super) fn trim_end_pos(text: &str, lo: usize, hi: usize) -> usize {
    lo + text[lo..hi].trim_end().len()
}

/// The first char boundary of `t` at or after `i` (`t.len()` past its end).
pub(super) fn ceil_cb(t: &str, mut i: usize) -> usize {
    if i >= t.len() {
        return t.len();
    }
    while !t.is_char_boundary(i) {
        i += 1;
    }
    i
}
