//! Building the `sides:` section: ids (not empty, not reserved, not declared twice),
//! labels and colors; and [`SideIds`], which resolves the side names variants, concepts
//! and actors refer to (`neutral` or a declared id; otherwise an error that lists the
//! declared sides and never guesses a different one).

use std::collections::HashMap;

use super::origins::At;
use crate::lexicon::diagnostic::{Diagnostic, Seg};
use crate::lexicon::model::{Side, SideRef};
use crate::lexicon::schema::LexiconFile;

/// Names slant gives speakers and terms itself, so no side may take them.
const RESERVED_SIDES: &[&str] = &["neutral", "unaligned", "unattributed"];

/// The declared side ids, for resolving the sides entries refer to.
pub(super) struct SideIds<'a> {
    /// Each valid id and its index.
    ids: HashMap<String, usize>,
    /// Every non-empty id as written, in order (for messages).
    declared: Vec<&'a str>,
}

impl SideIds<'_> {
    /// `neutral` or a declared side id; anything else is reported at `at` and read as
    /// neutral.
    pub(super) fn resolve(&self, value: &str, diags: &mut Vec<Diagnostic>, at: At) -> SideRef {
        let v = value.trim();
        if v == "neutral" {
            return None;
        }
        if let Some(&i) = self.ids.get(v) {
            return Some(i);
        }
        let declared = &self.declared;
        let listed = if declared.is_empty() {
            "none".to_string()
        } else {
            declared
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut d = Diagnostic::error(
            &at.0,
            at.1,
            format!(
                "side `{v}` is not declared; declared sides: {}",
                declared.join(", ")
            ),
        );
        // A near miss may name the other camp (`anti_immigrant` is one letter-edit family
        // away from `pro_immigrant`), so no side is guessed from spelling: only the same id
        // written in another case or with `-` or spaces for `_` is pointed to.
        d.hint = Some(match same_id(v, declared) {
            Some(id) => format!("write `{id}`: side ids are written exactly as declared under `sides:`"),
            None => format!(
                "use one of {listed} or `neutral`, or declare `{v}` under `sides:` (the order of `sides:` sets which end of the lean scale it is)"
            ),
        });
        diags.push(d);
        None
    }
}

/// Check and build the sides, written in `sides_origin`.
pub(super) fn build_sides<'a>(
    file: &'a LexiconFile,
    sides_origin: &str,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Side>, SideIds<'a>) {
    let mut sides = Vec::new();
    // A lexicon of tone concepts only (such as `builtin:tone`) needs no sides: it is meant
    // to be extended by a topic lexicon.
    let tone_only = !file.concepts.is_empty() && file.concepts.iter().all(|c| c.tone);
    if file.sides.len() < 2 && !(tone_only && file.sides.is_empty()) {
        diags.push(
            Diagnostic::error(sides_origin, vec![Seg::key("sides")], format!("a lexicon needs at least two sides, found {}", file.sides.len()))
                .hint("declare the sides in order, e.g. `sides: [{id: pro_immigrant, label: Pro-immigrant, color: \"#0072B2\"}, {id: restrictionist, label: Restrictionist, color: \"#D55E00\"}]`; lean is signed toward the last side"),
        );
    }
    let mut side_ids: HashMap<String, usize> = HashMap::new();
    for (i, s) in file.sides.iter().enumerate() {
        let path = |k: &str| vec![Seg::key("sides"), Seg::Index(i), Seg::key(k)];
        let id = s.id.trim();
        if id.is_empty() {
            diags.push(
                Diagnostic::error(sides_origin, path("id"), "side `id` is empty")
                    .hint("use a short snake_case id such as `restrictionist`"),
            );
        } else if RESERVED_SIDES.contains(&id) {
            diags.push(
                Diagnostic::error(
                    sides_origin,
                    path("id"),
                    format!("`{id}` is reserved and cannot be a side id"),
                )
                .hint("`neutral` is written on variants without declaring it; pick another id"),
            );
        } else if let Some(&prev) = side_ids.get(id) {
            diags.push(
                Diagnostic::error(
                    sides_origin,
                    path("id"),
                    format!("side id `{id}` is declared twice"),
                )
                .hint("give each side its own id")
                .related(
                    sides_origin,
                    vec![Seg::key("sides"), Seg::Index(prev), Seg::key("id")],
                ),
            );
        } else {
            side_ids.insert(id.to_string(), i);
        }
        let color = match parse_color(&s.color) {
            Some(c) => c,
            None => {
                diags.push(
                    Diagnostic::error(
                        sides_origin,
                        path("color"),
                        format!("`{}` is not a color", s.color),
                    )
                    .hint("write a hex color in quotes, e.g. `color: \"#0072B2\"`"),
                );
                (128, 128, 128)
            }
        };
        if s.label.trim().is_empty() {
            diags.push(
                Diagnostic::error(sides_origin, path("label"), "side `label` is empty")
                    .hint("write the name readers see, e.g. `label: Restrictionist`"),
            );
        }
        sides.push(Side {
            id: id.to_string(),
            label: s.label.trim().to_string(),
            color,
            description: s.description.clone(),
        });
    }
    let declared: Vec<&str> = file
        .sides
        .iter()
        .map(|s| s.id.trim())
        .filter(|s| !s.is_empty())
        .collect();
    (
        sides,
        SideIds {
            ids: side_ids,
            declared,
        },
    )
}

