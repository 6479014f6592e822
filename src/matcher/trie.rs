//! The fast path of matching: every surface form in one trie with a dense transition
//! table, a filter of hashes that turns most word starts away before the trie is walked,
//! and the scan that visits the positions where a match may start, 64 ASCII bytes at a
//! time where it can (the byte classes come from the [`Kernels::seg_masks`] kernel).
//!
//! A match can only start where `left_ok` holds, so the scan visits those positions in
//! order, walks the trie from each and keeps the longest form that passes the
//! right-boundary and case checks; the first position with one wins and the scan resumes
//! at its end. Inside words nothing can start, and at a word start the word (or the word
//! and the next one) must hash into the set of the forms' keys (`Trie::firsts`); runs of
//! 64 ASCII bytes are handled with bit masks, which give each word's length, and the word
//! starts of a block are all filtered before the trie is walked from those that pass.

use super::boundary::{char_at, char_before};
use super::forms::{Forms, RawHit};
use crate::scan::classes::ASCII_WORD;
use crate::scan::{window_from, Kernels, Plain};
use crate::text::normalize::Normalized;
use crate::text::words::is_word_char;

/// Whether the bytes of the 64-byte block of `h` at `base` flagged in `special` (see
/// `Kernels::seg_masks`) are all in whole UTF-8 sequences of general punctuation, U+2000..=U+203F
/// (`E2 80 xx`: dashes, bullets, ellipses), inside the block. None of those is a word
/// character, so for the scan they are just bytes outside segments, as `Kernels::seg_masks`
/// already has them.
#[inline]
fn only_general_punctuation(h: &[u8], base: usize, mut special: u64) -> bool {
    let block: &[u8; 64] = h[base..base + 64].try_into().unwrap();
    while special != 0 {
        let k = special.trailing_zeros() as usize;
        if k > 61 || block[k] != 0xE2 || block[k + 1] != 0x80 || block[k + 2] & 0xC0 != 0x80 {
            return false;
        }
        special &= !(0b111 << k);
    }
    true
}

/// Set on a trie transition whose target state ends a form.
const TERMINAL: u32 = 1 << 31;
/// Set on a trie transition into a subtree holding a single form; the rest of the entry
/// indexes `Trie::tails`.
const TAIL: u32 = 1 << 30;
/// Set on a trie transition whose target state has a label.
const LABEL: u32 = 1 << 29;
/// A transition to no state (the text matches no form there).
const DEAD: u32 = 1 << 28;
/// The flags of a transition: one without any goes to a state with no label that ends
/// no form, as most do, and the walk takes it after a single test.
const FLAGS: u32 = TERMINAL | TAIL | LABEL | DEAD;

/// Every form in one trie with a dense transition table. Bytes are mapped to classes (one per
/// distinct byte of the forms, plus class 1 for all other bytes); a state is the offset of
/// its row in `trans`, so the next state is `trans[state + class] & !FLAGS`. Row 0 is
/// unused, row 1 is the root. Column 0 of a row holds the pattern that ends at that state
/// (transitions into it carry `TERMINAL`); column 1 is always `DEAD`. Column 2 holds the
/// state's label, `lo << 8 | len` (transitions into it carry `LABEL`): chains of states
/// with one child and no form ending there are folded into the state they lead to, whose
/// label holds their bytes (`tail_bytes[lo..lo + len]`), which the text must continue with
/// before the state's own transitions (and its `TERMINAL`) apply.
#[derive(Debug, Clone)]
pub(super) struct Trie {
    classes: [u8; 256],
    stride: usize,
    trans: Vec<u32>,
    /// For `TAIL` transitions: the form's pattern and the range of `tail_bytes` holding the
    /// form's bytes after the transition's byte. A subtree with a single form has no rows.
    tails: Vec<(u32, u32, u32)>,
    tail_bytes: Vec<u8>,
    /// Whether some form starts with the byte.
    root_has: [bool; 256],
    /// Whether every form starts with a segment byte (`is_seg_byte`).
    pub(super) seg_starts_only: bool,
    /// A filter over the forms' keys (`key_len`), in four sets of hashes. Call a maximal
    /// run of ASCII lowercase letters and digits a segment. Where a form matches, each of
    /// its segments is a whole segment of the text: the form either continues with another
    /// byte where the segment ends, or ends with it (a longer text segment would put the
    /// right boundary inside a word). So the text's key where a form matches is the form's
    /// key. `firsts` holds `word_hash` of the keys' first segments, `words` that of the
    /// keys of one segment, `pairs` the `pair_hash` of the keys of two. Most words of the
    /// text, seven in ten, fail `firsts` after one multiplication and one bit test.
    firsts: HashBits,
    words: HashBits,
    pairs: HashBits,
    /// `pair_start_hash` of the keys of two: their first segment with the next two bytes
    /// (the separator and the second segment's first byte). Most common words that start
    /// a key of two ("the", "in") are followed by words no such key goes on with, which
    /// this turns away before the second segment is looked at.
    pair_starts: HashBits,
}

