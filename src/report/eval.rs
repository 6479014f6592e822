//! Output for `slant eval lean` and `slant eval quotes`: a table for people, JSON for
//! scripts, and (for `eval lean`) CSV of the per-variant figures for spreadsheets.

use std::fmt::Write;

use serde::Serialize;

use crate::eval::lean::LeanReport;
use crate::eval::quotes::{QuotesReport, SourceCounts, SourceKind};
use crate::lexicon::Lexicon;
use crate::report::format::{ellipsize, pad_right};

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn opt3(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

fn variant_name(l: &Lexicon, concept: usize, variant: usize) -> (String, String) {
    let c = &l.concepts[concept];
    (c.id.clone(), c.variants[variant].label.clone())
}

/// `eval lean` as a table.
pub fn render_lean(r: &LeanReport, l: &Lexicon, top_variants: usize) -> String {
    let mut o = String::new();
    let [p, n, other] = r.counts;
    let _ = writeln!(
        o,
        "{} articles: {p} {} (positive), {n} {} (negative), {other} other or unlabelled\n",
        p + n + other,
        r.positive,
        r.negative
    );
    let _ = writeln!(
        o,
        "SEPARATION ({} vs {}; AUC 0.5 = chance, 1.0 = every {} article above every {} one)",
        r.positive, r.negative, r.positive, r.negative
    );
    for c in &r.components {
        let iv = c.interval.map_or(String::new(), |(lo, hi)| {
            format!("  95% CI [{lo:.3}, {hi:.3}]")
        });
        let _ = writeln!(
            o,
            "  {} {}{iv}",
            pad_right(c.component.describe(), 52),
            opt3(c.auc)
        );
    }
    let _ = writeln!(
        o,
        "  (bootstrap: {} resamples of each group)\n",
        r.bootstrap_rounds
    );
    let _ = writeln!(
        o,
        "ENOUGH EVIDENCE: {} of all articles ({} {}, {} {})\n",
        pct(r.enough[0]),
        pct(r.enough[1]),
        r.positive,
        pct(r.enough[2]),
        r.negative
    );
    if !r.outlets.is_empty() {
        let _ = writeln!(
            o,
            "MEAN STANCE PER OUTLET (most {} first)",
            l.sides[0].label
        );
        let _ = writeln!(
            o,
            "  {} {:>8} {:>6} {:>8}  label",
            pad_right("outlet", 34),
            "articles",
            "stance",
            "enough"
        );
        for row in &r.outlets {
            let _ = writeln!(
                o,
                "  {} {:>8} {:>+6.2} {:>8}  {}",
                pad_right(&ellipsize(&row.outlet, 34), 34),
                row.articles,
                row.mean_stance,
                pct(row.enough_share),
                row.label.as_deref().unwrap_or("–")
            );
        }
        o.push('\n');
    }
    let mut used: Vec<_> = r
        .variants
        .iter()
        .filter(|v| v.hits[0] + v.hits[1] > 0)
        .collect();
    used.sort_by(|a, b| b.z.abs().total_cmp(&a.z.abs()));
    let _ = writeln!(
        o,
        "VARIANTS by |z| (log-odds of a word being the variant, {} minus {}; informative Dirichlet prior of {} words)",
        r.positive, r.negative, r.prior_words
    );
    let _ = writeln!(
        o,
        "  {} {} {:>7} {:>15} {:>15} {:>7} {:>6}",
        pad_right("concept", 24),
        pad_right("variant", 28),
        "side",
        format!("docs {}·{}", short(&r.positive), short(&r.negative)),
        format!("hits {}·{}", short(&r.positive), short(&r.negative)),
        "logodds",
        "z"
    );
    for v in used.iter().take(top_variants) {
        let (c, name) = variant_name(l, v.concept, v.variant);
        let side = match v.position {
            x if x < 0.0 => "−",
            x if x > 0.0 => "+",
            _ => "0",
        };
        let _ = writeln!(
            o,
            "  {} {} {:>7} {:>15} {:>15} {:>+7.2} {:>+6.2}{}",
            pad_right(&ellipsize(&c, 24), 24),
            pad_right(&ellipsize(&name, 28), 28),
            side,
            format!("{}·{}", v.docs[0], v.docs[1]),
            format!("{}·{}", v.hits[0], v.hits[1]),
            v.log_odds,
            v.z,
            if v.wrong_way {
                "  ← points the wrong way"
            } else {
                ""
            }
        );
    }
    let wrong = r.variants.iter().filter(|v| v.wrong_way).count();
    let _ = writeln!(
        o,
        "\n{} of {} used variants shown; {wrong} point the wrong way (their side predicts one group, |z| ≥ 1.96 says the other uses them more).",
        used.len().min(top_variants),
        used.len()
    );
    let _ = writeln!(
        o,
        "side: − = {} (expected more in {}), + = {} (expected more in {}), 0 = neutral.",
        l.sides[0].label,
        r.negative,
        l.sides[l.sides.len() - 1].label,
        r.positive
    );
    o
}

fn short(s: &str) -> String {
    s.chars().take(5).collect()
}

#[derive(Serialize)]
struct LeanJson<'a> {
    positive: &'a str,
    negative: &'a str,
    articles: ArticlesJson,
    components: Vec<ComponentJson>,
    enough_evidence: EnoughJson,
    outlets: Vec<OutletJson<'a>>,
    variants: Vec<VariantJson>,
    bootstrap_rounds: usize,
    prior_words: f64,
}

