//! `slant kwic`: a keyword-in-context concordance, every occurrence of a term, a concept or
//! one variant with the words around it, its voice and what the lexicon counts there.
//!
//! It reads the same [`Analysis`] scoring does, so what it shows is what counts:
//! * `--concept` and `--variant` lines are the article's [`TermHit`]s of that entry, with
//!   their voice, modifiers, counted side and contribution as scored;
//! * a free `TERM` is compiled into a one-term lexicon and matched by the same
//!   [`Matcher`] on the same normalized text (case, typography, a hyphen matching a space,
//!   whole words), and given its voice by the same attribution over the article's
//!   quotations; each line also names the lexicon hit at that place, if any, since the
//!   lexicon, not the free term, is what scores (a longer term may swallow it, or it may
//!   not be listed at all).
//!
//! Context is cut from the original text, white space collapsed, at most `width`
//! characters each side, ending at a word boundary where it is cut. Sorting is by the
//! words right of the match (then left), by the words left of it read outwards (then
//! right), by outlet, or in input order; ties keep input order.

use std::collections::HashSet;

use crate::analysis::{Analysis, Engine};
use crate::attribute::{self, ModifierKind, TermHit, Voice};
use crate::lexicon::{Concept, Lexicon, ScareQuoted, SideRef, Variant};
use crate::matcher::{Matcher, MatcherError};
use crate::text::normalize::{normalize_term, Normalized};

/// What to look for.
#[derive(Debug, Clone)]
pub enum Query {
    /// Any occurrence of a word or phrase, matched as a lexicon term would be.
    Term {
        term: String,
        /// A lexicon holding the term alone (sides and scoring of the engine's lexicon).
        lexicon: Box<Lexicon>,
        matcher: Box<Matcher>,
    },
    /// Every hit of a concept (index into the lexicon's concepts).
    Concept(usize),
    /// Every hit of one variant.
    Variant { concept: usize, variant: usize },
}

/// Why a query cannot be run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QueryError {
    #[error("the term {0:?} has no letters or digits to look for")]
    EmptyTerm(String),
    #[error("no concept `{id}` in the lexicon{hint}")]
    NoConcept { id: String, hint: String },
    #[error("no variant {spec:?} in the lexicon (give its label, one of its terms, or CONCEPT/LABEL){hint}")]
    NoVariant { spec: String, hint: String },
    #[error("{spec:?} names several variants: {choices}; write it as CONCEPT/LABEL")]
    Ambiguous { spec: String, choices: String },
    #[error("cannot compile the term: {0}")]
    Matcher(String),
}

impl Query {
    /// A free term, compiled into a one-term lexicon with `engine`'s sides and scoring.
    pub fn term(engine: &Engine, term: &str) -> Result<Query, QueryError> {
        let norm = normalize_term(term);
        if !norm.chars().any(char::is_alphanumeric) {
            return Err(QueryError::EmptyTerm(term.to_string()));
        }
        let mut lexicon = engine.lexicon.clone();
        lexicon.concepts = vec![Concept {
            id: "kwic".into(),
            label: term.trim().to_string(),
            description: String::new(),
            scare_quoted: ScareQuoted::Keep,
            tone: false,
            variants: vec![Variant {
                label: term.trim().to_string(),
                terms: vec![term.trim().to_string()],
                patterns: Vec::new(),
                side: None,
                weight: 1.0,
                case_sensitive: false,
                description: String::new(),
                examples: Vec::new(),
                counter_examples: Vec::new(),
            }],
        }];
        let matcher =
            Matcher::new(&lexicon).map_err(|e: MatcherError| QueryError::Matcher(e.to_string()))?;
        Ok(Query::Term {
            term: term.trim().to_string(),
            lexicon: Box::new(lexicon),
            matcher: Box::new(matcher),
        })
    }

    /// A concept by id.
    pub fn concept(lexicon: &Lexicon, id: &str) -> Result<Query, QueryError> {
        match lexicon.concepts.iter().position(|c| c.id == id) {
            Some(i) => Ok(Query::Concept(i)),
            None => Err(QueryError::NoConcept {
                id: id.to_string(),
                hint: closest(id, lexicon.concepts.iter().map(|c| c.id.as_str())),
            }),
        }
    }

