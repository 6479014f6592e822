//! The argument groups several subcommands flatten into their own `Args`: which articles
//! to read ([`InputArgs`]) and which lexicon to use ([`LexiconArgs`]), with what each turns
//! into (inputs and load options; limits, the loaded lexicon, the compiled engine); and the
//! lexicon files `lexicon check` and `lexicon test` take.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::terminal::Terminal;
use slant::analysis::Engine;
use slant::input::{Input, LoadOptions};
use slant::lexicon::{self, Lexicon, Limits};

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files, folders (searched for .txt, .md, .jsonl, .html, .htm, .docx, .odt), or - for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Read every input as JSONL (one {"id", "text", ...} object per line), whatever its
    /// extension. Without it, .jsonl files and standard input that starts with `{` are JSONL.
    #[arg(long)]
    pub jsonl: bool,
    /// Refuse articles larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_article_bytes)]
    pub max_article_bytes: usize,
}

impl InputArgs {
    /// The inputs to read: the paths given, or standard input when it is not a terminal.
    pub fn inputs(&self, term: Terminal) -> Result<Vec<Input>> {
        if self.paths.is_empty() {
            if term.stdin_is_tty {
                bail!("no input: give files or folders (e.g. `slant score seeds`), or - to read standard input");
            }
            return Ok(vec![Input::Stdin]);
        }
        Ok(self.paths.iter().map(|p| Input::parse(p)).collect())
    }

    pub fn load_opts(&self) -> LoadOptions {
        LoadOptions {
            jsonl: self.jsonl,
            max_article_bytes: self.max_article_bytes,
            label_field: None,
        }
    }
}

#[derive(Debug, Args, Clone)]
pub struct LexiconArgs {
    /// Lexicon YAML file, or builtin:NAME (default: the built-in immigration lexicon).
    #[arg(long, short = 'l', value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Refuse lexicon files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_file_bytes)]
    pub max_lexicon_bytes: usize,
    /// Refuse regex patterns longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_pattern_bytes)]
    pub max_pattern_bytes: usize,
    /// Compiled size limit for each regex pattern, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().regex_size_limit)]
    pub max_regex_bytes: usize,
}

impl LexiconArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_lexicon_bytes,
            max_pattern_bytes: self.max_pattern_bytes,
            regex_size_limit: self.max_regex_bytes,
            ..Limits::default()
        }
    }

    pub fn load(&self) -> Result<Lexicon> {
        Lexicon::load(self.lexicon.as_deref(), self.limits()).map_err(|e| match e {
            lexicon::LexiconError::Invalid(_) => anyhow::anyhow!("the lexicon has errors:\n{e}"),
            other => anyhow::Error::new(other),
        })
    }

    /// Load and compile the lexicon.
    pub fn engine(&self) -> Result<Engine> {
        let lexicon = self.load()?;
        Engine::new(lexicon).context("cannot compile the lexicon")
    }
}

/// The lexicons `lexicon check` and `lexicon test` work on: the files given, or every
/// built-in lexicon.
pub fn lexicon_targets(files: &[PathBuf]) -> Vec<Option<PathBuf>> {
    if files.is_empty() {
        lexicon::BUILTIN
            .iter()
            .map(|(n, _, _)| Some(PathBuf::from(format!("builtin:{n}"))))
            .collect()
    } else {
        files.iter().cloned().map(Some).collect()
    }
}
