//! The inputs still to read: files as given, folders walked recursively in sorted order
//! for `.txt`, `.md` and `.jsonl` files (symlink loops reported, not followed forever;
//! pipes and devices skipped), standard input, and the errors found on the way.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::error::{io_message, LoadError};

/// One input still to read.
pub(super) enum Pending {
    /// A file, and whether it was named on the command line (not found in a folder).
    Path(PathBuf, bool),
    Stdin,
    Error(LoadError),
}

/// Whether `p` ends in one of `exts` (ASCII case ignored).
pub(super) fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Expand a path into files: a file stays itself; a folder is walked recursively.
pub(super) fn expand(path: &Path, out: &mut VecDeque<Pending>) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push_back(Pending::Error(LoadError::new(
                path.display().to_string(),
                io_message(&e),
            )));
            return;
        }
    };
    if !meta.is_dir() {
        out.push_back(Pending::Path(path.to_path_buf(), true));
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_dir() {
                    continue;
                }
                let p = e.path();
                if !has_ext(p, &["txt", "md", "jsonl"]) {
                    continue;
                }
                if e.file_type().is_file() {
                    out.push_back(Pending::Path(p.to_path_buf(), false));
                } else {
                    // A named pipe would block the walk forever; a device may never end.
                    out.push_back(Pending::Error(LoadError::skipped(
                        p.display().to_string(),
                        "not a regular file (a named pipe, socket or device); skipped",
                    )));
                }
            }
            Err(e) => {
                let where_ = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| path.display().to_string());
                let msg = if e.loop_ancestor().is_some() {
                    "symbolic link loop; not followed".to_string()
                } else if let Some(io) = e.io_error() {
                    io_message(io)
                } else {
                    e.to_string()
                };
                out.push_back(Pending::Error(LoadError::new(where_, msg)));
            }
        }
    }
}
