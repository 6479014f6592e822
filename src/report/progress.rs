//! A progress line on stderr for long runs, shown only when stderr is a terminal.
//!
//! Piped or redirected runs (scripts, CI, `2> log`) stay silent. `SLANT_NO_PROGRESS=1`
//! turns it off everywhere.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A spinner counting articles and bytes; a no-op when hidden.
pub struct Progress {
    bar: Option<ProgressBar>,
    bytes: std::cell::Cell<u64>,
}

impl Progress {
    /// Visible when stderr is a terminal (and not disabled by the environment).
    pub fn auto(what: &str) -> Progress {
        let enabled =
            std::io::stderr().is_terminal() && std::env::var_os("SLANT_NO_PROGRESS").is_none();
        if !enabled {
            return Progress::hidden();
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {prefix}: {human_pos} articles, {msg} [{elapsed}]",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_prefix(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress {
            bar: Some(bar),
            bytes: Default::default(),
        }
    }

    pub fn hidden() -> Progress {
        Progress {
            bar: None,
            bytes: Default::default(),
        }
    }

    /// One more article of `bytes` bytes done.
    pub fn inc(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.inc(1);
            let total = self.bytes.get() + bytes;
            self.bytes.set(total);
            let secs = b.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!(
                "{:.1} MB, {:.0} MB/s",
                total as f64 / 1e6,
                total as f64 / 1e6 / secs
            ));
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
