//! Compact JSON, byte for byte as `serde_json::to_writer` writes it, without serde's
//! per-field machinery: the [`Compact`] trait and its implementations for strings,
//! integers, floats, options and sequences.
//!
//! This is the JSONL writer's encoding layer and part of its hot path. Strings are
//! escaped eight bytes at a time (a SWAR mask finds the first byte to escape); integers
//! are written from eight decimal digits computed in the lanes of one register; the
//! four-decimal floats of the contract are written from the integer they are rounded
//! from. Every shortcut is checked against serde_json's own output by the tests below.
//! The small implementations are `#[inline]`: the writer that calls them for every field
//! lives in another module, so without the attribute they could stay out-of-line calls.

use crate::report::format::{round, round_int};

/// Writes a value as compact JSON, byte-identical to `serde_json::to_writer`.
pub trait Compact {
    fn write(&self, o: &mut Vec<u8>);
}

/// How serde_json escapes each byte: 0 = as is, `u` = `\u00XX`, else the letter after `\`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Bit 7 of a byte of the result is set where `x` (eight bytes, little-endian) holds a byte
/// that must be escaped (a control byte, `"` or `\`). The lowest flagged byte is always a
/// true one; bytes above it may be flagged falsely (borrows), so only it is used.
#[inline]
fn escape_mask(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let control = x.wrapping_sub(LO * 0x20) & !x;
    let q = x ^ (LO * b'"' as u64);
    let q = q.wrapping_sub(LO) & !q;
    let bs = x ^ (LO * b'\\' as u64);
    let bs = bs.wrapping_sub(LO) & !bs;
    (control | q | bs) & HI
}

/// Append the escape sequence of byte `c`, one that must be escaped.
#[cold]
fn write_escape(o: &mut Vec<u8>, c: u8) {
    let e = ESCAPE[c as usize];
    if e == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        o.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[(c >> 4) as usize],
            HEX[(c & 0xF) as usize],
        ]);
    } else {
        o.extend_from_slice(&[b'\\', e]);
    }
}

/// The bytes of `b` from `i` on (fewer than eight) in the low bytes of a u64, zeros above.
#[inline]
fn tail_u64(b: &[u8], i: usize) -> u64 {
    let rem = b.len() - i;
    if let Some(last) = b.len().checked_sub(8) {
        // The last eight bytes, shifted down past the ones already written.
        u64::from_le_bytes(b[last..].try_into().expect("eight bytes")) >> ((8 - rem) * 8)
    } else {
        b[i..].iter().rev().fold(0, |x, &c| (x << 8) | u64::from(c))
    }
}

/// Write `s` as a JSON string, eight bytes at a time: a run of bytes that need no escaping
/// is stored a register at a time, with no separate scan and `memcpy`.
pub(super) fn write_str(o: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    o.reserve(b.len() + 2);
    o.push(b'"');
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let m = escape_mask(x);
        if m == 0 {
            o.extend_from_slice(&x.to_le_bytes());
            i += 8;
        } else {
            let k = (m.trailing_zeros() / 8) as usize;
            extend_prefix(o, x, k);
            write_escape(o, chunk[k]);
            i += k + 1;
        }
    }
    while i < b.len() {
        let rem = b.len() - i;
        let x = tail_u64(b, i);
        // The zero bytes above the tail are flagged too, so the mask is never empty.
        let k = ((escape_mask(x).trailing_zeros() / 8) as usize).min(rem);
        extend_prefix(o, x, k);
        if k == rem {
            break;
        }
        write_escape(o, b[i + k]);
        i += k + 1;
    }
    o.push(b'"');
}

impl Compact for str {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        write_str(o, self);
    }
}

impl Compact for String {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        write_str(o, self);
    }
}

impl<T: Compact + ?Sized> Compact for &T {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        (**self).write(o);
    }
}