#[derive(Serialize)]
struct ArticlesJson {
    positive: u32,
    negative: u32,
    other: u32,
}

#[derive(Serialize)]
struct ComponentJson {
    component: &'static str,
    auc: Option<f64>,
    auc_95: Option<[f64; 2]>,
}

#[derive(Serialize)]
struct EnoughJson {
    all: f64,
    positive: f64,
    negative: f64,
}

#[derive(Serialize)]
struct OutletJson<'a> {
    outlet: &'a str,
    label: Option<&'a str>,
    articles: u32,
    mean_stance: f64,
    enough_evidence: f64,
}

#[derive(Serialize)]
struct VariantJson {
    concept: String,
    variant: String,
    side: Option<String>,
    docs_positive: u32,
    docs_negative: u32,
    hits_positive: u32,
    hits_negative: u32,
    log_odds: f64,
    z: f64,
    wrong_way: bool,
}

fn r4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

fn variants_json(r: &LeanReport, l: &Lexicon) -> Vec<VariantJson> {
    r.variants
        .iter()
        .map(|v| {
            let (concept, variant) = variant_name(l, v.concept, v.variant);
            VariantJson {
                concept,
                variant,
                side: l.concepts[v.concept].variants[v.variant]
                    .side
                    .map(|s| l.sides[s].id.clone()),
                docs_positive: v.docs[0],
                docs_negative: v.docs[1],
                hits_positive: v.hits[0],
                hits_negative: v.hits[1],
                log_odds: r4(v.log_odds),
                z: r4(v.z),
                wrong_way: v.wrong_way,
            }
        })
        .collect()
}

/// `eval lean` as one JSON document.
pub fn render_lean_json(r: &LeanReport, l: &Lexicon) -> Vec<u8> {
    let j = LeanJson {
        positive: &r.positive,
        negative: &r.negative,
        articles: ArticlesJson {
            positive: r.counts[0],
            negative: r.counts[1],
            other: r.counts[2],
        },
        components: r
            .components
            .iter()
            .map(|c| ComponentJson {
                component: c.component.as_str(),
                auc: c.auc.map(r4),
                auc_95: c.interval.map(|(a, b)| [r4(a), r4(b)]),
            })
            .collect(),
        enough_evidence: EnoughJson {
            all: r4(r.enough[0]),
            positive: r4(r.enough[1]),
            negative: r4(r.enough[2]),
        },
        outlets: r
            .outlets
            .iter()
            .map(|o| OutletJson {
                outlet: &o.outlet,
                label: o.label.as_deref(),
                articles: o.articles,
                mean_stance: r4(o.mean_stance),
                enough_evidence: r4(o.enough_share),
            })
            .collect(),
        variants: variants_json(r, l),
        bootstrap_rounds: r.bootstrap_rounds,
        prior_words: r.prior_words,
    };
    let mut v = serde_json::to_vec_pretty(&j).expect("serializable");
    v.push(b'\n');
    v
}

