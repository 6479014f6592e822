//! `slant completions SHELL`: the shell completion script for bash, zsh, fish, elvish or
//! PowerShell, on standard output (clap_complete writes it from the same clap definitions
//! the parser uses, so it never falls behind a new option).

use std::io::Write;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant completions bash > ~/.local/share/bash-completion/completions/slant
  slant completions zsh > ~/.zfunc/_slant        (with fpath+=(~/.zfunc) in ~/.zshrc)
  slant completions fish > ~/.config/fish/completions/slant.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(a: CompletionsArgs, out: &mut dyn Write) -> Result<u8> {
    let mut cmd = crate::cli::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "slant", &mut script);
    out.write_all(&script)?;
    Ok(0)
}
