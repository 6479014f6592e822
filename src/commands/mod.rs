//! One file per subcommand: each ties the library's pipeline to its renderers.

pub mod explain;
pub mod lexicon;
pub mod score;
