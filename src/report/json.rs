//! The JSON contract: output types kept separate from the domain types, with
//! `schema_version`. `--format jsonl` writes one [`ArticleJson`] per line, `--format json`
//! an array of them. Version history: 1 — terms and term scores; 2 — quotes, voice,
//! speakers, modifiers, quote balance and stance.
//!
//! Numbers are rounded to 4 decimals so outputs diff cleanly.

use std::sync::OnceLock;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::analysis::{Analysis, Engine};
use crate::attribute::{TermHit, Voice};
use crate::lexicon::SideRef;
use crate::quotes::{Quote, QuoteKind};
use crate::score::{QuoteShare, Scores};

pub const SCHEMA_VERSION: u32 = 2;

/// A map that keeps insertion order (side order matters).
#[derive(Debug, Clone)]
pub struct Ordered<V>(pub Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

pub fn round(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let y = x * 10_000.0;
    match round_int(y) {
        // `y.round()` keeps the sign of `y`, also when it rounds to zero.
        Some(0) => 0.0_f64.copysign(y) / 10_000.0,
        Some(n) => n as f64 / 10_000.0,
        None => y.round() / 10_000.0,
    }
}

/// `y.round()` (half away from zero) as an integer, for `|y| < 2^52` (and zero for
/// `-0.5 < y < 0`, which `round` makes -0.0). x86-64's baseline has no rounding
/// instruction, so `f64::round` is a call into libm; truncating to an integer is one
/// instruction, and below 2^52 the fraction `y - trunc(y)` is exact.
#[inline]
fn round_int(y: f64) -> Option<i64> {
    if y.abs() < 4_503_599_627_370_496.0 {
        let t = y as i64;
        let f = y - t as f64;
        Some(if f >= 0.5 {
            t + 1
        } else if f <= -0.5 {
            t - 1
        } else {
            t
        })
    } else {
        None
    }
}

/// Largest magnitude, in ten-thousandths, written by `write_ten_thousandths`.
const TEN_THOUSANDTHS_BELOW: i64 = 1_000_000_000_000;

#[derive(Debug, Clone, serde::Serialize)]
pub struct LexiconJson<'a> {
    pub name: &'a str,
    pub version: &'a str,
    pub sha256: &'a str,
    pub sides: Vec<&'a str>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TermJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub concept: &'a str,
    pub variant: &'a str,
    pub side: &'a str,
    pub weight: f64,
    pub voice: &'static str,
    pub speaker: Option<&'a str>,
    pub modifiers: Vec<ModifierJson<'a>>,
    pub counted_side: &'a str,
    pub factor: f64,
    pub contribution: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ModifierJson<'a> {
    pub kind: &'static str,
    pub cue: &'a str,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteJson<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub open: usize,
    pub close: usize,
    pub kind: &'static str,
    pub speaker: Option<&'a str>,
    pub side: Option<&'a str>,
    pub cue: Option<&'a str>,
    pub rule: &'static str,
    pub words: u32,
    pub unclosed: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SideJson {
    pub count: u32,
    pub narrator_count: u32,
    pub weight: f64,
    pub per_1000_words: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteShareJson<'a> {
    pub quotes: u32,
    pub words: u32,
    pub share: f64,
    pub prominence: f64,
    pub speakers: &'a [String],
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ScoresJson<'a> {
    pub sides: Ordered<SideJson>,
    pub neutral_count: u32,
    pub term_lean: f64,
    pub evidence: f64,
    pub min_evidence: f64,
    pub enough_evidence: bool,
    pub quotes: Ordered<QuoteShareJson<'a>>,
    pub quote_lean: f64,
    pub quote_evidence: f64,
    pub min_quote_words: f64,
    pub quote_enough_evidence: bool,
    pub stance: f64,
    pub stance_enough_evidence: bool,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct VariantUsedJson<'a> {
    pub term: &'a str,
    pub side: &'a str,
    pub count: u32,
    pub narrator: u32,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ConceptJson<'a> {
    pub id: &'a str,
    pub variants_used: Vec<VariantUsedJson<'a>>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleJson<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    pub source: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub words: u32,
    pub lexicon: LexiconJson<'a>,
    pub terms: Vec<TermJson<'a>>,
    pub quotes: Vec<QuoteJson<'a>>,
    pub scores: ScoresJson<'a>,
    pub concepts: Vec<ConceptJson<'a>>,
    pub warnings: &'a [String],
}

/// The `lexicon` block shared by every record.
pub fn lexicon_json(engine: &Engine) -> LexiconJson<'_> {
    let l = &engine.lexicon;
    LexiconJson {
        name: &l.name,
        version: &l.version,
        sha256: &l.sha256,
        sides: l.sides.iter().map(|s| s.id.as_str()).collect(),
    }
}

pub fn term_json<'a>(engine: &'a Engine, text: &'a str, t: &'a TermHit) -> TermJson<'a> {
    let l = &engine.lexicon;
    let c = &l.concepts[t.concept];
    TermJson {
        text: t.text(text),
        start: t.start,
        end: t.end,
        line: t.line,
        column: t.column,
        concept: &c.id,
        variant: &c.variants[t.variant].label,
        side: l.side_id(t.side),
        weight: round(t.weight),
        voice: t.voice.as_str(),
        speaker: t.speaker.as_deref(),
        modifiers: t
            .modifiers
            .iter()
            .map(|m| ModifierJson {
                kind: m.kind.as_str(),
                cue: &m.cue,
            })
            .collect(),
        counted_side: l.side_id(t.counted_side),
        factor: round(t.factor),
        contribution: round(t.contribution),
    }
}

