//! Lexicons: the YAML format, loading (with `extends` composition), validation and the
//! compiled, ready-to-match form.
//!
//! A lexicon file is data a teacher edits. The path from text to [`Lexicon`], one file per
//! step:
//!
//! - `source`: built-in lexicons and reading a file under the size limit;
//! - `guard`: refusing hostile YAML (deep nesting, alias bombs) before parsing;
//! - [`schema`]: the file format as serde types and as shape tables;
//! - `walk`: the shape walker, every structural problem (unknown, missing, mistyped
//!   fields) at once, with "did you mean" hints from `suggest`;
//! - `compose`: laying a file over the one it `extends`;
//! - `sections`: the meaning checks and the [`Lexicon`] itself, one file per section;
//! - `locate`: `line:column` for the YAML path each diagnostic carries;
//! - `load`: the steps above in order, for [`Lexicon::load`] and [`check`];
//! - `fingerprint`: the SHA-256 of the resolved lexicon's canonical content.
//!
//! Every problem is a [`Diagnostic`] (`diagnostic`, which imports nothing else of the
//! lexicon). [`term_forms`] (`forms`) says which surface forms a term matches; the matcher
//! compiles those forms into one automaton.

mod compose;
mod diagnostic;
mod error;
mod fingerprint;
mod forms;
mod guard;
mod load;
mod locate;
mod model;
pub mod schema;
mod sections;
mod source;
mod suggest;
mod walk;

pub use diagnostic::{path_string, Diagnostic, Seg, Severity};
pub use error::{Invalid, LexiconError};
pub use forms::term_forms;
pub use guard::{MAX_ALIAS_BYTES, MAX_ALIAS_NODES, MAX_YAML_NESTING};
pub use load::{check, Checked};
pub use model::{Actor, Concept, Lexicon, Limits, ScareQuoted, Scoring, Side, SideRef, Variant};
pub use schema::{ActorKind, LexiconFile};
pub use source::{Source, BUILTIN, DEFAULT_NAME};
pub use walk::{parse, parse_all, Parsed};
