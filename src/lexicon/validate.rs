//! Lexicon validation: every problem at once, each with a YAML path, a message and a hint.
//!
//! [`parse_all`] turns YAML text into a [`LexiconFile`]. A file serde accepts is returned
//! as is; otherwise the YAML is walked against the schema's shapes so that EVERY unknown,
//! misspelled, missing or mistyped field is reported (with "did you mean" hints and the
//! key's or value's `line:column`), and the rest of the file still goes on to [`build`].
//! Only a YAML syntax error stops at the first problem. [`build`] checks the meaning
//! (declared sides, duplicate ids, empty terms, colors, regex validity and size, weights,
//! terms that can never match because another entry has the same normalized form) and
//! builds the [`Lexicon`]. Positions for meaning errors are found afterwards by
//! [`super::locate`] from the YAML path each diagnostic carries.

use std::collections::HashMap;
use std::fmt;

use serde_yaml::{Mapping, Value};

use super::schema::{ConceptDef, FieldType, LexiconFile, Shape, ALL_SHAPES, FILE_SHAPE};
use super::{Actor, Concept, Lexicon, Limits, ScareQuoted, Scoring, Side, SideRef, Variant};
use crate::text::normalize::normalize_term;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One step of a YAML path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// origin and YAML path; [`super::locate::attach`] turns it into `note`.
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

/// Parse YAML text into the file schema, stopping at the first problem. Errors carry
/// serde_yaml's position. See [`parse_all`] for every problem at once.
pub fn parse(origin: &str, text: &str) -> Result<LexiconFile, Box<Diagnostic>> {
    let parsed = parse_all(origin, text);
    match (parsed.file, parsed.diagnostics.into_iter().next()) {
        (Some(f), None) => Ok(f),
        (_, Some(d)) => Err(Box::new(d)),
        (None, None) => unreachable!("parse_all returns a file or a diagnostic"),
    }
}

/// One file read as far as possible: the schema value (with broken fields left out or
/// replaced by placeholders, so meaning checks can go on) and every structural error.
#[derive(Debug)]
pub struct Parsed {
    /// `None` only when the YAML itself cannot be read (syntax errors, not a mapping).
    pub file: Option<LexiconFile>,
    /// Structural errors: unknown fields, missing fields, values of the wrong type.
    pub diagnostics: Vec<Diagnostic>,
    /// Paths that were dropped or filled with placeholders: meaning errors reported later
    /// at, below or directly above one of them are follow-on noise.
    pub structural: Vec<Vec<Seg>>,
}

/// Parse YAML text and report EVERY structural problem, each with its position: a file
/// serde accepts is returned as is; otherwise the YAML is read as a generic value, walked
/// against the schema's [`Shape`]s (unknown and mistyped fields are reported and dropped,
/// missing required fields get placeholders), and the cleaned value is deserialized so
/// the meaning checks can still run on everything that was readable.
pub fn parse_all(origin: &str, text: &str) -> Parsed {
    let first = match serde_yaml::from_str::<LexiconFile>(text) {
        Ok(f) => {
            return Parsed {
                file: Some(f),
                diagnostics: Vec::new(),
                structural: Vec::new(),
            }
        }
        Err(e) => e,
    };
    let mut value: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Parsed {
                file: None,
                diagnostics: vec![yaml_error(origin, text, &e)],
                structural: Vec::new(),
            }
        }
    };
    if !value.is_mapping() {
        let (msg, hint) = if text.trim().is_empty()
            || text
                .lines()
                .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            ("the lexicon file is empty", "start with `name:`, `version:` and `sides:`; see lexicons/README.md or lexicons/examples/")
        } else {
            ("a lexicon file must be a mapping of fields (`name:`, `version:`, `sides:`, `concepts:` …)", "write `field: value` lines at the left margin; see lexicons/README.md")
        };
        let mut d = Diagnostic::error(origin, Vec::new(), msg)
            .hint(hint)
            .at(1, 1);
        d.snippet = text.lines().next().map(str::to_string);
        return Parsed {
            file: None,
            diagnostics: vec![d],
            structural: Vec::new(),
        };
    }
    let mut walker = Walker {
        origin,
        text,
        diags: Vec::new(),
        structural: Vec::new(),
    };
    walker.mapping(&mut value, &FILE_SHAPE, &mut Vec::new());
    if walker.diags.is_empty() {
        // The walk found nothing serde objects to: report serde's own error.
        return Parsed {
            file: None,
            diagnostics: vec![yaml_error(origin, text, &first)],
            structural: Vec::new(),
        };
    }
    Parsed {
        file: serde_yaml::from_value::<LexiconFile>(value).ok(),
        diagnostics: walker.diags,
        structural: walker.structural,
    }
}

/// Walks a generic YAML value against the schema, reporting and repairing as it goes.
struct Walker<'a> {
    origin: &'a str,
    text: &'a str,
    diags: Vec<Diagnostic>,
    structural: Vec<Vec<Seg>>,
}

/// How a value looks, for messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping (`key: value` lines)".into(),
        Value::Tagged(t) => format!("a value tagged `{}`", t.tag),
    }
}

/// A scalar's text as serde would read it into a string.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

