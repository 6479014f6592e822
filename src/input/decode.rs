//! Bytes to text: which encoding a file is in, and its text decoded from it.
//!
//! In order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) decides; then UTF-16 without a
//! mark (text with every other byte NUL); then valid UTF-8 is taken as it is (the common
//! case, checked with simdutf8); then an encoding the file declares (an HTML page's
//! `<meta charset>`); then text that is mostly UTF-8 with a few bad bytes is read as
//! broken UTF-8 (bad bytes become U+FFFD, as before); anything else is a legacy encoding,
//! guessed by chardetng (the detector Firefox uses) and decoded by encoding_rs, so a
//! Windows-1252 file keeps its curly quotes. Every decode other than plain UTF-8 names
//! the encoding in a warning, with how it was chosen. Offsets always refer to the decoded
//! text.
//!
//! Lone carriage returns (old Mac line ends) become line feeds here: byte for byte, so
//! offsets are unchanged, and lines and titles come out right.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text and what was assumed to get it.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, when it is not plain UTF-8 (e.g. `"windows-1252"`).
    pub encoding: Option<&'static str>,
    /// A warning for the article (the encoding assumed, or the first bad UTF-8 byte).
    pub warning: Option<String>,
}

/// How much of the start of a file is looked at for NUL bytes and UTF-16.
pub const SNIFF_BYTES: usize = 8192;

/// The UTF-16 byte order of `bytes`, from its byte-order mark or, without one, from the
/// pattern of ASCII text in UTF-16 (most odd or most even bytes NUL, the others not).
pub fn utf16_order(bytes: &[u8]) -> Option<&'static Encoding> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc != UTF_8).then_some(enc);
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even_nul, mut odd_nul) = (0, 0);
    for p in head.chunks_exact(2) {
        even_nul += usize::from(p[0] == 0);
        odd_nul += usize::from(p[1] == 0);
    }
    if odd_nul * 10 >= pairs * 7 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decode `bytes` of the input `name`; `declared` is the encoding the file itself names
/// (an HTML `<meta charset>`), if any.
pub fn decode(name: &str, bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Decoded {
    let mut d = decode_inner(name, bytes, declared);
    if d.text.contains('\r') {
        d.text = lone_cr_to_lf(d.text);
    }
    d
}

fn decode_inner(name: &str, bytes: Vec<u8>, declared: Option<&'static Encoding>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            let mut d = utf8(name, bytes[bom..].to_vec());
            d.encoding = None;
            return d;
        }
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return named(text.into_owned(), enc, name, "from its byte-order mark");
    }
    // (ASCII text in UTF-16 is valid UTF-8, NULs and all: look for it first.)
    if let Some(enc) = utf16_order(&bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes);
        return named(text.into_owned(), enc, name, "guessed from its bytes");
    }
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        return utf8(name, bytes);
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        let (text, _) = enc.decode_without_bom_handling(&bytes);
        return named(text.into_owned(), enc, name, "as the page declares");
    }
    if declared == Some(UTF_8) || mostly_utf8(&bytes) {
        return utf8(name, bytes);
    }
    // ISO-2022-JP would be a 7-bit guess for what is, by now, surely not 7-bit text.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = enc.decode_without_bom_handling(&bytes);
    let mut d = named(text.into_owned(), enc, name, "guessed from its bytes");
    d.warning = d
        .warning
        .map(|w| format!("{w}; save the file as UTF-8 to be sure"));
    d
}

/// A decode through `enc`, with the warning naming it.
fn named(text: String, enc: &'static Encoding, name: &str, how: &str) -> Decoded {
    Decoded {
        text,
        encoding: Some(enc.name()),
        warning: Some(format!("{name}: not UTF-8; read as {} ({how})", enc.name())),
    }
}

/// UTF-8, bad bytes replaced with U+FFFD and the first one named in a warning.
fn utf8(name: &str, bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: None,
            warning: None,
        },
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            Decoded {
                text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                encoding: Some("UTF-8"),
                warning: Some(format!(
                    "{name}: invalid UTF-8 at byte {offset}; bad bytes were replaced with U+FFFD (save the file as UTF-8 to avoid this)"
                )),
            }
        }
    }
}

