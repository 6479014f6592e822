//! Measuring slant against labelled data, so anyone can check its numbers: [`lean`]
//! (how well scores separate articles of two labelled groups, e.g. outlets rated right vs
//! left) and [`quotes`] (quotations and speakers against gold attributions). Pure
//! aggregation: the command line analyses the articles and renders the reports.

pub mod lean;
pub mod quotes;
