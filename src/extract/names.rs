//! The name normalizer shared by speakers and entities: a person's name as a facet shows it,
//! without the titles and roles that news copy writes before it ("FBI Director James Comey",
//! "undecided voter Stephanie Hooton of Derry" -> "James Comey", "Stephanie Hooton"), without
//! the words glued to it ("11:19PMDonald Trump", "Ruiz's"), and without a leading capitalized
//! word of a Title-Case headline ("Fault Ted Cruz"). Middle initials and suffixes are kept as
//! written ("Joseph R. Biden Jr.").

use super::lexicon::{self, lower_eq, WordSet};

/// A name split from the words before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The name as the facet shows it.
    pub name: String,
    /// The role or title written before it ("FBI Director"), if any.
    pub role: Option<String>,
}

pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

fn is_possessive(w: &str) -> bool {
    w.chars().count() > 2
        && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’"))
}

/// The word without a possessive ending ("Ruiz's" -> "Ruiz", "Sears'" -> "Sears").
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\'').filter(|x| x.len() > 2 && x.ends_with('s')))
        .or_else(|| w.strip_suffix('’').filter(|x| x.len() > 2 && x.ends_with('s')))
        .unwrap_or(w)
}

/// "R." or "J.R.": initials, kept inside a name.
pub(crate) fn is_initial(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    !cs.is_empty()
        && cs.len() <= 6
        && cs.chunks(2).all(|p| p.len() == 2 && p[0].is_uppercase() && p[1] == '.')
}

fn sets() -> &'static Sets {
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| Sets {
        roles: WordSet::new(&[lexicon::TITLES, lexicon::ROLE_TITLES, lexicon::ROLE_NOUNS]),
        titles: WordSet::new(&[lexicon::TITLES, lexicon::ROLE_TITLES]),
        orgs: WordSet::new(&[lexicon::ORG_WORDS]),
        function: WordSet::new(&[lexicon::FUNCTION_WORDS]),
        title_words: WordSet::new(&[lexicon::TITLES]),
        role_nouns: WordSet::new(&[lexicon::ROLE_NOUNS]),
        suffixes: WordSet::new(&[lexicon::NAME_SUFFIXES]),
        particles: WordSet::new(&[lexicon::NAME_PARTICLES]),
    })
}

/// The lexicon's lists that the normalizer looks up on every word, as sets.
struct Sets {
    roles: WordSet,
    titles: WordSet,
    orgs: WordSet,
    function: WordSet,
    /// [`lexicon::TITLES`] alone, and [`lexicon::ROLE_NOUNS`] alone (the quote finder's).
    title_words: WordSet,
    role_nouns: WordSet,
    suffixes: WordSet,
    particles: WordSet,
}

fn is_suffix(w: &str) -> bool {
    sets().suffixes.contains(w.trim_end_matches(','))
}

pub fn is_particle(w: &str) -> bool {
    sets().particles.contains(w)
}

/// A modal verb that is a first name too, capitalized: "Will", "May".
fn modal_given(w: &str) -> bool {
    is_cap(w) && lower_eq(w, lexicon::AUXILIARY_VERBS) && lexicon::is_first_name(w)
}

pub(crate) fn is_function_word(w: &str) -> bool {
    sets().function.contains(w)
}

/// A word of [`lexicon::ORG_WORDS`], in any case.
pub(crate) fn is_org_word(w: &str) -> bool {
    sets().orgs.contains(w)
}

/// A word of [`lexicon::TITLES`], in any case.
pub(crate) fn is_title_word(w: &str) -> bool {
    sets().title_words.contains(w)
}

/// A word of [`lexicon::ROLE_NOUNS`], in any case.
pub(crate) fn is_role_noun(w: &str) -> bool {
    sets().role_nouns.contains(w)
}

/// A word of office or role written before a name, capitalized or not.
pub fn is_role_word(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    sets().roles.contains(w) || {
        // "Gov." as well as "gov."
        let bare = w.trim_end_matches('.');
        bare.len() < w.len() && sets().titles.contains(bare)
    }
}

