//! Writing report files safely: atomically, inside the output folder, never over an input,
//! and never leaving a folder half old, half new.
//!
//! Every file is written to a temporary file in the same folder and renamed into place, so
//! a crash or a full disk leaves either the old file or the new one, never half of one. A
//! file that already exists keeps its permission bits (a teacher's `chmod 600
//! answers.html` stays); a new one gets the usual `0666 & !umask`.
//!
//! A *staged* folder ([`OutDir::staged`], used by `slant report`) goes further: every file
//! is written into a hidden staging folder (`.slant-XXXXXX.tmp`) inside the output folder,
//! and only when all of them are ready does [`OutDir::commit`] move them into place, the
//! index last. Until then the old report is untouched; an error or an interrupt removes
//! the staging folder.
//!
//! Temporary files and staging folders that exist right now are listed in one process-wide
//! registry, so the command line's signal handler can remove them
//! ([`remove_temporaries_for_exit`]) before the process ends: an interrupted run leaves no
//! `.slant-*.tmp` behind. A commit holds the same lock, so an interrupt during it waits
//! for the (quick) renames to finish.
//!
//! File names derived from article ids are sanitized ([`safe_file_stem`]) so no id can
//! reach outside the output folder, name a device on Windows or look like an option, and
//! collisions get deterministic suffixes.

use std::collections::HashSet;
use std::fs::{File, Permissions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

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

/// Temporary files and staging folders that exist right now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

fn forget_live(path: &Path) {
    live().retain(|p| p != path);
}

/// Remove every temporary file and staging folder of this process, and keep new ones from
/// being made (the registry stays locked: a writer that gets this far waits until the
/// process ends). For a signal handler, right before the process ends; a commit under way
/// finishes first.
pub fn remove_temporaries_for_exit() {
    let guard = live();
    for p in guard.iter() {
        let _ = if p.is_dir() {
            std::fs::remove_dir_all(p)
        } else {
            std::fs::remove_file(p)
        };
    }
    std::mem::forget(guard);
}

/// The permission bits a file at `path` should get: those of the file it replaces, or
/// `None` for a new file (created `0666 & !umask`).
fn kept_permissions(path: &Path) -> Option<Permissions> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    meta.is_file().then(|| meta.permissions())
}

fn write_err(path: &Path) -> impl Fn(std::io::Error) -> OutputError + '_ {
    move |e| OutputError::Write {
        path: path.display().to_string(),
        source: e,
    }
}

/// An output folder, created on first use, that refuses to overwrite inputs.
#[derive(Debug)]
pub struct OutDir {
    pub root: PathBuf,
    inputs: HashSet<PathBuf>,
    /// The staging folder of a staged output (inside `root`), until committed.
    stage: Option<PathBuf>,
}

