//! Descriptions and documents as speakers: "the Florida senator", "the 43-year-old", "the
//! statement said", resolved to the person or organization the article names with them.

use super::*;

impl Article<'_> {
    /// The author of a document that "speaks" ("the statement said", "The ad claims"): the
    /// named person or organization whose the document is ("Lewandowski's statement"), or the
    /// first one named in the latest sentence before that mentions such a document ("Bernie
    /// Sanders is releasing a new ad"), within the last two paragraphs; names inside
    /// quotations left out.
    pub(super) fn document_owner(
        &self,
        desc: &str,
        pos: usize,
        quote_spans: &[(usize, usize)],
    ) -> Option<String> {
        self.document_owner_within(desc, pos, quote_spans, usize::MAX)
    }

    /// The author named right after the document noun of the description at `pos`, by a
    /// preposition of authorship: "The statement from Ingrid Solberg read", "a memo by the
    /// agency said".
    pub(super) fn document_author_after(&self, desc: &str, pos: usize) -> Option<String> {
        let words: Vec<&str> = desc.split_whitespace().collect();
        let head = words.last()?.to_lowercase();
        if words.len() > 4 || !lower_eq(&head, lexicon::DOCUMENT_NOUNS) {
            return None;
        }
        let t = self.text;
        let at = pos + t.get(pos..(pos + 80).min(t.len()))?.to_ascii_lowercase().find(head.as_str())?;
        let after = at + head.len();
        let (p, e) = self
            .entities
            .iter()
            .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
            .flat_map(|e| e.mentions.iter().map(move |m| (m.0, e)))
            .filter(|&(p, _)| p > after && p <= after + 40)
            .min_by_key(|x| x.0)?;
        let gap = t.get(after..p)?;
        let preposition = gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' '))?;
        let by = lower_eq(preposition, lexicon::DOCUMENT_AUTHOR_PREPOSITIONS)
            || preposition
                .strip_suffix(" the")
                .is_some_and(|w| lower_eq(w, lexicon::DOCUMENT_AUTHOR_PREPOSITIONS));
        by.then(|| self.name_of(p, e))
    }

    /// The name a speaker `e` mentioned at `p` is filed under: a person's fullest form there,
    /// an organization's name.
    fn name_of(&self, p: usize, e: &Entity) -> String {
        if e.kind == EntityKind::Person {
            self.fullest(&e.name, p)
        } else {
            e.name.clone()
        }
    }

    /// [`Self::document_owner`] from the latest `tries` mentions of the document noun only.
    fn document_owner_within(
        &self,
        desc: &str,
        pos: usize,
        quote_spans: &[(usize, usize)],
        tries: usize,
    ) -> Option<String> {
        if self.big {
            return None;
        }
        let words: Vec<&str> = desc.split_whitespace().collect();
        let head = words.last()?.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
        if words.len() > 4 || !lower_eq(&head, lexicon::DOCUMENT_NOUNS) {
            return None;
        }
        // a document by whose it is: "Bush's Facebook post", "the Club's ad" (its owner is the
        // person or organization named in the possessive, as at `pos`)
        if let Some(owner) = words[..words.len() - 1].iter().find_map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .filter(|o| o.starts_with(char::is_uppercase))
        }) {
            let at = self.text.get(pos..).and_then(|r| r.find(owner)).map(|i| pos + i);
            let ent = at.and_then(|a| {
                self.entities
                    .iter()
                    .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
                    .find(|e| e.mentions.iter().any(|&(ms, me)| ms <= a && a + owner.len() <= me))
            });
            return ent.map(|e| self.name_of(pos, e));
        }
        if !lower_eq(words[0], lexicon::DOCUMENT_DETERMINERS) {
            return None;
        }
        let t = self.text;
        let lo = {
            let mut p = pos;
            for _ in 0..3 {
                p = t[..p].trim_end_matches('\n').rfind("\n\n").unwrap_or(0);
            }
            p.max(pos.saturating_sub(1500))
        };
        let lo = (lo..=pos).find(|&i| t.is_char_boundary(i)).unwrap_or(pos);
        let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
        // the mentions of the noun (or its plural) before the description, latest first
        let window = &t[lo..pos];
        let lower = window.to_ascii_lowercase();
        let mut ats: Vec<usize> = lower
            .match_indices(head.as_str())
            .map(|(i, _)| lo + i)
            .filter(|&a| {
                let e = a + head.len();
                // (or its verb: "Huma Abedin emailed supporters ... The email goes on")
                let verb = t[e..].starts_with("ed") && word_bounded(t, a, e + 2);
                // (or the compound it shortens: "a lawsuit ... the suit says")
                let compound = head == "suit" && t[..a].ends_with("law") && word_bounded(t, a - 3, e);
                (word_bounded(t, a, e)
                    || t[e..].starts_with("s ")
                    || t[e..].starts_with("s,")
                    || verb
                    || compound)
                    && !in_quote(a)
            })
            .collect();
        ats.reverse();
        ats.truncate(tries);
        let named = |ss: usize, se: usize| {
            self.entities
                .iter()
                .filter(|e| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
                .flat_map(|e| e.mentions.iter().map(move |m| (m.0, m.1, e)))
                .filter(move |&(p, _, _)| p >= ss && p < se && !in_quote(p))
        };
        for at in ats {
            let ss = sentence_start(t, at);
            let se = t[at..].find(['.', '\n', '?', '!']).map_or(t.len(), |i| at + i);
            // the sentence's first name before the noun: its subject or its possessor ("The
            // Jeb Bush campaign is releasing a new ad", "Lewandowski's statement")
            if let Some((p, _, e)) = named(ss, at).min_by_key(|x| x.0) {
                return Some(self.name_of(p, e));
            }
            // a name after it: "a column in the Asahi newspaper", "a statement by the group"
            let after = at + head.len();
            if let Some((p, _, e)) = named(after, se).min_by_key(|x| x.0) {
                let gap = t[after..p].trim_start_matches('s');
                let linked = gap.len() <= 40
                    && gap.strip_prefix(' ').is_some_and(|g| {
                        lexicon::DOCUMENT_AUTHOR_PREPOSITIONS
                            .iter()
                            .any(|p| g.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
                    });
                if linked {
                    return Some(self.name_of(p, e));
                }
            }
            // a pronoun's: "his campaign sent out a fundraising email", "She posted a
            // statement": the latest person of the pronoun's gender named before the sentence
            // ("its" is left alone: its organization is as often a description, "the party")
            if let Some(owner) = self.pronoun_owner(ss, at, lo, &in_quote) {
                return Some(owner);
            }
        }
        None
    }

    /// The author of the document that "it" at `pos` refers to ("Bujnowski wrote in the
    /// affidavit. It continued: ..."): the last document noun outside quotations in the
    /// sentence before or in the words before "it", when that sentence names its author.
    pub(super) fn document_before(&self, pos: usize, quote_spans: &[(usize, usize)]) -> Option<String> {
        let t = self.text;
        let own = sentence_start(t, pos);
        let prev_end =
            t[..own].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '?' | '!')).len();
        let from = if prev_end == 0 { 0 } else { sentence_start(t, prev_end) };
        let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
        let window = &t[from..pos];
        let mut noun = None;
        for w in window.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
            // (where the word stands: its offset in the window, whatever the separators' sizes)
            let at = from + (w.as_ptr() as usize - window.as_ptr() as usize);
            let l = w.to_ascii_lowercase();
            if let Some(n) = lexicon::DOCUMENT_NOUNS.iter().find(|n| **n == l) {
                if !in_quote(at) {
                    noun = Some(*n);
                }
            }
        }
        self.document_owner_within(&format!("the {}", noun?), pos, quote_spans, 1)
    }

    /// The person a pronoun among the first words of the clause before a document noun at `at`
    /// refers to ("his", "her", "he", "she"): the name that opens the main clause after an
    /// introductory phrase ("On his website, Sanders has"), or else the latest person named
    /// from `lo` to `ss`, outside quotations, of a gender the pronoun allows (by the Census first
    /// name; unknown allows both).
    fn pronoun_owner(
        &self,
        ss: usize,
        at: usize,
        lo: usize,
        in_quote: &dyn Fn(usize) -> bool,
    ) -> Option<String> {
        let t = self.text;
        // (the subject of the clause that names the document, a few words before it: "On
        // Saturday, his campaign sent out a fundraising email"; not "he changed his mind in June,
        // following ..., the book claims")
        let clause = t[ss..at].rsplit(',').next().unwrap_or("");
        let words: Vec<&str> = clause.split_whitespace().collect();
        if words.len() > 8 {
            return None;
        }
        let pronoun = words.iter().take(2).find(|w| lower_eq(w, lexicon::HE_SHE_PRONOUNS))?.to_lowercase();
        // (an introductory phrase's "his" is the main clause's subject when a name opens it:
        // "On his website, Sanders has ..."; a person's, even where the recognizer typed the
        // surname an organization)
        let rest = &t[at..];
        let sentence_end = rest.find(['.', '?', '!', '\n']).unwrap_or(rest.len());
        if let Some(comma) = rest[..sentence_end].find(',') {
            let main = at + comma + 1;
            let main = main + (t[main..].len() - t[main..].trim_start().len());
            let subject = self
                .entities
                .iter()
                .filter(|e| {
                    e.kind == EntityKind::Person
                        || (e.kind == EntityKind::Organization && !e.name.contains(' '))
                })
                .find(|e| e.mentions.iter().any(|m| m.0 == main));
            if let Some(e) = subject {
                return Some(self.fullest(&e.name, main));
            }
        }
        let want = if matches!(pronoun.as_str(), "his" | "he") {
            lexicon::Gender::Male
        } else {
            lexicon::Gender::Female
        };
        self.latest_person_of(want, lo, ss, in_quote)
    }

    /// The fullest name of the latest person named from `lo` to `hi`, outside quotations, of a
    /// gender `want` allows (by the Census first name; unknown allows both).
    fn latest_person_of(
        &self,
        want: lexicon::Gender,
        lo: usize,
        hi: usize,
        in_quote: &dyn Fn(usize) -> bool,
    ) -> Option<String> {
        let (p, e) = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| e.mentions.iter().map(move |m| (m.0, e)))
            .filter(|&(p, _)| p >= lo && p < hi && !in_quote(p))
            .filter(|&(_, e)| {
                let first = names::core_words(&e.name).first().and_then(|f| lexicon::first_name_gender(f));
                first.is_none_or(|g| g == want)
            })
            .max_by_key(|x| x.0)?;
        Some(self.fullest(&e.name, p))
    }

    /// The person whose institution a possessive pronoun's mention names ("his campaign sent
    /// out a text message saying: ...", "“...,” her campaign wrote"): the latest person named
    /// before it in the 1,500 bytes before, outside quotations, of a gender the pronoun allows
    /// (by the Census first name; unknown allows both). A campaign speaks for its candidate, an
    /// account for its holder.
    pub(super) fn pronoun_institution(
        &self,
        m: &str,
        s: usize,
        quote_spans: &[(usize, usize)],
    ) -> Option<String> {
        let words: Vec<&str> = m.split_whitespace().collect();
        let (pronoun, noun) = match words[..] {
            [pronoun, noun] => (pronoun, noun),
            // a person's account on a platform: "her Twitter account posted: ..."
            [pronoun, platform, noun] if lower_eq(platform, lexicon::PLATFORMS) => (pronoun, noun),
            _ => return None,
        };
        if !lower_eq(noun, lexicon::OWNED_INSTITUTIONS) && !lower_eq(noun, lexicon::PERSONAL_CHANNELS) {
            return None;
        }
        let want = match pronoun.to_lowercase().as_str() {
            "his" => lexicon::Gender::Male,
            "her" => lexicon::Gender::Female,
            _ => return None,
        };
        let in_quote = |a: usize| quote_spans.iter().any(|&(qs, qe)| qs <= a && a < qe);
        self.latest_person_of(want, s.saturating_sub(1500), s, &in_quote)
    }

    /// The institution that "the ministry" or "the campaign" refers back to when the article
    /// named it by whose it is ("China's foreign ministry also weighed in. “...,” the ministry
    /// said"): the latest such phrase in the 700 bytes before `pos`, outside quotations.
    pub(super) fn owned_before(
        &self,
        desc: &str,
        pos: usize,
        quote_spans: &[(usize, usize)],
    ) -> Option<String> {
        let words: Vec<&str> = desc.split_whitespace().collect();
        if words.len() != 2
            || !words[0].eq_ignore_ascii_case("the")
            || !lower_eq(words[1], lexicon::OWNED_INSTITUTIONS)
        {
            return None;
        }
        let head = words[1];
        if !head.starts_with(char::is_lowercase) {
            return None;
        }
        let t = self.text;
        let lo = (pos.saturating_sub(700)..=pos).find(|&i| t.is_char_boundary(i)).unwrap_or(pos);
        let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
        let mut ats: Vec<usize> = t[lo..pos]
            .match_indices(head)
            .map(|(i, _)| lo + i)
            .filter(|&a| word_bounded(t, a, a + head.len()) && !in_quote(a))
            .collect();
        ats.reverse();
        for at in ats {
            // the words before the noun in its sentence, up to five
            // (past the mark's bytes: '“' is three)
            let ss = t[..at]
                .rfind(['.', '\n', '?', '!', ',', ';', '“', '"'])
                .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
            let before: Vec<&str> = t[ss..at].split_whitespace().collect();
            let best = (1..=before.len().min(5))
                .filter_map(|k| {
                    let phrase = before[before.len() - k..]
                        .iter()
                        .copied()
                        .chain([head])
                        .collect::<Vec<_>>()
                        .join(" ");
                    self.owned_institution(&phrase)
                })
                .max_by_key(String::len);
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// The person a description mention ending at `e` names in apposition right after it:
    /// "said a spokesman, Tom Reed.", "said his best friend at Lehigh, Bruce Turry, who ..." (a
    /// short prepositional phrase may stand between the description and its comma), or named
    /// by a participle ([`Self::named_after`]).
    pub(super) fn apposed_after(&self, e: usize) -> Option<String> {
        let t = self.text;
        if let Some(n) = self.named_after(e) {
            return Some(n);
        }
        let rest = t.get(e..)?;
        // (the phrase before the comma: nothing, or a preposition and a few words)
        let comma = rest.find([',', '\n', '.', '“', '"'])?;
        if !rest[comma..].starts_with(", ") {
            return None;
        }
        let phrase: Vec<&str> = rest[..comma].split_whitespace().collect();
        if !phrase.is_empty()
            && (phrase.len() > 5 || !lower_eq(phrase[0], lexicon::POSTMODIFIER_PREPOSITIONS))
        {
            return None;
        }
        self.person_phrase_at(e + comma + 2)
    }

    /// The fullest name of the person entity one of whose mentions starts at `ns` and ends its
    /// phrase (a comma, a stop, a semicolon, a parenthesis or the paragraph's end after it).
    fn person_phrase_at(&self, ns: usize) -> Option<String> {
        let (ent, me) = self
            .entities
            .iter()
            .filter(|x| x.kind == EntityKind::Person)
            .find_map(|x| x.mentions.iter().find(|&&(ms, _)| ms == ns).map(|&(_, me)| (x, me)))?;
        matches!(self.text[me..].chars().next(), None | Some(',' | '.' | ';' | '(' | '\n'))
            .then(|| self.fullest(&ent.name, ns))
    }

    /// The person a description mention ending at `e` names with a participle of naming: "the
    /// base chief known as Bob", "a 70-year-old academic named Eric Kingson" (the participle
    /// may end the mention, "the base chief known | as Bob").
    fn named_after(&self, e: usize) -> Option<String> {
        let t = self.text;
        let ns = lexicon::NAMING_PARTICIPLES.iter().find_map(|p| {
            let after = |x: usize| t.get(x..)?.strip_prefix(' ').map(|r| (x + 1, r));
            // the whole participle after the mention, or its last word after the rest of it
            if let Some((x, r)) = after(e) {
                if r.strip_prefix(p).is_some_and(|r2| r2.starts_with(' ')) {
                    return Some(x + p.len() + 1);
                }
                let (head, last) = p.rsplit_once(' ')?;
                if t[..e].ends_with(&format!(" {head}")) && r.starts_with(&format!("{last} ")) {
                    return Some(x + last.len() + 1);
                }
            }
            None
        })?;
        self.person_phrase_at(ns)
    }

    /// The person a description mention `m` starting at `s` stands in apposition to, named
    /// right before its comma as a speaker: "said Tim Selaty, organizer of a group called
    /// Citizens for Trump", "Michael Lamberty, a Lufthansa spokesman told the BBC" (the name
    /// opens its clause after a quotation or a speech verb; "the replacement of Funaro, a
    /// foreign banker told Reuters" is another person).
    pub(super) fn apposed_before(&self, s: usize) -> Option<String> {
        let t = self.text;
        let end = s.checked_sub(2).filter(|&e| t.get(e..s) == Some(", "))?;
        let (ent, ms) = self
            .entities
            .iter()
            .filter(|x| x.kind == EntityKind::Person)
            .find_map(|x| x.mentions.iter().find(|&&(_, me)| me == end).map(|&(ms, _)| (x, ms)))?;
        let before = t[..ms].trim_end();
        let opens = before.is_empty()
            || before.ends_with(['”', '"', '\'', '.', '\n'])
            || before.ends_with(",”")
            || before.rsplit(char::is_whitespace).next().is_some_and(|w| {
                lower_eq(w, lexicon::INVERTED_SPEECH_VERBS) || lower_eq(w, lexicon::SUBJECT_SPEECH_VERBS)
            });
        opens.then(|| self.fullest(&ent.name, ms))
    }

    /// The named person or organization the article identifies with a description ("the
    /// Florida senator", "the editorial"), by its head noun: "Florida Sen. Marco Rubio" or
    /// "candidate Ben Carson" (the head before a name), "Marco Rubio, the Florida senator" (an
    /// apposition), "a Wall Street Journal editorial" (an organization's name before it). The
    /// occurrence nearest before `pos` wins.
    pub(super) fn described(&self, desc: &str, pos: usize) -> Option<String> {
        let t = self.text;
        if self.big {
            return None;
        }
        // two roles of one person ("the Florida senator and Republican presidential
        // candidate"): the first is identified as a description of its own
        if let Some((first, _)) = desc.split_once(" and ") {
            if let Some(n) = self.described(first, pos) {
                return Some(n);
            }
        }
        let words: Vec<&str> = desc.split_whitespace().collect();
        let head = words.last()?.trim_matches(|c: char| !c.is_alphanumeric());
        if head.len() < 3 || !head.chars().all(|c| c.is_lowercase() || c == '-') || words.len() > 8 {
            return None;
        }
        if !lower_eq(words[0], lexicon::ROLE_DESCRIPTION_DETERMINERS) {
            return None;
        }
        // "a" or "an" introduces someone not named before; an organization named by its head
        // word ("the campaign") is named with it
        let mut best: Option<(usize, String)> = None;
        // the abbreviated title of the same office ("senator" and "Sen.")
        let short = lexicon::short_title(head);
        let mut at: Vec<(usize, usize)> = t.match_indices(head).map(|(p, w)| (p, w.len())).collect();
        if let Some(sh) = short {
            at.extend(t.match_indices(sh).map(|(p, w)| (p, w.len())));
            at.sort_unstable();
        }
        // (an office the description does not put in the past is no past one: "the governor"
        // is not "Christine Todd Whitman, the former New Jersey governor")
        let past = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
            lower_eq(&w, lexicon::PAST_OFFICE_MODIFIERS) || w.starts_with("ex-")
        };
        let desc_past = words.iter().any(|w| past(w));
        for (p, hl) in at {
            let head_len = hl;
            if !word_bounded(t, p, p + head_len) && !t[..p + head_len].ends_with('.') || p > pos {
                continue;
            }
            let past_before = t[..p].ends_with("ex-")
                || t[sentence_start(t, p)..p].split_whitespace().rev().take(3).any(past);
            if !desc_past && past_before {
                continue;
            }
            let mut found: Option<String> = None;
            // the head (or its title form) right before a name: "candidate Ben Carson"
            let after = &t[p + head_len..];
            if let Some(r) = after.strip_prefix(' ') {
                if r.starts_with(|c: char| c.is_uppercase()) {
                    let ws = p + head_len + 1;
                    let we = ws
                        + r.find(|c: char| {
                            c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '”' | '"')
                        })
                        .unwrap_or(r.len());
                    let (_, e) = name_run(t, ws, we, true);
                    if let Some(n) = names::clean_name(&t[p + head_len + 1..e]) {
                        found = Some(n);
                    }
                }
            }
            // an apposition: "Marco Rubio, the Florida senator"
            if found.is_none() {
                let sent_start = t[..p]
                    .rfind(['.', '\n', '“', '"'])
                    .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
                let seg = &t[sent_start..p];
                if let Some(c) = seg.rfind(", ") {
                    let between = &seg[c + 2..];
                    let det_ok =
                        between.split_whitespace().next().is_some_and(|w| lower_eq(w, lexicon::ARTICLES));
                    if det_ok && !between.contains(',') {
                        let name_end = sent_start + c;
                        let ns = t[sent_start..name_end]
                            .rfind([',', '('])
                            .map_or(sent_start, |i| sent_start + i + 1);
                        // the name is the capitalized run that ends at the comma: a clause
                        // that ends in a common word has no name in apposition ("Sloppy
                        // wording could leave anglers facing court, the committee said"), and
                        // one that ends in a name is that name ("Voters rallied behind Marco
                        // Rubio, the Florida senator")
                        let end = ns + t[ns..name_end].trim_end().len();
                        let last = t[ns..end].rfind(char::is_whitespace).map_or(ns, |i| ns + i + 1);
                        // (a sentence opened by a preposition or a subordinator, whose
                        // comma ends its introductory phrase: "In the emails released by the
                        // State Department, the candidate ..." has none either)
                        let opener = t[sent_start..end].split_whitespace().next().unwrap_or("");
                        let intro = ns == sent_start && lower_eq(opener, lexicon::INTRO_OPENERS);
                        let run = if !intro && t[last..end].starts_with(|c: char| c.is_uppercase()) {
                            &t[name_run(t, last, end, false).0.max(ns)..end]
                        } else {
                            ""
                        };
                        if let Some(n) = names::clean_name(run) {
                            if n.chars().next().is_some_and(|c| c.is_uppercase()) {
                                found = Some(n);
                            }
                        }
                    }
                }
            }
            // an organization's name right before the head: "a Wall Street Journal editorial"
            if found.is_none() {
                let before = t[..p].trim_end_matches(' ');
                if before.len() + 1 == p {
                    let (s, _) = name_run(t, p - 1, p - 1, false);
                    let run = t[s..p - 1].trim();
                    if !run.is_empty()
                        && (names::is_org_like(run) || self.is_named_as(run, &[EntityKind::Organization]))
                    {
                        found = names::clean_name(run);
                    }
                }
            }
            // (a name that cannot speak is no apposition's: "... earnings on Wednesday, the
            // company said")
            if let Some(n) = found.filter(|n| !self.not_a_speaker(n)) {
                best = Some((p, n));
            }
        }
        let (p, n) = best?;
        Some(self.fullest(&n, p))
    }

    /// A definite description the article never ties to a name by its words ("the agency",
    /// "the 43-year-old", "the Republican presidential candidate") refers back to the nearest
    /// named person or organization of its type in the narrative before it (names inside
    /// quotations left out), within the last few sentences.
    pub(super) fn recent_of_type(
        &self,
        desc: &str,
        pos: usize,
        quote_spans: &[(usize, usize)],
    ) -> Option<String> {
        let words: Vec<&str> = desc.split_whitespace().collect();
        if words.len() < 2 || words.len() > 6 || !words[0].eq_ignore_ascii_case("the") {
            return None;
        }
        let head = words.last()?.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let person = head.ends_with("-old")
            || names::is_role_word(head)
            || lower_eq(head, lexicon::PERSON_NOUNS)
            || lexicon::agent_noun(head);
        // an organization named before with that noun as its last word: "the Massachusetts Bay
        // Transportation Authority ... the authority said", "the Riders Union ... the union"
        // (not a noun of a person's role: "the Senate minority leader" is no "Union Leader")
        if !person && head.len() > 3 && head.chars().all(|c| c.is_lowercase()) {
            let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
            let by_head = self
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Organization && e.name.contains(' '))
                .filter(|e| e.name.rsplit(' ').next().is_some_and(|l| l.eq_ignore_ascii_case(head)))
                .flat_map(|e| e.mentions.iter().map(move |m| (m.0, e)))
                .filter(|&(p, _)| p < pos && !in_quote(p))
                .max_by_key(|&(p, _)| p);
            if let Some((_, e)) = by_head {
                return Some(e.name.clone());
            }
        }
        let publication = lower_eq(head, lexicon::PUBLICATION_NOUNS);
        // a publication's name in the description itself: "the Financial Times newspaper",
        // "the influential Edge magazine"
        if publication {
            let n = words.len();
            let caps = words[1..n - 1].iter().rev().take_while(|w| w.starts_with(char::is_uppercase)).count();
            if caps > 0 {
                return Some(words[n - 1 - caps..n - 1].join(" "));
            }
        }
        let org = lower_eq(head, lexicon::INSTITUTION_NOUNS) || publication;
        if person == org {
            return None;
        }
        let want = if person { EntityKind::Person } else { EntityKind::Organization };
        // "the newspaper" goes back to a publication, named seldom and referred to by the noun
        // for long after; "the group" or "the campaign" never to one ("Black Lives Matter
        // issued a statement, the Sun-Times reported. ... the group said")
        // (a publication by its name, or by the words the article writes around it: "the Ming
        // Pao newspaper", "the daily Izvestia")
        let t = self.text;
        let a_publication = |e: &Entity| {
            lexicon::is_publication_name(&e.name)
                || e.mentions.iter().any(|&(s, x)| {
                    let after = t[x..].split_whitespace().next().unwrap_or("");
                    let before = t[..s].split_whitespace().next_back().unwrap_or("");
                    let noun = |w: &str| {
                        lower_eq(w.trim_matches(|c: char| !c.is_alphanumeric()), lexicon::PUBLICATION_NOUNS)
                    };
                    noun(after) || noun(before)
                })
        };
        // "the company" is no institute, program or committee ("Twitter said ... the company
        // said" after "the Liberty and National Security Program")
        let company = lower_eq(head, lexicon::COMPANY_NOUNS);
        let institutional = |e: &Entity| {
            e.name
                .rsplit(' ')
                .next()
                .is_some_and(|l| lexicon::ORG_HEADS.contains(&l) && !lexicon::COMPANY_HEADS.contains(&l))
        };
        let fits = |e: &Entity| {
            if want == EntityKind::Person {
                true
            } else if company {
                !institutional(e)
            } else if publication {
                a_publication(e)
            } else {
                !lower_eq(head, lexicon::ADVOCACY_NOUNS) || !a_publication(e)
            }
        };
        let lo = pos.saturating_sub(if publication { 2000 } else { 700 });
        let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
        // the narrative's mentions of that type before the description; the latest within the
        // window
        let before: Vec<(usize, &Entity)> = self
            .entities
            .iter()
            .filter(|e| e.kind == want && fits(e))
            .flat_map(|e| e.mentions.iter().map(move |m| (m.0, e)))
            .filter(|&(p, _)| p < pos && !in_quote(p))
            .collect();
        let last = before.iter().copied().filter(|&(p, _)| p >= lo).max_by_key(|&(p, _)| p)?;
        // someone the article introduced with "a" or "an" and that noun after that name and
        // never named ("an aide to the senator, who asked not to be named, ... the aide
        // added"): the description is that unnamed person's
        // (from the start of that name's sentence: "A Democratic strategist who has advised
        // both campaigns said Clinton remained the favorite")
        let ss = sentence_start(t, last.0);
        if self.introduced_unnamed(head, ss, pos, quote_spans) {
            return None;
        }
        // the speaker of a quote whose mention is the latest person named before: "..., Ben
        // Carson said Monday. “...,” the retired neurosurgeon told REVOLT TV" (news style names
        // a speaker, then describes them), not the subject of that sentence ("Donald Trump
        // plans to ...")
        if want == EntityKind::Person {
            if let Some((p, sp)) = self.spoke_before.borrow().as_ref() {
                let surname = |n: &str| n.rsplit(' ').next().map(str::to_lowercase);
                if (*p..p + 48).contains(&last.0) && surname(sp) == surname(&last.1.name) {
                    return Some(sp.clone());
                }
            }
        }
        // a sentence whose subject is "he" or "she" names others after it ("And he even
        // praised Mr. Trump. “...,” the Russian leader said"): the person that pronoun goes
        // back to, through the sentences before that open with one, to the one that names its
        // subject
        if want == EntityKind::Person && self.pronoun_subject(ss) {
            let mut s = ss;
            for _ in 0..6 {
                if ss - s > 1500 {
                    break;
                }
                // (the last word of the sentence before, past its closing marks and stop)
                let body = t[..s].trim_end_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '.' | '?' | '!' | '”' | '"' | '’' | '\'' | ')')
                });
                let Some((last_char, _)) = body.char_indices().next_back() else { break };
                s = sentence_start(t, last_char);
                if self.pronoun_subject(s) {
                    continue;
                }
                let first = t[s..].find(|c: char| !c.is_whitespace()).map_or(s, |i| s + i);
                let opener = t[first..].split_whitespace().take(3).map(str::len).sum::<usize>() + 2;
                if let Some(&(p, e)) = before.iter().find(|&&(p, _)| p >= first && p <= first + opener) {
                    return Some(self.fullest(&e.name, p));
                }
                break;
            }
        }
        // the subject of that sentence rather than a name after it ("Harry Reid blasted Rubio
        // and defended Cruz. ... the Senate minority leader said")
        // (past an introductory phrase and its comma: "One month after announcing his support
        // for Donald Trump, Marco Rubio still believes ...")
        let from = self.after_introductory_phrase(ss, last.0, &before).unwrap_or(ss);
        let best = before
            .iter()
            .copied()
            .filter(|&(p, _)| p >= from && p <= last.0)
            .min_by_key(|&(p, _)| p)
            .unwrap_or(last);
        Some(self.fullest(&best.1.name, best.0))
    }

    /// Where the main clause of the sentence starting at `ss` begins when the sentence opens
    /// with an introductory phrase (a preposition or subordinator among its first three words,
    /// the persons in it objects of prepositions) and a person is named after its comma before
    /// `hi`.
    fn after_introductory_phrase(&self, ss: usize, hi: usize, persons: &[(usize, &Entity)]) -> Option<usize> {
        let t = self.text;
        let first = ss + t.get(ss..)?.find(|c: char| !c.is_whitespace())?;
        let comma = first + t.get(first..hi)?.find(", ")?;
        let words: Vec<&str> = t[first..comma].split_whitespace().take(3).collect();
        let opens = words.iter().any(|w| lower_eq(w, lexicon::INTRO_OPENERS));
        // (the persons named in the phrase are objects of its prepositions, "for Donald Trump",
        // not a subject without a comma after a short opener, "On Monday Ana Ruiz brought")
        let objects = persons.iter().filter(|&&(p, _)| p >= first && p < comma).all(|&(p, _)| {
            let w = t[..p].split_whitespace().next_back().unwrap_or("");
            w.starts_with(char::is_lowercase) && (lower_eq(w, lexicon::INTRO_OPENERS) || w == "of")
        });
        let after = comma + 2;
        (opens && objects && persons.iter().any(|&(p, _)| p >= after && p <= hi)).then_some(after)
    }

    /// Whether the sentence starting at `s` has "he" or "she" as its subject: its first word,
    /// after a conjunction ("And he ...") or a short opening phrase ("This year, he ...").
    fn pronoun_subject(&self, s: usize) -> bool {
        // (the words of that sentence only)
        let ends = |w: &str| {
            w.ends_with(['?', '!']) || (w.ends_with('.') && w.len() > 2 && !lower_eq(w, lexicon::TITLES))
        };
        let mut words: Vec<&str> = Vec::new();
        for w in self.text[s..].split_whitespace().take(7) {
            words.push(w);
            if ends(w) {
                break;
            }
        }
        let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        let Some(first) = words.first() else { return false };
        let he = |w: Option<&&str>| w.is_some_and(|w| lower_eq(&bare(w), &["he", "she"]));
        if he(Some(first)) {
            return true;
        }
        if lower_eq(&bare(first), lexicon::SENTENCE_LINKERS) && he(words.get(1)) {
            return true;
        }
        words.iter().position(|w| w.ends_with(',')).is_some_and(|k| he(words.get(k + 1)))
    }

    /// Whether the narrative between `from` and `pos` introduces someone new by the noun `head`
    /// ("an aide", "a spokeswoman for the hotel chain") without naming them in apposition ("a
    /// spokeswoman, Janet Olsen," names her).
    fn introduced_unnamed(
        &self,
        head: &str,
        from: usize,
        pos: usize,
        quote_spans: &[(usize, usize)],
    ) -> bool {
        let t = self.text;
        let Some(window) = t.get(from..pos) else { return false };
        let in_quote = |a: usize| quote_spans.iter().any(|&(s, e)| s <= a && a < e);
        let lower = window.to_lowercase();
        if lower.len() != window.len() {
            return false;
        }
        lower.match_indices(&head.to_lowercase()).any(|(i, _)| {
            let (a, e) = (from + i, from + i + head.len());
            if !word_bounded(t, a, e) || in_quote(a) {
                return false;
            }
            // "a" or "an" at most two words before the noun ("an aide", "a senior aide", "a
            // Democratic strategist", "a Clinton aide")
            let before: Vec<&str> = lower[..i].split_whitespace().rev().take(3).collect();
            let indefinite = before.iter().position(|w| *w == "a" || *w == "an").is_some_and(|k| {
                before[..k].iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
            });
            // named right after: "a spokeswoman, Janet Olsen,", "an aide, Tom Reed, said"
            let rest = t[e..].trim_start_matches([',', ' ']);
            let named = rest.starts_with(|c: char| c.is_uppercase())
                && !rest.starts_with("I ")
                && rest.split_whitespace().take(2).all(|w| w.starts_with(|c: char| c.is_uppercase()));
            indefinite && !named
        })
    }
}

