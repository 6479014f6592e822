//! Quote extraction and speaker attribution.
//!
//! This module owns the step from raw article text to "who is allowed to
//! speak, and with which words". It finds every quotation (curly, straight
//! and mismatched double quotes, « », „ “, single quotes nested inside double
//! quotes, paired single-quoted terms, multi-paragraph quotations, unclosed
//! quotations bounded to their paragraph), decides whether each one is a
//! [`QuoteKind::Speech`] quote (somebody's words) or a [`QuoteKind::Term`]
//! quote (scare quotes, coined labels, idioms), and attributes speech to a
//! speaker with small, explainable rules whose stable ids end up in
//! [`Quote::rule`]. Speakers are canonicalised against a compiled [`Roster`].
//!
//! Everything works on byte offsets into the original text, runs in roughly
//! linear time (every look-around window is bounded) and never panics.
//!
//! Attribution rules, tried in this order for each quotation:
//!
//! * `verb_after` – a speech cue right after the quote: `“…,” Albence said`,
//!   inverted `“…,” said Albence`, `“…,” according to ICE`.
//! * `verb_before` – a speech cue earlier in the same sentence:
//!   `Goldstein said in an email that “…”`, `De Blasio has accused ICE of
//!   employing “scare tactics”`. A participle (`saying`, `requesting`) takes
//!   the subject of the preceding finite cue, or else the sentence subject.
//! * `speaker_before_colon` – `Albence told reporters: “…”`, `Albence: “…”`,
//!   or a previous paragraph ending in such a colon.
//! * `appositive` – the speaker phrase carried an appositive that was skipped:
//!   `Henry Lucero, a senior ICE official, told The Associated Press` →
//!   Henry Lucero (the addressee and the descriptor are never the speaker).
//! * `pronoun` – the cue's subject is he/she/they/it, resolved to the nearest
//!   fitting speaker in the same or the two previous sentences (subjects of
//!   speech verbs and speakers of earlier quotes first, then roster mentions).
//!   he/she → person (or a singular role), it → organization/document,
//!   they → organization/role. No fitting antecedent → unattributed.
//! * `document` – the speaker is a document (`said a press release`,
//!   `the press release said`, `a statement from ICE`).
//! * `continuation` – a quotation with no cue of its own that directly follows
//!   an attributed speech quote (same sentence, same paragraph, or the next
//!   paragraph with nothing but the previous quote's attribution in between).
//! * `previous_sentence` – a stand-alone quotation whose previous sentence
//!   names the speaker: `…, quoting ICE’s Acting Director Matthew Albence.`, or
//!   `Albence said in a statement.` (a cue with nothing but adverbials after).
//! * `term_quote` – kind `Term`; `unattributed` – no rule found a speaker.
//!
//! Kinds: a quotation of at most four words without sentence-final
//! punctuation is a `Term` unless some rule attributed it to a speaker (then
//! it is a partial quotation, `Speech`: `accused ICE of employing “scare
//! tactics”`). Longer quotations, or short ones ending a sentence, are
//! `Speech` even when nobody can be named. Verbs that merely describe
//! (`described … as an “escalation”`, `so-called`) are not speech cues.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// Input roster entry (the lexicon module converts its actors to this).
#[derive(Debug, Clone)]
pub struct RosterActor {
    /// Canonical name, reported as [`Quote::speaker`].
    pub name: String,
    /// Other spellings; matched case-insensitively on word boundaries.
    pub aliases: Vec<String>,
    /// Side id reported as [`Quote::side`].
    pub side: String,
    /// What the actor is; drives pronoun agreement.
    pub kind: ActorKind,
}

/// What kind of actor a roster entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Organization,
    Role,
    Document,
}

/// Compiled roster, reusable across articles (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Roster {
    actors: Vec<RosterActor>,
    matcher: Option<AhoCorasick>,
    pats: Vec<Pat>,
}

#[derive(Debug, Clone)]
struct Pat {
    actor: usize,
    text: Vec<u8>,
    /// Names of people and organisations must match case exactly except for
    /// the first letter (so "ICE" never matches "ice", "De Blasio" matches).
    strict: bool,
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    s: usize,
    e: usize,
    actor: usize,
}

impl Roster {
    /// Compile a roster. Person names also match by surname ("Lucero",
    /// "de Blasio") unless two people share it.
    pub fn new(actors: &[RosterActor]) -> Roster {
        let mut explicit: HashMap<String, usize> = HashMap::new();
        let mut list: Vec<(String, usize)> = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for p in std::iter::once(&a.name).chain(a.aliases.iter()) {
                let p = p.trim();
                if p.is_empty() {
                    continue;
                }
                let key = p.to_lowercase();
                if !explicit.contains_key(&key) {
                    explicit.insert(key, i);
                    list.push((p.to_string(), i));
                }
            }
        }
        let mut derived: HashMap<String, Option<(String, usize)>> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            if let Some(sur) = surname(&a.name) {
                let key = sur.to_lowercase();
                if explicit.contains_key(&key) {
                    continue;
                }
                match derived.get(&key) {
                    Some(Some((_, j))) if *j != i => {
                        derived.insert(key, None);
                    }
                    Some(_) => {}
                    None => {
                        derived.insert(key, Some((sur, i)));
                    }
                }
            }
        }
        let mut derived: Vec<(String, usize)> = derived.into_values().flatten().collect();
        derived.sort();
        list.extend(derived);
        let mut pats = Vec::new();
        for (p, i) in list {
            let strict = matches!(actors[i].kind, ActorKind::Person | ActorKind::Organization);
            let alt = if p.contains('’') {
                Some(p.replace('’', "'"))
            } else if p.contains('\'') {
                Some(p.replace('\'', "’"))
            } else {
                None
            };
            pats.push(Pat {
                actor: i,
                text: p.into_bytes(),
                strict,
            });
            if let Some(alt) = alt {
                pats.push(Pat {
                    actor: i,
                    text: alt.into_bytes(),
                    strict,
                });
            }
        }
        let matcher = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(pats.iter().map(|p| &p.text))
                .ok()
        };
        Roster {
            actors: actors.to_vec(),
            matcher,
            pats,
        }
    }

    /// Roster mentions inside `text[lo..hi]`, on word boundaries.
    fn mentions(&self, text: &str, lo: usize, hi: usize) -> Vec<Mention> {
        let mut out = Vec::new();
        let Some(ac) = &self.matcher else {
            return out;
        };
        if lo >= hi || hi > text.len() {
            return out;
        }
        for m in ac.find_iter(&text[lo..hi]) {
            let (s, e) = (lo + m.start(), lo + m.end());
            let p = &self.pats[m.pattern().as_usize()];
            let before_ok = text[..s].chars().next_back().is_none_or_not(char::is_alphanumeric);
            let after_ok = text[e..].chars().next().is_none_or_not(char::is_alphanumeric);
            if !before_ok || !after_ok {
                continue;
            }
            if p.strict && !case_ok(&text.as_bytes()[s..e], &p.text) {
                continue;
            }
            out.push(Mention { s, e, actor: p.actor });
        }
        out
    }
}

/// Small helper trait: `Option<char>` is "absent or fails the predicate".
trait NoneOrNot {
    fn is_none_or_not(self, f: fn(char) -> bool) -> bool;
}

impl NoneOrNot for Option<char> {
    fn is_none_or_not(self, f: fn(char) -> bool) -> bool {
        match self {
            None => true,
            Some(c) => !f(c),
        }
    }
}

fn case_ok(found: &[u8], pat: &[u8]) -> bool {
    found.len() == pat.len()
        && found
            .iter()
            .zip(pat)
            .enumerate()
            .all(|(i, (a, b))| if i == 0 { a.eq_ignore_ascii_case(b) } else { a == b })
}

