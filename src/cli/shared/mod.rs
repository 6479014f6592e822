//! What several subcommands share, one concept per file: the argument groups they flatten
//! ([`args`]), the terminal they run on ([`terminal`]), problems met along a batch
//! ([`problems`]), loading a whole set of articles ([`load`]), drawing the charts that
//! `chart` and `report` both write ([`charts`]), keeping an output folder from
//! overwriting inputs ([`out_dir`]), ending cleanly on a signal ([`interrupt`]) and the
//! progress line on stderr ([`progress`]). Nothing here imports a subcommand.

pub mod args;
pub mod charts;
pub mod interrupt;
pub mod load;
pub mod out_dir;
pub mod problems;
pub mod progress;
pub mod terminal;
