//! Writing report files safely: atomically, inside the output folder, never over an input.
//!
//! Every file is written to a temporary file in the same folder and renamed into place, so
//! a crash or a full disk leaves either the old file or the new one, never half of one.
//! File names derived from article ids are sanitized ([`safe_file_stem`]) so no id can
//! reach outside the output folder, and collisions get deterministic suffixes.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot create output folder {path}: {source}")]
    CreateDir {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("output path {path} exists and is not a folder; choose another --out")]
    NotADir { path: String },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("refusing to write {path}: it is one of the input files (choose another --out)")]
    WouldOverwriteInput { path: String },
}

/// An output folder, created on first use, that refuses to overwrite inputs.
#[derive(Debug)]
pub struct OutDir {
    pub root: PathBuf,
    inputs: HashSet<PathBuf>,
}

impl OutDir {
    /// Prepare `root` (created if missing). `inputs` are files that must never be written.
    pub fn new(root: &Path, inputs: &[PathBuf]) -> Result<OutDir, OutputError> {
        if root.exists() && !root.is_dir() {
            return Err(OutputError::NotADir {
                path: root.display().to_string(),
            });
        }
        std::fs::create_dir_all(root).map_err(|e| OutputError::CreateDir {
            path: root.display().to_string(),
            source: e,
        })?;
        let inputs = inputs
            .iter()
            .filter_map(|p| p.canonicalize().ok())
            .collect();
        Ok(OutDir {
            root: root.to_path_buf(),
            inputs,
        })
    }

    /// Write `name` (a plain file name) atomically.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, OutputError> {
        let path = self.root.join(name);
        if let Ok(c) = path.canonicalize() {
            if self.inputs.contains(&c) {
                return Err(OutputError::WouldOverwriteInput {
                    path: path.display().to_string(),
                });
            }
        }
        atomic_write(&path, bytes)?;
        Ok(path)
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let err = |e: std::io::Error| OutputError::Write {
        path: path.display().to_string(),
        source: e,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".slant-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // Temporary files are created private (0600); a report is meant to be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(err)?;
    }
    tmp.as_file().sync_data().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

const RESERVED: &[&str] = &[
    "con",
    "prn",
    "aux",
    "nul",
    "com1",
    "com2",
    "com3",
    "com4",
    "com5",
    "com6",
    "com7",
    "com8",
    "com9",
    "lpt1",
    "lpt2",
    "lpt3",
    "lpt4",
    "lpt5",
    "lpt6",
    "lpt7",
    "lpt8",
    "lpt9",
    "index",
    "comparison",
    "summary",
    "articles",
    "answers",
];

/// A file stem that is safe on every common file system: letters, digits, `-`, `_` and
/// `.` only (no leading dot), at most 80 characters, not a reserved name.
pub fn safe_file_stem(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.contains("..") {
        s = s.replace("..", "_");
    }
    let s = s.trim_matches(['.', '_']).to_string();
    let mut s: String = s.chars().take(80).collect();
    if s.is_empty() {
        s = "article".to_string();
    }
    if RESERVED.contains(&s.to_ascii_lowercase().as_str()) {
        s.push_str("_article");
    }
    s
}

/// Assign unique safe stems to ids, in order: a collision gets `-2`, `-3`, ….
pub fn unique_stems<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for id in ids {
        let base = safe_file_stem(id);
        let mut stem = base.clone();
        let mut n = 2;
        while !used.insert(stem.to_ascii_lowercase()) {
            stem = format!("{base}-{n}");
            n += 1;
        }
        out.push(stem);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_cannot_escape_or_collide() {
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc_passwd");
        assert_eq!(safe_file_stem("a/b\\c:d"), "a_b_c_d");
        assert_eq!(safe_file_stem(".."), "article");
        assert_eq!(safe_file_stem("CON"), "CON_article");
        assert_eq!(safe_file_stem("index"), "index_article");
        assert_eq!(safe_file_stem(&"x".repeat(300)).len(), 80);
        assert_eq!(
            unique_stems(["a b", "a_b", "A_B", "c"]),
            vec!["a_b", "a_b-2", "A_B-3", "c"]
        );
    }

    #[test]
    fn atomic_write_replaces_whole_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt");
        atomic_write(&p, b"one").unwrap();
        atomic_write(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o644, "reports are readable by others");
        }
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn refuses_to_overwrite_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.txt");
        std::fs::write(&input, "keep").unwrap();
        let out = OutDir::new(dir.path(), std::slice::from_ref(&input)).unwrap();
        assert!(matches!(
            out.write("a.txt", b"x"),
            Err(OutputError::WouldOverwriteInput { .. })
        ));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "keep");
        let file_as_dir = OutDir::new(&input, &[]);
        assert!(matches!(file_as_dir, Err(OutputError::NotADir { .. })));
    }
}
