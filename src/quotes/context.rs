//! One article under analysis: its text, paragraphs and paired quotations (found when the
//! context is made), the word count of each quotation, and the caches the readers share
//! (recent roster searches, surnames expanded to full names, the paragraphs' tokens). The
//! readers and rules are `impl Ctx` blocks in their own files; this file owns only the
//! state and the roster search cache.

use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;

use super::marks::{marks, paragraphs, Para};
use super::pairing::{find_doubles, find_singles, Raw};
use super::para_tokens::ParaTokens;
use super::roster::{Mention, Roster};
use crate::scan::{Fast, Kernels};
use crate::text::words::count_spaced_words;

/// One article's quotations under analysis, scanned with the kernels `K` (see
/// [`crate::scan`]).
pub(super) struct Ctx<'a, K = Fast> {
    /// The article's text; every offset points into it.
    pub(super) text: &'a str,
    pub(super) roster: &'a Roster,
    /// Its paragraphs, in order.
    pub(super) paras: Vec<Para>,
    /// Its quotations, sorted by opening mark, never overlapping.
    pub(super) raws: Vec<Raw>,
    /// [`count_spaced_words`] of each raw quote's inner text.
    pub(super) words: Vec<u32>,
    /// The last few [`Roster::raw_mentions`] searches.
    ment_cache: RefCell<Vec<Searched>>,
    /// Surname → full name introduced earlier in the article ("Reyes" →
    /// "Tom Reyes"); bounded in size so adversarial input stays linear.
    pub(super) full_names: RefCell<HashMap<String, Option<String>>>,
    /// The tokens of every paragraph, when made ([`Ctx::tokenize_paragraphs`]).
    pub(super) para_toks: Option<ParaTokens>,
    kernels: PhantomData<K>,
}

/// `(lo, hi, matches)` of one [`Roster::raw_mentions`] search.
type Searched = (usize, usize, Vec<(Mention, bool)>);

#[cfg(test)]
impl<'a> Ctx<'a> {
    pub(super) fn new(text: &'a str, roster: &'a Roster) -> Ctx<'a> {
        Ctx::new_with(text, roster)
    }
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Find the quotations of `text` (attribution is left to the caller).
    pub(super) fn new_with(text: &'a str, roster: &'a Roster) -> Ctx<'a, K> {
        let marks = marks::<K>(text);
        let paras = paragraphs(text, &marks);
        let mut raws = find_doubles(text, &paras, &marks);
        let singles = find_singles(text, &paras, &raws, &marks);
        raws.extend(singles);
        raws.sort_by_key(|r| r.open);
        let words = raws
            .iter()
            .map(|r| count_spaced_words::<K>(&text[r.start..r.end]))
            .collect();
        Ctx {
            text,
            roster,
            paras,
            raws,
            words,
            ment_cache: RefCell::new(Vec::new()),
            full_names: RefCell::new(HashMap::new()),
            para_toks: None,
            kernels: PhantomData,
        }
    }

    /// Roster mentions inside `text[lo..hi]`, on word boundaries: the same
    /// as `Roster::mentions`, but a window inside a recently searched one
    /// reuses its matches. Leftmost-longest matching restarts after each
    /// match, so a window's matches are the searched span's matches inside
    /// it, unless one of those crosses the window's edge (then the window
    /// scan would have found a different, shorter or later, match): such a
    /// window is searched on its own.
    pub(super) fn mentions(&self, lo: usize, hi: usize) -> Vec<Mention> {
        if lo >= hi || hi > self.text.len() {
            return Vec::new();
        }
        let mut cache = self.ment_cache.borrow_mut();
        let crosses = |m: &Mention| (m.s < lo && lo < m.e) || (m.s < hi && hi < m.e);
        let hit = cache
            .iter()
            .position(|(a, b, raw)| *a <= lo && hi <= *b && !raw.iter().any(|(m, _)| crosses(m)));
        let k = match hit {
            Some(k) => k,
            None => {
                let raw = self.roster.raw_mentions(self.text, lo, hi);
                if cache.len() == 4 {
                    cache.remove(0);
                }
                cache.push((lo, hi, raw));
                cache.len() - 1
            }
        };
        cache[k]
            .2
            .iter()
            .filter(|(m, ok)| *ok && lo <= m.s && m.e <= hi)
            .map(|&(m, _)| m)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::ActorKind;
    use crate::quotes::tests::fixtures::{actor, seed_roster, S000, S002};

    #[test]
    fn cached_mentions_match_a_fresh_search() {
        // overlapping names, so that matches often cross window edges
        let r = Roster::new(&[
            actor(
                "Ellen Park",
                &["Park Avenue Tenants"],
                "a",
                ActorKind::Person,
            ),
            actor(
                "Avenue Q",
                &["Q Street", "Park Avenue"],
                "b",
                ActorKind::Organization,
            ),
            actor(
                "street vendors",
                &["vendors", "Street"],
                "c",
                ActorKind::Role,
            ),
        ]);
        let words = [
            "Ellen",
            "Park",
            "Avenue",
            "Tenants",
            "Q",
            "Street",
            "street",
            "vendors",
            "park",
            "the",
            ",",
            "“",
            "”",
            "said",
            "ParkAvenue",
        ];
        let mut rng = crate::corpus::Rng::new(1);
        let mut next = move |n: usize| rng.below(n);
        let mut texts: Vec<(String, &Roster)> = Vec::new();
        for _ in 0..300 {
            let n = next(30);
            let t: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
            texts.push((t.join(" "), &r));
        }
        let sr = seed_roster();
        texts.push((S000.to_string(), &sr));
        texts.push((S002.to_string(), &sr));
        let mut hits = 0;
        for (t, r) in &texts {
            let ctx = Ctx::new(t, r);
            let cuts: Vec<usize> = ctx
                .tokenize(0, t.len())
                .iter()
                .flat_map(|k| [k.s, k.e])
                .chain([0, t.len()])
                .collect();
            for _ in 0..60 {
                let lo = cuts[next(cuts.len())];
                let hi = cuts[next(cuts.len())];
                // a window, then its prefixes, suffixes and random insides
                let mut wins = vec![(lo, hi)];
                for _ in 0..6 {
                    let (a, b) = (cuts[next(cuts.len())], cuts[next(cuts.len())]);
                    wins.extend([(lo, a), (a, hi), (a.max(lo), b.min(hi))]);
                }
                for (a, b) in wins {
                    let want = r.mentions(t, a, b);
                    hits += want.len();
                    assert_eq!(ctx.mentions(a, b), want, "{t:?} {a}..{b}");
                }
            }
        }
        assert!(hits > 1000, "{hits}");
    }
}
