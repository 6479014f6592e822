//! The tokenizer the attribution reads: words, one-char punctuation, and every quotation
//! as one opaque token. A word is a run of letters and digits joined by `'` `’` `-` `‐`
//! `&` (don’t, x-ray, AT&T), initials and decimals (J.R., 3.5) and an abbreviation's
//! period (Sen., U.S.). Plain ASCII is cut sixteen bytes at a time with the kernels of
//! [`crate::scan`]; `tokenize_ref` in this file's tests is the char-by-char
//! specification. Also here: what a word's spelling says (capitalized, possessive,
//! acronym).

use super::context::Ctx;
use super::sentences::is_abbrev;
use crate::scan::{Kernels, TokenMasks};
use crate::text::words::is_alnum;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tk {
    Word,
    Punct(char),
    /// A whole quotation: its index among the article's quotations.
    Quote(usize),
}

/// A token: bytes `s..e` of the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) k: Tk,
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The text of a token.
    #[inline]
    pub(super) fn w(&self, t: &Tok) -> &str {
        &self.text[t.s..t.e]
    }

    /// Token `i` when it is a word.
    #[inline]
    pub(super) fn word(&self, toks: &[Tok], i: usize) -> Option<&str> {
        toks.get(i).filter(|t| t.k == Tk::Word).map(|t| self.w(t))
    }

    /// The tokens of `text[lo..hi]`; a quotation opening inside the span is one token
    /// (cut at `hi`), one opening before `lo` is skipped.
    pub(super) fn tokenize(&self, lo: usize, hi: usize) -> Vec<Tok> {
        let mut out = Vec::with_capacity(hi.saturating_sub(lo) / 5);
        self.tokenize_into(lo, hi, &mut out);
        out
    }

    /// [`Ctx::tokenize`], the tokens pushed onto `out`.
    pub(super) fn tokenize_into(&self, lo: usize, hi: usize, out: &mut Vec<Tok>) {
        let t = self.text;
        let mut qi = self.raws.partition_point(|r| r.close <= lo);
        // Open of the next quotation (`usize::MAX` when none) and where the
        // words before it must end; both change only when `qi` does.
        let mut next_open = self.raws.get(qi).map_or(usize::MAX, |q| q.open);
        let mut qlimit = next_open.min(hi);
        let mut i = lo;
        while i < hi {
            if next_open <= i {
                let q = &self.raws[qi];
                if q.open >= lo {
                    out.push(Tok {
                        s: q.open,
                        e: q.close.min(hi),
                        k: Tk::Quote(qi),
                    });
                }
                i = q.close;
                qi += 1;
                next_open = self.raws.get(qi).map_or(usize::MAX, |q| q.open);
                qlimit = next_open.min(hi);
                continue;
            }
            // Most tokens are plain ASCII: let a block read them sixteen
            // bytes at a time, and take the others (and whatever the block
            // could not finish) one at a time below.
            let j = block_tokens::<K>(t.as_bytes(), i, qlimit, out);
            if j > i {
                i = j;
                continue;
            }
            let c = match t.as_bytes().get(i) {
                Some(&a) if a.is_ascii() => {
                    // spaces and ASCII punctuation: the common one-byte tokens
                    if a == b' ' {
                        i += 1;
                        continue;
                    }
                    char::from(a)
                }
                _ => {
                    let Some(c) = t[i..].chars().next() else {
                        break;
                    };
                    c
                }
            };
            let cl = c.len_utf8();
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if is_alnum(c) {
                let s = i;
                let mut j = i + cl;
                let mut seg_len = 1usize;
                let mut seg_digit = c.is_numeric();
                while j < qlimit {
                    // runs of ASCII letters and digits: the common case
                    let run = K::alnum_run(t.as_bytes(), j, qlimit) - j;
                    if run > 0 {
                        seg_digit =
                            seg_digit && t.as_bytes()[j..j + run].iter().all(u8::is_ascii_digit);
                        seg_len += run;
                        j += run;
                        // The run ended at `qlimit` or before a char that is
                        // no ASCII letter or digit: look at that char at once
                        // (another `alnum_run` from there would find nothing).
                        // An ASCII one other than the joiners below (a space,
                        // a comma) ends the word without being decoded.
                        if j >= qlimit
                            || (t.as_bytes()[j] < 0x80
                                && !matches!(t.as_bytes()[j], b'\'' | b'-' | b'&' | b'.'))
                        {
                            break;
                        }
                    }
                    let Some(d) = t[j..].chars().next() else {
                        break;
                    };
                    if is_alnum(d) {
                        j += d.len_utf8();
                        seg_len += 1;
                        seg_digit &= d.is_numeric();
                        continue;
                    }
                    // only these join two runs into one word (the common
                    // space or comma ends it without a look past)
                    if !matches!(d, '\'' | '’' | '-' | '‐' | '&' | '.') {
                        break;
                    }
                    let after = t[j + d.len_utf8()..qlimit.max(j + d.len_utf8())]
                        .chars()
                        .next();
                    let after_an = after.is_some_and(is_alnum);
                    if matches!(d, '\'' | '’' | '-' | '‐' | '&') && after_an {
                        j += d.len_utf8();
                        seg_len = 0;
                        seg_digit = false;
                        continue;
                    }
                    if d == '.'
                        && after_an
                        && (seg_len == 1 || (seg_digit && after.is_some_and(char::is_numeric)))
                    {
                        j += 1;
                        seg_len = 0;
                        seg_digit = true;
                        continue;
                    }
                    break;
                }
                if j < qlimit && t[j..].starts_with('.') && is_abbrev(&t[s..j]) {
                    j += 1;
                }
                out.push(Tok {
                    s,
                    e: j,
                    k: Tk::Word,
                });
                // The space after a word (the usual case) is passed over here
                // rather than by another turn of the loop.
                i = if j < hi && t.as_bytes()[j] == b' ' {
                    j + 1
                } else {
                    j
                };
                continue;
            }
            out.push(Tok {
                s: i,
                e: i + cl,
                k: Tk::Punct(c),
            });
            i += cl;
        }
    }
}