pub fn quote_json<'a>(engine: &'a Engine, text: &'a str, q: &'a Quote) -> QuoteJson<'a> {
    QuoteJson {
        text: &text[q.start..q.end],
        start: q.start,
        end: q.end,
        open: q.open,
        close: q.close,
        kind: match q.kind {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        },
        speaker: q.speaker.as_deref(),
        side: q.side.id(&engine.lexicon),
        cue: q.cue.as_deref(),
        rule: q.rule.as_str(),
        words: q.words,
        unclosed: q.unclosed,
    }
}

fn share_json(s: &QuoteShare) -> QuoteShareJson<'_> {
    QuoteShareJson {
        quotes: s.quotes,
        words: s.words,
        share: round(s.share),
        prominence: round(s.prominence),
        speakers: &s.speakers,
    }
}

/// Convert one analysis to the contract.
pub fn article_json<'a>(engine: &'a Engine, a: &'a Analysis) -> ArticleJson<'a> {
    let l = &engine.lexicon;
    let s = &a.scores;
    let mut quotes: Vec<(String, QuoteShareJson<'a>)> = l
        .sides
        .iter()
        .zip(&s.quotes)
        .map(|(side, q)| (side.id.clone(), share_json(q)))
        .collect();
    quotes.push(("neutral".into(), share_json(&s.neutral_quotes)));
    quotes.push(("unaligned".into(), share_json(&s.unaligned_quotes)));
    quotes.push(("unattributed".into(), share_json(&s.unattributed_quotes)));
    ArticleJson {
        schema_version: SCHEMA_VERSION,
        id: &a.article.id,
        source: &a.article.source,
        title: &a.article.title,
        outlet: a.article.outlet.as_deref(),
        date: a.article.date.as_deref(),
        url: a.article.url.as_deref(),
        words: a.words,
        lexicon: lexicon_json(engine),
        terms: a
            .terms
            .iter()
            .map(|t| term_json(engine, &a.article.text, t))
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| quote_json(engine, &a.article.text, q))
            .collect(),
        scores: ScoresJson {
            sides: Ordered(
                l.sides
                    .iter()
                    .zip(&s.sides)
                    .map(|(side, x)| {
                        (
                            side.id.clone(),
                            SideJson {
                                count: x.count,
                                narrator_count: x.narrator_count,
                                weight: round(x.weight),
                                per_1000_words: round(x.per_1000_words),
                            },
                        )
                    })
                    .collect(),
            ),
            neutral_count: s.neutral_count,
            term_lean: round(s.term_lean),
            evidence: round(s.evidence),
            min_evidence: round(s.min_evidence),
            enough_evidence: s.term_enough,
            quotes: Ordered(quotes),
            quote_lean: round(s.quote_lean),
            quote_evidence: round(s.quote_evidence),
            min_quote_words: round(s.min_quote_words),
            quote_enough_evidence: s.quote_enough,
            stance: round(s.stance),
            stance_enough_evidence: s.stance_enough,
        },
        concepts: a
            .concepts
            .iter()
            .map(|cu| {
                let c = &l.concepts[cu.concept];
                ConceptJson {
                    id: &c.id,
                    variants_used: cu
                        .variants
                        .iter()
                        .map(|v| VariantUsedJson {
                            term: &c.variants[v.variant].label,
                            side: l.side_id(c.variants[v.variant].side),
                            count: v.count,
                            narrator: v.narrator,
                        })
                        .collect(),
                }
            })
            .collect(),
        warnings: &a.article.warnings,
    }
}

/// One JSONL line (with the trailing newline). For many records, build a [`JsonlWriter`]
/// once and call [`JsonlWriter::line`].
pub fn render_jsonl_line(engine: &Engine, a: &Analysis) -> Vec<u8> {
    JsonlWriter::new(engine).line(a)
}

// ---------------------------------------------------------------------------------------
// The JSONL hot path: the same contract written without serde's per-field machinery.
//
// `--format jsonl` over a large corpus writes about 4 bytes of JSON per byte of article,
// so the compact form is written by hand here: [`JsonlWriter`] writes a record straight
// from the `Analysis`, with the strings every record repeats from the lexicon rendered
// once per run; the smaller types it shares with serde implement [`Compact`], which
// destructures them field by field. `compact_matches_serde` checks that the bytes are
// exactly serde_json's of `article_json`, and `contract_fields` stops compiling when a
// field is added to a type the writer writes by hand.
// ---------------------------------------------------------------------------------------

/// Writes a value as compact JSON, byte-identical to `serde_json::to_writer`.
pub trait Compact {
    fn write(&self, o: &mut Vec<u8>);
}

/// How serde_json escapes each byte: 0 = as is, `u` = `\u00XX`, else the letter after `\`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Bit 7 of a byte of the result is set where `x` (eight bytes, little-endian) holds a byte
/// that must be escaped (a control byte, `"` or `\`). The lowest flagged byte is always a
/// true one; bytes above it may be flagged falsely (borrows), so only it is used.
#[inline]
fn escape_mask(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let control = x.wrapping_sub(LO * 0x20) & !x;
    let q = x ^ (LO * b'"' as u64);
    let q = q.wrapping_sub(LO) & !q;
    let bs = x ^ (LO * b'\\' as u64);
    let bs = bs.wrapping_sub(LO) & !bs;
    (control | q | bs) & HI
}

