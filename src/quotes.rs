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
//! # Attribution
//!
//! Rules are tried in this order; the first that finds a speaker phrase wins:
//!
//! 1. words after the quote, up to the end of its sentence (`“…,” Albence
//!    said`, `“…,” said Albence`, `“…,” according to ICE`);
//! 2. a quote that continues the sentence of the previous, attributed quote
//!    (`“Stop,” Lucero said, “or we leave.”`);
//! 3. words before the quote in its own sentence (`Goldstein said in an email
//!    that “…”`, `De Blasio has accused ICE of employing “scare tactics”`,
//!    `Albence told reporters: “…”`, transcript style `Albence: “…”`). The
//!    nearest cue wins; a participle (`saying`, `requesting`) takes the
//!    subject of the preceding finite cue, else the sentence subject;
//! 4. for a stand-alone quote: continuation of the previous attributed speech
//!    quote when nothing but that quote's attribution lies in between (same
//!    or next paragraph);
//! 5. for a stand-alone quote: the previous sentence (`…, quoting ICE’s Acting
//!    Director Matthew Albence.`, `X said in a statement.`, `X said:`).
//!
//! The id in [`Quote::rule`] says how the speaker was found, most specific
//! first: `document` (the speaker is a document: `said a press release`,
//! `a statement from ICE`), `pronoun` (he/she → person or singular role,
//! it → organisation/document, they → organisation/role; resolved to the
//! nearest fitting subject of a speech verb or speaker of an earlier quote in
//! the same or the two previous sentences, else the nearest fitting roster
//! mention; none → unattributed), `speaker_before_colon`,
//! `previous_sentence`, `continuation`, `appositive` (`Henry Lucero, a senior
//! ICE official, told AP` → Henry Lucero: descriptors and addressees are never
//! the speaker; a proper name beats a role description), `verb_after`,
//! `verb_before`; plus `term_quote` and `unattributed`.
//!
//! Speaker phrases are canonicalised with the roster (names, aliases,
//! surnames, role and document aliases, acronyms case-sensitively). Outside
//! the roster: a capitalized name keeps its written form minus titles
//! ("Sen. Maria Cantwell" → "Maria Cantwell"; a bare surname becomes the full
//! name introduced earlier in the article), a role phrase ("City officials in
//! Denver", "mayor’s office") keeps its written form, a role phrase whose
//! modifier is a roster organisation maps to it ("a senior ICE official" →
//! ICE), and a document with no known issuer is no speaker. Months,
//! weekdays, function words and sentence adverbs are never names.
//!
//! # Kinds
//!
//! A quotation of at most four words is a `Term` unless some rule attributed
//! it to a speaker (then it is a partial quotation, `Speech`: `accused ICE of
//! employing “scare tactics”`) or it stands alone as a full utterance ending
//! in . ! ? (`“No comment.”`). A period closing a short quote inside a sentence
//! is American punctuation, not the quote's (`called it a “giveaway.”` is a
//! term). Longer quotations are `Speech`, with speaker `None` when nobody can
//! be named. Verbs that merely describe (`described … as an “escalation”`,
//! `so-called`, `called`) are not speech cues.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::marker::PhantomData;

use crate::scan::{Fast, Kernels, TokenMasks};
use crate::text::words::{count_spaced_words, is_alnum};

/// Input roster entry (the lexicon module converts its actors to this).
#[derive(Debug, Clone)]
pub struct RosterActor {
    /// Canonical name, reported as [`Quote::speaker`].
    pub name: String,
    /// Other spellings, matched on word boundaries: case-insensitively for
    /// roles and documents; for people and organisations exactly except the
    /// first letter (so "ICE" never matches "ice", "De Blasio" matches).
    pub aliases: Vec<String>,
    /// Side id reported as [`Quote::side`].
    pub side: String,
    /// What the actor is; drives pronoun agreement.
    pub kind: ActorKind,
}

/// What kind of actor a roster entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person; answers to he/she.
    Person,
    /// An organisation; answers to it/they.
    Organization,
    /// A role or group ("city officials", "immigrant advocates"); answers to they.
    Role,
    /// A document ("the press release"); answers to it.
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

#[derive(Debug, Clone, Copy, PartialEq)]
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
                if let std::collections::hash_map::Entry::Vacant(v) = explicit.entry(key) {
                    v.insert(i);
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
            // A DFA (same matches, as the matcher module does): the default
            // for this many patterns is a contiguous NFA, several times
            // slower per byte on the short windows searched per quote.
            let build = |kind| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(kind)
                    .build(pats.iter().map(|p| &p.text))
            };
            build(Some(AhoCorasickKind::DFA))
                .or_else(|_| build(None))
                .ok()
        };
        Roster {
            actors: actors.to_vec(),
            matcher,
            pats,
        }
    }

    /// Roster mentions inside `text[lo..hi]`, on word boundaries.
    #[cfg(test)]
    fn mentions(&self, text: &str, lo: usize, hi: usize) -> Vec<Mention> {
        self.raw_mentions(text, lo, hi)
            .into_iter()
            .filter_map(|(m, ok)| ok.then_some(m))
            .collect()
    }

    /// Every automaton match inside `text[lo..hi]` (leftmost-longest, so a
    /// match hides any overlapping one), each with whether it is a mention
    /// (word boundaries, case).
    fn raw_mentions(&self, text: &str, lo: usize, hi: usize) -> Vec<(Mention, bool)> {
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
            let before_ok = text[..s].chars().next_back().none_or_not(is_alnum);
            let after_ok = text[e..].chars().next().none_or_not(is_alnum);
            let ok =
                before_ok && after_ok && (!p.strict || case_ok(&text.as_bytes()[s..e], &p.text));
            let m = Mention {
                s,
                e,
                actor: p.actor,
            };
            out.push((m, ok));
        }
        out
    }
}

/// `Option<char>` helpers that read the same on every toolchain (no
/// `is_none_or`, which is newer than some MSRVs).
trait CharOpt {
    /// Absent, or the char satisfies `f`.
    fn none_or(self, f: fn(char) -> bool) -> bool;
    /// Absent, or the char fails `f`.
    fn none_or_not(self, f: fn(char) -> bool) -> bool;
}

impl CharOpt for Option<char> {
    fn none_or(self, f: fn(char) -> bool) -> bool {
        match self {
            None => true,
            Some(c) => f(c),
        }
    }

    fn none_or_not(self, f: fn(char) -> bool) -> bool {
        match self {
            None => true,
            Some(c) => !f(c),
        }
    }
}

