//! The shape walker: YAML text to a [`LexiconFile`], reporting EVERY structural problem.
//!
//! A file serde accepts is returned as is. Otherwise the YAML is read as a generic value
//! and walked against the schema's [`Shape`]s, so that every unknown, misspelled, missing
//! or mistyped field is reported (with "did you mean" hints and the key's or value's
//! `line:column`); broken fields are dropped or replaced by placeholders, so the rest of
//! the file still goes on to the meaning checks of `sections`. Only a YAML syntax error stops
//! at the first problem. This file checks form only, never meaning (sides, ids, weights).

use serde_yaml::{Mapping, Value};

use super::diagnostic::{Diagnostic, Seg};
use super::locate;
use super::schema::{FieldType, LexiconFile, Shape, ALL_SHAPES, FILE_SHAPE};
use super::suggest::closest;

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
        unplaced: Vec::new(),
    };
    walker.mapping(&mut value, &FILE_SHAPE, &mut Vec::new());
    walker.locate_reported();
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
    /// Diagnostics still to be given a position: (index in `diags`, point at the key).
    /// Located all at once at the end, in one parse of the text.
    unplaced: Vec<(usize, bool)>,
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
        self.structural.push(path.to_vec());
        let d = Diagnostic::error(self.origin, path.to_vec(), message).hint(hint);
        self.unplaced.push((self.diags.len(), at_key));
        self.diags.push(d);
    }

    /// Give every reported diagnostic its line, column and source line, in one pass.
    fn locate_reported(&mut self) {
        let queries: Vec<(Vec<Seg>, bool)> = self
            .unplaced
            .iter()
            .map(|&(i, key)| (self.diags[i].path.clone(), key))
            .collect();
        let found = locate::locate_all(self.text, &queries);
        let lines = locate::Lines::new(self.text);
        for (&(i, _), pos) in self.unplaced.iter().zip(found) {
            if let Some((line, col)) = pos {
                let d = &mut self.diags[i];
                d.line = Some(line);
                d.column = Some(col);
                d.snippet = lines.line(line);
            }
        }
        self.unplaced.clear();
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
                        let hint = if name == "extends" {
                            "`extends` names one lexicon file (or `builtin:NAME`); to build on two, let one of them extend the other"
                        } else if v.is_mapping() {
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
        locate::duplicate_key(text)
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
