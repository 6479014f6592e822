//! `slant eval quotes`: slant's quotations and speakers against gold attributions in the
//! format of PolNeAR (one JSON object a line: `article_id`, `source`, `cue`, `contents`,
//! `direct`; every span with `start_byte`/`end_byte` into the article's text).
//!
//! Only gold attributions that are `direct` (inside quotation marks) and have a source
//! count. A gold quotation is **found** when a speech quotation of slant overlaps its
//! content (the span from the first to the last byte of its content fragments) by at
//! least one byte. Its source is classed as a **name** ("Trump", "Hillary Clinton"), a
//! **pronoun** ("he", "they", "who") or a **description** ("the senator", "a spokesman",
//! "the statement"). A name agrees with slant's speaker when they name the same person:
//! the gold name's last word (its surname, titles dropped) is one of the speaker's words
//! and, when both give a first name, the first names agree too. For pronouns and
//! descriptions the gold data names no person, so the right name is taken to be the
//! nearest gold source before it in the same article that is a name (a proxy: the
//! annotators' antecedent is usually the last person named).

use std::collections::HashMap;

use serde::Deserialize;

/// A span of the gold data.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldSpan {
    pub start_byte: usize,
    pub end_byte: usize,
    #[serde(default)]
    pub text: String,
}

/// One content span of a gold attribution, possibly in fragments.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldContent {
    pub start_byte: usize,
    pub end_byte: usize,
    #[serde(default)]
    pub fragments: Option<Vec<GoldSpan>>,
}

/// One line of the gold file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldAttribution {
    pub article_id: String,
    pub source: Option<GoldSpan>,
    #[serde(default)]
    pub cue: Option<GoldSpan>,
    pub contents: Vec<GoldContent>,
    #[serde(default)]
    pub direct: bool,
}

impl GoldAttribution {
    /// From the first to the last byte of its content (over every fragment).
    pub fn content_range(&self) -> Option<(usize, usize)> {
        let spans = self.contents.iter().flat_map(|c| match &c.fragments {
            Some(f) if !f.is_empty() => f.iter().map(|s| (s.start_byte, s.end_byte)).collect(),
            _ => vec![(c.start_byte, c.end_byte)],
        });
        spans.fold(None, |acc, (s, e)| match acc {
            None => Some((s, e)),
            Some((a, b)) => Some((a.min(s), b.max(e))),
        })
    }
}

/// What a gold source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Name,
    Pronoun,
    Description,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Name => "name",
            SourceKind::Pronoun => "pronoun",
            SourceKind::Description => "description",
        }
    }
}

const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "who",
    "him",
    "her",
    "them",
    "us",
    "me",
    "which",
    "that",
    "this",
    "whom",
    "one",
    "itself",
    "himself",
    "herself",
    "themselves",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "one", "two", "three", "another", "other",
];
/// Words dropped from names before comparing them.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "former",
    "gen",
    "general",
    "secretary",
    "speaker",
    "judge",
    "justice",
    "sheriff",
    "mayor",
    "rev",
    "sister",
    "father",
    "candidate",
    "jr",
    "sr",
    "ii",
    "iii",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(&w)
                .trim_matches(['\'', '’', '-'])
                .to_string();
            w
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The name in a gold source: the last run of capitalized words before the first comma
/// (parentheses such as "(D-Va.)" dropped), without titles, lowercased. `None` when there
/// is no such run, or when the run is a possessive that other words follow ("Hillary
/// Clinton's right-hand woman" describes someone else).
fn gold_name(text: &str) -> Option<Vec<String>> {
    let mut plain = String::with_capacity(text.len());
    let mut depth = 0u32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let clause = plain.split(',').next().unwrap_or("");
    let raw: Vec<&str> = clause.split_whitespace().collect();
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let end = raw.iter().rposition(|w| cap(w))?;
    let mut start = end;
    while start > 0 && cap(raw[start - 1]) {
        start -= 1;
    }
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    if possessive(raw[end]) && end + 1 < raw.len() {
        return None;
    }
    let run = raw[start..=end].join(" ");
    let names = name_words(&run);
    (!names.is_empty()).then_some(names)
}

