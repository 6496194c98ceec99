//! Closed classes of English grammar (articles and other determiners, pronouns, prepositions,
//! conjunctions, auxiliaries, adverbs and particles) and words of time, in the sets the rules
//! ask about: each list holds the words of those classes that play one part in one context.

/// The articles.
pub const ARTICLES: &[&str] = &["the", "a", "an"];

/// The articles and the possessive determiners.
#[rustfmt::skip]
pub const ARTICLES_AND_POSSESSIVES: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
];

/// Articles and the singular demonstratives, which open a description of a person ("the New
/// Jersey governor", "that official").
pub const DESCRIPTION_DETERMINERS: &[&str] = &["the", "a", "an", "this", "that"];

/// Determiners that open the noun of a document whose author is sought ("the statement", "his
/// email").
pub const DOCUMENT_DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "its", "his", "her", "their"];

/// Determiners that open a description by a noun of role ("the Florida senator", "our
/// correspondent").
#[rustfmt::skip]
pub const ROLE_DESCRIPTION_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their", "our",
];

/// Articles and possessive determiners that open a noun phrase a name stands in apposition to
/// ("while his wife, Mary Stone, ran a charity").
pub const APPOSITIVE_DETERMINERS: &[&str] = &["his", "her", "their", "its", "the", "our", "my", "a", "an"];

/// Determiners that open the subject of the main clause after an introductory phrase's comma
/// ("When asked ..., the senator said").
#[rustfmt::skip]
pub const CLAUSE_SUBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "this", "that", "his", "her", "their",
];

/// Determiners that open a common noun phrase as a sentence's subject ("The ad targets",
/// "Another tweeted", "Several aides said").
#[rustfmt::skip]
pub const SUBJECT_NP_DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "this", "that", "these", "those", "one", "some", "many", "several", "his",
    "her", "their", "its",
];

/// Determiners that open an object: a word before one is a verb or a preposition ("his
/// campaign sent a text").
#[rustfmt::skip]
pub const OBJECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "these", "those", "our",
];

/// Words of [`DETERMINERS`](super::DETERMINERS) that are adjectives or numerals, after which a
/// noun phrase goes on leftward ("the top aide", "two senior aides").
pub const NUMERAL_DETERMINERS: &[&str] = &["top", "senior", "two", "three", "four", "five", "one"];

/// Words of quantity that open a subject on their own or before "of" ("Hundreds of
/// demonstrators marched", "Many said").
#[rustfmt::skip]
pub const QUANTITY_WORDS: &[&str] = &[
    "hundreds", "thousands", "dozens", "millions", "most", "others", "both", "few", "all", "many", "some",
    "several",
];

/// Pronouns that name no person speaker on their own: "it" (a thing or a body), "you" (the
/// one spoken to, or anyone) and the relative "who".
pub const NON_PERSON_PRONOUNS: &[&str] = &["it", "you", "who"];

/// The pronouns of [`PRONOUNS`](super::PRONOUNS) but "he", "she" and "they".
pub const PRONOUNS_BUT_HE_SHE_THEY: &[&str] = &["it", "who", "you", "i", "we"];

/// The pronouns of [`PRONOUNS`](super::PRONOUNS) but "he" and "she".
pub const PRONOUNS_BUT_HE_SHE: &[&str] = &["it", "you", "who", "we", "they", "i"];

/// Pronouns by which the words of a quotation speak of its speaker and the speaker's side
/// ("it", "they", "I", "we").
pub const IN_QUOTE_PRONOUNS: &[&str] = &["it", "they", "i", "we"];

/// The singular third-person pronouns of a person, subject and possessive.
pub const HE_SHE_PRONOUNS: &[&str] = &["his", "her", "he", "she"];

/// The masculine pronouns but "him" (as often another's): subject, possessive and reflexive.
pub const MASCULINE_PRONOUNS: &[&str] = &["he", "his", "himself"];

/// The feminine pronouns but "her" (as often another's): subject and reflexive.
pub const FEMININE_PRONOUNS: &[&str] = &["she", "herself"];

/// Prepositions of a phrase that belongs to the noun before it ("the campaign of his wife",
/// "an aide to the senator").
#[rustfmt::skip]
pub const POSTMODIFIER_PREPOSITIONS: &[&str] = &[
    "of", "on", "in", "at", "for", "from", "with", "to", "by", "about",
];

/// Prepositions (and "than", "like") whose object a name before a colon is ("contrasted him
/// with Clinton:"): it labels no speaker.
#[rustfmt::skip]
pub const OBJECT_PREPOSITIONS: &[&str] = &[
    "with", "to", "of", "for", "from", "about", "against", "at", "on", "in", "by", "than", "like",
];

/// Prepositions before a place's name in an appositive ("of Eastport", "near Austin").
pub const PLACE_PREPOSITIONS: &[&str] = &["of", "from", "in", "at", "near"];

