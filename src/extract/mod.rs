//! Extraction: pure functions from an article's text to its paragraphs, quotations (with
//! speakers) and named entities. No I/O; each part is testable alone.

pub mod acronyms;
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
    headlines::retype_common_word_persons(&mut entities);
    speakers::normalize_entities(&mut entities);
    names::fold_bare_heads(&mut entities);
    merge_title_only_persons(text, &mut entities);
    retype_family_members(&mut entities);
    let acronyms = acronyms::link(text, &mut entities);
    let quotes = if opts.quotes {
        let known: Vec<quotes::KnownName> = entities
            .iter()
            .map(|e| quotes::KnownName {
                name: &e.name,
                is_person: e.kind == EntityKind::Person,
                is_org: e.kind == EntityKind::Organization,
                mentions: &e.mentions,
            })
            .collect();
        let mut q = quotes::extract(text, &paragraphs, &known);
        speakers::resolve(text, &mut q, &entities);
        // an acronym the text defines speaks under the full name ("CREW" is Citizens for
        // Responsibility and Ethics in Washington)
        for q in q.iter_mut() {
            let written = q.mention.and_then(|(s, e)| text.get(s..e));
            // (the acronym as the speaker, or written as the mention that found nobody; not
            // when the mention led to a person: "FCA board member Marvin Duncan")
            if let Some((_, full)) = acronyms.iter().find(|(a, _)| {
                q.speaker.as_deref() == Some(a.as_str())
                    || (q.speaker.is_none() && written == Some(a.as_str()))
            }) {
                q.speaker = Some(full.clone());
            }
        }
        unify_speakers(&mut q, &entities);
        unify_persons(text, &mut entities, &q);
        recase_capitals(&mut entities, &mut q);
        q
    } else {
        Vec::new()
    };
    Extraction { paragraphs, quotes, entities }
}

/// A person's full name that the article writes only in capitals (a transcript's "KATE
/// BOLDUAN:") is shown as names are written, in the persons and the speakers alike. (A speaker
/// is recased when a person has that name, or when its first word is a first name.)
fn recase_capitals(entities: &mut [Entity], quotes: &mut [Quote]) {
    let caps = |n: &str| n.contains(' ') && !n.chars().any(char::is_lowercase);
    let mut recased: Vec<String> = Vec::new();
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Person && caps(&e.name)) {
        let t = names::titlecase(&e.name);
        recased.push(std::mem::replace(&mut e.name, t));
    }
    for q in quotes.iter_mut() {
        if let Some(sp) = q.speaker.as_mut().filter(|sp| caps(sp)) {
            let t = names::titlecase(sp);
            if recased.contains(sp) || t.split(' ').next().is_some_and(lexicon::is_first_name) {
                *sp = t;
            }
        }
    }
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

/// The other way round: a person the recognizer found by a shorter name than the speaker
/// resolved from the same words ("Bharara" in "U.S. Attorney Preet Bharara", where the tagger
/// took "Preet" for part of the title) takes the speaker's fuller name, so that the person
/// facet lists the name the speaker facet does.
fn unify_persons(text: &str, entities: &mut Vec<Entity>, quotes: &[Quote]) {
    // a speaker of two words or more that opens with a first name, or that "he" or "she"
    // refers to, is a person, whatever the tags said ("Jeb Bush" tagged an organization)
    for e in entities.iter_mut() {
        let theirs = || quotes.iter().filter(|q| q.speaker.as_deref() == Some(e.name.as_str()));
        let gendered = theirs().any(|q| {
            q.mention
                .and_then(|(s, end)| text.get(s..end))
                .is_some_and(|m| ["he", "she"].iter().any(|p| m.eq_ignore_ascii_case(p)))
        });
        if e.kind != EntityKind::Person
            && e.name.contains(' ')
            && !names::is_org_like(&e.name)
            && theirs().next().is_some()
            && (names::first_named(&e.name) || gendered)
        {
            e.kind = EntityKind::Person;
        }
    }
    let others: Vec<String> =
        entities.iter().filter(|e| e.kind != EntityKind::Person).map(|e| e.name.clone()).collect();
    let mut x = 0;
    while x < entities.len() {
        let e = &entities[x];
        if e.kind != EntityKind::Person {
            x += 1;
            continue;
        }
        let mut fuller: Option<&str> = None;
        let mut unique = true;
        for q in quotes {
            let (Some(sp), Some((ms, me))) = (q.speaker.as_deref(), q.mention) else { continue };
            let longer = sp.len() > e.name.len()
                && sp.ends_with(e.name.as_str())
                && sp.as_bytes()[sp.len() - e.name.len() - 1] == b' '
                && sp.split(' ').all(|w| w.starts_with(char::is_uppercase));
            let same_words = e.mentions.iter().any(|&(a, b)| ms <= a && b <= me);
            // the words added are a given name, not an office or a place ("Air Force James
            // Roche" is no fuller name of "James Roche")
            let given = longer && {
                let extra = &sp[..sp.len() - e.name.len() - 1];
                extra.split(' ').count() <= 2
                    && !names::is_org_like(extra)
                    && !extra.split(' ').any(names::is_role_word)
                    && !others.iter().any(|o| o.contains(extra))
            };
            // (or a first surname of a name with two, "Hernandez" of "Arturo Hernandez
            // Grisanti", when the speaker's name opens with a first name)
            let second_surname = !e.name.contains(' ') && {
                let w: Vec<&str> = sp.split(' ').collect();
                w.len() >= 3
                    && w[w.len() - 2] == e.name
                    && lexicon::is_first_name(w[0])
                    && !names::is_org_like(sp)
            };
            if (given || second_surname) && same_words {
                unique &= fuller.is_none_or(|f| f == sp);
                fuller = Some(sp);
            }
        }
        let Some(name) = fuller.filter(|_| unique).map(str::to_string) else {
            x += 1;
            continue;
        };
        if let Some(y) = entities.iter().position(|o| o.name == name && o.kind == EntityKind::Person) {
            merge_into(entities, x, y);
        } else {
            entities[x].name = name;
            x += 1;
        }
    }
}