/// Whether `bytes` read as UTF-8 has more valid multi-byte characters than bad bytes: a
/// UTF-8 file with a few broken bytes, not a legacy encoding (where a multi-byte UTF-8
/// sequence is rare by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                // Only the valid prefix counts; `from_utf8_unchecked` is not needed.
                good += valid.iter().filter(|b| **b >= 0xC0).count();
                bad += 1;
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    good > bad
}

/// Every `\r` not followed by `\n` becomes `\n` (same length, so offsets hold).
fn lone_cr_to_lf(text: String) -> String {
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    String::from_utf8(bytes).expect("still UTF-8")
}

/// The encoding named by an HTML page's `<meta charset="…">` or `<meta http-equiv=
/// "Content-Type" content="…; charset=…">`, looked for in its first 4 KiB (the HTML
/// standard's prescan reads 1 KiB; pages put it later often enough to look further).
pub fn html_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let at = from + i + b"charset".len();
        from = at;
        let rest = &lower[at..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        if let Some(enc) = Encoding::for_label(&rest[..end]) {
            // A page saved as UTF-16 cannot declare it in ASCII; the standard reads such a
            // declaration as UTF-8.
            return Some(if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else {
                enc
            });
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_taken_as_it_is_and_a_utf8_bom_is_dropped() {
        let d = decode("a", "“Hi” — ok".as_bytes().to_vec(), None);
        assert_eq!(
            (d.text.as_str(), d.encoding, d.warning),
            ("“Hi” — ok", None, None)
        );
        let d = decode("a", b"\xEF\xBB\xBFTitle\nBody".to_vec(), None);
        assert_eq!((d.text.as_str(), d.warning), ("Title\nBody", None));
    }

    #[test]
    fn windows_1252_keeps_its_curly_quotes_and_is_named() {
        // “bullied” said the mother’s lawyer — in Windows-1252.
        let bytes = b"The \x93bullied\x94 pupil, said the mother\x92s lawyer \x97 again and again, caf\xe9.".to_vec();
        let d = decode("a.txt", bytes, None);
        assert!(
            d.text.contains("“bullied”") && d.text.contains("mother’s"),
            "{}",
            d.text
        );
        assert_eq!(d.encoding, Some("windows-1252"));
        let w = d.warning.unwrap();
        assert!(w.contains("a.txt: not UTF-8; read as windows-1252"), "{w}");
    }

    #[test]
    fn utf16_with_and_without_a_bom_is_decoded() {
        let text = "“Quoted” words.\r\nSecond line.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        for (bytes, enc) in [
            ([&[0xFF, 0xFE][..], &le].concat(), "UTF-16LE"),
            ([&[0xFE, 0xFF][..], &be].concat(), "UTF-16BE"),
            (le.clone(), "UTF-16LE"),
            (be.clone(), "UTF-16BE"),
        ] {
            let d = decode("u.txt", bytes, None);
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, Some(enc));
            assert!(d.warning.unwrap().contains(enc));
        }
    }

    #[test]
    fn a_few_bad_bytes_in_utf8_text_stay_lossy_utf8() {
        let mut b = "“ok” é done — “fine”".as_bytes().to_vec();
        b.insert(8, 0xFF);
        let d = decode("a", b, None);
        assert!(d.text.contains('\u{FFFD}') && d.text.contains("“fine”"));
        assert!(d.warning.unwrap().contains("invalid UTF-8 at byte 8"));
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds_and_crlf_stays() {
        let d = decode("a", b"Title\rBody one\r\rBody two\r\nEnd".to_vec(), None);
        assert_eq!(d.text, "Title\nBody one\n\nBody two\r\nEnd");
    }

    #[test]
    fn an_html_page_declares_its_charset() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xe9 \x93x\x94</body>";
        let enc = html_declared(page).unwrap();
        assert_eq!(enc.name(), "windows-1252");
        let d = decode("p.html", page.to_vec(), Some(enc));
        assert!(d.text.contains("café “x”"), "{}", d.text);
        assert!(d.warning.unwrap().contains("as the page declares"));
        assert_eq!(html_declared(b"<meta charset='utf-8'>"), Some(UTF_8));
        assert_eq!(html_declared(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(html_declared(b"<p>no charset here</p>"), None);
    }
}