/// Prepositions and articles: a capitalized word after one is no subject ("in Washington",
/// "the Post").
#[rustfmt::skip]
pub const PREPOSITIONS_AND_ARTICLES: &[&str] = &[
    "in", "at", "on", "from", "of", "to", "for", "with", "by", "about", "against", "during", "after",
    "before", "into", "over", "under", "since", "than", "like", "unlike", "near", "the", "a", "an",
];

/// Prepositions of four letters or more that Title Case may leave in lowercase ("The Late Hour
/// with Nora Quill").
#[rustfmt::skip]
pub const TITLE_CASE_LONG_PREPOSITIONS: &[&str] = &[
    "with", "from", "into", "over", "upon", "onto", "without",
];

/// Prepositions that link a person to the body or place of their affiliation ("Ana Ruiz of
/// the Harbor Institute").
pub const AFFILIATION_PREPOSITIONS: &[&str] = &["of", "from", "at"];

/// Prepositions of a modifier of the subject's noun that holds a name ("A letter from the
/// American Legion ... warns").
pub const MODIFIER_PREPOSITIONS: &[&str] = &["by", "of", "from", "for", "with", "at"];

/// Prepositions and past participles that open a modifier after a noun ("A letter from the
/// American Legion obtained by The Associated Press").
#[rustfmt::skip]
pub const NOUN_MODIFIER_OPENERS: &[&str] = &[
    "from", "of", "by", "for", "with", "at", "in", "on", "obtained", "owned", "released", "issued",
    "written", "signed", "sent", "published", "filed", "led", "run", "produced", "commissioned",
    "conducted",
];

/// Prepositions before a word of time ("on Monday", "in March", "at noon").
pub const TIME_PREPOSITIONS: &[&str] = &["on", "in", "at"];

/// Relative pronouns, prepositions and conjunctions that end a noun phrase after its head.
#[rustfmt::skip]
pub const PHRASE_ENDERS: &[&str] = &[
    "who", "that", "which", "in", "on", "at", "during", "after", "when", "while", "as",
];

/// Prepositions after a sentence-opening participle in "-ed" that make it an introductory
/// phrase ("Reached by POLITICO, ...", "Preceded on stage by ...").
#[rustfmt::skip]
pub const PARTICIPLE_PHRASE_PREPOSITIONS: &[&str] = &[
    "by", "about", "on", "for", "in", "at", "with", "after", "from", "to",
];

/// Words after a sentence-opening adverb in "-ly" that make it an introductory phrase
/// ("Immediately after", "Shortly before", "Interestingly enough").
#[rustfmt::skip]
pub const ADVERB_PHRASE_FOLLOWERS: &[&str] = &[
    "after", "before", "in", "on", "at", "for", "with", "to", "since", "following", "upon", "enough",
];

/// Adverb particles of phrasal verbs ("sent out", "backed down").
pub const ADVERB_PARTICLES: &[&str] = &["out", "up", "off", "down", "back", "over"];

/// Prepositions after a phrasal verb's particle ("an email sent out by Price").
pub const PHRASAL_VERB_PREPOSITIONS: &[&str] = &["by", "to", "with", "for", "from", "on", "in"];

/// Prepositions after a noun of role whose object is the one served ("aide to President Bush",
/// "spokesman for Clinton").
pub const ROLE_PREPOSITIONS: &[&str] = &["to", "for", "of", "at", "with"];

/// Prepositions whose object a name is inside the subject's phrase ("the head of Y said").
pub const SUBJECT_PHRASE_PREPOSITIONS: &[&str] = &["of", "at", "from", "in", "for", "with"];

/// Prepositions that link a document to the one it is by, named after it ("a statement by the
/// group", "a column in the Asahi newspaper").
pub const DOCUMENT_AUTHOR_PREPOSITIONS: &[&str] = &["by", "from", "of", "in"];

/// Subordinating conjunctions: a clause one opens after a quote has its own cue ("“...” until
/// Haley said").
#[rustfmt::skip]
pub const SUBORDINATING_CONJUNCTIONS: &[&str] = &[
    "until", "because", "when", "while", "after", "before", "since", "if", "though", "although", "unless",
    "whereas", "once",
];

/// Words of [`INTRO_OPENERS`](super::INTRO_OPENERS) that open a clause, which may hold commas
/// of its own ("When asked ..., Ms. X"), not a prepositional phrase.
#[rustfmt::skip]
pub const CLAUSE_INTRO_OPENERS: &[&str] = &[
    "when", "while", "as", "if", "although", "though", "because", "since", "once", "until", "asked",
    "speaking", "after", "before",
];

/// Conjunctions and relative pronouns that open a clause of their own after a verb ("X said
/// ..., and Y told").
pub const NEW_CLAUSE_OPENERS: &[&str] = &["and", "but", "while", "whereas", "who", "which"];

/// Conjunctions and adverbs after which a pronoun opens a main clause ("and he went on").
pub const PRONOUN_CLAUSE_JOINERS: &[&str] = &["and", "but", "then", "so"];

