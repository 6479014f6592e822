//! SSE2 building blocks: sixteen bytes in a vector register ([`Block`]), the bytes of a
//! block that pass a test as a mask ([`Lanes`]), per-lane byte counters ([`Tally`]) and the
//! same tests over 64 bytes ([`masks64`]). Each test is one or two SSE2 instructions over
//! the whole block; SSE2 is part of the x86_64 baseline, so the instructions are always
//! there. This file and [`super::text_buf`] are the crate's only `unsafe` code; the
//! kernels of [`super::sse2`] are built from these blocks and nothing else here is used.

use std::arch::x86_64::*;
use std::ops::{BitAnd, BitOr, Not};

/// Sixteen bytes in a vector register.
#[derive(Clone, Copy)]
pub struct Block(__m128i);

/// The bytes of a [`Block`] that pass a test (all bits of a byte set or clear).
#[derive(Clone, Copy)]
pub struct Lanes(__m128i);

// SAFETY (every `unsafe` block below): SSE2 is enabled on every x86_64 target, so the
// intrinsics are available; none of them touches memory except the load in
// `Block::load` and the store in `Block::lowercase_with_spaces`, which read and write
// exactly sixteen bytes of sixteen-byte arrays.

impl Block {
    #[inline]
    pub fn load(bytes: &[u8; 16]) -> Block {
        Block(unsafe { _mm_loadu_si128(bytes.as_ptr().cast()) })
    }

    /// Sixteen zero bytes.
    #[inline]
    pub fn zero() -> Block {
        Block(unsafe { _mm_setzero_si128() })
    }

    /// The bytes `n` (1 or 2) places earlier: lane `i` holds lane `i - n` of this block,
    /// or of `before` (the block in front of this one) when that is negative.
    #[inline]
    pub fn back(self, before: Block, n: u8) -> Block {
        Block(unsafe {
            match n {
                1 => _mm_or_si128(_mm_slli_si128::<1>(self.0), _mm_srli_si128::<15>(before.0)),
                2 => _mm_or_si128(_mm_slli_si128::<2>(self.0), _mm_srli_si128::<14>(before.0)),
                _ => unreachable!("back by 1 or 2"),
            }
        })
    }

    /// The bytes `n` (1 or 2) places later: lane `i` holds lane `i + n` of this block, or
    /// of `after` (the block behind this one) past the end.
    #[inline]
    pub fn ahead(self, after: Block, n: u8) -> Block {
        Block(unsafe {
            match n {
                1 => _mm_or_si128(_mm_srli_si128::<1>(self.0), _mm_slli_si128::<15>(after.0)),
                2 => _mm_or_si128(_mm_srli_si128::<2>(self.0), _mm_slli_si128::<14>(after.0)),
                _ => unreachable!("ahead by 1 or 2"),
            }
        })
    }

    /// Bytes equal to `c`.
    #[inline]
    pub fn eq(self, c: u8) -> Lanes {
        Lanes(unsafe { _mm_cmpeq_epi8(self.0, _mm_set1_epi8(c as i8)) })
    }

    /// Bytes equal to any of `cs`.
    #[inline]
    pub fn any_of(self, cs: &[u8]) -> Lanes {
        cs[1..]
            .iter()
            .fold(self.eq(cs[0]), |acc, &c| acc | self.eq(c))
    }

    /// The bytes of [`is_ascii_space`](super::classes::is_ascii_space): space, tab, line feed, vertical tab, form
    /// feed, carriage return.
    #[inline]
    pub fn ascii_space(self) -> Lanes {
        self.eq(b' ') | self.within(0x09, 0x0D)
    }

    /// ASCII bytes in `lo..=hi` (`lo >= 1`, `hi <= 0x7E`); non-ASCII bytes never are.
    #[inline]
    pub fn within(self, lo: u8, hi: u8) -> Lanes {
        debug_assert!(lo >= 1 && hi <= 0x7E);
        // Signed compares: non-ASCII bytes are negative, below every ASCII bound.
        Lanes(unsafe {
            _mm_and_si128(
                _mm_cmpgt_epi8(self.0, _mm_set1_epi8((lo - 1) as i8)),
                _mm_cmplt_epi8(self.0, _mm_set1_epi8((hi + 1) as i8)),
            )
        })
    }

