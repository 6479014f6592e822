//! Lexicon coverage over a corpus: how often each entry fires and in whose voice, which
//! entries never fire, and phrases near loaded terms that the lexicon does not list.
//!
//! The per-article part ([`article`]) is a pure function of one [`Analysis`], so a batch can
//! compute it in parallel and [`CoverageBuilder::add`] the results in input order.
//!
//! Suggestions are deliberately humble: for every loaded hit (a variant with a side, not a
//! neutral one), the words within `window` words before and after it (in the same clause,
//! outside any hit) are cut into 1–3 word phrases; phrases that start or end with a
//! stopword, contain a number or a capitalized word in mid-clause (a name such as "ICE" or
//! "New York"), or are already lexicon terms are dropped; what remains is counted across
//! the corpus and kept when it appears near hits at least twice and in at least two
//! articles (one, for a one-article corpus). They are leads to read in context, not
//! findings.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::analysis::{Analysis, Engine};
use crate::attribute::Voice;
use crate::lexicon::validate::term_forms;
use crate::lexicon::Lexicon;
use crate::text::normalize::normalize_term;
use crate::text::words::{clause_words, ClauseWord};

/// The label every rendering of suggestions carries.
pub const SUGGESTIONS_LABEL: &str = "Suggestions to consider, not findings";
/// What the suggestions are, in one sentence.
pub const SUGGESTIONS_EXPLAIN: &str = "Frequent phrases near loaded terms that the lexicon does not list. Read each in context before adding it; most will be ordinary words.";
/// Label and explanation together (for JSON).
pub const SUGGESTIONS_NOTE: &str = "Suggestions to consider, not findings: frequent phrases near loaded terms that the lexicon does not list. Read each in context before adding it; most will be ordinary words.";

/// Settings for coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Words on each side of a hit that count as "near".
    pub window: usize,
    /// How many suggestions to keep.
    pub suggestions: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            window: 4,
            suggestions: 20,
        }
    }
}

/// Hits of one term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermCoverage {
    pub term: String,
    pub hits: u32,
}

/// How often one variant (concept/variant) fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryCoverage {
    pub concept: String,
    pub variant: String,
    pub side: String,
    pub weight: f64,
    pub hits: u32,
    pub narrator: u32,
    pub quoted: u32,
    pub scare_quoted: u32,
    /// Articles with at least one hit.
    pub articles: u32,
    pub terms: Vec<TermCoverage>,
    /// Hits of the variant's regex patterns.
    pub pattern_hits: u32,
}

/// A phrase found near loaded terms that the lexicon lacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub phrase: String,
    /// Occurrences within the window of a hit.
    pub near: u32,
    /// Articles with such an occurrence.
    pub articles: u32,
    /// Concepts it appeared near, most frequent first (at most three).
    pub concepts: Vec<String>,
}

/// Entries that never fired.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct NeverFired {
    /// Concepts none of whose variants fired.
    pub concepts: Vec<String>,
    /// `concept / variant` of variants that never fired, in concepts that did fire.
    pub variants: Vec<String>,
    /// `concept / variant / term` of every term that never fired.
    pub terms: Vec<String>,
}

/// Coverage of one lexicon on a corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub lexicon: String,
    pub version: String,
    pub sha256: String,
    pub articles: u32,
    pub words: u64,
    /// Every variant, in lexicon order.
    pub entries: Vec<EntryCoverage>,
    pub never_fired: NeverFired,
    pub concepts_total: usize,
    pub variants_total: usize,
    pub terms_total: usize,
    pub suggestions_note: &'static str,
    pub suggestions: Vec<Suggestion>,
}

/// What one article adds to the coverage.
#[derive(Debug, Clone, Default)]
pub struct ArticleCoverage {
    words: u32,
    /// (concept, variant) → [hits, narrator, quoted, scare_quoted]
    variants: HashMap<(usize, usize), [u32; 4]>,
    /// (concept, variant, term) → hits; term `None` for patterns.
    terms: HashMap<(usize, usize, Option<usize>), u32>,
    /// phrase → (occurrences near hits, concept → occurrences)
    phrases: HashMap<String, (u32, HashMap<usize, u32>)>,
}

/// Lower-cased surface form → term index, per variant, and every form of the lexicon.
struct Forms {
    by_variant: HashMap<(usize, usize), HashMap<String, usize>>,
    all: HashSet<String>,
}

fn forms(lexicon: &Lexicon) -> Forms {
    let mut by_variant: HashMap<(usize, usize), HashMap<String, usize>> = HashMap::new();
    let mut all = HashSet::new();
    for (ci, c) in lexicon.concepts.iter().enumerate() {
        for (vi, v) in c.variants.iter().enumerate() {
            let m = by_variant.entry((ci, vi)).or_default();
            for (ti, t) in v.terms.iter().enumerate() {
                for f in term_forms(t) {
                    m.entry(f.clone()).or_insert(ti);
                    all.insert(f);
                }
            }
        }
    }
    Forms { by_variant, all }
}