    /// A variant by label, by one of its terms, or as `CONCEPT/LABEL` (letter case and
    /// typography ignored).
    pub fn variant(lexicon: &Lexicon, spec: &str) -> Result<Query, QueryError> {
        let (concept, want) = match spec.split_once('/') {
            Some((c, l)) if lexicon.concepts.iter().any(|x| x.id == c.trim()) => {
                (Some(c.trim()), l)
            }
            _ => (None, spec),
        };
        let want = normalize_term(want);
        let mut found = Vec::new();
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            if concept.is_some_and(|id| id != c.id) {
                continue;
            }
            for (vi, v) in c.variants.iter().enumerate() {
                let named = normalize_term(&v.label) == want
                    || v.terms.iter().any(|t| normalize_term(t) == want);
                if named {
                    found.push((ci, vi));
                }
            }
        }
        let name = |&(ci, vi): &(usize, usize)| {
            let c = &lexicon.concepts[ci];
            format!("{}/{}", c.id, c.variants[vi].label)
        };
        match found.as_slice() {
            [(concept, variant)] => Ok(Query::Variant {
                concept: *concept,
                variant: *variant,
            }),
            [] => Err(QueryError::NoVariant {
                spec: spec.to_string(),
                hint: closest(
                    &want,
                    lexicon
                        .concepts
                        .iter()
                        .flat_map(|c| c.variants.iter().map(|v| v.label.as_str())),
                ),
            }),
            many => {
                // The same label in one concept twice is still one name to the user.
                let names: Vec<String> = many.iter().map(name).collect();
                Err(QueryError::Ambiguous {
                    spec: spec.to_string(),
                    choices: names.join(", "),
                })
            }
        }
    }

    /// What is looked for, for titles: “invasion”, concept `invasion`, variant
    /// `people_label/illegal alien`.
    pub fn describe(&self, lexicon: &Lexicon) -> String {
        match self {
            Query::Term { term, .. } => format!("“{term}”"),
            Query::Concept(c) => format!("concept {}", lexicon.concepts[*c].id),
            Query::Variant { concept, variant } => {
                let c = &lexicon.concepts[*concept];
                format!("variant {}/{}", c.id, c.variants[*variant].label)
            }
        }
    }
}

/// " (did you mean `x`?)" for the closest of `names` to `want`, or nothing.
fn closest<'a>(want: &str, names: impl Iterator<Item = &'a str>) -> String {
    let want = want.to_lowercase();
    let best = names
        .filter(|n| {
            let n = n.to_lowercase();
            n.contains(&want) || want.contains(&n)
        })
        .min_by_key(|n| n.len());
    best.map(|b| format!(" (did you mean `{b}`?)"))
        .unwrap_or_default()
}

/// What the lexicon counts at a concordance line: its hit there.
#[derive(Debug, Clone, PartialEq)]
pub struct Counted {
    pub concept: usize,
    pub variant: usize,
    /// The side the hit counts for (after voice and modifiers), or neutral.
    pub side: SideRef,
    /// `weight × factors`, as scored.
    pub contribution: f64,
    /// The hit covers exactly the line's match (not a longer or overlapping phrase).
    pub exact: bool,
}

/// One concordance line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub article: String,
    pub outlet: Option<String>,
    /// The article's label (`--label FIELD`), if asked for.
    pub label: Option<String>,
    pub line: u32,
    pub column: u32,
    /// Byte range of the match in the article's text.
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub matched: String,
    pub right: String,
    /// The left context was cut (there is more text before it).
    pub left_cut: bool,
    pub right_cut: bool,
    pub voice: Voice,
    pub speaker: Option<String>,
    pub modifiers: Vec<ModifierKind>,
    /// The lexicon's hit here; `None` when the lexicon counts nothing at this place.
    pub counted: Option<Counted>,
}

/// Text around `start..end` of `text`: at most `width` characters each side, white space
/// collapsed to single spaces, and where it is cut inside a word that partial word left
/// out. Returns the left and right context and whether each was cut.
pub fn context(text: &str, start: usize, end: usize, width: usize) -> (String, String, bool, bool) {
    let (left, lcut, lmid) = take_chars(text[..start].chars().rev(), width);
    let (mut right, rcut, rmid) = take_chars(text[end..].chars(), width);
    let mut left: String = left.chars().rev().collect();
    if lmid {
        if let Some(i) = left.find(' ').filter(|&i| i + 1 < left.len()) {
            left.drain(..=i);
        }
    }
    if rmid {
        if let Some(i) = right.rfind(' ').filter(|&i| i > 0) {
            right.truncate(i);
        }
    }
    (left, right, lcut, rcut)
}

/// Up to `width` characters of `chars`, each run of white space between two other
/// characters (or next to the match) as one space. Returns the text, whether more
/// followed, and whether the cut fell inside a word.
fn take_chars(chars: impl Iterator<Item = char>, width: usize) -> (String, bool, bool) {
    let mut out = String::new();
    let mut n = 0;
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if n + 1 + usize::from(space) > width {
            return (out, true, !space);
        }
        if space {
            out.push(' ');
            n += 1;
            space = false;
        }
        out.push(if c.is_control() { ' ' } else { c });
        n += 1;
    }
    (out, false, false)
}

