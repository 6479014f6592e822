//! Problems met along a batch that did not stop it: articles that failed to load or were
//! skipped. Each is reported on the error stream as it happens; the summary at the end
//! lists them again and gives the exit code (1 when there was any).

use std::io::Write;

use slant::input::LoadError;

/// Problems met along the way that did not stop the run.
#[derive(Debug, Default)]
pub struct Problems {
    pub failed: Vec<LoadError>,
    pub skipped: Vec<LoadError>,
}

impl Problems {
    /// Report a problem now and keep it for the summary.
    pub fn record(&mut self, e: LoadError, err: &mut dyn Write) -> std::io::Result<()> {
        if e.skipped {
            writeln!(err, "slant: skipped {e}")?;
            self.skipped.push(e);
        } else {
            writeln!(err, "slant: error: {e}")?;
            self.failed.push(e);
        }
        Ok(())
    }

    /// Summary line and exit code for a batch.
    pub fn finish(&self, done: usize, err: &mut dyn Write) -> std::io::Result<u8> {
        if self.failed.is_empty() && self.skipped.is_empty() {
            return Ok(0);
        }
        writeln!(
            err,
            "slant: {done} article(s) processed, {} failed, {} skipped",
            self.failed.len(),
            self.skipped.len()
        )?;
        for e in &self.failed {
            writeln!(err, "  failed: {e}")?;
        }
        for e in &self.skipped {
            writeln!(err, "  skipped: {e}")?;
        }
        Ok(1)
    }
}
