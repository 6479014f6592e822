//! Output for `slant roster suggest`: the suggested speakers as YAML stubs of the
//! lexicon's `actors:` section, each with its counts, outlets and a sample quote in
//! comments and an empty `side:` for a teacher to fill in. Pure: data in, text out.

use std::fmt::Write;

use crate::authoring::roster::Suggestion;
use crate::lexicon::{ActorKind, Lexicon};

/// A YAML double-quoted scalar: backslashes, quotes and every control or line-breaking
/// character escaped, so a name from an article can never break the document.
fn yaml_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(o, "\\u{:04X}", u32::from(c));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Text for a YAML comment: on one line, control and line-breaking characters as spaces.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The suggestions as an `actors:` section to complete and paste into a lexicon.
pub fn render_suggestions(s: &[Suggestion], l: &Lexicon, articles: u32) -> String {
    let mut o = String::new();
    let sides: Vec<&str> = l.sides.iter().map(|s| s.id.as_str()).collect();
    let _ = writeln!(
        o,
        "# slant roster suggest: the {} most-quoted speakers that the lexicon's roster does not\n# know, over {articles} articles. Check each name and kind, give it a side ({} or\n# neutral), add other spellings to `aliases`, and paste the entries under `actors:` of\n# the lexicon. Entries left without a side are not counted for any side.",
        s.len(),
        sides.join(", ")
    );
    if s.is_empty() {
        let _ = writeln!(o, "actors: []");
        return o;
    }
    let _ = writeln!(o, "actors:");
    for x in s {
        let outlets: Vec<String> = x
            .outlets
            .iter()
            .map(|(name, n)| format!("{} ({n})", comment(name)))
            .collect();
        let _ = writeln!(
            o,
            "  # {} quotes ({} words) in {} articles; outlets: {}",
            x.quotes,
            x.words,
            x.articles,
            outlets.join(", ")
        );
        if !x.sample.is_empty() {
            let _ = writeln!(o, "  # “{}”", comment(&x.sample));
        }
        let mut aliases = vec![yaml_str(&x.name)];
        if x.kind == ActorKind::Person {
            if let Some(last) = x.name.split_whitespace().last().filter(|l| *l != x.name) {
                aliases.push(yaml_str(last));
            }
        }
        let _ = writeln!(o, "  - name: {}", yaml_str(&x.name));
        let _ = writeln!(o, "    aliases: [{}]", aliases.join(", "));
        let _ = writeln!(o, "    kind: {}", x.kind.as_str());
        let _ = writeln!(o, "    side:   # one of: {}, neutral", sides.join(", "));
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stubs_are_valid_yaml_whatever_the_names() {
        let l = Lexicon::default_lexicon().expect("builtin lexicon");
        let s = [
            Suggestion {
                name: "Guy \"The\" Cecil\u{2028}: x".into(),
                kind: ActorKind::Person,
                quotes: 3,
                words: 40,
                articles: 2,
                outlets: vec![("politico\n- evil".into(), 3)],
                sample: "We are not \u{85}going to let that stand.".into(),
            },
            Suggestion {
                name: "city officials".into(),
                kind: ActorKind::Role,
                quotes: 2,
                words: 12,
                articles: 1,
                outlets: vec![("daily".into(), 2)],
                sample: String::new(),
            },
        ];
        let y = render_suggestions(&s, &l, 9);
        let v: serde_yaml::Value = serde_yaml::from_str(&y).expect("valid YAML");
        let actors = v["actors"].as_sequence().expect("a list");
        assert_eq!(actors.len(), 2);
        assert_eq!(
            actors[0]["name"].as_str(),
            Some("Guy \"The\" Cecil\u{2028}: x")
        );
        assert_eq!(actors[0]["kind"].as_str(), Some("person"));
        assert!(actors[0]["side"].is_null());
        assert_eq!(actors[1]["aliases"].as_sequence().map(Vec::len), Some(1));
        assert!(y.contains("# 3 quotes (40 words) in 2 articles"));
        let empty = render_suggestions(&[], &l, 0);
        let v: serde_yaml::Value = serde_yaml::from_str(&empty).expect("valid YAML");
        assert_eq!(v["actors"].as_sequence().map(Vec::len), Some(0));
    }
}
