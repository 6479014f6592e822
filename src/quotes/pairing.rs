//! Pairing quote marks into quotations: curly and straight double quotes in any
//! combination, « » and „ “, single quotes nested inside double quotes, paired
//! single-quoted terms (‘Sanctuary City’) outside them, quotations that run over several
//! paragraphs (news style: each paragraph reopens the mark), and unclosed quotations
//! bounded to their paragraph. Reads only the mark offsets of [`super::marks`]; an
//! apostrophe (it's, agency’s, ’90s, Fuertas’ death) is never a quote. Whether a
//! quotation is speech, and whose, is decided later.

use super::chars::{ceil_cb, trim_end_pos, CharOpt};
use super::marks::{is_blank, Para};
use crate::text::words::is_alnum;

/// A quotation as paired, before classification and attribution.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    /// Offsets and flags as in [`Quote`](super::Quote).
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) unclosed: bool,
    pub(super) nested: Vec<(usize, usize)>,
    /// A single-quoted term outside double quotes.
    pub(super) single: bool,
}

/// A double quotation being read: where it opened and what nests inside it so far.
struct OpenQ {
    pos: usize,
    mark: char,
    inner: usize,
    nest_open: Option<usize>,
    nested: Vec<(usize, usize)>,
    last_end: usize,
}

/// A double quote mark.
pub(super) fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

/// A single quote mark (or apostrophe).
pub(super) fn is_single(c: char) -> bool {
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

/// Every double quotation of `text`, in order, with the single quotes nested inside.
pub(super) fn find_doubles(text: &str, paras: &[Para], marks: &[usize]) -> Vec<Raw> {
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

/// The opening mark that starts paragraph `p` (after its indentation), if any: a
/// quotation that goes on in this paragraph.
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

/// Push the quotation `o`, ending its text at `end` and its marks at `close`; an empty
/// one is dropped.
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

/// Read double mark `c` at byte `i`: close the open quotation, or open one.
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

/// Read single mark `c` at byte `i` inside the open double quotation `o`: open or close
/// a nested single quotation.
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
pub(super) fn find_singles(
    text: &str,
    paras: &[Para],
    doubles: &[Raw],
    marks: &[usize],
) -> Vec<Raw> {
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

/// The closing single mark of a term opened just before `from`, before `limit`:
/// `(offset, length)` of the mark.
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

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{inner, run, speaker};
    use crate::quotes::QuoteKind;

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
        assert_eq!(qs[1].rule.as_str(), "unattributed");
    }
}
