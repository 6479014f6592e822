//! [`Swar`]: the kernels that have a portable fast version, eight bytes at a time with
//! lane arithmetic on a `u64` (SIMD within a register: sums and masks that never carry
//! from one byte lane into the next); the others are [`Plain`]'s. This is what targets
//! other than x86_64 run, and what `Sse2` uses where SSE2 would not help.

use super::classes::ASCII_WORD;
use super::{CharClass, Kernels, Plain, TextBuf, TokenMasks, WordCounter};

/// The portable fast kernels (see the module docs).
#[derive(Debug, Clone, Copy, Default)]
pub struct Swar;

/// One in every byte lane.
const L: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte lane.
const H: u64 = 0x8080_8080_8080_8080;

/// High bit of each byte lane of `x` that is an ASCII letter or digit.
#[inline]
fn alnum_lanes(x: u64) -> u64 {
    // high bit of each lane: low 7 bits >= n (no carries cross lanes)
    let ge = |y: u64, n: u64| (y + (0x80 - n) * L) & H;
    let y = x & !H;
    let f = y | (0x20 * L); // ASCII letters folded to lowercase
    let letter = ge(f, 0x61) & !ge(f, 0x7B);
    let digit = ge(y, 0x30) & !ge(y, 0x3A);
    (letter | digit) & !x & H
}

/// High bit of each lane of `x` that holds `.`, `!` or `?` (exact per lane).
#[inline]
fn terminal_lanes(x: u64) -> u64 {
    let zero = |t: u64| !(((t & !H) + !H) | t) & H;
    zero(x ^ (b'.' as u64 * L)) | zero(x ^ (b'!' as u64 * L)) | zero(x ^ (b'?' as u64 * L))
}

/// High bit of each lane of `low7` (bytes with their high bit cleared) in `lo..=hi`. A
/// byte `v < 0x80` is in `lo..=hi` when `v + (0x80 - lo)` has its high bit set and
/// `v + (0x7f - hi)` does not; the sums stay within the byte, so lanes do not interfere.
#[inline(always)]
fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    let ge = low7 + L * (0x80 - lo as u64);
    let gt = low7 + L * (0x7f - hi as u64);
    ge & !gt & H
}

/// The high bit of each byte of the eight bytes `x` that is not an ASCII lowercase letter
/// or digit.
#[inline(always)]
fn non_seg_bytes(x: u64) -> u64 {
    let low7 = x & !H;
    let word = (in_range(low7, b'a', b'z') | in_range(low7, b'0', b'9')) & !x;
    !word & H
}

