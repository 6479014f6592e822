//! What the tests of `quotes` share: small rosters (people deliberately missing, so that
//! "unaligned" is exercised) and the roster of the seed articles, the seed texts, the
//! invariants every extraction keeps, and a tiny deterministic generator.

use crate::lexicon::ActorKind;
use crate::quotes::{extract, Quote, QuoteKind, QuoteSide, Roster, RosterActor, Rule};

/// The side ids the test rosters use, as if a lexicon declared them in this order.
const SIDES: [&str; 10] = [
    "state",
    "restrictionist",
    "tenants",
    "landlord",
    "local_gov",
    "pro_immigrant",
    "a",
    "b",
    "c",
    "x",
];

/// A roster actor on side `side` (one of [`SIDES`], or `"neutral"`).
pub(in crate::quotes) fn actor(
    name: &str,
    aliases: &[&str],
    side: &str,
    kind: ActorKind,
) -> RosterActor {
    RosterActor {
        name: name.to_string(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        side: match SIDES.iter().position(|&s| s == side) {
            Some(i) => QuoteSide::Side(i),
            None if side == "neutral" => QuoteSide::Neutral,
            None => panic!("no side {side:?} in the test sides"),
        },
        kind,
    }
}

/// The side id of a quotation, as the outputs write it (with [`SIDES`] for the sides).
pub(in crate::quotes) fn side_of(q: &Quote) -> Option<&'static str> {
    match q.side {
        QuoteSide::Side(i) => Some(SIDES[i]),
        QuoteSide::Neutral => Some("neutral"),
        QuoteSide::Unaligned => Some("unaligned"),
        QuoteSide::Unattributed => None,
    }
}

/// Roster for the hand-written sentences (Maria Ortiz, Tom Reyes, Karen
/// Holt … are deliberately absent so that "unaligned" is exercised).
pub(in crate::quotes) fn roster() -> Roster {
    Roster::new(&[
        actor("Ellen Park", &[], "state", ActorKind::Person),
        actor("Henry Lucero", &[], "restrictionist", ActorKind::Person),
        actor(
            "Riverside Tenants Union",
            &["tenants union"],
            "tenants",
            ActorKind::Organization,
        ),
        actor(
            "Housing Authority",
            &["HA"],
            "landlord",
            ActorKind::Organization,
        ),
        actor(
            "Housing Authority press release",
            &["press release"],
            "landlord",
            ActorKind::Document,
        ),
        actor(
            "city officials",
            &["city officials"],
            "local_gov",
            ActorKind::Role,
        ),
        actor(
            "The Associated Press",
            &["AP"],
            "neutral",
            ActorKind::Organization,
        ),
    ])
}

/// The roster of the seed articles.
pub(in crate::quotes) fn seed_roster() -> Roster {
    Roster::new(&[
        actor(
            "Henry Lucero",
            &["Lucero"],
            "restrictionist",
            ActorKind::Person,
        ),
        actor(
            "Matthew Albence",
            &["Albence"],
            "restrictionist",
            ActorKind::Person,
        ),
        actor(
            "Bill de Blasio",
            &["de Blasio"],
            "pro_immigrant",
            ActorKind::Person,
        ),
        actor(
            "Freddi Goldstein",
            &["Goldstein"],
            "pro_immigrant",
            ActorKind::Person,
        ),
        actor(
            "ICE",
            &[
                "U.S. Immigration and Customs Enforcement",
                "Immigration and Customs Enforcement",
            ],
            "restrictionist",
            ActorKind::Organization,
        ),
        actor(
            "New York Immigration Coalition",
            &["NYIC"],
            "pro_immigrant",
            ActorKind::Organization,
        ),
        actor(
            "ICE press release",
            &["press release"],
            "restrictionist",
            ActorKind::Document,
        ),
        actor(
            "The Associated Press",
            &["Associated Press", "AP"],
            "neutral",
            ActorKind::Organization,
        ),
        actor(
            "Center for Immigration Studies",
            &["CIS"],
            "restrictionist",
            ActorKind::Organization,
        ),
        actor(
            "Andrew Arthur",
            &["Arthur"],
            "restrictionist",
            ActorKind::Person,
        ),
    ])
}

