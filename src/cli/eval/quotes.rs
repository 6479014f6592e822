//! `slant eval quotes CORPUS --gold ATTRIBUTIONS.jsonl`: quotations and speakers against
//! gold attributions (the format of PolNeAR, documented in the README).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::eval::quotes::{
    FinishOpts, FoundQuote, FoundReported, GoldAttribution, SourceKind, Tally,
};
use slant::quotes::{QuoteKind, Rule};
use slant::{batch, input, report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuotesFormat {
    Table,
    Json,
}

/// The kinds of gold source (`--miss-kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MissKind {
    Name,
    Pronoun,
    Description,
}

impl MissKind {
    fn source_kind(self) -> SourceKind {
        match self {
            MissKind::Name => SourceKind::Name,
            MissKind::Pronoun => SourceKind::Pronoun,
            MissKind::Description => SourceKind::Description,
        }
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  slant eval quotes ../shared/corpora/attribution-dev/articles.jsonl --gold ../shared/corpora/attribution-dev/attributions.jsonl"
)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Gold attributions, one JSON object a line (`article_id`, `source`, `cue`, `contents`,
    /// `direct`; spans with `start_byte`/`end_byte`).
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = QuotesFormat::Table)]
    pub format: QuotesFormat,
    /// How many missed cue words and gold cues to list.
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub top_cues: usize,
    /// List N sample failures of each kind (not found, found as a term, no speaker, wrong
    /// speaker) with the text around them.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_misses: usize,
    /// Which gold sources the sample failures are of.
    #[arg(long, value_enum, default_value_t = MissKind::Name)]
    pub miss_kind: MissKind,
    /// Measure saved output instead of running the extraction: the JSONL of `slant score
    /// --format jsonl` (any version) on the same corpus, one article a line with its `id`
    /// and `quotes` (so two versions can be compared on one definition). Reported speech
    /// is not measured then.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

/// The gold file, by article id, in file order.
fn read_gold(path: &PathBuf) -> Result<HashMap<String, Vec<GoldAttribution>>> {
    let f = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut by_article: HashMap<String, Vec<GoldAttribution>> = HashMap::new();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldAttribution = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a gold attribution", path.display(), i + 1))?;
        by_article.entry(g.article_id.clone()).or_default().push(g);
    }
    Ok(by_article)
}

/// A quotation of saved `slant score` output.
#[derive(serde::Deserialize)]
struct SavedQuote {
    start: usize,
    end: usize,
    kind: String,
    speaker: Option<String>,
    rule: String,
}

/// One article of saved `slant score` output.
#[derive(serde::Deserialize)]
struct SavedArticle {
    id: String,
    #[serde(default)]
    quotes: Vec<SavedQuote>,
}

/// Saved quotations by article id.
fn read_predictions(path: &PathBuf) -> Result<HashMap<String, Vec<FoundQuote>>> {
    let f = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = HashMap::new();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let a: SavedArticle = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a scored article", path.display(), i + 1))?;
        let quotes = a
            .quotes
            .into_iter()
            .map(|q| FoundQuote {
                start: q.start,
                end: q.end,
                speech: q.kind == "speech",
                speaker: q.speaker,
                rule: Rule::ALL
                    .into_iter()
                    .find(|r| r.as_str() == q.rule)
                    .unwrap_or(Rule::Unattributed),
            })
            .collect();
        out.insert(a.id, quotes);
    }
    Ok(out)
}

pub fn run(a: QuotesArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let gold = read_gold(&a.gold)?;
    let saved = a.predictions.as_ref().map(read_predictions).transpose()?;
    if gold.is_empty() {
        bail!("{} holds no gold attribution", a.gold.display());
    }
    let engine = a.lexicon.engine()?;
    let inputs = a.input.inputs(term)?;
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut tally = Tally::new(saved.is_none());
    // a gold cue is a speech cue when its first word is one of slant's
    let is_cue = |cue: &str| {
        let first = cue.split_whitespace().next().unwrap_or("").to_lowercase();
        slant::quotes::is_speech_cue(first.trim_end_matches(':'))
    };
    let mut seen_ids = std::collections::HashSet::new();
    let mut seen = 0usize;
    let eng = &engine;
    let saved = &saved;
    batch::run_ordered(
        &pool,
        input::load(&inputs, a.input.load_opts()),
        move |art| {
            if let Some(saved) = saved {
                let found = saved.get(&art.id).cloned().unwrap_or_default();
                return (art, found, Vec::new());
            }
            let ex = eng.extraction(&art.text);
            let reported: Vec<FoundReported> = ex
                .reported
                .into_iter()
                .map(|r| FoundReported {
                    start: r.start,
                    end: r.end,
                    speaker: r.speaker,
                })
                .collect();
            let found: Vec<FoundQuote> = ex
                .quotes
                .into_iter()
                .map(|q| FoundQuote {
                    start: q.start,
                    end: q.end,
                    speech: q.kind == QuoteKind::Speech,
                    speaker: q.speaker,
                    rule: q.rule,
                })
                .collect();
            (art, found, reported)
        },
        |r| -> Result<()> {
            match r {
                Ok((art, found, reported)) => {
                    seen += 1;
                    if let Some(g) = gold.get(&art.id) {
                        let refs: Vec<&GoldAttribution> = g.iter().collect();
                        tally.add(&art.id, &art.text, &found, &reported, &refs, &is_cue);
                        seen_ids.insert(art.id);
                    }
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    let mut rep = tally.finish(FinishOpts {
        top_cues: a.top_cues,
        show_misses: a.show_misses,
        miss_kind: a.miss_kind.source_kind(),
    });
    if rep.articles == 0 {
        bail!("no article of the corpus has gold attributions (are the ids the same?)");
    }
    rep.missing_articles = gold.keys().filter(|k| !seen_ids.contains(*k)).count() as u32;
    match a.format {
        QuotesFormat::Table => out.write_all(report::eval::render_quotes(&rep).as_bytes())?,
        QuotesFormat::Json => out.write_all(&report::eval::render_quotes_json(&rep))?,
    }
    Ok(problems.finish(seen, err)?)
}
