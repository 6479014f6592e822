//! `Sse2`: the kernels with an SSE2 version (x86_64 only), sixteen or sixty-four bytes at
//! a time from the blocks of `block.rs`; the others are [`Swar`]'s. Each kernel gives
//! exactly [`Plain`](super::Plain)'s answers (see the tests of this module's parent).

use super::block::{masks64, Block, Tally};
use super::WordCounter;
use super::{window_ending, window_from, CharClass, Kernels, Swar, TextBuf, TokenMasks};

/// The SSE2 kernels (see the module docs).
#[derive(Debug, Clone, Copy, Default)]
pub struct Sse2;

/// Bit `i` set when byte `i` of the block is `.`, `!` or `?`.
#[inline]
fn terminal_bits(block: &[u8; 16]) -> u32 {
    Block::load(block).any_of(b".!?").bits()
}

/// Per-byte facts about 64 bytes, as bit masks (bit `i` is byte `i`), for
/// [`Kernels::copy_ascii`].
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
        let b = Block::load(block.try_into().expect("16 bytes"));
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

/// For 64 bytes: masks of ASCII letters and digits, ASCII whitespace (tab, line feed,
/// form feed, carriage return, space), non-ASCII bytes and UTF-8 continuation bytes.
#[inline]
fn word_masks(block: &[u8; 64]) -> (u64, u64, u64, u64) {
    let [word, sep, high, cont] = masks64(block, |b| {
        [
            b.alnum().bits(),
            (b.any_of(b" \t\n") | b.within(0x0C, 0x0D)).bits(),
            b.non_ascii(),
            b.below_signed(0xC0).bits(),
        ]
    });
    (word, sep, high, cont)
}

/// Set bits of a 16-bit mask, by table: x86_64's baseline has no population count
/// instruction, and `count_ones` without one is a dozen shifts and masks.
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

impl Kernels for Sse2 {
    #[inline]
    fn quote_mark_mask(chunk: &[u8; 16]) -> u32 {
        let b = Block::load(chunk);
        (b.below_signed(0x28) & !b.eq(b' ')).bits()
    }

    #[inline]
    fn token_masks(block: &[u8; 16]) -> TokenMasks {
        let b = Block::load(block);
        TokenMasks {
            alnum: b.alnum().bits(),
            blank: b.ascii_space().bits(),
            high: b.non_ascii(),
            joiner: b.any_of(b"'-&.").bits(),
        }
    }

    #[inline]
    fn alnum_run(b: &[u8], from: usize, to: usize) -> usize {
        Swar::alnum_run(b, from, to)
    }

    /// Sixteen bytes at a time. The last, partial block is the sixteen bytes from its
    /// start when the text has them (lanes past `to` masked off), so only a stretch at the
    /// very end of the text is left to a byte loop.
    fn find_terminal(b: &[u8], from: usize, to: usize) -> usize {
        let mut i = from;
        while i < to {
            let Some(block) = b[i..].first_chunk::<16>() else {
                break;
            };
            let rem = to - i;
            let mine = if rem >= 16 { 0xFFFF } else { (1 << rem) - 1 };
            let m = terminal_bits(block) & mine;
            if m != 0 {
                return i + m.trailing_zeros() as usize;
            }
            if rem <= 16 {
                return to;
            }
            i += 16;
        }
        while i < to && !matches!(b[i], b'.' | b'!' | b'?') {
            i += 1;
        }
        i
    }

    /// Sixteen bytes at a time, each block ending where the previous began; the last one,
    /// partial, is the sixteen bytes ending there with the lanes before `stop` masked off.
    fn rfind_terminal(b: &[u8], stop: usize, to: usize) -> usize {
        let mut k = to;
        while k > stop && k >= 16 {
            let block: &[u8; 16] = b[k - 16..k].try_into().expect("16 bytes");
            let rem = k - stop;
            let mine = if rem >= 16 {
                0xFFFF
            } else {
                0xFFFF << (16 - rem) & 0xFFFF
            };
            let m = terminal_bits(block) & mine;
            if m != 0 {
                return k - 16 + (31 - m.leading_zeros() as usize) + 1;
            }
            if rem <= 16 {
                return stop;
            }
            k -= 16;
        }
        while k > stop && !matches!(b[k - 1], b'.' | b'!' | b'?') {
            k -= 1;
        }
        k
    }

