//! Building the `scoring:` section: voice and modifier factors, the stance's prior,
//! interval and framing weight, and the evidence thresholds, each checked (a number ≥ 0;
//! factors above 2 warned about; the interval strictly between 0 and 1) and laid over the
//! defaults of [`Scoring`]. The stance weights of slant ≤ 0.1 (`stance.terms`,
//! `stance.quotes`) are still read, to say they no longer do anything.

use crate::lexicon::diagnostic::{Diagnostic, Seg};
use crate::lexicon::model::Scoring;
use crate::lexicon::schema::LexiconFile;

/// Check `scoring:` (written in `origin`) and lay it over the defaults.
pub(super) fn build_scoring(
    file: &LexiconFile,
    origin: &str,
    diags: &mut Vec<Diagnostic>,
) -> Scoring {
    let mut s = Scoring::default();
    let Some(def) = &file.scoring else {
        return s;
    };
    let mut set = |target: &mut f64, value: Option<f64>, path: &[&str], factor: bool| {
        if let Some(v) = value {
            let p: Vec<Seg> = std::iter::once("scoring")
                .chain(path.iter().copied())
                .map(Seg::key)
                .collect();
            if !v.is_finite() || v < 0.0 {
                diags.push(
                    Diagnostic::error(
                        origin,
                        p,
                        format!("`{}` must be a number ≥ 0, found {v}", path.join(".")),
                    )
                    .hint("factors are multipliers: 1 counts fully, 0.5 half, 0 not at all"),
                );
            } else {
                if factor && v > 2.0 {
                    diags.push(
                        Diagnostic::warning(
                            origin,
                            p,
                            format!("`{}` is {v}, more than twice a narrator term", path.join(".")),
                        )
                        .hint("voice and modifier factors are usually between 0 and 1 (1 = counts like the outlet's own words)"),
                    );
                }
                *target = v;
            }
        }
    };
    if let Some(v) = &def.voice {
        set(&mut s.narrator, v.narrator, &["voice", "narrator"], true);
        set(&mut s.quoted, v.quoted, &["voice", "quoted"], true);
        set(&mut s.reported, v.reported, &["voice", "reported"], true);
        set(
            &mut s.scare_quoted,
            v.scare_quoted,
            &["voice", "scare_quoted"],
            true,
        );
    }
    if let Some(m) = &def.modifiers {
        set(&mut s.negated, m.negated, &["modifiers", "negated"], true);
        set(
            &mut s.distanced,
            m.distanced,
            &["modifiers", "distanced"],
            true,
        );
    }
    let mut interval = s.interval;
    if let Some(st) = &def.stance {
        set(&mut s.prior, st.prior, &["stance", "prior"], false);
        set(&mut s.framing, st.framing, &["stance", "framing"], true);
        set(&mut interval, st.interval, &["stance", "interval"], false);
    }
    set(
        &mut s.min_evidence,
        def.min_evidence,
        &["min_evidence"],
        false,
    );
    set(
        &mut s.min_quote_words,
        def.min_quote_words,
        &["min_quote_words"],
        false,
    );
    if let Some(st) = &def.stance {
        if interval > 0.0 && interval < 1.0 {
            s.interval = interval;
        } else if st.interval.is_some_and(|v| v.is_finite() && v >= 0.0) {
            diags.push(
                Diagnostic::error(
                    origin,
                    vec![
                        Seg::key("scoring"),
                        Seg::key("stance"),
                        Seg::key("interval"),
                    ],
                    format!("`stance.interval` must be between 0 and 1, found {interval}"),
                )
                .hint("0.9 gives a 90% interval"),
            );
        }
        for (field, value) in [("terms", st.terms), ("quotes", st.quotes)] {
            if value.is_some() {
                diags.push(
                    Diagnostic::warning(
                        origin,
                        vec![Seg::key("scoring"), Seg::key("stance"), Seg::key(field)],
                        format!("`stance.{field}` is no longer used: stance comes from loaded terms only, and who is quoted is shown apart"),
                    )
                    .hint("remove it; `stance.prior` sets how strongly thin evidence is pulled toward 0"),
                );
            }
        }
    }
    s
}
