//! One plain-text article from a file or standard input: the size, binary, encoding
//! (`decode.rs`), front matter and emptiness rules. Its id is the file stem (`stdin` for
//! standard input).

use std::path::Path;

use super::article::{Article, LoadOptions};
use super::decode::{decode, utf16_order, SNIFF_BYTES};
use super::error::{too_large, LoadError};
use super::front_matter;

/// The file stem of `path`, the id of its article.
pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string())
}

/// Turn raw bytes into an article, applying the size, binary, encoding, front matter and
/// emptiness rules.
pub(super) fn text_article(
    id: &str,
    name: &str,
    bytes: Vec<u8>,
    opts: &LoadOptions,
    in_folder: bool,
) -> Result<Article, LoadError> {
    if bytes.len() > opts.article_limit() {
        return Err(LoadError::new(
            name,
            too_large("article", opts.article_limit()),
        ));
    }
    // UTF-16 text is full of NUL bytes; anything else with one is binary.
    if utf16_order(&bytes).is_none() && bytes.iter().take(SNIFF_BYTES).any(|&b| b == 0) {
        let msg = "looks like a binary file (it contains NUL bytes); skipped";
        return Err(if in_folder {
            LoadError::skipped(name, msg)
        } else {
            LoadError::new(name, msg)
        });
    }
    let decoded = decode(name, bytes, None);
    let mut text = decoded.text;
    let front = front_matter::take(name, &mut text);
    if text.trim().is_empty() {
        return Err(LoadError::new(name, "article is empty (no text to score)"));
    }
    let mut a = Article::from_text(id, name, text);
    a.warnings.extend(decoded.warning);
    if let Some(fm) = front {
        fm.meta.apply(&mut a);
        a.warnings.extend(fm.warnings);
    }
    Ok(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_binary_and_oversized_articles_are_refused() {
        let opts = LoadOptions {
            max_article_bytes: 10,
            ..LoadOptions::default()
        };
        let e = text_article("a", "a.txt", b"   \n ".to_vec(), &opts, false).unwrap_err();
        assert!(e.message.contains("empty"));
        let e = text_article("a", "a.txt", b"ab\0c".to_vec(), &opts, true).unwrap_err();
        assert!(e.skipped && e.message.contains("binary"));
        let e = text_article("a", "a.txt", vec![b'a'; 11], &opts, false).unwrap_err();
        assert!(e.message.contains("--max-article-bytes"));
        let opts = LoadOptions::default();
        let e = text_article(
            "a",
            "a.md",
            b"---\ntitle: x\n---\n  \n".to_vec(),
            &opts,
            false,
        )
        .unwrap_err();
        assert!(
            e.message.contains("empty"),
            "front matter alone is no article"
        );
    }

    #[test]
    fn broken_utf8_is_replaced_with_a_warning_naming_the_offset() {
        let mut b = "ok “é” bad".as_bytes().to_vec();
        b.insert(3, 0xFF);
        let a = text_article("a", "a.txt", b, &LoadOptions::default(), false).unwrap();
        assert_eq!(a.text, "ok \u{FFFD}“é” bad");
        assert!(a.warnings[0].contains("byte 3"), "{:?}", a.warnings);
    }

    #[test]
    fn utf16_and_lone_cr_files_read_like_their_utf8_versions() {
        let text = "Headline here\r\rThe “bullied” pupil.\r";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let a = text_article("u", "u.txt", le, &LoadOptions::default(), false).unwrap();
        assert_eq!(a.text, "Headline here\n\nThe “bullied” pupil.\n");
        assert_eq!(a.title, "Headline here");
        assert!(a.warnings[0].contains("UTF-16LE"), "{:?}", a.warnings);
    }

    #[test]
    fn front_matter_sets_metadata_and_is_not_scored() {
        let src = "---\noutlet: Example Times\ntitle: Given title\n---\nFirst line\n\nBody.\n";
        let a = text_article("f", "f.md", src.into(), &LoadOptions::default(), false).unwrap();
        assert_eq!(a.title, "Given title");
        assert_eq!(a.outlet.as_deref(), Some("Example Times"));
        assert_eq!(a.text.len(), src.len());
        assert!(!a.text.contains("Example Times"));
    }
}
