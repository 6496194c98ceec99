//! Speaker names as the index files them. The quote finder gives the words that name each
//! speaker; here they become a name a user can filter by, and the same name the persons facet
//! shows:
//! - roles, titles and glued words are removed by the shared normalizer ([`super::names`]);
//! - what is not a speaker (a place, a publishing platform, a dateline, a common word at the
//!   start of a sentence) is dropped, so the quote is filed under nobody rather than junk;
//! - a surname, a title and surname or a first name alone becomes the fullest form of that
//!   person's name in the article, the one introduced first when several people share the
//!   surname ("Sanders" -> "Bernie Sanders"; "Biden" -> "Joseph R. Biden Jr.");
//! - a description or a document becomes the person or organization the article names with it
//!   (`describe.rs`).

mod around;
mod candidates;
mod describe;
mod phrase;
mod spans;
mod spelling;
use super::entities::{Entity, EntityKind};
use super::headlines;
use super::lexicon::{self, lower_eq};
use super::names::{self, first_named, is_cap, is_initial};
use super::quotes::Quote;
use spans::{
    line_of, name_run, name_written_before, sentence_start, spelling_variant, subsequence, without_modifier,
    word_bounded,
};

/// A full name found in the article, with where it occurs.
struct Candidate {
    name: String,
    core: Vec<String>,
    positions: Vec<usize>,
}

struct Article<'a> {
    text: &'a str,
    entities: &'a [Entity],
    /// a very long text: the scans of the whole text are left out, so that extraction stays
    /// linear in the article's size
    big: bool,
    /// the person-shaped entities under their cleaned names, with their mentions' starts, by
    /// the lowercased first and last words of the name (built on first use)
    people: std::cell::OnceCell<People>,
    /// where each run of letters and digits of the text starts, by its words (built on first
    /// use)
    words: std::cell::OnceCell<rustc_hash::FxHashMap<&'a str, Vec<usize>>>,
    /// the quotations' spans (names inside them are the quoted words', not the narrative's)
    spans: Vec<(usize, usize)>,
    /// [`Article::candidates`] by the words asked for: one article asks for the same surname
    /// once per quote and per check
    candidates: std::cell::RefCell<rustc_hash::FxHashMap<Vec<String>, std::rc::Rc<Vec<Candidate>>>>,
    /// the latest speaker filed before the quote being resolved whose mention stands before
    /// that quote's, with where that mention starts
    spoke_before: std::cell::RefCell<Option<(usize, String)>>,
    /// where the title line ends ([`headlines::title_end`])
    title_end: usize,
}

#[derive(Default)]
struct People {
    names: Vec<(String, Vec<usize>)>,
    by_word: rustc_hash::FxHashMap<String, Vec<usize>>,
}

/// Texts longer than this skip the whole-text scans of speaker resolution.
const BIG_TEXT: usize = 1 << 19;

/// How far back a person written out in full still decides whose a shared surname is: about
/// the previous paragraph.
const JUST_NAMED: usize = 600;

/// The same word, ignoring case and the form of the apostrophe ("O’Neill", "O'Neill").
fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.eq_ignore_ascii_case(b)
        || a.replace('’', "'").to_lowercase() == b.replace('’', "'").to_lowercase()
}

fn eq_words(a: &[String], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_word(x, y))
}

impl<'a> Article<'a> {
    fn people(&self) -> &People {
        self.people.get_or_init(|| {
            let mut p = People::default();
            for e in self.entities {
                let person_shaped = e.kind == EntityKind::Person
                    || (e.kind != EntityKind::Organization && first_named(&e.name));
                if !person_shaped {
                    continue;
                }
                let Some(n) = names::clean_name(&e.name) else { continue };
                let k = p.names.len();
                let core = names::core_words(&n);
                // (by its first and last words, and by the one before the last of three or more,
                // a first surname: "Acosta" of "Melba Acosta Febo")
                let second = if core.len() >= 3 { core.get(core.len() - 2) } else { None };
                for w in [core.first(), core.last(), second].into_iter().flatten() {
                    let key = w.replace('’', "'").to_lowercase();
                    let v = p.by_word.entry(key).or_default();
                    if v.last() != Some(&k) {
                        v.push(k);
                    }
                }
                let mut at: Vec<usize> = e.mentions.iter().map(|m| m.0).collect();
                if at.is_empty() {
                    at.push(0);
                }
                p.names.push((n, at));
            }
            p
        })
    }

