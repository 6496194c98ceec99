//! Word tests of the entity recognizer: its lexicon lists by hash, shapes of product names,
//! initials, titles, display names, acronyms.

use super::model::*;
use super::EntityKind;
use crate::extract::lexicon::{
    ADJ_ROLES, CLUB_ROLES, ENTITY_TITLES, NEVER_NAMES, ORG_NOUNS_AFTER, ORG_NOUNS_BEFORE, ORG_SUFFIXES,
};
use std::borrow::Cow;

/// The ASCII-lowercase bytes of a word without a final period and without what follows an
/// apostrophe ("I’m" -> "i"), in a stack buffer; None if longer than 16 bytes.
pub(super) fn base_lower(w: &str) -> Option<([u8; 16], usize)> {
    let b = w.as_bytes();
    let mut n = 0;
    let mut buf = [0u8; 16];
    for (k, &c) in b.iter().enumerate() {
        // an apostrophe (' or ’) after the first letter ends the word
        if k > 0 && (c == b'\'' || (c == 0xE2 && b[k..].starts_with("’".as_bytes()))) {
            break;
        }
        if n == 16 {
            return None;
        }
        buf[n] = c.to_ascii_lowercase();
        n += 1;
    }
    while n > 0 && buf[n - 1] == b'.' {
        n -= 1;
    }
    Some((buf, n))
}

/// The word lists above, by the hash of their words: word -> bit of each list holding it.
pub(super) fn word_lists() -> &'static FastMap<u64, u8> {
    static LISTS: std::sync::OnceLock<FastMap<u64, u8>> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let mut m: FastMap<u64, u8> = FastMap::default();
        for (bit, list) in ALL_LISTS.iter().enumerate() {
            for w in list.iter() {
                *m.entry(hash_bytes(7, w.as_bytes(), false)).or_insert(0) |= 1 << bit;
            }
        }
        m
    })
}

pub(super) const ALL_LISTS: [&[&str]; 6] =
    [NEVER_NAMES, ORG_SUFFIXES, ORG_NOUNS_BEFORE, ORG_NOUNS_AFTER, ADJ_ROLES, CLUB_ROLES];

/// Indices of the lists in ALL_LISTS.
pub(super) const L_NEVER: usize = 0;
pub(super) const L_ORG_SUFFIX: usize = 1;
pub(super) const L_ORG_BEFORE: usize = 2;
pub(super) const L_ORG_AFTER: usize = 3;
pub(super) const L_ADJ: usize = 4;
pub(super) const L_CLUB: usize = 5;

/// Whether the word (lowercased as by base_lower) is in the list ALL_LISTS[bit].
pub(super) fn in_list(w: &str, bit: usize) -> bool {
    list_bits(w) & (1 << bit) != 0
}

/// The lists (bits 1 << L_*) that hold the word (lowercased as by base_lower).
pub(super) fn list_bits(w: &str) -> u8 {
    // every word of the lists has 1 to 16 letters, starts with a letter and has no dot
    if w.is_empty() || w.len() > 18 || !w.as_bytes()[0].is_ascii_alphabetic() {
        return 0;
    }
    match base_lower(w) {
        Some((buf, n)) if n > 0 => word_lists().get(&hash_bytes(7, &buf[..n], false)).copied().unwrap_or(0),
        _ => 0,
    }
}

pub(super) fn never_name(w: &str) -> bool {
    in_list(w, L_NEVER)
}

/// "iPod", "eHow", "iTunes": a lowercase letter and then a capital, as products are named.
pub(super) fn camel_product(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && b[0].is_ascii_lowercase() && b[1].is_ascii_uppercase()
}

/// A plural of a people or an abbreviation ("Muslims", "Bangladeshis", "SUVs", "CDs").
pub(super) fn plural_word(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    if n < 3 || b[n - 1] != b's' {
        return false;
    }
    let stem = &b[..n - 1];
    if stem.len() >= 2 && stem.iter().all(|c| c.is_ascii_uppercase()) {
        return true;
    }
    n >= 6
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(|c| c.is_ascii_lowercase())
        && crate::extract::lexicon::has_people_plural_ending(w)
}

