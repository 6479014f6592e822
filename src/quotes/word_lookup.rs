//! Looking words up in the word lists of [`super::word_lists`]: a packed table built once,
//! answering "which lists hold this word" with one multiply and usually one compare and
//! no allocation, and the membership tests every reader calls (`in_list`, `in_set`,
//! `lc_is`). How the lists are stored is this file's business; what they hold is not.

use std::collections::HashMap;

use super::cue_list::cue_list;
use super::word_lists::{CUE_START, L, LISTS, OTHER_CUE_WORDS, SAY_FINITE, SAY_ING};
use crate::scan::{Fast, Kernels};

/// Word → bit set of the lists containing it, built once. The words are
/// short ASCII, so each is packed into a `u128` (zero padded) and kept in an
/// open-addressing table about a quarter full: a lookup is one multiply and
/// usually one compare, with no allocation. Most words looked up are in no
/// list; a bit set over (length, first and last byte) turns most of those
/// away before the key is even built.
struct WordTable {
    /// `(key, length, lists)` at [`slot`] of the key or just after it
    /// (wrapping); empty slots have length 0.
    table: Vec<(u128, u8, u32)>,
    /// Bits at [`shape`] of every list word.
    shapes: Vec<u64>,
    /// Bits at [`shape`] of every word that can start a cue ([`cue_words`]).
    cue_shapes: Vec<u64>,
}

/// Whether `w` has the [`shape`] of a word in the set.
#[inline]
fn shape_in(shapes: &[u64], w: &[u8], lower: bool) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    if w.len() > MAX_WORD {
        return false;
    }
    let (first, last) = if lower {
        (first.to_ascii_lowercase(), last.to_ascii_lowercase())
    } else {
        (first, last)
    };
    let x = shape(w.len(), first, last);
    shapes[x / 64] & (1 << (x % 64)) != 0
}

/// The bit set of the [`shape`]s of `words`.
fn shape_set<'w>(words: impl Iterator<Item = &'w str>) -> Vec<u64> {
    let mut shapes = vec![0u64; ((MAX_WORD + 1) * 32 * 32).div_ceil(64)];
    for w in words {
        let b = w.as_bytes();
        let x = shape(b.len(), b[0], b[b.len() - 1]);
        shapes[x / 64] |= 1 << (x % 64);
    }
    shapes
}

/// False only for words that cannot be a lowercase speech cue.
#[inline]
pub(super) fn may_be_cue(w: &[u8]) -> bool {
    shape_in(&word_table().cue_shapes, w, false)
}

/// Bit index of a word's length and the low five bits of its first and
/// last bytes (`n` ≤ [`MAX_WORD`]); lossy, so only a filter.
fn shape(n: usize, first: u8, last: u8) -> usize {
    (n * 32 + usize::from(first & 31)) * 32 + usize::from(last & 31)
}

/// Longest word in any list (checked when the table is built).
const MAX_WORD: usize = 16;

/// `w` packed for [`WordTable`] (bytes in order, zero padded),
/// ASCII-lowercased when `lower`; `None` when no list word can match (empty,
/// too long, non-ASCII first byte).
fn word_key(w: &[u8], lower: bool) -> Option<u128> {
    let n = w.len();
    if n == 0 || n > MAX_WORD || !w[0].is_ascii() {
        return None;
    }
    let x = pack(w);
    // The table is shared by every kernel type: lookups lowercase with `Fast`.
    Some(if lower { Fast::lower_ascii_lanes(x) } else { x })
}

/// The up to 16 bytes of `w` in the low lanes of a `u128`, the rest zero:
/// from 4 bytes on, two loads that may overlap (an overlapping byte is or-ed
/// onto itself), which costs less than copying a variable length.
fn pack(w: &[u8]) -> u128 {
    let n = w.len();
    debug_assert!(n <= 16);
    if let (Some(a), Some(b)) = (w.first_chunk::<8>(), w.last_chunk::<8>()) {
        let (a, b) = (u64::from_le_bytes(*a), u64::from_le_bytes(*b));
        return u128::from(a) | u128::from(b) << (8 * (n - 8));
    }
    if let (Some(a), Some(b)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        let (a, b) = (u32::from_le_bytes(*a), u32::from_le_bytes(*b));
        return u128::from(a) | u128::from(b) << (8 * (n - 4));
    }
    w.iter()
        .enumerate()
        .fold(0, |x, (i, &c)| x | u128::from(c) << (8 * i))
}

