//! The speaker roster: the lexicon's actors (people, organisations, roles, documents)
//! compiled into one automaton, so that a speaker phrase found in the text ("Lucero",
//! "U.S. Immigration and Customs Enforcement", "the press release") maps to one canonical
//! actor with its kind and side. Only matching lives here; which phrase is a speaker is
//! decided by the readers and rules of this folder.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

use super::chars::CharOpt;
use super::quote::QuoteSide;
use super::word_lists::{
    FUNCTION, LEAD_ADV, MONTHS_DAYS, ORG_WORDS, PARTICLES, PREPS, SAY_FINITE, TITLES,
};
use super::word_lookup::{in_list, in_list_nodot};
use crate::lexicon::ActorKind;
use crate::text::words::is_alnum;

/// Input roster entry (the analysis converts the lexicon's actors to this).
#[derive(Debug, Clone)]
pub struct RosterActor {
    /// Canonical name, reported as [`Quote::speaker`](super::Quote::speaker).
    pub name: String,
    /// Other spellings, matched on word boundaries: case-insensitively for
    /// roles and documents; for people and organisations exactly except the
    /// first letter (so "ICE" never matches "ice", "De Blasio" matches).
    pub aliases: Vec<String>,
    /// The side the actor's quotations count for, reported as
    /// [`Quote::side`](super::Quote::side): `Side` or `Neutral`.
    pub side: QuoteSide,
    /// What the actor is; drives pronoun agreement.
    pub kind: ActorKind,
}

/// Compiled roster, reusable across articles (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Roster {
    pub(super) actors: Vec<RosterActor>,
    matcher: Option<AhoCorasick>,
    pats: Vec<Pat>,
}

#[derive(Debug, Clone)]
struct Pat {
    actor: usize,
    text: Vec<u8>,
    /// Names of people and organisations must match case exactly except for
    /// the first letter (so "ICE" never matches "ice", "De Blasio" matches).
    strict: bool,
    /// A person's one-word name (a surname: "Trump", "Miller"): after another given
    /// name it is somebody else ("Eric Trump", "Jason Miller").
    surname: bool,
}

/// A roster name found in the text: bytes `s..e`, actor index `actor`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Mention {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) actor: usize,
}

impl Roster {
    /// Compile a roster. Person names also match by surname ("Lucero",
    /// "de Blasio") unless two people share it.
    pub fn new(actors: &[RosterActor]) -> Roster {
        let mut explicit: HashMap<String, usize> = HashMap::new();
        let mut list: Vec<(String, usize)> = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for p in std::iter::once(&a.name).chain(a.aliases.iter()) {
                let p = p.trim();
                if p.is_empty() {
                    continue;
                }
                let key = p.to_lowercase();
                if let std::collections::hash_map::Entry::Vacant(v) = explicit.entry(key) {
                    v.insert(i);
                    list.push((p.to_string(), i));
                }
            }
        }
        let mut derived: HashMap<String, Option<(String, usize)>> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            if let Some(sur) = surname(&a.name) {
                let key = sur.to_lowercase();
                if explicit.contains_key(&key) {
                    continue;
                }
                match derived.get(&key) {
                    Some(Some((_, j))) if *j != i => {
                        derived.insert(key, None);
                    }
                    Some(_) => {}
                    None => {
                        derived.insert(key, Some((sur, i)));
                    }
                }
            }
        }
        let mut derived: Vec<(String, usize)> = derived.into_values().flatten().collect();
        derived.sort();
        list.extend(derived);
        let mut pats = Vec::new();
        for (p, i) in list {
            let strict = matches!(actors[i].kind, ActorKind::Person | ActorKind::Organization);
            let alt = if p.contains('’') {
                Some(p.replace('’', "'"))
            } else if p.contains('\'') {
                Some(p.replace('\'', "’"))
            } else {
                None
            };
            let surname = actors[i].kind == ActorKind::Person && !p.contains(char::is_whitespace);
            pats.push(Pat {
                actor: i,
                text: p.into_bytes(),
                strict,
                surname,
            });
            if let Some(alt) = alt {
                pats.push(Pat {
                    actor: i,
                    text: alt.into_bytes(),
                    strict,
                    surname,
                });
            }
        }
        let matcher = if pats.is_empty() {
            None
        } else {
            // A DFA (same matches, as the matcher module does): the default
            // for this many patterns is a contiguous NFA, several times
            // slower per byte on the short windows searched per quote.
            let build = |kind| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(kind)
                    .build(pats.iter().map(|p| &p.text))
            };
            build(Some(AhoCorasickKind::DFA))
                .or_else(|_| build(None))
                .ok()
        };
        Roster {
            actors: actors.to_vec(),
            matcher,
            pats,
        }
    }

    /// Roster mentions inside `text[lo..hi]`, on word boundaries.
    #[cfg(test)]
    pub(super) fn mentions(&self, text: &str, lo: usize, hi: usize) -> Vec<Mention> {
        self.raw_mentions(text, lo, hi)
            .into_iter()
            .filter_map(|(m, ok)| ok.then_some(m))
            .collect()
    }

    /// Every automaton match inside `text[lo..hi]` (leftmost-longest, so a
    /// match hides any overlapping one), each with whether it is a mention
    /// (word boundaries, case).
    pub(super) fn raw_mentions(&self, text: &str, lo: usize, hi: usize) -> Vec<(Mention, bool)> {
        let mut out = Vec::new();
        let Some(ac) = &self.matcher else {
            return out;
        };
        if lo >= hi || hi > text.len() {
            return out;
        }
        for m in ac.find_iter(&text[lo..hi]) {
            let (s, e) = (lo + m.start(), lo + m.end());
            let p = &self.pats[m.pattern().as_usize()];
            let before_ok = text[..s].chars().next_back().none_or_not(is_alnum);
            let after_ok = text[e..].chars().next().none_or_not(is_alnum);
            let ok = before_ok
                && after_ok
                && (!p.strict || case_ok(&text.as_bytes()[s..e], &p.text))
                && !(p.surname && given_name_before(text, s));
            let m = Mention {
                s,
                e,
                actor: p.actor,
            };
            out.push((m, ok));
        }
        out
    }
}