/// The declared id that `v` is, written in another case or with `-` or spaces for `_`.
fn same_id<'a>(v: &str, declared: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    };
    let n = norm(v);
    declared.iter().copied().find(|d| norm(d) == n)
}

/// Parse `#RRGGBB` or `#RGB`.
fn parse_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.trim().strip_prefix('#')?;
    let v = |s: &str| u8::from_str_radix(s, 16).ok();
    match h.len() {
        6 if h.is_ascii() => Some((v(&h[0..2])?, v(&h[2..4])?, v(&h[4..6])?)),
        3 if h.is_ascii() => {
            let d = |i: usize| v(&h[i..=i]).map(|x| x * 17);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_side_lists_the_sides_and_never_guesses_another() {
        let ids = SideIds {
            ids: HashMap::from([
                ("pro_immigrant".to_string(), 0),
                ("restrictionist".to_string(), 1),
            ]),
            declared: vec!["pro_immigrant", "restrictionist"],
        };
        let at = |_: ()| ("t.yaml".to_string(), vec![Seg::key("side")]);
        let mut diags = Vec::new();
        assert_eq!(ids.resolve("anti_immigrant", &mut diags, at(())), None);
        assert_eq!(ids.resolve("restrictionst", &mut diags, at(())), None);
        assert_eq!(ids.resolve("Pro-Immigrant", &mut diags, at(())), None);
        assert_eq!(ids.resolve("restrictionist", &mut diags, at(())), Some(1));
        assert_eq!(diags.len(), 3);
        for d in &diags[..2] {
            assert!(
                d.message
                    .ends_with("declared sides: pro_immigrant, restrictionist"),
                "{}",
                d.message
            );
            let hint = d.hint.as_deref().unwrap();
            assert!(hint.contains("`pro_immigrant`, `restrictionist`"), "{hint}");
            assert!(!hint.contains("did you mean"), "{hint}");
            assert!(hint.starts_with("use one of"), "{hint}");
        }
        assert!(diags[2]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("write `pro_immigrant`"));
    }

    #[test]
    fn colors() {
        assert_eq!(parse_color("#0072B2"), Some((0, 0x72, 0xb2)));
        assert_eq!(parse_color("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_color("blue"), None);
        assert_eq!(parse_color("#12345g"), None);
        assert_eq!(parse_color("#ééé"), None);
    }
}
