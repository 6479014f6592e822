//! Term matching: every lexicon term compiled into one Aho-Corasick automaton.
//!
//! Semantics (the contract the tests check): matching runs on the normalized text (see
//! `normalize`), so it is case-insensitive and typography-insensitive; a hit must be a whole
//! word or phrase (the characters just outside it are not letters or digits, where the
//! term's own edge is one); hits never overlap, and among the hits that satisfy the
//! word-boundary rule the leftmost wins, then the longest. A hyphen inside a term also
//! matches a space. `case_sensitive` variants additionally require the original text to
//! match the term's letters exactly. Regex `patterns` obey the same boundary rule and
//! compete with terms leftmost-longest.
//!
//! The fast path runs a leftmost-longest DFA and accepts its hit when the boundaries hold.
//! When the right boundary fails ("illegal alienses"), a longer in-word hit would hide a
//! valid shorter one, so the matches starting at that same position are rescanned with an
//! overlapping automaton and the longest valid one is kept; when the left boundary fails,
//! no match can start there and the scan resumes one character later. This gives exactly
//! the leftmost-longest-valid result; `reference_find` is the slow, obviously-correct
//! version that the tests compare against.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::lexicon::validate::term_forms;
use crate::lexicon::Lexicon;
use crate::normalize::{is_word_char, Normalized};

/// Which lexicon entry an automaton pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PatternRef {
    concept: u32,
    variant: u32,
    term: u32,
    case_sensitive: bool,
}

/// A match, with offsets into the ORIGINAL text and into the normalized copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawHit {
    pub start: usize,
    pub end: usize,
    pub norm_start: usize,
    pub norm_end: usize,
    pub concept: usize,
    pub variant: usize,
    /// Index into the variant's `terms`, or `None` for a regex pattern hit.
    pub term: Option<usize>,
}

/// The compiled matcher for one lexicon.
#[derive(Debug, Clone)]
pub struct Matcher {
    longest: Option<AhoCorasick>,
    overlapping: Option<AhoCorasick>,
    patterns: Vec<PatternRef>,
    /// The normalized form of each automaton pattern.
    forms: Vec<String>,
    /// The term as written in the lexicon (for case-sensitive checks).
    written: Vec<String>,
    regexes: Vec<(Regex, usize, usize)>,
    max_len: usize,
}

