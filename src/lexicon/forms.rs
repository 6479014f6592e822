//! Term forms: the surface forms one lexicon term matches. A term is normalized like the
//! text it runs on (case, curly quotes, Unicode hyphens, spaces), and a hyphen inside a
//! term also matches a space ("common-sense" finds "common sense").
//!
//! The lexicon owns this rule: the matcher compiles these forms, validation warns when two
//! terms share one, and coverage maps a hit back to the term that produced it.

use crate::text::normalize::normalize_term;

/// Expand a term into the forms it matches: a hyphen inside a term also matches a space.
pub fn term_forms(term: &str) -> Vec<String> {
    let norm = normalize_term(term);
    let mut forms = vec![norm.clone()];
    if norm.contains('-') {
        let spaced = norm.replace('-', " ");
        if !spaced.trim().is_empty() && spaced.split_whitespace().count() > 1 {
            forms.push(spaced.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_terms_also_match_spaces() {
        assert_eq!(
            term_forms("Common-Sense"),
            vec!["common-sense", "common sense"]
        );
        assert_eq!(term_forms("common sense"), vec!["common sense"]);
        assert_eq!(
            term_forms("“So-called”"),
            vec!["\"so-called\"", "\"so called\""]
        );
    }
}
