//! Finding `line:column` for a YAML path such as `concepts[3].variants[0].side`.
//!
//! serde_yaml reports positions only for syntax and type errors; meaning errors (an
//! undeclared side, a duplicate id) are found after parsing and carry a YAML path instead.
//! This module replays the document's parse events (yaml-rust2 keeps a marker for each) to
//! find where the value at that path starts, so every diagnostic can point at its line.
//! All the paths of a file are found in one pass ([`locate_all`]): a lexicon with
//! thousands of warnings used to be re-parsed once per warning (minutes for 2,000).

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use super::diagnostic::{path_string, Diagnostic, Seg};

/// Position of the node at `path` (1-based line and column), or of the deepest ancestor
/// that exists.
#[cfg(test)]
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    locate_all(text, &[(path.to_vec(), false)])[0]
}

/// Position of the KEY of the entry at `path` (whose last step is a mapping key), e.g. the
/// `wieght` of `wieght: 2` for an unknown field; falls back like [`locate`].
#[cfg(test)]
pub fn locate_key(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    locate_all(text, &[(path.to_vec(), true)])[0]
}

/// The positions of many paths at once (each `(path, key_mode)` as for [`locate`] or
/// [`locate_key`]), in ONE pass over the document's parse events: a lexicon with
/// thousands of diagnostics is located in the time of one parse, not one parse each.
pub fn locate_all(text: &str, queries: &[(Vec<Seg>, bool)]) -> Vec<Option<(usize, usize)>> {
    if queries.is_empty() {
        return Vec::new();
    }
    // Every prefix of every target, to the targets that have it: the node that starts at
    // a path concerns exactly the targets listed under that path.
    let mut prefixes: HashMap<Vec<Seg>, Vec<usize>> = HashMap::new();
    for (i, (path, _)) in queries.iter().enumerate() {
        for n in 0..=path.len() {
            prefixes.entry(path[..n].to_vec()).or_default().push(i);
        }
    }
    let mut finder = Finder {
        targets: queries
            .iter()
            .map(|(path, key_mode)| Target {
                len: path.len(),
                key_mode: *key_mode,
                best: None,
            })
            .collect(),
        prefixes,
        stack: Vec::new(),
        upgrade: Vec::new(),
    };
    let mut parser = Parser::new_from_str(text);
    // A syntax error only means we stop early; the best match so far still helps.
    let _ = parser.load(&mut finder, false);
    finder
        .targets
        .iter()
        .map(|t| t.best.map(|(_, m)| (m.line(), m.col() + 1)))
        .collect()
}

/// Where each line starts, to find the source line of a diagnostic without scanning the
/// text from the start each time.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// Line `line` (1-based) without its line break, as `str::lines` gives it.
    pub(crate) fn line(&self, line: usize) -> Option<String> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start >= self.text.len() && line > 1 {
            return None;
        }
        let rest = &self.text[start..];
        let l = rest.split('\n').next().unwrap_or("");
        Some(l.strip_suffix('\r').unwrap_or(l).to_string())
    }
}

/// A query's origin and its index among that origin's queries.
type Slot = (String, usize);

/// Fill in line, column and snippet for diagnostics that lack them. `texts` maps each
/// origin to its source text. Each text is parsed once, however many diagnostics it has.
pub fn attach(diags: &mut [Diagnostic], texts: &HashMap<String, String>) {
    // (origin, path) of every position wanted: the related place, then the diagnostic's.
    let mut wanted: HashMap<&str, Vec<(Vec<Seg>, bool)>> = HashMap::new();
    // Per diagnostic: where its related place and its own position will be in `found`.
    let mut slots: Vec<(Option<Slot>, Option<Slot>)> = Vec::new();
    for d in diags.iter() {
        let mut slot = (None, None);
        if let Some((origin, path)) = &d.related {
            if let Some((o, _)) = texts.get_key_value(origin) {
                let list = wanted.entry(o.as_str()).or_default();
                list.push((path.clone(), false));
                slot.0 = Some((origin.clone(), list.len() - 1));
            }
        }
        if d.line.is_none() && !d.path.is_empty() {
            if let Some((o, _)) = texts.get_key_value(&d.origin) {
                let list = wanted.entry(o.as_str()).or_default();
                list.push((d.path.clone(), false));
                slot.1 = Some((d.origin.clone(), list.len() - 1));
            }
        }
        slots.push(slot);
    }
    let found: HashMap<&str, Vec<Option<(usize, usize)>>> = wanted
        .iter()
        .map(|(origin, queries)| (*origin, locate_all(&texts[*origin], queries)))
        .collect();
    let lines: HashMap<&str, Lines> = found.keys().map(|o| (*o, Lines::new(&texts[*o]))).collect();
    let at = |slot: &Option<Slot>| {
        slot.as_ref()
            .and_then(|(o, i)| found.get(o.as_str()).and_then(|f| f[*i]))
    };
    for (d, slot) in diags.iter_mut().zip(&slots) {
        if let Some((origin, path)) = d.related.take() {
            let at = at(&slot.0)
                .map(|(l, c)| format!("{origin}:{l}:{c}"))
                .unwrap_or_else(|| format!("{origin} ({})", path_string(&path)));
            d.note = Some(match d.note.take() {
                Some(n) => format!("{n} ({at})"),
                None => format!("first listed at {at}"),
            });
        }
        if let Some((line, col)) = at(&slot.1) {
            d.line = Some(line);
            d.column = Some(col);
            d.snippet = lines.get(d.origin.as_str()).and_then(|l| l.line(line));
        }
    }
}

