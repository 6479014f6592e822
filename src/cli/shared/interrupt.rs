//! Ending cleanly on SIGINT (Ctrl-C), SIGTERM and SIGHUP: a thread waits for the signal,
//! removes the temporary files and staging folder of any output being written (see
//! `slant::report::output`, which waits for a commit under way to finish first, so a
//! report folder is never left half old, half new), then ends the process by the same
//! signal, so a shell or `timeout` sees it was interrupted (exit status 128 + signal).
//!
//! Without this, the default action ends the process at once and leaves `.slant-*.tmp`
//! files behind. Installed once by every command; `score` and `explain` have nothing to
//! clean, and end just as they did.

/// Start the signal thread. Does nothing if the handlers cannot be installed.
pub fn install() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("slant-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                slant::report::output::remove_temporaries_for_exit();
                // Re-raise with the default action: the process ends "killed by SIGINT".
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
}
