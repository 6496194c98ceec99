//! Title-Case and all-caps lines: headlines ("Senator Slams Budget Deal, Governor Fires
//! Back"), subheads and section labels, whose capitals carry no signal of a name. The tagger reads
//! runs of capitalized words there as names; a name found only in such lines is kept when the
//! body names it too, and dropped otherwise.

use super::entities::{self, Entity, EntityKind};
use super::lexicon;

/// Whether the line is written in Title Case or in capitals: at least three words of four
/// letters or more, and at least four in five of the words that Title Case capitalizes written
/// so. Title Case leaves only short function words in lowercase ("of", "in", "and"); a short
/// word of content in lowercase ("law", "is", "met") is a sentence's, and counts against the
/// line ("Glenn Harlan Reynolds, a University of Tennessee law professor, is at USA TODAY.").
pub fn is_title_case(line: &str) -> bool {
    // a headline, a subhead or a table row is short; a paragraph is not
    if line.len() > 300 {
        return false;
    }
    let mut long = 0;
    let mut counted = 0;
    let mut cap = 0;
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else { continue };
        // (fewer than 4 characters: under 4 bytes, or under 16 and counted)
        if w.len() < 4 || (w.len() < 16 && w.chars().count() < 4) {
            if first.is_lowercase() && !small_words().contains(w) {
                counted += 1;
            }
            continue;
        }
        long += 1;
        counted += 1;
        if first.is_uppercase() {
            cap += 1;
        }
    }
    long >= 3 && cap * 5 >= counted * 4
}

/// [`lexicon::TITLE_CASE_SMALL_WORDS`] as a set: a sentence's line looks up most of its short
/// words.
fn small_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| lexicon::TITLE_CASE_SMALL_WORDS.iter().copied().collect())
}

/// Where the first line of `text` ends: the title line of an article read with its title
/// (0 for a text of one line).
pub fn title_end(text: &str) -> usize {
    text.find('\n').unwrap_or(0)
}

/// The byte spans of the Title-Case lines of `text`.
pub fn title_case_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if is_title_case(body) {
            out.push((pos, pos + body.len()));
        }
        pos += line.len();
    }
    out
}

/// Whether the line is a photo credit: a short run of capitalized words, then "via" or a slash
/// and the agency ("Scott Olson via Getty Images.", "Gary Cameron/Reuters."). The photographer
/// it names is no person of the news, no antecedent and no speaker.
pub fn is_credit_line(line: &str) -> bool {
    let body = line.trim().trim_end_matches('.').trim_end();
    if body.is_empty() || body.len() > 80 {
        return false;
    }
    let (who, agency) = match body.split_once(" via ") {
        Some(x) => x,
        None => match body.rsplit_once('/') {
            Some(x) => x,
            None => return false,
        },
    };
    let capitalized = |part: &str, max: usize| {
        let words: Vec<&str> = part.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= max
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            })
    };
    capitalized(who, 4) && capitalized(agency, 4)
}

/// The byte spans of the photo credit lines of `text` (see [`is_credit_line`]).
pub fn credit_lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if (body.contains(" via ") || body.contains('/')) && is_credit_line(body) {
            out.push((pos, pos + body.len()));
        }
        pos += line.len();
    }
    out
}

/// Drops the mentions inside photo credit lines, and the entities left with none.
fn drop_credit_lines(text: &str, entities: &mut Vec<Entity>) {
    let lines = credit_lines(text);
    if lines.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        e.mentions.retain(|&(s, e)| !inside(&lines, s, e));
    }
    entities.retain(|e| !e.mentions.is_empty());
}

/// Whether `[s, e)` lies inside one of the sorted, disjoint `spans`.
fn inside(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    span_at(spans, s).is_some_and(|&(_, b)| e <= b)
}

/// The last of the sorted, disjoint `spans` that starts at or before `s`.
fn span_at(spans: &[(usize, usize)], s: usize) -> Option<&(usize, usize)> {
    spans.partition_point(|&(a, _)| a <= s).checked_sub(1).map(|k| &spans[k])
}

