//! "Did you mean …?": edit distance and the closest plausible candidate for a misspelled
//! field name, side id or concept id. Pure string functions; they know nothing of YAML.

/// Levenshtein distance, for "did you mean" hints.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is plausibly a typo of it.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(1) + 1;
    candidates
        .iter()
        .filter_map(|c| {
            let cl = c.to_lowercase();
            let d = edit_distance(&w, &cl);
            let prefix = w
                .chars()
                .zip(cl.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let shorter = w.chars().count().min(cl.chars().count());
            // A typo (few edits) or a clipped/extended word sharing most of its start.
            let similar = d <= limit || (prefix >= 4 && prefix * 10 >= shorter * 6);
            similar.then_some((d, *c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_and_closest() {
        assert_eq!(edit_distance("wieght", "weight"), 2);
        assert_eq!(
            closest("wieght", &["label", "terms", "weight", "side"]),
            Some("weight")
        );
        assert_eq!(
            closest("restrictive", &["pro_immigrant", "restrictionist"]),
            Some("restrictionist")
        );
        assert_eq!(closest("zzz", &["pro_immigrant", "restrictionist"]), None);
    }
}