/// The high bit of each byte, packed into the low 8 bits (byte k to bit k).
#[inline]
fn pack_high_bits(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

impl Kernels for Swar {
    #[inline]
    fn quote_mark_mask(chunk: &[u8; 16]) -> u32 {
        Plain::quote_mark_mask(chunk)
    }

    #[inline]
    fn token_masks(block: &[u8; 16]) -> TokenMasks {
        Plain::token_masks(block)
    }

    /// Eight bytes at a time: the lowest flagged lane is the run's end.
    fn alnum_run(b: &[u8], from: usize, to: usize) -> usize {
        let mut i = from;
        while i + 8 <= to {
            let x = u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
            let other = !alnum_lanes(x) & H;
            if other != 0 {
                return i + (other.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        while i < to && ASCII_WORD[usize::from(b[i])] {
            i += 1;
        }
        i
    }

    fn find_terminal(b: &[u8], from: usize, to: usize) -> usize {
        let mut i = from;
        while i + 8 <= to {
            let m = terminal_lanes(u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes")));
            if m != 0 {
                return i + (m.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        while i < to && !matches!(b[i], b'.' | b'!' | b'?') {
            i += 1;
        }
        i
    }

    fn rfind_terminal(b: &[u8], stop: usize, to: usize) -> usize {
        let mut k = to;
        while k >= stop + 8 {
            let m = terminal_lanes(u64::from_le_bytes(b[k - 8..k].try_into().expect("8 bytes")));
            if m != 0 {
                return k - 8 + (63 - m.leading_zeros() as usize) / 8 + 1;
            }
            k -= 8;
        }
        while k > stop && !matches!(b[k - 1], b'.' | b'!' | b'?') {
            k -= 1;
        }
        k
    }

    #[inline]
    fn count_tokens(s: &str, class: impl Fn(char) -> CharClass) -> u32 {
        Plain::count_tokens(s, class)
    }

    /// Per-lane arithmetic (no carry crosses a byte lane), so bytes outside `A..=Z` are
    /// left as they are.
    fn lower_ascii_lanes(x: u128) -> u128 {
        const L: u128 = u128::from_le_bytes([1; 16]);
        const H: u128 = L * 0x80;
        let y = x & !H;
        // high bit of each lane: low 7 bits >= 'A', then >= 'Z' + 1
        let ge_a = y + (0x80 - 0x41) * L;
        let past_z = y + (0x80 - 0x5B) * L;
        let upper = ge_a & !past_z & !x & H;
        x | (upper >> 2)
    }

    #[inline]
    fn copy_ascii(
        words: &mut WordCounter,
        bytes: &[u8],
        after_space: bool,
        out: &mut TextBuf,
    ) -> usize {
        Plain::copy_ascii(words, bytes, after_space, out)
    }

    #[inline]
    fn feeds_and_tail_chars(b: &[u8], from: usize, to: usize) -> (u32, u32) {
        Plain::feeds_and_tail_chars(b, from, to)
    }

    #[inline]
    fn seg_masks(block: &[u8; 64]) -> (u64, u64) {
        let mut seg = 0;
        let mut special = 0;
        for (k, chunk) in block.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(chunk.try_into().unwrap());
            let low7 = x & !H;
            let s = (in_range(low7, b'a', b'z') | in_range(low7, b'0', b'9')) & !x;
            let x_special = (in_range(low7, b'A', b'Z') & !x) | (x & H);
            seg |= pack_high_bits(s) << (8 * k);
            special |= pack_high_bits(x_special) << (8 * k);
        }
        (seg, special)
    }

    #[inline(always)]
    fn skip_seg(h: &[u8], mut i: usize) -> usize {
        while let Some(chunk) = h.get(i..i + 8) {
            let other = non_seg_bytes(u64::from_le_bytes(chunk.try_into().unwrap()));
            if other != 0 {
                return i + (other.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        while i < h.len() && matches!(h[i], b'a'..=b'z' | b'0'..=b'9') {
            i += 1;
        }
        i
    }

    #[inline(always)]
    fn seg_prefix(x: u64) -> u64 {
        let other = non_seg_bytes(x);
        // The high bit of the first other byte, `8k + 7`, gives the mask of bytes `0..k`
        // (all of them when there is none).
        let first = other & other.wrapping_neg();
        x & (first >> 7).wrapping_sub(1)
    }

    /// No call to `memcmp` for these short strings: eight bytes at a time as `u64`s.
    #[inline(always)]
    fn has_at(h: &[u8], i: usize, bytes: &[u8], lo: usize, len: usize) -> bool {
        let load = |b: &[u8], k: usize| {
            b.get(k..k + 8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        };
        // Most labels and tails are short: one compare of the first eight bytes, the bytes
        // past `len` shifted out.
        if let (1..=8, Some(x), Some(y)) = (len, load(h, i), load(bytes, lo)) {
            return (x ^ y) << (64 - 8 * len) == 0;
        }
        let mut k = 0;
        loop {
            let (Some(x), Some(y)) = (load(h, i + k), load(bytes, lo + k)) else {
                return h.get(i + k..i + len) == bytes.get(lo + k..lo + len);
            };
            if len - k <= 8 {
                let mask = u64::MAX.checked_shr(64 - 8 * (len - k) as u32).unwrap_or(0);
                return (x ^ y) & mask == 0;
            }
            if x != y {
                return false;
            }
            k += 8;
        }
    }

    #[inline]
    fn clause_scan(h: &str, from: usize, at: usize) -> (&str, u64) {
        Plain::clause_scan(h, from, at)
    }
}
