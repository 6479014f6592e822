//! Article loading: files, folders, standard input and JSONL, streamed one article at a
//! time.
//!
//! Inputs are opened read-only and never written. A folder is walked recursively in sorted
//! order for `.txt`, `.md` and `.jsonl` files (`walk.rs`; symlink loops are reported, not
//! followed forever). A plain-text article's id is its file stem (`text_file.rs`) and its
//! title its first non-empty line (`title.rs`: a short section label such as "News &
//! Politics" directly above a longer line is skipped as a kicker). JSONL has one object a
//! line with `id`, `text` and optional `title`, `outlet`, `date`, `url`; other fields are
//! ignored (`jsonl.rs`, `record.rs`). Problems with one article (unreadable, binary, empty,
//! too large, a broken JSONL line) come out of the stream (`stream.rs`) as a
//! [`LoadError`] in its place, so a batch goes on with the rest. Invalid UTF-8 is decoded
//! lossily with a warning naming the first bad byte offset.
//!
//! This module reads inputs and builds [`Article`]s; it never looks at the text beyond
//! its first lines (title, date) and never prints.

mod article;
mod error;
mod jsonl;
mod record;
mod stream;
mod text_file;
mod title;
mod walk;

pub use article::{Article, Input, LoadOptions, MAX_SUPPORTED_ARTICLE_BYTES};
pub use error::LoadError;
pub use stream::{load, Articles};
pub use title::{derive_title, MAX_TITLE_CHARS};
