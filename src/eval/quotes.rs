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
//! the gold name's last word (its surname, titles dropped; for "X of Y", X's) is one of
//! the speaker's words
//! and, when both give a first name, the first names agree too. For pronouns and
//! descriptions the gold data names no person, so the right name is taken to be the
//! nearest gold source before it in the same article that is a name (a proxy: the
//! annotators' antecedent is usually the last person named).

use std::collections::HashMap;

use serde::Deserialize;

use crate::quotes::Rule;

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
    // "Joel Pollak of Breitbart California", "Rep. Tom Cole of Oklahoma": the person is
    // the run before "of" / "at" / "from" / "for" (unless it is all titles:
    // "Secretary of State John Kerry")
    for (i, w) in raw.iter().enumerate().skip(1) {
        if !matches!(*w, "of" | "at" | "from" | "for") || !cap(raw[i - 1]) {
            continue;
        }
        let mut start = i - 1;
        while start > 0 && cap(raw[start - 1]) {
            start -= 1;
        }
        let names = name_words(&raw[start..i].join(" "));
        if !names.is_empty() && !raw[i - 1].ends_with("'s") && !raw[i - 1].ends_with("’s") {
            return Some(names);
        }
        break;
    }
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
    /// The rule that named the speaker (or why none was named).
    pub rule: Rule,
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
    /// Not found: no quotation of slant overlaps the content at all.
    pub no_quotation: u32,
    /// Not found: the overlapping quotation was classed a term (scare quotes).
    pub as_term: u32,
}

impl SourceCounts {
    fn add(&mut self, v: Verdict) {
        self.gold += 1;
        match v {
            Verdict::NoQuotation => {
                self.no_quotation += 1;
                self.none += 1;
            }
            Verdict::Term => {
                self.as_term += 1;
                self.none += 1;
            }
            Verdict::Unattributed => {
                self.found += 1;
                self.none += 1;
            }
            Verdict::Right => {
                self.found += 1;
                self.right += 1;
            }
            Verdict::Wrong => {
                self.found += 1;
                self.wrong += 1;
            }
        }
    }
}

/// What became of one gold direct quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// No quotation of slant overlaps it.
    NoQuotation,
    /// Only a term quotation overlaps it.
    Term,
    /// Found as speech, no speaker named.
    Unattributed,
    /// Found, and the speaker is the right person.
    Right,
    /// Found, and slant names someone else.
    Wrong,
}

impl Verdict {
    /// Every verdict that is a failure, in the order reports list them.
    pub const MISSES: [Verdict; 4] = [
        Verdict::NoQuotation,
        Verdict::Term,
        Verdict::Unattributed,
        Verdict::Wrong,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NoQuotation => "no_quotation",
            Verdict::Term => "term",
            Verdict::Unattributed => "unattributed",
            Verdict::Right => "right",
            Verdict::Wrong => "wrong",
        }
    }
}

/// The verdicts of the gold quotations found under one rule, by kind of gold source.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleCounts {
    pub rule: Rule,
    pub name: SourceCounts,
    pub pronoun: SourceCounts,
    pub description: SourceCounts,
}

/// One failure, with what a reader needs to see why.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub article_id: String,
    pub kind: SourceKind,
    pub verdict: Verdict,
    /// The gold source and cue as written.
    pub source: String,
    pub cue: String,
    /// slant's speaker and rule for the best overlapping quotation.
    pub speaker: Option<String>,
    pub rule: Option<Rule>,
    /// The text around the gold source and content (newlines shown as ⏎).
    pub context: String,
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
    /// The verdicts by the rule of slant's quotation (found quotations only), in the
    /// order of [`Rule::ALL`], rules that found nothing left out.
    pub by_rule: Vec<RuleCounts>,
    /// Named gold quotations by their gold cue (lowercased, a trailing colon dropped),
    /// most common first.
    pub by_cue: Vec<(String, SourceCounts)>,
    /// Sample failures: up to `show_misses` of each verdict in [`Verdict::MISSES`] for
    /// the kind of source asked for, spread evenly over the corpus.
    pub misses: Vec<Miss>,
    /// Reported (indirect) speech against the gold indirect attributions, when measured.
    pub reported: Option<ReportedReport>,
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

