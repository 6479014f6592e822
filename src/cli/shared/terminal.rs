//! What the terminal looks like: whether standard output and input are terminals.
//! Decided once by main; commands use it for colors, progress and "no input" messages.

use std::io::IsTerminal;

/// What the terminal looks like, decided by main.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    pub stdin_is_tty: bool,
}

impl Terminal {
    /// The process's own standard streams.
    pub fn detect() -> Terminal {
        Terminal {
            stdout_is_tty: std::io::stdout().is_terminal(),
            stdin_is_tty: std::io::stdin().is_terminal(),
        }
    }
}
