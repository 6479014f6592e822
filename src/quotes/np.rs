//! Noun-phrase reading: what a span of words names. A pronoun (he/she, it, they); a
//! roster actor ("the tenants union", "Lucero"); a role or organisation phrase whose
//! modifier is a roster organisation ("a senior ICE official" → ICE, "a spokeswoman for
//! the coalition"); a document with or without a known issuer ("a statement from ICE",
//! "a press release"); a capitalized name without its titles ("Sen. Maria Cantwell" →
//! Maria Cantwell, "Acting ICE Director Matthew Albence"); or a role phrase kept as
//! written, with a short place after it ("City officials in Denver"). Months, weekdays,
//! function words, sentence adverbs and coordinated subjects are never names. Which
//! phrase belongs to a cue is [`super::subject`]'s business.

use super::context::Ctx;
use super::first_names::gender_of;
use super::tokens::{is_acronym, is_cap, is_lower, is_possessive, strip_possessive, Tk, Tok};
use super::word_lists::{
    CLAUSE_BOUNDARY, CONNECTORS, DETERMINERS, DOC_HEADS, FUNCTION, LEAD_ADV, MONTHS_DAYS,
    ORG_HEADS, ORG_WORDS, PARTICLES, PREPS, REP_HEADS, ROLE_HEADS, SAY_FINITE, SAY_ING, TITLES,
};
use super::word_lookup::{in_list, in_list_nodot, in_set, lc, lc_bits, lc_is};
use crate::lexicon::ActorKind;
use crate::scan::Kernels;

/// A personal pronoun, by what it can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pron {
    /// he
    He,
    /// she
    She,
    /// it
    It,
    /// they
    They,
}

/// What a noun phrase names.
#[derive(Debug, Clone)]
pub(super) enum Who {
    /// A roster actor (index).
    Actor(usize),
    /// A name or role phrase outside the roster, as written, with its kind and whether it
    /// is plural.
    Named(String, ActorKind, bool),
    /// A pronoun, resolved later.
    Pron(Pron),
    /// A document with no known issuer: no speaker.
    DocUnknown,
}