/// Splits a word glued to the one before it by a missing space: "11:19PMDonald" -> "Donald",
/// "said.Trump" -> "Trump". Names with inner capitals ("McDonald", "DeSantis") are left whole.
fn unglue(w: &str) -> &str {
    let cs: Vec<(usize, char)> = w.char_indices().collect();
    for k in (1..cs.len().saturating_sub(1)).rev() {
        let (i, c) = cs[k];
        if !(c.is_uppercase() && cs[k + 1].1.is_lowercase()) {
            continue;
        }
        let prefix = &w[..i];
        let glued = prefix.chars().any(|c| c.is_ascii_digit())
            || (prefix.ends_with('.') && prefix.chars().filter(|c| c.is_lowercase()).count() >= 2);
        if glued {
            return &w[i..];
        }
    }
    w
}

/// Whether `name` reads as an organization's name (a word such as "Committee" or "Institute").
pub fn is_org_like(name: &str) -> bool {
    name.split_whitespace().any(|w| sets().orgs.contains(strip_possessive(w.trim_end_matches(','))))
}

/// Whether `w`, written in capitals before a capitalized word in mixed case, is the last word of
/// a heading run into the text ("STEADY INTEREST RATES Thayer added").
fn heading_word_before(w: &str, next: Option<&str>) -> bool {
    next.is_some_and(|x| is_cap(x) && x.chars().any(char::is_lowercase)) && heading_word(w)
}

/// Whether `w` can end a heading run into the text before a name: a word of at least three
/// letters in capitals that is a common word (one the tagger's training text wrote mostly in
/// lowercase, or a longer one no gazetteer knows as a name), where an acronym before a name is
/// not ("UBS Securities", "FBI Director").
pub(crate) fn heading_word(w: &str) -> bool {
    w.len() >= 3 && w.bytes().all(|c| c.is_ascii_uppercase()) && {
        let lower = w.to_lowercase();
        super::entities::usually_lowercase(&lower) || (w.len() >= 5 && super::entities::common_word(&lower))
    }
}