/// A span of reported speech slant found, as `eval quotes` needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundReported {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<String>,
}

/// Reported speech against the gold indirect attributions (`direct: false`, with a
/// source). Recall: share of gold indirect contents a reported span of slant overlaps;
/// `speech_cue` restricts that to gold cues slant knows as speech cues (the gold data
/// also annotates beliefs, perceptions and actions: "thinks", "mocked"). Precision: share
/// of slant's spans that overlap some gold content (direct or indirect).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportedReport {
    pub gold: u32,
    pub gold_found: u32,
    pub gold_speech_cue: u32,
    pub gold_speech_cue_found: u32,
    pub spans: u32,
    pub spans_matching: u32,
    /// Found gold indirect attributions whose source is a name: how many, and how many
    /// have slant's speaker right / someone else.
    pub named: u32,
    pub named_right: u32,
    pub named_wrong: u32,
}

/// What the report accumulates over articles before [`Tally::finish`].
#[derive(Debug, Default)]
pub struct Tally {
    report: QuotesReport,
    missed: HashMap<String, u32>,
    cues: HashMap<String, SourceCounts>,
    rules: HashMap<Rule, RuleCounts>,
    misses: Vec<Miss>,
    reported: Option<ReportedReport>,
}

/// The options of [`Tally::finish`].
#[derive(Debug, Clone, Copy)]
pub struct FinishOpts {
    /// How many missed cue words and gold cues to list.
    pub top_cues: usize,
    /// How many sample failures of each verdict to keep.
    pub show_misses: usize,
    /// Which kind of gold source the samples are of.
    pub miss_kind: SourceKind,
}

/// Bytes of context kept each side of a failure.
const CONTEXT: usize = 160;

