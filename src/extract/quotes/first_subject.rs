//! The first subject of a sentence, for a cue with none of its own ("Cruz went further,
//! saying"), past a dateline ("WASHINGTON, Dec. 8 (UPI) —") and an introductory phrase.

use super::*;

impl<'a> Ctx<'a> {
    /// Where the words after a dateline start: a place in capitals, an optional date and agency,
    /// then a dash ("WASHINGTON —", "WASHINGTON, Dec. 8 (UPI) —"); 0 without one.
    pub(super) fn dateline_end(&self, win: &[Tok], end: usize) -> usize {
        let Some(k0) = win[..end].iter().position(|t| t.is_word()) else { return 0 };
        if !text::all_caps(self.w(&win[k0])) {
            return 0;
        }
        for (k, tk) in win.iter().enumerate().take(end.min(k0 + 12)).skip(k0 + 1) {
            if matches!(tk.k, K::Punct('—') | K::Punct('–')) || tk.is_punct('-') && k > k0 + 1 {
                return k + 1;
            }
            // a dateline holds capitals, a date and an agency in parentheses, nothing in lowercase
            if tk.is_word() && text::is_lower(self.w(tk)) {
                return 0;
            }
        }
        0
    }

    /// The first name or pronoun of a sentence, as the subject of a cue that has none of its
    /// own ("Cruz went further, saying", "The New York Times reports:").
    pub(super) fn first_subject(&self, win: &[Tok], end: usize) -> Option<Attr> {
        let end = end.min(win.len());
        // a dateline before the sentence ("WASHINGTON, Dec. 8 (UPI) — ...") is no subject
        let d = self.dateline_end(win, end);
        let from = d + self.intro_end(&win[d..], end - d);
        if let Some(m) = self.determiner_subject(win, from, end) {
            return Some(m);
        }
        for k in from..end {
            let tk = win[k];
            if tk.k == K::Mark {
                return None;
            }
            if !tk.is_word() {
                continue;
            }
            let w = self.w(&tk);
            if text::pronoun(w) && !text::lower_eq(w, lexicon::NON_PERSON_PRONOUNS) {
                return Some(mention(tk.s, tk.e, MK::Pronoun));
            }
            if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk)) {
                // a day ("the stage Tuesday night") names no one
                if self.not_a_name_start(win, k, end) || text::lower_eq(w, lexicon::WEEKDAYS) {
                    continue;
                }
                // a lead-in in capitals ("OBAMA'S LAST STATE OF THE UNION “...”") is credited
                // as a phrase, and names no one
                if text::all_caps(w)
                    && win[k + 1..end].iter().find(|x| x.is_word()).is_some_and(|x| text::all_caps(self.w(x)))
                {
                    let mut e = k;
                    while e + 1 < end
                        && (!win[e + 1].is_word() || !self.w(&win[e + 1]).chars().any(char::is_lowercase))
                    {
                        e += 1;
                    }
                    while e > k && !win[e].is_word() {
                        e -= 1;
                    }
                    return Some(mention(tk.s, win[e].e, MK::Phrase));
                }
                let e = self.name_right(win, k, end);
                let in_pp = k > 0
                    && win[k - 1].is_word()
                    && text::lower_eq(self.w(&win[k - 1]), lexicon::PREPOSITIONS_AND_ARTICLES);
                if in_pp {
                    continue;
                }
                return Some(mention(tk.s, win[e].e, MK::Name));
            }
        }
        None
    }
}
