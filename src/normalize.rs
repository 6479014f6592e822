//! Text normalization for matching, with an offset map back to the original bytes.
//!
//! Matching runs on a normalized copy of the article: lowercased, curly quotes and
//! apostrophes made straight, Unicode hyphens made `-`, every run of whitespace (including
//! non-breaking spaces and line breaks) folded to one space, and invisible characters (soft
//! hyphens, zero-width spaces, byte-order marks) removed. Em and en dashes are left alone:
//! "job—killing" is not "job-killing". Every normalized byte remembers which original byte
//! produced it, so a hit found in the copy is reported at its exact place in the input.

/// A normalized copy of a text plus the map back to the original.
///
/// The map is stored as runs, not one entry per byte: most of an article is ASCII that
/// normalizes byte for byte, so a whole stretch of it is one [`Run`]. Looking up an
/// offset is a binary search over the runs; hits are few, bytes are many.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Ascending by `norm`; the first run starts at 0 (when the text is not empty).
    runs: Vec<Run>,
    /// Length of the original text.
    original_len: u32,
    /// Words in the text, counted while normalizing (see [`count_words`]).
    words: u32,
}

/// A stretch of normalized bytes with one rule for mapping them back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// First normalized byte of the run.
    norm: u32,
    /// Original offset of the first byte.
    orig: u32,
    /// 0: byte `norm + k` came from original byte `orig + k` alone. Otherwise every byte
    /// of the run came from the one character at `orig`, which is `width` bytes long.
    width: u32,
}

/// Word counting as a small state machine fed one character class at a time, so it can
/// run inside the normalization pass. Classes: 0 word character, 1 joiner (apostrophe,
/// hyphen), 2 separator. A second joiner in a row ends the word ("a--b" is two words).
#[derive(Clone, Copy)]
struct WordCounter {
    count: u32,
    /// Classes of the last two characters (separators before the text starts).
    last: u8,
    before_last: u8,
}

impl Default for WordCounter {
    fn default() -> Self {
        WordCounter {
            count: 0,
            last: 2,
            before_last: 2,
        }
    }
}

impl WordCounter {
    /// Feed the next character's class. A word character starts a word unless it follows
    /// a word character, or a single joiner that follows one ("job-killing"). Written as
    /// a test on the last two classes rather than a state table so no load sits on the
    /// loop's dependency chain.
    #[inline]
    fn feed(&mut self, class: u8) {
        let continues = self.last == 0 || (self.last == 1 && self.before_last == 0);
        self.count += u32::from(class == 0 && !continues);
        self.before_last = self.last;
        self.last = class;
    }

    /// Copy, lowercased, the longest prefix of `bytes` that maps byte for byte (ASCII,
    /// without a whitespace byte right after whitespace; `after_space`: the text so far
    /// ends in a space) onto `out`, counting its words. Returns the prefix length.
    #[inline]
    fn copy_ascii(&mut self, bytes: &[u8], after_space: bool, out: &mut Vec<u8>) -> usize {
        #[cfg(target_arch = "x86_64")]
        {
            self.copy_ascii_sse2(bytes, after_space, out)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            self.copy_ascii_scalar(bytes, after_space, out)
        }
    }

    /// [`WordCounter::copy_ascii`] one byte at a time: the portable version, and the
    /// reference the SSE2 version is tested against.
    #[cfg(any(test, not(target_arch = "x86_64")))]
    fn copy_ascii_scalar(&mut self, bytes: &[u8], after_space: bool, out: &mut Vec<u8>) -> usize {
        let (mut count, mut last, mut before_last) = (self.count, self.last, self.before_last);
        let mut prev_space = after_space;
        let mut k = 0;
        while k < bytes.len() {
            let class = CLASS[bytes[k] as usize];
            let space = class == SPACE;
            if class == HIGH || (space && prev_space) {
                break;
            }
            prev_space = space;
            let class = class.min(2);
            let continues = last == 0 || (last == 1 && before_last == 0);
            count += u32::from(class == 0 && !continues);
            before_last = last;
            last = class;
            k += 1;
        }
        (self.count, self.last, self.before_last) = (count, last, before_last);
        out.extend(bytes[..k].iter().map(|&b| LOWER[b as usize]));
        k
    }

