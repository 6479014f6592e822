//! The score arithmetic written out, shared by the `explain` ledger and the HTML pages so
//! both show the same sums the same way.

use crate::analysis::Analysis;
use crate::lexicon::Lexicon;
use crate::report::format::{num, signed};

/// The contributions of the hits counted for side `side`, as `0.45 + 2.00 + …` (or `0`).
pub fn contribution_sum(a: &Analysis, side: usize) -> String {
    let parts: Vec<String> = a
        .terms
        .iter()
        .filter(|t| t.counted_side == Some(side))
        .map(|t| num(t.contribution))
        .collect();
    if parts.is_empty() {
        "0".to_string()
    } else {
        parts.join(" + ")
    }
}

/// Numbers written as a sum: `2.50 + 7.45`.
pub fn sum_of(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| num(*v))
        .collect::<Vec<_>>()
        .join(" + ")
}

/// The lean of per-side weights `w` written as a formula: `(last − first) / sum` for two
/// sides, `(−1.00×a + +0.00×b + +1.00×c) / sum` for more.
pub fn lean_formula(lexicon: &Lexicon, w: &[f64]) -> String {
    if lexicon.sides.len() == 2 {
        format!("({} − {}) / {}", num(w[1]), num(w[0]), num(w[0] + w[1]))
    } else {
        let terms: Vec<String> = w
            .iter()
            .enumerate()
            .map(|(i, x)| format!("{}×{}", signed(lexicon.side_position(i)), num(*x)))
            .collect();
        format!("({}) / {}", terms.join(" + "), num(w.iter().sum()))
    }
}

/// The stance of per-side weights `w` with `prior` points per side, written as a formula:
/// `(last − first) / (sum + 2 × prior)` for two sides, the Dirichlet posterior mean for more.
pub fn stance_formula(lexicon: &Lexicon, w: &[f64], prior: f64) -> String {
    let n = w.len();
    let total: f64 = w.iter().sum();
    if lexicon.sides.len() == 2 {
        format!(
            "({} − {}) / ({} + 2 × {})",
            num(w[1]),
            num(w[0]),
            num(total),
            num(prior)
        )
    } else {
        let terms: Vec<String> = w
            .iter()
            .enumerate()
            .map(|(i, x)| {
                format!(
                    "{}×({} + {})",
                    signed(lexicon.side_position(i)),
                    num(*x),
                    num(prior)
                )
            })
            .collect();
        format!(
            "({}) / ({} + {} × {})",
            terms.join(" + "),
            num(total),
            n,
            num(prior)
        )
    }
}

/// Where the stance's interval comes from, in words: the Beta distribution of the last
/// side's share (two sides) or the moment-matched one (more).
pub fn interval_source(lexicon: &Lexicon, w: &[f64], prior: f64) -> String {
    if lexicon.sides.len() == 2 {
        format!(
            "the {} share of the evidence is Beta({}, {}), mapped to −1…+1",
            lexicon.sides[1].label,
            num(w[1] + prior),
            num(w[0] + prior)
        )
    } else {
        "a Beta distribution with the posterior's mean and variance, mapped to −1…+1".to_string()
    }
}
