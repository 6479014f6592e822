//! The lexicon's fingerprint: the SHA-256 of its canonical content, after `extends` and
//! `disable` are resolved and defaults filled in.
//!
//! What is hashed is what the lexicon *says*: its name, version and description; every
//! side (id, label, color, description); every scoring factor and threshold; every concept
//! with its variants in order (label, terms, patterns, side, weight, case sensitivity,
//! description, examples, counter-examples) and its scare-quote rule and tone flag; every
//! actor (name, aliases, kind, side, description). Not hashed: where it was read from (the
//! path as typed, `builtin:NAME`, the files of its `extends` chain), the YAML's layout,
//! comments and key order, and the size limits it was loaded under. So the embedded copy,
//! the same file under any path, and a reformatted copy all have one fingerprint, and any
//! change to what the lexicon matches or how it scores changes it.
//!
//! The encoding is private to this file and versioned (`slant-lexicon-fingerprint 1`):
//! every string is length-prefixed, every list counted, every number a fixed-width
//! little-endian integer or the bits of an `f64`, so no two different lexicons encode
//! alike.

use sha2::{Digest, Sha256};

use super::model::{Actor, Concept, Lexicon, ScareQuoted, Scoring, Side, SideRef, Variant};

/// The SHA-256 (64 lowercase hex digits) of `l`'s canonical content.
pub fn fingerprint(l: &Lexicon) -> String {
    let mut h = Canon(Sha256::new());
    h.0.update(b"slant-lexicon-fingerprint 1\n");
    let Lexicon {
        name,
        version,
        description,
        origin: _,
        sha256: _,
        sources: _,
        sides,
        scoring,
        concepts,
        actors,
        limits: _,
    } = l;
    h.str(name);
    h.str(version);
    h.str(description);
    h.len(sides.len());
    for s in sides {
        h.side(s);
    }
    h.scoring(scoring);
    h.len(concepts.len());
    for c in concepts {
        h.concept(c);
    }
    h.len(actors.len());
    for a in actors {
        h.actor(a);
    }
    let digest = h.0.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        out.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    out
}

/// A hasher fed the canonical encoding.
struct Canon(Sha256);

impl Canon {
    fn len(&mut self, n: usize) {
        self.0.update((n as u64).to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.update(s.as_bytes());
    }
    fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
    fn num(&mut self, x: f64) {
        // -0.0 and 0.0 weigh alike.
        let x = if x == 0.0 { 0.0 } else { x };
        self.0.update(x.to_bits().to_le_bytes());
    }
    fn flag(&mut self, b: bool) {
        self.0.update([u8::from(b)]);
    }
    fn side_ref(&mut self, s: SideRef) {
        match s {
            None => self.0.update([0]),
            Some(i) => {
                self.0.update([1]);
                self.len(i);
            }
        }
    }
    fn side(&mut self, s: &Side) {
        let Side {
            id,
            label,
            color,
            description,
        } = s;
        self.str(id);
        self.str(label);
        self.0.update([color.0, color.1, color.2]);
        self.str(description);
    }
    fn scoring(&mut self, s: &Scoring) {
        let Scoring {
            narrator,
            quoted,
            reported,
            scare_quoted,
            negated,
            distanced,
            prior,
            interval,
            framing,
            min_evidence,
            min_quote_words,
        } = s;
        for x in [
            narrator,
            quoted,
            reported,
            scare_quoted,
            negated,
            distanced,
            prior,
            interval,
            framing,
            min_evidence,
            min_quote_words,
        ] {
            self.num(*x);
        }
    }
    fn concept(&mut self, c: &Concept) {
        let Concept {
            id,
            label,
            description,
            scare_quoted,
            tone,
            variants,
        } = c;
        self.str(id);
        self.str(label);
        self.str(description);
        match scare_quoted {
            ScareQuoted::Flip => self.0.update([0]),
            ScareQuoted::Keep => self.0.update([1]),
            ScareQuoted::Side(s) => {
                self.0.update([2]);
                self.side_ref(*s);
            }
        }
        self.flag(*tone);
        self.len(variants.len());
        for v in variants {
            self.variant(v);
        }
    }
    fn variant(&mut self, v: &Variant) {
        let Variant {
            label,
            terms,
            patterns,
            side,
            weight,
            case_sensitive,
            description,
            examples,
            counter_examples,
        } = v;
        self.str(label);
        self.strs(terms);
        self.strs(patterns);
        self.side_ref(*side);
        self.num(*weight);
        self.flag(*case_sensitive);
        self.str(description);
        self.strs(examples);
        self.strs(counter_examples);
    }
    fn actor(&mut self, a: &Actor) {
        let Actor {
            name,
            aliases,
            kind,
            side,
            description,
        } = a;
        self.str(name);
        self.strs(aliases);
        self.str(kind.as_str());
        self.side_ref(*side);
        self.str(description);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Limits;

    const YAML: &str = "name: t\nversion: \"1\"\nsides:\n  - {id: a, label: A, color: \"#0072B2\"}\n  - {id: b, label: B, color: \"#D55E00\"}\nconcepts:\n  - id: c\n    variants:\n      - {terms: [good word], side: a}\n      - {terms: [bad word], side: b, weight: 2}\n";

    fn load(origin: &str, yaml: &str) -> Lexicon {
        Lexicon::from_yaml(origin, yaml, Limits::default()).unwrap()
    }

    #[test]
    fn the_fingerprint_is_the_content_not_the_name_or_layout() {
        let a = load("a.yaml", YAML);
        let b = load("./some/where/else.yaml", YAML);
        assert_eq!(a.sha256, b.sha256);
        assert_eq!(a.sha256.len(), 64);
        assert!(a.sha256.bytes().all(|c| c.is_ascii_hexdigit()));
        // Comments, blank lines and a different YAML style change nothing.
        let restyled = format!(
            "# a comment\n\n{}",
            YAML.replace("weight: 2", "weight: 2.0")
        );
        assert_eq!(load("x", &restyled).sha256, a.sha256);
    }

    #[test]
    fn any_change_to_what_the_lexicon_says_changes_it() {
        let a = load("a.yaml", YAML).sha256;
        for changed in [
            YAML.replace("weight: 2", "weight: 3"),
            YAML.replace("bad word", "bad words"),
            YAML.replace("label: A", "label: Side A"),
            YAML.replace("#0072B2", "#0072B3"),
            format!("{YAML}scoring: {{voice: {{quoted: 0.4}}}}\n"),
            YAML.replace("version: \"1\"", "version: \"2\""),
        ] {
            assert_ne!(load("a.yaml", &changed).sha256, a, "{changed}");
        }
    }
}
