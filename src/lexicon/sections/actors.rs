//! Building the `actors:` section, the speaker roster: names (not empty, not listed twice),
//! sides (`unaligned` is slant's own word for speakers missing from the roster) and
//! aliases (an alias naming two actors is warned about: quotes go to the first).

use std::collections::HashMap;

use super::origins::Origins;
use super::sides::SideIds;
use crate::lexicon::diagnostic::{Diagnostic, Seg};
use crate::lexicon::model::Actor;

/// Check and build every actor of the composed file.
pub(super) fn build_actors(
    o: &Origins,
    sides: &SideIds,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Actor> {
    let file = o.file;
    let mut actors = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut aliases: HashMap<String, usize> = HashMap::new();
    for (ai, a) in file.actors.iter().enumerate() {
        let at = |k: &str| o.actor(ai, vec![Seg::key(k)]);
        if a.name.trim().is_empty() {
            let (org, path) = at("name");
            diags.push(Diagnostic::error(&org, path, "actor `name` is empty"));
        } else if let Some(&prev) = names.get(&a.name.trim().to_lowercase()) {
            let (org, path) = at("name");
            let (rorg, rpath) = o.actor(prev, vec![Seg::key("name")]);
            diags.push(
                Diagnostic::error(&org, path, format!("actor `{}` is listed twice", a.name))
                    .hint("merge the two entries' aliases")
                    .related(&rorg, rpath),
            );
        } else {
            names.insert(a.name.trim().to_lowercase(), ai);
        }
        let side = if a.side.trim() == "unaligned" {
            let (org, path) = at("side");
            diags.push(
                Diagnostic::error(
                    &org,
                    path,
                    "`unaligned` is what slant calls speakers missing from the roster",
                )
                .hint("give the actor a declared side or `neutral`"),
            );
            None
        } else {
            sides.resolve(&a.side, diags, at("side"))
        };
        for (k, alias) in a.aliases.iter().enumerate() {
            let key = alias.trim().to_lowercase();
            if key.is_empty() {
                let (org, path) = o.actor(ai, vec![Seg::key("aliases"), Seg::Index(k)]);
                diags.push(Diagnostic::error(&org, path, "empty alias").hint("remove it"));
                continue;
            }
            if let Some(prev) = aliases.insert(key.clone(), ai) {
                if prev != ai {
                    let (org, path) = o.actor(ai, vec![Seg::key("aliases"), Seg::Index(k)]);
                    diags.push(Diagnostic::warning(&org, path, format!("alias `{alias}` also names `{}`; quotes by `{alias}` go to the first", file.actors[prev].name)).hint("keep an alias on one actor only"));
                }
            }
        }
        actors.push(Actor {
            name: a.name.trim().to_string(),
            aliases: a
                .aliases
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            kind: a.kind,
            side,
            description: a.description.clone(),
        });
    }
    actors
}
