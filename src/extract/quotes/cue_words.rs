//! Which word is a speech cue in its context ("said", "told reporters", "according to", "in
//! the words of"), and where the cue's words end.

use super::*;

impl<'a> Ctx<'a> {
    /// Whether word `c` of `win` is a speech cue in this context.
    pub(super) fn cue_at(&self, win: &[Tok], c: usize) -> Option<Cue> {
        let w = self.w(&win[c]);
        let kind = text::cue(w)?;
        let next = win.get(c + 1).filter(|t| t.is_word()).map(|t| self.w(t));
        let prev = if c > 0 && win[c - 1].is_word() { Some(self.w(&win[c - 1])) } else { None };
        let lw = w.to_ascii_lowercase();
        if let Some(p) = lexicon::cue_particle(&lw) {
            return next.is_some_and(|n| n.eq_ignore_ascii_case(p)).then_some(Cue::Finite);
        }
        if lexicon::is_call_form(&lw) && next.is_some_and(|n| text::lower_eq(n, lexicon::CALL_PARTICLES)) {
            return None;
        }
        if lexicon::is_passive_cue(&lw) && prev.is_some_and(|p| text::lower_eq(p, lexicon::PASSIVE_MARKERS)) {
            return if lw == "quoted" { Some(Cue::Participle) } else { None };
        }
        // a participle as an adjective: "toward shared objectives", "the quoted passage"
        if lw.ends_with("ed")
            && prev.is_some_and(|p| text::lower_eq(p, lexicon::ADJECTIVAL_PARTICIPLE_OPENERS))
            && next.is_some_and(|n| {
                text::is_lower(n) && !text::np_stop(n) && !text::lower_eq(n, lexicon::DETERMINERS)
            })
        {
            return None;
        }
        // "the United States", "both states": no verb
        if lw == "states"
            && prev.is_none_or(|p| !text::is_lower(p) || text::lower_eq(p, lexicon::STATES_NOUN_MODIFIERS))
        {
            return None;
        }
        // a noun after a determiner: "in a tweet", "his statement", "the reports"
        if prev.is_some_and(|p| {
            text::lower_eq(p, lexicon::CUE_NOUN_DETERMINERS) || (text::is_possessive(p) && !text::is_cap(p))
        }) && !lw.ends_with("ing")
        {
            return None;
        }
        // a noun after a determiner and an adjective: "a rare note", "the final answer" (a
        // verb in its plain form after a determiner and a noun needs a plural noun: "the
        // senators note")
        // (the plain forms of the cues that are nouns as well)
        let plain = text::lower_eq(&lw, lexicon::PLAIN_CUE_NOUNS);
        if plain
            && c >= 2
            && win[c - 2].is_word()
            && text::lower_eq(self.w(&win[c - 2]), lexicon::ARTICLES_AND_POSSESSIVES)
            && prev.is_some_and(|p| {
                text::is_lower(p) && !p.ends_with('s') && !text::lower_eq(p, lexicon::AUXILIARY_VERBS)
            })
        {
            return None;
        }
        // "having referred to him as": a participle phrase
        if prev.is_some_and(|p| p.eq_ignore_ascii_case("having")) {
            return Some(Cue::Participle);
        }
        // a plural noun, not a verb: "Trump's comments", "the claims"
        if lw.ends_with('s')
            && !lw.ends_with("ss")
            && lw != "says"
            && prev.is_some_and(|p| text::is_possessive(p) || text::lower_eq(p, lexicon::PLURAL_NOUN_OPENERS))
        {
            return None;
        }
        // a passive participle opening its sentence: "Asked which county he liked, he
        // demurred:" (the subject of the main clause after the comma speaks)
        if lw == "asked"
            && text::is_cap(w)
            && prev.is_none()
            && next.is_some_and(|n| text::lower_eq(n, lexicon::ASKED_PHRASE_WORDS))
        {
            return None;
        }
        // passives and "when asked"
        if let Some(p) = prev {
            if text::lower_eq(p, lexicon::PASSIVE_CUE_OPENERS) {
                return None;
            }
        }
        // "said" used as an adjective ("the said")
        if w.eq_ignore_ascii_case("said") && prev.is_some_and(|p| p.eq_ignore_ascii_case("the")) {
            return None;
        }
        Some(kind)
    }

    /// The last token of a cue phrase ("pointed out", "said in a statement").
    pub(super) fn cue_end(&self, win: &[Tok], c: usize) -> usize {
        let w = self.w(&win[c]);
        let mut e = c;
        if lexicon::cue_particle(&w.to_ascii_lowercase()).is_some() && c + 1 < win.len() {
            e = c + 1;
        }
        // "said in a statement", "said in an interview"
        if e + 3 < win.len() && e + 3 < win.len() {
            let (a, b, d) = (self.w(&win[e + 1]), self.w(&win[e + 2]), self.w(&win[e + 3]));
            if a.eq_ignore_ascii_case("in")
                && text::lower_eq(b, &["a", "an"])
                && text::lower_eq(d, lexicon::STATEMENT_NOUNS)
            {
                e += 3;
            }
        }
        e
    }

    /// "in the words of NP"
    pub(super) fn in_the_words_of(&self, win: &[Tok], c: usize) -> Option<Attr> {
        if !win.get(c).is_some_and(|t| self.w(t).eq_ignore_ascii_case("in")) {
            return None;
        }
        let a = self.words_of_at(win, c + 1)?;
        Some(Attr { cue: (win[c].s, a.cue.1), ..a })
    }

    /// "the words of NP" after a quote ("Those were the words of Miriam Okonkwo"): a name.
    pub(super) fn the_words_of(&self, win: &[Tok], c: usize) -> Option<Attr> {
        self.words_of_at(win, c).filter(|a| a.kind == MK::Name)
    }

    /// "the words of" at `c` and the mention after it, the three words its cue.
    fn words_of_at(&self, win: &[Tok], c: usize) -> Option<Attr> {
        let [the, words, of] = win.get(c..c + 3)? else { return None };
        let is = |t: &Tok, x: &str| self.w(t).eq_ignore_ascii_case(x);
        if !(is(the, "the") && is(words, "words") && is(of, "of")) {
            return None;
        }
        let m = self.subject_after(win, c + 3, win.len())?;
        Some(Attr { cue: (the.s, of.e), cue_kind: CueText::Span, ..m })
    }

    /// "according to NP"
    pub(super) fn according(&self, win: &[Tok], c: usize) -> Option<Attr> {
        let m = self.subject_after(win, c + 2, win.len())?;
        Some(Attr { cue: (win[c].s, win[c + 1].e), cue_kind: CueText::AccordingTo, ..m })
    }
}
