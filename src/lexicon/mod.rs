//! Lexicons: the YAML format, loading (with `extends` composition), validation and the
//! compiled, ready-to-match form.
//!
//! A lexicon file is data a teacher edits. [`schema`] holds the serde types exactly as
//! written in YAML (unknown fields rejected); [`validate`] turns a parsed file into a list of
//! [`Diagnostic`]s with YAML paths, and [`locate`] maps those paths to `line:column`. A file
//! that passes becomes a [`Lexicon`]: sides, concepts and actors with resolved side indices,
//! scoring weights with their defaults, and the SHA-256 of every source file it was built
//! from. Compiling the terms into one automaton is the matcher's job.

pub mod locate;
pub mod schema;
pub mod validate;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use schema::{ActorKind, LexiconFile};
pub use validate::{Diagnostic, Severity};

/// The default lexicon, embedded in the binary.
pub const DEFAULT_NAME: &str = "immigration";
/// Built-in lexicons, by name: `(name, file name, YAML)`.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "immigration",
        "immigration.yaml",
        include_str!("../../lexicons/immigration.yaml"),
    ),
    (
        "climate",
        "climate.yaml",
        include_str!("../../lexicons/climate.yaml"),
    ),
];

/// Side of a variant or actor: an index into [`Lexicon::sides`], or neutral.
pub type SideRef = Option<usize>;

#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub id: String,
    pub label: String,
    pub color: (u8, u8, u8),
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Display name: the `label` field, or the first term.
    pub label: String,
    pub terms: Vec<String>,
    pub patterns: Vec<String>,
    pub side: SideRef,
    pub weight: f64,
    pub case_sensitive: bool,
    pub description: String,
    pub examples: Vec<String>,
    pub counter_examples: Vec<String>,
}

/// What scare quotes (or "so-called") around a term of a concept signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScareQuoted {
    /// The opposite side of the variant (two-sided lexicons); neutral stays neutral.
    Flip,
    /// The variant's own side.
    Keep,
    /// This side (or neutral).
    Side(SideRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub id: String,
    pub label: String,
    pub description: String,
    pub scare_quoted: ScareQuoted,
    pub variants: Vec<Variant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub side: SideRef,
    pub description: String,
}

/// How voice, modifiers and the two halves of the stance are weighed.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    /// Factor for a term in the outlet's own words.
    pub narrator: f64,
    /// Factor for a term inside a speech quotation.
    pub quoted: f64,
    /// Factor for a term inside scare quotes (after the concept's `scare_quoted` side).
    pub scare_quoted: f64,
    /// Factor for a negated term ("not illegal aliens").
    pub negated: f64,
    /// Factor for a distanced term ("so-called", "what critics call"), applied with the
    /// concept's `scare_quoted` side.
    pub distanced: f64,
    /// Weight of the term lean in the combined stance.
    pub stance_terms: f64,
    /// Weight of the quote lean in the combined stance.
    pub stance_quotes: f64,
    /// Below this evidence a lean is "too little evidence".
    pub min_evidence: f64,
    /// Below this many (prominence-weighted) words of aligned speakers, the quote lean is
    /// "too little evidence".
    pub min_quote_words: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            narrator: 1.0,
            quoted: 0.3,
            scare_quoted: 0.5,
            negated: 0.5,
            distanced: 1.0,
            stance_terms: 0.6,
            stance_quotes: 0.4,
            min_evidence: 3.0,
            min_quote_words: 15.0,
        }
    }
}

/// Limits that keep a hostile lexicon from eating the machine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Largest lexicon file, in bytes.
    pub max_file_bytes: usize,
    /// Longest regex pattern, in bytes.
    pub max_pattern_bytes: usize,
    /// Compiled size limit for each regex, in bytes.
    pub regex_size_limit: usize,
    /// Deepest `extends` chain.
    pub max_extends_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_pattern_bytes: 2_000,
            regex_size_limit: 2 * 1024 * 1024,
            max_extends_depth: 8,
        }
    }
}

/// A validated lexicon, ready to compile into a matcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Where it came from: a path, or `builtin:NAME`.
    pub origin: String,
    /// SHA-256 (hex) over the bytes of every file it was built from, child first.
    pub sha256: String,
    /// Every file it was built from (paths or `builtin:NAME`), child first: the file
    /// itself, then what it `extends`.
    pub sources: Vec<String>,
    pub sides: Vec<Side>,
    pub scoring: Scoring,
    pub concepts: Vec<Concept>,
    pub actors: Vec<Actor>,
    pub limits: Limits,
}

impl Lexicon {
    /// First 8 hex digits of the hash, for footers.
    pub fn short_hash(&self) -> &str {
        &self.sha256[..8.min(self.sha256.len())]
    }

    /// The side id for a side reference (`"neutral"` for none).
    pub fn side_id(&self, side: SideRef) -> &str {
        match side {
            Some(i) => &self.sides[i].id,
            None => "neutral",
        }
    }

