//! Scores: per-side term counts and weights, term lean, quote balance, quote lean, stance.
//!
//! Everything here is arithmetic on already attributed hits and quotes, so a student can
//! redo it by hand from the `explain` ledger:
//!
//! * a term hit contributes `weight × voice factor × modifier factors` to the side it is
//!   counted for (its variant's side, or the concept's `scare_quoted` side when it is in
//!   scare quotes or distanced); neutral hits contribute nothing;
//! * `term_lean = Σ position(side) × weight(side) / Σ weight(side)`, where the first side
//!   sits at −1 and the last at +1 (for two sides: (last − first) / (first + last));
//! * `evidence` is that denominator; below the lexicon's `min_evidence` a lean is reported
//!   as "too little evidence";
//! * quote balance counts, per side, the speech quotations and the words inside them; a
//!   quote's prominence weight is `1 − 0.5 × (offset / article length)`, so a quotation at
//!   the top counts twice as much as one at the very end; `quote_lean` is the lean of
//!   prominence-weighted words of aligned speakers (neutral, unaligned and unattributed
//!   words are reported but lean nowhere), with `min_quote_words` aligned words needed;
//! * `stance = (terms × term_lean + quotes × quote_lean) / (terms + quotes)` with the
//!   lexicon's stance weights, using only the halves that have enough evidence.

use crate::lexicon::{Lexicon, SideRef};
use crate::quotes::QuoteSide;

/// What scoring needs to know about a speech quotation. The speaker is borrowed from
/// the quotation: only the distinct speakers of each side are copied into [`Scores`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteInput<'a> {
    pub offset: usize,
    pub words: u32,
    pub side: QuoteSide,
    pub speaker: Option<&'a str>,
}

