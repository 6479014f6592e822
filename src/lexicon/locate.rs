//! Finding `line:column` for a YAML path such as `concepts[3].variants[0].side`.
//!
//! serde_yaml reports positions only for syntax and type errors; meaning errors (an
//! undeclared side, a duplicate id) are found after parsing and carry a YAML path instead.
//! This module replays the document's parse events (yaml-rust2 keeps a marker for each) to
//! find where the value at that path starts, so every diagnostic can point at its line.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use super::diagnostic::{path_string, Diagnostic, Seg};

/// Position of the node at `path` (1-based line and column), or of the deepest ancestor
/// that exists.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    find(text, path, false)
}

/// Position of the KEY of the entry at `path` (whose last step is a mapping key), e.g. the
/// `wieght` of `wieght: 2` for an unknown field; falls back like [`locate`].
pub fn locate_key(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    find(text, path, true)
}

fn find(text: &str, path: &[Seg], key_mode: bool) -> Option<(usize, usize)> {
    let mut finder = Finder {
        target: path.to_vec(),
        stack: Vec::new(),
        best: None,
        key_mode,
        upgrade: false,
    };
    let mut parser = Parser::new_from_str(text);
    // A syntax error only means we stop early; the best match so far still helps.
    let _ = parser.load(&mut finder, false);
    finder.best.map(|(_, m)| (m.line(), m.col() + 1))
}

/// Fill in line, column and snippet for diagnostics that lack them. `texts` maps each
/// origin to its source text.
pub fn attach(diags: &mut [Diagnostic], texts: &HashMap<String, String>) {
    for d in diags.iter_mut() {
        if let Some((origin, path)) = d.related.take() {
            let at = texts
                .get(&origin)
                .and_then(|t| locate(t, &path))
                .map(|(l, c)| format!("{origin}:{l}:{c}"))
                .unwrap_or_else(|| format!("{origin} ({})", path_string(&path)));
            d.note = Some(match d.note.take() {
                Some(n) => format!("{n} ({at})"),
                None => format!("first listed at {at}"),
            });
        }
        if d.line.is_some() || d.path.is_empty() {
            continue;
        }
        let Some(text) = texts.get(&d.origin) else {
            continue;
        };
        if let Some((line, col)) = locate(text, &d.path) {
            d.line = Some(line);
            d.column = Some(col);
            d.snippet = text.lines().nth(line.saturating_sub(1)).map(str::to_string);
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

struct Finder {
    target: Vec<Seg>,
    stack: Vec<Frame>,
    /// (matched depth, marker)
    best: Option<(usize, Marker)>,
    /// Looking for the key of the target entry rather than its value.
    key_mode: bool,
    /// The best match so far is a mapping that just started: point at its first key
    /// instead (a block mapping's start marker sits at its first `:`).
    upgrade: bool,
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

    fn consider(&mut self, mark: Marker) -> bool {
        let path = self.current_path();
        if path.len() > self.target.len() || self.target[..path.len()] != path[..] {
            return false;
        }
        let depth = path.len();
        // A value replaces its key's marker at the same depth.
        if self.best.is_none_or(|(d, _)| depth >= d) {
            self.best = Some((depth, mark));
            return true;
        }
        false
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
                    if upgrade {
                        if let Some((d, _)) = self.best {
                            self.best = Some((d, mark));
                        }
                    }
                    if let Some(Frame::Map { key, expect_key }) = self.stack.last_mut() {
                        *key = Some(value);
                        *expect_key = false;
                    }
                    // A key marks its entry: point there when the value is missing.
                    let path = self.current_path();
                    if self.key_mode && path == self.target {
                        self.best = Some((usize::MAX, mark));
                        return;
                    }
                    if path.len() <= self.target.len() && self.target[..path.len()] == path[..] {
                        let depth = path.len();
                        if self.best.is_none_or(|(d, _)| depth > d) {
                            self.best = Some((depth, mark));
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
