//! Acronyms defined in the text: "Citizens for Responsibility and Ethics in Washington (CREW)"
//! names one organization, whose acronym is another name of it. The recognizer often cuts such a
//! name into pieces ("Responsibility", "Washington") or types the acronym alone; the definition
//! pattern (a capitalized phrase whose words' initials spell the acronym in parentheses after
//! it, the words of function between them aside) puts the phrase back together and links the
//! acronym's mentions to it, so that the facets list one organization under its full name.

use super::entities::{Entity, EntityKind};
use super::lexicon;

/// The most words a defined name runs to, function words included.
const MAX_WORDS: usize = 14;

/// Links every acronym the text defines to its full name in `entities`: the full name becomes
/// an entity holding its own mention and the acronym's, and the pieces the recognizer found
/// inside the name are dropped. Returns (acronym, full name) pairs.
pub fn link(text: &str, entities: &mut Vec<Entity>) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..].find(" (") {
        let open = from + k + 1;
        from = open + 1;
        let Some(close) = text[open + 1..].find(')').map(|c| open + 1 + c) else { break };
        let acronym = &text[open + 1..close];
        if acronym.len() < 2 || acronym.len() > 8 || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        // (a possessive's "'s" before the parenthesis is no part of the name: "the Federal
        // Communications Commission's (FCC) order")
        let before = &text[..open - 1];
        let name_end =
            before.strip_suffix("'s").or_else(|| before.strip_suffix("’s")).map_or(before.len(), str::len);
        let Some((start, end)) = defined_name(text, name_end, acronym) else { continue };
        let full = text[start..end].to_string();
        if links.iter().any(|(a, _)| a == acronym) {
            continue;
        }
        // the type: a place's when the recognizer typed the acronym one; an organization's
        // when the name ends in an organization's word ("Commission", "Authority") or when
        // both the acronym and a piece of the name were typed one; else no facet's ("Gross
        // Domestic Product (GDP)", "Really Simple Syndication (RSS)")
        let piece_org = entities.iter().any(|e| {
            e.kind == EntityKind::Organization && e.mentions.iter().any(|&(s, x)| s >= start && x <= end)
        });
        let kind = match entities.iter().find(|e| e.name == acronym).map(|e| e.kind) {
            Some(EntityKind::Person) => continue,
            Some(EntityKind::Location) => EntityKind::Location,
            _ if super::names::is_org_like(&full)
                || full
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| lexicon::ORG_SUFFIXES.contains(&w.to_lowercase().as_str())) =>
            {
                EntityKind::Organization
            }
            Some(EntityKind::Organization) if piece_org => EntityKind::Organization,
            _ => EntityKind::Other,
        };
        // the acronym's mentions go to the full name; the pieces inside the name go
        let mut mentions = vec![(start, end)];
        if let Some(x) = entities.iter().position(|e| e.name == acronym) {
            mentions.extend(entities.remove(x).mentions);
        }
        for e in entities.iter_mut() {
            e.mentions.retain(|&(s, x)| x <= start || s >= end);
        }
        entities.retain(|e| !e.mentions.is_empty());
        match entities.iter_mut().find(|e| e.name == full) {
            Some(e) => e.mentions.extend(mentions),
            None => entities.push(Entity { name: full.clone(), kind, mentions }),
        }
        if let Some(e) = entities.iter_mut().find(|e| e.name == full) {
            e.mentions.sort_unstable();
            e.mentions.dedup();
        }
        links.push((acronym.to_string(), full));
    }
    links
}

/// The span of the capitalized phrase ending at `end` (exclusive, before " (") whose
/// capitalized words' initials are the letters of `acronym`, one word per letter, with the
/// words of function between them ("for", "and", "of", "the") passed over.
fn defined_name(text: &str, end: usize, acronym: &str) -> Option<(usize, usize)> {
    let before = &text[..end];
    let letters: Vec<u8> = acronym.bytes().collect();
    let mut need = letters.len();
    let mut pos = end;
    for _ in 0..MAX_WORDS {
        let word_start = before[..pos].rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let word = &before[word_start..pos];
        if word.is_empty() || word.ends_with([',', '.', ';', ':', '"', '”']) {
            return None;
        }
        let first = word.as_bytes()[0];
        if first.is_ascii_uppercase() {
            if first != letters[need - 1] || !word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            {
                return None;
            }
            need -= 1;
            if need == 0 {
                return (letters.len() >= 2).then_some((word_start, end));
            }
        } else if !lexicon::ACRONYM_FUNCTION_WORDS.contains(&word) {
            return None;
        }
        if word_start == 0 {
            return None;
        }
        pos = word_start - 1;
        if !before.is_char_boundary(pos) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(name: &str, kind: EntityKind, text: &str) -> Entity {
        let mentions = text.match_indices(name).map(|(p, _)| (p, p + name.len())).collect();
        Entity { name: name.into(), kind, mentions }
    }

    #[test]
    fn a_defined_acronym_names_the_phrase_before_it() {
        let t = "A request from the watchdog group Citizens for Integrity and Ethics in Harborton (CIEH) \
                 came in May. CIEH filed it again.";
        let mut ents = vec![
            ent("Integrity", EntityKind::Organization, t),
            ent("Harborton", EntityKind::Location, t),
            ent("CIEH", EntityKind::Organization, t),
        ];
        let links = link(t, &mut ents);
        let full = "Citizens for Integrity and Ethics in Harborton";
        assert_eq!(links, [("CIEH".to_string(), full.to_string())]);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].name, full);
        assert_eq!(ents[0].kind, EntityKind::Organization);
        assert_eq!(ents[0].mentions.len(), 3);
    }

    #[test]
    fn initials_that_do_not_spell_it_define_nothing() {
        for t in [
            "WASHINGTON (AP) - The vote came.",
            "the Islamic State (ISIS) fighters",
            "Senator Tom Reed (R-Texas) said",
            "he told the National Review (NRX).",
            "a report by the bank, Harbor Union (HUX), said",
        ] {
            let mut ents = Vec::new();
            assert!(link(t, &mut ents).is_empty(), "{t}");
        }
        let mut ents = Vec::new();
        assert_eq!(link("workers of the Harbor Union (HU) struck", &mut ents).len(), 1);
        assert_eq!(ents[0].name, "Harbor Union");
    }
}