/// Append the escape sequence of byte `c`, one that must be escaped.
#[cold]
fn write_escape(o: &mut Vec<u8>, c: u8) {
    let e = ESCAPE[c as usize];
    if e == b'u' {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        o.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[(c >> 4) as usize],
            HEX[(c & 0xF) as usize],
        ]);
    } else {
        o.extend_from_slice(&[b'\\', e]);
    }
}

/// The bytes of `b` from `i` on (fewer than eight) in the low bytes of a u64, zeros above.
#[inline]
fn tail_u64(b: &[u8], i: usize) -> u64 {
    let rem = b.len() - i;
    if let Some(last) = b.len().checked_sub(8) {
        // The last eight bytes, shifted down past the ones already written.
        u64::from_le_bytes(b[last..].try_into().expect("eight bytes")) >> ((8 - rem) * 8)
    } else {
        b[i..].iter().rev().fold(0, |x, &c| (x << 8) | u64::from(c))
    }
}

/// Write `s` as a JSON string, eight bytes at a time: a run of bytes that need no escaping
/// is stored a register at a time, with no separate scan and `memcpy`.
fn write_str(o: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    o.reserve(b.len() + 2);
    o.push(b'"');
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let m = escape_mask(x);
        if m == 0 {
            o.extend_from_slice(&x.to_le_bytes());
            i += 8;
        } else {
            let k = (m.trailing_zeros() / 8) as usize;
            extend_prefix(o, x, k);
            write_escape(o, chunk[k]);
            i += k + 1;
        }
    }
    while i < b.len() {
        let rem = b.len() - i;
        let x = tail_u64(b, i);
        // The zero bytes above the tail are flagged too, so the mask is never empty.
        let k = ((escape_mask(x).trailing_zeros() / 8) as usize).min(rem);
        extend_prefix(o, x, k);
        if k == rem {
            break;
        }
        write_escape(o, b[i + k]);
        i += k + 1;
    }
    o.push(b'"');
}

impl Compact for str {
    fn write(&self, o: &mut Vec<u8>) {
        write_str(o, self);
    }
}

impl Compact for String {
    fn write(&self, o: &mut Vec<u8>) {
        write_str(o, self);
    }
}

impl<T: Compact + ?Sized> Compact for &T {
    fn write(&self, o: &mut Vec<u8>) {
        (**self).write(o);
    }
}

impl Compact for bool {
    fn write(&self, o: &mut Vec<u8>) {
        o.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

/// The eight decimal digits of `n < 10^8`, leading zeros included, as the bytes of a
/// little-endian u64: most significant digit first, each a value 0..=9. Computed in
/// lanes of the one register (4-digit halves, then 2-digit quarters, then digits).
#[inline]
fn digits8(n: u64) -> u64 {
    debug_assert!(n < 100_000_000);
    let x = (n / 10_000) | ((n % 10_000) << 32);
    // x / 100 in each 32-bit lane (x < 10 000).
    let hi = ((x * 10_486) >> 20) & 0x0000_007F_0000_007F;
    let x = hi | ((x - hi * 100) << 16);
    // x / 10 in each 16-bit lane (x < 100).
    let hi = ((x * 103) >> 10) & 0x000F_000F_000F_000F;
    hi | ((x - hi * 10) << 8)
}

const ASCII_ZEROS: u64 = 0x3030_3030_3030_3030;

/// Append the first `len` bytes of `x` (little-endian): one eight-byte store, the rest cut
/// off again, instead of a `memcpy` call for a length known only at run time.
#[inline]
fn extend_prefix(o: &mut Vec<u8>, x: u64, len: usize) {
    let at = o.len();
    o.extend_from_slice(&x.to_le_bytes());
    o.truncate(at + len);
}

/// Write `n < 10^8` in decimal.
#[inline]
fn write_small(o: &mut Vec<u8>, n: u64) {
    let d = digits8(n);
    // Leading zero digits are the low zero bytes; zero itself keeps its last digit.
    let zeros = d.trailing_zeros().min(56) / 8;
    extend_prefix(o, (d >> (zeros * 8)) | ASCII_ZEROS, 8 - zeros as usize);
}

/// Write `n` in decimal, as serde_json (itoa) does.
#[inline]
fn write_u64(o: &mut Vec<u8>, n: u64) {
    if n < 100_000_000 {
        write_small(o, n);
    } else {
        write_u64_large(o, n);
    }
}

#[cold]
fn write_u64_large(o: &mut Vec<u8>, n: u64) {
    // At most twelve digits above the low eight.
    let (high, low) = (n / 100_000_000, n % 100_000_000);
    write_u64(o, high);
    o.extend_from_slice(&(digits8(low) | ASCII_ZEROS).to_le_bytes());
}

impl Compact for u32 {
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, u64::from(*self));
    }
}

impl Compact for u64 {
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, *self);
    }
}

impl Compact for usize {
    fn write(&self, o: &mut Vec<u8>) {
        write_u64(o, *self as u64);
    }
}

