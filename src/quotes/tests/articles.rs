//! Whole articles end to end: a wire-style story and the seed articles of `seeds/`, each
//! quotation with its speaker, kind and rule.

use super::fixtures::{expect, inner, run, seed, side_of, speaker, S000, S001, S002, S003, S004};
use crate::quotes::QuoteKind;

#[test]
fn wire_style_sentences() {
    let t = "WASHINGTON (AP) — The Senate voted Tuesday. “This is a historic day,” said Sen. Maria Cantwell, D-Wash. Republicans were unimpressed.\n“It’s a boondoggle,” Sen. John Thune told reporters. He said the bill would “bankrupt the country.”\n“We’re going to keep fighting,” said Rep. Alexandria Ocasio-Cortez, D-N.Y., who called the vote “a good first step.”\nCritics called it a “giveaway.” The National Rifle Association, which opposed the measure, said it would “continue to fight.”\nAsked about the bill, Trump said: “It’s terrible. Very bad.”";
    let qs = run(t);
    let who: Vec<(&str, Option<&str>, QuoteKind)> = qs
        .iter()
        .map(|q| (inner(t, q), speaker(q), q.kind))
        .collect();
    use QuoteKind::{Speech, Term};
    assert_eq!(
        who,
        [
            ("This is a historic day,", Some("Maria Cantwell"), Speech),
            ("It’s a boondoggle,", Some("John Thune"), Speech),
            ("bankrupt the country.", Some("John Thune"), Speech),
            (
                "We’re going to keep fighting,",
                Some("Alexandria Ocasio-Cortez"),
                Speech
            ),
            (
                "a good first step.",
                Some("Alexandria Ocasio-Cortez"),
                Speech
            ),
            // American punctuation: the period is the sentence's, not the term's
            ("giveaway.", None, Term),
            (
                "continue to fight.",
                Some("National Rifle Association"),
                Speech
            ),
            ("It’s terrible. Very bad.", Some("Trump"), Speech),
        ]
    );
    assert_eq!(qs[7].rule.as_str(), "speaker_before_colon");
}

#[test]
fn seed_000() {
    let t = S000;
    let qs = seed(t);
    use QuoteKind::{Speech, Term};
    let q = expect(
        t,
        &qs,
        "This is not a request—it’s a demand",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "appositive");
    assert_eq!(side_of(&q), Some("restrictionist"));
    let q = expect(
        t,
        &qs,
        "This is a last resort for us",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "continuation");
    expect(t, &qs, "sanctuary", None, Term);
    expect(t, &qs, "detainers,", None, Term);
    expect(
        t,
        &qs,
        "It is this city’s sanctuary",
        Some("Matthew Albence"),
        Speech,
    );
    let q = expect(
        t,
        &qs,
        "to exploit this tragedy.",
        Some("Freddi Goldstein"),
        Speech,
    );
    assert_eq!(q.cue.as_deref(), Some("accused"));
    let q = expect(t, &qs, "scare tactics", Some("Bill de Blasio"), Speech);
    assert_eq!(side_of(&q), Some("pro_immigrant"));
    let q = expect(t, &qs, "common-sense laws", Some("Bill de Blasio"), Speech);
    assert_eq!(q.rule.as_str(), "pronoun");
    expect(
        t,
        &qs,
        "viewed as an effort",
        Some("City officials in Denver"),
        Speech,
    );
    let q = expect(t, &qs, "The documents appear", Some("Chad Sublet"), Speech);
    assert_eq!(
        (side_of(&q), q.cue.as_deref()),
        (Some("unaligned"), Some("wrote"))
    );
    let q = expect(
        t,
        &qs,
        "A judge can hold them in contempt",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "pronoun");
    expect(
        t,
        &qs,
        "New York City will not change",
        Some("Freddi Goldstein"),
        Speech,
    );
    // "he said" two narrator sentences after Goldstein: not guessed
    let q = expect(t, &qs, "Anything that promotes recourse", None, Speech);
    assert_eq!(q.rule.as_str(), "unattributed");
    let n: Vec<&str> = q.nested.iter().map(|&(s, e)| &t[s..e]).collect();
    assert_eq!(n, ["customers,"]);
    expect(t, &qs, "As importantly", None, Speech);
    assert_eq!(qs.len(), 14);
}