/// A word of the article: byte span in the original, lower-cased text, clause number.
struct Token {
    start: usize,
    end: usize,
    word: String,
    clause: usize,
    /// Capitalized and not the first word of its clause: probably part of a name.
    name: bool,
}

/// Words (letters and digits, joined by one apostrophe or hyphen) with clause numbers: the
/// words of [`clause_words`], lowercased.
fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for ClauseWord {
        start: s,
        end: e,
        clause,
    } in clause_words(text)
    {
        let word = text[s..e]
            .to_lowercase()
            .replace(['\u{2019}', '\u{2018}'], "'");
        let first_in_clause = out.last().is_none_or(|t| t.clause != clause);
        let name = !first_in_clause && text[s..e].chars().next().is_some_and(char::is_uppercase);
        out.push(Token {
            start: s,
            end: e,
            word,
            clause,
            name,
        });
    }
    out
}

/// Compute what one analysed article adds to the coverage.
pub fn article(engine: &Engine, a: &Analysis, opts: Options) -> ArticleCoverage {
    let lexicon = &engine.lexicon;
    let forms = forms(lexicon);
    let mut ac = ArticleCoverage {
        words: a.words,
        ..ArticleCoverage::default()
    };
    for t in &a.terms {
        let v = ac.variants.entry((t.concept, t.variant)).or_default();
        v[0] += 1;
        match t.voice {
            Voice::Narrator => v[1] += 1,
            Voice::Quoted => v[2] += 1,
            Voice::ScareQuoted => v[3] += 1,
        }
        let term = forms
            .by_variant
            .get(&(t.concept, t.variant))
            .and_then(|m| m.get(&normalize_term(t.text(&a.article.text))).copied());
        *ac.terms.entry((t.concept, t.variant, term)).or_default() += 1;
    }
    if opts.window == 0 || a.terms.is_empty() {
        return ac;
    }
    let toks = tokens(&a.article.text);
    // Which tokens are inside a hit, and the first/last token of each hit.
    let mut in_hit = vec![false; toks.len()];
    let mut near: HashMap<usize, BTreeSet<usize>> = HashMap::new(); // token → concepts
    for t in &a.terms {
        let first = toks.partition_point(|k| k.end <= t.start);
        let mut last = first;
        while last < toks.len() && toks[last].start < t.end {
            in_hit[last] = true;
            last += 1;
        }
        if first == last || t.side.is_none() {
            continue;
        }
        let clause_a = toks[first].clause;
        let clause_b = toks[last - 1].clause;
        let lo = first.saturating_sub(opts.window);
        let hi = (last + opts.window).min(toks.len());
        for (k, tok) in toks.iter().enumerate().take(first).skip(lo) {
            if tok.clause == clause_a {
                near.entry(k).or_default().insert(t.concept);
            }
        }
        for (k, tok) in toks.iter().enumerate().take(hi).skip(last) {
            if tok.clause == clause_b {
                near.entry(k).or_default().insert(t.concept);
            }
        }
    }
    let usable = |k: usize| near.contains_key(&k) && !in_hit[k] && !toks[k].name;
    for start in 0..toks.len() {
        if !usable(start) {
            continue;
        }
        for n in 1..=3 {
            let end = start + n;
            if end > toks.len()
                || !(start..end).all(usable)
                || toks[end - 1].clause != toks[start].clause
            {
                break;
            }
            let words: Vec<&str> = toks[start..end].iter().map(|t| t.word.as_str()).collect();
            if !candidate(&words) {
                continue;
            }
            let phrase = words.join(" ");
            if forms.all.contains(&phrase) {
                continue;
            }
            let entry = ac.phrases.entry(phrase).or_default();
            entry.0 += 1;
            let concepts: BTreeSet<usize> = (start..end)
                .flat_map(|k| near[&k].iter().copied())
                .collect();
            for c in concepts {
                *entry.1.entry(c).or_default() += 1;
            }
        }
    }
    ac
}

/// A 1–3 word phrase worth counting: no stopword at either end, not a number, not tiny.
fn candidate(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if is_stopword(first) || is_stopword(last) {
        return false;
    }
    if words
        .iter()
        .any(|w| w.chars().all(|c| c.is_ascii_digit()) || w.chars().count() > 30)
    {
        return false;
    }
    !(words.len() == 1 && first.chars().count() < 3)
}