/// A noun phrase read as a possible speaker.
#[derive(Debug, Clone)]
pub(super) struct Np {
    pub(super) who: Who,
    /// A proper name (as opposed to a role or document phrase).
    pub(super) proper: bool,
    /// Found through a document head ("a statement from ICE").
    pub(super) doc: bool,
    /// Where the phrase starts.
    pub(super) s: usize,
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Classify a token span that should be a noun phrase naming a speaker.
    pub(super) fn classify(&self, seg: &[Tok]) -> Option<Np> {
        let mut seg = seg;
        while let Some(t) = seg.first() {
            match t.k {
                Tk::Punct(_) => seg = &seg[1..],
                Tk::Word if seg.len() > 1 && in_list(LEAD_ADV, self.w(t)) => seg = &seg[1..],
                _ => break,
            }
        }
        while let Some(t) = seg.last() {
            if matches!(t.k, Tk::Punct(_)) {
                seg = &seg[..seg.len() - 1];
            } else {
                break;
            }
        }
        if seg.is_empty() || seg.len() > 16 || seg.iter().any(|t| t.k != Tk::Word) {
            return None;
        }
        let s0 = seg[0].s;
        if seg.len() == 1 {
            let w0 = self.w(&seg[0]);
            let p = if lc_is(w0, &["he"]) {
                Some(Pron::He)
            } else if lc_is(w0, &["she"]) {
                Some(Pron::She)
            } else if lc_is(w0, &["it"]) {
                Some(Pron::It)
            } else if lc_is(w0, &["they"]) {
                Some(Pron::They)
            } else {
                None
            };
            if let Some(p) = p {
                return Some(Np {
                    who: Who::Pron(p),
                    proper: false,
                    doc: false,
                    s: s0,
                });
            }
        }
        // split the head from a trailing prepositional phrase, keeping
        // name-internal prepositions ("Center for Immigration Studies")
        let n = seg.len();
        let mut k = n;
        for i in 1..n {
            let wi = self.w(&seg[i]);
            if is_lower(wi) && in_list(PREPS, wi) {
                let nx = seg.get(i + 1).map(|t| self.w(t));
                let nx2 = seg.get(i + 2).map(|t| self.w(t));
                // ("Ellen Park on Friday": a weekday or month is no part of a name)
                let internal = is_cap(self.w(&seg[i - 1]))
                    && (nx.is_some_and(|w| is_cap(w) && !in_list_nodot(MONTHS_DAYS, w))
                        || (nx == Some("the") && nx2.is_some_and(is_cap)));
                if !internal {
                    k = i;
                    break;
                }
            }
        }
        let head = &seg[..k];
        let pp = &seg[k..];
        // an article inside the head starts a second noun phrase ("the union
        // called the ruling"), unless a name connector precedes it
        // ("Department of the Treasury")
        if head.iter().enumerate().skip(1).any(|(i, t)| {
            matches!(self.w(t), "the" | "a" | "an") && !in_list(CONNECTORS, self.w(&head[i - 1]))
        }) {
            return None;
        }
        let last = head.last()?;
        let lw = self.w(last);
        let hs = head[0].s;
        let he = last.e;
        let ments = self.mentions(hs, he);
        if let Some(m) = ments.iter().filter(|m| m.e == he).max_by_key(|m| m.e - m.s) {
            let kind = self.roster.actors[m.actor].kind;
            let before: Vec<&Tok> = head.iter().take_while(|t| t.e <= m.s).collect();
            if before.len() > 5 || before.iter().any(|t| self.junk_before_name(t)) {
                return None;
            }
            return Some(Np {
                who: Who::Actor(m.actor),
                proper: matches!(kind, ActorKind::Person | ActorKind::Organization),
                doc: kind == ActorKind::Document,
                s: hs,
            });
        }
        if is_cap(lw) && !is_possessive(lw) && !in_list(ROLE_HEADS, lw) {
            return self.name_np(head);
        }
        let base_bits = lc_bits(strip_possessive(lw));
        let is_org = base_bits & ORG_HEADS.0 != 0;
        let is_role = base_bits & ROLE_HEADS.0 != 0;
        let is_doc = base_bits & DOC_HEADS.0 != 0;
        if !(is_role || is_doc || is_org)
            || head.len() > 7
            || head[..head.len() - 1]
                .iter()
                .any(|t| self.junk_before_name(t))
        {
            return None;
        }
        if base_bits & REP_HEADS.0 != 0 {
            let modifier = ments
                .iter()
                .rfind(|m| {
                    m.e <= last.s
                        && matches!(
                            self.roster.actors[m.actor].kind,
                            ActorKind::Organization | ActorKind::Person
                        )
                })
                .copied();
            let in_pp =
                if pp.len() >= 2 && lc_is(self.w(&pp[0]), &["for", "at", "with", "from", "by"]) {
                    let first = if self.w(&pp[1]) == "the" {
                        pp.get(2)
                    } else {
                        pp.get(1)
                    };
                    first.and_then(|f| {
                        self.mentions(f.s, pp[pp.len() - 1].e)
                            .into_iter()
                            .find(|m| {
                                m.s == f.s
                                    && self.roster.actors[m.actor].kind == ActorKind::Organization
                            })
                    })
                } else {
                    None
                };
            if let Some(m) = modifier.or(in_pp) {
                return Some(Np {
                    who: Who::Actor(m.actor),
                    proper: false,
                    doc: is_doc,
                    s: hs,
                });
            }
        }
        if is_doc {
            return Some(Np {
                who: Who::DocUnknown,
                proper: false,
                doc: true,
                s: hs,
            });
        }
        // as-written role phrase, without leading determiners; keep a short
        // "in Denver"-style place after it
        let mut st = 0;
        while st + 1 < head.len() && in_list(DETERMINERS, self.w(&head[st])) {
            st += 1;
        }
        let mut end = he;
        if (2..=4).contains(&pp.len())
            && lc_is(self.w(&pp[0]), &["in", "at", "for", "from", "with"])
            && pp[1..].iter().all(|t| {
                let w = self.w(t);
                (is_cap(w) || in_list(CONNECTORS, w)) && !in_list_nodot(MONTHS_DAYS, w)
            })
            && is_cap(self.w(&pp[1]))
        {
            end = pp[pp.len() - 1].e;
        }
        Some(Np {
            who: Who::Named(
                self.text[head[st].s..end].to_string(),
                if is_org {
                    ActorKind::Organization
                } else {
                    ActorKind::Role
                },
                !is_org && {
                    let base = lc(strip_possessive(lw));
                    base.ends_with('s') || base == "police" || base == "people"
                },
            ),
            proper: false,
            doc: false,
            s: hs,
        })
    }

    /// A word that cannot precede a speaker's name inside its noun phrase
    /// ("what de Blasio", "no matter …", "Goldstein and Lucero"): negations,
    /// comparisons, coordinations, clause openers and speech verbs.
    fn junk_before_name(&self, t: &Tok) -> bool {
        let w = self.w(t);
        if !is_lower(w) {
            return false;
        }
        // coordinated subjects ("Goldstein and Lucero") are not guessed at
        matches!(
            w,
            "no" | "not" | "than" | "without" | "unlike" | "like" | "and" | "or" | "nor"
        ) || in_list(CLAUSE_BOUNDARY, w)
            || in_set(SAY_FINITE, w)
            || in_set(SAY_ING, w)
    }

