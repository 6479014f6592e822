//! Text normalization for matching, with an offset map back to the original bytes.
//!
//! Matching runs on a normalized copy of the article: lowercased, curly quotes and
//! apostrophes made straight, Unicode hyphens made `-`, every run of whitespace (including
//! non-breaking spaces and line breaks) folded to one space, and invisible characters (soft
//! hyphens, zero-width spaces, byte-order marks) removed. Em and en dashes are left alone:
//! "job—killing" is not "job-killing". Every normalized byte remembers which original byte
//! produced it (`offsets.rs`), so a hit found in the copy is reported at its exact
//! place in the input. The words of the text ([`super::words::count_words`]) are counted in
//! the same pass.
//!
//! ASCII stretches are copied by the [`Kernels::copy_ascii`] kernel; this file decides
//! what every other character becomes.

use super::offsets::{OffsetMap, Run};
use super::words::{is_word_char, WordCounter};
use crate::scan::classes::{CLASS, SPACE};
use crate::scan::{Fast, Kernels, TextBuf};

/// A normalized copy of a text plus the map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Where each normalized byte came from.
    map: OffsetMap,
    /// Words in the text, counted while normalizing (see
    /// [`count_words`](super::words::count_words)).
    words: u32,
}

/// What a single character becomes after normalization.
#[derive(Clone, Copy)]
enum Norm {
    /// Dropped entirely (soft hyphen, zero-width characters).
    Drop,
    /// Whitespace: folded with its neighbours into one space.
    Space,
    /// Replaced by one ASCII character.
    Ascii(u8),
    /// Kept, lowercased.
    Keep,
    /// Kept as it is: a separator with no lowercase form (dashes, bullets). Only the
    /// table of [`general_punctuation`] says so; [`classify`] answers `Keep`.
    Separator,
}

fn classify(c: char) -> Norm {
    match c {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Norm::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
            Norm::Ascii(b'\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => Norm::Ascii(b'"'),
        '\u{2010}' | '\u{2011}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Norm::Ascii(b'-'),
        c if c.is_whitespace() => Norm::Space,
        _ => Norm::Keep,
    }
}

/// What each character U+2000..=U+203F becomes, derived from [`classify`] once: most of
/// an English article's non-ASCII text (curly quotes, dashes, special spaces) is here,
/// and a table answer spares the Unicode table searches of `Keep`. `None` where the
/// table has no cheaper answer than `classify`.
fn general_punctuation() -> &'static [Option<Norm>; 64] {
    static TABLE: std::sync::OnceLock<[Option<Norm>; 64]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|k| {
            let c = char::from_u32(0x2000 + k as u32).expect("a scalar value");
            match classify(c) {
                Norm::Keep if !is_word_char(c) && c.to_lowercase().eq([c]) => Some(Norm::Separator),
                Norm::Keep => None,
                other => Some(other),
            }
        })
    })
}

impl Normalized {
    /// Normalize `original`. Offsets are kept as `u32`, so texts must be under 4 GiB
    /// (article loading enforces a much smaller limit).
    pub fn new(original: &str) -> Normalized {
        Normalized::new_with::<Fast>(original)
    }

    /// [`Normalized::new`] with the kernels `K`: `Plain` and `Fast` give the same text,
    /// map and word count (`tests/scan_equivalence.rs`).
    #[doc(hidden)]
    pub fn new_with<K: Kernels>(original: &str) -> Normalized {
        let n = original.len();
        let bytes = original.as_bytes();
        // Spare bytes: the ASCII copy writes whole steps (see `Sse2::copy_ascii`).
        let mut out = TextBuf::with_capacity(n + 64);
        let mut map = OffsetMap::with_capacity(16 + n / 32, n);
        let mut wc = WordCounter::default();
        let mut i = 0;
        while i < n {
            if bytes[i] < 0x80 {
                // An ASCII stretch maps byte for byte (whitespace after whitespace aside),
                // so it is one run however long it is.
                map.push(Run {
                    norm: out.len() as u32,
                    orig: i as u32,
                    width: 0,
                });
                i += K::copy_ascii(&mut wc, &bytes[i..], out.last() == Some(b' '), &mut out);
                // Whitespace right after whitespace folds into the space before it.
                while i < n && CLASS[bytes[i] as usize] == SPACE && out.last() == Some(b' ') {
                    i += 1;
                }
                continue;
            }
            let c = original[i..].chars().next().expect("char boundary");
            let len = c.len_utf8();
            let run = Run {
                norm: out.len() as u32,
                orig: i as u32,
                width: len as u32,
            };
            let norm = match (len, bytes[i], bytes[i + 1]) {
                (3, 0xE2, 0x80) => general_punctuation()[usize::from(bytes[i + 2] & 0x3F)]
                    .unwrap_or_else(|| classify(c)),
                _ => classify(c),
            };
            match norm {
                Norm::Drop => {}
                Norm::Space => {
                    wc.feed(2);
                    // Only whitespace ever produces a space, so a space last means the
                    // previous character was whitespace too.
                    if out.last() != Some(b' ') {
                        map.push(run);
                        out.push_ascii(b' ');
                    }
                }
                Norm::Ascii(a) => {
                    wc.feed(CLASS[a as usize]);
                    map.push(run);
                    out.push_ascii(a);
                }
                Norm::Separator => {
                    wc.feed(2);
                    map.push(run);
                    out.push_char(c);
                }
                Norm::Keep => {
                    wc.feed(if is_word_char(c) { 0 } else { 2 });
                    map.push(run);
                    for l in c.to_lowercase() {
                        out.push_char(l);
                    }
                }
            }
            i += len;
        }
        let text = out.into_string();
        map.finish(text.len());
        Normalized {
            text,
            map,
            words: wc.count(),
        }
    }

