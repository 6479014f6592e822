//! Compact JSON in, serde_json's pretty form out, as a stream: [`Pretty`] wraps a writer
//! and re-indents the compact bytes written to it exactly as `serde_json::to_writer_pretty`
//! would have written the same value (two-space indent, `"key": value`, `[]` and `{}` for
//! empty containers). `score --format json` uses it for articles too large to build as
//! serde values (a 30 MB article dense with terms took 2.7 GB that way): the hand-written
//! JSONL writer streams the compact record through it. Pure: bytes in, bytes out.

use std::io::{self, Write};

/// A writer that pretty-prints the compact JSON written to it.
pub struct Pretty<W: Write> {
    inner: W,
    depth: usize,
    in_string: bool,
    escaped: bool,
    /// An opening bracket whose container may be empty: decided by the next byte.
    open: Option<u8>,
    out: Vec<u8>,
}

impl<W: Write> Pretty<W> {
    pub fn new(inner: W) -> Pretty<W> {
        Pretty {
            inner,
            depth: 0,
            in_string: false,
            escaped: false,
            open: None,
            out: Vec::with_capacity(1 << 16),
        }
    }

    fn newline(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.depth {
            self.out.extend_from_slice(b"  ");
        }
    }

    /// Write what is pending (an opening bracket with nothing after it yet stays pending)
    /// and return the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(b) = self.open.take() {
            self.out.push(b);
        }
        self.inner.write_all(&self.out)?;
        self.out.clear();
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Pretty<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &b in buf {
            if self.in_string {
                self.out.push(b);
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                continue;
            }
            if let Some(open) = self.open.take() {
                let close = if open == b'{' { b'}' } else { b']' };
                self.out.push(open);
                if b == close {
                    self.out.push(close);
                    continue;
                }
                self.depth += 1;
                self.newline();
            }
            match b {
                b'{' | b'[' => self.open = Some(b),
                b'}' | b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.newline();
                    self.out.push(b);
                }
                b',' => {
                    self.out.push(b',');
                    self.newline();
                }
                b':' => self.out.extend_from_slice(b": "),
                b'"' => {
                    self.in_string = true;
                    self.out.push(b);
                }
                _ => self.out.push(b),
            }
        }
        if self.out.len() >= 1 << 16 {
            self.inner.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.write_all(&self.out)?;
        self.out.clear();
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(compact: &[u8], split: usize) -> String {
        let mut p = Pretty::new(Vec::new());
        for chunk in compact.chunks(split.max(1)) {
            p.write_all(chunk).unwrap();
        }
        String::from_utf8(p.finish().unwrap()).unwrap()
    }

    #[test]
    fn same_bytes_as_serde_pretty_even_split_anywhere() {
        let v = serde_json::json!({
            "a": [], "b": {}, "c": [1, 2.5, -3e-7, null, true],
            "d": {"e": "x\"y\\\\z \u{1b} [ ] { } , :", "f": [{}, [], [[]], {"g": []}]},
            "h": "", "i": [{"j": 1}]
        });
        let compact = serde_json::to_vec(&v).unwrap();
        let want = String::from_utf8(serde_json::to_vec_pretty(&v).unwrap()).unwrap();
        for split in [1, 2, 3, 7, 1000] {
            assert_eq!(pretty(&compact, split), want, "split {split}");
        }
        assert_eq!(pretty(b"[]", 1), "[]");
    }
}