    /// The noun phrase ending a token span ("… was used by Lucero" → Lucero),
    /// longest candidate first; candidates start at a capitalized word, a
    /// determiner or a pronoun.
    pub(super) fn trailing_np(&self, seg: &[Tok]) -> Option<Np> {
        let n = seg.len();
        (n.saturating_sub(8)..n)
            .filter(|&st| {
                seg[st].k == Tk::Word && {
                    let w = self.w(&seg[st]);
                    is_cap(w)
                        || in_list(DETERMINERS, w)
                        || in_list(PARTICLES, w)
                        || lc_is(w, &["he", "she", "it", "they"])
                }
            })
            .find_map(|st| self.classify(&seg[st..]))
    }

    /// A description with a preposition in it, then a name: "Sirius XM vice president
    /// for news and talk Dave Gorab", "conservative commentator Jonah Goldberg"… The
    /// name is a run of two or three capitalized words after a lowercase word that is no
    /// preposition, connector or determiner; a roster name there is that actor.
    pub(super) fn name_after_role(&self, seg: &[Tok]) -> Option<Np> {
        let n = seg.len();
        let r = (0..n)
            .rev()
            .take_while(|&i| is_cap(self.w(&seg[i])))
            .last()?;
        if !(2..=3).contains(&(n - r)) || r == 0 {
            return None;
        }
        let pw = self.w(&seg[r - 1]);
        let has_prep = seg[..r]
            .iter()
            .any(|t| is_lower(self.w(t)) && in_list(PREPS, self.w(t)));
        if !has_prep
            || !is_lower(pw)
            || in_list(PREPS, pw)
            || in_list(CONNECTORS, pw)
            || in_list(DETERMINERS, pw)
            || in_list(FUNCTION, pw)
            || seg[r..].iter().any(|t| {
                let x = strip_possessive(self.w(t));
                in_list_nodot(ORG_WORDS, x)
                    || in_list_nodot(MONTHS_DAYS, x)
                    || is_possessive(self.w(t))
            })
        {
            return None;
        }
        let (s, e) = (seg[r].s, seg[n - 1].e);
        if let Some(m) = self.mentions(s, e).into_iter().find(|m| m.e == e) {
            return Some(Np {
                who: Who::Actor(m.actor),
                proper: true,
                doc: false,
                s: seg[0].s,
            });
        }
        self.name_np(seg)
    }

