//! Speaker resolution inside the quote finder: pronouns to their antecedents, surnames and
//! titles to the fullest name, phrases to organizations, and the descriptions of speakers.

use super::*;
use crate::extract::names::titlecase;

mod antecedent;
mod describe;
mod gender;

/// The longest appositive taken for a description, in words.
const MAX_DESCRIPTION_WORDS: usize = 30;

/// Resolves mentions to canonical names, remembering speakers for pronouns and descriptions.
pub(super) struct Resolver<'a, 'c> {
    ctx: &'c Ctx<'a>,
    /// (position of the mention, canonical name, gender, is a person)
    speakers: Vec<(usize, String, Option<Gender>)>,
    genders: Vec<(String, Gender)>,
    toks: Vec<Tok>,
    /// canonical names already looked up: (words as written, result)
    names: std::cell::RefCell<Vec<(String, Option<String>)>>,
    /// the gender that the pronoun after a name's first mention gives it, by name
    pronoun_genders: std::cell::RefCell<Vec<(String, Option<Gender>)>>,
    /// the Title-Case lines of the text (headlines), whose capitals name no one
    headlines: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// the photo credit lines ("Scott Olson via Getty Images."), whose names are no antecedents
    credits: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// the person a pronoun being resolved cannot be: its own verb's object ("he told Rubio")
    not_the_object: Option<String>,
}

impl<'a, 'c> Resolver<'a, 'c> {
    pub(super) fn new(ctx: &'c Ctx<'a>) -> Self {
        Resolver {
            ctx,
            speakers: Vec::new(),
            genders: Vec::new(),
            toks: Vec::new(),
            names: Default::default(),
            pronoun_genders: Default::default(),
            headlines: Default::default(),
            credits: Default::default(),
            not_the_object: None,
        }
    }

    pub(super) fn quote(&mut self, s: usize, e: usize, para: usize, direct: bool, a: Option<Attr>) -> Quote {
        let t = self.ctx.t;
        let Some(a) = a else {
            return Quote {
                start: s,
                end: e,
                paragraph: para,
                direct,
                speaker: None,
                mention: None,
                cue: None,
                description: None,
                named_by: None,
            };
        };
        let cue = match a.cue_kind {
            CueText::Colon => Some(":".to_string()),
            CueText::AccordingTo => Some("according to".to_string()),
            CueText::Span => Some(t[a.cue.0..a.cue.1].to_string()),
            CueText::Context | CueText::Signature => None,
        };
        // a signature inside the marks is no word of the quotation ([`Ctx::inner_signature`]); one
        // after them ([`Ctx::bare_signature`]) cuts nothing
        let e = match t.get(s..a.s).and_then(|q| q.rfind('\n')) {
            Some(nl) if a.cue_kind == CueText::Signature && a.s < e => s + t[s..s + nl].trim_end().len(),
            _ => e,
        };
        let via = self.ctx.via.borrow().iter().find(|(span, _)| *span == (a.s, a.e)).map(|x| x.1);
        let speaker = match via {
            Some(inner) => self.speaker(inner),
            None => self.speaker(a),
        };
        Quote {
            start: s,
            end: e,
            paragraph: para,
            direct,
            speaker,
            mention: Some((a.s, a.e)),
            cue,
            description: None,
            named_by: via.map(|x| (x.s, x.e)),
        }
    }

