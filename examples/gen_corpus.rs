//! Write a deterministic JSONL corpus built from the seed articles.
//!
//! `cargo run --release --example gen_corpus -- 20000 > /tmp/corpus-20k.jsonl`
//! (optional second argument: the random seed, default 1).

use std::io::Write;

#[path = "../tests/support/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1);
    let mut gen = corpus::Generator::new(seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for _ in 0..n {
        out.write_all(gen.jsonl_line().as_bytes())?;
    }
    out.flush()
}
