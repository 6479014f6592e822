//! Quote extraction and speaker attribution.
//!
//! This module owns the step from raw article text to "who is allowed to speak, and with
//! which words". It finds every quotation, decides whether each one is a
//! [`QuoteKind::Speech`] quote (somebody's words) or a [`QuoteKind::Term`] quote (scare
//! quotes, coined labels, idioms), and attributes speech to a speaker with small,
//! explainable rules whose ids end up in [`Quote::rule`]. Speakers are canonicalised
//! against a compiled [`Roster`], and each carries the [`QuoteSide`] it counts for.
//!
//! Everything works on byte offsets into the original text, runs in roughly linear time
//! (every look-around window is bounded) and never panics. It never prints, and knows
//! nothing of scoring or rendering.
//!
//! # Layout
//!
//! In the order the work is done:
//!
//! - `roster.rs`: the lexicon's actors compiled into one automaton;
//! - `marks.rs`: where the quote marks and the paragraphs are (one pass over the text);
//! - `pairing.rs`: pairing the marks into quotations (nested, multi-paragraph, unclosed);
//! - `context.rs`: one article under analysis (text, paragraphs, quotations, caches);
//! - `sentences.rs`: the sentence and paragraph index around a quotation;
//! - `tokens.rs`: the tokenizer, a quotation being one token; `para_tokens.rs`: every
//!   paragraph tokenized once (for [`extract_all`]), the rules' windows cut out of it;
//! - `word_lists.rs` (the word tables: titles, org words, speech verbs…) and
//!   `word_lookup.rs` (the table that looks words up in them);
//! - `cues.yaml` (the speech cues as data, each with its framing class), `cue_list.rs`
//!   (reading it), `framing.rs` ([`Framing`]) and `cues.rs` (recognising a cue in a
//!   sentence: said, saying, pointed out, according to, quoting);
//! - `np.rs`: what a noun phrase names;
//! - `subject.rs`: which phrase speaks for a cue, with `appositive.rs` choosing between a
//!   name and its description;
//! - `first_names.rs`: given names and gendered titles, for pronoun agreement;
//! - `speaker.rs`: from a phrase to a speaker (roster name or name as written, and side);
//! - `rules/`: the attribution rules, one file each, and the driver that tries them in
//!   order (see its docs); `rule.rs`: their ids ([`Rule`]);
//! - `classify.rs`: speech or term;
//! - `reported.rs`: reported (indirect) speech, [`Reported`], read after the quotations
//!   by [`extract_all`];
//! - `quote.rs`: what comes out ([`Quote`], [`QuoteKind`], [`QuoteSide`]).
//!
//! The fast scanning (sixteen bytes at a time) comes from [`crate::scan`]'s kernels;
//! `extract_with` takes them as a type parameter so that the plain reference kernels give
//! the same quotations.

mod appositive;
mod chars;
mod classify;
mod context;
mod cue_list;
mod cues;
mod first_names;
mod framing;
mod marks;
mod np;
mod pairing;
mod para_tokens;
mod quote;
mod reported;
mod roster;
mod rule;
mod rules;
mod sentences;
mod speaker;
mod subject;
mod tokens;
mod word_lists;
mod word_lookup;

#[cfg(test)]
mod tests;

pub use framing::Framing;
pub use quote::{Quote, QuoteKind, QuoteSide};
pub use reported::Reported;
pub use roster::{Roster, RosterActor};
pub use rule::Rule;

use context::Ctx;
use rules::finding::Attr;

use crate::scan::{Fast, Kernels};

/// Everything the quote finder reads in one article: its quotations and its reported
/// speech.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    /// Every quotation, as [`extract`] returns them.
    pub quotes: Vec<Quote>,
    /// Every span of reported (indirect) speech, in order, never overlapping.
    pub reported: Vec<Reported>,
}

/// Find and attribute every quotation in `text`. Sorted by `open`; quotes
/// never overlap; every offset is on a char boundary of `text`.
pub fn extract(text: &str, roster: &Roster) -> Vec<Quote> {
    extract_with::<Fast>(text, roster)
}

/// [`extract`] with the kernels `K`: `Plain` and `Fast` give the same quotations
/// (`tests/scan_equivalence.rs`).
#[doc(hidden)]
pub fn extract_with<K: Kernels>(text: &str, roster: &Roster) -> Vec<Quote> {
    let ctx = Ctx::<K>::new_with(text, roster);
    let attrs = ctx.attribute_all();
    ctx.into_quotes(attrs)
}

/// The quotations of `text` ([`extract`]) and its reported speech, found together (the
/// reported speech costs one more pass over the sentences).
pub fn extract_all(text: &str, roster: &Roster) -> Extraction {
    extract_all_with::<Fast>(text, roster)
}

/// [`extract_all`] with the kernels `K`.
#[doc(hidden)]
pub fn extract_all_with<K: Kernels>(text: &str, roster: &Roster) -> Extraction {
    let mut ctx = Ctx::<K>::new_with(text, roster);
    // the reported pass reads every paragraph: tokenize them first, for the rules too
    ctx.tokenize_paragraphs();
    let attrs = ctx.attribute_all();
    let reported = ctx.reported(&attrs);
    Extraction {
        quotes: ctx.into_quotes(attrs),
        reported,
    }
}

/// Whether `word` (lowercase) starts a speech cue of `cues.yaml` or is "according",
/// "quoting", "citing" or "quoted" (for measuring against gold cues).
pub fn is_speech_cue(word: &str) -> bool {
    word_lookup::cue_words().any(|w| w == word)
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Attribute every quotation, in order.
    fn attribute_all(&self) -> Vec<Attr<'a>> {
        let mut attrs: Vec<Attr> = Vec::with_capacity(self.raws.len());
        for i in 0..self.raws.len() {
            let a = self.attribute(i, &attrs);
            attrs.push(a);
        }
        attrs
    }

    /// The quotations with their attributions.
    fn into_quotes(self, attrs: Vec<Attr<'a>>) -> Vec<Quote> {
        let text = self.text;
        self.raws
            .into_iter()
            .zip(self.words)
            .zip(attrs)
            .map(|((r, words), a)| Quote {
                open: r.open,
                close: r.close,
                start: r.start,
                end: r.end,
                kind: a.kind,
                side: a
                    .speaker
                    .as_ref()
                    .map_or(QuoteSide::Unattributed, |s| s.side),
                speaker: a.speaker.map(|s| s.name.into_owned()),
                cue: a.cue.map(|(s, e)| text[s..e].to_string()),
                framing: a.framing,
                rule: a.rule,
                words,
                unclosed: r.unclosed,
                nested: r.nested,
            })
            .collect()
    }
}
