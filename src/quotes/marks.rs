//! Where the quotation marks and the paragraphs are. One pass over the text, sixteen
//! bytes at a time with the kernels of [`crate::scan`], records the byte offset of every
//! quote mark (double or single) and every line break; paragraphs are the spans between
//! line breaks. The later passes look only at these offsets. This file knows which chars
//! are marks; which mark opens or closes a quotation is [`super::pairing`]'s business.

use crate::scan::Kernels;

/// A paragraph: bytes `s..e` of the text, without its line break.
#[derive(Debug, Clone, Copy)]
pub(super) struct Para {
    pub(super) s: usize,
    pub(super) e: usize,
}

/// Byte offsets of every quote mark (double or single) and every line break
/// in `text`, in order: the only places the extraction passes look at.
pub(super) fn marks<K: Kernels>(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut v = Vec::with_capacity(text.len() / 16);
    // `i` is always a char boundary: only ASCII bytes are skipped unseen
    let mut i = 0;
    while i + 16 <= b.len() {
        let base = i;
        let chunk: &[u8; 16] = b[base..base + 16].try_into().expect("16 bytes");
        let mut m = K::quote_mark_mask(chunk);
        // visit the candidate bytes of the block in order; the bytes of a
        // multi-byte char after its first are candidates too, and skipped
        while m != 0 {
            let k = base + m.trailing_zeros() as usize;
            m &= m - 1;
            if k >= i {
                i = k + mark_at(b, k, &mut v);
            }
        }
        i = i.max(base + 16);
    }
    while i < b.len() {
        if is_mark_byte(b[i]) {
            i += mark_at(b, i, &mut v);
        } else {
            i += 1;
        }
    }
    v
}

/// Record `k` in `v` when the char starting there is a quote mark or a line
/// break; returns the char's length in bytes. Decodes from the bytes of
/// valid UTF-8: the non-ASCII marks are U+0085, « and » (C2 xx) and
/// U+2018–U+201F but U+201A, U+2028, U+2029 (E2 80 xx).
fn mark_at(b: &[u8], k: usize, v: &mut Vec<usize>) -> usize {
    let x = b[k];
    if x < 0x80 {
        if matches!(x, b'\n' | b'\r' | b'"' | b'\'') {
            v.push(k);
        }
        1
    } else if x < 0xE0 {
        if x == 0xC2 && matches!(b.get(k + 1), Some(0x85 | 0xAB | 0xBB)) {
            v.push(k);
        }
        2
    } else if x < 0xF0 {
        if x == 0xE2
            && b.get(k + 1) == Some(&0x80)
            && matches!(
                b.get(k + 2),
                Some(0x98 | 0x99 | 0x9B | 0x9C | 0x9D | 0x9E | 0x9F | 0xA8 | 0xA9)
            )
        {
            v.push(k);
        }
        3
    } else {
        4
    }
}

/// The paragraphs of `text`, cut at the line breaks among `marks` (from [`marks`]).
pub(super) fn paragraphs(text: &str, marks: &[usize]) -> Vec<Para> {
    // \n, \r, U+2028/U+2029 (E2 80 A8/A9) and U+0085 (C2 85) end a line.
    let b = text.as_bytes();
    let mut v = Vec::with_capacity(marks.len());
    let mut s = 0;
    for &i in marks {
        let len = match b[i] {
            b'\n' | b'\r' => 1,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            _ => continue,
        };
        v.push(Para { s, e: i });
        s = i + len;
    }
    v.push(Para { s, e: text.len() });
    v
}

/// A byte that may start a quote mark or a line break (what the kernels' mark mask
/// flags): below `(` but not a space, or any byte of a multi-byte char.
fn is_mark_byte(b: u8) -> bool {
    // as i8: bytes >= 0x80 are negative
    (b as i8) < 0x28 && b != b' '
}

/// Nothing but whitespace in the paragraph.
pub(super) fn is_blank(text: &str, p: Para) -> bool {
    text[p.s..p.e].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::pairing::{is_double, is_single};
    use crate::quotes::tests::fixtures::{random_text, Rng, S000, S002};
    use crate::scan::{Fast, Plain};

    #[test]
    fn mark_mask_matches_a_plain_byte_test() {
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = [b'a'; 16];
                b[at] = v;
                let want: u32 = (0..16)
                    .filter(|&i| is_mark_byte(b[i]))
                    .map(|i| 1 << i)
                    .sum();
                assert_eq!(Fast::quote_mark_mask(&b), want, "{v} {at}");
                assert_eq!(Plain::quote_mark_mask(&b), want, "{v} {at}");
            }
        }
    }

    #[test]
    fn marks_match_a_char_by_char_scan() {
        let plain = |t: &str| -> Vec<usize> {
            t.char_indices()
                .filter(|&(_, c)| {
                    is_double(c)
                        || is_single(c)
                        || matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
                })
                .map(|(i, _)| i)
                .collect()
        };
        // every char of U+0000–U+2FFF at every offset of a block
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            for pad in 0..18 {
                let t = format!("{}{c}{}", "a".repeat(pad), "b ".repeat(9));
                assert_eq!(marks::<Fast>(&t), plain(&t), "{c:?} {pad}");
                assert_eq!(marks::<Plain>(&t), plain(&t), "{c:?} {pad}");
            }
        }
        let pieces = [
            "a", "b c", " ", "\n", "\r", "\"", "'", "“", "”", "„", "‟", "«", "»", "‘", "’", "‚",
            "‛", "—", "–", "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "é", "😀", "€", "‹", "!",
            "&", "(", "\t", "\u{0}", "\u{7f}", "ÿ", "\u{2027}", "\u{202a}",
        ];
        let mut r = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..3000 {
            let n = r.below(80);
            let t = random_text(&mut r, &pieces, n);
            assert_eq!(marks::<Fast>(&t), plain(&t), "{t:?}");
            assert_eq!(marks::<Plain>(&t), plain(&t), "{t:?}");
        }
    }

    #[test]
    fn marks_are_every_quote_mark_and_line_break() {
        let alphabet: Vec<char> =
            "a Z.\"'“”„‟«»‘’‛\n\r\u{85}\u{2028}\u{2029}\u{2027}\u{201a}é—#&!\t"
                .chars()
                .collect();
        let mut rng = crate::corpus::Rng::new(2);
        let mut texts: Vec<String> = vec![S000.to_string(), S002.to_string()];
        for _ in 0..5000 {
            let n = rng.below(40);
            let t: String = (0..n)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            texts.push(t);
        }
        for t in &texts {
            let want: Vec<usize> = t
                .char_indices()
                .filter(|&(_, c)| {
                    is_double(c)
                        || is_single(c)
                        || matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
                })
                .map(|(i, _)| i)
                .collect();
            assert_eq!(marks::<Fast>(t), want, "{t:?}");
            assert_eq!(marks::<Plain>(t), want, "{t:?}");
        }
    }
}