impl Compact for bool {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        o.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

/// The eight decimal digits of `n < 10^8`, leading zeros included, as the bytes of a
/// little-endian u64: most significant digit first, each a value 0..=9. Computed in
/// lanes of the one register (4-digit halves, then 2-digit quarters, then digits).
#[inline]
fn digits8(n: u64) -> u64 {
    debug_assert!(n < 100_000_000);
    let x = (n / 10_000) | ((n % 10_000) << 32);
    // x / 100 in each 32-bit lane (x < 10 000).
    let hi = ((x * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let x = hi | ((x - hi * 100) << 16);
    // x / 10 in each 16-bit lane (x < 100).
    let hi = ((x * 103) >> 10) & 0x000F_000F_000F_000F;
    hi | ((x - hi * 10) << 8)
}

const ASCII_ZEROS: u64 = 0x3030_3030_3030_3030;

/// Append the first `len` bytes of `x` (little-endian): one eight-byte store, the rest cut
/// off again, instead of a `memcpy` call for a length known only at run time.
#[inline]
fn extend_prefix(o: &mut Vec<u8>, x: u64, len: usize) {
    let at = o.len();
    o.extend_from_slice(&x.to_le_bytes());
    o.truncate(at + len);
}

/// Write `n < 10^8` in decimal.
#[inline]
fn write_small(o: &mut Vec<u8>, n: u64) {
    let d = digits8(n);
    // Leading zero digits are the low zero bytes; zero itself keeps its last digit.
    let zeros = d.trailing_zeros().min(56) / 8;
    extend_prefix(o, (d >> (zeros * 8)) | ASCII_ZEROS, 8 - zeros as usize);
}

/// Write `n` in decimal, as serde_json (itoa) does.
#[inline]
fn write_u64(o: &mut Vec<u8>, n: u64) {
    if n < 100_000_000 {
        write_small(o, n);
    } else {
        write_u64_large(o, n);
    }
}

#[cold]
fn write_u64_large(o: &mut Vec<u8>, n: u64) {
    // At most twelve digits above the low eight.
    let (high, low) = (n / 100_000_000, n % 100_000_000);
    write_u64(o, high);
    o.extend_from_slice(&(digits8(low) | ASCII_ZEROS).to_le_bytes());
}

impl Compact for u32 {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, u64::from(*self));
    }
}

impl Compact for u64 {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, *self);
    }
}

impl Compact for usize {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, *self as u64);
    }
}

/// Largest magnitude, in ten-thousandths, written by `write_ten_thousandths`.
const TEN_THOUSANDTHS_BELOW: i64 = 1_000_000_000_000;

/// Write `n / 10 000` (`|n| < 10^12`, not negative zero) the way serde_json writes that
/// f64: whole ten-thousandths are also the shortest form that reads back as the same f64,
/// so ryu's digits are the integer's, with trailing fractional zeros dropped but one kept.
#[inline]
fn write_ten_thousandths(o: &mut Vec<u8>, n: i64) {
    if n < 0 {
        o.push(b'-');
    }
    let m = n.unsigned_abs();
    let (d, whole_len) = if m < 100_000_000 {
        // Below 10 000: the four whole digits are the low four bytes of the number's eight.
        let d = digits8(m);
        let zeros = (d & 0xFFFF_FFFF).trailing_zeros().min(24) / 8;
        let whole = ((d & 0xFFFF_FFFF) | 0x3030_3030) >> (zeros * 8);
        (whole | (d >> 32 << 32), 4 - zeros as usize)
    } else {
        write_small(o, m / 10_000);
        (digits8(m % 10_000) >> 32 << 32, 0)
    };
    // The four fractional digits are the high four bytes of `d`: kept up to the last
    // nonzero one (the high zero bytes), at least one.
    let frac = (d >> 32) as u32;
    let keep = if frac == 0 {
        1
    } else {
        4 - frac.leading_zeros() as usize / 8
    };
    let x = u128::from(d & 0xFFFF_FFFF)
        | u128::from(b'.') << (whole_len * 8)
        | u128::from(frac | 0x3030_3030) << (whole_len * 8 + 8);
    let at = o.len();
    o.extend_from_slice(&x.to_le_bytes());
    o.truncate(at + whole_len + 1 + keep);
}

impl Compact for f64 {
    fn write(&self, o: &mut Vec<u8>) {
        // Rounded outputs (see `round`) are whole ten-thousandths: written from the integer
        // they come from.
        let x = *self;
        match round_int(x * 10_000.0) {
            Some(n)
                if n.abs() < TEN_THOUSANDTHS_BELOW
                    && n as f64 / 10_000.0 == x
                    && (n != 0 || x.is_sign_positive()) =>
            {
                write_ten_thousandths(o, n);
            }
            _ => write_f64_other(o, x),
        }
    }
}

/// Write an f64 that is not a whole number of ten-thousandths below 10^8 (or is -0.0).
#[cold]
fn write_f64_other(o: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        serde_json::ser::Formatter::write_f64(&mut serde_json::ser::CompactFormatter, o, x)
            .expect("writing to a Vec cannot fail");
    } else {
        o.extend_from_slice(b"null");
    }
}

