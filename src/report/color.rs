//! Colour arithmetic shared by the renderers: mixing, hex notation, luminance and contrast.
//!
//! Side colours come from the lexicon as `(r, g, b)` bytes (parsed and checked by
//! `lexicon::sections::sides::parse_color`); everything the outputs derive from them (tints,
//! darker shades readable as text) is computed here.
//!
//! Two luminance formulas live here on purpose, and both must stay as they are because
//! the outputs' bytes depend on them:
//! * [`wcag_relative_luminance`] is the WCAG 2 definition (the piecewise sRGB curve with
//!   its 2.4 exponent). The HTML pages use it through [`text_shade_wcag`]: a page's colours
//!   are CSS that browsers render, and the page's promise (text at least 4.5:1 against its
//!   background) is the WCAG one, so it is checked with the WCAG formula itself.
//! * [`gamma2_luminance`] approximates the same quantity with a plain square instead of the
//!   sRGB curve. The charts use it through [`text_shade_gamma2`]: chart pixels must be
//!   byte-identical on every platform, and a square is exactly rounded IEEE arithmetic
//!   where `powf` is a libm call whose last bit may differ. For the mid-tones where the
//!   4.5:1 decision falls it overestimates luminance a little, so chart text comes out
//!   slightly darker than strictly needed: conservative.
//!
//! Pure functions only; palettes (which grey a chart's rules are) belong to each renderer.

/// A colour as 8-bit sRGB channels.
pub(crate) type Rgb = (u8, u8, u8);

pub(crate) const WHITE: Rgb = (255, 255, 255);
const BLACK: Rgb = (0, 0, 0);

/// Mix `c` toward `to` by `t` (0 = c, 1 = to), channel by channel, rounded.
pub(crate) fn mix(c: Rgb, to: Rgb, t: f64) -> Rgb {
    let f = |a: u8, b: u8| {
        (a as f64 + (b as f64 - a as f64) * t)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    (f(c.0, to.0), f(c.1, to.1), f(c.2, to.2))
}

/// `c` lightened toward white by `t` (0 = c, 1 = white).
pub(crate) fn tint(c: Rgb, t: f64) -> Rgb {
    mix(c, WHITE, t)
}

/// CSS hex notation: `#d55e00`.
pub(crate) fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// WCAG 2 relative luminance (sRGB transfer curve), 0 for black to 1 for white.
pub(crate) fn wcag_relative_luminance(c: Rgb) -> f64 {
    let f = |v: u8| {
        let x = v as f64 / 255.0;
        if x <= 0.03928 {
            x / 12.92
        } else {
            ((x + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

/// WCAG 2 contrast ratio of two colours, 1 (none) to 21 (black on white).
pub(crate) fn wcag_contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (wcag_relative_luminance(a), wcag_relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Relative luminance approximated with gamma 2 (each channel squared) instead of the sRGB
/// curve: plain arithmetic, identical on every platform (see the module notes).
pub(crate) fn gamma2_luminance(c: Rgb) -> f64 {
    let f = |v: u8| {
        let x = v as f64 / 255.0;
        x * x
    };
    0.2126 * f(c.0) + 0.7152 * f(c.1) + 0.0722 * f(c.2)
}

/// The first of `c` mixed toward black in steps of 5% (`c` itself first) for which `ok`
/// holds; black when none does.
fn darken_until(c: Rgb, ok: impl Fn(Rgb) -> bool) -> Rgb {
    for k in 0..=20 {
        let m = mix(c, BLACK, k as f64 * 0.05);
        if ok(m) {
            return m;
        }
    }
    BLACK
}

/// For the charts: a darker variant of `c` usable as text on white (contrast ≥ 4.5 by the
/// gamma-2 luminance).
pub(crate) fn text_shade_gamma2(c: Rgb) -> Rgb {
    darken_until(c, |m| 1.05 / (gamma2_luminance(m) + 0.05) >= 4.5)
}

/// For the HTML pages: `c` darkened until white text on it (and it as text on white or on
/// its own light tint) has a WCAG contrast of at least 4.5:1.
pub(crate) fn text_shade_wcag(c: Rgb) -> Rgb {
    let light = tint(c, 0.8);
    darken_until(c, |m| {
        wcag_contrast_ratio(m, WHITE) >= 4.5 && wcag_contrast_ratio(m, light) >= 4.5
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_colors_keep_contrast() {
        for c in [
            (0x00, 0x72, 0xB2),
            (0xD5, 0x5E, 0x00),
            (0xF0, 0xE4, 0x42),
            (0x56, 0xB4, 0xE9),
        ] {
            let t = text_shade_gamma2(c);
            assert!(1.05 / (gamma2_luminance(t) + 0.05) >= 4.5, "{c:?} -> {t:?}");
        }
    }

    #[test]
    fn dark_side_colors_have_contrast() {
        for c in [
            (0xD5, 0x5E, 0x00),
            (0x00, 0x72, 0xB2),
            (0xE6, 0x9F, 0x00),
            (255, 255, 0),
        ] {
            let d = text_shade_wcag(c);
            assert!(wcag_contrast_ratio(d, WHITE) >= 4.5, "{c:?} -> {d:?}");
        }
    }

    #[test]
    fn the_two_luminances_agree_at_the_ends_and_differ_between() {
        for l in [wcag_relative_luminance, gamma2_luminance] {
            assert_eq!(l((0, 0, 0)), 0.0);
            assert!((l(WHITE) - 1.0).abs() < 1e-12);
        }
        let grey = (0x80, 0x80, 0x80);
        assert!(gamma2_luminance(grey) > wcag_relative_luminance(grey));
        assert_eq!(hex((0xd5, 0x5e, 0x00)), "#d55e00");
        assert_eq!(tint((0, 0, 0), 0.5), (128, 128, 128));
    }
}