/// The plain ASCII tokens of the sixteen bytes from `i` (a token start or
/// whitespace, below `qlimit`), cut as `Ctx::tokenize` cuts them and
/// pushed onto `out`: whitespace skipped, punctuation one byte each, and
/// runs of letters and digits that end at `qlimit` or before a byte that
/// neither joins the run to another (`'`, `-`, `&`, `.`, which also end
/// abbreviations) nor may extend it (a non-ASCII char). Stops at the first
/// token it cannot cut (a non-ASCII char, a word ending at such a byte or
/// going on past the block), at `qlimit` or at the block's end, and returns
/// where it stopped: `i` when at once, or when the text has no sixteen
/// bytes from `i`.
#[inline]
fn block_tokens<K: Kernels>(b: &[u8], i: usize, qlimit: usize, out: &mut Vec<Tok>) -> usize {
    let Some(block) = b[i..].first_chunk::<16>() else {
        return i;
    };
    let m: TokenMasks = K::token_masks(block);
    let lim = qlimit - i;
    // the bytes before `qlimit`: only those can start or continue a token
    let valid: u32 = if lim >= 16 { 0xFFFF } else { (1 << lim) - 1 };
    let word = m.alnum & valid;
    // a word ending before one of these is left to the caller
    let stop = m.joiner | m.high;
    // offset in the block of the first byte not yet read
    let mut k = 0;
    loop {
        let rest = valid & !m.blank & (u32::MAX << k);
        if rest == 0 {
            return i + lim.min(16);
        }
        let p = rest.trailing_zeros();
        let at = i + p as usize;
        let bit = 1 << p;
        if m.high & bit != 0 {
            return at;
        }
        if word & bit == 0 {
            out.push(Tok {
                s: at,
                e: at + 1,
                k: Tk::Punct(char::from(b[at])),
            });
            k = p + 1;
            continue;
        }
        // `!word` has bit 16 set: the run ends in the block or at its end,
        // where it may go on (unless that is `qlimit`)
        let end = (!word & (u32::MAX << p)).trailing_zeros();
        if (end == 16 && lim > 16) || ((end as usize) < lim && stop & (1 << end) != 0) {
            return at;
        }
        out.push(Tok {
            s: at,
            e: i + end as usize,
            k: Tk::Word,
        });
        k = end;
    }
}

/// The first char is uppercase.
#[inline]
pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The first char is lowercase.
#[inline]
pub(super) fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Ends in ’s or 's ("ICE’s"), with something before it.
pub(super) fn is_possessive(w: &str) -> bool {
    (w.ends_with("’s") || w.ends_with("'s") || w.ends_with("’S") || w.ends_with("'S"))
        && w.chars().count() > 2
}

/// `w` without its possessive ’s.
pub(super) fn strip_possessive(w: &str) -> &str {
    if is_possessive(w) {
        let cut = w.len() - 's'.len_utf8();
        let cut = w[..cut].char_indices().next_back().map_or(cut, |(i, _)| i);
        &w[..cut]
    } else {
        w
    }
}