    /// Where the word `w` (a run of letters and digits) starts in the text.
    fn word_at(&self, w: &str) -> &[usize] {
        let index = self.words.get_or_init(|| {
            let mut m: rustc_hash::FxHashMap<&'a str, Vec<usize>> = rustc_hash::FxHashMap::default();
            let t = self.text;
            let mut start: Option<usize> = None;
            for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
                if c.is_alphanumeric() {
                    start.get_or_insert(i);
                } else if let Some(s0) = start.take() {
                    m.entry(&t[s0..i]).or_default().push(s0);
                }
            }
            m
        });
        index.get(w).map_or(&[], |v| &v[..])
    }

    /// Starts of the word-bounded occurrences of `w` in the text.
    fn occurrences(&self, w: &str) -> Vec<usize> {
        let t = self.text;
        // an article of ordinary length is searched directly; a long one through the index
        if t.len() > 1 << 16 && !w.is_empty() && w.chars().all(char::is_alphanumeric) {
            return self.word_at(w).iter().copied().filter(|&p| word_bounded(t, p, p + w.len())).collect();
        }
        t.match_indices(w).map(|(p, _)| p).filter(|&p| word_bounded(t, p, p + w.len())).collect()
    }

    fn entity(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.name.eq_ignore_ascii_case(name))
    }

    fn is_named_as(&self, name: &str, kinds: &[EntityKind]) -> bool {
        self.entities.iter().any(|e| kinds.contains(&e.kind) && e.name.eq_ignore_ascii_case(name))
    }

    /// Whether `w` is the last word of a person's full name in the article ("Sanders" of
    /// "Bernie Sanders"), whatever the recognizer made of it alone.
    fn surname_of_person(&self, w: &str) -> bool {
        self.entities.iter().any(|p| {
            p.kind == EntityKind::Person
                && p.name.contains(' ')
                && p.name.rsplit(' ').next().is_some_and(|l| same_word(l, w))
        })
    }

    /// A word that the persons of the article use as a first name or surname.
    fn person_word(&self, w: &str) -> bool {
        self.entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .any(|e| e.name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
    }

    /// The text opens a paragraph with `word` as a dateline ("WASHINGTON -", "WASHINGTON (AP)").
    fn dateline(&self, word: &str) -> bool {
        let upper = word.to_uppercase();
        self.text.match_indices(upper.as_str()).any(|(p, _)| {
            let line_start = p == 0 || self.text[..p].ends_with('\n');
            let rest = self.text[p + upper.len()..].trim_start_matches([',', ' ']);
            line_start
                && (rest.starts_with('-')
                    || rest.starts_with('—')
                    || rest.starts_with('(')
                    || rest.starts_with('–'))
        })
    }

    /// Whether `name` cannot be who spoke: a publishing platform, a place, a dateline, a common
    /// word capitalized at the start of a sentence.
    pub(super) fn not_a_speaker(&self, name: &str) -> bool {
        if lower_eq(name, lexicon::PLATFORMS) {
            return true;
        }
        let speaker_kinds = [EntityKind::Person, EntityKind::Organization];
        let words: Vec<&str> = name.split_whitespace().collect();
        // a person's name starting with a first name is a speaker whatever the recognizer said
        if first_named(name) {
            return false;
        }
        // a place: one the gazetteer knows a word of, or one a place's head ends ("Union
        // Square"); a "place" the recognizer guessed that is none of these speaks as it is
        // named ("Verizon said in a statement", "Soe Min, a party member, said")
        if self.is_named_as(name, &[EntityKind::Location])
            && !self.is_named_as(name, &speaker_kinds)
            && (words.iter().any(|w| crate::extract::entities::gazetteer_place(&w.to_lowercase()))
                || words.last().is_some_and(|w| lexicon::PLACE_NAME_HEADS.contains(w))
                // (or one the text puts somewhere in: "in Scotland")
                || self.text.contains(&format!(" in {name}")))
        {
            return true;
        }
        // an adjective or a plural of a people, a party, a faith ("Democratic", "Republicans")
        if self.is_named_as(name, &[EntityKind::Other]) && !self.is_named_as(name, &speaker_kinds) {
            let l = name.to_lowercase();
            if lexicon::PEOPLE_ADJECTIVE_ENDINGS.iter().any(|x| l.ends_with(x)) {
                return true;
            }
        }
        if words.len() == 1 {
            let w = words[0];
            // a day names a time ("On Wednesday, however, the director of ... said")
            if lower_eq(w, lexicon::WEEKDAYS) {
                return true;
            }
            // so does a month ("As in January, ..."), unless the article's persons are named
            // by it ("Theresa May ... May said")
            if lower_eq(w, lexicon::MONTHS) && !self.person_word(w) && !self.is_named_as(w, &speaker_kinds) {
                return true;
            }
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && !self.big && self.dateline(w)
            {
                return true;
            }
            // a compound adjective ("Tony-winning", "Oscar-nominated"): no name ends in a
            // lowercase part
            if w.rsplit('-')
                .next()
                .is_some_and(|p| w.contains('-') && !p.is_empty() && p.chars().all(|c| c.is_lowercase()))
            {
                return true;
            }
            // a capitalized common word: the article also writes it in lowercase, or the
            // tagger's training text mostly did and no full name of the article ends with it
            // ("Audiences"; "Bush" with "Jeb Bush" stays)
            if !self.is_named_as(name, &speaker_kinds) && !self.person_word(w) && !lexicon::is_first_name(w) {
                let lower = w.to_lowercase();
                // (or its singular: "Audiences can expect him to ..." beside "the audience")
                let singular = lower.strip_suffix('s').filter(|s| s.len() >= 4 && !s.ends_with('s'));
                if lower != w
                    && (!self.occurrences(&lower).is_empty()
                        || singular.is_some_and(|s| !self.occurrences(s).is_empty())
                        || (crate::extract::entities::usually_lowercase(&lower)
                            && self.candidates(&[w]).is_empty()))
                {
                    return true;
                }
            }
        }
        // a people ("Muslim Americans", "Chinese"): a demonym's plural
        if words.last().is_some_and(|l| {
            let l = l.to_lowercase();
            l.len() > 5 && lexicon::DEMONYM_PLURAL_ENDINGS.iter().any(|x| l.ends_with(x))
        }) {
            return true;
        }
        // a people or a group ("Muslim Americans", "Democrats"): a plural of a word the article
        // names as a group, or a plural of a nationality
        if let Some(last) = words.last() {
            if last.len() > 4 && last.ends_with('s') && !self.is_named_as(name, &speaker_kinds) {
                let sing = &last[..last.len() - 1];
                if self.is_named_as(sing, &[EntityKind::Other])
                    || self.entities.iter().any(|e| e.kind == EntityKind::Other && e.name.ends_with(sing))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The fullest form of the person `name` nearest to `pos`.
    fn fullest(&self, name: &str, pos: usize) -> String {
        self.fullest_of(name, pos, None)
    }

    /// [`fullest`], among the people of the gender a title gave ("Mrs. Clinton").
    fn fullest_of(&self, name: &str, pos: usize, gender: Option<lexicon::Gender>) -> String {
        if names::is_org_like(name)
            || (self.is_named_as(name, &[EntityKind::Organization]) && !self.surname_of_person(name))
        {
            return name.to_string();
        }
        let core = names::core_words(name);
        let all = self.candidates(&core);
        let mut cands: Vec<&Candidate> = all.iter().collect();
        if cands.is_empty() {
            return self.misspelled(name).unwrap_or_else(|| name.to_string());
        }
        // a form only the title line gives ("Understated Perez raises political profile", a
        // headline's first word before the surname) yields to one the body writes
        let in_body = |c: &&Candidate| c.positions.iter().any(|&p| p >= self.title_end);
        if cands.iter().any(in_body) {
            cands.retain(in_body);
        }
        if let Some(g) = gender {
            let fits = |c: &&Candidate| {
                c.core.first().and_then(|f| lexicon::first_name_gender(f)).is_none_or(|x| x == g)
            };
            if cands.iter().any(fits) {
                cands.retain(fits);
            }
        }
        // several people of the surname: a surname alone names the one the article introduced
        // first (news style names the others in full), among those named before the quote;
        // introduced means written in full (a brother the abstract calls "Freddy" before the
        // body names "Donald J. Trump" and then "Freddy Trump" is introduced second)
        let first_at = |c: &&Candidate| {
            let full = c.positions.iter().copied().filter(|&p| self.written_in_full(c, p)).min();
            full.or_else(|| c.positions.iter().min().copied()).unwrap_or(usize::MAX)
        };
        // (a title's gender decides between them otherwise: the people a recent sentence
        // names are often of the other gender, "Mr. Trump" after "Ivanka Trump")
        let recent = if gender.is_none() { self.just_named(&cands, pos) } else { None };
        let anchor = recent
            .or_else(|| cands.iter().copied().filter(|c| first_at(c) <= pos).min_by_key(first_at))
            .or_else(|| cands.iter().copied().min_by_key(first_at));
        let Some(anchor) = anchor else { return name.to_string() };
        // the fullest form compatible with it (one's words inside the other's, in order); a
        // generational suffix names another person ("Donald Trump Jr." is not "Donald Trump")
        let suffix = |n: &str| {
            n.rsplit([' ', ','])
                .find(|w| !w.is_empty())
                .filter(|w| lower_eq(w, lexicon::NAME_SUFFIXES))
                .map(str::to_lowercase)
        };
        let anchor_suffix = suffix(&anchor.name).or_else(|| suffix(name));
        let best = cands
            .iter()
            .filter(|c| subsequence(&anchor.core, &c.core) || subsequence(&c.core, &anchor.core))
            .filter(|c| suffix(&c.name) == anchor_suffix)
            .max_by_key(|c| (c.core.len(), c.name.len(), c.positions.len()))
            .copied()
            .unwrap_or(anchor);
        // of two spellings of the name, the one the article writes out more often (and, as
        // often, the one more mentions go to: "Hilary Clinton" once, "Hillary Clinton" once
        // and "Mrs. Clinton" a dozen times)
        let written = |c: &Candidate| {
            (if self.big { 0 } else { self.text.matches(c.name.as_str()).count() }, c.positions.len())
        };
        let best = cands
            .iter()
            .copied()
            .filter(|c| spelling_variant(&c.core, &best.core) && written(c) > written(best))
            .max_by_key(|c| written(c))
            .unwrap_or(best);
        if best.core.len() < core.len() {
            return name.to_string();
        }
        best.name.clone()
    }

    /// Whether the candidate's mention at `p` writes its first and its last word (within two
    /// words more than its name has).
    fn written_in_full(&self, c: &Candidate, p: usize) -> bool {
        let (Some(first), Some(last)) = (c.core.first(), c.core.last()) else { return false };
        let words = || {
            self.text
                .get(p..)
                .into_iter()
                .flat_map(|r| r.split_whitespace().take(c.core.len() + 2))
                .map(|w| w.trim_end_matches([',', '.', ';', ':']))
                .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        };
        words().any(|w| same_word(w, first)) && words().any(|w| same_word(w, last))
    }

    /// Among people who share a surname, the one the text has just named in full: the latest
    /// sentence before `pos` (within [`JUST_NAMED`] bytes) that writes one of them out, and in
    /// it the first one written (its subject: "Patricia Smith, mother of victim Sean Smith,
    /// rejected the claim. ... Smith said"). `None` when several people are in play but none
    /// was just named, or when the candidates are forms of one person.
    fn just_named<'c>(&self, cands: &[&'c Candidate], pos: usize) -> Option<&'c Candidate> {
        let t = self.text;
        let distinct = cands
            .iter()
            .any(|a| cands.iter().any(|b| !subsequence(&a.core, &b.core) && !subsequence(&b.core, &a.core)));
        if !distinct {
            return None;
        }
        // the places where a candidate is written out in full (an entity's mentions include
        // its surname alone), outside quotations
        let written = |c: &'c Candidate| {
            c.positions.iter().copied().filter(move |&p| {
                p < pos
                    && pos - p <= JUST_NAMED
                    && self.written_in_full(c, p)
                    && !self.spans.iter().any(|&(s, e)| s <= p && p < e)
            })
        };
        let (last, _) = cands.iter().flat_map(|c| written(c).map(move |p| (p, c))).max_by_key(|x| x.0)?;
        let sentence = sentence_start(t, last);
        cands
            .iter()
            .flat_map(|&c| written(c).filter(|&p| p >= sentence).map(move |p| (p, c)))
            .min_by_key(|x| x.0)
            .map(|x| x.1)
    }

    /// Whether a line that is no Title-Case headline names the person `core` in full (with at
    /// least as many words, and more than a surname alone).
    fn body_full_name(&self, core: &[&str]) -> bool {
        let last = *core.last().unwrap_or(&"");
        let t = self.text;
        self.occurrences(last).into_iter().any(|p| {
            let (s, _) = name_run(t, p, p + last.len(), false);
            s < p
                && !headlines::is_title_case(line_of(t, p))
                && names::clean_name(&t[s..p + last.len()])
                    .is_some_and(|n| n.split_whitespace().count() >= core.len().max(2))
        })
    }

    /// Whether the article gives the surname `w` to two people whose names are not forms of
    /// each other ("Jeb Bush" and "George W. Bush").
    fn shared_surname(&self, w: &str) -> bool {
        if self.big {
            return false;
        }
        let cands = self.candidates(&[w]);
        // "Ken Starr" and "Kenneth Starr" are one man
        let short_form = |a: &[String], b: &[String]| {
            a.len() == b.len()
                && a.len() >= 2
                && a[0].len() >= 3
                && b[0].to_lowercase().starts_with(&a[0].to_lowercase())
                && a[1..] == b[1..]
        };
        cands.iter().any(|a| {
            cands.iter().any(|b| {
                !subsequence(&a.core, &b.core)
                    && !subsequence(&b.core, &a.core)
                    && !short_form(&a.core, &b.core)
                    && !short_form(&b.core, &a.core)
            })
        })
    }

    /// Whether `name` is shaped like a person's: it starts with a first name, or the recognizer
    /// found it as a person.
    fn person_shaped(&self, name: &str) -> bool {
        first_named(name) || self.is_named_as(name, &[EntityKind::Person])
    }

    /// The longest run of the words `phrase` (the leftmost of equal length) that a line of the
    /// text which is no Title-Case headline writes, as a person or an organization the
    /// recognizer found there or the surname of a person it found.
    fn named_in_body(&self, phrase: &str) -> Option<String> {
        let t = self.text;
        let words: Vec<&str> = phrase
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\''))
            .collect();
        for len in (1..=words.len()).rev() {
            for run in words.windows(len) {
                if run.iter().any(|w| w.is_empty()) {
                    continue;
                }
                let name = run.join(" ");
                let kind_ok = self.is_named_as(&name, &[EntityKind::Person, EntityKind::Organization])
                    || (len == 1 && self.surname_of_person(&name));
                if kind_ok
                    && self.occurrences(&name).into_iter().any(|p| !headlines::is_title_case(line_of(t, p)))
                {
                    return Some(name);
                }
            }
        }
        None
    }

    fn resolve(&self, raw: &str, pos: usize, mention: Option<(usize, usize)>) -> Option<String> {
        // the mention's words as the text writes them, with where they start
        let written = mention.and_then(|(s, e)| Some((s, self.text.get(s..e)?)));
        if let Some((s, m)) = written {
            if let Some(n) = self.head_of_phrase(s, s + m.len()) {
                return Some(self.fullest(&n, s));
            }
            // a person the recognizer found at the end of the mention, after an office or an
            // organization it told apart ("Maricopa County Recorder Helen Purcell")
            let e = s + m.len();
            let person_at_end = self.entities.iter().filter(|x| x.kind == EntityKind::Person).find(|x| {
                // (after capitalized words only: "the former top aide to President George W.
                // Bush" is the aide)
                x.name.contains(' ')
                    && x.mentions.iter().any(|&(ms, me)| {
                        me == e
                            && ms > s
                            && self.text[s..ms].split_whitespace().all(|w| w.starts_with(char::is_uppercase))
                    })
            });
            if let Some(p) = person_at_end {
                if !self.not_a_speaker(&p.name) {
                    return Some(self.fullest(&p.name, s));
                }
            }
            // a speaker in a Title-Case headline ("Trump Addresses Munich Attack: ‘...’"): its
            // capitals carry no signal, so the name is the run of its words that the body
            // names as a person or an organization, or nobody
            if headlines::is_title_case(line_of(self.text, s))
                && m.split_whitespace().count() > 1
                // (a headline's word: one the body writes in lowercase, "Addresses"; a line of
                // names, "-Michelle Marks, Philadelphia", is a signature)
                && m.split_whitespace().any(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    w.len() > 2 && !self.person_word(w) && !self.occurrences(&w.to_lowercase()).is_empty()
                })
            {
                return self.named_in_body(m).map(|n| self.fullest(&n, s));
            }
        }
        // an organization the recognizer found, as it is written
        if let Some(e) = self.entity(raw) {
            if e.kind == EntityKind::Organization && !self.surname_of_person(raw) {
                return Some(e.name.clone());
            }
        }
        // a description, as the text writes it with its determiner (which the quote finder
        // leaves out): "the New Jersey governor", "the Senate minority leader"
        let desc = written.map_or(raw, |(_, m)| m);
        // "the former top aide to President George W. Bush": the name is the object of the
        // role noun; the description is the words before the preposition
        let desc = {
            let w: Vec<&str> = desc.split_whitespace().collect();
            let cut = (2..w.len()).find(|&k| {
                lower_eq(w[k], lexicon::ROLE_PREPOSITIONS)
                    && (names::is_role_word(w[k - 1]) || lower_eq(w[k - 1], lexicon::PERSON_NOUNS))
                    && w[k - 1].starts_with(char::is_lowercase)
                    && w.get(k + 1).is_some_and(|x| x.starts_with(char::is_uppercase))
            });
            match cut {
                Some(k) if lower_eq(w[0], lexicon::DESCRIPTION_DETERMINERS) => {
                    let nth = w[..k].iter().filter(|x| **x == w[k]).count();
                    let end =
                        desc.match_indices(&format!(" {} ", w[k])).nth(nth).map_or(desc.len(), |(i, _)| i);
                    &desc[..end]
                }
                _ => desc,
            }
        };
        let describes = {
            let w: Vec<&str> = desc.split_whitespace().collect();
            // (a quantifier opens one too: "one U.S. trade official", "two senior aides")
            w.len() >= 2
                && (lower_eq(w[0], lexicon::DESCRIPTION_DETERMINERS) || lower_eq(w[0], lexicon::QUANTIFIERS))
                // (a party's member is a description though capitalized: "the New Mexico
                // Democrat")
                && w.last().is_some_and(|l| l.starts_with(char::is_lowercase) || lower_eq(l, lexicon::PARTY_MEMBERS))
        };
        let as_description = || {
            self.document_author_after(desc, pos)
                .or_else(|| mention.and_then(|(_, e)| self.apposed_after(e)))
                .or_else(|| mention.and_then(|(s, _)| self.apposed_before(s)))
                .or_else(|| self.owned_before(desc, pos, &self.spans))
                .or_else(|| self.described(desc, pos))
                .or_else(|| self.recent_of_type(desc, pos, &self.spans))
                .or_else(|| self.document_owner(desc, pos, &self.spans))
        };
        if describes {
            return as_description();
        }
        let Some(name) = names::clean_name(raw) else {
            return as_description();
        };
        if self.not_a_speaker(&name) {
            return None;
        }
        // a pronoun's gender narrows the people of the surname ("he" of "Clinton" is not
        // Hillary Clinton when the article names Bill Clinton too)
        Some(self.fullest_of(&name, pos, written.and_then(|(_, m)| pronoun_gender(m))))
    }
}

