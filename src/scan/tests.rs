//! Every fast kernel equals its plain version: exhaustively over all 256 byte values (in
//! every lane) for the byte-class masks, on generated text for the rest.

use super::*;

/// A small deterministic generator (xorshift), so these tests depend on nothing else.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Random text from `pieces`, `n` of them.
fn random_text(r: &mut Rng, pieces: &[&str], n: usize) -> String {
    (0..n).map(|_| pieces[r.below(pieces.len())]).collect()
}

/// Pieces that put every byte class the kernels tell apart next to each other: ASCII
/// letters of both cases, digits, whitespace of every kind, the punctuation the kernels
/// look for, curly quotes, dashes, multi-byte letters, NBSP, combining marks, long runs.
const PIECES: [&str; 44] = [
    "a",
    "Z",
    "n",
    "o",
    "w",
    "i",
    "t",
    "9",
    " ",
    "  ",
    "\n",
    "\t",
    "\r",
    "\u{0B}",
    "\u{0C}",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "(",
    ")",
    "'",
    "-",
    "&",
    "\"",
    "“",
    "”",
    "’",
    "—",
    "–",
    "é",
    "€",
    "😀",
    "\u{A0}",
    "\u{301}",
    "\u{2028}",
    "not ",
    "no",
    "won't",
    "abcdefghijklmnop",
    "the quick brown fox jumps over ",
    "NEVER ",
];

/// The kernels `K` give [`Plain`]'s answers on `text`, everywhere in it.
fn same_as_plain_on<K: Kernels>(text: &str, r: &mut Rng) {
    let b = text.as_bytes();
    let n = b.len();
    let class = |c: char| {
        if c.is_whitespace() || matches!(c, '—' | '–') {
            CharClass::Separator
        } else if c.is_alphanumeric() {
            CharClass::Word
        } else {
            CharClass::Other
        }
    };
    assert_eq!(
        K::count_tokens(text, class),
        Plain::count_tokens(text, class),
        "{text:?}"
    );
    let bounds: Vec<usize> = (0..=n).filter(|&i| text.is_char_boundary(i)).collect();
    for _ in 0..24 {
        let (x, y) = (r.below(n + 1), r.below(n + 1));
        let (from, to) = (x.min(y), x.max(y));
        assert_eq!(
            K::find_terminal(b, from, to),
            Plain::find_terminal(b, from, to)
        );
        assert_eq!(
            K::rfind_terminal(b, from, to),
            Plain::rfind_terminal(b, from, to)
        );
        assert_eq!(K::alnum_run(b, from, to), Plain::alnum_run(b, from, to));
        assert_eq!(
            K::feeds_and_tail_chars(b, from, to),
            Plain::feeds_and_tail_chars(b, from, to),
            "{from}..{to} of {text:?}"
        );
        assert_eq!(K::skip_seg(b, from), Plain::skip_seg(b, from));
        // A hit at a character boundary, its clause at most 60 bytes back.
        let at = bounds[r.below(bounds.len())];
        let mut from = at.saturating_sub(60);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        assert_eq!(
            K::clause_scan(text, from, at),
            Plain::clause_scan(text, from, at),
            "{text:?} at {at}"
        );
        // The text against a piece of itself, padded as the trie's bytes are.
        let (lo, len) = (r.below(n + 1), r.below(20));
        let mut bytes = b[lo..(lo + len).min(n)].to_vec();
        let len = bytes.len();
        bytes.extend_from_slice(&[0; 8]);
        let i = r.below(n + 1);
        assert_eq!(
            K::has_at(b, i, &bytes, 0, len),
            Plain::has_at(b, i, &bytes, 0, len)
        );
    }
    let after_space = r.below(2) == 1;
    let from = bounds[r.below(bounds.len())];
    let start = WordCounter {
        count: r.below(5) as u32,
        last: r.below(3) as u8,
        before_last: r.below(3) as u8,
    };
    let (mut wk, mut wp) = (start, start);
    let (mut ok, mut op) = (TextBuf::default(), TextBuf::default());
    ok.push_ascii(b'x');
    op.push_ascii(b'x');
    let kk = K::copy_ascii(&mut wk, &b[from..], after_space, &mut ok);
    let kp = Plain::copy_ascii(&mut wp, &b[from..], after_space, &mut op);
    assert_eq!((kk, wk), (kp, wp), "{text:?} from {from}");
    assert_eq!(ok.into_string(), op.into_string(), "{text:?} from {from}");
}