/// Write `n / 10 000` (`|n| < 10^12`, not negative zero) the way serde_json writes that
/// f64: whole ten-thousandths are also the shortest form that reads back as the same f64,
/// so ryu's digits are the integer's, with trailing fractional zeros dropped but one kept.
#[inline]
fn write_ten_thousandths(o: &mut Vec<u8>, n: i64) {
    if n < 0 {
        o.push(b'-');
    }
    let m = n.unsigned_abs();
    let (d, whole_len) = if m < 100_000_000 {
        // Below 10 000: the four whole digits are the low four bytes of the number's eight.
        let d = digits8(m);
        let zeros = (d & 0xFFFF_FFFF).trailing_zeros().min(24) / 8;
        let whole = ((d & 0xFFFF_FFFF) | 0x3030_3030) >> (zeros * 8);
        (whole | (d >> 32 << 32), 4 - zeros as usize)
    } else {
        write_small(o, m / 10_000);
        (digits8(m % 10_000) >> 32 << 32, 0)
    };
    // The four fractional digits are the high four bytes of `d`: kept up to the last
    // nonzero one (the high zero bytes), at least one.
    let frac = (d >> 32) as u32;
    let keep = if frac == 0 {
        1
    } else {
        4 - frac.leading_zeros() as usize / 8
    };
    let x = u128::from(d & 0xFFFF_FFFF)
        | u128::from(b'.') << (whole_len * 8)
        | u128::from(frac | 0x3030_3030) << (whole_len * 8 + 8);
    let at = o.len();
    o.extend_from_slice(&x.to_le_bytes());
    o.truncate(at + whole_len + 1 + keep);
}

impl Compact for f64 {
    fn write(&self, o: &mut Vec<u8>) {
        // Rounded outputs (see `round`) are whole ten-thousandths: written from the integer
        // they come from.
        let x = *self;
        match round_int(x * 10_000.0) {
            Some(n)
                if n.abs() < TEN_THOUSANDTHS_BELOW
                    && n as f64 / 10_000.0 == x
                    && (n != 0 || x.is_sign_positive()) =>
            {
                write_ten_thousandths(o, n);
            }
            _ => write_f64_other(o, x),
        }
    }
}

/// Write an f64 that is not a whole number of ten-thousandths below 10^8 (or is -0.0).
#[cold]
fn write_f64_other(o: &mut Vec<u8>, x: f64) {
    if x.is_finite() {
        serde_json::ser::Formatter::write_f64(&mut serde_json::ser::CompactFormatter, o, x)
            .expect("writing to a Vec cannot fail");
    } else {
        o.extend_from_slice(b"null");
    }
}

impl<T: Compact> Compact for Option<T> {
    fn write(&self, o: &mut Vec<u8>) {
        match self {
            Some(v) => v.write(o),
            None => o.extend_from_slice(b"null"),
        }
    }
}

impl<T: Compact> Compact for [T] {
    fn write(&self, o: &mut Vec<u8>) {
        o.push(b'[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            v.write(o);
        }
        o.push(b']');
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn write(&self, o: &mut Vec<u8>) {
        self.as_slice().write(o);
    }
}

impl<V: Compact> Compact for Ordered<V> {
    fn write(&self, o: &mut Vec<u8>) {
        o.push(b'{');
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            write_str(o, k);
            o.push(b':');
            v.write(o);
        }
        o.push(b'}');
    }
}

/// Write `{"a":…,"b":…}` for the listed fields of a destructured struct. Field names are
/// plain identifiers, so they need no escaping.
macro_rules! compact_struct {
    ($ty:ident $(<$lt:lifetime>)? { $($field:ident),* $(,)? }) => {
        impl Compact for $ty $(<$lt>)? {
            fn write(&self, o: &mut Vec<u8>) {
                let $ty { $($field),* } = self;
                o.push(b'{');
                let mut _first = true;
                $(
                    if !_first {
                        o.push(b',');
                    }
                    _first = false;
                    o.extend_from_slice(concat!("\"", stringify!($field), "\":").as_bytes());
                    $field.write(o);
                )*
                o.push(b'}');
            }
        }
    };
}

compact_struct!(LexiconJson<'_> {
    name,
    version,
    sha256,
    sides
});
compact_struct!(QuoteJson<'_> {
    text,
    start,
    end,
    open,
    close,
    kind,
    speaker,
    side,
    cue,
    rule,
    words,
    unclosed,
});
compact_struct!(QuoteShareJson<'_> {
    quotes,
    words,
    share,
    prominence,
    speakers,
});

compact_struct!(SideJson {
    count,
    narrator_count,
    weight,
    per_1000_words,
});

/// Write `round(x)` exactly as `round(x).write(o)` would, without dividing and multiplying
/// back: `round(x)` is `n / 10 000` for `n = (x × 10 000).round()`, and for `|n| < 10^12`
/// that quotient times 10 000 rounds back to `n`.
#[inline]
fn write_rounded(o: &mut Vec<u8>, x: f64) {
    let y = x * 10_000.0;
    match round_int(y) {
        Some(n) if n.abs() < TEN_THOUSANDTHS_BELOW && (n != 0 || y.is_sign_positive()) => {
            write_ten_thousandths(o, n);
        }
        _ => round(x).write(o),
    }
}

/// Writes `--format jsonl` records, byte-identical to `serde_json::to_writer` of
/// [`article_json`]. Built once per run from the engine: the strings every record repeats
/// from the lexicon (the lexicon block, side ids, each concept's id and each variant's
/// label, side and weight) are rendered once, a concept's and a variant's when first
/// used, and copied into each record. Pure: data in, bytes out.
pub struct JsonlWriter<'e> {
    engine: &'e Engine,
    /// `,"lexicon":{…}`.
    lexicon: Vec<u8>,
    /// Each side id as a JSON string, then `"neutral"` for no side.
    sides: Vec<Vec<u8>>,
    /// Each side id as an object key (`"id":`), then `"neutral":`, `"unaligned":` and
    /// `"unattributed":`, the keys of `scores.quotes`.
    side_keys: Vec<Vec<u8>>,
    /// Each voice as a JSON string, indexed by `Voice as usize`.
    voices: [Vec<u8>; 3],
    /// Per concept: `{"id":"…","variants_used":[`.
    concepts: Vec<OnceLock<Vec<u8>>>,
    /// Every concept's variants, one concept after the other: concept `c`'s are
    /// `variants[first[c]..first[c + 1]]`.
    variants: Vec<OnceLock<VariantBytes>>,
    first: Vec<usize>,
}

