//! A progress line on stderr for long runs, shown only when stderr is a terminal.
//!
//! Piped or redirected runs (scripts, CI, `2> log`) stay silent. `SLANT_NO_PROGRESS=1`
//! turns it off everywhere. When every input is a regular file the line is a bar over the
//! input's bytes, with the rate and the time left; for standard input, whose size is not
//! known, it is a spinner with the articles and megabytes done and the rate. Drawing
//! charts shows a bar over the cards to draw.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use slant::input::Articles;
use slant::report::format::plural;

/// Whether progress may be drawn: stderr is a terminal and `SLANT_NO_PROGRESS` is unset.
fn visible() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("SLANT_NO_PROGRESS").is_none()
}

/// Progress over a stream of articles; a no-op when hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
    /// Input bytes read so far, when the bar measures those (see [`Progress::new`]).
    read: Option<Arc<AtomicU64>>,
    articles: AtomicU64,
    bytes: AtomicU64,
}

impl Progress {
    /// Visible when stderr is a terminal (and not disabled by the environment); a bar when
    /// the size of `articles`' input is known.
    pub fn auto(what: &str, articles: &Articles) -> Progress {
        if !visible() {
            return Progress::hidden();
        }
        let target = ProgressDrawTarget::stderr();
        Progress::new(what, articles.input_bytes(), articles.bytes_read(), target).ticking()
    }

    /// A progress line drawn on `target`: a bar over `total` input bytes, moved by `read`,
    /// or a spinner when the total is unknown.
    pub fn new(
        what: &str,
        total: Option<u64>,
        read: Arc<AtomicU64>,
        target: ProgressDrawTarget,
    ) -> Progress {
        let template = match total {
            Some(_) => {
                "{prefix} [{wide_bar}] {percent:>3}% · {msg} · {decimal_bytes_per_sec} · ETA {eta}"
            }
            None => "{spinner} {prefix} · {msg} · {elapsed}",
        };
        let mut p = Progress::drawn(what, total, template, target);
        p.read = total.map(|_| read);
        if let Some(b) = &p.bar {
            b.set_message("0 articles");
        }
        p
    }

    /// A bar over `total` items of work (e.g. cards to draw), moved by [`Progress::tick`]
    /// from any thread; shown like [`Progress::auto`].
    pub fn items(what: &str, total: u64) -> Progress {
        if !visible() {
            return Progress::hidden();
        }
        Progress::items_on(what, total, ProgressDrawTarget::stderr()).ticking()
    }

    /// [`Progress::items`] drawn on `target`.
    pub fn items_on(what: &str, total: u64, target: ProgressDrawTarget) -> Progress {
        let template = "{prefix} [{wide_bar}] {pos}/{len} · ETA {eta}";
        Progress::drawn(what, Some(total), template, target)
    }

    /// A line of `len` steps (a spinner without one) in `template`, on `target`.
    fn drawn(what: &str, len: Option<u64>, template: &str, target: ProgressDrawTarget) -> Progress {
        let bar = ProgressBar::with_draw_target(len, target);
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.set_prefix(what.to_string());
        let mut p = Progress::hidden();
        p.bar = Some(bar);
        p
    }

    /// Redraw on a timer, so the line moves between updates.
    fn ticking(self) -> Progress {
        if let Some(b) = &self.bar {
            b.enable_steady_tick(Duration::from_millis(120));
        }
        self
    }

    /// One more item of an [`Progress::items`] bar done.
    pub fn tick(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            read: None,
            articles: Default::default(),
            bytes: Default::default(),
        }
    }

    /// One more article of `bytes` bytes of text done.
    pub fn inc(&self, bytes: u64) {
        let Some(b) = &self.bar else {
            return;
        };
        let n = self.articles.fetch_add(1, Ordering::Relaxed) + 1;
        let articles = format!("{n} article{}", plural(n));
        match &self.read {
            Some(read) => {
                b.set_position(read.load(Ordering::Relaxed));
                b.set_message(articles);
            }
            None => {
                let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
                let secs = b.elapsed().as_secs_f64().max(1e-3);
                b.set_message(format!(
                    "{articles}, {:.1} MB, {:.0} MB/s",
                    total as f64 / 1e6,
                    total as f64 / 1e6 / secs
                ));
            }
        }
    }

    /// Remove the line.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use slant::input::{load, Input, LoadOptions};

    #[test]
    fn a_file_input_gets_a_bar_over_its_bytes_and_stdin_a_spinner() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let body = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two two\"}\n";
        std::fs::write(&path, body).unwrap();
        let mut articles = load(&[Input::Path(path)], LoadOptions::default());
        assert_eq!(articles.input_bytes(), Some(body.len() as u64));
        let p = Progress::new(
            "scoring",
            articles.input_bytes(),
            articles.bytes_read(),
            ProgressDrawTarget::hidden(),
        );
        let bar = p.bar.clone().unwrap();
        assert_eq!(bar.length(), Some(body.len() as u64));
        let first = articles.next().unwrap().unwrap();
        p.inc(first.text.len() as u64);
        assert_eq!(bar.position(), body.find('\n').unwrap() as u64 + 1);
        assert_eq!(bar.message(), "1 article");
        let second = articles.next().unwrap().unwrap();
        p.inc(second.text.len() as u64);
        assert_eq!(
            bar.position(),
            body.len() as u64,
            "the whole input was read"
        );
        assert_eq!(bar.message(), "2 articles");

        let stdin = load(&[Input::Stdin], LoadOptions::default());
        assert_eq!(stdin.input_bytes(), None);
        let p = Progress::new(
            "scoring",
            None,
            stdin.bytes_read(),
            ProgressDrawTarget::hidden(),
        );
        p.inc(3);
        p.inc(7);
        let bar = p.bar.clone().unwrap();
        assert_eq!(bar.length(), None);
        assert!(
            bar.message().starts_with("2 articles, 0.0 MB"),
            "{}",
            bar.message()
        );
    }

    #[test]
    fn an_items_bar_moves_from_worker_threads() {
        let p = Progress::items_on("drawing", 400, ProgressDrawTarget::hidden());
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..100).for_each(|_| p.tick()));
            }
        });
        let bar = p.bar.clone().unwrap();
        assert_eq!((bar.position(), bar.length()), (400, Some(400)));
    }
}