    /// Sixty-four bytes at a time: bit masks of the separator and the letter/digit bytes
    /// (a multi-byte char counts at its first byte, as its char's class), then a token is
    /// counted at a letter/digit bit with no earlier letter/digit bit since the last
    /// separator. `fill` marks every position whose token so far holds a letter or digit
    /// (propagated upward through non-separators by doubling), so the counted bits are the
    /// letter/digit bits whose previous position is unmarked.
    fn count_tokens(s: &str, class: impl Fn(char) -> CharClass) -> u32 {
        let b = s.as_bytes();
        let mut n: u32 = 0;
        // the token before the current block holds a letter or digit
        let mut carry = 0u64;
        let mut i = 0;
        while i < b.len() {
            // padding bytes are 0: neither separator nor letter, so `fill`
            // carries the last real byte's state to bit 63
            let mut pad = [0; 64];
            let block = window_from(b, i, &mut pad);
            let (mut word, mut sep, high, cont) = word_masks(block);
            let mut lead = high & !cont;
            while lead != 0 {
                let k = lead.trailing_zeros() as usize;
                lead &= lead - 1;
                let c = s[i + k..].chars().next().expect("char boundary");
                match class(c) {
                    CharClass::Separator => sep |= 1 << k,
                    CharClass::Word => word |= 1 << k,
                    CharClass::Other => {}
                }
            }
            let mut fill = word | (carry & !sep & 1);
            let mut pass = !sep;
            for shift in [1, 2, 4, 8, 16, 32] {
                fill |= (fill << shift) & pass;
                pass &= pass << shift;
            }
            let before = (fill << 1) | carry;
            n += (word & !before).count_ones();
            carry = fill >> 63;
            i += 64;
        }
        n
    }

    #[inline]
    fn lower_ascii_lanes(x: u128) -> u128 {
        Swar::lower_ascii_lanes(x)
    }

