//! Scores: per-side term counts and weights, term lean, stance with its credible interval,
//! and who is heard (a description, not a lean).
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
//! * **stance** is the same lean with every side starting from `prior` points of evidence
//!   (a symmetric Dirichlet prior over the sides' shares of the evidence): for two sides
//!   `stance = (last − first) / (first + last + 2 × prior)`, so one or two loaded words move
//!   it a little and many move it far. Its credible interval (`interval`, 90% by default) is
//!   the Beta distribution of that posterior (exact for two sides, moment-matched for
//!   more). Stance never depends on who is quoted;
//! * **who is heard** counts, per speaker side, the speech quotations and the words inside
//!   them; a quote's prominence weight is `1 − 0.5 × (offset / article length)`, so a
//!   quotation at the top counts twice as much as one at the very end. `quote_balance` is
//!   the balance of prominence-weighted words of aligned speakers between the sides: it
//!   describes whom the article lets speak, and partisan outlets quote the other camp to
//!   attack it, so it is not a lean and does not enter stance.

use crate::lexicon::{Lexicon, SideRef};
use crate::quotes::{Framing, QuoteSide};
use crate::stats;

/// What scoring needs to know about a speech quotation. The speaker is borrowed from
/// the quotation: only the distinct speakers of each side are copied into [`Scores`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteInput<'a> {
    pub offset: usize,
    pub words: u32,
    pub side: QuoteSide,
    pub speaker: Option<&'a str>,
}

/// One attributed quotation or reported-speech span with a speech cue: whose words, and
/// how the cue frames them (skeptical "claimed", neutral "said", endorsing "explained").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FramingInput {
    pub side: QuoteSide,
    pub framing: Framing,
}

/// How often the speakers of one side are introduced by each kind of cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FramingTally {
    pub skeptical: u32,
    pub neutral: u32,
    pub endorsing: u32,
}

impl FramingTally {
    fn add(&mut self, f: Framing) {
        match f {
            Framing::Skeptical => self.skeptical += 1,
            Framing::Neutral => self.neutral += 1,
            Framing::Endorsing => self.endorsing += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.skeptical + self.neutral + self.endorsing
    }
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
    /// For a hit of a tone concept: its `weight × factors` of charged language (it counts
    /// for no side and is not a neutral hit either).
    pub tone: Option<f64>,
}

/// How charged the language is: the hits of the lexicon's tone concepts, side-less.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ToneScore {
    pub hits: u32,
    /// In the outlet's own words.
    pub narrator_hits: u32,
    /// Summed `weight × voice × modifiers` of the hits.
    pub weight: f64,
    pub per_1000_words: f64,
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
    /// Prominence-weighted quoted words (what the quote balance is computed from).
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
    /// The lean of the weighted evidence, without the prior.
    pub term_lean: f64,
    pub evidence: f64,
    /// `evidence ≥ min_evidence`.
    pub term_enough: bool,
    /// The lean with the prior: the headline number.
    pub stance: f64,
    /// The stance's credible interval, `(low, high)`.
    pub stance_interval: (f64, f64),
    /// The prior, in points of evidence per side, and the interval's probability mass.
    pub prior: f64,
    pub interval_level: f64,
    /// Who is heard, per lexicon side in order.
    pub quotes: Vec<QuoteShare>,
    pub neutral_quotes: QuoteShare,
    pub unaligned_quotes: QuoteShare,
    pub unattributed_quotes: QuoteShare,
    /// Balance of prominence-weighted words of aligned speakers, −1 … +1: a description of
    /// who is heard, not a lean.
    pub quote_balance: f64,
    /// Prominence-weighted words of aligned speakers.
    pub aligned_words: f64,
    /// `aligned_words ≥ min_quote_words`.
    pub balance_enough: bool,
    pub min_evidence: f64,
    pub min_quote_words: f64,
    /// How charged the language is (tone concepts): a second dimension, never a lean.
    pub tone: ToneScore,
    /// How sources are framed: per lexicon side, the cues that introduce its speakers'
    /// quotations and reported words; then the same for every other speaker.
    pub framing: Vec<FramingTally>,
    pub framing_other: FramingTally,
    /// The framing lean: an endorsing cue for a side's speaker, or a skeptical one for the
    /// other side's, counts one point toward that side. Enters the stance only with the
    /// lexicon's `stance.framing` weight (0 by default).
    pub framing_lean: f64,
    /// Points behind the framing lean.
    pub framing_points: f64,
}

