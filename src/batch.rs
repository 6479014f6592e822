//! Ordered parallel processing of an article stream.
//!
//! A reader thread pulls articles from the stream in chunks and hands them over a bounded
//! channel (two chunks ahead at most), so reading and JSON parsing overlap with analysis.
//! Each chunk is analyzed on all worker threads (rayon) while the sink consumes the results
//! of the chunk before, in input order. Memory stays flat in corpus size: at most six
//! chunks exist at once (one being read, two read ahead, one being analyzed, one analyzed
//! and waiting, one being written).

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::input::{Article, LoadError};

/// Articles per chunk: large enough to keep both cores busy, small enough to stay flat.
pub const CHUNK: usize = 256;

/// Most worker threads per core a pool gets, whatever was asked: the work is CPU-bound,
/// and `-j 100000` must not spawn 100,000 threads.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// Build a worker pool with `threads` threads (0 = one per core), at most
/// [`MAX_THREADS_PER_CORE`] per core.
pub fn pool(threads: usize) -> rayon::ThreadPool {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.min(cores * MAX_THREADS_PER_CORE))
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
/// Stops early (and stops reading) if the sink returns an error. A panic while mapping one
/// article (a bug) becomes that article's [`LoadError`], so the rest of the batch goes on.
pub fn run_ordered<I, T, E, F, G>(
    pool: &rayon::ThreadPool,
    items: I,
    map: F,
    mut sink: G,
) -> Result<(), E>
where
    I: Iterator<Item = Result<Article, LoadError>> + Send,
    T: Send,
    F: Fn(Article) -> T + Sync + Send,
    G: FnMut(Result<T, LoadError>) -> Result<(), E>,
{
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<Result<Article, LoadError>>>(2);
        scope.spawn(move || {
            let mut items = items;
            loop {
                let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
                // A closed channel means the consumer stopped: stop reading too.
                if chunk.is_empty() || tx.send(chunk).is_err() {
                    break;
                }
            }
        });
        // Analysis runs one chunk ahead of the sink, so the workers never wait for the
        // writing of the previous chunk.
        let (done_tx, done_rx) = sync_channel::<Vec<Result<T, LoadError>>>(1);
        let map = &map;
        scope.spawn(move || {
            for chunk in rx {
                let results: Vec<Result<T, LoadError>> = pool.install(|| {
                    chunk
                        .into_par_iter()
                        .map(|item| item.and_then(|a| guarded(map, a)))
                        .collect()
                });
                if done_tx.send(results).is_err() {
                    break;
                }
            }
        });
        for results in done_rx {
            for r in results {
                sink(r)?;
            }
        }
        Ok(())
    })
}

/// Run `map` on one article, turning a panic into an error for that article alone.
fn guarded<T>(map: &(impl Fn(Article) -> T + Sync), article: Article) -> Result<T, LoadError> {
    let source_name = article.source.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| map(article))).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LoadError {
            source_name,
            message: format!("internal error while analyzing this article ({what}); the other articles were processed — please report this bug with the article"),
            skipped: false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> impl Iterator<Item = Result<Article, LoadError>> + Send {
        (0..n).map(|i| {
            if i % 7 == 3 {
                Err(LoadError {
                    source_name: format!("bad{i}"),
                    message: "broken".into(),
                    skipped: false,
                })
            } else {
                Ok(Article::from_text(&i.to_string(), "-", format!("text {i}")))
            }
        })
    }

    #[test]
    fn results_arrive_in_input_order_across_chunks() {
        let p = pool(2);
        let mut seen = Vec::new();
        run_ordered(
            &p,
            items(3 * CHUNK + 5),
            |a| a.id,
            |r| -> Result<(), ()> {
                seen.push(match r {
                    Ok(id) => id,
                    Err(e) => e.source_name,
                });
                Ok(())
            },
        )
        .unwrap();
        let expected: Vec<String> = (0..3 * CHUNK + 5)
            .map(|i| {
                if i % 7 == 3 {
                    format!("bad{i}")
                } else {
                    i.to_string()
                }
            })
            .collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_panic_on_one_article_fails_only_that_article() {
        let p = pool(2);
        let mut seen = Vec::new();
        run_ordered(
            &p,
            items(20),
            |a| {
                assert!(a.id != "5", "boom on {}", a.id);
                a.id
            },
            |r| -> Result<(), ()> {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen.len(), 20);
        let e = seen[5].as_ref().unwrap_err();
        assert_eq!(e.source_name, "-");
        assert!(e.message.contains("boom on 5"), "{e}");
        assert_eq!(seen[6].as_ref().unwrap(), "6");
        assert_eq!(seen.iter().filter(|r| r.is_ok()).count(), 20 - 1 - 3);
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let p = pool(2);
        let mut n = 0;
        let r = run_ordered(
            &p,
            items(10 * CHUNK),
            |a| a.id,
            |_| {
                n += 1;
                if n == 10 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(n, 10);
    }
}
