//! `continuation`: a quotation that goes on from the previous attributed speech quotation
//! takes its speaker. Two shapes: in the same sentence, right after the previous quote's
//! after-words (`“Stop,” Lucero said, “or we leave.”`); and standing alone, with nothing
//! but the previous quote's attribution in between, in the same or the next paragraph
//! (`“…,” Reyes said. “And more.”`). A narrator sentence in between breaks the chain.
//! A third, tried when no cue stands before a quote: the previous quote is in the same
//! sentence (`Trump says “A” because “B”`).

use super::finding::{Attr, Site};
use crate::quotes::context::Ctx;
use crate::quotes::cues::Form;
use crate::quotes::quote::QuoteKind;
use crate::quotes::speaker::Resolved;
use crate::quotes::tokens::Tk;
use crate::scan::Kernels;
use crate::text::words::is_alnum;

impl<'a, K: Kernels> Ctx<'a, K> {
    /// `“A,” X said, “B”`: the quotation's sentence starts where the previous quote's
    /// after-words attributed it, and they end at its opening mark.
    pub(super) fn same_sentence_continuation(
        &self,
        site: &Site,
        attrs: &[Attr<'a>],
    ) -> Option<Resolved<'a>> {
        if site.i == 0 || site.before != site.prev_close {
            return None;
        }
        let pa = &attrs[site.i - 1];
        if pa.via_after && pa.after_end == self.raws[site.i].open {
            return pa.speaker.clone();
        }
        None
    }

    /// `Trump says “A” because “B”`: a quotation whose sentence also holds the previous
    /// speech quotation, with no cue in between (`verb_before` found none) and at most
    /// a dozen words (or words that open with a participle: `… as “A,” telling reporters
    /// that it is “B”`), takes that quotation's speaker.
    pub(super) fn follow_on(&self, site: &Site, attrs: &[Attr<'a>]) -> Option<Resolved<'a>> {
        if site.i == 0 || site.before != site.prev_close {
            return None;
        }
        let pa = &attrs[site.i - 1];
        if pa.kind != QuoteKind::Speech {
            return None;
        }
        let between = &self.text[site.prev_close..self.raws[site.i].open];
        if between.split_whitespace().count() > 12 {
            // "X hailed the vote as “A,” telling reporters … that it is “B”"
            let toks = self.tokens(site.prev_close, self.raws[site.i].open);
            let first = toks.iter().position(|t| t.k == Tk::Word)?;
            let participle = self
                .cue_at(&toks, first)
                .is_some_and(|c| c.form == Form::Participle);
            if !participle || toks.len() > 60 {
                return None;
            }
        }
        pa.speaker.clone()
    }

    /// A stand-alone quotation after the previous speech quote, with nothing alphanumeric
    /// between the end of that quote's attribution and this opening mark (at most 2,000
    /// bytes).
    pub(super) fn continuation(&self, site: &Site, attrs: &[Attr<'a>]) -> Option<Resolved<'a>> {
        let i = site.i;
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
}

#[cfg(test)]
mod tests {
    use crate::quotes::tests::fixtures::{run, speaker};

    #[test]
    fn rule_continuation() {
        let t = "“The first part is said here,” Tom Reyes said. “The second part follows without a cue.”\n“And a third paragraph keeps going.”";
        let qs = run(t);
        assert_eq!(qs.len(), 3);
        for q in &qs[1..] {
            assert_eq!(
                (speaker(q), q.rule.as_str()),
                (Some("Tom Reyes"), "continuation")
            );
            assert_eq!(q.cue, None);
        }
        // same sentence: “A,” X said, “B”
        let t = "“Stop,” Tom Reyes said, “or we will leave this city for good.”";
        let qs = run(t);
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule.as_str()),
            (Some("Tom Reyes"), "continuation")
        );
        // a second quote in the sentence of an attributed one
        let t =
            "Tom Reyes says “the whole game has become broken” because “football has become soft.”";
        let qs = run(t);
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule.as_str()),
            (Some("Tom Reyes"), "continuation")
        );
        let t = "Tom Reyes hailed the vote as “fantastic,” telling reporters during a visit to the city on Friday that he thinks it is “a great thing.”";
        let qs = run(t);
        assert_eq!(speaker(&qs[1]), Some("Tom Reyes"));
        // the rest of a sentence with a continuation in it is still attribution
        let t = "“Everything is on the table,” Tom Reyes told the paper after hinting that “changes” could come. “Every single thing is on the table.”";
        let qs = run(t);
        assert_eq!(
            (speaker(&qs[2]), qs[2].rule.as_str()),
            (Some("Tom Reyes"), "continuation")
        );
        // a narrator sentence in between breaks the chain
        let t = "“The first part is said here,” Tom Reyes said. The council voted later. “This should not be his.”";
        let qs = run(t);
        assert_eq!(
            (speaker(&qs[1]), qs[1].rule.as_str()),
            (None, "unattributed")
        );
    }
}