/// Drops the entities that only Title-Case lines name, unless the rest of the text has the same
/// name (in any case): runs of three words or more, and names with a word the body writes in
/// lowercase ("Slams", "Succeed").
pub fn drop_headline_only(text: &str, entities: &mut Vec<Entity>) {
    drop_headline_only_in(text, &title_case_lines(text), entities)
}

/// Both passes of this module over an article's entities, its Title-Case lines found once.
pub fn drop_names_without_signal(text: &str, entities: &mut Vec<Entity>) {
    let lines = title_case_lines(text);
    drop_headline_only_in(text, &lines, entities);
    drop_capitalized_common_words_in(text, &lines, entities);
    realign_capitals_runs(text, entities);
    drop_capitals_run_only(text, entities);
    drop_credit_lines(text, entities);
    drop_inside_quoted_titles(text, entities);
}

/// The quoted words around `[s, e)`, on its line and within 60 bytes each side, when they are
/// the title of a work in Title Case (two words or more, every word capitalized but the small
/// ones): ''Doomed to Succeed,'', "Atlas Shrugged", 'America's Pacific Century'.
fn quoted_title_around(text: &str, s: usize, e: usize) -> Option<(usize, usize)> {
    let mut from = s.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (e + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = text[from..s].rsplit('\n').next().unwrap_or("");
    // (most names have no opening mark before them on their line: one pass over the bytes
    // says so before the marks are searched one by one)
    if !has_opening_mark(before.as_bytes()) {
        return None;
    }
    let after = text[e..to].split('\n').next().unwrap_or("");
    // the opening mark nearest before the name, and its closing mark after it
    let (open_at, close) = [("“", "”"), ("‘", "’"), ("''", "''"), ("\"", "\"")]
        .iter()
        .filter_map(|&(o, c)| before.rfind(o).map(|p| (p + o.len(), c)))
        .max_by_key(|&(p, _)| p)?;
    let inner_before = &before[open_at..];
    if inner_before.contains(['”', '"']) || inner_before.contains("''") {
        return None;
    }
    // (an apostrophe inside a word is no closing mark: "America's")
    let close_at = after
        .match_indices(close)
        .map(|(p, _)| p)
        .find(|&p| !after[p + close.len()..].starts_with(char::is_alphabetic))?;
    // (a straight mark opens after a space and closes before one: in `"Low energy" Jeb Bush`
    // the name is outside)
    if close == "\""
        && (text[..s - inner_before.len() - 1].ends_with(|c: char| !c.is_whitespace() && c != '(')
            || inner_before.starts_with(char::is_whitespace)
            || after[..close_at].ends_with(char::is_whitespace))
    {
        return None;
    }
    let lo = s - inner_before.len();
    let hi = e + close_at;
    is_work_title(&text[lo..hi]).then_some((lo, hi))
}

/// Whether `b` holds an opening mark of [`quoted_title_around`]: “, ‘, '' or ".
fn has_opening_mark(b: &[u8]) -> bool {
    b.windows(3).any(|w| w[0] == 0xE2 && w[1] == 0x80 && (w[2] == 0x9C || w[2] == 0x98))
        || b.windows(2).any(|w| w == b"''")
        || b.contains(&b'"')
}

/// Whether quoted words are the title of a work: Title Case, two words or more, and after the
/// first word (capitalized in any quote) a capitalized word that is usually written in
/// lowercase, as titles capitalize them ("Doomed to Succeed", "Atlas Shrugged", "America's
/// Pacific Century"). "Only Rosie O'Donnell." and "Buffalo to Albany." are words said.
fn is_work_title(quoted: &str) -> bool {
    let words: Vec<&str> = quoted
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || lexicon::TITLE_CASE_SMALL_WORDS.contains(w))
        && words[1..].iter().any(|w| {
            w.len() >= 3
                && w.starts_with(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
                && crate::extract::entities::common_word(&w.to_lowercase())
                && !lexicon::TITLES.contains(&w.to_lowercase().as_str())
        })
}

/// Drops the mentions that are words of a quoted title of a work ("Doomed to Succeed", "Atlas
/// Shrugged"): a person or a place named there is the title's word, not of the news. A mention
/// that is the whole quoted title stays, and so do the entity's other mentions.
fn drop_inside_quoted_titles(text: &str, entities: &mut Vec<Entity>) {
    if !text.contains(['“', '"', '‘', '\'']) {
        return;
    }
    for ent in entities.iter_mut() {
        // (a person's full name, or an acronym, in a show's title is the show's host or its
        // network: "The Late Show With Stephen Colbert", "CBS This Morning")
        let words: Vec<&str> = ent.name.split_whitespace().collect();
        if (ent.kind == EntityKind::Person && words.len() >= 2 && lexicon::is_first_name(words[0]))
            || (words.len() >= 2
                && words.last().is_some_and(|w| {
                    lexicon::PUBLICATION_HEADS.contains(w) || matches!(*w, "News" | "Network")
                }))
            || (words.len() == 1 && words[0].len() >= 2 && !words[0].chars().any(char::is_lowercase))
        {
            continue;
        }
        ent.mentions.retain(|&(s, e)| match quoted_title_around(text, s, e) {
            Some((lo, hi)) => text[lo..hi].trim_matches(|c: char| !c.is_alphanumeric()) == &text[s..e],
            None => true,
        });
    }
    entities.retain(|e| !e.mentions.is_empty());
}

/// Whether `text[s..e]` has no lowercase letter and stands among words in capitals on its line
/// ("SANDERS HAS ADVANTAGE IN NEW HAMPSHIRE - ...": a section's lead-in in capitals, where
/// capitals say nothing of a name).
fn in_capitals_run(text: &str, s: usize, e: usize) -> bool {
    let caps =
        |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    if !caps(&text[s..e]) {
        return false;
    }
    // (the nearest words with letters: "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY")
    fn word(w: &str) -> Option<&str> {
        Some(w.trim_matches(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty())
    }
    let before = text[..s].rsplit('\n').next().unwrap_or("").split_whitespace().rev().find_map(word);
    let after = text[e..].split('\n').next().unwrap_or("").split_whitespace().find_map(word);
    before.is_some_and(caps) || after.is_some_and(caps)
}

/// Drops names with a common word found only inside runs of words in capitals when the article
/// never writes them in ordinary case ("IOWA POLLS NOT NECESSARILY WRONG"); "NEW HAMPSHIRE"
/// stays.
fn drop_capitals_run_only(text: &str, entities: &mut Vec<Entity>) {
    if text.len() > 1 << 19 {
        return;
    }
    entities.retain(|e| {
        if e.mentions.is_empty() || !e.mentions.iter().all(|&(s, en)| in_capitals_run(text, s, en)) {
            return true;
        }
        // a name of proper words ("NORWAY", "NEW HAMPSHIRE") is taken at its word; one with a
        // common word after its first ("POLLS", "HAS"), or a run of three words or more ("RED
        // STATES OUTNUMBER"), is the lead-in's words unless the body writes it
        // (a dateline is a place's name: "UPPER SADDLE RIVER, N.J., March 3 -")
        let dateline = e.mentions.iter().all(|&(s, en)| {
            (s == 0 || text[..s].ends_with('\n'))
                && [",", " -", " —", " –"].iter().any(|p| text[en..].starts_with(p))
        });
        if (e.name.split_whitespace().count() < 3 || dateline)
            && !e
                .name
                .split_whitespace()
                .skip(1)
                .any(|w| crate::extract::entities::usually_lowercase(&w.to_lowercase()))
        {
            return true;
        }
        let lower = e.name.to_lowercase();
        // the name written in ordinary case somewhere: from a capital, with a lowercase letter
        text.char_indices().filter(|&(_, c)| c.is_uppercase()).any(|(p, _)| {
            let w = text.get(p..p + lower.len()).unwrap_or("");
            w.len() == lower.len() && w.chars().any(char::is_lowercase) && w.to_lowercase() == lower
        })
    });
}

/// Gives the mentions in runs of capitals that lie inside another entity's name, written
/// there in capitals, to that entity: the tagger may cut "NEW HAMPSHIRE SHOWS STRONG LEAD" into
/// "NEW" and "HAMPSHIRE", where the body names New Hampshire. An entity left without mentions
/// is dropped.
fn realign_capitals_runs(text: &str, entities: &mut Vec<Entity>) {
    if text.len() > 1 << 19 {
        return;
    }
    let runs_only: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let e = &entities[i];
            !e.mentions.is_empty() && e.mentions.iter().all(|&(s, en)| in_capitals_run(text, s, en))
        })
        .collect();
    if runs_only.is_empty() {
        return;
    }
    let bounded = |p: usize, end: usize| {
        !text[..p].ends_with(char::is_alphanumeric) && !text[end..].starts_with(char::is_alphanumeric)
    };
    for &i in &runs_only {
        let mentions = std::mem::take(&mut entities[i].mentions);
        for (s, e) in mentions {
            // the other entity, named outside runs of capitals, whose name in capitals covers
            // this mention and is longer than it
            let home = entities.iter().enumerate().find_map(|(j, other)| {
                if j == i || other.name.len() <= e - s || runs_only.contains(&j) {
                    return None;
                }
                let upper = other.name.to_uppercase();
                let from = s.saturating_sub(upper.len());
                let to = (e + upper.len()).min(text.len());
                let window = text.get(from..to)?;
                window
                    .match_indices(upper.as_str())
                    .map(|(p, m)| (from + p, from + p + m.len()))
                    .find(|&(p, end)| p <= s && e <= end && bounded(p, end))
                    .map(|span| (j, span))
            });
            match home {
                Some((j, span)) => {
                    if !entities[j].mentions.contains(&span) {
                        entities[j].mentions.push(span);
                        entities[j].mentions.sort_unstable();
                    }
                }
                None => entities[i].mentions.push((s, e)),
            }
        }
    }
    entities.retain(|e| !e.mentions.is_empty());
}