/// `eval lean` as CSV: one row per component, then one row per lexicon variant.
pub fn render_lean_csv(r: &LeanReport, l: &Lexicon) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "kind",
        "name",
        "variant",
        "side",
        "auc",
        "auc_lo",
        "auc_hi",
        "docs_positive",
        "docs_negative",
        "hits_positive",
        "hits_negative",
        "log_odds",
        "z",
        "wrong_way",
    ]);
    let f = |x: f64| format!("{}", r4(x));
    for c in &r.components {
        let (lo, hi) = c
            .interval
            .map_or((String::new(), String::new()), |(a, b)| (f(a), f(b)));
        let _ = w.write_record([
            "component",
            c.component.as_str(),
            "",
            "",
            &c.auc.map(f).unwrap_or_default(),
            &lo,
            &hi,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]);
    }
    for v in variants_json(r, l) {
        let _ = w.write_record([
            "variant",
            &v.concept,
            &v.variant,
            v.side.as_deref().unwrap_or("neutral"),
            "",
            "",
            "",
            &v.docs_positive.to_string(),
            &v.docs_negative.to_string(),
            &v.hits_positive.to_string(),
            &v.hits_negative.to_string(),
            &v.log_odds.to_string(),
            &v.z.to_string(),
            if v.wrong_way { "true" } else { "false" },
        ]);
    }
    w.into_inner().unwrap_or_default()
}

fn counts_line(o: &mut String, name: &str, c: &SourceCounts) {
    let _ = writeln!(
        o,
        "  {} {:>6} {:>7} {:>8} {:>7} {:>7} {:>9} {:>8}",
        pad_right(name, 14),
        c.gold,
        pct(QuotesReport::share(c.found, c.gold)),
        pct(QuotesReport::share(c.right, c.gold)),
        c.wrong,
        c.none,
        c.no_quotation,
        c.as_term
    );
}

/// One row of the by-rule table: the found quotations of one kind of source.
fn rule_cells(c: &SourceCounts) -> String {
    format!("{:>6} {:>6} {:>6}", c.right, c.wrong, c.none)
}