/// A hash of the first segment (`seg_word` `w`) of a key of two and its next two bytes
/// (the low two bytes of `after`, the eight bytes after the segment).
#[inline(always)]
fn pair_start_hash(w: u64, after: u64) -> usize {
    word_hash(w ^ (after & 0xFFFF) << 48)
}

/// log2 of the number of bits in each of the filter's sets (`Trie::words`).
const FILTER_BITS: u32 = 16;

/// The eight bytes of `h` from `i`, little-endian; zero for those past the end of `h`.
#[inline(always)]
fn load8(h: &[u8], i: usize) -> u64 {
    match h.get(i..i + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap()),
        None => load8_padded(h, i),
    }
}

/// `load8` near the end of the text (once or twice per article).
#[cold]
fn load8_padded(h: &[u8], i: usize) -> u64 {
    let rest = h.get(i..).unwrap_or_default();
    let mut buf = [0u8; 8];
    let k = rest.len().min(8);
    buf[..k].copy_from_slice(&rest[..k]);
    u64::from_le_bytes(buf)
}

/// What the filter knows of a segment of `l >= 1` bytes whose first eight bytes (as
/// `load8` reads them) are `x`: its first eight bytes, zero-padded after a shorter segment,
/// and its length (which only adds to that for segments of eight bytes or more). A segment
/// longer than a form's first segment with the same first eight bytes passes the filter;
/// the trie turns it away.
#[inline(always)]
fn seg_word(x: u64, l: usize) -> u64 {
    debug_assert!(l >= 1);
    (x & (u64::MAX >> (64 - 8 * l.min(8)))) ^ l as u64
}