    /// ASCII letters (either case) and digits.
    #[inline]
    pub fn alnum(self) -> Lanes {
        let folded = Block(unsafe { _mm_or_si128(self.0, _mm_set1_epi8(0x20)) });
        self.within(b'0', b'9') | folded.within(b'a', b'z')
    }

    /// Bytes below `c` compared as signed bytes: every non-ASCII byte is below an ASCII
    /// `c`, and 0x80..=0xBF (UTF-8 continuation bytes) are exactly those below 0xC0.
    #[inline]
    pub fn below_signed(self, c: u8) -> Lanes {
        Lanes(unsafe { _mm_cmplt_epi8(self.0, _mm_set1_epi8(c as i8)) })
    }

    /// Bit `i` set when byte `i` is not ASCII.
    #[inline]
    pub fn non_ascii(self) -> u32 {
        unsafe { _mm_movemask_epi8(self.0) as u32 & 0xFFFF }
    }

    /// The block with ASCII capitals lowercased and the bytes of `spaces` made `b' '`.
    #[inline]
    pub fn lowercase_with_spaces(self, spaces: Lanes) -> [u8; 16] {
        let upper = self.within(b'A', b'Z');
        let mut out = [0u8; 16];
        unsafe {
            let lowered = _mm_add_epi8(self.0, _mm_and_si128(upper.0, _mm_set1_epi8(0x20)));
            let v = _mm_or_si128(
                _mm_andnot_si128(spaces.0, lowered),
                _mm_and_si128(spaces.0, _mm_set1_epi8(b' ' as i8)),
            );
            _mm_storeu_si128(out.as_mut_ptr().cast(), v);
        }
        out
    }
}

impl Lanes {
    /// Bit `i` set when byte `i` passed.
    #[inline]
    pub fn bits(self) -> u32 {
        unsafe { _mm_movemask_epi8(self.0) as u32 & 0xFFFF }
    }
}

impl BitOr for Lanes {
    type Output = Lanes;
    #[inline]
    fn bitor(self, o: Lanes) -> Lanes {
        Lanes(unsafe { _mm_or_si128(self.0, o.0) })
    }
}

impl BitAnd for Lanes {
    type Output = Lanes;
    #[inline]
    fn bitand(self, o: Lanes) -> Lanes {
        Lanes(unsafe { _mm_and_si128(self.0, o.0) })
    }
}

impl Not for Lanes {
    type Output = Lanes;
    #[inline]
    fn not(self) -> Lanes {
        Lanes(unsafe { _mm_xor_si128(self.0, _mm_set1_epi8(-1)) })
    }
}

/// Per-lane byte counters: [`Tally::add`] adds one in each lane that passed a test, so
/// counting a byte class over a long stretch costs one compare and one subtract per
/// sixteen bytes, with no mask extraction or population count. A lane holds at most 255:
/// take the [`Tally::sum`] at least every 255 adds.
#[derive(Clone, Copy)]
pub struct Tally(__m128i);

impl Tally {
    #[inline]
    pub fn new() -> Tally {
        Tally(unsafe { _mm_setzero_si128() })
    }

    /// One more in every lane of `lanes` (a passing lane is all ones, that is -1).
    #[inline]
    pub fn add(self, lanes: Lanes) -> Tally {
        Tally(unsafe { _mm_sub_epi8(self.0, lanes.0) })
    }

    /// The counts of all sixteen lanes added up.
    #[inline]
    pub fn sum(self) -> u32 {
        unsafe {
            let halves = _mm_sad_epu8(self.0, _mm_setzero_si128());
            (_mm_cvtsi128_si32(halves) + _mm_extract_epi16::<4>(halves)) as u32
        }
    }
}

