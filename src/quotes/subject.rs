//! Which phrase speaks for a cue. Before a finite cue, the subject of its clause: past
//! auxiliaries and adverbs ("has repeatedly said"), back to the clause boundary, through
//! a relative clause to its antecedent ("Lucero, who said"), choosing between a name and
//! its appositive (see [`super::appositive`]), dropping adverbial segments ("In an
//! email on Jan. 18,"); a coordinated subject ("Park and Lucero said") is not guessed.
//! After an inverted cue or "according to"/"quoting", the phrase that follows it. A
//! participle takes the subject of the finite cue before it, else the sentence subject.
//! What a phrase names is [`super::np`]'s business.

use super::appositive;
use super::context::Ctx;
use super::cues::Form;
use super::np::{Np, Who};
use super::tokens::{is_cap, is_lower, Tk, Tok};
use super::word_lists::{
    AUX_ADV, CLAUSE_BOUNDARY, CONNECTORS, DETERMINERS, LEAD_ADV, MONTHS_DAYS, PARTICLES, PREPS,
};
use super::word_lookup::{in_list, in_list_nodot, lc_is};
use crate::scan::Kernels;

/// The subject found for a cue.
pub(super) enum Subj {
    /// A phrase, and whether an appositive came with it.
    Found(Np, bool),
    /// "X and Y said": not guessed (the caller may look further back).
    Coordinated,
    Nothing,
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Speaker phrase after a cue ("said Henry Lucero, acting …",
    /// "according to ICE", "quoting Matthew Albence"). Returns the phrase and
    /// whether an appositive follows it.
    pub(super) fn np_forward(&self, toks: &[Tok], mut i: usize) -> Option<(Np, bool)> {
        while i < toks.len() && matches!(toks[i].k, Tk::Punct(',' | ':')) {
            i += 1;
        }
        let st = i;
        let mut j = i;
        while j < toks.len() && j - st < 10 && toks[j].k == Tk::Word {
            let w = self.w(&toks[j]);
            if j > st
                && (self.is_cue_word(toks, j)
                    || lc_is(w, &["that", "who", "which", "whose", "whom"]))
            {
                break;
            }
            j += 1;
        }
        for e in (st + 1..=j).rev() {
            if let Some(np) = self.classify(&toks[st..e]) {
                return Some((np, self.appositive_follows(toks, e)));
            }
        }
        None
    }

    /// Sentence subject, for a participle with no finite cue before it
    /// ("U.S. Immigration and Customs Enforcement served … requesting …").
    pub(super) fn np_initial(&self, toks: &[Tok]) -> Option<(Np, bool)> {
        let mut i = 0;
        if let Some(w) = self.word(toks, 0) {
            if in_list(PREPS, w) || in_list(LEAD_ADV, w) {
                if let Some(c) = toks.iter().take(12).position(|t| t.k == Tk::Punct(',')) {
                    i = c + 1;
                }
            }
        }
        while self.word(toks, i).is_some_and(|w| in_list(LEAD_ADV, w)) {
            i += 1;
        }
        self.np_forward(toks, i)
    }

    /// Subject of the finite cue at `c`. With `tight_from`, every token from
    /// there to the cue must belong to the subject (used after a quote).
    pub(super) fn subject_before(&self, toks: &[Tok], c: usize, tight_from: Option<usize>) -> Subj {
        let lo = tight_from.unwrap_or(0);
        let mut k = c;
        // auxiliaries, adverbs and times ("Priebus later Thursday told")
        while k > lo
            && self.word(toks, k - 1).is_some_and(|w| {
                in_list(AUX_ADV, w)
                    || in_list_nodot(MONTHS_DAYS, w)
                    || lc_is(w, &["today", "yesterday", "tonight"])
                    // "routinely characterizes", "has also broadly called for"
                    || (is_lower(w) && w.len() > 4 && w.ends_with("ly"))
                    || (is_lower(w) && lc_is(w, &["himself", "herself", "itself", "themselves"]))
            })
        {
            k -= 1;
        }
        if k > lo
            && self
                .word(toks, k - 1)
                .is_some_and(|w| matches!(w, "and" | "but" | "or"))
        {
            return Subj::Coordinated;
        }
        if tight_from.is_some() {
            return self.parse_segments(&toks[lo..k], true);
        }
        if k > 0 && toks[k - 1].k == Tk::Punct(',') {
            // "Ari Fleischer, a former official who also sits on the board of the
            // coalition, said": past the relative clause to the name it describes
            if let Some(np) = self.first_named_segment(toks, k) {
                return Subj::Found(np, true);
            }
        }
        let mut b = k;
        // parentheses walked back into ("Rubio (R-Fla.) said"): nothing in them stops
        let mut depth = 0usize;
        while b > 0 {
            let t = &toks[b - 1];
            let stop = !bracketed(t.k, &mut depth)
                && match t.k {
                    Tk::Quote(_) => true,
                    Tk::Punct(p) => matches!(p, ';' | ':' | '.' | '!' | '?'),
                    Tk::Word => {
                        let w = self.w(t);
                        // a capitalized clause opener opens the sentence ("As Politico reported,")
                        ((is_lower(w) || b == 1) && in_list(CLAUSE_BOUNDARY, w))
                            || self.is_cue_word(toks, b - 1)
                    }
                };
            if stop {
                break;
            }
            b -= 1;
        }
        let rel = b > 0
            && self
                .word(toks, b - 1)
                .is_some_and(|w| matches!(w, "who" | "which"));
        let closed = k > b && toks[k - 1].k == Tk::Punct(',');
        if rel && (closed || !toks[b..k].iter().any(|t| t.k == Tk::Word)) {
            // "…, Lucero, who said “…”", "The NRA, which opposed it, said …":
            // the antecedent before the relative pronoun is the subject
            let mut end = b - 1;
            let mut st;
            loop {
                while end > 0 && matches!(toks[end - 1].k, Tk::Punct(',')) {
                    end -= 1;
                }
                st = toks[..end]
                    .iter()
                    .rposition(|t| t.k != Tk::Word)
                    .map_or(0, |p| p + 1);
                // "Sanders, meanwhile, who …": pass over a sentence adverb
                let adverb = end == st + 1 && in_list(LEAD_ADV, self.w(&toks[st]));
                if !adverb || st == 0 {
                    break;
                }
                end = st;
            }
            return match self.trailing_np(&toks[st..end]) {
                Some(np) => Subj::Found(np, false),
                None => Subj::Nothing,
            };
        }
        self.parse_segments(&toks[b..k], false)
    }

    /// The first comma-separated segment of the clause before a cue at `k` (closed by a
    /// comma), read past relative clauses and descriptions back to a quotation, a
    /// sentence stop or another cue, when that segment is a proper name or a roster actor
    /// (adverbial segments, "In a statement", "However", are passed over).
    fn first_named_segment(&self, toks: &[Tok], k: usize) -> Option<Np> {
        let mut b = k;
        let mut depth = 0usize;
        while b > 0 && k - b < 60 {
            let t = &toks[b - 1];
            let stop = !bracketed(t.k, &mut depth)
                && match t.k {
                    Tk::Quote(_) => true,
                    Tk::Punct(p) => matches!(p, ';' | ':' | '.' | '!' | '?'),
                    // a participle set off by commas describes ("Judge David McKeague,
                    // writing for the majority, said")
                    Tk::Word => self
                        .cue_at(toks, b - 1)
                        .is_some_and(|c| c.form != Form::Participle),
                };
            if stop {
                break;
            }
            b -= 1;
        }
        if b > 0 && k - b >= 60 {
            return None;
        }
        let mut depth = 0usize;
        let mut st = b;
        // the first segment that names anything, and the one after it
        let mut first: Option<Np> = None;
        for i in b..k {
            match toks[i].k {
                Tk::Punct('(' | '[') => depth += 1,
                Tk::Punct(')' | ']') => depth = depth.saturating_sub(1),
                Tk::Punct(',' | '—' | '–') if depth == 0 => {
                    let seg: Vec<Tok> = toks[st..i]
                        .iter()
                        .filter(|t| t.k == Tk::Word)
                        .copied()
                        .collect();
                    st = i + 1;
                    let Some(first_word) = seg.first().map(|t| self.w(t)) else {
                        continue;
                    };
                    if first.is_none()
                        && (in_list(PREPS, first_word)
                            || (seg.len() == 1 && in_list(LEAD_ADV, first_word)))
                    {
                        continue;
                    }
                    let np = self.classify(&seg);
                    let named = |np: &Np| np.proper || matches!(np.who, Who::Actor(_));
                    match first.take() {
                        // only the clause's first segment may be its subject…
                        None => match np {
                            Some(np) if np.proper => return Some(np),
                            Some(np) if named(&np) => first = Some(np),
                            _ => return None,
                        },
                        // …unless it is a role and its appositive a name ("the city’s
                        // spokeswoman, Freddi Goldstein, accused")
                        Some(role) => {
                            return Some(match np {
                                Some(np) if np.proper => np,
                                _ => role,
                            })
                        }
                    }
                }
                _ => {}
            }
        }
        first
    }

    /// Split a subject clause at commas/dashes (parentheses dropped), drop
    /// adverbial segments ("In an email on Jan. 18", "However") and pick the
    /// speaker: in `A, B,` + verb one of the two is an appositive, and a
    /// proper name wins over a role or document description.
    fn parse_segments(&self, toks: &[Tok], tight: bool) -> Subj {
        // the words of all segments; each segment's range of them
        let mut words: Vec<Tok> = Vec::with_capacity(toks.len());
        // the number of segments kept, and the ranges of the last two
        let mut n = 0;
        let mut last: [(usize, usize); 2] = [(0, 0); 2];
        let mut keep = |a: usize, b: usize, words: &[Tok]| {
            let s = &words[a..b];
            let Some(first) = s.first().map(|t| self.w(t)) else {
                return;
            };
            if !(in_list(PREPS, first) || (s.len() == 1 && in_list(LEAD_ADV, first))) {
                n += 1;
                last = [last[1], (a, b)];
            }
        };
        let mut cur = 0;
        let mut depth = 0usize;
        let mut trailing = false;
        for t in toks {
            match t.k {
                Tk::Punct('(' | '[') => depth += 1,
                Tk::Punct(')' | ']') => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                Tk::Punct(',' | '—' | '–' | '-') => {
                    keep(cur, words.len(), &words);
                    cur = words.len();
                    trailing = true;
                }
                Tk::Punct(_) => {
                    if tight {
                        return Subj::Nothing;
                    }
                }
                Tk::Quote(_) => return Subj::Nothing,
                Tk::Word => {
                    words.push(*t);
                    trailing = false;
                }
            }
        }
        keep(cur, words.len(), &words);
        let seg = |k: usize| &words[last[k].0..last[k].1];
        if tight && n == 2 && !trailing {
            // "“…,” Nate Silver, the polling guru who founded the site, tweeted" with
            // the second comma missing: the name, when the first part is one
            // ("“Boots on the ground” would be right, candidate Ben Carson said": the
            // name after the rest of the sentence the quote opens)
            let named = |np: &Np| np.proper || matches!(np.who, Who::Actor(_));
            return match (self.classify(seg(0)), self.classify(seg(1))) {
                (Some(np), _) if named(&np) => Subj::Found(np, true),
                (None, Some(np)) if named(&np) => Subj::Found(np, false),
                _ => Subj::Nothing,
            };
        }
        if n == 0 || (tight && n > 2) {
            return Subj::Nothing;
        }
        if trailing && n >= 2 {
            // `A, B,` + verb: one of the two is the other's appositive
            return match appositive::speaker(self.classify(seg(0)), self.classify(seg(1))) {
                Some(np) => Subj::Found(np, true),
                None => Subj::Nothing,
            };
        }
        match self.classify(seg(1)) {
            Some(np) if np.proper => Subj::Found(np, false),
            // "… vice president for news and talk Dave Gorab"
            np => match self.name_after_role(seg(1)).or(np) {
                Some(np) => Subj::Found(np, false),
                None => Subj::Nothing,
            },
        }
    }

    /// The subject of the clause a participle or a coordinated verb at `c` belongs to:
    /// the noun phrase opening the nearest stretch between commas before it that names
    /// somebody, at most four stretches back ("Speaking in Salem, Trump went after Bush,
    /// calling him …" → Trump; "Trump called on her to resign and said …" → Trump).
    pub(super) fn clause_subject(&self, toks: &[Tok], c: usize) -> Option<(Np, bool)> {
        let mut end = c.min(toks.len());
        while end > 0 && toks[end - 1].k == Tk::Punct(',') {
            end -= 1;
        }
        // a name beats a description ("Michael J. Petrilli, president of the institute,
        // tied …, saying")
        let mut described = None;
        for _ in 0..4 {
            let st = toks[..end]
                .iter()
                .rposition(|t| matches!(t.k, Tk::Punct(',' | ';' | '—' | '–') | Tk::Quote(_)))
                .map_or(0, |p| p + 1);
            if st < end {
                if let Some(found) = self.stretch_subject(&toks[st..end]) {
                    if found.0.proper || matches!(found.0.who, Who::Actor(_) | Who::Pron(_)) {
                        return Some(found);
                    }
                    described = described.or(Some(found));
                }
            }
            if st == 0 || matches!(toks[st - 1].k, Tk::Quote(_) | Tk::Punct(';')) {
                break;
            }
            end = st - 1;
        }
        described
    }

    /// The noun phrase opening a stretch of a clause, when it opens with one: a run of
    /// capitalized words ("Trump attacked Romney" → Trump, never the object) or a phrase
    /// after a determiner ("the senator"); a stretch that opens with a verb ("also
    /// attacked billionaire Donald Trump") has none.
    fn stretch_subject(&self, toks: &[Tok]) -> Option<(Np, bool)> {
        let mut i = 0;
        while self.word(toks, i).is_some_and(|w| in_list(LEAD_ADV, w)) {
            i += 1;
        }
        let w = self.word(toks, i)?;
        if in_list(PREPS, w) {
            // "In a Fox interview later that day, Trump …" is passed by `np_initial`
            return self.np_initial(toks);
        }
        if is_cap(w) {
            // (with the small words of names: "U.S. Immigration and Customs
            // Enforcement", "Bill de Blasio")
            let mut j = i;
            while j < toks.len() && toks[j].k == Tk::Word && {
                let w = self.w(&toks[j]);
                let next_cap = self.word(toks, j + 1).is_some_and(is_cap);
                is_cap(w) || in_list(PARTICLES, w) || (in_list(CONNECTORS, w) && next_cap)
            } {
                j += 1;
            }
            return self.classify(&toks[i..j]).map(|np| (np, false));
        }
        if in_list(DETERMINERS, w) || lc_is(w, &["he", "she", "it", "they"]) {
            return self.np_forward(toks, i);
        }
        None
    }

    /// Subject of the closest finite cue (or quoting/according-to object)
    /// before token `c`.
    pub(super) fn prev_finite_subject(&self, toks: &[Tok], c: usize) -> Option<(Np, bool)> {
        let mut k = c;
        while k > 0 {
            k -= 1;
            let Some(cue) = self.cue_at(toks, k) else {
                continue;
            };
            match cue.form {
                Form::Finite => match self.subject_before(toks, k, None) {
                    Subj::Found(np, a) => return Some((np, a)),
                    Subj::Coordinated => continue,
                    Subj::Nothing => return None,
                },
                Form::Quoting | Form::According => return self.np_forward(toks, k + cue.len),
                Form::Participle => continue,
            }
        }
        None
    }
}

/// For a walk back over tokens: whether token kind `k` is a bracket or stands inside
/// brackets, where nothing stops the walk ("Rubio (R-Fla.) said"). `depth` counts the
/// closing brackets passed and not yet opened.
fn bracketed(k: Tk, depth: &mut usize) -> bool {
    match k {
        Tk::Punct(')' | ']') => {
            *depth += 1;
            true
        }
        Tk::Punct('(' | '[') => {
            *depth = depth.saturating_sub(1);
            true
        }
        _ => *depth > 0,
    }
}
