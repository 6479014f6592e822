//! Where lexicon text comes from: the built-in lexicons embedded in the binary, or a file
//! read under the size limit (refusing folders, named pipes, devices and non-UTF-8 text),
//! and the rule for what `extends` may name (a `.yaml` or `.yml` file, never `/etc/shadow`).

use std::path::{Path, PathBuf};

use super::error::LexiconError;
use super::model::Limits;

/// The default lexicon, embedded in the binary.
pub const DEFAULT_NAME: &str = "immigration";
/// Built-in lexicons, by name: `(name, file name, YAML)`.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "immigration",
        "immigration.yaml",
        include_str!("../../lexicons/immigration.yaml"),
    ),
    (
        "climate",
        "climate.yaml",
        include_str!("../../lexicons/climate.yaml"),
    ),
    (
        "tone",
        "tone.yaml",
        include_str!("../../lexicons/tone.yaml"),
    ),
];

/// One lexicon source text.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as given, or `builtin:NAME`.
    pub origin: String,
    /// Folder for resolving `extends` (None for built-ins and text).
    pub dir: Option<PathBuf>,
    pub text: String,
}

impl Source {
    pub fn builtin(name: &str) -> Result<Source, LexiconError> {
        let name = name.trim_end_matches(".yaml");
        BUILTIN
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(n, _, text)| Source {
                origin: format!("builtin:{n}"),
                dir: None,
                text: text.to_string(),
            })
            .ok_or_else(|| LexiconError::UnknownBuiltin {
                name: name.to_string(),
                known: BUILTIN
                    .iter()
                    .map(|(n, _, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Read the file an `extends` names: only a `.yaml` or `.yml` file (after following
    /// symbolic links), so a lexicon from somebody else cannot make slant read, and echo in
    /// its error messages, any other file (`extends: /etc/shadow`).
    pub fn read_extended(path: &Path, limits: Limits) -> Result<Source, LexiconError> {
        let is_yaml = |p: &Path| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        };
        let real = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if !is_yaml(path) || !is_yaml(&real) {
            return Err(LexiconError::NotYaml {
                path: path.display().to_string(),
            });
        }
        Source::read(path, limits)
    }

    pub fn read(path: &Path, limits: Limits) -> Result<Source, LexiconError> {
        let origin = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| LexiconError::Io {
            path: origin.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            return Err(LexiconError::IsDirectory { path: origin });
        }
        // A named pipe blocks `open` until something writes to it (forever, for a FIFO
        // nobody feeds), and a device may never end: a lexicon is a regular file.
        if !meta.is_file() {
            return Err(LexiconError::NotAFile { path: origin });
        }
        if meta.len() as usize > limits.max_file_bytes {
            return Err(LexiconError::TooLarge {
                path: origin,
                bytes: meta.len(),
                limit: limits.max_file_bytes,
            });
        }
        // Read at most one byte past the limit: metadata says 0 bytes for pipes and
        // devices (`--lexicon /dev/zero`), so the size check above cannot be the only one.
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| {
                use std::io::Read;
                f.take(limits.max_file_bytes as u64 + 1)
                    .read_to_end(&mut bytes)
            })
            .map_err(|e| LexiconError::Io {
                path: origin.clone(),
                source: e,
            })?;
        if bytes.len() > limits.max_file_bytes {
            return Err(LexiconError::TooLarge {
                path: origin,
                bytes: bytes.len() as u64,
                limit: limits.max_file_bytes,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| LexiconError::NotUtf8 {
            path: origin.clone(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok(Source {
            origin,
            dir: path.parent().map(Path::to_path_buf),
            text,
        })
    }
}
