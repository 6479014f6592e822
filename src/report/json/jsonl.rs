//! The `--format jsonl` hot path: the JSON contract written without serde.
//!
//! `--format jsonl` over a large corpus writes about 4 bytes of JSON per byte of article,
//! so the compact form is written by hand here: [`JsonlWriter`] writes a record straight
//! from the `Analysis`, with the strings every record repeats from the lexicon rendered
//! once per run; the smaller types it shares with serde implement [`Compact`], which
//! destructures them field by field. `compact_matches_serde` checks that the bytes are
//! exactly serde_json's of `article_json`, and `contract_fields` stops compiling when a
//! field is added to a type the writer writes by hand. Pure: data in, bytes out.

use std::sync::OnceLock;

use super::compact::{write_rounded, write_str, Compact};
use super::schema::{
    framing_json, lexicon_json, quote_json, reported_json, share_json, tone_json, ArticleJson,
    ConceptJson, FramingJson, LexiconJson, ModifierJson, Ordered, QuoteJson, QuoteShareJson,
    ReportedJson, ScoresJson, SideJson, TermJson, ToneJson, VariantUsedJson, SCHEMA_VERSION,
};
use crate::analysis::{Analysis, Engine};
use crate::attribute::{TermHit, Voice};
use crate::lexicon::SideRef;
use crate::report::format::round;
use crate::score::Scores;

/// How many bytes [`JsonlWriter::write_to`] gathers before writing them out.
const SPILL_AT: usize = 1 << 20;

/// One JSONL line (with the trailing newline). For many records, build a [`JsonlWriter`]
/// once and call [`JsonlWriter::line`].
pub fn render_jsonl_line(engine: &Engine, a: &Analysis) -> Vec<u8> {
    JsonlWriter::new(engine).line(a)
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
    framing,
    words,
    unclosed,
});

compact_struct!(ReportedJson<'_> {
    text,
    start,
    end,
    speaker,
    side,
    cue,
    framing,
});

compact_struct!(ToneJson {
    hits,
    narrator_hits,
    weight,
    per_1000_words,
});

compact_struct!(FramingJson {
    skeptical,
    neutral,
    endorsing,
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
    voices: [Vec<u8>; 4],
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
    tails: [OnceLock<Tail>; 4],
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
            voices: Voice::ALL.map(|v| bytes(|o| write_str(o, v.as_str()))),
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

    /// Write the JSONL line of `a` (with its newline) to `w` a megabyte at a time, for an
    /// article whose record is too large to hold whole (a 30 MB article dense with terms
    /// is a 570 MB line). The bytes are exactly [`JsonlWriter::line`]'s.
    pub fn write_to(&self, a: &Analysis, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut o = Vec::with_capacity(SPILL_AT + 4096);
        let mut failed = None;
        self.write_spilling(a, &mut o, &mut |o: &mut Vec<u8>| {
            if failed.is_none() {
                failed = w.write_all(o).err();
            }
            o.clear();
        });
        if let Some(e) = failed {
            return Err(e);
        }
        o.push(b'\n');
        w.write_all(&o)
    }

    /// Write the compact JSON of `article_json(engine, a)`.
    pub fn write(&self, a: &Analysis, o: &mut Vec<u8>) {
        self.write_spilling(a, o, &mut |_: &mut Vec<u8>| {});
    }

    /// [`JsonlWriter::write`], handing `o` to `spill` whenever it holds [`SPILL_AT`]
    /// bytes inside the lists of terms and quotes (`spill` empties it).
    fn write_spilling(&self, a: &Analysis, o: &mut Vec<u8>, spill: &mut dyn FnMut(&mut Vec<u8>)) {
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
            (b",\"author\":", &art.author),
        ] {
            if let Some(v) = v {
                o.extend_from_slice(key);
                write_str(o, v);
            }
        }
        o.extend_from_slice(b",\"text_source\":\"");
        o.extend_from_slice(art.text_source.as_str().as_bytes());
        o.push(b'"');
        o.extend_from_slice(b",\"words\":");
        a.words.write(o);
        o.extend_from_slice(&self.lexicon);
        o.extend_from_slice(b",\"terms\":[");
        for (i, t) in a.terms.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            self.term(&art.text, t, o);
            if o.len() >= SPILL_AT {
                spill(o);
            }
        }
        o.extend_from_slice(b"],\"quotes\":[");
        for (i, q) in a.quotes.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            quote_json(self.engine, &art.text, q).write(o);
            if o.len() >= SPILL_AT {
                spill(o);
            }
        }
        o.extend_from_slice(b"],\"reported\":[");
        for (i, r) in a.reported.iter().enumerate() {
            if i > 0 {
                o.push(b',');
            }
            reported_json(self.engine, &art.text, r).write(o);
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
        o.extend_from_slice(b",\"stance\":");
        write_rounded(o, s.stance);
        o.extend_from_slice(b",\"stance_interval\":[");
        write_rounded(o, s.stance_interval.0);
        o.push(b',');
        write_rounded(o, s.stance_interval.1);
        o.extend_from_slice(b"],\"interval\":");
        write_rounded(o, s.interval_level);
        o.extend_from_slice(b",\"prior\":");
        write_rounded(o, s.prior);
        o.extend_from_slice(b",\"heard\":{");
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
        o.extend_from_slice(b"},\"quote_balance\":");
        write_rounded(o, s.quote_balance);
        o.extend_from_slice(b",\"aligned_words\":");
        write_rounded(o, s.aligned_words);
        o.extend_from_slice(b",\"min_quote_words\":");
        write_rounded(o, s.min_quote_words);
        o.extend_from_slice(b",\"tone\":");
        tone_json(s).write(o);
        o.extend_from_slice(b",\"framing\":{");
        for (i, (key, t)) in self.side_keys[..nsides].iter().zip(&s.framing).enumerate() {
            if i > 0 {
                o.push(b',');
            }
            o.extend_from_slice(key);
            framing_json(t).write(o);
        }
        if nsides > 0 {
            o.push(b',');
        }
        o.extend_from_slice(b"\"other\":");
        framing_json(&s.framing_other).write(o);
        o.extend_from_slice(b"},\"framing_lean\":");
        write_rounded(o, s.framing_lean);
        o.extend_from_slice(b",\"framing_points\":");
        write_rounded(o, s.framing_points);
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
        author: _,
        text_source: _,
        words: _,
        lexicon: _,
        terms: _,
        quotes: _,
        reported: _,
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
        stance: _,
        stance_interval: _,
        interval: _,
        prior: _,
        heard: _,
        quote_balance: _,
        aligned_words: _,
        min_quote_words: _,
        tone: _,
        framing: _,
        framing_lean: _,
        framing_points: _,
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
    use super::super::schema::article_json;
    use super::*;
    use crate::input::Article;
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
}
