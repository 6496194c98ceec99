//! Nouns that stand for a speaker in a description: nouns of persons ("the woman", "the
//! economist"), of party members, of documents that say what their author wrote, and of
//! institutions that speak under their own or their owner's name.

/// Nouns that refer back to a person ("the woman", "the father of three").
#[rustfmt::skip]
pub const PERSON_NOUNS: &[&str] = &[
    "man", "woman", "person", "mother", "father", "wife", "husband", "son", "daughter", "brother",
    "sister", "boy", "girl", "native", "resident", "man's", "politician", "lawmaker", "incumbent",
    "challenger", "frontrunner", "front-runner", "hopeful", "newcomer", "veteran", "star", "host",
    "author", "writer", "model", "mogul", "tycoon", "magnate", "billionaire", "millionaire",
];

/// Members of a party, capitalized as the party is ("the Texas Republican", "the New Mexico
/// Democrat"): with a determiner they describe a person, they do not name one.
pub const PARTY_MEMBERS: &[&str] = &["democrat", "republican", "libertarian", "independent", "socialist"];

/// Endings of nouns that name a person by what they do ("economist", "neurosurgeon",
/// "physician", "historian"), from English derivational morphology.
pub const AGENT_NOUN_ENDINGS: &[&str] = &["ist", "geon", "ician", "ian"];

/// Whether `w` is a noun of a person by its ending ([`AGENT_NOUN_ENDINGS`]), lowercase, of six
/// letters or more.
pub fn agent_noun(w: &str) -> bool {
    w.len() >= 6 && w.starts_with(char::is_lowercase) && AGENT_NOUN_ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Nouns of documents and messages that "say" what their author wrote ("the statement said",
/// "the ad claims", "the email reads", "the suit alleges").
#[rustfmt::skip]
pub const DOCUMENT_NOUNS: &[&str] = &[
    "statement", "email", "e-mail", "report", "column", "editorial", "ad", "advertisement",
    "commercial", "letter", "memo", "tweet", "post", "release", "affidavit", "complaint", "filing",
    "op-ed", "essay", "blog", "book", "transcript", "message", "note", "video", "petition",
    "speech", "remarks", "announcement", "proposal", "plan", "platform", "website", "page", "suit",
    "lawsuit",
];

/// Institutions that speak under their owner's name ("the Clinton campaign", "the Obama
/// administration", "China's foreign ministry").
pub const OWNED_INSTITUTIONS: &[&str] =
    &["campaign", "administration", "government", "ministry", "department", "embassy", "camp", "team"];

/// A person's own channels of publishing, which speak for their holder ("her Twitter account
/// posted", "his Facebook page").
pub const PERSONAL_CHANNELS: &[&str] = &["account", "feed", "page", "channel", "blog"];

/// Nouns that refer back to a business ("the company said"), and the heads of organizations'
/// names (of `ORG_HEADS`) that a business's name may end with.
pub const COMPANY_NOUNS: &[&str] = &["company", "firm", "corporation"];
pub const COMPANY_HEADS: &[&str] = &["Corporation", "Group", "Bank", "Fund", "Trust", "Network", "Service"];

/// Nouns that refer back to an institution ("the agency", "the newspaper", "the group").
#[rustfmt::skip]
pub const INSTITUTION_NOUNS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "group",
    "organization",
    "organisation",
    "board",
    "campaign",
    "newspaper",
    "paper",
    "magazine",
    "network",
    "company",
    "firm",
    "corporation",
    "committee",
    "council",
    "commission",
    "union",
    "coalition",
    "institute",
    "foundation",
    "association",
    "administration",
    "government",
    "office",
    "bureau",
    "court",
    "party",
    "team",
    "editorial",
    "outlet",
    "publication",
    "website",
    "charity",
    "nonprofit",
    "think-tank",
    "tank",
    "university",
    "school",
    "hospital",
    "bank",
    "club",
    "league",
    "federation",
    "alliance",
];