/// A `FILTER_BITS`-wide hash of a segment's `seg_word`.
#[inline(always)]
fn word_hash(w: u64) -> usize {
    (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// A `FILTER_BITS`-wide hash of a key of two segments joined by the byte `sep`, from the
/// first one's `seg_word` and the second one's first seven bytes (`Kernels::seg_prefix`): a
/// longer second segment that starts like a form's passes the filter, and the trie turns
/// it away.
#[inline(always)]
fn pair_hash(w1: u64, sep: u8, second: u64) -> usize {
    word_hash((w1 ^ (sep as u64) << 56).wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ second)
}

/// A set of `FILTER_BITS`-bit hashes, as a bitset (whose size spares the bounds checks).
#[derive(Debug, Clone)]
struct HashBits(Box<[u64; 1 << (FILTER_BITS - 6)]>);

impl HashBits {
    fn new() -> HashBits {
        HashBits(Box::new([0; 1 << (FILTER_BITS - 6)]))
    }

    fn insert(&mut self, k: usize) {
        self.0[k / 64] |= 1 << (k % 64);
    }

    #[inline(always)]
    fn contains(&self, k: usize) -> bool {
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

impl Trie {
    /// `None` if the table would have more than `limit` entries.
    pub(super) fn build(forms: &[String], limit: usize) -> Option<Trie> {
        let mut classes = [1u8; 256];
        let mut next_class = 3usize;
        for f in forms {
            for &b in f.as_bytes() {
                if classes[b as usize] == 1 {
                    classes[b as usize] = u8::try_from(next_class).ok()?;
                    next_class += 1;
                }
            }
        }
        let stride = next_class;
        let mut sorted: Vec<(usize, &[u8])> = forms
            .iter()
            .enumerate()
            .map(|(p, f)| (p, f.as_bytes()))
            .collect();
        sorted.sort_by(|a, b| a.1.cmp(b.1));
        let nodes = 2 + forms.iter().map(String::len).sum::<usize>();
        if nodes.saturating_mul(stride) > limit || nodes.saturating_mul(stride) >= (DEAD as usize) {
            return None;
        }
        let mut trans = vec![DEAD; 2 * stride];
        // Depth-first: a state's row is allocated when it is taken off the stack, so each
        // subtree, and in particular each chain of a long form, sits in one stretch of
        // memory. Stack entries are (parent state, range of `sorted` sharing the new
        // state's prefix, that prefix's length).
        let mut stack: Vec<(usize, usize, usize, usize)> = Vec::new();
        let push_children =
            |stack: &mut Vec<_>, state: usize, lo: usize, hi: usize, depth: usize| {
                // Forms that end at this depth come first in sorted order.
                let mut j = lo;
                while j < hi && sorted[j].1.len() <= depth {
                    j += 1;
                }
                let first = stack.len();
                while j < hi {
                    let b = sorted[j].1[depth];
                    let mut k = j;
                    while k < hi && sorted[k].1[depth] == b {
                        k += 1;
                    }
                    stack.push((state, j, k, depth + 1));
                    j = k;
                }
                stack[first..].reverse();
            };
        push_children(&mut stack, stride, 0, sorted.len(), 0);
        let mut tails = Vec::new();
        let mut tail_bytes = Vec::new();
        while let Some((parent, j, k, mut depth)) = stack.pop() {
            let b = sorted[j].1[depth - 1];
            if k - j == 1 {
                // A single form below: its remaining bytes instead of a chain of rows.
                let lo = tail_bytes.len() as u32;
                tail_bytes.extend_from_slice(&sorted[j].1[depth..]);
                let t = u32::try_from(tails.len()).ok().filter(|t| t & FLAGS == 0)?;
                tails.push((sorted[j].0 as u32, lo, tail_bytes.len() as u32));
                trans[parent + classes[b as usize] as usize] = TAIL | t;
                continue;
            }
            let child = trans.len();
            trans.resize(child + stride, DEAD);
            // Fold the chain below: while no form ends here and all continue alike.
            let from = depth;
            while depth - from < 255
                && sorted[j].1.len() > depth
                && sorted[j].1[depth] == sorted[k - 1].1[depth]
            {
                depth += 1;
            }
            if depth > from {
                let lo = u32::try_from(tail_bytes.len())
                    .ok()
                    .filter(|&lo| lo < 1 << 24)?;
                tail_bytes.extend_from_slice(&sorted[j].1[from..depth]);
                trans[child + 2] = lo << 8 | (depth - from) as u32;
            }
            let mut t = child as u32;
            if depth > from {
                t |= LABEL;
            }
            if sorted[j].1.len() == depth {
                trans[child] = sorted[j].0 as u32;
                t |= TERMINAL;
            }
            trans[parent + classes[b as usize] as usize] = t;
            push_children(&mut stack, child, j, k, depth);
        }
        let mut root_has = [false; 256];
        let mut firsts = HashBits::new();
        let mut words = HashBits::new();
        let mut pairs = HashBits::new();
        let mut pair_starts = HashBits::new();
        for f in forms {
            let f = f.as_bytes();
            root_has[f[0] as usize] = true;
            let l = key_len(f, 0);
            if l > 0 {
                let first = f.iter().position(|b| !is_seg_byte(*b)).unwrap_or(f.len());
                let w1 = seg_word(load8(f, 0), first);
                firsts.insert(word_hash(w1));
                if first == l {
                    words.insert(word_hash(w1));
                } else {
                    let after = load8(f, first);
                    pair_starts.insert(pair_start_hash(w1, after));
                    // The filter is built with the reference kernel, not a hot path.
                    pairs.insert(pair_hash(w1, f[first], Plain::seg_prefix(after >> 8)));
                }
            }
        }
        let seg_starts_only = forms.iter().all(|f| is_seg_byte(f.as_bytes()[0]));
        Some(Trie {
            classes,
            stride,
            trans,
            tails,
            tail_bytes: {
                // Padding for the eight-byte loads of `Kernels::has_at`.
                tail_bytes.extend_from_slice(&[0; 8]);
                tail_bytes
            },
            root_has,
            seg_starts_only,
            firsts,
            words,
            pairs,
            pair_starts,
        })
    }

    /// Whether a form may match at `i`, the start of the segment `h[i..i + l]` whose first
    /// eight bytes are `x` (as `load8` reads them; false positives only): the text's key
    /// there (`key_len`) must be some form's key.
    #[inline(always)]
    fn may_start_at<K: Kernels>(&self, h: &[u8], i: usize, l: usize, x: u64) -> bool {
        self.may_start::<K>(x, l, || load8(h, i + l))
    }

    /// [`Trie::may_start_at`] for the segment of length `l` whose first eight bytes are
    /// `x`; `after` reads the eight bytes after it, only when a pair must be checked.
    #[inline(always)]
    fn may_start<K: Kernels>(&self, x: u64, l: usize, after: impl FnOnce() -> u64) -> bool {
        let w = seg_word(x, l);
        let k = word_hash(w);
        self.firsts.contains(k) && (self.words.contains(k) || self.pair_follows::<K>(w, after()))
    }

    /// Whether a segment of `seg_word` `w` that passed `firsts` but not `words` (so the
    /// first segment of some key of two) makes some form's key with what follows it, whose
    /// first eight bytes are `after` (its first byte is not a segment byte).
    #[inline(always)]
    fn pair_follows<K: Kernels>(&self, w: u64, after: u64) -> bool {
        self.pair_starts.contains(pair_start_hash(w, after)) && self.pair_at::<K>(w, after)
    }

    /// `pair_follows` once the next two bytes may go on with a key of two.
    #[inline(never)]
    fn pair_at<K: Kernels>(&self, w: u64, after: u64) -> bool {
        let sep = after as u8;
        let second = K::seg_prefix(after >> 8);
        sep < 0x80 && second != 0 && self.pairs.contains(pair_hash(w, sep, second))
    }

    /// For the 64-byte block of `h` at `base` (`ext`, with the eight bytes after it) whose
    /// segment bytes are `seg` and whose word starts are `starts`: the word starts that
    /// pass the filter (`may_start_at`), and where the run of segment bytes at the end of
    /// the block ends (`base + 64` if there is none).
    #[inline(always)]
    fn block_candidates<K: Kernels>(
        &self,
        h: &[u8],
        ext: &[u8; 72],
        base: usize,
        seg: u64,
        mut starts: u64,
    ) -> (u64, usize) {
        let mut candidates = 0;
        let mut run_end = base + 64;
        if seg >> 63 != 0 {
            run_end = K::skip_seg(h, base + 64);
            // The start of the run that crosses the block's end, if it is in the block:
            // the last start.
            if starts != 0 {
                let j = 63 - starts.leading_zeros() as usize;
                starts &= !(1 << j);
                if self.may_start_at::<K>(h, base + j, run_end - (base + j), load8(ext, j)) {
                    candidates |= 1 << j;
                }
            }
        }
        // Every other word ends inside the block, where `seg` tells its length.
        let notseg = !seg;
        while starts != 0 {
            let j = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let l = (notseg >> j).trailing_zeros() as usize;
            // With the bytes read from `ext`, which holds them without a bounds check.
            let x = u64::from_le_bytes(ext[j..j + 8].try_into().unwrap());
            if self.may_start::<K>(x, l, || load8(ext, j + l)) {
                candidates |= 1 << j;
            }
        }
        (candidates, run_end)
    }
}

/// The scan.
impl Trie {
    /// The trie path: at every position where a match may start (`left_ok`), walk the trie
    /// and keep the longest valid form that starts there; the first position with one wins
    /// and the scan resumes at its end. Positions inside a word are skipped without touching
    /// the trie, and so are word starts whose key is not a form's key.
    pub(super) fn find<K: Kernels>(
        &self,
        forms: &Forms,
        original: &str,
        norm: &Normalized,
        hits: &mut Vec<RawHit>,
    ) {
        let trie = self;
        let hs = norm.text.as_str();
        let h = hs.as_bytes();
        let n = h.len();
        let mut i = 0;
        // Whether the character before `i` is a word character.
        let mut prev_word = false;
        // 64 bytes at a time while they are all ASCII without capitals: then the word
        // starts are the segment bytes (`is_seg_byte`) not preceded by one, and no form
        // starts anywhere else (`Trie::seg_starts_only`).
        while trie.seg_starts_only && i + 64 <= n {
            let base = i;
            let (seg, special) = K::seg_masks(h[base..base + 64].try_into().expect("64 bytes"));
            if special != 0 && !only_general_punctuation(h, base, special) {
                (i, prev_word) =
                    self.scan_scalar::<K>(forms, original, norm, hits, i, prev_word, base + 64);
                continue;
            }
            let starts = seg & !((seg << 1) | prev_word as u64);
            // The block and the eight bytes after it (any bytes past the end of the text:
            // they are masked off), for loads at each word start without bounds checks.
            let mut pad = [0; 72];
            let ext = window_from(h, base, &mut pad);
            let (mut candidates, run_end) = trie.block_candidates::<K>(h, ext, base, seg, starts);
            // Unless a hit ends past the block, the scan goes on after the run of segment
            // bytes at its end, if any (no match starts inside it).
            let mut next = run_end;
            let mut next_prev = seg >> 63 != 0;
            while candidates != 0 {
                let p = base + candidates.trailing_zeros() as usize;
                candidates &= candidates - 1;
                if let Some((pat, end)) = self.longest_valid_at::<K>(forms, original, norm, p) {
                    hits.push(forms.hit(pat, p, end));
                    if end >= base + 64 {
                        next = end;
                        next_prev = char_before(hs, end).is_some_and(is_word_char);
                        break;
                    }
                    // Candidates inside the hit are passed over.
                    candidates &= u64::MAX << (end - base);
                }
            }
            i = next;
            prev_word = next_prev;
        }
        self.scan_scalar::<K>(forms, original, norm, hits, i, prev_word, n);
    }

    /// The scan one character at a time from `i` (where `prev_word` tells whether the
    /// character before is a word character) until at or past `limit`; returns where it
    /// stopped and the new `prev_word`.
    #[allow(clippy::too_many_arguments)]
    fn scan_scalar<K: Kernels>(
        &self,
        forms: &Forms,
        original: &str,
        norm: &Normalized,
        hits: &mut Vec<RawHit>,
        mut i: usize,
        mut prev_word: bool,
        limit: usize,
    ) -> (usize, bool) {
        let trie = self;
        let hs = norm.text.as_str();
        let h = hs.as_bytes();
        while i < limit {
            let b = h[i];
            // Whether a match may start at `i`, whether `i` holds a word character, and
            // where the scan goes next if none does.
            let (candidate, cur_word, next) = if b.is_ascii_lowercase() || b.is_ascii_digit() {
                // A run of ASCII lowercase letters and digits; only its first byte can start
                // a match, and only if the run is the first segment of some form.
                let e = K::skip_seg(h, i + 1);
                let starts = !prev_word && trie.may_start_at::<K>(h, i, e - i, load8(h, i));
                (starts, true, e)
            } else {
                let (cur_word, clen) = if b < 0x80 {
                    (ASCII_WORD[b as usize], 1)
                } else {
                    let c = char_at(hs, i).unwrap_or('\0');
                    (is_word_char(c), c.len_utf8())
                };
                let candidate =
                    !(prev_word && cur_word) && (b >= 0x80 || trie.root_has[b as usize]);
                (candidate, cur_word, i + clen)
            };
            if candidate {
                if let Some((p, end)) = self.longest_valid_at::<K>(forms, original, norm, i) {
                    hits.push(forms.hit(p, i, end));
                    i = end;
                    prev_word = char_before(hs, end).is_some_and(is_word_char);
                    continue;
                }
            }
            prev_word = cur_word;
            i = next;
        }
        (i, prev_word)
    }

    /// The longest form starting at `s` that passes the boundary and case checks.
    #[inline(always)]
    fn longest_valid_at<K: Kernels>(
        &self,
        forms: &Forms,
        original: &str,
        norm: &Normalized,
        s: usize,
    ) -> Option<(usize, usize)> {
        let trie = self;
        let h = norm.text.as_bytes();
        let mut best = None;
        let mut state = trie.stride;
        let mut i = s;
        while let Some(&b) = h.get(i) {
            let t = trie.trans[state + trie.classes[b as usize] as usize];
            i += 1;
            if t & FLAGS == 0 {
                state = t as usize;
                continue;
            }
            if t & DEAD != 0 {
                break;
            }
            if t & TAIL != 0 {
                // The only form below: it matches here if the text continues with its tail.
                let (p, lo, hi) = trie.tails[(t & !FLAGS) as usize];
                let (lo, len) = (lo as usize, (hi - lo) as usize);
                if K::has_at(h, i, &trie.tail_bytes, lo, len)
                    && forms.valid(original, norm, p as usize, s, i + len)
                {
                    best = Some((p as usize, i + len));
                }
                break;
            }
            state = (t & !FLAGS) as usize;
            if t & LABEL != 0 {
                let label = trie.trans[state + 2];
                let (lo, len) = ((label >> 8) as usize, (label & 0xff) as usize);
                if !K::has_at(h, i, &trie.tail_bytes, lo, len) {
                    break;
                }
                i += len;
            }
            if t & TERMINAL != 0 {
                let p = trie.trans[state] as usize;
                if forms.valid(original, norm, p, s, i) {
                    best = Some((p, i));
                }
            }
        }
        best
    }
}

/// ASCII lowercase letters and digits: the bytes of segments (`Trie::firsts`).
#[inline]
fn is_seg_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The length of the key of `f[i..]`: its first segment, and if that is followed by one
/// ASCII byte outside segments and a second segment ("the border", "u.s"), up to the end
/// of the second segment; 0 if `f[i]` is not a segment byte.
fn key_len(f: &[u8], i: usize) -> usize {
    let seg_end = |from: usize| {
        f[from..]
            .iter()
            .position(|b| !is_seg_byte(*b))
            .map_or(f.len(), |k| from + k)
    };
    let e = seg_end(i);
    if e == i {
        return 0;
    }
    match f.get(e..e + 2) {
        Some(&[sep, next]) if sep < 0x80 && !is_seg_byte(sep) && is_seg_byte(next) => {
            seg_end(e + 2) - i
        }
        _ => e - i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::{Fast, Swar};

    #[test]
    fn text_has_agrees_with_slice_comparison() {
        let mut rng = crate::corpus::Rng::new(9);
        for _ in 0..20000 {
            let h: Vec<u8> = (0..rng.below(40))
                .map(|_| b"ab\xe1\xe2"[rng.below(4)])
                .collect();
            let len = rng.below(30);
            let lo = rng.below(4);
            let mut bytes: Vec<u8> = (0..lo + len).map(|_| b"ab\xe1\xe2"[rng.below(4)]).collect();
            bytes.extend_from_slice(&[0; 8]);
            let i = rng.below(h.len() + 1);
            let want = h.get(i..i + len) == Some(&bytes[lo..lo + len]);
            assert_eq!(
                Fast::has_at(&h, i, &bytes, lo, len),
                want,
                "{h:?} {i} {bytes:?} {lo} {len}"
            );
            assert_eq!(
                Plain::has_at(&h, i, &bytes, lo, len),
                want,
                "{h:?} {i} {bytes:?} {lo} {len}"
            );
        }
    }

    #[test]
    fn seg_prefix_and_load8_agree_with_their_definitions() {
        let mut rng = crate::corpus::Rng::new(21);
        for round in 0..20000 {
            // Every byte value at every position, among segment bytes and others.
            let mut bytes: [u8; 8] = std::array::from_fn(|_| b"az09A.-"[rng.below(7)]);
            bytes[round % 8] = (round / 8) as u8;
            let x = u64::from_le_bytes(bytes);
            let k = bytes.iter().position(|&b| !is_seg_byte(b)).unwrap_or(8);
            let mut want = [0u8; 8];
            want[..k].copy_from_slice(&bytes[..k]);
            assert_eq!(Fast::seg_prefix(x), u64::from_le_bytes(want), "{bytes:?}");
            assert_eq!(Plain::seg_prefix(x), u64::from_le_bytes(want), "{bytes:?}");
        }
        let h: Vec<u8> = (1..=20).collect();
        for i in 0..=h.len() + 2 {
            let mut want = [0u8; 8];
            for (k, w) in want.iter_mut().enumerate() {
                *w = h.get(i + k).copied().unwrap_or(0);
            }
            assert_eq!(load8(&h, i), u64::from_le_bytes(want), "{i}");
        }
    }

    #[test]
    fn general_punctuation_is_not_word_characters() {
        for c in '\u{2000}'..='\u{203F}' {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn block_masks_agree_with_the_byte_classes() {
        let mut rng = crate::corpus::Rng::new(3);
        for round in 0..2000 {
            let h: Vec<u8> = (0..80)
                .map(|_| match round % 3 {
                    0 => rng.next_u64() as u8,
                    _ => b"aAzZ09/:@[`{\x7f\x80\xe2 -."[rng.below(17)],
                })
                .collect();
            for i in [0, 5, 16] {
                let block: &[u8; 64] = h[i..i + 64].try_into().unwrap();
                let (seg, special) = Fast::seg_masks(block);
                for k in 0..64 {
                    let b = h[i + k];
                    assert_eq!(seg >> k & 1 != 0, is_seg_byte(b), "{b:#x}");
                    assert_eq!(special >> k & 1 != 0, b >= 0x80 || b.is_ascii_uppercase());
                }
                assert_eq!(Swar::seg_masks(block), (seg, special));
                assert_eq!(Plain::seg_masks(block), (seg, special));
            }
        }
    }
}
