//! Tools for lexicon authors, built on the analysis pipeline: [`examples`] runs a
//! lexicon's example sentences as tests, [`coverage`] measures which entries fire on a
//! corpus (with [`suggestions`] of phrases it may be missing), and [`delta`] shows how
//! scores move from one lexicon to another and which entries moved them; [`roster`]
//! lists the most-quoted speakers the roster does not know.
//!
//! These read analyses and lexicons and return data; rendering them is `report`'s job.

pub mod coverage;
pub mod delta;
pub mod examples;
pub mod roster;
pub mod suggestions;
