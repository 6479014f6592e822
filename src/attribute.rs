//! Attribution of term hits: whose voice a loaded word is in, and what modifies it.
//!
//! A hit inside a speech quotation is `quoted` and carries that quotation's speaker (a
//! label a named speaker is reported to use, "X called them “criminal aliens”", is such a
//! quotation); a hit inside reported speech ("X told reporters that …", "…, X said") is
//! `reported`, with that speaker; a hit inside a term quotation with no user (scare quotes)
//! is `scare_quoted`; anything else is the `narrator`'s, the outlet's own words. Two
//! modifiers are read from the words just before the hit (within its clause): `negated`
//! (a negator that governs the term itself: "not illegal", "no amnesty", "never an
//! invasion", not "did not release the illegal aliens") and `distanced` ("so-called",
//! "self-styled", "what critics call"; never for a speaker's own quoted label). Scare quotes
//! and distancing move the hit to the side its concept's `scare_quoted` rule names (by
//! default the opposite of the variant's side). The factors come from the lexicon's
//! `scoring` section, so every contribution is `weight × voice × modifiers`.

use std::sync::OnceLock;

use regex::Regex;

use crate::lexicon::{Lexicon, ScareQuoted, SideRef};
use crate::matcher::RawHit;
use crate::quotes::{Quote, QuoteKind, Reported, Rule};
use crate::scan::classes::is_ascii_space;
use crate::scan::{Fast, Kernels};
use crate::text::lines::line_cols_with;
use crate::text::normalize::Normalized;
use crate::text::words::clause_words;

/// Whose words a term is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// The outlet's own words.
    Narrator,
    /// Inside a speech quotation: the speaker's words.
    Quoted,
    /// Inside reported speech ("X said that …", "…, X said"): the speaker's claim in the
    /// outlet's paraphrase.
    Reported,
    /// Inside scare quotes or a coined label with no user.
    ScareQuoted,
}

impl Voice {
    /// Every voice, in declaration order (`Voice::ALL[v as usize] == v`).
    pub const ALL: [Voice; 4] = [
        Voice::Narrator,
        Voice::Quoted,
        Voice::Reported,
        Voice::ScareQuoted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Narrator => "narrator",
            Voice::Quoted => "quoted",
            Voice::Reported => "reported",
            Voice::ScareQuoted => "scare_quoted",
        }
    }
}

/// Something in the context that changes what a hit says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Modifier {
    pub kind: ModifierKind,
    /// The words that triggered it, as normalized.
    pub cue: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    Negated,
    Distanced,
    /// Part of a proper name ("We Build the Wall", the "Illegal Immigration Reform and
    /// Immigrant Responsibility Act"): the words name something and count for no side.
    InName,
}

impl ModifierKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ModifierKind::Negated => "negated",
            ModifierKind::Distanced => "distanced",
            ModifierKind::InName => "in_name",
        }
    }
}

/// Short words a title-case name leaves lowercase.
const NAME_LINKS: &[&str] = &[
    "a", "an", "the", "of", "for", "and", "in", "on", "to", "at", "by", "de", "la", "del",
];

fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The words of `s` that hold a letter (`text::words::clause_words`: numbers are not
/// words of a name and do not count toward a headline's capitals).
fn name_words(s: &str) -> impl Iterator<Item = &str> {
    clause_words(s)
        .map(move |w| &s[w.start..w.end])
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Whether the hit `original[start..end]` is written as part of a proper name: it has at
/// least two words, two or more of them capitalized and every other one a short link word
/// ("We Build the Wall"), and the line it stands on is not a headline (a line most of whose
/// words are capitalized and that does not end with a full stop, where every phrase looks
/// like a name). Single words are never taken for names ("Dreamers" and a sentence's
/// first word are capitalized anyway), nor words in capitals throughout (emphasis).
pub fn in_name(original: &str, start: usize, end: usize) -> bool {
    // Most hits are lower case: two capital letters are needed before anything else.
    if original[start..end]
        .chars()
        .filter(|c| c.is_uppercase())
        .nth(1)
        .is_none()
    {
        return false;
    }
    let words: Vec<&str> = name_words(&original[start..end]).collect();
    if words.len() < 2 {
        return false;
    }
    // Capitals throughout are emphasis ("ILLEGAL ALIENS" in a tweet), not a name.
    let shouted = |w: &&str| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    if words.iter().all(shouted) {
        return false;
    }
    let caps = words.iter().filter(|w| capitalized(w)).count();
    let links_ok = words
        .iter()
        .all(|w| capitalized(w) || NAME_LINKS.contains(&w.to_lowercase().as_str()));
    if caps < 2 || !links_ok {
        return false;
    }
    let line_start = original[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = original[end..]
        .find('\n')
        .map_or(original.len(), |i| end + i);
    let (mut all, mut up) = (0usize, 0usize);
    for w in name_words(&original[line_start..line_end]) {
        all += 1;
        up += usize::from(capitalized(w));
    }
    // A headline or a title-case line: most words capitalized and no full stop at the
    // end (a sentence naming a long law capitalizes most of its words too).
    let line = original[line_start..line_end].trim_end();
    let sentence = line
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('.');
    sentence || !(all >= 3 && up * 10 >= all * 6)
}

/// A term hit with its voice, modifiers and contribution.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHit {
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub concept: usize,
    pub variant: usize,
    /// The variant's side.
    pub side: SideRef,
    /// The variant's weight.
    pub weight: f64,
    pub voice: Voice,
    /// Index into the article's quotes, when inside one.
    pub quote: Option<usize>,
    pub speaker: Option<String>,
    pub modifiers: Vec<Modifier>,
    /// The side the hit is counted for.
    pub counted_side: SideRef,
    /// Product of the voice and modifier factors.
    pub factor: f64,
    /// `weight × factor` when counted for a side, else 0.
    pub contribution: f64,
}

fn negation_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?:\b(?:not|no|never|nor|neither|without)|n't)(?:\s+[\w'-]+){0,2}\s*[\x22']?\s*$",
        )
        .expect("valid regex")
    })
}

/// What [`negation_re`] finds in `before` (a match always runs to the end), without the
/// regex engine for ASCII text. `starts` has bit `i` set when a cue (`no`, `ne`, `wi`,
/// `n't`) starts at byte `i` in the region a match can lie in, as [`clause_scan`] finds
/// them; every match starts at one, so the leftmost of them whose cue word is whole and
/// followed by the pattern's tail is the match. The regex's classes (`\w`, `\s`, `\b`)
/// are Unicode ones, so text with any non-ASCII byte is left to the regex itself.
fn find_negation(before: &str, mut starts: u64) -> Option<&str> {
    if !before.is_ascii() {
        return negation_re().find(before).map(|m| m.as_str());
    }
    let s = before.as_bytes();
    // A cue word needs `\b` before it: the text's start or a non-word character.
    let starts_word = |p: usize| p == 0 || !(s[p - 1].is_ascii_alphanumeric() || s[p - 1] == b'_');
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        starts &= starts - 1;
        let r = &s[p..];
        let after = |cue: &[u8]| r.starts_with(cue) && negation_tail(&r[cue.len()..]);
        let found = match r {
            [b'n', b'\'', ..] => after(b"n't"),
            [b'n', b'o', ..] => starts_word(p) && (after(b"no") || after(b"not") || after(b"nor")),
            [b'n', b'e', ..] => starts_word(p) && (after(b"never") || after(b"neither")),
            [b'w', b'i', ..] => starts_word(p) && after(b"without"),
            _ => false,
        };
        if found {
            return Some(&before[p..]);
        }
    }
    None
}