/// The gender of the pronoun "he" or "she"; `None` for any other words.
fn pronoun_gender(m: &str) -> Option<lexicon::Gender> {
    if lower_eq(m, &["he"]) {
        Some(lexicon::Gender::Male)
    } else if lower_eq(m, &["she"]) {
        Some(lexicon::Gender::Female)
    } else {
        None
    }
}

impl Article<'_> {
    /// "The younger Mr. Trump" is the namesake with a generational suffix ("Donald Trump Jr.")
    /// when the article names one person so; "the elder" the one without.
    /// (`mention` is the words that name the speaker, and the word may be among them.)
    fn generation(&self, pos: usize, mention: Option<&str>, name: String) -> String {
        let before = self.text[..pos].trim_end().as_bytes();
        let said = |w: &str| {
            (before.len() > w.len()
                && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
                && before[before.len() - w.len() - 1] == b' ')
                || mention.is_some_and(|m| m.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)))
        };
        let younger = said("younger");
        if !younger && !said("elder") && !said("older") {
            return name;
        }
        let Some(&last) = names::core_words(&name).last() else { return name };
        let suffixed = |n: &str| n.split_whitespace().count() > names::core_words(n).len();
        let mut same = self.entities.iter().filter(|e| {
            e.kind == EntityKind::Person
                && names::core_words(&e.name).last() == Some(&last)
                && suffixed(&e.name) == younger
        });
        match (same.next(), same.next()) {
            (Some(e), None) => e.name.clone(),
            _ => name,
        }
    }
}