fn surname(name: &str) -> Option<String> {
    let toks: Vec<&str> = name.split_whitespace().collect();
    if toks.len() < 2 {
        return None;
    }
    if let Some(p) = toks
        .iter()
        .skip(1)
        .position(|t| PARTICLES.contains(&t.to_lowercase().as_str()))
    {
        let p = p + 1;
        if p + 1 < toks.len() {
            return Some(toks[p..].join(" "));
        }
    }
    let mut last = toks.len() - 1;
    let suffix = |t: &str| {
        matches!(
            t.trim_end_matches('.').to_lowercase().as_str(),
            "jr" | "sr" | "ii" | "iii" | "iv"
        )
    };
    if suffix(toks[last]) && last >= 2 {
        last -= 1;
    }
    let s = toks[last].trim_end_matches([',', '.']);
    (s.chars().count() >= 3).then(|| s.to_string())
}

/// Whether a quotation is somebody's words or a scare-quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Speech,
    Term,
}

/// One quotation found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (exclusive); for an unclosed
    /// quote, the end of its paragraph (trailing whitespace trimmed).
    pub close: usize,
    /// Start of the text inside the marks.
    pub start: usize,
    /// End of the text inside the marks (for multi-paragraph quotes: inner
    /// end of the last closing mark).
    pub end: usize,
    pub kind: QuoteKind,
    /// Canonical roster name, else the name as written; `None` = unattributed.
    pub speaker: Option<String>,
    /// Roster side, `"unaligned"` for a named speaker not in the roster,
    /// `None` when unattributed or a `Term`.
    pub side: Option<String>,
    /// The cue as written ("said", "according to", "saying", "quoting").
    pub cue: Option<String>,
    /// Which attribution rule fired (see the module docs for the ids).
    pub rule: &'static str,
    /// Words inside the marks.
    pub words: u32,
    /// No closing mark was found; the quote is bounded to its paragraph (or
    /// to the next opening mark in that paragraph).
    pub unclosed: bool,
    /// Inner spans of single-quoted phrases nested inside this quote.
    pub nested: Vec<(usize, usize)>,
}

const MAX_BACK: usize = 600;
const MAX_FWD: usize = 600;

/// Find and attribute every quotation in `text`. Sorted by `open`; quotes
/// never overlap; every offset is on a char boundary of `text`.
pub fn extract(text: &str, roster: &Roster) -> Vec<Quote> {
    let paras = paragraphs(text);
    let mut raws = find_doubles(text, &paras);
    let singles = find_singles(text, &paras, &raws);
    raws.extend(singles);
    raws.sort_by_key(|r| r.open);
    let ctx = Ctx {
        text,
        roster,
        paras,
        raws,
    };
    let mut attrs: Vec<Attr> = Vec::with_capacity(ctx.raws.len());
    for i in 0..ctx.raws.len() {
        let a = ctx.attribute(i, &attrs);
        attrs.push(a);
    }
    ctx.raws
        .into_iter()
        .zip(attrs)
        .map(|(r, a)| Quote {
            open: r.open,
            close: r.close,
            start: r.start,
            end: r.end,
            kind: a.kind,
            side: a.speaker.as_ref().map(|s| s.side.clone()),
            speaker: a.speaker.map(|s| s.name),
            cue: a.cue.map(|(s, e)| text[s..e].to_string()),
            rule: a.rule,
            words: count_words(&text[r.start..r.end]),
            unclosed: r.unclosed,
            nested: r.nested,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct Para {
    s: usize,
    e: usize,
}

fn paragraphs(text: &str) -> Vec<Para> {
    let mut v = Vec::new();
    let mut s = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            v.push(Para { s, e: i });
            s = i + c.len_utf8();
        }
    }
    v.push(Para { s, e: text.len() });
    v
}

fn is_blank(text: &str, p: Para) -> bool {
    text[p.s..p.e].trim().is_empty()
}

/// Position just past the last non-whitespace char of `text[lo..hi]`, or `lo`.
fn trim_end_pos(text: &str, lo: usize, hi: usize) -> usize {
    lo + text[lo..hi].trim_end().len()
}

fn ceil_cb(t: &str, mut i: usize) -> usize {
    if i >= t.len() {
        return t.len();
    }
    while !t.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[derive(Debug, Clone)]
struct Raw {
    open: usize,
    close: usize,
    start: usize,
    end: usize,
    unclosed: bool,
    nested: Vec<(usize, usize)>,
    single: bool,
}

struct OpenQ {
    pos: usize,
    mark: char,
    inner: usize,
    nest_open: Option<usize>,
    nested: Vec<(usize, usize)>,
    last_end: usize,
}

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‛')
}

/// A char after which a quote mark reads as opening.
fn opens_after(p: char) -> bool {
    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '<' | '—' | '–' | '/')
}

/// A char before which a quote mark reads as closing.
fn closes_before(n: char) -> bool {
    n.is_whitespace()
        || matches!(
            n,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '”'
                | '’'
                | '\''
                | '"'
                | '»'
        )
}

fn find_doubles(text: &str, paras: &[Para]) -> Vec<Raw> {
    // next non-blank paragraph index for each paragraph (linear pre-pass)
    let mut next_nb = vec![usize::MAX; paras.len()];
    let mut nxt = usize::MAX;
    for i in (0..paras.len()).rev() {
        next_nb[i] = nxt;
        if !is_blank(text, paras[i]) {
            nxt = i;
        }
    }
    let mut out = Vec::new();
    let mut cur: Option<OpenQ> = None;
    let mut skip_at: Option<usize> = None;
    for (pi, p) in paras.iter().enumerate() {
        let seg = &text[p.s..p.e];
        let mut prev: Option<char> = None;
        let mut it = seg.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let next = it.peek().map(|&(_, n)| n);
            let i = p.s + k;
            if is_double(c) {
                if skip_at == Some(i) {
                    skip_at = None;
                } else {
                    step_double(text, &mut cur, &mut out, i, c, prev, next);
                }
            } else if is_single(c) {
                if let Some(o) = cur.as_mut() {
                    step_single(o, i, c, prev, next);
                }
            }
            prev = Some(c);
        }
        if let Some(o) = cur.as_mut() {
            let te = trim_end_pos(text, p.s, p.e);
            if te > o.last_end {
                o.last_end = te;
            }
            o.nest_open = None;
            let nj = next_nb[pi];
            match paras.get(nj).and_then(|&np| opener_at_start(text, np)) {
                // news convention: the quotation continues in the next paragraph
                Some(pos) => skip_at = Some(pos),
                None => {
                    if let Some(o) = cur.take() {
                        let end = o.last_end;
                        emit(text, o, end, end, true, &mut out);
                    }
                }
            }
        }
    }
    out
}

fn opener_at_start(text: &str, p: Para) -> Option<usize> {
    let seg = &text[p.s..p.e];
    let mut it = seg.char_indices().skip_while(|(_, c)| c.is_whitespace());
    let (k, c) = it.next()?;
    let next = it.next().map(|(_, n)| n);
    let ok = match c {
        '“' | '‟' | '„' | '«' => true,
        '"' => next.is_some_and(|n| !n.is_whitespace()),
        _ => false,
    };
    ok.then_some(p.s + k)
}

fn emit(text: &str, o: OpenQ, end: usize, close: usize, unclosed: bool, out: &mut Vec<Raw>) {
    if end <= o.inner || text[o.inner..end].trim().is_empty() {
        return;
    }
    let nested = o.nested.into_iter().filter(|&(s, e)| e <= end && s < e).collect();
    out.push(Raw {
        open: o.pos,
        close,
        start: o.inner,
        end,
        unclosed,
        nested,
        single: false,
    });
}

fn new_open(i: usize, c: char) -> OpenQ {
    OpenQ {
        pos: i,
        mark: c,
        inner: i + c.len_utf8(),
        nest_open: None,
        nested: Vec::new(),
        last_end: i + c.len_utf8(),
    }
}