    pub(super) fn speaker(&mut self, a: Attr) -> Option<String> {
        let t = self.ctx.t;
        let m = &t[a.s..a.e];
        match a.kind {
            MK::Pronoun | MK::Relative => {
                let g = if m.eq_ignore_ascii_case("he") {
                    Some(Gender::M)
                } else if m.eq_ignore_ascii_case("she") {
                    Some(Gender::F)
                } else if m.eq_ignore_ascii_case("who") {
                    None
                } else if m.eq_ignore_ascii_case("it") {
                    return self.organization_subject_before(a.s);
                } else {
                    return None;
                };
                let name = if a.kind == MK::Relative { self.name_before_who(a.s) } else { None };
                // a pronoun and the object of its own verb are different people ("he told
                // Rubio": not Rubio)
                self.not_the_object = if a.kind == MK::Pronoun { self.cue_object(a.cue) } else { None };
                let name = name.or_else(|| self.antecedent(a.s, g));
                self.not_the_object = None;
                let name = name?;
                if let Some(g) = g {
                    if self.gender_of(&name).is_none() {
                        self.genders.push((name.clone(), g));
                    }
                }
                self.speakers.push((a.s, name.clone(), g));
                Some(name)
            }
            MK::Name | MK::Label => {
                // an office before the name in apposition: "Ryanair CEO, Michael O'Leary,
                // justified ..." is Michael O'Leary
                let (s, e) = self.apposed_name(a.s, a.e).unwrap_or((a.s, a.e));
                let name = self.canonical(s, e)?;
                let g = title_gender(m);
                if let Some(g) = g {
                    self.genders.push((name.clone(), g));
                }
                self.speakers.push((a.s, name.clone(), g));
                Some(name)
            }
            MK::Phrase => {
                if let Some((s, e)) = self.apposed_name(a.s, a.e) {
                    return self.canonical(s, e);
                }
                // an organization or office named by a capitalized phrase; nobody otherwise
                let words: Vec<&str> = m.split_whitespace().collect();
                if !words.iter().any(|w| text::is_cap(w) && !cap_stop(w)) {
                    return None;
                }
                // a lead-in in capitals is a headline's words, no organization
                if words.len() >= 2 && words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
                    return None;
                }
                let mut s = m;
                if let Some(f) = words.first() {
                    if text::lower_eq(f, lexicon::ARTICLES) {
                        s = m[f.len()..].trim_start();
                    }
                }
                let words: Vec<String> = s.split_whitespace().map(String::from).collect();
                Some(self.fuller_org(&words).unwrap_or_else(|| s.to_string()))
            }
        }
    }

    /// The person named as the object of a cue that takes one ("told Rubio", "asked Mr.
    /// Bush"), canonical.
    fn cue_object(&self, cue: (usize, usize)) -> Option<String> {
        let t = self.ctx.t;
        let verb = t.get(cue.0..cue.1)?;
        if !text::lower_eq(verb, lexicon::PERSON_OBJECT_SPEECH_VERBS) {
            return None;
        }
        let s = cue.1 + 1;
        let rest = t[cue.1..].strip_prefix(' ')?;
        let mut e = s;
        let mut at = s;
        for w in rest.split(' ').take(4) {
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let bare = bare.strip_suffix('.').filter(|b| b.len() > 3).unwrap_or(bare);
            if bare.is_empty() || !text::is_cap(bare) || cap_stop(bare) {
                break;
            }
            e = at + bare.len();
            if bare.len() != w.len() {
                break;
            }
            at += w.len() + 1;
        }
        (e > s).then(|| self.canonical(s, e)).flatten()
    }

    /// The name in apposition after a mention `s..e` that ends in a title or a role ("Ryanair
    /// CEO, Michael O'Leary, said"): two to four capitalized words between commas, the first
    /// a Census first name or all of them a person the recognizer found.
    fn apposed_name(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let t = self.ctx.t;
        let last = t[s..e].split_whitespace().last()?;
        if !(text::title(last) || crate::extract::names::is_role_word(last) || text::role_noun(last)) {
            return None;
        }
        let from = e + t[e..].strip_prefix(", ").map(|_| 2)?;
        let len = t[from..].find(',')?;
        let words: Vec<&str> = t[from..from + len].split_whitespace().collect();
        let run = t[from..from + len].trim();
        let names = (2..=4).contains(&words.len())
            && (lexicon::is_first_name(words[0])
                || self.ctx.known.iter().any(|k| k.is_person && k.name == run))
            && words.iter().all(|w| text::is_cap(w) || crate::extract::names::is_particle(w));
        names.then_some((from, from + len))
    }

    /// What "it" right after a quote refers to ("“Keep the tax,” it recommended."): an
    /// organization that opens a sentence of the 400 bytes before, as its subject ("Still, the
    /// Business Council opposed an increase."), the nearest. An organization's name that is
    /// also a person's surname in the article ("Sanders") is the tagger's slip, not taken.
    fn organization_subject_before(&self, at: usize) -> Option<String> {
        let t = self.ctx.t;
        let before = t[..at].trim_end().trim_end_matches(',');
        if !before.ends_with(['”', '"', '\'']) {
            return None;
        }
        let from = back(t, at, 400);
        let subject_at = |s: usize| {
            let before = t[from..s].trim_end();
            let before = before.strip_suffix("the").or_else(|| before.strip_suffix("The")).unwrap_or(before);
            // the sentence's first words, or after an introductory word or two and a comma
            let clause = before.rsplit(['.', '!', '?', '\n', '”', '"']).next().unwrap_or("");
            clause.trim().is_empty()
                || clause.trim_end().ends_with(',') && clause.split_whitespace().count() <= 3
        };
        let surname = |name: &str| {
            self.ctx.known.iter().any(|k| k.is_person && k.name.len() > name.len() && k.name.ends_with(name))
        };
        self.ctx
            .known
            .iter()
            .filter(|k| k.is_org && !surname(k.name))
            .flat_map(|k| k.mentions.iter().map(move |&(s, e)| (s, e, k.name)))
            // (a dateline in capitals, "LOS ANGELES —", is no organization either, though the
            // name is shown as the body writes it)
            .filter(|&(s, e, _)| !(t[s..e].contains(' ') && text::all_caps(&t[s..e])))
            .filter(|&(s, e, _)| s >= from && e <= at && subject_at(s))
            .max_by_key(|x| x.0)
            .map(|x| x.2.to_string())
    }

    /// "Gantz, who ..." -> the name before the comma.
    pub(super) fn name_before_who(&mut self, at: usize) -> Option<String> {
        let t = self.ctx.t;
        let lo = t[..at].char_indices().rev().nth(80).map_or(0, |x| x.0);
        text::tokenize(t, lo, at, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let n = toks.len();
        let mut out = None;
        if n >= 2
            && toks[n - 1].is_punct(',')
            && toks[n - 2].is_word()
            && text::is_cap(&t[toks[n - 2].s..toks[n - 2].e])
        {
            let (s, _) = self.ctx.name_left(&toks, n - 2, 0);
            out = self.canonical(toks[s].s, toks[n - 2].e);
        } else if n >= 2 && toks[n - 1].is_word() && text::is_cap(&t[toks[n - 1].s..toks[n - 1].e]) {
            // a full name right before it, no comma between ("a tweet from Rikkie Wells who
            // tweeted")
            let (s, _) = self.ctx.name_left(&toks, n - 1, 0);
            if s < n - 1 {
                out = self.canonical(toks[s].s, toks[n - 1].e);
            }
        }
        self.toks = toks;
        out
    }

    /// The person named last before `before` with the title that `role` repeats ("admiral":
    /// "Adm. Harry B. Harris Jr.", "Admiral Harris"), as its canonical name.
    fn titled_person(&self, role: &str, before: usize) -> Option<String> {
        if !text::is_lower(role) {
            return None;
        }
        let (_, forms) = lexicon::DESCRIBED_TITLES.iter().find(|(r, _)| *r == role)?;
        let t = self.ctx.t;
        let mut best: Option<(usize, usize, usize)> = None;
        for form in forms.iter() {
            let Some(p) = t[..before].rfind(&format!("{form} ")) else { continue };
            if p > 0 && t[..p].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
                continue;
            }
            let s = p + form.len() + 1;
            // the capitalized words (and initials, "Jr.") that follow
            let mut e = s;
            for word in t[s..before].split(' ') {
                let core = word.trim_end_matches([',', ';', ':', '.']);
                let core = core.strip_suffix("'s").or_else(|| core.strip_suffix("’s")).unwrap_or(core);
                let initial = word.len() == 2 && word.ends_with('.') && word.starts_with(char::is_uppercase);
                if !(core.starts_with(char::is_uppercase)
                    && core
                        .chars()
                        .skip(1)
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.'))
                    || core.is_empty()
                {
                    break;
                }
                e = s + (word.as_ptr() as usize - t[s..].as_ptr() as usize) + core.len();
                if core.len() < word.len() && !initial && !core.ends_with("Jr") {
                    break;
                }
            }
            if e > s && best.is_none_or(|(bp, _, _)| p > bp) {
                best = Some((p, s, e));
            }
        }
        let (_, s, e) = best?;
        let name = self.canonical(s, e)?;
        if name.contains(' ') {
            return Some(name);
        }
        // a surname alone: the one full name of the article that ends with it (before a
        // suffix: "Harris" of "Harry B. Harris Jr.")
        let mut full = self.ctx.known.iter().filter(|k| {
            k.is_person
                && k.name.contains(' ')
                && crate::extract::names::core_words(k.name).last() == Some(&name.as_str())
        });
        match (full.next(), full.next()) {
            (Some(k), None) => Some(k.name.to_string()),
            _ => None,
        }
    }

    /// A lone word that a pronoun does not take: a common word capitalized at a sentence start
    /// ("Audiences", "Ever") or a plural ("Latinos"), unless it is a word of the full name of a
    /// person the article names.
    fn not_an_antecedent(&self, name: &str) -> bool {
        if name.contains(' ') {
            // a title of common words ("A Different Story", "Do the Right Thing"), no first name
            return crate::extract::headlines::common_words_only(name);
        }
        let last_of = |n: &str| {
            crate::extract::names::core_words(n).last().is_some_and(|w| *w == name) && n.contains(' ')
        };
        // (or any word of a person's full name: "Ban" of "Ban Ki-moon", whose family name
        // comes first)
        let word_of = |n: &str| crate::extract::names::word_of_full_name(n, name);
        let surname = self.ctx.known.iter().any(|k| last_of(k.name) || (k.is_person && word_of(k.name)))
            || self.speakers.iter().any(|(_, n, _)| word_of(n));
        if surname {
            return false;
        }
        let l = name.to_lowercase();
        crate::extract::entities::usually_lowercase(&l)
            || (l.len() > 4 && l.ends_with('s') && !l.ends_with("ss"))
            // (or a participle opening a headline's line: "Clinching of nomination is ...",
            // where "Fleming" is a surname)
            || (l.len() > 5 && l.ends_with("ing") && !crate::extract::entities::gazetteer_name(&l))
    }

    /// Whether the capitalized words `toks` name a person.
    pub(super) fn person_like(&self, toks: &[Tok]) -> bool {
        let t = self.ctx.t;
        // (the words after the last title: an office's words before it are the office's,
        // "House Oversight Committee Chairman Dan Ortiz")
        let from = toks.iter().rposition(|x| text::title(text::base(&t[x.s..x.e]))).map_or(0, |k| k + 1);
        let mut words: Vec<&str> = toks[from..].iter().map(|x| text::base(&t[x.s..x.e])).collect();
        if words.is_empty() {
            words = toks.iter().map(|x| text::base(&t[x.s..x.e])).filter(|w| !text::title(w)).collect();
        }
        if words.is_empty() {
            return false;
        }
        // a place's name by its last word: "Ho Chi Minh City"
        if words.len() >= 2 && words.last().is_some_and(|w| lexicon::PLACE_NAME_HEADS.contains(w)) {
            return false;
        }
        let full = words.join(" ");
        let names_ending = |n: &str| {
            // (without a suffix: "Harris" of "Harry B. Harris Jr.")
            let core = crate::extract::names::core_words(n);
            core.len() >= words.len() && core[core.len() - words.len()..] == words[..]
        };
        // the first known name that ends so decides, unless a person's full name with a first
        // name ends so too ("Sanders" tagged an organization beside "Bernie Sanders")
        let mut first: Option<bool> = None;
        for kn in self.ctx.known {
            if kn.name == full || kn.name.ends_with(&format!(" {full}")) || names_ending(kn.name) {
                let first_named = crate::extract::names::first_named(kn.name);
                if kn.is_person && first_named {
                    return true;
                }
                // a full name that starts with a first name is a person's, whatever its tag
                first.get_or_insert(kn.is_person || first_named);
            }
        }
        if let Some(verdict) = first {
            return verdict;
        }
        if words.iter().any(|w| {
            text::org_word(w) || (w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        }) {
            return false;
        }
        if words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())) {
            return false;
        }
        if words.len() >= 2 {
            return true;
        }
        // a single word: a person when it is the surname of an earlier speaker, or a word
        // other than a first name of a person's full name ("Ban" of "Ban Ki-moon", whose
        // family name comes first)
        let given = lexicon::is_first_name(&full);
        let family_first =
            |n: &str| !given && n.contains(' ') && n.split_whitespace().next() == Some(full.as_str());
        self.speakers.iter().any(|(_, n, _)| names_ending(n) || family_first(n))
            || self.ctx.known.iter().any(|k| k.is_person && (names_ending(k.name) || family_first(k.name)))
            // (or a frequent surname that is nothing else, which the recognizer missed: "Cruz
            // openly admitted ..."; not a modifier of a name after it, "Rock star Ozzy Osbourne")
            || (first.is_none()
                && crate::extract::entities::surname_alone(&full.to_lowercase())
                && !toks.last().is_some_and(|x| {
                    let mut after = t[x.e..].split_whitespace();
                    after.next().is_some_and(text::is_lower) && after.next().is_some_and(text::is_cap)
                }))
    }

    /// The fullest name the article gives for the name at `t[s..e]` (cached by its words).
    pub(super) fn canonical(&self, s: usize, e: usize) -> Option<String> {
        let raw = &self.ctx.t[s..e];
        if let Some((_, c)) = self.names.borrow().iter().find(|(r, _)| r == raw) {
            return c.clone();
        }
        let c = self.canonical_uncached(s, e);
        self.names.borrow_mut().push((raw.to_string(), c.clone()));
        c
    }

    pub(super) fn canonical_uncached(&self, s: usize, e: usize) -> Option<String> {
        let t = self.ctx.t;
        let raw = &t[s..e];
        // a possessive before the name is its place or group, not part of it: "Florida's Rick
        // Wilson" is Rick Wilson
        let raw_words: Vec<&str> = raw.split_whitespace().collect();
        let from = raw_words[..raw_words.len().saturating_sub(1)]
            .iter()
            .rposition(|w| w.ends_with("'s") || w.ends_with("’s"))
            .map_or(0, |i| i + 1);
        let mut words: Vec<String> = raw_words[from..]
            .iter()
            .map(|w| text::base(w.trim_end_matches([',', ':'])).to_string())
            .collect();
        // a transcript's label in capitals after the full one ("BOLDUAN:" after "KATE BOLDUAN:")
        if let Some(full) = self.fuller_label(&words) {
            return Some(full);
        }
        // (a title word that opens an organization's name is the name's: "General Motors",
        // "House Intelligence Committee"; not when the words after it name a person, as a
        // title and a name the recognizer took for an organization do: "Lord Butler" with
        // Robin Butler, "Mayor Bill de Blasio")
        let whole = words.join(" ");
        if let Some(k) = self.ctx.known.iter().find(|k| !k.is_person && k.name == whole) {
            let last = words.last().map(String::as_str).unwrap_or("");
            let a_person =
                words.iter().any(|w| lexicon::is_first_name(w) || lexicon::title_gender(w).is_some())
                    || self.ctx.known.iter().any(|p| p.is_person && p.name.rsplit(' ').next() == Some(last));
            if !a_person {
                return Some(self.fuller_org(&words).unwrap_or_else(|| k.name.to_string()));
            }
        }
        while words.len() > 1 && text::title(&words[0]) {
            words.remove(0);
        }
        if words.is_empty() {
            return None;
        }
        // transcript labels in capitals: PENCE -> Pence
        let caps = words.iter().all(|w| text::all_caps(w));
        if caps {
            if words.len() == 1 && words[0].len() <= 1 {
                return None;
            }
            // an organization's acronym that the recognizer linked to its full name ("GM" of
            // "General Motors") is that organization, not a label to recase
            let linked = self.ctx.known.iter().find(|k| {
                !k.is_person && k.mentions.iter().any(|&(ms, me)| ms <= s && e <= me && me - ms < e - s + 4)
            });
            if let Some(k) = linked {
                return Some(k.name.to_string());
            }
            if words.iter().all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 1) {
                return None;
            }
            words = words.iter().map(|w| titlecase(w)).collect();
        }
        let short = words.join(" ");
        let last = words.last().cloned().unwrap_or_default();
        // known names first; not a person whose first name is of the other gender than the
        // title's ("Mr. Khan" is not Ghazala Khan)
        // (a title before a name only: "King" alone is Billie Jean King)
        let title_gender = if raw_words.len() > from + 1 {
            lexicon::title_gender(&raw_words[from..].join(" "))
        } else {
            None
        };
        let other_gender = |n: &str| {
            title_gender.is_some_and(|g| {
                n.split_whitespace().next().and_then(lexicon::first_name_gender).is_some_and(|f| f != g)
            })
        };
        // (whether a full name opens with a first name that is no title)
        let named = |n: &str| {
            n.split_whitespace().next().is_some_and(|w| lexicon::is_first_name(w) && !text::title(w))
        };
        let mut best: Option<(String, usize)> = None;
        for kn in self.ctx.known {
            let kw: Vec<&str> = kn.name.split_whitespace().collect();
            if kn.is_person && kw.len() > words.len() && other_gender(kn.name) {
                continue;
            }
            if kw.len() >= words.len()
                && kw[kw.len() - words.len()..].iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b))
            {
                if !kn.is_person && kw.len() == words.len() {
                    return Some(self.fuller_org(&words).unwrap_or_else(|| kn.name.to_string()));
                }
                // (a full name that opens with a first name before one that does not: "Bill
                // Clinton", not a subhead's "Classic Clinton"; then the longer; of two namesakes
                // as long, the one the article introduced first)
                let first = kn.mentions.iter().map(|m| m.0).min().unwrap_or(usize::MAX);
                if kn.is_person
                    && best.as_ref().is_none_or(|(b, f)| {
                        (named(kn.name), kn.name.len(), std::cmp::Reverse(first))
                            > (named(b), b.len(), std::cmp::Reverse(*f))
                    })
                {
                    best = Some((kn.name.to_string(), first));
                }
            }
        }
        if let Some((b, _)) = best {
            return Some(b);
        }
        if let Some(o) = self.fuller_org(&words) {
            return Some(o);
        }
        if words.iter().any(|w| text::org_word(w)) {
            return Some(short);
        }
        // the longest capitalized run in the article ending with these words
        let mut best = short.clone();
        let mut best_n = words.len();
        if last.len() < 2 {
            return Some(best);
        }
        let b = t.as_bytes();
        for (pos, _) in t.match_indices(last.as_str()) {
            let end = pos + last.len();
            if end < b.len()
                && (b[end].is_ascii_alphanumeric()
                    || (b[end] == b'-' && end + 1 < b.len() && b[end + 1].is_ascii_alphabetic()))
            {
                continue;
            }
            if pos > 0 && (b[pos - 1].is_ascii_alphanumeric() || b[pos - 1] == b'-') {
                continue;
            }
            // walk left over capitalized words
            let mut names: Vec<&str> = vec![&t[pos..end]];
            let mut cur = pos;
            loop {
                let before = &t[..cur];
                let trimmed = before.trim_end_matches(' ');
                if trimmed.len() == before.len() || trimmed.len() + 1 < before.len() {
                    break;
                }
                let ws = trimmed
                    .rfind(|c: char| {
                        c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—' | ',' | ';' | ':')
                    })
                    .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, |c| c.len_utf8()));
                let w = &trimmed[ws..];
                if w.is_empty()
                    || !text::is_cap(w)
                    || cap_stop(w)
                    || text::title(w)
                    || text::is_possessive(w)
                    || text::org_word(w)
                    || w.ends_with('.') && w.len() > 2
                {
                    break;
                }
                names.insert(0, w);
                cur = ws;
                if names.len() >= 4 {
                    break;
                }
            }
            if names.len() > best_n && names.len() <= 4 {
                let cand = names.join(" ");
                // the shorter name must be a tail of the longer one
                if cand.ends_with(&short) && !other_gender(&cand) {
                    best_n = names.len();
                    best = cand;
                }
            }
        }
        Some(best)
    }

    /// The longest label in capitals opening a paragraph ("KATE BOLDUAN:") that ends with
    /// `words`, all in capitals themselves, recased; None when there is none longer.
    fn fuller_label(&self, words: &[String]) -> Option<String> {
        if words.len() > 2 || !words.iter().all(|w| text::all_caps(w)) {
            return None;
        }
        let t = self.ctx.t;
        let short = words.join(" ");
        let mut best: Option<&str> = None;
        for (pos, _) in t.match_indices(&format!("{short}:")) {
            let start = t[..pos].rfind('\n').map_or(0, |i| i + 1);
            let label = t[start..pos + short.len()].trim();
            let n = label.split_whitespace().count();
            if n > words.len()
                && n <= 4
                && t[start..pos].ends_with(' ')
                && label.split_whitespace().all(|w| text::all_caps(w) && !text::title(w))
                && best.is_none_or(|b| label.len() > b.len())
            {
                best = Some(label);
            }
        }
        best.map(titlecase)
    }

    /// The one organization whose name the article gives in full and ends with `words` ("The
    /// Post responded" after "The Washington Post"). Not for an acronym, nor from a name with
    /// a title or a role in it (a person the recognizer took for an organization: "Former
    /// Labour MP Lord Janner").
    fn fuller_org(&self, words: &[String]) -> Option<String> {
        if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
            return None;
        }
        let mut orgs = self.ctx.known.iter().filter(|kn| {
            let kw: Vec<&str> = kn.name.split_whitespace().collect();
            kn.is_org
                && kw.len() > words.len()
                && !kw.iter().any(|w| text::title(w) || crate::extract::names::is_role_word(w))
                && kw[kw.len() - words.len()..].iter().zip(words).all(|(a, b)| a == b)
        });
        match (orgs.next(), orgs.next()) {
            (Some(o), None) => Some(o.name.to_string()),
            _ => None,
        }
    }

    /// Descriptions: the first appositive the article gives each speaker.
    pub(super) fn finish(&mut self, out: &mut [Quote]) {
        let mut cache: Vec<(String, Option<String>)> = Vec::new();
        for q in out.iter_mut() {
            let Some(sp) = q.speaker.clone() else { continue };
            if !sp.contains(' ') && !sp.chars().next().is_some_and(|c| c.is_uppercase()) {
                continue;
            }
            let d = match cache.iter().find(|(n, _)| *n == sp) {
                Some((_, d)) => d.clone(),
                None => {
                    let d = self.description(&sp);
                    cache.push((sp.clone(), d.clone()));
                    d
                }
            };
            q.description = d;
        }
    }
}

pub(super) fn title_gender(m: &str) -> Option<Gender> {
    lexicon::title_gender(m).map(Gender::from)
}