/// Files each quote's speaker under its normalized, fullest name, or under nobody when the
/// words the quote finder took are not a speaker. `quotes[i].mention` places it in the text.
pub fn resolve(text: &str, quotes: &mut [Quote], entities: &[Entity]) {
    let spans: Vec<(usize, usize)> = quotes.iter().map(|q| (q.start, q.end)).collect();
    let art = Article {
        text,
        entities,
        big: text.len() > BIG_TEXT,
        people: Default::default(),
        words: Default::default(),
        spans: spans.clone(),
        candidates: Default::default(),
        spoke_before: Default::default(),
        title_end: headlines::title_end(text),
    };
    let mut cache: rustc_hash::FxHashMap<String, Option<String>> = rustc_hash::FxHashMap::default();
    for i in 0..quotes.len() {
        let (before, rest) = quotes.split_at_mut(i);
        let q = &mut rest[0];
        // the quotes' speakers before this one, latest first, with where their mentions stand
        let spoke = || {
            before
                .iter()
                .rev()
                .filter_map(|p| Some((p.named_by.or(p.mention).map_or(p.start, |m| m.0), p.speaker.clone()?)))
        };
        let last_spoke = spoke().next();
        // a description the quote finder could not name ("the editorial", "the Florida senator")
        // the mention's words as the text writes them, with where they start
        let named = q.named_by.or(q.mention);
        let pos = named.map_or(q.start, |m| m.0);
        *art.spoke_before.borrow_mut() = spoke().find(|&(p, _)| p < pos);
        let written = named.and_then(|(s, e)| Some((s, text.get(s..e)?)));
        // an institution named by whose it is ("the Clinton campaign", "China's foreign
        // ministry"): it speaks under that name
        if let Some(org) = written.and_then(|(_, m)| art.owned_institution(m)) {
            q.speaker = Some(org);
            continue;
        }
        // a document's name as the label of the words it gives ("Transcript as follows:",
        // "Statement: ..."): the words are its author's, or else those of whoever spoke just
        // before, whose words the document goes on with
        if let Some((s, m)) = written.filter(|(_, m)| document_label(m)) {
            let lp_ok = |lp: usize| pos.saturating_sub(lp) <= JUST_NAMED;
            q.speaker = art
                .document_owner(&format!("the {}", m.to_lowercase()), s, &spans)
                .or_else(|| last_spoke.clone().filter(|&(lp, _)| lp_ok(lp)).map(|x| x.1));
            continue;
        }
        // a source by its name after "according to" ("according to the Daily Caller"),
        // whatever kind the recognizer gave it: a place is no source
        if let (Some("according to"), Some((_, m))) = (q.cue.as_deref(), written) {
            if let Some(name) = art.named_source(m) {
                q.speaker = Some(name);
                continue;
            }
        }
        let raw = match (q.speaker.take(), written) {
            (Some(r), _) => r,
            (None, Some((s, m))) => {
                // "it", "they", "I" or "we" inside an earlier quotation ("... Here they are:"
                // closing a quoted paragraph, a list after it): the words are still its speaker's,
                if lower_eq(m, lexicon::IN_QUOTE_PRONOUNS) {
                    if let Some(p) =
                        before.iter().rev().find(|p| p.start <= s && s < p.end && p.speaker.is_some())
                    {
                        // (and named where that quotation's speaker is)
                        q.speaker = p.speaker.clone();
                        q.mention = p.mention;
                        q.named_by = p.named_by;
                        continue;
                    }
                }
                // "it" after a sentence that names a document ("Bujnowski wrote in the
                // affidavit. It continued: ..."): the document's author
                if lower_eq(m, &["it"]) {
                    q.speaker = art.document_before(s, &spans).map(without_modifier);
                    continue;
                }
                if !m.contains(' ') {
                    continue;
                }
                let r = art
                    .document_author_after(m, s)
                    .or_else(|| art.apposed_after(s + m.len()))
                    .or_else(|| art.apposed_before(s))
                    .or_else(|| art.pronoun_institution(m, s, &spans))
                    .or_else(|| art.owned_before(m, s, &spans))
                    .or_else(|| art.described(m, s))
                    .or_else(|| art.recent_of_type(m, s, &spans))
                    .or_else(|| art.document_owner(m, s, &spans));
                // (a lead-in in capitals is no description)
                if r.is_none() && q.description.is_none() && m.chars().any(char::is_lowercase) {
                    q.description = Some(m.to_string());
                }
                q.speaker = r.map(without_modifier);
                continue;
            }
            _ => continue,
        };
        // a surname that several people of the article share ("Mr. Bush" with Jeb Bush and
        // George W. Bush): resolved here from the mention's own words, not from the quote
        // finder's guess
        if let Some((_, m)) = written {
            if let Some(c) = names::clean_name(m) {
                if c.split_whitespace().count() == 1
                    && raw.split_whitespace().count() > 1
                    && names::core_words(&raw).last() == Some(&c.as_str())
                    && art.shared_surname(&c)
                {
                    let full = art.fullest_of(&c, pos, lexicon::title_gender(m));
                    q.speaker = Some(art.generation(pos, Some(m), full));
                    continue;
                }
            }
        }
        // the same words resolve the same way unless another person of the surname came between
        let hit = cache.get(&raw).cloned();
        let resolved = match hit {
            Some(r)
                if !raw.contains(' ')
                    || r.as_deref()
                        .is_some_and(|x| x.split_whitespace().count() <= raw.split_whitespace().count()) =>
            {
                r
            }
            _ => art.resolve(&raw, pos, named),
        };
        let mut resolved = resolved.map(without_modifier);
        cache.insert(raw, resolved.clone());
        // "he" after a quote of one of two people who share a surname ("Eric Trump" and
        // "Donald Trump"): the one who spoke last, when the quote finder's antecedent is the
        // surname's other bearer
        if let (Some(r), Some((_, m)), Some((lp, last))) = (&resolved, written, &last_spoke) {
            // (of the pronoun's gender by the first name)
            let gender = pronoun_gender(m);
            let pronoun = gender.is_some()
                && names::core_words(last).first().and_then(|f| lexicon::first_name_gender(f)) == gender;
            let surname = |n: &str| names::core_words(n).last().map(|w| w.to_lowercase());
            if pronoun
                && r != last
                && pos.saturating_sub(*lp) < JUST_NAMED
                // (and the text has not written the other out since)
                && text.get(*lp..pos).is_some_and(|between| !between.contains(r.as_str()))
                // (two spellings of one first name are one person: "Hilary" and "Hillary")
                && {
                    let first3 = |n: &str| names::core_words(n).first().map(|f| f.chars().take(3).collect::<String>());
                    first3(r) != first3(last)
                }
                && r.contains(' ')
                && surname(r) == surname(last)
                && names::core_words(r).last().is_some_and(|w| art.shared_surname(w))
            {
                resolved = Some(last.clone());
            }
        }
        // an unnamed speaker opened by a quantifier keeps its words as the description ("one
        // U.S. trade official")
        if let (None, None, Some((_, m))) = (&resolved, &q.description, written) {
            let first = m.split_whitespace().next().unwrap_or("");
            if m.contains(' ') && m.chars().any(char::is_lowercase) && lower_eq(first, lexicon::QUANTIFIERS) {
                q.description = Some(m.to_string());
            }
        }
        q.speaker = resolved.map(|r| art.generation(pos, written.map(|w| w.1), r));
        // a relative clause left open before the verb ("Katie Packer, who is chairman of Our
        // Principles PAC said"): its organization is the person's, who said the words
        if let Some((s, m)) = written {
            let org = q.speaker.as_deref().is_none_or(|sp| art.is_named_as(sp, &[EntityKind::Organization]));
            if org && !art.is_named_as(m, &[EntityKind::Person]) {
                if let Some(p) = art.relative_clause_subject(s) {
                    q.speaker = Some(p);
                }
            }
        }
        // two people who said the words together ("Edward-Isaac Dovere and Gabriel Debenedetti
        // wrote"): filed under the first named
        // (both full names of persons: firms are named so too, "Deloitte Haskins and Sells")
        if let (Some(sp), Some((s, _))) = (&q.speaker, written) {
            if let Some(first) =
                art.person_coordinated_before(s).filter(|f| f.contains(' ') && first_named(sp))
            {
                q.speaker = Some(first);
            }
        }
        // the mention stands where the name is written when the quote finder took another
        // name of the sentence ("Cory James, 22, of Flint, Mich., said": not "Flint")
        if let (Some(sp), Some((s, m)), None) = (&q.speaker, written, q.named_by) {
            if let Some(at) = name_written_before(text, sp, s, m) {
                q.mention = Some((at, at + sp.len()));
            }
        }
    }
}