    /// A capitalized name ending the head: "spokeswoman Freddi Goldstein",
    /// "Acting ICE Director Matthew Albence", "Mayor Bill de Blasio".
    fn name_np(&self, head: &[Tok]) -> Option<Np> {
        let w = |i: usize| self.w(&head[i]);
        let mut j = head.len() - 1;
        while j > 0 {
            let pw = w(j - 1);
            let particle = in_list(PARTICLES, pw) && (is_cap(w(j)) || in_list(PARTICLES, w(j)));
            let connector = in_list(CONNECTORS, pw)
                && is_lower(pw)
                && j >= 2
                && (is_cap(w(j - 2))
                    || (in_list(CONNECTORS, w(j - 2)) && j >= 3 && is_cap(w(j - 3))));
            if is_cap(pw) || particle || connector {
                j -= 1;
            } else {
                break;
            }
        }
        // a longer description before the name must end in a lowercase role word
        // ("Republican National Committee chairman Reince Priebus", "Trump senior
        // communications adviser Jason Miller")
        if j > 3 && (j > 12 || !is_lower(w(j - 1))) {
            return None;
        }
        if j > 0 && in_list(PREPS, w(j - 1)) {
            return None;
        }
        // "and"/"or" coordinate names only before a capitalized word ("Goldstein and
        // Lucero"), not in a description ("vice president for news and talk")
        if (0..j).any(|i| {
            self.junk_before_name(&head[i]) && (!matches!(w(i), "and" | "or") || is_cap(w(i + 1)))
        }) {
            return None;
        }
        let toks = &head[j..];
        let n = toks.len();
        let mut a = 0;
        // "ICE’s Acting Director Matthew Albence" → after the possessive
        // (but "U.S. Attorney's Office" stays whole)
        for (i, t) in toks[..n - 1].iter().enumerate() {
            if is_possessive(self.w(t)) && n - (i + 1) >= 2 {
                a = i + 1;
            }
        }
        // "Police Commissioner Dermot Shea" → the plain name after the last
        // title word ("Office of the Attorney General" stays whole)
        if let Some(i) = (a..n - 1)
            .rev()
            .find(|&i| in_list_nodot(TITLES, self.w(&toks[i])))
        {
            let plain = toks[i + 1..].iter().all(|t| {
                let x = strip_possessive(self.w(t));
                is_cap(x) && !in_list_nodot(TITLES, x) && !in_list_nodot(ORG_WORDS, x)
            });
            if plain {
                a = i + 1;
            }
        }
        let mut started_the = false;
        while a + 1 < n {
            let x = self.w(&toks[a]);
            let strip = in_list_nodot(TITLES, x)
                || in_list(FUNCTION, x)
                || in_list_nodot(MONTHS_DAYS, x)
                || (is_lower(x) && in_list(CONNECTORS, x) && !in_list(PARTICLES, x))
                || (is_acronym(x) && a + 2 < n);
            if !strip {
                break;
            }
            if lc_is(x, &["the"]) {
                started_the = true;
            }
            a += 1;
        }
        let mut b = n;
        while b > a + 1 && in_list_nodot(MONTHS_DAYS, self.w(&toks[b - 1])) {
            b -= 1;
        }
        let first = self.w(&toks[a]);
        if b - a == 1
            && (in_list(FUNCTION, first)
                || in_list_nodot(MONTHS_DAYS, first)
                || in_list_nodot(TITLES, first)
                || in_list(LEAD_ADV, first))
        {
            return None;
        }
        if in_list(FUNCTION, first) || in_list_nodot(MONTHS_DAYS, first) {
            return None;
        }
        let mut name_toks = &toks[a..b];
        // "Norma Pimentel of Catholic Charities": a person's name (it opens with a given
        // name) ends before "of" / "at" / "for" and the organisation
        if let Some(p) = name_toks
            .iter()
            .position(|t| matches!(self.w(t), "of" | "at" | "for"))
            .filter(|&p| (2..=3).contains(&p))
        {
            let person = &self.text[name_toks[0].s..name_toks[p - 1].e];
            if gender_of(person).is_some() {
                name_toks = &name_toks[..p];
            }
        }
        let org = started_the
            || name_toks
                .iter()
                .any(|t| in_list_nodot(ORG_WORDS, strip_possessive(self.w(t))))
            || (name_toks.len() == 1 && is_acronym(self.w(&name_toks[0])));
        let name = self.text[name_toks[0].s..name_toks[name_toks.len() - 1].e].to_string();
        Some(Np {
            who: Who::Named(
                name,
                if org {
                    ActorKind::Organization
                } else {
                    ActorKind::Person
                },
                false,
            ),
            proper: true,
            doc: false,
            s: head[0].s,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, side_of, speaker};

    #[test]
    fn long_descriptions_before_a_name_are_dropped() {
        for (t, who) in [
            ("“The evidence is clear, and it is time,” Republican National Committee chairman Reince Priebus said.", "Reince Priebus"),
            ("Trump senior communications adviser Jason Miller said in a statement that the plan “is working.”", "Jason Miller"),
            ("Satellite radio vice president for news and talk Dave Gorab called the show “the news show of record.”", "Dave Gorab"),
            ("As Politico reported, “the people here would vote for him in a landslide if they could.”", "Politico"),
        ] {
            assert_eq!(speaker(&run(t)[0]), Some(who), "{t}");
        }
    }

    #[test]
    fn role_phrases_match_roster_roles_or_stay_as_written() {
        let t = "“We have reviewed the request and we will respond,” city officials said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), side_of(q)),
            (Some("city officials"), Some("local_gov"))
        );
        let t = "“We have reviewed the request and we will respond,” a senior Housing Authority official told reporters.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Housing Authority"));
        let t = "“We have reviewed the request and we will respond,” the mayor’s office said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), side_of(q)),
            (Some("mayor’s office"), Some("unaligned"))
        );
    }

    #[test]
    fn names_reject_months_weekdays_and_function_words() {
        for t in [
            "“The vote was postponed until further notice,” January said.",
            "“The vote was postponed until further notice,” said Friday.",
            "“The vote was postponed until further notice,” However said.",
            "“The vote was postponed until further notice,” The said.",
        ] {
            let q = &run(t)[0];
            assert_eq!(speaker(q), None, "{t}");
        }
        let t = "“We are watching this case very closely,” said J.R. Ewing.";
        assert_eq!(speaker(&run(t)[0]), Some("J.R. Ewing"));
        let t = "“We are watching this case very closely,” van der Berg said Tuesday.";
        assert_eq!(speaker(&run(t)[0]), Some("van der Berg"));
        // "even" may precede a name; a coordinated subject is not guessed
        let t = "“We are watching this case very closely,” even Lucero said.";
        assert_eq!(speaker(&run(t)[0]), Some("Henry Lucero"));
        let t = "“We are watching this case very closely,” Park and Lucero said.";
        assert_eq!(speaker(&run(t)[0]), None);
        let t = "“We are watching this case very closely,” Mayor Lena Cruz said.";
        assert_eq!(speaker(&run(t)[0]), Some("Lena Cruz"));
    }
}
