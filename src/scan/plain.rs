//! [`Plain`]: every kernel a byte (or a character) at a time. This is the specification:
//! the fast versions in `swar.rs` and `sse2.rs` are optimisations of these functions and
//! are tested equal to them. With the `scalar` feature the whole crate runs on these.

use super::classes::{bits16, is_ascii_space, CLASS, HIGH, LOWER, SPACE};
use super::{CharClass, Kernels, TextBuf, TokenMasks, WordCounter};

/// The reference kernels (see the module docs).
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

/// `.`, `!` and `?`: the bytes that may end a sentence.
#[inline]
fn is_terminal(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?')
}

/// ASCII lowercase letters and digits: the bytes of the matcher's segments.
#[inline]
fn is_seg_byte(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

impl Kernels for Plain {
    fn quote_mark_mask(chunk: &[u8; 16]) -> u32 {
        bits16(chunk, |b| (b < b'(' || !b.is_ascii()) && b != b' ')
    }

    fn token_masks(block: &[u8; 16]) -> TokenMasks {
        TokenMasks {
            alnum: bits16(block, |b| b.is_ascii_alphanumeric()),
            blank: bits16(block, is_ascii_space),
            high: bits16(block, |b| b >= 0x80),
            joiner: bits16(block, |b| matches!(b, b'\'' | b'-' | b'&' | b'.')),
        }
    }

    fn alnum_run(b: &[u8], from: usize, to: usize) -> usize {
        let mut i = from;
        while i < to && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        i
    }

    fn find_terminal(b: &[u8], from: usize, to: usize) -> usize {
        let mut i = from;
        while i < to && !is_terminal(b[i]) {
            i += 1;
        }
        i
    }

    fn rfind_terminal(b: &[u8], stop: usize, to: usize) -> usize {
        let mut k = to;
        while k > stop && !is_terminal(b[k - 1]) {
            k -= 1;
        }
        k
    }

    fn count_tokens(s: &str, class: impl Fn(char) -> CharClass) -> u32 {
        // ASCII byte → 1 if a separator, 2 if a letter or digit, else 0
        const ASCII: [u8; 128] = {
            let mut t = [0u8; 128];
            let mut i = 0;
            while i < 128 {
                let b = i as u8;
                t[i] = if b.is_ascii_whitespace() {
                    1
                } else if b.is_ascii_alphanumeric() {
                    2
                } else {
                    0
                };
                i += 1;
            }
            t
        };
        let mut n: u32 = 0;
        // The token being read holds a word character.
        let mut has_alnum = false;
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // runs of ASCII, branch-free
            let mut has = u8::from(has_alnum);
            while let Some(&x) = b.get(i).filter(|x| x.is_ascii()) {
                let c = ASCII[usize::from(x)];
                let sep = c & 1;
                n += u32::from(sep & has);
                has = (has | (c >> 1)) & (sep ^ 1);
                i += 1;
            }
            has_alnum = has != 0;
            if i >= b.len() {
                break;
            }
            let c = s[i..].chars().next().expect("char boundary");
            match class(c) {
                CharClass::Separator => {
                    n += u32::from(has_alnum);
                    has_alnum = false;
                }
                CharClass::Word => has_alnum = true,
                CharClass::Other => {}
            }
            i += c.len_utf8();
        }
        n.saturating_add(u32::from(has_alnum))
    }

    fn lower_ascii_lanes(x: u128) -> u128 {
        u128::from_le_bytes(x.to_le_bytes().map(|b| b.to_ascii_lowercase()))
    }

    fn copy_ascii(
        words: &mut WordCounter,
        bytes: &[u8],
        after_space: bool,
        out: &mut TextBuf,
    ) -> usize {
        let mut wc = *words;
        let mut prev_space = after_space;
        let mut k = 0;
        while k < bytes.len() {
            let class = CLASS[bytes[k] as usize];
            let space = class == SPACE;
            if class == HIGH || (space && prev_space) {
                break;
            }
            prev_space = space;
            wc.feed(class.min(2));
            k += 1;
        }
        *words = wc;
        out.extend_ascii_mapped(&bytes[..k], &LOWER);
        k
    }

    fn feeds_and_tail_chars(b: &[u8], from: usize, to: usize) -> (u32, u32) {
        let seg = &b[from..to];
        let feeds = seg.iter().filter(|&&c| c == b'\n').count() as u32;
        let tail = match seg.iter().rposition(|&c| c == b'\n') {
            Some(last) => &seg[last + 1..],
            None => seg,
        };
        // Every byte but a UTF-8 continuation byte starts a character.
        let chars = tail.iter().filter(|&&c| (c as i8) >= -0x40).count() as u32;
        (feeds, chars)
    }

    fn seg_masks(block: &[u8; 64]) -> (u64, u64) {
        let (mut seg, mut special) = (0, 0);
        for (k, &b) in block.iter().enumerate() {
            seg |= u64::from(is_seg_byte(b)) << k;
            special |= u64::from(!b.is_ascii() || b.is_ascii_uppercase()) << k;
        }
        (seg, special)
    }

    fn skip_seg(h: &[u8], mut i: usize) -> usize {
        while i < h.len() && is_seg_byte(h[i]) {
            i += 1;
        }
        i
    }

    fn seg_prefix(x: u64) -> u64 {
        let bytes = x.to_le_bytes();
        let k = bytes.iter().position(|&b| !is_seg_byte(b)).unwrap_or(8);
        let mut out = [0u8; 8];
        out[..k].copy_from_slice(&bytes[..k]);
        u64::from_le_bytes(out)
    }

    fn has_at(h: &[u8], i: usize, bytes: &[u8], lo: usize, len: usize) -> bool {
        h.get(i..i + len) == Some(&bytes[lo..lo + len])
    }

    fn clause_scan(h: &str, from: usize, at: usize) -> (&str, u64) {
        const DELIM: u8 = 1; // . ; : ! ? , ( )
        const DASH_END: u8 = 2; // last byte of — (E2 80 94) or – (E2 80 93), if preceded so
        const SPACE: u8 = 4;
        const N: u8 = 8;
        const W: u8 = 16;
        static CLASS: [u8; 256] = {
            let mut t = [0u8; 256];
            let ascii = b".;:!?,()";
            let mut k = 0;
            while k < ascii.len() {
                t[ascii[k] as usize] = DELIM;
                k += 1;
            }
            t[0x93] = DASH_END;
            t[0x94] = DASH_END;
            let mut b = 0;
            while b < 128 {
                if (b as u8).is_ascii_whitespace() {
                    t[b] = SPACE;
                }
                b += 1;
            }
            t[b'n' as usize] = N;
            t[b'w' as usize] = W;
            t
        };
        let b = h.as_bytes();
        // Bit `i - from` for a cue starting at byte `i`.
        let mut cues = 0u64;
        // Non-space runs entered so far, walking backwards; a cue can only be in the first 4.
        let mut chunks = 0;
        let mut after_space = true;
        let mut i = at;
        while i > from {
            i -= 1;
            let class = CLASS[b[i] as usize];
            if class == DELIM
                || (class == DASH_END && i >= from + 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80)
            {
                return (&h[i + 1..at], cues >> (i + 1 - from));
            }
            if class == SPACE {
                after_space = true;
                continue;
            }
            if after_space {
                chunks += 1;
                after_space = false;
            }
            if chunks <= 4 && class & (N | W) != 0 {
                let next = if i + 1 < at { b[i + 1] } else { 0 };
                let cue = match (class, next) {
                    (N, b'o' | b'e') | (W, b'i') => true,
                    (N, b'\'') => i + 2 < at && b[i + 2] == b't',
                    _ => false,
                };
                cues |= u64::from(cue) << (i - from);
            }
        }
        (&h[from..at], cues)
    }
}
