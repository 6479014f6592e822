//! Keeping an output folder safe for its inputs: the files a run must never overwrite
//! (every input, including the file behind a JSONL `path:line` source), and the warning
//! when the output folder lies inside an input folder.

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
