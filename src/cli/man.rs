//! `slant man`: the manual page in roff (clap_mangen, from the clap definitions the parser
//! uses). Without `--out`, the page of `slant` itself on standard output (`slant man | man
//! -l -`); with `--out DIR`, one page per command (`slant.1`, `slant-score.1`,
//! `slant-lexicon-check.1`, …) written into DIR.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_mangen::Man;

use slant::report::output::OutDir;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant man | man -l -                     read it now
  slant man --out ~/.local/share/man/man1  install every page (then `man slant-report`)")]
pub struct ManArgs {
    /// Write one page per command into this folder instead of printing the main page.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Every page: the command's own, then each subcommand's (depth first), as
/// `(file name, roff)`.
fn pages(cmd: &clap::Command, into: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let man = Man::new(cmd.clone());
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    into.push((man.get_filename(), roff));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages(sub, into)?;
    }
    Ok(())
}

pub fn run(a: ManArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8> {
    let mut cmd = crate::cli::Cli::command().disable_help_subcommand(true);
    cmd.build();
    match a.out {
        None => {
            Man::new(cmd).render(out)?;
        }
        Some(dir) => {
            let mut all = Vec::new();
            pages(&cmd, &mut all)?;
            let folder = OutDir::new(&dir, &[])?;
            for (name, roff) in &all {
                folder.write(name, roff)?;
            }
            writeln!(
                err,
                "slant: wrote {} manual pages to {} (slant.1 and one per command)",
                all.len(),
                dir.display()
            )?;
        }
    }
    Ok(0)
}
