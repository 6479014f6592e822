//! Lexicon validation: every problem at once, each with a YAML path, a message and a hint.
//!
//! [`parse`] turns YAML text into a [`LexiconFile`] (syntax errors and unknown fields come
//! back with serde_yaml's line and column and a "did you mean" hint); [`build`] checks the
//! meaning (declared sides, duplicate ids, empty terms, colors, regex size, weights) and
//! builds the [`Lexicon`]. Positions for meaning errors are found afterwards by
//! [`super::locate`] from the YAML path each diagnostic carries.

use std::collections::HashMap;
use std::fmt;

use super::schema::{ConceptDef, LexiconFile};
use super::{Actor, Concept, Lexicon, Limits, ScareQuoted, Scoring, Side, SideRef, Variant};
use crate::normalize::normalize_term;

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
            let width = line.to_string().len();
            write!(f, "\n{:width$} |\n{line} | {snippet}\n{:width$} | ", "", "")?;
            let pad: String = snippet
                .chars()
                .take(col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(f, "{pad}^")?;
        }
        if let Some(h) = &self.hint {
            write!(f, "\n  = help: {h}")?;
        }
        Ok(())
    }
}

/// Parse YAML text into the file schema. Errors carry serde_yaml's position.
pub fn parse(origin: &str, text: &str) -> Result<LexiconFile, Box<Diagnostic>> {
    match serde_yaml::from_str::<LexiconFile>(text) {
        Ok(f) => Ok(f),
        Err(e) => Err(Box::new(yaml_error(origin, text, &e))),
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
    } else if msg.contains("missing field") {
        hint = Some("add the field; see lexicons/README.md for the format".to_string());
    } else if msg.contains("invalid type") {
        hint = Some("check the value's type: lists use `- item` or `[a, b]`, numbers are written without quotes".to_string());
    }
    let mut d = Diagnostic::error(origin, Vec::new(), msg);
    d.hint = hint;
    if let Some(loc) = e.location() {
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
        } else if let Some(prev) = side_ids.insert(id.to_string(), i) {
            diags.push(
                Diagnostic::error(
                    &sides_origin,
                    path("id"),
                    format!("side id `{id}` is declared twice (first as sides[{prev}])"),
                )
                .hint("give each side its own id"),
            );
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
    let declared: Vec<&str> = file.sides.iter().map(|s| s.id.as_str()).collect();
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
    let mut forms_seen: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (ci, c) in file.concepts.iter().enumerate() {
        let at = |rest: Vec<Seg>| o.concept(ci, rest);
        if c.id.trim().is_empty() {
            err(
                diags,
                at(vec![Seg::key("id")]),
                "concept `id` is empty".into(),
            );
        } else if let Some(prev) = concept_ids.insert(c.id.as_str(), ci) {
            let (org, path) = at(vec![Seg::key("id")]);
            diags.push(
                Diagnostic::error(
                    &org,
                    path,
                    format!(
                        "concept id `{}` is used twice (first by concept #{})",
                        c.id,
                        prev + 1
                    ),
                )
                .hint("give each concept its own id, or merge the two concepts' variants"),
            );
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
                if !forms[0].chars().any(crate::normalize::is_word_char) {
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
                    if let Some((pc, pv, pt)) = forms_seen.get(form) {
                        let (org, path) = tat();
                        let same = *pc == ci && *pv == vi;
                        let msg = if fi > 0 {
                            format!("`{t}` also matches `{form}` (a hyphen matches a space), which `{}` already has", file.concepts[*pc].id)
                        } else if normalize_term(pt) == normalize_term(t) && pt != t {
                            format!("term `{t}` is the same as `{pt}` after normalization (case, quotes, spaces), under concept `{}`", file.concepts[*pc].id)
                        } else if same {
                            format!("term `{t}` is listed twice in the same variant")
                        } else {
                            format!("surface form `{t}` is also under concept `{}` variant #{} ({}); only the first can ever match", file.concepts[*pc].id, pv + 1, file.concepts[*pc].variants[*pv].side)
                        };
                        diags.push(
                            Diagnostic::warning(&org, path, msg)
                                .hint("keep each surface form in exactly one variant"),
                        );
                    } else {
                        forms_seen.insert(form.clone(), (ci, vi, t.clone()));
                    }
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
        } else if let Some(prev) = names.insert(a.name.trim().to_lowercase(), ai) {
            let (org, path) = at("name");
            diags.push(
                Diagnostic::error(
                    &org,
                    path,
                    format!(
                        "actor `{}` is listed twice (first as actor #{})",
                        a.name,
                        prev + 1
                    ),
                )
                .hint("merge the two entries' aliases"),
            );
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
        sides,
        scoring,
        concepts,
        actors,
        limits,
    })
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
    let mut set = |target: &mut f64, value: Option<f64>, path: &[&str]| {
        if let Some(v) = value {
            if !v.is_finite() || v < 0.0 {
                let p = std::iter::once("scoring")
                    .chain(path.iter().copied())
                    .map(Seg::key)
                    .collect();
                diags.push(
                    Diagnostic::error(
                        origin,
                        p,
                        format!("`{}` must be a number ≥ 0, found {v}", path.join(".")),
                    )
                    .hint("factors are multipliers: 1 counts fully, 0.5 half, 0 not at all"),
                );
            } else {
                *target = v;
            }
        }
    };
    if let Some(v) = &def.voice {
        set(&mut s.narrator, v.narrator, &["voice", "narrator"]);
        set(&mut s.quoted, v.quoted, &["voice", "quoted"]);
        set(
            &mut s.scare_quoted,
            v.scare_quoted,
            &["voice", "scare_quoted"],
        );
    }
    if let Some(m) = &def.modifiers {
        set(&mut s.negated, m.negated, &["modifiers", "negated"]);
        set(&mut s.distanced, m.distanced, &["modifiers", "distanced"]);
    }
    if let Some(st) = &def.stance {
        set(&mut s.stance_terms, st.terms, &["stance", "terms"]);
        set(&mut s.stance_quotes, st.quotes, &["stance", "quotes"]);
    }
    set(&mut s.min_evidence, def.min_evidence, &["min_evidence"]);
    set(
        &mut s.min_quote_words,
        def.min_quote_words,
        &["min_quote_words"],
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
