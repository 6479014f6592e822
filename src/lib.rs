//! slant: shows how a news article leans.
//!
//! Data flows one way: **load → normalize → match → attribute → score → report**.
//! [`input`] loads articles (files, folders, standard input, JSONL); [`text`] makes the
//! matching copy with an offset map, and says what a line, a column and a word are;
//! [`lexicon`] reads and validates the YAML lexicons and [`matcher`] compiles their terms
//! into one trie; [`quotes`] finds quotations and their speakers; [`attribute`] gives
//! every term hit its voice and modifiers; [`score`] does the arithmetic; [`analysis`] runs
//! the pipeline for one article. Everything a user sees is rendered under [`report`]:
//! renderers are pure functions from data to bytes. The library never prints. Under all
//! of them, `scan` holds the SIMD and SWAR kernels of the hot loops (and the library's
//! only `unsafe` code), each with a plain byte-at-a-time reference it is tested against;
//! `--features scalar` builds everything on the references.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod attribute;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod coverage;
pub mod delta;
pub mod examples;
pub mod input;
pub mod lexicon;
pub mod matcher;
pub mod quotes;
pub mod report;
#[doc(hidden)]
pub mod scan;
pub mod score;
pub mod text;
