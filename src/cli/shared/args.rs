//! The argument groups several subcommands flatten into their own `Args`: which articles
//! to read ([`InputArgs`]) and which lexicon to use ([`LexiconArgs`]), with what each turns
//! into (inputs and load options; limits, the loaded lexicon, the compiled engine); and the
//! lexicon files `lexicon check` and `lexicon test` take.

use std::io::Write;
use std::path::{Path, PathBuf};

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
    #[arg(long, value_name = "BYTES", help_heading = "Limits", default_value_t = LoadOptions::default().max_article_bytes)]
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
    #[arg(long, value_name = "BYTES", help_heading = "Limits", default_value_t = Limits::default().max_file_bytes)]
    pub max_lexicon_bytes: usize,
    /// Refuse regex patterns longer than this many bytes.
    #[arg(long, value_name = "BYTES", help_heading = "Limits", default_value_t = Limits::default().max_pattern_bytes)]
    pub max_pattern_bytes: usize,
    /// Compiled size limit for each regex pattern, in bytes.
    #[arg(long, value_name = "BYTES", help_heading = "Limits", default_value_t = Limits::default().regex_size_limit)]
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

    /// Load and compile the lexicon, and say in one line on `err` when it has warnings
    /// (a term that can never match, a `disable` that does nothing…), which `slant lexicon
    /// check` lists; the run goes on.
    pub fn engine_noting_warnings(&self, err: &mut dyn Write) -> Result<Engine> {
        let (lexicon, warnings) = Lexicon::load_with_warnings(
            self.lexicon.as_deref(),
            self.limits(),
        )
        .map_err(|e| match e {
            lexicon::LexiconError::Invalid(_) => anyhow::anyhow!("the lexicon has errors:\n{e}"),
            other => anyhow::Error::new(other),
        })?;
        if let Some(line) = warnings_line(warnings.len(), self.lexicon.as_deref()) {
            writeln!(err, "{line}")?;
        }
        Engine::new(lexicon).context("cannot compile the lexicon")
    }
}

/// "slant: 2 warnings in the lexicon; run `slant lexicon check FILE`", or nothing.
pub fn warnings_line(count: usize, lexicon: Option<&Path>) -> Option<String> {
    if count == 0 {
        return None;
    }
    let target = match lexicon {
        Some(p) => format!(" {}", shell_word(&p.display().to_string())),
        None => String::new(),
    };
    Some(format!(
        "slant: {count} warning{} in the lexicon; run `slant lexicon check{target}` to see {}",
        if count == 1 { "" } else { "s" },
        if count == 1 { "it" } else { "them" }
    ))
}

/// A path as a shell word: quoted when it holds anything but plain characters.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "-_./:+@%,=".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// Most worker threads `--threads` accepts. slant's work is CPU-bound, so more threads than
/// cores only cost memory; the library also caps the pool at 4 per core.
pub const MAX_THREADS: usize = 1024;

/// Parse `--threads`: 0 (one per core) up to [`MAX_THREADS`].
pub fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of threads (0 = one per core)"))?;
    if n > MAX_THREADS {
        return Err(format!(
            "{n} threads is too many: at most {MAX_THREADS} (0 = one per core)"
        ));
    }
    Ok(n)
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
