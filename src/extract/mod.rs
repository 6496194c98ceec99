//! Extraction: pure functions from an article's text to its paragraphs, quotations (with
//! speakers) and named entities. No I/O; each part is testable alone.

pub mod entities;
pub mod headlines;
pub mod lexicon;
pub mod names;
pub mod paragraphs;
pub mod quotes;
pub mod speakers;

use serde::Serialize;

pub use entities::{Entity, EntityKind};
pub use quotes::Quote;

/// What extraction finds in one article. All offsets are UTF-8 byte offsets into its text.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub paragraphs: Vec<(usize, usize)>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

/// Which extractors run (the benches switch them off to measure their cost).
#[derive(Debug, Clone, Copy)]
pub struct ExtractOptions {
    pub quotes: bool,
    pub entities: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { quotes: true, entities: true }
    }
}

/// Extracts everything from `text`, whose body starts at `body_start` (after a title line).
pub fn extract(text: &str, body_start: usize, opts: ExtractOptions) -> Extraction {
    fault_injection(text);
    let paragraphs = paragraphs::split(text, body_start);
    let mut entities = if opts.entities { entities::recognize(text, &paragraphs) } else { Vec::new() };
    headlines::drop_names_without_signal(text, &mut entities);
    speakers::normalize_entities(&mut entities);
    entities.retain(|e| !names::is_bare_head(&e.name));
    let quotes = if opts.quotes {
        let known: Vec<quotes::KnownName> = entities
            .iter()
            .map(|e| quotes::KnownName {
                name: &e.name,
                is_person: e.kind == EntityKind::Person,
                mentions: &e.mentions,
            })
            .collect();
        let mut q = quotes::extract(text, &paragraphs, &known);
        speakers::resolve(text, &mut q, &entities);
        unify_speakers(&mut q, &entities);
        q
    } else {
        Vec::new()
    };
    Extraction { paragraphs, quotes, entities }
}

/// Makes a speaker the same canonical name as the person entity it refers to: a speaker
/// "Kirby" becomes "John Kirby" when the recognizer found that person, so that the speaker
/// facet and the person facet agree.
fn unify_speakers(quotes: &mut [Quote], entities: &[Entity]) {
    for q in quotes.iter_mut() {
        let Some(speaker) = q.speaker.as_deref() else { continue };
        if entities.iter().any(|e| e.name == speaker) {
            continue;
        }
        let mut found: Option<&str> = None;
        for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let longer = e.name.len() > speaker.len()
                && e.name.ends_with(speaker)
                && e.name.as_bytes()[e.name.len() - speaker.len() - 1] == b' ';
            let covered_mention = q.mention.is_some_and(|(s, end)| {
                e.mentions.iter().any(|&(a, b)| a <= s && end <= b && b - a > end - s)
            });
            if longer || covered_mention {
                if found.is_some_and(|f| f != e.name) {
                    found = None;
                    break;
                }
                found = Some(&e.name);
            }
        }
        if let Some(name) = found {
            q.speaker = Some(name.to_string());
        }
    }
}

/// [`extract`], with a panic inside it (a defect) turned into an error that names it, so that
/// one article's failure fails that article alone.
pub fn extract_guarded(text: &str, body_start: usize, opts: ExtractOptions) -> Result<Extraction, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(text, body_start, opts))).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

/// For the tests of failure isolation: with `GAZETTE_FAULT_PANIC=WORD` in the environment,
/// extracting an article whose text holds WORD panics (read once; unset, it costs nothing).
fn fault_injection(text: &str) {
    static WORD: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    if let Some(w) = WORD.get_or_init(|| std::env::var("GAZETTE_FAULT_PANIC").ok().filter(|w| !w.is_empty()))
    {
        if text.contains(w.as_str()) {
            panic!("injected fault: the text holds {w:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(speaker: &str, mention: (usize, usize)) -> Quote {
        Quote {
            start: 0,
            end: 1,
            paragraph: 0,
            direct: true,
            speaker: Some(speaker.into()),
            mention: Some(mention),
            cue: None,
            description: None,
        }
    }

    #[test]
    fn a_surname_speaker_takes_the_full_name_of_the_person_entity() {
        let ents =
            vec![Entity { name: "John Kirby".into(), kind: EntityKind::Person, mentions: vec![(10, 20)] }];
        let mut q = vec![quote("Kirby", (40, 45))];
        unify_speakers(&mut q, &ents);
        assert_eq!(q[0].speaker.as_deref(), Some("John Kirby"));
    }

    #[test]
    fn an_acronym_speaker_is_the_organization_it_stands_for() {
        let text = "Dealers\n\nGeneral Motors will close 1,100 dealers across the country this year.\n\n\
                    \"These dealers are losing money,\" GM said in a statement on Monday.\n";
        let x = extract(text, 0, ExtractOptions::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("General Motors")]);
        // and the company is named in full, with "General" (a title before persons' names)
        assert!(x.entities.iter().any(|e| e.name == "General Motors" && e.kind == EntityKind::Organization));
    }

    #[test]
    fn an_ambiguous_surname_is_left_alone() {
        let ents = vec![
            Entity { name: "John Kirby".into(), kind: EntityKind::Person, mentions: vec![] },
            Entity { name: "Anne Kirby".into(), kind: EntityKind::Person, mentions: vec![] },
        ];
        let mut q = vec![quote("Kirby", (40, 45))];
        unify_speakers(&mut q, &ents);
        assert_eq!(q[0].speaker.as_deref(), Some("Kirby"));
    }
}