/// Errors building the automaton (only possible with absurd lexicons).
#[derive(Debug, thiserror::Error)]
pub enum MatcherError {
    #[error("cannot build the term automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    #[error("pattern `{pattern}` of concept `{concept}`: {source}")]
    Regex {
        pattern: String,
        concept: String,
        #[source]
        source: regex::Error,
    },
}

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, MatcherError> {
        let mut forms: Vec<String> = Vec::new();
        let mut written: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut regexes = Vec::new();
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            for (vi, v) in c.variants.iter().enumerate() {
                for (ti, t) in v.terms.iter().enumerate() {
                    for form in term_forms(t) {
                        // The first entry of a duplicated form wins (the checker warns).
                        if form.is_empty() || !seen.insert(form.clone()) {
                            continue;
                        }
                        forms.push(form);
                        written.push(t.clone());
                        patterns.push(PatternRef {
                            concept: ci as u32,
                            variant: vi as u32,
                            term: ti as u32,
                            case_sensitive: v.case_sensitive,
                        });
                    }
                }
                for p in &v.patterns {
                    let re = RegexBuilder::new(p)
                        .case_insensitive(!v.case_sensitive)
                        .size_limit(lexicon.limits.regex_size_limit)
                        .build()
                        .map_err(|source| MatcherError::Regex {
                            pattern: p.clone(),
                            concept: c.id.clone(),
                            source,
                        })?;
                    regexes.push((re, ci, vi));
                }
            }
        }
        let max_len = forms.iter().map(String::len).max().unwrap_or(0);
        let (longest, overlapping) = if forms.is_empty() {
            (None, None)
        } else {
            let longest = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&forms)
                .or_else(|_| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::LeftmostLongest)
                        .build(&forms)
                })?;
            let overlapping = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(&forms)?;
            (Some(longest), Some(overlapping))
        };
        Ok(Matcher {
            longest,
            overlapping,
            patterns,
            forms,
            written,
            regexes,
            max_len,
        })
    }

    /// Number of surface forms in the automaton.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty() && self.regexes.is_empty()
    }

    /// All hits in `original`, whose normalized copy is `norm`, in text order.
    pub fn find(&self, original: &str, norm: &Normalized) -> Vec<RawHit> {
        let h = norm.text.as_str();
        let mut hits = Vec::new();
        if let (Some(longest), Some(overlapping)) = (&self.longest, &self.overlapping) {
            let mut pos = 0;
            while pos < h.len() {
                let Some(m) = longest.find(Input::new(h).span(pos..h.len())) else {
                    break;
                };
                let s = m.start();
                if !left_ok(h, s) {
                    pos = next_boundary(h, s);
                    continue;
                }
                if self.valid(original, norm, m.pattern().as_usize(), s, m.end()) {
                    hits.push(self.hit(norm, m.pattern().as_usize(), s, m.end()));
                    pos = m.end();
                    continue;
                }
                // Rescan: the longest valid match that starts at `s`.
                let window_end = (s + self.max_len).min(h.len());
                let mut best: Option<(usize, usize)> = None;
                for om in overlapping.find_overlapping_iter(Input::new(h).span(s..window_end)) {
                    if om.start() != s {
                        continue;
                    }
                    let p = om.pattern().as_usize();
                    if best.is_none_or(|(_, e)| om.end() > e)
                        && self.valid(original, norm, p, s, om.end())
                    {
                        best = Some((p, om.end()));
                    }
                }
                match best {
                    Some((p, e)) => {
                        hits.push(self.hit(norm, p, s, e));
                        pos = e;
                    }
                    None => pos = next_boundary(h, s),
                }
            }
        }
        if !self.regexes.is_empty() {
            hits = self.merge_regex_hits(original, norm, hits);
        }
        hits
    }

    fn valid(&self, original: &str, norm: &Normalized, p: usize, s: usize, e: usize) -> bool {
        if !right_ok(&norm.text, e) {
            return false;
        }
        let pr = self.patterns[p];
        if pr.case_sensitive {
            let (os, oe) = norm.original_range(s, e);
            return same_letters(&original[os..oe], &self.written[p]);
        }
        true
    }

    fn hit(&self, norm: &Normalized, p: usize, s: usize, e: usize) -> RawHit {
        let pr = self.patterns[p];
        let (start, end) = norm.original_range(s, e);
        RawHit {
            start,
            end,
            norm_start: s,
            norm_end: e,
            concept: pr.concept as usize,
            variant: pr.variant as usize,
            term: Some(pr.term as usize),
        }
    }

    fn merge_regex_hits(&self, original: &str, norm: &Normalized, ac: Vec<RawHit>) -> Vec<RawHit> {
        let h = norm.text.as_str();
        let mut all = ac;
        for (re, ci, vi) in &self.regexes {
            // Case-sensitive patterns run on the original text's letters: we approximate by
            // running on the normalized text and checking the original slice.
            for m in re.find_iter(h) {
                if m.start() == m.end() || !left_ok(h, m.start()) || !right_ok(h, m.end()) {
                    continue;
                }
                let (start, end) = norm.original_range(m.start(), m.end());
                let _ = original;
                all.push(RawHit {
                    start,
                    end,
                    norm_start: m.start(),
                    norm_end: m.end(),
                    concept: *ci,
                    variant: *vi,
                    term: None,
                });
            }
        }
        select_leftmost_longest(all)
    }
}

/// Greedy leftmost-longest selection of non-overlapping hits.
fn select_leftmost_longest(mut hits: Vec<RawHit>) -> Vec<RawHit> {
    hits.sort_by(|a, b| {
        a.norm_start
            .cmp(&b.norm_start)
            .then(b.norm_end.cmp(&a.norm_end))
            .then(a.term.is_none().cmp(&b.term.is_none()))
    });
    let mut out: Vec<RawHit> = Vec::with_capacity(hits.len());
    for h in hits {
        if out.last().is_none_or(|l| h.norm_start >= l.norm_end) {
            out.push(h);
        }
    }
    out
}

