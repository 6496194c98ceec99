//! The speech verbs the quote finder takes as cues: the common verbs of saying and their
//! inflections, Levin's (1993) verbs of manner of speaking (37.3) and of saying (37.7), and the
//! verbs news copy uses to report or characterize what someone said ("blasted", "tweeted"),
//! some with the colon or comma a cue is written with ("added:", "wrote,"); and the words
//! around a speech verb that make it a cue or none in its context ("call for", "was
//! reported", "in a statement").

/// How a speech verb takes its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechVerb {
    /// said, told: takes its subject before it, or after it when inverted
    Finite,
    /// saying, adding: takes the subject of its clause
    Participle,
}

/// The speech verb `l` (lowercased) is, if any.
#[rustfmt::skip]
pub fn speech_verb(l: &str) -> Option<SpeechVerb> {
match l {
    "said" | "says" | "say" | "told" | "tells" | "wrote" | "writes" | "added" | "adds" | "asked"
    | "asks" | "tweeted" | "tweets" | "stated" | "declared" | "declares" | "explained" | "explains"
    | "noted" | "notes" | "continued" | "continues" | "replied" | "replies" | "responded"
    | "responds" | "answered" | "answers" | "recalled" | "recalls" | "claimed" | "claims"
    | "insisted" | "insists" | "argued" | "argues" | "warned" | "warns" | "concluded" | "concludes"
    | "admitted" | "admits" | "acknowledged" | "acknowledges" | "predicted" | "predicts"
    | "announced" | "announces" | "remarked" | "joked" | "jokes" | "quipped" | "quips" | "exclaimed"
    | "shouted" | "shouts" | "chanted" | "yelled" | "screamed" | "complained" | "complains"
    | "observed" | "observes" | "mused" | "muses" | "wondered" | "wonders" | "reported" | "reports"
    | "read" | "reads" | "posted" | "posts" | "emailed" | "texted" | "testified" | "boasted"
    | "boasts" | "bragged" | "vowed" | "vows" | "promised" | "pledged" | "urged" | "urges"
    | "demanded" | "cautioned" | "countered" | "counters" | "retorted" | "echoed" | "stressed"
    | "stresses" | "emphasized" | "emphasised" | "maintained" | "maintains" | "contended"
    | "conceded" | "concedes" | "agreed" | "agrees" | "lamented" | "laments" | "sighed" | "whispered" | "cried"
    | "thundered" | "charged" | "alleged" | "asserted" | "asserts" | "proclaimed" | "proclaims"
    | "informed" | "assured" | "reminded" | "pleaded" | "fumed" | "scoffed" | "snapped" | "groused"
    | "griped" | "elaborated" | "summed" | "tweet" | "explain" | "added:" | "interjected" | "opined"
    | "suggested" | "suggests" | "predict" | "wrote:" | "recounted" | "described" | "describes"
    | "blasted" | "slammed" | "mocked" | "railed" | "quoted" | "shared" | "pointed" | "went" | "put"
    | "puts" | "sang" | "chanted:" | "hollered" | "barked" | "raged" | "cracked" | "teased"
    | "ranted" | "bellowed" | "stated:" | "shot" | "fired" | "hit" | "pushed" | "shout" | "yell"
    | "scream" | "chant" | "ask" | "add" | "write" | "tell" | "called" | "conclude" | "argue"
    | "note" | "warn" | "insist" | "claim" | "continue" | "respond" | "reply" | "declare" | "suggest"
    | "admit" | "acknowledge" | "recall" | "observe" | "explains:" | "wrote," | "insist," | "calls"
    | "dubbed" | "labeled" | "labelled" | "branded" | "deemed" | "referred" | "thinks" | "believes"
    | "accused" | "blamed" | "praised" | "criticized" | "hailed" | "touted" | "denounced"
    | "condemned" | "decried" | "dismissed" | "cited" | "commented" | "comments" | "mentioned"
    | "remembered" | "gushed" | "contends" | "contend" | "raved" | "recounts" | "retorts" | "notes:"
    | "fretted" | "frets" | "lashed" | "tweeted:" | "posted:" | "acknowledged:" | "marveled"
    | "mourned" | "demands" | "pleads" | "reiterated" | "reiterates" | "advised" | "advises"
    | "affirmed" | "confirmed" | "confirms" | "disclosed" | "revealed" | "reveals" | "vented"
    | "sniped" | "quips:" | "intoned" | "professed" | "swore" | "pressed" | "interrupted" | "chided"
    | "scolded" | "gloated" | "sneered" | "chimed" | "persisted" | "accuses" | "portrayed"
    | "portrays" | "assures" | "pronounced" | "retaliated" | "points" | "states"
    // Levin's (1993) verbs of manner of speaking (37.3) and of saying (37.7) not above, but
    // those that as often take a plain object or modify a noun ("expressed concern",
    // "repeated calls", "related issues")
    | "boomed" | "growled" | "grumbled" | "muttered" | "murmured" | "mumbled" | "roared"
    | "shrieked" | "snarled" | "stammered" | "wailed" | "whined" | "groaned" | "drawled"
    | "hissed" | "howled" | "moaned" | "croaked" | "blurted" | "confided" | "confessed"
    | "recommended" | "recommends" | "crowed" | "cooed" | "hollers" | "mutters" | "grumbles" => {
        Some(SpeechVerb::Finite)
    }
    "saying" | "telling" | "writing" | "adding" | "asking" | "tweeting" | "stating" | "declaring"
    | "explaining" | "noting" | "arguing" | "warning" | "insisting" | "claiming" | "chanting"
    | "shouting" | "urging" | "suggesting" | "concluding" | "continuing" | "replying" | "responding"
    | "answering" | "recalling" | "acknowledging" | "admitting" | "predicting" | "promising"
    | "vowing" | "posting" | "complaining" | "joking" | "quipping" | "boasting" | "observing"
    | "lamenting" | "describing" | "stressing" | "emphasizing" | "reminding" | "declaring:"
    | "proclaiming" | "yelling" | "musing" | "wondering" | "pleading" | "charging" | "asserting"
    | "calling" | "citing" | "accusing" | "praising" | "blaming" | "criticizing" | "referring"
    | "labeling" | "branding" | "dubbing" | "denouncing" | "commenting" | "conceding" | "recounting"
    | "reiterating" | "remembering" | "gushing"
    // (more participles of the speech verbs above)
    | "interjecting" | "retorting" | "countering" | "interrupting" | "exclaiming" | "announcing"
    | "cautioning" | "remarking" | "whispering" | "confiding" | "confessing" | "testifying"
    | "bragging" | "scoffing" | "muttering" | "grumbling" | "opining" | "elaborating"
    | "contending" | "pledging" => Some(SpeechVerb::Participle),
    _ => None,
}
}