impl OutDir {
    /// Prepare `root` (created if missing) for files written one at a time, each atomically.
    /// `inputs` are files that must never be written.
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
            stage: None,
        })
    }

    /// Prepare `root` for a set of files that appear together: they are written into a
    /// staging folder and moved into place by [`OutDir::commit`].
    pub fn staged(root: &Path, inputs: &[PathBuf]) -> Result<OutDir, OutputError> {
        let mut out = OutDir::new(root, inputs)?;
        let mut live = live();
        let stage = tempfile::Builder::new()
            .prefix(".slant-")
            .suffix(".tmp")
            .tempdir_in(root)
            // "cannot write OUT/: …": no file of the report can be written there.
            .map_err(write_err(&root.join("")))?
            .keep();
        live.push(stage.clone());
        out.stage = Some(stage);
        Ok(out)
    }

    /// Where `name` is finally written; refused when it is an input.
    fn target(&self, name: &str) -> Result<PathBuf, OutputError> {
        let path = self.root.join(name);
        if let Ok(c) = path.canonicalize() {
            if self.inputs.contains(&c) {
                return Err(OutputError::WouldOverwriteInput {
                    path: path.display().to_string(),
                });
            }
        }
        Ok(path)
    }

    /// Write `name` (a plain file name) atomically (or into the staging folder).
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, OutputError> {
        let mut w = self.create(name)?;
        w.write_all(bytes).map_err(write_err(&w.target))?;
        w.finish()
    }

    /// A writer for `name`, for outputs too large to hold in memory: nothing appears under
    /// that name until [`OutFile::finish`]; dropping it unfinished removes what was written.
    pub fn create(&self, name: &str) -> Result<OutFile, OutputError> {
        let target = self.target(name)?;
        let perms = kept_permissions(&target);
        match &self.stage {
            Some(stage) => {
                let path = stage.join(name);
                let file = File::create(&path).map_err(write_err(&target))?;
                if let Some(p) = perms {
                    file.set_permissions(p).map_err(write_err(&target))?;
                }
                Ok(OutFile {
                    file: Some(BufWriter::with_capacity(
                        1 << 16,
                        TempOrStaged::Staged(file, path),
                    )),
                    target,
                })
            }
            None => {
                let tmp = temp_file_for(&target, perms)?;
                Ok(OutFile {
                    file: Some(BufWriter::with_capacity(1 << 16, TempOrStaged::Temp(tmp))),
                    target,
                })
            }
        }
    }

    /// Move every staged file into place, the names in `last` last and in that order (the
    /// index: a reader who opens it sees the new report whole). While the files move,
    /// `interim` (if given) stands in for the first of `last`, saying the report is being
    /// replaced, so even a kill in the middle of the renames leaves a folder that says what
    /// it is. Does nothing for an unstaged folder.
    pub fn commit(mut self, last: &[&str], interim: Option<&[u8]>) -> Result<(), OutputError> {
        let Some(stage) = self.stage.take() else {
            return Ok(());
        };
        let mut live = live();
        // Two runs committing into one folder at once would interleave their renames: an
        // exclusive lock on the folder makes each commit whole (the later one wins).
        let lock = File::open(&self.root).ok();
        if let Some(l) = &lock {
            let _ = l.lock();
        }
        let result = (|| {
            let mut names: Vec<String> = std::fs::read_dir(&stage)
                .map_err(write_err(&stage))?
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !last.contains(&n.as_str()))
                .collect();
            names.sort();
            if let (Some(first), Some(notice)) = (last.first(), interim) {
                let target = self.target(first)?;
                if target.exists() {
                    let tmp = stage.join(format!(".interim-{first}"));
                    std::fs::write(&tmp, notice).map_err(write_err(&target))?;
                    if let Some(p) = kept_permissions(&target) {
                        let _ = std::fs::set_permissions(&tmp, p);
                    }
                    std::fs::rename(&tmp, &target).map_err(write_err(&target))?;
                }
            }
            names.extend(last.iter().map(|s| s.to_string()));
            for name in &names {
                let from = stage.join(name);
                if !from.exists() {
                    continue;
                }
                let target = self.target(name)?;
                std::fs::rename(&from, &target).map_err(write_err(&target))?;
            }
            // Make the renames themselves durable.
            if let Ok(d) = File::open(&self.root) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        let _ = std::fs::remove_dir_all(&stage);
        live.retain(|p| p != &stage);
        result
    }
}

impl Drop for OutDir {
    /// An uncommitted staging folder (an error along the way) is removed.
    fn drop(&mut self) {
        if let Some(stage) = self.stage.take() {
            let mut live = live();
            let _ = std::fs::remove_dir_all(&stage);
            live.retain(|p| p != &stage);
        }
    }
}

/// A temporary file next to `target`, registered for removal on interrupt, with `perms`
/// (or the default mode for a new file).
fn temp_file_for(
    target: &Path,
    perms: Option<Permissions>,
) -> Result<tempfile::NamedTempFile, OutputError> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut live = live();
    let mut b = tempfile::Builder::new();
    b.prefix(".slant-").suffix(".tmp");
    // tempfile creates files 0600; a report is meant to be shared, so ask for 0666 and let
    // the umask take off what the user wants private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(Permissions::from_mode(0o666));
    }
    let tmp = b.tempfile_in(dir).map_err(write_err(target))?;
    if let Some(p) = perms {
        tmp.as_file()
            .set_permissions(p)
            .map_err(write_err(target))?;
    }
    live.push(tmp.path().to_path_buf());
    Ok(tmp)
}

enum TempOrStaged {
    Temp(tempfile::NamedTempFile),
    /// A file in the staging folder, and its path there.
    Staged(File, PathBuf),
}

impl Write for TempOrStaged {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            TempOrStaged::Temp(t) => t.write(buf),
            TempOrStaged::Staged(f, _) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            TempOrStaged::Temp(t) => t.flush(),
            TempOrStaged::Staged(f, _) => f.flush(),
        }
    }
}

/// One output file being written ([`OutDir::create`]).
pub struct OutFile {
    file: Option<BufWriter<TempOrStaged>>,
    target: PathBuf,
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not finished").write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not finished").flush()
    }
}

