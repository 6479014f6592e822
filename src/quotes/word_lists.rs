//! The word lists the attribution reads: titles, organisation words, role, organisation
//! and document heads, speech verbs and their participles, function words, months and
//! weekdays, and the small closed classes (determiners, auxiliaries, clause openers…).
//! The speech verbs are in `cues.yaml`, with their framing; they share the lists' bits
//! (`SAY_FINITE`, `SAY_ING`, `CUE_START`).
//! Data only: each list is one string of lowercase ASCII words with an id ([`L`]) below;
//! [`super::word_lookup`] builds the table that answers "which lists hold this word".
//! To widen a list, add words to its string (at most 16 bytes each); to add a list, give
//! it the next bit, a line in [`LISTS`] and a use in the reader that needs it.

/// Words a period may follow without ending the sentence ("Sen.", "Jan.", "Inc.").
const ABBREV_WORDS: &str =
    "mr mrs ms dr jr sr st sen rep gov gen lt col sgt capt prof rev inc corp co ltd vs etc no \
    jan feb mar apr jun jul aug sep sept oct nov dec calif ariz fla mass ave blvd dept \
    approx fig mt ft pa wash colo conn";

/// Lowercase parts of names ("de Blasio", "van der Berg", "bin Salman").
const PARTICLES_WORDS: &str = "de del della da di du van von der la le bin ibn al";

/// Words inside organisation names ("Center for Immigration Studies").
const CONNECTORS_WORDS: &str = "of for and the on & de del y";

/// Prepositions: they end a noun phrase's head ("officials in Denver") and open
/// adverbial segments ("In an email,").
const PREPS_WORDS: &str =
    "in on at from for of to with by during after before via through over under about into \
    since as amid against despite like near without within per toward towards among between \
    upon";

/// Sentence adverbs and conjunctions before a subject ("However, …", "But Lucero said").
const LEAD_ADV_WORDS: &str =
    "but and so yet however meanwhile still also now then regardless instead separately \
    additionally moreover indeed thus later earlier previously nevertheless nonetheless \
    furthermore or";

/// Function words and other words that are never a name, even capitalized.
const FUNCTION_WORDS: &str =
    "the a an this that these those it he she they we i you his her its their our my your but \
    and or so yet however meanwhile if when while as after before since because although \
    though there here what who why how where which regardless also still now then even just \
    only all some many most each every any no not both either neither like unlike perhaps \
    maybe according last next in on at for of to with by from during despite until unless \
    instead indeed thus meantime hours days weeks years news";

/// Months and weekdays (and their abbreviations): never names.
const MONTHS_DAYS_WORDS: &str =
    "january february march april may june july august september october november december \
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday \
    friday saturday sunday";

/// Titles and role words dropped before a name ("Sen.", "Acting Director", "Mayor").
const TITLES_WORDS: &str =
    "mayor acting director deputy executive associate senior sen senator rep representative \
    gov governor president vice secretary commissioner chief officer attorney general judge \
    justice dr mr mrs ms miss prof professor spokesman spokeswoman spokesperson councilman \
    councilwoman councilmember assemblyman assemblywoman lt sgt capt col gen detective \
    inspector agent sheriff chairman chairwoman chair rev former interim special assistant \
    counsel administrator minister prime colleague u.s us federal state sister rabbi \
    pastor reverend bishop imam cardinal";

/// Words that make a capitalized name an organisation ("… Coalition", "… Times").
const ORG_WORDS_WORDS: &str =
    "news press times post journal department dept coalition center centre office court \
    agency association institute council committee university college school police service \
    services bureau administration party union foundation group inc corp corporation company \
    llc city county ministry enforcement commission board authority network project alliance \
    league society church fund bank government congress senate house assembly tribune herald \
    reuters operations studies campaign network television radio";

