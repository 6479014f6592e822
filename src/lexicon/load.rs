//! Loading a lexicon: read its source, refuse hostile YAML, walk its shape, follow its
//! `extends` chain and compose it, build and check its meaning, then attach positions to
//! every diagnostic and sort them by file, line and column.
//!
//! [`Lexicon::load`] and friends return the lexicon or every error; [`check`] returns every
//! diagnostic (warnings too) for `slant lexicon check`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::compose::compose;
use super::diagnostic::{Diagnostic, Seg, Severity};
use super::error::{Invalid, LexiconError};
use super::guard::{check_alias_expansion, check_nesting};
use super::locate;
use super::model::{Lexicon, Limits};
use super::schema::LexiconFile;
use super::sections::build;
use super::source::{Source, DEFAULT_NAME};
use super::walk::parse_all;

impl Lexicon {
    /// Load the embedded default lexicon.
    pub fn default_lexicon() -> Result<Lexicon, LexiconError> {
        Lexicon::builtin(DEFAULT_NAME, Limits::default())
    }

    /// Load a built-in lexicon by name.
    pub fn builtin(name: &str, limits: Limits) -> Result<Lexicon, LexiconError> {
        let mut loader = Loader::new(limits);
        let file = loader.load_source(Source::builtin(name)?, 0)?;
        loader.finish(file)
    }

    /// Load a lexicon file (following `extends`).
    pub fn from_path(path: &Path, limits: Limits) -> Result<Lexicon, LexiconError> {
        let mut loader = Loader::new(limits);
        let source = Source::read(path, limits)?;
        let file = loader.load_source(source, 0)?;
        loader.finish(file)
    }

    /// Load from YAML text; `origin` names it in messages. `extends` paths are resolved
    /// relative to the current directory.
    pub fn from_yaml(origin: &str, yaml: &str, limits: Limits) -> Result<Lexicon, LexiconError> {
        let mut loader = Loader::new(limits);
        let source = Source {
            origin: origin.to_string(),
            dir: None,
            text: yaml.to_string(),
        };
        let file = loader.load_source(source, 0)?;
        loader.finish(file)
    }

    /// Load `path` if given, else the default.
    pub fn load(path: Option<&Path>, limits: Limits) -> Result<Lexicon, LexiconError> {
        Lexicon::load_with_warnings(path, limits).map(|(l, _)| l)
    }

    /// [`Lexicon::load`], with the warnings found along the way (problems that do not
    /// stop the lexicon from loading, such as a term that can never match), located and
    /// sorted as `slant lexicon check` lists them.
    pub fn load_with_warnings(
        path: Option<&Path>,
        limits: Limits,
    ) -> Result<(Lexicon, Vec<Diagnostic>), LexiconError> {
        let mut loader = Loader::new(limits);
        let source = match path {
            Some(p) => match p.to_str().and_then(|s| s.strip_prefix("builtin:")) {
                Some(name) => Source::builtin(name)?,
                None => Source::read(p, limits)?,
            },
            None => Source::builtin(DEFAULT_NAME)?,
        };
        let file = loader.load_source(source, 0)?;
        loader.finish_with_warnings(file)
    }
}

/// Loads a lexicon and its `extends` chain.
struct Loader {
    limits: Limits,
    seen: Vec<String>,
    texts: HashMap<String, String>,
    /// Where structural errors were found: meaning errors at or below these paths are
    /// follow-on noise from the placeholders and are not reported.
    structural: Vec<(String, Vec<Seg>)>,
}

/// A parsed file with the sources it was built from (child last).
struct Resolved {
    file: LexiconFile,
    origin: String,
    diagnostics: Vec<Diagnostic>,
    /// A file of the `extends` chain could not be read: the composed lexicon is incomplete,
    /// so its meaning is not checked.
    incomplete: bool,
}

impl Loader {
    fn new(limits: Limits) -> Loader {
        Loader {
            limits,
            seen: Vec::new(),
            texts: HashMap::new(),
            structural: Vec::new(),
        }
    }