/// `eval quotes` as a table.
pub fn render_quotes(r: &QuotesReport) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} articles compared ({} gold articles not in the corpus)\n",
        r.articles, r.missing_articles
    );
    let _ = writeln!(
        o,
        "DIRECT QUOTES FOUND: {} of {} gold direct quotations with a source ({}) overlap a speech quotation",
        r.found,
        r.direct,
        pct(QuotesReport::share(r.found, r.direct))
    );
    let _ = writeln!(
        o,
        "NAMED SOURCES AGREE: {} of {} ({}); slant names someone else for {}\n",
        r.names.right,
        r.names.gold,
        pct(QuotesReport::share(r.names.right, r.names.gold)),
        r.names.wrong
    );
    let _ = writeln!(
        o,
        "  {} {:>6} {:>7} {:>8} {:>7} {:>7} {:>9} {:>8}",
        pad_right("gold source", 14),
        "quotes",
        "found",
        "right",
        "wrong",
        "none",
        "no quote",
        "as term"
    );
    counts_line(&mut o, SourceKind::Name.as_str(), &r.names);
    counts_line(&mut o, SourceKind::Pronoun.as_str(), &r.pronouns);
    counts_line(&mut o, SourceKind::Description.as_str(), &r.descriptions);
    let _ = writeln!(
        o,
        "\nright: slant's speaker is the gold name (pronoun and description sources: the last name the gold data gives before them);\nwrong: slant names someone else; none: no speaker, or the quotation was not found (no quote: no quotation of\nslant overlaps it; as term: the quotation overlapping it was classed a term)."
    );
    if !r.by_rule.is_empty() {
        let _ = writeln!(
            o,
            "\nFOUND QUOTES BY SLANT'S RULE (right / wrong / no speaker)\n  {} {:>20} {:>20} {:>20}",
            pad_right("rule", 22),
            "name",
            "pronoun",
            "description"
        );
        for c in &r.by_rule {
            let _ = writeln!(
                o,
                "  {} {:>20} {:>20} {:>20}",
                pad_right(c.rule.as_str(), 22),
                rule_cells(&c.name),
                rule_cells(&c.pronoun),
                rule_cells(&c.description)
            );
        }
    }
    if !r.by_cue.is_empty() {
        let _ = writeln!(
            o,
            "\nNAMED QUOTES BY GOLD CUE (most common first)\n  {} {:>6} {:>7} {:>8} {:>7} {:>7} {:>9} {:>8}",
            pad_right("cue", 22),
            "quotes",
            "found",
            "right",
            "wrong",
            "none",
            "no quote",
            "as term"
        );
        for (cue, c) in &r.by_cue {
            let _ = writeln!(
                o,
                "  {} {:>6} {:>7} {:>8} {:>7} {:>7} {:>9} {:>8}",
                pad_right(&ellipsize(cue, 22), 22),
                c.gold,
                pct(QuotesReport::share(c.found, c.gold)),
                pct(QuotesReport::share(c.right, c.gold)),
                c.wrong,
                c.none,
                c.no_quotation,
                c.as_term
            );
        }
    }
    if !r.missed_cues.is_empty() {
        let _ = writeln!(
            o,
            "\nCUES OF NAMED QUOTES FOUND WITHOUT A SPEAKER (most common first)"
        );
        for (cue, n) in &r.missed_cues {
            let _ = writeln!(o, "  {n:>5}  {cue}");
        }
    }
    if let Some(rr) = &r.reported {
        let _ = writeln!(
            o,
            "\nREPORTED SPEECH (gold indirect attributions with a source)\n  recall: {} of {} gold contents overlapped ({}); with a speech cue: {} of {} ({})\n  precision: {} of {} reported spans overlap a gold content ({})\n  named sources of found ones: {} right, {} someone else, of {} ({} right)",
            rr.gold_found,
            rr.gold,
            pct(QuotesReport::share(rr.gold_found, rr.gold)),
            rr.gold_speech_cue_found,
            rr.gold_speech_cue,
            pct(QuotesReport::share(rr.gold_speech_cue_found, rr.gold_speech_cue)),
            rr.spans_matching,
            rr.spans,
            pct(QuotesReport::share(rr.spans_matching, rr.spans)),
            rr.named_right,
            rr.named_wrong,
            rr.named,
            pct(QuotesReport::share(rr.named_right, rr.named))
        );
    }
    if !r.misses.is_empty() {
        let _ = writeln!(o, "\nSAMPLE FAILURES");
        for m in &r.misses {
            let _ = writeln!(
                o,
                "\n[{}] {}  gold: {:?} cue {:?}  slant: {} ({})\n  {}",
                m.verdict.as_str(),
                m.article_id,
                m.source,
                m.cue,
                m.speaker.as_deref().unwrap_or("–"),
                m.rule.map_or("no quotation", |r| r.as_str()),
                m.context
            );
        }
    }
    o
}

#[derive(Serialize)]
struct CountsJson {
    gold: u32,
    found: u32,
    right: u32,
    wrong: u32,
    none: u32,
    no_quotation: u32,
    as_term: u32,
}