/// The concordance lines of one analysed article, in text order.
pub fn lines(query: &Query, a: &Analysis, width: usize) -> Vec<Line> {
    let text = a.article.text.as_str();
    let line_of = |t: &TermHit, counted: Option<Counted>| {
        let (left, right, left_cut, right_cut) = context(text, t.start, t.end, width);
        Line {
            article: a.article.id.clone(),
            outlet: a.article.outlet.clone(),
            label: a.article.label.clone(),
            line: t.line,
            column: t.column,
            start: t.start,
            end: t.end,
            left,
            matched: collapse(&text[t.start..t.end]),
            right,
            left_cut,
            right_cut,
            voice: t.voice,
            speaker: t.speaker.clone(),
            modifiers: t.modifiers.iter().map(|m| m.kind).collect(),
            counted,
        }
    };
    let counted = |t: &TermHit, exact: bool| Counted {
        concept: t.concept,
        variant: t.variant,
        side: t.counted_side,
        contribution: t.contribution,
        exact,
    };
    match query {
        Query::Concept(c) => a
            .terms
            .iter()
            .filter(|t| t.concept == *c)
            .map(|t| line_of(t, Some(counted(t, true))))
            .collect(),
        Query::Variant { concept, variant } => a
            .terms
            .iter()
            .filter(|t| t.concept == *concept && t.variant == *variant)
            .map(|t| line_of(t, Some(counted(t, true))))
            .collect(),
        Query::Term {
            lexicon, matcher, ..
        } => {
            let norm = Normalized::new(text);
            let raw = matcher.find(text, &norm);
            if raw.is_empty() {
                return Vec::new();
            }
            let hits = attribute::attribute(lexicon, text, &norm, &raw, &a.quotes, &a.reported);
            hits.iter()
                .map(|h| {
                    // The lexicon's hit overlapping this occurrence (hits never overlap
                    // each other, so there is at most one that starts before its end).
                    let i = a.terms.partition_point(|t| t.end <= h.start);
                    let over = a.terms.get(i).filter(|t| t.start < h.end);
                    line_of(
                        h,
                        over.map(|t| counted(t, t.start == h.start && t.end == h.end)),
                    )
                })
                .collect()
        }
    }
}

/// `s` with runs of white space as one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How concordance lines are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// By the words after the match, then the words before it (read outwards).
    Right,
    /// By the words before the match read outwards (1L, 2L, …), then the words after.
    Left,
    /// By outlet, then as `Right`.
    Outlet,
    /// Input order.
    Article,
}

/// Lower-cased words of a context, nearest the match first.
fn words_out(s: &str, reverse: bool) -> Vec<String> {
    let mut w: Vec<String> = s
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if reverse {
        w.reverse();
    }
    w
}

/// Sort `lines` (stable: ties keep input order).
pub fn sort(lines: &mut [Line], key: SortKey) {
    match key {
        SortKey::Article => {}
        SortKey::Right => {
            lines.sort_by_cached_key(|l| (words_out(&l.right, false), words_out(&l.left, true)))
        }
        SortKey::Left => {
            lines.sort_by_cached_key(|l| (words_out(&l.left, true), words_out(&l.right, false)))
        }
        SortKey::Outlet => lines.sort_by_cached_key(|l| {
            (
                l.outlet.is_none(),
                l.outlet.clone().unwrap_or_default(),
                words_out(&l.right, false),
            )
        }),
    }
}

/// How many lines, articles and outlets a concordance has, and its lines per voice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub lines: usize,
    pub articles: usize,
    pub outlets: usize,
    /// Lines per voice, indexed by `Voice as usize` (the order of [`Voice::ALL`]).
    pub voices: [usize; Voice::ALL.len()],
    /// Lines where the lexicon counts nothing.
    pub uncounted: usize,
}

