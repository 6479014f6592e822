//! One file to one article: read it (up to the size limit), refuse the kinds slant does not
//! read (by name, or by first bytes: a PDF named `.txt` is still a PDF), pick the reader by
//! kind (plain text, saved page, Word document, OpenDocument text), and lay the folder
//! manifest's metadata over the result. JSONL files are streamed elsewhere (`jsonl.rs`).

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::article::{Article, LoadOptions};
use super::error::{io_message, too_large, LoadError};
use super::html::html_article;
use super::kind::FileKind;
use super::meta::Metadata;
use super::office::{office_article, Office};
use super::text_file::{stem, text_article};

/// Read the article at `path` (`name` as shown); `explicit`: named on the command line;
/// `manifest`: what its folder's manifest says about it.
pub(super) fn read_file(
    path: &Path,
    name: &str,
    opts: &LoadOptions,
    explicit: bool,
    manifest: Option<&Metadata>,
    read: &AtomicU64,
) -> Result<Article, LoadError> {
    let f = File::open(path).map_err(|e| LoadError::new(name, io_message(&e)))?;
    let mut bytes = Vec::new();
    f.take(opts.article_limit() as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::new(name, io_message(&e)))?;
    read.fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let in_folder = !explicit;
    let kind = FileKind::of_path(path);
    if let Some(refusal) = FileKind::sniff(&bytes)
        .or(Some(kind))
        .and_then(FileKind::refusal)
    {
        return Err(if in_folder {
            LoadError::skipped(name, refusal)
        } else {
            LoadError::new(name, refusal)
        });
    }
    let id = stem(path);
    let mut a = match kind {
        FileKind::Html => {
            if bytes.len() > opts.article_limit() {
                return Err(LoadError::new(
                    name,
                    too_large("page", opts.article_limit()),
                ));
            }
            html_article(&id, name, bytes, in_folder)?
        }
        FileKind::Docx | FileKind::Odt => {
            if bytes.len() > opts.article_limit() {
                return Err(LoadError::new(
                    name,
                    too_large("document", opts.article_limit()),
                ));
            }
            let office = if kind == FileKind::Docx {
                Office::Docx
            } else {
                Office::Odt
            };
            office_article(office, &id, name, bytes, opts.article_limit())?
        }
        _ => text_article(&id, name, bytes, opts, in_folder)?,
    };
    if let Some(m) = manifest {
        m.apply(&mut a);
    }
    Ok(a)
}