/// The first key written twice in one mapping: `(line, column, key)` of the second copy.
/// (serde_yaml reports such a file at the start of the mapping only.)
pub fn duplicate_key(text: &str) -> Option<(usize, usize, String)> {
    struct Dups {
        /// Per open container: the keys seen so far (None for sequences) and whether the next
        /// scalar is a key.
        stack: Vec<Option<(Vec<String>, bool)>>,
        found: Option<(usize, usize, String)>,
    }
    impl Dups {
        fn value_done(&mut self) {
            if let Some(Some((_, expect_key))) = self.stack.last_mut() {
                *expect_key = true;
            }
        }
    }
    impl MarkedEventReceiver for Dups {
        fn on_event(&mut self, ev: Event, mark: Marker) {
            if self.found.is_some() {
                return;
            }
            match ev {
                Event::Scalar(v, ..) => match self.stack.last_mut() {
                    Some(Some((keys, expect_key))) if *expect_key => {
                        if keys.contains(&v) {
                            self.found = Some((mark.line(), mark.col() + 1, v));
                        } else {
                            keys.push(v);
                        }
                        *expect_key = false;
                    }
                    _ => self.value_done(),
                },
                Event::MappingStart(..) => self.stack.push(Some((Vec::new(), true))),
                Event::SequenceStart(..) => self.stack.push(None),
                Event::MappingEnd | Event::SequenceEnd => {
                    self.stack.pop();
                    self.value_done();
                }
                Event::Alias(_) => self.value_done(),
                _ => {}
            }
        }
    }
    let mut d = Dups {
        stack: Vec::new(),
        found: None,
    };
    let _ = Parser::new_from_str(text).load(&mut d, false);
    d.found
}

enum Frame {
    Map {
        key: Option<String>,
        expect_key: bool,
    },
    Seq {
        index: usize,
    },
}

/// One path being looked for.
struct Target {
    len: usize,
    /// Looking for the key of the target entry rather than its value.
    key_mode: bool,
    /// (matched depth, marker)
    best: Option<(usize, Marker)>,
}

struct Finder {
    targets: Vec<Target>,
    /// Every prefix of every target path, to the targets it is a prefix of.
    prefixes: HashMap<Vec<Seg>, Vec<usize>>,
    stack: Vec<Frame>,
    /// Targets whose best match is a mapping that just started: point at its first key
    /// instead (a block mapping's start marker sits at its first `:`).
    upgrade: Vec<usize>,
}

impl Finder {
    /// The path of the node that starts now, given the current stack.
    fn current_path(&self) -> Vec<Seg> {
        self.stack
            .iter()
            .filter_map(|f| match f {
                Frame::Map { key, .. } => key.clone().map(Seg::Key),
                Frame::Seq { index } => Some(Seg::Index(*index)),
            })
            .collect()
    }

    /// A value node starts at `mark`: it is the best match so far of every target its
    /// path is a prefix of (a value replaces its key's marker at the same depth). Returns
    /// those targets.
    fn consider(&mut self, mark: Marker) -> Vec<usize> {
        let path = self.current_path();
        let depth = path.len();
        let Some(ids) = self.prefixes.get(&path) else {
            return Vec::new();
        };
        let mut taken = Vec::new();
        for &i in ids {
            let t = &mut self.targets[i];
            if t.best.is_none_or(|(d, _)| depth >= d) {
                t.best = Some((depth, mark));
                taken.push(i);
            }
        }
        taken
    }

    /// Called when a value node ends (a scalar, or a closed container), to advance the
    /// parent frame.
    fn after_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, expect_key }) => {
                *key = None;
                *expect_key = true;
            }
            Some(Frame::Seq { index }) => *index += 1,
            None => {}
        }
    }

    fn is_key_position(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Frame::Map {
                expect_key: true,
                ..
            })
        )
    }
}