struct VariantBytes {
    /// `,"concept":"…","variant":"…","side":"…","weight":…,"voice":` for a hit whose side
    /// and weight are the variant's own.
    term: Vec<u8>,
    /// Per voice, the end of a term record without modifiers, rendered for the first such
    /// hit of this variant: nearly every other hit in that voice ends the same way.
    tails: [OnceLock<Tail>; 3],
    /// `{"term":"…","side":"…","count":`.
    used: Vec<u8>,
    side: SideRef,
    weight: f64,
}

/// `,"modifiers":[],"counted_side":…,"factor":…,"contribution":…}` for the values it
/// was rendered from ([`tail_key`]), which a hit must match exactly to use it.
struct Tail {
    key: (SideRef, u64, u64),
    bytes: Vec<u8>,
}

/// What a term record's end depends on, beside its modifiers.
fn tail_key(t: &TermHit) -> (SideRef, u64, u64) {
    (t.counted_side, t.factor.to_bits(), t.contribution.to_bits())
}

fn bytes(f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut o = Vec::new();
    f(&mut o);
    o
}

impl<'e> JsonlWriter<'e> {
    pub fn new(engine: &'e Engine) -> JsonlWriter<'e> {
        let l = &engine.lexicon;
        let side = |s: SideRef| bytes(|o| write_str(o, l.side_id(s)));
        let key = |k: &str| {
            bytes(|o| {
                write_str(o, k);
                o.push(b':');
            })
        };
        let mut sides: Vec<Vec<u8>> = (0..l.sides.len()).map(|i| side(Some(i))).collect();
        sides.push(side(None));
        let side_keys = l
            .sides
            .iter()
            .map(|s| s.id.as_str())
            .chain(["neutral", "unaligned", "unattributed"])
            .map(key)
            .collect();
        let mut first = Vec::with_capacity(l.concepts.len() + 1);
        first.push(0);
        for c in &l.concepts {
            first.push(first[first.len() - 1] + c.variants.len());
        }
        JsonlWriter {
            engine,
            lexicon: bytes(|o| {
                o.extend_from_slice(b",\"lexicon\":");
                lexicon_json(engine).write(o);
            }),
            sides,
            side_keys,
            voices: [Voice::Narrator, Voice::Quoted, Voice::ScareQuoted]
                .map(|v| bytes(|o| write_str(o, v.as_str()))),
            concepts: l.concepts.iter().map(|_| OnceLock::new()).collect(),
            variants: (0..first[first.len() - 1])
                .map(|_| OnceLock::new())
                .collect(),
            first,
        }
    }

    /// `{"id":"…","variants_used":[` for concept `c`.
    fn concept(&self, c: usize) -> &[u8] {
        self.concepts[c].get_or_init(|| {
            let c = &self.engine.lexicon.concepts[c];
            bytes(|o| {
                o.extend_from_slice(b"{\"id\":");
                write_str(o, &c.id);
                o.extend_from_slice(b",\"variants_used\":[");
            })
        })
    }

    /// The constant parts of variant `v` of concept `c`.
    fn variant(&self, c: usize, v: usize) -> &VariantBytes {
        self.variants[self.first[c]..self.first[c + 1]][v].get_or_init(|| {
            let l = &self.engine.lexicon;
            let (c, v) = (&l.concepts[c], &l.concepts[c].variants[v]);
            VariantBytes {
                term: bytes(|o| {
                    o.extend_from_slice(b",\"concept\":");
                    write_str(o, &c.id);
                    o.extend_from_slice(b",\"variant\":");
                    write_str(o, &v.label);
                    o.extend_from_slice(b",\"side\":");
                    write_str(o, l.side_id(v.side));
                    o.extend_from_slice(b",\"weight\":");
                    write_rounded(o, v.weight);
                    o.extend_from_slice(b",\"voice\":");
                }),
                used: bytes(|o| {
                    o.extend_from_slice(b"{\"term\":");
                    write_str(o, &v.label);
                    o.extend_from_slice(b",\"side\":");
                    write_str(o, l.side_id(v.side));
                    o.extend_from_slice(b",\"count\":");
                }),
                tails: Default::default(),
                side: v.side,
                weight: v.weight,
            }
        })
    }

    /// One JSONL line (with the trailing newline).
    pub fn line(&self, a: &Analysis) -> Vec<u8> {
        // A record is about 4–5 bytes per byte of text; one allocation avoids regrowing.
        let mut v = Vec::with_capacity(a.article.text.len() * 6 + 4096);
        self.write(a, &mut v);
        v.push(b'\n');
        v
    }

    /// `lexicon.side_id(s)` as a JSON string.
    fn side(&self, s: SideRef) -> &[u8] {
        match s {
            Some(i) => &self.sides[..self.sides.len() - 1][i],
            None => &self.sides[self.sides.len() - 1],
        }
    }

    /// Write the compact JSON of `article_json(engine, a)`.
    pub fn write(&self, a: &Analysis, o: &mut Vec<u8>) {
        let art = &a.article;
        o.extend_from_slice(b"{\"schema_version\":");
        SCHEMA_VERSION.write(o);
        o.extend_from_slice(b",\"id\":");
        write_str(o, &art.id);
        o.extend_from_slice(b",\"source\":");
        write_str(o, &art.source);
        o.extend_from_slice(b",\"title\":");
        write_str(o, &art.title);
        // `None` is skipped, as `skip_serializing_if` does for serde.
        for (key, v) in [
            (&b",\"outlet\":"[..], &art.outlet),
            (b",\"date\":", &art.date),
            (b",\"url\":", &art.url),
        ] {
            if let Some(v) = v {
                o.extend_from_slice(key);
                write_str(o, v);
            }
        }
        o.extend_from_slice(b",\"words\":");
        a.words.write(o);
        o.extend_from_slice(&self.lexicon);
        o.extend_from_slice(b",\"terms\":[");
        for (i, t) in a.terms.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            self.term(&art.text, t, o);
        }
        o.extend_from_slice(b"],\"quotes\":[");
        for (i, q) in a.quotes.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            quote_json(self.engine, &art.text, q).write(o);
        }
        o.extend_from_slice(b"],\"scores\":");
        self.scores(&a.scores, o);
        o.extend_from_slice(b",\"concepts\":[");
        for (i, cu) in a.concepts.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            o.extend_from_slice(self.concept(cu.concept));
            for (j, v) in cu.variants.iter().enumerate() {
                if j > 0 {
                    o.push(b',');
                }
                o.extend_from_slice(&self.variant(cu.concept, v.variant).used);
                v.count.write(o);
                o.extend_from_slice(b",\"narrator\":");
                v.narrator.write(o);
                o.push(b'}');
            }
            o.extend_from_slice(b"]}");
        }
        o.extend_from_slice(b"],\"warnings\":");
        art.warnings.write(o);
        o.push(b'}');
    }

    /// `term_json(engine, text, t)`.
    fn term(&self, text: &str, t: &TermHit, o: &mut Vec<u8>) {
        o.extend_from_slice(b"{\"text\":");
        write_str(o, t.text(text));
        o.extend_from_slice(b",\"start\":");
        t.start.write(o);
        o.extend_from_slice(b",\"end\":");
        t.end.write(o);
        o.extend_from_slice(b",\"line\":");
        t.line.write(o);
        o.extend_from_slice(b",\"column\":");
        t.column.write(o);
        let v = self.variant(t.concept, t.variant);
        if t.side == v.side && t.weight.to_bits() == v.weight.to_bits() {
            o.extend_from_slice(&v.term);
        } else {
            let c = &self.engine.lexicon.concepts[t.concept];
            o.extend_from_slice(b",\"concept\":");
            write_str(o, &c.id);
            o.extend_from_slice(b",\"variant\":");
            write_str(o, &c.variants[t.variant].label);
            o.extend_from_slice(b",\"side\":");
            o.extend_from_slice(self.side(t.side));
            o.extend_from_slice(b",\"weight\":");
            write_rounded(o, t.weight);
            o.extend_from_slice(b",\"voice\":");
        }
        o.extend_from_slice(&self.voices[t.voice as usize]);
        o.extend_from_slice(b",\"speaker\":");
        t.speaker.as_deref().write(o);
        if t.modifiers.is_empty() {
            let tail = v.tails[t.voice as usize].get_or_init(|| Tail {
                key: tail_key(t),
                bytes: bytes(|o| self.term_tail(t, o)),
            });
            if tail.key == tail_key(t) {
                o.extend_from_slice(&tail.bytes);
                return;
            }
        }
        self.term_tail(t, o);
    }

    /// A term record from `,"modifiers":` to its end.
    fn term_tail(&self, t: &TermHit, o: &mut Vec<u8>) {
        o.extend_from_slice(b",\"modifiers\":[");
        for (i, m) in t.modifiers.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            o.extend_from_slice(b"{\"kind\":");
            write_str(o, m.kind.as_str());
            o.extend_from_slice(b",\"cue\":");
            write_str(o, &m.cue);
            o.push(b'}');
        }
        o.extend_from_slice(b"],\"counted_side\":");
        o.extend_from_slice(self.side(t.counted_side));
        o.extend_from_slice(b",\"factor\":");
        write_rounded(o, t.factor);
        o.extend_from_slice(b",\"contribution\":");
        write_rounded(o, t.contribution);
        o.push(b'}');
    }

    /// The `scores` object of `article_json`.
    fn scores(&self, s: &Scores, o: &mut Vec<u8>) {
        let nsides = self.engine.lexicon.sides.len();
        o.extend_from_slice(b"{\"sides\":{");
        for (i, (key, x)) in self.side_keys[..nsides].iter().zip(&s.sides).enumerate() {
            if i > 0 {
                o.push(b',');
            }
            o.extend_from_slice(key);
            SideJson {
                count: x.count,
                narrator_count: x.narrator_count,
                weight: round(x.weight),
                per_1000_words: round(x.per_1000_words),
            }
            .write(o);
        }
        o.extend_from_slice(b"},\"neutral_count\":");
        s.neutral_count.write(o);
        o.extend_from_slice(b",\"term_lean\":");
        write_rounded(o, s.term_lean);
        o.extend_from_slice(b",\"evidence\":");
        write_rounded(o, s.evidence);
        o.extend_from_slice(b",\"min_evidence\":");
        write_rounded(o, s.min_evidence);
        o.extend_from_slice(b",\"enough_evidence\":");
        s.term_enough.write(o);
        o.extend_from_slice(b",\"quotes\":{");
        let per_side = self.side_keys[..nsides].iter().zip(&s.quotes);
        let others = self.side_keys[nsides..].iter().zip([
            &s.neutral_quotes,
            &s.unaligned_quotes,
            &s.unattributed_quotes,
        ]);
        for (i, (key, q)) in per_side.chain(others).enumerate() {
            if i > 0 {
                o.push(b',');
            }
            o.extend_from_slice(key);
            share_json(q).write(o);
        }
        o.extend_from_slice(b"},\"quote_lean\":");
        write_rounded(o, s.quote_lean);
        o.extend_from_slice(b",\"quote_evidence\":");
        write_rounded(o, s.quote_evidence);
        o.extend_from_slice(b",\"min_quote_words\":");
        write_rounded(o, s.min_quote_words);
        o.extend_from_slice(b",\"quote_enough_evidence\":");
        s.quote_enough.write(o);
        o.extend_from_slice(b",\"stance\":");
        write_rounded(o, s.stance);
        o.extend_from_slice(b",\"stance_enough_evidence\":");
        s.stance_enough.write(o);
        o.push(b'}');
    }
}