/// Class a gold source's text.
pub fn source_kind(text: &str) -> SourceKind {
    let ws = words(text);
    let Some(first) = ws.first() else {
        return SourceKind::Description;
    };
    if ws.len() == 1 && PRONOUNS.contains(&first.as_str()) {
        return SourceKind::Pronoun;
    }
    if DETERMINERS.contains(&first.as_str()) || gold_name(text).is_none() {
        return SourceKind::Description;
    }
    SourceKind::Name
}

/// The name words of a person's name: its words without titles.
fn name_words(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| !TITLES.contains(&w.as_str()))
        .collect()
}

/// The first name of a name (surname last): the nearest word before the surname that is
/// not an initial.
fn first_name(names: &[String]) -> Option<&str> {
    names[..names.len().saturating_sub(1)]
        .iter()
        .rev()
        .find(|w| w.chars().count() > 1)
        .map(String::as_str)
}

/// Whether slant's `speaker` names the person of gold source `gold`: the gold name's
/// surname is one of the speaker's name words and, when both give a first name, the
/// first names agree ("Eric Trump" is not "Donald Trump"; "Donald J. Trump" is).
pub fn same_person(speaker: &str, gold: &str) -> bool {
    let Some(g) = gold_name(gold) else {
        return false;
    };
    let s = name_words(speaker);
    let surname = g.last().expect("gold_name is never empty");
    let Some(at) = s.iter().rposition(|w| w == surname) else {
        return false;
    };
    match (first_name(&g), first_name(&s[..=at])) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// A quotation slant found, as `eval quotes` needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    pub start: usize,
    pub end: usize,
    pub speech: bool,
    pub speaker: Option<String>,
}

/// Counts for one kind of source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceCounts {
    pub gold: u32,
    pub found: u32,
    /// Found, and slant's speaker is the right person.
    pub right: u32,
    /// Found, and slant names someone else.
    pub wrong: u32,
    /// Found without a speaker, or not found.
    pub none: u32,
}

/// Everything `eval quotes` reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuotesReport {
    pub articles: u32,
    /// Gold articles missing from the corpus (their attributions are skipped).
    pub missing_articles: u32,
    pub direct: u32,
    pub found: u32,
    pub names: SourceCounts,
    pub pronouns: SourceCounts,
    pub descriptions: SourceCounts,
    /// Gold cue words of named quotations slant found but left without a speaker, most
    /// common first (what speech cues it misses).
    pub missed_cues: Vec<(String, u32)>,
}

impl QuotesReport {
    pub fn share(n: u32, of: u32) -> f64 {
        if of == 0 {
            0.0
        } else {
            f64::from(n) / f64::from(of)
        }
    }
}

/// Compare one article's quotations with its gold attributions (in file order).
pub fn compare(
    report: &mut QuotesReport,
    missed: &mut HashMap<String, u32>,
    found: &[FoundQuote],
    gold: &[&GoldAttribution],
) {
    report.articles += 1;
    // The name sources of the article by position, for the pronoun/description proxy.
    let mut names: Vec<(usize, &str)> = gold
        .iter()
        .filter_map(|g| g.source.as_ref())
        .filter(|s| source_kind(&s.text) == SourceKind::Name)
        .map(|s| (s.start_byte, s.text.as_str()))
        .collect();
    names.sort_by_key(|n| n.0);
    for g in gold {
        let (Some(src), true) = (&g.source, g.direct) else {
            continue;
        };
        let Some((s, e)) = g.content_range() else {
            continue;
        };
        report.direct += 1;
        // The speech quotation overlapping the content most.
        let best = found
            .iter()
            .filter(|q| q.speech)
            .map(|q| (q.end.min(e).saturating_sub(q.start.max(s)), q))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, q)| q);
        report.found += u32::from(best.is_some());
        let kind = source_kind(&src.text);
        let target: Option<&str> = match kind {
            SourceKind::Name => Some(src.text.as_str()),
            _ => names
                .iter()
                .rev()
                .find(|(at, _)| *at < src.start_byte)
                .map(|(_, t)| *t),
        };
        let counts = match kind {
            SourceKind::Name => &mut report.names,
            SourceKind::Pronoun => &mut report.pronouns,
            SourceKind::Description => &mut report.descriptions,
        };
        counts.gold += 1;
        counts.found += u32::from(best.is_some());
        match best.and_then(|q| q.speaker.as_deref()) {
            Some(sp) if target.is_some_and(|t| same_person(sp, t)) => counts.right += 1,
            Some(_) => counts.wrong += 1,
            None => {
                counts.none += 1;
                if kind == SourceKind::Name && best.is_some() {
                    if let Some(cue) = &g.cue {
                        *missed.entry(cue.text.to_lowercase()).or_default() += 1;
                    }
                }
            }
        }
    }
}

