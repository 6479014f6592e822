//! Lexicon diagnostics: one problem found in a lexicon file, with its severity, the YAML
//! path it concerns, its `file:line:column` once known, a hint and a note, and how it is
//! shown to a person (`file:line:column: error: message`, a caret under the source line).
//!
//! This file is the vocabulary every other part of the lexicon reports in; it imports
//! nothing else of the lexicon. Finding positions for paths is `locate`'s job.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One step of a YAML path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl Seg {
    pub fn key(k: &str) -> Seg {
        Seg::Key(k.to_string())
    }
}

/// Render a path as `concepts[3].variants[0].side`.
pub fn path_string(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// A number from a lexicon as a message shows it: as written for ordinary sizes, in
/// scientific notation when huge or tiny (`1e308`, not 309 digits).
pub fn show_number(v: f64) -> String {
    if v != 0.0 && v.is_finite() && !(1e-4..1e6).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// The largest weight or scoring factor a lexicon may give. Far above any sensible value
/// (weights lie between 0.25 and 3), and small enough that no sum of millions of hits can
/// overflow to infinity or NaN.
pub const MAX_WEIGHT: f64 = 1000.0;

/// A problem found in a lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file (or `builtin:NAME`).
    pub origin: String,
    /// Where in the YAML document.
    pub path: Vec<Seg>,
    /// 1-based line and column, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The source line, for a caret display.
    pub snippet: Option<String>,
    pub message: String,
    /// What to write instead.
    pub hint: Option<String>,
    /// Another place this diagnostic refers to (e.g. the first copy of a duplicate), as
    /// origin and YAML path; `locate::attach` turns it into `note`.
    pub related: Option<(String, Vec<Seg>)>,
    /// Extra information, such as where the first copy of a duplicate is.
    pub note: Option<String>,
}

impl Diagnostic {
    pub fn error(origin: &str, path: Vec<Seg>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            origin: origin.to_string(),
            path,
            line: None,
            column: None,
            snippet: None,
            message: message.into(),
            hint: None,
            related: None,
            note: None,
        }
    }

    pub fn warning(origin: &str, path: Vec<Seg>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(origin, path, message)
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Point at another place too (shown as a note with its position).
    pub fn related(mut self, origin: &str, path: Vec<Seg>) -> Diagnostic {
        self.related = Some((origin.to_string(), path));
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// `file:line:column` (or `file` with the YAML path when the position is unknown).
    pub fn position(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{}:{}", self.origin, l, c),
            _ if !self.path.is_empty() => format!("{} ({})", self.origin, path_string(&self.path)),
            _ => self.origin.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {}: {}", self.position(), sev, self.message)?;
        if let (Some(snippet), Some(col), Some(line)) = (&self.snippet, self.column, self.line) {
            // Show at most 100 characters around the column, so a one-line file of
            // megabytes does not flood the terminal.
            const SHOWN: usize = 100;
            let chars: Vec<char> = snippet.chars().collect();
            let col0 = col.saturating_sub(1).min(chars.len());
            let from = col0.saturating_sub(SHOWN / 2);
            let to = (from + SHOWN).min(chars.len());
            let mut shown: String = chars[from..to].iter().collect();
            let mut caret_at = col0 - from;
            if from > 0 {
                shown.insert(0, '…');
                caret_at += 1;
            }
            if to < chars.len() {
                shown.push('…');
            }
            let width = line.to_string().len();
            write!(f, "\n{:width$} |\n{line} | {shown}\n{:width$} | ", "", "")?;
            let pad: String = shown
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "{pad}^")?;
        }
        if let Some(n) = &self.note {
            write!(f, "\n  = note: {n}")?;
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  = help: {h}")?;
        }
        Ok(())
    }
}
