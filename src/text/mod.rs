//! Text as the pipeline reads it. [`words`]: the definitions of a word. Built on the
//! kernels of [`crate::scan`]; knows nothing of lexicons, quotes or reports.

pub mod words;
