//! Shared by the integration tests: the binary under test and the seed ids.

// Each test crate uses a different subset of these.
#![allow(dead_code)]

use assert_cmd::Command;

/// The `slant` binary, without color and without backtraces.
pub fn slant() -> Command {
    let mut c = Command::cargo_bin("slant").unwrap();
    c.env("NO_COLOR", "1").env("RUST_BACKTRACE", "0");
    c
}

/// Run `cmd` and return its output, failing the test with its stderr unless it succeeded.
pub fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The ids of the five seed articles in `seeds/`, in order.
pub const SEEDS: [&str; 5] = [
    "000_f667bd81ae114d19",
    "001_0ad354234d2359d4",
    "002_1fc9ffcff641586d",
    "003_4f9b0c250ff8d600",
    "004_72e29b7a571df496",
];
