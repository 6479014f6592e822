//! The inputs still to read: files as given, folders walked recursively in sorted order
//! for the kinds slant reads (`.txt`, `.md`, `.jsonl`, `.html`, `.htm`, `.docx`, `.odt`;
//! symlink loops reported, not followed forever; pipes and devices skipped), standard
//! input, and the errors and notes found on the way.
//!
//! Along a folder walk: hidden files and folders (`.git`, `.DS_Store`) are passed over, and
//! so is the `NAME_files` folder a browser saves beside `NAME.html` (the page's images and
//! scripts); a `manifest.csv` gives its folder's files their metadata (`manifest.rs`);
//! every other file is counted by kind into one line per folder ("skipped 3 files slant
//! does not read: 2 PDF (…), 1 image (…)"). A file reached twice (the same folder or file
//! given twice, or a file inside a folder also given) is read once, with a note.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::{io_message, LoadError};
use super::kind::{url_refusal, FileKind, READABLE};
use super::manifest::{Manifest, MANIFEST};
use super::meta::Metadata;

/// One input still to read.
pub(super) enum Pending {
    /// A file, whether it was named on the command line (not found in a folder), and the
    /// metadata its folder's manifest gives it.
    Path(PathBuf, bool, Option<Arc<Metadata>>),
    Stdin,
    Error(LoadError),
}

/// Whether `p` ends in one of `exts` (ASCII case ignored).
pub(super) fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// What the expansion of all inputs has seen: files (by canonical path, to read each once)
/// and folders' manifests.
#[derive(Default)]
pub(super) struct Seen {
    files: HashSet<PathBuf>,
    manifests: HashMap<PathBuf, Option<Arc<Manifest>>>,
    /// One line per input that repeated files, for the first article's warnings.
    pub notes: Vec<String>,
}

impl Seen {
    /// True the first time a file is seen.
    fn first_time(&mut self, p: &Path) -> bool {
        let key = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        self.files.insert(key)
    }

    /// The metadata the manifest of `file`'s folder gives it; the manifest's own problems
    /// are queued the first time it is read.
    fn manifest_meta(&mut self, file: &Path, out: &mut VecDeque<Pending>) -> Option<Arc<Metadata>> {
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let manifest = self.manifests.entry(dir.clone()).or_insert_with(|| {
            let (m, errors) = Manifest::read(&dir);
            out.extend(errors.into_iter().map(Pending::Error));
            m.map(Arc::new)
        });
        manifest
            .as_ref()
            .and_then(|m| m.get(file))
            .map(|meta| Arc::new(meta.clone()))
    }
}

/// Expand a path into files: a file stays itself; a folder is walked recursively.
pub(super) fn expand(path: &Path, out: &mut VecDeque<Pending>, seen: &mut Seen) {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let msg = match url_refusal(&shown) {
                Some(m) if e.kind() == std::io::ErrorKind::NotFound => m.to_string(),
                _ => io_message(&e),
            };
            out.push_back(Pending::Error(LoadError::new(shown, msg)));
            return;
        }
    };
    if !meta.is_dir() {
        if seen.first_time(path) {
            let m = seen.manifest_meta(path, out);
            out.push_back(Pending::Path(path.to_path_buf(), true, m));
        } else {
            seen.notes.push(format!(
                "{shown}: given more than once (or inside a folder also given); read once"
            ));
        }
        return;
    }
    let mut skipped: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let (mut repeated, mut new) = (0usize, 0usize);
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !passed_over(e.path(), e.file_type().is_dir()));
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_dir() {
                    continue;
                }
                let p = e.path();
                let kind = FileKind::of_path(p);
                if !kind.is_readable() {
                    if p.file_name().is_some_and(|n| n == MANIFEST) {
                        continue;
                    }
                    let name = e.file_name().to_string_lossy().into_owned();
                    skipped.entry(kind.label()).or_default().push(name);
                    continue;
                }
                if !e.file_type().is_file() {
                    // A named pipe would block the walk forever; a device may never end.
                    out.push_back(Pending::Error(LoadError::skipped(
                        p.display().to_string(),
                        "not a regular file (a named pipe, socket or device); skipped",
                    )));
                } else if seen.first_time(p) {
                    new += 1;
                    let m = seen.manifest_meta(p, out);
                    out.push_back(Pending::Path(p.to_path_buf(), false, m));
                } else {
                    repeated += 1;
                }
            }
            Err(e) => {
                let where_ = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| shown.clone());
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
    if repeated > 0 {
        seen.notes.push(format!(
            "{shown}: {repeated} file(s) already read from an input given before (the same folder given twice, or a folder and a file in it); each is read once"
        ));
    }
    // A folder read again says nothing more about its other files.
    if new == 0 && repeated > 0 {
        return;
    }
    if let Some(line) = skipped_summary(&skipped) {
        out.push_back(Pending::Error(LoadError::skipped(shown, line)));
    }
}

