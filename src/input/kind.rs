//! What kind of file an input is, by its name and its first bytes, and the one-line
//! refusals for the kinds slant does not read (PDF, images, old Word files, web
//! addresses), each saying what to do instead.

use std::path::Path;

/// The kinds of file slant meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt`, `.md`, `.markdown`, `.text`.
    Text,
    Jsonl,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    Docx,
    Odt,
    Pdf,
    Image,
    /// A Word 97–2003 `.doc` (or another old Office file).
    OldOffice,
    /// Anything else (found in a folder: skipped and counted).
    Other,
}

impl FileKind {
    /// The kind a file's name says.
    pub fn of_path(path: &Path) -> FileKind {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return FileKind::Other;
        };
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "md" | "markdown" | "text" => FileKind::Text,
            "jsonl" => FileKind::Jsonl,
            "html" | "htm" | "xhtml" => FileKind::Html,
            "docx" => FileKind::Docx,
            "odt" => FileKind::Odt,
            "pdf" => FileKind::Pdf,
            "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "heic" | "heif"
            | "avif" | "svg" => FileKind::Image,
            "doc" | "rtf" | "pages" | "wps" => FileKind::OldOffice,
            _ => FileKind::Other,
        }
    }

    /// The kind a file's first bytes prove, for the kinds slant refuses (a PDF saved as
    /// `.txt` is still a PDF).
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        const IMAGES: &[&[u8]] = &[
            b"\x89PNG\r\n\x1a\n",
            b"\xFF\xD8\xFF",
            b"GIF87a",
            b"GIF89a",
            b"BM",
            b"II*\0",
            b"MM\0*",
        ];
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if IMAGES.iter().any(|m| bytes.starts_with(m))
            || (bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
        {
            Some(FileKind::Image)
        } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
            || bytes.starts_with(b"{\\rtf")
        {
            Some(FileKind::OldOffice)
        } else {
            None
        }
    }

    /// Whether slant reads this kind.
    pub fn is_readable(self) -> bool {
        matches!(
            self,
            FileKind::Text | FileKind::Jsonl | FileKind::Html | FileKind::Docx | FileKind::Odt
        )
    }

    /// The name of the kind in a folder's summary of skipped files.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Image => "image",
            FileKind::OldOffice => "old word-processor file",
            FileKind::Text | FileKind::Jsonl | FileKind::Html | FileKind::Docx | FileKind::Odt => {
                "article"
            }
            FileKind::Other => "other",
        }
    }

    /// The one-line refusal for a kind slant does not read, saying what to do instead.
    pub fn refusal(self) -> Option<&'static str> {
        match self {
            FileKind::Pdf => Some("a PDF; slant does not read PDFs: copy the article's text into a .txt file, or save the web page as HTML, and pass that file"),
            FileKind::Image => Some("an image; slant reads text, not pictures: copy the article's text into a .txt file, or save the web page as HTML, and pass that file"),
            FileKind::OldOffice => Some("an old word-processor file (.doc, .rtf); save it as .docx or as plain text (.txt) and pass that file"),
            _ => None,
        }
    }
}

/// The refusal for an input that is a web address rather than a file.
pub fn url_refusal(input: &str) -> Option<&'static str> {
    let lower = input.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        .then_some("a web address; slant never goes online (by design): save the page as HTML in your browser (File › Save Page As…) and pass the saved file")
}

/// The kinds slant reads, for messages.
pub const READABLE: &str = ".txt, .md, .jsonl, .html, .htm, .docx and .odt";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_the_name_and_refused_kinds_from_the_bytes_too() {
        assert_eq!(FileKind::of_path(Path::new("a/B.HTM")), FileKind::Html);
        assert_eq!(FileKind::of_path(Path::new("a.docx")), FileKind::Docx);
        assert_eq!(FileKind::of_path(Path::new("scan.JPG")), FileKind::Image);
        assert_eq!(FileKind::of_path(Path::new("README")), FileKind::Other);
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
        assert_eq!(
            FileKind::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(FileKind::Image)
        );
        assert_eq!(FileKind::sniff(b"Plain text"), None);
        assert!(FileKind::Pdf.refusal().unwrap().contains(".txt"));
        assert!(url_refusal("https://example.com/a")
            .unwrap()
            .contains("Save Page As"));
        assert!(url_refusal("notes/https.txt").is_none());
    }
}