/// The text of `text[s..e]` widened by [`CONTEXT`] bytes each side, on char boundaries,
/// newlines shown as ⏎, at most about 900 bytes (the middle elided).
fn context(text: &str, s: usize, e: usize) -> String {
    let lo = s.saturating_sub(CONTEXT).min(text.len());
    let hi = (e + CONTEXT).min(text.len());
    let lo = (0..=lo)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let hi = (hi..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let mut t: String = text[lo..hi.max(lo)].replace('\n', " ⏎ ");
    if t.len() > 900 {
        let a = (0..=450)
            .rev()
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(0);
        let b = (t.len() - 450..=t.len())
            .find(|&i| t.is_char_boundary(i))
            .unwrap_or(t.len());
        t = format!("{} … {}", &t[..a], &t[b..]);
    }
    t
}

/// The key a gold cue is counted under: lowercased, a trailing colon dropped.
fn cue_key(cue: &str) -> String {
    let c = cue.trim().to_lowercase();
    let c = c.trim_end_matches(':').trim();
    if c.is_empty() {
        cue.trim().to_string()
    } else {
        c.to_string()
    }
}

impl Tally {
    /// Start a tally; `reported` turns on the reported-speech measures.
    pub fn new(reported: bool) -> Tally {
        Tally {
            reported: reported.then(ReportedReport::default),
            ..Tally::default()
        }
    }

    /// Compare one article's quotations (and reported speech) with its gold
    /// attributions (in file order).
    pub fn add(
        &mut self,
        article_id: &str,
        text: &str,
        found: &[FoundQuote],
        reported: &[FoundReported],
        gold: &[&GoldAttribution],
        is_speech_cue: &dyn Fn(&str) -> bool,
    ) {
        let report = &mut self.report;
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
            let overlap = |q: &FoundQuote| q.end.min(e).saturating_sub(q.start.max(s));
            // The speech quotation overlapping the content most.
            let best = found
                .iter()
                .filter(|q| q.speech)
                .map(|q| (overlap(q), q))
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
            let verdict = match best {
                None if found.iter().any(|q| overlap(q) > 0) => Verdict::Term,
                None => Verdict::NoQuotation,
                Some(q) => match q.speaker.as_deref() {
                    Some(sp) if target.is_some_and(|t| same_person(sp, t)) => Verdict::Right,
                    Some(_) => Verdict::Wrong,
                    None => Verdict::Unattributed,
                },
            };
            let counts = match kind {
                SourceKind::Name => &mut report.names,
                SourceKind::Pronoun => &mut report.pronouns,
                SourceKind::Description => &mut report.descriptions,
            };
            counts.add(verdict);
            let cue = g.cue.as_ref().map_or("", |c| c.text.as_str());
            if kind == SourceKind::Name {
                self.cues.entry(cue_key(cue)).or_default().add(verdict);
                if verdict == Verdict::Unattributed && !cue.is_empty() {
                    *self.missed.entry(cue.to_lowercase()).or_default() += 1;
                }
            }
            if let Some(q) = best {
                let rc = self.rules.entry(q.rule).or_insert_with(|| RuleCounts {
                    rule: q.rule,
                    name: SourceCounts::default(),
                    pronoun: SourceCounts::default(),
                    description: SourceCounts::default(),
                });
                match kind {
                    SourceKind::Name => rc.name.add(verdict),
                    SourceKind::Pronoun => rc.pronoun.add(verdict),
                    SourceKind::Description => rc.description.add(verdict),
                }
            }
            if verdict != Verdict::Right {
                let (cs, ce) = (s.min(src.start_byte), e.max(src.end_byte));
                let best_any = best.or_else(|| {
                    found
                        .iter()
                        .map(|q| (overlap(q), q))
                        .filter(|(o, _)| *o > 0)
                        .max_by_key(|(o, _)| *o)
                        .map(|(_, q)| q)
                });
                self.misses.push(Miss {
                    article_id: article_id.to_string(),
                    kind,
                    verdict,
                    source: src.text.clone(),
                    cue: cue.to_string(),
                    speaker: best.and_then(|q| q.speaker.clone()),
                    rule: best_any.map(|q| q.rule),
                    context: context(text, cs, ce),
                });
            }
        }
        if let Some(rr) = &mut self.reported {
            add_reported(rr, reported, gold, is_speech_cue);
        }
    }

    /// The report: sorted lists cut to `top_cues`, `show_misses` samples per verdict.
    pub fn finish(self, opts: FinishOpts) -> QuotesReport {
        let mut report = self.report;
        report.missed_cues = missed_cues(self.missed, opts.top_cues);
        let mut by_cue: Vec<(String, SourceCounts)> = self.cues.into_iter().collect();
        by_cue.sort_by(|a, b| b.1.gold.cmp(&a.1.gold).then(a.0.cmp(&b.0)));
        by_cue.truncate(opts.top_cues);
        report.by_cue = by_cue;
        let mut rules = self.rules;
        report.by_rule = Rule::ALL.iter().filter_map(|r| rules.remove(r)).collect();
        for v in Verdict::MISSES {
            let all: Vec<&Miss> = self
                .misses
                .iter()
                .filter(|m| m.verdict == v && m.kind == opts.miss_kind)
                .collect();
            let n = opts.show_misses.min(all.len());
            for k in 0..n {
                // evenly spread: the k-th of n equal slices, its first
                report.misses.push(all[k * all.len() / n].clone());
            }
        }
        report.reported = self.reported;
        report
    }
}

