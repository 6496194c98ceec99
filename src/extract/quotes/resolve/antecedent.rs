//! Pronouns to their antecedents inside the quote finder: the names before a pronoun ranked by
//! their role in their clause, a pronoun chain carrying its antecedent forward, and the
//! speakers found so far.

use super::*;

impl Resolver<'_, '_> {
    /// The person a pronoun at `at` refers to: the nearest earlier speaker or person-like
    /// name, in this or the previous two paragraphs, of a compatible gender.
    pub(super) fn antecedent(&mut self, at: usize, g: Option<Gender>) -> Option<String> {
        self.antecedent_within(at, g, 0)
    }

    /// [`Self::antecedent`], `depth` pronouns down a chain: a pronoun of the same gender that
    /// is the subject of an earlier main clause ("..., he offered his thoughts on Donald
    /// Trump's appeal. “...,” he said") carries its own antecedent forward (the centre of the
    /// narrative stays its subject), before any object named after it.
    fn antecedent_within(&mut self, at: usize, g: Option<Gender>, depth: usize) -> Option<String> {
        let t = self.ctx.t;
        let paras = self.ctx.paras;
        let k = self.paragraph_of(at).unwrap_or(0);
        let lo = paras[k.saturating_sub(2)].1.max(back(t, at, 1500));
        let ok = |me: &Self, name: &str| {
            fn last(n: &str) -> &str {
                n.rsplit(' ').next().unwrap_or(n)
            }
            let not_object = me.not_the_object.as_deref().is_none_or(|o| o != name && last(o) != last(name));
            not_object
                && match (g, me.gender_of(name)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        // names in the text before the pronoun, ranked by their role in their clause: the
        // subject of a main clause first, then the subject of an embedded one ("that Rubio
        // wins"), then an object or a possessive ("asked Clinton", "Rubio's answer"); names
        // inside quotation marks are the quoted words', not the narrative's
        text::tokenize(t, lo, at, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let mut in_quote = vec![false; toks.len()];
        let mut inq = false;
        for (x, tk) in toks.iter().enumerate() {
            if tk.k == K::Mark {
                let m = &t[tk.s..tk.e];
                if m.contains('“') {
                    inq = true;
                } else if m.contains('”') {
                    inq = false;
                } else if m.contains('"') || m == "''" {
                    inq = !inq;
                }
                continue;
            }
            in_quote[x] = inq;
        }
        // a headline's capitals carry no signal: its words are no antecedents
        let headlines = self.headlines.get_or_init(|| crate::extract::headlines::title_case_lines(t));
        let credits = self.credits.get_or_init(|| crate::extract::headlines::credit_lines(t));
        for (x, tk) in toks.iter().enumerate() {
            if headlines.iter().chain(credits).any(|&(s, e)| s <= tk.s && tk.e <= e) {
                in_quote[x] = true;
            }
        }
        // [main-clause subject, embedded subject, object]
        let mut found: [Option<(usize, String)>; 3] = [None, None, None];
        // a sentence whose main clause opens with a description of a person the article gave no
        // such title ("When the moderator pointed out that Trump hadn't answered, the candidate
        // said ..."): the description is the person that sentence named as a subject before it
        let mut described = false;
        let mut i = toks.len();
        while i > 0 {
            i -= 1;
            let tk = toks[i];
            if described && !in_quote[i] && (tk.is_punct('.') || tk.is_punct('?') || tk.is_punct('!')) {
                described = false;
            }
            if !tk.is_word() || in_quote[i] {
                continue;
            }
            let w = &t[tk.s..tk.e];
            let same_pronoun = match g {
                Some(Gender::M) => w.eq_ignore_ascii_case("he"),
                Some(Gender::F) => w.eq_ignore_ascii_case("she"),
                _ => false,
            };
            if same_pronoun && depth < 3 && found[0].is_none() {
                let opens = i == 0
                    || !toks[i - 1].is_word()
                    || text::lower_eq(&t[toks[i - 1].s..toks[i - 1].e], lexicon::PRONOUN_CLAUSE_JOINERS);
                let verb_next = toks.get(i + 1).is_some_and(|x| x.is_word() && text::is_lower(&t[x.s..x.e]));
                if opens && verb_next {
                    if let Some(name) = self.antecedent_within(tk.s, g, depth + 1) {
                        found[0] = Some((tk.s, name));
                        break;
                    }
                }
            }
            // "the admiral" opening a main clause: the person the article gave that title
            if depth < 3
                && found[0].is_none()
                && text::lower_eq(w, &["the"])
                && (i == 0 || !toks[i - 1].is_word())
            {
                if let Some(name) = toks
                    .get(i + 1)
                    .filter(|x| x.is_word())
                    .and_then(|x| self.titled_person(&t[x.s..x.e], tk.s))
                {
                    if toks.get(i + 2).is_some_and(|x| x.is_word() && text::is_lower(&t[x.s..x.e]))
                        && ok(self, &name)
                    {
                        found[0] = Some((tk.s, name));
                        break;
                    }
                } else if i > 0
                    && found[0].is_none()
                    && toks.get(i + 1).is_some_and(|x| {
                        x.is_word()
                            && text::is_lower(&t[x.s..x.e])
                            && crate::extract::names::is_role_word(&t[x.s..x.e])
                    })
                    && toks.get(i + 2).is_some_and(|x| {
                        x.is_word()
                            && text::is_lower(&t[x.s..x.e])
                            && text::lower_eq(&t[x.s..x.e], lexicon::SUBJECT_SPEECH_VERBS)
                    })
                    && toks[i - 1].is_punct(',')
                {
                    described = true;
                }
            }
            if !text::is_cap(w) || cap_stop(w) {
                continue;
            }
            let (s, _) = self.ctx.name_left(&toks, i, 0);
            let span = (toks[s].s, tk.e);
            // (the run is tokens `s` to `last`, the capitalized word found)
            let last = i;
            i = s;
            // an office without a name ("Nigerian Oil Minister", "UK Chancellor"): a role,
            // which "he" or "she" does not go back to
            if s < last && text::title(w) && !crate::extract::lexicon::is_first_name(&t[toks[s].s..toks[s].e])
            {
                continue;
            }
            if !self.person_like(&toks[s..=last]) {
                continue;
            }
            let Some(name) = self.canonical(span.0, span.1) else { continue };
            // a surname two people of the article share ("Murphy" of Chris Murphy and Anne
            // Marie Murphy): the namesake the pronoun agrees with
            let name = if ok(self, &name) {
                Some(name)
            } else {
                self.namesake(span.0, span.1, &name, |n| ok(self, n))
            };
            let Some(name) = name else { continue };
            if self.not_an_antecedent(&name) {
                continue;
            }
            // a role chain before the name belongs to it: "Rubio supporter Scott Szlachta",
            // "Murphy’s spokeswoman Galia Slayen"
            let mut b = s;
            // an age before the name is the name's: "62-year-old Brenda Johnson"
            if b > 0 && toks[b - 1].is_word() && t[toks[b - 1].s..toks[b - 1].e].ends_with("-year-old") {
                b -= 1;
            }
            // an office of the form "Secretary of State" before the name belongs to it too:
            // "the other candidate, former Secretary of State Hillary Clinton, drew" (the
            // name's clause is the one before "former", not the "of" phrase)
            if b >= 2
                && toks[b - 1].is_word()
                && &t[toks[b - 1].s..toks[b - 1].e] == "of"
                && toks[b - 2].is_word()
                && text::is_cap(&t[toks[b - 2].s..toks[b - 2].e])
                && text::title(&t[toks[b - 2].s..toks[b - 2].e])
            {
                b -= 2;
                while b > 0
                    && toks[b - 1].is_word()
                    && text::is_cap(&t[toks[b - 1].s..toks[b - 1].e])
                    && text::title(&t[toks[b - 1].s..toks[b - 1].e])
                {
                    b -= 1;
                }
            }
            // (and an owner's institution before a title: "Clinton campaign Chairman John
            // Podesta")
            let owned = |b: usize| {
                b >= 2
                    && text::lower_eq(&t[toks[b - 1].s..toks[b - 1].e], lexicon::OWNED_INSTITUTIONS)
                    && toks[b - 2].is_word()
                    && text::is_cap(&t[toks[b - 2].s..toks[b - 2].e])
            };
            if b > 0
                && toks[b - 1].is_word()
                && text::is_lower(&t[toks[b - 1].s..toks[b - 1].e])
                && (crate::extract::names::is_role_word(&t[toks[b - 1].s..toks[b - 1].e]) || owned(b))
            {
                b -= 1;
                let mut n = 0;
                while b > 0 && n < 4 {
                    let p = toks[b - 1];
                    let pw = &t[p.s..p.e];
                    let part = p.is_word()
                        && (text::is_cap(pw) || crate::extract::names::is_role_word(pw))
                        && !cap_stop(pw);
                    if !part {
                        break;
                    }
                    b -= 1;
                    n += 1;
                }
            }
            let after = &t[tk.e..];
            // "Fisk's been making the case": "'s" is "has" or "is" before a participle or an
            // adverb, and the name is the subject
            let has = {
                let rest = if text::is_possessive(w) {
                    Some(after)
                } else {
                    after.strip_prefix("'s").or_else(|| after.strip_prefix("’s"))
                };
                rest.and_then(|r| r.split_whitespace().next())
                    .is_some_and(|nx| text::lower_eq(nx, lexicon::S_CONTRACTION_FOLLOWERS))
            };
            let possessive =
                !has && (text::is_possessive(w) || after.starts_with("'s") || after.starts_with("’s"));
            // the subject of a speech verb, whatever stands before its phrase: "Trump campaign
            // chairman Paul Manafort said ...", "..., said Alan Abramowitz, a demographer"
            let next_word = toks.iter().find(|x| x.s >= tk.e).filter(|x| x.is_word()).map(|x| &t[x.s..x.e]);
            let says = next_word
                .is_some_and(|v| text::is_lower(v) && text::lower_eq(v, lexicon::SUBJECT_SPEECH_VERBS));
            // (inverted only when the name ends its clause: "said Mr. Trump had ..." is the
            // subject of the reported clause)
            let ends_clause = toks.iter().find(|x| x.s >= tk.e).is_none_or(|x| !x.is_word());
            let inverted = ends_clause && b >= 2 && toks[b - 1].is_word() && {
                let v = &t[toks[b - 1].s..toks[b - 1].e];
                text::is_lower(v)
                    && text::lower_eq(v, lexicon::INVERTED_SPEECH_VERBS)
                    && (toks[b - 2].is_punct(',') || toks[b - 2].k == K::Mark)
            };
            // a name that modifies an institution's noun is no one's mention as a person: "The
            // Cruz campaign on Monday picked up ..." (the campaign is the subject)
            let modifier = next_word.is_some_and(|v| text::lower_eq(v, lexicon::OWNED_INSTITUTIONS));
            // (nor are words after a possessive, which modify what it owns: "his critique of
            // Trump's Middle Eastern policy"; but a name before a verb is the owner's person
            // and the subject, "Tennis Australia's Geoff Pollard rejected", "Arsenal's Edu has")
            let owned = {
                let before = t[..toks[s].s].trim_end();
                // (the owned thing's noun or a preposition after the words; not a verb, nor the
                // comma of an appositive, "North Carolina's Ada Fisher, one of ..., said")
                let noun_next = next_word.is_some_and(|v| {
                    text::is_lower(v)
                        && !(v.ends_with("ed")
                            || text::lower_eq(v, lexicon::AUXILIARY_VERBS)
                            || text::lower_eq(v, lexicon::SUBJECT_SPEECH_VERBS))
                });
                (before.ends_with("'s") || before.ends_with("’s")) && noun_next
            };
            let class = if possessive || modifier || owned {
                2
            } else if says || inverted || self.says_through_who(&toks, tk.e) {
                0
            } else {
                // a name inside an appositive that opens with its own determiner and noun: "The
                // other man, his cousin James York, 40, cited ..." (the appositive's role is
                // that of the phrase before its comma)
                let own_determiner = (b >= 3
                    && toks[b - 1].is_word()
                    && text::is_lower(&t[toks[b - 1].s..toks[b - 1].e])
                    && toks[b - 2].is_word()
                    && text::lower_eq(&t[toks[b - 2].s..toks[b - 2].e], lexicon::APPOSITIVE_DETERMINERS)
                    && toks[b - 3].is_punct(','))
                .then(|| self.apposed_class(&toks, b - 2, last))
                .flatten();
                match b.checked_sub(1).map(|x| toks[x]) {
                    None => 0,
                    Some(p) if !p.is_word() => self.apposed_class(&toks, b, last).unwrap_or(0),
                    Some(_) if own_determiner.is_some() => own_determiner.unwrap_or(2),
                    // "Khizr and Ghazala Khan": the second of two coordinated names is no
                    // subject of a clause of its own
                    Some(p)
                        if b >= 2
                            && text::lower_eq(&t[p.s..p.e], &["and", "or"])
                            && toks[b - 2].is_word()
                            && text::is_cap(&t[toks[b - 2].s..toks[b - 2].e])
                            && !cap_stop(&t[toks[b - 2].s..toks[b - 2].e]) =>
                    {
                        2
                    }
                    Some(p) => {
                        let pw = &t[p.s..p.e];
                        // a lowercase noun of role opening a clause: "..., retiree Margaret
                        // Smith sat" (no verb, adverb or function word before the name, a verb
                        // after it)
                        // (an auxiliary is a verb too: "nominee Donald Trump has blasted")
                        let verb_after = next_word.is_some_and(|v| {
                            text::is_lower(v)
                                && (!text::lower_eq(v, lexicon::FUNCTION_WORDS)
                                    || text::lower_eq(v, lexicon::AUXILIARY_VERBS))
                                && !v.ends_with("ing")
                        });
                        // (capitalized modifiers may open the clause before the noun:
                        // "Democratic front-runner Hillary Clinton caused a stir")
                        let opens_at = |j: usize| {
                            let mut j = j;
                            let mut n = 0;
                            while n < 3 && toks[j].is_word() {
                                let x = &t[toks[j].s..toks[j].e];
                                if !text::is_cap(x) || (cap_stop(x) && !text::lower_eq(x, lexicon::ARTICLES))
                                {
                                    return false;
                                }
                                if j == 0 {
                                    return true;
                                }
                                j -= 1;
                                n += 1;
                            }
                            !toks[j].is_word()
                        };
                        let role_opening = verb_after
                            && b >= 1
                            && (b == 1 || !toks[b - 2].is_word() || opens_at(b - 2))
                            && text::is_lower(pw)
                            && !text::lower_eq(pw, lexicon::FUNCTION_WORDS)
                            && !text::lower_eq(pw, lexicon::SUBJECT_SPEECH_VERBS)
                            && !text::lower_eq(pw, lexicon::INVERTED_SPEECH_VERBS)
                            && !lexicon::INFLECTION_ENDINGS.iter().any(|x| pw.ends_with(x));
                        // the person a question was put to answers it in the next paragraph:
                        // "Scott Conroy asked Sanders whether ... ¶ “Sure it is,” he said"
                        // (not the one who asked)
                        let asked = text::lower_eq(pw, lexicon::QUESTION_VERBS)
                            && next_word.is_some_and(|x| text::lower_eq(x, lexicon::QUESTION_OPENERS))
                            && self.question_ends_paragraph_before(tk.e, at);
                        // (a capitalized preposition opening the sentence puts the name in a
                        // phrase: "Like Allen, their days begin at 4:30 a.m.")
                        let preposition = text::lower_eq(pw, lexicon::PHRASE_PREPOSITIONS);
                        if role_opening
                            || asked
                            || (text::is_cap(pw) && !preposition)
                            || text::lower_eq(pw, lexicon::MAIN_CLAUSE_LINKERS)
                        {
                            0
                        } else if text::lower_eq(pw, lexicon::CLAUSE_OPENERS) {
                            1
                        } else {
                            2
                        }
                    }
                }
            };
            if described && class <= 1 {
                found[0] = Some((span.0, name));
                break;
            }
            if found[class].is_none() {
                found[class] = Some((span.0, name));
            }
            if class == 0 {
                break;
            }
        }
        let [main, embedded, object] = found;
        let best = main.or(embedded);
        let best = best.or(object);
        self.toks = toks;
        // an earlier speaker nearer than that name wins
        if let Some((pos, name)) = self
            .speakers
            .iter()
            .rev()
            .find(|(p, n, _)| *p < at && ok(self, n) && !self.not_an_antecedent(n))
            .map(|(p, n, _)| (*p, n.clone()))
        {
            if best.as_ref().is_none_or(|(bp, _)| pos >= *bp) && pos >= lo {
                return Some(name);
            }
        }
        best.map(|x| x.1)
    }

    /// The index of the paragraph that holds the offset `x`.
    fn paragraph_of(&self, x: usize) -> Option<usize> {
        self.ctx.paras.iter().position(|&(_, s, e)| s <= x && x <= e)
    }

    /// Whether the sentence going on at `from` is the last of its paragraph and the paragraph
    /// after it holds `at`.
    fn question_ends_paragraph_before(&self, from: usize, at: usize) -> bool {
        let (Some(k), Some(j)) = (self.paragraph_of(from), self.paragraph_of(at)) else { return false };
        let rest = self.ctx.t[from..self.ctx.paras[k].2].trim_end();
        let rest = rest.trim_end_matches(['.', '?', '!', '"', '”', '\'']);
        j == k + 1 && !rest.contains(['.', '?', '!'])
    }

    /// The clause role of a name in apposition to the noun phrase before its comma, which
    /// opens with a determiner or a possessive ("while his wife, Mary Stone, ran a charity"):
    /// that phrase's role (0 the subject of a main clause, 1 of an embedded one, 2 an object).
    /// A prepositional phrase belongs to the noun before it ("the campaign of his wife,
    /// Hillary Clinton, ..."; "Head of the division, Andrew Burke, spoke"). None when the name
    /// (tokens `b` to `last`) stands in no such apposition.
    fn apposed_class(&self, toks: &[Tok], b: usize, last: usize) -> Option<usize> {
        let t = self.ctx.t;
        let w = |x: usize| &t[toks[x].s..toks[x].e];
        let word = |x: usize| toks[x].is_word();
        if b < 2 || !toks[b - 1].is_punct(',') || !toks.get(last + 1).is_some_and(|x| x.is_punct(',')) {
            return None;
        }
        let mut j = b - 1;
        for _ in 0..14 {
            if j == 0 || !word(j - 1) {
                return None;
            }
            j -= 1;
            let x = w(j);
            if text::is_cap(x) && !text::lower_eq(x, lexicon::APPOSITIVE_DETERMINERS) {
                // a capitalized head opening its sentence ("Head of the division")
                return (j == 0 || !word(j - 1)).then_some(0);
            }
            if !text::lower_eq(x, lexicon::APPOSITIVE_DETERMINERS) {
                continue;
            }
            // the phrase opens at its determiner: what stands before it says its role
            let Some(p) = j.checked_sub(1).filter(|&p| word(p)) else { return Some(0) };
            let pw = w(p);
            if text::lower_eq(pw, lexicon::MAIN_CLAUSE_COORDINATORS) {
                return Some(0);
            }
            if text::lower_eq(pw, lexicon::CLAUSE_OPENERS) {
                return Some(1);
            }
            if text::lower_eq(pw, lexicon::POSTMODIFIER_PREPOSITIONS) {
                j = p;
                continue;
            }
            return text::is_lower(pw).then_some(2);
        }
        None
    }

    /// Whether the name ending at `end` is the subject of a speech verb through a relative
    /// clause of its appositive: "Sen. Dianne Feinstein of California, the ranking Democrat on
    /// the committee, who said ..." (only "of PLACE", commas and one appositive between).
    fn says_through_who(&self, toks: &[Tok], end: usize) -> bool {
        let t = self.ctx.t;
        let w = |x: &Tok| &t[x.s..x.e];
        let Some(mut j) = toks.iter().position(|x| x.s >= end) else { return false };
        // "of California"
        if toks[j].is_word()
            && w(&toks[j]) == "of"
            && toks.get(j + 1).is_some_and(|x| x.is_word() && text::is_cap(w(x)))
        {
            j += 1;
            while toks.get(j).is_some_and(|x| x.is_word() && text::is_cap(w(x))) {
                j += 1;
            }
        }
        if !toks.get(j).is_some_and(|x| x.is_punct(',')) {
            return false;
        }
        j += 1;
        let who_says = |j: usize| {
            toks.get(j).is_some_and(|x| x.is_word() && w(x) == "who")
                && toks.get(j + 1).is_some_and(|x| {
                    x.is_word() && text::is_lower(w(x)) && text::lower_eq(w(x), lexicon::SUBJECT_SPEECH_VERBS)
                })
        };
        if who_says(j) {
            return true;
        }
        // one appositive, "the ranking Democrat on the committee,"
        if !toks.get(j).is_some_and(|x| x.is_word() && text::lower_eq(w(x), lexicon::ARTICLES)) {
            return false;
        }
        for (k, x) in toks.iter().enumerate().take(j + 16).skip(j + 1) {
            if x.is_punct(',') {
                return who_says(k + 1);
            }
            if !x.is_word() {
                return false;
            }
        }
        false
    }
}
