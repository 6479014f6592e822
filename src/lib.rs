//! slant: shows how a news article leans.
//!
//! Data flows one way: **load → normalize → match → attribute → score → report**.
//! [`article`] loads articles ([`record`] reads a JSONL line); [`normalize`] makes the matching copy with an offset map;
//! [`lexicon`] reads and validates the YAML lexicons and [`matcher`] compiles their terms
//! into one automaton; [`quotes`] finds quotations and their speakers; [`attribute`] gives
//! every term hit its voice and modifiers; [`score`] does the arithmetic; [`analysis`] runs
//! the pipeline for one article ([`batch`] runs it over many, in order, on every core).
//! Everything a user sees is rendered under [`report`]: renderers are pure functions from
//! data to bytes. [`authoring`] holds the tools for lexicon authors built on the pipeline
//! (example sentences as tests, coverage on a corpus, score deltas between two lexicons).
//! The library never prints; the command line (`src/cli/`) belongs to the `slant` binary.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod article;
pub mod attribute;
pub mod authoring;
pub mod batch;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod quotes;
pub mod record;
pub mod report;
pub mod score;
#[cfg(target_arch = "x86_64")]
pub(crate) mod simd;

// The synthetic corpus generator, for unit tests only (tests and benches include it too).
#[cfg(test)]
#[path = "../tests/support/corpus.rs"]
mod corpus;
