//! Byte classes: the per-byte facts the kernels test and the text code shares with them
//! (ASCII whitespace, ASCII word bytes, the normalization classes and lowercase table).
//! Tables and `const fn`s only; no kernel lives here.

/// The ASCII bytes `char::is_whitespace` accepts: space, tab, line feed, vertical tab,
/// form feed and carriage return (`u8::is_ascii_whitespace` leaves out vertical tab).
#[inline]
pub(crate) fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | 0x09..=0x0D)
}

/// The ASCII word characters (letters and digits), as a table for the scanning loops.
pub(crate) static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Class of each byte for normalization and its word count: 0 word, 1 joiner, 2 separator
/// (as [`WordCounter::feed`](super::WordCounter::feed) takes them), [`SPACE`] ASCII
/// whitespace, [`HIGH`] the first or a continuation byte of a multi-byte character.
pub(crate) static CLASS: [u8; 256] = byte_classes();
/// [`CLASS`] of ASCII whitespace (a separator that normalization folds).
pub(crate) const SPACE: u8 = 3;
/// [`CLASS`] of the bytes of multi-byte characters.
pub(crate) const HIGH: u8 = 4;

/// What each ASCII byte becomes in the normalized text: lowercase letters, one space for
/// any whitespace.
pub(crate) static LOWER: [u8; 256] = lower_table();

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

/// Bit `i` set when `f(block[i])`: a byte-class mask, the obvious way.
#[inline]
pub(crate) fn bits16(block: &[u8; 16], f: impl Fn(u8) -> bool) -> u32 {
    (0..16)
        .filter(|&i| f(block[i]))
        .fold(0, |m, i| m | (1 << i))
}