impl OutFile {
    /// Sync the file and put it in place (or leave it staged). Returns its final path.
    pub fn finish(mut self) -> Result<PathBuf, OutputError> {
        let err = write_err(&self.target);
        let inner = self
            .file
            .take()
            .expect("finished once")
            .into_inner()
            .map_err(|e| err(e.into_error()))?;
        match inner {
            TempOrStaged::Staged(f, _) => f.sync_data().map_err(&err)?,
            TempOrStaged::Temp(tmp) => {
                tmp.as_file().sync_data().map_err(&err)?;
                let path = tmp.path().to_path_buf();
                let mut live = live();
                let persisted = tmp.persist(&self.target);
                live.retain(|p| p != &path);
                persisted.map_err(|e| err(e.error))?;
            }
        }
        Ok(self.target.clone())
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        // An unfinished file must not be committed: a staged one is removed; a temporary
        // one is deleted by tempfile (and forgotten here).
        match self.file.as_ref().map(|b| b.get_ref()) {
            Some(TempOrStaged::Temp(t)) => forget_live(t.path()),
            Some(TempOrStaged::Staged(_, path)) => {
                let _ = std::fs::remove_file(path);
            }
            None => {}
        }
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    let tmp = temp_file_for(path, kept_permissions(path))?;
    let mut f = OutFile {
        file: Some(BufWriter::new(TempOrStaged::Temp(tmp))),
        target: path.to_path_buf(),
    };
    f.write_all(bytes).map_err(write_err(path))?;
    f.finish()?;
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

/// True when Windows reserves `stem` for a device: `CON`, `PRN`, `AUX`, `NUL`, `COM0`-`COM9`
/// or `LPT0`-`LPT9`, whatever follows the first dot (`aux.html` is the device `AUX`).
fn is_windows_device(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or("").to_ascii_lowercase();
    matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit())
}

/// A file stem that is safe on every common file system: letters, digits, `-`, `_` and
/// `.` only (no leading dot or dash: `-rf.html` reads as an option to many tools), at
/// most 80 characters, not a reserved name nor a Windows device name with any extension.
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
    let s = s
        .trim_start_matches(['.', '_', '-'])
        .trim_end_matches(['.', '_'])
        .to_string();
    let mut s: String = s.chars().take(80).collect();
    s.truncate(s.trim_end_matches('.').len());
    if s.is_empty() {
        s = "article".to_string();
    }
    if RESERVED.contains(&s.to_ascii_lowercase().as_str()) || is_windows_device(&s) {
        // `aux.html` becomes `aux_article.html`: the part before the first dot changes.
        match s.find('.') {
            Some(i) => s.insert_str(i, "_article"),
            None => s.push_str("_article"),
        }
    }
    s
}

/// Assign unique safe stems to ids, in order: a collision gets `-2`, `-3`, ….
/// The next suffix to try is remembered per stem, so 100,000 articles with one id take
/// linear time, not quadratic.
pub fn unique_stems<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut next: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for id in ids {
        let base = safe_file_stem(id);
        let mut stem = base.clone();
        let n = next.entry(base.to_ascii_lowercase()).or_insert(2);
        while !used.insert(stem.to_ascii_lowercase()) {
            stem = format!("{base}-{n}");
            *n += 1;
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
        assert_eq!(safe_file_stem("aux.html"), "aux_article.html");
        assert_eq!(safe_file_stem("LPT1.txt"), "LPT1_article.txt");
        assert_eq!(safe_file_stem("com0"), "com0_article");
        assert_eq!(safe_file_stem("console"), "console");
        assert_eq!(safe_file_stem("-rf"), "rf");
        assert_eq!(safe_file_stem("--help"), "help");
        assert_eq!(safe_file_stem("a-b"), "a-b");
        assert_eq!(
            unique_stems(["a b", "a_b", "A_B", "c"]),
            vec!["a_b", "a_b-2", "A_B-3", "c"]
        );
    }

    #[test]
    fn a_hundred_thousand_equal_ids_get_distinct_stems() {
        let ids = vec!["same"; 100_000];
        let stems = unique_stems(ids);
        assert_eq!(stems[0], "same");
        assert_eq!(stems[1], "same-2");
        assert_eq!(stems[99_999], "same-100000");
        let distinct: HashSet<String> = stems.iter().map(|s| s.to_ascii_lowercase()).collect();
        assert_eq!(distinct.len(), 100_000);
        // An id that looks like a suffix is skipped over, not reused.
        assert_eq!(unique_stems(["a", "a-2", "a"]), vec!["a", "a-2", "a-3"]);
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
            let mode = || std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            let umask = std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    let l = s.lines().find(|l| l.starts_with("Umask:"))?.to_string();
                    u32::from_str_radix(l.split_whitespace().nth(1)?, 8).ok()
                });
            if let Some(umask) = umask {
                assert_eq!(mode(), 0o666 & !umask, "a new file gets the usual mode");
            }
            // A file that exists keeps its mode.
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
            atomic_write(&p, b"three").unwrap();
            assert_eq!(mode(), 0o600, "chmod 600 survives a rewrite");
            assert_eq!(std::fs::read(&p).unwrap(), b"three");
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
