//! Who a pronoun can be: the gender of a person of the article (the pronoun after the first
//! mention, the Census first name), and the namesake a surname goes to when the person that
//! `canonical` gave it does not agree with the pronoun.

use super::*;

impl Resolver<'_, '_> {
    pub(super) fn gender_of(&self, name: &str) -> Option<Gender> {
        // a full name whose first name is a common one of either gender (US Census lists): a
        // firmer sign than the pronouns the article was read to give the name so far
        let census = || {
            // (of the name without a role or title before it: "Maryland Gov. Martin O'Malley")
            let cleaned = crate::extract::names::clean_name(name);
            let mut words = cleaned.as_deref().unwrap_or(name).split_whitespace();
            let first = words.next()?;
            // (a first name alone, when it is no frequent surname too and no word of a full
            // name the article gives: "his daughter, Chloe"; not "Clinton", nor "Lou" of "Lou
            // Jiwei", whose family name comes first)
            if words.next().is_none()
                && (crate::extract::entities::frequent_surname(&first.to_lowercase())
                    || self.ctx.known.iter().any(|k| crate::extract::names::word_of_full_name(k.name, first)))
            {
                return None;
            }
            lexicon::first_name_gender(first).map(Gender::from)
        };
        self.pronoun_gender(name)
            .or_else(census)
            .or_else(|| self.genders.iter().rev().find(|(n, _)| n == name).map(|x| x.1))
    }

    /// The gender of the first pronoun after the first mention of the person `name`, in the
    /// same sentence, with no other capitalized name between, when that mention is the subject
    /// of a verb right after it ("Sen. Lindsey Graham called out his rival"): firmer than the
    /// census's odds for the first name. After an object the pronoun is the subject's
    /// ("endorsing Hillary Clinton, and he said").
    pub(super) fn pronoun_gender(&self, name: &str) -> Option<Gender> {
        if let Some((_, g)) = self.pronoun_genders.borrow().iter().find(|(n, _)| n == name) {
            return *g;
        }
        let g = (|| {
            let known =
                self.ctx.known.iter().find(|k| k.is_person && k.name == name && k.name.contains(' '))?;
            let t = self.ctx.t;
            // the first mention in full (a headline's surname alone is followed by anything)
            let &(_, e) = known
                .mentions
                .iter()
                .filter(|&&(s, e)| t.get(s..e).is_some_and(|m| m.contains(' ')))
                .min()?;
            // (the name as the subject of a verb right after it, a parenthesis between allowed:
            // after an object, "endorsing Hillary Clinton, he said", the pronoun is another's)
            let rest = t[e..].trim_start();
            let rest = match rest.strip_prefix('(') {
                Some(r) => r.split_once(')').map_or("", |x| x.1).trim_start(),
                None => rest,
            };
            let verb = rest.split_whitespace().next().is_some_and(|w| {
                w.starts_with(char::is_lowercase) && !text::lower_eq(w, lexicon::FUNCTION_WORDS)
            });
            if !verb {
                return None;
            }
            let hi = fwd(t, e, 300);
            let mut toks = Vec::new();
            text::tokenize(t, e, hi, &mut toks);
            for tk in &toks {
                if tk.k == K::Mark || matches!(tk.k, K::Punct('.') | K::Punct('?') | K::Punct('!')) {
                    return None;
                }
                if !tk.is_word() {
                    continue;
                }
                let w = &t[tk.s..tk.e];
                // subject and reflexive forms only: "him" and "her" are as often another's
                if text::lower_eq(w, lexicon::MASCULINE_PRONOUNS) {
                    return Some(Gender::M);
                }
                if text::lower_eq(w, lexicon::FEMININE_PRONOUNS) {
                    return Some(Gender::F);
                }
                if text::is_cap(w) && !cap_stop(w) && w.chars().skip(1).any(|c| c.is_lowercase()) {
                    return None;
                }
            }
            None
        })();
        self.pronoun_genders.borrow_mut().push((name.to_string(), g));
        g
    }

    /// Another person of the article whose name ends in the one word at `s..e` (a surname
    /// that `canonical` gave to `taken`, the longest name), introduced before `taken`: the
    /// first introduced of those that `fits`. (One introduced later is not the surname's
    /// usual bearer: "Clinton" of Hillary Clinton is not Bill Clinton because "he" follows.)
    pub(super) fn namesake(
        &self,
        s: usize,
        e: usize,
        taken: &str,
        fits: impl Fn(&str) -> bool,
    ) -> Option<String> {
        // (a title before the surname is no part of it: "Sen. Murphy"; one of a gender names
        // a person of that gender: "Mrs. Clinton" is not Bill Clinton)
        let titled = title_gender(&self.ctx.t[s..e]);
        let mut words = self.ctx.t[s..e].split_whitespace().map(text::base).filter(|w| !text::title(w));
        let word = words.next()?;
        if words.next().is_some() || !text::is_cap(word) {
            return None;
        }
        let first = |k: &KnownName| k.mentions.iter().map(|m| m.0).min().unwrap_or(usize::MAX);
        let taken_first = self.ctx.known.iter().filter(|k| k.name == taken).map(first).min()?;
        self.ctx
            .known
            .iter()
            .filter(|k| {
                k.is_person
                    && first(k) < taken_first
                    && k.name != taken
                    && k.name.contains(' ')
                    && crate::extract::names::core_words(k.name).last() == Some(&word)
            })
            .filter(|k| fits(k.name) && titled.is_none_or(|g| self.gender_of(k.name) == Some(g)))
            .min_by_key(|k| first(k))
            .map(|k| k.name.to_string())
    }
}