/// Whether ASCII `rest` matches the negation pattern's tail, `(?:\s+[\w'-]+){0,2}\s*["']?\s*$`.
/// Taking each group as long as it goes is safe: a word run left unmatched could only be
/// a lone `'`, which a group takes as well.
fn negation_tail(rest: &[u8]) -> bool {
    // ASCII whitespace as Unicode's `\s` has it (vertical tab included).
    let space = is_ascii_space;
    let word = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-');
    let mut i = 0;
    for _ in 0..2 {
        let mut j = i;
        while j < rest.len() && space(rest[j]) {
            j += 1;
        }
        if j == i || j == rest.len() || !word(rest[j]) {
            break;
        }
        while j < rest.len() && word(rest[j]) {
            j += 1;
        }
        i = j;
    }
    while i < rest.len() && space(rest[i]) {
        i += 1;
    }
    if i < rest.len() && matches!(rest[i], b'"' | b'\'') {
        i += 1;
    }
    rest[i..].iter().all(|&c| space(c))
}

/// Words that may stand between a negator and the term it negates: articles and a few
/// intensifiers ("not an invasion", "never really an invasion"). Anything else, a verb
/// above all ("did not release the illegal aliens"), means the negator governs something
/// other than the term.
const NEGATION_GAP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "any",
    "this",
    "that",
    "such",
    "so",
    "really",
    "truly",
    "just",
    "simply",
    "merely",
    "exactly",
    "quite",
    "very",
    "actually",
    "necessarily",
    "even",
    "mere",
    "real",
    "genuine",
    "literally",
];

/// Whether a negation found before a hit (`m`, from the cue to the hit, as the negation
/// pattern matched it) negates the term itself: every word between the cue and the term
/// is one of [`NEGATION_GAP_WORDS`].
fn governs(m: &str) -> bool {
    let rest = match m.find("n't") {
        Some(i) if i == 0 || !m[..i].contains(char::is_whitespace) => &m[i + 3..],
        _ => m
            .trim_start()
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r),
    };
    rest.split_whitespace()
        .map(|w| w.trim_matches(['"', '\'']).to_ascii_lowercase())
        .filter(|w| !w.is_empty())
        .all(|w| NEGATION_GAP_WORDS.contains(&w.as_str()))
}

fn distance_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"\b(?:so[- ]called|self[- ](?:styled|described|proclaimed)|what (?:critics|opponents|supporters|advocates|some|many|they|he|she|it|others) (?:call|calls|called|term|terms|dub|dubs)|(?:the )?(?:term|label|phrase))\s*["']?\s*$"#)
            .expect("valid regex")
    })
}

/// False when [`negation_re`] cannot match `before`, found without running it: a match
/// lies within the last four whitespace-separated chunks (the negation's own, up to two
/// words, a closing quote) and contains `no` (not, no, nor), `ne` (never, neither), `wi`
/// (without) or `n't`. Chunks are split at ASCII whitespace (normalized text has no
/// other), which can only make the region searched larger. [`clause_scan`] computes the
/// same answer in the pass that finds the clause; this is its reference.
#[cfg(test)]
fn could_be_negated(before: &str) -> bool {
    let b = before.as_bytes();
    let mut from = b.len();
    for _ in 0..4 {
        while from > 0 && b[from - 1].is_ascii_whitespace() {
            from -= 1;
        }
        while from > 0 && !b[from - 1].is_ascii_whitespace() {
            from -= 1;
        }
    }
    let tail = &b[from..];
    tail.windows(2).enumerate().any(|(i, w)| match w {
        [b'n', b'o' | b'e'] | [b'w', b'i'] => true,
        [b'n', b'\''] => tail.get(i + 2) == Some(&b't'),
        _ => false,
    })
}

