//! The tests of `quotes` that span the whole extraction; each file's own tests sit in
//! that file, with the fixtures of [`fixtures`].

mod articles;
pub(super) mod fixtures;
mod robustness;
