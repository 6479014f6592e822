//! Tools for lexicon authors, built on the analysis pipeline: [`examples`] runs a
//! lexicon's example sentences as tests, [`coverage`] measures which entries fire on a
//! corpus (with [`suggestions`] of phrases it may be missing), and [`delta`] shows how
//! scores move from one lexicon to another and which entries moved them; [`roster`]
//! lists the most-quoted speakers the roster does not know. [`keyness`]
//! ranks the words and phrases two groups of articles differ on (`lexicon suggest`, cut
//! into phrases by [`ngrams`], with [`stubs`] for new concepts), and [`kwic`] is the
//! concordance of a term, concept or variant.
//!
//! These read analyses and lexicons and return data; rendering them is `report`'s job.

pub mod coverage;
pub mod delta;
pub mod examples;
pub mod keyness;
pub mod kwic;
pub mod ngrams;
pub mod roster;
pub mod stubs;
pub mod suggestions;
