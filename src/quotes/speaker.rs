//! From a noun phrase to a speaker. A roster actor keeps its canonical name and side; a
//! name outside the roster keeps its written form and counts as unaligned, a bare surname
//! becoming the full name the article introduced earlier ("Tom Reyes … Reyes said"); a
//! pronoun or a document with no known issuer is no speaker here (pronouns are resolved
//! by `rules/pronoun.rs`).

use std::borrow::Cow;

use super::chars::ceil_cb;
use super::context::Ctx;
use super::np::{Np, Who};
use super::quote::QuoteSide;
use super::roster::Roster;
use super::tokens::{is_acronym, is_cap};
use super::word_lists::{FUNCTION, MONTHS_DAYS, TITLES};
use super::word_lookup::{in_list, in_list_nodot};
use crate::lexicon::ActorKind;
use crate::scan::Kernels;
use crate::text::words::is_alnum;

/// At most this many surnames are looked up per article.
const MAX_SURNAMES: usize = 256;
/// How far back a surname's full name is looked for.
const SURNAME_WINDOW: usize = 30_000;

/// A speaker: roster names are borrowed, so that carrying one from quote to quote
/// (continuations, pronoun antecedents) copies nothing.
#[derive(Debug, Clone)]
pub(super) struct Resolved<'a> {
    pub(super) name: Cow<'a, str>,
    pub(super) side: QuoteSide,
    pub(super) kind: ActorKind,
    pub(super) plural: bool,
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// The speaker a noun phrase names, if any.
    pub(super) fn resolve_np(&self, np: &Np) -> Option<Resolved<'a>> {
        let roster: &'a Roster = self.roster;
        match &np.who {
            Who::Actor(i) => {
                let a = &roster.actors[*i];
                Some(Resolved {
                    name: Cow::Borrowed(&a.name),
                    side: a.side,
                    kind: a.kind,
                    plural: a.kind == ActorKind::Role && a.name.ends_with('s'),
                })
            }
            Who::Named(name, kind, plural) => Some(Resolved {
                name: Cow::Owned(
                    if *kind == ActorKind::Person && !name.contains(char::is_whitespace) {
                        self.full_name(name, np.s).unwrap_or_else(|| name.clone())
                    } else {
                        name.clone()
                    },
                ),
                side: QuoteSide::Unaligned,
                kind: *kind,
                plural: *plural,
            }),
            Who::Pron(_) | Who::DocUnknown => None,
        }
    }

    /// A bare surname of someone not in the roster is expanded to the full
    /// name the article introduced earlier ("Tom Reyes … Reyes said").
    fn full_name(&self, surname: &str, before: usize) -> Option<String> {
        if let Some(hit) = self.full_names.borrow().get(surname) {
            return hit.clone();
        }
        if self.full_names.borrow().len() >= MAX_SURNAMES {
            return None;
        }
        let t = self.text;
        let lo = ceil_cb(t, before.saturating_sub(SURNAME_WINDOW));
        let hay = &t[lo..before.min(t.len())];
        let mut found = None;
        for (k, _) in hay.match_indices(surname).take(64) {
            let s = lo + k;
            let e = s + surname.len();
            if t[e..].chars().next().is_some_and(is_alnum) {
                continue;
            }
            // up to two capitalized given names right before, same line
            let mut start = s;
            let mut given = 0;
            while given < 2 {
                let pre = &t[..start];
                let Some(pre) = pre.strip_suffix(' ') else {
                    break;
                };
                let w: String = pre
                    .chars()
                    .rev()
                    .take_while(|c| is_alnum(*c) || *c == '.' || *c == '-')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let ok = is_cap(&w)
                    && !in_list_nodot(TITLES, &w)
                    && !in_list(FUNCTION, &w)
                    && !in_list_nodot(MONTHS_DAYS, &w)
                    && !is_acronym(&w)
                    && (!w.ends_with('.') || w.chars().filter(|c| c.is_alphabetic()).count() == 1);
                if !ok {
                    break;
                }
                start = pre.len() - w.len();
                given += 1;
            }
            if given > 0 {
                found = Some(t[start..e].to_string());
                break;
            }
        }
        self.full_names
            .borrow_mut()
            .insert(surname.to_string(), found.clone());
        found
    }
}