    /// [`WordCounter::copy_ascii`] sixty-four bytes at a time. Each step yields bit masks
    /// (word characters, joiners, whitespace, non-ASCII) and the lowercased copy of its
    /// four 16-byte blocks; the step is taken up to its first non-ASCII byte or doubled
    /// whitespace, and the word starts among those bytes are counted with shifts of the
    /// masks, carrying the last two classes from step to step. (Sixteen bytes a step
    /// spent more on that bookkeeping than on the blocks; ASCII stretches between curly
    /// quotes and dashes run to about a hundred bytes.)
    #[cfg(target_arch = "x86_64")]
    fn copy_ascii_sse2(&mut self, bytes: &[u8], after_space: bool, out: &mut Vec<u8>) -> usize {
        let (mut count, mut last, mut before_last) = (self.count, self.last, self.before_last);
        let mut prev_space = after_space;
        let mut k = 0;
        while k < bytes.len() {
            let rem = bytes.len() - k;
            let m = ascii_masks(window_from(bytes, k, &mut [0; 64]));
            let valid = if rem >= 64 { u64::MAX } else { (1 << rem) - 1 };
            let doubled = m.space & ((m.space << 1) | u64::from(prev_space));
            let stop = m.high | doubled | !valid;
            let take = stop.trailing_zeros();
            if take == 0 {
                break;
            }
            let mine = if take == 64 {
                u64::MAX
            } else {
                (1 << take) - 1
            };
            let word1 = (m.word << 1) | u64::from(last == 0);
            let joiner1 = (m.joiner << 1) | u64::from(last == 1);
            let word2 = (m.word << 2) | (u64::from(last == 0) << 1) | u64::from(before_last == 0);
            count += (m.word & !(word1 | (joiner1 & word2)) & mine).count_ones();
            let class_at = |i: u32| -> u8 {
                if m.word >> i & 1 == 1 {
                    0
                } else if m.joiner >> i & 1 == 1 {
                    1
                } else {
                    2
                }
            };
            before_last = if take >= 2 { class_at(take - 2) } else { last };
            last = class_at(take - 1);
            prev_space = m.space >> (take - 1) & 1 == 1;
            // All sixty-four bytes, then cut back: a copy of constant length is four
            // stores, where one of `take` bytes was a call to `memcpy`.
            let len = out.len();
            out.extend_from_slice(&m.lowered);
            out.truncate(len + take as usize);
            k += take as usize;
            if take < 64 {
                break;
            }
        }
        (self.count, self.last, self.before_last) = (count, last, before_last);
        k
    }
}

/// Per-byte facts about 64 bytes, as bit masks (bit `i` is byte `i`).
#[cfg(target_arch = "x86_64")]
struct AsciiMasks {
    /// ASCII letters and digits.
    word: u64,
    /// Apostrophe and hyphen.
    joiner: u64,
    /// ASCII whitespace (space, tab, line feed, vertical tab, form feed, carriage return).
    space: u64,
    /// Bytes of multi-byte characters.
    high: u64,
    /// The bytes lowercased, whitespace made a space (valid for the ASCII bytes).
    lowered: [u8; 64],
}

#[cfg(target_arch = "x86_64")]
#[inline]
fn ascii_masks(chunk: &[u8; 64]) -> AsciiMasks {
    let mut m = AsciiMasks {
        word: 0,
        joiner: 0,
        space: 0,
        high: 0,
        lowered: [0; 64],
    };
    for (k, (block, lowered)) in chunk
        .chunks_exact(16)
        .zip(m.lowered.chunks_exact_mut(16))
        .enumerate()
    {
        let b = crate::simd::Block::load(block.try_into().expect("16 bytes"));
        let space = b.ascii_space();
        let at = 16 * k;
        m.word |= u64::from(b.alnum().bits()) << at;
        m.joiner |= u64::from(b.any_of(b"'-").bits()) << at;
        m.space |= u64::from(space.bits()) << at;
        m.high |= u64::from(b.non_ascii()) << at;
        lowered.copy_from_slice(&b.lowercase_with_spaces(space));
    }
    m
}

/// Class of each byte for the ASCII fast path: 0 word, 1 joiner, 2 separator (as
/// [`WordCounter::feed`] takes them), [`SPACE`] ASCII whitespace, [`HIGH`] the first or a
/// continuation byte of a multi-byte character.
static CLASS: [u8; 256] = byte_classes();
/// What each ASCII byte becomes: lowercase letters, one space for any whitespace.
#[cfg(any(test, not(target_arch = "x86_64")))]
static LOWER: [u8; 256] = lower_table();
const SPACE: u8 = 3;
const HIGH: u8 = 4;