/// The word right before byte `s` (one space between) looks like somebody's given name:
/// capitalized, two letters or more, and no title, function word, month, organisation
/// word, sentence adverb or acronym ("Eric Trump" is not Donald Trump; "President Trump",
/// "When Trump", "GOP Trump" leave the surname alone).
fn given_name_before(text: &str, s: usize) -> bool {
    let Some(head) = text[..s].strip_suffix(' ') else {
        return false;
    };
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
        .last()
        .map_or(head.len(), |(k, _)| k);
    let w = &head[start..];
    if start > 0
        && !head[..start].ends_with(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
    {
        return false;
    }
    let mut cs = w.chars();
    let (Some(first), Some(_)) = (cs.next(), cs.next()) else {
        return false;
    };
    first.is_uppercase()
        && !is_acronym(w)
        && !in_list_nodot(TITLES, w)
        && !in_list(FUNCTION, w)
        && !in_list_nodot(MONTHS_DAYS, w)
        && !in_list(ORG_WORDS, w)
        && !in_list(LEAD_ADV, w)
        && !in_list(PREPS, w)
        && !in_list(PARTICLES, w)
        && !in_list(SAY_FINITE, w)
}

/// At least two letters, all uppercase ("GOP"): as `tokens::is_acronym`, which this file
/// cannot import (the tokenizer reads the context, which holds the roster).
fn is_acronym(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(char::is_uppercase)
}

/// The text found matches pattern `pat` exactly but for the case of its first letter.
fn case_ok(found: &[u8], pat: &[u8]) -> bool {
    found.len() == pat.len()
        && found.iter().zip(pat).enumerate().all(|(i, (a, b))| {
            if i == 0 {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        })
}

/// The surname of a person's name ("Henry Lucero" → "Lucero", "Bill de Blasio" →
/// "de Blasio", "John Smith Jr." → "Smith"); none for one word or under three letters.
fn surname(name: &str) -> Option<String> {
    let toks: Vec<&str> = name.split_whitespace().collect();
    if toks.len() < 2 {
        return None;
    }
    if let Some(p) = toks.iter().skip(1).position(|t| in_list(PARTICLES, t)) {
        let p = p + 1;
        if p + 1 < toks.len() {
            return Some(toks[p..].join(" "));
        }
    }
    let mut last = toks.len() - 1;
    let suffix = |t: &str| {
        matches!(
            t.trim_end_matches('.').to_lowercase().as_str(),
            "jr" | "sr" | "ii" | "iii" | "iv"
        )
    };
    if suffix(toks[last]) && last >= 2 {
        last -= 1;
    }
    let s = toks[last].trim_end_matches([',', '.']);
    (s.chars().count() >= 3).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::extract;
    use crate::quotes::tests::fixtures::{actor, roster, side_of, speaker};

    #[test]
    fn roster_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Roster>();
        assert!(extract("", &roster()).is_empty());
        assert!(extract("“no roster at all here,” he said.", &Roster::new(&[])).len() == 1);
    }

    #[test]
    fn ambiguous_roster_surname_is_not_guessed() {
        let r = Roster::new(&[
            actor("John Smith", &[], "a", ActorKind::Person),
            actor("Jane Smith", &[], "b", ActorKind::Person),
        ]);
        let t = "“We will keep the shelter open all winter,” Smith said.";
        let q = &extract(t, &r)[0];
        assert_eq!((speaker(q), side_of(q)), (Some("Smith"), Some("unaligned")));
        let t = "“We will keep the shelter open all winter,” Jane Smith said.";
        let q = &extract(t, &r)[0];
        assert_eq!((speaker(q), side_of(q)), (Some("Jane Smith"), Some("b")));
        // another given name before a roster surname is somebody else
        let r = Roster::new(&[actor("Donald Trump", &["Trump"], "a", ActorKind::Person)]);
        for (t, who, side) in [
            (
                "“We will win this state easily,” Eric Trump said.",
                "Eric Trump",
                "unaligned",
            ),
            (
                "“We will win this state easily,” President Trump said.",
                "Donald Trump",
                "a",
            ),
            (
                "“We will win this state easily,” Mr. Trump said.",
                "Donald Trump",
                "a",
            ),
            (
                "“We will win this state easily,” Sen. Trump said.",
                "Donald Trump",
                "a",
            ),
        ] {
            let q = &extract(t, &r)[0];
            assert_eq!((speaker(q), side_of(q)), (Some(who), Some(side)), "{t}");
        }
        // acronym aliases are case-sensitive: "ice" is not ICE
        let r = Roster::new(&[actor("ICE", &[], "x", ActorKind::Organization)]);
        let t = "“The roads are covered in ice and snow tonight,” ice said.";
        assert_eq!(speaker(&extract(t, &r)[0]), None);
    }
}