/// The particle that makes a verb a speech cue ("put it", "shot back", "went on", "pointed
/// out", "summed up"), for the verbs that are no cue without one; `lw` is lowercased.
pub fn cue_particle(lw: &str) -> Option<&'static str> {
    Some(match lw {
        "put" | "puts" => "it",
        "shot" | "fired" | "hit" | "pushed" => "back",
        "went" => "on",
        "pointed" | "points" => "out",
        "summed" => "up",
        _ => return None,
    })
}

/// Whether `lw` (lowercase) is a form of "call", a cue unless one of [`CALL_PARTICLES`]
/// follows it.
pub fn is_call_form(lw: &str) -> bool {
    matches!(lw, "call" | "calls" | "called" | "calling")
}

/// Whether `lw` (lowercase) is a cue that is a passive participle after one of
/// [`PASSIVE_MARKERS`] ("was reported", "is widely read"; "was quoted as saying").
#[rustfmt::skip]
pub fn is_passive_cue(lw: &str) -> bool {
    matches!(lw,
        "read" | "reads" | "reported" | "reports" | "described" | "describes" | "shared" | "quoted"
        | "calling"
    )
}

/// Particles and prepositions after "call" that make another verb of it ("call for", "call on",
/// "call off"): no cue.
pub const CALL_PARTICLES: &[&str] = &["for", "on", "upon", "off", "in", "up", "out", "back"];

/// Forms of "be" (and "widely") before a passive participle ("was reported", "is widely
/// quoted").
pub const PASSIVE_MARKERS: &[&str] = &["was", "were", "is", "are", "be", "been", "being", "widely"];

/// Prepositions and determiners after which a word in "-ed" is an adjective of the noun after
/// it, no verb ("toward shared objectives", "the quoted passage").
#[rustfmt::skip]
pub const ADJECTIVAL_PARTICIPLE_OPENERS: &[&str] = &[
    "toward", "towards", "of", "for", "with", "by", "from", "into", "on", "in", "at", "the", "a", "an",
    "its", "their", "his", "her", "our",
];

/// Words before "states" that make it the plural noun, no verb ("both states", "swing states").
#[rustfmt::skip]
pub const STATES_NOUN_MODIFIERS: &[&str] = &[
    "both", "all", "many", "some", "other", "several", "southern", "northern", "western", "eastern",
    "swing", "battleground", "member", "these", "those", "two", "three", "four", "five", "in", "of",
    "across", "and",
];

