//! Everything that can stop a lexicon from loading, and how an invalid lexicon's
//! diagnostics are shown when loading fails (the errors only, with a pointer to
//! `slant lexicon check`).

use super::diagnostic::{Diagnostic, Severity};

/// Everything that can stop a lexicon from loading. Each message names the file and, where
/// it can, the line and column, and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("cannot read lexicon {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is a folder; give a lexicon YAML file, e.g. lexicons/immigration.yaml")]
    IsDirectory { path: String },
    #[error(
        "{path} is not a regular file (a named pipe, socket or device); give a lexicon YAML file"
    )]
    NotAFile { path: String },
    #[error("{path} is not a .yaml or .yml file; `extends` names another lexicon")]
    NotYaml { path: String },
    #[error("{path}: lexicon is {bytes} bytes, over the {limit}-byte limit (raise it with --max-lexicon-bytes)")]
    TooLarge {
        path: String,
        bytes: u64,
        limit: usize,
    },
    #[error("{path}: not UTF-8 text (first bad byte at offset {offset}); save the file as UTF-8")]
    NotUtf8 { path: String, offset: usize },
    #[error("no built-in lexicon named `{name}`; built-in lexicons: {known}")]
    UnknownBuiltin { name: String, known: String },
    #[error("{0}")]
    Invalid(Box<Invalid>),
    #[error("{origin}: `extends` chain is deeper than {limit} files (is there a cycle?)")]
    ExtendsTooDeep { origin: String, limit: usize },
    #[error("{origin}: `extends` loops back to {target}")]
    ExtendsCycle { origin: String, target: String },
}

/// A lexicon with errors: all of its diagnostics, with the source text for carets.
#[derive(Debug)]
pub struct Invalid {
    pub diagnostics: Vec<Diagnostic>,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors: Vec<&Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        for (i, d) in errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        if errors.len() > 1 {
            write!(
                f,
                "\n{} errors in the lexicon (run `slant lexicon check` for details)",
                errors.len()
            )?;
        }
        Ok(())
    }
}

impl LexiconError {
    /// The diagnostics of an invalid lexicon (empty for other errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LexiconError::Invalid(inv) => &inv.diagnostics,
            _ => &[],
        }
    }
}