impl<T: Compact> Compact for Option<T> {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(o),
            None => o.extend_from_slice(b"null"),
        }
    }
}

impl<T: Compact> Compact for [T] {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        o.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            v.write(o);
        }
        o.push(b']');
    }
}

impl<T: Compact> Compact for Vec<T> {
    #[inline]
    fn write(&self, o: &mut Vec<u8>) {
        self.as_slice().write(o);
    }
}

/// Write `round(x)` exactly as `round(x).write(o)` would, without dividing and multiplying
/// back: `round(x)` is `n / 10 000` for `n = (x × 10 000).round()`, and for `|n| < 10^12`
/// that quotient times 10 000 rounds back to `n`.
#[inline]
pub(super) fn write_rounded(o: &mut Vec<u8>, x: f64) {
    let y = x * 10_000.0;
    match round_int(y) {
        Some(n) if n.abs() < TEN_THOUSANDTHS_BELOW && (n != 0 || y.is_sign_positive()) => {
            write_ten_thousandths(o, n);
        }
        _ => round(x).write(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_and_escapes_are_written_like_serde() {
        for x in [
            0.0,
            -0.0,
            0.3,
            2.0,
            1.0 / 3.0,
            1e-7,
            12345.6789,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut o = Vec::new();
            x.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&x).unwrap(), "{x}");
        }
        let all: String = (0u8..=0x7f)
            .map(char::from)
            .chain("é\u{2028}𝄞".chars())
            .collect();
        let mut o = Vec::new();
        all.write(&mut o);
        assert_eq!(o, serde_json::to_vec(&all).unwrap());
    }

    #[test]
    fn generated_strings_numbers_and_floats_are_written_like_serde() {
        let mut rng = crate::corpus::Rng::new(11);
        // Strings of every length up to 40 from a small alphabet heavy in bytes to escape,
        // so each lands at every position of an eight-byte chunk.
        let alphabet = [
            "a", "\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é", "“", "!", "#",
        ];
        for _ in 0..20_000 {
            let len = rng.below(41);
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let mut o = Vec::new();
            s.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
        let mut ints: Vec<u64> = vec![
            0,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            99_999_999,
            100_000_000,
            100_000_001,
            10_000_000_000_000_000,
            u64::MAX,
            u64::from(u32::MAX),
        ];
        for p in 0..20 {
            ints.extend([10u64.pow(p) - 1, 10u64.pow(p), 10u64.pow(p) + 1]);
        }
        for _ in 0..20_000 {
            ints.push(rng.next_u64() >> rng.below(64));
        }
        for n in ints {
            let mut o = Vec::new();
            n.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&n).unwrap(), "{n}");
        }
        let mut floats = vec![
            1e12,
            -1e12,
            99_999_999.999_95,
            1e8 - 0.00005,
            5e-5,
            -5e-5,
            4.9e-5,
            99_999_999.999_9,
            -99_999_999.999_9,
            1e8,
            0.1,
            0.01,
            0.001,
            0.0001,
            10.0,
            100.5,
        ];
        for _ in 0..50_000 {
            let scale = [1.0, 10.0, 1e4, 1e8, 1e13, 1e-4, 1e-6][rng.below(7)];
            let x = (rng.next_u64() as f64 / u64::MAX as f64 - 0.3) * scale;
            floats.extend([x, (x * 4.0).round() / 4.0, x.round()]);
        }
        floats.extend([
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            -0.0,
            0.0,
            2.5e-5,
            -2.5e-5,
        ]);
        floats.extend([
            4.5e11,
            4.5e11 + 0.5,
            2f64.powi(52),
            2f64.powi(52) + 1.0,
            2f64.powi(62),
        ]);
        for x in floats {
            let by_formula = if x.is_finite() {
                (x * 10_000.0).round() / 10_000.0
            } else {
                0.0
            };
            assert_eq!(round(x).to_bits(), by_formula.to_bits(), "{x:e}");
            let mut o = Vec::new();
            write_rounded(&mut o, x);
            assert_eq!(o, serde_json::to_vec(&round(x)).unwrap(), "{x:e}");
            for y in [x, round(x)] {
                let mut o = Vec::new();
                y.write(&mut o);
                assert_eq!(o, serde_json::to_vec(&y).unwrap(), "{y:e}");
            }
        }
    }
}