/// Common English function words and newswire boilerplate.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "almost",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "aren't",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "gets",
    "got",
    "had",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'm",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "percent",
    "put",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seen",
    "she",
    "she's",
    "should",
    "shouldn't",
    "since",
    "so",
    "some",
    "still",
    "such",
    "take",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "wasn't",
    "we",
    "we're",
    "well",
    "were",
    "weren't",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// Collects article coverage in input order.
#[derive(Debug, Default)]
pub struct CoverageBuilder {
    articles: u32,
    words: u64,
    variants: HashMap<(usize, usize), [u32; 5]>,
    terms: HashMap<(usize, usize, Option<usize>), u32>,
    /// phrase → (near, articles, concept → count)
    phrases: HashMap<String, (u32, u32, HashMap<usize, u32>)>,
}

impl CoverageBuilder {
    pub fn new() -> CoverageBuilder {
        CoverageBuilder::default()
    }

    pub fn add(&mut self, ac: ArticleCoverage) {
        self.articles += 1;
        self.words += u64::from(ac.words);
        for (k, v) in ac.variants {
            let e = self.variants.entry(k).or_default();
            for (total, n) in e.iter_mut().zip(v) {
                *total += n;
            }
            e[4] += 1;
        }
        for (k, n) in ac.terms {
            *self.terms.entry(k).or_default() += n;
        }
        for (phrase, (n, concepts)) in ac.phrases {
            let e = self.phrases.entry(phrase).or_default();
            e.0 += n;
            e.1 += 1;
            for (c, k) in concepts {
                *e.2.entry(c).or_default() += k;
            }
        }
    }

    pub fn finish(self, lexicon: &Lexicon, opts: Options) -> Coverage {
        let mut entries = Vec::new();
        let mut never = NeverFired::default();
        let mut variants_total = 0;
        let mut terms_total = 0;
        for (ci, c) in lexicon.concepts.iter().enumerate() {
            let mut concept_fired = false;
            let mut silent_variants = Vec::new();
            for (vi, v) in c.variants.iter().enumerate() {
                variants_total += 1;
                terms_total += v.terms.len();
                let counts = self.variants.get(&(ci, vi)).copied().unwrap_or_default();
                let terms: Vec<TermCoverage> = v
                    .terms
                    .iter()
                    .enumerate()
                    .map(|(ti, t)| TermCoverage {
                        term: t.clone(),
                        hits: self.terms.get(&(ci, vi, Some(ti))).copied().unwrap_or(0),
                    })
                    .collect();
                for t in &terms {
                    if t.hits == 0 {
                        never
                            .terms
                            .push(format!("{} / {} / {}", c.id, v.label, t.term));
                    }
                }
                if counts[0] > 0 {
                    concept_fired = true;
                } else {
                    silent_variants.push(format!("{} / {}", c.id, v.label));
                }
                entries.push(EntryCoverage {
                    concept: c.id.clone(),
                    variant: v.label.clone(),
                    side: lexicon.side_id(v.side).to_string(),
                    weight: v.weight,
                    hits: counts[0],
                    narrator: counts[1],
                    quoted: counts[2],
                    scare_quoted: counts[3],
                    articles: counts[4],
                    terms,
                    pattern_hits: self.terms.get(&(ci, vi, None)).copied().unwrap_or(0),
                });
            }
            if concept_fired {
                never.variants.extend(silent_variants);
            } else {
                never.concepts.push(c.id.clone());
            }
        }
        let min_articles = self.articles.min(2);
        let mut cands: Vec<Suggestion> = self
            .phrases
            .iter()
            .filter(|(_, (near, articles, _))| *near >= 2 && *articles >= min_articles)
            .map(|(phrase, (near, articles, concepts))| {
                let mut cs: Vec<(&usize, &u32)> = concepts.iter().collect();
                cs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                Suggestion {
                    phrase: phrase.clone(),
                    near: *near,
                    articles: *articles,
                    concepts: cs
                        .into_iter()
                        .take(3)
                        .map(|(c, _)| lexicon.concepts[*c].id.clone())
                        .collect(),
                }
            })
            .collect();
        // A phrase is redundant when a longer phrase containing it is just as frequent.
        let by_phrase: BTreeMap<&str, u32> =
            cands.iter().map(|s| (s.phrase.as_str(), s.near)).collect();
        let redundant: HashSet<String> = cands
            .iter()
            .filter(|s| {
                by_phrase.iter().any(|(p, n)| {
                    p.len() > s.phrase.len()
                        && *n >= s.near
                        && format!(" {p} ").contains(&format!(" {} ", s.phrase))
                })
            })
            .map(|s| s.phrase.clone())
            .collect();
        cands.retain(|s| !redundant.contains(&s.phrase));
        cands.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.near.cmp(&a.near))
                .then(
                    b.phrase
                        .split(' ')
                        .count()
                        .cmp(&a.phrase.split(' ').count()),
                )
                .then(a.phrase.cmp(&b.phrase))
        });
        cands.truncate(opts.suggestions);
        Coverage {
            lexicon: lexicon.name.clone(),
            version: lexicon.version.clone(),
            sha256: lexicon.sha256.clone(),
            articles: self.articles,
            words: self.words,
            entries,
            never_fired: never,
            concepts_total: lexicon.concepts.len(),
            variants_total,
            terms_total,
            suggestions_note: SUGGESTIONS_NOTE,
            suggestions: cands,
        }
    }
}