#[cfg(any(test, not(target_arch = "x86_64")))]
const fn lower_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() || c == 0x0B {
            b' '
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
}

const fn byte_classes() -> [u8; 256] {
    let mut t = [2u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphanumeric() {
            0
        } else if c == b'\'' || c == b'-' {
            1
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else {
            2
        };
        b += 1;
    }
    t
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

/// True for characters that make up words: letters and digits in any script, and the
/// combining marks that belong to the letter before them ("cafe\u{301}" is "café", and
/// "İ" lowercases to "i\u{307}"), so a match never ends between a letter and its accent.
#[inline]
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The ASCII bytes `char::is_whitespace` accepts: space, tab, line feed, vertical tab,
/// form feed and carriage return (`u8::is_ascii_whitespace` leaves out vertical tab).
#[inline]
pub(crate) fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | 0x09..=0x0D)
}

/// `b[at..at + N]` as an array or, near the end of `b`, the rest of `b` followed by the
/// zeros of `pad` (which the caller passes in zeroed): a block of the block-at-a-time
/// scanners, whose lanes past the end of the text are masked off or read as no class.
#[inline(always)]
pub(crate) fn window_from<'a, const N: usize>(
    b: &'a [u8],
    at: usize,
    pad: &'a mut [u8; N],
) -> &'a [u8; N] {
    match b[at..].first_chunk::<N>() {
        Some(w) => w,
        None => {
            pad[..b.len() - at].copy_from_slice(&b[at..]);
            pad
        }
    }
}

/// `b[to - N..to]` as an array or, near the start of `b`, the zeros of `pad` followed by
/// `b[..to]`: the block that ends at `to`, for scanners that look back from a position.
#[inline(always)]
pub(crate) fn window_ending<'a, const N: usize>(
    b: &'a [u8],
    to: usize,
    pad: &'a mut [u8; N],
) -> &'a [u8; N] {
    match to.checked_sub(N) {
        Some(from) => b[from..to].try_into().expect("N bytes"),
        None => {
            pad[N - to..].copy_from_slice(&b[..to]);
            pad
        }
    }
}