/// Head nouns of role phrases ("city officials", "a spokeswoman").
const ROLE_HEADS_WORDS: &str =
    "official officials spokesman spokesmen spokeswoman spokeswomen spokesperson spokespeople \
    representative representatives director directors officer officers agent agents lawyer \
    lawyers attorney attorneys counsel chief leader leaders president secretary commissioner \
    commissioners administrator aide aides staff staffer staffers employee employees \
    advocate advocates activist activists critic critics supporter supporters opponent \
    opponents expert experts analyst analysts source sources resident residents police cops \
    prosecutor prosecutors judge judges mayor governor senator senators lawmaker lawmakers \
    legislator legislators politician politicians researcher researchers fellow scholar \
    scholars economist economists people parents neighbors witness witnesses authorities \
    spokespersons members member organizers protesters man men woman women voter voters \
    actor actress child children student students teacher teachers worker workers \
    delegate delegates candidate candidates nominee businessman billionaire host anchor \
    moderator adviser advisers advisor advisors strategist strategists consultant \
    consultants pollster pollsters insider insiders chairman chairwoman executive \
    executives founder owner narrator congressman congresswoman";

/// Head nouns of unnamed organisations ("the mayor’s office").
const ORG_HEADS_WORDS: &str =
    "office department agency campaign council committee board commission company ministry \
    administration government coalition organization organisation group union";

/// Head nouns of documents ("a press release", "the statement").
const DOC_HEADS_WORDS: &str =
    "release releases statement statements report letter memo email e-mail complaint filing \
    lawsuit ruling order document documents notice announcement tweet post affidavit study \
    survey analysis bulletin advisory transcript";

/// Heads whose modifier organisation is the real source ("an ICE official",
/// "a spokeswoman for the coalition", "a statement from ICE").
const REP_HEADS_WORDS: &str =
    "official officials spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople \
    representative representatives director officer officers agent agents lawyer lawyers \
    attorney attorneys counsel aide aides staff staffer staffers employee employees release \
    releases statement statements email e-mail letter memo report tweet post filing \
    announcement notice administration bulletin advisory office campaign";

/// Determiners allowed before a name or role phrase.
const DETERMINERS_WORDS: &str = "the a an his her its their our my your some two three several";

/// Verbs that put a label on something (`called the men “criminal aliens”`, `described
/// it as “a remnant”`): the quoted label is the subject's words (`rules/quoted_label.rs`).
const LABEL_VERBS_WORDS: &str =
    "call calls called calling dub dubs dubbed dubbing labels labeled labelled labeling \
    labelling branded branding termed describe describes described describing characterize \
    characterizes characterized characterizing characterise characterised refer refers \
    referred referring deride derides derided deriding dismiss dismisses dismissed \
    dismissing hailed hails hailing touted touts touting cited cites";

/// Label verbs of [`LABEL_VERBS_WORDS`] whose label follows "as" (`described it as
/// “…”`), not the object itself.
const LABEL_AS_WORDS: &str =
    "describe describes described describing characterize characterizes characterized \
    characterizing characterise characterised refer refers referred referring deride \
    derides derided deriding dismiss dismisses dismissed dismissing hailed hails hailing \
    touted touts touting";

/// A cue preceded by one of these is a noun ("the requests", "its claims").
const NOUN_PRE_WORDS: &str =
    "the a an its their his her our your my this these those of with for to in on by from at \
    no any some such many several every each";

/// Forms of "be": before a participle they make it finite ("is saying").
const BE_AUX_WORDS: &str = "is are was were been being be am";

/// Passive auxiliaries: "was told" is no cue.
const PASSIVE_AUX_WORDS: &str = "is are was were been being be am get gets got";

/// Auxiliaries/adverbs between a subject and its speech verb.
const AUX_ADV_WORDS: &str =
    "has have had is are was were will would could should may might can did does do also \
    later then previously repeatedly recently again earlier further reportedly publicly once \
    often already separately similarly frequently been first simply openly angrily flatly \
    bluntly privately";

/// Words that open a clause: a cue's subject starts after them.
const CLAUSE_BOUNDARY_WORDS: &str =
    "that who which whom whose because although though whereas while when if where since \
    unless after before until as what how why whether";