/// A name with an abbreviation or a number after its first word ("Mac OS X", "Vickers VC-10"),
/// as products are named; roman numerals and "Jr" excepted.
pub(super) fn product_words(words: &[&str]) -> bool {
    words.len() >= 2
        && words[1..].iter().any(|w| {
            let b = w.as_bytes();
            let roman = b.iter().all(|c| matches!(c, b'I' | b'V' | b'X'));
            b.iter().any(|c| c.is_ascii_digit())
                || (b.len() >= 2
                    && b.len() <= 4
                    && !roman
                    && b.iter().all(|c| c.is_ascii_uppercase())
                    && !crate::extract::lexicon::is_capital_post_nominal(w))
        })
}

/// A one-word name of a news medium ("Wikinews", "Newsday").
pub(super) fn news_name(w: &str) -> bool {
    w.len() > 4
        && (w.get(w.len() - 4..).is_some_and(|x| x.eq_ignore_ascii_case("news"))
            || w.get(..4).is_some_and(|x| x == "News"))
}

/// A single capital with a period ("E.", "W.").
pub(super) fn is_initial(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

pub(super) fn is_title(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    if w.len() > 14 || w.is_empty() {
        return false;
    }
    if !w.is_ascii() {
        let l = w.to_lowercase();
        return ENTITY_TITLES.contains(&l.as_str());
    }
    let mut buf = [0u8; 14];
    let l = &mut buf[..w.len()];
    l.copy_from_slice(w.as_bytes());
    l.make_ascii_lowercase();
    titles().contains(&hash_bytes(9, l, false))
}

/// The hashes of ENTITY_TITLES.
pub(super) fn titles() -> &'static std::collections::HashSet<u64, std::hash::BuildHasherDefault<FastHasher>> {
    static SET: std::sync::OnceLock<
        std::collections::HashSet<u64, std::hash::BuildHasherDefault<FastHasher>>,
    > = std::sync::OnceLock::new();
    SET.get_or_init(|| ENTITY_TITLES.iter().map(|t| hash_bytes(9, t.as_bytes(), false)).collect())
}

/// The words of a span joined by single spaces.
pub(super) fn display_name(span: &str) -> String {
    // most names are words with single ASCII spaces between them
    let b = span.as_bytes();
    let plain = b
        .iter()
        .enumerate()
        .all(|(k, &c)| c != b' ' || (k > 0 && k + 1 < b.len() && b[k - 1] != b' ' && b[k + 1] != b' '))
        && !span.chars().any(|c| c.is_whitespace() && c != ' ');
    if plain {
        span.to_string()
    } else {
        span.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The particles of names that come two in a row ("van der Pas", "de la Rua", "van den Berg").
pub(super) fn is_particle(l: &str) -> bool {
    crate::extract::lexicon::PAIRED_NAME_PARTICLES.contains(&l)
}

pub(super) use crate::extract::lexicon::is_name_connector as is_connector;

pub(super) fn kind_of(k: u8) -> EntityKind {
    match k {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Location,
        _ => EntityKind::Other,
    }
}

/// Acronym letters of a single token (U.N. -> "UN", NATO -> "NATO"), if it is one.
pub(super) fn acronym(w: &str) -> Option<String> {
    let mut n = 0;
    for c in w.chars() {
        if c != '.' {
            if !c.is_uppercase() || n == 6 {
                return None;
            }
            n += 1;
        }
    }
    if n >= 2 {
        Some(w.chars().filter(|c| *c != '.').collect())
    } else {
        None
    }
}

/// (`lower` holds the words lowercased.)
pub(super) fn initials(words: &[&str], lower: &[Cow<str>]) -> String {
    let mut s = String::new();
    for (w, l) in words.iter().zip(lower) {
        if is_connector(l) {
            continue;
        }
        match w.chars().next() {
            Some(c) if c.is_uppercase() => s.push(c),
            _ => return String::new(),
        }
    }
    s
}
