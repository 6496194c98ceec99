//! The people a surname, a first name or a full name can be: the full names the article writes
//! that end with the words (or open with a lone first name), worked out once per article.

use super::spans::{line_of, name_run, word_bounded};
use super::{eq_words, same_word, Article, Candidate};
use crate::extract::entities::EntityKind;
use crate::extract::headlines;
use crate::extract::lexicon::{self, lower_eq};
use crate::extract::names::{self, is_cap, is_initial};

impl Article<'_> {
    /// Full names in the text that end with `core` (the speaker's words without a suffix), and,
    /// for a lone first name, full names that start with it (worked out once per article).
    pub(super) fn candidates(&self, core: &[&str]) -> std::rc::Rc<Vec<Candidate>> {
        let key: Vec<String> = core.iter().map(|w| w.to_string()).collect();
        if let Some(c) = self.candidates.borrow().get(&key) {
            return c.clone();
        }
        let found = std::rc::Rc::new(self.find_candidates(core));
        self.candidates.borrow_mut().insert(key, found.clone());
        found
    }

    fn find_candidates(&self, core: &[&str]) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = Vec::new();
        let last = *core.last().unwrap_or(&"");
        let first_only = core.len() == 1 && lexicon::is_first_name(last);
        let add = |name: String, pos: usize, out: &mut Vec<Candidate>| {
            let cw: Vec<String> = names::core_words(&name).iter().map(|s| s.to_string()).collect();
            if cw.len() <= core.len() && cw.len() <= 1 {
                return;
            }
            let tail_ok = cw.len() > core.len() && eq_words(&cw[cw.len() - core.len()..], core);
            // a second surname after the one written ("Ms. Acosta" of "Melba Acosta Febo",
            // whose first surname is the one used alone): a first name opens the name and the
            // last word is a capitalized name word, no organization's, role's or common word
            let second_surname = cw.len() >= 3
                && cw.len() > core.len()
                && eq_words(&cw[cw.len() - 1 - core.len()..cw.len() - 1], core)
                && lexicon::is_first_name(&cw[0])
                && cw.last().is_some_and(|w| {
                    is_cap(w)
                        && w.chars().skip(1).all(char::is_lowercase)
                        && !lexicon::is_first_name(w)
                        && !names::is_org_like(w)
                        && !names::is_role_word(w)
                        && !crate::extract::entities::usually_lowercase(&w.to_lowercase())
                });
            let head_ok = first_only && cw.len() >= 2 && same_word(&cw[0], last);
            let same = eq_words(&cw, core);
            if !(tail_ok || head_ok || same || second_surname) {
                return;
            }
            match out.iter_mut().find(|c| c.name == name) {
                Some(c) => c.positions.push(pos),
                None => out.push(Candidate { name, core: cw, positions: vec![pos] }),
            }
        };
        // the persons the recognizer found, and names of other kinds that start with a first name
        let people = self.people();
        let key = last.replace('’', "'").to_lowercase();
        for &k in people.by_word.get(&key).map_or(&[][..], |v| &v[..]) {
            let (n, at) = &people.names[k];
            for &p in at {
                add(n.clone(), p, &mut out);
            }
        }
        // capitalized runs of the text ending with the surname (or starting with the first name)
        let t = self.text;
        if last.len() >= 2 && !self.big {
            let alt = if last.contains('’') { last.replace('’', "'") } else { last.replace('\'', "’") };
            let mut at: Vec<(usize, usize)> =
                self.occurrences(last).into_iter().map(|p| (p, last.len())).collect();
            if alt != last {
                at.extend(self.occurrences(&alt).into_iter().map(|p| (p, alt.len())));
            }
            // (a surname written many times is mostly in the same few runs: each is cleaned once)
            let mut cleaned: rustc_hash::FxHashMap<&str, Option<String>> = rustc_hash::FxHashMap::default();
            for (p, len) in at {
                let last = &t[p..p + len];
                if !word_bounded(t, p, p + last.len()) {
                    continue;
                }
                let (s, e) = name_run(t, p, p + last.len(), first_only);
                let run = &t[s..e];
                let Some(n) = cleaned.entry(run).or_insert_with(|| names::clean_name(run)).clone() else {
                    continue;
                };
                let nw: Vec<&str> = names::core_words(&n);
                // the words added must be a first name, an initial or a particle, or a person's
                if nw.len() > core.len() && !self.is_named_as(&n, &[EntityKind::Person]) {
                    let extra = &nw[..nw.len() - core.len()];
                    // a first name, an initial, a particle, a nickname; or, outside a
                    // Title-Case line, a capitalized word that is no common word, title, place
                    // or organization ("Rush Limbaugh")
                    let in_headline = headlines::is_title_case(line_of(t, s));
                    let given = |w: &str| {
                        // a nickname in quotation marks: John “Tig” Tiegen
                        let w = w.trim_matches(|c: char| matches!(c, '“' | '”' | '"'));
                        let nickname = is_cap(w)
                            && (run.contains(&format!("“{w}”")) || run.contains(&format!("\"{w}\"")));
                        nickname
                            || (lexicon::is_first_name(w) && !(in_headline && names::ambiguous_given(w)))
                            || is_initial(w)
                            // (in a Title-Case line, a word the training text does not write
                            // mostly in lowercase: "Salma Hayek Described Her Experience")
                            || ((!in_headline || !crate::extract::entities::usually_lowercase(&w.to_lowercase()))
                                && is_cap(w)
                                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
                                && !names::is_role_word(w)
                                && !lower_eq(w, lexicon::FUNCTION_WORDS)
                                && !names::is_org_like(w)
                                && !self.is_named_as(
                                    w,
                                    &[EntityKind::Location, EntityKind::Organization, EntityKind::Other],
                                )
                                && self.occurrences(&w.to_lowercase()).is_empty())
                    };
                    // a form only a Title-Case line gives is no fuller form ("Bloodline Star
                    // Norbert Leo Butz Is Ready")
                    if in_headline
                        && !t.match_indices(n.as_str()).any(|(q, _)| !headlines::is_title_case(line_of(t, q)))
                        && self.body_full_name(core)
                    {
                        continue;
                    }
                    let first_ok = given(extra[0]);
                    let rest_ok = extra[1..].iter().all(|w| given(w) || lower_eq(w, lexicon::NAME_PARTICLES));
                    if !(first_ok && rest_ok) {
                        continue;
                    }
                }
                add(n, s, &mut out);
            }
        }
        // a name written surname first ("Shen Xincheng ... Shen said", "Xi Jinping ... Xi"),
        // or a first name the Census lists lack ("Megyn Kelly ... Megyn was incredulous"): the
        // one person of two words the recognizer found that opens with the word, when no name
        // ends with it
        if out.is_empty() && core.len() == 1 && !first_only && last.len() >= 2 {
            let key = last.replace('’', "'").to_lowercase();
            let mut found: Vec<&(String, Vec<usize>)> = Vec::new();
            for &k in people.by_word.get(&key).map_or(&[][..], |v| &v[..]) {
                let entry = &people.names[k];
                let cw = names::core_words(&entry.0);
                if cw.len() == 2 && same_word(cw[0], last) {
                    found.push(entry);
                }
            }
            if let [(n, at)] = found[..] {
                let cw = names::core_words(n).iter().map(|s| s.to_string()).collect();
                out.push(Candidate { name: n.clone(), core: cw, positions: at.clone() });
            }
        }
        out
    }
}
