//! The words and 1–4-word phrases of one article that `slant lexicon suggest` counts, each
//! with the voice it is in (the narrator's, a speech quotation's, scare quotes').
//!
//! Words are those of `clause_words` (see `text::words`: runs of letters and digits of
//! any script, one apostrophe or hyphen between two of them joining, on the original text;
//! clauses cut by `. ! ? ; : " ( ) [ ]`, curly double quotes, em and en dashes, bullets
//! and line feeds), lower-cased with curly apostrophes and Unicode hyphens folded to `'`
//! and `-` as normalization folds them. A phrase is `n` consecutive words of one clause
//! (`n` = 1..=[`MAX_N`]), so it never spans a sentence end or a double quotation mark,
//! and is dropped when it crosses the edge of a quotation (single quotation marks do not
//! cut clauses).
//!
//! What is counted: every phrase position (for the totals the log-odds divide by), and the
//! *candidates* among them: no stopword at either end (the list of `coverage`'s
//! suggestions), no word that is a number, no word over 30 characters, a single word of
//! three characters or more. A candidate occurrence is *capitalized* when one of its words
//! starts with a capital letter and is not the first of its clause: probably a name
//! (people, places, outlets), which `suggest` hides unless asked.
//!
//! Each phrase carries its [`phrase_key`], a 64-bit hash of its text, which the keyness
//! table is keyed by: the table then holds no text for the many phrases too rare to show,
//! and compares keys without reading strings. The text itself is rebuilt from the span of
//! its first use when it is needed ([`phrase_text`]).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::suggestions::STOPWORDS;
use crate::attribute::{containing_quote, Voice};
use crate::quotes::{Quote, QuoteKind};
use crate::text::words::clause_words;

/// Longest phrase counted, in words.
pub const MAX_N: usize = 4;

/// A phrase's key: the 64-bit foldhash (quality variant) of its text with a fixed seed.
/// Two phrases with one key would be counted together: among the million phrases a table
/// holds at once the odds of any such pair are 3 in 100 million, among ten million
/// phrases over a whole run 3 in a million.
pub fn phrase_key(phrase: &str) -> u64 {
    const SEED: foldhash::quality::FixedState =
        foldhash::quality::FixedState::with_seed(0x243F_6A88_85A3_08D3);
    SEED.hash_one(phrase)
}

/// The hasher of maps keyed by [`phrase_key`]s: the key is a hash already, so it is used
/// as it is.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used for keys; anything else is folded in byte by byte.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, k: u64) {
        self.0 ^= k;
    }
}

/// Build [`KeyHasher`]s.
pub type KeyBuild = BuildHasherDefault<KeyHasher>;

/// The candidate phrases of one article, each once, with how it used them.
#[derive(Debug, Clone, Default)]
pub struct ArticleGrams {
    /// Distinct candidate phrases, in order of first appearance.
    pub grams: Vec<Gram>,
    /// Phrase positions of each length (index `n − 1`), candidates or not.
    pub positions: [u64; MAX_N],
}

/// One distinct candidate phrase of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gram {
    /// [`phrase_key`] of its text.
    pub key: u64,
    /// Byte range of the first occurrence in the original text.
    pub first: (u32, u32),
    /// Occurrences in the article.
    pub count: u32,
    /// Occurrences inside a speech quotation.
    pub quoted: u32,
    /// Occurrences inside scare quotes.
    pub scare: u32,
    /// Occurrences with a capitalized word inside their clause (probably a name).
    pub capitalized: u32,
}

impl Gram {
    /// Occurrences by voice: narrator, quoted, scare-quoted.
    pub fn voices(&self) -> [u32; 3] {
        [
            self.count - self.quoted - self.scare,
            self.quoted,
            self.scare,
        ]
    }
}

/// The text of the phrase whose use spans `span` of `original`: its words lower-cased and
/// folded, joined by single spaces (the text [`phrase_key`] was taken of).
pub fn phrase_text(original: &str, span: (u32, u32)) -> String {
    let piece = &original[span.0 as usize..span.1 as usize];
    let mut out = String::with_capacity(piece.len());
    for w in clause_words(piece) {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(&mut out, &piece[w.start..w.end]);
    }
    out
}

/// A word of the article.
#[derive(Debug, Clone, Copy)]
struct Tok {
    /// Byte range in `lower`.
    lower: (u32, u32),
    /// Byte range in the original text.
    orig: (u32, u32),
    clause: u32,
    /// Capitalized and not the first word of its clause.
    name: bool,
    /// May not start or end a phrase, or be in one (see the module docs).
    stop: bool,
    bad: bool,
    short: bool,
    /// The quotation it is in, if any (`usize::MAX` for none).
    quote: usize,
}