#[test]
fn seed_001() {
    let t = S001;
    let qs = seed(t);
    assert_eq!(qs.len(), 2);
    let q = expect(
        t,
        &qs,
        "Please let ICE help you",
        Some("Matthew Albence"),
        QuoteKind::Speech,
    );
    assert_eq!(
        (side_of(&q), q.rule.as_str()),
        (Some("restrictionist"), "pronoun")
    );
    assert!(t[q.open..].starts_with('"') && t[..q.close].ends_with('”'));
    let q = expect(
        t,
        &qs,
        "This is just one more",
        Some("New York Immigration Coalition"),
        QuoteKind::Speech,
    );
    assert_eq!(
        (side_of(&q), q.rule.as_str()),
        (Some("pro_immigrant"), "pronoun")
    );
    assert!(t[..q.close].ends_with('"'));
}

#[test]
fn seed_002() {
    let t = S002;
    let qs = seed(t);
    use QuoteKind::{Speech, Term};
    expect(t, &qs, "Sanctuary City", None, Term);
    let q = expect(
        t,
        &qs,
        "served four immigration subpoenas",
        Some("ICE press release"),
        Speech,
    );
    assert_eq!(
        (q.rule.as_str(), side_of(&q)),
        ("document", Some("restrictionist"))
    );
    expect(
        t,
        &qs,
        "Issuance of these",
        Some("ICE press release"),
        Speech,
    );
    let q = expect(
        t,
        &qs,
        "ICE uses statutorily",
        Some("ICE press release"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "document");
    expect(
        t,
        &qs,
        "ICE has not historically",
        Some("ICE press release"),
        Speech,
    );
    let q = expect(
        t,
        &qs,
        "we are used to modifying",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "pronoun");
    // "AP described the subpoenas as an “escalation”": the AP's label, not scare quotes
    let q = expect(t, &qs, "escalation", Some("The Associated Press"), Speech);
    assert_eq!(q.rule.as_str(), "quoted_label");
    let terms: Vec<&str> = qs
        .iter()
        .filter(|q| q.kind == Term)
        .map(|q| inner(t, q).trim_end_matches(','))
        .collect();
    assert_eq!(
        terms,
        [
            "Sanctuary City",
            "sanctuary city",
            "sanctuary city",
            "sanctuary city",
        ]
    );
    // "The Rundown News reported:" is followed by unquoted paragraphs
    assert_eq!(qs.len(), 10);
}

#[test]
fn seed_003() {
    let t = S003;
    let qs = seed(t);
    use QuoteKind::{Speech, Term};
    expect(t, &qs, "immigration summons", None, Term);
    let q = expect(
        t,
        &qs,
        "This is not a request – it is a request",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.cue.as_deref(), Some("told"));
    let q = expect(
        t,
        &qs,
        "This is a last resort for us",
        Some("Henry Lucero"),
        Speech,
    );
    assert!(
        inner(t, &q).ends_with("every day. "),
        "closing mark after a space"
    );
    expect(
        t,
        &qs,
        "New York City will not change",
        Some("Freddi Goldstein"),
        Speech,
    );
    let q = expect(
        t,
        &qs,
        "It is this city’s protection",
        Some("Matthew Albence"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "verb_after");
    let q = expect(
        t,
        &qs,
        "the Trump administration’s attempt",
        Some("Freddi Goldstein"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "verb_before");
    expect(t, &qs, "fear tactics", Some("Bill de Blasio"), Speech);
    expect(
        t,
        &qs,
        "has passed common sense",
        Some("Bill de Blasio"),
        Speech,
    );
    expect(
        t,
        &qs,
        "could be seen as an effort",
        Some("City officials in Denver"),
        Speech,
    );
    expect(t, &qs, "The documents appear", Some("Chad Sublet"), Speech);
    expect(
        t,
        &qs,
        "A judge can scorn her",
        Some("Henry Lucero"),
        Speech,
    );
    let q = expect(
        t,
        &qs,
        "we’re used to changing",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(qs.len(), 12);
}

#[test]
fn seed_004() {
    let t = S004;
    let qs = seed(t);
    use QuoteKind::{Speech, Term};
    // ICE is the subject of "served … requesting information on “…”"
    let q = expect(t, &qs, "multiple illegal aliens", Some("ICE"), Speech);
    assert_eq!(
        (q.rule.as_str(), q.cue.as_deref()),
        ("verb_before", Some("requesting"))
    );
    expect(t, &qs, "by your leave", None, Term);
    let q = expect(
        t,
        &qs,
        "A lot of these guys",
        Some("Matthew Albence"),
        Speech,
    );
    assert_eq!(
        (q.rule.as_str(), q.cue.as_deref()),
        ("previous_sentence", Some("quoting"))
    );
    let q = expect(
        t,
        &qs,
        "we are used to modifying",
        Some("Henry Lucero"),
        Speech,
    );
    assert_eq!(q.rule.as_str(), "appositive");
    assert_eq!(qs.len(), 4);
}
