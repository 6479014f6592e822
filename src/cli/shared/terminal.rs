//! What the terminal looks like: whether standard output and input are terminals, and how
//! many columns standard output has. Decided once by main; commands use it for colors,
//! progress, the table's width and "no input" messages (renderers take the width as a
//! parameter and never ask the terminal themselves).

use std::io::IsTerminal;

/// What the terminal looks like, decided by main.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminal {
    pub stdout_is_tty: bool,
    pub stdin_is_tty: bool,
    /// Columns of standard output when it is a terminal; `None` when it is piped or
    /// redirected (a file or a program gets every column).
    pub width: Option<usize>,
}

impl Terminal {
    /// The process's own standard streams.
    pub fn detect() -> Terminal {
        let stdout_is_tty = std::io::stdout().is_terminal();
        Terminal {
            stdout_is_tty,
            stdin_is_tty: std::io::stdin().is_terminal(),
            width: if stdout_is_tty {
                terminal_size::terminal_size_of(std::io::stdout())
                    .map(|(w, _)| usize::from(w.0))
                    .filter(|&w| w > 0)
            } else {
                None
            },
        }
    }
}