fn step_double(
    text: &str,
    cur: &mut Option<OpenQ>,
    out: &mut Vec<Raw>,
    i: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
) {
    let open_ctx = prev.map_or(true, opens_after);
    let next_closeish = next.map_or(true, closes_before);
    let len = c.len_utf8();
    match cur.take() {
        Some(o) => {
            let closes = match c {
                '”' => true,
                '»' => o.mark != '»',
                '«' => o.mark == '»',
                '“' | '‟' => o.mark == '„' || (!open_ctx && next_closeish),
                '"' => !(open_ctx && !next_closeish),
                _ => false,
            };
            if closes {
                emit(text, o, i, i + len, false, out);
            } else {
                // Double quotes do not nest: a clearly opening mark while a
                // quote is open means the previous one was never closed. It is
                // bounded just before the new opening mark and flagged.
                let bound = trim_end_pos(text, o.inner, i);
                emit(text, o, bound, bound, true, out);
                *cur = Some(new_open(i, c));
            }
        }
        None => {
            let opens = match c {
                '“' | '‟' | '„' | '«' => open_ctx || !next_closeish,
                '"' | '»' => open_ctx && !next_closeish,
                _ => false,
            };
            if opens {
                *cur = Some(new_open(i, c));
            }
        }
    }
}

fn step_single(o: &mut OpenQ, i: usize, c: char, prev: Option<char>, next: Option<char>) {
    match o.nest_open {
        None => {
            if matches!(c, '‘' | '\'' | '‛')
                && (i == o.inner || prev.map_or(true, opens_after))
                && next.is_some_and(char::is_alphabetic)
            {
                o.nest_open = Some(i + c.len_utf8());
            }
        }
        Some(ns) => {
            if matches!(c, '’' | '\'')
                && i > ns
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.is_none_or_not(char::is_alphanumeric)
            {
                o.nested.push((ns, i));
                o.nest_open = None;
            }
        }
    }
}

/// Single-quoted terms outside double quotes: ‘Sanctuary City’. The opening
/// mark must follow a space/bracket/dash and precede a letter; the closing
/// mark must follow a non-space and precede a non-alphanumeric, within four
/// words and without sentence punctuation. Apostrophes (it's, agency’s,
/// ’90s, Fuertas’ death) never satisfy both ends.
fn find_singles(text: &str, paras: &[Para], doubles: &[Raw]) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut di = 0;
    for p in paras {
        let mut k = p.s;
        let mut prev: Option<char> = None;
        while k < p.e {
            while di < doubles.len() && doubles[di].close <= k {
                di += 1;
            }
            if let Some(d) = doubles.get(di) {
                if d.open <= k {
                    if d.close >= p.e {
                        break;
                    }
                    k = d.close;
                    prev = text[..k].chars().next_back();
                    continue;
                }
            }
            let Some(c) = text[k..].chars().next() else {
                break;
            };
            let cl = c.len_utf8();
            if matches!(c, '‘' | '\'')
                && prev.map_or(true, opens_after)
                && text[k + cl..p.e].chars().next().is_some_and(char::is_alphabetic)
            {
                let limit = doubles
                    .get(di)
                    .map_or(p.e, |d| d.open.min(p.e))
                    .min(ceil_cb(text, k + 160));
                if let Some((j, jl)) = single_close(text, k + cl, limit) {
                    out.push(Raw {
                        open: k,
                        close: j + jl,
                        start: k + cl,
                        end: j,
                        unclosed: false,
                        nested: Vec::new(),
                        single: true,
                    });
                    prev = text[..j + jl].chars().next_back();
                    k = j + jl;
                    continue;
                }
            }
            prev = Some(c);
            k += cl;
        }
    }
    out
}

fn single_close(text: &str, from: usize, limit: usize) -> Option<(usize, usize)> {
    if from >= limit {
        return None;
    }
    let mut words = 0;
    let mut in_word = false;
    let mut alnum = 0;
    let mut prev: Option<char> = None;
    for (k, c) in text[from..limit].char_indices() {
        let at = from + k;
        let next = text[at + c.len_utf8()..].chars().next();
        if matches!(c, '’' | '\'')
            && prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or_not(char::is_alphanumeric)
        {
            return (alnum >= 2 && words <= 4).then_some((at, c.len_utf8()));
        }
        if is_double(c) || matches!(c, '‘' | '!' | '?' | ';') {
            return None;
        }
        if c == '.' && next.map_or(true, char::is_whitespace) {
            return None;
        }
        if c.is_alphanumeric() {
            alnum += 1;
            if !in_word {
                words += 1;
                in_word = true;
            }
        } else if c.is_whitespace() {
            in_word = false;
        }
        if words > 4 {
            return None;
        }
        prev = Some(c);
    }
    None
}

fn count_words(s: &str) -> u32 {
    let n = s
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The text ends a sentence: trailing . ! ? … (ignoring closing marks), not
/// an abbreviation like "U.S.".
fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '’' | '\'' | ')' | ']' | '”' | '"')
    });
    match t.chars().next_back() {
        Some('!' | '?' | '…') => true,
        Some('.') => {
            let body = &t[..t.len() - 1];
            let word: String = body
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            !is_abbrev(&word)
        }
        _ => false,
    }
}

fn is_abbrev(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return true;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        return c.is_uppercase();
    }
    ABBREV.contains(&word.to_lowercase().as_str())
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
    "capt", "prof", "rev", "inc", "corp", "co", "ltd", "vs", "etc", "no", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "calif", "ariz", "fla",
    "mass", "ave", "blvd", "dept", "approx", "fig", "mt", "ft", "pa", "wash", "colo", "conn",
];

const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "di", "du", "van", "von", "der", "la", "le", "bin", "ibn", "al",
];

const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "&", "de", "del", "y"];

const PREPS: &[&str] = &[
    "in", "on", "at", "from", "for", "of", "to", "with", "by", "during", "after", "before", "via",
    "through", "over", "under", "about", "into", "since", "as", "amid", "against", "despite",
    "like", "near", "without", "within", "per", "toward", "towards", "among", "between", "upon",
];

const LEAD_ADV: &[&str] = &[
    "but", "and", "so", "yet", "however", "meanwhile", "still", "also", "now", "then",
    "regardless", "instead", "separately", "additionally", "moreover", "indeed", "thus",
    "later", "earlier", "previously", "nevertheless", "nonetheless", "furthermore", "or",
];

const FUNCTION: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "my", "your", "but", "and", "or", "so", "yet",
    "however", "meanwhile", "if", "when", "while", "as", "after", "before", "since", "because",
    "although", "though", "there", "here", "what", "who", "why", "how", "where", "which",
    "regardless", "also", "still", "now", "then", "even", "just", "only", "all", "some", "many",
    "most", "each", "every", "any", "no", "not", "both", "either", "neither", "like", "unlike",
    "perhaps", "maybe", "according", "last", "next", "in", "on", "at", "for", "of", "to",
    "with", "by", "from", "during", "despite", "until", "unless", "instead", "indeed", "thus",
    "meantime", "hours", "days", "weeks", "years", "news",
];

const MONTHS_DAYS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

const TITLES: &[&str] = &[
    "mayor", "acting", "director", "deputy", "executive", "associate", "senior", "sen",
    "senator", "rep", "representative", "gov", "governor", "president", "vice", "secretary",
    "commissioner", "chief", "officer", "attorney", "general", "judge", "justice", "dr", "mr",
    "mrs", "ms", "miss", "prof", "professor", "spokesman", "spokeswoman", "spokesperson",
    "councilman", "councilwoman", "councilmember", "assemblyman", "assemblywoman", "lt", "sgt",
    "capt", "col", "gen", "detective", "inspector", "agent", "sheriff", "chairman",
    "chairwoman", "chair", "rev", "former", "interim", "special", "assistant", "counsel",
    "administrator", "minister", "prime", "colleague", "u.s", "us", "federal", "state",
];

