//! A folder's `manifest.csv`: metadata for articles that must stay unchanged. A header row
//! with `file` (the file's name in that folder, or a path relative to it) and any of
//! `title`, `outlet`, `date`, `url`, `author`; other columns are ignored. It applies to the
//! files of its own folder (walked, or named on the command line), and its fields win over
//! what slant derives from a file (first line, front matter, page metadata).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::error::LoadError;
use super::meta::Metadata;

/// The file name a folder's manifest has.
pub const MANIFEST: &str = "manifest.csv";

/// One folder's manifest: metadata by file path (joined to the folder).
#[derive(Debug, Default)]
pub struct Manifest {
    rows: HashMap<PathBuf, Metadata>,
}

impl Manifest {
    /// Read `dir/manifest.csv` if there is one. Problems (a bad file, a row naming a file
    /// that is not there) come back as errors beside what could be read.
    pub fn read(dir: &Path) -> (Option<Manifest>, Vec<LoadError>) {
        let path = dir.join(MANIFEST);
        if !path.is_file() {
            return (None, Vec::new());
        }
        let name = path.display().to_string();
        let mut errors = Vec::new();
        let mut reader = match csv::ReaderBuilder::new().flexible(true).from_path(&path) {
            Ok(r) => r,
            Err(e) => return (None, vec![LoadError::new(name, e.to_string())]),
        };
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
            Err(e) => return (None, vec![LoadError::new(name, e.to_string())]),
        };
        let Some(file_col) = headers.iter().position(|h| h == "file") else {
            return (
                None,
                vec![LoadError::new(
                    name,
                    "the manifest has no `file` column (its first row must name the columns: file,title,outlet,date,url,author)",
                )],
            );
        };
        let mut rows = HashMap::new();
        for (i, rec) in reader.records().enumerate() {
            let line = i + 2;
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    errors.push(LoadError::new(format!("{name}:{line}"), e.to_string()));
                    continue;
                }
            };
            let file = rec.get(file_col).unwrap_or("").trim();
            if file.is_empty() {
                continue;
            }
            let mut meta = Metadata::default();
            for (col, h) in headers.iter().enumerate() {
                if let (Some(slot), Some(v)) = (meta.field(h), rec.get(col)) {
                    if !v.trim().is_empty() {
                        *slot = Some(v.trim().to_string());
                    }
                }
            }
            let target = dir.join(file);
            if !target.is_file() {
                errors.push(LoadError::new(
                    format!("{name}:{line}"),
                    format!(
                        "the manifest names {file}, which is not a file in {}",
                        dir.display()
                    ),
                ));
            }
            rows.insert(normal(&target), meta);
        }
        (Some(Manifest { rows }), errors)
    }

    /// The metadata the manifest gives `path`, if any.
    pub fn get(&self, path: &Path) -> Option<&Metadata> {
        self.rows.get(&normal(path))
    }
}

/// A path with `.` parts dropped, so `dir/./a.txt` and `dir/a.txt` are the same key.
fn normal(p: &Path) -> PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_gives_metadata_by_file_and_reports_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Text").unwrap();
        std::fs::write(
            dir.path().join(MANIFEST),
            "file,outlet,title,notes\na.txt,The Daily Example,\"A title, with a comma\",x\nmissing.txt,Other,,\n",
        )
        .unwrap();
        let (m, errors) = Manifest::read(dir.path());
        let m = m.unwrap();
        let meta = m.get(&dir.path().join("./a.txt")).unwrap();
        assert_eq!(meta.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(meta.title.as_deref(), Some("A title, with a comma"));
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("missing.txt"), "{}", errors[0]);
        assert!(errors[0].source_name.ends_with("manifest.csv:3"));
    }
}