/// The text inside the marks of `q`.
pub(in crate::quotes) fn inner<'a>(t: &'a str, q: &Quote) -> &'a str {
    &t[q.start..q.end]
}

/// The quote whose inner text contains `needle`.
pub(in crate::quotes) fn find<'a>(t: &str, qs: &'a [Quote], needle: &str) -> &'a Quote {
    let mut found: Vec<&Quote> = qs.iter().filter(|q| inner(t, q) == needle).collect();
    if found.is_empty() {
        found = qs.iter().filter(|q| inner(t, q).contains(needle)).collect();
    }
    assert_eq!(
        found.len(),
        1,
        "expected one quote containing {needle:?}, got {:?}",
        qs.iter().map(|q| inner(t, q)).collect::<Vec<_>>()
    );
    found[0]
}

/// What every extraction keeps: offsets on char boundaries and in order, no overlaps,
/// nested spans inside, terms and only unattributed quotes without a speaker.
pub(in crate::quotes) fn check_invariants(t: &str, qs: &[Quote]) {
    for (i, q) in qs.iter().enumerate() {
        for x in [q.open, q.close, q.start, q.end] {
            assert!(x <= t.len() && t.is_char_boundary(x), "offset {x} in {t:?}");
        }
        assert!(
            q.open < q.start && q.start <= q.end && q.end <= q.close,
            "{q:?}"
        );
        for &(s, e) in &q.nested {
            assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
            assert!(q.start <= s && s <= e && e <= q.end, "nested {q:?}");
        }
        if i > 0 {
            assert!(qs[i - 1].close <= q.open, "overlap {:?} {:?}", qs[i - 1], q);
        }
        let unattributed = q.side == QuoteSide::Unattributed;
        if q.kind == QuoteKind::Term {
            assert!(q.speaker.is_none() && unattributed);
        }
        assert!(Rule::ALL.contains(&q.rule), "{}", q.rule);
        assert_eq!(q.speaker.is_none(), unattributed);
    }
}

/// Extract with [`roster`], checking the invariants.
pub(in crate::quotes) fn run(t: &str) -> Vec<Quote> {
    let qs = extract(t, &roster());
    check_invariants(t, &qs);
    qs
}

/// The speaker of `q`.
pub(in crate::quotes) fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_deref()
}

/// Tiny deterministic generator for the differential tests.
pub(in crate::quotes) struct Rng(pub(in crate::quotes) u64);

impl Rng {
    pub(in crate::quotes) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Random text from `pieces`, `n` of them.
pub(in crate::quotes) fn random_text(r: &mut Rng, pieces: &[&str], n: usize) -> String {
    (0..n).map(|_| pieces[r.below(pieces.len())]).collect()
}

/// The seed articles of `seeds/`.
pub(in crate::quotes) const S000: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_f667bd81ae114d19.txt"
));
pub(in crate::quotes) const S001: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/001_0ad354234d2359d4.txt"
));
pub(in crate::quotes) const S002: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/002_1fc9ffcff641586d.txt"
));
pub(in crate::quotes) const S003: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/003_4f9b0c250ff8d600.txt"
));
pub(in crate::quotes) const S004: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/004_72e29b7a571df496.txt"
));

/// Extract with [`seed_roster`], checking the invariants.
pub(in crate::quotes) fn seed(t: &str) -> Vec<Quote> {
    let qs = extract(t, &seed_roster());
    check_invariants(t, &qs);
    qs
}

/// The quotation containing `needle`, checked for its speaker and kind.
pub(in crate::quotes) fn expect(
    t: &str,
    qs: &[Quote],
    needle: &str,
    who: Option<&str>,
    kind: QuoteKind,
) -> Quote {
    let q = find(t, qs, needle);
    assert_eq!((speaker(q), q.kind), (who, kind), "{needle}: {q:?}");
    q.clone()
}