/// Coordinating conjunctions and "then": a noun phrase after one opens a main clause ("and his
/// wife, Mary Stone, said").
pub const MAIN_CLAUSE_COORDINATORS: &[&str] = &["and", "but", "so", "then", "yet"];

/// Coordinating conjunctions and sentence adverbs before a name that leave it the subject of a
/// main clause ("and Clinton said", "meanwhile Trump").
#[rustfmt::skip]
pub const MAIN_CLAUSE_LINKERS: &[&str] = &[
    "and", "but", "or", "so", "then", "yet", "meanwhile", "however", "also", "still", "now", "later",
];

/// Conjunctions and adverbs that may open a sentence before its pronoun subject ("And he
/// said", "Later she added").
pub const SENTENCE_LINKERS: &[&str] = &["and", "but", "yet", "so", "still", "then", "now", "also", "later"];

/// Words that open no appositive after a name's comma but a clause or a phrase of their own:
/// relatives, conjunctions, prepositions, speech verbs, pronouns.
#[rustfmt::skip]
pub const NOT_APPOSITIVE_OPENERS: &[&str] = &[
    "who", "which", "that", "when", "where", "while", "as", "but", "and", "because", "if", "although",
    "though", "in", "on", "at", "for", "with", "from", "by", "during", "after", "before", "to", "of",
    "according", "so", "then", "not", "also", "said", "says", "told", "it", "he", "she", "they", "we", "i",
];

/// Auxiliaries, common verbs and "who" after a comma that close an appositive: the sentence's
/// verb follows ("..., a senator, has said", "..., an aide, met ...").
#[rustfmt::skip]
pub const VERBS_AFTER_APPOSITIVE: &[&str] = &[
    "according", "has", "have", "is", "was", "will", "would", "did", "does", "who", "spoke", "met", "went",
    "came", "took", "gave", "made", "sat", "stood", "ran", "won", "lost",
];

/// Modal verbs and the infinitive marker "to": a verb after one is no finite verb of the
/// sentence.
pub const MODALS_AND_TO: &[&str] = &["would", "will", "could", "should", "might", "can", "may", "to"];

/// Participles and adverbs after a name's "'s" that make it "has" or "is" ("Fisk's been making
/// the case").
#[rustfmt::skip]
pub const S_CONTRACTION_FOLLOWERS: &[&str] = &[
    "been", "got", "gotten", "going", "not", "never", "also", "already", "long", "always",
];

/// Words in "-ly" that are no adverbs of manner ("rally", "July", "family", "early").
pub const LY_NON_ADVERBS: &[&str] = &["rally", "ally", "italy", "july", "family", "early"];

/// Adverbs before an introductory phrase's opener ("Even before ...", "Shortly after ...").
pub const INTRO_INTENSIFIERS: &[&str] = &["even", "just", "only", "shortly", "long", "right", "soon"];

/// Words before a day's name in a phrase of time ("on Saturday", "last Friday", "late
/// Thursday").
pub const DAY_MODIFIERS: &[&str] = &["on", "last", "this", "late", "early"];

/// Participles that introduce the name of the person a description is ("the base chief known
/// as Bob", "a woman named Ana Ruiz").
pub const NAMING_PARTICIPLES: &[&str] =
    &["known as", "named", "called", "identified as", "nicknamed", "dubbed"];

/// Modifiers that put an office in the past ("the former New Jersey governor", "ex-president",
/// "the late senator"): such an office is not the one a description without them names.
pub const PAST_OFFICE_MODIFIERS: &[&str] = &["former", "ex", "late", "onetime", "one-time", "erstwhile"];

/// Adverbs of time before a day's name ("later Thursday", "early Monday").
pub const RELATIVE_TIME_ADVERBS: &[&str] = &["later", "earlier", "late", "early"];

/// The parts of the day ("Tuesday night").
pub const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Nouns of time and the adjectives of a phrase of time ("the same day", "the next week", "the
/// first time"): no subject.
#[rustfmt::skip]
pub const TIME_PHRASE_WORDS: &[&str] = &[
    "day", "days", "time", "times", "week", "weeks", "year", "years", "month", "months", "hour", "hours",
    "minute", "minutes", "moment", "point", "same", "next", "following", "other", "previous", "first",
];

/// Endings of inflected verbs and of adverbs ("-ed", "-ing", "-ly", "-s").
pub const INFLECTION_ENDINGS: &[&str] = &["ed", "ing", "ly", "s"];

/// Prepositions that make the name after them the object of a phrase, never a clause's subject
/// ("Like Allen, their days begin early"). "After" and "Before" can open a clause, and "To" and
/// "For" name the one whose view the sentence gives ("To Wilson, the party line is silly. “...,”
/// he said"): they are not among them.
#[rustfmt::skip]
pub const PHRASE_PREPOSITIONS: &[&str] = &[
    "like", "unlike", "with", "without", "from", "by", "despite", "against", "among",
    "besides", "beside", "toward", "towards", "including", "except", "via", "than", "of", "about",
    "behind", "beyond", "between", "under", "near", "alongside", "along", "upon", "onto", "into",
];
