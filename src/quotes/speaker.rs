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
            Who::Named(name, ActorKind::Role, false) if np.s > 0 => {
                // "the senator" → the person last introduced as "Sen. Ted Cruz"
                if let Some(r) = self.title_holder(name, np.s) {
                    return Some(r);
                }
                Some(Resolved {
                    name: Cow::Owned(name.clone()),
                    side: QuoteSide::Unaligned,
                    kind: ActorKind::Role,
                    plural: false,
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

    /// The person last introduced before `before` with the title a singular role phrase
    /// ends in ("the senator" after "Sen. Ted Cruz", "the Texas governor" after "Gov. Greg
    /// Abbott"): the title, capitalized or abbreviated, then one to three capitalized
    /// words, within [`SURNAME_WINDOW`] bytes. A roster name there is that actor.
    fn title_holder(&self, role: &str, before: usize) -> Option<Resolved<'a>> {
        let words: Vec<&str> = role.split_whitespace().collect();
        if words.len() > 3 || (words.len() == 1 && is_cap(words[0])) {
            return None;
        }
        let title = words.last()?.to_ascii_lowercase();
        let forms: &[&str] = match title.as_str() {
            "senator" => &["Senator", "Sen."],
            "governor" => &["Governor", "Gov."],
            "representative" | "congressman" | "congresswoman" => {
                &["Representative", "Rep.", "Congressman", "Congresswoman"]
            }
            "president" => &["President"],
            "mayor" => &["Mayor"],
            "secretary" => &["Secretary"],
            "sheriff" => &["Sheriff"],
            "judge" => &["Judge"],
            "commissioner" => &["Commissioner"],
            "director" => &["Director"],
            "chairman" | "chairwoman" | "chair" => &["Chairman", "Chairwoman", "Chair"],
            "attorney" => &["Attorney"],
            _ => return None,
        };
        let t = self.text;
        let lo = ceil_cb(t, before.saturating_sub(SURNAME_WINDOW));
        let hay = &t[lo..before.min(t.len())];
        let mut best: Option<(usize, usize)> = None;
        for f in forms {
            for k in occurrences(hay, f).take(64) {
                let s = lo + k + f.len();
                if t[..lo + k].chars().next_back().is_some_and(is_alnum) {
                    continue;
                }
                // two or three capitalized words after it, on the same line
                let lim = before.min(t.len());
                let mut at = s;
                let mut end = s;
                let mut n = 0;
                while n < 3 && t[at..lim].starts_with(' ') {
                    let ws = at + 1;
                    let we = t[ws..lim]
                        .find(|c: char| !(is_alnum(c) || matches!(c, '.' | '-' | '\'' | '’')))
                        .map_or(lim, |p| ws + p);
                    let w = &t[ws..we];
                    let ok = is_cap(w)
                        && !in_list_nodot(TITLES, w)
                        && !in_list(FUNCTION, w)
                        && !in_list_nodot(MONTHS_DAYS, w);
                    if !ok {
                        break;
                    }
                    // a sentence's period is no part of the name
                    end = if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1
                    {
                        we - 1
                    } else {
                        we
                    };
                    at = we;
                    n += 1;
                }
                let start = s + 1;
                if n >= 2 && best.is_none_or(|(b, _)| start > b) {
                    best = Some((start, end));
                }
            }
        }
        let (s, e) = best?;
        if let Some(m) = self.mentions(s, e).into_iter().find(|m| m.e == e) {
            let a = &self.roster.actors[m.actor];
            return Some(Resolved {
                name: Cow::Borrowed(&a.name),
                side: a.side,
                kind: a.kind,
                plural: false,
            });
        }
        Some(Resolved {
            name: Cow::Owned(t[s..e].to_string()),
            side: QuoteSide::Unaligned,
            kind: ActorKind::Person,
            plural: false,
        })
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
        for k in occurrences(hay, surname).take(64) {
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

/// Where each non-overlapping occurrence of `needle` starts in `hay`, in order, as
/// `hay.match_indices(needle)` finds them, but with memchr's vectorised search: names
/// are looked for in up to [`SURNAME_WINDOW`] bytes. (An empty needle, which no caller
/// passes, is left to `match_indices`: it matches at char boundaries only.)
fn occurrences<'h>(hay: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let fast =
        (!needle.is_empty()).then(|| memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes()));
    let empty = needle
        .is_empty()
        .then(|| hay.match_indices(needle).map(|(k, _)| k));
    fast.into_iter()
        .flatten()
        .chain(empty.into_iter().flatten())
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn occurrences_are_match_indices() {
        let hay = "Reyes, Tom Reyes and ReyesReyes; Sen. Park said: ÉéReyes é";
        for needle in [
            "Reyes",
            "ReyesReyes",
            "Sen.",
            "é",
            "s",
            " ",
            "",
            "Park said",
            "x",
        ] {
            let want: Vec<usize> = hay.match_indices(needle).map(|(k, _)| k).collect();
            let got: Vec<usize> = super::occurrences(hay, needle).collect();
            assert_eq!(got, want, "{needle:?}");
        }
    }

    #[test]
    fn a_title_alone_is_the_person_last_introduced_with_it() {
        let t = "Sen. Ted Cruz (R-Texas) spoke on Monday. Later, the crowd left.\n\n“We will win this state and the next one too,” the Texas senator said.";
        assert_eq!(speaker(&run(t)[0]), Some("Ted Cruz"));
        let t = "Gov. Ellen Park spoke first.\n\n“We will win this state and the next one too,” the governor said.";
        assert_eq!(speaker(&run(t)[0]), Some("Ellen Park"));
        // nobody introduced with it: the role as written
        let t = "“We will win this state and the next one too,” the senator said.";
        assert_eq!(speaker(&run(t)[0]), Some("senator"));
    }

    #[test]
    fn one_person_under_two_names_is_one_speaker() {
        let t = "“We feed everyone who comes to the door,” said Sister Norma Pimentel of Catholic Charities of the Rio Grande.\n\n“Nobody is turned away, nobody at all,” Pimentel said.";
        let qs = run(t);
        assert_eq!(speaker(&qs[0]), Some("Norma Pimentel"));
        assert_eq!(speaker(&qs[1]), Some("Norma Pimentel"));
    }
}