/// Reported speech of one article against its gold indirect attributions.
fn add_reported(
    rr: &mut ReportedReport,
    reported: &[FoundReported],
    gold: &[&GoldAttribution],
    is_speech_cue: &dyn Fn(&str) -> bool,
) {
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0.max(b.0) < a.1.min(b.1);
    let contents: Vec<(usize, usize)> = gold.iter().filter_map(|g| g.content_range()).collect();
    for r in reported {
        rr.spans += 1;
        if contents.iter().any(|&c| overlaps(c, (r.start, r.end))) {
            rr.spans_matching += 1;
        }
    }
    for g in gold {
        let (Some(src), false) = (&g.source, g.direct) else {
            continue;
        };
        let Some(c) = g.content_range() else {
            continue;
        };
        rr.gold += 1;
        let speech = g.cue.as_ref().is_some_and(|c| is_speech_cue(&c.text));
        rr.gold_speech_cue += u32::from(speech);
        let best = reported
            .iter()
            .map(|r| (r.end.min(c.1).saturating_sub(r.start.max(c.0)), r))
            .filter(|(o, _)| *o > 0)
            .max_by_key(|(o, _)| *o)
            .map(|(_, r)| r);
        let Some(best) = best else {
            continue;
        };
        rr.gold_found += 1;
        rr.gold_speech_cue_found += u32::from(speech);
        if source_kind(&src.text) == SourceKind::Name {
            rr.named += 1;
            match best.speaker.as_deref() {
                Some(sp) if same_person(sp, &src.text) => rr.named_right += 1,
                Some(_) => rr.named_wrong += 1,
                None => {}
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
        assert!(same_person(
            "Joel Pollak",
            "Joel Pollak of Breitbart California"
        ));
        assert!(!same_person("Joel Pollak", "Breitbart California"));
        assert!(same_person("John Kerry", "Secretary of State John Kerry"));
        assert!(same_person("Bank of America", "Bank of America"));
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
            gold("Rubio", 205, (210, 220), true),   // only a term overlaps
            gold("Bush", 225, (230, 240), true),    // nothing overlaps
        ];
        let q = |s, e, sp: Option<&str>, rule| FoundQuote {
            start: s,
            end: e,
            speech: true,
            speaker: sp.map(str::to_string),
            rule,
        };
        let found = [
            q(21, 39, Some("Ted Cruz"), Rule::VerbAfter),
            q(60, 80, Some("Ted Cruz"), Rule::Pronoun),
            q(100, 120, Some("Donald Trump"), Rule::VerbAfter),
            q(141, 150, None, Rule::Unattributed),
            FoundQuote {
                speech: false,
                ..q(211, 215, None, Rule::TermQuote)
            },
        ];
        let reported = [
            FoundReported {
                start: 182,
                end: 190,
                speaker: Some("John Kasich".into()),
            },
            FoundReported {
                start: 300,
                end: 310,
                speaker: None,
            },
        ];
        let refs: Vec<&GoldAttribution> = g.iter().collect();
        let text = "x".repeat(320);
        let mut t = Tally::new(true);
        t.add("a", &text, &found, &reported, &refs, &|c| c == "quipped");
        let r = t.finish(FinishOpts {
            top_cues: 5,
            show_misses: 3,
            miss_kind: SourceKind::Name,
        });
        assert_eq!((r.direct, r.found), (6, 4));
        assert_eq!(
            r.names,
            SourceCounts {
                gold: 5,
                found: 3,
                right: 1,
                wrong: 1,
                none: 3,
                no_quotation: 1,
                as_term: 1,
            }
        );
        // "he" resolves to the last name before it: Ted Cruz.
        assert_eq!(r.pronouns.right, 1);
        assert_eq!(r.missed_cues, vec![("quipped".to_string(), 1)]);
        assert_eq!(r.by_cue[0].0, "quipped");
        assert_eq!(r.by_cue[0].1.gold, 5);
        let rules: Vec<(Rule, u32, u32)> = r
            .by_rule
            .iter()
            .map(|c| (c.rule, c.name.right + c.pronoun.right, c.name.wrong))
            .collect();
        assert_eq!(
            rules,
            [
                (Rule::VerbAfter, 1, 1),
                (Rule::Pronoun, 1, 0),
                (Rule::Unattributed, 0, 0)
            ]
        );
        let verdicts: Vec<(&str, Verdict)> = r
            .misses
            .iter()
            .map(|m| (m.source.as_str(), m.verdict))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("Bush", Verdict::NoQuotation),
                ("Rubio", Verdict::Term),
                ("Sanders", Verdict::Unattributed),
                ("Clinton", Verdict::Wrong)
            ]
        );
        assert_eq!(r.misses[3].speaker.as_deref(), Some("Donald Trump"));
        let rr = r.reported.expect("measured");
        assert_eq!((rr.gold, rr.gold_found, rr.named_right), (1, 1, 1));
        assert_eq!((rr.gold_speech_cue, rr.gold_speech_cue_found), (1, 1));
        assert_eq!((rr.spans, rr.spans_matching), (2, 1));
    }

    #[test]
    fn context_is_cut_on_char_boundaries() {
        let t = format!("{}é\nmid{}", "ü".repeat(200), "ß".repeat(200));
        let c = context(&t, 401, 406);
        assert!(c.contains("é ⏎ mid"));
        assert!(c.len() < 400);
        assert_eq!(cue_key(" Said: "), "said");
        assert_eq!(cue_key(":"), ":");
    }
}