/// Determiners after which a cue word is a noun ("in a tweet", "his statement", "the reports").
#[rustfmt::skip]
pub const CUE_NOUN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "such", "every",
    "each",
];

/// Cues in their plain form that are nouns as well ("a rare note", "the final answer").
pub const PLAIN_CUE_NOUNS: &[&str] = &["note", "claim", "reply", "tweet", "shout", "yell", "scream", "chant"];

/// Determiners and adjectives after which a cue in "-s" is a plural noun ("the claims", "recent
/// reports").
#[rustfmt::skip]
pub const PLURAL_NOUN_OPENERS: &[&str] = &[
    "the", "a", "his", "her", "their", "its", "our", "my", "your", "these", "those", "such", "many",
    "some", "any", "no", "recent", "earlier", "new", "public", "own", "latest", "previous", "critical",
    "controversial", "similar",
];

/// Words after a sentence-opening "Asked" that make it a participle phrase ("Asked which county
/// he liked, he demurred").
#[rustfmt::skip]
pub const ASKED_PHRASE_WORDS: &[&str] = &[
    "about", "whether", "if", "why", "what", "which", "how", "who", "when", "where", "to", "for", "by",
    "during", "on", "in", "at", "later", "again",
];

/// Words before a cue that make it a passive ("was told", "got asked") or a "when asked".
#[rustfmt::skip]
pub const PASSIVE_CUE_OPENERS: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "when", "if", "get", "got",
];

/// Nouns of the medium in "said in a statement", "said in an interview", which the cue takes in.
#[rustfmt::skip]
pub const STATEMENT_NOUNS: &[&str] = &[
    "statement", "interview", "tweet", "post", "email", "release", "letter", "speech",
];

/// Adverbs between a news outlet's name and "reported" (", Right Wing Watch first reported.").
pub const REPORTED_ADVERBS: &[&str] = &["first", "also", "later", "previously", "earlier"];

/// Words that open a cue's complement, an infinitive or an object ("He says referees are ...").
#[rustfmt::skip]
pub const CUE_COMPLEMENT_OPENERS: &[&str] = &[
    "to", "the", "a", "an", "his", "her", "their", "its", "this", "these", "those",
];

/// Verbs in "-s" or "-ed" after a subject that are no unknown verb of speech ("he has", "it
/// seems").
#[rustfmt::skip]
pub const NON_SPEECH_VERBS: &[&str] = &[
    "has", "was", "is", "does", "seems", "appears", "means", "needed", "used",
];

/// Prepositions, conjunctions and adverbs after a verb of speech that end its attribution.
#[rustfmt::skip]
pub const ATTRIBUTION_CLOSERS: &[&str] = &[
    "to", "at", "from", "in", "on", "as", "while", "before", "after", "during", "with", "matter-of-factly",
    "back", "again", "later",
];

/// Words that may follow the name signing a quote, opening where, when or in what it was said
/// ("Donald Trump on Twitter", "Bernie Sanders at a rally").
pub const SIGNATURE_PREPOSITIONS: &[&str] = &["on", "in", "at", "during", "to", "via", "before"];

/// The forms of "say" after an organization's name that show a possessive "'s" to be the
/// name's ("Moody's said").
pub const SAID_FORMS: &[&str] = &["said", "says"];

/// Speech verbs an object follows, never an inverted subject ("told CNN", "urged voters").
#[rustfmt::skip]
pub const OBJECT_TAKING_CUES: &[&str] = &[
    "told", "tells", "tell", "informed", "reminded", "assured", "urged", "thanked", "accused", "blamed",
    "praised", "criticized", "warned",
];

/// Participles that characterize or cite rather than report what is said ("calling it ...",
/// "citing ...").
#[rustfmt::skip]
pub const CHARACTERIZING_PARTICIPLES: &[&str] = &[
    "calling", "referring", "labeling", "branding", "dubbing", "citing", "accusing", "praising", "blaming",
    "criticizing", "describing", "denouncing",
];

/// Finite cues whose subject is not the speaker of a quote in a clause after them.
#[rustfmt::skip]
pub const NO_MAIN_CLAUSE_CUES: &[&str] = &[
    "read", "reads", "reported", "reports", "asked", "asks", "continued", "continues", "continue",
    "posted", "posts", "shared", "quoted", "went", "put", "shot", "fired", "hit", "pushed", "pointed",
    "called",
];
