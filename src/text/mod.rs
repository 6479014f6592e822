//! Text as the pipeline reads it: the normalized copy that matching runs on
//! ([`normalize`]) with its map back to the original bytes (`offsets.rs`), line and column
//! positions ([`lines`]), and what a word is ([`words`]). Built on the kernels of
//! [`crate::scan`]; knows nothing of lexicons, quotes or reports.

pub mod lines;
pub mod normalize;
mod offsets;
pub mod words;