fn drop_headline_only_in(text: &str, lines: &[(usize, usize)], entities: &mut Vec<Entity>) {
    // (a very long text keeps its names: the search of the body is left out to stay linear)
    if lines.is_empty() || text.len() > 1 << 19 {
        return;
    }
    // only entities named in Title-Case lines alone are looked at (most articles have none)
    if !entities
        .iter()
        .any(|e| !e.mentions.is_empty() && e.mentions.iter().all(|&(s, en)| inside(lines, s, en)))
    {
        return;
    }
    let lower = text.to_lowercase();
    let same_len = lower.len() == text.len();
    // the last words of the persons the body names
    let body_surnames: rustc_hash::FxHashSet<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person && e.mentions.iter().any(|&(s, en)| !inside(lines, s, en)))
        .filter_map(|e| e.name.split_whitespace().last().map(str::to_lowercase))
        .collect();
    entities.retain(|e| {
        if e.mentions.is_empty() || !e.mentions.iter().all(|&(s, e)| inside(lines, s, e)) {
            return true;
        }
        // the name elsewhere, outside the Title-Case lines
        let name = e.name.to_lowercase();
        // a short name in a table or a capitals line ("Manchester United 2 Chelsea 1") is a
        // name; a long run, or one with a word that the body writes in lowercase ("Slams"),
        // is a headline's words
        let words: Vec<&str> = name.split_whitespace().collect();
        let in_body = |w: &str, as_written: bool| {
            lower.match_indices(w).any(|(p, m)| {
                let end = p + m.len();
                let bounded = !lower[..p].ends_with(char::is_alphanumeric)
                    && !lower[end..].starts_with(char::is_alphanumeric);
                bounded
                    && !inside(lines, p, end)
                    && text.is_char_boundary(p)
                    && text.is_char_boundary(end)
                    && ((text[p..end] == *w) == as_written)
            })
        };
        // a word the body writes in lowercase (and, for a one-word name, never capitalized),
        // or, after the surname of a person the body names, a word that is no surname: the
        // headline's verb ("Rush Limbaugh Explains The ...", tagged "Limbaugh Explains")
        let verb_after = words.len() == 2
            && body_surnames.contains(words[0])
            && !entities::frequent_surname(words[1])
            && !lexicon::is_first_name(words[1]);
        let common_word = same_len
            && (verb_after || words.iter().any(|w| w.len() >= 4 && in_body(w, true)))
            && (words.len() >= 2 || !in_body(words[0], false));
        if words.len() < 3 && !common_word {
            return true;
        }
        // a name in a table's row, beside a number in a line of numbers ("Portsmouth 1 Queens
        // Park Rangers 2"): no headline's words
        if !common_word && e.mentions.iter().all(|&(s, en)| table_cell(text, lines, s, en)) {
            return true;
        }
        // a person's name of three words or more none of which is a common word, in a line of
        // names that a lowercase word of content shows is no headline ("Naoko Kijimuta lost to
        // Arantxa Sanchez Vicario.", a table of results): no run of a headline's words
        // ("Senator Slams Budget Deal", "Ted Cruz Apologizes")
        let sentence_line = |&(s, _): &(usize, usize)| {
            span_at(lines, s).is_some_and(|&(a, b)| {
                text[a..b].split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.len() >= 4
                        && w.chars().all(char::is_lowercase)
                        && !lexicon::lower_eq(w, lexicon::TITLE_CASE_LONG_PREPOSITIONS)
                })
            })
        };
        if e.kind == EntityKind::Person
            && !common_word
            && words
                .iter()
                .all(|w| w.len() > 1 && !entities::usually_lowercase(w) && !super::names::is_function_word(w))
            && e.mentions.iter().all(sentence_line)
        {
            return true;
        }
        if !same_len {
            return text.match_indices(e.name.as_str()).any(|(p, m)| !inside(lines, p, p + m.len()));
        }
        // (a name with a common word must be written as a name there, not in lowercase: the
        // body's “incredibly hateful” rhetoric is no person)
        lower.match_indices(name.as_str()).any(|(p, m)| {
            !inside(lines, p, p + m.len()) && (!common_word || text[p..].starts_with(char::is_uppercase))
        })
    });
}

