//! The speech-cue list: `cues.yaml` (compiled in) read once into the table the cue reader
//! looks words up in. Each form of a cue is finite or a participle (it ends in "ing"),
//! one word or several ("pointed out"), and carries the [`Framing`] of its section. What
//! the cues are is the data file's business; how a cue is recognised in a sentence is
//! `cues.rs`'s.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::framing::Framing;

/// The cue list as written, one section per framing class.
const CUES_YAML: &str = include_str!("cues.yaml");

/// One form of a cue, under its first word.
#[derive(Debug, Clone)]
pub(super) struct CueForm {
    /// The words after the first ("out" in "pointed out"); empty for one word.
    pub(super) rest: Vec<&'static str>,
    /// A participle ("saying"): its speaker is the subject of the verb before it.
    pub(super) participle: bool,
    pub(super) framing: Framing,
}

/// Every cue form, by its first word (longest form first), hashed with foldhash: the
/// cue reader looks up every cue word it meets, and SipHash cost more than the rest of
/// the lookup.
#[derive(Debug)]
pub(super) struct CueList {
    pub(super) by_first: HashMap<&'static str, Vec<CueForm>, FixedState>,
}

impl CueList {
    /// First words of one-word finite forms ("said"), of one-word participles
    /// ("saying"), and of every form (the words a cue can start with).
    pub(super) fn words(&self) -> (Vec<&'static str>, Vec<&'static str>, Vec<&'static str>) {
        let (mut fin, mut ing, mut all) = (Vec::new(), Vec::new(), Vec::new());
        for (w, forms) in &self.by_first {
            all.push(*w);
            for f in forms.iter().filter(|f| f.rest.is_empty()) {
                if f.participle {
                    ing.push(*w);
                } else {
                    fin.push(*w);
                }
            }
        }
        (fin, ing, all)
    }
}

/// The cue list, read on first use.
pub(super) fn cue_list() -> &'static CueList {
    static LIST: OnceLock<CueList> = OnceLock::new();
    LIST.get_or_init(|| parse(CUES_YAML).expect("src/quotes/cues.yaml is checked by its tests"))
}

/// Read a cue list (the format of `cues.yaml`): a map from framing id to a list of
/// entries, each a comma-separated list of forms.
fn parse(src: &str) -> Result<CueList, String> {
    let doc: BTreeMap<String, Vec<String>> =
        serde_yaml::from_str(src).map_err(|e| format!("cues.yaml: {e}"))?;
    let mut by_first: HashMap<&'static str, Vec<CueForm>, FixedState> = HashMap::default();
    let mut seen = std::collections::HashSet::new();
    for (section, entries) in doc {
        let framing =
            Framing::from_id(&section).ok_or_else(|| format!("unknown class {section:?}"))?;
        for entry in entries {
            for form in entry.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                if !seen.insert(form.to_string()) {
                    return Err(format!("{form:?} is listed twice"));
                }
                let words: Vec<&'static str> = form
                    .split_ascii_whitespace()
                    .map(|w| &*w.to_string().leak())
                    .collect();
                for w in &words {
                    let ok = w.len() <= 16
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'');
                    if !ok {
                        return Err(format!("{w:?} is not a lowercase ASCII word of ≤ 16 bytes"));
                    }
                }
                let participle = words[0].ends_with("ing");
                by_first.entry(words[0]).or_default().push(CueForm {
                    rest: words[1..].to_vec(),
                    participle,
                    framing,
                });
            }
        }
    }
    for forms in by_first.values_mut() {
        forms.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
    }
    Ok(CueList { by_first })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_file_reads_and_classes_its_cues() {
        let l = parse(CUES_YAML).expect("cues.yaml reads");
        let class = |w: &str| {
            l.by_first[w]
                .iter()
                .find(|f| f.rest.is_empty())
                .map(|f| f.framing)
        };
        assert_eq!(class("said"), Some(Framing::Neutral));
        assert_eq!(class("claimed"), Some(Framing::Skeptical));
        assert_eq!(class("noted"), Some(Framing::Endorsing));
        assert!(l.by_first["saying"][0].participle);
        let pointed = &l.by_first["pointed"][0];
        assert_eq!(
            (pointed.rest.as_slice(), pointed.framing),
            (&["out"][..], Framing::Endorsing)
        );
        // the longest form of a first word comes first
        let went = &l.by_first["went"][0];
        assert_eq!(went.rest, ["on", "to", "say"]);
        let (fin, ing, all) = l.words();
        assert!(fin.contains(&"told") && ing.contains(&"telling") && all.contains(&"shot"));
        assert!(!fin.contains(&"shot"), "only the first word of a phrase");
        assert!(all.len() > 250, "{}", all.len());
    }

    #[test]
    fn bad_cue_files_are_refused() {
        assert!(parse("hostile:\n  - said\n").is_err());
        assert!(parse("neutral:\n  - said, said\n").is_err());
        assert!(parse("neutral:\n  - Said\n").is_err());
        assert!(parse("neutral:\n  - said\nskeptical:\n  - said\n").is_err());
        assert!(parse("neutral: [said").is_err());
    }
}
