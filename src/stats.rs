//! The statistics slant reports, written out so each can be checked by hand: the Beta
//! distribution behind a stance's credible interval (regularized incomplete beta and its
//! inverse), the AUC of a score between two labelled groups (Mann–Whitney, ties counted
//! half) with a stratified bootstrap interval, and the weighted log-odds ratio with an
//! informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words") that
//! `slant eval lean` and `slant lexicon suggest` rank words by.
//!
//! Pure functions on numbers; nothing here knows about articles or lexicons. Random
//! resampling uses a fixed-seed SplitMix64, so every figure is reproducible.

/// A small deterministic random number generator (SplitMix64): the same seed gives the
/// same bootstrap on every machine.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> SplitMix {
        SplitMix(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        // Lemire's multiply-shift: unbiased enough for resampling indices.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// `ln Γ(x)` for `x > 0` (Lanczos approximation, g = 7, nine coefficients; relative error
/// below 1e-13 over the range slant uses).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Continued fraction of the incomplete beta function (modified Lentz), valid for
/// `x < (a + 1) / (a + b + 2)`.
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The regularized incomplete beta function `I_x(a, b)`: the probability that a
/// Beta(a, b) variable is at most `x`.
pub fn beta_cdf(x: f64, a: f64, b: f64) -> f64 {
    beta_cdf_front(x, a, b, ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b))
}

/// [`beta_cdf`] with `ln(1 / B(a, b))` given, so a search over `x` computes it once.
fn beta_cdf_front(x: f64, a: f64, b: f64, ln_inv_beta: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front = (ln_inv_beta + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

/// The `p` quantile of Beta(a, b) (`0 < p < 1`, `a, b > 0`): Halley's method from a
/// close first guess (the inverse of the incomplete beta function as in *Numerical Recipes*,
/// 3rd ed., §6.14), usually three to five steps to `f64` precision. slant computes two of
/// these per article, so the search must be cheap; [`beta_quantile_bisect`] is the slow,
/// obviously right version the tests hold it to.
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let ln_inv_beta = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b);
    let (a1, b1) = (a - 1.0, b - 1.0);
    let mut x = if a >= 1.0 && b >= 1.0 {
        // A normal approximation, carried to the Beta scale.
        let pp = if p < 0.5 { p } else { 1.0 - p };
        let t = (-2.0 * pp.ln()).sqrt();
        let mut z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
        if p < 0.5 {
            z = -z;
        }
        let al = (z * z - 3.0) / 6.0;
        let h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
        let w = (z * (al + h).sqrt() / h)
            - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (al + 5.0 / 6.0 - 2.0 / (3.0 * h));
        a / (a + b * (2.0 * w).exp())
    } else {
        let (lna, lnb) = ((a / (a + b)).ln(), (b / (a + b)).ln());
        let t = (a * lna).exp() / a;
        let u = (b * lnb).exp() / b;
        let w = t + u;
        if p < t / w {
            (a * w * p).powf(1.0 / a)
        } else {
            1.0 - (b * w * (1.0 - p)).powf(1.0 / b)
        }
    };
    for step in 0..20 {
        if x <= 0.0 || x >= 1.0 {
            break;
        }
        let err = beta_cdf_front(x, a, b, ln_inv_beta) - p;
        // The density at x.
        let pdf = (a1 * x.ln() + b1 * (1.0 - x).ln() + ln_inv_beta).exp();
        if pdf <= 0.0 || !pdf.is_finite() {
            break;
        }
        let u = err / pdf;
        let t = u / (1.0 - 0.5 * (u * (a1 / x - b1 / (1.0 - x))).min(1.0));
        x -= t;
        if x <= 0.0 {
            x = 0.5 * (x + t);
        }
        if x >= 1.0 {
            x = 0.5 * (x + t + 1.0);
        }
        if t.abs() < 1e-12 * x && step > 0 {
            break;
        }
    }
    if !(0.0..=1.0).contains(&x) || !x.is_finite() {
        return beta_quantile_bisect(p, a, b);
    }
    x
}