/// Whether `[s, e)`, inside one of the Title-Case `lines`, is a cell of a table's row: a number
/// right before or after it, in a line of two numbers or more.
fn table_cell(text: &str, lines: &[(usize, usize)], s: usize, e: usize) -> bool {
    let Some(&(a, b)) = span_at(lines, s) else { return false };
    // (a score, a count or a share: digits and their punctuation only, "2", "1-0", "(52nd)"
    // no; "8:47PM" neither)
    let number = |w: &str| {
        let w = w.trim_matches(['(', ')', '.', ',']);
        !w.is_empty()
            && w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || "-.,/%".contains(c))
    };
    // (every word of the name capitalized and in mixed case: a row of capitals says nothing of
    // names)
    let name = &text[s..e];
    if !name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
    {
        return false;
    }
    let numbers = text[a..b].split_whitespace().filter(|w| number(w)).count();
    let next = text[e..b].split_whitespace().next();
    let prev = text[a..s].split_whitespace().next_back();
    numbers >= 2 && (next.is_some_and(number) || prev.is_some_and(number))
}

/// Whether the word at `p` starts a sentence (after a period, a quotation mark, a colon, a dash
/// or at a line's start), where a capital says nothing of a name.
fn sentence_start(text: &str, p: usize) -> bool {
    let before = text[..p].trim_end_matches([' ', '\t']);
    before.is_empty()
        || before.ends_with(['\n', '.', '!', '?', '“', '"', '‘', '\'', ':', '—', '(', '['])
        || before.ends_with("''")
}

