//! slant: shows how a news article leans.
//!
//! Data flows one way: **load → normalize → match → attribute → score → report**.
//! [`input`] loads articles (files, folders, standard input, JSONL); [`text`] makes the
//! matching copy with an offset map, and says what a line, a column and a word are;
//! [`lexicon`] reads and validates the YAML lexicons and [`matcher`] compiles their terms
//! into one trie; [`quotes`] finds quotations and their speakers; [`attribute`] gives
//! every term hit its voice and modifiers; [`score`] does the arithmetic; [`analysis`] runs
//! the pipeline for one article ([`batch`] runs it over many, in order, on every core).
//! Everything a user sees is rendered under [`report`]: renderers are pure functions from
//! data to bytes. [`authoring`] holds the tools for lexicon authors built on the pipeline
//! (example sentences as tests, coverage on a corpus, score deltas between two lexicons);
//! [`eval`] measures slant against labelled data, with the numerics in [`stats`].
//! The library never prints; the command line (`src/cli/`) belongs to the `slant` binary.
//! Under all of them, `scan` holds the SIMD and SWAR kernels of the hot loops (and the
//! library's only `unsafe` code), each with a plain byte-at-a-time reference it is tested
//! against; `--features scalar` builds everything on the references.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod attribute;
pub mod authoring;
pub mod batch;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod quotes;
pub mod report;
#[doc(hidden)]
pub mod scan;
pub mod score;
pub mod stats;
pub mod text;

// The synthetic corpus generator, for unit tests only (tests and benches include it too).
#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
mod corpus;
