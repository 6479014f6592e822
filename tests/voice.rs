//! The voice and modifier rules of issue 15, end to end through `slant score`: each sentence
//! from the issue scores as described.

mod common;
use common::{run_ok, slant};

/// Score one text with the built-in lexicon and return its JSON record.
fn score(text: &str) -> serde_json::Value {
    let line = serde_json::json!({"id": "t", "text": text}).to_string();
    let out = run_ok(
        slant()
            .args(["score", "--jsonl", "-", "--format", "jsonl"])
            .write_stdin(line),
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The term hit whose text is `term`.
fn hit<'a>(v: &'a serde_json::Value, term: &str) -> &'a serde_json::Value {
    v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"].as_str().unwrap().eq_ignore_ascii_case(term))
        .unwrap_or_else(|| panic!("no hit {term:?} in {}", v["terms"]))
}

fn modifiers(h: &serde_json::Value) -> Vec<String> {
    h["modifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn negation_of_a_verb_does_not_negate_its_object() {
    let v = score("The sheriff did not release the illegal aliens on Friday.");
    let h = hit(&v, "illegal aliens");
    assert!(modifiers(h).is_empty(), "{h}");
    assert_eq!(h["factor"], 1.0);
    let v = score("The county said it didn't receive a detainer request from ICE.");
    let h = hit(&v, "detainer request");
    assert!(modifiers(h).is_empty(), "{h}");
}

#[test]
fn negation_that_governs_the_term_still_counts() {
    for (text, term) in [
        (
            "The caravan is not an invasion, the mayor's office wrote.",
            "invasion",
        ),
        (
            "Republicans promised there would be no amnesty this year.",
            "amnesty",
        ),
        ("These families are not illegal aliens.", "illegal aliens"),
    ] {
        let v = score(text);
        let h = hit(&v, term);
        assert_eq!(modifiers(h), ["negated"], "{text}: {h}");
    }
}

#[test]
fn stance_shrinks_thin_evidence_and_reports_its_interval() {
    let v = score("Police said two illegal aliens were arrested.");
    let s = &v["scores"];
    assert_eq!(v["schema_version"], 3);
    let stance = s["stance"].as_f64().unwrap();
    let term = s["term_lean"].as_f64().unwrap();
    assert_eq!(term, 1.0);
    assert!(
        stance > 0.0 && stance < 0.5,
        "one loaded word moves the stance a little: {stance}"
    );
    let iv = s["stance_interval"].as_array().unwrap();
    let (lo, hi) = (iv[0].as_f64().unwrap(), iv[1].as_f64().unwrap());
    assert!(lo < 0.0 && hi > stance, "{lo} {hi}");
    assert_eq!(s["interval"], 0.9);
    // Who is heard is its own block, apart from the stance.
    assert!(s["heard"]["unattributed"].is_object());
    assert!(s.get("quote_lean").is_none());
}

#[test]
fn a_label_a_named_speaker_is_reported_to_use_is_their_quoted_word() {
    let v = score("Matthew Albence called the released men \"criminal aliens\".");
    let h = hit(&v, "criminal aliens");
    assert_eq!(h["voice"], "quoted", "{h}");
    assert_eq!(h["speaker"], "Matthew Albence");
    // The variant's own side, not flipped as scare quotes would be.
    assert_eq!(h["counted_side"], h["side"]);
    assert!(modifiers(h).is_empty(), "{h}");
    let q = &v["quotes"][0];
    assert_eq!(q["rule"], "quoted_label");
    assert_eq!(q["kind"], "speech");
}

#[test]
fn scare_quotes_with_no_user_keep_their_rule() {
    let v = score("New York is one of about 200 \"sanctuary\" jurisdictions.");
    let h = hit(&v, "sanctuary");
    assert_eq!(h["voice"], "scare_quoted", "{h}");
    assert_ne!(h["counted_side"], h["side"]);
}

#[test]
fn reported_speech_is_the_speakers_claim_not_the_outlets_words() {
    let v = score(
        "Acting ICE Director Matthew Albence told a news conference that city leaders had blood on their hands.",
    );
    let h = hit(&v, "blood on their hands");
    assert_eq!(h["voice"], "reported", "{h}");
    assert_eq!(h["speaker"], "Matthew Albence");
    assert_eq!(h["factor"], 0.5);
    let v = score("The New York Immigration Coalition is saying the administration is politicizing a tragedy.");
    let h = hit(&v, "politicizing");
    assert_eq!(h["voice"], "reported", "{h}");
    // The same words in the outlet's own voice count in full.
    let v = score("City leaders had blood on their hands.");
    assert_eq!(hit(&v, "blood on their hands")["voice"], "narrator");
}

#[test]
fn a_loaded_phrase_inside_a_proper_name_counts_for_no_side() {
    let v = score(
        "Donors gave money to We Build the Wall, a nonprofit.\n\nCritics say he will build the wall anyway.",
    );
    let hits: Vec<_> = v["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| {
            t["text"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case("build the wall")
        })
        .collect();
    assert_eq!(hits.len(), 2, "{}", v["terms"]);
    let named = hits.iter().find(|t| t["text"] == "Build the Wall").unwrap();
    assert_eq!(modifiers(named), vec!["in_name"]);
    assert_eq!(named["counted_side"], "neutral", "{named}");
    assert_eq!(named["contribution"], 0.0, "{named}");
    let plain = hits.iter().find(|t| t["text"] == "build the wall").unwrap();
    assert_eq!(plain["counted_side"], "restrictionist", "{plain}");
}

#[test]
fn charged_words_measure_tone_and_never_move_the_stance() {
    let plain = score("The senator criticized the plan to detain illegal aliens.");
    let charged = score(
        "The senator slammed the bizarre plan to detain illegal aliens as lies, a so-called fix.",
    );
    let tone = &charged["scores"]["tone"];
    assert!(tone["hits"].as_u64().unwrap() >= 3, "{tone}");
    assert!(tone["per_1000_words"].as_f64().unwrap() > 100.0, "{tone}");
    assert_eq!(plain["scores"]["tone"]["hits"], 0);
    // Same loaded term, same evidence and stance: tone is a second dimension.
    assert_eq!(plain["scores"]["evidence"], charged["scores"]["evidence"]);
    assert_eq!(plain["scores"]["stance"], charged["scores"]["stance"]);
    let hit = hit(&charged, "slammed");
    assert_eq!(hit["counted_side"], "neutral", "{hit}");
}

#[test]
fn claimed_as_a_speech_verb_is_a_doubt_marker_and_claimed_responsibility_is_not() {
    let v = score(
        "The mayor claimed that crime fell last year. A gang claimed responsibility for the fire.",
    );
    let tone = &v["scores"]["tone"];
    assert_eq!(tone["hits"], 1, "{tone}");
    let h = hit(&v, "claimed that");
    assert_eq!(h["concept"], "doubt_markers", "{h}");
    assert_eq!(
        h["voice"], "narrator",
        "the verb is the outlet's choice: {h}"
    );
    let plain = score("The mayor said that crime fell last year.");
    assert_eq!(plain["scores"]["tone"]["hits"], 0);
}
