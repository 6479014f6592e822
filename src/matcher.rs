//! Term matching: every lexicon term compiled into one trie (or, for huge lexicons, one
//! Aho-Corasick automaton).
//!
//! Semantics (the contract the tests check): matching runs on the normalized text (see
//! `normalize`), so it is case-insensitive and typography-insensitive; a hit must be a whole
//! word or phrase (the characters just outside it are not letters or digits, where the
//! term's own edge is one); hits never overlap, and among the hits that satisfy the
//! word-boundary rule the leftmost wins, then the longest. A hyphen inside a term also
//! matches a space. `case_sensitive` variants additionally require the original text to
//! match the term's letters exactly. Regex `patterns` obey the same boundary rule and
//! compete with terms leftmost-longest.
//!
//! The fast path (`Trie`): a match can only start where `left_ok` holds, so the scan visits
//! those positions in order, walks the trie from each and keeps the longest form that
//! passes the right-boundary and case checks; the first position with one wins and the
//! scan resumes at its end. Most positions are never walked: inside words nothing can
//! start, and at a word start the word (or the word and the next one) must hash into the
//! set of the forms' keys (`Trie::firsts`); runs of 64 ASCII bytes are handled with bit
//! masks, which give each word's length, and the word starts of a block are all filtered
//! before the trie is walked from those that pass.
//!
//! The fallback, for lexicons whose trie table would be too large, runs a leftmost-longest
//! DFA and accepts its hit when the boundaries hold. When the right boundary fails
//! ("illegal alienses"), a longer in-word hit would hide a valid shorter one, so the
//! matches starting at that same position are rescanned with an overlapping automaton and the longest valid one is kept; when the left boundary fails,
//! no match can start there and the scan resumes one character later. This gives exactly
//! the leftmost-longest-valid result; `reference_find` is the slow, obviously-correct
//! version that the tests compare against.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::lexicon::validate::term_forms;
use crate::lexicon::Lexicon;
use crate::scan::classes::ASCII_WORD;
use crate::scan::{window_from, Fast, Kernels, Plain};
use crate::text::normalize::Normalized;
use crate::text::words::is_word_char;

/// Which lexicon entry an automaton pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PatternRef {
    concept: u32,
    variant: u32,
    term: u32,
    case_sensitive: bool,
}

/// A match, with offsets into the ORIGINAL text and into the normalized copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawHit {
    pub start: usize,
    pub end: usize,
    pub norm_start: usize,
    pub norm_end: usize,
    pub concept: usize,
    pub variant: usize,
    /// Index into the variant's `terms`, or `None` for a regex pattern hit.
    pub term: Option<usize>,
}

/// The compiled matcher for one lexicon.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// The fast path: all forms in one dense trie (absent for lexicons too large for it).
    trie: Option<Trie>,
    /// The fallback for lexicons whose trie table would be too large.
    longest: Option<AhoCorasick>,
    overlapping: Option<AhoCorasick>,
    patterns: Vec<PatternRef>,
    /// The normalized form of each automaton pattern.
    forms: Vec<String>,
    /// The term as written in the lexicon (for case-sensitive checks).
    written: Vec<String>,
    regexes: Vec<(Regex, usize, usize)>,
    max_len: usize,
}

/// Errors building the automaton (only possible with absurd lexicons).
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    #[error("cannot build the term automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    #[error("pattern `{pattern}` of concept `{concept}`: {source}")]
    Regex {
        pattern: String,
        concept: String,
        #[source]
        source: regex::Error,
    },
}

