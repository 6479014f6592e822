//! The compiled surface forms of a lexicon's terms: which lexicon entry each one stands for
//! ([`RawHit`] names it), and the checks a match of one must pass (the word does not go on
//! after it; a case-sensitive variant is spelt as written; a phrase stays in its paragraph).

use super::boundary::{crosses_blank_line, right_ok_fast, same_letters};
use crate::text::normalize::Normalized;

/// Which lexicon entry an automaton pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PatternRef {
    pub(super) concept: u32,
    pub(super) variant: u32,
    pub(super) term: u32,
    pub(super) case_sensitive: bool,
    /// The form has a space in it, so a match could run over a paragraph break.
    pub(super) multiword: bool,
}

/// A match, with offsets into the ORIGINAL text and into the normalized copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawHit {
    pub start: usize,
    pub end: usize,
    pub norm_start: usize,
    pub norm_end: usize,
    pub concept: usize,
    pub variant: usize,
    /// Index into the variant's `terms`, or `None` for a regex pattern hit.
    pub term: Option<usize>,
}

/// Every surface form, in pattern order (a pattern is an index into these).
#[derive(Debug, Clone, Default)]
pub(super) struct Forms {
    pub(super) patterns: Vec<PatternRef>,
    /// The normalized form of each pattern.
    pub(super) surface: Vec<String>,
    /// The term as written in the lexicon (for case-sensitive checks).
    pub(super) written: Vec<String>,
}

impl Forms {
    /// Whether the form of pattern `p` may match `s..e`: the word does not go on at `e`,
    /// a case-sensitive form is spelt as written, and a phrase does not run over a
    /// paragraph break.
    #[inline(always)]
    pub(super) fn valid(
        &self,
        original: &str,
        norm: &Normalized,
        p: usize,
        s: usize,
        e: usize,
    ) -> bool {
        right_ok_fast(&norm.text, e)
            && (!self.patterns[p].case_sensitive || self.same_case(original, norm, p, s, e))
            && (!self.patterns[p].multiword || !Self::crosses_paragraph(original, norm, s, e))
    }

    #[inline(never)]
    fn crosses_paragraph(original: &str, norm: &Normalized, s: usize, e: usize) -> bool {
        let (os, oe) = norm.original_range(s, e);
        crosses_blank_line(&original[os..oe])
    }

    #[inline(never)]
    fn same_case(&self, original: &str, norm: &Normalized, p: usize, s: usize, e: usize) -> bool {
        let (os, oe) = norm.original_range(s, e);
        same_letters(&original[os..oe], &self.written[p])
    }

    /// A term hit with its original offsets still to be filled in (`Matcher::find`).
    pub(super) fn hit(&self, p: usize, s: usize, e: usize) -> RawHit {
        let pr = self.patterns[p];
        RawHit {
            start: 0,
            end: 0,
            norm_start: s,
            norm_end: e,
            concept: pr.concept as usize,
            variant: pr.variant as usize,
            term: Some(pr.term as usize),
        }
    }
}