/// Moves the mentions of entity `x` to entity `y` and removes `x`.
fn merge_into(entities: &mut Vec<Entity>, x: usize, y: usize) {
    let moved = std::mem::take(&mut entities[x].mentions);
    entities[y].mentions.extend(moved);
    entities[y].mentions.sort_unstable();
    entities[y].mentions.dedup();
    entities.remove(x);
}

/// A person whom only the title line names, under a headline's word before a surname that the
/// body gives another person in full ("Understated Perez raises political profile", with
/// "Thomas Perez" in the body), is that person.
fn merge_title_only_persons(text: &str, entities: &mut Vec<Entity>) {
    let title_end = headlines::title_end(text);
    let mut x = 0;
    while x < entities.len() {
        let e = &entities[x];
        let words: Vec<&str> = e.name.split(' ').collect();
        let only_title = e.kind == EntityKind::Person
            && words.len() == 2
            && e.mentions.iter().all(|m| m.1 <= title_end)
            && !lexicon::is_first_name(words[0]);
        let target = if only_title {
            entities.iter().position(|o| {
                o.kind == EntityKind::Person
                    && o.name != e.name
                    && o.name.contains(' ')
                    && o.name.rsplit(' ').next() == Some(words[1])
                    && o.mentions.iter().any(|m| m.0 >= title_end)
            })
        } else {
            None
        };
        match target {
            Some(y) => merge_into(entities, x, y),
            None => x += 1,
        }
    }
}

