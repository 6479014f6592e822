//! The fast scanning code: every SIMD and SWAR kernel of the crate, behind one small
//! portable API, and the only `unsafe` code of the library.
//!
//! A kernel is a small function with a plain byte-by-byte meaning (a byte-class mask of a
//! block, the end of a run of letters, the words of a stretch, the clause before a hit)
//! that the hot loops of normalization, matching, attribution and quote extraction call.
//! [`Kernels`] lists them all; three types implement it:
//!
//! - [`Plain`] (`plain.rs`): byte at a time, written for clarity. It is the
//!   specification: every other implementation must give exactly its answers.
//! - [`Swar`] (`swar.rs`): eight bytes at a time with lane arithmetic on `u64`, portable;
//!   kernels without such a version are `Plain`'s.
//! - `Sse2` (`sse2.rs`, x86_64 only): sixteen and sixty-four bytes at a time with SSE2
//!   (part of the x86_64 baseline), built from the blocks of `block.rs`; kernels without an
//!   SSE2 version are `Swar`'s.
//!
//! [`Fast`] names the best of them for the target, and `Plain` when the cargo feature
//! `scalar` is on. The domain algorithms are generic over `K: Kernels` (monomorphized, so
//! the choice costs nothing at run time); their public entry points use `Fast`, and each
//! has a hidden `..._with::<K>` form so one test build can run `Plain` and `Fast` side by
//! side (`tests/scan_equivalence.rs`; every kernel is also compared with `Plain` on its
//! own in this module's tests, exhaustively over all 256 byte values for the masks).
//!
//! What this module must not do: know about articles, lexicons or quotes beyond the byte
//! classes its kernels test. `unsafe` is confined to `block.rs` (SSE2 intrinsics),
//! `text_buf.rs` (a string built without a second UTF-8 check) and the one call in
//! `sse2.rs` that appends a block to such a string.

#[cfg(target_arch = "x86_64")]
mod block;
pub(crate) mod classes;
mod plain;
#[cfg(target_arch = "x86_64")]
mod sse2;
mod swar;
mod text_buf;

pub use plain::Plain;
#[cfg(target_arch = "x86_64")]
pub use sse2::Sse2;
pub use swar::Swar;
pub use text_buf::TextBuf;

/// The kernels the build uses: SSE2 on x86_64, SWAR elsewhere, and the plain reference
/// everywhere with the `scalar` feature.
#[cfg(all(target_arch = "x86_64", not(feature = "scalar")))]
pub type Fast = Sse2;
/// The kernels the build uses: SSE2 on x86_64, SWAR elsewhere, and the plain reference
/// everywhere with the `scalar` feature.
#[cfg(all(not(target_arch = "x86_64"), not(feature = "scalar")))]
pub type Fast = Swar;
/// The kernels the build uses: SSE2 on x86_64, SWAR elsewhere, and the plain reference
/// everywhere with the `scalar` feature.
#[cfg(feature = "scalar")]
pub type Fast = Plain;