/// The letters and digits of `s`, as written (case kept).
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| is_word_char(*c))
}

/// For case-sensitive variants: the original text must spell the term's letters with the
/// same case as the lexicon writes them ("ICE" matches ICE, not ice or Ice).
fn same_letters(text: &str, term: &str) -> bool {
    letters(text).eq(letters(term))
}

fn char_before(h: &str, i: usize) -> Option<char> {
    h[..i].chars().next_back()
}

fn char_at(h: &str, i: usize) -> Option<char> {
    h[i..].chars().next()
}

/// A match may start at `i` if it does not continue a word.
#[inline]
fn left_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

/// A match may end at `i` if the word does not continue.
#[inline]
fn right_ok(h: &str, i: usize) -> bool {
    match (char_before(h, i), char_at(h, i)) {
        (Some(p), Some(c)) => !(is_word_char(p) && is_word_char(c)),
        _ => true,
    }
}

fn next_boundary(h: &str, i: usize) -> usize {
    i + char_at(h, i).map_or(1, char::len_utf8)
}

/// The matching semantics written the slow, obvious way: try every term form at every
/// character position, keep those with word boundaries, then take leftmost-longest greedily.
/// Used by tests (and benchmarks) to check the automaton path.
pub fn reference_find(lexicon: &Lexicon, original: &str) -> Vec<(usize, usize, usize, usize)> {
    let norm = Normalized::new(original);
    let h = norm.text.as_str();
    let mut seen = std::collections::HashSet::new();
    let mut forms = Vec::new();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        for (vi, v) in c.variants.iter().enumerate() {
            for t in &v.terms {
                for f in term_forms(t) {
                    if !f.is_empty() && seen.insert(f.clone()) {
                        forms.push((f, ci, vi, v.case_sensitive, t.clone()));
                    }
                }
            }
        }
    }
    let mut cands = Vec::new();
    for (i, _) in h.char_indices() {
        for (f, ci, vi, cs, t) in &forms {
            if h[i..].starts_with(f.as_str()) && left_ok(h, i) && right_ok(h, i + f.len()) {
                if *cs {
                    let (os, oe) = norm.original_range(i, i + f.len());
                    if !same_letters(&original[os..oe], t) {
                        continue;
                    }
                }
                cands.push((i, i + f.len(), *ci, *vi));
            }
        }
    }
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize, usize, usize)> = Vec::new();
    for c in cands {
        if out.last().is_none_or(|l| c.0 >= l.1) {
            out.push(c);
        }
    }
    out.into_iter()
        .map(|(s, e, c, v)| {
            let (os, oe) = norm.original_range(s, e);
            (os, oe, c, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, Limits};

    fn lex(concepts: &str) -> Lexicon {
        let yaml = format!(
            "name: t\nversion: '1'\nsides:\n  - {{id: a, label: A, color: '#0072B2'}}\n  - {{id: b, label: B, color: '#D55E00'}}\nconcepts:\n{concepts}"
        );
        Lexicon::from_yaml("test.yaml", &yaml, Limits::default()).unwrap()
    }

    fn texts(l: &Lexicon, text: &str) -> Vec<String> {
        let m = Matcher::new(l).unwrap();
        let n = Normalized::new(text);
        m.find(text, &n)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    const BASIC: &str = "  - id: people\n    variants:\n      - {terms: [illegal alien, illegal aliens, illegals], side: b}\n      - {terms: [immigrant, immigrants, undocumented immigrants], side: a}\n      - {terms: [illegal], side: b, weight: 0.5}\n  - id: sense\n    variants:\n      - {terms: [common-sense laws], side: a}\n";

    #[test]
    fn case_insensitive_whole_words() {
        let l = lex(BASIC);
        assert_eq!(
            texts(&l, "ILLEGAL ALIENS and Immigrants"),
            vec!["ILLEGAL ALIENS", "Immigrants"]
        );
        // No match inside words.
        assert!(texts(&l, "immigrantsx nonimmigrant").is_empty());
    }

    #[test]
    fn longest_wins_and_hits_do_not_overlap() {
        let l = lex(BASIC);
        assert_eq!(
            texts(&l, "the undocumented immigrants"),
            vec!["undocumented immigrants"]
        );
    }

    #[test]
    fn longer_in_word_hit_does_not_hide_a_valid_shorter_one() {
        let l = lex(BASIC);
        // "illegal alien" fails the right boundary inside "alienses"; "illegal" is valid.
        assert_eq!(texts(&l, "illegal alienses"), vec!["illegal"]);
        // A failed left boundary skips ahead without losing later hits.
        assert_eq!(texts(&l, "xillegal immigrants"), vec!["immigrants"]);
    }

    #[test]
    fn typography_is_normalized_and_offsets_point_into_original() {
        let l = lex(BASIC);
        let text = "“Illegal\u{00A0}aliens” — ille\u{00AD}gals";
        assert_eq!(
            texts(&l, text),
            vec!["Illegal\u{00A0}aliens", "ille\u{00AD}gals"]
        );
    }

    #[test]
    fn hyphen_in_term_matches_space_but_not_em_dash() {
        let l = lex(BASIC);
        assert_eq!(texts(&l, "common sense laws"), vec!["common sense laws"]);
        assert_eq!(texts(&l, "common-sense laws"), vec!["common-sense laws"]);
        assert_eq!(texts(&l, "common‐sense laws"), vec!["common‐sense laws"]);
        assert!(texts(&l, "common—sense laws").is_empty());
    }

    #[test]
    fn a_match_never_ends_between_a_letter_and_its_accent() {
        let l = lex("  - id: t\n    variants:\n      - {terms: [taksi, cafe], side: a}\n");
        // "İ" lowercases to "i\u{307}"; decomposed "é" is "e\u{301}".
        assert!(texts(&l, "TAKSİ and cafe\u{301}").is_empty());
        assert_eq!(texts(&l, "TAKSI, cafe."), vec!["TAKSI", "cafe"]);
    }

    #[test]
    fn case_sensitive_variant_requires_capitals() {
        let l = lex("  - id: agency\n    variants:\n      - {terms: [ICE], side: neutral, case_sensitive: true}\n");
        assert_eq!(texts(&l, "ICE agents on thin ice, Ice"), vec!["ICE"]);
    }

    #[test]
    fn regex_patterns_compete_leftmost_longest() {
        let l = lex("  - id: flood\n    variants:\n      - {terms: [flood], side: b}\n      - {patterns: ['flood(s|ing)? of (migrants|immigrants)'], side: b, weight: 2}\n");
        assert_eq!(
            texts(&l, "a flood of migrants, a flood"),
            vec!["flood of migrants", "flood"]
        );
    }

    /// Deterministic pseudo-random text over a small alphabet, compared with the reference.
    #[test]
    fn automaton_agrees_with_reference_on_generated_text() {
        let l = lex(BASIC);
        let m = Matcher::new(&l).unwrap();
        let words = [
            "illegal",
            "alien",
            "aliens",
            "alienses",
            "immigrant",
            "immigrants",
            "undocumented",
            "illegals",
            "x",
            "common",
            "sense",
            "laws",
            "-",
            "—",
            "“",
            "’s",
            "Ü",
            "illegalx",
        ];
        let mut rng = crate::corpus::Rng::new(1);
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..30 {
                let state = rng.next_u64();
                text.push_str(words[(state % words.len() as u64) as usize]);
                if state & 0x300 != 0 {
                    text.push(' ');
                }
            }
            let n = Normalized::new(&text);
            let got: Vec<_> = m
                .find(&text, &n)
                .iter()
                .map(|h| (h.start, h.end, h.concept, h.variant))
                .collect();
            assert_eq!(got, reference_find(&l, &text), "text: {text}");
        }
    }
}
