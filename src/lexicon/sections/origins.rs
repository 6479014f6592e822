//! Where each entry of a composed lexicon was written: a lexicon that `extends` another is
//! built from several files, so a diagnostic about concept 3 may belong to line 40 of the
//! parent. [`Origins`] turns "concept 3, this field" into the file and YAML path to report.

use crate::lexicon::diagnostic::Seg;
use crate::lexicon::schema::LexiconFile;

/// Where a diagnostic points: origin file and YAML path.
pub(super) type At = (String, Vec<Seg>);

/// Where an entry of the composed file was written.
pub(super) struct Origins<'a> {
    pub(super) file: &'a LexiconFile,
    pub(super) origin: &'a str,
}

impl Origins<'_> {
    pub(super) fn concept(&self, i: usize, rest: Vec<Seg>) -> At {
        let (o, j) = self
            .file
            .provenance
            .concepts
            .get(i)
            .cloned()
            .unwrap_or_else(|| (self.origin.to_string(), i));
        let mut p = vec![Seg::key("concepts"), Seg::Index(j)];
        p.extend(rest);
        (
            if o.is_empty() {
                self.origin.to_string()
            } else {
                o
            },
            p,
        )
    }
    pub(super) fn actor(&self, i: usize, rest: Vec<Seg>) -> At {
        let (o, j) = self
            .file
            .provenance
            .actors
            .get(i)
            .cloned()
            .unwrap_or_else(|| (self.origin.to_string(), i));
        let mut p = vec![Seg::key("actors"), Seg::Index(j)];
        p.extend(rest);
        (
            if o.is_empty() {
                self.origin.to_string()
            } else {
                o
            },
            p,
        )
    }
    pub(super) fn sides(&self) -> String {
        self.file
            .provenance
            .sides
            .clone()
            .unwrap_or_else(|| self.origin.to_string())
    }
    pub(super) fn scoring(&self) -> String {
        self.file
            .provenance
            .scoring
            .clone()
            .unwrap_or_else(|| self.origin.to_string())
    }
}
