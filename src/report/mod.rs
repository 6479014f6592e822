//! Everything a user sees: one renderer per output format, each a pure function from
//! analysis data to text or bytes, plus safe file output.
//!
//! Shared by the renderers: [`format`] (how numbers and short texts are written),
//! [`color`] (colour arithmetic, both luminance formulas), [`highlights`] (what is picked
//! out of an analysis for a reader) and [`ledger`] (the score arithmetic written out).
//! Writing files is [`output`]'s job alone, and [`stream`] hands finished records to a
//! writer; [`sanitize`] makes untrusted text safe for a terminal, a CSV cell or XML.
//! Nothing here prints: the progress line on the terminal is the command line's.

pub mod cards;
pub mod chart;
pub(crate) mod color;
pub mod csv;
pub mod delta;
pub mod eval;
pub mod excerpt;
pub mod explain;
pub mod format;
pub(crate) mod highlights;
pub mod html;
pub mod json;
pub mod keyness;
pub mod kwic;
pub mod ledger;
pub mod lexicon;
pub mod output;
pub mod roster;
pub mod sanitize;
pub mod stream;
pub mod table;
