//! `slant roster suggest CORPUS`: the most-quoted speakers the lexicon's roster does not
//! know, as YAML stubs of `actors:` entries for a teacher to complete with a side.

use std::io::Write;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::cli::shared::args::{InputArgs, LexiconArgs};
use crate::cli::shared::problems::Problems;
use crate::cli::shared::terminal::Terminal;
use slant::authoring::roster::RosterTally;
use slant::{batch, input, report};

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// List the most-quoted speakers outside the roster as YAML stubs to complete.
    Suggest(SuggestArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Example:\n  slant roster suggest ../shared/corpora/lean-dev/articles.jsonl --top 20 > new-actors.yaml"
)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// How many speakers to list.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub top: usize,
    /// Leave out speakers quoted fewer times than this.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_quotes: u32,
    /// Worker threads (0 = one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

/// Run one `slant roster` subcommand. Returns the exit code.
pub fn run(
    c: RosterCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
    term: Terminal,
) -> Result<u8> {
    match c {
        RosterCommand::Suggest(a) => suggest(a, out, err, term),
    }
}

fn suggest(a: SuggestArgs, out: &mut dyn Write, err: &mut dyn Write, term: Terminal) -> Result<u8> {
    let engine = a.lexicon.engine()?;
    let inputs = a.input.inputs(term)?;
    let pool = batch::pool(a.threads);
    let mut problems = Problems::default();
    let mut tally = RosterTally::default();
    let mut seen = 0usize;
    let eng = &engine;
    batch::run_ordered(
        &pool,
        input::load(&inputs, a.input.load_opts()),
        move |art| {
            let quotes = eng.quotes(&art.text);
            (art, quotes)
        },
        |r| -> Result<()> {
            match r {
                Ok((art, quotes)) => {
                    seen += 1;
                    tally.add(&art.text, art.outlet.as_deref(), &quotes);
                }
                Err(e) => problems.record(e, err)?,
            }
            Ok(())
        },
    )?;
    let suggestions = tally.finish(a.min_quotes, a.top);
    out.write_all(
        report::roster::render_suggestions(&suggestions, &engine.lexicon, seen as u32).as_bytes(),
    )?;
    Ok(problems.finish(seen, err)?)
}
