//! Guards against hostile YAML, run on the raw text before any YAML parser builds values:
//! brackets nested deeper than a lexicon ever needs, and alias bombs (`*name` expanding to
//! billions of nodes). Each refusal is one diagnostic with a position.

use std::collections::HashMap;

use super::diagnostic::Diagnostic;

/// Deepest bracket nesting (`[` / `{`) a lexicon may have. The schema itself is about six
/// levels deep and serde_yaml stops at 128, but its scanner spends time proportional to the
/// nesting depth on every token, so 100,000 `[` take minutes to refuse.
pub const MAX_YAML_NESTING: usize = 64;

/// Refuse flow collections nested deeper than [`MAX_YAML_NESTING`] before any YAML parser
/// sees them, by a quick scan that skips quoted scalars and comments. Block nesting needs
/// a line of indentation per level, which the file size limit already bounds.
pub(crate) fn check_nesting(origin: &str, text: &str) -> Result<(), Box<Diagnostic>> {
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

/// Most bytes of text that YAML aliases may add to a lexicon when expanded: one 1 MB
/// anchored string aliased 5,000 times is 5 GB once parsed, in 5,000 nodes.
pub const MAX_ALIAS_BYTES: usize = 4 * 1024 * 1024;

/// Refuse a YAML "alias bomb" before deserializing it: every alias (`*name`) stands for a
/// copy of its anchored node, so a small file of nested aliases (or one big anchored list
/// aliased thousands of times, or one long anchored string) expands to billions of nodes
/// or gigabytes of text. serde_yaml only catches the first kind. This counts the expanded
/// size, in nodes and in bytes of scalar text, in one pass over the parse events, and
/// stops at [`MAX_ALIAS_NODES`] nodes or [`MAX_ALIAS_BYTES`] bytes added by aliases.
/// Syntax errors are left to the parser.
pub(crate) fn check_alias_expansion(origin: &str, text: &str) -> Result<(), Box<Diagnostic>> {
    use yaml_rust2::parser::{Event, Parser};
    if !text.contains('*') {
        return Ok(());
    }
    let mut parser = Parser::new_from_str(text);
    // Expanded size of each finished anchored node, by anchor id: (nodes, bytes).
    let mut sizes: HashMap<usize, (usize, usize)> = HashMap::new();
    // Open collections: (anchor id, node count and bytes when it started).
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let (mut nodes, mut from_aliases) = (0usize, 0usize);
    let (mut bytes, mut bytes_from_aliases) = (0usize, 0usize);
    loop {
        let Ok((event, mark)) = parser.next_token() else {
            return Ok(());
        };
        match event {
            Event::StreamEnd => return Ok(()),
            Event::Scalar(value, _, anchor, _) => {
                nodes += 1;
                bytes += value.len();
                if anchor > 0 {
                    sizes.insert(anchor, (1, value.len()));
                }
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                nodes += 1;
                open.push((anchor, nodes, bytes));
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((anchor, start, start_bytes)) = open.pop() {
                    if anchor > 0 {
                        sizes.insert(anchor, (nodes - start + 1, bytes - start_bytes));
                    }
                }
            }
            Event::Alias(id) => {
                let (n, b) = sizes.get(&id).copied().unwrap_or((1, 0));
                nodes += n;
                from_aliases += n;
                bytes += b;
                bytes_from_aliases += b;
                if bytes_from_aliases > MAX_ALIAS_BYTES {
                    return Err(Box::new(
                        Diagnostic::error(
                            origin,
                            Vec::new(),
                            format!(
                                "YAML aliases (`*name`) expand this lexicon by more than {MAX_ALIAS_BYTES} bytes of text; refusing to load it (an alias bomb?)"
                            ),
                        )
                        .hint("write repeated text out in full; anchors (`&name`) and aliases (`*name`) are for small shared snippets")
                        .at(mark.line(), mark.col() + 1),
                    ));
                }
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
