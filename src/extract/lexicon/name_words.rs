//! Words in and around names: the particles and connectors inside them, the words that end
//! or cut them, the endings of peoples' names, the titles, legal forms and nouns that a
//! company's, a government body's or an office's name stands with.

/// Particles written in lowercase inside a name, before the surname ("Bill de Blasio", "Osama
/// bin Laden").
#[rustfmt::skip]
pub const LOWERCASE_NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "la", "le", "da", "di", "du", "del", "der", "ibn", "dos", "el",
];
