//! Suggestions for lexicon authors: phrases near loaded terms that the lexicon does not
//! list, counted across a corpus.
//!
//! Deliberately humble: for every loaded hit (a variant with a side, not a neutral one),
//! the words within `window` words before and after it (in the same clause, outside any
//! hit) are cut into 1–3 word phrases; phrases that start or end with a stopword, contain
//! a number or a capitalized word in mid-clause (a name such as "ICE" or "New York"), or
//! are already lexicon terms are dropped; what remains is counted across the corpus and
//! kept when it appears near hits at least twice and in at least two articles (one, for a
//! one-article corpus). They are leads to read in context, not findings.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::analysis::Analysis;
use crate::lexicon::Lexicon;
use crate::text::words::{clause_words, ClauseWord};

/// The label every rendering of suggestions carries.
pub const SUGGESTIONS_LABEL: &str = "Suggestions to consider, not findings";
/// What the suggestions are, in one sentence.
pub const SUGGESTIONS_EXPLAIN: &str = "Frequent phrases near loaded terms that the lexicon does not list. Read each in context before adding it; most will be ordinary words.";
/// Label and explanation together (for JSON).
pub const SUGGESTIONS_NOTE: &str = "Suggestions to consider, not findings: frequent phrases near loaded terms that the lexicon does not list. Read each in context before adding it; most will be ordinary words.";

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

/// What one article adds: phrase → (occurrences near hits, concept → occurrences).
pub(crate) type ArticlePhrases = HashMap<String, (u32, HashMap<usize, u32>)>;

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

/// The phrases within `window` words of the loaded hits of `a`, leaving out the surface
/// forms the lexicon already has (`known`).
pub(crate) fn near_phrases(a: &Analysis, known: &HashSet<String>, window: usize) -> ArticlePhrases {
    let mut phrases = ArticlePhrases::new();
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
        let lo = first.saturating_sub(window);
        let hi = (last + window).min(toks.len());
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
            if known.contains(&phrase) {
                continue;
            }
            let entry = phrases.entry(phrase).or_default();
            entry.0 += 1;
            let concepts: BTreeSet<usize> = (start..end)
                .flat_map(|k| near[&k].iter().copied())
                .collect();
            for c in concepts {
                *entry.1.entry(c).or_default() += 1;
            }
        }
    }
    phrases
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

/// Common English function words and newswire boilerplate (also `lexicon suggest`'s).
pub(crate) const STOPWORDS: &[&str] = &[
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

/// Phrases collected over a corpus, in input order.
#[derive(Debug, Default)]
pub(crate) struct PhraseTally {
    /// phrase → (near, articles, concept → count)
    phrases: HashMap<String, (u32, u32, HashMap<usize, u32>)>,
}

impl PhraseTally {
    pub(crate) fn add(&mut self, phrases: ArticlePhrases) {
        for (phrase, (n, concepts)) in phrases {
            let e = self.phrases.entry(phrase).or_default();
            e.0 += n;
            e.1 += 1;
            for (c, k) in concepts {
                *e.2.entry(c).or_default() += k;
            }
        }
    }

    /// The `keep` best suggestions over `articles` articles: near hits at least twice and
    /// in at least two articles (one for a one-article corpus), a phrase left out when a
    /// longer one containing it is just as frequent; most articles first, then most
    /// occurrences, then longer phrases, then alphabetical.
    pub(crate) fn finish(self, articles: u32, lexicon: &Lexicon, keep: usize) -> Vec<Suggestion> {
        let min_articles = articles.min(2);
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
        cands.truncate(keep);
        cands
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