/// The ASCII word characters (letters and digits, see [`is_word_char`]), as a table for
/// the scanning loops.
pub(crate) static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Combining diacritical marks (the blocks used by Latin, Greek and Cyrillic text; marks
/// of other scripts are mostly alphabetic already).
#[inline]
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
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
        let n = original.len();
        let bytes = original.as_bytes();
        // Spare bytes: the ASCII copy writes whole steps (see `copy_ascii_sse2`).
        let mut out: Vec<u8> = Vec::with_capacity(n + 64);
        let mut runs: Vec<Run> = Vec::with_capacity(16 + n / 32);
        let mut wc = WordCounter::default();
        let mut i = 0;
        while i < n {
            if bytes[i] < 0x80 {
                // An ASCII stretch maps byte for byte (whitespace after whitespace aside),
                // so it is one run however long it is.
                runs.push(Run {
                    norm: out.len() as u32,
                    orig: i as u32,
                    width: 0,
                });
                i += wc.copy_ascii(&bytes[i..], out.last() == Some(&b' '), &mut out);
                // Whitespace right after whitespace folds into the space before it.
                while i < n && CLASS[bytes[i] as usize] == SPACE && out.last() == Some(&b' ') {
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
                    if out.last() != Some(&b' ') {
                        runs.push(run);
                        out.push(b' ');
                    }
                }
                Norm::Ascii(a) => {
                    wc.feed(CLASS[a as usize]);
                    runs.push(run);
                    out.push(a);
                }
                Norm::Separator => {
                    wc.feed(2);
                    runs.push(run);
                    out.extend_from_slice(&bytes[i..i + len]);
                }
                Norm::Keep => {
                    wc.feed(if is_word_char(c) { 0 } else { 2 });
                    runs.push(run);
                    let mut buf = [0u8; 4];
                    for l in c.to_lowercase() {
                        out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
            i += len;
        }
        debug_assert!(std::str::from_utf8(&out).is_ok());
        // SAFETY: every byte pushed above is an ASCII byte (a copied or lowercased byte
        // below 0x80, a space, a folded quote or hyphen) or part of a whole character
        // copied or encoded from the valid `original`; validating again cost a pass over
        // every article (the tests run with the debug assertion above).
        let text = unsafe { String::from_utf8_unchecked(out) };
        Normalized {
            text,
            runs,
            original_len: n as u32,
            words: wc.count,
        }
    }

    /// Number of words in the text (see [`count_words`]), counted on the normalized copy
    /// so invisible characters such as soft hyphens do not split words.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// Map a normalized byte range back to the original byte range covering the
    /// characters that produced it.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        let r = self.run_of(end - 1);
        let end = if r.width == 0 {
            (r.orig + (end as u32 - r.norm)) as usize
        } else {
            (r.orig + r.width) as usize
        };
        (self.original_offset(start), end)
    }

    /// Original byte offset of the character that produced normalized byte `i` (the
    /// original length for `i` at or past the end).
    pub fn original_offset(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.original_len as usize;
        }
        let r = self.run_of(i);
        if r.width == 0 {
            (r.orig + (i as u32 - r.norm)) as usize
        } else {
            r.orig as usize
        }
    }

    /// The run holding normalized byte `i` (which must be inside the text).
    fn run_of(&self, i: usize) -> Run {
        let k = self.runs.partition_point(|r| r.norm as usize <= i);
        self.runs[k - 1]
    }

    /// [`Normalized::original_range`] for callers that ask about ranges in increasing
    /// order: `cursor` (0 at first) keeps the index of the run the previous lookup ended
    /// in, and the runs are searched forward from there (any order still gives correct
    /// results, only slower). Inlined: it runs once per hit, and a call costs about
    /// as much as the lookup.
    #[inline]
    pub fn original_range_seq(
        &self,
        start: usize,
        end: usize,
        cursor: &mut usize,
    ) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        let runs = &self.runs;
        let find = |from: usize, i: usize| -> usize {
            let mut k = if from < runs.len() && runs[from].norm as usize <= i {
                from
            } else {
                0
            };
            for _ in 0..8 {
                match runs.get(k + 1) {
                    Some(r) if r.norm as usize <= i => k += 1,
                    _ => return k,
                }
            }
            k + runs[k..].partition_point(|r| r.norm as usize <= i) - 1
        };
        let ks = find(*cursor, start);
        let ke = find(ks, end - 1);
        *cursor = ke;
        let (rs, re) = (runs[ks], runs[ke]);
        let os = if rs.width == 0 {
            rs.orig + (start as u32 - rs.norm)
        } else {
            rs.orig
        };
        let oe = if re.width == 0 {
            re.orig + (end as u32 - re.norm)
        } else {
            re.orig + re.width
        };
        (os as usize, oe as usize)
    }
}

/// Normalize a lexicon term the same way as article text, and trim it.
pub fn normalize_term(term: &str) -> String {
    Normalized::new(term.trim()).text.trim().to_string()
}

/// Count words: runs of letters and digits, where an apostrophe or hyphen between two
/// letters joins ("it’s", "job-killing" are one word) and anything else, including em
/// dashes, separates ("request—it’s" is two).
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
    wc.count
}

/// 1-based line and column (in characters) for byte offsets of one text.
///
/// Columns are counted from character-count checkpoints every [`CHECKPOINT_BYTES`] bytes,
/// so a lookup costs at most a few kilobytes of counting even on a single 50 MB line
/// (counting from the line start made a long one-line article quadratic in its hits).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset on a char boundary, characters before it)`, ascending.
    checkpoints: Vec<(usize, usize)>,
}

/// `(line, column)` of each offset, both 1-based, the column in characters, as
/// [`LineIndex::line_col`] gives them. Ascending offsets (term hits are) cost one forward
/// pass that counts line feeds and characters between neighbours, with no index built;
/// others go through a [`LineIndex`].
pub fn line_cols<I>(text: &str, offsets: I) -> Vec<(u32, u32)>
where
    I: Iterator<Item = usize> + Clone,
{
    let mut previous = 0;
    if offsets
        .clone()
        .any(|o| std::mem::replace(&mut previous, o) > o)
    {
        return LineIndex::new(text).line_cols(text, offsets);
    }
    let b = text.as_bytes();
    let (mut pos, mut line, mut col) = (0, 1, 1);
    offsets
        .map(|offset| {
            let (feeds, tail) = feeds_and_tail_chars(b, pos, offset);
            if feeds == 0 {
                col += tail;
            } else {
                line += feeds;
                col = 1 + tail;
            }
            pos = offset;
            (line, col)
        })
        .collect()
}

