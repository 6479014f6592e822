//! The JSON contract: output types kept separate from the domain types, with
//! `schema_version`. `--format jsonl` writes one [`ArticleJson`] per line, `--format json`
//! an array of them. Version history: 1 — terms and term scores; 2 — quotes, voice,
//! speakers, modifiers, quote balance and stance.
//!
//! Numbers are rounded to 4 decimals so outputs diff cleanly.
//!
//! The parts: `schema` (the types and the conversion from an analysis, written by serde
//! for `--format json`), `compact` (compact JSON byte-identical to serde_json's, by hand)
//! and `jsonl` ([`JsonlWriter`], the `--format jsonl` hot path built on it); `pretty`
//! ([`Pretty`]) re-indents compact JSON as serde's pretty printer would, so a huge record
//! can be streamed as `--format json` too.

mod compact;
mod jsonl;
mod pretty;
mod schema;

pub use compact::Compact;
pub use jsonl::{render_jsonl_line, JsonlWriter};
pub use pretty::Pretty;
pub use schema::{
    article_json, lexicon_json, quote_json, reported_json, term_json, ArticleJson, ConceptJson,
    FramingJson, LexiconJson, ModifierJson, Ordered, QuoteJson, QuoteShareJson, ReportedJson,
    ScoresJson, SideJson, TermJson, ToneJson, VariantUsedJson, SCHEMA_VERSION,
};
