//! The tokens of every paragraph, made once per article when its reported speech is read
//! too ([`super::extract_all`]): the reported pass reads them paragraph by paragraph, and
//! the attribution rules cut their windows out of them instead of tokenizing the same
//! words again. A window is cut out only where tokenizing it afresh gives the same tokens
//! (it lies in one paragraph and no token crosses either of its edges, see
//! [`ParaTokens::window`]); any other window is tokenized, as it is when there are no
//! paragraph tokens (quotations alone, [`super::extract`]).

use std::borrow::Cow;

use super::chars::ceil_cb;
use super::context::Ctx;
use super::tokens::Tok;
use crate::scan::Kernels;

/// The tokens of each paragraph, `Ctx::tokenize(p.s, ceil_cb(p.e))`, end to end.
pub(super) struct ParaTokens {
    toks: Vec<Tok>,
    /// `toks[at[i]..at[i + 1]]` are paragraph `i`'s tokens (none for an empty one).
    at: Vec<usize>,
}

impl ParaTokens {
    /// The tokens `Ctx::tokenize(lo, hi)` gives, cut out of paragraph `pi`'s tokens
    /// (`lo..hi` inside `range`, the span that paragraph was tokenized over), or `None`
    /// when a token crosses `lo` or `hi`.
    ///
    /// Tokenizing reads left to right and starts afresh after every token and space, so a
    /// window starting between two tokens reads the same tokens up to its end, unless its
    /// end cuts one short: a word (or an abbreviation's period, a joiner and the letter
    /// after it) running past `hi`, or a quotation closing after `hi`, ends at `hi` in
    /// the window. Each of those is a paragraph token that crosses `hi`. (A quotation the
    /// paragraph's own end cut short crosses `hi` too unless `hi` is that end.)
    fn window(&self, pi: usize, range: (usize, usize), lo: usize, hi: usize) -> Option<&[Tok]> {
        if lo < range.0 || hi > range.1 || lo > hi {
            return None;
        }
        let para = &self.toks[self.at[pi]..self.at[pi + 1]];
        let a = para.partition_point(|t| t.e <= lo);
        let b = para.partition_point(|t| t.s < hi);
        let win = para.get(a..b)?;
        let crosses = win.first().is_some_and(|t| t.s < lo) || win.last().is_some_and(|t| t.e > hi);
        (!crosses).then_some(win)
    }
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Tokenize every paragraph once, for the reported pass and the rules' windows.
    pub(super) fn tokenize_paragraphs(&mut self) {
        let mut toks = Vec::with_capacity(self.text.len() / 5);
        let mut at = Vec::with_capacity(self.paras.len() + 1);
        at.push(0);
        for i in 0..self.paras.len() {
            if let Some((lo, hi)) = self.para_range(i) {
                self.tokenize_into(lo, hi, &mut toks);
            }
            at.push(toks.len());
        }
        self.para_toks = Some(ParaTokens { toks, at });
    }

    /// The span paragraph `i` is tokenized over; `None` for an empty paragraph.
    pub(super) fn para_range(&self, i: usize) -> Option<(usize, usize)> {
        let p = self.paras[i];
        (p.e > p.s).then(|| (p.s, ceil_cb(self.text, p.e)))
    }

    /// The tokens of paragraph `i` (over [`Ctx::para_range`]).
    pub(super) fn para_tokens(&self, i: usize) -> Cow<'_, [Tok]> {
        let Some((lo, hi)) = self.para_range(i) else {
            return Cow::Borrowed(&[]);
        };
        match &self.para_toks {
            Some(pt) => Cow::Borrowed(&pt.toks[pt.at[i]..pt.at[i + 1]]),
            None => Cow::Owned(self.tokenize(lo, hi)),
        }
    }

    /// `self.tokenize(lo, hi)`, cut out of the paragraph tokens when they are made and
    /// the window allows it.
    pub(super) fn tokens(&self, lo: usize, hi: usize) -> Cow<'_, [Tok]> {
        if let Some(pt) = &self.para_toks {
            let pi = self.para_of(lo);
            if let Some(range) = self.para_range(pi) {
                if let Some(w) = pt.window(pi, range, lo, hi) {
                    return Cow::Borrowed(w);
                }
            }
        }
        Cow::Owned(self.tokenize(lo, hi))
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::context::Ctx;
    use crate::quotes::tests::fixtures::{random_text, seed_roster, Rng, S000, S001, S002};

    #[test]
    fn windows_cut_from_paragraph_tokens_match_a_fresh_tokenize() {
        let pieces = [
            "said", "Sen.", "U.S.", "3.5", "a", "é", "don’t", "x-ray", "&", " ", "  ", "\n",
            "\n\n", ".", ",", "“", "”", "\"", "'", "‘", "’", "—", "Park", "he", "J.", "R.",
        ];
        let r = seed_roster();
        let mut rng = Rng(0x5851_f42d_4c95_7f2d);
        let mut texts: Vec<String> = [S000, S001, S002].map(String::from).to_vec();
        for _ in 0..1500 {
            let n = 1 + rng.below(60);
            texts.push(random_text(&mut rng, &pieces, n));
        }
        let (mut cut, mut fresh) = (0, 0);
        for t in &texts {
            let mut ctx = Ctx::new(t, &r);
            ctx.tokenize_paragraphs();
            for i in 0..ctx.paras.len() {
                let want = match ctx.para_range(i) {
                    Some((lo, hi)) => ctx.tokenize(lo, hi),
                    None => Vec::new(),
                };
                assert_eq!(format!("{:?}", ctx.para_tokens(i)), format!("{want:?}"));
            }
            // any char boundaries, and the token edges of one paragraph (the windows the
            // rules cut: sentences, the words between quotations)
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let edges: Vec<usize> = (ctx.para_tokens(rng.below(ctx.paras.len())).iter())
                .flat_map(|k| [k.s, k.e])
                .collect();
            for round in 0..40 {
                let from = if round % 2 == 0 && !edges.is_empty() {
                    &edges
                } else {
                    &cuts
                };
                let a = from[rng.below(from.len())];
                let b = from[rng.below(from.len())];
                let (lo, hi) = (a.min(b), a.max(b));
                let got = ctx.tokens(lo, hi);
                let want = ctx.tokenize(lo, hi);
                assert_eq!(format!("{got:?}"), format!("{want:?}"), "{t:?} {lo}..{hi}");
                match got {
                    std::borrow::Cow::Borrowed(_) => cut += 1,
                    std::borrow::Cow::Owned(_) => fresh += 1,
                }
            }
        }
        assert!(cut > 10_000 && fresh > 10_000, "{cut} {fresh}");
    }
}