/// Line feeds in `b[from..to]`, and the characters after the last of them (all the
/// characters of the stretch when it has none): how far a line and column move from
/// `from` to `to`.
#[inline]
fn feeds_and_tail_chars(b: &[u8], from: usize, to: usize) -> (u32, u32) {
    #[cfg(target_arch = "x86_64")]
    {
        feeds_and_tail_chars_sse2(b, from, to)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        feeds_and_tail_chars_scalar(&b[from..to])
    }
}

/// [`feeds_and_tail_chars`] of one stretch, a byte at a time: the portable version and
/// the reference for the SSE2 one.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn feeds_and_tail_chars_scalar(seg: &[u8]) -> (u32, u32) {
    let feeds = seg.iter().filter(|&&c| c == b'\n').count() as u32;
    let tail = match seg.iter().rposition(|&c| c == b'\n') {
        Some(last) => &seg[last + 1..],
        None => seg,
    };
    // Every byte but a UTF-8 continuation byte starts a character.
    let chars = tail.iter().filter(|&&c| (c as i8) >= -0x40).count() as u32;
    (feeds, chars)
}

/// [`feeds_and_tail_chars`] sixteen bytes at a time. A block without a line feed (most
/// are) only adds its continuation bytes to per-lane [`Tally`](crate::simd::Tally)
/// counters, one compare and one subtract; a block with one restarts the count after its
/// last feed from the block's bit masks. The last partial block is the sixteen bytes
/// ending at `to` with the lanes before the stretch masked off, so no byte loop remains.
#[cfg(target_arch = "x86_64")]
#[inline]
fn feeds_and_tail_chars_sse2(b: &[u8], from: usize, to: usize) -> (u32, u32) {
    use crate::simd::{Block, Tally};
    let mut feeds = 0;
    // Characters since the last feed (or `from`), but for those of the `blocks` whole
    // blocks whose continuation bytes are in `conts`.
    let mut chars = 0;
    let (mut conts, mut blocks) = (Tally::new(), 0u32);
    let mut chunks = b[from..to].chunks_exact(16);
    for chunk in &mut chunks {
        let block = Block::load(chunk.try_into().expect("16 bytes"));
        let nl = block.eq(b'\n').bits();
        let cont = block.below_signed(0xC0);
        if nl == 0 {
            conts = conts.add(cont);
            blocks += 1;
            if blocks == 255 {
                chars += 255 * 16 - conts.sum();
                (conts, blocks) = (Tally::new(), 0);
            }
        } else {
            feeds += ones16(nl);
            // Lanes up to and including the last feed.
            let through = 32 - nl.leading_zeros();
            chars = ones16((!cont.bits() & 0xFFFF) >> through);
            (conts, blocks) = (Tally::new(), 0);
        }
    }
    chars += blocks * 16 - conts.sum();
    let rem = chunks.remainder().len();
    if rem > 0 {
        let block = Block::load(window_ending(b, to, &mut [0; 16]));
        let mine = (0xFFFF_u32 << (16 - rem)) & 0xFFFF;
        let nl = block.eq(b'\n').bits() & mine;
        let starts = !block.below_signed(0xC0).bits() & mine;
        if nl == 0 {
            chars += ones16(starts);
        } else {
            feeds += ones16(nl);
            chars = ones16(starts >> (32 - nl.leading_zeros()));
        }
    }
    (feeds, chars)
}

/// Set bits of a 16-bit mask, by table: x86_64's baseline has no population count
/// instruction, and `count_ones` without one is a dozen shifts and masks.
#[cfg(target_arch = "x86_64")]
#[inline]
fn ones16(m: u32) -> u32 {
    static ONES: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            t[i] = (i as u32).count_ones() as u8;
            i += 1;
        }
        t
    };
    debug_assert!(m <= 0xFFFF);
    u32::from(ONES[(m & 0xFF) as usize]) + u32::from(ONES[(m >> 8 & 0xFF) as usize])
}

