//! `slant lexicon suggest` written out: the ranked phrases of a keyness count as a table
//! for the terminal (each row with its example lines under it), as CSV and JSON (every
//! figure, including the group totals the log-odds divide by), and the concept stubs of
//! `--yaml` as a lexicon file that extends the one used.
//!
//! Pure: a [`Keyness`] (and [`Stub`]s) in, text or bytes out.

use std::fmt::Write;

use serde_json::{json, Value};

use super::csv::encode_record;
use super::format::{ellipsize, pad_right, plural};
use crate::analysis::Engine;
use crate::authoring::keyness::{Example, InLexicon, Keyness, Row};
use crate::authoring::stubs::{Stub, STUB_WEIGHT};
use crate::lexicon::Lexicon;

/// The label of every rendering: these are leads, not results.
pub const SUGGEST_NOTE: &str = "Suggestions to consider, not findings: phrases one group uses more often than the other. Read each in context (slant kwic \"PHRASE\" CORPUS) before adding it; a phrase one outlet or one story repeats is not a general expression of the debate.";

/// How the lexicon relates to a phrase: `("listed" | "contains" | "", concept, variant,
/// the part matched)`.
fn mark<'a>(l: &'a Lexicon, m: &'a Option<InLexicon>) -> (&'static str, &'a str, &'a str, &'a str) {
    match m {
        Some(InLexicon::Term { concept, variant }) => {
            let c = &l.concepts[*concept];
            ("listed", &c.id, &c.variants[*variant].label, "")
        }
        Some(InLexicon::Contains {
            concept,
            variant,
            text,
        }) => {
            let c = &l.concepts[*concept];
            ("contains", &c.id, &c.variants[*variant].label, text)
        }
        None => ("", "", "", ""),
    }
}

/// Share of occurrences inside quotation marks (speech or scare quotes).
fn quoted_share(r: &Row) -> f64 {
    let all: u32 = r.voices.iter().sum();
    if all == 0 {
        0.0
    } else {
        f64::from(r.voices[1] + r.voices[2]) / f64::from(all)
    }
}

/// The top outlet's share of a phrase's uses, as a percentage ("-" without outlets).
fn top_share(r: &Row) -> String {
    let all = r.count[0] + r.count[1];
    match &r.top_outlet {
        Some((_, n)) if all > 0 => format!("{:.0}%", 100.0 * f64::from(*n) / f64::from(all)),
        _ => "-".to_string(),
    }
}

/// Thousands separated by commas.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut o = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            o.push(',');
        }
        o.push(c);
    }
    o
}

/// "right leans Restrictionist (read from its loaded words)".
fn side_line(engine: &Engine, k: &Keyness) -> String {
    let parts: Vec<String> = k
        .groups
        .iter()
        .map(|g| match g.side {
            Some(s) => format!(
                "{} → {}{}",
                g.name,
                engine.lexicon.sides[s].id,
                if g.side_given { " (given)" } else { "" }
            ),
            None => format!("{} → no side", g.name),
        })
        .collect();
    let how = if k.groups.iter().all(|g| g.side_given) {
        ""
    } else {
        " (read from each group's loaded words: the side whose share of the group's loaded weight is larger than in the other group)"
    };
    format!("sides: {}{how}", parts.join(", "))
}