/// False when [`distance_re`] cannot match `before`: a match ends, but for spaces and one
/// quote mark, with one of the cue's last words.
fn could_be_distanced(before: &str) -> bool {
    let t = trim_end(before);
    let t = match t.as_bytes().last() {
        Some(b'"' | b'\'') => trim_end(&t[..t.len() - 1]),
        _ => t,
    }
    .as_bytes();
    // Dispatch on the last byte so that only a word or two is compared.
    match t.last() {
        Some(b'd') => {
            t.ends_with(b"called")
                || t.ends_with(b"styled")
                || t.ends_with(b"described")
                || t.ends_with(b"proclaimed")
        }
        Some(b'l') => t.ends_with(b"call") || t.ends_with(b"label"),
        Some(b's') => t.ends_with(b"calls") || t.ends_with(b"terms") || t.ends_with(b"dubs"),
        Some(b'm') => t.ends_with(b"term"),
        Some(b'b') => t.ends_with(b"dub"),
        Some(b'e') => t.ends_with(b"phrase"),
        _ => false,
    }
}

/// `s.trim_end()`, with the ASCII whitespace that ends nearly every clause dropped a byte
/// at a time; `str::trim_end` decodes characters to test them against Unicode's
/// whitespace, and only a non-ASCII last character still needs that.
#[inline]
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut n = b.len();
    while n > 0 && is_ascii_space(b[n - 1]) {
        n -= 1;
    }
    if n > 0 && b[n - 1] >= 0x80 {
        s[..n].trim_end()
    } else {
        &s[..n]
    }
}

/// The words before normalized offset `at`, back to the start of the clause (at most
/// 60 bytes): after the last `. ; : ! ? , ( )`, em dash or en dash. Also where in the
/// clause a negation cue could start (bit `i`: byte `i` of the clause), for
/// [`find_negation`]: the `no`, `ne`, `wi` and `n't` in the region `could_be_negated`
/// searches. None means no negation; both are found in the same pass since both are
/// needed for every hit.
#[inline]
fn clause_scan<K: Kernels>(h: &str, at: usize) -> (&str, u64) {
    let mut from = at.saturating_sub(60);
    while !h.is_char_boundary(from) {
        from += 1;
    }
    K::clause_scan(h, from, at)
}

/// The quote whose marks enclose a hit starting at `start` (quotes are sorted by offset
/// and never overlap).
pub fn containing_quote(quotes: &[Quote], start: usize) -> Option<usize> {
    let i = quotes.partition_point(|q| q.close <= start);
    let q = quotes.get(i)?;
    (q.open <= start && start < q.close).then_some(i)
}

impl TermHit {
    /// The hit as written in the article (`original` is the article's text).
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        &original[self.start..self.end]
    }
}

/// The reported-speech span holding a hit starting at `start` (spans are sorted and
/// never overlap).
pub fn containing_reported(reported: &[Reported], start: usize) -> Option<usize> {
    let i = reported.partition_point(|r| r.end <= start);
    let r = reported.get(i)?;
    (r.start <= start && start < r.end).then_some(i)
}

/// Attribute every raw hit of one article: `quotes` and `reported` are its quotations
/// and reported-speech spans.
pub fn attribute(
    lexicon: &Lexicon,
    original: &str,
    norm: &Normalized,
    raw: &[RawHit],
    quotes: &[Quote],
    reported: &[Reported],
) -> Vec<TermHit> {
    attribute_with::<Fast>(lexicon, original, norm, raw, quotes, reported)
}

