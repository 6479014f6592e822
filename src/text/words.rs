//! What a word is. slant counts words in three ways, written down here side by side so
//! their differences are on record. Each caller keeps its own because outputs depend on
//! them: none may change without changing what slant prints.
//!
//! - [`count_words`], as [`Normalized::words`](super::normalize::Normalized::words) counts
//!   it on the normalized text (an article's `words` in every report): runs of word
//!   characters ([`is_word_char`]: letters and digits of any script, and combining marks)
//!   where one joiner between two word characters joins ("it's", "job-killing" are one
//!   word) and anything else separates, em dashes and a second joiner included
//!   ("request—it's" and "a--b" are two words each). Joiners are `'` and `-`; on raw text
//!   also U+2019, U+2010 and U+2011. Normalization has already made every curly single
//!   quote, prime and modifier apostrophe a `'` and every Unicode hyphen a `-` (so all of
//!   them join), and removed soft hyphens and zero-width characters (so they split
//!   nothing).
//! - `count_spaced_words` (a quotation's `words`, which also decides whether it can be a
//!   term quote): tokens separated by whitespace or by em and en dashes that hold at least
//!   one letter or digit (`is_alnum`). Punctuation never separates ("U.S.-based" is one
//!   word, "well -- no" two, a lone "&" none). ASCII separators are the five bytes of
//!   `u8::is_ascii_whitespace` (vertical tab is not one); non-ASCII ones are
//!   `char::is_whitespace` and U+2014, U+2013. Combining marks alone make no word.
//! - `clause_words` (coverage's phrase suggestions): the segmentation of [`count_words`]
//!   on the original text (joiners `'`, U+2019, `-`, U+2010, U+2011; so U+2018 and the
//!   primes split here where the normalized count joins, and a soft hyphen splits), with
//!   each word's span and clause number; clauses are cut by `. ! ? ; : " ( ) [ ]`, curly
//!   double quotes, em and en dashes, bullets and line feeds between two words.
//!
//! Note for later: the three differ in their joiners, their separators (dashes and
//! punctuation) and in whether a word needs a letter or digit; they could become one
//! definition once outputs may change.
//!
//! The fast paths behind them are kernels of [`crate::scan`]: the ASCII part of the
//! normalized count runs inside normalization's copy kernel ([`Kernels::copy_ascii`],
//! with the [`WordCounter`] state machine), and `count_spaced_words` is
//! [`Kernels::count_tokens`] with the non-ASCII classes given here.

use crate::scan::classes::CLASS;
use crate::scan::{CharClass, Kernels};

/// The state machine [`count_words`] and normalization count with: word characters,
/// joiners and separators fed one at a time (classes 0, 1 and 2).
pub(crate) use crate::scan::WordCounter;

/// True for characters that make up words: letters and digits in any script, and the
/// combining marks that belong to the letter before them ("cafe\u{301}" is "café", and
/// "İ" lowercases to "i\u{307}"), so a match never ends between a letter and its accent.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining diacritical marks (the blocks used by Latin, Greek and Cyrillic text; marks
/// of other scripts are mostly alphabetic already).
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Count words: runs of letters and digits, where an apostrophe or hyphen between two
/// letters joins ("it’s", "job-killing" are one word) and anything else, including em
/// dashes, separates ("request—it’s" is two). See the module docs.
pub fn count_words(text: &str) -> u32 {
    let mut wc = WordCounter::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            wc.feed(CLASS[b as usize].min(2));
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            wc.feed(if is_word_char(c) {
                0
            } else if matches!(c, '\u{2019}' | '\u{2010}' | '\u{2011}') {
                1
            } else {
                2
            });
            i += c.len_utf8();
        }
    }
    wc.count()
}

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

/// A word of [`clause_words`]: its bytes in the text and the number of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClauseWord {
    pub start: usize,
    pub end: usize,
    /// Clauses are numbered from 0; see [`breaks_clause`].
    pub clause: usize,
}

/// Whether `c`, between two words, starts a new clause for [`clause_words`].
fn breaks_clause(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | ':'
            | '"'
            | '('
            | ')'
            | '['
            | ']'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2014}'
            | '\u{2013}'
            | '\u{2022}'
            | '\n'
    )
}

/// The words of `text` with their clauses (see the module docs): runs of
/// [`is_word_char`] characters, where one apostrophe (`'`, U+2019) or hyphen (`-`,
/// U+2010, U+2011) between two of them joins; a clause break between two words
/// ([`breaks_clause`]) gives the second the next clause number.
pub(crate) fn clause_words(text: &str) -> ClauseWords<'_> {
    ClauseWords {
        chars: text.char_indices(),
        clause: 0,
        cur: None,
        joiner: None,
        gap_breaks: false,
    }
}

/// The iterator of [`clause_words`].
pub(crate) struct ClauseWords<'a> {
    chars: std::str::CharIndices<'a>,
    clause: usize,
    /// (start, end) of the word being read.
    cur: Option<(usize, usize)>,
    /// Byte offset of a pending joiner.
    joiner: Option<usize>,
    /// A clause break since the last word.
    gap_breaks: bool,
}

impl Iterator for ClauseWords<'_> {
    type Item = ClauseWord;

    fn next(&mut self) -> Option<ClauseWord> {
        for (i, c) in self.chars.by_ref() {
            if is_word_char(c) {
                match self.cur {
                    Some((s, _)) => self.cur = Some((s, i + c.len_utf8())),
                    None => {
                        if self.gap_breaks {
                            self.clause += 1;
                            self.gap_breaks = false;
                        }
                        self.cur = Some((i, i + c.len_utf8()));
                    }
                }
                self.joiner = None;
                continue;
            }
            let mut done = None;
            if let Some((s, e)) = self.cur {
                if self.joiner.is_none()
                    && matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
                {
                    self.joiner = Some(i);
                    continue;
                }
                done = Some(ClauseWord {
                    start: s,
                    end: e,
                    clause: self.clause,
                });
                self.cur = None;
                // "word-" followed by a non-word: the joiner was punctuation after all.
                self.joiner = None;
            }
            if breaks_clause(c) {
                self.gap_breaks = true;
            }
            if done.is_some() {
                return done;
            }
        }
        self.cur.take().map(|(s, e)| ClauseWord {
            start: s,
            end: e,
            clause: self.clause,
        })
    }
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

    #[test]
    fn combining_marks_belong_to_their_letter() {
        // Decomposed "naïve" is one word, and no match can end before an accent.
        assert_eq!(count_words("nai\u{0308}ve cafe\u{0301}"), 2);
        assert!(is_word_char('\u{0301}') && is_word_char('\u{0307}'));
        assert!(!is_word_char('—') && !is_word_char('\u{00AD}'));
    }

    #[test]
    fn words_are_counted_by_tokens_with_letters() {
        assert_eq!(
            count_words("This is not a request—it’s a demand, — • 92"),
            9
        );
        assert_eq!(count_words("job-killing rules -- don't"), 3);
        assert_eq!(count_words("'90s agency’s"), 2);
        assert_eq!(count_words("   "), 0);
    }

    #[test]
    fn clause_words_join_once_and_number_clauses() {
        let t = "Job-killing rules; it’s here--now. x- ‘y’";
        let got: Vec<(&str, usize)> = clause_words(t)
            .map(|w| (&t[w.start..w.end], w.clause))
            .collect();
        assert_eq!(
            got,
            [
                ("Job-killing", 0),
                ("rules", 0),
                ("it’s", 1),
                ("here", 1),
                ("now", 1),
                ("x", 2),
                ("y", 2)
            ]
        );
    }
}