/// The table for the terminal.
pub fn render_table(engine: &Engine, k: &Keyness) -> String {
    let mut o = String::new();
    let [a, b] = &k.groups;
    let _ = writeln!(
        o,
        "{} ({} article{}, {} words) vs {} ({} article{}, {} words){}",
        a.name,
        thousands(u64::from(a.articles)),
        plural(a.articles),
        thousands(a.words),
        b.name,
        thousands(u64::from(b.articles)),
        plural(b.articles),
        thousands(b.words),
        if k.other > 0 {
            format!("; {} article{} in neither group", k.other, plural(k.other))
        } else {
            String::new()
        }
    );
    let _ = writeln!(o, "{}", side_line(engine, k));
    let opts = &k.options;
    let _ = writeln!(
        o,
        "Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008; prior {} words); |z| ≥ {}, ≥ {} uses in ≥ {} articles{}.",
        opts.prior_words,
        opts.min_z,
        opts.min_count,
        opts.min_docs,
        if opts.names { "" } else { ", names left out (--names keeps them)" }
    );
    let _ = writeln!(o, "{SUGGEST_NOTE}");
    let width = k
        .rows
        .iter()
        .map(|r| r.phrase.chars().count())
        .max()
        .unwrap_or(6)
        .clamp(6, 34);
    for g in 0..2 {
        let rows: Vec<&Row> = k.rows.iter().filter(|r| r.favours == g).collect();
        let _ = writeln!(
            o,
            "\nUsed more by {} ({} phrase{}):",
            k.groups[g].name,
            rows.len(),
            plural(rows.len())
        );
        if rows.is_empty() {
            let _ = writeln!(
                o,
                "  (none passes the thresholds; a small corpus rarely reaches |z| ≥ 1.96: try --prior 100 --min-z 1, and fewer --min-count and --min-docs)"
            );
            continue;
        }
        let _ = writeln!(
            o,
            "{:>7}  {}  {:>11}  {:>11}  {:>6}  {:>7}  {:>4}  lexicon",
            "z",
            pad_right("phrase", width),
            ellipsize(&a.name, 11),
            ellipsize(&b.name, 11),
            "quoted",
            "outlets",
            "top",
        );
        let _ = writeln!(
            o,
            "{:>7}  {}  {:>11}  {:>11}",
            "",
            pad_right("", width),
            "uses/arts",
            "uses/arts",
        );
        for r in rows {
            let (status, concept, variant, text) = mark(&engine.lexicon, &r.lexicon);
            let lex = match status {
                "listed" => format!("listed: {concept}/{variant}"),
                "contains" => format!("contains “{text}” ({concept})"),
                _ => String::new(),
            };
            let star = if r.max_missing > 0 { "*" } else { "" };
            let _ = writeln!(
                o,
                "{:>7.2}  {}  {:>11}  {:>11}  {:>5.0}%  {:>7}  {:>4}  {lex}",
                r.z,
                pad_right(&ellipsize(&r.phrase, width), width),
                format!("{}{star}/{}", r.count[0], r.docs[0]),
                format!("{}{star}/{}", r.count[1], r.docs[1]),
                100.0 * quoted_share(r),
                if k.outlets_seen {
                    r.outlets.to_string()
                } else {
                    "-".to_string()
                },
                top_share(r),
            );
            for ex in &r.examples {
                let _ = writeln!(o, "{:>9}{}", "", example_line(k, ex, 110));
            }
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{} phrases met the count thresholds; {} held at the end (at most {}).",
        thousands(k.candidates as u64),
        thousands(k.distinct as u64),
        thousands(k.options.max_phrases as u64)
    );
    if k.floor > 0 {
        let _ = writeln!(
            o,
            "{} rare phrases were dropped along the way to bound memory (counts up to {}); counts marked * may lack up to that many uses.",
            thousands(k.pruned),
            k.floor
        );
    } else {
        let _ = writeln!(o, "No phrase was dropped: every count is exact.");
    }
    if k.one_outlet > 0 {
        let _ = writeln!(
            o,
            "{} phrase{} left out as one outlet's habit: without the outlet that used it most, the difference is no longer significant (boilerplate, a columnist's tic; --keep-outlet-habits keeps them).",
            thousands(k.one_outlet as u64),
            plural(k.one_outlet),
        );
    }
    if k.outlets_seen {
        let _ = writeln!(
            o,
            "outlets: how many outlets used the phrase; top: the share of its uses by the outlet that used it most (of the first three to use it)."
        );
    }
    if !k.outlets_exact {
        let _ = writeln!(o, "More than 128 outlets: outlet counts are lower bounds.");
    }
    o
}

/// One example line for the table: group, article, and the line cut to `max` characters
/// around the phrase.
fn example_line(k: &Keyness, ex: &Example, max: usize) -> String {
    let head = format!(
        "{} · {}: ",
        k.groups[ex.group.min(1)].name,
        ellipsize(&ex.article, 24)
    );
    let room = max.saturating_sub(head.chars().count() + ex.matched.chars().count() + 4) / 2;
    let left: String = {
        let n = ex.left.chars().count();
        if n > room {
            let s: String = ex.left.chars().skip(n - room).collect();
            // Start at a word.
            let s = match s.find(' ') {
                Some(i) if i + 1 < s.len() => s[i + 1..].to_string(),
                _ => s,
            };
            format!("…{}", s.trim_start_matches('…'))
        } else {
            ex.left.clone()
        }
    };
    let right = {
        let n = ex.right.chars().count();
        if n > room {
            let s: String = ex.right.chars().take(room).collect();
            let s = match s.rfind(' ') {
                Some(i) if i > 0 => s[..i].to_string(),
                _ => s,
            };
            format!("{}…", s.trim_end_matches('…'))
        } else {
            ex.right.clone()
        }
    };
    format!("{head}{left}[{}]{right}", ex.matched)
}

/// The CSV columns, one row per ranked phrase.
pub const CSV_HEADER: [&str; 31] = [
    "favours",
    "phrase",
    "words",
    "z",
    "log_odds",
    "group_a",
    "uses_a",
    "articles_a",
    "per_10k_words_a",
    "group_b",
    "uses_b",
    "articles_b",
    "per_10k_words_b",
    "narrator",
    "quoted",
    "scare_quoted",
    "capitalized",
    "outlets",
    "top_outlet",
    "top_outlet_uses",
    "z_without_top_outlet",
    "max_missing",
    "lexicon",
    "lexicon_concept",
    "lexicon_variant",
    "lexicon_match",
    "favoured_side",
    "example_1_article",
    "example_1",
    "example_2_article",
    "example_2",
];

/// Every ranked phrase as CSV.
pub fn render_csv(engine: &Engine, k: &Keyness) -> Vec<u8> {
    let mut out = encode_record(&CSV_HEADER.map(String::from));
    for r in &k.rows {
        let (status, concept, variant, text) = mark(&engine.lexicon, &r.lexicon);
        let ex = |i: usize| {
            r.examples
                .get(i)
                .map_or((String::new(), String::new()), |e| {
                    (
                        e.article.clone(),
                        format!("{}[{}]{}", e.left, e.matched, e.right),
                    )
                })
        };
        let (e1a, e1) = ex(0);
        let (e2a, e2) = ex(1);
        let side = k.groups[r.favours]
            .side
            .map_or(String::new(), |s| engine.lexicon.sides[s].id.clone());
        let fields = vec![
            k.groups[r.favours].name.clone(),
            r.phrase.clone(),
            r.words.to_string(),
            format!("{:.4}", r.z),
            format!("{:.4}", r.log_odds),
            k.groups[0].name.clone(),
            r.count[0].to_string(),
            r.docs[0].to_string(),
            format!("{:.4}", r.per_10k[0]),
            k.groups[1].name.clone(),
            r.count[1].to_string(),
            r.docs[1].to_string(),
            format!("{:.4}", r.per_10k[1]),
            r.voices[0].to_string(),
            r.voices[1].to_string(),
            r.voices[2].to_string(),
            r.capitalized.to_string(),
            r.outlets.to_string(),
            r.top_outlet.as_ref().map_or(String::new(), |t| t.0.clone()),
            r.top_outlet
                .as_ref()
                .map_or(String::new(), |t| t.1.to_string()),
            r.z_without_top.map_or(String::new(), |z| format!("{z:.4}")),
            r.max_missing.to_string(),
            status.to_string(),
            concept.to_string(),
            variant.to_string(),
            text.to_string(),
            side,
            e1a,
            e1,
            e2a,
            e2,
        ];
        out.extend(encode_record(&fields));
    }
    out
}

fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e4).round() / 1e4
    } else {
        0.0
    }
}

