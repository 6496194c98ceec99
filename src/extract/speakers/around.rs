//! What the words around a mention tell about who spoke: a relative clause left open before
//! the verb, a source named after "according to", a first person coordinated with the
//! mention, a misspelled surname.

use super::*;

impl Article<'_> {
    /// The person a relative clause still open at `s` belongs to: "Katie Packer, who is chairman
    /// of" before `s`, with no comma, stop or quotation mark after "who".
    pub(super) fn relative_clause_subject(&self, s: usize) -> Option<String> {
        let t = self.text;
        let lo = (s.saturating_sub(160)..s).find(|&i| t.is_char_boundary(i))?;
        let who = lo + t[lo..s].rfind(", who ")?;
        if t[who + 6..s].contains([',', '.', ';', '“', '”', '"', '\n']) {
            return None;
        }
        self.person_ending_at(who)
    }

    /// The name in a source written "the" and capitalized words that the article names as an
    /// entity ("the Daily Caller"), none of them a title or a role ("the President").
    pub(super) fn named_source(&self, m: &str) -> Option<String> {
        let rest = m.strip_prefix("the ").or_else(|| m.strip_prefix("The "))?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        let capitalized = words.iter().all(|w| w.starts_with(char::is_uppercase) && !names::is_role_word(w));
        let kinds = [EntityKind::Organization, EntityKind::Location, EntityKind::Other];
        (capitalized && !words.is_empty() && self.is_named_as(rest, &kinds)).then(|| rest.to_string())
    }

    /// The person named right before "and" before `s` ("Phil Berger and House Speaker Tim
    /// Moore"), in the fullest form the article gives.
    pub(super) fn person_coordinated_before(&self, s: usize) -> Option<String> {
        let e = self.text.get(..s)?.strip_suffix(" and ")?.len();
        self.person_ending_at(e)
    }

    /// The person one of whose mentions ends at `e`, in the fullest form the article gives.
    fn person_ending_at(&self, e: usize) -> Option<String> {
        let (p, ent) = self
            .entities
            .iter()
            .filter(|x| x.kind == EntityKind::Person)
            .find_map(|x| x.mentions.iter().find(|m| m.1 == e).map(|m| (m.0, x)))?;
        Some(self.fullest(&ent.name, p))
    }

    /// A lone surname with two letters swapped ("Keidis" in an article about "Anthony
    /// Kiedis") or a vowel or one of a double left out ("Sweeny" in one about "Steve Sweeney"):
    /// the one person of the article whose surname it is, so misspelled.
    pub(super) fn misspelled(&self, name: &str) -> Option<String> {
        let w: Vec<char> = name.chars().collect();
        if w.len() < 5 || name.contains(' ') || !w.iter().all(|c| c.is_alphabetic()) {
            return None;
        }
        let swapped = |o: &str| {
            let o: Vec<char> = o.chars().collect();
            if o.len() == w.len() + 1 {
                // (the letter left out, the first that differs, is the second of a double or
                // a vowel: spellings of one name differ so; "Johnson" is not "Johnston")
                let k = (0..w.len()).find(|&k| w[k] != o[k]).unwrap_or(w.len());
                let vowel = matches!(o[k], 'a' | 'e' | 'i' | 'o' | 'u');
                return k > 0 && (o[k] == o[k - 1] || vowel) && o[k + 1..] == w[k..];
            }
            if o.len() != w.len() {
                return false;
            }
            let diff: Vec<usize> = (0..w.len()).filter(|&k| w[k] != o[k]).collect();
            diff.len() == 2 && diff[1] == diff[0] + 1 && w[diff[0]] == o[diff[1]] && w[diff[1]] == o[diff[0]]
        };
        let mut hits = self.entities.iter().filter(|e| {
            e.kind == EntityKind::Person
                && e.name.contains(' ')
                && e.name.rsplit(' ').next().is_some_and(swapped)
        });
        let hit = hits.next()?;
        hits.next().is_none().then(|| hit.name.clone())
    }
}
