//! Problems met along a batch that did not stop it: articles that failed to load or were
//! skipped. Each is reported on the error stream as it happens, up to [`SHOWN_LIVE`]; the
//! summary at the end counts them all, lists the first [`SHOWN_IN_SUMMARY`] of each kind
//! again and gives the exit code (1 when there was any).
//!
//! Only those first few are kept: a feed of a million broken lines (or `/dev/urandom`
//! read as JSONL) costs a few counters, not a message per line in memory and two million
//! lines on the terminal.

use std::io::Write;

use slant::input::LoadError;
use slant::report::sanitize::terminal;

/// Problems printed as they happen; after that they are only counted.
pub const SHOWN_LIVE: usize = 100;
/// Problems of each kind (failed, skipped) listed again in the summary.
pub const SHOWN_IN_SUMMARY: usize = 10;

/// Problems met along the way that did not stop the run.
#[derive(Debug, Default)]
pub struct Problems {
    /// The first [`SHOWN_IN_SUMMARY`] articles that failed.
    pub failed: Vec<LoadError>,
    /// The first [`SHOWN_IN_SUMMARY`] articles that were skipped.
    pub skipped: Vec<LoadError>,
    failed_count: usize,
    skipped_count: usize,
}

impl Problems {
    /// Report a problem now (the first [`SHOWN_LIVE`]) and count it for the summary.
    pub fn record(&mut self, e: LoadError, err: &mut dyn Write) -> std::io::Result<()> {
        let seen = self.failed_count + self.skipped_count;
        if seen < SHOWN_LIVE {
            // One problem, one line: a file name with a line break in it must not forge
            // a line of its own (such as a fake summary).
            let line = terminal(&e.to_string()).into_owned();
            if e.skipped {
                writeln!(err, "slant: skipped {line}")?;
            } else {
                writeln!(err, "slant: error: {line}")?;
            }
        } else if seen == SHOWN_LIVE {
            writeln!(
                err,
                "slant: more than {SHOWN_LIVE} articles failed or were skipped; the rest are counted in the summary, not shown one by one"
            )?;
        }
        let (list, count) = if e.skipped {
            (&mut self.skipped, &mut self.skipped_count)
        } else {
            (&mut self.failed, &mut self.failed_count)
        };
        *count += 1;
        if list.len() < SHOWN_IN_SUMMARY {
            list.push(e);
        }
        Ok(())
    }

    /// Summary line and exit code for a batch.
    pub fn finish(&self, done: usize, err: &mut dyn Write) -> std::io::Result<u8> {
        if self.failed_count == 0 && self.skipped_count == 0 {
            return Ok(0);
        }
        writeln!(
            err,
            "slant: {done} article(s) processed, {} failed, {} skipped",
            self.failed_count, self.skipped_count
        )?;
        for (what, list, count) in [
            ("failed", &self.failed, self.failed_count),
            ("skipped", &self.skipped, self.skipped_count),
        ] {
            for e in list {
                writeln!(err, "  {what}: {}", terminal(&e.to_string()))?;
            }
            if count > list.len() {
                writeln!(
                    err,
                    "  … and {} more {what} (the first {} are listed)",
                    count - list.len(),
                    list.len()
                )?;
            }
        }
        Ok(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(i: usize, skipped: bool) -> LoadError {
        LoadError {
            source_name: format!("feed.jsonl:{i}"),
            message: "broken".into(),
            skipped,
        }
    }

    #[test]
    fn a_million_problems_keep_a_few_and_print_a_few() {
        let mut p = Problems::default();
        let mut err = Vec::new();
        for i in 1..=1_000_000 {
            p.record(problem(i, i % 1000 == 0), &mut err).unwrap();
        }
        assert_eq!(p.failed.len(), SHOWN_IN_SUMMARY);
        assert_eq!(p.skipped.len(), SHOWN_IN_SUMMARY);
        assert_eq!(p.finish(7, &mut err).unwrap(), 1);
        let text = String::from_utf8(err).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        // 100 live, one "more than" line, the count, 10 + 1 per kind.
        assert_eq!(
            lines.len(),
            SHOWN_LIVE + 1 + 1 + 2 * (SHOWN_IN_SUMMARY + 1),
            "{text}"
        );
        assert!(text.contains("slant: 7 article(s) processed, 999000 failed, 1000 skipped"));
        assert!(text.contains("  … and 998990 more failed (the first 10 are listed)"));
        assert!(text.contains("  … and 990 more skipped (the first 10 are listed)"));
        assert!(text.contains("  failed: feed.jsonl:1: broken"));
    }
}
