//! Benchmarks for each pipeline stage and for chart rendering, on a deterministic corpus
//! built from the seeds (`tests/support/corpus.rs`). Run with `cargo bench`; throughput is reported
//! in bytes per second for the text stages.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use slant::analysis::Engine;
use slant::input::Article;
use slant::lexicon::Lexicon;
use slant::text::normalize::Normalized;

#[path = "../tests/support/corpus.rs"]
mod corpus;
use corpus::Generator;

// The allocator the `slant` binary uses, so stage numbers match what ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// About 1 MB of generated articles.
fn texts() -> Vec<String> {
    let mut g = Generator::new(42);
    let mut out = Vec::new();
    let mut total = 0;
    while total < 1_000_000 {
        let (_, t) = g.article();
        total += t.len();
        out.push(t);
    }
    out
}

fn bytes(texts: &[String]) -> usize {
    texts.iter().map(String::len).sum()
}

fn engine() -> Engine {
    Engine::new(Lexicon::default_lexicon().unwrap()).unwrap()
}

#[divan::bench]
fn normalize(b: Bencher) {
    let t = texts();
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for x in &t {
            black_box(Normalized::new(x));
        }
    });
}

#[divan::bench]
fn match_terms(b: Bencher) {
    let t = texts();
    let e = engine();
    let norms: Vec<Normalized> = t.iter().map(|x| Normalized::new(x)).collect();
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for (x, n) in t.iter().zip(&norms) {
            black_box(e.matcher().find(x, n));
        }
    });
}

#[divan::bench]
fn quotes(b: Bencher) {
    let t = texts();
    let e = engine();
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for x in &t {
            black_box(e.quotes(x));
        }
    });
}

#[divan::bench]
fn analyze_whole_pipeline(b: Bencher) {
    let t = texts();
    let e = engine();
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for (i, x) in t.iter().enumerate() {
            black_box(e.analyze(Article::from_text(&i.to_string(), "-", x.clone())));
        }
    });
}

#[divan::bench]
fn analyze_and_serialize_jsonl(b: Bencher) {
    let t = texts();
    let e = engine();
    // Built once per run, as `slant score --format jsonl` does.
    let w = slant::report::json::JsonlWriter::new(&e);
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for (i, x) in t.iter().enumerate() {
            let a = e.analyze(Article::from_text(&i.to_string(), "-", x.clone()));
            black_box(w.line(&a));
        }
    });
}

/// Only the JSONL writing, over analyses made beforehand.
#[divan::bench]
fn serialize_jsonl(b: Bencher) {
    let t = texts();
    let e = engine();
    let analyses: Vec<_> = t
        .iter()
        .enumerate()
        .map(|(i, x)| e.analyze(Article::from_text(&i.to_string(), "-", x.clone())))
        .collect();
    let w = slant::report::json::JsonlWriter::new(&e);
    b.counter(BytesCount::new(bytes(&t))).bench(|| {
        for a in &analyses {
            black_box(w.line(a));
        }
    });
}

#[divan::bench(sample_count = 20)]
fn render_card_png(b: Bencher) {
    let e = engine();
    let mut g = Generator::new(3);
    let (id, text) = g.article();
    let a = e.analyze(Article::from_text(&id, "-", text));
    b.bench(|| black_box(slant::report::cards::card_png(&e, &a, (1600, 1000)).unwrap()));
}