/// The same tests on 64 bytes: bit `i` of each result is byte `i`.
#[inline]
pub fn masks64<const N: usize>(bytes: &[u8; 64], test: impl Fn(Block) -> [u32; N]) -> [u64; N] {
    let mut out = [0u64; N];
    for (k, chunk) in bytes.chunks_exact(16).enumerate() {
        let block = Block::load(chunk.try_into().expect("16 bytes"));
        for (o, bits) in out.iter_mut().zip(test(block)) {
            *o |= u64::from(bits) << (16 * k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_test_agrees_with_its_byte_definition() {
        for base in (0..256).step_by(16) {
            let bytes: [u8; 16] = std::array::from_fn(|i| (base + i) as u8);
            let b = Block::load(&bytes);
            let bit = |f: &dyn Fn(u8) -> bool| -> u32 {
                (0..16).filter(|&i| f(bytes[i])).map(|i| 1 << i).sum()
            };
            assert_eq!(b.eq(b'n').bits(), bit(&|c| c == b'n'));
            assert_eq!(b.any_of(b".,(").bits(), bit(&|c| b".,(".contains(&c)));
            assert_eq!(
                b.within(0x09, 0x0D).bits(),
                bit(&|c| (0x09..=0x0D).contains(&c))
            );
            assert_eq!(b.alnum().bits(), bit(&|c| c.is_ascii_alphanumeric()));
            assert_eq!(
                b.ascii_space().bits(),
                bit(&|c| crate::scan::classes::is_ascii_space(c))
            );
            assert_eq!(
                b.below_signed(0xC0).bits(),
                bit(&|c| (0x80..0xC0).contains(&c))
            );
            assert_eq!(
                b.below_signed(0x28).bits(),
                bit(&|c| !(0x28..0x80).contains(&c))
            );
            assert_eq!(b.non_ascii(), bit(&|c| c >= 0x80));
            assert_eq!(
                (!b.eq(b'a') & b.alnum()).bits(),
                bit(&|c| c != b'a' && c.is_ascii_alphanumeric())
            );
            let spaces = b.eq(b'\t') | b.eq(b'\n');
            let want: [u8; 16] = bytes.map(|c| match c {
                b'\t' | b'\n' => b' ',
                _ => c.to_ascii_lowercase(),
            });
            assert_eq!(b.lowercase_with_spaces(spaces), want);
        }
        let (x, y): ([u8; 16], [u8; 16]) = (
            std::array::from_fn(|i| i as u8 + 1),
            std::array::from_fn(|i| i as u8 + 17),
        );
        let [bx, by] = [x, y].map(|b| Block::load(&b));
        let both: Vec<u8> = x.iter().chain(&y).copied().collect();
        for n in 1..=2u8 {
            // Each lane's value equals its byte, so a lane is found by its value.
            for i in 0..16 {
                let behind = by.back(bx, n);
                assert_eq!(behind.eq(both[16 + i - n as usize]).bits(), 1 << i);
                let later = bx.ahead(by, n);
                assert_eq!(later.eq(both[i + n as usize]).bits(), 1 << i);
            }
            assert_eq!(bx.back(Block::zero(), n).eq(0).bits(), (1 << n) - 1);
            assert_eq!(
                by.ahead(Block::zero(), n).eq(0).bits(),
                0xFFFF << (16 - n) & 0xFFFF
            );
        }
        let mut tally = Tally::new();
        let mut want = 0;
        for base in (0..256).step_by(16) {
            let bytes: [u8; 16] = std::array::from_fn(|i| (base + i) as u8);
            tally = tally.add(Block::load(&bytes).below_signed(0xC0));
            want += bytes.iter().filter(|&&c| (0x80..0xC0).contains(&c)).count() as u32;
        }
        assert_eq!(tally.sum(), want);
        // 255 adds of all sixteen lanes: every lane at its limit.
        let all = Block::load(&[7; 16]).eq(7);
        assert_eq!(
            (0..255).fold(Tally::new(), |t, _| t.add(all)).sum(),
            255 * 16
        );
        let bytes: [u8; 64] = std::array::from_fn(|i| if i % 3 == 0 { b'x' } else { b' ' });
        let [x] = masks64(&bytes, |b| [b.eq(b'x').bits()]);
        assert_eq!(
            x,
            (0..64)
                .filter(|i| i % 3 == 0)
                .map(|i| 1u64 << i)
                .sum::<u64>()
        );
    }
}
