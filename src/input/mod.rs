//! Article loading: files, folders, standard input and JSONL, streamed one article at a
//! time.
//!
//! Inputs are opened read-only and never written. A folder is walked recursively in sorted
//! order for the kinds slant reads (`walk.rs`: `.txt`, `.md`, `.jsonl`, `.html`, `.htm`,
//! `.docx`, `.odt`; symlink loops are reported, not followed forever; the other files are
//! counted by kind in one line per folder; a file reached twice is read once). Each file is
//! read by its kind (`file.rs`, `kind.rs`): plain text (`text_file.rs`, its encoding found
//! by `decode.rs`, YAML front matter by `front_matter.rs`), a saved web page (`html/`: the
//! main text and the page's metadata), a Word or OpenDocument file (`office.rs`); PDFs,
//! images and web addresses are refused with what to do instead. A folder's
//! `manifest.csv` gives its files metadata (`manifest.rs`, `meta.rs`). A plain-text
//! article's id is its file stem and its title its first non-empty line (`title.rs`: a
//! short section label such as "News & Politics" directly above a longer line is skipped
//! as a kicker). JSONL has one object a line with `id`, `text` and optional `title`,
//! `outlet`, `date`, `url`; other fields are ignored (`jsonl.rs`, `record.rs`). Problems
//! with one article (unreadable, binary, empty, too large, a broken JSONL line) come out of
//! the stream (`stream.rs`) as a [`LoadError`] in its place, so a batch goes on with the
//! rest. Every article says what its text was read from ([`TextSource`]).
//!
//! This module reads inputs and builds [`Article`]s; it never looks at the text beyond
//! its first lines (title, date) and never prints.

mod article;
mod decode;
mod error;
pub mod export;
mod file;
mod front_matter;
mod html;
mod jsonl;
mod kind;
mod manifest;
mod meta;
mod office;
mod record;
mod stream;
mod text_file;
mod title;
mod walk;

pub use article::{Article, Input, LoadOptions, TextSource, MAX_SUPPORTED_ARTICLE_BYTES};
pub use error::LoadError;
pub use html::{extract_page, Page};
pub use meta::Metadata;
pub use stream::{load, Articles};
pub use title::{derive_title, leading_dateline, MAX_TITLE_CHARS};
