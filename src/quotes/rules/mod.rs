//! The attribution rules, one file each, and the driver that tries them. For every
//! quotation, in text order (later rules read the attributions of earlier quotes):
//!
//! 1. [`verb_after`]: the words after the quote, up to the end of its sentence; else a
//!    credit after a dash ([`dash_credit`]: `“…” — Jane Doe, immigration attorney`);
//! 2. for a quote that does not open its sentence: [`continuation`] of the previous quote
//!    in the same sentence (`“Stop,” Lucero said, “or we leave.”`), else [`verb_before`]
//!    (the nearest cue before the quote in its sentence, or the nearest label verb:
//!    [`quoted_label`]; before a colon, [`speaker_before_colon`]), else nobody;
//! 3. for a quote that opens its sentence: [`continuation`] of the previous attributed
//!    speech quote, else, unless it is a candidate term, the [`previous_sentence`].
//!
//! The first finder that reads a speaker phrase wins, even when the phrase resolves to
//! nobody (except `previous_sentence`, which must name somebody). The phrase is then
//! resolved (a [`pronoun`] to its antecedent) and labelled, the most specific label
//! first: [`document`], [`pronoun`], `speaker_before_colon` / `previous_sentence`,
//! `appositive` (read with the subject, in `appositive.rs`), then the finder's own
//! [`Rule`]. Whether the quote is speech or a term is decided last (`classify.rs`).
//!
//! To add a rule: write it in its own file here (a `Ctx` method returning a [`Found`] or
//! a speaker), give it a [`Rule`] variant and id in `rule.rs`, call it from `Ctx::find`
//! below at its place in the order, and test it in its file.

mod continuation;
mod dash_credit;
mod document;
pub(super) mod finding;
mod previous_sentence;
mod pronoun;
mod quoted_label;
mod speaker_before_colon;
mod verb_after;
mod verb_before;

use finding::{Attr, Credit, Found, Site};

use crate::quotes::chars::ceil_cb;
use crate::quotes::classify;
use crate::quotes::context::Ctx;
use crate::quotes::np::Who;
use crate::quotes::quote::QuoteKind;
use crate::quotes::rule::Rule;
use crate::quotes::sentences::ends_terminal;
use crate::quotes::speaker::Resolved;
use crate::scan::Kernels;
use crate::text::words::is_alnum;

/// How far past the closing mark `verb_after` reads.
const MAX_FWD: usize = 600;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Attribute quotation `i`, given the attributions of the quotations before it.
    pub(in crate::quotes) fn attribute(&self, i: usize, attrs: &[Attr<'a>]) -> Attr<'a> {
        let q = &self.raws[i];
        if classify::always_term(q) {
            return Attr::term(q.close);
        }
        let site = self.site(i);
        let found = self.find(&site, attrs);
        // a speech cue makes a short quote somebody's words even when its subject
        // stays unresolved ("“I am with Tom,” she said" with no "she" in sight)
        let spoken = found.speaker.is_some() || found.cue.is_some();
        match classify::kind(site.candidate_term, spoken) {
            QuoteKind::Term => Attr::term(q.close),
            QuoteKind::Speech => Attr {
                kind: QuoteKind::Speech,
                cue: found.cue,
                framing: found.framing,
                speaker: found.speaker,
                rule: found.rule,
                via_after: found.via_after,
                // the attribution runs to the end of the sentence after the words that
                // name the speaker, and after a mid-sentence continuation (`… after
                // hinting that “personnel changes” could come. “More.”`)
                after_end: if found.via_after
                    || (found.rule == Rule::Continuation
                        && !site.stands_alone
                        && !ends_terminal(&self.text[q.start..q.end]))
                {
                    site.after_end
                } else {
                    q.close
                },
            },
        }
    }

    /// Measure where quotation `i` sits.
    fn site(&self, i: usize) -> Site {
        let q = &self.raws[i];
        let prev_close = if i > 0 { self.raws[i - 1].close } else { 0 };
        let before = self.sent_start(q.open, false).max(prev_close).min(q.open);
        let stands_alone = !self.text[before..q.open].chars().any(is_alnum);
        let pe = self.paras[self.para_of(q.close.saturating_sub(1))]
            .e
            .max(q.close);
        let next_open = self.raws.get(i + 1).map_or(usize::MAX, |r| r.open);
        let lim = pe
            .min(next_open)
            .min(ceil_cb(self.text, q.close + MAX_FWD))
            .max(q.close);
        Site {
            i,
            prev_close,
            before,
            stands_alone,
            candidate_term: self.candidate_term(i, stands_alone),
            after_end: self.sent_end(q.close, lim),
        }
    }

    /// Try the rules in order (see the module docs).
    fn find(&self, site: &Site, attrs: &[Attr<'a>]) -> Credit<'a> {
        // 1. `“…,” Albence said`
        if let Some(f) = self.verb_after(site) {
            return Credit {
                via_after: true,
                ..self.credit(&f, attrs)
            };
        }
        // 1b. `“…” — Jane Doe, immigration attorney`
        if let Some(f) = self.dash_credit(site) {
            return self.credit(&f, attrs);
        }
        // 2. inside a sentence: `“Stop,” Lucero said, “or …”`, `Goldstein said that “…”`
        if !site.stands_alone {
            if let Some(sp) = self.same_sentence_continuation(site, attrs) {
                return Credit::continuation(sp);
            }
            return match self.verb_before(site) {
                Some(f) => {
                    let c = self.credit(&f, attrs);
                    if f.rule == Rule::QuotedLabel
                        && !quoted_label::named_user(&f, c.speaker.as_ref())
                    {
                        return Credit::unattributed();
                    }
                    c
                }
                None => match self.follow_on(site, attrs) {
                    Some(sp) => Credit::continuation(sp),
                    None => Credit::unattributed(),
                },
            };
        }
        // 3. opening its sentence: more of the previous quote, else the sentence before
        if let Some(sp) = self.continuation(site, attrs) {
            return Credit::continuation(sp);
        }
        if !site.candidate_term {
            if let Some(f) = self.previous_sentence(site) {
                let c = self.credit(&f, attrs);
                if c.speaker.is_some() {
                    return c;
                }
            }
        }
        Credit::unattributed()
    }

    /// Resolve a found phrase (a pronoun to its antecedent) and label it.
    pub(in crate::quotes) fn credit(&self, f: &Found, attrs: &[Attr<'a>]) -> Credit<'a> {
        let (speaker, via_pronoun) = match f.np.who {
            Who::Pron(p) => (self.resolve_pron(p, f.anchor, attrs), true),
            _ => (self.resolve_np(&f.np), false),
        };
        Credit {
            rule: label(f, speaker.as_ref(), via_pronoun),
            speaker,
            cue: f.cue,
            framing: f.framing,
            via_after: false,
        }
    }
}

/// The rule a quotation is reported under, most specific first.
fn label(f: &Found, speaker: Option<&Resolved<'_>>, via_pronoun: bool) -> Rule {
    match speaker {
        None => Rule::Unattributed,
        Some(r) if document::credits_document(f, r) => Rule::Document,
        Some(_) if via_pronoun => Rule::Pronoun,
        Some(_)
            if matches!(
                f.rule,
                Rule::SpeakerBeforeColon
                    | Rule::PreviousSentence
                    | Rule::QuotedLabel
                    | Rule::DashCredit
            ) =>
        {
            f.rule
        }
        Some(_) if f.appos => Rule::Appositive,
        Some(_) => f.rule,
    }
}