/// A stance and its credible interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posterior {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// The stance of per-side evidence `weights` under a symmetric Dirichlet prior of `prior`
/// points per side, with its central `level` credible interval.
///
/// The sides' shares of the evidence have the posterior Dirichlet(`prior + weight_i`); the
/// stance is `Σ position_i × share_i`. Its mean is exact; its interval comes from the Beta
/// distribution with the same mean and variance on the 0…1 scale (for two sides that Beta
/// is exactly the posterior of the last side's share).
pub fn stance_posterior(lexicon: &Lexicon, weights: &[f64], prior: f64, level: f64) -> Posterior {
    let alphas: Vec<f64> = weights.iter().map(|w| w + prior).collect();
    let total: f64 = alphas.iter().sum();
    if total <= 0.0 || weights.len() < 2 {
        return Posterior {
            mean: 0.0,
            low: -1.0,
            high: 1.0,
        };
    }
    let pos = |i: usize| lexicon.side_position(i);
    let mean: f64 = alphas
        .iter()
        .enumerate()
        .map(|(i, a)| pos(i) * a)
        .sum::<f64>()
        / total;
    let second: f64 = alphas
        .iter()
        .enumerate()
        .map(|(i, a)| pos(i) * pos(i) * a)
        .sum::<f64>()
        / total;
    let var = ((second - mean * mean) / (total + 1.0)).max(0.0);
    // On the 0…1 scale: y = (stance + 1) / 2.
    let (m, v) = ((mean + 1.0) / 2.0, var / 4.0);
    let (low, high) = if v <= 0.0 || m <= 0.0 || m >= 1.0 {
        (mean, mean)
    } else {
        let common = (m * (1.0 - m) / v - 1.0).max(1e-9);
        let (a, b) = (m * common, (1.0 - m) * common);
        let tail = (1.0 - level) / 2.0;
        (
            2.0 * stats::beta_quantile(tail, a, b) - 1.0,
            2.0 * stats::beta_quantile(1.0 - tail, a, b) - 1.0,
        )
    };
    Posterior {
        mean: mean.clamp(-1.0, 1.0),
        low: low.clamp(-1.0, 1.0),
        high: high.clamp(-1.0, 1.0),
    }
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
    framing: &[FramingInput],
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
        if let Some(w) = t.tone {
            s.tone.hits += 1;
            s.tone.narrator_hits += u32::from(t.narrator);
            s.tone.weight += w;
            continue;
        }
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
    s.tone.per_1000_words = if words > 0 {
        s.tone.weight * 1000.0 / words as f64
    } else {
        0.0
    };
    for side in &mut s.sides {
        side.per_1000_words = if words > 0 {
            side.weight * 1000.0 / words as f64
        } else {
            0.0
        };
    }
    // How sources are framed.
    s.framing = vec![FramingTally::default(); n];
    for f in framing {
        match f.side {
            QuoteSide::Side(i) if i < n => s.framing[i].add(f.framing),
            _ => s.framing_other.add(f.framing),
        }
    }
    let framing_weights: Vec<f64> = (0..n)
        .map(|i| f64::from(s.framing[i].endorsing + s.framing[n - 1 - i].skeptical))
        .collect();
    let (framing_lean, framing_points) = lean(lexicon, &framing_weights);
    s.framing_lean = framing_lean;
    s.framing_points = framing_points;

    let weights: Vec<f64> = s.sides.iter().map(|x| x.weight).collect();
    let (term_lean, evidence) = lean(lexicon, &weights);
    s.term_lean = term_lean;
    s.evidence = evidence;
    s.term_enough = evidence > 0.0 && evidence >= lexicon.scoring.min_evidence;
    s.prior = lexicon.scoring.prior;
    s.interval_level = lexicon.scoring.interval;
    // The stance's evidence: the loaded words, plus the framing points at the lexicon's
    // framing weight (0 by default: words alone).
    let fw = lexicon.scoring.framing;
    let stance_weights: Vec<f64> = if fw > 0.0 {
        weights
            .iter()
            .zip(&framing_weights)
            .map(|(w, f)| w + fw * f)
            .collect()
    } else {
        weights.clone()
    };
    let post = stance_posterior(lexicon, &stance_weights, s.prior, s.interval_level);
    s.stance = post.mean;
    s.stance_interval = (post.low, post.high);

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
    let (quote_balance, aligned_words) = lean(lexicon, &prominent);
    s.quote_balance = quote_balance;
    s.aligned_words = aligned_words;
    s.balance_enough = aligned_words > 0.0 && aligned_words >= lexicon.scoring.min_quote_words;
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
            tone: None,
        }
    }

    #[test]
    fn tone_hits_count_apart_and_never_move_the_stance() {
        let l = lex(2);
        let tone = TermInput {
            side: None,
            contribution: 0.0,
            narrator: true,
            tone: Some(1.5),
        };
        let s = score(&l, 500, 3000, &[t(Some(1), 2.0), tone, tone], &[], &[]);
        assert_eq!(s.tone.hits, 2);
        assert!((s.tone.weight - 3.0).abs() < 1e-12);
        assert!((s.tone.per_1000_words - 6.0).abs() < 1e-12);
        assert_eq!(s.neutral_count, 0, "a tone hit is not a neutral hit");
        let plain = score(&l, 500, 3000, &[t(Some(1), 2.0)], &[], &[]);
        assert_eq!(s.stance, plain.stance);
        assert_eq!(s.evidence, plain.evidence);
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
            &[],
        );
        assert_eq!(s.sides[0].count, 1);
        assert_eq!(s.sides[1].count, 2);
        assert_eq!(s.neutral_count, 1);
        assert!((s.term_lean - (3.0 - 1.0) / 4.0).abs() < 1e-12);
        assert!((s.evidence - 4.0).abs() < 1e-12);
        assert!((s.sides[1].per_1000_words - 6.0).abs() < 1e-12);
        assert!(s.term_enough);
        // The stance is the lean with 2 prior points per side: (3 − 1) / (4 + 4).
        assert!((s.stance - 2.0 / 8.0).abs() < 1e-12);
        let (lo, hi) = s.stance_interval;
        assert!(lo < s.stance && s.stance < hi, "{lo} {} {hi}", s.stance);
    }

    #[test]
    fn no_evidence_means_zero_lean_and_not_enough() {
        let l = lex(2);
        let s = score(&l, 0, 0, &[t(None, 0.0)], &[], &[]);
        assert_eq!(s.term_lean, 0.0);
        assert!(!s.term_enough);
        assert_eq!(s.stance, 0.0, "no evidence: the prior alone, centred on 0");
        let s = score(&l, 100, 100, &[t(Some(1), 1.0)], &[], &[]);
        assert_eq!(s.term_lean, 1.0);
        assert!(!s.term_enough, "1.0 is below the default threshold 3.0");
    }

    #[test]
    fn middle_sides_sit_between() {
        let l = lex(3);
        let s = score(&l, 100, 100, &[t(Some(1), 5.0)], &[], &[]);
        assert_eq!(s.term_lean, 0.0);
        let s = score(&l, 100, 100, &[t(Some(2), 3.0), t(Some(1), 3.0)], &[], &[]);
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
        let s = score(&l, 300, 1000, &[], &quotes, &[]);
        assert_eq!(s.quotes[1].words, 20);
        assert!((s.quotes[1].share - 0.4).abs() < 1e-12);
        // Prominence: 20×1.0 vs 20×0.5 vs 10×0.75.
        let total = 20.0 + 10.0 + 7.5;
        assert!((s.quotes[1].prominence - 20.0 / total).abs() < 1e-12);
        assert!((s.unattributed_quotes.prominence - 7.5 / total).abs() < 1e-12);
        assert!((s.quotes[1].weighted - 20.0).abs() < 1e-12);
        assert!((s.quotes[0].weighted - 10.0).abs() < 1e-12);
        assert!((s.quote_balance - (20.0 - 10.0) / 30.0).abs() < 1e-12);
        assert!(s.balance_enough);
        assert_eq!(s.stance, 0.0, "who is quoted never moves the stance");
    }

    #[test]
    fn framing_counts_per_side_and_enters_the_stance_only_with_its_weight() {
        let l = lex(2);
        let f = |side, framing| FramingInput { side, framing };
        let framing = [
            f(QuoteSide::Side(0), Framing::Skeptical),
            f(QuoteSide::Side(0), Framing::Skeptical),
            f(QuoteSide::Side(1), Framing::Endorsing),
            f(QuoteSide::Side(1), Framing::Neutral),
            f(QuoteSide::Unaligned, Framing::Skeptical),
        ];
        let s = score(&l, 100, 100, &[t(Some(0), 1.0)], &[], &framing);
        assert_eq!(s.framing[0].skeptical, 2);
        assert_eq!(s.framing[1].endorsing, 1);
        assert_eq!(s.framing[1].neutral, 1);
        assert_eq!(s.framing_other.skeptical, 1);
        // Toward the last side: 1 endorsing of its speakers + 2 skeptical of the first's.
        assert_eq!(s.framing_points, 3.0);
        assert_eq!(s.framing_lean, 1.0);
        // Weight 0 (the default): the stance is the words' alone.
        let words = score(&l, 100, 100, &[t(Some(0), 1.0)], &[], &[]);
        assert_eq!(s.stance, words.stance);
        let mut l2 = lex(2);
        l2.scoring.framing = 0.5;
        let s2 = score(&l2, 100, 100, &[t(Some(0), 1.0)], &[], &framing);
        // (0 + 0.5 × 3 − 1) / (1 + 1.5 + 4)
        assert!((s2.stance - 0.5 / 6.5).abs() < 1e-12, "{}", s2.stance);
    }

    #[test]
    fn the_prior_shrinks_thin_evidence_and_the_interval_narrows_with_more() {
        let l = lex(2);
        // One clear word: raw lean +1, stance 1 / (1 + 4) = 0.2.
        let one = score(&l, 100, 100, &[t(Some(1), 1.0)], &[], &[]);
        assert_eq!(one.term_lean, 1.0);
        assert!((one.stance - 0.2).abs() < 1e-12);
        // Twenty: stance 20 / 24, and a much narrower interval that excludes 0.
        let many: Vec<TermInput> = (0..20).map(|_| t(Some(1), 1.0)).collect();
        let many = score(&l, 100, 100, &many, &[], &[]);
        assert!((many.stance - 20.0 / 24.0).abs() < 1e-12);
        let width = |s: &Scores| s.stance_interval.1 - s.stance_interval.0;
        assert!(width(&many) < width(&one) / 2.0);
        assert!(many.stance_interval.0 > 0.0);
        assert!(
            one.stance_interval.0 < 0.0,
            "one word is not enough to exclude 0"
        );
    }

    #[test]
    fn two_sided_interval_is_the_exact_beta_posterior() {
        let l = lex(2);
        // Weights 1 (first side) and 5 (last side), prior 2: Beta(7, 3) for the last side's share.
        let s = score(&l, 100, 100, &[t(Some(0), 1.0), t(Some(1), 5.0)], &[], &[]);
        let lo = 2.0 * crate::stats::beta_quantile(0.05, 7.0, 3.0) - 1.0;
        let hi = 2.0 * crate::stats::beta_quantile(0.95, 7.0, 3.0) - 1.0;
        assert!(
            (s.stance_interval.0 - lo).abs() < 1e-6,
            "{:?} vs {lo}",
            s.stance_interval
        );
        assert!((s.stance_interval.1 - hi).abs() < 1e-6);
        assert!((s.stance - (7.0 - 3.0) / 10.0).abs() < 1e-12);
    }

    #[test]
    fn a_middle_side_pulls_the_stance_toward_zero() {
        let l = lex(3);
        let s = score(&l, 100, 100, &[t(Some(1), 10.0)], &[], &[]);
        assert!(s.stance.abs() < 1e-12);
        let (lo, hi) = s.stance_interval;
        assert!(lo < 0.0 && hi > 0.0 && hi - lo < 1.0);
    }
}
