//! Term forms: the surface forms one lexicon term matches. A term is normalized like the
//! text it runs on (case, curly quotes, Unicode hyphens, spaces), and the hyphens and
//! spaces between its words match each other: "common-sense" finds "common sense", and
//! "illegal immigrant" finds the compound modifier in "illegal-immigrant population".
//!
//! The lexicon owns this rule: the matcher compiles these forms, validation warns when two
//! terms share one, and coverage maps a hit back to the term that produced it.

use crate::text::normalize::normalize_term;

/// Expand a term into the forms it matches: the term as written, then every hyphen between
/// its words read as a space, then every space read as a hyphen (each only when it differs).
/// Mixed spellings ("open-borders crowd" written "open borders-crowd") are not generated:
/// the spellings writers use are the written, the all-spaced and the all-hyphenated one.
pub fn term_forms(term: &str) -> Vec<String> {
    let norm = normalize_term(term);
    let mut forms = vec![norm.clone()];
    let words: Vec<&str> = norm.split(['-', ' ']).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 {
        for joined in [words.join(" "), words.join("-")] {
            if !forms.contains(&joined) {
                forms.push(joined);
            }
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_and_spaces_between_words_match_each_other() {
        assert_eq!(
            term_forms("Common-Sense"),
            vec!["common-sense", "common sense"]
        );
        assert_eq!(
            term_forms("illegal immigrant"),
            vec!["illegal immigrant", "illegal-immigrant"]
        );
        assert_eq!(
            term_forms("open-borders crowd"),
            vec![
                "open-borders crowd",
                "open borders crowd",
                "open-borders-crowd"
            ]
        );
        assert_eq!(
            term_forms("“So-called”"),
            vec!["\"so-called\"", "\"so called\""]
        );
    }

    #[test]
    fn a_single_word_has_one_form() {
        assert_eq!(term_forms("Illegals"), vec!["illegals"]);
        // A leading or trailing hyphen is not between words.
        assert_eq!(term_forms("anti-"), vec!["anti-"]);
    }
}