const ORG_WORDS: &[&str] = &[
    "news", "press", "times", "post", "journal", "department", "dept", "coalition", "center",
    "centre", "office", "court", "agency", "association", "institute", "council", "committee",
    "university", "college", "school", "police", "service", "services", "bureau",
    "administration", "party", "union", "foundation", "group", "inc", "corp", "corporation",
    "company", "llc", "city", "county", "ministry", "enforcement", "commission", "board",
    "authority", "network", "project", "alliance", "league", "society", "church", "fund",
    "bank", "government", "congress", "senate", "house", "assembly", "tribune", "herald",
    "reuters", "operations", "studies", "campaign", "network", "television", "radio",
];

/// Head nouns of role phrases ("city officials", "a spokeswoman").
const ROLE_HEADS: &[&str] = &[
    "official", "officials", "spokesman", "spokesmen", "spokeswoman", "spokeswomen",
    "spokesperson", "spokespeople", "representative", "representatives", "director",
    "directors", "officer", "officers", "agent", "agents", "lawyer", "lawyers", "attorney",
    "attorneys", "counsel", "chief", "leader", "leaders", "president", "secretary",
    "commissioner", "commissioners", "administrator", "aide", "aides", "staff", "staffer",
    "staffers", "employee", "employees", "advocate", "advocates", "activist", "activists",
    "critic", "critics", "supporter", "supporters", "opponent", "opponents", "expert",
    "experts", "analyst", "analysts", "source", "sources", "resident", "residents", "police",
    "cops", "prosecutor", "prosecutors", "judge", "judges", "mayor", "governor", "senator",
    "senators", "lawmaker", "lawmakers", "legislator", "legislators", "politician",
    "politicians", "researcher", "researchers", "fellow", "scholar", "scholars", "economist",
    "economists", "people", "parents", "neighbors", "witness", "witnesses", "authorities",
    "organization", "organisation", "coalition", "group", "union", "administration",
    "government", "spokespersons", "members", "member", "organizers", "protesters",
];

/// Head nouns of documents ("a press release", "the statement").
const DOC_HEADS: &[&str] = &[
    "release", "releases", "statement", "statements", "report", "letter", "memo", "email",
    "e-mail", "complaint", "filing", "lawsuit", "ruling", "order", "document", "documents",
    "notice", "announcement", "tweet", "post", "affidavit", "study", "survey", "analysis",
    "bulletin", "advisory", "transcript",
];

/// Heads whose modifier organisation is the real source ("an ICE official",
/// "a spokeswoman for the coalition", "a statement from ICE").
const REP_HEADS: &[&str] = &[
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
    "spokeswomen", "spokespeople", "representative", "representatives", "director", "officer",
    "officers", "agent", "agents", "lawyer", "lawyers", "attorney", "attorneys", "counsel",
    "aide", "aides", "staff", "staffer", "staffers", "employee", "employees", "release",
    "releases", "statement", "statements", "email", "e-mail", "letter", "memo", "report",
    "tweet", "post", "filing", "announcement", "notice", "administration", "bulletin",
    "advisory",
];

const SAY_FINITE: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "wrote", "writes", "added", "adds",
    "stated", "accused", "accuses", "argued", "argues", "claimed", "claims", "insisted",
    "insists", "warned", "warns", "explained", "explains", "asked", "asks", "noted", "notes",
    "reported", "reports", "announced", "announces", "criticized", "criticised", "criticizes",
    "criticises", "tweeted", "tweets", "posted", "responded", "responds", "replied", "replies",
    "continued", "continues", "declared", "declares", "acknowledged", "admitted", "conceded",
    "contended", "countered", "emphasized", "stressed", "urged", "vowed", "promised",
    "predicted", "complained", "recalled", "remarked", "testified", "requested", "demanded",
    "alleged", "alleges", "blasted", "decried", "denounced", "lamented", "cautioned",
    "commented",
];

const SAY_ING: &[&str] = &[
    "saying", "adding", "noting", "arguing", "warning", "writing", "telling", "claiming",
    "insisting", "explaining", "asking", "accusing", "criticizing", "criticising", "tweeting",
    "responding", "replying", "announcing", "stating", "requesting", "demanding", "declaring",
    "urging", "vowing", "complaining", "alleging", "testifying", "reporting", "continuing",
];

/// A cue preceded by one of these is a noun ("the requests", "its claims").
const NOUN_PRE: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "these",
    "those", "of", "with", "for", "to", "in", "on", "by", "from", "at", "no", "any", "some",
    "such", "many", "several", "every", "each",
];

const BE_AUX: &[&str] = &["is", "are", "was", "were", "been", "being", "be", "am"];

const PASSIVE_AUX: &[&str] = &[
    "is", "are", "was", "were", "been", "being", "be", "am", "get", "gets", "got",
];

/// Auxiliaries/adverbs between a subject and its speech verb.
const AUX_ADV: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should",
    "may", "might", "can", "did", "does", "do", "also", "later", "then", "previously",
    "repeatedly", "recently", "again", "earlier", "further", "reportedly", "publicly", "once",
    "often", "already", "separately", "similarly", "frequently", "been", "first", "simply",
    "openly", "angrily", "flatly", "bluntly", "privately",
];

const CLAUSE_BOUNDARY: &[&str] = &[
    "that", "who", "which", "whom", "whose", "because", "although", "though", "whereas",
    "while", "when", "if", "where", "since", "unless", "after", "before", "until", "as",
];

/// What may follow a cue in a sentence that only introduces the next quote
/// ("Albence said in a statement.").
const TAIL_START: &[&str] = &[
    "in", "on", "at", "during", "via", "through", "from", "after", "before", "yesterday",
    "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "this", "last", "earlier", "later", "recently", "again",
];

fn lc(w: &str) -> String {
    w.to_lowercase()
}

fn in_list(list: &[&str], w: &str) -> bool {
    let l = lc(w);
    list.contains(&l.as_str())
}