/// Turn the missed-cue tally into the report's sorted list (at most `top` entries).
pub fn missed_cues(missed: HashMap<String, u32>, top: usize) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = missed.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(top);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_classed() {
        assert_eq!(source_kind("Trump"), SourceKind::Name);
        assert_eq!(source_kind("Hillary Clinton"), SourceKind::Name);
        assert_eq!(source_kind("he"), SourceKind::Pronoun);
        assert_eq!(source_kind("She"), SourceKind::Pronoun);
        assert_eq!(source_kind("the senator"), SourceKind::Description);
        assert_eq!(source_kind("The Clinton campaign"), SourceKind::Description);
        assert_eq!(source_kind("a spokesman for ICE"), SourceKind::Description);
        assert_eq!(
            source_kind("Hillary Clinton’s right-hand woman"),
            SourceKind::Description
        );
        assert_eq!(source_kind("Rep. Bobby Scott (D-Va.)"), SourceKind::Name);
    }

    #[test]
    fn people_are_matched_by_surname_and_first_name() {
        assert!(same_person("Donald Trump", "Trump"));
        assert!(same_person("Donald Trump", "Mr. Trump’s"));
        assert!(same_person("Barack Obama", "President Obama"));
        assert!(!same_person("Donald Trump", "Eric Trump"));
        assert!(!same_person("Ted Cruz", "Trump"));
        assert!(same_person("Trump", "Donald J. Trump"));
        assert!(same_person("Donald Trump", "Donald J. Trump"));
        assert!(same_person(
            "Michael Tyler",
            "Michael Tyler, a spokesman for the Feingold campaign,"
        ));
        assert!(same_person(
            "Jeff Weaver",
            "Sanders campaign manager Jeff Weaver"
        ));
        assert!(same_person(
            "Harry M. Reid",
            "Senate Minority Leader Harry M. Reid (D-Nev.)"
        ));
        assert!(same_person(
            "Bernie Sanders",
            "Sanders, runner-up to Hillary Clinton for the nomination"
        ));
        assert!(!same_person(
            "Hillary Clinton",
            "Sanders, runner-up to Hillary Clinton for the nomination"
        ));
    }

    fn gold(src: &str, at: usize, content: (usize, usize), direct: bool) -> GoldAttribution {
        GoldAttribution {
            article_id: "a".into(),
            source: Some(GoldSpan {
                start_byte: at,
                end_byte: at + src.len(),
                text: src.into(),
            }),
            cue: Some(GoldSpan {
                start_byte: 0,
                end_byte: 0,
                text: "quipped".into(),
            }),
            contents: vec![GoldContent {
                start_byte: content.0,
                end_byte: content.1,
                fragments: None,
            }],
            direct,
        }
    }

    #[test]
    fn found_right_wrong_and_none_are_counted() {
        let g = [
            gold("Ted Cruz", 0, (20, 40), true),
            gold("he", 50, (60, 80), true),
            gold("Clinton", 90, (100, 120), true),
            gold("Sanders", 130, (140, 160), true),
            gold("Kasich", 170, (180, 200), false), // indirect: not counted
        ];
        let q = |s, e, sp: Option<&str>| FoundQuote {
            start: s,
            end: e,
            speech: true,
            speaker: sp.map(str::to_string),
        };
        let found = [
            q(21, 39, Some("Ted Cruz")),
            q(60, 80, Some("Ted Cruz")),
            q(100, 120, Some("Donald Trump")),
            q(141, 150, None),
        ];
        let refs: Vec<&GoldAttribution> = g.iter().collect();
        let mut r = QuotesReport::default();
        let mut missed = HashMap::new();
        compare(&mut r, &mut missed, &found, &refs);
        assert_eq!((r.direct, r.found), (4, 4));
        assert_eq!(
            r.names,
            SourceCounts {
                gold: 3,
                found: 3,
                right: 1,
                wrong: 1,
                none: 1
            }
        );
        // "he" resolves to the last name before it: Ted Cruz.
        assert_eq!(r.pronouns.right, 1);
        assert_eq!(missed_cues(missed, 5), vec![("quipped".to_string(), 1)]);
    }
}
