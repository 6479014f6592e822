//! `slant roster suggest`: the most-quoted speakers a lexicon's roster does not know, so a
//! teacher can give them a side. Quotations attributed to a named speaker outside the
//! roster ([`QuoteSide::Unaligned`]) are tallied per speaker: how many quotes and quoted
//! words, in how many articles, from which outlets, and one sample quote. Pure
//! aggregation over extracted quotations; `report::roster` writes the YAML stubs.

use std::collections::HashMap;

use crate::lexicon::ActorKind;
use crate::quotes::{Quote, QuoteKind, QuoteSide};

/// At most this many characters of a sample quote.
const SAMPLE_CHARS: usize = 160;

/// One speaker outside the roster, as suggested.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The name as the articles write it (a surname alone is expanded when the article
    /// gave the full name first).
    pub name: String,
    /// What the name looks like (a guess from its shape: the teacher checks it).
    pub kind: ActorKind,
    pub quotes: u32,
    pub words: u32,
    pub articles: u32,
    /// Outlets with the number of this speaker's quotes in each, most first.
    pub outlets: Vec<(String, u32)>,
    /// The longest quotation's opening words.
    pub sample: String,
}

/// Speakers outside the roster, tallied over articles.
#[derive(Debug, Default)]
pub struct RosterTally {
    by_name: HashMap<String, Entry>,
}

#[derive(Debug, Default)]
struct Entry {
    quotes: u32,
    words: u32,
    articles: u32,
    outlets: HashMap<String, u32>,
    sample: String,
    sample_words: u32,
}

impl RosterTally {
    /// Count the unaligned speech quotations of one article.
    pub fn add(&mut self, text: &str, outlet: Option<&str>, quotes: &[Quote]) {
        let mut seen: Vec<&str> = Vec::new();
        for q in quotes {
            let (QuoteKind::Speech, QuoteSide::Unaligned, Some(name)) =
                (q.kind, q.side, q.speaker.as_deref())
            else {
                continue;
            };
            let e = self.by_name.entry(name.to_string()).or_default();
            e.quotes += 1;
            e.words += q.words;
            if !seen.contains(&name) {
                seen.push(name);
                e.articles += 1;
            }
            *e.outlets
                .entry(outlet.unwrap_or("(no outlet)").to_string())
                .or_default() += 1;
            if q.words > e.sample_words {
                e.sample_words = q.words;
                e.sample = sample(text.get(q.start..q.end).unwrap_or(""));
            }
        }
    }

    /// The speakers quoted at least `min_quotes` times, most quoted first (then most
    /// words, then by name), at most `top`.
    pub fn finish(mut self, min_quotes: u32, top: usize) -> Vec<Suggestion> {
        self.merge_surnames();
        let mut v: Vec<Suggestion> = self
            .by_name
            .into_iter()
            .filter(|(_, e)| e.quotes >= min_quotes)
            .map(|(name, e)| {
                let mut outlets: Vec<(String, u32)> = e.outlets.into_iter().collect();
                outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                Suggestion {
                    kind: kind_of(&name),
                    name,
                    quotes: e.quotes,
                    words: e.words,
                    articles: e.articles,
                    outlets,
                    sample: e.sample,
                }
            })
            .collect();
        v.sort_by(|a, b| {
            b.quotes
                .cmp(&a.quotes)
                .then(b.words.cmp(&a.words))
                .then(a.name.cmp(&b.name))
        });
        v.truncate(top);
        v
    }
}

impl RosterTally {
    /// A surname alone ("Obama", from articles that never gave the full name) joins the
    /// one person whose full name ends in it ("Barack Obama"); with two such people, or
    /// none, it stays apart.
    fn merge_surnames(&mut self) {
        let singles: Vec<String> = self
            .by_name
            .keys()
            .filter(|n| !n.contains(' ') && n.chars().next().is_some_and(char::is_uppercase))
            .cloned()
            .collect();
        for s in singles {
            let owners: Vec<&String> = self
                .by_name
                .keys()
                .filter(|n| kind_of(n) == ActorKind::Person && n.ends_with(&format!(" {s}")))
                .collect();
            let [owner] = owners.as_slice() else {
                continue;
            };
            let owner = (*owner).clone();
            let Some(e) = self.by_name.remove(&s) else {
                continue;
            };
            let o = self.by_name.entry(owner).or_default();
            o.quotes += e.quotes;
            o.words += e.words;
            o.articles += e.articles;
            for (k, n) in e.outlets {
                *o.outlets.entry(k).or_default() += n;
            }
            if e.sample_words > o.sample_words {
                o.sample = e.sample;
                o.sample_words = e.sample_words;
            }
        }
    }
}

