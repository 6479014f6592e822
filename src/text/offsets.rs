//! The offset map from a normalized text back to its original: which original bytes
//! produced each normalized byte, stored as runs. Built by [`super::normalize`], read
//! through [`Normalized`](super::normalize::Normalized)'s lookups; it knows nothing of
//! how the text was normalized.
//!
//! Most of an article is ASCII that normalizes byte for byte, so a whole stretch of it is
//! one [`Run`]. Looking up an offset is a binary search over the runs; hits are few, bytes
//! are many.

/// A stretch of normalized bytes with one rule for mapping them back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    /// First normalized byte of the run.
    pub(super) norm: u32,
    /// Original offset of the first byte.
    pub(super) orig: u32,
    /// 0: byte `norm + k` came from original byte `orig + k` alone. Otherwise every byte
    /// of the run came from the one character at `orig`, which is `width` bytes long.
    pub(super) width: u32,
}

/// The map of one normalized text (of `norm_len` bytes) back to its original.
#[derive(Debug, Clone, Default)]
pub(super) struct OffsetMap {
    /// Ascending by `norm`; the first run starts at 0 (when the text is not empty).
    runs: Vec<Run>,
    /// Length of the normalized text.
    norm_len: u32,
    /// Length of the original text.
    original_len: u32,
}

impl OffsetMap {
    /// An empty map with room for `runs` runs, for an original of `original_len` bytes.
    #[inline]
    pub(super) fn with_capacity(runs: usize, original_len: usize) -> OffsetMap {
        OffsetMap {
            runs: Vec::with_capacity(runs),
            norm_len: 0,
            original_len: original_len as u32,
        }
    }

    /// Add the run that starts at normalized byte `run.norm` (ascending).
    #[inline]
    pub(super) fn push(&mut self, run: Run) {
        self.runs.push(run);
    }

    /// The normalized text is complete, `norm_len` bytes long.
    #[inline]
    pub(super) fn finish(&mut self, norm_len: usize) {
        self.norm_len = norm_len as u32;
    }

    /// Map a normalized byte range back to the original byte range covering the
    /// characters that produced it.
    pub(super) fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.norm_len as usize);
        let r = self.run_of(end - 1);
        let end = if r.width == 0 {
            (r.orig + (end as u32 - r.norm)) as usize
        } else {
            (r.orig + r.width) as usize
        };
        (self.original_offset(start), end)
    }

    /// Original byte offset of the character that produced normalized byte `i` (the
    /// original length for `i` at or past the end).
    pub(super) fn original_offset(&self, i: usize) -> usize {
        if i >= self.norm_len as usize {
            return self.original_len as usize;
        }
        let r = self.run_of(i);
        if r.width == 0 {
            (r.orig + (i as u32 - r.norm)) as usize
        } else {
            r.orig as usize
        }
    }

    /// The run holding normalized byte `i` (which must be inside the text).
    fn run_of(&self, i: usize) -> Run {
        let k = self.runs.partition_point(|r| r.norm as usize <= i);
        self.runs[k - 1]
    }

    /// [`OffsetMap::original_range`] for callers that ask about ranges in increasing
    /// order: `cursor` (0 at first) keeps the index of the run the previous lookup ended
    /// in, and the runs are searched forward from there (any order still gives correct
    /// results, only slower). Inlined: it runs once per hit, and a call costs about
    /// as much as the lookup.
    #[inline]
    pub(super) fn original_range_seq(
        &self,
        start: usize,
        end: usize,
        cursor: &mut usize,
    ) -> (usize, usize) {
        debug_assert!(start < end && end <= self.norm_len as usize);
        let runs = &self.runs;
        let find = |from: usize, i: usize| -> usize {
            let mut k = if from < runs.len() && runs[from].norm as usize <= i {
                from
            } else {
                0
            };
            for _ in 0..8 {
                match runs.get(k + 1) {
                    Some(r) if r.norm as usize <= i => k += 1,
                    _ => return k,
                }
            }
            k + runs[k..].partition_point(|r| r.norm as usize <= i) - 1
        };
        let ks = find(*cursor, start);
        let ke = find(ks, end - 1);
        *cursor = ke;
        let (rs, re) = (runs[ks], runs[ke]);
        let os = if rs.width == 0 {
            rs.orig + (start as u32 - rs.norm)
        } else {
            rs.orig
        };
        let oe = if re.width == 0 {
            re.orig + (end as u32 - re.norm)
        } else {
            re.orig + re.width
        };
        (os as usize, oe as usize)
    }
}