/// The name in `raw` without the roles, titles and words around it; None when nothing of a name
/// is left ("Republican presidential candidate", "the Florida senator").
pub fn clean(raw: &str) -> Option<Cleaned> {
    let mut words: Vec<&str> = Vec::new();
    for w in raw.split_whitespace() {
        let w = w.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '“' | '”' | '"' | '(' | ')'));
        if w.is_empty() {
            continue;
        }
        let u = unglue(w);
        if u.len() < w.len() {
            // the glued prefix is its own word ("said." of "said.Trump")
            words.push(&w[..w.len() - u.len()]);
        }
        words.push(u);
    }
    if words.is_empty() {
        return None;
    }
    // left to right: words of office, lowercase words and possessives before the name restart
    // it ("FBI Director James", "voter Stephanie"); a lowercase word after it ends it ("of
    // Derry", "last week"), except inside an organization's name ("Council of Westland")
    let mut cut = 0;
    let mut role_run: Option<usize> = None;
    let mut end = words.len();
    let mut in_name = false;
    for k in 0..words.len() {
        let w = words[k];
        let cap_after = words[k + 1..].iter().any(|x| is_cap(x));
        let next_cap = words.get(k + 1).is_some_and(|x| is_cap(x));
        let lettered = w.chars().next().is_some_and(|c| c.is_alphabetic());
        if k == 0 && next_cap && is_cap(w) && inverted_speech_verb(w) {
            // a speech verb before its subject: "Continued Stone: ...", "Added Kirby"
            cut = 1;
            continue;
        }
        if heading_word_before(w, words.get(k + 1).copied()) {
            // a heading run into the text ends here: "GROWTH Bernanke said"
            cut = k + 1;
            role_run = None;
            in_name = false;
            continue;
        }
        if is_lower(w) && !(in_name && is_particle(w)) {
            // a noun of role between a name and the person's name opens the person's:
            // "former Obama adviser David Axelrod" (the name before is the role's)
            if in_name && is_role_word(w) && next_cap && words[k + 1..].iter().all(|x| is_cap(x)) {
                role_run = Some(k);
                cut = k + 1;
                in_name = false;
                continue;
            }
            if in_name {
                let org_so_far = is_org_like(&words[cut..k].join(" "));
                if org_so_far && lower_eq(w, lexicon::ORG_NAME_CONNECTORS) && next_cap {
                    continue;
                }
                end = k;
                break;
            }
            cut = k + 1;
            role_run = None;
        } else if !lettered
            || (is_function_word(w)
                // (a modal that is a first name too opens a name of two words, "Will Doyle",
                // "May Bateman"; in a longer run it is a question's verb, "Will Trump Win")
                && !(k == 0 && words.len() == 2 && next_cap && modal_given(w)))
        {
            if in_name && !cap_after {
                end = k;
                break;
            }
            cut = k + 1;
            role_run = None;
            in_name = false;
        } else if !in_name
            && next_cap
            && w.contains('-')
            && w.rsplit('-').next().is_some_and(|p| p.len() >= 3 && p.chars().all(|c| c.is_lowercase()))
        {
            // a compound modifier before the name: "Oscar-nominated Owen", "Tony-winning"
            cut = k + 1;
            role_run = None;
        } else if is_possessive(w) {
            if next_cap {
                cut = k + 1;
                role_run = None;
                in_name = false;
            } else {
                end = k + 1;
                break;
            }
        } else if !in_name
            && next_cap
            && !words.get(k + 2).is_some_and(|x| is_cap(x))
            && is_cap(w)
            && lexicon::is_first_name(w)
            && lexicon::title_gender(w).is_none()
        {
            // a first name that is also a word of office, before a surname alone: "Dean
            // Baker", "Major Garrett" (an office before a full name stays one: "Dean Martha
            // Minow"; a royal's title stays a title: "King Abdullah")
            in_name = true;
        } else if is_role_word(w) && cap_after && !is_suffix(w) {
            if role_run.is_none() || in_name {
                role_run = Some(if in_name { cut } else { k });
            }
            cut = k + 1;
            in_name = false;
        } else {
            in_name = true;
        }
    }
    if cut >= end {
        return None;
    }
    let mut words: Vec<String> = words[..end].iter().map(|w| w.to_string()).collect();
    if let Some(last) = words.last_mut() {
        *last = strip_possessive(last).to_string();
    }
    // post-nominal letters in capitals after a name of two words or more ("Guy Hale QC")
    while words.len() > cut + 2
        && words
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_uppercase()) && lower_eq(w, lexicon::POST_NOMINALS))
    {
        words.pop();
    }
    // "State Department", "Major League Baseball": the words of office belong to the name
    if let Some(r) = role_run {
        if is_org_like(&words[cut..].join(" ")) {
            cut = r;
        }
    }
    let org = is_org_like(&words[cut..].join(" "));
    let role = (cut > 0).then(|| words[..cut].join(" ")).filter(|r| r.chars().any(|c| c.is_alphabetic()));
    let mut name: Vec<String> = words.split_off(cut);
    // a word of a Title-Case headline before a first name: "Fault Ted Cruz" -> "Ted Cruz" (a
    // surname's particle is none, though "Le" is a Census first name: "Marine Le Pen"; and
    // words joined to it by a particle in lowercase are the name's: "Abdullah bin Abdul Aziz")
    let particle = |w: &String| !is_cap(w) && lower_eq(w, lexicon::LOWERCASE_NAME_PARTICLES);
    if !org && name.len() >= 3 && !lexicon::is_first_name(&name[0]) && !is_initial(&name[0]) {
        if let Some(k) = (1..name.len() - 1).find(|&k| {
            lexicon::is_first_name(&name[k])
                && is_cap(&name[k])
                && !lower_eq(&name[k], lexicon::LOWERCASE_NAME_PARTICLES)
                && !name[..k].iter().any(particle)
        }) {
            name.drain(..k);
        }
    }
    // a first name that is also a common word counts as such a word before a plain first name
    // ("Will Norbert Varga Sing?")
    if !org
        && name.len() >= 3
        && ambiguous_given(&name[0])
        && lexicon::is_first_name(&name[1])
        && !ambiguous_given(&name[1])
        && !lower_eq(&name[1], lexicon::LOWERCASE_NAME_PARTICLES)
    {
        name.remove(0);
    }
    // (see above: "Will Doyle")
    let given_name =
        |name: &[String]| name.len() == 2 && modal_given(&name[0]) && !is_function_word(&name[1]);
    while name.first().is_some_and(|w| !is_cap(w) || is_function_word(w)) && !given_name(&name) {
        name.remove(0);
    }
    // a sentence's period after the last word ("... said Tom Reed.")
    if let Some(last) = name.last_mut() {
        if last.ends_with('.')
            && !is_initial(last)
            && !is_suffix(last)
            && last.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !last[..last.len() - 1].contains('.')
        {
            last.pop();
        }
    }
    // a day after a frequent surname is the time of the sentence ("asked Clinton Friday
    // whether ..."), not its word; after a first name ("Mike Friday") or a common word
    // ("Super Tuesday", "Black Friday") it is
    if !org && name.len() >= 2 && name.last().is_some_and(|w| lower_eq(w, lexicon::WEEKDAYS)) && {
        let before = name[name.len() - 2].to_lowercase();
        crate::extract::entities::frequent_surname(&before)
            && !crate::extract::entities::usually_lowercase(&before)
    } {
        name.pop();
    }
    let core = name.iter().filter(|w| !is_suffix(w)).count();
    if core == 0 || !name.iter().any(|w| w.chars().any(|c| c.is_alphabetic())) {
        return None;
    }
    // a name that is only role words ("Senator", "Chairman") is no name
    if !org && name.iter().all(|w| is_role_word(w) || is_suffix(w)) {
        return None;
    }
    Some(Cleaned { name: name.join(" "), role })
}