/// What scoring needs to know about a term hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermInput {
    /// The side the hit is counted for (after scare quotes and distancing), if any.
    pub side: SideRef,
    /// `weight × factors`.
    pub contribution: f64,
    /// True when the hit is in the outlet's own words.
    pub narrator: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SideTerms {
    pub count: u32,
    pub narrator_count: u32,
    pub weight: f64,
    pub per_1000_words: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuoteShare {
    pub quotes: u32,
    pub words: u32,
    /// Share of all quoted words (speech quotes).
    pub share: f64,
    /// Share of prominence-weighted quoted words.
    pub prominence: f64,
    /// Prominence-weighted quoted words (what the quote lean is computed from).
    pub weighted: f64,
    /// Distinct speakers, in order of first quotation.
    pub speakers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scores {
    pub words: u32,
    /// Per lexicon side, in order.
    pub sides: Vec<SideTerms>,
    pub neutral_count: u32,
    pub term_lean: f64,
    pub evidence: f64,
    pub term_enough: bool,
    /// Per lexicon side, in order.
    pub quotes: Vec<QuoteShare>,
    pub neutral_quotes: QuoteShare,
    pub unaligned_quotes: QuoteShare,
    pub unattributed_quotes: QuoteShare,
    pub quote_lean: f64,
    /// Prominence-weighted words of aligned speakers.
    pub quote_evidence: f64,
    pub quote_enough: bool,
    pub stance: f64,
    pub stance_enough: bool,
    pub min_evidence: f64,
    pub min_quote_words: f64,
}

/// Prominence weight of a quotation starting at `offset` in a text of `len` bytes.
pub fn prominence(offset: usize, len: usize) -> f64 {
    if len == 0 {
        return 1.0;
    }
    1.0 - 0.5 * (offset as f64 / len as f64).clamp(0.0, 1.0)
}

/// The lean of per-side weights and their total: `Σ position(side) × weight / Σ weight`.
pub fn lean(lexicon: &Lexicon, weights: &[f64]) -> (f64, f64) {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return (0.0, 0.0);
    }
    let num: f64 = weights
        .iter()
        .enumerate()
        .map(|(i, w)| lexicon.side_position(i) * w)
        .sum();
    ((num / total).clamp(-1.0, 1.0), total)
}

/// Compute every score for one article.
pub fn score(
    lexicon: &Lexicon,
    words: u32,
    text_len: usize,
    terms: &[TermInput],
    quotes: &[QuoteInput<'_>],
) -> Scores {
    let n = lexicon.sides.len();
    let mut s = Scores {
        words,
        sides: vec![SideTerms::default(); n],
        quotes: vec![QuoteShare::default(); n],
        min_evidence: lexicon.scoring.min_evidence,
        min_quote_words: lexicon.scoring.min_quote_words,
        ..Scores::default()
    };
    for t in terms {
        match t.side {
            Some(i) if i < n => {
                let side = &mut s.sides[i];
                side.count += 1;
                side.narrator_count += u32::from(t.narrator);
                side.weight += t.contribution;
            }
            _ => s.neutral_count += 1,
        }
    }
    for side in &mut s.sides {
        side.per_1000_words = if words > 0 {
            side.weight * 1000.0 / words as f64
        } else {
            0.0
        };
    }
    let weights: Vec<f64> = s.sides.iter().map(|x| x.weight).collect();
    let (term_lean, evidence) = lean(lexicon, &weights);
    s.term_lean = term_lean;
    s.evidence = evidence;
    s.term_enough = evidence > 0.0 && evidence >= lexicon.scoring.min_evidence;

    // Quote balance.
    let total_words: u32 = quotes.iter().map(|q| q.words).sum();
    let mut prominent = vec![0.0; n];
    let mut total_prominent = 0.0;
    let mut other_prominent = [0.0f64; 3];
    for q in quotes {
        let p = prominence(q.offset, text_len) * q.words as f64;
        total_prominent += p;
        let bucket = match &q.side {
            QuoteSide::Side(i) if *i < n => {
                prominent[*i] += p;
                &mut s.quotes[*i]
            }
            QuoteSide::Side(_) | QuoteSide::Neutral => {
                other_prominent[0] += p;
                &mut s.neutral_quotes
            }
            QuoteSide::Unaligned => {
                other_prominent[1] += p;
                &mut s.unaligned_quotes
            }
            QuoteSide::Unattributed => {
                other_prominent[2] += p;
                &mut s.unattributed_quotes
            }
        };
        bucket.quotes += 1;
        bucket.words += q.words;
        if let Some(sp) = q.speaker {
            if !bucket.speakers.iter().any(|s| s == sp) {
                bucket.speakers.push(sp.to_string());
            }
        }
    }
    let fill = |share: &mut QuoteShare, p: f64| {
        share.share = if total_words > 0 {
            share.words as f64 / total_words as f64
        } else {
            0.0
        };
        share.prominence = if total_prominent > 0.0 {
            p / total_prominent
        } else {
            0.0
        };
        share.weighted = p;
    };
    for (i, q) in s.quotes.iter_mut().enumerate() {
        fill(q, prominent[i]);
    }
    fill(&mut s.neutral_quotes, other_prominent[0]);
    fill(&mut s.unaligned_quotes, other_prominent[1]);
    fill(&mut s.unattributed_quotes, other_prominent[2]);
    let (quote_lean, quote_evidence) = lean(lexicon, &prominent);
    s.quote_lean = quote_lean;
    s.quote_evidence = quote_evidence;
    s.quote_enough = quote_evidence > 0.0 && quote_evidence >= lexicon.scoring.min_quote_words;

    // Stance.
    let (wt, wq) = (lexicon.scoring.stance_terms, lexicon.scoring.stance_quotes);
    let (num, den) = match (s.term_enough, s.quote_enough) {
        (true, true) => (wt * s.term_lean + wq * s.quote_lean, wt + wq),
        (true, false) => (s.term_lean, 1.0),
        (false, true) => (s.quote_lean, 1.0),
        (false, false) => (0.0, 0.0),
    };
    s.stance_enough = den > 0.0;
    s.stance = if den > 0.0 {
        (num / den).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Limits;

    fn lex(sides: usize) -> Lexicon {
        let mut y = String::from("name: t\nversion: '1'\nsides:\n");
        for i in 0..sides {
            y.push_str(&format!("  - {{id: s{i}, label: S{i}, color: '#000'}}\n"));
        }
        Lexicon::from_yaml("t.yaml", &y, Limits::default()).unwrap()
    }

    fn t(side: Option<usize>, c: f64) -> TermInput {
        TermInput {
            side,
            contribution: c,
            narrator: true,
        }
    }

    #[test]
    fn two_sided_term_lean_is_last_minus_first_over_sum() {
        let l = lex(2);
        let s = score(
            &l,
            500,
            3000,
            &[
                t(Some(0), 1.0),
                t(Some(1), 2.0),
                t(Some(1), 1.0),
                t(None, 0.0),
            ],
            &[],
        );
        assert_eq!(s.sides[0].count, 1);
        assert_eq!(s.sides[1].count, 2);
        assert_eq!(s.neutral_count, 1);
        assert!((s.term_lean - (3.0 - 1.0) / 4.0).abs() < 1e-12);
        assert!((s.evidence - 4.0).abs() < 1e-12);
        assert!((s.sides[1].per_1000_words - 6.0).abs() < 1e-12);
        assert!(s.term_enough);
        // Terms only: the stance is the term lean.
        assert!((s.stance - s.term_lean).abs() < 1e-12);
    }

    #[test]
    fn no_evidence_means_zero_lean_and_not_enough() {
        let l = lex(2);
        let s = score(&l, 0, 0, &[t(None, 0.0)], &[]);
        assert_eq!(s.term_lean, 0.0);
        assert!(!s.term_enough && !s.stance_enough);
        let s = score(&l, 100, 100, &[t(Some(1), 1.0)], &[]);
        assert_eq!(s.term_lean, 1.0);
        assert!(!s.term_enough, "1.0 is below the default threshold 3.0");
    }

    #[test]
    fn middle_sides_sit_between() {
        let l = lex(3);
        let s = score(&l, 100, 100, &[t(Some(1), 5.0)], &[]);
        assert_eq!(s.term_lean, 0.0);
        let s = score(&l, 100, 100, &[t(Some(2), 3.0), t(Some(1), 3.0)], &[]);
        assert!((s.term_lean - 0.5).abs() < 1e-12);
    }

    #[test]
    fn quote_balance_weighs_early_quotes_more() {
        let l = lex(2);
        let q = |offset, words, side| QuoteInput {
            offset,
            words,
            side,
            speaker: Some("X"),
        };
        let quotes = [
            q(0, 20, QuoteSide::Side(1)),
            q(1000, 20, QuoteSide::Side(0)),
            q(500, 10, QuoteSide::Unattributed),
        ];
        let s = score(&l, 300, 1000, &[], &quotes);
        assert_eq!(s.quotes[1].words, 20);
        assert!((s.quotes[1].share - 0.4).abs() < 1e-12);
        // Prominence: 20×1.0 vs 20×0.5 vs 10×0.75.
        let total = 20.0 + 10.0 + 7.5;
        assert!((s.quotes[1].prominence - 20.0 / total).abs() < 1e-12);
        assert!((s.unattributed_quotes.prominence - 7.5 / total).abs() < 1e-12);
        assert!((s.quotes[1].weighted - 20.0).abs() < 1e-12);
        assert!((s.quotes[0].weighted - 10.0).abs() < 1e-12);
        assert!((s.quote_lean - (20.0 - 10.0) / 30.0).abs() < 1e-12);
        assert!(s.quote_enough);
        assert!(
            (s.stance - s.quote_lean).abs() < 1e-12,
            "terms lack evidence"
        );
    }

    #[test]
    fn stance_mixes_halves_with_lexicon_weights() {
        let l = lex(2);
        let terms = [t(Some(1), 4.0)];
        let quotes = [QuoteInput {
            offset: 0,
            words: 40,
            side: QuoteSide::Side(0),
            speaker: None,
        }];
        let s = score(&l, 100, 100, &terms, &quotes);
        assert!((s.stance - (0.6 - 0.4)).abs() < 1e-12);
    }
}