/// Coverage of `analyses` in one call (for tests and small corpora).
pub fn coverage(engine: &Engine, analyses: &[Analysis], opts: Options) -> Coverage {
    let mut b = CoverageBuilder::new();
    for a in analyses {
        b.add(article(engine, a, opts));
    }
    b.finish(&engine.lexicon, opts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Article;
    use crate::lexicon::Limits;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
        assert!(is_stopword("the") && !is_stopword("border"));
    }

    #[test]
    fn tokens_join_apostrophes_and_hyphens_and_number_clauses() {
        let t = tokens("Job-killing rules; it’s here in New York. Next");
        let words: Vec<&str> = t.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(
            words,
            [
                "job-killing",
                "rules",
                "it's",
                "here",
                "in",
                "new",
                "york",
                "next"
            ]
        );
        let clauses: Vec<usize> = t.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 0, 1, 1, 1, 1, 1, 2]);
        let names: Vec<bool> = t.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [false, false, false, false, false, true, true, false]
        );
    }

    fn engine() -> Engine {
        let yaml = "name: t\nversion: '1'\nsides:\n  - {id: a, label: A, color: '#0072B2'}\n  - {id: b, label: B, color: '#D55E00'}\nconcepts:\n  - id: people\n    variants:\n      - {terms: [illegal aliens, illegals], side: b}\n      - {terms: [undocumented immigrants], side: a}\n  - id: unused\n    variants:\n      - {terms: [zebra crossing], side: a}\n";
        Engine::new(Lexicon::from_yaml("t.yaml", yaml, Limits::default()).unwrap()).unwrap()
    }

    #[test]
    fn counts_entries_terms_never_fired_and_suggestions() {
        let e = engine();
        let texts = [
            "Officials said illegal aliens crossed the southern border at night.",
            "More illegals crossed the southern border. Undocumented immigrants work here.",
        ];
        let analyses: Vec<Analysis> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| e.analyze(Article::from_text(&i.to_string(), "-", t.to_string())))
            .collect();
        let c = coverage(&e, &analyses, Options::default());
        assert_eq!(c.articles, 2);
        let b = &c.entries[0];
        assert_eq!((b.concept.as_str(), b.hits, b.articles), ("people", 2, 2));
        assert_eq!(b.narrator + b.quoted + b.scare_quoted, b.hits);
        assert_eq!(b.terms[0].hits, 1);
        assert_eq!(b.terms[1].hits, 1);
        assert_eq!(c.never_fired.concepts, ["unused"]);
        assert!(c.never_fired.variants.is_empty());
        assert_eq!(
            c.never_fired.terms,
            ["unused / zebra crossing / zebra crossing"]
        );
        // "crossed the southern border" follows the hit in both articles: the longest
        // equally frequent phrase is kept, its parts are not repeated.
        let phrases: Vec<&str> = c.suggestions.iter().map(|s| s.phrase.as_str()).collect();
        assert!(phrases.contains(&"southern border"), "{phrases:?}");
        assert!(!phrases.contains(&"southern"), "{phrases:?}");
        assert!(
            !phrases.iter().any(|p| p.starts_with("the ")),
            "{phrases:?}"
        );
        // A phrase only one article has is not suggested.
        assert!(!phrases.contains(&"night"), "{phrases:?}");
        let s = c
            .suggestions
            .iter()
            .find(|s| s.phrase == "southern border")
            .unwrap();
        assert_eq!((s.near, s.articles), (2, 2));
        assert_eq!(s.concepts, ["people"]);
    }

    #[test]
    fn suggestions_stay_in_the_clause() {
        let e = engine();
        let texts = [
            "Southern border. Illegal aliens wait; zebra crossing",
            "Southern border. Illegal aliens wait; zebra crossing",
        ];
        let analyses: Vec<Analysis> = texts
            .iter()
            .map(|t| e.analyze(Article::from_text("x", "-", t.to_string())))
            .collect();
        let c = coverage(&e, &analyses, Options::default());
        let phrases: Vec<&str> = c.suggestions.iter().map(|s| s.phrase.as_str()).collect();
        assert_eq!(phrases, ["wait"]);
    }
}
