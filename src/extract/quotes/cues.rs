//! Cues and the clause around a quote: a piece's own attribution, in the words after it and
//! before it, continuations, colons, signatures, trailing and leading sources.

use super::*;

impl<'a> Ctx<'a> {
    pub(super) fn w(&self, tk: &Tok) -> &'a str {
        &self.t[tk.s..tk.e]
    }

    /// The piece's own attribution: the cue after it or before it in its sentence. The flag
    /// tells that the words before it in its sentence are a clause of their own without a cue
    /// (so the next piece's cue does not reach back to it).
    pub(super) fn own_attr(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Own {
        let mut own = self.own_attr_inner(pieces, i, toks);
        if let Some(a) = own.attr {
            if a.cue_kind != CueText::AccordingTo {
                if let Some(src) =
                    self.trailing_source(pieces, i, toks).or_else(|| self.leading_source(pieces, i, a, toks))
                {
                    // the source is credited; the person its sentence quotes (by name, pronoun or
                    // description: "the judge said, according to the Post") still said the words
                    if matches!(a.kind, MK::Name | MK::Pronoun | MK::Relative | MK::Phrase) {
                        self.via.borrow_mut().push(((src.s, src.e), a));
                    }
                    own.attr = Some(src);
                }
            }
        }
        own
    }

    /// "According to ProPublica, Clinton praised her “...”": the source opening the quote's
    /// sentence is credited, as a trailing one is.
    pub(super) fn leading_source(
        &self,
        pieces: &[Piece],
        i: usize,
        a: Attr,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr> {
        let p = pieces[i];
        let (_, ps, _) = self.paras[p.para];
        let lo = if i > 0 && pieces[i - 1].para == p.para { pieces[i - 1].close_end } else { ps };
        let lo = lo.max(back(self.t, p.open, 600));
        if lo >= p.open || !self.t[lo..p.open].contains("ccording to") {
            return None;
        }
        text::tokenize(self.t, lo, p.open, toks);
        let start = (0..toks.len()).rev().find(|&k| is_boundary(self.t, toks, k)).map_or(0, |k| k + 1);
        let win = &toks[start..];
        let k0 = win.iter().position(|t| t.is_word())?;
        if self.w(&win[k0]) != "According" || win.get(k0 + 1).is_none_or(|t| self.w(t) != "to") {
            return None;
        }
        let src = self.according(win, k0)?;
        // the source's phrase ends at a comma, and the attribution found lies after it
        let e = win.iter().position(|t| t.e == src.e)?;
        if !win.get(e + 1).is_some_and(|t| t.is_punct(',')) || a.s < win[e].e {
            return None;
        }
        Some(src)
    }

    /// A source closing the quote's sentence: "..., according to The New York Times." or
    /// "..., CNN reported." (the annotators credit the report, not the speaker inside it).
    pub(super) fn trailing_source(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
        let p = pieces[i];
        let (_, _, pe) = self.paras[p.para];
        let next_open = pieces.get(i + 1).filter(|q| q.para == p.para).map_or(pe, |q| q.open);
        if !p.closed || p.close_end >= next_open {
            return None;
        }
        let hi = next_open.min(fwd(self.t, p.close_end, 400));
        let hi = self.t[p.close_end..hi].find('\n').map_or(hi, |i| p.close_end + i);
        let rest = &self.t[p.close_end..hi];
        if !rest.contains("according to") && !rest.contains("reported") {
            return None;
        }
        text::tokenize(self.t, p.close_end, hi, toks);
        let end = (0..toks.len()).find(|&k| is_boundary(self.t, toks, k)).unwrap_or(toks.len());
        let win = &toks[..end];
        for c in 0..win.len() {
            if !win[c].is_word() || c == 0 || !win[c - 1].is_punct(',') {
                continue;
            }
            let w = self.w(&win[c]);
            if w == "according" && win.get(c + 1).is_some_and(|n| self.w(n) == "to") {
                let a = self.according(win, c)?;
                // the source runs to the end of the sentence
                let e = win.iter().position(|t| t.e == a.e)?;
                if win[e + 1..].iter().all(|t| !t.is_word()) {
                    return Some(a);
                }
                return None;
            }
            // ", CNN reported." / ", Right Wing Watch first reported."
            if text::is_cap(w) && !cap_stop(w) {
                let e = self.name_right(win, c, win.len());
                let mut v = e + 1;
                if v < win.len()
                    && win[v].is_word()
                    && text::lower_eq(self.w(&win[v]), lexicon::REPORTED_ADVERBS)
                {
                    v += 1;
                }
                if v < win.len()
                    && win[v].is_word()
                    && text::lower_eq(self.w(&win[v]), &["reported", "reports"])
                    && win[v + 1..].iter().all(|t| !t.is_word())
                {
                    return Some(Attr {
                        s: win[c].s,
                        e: win[e].e,
                        kind: MK::Name,
                        cue: (win[v].s, win[v].e),
                        cue_kind: CueText::Span,
                    });
                }
            }
        }
        None
    }

    pub(super) fn own_attr_inner(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Own {
        let p = pieces[i];
        let (_, ps, pe) = self.paras[p.para];
        let next_open = pieces.get(i + 1).filter(|q| q.para == p.para).map_or(pe, |q| q.open);
        let prev_close = if i > 0 && pieces[i - 1].para == p.para { pieces[i - 1].close_end } else { ps };
        let content = self.t[p.start..p.end].trim_end();
        let ends_sentence = content.ends_with(['.', '!', '?', '…']) || self.t[p.close_end..].starts_with('.');
        let ends_soft = content.ends_with([',', '—', '-', '–', ':', ';']) || !ends_sentence;
        // a quote that a name after it may sign ([`Self::bare_signature`])
        let signable = !content.ends_with([':', ';']) && self.opens_paragraph(p);
        // a signature on the quotation's own last line, inside its marks: "“...\nDean Baker,
        // Center for Economic and Policy Research.”"
        if let Some(a) = self.inner_signature(p, toks) {
            return Own { attr: Some(a), ..Own::default() };
        }
        let mut far: Option<Attr> = None;
        let mut loose: Option<Attr> = None;
        let mut part_cue: Option<(usize, usize)> = None;
        let mut tight_adj: Option<Attr> = None;

        // after
        if p.closed && p.close_end < next_open {
            // a line break ends the sentence (paragraphs given as single lines)
            let next_open = next_open.min(fwd(self.t, p.close_end, 600));
            let hi = self.t[p.close_end..next_open].find('\n').map_or(next_open, |i| p.close_end + i);
            // a signature on the next line ("“...”\n— Donald J. Trump (@realDonaldTrump)")
            if hi < next_open && self.t[p.close_end..hi].trim().is_empty() {
                let ls = hi + 1 + (self.t[hi + 1..pe].len() - self.t[hi + 1..pe].trim_start().len());
                let le = self.t[ls..pe].find('\n').map_or(pe, |i| ls + i);
                if ls < le {
                    if let Some(a) = self.dash_signature(ls, le, toks) {
                        return Own { attr: Some(a), ..Own::default() };
                    }
                    // "“...”\nElizabeth Warren, in a speech in Boston"
                    if signable && le - ls <= 200 {
                        text::tokenize(self.t, ls, le, toks);
                        if let Some(a) = self.bare_signature(toks) {
                            return Own { attr: Some(a), ..Own::default() };
                        }
                    }
                }
            }
            text::tokenize(self.t, p.close_end, hi, toks);
            let end = (0..toks.len()).find(|&k| is_boundary(self.t, toks, k)).unwrap_or(toks.len());
            // words running into the next quote do not attribute a finished sentence
            let runs_on = end == toks.len() && hi == next_open && next_open < pe;
            let win = &toks[..end];
            let intro = end == toks.len() && hi == next_open && toks.last().is_some_and(|x| x.is_punct(':'));
            if intro && !ends_soft {
                // "“A.” Trump replied: “B.”": the words introduce the next quote
            } else if runs_on && !ends_soft {
            } else if let Some(c) = self.participle_first(win) {
                part_cue = Some(c);
            } else if let Some((a, adjacent)) = self
                .after(win, ends_soft, content.ends_with(['?', '!']))
                .or_else(|| self.unknown_verb_after(win, content))
                .or_else(|| {
                    (signable && !runs_on).then(|| self.bare_signature(win)).flatten().map(|a| (a, true))
                })
            {
                // a quote closing a sentence without a comma ("... he was “a hero.” The GOP
                // speechwriter said ...") yields to a cue before it in its own sentence
                let tight = content.ends_with([',', '?', '!', '—', '-', '–', ':', ';'])
                    || win.first().is_some_and(|x| x.is_punct(','));
                // "“...” He said, twice, that ...": a new sentence reporting more speech
                let cue_pos = win.iter().position(|t| t.e == a.cue.1);
                let reports_more = !tight
                    && cue_pos.is_some_and(|c| {
                        win[c + 1..]
                            .iter()
                            .take(5)
                            .any(|t| t.is_word() && self.w(t).eq_ignore_ascii_case("that"))
                    });
                // "“... soft.” He says referees are ...": after a quote that ended its sentence, a
                // subject and cue before a complement of their own (a clause, an infinitive, an
                // object) start a new sentence of reported speech, not this quote's attribution
                let complement = !tight
                    && a.e <= a.cue.0
                    && cue_pos.and_then(|c| win.get(c + 1)).is_some_and(|t| {
                        let x = self.w(t);
                        t.is_word()
                            && (text::lower_eq(x, lexicon::CUE_COMPLEMENT_OPENERS)
                                || text::pronoun(x)
                                || (text::is_cap(x) && !text::time_word(x)))
                    });
                let reports_more = reports_more || complement;
                if reports_more {
                } else if adjacent && tight {
                    tight_adj = Some(a);
                } else if adjacent {
                    loose = Some(a);
                } else {
                    far = Some(a);
                }
            }
        }
        // before
        let prev_close = prev_close.max(back(self.t, p.open, 800));
        if prev_close < p.open {
            let lo = self.t[prev_close..p.open].rfind('\n').map_or(prev_close, |i| prev_close + i + 1);
            text::tokenize(self.t, lo, p.open, toks);
            let start = (0..toks.len()).rev().find(|&k| is_boundary(self.t, toks, k)).map_or(0, |k| k + 1);
            let win = &toks[start..];
            // a previous piece that ended its sentence inside its marks ("... server.” The
            // agency declined ...") leaves a new sentence, not a continuation, when a capital
            // follows
            let prev_ended = i > 0 && {
                let q = pieces[i - 1];
                self.t[q.start..q.end].trim_end().ends_with(['.', '!', '?', '…'])
                    && toks.get(start).is_some_and(|t| t.is_word() && text::is_cap(self.w(t)))
            };
            let after_piece =
                i > 0 && pieces[i - 1].para == p.para && start == 0 && lo == prev_close && !prev_ended;
            let mid = win.iter().any(|t| t.is_word());
            if let Some(a) = tight_adj {
                // "“A,” he said" (a partial quote inside a reporting clause before it goes to
                // the clause after it too, by the annotators' choice)
                return Own { attr: Some(a), ..Own::default() };
            }
            // "X wears ... “A,” pointing to ... and telling viewers that ... “B.”": the
            // participle's subject opens the sentence, before the previous quote
            if after_piece
                && mid
                && win
                    .iter()
                    .enumerate()
                    .any(|(c, t)| t.is_word() && self.cue_at(win, c) == Some(Cue::Participle))
                && win.iter().all(|t| !(t.is_word() && text::cue(self.w(t)) == Some(Cue::Finite)))
            {
                let c = win
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|&(c, t)| t.is_word() && self.cue_at(win, c) == Some(Cue::Participle))
                    .map(|x| x.0)
                    .unwrap_or(0);
                let cue = (win[c].s, win[c].e);
                let mut sent_toks = Vec::new();
                text::tokenize(self.t, ps.max(back(self.t, p.open, 1200)), p.open, &mut sent_toks);
                let st = (0..sent_toks.len())
                    .rev()
                    .find(|&k| is_boundary(self.t, &sent_toks, k))
                    .map_or(0, |k| k + 1);
                if let Some(m) = self.first_subject(&sent_toks[st..], sent_toks.len() - st) {
                    return Own { attr: Some(Attr { cue, cue_kind: CueText::Span, ..m }), ..Own::default() };
                }
            }
            if loose.is_some() && !mid {
                return Own { attr: loose, ..Own::default() };
            }
            if let Some(a) = self.before(win, after_piece) {
                return Own { attr: Some(a), ..Own::default() };
            }
            if let Some(cue) = part_cue.filter(|_| mid && !after_piece) {
                if let Some(m) = self.first_subject(win, win.len()) {
                    return Own { attr: Some(Attr { cue, cue_kind: CueText::Span, ..m }), ..Own::default() };
                }
            }
            if loose.is_some() {
                return Own { attr: loose, ..Own::default() };
            }
            // words of a clause before the piece in its sentence, without a cue: a partial
            // quote that the next piece's cue should not claim
            let words = win.iter().filter(|t| t.is_word()).count();
            let clause = words >= 3;
            let mut own = Own { clause, attr: far, ..Own::default() };
            if far.is_some() {
                return own;
            }
            if words > 0 {
                // a partial quote in a sentence with no speech verb: its subject
                if !after_piece {
                    own.weak = self.first_subject(win, win.len());
                }
                return own;
            }
            // a quote opening its sentence: the sentences before it in the paragraph, from the
            // nearest, may name its speaker ("Greene added that ... . “They ...”")
            let mut end = start.saturating_sub(1);
            let mut first = true;
            while end > 0 {
                let s0 = (0..end).rev().find(|&k| is_boundary(self.t, toks, k)).map_or(0, |k| k + 1);
                let sent = &toks[s0..end + 1];
                if let Some(a) = self.before(sent, false) {
                    // "..., said Nicky Driscoll, who said ... . “B”": the name, not "who"
                    own.prev = Some(self.relative_name(sent, a).unwrap_or(a));
                    break;
                }
                if first {
                    // "Roloson supports Clinton. “I'm a graduate ...”"
                    if let Some(t0) = sent.first().filter(|x| x.is_word()) {
                        let w = self.w(t0);
                        if (text::pronoun(w) && !text::lower_eq(w, lexicon::PRONOUNS_BUT_HE_SHE_THEY))
                            || (text::is_cap(w) && !cap_stop(w))
                        {
                            if let Some(m) = self.first_subject(sent, 1.min(sent.len())) {
                                own.subj = Some(Attr { s: m.s, e: self.w_end(sent, m), ..m });
                            }
                        }
                    }
                }
                first = false;
                if s0 == 0 {
                    break;
                }
                end = s0 - 1;
            }
            return own;
        }
        Own { attr: tight_adj.or(loose).or(far), ..Own::default() }
    }

    pub(super) fn w_end(&self, _sent: &[Tok], m: Attr) -> usize {
        m.e
    }

    /// "“...,” exhorted Jamie Lee Curtis." / "“...?” Hannity started.": after a quote ending in
    /// a comma, question or exclamation mark, a name and a verb the cue lists do not know.
    pub(super) fn unknown_verb_after(&self, win: &[Tok], content: &str) -> Option<(Attr, bool)> {
        let short = win.iter().filter(|t| t.is_word()).count() <= 5;
        if !(content.ends_with([',', '?', '!']) || short && content.ends_with(['.', '…'])) {
            return None;
        }
        let k = win.iter().position(|t| !t.is_punct(','))?;
        if !win[k].is_word() {
            return None;
        }
        let verbish = |w: &str| {
            text::is_lower(w)
                && w.len() > 3
                && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")))
                && !text::np_stop(w)
                && !text::lower_eq(w, lexicon::NON_SPEECH_VERBS)
        };
        // the end of the attribution: the window's end, a comma or a preposition/adverb
        let closes = |j: usize| match win.get(j) {
            None => true,
            Some(t) if !t.is_word() => {
                t.is_punct(',') || t.is_punct('.') || t.is_punct('—') || t.is_punct(':')
            }
            Some(t) => {
                let w = self.w(t);
                text::is_lower(w) && (w.ends_with("ly") || text::lower_eq(w, lexicon::ATTRIBUTION_CLOSERS))
            }
        };
        let w = self.w(&win[k]);
        let described = text::lower_eq(w, &["the"]);
        // name or pronoun, then the verb
        let subj_end = if text::pronoun(w) && !text::lower_eq(w, lexicon::PRONOUNS_BUT_HE_SHE) {
            Some(k)
        } else if text::is_cap(w) && !cap_stop(w) && !text::intro_word(w) {
            Some(self.name_right(win, k, win.len()))
        } else if described {
            // a description whose head is a person's role: "the Republican nominee riffed"
            let j = (k + 1..win.len().min(k + 7)).find(|&j| !win[j].is_word() || verbish(self.w(&win[j])))?;
            let head = self.w(&win[j - 1]);
            let person = crate::extract::names::is_role_word(head)
                || text::lower_eq(head, lexicon::PERSON_NOUNS)
                || lexicon::agent_noun(head);
            (j > k + 1 && win[j].is_word() && person).then_some(j - 1)
        } else {
            None
        };
        if let Some(e) = subj_end {
            if e + 1 < win.len() && win[e + 1].is_word() && verbish(self.w(&win[e + 1])) && closes(e + 2) {
                let kind = if e == k && text::pronoun(w) {
                    MK::Pronoun
                } else if described {
                    MK::Phrase
                } else {
                    MK::Name
                };
                return Some((
                    Attr {
                        s: win[k].s,
                        e: win[e].e,
                        kind,
                        cue: (win[e + 1].s, win[e + 1].e),
                        cue_kind: CueText::Span,
                    },
                    true,
                ));
            }
            return None;
        }
        // the verb, then the name
        if verbish(w) && w.ends_with("ed") && k + 1 < win.len() {
            let m = self.subject_after(win, k + 1, win.len())?;
            if m.kind == MK::Phrase {
                return None;
            }
            let e = win.iter().position(|t| t.e == m.e)?;
            if closes(e + 1) {
                return Some((Attr { cue: (win[k].s, win[k].e), cue_kind: CueText::Span, ..m }, true));
            }
        }
        None
    }

    /// The span of a participle cue opening the words after a quote ("“...,” saying ...").
    pub(super) fn participle_first(&self, win: &[Tok]) -> Option<(usize, usize)> {
        let k = win
            .iter()
            .position(|t| !matches!(t.k, K::Punct(',') | K::Punct('—') | K::Punct('–') | K::Punct('-')))?;
        if !win[k].is_word() || self.cue_at(win, k) != Some(Cue::Participle) {
            return None;
        }
        Some((win[k].s, win[k].e))
    }

    /// The cue in the words after a quote, up to the end of the sentence.
    /// `exclaims`: the quote ends with a question or exclamation mark, which may end the
    /// sentence or not ("“Is anyone listening?” Ruth Miller, a retired dock worker, said").
    pub(super) fn after(&self, win: &[Tok], tight: bool, exclaims: bool) -> Option<(Attr, bool)> {
        let mut k = 0;
        while k < win.len()
            && matches!(win[k].k, K::Punct(',') | K::Punct('—') | K::Punct('–') | K::Punct('-'))
        {
            k += 1;
        }
        if k >= win.len() {
            return None;
        }
        let first = self.w(&win[k]);
        // "“...” until Haley said": a subordinate clause after the quote has its own cue
        if !tight && text::lower_eq(first, lexicon::SUBORDINATING_CONJUNCTIONS) {
            return None;
        }
        // "“...” ― Carlos Raúl": a dash and a name
        if k > 0
            && matches!(win[k - 1].k, K::Punct('―') | K::Punct('—') | K::Punct('–') | K::Punct('-'))
            && text::is_cap(first)
            && !cap_stop(first)
        {
            let e = self.name_right(win, k, win.len());
            if win[e + 1..].iter().all(|x| !x.is_word())
                || win.get(e + 1).is_some_and(|x| x.is_punct(',') || x.is_punct('('))
            {
                return Some((
                    Attr {
                        s: win[k].s,
                        e: win[e].e,
                        kind: MK::Name,
                        cue: (win[k - 1].s, win[k - 1].e),
                        cue_kind: CueText::Span,
                    },
                    true,
                ));
            }
        }
        // a quote ending a sentence is attributed by what follows only when its cue comes
        // first ("... path." she said; "...?" Trump said, looking ...)
        let short = tight || win.len() - k <= 8;
        let lim = if short || exclaims { win.len().min(k + 30) } else { win.len().min(k + 5) };
        for c in k..lim {
            // past the short reach, only a cue whose subject opens the words after the quote
            let far = !short && c >= k + 5;
            let tk = win[c];
            if tk.k == K::Mark || tk.is_punct(';') {
                break;
            }
            if !tk.is_word() {
                continue;
            }
            let w = self.w(&tk);
            if w.eq_ignore_ascii_case("according")
                && win.get(c + 1).is_some_and(|n| self.w(n).eq_ignore_ascii_case("to"))
            {
                return self.according(win, c).map(|a| (a, c == k));
            }
            // "“...,” per Tomasz Nowak": "per" first after the quote, before a name
            if c == k && w.eq_ignore_ascii_case("per") {
                if let Some(m) = self.subject_after(win, c + 1, win.len()).filter(|m| m.kind == MK::Name) {
                    return Some((Attr { cue: (tk.s, tk.e), cue_kind: CueText::Span, ..m }, true));
                }
            }
            // "“...” Those were the words of Miriam Okonkwo"
            if let Some(a) = self.the_words_of(win, c) {
                return Some((a, c == k));
            }
            let Some(kind) = self.cue_at(win, c) else { continue };
            let ctail = self.cue_end(win, c);
            if c == k && kind == Cue::Participle {
                // "“...,” telling Fox 35 that": the object is no speaker; the subject of the
                // sentence before the quote is (see own_attr)
                return None;
            }
            // "told CNN", "urged voters": an object follows, never an inverted subject
            let takes_object = text::lower_eq(w, lexicon::OBJECT_TAKING_CUES);
            if !takes_object
                && !far
                && (c == k
                    || (c > k && win[k..c].iter().all(|t| !t.is_word() || text::time_word(self.w(t))))
                    || (c > k && win[c - 1].is_punct(',')))
            {
                // inverted: "said Aaron David Miller", "... for Clinton, said Kunin"
                if let Some(m) = self.subject_after(win, ctail + 1, win.len()) {
                    if m.kind != MK::Phrase
                        || c == k
                        || win[k..c].iter().all(|t| !t.is_word() || text::time_word(self.w(t)))
                    {
                        return Some((
                            Attr { cue: (tk.s, win[ctail].e), cue_kind: CueText::Span, ..m },
                            c == k,
                        ));
                    }
                }
                if c == k {
                    continue;
                }
            }
            if kind == Cue::Participle || text::weak_cue(w) {
                return None;
            }
            if let Some(m) = self.subject_before(win, k, c) {
                // adjacent when the subject opens the words after the quote
                let adjacent = win[k..c].iter().position(|x| x.s == m.s).is_some_and(|pos| pos <= 1);
                if far && !(m.s == win[k].s && matches!(m.kind, MK::Name | MK::Pronoun)) {
                    return None;
                }
                return Some((Attr { cue: (tk.s, win[ctail].e), cue_kind: CueText::Span, ..m }, adjacent));
            }
            // a verb of a relative or infinitive clause ("“...” that would respond to requests
            // from X, Y wrote"): a later cue of the sentence may have the subject
            let embedded =
                c > k && win[c - 1].is_word() && text::lower_eq(self.w(&win[c - 1]), lexicon::MODALS_AND_TO);
            if tight && embedded {
                continue;
            }
            return None;
        }
        None
    }

    /// The cue in the words of the sentence before a quote.
    pub(super) fn before(&self, win: &[Tok], after_piece: bool) -> Option<Attr> {
        if win.is_empty() {
            return None;
        }
        // "Trump: “...”", "Said Trump:"
        let last = win.len() - 1;
        let mut c = win.len();
        while c > 0 {
            c -= 1;
            let tk = win[c];
            if tk.k == K::Mark {
                return None;
            }
            if !tk.is_word() {
                continue;
            }
            if self.w(&tk).eq_ignore_ascii_case("according")
                && win.get(c + 1).is_some_and(|n| self.w(n).eq_ignore_ascii_case("to"))
            {
                return self.according(win, c);
            }
            if let Some(a) = self.in_the_words_of(win, c) {
                return Some(a);
            }
            let Some(kind) = self.cue_at(win, c) else { continue };
            let ctail = self.cue_end(win, c);
            let cue = (tk.s, win[ctail].e);
            if kind == Cue::Participle
                && c > 0
                && win[c - 1].is_word()
                && text::is_cap(self.w(&win[c - 1]))
                && !cap_stop(self.w(&win[c - 1]))
            {
                // "with Sen. John McCain calling it": the name right before the participle
                let with = |m: &Attr| {
                    win.iter().position(|t| t.s == m.s).is_some_and(|i| {
                        i > 0 && win[i - 1].is_word() && self.w(&win[i - 1]).eq_ignore_ascii_case("with")
                    })
                };
                if let Some(m) = self.subject_before(win, 0, c).filter(|m| m.kind == MK::Name && with(m)) {
                    return Some(Attr { cue, cue_kind: CueText::Span, ..m });
                }
            }
            if kind == Cue::Participle {
                // an absolute construction: "with the campaign saying", "with some voters
                // calling it": the noun phrase between "with" and the participle
                let lo = c.saturating_sub(7);
                if let Some(wi) =
                    (lo..c).rev().find(|&k| win[k].is_word() && self.w(&win[k]).eq_ignore_ascii_case("with"))
                {
                    let np = &win[wi + 1..c];
                    if !np.is_empty()
                        && (wi + 1..c).all(|k| {
                            win[k].is_word()
                                && self.cue_at(win, k).is_none()
                                && !text::np_stop(self.w(&win[k]))
                        })
                    {
                        let kind =
                            if np.iter().all(|t| text::is_cap(self.w(t))) { MK::Name } else { MK::Phrase };
                        return Some(Attr {
                            cue,
                            cue_kind: CueText::Span,
                            ..mention(np[0].s, np[np.len() - 1].e, kind)
                        });
                    }
                }
                // "..., saying": the subject of the clause
                for c2 in (0..c).rev() {
                    let infinitive =
                        c2 > 0 && win[c2 - 1].is_word() && self.w(&win[c2 - 1]).eq_ignore_ascii_case("to");
                    if win[c2].is_word()
                        && !infinitive
                        && self.cue_at(win, c2) == Some(Cue::Finite)
                        && !text::weak_cue(self.w(&win[c2]))
                    {
                        if let Some(m) = self.subject_before(win, 0, c2) {
                            if m.kind == MK::Relative {
                                // "Mr. Trump, who said last week that ..., issued a statement
                                // saying": the relative clause is not the participle's
                                break;
                            }
                            return Some(Attr { cue, cue_kind: CueText::Span, ..m });
                        }
                        if let Some(m) = self.subject_after(win, self.cue_end(win, c2) + 1, c) {
                            return Some(Attr { cue, cue_kind: CueText::Span, ..m });
                        }
                    }
                }
                if after_piece {
                    return None;
                }
                return self.first_subject(win, c).map(|m| Attr { cue, cue_kind: CueText::Span, ..m });
            }
            if let Some(m) = self.subject_before(win, 0, c) {
                return Some(self.main_clause(win, c, Attr { cue, cue_kind: CueText::Span, ..m }));
            }
            let inverted = win[..c].iter().all(|x| !x.is_word() || text::time_word(self.w(x)));
            if inverted {
                if let Some(m) = self.subject_after(win, ctail + 1, win.len()) {
                    return Some(Attr { cue, cue_kind: CueText::Span, ..m });
                }
            }
            // "he laughed and said": the subject of the clause
            if after_piece {
                return None;
            }
            return self.first_subject(win, c).map(|m| Attr { cue, cue_kind: CueText::Span, ..m });
        }
        // "From the report:", "More from Jones:": the source after "from"
        if win[last].is_punct(':') && last >= 2 {
            if let Some(f) = (last.saturating_sub(6)..last)
                .rev()
                .find(|&j| win[j].is_word() && self.w(&win[j]).eq_ignore_ascii_case("from"))
            {
                let opens = f == 0
                    || (f == 1 && self.w(&win[0]).eq_ignore_ascii_case("more"))
                    || win[..f].iter().rev().take_while(|t| t.is_word()).count() == 0
                    || (f >= 1 && self.w(&win[f - 1]).eq_ignore_ascii_case("more"));
                if opens
                    && f + 1 < last
                    && win[f + 1..last].iter().all(|t| t.is_word() && !text::np_stop(self.w(t)))
                {
                    let kind = if win[f + 1..last]
                        .iter()
                        .any(|t| text::is_lower(self.w(t)) && !text::lower_eq(self.w(t), lexicon::ARTICLES))
                    {
                        MK::Phrase
                    } else {
                        MK::Name
                    };
                    return Some(Attr {
                        s: win[f + 1].s,
                        e: win[last - 1].e,
                        kind,
                        cue: (0, 0),
                        cue_kind: CueText::Colon,
                    });
                }
            }
        }
        // "Kirby: “...”" with no verb
        if win[last].is_punct(':') && last > 0 && win[last - 1].is_word() {
            let w = self.w(&win[last - 1]);
            if text::is_cap(w) && !text::title(w) && !cap_stop(w) {
                let (s, _) = self.name_left(win, last - 1, 0);
                // "... contrasted him with Clinton:" names no speaker
                let in_pp = s > 0
                    && win[s - 1].is_word()
                    && text::lower_eq(self.w(&win[s - 1]), lexicon::OBJECT_PREPOSITIONS);
                if !in_pp {
                    return Some(Attr {
                        s: win[s].s,
                        e: win[last - 1].e,
                        kind: MK::Label,
                        cue: (0, 0),
                        cue_kind: CueText::Colon,
                    });
                }
            }
            // "Here's Clinton in December 1992:"
            if !after_piece {
                return self.first_subject(win, last).map(|m| Attr {
                    cue: (0, 0),
                    cue_kind: CueText::Colon,
                    ..m
                });
            }
        }
        None
    }

    /// A cue inside the complement of an earlier speech verb ("Cruz said he's certain Rubio will
    /// continue to be “...”", "Clinton says ... what she calls “...”"): the quote goes to the
    /// speaker of the main clause.
    pub(super) fn main_clause(&self, win: &[Tok], c: usize, a: Attr) -> Attr {
        let Some(ms) = win[..c].iter().position(|t| t.s == a.s) else { return a };
        // an earlier reporting verb with a named or pronoun subject, in the main clause (not
        // in an introductory "When Trump announced ..., he")
        let ie = self.intro_end(win, ms + 1);
        for c0 in ie..ms {
            if !win[c0].is_word() || win[..c0].iter().any(|t| t.k == K::Mark) {
                continue;
            }
            let w0 = self.w(&win[c0]);
            if a.kind == MK::Pronoun
                && self.cue_at(win, c0) == Some(Cue::Participle)
                && !text::lower_eq(w0, lexicon::CHARACTERIZING_PARTICIPLES)
            {
                // "Trump has hailed ..., telling reporters that he thinks ...": the subject of
                // the participle's clause
                if win[c0 + 1..ms].iter().any(|t| t.is_word() && self.w(t).eq_ignore_ascii_case("that")) {
                    if let Some(m0) = self.first_subject(win, c0) {
                        if m0.kind == MK::Name && m0.s < a.s {
                            return Attr { s: m0.s, e: m0.e, kind: m0.kind, ..a };
                        }
                    }
                }
                break;
            }
            if self.cue_at(win, c0) != Some(Cue::Finite)
                || text::weak_cue(w0)
                || text::lower_eq(w0, lexicon::NO_MAIN_CLAUSE_CUES)
            {
                continue;
            }
            // the inner clause must follow the verb, not a new sentence-level clause after
            // a conjunction ("X said ..., and Y told")
            if win[c0 + 1..ms].iter().any(|t| {
                t.is_punct(';') || t.is_word() && text::lower_eq(self.w(t), lexicon::NEW_CLAUSE_OPENERS)
            }) {
                continue;
            }
            if let Some(m0) = self.subject_before(win, 0, c0) {
                if matches!(m0.kind, MK::Name | MK::Pronoun) && m0.s < a.s {
                    return Attr { s: m0.s, e: m0.e, kind: m0.kind, ..a };
                }
            }
            break;
        }
        // a pronoun in an embedded clause ("what he calls", "whom she described as"): the
        // sentence's subject when that is a name
        if a.kind == MK::Pronoun
            && ms > 0
            && win[ms - 1].is_word()
            && text::lower_eq(self.w(&win[ms - 1]), &["what"])
        {
            if let Some(m0) = self.first_subject(win, ms - 1) {
                if m0.kind == MK::Name && m0.s < a.s {
                    return Attr { s: m0.s, e: m0.e, kind: m0.kind, ..a };
                }
            }
        }
        a
    }

    /// The person who signs a quotation on its last line, inside its marks ("...\nDonald
    /// Trump.", "...\nJosh Bivens, Economic Policy Institute."): a person the article names,
    /// in two words or more, alone on the line or before a comma, after words of the quotation.
    pub(super) fn inner_signature(&self, p: Piece, toks: &mut Vec<Tok>) -> Option<Attr> {
        let content = &self.t[p.start..p.end];
        let nl = content.trim_end().rfind('\n')?;
        if content[..nl].trim().is_empty() || content.len() - nl > 160 {
            return None;
        }
        text::tokenize(self.t, p.start + nl + 1, p.end, toks);
        let k = toks.iter().position(|t| t.is_word())?;
        let e = self.name_right(toks, k, toks.len());
        if e == k || !matches!(toks.get(e + 1), None | Some(Tok { k: K::Punct(',' | '.'), .. })) {
            return None;
        }
        let (s, end) = (toks[k].s, toks[e].e);
        // (the words after a comma are an affiliation, not a sentence of the quotation)
        let rest = &self.t[end..p.end];
        if rest.contains(['“', '"', '?', '!']) || rest.trim_end_matches(['.', ' ']).contains(". ") {
            return None;
        }
        self.signed_by(s, end)
    }

    /// The signature of the person whose mention the recognizer found at exactly `[s, e)`.
    fn signed_by(&self, s: usize, e: usize) -> Option<Attr> {
        let person =
            self.known.iter().any(|n| n.is_person && n.mentions.iter().any(|&(ms, me)| ms == s && me == e));
        person.then_some(Attr { s, e, kind: MK::Name, cue: (0, 0), cue_kind: CueText::Signature })
    }

    /// A quote that opens its paragraph, after nothing, a bullet or a list number ("1. “...”").
    pub(super) fn opens_paragraph(&self, p: Piece) -> bool {
        let (_, ps, _) = self.paras[p.para];
        let lead = self.t[ps..p.open].trim();
        lead.is_empty()
            || matches!(lead, "•" | "*" | "·" | "-" | "–" | "—" | "►" | "▪")
            || (lead.len() <= 4 && lead.trim_end_matches(['.', ')']).bytes().all(|b| b.is_ascii_digit()))
    }

    /// A person named right after a quote that opens its paragraph, without a verb: "“...”
    /// Bernie Sanders, at a rally in Iowa", "“...” (Hillary Clinton, April 2016)", "“...” Donald
    /// Trump on Twitter.", "“...” Marco Rubio - Florida senator" — the way a list of quotes
    /// signs each one. The name must be one the article's recognizer calls a person, and what
    /// follows it the end, punctuation (a comma, a period, a bracket, a dash, a colon) or a
    /// short phrase of place, time or medium with no verb of its own.
    pub(super) fn bare_signature(&self, win: &[Tok]) -> Option<Attr> {
        let k = usize::from(win.first().is_some_and(|t| t.is_punct('(')));
        let first = win.get(k).filter(|t| t.is_word())?;
        if !text::is_cap(self.w(first)) || cap_stop(self.w(first)) {
            return None;
        }
        let e = self.name_right(win, k, win.len());
        let rest = &win[e + 1..];
        match rest.first() {
            None => {}
            Some(t) if matches!(t.k, K::Punct(',' | '.' | ')' | '(' | ':' | '-' | '–' | '—')) => {}
            Some(t) if t.is_word() && text::lower_eq(self.w(t), lexicon::SIGNATURE_PREPOSITIONS) => {}
            _ => return None,
        }
        let words: Vec<&str> = rest.iter().filter(|t| t.is_word()).map(|t| self.w(t)).collect();
        let verb = |w: &&str| {
            text::lower_eq(w, lexicon::AUXILIARY_VERBS)
                || (text::is_lower(w) && w.len() > 3 && w.ends_with("ed"))
        };
        if words.len() > 14 || words.iter().any(verb) || rest.iter().any(|t| t.k == K::Mark) {
            return None;
        }
        let (s, end) = (win[k].s, win[e].e);
        self.signed_by(s, end)
    }

    /// A short paragraph that signs the quote before it: "- Bernie Sanders.", "—President
    /// Obama, tweeting after the speech."
    pub(super) fn dash_signature(&self, ps: usize, pe: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
        let para = &self.t[ps..pe];
        let dash = para.chars().next().filter(|c| matches!(c, '-' | '—' | '―' | '–'))?;
        if para.len() > 200 {
            return None;
        }
        text::tokenize(self.t, ps + dash.len_utf8(), pe, toks);
        let k = toks.iter().position(|t| t.is_word())?;
        let w = self.w(&toks[k]);
        if !text::is_cap(w) || cap_stop(w) {
            return None;
        }
        let e = self.name_right(toks, k, toks.len());
        // the name, then the end or a comma
        match toks.get(e + 1) {
            None => {}
            Some(t) if t.is_punct(',') || t.is_punct('.') || t.is_punct('(') => {}
            _ => return None,
        }
        Some(Attr {
            s: toks[k].s,
            e: toks[e].e,
            kind: MK::Name,
            cue: (ps, ps + dash.len_utf8()),
            cue_kind: CueText::Span,
        })
    }

    /// The name a relative "who" refers to ("Nicky Driscoll, 24, from Manchester, who"), as the
    /// mention instead of the pronoun.
    pub(super) fn relative_name(&self, win: &[Tok], a: Attr) -> Option<Attr> {
        if a.kind != MK::Relative {
            return None;
        }
        let w = win.iter().position(|t| t.s == a.s)?;
        // back over the appositive to the nearest capitalized name before a comma
        let mut k = w;
        let mut steps = 0;
        while k > 0 && steps < 16 {
            k -= 1;
            steps += 1;
            if win[k].k == K::Mark || (win[k].is_word() && text::cue(self.w(&win[k])).is_some()) {
                break;
            }
            if win[k].is_punct(',') && k > 0 && win[k - 1].is_word() {
                let x = self.w(&win[k - 1]);
                if text::is_cap(x) && !cap_stop(x) {
                    let (s0, _) = self.name_left(win, k - 1, 0);
                    // "of Eastport," is a place in the appositive: keep going
                    let place = s0 > 0
                        && win[s0 - 1].is_word()
                        && text::lower_eq(self.w(&win[s0 - 1]), lexicon::PLACE_PREPOSITIONS);
                    if !place {
                        return Some(Attr { s: win[s0].s, e: win[k - 1].e, kind: MK::Name, ..a });
                    }
                }
            }
        }
        None
    }

    /// A paragraph ending in a colon that introduces the quote of the next one.
    pub(super) fn colon_intro(&self, ps: usize, pe: usize, toks: &mut Vec<Tok>, colon: bool) -> Option<Attr> {
        let start = last_sentence(self.t, ps, pe, toks);
        let win = &toks[start..];
        let marked = win.iter().rposition(|x| x.k == K::Mark);
        if marked.is_none() {
            if let Some(a) = self.before(win, false) {
                return Some(a);
            }
        }
        // (the words after a scare quote of the sentence: "What “go after them” means is
        // unclear, since Trump spoke only in bromides.")
        let win = &win[marked.map_or(0, |m| m + 1)..];
        // "..., since Trump spoke only in evasive bromides during the interview." then a
        // paragraph of quotation: a name or pronoun that speaks, by a verb of talking that
        // takes no quotation itself
        let talker = (1..win.len()).find(|&k| {
            win[k - 1].is_word()
                && win[k].is_word()
                && text::lower_eq(self.w(&win[k]), lexicon::TALKING_VERBS)
                && (text::is_cap(self.w(&win[k - 1])) && !cap_stop(self.w(&win[k - 1]))
                    || text::lower_eq(self.w(&win[k - 1]), &["he", "she"]))
        });
        if let (false, Some(k)) = (colon, talker) {
            let w = self.w(&win[k - 1]);
            let m = if text::pronoun(w) {
                mention(win[k - 1].s, win[k - 1].e, MK::Pronoun)
            } else {
                let (s, _) = self.name_left(win, k - 1, 0);
                mention(win[s].s, win[k - 1].e, MK::Name)
            };
            return Some(Attr { cue: (win[k].s, win[k].e), cue_kind: CueText::Span, ..m });
        }
        if !colon || marked.is_some() {
            return None;
        }
        // "The New York Times reports:", "Cruz continued:" with an unknown verb: the first
        // name or pronoun of the sentence
        let end = win.len().saturating_sub(1);
        self.first_subject(win, end).map(|m| Attr { cue: (0, 0), cue_kind: CueText::Colon, ..m })
    }
}
