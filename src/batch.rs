//! Ordered parallel processing of an article stream.
//!
//! Articles are read in chunks, each chunk is analyzed on all worker threads (rayon), and
//! results are handed to the sink in input order before the next chunk is read. Memory
//! stays flat in corpus size: only one chunk is in flight.

use rayon::prelude::*;

use crate::article::{Article, LoadError};

/// Articles per chunk: large enough to keep both cores busy, small enough to stay flat.
pub const CHUNK: usize = 256;

/// Build a worker pool with `threads` threads (0 = one per core).
pub fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("slant-worker-{i}"))
        .build()
        .unwrap_or_else(|_| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .build()
                .expect("a one-thread pool can always be built")
        })
}

/// Map every article with `map` in parallel and feed results to `sink` in input order.
/// Stops early if the sink returns an error.
pub fn run_ordered<I, T, E, F, G>(
    pool: &rayon::ThreadPool,
    items: I,
    map: F,
    mut sink: G,
) -> Result<(), E>
where
    I: Iterator<Item = Result<Article, LoadError>>,
    T: Send,
    F: Fn(Article) -> T + Sync + Send,
    G: FnMut(Result<T, LoadError>) -> Result<(), E>,
{
    let mut items = items.peekable();
    while items.peek().is_some() {
        let chunk: Vec<Result<Article, LoadError>> = items.by_ref().take(CHUNK).collect();
        let results: Vec<Result<T, LoadError>> =
            pool.install(|| chunk.into_par_iter().map(|item| item.map(&map)).collect());
        for r in results {
            sink(r)?;
        }
    }
    Ok(())
}
