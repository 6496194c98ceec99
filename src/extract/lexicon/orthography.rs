//! Conventions of the written page: abbreviations that keep their period, elisions written
//! with an apostrophe, the rubric words of headlines.

/// Abbreviations that keep their period, lowercase and without it (so that "Mr." or "Sen."
/// ends no sentence).
#[rustfmt::skip]
pub const PERIOD_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "reps", "gov", "gen", "lt", "col", "capt", "sgt", "adm", "prof",
    "rev", "hon", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "pres", "gens", "cmdr", "maj", "sens", "messrs",
    "supt", "insp", "det", "atty", "lieut",
];

/// Abbreviations that keep their period in the entity tokenizer, as they are written without it
/// (titles, months, US states, forms of companies, streets).
#[rustfmt::skip]
pub const CASED_PERIOD_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Maj", "Adm",
    "Cmdr", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Mt", "Ft", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Calif", "Ariz", "Fla",
    "Ga", "Ill", "Mass", "Mich", "Minn", "Wash", "Va", "Pa", "Tenn", "Tex", "Conn", "Colo", "Ky", "La",
    "Md", "Mo", "Nev", "Okla", "Ore", "Wis", "Ala", "Ark", "Del", "Ind", "Kan", "Miss", "Neb", "Vt", "Wyo",
    "Pres", "Messrs", "Mme", "Mlle", "Dept", "vs", "Vs", "Univ", "Assn", "Cie", "Plc", "Pty", "Bhd", "Mfg",
    "Intl", "Natl", "Ste", "Blvd", "Rd",
];

/// Words an apostrophe opens for letters dropped before them ("'em", "'til", "'cause",
/// "'twas", rock 'n' roll), and "s": after one, the apostrophe is no quotation mark.
#[rustfmt::skip]
pub const ELISIONS: &[&str] = &[
    "em", "til", "cause", "n", "tis", "twas", "bout", "round", "nuff", "cos", "s",
];

/// Words of a headline or a rubric in capitals before a colon ("FIX IS IN: ...", "UPDATE:",
/// "WATCH:"): no speaker's name.
#[rustfmt::skip]
pub const HEADLINE_LABEL_WORDS: &[&str] = &[
    "is", "in", "the", "of", "to", "a", "and", "on", "for", "breaking", "update", "watch", "video",
    "exclusive", "photos", "note", "editor's", "abstract",
];
