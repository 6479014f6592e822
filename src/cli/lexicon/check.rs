//! `slant lexicon check`: every problem in each lexicon file at once, with
//! `file:line:column`, a caret display and a hint (or one JSON document for editors and
//! CI). Exit 2 on errors, 1 on warnings with `--strict`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::cli::shared::args::lexicon_targets;
use slant::lexicon::{self, Limits};
use slant::report;

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  slant lexicon check                     the built-in lexicons
  slant lexicon check my.yaml --strict    exit 1 on warnings too (for CI)
  slant lexicon check my.yaml -f json     for an editor")]
pub struct CheckArgs {
    /// Lexicon files, or builtin:NAME (default: the built-in lexicons).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Exit 1 when there are warnings.
    #[arg(long)]
    pub strict: bool,
    /// Output: text with caret displays, or one JSON document (for editors and CI).
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Output formats of `slant lexicon check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

pub fn run(a: CheckArgs, out: &mut dyn Write) -> Result<u8> {
    let mut errors = 0;
    let mut warnings = 0;
    let mut results = Vec::new();
    for (i, target) in lexicon_targets(&a.files).into_iter().enumerate() {
        let checked = lexicon::check(target.as_deref(), Limits::default());
        let (e, w) = checked.counts();
        errors += e;
        warnings += w;
        match a.format {
            CheckFormat::Text => {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(
                    report::lexicon::render_check(target.as_deref(), &checked).as_bytes(),
                )?;
            }
            CheckFormat::Json => {
                let name = target
                    .as_deref()
                    .map_or_else(String::new, |p| p.display().to_string());
                results.push((name, checked));
            }
        }
    }
    if a.format == CheckFormat::Json {
        out.write_all(&report::lexicon::render_check_json(&results))?;
    }
    Ok(if errors > 0 {
        2
    } else if warnings > 0 && a.strict {
        1
    } else {
        0
    })
}
