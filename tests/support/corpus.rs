//! A deterministic synthetic corpus built from the seed articles, for benchmarks, tests
//! and `examples/gen_corpus.rs`. Not part of the library: each user includes this file with
//! `#[path = ".../tests/support/corpus.rs"] mod corpus;` (the library only under
//! `#[cfg(test)]`, for its unit tests as `crate::corpus`).
//!
//! Each generated article takes 8–22 paragraphs (about 3.7 KB, like a news story) drawn (with a xorshift generator seeded by
//! the caller) from the seed articles, so the text has real typography, real loaded terms
//! and real quotations in realistic density. The same seed always gives the same corpus.

// Each includer uses a different part of it.
#![allow(dead_code)]

/// The seed articles, embedded.
pub const SEEDS: &[&str] = &[
    include_str!("../../seeds/000_f667bd81ae114d19.txt"),
    include_str!("../../seeds/001_0ad354234d2359d4.txt"),
    include_str!("../../seeds/002_1fc9ffcff641586d.txt"),
    include_str!("../../seeds/003_4f9b0c250ff8d600.txt"),
    include_str!("../../seeds/004_72e29b7a571df496.txt"),
];

/// A small, fast, deterministic random number generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Generates `(id, text)` articles from the seed paragraphs.
#[derive(Debug, Clone)]
pub struct Generator {
    paragraphs: Vec<&'static str>,
    rng: Rng,
    next: usize,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        let paragraphs = SEEDS
            .iter()
            .flat_map(|s| s.split('\n'))
            .map(str::trim_end)
            .filter(|p| !p.trim().is_empty())
            .collect();
        Generator {
            paragraphs,
            rng: Rng::new(seed),
            next: 0,
        }
    }

    /// The next article: `(id, text)`.
    pub fn article(&mut self) -> (String, String) {
        let n = 8 + self.rng.below(15);
        let mut text = String::new();
        for i in 0..n {
            if i > 0 {
                text.push_str("\n\n");
            }
            text.push_str(self.paragraphs[self.rng.below(self.paragraphs.len())]);
        }
        self.next += 1;
        (format!("gen-{:06}", self.next), text)
    }

    /// The next article as one JSONL line (with newline).
    pub fn jsonl_line(&mut self) -> String {
        let (id, text) = self.article();
        let mut line = serde_json::json!({ "id": id, "text": text }).to_string();
        line.push('\n');
        line
    }
}

/// Mostly-ASCII text with every byte class the scanning kernels distinguish, in long
/// plain runs so that many 16-byte blocks are whole (for the fast-path equality tests).
pub fn ascii_heavy(rng: &mut Rng, len: usize) -> String {
    let alphabet = [
        "a", "Z", "m", "0", "9", "'", "-", " ", " ", "\n", "\t", "\r", "\u{0B}", "\u{0C}", ".",
        "\"", "@", "[", "`", "{", "/", ":", "é", "’", "—",
    ];
    (0..len)
        .map(|_| {
            if rng.below(3) > 0 {
                ["word", "Job-killing", "it's", "A1", "x  y"][rng.below(5)]
            } else {
                alphabet[rng.below(alphabet.len())]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn generation_is_deterministic_and_varied() {
        // Imported here: a bench includes this file with cfg(test) but without its tests.
        use super::Generator;
        let a: Vec<_> = (0..20)
            .map({
                let mut g = Generator::new(7);
                move |_| g.article()
            })
            .collect();
        let mut g = Generator::new(7);
        let b: Vec<_> = (0..20).map(|_| g.article()).collect();
        assert_eq!(a, b);
        let distinct: std::collections::HashSet<_> = a.iter().map(|x| &x.1).collect();
        assert!(distinct.len() > 15);
        assert!(a.iter().all(|(_, t)| t.split("\n\n").count() >= 3));
    }
}