/// Everything as one JSON document.
pub fn render_json(engine: &Engine, k: &Keyness) -> Vec<u8> {
    let l = &engine.lexicon;
    let groups: Vec<Value> = k
        .groups
        .iter()
        .map(|g| {
            let weights: serde_json::Map<String, Value> = l
                .sides
                .iter()
                .zip(&g.side_weight)
                .map(|(s, w)| (s.id.clone(), json!(round4(*w))))
                .collect();
            json!({
                "name": g.name,
                "articles": g.articles,
                "words": g.words,
                "side": g.side.map(|s| l.sides[s].id.clone()),
                "side_from": if g.side_given { "given" } else { "data" },
                "loaded_weight": weights,
            })
        })
        .collect();
    let rows: Vec<Value> = k
        .rows
        .iter()
        .map(|r| {
            let (status, concept, variant, text) = mark(l, &r.lexicon);
            let lexicon = if status.is_empty() {
                Value::Null
            } else {
                json!({"status": status, "concept": concept, "variant": variant, "match": text})
            };
            json!({
                "phrase": r.phrase,
                "words": r.words,
                "favours": k.groups[r.favours].name,
                "z": round4(r.z),
                "log_odds": round4(r.log_odds),
                "uses": r.count,
                "articles": r.docs,
                "per_10k_words": [round4(r.per_10k[0]), round4(r.per_10k[1])],
                "voices": {"narrator": r.voices[0], "quoted": r.voices[1], "scare_quoted": r.voices[2]},
                "capitalized": r.capitalized,
                "outlets": r.outlets,
                "top_outlet": r.top_outlet.as_ref().map(|(n, u)| json!({"name": n, "uses": u})),
                "z_without_top_outlet": r.z_without_top.map(round4),
                "max_missing": r.max_missing,
                "lexicon": lexicon,
                "examples": r.examples.iter().map(|e| json!({
                    "article": e.article,
                    "group": k.groups[e.group.min(1)].name,
                    "left": e.left,
                    "match": e.matched,
                    "right": e.right,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let o = &k.options;
    let doc = json!({
        "note": SUGGEST_NOTE,
        "lexicon": {"name": l.name, "version": l.version, "sha256": l.sha256},
        "groups": groups,
        "other_articles": k.other,
        "method": {
            "statistic": "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); uses, articles and z are group A then group B",
            "prior_words": o.prior_words,
            "min_count": o.min_count,
            "min_docs": o.min_docs,
            "min_z": o.min_z,
            "max_words": o.max_n,
            "names": o.names,
            "outlet_check": o.outlet_check,
            "left_out_one_outlet": k.one_outlet,
        },
        "memory": {
            "max_phrases": o.max_phrases,
            "held": k.distinct,
            "dropped": k.pruned,
            "floor": k.floor,
            "outlets_exact": k.outlets_exact,
            "outlets_seen": k.outlets_seen,
        },
        "candidates": k.candidates,
        "rows": rows,
    });
    let mut v = serde_json::to_vec_pretty(&doc).expect("JSON values serialize");
    v.push(b'\n');
    v
}

/// A YAML double-quoted scalar: `"` and `\` escaped, and every character YAML does not
/// allow raw (controls, line and paragraph separators, the byte-order mark) as `\uXXXX`.
fn yaml_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
                let _ = write!(o, "\\u{:04X}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// The concept stubs as a lexicon file that `extends` the lexicon used (`extends`: what to
/// write after `extends:`, a `builtin:NAME` or a path).
pub fn render_yaml(engine: &Engine, k: &Keyness, stubs: &[Stub], extends: &str) -> String {
    let l = &engine.lexicon;
    let mut o = String::new();
    let [a, b] = &k.groups;
    let _ = writeln!(
        o,
        "# Concept stubs written by `slant lexicon suggest` from {} `{}` and {} `{}` articles.",
        a.articles, a.name, b.articles, b.name
    );
    o.push_str(
        "# Suggestions to consider, not findings. For each stub: read the phrase in context\n\
         # (`slant kwic \"PHRASE\" CORPUS`), say in `description` why it is loaded, add the plain\n\
         # alternative as a `side: neutral` variant, set the weight against similar entries,\n\
         # and delete the stubs that are an outlet's habit or one story's words. Then run\n\
         # `slant lexicon check` and `slant lexicon test` on this file.\n",
    );
    let _ = writeln!(o, "name: {}", yaml_str(&format!("{}-suggested", l.name)));
    o.push_str("version: \"0.1.0\"\n");
    let _ = writeln!(
        o,
        "description: {}",
        yaml_str(&format!(
            "Stubs suggested by slant lexicon suggest ({} vs {}), on top of {} {}.",
            a.name, b.name, l.name, l.version
        ))
    );
    let _ = writeln!(o, "extends: {}", yaml_str(extends));
    if stubs.is_empty() {
        o.push_str("concepts: []\n");
        return o;
    }
    o.push_str("concepts:\n");
    for s in stubs {
        let r = &k.rows[s.row];
        let g = &k.groups[r.favours];
        let other = &k.groups[1 - r.favours.min(1)];
        let fav = r.favours.min(1);
        let stats = format!(
            "Used {} times in {} of {} `{}` articles ({:.1} per 10,000 words) and {} times in {} of {} `{}` articles ({:.1}); z = {:.2}; {:.0}% of uses inside quotation marks{}.",
            r.count[fav],
            r.docs[fav],
            g.articles,
            g.name,
            r.per_10k[fav],
            r.count[1 - fav],
            r.docs[1 - fav],
            other.articles,
            other.name,
            r.per_10k[1 - fav],
            r.z,
            100.0 * quoted_share(r),
            match (&r.top_outlet, k.outlets_seen) {
                (Some((name, n)), true) => format!(
                    "; {} outlet{}, most by {name} ({n} uses)",
                    r.outlets,
                    plural(r.outlets)
                ),
                (None, true) => format!("; {} outlet{}", r.outlets, plural(r.outlets)),
                _ => String::new(),
            },
        );
        let _ = writeln!(o, "  - id: {}", s.id);
        let _ = writeln!(o, "    label: {}", yaml_str(&r.phrase));
        let _ = writeln!(
            o,
            "    description: {}",
            yaml_str(&format!(
                "TODO: what this names, why the wording is loaded, and the plain alternative. {stats}"
            ))
        );
        o.push_str("    variants:\n");
        let _ = writeln!(o, "      - label: {}", yaml_str(&r.phrase));
        let _ = writeln!(o, "        terms: [{}]", yaml_str(&r.phrase));
        let _ = writeln!(
            o,
            "        side: {}   # the side `{}` leans to",
            l.sides[s.side].id, g.name
        );
        let _ = writeln!(
            o,
            "        weight: {STUB_WEIGHT:.1}   # TODO: compare with similar entries"
        );
        if let Some(InLexicon::Contains { concept, text, .. }) = &r.lexicon {
            let _ = writeln!(
                o,
                "        # contains “{}”, already counted as concept `{}`: this longer phrase would replace that hit",
                text.replace('\n', " "),
                l.concepts[*concept].id
            );
        }
        o.push_str("        description: \"TODO: why this wording is on this side.\"\n");
        match &s.example {
            Some(ex) => {
                o.push_str("        examples:\n");
                let _ = writeln!(o, "          - {}", yaml_str(ex));
            }
            None => o.push_str(
                "        # no example: in every line kept, a longer lexicon term covers the phrase\n",
            ),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_escape_what_yaml_does_not_allow_raw() {
        assert_eq!(yaml_str("a \"b\" \\ c"), r#""a \"b\" \\ c""#);
        assert_eq!(
            yaml_str("x\u{85}y\u{2028}\u{1}"),
            r#""x\u0085y\u2028\u0001""#
        );
        assert_eq!(yaml_str("naïve “quote”"), "\"naïve “quote”\"");
        for s in [
            "a \"b\" \\ c",
            "x\u{85}y\u{2028}\u{1}\n\t",
            "naïve: [x] # y",
        ] {
            let back: String = serde_yaml::from_str(&yaml_str(s)).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