/// The `p` quantile of Beta(a, b) by bisection on [`beta_cdf`]: sixty halvings reach the
/// limit of `f64`. The reference [`beta_quantile`] is tested against, and its fallback.
pub fn beta_quantile_bisect(p: f64, a: f64, b: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if beta_cdf(mid, a, b) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Area under the ROC curve of a score that should be higher for `pos` than for `neg`:
/// the share of (pos, neg) pairs ranked the right way, ties counting half (the
/// Mann–Whitney U statistic over the product of the group sizes). `None` when a group is
/// empty.
pub fn auc(pos: &[f64], neg: &[f64]) -> Option<f64> {
    if pos.is_empty() || neg.is_empty() {
        return None;
    }
    let mut all: Vec<(f64, bool)> = pos
        .iter()
        .map(|&v| (v, true))
        .chain(neg.iter().map(|&v| (v, false)))
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Sum of the positive group's ranks, tied values sharing their average rank.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all[j].0 == all[i].0 {
            j += 1;
        }
        let avg = (i + j + 1) as f64 / 2.0;
        rank_sum += avg * all[i..j].iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let (np, nn) = (pos.len() as f64, neg.len() as f64);
    Some((rank_sum - np * (np + 1.0) / 2.0) / (np * nn))
}

/// A percentile bootstrap interval of the AUC: `rounds` resamples of each group with
/// replacement (stratified, so both groups keep their sizes), the `(1 − level)/2` and
/// `(1 + level)/2` quantiles of the resampled AUCs.
pub fn auc_interval(
    pos: &[f64],
    neg: &[f64],
    rounds: usize,
    level: f64,
    seed: u64,
) -> Option<(f64, f64)> {
    auc(pos, neg)?;
    let mut rng = SplitMix::new(seed);
    let mut p = vec![0.0; pos.len()];
    let mut n = vec![0.0; neg.len()];
    let mut aucs: Vec<f64> = (0..rounds.max(1))
        .map(|_| {
            for x in p.iter_mut() {
                *x = pos[rng.below(pos.len())];
            }
            for x in n.iter_mut() {
                *x = neg[rng.below(neg.len())];
            }
            auc(&p, &n).expect("groups are not empty")
        })
        .collect();
    aucs.sort_by(f64::total_cmp);
    let q = |f: f64| {
        let k = (f * (aucs.len() - 1) as f64).round() as usize;
        aucs[k.min(aucs.len() - 1)]
    };
    Some((q((1.0 - level) / 2.0), q((1.0 + level) / 2.0)))
}