/// A name of two capitalized words tagged an organization whose second word is the surname of
/// a person the article names with a first name ("Ivanka Trump", tagged an organization for
/// "the Ivanka Trump brand", beside "Donald Trump") is a person of that family, when its first
/// word can be a given name: a gazetteer's first name or a word no list knows, not an
/// organization's word ("Hylands Park" beside "Nick Park" is no person: "Hylands" is known as
/// a surname only; "Clinton Foundation" ends in no surname anyway).
fn retype_family_members(entities: &mut [Entity]) {
    let surnames: Vec<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && names::first_named(&e.name))
        .filter_map(|e| names::core_words(&e.name).last().map(|w| w.to_string()))
        .collect();
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Organization) {
        let words: Vec<&str> = e.name.split(' ').collect();
        let [first, last] = words[..] else { continue };
        let given_like = first.len() >= 3
            && first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
            && entities::given_name_like(&first.to_lowercase())
            && !names::is_org_like(first)
            && !names::is_role_word(first);
        if given_like && surnames.iter().any(|s| s == last) {
            e.kind = EntityKind::Person;
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
            named_by: None,
        }
    }

    #[test]
    fn a_title_and_a_full_name_after_of_are_the_speaker() {
        // "Speaker of the House Rep. Paul Hale said": the mention after "of" holds a name of
        // its own, no prepositional object of a subject named earlier in the sentence
        let t =
            "x.\n\nTuesday on the \"Midday Show,\" while discussing a controversial tweet from presumptive \
                 Republican presidential nominee Tom Reed, Speaker of the House Rep. Paul Hale (R-WI) said \
                 \"images like that have no place in a campaign.\"";
        let x = extract(t, t.find("Tuesday").unwrap(), ExtractOptions::default());
        let q = x.quotes.iter().find(|q| t[q.start..q.end].starts_with("images")).expect("the quote");
        assert_eq!(q.speaker.as_deref(), Some("Paul Hale"));
    }

    #[test]
    fn a_family_member_tagged_an_organization_is_a_person() {
        let ent = |name: &str, kind| Entity { name: name.into(), kind, mentions: vec![(0, 1)] };
        let mut ents = vec![
            ent("Paul Okafor", EntityKind::Person),
            ent("Marisol Okafor", EntityKind::Organization),
            ent("Okafor Foundation", EntityKind::Organization),
            ent("Today Okafor", EntityKind::Organization),
            ent("Academy Okafor", EntityKind::Organization),
            ent("Marisol Reyes", EntityKind::Organization),
        ];
        retype_family_members(&mut ents);
        let kinds: Vec<EntityKind> = ents.iter().map(|e| e.kind).collect();
        // (a common word before the surname is no given name; nor is any word before a surname
        // no person of the article bears)
        use EntityKind::{Organization as O, Person as P};
        assert_eq!(kinds, [P, P, O, O, O, O]);
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
    fn the_mention_stands_where_the_speakers_name_is_written() {
        // the quote finder's words are the person's place ("Flint"), the speaker the person
        let text = "Rally\n\nCory Banks, 22, of Flint, Mich., said he had not given up hope of a \"surprise\" at \
                    the convention.\n\nNora Hale, an economist at Harbor Securities, said: \"Rates will rise.\"\n";
        let x = extract(text, 0, ExtractOptions::default());
        let mentions: Vec<(Option<&str>, Option<&str>)> =
            x.quotes.iter().map(|q| (q.speaker.as_deref(), q.mention.map(|(s, e)| &text[s..e]))).collect();
        assert_eq!(
            mentions,
            [(Some("Cory Banks"), Some("Cory Banks")), (Some("Nora Hale"), Some("Nora Hale"))]
        );
    }

    #[test]
    fn it_after_a_quote_is_the_organization_that_opened_the_sentence_before() {
        let text = "Fee Fight\n\nStill, the Harbor Business Council opposed an increase. \"Keep the fee \
                    where it is for the rest of the decade,\" it recommended.\n\nThe board did not \
                    answer. Officials were \"looking at what it calls options,\" a clerk said.\n";
        let x = extract(text, 0, ExtractOptions::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers[0], Some("Harbor Business Council"));
        // "it" before a quote, inside a clause, is not taken for the organization
        assert!(speakers[1..].iter().all(|s| *s != Some("Harbor Business Council")), "{speakers:?}");
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

    /// Each quote's words (its first 24 characters) with the speaker name and the mention's
    /// words, from the whole pipeline.
    fn speakers_of(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        speakers_of_from(text, 0)
    }

    /// [`speakers_of`] of a text whose body starts at `body_start`.
    fn speakers_of_from(text: &str, body_start: usize) -> Vec<(String, Option<String>, Option<String>)> {
        let x = extract(text, body_start, ExtractOptions::default());
        x.quotes
            .iter()
            .map(|q| {
                let words: String = text[q.start..q.end].chars().take(24).collect();
                (words, q.speaker.clone(), q.mention.map(|(s, e)| text[s..e].to_string()))
            })
            .collect()
    }

    fn speaker_for<'a>(all: &'a [(String, Option<String>, Option<String>)], words: &str) -> Option<&'a str> {
        all.iter()
            .find(|(w, _, _)| w.starts_with(words))
            .unwrap_or_else(|| panic!("no quote {words:?} in {all:#?}"))
            .1
            .as_deref()
    }

    #[test]
    fn two_roles_joined_by_and_are_one_description_of_the_person_named_before() {
        let t = "Senators reacted on Tuesday.\n\nSen. Maria Lopez responded first, late Tuesday night.\n\n\
                 \"We have been warning about this for years,\" the Ohio senator and Republican \
                 presidential candidate said in a statement.\n";
        let all = speakers_of(t);
        let q = all.iter().find(|q| q.0.starts_with("We have been")).expect("the quote");
        assert_eq!(q.1.as_deref(), Some("Maria Lopez"), "{all:#?}");
        assert_eq!(q.2.as_deref(), Some("the Ohio senator and Republican presidential candidate"));
    }

    #[test]
    fn a_name_in_apposition_has_the_role_of_the_phrase_it_names() {
        // "his wife, Mary Stone," is the subject of a clause of "while": the pronoun chain
        // goes on to the main clauses' subject
        let t = "Jane Doyle spoke on a radio show. She has said the attack took place in the spring, \
                 while his wife, Mary Stone, ran a charity.\n\nOn Sunday, she disclosed for the first \
                 time that the governor called her again.\n\n\"He called my office,\" she said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "He called my office"), Some("Jane Doyle"), "{all:#?}");
        // an object's apposition ("thanked the woman she played, Ana Ruiz,") is no subject
        let t = "Carla Hale won the award. She thanked the woman she played, Ana Ruiz, for her help. \
                 \"Thank you, I am sure you are pleased,\" she said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "Thank you, I am sure"), Some("Carla Hale"), "{all:#?}");
        // a phrase with a prepositional phrase opening the sentence is its subject
        let t = "Tom Reed runs the company. Head of the division, Paul Hale, spoke about the plan. \
                 \"We can push it to the limit,\" he said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We can push it"), Some("Paul Hale"), "{all:#?}");
    }

    #[test]
    fn a_frequent_surname_the_recognizer_missed_is_a_pronouns_antecedent() {
        let t = "Donald Trump went with the odds, saying Carolina would win.\n\nCruz openly admitted that \
                 his pick was political. \"With an eye to the primary, Carolina,\" he said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "With an eye"), Some("Cruz"), "{all:#?}");
    }

    #[test]
    fn a_pronoun_is_not_the_object_of_its_own_verb() {
        let t = "Town Hall\n\nAt the town hall, supporter Tom Reyes told Sen. Mary Stone that he drove from \
                 Chicago to ask her about visas. Stone co-sponsored a bill this year on visas.\n\n\
                 \"Workers like me have been abused by the program,\" he told Stone.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "Workers like me"), Some("Tom Reyes"), "{all:#?}");
    }

    #[test]
    fn a_description_of_someone_introduced_unnamed_names_no_one() {
        let t = "Budget\n\nSen. Howard Pike of Kansas disagreed with the plan. But an aide to the senator, \
                 who asked not to be named, called it a mistake.\n\n\"It is a disgrace,\" the aide added.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "It is a disgrace"), None, "{all:#?}");
        // named in apposition, the description is that person's
        let t = "Budget\n\nSen. Howard Pike of Kansas disagreed with the plan. An aide, Tom Reyes, \
                 called it a mistake.\n\n\"It is a disgrace,\" the aide added.\n";
        let all = speakers_of(t);
        assert_ne!(speaker_for(&all, "It is a disgrace"), Some("Howard Pike"), "{all:#?}");
    }

    #[test]
    fn an_institution_is_named_again_by_its_last_word() {
        let t = "Fares\n\nThe Harbor Bay Transit Authority backed the fare increase on Monday.\n\n\
                 \"Without new revenue, the system cannot run,\" the authority said.\n";
        let all = speakers_of(t);
        assert_eq!(
            speaker_for(&all, "Without new revenue"),
            Some("Harbor Bay Transit Authority"),
            "{all:#?}"
        );
    }

    #[test]
    fn a_paragraph_of_quotation_after_a_sentence_where_someone_spoke_is_theirs() {
        let t = "Torture\n\nWhat \"tougher\" means is left to the voters, since Paul Hale spoke only \
                 in vague terms during the interview.\n\n\"We have to do something.\"\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We have to do something"), Some("Paul Hale"), "{all:#?}");
    }

    #[test]
    fn the_person_speaks_not_the_place_or_institution_after_of() {
        for (t, who, mention) in [
            (
                "Rail\n\n\"The state is ready,\" Gov. Ana Ruiz of New Jersey said.\n",
                "Ana Ruiz",
                "Gov. Ana Ruiz",
            ),
            (
                "Rail\n\n\"The data is clear,\" Mark Hale of the Harbor Institute said.\n",
                "Mark Hale",
                "Mark Hale",
            ),
            (
                "Rail\n\n\"The loans are safe,\" the Bank of Harbor said.\n",
                "Bank of Harbor",
                "the Bank of Harbor",
            ),
        ] {
            let all = speakers_of(t);
            assert_eq!(all[0].1.as_deref(), Some(who), "{all:#?}");
            assert_eq!(all[0].2.as_deref(), Some(mention), "{all:#?}");
        }
    }

    #[test]
    fn an_office_with_of_before_a_name_and_a_sentence_end_after_it() {
        let t = "Talks\n\n\"The facts are clear,\" said Secretary of State John F. Kerry. Kerry added: \
                 \"We will respond.\"\n";
        let all = speakers_of(t);
        assert_eq!(all[0].1.as_deref(), Some("John F. Kerry"), "{all:#?}");
        assert_eq!(all[0].2.as_deref(), Some("Secretary of State John F. Kerry"), "{all:#?}");
        assert_eq!(all[1].1.as_deref(), Some("John F. Kerry"), "{all:#?}");
    }

    #[test]
    fn the_person_facet_takes_the_speakers_fuller_name() {
        let t = "Charges\n\n\"We are watching,\" said U.S. Attorney Preet Bharara. Bharara declined to \
                 say more.\n";
        let x = extract(t, 0, ExtractOptions::default());
        assert_eq!(x.quotes[0].speaker.as_deref(), Some("Preet Bharara"), "{x:#?}");
        let persons: Vec<&str> =
            x.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(persons, ["Preet Bharara"], "{x:#?}");
    }

    #[test]
    fn a_possessive_place_before_a_name_is_no_part_of_it() {
        for t in [
            "Race\n\n\"The facts are clear,\" said Florida's Rick Wilson, a consultant.\n",
            "Race\n\n\"The facts are clear,\" said Florida’s Rick Wilson, a consultant.\n",
        ] {
            let all = speakers_of(t);
            assert_eq!(all[0].1.as_deref(), Some("Rick Wilson"), "{all:#?}");
        }
    }

    #[test]
    fn a_credited_report_is_the_mention_and_the_person_it_quotes_the_speaker() {
        let t = "Levy vote\n\nGov. Nora Quill of Vermont backed the school levy on Monday.\n\n\
                 \"The schools cannot wait another year,\" Quill said, according to a pool report.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "The schools cannot"), Some("Nora Quill"), "{all:#?}");
        assert_eq!(all[0].2.as_deref(), Some("a pool report"), "{all:#?}");
    }

    #[test]
    fn a_passive_participle_opening_the_sentence_is_no_cue() {
        let t = "Caucus day\n\nTom Reyes toured six counties on Tuesday.\n\n\
                 Asked which county he liked best, he demurred: \u{201c}Whichever one I am in at the moment.\u{201d}\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "Whichever one"), Some("Tom Reyes"), "{all:#?}");
    }

    #[test]
    fn a_surname_after_mr_is_a_person_despite_a_company_of_that_name() {
        let t = "Unions\n\nThe Quill International Hotel filed objections to the vote.\n\n\
                 Mr. Quill has railed against the trade deal. And he has bemoaned the tariffs.\n\n\
                 He has also fulminated against the plant's move - \"I love those cookies,\" he said.\n";
        let x = extract(t, 0, ExtractOptions::default());
        let quill: Vec<_> = x.entities.iter().filter(|e| e.name.ends_with("Quill")).collect();
        assert!(quill.iter().all(|e| e.kind == EntityKind::Person), "{quill:#?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "I love those"), Some("Quill"), "{all:#?}");
    }

    #[test]
    fn an_inverted_subject_with_a_modifier_and_role_words_is_the_name_after_them() {
        for (phrase, name) in [
            ("Republican party boss Nora Quill", "Nora Quill"),
            ("Harbor Institute economist Ana Ruiz", "Ana Ruiz"),
            ("Vermont state senator Tom Reed", "Tom Reed"),
        ] {
            let t = format!(
                "Levy\n\nThe vote came on Monday.\n\n\u{201c}The distraction costs us a week,\u{201d} said {phrase}, \
                 though more came later.\n"
            );
            let all = speakers_of(&t);
            assert_eq!(speaker_for(&all, "The distraction"), Some(name), "{all:#?}");
            assert_eq!(all[0].2.as_deref(), Some(name), "{all:#?}");
        }
    }

    #[test]
    fn the_second_of_two_coordinated_names_is_no_subject_for_a_pronoun() {
        let t = "Widow\n\nDana Reyes spoke with a radio host on Thursday.\n\n\
                 Though moved by their grief, Reyes said she does not believe Tom and Nora Quill should \
                 be immune from criticism.\n\n\u{201c}First and foremost,\u{201d} she told the host, \
                 \u{201c}I would never wish this on anyone.\u{201d}\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "First and foremost"), Some("Dana Reyes"), "{all:#?}");
    }

    #[test]
    fn a_lead_in_in_capitals_is_credited_but_names_no_one() {
        let t = "Morning email\n\nTOP STORIES.\n\nHARBOR VOTE SETS A NEW RECORD \u{201c}Voters in the harbor \
                 towns turned out in record numbers on Tuesday, officials said late in the evening.\u{201d}\n";
        let x = extract(t, 0, ExtractOptions::default());
        assert_eq!(x.quotes.len(), 1, "{:#?}", x.quotes);
        let q = &x.quotes[0];
        assert_eq!(q.speaker, None, "{q:#?}");
        assert_eq!(q.description, None, "{q:#?}");
        assert_eq!(q.mention.map(|(s, e)| &t[s..e]), Some("HARBOR VOTE SETS A NEW RECORD"), "{q:#?}");
    }

    #[test]
    fn a_lowercase_role_noun_after_a_comma_opens_a_clause_whose_subject_is_the_name() {
        // (before it, a place the recognizer may take for a person: "In Coral Gables, ...")
        let t = "Storm\n\nThe storm knocked out power on Sunday.\n\n\
                 In Coral Gables, retiree Margaret Hollis sat on her porch with a radio. \
                 \u{201c}I have been through worse,\u{201d} she said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "I have been"), Some("Margaret Hollis"), "{all:#?}");
    }

    #[test]
    fn a_party_member_with_a_determiner_is_a_description_of_the_person_named_before() {
        let t = "Insulin\n\nSen. Patricia Gomez said she had seen patients ration their insulin. \
                 \u{201c}I held the hand of a man who died,\u{201d} the New Mexico Democrat said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "I held the hand"), Some("Patricia Gomez"), "{all:#?}");
    }

    #[test]
    fn a_description_introduced_unnamed_in_the_sentence_of_another_name_stays_unnamed() {
        let t = "Race\n\nSen. Nora Quill won the primary in Ohio.\n\n\
                 A Democratic strategist who has advised both campaigns said Quill remained the favorite. \
                 \u{201c}The math has not changed,\u{201d} the strategist said.\n";
        let x = extract(t, 0, ExtractOptions::default());
        let q = x.quotes.iter().find(|q| t[q.start..q.end].contains("The math")).expect("the quote");
        assert_eq!(q.speaker, None, "{q:#?}");
        assert_eq!(q.description.as_deref(), Some("the strategist"), "{q:#?}");
    }

    #[test]
    fn the_reported_clause_after_said_is_no_inverted_subject() {
        let t = "Harbor\n\nThe vote came on Monday.\n\nNora Quill, citing \u{201c}the quiet strength of the \
                 harbor,\u{201d} said the town could be in a strong position by spring.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "the quiet strength"), Some("Nora Quill"), "{all:#?}");
    }

    #[test]
    fn an_institution_named_by_its_owner_speaks_under_that_name_and_a_persons_office_for_the_person() {
        let t = "Harbor\n\nNora Quill toured the port on Monday.\n\n\u{201c}We are confident in our numbers,\u{201d} \
                 the Quill campaign said. \u{201c}The port stays open,\u{201d} the Mexican government said. \
                 \u{201c}We were proud of the work,\u{201d} Quill\u{2019}s office said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We are confident"), Some("Quill campaign"), "{all:#?}");
        assert_eq!(speaker_for(&all, "The port stays"), Some("Mexican government"), "{all:#?}");
        assert_eq!(speaker_for(&all, "We were proud"), Some("Nora Quill"), "{all:#?}");
    }

    #[test]
    fn a_description_as_subject_of_a_verb_chain_ending_in_a_cue_is_the_speaker() {
        let t =
            "Port\n\nNora Quill spoke on Monday. The Republican candidate appeared to assert her plans by \
                 saying, \u{201c}I am trying to save the port.\u{201d}\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "I am trying"), Some("Nora Quill"), "{all:#?}");
    }

    #[test]
    fn he_after_a_quote_of_one_of_two_namesakes_is_the_one_who_spoke_last() {
        let t = "Charity\n\nTom Quill founded the charity; his son, Eric Quill, runs it now.\n\n\
                 \u{201c}The gifts came from my father,\u{201d} Eric Quill said of the 2010 gifts.\n\n\
                 In 2008, Quill said, the Tom Quill Fund had made his father a \u{201c}presenting sponsor.\u{201d}\n\n\
                 \u{201c}My father made the donation,\u{201d} he wrote.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "The gifts came"), Some("Eric Quill"), "{all:#?}");
        assert_eq!(speaker_for(&all, "My father made"), Some("Eric Quill"), "{all:#?}");
    }

    #[test]
    fn a_surname_two_persons_of_the_article_share_is_a_persons_whatever_its_votes() {
        let t = "Boardroom\n\nThe chairwoman of Hexatron, Dorota Vellacorte, walked onstage to cheers from \
                 the staff of Hexatron.\n\nVellacorte spoke about the merger. At Vellacorte's old firm, \
                 Vellacorte pushed through cuts, and Vellacorte lost her job over it.\n\n\
                 \"We will win this fight,\" she told the audience.\n\n\
                 Flying home, she told her husband, Piet Vellacorte, that it would be \"a huge shock.\"\n";
        let x = extract(t, 0, ExtractOptions::default());
        let v: Vec<_> = x.entities.iter().filter(|e| e.name.ends_with("Vellacorte")).collect();
        assert!(v.iter().all(|e| e.kind == EntityKind::Person), "{v:#?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We will win"), Some("Dorota Vellacorte"), "{all:#?}");
    }

    #[test]
    fn the_names_of_a_relative_clause_are_not_the_subject_of_the_verb_after_it() {
        let t = "Scouts\n\nAfter the books, Pastor Tom Quayle has turned to the scouts.\n\n\
                 Quayle, who is a pastor at the Grace Church of Elizabeth, Colorado, slammed the scouts for \
                 promoting \u{201c}a culture of rebellion among young girls\u{201d} on his radio show.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "a culture of"), Some("Tom Quayle"), "{all:#?}");
    }

    #[test]
    fn an_office_in_capitals_before_a_person_the_recognizer_told_apart_is_no_part_of_the_name() {
        let t = "Hearing\n\nSome officials said the problems were a miscalculation.\n\n\
                 \"We made some horrendous mistakes, and I apologize for that,\" Maricopa County Recorder \
                 Helen Purcell said during a hearing. Purcell, a Republican, said she relied on old numbers.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We made some"), Some("Helen Purcell"), "{all:#?}");
    }

    #[test]
    fn a_pronoun_after_a_name_in_object_position_gives_that_name_no_gender() {
        let t =
            "Rally\n\nAt the rally, Tom Reyes endorsed Mary Stone, and he promised to campaign for her.\n\n\
                 Reyes may now feel the same way himself.\n\nCome again?\n\n\
                 What grandfather of seven would not love that?\n\n\
                 I met with Reyes in his office after his endorsement of Stone. He is looking ahead to more \
                 endorsements than Stone's.\n\n\
                 One of the groups he will launch will train candidates. He plans to support 100 of them.\n\n\
                 \"We must keep the movement alive,\" he told me.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We must keep"), Some("Tom Reyes"), "{all:#?}");
    }

    #[test]
    fn a_headline_word_before_a_surname_only_the_title_line_gives_is_no_persons_name() {
        let t = "Understated Ruiz raises political profile.\n\nJust before the flight took off, Labor \
                 Secretary Ana Ruiz stopped writing her speech and moved to the last row.\n\n\
                 Ruiz, the daughter of immigrants, is the least-known name on the list.\n\n\
                 \"It frankly breaks my heart,\" Ruiz said on Sunday.\n";
        let x = extract(t, 0, ExtractOptions::default());
        let persons: Vec<&str> =
            x.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(persons, ["Ana Ruiz"]);
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "It frankly"), Some("Ana Ruiz"), "{all:#?}");
    }

    #[test]
    fn a_pronoun_cue_inside_a_quotation_keeps_its_speaker() {
        let t = "Board\n\nMary Stone wrote to the board on Friday.\n\nShe then listed her demands:\n\n\
                 \"In my letter last week I named several points. Here they are:\n\n\
                 \"Has the board kept its promises?\n\n\"Will the board answer to the members?\n\n\
                 Stone signed the letter herself.\n";
        // (the title "Board" before the body, as a file's first line is read)
        let all = speakers_of_from(t, "Board".len());
        assert_eq!(speaker_for(&all, "Has the board"), Some("Mary Stone"), "{all:#?}");
        assert_eq!(speaker_for(&all, "Will the board"), Some("Mary Stone"), "{all:#?}");
    }

    #[test]
    fn a_description_after_a_quote_is_its_speaker_not_the_subject_of_the_words_quoted() {
        let t = "Aid\n\nMary Stone plans to expand the program by \"putting the families first,\" Tom Reyes \
                 said Monday.\n\n\"Well, first of all, they have to listen to the families,\" the retired \
                 neurosurgeon told a radio host.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "Well, first"), Some("Tom Reyes"), "{all:#?}");
    }

    #[test]
    fn a_possessive_after_a_preposition_owns_its_cue_noun() {
        let t = "Mayor Tom Reyes on Monday faulted the council for Mary Stone's claim that the bridge \
                 \"will pay for itself.\"\n\n\"It will,\" Stone replied.\n";
        let all = speakers_of(t);
        // the one who claims is the owner of "claim", not the sentence's subject
        assert_eq!(speaker_for(&all, "will pay"), Some("Mary Stone"), "{all:#?}");
        assert_eq!(speaker_for(&all, "It will"), Some("Mary Stone"), "{all:#?}");
    }

    #[test]
    fn the_person_of_an_affiliation_after_an_introductory_word_speaks() {
        let t = "However, as Archbishop Tom Reyes of the Harbor Church of Boston told reporters, \
                 \"We have waited long enough.\"\n";
        let all = speakers_of(t);
        // the organization is his affiliation; "However," before him is no subject
        assert_eq!(speaker_for(&all, "We have waited"), Some("Tom Reyes"), "{all:#?}");
    }

    fn entities_of(t: &str) -> Vec<(String, EntityKind)> {
        extract(t, 0, ExtractOptions::default()).entities.into_iter().map(|e| (e.name, e.kind)).collect()
    }

    #[test]
    fn a_sentence_of_names_is_no_title_case_line_and_keeps_its_names() {
        // its long words are capitalized, as a headline's are, but "law" and "is" are words
        // Title Case would capitalize: a sentence, whose names are names
        let t = "Tides\n\nMara Okonkwo Delgado, a University of Vermont law professor, is a member of THE \
                 HARBOR DAILY's Board of Writers.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("Mara Okonkwo Delgado".to_string(), EntityKind::Person)), "{ents:?}");
        assert!(ents.contains(&("University of Vermont".to_string(), EntityKind::Organization)), "{ents:?}");
    }

    #[test]
    fn a_dateline_in_capitals_is_one_place_shown_as_the_body_writes_it() {
        let t = "Harbor Mills Posts Gain\n\nCEDAR FALLS HEIGHTS, Iowa, March 3 - Harbor Mills Inc said net \
                 profit rose.\n\nThe company's plant in Cedar Falls Heights employs 300 people.\n";
        let ents = entities_of(t);
        assert!(ents.iter().any(|(n, _)| n == "Cedar Falls Heights"), "{ents:?}");
        assert!(!ents.iter().any(|(n, _)| n.ends_with("HEIGHTS")), "{ents:?}");
    }

    #[test]
    fn an_initial_after_a_capitalized_title_opens_the_persons_name() {
        for who in ["White House Counsel", "Counsel"] {
            let t = format!(
                "Hill\n\nThe aides sent {who} R. Dana Whitcombe to the hill for a tense meeting with the \
                 members, officials said.\n"
            );
            let ents = entities_of(&t);
            assert!(ents.contains(&("R. Dana Whitcombe".to_string(), EntityKind::Person)), "{ents:?}");
            assert!(!ents.iter().any(|(n, _)| n.contains("Counsel")), "{ents:?}");
        }
    }

    #[test]
    fn two_particles_in_a_row_stay_inside_the_name() {
        let t = "Notes\n\nHarbor board spokesman Pieter van der Molen told reporters on Monday that the ban \
                 would stay in place for now.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("Pieter van der Molen".to_string(), EntityKind::Person)), "{ents:?}");
        let t =
            "Notes\n\nThe actress Lucia de la Fuente starred in the film, which opened on Friday to strong \
                 reviews in the city.\n";
        assert!(entities_of(t).iter().any(|(n, _)| n == "Lucia de la Fuente"), "{:?}", entities_of(t));
    }

    #[test]
    fn the_head_of_a_name_before_of_is_the_names() {
        let t =
            "Notes\n\nVoters in the heavily Democratic District of Columbia cast ballots on Tuesday, and \
                 turnout was high across the city.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("District of Columbia".to_string(), EntityKind::Location)), "{ents:?}");
    }

    #[test]
    fn a_possessive_after_a_name_of_two_words_is_not_the_names() {
        let t = "Notes\n\nThe letter was first reported last week by The Post's Dana Voss and was organized \
                 by members.\n";
        let ents = entities_of(t);
        assert!(ents.iter().any(|(n, k)| n.ends_with("Post") && *k == EntityKind::Organization), "{ents:?}");
        assert!(!ents.iter().any(|(n, _)| n.ends_with("Post's")), "{ents:?}");
    }

    #[test]
    fn it_after_a_quote_is_no_dateline_shown_as_the_body_writes_it() {
        let t = "Supporters cannot quite say goodbye.\n\nLOS ANGELES — Actress Dana Voss took the stage at a \
                 rally here in late June, a “Vote for Me” tote bag at her side, as hundreds of boisterous \
                 supporters cheered and waved signs. Voss smiled and triumphantly lifted a sign of her own.\n\n\
                 “I am still here,” it read.\n\n“All the way!” Voss shouted.\n\nLater, at a hall in Los \
                 Angeles, the crowd thinned.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "I am still here"), None, "{all:#?}");
    }

    #[test]
    fn an_abbreviated_plural_title_is_no_name() {
        let t =
            "Race\n\nThe mayor leads in the polls, with Sens. Paul Hale (R-Ohio) and Dana Voss trailing. \
                 Voters in Jackson, Miss. And elsewhere waited.\n";
        let ents = entities_of(t);
        assert!(!ents.iter().any(|(n, _)| n.starts_with("Sens")), "{ents:?}");
        assert!(ents.contains(&("Paul Hale".to_string(), EntityKind::Person)), "{ents:?}");
    }

    #[test]
    fn a_title_and_a_first_name_are_a_person_and_a_particle_opens_the_surname() {
        let t = "Mayor Tom de Vries rejected the plan on Friday. He spoke at the harbor.\n\n\
                 After the storm, de Vries said, \"We are ready.\"\n\n\
                 Neither de Vries nor Stone spoke with reporters.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("Tom de Vries".to_string(), EntityKind::Person)), "{ents:?}");
        assert!(!ents.iter().any(|(n, _)| n.contains("Mayor") || n.starts_with("Neither")), "{ents:?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We are ready"), Some("Tom de Vries"), "{all:#?}");
    }

    #[test]
    fn an_organization_after_the_is_named_without_it_and_its_short_form_is_the_full_name() {
        let t = "Harbor\n\n\"He is a politician selling his own brand,\" The Harbor Daily Post wrote in an \
                 editorial on Sunday.\n\nMary Stone answered the paper on Monday.\n\n\
                 \"Her ideas are not too bold,\" The Post responded.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("Harbor Daily Post".to_string(), EntityKind::Organization)), "{ents:?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "He is a politician"), Some("Harbor Daily Post"), "{all:#?}");
        assert_eq!(speaker_for(&all, "Her ideas"), Some("Harbor Daily Post"), "{all:#?}");
    }

    #[test]
    fn an_office_named_advocate_and_an_abbreviated_title_leave_the_person() {
        let t = "Budget\n\n\"The council voted twice to cut the schools,\" New York City Public Advocate \
                 Trish Reyes said.\n\nPres. Obama admits the plan \"did not work.\"\n\n\"We averted a \
                 crisis,\" the president told the magazine.\n";
        let ents = entities_of(t);
        assert!(ents.contains(&("Trish Reyes".to_string(), EntityKind::Person)), "{ents:?}");
        assert!(ents.contains(&("Obama".to_string(), EntityKind::Person)), "{ents:?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "The council voted"), Some("Trish Reyes"), "{all:#?}");
        assert_eq!(speaker_for(&all, "did not work"), Some("Obama"), "{all:#?}");
        assert_eq!(speaker_for(&all, "We averted"), Some("Obama"), "{all:#?}");
    }

    #[test]
    fn the_younger_of_two_namesakes_is_the_one_with_a_suffix() {
        let t = "Convention\n\nTom A. Reyes spoke on Monday. His son Tom Reyes Jr. spoke on Tuesday.\n\n\
                 \"It is a movement,\" said the younger Mr. Reyes.\n\n\"We will win,\" the elder Reyes said.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "It is a movement"), Some("Tom Reyes Jr."), "{all:#?}");
        assert_eq!(speaker_for(&all, "We will win"), Some("Tom A. Reyes"), "{all:#?}");
    }

    #[test]
    fn a_transcripts_short_label_in_capitals_is_the_full_label_recased() {
        let t = "Debate\n\nMARA QUILLEN: Why not debate?\n\nJOEL HARTWICK: This is a man who said he would \
                 never run a negative ad.\n\nQUILLEN: You were opposed back in January.\n\nHARTWICK: The \
                 senator does not get to decide when we debate.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "You were opposed"), Some("Mara Quillen"), "{all:#?}");
        assert_eq!(speaker_for(&all, "This is a man"), Some("Joel Hartwick"), "{all:#?}");
        assert_eq!(speaker_for(&all, "The senator does not"), Some("Joel Hartwick"), "{all:#?}");
        let ents = entities_of(t);
        assert!(ents.iter().all(|(n, _)| n.chars().any(char::is_lowercase)), "{ents:?}");
    }

    #[test]
    fn a_name_after_an_office_is_the_subject_a_pronoun_goes_back_to_and_interjecting_is_a_cue() {
        let t = "Hearing\n\nOn Tuesday, Tom Reyes announced that Stone was careless.\n\nHouse Oversight \
                 Committee Chairman Dan Ortiz said the questioning will start with Reyes, but not end \
                 there. \"There is no reason why the agency should not share that,\" he said.\n\n\
                 Mary Stone tried to laugh it off by interjecting, \"Only the governor.\" But Reyes was \
                 relentless.\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "There is no reason"), Some("Dan Ortiz"), "{all:#?}");
        assert_eq!(speaker_for(&all, "Only the governor"), Some("Mary Stone"), "{all:#?}");
    }

    #[test]
    fn two_spellings_of_a_first_name_with_one_letter_doubled_are_one_person() {
        let t =
            "Rally\n\nMary Stone campaigned with Phillip Reyes in Dayton.\n\nPhilip Reyes and Mary Stone \
                 spoke on Monday. Philip Reyes later left.\n\n\"We are together,\" Mr. Reyes said.\n";
        let ents = entities_of(t);
        let reyes: Vec<&String> = ents.iter().map(|(n, _)| n).filter(|n| n.ends_with("Reyes")).collect();
        assert_eq!(reyes, ["Philip Reyes"], "{ents:?}");
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "We are together"), Some("Philip Reyes"), "{all:#?}");
    }

    #[test]
    fn a_full_name_only_an_inner_title_case_heading_gives_is_the_surnames_fullest_form() {
        let t = "Stars\n\nMany actors spoke about it.\n\n2\nZaira Quillen Described Her Experience Being \
                 Turned Away.\n\nGetty.\n\nIn an interview in August, the actress was asked about it. \
                 Quillen confirmed it and said, \"It happens all the time.\"\n";
        let all = speakers_of(t);
        assert_eq!(speaker_for(&all, "It happens"), Some("Zaira Quillen"), "{all:#?}");
    }
}