/// At least two letters, all uppercase ("ICE", "U.S.").
pub(super) fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::fixtures::{random_text, seed_roster, Rng};
    use crate::quotes::word_lookup::{cue_words, word_bits};
    use crate::scan::{Fast, Plain};

    #[test]
    fn token_masks_match_a_plain_byte_test() {
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = *b"ab -,x'&.Z9\t\x01zz!";
                b[at] = v;
                let (got, want) = (Fast::token_masks(&b), Plain::token_masks(&b));
                assert_eq!(got.alnum, want.alnum, "{v} {at}");
                assert_eq!(got.blank, want.blank, "{v} {at}");
                assert_eq!(got.high, want.high, "{v} {at}");
                assert_eq!(got.joiner, want.joiner, "{v} {at}");
                // the plain masks are what `tokenize` tests byte by byte
                let bit = 1 << at;
                assert_eq!(want.alnum & bit != 0, is_alnum(char::from(v)) && v < 0x80);
                assert_eq!(
                    want.blank & bit != 0,
                    v < 0x80 && char::from(v).is_whitespace()
                );
                assert_eq!(want.high & bit != 0, !v.is_ascii());
            }
        }
    }

    /// `Ctx::tokenize` as first written: one char at a time, looking up
    /// the next quotation on every step.
    fn tokenize_ref(ctx: &Ctx<'_>, lo: usize, hi: usize) -> Vec<Tok> {
        let t = ctx.text;
        let mut out = Vec::new();
        let mut qi = ctx.raws.partition_point(|r| r.close <= lo);
        let mut i = lo;
        while i < hi {
            if let Some(q) = ctx.raws.get(qi) {
                if q.open <= i {
                    if q.open >= lo {
                        out.push(Tok {
                            s: q.open,
                            e: q.close.min(hi),
                            k: Tk::Quote(qi),
                        });
                    }
                    i = q.close;
                    qi += 1;
                    continue;
                }
            }
            let qlimit = ctx.raws.get(qi).map_or(hi, |q| q.open.min(hi));
            let Some(c) = t[i..].chars().next() else {
                break;
            };
            let cl = c.len_utf8();
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if c.is_alphanumeric() {
                let s = i;
                let mut j = i + cl;
                let mut seg_len = 1usize;
                let mut seg_digit = c.is_numeric();
                while j < qlimit {
                    let Some(d) = t[j..].chars().next() else {
                        break;
                    };
                    if d.is_alphanumeric() {
                        j += d.len_utf8();
                        seg_len += 1;
                        seg_digit &= d.is_numeric();
                        continue;
                    }
                    let after = t[j + d.len_utf8()..qlimit.max(j + d.len_utf8())]
                        .chars()
                        .next();
                    let after_an = after.is_some_and(char::is_alphanumeric);
                    if matches!(d, '\'' | '’' | '-' | '‐' | '&') && after_an {
                        j += d.len_utf8();
                        seg_len = 0;
                        seg_digit = false;
                        continue;
                    }
                    if d == '.'
                        && after_an
                        && (seg_len == 1 || (seg_digit && after.is_some_and(char::is_numeric)))
                    {
                        j += 1;
                        seg_len = 0;
                        seg_digit = true;
                        continue;
                    }
                    break;
                }
                if j < qlimit && t[j..].starts_with('.') && is_abbrev(&t[s..j]) {
                    j += 1;
                }
                out.push(Tok {
                    s,
                    e: j,
                    k: Tk::Word,
                });
                i = j;
                continue;
            }
            out.push(Tok {
                s: i,
                e: i + cl,
                k: Tk::Punct(c),
            });
            i += cl;
        }
        out
    }

    #[test]
    fn tokenize_matches_a_char_by_char_reference() {
        let pieces = [
            "said",
            "Sen.",
            "U.S.",
            "3.5",
            "a",
            "é",
            "ésaid",
            "ſaid",
            "Ünal",
            "don’t",
            "x-ray",
            "&",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\u{a0}",
            "\u{2028}",
            "\u{b}",
            ".",
            ",",
            "!",
            "?",
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "«",
            "»",
            ":",
            "—",
            "(",
            ")",
            "Park",
            "he",
            "according to",
            // long words (past a sixteen-byte block), control chars that are
            // whitespace or not, ASCII punctuation next to words
            "internationalization",
            "Immigration-and-Customs",
            "abcdefghijklmnop",
            "abcdefghijklmno",
            "\u{1}",
            "\u{c}",
            "\r",
            "#",
            "x&y",
            "a'",
            "9-",
            "Q.",
        ];
        let r = seed_roster();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut toks = 0;
        let mut lower_non_ascii = 0;
        for round in 0..1500 {
            let n = 1 + rng.below(60);
            let t = random_text(&mut rng, &pieces, n);
            let ctx = Ctx::new(&t, &r);
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let mut wins = vec![(0, t.len())];
            for _ in 0..8 {
                let a = cuts[rng.below(cuts.len())];
                let b = cuts[rng.below(cuts.len())];
                wins.push((a.min(b), a.max(b)));
            }
            for (lo, hi) in wins {
                let want = tokenize_ref(&ctx, lo, hi);
                toks += want.len();
                let got = ctx.tokenize(lo, hi);
                assert_eq!(
                    format!("{got:?}"),
                    format!("{want:?}"),
                    "round {round} {t:?} {lo}..{hi}"
                );
                // words that cue_at's ASCII test rejects but `is_lower` let
                // through are in no cue list
                for k in 0..got.len() {
                    let Some(w) = ctx.word(&got, k) else {
                        continue;
                    };
                    if is_lower(w) && !w.as_bytes()[0].is_ascii_lowercase() {
                        assert_eq!(word_bits(w.as_bytes(), false), 0, "{w:?}");
                        assert!(!cue_words().any(|c| c == w), "{w:?}");
                        lower_non_ascii += 1;
                    }
                }
            }
        }
        assert!(toks > 50_000, "{toks}");
        assert!(lower_non_ascii > 100, "{lower_non_ascii}");
    }
}
