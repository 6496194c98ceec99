//! Subjects: the words naming who speaks, left or right of a cue: names, titles, appositives,
//! noun phrases with a determiner, introductory phrases skipped.

use super::*;

impl<'a> Ctx<'a> {
    /// Leftward walk over a name ending at token `k` (inclusive), not before `lo`.
    /// Returns (first token, whether a title is included).
    pub(super) fn name_left(&self, win: &[Tok], k: usize, lo: usize) -> (usize, bool) {
        let mut s = k;
        let mut titled = false;
        while s > lo {
            let tk = win[s - 1];
            // inside an organization the recognizer found ("Bank of Japan", "British Bankers'
            // Association")
            if self.same_known_org(&tk, &win[s]) {
                s -= 1;
                continue;
            }
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk)) && !text::is_possessive(w) {
                if text::title(w) {
                    titled = true;
                }
                s -= 1;
            } else if text::lower_eq(w, lexicon::LOWERCASE_NAME_PARTICLES) {
                // a run of particles after a capitalized word ("Ursula von der Leyen")
                let particle =
                    |t: &Tok| t.is_word() && text::lower_eq(self.w(t), lexicon::LOWERCASE_NAME_PARTICLES);
                let mut q = s - 1;
                while q > lo && particle(&win[q - 1]) {
                    q -= 1;
                }
                if q >= 1 && win[q - 1].is_word() && text::is_cap(self.w(&win[q - 1])) {
                    s = q;
                } else if self.known_tail(&self.t[tk.s..win[k].e]) {
                    // (or it opens the tail of a name the article gives in full: "de Blasio
                    // said" after "Bill de Blasio")
                    s -= 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        (s, titled)
    }

    /// Whether `tail` ends a longer name the recognizer found, after a space.
    fn known_tail(&self, tail: &str) -> bool {
        self.known.iter().any(|kn| {
            kn.name.len() > tail.len()
                && kn.name.ends_with(tail)
                && kn.name.as_bytes()[kn.name.len() - tail.len() - 1] == b' '
        })
    }

    /// Rightward walk over a name starting at token `k`. Returns the last token.
    pub(super) fn name_right(&self, win: &[Tok], k: usize, hi: usize) -> usize {
        let mut e = k;
        while e + 1 < hi {
            let tk = win[e + 1];
            if self.same_known_org(&win[e], &tk) {
                e += 1;
                continue;
            }
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::is_cap(w) && !cap_stop(w) && text::cue(w).is_none() {
                e += 1;
                if text::is_possessive(w) {
                    break;
                }
            } else if text::lower_eq(w, lexicon::LOWERCASE_NAME_PARTICLES)
                && e + 2 < hi
                && win[e + 2].is_word()
                && text::is_cap(self.w(&win[e + 2]))
            {
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// The subject of the cue at `c`, in the words before it (from `lo`).
    pub(super) fn subject_before(&self, win: &[Tok], lo: usize, c: usize) -> Option<Attr> {
        let mut j = c;
        loop {
            if j > lo && win[j - 1].is_word() && text::skippable_adverb(self.w(&win[j - 1])) {
                j -= 1;
            } else if j > lo + 1
                && win[j - 1].is_word()
                && text::time_word(self.w(&win[j - 1]))
                && !text::is_lower(self.w(&win[j - 1]))
                && text::lower_eq(self.w(&win[j - 2]), lexicon::DAY_MODIFIERS)
            {
                // "Donald Trump on Saturday tweeted"
                j -= 2;
            } else if j > lo + 1
                && win[j - 1].is_word()
                && text::is_cap(self.w(&win[j - 1]))
                && text::lower_eq(self.w(&win[j - 1]), lexicon::WEEKDAYS)
            {
                // "Priebus later Thursday told Fox News": a day is no subject
                j -= 1;
                if win[j - 1].is_word() && text::lower_eq(self.w(&win[j - 1]), lexicon::RELATIVE_TIME_ADVERBS)
                {
                    j -= 1;
                }
            } else if let Some(p) = self.adverbial_pp_start(win, lo, j) {
                // "Trump at the time said", "who has in the past called": the phrase is no subject
                j = p;
            } else {
                break;
            }
        }
        if j == lo {
            return None;
        }
        let mut k = j - 1;
        // a parenthesis before the verb: "Sen. Bernie Sanders (I-Vt.) said"
        if win[k].is_punct(')') {
            let mut d = k;
            while d > lo && !win[d].is_punct('(') {
                d -= 1;
            }
            if d == lo {
                return None;
            }
            k = d - 1;
            if k < lo {
                return None;
            }
        }
        let tk = win[k];
        if tk.is_punct(',') || tk.is_punct('—') || tk.is_punct('–') {
            return self.appositive_subject(win, lo, k);
        }
        if !tk.is_word() {
            return None;
        }
        let w = self.w(&tk);
        if text::pronoun(w) {
            let kind = if w.eq_ignore_ascii_case("who") { MK::Relative } else { MK::Pronoun };
            return Some(mention(tk.s, tk.e, kind));
        }
        // "a message that said", "a headline which read": the noun phrase before the relative
        if text::lower_eq(w, &["that", "which"]) && k > lo && win[k - 1].is_word() {
            let pw = self.w(&win[k - 1]);
            if text::is_lower(pw)
                && !text::np_stop(pw)
                && text::cue(pw).is_none()
                && !text::pronoun(pw)
                && !text::lower_eq(pw, lexicon::DETERMINERS)
            {
                return self.phrase_left(win, lo, k - 1);
            }
        }
        // a pronoun with a contracted auxiliary ("he'd asked", "she's said"): the pronoun
        if let Some(i) = w.find(['\'', '’']) {
            if i > 0 && text::pronoun(&w[..i]) && !text::lower_eq(&w[..i], &["it", "who"]) {
                return Some(mention(tk.s, tk.s + i, MK::Pronoun));
            }
        }
        if text::is_cap(w) && !cap_stop(w) {
            let (s, _) = self.name_left(win, k, lo);
            // a person's affiliation or home: "Gov. Chris Christie of New Jersey said", "Ana
            // Ruiz of the Harbor Institute said": the person speaks
            if let Some(m) = self.person_before_affiliation(win, lo, s) {
                return Some(m);
            }
            // an institution's name with "of": "the Bank of America said", "the University of
            // Texas said"
            if s >= lo + 2
                && win[s - 1].is_word()
                && self.w(&win[s - 1]) == "of"
                && win[s - 2].is_word()
                && text::org_word(self.w(&win[s - 2]))
            {
                let s = self.name_left(win, s - 2, lo).0;
                let s = if s > lo && win[s - 1].is_word() && self.w(&win[s - 1]).eq_ignore_ascii_case("the") {
                    s - 1
                } else {
                    s
                };
                return Some(mention(win[s].s, tk.e, MK::Phrase));
            }
            // an organization the recognizer found whole, across "of" or "for" ("the British
            // Chambers of Commerce said")
            let across = (s..k).any(|i| !win[i].is_word() || !text::is_cap(self.w(&win[i])));
            if across && self.same_known_org(&win[s], &tk) {
                // (with its article, as the institutions with "of" below)
                if s > lo && win[s - 1].is_word() && self.w(&win[s - 1]).eq_ignore_ascii_case("the") {
                    return Some(mention(win[s - 1].s, tk.e, MK::Phrase));
                }
                return Some(mention(win[s].s, tk.e, MK::Name));
            }
            // a capitalized phrase after a determiner or possessive: "the White House",
            // "Netanyahu's office" is handled below as a phrase
            if s > lo && win[s - 1].is_word() {
                let pw = self.w(&win[s - 1]);
                if text::lower_eq(pw, &["the"]) || text::is_possessive(pw) {
                    return self.phrase_left(win, lo, k);
                }
            }
            if let Some(np) = self.head_of_modified_np(win, lo, s, c) {
                return Some(np);
            }
            return Some(mention(win[s].s, tk.e, MK::Name));
        }
        if text::is_lower(w) || w.chars().next().is_some_and(|c| c.is_numeric()) {
            if text::np_stop(w) || text::cue(w).is_some() {
                return None;
            }
            let phrase = self.phrase_left(win, lo, k)?;
            // "Nate Silver, the polling guru who founded the site tweeted": the phrase stops at
            // the relative pronoun; the subject is the name before the appositive
            // (or at the relative clause's object: "who runs the site wrote")
            let first = win.iter().position(|t| t.s == phrase.s)?;
            let who = (first.saturating_sub(3).max(lo)..first)
                .rev()
                .find(|&i| win[i].is_word() && text::lower_eq(self.w(&win[i]), &["who"]));
            let clause = who.is_some_and(|i| {
                win[i + 1..first]
                    .iter()
                    .all(|t| t.is_word() && text::is_lower(self.w(t)) && !text::np_stop(self.w(t)))
            });
            if let (Some(i), true) = (who, clause) {
                if let Some(a) = self.name_before_apposed_relative(win, lo, i) {
                    return Some(a);
                }
            }
            return Some(phrase);
        }
        None
    }

    /// The name before an appositive whose noun a relative clause follows, "who" being token
    /// `q`: "Nate Silver, the polling guru who founded the site" (the appositive opens with a
    /// determiner after the name's comma).
    fn name_before_apposed_relative(&self, win: &[Tok], lo: usize, q: usize) -> Option<Attr> {
        let mut d = q;
        while d > lo + 2 && q - d < 6 && win[d - 1].is_word() && text::is_lower(self.w(&win[d - 1])) {
            d -= 1;
            if text::lower_eq(self.w(&win[d]), lexicon::ARTICLES) {
                break;
            }
        }
        let apposed = d < q
            && d >= lo + 2
            && text::lower_eq(self.w(&win[d]), lexicon::ARTICLES)
            && win[d - 1].is_punct(',')
            && win[d - 2].is_word()
            && text::is_cap(self.w(&win[d - 2]))
            && !cap_stop(self.w(&win[d - 2]));
        if !apposed {
            return None;
        }
        let (s, _) = self.name_left(win, d - 2, lo);
        if win[s..d - 1].iter().any(|t| text::org_word(self.w(t))) {
            return None;
        }
        Some(mention(win[s].s, win[d - 2].e, MK::Name))
    }

    /// Where a prepositional phrase of time or circumstance ends right before token `j` ("at
    /// the time", "in the past", "on Monday", "for years") starts, when a word stands before it
    /// to be the subject. Only prepositions that do not modify a noun phrase before them.
    pub(super) fn adverbial_pp_start(&self, win: &[Tok], lo: usize, j: usize) -> Option<usize> {
        // the phrase: a preposition and at most three lowercase words after it ("the past"), or
        // a weekday and a part of the day ("Tuesday night"), or a month ("in July")
        for p in (j.saturating_sub(4).max(lo + 1)..j.saturating_sub(1)).rev() {
            let tk = win[p];
            if !tk.is_word() || !win[p - 1].is_word() {
                return None;
            }
            let w = self.w(&tk);
            if text::lower_eq(w, lexicon::ADVERBIAL_PREPOSITIONS) && text::is_lower(w) {
                let body = &win[p + 1..j];
                let ok = body.iter().enumerate().all(|(i, t)| {
                    let x = self.w(t);
                    t.is_word()
                        && text::cue(x).is_none()
                        && !text::pronoun(x)
                        && (text::is_lower(x) && !text::np_stop(x)
                            || i == 0
                                && (text::lower_eq(x, lexicon::WEEKDAYS)
                                    || text::lower_eq(x, lexicon::MONTHS)))
                        && (i == 0
                            || !text::lower_eq(self.w(&body[0]), lexicon::WEEKDAYS)
                            || text::lower_eq(x, lexicon::PARTS_OF_DAY))
                });
                return ok.then_some(p);
            }
            if !(text::is_lower(w) || text::lower_eq(w, lexicon::WEEKDAYS))
                || text::np_stop(w)
                || text::cue(w).is_some()
                || text::pronoun(w)
            {
                return None;
            }
        }
        None
    }

    /// The person named before "of", "from" or "at" (and an optional "the") that precedes the
    /// name starting at token `s`, when that earlier name is a person's: two capitalized words
    /// or more that the recognizer tags as a person or that open with a first name.
    pub(super) fn person_before_affiliation(&self, win: &[Tok], lo: usize, s: usize) -> Option<Attr> {
        let mut p = s;
        if p > lo && win[p - 1].is_word() && self.w(&win[p - 1]).eq_ignore_ascii_case("the") {
            p -= 1;
        }
        if p < lo + 3
            || !win[p - 1].is_word()
            || !text::lower_eq(self.w(&win[p - 1]), lexicon::AFFILIATION_PREPOSITIONS)
        {
            return None;
        }
        let k = p - 2;
        let w = self.w(&win[k]);
        if !win[k].is_word() || !text::is_cap(w) || cap_stop(w) || text::is_possessive(w) {
            return None;
        }
        let (ns, _) = self.name_left(win, k, lo);
        let words: Vec<&str> = win[ns..=k].iter().map(|x| self.w(x)).filter(|w| !text::title(w)).collect();
        if words.len() < 2 || words.len() > 4 || words.iter().any(|w| text::org_word(w)) {
            return None;
        }
        let name = words.join(" ");
        let known_person =
            self.known.iter().any(|kn| kn.is_person && (kn.name == name || kn.name.ends_with(&name)));
        if !known_person && !crate::extract::names::first_named(&name) {
            return None;
        }
        Some(mention(win[ns].s, win[k].e, MK::Name))
    }

    /// A name inside a modifier of the subject ("A letter from the American Legion obtained by
    /// The Associated Press warns"): the subject's head phrase at the clause start.
    pub(super) fn head_of_modified_np(&self, win: &[Tok], lo: usize, s: usize, c: usize) -> Option<Attr> {
        if s < lo + 2 || !win[s - 1].is_word() {
            return None;
        }
        let pw = self.w(&win[s - 1]);
        if !text::lower_eq(pw, lexicon::MODIFIER_PREPOSITIONS) {
            return None;
        }
        let start = lo.max(self.intro_end(win, c));
        let np = self.determiner_subject(win, start, c)?;
        let np_end = win.iter().position(|t| t.e == np.e)?;
        // the phrase runs up to the preposition chain that holds the name
        if np.s < win[s].s
            && np_end + 1 < s
            && win[np_end + 1].is_word()
            && text::lower_eq(self.w(&win[np_end + 1]), lexicon::NOUN_MODIFIER_OPENERS)
        {
            if win[np_end + 1..s].iter().any(|t| !t.is_word() || text::cue(self.w(t)).is_some()) {
                return None;
            }
            return Some(np);
        }
        None
    }

    /// "Linda Thomas-Greenfield, the U.S. ambassador to the U.N., told": the name before the
    /// appositive that ends at the comma `k`.
    pub(super) fn appositive_subject(&self, win: &[Tok], lo: usize, k: usize) -> Option<Attr> {
        // "The mayor, Lee Chan, said": the name is the appositive
        if k > lo + 1
            && win[k - 1].is_word()
            && text::is_cap(self.w(&win[k - 1]))
            && !cap_stop(self.w(&win[k - 1]))
        {
            let (s, _) = self.name_left(win, k - 1, lo);
            if s > lo
                && win[s - 1].is_punct(',')
                && s >= lo + 2
                && win[s - 2].is_word()
                && text::is_lower(self.w(&win[s - 2]))
            {
                let orgish = win[s..k].iter().any(|t| text::org_word(self.w(t)));
                if !orgish {
                    return Some(mention(win[s].s, win[k - 1].e, MK::Name));
                }
            }
        }
        // "Swanson, who is a pastor at the church of Elizabeth, Colorado, slammed": the names of
        // a relative clause are not its subject; the name before ", who" is
        let mut q = k;
        while q > lo + 2 && k - q < 60 {
            q -= 1;
            let tk = win[q];
            if tk.k == K::Mark {
                break;
            }
            if tk.is_word() && text::lower_eq(self.w(&tk), &["who"]) && win[q - 1].is_punct(',') {
                let w = win[q - 2];
                if w.is_word() && text::is_cap(self.w(&w)) && !cap_stop(self.w(&w)) {
                    let (s, _) = self.name_left(win, q - 2, lo);
                    if !win[s..q - 1].iter().any(|t| text::org_word(self.w(t))) {
                        return Some(mention(win[s].s, w.e, MK::Name));
                    }
                }
                break;
            }
            if tk.is_word() && text::lower_eq(self.w(&tk), &["who"]) {
                if let Some(a) = self.name_before_apposed_relative(win, lo, q) {
                    return Some(a);
                }
                break;
            }
        }
        let mut first: Option<Attr> = None;
        let mut commas = 0;
        let mut p = k;
        while p > lo && commas < 4 && k - p < 60 {
            p -= 1;
            let tk = win[p];
            if tk.k == K::Mark {
                break;
            }
            // a finite verb ends the walk; "Mr. Trump, asked about ..., had said" does not
            if tk.is_word()
                && text::cue(self.w(&tk)) == Some(Cue::Finite)
                && !(p > lo && win[p - 1].is_punct(','))
            {
                break;
            }
            if !(tk.is_punct(',') || tk.is_punct('—') || tk.is_punct('–') || tk.is_punct('(')) {
                continue;
            }
            commas += 1;
            if p == lo || !win[p - 1].is_word() {
                continue;
            }
            let w = self.w(&win[p - 1]);
            // the word after the comma starts the appositive
            let next = win.get(p + 1).filter(|t| t.is_word()).map(|t| self.w(t)).unwrap_or("");
            if next.is_empty() {
                continue;
            }
            if text::pronoun(w) && !w.eq_ignore_ascii_case("it") {
                return Some(mention(win[p - 1].s, win[p - 1].e, MK::Pronoun));
            }
            if text::is_cap(w) && !cap_stop(w) {
                let (s, _) = self.name_left(win, p - 1, lo);
                let a = mention(win[s].s, win[p - 1].e, MK::Name);
                let orgish = win[s..p].iter().any(|t| text::org_word(self.w(t)));
                if !orgish && !self.object_of_preposition(win, lo, s) {
                    return Some(a);
                }
                if first.is_none() {
                    first = Some(a);
                }
            } else if first.is_none() && text::is_lower(w) && !text::np_stop(w) {
                // "A spokesman for X, who ..., said" – keep the phrase as a fallback
                if let Some(a) = self.phrase_left(win, lo, p - 1) {
                    first = Some(a);
                }
            }
        }
        first
    }

    /// Whether the name starting at token `s` is the object of a preposition inside an
    /// appositive, a place's "City, State" taken whole: "Mr. Daniloff, now 81 and retired in
    /// Cambridge, Mass., said" (the subject is the name before the appositive).
    fn object_of_preposition(&self, win: &[Tok], lo: usize, s: usize) -> bool {
        let mut s = s;
        if s >= lo + 2
            && win[s - 1].is_punct(',')
            && win[s - 2].is_word()
            && text::is_cap(self.w(&win[s - 2]))
        {
            s = self.name_left(win, s - 2, lo).0;
        }
        s > lo && win[s - 1].is_word() && {
            let p = self.w(&win[s - 1]);
            text::is_lower(p) && text::lower_eq(p, lexicon::POSTMODIFIER_PREPOSITIONS)
        }
    }

    /// The subject of an inverted cue: "said Aaron David Miller", "said the official", "said he".
    pub(super) fn subject_after(&self, win: &[Tok], from: usize, hi: usize) -> Option<Attr> {
        let mut j = from;
        // "said Monday", "said on Tuesday"
        let mut guard = 0;
        while j < hi && win[j].is_word() && guard < 4 {
            let w = self.w(&win[j]);
            if text::time_word(w) {
                j += 1;
            } else if text::lower_eq(w, lexicon::TIME_PREPOSITIONS)
                && win.get(j + 1).is_some_and(|n| n.is_word() && text::time_word(self.w(n)))
            {
                j += 2;
            } else {
                break;
            }
            guard += 1;
        }
        if j >= hi || !win[j].is_word() {
            return None;
        }
        let tk = win[j];
        let w = self.w(&tk);
        if text::pronoun(w) {
            if text::lower_eq(w, lexicon::NON_PERSON_PRONOUNS) {
                return None;
            }
            return Some(mention(tk.s, tk.e, MK::Pronoun));
        }
        // "according to The Washington Post": the article belongs to the name
        if w == "The"
            && j + 1 < hi
            && win[j + 1].is_word()
            && text::is_cap(self.w(&win[j + 1]))
            && !cap_stop(self.w(&win[j + 1]))
        {
            let e = self.name_right(win, j + 1, hi);
            return Some(mention(tk.s, win[e].e, MK::Name));
        }
        if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk))
            || text::title(w) && text::is_cap(w)
        {
            let mut e = self.name_right(win, j, hi);
            // "said Secretary of State John F. Kerry": the office's words and the name after
            if e == j
                && crate::extract::names::is_role_word(w)
                && j + 3 < hi
                && win[j + 1].is_word()
                && self.w(&win[j + 1]) == "of"
                && win[j + 2].is_word()
                && text::is_cap(self.w(&win[j + 2]))
            {
                e = self.name_right(win, j + 2, hi);
            }
            // "said Republican party boss Reince Priebus", "said GOP strategist Tom Reed": a
            // modifier, lowercase role words and the name they introduce
            {
                let mut k = e + 1;
                while k < hi && k <= e + 3 && win[k].is_word() && text::is_lower(self.w(&win[k])) {
                    k += 1;
                }
                // (or any one noun before a first name: "said Cruz constituent Dan Golvach")
                let noun_before_first_name = k == e + 2 && k < hi && {
                    let n = self.w(&win[k - 1]);
                    !text::lower_eq(n, lexicon::FUNCTION_WORDS)
                        && !n.ends_with("ed")
                        && !n.ends_with("ing")
                        && win[k].is_word()
                        && lexicon::is_first_name(self.w(&win[k]))
                };
                if k > e + 1
                    && k < hi
                    && (crate::extract::names::is_role_word(self.w(&win[k - 1])) || noun_before_first_name)
                    && win[k].is_word()
                    && text::is_cap(self.w(&win[k]))
                    && !cap_stop(self.w(&win[k]))
                {
                    // (the mention is the name; the words before it are its role)
                    let e2 = self.name_right(win, k, hi);
                    return Some(mention(win[k].s, win[e2].e, MK::Name));
                }
            }
            // "said Netanyahu's office": a phrase
            if text::is_possessive(self.w(&win[e]))
                && e + 1 < hi
                && win[e + 1].is_word()
                && text::is_lower(self.w(&win[e + 1]))
            {
                // (and the name in apposition to it: "said Rubio's deputy campaign manager, Rich
                // Beeson, who ...")
                let mut k = e + 1;
                while k < hi && k <= e + 4 && win[k].is_word() && text::is_lower(self.w(&win[k])) {
                    k += 1;
                }
                if k + 1 < hi
                    && win[k].is_punct(',')
                    && win[k + 1].is_word()
                    && text::is_cap(self.w(&win[k + 1]))
                    && !cap_stop(self.w(&win[k + 1]))
                {
                    let e2 = self.name_right(win, k + 1, hi);
                    if win.get(e2 + 1).is_none_or(|x| x.is_punct(',') || x.is_punct('.')) {
                        return Some(mention(win[k + 1].s, win[e2].e, MK::Name));
                    }
                }
                return Some(mention(tk.s, win[e + 1].e, MK::Phrase));
            }
            return Some(mention(tk.s, win[e].e, MK::Name));
        }
        if (text::is_lower(w) || w.starts_with(|c: char| c.is_ascii_digit()))
            && !text::not_subject_after(w)
            && text::cue(w).is_none()
        {
            let mut e = j;
            let mut n = 0;
            while e + 1 < hi && n < 10 {
                let nt = win[e + 1];
                if !nt.is_word() {
                    break;
                }
                let nw = self.w(&nt);
                if text::lower_eq(nw, lexicon::PHRASE_ENDERS) || text::cue(nw).is_some() {
                    break;
                }
                // a verb of its own: the words are the reported clause ("said the candidate
                // could be competitive"), no inverted subject
                if text::lower_eq(nw, lexicon::AUXILIARY_VERBS) {
                    return None;
                }
                e += 1;
                n += 1;
            }
            return Some(mention(tk.s, win[e].e, MK::Phrase));
        }
        None
    }

    /// Whether the recognizer found a person whose mention of several words starts at `tk`
    /// ("Will Doyle", where "Will" alone reads as a verb).
    pub(super) fn known_person_starts(&self, tk: &Tok) -> bool {
        self.known.iter().any(|k| k.is_person && k.mentions.iter().any(|&(s, e)| s == tk.s && e > tk.e + 1))
    }

    /// Whether one organization the recognizer found covers both tokens.
    fn same_known_org(&self, a: &Tok, b: &Tok) -> bool {
        self.known.iter().any(|k| k.is_org && k.mentions.iter().any(|&(s, e)| s <= a.s && b.e <= e))
    }

    /// Whether a known name (from the entity recognizer) covers token `tk`: Some(is a person).
    pub(super) fn known_at(&self, tk: &Tok) -> Option<bool> {
        self.known
            .iter()
            .find(|k| k.mentions.iter().any(|&(s, e)| s <= tk.s && tk.e <= e))
            .map(|k| k.is_person)
    }

    /// A capitalized word at `k` that opens no name: a sentence adverb or participle
    /// ("Moreover", "Facing mounting criticism", "Minutes later"), unless the recognizer knows it.
    pub(super) fn not_a_name_start(&self, win: &[Tok], k: usize, end: usize) -> bool {
        let w = self.w(&win[k]);
        // a person the recognizer found in several words ("Chelsea Manning"), or in one that
        // reads as no common word ("Reprising" is one)
        let tk = win[k];
        if self.known.iter().any(|kn| {
            kn.is_person
                && kn.mentions.iter().any(|&(s, e)| {
                    s <= tk.s
                        && tk.e <= e
                        && (e - s > tk.e - tk.s || !w.to_ascii_lowercase().ends_with("ing"))
                })
        }) {
            return false;
        }
        if text::intro_word(w) {
            return true;
        }
        let at_start = k == 0 || !win[k - 1].is_word();
        if !at_start {
            return false;
        }
        let next = win.get(k + 1).filter(|_| k + 1 < end);
        let next_w = next.filter(|t| t.is_word()).map(|t| self.w(t));
        let lw = w.to_ascii_lowercase();
        if lw.len() > 5 && lw.ends_with("ing") {
            // "Flying home", "Doing so" but not "Manning said"
            return next_w.is_none_or(|n| text::is_lower(n) && text::cue(n).is_none());
        }
        if lw.len() > 5 && lw.ends_with("ed") {
            // "Reached by POLITICO, Bennett", "Preceded on stage by ..."
            return next_w.is_some_and(|n| text::lower_eq(n, lexicon::PARTICIPLE_PHRASE_PREPOSITIONS));
        }
        if lw.len() > 5 && lw.ends_with("ly") {
            // "Immediately after", "Specifically," but not "Kelly said"
            return next.is_some_and(|n| n.is_punct(','))
                || next_w.is_some_and(|n| text::lower_eq(n, lexicon::ADVERB_PHRASE_FOLLOWERS));
        }
        false
    }

    /// Where the main clause of a sentence starts: after an introductory phrase that runs to a
    /// comma ("At a rally in Portsmouth, N.H., on Tuesday, Senator ...", "When asked ..., Ms. X").
    pub(super) fn intro_end(&self, win: &[Tok], end: usize) -> usize {
        let Some(k0) = win[..end].iter().position(|t| t.is_word()) else { return 0 };
        if k0 > 0 && win[..k0].iter().any(|t| t.k == K::Mark) {
            return 0;
        }
        // "Even before ...", "Shortly after ...": an adverb before the phrase's opener
        let k0 = match win.get(k0 + 1) {
            Some(nx)
                if text::lower_eq(self.w(&win[k0]), lexicon::INTRO_INTENSIFIERS)
                    && nx.is_word()
                    && text::lower_eq(self.w(nx), lexicon::INTRO_OPENERS)
                    && k0 + 1 < end =>
            {
                k0 + 1
            }
            _ => k0,
        };
        let w = self.w(&win[k0]);
        let lw = w.to_ascii_lowercase();
        // ("Sunday morning, Clinton slammed ...": a day opens a time phrase)
        let day = text::lower_eq(w, lexicon::WEEKDAYS);
        let intro = text::lower_eq(w, lexicon::INTRO_OPENERS)
            || day
            || text::intro_word(w)
            || (lw.len() > 5
                && (lw.ends_with("ing") || lw.ends_with("ly") || lw.ends_with("ed"))
                && self.known_at(&win[k0]) != Some(true)
                && self.not_a_name_start(win, k0, end));
        if !intro {
            return 0;
        }
        // a prepositional phrase ends at its first comma ("On Friday, Mr. Carson endorsed Mr.
        // Trump at Mar-a-Lago, Mr. Trump's club, calling"); a clause may hold commas of its own
        let prepositional = day
            || text::lower_eq(w, lexicon::INTRO_OPENERS) && !text::lower_eq(w, lexicon::CLAUSE_INTRO_OPENERS);
        // the clause after the last comma (before the cue) that opens with a subject
        let mut found = None;
        let mut k = k0 + 1;
        while k < end && k < k0 + 45 {
            let tk = win[k];
            if tk.k == K::Mark || tk.is_punct(';') || tk.is_punct(':') {
                break;
            }
            if tk.is_punct(',') {
                if let Some(nx) = win.get(k + 1).filter(|t| t.is_word() && k + 1 < end) {
                    let x = self.w(nx);
                    let bare = x.split(['\'', '’']).next().unwrap_or(x);
                    let subj = (text::pronoun(bare) && !text::lower_eq(bare, lexicon::NON_PERSON_PRONOUNS))
                        || (text::is_cap(x) && !cap_stop(x) && !text::intro_word(x))
                        || text::lower_eq(x, lexicon::CLAUSE_SUBJECT_DETERMINERS);
                    let place_like = x.len() <= 5 && x.ends_with('.') && text::is_cap(x) && !text::title(x);
                    if subj && !place_like {
                        found = Some(k + 1);
                        if prepositional {
                            break;
                        }
                    }
                }
            }
            k += 1;
        }
        match found {
            Some(f) if f < end && win[f..end].iter().any(|t| t.is_word()) => f,
            _ => 0,
        }
    }

    /// A sentence opening with a common noun phrase as its subject ("The ad targets",
    /// "The lawsuit contends", "Another tweeted"): the phrase, up to its head noun.
    pub(super) fn determiner_subject(&self, win: &[Tok], from: usize, end: usize) -> Option<Attr> {
        let k = from;
        if k >= end || !win[k].is_word() || (k > 0 && win[..k].iter().any(|t| t.k == K::Mark)) {
            return None;
        }
        let w = self.w(&win[k]);
        if !text::lower_eq(w, lexicon::SUBJECT_NP_DETERMINERS) {
            // "Hundreds of demonstrators marched ...": the quantity opens the subject
            if text::is_cap(w)
                && text::lower_eq(w, lexicon::QUANTITY_WORDS)
                && win.get(k + 1).is_some_and(|t| t.is_word())
            {
                let e = if self.w(&win[k + 1]).eq_ignore_ascii_case("of")
                    && k + 2 < end
                    && win[k + 2].is_word()
                {
                    k + 2
                } else {
                    k
                };
                return Some(mention(win[k].s, win[e].e, MK::Phrase));
            }
            return None;
        }
        // "Another tweeted, “...”": the pronoun alone is the subject
        if text::lower_eq(w, &["another", "one"])
            && win
                .get(k + 1)
                .is_some_and(|t| !t.is_word() || k + 1 < end && self.cue_at(win, k + 1).is_some())
        {
            return Some(mention(win[k].s, win[k].e, MK::Phrase));
        }
        let mut e = k;
        let mut n = 0;
        while e + 1 < end && n < 4 {
            let tk = win[e + 1];
            if !tk.is_word() {
                break;
            }
            let x = self.w(&tk);
            // a word before a determiner is a verb or a preposition ("his campaign sent a
            // text"), and so is one before a particle and a determiner or a preposition ("an
            // email sent out by Price")
            let det = |i: usize| {
                win.get(i)
                    .is_some_and(|t| t.is_word() && text::lower_eq(self.w(t), lexicon::OBJECT_DETERMINERS))
            };
            let particle = |i: usize| {
                win.get(i)
                    .is_some_and(|t| t.is_word() && text::lower_eq(self.w(t), lexicon::ADVERB_PARTICLES))
            };
            let prep = |i: usize| {
                win.get(i).is_some_and(|t| {
                    t.is_word() && text::lower_eq(self.w(t), lexicon::PHRASAL_VERB_PREPOSITIONS)
                })
            };
            let before_determiner = n >= 1 && (det(e + 2) || particle(e + 2) && (det(e + 3) || prep(e + 3)));
            if text::np_stop(x)
                || text::cue(x).is_some()
                || text::skippable_adverb(x)
                || text::pronoun(x)
                || before_determiner
                || (n >= 1 && text::is_lower(x) && (x.ends_with("ed") || x.ends_with('s')))
            {
                break;
            }
            if text::time_word(x) || text::lower_eq(x, lexicon::TIME_PHRASE_WORDS) {
                return None;
            }
            e += 1;
            n += 1;
        }
        if e == k || win.get(e + 1).is_none_or(|t| t.is_punct(',') || !t.is_word()) {
            return None;
        }
        // "The major danger he sees", "the deal Trump made": a relative clause with a subject
        // of its own follows
        let nx = self.w(&win[e + 1]);
        if text::pronoun(nx) || (text::is_cap(nx) && !cap_stop(nx)) {
            return None;
        }
        // the phrase must be the subject of a verb of saying or a report ("The ad targets",
        // "The email went on to say"), not any sentence opening
        // (the cue may be the word at `end` itself: "..., his campaign sent a text saying:")
        if !win[e + 1..(end + 1).min(win.len())]
            .iter()
            .take(8)
            .enumerate()
            .any(|(j, t)| t.is_word() && self.cue_at(win, e + 1 + j).is_some())
            && !self.w(&win[e + 1]).ends_with('s')
        {
            return None;
        }
        Some(mention(win[k].s, win[e].e, MK::Phrase))
    }
}