/// Drops one-word entities that are common words capitalized only where capitals say nothing
/// (sentence starts and Title-Case lines): "Flanked by agents, ...", "His Response Might
/// Infuriate". The word must be one the training text wrote mostly in lowercase.
pub fn drop_capitalized_common_words(text: &str, entities: &mut Vec<Entity>) {
    drop_capitalized_common_words_in(text, &title_case_lines(text), entities)
}

/// A "person" whose every word is a common word the training text wrote mostly in lowercase
/// and none a first name ("Different Story", "Right Thing", "Pump Up": the titles of songs and
/// films in Title Case) is no person; it is kept as a name of another kind. ("Bill Gates"
/// stays: "Bill" is a first name.)
pub fn retype_common_word_persons(entities: &mut [Entity]) {
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        if e.name.contains(' ') && common_words_only(&e.name) {
            e.kind = EntityKind::Other;
        }
    }
}

/// Whether every word of `name` is a common word the training text wrote mostly in lowercase
/// and none is a first name: the words of a title in Title Case, no person's name.
pub fn common_words_only(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && entities::usually_lowercase(w) && !lexicon::is_first_name(w)
    })
}

fn drop_capitalized_common_words_in(text: &str, lines: &[(usize, usize)], entities: &mut Vec<Entity>) {
    entities.retain(|e| {
        if e.name.contains(' ') || e.mentions.is_empty() {
            return true;
        }
        let weak = e.mentions.iter().all(|&(s, en)| sentence_start(text, s) || inside(lines, s, en));
        !(weak && entities::usually_lowercase(&e.name))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entity of `kind` named `name`, mentioned where `text` first has it.
    fn at_first(text: &str, name: &str, kind: EntityKind) -> Entity {
        let p = text.find(name).unwrap();
        Entity { name: name.into(), kind, mentions: vec![(p, p + name.len())] }
    }

    #[test]
    fn a_long_name_in_a_line_of_names_with_a_lowercase_verb_is_kept() {
        let text = "Results of the second round on Wednesday were as follows for the women.\n\n\
                    Ilse Kovacs lost to Marisol Quintero Vidal.\n\nMarisol Quintero Vidal Stuns Kovacs\n";
        let line = at_first(text, "Marisol Quintero Vidal", EntityKind::Person);
        let p = text.rfind("Marisol Quintero Vidal Stuns").unwrap();
        let headline = Entity {
            name: "Quintero Vidal Stuns".into(),
            kind: EntityKind::Person,
            mentions: vec![(p + 9, p + 29)],
        };
        let mut ents = vec![line, headline];
        drop_headline_only(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Marisol Quintero Vidal"]);
    }

    #[test]
    fn a_name_in_a_row_of_scores_is_kept_and_a_headlines_run_is_not() {
        let text = "Results of the county league on Saturday.\n\nHarwick 1 Saint Olave Rovers 2\n\n\
                    Saint Olave Rovers Stun The League 8:47PM\n";
        let row = at_first(text, "Saint Olave Rovers", EntityKind::Organization);
        let p = text.find("Rovers Stun The League").unwrap();
        let headline = Entity {
            name: "Rovers Stun The League".into(),
            kind: EntityKind::Organization,
            mentions: vec![(p, p + 22)],
        };
        let mut ents = vec![row, headline];
        drop_headline_only(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Saint Olave Rovers"]);
    }

    #[test]
    fn a_photo_credit_line_names_no_person_of_the_news() {
        for line in
            ["Dana Reyes via Getty Images.", "Tom Quill/Reuters.", "Tom Quill / Reuters", "Handout/Reuters."]
        {
            assert!(is_credit_line(line), "{line}");
        }
        for line in [
            "The mayor spoke via video link.",
            "Tom Quill said the plan was sound.",
            "and/or",
            "Dana Reyes via a statement to reporters on Monday evening.",
        ] {
            assert!(!is_credit_line(line), "{line}");
        }
        let text = "The mayor spoke.\n\nDana Reyes via Getty Images.\n\nTom Quill listened.";
        let mut e = vec![
            at_first(text, "Dana Reyes", EntityKind::Person),
            at_first(text, "Tom Quill", EntityKind::Person),
        ];
        drop_credit_lines(text, &mut e);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Tom Quill");
        // a speaker described after the credit is not the photographer
        let text = "Clips\n\nTom Quill posted the clip on Thursday.\n\nDana Reyes via Getty Images.\n\n\
                    \u{201c}What if it rained?\u{201d} the 43-year-old asked in the video.\n";
        let x = crate::extract::extract(text, 0, Default::default());
        assert_eq!(x.quotes.len(), 1);
        assert_ne!(x.quotes[0].speaker.as_deref(), Some("Dana Reyes"), "{:?}", x.quotes);
    }

    #[test]
    fn a_person_of_common_words_only_is_a_title_not_a_person() {
        let text = "Her film Strong Medicine opens on Friday, and Bill Gates will attend.";
        let mut e = vec![
            at_first(text, "Strong Medicine", EntityKind::Person),
            at_first(text, "Bill Gates", EntityKind::Person),
        ];
        retype_common_word_persons(&mut e);
        assert_eq!(e[0].kind, EntityKind::Other);
        assert_eq!(e[1].kind, EntityKind::Person);
        // "he" after a title of common words is the person named before it
        let text =
            "Songs\n\nSinger Paul Okafor spoke in Berlin. The film, A Different Story, tells his life.\n\n\
                    \"I thought I should explain myself,\" he said.\n";
        let x = crate::extract::extract(text, 0, Default::default());
        assert_eq!(x.quotes[0].speaker.as_deref(), Some("Paul Okafor"), "{:?}", x.quotes);
    }

    #[test]
    fn common_words_capitalized_at_a_sentence_start_are_no_names() {
        let text = "Following the vote, the mayor spoke. Maria Lopez listened.";
        let mut e = vec![
            at_first(text, "Following", EntityKind::Person),
            at_first(text, "Maria Lopez", EntityKind::Person),
        ];
        drop_capitalized_common_words(text, &mut e);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Maria Lopez");
    }

    #[test]
    fn title_case_lines_are_recognized() {
        assert!(is_title_case("Senator Slams Budget Deal, Governor Fires Back"));
        assert!(is_title_case("MAYOR VETOES THE TRANSIT PLAN"));
        assert!(!is_title_case("The mayor vetoed the transit plan on Monday, aides said."));
        assert!(!is_title_case("Paul Hale"));
        // short lowercase words of content belong to a sentence, function words to Title Case
        assert!(!is_title_case(
            "Glenn Harlan Reynolds, a University of Tennessee law professor, is at USA TODAY."
        ));
        assert!(is_title_case("Senator Slams Deal on Budget, Governor Fires Back at the Plan"));
    }

    #[test]
    fn a_name_only_in_a_headline_is_dropped_unless_the_body_names_it() {
        let text = "Senator Slams Budget Deal, Governor Fires Back\n\nGov. Paul Hale said the budget deal was unfair.";
        let ent = |name: &str| at_first(text, name, EntityKind::Person);
        let mut ents = vec![ent("Senator Slams Budget Deal"), ent("Governor Fires Back"), ent("Paul Hale")];
        drop_headline_only(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Paul Hale"]);
        let text2 = "Paul Hale Wins The Vote\n\nThe count ended late. Paul Hale thanked voters.";
        let mut ents =
            vec![Entity { name: "Paul Hale".into(), kind: EntityKind::Person, mentions: vec![(0, 9)] }];
        drop_headline_only(text2, &mut ents);
        assert_eq!(ents.len(), 1);
        // the body writing the words in lowercase is no name of them
        let text3 = "Hale: Reyes’s ‘Deeply Cynical Budget’ Hurts The Port\n\nPaul Hale called the plan deeply cynical.";
        let mut ents = vec![
            at_first(text3, "Deeply Cynical", EntityKind::Person),
            at_first(text3, "Paul Hale", EntityKind::Person),
        ];
        drop_headline_only(text3, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Paul Hale"]);
        // a headline's verb after the surname of a person the body names is no word of the name;
        // a first name before the surname the body uses is
        let text4 =
            "Dana Quill Explains The Senate Opposition To A Budget Deal\n\nRadio host Dana Quill spoke.";
        let body = text4.find("\n\n").unwrap();
        let quill = Entity {
            name: "Dana Quill".into(),
            kind: EntityKind::Person,
            mentions: vec![(body + 13, body + 23)],
        };
        let mut ents = vec![at_first(text4, "Quill Explains", EntityKind::Person), quill];
        drop_headline_only(text4, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Dana Quill"]);
        let text5 = "Ana Ruiz Wins The Vote In Ohio\n\nThe count ended late. Ruiz thanked voters.";
        let ruiz = Entity {
            name: "Ruiz".into(),
            kind: EntityKind::Person,
            mentions: vec![(text5.rfind("Ruiz").unwrap(), text5.rfind("Ruiz").unwrap() + 4)],
        };
        let mut ents = vec![at_first(text5, "Ana Ruiz", EntityKind::Person), ruiz];
        drop_headline_only(text5, &mut ents);
        assert_eq!(ents.len(), 2);
    }

    #[test]
    fn a_name_with_a_common_word_inside_a_capitals_run_is_dropped() {
        let text = "OHIO POLLS NOT NECESSARILY WRONG - Pollsters in Ohio defended their work.\n\nNEW HAMPSHIRE VOTES - Turnout was high.";
        let mut ents = vec![
            at_first(text, "OHIO POLLS", EntityKind::Organization),
            at_first(text, "NEW HAMPSHIRE", EntityKind::Organization),
        ];
        drop_capitals_run_only(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["NEW HAMPSHIRE"]);
    }

    #[test]
    fn words_of_a_body_name_cut_apart_in_a_capitals_run_go_to_that_name() {
        let text = "HARBOR CITY SHOWS STRONG LEAD FOR HALE - Polls in Harbor City favor Paul Hale.\n\n\
                    TIDES OUTNUMBER BOATS FOR THE FIRST TIME - Counts rose.\n\n\
                    CEDAR GROVE HEIGHTS, Iowa, March 3 - Harbor Mills Inc said profit rose.";
        let mut ents = vec![
            at_first(text, "HARBOR", EntityKind::Location),
            at_first(text, "CITY", EntityKind::Organization),
            at_first(text, "Harbor City", EntityKind::Location),
            at_first(text, "TIDES OUTNUMBER BOATS", EntityKind::Organization),
            at_first(text, "CEDAR GROVE HEIGHTS", EntityKind::Location),
        ];
        drop_names_without_signal(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Harbor City", "CEDAR GROVE HEIGHTS"]);
        assert_eq!(
            ents[0].mentions,
            [(0, 11), (text.find("Harbor City").unwrap(), text.find(" favor").unwrap())]
        );
    }

    #[test]
    fn words_of_a_quoted_title_are_no_names_but_words_said_are() {
        let text = "In her books ''Bound to Win'' and ''Doomed to Prevail,'' Dana Voss quotes Ray Coyle's \"Harbor Stands Still\" and \
                    the \"Morning Hour With Paul Hale.\" \"Only Tom Reyes,\" she said. He lists \"Lazy\" Tom \
                    Reyes and jobs from \"Buffalo to Albany.\"";
        let mut ents = vec![
            at_first(text, "Win", EntityKind::Person),
            // (a word the training text never saw, and no gazetteer's name, is a common word)
            at_first(text, "Prevail", EntityKind::Person),
            at_first(text, "Harbor", EntityKind::Location),
            at_first(text, "Paul Hale", EntityKind::Person),
            at_first(text, "Tom Reyes", EntityKind::Person),
            at_first(text, "Albany", EntityKind::Location),
        ];
        let reyes = text.rfind("Tom").unwrap();
        ents[4].mentions.push((reyes, reyes + 11));
        drop_inside_quoted_titles(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Paul Hale", "Tom Reyes", "Albany"]);
        assert_eq!(ents[1].mentions.len(), 2);
    }

    #[test]
    fn a_capitals_run_goes_on_over_punctuation() {
        let text =
            "OHIO POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Pollsters in Ohio defended their work.";
        let mut ents = vec![at_first(text, "OHIO POLLS NOT NECESSARILY WRONG", EntityKind::Organization)];
        drop_capitals_run_only(text, &mut ents);
        assert!(ents.is_empty(), "{ents:#?}");
    }
}
