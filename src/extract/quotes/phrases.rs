//! The noun phrase a cue's subject is when it is no name ("the Florida senator said", "the
//! head of the agency told").

use super::*;

impl<'a> Ctx<'a> {
    /// A noun phrase ending at token `k`: back to its determiner or the clause start.
    pub(super) fn phrase_left(&self, win: &[Tok], lo: usize, k: usize) -> Option<Attr> {
        let mut s = k;
        let mut n = 0;
        while s > lo && n < 8 {
            let tk = win[s - 1];
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::np_stop(w) || text::cue(w).is_some() || text::pronoun(w) {
                // "the Florida senator and Republican presidential candidate said": two roles
                // of one person joined by "and" are one phrase
                if let Some(d) = self.roles_joined_at(win, lo, s - 1) {
                    s = d;
                }
                break;
            }
            s -= 1;
            n += 1;
            if text::lower_eq(w, lexicon::DETERMINERS) && !text::lower_eq(w, lexicon::NUMERAL_DETERMINERS) {
                // "the head of the agency": the phrase's head stands before "of"
                if s >= lo + 2
                    && win[s - 1].is_word()
                    && self.w(&win[s - 1]) == "of"
                    && win[s - 2].is_word()
                    && text::is_lower(self.w(&win[s - 2]))
                    && !text::np_stop(self.w(&win[s - 2]))
                    && text::cue(self.w(&win[s - 2])).is_none()
                    && !text::pronoun(self.w(&win[s - 2]))
                    && !text::lower_eq(self.w(&win[s - 2]), lexicon::DETERMINERS)
                {
                    s -= 1;
                    continue;
                }
                break;
            }
        }
        Some(mention(win[s].s, win[k].e, MK::Phrase))
    }

    /// When the word `a` is "and" after a lowercase noun of role opening with "the" at most
    /// four words before it ("the Florida senator and ..."), where that "the" stands.
    fn roles_joined_at(&self, win: &[Tok], lo: usize, a: usize) -> Option<usize> {
        if a < lo + 2 || self.w(&win[a]) != "and" {
            return None;
        }
        let role = self.w(&win[a - 1]);
        if !win[a - 1].is_word() || !text::is_lower(role) || !crate::extract::names::is_role_word(role) {
            return None;
        }
        let mut d = a - 1;
        for _ in 0..4 {
            if d <= lo || !win[d - 1].is_word() {
                return None;
            }
            d -= 1;
            let w = self.w(&win[d]);
            if w.eq_ignore_ascii_case("the") {
                return Some(d);
            }
            if text::np_stop(w) || text::cue(w).is_some() || text::pronoun(w) {
                return None;
            }
        }
        None
    }
}
