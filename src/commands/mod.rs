//! One file per subcommand: each ties the library's pipeline to its renderers.

pub mod chart;
pub mod delta;
pub mod explain;
pub mod lexicon;
pub mod report;
pub mod score;
