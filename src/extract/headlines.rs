//! Title-Case and all-caps lines: headlines ("Senator Slams Budget Deal, Governor Fires
//! Back"), subheads and section labels, whose capitals carry no signal of a name. The tagger reads
//! runs of capitalized words there as names; a name found only in such lines is kept when the
//! body names it too, and dropped otherwise.

use super::entities::Entity;

/// Whether the line is written in Title Case or in capitals: at least three words of four
/// letters or more, and at least four in five of them capitalized.
pub fn is_title_case(line: &str) -> bool {
    let mut long = 0;
    let mut cap = 0;
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() < 4 || !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        long += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            cap += 1;
        }
    }
    long >= 3 && cap * 5 >= long * 4
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

fn inside(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    spans.iter().any(|&(a, b)| a <= s && e <= b)
}

/// Drops the entities that only Title-Case lines name, unless the rest of the text has the same
/// name (in any case): runs of three words or more, and runs with a word the body writes in
/// lowercase.
pub fn drop_headline_only(text: &str, entities: &mut Vec<Entity>) {
    let lines = title_case_lines(text);
    if lines.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    let same_len = lower.len() == text.len();
    entities.retain(|e| {
        if e.mentions.is_empty() || !e.mentions.iter().all(|&(s, e)| inside(&lines, s, e)) {
            return true;
        }
        // the name elsewhere, outside the Title-Case lines
        let name = e.name.to_lowercase();
        // a short name in a table or a capitals line ("Manchester United 2 Chelsea 1") is a
        // name; a long run, or one with a word that the body writes in lowercase ("Slams"),
        // is a headline's words
        let words: Vec<&str> = name.split_whitespace().collect();
        let common_word = words.len() >= 2
            && same_len
            && words.iter().any(|w| w.len() >= 4 && lower.match_indices(w).any(|(p, m)| text.is_char_boundary(p) && text[p..p + m.len()] == **w && !inside(&lines, p, p + m.len())));
        if words.len() < 3 && !common_word {
            return true;
        }
        if !same_len {
            return text.match_indices(e.name.as_str()).any(|(p, m)| !inside(&lines, p, p + m.len()));
        }
        lower.match_indices(name.as_str()).any(|(p, m)| !inside(&lines, p, p + m.len()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entities::EntityKind;

    #[test]
    fn title_case_lines_are_recognized() {
        assert!(is_title_case("Senator Slams Budget Deal, Governor Fires Back"));
        assert!(is_title_case("MAYOR VETOES THE TRANSIT PLAN"));
        assert!(!is_title_case("The mayor vetoed the transit plan on Monday, aides said."));
        assert!(!is_title_case("Paul Hale"));
    }

    #[test]
    fn a_name_only_in_a_headline_is_dropped_unless_the_body_names_it() {
        let text = "Senator Slams Budget Deal, Governor Fires Back\n\nGov. Paul Hale said the budget deal was unfair.";
        let ent = |name: &str| {
            let p = text.find(name).unwrap();
            Entity { name: name.into(), kind: EntityKind::Person, mentions: vec![(p, p + name.len())] }
        };
        let mut ents = vec![ent("Senator Slams Budget Deal"), ent("Governor Fires Back"), ent("Paul Hale")];
        drop_headline_only(text, &mut ents);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Paul Hale"]);
        let text2 = "Paul Hale Wins The Vote\n\nThe count ended late. Paul Hale thanked voters.";
        let mut ents = vec![Entity { name: "Paul Hale".into(), kind: EntityKind::Person, mentions: vec![(0, 9)] }];
        drop_headline_only(text2, &mut ents);
        assert_eq!(ents.len(), 1);
    }
}