/// Every kernel. Implementations differ only in speed: each method's documentation is its
/// meaning, and [`Plain`] implements it literally.
pub trait Kernels: Copy + Default + Send + Sync + std::fmt::Debug + 'static {
    // ----------------------------------------------------------- quotation marks, tokens

    /// Bit `i` set when `chunk[i]` may start a quotation mark or a line break: below `(`
    /// or not ASCII, but not a space.
    fn quote_mark_mask(chunk: &[u8; 16]) -> u32;

    /// The byte classes of a block that the quote tokenizer reads plain ASCII with.
    fn token_masks(block: &[u8; 16]) -> TokenMasks;

    /// End of the run of ASCII letters and digits in `b[from..to]` starting at `from`.
    fn alnum_run(b: &[u8], from: usize, to: usize) -> usize;

    /// Position of the first `.`, `!` or `?` in `b[from..to]`, else `to`.
    fn find_terminal(b: &[u8], from: usize, to: usize) -> usize;

    /// Walking back from `to` (exclusive) no further than `stop`: the position just past
    /// the last `.`, `!` or `?`, else `stop`.
    fn rfind_terminal(b: &[u8], stop: usize, to: usize) -> usize;

    /// Tokens of `s` separated by separators that hold a [`CharClass::Word`] character.
    /// ASCII bytes are classed here: the five of `u8::is_ascii_whitespace` separate, ASCII
    /// letters and digits are word characters, the rest neither (vertical tab included);
    /// `class` classes every non-ASCII character.
    fn count_tokens(s: &str, class: impl Fn(char) -> CharClass) -> u32;

    /// Every byte of `x` (sixteen byte lanes, little-endian) ASCII-lowercased; bytes
    /// outside `A..=Z` are left as they are.
    fn lower_ascii_lanes(x: u128) -> u128;

    // ------------------------------------------------------ normalization, positions

    /// Copy, lowercased and with each ASCII whitespace byte made a space, the longest
    /// prefix of `bytes` that normalizes byte for byte: ASCII, and no whitespace byte right
    /// after whitespace (`after_space`: the text so far ends in a space). Feeds the
    /// `classes::CLASS` of each copied byte (whitespace as a separator) to `words`.
    /// Returns the prefix length.
    fn copy_ascii(
        words: &mut WordCounter,
        bytes: &[u8],
        after_space: bool,
        out: &mut TextBuf,
    ) -> usize;

    /// Line feeds in `b[from..to]`, and the characters (bytes that are not UTF-8
    /// continuation bytes) after the last of them, or in all of the stretch when it has
    /// none: how far a line and column move from `from` to `to`.
    fn feeds_and_tail_chars(b: &[u8], from: usize, to: usize) -> (u32, u32);

    // --------------------------------------------------------------------- matching

    /// For 64 bytes: bit `k` of the first mask set when byte `k` is an ASCII lowercase
    /// letter or digit (a segment byte), of the second when it is not ASCII or is an ASCII
    /// capital.
    fn seg_masks(block: &[u8; 64]) -> (u64, u64);

    /// The first position at or after `i` that is not an ASCII lowercase letter or digit,
    /// or `h.len()`.
    fn skip_seg(h: &[u8], i: usize) -> usize;

    /// The leading ASCII lowercase letters and digits of the eight bytes `x`
    /// (little-endian), the other bytes zeroed.
    fn seg_prefix(x: u64) -> u64;

    /// Whether `h` continues at `i` with `bytes[lo..lo + len]`. `bytes` must hold at least
    /// eight bytes after `lo + len` (the fast versions read them, then ignore them).
    fn has_at(h: &[u8], i: usize, bytes: &[u8], lo: usize, len: usize) -> bool;

    // ------------------------------------------------------------------ attribution

    /// The clause of `h[from..at]` before a hit at `at` (`from` a character boundary at
    /// most 60 bytes back): the text after the last of `. ; : ! ? , ( )`, em dash (E2 80
    /// 94) or en dash (E2 80 93) whose bytes all lie in the stretch, else all of it. And
    /// where in that clause a negation cue could start (bit `i`: byte `i` of the clause):
    /// an `n` followed by `o`, `e` or `'t`, or a `w` followed by `i` (the pair inside the
    /// clause), in the last four runs of non-whitespace (whitespace: the five bytes of
    /// `u8::is_ascii_whitespace`; all of the clause when it has fewer runs). Zero when the
    /// clause holds no such pair.
    fn clause_scan(h: &str, from: usize, at: usize) -> (&str, u64);
}

/// What a non-ASCII character is to [`Kernels::count_tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Ends a token.
    Separator,
    /// A letter or digit: its token counts.
    Word,
    /// Part of a token, but not enough to count it.
    Other,
}

/// Byte classes of a 16-byte block, for the quote tokenizer: bit `i` of each mask is byte
/// `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenMasks {
    /// ASCII letters and digits.
    pub alnum: u32,
    /// ASCII whitespace (`char::is_whitespace`: space and 0x09–0x0D).
    pub blank: u32,
    /// Bytes of non-ASCII chars.
    pub high: u32,
    /// `'`, `-`, `&` and `.`: the ASCII chars that may join two runs of letters and
    /// digits into one word (and `.` end an abbreviation).
    pub joiner: u32,
}

/// Word counting as a small state machine fed one character class at a time, so it can
/// run inside the normalization pass. Classes: 0 word character, 1 joiner (apostrophe,
/// hyphen), 2 separator. A second joiner in a row ends the word ("a--b" is two words).
/// `text::words` says which characters are in which class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordCounter {
    pub(crate) count: u32,
    /// Classes of the last two characters (separators before the text starts).
    pub(crate) last: u8,
    pub(crate) before_last: u8,
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
    pub fn feed(&mut self, class: u8) {
        let continues = self.last == 0 || (self.last == 1 && self.before_last == 0);
        self.count += u32::from(class == 0 && !continues);
        self.before_last = self.last;
        self.last = class;
    }

    /// Words counted so far.
    #[inline]
    pub fn count(&self) -> u32 {
        self.count
    }
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

#[cfg(test)]
mod tests;