/// Largest dense trie table, in entries (4 bytes each); larger lexicons use the automata.
const TRIE_TABLE_LIMIT: usize = 16 << 20;

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, MatcherError> {
        Matcher::with_trie_limit(lexicon, TRIE_TABLE_LIMIT)
    }

    fn with_trie_limit(lexicon: &Lexicon, trie_limit: usize) -> Result<Matcher, MatcherError> {
        let mut forms: Vec<String> = Vec::new();
        let mut written: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut regexes = Vec::new();
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            for (vi, v) in c.variants.iter().enumerate() {
                for (ti, t) in v.terms.iter().enumerate() {
                    for form in term_forms(t) {
                        // The first entry of a duplicated form wins (the checker warns).
                        if form.is_empty() || !seen.insert(form.clone()) {
                            continue;
                        }
                        forms.push(form);
                        written.push(t.clone());
                        patterns.push(PatternRef {
                            concept: ci as u32,
                            variant: vi as u32,
                            term: ti as u32,
                            case_sensitive: v.case_sensitive,
                        });
                    }
                }
                for p in &v.patterns {
                    let re = RegexBuilder::new(p)
                        .case_insensitive(!v.case_sensitive)
                        .size_limit(lexicon.limits.regex_size_limit)
                        .build()
                        .map_err(|source| MatcherError::Regex {
                            pattern: p.clone(),
                            concept: c.id.clone(),
                            source,
                        })?;
                    regexes.push((re, ci, vi));
                }
            }
        }
        let max_len = forms.iter().map(String::len).max().unwrap_or(0);
        let trie = if forms.is_empty() {
            None
        } else {
            Trie::build(&forms, trie_limit)
        };
        let (longest, overlapping) = if forms.is_empty() || trie.is_some() {
            (None, None)
        } else {
            let longest = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&forms)
                .or_else(|_| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::LeftmostLongest)
                        .build(&forms)
                })?;
            let overlapping = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&forms)?;
            (Some(longest), Some(overlapping))
        };
        Ok(Matcher {
            trie,
            longest,
            overlapping,
            patterns,
            forms,
            written,
            regexes,
            max_len,
        })
    }

    /// Number of surface forms in the automaton.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty() && self.regexes.is_empty()
    }

    /// All hits in `original`, whose normalized copy is `norm`, in text order.
    pub fn find(&self, original: &str, norm: &Normalized) -> Vec<RawHit> {
        self.find_with::<Fast>(original, norm)
    }

    /// [`Matcher::find`] with the kernels `K`: `Plain` and `Fast` find the same hits
    /// (`tests/scan_equivalence.rs`).
    #[doc(hidden)]
    pub fn find_with<K: Kernels>(&self, original: &str, norm: &Normalized) -> Vec<RawHit> {
        let h = norm.text.as_str();
        let mut hits = Vec::new();
        if let Some(trie) = &self.trie {
            self.find_trie::<K>(trie, original, norm, &mut hits);
        } else if let (Some(longest), Some(overlapping)) = (&self.longest, &self.overlapping) {
            let mut pos = 0;
            while pos < h.len() {
                let Some(m) = longest.find(Input::new(h).span(pos..h.len())) else {
                    break;
                };
                let s = m.start();
                if !left_ok(h, s) {
                    pos = next_boundary(h, s);
                    continue;
                }
                if self.valid(original, norm, m.pattern().as_usize(), s, m.end()) {
                    hits.push(self.hit(m.pattern().as_usize(), s, m.end()));
                    pos = m.end();
                    continue;
                }
                // Rescan: the longest valid match that starts at `s`.
                let window_end = (s + self.max_len).min(h.len());
                let mut best: Option<(usize, usize)> = None;
                for om in overlapping.find_overlapping_iter(Input::new(h).span(s..window_end)) {
                    if om.start() != s {
                        continue;
                    }
                    let p = om.pattern().as_usize();
                    if best.is_none_or(|(_, e)| om.end() > e)
                        && self.valid(original, norm, p, s, om.end())
                    {
                        best = Some((p, om.end()));
                    }
                }
                match best {
                    Some((p, e)) => {
                        hits.push(self.hit(p, s, e));
                        pos = e;
                    }
                    None => pos = next_boundary(h, s),
                }
            }
        }
        // The original offsets, looked up in text order from where the previous hit's were.
        let mut cursor = 0;
        for hit in &mut hits {
            (hit.start, hit.end) =
                norm.original_range_seq(hit.norm_start, hit.norm_end, &mut cursor);
        }
        if !self.regexes.is_empty() {
            hits = self.merge_regex_hits(original, norm, hits);
        }
        hits
    }

    /// The trie path: at every position where a match may start (`left_ok`), walk the trie
    /// and keep the longest valid form that starts there; the first position with one wins
    /// and the scan resumes at its end. Positions inside a word are skipped without touching
    /// the trie, and so are word starts whose key is not a form's key.
    fn find_trie<K: Kernels>(
        &self,
        trie: &Trie,
        original: &str,
        norm: &Normalized,
        hits: &mut Vec<RawHit>,
    ) {
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
                    self.scan_scalar::<K>(trie, original, norm, hits, i, prev_word, base + 64);
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
                if let Some((pat, end)) = self.longest_valid_at::<K>(trie, original, norm, p) {
                    hits.push(self.hit(pat, p, end));
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
        self.scan_scalar::<K>(trie, original, norm, hits, i, prev_word, n);
    }

    /// The scan one character at a time from `i` (where `prev_word` tells whether the
    /// character before is a word character) until at or past `limit`; returns where it
    /// stopped and the new `prev_word`.
    #[allow(clippy::too_many_arguments)]
    fn scan_scalar<K: Kernels>(
        &self,
        trie: &Trie,
        original: &str,
        norm: &Normalized,
        hits: &mut Vec<RawHit>,
        mut i: usize,
        mut prev_word: bool,
        limit: usize,
    ) -> (usize, bool) {
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
                if let Some((p, end)) = self.longest_valid_at::<K>(trie, original, norm, i) {
                    hits.push(self.hit(p, i, end));
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
        trie: &Trie,
        original: &str,
        norm: &Normalized,
        s: usize,
    ) -> Option<(usize, usize)> {
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
                    && self.valid(original, norm, p as usize, s, i + len)
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
                if self.valid(original, norm, p, s, i) {
                    best = Some((p, i));
                }
            }
        }
        best
    }

    /// Whether the form of pattern `p` may match `s..e`: the word does not go on at `e`,
    /// and a case-sensitive form is spelt as written.
    #[inline(always)]
    fn valid(&self, original: &str, norm: &Normalized, p: usize, s: usize, e: usize) -> bool {
        right_ok_fast(&norm.text, e)
            && (!self.patterns[p].case_sensitive || self.same_case(original, norm, p, s, e))
    }

    #[inline(never)]
    fn same_case(&self, original: &str, norm: &Normalized, p: usize, s: usize, e: usize) -> bool {
        let (os, oe) = norm.original_range(s, e);
        same_letters(&original[os..oe], &self.written[p])
    }

    /// A term hit with its original offsets still to be filled in (`Matcher::find`).
    fn hit(&self, p: usize, s: usize, e: usize) -> RawHit {
        let pr = self.patterns[p];
        RawHit {
            start: 0,
            end: 0,
            norm_start: s,
            norm_end: e,
            concept: pr.concept as usize,
            variant: pr.variant as usize,
            term: Some(pr.term as usize),
        }
    }

    fn merge_regex_hits(&self, original: &str, norm: &Normalized, ac: Vec<RawHit>) -> Vec<RawHit> {
        let h = norm.text.as_str();
        let found = ac.len();
        let mut all = ac;
        for (re, ci, vi) in &self.regexes {
            // Case-sensitive patterns run on the original text's letters: we approximate by
            // running on the normalized text and checking the original slice.
            for m in re.find_iter(h) {
                if m.start() == m.end() || !left_ok(h, m.start()) || !right_ok(h, m.end()) {
                    continue;
                }
                let (start, end) = norm.original_range(m.start(), m.end());
                let _ = original;
                all.push(RawHit {
                    start,
                    end,
                    norm_start: m.start(),
                    norm_end: m.end(),
                    concept: *ci,
                    variant: *vi,
                    term: None,
                });
            }
        }
        if all.len() == found {
            // No regex hits: the term hits are already leftmost-longest and in order.
            return all;
        }
        select_leftmost_longest(all)
    }
}

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
struct Trie {
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
    seg_starts_only: bool,
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
    fn build(forms: &[String], limit: usize) -> Option<Trie> {
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

/// Greedy leftmost-longest selection of non-overlapping hits.
fn select_leftmost_longest(mut hits: Vec<RawHit>) -> Vec<RawHit> {
    hits.sort_by(|a, b| {
        a.norm_start
            .cmp(&b.norm_start)
            .then(b.norm_end.cmp(&a.norm_end))
            .then(a.term.is_none().cmp(&b.term.is_none()))
    });
    let mut out: Vec<RawHit> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|l| h.norm_start >= l.norm_end) {
            out.push(h);
        }
    }
    out
}

