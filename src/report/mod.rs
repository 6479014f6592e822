//! Everything a user sees: one renderer per output format, each a pure function from
//! analysis data to text or bytes, plus safe file output.

pub mod cards;
pub mod chart;
pub mod csv;
pub mod delta;
pub mod explain;
pub mod html;
pub mod json;
pub mod ledger;
pub mod lexicon;
pub mod output;
pub mod progress;
pub mod stream;
pub mod table;