/// Weighted log-odds ratio of one word between group A and group B with an informative
/// Dirichlet prior (Monroe, Colaresi & Quinn 2008, eq. 16 and 20).
///
/// `a`/`b`: the word's count in each group; `na`/`nb`: every word counted in each group;
/// `prior`: the word's prior count `α_w` and `prior_total`: `α_0`, the prior's total (the
/// pooled corpus scaled to `α_0` words gives `α_w = α_0 × pooled count / pooled total`).
/// Returns `(δ, z)`: the log-odds difference (positive when the word favours A) and its
/// z-score `δ / sqrt(1/(a + α_w) + 1/(b + α_w))`.
pub fn log_odds(a: f64, na: f64, b: f64, nb: f64, prior: f64, prior_total: f64) -> (f64, f64) {
    let odds = |y: f64, n: f64| ((y + prior) / (n + prior_total - y - prior)).ln();
    let delta = odds(a, na) - odds(b, nb);
    let var = 1.0 / (a + prior) + 1.0 / (b + prior);
    (delta, delta / var.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn ln_gamma_matches_factorials() {
        let mut f = 1.0f64;
        for n in 1..20 {
            // Γ(n) = (n−1)!
            assert!(close(ln_gamma(f64::from(n)), f.ln(), 1e-10), "n = {n}");
            f *= f64::from(n);
        }
        // Γ(1/2) = √π
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-12
        ));
    }

    #[test]
    fn beta_cdf_has_closed_forms_where_known() {
        // Beta(1, 1) is uniform; Beta(2, 1) has cdf x²; Beta(1, 3) has cdf 1 − (1 − x)³.
        for x in [0.05, 0.3, 0.5, 0.77, 0.99] {
            assert!(close(beta_cdf(x, 1.0, 1.0), x, 1e-12));
            assert!(close(beta_cdf(x, 2.0, 1.0), x * x, 1e-12));
            assert!(close(beta_cdf(x, 1.0, 3.0), 1.0 - (1.0 - x).powi(3), 1e-12));
        }
        // Symmetry: I_x(a, b) = 1 − I_{1−x}(b, a).
        assert!(close(
            beta_cdf(0.3, 4.5, 2.25),
            1.0 - beta_cdf(0.7, 2.25, 4.5),
            1e-12
        ));
    }

    #[test]
    fn beta_quantile_inverts_the_cdf() {
        for &(a, b) in &[(1.0, 1.0), (2.0, 5.0), (12.5, 3.25), (40.0, 41.0)] {
            for p in [0.05, 0.5, 0.95] {
                let x = beta_quantile(p, a, b);
                assert!(close(beta_cdf(x, a, b), p, 1e-9), "a {a} b {b} p {p}");
            }
        }
        // The median of a symmetric Beta is 1/2.
        assert!(close(beta_quantile(0.5, 3.0, 3.0), 0.5, 1e-12));
    }

    #[test]
    fn the_fast_quantile_equals_bisection() {
        let mut rng = SplitMix::new(3);
        for _ in 0..2000 {
            // Shapes like slant's posteriors (prior 2 plus evidence) and some small ones.
            let a = 0.2 + (rng.below(20_000) as f64) / 100.0;
            let b = 0.2 + (rng.below(20_000) as f64) / 100.0;
            for p in [0.05, 0.5, 0.95, 0.001, 0.999] {
                let fast = beta_quantile(p, a, b);
                let slow = beta_quantile_bisect(p, a, b);
                assert!(
                    (fast - slow).abs() < 1e-9,
                    "a {a} b {b} p {p}: {fast} vs {slow}"
                );
            }
        }
    }

    #[test]
    fn auc_counts_ordered_pairs_and_half_ties() {
        assert_eq!(auc(&[3.0, 4.0], &[1.0, 2.0]), Some(1.0));
        assert_eq!(auc(&[1.0, 2.0], &[3.0, 4.0]), Some(0.0));
        // One tie among four pairs: (3 + 0.5) / 4.
        assert_eq!(auc(&[2.0, 5.0], &[2.0, 1.0]), Some(0.875));
        assert_eq!(auc(&[1.0; 3], &[1.0; 5]), Some(0.5));
        assert_eq!(auc(&[], &[1.0]), None);
    }

    #[test]
    fn auc_interval_brackets_the_estimate_and_repeats() {
        let mut rng = SplitMix::new(7);
        let pos: Vec<f64> = (0..200).map(|_| rng.below(1000) as f64 + 150.0).collect();
        let neg: Vec<f64> = (0..150).map(|_| rng.below(1000) as f64).collect();
        let a = auc(&pos, &neg).unwrap();
        let (lo, hi) = auc_interval(&pos, &neg, 500, 0.95, 1).unwrap();
        assert!(lo < a && a < hi, "{lo} {a} {hi}");
        assert!(hi - lo < 0.15);
        assert_eq!(auc_interval(&pos, &neg, 500, 0.95, 1), Some((lo, hi)));
    }

    #[test]
    fn log_odds_sign_and_symmetry() {
        let (d, z) = log_odds(30.0, 1000.0, 5.0, 1000.0, 1.0, 100.0);
        assert!(d > 0.0 && z > 2.0);
        let (d2, z2) = log_odds(5.0, 1000.0, 30.0, 1000.0, 1.0, 100.0);
        assert!(close(d, -d2, 1e-12) && close(z, -z2, 1e-12));
        // Equal rates give zero.
        let (d, _) = log_odds(10.0, 500.0, 20.0, 1000.0, 0.0, 0.0);
        assert!(d.abs() < 0.02);
    }
}