/// A mapping with empty placeholders for a shape's required fields.
fn placeholder(shape: &Shape) -> Value {
    let mut m = Mapping::new();
    for (name, _, required) in shape.fields {
        if *required {
            m.insert(Value::String((*name).into()), Value::String(String::new()));
        }
    }
    Value::Mapping(m)
}

fn missing_hint(shape: &Shape, field: &str) -> String {
    match (shape.what, field) {
        ("the lexicon", "name") => "add a line `name: my_lexicon` at the top".into(),
        ("the lexicon", "version") => "add a line `version: \"1.0.0\"` at the top".into(),
        (_, "side") => "add `side:` with one of the declared side ids, or `side: neutral`".into(),
        (_, "id") => "add `id:` with a short snake_case name, e.g. `id: people_label`".into(),
        (_, "label") => {
            "add `label:` with the name readers see, e.g. `label: Restrictionist`".into()
        }
        (_, "color") => "add a hex color in quotes, e.g. `color: \"#0072B2\"`".into(),
        (_, "name") => "add `name:` with the speaker's name as articles write it".into(),
        _ => format!("add `{field}:`; see lexicons/README.md"),
    }
}

impl Walker<'_> {
    fn report(&mut self, path: &[Seg], at_key: bool, message: String, hint: String) {
        let pos = if at_key {
            super::locate::locate_key(self.text, path)
        } else {
            super::locate::locate(self.text, path)
        };
        self.structural.push(path.to_vec());
        let mut d = Diagnostic::error(self.origin, path.to_vec(), message).hint(hint);
        if let Some((line, col)) = pos {
            d = d.at(line, col);
            d.snippet = self
                .text
                .lines()
                .nth(line.saturating_sub(1))
                .map(str::to_string);
        }
        self.diags.push(d);
    }

    fn mapping(&mut self, value: &mut Value, shape: &Shape, path: &mut Vec<Seg>) {
        let Value::Mapping(map) = value else {
            return;
        };
        let keys: Vec<Value> = map.keys().cloned().collect();
        // Required fields that an unknown field's "did you mean" already names.
        let mut suggested: Vec<&str> = Vec::new();
        for k in keys {
            let name = scalar_text(&k).unwrap_or_else(|| "?".into());
            if shape.field(&name).is_some() {
                continue;
            }
            map.remove(&k);
            let names: Vec<&str> = shape.fields.iter().map(|f| f.0).collect();
            let mut kpath = path.clone();
            kpath.push(Seg::Key(name.clone()));
            let elsewhere = ALL_SHAPES
                .iter()
                .find(|s| s.what != shape.what && s.field(&name).is_some());
            let (msg, hint) = if let Some(best) = closest(&name, &names) {
                suggested.push(best);
                (
                    format!(
                        "unknown field `{name}` in {} — did you mean `{best}`?",
                        shape.what
                    ),
                    format!("write `{best}:` instead of `{name}:`"),
                )
            } else if let Some(other) = elsewhere {
                (
                    format!("`{name}` is not a field of {}", shape.what),
                    format!("`{name}` belongs in {}; check the indentation (fields of one item line up under each other)", other.what),
                )
            } else {
                (
                    format!("unknown field `{name}` in {}", shape.what),
                    format!(
                        "allowed fields here: {}",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            };
            self.report(&kpath, true, msg, hint);
        }
        for (fname, ty, required) in shape.fields {
            path.push(Seg::key(fname));
            let key = Value::String((*fname).into());
            let keep = map.get_mut(&key).map(|v| self.value(v, *ty, fname, path));
            match keep {
                None if *required && suggested.contains(fname) => {
                    self.structural.push(path.clone());
                    map.insert(key, Value::String(String::new()));
                }
                None if *required => {
                    let what = shape.what;
                    self.report(
                        path,
                        false,
                        format!("{what} needs a `{fname}` field"),
                        missing_hint(shape, fname),
                    );
                    map.insert(key, Value::String(String::new()));
                }
                Some(false) if *required => {
                    map.insert(key, Value::String(String::new()));
                }
                Some(false) => {
                    map.remove(&key);
                }
                None | Some(true) => {}
            }
            path.pop();
        }
    }

    /// Check (and repair) one value; false means "drop this field".
    fn value(&mut self, v: &mut Value, ty: FieldType, name: &str, path: &mut Vec<Seg>) -> bool {
        if let Value::Tagged(_) = v {
            self.report(
                path,
                false,
                format!("`{name}` has a YAML tag (`!…`), which lexicons do not use"),
                "remove the `!tag` before the value".into(),
            );
            return false;
        }
        match ty {
            FieldType::Str | FieldType::OptStr => {
                if matches!(v, Value::Null) && matches!(ty, FieldType::OptStr) {
                    return false;
                }
                match scalar_text(v) {
                    Some(s) => {
                        *v = Value::String(s);
                        true
                    }
                    None => {
                        let hint = if v.is_mapping() {
                            "put text that contains `: ` in quotes, e.g. `description: \"Note: …\"`"
                        } else {
                            "write a single text here; lists belong in fields such as `terms:`"
                        };
                        self.report(
                            path,
                            false,
                            format!("`{name}` must be text, found {}", describe(v)),
                            hint.into(),
                        );
                        false
                    }
                }
            }
            FieldType::Num | FieldType::OptNum => match v {
                Value::Number(_) => true,
                Value::Null if matches!(ty, FieldType::OptNum) => false,
                Value::Null => {
                    self.report(path, false, format!("`{name}` has no value"), format!("write a number, e.g. `{name}: 1.5`, or remove the line to use the default"));
                    false
                }
                Value::String(s) if s.trim().parse::<f64>().is_ok() => {
                    let hint = format!("write the number without quotes: `{name}: {}`", s.trim());
                    self.report(
                        path,
                        false,
                        format!("`{name}` must be a number, found {}", describe(v)),
                        hint,
                    );
                    false
                }
                _ => {
                    self.report(
                        path,
                        false,
                        format!("`{name}` must be a number, found {}", describe(v)),
                        format!("write a number such as `{name}: 1.5`"),
                    );
                    false
                }
            },
            FieldType::Bool => match v {
                Value::Bool(_) => true,
                _ => {
                    self.report(
                        path,
                        false,
                        format!("`{name}` must be `true` or `false`, found {}", describe(v)),
                        format!("write `{name}: true` or `{name}: false`"),
                    );
                    false
                }
            },
            FieldType::Choice(options) => {
                let word = match v {
                    Value::String(s) => s.clone(),
                    _ => String::new(),
                };
                if options.contains(&word.as_str()) {
                    return true;
                }
                let hint = match closest(&word, options) {
                    Some(best) => format!("did you mean `{best}`? (written in lower case)"),
                    None => format!("use one of: {}", options.join(", ")),
                };
                self.report(
                    path,
                    false,
                    format!(
                        "`{name}` must be one of {}, found {}",
                        options.join(", "),
                        describe(v)
                    ),
                    hint,
                );
                false
            }
            FieldType::StrList => {
                match v {
                    Value::Null => false,
                    Value::Sequence(items) => {
                        for (i, item) in items.iter_mut().enumerate() {
                            if let Some(s) = scalar_text(item) {
                                *item = Value::String(s);
                                continue;
                            }
                            path.push(Seg::Index(i));
                            let hint = if item.is_mapping() {
                                "an item with `: ` inside is read as a mapping; put it in quotes, e.g. `- \"note: this\"`"
                            } else {
                                "write one text per item"
                            };
                            self.report(
                                path,
                                false,
                                format!(
                                    "each item of `{name}` must be text, found {}",
                                    describe(item)
                                ),
                                hint.into(),
                            );
                            path.pop();
                            *item = Value::String(String::new());
                        }
                        true
                    }
                    _ => {
                        let example = match v {
                            Value::String(s) => s.clone(),
                            _ => "…".into(),
                        };
                        self.report(path, false, format!("`{name}` must be a list, found {}", describe(v)), format!("write a list, e.g. `{name}: [\"{example}\"]` or one `- item` per line"));
                        false
                    }
                }
            }
            FieldType::Struct(shape) => match v {
                Value::Null => false,
                Value::Mapping(_) => {
                    self.mapping(v, shape, path);
                    true
                }
                _ => {
                    self.report(
                        path,
                        false,
                        format!(
                            "`{name}` must be a mapping of fields, found {}",
                            describe(v)
                        ),
                        format!(
                            "allowed fields in {}: {}",
                            shape.what,
                            shape
                                .fields
                                .iter()
                                .map(|f| format!("`{}`", f.0))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                    false
                }
            },
            FieldType::List(shape) => match v {
                Value::Null => false,
                Value::Sequence(items) => {
                    for (i, item) in items.iter_mut().enumerate() {
                        path.push(Seg::Index(i));
                        if item.is_mapping() {
                            self.mapping(item, shape, path);
                        } else {
                            self.report(path, false, format!("each item of `{name}` must be {} written as `key: value` fields, found {}", shape.what, describe(item)), format!("start the item with `- ` and give its fields, e.g. `- {}: …`", shape.fields[0].0));
                            *item = placeholder(shape);
                        }
                        path.pop();
                    }
                    true
                }
                _ => {
                    self.report(
                        path,
                        false,
                        format!(
                            "`{name}` must be a list of items (`- …`), found {}",
                            describe(v)
                        ),
                        format!("write each item of `{name}:` on its own line starting with `- `"),
                    );
                    false
                }
            },
        }
    }
}

fn yaml_error(origin: &str, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let mut msg = e.to_string();
    // serde_yaml appends " at line L column C"; we show the position ourselves.
    if let Some(i) = msg.find(" at line ") {
        msg.truncate(i);
    }
    let mut hint = None;
    let original = msg.clone();
    if let Some(rest) = original.split("unknown field `").nth(1) {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest
            .split("expected ")
            .nth(1)
            .map(|s| s.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        if let Some(best) = closest(field, &expected) {
            msg = msg.replacen(
                &format!("unknown field `{field}`"),
                &format!("unknown field `{field}` — did you mean `{best}`?"),
                1,
            );
            hint = Some(format!("write `{best}:` instead of `{field}:`"));
        } else if !expected.is_empty() {
            hint = Some(format!(
                "allowed fields here: {}",
                expected
                    .iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    } else if msg.contains("duplicate") {
        hint = Some(
            "a field may appear only once in each item; remove or merge the second one".to_string(),
        );
    } else if msg.contains("mapping values are not allowed") {
        hint = Some(
            "text that contains `: ` must be in quotes, e.g. `description: \"Note: …\"`"
                .to_string(),
        );
    } else if msg.contains("cannot start any token") || msg.contains("tab") {
        hint = Some("YAML does not allow tabs for indentation (and some symbols such as `@` or a backquote cannot start a value); use spaces, and put such text in quotes".to_string());
    } else if msg.contains("did not find expected") || msg.contains("while parsing") {
        hint = Some("check the indentation and brackets: items of one list line up under each other, and every `[` or `{` or quote is closed".to_string());
    } else if msg.contains("missing field") {
        hint = Some("add the field; see lexicons/README.md for the format".to_string());
    } else if msg.contains("invalid type") {
        hint = Some("check the value's type: lists use `- item` or `[a, b]`, numbers are written without quotes".to_string());
    }
    let mut d = Diagnostic::error(origin, Vec::new(), msg);
    d.hint = hint;
    let dup = if d.message.contains("duplicate entry") {
        super::locate::duplicate_key(text)
    } else {
        None
    };
    if let Some((line, col, key)) = dup {
        d.message = format!("`{key}` is written twice in the same item");
        d = d.at(line, col);
        d.snippet = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
    } else if let Some(loc) = e.location() {
        d = d.at(loc.line(), loc.column());
        d.snippet = text
            .lines()
            .nth(loc.line().saturating_sub(1))
            .map(str::to_string);
    }
    d
}

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is plausibly a typo of it.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(1) + 1;
    candidates
        .iter()
        .filter_map(|c| {
            let cl = c.to_lowercase();
            let d = edit_distance(&w, &cl);
            let prefix = w
                .chars()
                .zip(cl.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let shorter = w.chars().count().min(cl.chars().count());
            // A typo (few edits) or a clipped/extended word sharing most of its start.
            let similar = d <= limit || (prefix >= 4 && prefix * 10 >= shorter * 6);
            similar.then_some((d, *c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Parse `#RRGGBB` or `#RGB`.
pub fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.trim().strip_prefix('#')?;
    let v = |s: &str| u8::from_str_radix(s, 16).ok();
    match h.len() {
        6 if h.is_ascii() => Some((v(&h[0..2])?, v(&h[2..4])?, v(&h[4..6])?)),
        3 if h.is_ascii() => {
            let d = |i: usize| v(&h[i..=i]).map(|x| x * 17);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

/// Characters the text normalization replaces or removes, so a pattern containing them
/// can never match.
fn changed_by_normalization(c: char) -> bool {
    c != ' ' && c != '\t' && c != '\n' && {
        let s = c.to_string();
        let n = crate::text::normalize::Normalized::new(&s).text;
        n != s && n != s.to_lowercase()
    }
}

/// True when a regex has an upper-case letter outside escapes such as `\S` or `\p{Lu}`.
fn has_literal_capital(p: &str) -> bool {
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(e) = chars.next() {
                if matches!(e, 'p' | 'P') && chars.clone().next() == Some('{') {
                    for x in chars.by_ref() {
                        if x == '}' {
                            break;
                        }
                    }
                }
            }
            continue;
        }
        if c.is_uppercase() {
            return true;
        }
    }
    false
}

/// Expand a term into the forms it matches: a hyphen inside a term also matches a space.
pub fn term_forms(term: &str) -> Vec<String> {
    let norm = normalize_term(term);
    let mut forms = vec![norm.clone()];
    if norm.contains('-') {
        let spaced = norm.replace('-', " ");
        if !spaced.trim().is_empty() && spaced.split_whitespace().count() > 1 {
            forms.push(spaced.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    forms
}

/// Where an entry of the composed file was written.
struct Origins<'a> {
    file: &'a LexiconFile,
    origin: &'a str,
}

impl Origins<'_> {
    fn concept(&self, i: usize, rest: Vec<Seg>) -> (String, Vec<Seg>) {
        let (o, j) = self
            .file
            .provenance
            .concepts
            .get(i)
            .cloned()
            .unwrap_or_else(|| (self.origin.to_string(), i));
        let mut p = vec![Seg::key("concepts"), Seg::Index(j)];
        p.extend(rest);
        (
            if o.is_empty() {
                self.origin.to_string()
            } else {
                o
            },
            p,
        )
    }
    fn actor(&self, i: usize, rest: Vec<Seg>) -> (String, Vec<Seg>) {
        let (o, j) = self
            .file
            .provenance
            .actors
            .get(i)
            .cloned()
            .unwrap_or_else(|| (self.origin.to_string(), i));
        let mut p = vec![Seg::key("actors"), Seg::Index(j)];
        p.extend(rest);
        (
            if o.is_empty() {
                self.origin.to_string()
            } else {
                o
            },
            p,
        )
    }
    fn sides(&self) -> String {
        self.file
            .provenance
            .sides
            .clone()
            .unwrap_or_else(|| self.origin.to_string())
    }
    fn scoring(&self) -> String {
        self.file
            .provenance
            .scoring
            .clone()
            .unwrap_or_else(|| self.origin.to_string())
    }
}

const RESERVED_SIDES: &[&str] = &["neutral", "unaligned", "unattributed"];

/// Check a parsed (and composed) file and build the lexicon. Returns `None` when there
/// were errors; every problem is pushed to `diags`.
pub fn build(
    file: &LexiconFile,
    origin: &str,
    sha256: String,
    sources: Vec<String>,
    limits: Limits,
    diags: &mut Vec<Diagnostic>,
) -> Option<Lexicon> {
    let o = Origins { file, origin };
    let start_errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let err = |diags: &mut Vec<Diagnostic>, (org, path): (String, Vec<Seg>), msg: String| {
        diags.push(Diagnostic::error(&org, path, msg));
    };

    if file.name.trim().is_empty() {
        diags.push(
            Diagnostic::error(origin, vec![Seg::key("name")], "`name` is empty")
                .hint("give the lexicon a short name, e.g. `name: immigration`"),
        );
    }
    if file.version.trim().is_empty() {
        diags.push(
            Diagnostic::error(origin, vec![Seg::key("version")], "`version` is empty")
                .hint("write a version such as `version: \"1.0.0\"`"),
        );
    }

    // Sides.
    let sides_origin = o.sides();
    let mut sides = Vec::new();
    if file.sides.len() < 2 {
        diags.push(
            Diagnostic::error(&sides_origin, vec![Seg::key("sides")], format!("a lexicon needs at least two sides, found {}", file.sides.len()))
                .hint("declare the sides in order, e.g. `sides: [{id: pro_immigrant, label: Pro-immigrant, color: \"#0072B2\"}, {id: restrictionist, label: Restrictionist, color: \"#D55E00\"}]`; lean is signed toward the last side"),
        );
    }
    let mut side_ids: HashMap<String, usize> = HashMap::new();
    for (i, s) in file.sides.iter().enumerate() {
        let path = |k: &str| vec![Seg::key("sides"), Seg::Index(i), Seg::key(k)];
        let id = s.id.trim();
        if id.is_empty() {
            diags.push(
                Diagnostic::error(&sides_origin, path("id"), "side `id` is empty")
                    .hint("use a short snake_case id such as `restrictionist`"),
            );
        } else if RESERVED_SIDES.contains(&id) {
            diags.push(
                Diagnostic::error(
                    &sides_origin,
                    path("id"),
                    format!("`{id}` is reserved and cannot be a side id"),
                )
                .hint("`neutral` is written on variants without declaring it; pick another id"),
            );
        } else if let Some(&prev) = side_ids.get(id) {
            diags.push(
                Diagnostic::error(
                    &sides_origin,
                    path("id"),
                    format!("side id `{id}` is declared twice"),
                )
                .hint("give each side its own id")
                .related(
                    &sides_origin,
                    vec![Seg::key("sides"), Seg::Index(prev), Seg::key("id")],
                ),
            );
        } else {
            side_ids.insert(id.to_string(), i);
        }
        let color = match parse_color(&s.color) {
            Some(c) => c,
            None => {
                diags.push(
                    Diagnostic::error(
                        &sides_origin,
                        path("color"),
                        format!("`{}` is not a color", s.color),
                    )
                    .hint("write a hex color in quotes, e.g. `color: \"#0072B2\"`"),
                );
                (128, 128, 128)
            }
        };
        if s.label.trim().is_empty() {
            diags.push(
                Diagnostic::error(&sides_origin, path("label"), "side `label` is empty")
                    .hint("write the name readers see, e.g. `label: Restrictionist`"),
            );
        }
        sides.push(Side {
            id: id.to_string(),
            label: s.label.trim().to_string(),
            color,
            description: s.description.clone(),
        });
    }
    let declared: Vec<&str> = file
        .sides
        .iter()
        .map(|s| s.id.trim())
        .filter(|s| !s.is_empty())
        .collect();
    let resolve_side =
        |value: &str, diags: &mut Vec<Diagnostic>, at: (String, Vec<Seg>)| -> SideRef {
            let v = value.trim();
            if v == "neutral" {
                return None;
            }
            if let Some(&i) = side_ids.get(v) {
                return Some(i);
            }
            let mut d = Diagnostic::error(
                &at.0,
                at.1,
                format!(
                    "side `{v}` is not declared; declared sides: {}",
                    declared.join(", ")
                ),
            );
            let mut cands = declared.clone();
            cands.push("neutral");
            d.hint = Some(match closest(v, &cands) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("use one of: {}, or neutral", declared.join(", ")),
            });
            diags.push(d);
            None
        };

    // Scoring.
    let scoring = build_scoring(file, &o.scoring(), diags);

    // Concepts.
    let mut concepts = Vec::new();
    let mut concept_ids: HashMap<&str, usize> = HashMap::new();
    // normalized form -> (concept index, variant index, term)
    let mut forms_seen: HashMap<String, SeenForm> = HashMap::new();
    for (ci, c) in file.concepts.iter().enumerate() {
        let at = |rest: Vec<Seg>| o.concept(ci, rest);
        if c.id.trim().is_empty() {
            err(
                diags,
                at(vec![Seg::key("id")]),
                "concept `id` is empty".into(),
            );
        } else if let Some(&prev) = concept_ids.get(c.id.as_str()) {
            let (org, path) = at(vec![Seg::key("id")]);
            let (rorg, rpath) = o.concept(prev, vec![Seg::key("id")]);
            diags.push(
                Diagnostic::error(&org, path, format!("concept id `{}` is used twice", c.id))
                    .hint("give each concept its own id, or merge the two concepts' variants")
                    .related(&rorg, rpath),
            );
        } else {
            concept_ids.insert(c.id.as_str(), ci);
        }
        if c.variants.is_empty() {
            let (org, path) = at(vec![Seg::key("variants")]);
            diags.push(
                Diagnostic::error(&org, path, format!("concept `{}` has no variants", c.id))
                    .hint("add `variants:` with at least one `- terms: [...]` and `side:`"),
            );
        }
        let scare = build_scare(c, &at, &resolve_side, diags);
        let mut variants = Vec::new();
        for (vi, v) in c.variants.iter().enumerate() {
            let vat = |k: Vec<Seg>| {
                let mut p = vec![Seg::key("variants"), Seg::Index(vi)];
                p.extend(k);
                at(p)
            };
            let side = resolve_side(&v.side, diags, vat(vec![Seg::key("side")]));
            if v.terms.is_empty() && v.patterns.is_empty() {
                let (org, path) = vat(vec![]);
                diags.push(
                    Diagnostic::error(
                        &org,
                        path,
                        format!("a variant of `{}` has no `terms` and no `patterns`", c.id),
                    )
                    .hint("add `terms: [\"word\", \"words\"]`"),
                );
            }
            if !v.weight.is_finite() || v.weight <= 0.0 {
                let (org, path) = vat(vec![Seg::key("weight")]);
                diags.push(Diagnostic::error(&org, path, format!("weight {} must be a positive number", v.weight)).hint("weights usually lie between 0.25 (mild) and 3 (strongly loaded); to switch a variant off, remove it or `disable` its concept"));
            } else if !(0.1..=5.0).contains(&v.weight) {
                let (org, path) = vat(vec![Seg::key("weight")]);
                diags.push(Diagnostic::warning(&org, path, format!("weight {} is outside the usual range 0.1..5", v.weight)).hint("one term with a huge weight decides an article's lean alone; keep weights between 0.25 and 3"));
            }
            for (ti, t) in v.terms.iter().enumerate() {
                let tat = || vat(vec![Seg::key("terms"), Seg::Index(ti)]);
                let forms = term_forms(t);
                if forms[0].is_empty() {
                    let (org, path) = tat();
                    diags.push(
                        Diagnostic::error(&org, path, "empty term")
                            .hint("remove the empty entry or write the word"),
                    );
                    continue;
                }
                if !forms[0].chars().any(crate::text::words::is_word_char) {
                    let (org, path) = tat();
                    diags.push(
                        Diagnostic::error(
                            &org,
                            path,
                            format!(
                                "term `{t}` has no letters or digits and would match punctuation"
                            ),
                        )
                        .hint("terms are words or phrases; use `patterns` for anything else"),
                    );
                    continue;
                }
                for (fi, form) in forms.iter().enumerate() {
                    let Some(first) = forms_seen.get(form) else {
                        forms_seen.insert(
                            form.clone(),
                            SeenForm {
                                concept: ci,
                                variant: vi,
                                term: ti,
                                written: t.clone(),
                                spaced: fi > 0,
                            },
                        );
                        continue;
                    };
                    let (org, path) = tat();
                    let (rorg, rpath) = o.concept(
                        first.concept,
                        vec![
                            Seg::key("variants"),
                            Seg::Index(first.variant),
                            Seg::key("terms"),
                            Seg::Index(first.term),
                        ],
                    );
                    let fc = &file.concepts[first.concept];
                    let fv = &fc.variants[first.variant];
                    let same_variant = first.concept == ci && first.variant == vi;
                    let flabel = fv
                        .label
                        .clone()
                        .or_else(|| fv.terms.first().cloned())
                        .unwrap_or_default();
                    let fside = match fv.side.trim() {
                        "" => String::new(),
                        side => format!(" ({side})"),
                    };
                    let place = if same_variant {
                        "in this variant".to_string()
                    } else if first.concept == ci {
                        format!("in variant “{flabel}”{fside} of this concept")
                    } else {
                        format!("under concept `{}`, variant “{flabel}”{fside}", fc.id)
                    };
                    let pt = &first.written;
                    let (msg, hint) = if fi > 0 || first.spaced {
                        (
                            format!("`{t}` and `{pt}` ({place}) match the same words, because a hyphen in a term also matches a space; only the first can ever match `{form}`"),
                            "keep one spelling: a hyphenated term already covers the spaced one",
                        )
                    } else if (v.case_sensitive || fv.case_sensitive) && t != pt {
                        (
                            format!("`{t}` and `{pt}` ({place}) differ only in capitals; the matcher keeps one entry per lower-cased spelling, so `{t}` can never match"),
                            "a case-sensitive term and its other-case twin cannot live in different variants; keep one, or merge the variants",
                        )
                    } else if t != pt {
                        (
                            format!("term `{t}` is the same as `{pt}` ({place}) once capitals, curly quotes, hyphens and spaces are normalized, so it can never match"),
                            "matching ignores case and typography; remove one of the two",
                        )
                    } else if same_variant {
                        (
                            format!("term `{t}` is listed twice in this variant"),
                            "remove the second copy",
                        )
                    } else {
                        (
                            format!("term `{t}` is already listed {place}; only the first can ever match"),
                            "keep each term in exactly one variant: delete it here or there",
                        )
                    };
                    diags.push(
                        Diagnostic::warning(&org, path, msg)
                            .hint(hint)
                            .related(&rorg, rpath),
                    );
                    // One warning per term, even when several of its forms collide.
                    break;
                }
            }
            for (pi, p) in v.patterns.iter().enumerate() {
                let (org, path) = vat(vec![Seg::key("patterns"), Seg::Index(pi)]);
                if p.len() > limits.max_pattern_bytes {
                    diags.push(Diagnostic::error(&org, path, format!("pattern is {} bytes, over the {}-byte limit", p.len(), limits.max_pattern_bytes)).hint("split it into several terms, or raise the limit with --max-pattern-bytes"));
                    continue;
                }
                match regex::RegexBuilder::new(p)
                    .case_insensitive(true)
                    .size_limit(limits.regex_size_limit)
                    .build()
                {
                    Ok(re) => {
                        if re.is_match("") {
                            diags.push(Diagnostic::error(&org, path, format!("pattern `{p}` matches the empty string")).hint("make at least one part of the pattern required, e.g. `+` instead of `*`"));
                        } else if let Some(c) = p.chars().find(|c| changed_by_normalization(*c)) {
                            diags.push(Diagnostic::warning(&org, path, format!("pattern `{p}` contains `{c}` (U+{:04X}), which never occurs in the text patterns run on: curly quotes, Unicode hyphens and special spaces are normalized to `'`, `\"`, `-` and a space first", c as u32)).hint("write the plain character (`'`, `\"`, `-` or a space) instead"));
                        } else if v.case_sensitive && !p.contains("(?i") && has_literal_capital(p) {
                            diags.push(Diagnostic::warning(&org, path, format!("pattern `{p}` can never match: patterns run on lower-cased text, and `case_sensitive: true` keeps its capitals from matching it")).hint("write the pattern in lower case, or drop `case_sensitive` (it only works for `terms`)"));
                        }
                    }
                    Err(regex::Error::CompiledTooBig(n)) => {
                        diags.push(Diagnostic::error(&org, path, format!("pattern compiles to more than {n} bytes")).hint("simplify the pattern (fewer repetitions like {1000}), or raise the limit with --max-regex-bytes"));
                    }
                    Err(e) => {
                        let first = e.to_string().lines().last().unwrap_or("").to_string();
                        diags.push(Diagnostic::error(&org, path, format!("invalid regex `{p}`: {first}")).hint("patterns use Rust regex syntax (https://docs.rs/regex); escape literal characters like `.` and `(` with a backslash"));
                    }
                }
            }
            let label = v
                .label
                .clone()
                .or_else(|| v.terms.first().cloned())
                .or_else(|| v.patterns.first().cloned())
                .unwrap_or_default();
            variants.push(Variant {
                label,
                terms: v.terms.clone(),
                patterns: v.patterns.clone(),
                side,
                weight: v.weight,
                case_sensitive: v.case_sensitive,
                description: v.description.clone(),
                examples: v.examples.clone(),
                counter_examples: v.counter_examples.clone(),
            });
        }
        concepts.push(Concept {
            id: c.id.clone(),
            label: c.label.clone().unwrap_or_else(|| c.id.replace('_', " ")),
            description: c.description.clone(),
            scare_quoted: scare,
            variants,
        });
    }

    // Actors.
    let mut actors = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut aliases: HashMap<String, usize> = HashMap::new();
    for (ai, a) in file.actors.iter().enumerate() {
        let at = |k: &str| o.actor(ai, vec![Seg::key(k)]);
        if a.name.trim().is_empty() {
            err(diags, at("name"), "actor `name` is empty".into());
        } else if let Some(&prev) = names.get(&a.name.trim().to_lowercase()) {
            let (org, path) = at("name");
            let (rorg, rpath) = o.actor(prev, vec![Seg::key("name")]);
            diags.push(
                Diagnostic::error(&org, path, format!("actor `{}` is listed twice", a.name))
                    .hint("merge the two entries' aliases")
                    .related(&rorg, rpath),
            );
        } else {
            names.insert(a.name.trim().to_lowercase(), ai);
        }
        let side = if a.side.trim() == "unaligned" {
            let (org, path) = at("side");
            diags.push(
                Diagnostic::error(
                    &org,
                    path,
                    "`unaligned` is what slant calls speakers missing from the roster",
                )
                .hint("give the actor a declared side or `neutral`"),
            );
            None
        } else {
            resolve_side(&a.side, diags, at("side"))
        };
        for (k, alias) in a.aliases.iter().enumerate() {
            let key = alias.trim().to_lowercase();
            if key.is_empty() {
                let (org, path) = o.actor(ai, vec![Seg::key("aliases"), Seg::Index(k)]);
                diags.push(Diagnostic::error(&org, path, "empty alias").hint("remove it"));
                continue;
            }
            if let Some(prev) = aliases.insert(key.clone(), ai) {
                if prev != ai {
                    let (org, path) = o.actor(ai, vec![Seg::key("aliases"), Seg::Index(k)]);
                    diags.push(Diagnostic::warning(&org, path, format!("alias `{alias}` also names `{}`; quotes by `{alias}` go to the first", file.actors[prev].name)).hint("keep an alias on one actor only"));
                }
            }
        }
        actors.push(Actor {
            name: a.name.trim().to_string(),
            aliases: a
                .aliases
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            kind: a.kind,
            side,
            description: a.description.clone(),
        });
    }

    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > start_errors {
        return None;
    }
    Some(Lexicon {
        name: file.name.trim().to_string(),
        version: file.version.trim().to_string(),
        description: file.description.trim().to_string(),
        origin: origin.to_string(),
        sha256,
        sources,
        sides,
        scoring,
        concepts,
        actors,
        limits,
    })
}

/// The first term that claimed a normalized surface form.
struct SeenForm {
    concept: usize,
    variant: usize,
    term: usize,
    written: String,
    /// The form is the spaced reading of a hyphenated term.
    spaced: bool,
}

/// Where a diagnostic points: origin file and YAML path.
type At = (String, Vec<Seg>);

fn build_scare(
    c: &ConceptDef,
    at: &dyn Fn(Vec<Seg>) -> At,
    resolve_side: &dyn Fn(&str, &mut Vec<Diagnostic>, At) -> SideRef,
    diags: &mut Vec<Diagnostic>,
) -> ScareQuoted {
    match c.scare_quoted.as_deref().map(str::trim) {
        None | Some("flip") => ScareQuoted::Flip,
        Some("keep") => ScareQuoted::Keep,
        Some(other) => ScareQuoted::Side(resolve_side(
            other,
            diags,
            at(vec![Seg::key("scare_quoted")]),
        )),
    }
}

fn build_scoring(file: &LexiconFile, origin: &str, diags: &mut Vec<Diagnostic>) -> Scoring {
    let mut s = Scoring::default();
    let Some(def) = &file.scoring else {
        return s;
    };
    let mut set = |target: &mut f64, value: Option<f64>, path: &[&str], factor: bool| {
        if let Some(v) = value {
            let p: Vec<Seg> = std::iter::once("scoring")
                .chain(path.iter().copied())
                .map(Seg::key)
                .collect();
            if !v.is_finite() || v < 0.0 {
                diags.push(
                    Diagnostic::error(
                        origin,
                        p,
                        format!("`{}` must be a number ≥ 0, found {v}", path.join(".")),
                    )
                    .hint("factors are multipliers: 1 counts fully, 0.5 half, 0 not at all"),
                );
            } else {
                if factor && v > 2.0 {
                    diags.push(
                        Diagnostic::warning(
                            origin,
                            p,
                            format!("`{}` is {v}, more than twice a narrator term", path.join(".")),
                        )
                        .hint("voice and modifier factors are usually between 0 and 1 (1 = counts like the outlet's own words)"),
                    );
                }
                *target = v;
            }
        }
    };
    if let Some(v) = &def.voice {
        set(&mut s.narrator, v.narrator, &["voice", "narrator"], true);
        set(&mut s.quoted, v.quoted, &["voice", "quoted"], true);
        set(
            &mut s.scare_quoted,
            v.scare_quoted,
            &["voice", "scare_quoted"],
            true,
        );
    }
    if let Some(m) = &def.modifiers {
        set(&mut s.negated, m.negated, &["modifiers", "negated"], true);
        set(
            &mut s.distanced,
            m.distanced,
            &["modifiers", "distanced"],
            true,
        );
    }
    if let Some(st) = &def.stance {
        set(&mut s.stance_terms, st.terms, &["stance", "terms"], false);
        set(
            &mut s.stance_quotes,
            st.quotes,
            &["stance", "quotes"],
            false,
        );
    }
    set(
        &mut s.min_evidence,
        def.min_evidence,
        &["min_evidence"],
        false,
    );
    set(
        &mut s.min_quote_words,
        def.min_quote_words,
        &["min_quote_words"],
        false,
    );
    if s.stance_terms + s.stance_quotes <= 0.0 {
        diags.push(
            Diagnostic::error(
                origin,
                vec![Seg::key("scoring"), Seg::key("stance")],
                "stance weights add up to 0",
            )
            .hint("give `terms` or `quotes` a positive weight"),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_and_closest() {
        assert_eq!(edit_distance("wieght", "weight"), 2);
        assert_eq!(
            closest("wieght", &["label", "terms", "weight", "side"]),
            Some("weight")
        );
        assert_eq!(
            closest("restrictive", &["pro_immigrant", "restrictionist"]),
            Some("restrictionist")
        );
        assert_eq!(closest("zzz", &["pro_immigrant", "restrictionist"]), None);
    }

    #[test]
    fn colors() {
        assert_eq!(parse_color("#0072B2"), Some((0, 0x72, 0xb2)));
        assert_eq!(parse_color("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_color("blue"), None);
        assert_eq!(parse_color("#12345g"), None);
        assert_eq!(parse_color("#ééé"), None);
    }

    #[test]
    fn patterns_that_normalization_makes_unmatchable() {
        assert!(changed_by_normalization('’'));
        assert!(changed_by_normalization('\u{00A0}'));
        assert!(changed_by_normalization('\u{2010}'));
        assert!(!changed_by_normalization('A'), "case is handled separately");
        assert!(!changed_by_normalization('—'), "em dashes are kept");
        assert!(!changed_by_normalization('é'));
        assert!(has_literal_capital("ICE agents?"));
        assert!(!has_literal_capital(r"\S+ \p{Lu}\w*\B"));
    }

    #[test]
    fn hyphenated_terms_also_match_spaces() {
        assert_eq!(
            term_forms("Common-Sense"),
            vec!["common-sense", "common sense"]
        );
        assert_eq!(term_forms("common sense"), vec!["common sense"]);
        assert_eq!(
            term_forms("“So-called”"),
            vec!["\"so-called\"", "\"so called\""]
        );
    }
}