/// The letters and digits of `s`, as written (case kept).
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| is_word_char(*c))
}

/// For case-sensitive variants: the original text must spell the term's letters with the
/// same case as the lexicon writes them ("ICE" matches ICE, not ice or Ice).
fn same_letters(text: &str, term: &str) -> bool {
    letters(text).eq(letters(term))
}

fn char_before(h: &str, i: usize) -> Option<char> {
    h[..i].chars().next_back()
}

fn char_at(h: &str, i: usize) -> Option<char> {
    h[i..].chars().next()
}

/// A match may start at `i` if it does not continue a word.
#[inline]
fn left_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

/// A match may end at `i` if the word does not continue.
#[inline]
fn right_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

/// `right_ok`, without decoding characters when the bytes on both sides of `i` are ASCII.
#[inline]
fn right_ok_fast(h: &str, i: usize) -> bool {
    let b = h.as_bytes();
    match (i.checked_sub(1).and_then(|k| b.get(k)), b.get(i)) {
        (Some(&p), Some(&c)) if p < 0x80 && c < 0x80 => {
            !(ASCII_WORD[p as usize] && ASCII_WORD[c as usize])
        }
        _ => right_ok(h, i),
    }
}

fn next_boundary(h: &str, i: usize) -> usize {
    i + char_at(h, i).map_or(1, char::len_utf8)
}