    fn load_source(&mut self, source: Source, depth: usize) -> Result<Resolved, LexiconError> {
        if depth > self.limits.max_extends_depth {
            return Err(LexiconError::ExtendsTooDeep {
                origin: source.origin,
                limit: self.limits.max_extends_depth,
            });
        }
        if self.seen.contains(&source.origin) {
            return Err(LexiconError::ExtendsCycle {
                origin: self.seen.last().cloned().unwrap_or_default(),
                target: source.origin,
            });
        }
        self.seen.push(source.origin.clone());
        self.texts
            .insert(source.origin.clone(), source.text.clone());
        if let Err(d) = check_nesting(&source.origin, &source.text)
            .and_then(|()| check_alias_expansion(&source.origin, &source.text))
        {
            return Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: vec![*d],
            })));
        }
        let parsed = parse_all(&source.origin, &source.text);
        let Some(file) = parsed.file else {
            return Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: parsed.diagnostics,
            })));
        };
        // A broken `extends` (a list, a number) leaves the lexicon without what it meant to
        // build on: checking its meaning would only report missing sides and undeclared
        // side ids, burying the one real error.
        let extends_broken = parsed
            .structural
            .iter()
            .any(|p| p.first() == Some(&Seg::key("extends")));
        self.structural.extend(
            parsed
                .structural
                .into_iter()
                .map(|p| (source.origin.clone(), p)),
        );
        let mut diagnostics = parsed.diagnostics;
        if file.extends.is_none() && !file.disable.is_empty() {
            diagnostics.push(
                Diagnostic::warning(
                    &source.origin,
                    vec![Seg::key("disable")],
                    "`disable` does nothing without `extends`: it switches off entries of the lexicon this one extends",
                )
                .hint("add `extends: builtin:immigration` (or a file), or delete the concept itself"),
            );
        }
        let mut incomplete = extends_broken;
        let file = match file.extends.clone() {
            None => file,
            Some(ref parent) => match self.load_parent(&source, parent, depth) {
                Ok(parent) => {
                    diagnostics.extend(parent.diagnostics);
                    incomplete = parent.incomplete;
                    compose(
                        parent.file,
                        &parent.origin,
                        file,
                        &source.origin,
                        &mut diagnostics,
                    )
                }
                Err(e) => {
                    incomplete = true;
                    match e {
                        LexiconError::Invalid(inv) => diagnostics.extend(inv.diagnostics),
                        other => {
                            let hint = match &other {
                                LexiconError::UnknownBuiltin { known, .. } => format!("built-in lexicons: {}", known.split(", ").map(|k| format!("`builtin:{k}`")).collect::<Vec<_>>().join(", ")),
                                LexiconError::ExtendsCycle { .. } | LexiconError::ExtendsTooDeep { .. } => "a lexicon may extend another, which may extend a third, but never loop back".to_string(),
                                _ => "`extends` takes a path relative to this file (e.g. `extends: immigration.yaml`) or `builtin:NAME` (e.g. `extends: builtin:immigration`)".to_string(),
                            };
                            diagnostics.push(
                                Diagnostic::error(
                                    &source.origin,
                                    vec![Seg::key("extends")],
                                    format!("cannot extend `{parent}`: {other}"),
                                )
                                .hint(hint),
                            );
                        }
                    }
                    file
                }
            },
        };
        Ok(Resolved {
            file,
            origin: source.origin,
            diagnostics,
            incomplete,
        })
    }

    fn load_parent(
        &mut self,
        child: &Source,
        parent: &str,
        depth: usize,
    ) -> Result<Resolved, LexiconError> {
        let parent_source = match parent.trim().strip_prefix("builtin:") {
            Some(name) => Source::builtin(name.trim())?,
            None => {
                let base = child.dir.clone().unwrap_or_else(|| PathBuf::from("."));
                Source::read_extended(&base.join(parent.trim()), self.limits)?
            }
        };
        self.load_source(parent_source, depth + 1)
    }

    fn finish(self, resolved: Resolved) -> Result<Lexicon, LexiconError> {
        self.finish_with_warnings(resolved).map(|(l, _)| l)
    }

    fn finish_with_warnings(
        self,
        resolved: Resolved,
    ) -> Result<(Lexicon, Vec<Diagnostic>), LexiconError> {
        let checked = self.check(resolved);
        match checked.lexicon {
            Some(l) => Ok((l, checked.diagnostics)),
            None => Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: checked.diagnostics,
            }))),
        }
    }

    fn check(self, resolved: Resolved) -> Checked {
        let Resolved {
            file,
            origin,
            mut diagnostics,
            incomplete,
        } = resolved;
        let lexicon = if incomplete {
            None
        } else {
            let before = diagnostics.len();
            let sources = self.seen.clone();
            let lexicon = build(&file, &origin, sources, self.limits, &mut diagnostics);
            // Drop meaning errors caused by the placeholders of structural errors.
            let structural = &self.structural;
            let mut i = 0;
            diagnostics.retain(|d| {
                i += 1;
                i <= before
                    || !structural.iter().any(|(o, p)| {
                        *o == d.origin
                            && (d.path.starts_with(p)
                                || (!d.path.is_empty() && p.starts_with(&d.path)))
                    })
            });
            lexicon
        };
        locate::attach(&mut diagnostics, &self.texts);
        sort_diagnostics(&mut diagnostics, &self.seen);
        let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
        Checked {
            lexicon: if has_errors { None } else { lexicon },
            diagnostics,
        }
    }
}

/// File order (the checked file first, then what it extends), then line and column.
fn sort_diagnostics(diags: &mut [Diagnostic], files: &[String]) {
    diags.sort_by_key(|d| {
        (
            files
                .iter()
                .position(|f| *f == d.origin)
                .unwrap_or(usize::MAX),
            d.line.unwrap_or(usize::MAX),
            d.column.unwrap_or(usize::MAX),
        )
    });
}

/// The outcome of checking a lexicon: the lexicon if it has no errors, and every
/// diagnostic (errors and warnings) with positions.
#[derive(Debug)]
pub struct Checked {
    pub lexicon: Option<Lexicon>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// How many diagnostics are errors and how many warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        (errors, self.diagnostics.len() - errors)
    }
}

/// Check a lexicon file (or the default with `None`), collecting every problem.
/// Unreadable files and broken `extends` chains are errors too, reported as diagnostics.
pub fn check(path: Option<&Path>, limits: Limits) -> Checked {
    let mut loader = Loader::new(limits);
    let source = match path {
        Some(p) => match p.to_str().and_then(|s| s.strip_prefix("builtin:")) {
            Some(name) => Source::builtin(name),
            None => Source::read(p, limits),
        },
        None => Source::builtin(DEFAULT_NAME),
    };
    let origin = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| format!("builtin:{DEFAULT_NAME}"));
    let resolved = source.and_then(|s| loader.load_source(s, 0));
    match resolved {
        Ok(r) => loader.check(r),
        Err(LexiconError::Invalid(inv)) => {
            let mut diagnostics = inv.diagnostics;
            locate::attach(&mut diagnostics, &loader.texts);
            sort_diagnostics(&mut diagnostics, &loader.seen);
            Checked {
                lexicon: None,
                diagnostics,
            }
        }
        Err(e) => Checked {
            lexicon: None,
            diagnostics: vec![Diagnostic::error(&origin, Vec::new(), e.to_string())],
        },
    }
}
