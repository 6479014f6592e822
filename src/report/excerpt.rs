//! How much of a huge article a page (or `explain`) shows: a web page (and the answer key) of an article
//! dense with loaded terms would otherwise run to gigabytes (a 30 MB article made a 1.5 GB
//! page). [`shorten_for_page`] cuts an analysis down to its first [`PAGE_HITS`] term hits
//! and at most [`PAGE_BYTES`] of text, never inside a quotation, and says so in a warning
//! the page shows. The scores stay those of the whole article, and `articles.jsonl` has
//! every hit: the cut is only what a page shows.

use crate::analysis::Analysis;

/// Most term hits an article page shows.
pub const PAGE_HITS: usize = 2_000;
/// Most bytes of article text an article page shows (a long newspaper article is 50 KB).
pub const PAGE_BYTES: usize = 1_000_000;

/// Cut `a` down to what a page shows, in place, and add a warning saying so; articles
/// within the limits are left as they are. Returns whether anything was cut.
pub fn shorten_for_page(a: &mut Analysis) -> bool {
    let text_len = a.article.text.len();
    if a.terms.len() <= PAGE_HITS && text_len <= PAGE_BYTES {
        return false;
    }
    let mut cut = PAGE_BYTES.min(text_len);
    if let Some(t) = a.terms.get(PAGE_HITS) {
        cut = cut.min(t.start);
    }
    // Never inside a quotation: a quotation that runs past the cut moves the cut to its
    // opening mark.
    for q in &a.quotes {
        if q.open < cut && q.close > cut {
            cut = q.open;
        }
    }
    while !a.article.text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (hits, quotes) = (a.terms.len(), a.quotes.len());
    a.terms.retain(|t| t.end <= cut);
    a.quotes.retain(|q| q.close <= cut);
    let kept_quotes = a.quotes.len();
    for t in &mut a.terms {
        if t.quote.is_some_and(|i| i >= kept_quotes) {
            t.quote = None;
        }
    }
    a.article.text.truncate(cut);
    a.article.text.shrink_to_fit();
    a.terms.shrink_to_fit();
    a.quotes.shrink_to_fit();
    a.article.warnings.push(format!(
        "Shown here: the first {} of {hits} term hits and {} of {quotes} quotations, in the first {cut} of {text_len} bytes of the article. The scores are for the whole article; the JSONL output (articles.jsonl in a report) has every hit.",
        a.terms.len(),
        a.quotes.len()
    ));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Engine;
    use crate::input::Article;
    use crate::lexicon::Lexicon;

    #[test]
    fn a_dense_article_is_cut_at_a_hit_and_never_inside_a_quote() {
        let engine = Engine::new(Lexicon::default_lexicon().unwrap()).unwrap();
        let mut text = String::from("Title\n\n");
        for i in 0..3_000 {
            text.push_str("Illegal aliens crossed. ");
            if i % 7 == 0 {
                text.push_str("“Illegal aliens are here,” the mayor said. ");
            }
        }
        let mut a = engine.analyze(Article::from_text("d", "-", text.clone()));
        let scores = a.scores.clone();
        let hits = a.terms.len();
        assert!(hits > PAGE_HITS);
        assert!(shorten_for_page(&mut a));
        assert!(a.terms.len() <= PAGE_HITS);
        assert!(a.terms.iter().all(|t| t.end <= a.article.text.len()));
        assert!(a.quotes.iter().all(|q| q.close <= a.article.text.len()));
        assert!(text.starts_with(&a.article.text));
        assert_eq!(a.scores, scores, "the scores are the whole article's");
        let w = a.article.warnings.last().unwrap();
        assert!(
            w.starts_with(&format!(
                "Shown here: the first {} of {hits} term hits",
                a.terms.len()
            )),
            "{w}"
        );
        // A short article is untouched.
        let mut short = engine.analyze(Article::from_text("s", "-", "Illegal aliens.".into()));
        assert!(!shorten_for_page(&mut short));
        assert!(short.article.warnings.is_empty());
    }
}
