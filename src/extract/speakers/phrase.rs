//! The person a mention only modifies: the head of its noun phrase.

use super::spans::name_run;
use super::Article;
use crate::extract::names;

impl Article<'_> {
    /// The person at the head of the noun phrase that the mention `t[s..e]` only modifies:
    /// "said Virginia delegate Beau Correll", "said Air Force 1st Lt. Tyler Livingston" (the
    /// mention is a modifier before a role and a name), "James Pethokoukis of the American
    /// Enterprise Institute wrote", "Cecelia Purner, 67, a retired clerk in Allentown, Pa.,
    /// said" (the mention is inside a prepositional phrase of the subject's).
    pub(super) fn head_of_phrase(&self, s: usize, e: usize) -> Option<String> {
        let t = self.text;
        // forward: role words, ranks and numbers (and lowercase words before a role: "party
        // boss"), then a name
        let mut p = e;
        let mut words: Vec<&str> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        for _ in 0..4 {
            let Some(r) = t[p..].strip_prefix(' ') else { break };
            let wl = r
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '(' | '”' | '"'))
                .unwrap_or(r.len());
            let w = &r[..wl];
            let rank = w.chars().any(|c| c.is_ascii_digit()) || (w.ends_with('.') && names::is_role_word(w));
            // (a speech verb ends the phrase: "Khalif said Republican nominee Donald Trump")
            if w.is_empty()
                || crate::extract::quotes::is_speech_verb(w)
                || !(names::is_role_word(w) || rank || w.chars().all(|c| c.is_lowercase() || c == '-'))
            {
                break;
            }
            p += 1 + wl;
            words.push(w);
            ends.push(p);
        }
        // the run ends with its last role word or rank
        if let Some(k) =
            words.iter().rposition(|w| names::is_role_word(w) || w.chars().any(|c| c.is_ascii_digit()))
        {
            let p = ends[k];
            if let Some(r) = t[p..].strip_prefix(' ') {
                if r.starts_with(char::is_uppercase) {
                    let ws = p + 1;
                    let we = ws
                        + r.find(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '”' | '"')
                        })
                        .unwrap_or(r.len());
                    let (_, ne) = name_run(t, ws, we, true);
                    if let Some(n) = names::clean_name(&t[ws..ne]) {
                        if self.person_shaped(&n) {
                            return Some(n);
                        }
                    }
                }
            }
        }
        // forward over an office's "of" phrase: "Assistant Secretary of the Air Force for
        // Acquisition Marvin Sambur" (the person's name opens with a first name)
        if t[s..e].split_whitespace().last().is_some_and(names::is_role_word) {
            if let Some(r) = t[e..].strip_prefix(" of ") {
                let mut p = e + 4;
                for w in r.split(' ').take(8) {
                    let bare = w.trim_end_matches([',', ';', ':']);
                    if crate::extract::lexicon::is_first_name(bare) && w.len() == bare.len() {
                        let we = p + w.len();
                        let (_, ne) = name_run(t, p, we, true);
                        if let Some(n) = names::clean_name(&t[p..ne]).filter(|n| n.contains(' ')) {
                            if self.person_shaped(&n) {
                                return Some(n);
                            }
                        }
                        break;
                    }
                    if !(names::is_cap(w) || crate::extract::lexicon::OFFICE_CONNECTORS.contains(&w))
                        || w.len() != bare.len()
                    {
                        break;
                    }
                    p += w.len() + 1;
                }
            }
        }
        // backward: the mention is the object of a preposition in the subject's phrase (not
        // when it is a possessive: the owner of the noun after it, "blamed the media for
        // Donald Trump's claim that ...", is the one the cue noun names)
        let before = t[..s].trim_end_matches(' ');
        let before = before.strip_suffix(" the").or_else(|| before.strip_suffix(" The")).unwrap_or(before);
        // (nor when the mention ends in a title and a full name of its own: "Speaker of the
        // House Rep. Paul Ryan said" is Paul Ryan)
        let ws: Vec<&str> = t[s..e].split_whitespace().collect();
        let titled_name = ws
            .iter()
            .rposition(|w| names::is_role_word(w) && w.starts_with(char::is_uppercase))
            .is_some_and(|k| ws.len() - k > 2 && names::first_named(&ws[k + 1..].join(" ")));
        let prep = crate::extract::lexicon::SUBJECT_PHRASE_PREPOSITIONS
            .iter()
            .any(|p| before.ends_with(&format!(" {p}")))
            && names::strip_possessive(&t[s..e]).len() == e - s
            && !titled_name;
        if prep {
            let sent = t[..s]
                .rfind(['.', '\n', '“', '”', '"', ';'])
                .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
            let sent = sent.max(t[..s].rfind("''").map_or(0, |i| i + 2));
            let seg = t[sent..s].trim_start_matches([' ', '”', '"', '\'', ',']);
            let start = s - seg.len();
            let end = seg.find([',', '(']).map_or(s, |i| start + i);
            // the subject before the sentence's first comma, or else after its last one
            // ("However, as Archbishop Tom Reyes of the ... told")
            let last = seg.rfind(',').map_or(start, |i| start + i + 1);
            for (a, b) in [(start, end), (last, s)] {
                if let Some(n) = names::clean_name(&t[a..b]) {
                    if self.person_shaped(&n) && !names::is_org_like(&n) {
                        return Some(n);
                    }
                }
            }
        }
        None
    }
}