fn in_list_nodot(list: &[&str], w: &str) -> bool {
    let l = lc(w.trim_end_matches('.'));
    list.contains(&l.as_str())
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn is_possessive(w: &str) -> bool {
    (w.ends_with("’s") || w.ends_with("'s") || w.ends_with("’S") || w.ends_with("'S"))
        && w.chars().count() > 2
}

fn strip_possessive(w: &str) -> &str {
    if is_possessive(w) {
        let cut = w.len() - 's'.len_utf8();
        let cut = w[..cut]
            .char_indices()
            .next_back()
            .map_or(cut, |(i, _)| i);
        &w[..cut]
    } else {
        w
    }
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

// ---------------------------------------------------------------------------
// Attribution
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    Word,
    Punct(char),
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    k: Tk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pron {
    /// he / she
    Person,
    /// it
    It,
    /// they
    They,
}

#[derive(Debug, Clone)]
enum Who {
    Actor(usize),
    Named(String, ActorKind, bool),
    Pron(Pron),
    DocUnknown,
}

#[derive(Debug, Clone)]
struct Np {
    who: Who,
    /// A proper name (as opposed to a role or document phrase).
    proper: bool,
    /// Found through a document head ("a statement from ICE").
    doc: bool,
    s: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Finite,
    Participle,
    According,
    Quoting,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    form: Form,
    len: usize,
}

enum Subj {
    Found(Np, bool),
    Coordinated,
    Nothing,
}

#[derive(Debug, Clone)]
struct Found {
    np: Np,
    appos: bool,
    cue: Option<(usize, usize)>,
    rule: &'static str,
    anchor: usize,
}

#[derive(Debug, Clone)]
struct Resolved {
    name: String,
    side: String,
    kind: ActorKind,
    plural: bool,
}

#[derive(Debug, Clone)]
struct Attr {
    kind: QuoteKind,
    speaker: Option<Resolved>,
    cue: Option<(usize, usize)>,
    rule: &'static str,
    via_after: bool,
    after_end: usize,
}

struct Ctx<'a> {
    text: &'a str,
    roster: &'a Roster,
    paras: Vec<Para>,
    raws: Vec<Raw>,
}

impl Ctx<'_> {
    fn w(&self, t: &Tok) -> &str {
        &self.text[t.s..t.e]
    }

    fn word(&self, toks: &[Tok], i: usize) -> Option<&str> {
        toks.get(i).filter(|t| t.k == Tk::Word).map(|t| self.w(t))
    }

    fn para_of(&self, pos: usize) -> usize {
        self.paras.partition_point(|p| p.s <= pos).saturating_sub(1)
    }

    fn skip_ws(&self, mut x: usize, limit: usize) -> usize {
        while x < limit {
            match self.text[x..].chars().next() {
                Some(c) if c.is_whitespace() => x += c.len_utf8(),
                _ => break,
            }
        }
        x.min(limit)
    }

    /// Start of the sentence containing `pos` (bounded to its paragraph and
    /// `MAX_BACK` bytes). Quotations are opaque: their inner punctuation does
    /// not end the surrounding sentence unless the quote itself ends with a
    /// terminal mark and a new sentence follows. With `skip_end`, terminal
    /// punctuation right before `pos` is ignored (for "the previous sentence").
    fn sent_start(&self, pos: usize, skip_end: bool) -> usize {
        let para = self.paras[self.para_of(pos)];
        let floor = para.s.max(ceil_cb(self.text, pos.saturating_sub(MAX_BACK)));
        if pos <= floor {
            return pos;
        }
        let mut qi = self.raws.partition_point(|r| r.open < pos);
        let mut j = pos;
        let mut tail = skip_end;
        while j > floor {
            if qi > 0 {
                let q = &self.raws[qi - 1];
                if q.open < j && j <= q.close {
                    if !tail
                        && q.close <= pos
                        && ends_terminal(&self.text[q.start..q.end])
                        && self.new_sentence_after(q.close, pos)
                    {
                        return self.skip_ws(q.close, pos);
                    }
                    if q.open < floor {
                        return self.skip_ws(q.close.min(pos), pos);
                    }
                    j = q.open;
                    qi -= 1;
                    tail = false;
                    continue;
                }
            }
            let Some(ch) = self.text[..j].chars().next_back() else {
                break;
            };
            let jb = j - ch.len_utf8();
            if matches!(ch, '.' | '!' | '?') {
                if !tail && self.is_boundary(jb) {
                    return self.skip_ws(j, pos);
                }
            } else if !ch.is_whitespace() && !matches!(ch, ')' | ']' | '"' | '\'' | '”' | '’' | '»')
            {
                tail = false;
            }
            j = jb;
        }
        floor
    }

    fn new_sentence_after(&self, close: usize, pos: usize) -> bool {
        let x = self.skip_ws(close, pos);
        if x >= pos {
            return true;
        }
        self.text[x..]
            .chars()
            .next()
            .is_some_and(|m| m.is_uppercase() || m.is_numeric() || is_double(m))
    }

    /// Whether the terminator at byte `jb` ends a sentence.
    fn is_boundary(&self, jb: usize) -> bool {
        let t = self.text;
        let Some(ch) = t[jb..].chars().next() else {
            return true;
        };
        let pe = self.paras[self.para_of(jb)].e;
        let mut k = jb + ch.len_utf8();
        while k < pe {
            match t[k..].chars().next() {
                Some(c) if matches!(c, ')' | ']' | '"' | '\'' | '”' | '’' | '»') => {
                    k += c.len_utf8()
                }
                _ => break,
            }
        }
        let rest = &t[k.min(pe)..pe];
        let Some(n) = rest.chars().next() else {
            return true;
        };
        let wb = word_before(t, jb);
        if ch == '.' && is_abbrev(&wb) {
            return false;
        }
        if n.is_whitespace() {
            match rest.trim_start().chars().next() {
                None => true,
                Some(m) => {
                    m.is_uppercase()
                        || m.is_numeric()
                        || is_double(m)
                        || matches!(m, '‘' | '\'' | '•' | '(' | '[' | '—' | '–' | '-' | '*')
                }
            }
        } else if n.is_uppercase() && ch == '.' {
            // "said.It’s": two sentences glued together
            wb.chars().count() >= 2 && wb.chars().all(char::is_lowercase)
        } else {
            false
        }
    }

    /// End of the sentence starting at/after `pos` (exclusive), at most `limit`.
    fn sent_end(&self, pos: usize, limit: usize) -> usize {
        if pos >= limit {
            return pos;
        }
        for (k, ch) in self.text[pos..limit].char_indices() {
            if matches!(ch, '.' | '!' | '?') && self.is_boundary(pos + k) {
                return pos + k + ch.len_utf8();
            }
        }
        limit
    }

    /// The sentence before the one starting at `start` (may be the last
    /// sentence of the previous non-blank paragraph).
    fn prev_sentence(&self, start: usize) -> Option<(usize, usize)> {
        let pi = self.para_of(start);
        let p = self.paras[pi];
        let mut e = trim_end_pos(self.text, p.s, start.max(p.s));
        if e <= p.s {
            let mut j = pi;
            loop {
                if j == 0 || pi - j > 4 {
                    return None;
                }
                j -= 1;
                if !is_blank(self.text, self.paras[j]) {
                    break;
                }
            }
            let pj = self.paras[j];
            e = trim_end_pos(self.text, pj.s, pj.e);
        }
        let s = self.sent_start(e, true);
        (s < e && s < start).then_some((s, e))
    }

    fn tokenize(&self, lo: usize, hi: usize) -> Vec<Tok> {
        let t = self.text;
        let mut out = Vec::new();
        let mut qi = self.raws.partition_point(|r| r.close <= lo);
        let mut i = lo;
        while i < hi {
            if let Some(q) = self.raws.get(qi) {
                if q.open <= i {
                    if q.open >= lo {
                        out.push(Tok {
                            s: q.open,
                            e: q.close.min(hi),
                            k: Tk::Quote(qi),
                        });
                    }
                    i = q.close;
                    qi += 1;
                    continue;
                }
            }
            let qlimit = self.raws.get(qi).map_or(hi, |q| q.open.min(hi));
            let Some(c) = t[i..].chars().next() else {
                break;
            };
            let cl = c.len_utf8();
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if c.is_alphanumeric() {
                let s = i;
                let mut j = i + cl;
                let mut seg_len = 1usize;
                let mut seg_digit = c.is_numeric();
                while j < qlimit {
                    let Some(d) = t[j..].chars().next() else {
                        break;
                    };
                    if d.is_alphanumeric() {
                        j += d.len_utf8();
                        seg_len += 1;
                        seg_digit &= d.is_numeric();
                        continue;
                    }
                    let after = t[j + d.len_utf8()..qlimit.max(j + d.len_utf8())]
                        .chars()
                        .next();
                    let after_an = after.is_some_and(char::is_alphanumeric);
                    if matches!(d, '\'' | '’' | '-' | '‐' | '&') && after_an {
                        j += d.len_utf8();
                        seg_len = 0;
                        seg_digit = false;
                        continue;
                    }
                    if d == '.'
                        && after_an
                        && (seg_len == 1 || (seg_digit && after.is_some_and(char::is_numeric)))
                    {
                        j += 1;
                        seg_len = 0;
                        seg_digit = true;
                        continue;
                    }
                    break;
                }
                if j < qlimit && t[j..].starts_with('.') && is_abbrev(&t[s..j]) {
                    j += 1;
                }
                out.push(Tok { s, e: j, k: Tk::Word });
                i = j;
                continue;
            }
            out.push(Tok {
                s: i,
                e: i + cl,
                k: Tk::Punct(c),
            });
            i += cl;
        }
        out
    }

    /// Speech cue starting at token `i`.
    fn cue_at(&self, toks: &[Tok], i: usize) -> Option<Cue> {
        let w = self.word(toks, i)?;
        if !is_lower(w) {
            return None;
        }
        let prev = if i > 0 { self.word(toks, i - 1) } else { None };
        let prev_l = prev.map(lc);
        let prev_in = |list: &[&str]| prev_l.as_deref().is_some_and(|p| list.contains(&p));
        let next = |d: usize| self.word(toks, i + d);
        let (form, len) = match w {
            "according" => {
                return (next(1) == Some("to")).then_some(Cue {
                    form: Form::According,
                    len: 2,
                })
            }
            "quoting" | "citing" => (Form::Quoting, 1),
            "quoted" => {
                if prev_in(PASSIVE_AUX) {
                    return None;
                }
                (Form::Quoting, 1)
            }
            "released" | "issued" => {
                if matches!(next(1), Some("a" | "the")) && next(2) == Some("statement") {
                    (Form::Finite, 3)
                } else {
                    return None;
                }
            }
            _ if SAY_FINITE.contains(&w) => (Form::Finite, 1),
            _ if SAY_ING.contains(&w) => {
                if prev_in(BE_AUX) {
                    (Form::Finite, 1)
                } else {
                    (Form::Participle, 1)
                }
            }
            _ => return None,
        };
        if prev_in(NOUN_PRE) || prev.is_some_and(is_possessive) {
            return None;
        }
        if form != Form::Participle && !w.ends_with("ing") && prev_in(PASSIVE_AUX) {
            return None;
        }
        if w.starts_with("continu") && next(1) == Some("to") {
            return None;
        }
        Some(Cue { form, len })
    }

    fn is_cue_word(&self, toks: &[Tok], i: usize) -> bool {
        self.cue_at(toks, i).is_some()
    }

    /// Classify a token span that should be a noun phrase naming a speaker.
    fn classify(&self, seg: &[Tok]) -> Option<Np> {
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
            let p = match lc(self.w(&seg[0])).as_str() {
                "he" | "she" => Some(Pron::Person),
                "it" => Some(Pron::It),
                "they" => Some(Pron::They),
                _ => None,
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
                let internal = is_cap(self.w(&seg[i - 1]))
                    && (nx.is_some_and(is_cap) || (nx == Some("the") && nx2.is_some_and(is_cap)));
                if !internal {
                    k = i;
                    break;
                }
            }
        }
        let head = &seg[..k];
        let pp = &seg[k..];
        let last = head.last()?;
        let lw = self.w(last);
        let hs = head[0].s;
        let he = last.e;
        let ments = self.roster.mentions(self.text, hs, he);
        if let Some(m) = ments.iter().filter(|m| m.e == he).max_by_key(|m| m.e - m.s) {
            let kind = self.roster.actors[m.actor].kind;
            // a lowercase phrase ending in a person's name would be odd; accept
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
        let base = lc(strip_possessive(lw));
        let is_role = ROLE_HEADS.contains(&base.as_str());
        let is_doc = DOC_HEADS.contains(&base.as_str());
        if !(is_role || is_doc) || head.len() > 7 {
            return None;
        }
        if REP_HEADS.contains(&base.as_str()) {
            let modifier = ments
                .iter()
                .filter(|m| {
                    m.e <= last.s
                        && matches!(
                            self.roster.actors[m.actor].kind,
                            ActorKind::Organization | ActorKind::Person
                        )
                })
                .last()
                .copied();
            let in_pp = if pp.len() >= 2
                && matches!(lc(self.w(&pp[0])).as_str(), "for" | "at" | "with" | "from" | "by")
            {
                let first = if self.w(&pp[1]) == "the" { pp.get(2) } else { pp.get(1) };
                first.and_then(|f| {
                    self.roster
                        .mentions(self.text, f.s, pp[pp.len() - 1].e)
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
        while st + 1 < head.len()
            && matches!(
                lc(self.w(&head[st])).as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "some" | "two" | "several"
            )
        {
            st += 1;
        }
        let mut end = he;
        if (2..=4).contains(&pp.len())
            && matches!(lc(self.w(&pp[0])).as_str(), "in" | "at" | "for" | "from" | "with")
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
                ActorKind::Role,
                base.ends_with('s') || base == "police" || base == "people",
            ),
            proper: false,
            doc: false,
            s: hs,
        })
    }

    /// A capitalized name ending the head: "spokeswoman Freddi Goldstein",
    /// "Acting ICE Director Matthew Albence", "Mayor Bill de Blasio".
    fn name_np(&self, head: &[Tok]) -> Option<Np> {
        let w = |i: usize| self.w(&head[i]);
        let mut j = head.len() - 1;
        while j > 0 {
            let pw = w(j - 1);
            if is_cap(pw) {
                j -= 1;
            } else if in_list(PARTICLES, pw) && is_cap(w(j)) {
                j -= 1;
            } else if in_list(CONNECTORS, pw)
                && is_lower(pw)
                && j >= 2
                && (is_cap(w(j - 2)) || (in_list(CONNECTORS, w(j - 2)) && j >= 3 && is_cap(w(j - 3))))
            {
                j -= 1;
            } else {
                break;
            }
        }
        // anything but a few lowercase role words before the name means this
        // is not a clean noun phrase
        if j > 3 {
            return None;
        }
        if j > 0 && in_list(PREPS, w(j - 1)) {
            return None;
        }
        let toks = &head[j..];
        let n = toks.len();
        let mut a = 0;
        for (i, t) in toks[..n - 1].iter().enumerate() {
            if is_possessive(self.w(t)) {
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
                || (is_acronym(x) && a + 2 <= n - 1);
            if !strip {
                break;
            }
            if lc(x) == "the" {
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
        let name_toks = &toks[a..b];
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

    /// Speaker phrase after a cue ("said Henry Lucero, acting …",
    /// "according to ICE", "quoting Matthew Albence"). Returns the phrase and
    /// whether an appositive follows it.
    fn np_forward(&self, toks: &[Tok], mut i: usize) -> Option<(Np, bool)> {
        while i < toks.len() && matches!(toks[i].k, Tk::Punct(',' | ':')) {
            i += 1;
        }
        let st = i;
        let mut j = i;
        while j < toks.len() && j - st < 10 && toks[j].k == Tk::Word {
            let w = self.w(&toks[j]);
            if j > st
                && (self.is_cue_word(toks, j)
                    || matches!(lc(w).as_str(), "that" | "who" | "which" | "whose" | "whom"))
            {
                break;
            }
            j += 1;
        }
        for e in (st + 1..=j).rev() {
            if let Some(np) = self.classify(&toks[st..e]) {
                let appos = toks.get(e).is_some_and(|t| t.k == Tk::Punct(','))
                    && toks.get(e + 1).is_some_and(|t| t.k == Tk::Word)
                    && !self.is_cue_word(toks, e + 1);
                return Some((np, appos));
            }
        }
        None
    }

    /// Sentence subject, for a participle with no finite cue before it
    /// ("U.S. Immigration and Customs Enforcement served … requesting …").
    fn np_initial(&self, toks: &[Tok]) -> Option<(Np, bool)> {
        let mut i = 0;
        if let Some(w) = self.word(toks, 0) {
            if in_list(PREPS, w) || in_list(LEAD_ADV, w) {
                if let Some(c) = toks
                    .iter()
                    .take(12)
                    .position(|t| t.k == Tk::Punct(','))
                {
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
    fn subject_before(&self, toks: &[Tok], c: usize, tight_from: Option<usize>) -> Subj {
        let lo = tight_from.unwrap_or(0);
        let mut k = c;
        while k > lo && self.word(toks, k - 1).is_some_and(|w| in_list(AUX_ADV, w)) {
            k -= 1;
        }
        if k > lo && self.word(toks, k - 1).is_some_and(|w| matches!(w, "and" | "but" | "or")) {
            return Subj::Coordinated;
        }
        if tight_from.is_some() {
            return self.parse_segments(&toks[lo..k], true);
        }
        let mut b = k;
        while b > 0 {
            let t = &toks[b - 1];
            let stop = match t.k {
                Tk::Quote(_) => true,
                Tk::Punct(p) => matches!(p, ';' | ':' | '.' | '!' | '?'),
                Tk::Word => {
                    let w = self.w(t);
                    (is_lower(w) && in_list(CLAUSE_BOUNDARY, w)) || self.is_cue_word(toks, b - 1)
                }
            };
            if stop {
                break;
            }
            b -= 1;
        }
        self.parse_segments(&toks[b..k], false)
    }

    /// Split a subject clause at commas/dashes (parentheses dropped), drop
    /// adverbial segments ("In an email on Jan. 18", "However") and pick the
    /// speaker: in `A, B,` + verb one of the two is an appositive, and a
    /// proper name wins over a role or document description.
    fn parse_segments(&self, toks: &[Tok], tight: bool) -> Subj {
        let mut segs: Vec<Vec<Tok>> = Vec::new();
        let mut cur: Vec<Tok> = Vec::new();
        let mut depth = 0usize;
        let mut trailing = false;
        for t in toks {
            match t.k {
                Tk::Punct('(' | '[') => depth += 1,
                Tk::Punct(')' | ']') => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                Tk::Punct(',' | '—' | '–' | '-') => {
                    segs.push(std::mem::take(&mut cur));
                    trailing = true;
                }
                Tk::Punct(_) => {
                    if tight {
                        return Subj::Nothing;
                    }
                }
                Tk::Quote(_) => return Subj::Nothing,
                Tk::Word => {
                    cur.push(*t);
                    trailing = false;
                }
            }
        }
        segs.push(cur);
        let segs: Vec<Vec<Tok>> = segs
            .into_iter()
            .filter(|s| !s.is_empty())
            .filter(|s| {
                let first = self.w(&s[0]);
                !(in_list(PREPS, first) || (s.len() == 1 && in_list(LEAD_ADV, first)))
            })
            .collect();
        let n = segs.len();
        if n == 0 || (tight && (n > 2 || (n == 2 && !trailing))) {
            return Subj::Nothing;
        }
        if trailing && n >= 2 {
            let a = self.classify(&segs[n - 2]);
            let b = self.classify(&segs[n - 1]);
            return match (a, b) {
                (Some(a), Some(b)) => {
                    if a.proper || !b.proper {
                        Subj::Found(a, true)
                    } else {
                        Subj::Found(b, true)
                    }
                }
                (Some(a), None) => Subj::Found(a, true),
                (None, Some(b)) => Subj::Found(b, true),
                (None, None) => Subj::Nothing,
            };
        }
        match self.classify(&segs[n - 1]) {
            Some(np) => Subj::Found(np, false),
            None => Subj::Nothing,
        }
    }

    /// Subject of the closest finite cue (or quoting/according-to object)
    /// before token `c`.
    fn prev_finite_subject(&self, toks: &[Tok], c: usize) -> Option<(Np, bool)> {
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

    fn from_cue(&self, toks: &[Tok], c: usize, cue: Cue, rule: &'static str) -> Option<Found> {
        let span = (toks[c].s, toks[c + cue.len - 1].e);
        let (np, appos) = match cue.form {
            Form::According | Form::Quoting => self.np_forward(toks, c + cue.len)?,
            Form::Finite => match self.subject_before(toks, c, None) {
                Subj::Found(np, a) => (np, a),
                Subj::Coordinated => self.prev_finite_subject(toks, c)?,
                Subj::Nothing => return None,
            },
            Form::Participle => self
                .prev_finite_subject(toks, c)
                .or_else(|| self.np_initial(&toks[..c]))?,
        };
        Some(Found {
            anchor: np.s,
            np,
            appos,
            cue: Some(span),
            rule,
        })
    }

    /// Attribution from the words before a quote in its own sentence.
    fn attr_from_tokens(&self, toks: &[Tok], colon_rule: &'static str) -> Option<Found> {
        let colon = matches!(toks.last(), Some(Tok { k: Tk::Punct(':'), .. }));
        let rule = if colon { colon_rule } else { "verb_before" };
        for c in (0..toks.len()).rev() {
            if let Some(cue) = self.cue_at(toks, c) {
                return self.from_cue(toks, c, cue, rule);
            }
        }
        if colon {
            // transcript style "Albence: “…”"
            let end = toks.len() - 1;
            let st = toks[..end]
                .iter()
                .rposition(|t| !matches!(t.k, Tk::Word))
                .map_or(0, |p| p + 1);
            if end - st <= 6 {
                let np = self.classify(&toks[st..end])?;
                if np.proper {
                    return Some(Found {
                        anchor: np.s,
                        np,
                        appos: false,
                        cue: None,
                        rule,
                    });
                }
            }
        }
        None
    }

    /// Attribution from the words after a quote ("…,” Albence said).
    fn after_attr(&self, qi: usize, ae: usize) -> Option<Found> {
        let q = &self.raws[qi];
        let toks = self.tokenize(q.close, ae);
        let mut k = 0;
        while k < toks.len() && matches!(toks[k].k, Tk::Punct(_)) {
            k += 1;
        }
        let first = self.word(&toks, k)?;
        let nwords = toks[k..].iter().filter(|t| t.k == Tk::Word).count();
        if ends_terminal(&self.text[q.start..q.end]) && is_cap(first) && nwords > 5 {
            // a new sentence starts after a quote that ended its own
            return None;
        }
        if let Some(cue) = self.cue_at(&toks, k) {
            if !matches!(cue.form, Form::Finite | Form::According) {
                return None;
            }
            let (np, appos) = self.np_forward(&toks, k + cue.len)?;
            return Some(Found {
                np,
                appos,
                cue: Some((toks[k].s, toks[k + cue.len - 1].e)),
                rule: "verb_after",
                anchor: q.open,
            });
        }
        let lim = toks.len().min(k + 40);
        for c in k..lim {
            if let Tk::Quote(_) = toks[c].k {
                return None;
            }
            if let Some(cue) = self.cue_at(&toks, c) {
                if cue.form != Form::Finite {
                    return None;
                }
                return match self.subject_before(&toks, c, Some(k)) {
                    Subj::Found(np, appos) => Some(Found {
                        np,
                        appos,
                        cue: Some((toks[c].s, toks[c + cue.len - 1].e)),
                        rule: "verb_after",
                        anchor: q.open,
                    }),
                    _ => None,
                };
            }
        }
        None
    }

    /// A stand-alone quote whose previous sentence names the speaker.
    fn previous_sentence(&self, start: usize) -> Option<Found> {
        let (s, e) = self.prev_sentence(start)?;
        let toks = self.tokenize(s, e);
        if matches!(toks.last(), Some(Tok { k: Tk::Punct(':'), .. })) {
            return self.attr_from_tokens(&toks, "speaker_before_colon");
        }
        for k in 0..toks.len() {
            if let Some(cue) = self.cue_at(&toks, k) {
                if cue.form == Form::Quoting {
                    let (np, appos) = self.np_forward(&toks, k + 1)?;
                    return Some(Found {
                        anchor: np.s,
                        np,
                        appos,
                        cue: Some((toks[k].s, toks[k].e)),
                        rule: "previous_sentence",
                    });
                }
            }
        }
        if toks.iter().any(|t| matches!(t.k, Tk::Quote(_))) {
            return None;
        }
        let c = (0..toks.len())
            .rev()
            .find(|&c| self.cue_at(&toks, c).is_some_and(|cue| cue.form == Form::Finite))?;
        let cue = self.cue_at(&toks, c)?;
        let tail: Vec<&str> = toks[c + cue.len..]
            .iter()
            .filter(|t| t.k == Tk::Word)
            .map(|t| self.w(t))
            .collect();
        let ok = tail.is_empty()
            || (tail.len() <= 8
                && in_list(TAIL_START, tail[0])
                && !tail.iter().any(|w| lc(w) == "that"));
        if !ok {
            return None;
        }
        let mut f = self.from_cue(&toks, c, cue, "previous_sentence")?;
        f.rule = "previous_sentence";
        Some(f)
    }

    fn resolve_np(&self, np: &Np) -> Option<Resolved> {
        match &np.who {
            Who::Actor(i) => {
                let a = &self.roster.actors[*i];
                Some(Resolved {
                    name: a.name.clone(),
                    side: a.side.clone(),
                    kind: a.kind,
                    plural: a.kind == ActorKind::Role && a.name.ends_with('s'),
                })
            }
            Who::Named(name, kind, plural) => Some(Resolved {
                name: name.clone(),
                side: "unaligned".to_string(),
                kind: *kind,
                plural: *plural,
            }),
            Who::Pron(_) | Who::DocUnknown => None,
        }
    }

    fn resolve_pron(&self, p: Pron, anchor: usize, attrs: &[Attr]) -> Option<Resolved> {
        let mut s = self.sent_start(anchor, false);
        let mut e = anchor;
        for _ in 0..3 {
            if let Some(r) = self.best_candidate(s, e, p, attrs) {
                return Some(r);
            }
            let (ps, pe) = self.prev_sentence(s)?;
            s = ps;
            e = pe;
        }
        None
    }

    /// Nearest fitting antecedent in `[s, e)`: speakers of earlier quotes and
    /// subjects of speech verbs first, then any roster mention.
    fn best_candidate(&self, s: usize, e: usize, p: Pron, attrs: &[Attr]) -> Option<Resolved> {
        let toks = self.tokenize(s, e);
        let mut best: Option<(usize, Resolved)> = None;
        let mut consider = |pos: usize, r: Resolved| {
            if fits(p, &r) && best.as_ref().map_or(true, |(bp, _)| pos >= *bp) {
                best = Some((pos, r));
            }
        };
        for (k, t) in toks.iter().enumerate() {
            match t.k {
                Tk::Quote(qi) => {
                    if let Some(sp) = attrs.get(qi).and_then(|a| a.speaker.clone()) {
                        consider(t.s, sp);
                    }
                }
                Tk::Word => {
                    if self.cue_at(&toks, k).is_some_and(|c| c.form == Form::Finite) {
                        if let Subj::Found(np, _) = self.subject_before(&toks, k, None) {
                            if let Some(r) = self.resolve_np(&np) {
                                consider(np.s, r);
                            }
                        }
                    }
                }
                Tk::Punct(_) => {}
            }
        }
        if let Some((_, r)) = best {
            return Some(r);
        }
        let inside_quote = |pos: usize| {
            toks.iter()
                .any(|t| matches!(t.k, Tk::Quote(_)) && t.s <= pos && pos < t.e)
        };
        self.roster
            .mentions(self.text, s, e)
            .into_iter()
            .rev()
            .filter(|m| !inside_quote(m.s))
            .filter_map(|m| {
                self.resolve_np(&Np {
                    who: Who::Actor(m.actor),
                    proper: true,
                    doc: false,
                    s: m.s,
                })
            })
            .find(|r| fits(p, r))
    }

    fn finish(&self, f: &Found, attrs: &[Attr]) -> (Option<Resolved>, &'static str) {
        let (sp, via_pron) = match f.np.who {
            Who::Pron(p) => (self.resolve_pron(p, f.anchor, attrs), true),
            _ => (self.resolve_np(&f.np), false),
        };
        let rule = match &sp {
            None => "unattributed",
            Some(r) if f.np.doc || r.kind == ActorKind::Document => "document",
            Some(_) if via_pron => "pronoun",
            Some(_) if matches!(f.rule, "speaker_before_colon" | "previous_sentence") => f.rule,
            Some(_) if f.appos => "appositive",
            Some(_) => f.rule,
        };
        (sp, rule)
    }

    fn continuation(&self, i: usize, attrs: &[Attr]) -> Option<Resolved> {
        if i == 0 {
            return None;
        }
        let p = &self.raws[i - 1];
        let pa = &attrs[i - 1];
        if pa.kind != QuoteKind::Speech {
            return None;
        }
        let sp = pa.speaker.clone()?;
        let q = &self.raws[i];
        let from = pa.after_end.max(p.close).min(q.open);
        if q.open - from > 2000 || self.text[from..q.open].chars().any(char::is_alphanumeric) {
            return None;
        }
        Some(sp)
    }

    fn attribute(&self, i: usize, attrs: &[Attr]) -> Attr {
        let q = &self.raws[i];
        let inner = &self.text[q.start..q.end];
        let short = count_words(inner) <= 4 && !ends_terminal(inner);
        let term = Attr {
            kind: QuoteKind::Term,
            speaker: None,
            cue: None,
            rule: "term_quote",
            via_after: false,
            after_end: q.close,
        };
        if q.single {
            return term;
        }
        let prev_close = if i > 0 { self.raws[i - 1].close } else { 0 };
        let s0 = self.sent_start(q.open, false).max(prev_close).min(q.open);
        let before_blank = !self.text[s0..q.open].chars().any(char::is_alphanumeric);
        let pe = self.paras[self.para_of(q.close.saturating_sub(1))].e.max(q.close);
        let next_open = self.raws.get(i + 1).map_or(usize::MAX, |r| r.open);
        let lim = pe
            .min(next_open)
            .min(ceil_cb(self.text, q.close + MAX_FWD))
            .max(q.close);
        let ae = self.sent_end(q.close, lim);

        let mut via_after = false;
        let (speaker, cue, rule) = 'attr: {
            if let Some(f) = self.after_attr(i, ae) {
                via_after = true;
                let (sp, rule) = self.finish(&f, attrs);
                break 'attr (sp, f.cue, rule);
            }
            if !before_blank {
                if i > 0 && s0 == prev_close {
                    let pa = &attrs[i - 1];
                    if pa.via_after && pa.after_end == q.open && pa.speaker.is_some() {
                        break 'attr (pa.speaker.clone(), None, "continuation");
                    }
                }
                let toks = self.tokenize(s0, q.open);
                if let Some(f) = self.attr_from_tokens(&toks, "speaker_before_colon") {
                    let (sp, rule) = self.finish(&f, attrs);
                    break 'attr (sp, f.cue, rule);
                }
                break 'attr (None, None, "unattributed");
            }
            if let Some(sp) = self.continuation(i, attrs) {
                break 'attr (Some(sp), None, "continuation");
            }
            if !short {
                if let Some(f) = self.previous_sentence(q.open) {
                    let (sp, rule) = self.finish(&f, attrs);
                    if sp.is_some() {
                        break 'attr (sp, f.cue, rule);
                    }
                }
            }
            (None, None, "unattributed")
        };
        if short && speaker.is_none() {
            return term;
        }
        Attr {
            kind: QuoteKind::Speech,
            cue,
            speaker,
            rule,
            via_after,
            after_end: if via_after { ae } else { q.close },
        }
    }
}

fn word_before(t: &str, jb: usize) -> String {
    let mut v: Vec<char> = t[..jb]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .take(40)
        .collect();
    v.reverse();
    v.into_iter().collect()
}

fn fits(p: Pron, r: &Resolved) -> bool {
    match p {
        Pron::Person => {
            r.kind == ActorKind::Person || (r.kind == ActorKind::Role && !r.plural)
        }
        Pron::It => matches!(r.kind, ActorKind::Organization | ActorKind::Document),
        Pron::They => matches!(r.kind, ActorKind::Organization | ActorKind::Role),
    }
}