impl MarkedEventReceiver for Finder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        let upgrade = std::mem::take(&mut self.upgrade);
        match ev {
            Event::Scalar(value, ..) => {
                if self.is_key_position() {
                    for &i in &upgrade {
                        if let Some((d, _)) = self.targets[i].best {
                            self.targets[i].best = Some((d, mark));
                        }
                    }
                    if let Some(Frame::Map { key, expect_key }) = self.stack.last_mut() {
                        *key = Some(value);
                        *expect_key = false;
                    }
                    // A key marks its entry: point there when the value is missing.
                    let path = self.current_path();
                    let depth = path.len();
                    if let Some(ids) = self.prefixes.get(&path) {
                        for &i in ids {
                            let t = &mut self.targets[i];
                            if t.key_mode && t.len == depth {
                                t.best = Some((usize::MAX, mark));
                            } else if t.best.is_none_or(|(d, _)| depth > d) {
                                t.best = Some((depth, mark));
                            }
                        }
                    }
                } else {
                    let _ = self.consider(mark);
                    self.after_value();
                }
            }
            Event::Alias(_) => {
                if self.is_key_position() {
                    if let Some(Frame::Map { key, expect_key }) = self.stack.last_mut() {
                        *key = Some(String::from("*alias"));
                        *expect_key = false;
                    }
                } else {
                    let _ = self.consider(mark);
                    self.after_value();
                }
            }
            Event::MappingStart(..) => {
                if !self.is_key_position() {
                    self.upgrade = self.consider(mark);
                }
                self.stack.push(Frame::Map {
                    key: None,
                    expect_key: true,
                });
            }
            Event::SequenceStart(..) => {
                if !self.is_key_position() {
                    let _ = self.consider(mark);
                }
                self.stack.push(Frame::Seq { index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.after_value();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name: test\nsides:\n  - id: a\n    color: \"#fff\"\n  - {id: b, color: red}\nconcepts:\n  - id: c1\n    variants:\n      - terms: [x, y]\n        side: restrictive\n";

    fn p(s: &[&str]) -> Vec<Seg> {
        s.iter()
            .map(|x| match x.parse::<usize>() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::key(x),
            })
            .collect()
    }

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(DOC, &p(&["name"])), Some((1, 7)));
        assert_eq!(locate(DOC, &p(&["sides", "0", "color"])), Some((4, 12)));
        assert_eq!(locate(DOC, &p(&["sides", "1", "color"])), Some((5, 20)));
        assert_eq!(
            locate(DOC, &p(&["concepts", "0", "variants", "0", "side"])),
            Some((10, 15))
        );
        assert_eq!(
            locate(DOC, &p(&["concepts", "0", "variants", "0", "terms", "1"])),
            Some((9, 20))
        );
    }

    #[test]
    fn many_paths_at_once_agree_with_one_at_a_time() {
        let queries: Vec<(Vec<Seg>, bool)> = [
            (vec!["name"], false),
            (vec!["sides", "1", "color"], false),
            (vec!["concepts", "0", "label"], false),
            (vec!["concepts", "0", "variants", "0"], false),
            (vec!["missing"], false),
            (vec!["sides", "0", "color"], true),
            (vec!["concepts", "0", "variants", "0", "terms", "1"], false),
        ]
        .into_iter()
        .map(|(path, key)| (p(&path), key))
        .collect();
        let all = locate_all(DOC, &queries);
        for ((path, key), got) in queries.iter().zip(all) {
            let one = if *key {
                find_one(DOC, path, true)
            } else {
                find_one(DOC, path, false)
            };
            assert_eq!(got, one, "{path:?}");
        }
        assert_eq!(
            Lines::new(DOC).line(4).as_deref(),
            Some("    color: \"#fff\"")
        );
        assert_eq!(Lines::new("a\r\nb").line(1).as_deref(), Some("a"));
        assert_eq!(Lines::new("a\n").line(2), None);
    }

    /// The single-path answer, by the same code with one query.
    fn find_one(text: &str, path: &[Seg], key: bool) -> Option<(usize, usize)> {
        locate_all(text, &[(path.to_vec(), key)])[0]
    }

    #[test]
    fn finds_the_second_copy_of_a_key() {
        let doc = "name: a\nlist:\n  - {id: x, id: y}\nname: b\n";
        assert_eq!(duplicate_key(doc), Some((3, 13, "id".to_string())));
        assert_eq!(duplicate_key("a: 1\nb: {a: 2}\n"), None);
    }

    #[test]
    fn finds_keys() {
        let doc = "a: 1\nlist:\n  - x: 1\n    wieght: 2\n  - {y: 1, wieght: 3}\n";
        assert_eq!(locate_key(doc, &p(&["list", "0", "wieght"])), Some((4, 5)));
        assert_eq!(locate_key(doc, &p(&["list", "1", "wieght"])), Some((5, 12)));
        // The value, not the key, for `locate`.
        assert_eq!(locate(doc, &p(&["list", "0", "wieght"])), Some((4, 13)));
    }

    #[test]
    fn missing_leaf_points_at_deepest_existing_ancestor() {
        // concepts[0].label does not exist: point at concept 0.
        let (line, col) = locate(DOC, &p(&["concepts", "0", "label"])).unwrap();
        assert_eq!((line, col), (7, 5), "the concept's first key");
        // A block mapping points at its first key, not at its first `:`.
        assert_eq!(
            locate(DOC, &p(&["concepts", "0", "variants", "0"])),
            Some((9, 9))
        );
        assert_eq!(locate(DOC, &p(&["missing"])), Some((1, 1)));
    }
}