/// Whether a mention is a document noun alone, capitalized as a label opening a line
/// ("Transcript", "Statement"): no one's name.
fn document_label(m: &str) -> bool {
    !m.contains(' ') && m.starts_with(char::is_uppercase) && lower_eq(m, lexicon::DOCUMENT_NOUNS)
}

/// Person entities under the normalized name: "Sen. Paul Hale" is "Paul Hale" (entities of the
/// same name after that are merged).
pub fn normalize_entities(entities: &mut Vec<Entity>) {
    let mut out: Vec<Entity> = std::mem::take(entities);
    spelling::merge_doubled_letter_spellings(&mut out);
    // an organization by the grammar of its name ("Democratic Party", "Brookings
    // Institution": a head noun of organizations last), a platform by name ("Twitter")
    for e in out.iter_mut() {
        let last = e.name.rsplit(' ').next().unwrap_or("");
        let last = last.strip_suffix("'s").or_else(|| last.strip_suffix("’s")).unwrap_or(last);
        // a place keeps its kind unless the head only names organizations ("West Bank" stays)
        let org_head = e.name.contains(' ')
            && lexicon::ORG_HEADS.contains(&last)
            && (e.kind != EntityKind::Location || lexicon::ORG_ONLY_HEADS.contains(&last));
        if (org_head || lower_eq(&e.name, lexicon::PLATFORMS)) && e.kind != EntityKind::Organization {
            e.kind = EntityKind::Organization;
        }
    }
    // a surname the recognizer kept apart ("Carson") joins the one full name of the article
    // that ends with it and starts with a first name, which is then a person's ("Ben Carson",
    // even if tagged a place)
    // full names by their last word, lowercased (one pass, so that long articles stay linear)
    let mut by_last: rustc_hash::FxHashMap<String, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (j, e) in out.iter().enumerate() {
        if e.name.contains(' ') {
            let last = e.name.rsplit(' ').next().unwrap_or("").replace('’', "'").to_lowercase();
            by_last.entry(last).or_default().push(j);
        }
    }
    let mut k = 0;
    while k < out.len() {
        let lone = out[k].kind != EntityKind::Organization && !out[k].name.contains(' ');
        if lone {
            let w = out[k].name.clone();
            let key = w.replace('’', "'").to_lowercase();
            let full: Vec<usize> = by_last
                .get(&key)
                .map_or(&[][..], |v| &v[..])
                .iter()
                .copied()
                .filter(|&j| j != k && !out[j].name.is_empty())
                .filter(|&j| out[j].kind != EntityKind::Organization)
                .filter(|&j| {
                    // one of the two is a person's name, or the full one starts with a first name
                    out[j].kind == EntityKind::Person
                        || out[k].kind == EntityKind::Person
                        || first_named(&out[j].name)
                })
                .collect();
            if full.len() == 1 {
                let j = full[0];
                let moved = std::mem::take(&mut out[k].mentions);
                out[j].kind = EntityKind::Person;
                out[j].mentions.extend(moved);
                out[k].name.clear();
            }
        }
        k += 1;
    }
    // persons under their cleaned names, merged when two come to the same name (most names
    // are already clean: two capitalized words or fewer, none a title, role or function word)
    let plain = |n: &str| {
        let mut k = 0;
        n.split_whitespace().all(|w| {
            k += 1;
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !names::is_role_word(w)
                && !lexicon::FUNCTION_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f))
        }) && k <= 2
    };
    let removed = out.iter().any(|e| e.name.is_empty());
    if !removed && out.iter().all(|e| e.kind != EntityKind::Person || plain(&e.name)) {
        for e in out.iter_mut() {
            e.mentions.sort_unstable();
            e.mentions.dedup();
        }
        *entities = out;
        return;
    }
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    let mut at: rustc_hash::FxHashMap<(EntityKind, String), usize> = rustc_hash::FxHashMap::default();
    for mut e in out.into_iter().filter(|e| !e.name.is_empty()) {
        if e.kind == EntityKind::Person {
            match names::clean_name(&e.name) {
                Some(n) => e.name = n,
                None => continue,
            }
        }
        match at.get(&(e.kind, e.name.clone())) {
            Some(&x) => merged[x].mentions.extend(e.mentions),
            None => {
                at.insert((e.kind, e.name.clone()), merged.len());
                merged.push(e);
            }
        }
    }
    for e in merged.iter_mut() {
        e.mentions.sort_unstable();
        e.mentions.dedup();
    }
    *entities = merged;
}

#[cfg(test)]
mod tests;
