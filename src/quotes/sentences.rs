//! The sentence and paragraph index: which paragraph a byte is in, where the sentence
//! around a quotation starts and ends, and which sentence comes before. Quotations are
//! opaque: their inner punctuation ends the surrounding sentence only when the quote
//! itself ends with a terminal mark and a new sentence follows. Abbreviations ("U.S.",
//! "Sen.") end no sentence. Every walk is bounded (`MAX_BACK` bytes, the paragraph), so
//! hostile text stays linear.

use super::chars::{ceil_cb, trim_end_pos};
use super::context::Ctx;
use super::marks::is_blank;
use super::pairing::is_double;
use super::word_lists::ABBREV;
use super::word_lookup::in_list;
use crate::scan::Kernels;
use crate::text::words::is_alnum;

/// How far back a sentence start is looked for.
const MAX_BACK: usize = 600;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Index of the paragraph containing byte `pos`.
    pub(super) fn para_of(&self, pos: usize) -> usize {
        self.paras.partition_point(|p| p.s <= pos).saturating_sub(1)
    }

    /// `x` moved past whitespace, at most to `limit`.
    fn skip_ws(&self, mut x: usize, limit: usize) -> usize {
        while x < limit {
            match self.text[x..].chars().next() {
                Some(c) if c.is_whitespace() => x += c.len_utf8(),
                _ => break,
            }
        }
        x.min(limit)
    }

    /// Start of the sentence containing `pos` (bounded to its paragraph and
    /// `MAX_BACK` bytes). Quotations are opaque: their inner punctuation does
    /// not end the surrounding sentence unless the quote itself ends with a
    /// terminal mark and a new sentence follows. With `skip_end`, terminal
    /// punctuation right before `pos` is ignored (for "the previous sentence").
    pub(super) fn sent_start(&self, pos: usize, skip_end: bool) -> usize {
        let para = self.paras[self.para_of(pos)];
        let floor = para.s.max(ceil_cb(self.text, pos.saturating_sub(MAX_BACK)));
        if pos <= floor {
            return pos;
        }
        let mut qi = self.raws.partition_point(|r| r.open < pos);
        let mut j = pos;
        let mut tail = skip_end;
        while j > floor {
            if qi > 0 {
                let q = &self.raws[qi - 1];
                if q.open < j && j <= q.close {
                    if !tail
                        && q.close <= pos
                        && ends_terminal(&self.text[q.start..q.end])
                        && self.new_sentence_after(q.close, pos)
                    {
                        return self.skip_ws(q.close, pos);
                    }
                    if q.open < floor {
                        return self.skip_ws(q.close.min(pos), pos);
                    }
                    j = q.open;
                    qi -= 1;
                    tail = false;
                    continue;
                }
            }
            if !tail {
                // Only . ! ? and the previous quotation can stop the walk:
                // jump back over everything else (all of it ASCII-safe, the
                // stops being ASCII bytes or char boundaries).
                let stop = match qi {
                    0 => floor,
                    _ => self.raws[qi - 1].close.clamp(floor, j),
                };
                let k = K::rfind_terminal(self.text.as_bytes(), stop, j);
                if k < j {
                    j = k;
                    continue;
                }
            }
            let Some(ch) = self.text[..j].chars().next_back() else {
                break;
            };
            let jb = j - ch.len_utf8();
            if matches!(ch, '.' | '!' | '?') {
                if !tail && self.is_boundary(jb) {
                    return self.skip_ws(j, pos);
                }
            } else if !ch.is_whitespace() && !matches!(ch, ')' | ']' | '"' | '\'' | '”' | '’' | '»')
            {
                tail = false;
            }
            j = jb;
        }
        floor
    }

    /// Whether a new sentence starts after a quotation closing at `close` (before `pos`).
    fn new_sentence_after(&self, close: usize, pos: usize) -> bool {
        let x = self.skip_ws(close, pos);
        if x >= pos {
            return true;
        }
        self.text[x..]
            .chars()
            .next()
            .is_some_and(|m| m.is_uppercase() || m.is_numeric() || is_double(m))
    }

    /// Whether the terminator at byte `jb` ends a sentence.
    fn is_boundary(&self, jb: usize) -> bool {
        let t = self.text;
        let Some(ch) = t[jb..].chars().next() else {
            return true;
        };
        let pe = self.paras[self.para_of(jb)].e;
        let mut k = jb + ch.len_utf8();
        while k < pe {
            match t[k..].chars().next() {
                Some(c) if matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»') => {
                    k += c.len_utf8()
                }
                _ => break,
            }
        }
        let rest = &t[k.min(pe)..pe];
        let Some(n) = rest.chars().next() else {
            return true;
        };
        let wb = word_before(t, jb);
        if ch == '.' && is_abbrev(wb) {
            return false;
        }
        if n.is_whitespace() {
            match rest.trim_start().chars().next() {
                None => true,
                Some(m) => {
                    m.is_uppercase()
                        || m.is_numeric()
                        || is_double(m)
                        || matches!(m, '‘' | '\'' | '•' | '(' | '[' | '—' | '–' | '-' | '*')
                }
            }
        } else if n.is_uppercase() && ch == '.' {
            // "said.It’s": two sentences glued together
            wb.chars().count() >= 2 && wb.chars().all(char::is_lowercase)
        } else {
            false
        }
    }

    /// End of the sentence starting at/after `pos` (exclusive), at most `limit`.
    pub(super) fn sent_end(&self, pos: usize, limit: usize) -> usize {
        if pos >= limit {
            return pos;
        }
        let mut k = pos;
        loop {
            k = K::find_terminal(self.text.as_bytes(), k, limit);
            if k >= limit {
                return limit;
            }
            if self.is_boundary(k) {
                return k + 1;
            }
            k += 1;
        }
    }

    /// The sentence before the one starting at `start` (may be the last
    /// sentence of the previous non-blank paragraph).
    pub(super) fn prev_sentence(&self, start: usize) -> Option<(usize, usize)> {
        let pi = self.para_of(start);
        let p = self.paras[pi];
        let mut e = trim_end_pos(self.text, p.s, start.max(p.s));
        if e <= p.s {
            let mut j = pi;
            loop {
                if j == 0 || pi - j > 4 {
                    return None;
                }
                j -= 1;
                if !is_blank(self.text, self.paras[j]) {
                    break;
                }
            }
            let pj = self.paras[j];
            e = trim_end_pos(self.text, pj.s, pj.e);
        }
        let s = self.sent_start(e, true);
        (s < e && s < start).then_some((s, e))
    }
}

/// The run of letters, digits and periods (at most 40 chars) ending at `jb`.
fn word_before(t: &str, jb: usize) -> &str {
    let head = &t[..jb];
    head.char_indices()
        .rev()
        .take_while(|&(_, c)| is_alnum(c) || c == '.')
        .take(40)
        .last()
        .map_or("", |(k, _)| &head[k..])
}

/// The text ends a sentence: trailing . ! ? … (ignoring closing marks), not
/// an abbreviation like "U.S.".
pub(super) fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '’' | '\'' | ')' | ']' | '”' | '"')
    });
    match t.chars().next_back() {
        Some('!' | '?' | '…') => true,
        Some('.') => {
            let body = &t[..t.len() - 1];
            let word = body
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_alnum(c) || c == '.')
                .last()
                .map_or("", |(k, _)| &body[k..]);
            !is_abbrev(word)
        }
        _ => false,
    }
}

/// A word that a period after it leaves a word ("U.S.", "A.", "Sen", "Jan"): no
/// sentence ends there.
pub(super) fn is_abbrev(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    in_list(ABBREV, word)
}
