//! The fallback of matching, for lexicons whose trie table would be too large: a
//! leftmost-longest Aho-Corasick DFA whose hit is accepted when the boundaries hold. When
//! the right boundary fails ("illegal alienses"), a longer in-word hit would hide a valid
//! shorter one, so the matches starting at that same position are rescanned with an
//! overlapping automaton and the longest valid one is kept; when the left boundary fails,
//! no match can start there and the scan resumes one character later. This gives exactly
//! the leftmost-longest-valid result.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use super::boundary::{left_ok, next_boundary};
use super::forms::{Forms, RawHit};
use crate::text::normalize::Normalized;

/// The two automata over every surface form.
#[derive(Debug, Clone)]
pub(super) struct Automata {
    longest: AhoCorasick,
    overlapping: AhoCorasick,
    /// The longest form, in bytes: how far the rescan looks.
    max_len: usize,
}

impl Automata {
    pub(super) fn build(forms: &[String]) -> Result<Automata, aho_corasick::BuildError> {
        let longest = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(forms)
            .or_else(|_| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(forms)
            })?;
        let overlapping = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(forms)?;
        Ok(Automata {
            longest,
            overlapping,
            max_len: forms.iter().map(String::len).max().unwrap_or(0),
        })
    }

    /// Every valid hit of the forms in `norm`, in text order (original offsets still to
    /// be filled in).
    pub(super) fn find(
        &self,
        forms: &Forms,
        original: &str,
        norm: &Normalized,
        hits: &mut Vec<RawHit>,
    ) {
        let h = norm.text.as_str();
        let (longest, overlapping) = (&self.longest, &self.overlapping);
        let mut pos = 0;
        while pos < h.len() {
            let Some(m) = longest.find(Input::new(h).span(pos..h.len())) else {
                break;
            };
            let s = m.start();
            if !left_ok(h, s) {
                pos = next_boundary(h, s);
                continue;
            }
            if forms.valid(original, norm, m.pattern().as_usize(), s, m.end()) {
                hits.push(forms.hit(m.pattern().as_usize(), s, m.end()));
                pos = m.end();
                continue;
            }
            // Rescan: the longest valid match that starts at `s`.
            let window_end = (s + self.max_len).min(h.len());
            let mut best: Option<(usize, usize)> = None;
            for om in overlapping.find_overlapping_iter(Input::new(h).span(s..window_end)) {
                if om.start() != s {
                    continue;
                }
                let p = om.pattern().as_usize();
                if best.is_none_or(|(_, e)| om.end() > e)
                    && forms.valid(original, norm, p, s, om.end())
                {
                    best = Some((p, om.end()));
                }
            }
            match best {
                Some((p, e)) => {
                    hits.push(forms.hit(p, s, e));
                    pos = e;
                }
                None => pos = next_boundary(h, s),
            }
        }
    }
}