/// A quote's opening words, on one line, cut at a word boundary.
fn sample(inner: &str) -> String {
    let flat: String = inner.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= SAMPLE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(SAMPLE_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

/// What a speaker's name looks like: a person (one to four capitalized words), an
/// organisation (other capitalized names), or a role ("city officials").
fn kind_of(name: &str) -> ActorKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if !words.first().is_some_and(cap) {
        return ActorKind::Role;
    }
    const ORG: &[&str] = &[
        "Party",
        "Committee",
        "Department",
        "Association",
        "Institute",
        "Center",
        "Council",
        "Coalition",
        "Foundation",
        "Union",
        "Campaign",
        "News",
        "Times",
        "Post",
        "Office",
        "University",
        "Group",
        "Inc.",
        "PAC",
        "Agency",
        "Administration",
        "Court",
        "Network",
    ];
    let acronym = words.len() == 1
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if acronym
        || words.iter().any(|w| ORG.contains(w))
        || !(1..=4).contains(&words.len())
        || !words.iter().all(cap)
    {
        return ActorKind::Organization;
    }
    ActorKind::Person
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{extract, Roster, RosterActor};

    fn roster() -> Roster {
        Roster::new(&[RosterActor {
            name: "Henry Lucero".into(),
            aliases: vec![],
            side: QuoteSide::Side(0),
            kind: ActorKind::Person,
        }])
    }

    #[test]
    fn unaligned_speakers_are_tallied_by_quotes_words_and_outlets() {
        let r = roster();
        let a = "“We will keep the shelter open all winter long,” Maria Ortiz said. “Every night.” “We will not comply,” Henry Lucero said.";
        let b = "“The shelter is full again tonight and we need more beds,” Maria Ortiz said. “It is the law of the land,” said Tom Reyes.";
        let mut t = RosterTally::default();
        t.add(a, Some("daily"), &extract(a, &r));
        t.add(b, Some("weekly"), &extract(b, &r));
        t.add(b, Some("weekly"), &extract(b, &r));
        let s = t.finish(2, 10);
        let names: Vec<(&str, u32, u32)> = s
            .iter()
            .map(|s| (s.name.as_str(), s.quotes, s.articles))
            .collect();
        assert_eq!(names, [("Maria Ortiz", 4, 3), ("Tom Reyes", 2, 2)]);
        let m = &s[0];
        assert_eq!(
            m.outlets,
            [("daily".to_string(), 2), ("weekly".to_string(), 2)]
        );
        assert_eq!(
            m.sample,
            "The shelter is full again tonight and we need more beds,"
        );
        assert_eq!(m.kind, ActorKind::Person);
        // roster speakers are never suggested; `top` and `min_quotes` cut the list
        assert!(!s.iter().any(|s| s.name == "Henry Lucero"));
        let mut t = RosterTally::default();
        t.add(a, None, &extract(a, &r));
        assert_eq!(t.finish(1, 1).len(), 1);
        // a surname alone joins the one full name ending in it
        let c = "“We will keep the shelter open all winter long,” Ortiz said.";
        let mut t = RosterTally::default();
        t.add(a, None, &extract(a, &r));
        t.add(c, None, &extract(c, &r));
        let s = t.finish(1, 10);
        assert_eq!((s[0].name.as_str(), s[0].quotes), ("Maria Ortiz", 3));
        assert!(!s.iter().any(|s| s.name == "Ortiz"));
    }

    #[test]
    fn kinds_and_samples_are_guessed_from_the_shape() {
        assert_eq!(kind_of("Guy Cecil"), ActorKind::Person);
        assert_eq!(kind_of("Priorities USA"), ActorKind::Person);
        assert_eq!(kind_of("Iowa Democratic Party"), ActorKind::Organization);
        assert_eq!(kind_of("NAACP"), ActorKind::Organization);
        assert_eq!(kind_of("Obama"), ActorKind::Person);
        assert_eq!(kind_of("city officials"), ActorKind::Role);
        let long = "word ".repeat(60);
        let s = sample(&long);
        assert!(s.ends_with(" …") && s.chars().count() <= SAMPLE_CHARS + 2);
        assert_eq!(sample(" two\nlines "), "two lines");
    }
}
