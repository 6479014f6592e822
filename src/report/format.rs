//! How numbers and short texts are written for people, shared by every renderer.
//!
//! One home for the small formatting rules that several outputs must apply alike:
//! shortening and padding text by characters (not bytes), plural endings, the two-decimal
//! numbers of the ledgers, the ways a lean is written (ASCII for the terminal, with a true
//! minus sign on charts), and the four-decimal rounding of the machine-readable outputs
//! (JSON and CSV). Pure functions only: no I/O, no knowledge of any output format's
//! markup (HTML escaping lives with the HTML pages, JSON escaping with the JSON writer).

/// Shorten to `max` characters with an ellipsis (runs of white space become one space).
pub(crate) fn ellipsize(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// Pad with spaces on the right to `w` characters (longer text is left as it is).
pub(crate) fn pad_right(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

/// The plural ending of an English count: `""` for exactly one, else `"s"`.
pub fn plural<N: PartialEq + From<u8>>(n: N) -> &'static str {
    if n == N::from(1) {
        ""
    } else {
        "s"
    }
}

/// A number with two decimals (`-0.00` and non-finite values shown as `0.00`).
pub(crate) fn num(x: f64) -> String {
    let x = if x == 0.0 || !x.is_finite() { 0.0 } else { x };
    format!("{x:.2}")
}

/// A signed number with two decimals (`+0.45`; `-0.00` and non-finite values as `+0.00`).
pub(crate) fn signed(x: f64) -> String {
    let x = if x == 0.0 || !x.is_finite() { 0.0 } else { x };
    format!("{x:+.2}")
}

/// A lean for the terminal: `+0.45`, or `(+0.45)` when there is too little evidence.
pub(crate) fn fmt_lean(value: f64, enough: bool) -> String {
    let v = format!("{:+.2}", value);
    if enough {
        v
    } else {
        format!("({v})")
    }
}

/// A lean for the charts: "+0.42", "−0.42" (true minus sign), "0.00".
pub(crate) fn fmt_lean_typographic(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r > 0.0 {
        format!("+{:.2}", r)
    } else if r < 0.0 {
        format!("\u{2212}{:.2}", -r)
    } else {
        "0.00".to_string()
    }
}

/// A weight of evidence as the charts and pages write it: whole numbers bare ("2"), others
/// with up to two decimals ("0.45", "1.5").
pub(crate) fn fmt_weight(v: f64) -> String {
    let t = format!("{:.2}", v);
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" {
        "0".to_string()
    } else {
        t.to_string()
    }
}

/// A tick label of the charts' lean axis: "0", "+1", "−0.5" (true minus sign).
pub(crate) fn fmt_tick(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if (v - v.round()).abs() < 1e-9 {
        format!("{}{:.0}", if v > 0.0 { "+" } else { "\u{2212}" }, v.abs())
    } else {
        format!("{}{:.1}", if v > 0.0 { "+" } else { "\u{2212}" }, v.abs())
    }
}

/// Round to four decimals, as the JSON contract and `summary.csv` write every number (so
/// outputs diff cleanly); non-finite values become 0.
pub(crate) fn round(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let y = x * 10_000.0;
    match round_int(y) {
        // `y.round()` keeps the sign of `y`, also when it rounds to zero.
        Some(0) => 0.0_f64.copysign(y) / 10_000.0,
        Some(n) => n as f64 / 10_000.0,
        None => y.round() / 10_000.0,
    }
}

/// `y.round()` (half away from zero) as an integer, for `|y| < 2^52` (and zero for
/// `-0.5 < y < 0`, which `round` makes -0.0). x86-64's baseline has no rounding
/// instruction, so `f64::round` is a call into libm; truncating to an integer is one
/// instruction, and below 2^52 the fraction `y - trunc(y)` is exact.
#[inline]
pub(crate) fn round_int(y: f64) -> Option<i64> {
    if y.abs() < 4_503_599_627_370_496.0 {
        let t = y as i64;
        let f = y - t as f64;
        Some(if f >= 0.5 {
            t + 1
        } else if f <= -0.5 {
            t - 1
        } else {
            t
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsize_counts_characters() {
        assert_eq!(ellipsize("short", 10), "short");
        assert_eq!(ellipsize("ünïcödé wörds here", 8), "ünïcödé…");
        assert_eq!(ellipsize("a  b\n c", 10), "a b c");
    }

    #[test]
    fn padding_and_plurals_count_characters_and_ones() {
        assert_eq!(pad_right("né", 4), "né  ");
        assert_eq!(pad_right("long", 2), "long");
        assert_eq!(plural(1usize), "");
        assert_eq!(plural(0u32), "s");
        assert_eq!(plural(2u64), "s");
    }

    #[test]
    fn lean_formatting_marks_thin_evidence() {
        assert_eq!(fmt_lean(0.4567, true), "+0.46");
        assert_eq!(fmt_lean(-1.0, false), "(-1.00)");
    }

    #[test]
    fn numbers_never_show_negative_zero() {
        assert_eq!(num(-0.0), "0.00");
        assert_eq!(num(f64::NAN), "0.00");
        assert_eq!(signed(0.456), "+0.46");
        assert_eq!(signed(-0.0), "+0.00");
    }

    #[test]
    fn chart_numbers_use_a_true_minus_sign() {
        assert_eq!(fmt_lean_typographic(-0.421), "\u{2212}0.42");
        assert_eq!(fmt_lean_typographic(0.0), "0.00");
        assert_eq!(fmt_weight(3.0), "3");
        assert_eq!(fmt_weight(0.45), "0.45");
        assert_eq!(fmt_weight(-0.0001), "0");
        assert_eq!(fmt_weight(2.5), "2.5");
        assert_eq!(fmt_tick(-0.5), "\u{2212}0.5");
        assert_eq!(fmt_tick(1.0), "+1");
    }

    #[test]
    fn round_int_is_f64_round() {
        let mut rng = crate::corpus::Rng::new(5);
        let mut ys = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.49999999999999994,
            1.5,
            -1.5,
            2.5,
            -2.5,
        ];
        for p in 0..64 {
            let y = 2f64.powi(p);
            ys.extend([
                y,
                -y,
                y + 0.5,
                -y - 0.5,
                y - 0.5,
                y * 1.5,
                2f64.powi(52) - y,
            ]);
        }
        for _ in 0..100_000 {
            let k = (rng.next_u64() >> rng.below(64)) as f64;
            let f = rng.next_u64() as f64 / u64::MAX as f64;
            ys.extend([k + 0.5, -k - 0.5, k + f, -k - f, f - 0.5]);
        }
        for y in ys {
            match round_int(y) {
                Some(n) => {
                    assert!(y.abs() < 2f64.powi(52), "{y}");
                    assert_eq!(n as f64, y.round(), "{y}");
                }
                None => assert!(y.abs() >= 2f64.powi(52), "{y}"),
            }
        }
    }
}
