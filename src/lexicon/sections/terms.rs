//! Checking the `terms:` of a variant: no empty term, no term without a letter or digit,
//! and no two terms (anywhere in the lexicon) with the same surface form, since only the
//! first could ever match it. A tone concept's term may share a form with a topic concept's:
//! the topic term matches it (the matcher compiles topic concepts first), without a
//! warning. Forms come from [`term_forms`], so a hyphenated term and its spaced twin collide
//! too.

use std::collections::HashMap;

use super::origins::{At, Origins};
use crate::lexicon::diagnostic::{Diagnostic, Seg};
use crate::lexicon::forms::term_forms;
use crate::lexicon::schema::VariantDef;

/// The first term that claimed a normalized surface form.
struct SeenForm {
    concept: usize,
    variant: usize,
    term: usize,
    written: String,
    /// The form is the spaced reading of a hyphenated term.
    spaced: bool,
}

/// Every surface form seen so far in the lexicon, and the term that claimed it first.
#[derive(Default)]
pub(super) struct SeenForms {
    forms: HashMap<String, SeenForm>,
}

impl SeenForms {
    /// Check the terms of variant `vi` of concept `ci`; `vat` gives the origin and path of
    /// a field below the variant.
    pub(super) fn check_terms(
        &mut self,
        o: &Origins,
        (ci, vi): (usize, usize),
        v: &VariantDef,
        vat: &dyn Fn(Vec<Seg>) -> At,
        diags: &mut Vec<Diagnostic>,
    ) {
        let file = o.file;
        let forms_seen = &mut self.forms;
        for (ti, t) in v.terms.iter().enumerate() {
            let tat = || vat(vec![Seg::key("terms"), Seg::Index(ti)]);
            let forms = term_forms(t);
            if forms[0].is_empty() {
                let (org, path) = tat();
                diags.push(
                    Diagnostic::error(&org, path, "empty term")
                        .hint("remove the empty entry or write the word"),
                );
                continue;
            }
            if !forms[0].chars().any(crate::text::words::is_word_char) {
                let (org, path) = tat();
                diags.push(
                    Diagnostic::error(
                        &org,
                        path,
                        format!("term `{t}` has no letters or digits and would match punctuation"),
                    )
                    .hint("terms are words or phrases; use `patterns` for anything else"),
                );
                continue;
            }
            for (fi, form) in forms.iter().enumerate() {
                // A topic term and a tone term may share a form on purpose (a word that is
                // loaded for a side and charged too): the topic term matches it, silently.
                if let Some(first) = forms_seen.get(form) {
                    let (first_tone, this_tone) =
                        (file.concepts[first.concept].tone, file.concepts[ci].tone);
                    if first_tone && !this_tone {
                        forms_seen.remove(form);
                    } else if this_tone && !first_tone {
                        continue;
                    }
                }
                let Some(first) = forms_seen.get(form) else {
                    forms_seen.insert(
                        form.clone(),
                        SeenForm {
                            concept: ci,
                            variant: vi,
                            term: ti,
                            written: t.clone(),
                            spaced: fi > 0,
                        },
                    );
                    continue;
                };
                let (org, path) = tat();
                let (rorg, rpath) = o.concept(
                    first.concept,
                    vec![
                        Seg::key("variants"),
                        Seg::Index(first.variant),
                        Seg::key("terms"),
                        Seg::Index(first.term),
                    ],
                );
                let fc = &file.concepts[first.concept];
                let fv = &fc.variants[first.variant];
                let same_variant = first.concept == ci && first.variant == vi;
                let flabel = fv
                    .label
                    .clone()
                    .or_else(|| fv.terms.first().cloned())
                    .unwrap_or_default();
                let fside = match fv.side.trim() {
                    "" => String::new(),
                    side => format!(" ({side})"),
                };
                let place = if same_variant {
                    "in this variant".to_string()
                } else if first.concept == ci {
                    format!("in variant “{flabel}”{fside} of this concept")
                } else {
                    format!("under concept `{}`, variant “{flabel}”{fside}", fc.id)
                };
                let pt = &first.written;
                let (msg, hint) = if fi > 0 || first.spaced {
                    (
                        format!("`{t}` and `{pt}` ({place}) match the same words, because hyphens and spaces between a term's words match each other; only the first can ever match `{form}`"),
                        "keep one spelling: a term already covers its hyphenated and spaced twins",
                    )
                } else if (v.case_sensitive || fv.case_sensitive) && t != pt {
                    (
                        format!("`{t}` and `{pt}` ({place}) differ only in capitals; the matcher keeps one entry per lower-cased spelling, so `{t}` can never match"),
                        "a case-sensitive term and its other-case twin cannot live in different variants; keep one, or merge the variants",
                    )
                } else if t != pt {
                    (
                        format!("term `{t}` is the same as `{pt}` ({place}) once capitals, curly quotes, hyphens and spaces are normalized, so it can never match"),
                        "matching ignores case and typography; remove one of the two",
                    )
                } else if same_variant {
                    (
                        format!("term `{t}` is listed twice in this variant"),
                        "remove the second copy",
                    )
                } else {
                    (
                        format!(
                            "term `{t}` is already listed {place}; only the first can ever match"
                        ),
                        "keep each term in exactly one variant: delete it here or there",
                    )
                };
                diags.push(
                    Diagnostic::warning(&org, path, msg)
                        .hint(hint)
                        .related(&rorg, rpath),
                );
                // One warning per term, even when several of its forms collide.
                break;
            }
        }
    }
}