/// Distance between column checkpoints in [`LineIndex`].
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(1 + text.len() / 128);
        starts.push(0);
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        // Checkpoints are only read for lines longer than CHECKPOINT_BYTES.
        let longest_line = starts
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain(std::iter::once(text.len() - starts[starts.len() - 1]))
            .max()
            .unwrap_or(0);
        let (mut pos, mut chars) = (0, 0);
        while longest_line > CHECKPOINT_BYTES && pos + CHECKPOINT_BYTES < text.len() {
            let mut next = pos + CHECKPOINT_BYTES;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[pos..next].chars().count();
            pos = next;
            checkpoints.push((pos, chars));
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, n) = self.checkpoints[i];
        n + text[b..offset].chars().count()
    }

    /// [`LineIndex::line_col`] of many offsets. Ascending offsets (term hits are) are
    /// counted on from the previous one, so a whole article costs one pass.
    pub fn line_cols(
        &self,
        text: &str,
        offsets: impl IntoIterator<Item = usize>,
    ) -> Vec<(u32, u32)> {
        let offsets = offsets.into_iter();
        let mut out = Vec::with_capacity(offsets.size_hint().0);
        // (offset, line index, 0-based column) of the last answer.
        let mut last: Option<(usize, usize, usize)> = None;
        for offset in offsets {
            let line = self.starts.partition_point(|&s| s <= offset) - 1;
            let col = match last {
                Some((o, l, c)) if l == line && o <= offset && offset - o <= CHECKPOINT_BYTES => {
                    c + text[o..offset].chars().count()
                }
                _ => self.line_col(text, offset).1 as usize - 1,
            };
            last = Some((offset, line, col));
            out.push((line as u32 + 1, col as u32 + 1));
        }
        out
    }

    /// `(line, column)`, both 1-based; the column counts Unicode scalar values.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = if offset - start <= CHECKPOINT_BYTES {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Mostly-ASCII text with every byte class the fast path distinguishes.
    fn ascii_heavy(rng: &mut crate::corpus::Rng, len: usize) -> String {
        let alphabet = [
            "a", "Z", "m", "0", "9", "'", "-", " ", " ", "\n", "\t", "\r", "\u{0B}", "\u{0C}", ".",
            "\"", "@", "[", "`", "{", "/", ":", "é", "’", "—",
        ];
        (0..len)
            .map(|_| {
                // Long plain runs, so that many 16-byte blocks are whole.
                if rng.below(3) > 0 {
                    ["word", "Job-killing", "it's", "A1", "x  y"][rng.below(5)]
                } else {
                    alphabet[rng.below(alphabet.len())]
                }
            })
            .collect()
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn block_copy_equals_the_byte_at_a_time_copy() {
        let mut rng = crate::corpus::Rng::new(7);
        // Long clean stretches too: one break (non-ASCII, doubled space) at each offset
        // of a few steps of plain words.
        let plain = "The quick-brown fox's den 42 Jumps\tover\nlazy dogs; ".repeat(5);
        let breaks = (0..200).flat_map(|at| {
            ["é", "  ", "’", " \n"].map(|b| format!("{}{b}{}", &plain[..at], &plain[at..]))
        });
        let texts: Vec<String> = (0..3000)
            .map(|round| ascii_heavy(&mut rng, round % 90))
            .chain(breaks)
            .collect();
        for text in texts {
            let bytes = text.as_bytes();
            let start = WordCounter {
                count: rng.below(5) as u32,
                last: rng.below(3) as u8,
                before_last: rng.below(3) as u8,
            };
            let after_space = rng.below(2) == 1;
            let from = rng.below(bytes.len().max(1)).min(bytes.len());
            let (mut a, mut b) = (start, start);
            let (mut out_a, mut out_b) = (b"x".to_vec(), b"x".to_vec());
            let ka = a.copy_ascii_sse2(&bytes[from..], after_space, &mut out_a);
            let kb = b.copy_ascii_scalar(&bytes[from..], after_space, &mut out_b);
            let what = format!("{:?} after_space={after_space}", &text[..]);
            assert_eq!(ka, kb, "{what}");
            assert_eq!(out_a, out_b, "{what}");
            assert_eq!(
                (a.count, a.last, a.before_last),
                (b.count, b.last, b.before_last),
                "{what}"
            );
        }
    }

    #[test]
    fn long_mostly_ascii_text_agrees_with_the_reference() {
        let mut rng = crate::corpus::Rng::new(3);
        for len in 0..300 {
            let text = ascii_heavy(&mut rng, len);
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
    fn line_and_column_count_characters() {
        let text = "first\n“Ünï” here\nthird";
        let idx = LineIndex::new(text);
        let off = text.find("here").unwrap();
        assert_eq!(idx.line_col(text, off), (2, 7));
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, text.find("third").unwrap()), (3, 1));
    }

    #[test]
    fn many_offsets_at_once_equal_one_at_a_time() {
        let text = format!("a “b” é\n\n{}\nlast ü line", "x€ y “z” ".repeat(900));
        let idx = LineIndex::new(&text);
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(idx.line_cols(&text, offsets.iter().copied()), want);
        // Out of order still works (each falls back to a fresh lookup).
        offsets.reverse();
        let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(idx.line_cols(&text, offsets.iter().copied()), want);
    }

    #[test]
    fn the_forward_pass_equals_the_index() {
        let text = format!(
            "a “b” é\n\n{}\r\nlast ü 𝄞 line\n",
            "x€ y “z”\n ".repeat(300)
        );
        let idx = LineIndex::new(&text);
        let mut rng = crate::corpus::Rng::new(9);
        let all: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for _ in 0..200 {
            let mut offsets: Vec<usize> = (0..rng.below(40))
                .map(|_| all[rng.below(all.len())])
                .collect();
            if rng.below(4) > 0 {
                offsets.sort_unstable();
            }
            let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
            assert_eq!(
                line_cols(&text, offsets.iter().copied()),
                want,
                "{offsets:?}"
            );
        }
        let every: Vec<_> = all.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(line_cols(&text, all.iter().copied()), every);
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn sixteen_byte_line_counts_equal_the_byte_loop() {
        assert!((0..=0xFFFF).all(|m| ones16(m) == m.count_ones()));
        let pieces = [
            "a",
            "Z",
            " ",
            "\n",
            "\r\n",
            "\n\n",
            "é",
            "€",
            "“",
            "𝄞",
            "\u{0301}",
            "word ",
            "line\n",
            "x€ y “z” ",
        ];
        let mut rng = crate::corpus::Rng::new(13);
        let mut texts: Vec<String> = (0..300)
            .map(|n| {
                (0..n % 70)
                    .map(|_| pieces[rng.below(pieces.len())])
                    .collect()
            })
            .collect();
        // Lines longer than 255 blocks (the per-lane counters are summed before they
        // wrap), with and without line feeds between them.
        texts.push("aé“€𝄞".repeat(2000));
        texts.push(format!("{}\n{}", "€".repeat(3000), "ab\n".repeat(2000)));
        texts.push("x".repeat(255 * 16 * 2 + 5));
        for text in &texts {
            let b = text.as_bytes();
            let n = b.len();
            let mut pairs: Vec<(usize, usize)> = vec![(0, 0), (0, n), (n, n)];
            if n <= 40 {
                pairs.extend((0..=n).flat_map(|f| (f..=n).map(move |t| (f, t))));
            } else {
                for _ in 0..200 {
                    let (x, y) = (rng.below(n + 1), rng.below(n + 1));
                    pairs.push((x.min(y), x.max(y)));
                }
                pairs.extend([(0, 1), (0, 15), (0, 16), (0, 17), (n - 17, n), (1, n)]);
            }
            for (from, to) in pairs {
                assert_eq!(
                    feeds_and_tail_chars_sse2(b, from, to),
                    feeds_and_tail_chars_scalar(&b[from..to]),
                    "{from}..{to} of {:?}",
                    &text[..text.len().min(80)]
                );
            }
        }
    }

    #[test]
    fn columns_on_a_very_long_line_use_checkpoints_correctly() {
        // Multi-byte characters straddle the checkpoint positions; every column must
        // still equal the plain character count from the line start.
        let text = format!("x\n{}", "aé“€𝄞".repeat(3000));
        let idx = LineIndex::new(&text);
        for (off, _) in text.char_indices().step_by(97) {
            let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let want = text[start..off].chars().count() as u32 + 1;
            let line = 1 + text[..off].matches('\n').count() as u32;
            assert_eq!(idx.line_col(&text, off), (line, want), "offset {off}");
        }
    }
}