/// Whether `w` is on the stopword list of `coverage`'s suggestions, looked up in a hash
/// set: every word of every article is looked up.
fn stop(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, FixedState>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
}

/// Push `word` lower-cased onto `out`, curly apostrophes and Unicode hyphens folded.
fn push_lower(out: &mut String, word: &str) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The candidate phrases of `text` (whose quotations are `quotes`, sorted as the quote
/// finder returns them), up to `max_n` words long.
pub fn article_grams(text: &str, quotes: &[Quote], max_n: usize) -> ArticleGrams {
    let max_n = max_n.clamp(1, MAX_N);
    let mut lower = String::with_capacity(text.len());
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    for w in clause_words(text) {
        if !lower.is_empty() {
            lower.push(' ');
        }
        let ls = lower.len();
        let word = &text[w.start..w.end];
        push_lower(&mut lower, word);
        let lw = &lower[ls..];
        let first_in_clause = toks.last().is_none_or(|t| t.clause != w.clause as u32);
        let name = !first_in_clause && word.chars().next().is_some_and(char::is_uppercase);
        let chars = lw.chars().count();
        toks.push(Tok {
            lower: (ls as u32, lower.len() as u32),
            orig: (w.start as u32, w.end as u32),
            clause: w.clause as u32,
            name,
            stop: stop(lw),
            bad: chars > 30 || lw.bytes().all(|b| b.is_ascii_digit()),
            short: chars < 3,
            quote: containing_quote(quotes, w.start).unwrap_or(usize::MAX),
        });
    }
    let mut out = ArticleGrams {
        positions: [0; MAX_N],
        grams: Vec::new(),
    };
    // About two distinct candidates a word: sized once, not grown.
    let mut seen: HashMap<u64, u32, KeyBuild> =
        HashMap::with_capacity_and_hasher(toks.len() * 2, KeyBuild::default());
    let mut grams: Vec<Gram> = Vec::with_capacity(toks.len() * 2);
    for i in 0..toks.len() {
        let first = toks[i];
        for n in 1..=max_n {
            let Some(last) = toks.get(i + n - 1).copied() else {
                break;
            };
            if last.clause != first.clause {
                break;
            }
            out.positions[n - 1] += 1;
            if first.stop || last.stop || (n == 1 && first.short) {
                continue;
            }
            let words = &toks[i..i + n];
            if words.iter().any(|t| t.bad) || last.quote != first.quote {
                continue;
            }
            let voice = match first.quote {
                usize::MAX => Voice::Narrator,
                q if quotes[q].kind == QuoteKind::Speech => Voice::Quoted,
                _ => Voice::ScareQuoted,
            };
            let (ls, le) = (first.lower.0, last.lower.1);
            let key = phrase_key(&lower[ls as usize..le as usize]);
            let k = *seen.entry(key).or_insert_with(|| {
                grams.push(Gram {
                    key,
                    first: (first.orig.0, last.orig.1),
                    count: 0,
                    quoted: 0,
                    scare: 0,
                    capitalized: 0,
                });
                (grams.len() - 1) as u32
            });
            let g = &mut grams[k as usize];
            g.count += 1;
            match voice {
                // Reported speech is the outlet's own wording (a paraphrase).
                Voice::Narrator | Voice::Reported => {}
                Voice::Quoted => g.quoted += 1,
                Voice::ScareQuoted => g.scare += 1,
            }
            g.capitalized += u32::from(words.iter().any(|t| t.name));
        }
    }
    // Hundreds of articles' phrases wait between the workers and the count: keep no
    // spare capacity.
    grams.shrink_to_fit();
    out.grams = grams;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{QuoteSide, Rule};

    fn phrases(t: &str, a: &ArticleGrams) -> Vec<(String, u32)> {
        a.grams
            .iter()
            .map(|g| (phrase_text(t, g.first), g.count))
            .collect()
    }

    fn find(t: &str, a: &ArticleGrams, p: &str) -> Gram {
        *a.grams
            .iter()
            .find(|g| phrase_text(t, g.first) == p)
            .unwrap_or_else(|| panic!("{p}"))
    }

    #[test]
    fn phrases_stay_in_their_clause_and_skip_stopword_edges() {
        let t = "Border crisis grows. The border crisis deepened; Illegal-aliens' fear.";
        let a = article_grams(t, &[], 4);
        let got = phrases(t, &a);
        let has = |p: &str, n: u32| got.contains(&(p.to_string(), n));
        assert!(has("border crisis", 2), "{got:?}");
        assert!(has("border crisis grows", 1));
        // "grows the" would cross a sentence end; "the border" starts with a stopword.
        assert!(!got.iter().any(|(p, _)| p.contains("grows the")));
        assert!(!got.iter().any(|(p, _)| p.starts_with("the ")));
        // One hyphen joins, the apostrophe after the word does not.
        assert!(has("illegal-aliens", 1));
        assert!(has("illegal-aliens fear", 1));
        // Positions count every window within a clause: 3 + 4 + 2 words.
        assert_eq!(a.positions[0], 9);
        assert_eq!(a.positions[1], 2 + 3 + 1);
        assert_eq!(a.positions[3], 1);
        // The first occurrence's span in the original text.
        let g = find(t, &a, "border crisis");
        assert_eq!(&t[g.first.0 as usize..g.first.1 as usize], "Border crisis");
    }

    #[test]
    fn numbers_short_words_and_names_are_marked_or_dropped() {
        let t = "Officials met 300 migrants at El Paso and the migrants waited.";
        let a = article_grams(t, &[], 2);
        let got = phrases(t, &a);
        assert!(!got.iter().any(|(p, _)| p.contains("300")));
        assert!(!got.iter().any(|(p, _)| *p == "el"));
        let cap = |p: &str| find(t, &a, p).capitalized;
        // The first word of a clause is not a name; "El Paso" mid-clause is.
        assert_eq!(cap("officials"), 0);
        assert_eq!(cap("el paso"), 1);
        assert_eq!(cap("migrants"), 0);
        assert_eq!(got.iter().find(|(p, _)| *p == "migrants").unwrap().1, 2);
    }

    #[test]
    fn voices_come_from_the_quotations_and_phrases_do_not_cross_them() {
        let t = "He called it an ‘invasion of aliens’ today and said: “stop the invasion tonight.”";
        let quote = |open: usize, close: usize, kind, rule| Quote {
            open,
            close,
            start: open,
            end: close,
            kind,
            speaker: None,
            side: QuoteSide::Unattributed,
            cue: None,
            framing: None,
            rule,
            words: 0,
            unclosed: false,
            nested: Vec::new(),
        };
        let s1 = t.find('‘').unwrap();
        let e1 = t.find('’').unwrap() + '’'.len_utf8();
        let s2 = t.find('“').unwrap();
        let e2 = t.len();
        let quotes = [
            quote(s1, e1, QuoteKind::Term, Rule::TermQuote),
            quote(s2, e2, QuoteKind::Speech, Rule::Unattributed),
        ];
        let a = article_grams(t, &quotes, 3);
        let g = |p: &str| find(t, &a, p).voices();
        assert_eq!(g("invasion"), [0, 1, 1]);
        assert_eq!(g("invasion of aliens"), [0, 0, 1]);
        assert_eq!(g("invasion tonight"), [0, 1, 0]);
        assert_eq!(g("called"), [1, 0, 0]);
        // "aliens today" would cross the closing mark of the scare quote.
        assert!(!phrases(t, &a).iter().any(|x| x.0.starts_with("aliens ")));
    }

    #[test]
    fn keys_are_fixed_and_tell_phrases_apart() {
        // The same key in every run and on every machine (the table's order and pruning
        // depend on it).
        assert_eq!(phrase_key("border crisis"), phrase_key("border crisis"));
        let keys: HashSet<u64> = ["a", "b", "a b", "ab", "b a", "", " "]
            .iter()
            .map(|p| phrase_key(p))
            .collect();
        assert_eq!(keys.len(), 7);
        // The text rebuilt from a use's span has the key the phrase was counted under,
        // whatever lies between the words or how they are spelt.
        for t in [
            "Border crisis, border crisis.",
            "Trump’s  wall; job-killing\n rules (it‘s) Ça VA «x» naïve cafe\u{301} İstanbul",
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/seeds/002_1fc9ffcff641586d.txt"
            )),
        ] {
            let a = article_grams(t, &[], 4);
            assert!(!a.grams.is_empty());
            assert!(a
                .grams
                .iter()
                .all(|g| g.key == phrase_key(&phrase_text(t, g.first))));
        }
    }

    #[test]
    fn curly_apostrophes_fold_like_normalization() {
        let t = "Trump’s wall and Trump's wall";
        let a = article_grams(t, &[], 2);
        let want =
            [("trump's", 2), ("trump's wall", 2), ("wall", 2)].map(|(p, n)| (p.to_string(), n));
        assert_eq!(phrases(t, &a), want);
    }
}