/// Bits in a [`WordTable`] slot number.
const WORD_SLOT_BITS: u32 = 12;

/// Home slot of a key in the [`WordTable`].
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_SLOT_BITS)) as usize
}

/// Every list word with the bits of its lists: the lists of [`super::word_lists`] and the
/// speech cues of `cues.yaml`.
fn list_words() -> HashMap<&'static str, u32> {
    let mut m: HashMap<&'static str, u32> = HashMap::new();
    for (l, words) in LISTS {
        for w in words.split_ascii_whitespace() {
            *m.entry(w).or_default() |= l.0;
        }
    }
    let (fin, ing, all) = cue_list().words();
    for (l, words) in [(SAY_FINITE, fin), (SAY_ING, ing), (CUE_START, all)] {
        for w in words {
            *m.entry(w).or_default() |= l.0;
        }
    }
    m
}

/// Every word a lowercase cue can start with: the first words of `cues.yaml` and
/// [`OTHER_CUE_WORDS`].
pub(super) fn cue_words() -> impl Iterator<Item = &'static str> {
    cue_list().by_first.keys().copied().chain(OTHER_CUE_WORDS)
}

/// The table of every list word, built on first use.
#[inline]
fn word_table() -> &'static WordTable {
    static LEX: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let m = list_words();
        let size = 1 << WORD_SLOT_BITS;
        assert!(
            m.len() * 3 <= size,
            "the word table stays at most a third full"
        );
        let mut table = vec![(0u128, 0u8, 0u32); size];
        for (w, bits) in m {
            assert!(w.is_ascii() && w.len() <= MAX_WORD, "word list entry {w:?}");
            let key = word_key(w.as_bytes(), false).expect("list word");
            let mut h = slot(key);
            while table[h].1 != 0 {
                h = (h + 1) % size;
            }
            table[h] = (key, w.len() as u8, bits);
        }
        WordTable {
            table,
            shapes: shape_set(list_words().into_keys()),
            cue_shapes: shape_set(cue_words()),
        }
    })
}

/// Bit set of the lists containing `w` exactly (ASCII-lowercased first
/// with `lower`). Most words asked about are in no list, and most of those
/// fail the [`shape`] test: that much is inlined at the callers.
#[inline(always)]
pub(super) fn word_bits(w: &[u8], lower: bool) -> u32 {
    let lex = word_table();
    if !shape_in(&lex.shapes, w, lower) {
        return 0;
    }
    word_bits_of(lex, w, lower)
}

/// [`word_bits`] of a word with a list word's shape: the table lookup.
#[inline(never)]
fn word_bits_of(lex: &WordTable, w: &[u8], lower: bool) -> u32 {
    let Some(key) = word_key(w, lower) else {
        return 0;
    };
    // the length tells "ab" from "ab\0", which pack alike
    let n = w.len() as u8;
    let mut h = slot(key);
    loop {
        let (k, len, bits) = lex.table[h];
        if len == 0 {
            return 0;
        }
        if k == key && len == n {
            return bits;
        }
        h = (h + 1) & ((1 << WORD_SLOT_BITS) - 1);
    }
}

/// Bit set of the lists containing `w.to_lowercase()` (allocates only for
/// non-ASCII words, whose lowercase form may still be ASCII: K → k).
#[inline]
pub(super) fn lc_bits(w: &str) -> u32 {
    if w.is_ascii() {
        word_bits(w.as_bytes(), true)
    } else {
        word_bits(w.to_lowercase().as_bytes(), false)
    }
}

/// `w.to_lowercase()`.
pub(super) fn lc(w: &str) -> String {
    w.to_lowercase()
}

/// `w.to_lowercase()` is one of `words` (no allocation for ASCII `w`).
#[inline]
pub(super) fn lc_is(w: &str, words: &[&str]) -> bool {
    if w.is_ascii() {
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    } else {
        let l = w.to_lowercase();
        words.contains(&l.as_str())
    }
}

/// Exact membership in a word list.
#[inline]
pub(super) fn in_set(list: L, w: &str) -> bool {
    word_bits(w.as_bytes(), false) & list.0 != 0
}