    /// Sixty-four bytes at a time. Each step yields bit masks (word characters, joiners,
    /// whitespace, non-ASCII) and the lowercased copy of its four 16-byte blocks; the step
    /// is taken up to its first non-ASCII byte or doubled whitespace, and the word starts
    /// among those bytes are counted with shifts of the masks, carrying the last two
    /// classes from step to step. (Sixteen bytes a step spent more on that bookkeeping
    /// than on the blocks; ASCII stretches between curly quotes and dashes run to about a
    /// hundred bytes.)
    fn copy_ascii(
        words: &mut WordCounter,
        bytes: &[u8],
        after_space: bool,
        out: &mut TextBuf,
    ) -> usize {
        let (mut count, mut last, mut before_last) = (words.count, words.last, words.before_last);
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
            // SAFETY: the first `take` bytes are ASCII: `take` is at most the position of
            // the first non-ASCII byte (`m.high` is in `stop`) and of the first byte past
            // the text (`!valid` is), and `lowercase_with_spaces` maps ASCII to ASCII.
            unsafe { out.extend_ascii_prefix(&m.lowered, take as usize) };
            k += take as usize;
            if take < 64 {
                break;
            }
        }
        (words.count, words.last, words.before_last) = (count, last, before_last);
        k
    }

    /// Sixteen bytes at a time. A block without a line feed (most are) only adds its
    /// continuation bytes to per-lane [`Tally`] counters, one compare and one subtract; a
    /// block with one restarts the count after its last feed from the block's bit masks.
    /// The last partial block is the sixteen bytes ending at `to` with the lanes before the
    /// stretch masked off, so no byte loop remains.
    #[inline]
    fn feeds_and_tail_chars(b: &[u8], from: usize, to: usize) -> (u32, u32) {
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

    #[inline]
    fn seg_masks(block: &[u8; 64]) -> (u64, u64) {
        let [seg, special] = masks64(block, |b| {
            [
                (b.within(b'a', b'z') | b.within(b'0', b'9')).bits(),
                b.non_ascii() | b.within(b'A', b'Z').bits(),
            ]
        });
        (seg, special)
    }

    #[inline(always)]
    fn skip_seg(h: &[u8], i: usize) -> usize {
        Swar::skip_seg(h, i)
    }

    #[inline(always)]
    fn seg_prefix(x: u64) -> u64 {
        Swar::seg_prefix(x)
    }

    #[inline(always)]
    fn has_at(h: &[u8], i: usize, bytes: &[u8], lo: usize, len: usize) -> bool {
        Swar::has_at(h, i, bytes, lo, len)
    }

    /// Over the 64 bytes before `at` as bit masks (bit `k` is byte `at - 64 + k`): the
    /// clause starts after the highest delimiter bit, the negation region at the
    /// fourth-last start of a non-space run. Dashes and cue pairs are tested in the vector
    /// registers, each byte against its neighbours (the blocks shifted by one or two
    /// bytes, with zeros beyond the window), so the window yields two masks, not one per
    /// byte class; the whitespace mask is only made when a cue pair is in the clause.
    fn clause_scan(h: &str, from: usize, at: usize) -> (&str, u64) {
        if from == at {
            return ("", 0);
        }
        let b = h.as_bytes();
        let mut pad = [0; 64];
        let window = window_ending(b, at, &mut pad);
        let blocks: [Block; 4] = std::array::from_fn(|k| {
            Block::load(window[16 * k..16 * k + 16].try_into().expect("16 bytes"))
        });
        // Bit of byte `from` (at most 60 bytes back, so it is in the window).
        let first = 64 - (at - from);
        let valid = u64::MAX << first;
        // Blocks from the one ending at `at` backwards, until one holds a delimiter (the
        // clause starts in it) or `from`: most clauses end in fewer than four.
        let (mut stops, mut cues) = (0u64, 0u64);
        let mut k = 4;
        while k > 0 {
            k -= 1;
            let x = blocks[k];
            let before = if k > 0 { blocks[k - 1] } else { Block::zero() };
            let after = if k < 3 { blocks[k + 1] } else { Block::zero() };
            // A dash is E2 80 93 or E2 80 94, found at its last byte. (Its first byte is
            // at or after `from` whenever its last is: `from` is a character boundary.)
            let dash =
                x.any_of(&[0x93, 0x94]) & x.back(before, 1).eq(0x80) & x.back(before, 2).eq(0xE2);
            let stop = x.any_of(b".;:!?,()") | dash;
            let next = x.ahead(after, 1);
            let cue = (x.eq(b'n')
                & (next.any_of(b"oe") | (next.eq(b'\'') & x.ahead(after, 2).eq(b't'))))
                | (x.eq(b'w') & next.eq(b'i'));
            stops |= u64::from(stop.bits()) << (16 * k);
            cues |= u64::from(cue.bits()) << (16 * k);
            if stops & valid != 0 || 16 * k <= first {
                break;
            }
        }
        let stops = stops & valid;
        let start_bit = if stops == 0 {
            first
        } else {
            64 - stops.leading_zeros() as usize
        };
        let clause = &h[at - (64 - start_bit)..at];
        let in_clause = if start_bit == 64 {
            0
        } else {
            u64::MAX << start_bit
        };
        if cues & in_clause == 0 {
            return (clause, 0);
        }
        // (Blocks before `k` are before the clause.)
        let mut space = 0u64;
        for (j, x) in blocks.iter().enumerate().skip(k) {
            space |= u64::from(x.any_of(b" \t\n\x0C\r").bits()) << (16 * j);
        }
        let word = !space & in_clause;
        let mut run_starts = word & !(word << 1);
        let mut region = in_clause;
        for _ in 0..4 {
            if run_starts == 0 {
                break;
            }
            let top = 63 - run_starts.leading_zeros();
            region = u64::MAX << top;
            run_starts &= !(1u64 << top);
        }
        if run_starts == 0 {
            region = in_clause;
        }
        // `start_bit` is below 64 here: the clause holds a cue.
        (clause, (cues & region) >> start_bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Plain;

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
            .map(|round| crate::corpus::ascii_heavy(&mut rng, round % 90))
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
            let (mut out_a, mut out_b) = (TextBuf::default(), TextBuf::default());
            out_a.push_ascii(b'x');
            out_b.push_ascii(b'x');
            let ka = Sse2::copy_ascii(&mut a, &bytes[from..], after_space, &mut out_a);
            let kb = Plain::copy_ascii(&mut b, &bytes[from..], after_space, &mut out_b);
            let what = format!("{:?} after_space={after_space}", &text[..]);
            assert_eq!(ka, kb, "{what}");
            assert_eq!(out_a.into_string(), out_b.into_string(), "{what}");
            assert_eq!(
                (a.count, a.last, a.before_last),
                (b.count, b.last, b.before_last),
                "{what}"
            );
        }
    }

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
                    Sse2::feeds_and_tail_chars(b, from, to),
                    Plain::feeds_and_tail_chars(b, from, to),
                    "{from}..{to} of {:?}",
                    &text[..text.len().min(80)]
                );
            }
        }
    }
}