/// What may follow a cue in a sentence that only introduces the next quote
/// ("Albence said in a statement.").
const TAIL_START_WORDS: &str =
    "in on at during via through from after before yesterday today tonight monday tuesday \
    wednesday thursday friday saturday sunday this last earlier later recently again as \
    while when";

/// A word list id: one bit in the bit set [`super::word_lookup`] keeps per word.
#[derive(Debug, Clone, Copy)]
pub(super) struct L(pub(super) u32);

pub(super) const ABBREV: L = L(1 << 0);
pub(super) const PARTICLES: L = L(1 << 1);
pub(super) const CONNECTORS: L = L(1 << 2);
pub(super) const PREPS: L = L(1 << 3);
pub(super) const LEAD_ADV: L = L(1 << 4);
pub(super) const FUNCTION: L = L(1 << 5);
pub(super) const MONTHS_DAYS: L = L(1 << 6);
pub(super) const TITLES: L = L(1 << 7);
pub(super) const ORG_WORDS: L = L(1 << 8);
pub(super) const ROLE_HEADS: L = L(1 << 9);
pub(super) const ORG_HEADS: L = L(1 << 10);
pub(super) const DOC_HEADS: L = L(1 << 11);
pub(super) const REP_HEADS: L = L(1 << 12);
pub(super) const DETERMINERS: L = L(1 << 13);
pub(super) const SAY_FINITE: L = L(1 << 14);
pub(super) const SAY_ING: L = L(1 << 15);
pub(super) const NOUN_PRE: L = L(1 << 16);
pub(super) const BE_AUX: L = L(1 << 17);
pub(super) const PASSIVE_AUX: L = L(1 << 18);
pub(super) const AUX_ADV: L = L(1 << 19);
pub(super) const CLAUSE_BOUNDARY: L = L(1 << 20);
pub(super) const TAIL_START: L = L(1 << 21);
/// Every word a speech cue of `cues.yaml` starts with ("said", "pointed").
pub(super) const CUE_START: L = L(1 << 22);
pub(super) const LABEL_VERBS: L = L(1 << 23);
pub(super) const LABEL_AS: L = L(1 << 24);

/// Every list with its words. The speech verbs (`SAY_FINITE`, `SAY_ING`, `CUE_START`)
/// come from `cues.yaml` (see [`super::cue_list`]).
pub(super) const LISTS: &[(L, &str)] = &[
    (ABBREV, ABBREV_WORDS),
    (PARTICLES, PARTICLES_WORDS),
    (CONNECTORS, CONNECTORS_WORDS),
    (PREPS, PREPS_WORDS),
    (LEAD_ADV, LEAD_ADV_WORDS),
    (FUNCTION, FUNCTION_WORDS),
    (MONTHS_DAYS, MONTHS_DAYS_WORDS),
    (TITLES, TITLES_WORDS),
    (ORG_WORDS, ORG_WORDS_WORDS),
    (ROLE_HEADS, ROLE_HEADS_WORDS),
    (ORG_HEADS, ORG_HEADS_WORDS),
    (DOC_HEADS, DOC_HEADS_WORDS),
    (REP_HEADS, REP_HEADS_WORDS),
    (DETERMINERS, DETERMINERS_WORDS),
    (NOUN_PRE, NOUN_PRE_WORDS),
    (BE_AUX, BE_AUX_WORDS),
    (PASSIVE_AUX, PASSIVE_AUX_WORDS),
    (AUX_ADV, AUX_ADV_WORDS),
    (CLAUSE_BOUNDARY, CLAUSE_BOUNDARY_WORDS),
    (TAIL_START, TAIL_START_WORDS),
    (LABEL_VERBS, LABEL_VERBS_WORDS),
    (LABEL_AS, LABEL_AS_WORDS),
];

/// The lowercase cue words `Ctx::cue_at` (in [`super::cues`]) reads besides the cues of
/// `cues.yaml`: their speaker follows them.
pub(super) const OTHER_CUE_WORDS: [&str; 4] = ["according", "quoting", "citing", "quoted"];
