//! `slant eval lean CORPUS --label FIELD --positive A --negative B`: the AUC of stance and
//! of each score component between two labelled groups, with bootstrap intervals, the share
//! of articles with enough evidence, the mean stance per outlet, and the lexicon variants
//! that point the wrong way.

use std::io::Write;
use std::sync::Arc;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::eval::lean::{Group, LeanEval, Observation};
use slant::{batch, input, report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LeanFormat {
    Table,
    Json,
    Csv,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  slant eval lean ../shared/corpora/lean-dev/articles.jsonl --label lean --positive right --negative left"
)]
pub struct LeanArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The JSONL field holding each article's label.
    #[arg(long, value_name = "FIELD", default_value = "lean")]
    pub label: String,
    /// The label of the group expected toward the lexicon's LAST side (positive lean).
    #[arg(long, value_name = "LABEL")]
    pub positive: String,
    /// The label of the group expected toward the lexicon's FIRST side.
    #[arg(long, value_name = "LABEL")]
    pub negative: String,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format (CSV: one row per component, then one per lexicon variant).
    #[arg(long, short = 'f', value_enum, default_value_t = LeanFormat::Table)]
    pub format: LeanFormat,
    /// How many variants the table lists (by |z|).
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub top: usize,
    /// Seed of the bootstrap resampling.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

pub fn run(a: LeanArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    if a.positive == a.negative {
        bail!(
            "--positive and --negative name the same label ({})",
            a.positive
        );
    }
    let engine = a.lexicon.engine()?;
    let inputs = a.input.inputs(term)?;
    let mut opts = a.input.load_opts();
    opts.jsonl = true;
    opts.label_field = Some(Arc::from(a.label.as_str()));
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut eval = LeanEval::new();
    let mut seen = 0usize;
    let eng = &engine;
    let (pos, neg) = (a.positive.as_str(), a.negative.as_str());
    batch::run_ordered(
        &pool,
        input::load(&inputs, opts),
        move |art| {
            let group = match art.label.as_deref() {
                Some(l) if l == pos => Group::Positive,
                Some(l) if l == neg => Group::Negative,
                _ => Group::Other,
            };
            let an = eng.analyze(art);
            Observation::of(&eng.lexicon, &an, group)
        },
        |r| -> Result<()> {
            match r {
                Ok(o) => {
                    seen += 1;
                    eval.add(&o);
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    if seen == 0 {
        bail!("no article could be read, so there is nothing to evaluate");
    }
    let r = eval.finish(&engine.lexicon, pos, neg, a.seed);
    if r.counts[0] == 0 || r.counts[1] == 0 {
        bail!(
            "no article is labelled {:?} in field {:?} ({} {}, {} {}); check --label, --positive and --negative",
            if r.counts[0] == 0 { pos } else { neg },
            a.label,
            r.counts[0],
            pos,
            r.counts[1],
            neg
        );
    }
    let l = &engine.lexicon;
    match a.format {
        LeanFormat::Table => out.write_all(report::eval::render_lean(&r, l, a.top).as_bytes())?,
        LeanFormat::Json => out.write_all(&report::eval::render_lean_json(&r, l))?,
        LeanFormat::Csv => out.write_all(&report::eval::render_lean_csv(&r, l))?,
    }
    Ok(problems.finish(seen, err)?)
}