/// [`JsonlWriter`] writes these types' fields by hand, in this order; this stops compiling
/// when a field is added to one of them, so that it is written there too.
#[allow(dead_code)]
fn contract_fields(a: ArticleJson, t: TermJson, m: ModifierJson, s: ScoresJson, c: ConceptJson) {
    let ArticleJson {
        schema_version: _,
        id: _,
        source: _,
        title: _,
        outlet: _,
        date: _,
        url: _,
        words: _,
        lexicon: _,
        terms: _,
        quotes: _,
        scores: _,
        concepts: _,
        warnings: _,
    } = a;
    let TermJson {
        text: _,
        start: _,
        end: _,
        line: _,
        column: _,
        concept: _,
        variant: _,
        side: _,
        weight: _,
        voice: _,
        speaker: _,
        modifiers: _,
        counted_side: _,
        factor: _,
        contribution: _,
    } = t;
    let ModifierJson { kind: _, cue: _ } = m;
    let ScoresJson {
        sides: _,
        neutral_count: _,
        term_lean: _,
        evidence: _,
        min_evidence: _,
        enough_evidence: _,
        quotes: _,
        quote_lean: _,
        quote_evidence: _,
        min_quote_words: _,
        quote_enough_evidence: _,
        stance: _,
        stance_enough_evidence: _,
    } = s;
    let ConceptJson {
        id: _,
        variants_used,
    } = c;
    for VariantUsedJson {
        term: _,
        side: _,
        count: _,
        narrator: _,
    } in variants_used
    {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::lexicon::Lexicon;

    fn serde_bytes(a: &ArticleJson) -> Vec<u8> {
        serde_json::to_vec(a).expect("serializes")
    }

    /// The writer's bytes for each analysis, compared with serde_json's of `article_json`;
    /// how many had terms and quotes.
    fn check(engine: &Engine, analyses: &[Analysis]) -> usize {
        let writer = JsonlWriter::new(engine);
        let mut checked = 0;
        for an in analyses {
            let aj = article_json(engine, an);
            let mut fast = Vec::new();
            writer.write(an, &mut fast);
            assert_eq!(
                String::from_utf8_lossy(&fast),
                String::from_utf8_lossy(&serde_bytes(&aj)),
                "article {}",
                an.article.id
            );
            let mut line = serde_bytes(&aj);
            line.push(b'\n');
            assert_eq!(render_jsonl_line(engine, an), line);
            checked += usize::from(!an.terms.is_empty() && !an.quotes.is_empty());
        }
        checked
    }

    fn articles() -> Vec<Article> {
        let mut g = crate::corpus::Generator::new(7);
        let mut articles: Vec<Article> = (0..200)
            .map(|i| Article::from_text(&format!("g{i}"), "-", g.article().1))
            .collect();
        // Everything that needs escaping, in every kind of string field.
        let mut odd = Article::from_text(
            "tab\there \"q\" back\\slash",
            "dir/file \u{1}.txt",
            "Title \u{0}\u{1f}\u{7f} é “x”\n\n“These illegal aliens \\ are \"criminals\" who roam the streets,” said ICE\u{8}\u{c}\r.".into(),
        );
        odd.outlet = Some("Outlet \"N\"".into());
        odd.url = Some("https://example.org/?a=1&b=\u{2028}".into());
        odd.warnings = vec!["bad byte \u{fffd} at 3".into()];
        articles.push(odd);
        let mut dated = Article::from_text(
            "d",
            "-",
            "Sanctuary cities and undocumented immigrants.".into(),
        );
        dated.date = Some("2020-01-19".into());
        articles.push(dated);
        articles
    }

    #[test]
    fn compact_matches_serde() {
        let engine = Engine::new(Lexicon::default_lexicon().unwrap()).unwrap();
        let analyses: Vec<Analysis> = articles().into_iter().map(|a| engine.analyze(a)).collect();
        let checked = check(&engine, &analyses);
        assert!(
            checked > 150,
            "the generated articles have terms and quotes ({checked})"
        );
    }

    #[test]
    fn compact_matches_serde_for_odd_lexicon_strings_and_hits() {
        // Side ids, concept ids and labels that need escaping, rendered once per writer.
        let mut lexicon = Lexicon::default_lexicon().unwrap();
        lexicon.sides[0].id = "pro \"im\"\\migrant\u{1}".into();
        for (i, c) in lexicon.concepts.iter_mut().enumerate() {
            c.id = format!("{}\t\"{i}\"", c.id);
            for v in &mut c.variants {
                v.label = format!("“{}”\\\n", v.label);
                v.weight += 1.0 / 3.0;
            }
        }
        let engine = Engine::new(lexicon).unwrap();
        let mut analyses: Vec<Analysis> =
            articles().into_iter().map(|a| engine.analyze(a)).collect();
        // Hits whose side or weight is not their variant's are written field by field, and
        // hits whose counted side, factor or contribution differ from the first of their
        // variant and voice do not reuse that hit's cached record end.
        let mut changed = 0;
        for (i, an) in analyses.iter_mut().enumerate() {
            for (j, t) in an.terms.iter_mut().enumerate() {
                match (i + j) % 7 {
                    0 => t.weight = -t.weight * 1.00001,
                    1 => t.side = if t.side.is_some() { None } else { Some(1) },
                    2 => t.weight = f64::NAN,
                    3 => t.factor = t.factor * 0.3 + 0.01,
                    4 => t.contribution = -0.0,
                    5 => {
                        t.counted_side = if t.counted_side == Some(0) {
                            Some(1)
                        } else {
                            Some(0)
                        }
                    }
                    _ => continue,
                }
                changed += 1;
            }
        }
        assert!(changed > 1000, "{changed}");
        assert!(check(&engine, &analyses) > 150);
    }

    #[test]
    fn round_int_is_f64_round() {
        let mut rng = crate::corpus::Rng::new(5);
        let mut ys = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.49999999999999994,
            1.5,
            -1.5,
            2.5,
            -2.5,
        ];
        for p in 0..64 {
            let y = 2f64.powi(p);
            ys.extend([
                y,
                -y,
                y + 0.5,
                -y - 0.5,
                y - 0.5,
                y * 1.5,
                2f64.powi(52) - y,
            ]);
        }
        for _ in 0..100_000 {
            let k = (rng.next_u64() >> rng.below(64)) as f64;
            let f = rng.next_u64() as f64 / u64::MAX as f64;
            ys.extend([k + 0.5, -k - 0.5, k + f, -k - f, f - 0.5]);
        }
        for y in ys {
            match round_int(y) {
                Some(n) => {
                    assert!(y.abs() < 2f64.powi(52), "{y}");
                    assert_eq!(n as f64, y.round(), "{y}");
                }
                None => assert!(y.abs() >= 2f64.powi(52), "{y}"),
            }
        }
    }

    #[test]
    fn floats_and_escapes_are_written_like_serde() {
        for x in [
            0.0,
            -0.0,
            0.3,
            2.0,
            1.0 / 3.0,
            1e-7,
            12345.6789,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut o = Vec::new();
            x.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&x).unwrap(), "{x}");
        }
        let all: String = (0u8..=0x7f)
            .map(char::from)
            .chain("é\u{2028}𝄞".chars())
            .collect();
        let mut o = Vec::new();
        all.write(&mut o);
        assert_eq!(o, serde_json::to_vec(&all).unwrap());
    }

    #[test]
    fn generated_strings_numbers_and_floats_are_written_like_serde() {
        let mut rng = crate::corpus::Rng::new(11);
        // Strings of every length up to 40 from a small alphabet heavy in bytes to escape,
        // so each lands at every position of an eight-byte chunk.
        let alphabet = [
            "a", "\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é", "“", "!", "#",
        ];
        for _ in 0..20_000 {
            let len = rng.below(41);
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let mut o = Vec::new();
            s.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
        let mut ints: Vec<u64> = vec![
            0,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            99_999_999,
            100_000_000,
            100_000_001,
            10_000_000_000_000_000,
            u64::MAX,
            u64::from(u32::MAX),
        ];
        for p in 0..20 {
            ints.extend([10u64.pow(p) - 1, 10u64.pow(p), 10u64.pow(p) + 1]);
        }
        for _ in 0..20_000 {
            ints.push(rng.next_u64() >> rng.below(64));
        }
        for n in ints {
            let mut o = Vec::new();
            n.write(&mut o);
            assert_eq!(o, serde_json::to_vec(&n).unwrap(), "{n}");
        }
        let mut floats = vec![
            1e12,
            -1e12,
            99_999_999.999_95,
            1e8 - 0.00005,
            5e-5,
            -5e-5,
            4.9e-5,
            99_999_999.999_9,
            -99_999_999.999_9,
            1e8,
            0.1,
            0.01,
            0.001,
            0.0001,
            10.0,
            100.5,
        ];
        for _ in 0..50_000 {
            let scale = [1.0, 10.0, 1e4, 1e8, 1e13, 1e-4, 1e-6][rng.below(7)];
            let x = (rng.next_u64() as f64 / u64::MAX as f64 - 0.3) * scale;
            floats.extend([x, (x * 4.0).round() / 4.0, x.round()]);
        }
        floats.extend([
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
            -0.0,
            0.0,
            2.5e-5,
            -2.5e-5,
        ]);
        floats.extend([
            4.5e11,
            4.5e11 + 0.5,
            2f64.powi(52),
            2f64.powi(52) + 1.0,
            2f64.powi(62),
        ]);
        for x in floats {
            let by_formula = if x.is_finite() {
                (x * 10_000.0).round() / 10_000.0
            } else {
                0.0
            };
            assert_eq!(round(x).to_bits(), by_formula.to_bits(), "{x:e}");
            let mut o = Vec::new();
            write_rounded(&mut o, x);
            assert_eq!(o, serde_json::to_vec(&round(x)).unwrap(), "{x:e}");
            for y in [x, round(x)] {
                let mut o = Vec::new();
                y.write(&mut o);
                assert_eq!(o, serde_json::to_vec(&y).unwrap(), "{y:e}");
            }
        }
    }
}
