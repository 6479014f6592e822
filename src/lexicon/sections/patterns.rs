//! Checking the `patterns:` of a variant: under the size limit, a valid regex within the
//! compiled-size limit, not matching the empty string, and able to match at all on the
//! normalized, lower-cased text patterns run on.

use super::origins::At;
use crate::lexicon::diagnostic::{Diagnostic, Seg};
use crate::lexicon::model::Limits;
use crate::lexicon::schema::VariantDef;

/// Check every pattern of `v`; `vat` gives the origin and path of a field below the
/// variant.
pub(super) fn check_patterns(
    v: &VariantDef,
    limits: Limits,
    vat: &dyn Fn(Vec<Seg>) -> At,
    diags: &mut Vec<Diagnostic>,
) {
    for (pi, p) in v.patterns.iter().enumerate() {
        let (org, path) = vat(vec![Seg::key("patterns"), Seg::Index(pi)]);
        if p.len() > limits.max_pattern_bytes {
            diags.push(
                Diagnostic::error(
                    &org,
                    path,
                    format!(
                        "pattern is {} bytes, over the {}-byte limit",
                        p.len(),
                        limits.max_pattern_bytes
                    ),
                )
                .hint("split it into several terms, or raise the limit with --max-pattern-bytes"),
            );
            continue;
        }
        match regex::RegexBuilder::new(p)
            .case_insensitive(true)
            .size_limit(limits.regex_size_limit)
            .build()
        {
            Ok(re) => {
                if re.is_match("") {
                    diags.push(Diagnostic::error(&org, path, format!("pattern `{p}` matches the empty string")).hint("make at least one part of the pattern required, e.g. `+` instead of `*`"));
                } else if only_empty_matches(p) {
                    diags.push(Diagnostic::error(&org, path, format!("pattern `{p}` only matches empty text (a boundary or an anchor), so it can never produce a hit")).hint("add the words it should find, e.g. `\\bcaravans?\\b`"));
                } else if let Some(c) = p.chars().find(|c| changed_by_normalization(*c)) {
                    diags.push(Diagnostic::warning(&org, path, format!("pattern `{p}` contains `{c}` (U+{:04X}), which never occurs in the text patterns run on: curly quotes, Unicode hyphens and special spaces are normalized to `'`, `\"`, `-` and a space first", c as u32)).hint("write the plain character (`'`, `\"`, `-` or a space) instead"));
                } else if v.case_sensitive && !p.contains("(?i") && has_literal_capital(p) {
                    diags.push(Diagnostic::warning(&org, path, format!("pattern `{p}` can never match: patterns run on lower-cased text, and `case_sensitive: true` keeps its capitals from matching it")).hint("write the pattern in lower case, or drop `case_sensitive` (it only works for `terms`)"));
                }
            }
            Err(regex::Error::CompiledTooBig(n)) => {
                diags.push(Diagnostic::error(&org, path, format!("pattern compiles to more than {n} bytes")).hint("simplify the pattern (fewer repetitions like {1000}), or raise the limit with --max-regex-bytes"));
            }
            Err(e) => {
                let first = e.to_string().lines().last().unwrap_or("").to_string();
                diags.push(Diagnostic::error(&org, path, format!("invalid regex `{p}`: {first}")).hint("patterns use Rust regex syntax (https://docs.rs/regex); escape literal characters like `.` and `(` with a backslash"));
            }
        }
    }
}

/// True when every match of `p` is empty (`\b`, `^`, `(?:)\B`): such a pattern passes the
/// "matches the empty string" test on "" yet finds nothing anywhere.
fn only_empty_matches(p: &str) -> bool {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(p)
        .is_ok_and(|hir| hir.properties().maximum_len() == Some(0))
}

/// Characters the text normalization replaces or removes, so a pattern containing them
/// can never match.
fn changed_by_normalization(c: char) -> bool {
    c != ' ' && c != '\t' && c != '\n' && {
        let s = c.to_string();
        let n = crate::text::normalize::Normalized::new(&s).text;
        n != s && n != s.to_lowercase()
    }
}

/// True when a regex has an upper-case letter outside escapes such as `\S` or `\p{Lu}`.
fn has_literal_capital(p: &str) -> bool {
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(e) = chars.next() {
                if matches!(e, 'p' | 'P') && chars.clone().next() == Some('{') {
                    for x in chars.by_ref() {
                        if x == '}' {
                            break;
                        }
                    }
                }
            }
            continue;
        }
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_that_normalization_makes_unmatchable() {
        assert!(changed_by_normalization('’'));
        assert!(changed_by_normalization('\u{00A0}'));
        assert!(changed_by_normalization('\u{2010}'));
        assert!(!changed_by_normalization('A'), "case is handled separately");
        assert!(!changed_by_normalization('—'), "em dashes are kept");
        assert!(!changed_by_normalization('é'));
        assert!(has_literal_capital("ICE agents?"));
        assert!(!has_literal_capital(r"\S+ \p{Lu}\w*\B"));
        assert!(only_empty_matches(r"\b"));
        assert!(only_empty_matches(r"^\b$"));
        assert!(!only_empty_matches(r"\bcaravans?\b"));
        assert!(
            !only_empty_matches(r"a*"),
            "matches the empty string, and more"
        );
    }
}