/// Whether a folder walk passes over `p` without a word: hidden files and folders, and the
/// `NAME_files` folder of a page saved as `NAME.html` or `NAME.htm`.
fn passed_over(p: &Path, is_dir: bool) -> bool {
    let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if name.starts_with('.') {
        return true;
    }
    if is_dir {
        if let Some(page) = name.strip_suffix("_files") {
            return ["html", "htm"]
                .iter()
                .any(|ext| p.with_file_name(format!("{page}.{ext}")).is_file());
        }
    }
    false
}

/// "skipped N files slant does not read: 2 PDF (a.pdf, b.pdf), 1 image (c.png); …".
fn skipped_summary(skipped: &BTreeMap<&'static str, Vec<String>>) -> Option<String> {
    let total: usize = skipped.values().map(Vec::len).sum();
    if total == 0 {
        return None;
    }
    let parts: Vec<String> = skipped
        .iter()
        .map(|(label, names)| {
            let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
            let more = if names.len() > 3 { ", …" } else { "" };
            format!("{} {label} ({}{more})", names.len(), shown.join(", "))
        })
        .collect();
    Some(format!(
        "{total} file(s) slant does not read: {}; slant reads {READABLE} (a PDF or an image: copy its text into a .txt file)",
        parts.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_walk_reads_articles_counts_the_rest_and_passes_over_page_assets() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "a.txt",
            "b.html",
            "c.pdf",
            "d.png",
            "e.pdf",
            "notes.csv",
            ".DS_Store",
        ] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        std::fs::create_dir(d.join("b_files")).unwrap();
        std::fs::write(d.join("b_files/pic.jpg"), "x").unwrap();
        std::fs::write(d.join("b_files/frame.html"), "x").unwrap();
        std::fs::create_dir(d.join(".git")).unwrap();
        std::fs::write(d.join(".git/x.txt"), "x").unwrap();
        let mut out = VecDeque::new();
        let mut seen = Seen::default();
        expand(d, &mut out, &mut seen);
        expand(d, &mut out, &mut seen);
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for p in out {
            match p {
                Pending::Path(p, false, None) => files.push(p.file_name().unwrap().to_owned()),
                Pending::Error(e) => errors.push(e),
                _ => panic!("unexpected pending"),
            }
        }
        assert_eq!(files, ["a.txt", "b.html"]);
        assert_eq!(errors.len(), 1, "one summary, not repeated: {errors:?}");
        let m = &errors[0].message;
        assert!(errors[0].skipped);
        assert!(
            m.starts_with("4 file(s) slant does not read: 2 PDF (c.pdf, e.pdf), 1 image (d.png), 1 other (notes.csv)"),
            "{m}"
        );
        assert_eq!(seen.notes.len(), 1);
        assert!(
            seen.notes[0].contains("2 file(s) already read"),
            "{:?}",
            seen.notes
        );
    }

    #[test]
    fn a_web_address_is_refused_with_what_to_do() {
        let mut out = VecDeque::new();
        expand(
            Path::new("https://example.com/story"),
            &mut out,
            &mut Seen::default(),
        );
        let Some(Pending::Error(e)) = out.pop_front() else {
            panic!()
        };
        assert!(e.message.contains("never goes online"), "{e}");
    }
}