impl Article<'_> {
    /// The name of an institution written as its owner's name and its common noun: "the
    /// Clinton campaign" is "Clinton campaign", "China's foreign ministry" and "the Mexican
    /// government" as written; `None` for anything else ("the campaign", "a Clinton aide", and
    /// a person's "Powell's office", which speaks for the person).
    pub(super) fn owned_institution(&self, m: &str) -> Option<String> {
        let words: Vec<&str> = m.split_whitespace().collect();
        let body = match words.first() {
            Some(w) if lower_eq(w, &["the"]) => &words[1..],
            _ => &words[..],
        };
        let (head, before) = body.split_last()?;
        if !head.starts_with(char::is_lowercase) || !lower_eq(head, lexicon::OWNED_INSTITUTIONS) {
            return None;
        }
        // the owner's capitalized words first, then at most two lowercase modifiers ("foreign")
        let owner = before.iter().take_while(|w| w.starts_with(char::is_uppercase)).count();
        let modifiers = &before[owner..];
        let plain = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
        let named = owner > 0
            && owner <= 4
            && before[..owner].iter().all(|w| w.chars().any(char::is_lowercase))
            && !before[..owner].iter().any(|w| lower_eq(w, lexicon::FUNCTION_WORDS))
            && modifiers.len() <= 2
            && modifiers.iter().all(plain);
        if !named {
            return None;
        }
        // a possessive owner: a place's institution is its own ("China's foreign ministry"), a
        // person's speaks for the person
        let last = before[owner - 1];
        if let Some(o) = ["'s", "’s", "'", "’"].iter().find_map(|x| last.strip_suffix(x)) {
            let name = before[..owner - 1].iter().copied().chain([o]).collect::<Vec<_>>().join(" ");
            if !self.is_named_as(&name, &[EntityKind::Location]) {
                return None;
            }
        }
        Some(body.join(" "))
    }
}
