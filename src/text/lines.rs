//! Line and column positions of byte offsets: 1-based lines, columns counted in
//! characters (Unicode scalar values). [`LineIndex`] answers any offset; [`line_cols`]
//! answers ascending ones (term hits are) in one forward pass, counting with the
//! [`Kernels::feeds_and_tail_chars`] kernel.

use crate::scan::{Fast, Kernels};

/// 1-based line and column (in characters) for byte offsets of one text.
///
/// Columns are counted from character-count checkpoints every `CHECKPOINT_BYTES` bytes,
/// so a lookup costs at most a few kilobytes of counting even on a single 50 MB line
/// (counting from the line start made a long one-line article quadratic in its hits).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `(byte offset on a char boundary, characters before it)`, ascending.
    checkpoints: Vec<(usize, usize)>,
}

/// `(line, column)` of each offset, both 1-based, the column in characters, as
/// [`LineIndex::line_col`] gives them. Ascending offsets (term hits are) cost one forward
/// pass that counts line feeds and characters between neighbours, with no index built;
/// others go through a [`LineIndex`].
pub fn line_cols<I>(text: &str, offsets: I) -> Vec<(u32, u32)>
where
    I: Iterator<Item = usize> + Clone,
{
    line_cols_with::<Fast, I>(text, offsets)
}

/// [`line_cols`] with the kernels `K`.
#[doc(hidden)]
pub fn line_cols_with<K: Kernels, I>(text: &str, offsets: I) -> Vec<(u32, u32)>
where
    I: Iterator<Item = usize> + Clone,
{
    let mut previous = 0;
    if offsets
        .clone()
        .any(|o| std::mem::replace(&mut previous, o) > o)
    {
        return LineIndex::new(text).line_cols(text, offsets);
    }
    let b = text.as_bytes();
    let (mut pos, mut line, mut col) = (0, 1, 1);
    offsets
        .map(|offset| {
            let (feeds, tail) = K::feeds_and_tail_chars(b, pos, offset);
            if feeds == 0 {
                col += tail;
            } else {
                line += feeds;
                col = 1 + tail;
            }
            pos = offset;
            (line, col)
        })
        .collect()
}

/// Distance between column checkpoints in [`LineIndex`].
const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(1 + text.len() / 128);
        starts.push(0);
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = vec![(0, 0)];
        // Checkpoints are only read for lines longer than CHECKPOINT_BYTES.
        let longest_line = starts
            .windows(2)
            .map(|w| w[1] - w[0])
            .chain(std::iter::once(text.len() - starts[starts.len() - 1]))
            .max()
            .unwrap_or(0);
        let (mut pos, mut chars) = (0, 0);
        while longest_line > CHECKPOINT_BYTES && pos + CHECKPOINT_BYTES < text.len() {
            let mut next = pos + CHECKPOINT_BYTES;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[pos..next].chars().count();
            pos = next;
            checkpoints.push((pos, chars));
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters in `text[..offset]`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, n) = self.checkpoints[i];
        n + text[b..offset].chars().count()
    }

    /// [`LineIndex::line_col`] of many offsets. Ascending offsets (term hits are) are
    /// counted on from the previous one, so a whole article costs one pass.
    pub fn line_cols(
        &self,
        text: &str,
        offsets: impl IntoIterator<Item = usize>,
    ) -> Vec<(u32, u32)> {
        let offsets = offsets.into_iter();
        let mut out = Vec::with_capacity(offsets.size_hint().0);
        // (offset, line index, 0-based column) of the last answer.
        let mut last: Option<(usize, usize, usize)> = None;
        for offset in offsets {
            let line = self.starts.partition_point(|&s| s <= offset) - 1;
            let col = match last {
                Some((o, l, c)) if l == line && o <= offset && offset - o <= CHECKPOINT_BYTES => {
                    c + text[o..offset].chars().count()
                }
                _ => self.line_col(text, offset).1 as usize - 1,
            };
            last = Some((offset, line, col));
            out.push((line as u32 + 1, col as u32 + 1));
        }
        out
    }

    /// `(line, column)`, both 1-based; the column counts Unicode scalar values.
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = if offset - start <= CHECKPOINT_BYTES {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        (line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "first\n“Ünï” here\nthird";
        let idx = LineIndex::new(text);
        let off = text.find("here").unwrap();
        assert_eq!(idx.line_col(text, off), (2, 7));
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, text.find("third").unwrap()), (3, 1));
    }

    #[test]
    fn many_offsets_at_once_equal_one_at_a_time() {
        let text = format!("a “b” é\n\n{}\nlast ü line", "x€ y “z” ".repeat(900));
        let idx = LineIndex::new(&text);
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(idx.line_cols(&text, offsets.iter().copied()), want);
        // Out of order still works (each falls back to a fresh lookup).
        offsets.reverse();
        let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(idx.line_cols(&text, offsets.iter().copied()), want);
    }

    #[test]
    fn the_forward_pass_equals_the_index() {
        let text = format!(
            "a “b” é\n\n{}\r\nlast ü 𝄞 line\n",
            "x€ y “z”\n ".repeat(300)
        );
        let idx = LineIndex::new(&text);
        let mut rng = crate::corpus::Rng::new(9);
        let all: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for _ in 0..200 {
            let mut offsets: Vec<usize> = (0..rng.below(40))
                .map(|_| all[rng.below(all.len())])
                .collect();
            if rng.below(4) > 0 {
                offsets.sort_unstable();
            }
            let want: Vec<_> = offsets.iter().map(|&o| idx.line_col(&text, o)).collect();
            assert_eq!(
                line_cols(&text, offsets.iter().copied()),
                want,
                "{offsets:?}"
            );
        }
        let every: Vec<_> = all.iter().map(|&o| idx.line_col(&text, o)).collect();
        assert_eq!(line_cols(&text, all.iter().copied()), every);
    }

    #[test]
    fn columns_on_a_very_long_line_use_checkpoints_correctly() {
        // Multi-byte characters straddle the checkpoint positions; every column must
        // still equal the plain character count from the line start.
        let text = format!("x\n{}", "aé“€𝄞".repeat(3000));
        let idx = LineIndex::new(&text);
        for (off, _) in text.char_indices().step_by(97) {
            let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let want = text[start..off].chars().count() as u32 + 1;
            let line = 1 + text[..off].matches('\n').count() as u32;
            assert_eq!(idx.line_col(&text, off), (line, want), "offset {off}");
        }
    }
}