    /// Position of a side on the lean scale: the first side at -1, the last at +1,
    /// the others evenly between.
    pub fn side_position(&self, side: usize) -> f64 {
        let n = self.sides.len();
        if n < 2 {
            return 0.0;
        }
        -1.0 + 2.0 * side as f64 / (n - 1) as f64
    }

    /// The side opposite to `side` (mirror on the lean scale); neutral stays neutral.
    pub fn opposite(&self, side: SideRef) -> SideRef {
        side.map(|i| self.sides.len() - 1 - i)
    }

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
        match path {
            Some(p) => {
                if let Some(name) = p.to_str().and_then(|s| s.strip_prefix("builtin:")) {
                    Lexicon::builtin(name, limits)
                } else {
                    Lexicon::from_path(p, limits)
                }
            }
            None => Lexicon::builtin(DEFAULT_NAME, limits),
        }
    }
}

/// One lexicon source text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given, or `builtin:NAME`.
    pub origin: String,
    /// Folder for resolving `extends` (None for built-ins and text).
    pub dir: Option<PathBuf>,
    pub text: String,
}

impl Source {
    pub fn builtin(name: &str) -> Result<Source, LexiconError> {
        let name = name.trim_end_matches(".yaml");
        BUILTIN
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(n, _, text)| Source {
                origin: format!("builtin:{n}"),
                dir: None,
                text: text.to_string(),
            })
            .ok_or_else(|| LexiconError::UnknownBuiltin {
                name: name.to_string(),
                known: BUILTIN
                    .iter()
                    .map(|(n, _, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn read(path: &Path, limits: Limits) -> Result<Source, LexiconError> {
        let origin = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| LexiconError::Io {
            path: origin.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            return Err(LexiconError::IsDirectory { path: origin });
        }
        if meta.len() as usize > limits.max_file_bytes {
            return Err(LexiconError::TooLarge {
                path: origin,
                bytes: meta.len(),
                limit: limits.max_file_bytes,
            });
        }
        // Read at most one byte past the limit: metadata says 0 bytes for pipes and
        // devices (`--lexicon /dev/zero`), so the size check above cannot be the only one.
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| {
                use std::io::Read;
                f.take(limits.max_file_bytes as u64 + 1)
                    .read_to_end(&mut bytes)
            })
            .map_err(|e| LexiconError::Io {
                path: origin.clone(),
                source: e,
            })?;
        if bytes.len() > limits.max_file_bytes {
            return Err(LexiconError::TooLarge {
                path: origin,
                bytes: bytes.len() as u64,
                limit: limits.max_file_bytes,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| LexiconError::NotUtf8 {
            path: origin.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok(Source {
            origin,
            dir: path.parent().map(Path::to_path_buf),
            text,
        })
    }
}

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

/// Loads a lexicon and its `extends` chain, collecting hashes.
struct Loader {
    limits: Limits,
    hasher: Sha256,
    seen: Vec<String>,
    texts: HashMap<String, String>,
    /// Where structural errors were found: meaning errors at or below these paths are
    /// follow-on noise from the placeholders and are not reported.
    structural: Vec<(String, Vec<validate::Seg>)>,
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
            hasher: Sha256::new(),
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
        self.hasher.update(source.origin.len().to_le_bytes());
        self.hasher.update(source.text.as_bytes());
        if let Err(d) = check_nesting(&source.origin, &source.text)
            .and_then(|()| check_alias_expansion(&source.origin, &source.text))
        {
            return Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: vec![*d],
            })));
        }
        let parsed = validate::parse_all(&source.origin, &source.text);
        let Some(file) = parsed.file else {
            return Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: parsed.diagnostics,
            })));
        };
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
                    vec![validate::Seg::key("disable")],
                    "`disable` does nothing without `extends`: it switches off entries of the lexicon this one extends",
                )
                .hint("add `extends: builtin:immigration` (or a file), or delete the concept itself"),
            );
        }
        let mut incomplete = false;
        let file = match file.extends.clone() {
            None => file,
            Some(ref parent) => match self.load_parent(&source, parent, depth) {
                Ok(parent) => {
                    diagnostics.extend(parent.diagnostics);
                    incomplete = parent.incomplete;
                    schema::compose(
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
                                    vec![validate::Seg::key("extends")],
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
                Source::read(&base.join(parent.trim()), self.limits)?
            }
        };
        self.load_source(parent_source, depth + 1)
    }

    fn finish(self, resolved: Resolved) -> Result<Lexicon, LexiconError> {
        let checked = self.check(resolved);
        match checked.lexicon {
            Some(l) => Ok(l),
            None => Err(LexiconError::Invalid(Box::new(Invalid {
                diagnostics: checked.diagnostics,
            }))),
        }
    }

    fn check(self, resolved: Resolved) -> Checked {
        let sha256 = hex(&self.hasher.finalize());
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
            let lexicon = validate::build(
                &file,
                &origin,
                sha256,
                sources,
                self.limits,
                &mut diagnostics,
            );
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

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Deepest bracket nesting (`[` / `{`) a lexicon may have. The schema itself is about six
/// levels deep and serde_yaml stops at 128, but its scanner spends time proportional to the
/// nesting depth on every token, so 100,000 `[` take minutes to refuse.
pub const MAX_YAML_NESTING: usize = 64;

/// Refuse flow collections nested deeper than [`MAX_YAML_NESTING`] before any YAML parser
/// sees them, by a quick scan that skips quoted scalars and comments. Block nesting needs
/// a line of indentation per level, which the file size limit already bounds.
fn check_nesting(origin: &str, text: &str) -> Result<(), Box<Diagnostic>> {
    let b = text.as_bytes();
    let (mut depth, mut line, mut line_start) = (0usize, 1usize, 0usize);
    // True where the next non-blank character starts a node (where `[`, `{` and quotes
    // are indicators rather than characters of a plain scalar).
    let mut node_start = true;
    let spaced = |i: usize| matches!(b.get(i), None | Some(b' ' | b'\t' | b'\r' | b'\n'));
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                node_start = true;
            }
            b' ' | b'\t' | b'\r' => {}
            b'#' if i == 0 || spaced(i - 1) => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'\'' | b'"') if node_start => {
                i += 1;
                while i < b.len() {
                    match b[i] {
                        b'\\' if q == b'"' => i += 1,
                        b'\'' if q == b'\'' && b.get(i + 1) == Some(&b'\'') => i += 1,
                        c if c == q => break,
                        b'\n' => {
                            line += 1;
                            line_start = i + 1;
                        }
                        _ => {}
                    }
                    i += 1;
                }
                node_start = false;
            }
            b'[' | b'{' if node_start => {
                depth += 1;
                if depth > MAX_YAML_NESTING {
                    let column = text[line_start..i].chars().count() + 1;
                    return Err(Box::new(
                        Diagnostic::error(
                            origin,
                            Vec::new(),
                            format!("brackets are nested more than {MAX_YAML_NESTING} levels deep; refusing to parse the lexicon"),
                        )
                        .hint("a lexicon is only a few levels deep (concepts → variants → terms); look for unbalanced `[` or `{`")
                        .at(line, column),
                    ));
                }
            }
            b']' | b'}' if depth > 0 => {
                depth -= 1;
                node_start = false;
            }
            b',' if depth > 0 => node_start = true,
            b':' if depth > 0 || spaced(i + 1) => node_start = true,
            b'-' | b'?' if node_start && spaced(i + 1) => {}
            _ => node_start = false,
        }
        i += 1;
    }
    Ok(())
}

