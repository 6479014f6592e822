//! Finding `line:column` for a YAML path such as `concepts[3].variants[0].side`.
//!
//! serde_yaml reports positions only for syntax and type errors; meaning errors (an
//! undeclared side, a duplicate id) are found after parsing and carry a YAML path instead.
//! This module replays the document's parse events (yaml-rust2 keeps a marker for each) to
//! find where the value at that path starts, so every diagnostic can point at its line.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

use super::validate::{Diagnostic, Seg};

/// Position of the node at `path` (1-based line and column), or of the deepest ancestor
/// that exists.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let mut finder = Finder {
        target: path.to_vec(),
        stack: Vec::new(),
        best: None,
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

    fn consider(&mut self, mark: Marker) {
        let path = self.current_path();
        if path.len() > self.target.len() || self.target[..path.len()] != path[..] {
            return;
        }
        let depth = path.len();
        // A value replaces its key's marker at the same depth.
        if self.best.is_none_or(|(d, _)| depth >= d) {
            self.best = Some((depth, mark));
        }
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
        match ev {
            Event::Scalar(value, ..) => {
                if self.is_key_position() {
                    if let Some(Frame::Map { key, expect_key }) = self.stack.last_mut() {
                        *key = Some(value);
                        *expect_key = false;
                    }
                    // A key marks its entry: point there when the value is missing.
                    let path = self.current_path();
                    if path.len() <= self.target.len() && self.target[..path.len()] == path[..] {
                        let depth = path.len();
                        if self.best.is_none_or(|(d, _)| depth > d) {
                            self.best = Some((depth, mark));
                        }
                    }
                } else {
                    self.consider(mark);
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
                    self.consider(mark);
                    self.after_value();
                }
            }
            Event::MappingStart(..) => {
                if !self.is_key_position() {
                    self.consider(mark);
                }
                self.stack.push(Frame::Map {
                    key: None,
                    expect_key: true,
                });
            }
            Event::SequenceStart(..) => {
                if !self.is_key_position() {
                    self.consider(mark);
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
    fn missing_leaf_points_at_deepest_existing_ancestor() {
        // concepts[0].label does not exist: point at concept 0.
        let (line, _) = locate(DOC, &p(&["concepts", "0", "label"])).unwrap();
        assert_eq!(line, 7);
    }
}