/// The matching semantics written the slow, obvious way: try every term form at every
/// character position, keep those with word boundaries, then take leftmost-longest greedily.
/// Used by tests (and benchmarks) to check the automaton path.
pub fn reference_find(lexicon: &Lexicon, original: &str) -> Vec<(usize, usize, usize, usize)> {
    let norm = Normalized::new(original);
    let h = norm.text.as_str();
    let mut seen = std::collections::HashSet::new();
    let mut forms = Vec::new();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        for (vi, v) in c.variants.iter().enumerate() {
            for t in &v.terms {
                for f in term_forms(t) {
                    if !f.is_empty() && seen.insert(f.clone()) {
                        forms.push((f, ci, vi, v.case_sensitive, t.clone()));
                    }
                }
            }
        }
    }
    let mut cands = Vec::new();
    for (i, _) in h.char_indices() {
        for (f, ci, vi, cs, t) in &forms {
            if h[i..].starts_with(f.as_str()) && left_ok(h, i) && right_ok(h, i + f.len()) {
                if *cs {
                    let (os, oe) = norm.original_range(i, i + f.len());
                    if !same_letters(&original[os..oe], t) {
                        continue;
                    }
                }
                cands.push((i, i + f.len(), *ci, *vi));
            }
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    for c in cands {
        if out.last().is_none_or(|l| c.0 >= l.1) {
            out.push(c);
        }
    }
    out.into_iter()
        .map(|(s, e, c, v)| {
            let (os, oe) = norm.original_range(s, e);
            (os, oe, c, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, Limits};
    use crate::scan::Swar;

    fn lex(concepts: &str) -> Lexicon {
        let yaml = format!(
            "name: t\nversion: '1'\nsides:\n  - {{id: a, label: A, color: '#0072B2'}}\n  - {{id: b, label: B, color: '#D55E00'}}\nconcepts:\n{concepts}"
        );
        Lexicon::from_yaml("test.yaml", &yaml, Limits::default()).unwrap()
    }

    fn texts(l: &Lexicon, text: &str) -> Vec<String> {
        let m = Matcher::new(l).unwrap();
        let n = Normalized::new(text);
        m.find(text, &n)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    const BASIC: &str = "  - id: people\n    variants:\n      - {terms: [illegal alien, illegal aliens, illegals], side: b}\n      - {terms: [immigrant, immigrants, undocumented immigrants], side: a}\n      - {terms: [illegal], side: b, weight: 0.5}\n  - id: sense\n    variants:\n      - {terms: [common-sense laws], side: a}\n";

    #[test]
    fn case_insensitive_whole_words() {
        let l = lex(BASIC);
        assert_eq!(
            texts(&l, "ILLEGAL ALIENS and Immigrants"),
            vec!["ILLEGAL ALIENS", "Immigrants"]
        );
        // No match inside words.
        assert!(texts(&l, "immigrantsx nonimmigrant").is_empty());
    }

    #[test]
    fn longest_wins_and_hits_do_not_overlap() {
        let l = lex(BASIC);
        assert_eq!(
            texts(&l, "the undocumented immigrants"),
            vec!["undocumented immigrants"]
        );
    }

    #[test]
    fn longer_in_word_hit_does_not_hide_a_valid_shorter_one() {
        let l = lex(BASIC);
        // "illegal alien" fails the right boundary inside "alienses"; "illegal" is valid.
        assert_eq!(texts(&l, "illegal alienses"), vec!["illegal"]);
        // A failed left boundary skips ahead without losing later hits.
        assert_eq!(texts(&l, "xillegal immigrants"), vec!["immigrants"]);
    }

    #[test]
    fn typography_is_normalized_and_offsets_point_into_original() {
        let l = lex(BASIC);
        let text = "“Illegal\u{00A0}aliens” — ille\u{00AD}gals";
        assert_eq!(
            texts(&l, text),
            vec!["Illegal\u{00A0}aliens", "ille\u{00AD}gals"]
        );
    }

    #[test]
    fn hyphen_in_term_matches_space_but_not_em_dash() {
        let l = lex(BASIC);
        assert_eq!(texts(&l, "common sense laws"), vec!["common sense laws"]);
        assert_eq!(texts(&l, "common-sense laws"), vec!["common-sense laws"]);
        assert_eq!(texts(&l, "common‐sense laws"), vec!["common‐sense laws"]);
        assert!(texts(&l, "common—sense laws").is_empty());
    }

    #[test]
    fn a_match_never_ends_between_a_letter_and_its_accent() {
        let l = lex("  - id: t\n    variants:\n      - {terms: [taksi, cafe], side: a}\n");
        // "İ" lowercases to "i\u{307}"; decomposed "é" is "e\u{301}".
        assert!(texts(&l, "TAKSİ and cafe\u{301}").is_empty());
        assert_eq!(texts(&l, "TAKSI, cafe."), vec!["TAKSI", "cafe"]);
    }

    #[test]
    fn case_sensitive_variant_requires_capitals() {
        let l = lex("  - id: agency\n    variants:\n      - {terms: [ICE], side: neutral, case_sensitive: true}\n");
        assert_eq!(texts(&l, "ICE agents on thin ice, Ice"), vec!["ICE"]);
    }

    #[test]
    fn regex_patterns_compete_leftmost_longest() {
        let l = lex("  - id: flood\n    variants:\n      - {terms: [flood], side: b}\n      - {patterns: ['flood(s|ing)? of (migrants|immigrants)'], side: b, weight: 2}\n");
        assert_eq!(
            texts(&l, "a flood of migrants, a flood"),
            vec!["flood of migrants", "flood"]
        );
    }

    /// Deterministic pseudo-random text over a small alphabet, compared with the reference.
    #[test]
    fn automaton_agrees_with_reference_on_generated_text() {
        let l = lex(BASIC);
        let m = Matcher::new(&l).unwrap();
        let words = [
            "illegal",
            "alien",
            "aliens",
            "alienses",
            "immigrant",
            "immigrants",
            "undocumented",
            "illegals",
            "x",
            "common",
            "sense",
            "laws",
            "-",
            "—",
            "“",
            "’s",
            "Ü",
            "illegalx",
        ];
        let mut rng = crate::corpus::Rng::new(1);
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..30 {
                let state = rng.next_u64();
                text.push_str(words[(state % words.len() as u64) as usize]);
                if state & 0x300 != 0 {
                    text.push(' ');
                }
            }
            let n = Normalized::new(&text);
            let got: Vec<_> = m
                .find(&text, &n)
                .iter()
                .map(|h| (h.start, h.end, h.concept, h.variant))
                .collect();
            assert_eq!(got, reference_find(&l, &text), "text: {text}");
        }
    }

    /// Text built from a lexicon's own forms, mutated into near misses: capitalised or
    /// upper-cased, with letters added or removed at either end, hyphens and spaces swapped,
    /// between words, punctuation, accents and non-ASCII letters, over several 64-byte
    /// blocks.
    fn generated_text(forms: &[String], rng: &mut crate::corpus::Rng) -> String {
        const FILLER: [&str; 28] = [
            "the", "a", "said", "in", "of", "é", "Ü", "İ", "naïve", "—", "-", "'", "’", "“", "”",
            ".", ",", "\n", "2019", "ICE", "Ice", "ice", "x", "Ä°", "–", "•", "…", "‿",
        ];
        const SEPS: [&str; 11] = [
            " ",
            " ",
            " ",
            "",
            "-",
            ", ",
            "\u{a0}",
            " \u{2014} ",
            "—",
            "–",
            "…",
        ];
        let mut text = String::new();
        for _ in 0..10 + rng.below(90) {
            let word = if rng.below(3) == 0 {
                FILLER[rng.below(FILLER.len())].to_string()
            } else {
                let f = &forms[rng.below(forms.len())];
                match rng.below(14) {
                    0 => f.to_uppercase(),
                    1 => {
                        let mut c = f.chars();
                        c.next()
                            .map_or(String::new(), |x| x.to_uppercase().chain(c).collect())
                    }
                    2 => format!("{f}s"),
                    3 => format!("x{f}"),
                    4 => f.chars().skip(1).collect(),
                    5 => {
                        let mut c = f.chars();
                        c.next_back();
                        c.collect()
                    }
                    6 => f.replace(' ', "-"),
                    7 => f.replace('-', " "),
                    8 => format!("{f}é"),
                    9 => format!("é{f}"),
                    10 => format!("Ü{f}"),
                    _ => f.clone(),
                }
            };
            text.push_str(&word);
            text.push_str(SEPS[rng.below(SEPS.len())]);
        }
        text
    }

    #[test]
    fn trie_agrees_on_forms_with_long_shared_chains() {
        // Chains longer than a label holds (255 bytes), branching after them, and forms
        // ending inside another's chain.
        let long = "wall ".repeat(60);
        let terms = format!(
            "[\"{long}end\", \"{long}ends\", \"{long}x\", \"{}\", \"wall wall\", \"illegal\"]",
            long.trim_end()
        );
        let l = lex(&format!(
            "{BASIC}  - id: long\n    variants:\n      - {{terms: {terms}, side: a}}\n"
        ));
        check_paths_agree(&l, 100, 17);
    }

    #[test]
    fn sequential_original_ranges_agree_with_the_binary_search() {
        let l = Lexicon::default_lexicon().unwrap();
        let m = Matcher::new(&l).unwrap();
        let mut rng = crate::corpus::Rng::new(5);
        for _ in 0..200 {
            let text = generated_text(&m.forms, &mut rng);
            let n = Normalized::new(&text);
            let len = n.text.len();
            let mut cursor = 0;
            let mut s = 0;
            while s < len {
                // Mostly forward, in small and large steps, sometimes backwards.
                let e = (s + 1 + rng.below(12)).min(len);
                if n.text.is_char_boundary(s) && n.text.is_char_boundary(e) {
                    let want = n.original_range(s, e);
                    assert_eq!(n.original_range_seq(s, e, &mut cursor), want, "{text}");
                }
                s = match rng.below(10) {
                    0 => s / 2,
                    1 => e + rng.below(300),
                    _ => e + rng.below(4),
                };
            }
        }
    }

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

    /// The trie path, the automaton path it replaces for large lexicons, and the reference
    /// all agree.
    fn check_paths_agree(l: &Lexicon, texts: usize, seed: u64) {
        let m = Matcher::new(l).unwrap();
        assert!(m.trie.is_some());
        let ac = Matcher::with_trie_limit(l, 0).unwrap();
        assert!(ac.trie.is_none() && ac.longest.is_some());
        let mut rng = crate::corpus::Rng::new(seed);
        let mut total_hits = 0;
        for _ in 0..texts {
            let text = generated_text(&m.forms, &mut rng);
            let n = Normalized::new(&text);
            let got = m.find(&text, &n);
            assert_eq!(got, ac.find(&text, &n), "text: {text}");
            let got: Vec<_> = got
                .iter()
                .map(|h| (h.start, h.end, h.concept, h.variant))
                .collect();
            assert_eq!(got, reference_find(l, &text), "text: {text}");
            total_hits += got.len();
        }
        assert!(total_hits > texts, "the generated text should match often");
    }

    #[test]
    fn trie_agrees_with_automata_and_reference_on_the_default_lexicon() {
        let l = Lexicon::default_lexicon().unwrap();
        check_paths_agree(&l, 150, 7);
    }

    #[test]
    fn trie_agrees_with_automata_and_reference_on_odd_forms() {
        // Forms that start with punctuation (no fast 64-byte path), keys of two segments
        // split by '.', '\'' or '-', digits, accents, case-sensitive variants and regexes.
        let odd = "  - id: odd\n    variants:\n      - {terms: [u.s. border, o'brien, covid-19, naïve, x-ray, a.c.l.u., border wall, the wall, wall], side: a}\n      - {terms: [ICE, Ice Age], side: neutral, case_sensitive: true}\n      - {patterns: ['walls? of (steel|shame)'], side: b}\n";
        let l = lex(&format!("{BASIC}{odd}"));
        check_paths_agree(&l, 300, 11);
        let punct = "  - id: punct\n    variants:\n      - {terms: [\"'tis\", \"#abolishice\", \"-ish\"], side: a}\n";
        let l = lex(&format!("{BASIC}{odd}{punct}"));
        assert!(!Matcher::new(&l).unwrap().trie.unwrap().seg_starts_only);
        check_paths_agree(&l, 300, 13);
    }
}