/// Most nodes that YAML aliases (`*name`) may add to a lexicon when expanded.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Refuse a YAML "alias bomb" before deserializing it: every alias (`*name`) stands for a
/// copy of its anchored node, so a small file of nested aliases (or one big anchored list
/// aliased thousands of times) expands to billions of nodes. serde_yaml only catches the
/// first kind. This counts the expanded size in one pass over the parse events and stops
/// at [`MAX_ALIAS_NODES`] nodes added by aliases. Syntax errors are left to the parser.
fn check_alias_expansion(origin: &str, text: &str) -> Result<(), Box<Diagnostic>> {
    use yaml_rust2::parser::{Event, Parser};
    if !text.contains('*') {
        return Ok(());
    }
    let mut parser = Parser::new_from_str(text);
    // Expanded size of each finished anchored node, by anchor id.
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    // Open collections: (anchor id, node count when it started).
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut nodes, mut from_aliases) = (0usize, 0usize);
    loop {
        let Ok((event, mark)) = parser.next_token() else {
            return Ok(());
        };
        match event {
            Event::StreamEnd => return Ok(()),
            Event::Scalar(_, _, anchor, _) => {
                nodes += 1;
                if anchor > 0 {
                    sizes.insert(anchor, 1);
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                nodes += 1;
                open.push((anchor, nodes));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, start)) = open.pop() {
                    if anchor > 0 {
                        sizes.insert(anchor, nodes - start + 1);
                    }
                }
            }
            Event::Alias(id) => {
                let n = sizes.get(&id).copied().unwrap_or(1);
                nodes += n;
                from_aliases += n;
                if from_aliases > MAX_ALIAS_NODES {
                    return Err(Box::new(
                        Diagnostic::error(
                            origin,
                            Vec::new(),
                            format!(
                                "YAML aliases (`*name`) expand this lexicon by more than {MAX_ALIAS_NODES} entries; refusing to load it (an alias bomb?)"
                            ),
                        )
                        .hint("write repeated lists out in full; anchors (`&name`) and aliases (`*name`) are for small shared snippets")
                        .at(mark.line(), mark.col() + 1),
                    ));
                }
            }
            _ => {}
        }
    }
}
