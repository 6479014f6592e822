//! Keeping an output folder safe for its inputs: the files a run must never overwrite
//! (every input, including the file behind a JSONL `path:line` source, and every article
//! file inside an input folder, read or not), and the warning when the output folder lies
//! inside an input folder.

use std::path::{Path, PathBuf};

use slant::analysis::Analysis;

/// Files that must never be overwritten: every input file (JSONL sources are `path:line`).
pub fn protected_inputs(paths: &[String], analyses: &[Analysis]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_str() != "-")
        .map(PathBuf::from)
        .collect();
    for a in analyses {
        let src = a.article.source.as_str();
        if src == "-" {
            continue;
        }
        out.push(PathBuf::from(src));
        if let Some((path, line)) = src.rsplit_once(':') {
            if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) {
                out.push(PathBuf::from(path));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The extensions a folder is searched for (src/input/walk.rs): a file with one of them
/// inside an input folder is an input, whether or not its articles could be read (a
/// JSONL file whose every line failed is still somebody's data).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "jsonl"];

/// True when `file` is an article file that the walk of one of the input folders in
/// `paths` reads: it has an article extension and lies inside an input folder.
pub fn is_in_input_folder(file: &Path, paths: &[String]) -> bool {
    let has_ext = file
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)));
    if !has_ext {
        return false;
    }
    let Ok(file) = file.canonicalize() else {
        return false;
    };
    paths.iter().filter(|p| p.as_str() != "-").any(|p| {
        Path::new(p)
            .canonicalize()
            .is_ok_and(|dir| dir.is_dir() && file.starts_with(&dir))
    })
}

/// A warning when the output folder lies inside an input folder: the JSONL written there
/// would be read back as input by the next run over that folder.
pub fn nested_output_warning(out_dir: &Path, paths: &[String]) -> Option<String> {
    let out = out_dir.canonicalize().ok()?;
    for p in paths {
        let Ok(inp) = Path::new(p).canonicalize() else {
            continue;
        };
        if inp.is_dir() && out.starts_with(&inp) {
            return Some(format!(
                "the output folder {} is inside the input folder {p}; a later `slant … {p}` would read its articles.jsonl as input (choose --out outside it)",
                out_dir.display()
            ));
        }
    }
    None
}
