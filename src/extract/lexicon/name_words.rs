//! Words in and around names: the particles and connectors inside them, the words that end
//! or cut them, the endings of peoples' names, the titles, legal forms and nouns that a
//! company's, a government body's or an office's name stands with.

/// Particles written in lowercase inside a name, before the surname ("Bill de Blasio", "Osama
/// bin Laden").
#[rustfmt::skip]
pub const LOWERCASE_NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "la", "le", "da", "di", "du", "del", "der", "ibn", "dos", "el",
];

/// Words between the capitalized words of an organization's name ("Council on Foreign
/// Relations", "Bank of America", "Procter & Gamble").
pub const ORG_NAME_CONNECTORS: &[&str] = &["of", "for", "and", "on", "the", "de", "in", "&"];

/// Lowercase words inside an office's "of" phrase ("Assistant Secretary of the Air Force for
/// Acquisition").
pub const OFFICE_CONNECTORS: &[&str] = &["the", "for", "of", "and"];

/// Endings of the adjectives and plurals of peoples, parties and faiths ("American",
/// "Democratic", "British", "Chinese", "Republicans").
#[rustfmt::skip]
pub const PEOPLE_ADJECTIVE_ENDINGS: &[&str] = &[
    "an", "ans", "ic", "ics", "ish", "ese", "ist", "ists", "ats", "ers",
];

/// Endings of a people's plural ("Americans", "Chinese", "Israelites").
pub const DEMONYM_PLURAL_ENDINGS: &[&str] = &["ans", "ese", "ians", "ites", "ists"];

/// Whether `l` (lowercase) joins the words of a name ("Bank of England", "Procter & Gamble",
/// "Charles de Gaulle"): no initial of it counts.
#[rustfmt::skip]
pub fn is_name_connector(l: &str) -> bool {
    matches!(l,
        "of" | "the" | "and" | "for" | "de" | "&" | "du" | "des" | "la" | "le" | "on" | "in" | "a" | "an"
        | "at" | "to" | "y" | "del" | "der" | "von" | "van"
    )
}

/// Whether `w` is a connector or a particle that leaves a name unfinished at its end ("State
/// of", "Carnegie Endowment for").
pub fn is_dangling_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "de" | "du" | "des" | "von" | "van" | "der" | "del")
}

/// Whether `w` is a preposition that joins an organization's head to the name after it
/// ("Carnegie Endowment for International Peace", "Council on Foreign Relations").
pub fn is_org_joining_preposition(w: &str) -> bool {
    matches!(w, "for" | "of" | "on")
}

/// Whether `w` is a capitalized determiner or pronoun that opens the next sentence, no part of
/// the name before it ("the U.S. The proposal").
#[rustfmt::skip]
pub fn is_sentence_opener(w: &str) -> bool {
    matches!(w,
        "The" | "A" | "An" | "This" | "That" | "These" | "Those" | "It" | "He" | "She" | "We" | "They"
        | "I"
    )
}

/// Whether `w` is a minister's title written after a department ("Defense Secretary", "Foreign
/// Minister").
pub fn is_minister_title(w: &str) -> bool {
    matches!(w, "Secretary" | "Minister" | "secretary" | "minister")
}

/// Whether `w` is letters in capitals written after a name (honours, offices, "MD", "Jr"), no
/// product's model ("Guy Hale QC").
#[rustfmt::skip]
pub fn is_capital_post_nominal(w: &str) -> bool {
    matches!(w,
        "QC" | "KC" | "MP" | "MEP" | "MSP" | "AM" | "OBE" | "MBE" | "CBE" | "KBE" | "MD" | "JR" | "SR"
        | "DJ" | "MC"
    )
}

/// Whether `name` is a legislature or a government body named by its head word alone, which
/// is its name ("Congress", "the Senate").
pub fn is_government_body(name: &str) -> bool {
    matches!(name, "Congress" | "Assembly" | "Senate" | "House" | "Parliament" | "Cabinet")
}

/// Whether `w` is a determiner (or "new") before a name that makes it a common noun's use of a
/// product's or an organization's name ("the iPod", "its Mac"); case matters.
pub fn is_name_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "its" | "their" | "our" | "your" | "new" | "The")
}

/// Whether `w` is a preposition between a company's noun and its name ("a stake in Chrysler",
/// "employees of Ford").
pub fn is_company_object_preposition(w: &str) -> bool {
    matches!(w, "in" | "of" | "at" | "for")
}

/// Whether `w` is a noun of a company's stake, staff or parts, written before a preposition and
/// its name ("a stake in Chrysler", "employees of Ford", "CEO of Apple").
#[rustfmt::skip]
pub fn is_company_noun(w: &str) -> bool {
    matches!(w,
        "stake" | "shares" | "employees" | "workers" | "chairman" | "chairwoman" | "executives" | "CEO"
        | "spokesman" | "spokeswoman" | "spokesperson" | "bankruptcy" | "founder" | "co-founder"
        | "subsidiary" | "unit" | "division"
    )
}

/// Whether `w` is a company's legal form or officer written after its name ("Ford Inc.",
/// "Apple CEO").
pub fn is_company_designator(w: &str) -> bool {
    matches!(w, "Inc" | "Inc." | "Corp" | "Corp." | "Ltd" | "Ltd." | "LLC" | "PLC" | "CEO" | "CFO")
}

/// Whether `w` is the word after "Chief" in a company officer's title ("Chief Executive").
pub fn is_chief_officer_word(w: &str) -> bool {
    matches!(w, "Executive" | "Operating" | "Financial")
}

/// Whether `w` is a plural verb that makes the one-word name before it a team's or a company's
/// ("Chelsea have", "Sony were").
pub fn is_plural_verb(w: &str) -> bool {
    matches!(w, "have" | "were" | "are")
}

/// Whether `w` is a conjunction after which a name opens a clause as its subject ("but Sony
/// were").
pub fn is_clause_conjunction(w: &str) -> bool {
    matches!(w, "that" | "but" | "if" | "when" | "while" | "because" | "as")
}

/// Whether `w` is a minister's title written before "of" and a department ("Minister of
/// Strategic Affairs"): [`is_minister_title`] or "Ministers".
pub fn is_minister_title_before_of(w: &str) -> bool {
    is_minister_title(w) || w == "Ministers"
}

/// Whether `w` ends as the plural of a people or of a faith's or a party's members does
/// ("Bangladeshis", "Muslims", "Israelites", "Democrats").
pub fn has_people_plural_ending(w: &str) -> bool {
    w.ends_with("ians")
        || w.ends_with("ans")
        || w.ends_with("ims")
        || w.ends_with("is")
        || w.ends_with("ists")
        || w.ends_with("ites")
        || w.ends_with("ics")
        || w.ends_with("ats")
}

/// The abbreviated title of the office that a lowercase noun of role names ("senator" and
/// "Sen."), if it has one.
pub fn short_title(head: &str) -> Option<&'static str> {
    match head {
        "senator" => Some("Sen."),
        "governor" => Some("Gov."),
        "representative" | "congressman" | "congresswoman" => Some("Rep."),
        "general" => Some("Gen."),
        "president" => Some("President"),
        _ => None,
    }
}