    /// Number of words in the text (see [`count_words`](super::words::count_words)),
    /// counted on the normalized copy so invisible characters such as soft hyphens do not
    /// split words.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// Map a normalized byte range back to the original byte range covering the
    /// characters that produced it.
    #[inline]
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        self.map.original_range(start, end)
    }

    /// Original byte offset of the character that produced normalized byte `i` (the
    /// original length for `i` at or past the end).
    #[inline]
    pub fn original_offset(&self, i: usize) -> usize {
        self.map.original_offset(i)
    }

    /// [`Normalized::original_range`] for callers that ask about ranges in increasing
    /// order: `cursor` (0 at first) keeps the index of the run the previous lookup ended
    /// in, and the runs are searched forward from there (any order still gives correct
    /// results, only slower).
    #[inline]
    pub fn original_range_seq(
        &self,
        start: usize,
        end: usize,
        cursor: &mut usize,
    ) -> (usize, usize) {
        self.map.original_range_seq(start, end, cursor)
    }
}

/// Normalize a lexicon term the same way as article text, and trim it.
pub fn normalize_term(term: &str) -> String {
    Normalized::new(term.trim()).text.trim().to_string()
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::count_words;

    /// The obvious per-byte offset map the runs replace: `(text, map, ends)`.
    fn reference(original: &str) -> (String, Vec<usize>, Vec<usize>) {
        let (mut out, mut map, mut ends) = (String::new(), Vec::new(), Vec::new());
        let mut in_space = false;
        for (i, c) in original.char_indices() {
            let end = i + c.len_utf8();
            let mut emit = |s: &str, out: &mut String| {
                out.push_str(s);
                map.extend(std::iter::repeat_n(i, s.len()));
                ends.extend(std::iter::repeat_n(end, s.len()));
            };
            match classify(c) {
                Norm::Drop => {}
                Norm::Space if in_space => {}
                Norm::Space => {
                    emit(" ", &mut out);
                    in_space = true;
                }
                Norm::Ascii(a) => {
                    emit(&(a as char).to_string(), &mut out);
                    in_space = false;
                }
                // `classify` never answers `Separator`; it would be the same.
                Norm::Keep | Norm::Separator => {
                    emit(&c.to_lowercase().collect::<String>(), &mut out);
                    in_space = false;
                }
            }
        }
        map.push(original.len());
        (out, map, ends)
    }

    #[test]
    fn run_map_agrees_with_a_per_byte_map_on_generated_text() {
        let alphabet = [
            "a", "B", "z", " ", "  ", "\n", "\t", "\u{0B}", "'", "-", ".", "\"", "é", "İ", "Ü",
            "\u{00AD}", "\u{200B}", "\u{FEFF}", "’", "“", "”", "\u{2011}", "—", "\u{00A0}",
            "\u{2028}", "ß", "\u{0301}", "𝄞", "ﬁ", "Σ",
        ];
        let mut rng = crate::corpus::Rng::new(1);
        for len in 0..400 {
            let text: String = (0..len % 60)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let n = Normalized::new(&text);
            let (want, map, ends) = reference(&text);
            assert_eq!(n.text, want, "{text:?}");
            assert_eq!(n.words(), count_words(&n.text), "{text:?}");
            assert_eq!(map.len(), n.text.len() + 1);
            for (i, &want) in map.iter().enumerate() {
                assert_eq!(n.original_offset(i), want, "{text:?} byte {i}");
            }
            for (s, &from) in map.iter().enumerate().take(n.text.len()) {
                for (e, &to) in ends.iter().enumerate().skip(s) {
                    assert_eq!(n.original_range(s, e + 1), (from, to), "{text:?} {s}..{e}");
                }
            }
        }
    }

    #[test]
    fn long_mostly_ascii_text_agrees_with_the_reference() {
        let mut rng = crate::corpus::Rng::new(3);
        for len in 0..300 {
            let text = crate::corpus::ascii_heavy(&mut rng, len);
            let n = Normalized::new(&text);
            let (want, map, _) = reference(&text);
            assert_eq!(n.text, want, "{text:?}");
            assert_eq!(n.words(), count_words(&n.text), "{text:?}");
            for (i, &want) in map.iter().enumerate() {
                assert_eq!(n.original_offset(i), want, "{text:?} byte {i}");
            }
        }
    }

    #[test]
    fn general_punctuation_fast_path_agrees_with_the_reference() {
        for k in 0x2000..=0x203F {
            let c = char::from_u32(k).unwrap();
            for text in [
                format!("a{c}B"),
                format!("{c}{c} x{c}"),
                format!("don{c}t {c}"),
            ] {
                let n = Normalized::new(&text);
                let (want, map, _) = reference(&text);
                assert_eq!(n.text, want, "U+{k:04X}");
                assert_eq!(n.words(), count_words(&n.text), "U+{k:04X}");
                for (i, &want) in map.iter().enumerate() {
                    assert_eq!(n.original_offset(i), want, "U+{k:04X} byte {i}");
                }
            }
        }
    }

    #[test]
    fn lowercases_and_folds_typography() {
        let n = Normalized::new("So-called  “Sanctuary”\u{00A0}Cities’ \n policy");
        assert_eq!(n.text, "so-called \"sanctuary\" cities' policy");
    }

    #[test]
    fn em_dash_is_left_alone() {
        let n = Normalized::new("job—killing – rules");
        assert_eq!(n.text, "job—killing – rules");
    }

    #[test]
    fn soft_hyphen_and_zero_width_are_removed() {
        let n = Normalized::new("ille\u{00AD}gal\u{200B} aliens");
        assert_eq!(n.text, "illegal aliens");
        // The range of "illegal aliens" maps back to the whole original span.
        let (s, e) = n.original_range(0, n.text.len());
        assert_eq!((s, e), (0, "ille\u{00AD}gal\u{200B} aliens".len()));
    }

    #[test]
    fn offsets_map_back_through_multibyte_characters() {
        let original = "Ünited — “Illegal Aliens” déjà";
        let n = Normalized::new(original);
        let at = n.text.find("illegal aliens").unwrap();
        let (s, e) = n.original_range(at, at + "illegal aliens".len());
        assert_eq!(&original[s..e], "Illegal Aliens");
        let at = n.text.find("déjà").unwrap();
        let (s, e) = n.original_range(at, at + "déjà".len());
        assert_eq!(&original[s..e], "déjà");
    }

    #[test]
    fn lowercase_expansion_keeps_offsets() {
        // 'İ' lowercases to two characters (3 bytes); offsets must still map to it.
        let original = "İstanbul migrants";
        let n = Normalized::new(original);
        let at = n.text.find("migrants").unwrap();
        let (s, e) = n.original_range(at, at + "migrants".len());
        assert_eq!(&original[s..e], "migrants");
        let (s, e) = n.original_range(0, 1);
        assert_eq!(&original[s..e], "İ");
    }

    #[test]
    fn whitespace_runs_map_to_their_start() {
        let original = "a \n\t b";
        let n = Normalized::new(original);
        assert_eq!(n.text, "a b");
        assert_eq!(n.original_offset(2), 5);
    }

    #[test]
    fn normalization_counts_words_like_count_words() {
        for t in [
            "This is not a request—it’s a demand, — • 92",
            "job-killing rules -- don't 'x' “Quoted” Ünïcödé wörds",
            "  ",
            "a\u{00A0}b\u{2011}c ‐ d",
        ] {
            assert_eq!(Normalized::new(t).words(), count_words(t), "{t}");
        }
        // Invisible characters do not split words in the normalized count.
        assert_eq!(Normalized::new("ille\u{00AD}gal").words(), 1);
    }
}
