//! What a word is. The crate counts words in three ways, written down here side by side so
//! their differences are on record; each caller uses its own on purpose, and outputs
//! depend on them, so none may change without changing what slant prints.
//!
//! - [`count_words`] (an article's and a quote's words in the JSON and the tables:
//!   `Normalized::words`): runs of word characters ([`is_word_char`]: letters and digits
//!   of any script, and combining marks), where a single apostrophe or hyphen between two
//!   of them joins ("it's", "job-killing" are one word) and anything else separates,
//!   em dashes included ("request—it's" is two words, "a--b" too). Joiners: `'`, `-`,
//!   U+2019, U+2010 and U+2011. Counted on the normalized text, so a soft hyphen inside a
//!   word does not split it.
//! - [`count_spaced_words`] (a quotation's length, which decides whether it can be a
//!   term quote): tokens separated by whitespace or by em and en dashes that hold at least
//!   one letter or digit ([`is_alnum`]). Punctuation never separates ("U.S.-based" is one
//!   word, "well -- no" two), and a token of punctuation alone is no word. ASCII
//!   separators are the five bytes of `u8::is_ascii_whitespace` (not vertical tab);
//!   non-ASCII ones are `char::is_whitespace` and U+2014, U+2013.
//! - [`clause_words`] (coverage's phrase suggestions): the same runs as [`count_words`]
//!   (word characters joined by one apostrophe or hyphen) but read on the original text,
//!   and with U+2018 also joining; each word knows its clause, cut by `. ! ? ; : " ( ) [ ]`,
//!   curly double quotes, em and en dashes, bullets and line feeds.
//!
//! Note for later: the three differ in their joiners (U+2018), their separators (dashes,
//! punctuation) and whether a word needs a letter. They could become one definition once
//! outputs may change.
//!
//! The fast paths behind them are kernels in [`crate::scan`]: the ASCII part of
//! [`count_words`] runs inside normalization's copy kernel ([`Kernels::copy_ascii`]), and
//! [`count_spaced_words`] is [`Kernels::count_tokens`] with the non-ASCII classes given
//! here.

use crate::scan::{CharClass, Kernels};

/// `c.is_alphanumeric()`, without the Unicode table search for ASCII and
/// for General Punctuation (U+2000–U+206F: quotes, dashes, spaces), which
/// holds no letters or digits.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Tokens separated by whitespace or em/en dashes that contain a letter or digit (see the
/// module docs), with the kernels `K`.
pub(crate) fn count_spaced_words<K: Kernels>(s: &str) -> u32 {
    K::count_tokens(s, |c| {
        if c.is_whitespace() || matches!(c, '—' | '–') {
            CharClass::Separator
        } else if is_alnum(c) {
            CharClass::Word
        } else {
            CharClass::Other
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{Fast, Plain};

    /// Tiny deterministic generator for the differential tests (the quote tests' own).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Random text from `pieces`, `n` of them.
    fn random_text(r: &mut Rng, pieces: &[&str], n: usize) -> String {
        (0..n).map(|_| pieces[r.below(pieces.len())]).collect()
    }

    const S000: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_f667bd81ae114d19.txt"
    ));
    const S001: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_0ad354234d2359d4.txt"
    ));
    const S002: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/002_1fc9ffcff641586d.txt"
    ));
    const S003: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_4f9b0c250ff8d600.txt"
    ));
    const S004: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/004_72e29b7a571df496.txt"
    ));

    /// [`count_spaced_words`] with the fast kernels, checked against the plain ones.
    fn both(s: &str) -> u32 {
        let n = count_spaced_words::<Fast>(s);
        assert_eq!(n, count_spaced_words::<Plain>(s), "{s:?}");
        n
    }

    #[test]
    fn count_words_matches_splitting_on_separators() {
        let sep = |c: char| {
            if c.is_ascii() {
                (c as u8).is_ascii_whitespace()
            } else {
                c.is_whitespace() || matches!(c, '—' | '–')
            }
        };
        let reference = |s: &str| {
            s.split(sep)
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count() as u32
        };
        let alphabet: Vec<char> = "ab Z9 ,.\t\n\u{b}\u{c}\r—–-’é中\u{a0}\u{2028}\u{3000}!"
            .chars()
            .collect();
        let mut rng = crate::corpus::Rng::new(3);
        for _ in 0..20_000 {
            let x = rng.next_u64();
            let n = (x % 24) as usize;
            let s: String = (0..n)
                .map(|k| alphabet[((x >> (k * 2 % 50)) as usize + k * 7) % alphabet.len()])
                .collect();
            assert_eq!(count_spaced_words::<Fast>(&s), reference(&s), "{s:?}");
            assert_eq!(count_spaced_words::<Plain>(&s), reference(&s), "{s:?}");
        }
        assert_eq!(both(S000), reference(S000));
        // long runs of words and spaces (eight bytes at a time) between
        // punctuation and non-ASCII
        let words = [
            "ab", "said", "ICE", "x9", " ", "  ", "\n", "\t", "\u{c}", "\r", "\u{b}", ",", "—",
            "é", "a-b", "12345678", "", "’",
        ];
        for _ in 0..20_000 {
            let x = rng.next_u64();
            let n = (x % 40) as usize;
            let s: String = (0..n)
                .map(|k| words[((x >> (k % 60)) as usize + k * 5) % words.len()])
                .collect::<Vec<_>>()
                .join(if x.is_multiple_of(3) { "" } else { " " });
            assert_eq!(both(&s), reference(&s), "{s:?}");
        }
        for t in [S001, S002, S003, S004] {
            assert_eq!(both(t), reference(t));
        }
        // long texts: states carried across 64-byte blocks, chars split by them
        let pieces = [
            "ab", "x", "9", " ", "  ", "\n", "\t", "\u{b}", "\u{c}", "\r", ",", "—", "–", "é",
            "中", "😀", "’", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}", "-", "a-b", "\u{0}",
        ];
        let mut r = Rng(77);
        for _ in 0..5000 {
            let n = r.below(300);
            let s = random_text(&mut r, &pieces, n);
            assert_eq!(both(&s), reference(&s), "{s:?}");
        }
    }

    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