fn case_ok(found: &[u8], pat: &[u8]) -> bool {
    found.len() == pat.len()
        && found.iter().zip(pat).enumerate().all(|(i, (a, b))| {
            if i == 0 {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        })
}

fn surname(name: &str) -> Option<String> {
    let toks: Vec<&str> = name.split_whitespace().collect();
    if toks.len() < 2 {
        return None;
    }
    if let Some(p) = toks.iter().skip(1).position(|t| in_list(PARTICLES, t)) {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Somebody's words: a full or partial quotation.
    Speech,
    /// A scare-quoted term, coined label or idiom (no speaker).
    Term,
}

/// One quotation found in an article.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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
    /// Speech or term.
    pub kind: QuoteKind,
    /// Canonical roster name, else the name as written; `None` = unattributed.
    pub speaker: Option<String>,
    /// Roster side, `"unaligned"` for a named speaker not in the roster,
    /// `None` when unattributed or a `Term`.
    pub side: Option<String>,
    /// The cue as written ("said", "told", "according to", "saying",
    /// "quoting", "In a statement"); `None` for continuations and terms.
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

/// Every id that [`Quote::rule`] can take.
pub const RULES: [&str; 10] = [
    "verb_after",
    "verb_before",
    "appositive",
    "speaker_before_colon",
    "pronoun",
    "continuation",
    "previous_sentence",
    "document",
    "term_quote",
    "unattributed",
];

const MAX_BACK: usize = 600;
const MAX_FWD: usize = 600;

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
    let mut attrs: Vec<Attr> = Vec::with_capacity(ctx.raws.len());
    for i in 0..ctx.raws.len() {
        let a = ctx.attribute(i, &attrs);
        attrs.push(a);
    }
    ctx.raws
        .into_iter()
        .zip(ctx.words)
        .zip(attrs)
        .map(|((r, words), a)| Quote {
            open: r.open,
            close: r.close,
            start: r.start,
            end: r.end,
            kind: a.kind,
            side: a.speaker.as_ref().map(|s| s.side.to_string()),
            speaker: a.speaker.map(|s| s.name.into_owned()),
            cue: a.cue.map(|(s, e)| text[s..e].to_string()),
            rule: a.rule,
            words,
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

/// Byte offsets of every quote mark (double or single) and every line break
/// in `text`, in order: the only places the extraction passes look at.
fn marks<K: Kernels>(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut v = Vec::with_capacity(text.len() / 16);
    // `i` is always a char boundary: only ASCII bytes are skipped unseen
    let mut i = 0;
    while i + 16 <= b.len() {
        let base = i;
        let chunk: &[u8; 16] = b[base..base + 16].try_into().expect("16 bytes");
        let mut m = K::quote_mark_mask(chunk);
        // visit the candidate bytes of the block in order; the bytes of a
        // multi-byte char after its first are candidates too, and skipped
        while m != 0 {
            let k = base + m.trailing_zeros() as usize;
            m &= m - 1;
            if k >= i {
                i = k + mark_at(b, k, &mut v);
            }
        }
        i = i.max(base + 16);
    }
    while i < b.len() {
        if is_mark_byte(b[i]) {
            i += mark_at(b, i, &mut v);
        } else {
            i += 1;
        }
    }
    v
}

/// Record `k` in `v` when the char starting there is a quote mark or a line
/// break; returns the char's length in bytes. Decodes from the bytes of
/// valid UTF-8: the non-ASCII marks are U+0085, « and » (C2 xx) and
/// U+2018–U+201F but U+201A, U+2028, U+2029 (E2 80 xx).
fn mark_at(b: &[u8], k: usize, v: &mut Vec<usize>) -> usize {
    let x = b[k];
    if x < 0x80 {
        if matches!(x, b'\n' | b'\r' | b'"' | b'\'') {
            v.push(k);
        }
        1
    } else if x < 0xE0 {
        if x == 0xC2 && matches!(b.get(k + 1), Some(0x85 | 0xAB | 0xBB)) {
            v.push(k);
        }
        2
    } else if x < 0xF0 {
        if x == 0xE2
            && b.get(k + 1) == Some(&0x80)
            && matches!(
                b.get(k + 2),
                Some(0x98 | 0x99 | 0x9B | 0x9C | 0x9D | 0x9E | 0x9F | 0xA8 | 0xA9)
            )
        {
            v.push(k);
        }
        3
    } else {
        4
    }
}

fn paragraphs(text: &str, marks: &[usize]) -> Vec<Para> {
    // \n, \r, U+2028/U+2029 (E2 80 A8/A9) and U+0085 (C2 85) end a line.
    let b = text.as_bytes();
    let mut v = Vec::with_capacity(marks.len());
    let mut s = 0;
    for &i in marks {
        let len = match b[i] {
            b'\n' | b'\r' => 1,
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            0xC2 if b.get(i + 1) == Some(&0x85) => 2,
            _ => continue,
        };
        v.push(Para { s, e: i });
        s = i + len;
    }
    v.push(Para { s, e: text.len() });
    v
}

/// The plain ASCII tokens of the sixteen bytes from `i` (a token start or
/// whitespace, below `qlimit`), cut as [`Ctx::tokenize`] cuts them and
/// pushed onto `out`: whitespace skipped, punctuation one byte each, and
/// runs of letters and digits that end at `qlimit` or before a byte that
/// neither joins the run to another (`'`, `-`, `&`, `.`, which also end
/// abbreviations) nor may extend it (a non-ASCII char). Stops at the first
/// token it cannot cut (a non-ASCII char, a word ending at such a byte or
/// going on past the block), at `qlimit` or at the block's end, and returns
/// where it stopped: `i` when at once, or when the text has no sixteen
/// bytes from `i`.
#[inline]
fn block_tokens<K: Kernels>(b: &[u8], i: usize, qlimit: usize, out: &mut Vec<Tok>) -> usize {
    let Some(block) = b[i..].first_chunk::<16>() else {
        return i;
    };
    let m: TokenMasks = K::token_masks(block);
    let lim = qlimit - i;
    // the bytes before `qlimit`: only those can start or continue a token
    let valid: u32 = if lim >= 16 { 0xFFFF } else { (1 << lim) - 1 };
    let word = m.alnum & valid;
    // a word ending before one of these is left to the caller
    let stop = m.joiner | m.high;
    // offset in the block of the first byte not yet read
    let mut k = 0;
    loop {
        let rest = valid & !m.blank & (u32::MAX << k);
        if rest == 0 {
            return i + lim.min(16);
        }
        let p = rest.trailing_zeros();
        let at = i + p as usize;
        let bit = 1 << p;
        if m.high & bit != 0 {
            return at;
        }
        if word & bit == 0 {
            out.push(Tok {
                s: at,
                e: at + 1,
                k: Tk::Punct(char::from(b[at])),
            });
            k = p + 1;
            continue;
        }
        // `!word` has bit 16 set: the run ends in the block or at its end,
        // where it may go on (unless that is `qlimit`)
        let end = (!word & (u32::MAX << p)).trailing_zeros();
        if (end == 16 && lim > 16) || ((end as usize) < lim && stop & (1 << end) != 0) {
            return at;
        }
        out.push(Tok {
            s: at,
            e: i + end as usize,
            k: Tk::Word,
        });
        k = end;
    }
}

fn is_mark_byte(b: u8) -> bool {
    // as i8: bytes >= 0x80 are negative
    (b as i8) < 0x28 && b != b' '
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
    p.is_whitespace() || matches!(p, '(' | '[' | '{' | '<' | '—' | '–' | '/' | ':')
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

fn find_doubles(text: &str, paras: &[Para], marks: &[usize]) -> Vec<Raw> {
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
    let mut mi = 0;
    for (pi, p) in paras.iter().enumerate() {
        let seg = &text[p.s..p.e];
        // Only quote marks matter: visit the marks inside the paragraph.
        while marks.get(mi).is_some_and(|&m| m < p.s) {
            mi += 1;
        }
        while let Some(&m) = marks.get(mi).filter(|&&m| m < p.e) {
            mi += 1;
            let k = m - p.s;
            let c = seg[k..].chars().next().expect("mark in paragraph");
            let cl = c.len_utf8();
            let double = is_double(c);
            if double || (is_single(c) && cur.is_some()) {
                let prev = seg[..k].chars().next_back();
                let next = seg[k + cl..].chars().next();
                let i = p.s + k;
                if double {
                    if skip_at == Some(i) {
                        skip_at = None;
                    } else {
                        step_double(text, &mut cur, &mut out, i, c, prev, next);
                    }
                } else if let Some(o) = cur.as_mut() {
                    step_single(o, i, c, prev, next);
                }
            }
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
    let nested = o
        .nested
        .into_iter()
        .filter(|&(s, e)| e <= end && s < e)
        .collect();
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
    let open_ctx = prev.none_or(opens_after);
    let next_closeish = next.none_or(closes_before);
    let len = c.len_utf8();
    match cur.take() {
        Some(o) => {
            let closes = match c {
                '”' => true,
                '»' => o.mark != '»',
                '«' => o.mark == '»',
                '“' | '‟' => o.mark == '„' || (!open_ctx && next_closeish),
                '"' => !open_ctx || next_closeish,
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
                // with nothing open, a straight mark glued to punctuation still
                // opens (`he said,"and …`); after a letter or digit it is an
                // inch mark or a stray closing mark
                '"' => !next_closeish && prev.none_or_not(is_alnum),
                '»' => open_ctx && !next_closeish,
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
                && (i == o.inner || prev.none_or(opens_after))
                && next.is_some_and(char::is_alphabetic)
            {
                o.nest_open = Some(i + c.len_utf8());
            }
        }
        Some(ns) => {
            if matches!(c, '’' | '\'')
                && i > ns
                && prev.is_some_and(|p| !p.is_whitespace())
                && next.none_or_not(is_alnum)
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
fn find_singles(text: &str, paras: &[Para], doubles: &[Raw], marks: &[usize]) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut di = 0;
    let mut mi = 0;
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
            // Only ‘ and ' can open: jump to the next quote mark, stopping at
            // the next double quotation so that it is skipped whole.
            let stop = doubles.get(di).map_or(p.e, |d| d.open.clamp(k, p.e));
            while marks.get(mi).is_some_and(|&m| m < k) {
                mi += 1;
            }
            let m = marks.get(mi).map_or(stop, |&m| m.min(stop));
            if m > k {
                k = m;
                prev = text[..k].chars().next_back();
                continue;
            }
            let Some(c) = text[k..].chars().next() else {
                break;
            };
            let cl = c.len_utf8();
            if matches!(c, '‘' | '\'')
                && prev.none_or(opens_after)
                && text[k + cl..p.e]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
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
            && next.none_or_not(is_alnum)
        {
            return (alnum >= 2 && words <= 4).then_some((at, c.len_utf8()));
        }
        if is_double(c) || matches!(c, '‘' | '!' | '?' | ';') {
            return None;
        }
        if c == '.' && next.none_or(char::is_whitespace) {
            return None;
        }
        if is_alnum(c) {
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
            let word = body
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_alnum(c) || c == '.')
                .last()
                .map_or("", |(k, _)| &body[k..]);
            !is_abbrev(word)
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
    in_list(ABBREV, word)
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

const ABBREV_WORDS: &str =
    "mr mrs ms dr jr sr st sen rep gov gen lt col sgt capt prof rev inc corp co ltd vs etc no \
    jan feb mar apr jun jul aug sep sept oct nov dec calif ariz fla mass ave blvd dept \
    approx fig mt ft pa wash colo conn";

const PARTICLES_WORDS: &str = "de del della da di du van von der la le bin ibn al";

const CONNECTORS_WORDS: &str = "of for and the on & de del y";

const PREPS_WORDS: &str =
    "in on at from for of to with by during after before via through over under about into \
    since as amid against despite like near without within per toward towards among between \
    upon";

const LEAD_ADV_WORDS: &str =
    "but and so yet however meanwhile still also now then regardless instead separately \
    additionally moreover indeed thus later earlier previously nevertheless nonetheless \
    furthermore or";

const FUNCTION_WORDS: &str =
    "the a an this that these those it he she they we i you his her its their our my your but \
    and or so yet however meanwhile if when while as after before since because although \
    though there here what who why how where which regardless also still now then even just \
    only all some many most each every any no not both either neither like unlike perhaps \
    maybe according last next in on at for of to with by from during despite until unless \
    instead indeed thus meantime hours days weeks years news";

const MONTHS_DAYS_WORDS: &str =
    "january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday \
    friday saturday sunday";

const TITLES_WORDS: &str =
    "mayor acting director deputy executive associate senior sen senator rep representative \
    gov governor president vice secretary commissioner chief officer attorney general judge \
    justice dr mr mrs ms miss prof professor spokesman spokeswoman spokesperson councilman \
    councilwoman councilmember assemblyman assemblywoman lt sgt capt col gen detective \
    inspector agent sheriff chairman chairwoman chair rev former interim special assistant \
    counsel administrator minister prime colleague u.s us federal state";

const ORG_WORDS_WORDS: &str =
    "news press times post journal department dept coalition center centre office court \
    agency association institute council committee university college school police service \
    services bureau administration party union foundation group inc corp corporation company \
    llc city county ministry enforcement commission board authority network project alliance \
    league society church fund bank government congress senate house assembly tribune herald \
    reuters operations studies campaign network television radio";

/// Head nouns of role phrases ("city officials", "a spokeswoman").
const ROLE_HEADS_WORDS: &str =
    "official officials spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople \
    representative representatives director directors officer officers agent agents lawyer \
    lawyers attorney attorneys counsel chief leader leaders president secretary commissioner \
    commissioners administrator aide aides staff staffer staffers employee employees \
    advocate advocates activist activists critic critics supporter supporters opponent \
    opponents expert experts analyst analysts source sources resident residents police cops \
    prosecutor prosecutors judge judges mayor governor senator senators lawmaker lawmakers \
    legislator legislators politician politicians researcher researchers fellow scholar \
    scholars economist economists people parents neighbors witness witnesses authorities \
    spokespersons members member organizers protesters";

/// Head nouns of unnamed organisations ("the mayor’s office").
const ORG_HEADS_WORDS: &str =
    "office department agency campaign council committee board commission company ministry \
    administration government coalition organization organisation group union";

/// Head nouns of documents ("a press release", "the statement").
const DOC_HEADS_WORDS: &str =
    "release releases statement statements report letter memo email e-mail complaint filing \
    lawsuit ruling order document documents notice announcement tweet post affidavit study \
    survey analysis bulletin advisory transcript";

/// Heads whose modifier organisation is the real source ("an ICE official",
/// "a spokeswoman for the coalition", "a statement from ICE").
const REP_HEADS_WORDS: &str =
    "official officials spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople \
    representative representatives director officer officers agent agents lawyer lawyers \
    attorney attorneys counsel aide aides staff staffer staffers employee employees release \
    releases statement statements email e-mail letter memo report tweet post filing \
    announcement notice administration bulletin advisory office campaign";

/// Determiners allowed before a name or role phrase.
const DETERMINERS_WORDS: &str = "the a an his her its their our my your some two three several";

const SAY_FINITE_WORDS: &str =
    "said says say told tells tell wrote writes added adds stated accused accuses argued \
    argues claimed claims insisted insists warned warns explained explains asked asks noted \
    notes reported reports announced announces criticized criticised criticizes criticises \
    tweeted tweets posted responded responds replied replies continued continues declared \
    declares acknowledged admitted conceded contended countered emphasized stressed urged \
    vowed promised predicted complained recalled remarked testified requested demanded \
    alleged alleges blasted decried denounced lamented cautioned commented";

const SAY_ING_WORDS: &str =
    "saying adding noting arguing warning writing telling claiming insisting explaining \
    asking accusing criticizing criticising tweeting responding replying announcing stating \
    requesting demanding declaring urging vowing complaining alleging testifying reporting \
    continuing";

/// A cue preceded by one of these is a noun ("the requests", "its claims").
const NOUN_PRE_WORDS: &str =
    "the a an its their his her our your my this these those of with for to in on by from at \
    no any some such many several every each";

const BE_AUX_WORDS: &str = "is are was were been being be am";

const PASSIVE_AUX_WORDS: &str = "is are was were been being be am get gets got";

/// Auxiliaries/adverbs between a subject and its speech verb.
const AUX_ADV_WORDS: &str =
    "has have had is are was were will would could should may might can did does do also \
    later then previously repeatedly recently again earlier further reportedly publicly once \
    often already separately similarly frequently been first simply openly angrily flatly \
    bluntly privately";

const CLAUSE_BOUNDARY_WORDS: &str =
    "that who which whom whose because although though whereas while when if where since \
    unless after before until as what how why whether";

/// What may follow a cue in a sentence that only introduces the next quote
/// ("Albence said in a statement.").
const TAIL_START_WORDS: &str =
    "in on at during via through from after before yesterday today tonight monday tuesday \
    wednesday thursday friday saturday sunday this last earlier later recently again";

/// A word list id: one bit in the lexicon below.
#[derive(Debug, Clone, Copy)]
struct L(u32);

const ABBREV: L = L(1 << 0);
const PARTICLES: L = L(1 << 1);
const CONNECTORS: L = L(1 << 2);
const PREPS: L = L(1 << 3);
const LEAD_ADV: L = L(1 << 4);
const FUNCTION: L = L(1 << 5);
const MONTHS_DAYS: L = L(1 << 6);
const TITLES: L = L(1 << 7);
const ORG_WORDS: L = L(1 << 8);
const ROLE_HEADS: L = L(1 << 9);
const ORG_HEADS: L = L(1 << 10);
const DOC_HEADS: L = L(1 << 11);
const REP_HEADS: L = L(1 << 12);
const DETERMINERS: L = L(1 << 13);
const SAY_FINITE: L = L(1 << 14);
const SAY_ING: L = L(1 << 15);
const NOUN_PRE: L = L(1 << 16);
const BE_AUX: L = L(1 << 17);
const PASSIVE_AUX: L = L(1 << 18);
const AUX_ADV: L = L(1 << 19);
const CLAUSE_BOUNDARY: L = L(1 << 20);
const TAIL_START: L = L(1 << 21);

const LISTS: &[(L, &str)] = &[
    (ABBREV, ABBREV_WORDS),
    (PARTICLES, PARTICLES_WORDS),
    (CONNECTORS, CONNECTORS_WORDS),
    (PREPS, PREPS_WORDS),
    (LEAD_ADV, LEAD_ADV_WORDS),
    (FUNCTION, FUNCTION_WORDS),
    (MONTHS_DAYS, MONTHS_DAYS_WORDS),
    (TITLES, TITLES_WORDS),
    (ORG_WORDS, ORG_WORDS_WORDS),
    (ROLE_HEADS, ROLE_HEADS_WORDS),
    (ORG_HEADS, ORG_HEADS_WORDS),
    (DOC_HEADS, DOC_HEADS_WORDS),
    (REP_HEADS, REP_HEADS_WORDS),
    (DETERMINERS, DETERMINERS_WORDS),
    (SAY_FINITE, SAY_FINITE_WORDS),
    (SAY_ING, SAY_ING_WORDS),
    (NOUN_PRE, NOUN_PRE_WORDS),
    (BE_AUX, BE_AUX_WORDS),
    (PASSIVE_AUX, PASSIVE_AUX_WORDS),
    (AUX_ADV, AUX_ADV_WORDS),
    (CLAUSE_BOUNDARY, CLAUSE_BOUNDARY_WORDS),
    (TAIL_START, TAIL_START_WORDS),
];

/// Word → bit set of the lists containing it, built once. The words are
/// short ASCII, so each is packed into a `u128` (zero padded) and kept in an
/// open-addressing table about a quarter full: a lookup is one multiply and
/// usually one compare, with no allocation. Most words looked up are in no
/// list; a bit set over (length, first and last byte) turns most of those
/// away before the key is even built.
struct WordTable {
    /// `(key, length, lists)` at [`slot`] of the key or just after it
    /// (wrapping); empty slots have length 0.
    table: Vec<(u128, u8, u32)>,
    /// Bits at [`shape`] of every list word.
    shapes: Vec<u64>,
    /// Bits at [`shape`] of every word that can start a cue ([`CUE_WORDS`]).
    cue_shapes: Vec<u64>,
}

/// Every word [`Ctx::cue_at`] can accept as the start of a lowercase cue.
const CUE_WORDS: [&str; 8] = [
    SAY_FINITE_WORDS,
    SAY_ING_WORDS,
    "according",
    "quoting",
    "citing",
    "quoted",
    "released",
    "issued",
];

/// Whether `w` has the [`shape`] of a word in the set.
fn shape_in(shapes: &[u64], w: &[u8], lower: bool) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    if w.len() > MAX_WORD {
        return false;
    }
    let (first, last) = if lower {
        (first.to_ascii_lowercase(), last.to_ascii_lowercase())
    } else {
        (first, last)
    };
    let x = shape(w.len(), first, last);
    shapes[x / 64] & (1 << (x % 64)) != 0
}

fn shape_set<'w>(words: impl Iterator<Item = &'w str>) -> Vec<u64> {
    let mut shapes = vec![0u64; ((MAX_WORD + 1) * 32 * 32).div_ceil(64)];
    for w in words {
        let b = w.as_bytes();
        let x = shape(b.len(), b[0], b[b.len() - 1]);
        shapes[x / 64] |= 1 << (x % 64);
    }
    shapes
}

/// False only for words that cannot be a lowercase speech cue.
fn may_be_cue(w: &str) -> bool {
    shape_in(&lexicon().cue_shapes, w.as_bytes(), false)
}

/// Bit index of a word's length and the low five bits of its first and
/// last bytes (`n` ≤ [`MAX_WORD`]); lossy, so only a filter.
fn shape(n: usize, first: u8, last: u8) -> usize {
    (n * 32 + usize::from(first & 31)) * 32 + usize::from(last & 31)
}

/// Longest word in any list (checked when the table is built).
const MAX_WORD: usize = 16;

/// `w` packed for [`WordTable`] (bytes in order, zero padded),
/// ASCII-lowercased when `lower`; `None` when no list word can match (empty,
/// too long, non-ASCII first byte).
fn word_key(w: &[u8], lower: bool) -> Option<u128> {
    let n = w.len();
    if n == 0 || n > MAX_WORD || !w[0].is_ascii() {
        return None;
    }
    let x = pack(w);
    // The table is shared by every kernel type: lookups lowercase with `Fast`.
    Some(if lower { Fast::lower_ascii_lanes(x) } else { x })
}

/// The up to 16 bytes of `w` in the low lanes of a `u128`, the rest zero:
/// from 4 bytes on, two loads that may overlap (an overlapping byte is or-ed
/// onto itself), which costs less than copying a variable length.
fn pack(w: &[u8]) -> u128 {
    let n = w.len();
    debug_assert!(n <= 16);
    if let (Some(a), Some(b)) = (w.first_chunk::<8>(), w.last_chunk::<8>()) {
        let (a, b) = (u64::from_le_bytes(*a), u64::from_le_bytes(*b));
        return u128::from(a) | u128::from(b) << (8 * (n - 8));
    }
    if let (Some(a), Some(b)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        let (a, b) = (u32::from_le_bytes(*a), u32::from_le_bytes(*b));
        return u128::from(a) | u128::from(b) << (8 * (n - 4));
    }
    w.iter()
        .enumerate()
        .fold(0, |x, (i, &c)| x | u128::from(c) << (8 * i))
}

/// Bits in a [`WordTable`] slot number.
const WORD_SLOT_BITS: u32 = 11;

/// Home slot of a key in the [`WordTable`].
fn slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_SLOT_BITS)) as usize
}

fn lexicon() -> &'static WordTable {
    static LEX: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    LEX.get_or_init(|| {
        let mut m: HashMap<&'static str, u32> = HashMap::new();
        for (l, words) in LISTS {
            for w in words.split_ascii_whitespace() {
                *m.entry(w).or_default() |= l.0;
            }
        }
        let size = 1 << WORD_SLOT_BITS;
        assert!(
            m.len() * 3 <= size,
            "the word table stays at most a third full"
        );
        let mut table = vec![(0u128, 0u8, 0u32); size];
        for (w, bits) in m {
            assert!(w.is_ascii() && w.len() <= MAX_WORD, "word list entry {w:?}");
            let key = word_key(w.as_bytes(), false).expect("list word");
            let mut h = slot(key);
            while table[h].1 != 0 {
                h = (h + 1) % size;
            }
            table[h] = (key, w.len() as u8, bits);
        }
        WordTable {
            table,
            shapes: shape_set(LISTS.iter().flat_map(|(_, ws)| ws.split_ascii_whitespace())),
            cue_shapes: shape_set(CUE_WORDS.iter().flat_map(|ws| ws.split_ascii_whitespace())),
        }
    })
}

/// Bit set of the lists containing `w` exactly (ASCII-lowercased first
/// with `lower`). Most words asked about are in no list, and most of those
/// fail the [`shape`] test: that much is inlined at the callers.
#[inline(always)]
fn word_bits(w: &[u8], lower: bool) -> u32 {
    let lex = lexicon();
    if !shape_in(&lex.shapes, w, lower) {
        return 0;
    }
    word_bits_of(lex, w, lower)
}

/// [`word_bits`] of a word with a list word's shape: the table lookup.
#[inline(never)]
fn word_bits_of(lex: &WordTable, w: &[u8], lower: bool) -> u32 {
    let Some(key) = word_key(w, lower) else {
        return 0;
    };
    // the length tells "ab" from "ab\0", which pack alike
    let n = w.len() as u8;
    let mut h = slot(key);
    loop {
        let (k, len, bits) = lex.table[h];
        if len == 0 {
            return 0;
        }
        if k == key && len == n {
            return bits;
        }
        h = (h + 1) & ((1 << WORD_SLOT_BITS) - 1);
    }
}

/// Bit set of the lists containing `w.to_lowercase()` (allocates only for
/// non-ASCII words, whose lowercase form may still be ASCII: K → k).
fn lc_bits(w: &str) -> u32 {
    if w.is_ascii() {
        word_bits(w.as_bytes(), true)
    } else {
        word_bits(w.to_lowercase().as_bytes(), false)
    }
}

fn lc(w: &str) -> String {
    w.to_lowercase()
}

/// `w.to_lowercase()` is one of `words` (no allocation for ASCII `w`).
fn lc_is(w: &str, words: &[&str]) -> bool {
    if w.is_ascii() {
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    } else {
        let l = w.to_lowercase();
        words.contains(&l.as_str())
    }
}

/// Exact membership in a word list.
fn in_set(list: L, w: &str) -> bool {
    word_bits(w.as_bytes(), false) & list.0 != 0
}

/// Case-insensitive membership.
fn in_list(list: L, w: &str) -> bool {
    lc_bits(w) & list.0 != 0
}

/// Case-insensitive membership, ignoring a trailing period ("Sen.").
fn in_list_nodot(list: L, w: &str) -> bool {
    in_list(list, w.trim_end_matches('.'))
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
        let cut = w[..cut].char_indices().next_back().map_or(cut, |(i, _)| i);
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

/// A speaker: roster names and sides are borrowed, so that carrying one
/// from quote to quote (continuations, pronoun antecedents) copies nothing.
#[derive(Debug, Clone)]
struct Resolved<'a> {
    name: std::borrow::Cow<'a, str>,
    side: &'a str,
    kind: ActorKind,
    plural: bool,
}

#[derive(Debug, Clone)]
struct Attr<'a> {
    kind: QuoteKind,
    speaker: Option<Resolved<'a>>,
    cue: Option<(usize, usize)>,
    rule: &'static str,
    via_after: bool,
    after_end: usize,
}

/// One article's quotations under analysis, scanned with the kernels `K` (see
/// [`crate::scan`]).
struct Ctx<'a, K = Fast> {
    text: &'a str,
    roster: &'a Roster,
    paras: Vec<Para>,
    raws: Vec<Raw>,
    /// [`count_spaced_words`] of each raw quote's inner text.
    words: Vec<u32>,
    /// The last few [`Roster::raw_mentions`] searches.
    ment_cache: std::cell::RefCell<Vec<Searched>>,
    /// Surname → full name introduced earlier in the article ("Reyes" →
    /// "Tom Reyes"); bounded in size so adversarial input stays linear.
    full_names: std::cell::RefCell<HashMap<String, Option<String>>>,
    kernels: PhantomData<K>,
}

/// `(lo, hi, matches)` of one [`Roster::raw_mentions`] search.
type Searched = (usize, usize, Vec<(Mention, bool)>);

const MAX_SURNAMES: usize = 256;
const SURNAME_WINDOW: usize = 30_000;

#[cfg(test)]
impl<'a> Ctx<'a> {
    fn new(text: &'a str, roster: &'a Roster) -> Ctx<'a> {
        Ctx::new_with(text, roster)
    }
}

impl<'a, K: Kernels> Ctx<'a, K> {
    /// Find the quotations of `text` (attribution is left to the caller).
    fn new_with(text: &'a str, roster: &'a Roster) -> Ctx<'a, K> {
        let marks = marks::<K>(text);
        let paras = paragraphs(text, &marks);
        let mut raws = find_doubles(text, &paras, &marks);
        let singles = find_singles(text, &paras, &raws, &marks);
        raws.extend(singles);
        raws.sort_by_key(|r| r.open);
        let words = raws
            .iter()
            .map(|r| count_spaced_words::<K>(&text[r.start..r.end]))
            .collect();
        Ctx {
            text,
            roster,
            paras,
            raws,
            words,
            ment_cache: std::cell::RefCell::new(Vec::new()),
            full_names: std::cell::RefCell::new(HashMap::new()),
            kernels: PhantomData,
        }
    }

    /// Roster mentions inside `text[lo..hi]`, on word boundaries: the same
    /// as `Roster::mentions`, but a window inside a recently searched one
    /// reuses its matches. Leftmost-longest matching restarts after each
    /// match, so a window's matches are the searched span's matches inside
    /// it, unless one of those crosses the window's edge (then the window
    /// scan would have found a different, shorter or later, match): such a
    /// window is searched on its own.
    fn mentions(&self, lo: usize, hi: usize) -> Vec<Mention> {
        if lo >= hi || hi > self.text.len() {
            return Vec::new();
        }
        let mut cache = self.ment_cache.borrow_mut();
        let crosses = |m: &Mention| (m.s < lo && lo < m.e) || (m.s < hi && hi < m.e);
        let hit = cache
            .iter()
            .position(|(a, b, raw)| *a <= lo && hi <= *b && !raw.iter().any(|(m, _)| crosses(m)));
        let k = match hit {
            Some(k) => k,
            None => {
                let raw = self.roster.raw_mentions(self.text, lo, hi);
                if cache.len() == 4 {
                    cache.remove(0);
                }
                cache.push((lo, hi, raw));
                cache.len() - 1
            }
        };
        cache[k]
            .2
            .iter()
            .filter(|(m, ok)| *ok && lo <= m.s && m.e <= hi)
            .map(|&(m, _)| m)
            .collect()
    }
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
            if !tail {
                // Only . ! ? and the previous quotation can stop the walk:
                // jump back over everything else (all of it ASCII-safe, the
                // stops being ASCII bytes or char boundaries).
                let stop = match qi {
                    0 => floor,
                    _ => self.raws[qi - 1].close.clamp(floor, j),
                };
                let k = K::rfind_terminal(self.text.as_bytes(), stop, j);
                if k < j {
                    j = k;
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
        if ch == '.' && is_abbrev(wb) {
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
        let mut k = pos;
        loop {
            k = K::find_terminal(self.text.as_bytes(), k, limit);
            if k >= limit {
                return limit;
            }
            if self.is_boundary(k) {
                return k + 1;
            }
            k += 1;
        }
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
        let mut out = Vec::with_capacity(hi.saturating_sub(lo) / 5);
        let mut qi = self.raws.partition_point(|r| r.close <= lo);
        // Open of the next quotation (`usize::MAX` when none) and where the
        // words before it must end; both change only when `qi` does.
        let mut next_open = self.raws.get(qi).map_or(usize::MAX, |q| q.open);
        let mut qlimit = next_open.min(hi);
        let mut i = lo;
        while i < hi {
            if next_open <= i {
                let q = &self.raws[qi];
                if q.open >= lo {
                    out.push(Tok {
                        s: q.open,
                        e: q.close.min(hi),
                        k: Tk::Quote(qi),
                    });
                }
                i = q.close;
                qi += 1;
                next_open = self.raws.get(qi).map_or(usize::MAX, |q| q.open);
                qlimit = next_open.min(hi);
                continue;
            }
            // Most tokens are plain ASCII: let a block read them sixteen
            // bytes at a time, and take the others (and whatever the block
            // could not finish) one at a time below.
            let j = block_tokens::<K>(t.as_bytes(), i, qlimit, &mut out);
            if j > i {
                i = j;
                continue;
            }
            let c = match t.as_bytes().get(i) {
                Some(&a) if a.is_ascii() => {
                    // spaces and ASCII punctuation: the common one-byte tokens
                    if a == b' ' {
                        i += 1;
                        continue;
                    }
                    char::from(a)
                }
                _ => {
                    let Some(c) = t[i..].chars().next() else {
                        break;
                    };
                    c
                }
            };
            let cl = c.len_utf8();
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            if is_alnum(c) {
                let s = i;
                let mut j = i + cl;
                let mut seg_len = 1usize;
                let mut seg_digit = c.is_numeric();
                while j < qlimit {
                    // runs of ASCII letters and digits: the common case
                    let run = K::alnum_run(t.as_bytes(), j, qlimit) - j;
                    if run > 0 {
                        seg_digit =
                            seg_digit && t.as_bytes()[j..j + run].iter().all(u8::is_ascii_digit);
                        seg_len += run;
                        j += run;
                        // The run ended at `qlimit` or before a char that is
                        // no ASCII letter or digit: look at that char at once
                        // (another `alnum_run` from there would find nothing).
                        // An ASCII one other than the joiners below (a space,
                        // a comma) ends the word without being decoded.
                        if j >= qlimit
                            || (t.as_bytes()[j] < 0x80
                                && !matches!(t.as_bytes()[j], b'\'' | b'-' | b'&' | b'.'))
                        {
                            break;
                        }
                    }
                    let Some(d) = t[j..].chars().next() else {
                        break;
                    };
                    if is_alnum(d) {
                        j += d.len_utf8();
                        seg_len += 1;
                        seg_digit &= d.is_numeric();
                        continue;
                    }
                    // only these join two runs into one word (the common
                    // space or comma ends it without a look past)
                    if !matches!(d, '\'' | '’' | '-' | '‐' | '&' | '.') {
                        break;
                    }
                    let after = t[j + d.len_utf8()..qlimit.max(j + d.len_utf8())]
                        .chars()
                        .next();
                    let after_an = after.is_some_and(is_alnum);
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
                out.push(Tok {
                    s,
                    e: j,
                    k: Tk::Word,
                });
                // The space after a word (the usual case) is passed over here
                // rather than by another turn of the loop.
                i = if j < hi && t.as_bytes()[j] == b' ' {
                    j + 1
                } else {
                    j
                };
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

    /// Speech cue starting at token `i`. Asked of nearly every word near a
    /// quotation, and nine in ten are no cue: those whose first byte or
    /// [`shape`] rules them out are turned away here, inlined, before
    /// [`Ctx::cue_word_at`] looks at the word itself.
    #[inline(always)]
    fn cue_at(&self, toks: &[Tok], i: usize) -> Option<Cue> {
        let t = toks.get(i)?;
        if t.k != Tk::Word {
            return None;
        }
        let w = &self.text.as_bytes()[t.s..t.e];
        match w.first() {
            // "According to"
            Some(b'A') => {}
            Some(c) if c.is_ascii_lowercase() && shape_in(&lexicon().cue_shapes, w, false) => {}
            _ => return None,
        }
        self.cue_word_at(toks, i)
    }

    /// [`Ctx::cue_at`] for a word that may be a cue.
    #[inline(never)]
    fn cue_word_at(&self, toks: &[Tok], i: usize) -> Option<Cue> {
        let w = self.word(toks, i)?;
        if w == "According" && self.word(toks, i + 1) == Some("to") {
            return Some(Cue {
                form: Form::According,
                len: 2,
            });
        }
        // Every lowercase cue is an ASCII word (`is_lower` would also pass
        // non-ASCII words, none of which is in a cue list).
        if !w.as_bytes()[0].is_ascii_lowercase() || !may_be_cue(w) {
            return None;
        }
        let bits = word_bits(w.as_bytes(), false);
        let prev = if i > 0 { self.word(toks, i - 1) } else { None };
        let prev_in = |list: L| prev.is_some_and(|p| in_list(list, p));
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
            "released" | "issued"
                if matches!(next(1), Some("a" | "the")) && next(2) == Some("statement") =>
            {
                (Form::Finite, 3)
            }
            _ if bits & SAY_FINITE.0 != 0 => (Form::Finite, 1),
            _ if bits & SAY_ING.0 != 0 => {
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
            let w0 = self.w(&seg[0]);
            let p = if lc_is(w0, &["he", "she"]) {
                Some(Pron::Person)
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
    fn trailing_np(&self, seg: &[Tok]) -> Option<Np> {
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
        // anything but a few lowercase role words before the name means this
        // is not a clean noun phrase
        if j > 3 {
            return None;
        }
        if j > 0 && in_list(PREPS, w(j - 1)) {
            return None;
        }
        if head[..j].iter().any(|t| self.junk_before_name(t)) {
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
                    || lc_is(w, &["that", "who", "which", "whose", "whom"]))
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
    fn subject_before(&self, toks: &[Tok], c: usize, tight_from: Option<usize>) -> Subj {
        let lo = tight_from.unwrap_or(0);
        let mut k = c;
        while k > lo && self.word(toks, k - 1).is_some_and(|w| in_list(AUX_ADV, w)) {
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
        let rel = b > 0
            && self
                .word(toks, b - 1)
                .is_some_and(|w| matches!(w, "who" | "which"));
        let closed = k > b && toks[k - 1].k == Tk::Punct(',');
        if rel && (closed || !toks[b..k].iter().any(|t| t.k == Tk::Word)) {
            // "…, Lucero, who said “…”", "The NRA, which opposed it, said …":
            // the antecedent before the relative pronoun is the subject
            let mut end = b - 1;
            while end > 0 && matches!(toks[end - 1].k, Tk::Punct(',')) {
                end -= 1;
            }
            let st = toks[..end]
                .iter()
                .rposition(|t| t.k != Tk::Word)
                .map_or(0, |p| p + 1);
            return match self.trailing_np(&toks[st..end]) {
                Some(np) => Subj::Found(np, false),
                None => Subj::Nothing,
            };
        }
        self.parse_segments(&toks[b..k], false)
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
        if n == 0 || (tight && (n > 2 || (n == 2 && !trailing))) {
            return Subj::Nothing;
        }
        if trailing && n >= 2 {
            let a = self.classify(seg(0));
            let b = self.classify(seg(1));
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
        match self.classify(seg(1)) {
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

    fn attr_from_cue(&self, toks: &[Tok], c: usize, cue: Cue, rule: &'static str) -> Option<Found> {
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

    /// A channel phrase opening the sentence ("In a statement,", "On
    /// Twitter,"): byte span of the phrase.
    fn channel(&self, toks: &[Tok]) -> Option<(usize, usize)> {
        let w = |i: usize| self.word(toks, i);
        let (a, b, c) = (w(0)?, w(1)?, w(2));
        let len = if lc_is(a, &["on"]) && lc_is(b, &["twitter", "facebook", "instagram", "x"]) {
            2
        } else if lc_is(a, &["in"])
            && lc_is(b, &["a", "an"])
            && c.is_some_and(|c| {
                lc_is(
                    c,
                    &[
                        "statement",
                        "email",
                        "e-mail",
                        "tweet",
                        "letter",
                        "post",
                        "interview",
                    ],
                )
            })
        {
            3
        } else {
            return None;
        };
        (toks.get(len).map(|t| t.k) == Some(Tk::Punct(','))).then(|| (toks[0].s, toks[len - 1].e))
    }

    /// Attribution from the words before a quote in its own sentence.
    fn attr_from_tokens(&self, toks: &[Tok], colon_rule: &'static str) -> Option<Found> {
        let colon = matches!(
            toks.last(),
            Some(Tok {
                k: Tk::Punct(':'),
                ..
            })
        );
        let rule = if colon { colon_rule } else { "verb_before" };
        for c in (0..toks.len()).rev() {
            if let Some(cue) = self.cue_at(toks, c) {
                return self.attr_from_cue(toks, c, cue, rule);
            }
        }
        if let Some((cs, ce)) = self.channel(toks) {
            // "In a statement, ICE called the ruling “…”": no speech verb, but
            // the channel makes the sentence subject the source
            let (np, appos) = self.np_initial(toks)?;
            return Some(Found {
                anchor: np.s,
                np,
                appos,
                cue: Some((cs, ce)),
                rule,
            });
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
        // After a quote that ended its own sentence, a capitalized word
        // starts a new sentence; it attributes the quote only when it is a
        // bare attribution ("“Stop.” Albence said." / "… Lucero told AP.").
        let new_sentence = ends_terminal(&self.text[q.start..q.end]) && is_cap(first);
        let bare = |c: usize, len: usize| {
            let tail = toks[c + len..].iter().filter(|t| t.k == Tk::Word).count();
            let ended = self.text[..ae].trim_end().ends_with(['.', '!', '?']);
            !new_sentence || (ended && tail <= 3 && c - k <= 4)
        };
        if let Some(cue) = self.cue_at(&toks, k) {
            if !matches!(cue.form, Form::Finite | Form::According) || !bare(k, cue.len) {
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
                if cue.form != Form::Finite || !bare(c, cue.len) {
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
        if matches!(
            toks.last(),
            Some(Tok {
                k: Tk::Punct(':'),
                ..
            })
        ) {
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
        let c = (0..toks.len()).rev().find(|&c| {
            self.cue_at(&toks, c)
                .is_some_and(|cue| cue.form == Form::Finite)
        })?;
        let cue = self.cue_at(&toks, c)?;
        let tail: Vec<&str> = toks[c + cue.len..]
            .iter()
            .filter(|t| t.k == Tk::Word)
            .map(|t| self.w(t))
            .collect();
        let ok = tail.is_empty()
            || (tail.len() <= 8
                && in_list(TAIL_START, tail[0])
                && !tail.iter().any(|w| lc_is(w, &["that"])));
        if !ok {
            return None;
        }
        let mut f = self.attr_from_cue(&toks, c, cue, "previous_sentence")?;
        f.rule = "previous_sentence";
        Some(f)
    }

    fn resolve_np(&self, np: &Np) -> Option<Resolved<'a>> {
        let roster: &'a Roster = self.roster;
        match &np.who {
            Who::Actor(i) => {
                let a = &roster.actors[*i];
                Some(Resolved {
                    name: std::borrow::Cow::Borrowed(&a.name),
                    side: &a.side,
                    kind: a.kind,
                    plural: a.kind == ActorKind::Role && a.name.ends_with('s'),
                })
            }
            Who::Named(name, kind, plural) => Some(Resolved {
                name: std::borrow::Cow::Owned(
                    if *kind == ActorKind::Person && !name.contains(char::is_whitespace) {
                        self.full_name(name, np.s).unwrap_or_else(|| name.clone())
                    } else {
                        name.clone()
                    },
                ),
                side: "unaligned",
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

    fn resolve_pron(&self, p: Pron, anchor: usize, attrs: &[Attr<'a>]) -> Option<Resolved<'a>> {
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
    fn best_candidate(
        &self,
        s: usize,
        e: usize,
        p: Pron,
        attrs: &[Attr<'a>],
    ) -> Option<Resolved<'a>> {
        let toks = self.tokenize(s, e);
        let mut best: Option<(usize, Resolved<'a>)> = None;
        let mut consider = |pos: usize, r: Resolved<'a>| {
            if fits(p, &r)
                && match &best {
                    None => true,
                    Some((bp, _)) => pos >= *bp,
                }
            {
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
                    if self
                        .cue_at(&toks, k)
                        .is_some_and(|c| c.form == Form::Finite)
                    {
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
        self.mentions(s, e)
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

    fn finish(&self, f: &Found, attrs: &[Attr<'a>]) -> (Option<Resolved<'a>>, &'static str) {
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

    fn continuation(&self, i: usize, attrs: &[Attr<'a>]) -> Option<Resolved<'a>> {
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
        if q.open - from > 2000 || self.text[from..q.open].chars().any(is_alnum) {
            return None;
        }
        Some(sp)
    }

    fn attribute(&self, i: usize, attrs: &[Attr<'a>]) -> Attr<'a> {
        let q = &self.raws[i];
        let inner = &self.text[q.start..q.end];
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
        let before_blank = !self.text[s0..q.open].chars().any(is_alnum);
        // At most four words is a candidate term. A final period only makes a
        // short quote a full utterance when it stands alone (“No comment.”);
        // inside a sentence it is American punctuation (called it a “giveaway.”).
        let short = self.words[i] <= 4 && (!ends_terminal(inner) || !before_blank);
        let pe = self.paras[self.para_of(q.close.saturating_sub(1))]
            .e
            .max(q.close);
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

/// The run of letters, digits and periods (at most 40 chars) ending at `jb`.
fn word_before(t: &str, jb: usize) -> &str {
    let head = &t[..jb];
    head.char_indices()
        .rev()
        .take_while(|&(_, c)| is_alnum(c) || c == '.')
        .take(40)
        .last()
        .map_or("", |(k, _)| &head[k..])
}

fn fits(p: Pron, r: &Resolved<'_>) -> bool {
    match p {
        Pron::Person => r.kind == ActorKind::Person || (r.kind == ActorKind::Role && !r.plural),
        Pron::It => matches!(r.kind, ActorKind::Organization | ActorKind::Document),
        Pron::They => matches!(r.kind, ActorKind::Organization | ActorKind::Role),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::Plain;

    fn actor(name: &str, aliases: &[&str], side: &str, kind: ActorKind) -> RosterActor {
        RosterActor {
            name: name.to_string(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            side: side.to_string(),
            kind,
        }
    }

    /// Roster for the hand-written sentences (Maria Ortiz, Tom Reyes, Karen
    /// Holt … are deliberately absent so that "unaligned" is exercised).
    fn roster() -> Roster {
        Roster::new(&[
            actor("Ellen Park", &[], "state", ActorKind::Person),
            actor("Henry Lucero", &[], "restrictionist", ActorKind::Person),
            actor(
                "Riverside Tenants Union",
                &["tenants union"],
                "tenants",
                ActorKind::Organization,
            ),
            actor(
                "Housing Authority",
                &["HA"],
                "landlord",
                ActorKind::Organization,
            ),
            actor(
                "Housing Authority press release",
                &["press release"],
                "landlord",
                ActorKind::Document,
            ),
            actor(
                "city officials",
                &["city officials"],
                "local_gov",
                ActorKind::Role,
            ),
            actor(
                "The Associated Press",
                &["AP"],
                "neutral",
                ActorKind::Organization,
            ),
        ])
    }

    fn seed_roster() -> Roster {
        Roster::new(&[
            actor(
                "Henry Lucero",
                &["Lucero"],
                "restrictionist",
                ActorKind::Person,
            ),
            actor(
                "Matthew Albence",
                &["Albence"],
                "restrictionist",
                ActorKind::Person,
            ),
            actor(
                "Bill de Blasio",
                &["de Blasio"],
                "pro_immigrant",
                ActorKind::Person,
            ),
            actor(
                "Freddi Goldstein",
                &["Goldstein"],
                "pro_immigrant",
                ActorKind::Person,
            ),
            actor(
                "ICE",
                &[
                    "U.S. Immigration and Customs Enforcement",
                    "Immigration and Customs Enforcement",
                ],
                "restrictionist",
                ActorKind::Organization,
            ),
            actor(
                "New York Immigration Coalition",
                &["NYIC"],
                "pro_immigrant",
                ActorKind::Organization,
            ),
            actor(
                "ICE press release",
                &["press release"],
                "restrictionist",
                ActorKind::Document,
            ),
            actor(
                "The Associated Press",
                &["Associated Press", "AP"],
                "neutral",
                ActorKind::Organization,
            ),
            actor(
                "Center for Immigration Studies",
                &["CIS"],
                "restrictionist",
                ActorKind::Organization,
            ),
            actor(
                "Andrew Arthur",
                &["Arthur"],
                "restrictionist",
                ActorKind::Person,
            ),
        ])
    }

    fn inner<'a>(t: &'a str, q: &Quote) -> &'a str {
        &t[q.start..q.end]
    }

    /// The quote whose inner text contains `needle`.
    fn find<'a>(t: &str, qs: &'a [Quote], needle: &str) -> &'a Quote {
        let mut found: Vec<&Quote> = qs.iter().filter(|q| inner(t, q) == needle).collect();
        if found.is_empty() {
            found = qs.iter().filter(|q| inner(t, q).contains(needle)).collect();
        }
        assert_eq!(
            found.len(),
            1,
            "expected one quote containing {needle:?}, got {:?}",
            qs.iter().map(|q| inner(t, q)).collect::<Vec<_>>()
        );
        found[0]
    }

    fn check_invariants(t: &str, qs: &[Quote]) {
        for (i, q) in qs.iter().enumerate() {
            for x in [q.open, q.close, q.start, q.end] {
                assert!(x <= t.len() && t.is_char_boundary(x), "offset {x} in {t:?}");
            }
            assert!(
                q.open < q.start && q.start <= q.end && q.end <= q.close,
                "{q:?}"
            );
            for &(s, e) in &q.nested {
                assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
                assert!(q.start <= s && s <= e && e <= q.end, "nested {q:?}");
            }
            if i > 0 {
                assert!(qs[i - 1].close <= q.open, "overlap {:?} {:?}", qs[i - 1], q);
            }
            if q.kind == QuoteKind::Term {
                assert!(q.speaker.is_none() && q.side.is_none());
            }
            assert!(RULES.contains(&q.rule), "{}", q.rule);
            assert_eq!(q.speaker.is_none(), q.side.is_none());
        }
    }

    fn run(t: &str) -> Vec<Quote> {
        let qs = extract(t, &roster());
        check_invariants(t, &qs);
        qs
    }

    fn speaker(q: &Quote) -> Option<&str> {
        q.speaker.as_deref()
    }

    // ----------------------------------------------------------- extraction

    /// Tiny deterministic generator for the differential tests.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Random text from `pieces`, `n` of them.
    fn random_text(r: &mut Rng, pieces: &[&str], n: usize) -> String {
        (0..n).map(|_| pieces[r.below(pieces.len())]).collect()
    }

    #[test]
    fn mark_mask_matches_a_plain_byte_test() {
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = [b'a'; 16];
                b[at] = v;
                let want: u32 = (0..16)
                    .filter(|&i| is_mark_byte(b[i]))
                    .map(|i| 1 << i)
                    .sum();
                assert_eq!(Fast::quote_mark_mask(&b), want, "{v} {at}");
                assert_eq!(Plain::quote_mark_mask(&b), want, "{v} {at}");
            }
        }
    }

    #[test]
    fn token_masks_match_a_plain_byte_test() {
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = *b"ab -,x'&.Z9\t\x01zz!";
                b[at] = v;
                let (got, want) = (Fast::token_masks(&b), Plain::token_masks(&b));
                assert_eq!(got.alnum, want.alnum, "{v} {at}");
                assert_eq!(got.blank, want.blank, "{v} {at}");
                assert_eq!(got.high, want.high, "{v} {at}");
                assert_eq!(got.joiner, want.joiner, "{v} {at}");
                // the plain masks are what `tokenize` tests byte by byte
                let bit = 1 << at;
                assert_eq!(want.alnum & bit != 0, is_alnum(char::from(v)) && v < 0x80);
                assert_eq!(
                    want.blank & bit != 0,
                    v < 0x80 && char::from(v).is_whitespace()
                );
                assert_eq!(want.high & bit != 0, !v.is_ascii());
            }
        }
    }

    #[test]
    fn marks_match_a_char_by_char_scan() {
        let plain = |t: &str| -> Vec<usize> {
            t.char_indices()
                .filter(|&(_, c)| {
                    is_double(c)
                        || is_single(c)
                        || matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
                })
                .map(|(i, _)| i)
                .collect()
        };
        // every char of U+0000–U+2FFF at every offset of a block
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            for pad in 0..18 {
                let t = format!("{}{c}{}", "a".repeat(pad), "b ".repeat(9));
                assert_eq!(marks::<Fast>(&t), plain(&t), "{c:?} {pad}");
                assert_eq!(marks::<Plain>(&t), plain(&t), "{c:?} {pad}");
            }
        }
        let pieces = [
            "a", "b c", " ", "\n", "\r", "\"", "'", "“", "”", "„", "‟", "«", "»", "‘", "’", "‚",
            "‛", "—", "–", "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "é", "😀", "€", "‹", "!",
            "&", "(", "\t", "\u{0}", "\u{7f}", "ÿ", "\u{2027}", "\u{202a}",
        ];
        let mut r = Rng(0x2545_F491_4F6C_DD1D);
        for _ in 0..3000 {
            let n = r.below(80);
            let t = random_text(&mut r, &pieces, n);
            assert_eq!(marks::<Fast>(&t), plain(&t), "{t:?}");
            assert_eq!(marks::<Plain>(&t), plain(&t), "{t:?}");
        }
    }

    #[test]
    fn extract_curly_and_straight() {
        let t = "He said “the door is open” and then \"the window is shut\" today.";
        let qs = run(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(inner(t, &qs[0]), "the door is open");
        assert_eq!(&t[qs[0].open..qs[0].close], "“the door is open”");
        assert_eq!(inner(t, &qs[1]), "the window is shut");
        assert_eq!(&t[qs[1].open..qs[1].close], "\"the window is shut\"");
        assert!(qs.iter().all(|q| !q.unclosed));
    }

    #[test]
    fn extract_mismatched_pairs_both_ways() {
        let t = "“Curly opens and straight closes here now.\" Then \"straight opens and curly closes here now,” she said,\"and a glued one opens here.\" A 6\" pipe.";
        let qs = run(t);
        assert_eq!(qs.len(), 3);
        assert_eq!(
            inner(t, &qs[0]),
            "Curly opens and straight closes here now."
        );
        assert_eq!(
            inner(t, &qs[1]),
            "straight opens and curly closes here now,"
        );
        // a straight mark glued to punctuation opens; an inch mark does not
        assert_eq!(inner(t, &qs[2]), "and a glued one opens here.");
        assert!(qs.iter().all(|q| !q.unclosed));
    }

    #[test]
    fn extract_guillemets_and_german_low_high() {
        let t = "Il a dit « nous restons ici » hier. Er sagte „wir bleiben hier“ gestern.";
        let qs = run(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(inner(t, &qs[0]), " nous restons ici ");
        assert_eq!(inner(t, &qs[1]), "wir bleiben hier");
    }

    #[test]
    fn extract_nested_single_quotes() {
        let t = "“They treat people like ‘customers,’ and it shows in every single case,” she wrote. \"Call it 'help' if you like, but it is not help at all,\" he said.";
        let qs = run(t);
        assert_eq!(qs.len(), 2);
        let n: Vec<&str> = qs[0].nested.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(n, ["customers,"]);
        let n: Vec<&str> = qs[1].nested.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(n, ["help"]);
    }

    #[test]
    fn apostrophes_are_never_quote_marks() {
        let t = "It's the agency's call, and the ’90s and '90s stars don’t care about Fuertes’s case or Fuertas’ death. The boys' club's 'rules' stay.";
        let qs = run(t);
        // only the clearly paired 'rules' is a (term) quote
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(inner(t, &qs[0]), "rules");
        assert_eq!(qs[0].kind, QuoteKind::Term);
        let t2 = "“It's the agency’s view since the ’90s and after Fuertas’ death, they don’t care,” she said.";
        let qs = run(t2);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].nested.is_empty(), "{:?}", qs[0].nested);
        assert_eq!(inner(t2, &qs[0]).chars().last(), Some(','));
    }

    #[test]
    fn multi_paragraph_quote_is_one_quotation() {
        let t = "Tom Reyes spoke at length on Monday.\n\n“The first paragraph of the speech runs on without a closing mark.\n\n“The second paragraph ends it,” Reyes said.\n\nNarration resumes.";
        let qs = run(t);
        assert_eq!(qs.len(), 1, "{qs:?}");
        let q = &qs[0];
        assert!(!q.unclosed);
        assert!(inner(t, q).starts_with("The first paragraph"));
        assert!(inner(t, q).ends_with("ends it,"));
        assert_eq!(speaker(q), Some("Tom Reyes"));
        assert_eq!(q.words, 17);
    }

    #[test]
    fn unclosed_quote_is_bounded_to_its_paragraph_and_flagged() {
        let t = "Reyes said “this sentence never gets its closing mark at all.  \nThe next paragraph is plain narration about the city.\n\"Another one\" ends.";
        let qs = run(t);
        let q = &qs[0];
        assert!(q.unclosed);
        assert_eq!(
            &t[q.open..q.close],
            "“this sentence never gets its closing mark at all."
        );
        assert_eq!(q.end, q.close);
        assert_eq!(speaker(q), Some("Reyes"));
        assert!(!qs[1].unclosed);
        assert_eq!(inner(t, &qs[1]), "Another one");
        // a new opening mark in the same paragraph also bounds it
        let t2 = "He said “this never closes and then “another one starts here” today.";
        let qs = run(t2);
        assert_eq!(qs.len(), 2);
        assert!(qs[0].unclosed);
        assert_eq!(inner(t2, &qs[0]), "this never closes and then");
        assert_eq!(inner(t2, &qs[1]), "another one starts here");
        assert!(!qs[1].unclosed);
    }

    #[test]
    fn closing_mark_glued_to_text_or_after_a_space() {
        let t = "“We will win this fight in court,” Reyes said.It’s not clear he will. “We are done here. ” Next sentence.";
        let qs = run(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(speaker(&qs[0]), Some("Reyes"));
        assert_eq!(inner(t, &qs[1]), "We are done here. ");
        // the glued "said.It’s" still ends the sentence: no continuation
        assert_eq!(qs[1].rule, "unattributed");
    }

    #[test]
    fn ten_thousand_unmatched_marks_return_quickly() {
        let start = std::time::Instant::now();
        for unit in [
            "“",
            "”",
            "\"",
            "„",
            "«",
            "'",
            "‘",
            "“a ",
            "\"a ",
            "a” ",
            "“ ” \" ' ‘ ’ « » „ ",
        ] {
            let t = unit.repeat(10_000);
            let qs = extract(&t, &roster());
            check_invariants(&t, &qs);
        }
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    #[test]
    fn long_single_line_stays_linear() {
        let unit = "“This is one quote, and a long one,” he said, adding that “more” came. Lucero said it. ";
        let t = unit.repeat(20_000); // ~1.8 MB, one paragraph
        let start = std::time::Instant::now();
        let qs = extract(&t, &roster());
        assert_eq!(qs.len(), 40_000);
        check_invariants(&t, &qs);
        assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
    }

    #[test]
    fn randomized_offsets_are_valid_and_never_overlap() {
        let alphabet: Vec<char> = "“”\"„«»‘’'‛ \n\n  aAbZ.,:;!?—éß中😀sayidhe"
            .chars()
            .collect();
        let mut rng = crate::corpus::Rng::new(1);
        let mut next = || rng.next_u64();
        let r = roster();
        for _ in 0..3000 {
            let len = (next() % 160) as usize;
            let t: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let qs = extract(&t, &r);
            check_invariants(&t, &qs);
        }
        // words and a few cue words mixed in, to reach the attribution code
        let words = [
            "“",
            "”",
            "\"",
            "'",
            "’",
            "‘",
            "said",
            "he",
            "she",
            "it",
            "Reyes",
            "Tom",
            "told",
            "according",
            "to",
            ",",
            ".",
            ":",
            "\n",
            "\n\n",
            "the",
            "official",
            "Lucero",
            "who",
            "saying",
            "é",
            "—",
            "(",
            ")",
            "U.S.",
            "quoting",
            "press",
            "release",
        ];
        for _ in 0..3000 {
            let len = (next() % 60) as usize;
            let mut t = String::new();
            for _ in 0..len {
                t.push_str(words[(next() % words.len() as u64) as usize]);
                if next() % 3 > 0 {
                    t.push(' ');
                }
            }
            let qs = extract(&t, &r);
            check_invariants(&t, &qs);
        }
    }

    #[test]
    fn roster_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Roster>();
        assert!(extract("", &roster()).is_empty());
        assert!(extract("“no roster at all here,” he said.", &Roster::new(&[])).len() == 1);
    }

    #[test]
    fn cached_mentions_match_a_fresh_search() {
        // overlapping names, so that matches often cross window edges
        let r = Roster::new(&[
            actor(
                "Ellen Park",
                &["Park Avenue Tenants"],
                "a",
                ActorKind::Person,
            ),
            actor(
                "Avenue Q",
                &["Q Street", "Park Avenue"],
                "b",
                ActorKind::Organization,
            ),
            actor(
                "street vendors",
                &["vendors", "Street"],
                "c",
                ActorKind::Role,
            ),
        ]);
        let words = [
            "Ellen",
            "Park",
            "Avenue",
            "Tenants",
            "Q",
            "Street",
            "street",
            "vendors",
            "park",
            "the",
            ",",
            "“",
            "”",
            "said",
            "ParkAvenue",
        ];
        let mut rng = crate::corpus::Rng::new(1);
        let mut next = move |n: usize| rng.below(n);
        let mut texts: Vec<(String, &Roster)> = Vec::new();
        for _ in 0..300 {
            let n = next(30);
            let t: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
            texts.push((t.join(" "), &r));
        }
        let sr = seed_roster();
        texts.push((S000.to_string(), &sr));
        texts.push((S002.to_string(), &sr));
        let mut hits = 0;
        for (t, r) in &texts {
            let ctx = Ctx::new(t, r);
            let cuts: Vec<usize> = ctx
                .tokenize(0, t.len())
                .iter()
                .flat_map(|k| [k.s, k.e])
                .chain([0, t.len()])
                .collect();
            for _ in 0..60 {
                let lo = cuts[next(cuts.len())];
                let hi = cuts[next(cuts.len())];
                // a window, then its prefixes, suffixes and random insides
                let mut wins = vec![(lo, hi)];
                for _ in 0..6 {
                    let (a, b) = (cuts[next(cuts.len())], cuts[next(cuts.len())]);
                    wins.extend([(lo, a), (a, hi), (a.max(lo), b.min(hi))]);
                }
                for (a, b) in wins {
                    let want = r.mentions(t, a, b);
                    hits += want.len();
                    assert_eq!(ctx.mentions(a, b), want, "{t:?} {a}..{b}");
                }
            }
        }
        assert!(hits > 1000, "{hits}");
    }

    /// `Ctx::tokenize` as first written: one char at a time, looking up
    /// the next quotation on every step.
    fn tokenize_ref(ctx: &Ctx<'_>, lo: usize, hi: usize) -> Vec<Tok> {
        let t = ctx.text;
        let mut out = Vec::new();
        let mut qi = ctx.raws.partition_point(|r| r.close <= lo);
        let mut i = lo;
        while i < hi {
            if let Some(q) = ctx.raws.get(qi) {
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
            let qlimit = ctx.raws.get(qi).map_or(hi, |q| q.open.min(hi));
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
                out.push(Tok {
                    s,
                    e: j,
                    k: Tk::Word,
                });
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

    #[test]
    fn tokenize_matches_a_char_by_char_reference() {
        let pieces = [
            "said",
            "Sen.",
            "U.S.",
            "3.5",
            "a",
            "é",
            "ésaid",
            "ſaid",
            "Ünal",
            "don’t",
            "x-ray",
            "&",
            " ",
            "  ",
            "\t",
            "\n",
            "\n\n",
            "\u{a0}",
            "\u{2028}",
            "\u{b}",
            ".",
            ",",
            "!",
            "?",
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "«",
            "»",
            ":",
            "—",
            "(",
            ")",
            "Park",
            "he",
            "according to",
            // long words (past a sixteen-byte block), control chars that are
            // whitespace or not, ASCII punctuation next to words
            "internationalization",
            "Immigration-and-Customs",
            "abcdefghijklmnop",
            "abcdefghijklmno",
            "\u{1}",
            "\u{c}",
            "\r",
            "#",
            "x&y",
            "a'",
            "9-",
            "Q.",
        ];
        let r = seed_roster();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut toks = 0;
        let mut lower_non_ascii = 0;
        for round in 0..1500 {
            let n = 1 + rng.below(60);
            let t = random_text(&mut rng, &pieces, n);
            let ctx = Ctx::new(&t, &r);
            let cuts: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            let mut wins = vec![(0, t.len())];
            for _ in 0..8 {
                let a = cuts[rng.below(cuts.len())];
                let b = cuts[rng.below(cuts.len())];
                wins.push((a.min(b), a.max(b)));
            }
            for (lo, hi) in wins {
                let want = tokenize_ref(&ctx, lo, hi);
                toks += want.len();
                let got = ctx.tokenize(lo, hi);
                assert_eq!(
                    format!("{got:?}"),
                    format!("{want:?}"),
                    "round {round} {t:?} {lo}..{hi}"
                );
                // words that cue_at's ASCII test rejects but `is_lower` let
                // through are in no cue list
                for k in 0..got.len() {
                    let Some(w) = ctx.word(&got, k) else {
                        continue;
                    };
                    if is_lower(w) && !w.as_bytes()[0].is_ascii_lowercase() {
                        assert_eq!(word_bits(w.as_bytes(), false), 0, "{w:?}");
                        assert!(!CUE_WORDS.iter().any(|l| l.contains(w)), "{w:?}");
                        lower_non_ascii += 1;
                    }
                }
            }
        }
        assert!(toks > 50_000, "{toks}");
        assert!(lower_non_ascii > 100, "{lower_non_ascii}");
    }

    #[test]
    fn marks_are_every_quote_mark_and_line_break() {
        let alphabet: Vec<char> =
            "a Z.\"'“”„‟«»‘’‛\n\r\u{85}\u{2028}\u{2029}\u{2027}\u{201a}é—#&!\t"
                .chars()
                .collect();
        let mut rng = crate::corpus::Rng::new(2);
        let mut texts: Vec<String> = vec![S000.to_string(), S002.to_string()];
        for _ in 0..5000 {
            let n = rng.below(40);
            let t: String = (0..n)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            texts.push(t);
        }
        for t in &texts {
            let want: Vec<usize> = t
                .char_indices()
                .filter(|&(_, c)| {
                    is_double(c)
                        || is_single(c)
                        || matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
                })
                .map(|(i, _)| i)
                .collect();
            assert_eq!(marks::<Fast>(t), want, "{t:?}");
            assert_eq!(marks::<Plain>(t), want, "{t:?}");
        }
    }

    #[test]
    fn word_keys_pack_and_lowercase_every_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        for n in 0..=16 {
            for start in (0..256 - n).step_by(7) {
                let w = &bytes[start..start + n];
                let mut want = [0u8; 16];
                want[..n].copy_from_slice(w);
                assert_eq!(pack(w), u128::from_le_bytes(want), "{w:?}");
                let lower = want.map(|c| c.to_ascii_lowercase());
                assert_eq!(
                    Fast::lower_ascii_lanes(pack(w)),
                    u128::from_le_bytes(lower),
                    "{w:?}"
                );
            }
        }
        // every byte value in every lane, next to neighbours of both cases
        for v in 0..=255u8 {
            for at in 0..16 {
                let mut b = *b"@AZ[`az{\xC1\xDA\x80\xFFmM0~";
                b[at] = v;
                let want = b.map(|c| c.to_ascii_lowercase());
                assert_eq!(
                    Fast::lower_ascii_lanes(u128::from_le_bytes(b)),
                    u128::from_le_bytes(want),
                    "{v} {at}"
                );
            }
        }
    }

    #[test]
    fn word_table_matches_a_hash_map_of_the_lists() {
        // the lookups as they were written before the packed table
        let mut map: HashMap<&str, u32> = HashMap::new();
        for (l, words) in LISTS {
            for w in words.split_ascii_whitespace() {
                *map.entry(w).or_default() |= l.0;
            }
        }
        let set = |list: L, w: &str| map.get(w).is_some_and(|b| b & list.0 != 0);
        let list = |l: L, w: &str| set(l, &w.to_lowercase());
        let mut words: Vec<String> = Vec::new();
        for w in map.keys() {
            let cap: String = w[..1].to_uppercase() + &w[1..];
            for v in [
                w.to_string(),
                w.to_uppercase(),
                cap,
                format!("{w}."),
                format!("{w}s"),
                format!("x{w}"),
                w[..w.len() - 1].to_string(),
                w.replace('s', "\u{17f}"),
                w.replace('k', "\u{212a}"),
                w.replace('i', "\u{130}"),
            ] {
                words.push(v);
            }
        }
        for t in [S000, S001, S002] {
            words.extend(
                t.split(|c: char| !c.is_alphanumeric() && c != '.')
                    .map(String::from),
            );
        }
        words.extend(
            [
                "",
                ".",
                "..",
                "Mr..",
                "representativess",
                "Ǆ",
                "中",
                "\u{212a}no",
                "he\0",
                "\0he",
                "the\u{80}",
            ]
            .map(String::from),
        );
        let mut lists = 0;
        for w in &words {
            for (l, _) in LISTS {
                assert_eq!(in_set(*l, w), set(*l, w), "in_set {w:?}");
                assert_eq!(in_list(*l, w), list(*l, w), "in_list {w:?}");
                let nd = w.trim_end_matches('.');
                assert_eq!(in_list_nodot(*l, w), list(*l, nd), "nodot {w:?}");
                lists += usize::from(in_list(*l, w));
            }
            let lw = w.to_lowercase();
            for probe in [&["he", "she"][..], &["that"], &["the", "a", "an"]] {
                assert_eq!(lc_is(w, probe), probe.contains(&lw.as_str()), "{w:?}");
            }
        }
        assert!(lists > 1000, "the probe words hit the lists");
        // the cue filter keeps every cue word and turns common words away
        for w in CUE_WORDS.iter().flat_map(|ws| ws.split_ascii_whitespace()) {
            assert!(may_be_cue(w), "{w}");
        }
        assert!(!may_be_cue("the") && !may_be_cue("and") && !may_be_cue("policy"));
    }

    // ---------------------------------------------------------- attribution

    #[test]
    fn rule_verb_after() {
        let t = "“We will keep the shelter open all winter,” Maria Ortiz said.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Maria Ortiz"));
        assert_eq!(q.side.as_deref(), Some("unaligned"));
        assert_eq!((q.rule, q.cue.as_deref()), ("verb_after", Some("said")));
        assert_eq!(q.kind, QuoteKind::Speech);
        // inverted order
        let t = "“We will keep the shelter open all winter,” said Maria Ortiz.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("Maria Ortiz"), "verb_after"));
        // roster surname → canonical name and side
        let t = "“The budget is a fair one,” Park said on Tuesday.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Ellen Park"));
        assert_eq!(q.side.as_deref(), Some("state"));
        // according to
        let t = "“Rents will rise by ten percent next year,” according to the tenants union.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Riverside Tenants Union"));
        assert_eq!(q.cue.as_deref(), Some("according to"));
    }

    #[test]
    fn rule_verb_before() {
        let t = "Council member Dana Whitfield said on Monday that “the budget is simply not enough for the families.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Dana Whitfield"));
        assert_eq!((q.rule, q.cue.as_deref()), ("verb_before", Some("said")));
        let t = "According to Lucero, “the city ignored every detainer we sent last year.”";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("Henry Lucero"), "verb_before"));
        // participle: the subject of the preceding finite verb
        let t = "Tenant leaders in Queens said they would sue, saying the notices were “plainly illegal under state law.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Tenant leaders in Queens"));
        assert_eq!(q.cue.as_deref(), Some("saying"));
        // relative clause: "X, who said"
        let t = "The word was used by Lucero, who said “this is a crisis for the whole city.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Henry Lucero"));
    }

    #[test]
    fn channel_phrase_is_a_cue() {
        let t = "In a statement, the Riverside Tenants Union called the ruling “a travesty for every family.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Riverside Tenants Union"));
        assert_eq!(
            (q.kind, q.cue.as_deref()),
            (QuoteKind::Speech, Some("In a statement"))
        );
        // without the channel, "called" is no speech cue: a term
        let t = "Yesterday, the Riverside Tenants Union called the ruling “a travesty.”";
        assert_eq!(run(t)[0].kind, QuoteKind::Term);
    }

    #[test]
    fn rule_appositive() {
        // the speaker, not the descriptor's organisation nor the addressee
        let t = "“The plan is dead on arrival,” Karen Holt, a spokeswoman for the Riverside Tenants Union, told The Associated Press.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Karen Holt"));
        assert_eq!((q.rule, q.cue.as_deref()), ("appositive", Some("told")));
        let t = "“The plan is dead, and we said so,” said Karen Holt, a spokeswoman for the union.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("Karen Holt"), "appositive"));
        // descriptor first, name second
        let t = "The group’s lawyer, Omar Haddad, warned that “the eviction notices are illegal under state law.”";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("Omar Haddad"), "appositive"));
    }

    #[test]
    fn rule_speaker_before_colon() {
        let t = "Governor Ellen Park told reporters: “We are not backing down from this fight.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        let t = "Governor Ellen Park said:\n\n“We are not backing down from this fight.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        let t = "Park: “We are ready for the storm, whatever happens.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Ellen Park"), "speaker_before_colon")
        );
        // a colon paragraph followed by plain (unquoted) text yields nothing
        let t = "The Daily Wire reported:\n\nThe city has refused to comply with the order.";
        assert!(run(t).is_empty());
    }

    #[test]
    fn rule_pronoun() {
        let t = "Tom Reyes criticized the plan on Monday.\n“It is a disaster for every family in this city,” he said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("Tom Reyes"), "pronoun"));
        let t = "The Riverside Tenants Union met on Sunday. It released a statement saying “the rent increases will push families out of the neighborhood.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Riverside Tenants Union"), "pronoun")
        );
        let t = "City officials met on Tuesday. “We will review the order line by line before we act,” they said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (Some("city officials"), "pronoun"));
        // no antecedent at all: unattributed, not a guess
        let t = "The weather was cold.\n“We will not leave this place without a fight,” she said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (None, "unattributed"));
        assert_eq!(q.kind, QuoteKind::Speech);
        // "he" never resolves to an organisation
        let t = "The Housing Authority issued new rules on Friday. “We will act on every complaint,” he said.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
        // the antecedent must be within two sentences
        let t = "Tom Reyes spoke first. The hall was full. The lights were dim. The air was hot.\n“We will not leave this place without a fight,” he said.";
        assert_eq!(speaker(&run(t)[0]), None);
    }

    #[test]
    fn rule_continuation() {
        let t = "“The first part is said here,” Tom Reyes said. “The second part follows without a cue.”\n“And a third paragraph keeps going.”";
        let qs = run(t);
        assert_eq!(qs.len(), 3);
        for q in &qs[1..] {
            assert_eq!((speaker(q), q.rule), (Some("Tom Reyes"), "continuation"));
            assert_eq!(q.cue, None);
        }
        // same sentence: “A,” X said, “B”
        let t = "“Stop,” Tom Reyes said, “or we will leave this city for good.”";
        let qs = run(t);
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule),
            (Some("Tom Reyes"), "continuation")
        );
        // a narrator sentence in between breaks the chain
        let t = "“The first part is said here,” Tom Reyes said. The council voted later. “This should not be his.”";
        let qs = run(t);
        assert_eq!((speaker(&qs[1]), qs[1].rule), (None, "unattributed"));
    }

    #[test]
    fn rule_previous_sentence() {
        let t = "The report was written by a staffer, quoting Dr. Ana Silva.\n\n“The numbers do not add up at all, and everyone knows it.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Ana Silva"), "previous_sentence")
        );
        assert_eq!(q.cue.as_deref(), Some("quoting"));
        let t = "Ana Silva said in a statement on Friday.\n\n“The numbers do not add up at all, and everyone knows it.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Ana Silva"), "previous_sentence")
        );
        // a cue with an object clause does not introduce the next quote
        let t = "Ana Silva said the numbers were wrong.\n\n“The numbers do not add up at all, and everyone knows it.”";
        assert_eq!(speaker(&run(t)[0]), None);
    }

    #[test]
    fn rule_document() {
        let t = "“Rents will rise by ten percent next year,” said a press release from the agency.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Housing Authority press release"));
        assert_eq!((q.rule, q.side.as_deref()), ("document", Some("landlord")));
        let t = "“Rents will rise by ten percent next year,” according to a statement from the Housing Authority.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.rule),
            (Some("Housing Authority"), "document")
        );
        // a document with no known issuer is not a speaker
        let t = "“Rents will rise by ten percent next year,” a statement said.";
        let q = &run(t)[0];
        assert_eq!((speaker(q), q.rule), (None, "unattributed"));
    }

    #[test]
    fn rule_term_quote() {
        let t = "The so-called “safe zones” were closed. The ‘Sanctuary City’ label stuck, like the 'safe zone' policy. Critics described the move as an “escalation” of the dispute.";
        let qs = run(t);
        assert_eq!(qs.len(), 4);
        for q in &qs {
            assert_eq!(
                (q.kind, q.rule, speaker(q), q.cue.as_deref()),
                (QuoteKind::Term, "term_quote", None, None)
            );
        }
    }

    #[test]
    fn rule_unattributed_long_quote_stays_speech() {
        let t = "Some of the walls are painted.\n\n“The whole system has been broken for a very long time and nobody cares.”";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), q.side.as_deref(), q.rule),
            (QuoteKind::Speech, None, None, "unattributed")
        );
        assert_eq!(q.words, 14);
    }

    #[test]
    fn short_quote_with_speech_cue_is_partial_speech() {
        let t = "Tom Reyes accused the council of “reckless spending” again.";
        let q = &run(t)[0];
        assert_eq!(
            (q.kind, speaker(q), q.rule),
            (QuoteKind::Speech, Some("Tom Reyes"), "verb_before")
        );
        let t = "The council approved “reckless spending” again.";
        let q = &run(t)[0];
        assert_eq!(q.kind, QuoteKind::Term);
    }

    #[test]
    fn role_phrases_match_roster_roles_or_stay_as_written() {
        let t = "“We have reviewed the request and we will respond,” city officials said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.side.as_deref()),
            (Some("city officials"), Some("local_gov"))
        );
        let t = "“We have reviewed the request and we will respond,” a senior Housing Authority official told reporters.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Housing Authority"));
        let t = "“We have reviewed the request and we will respond,” the mayor’s office said.";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.side.as_deref()),
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

    #[test]
    fn cue_words_used_as_nouns_are_not_cues() {
        // "the tweets" is a noun: the cue is "said"
        let t = "Tom Reyes said the tweets were “fake news.”";
        let q = &run(t)[0];
        assert_eq!(
            (speaker(q), q.cue.as_deref()),
            (Some("Tom Reyes"), Some("said"))
        );
        // passive: "was told" does not make the subject a speaker
        let t = "Tom Reyes was told by the landlord that “the rent is going up again next month.”";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
    }

    #[test]
    fn addressee_is_never_the_speaker() {
        let t = "“We will not comply with this order,” Lucero told The Associated Press.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), Some("Henry Lucero"));
        let t = "“We will not comply with this order,” he told AP.";
        let q = &run(t)[0];
        assert_eq!(speaker(q), None);
    }

    #[test]
    fn wire_style_sentences() {
        let t = "WASHINGTON (AP) — The Senate voted Tuesday. “This is a historic day,” said Sen. Maria Cantwell, D-Wash. Republicans were unimpressed.\n“It’s a boondoggle,” Sen. John Thune told reporters. He said the bill would “bankrupt the country.”\n“We’re going to keep fighting,” said Rep. Alexandria Ocasio-Cortez, D-N.Y., who called the vote “a good first step.”\nCritics called it a “giveaway.” The National Rifle Association, which opposed the measure, said it would “continue to fight.”\nAsked about the bill, Trump said: “It’s terrible. Very bad.”";
        let qs = run(t);
        let who: Vec<(&str, Option<&str>, QuoteKind)> = qs
            .iter()
            .map(|q| (inner(t, q), speaker(q), q.kind))
            .collect();
        use QuoteKind::{Speech, Term};
        assert_eq!(
            who,
            [
                ("This is a historic day,", Some("Maria Cantwell"), Speech),
                ("It’s a boondoggle,", Some("John Thune"), Speech),
                ("bankrupt the country.", Some("John Thune"), Speech),
                (
                    "We’re going to keep fighting,",
                    Some("Alexandria Ocasio-Cortez"),
                    Speech
                ),
                (
                    "a good first step.",
                    Some("Alexandria Ocasio-Cortez"),
                    Speech
                ),
                // American punctuation: the period is the sentence's, not the term's
                ("giveaway.", None, Term),
                (
                    "continue to fight.",
                    Some("National Rifle Association"),
                    Speech
                ),
                ("It’s terrible. Very bad.", Some("Trump"), Speech),
            ]
        );
        assert_eq!(qs[7].rule, "speaker_before_colon");
    }

    #[test]
    fn finished_quote_needs_a_bare_attribution_after_it() {
        let t = "Critics, including Sen. Chuck Schumer, have called the policy “un-American.” Schumer said the administration was “playing politics with people’s lives.”";
        let qs = run(t);
        assert_eq!((qs[0].kind, speaker(&qs[0])), (QuoteKind::Term, None));
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule),
            (Some("Chuck Schumer"), "verb_before")
        );
        let t = "“Stop right there and put it down.” Lucero said. “Now.”";
        let qs = run(t);
        assert_eq!(speaker(&qs[0]), Some("Henry Lucero"));
        assert_eq!(qs[1].rule, "continuation");
        // titles before the name are dropped, up to the last one
        let t = "Police Commissioner Dermot Shea said Friday that the department “does not and will not” enforce it.";
        assert_eq!(speaker(&run(t)[0]), Some("Dermot Shea"));
    }

    #[test]
    fn ambiguous_roster_surname_is_not_guessed() {
        let r = Roster::new(&[
            actor("John Smith", &[], "a", ActorKind::Person),
            actor("Jane Smith", &[], "b", ActorKind::Person),
        ]);
        let t = "“We will keep the shelter open all winter,” Smith said.";
        let q = &extract(t, &r)[0];
        assert_eq!(
            (speaker(q), q.side.as_deref()),
            (Some("Smith"), Some("unaligned"))
        );
        let t = "“We will keep the shelter open all winter,” Jane Smith said.";
        let q = &extract(t, &r)[0];
        assert_eq!(
            (speaker(q), q.side.as_deref()),
            (Some("Jane Smith"), Some("b"))
        );
        // acronym aliases are case-sensitive: "ice" is not ICE
        let r = Roster::new(&[actor("ICE", &[], "x", ActorKind::Organization)]);
        let t = "“The roads are covered in ice and snow tonight,” ice said.";
        assert_eq!(speaker(&extract(t, &r)[0]), None);
    }

    // ---------------------------------------------------------------- seeds

    const S000: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_f667bd81ae114d19.txt"
    ));
    const S001: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/001_0ad354234d2359d4.txt"
    ));
    const S002: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/002_1fc9ffcff641586d.txt"
    ));
    const S003: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_4f9b0c250ff8d600.txt"
    ));
    const S004: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/004_72e29b7a571df496.txt"
    ));

    fn seed(t: &str) -> Vec<Quote> {
        let qs = extract(t, &seed_roster());
        check_invariants(t, &qs);
        qs
    }

    fn expect(t: &str, qs: &[Quote], needle: &str, who: Option<&str>, kind: QuoteKind) -> Quote {
        let q = find(t, qs, needle);
        assert_eq!((speaker(q), q.kind), (who, kind), "{needle}: {q:?}");
        q.clone()
    }

    #[test]
    fn seed_000() {
        let t = S000;
        let qs = seed(t);
        use QuoteKind::{Speech, Term};
        let q = expect(
            t,
            &qs,
            "This is not a request—it’s a demand",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.rule, "appositive");
        assert_eq!(q.side.as_deref(), Some("restrictionist"));
        let q = expect(
            t,
            &qs,
            "This is a last resort for us",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.rule, "continuation");
        expect(t, &qs, "sanctuary", None, Term);
        expect(t, &qs, "detainers,", None, Term);
        expect(
            t,
            &qs,
            "It is this city’s sanctuary",
            Some("Matthew Albence"),
            Speech,
        );
        let q = expect(
            t,
            &qs,
            "to exploit this tragedy.",
            Some("Freddi Goldstein"),
            Speech,
        );
        assert_eq!(q.cue.as_deref(), Some("accused"));
        let q = expect(t, &qs, "scare tactics", Some("Bill de Blasio"), Speech);
        assert_eq!(q.side.as_deref(), Some("pro_immigrant"));
        let q = expect(t, &qs, "common-sense laws", Some("Bill de Blasio"), Speech);
        assert_eq!(q.rule, "pronoun");
        expect(
            t,
            &qs,
            "viewed as an effort",
            Some("City officials in Denver"),
            Speech,
        );
        let q = expect(t, &qs, "The documents appear", Some("Chad Sublet"), Speech);
        assert_eq!(
            (q.side.as_deref(), q.cue.as_deref()),
            (Some("unaligned"), Some("wrote"))
        );
        let q = expect(
            t,
            &qs,
            "A judge can hold them in contempt",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.rule, "pronoun");
        expect(
            t,
            &qs,
            "New York City will not change",
            Some("Freddi Goldstein"),
            Speech,
        );
        // "he said" two narrator sentences after Goldstein: not guessed
        let q = expect(t, &qs, "Anything that promotes recourse", None, Speech);
        assert_eq!(q.rule, "unattributed");
        let n: Vec<&str> = q.nested.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(n, ["customers,"]);
        expect(t, &qs, "As importantly", None, Speech);
        assert_eq!(qs.len(), 14);
    }

    #[test]
    fn seed_001() {
        let t = S001;
        let qs = seed(t);
        assert_eq!(qs.len(), 2);
        let q = expect(
            t,
            &qs,
            "Please let ICE help you",
            Some("Matthew Albence"),
            QuoteKind::Speech,
        );
        assert_eq!(
            (q.side.as_deref(), q.rule),
            (Some("restrictionist"), "pronoun")
        );
        assert!(t[q.open..].starts_with('"') && t[..q.close].ends_with('”'));
        let q = expect(
            t,
            &qs,
            "This is just one more",
            Some("New York Immigration Coalition"),
            QuoteKind::Speech,
        );
        assert_eq!(
            (q.side.as_deref(), q.rule),
            (Some("pro_immigrant"), "pronoun")
        );
        assert!(t[..q.close].ends_with('"'));
    }

    #[test]
    fn seed_002() {
        let t = S002;
        let qs = seed(t);
        use QuoteKind::{Speech, Term};
        expect(t, &qs, "Sanctuary City", None, Term);
        let q = expect(
            t,
            &qs,
            "served four immigration subpoenas",
            Some("ICE press release"),
            Speech,
        );
        assert_eq!(
            (q.rule, q.side.as_deref()),
            ("document", Some("restrictionist"))
        );
        expect(
            t,
            &qs,
            "Issuance of these",
            Some("ICE press release"),
            Speech,
        );
        let q = expect(
            t,
            &qs,
            "ICE uses statutorily",
            Some("ICE press release"),
            Speech,
        );
        assert_eq!(q.rule, "document");
        expect(
            t,
            &qs,
            "ICE has not historically",
            Some("ICE press release"),
            Speech,
        );
        let q = expect(
            t,
            &qs,
            "we are used to modifying",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.rule, "pronoun");
        expect(t, &qs, "escalation", None, Term);
        let terms: Vec<&str> = qs
            .iter()
            .filter(|q| q.kind == Term)
            .map(|q| inner(t, q).trim_end_matches(','))
            .collect();
        assert_eq!(
            terms,
            [
                "Sanctuary City",
                "sanctuary city",
                "sanctuary city",
                "sanctuary city",
                "escalation"
            ]
        );
        // "The Rundown News reported:" is followed by unquoted paragraphs
        assert_eq!(qs.len(), 10);
    }

    #[test]
    fn seed_003() {
        let t = S003;
        let qs = seed(t);
        use QuoteKind::{Speech, Term};
        expect(t, &qs, "immigration summons", None, Term);
        let q = expect(
            t,
            &qs,
            "This is not a request – it is a request",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.cue.as_deref(), Some("told"));
        let q = expect(
            t,
            &qs,
            "This is a last resort for us",
            Some("Henry Lucero"),
            Speech,
        );
        assert!(
            inner(t, &q).ends_with("every day. "),
            "closing mark after a space"
        );
        expect(
            t,
            &qs,
            "New York City will not change",
            Some("Freddi Goldstein"),
            Speech,
        );
        let q = expect(
            t,
            &qs,
            "It is this city’s protection",
            Some("Matthew Albence"),
            Speech,
        );
        assert_eq!(q.rule, "verb_after");
        let q = expect(
            t,
            &qs,
            "the Trump administration’s attempt",
            Some("Freddi Goldstein"),
            Speech,
        );
        assert_eq!(q.rule, "verb_before");
        expect(t, &qs, "fear tactics", Some("Bill de Blasio"), Speech);
        expect(
            t,
            &qs,
            "has passed common sense",
            Some("Bill de Blasio"),
            Speech,
        );
        expect(
            t,
            &qs,
            "could be seen as an effort",
            Some("City officials in Denver"),
            Speech,
        );
        expect(t, &qs, "The documents appear", Some("Chad Sublet"), Speech);
        expect(
            t,
            &qs,
            "A judge can scorn her",
            Some("Henry Lucero"),
            Speech,
        );
        let q = expect(
            t,
            &qs,
            "we’re used to changing",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.cue.as_deref(), Some("said"));
        assert_eq!(qs.len(), 12);
    }

    #[test]
    fn seed_004() {
        let t = S004;
        let qs = seed(t);
        use QuoteKind::{Speech, Term};
        // ICE is the subject of "served … requesting information on “…”"
        let q = expect(t, &qs, "multiple illegal aliens", Some("ICE"), Speech);
        assert_eq!(
            (q.rule, q.cue.as_deref()),
            ("verb_before", Some("requesting"))
        );
        expect(t, &qs, "by your leave", None, Term);
        let q = expect(
            t,
            &qs,
            "A lot of these guys",
            Some("Matthew Albence"),
            Speech,
        );
        assert_eq!(
            (q.rule, q.cue.as_deref()),
            ("previous_sentence", Some("quoting"))
        );
        let q = expect(
            t,
            &qs,
            "we are used to modifying",
            Some("Henry Lucero"),
            Speech,
        );
        assert_eq!(q.rule, "appositive");
        assert_eq!(qs.len(), 4);
    }
}