/// Every kernel of `K` against [`Plain`]'s.
fn same_as_plain<K: Kernels>() {
    // The masks: every byte value in every lane, among neighbours of every class.
    for v in 0..=255u8 {
        for at in 0..16 {
            let mut b = *b"ab -,x'&.Z9\t\x01z(!";
            b[at] = v;
            assert_eq!(
                K::quote_mark_mask(&b),
                Plain::quote_mark_mask(&b),
                "{v} {at}"
            );
            assert_eq!(K::token_masks(&b), Plain::token_masks(&b), "{v} {at}");
            let x = u128::from_le_bytes(b);
            assert_eq!(
                K::lower_ascii_lanes(x),
                Plain::lower_ascii_lanes(x),
                "{v} {at}"
            );
        }
        for at in 0..64 {
            let mut b: [u8; 64] = std::array::from_fn(|i| b"aZ09 {@`\x80\xE2-.Qz"[i % 14]);
            b[at] = v;
            assert_eq!(K::seg_masks(&b), Plain::seg_masks(&b), "{v} {at}");
            let x = u64::from_le_bytes(b[at / 8 * 8..at / 8 * 8 + 8].try_into().unwrap());
            assert_eq!(K::seg_prefix(x), Plain::seg_prefix(x), "{v} {at}");
        }
    }
    // Generated text: short, and long enough to cross many 16- and 64-byte blocks.
    let mut r = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..2500 {
        let n = if round % 10 == 0 {
            r.below(400)
        } else {
            r.below(40)
        };
        let text = random_text(&mut r, &PIECES, n);
        same_as_plain_on::<K>(&text, &mut r);
    }
}

#[test]
fn swar_kernels_equal_plain() {
    same_as_plain::<Swar>();
}

#[cfg(target_arch = "x86_64")]
#[test]
fn sse2_kernels_equal_plain() {
    same_as_plain::<Sse2>();
}

#[test]
fn plain_masks_are_their_byte_definitions() {
    for v in 0..=255u8 {
        for at in 0..16 {
            let mut b = [b'a'; 16];
            b[at] = v;
            // A quote mark's first byte: below `(` or not ASCII, but not a space.
            let mark = (v as i8) < 0x28 && v != b' ';
            assert_eq!(Plain::quote_mark_mask(&b), u32::from(mark) << at, "{v}");
        }
    }
}

#[test]
fn terminal_search_matches_a_plain_byte_scan() {
    let fwd = |b: &[u8], from: usize, to: usize| {
        (from..to)
            .find(|&i| matches!(b[i], b'.' | b'!' | b'?'))
            .unwrap_or(to)
    };
    let back = |b: &[u8], stop: usize, to: usize| {
        (stop..to)
            .rev()
            .find(|&i| matches!(b[i], b'.' | b'!' | b'?'))
            .map_or(stop, |i| i + 1)
    };
    for v in 0..=255u8 {
        for at in 0..40 {
            for other in [None, Some(3), Some(12), Some(30)] {
                let mut b = b"aZ09 zA9,bcdef\xe2\x80\x9dhijklmnopqrstuvwxyz ABCDEFGHI".to_vec();
                b[at] = v;
                if let Some(o) = other {
                    b[o] = b'.';
                }
                for from in [0, 1, 2, 3, 15, 17, 20] {
                    for to in [from, 9, 15, 16, 17, 22, 23, 31, 32, 33, 40, 44] {
                        let to = to.max(from);
                        let (f, r) = (fwd(&b, from, to), back(&b, from, to));
                        assert_eq!(Plain::find_terminal(&b, from, to), f);
                        assert_eq!(Plain::rfind_terminal(&b, from, to), r);
                        assert_eq!(Swar::find_terminal(&b, from, to), f);
                        assert_eq!(Swar::rfind_terminal(&b, from, to), r);
                        #[cfg(target_arch = "x86_64")]
                        {
                            assert_eq!(
                                Sse2::find_terminal(&b, from, to),
                                f,
                                "{v} {at} {from} {to}"
                            );
                            assert_eq!(
                                Sse2::rfind_terminal(&b, from, to),
                                r,
                                "{v} {at} {from} {to}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn alnum_run_matches_a_plain_byte_scan() {
    let plain = |b: &[u8], from: usize, to: usize| {
        (from..to)
            .find(|&i| !b[i].is_ascii_alphanumeric())
            .unwrap_or(to)
    };
    for v in 0..=255u8 {
        for at in 0..20 {
            let mut b = b"aZ09zA9bcdefghijklmnopq".to_vec();
            b[at] = v;
            for from in 0..4 {
                for to in [from, 9, 17, 22, 23] {
                    let to = to.max(from);
                    let want = plain(&b, from, to);
                    assert_eq!(Plain::alnum_run(&b, from, to), want, "{v} {at}");
                    assert_eq!(Swar::alnum_run(&b, from, to), want, "{v} {at}");
                    assert_eq!(Fast::alnum_run(&b, from, to), want, "{v} {at}");
                }
            }
        }
    }
}
