//! The classroom report as HTML: pure renderers from analyses to self-contained pages.
//!
//! Pages work offline from `file://` (inline CSS, no fonts, images or scripts from
//! anywhere else; a Content-Security-Policy forbids any network access and allows only the
//! one sorting script, by hash), read well on a phone (one max-width text column, wide
//! tables scroll sideways), print well (`@media print`, colors kept) and never rely on color
//! alone: every side has a text label and its own underline pattern.
//!
//! Every piece of article or lexicon text goes through [`escape`], the one escaping
//! function of this module, whether it lands in element content or in an attribute value.
//! Everything else written into the markup is either a literal of this module, a number,
//! or a file stem from `output::unique_stems` (letters, digits, `-`, `_`, `.`).
//!
//! Pages:
//! * [`index_page`]: the set at a glance (sortable table, comparison chart, word-choice
//!   matrix, lexicon, a "how to read this" note for teachers);
//! * [`article_page`]: one article's full text with every loaded term highlighted and
//!   numbered, every quotation shaded by its speaker's side, the stance card and the
//!   ledger (terms, quotations, the score arithmetic);
//! * worksheet mode: [`worksheet_index`] and [`worksheet_page`] hide every score, side,
//!   color, speaker and highlight (plain numbered lines and blank tables for students);
//!   [`answers_page`] is the answer key: the normal overview and every annotated article on
//!   one page, so no answer file can collide with an article's file name;
//! * [`kwic_page`]: the concordance of `slant kwic` (lines per outlet, then every use with
//!   its context, voice and what the lexicon counts there).
//!
//! The parts: `escape`; `page` (the document shell, the CSP, `style.css` and
//! `sort.js`); `sides` (how a side looks); `marks` (which terms are marked and
//! footnoted: loaded ones, tone words apart, neutral ones only on request); `annotate`
//! (the annotated text, paragraphs numbered as on the worksheet); `ledger_tables` (the
//! ledger of an article page); `alt` (text equivalents of the charts); `article`,
//! `overview`, `worksheet` and `kwic` (the pages); `interrupted` (what `index.html` says
//! while a report is being replaced).

mod alt;
mod annotate;
mod article;
mod escape;
mod interrupted;
mod kwic;
mod ledger_tables;
mod marks;
mod overview;
mod page;
mod sides;
mod worksheet;

pub use alt::{card_alt, comparison_alt};
pub use article::article_page;
pub use escape::escape;
pub use interrupted::INTERRUPTED_PAGE;
pub use kwic::kwic_page;
pub use overview::index_page;
pub use worksheet::{answers_page, worksheet_index, worksheet_page};

/// Choices that change what the pages show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageOptions {
    /// Mark neutral terms (the plain words) in the text and list them in the ledger too;
    /// by default only terms that count for a side, and charged (tone) words, are marked.
    pub show_neutral: bool,
    /// The stance cards' size in pixels, for the pages' `<img>` dimensions.
    pub card_size: (u32, u32),
    /// The report comes with an answer key (`answers.html`, worksheet mode): the index
    /// links it.
    pub answer_key: bool,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            show_neutral: false,
            card_size: crate::report::chart::DEFAULT_SIZE,
            answer_key: false,
        }
    }
}