/// [`attribute`] with the kernels `K`.
#[doc(hidden)]
pub fn attribute_with<K: Kernels>(
    lexicon: &Lexicon,
    original: &str,
    norm: &Normalized,
    raw: &[RawHit],
    quotes: &[Quote],
    reported: &[Reported],
) -> Vec<TermHit> {
    let sc = &lexicon.scoring;
    let positions = line_cols_with::<K, _>(original, raw.iter().map(|h| h.start));
    raw.iter()
        .zip(positions)
        .map(|(h, (line, column))| {
            let concept = &lexicon.concepts[h.concept];
            let variant = &concept.variants[h.variant];
            let q = containing_quote(quotes, h.start);
            let (voice, speaker) = match q.map(|i| &quotes[i]) {
                Some(q) if q.kind == QuoteKind::Speech => (Voice::Quoted, q.speaker.clone()),
                Some(_) => (Voice::ScareQuoted, None),
                None => match containing_reported(reported, h.start).map(|i| &reported[i]) {
                    Some(r) => (Voice::Reported, r.speaker.clone()),
                    None => (Voice::Narrator, None),
                },
            };
            // A label a named speaker is reported to use ("what X calls an “invasion”") is
            // that speaker's word with its own side: the cue before it is attribution,
            // not the outlet keeping its distance.
            let labelled = q.is_some_and(|i| quotes[i].rule == Rule::QuotedLabel);
            let (before, cue_starts) = clause_scan::<K>(&norm.text, h.norm_start);
            let mut modifiers = Vec::new();
            if !labelled && could_be_distanced(before) {
                if let Some(m) = distance_re().find(before) {
                    modifiers.push(Modifier {
                        kind: ModifierKind::Distanced,
                        cue: m
                            .as_str()
                            .trim()
                            .trim_matches(['"', '\''])
                            .trim()
                            .to_string(),
                    });
                }
            }
            if cue_starts != 0 {
                if let Some(m) = find_negation(before, cue_starts).filter(|m| governs(m)) {
                    modifiers.push(Modifier {
                        kind: ModifierKind::Negated,
                        cue: m.trim().trim_end_matches(['"', '\'']).trim().to_string(),
                    });
                }
            }
            let mut factor = match voice {
                Voice::Narrator => sc.narrator,
                Voice::Quoted => sc.quoted,
                Voice::Reported => sc.reported,
                Voice::ScareQuoted => sc.scare_quoted,
            };
            let named = in_name(original, h.start, h.end);
            if named {
                modifiers.push(Modifier {
                    kind: ModifierKind::InName,
                    cue: original[h.start..h.end].to_string(),
                });
            }
            let distanced = modifiers.iter().any(|m| m.kind == ModifierKind::Distanced);
            for m in &modifiers {
                factor *= match m.kind {
                    ModifierKind::Negated => sc.negated,
                    ModifierKind::Distanced => sc.distanced,
                    ModifierKind::InName => 1.0,
                };
            }
            let counted_side = if named {
                None
            } else if voice == Voice::ScareQuoted || distanced {
                match concept.scare_quoted {
                    ScareQuoted::Flip => lexicon.opposite(variant.side),
                    ScareQuoted::Keep => variant.side,
                    ScareQuoted::Side(s) => s,
                }
            } else {
                variant.side
            };
            let contribution = if counted_side.is_some() {
                variant.weight * factor
            } else {
                0.0
            };
            TermHit {
                start: h.start,
                end: h.end,
                line,
                column,
                concept: h.concept,
                variant: h.variant,
                side: variant.side,
                weight: variant.weight,
                voice,
                quote: q,
                speaker,
                modifiers,
                counted_side,
                factor,
                contribution,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_term_inside_a_proper_name_is_a_name() {
        let t = "Money came from We Build the Wall, a nonprofit.\nThey vowed to build the wall.";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            (s, s + w.len())
        };
        let (s, e) = at("Build the Wall");
        assert!(in_name(t, s, e));
        let (s, e) = at("build the wall");
        assert!(!in_name(t, s, e));
        // A law's name inside a sentence.
        let t = "The Illegal Immigration Reform and Immigrant Responsibility Act passed in 1996.";
        assert!(in_name(t, 4, 4 + "Illegal Immigration".len()));
        // A headline capitalizes everything: no names read there.
        let t = "Illegal Immigrants Could Elect Hillary\n\nThe story.";
        assert!(!in_name(t, 0, "Illegal Immigrants".len()));
        // Capitals throughout are emphasis.
        let t = "They released the ILLEGAL ALIENS on Friday.";
        assert!(!in_name(t, 18, 18 + "ILLEGAL ALIENS".len()));
        // A sentence's first word alone does not make a name.
        let t = "Illegal immigrants crossed the river.";
        assert!(!in_name(t, 0, "Illegal immigrants".len()));
    }

    #[test]
    fn negation_counts_only_when_it_governs_the_term() {
        // The issue's sentences: the negator governs a verb, not the term.
        assert!(!governs("not release the "));
        assert!(!governs("n't receive a "));
        // It governs the term itself.
        assert!(governs("not "));
        assert!(governs("no "));
        assert!(governs("never an "));
        assert!(governs("not really an "));
        assert!(governs("n't an "));
        assert!(governs("not \""));
        assert!(!governs("never called them "));
    }

    use super::*;
    use crate::scan::Plain;

    #[test]
    fn negation_looks_back_within_the_clause() {
        assert!(negation_re().is_match("they are not "));
        assert!(negation_re().is_match("we don't call them "));
        assert!(negation_re().is_match("there is no \""));
        assert!(!negation_re().is_match("nothing but "));
        assert!(!negation_re().is_match("they are not going to stop the "));
        assert_eq!(clause_scan::<Fast>("this is not true. the ", 22).0, " the ");
        assert_eq!(
            clause_scan::<Fast>("el salvador—who were ", 23).0,
            "who were "
        );
        assert_eq!(clause_scan::<Fast>("a – b, c (d) e", 16).0, " e");
        assert_eq!(clause_scan::<Fast>("a – b", 7).0, " b");
        // Only a whole dash counts; a window cut inside one is not a delimiter.
        let long = format!("—{}", "x".repeat(59));
        assert_eq!(clause_scan::<Fast>(&long, long.len()).0, &long[3..]);
    }

    /// Clauses made of cue words, near misses, quotes and spacing.
    fn clauses(rng: &mut crate::corpus::Rng) -> Vec<String> {
        let words = [
            "not",
            "no",
            "never",
            "nor",
            "neither",
            "without",
            "don't",
            "isn't",
            "n't",
            "so-called",
            "so",
            "called",
            "self-styled",
            "self",
            "styled",
            "described",
            "proclaimed",
            "what",
            "critics",
            "call",
            "calls",
            "term",
            "terms",
            "dub",
            "dubs",
            "the",
            "label",
            "phrase",
            "nothing",
            "know",
            "news",
            "with",
            "a",
            "\"",
            "'",
            "(not",
            "x-not",
            "not\"",
            "“",
            "ünï",
            "—",
            "-",
            "the term\"",
        ];
        let seps = [" ", "  ", "", " \" ", "\u{2003}"];
        (0..20_000)
            .map(|_| {
                let mut c = String::new();
                for _ in 0..rng.below(7) {
                    c.push_str(words[rng.below(words.len())]);
                    c.push_str(seps[rng.below(seps.len())]);
                }
                c
            })
            .collect()
    }

    #[test]
    fn the_quick_rejections_never_hide_a_cue() {
        let mut rng = crate::corpus::Rng::new(11);
        let (mut negated, mut distanced) = (0, 0);
        for c in clauses(&mut rng) {
            if negation_re().is_match(&c) {
                negated += 1;
                assert!(could_be_negated(&c), "{c:?}");
            }
            if distance_re().is_match(&c) {
                distanced += 1;
                assert!(could_be_distanced(&c), "{c:?}");
            }
        }
        // The generated clauses do exercise both cues.
        assert!(negated > 1000 && distanced > 1000, "{negated} {distanced}");
        assert!(!could_be_negated("the city's sanctuary ") && !could_be_distanced("the city "));
    }

    #[test]
    fn the_clause_pass_flags_negation_like_its_reference() {
        let mut rng = crate::corpus::Rng::new(5);
        let mut flagged = 0;
        for c in clauses(&mut rng) {
            // Hits sit after a clause, sometimes after a delimiter or a cut dash.
            let lead = ["", "x. ", "a—", "(", "“", "\u{2014}"][rng.below(6)];
            let text = format!("{lead}{c}");
            let (clause, starts) = clause_scan::<Fast>(&text, text.len());
            let negation = starts != 0;
            assert_eq!(negation, could_be_negated(clause), "{text:?} -> {clause:?}");
            // Every cut of the text, against the byte-at-a-time pass.
            for at in (0..=text.len()).filter(|&k| text.is_char_boundary(k)) {
                let mut from = at.saturating_sub(60);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                assert_eq!(
                    clause_scan::<Fast>(&text, at),
                    Plain::clause_scan(&text, from, at),
                    "{text:?} at {at}"
                );
            }
            flagged += usize::from(negation);
        }
        assert!(flagged > 1000, "{flagged}");
    }

    #[test]
    fn byte_trim_and_distance_check_equal_the_str_versions() {
        // The check as first written, with `str` trimming.
        fn reference(before: &str) -> bool {
            let t = before.trim_end();
            let t = t.strip_suffix(['"', '\'']).unwrap_or(t).trim_end();
            [
                "called",
                "styled",
                "described",
                "proclaimed",
                "call",
                "label",
                "calls",
            ]
            .iter()
            .chain(&["terms", "dubs", "term", "dub", "phrase"])
            .any(|w| t.ends_with(w))
        }
        let mut rng = crate::corpus::Rng::new(17);
        let tails = [
            "", " ", "  ", "\t", "\u{0B}", "\n", "\r\n", "\u{2003}", "\u{00A0}", "\u{3000}", "\"",
            "'", "é", "“", "x",
        ];
        let mut clauses = clauses(&mut rng);
        clauses.extend(["", " ", "\"", "' ", "\u{2003}", "é \u{2003}\" "].map(String::from));
        for c in clauses {
            let mut c = c;
            for _ in 0..rng.below(4) {
                c.push_str(tails[rng.below(tails.len())]);
            }
            assert_eq!(trim_end(&c), c.trim_end(), "{c:?}");
            assert_eq!(could_be_distanced(&c), reference(&c), "{c:?}");
        }
    }

    #[test]
    fn the_negation_finder_equals_the_regex() {
        let mut rng = crate::corpus::Rng::new(23);
        let mut texts = clauses(&mut rng);
        // Spacing, quotes and word characters of every kind the pattern distinguishes.
        let bits = [
            "not", "no", "n't", "never", "nor", "neither", "without", "know", "xno", "_no", "no_",
            "a", "b-c", "it's", "'", "\"", " ", "  ", "\t", "\u{0B}", "\n", "\r", "-", ".", "9",
            "é", "\u{2003}", "\u{00A0}", "\u{1F}", "\u{0C}", "_",
        ];
        for _ in 0..20_000 {
            let n = rng.below(9);
            texts.push((0..n).map(|_| bits[rng.below(bits.len())]).collect());
        }
        let mut found = 0;
        for t in &texts {
            // As `attribute` calls it: on the clause, with the cue starts found with it.
            let (clause, starts) = clause_scan::<Fast>(t, t.len());
            let want = negation_re().find(clause).map(|m| m.as_str());
            let got = if starts == 0 {
                None
            } else {
                find_negation(clause, starts)
            };
            assert_eq!(got, want, "{t:?} -> {clause:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 5000, "{found}");
    }

    #[test]
    fn distancing_cues() {
        for s in [
            "about 200 so-called \"",
            "the so called ",
            "what critics call ",
            "the self-styled ",
            "the term \"",
        ] {
            assert!(distance_re().is_match(s), "{s}");
        }
        assert!(!distance_re().is_match("the called "));
    }
}
