//! Term matching: every lexicon term compiled into one trie (or, for huge lexicons, one
//! Aho-Corasick automaton).
//!
//! Semantics (the contract the tests check): matching runs on the normalized text (see
//! `text::normalize`), so it is case-insensitive and typography-insensitive; a hit must be
//! a whole word or phrase (the characters just outside it are not letters or digits, where
//! the term's own edge is one); hits never overlap, and among the hits that satisfy the
//! word-boundary rule the leftmost wins, then the longest. Hyphens and spaces between a
//! term's words match each other (`lexicon::term_forms`), and a phrase never runs over a
//! paragraph break. `case_sensitive` variants additionally require the original text to
//! match the term's letters exactly. Regex `patterns` obey the same boundary rule and
//! compete with terms leftmost-longest.
//!
//! The files: `forms.rs` (the surface forms and the checks on a match), `boundary.rs`
//! (word boundaries), `trie.rs` (the fast path: one dense trie, a hash filter and a scan
//! that skips most positions), `automaton.rs` (the fallback for lexicons whose trie would
//! be too large), `reference.rs` ([`reference_find`], the slow, obviously-correct version
//! the tests compare against), and this one: building the matcher and merging regex hits.

mod automaton;
mod boundary;
mod forms;
mod reference;
mod trie;

pub use forms::RawHit;
pub use reference::reference_find;

use regex::{Regex, RegexBuilder};

use self::automaton::Automata;
use self::boundary::{left_ok, right_ok};
use self::forms::{Forms, PatternRef};
use self::trie::Trie;
use crate::lexicon::term_forms;
use crate::lexicon::{Concept, Lexicon};
use crate::scan::{Fast, Kernels};
use crate::text::normalize::Normalized;

/// The compiled matcher for one lexicon.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// The fast path: all forms in one dense trie (absent for lexicons too large for it).
    trie: Option<Trie>,
    /// The fallback for lexicons whose trie table would be too large.
    automata: Option<Automata>,
    forms: Forms,
    regexes: Vec<(Regex, usize, usize)>,
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

/// The lexicon's concepts with their indices in the order their forms are compiled: topic
/// concepts before tone concepts, so that where a form is both, the topic term (which
/// counts for a side) is the one that matches.
fn match_order(lexicon: &Lexicon) -> impl Iterator<Item = (usize, &Concept)> {
    let all = || lexicon.concepts.iter().enumerate();
    all()
        .filter(|(_, c)| !c.tone)
        .chain(all().filter(|(_, c)| c.tone))
}