/// A first name that is also a common word ("Will", "Rose"): at the head of a capitalized run
/// it may be a headline's word before a name. (Places are not counted: "Mary" and "Georgia"
/// are in the place gazetteer too.)
pub fn ambiguous_given(w: &str) -> bool {
    crate::extract::entities::usually_lowercase(&w.to_lowercase())
}

/// A full name that starts with a Census first name ("Ben Carson"): a person's, whatever the
/// recognizer made of it.
pub fn first_named(name: &str) -> bool {
    let mut w = name.split_whitespace();
    w.next().is_some_and(lexicon::is_first_name) && w.next().is_some()
}

/// Whether `w` is a speech verb in the past tense ("Continued", "Added", "Replied"), which
/// opens a sentence before its subject and is no word of a name. ("Said" and "Wrote", which
/// can be names or the words of a heading, are left.)
fn inverted_speech_verb(w: &str) -> bool {
    let l = w.to_lowercase();
    l.len() > 4 && l.ends_with("ed") && lexicon::speech_verb(&l).is_some() && !lexicon::is_first_name(w)
}

/// The name only, or None.
pub fn clean_name(raw: &str) -> Option<String> {
    clean(raw).map(|c| c.name)
}

/// Whether a one-word name is no name but the head or the title of one: "Institute" of
/// "Institute for the Study of Labor" cut from its words, "Senator" without the senator's name.
/// (A legislature or a government body named by its head alone, "Congress", "Senate", is a
/// name.)
pub fn is_bare_head(name: &str) -> bool {
    !name.contains(' ')
        && !lexicon::is_government_body(name)
        && (crate::extract::lexicon::ORG_HEADS.contains(&name) || sets().titles.contains(name))
}

/// Drops the entities whose name is a bare head ([`is_bare_head`]), except that an
/// organization's head standing alone ("the Commission said") joins the article's one
/// organization whose name ends in it ("European Commission"): its mentions are that
/// organization's.
pub fn fold_bare_heads(entities: &mut Vec<super::Entity>) {
    use super::EntityKind;
    for i in (0..entities.len()).rev() {
        if !is_bare_head(&entities[i].name) {
            continue;
        }
        let head = &entities[i].name;
        let is_org =
            entities[i].kind == EntityKind::Organization && lexicon::ORG_HEADS.contains(&head.as_str());
        let ending = format!(" {head}");
        let mut owners = (0..entities.len())
            .filter(|&j| entities[j].kind == EntityKind::Organization && entities[j].name.ends_with(&ending));
        if let (true, Some(j), None) = (is_org, owners.next(), owners.next()) {
            let mentions = std::mem::take(&mut entities[i].mentions);
            entities[j].mentions.extend(mentions);
            entities[j].mentions.sort_unstable();
        }
        entities.remove(i);
    }
}

/// A word or name in capitals written as a name is: "BOLDUAN" -> "Bolduan", "O'NEILL" ->
/// "O'Neill".
pub fn titlecase(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut up = true;
    for c in w.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        up = c == '-' || c == '\'' || c == '’' || c == ' ';
    }
    out
}

/// Whether `w` is one of the words of the name `name` of two words or more ("Ban" of "Ban
/// Ki-moon").
pub fn word_of_full_name(name: &str, w: &str) -> bool {
    name.contains(' ') && name.split_whitespace().any(|x| x == w)
}