/// Case-insensitive membership.
#[inline]
pub(super) fn in_list(list: L, w: &str) -> bool {
    lc_bits(w) & list.0 != 0
}

/// Case-insensitive membership, ignoring a trailing period ("Sen.").
#[inline]
pub(super) fn in_list_nodot(list: L, w: &str) -> bool {
    in_list(list, w.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::fixtures::{S000, S001, S002};

    #[test]
    fn word_keys_pack_and_lowercase_every_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..=16 {
            for start in (0..256 - n).step_by(7) {
                let w = &bytes[start..start + n];
                let mut want = [0u8; 16];
                want[..n].copy_from_slice(w);
                assert_eq!(pack(w), u128::from_le_bytes(want), "{w:?}");
                let lower = want.map(|c| c.to_ascii_lowercase());
                assert_eq!(
                    Fast::lower_ascii_lanes(pack(w)),
                    u128::from_le_bytes(lower),
                    "{w:?}"
                );
            }
        }
        // every byte value in every lane, next to neighbours of both cases
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = *b"@AZ[`az{\xC1\xDA\x80\xFFmM0~";
                b[at] = v;
                let want = b.map(|c| c.to_ascii_lowercase());
                assert_eq!(
                    Fast::lower_ascii_lanes(u128::from_le_bytes(b)),
                    u128::from_le_bytes(want),
                    "{v} {at}"
                );
            }
        }
    }

    #[test]
    fn word_table_matches_a_hash_map_of_the_lists() {
        // the lookups as they were written before the packed table
        let mut map: HashMap<&str, u32> = HashMap::new();
        for (l, words) in LISTS {
            for w in words.split_ascii_whitespace() {
                *map.entry(w).or_default() |= l.0;
            }
        }
        let (fin, ing, all) = cue_list().words();
        for (l, words) in [(SAY_FINITE, fin), (SAY_ING, ing), (CUE_START, all)] {
            for w in words {
                *map.entry(w).or_default() |= l.0;
            }
        }
        let every_list: Vec<L> = LISTS
            .iter()
            .map(|(l, _)| *l)
            .chain([SAY_FINITE, SAY_ING, CUE_START])
            .collect();
        let set = |list: L, w: &str| map.get(w).is_some_and(|b| b & list.0 != 0);
        let list = |l: L, w: &str| set(l, &w.to_lowercase());
        let mut words: Vec<String> = Vec::new();
        for w in map.keys() {
            let cap: String = w[..1].to_uppercase() + &w[1..];
            for v in [
                w.to_string(),
                w.to_uppercase(),
                cap,
                format!("{w}."),
                format!("{w}s"),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
                w.replace('s', "\u{17f}"),
                w.replace('k', "\u{212a}"),
                w.replace('i', "\u{130}"),
            ] {
                words.push(v);
            }
        }
        for t in [S000, S001, S002] {
            words.extend(
                t.split(|c: char| !c.is_alphanumeric() && c != '.')
                    .map(String::from),
            );
        }
        words.extend(
            [
                "",
                ".",
                "..",
                "Mr..",
                "representativess",
                "Ǆ",
                "中",
                "\u{212a}no",
                "he\0",
                "\0he",
                "the\u{80}",
            ]
            .map(String::from),
        );
        let mut lists = 0;
        for w in &words {
            for l in &every_list {
                assert_eq!(in_set(*l, w), set(*l, w), "in_set {w:?}");
                assert_eq!(in_list(*l, w), list(*l, w), "in_list {w:?}");
                let nd = w.trim_end_matches('.');
                assert_eq!(in_list_nodot(*l, w), list(*l, nd), "nodot {w:?}");
                lists += usize::from(in_list(*l, w));
            }
            let lw = w.to_lowercase();
            for probe in [&["he", "she"][..], &["that"], &["the", "a", "an"]] {
                assert_eq!(lc_is(w, probe), probe.contains(&lw.as_str()), "{w:?}");
            }
        }
        assert!(lists > 1000, "the probe words hit the lists");
        // the cue filter keeps every cue word and turns common words away
        for w in cue_words() {
            assert!(may_be_cue(w.as_bytes()), "{w}");
        }
        assert!(!may_be_cue(b"the") && !may_be_cue(b"and") && !may_be_cue(b"policy"));
    }
}
