//! The `slant` binary: parse arguments, run the library, print the error chain, exit.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Terminal};
use slant::report::sanitize::TerminalWriter;

// Articles are analyzed and rendered on worker threads and their buffers freed on the
// writer thread; mimalloc handles that pattern ~13% faster end to end than glibc's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc.h (the crate names no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // mimalloc gives freed memory back to the OS after 10 ms by default. A streaming run
    // frees and reallocates the same few megabytes every chunk, and each give-back splits a
    // transparent huge page that the next chunk faults in (and the kernel zeroes) again:
    // 4-6% of a `slant score` run's time. slant's memory is flat and short-lived, so it
    // keeps what it has until exit.
    // SAFETY: sets one integer option; called before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    let cli = Cli::parse();
    cli::install_signal_handlers();
    let term = Terminal::detect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    // Everything on standard error may carry untrusted text (file names, ids, lexicon
    // lines): no control character in it reaches the terminal.
    let mut err = TerminalWriter::new(std::io::stderr());
    let result = cli::run(cli, &mut out, &mut err, term);
    let flushed = out.flush();
    match result {
        Ok(code) => {
            if let Err(e) = flushed {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    let _ = writeln!(err, "slant: error: cannot write output: {e}");
                    return ExitCode::from(2);
                }
            }
            ExitCode::from(code)
        }
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let mut said = e.to_string();
            let _ = writeln!(err, "slant: error: {said}");
            for cause in e.chain().skip(1) {
                // Many errors already end with their cause ("cannot read lexicon x.yaml:
                // No such file…"): a cause is shown only when it adds something.
                let cause = cause.to_string();
                if !said.contains(&cause) {
                    let _ = writeln!(err, "  caused by: {cause}");
                    said.push_str(&cause);
                }
            }
            ExitCode::from(2)
        }
    }
}

/// Treat a closed pipe (`slant score … | head`) as a normal end.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