impl From<&SourceCounts> for CountsJson {
    fn from(c: &SourceCounts) -> Self {
        CountsJson {
            gold: c.gold,
            found: c.found,
            right: c.right,
            wrong: c.wrong,
            none: c.none,
            no_quotation: c.no_quotation,
            as_term: c.as_term,
        }
    }
}

#[derive(Serialize)]
struct RuleJson {
    rule: &'static str,
    name: CountsJson,
    pronoun: CountsJson,
    description: CountsJson,
}

#[derive(Serialize)]
struct CueJson<'a> {
    cue: &'a str,
    #[serde(flatten)]
    counts: CountsJson,
}

#[derive(Serialize)]
struct MissJson<'a> {
    verdict: &'static str,
    article_id: &'a str,
    kind: &'static str,
    source: &'a str,
    cue: &'a str,
    speaker: Option<&'a str>,
    rule: Option<&'static str>,
    context: &'a str,
}

#[derive(Serialize)]
struct ReportedJson {
    gold: u32,
    gold_found: u32,
    recall: f64,
    gold_speech_cue: u32,
    gold_speech_cue_found: u32,
    speech_cue_recall: f64,
    spans: u32,
    spans_matching: u32,
    precision: f64,
    named: u32,
    named_right: u32,
    named_wrong: u32,
}

#[derive(Serialize)]
struct QuotesJson<'a> {
    articles: u32,
    missing_articles: u32,
    direct_quotes: u32,
    found: u32,
    found_share: f64,
    named_agree_share: f64,
    name: CountsJson,
    pronoun: CountsJson,
    description: CountsJson,
    missed_cues: &'a [(String, u32)],
    by_rule: Vec<RuleJson>,
    by_cue: Vec<CueJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reported: Option<ReportedJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    misses: Vec<MissJson<'a>>,
}

/// `eval quotes` as one JSON document.
pub fn render_quotes_json(r: &QuotesReport) -> Vec<u8> {
    let j = QuotesJson {
        articles: r.articles,
        missing_articles: r.missing_articles,
        direct_quotes: r.direct,
        found: r.found,
        found_share: r4(QuotesReport::share(r.found, r.direct)),
        named_agree_share: r4(QuotesReport::share(r.names.right, r.names.gold)),
        name: (&r.names).into(),
        pronoun: (&r.pronouns).into(),
        description: (&r.descriptions).into(),
        missed_cues: &r.missed_cues,
        by_rule: r
            .by_rule
            .iter()
            .map(|c| RuleJson {
                rule: c.rule.as_str(),
                name: (&c.name).into(),
                pronoun: (&c.pronoun).into(),
                description: (&c.description).into(),
            })
            .collect(),
        by_cue: r
            .by_cue
            .iter()
            .map(|(cue, c)| CueJson {
                cue,
                counts: c.into(),
            })
            .collect(),
        reported: r.reported.as_ref().map(|rr| ReportedJson {
            gold: rr.gold,
            gold_found: rr.gold_found,
            recall: r4(QuotesReport::share(rr.gold_found, rr.gold)),
            gold_speech_cue: rr.gold_speech_cue,
            gold_speech_cue_found: rr.gold_speech_cue_found,
            speech_cue_recall: r4(QuotesReport::share(
                rr.gold_speech_cue_found,
                rr.gold_speech_cue,
            )),
            spans: rr.spans,
            spans_matching: rr.spans_matching,
            precision: r4(QuotesReport::share(rr.spans_matching, rr.spans)),
            named: rr.named,
            named_right: rr.named_right,
            named_wrong: rr.named_wrong,
        }),
        misses: r
            .misses
            .iter()
            .map(|m| MissJson {
                verdict: m.verdict.as_str(),
                article_id: &m.article_id,
                kind: m.kind.as_str(),
                source: &m.source,
                cue: &m.cue,
                speaker: m.speaker.as_deref(),
                rule: m.rule.map(|r| r.as_str()),
                context: &m.context,
            })
            .collect(),
    };
    let mut v = serde_json::to_vec_pretty(&j).expect("serializable");
    v.push(b'\n');
    v
}