/// Largest dense trie table, in entries (4 bytes each); larger lexicons use the automata.
const TRIE_TABLE_LIMIT: usize = 16 << 20;

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, MatcherError> {
        Matcher::with_trie_limit(lexicon, TRIE_TABLE_LIMIT)
    }

    fn with_trie_limit(lexicon: &Lexicon, trie_limit: usize) -> Result<Matcher, MatcherError> {
        let mut forms: Vec<String> = Vec::new();
        let mut written: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut regexes = Vec::new();
        for (ci, c) in match_order(lexicon) {
            for (vi, v) in c.variants.iter().enumerate() {
                for (ti, t) in v.terms.iter().enumerate() {
                    for form in term_forms(t) {
                        // The first entry of a duplicated form wins (the checker warns).
                        if form.is_empty() || !seen.insert(form.clone()) {
                            continue;
                        }
                        let multiword = form.contains(' ');
                        forms.push(form);
                        written.push(t.clone());
                        patterns.push(PatternRef {
                            concept: ci as u32,
                            variant: vi as u32,
                            term: ti as u32,
                            case_sensitive: v.case_sensitive,
                            multiword,
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
        let trie = if forms.is_empty() {
            None
        } else {
            Trie::build(&forms, trie_limit)
        };
        let automata = if forms.is_empty() || trie.is_some() {
            None
        } else {
            Some(Automata::build(&forms)?)
        };
        Ok(Matcher {
            trie,
            automata,
            forms: Forms {
                patterns,
                surface: forms,
                written,
            },
            regexes,
        })
    }

    /// Number of surface forms in the automaton.
    pub fn len(&self) -> usize {
        self.forms.surface.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.surface.is_empty() && self.regexes.is_empty()
    }

    /// All hits in `original`, whose normalized copy is `norm`, in text order.
    pub fn find(&self, original: &str, norm: &Normalized) -> Vec<RawHit> {
        self.find_with::<Fast>(original, norm)
    }

    /// [`Matcher::find`] with the kernels `K`: `Plain` and `Fast` find the same hits
    /// (`tests/scan_equivalence.rs`).
    #[doc(hidden)]
    pub fn find_with<K: Kernels>(&self, original: &str, norm: &Normalized) -> Vec<RawHit> {
        let mut hits = Vec::new();
        if let Some(trie) = &self.trie {
            trie.find::<K>(&self.forms, original, norm, &mut hits);
        } else if let Some(automata) = &self.automata {
            automata.find(&self.forms, original, norm, &mut hits);
        }
        // The original offsets, looked up in text order from where the previous hit's were.
        let mut cursor = 0;
        for hit in &mut hits {
            (hit.start, hit.end) =
                norm.original_range_seq(hit.norm_start, hit.norm_end, &mut cursor);
        }
        if !self.regexes.is_empty() {
            hits = self.merge_regex_hits(original, norm, hits);
        }
        hits
    }

    fn merge_regex_hits(&self, original: &str, norm: &Normalized, ac: Vec<RawHit>) -> Vec<RawHit> {
        let h = norm.text.as_str();
        let found = ac.len();
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
        if all.len() == found {
            // No regex hits: the term hits are already leftmost-longest and in order.
            return all;
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
    fn a_phrase_never_runs_over_a_paragraph_break() {
        let l = lex(BASIC);
        let text = "They called them illegal\n\nAliens, the next paragraph begins.";
        assert_eq!(texts(&l, text), vec!["illegal"]);
        assert_eq!(reference_find(&l, text).len(), 1);
        // A line break inside a paragraph is only whitespace.
        assert_eq!(
            texts(&l, "illegal\r\naliens and illegal \u{2029} \u{2029}aliens"),
            vec!["illegal\r\naliens", "illegal"]
        );
        assert!(boundary::crosses_blank_line("a\n \t\nb"));
        assert!(!boundary::crosses_blank_line("a\n b\nc"));
    }

    #[test]
    fn space_in_term_matches_a_hyphen_in_a_compound_modifier() {
        let l = lex(BASIC);
        assert_eq!(
            texts(&l, "the illegal-alien population"),
            vec!["illegal-alien"]
        );
        assert_eq!(
            texts(&l, "undocumented-immigrants rally"),
            vec!["undocumented-immigrants"]
        );
        // The fast path agrees with the reference on the new forms.
        let text = "illegal-alien crime and undocumented\u{2010}immigrants and illegal - aliens";
        let m = Matcher::new(&l).unwrap();
        let got: Vec<_> = m
            .find(text, &Normalized::new(text))
            .iter()
            .map(|h| (h.start, h.end, h.concept, h.variant))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got, reference_find(&l, text));
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

    /// Text built from a lexicon's own forms, mutated into near misses: capitalised or
    /// upper-cased, with letters added or removed at either end, hyphens and spaces swapped,
    /// a phrase split by a paragraph or a line break, between words, punctuation, accents
    /// and non-ASCII letters, over several 64-byte blocks.
    fn generated_text(forms: &[String], rng: &mut crate::corpus::Rng) -> String {
        const FILLER: [&str; 28] = [
            "the", "a", "said", "in", "of", "é", "Ü", "İ", "naïve", "—", "-", "'", "’", "“", "”",
            ".", ",", "\n", "2019", "ICE", "Ice", "ice", "x", "Ä°", "–", "•", "…", "‿",
        ];
        const SEPS: [&str; 11] = [
            " ",
            " ",
            " ",
            "",
            "-",
            ", ",
            "\u{a0}",
            " \u{2014} ",
            "—",
            "–",
            "…",
        ];
        let mut text = String::new();
        for _ in 0..10 + rng.below(90) {
            let word = if rng.below(3) == 0 {
                FILLER[rng.below(FILLER.len())].to_string()
            } else {
                let f = &forms[rng.below(forms.len())];
                match rng.below(16) {
                    0 => f.to_uppercase(),
                    1 => {
                        let mut c = f.chars();
                        c.next()
                            .map_or(String::new(), |x| x.to_uppercase().chain(c).collect())
                    }
                    2 => format!("{f}s"),
                    3 => format!("x{f}"),
                    4 => f.chars().skip(1).collect(),
                    5 => {
                        let mut c = f.chars();
                        c.next_back();
                        c.collect()
                    }
                    6 => f.replace(' ', "-"),
                    7 => f.replace('-', " "),
                    // A phrase broken by a paragraph break (never a match), or by a line
                    // break inside a paragraph (still one).
                    12 if f.contains(' ') => f.replacen(' ', "\n \n", 1),
                    13 if f.contains(' ') => f.replacen(' ', "\r\n", 1),
                    8 => format!("{f}é"),
                    9 => format!("é{f}"),
                    10 => format!("Ü{f}"),
                    _ => f.clone(),
                }
            };
            text.push_str(&word);
            text.push_str(SEPS[rng.below(SEPS.len())]);
        }
        text
    }

    #[test]
    fn trie_agrees_on_forms_with_long_shared_chains() {
        // Chains longer than a label holds (255 bytes), branching after them, and forms
        // ending inside another's chain.
        let long = "wall ".repeat(60);
        let terms = format!(
            "[\"{long}end\", \"{long}ends\", \"{long}x\", \"{}\", \"wall wall\", \"illegal\"]",
            long.trim_end()
        );
        let l = lex(&format!(
            "{BASIC}  - id: long\n    variants:\n      - {{terms: {terms}, side: a}}\n"
        ));
        check_paths_agree(&l, 100, 17);
    }

    #[test]
    fn sequential_original_ranges_agree_with_the_binary_search() {
        let l = Lexicon::default_lexicon().unwrap();
        let m = Matcher::new(&l).unwrap();
        let mut rng = crate::corpus::Rng::new(5);
        for _ in 0..200 {
            let text = generated_text(&m.forms.surface, &mut rng);
            let n = Normalized::new(&text);
            let len = n.text.len();
            let mut cursor = 0;
            let mut s = 0;
            while s < len {
                // Mostly forward, in small and large steps, sometimes backwards.
                let e = (s + 1 + rng.below(12)).min(len);
                if n.text.is_char_boundary(s) && n.text.is_char_boundary(e) {
                    let want = n.original_range(s, e);
                    assert_eq!(n.original_range_seq(s, e, &mut cursor), want, "{text}");
                }
                s = match rng.below(10) {
                    0 => s / 2,
                    1 => e + rng.below(300),
                    _ => e + rng.below(4),
                };
            }
        }
    }

    /// The trie path, the automaton path it replaces for large lexicons, and the reference
    /// all agree.
    fn check_paths_agree(l: &Lexicon, texts: usize, seed: u64) {
        let m = Matcher::new(l).unwrap();
        assert!(m.trie.is_some());
        let ac = Matcher::with_trie_limit(l, 0).unwrap();
        assert!(ac.trie.is_none() && ac.automata.is_some());
        let mut rng = crate::corpus::Rng::new(seed);
        let mut total_hits = 0;
        for _ in 0..texts {
            let text = generated_text(&m.forms.surface, &mut rng);
            let n = Normalized::new(&text);
            let got = m.find(&text, &n);
            assert_eq!(got, ac.find(&text, &n), "text: {text}");
            let got: Vec<_> = got
                .iter()
                .map(|h| (h.start, h.end, h.concept, h.variant))
                .collect();
            assert_eq!(got, reference_find(l, &text), "text: {text}");
            total_hits += got.len();
        }
        assert!(total_hits > texts, "the generated text should match often");
    }

    #[test]
    fn trie_agrees_with_automata_and_reference_on_the_default_lexicon() {
        let l = Lexicon::default_lexicon().unwrap();
        check_paths_agree(&l, 150, 7);
    }

    #[test]
    fn trie_agrees_with_automata_and_reference_on_odd_forms() {
        // Forms that start with punctuation (no fast 64-byte path), keys of two segments
        // split by '.', '\'' or '-', digits, accents, case-sensitive variants and regexes.
        let odd = "  - id: odd\n    variants:\n      - {terms: [u.s. border, o'brien, covid-19, naïve, x-ray, a.c.l.u., border wall, the wall, wall], side: a}\n      - {terms: [ICE, Ice Age], side: neutral, case_sensitive: true}\n      - {patterns: ['walls? of (steel|shame)'], side: b}\n";
        let l = lex(&format!("{BASIC}{odd}"));
        check_paths_agree(&l, 300, 11);
        let punct = "  - id: punct\n    variants:\n      - {terms: [\"'tis\", \"#abolishice\", \"-ish\"], side: a}\n";
        let l = lex(&format!("{BASIC}{odd}{punct}"));
        assert!(!Matcher::new(&l).unwrap().trie.unwrap().seg_starts_only);
        check_paths_agree(&l, 300, 13);
    }
}