/// Count what `lines` hold.
pub fn summary(lines: &[Line]) -> Summary {
    let articles: HashSet<&str> = lines.iter().map(|l| l.article.as_str()).collect();
    let outlets: HashSet<&str> = lines.iter().filter_map(|l| l.outlet.as_deref()).collect();
    let mut voices = [0; Voice::ALL.len()];
    for l in lines {
        voices[l.voice as usize] += 1;
    }
    Summary {
        lines: lines.len(),
        articles: articles.len(),
        outlets: outlets.len(),
        voices,
        uncounted: lines.iter().filter(|l| l.counted.is_none()).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;

    fn engine() -> Engine {
        Engine::new(Lexicon::default_lexicon().unwrap()).unwrap()
    }

    fn run(e: &Engine, q: &Query, text: &str) -> Vec<Line> {
        let a = e.analyze(Article::from_text("a", "-", text.to_string()));
        lines(q, &a, 30)
    }

    #[test]
    fn context_collapses_space_and_cuts_at_words() {
        let t = "one two\n\nthree four FIVE six  seven eight";
        let s = t.find("FIVE").unwrap();
        let (l, r, lc, rc) = context(t, s, s + 4, 11);
        assert_eq!(
            (l.as_str(), r.as_str(), lc, rc),
            ("three four ", " six seven", true, true)
        );
        let (l, r, lc, rc) = context(t, s, s + 4, 100);
        assert_eq!(l, "one two three four ");
        assert_eq!(r, " six seven eight");
        assert!(!lc && !rc);
        // Multi-byte characters count as one each.
        let t = "éé ü [x] ñ";
        let s = t.find('[').unwrap();
        assert_eq!(context(t, s, s + 3, 100).0, "éé ü ");
    }

    #[test]
    fn a_free_term_matches_like_a_lexicon_term_and_says_what_counts() {
        let e = engine();
        let q = Query::term(&e, "Illegal Aliens").unwrap();
        let text = "The ILLEGAL ALIENS were released on Friday. Critics said \
                    “illegal aliens” is a slur. Not illegal-aliensish.";
        let a = e.analyze(Article::from_text("a", "-", text.to_string()));
        let got = lines(&q, &a, 30);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].matched, "ILLEGAL ALIENS");
        assert_eq!(got[0].voice, Voice::Narrator);
        // Each line's voice is the one scoring gives the lexicon's hit at that place.
        for l in &got {
            let t = a.terms.iter().find(|t| t.start == l.start).expect("scored");
            assert_eq!((l.voice, l.end), (t.voice, t.end));
        }
        assert_ne!(got[1].voice, Voice::Narrator);
        // The lexicon lists the phrase: each line names its hit, exactly this span.
        let c = got[0].counted.as_ref().expect("the lexicon counts it");
        assert!(c.exact && c.contribution > 0.0);
        assert_eq!(
            e.lexicon.concepts[c.concept].variants[c.variant].label,
            "illegal alien"
        );
        // A word the lexicon does not list is found but counts nothing.
        let q = Query::term(&e, "released").unwrap();
        let got = run(&e, &q, text);
        assert_eq!(got.len(), 1);
        assert!(got[0].counted.is_none());
        assert!(matches!(
            Query::term(&e, " — "),
            Err(QueryError::EmptyTerm(_))
        ));
    }

    #[test]
    fn concept_and_variant_lines_are_the_scored_hits() {
        let e = engine();
        let text = "The illegal aliens and undocumented immigrants met illegal aliens.";
        let a = e.analyze(Article::from_text("a", "-", text.to_string()));
        let q = Query::variant(&e.lexicon, "illegal alien").unwrap();
        let Query::Variant { concept, variant } = q else {
            panic!("a variant query")
        };
        let scored = a
            .terms
            .iter()
            .filter(|t| t.concept == concept && t.variant == variant)
            .count();
        let got = lines(&q, &a, 20);
        assert_eq!(got.len(), scored);
        assert_eq!(scored, 2);
        let cid = e.lexicon.concepts[concept].id.clone();
        let q = Query::concept(&e.lexicon, &cid).unwrap();
        assert_eq!(lines(&q, &a, 20).len(), 3);
        // A variant named by one of its terms, or as CONCEPT/LABEL.
        assert!(Query::variant(&e.lexicon, "illegal aliens").is_ok());
        assert!(Query::variant(&e.lexicon, &format!("{cid}/illegal alien")).is_ok());
        assert!(matches!(
            Query::concept(&e.lexicon, "no_such"),
            Err(QueryError::NoConcept { .. })
        ));
    }

    #[test]
    fn sorting_reads_outwards_from_the_match() {
        let mk = |left: &str, right: &str| Line {
            article: format!("{left}|{right}"),
            outlet: None,
            label: None,
            line: 1,
            column: 1,
            start: 0,
            end: 0,
            left: left.into(),
            matched: "x".into(),
            right: right.into(),
            left_cut: false,
            right_cut: false,
            voice: Voice::Narrator,
            speaker: None,
            modifiers: Vec::new(),
            counted: None,
        };
        let mut v = vec![mk("b a ", " c"), mk("a b ", " a"), mk("z a ", " b")];
        sort(&mut v, SortKey::Right);
        let ids: Vec<&str> = v.iter().map(|l| l.article.as_str()).collect();
        assert_eq!(ids, ["a b | a", "z a | b", "b a | c"]);
        sort(&mut v, SortKey::Left);
        let ids: Vec<&str> = v.iter().map(|l| l.article.as_str()).collect();
        // 1L: a, a, b; the two "a" ordered by 2L: b < z.
        assert_eq!(ids, ["b a | c", "z a | b", "a b | a"]);
    }
}
