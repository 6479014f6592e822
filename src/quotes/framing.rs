//! How a speech cue frames the words it introduces ([`Framing`]): skeptical ("claimed",
//! "insisted", "admitted"), neutral ("said", "told") or endorsing ("noted", "explained",
//! "pointed out"). Each cue's class is data, in `cues.yaml`; this file only names the
//! classes and their stable ids.

use std::fmt;

/// The framing class of a speech cue, carried by every attributed quotation
/// ([`super::Quote::framing`]) and reported span ([`super::Reported::framing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Framing {
    /// Casts doubt on the words or the speaker: claimed, insisted, admitted, alleged.
    Skeptical,
    /// Reports that somebody spoke: said, told, added, wrote.
    Neutral,
    /// Presents the words as true or insightful: noted, explained, pointed out.
    Endorsing,
}

impl Framing {
    /// Every class, in the order of their ids' documentation.
    pub const ALL: [Framing; 3] = [Framing::Skeptical, Framing::Neutral, Framing::Endorsing];

    /// The stable id written in outputs (and the section names of `cues.yaml`).
    pub fn as_str(self) -> &'static str {
        match self {
            Framing::Skeptical => "skeptical",
            Framing::Neutral => "neutral",
            Framing::Endorsing => "endorsing",
        }
    }

    /// The class named by `id` (see [`Framing::as_str`]).
    pub fn from_id(id: &str) -> Option<Framing> {
        Framing::ALL.into_iter().find(|f| f.as_str() == id)
    }
}

impl fmt::Display for Framing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for f in Framing::ALL {
            assert_eq!(Framing::from_id(f.as_str()), Some(f));
        }
        assert_eq!(Framing::from_id("hostile"), None);
        assert_eq!(format!("{:>9}", Framing::Neutral), "  neutral");
    }
}