/// The words of a name that identify the person: without a suffix ("Jr.").
pub fn core_words(name: &str) -> Vec<&str> {
    let mut w: Vec<&str> = name.split_whitespace().collect();
    while w.len() > 1 && w.last().is_some_and(|x| is_suffix(x)) {
        w.pop();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(raw: &str) -> Option<String> {
        clean_name(raw)
    }

    #[test]
    fn a_speech_verb_before_its_subject_is_no_part_of_the_name() {
        assert_eq!(n("Continued Stone").as_deref(), Some("Stone"));
        assert_eq!(n("Added Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        // a first name that ends like one stays
        assert_eq!(n("Ted Stone").as_deref(), Some("Ted Stone"));
        assert_eq!(n("Continued").as_deref(), Some("Continued"));
    }

    #[test]
    fn the_words_of_a_heading_run_into_the_text_are_no_part_of_the_name() {
        assert_eq!(n("STEADY HARBOR RATES Halvorsen").as_deref(), Some("Halvorsen"));
        assert_eq!(n("MARGIN IMPROVES Tom Reed").as_deref(), Some("Tom Reed"));
        // acronyms before a name stay
        assert_eq!(n("UBS Securities").as_deref(), Some("UBS Securities"));
    }

    #[test]
    fn a_noun_of_role_after_a_name_opens_the_persons_name() {
        // the name before the role is the role's: whose adviser, which club's boss
        assert_eq!(n("former Obama adviser Ann Ruiz").as_deref(), Some("Ann Ruiz"));
        assert_eq!(n("Harbor FC boss Tom Reed").as_deref(), Some("Tom Reed"));
        assert_eq!(
            clean("former Obama adviser Ann Ruiz").and_then(|c| c.role).as_deref(),
            Some("former Obama adviser")
        );
        // not when lowercase words follow the person's name
        assert_eq!(n("Ruiz adviser Tom said").as_deref(), Some("Ruiz"));
    }

    #[test]
    fn a_first_name_that_is_also_an_office_before_a_surname_alone_is_the_name() {
        assert_eq!(n("Dean Hollis").as_deref(), Some("Dean Hollis"));
        assert_eq!(n("economist Dean Hollis").as_deref(), Some("Dean Hollis"));
        // before a full name it is the office; a royal's title stays a title
        assert_eq!(n("Dean Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(n("King Tomas").as_deref(), Some("Tomas"));
        assert_eq!(n("Chancellor Hollis").as_deref(), Some("Hollis"));
    }

    #[test]
    fn a_day_after_a_surname_is_no_part_of_the_name() {
        // "asked Wilson Friday whether ...": the day is when
        assert_eq!(n("Wilson Friday").as_deref(), Some("Wilson"));
        assert_eq!(n("Martin Tuesday").as_deref(), Some("Martin"));
        // a first name before the day, or a common word, makes one name of them
        assert_eq!(n("Mike Friday").as_deref(), Some("Mike Friday"));
        assert_eq!(n("Super Tuesday").as_deref(), Some("Super Tuesday"));
        assert_eq!(n("Black Friday").as_deref(), Some("Black Friday"));
    }

    #[test]
    fn a_possessive_ending_is_no_part_of_a_name() {
        assert_eq!(strip_possessive("Ruiz's"), "Ruiz");
        assert_eq!(strip_possessive("Sears'"), "Sears");
        assert_eq!(strip_possessive("Hales’"), "Hales");
        assert_eq!(strip_possessive("O'"), "O'");
        assert_eq!(n("Mr Sears'").as_deref(), Some("Sears"));
        // a compound modifier before a name is no part of it
        assert_eq!(n("Oscar-nominated Clive Hale").as_deref(), Some("Clive Hale"));
        assert_eq!(n("Jean-Luc Hale").as_deref(), Some("Jean-Luc Hale"));
        // post-nominal letters are no part of a name
        assert_eq!(n("Guy Hale QC").as_deref(), Some("Guy Hale"));
        assert_eq!(n("Labour MP Ana Ruiz MP").as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_head_or_a_title_alone_is_no_name() {
        for w in ["Institute", "Bureau", "Conference", "Senator", "University"] {
            assert!(is_bare_head(w), "{w}");
        }
        for w in ["Congress", "Senate", "Harbor Institute", "Hale", "Reuters"] {
            assert!(!is_bare_head(w), "{w}");
        }
    }

    #[test]
    fn roles_and_titles_before_a_name_are_removed() {
        assert_eq!(n("spokesman Tom Reed").as_deref(), Some("Tom Reed"));
        assert_eq!(n("economist Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(n("Rev. Paul Hale").as_deref(), Some("Paul Hale"));
        assert_eq!(n("DNC Chair Mary Stone").as_deref(), Some("Mary Stone"));
        assert_eq!(n("campaign manager Li Wei").as_deref(), Some("Li Wei"));
        assert_eq!(n("billionaire Sam Ford").as_deref(), Some("Sam Ford"));
        assert_eq!(n("Harbor County Sheriff Dale Ames").as_deref(), Some("Dale Ames"));
        assert_eq!(n("Navy Capt. Rosa Linn").as_deref(), Some("Rosa Linn"));
        let c = clean("State Budget Director Olga Petrova").unwrap();
        assert_eq!(c.name, "Olga Petrova");
        assert_eq!(c.role.as_deref(), Some("State Budget Director"));
    }

    #[test]
    fn an_organizations_head_alone_joins_the_one_organization_it_ends() {
        use crate::extract::{Entity, EntityKind};
        let org = |name: &str, at: usize| Entity {
            name: name.into(),
            kind: EntityKind::Organization,
            mentions: vec![(at, at + name.len())],
        };
        let mut ents = vec![org("Harbor Transit Commission", 0), org("Commission", 60)];
        fold_bare_heads(&mut ents);
        assert_eq!(ents.len(), 1);
        assert_eq!(ents[0].mentions, [(0, 25), (60, 70)]);
        // two organizations it could be, or none: the head alone is dropped
        let mut ents = vec![
            org("Harbor Transit Commission", 0),
            org("State Water Commission", 30),
            org("Commission", 60),
        ];
        fold_bare_heads(&mut ents);
        assert_eq!(ents.len(), 2);
        let mut ents = vec![org("Commission", 60)];
        fold_bare_heads(&mut ents);
        assert!(ents.is_empty());
    }

    #[test]
    fn middle_initials_suffixes_and_particles_are_kept() {
        assert_eq!(n("Robert T. Hale Jr.").as_deref(), Some("Robert T. Hale Jr."));
        assert_eq!(n("Sen. Robert T. Hale Jr.").as_deref(), Some("Robert T. Hale Jr."));
        assert_eq!(n("Ursula von der Berg").as_deref(), Some("Ursula von der Berg"));
        // a particle before the first name the Census knows joins the words before it
        assert_eq!(n("Hamid bin Abdul Karim").as_deref(), Some("Hamid bin Abdul Karim"));
        assert_eq!(n("Dutch Willy de Vries").as_deref(), Some("Willy de Vries"));
    }

    #[test]
    fn words_glued_to_a_name_are_removed() {
        assert_eq!(n("Ana Ruiz last week").as_deref(), Some("Ana Ruiz"));
        assert_eq!(n("Ruiz's").as_deref(), Some("Ruiz"));
        assert_eq!(n("Harbor Institute’s Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(n("9:41AMPaul Hale").as_deref(), Some("Paul Hale"));
        assert_eq!(n("voter Tess Moore of Akron").as_deref(), Some("Tess Moore"));
        assert_eq!(n("McDonald").as_deref(), Some("McDonald"));
    }

    #[test]
    fn a_headline_word_before_a_first_name_is_removed() {
        assert_eq!(n("Budget Paul Hale").as_deref(), Some("Paul Hale"));
        assert_eq!(n("Mary Ann Evans").as_deref(), Some("Mary Ann Evans"));
        assert_eq!(n("Will Doyle").as_deref(), Some("Will Doyle"));
        assert_eq!(n("Will Trump Win").as_deref(), Some("Trump Win"));
        assert_eq!(n("In Asia").as_deref(), Some("Asia"));
        // (a surname's particle is no first name, whatever the Census lists say of "Le")
        assert_eq!(n("Marine Le Pen").as_deref(), Some("Marine Le Pen"));
    }

    #[test]
    fn a_members_title_of_a_parliament_is_a_role() {
        assert_eq!(n("Tory MP Boris Johnson").as_deref(), Some("Boris Johnson"));
    }

    #[test]
    fn descriptions_without_a_name_are_no_name() {
        assert_eq!(n("the Republican nominee"), None);
        assert_eq!(n("a spokeswoman"), None);
        assert_eq!(n("Senator"), None);
    }

    #[test]
    fn organizations_keep_their_inner_words() {
        assert_eq!(n("Business Council of Westland").as_deref(), Some("Business Council of Westland"));
        assert_eq!(
            n("National Transportation Safety Board").as_deref(),
            Some("National Transportation Safety Board")
        );
    }
}
