//! Quotations and their speakers: a pure function from an article's text and paragraphs to its
//! quotes, each with the speech cue, the words naming its speaker, the speaker's canonical name
//! and the description the article gives of them.
//!
//! How it works, in three passes over the paragraphs that hold quotation marks (the others cost a
//! byte scan):
//! 1. `marks` pairs the quotation marks into pieces, one per paragraph (a quote running over
//!    several paragraphs gives one piece in each).
//! 2. Each piece looks for its cue and speaker in the words after it up to the next quote or the
//!    end of the sentence ("A," said B) and in the words before it back to the start of the
//!    sentence (B said: "A"; B said the plan was "a mistake"). A piece with no cue of its own
//!    takes the speaker of the quote it continues: the previous piece of its paragraph, the next
//!    one ("A." "B," he said), the quote running on from the previous paragraph, or the speaker a
//!    previous paragraph ending in a colon introduces. The subject found is that of the clause
//!    reporting the speech: an introductory phrase ("On Friday, ...", "When asked ..., she") is
//!    skipped, a cue inside the complement of an earlier one ("Cruz said he is certain Rubio will
//!    continue to be “...”") gives way to the main clause, a participle ("..., telling Fox
//!    that") takes the subject of its clause, never its object, a trailing source ("...,
//!    according to The Times.", "..., CNN reported.") is credited, and a signature line
//!    ("- Bernie Sanders.") names the speaker of the quote above it. Names the entity recognizer
//!    found (`known`) confirm capitalized words that would otherwise read as common words.
//! 3. Speakers are resolved: a pronoun to the nearest earlier subject of the same gender (from a
//!    title, an earlier pronoun, or the US Census first names of `lexicon`), a
//!    surname or title and surname to the fullest name the article gives, a phrase naming an
//!    organization or office to itself, an unnamed source ("officials") to nobody.
//!
//! Quoted words that no cue claims and that do not read as a sentence (scare quotes, titles) are
//! not quotes. `direct` is true for words inside quotation marks; a transcript line
//! ("PENCE: Well, ...") is kept as a quote of its speaker with `direct` false.

mod marks;
mod text;

use crate::extract::lexicon;

use marks::Piece;
use text::{Cue, Tok, K};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// Byte span of the quoted words, without the quotation marks.
    pub start: usize,
    pub end: usize,
    /// Index into the `paragraphs` given to [`extract`].
    pub paragraph: usize,
    /// The words stand inside quotation marks.
    pub direct: bool,
    /// The speaker's canonical name, or None (a document, an unnamed source, no cue).
    pub speaker: Option<String>,
    /// Byte span of the words naming the speaker for this quote ("she", "Mr. Clyburn").
    pub mention: Option<(usize, usize)>,
    /// The speech cue: "said", "told", "according to", ":" ...
    pub cue: Option<String>,
    /// The speaker's description in apposition ("a former Israeli ambassador to the U.S.").
    pub description: Option<String>,
}

/// A name the caller already knows of (from the entity recognizer), to help resolve speakers.
pub struct KnownName<'a> {
    pub name: &'a str,
    pub is_person: bool,
    pub mentions: &'a [(usize, usize)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MK {
    Pronoun,
    /// "who" after a name
    Relative,
    Name,
    Phrase,
    /// "PENCE:" at the start of a transcript line, "Trump:" before a quote
    Label,
}

/// Who a piece is attributed to: the mention and the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Attr {
    s: usize,
    e: usize,
    kind: MK,
    /// the cue's span, or (0, 0) for a colon
    cue: (usize, usize),
    cue_kind: CueText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueText {
    Span,
    Colon,
    AccordingTo,
}

/// Finds the quotes of an article. `paragraphs` are byte spans of `text`; `known` may be empty.
pub fn extract(text: &str, paragraphs: &[(usize, usize)], known: &[KnownName]) -> Vec<Quote> {
    // valid paragraphs only, keeping their index
    let paras: Vec<(usize, usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, &(s, e))| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e))
        .map(|(i, &(s, e))| (i, s, e))
        .collect();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut buf = Vec::new();
    let mut prev_open = false;
    let mut transcript: Vec<(usize, Attr, usize, usize)> = Vec::new();
    let mut last_end = 0;
    for (k, &(_, s, e)) in paras.iter().enumerate() {
        if s < last_end {
            // overlapping paragraphs: skip rather than report a quote twice
            continue;
        }
        last_end = e;
        let next_single = paras.get(k + 1).map_or(false, |&(_, a, b)| marks::starts_with_single(text, a, b));
        prev_open = marks::scan(text, s, e, k, prev_open, next_single, &mut buf, &mut pieces);
        if let Some((a, qs)) = transcript_line(text, s, e) {
            transcript.push((k, a, qs, e));
        }
    }
    if pieces.is_empty() && transcript.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx { t: text, paras: &paras, known };
    let n = pieces.len();
    let mut toks = Vec::new();
    // pass 1: each piece's own cue
    let info: Vec<Own> = (0..n).map(|i| ctx.own_attr(&pieces, i, &mut toks)).collect();
    let inherit_clause: Vec<bool> = info.iter().map(|o| o.clause).collect();
    // pass 2: continuation forward in a paragraph and over paragraph breaks
    let mut attr: Vec<Option<Attr>> = info.iter().map(|o| o.attr.or(o.weak).or(o.prev)).collect();
    for i in 1..n {
        if attr[i].is_some() {
            continue;
        }
        let (p, q) = (pieces[i - 1], pieces[i]);
        if (q.cont_prev && p.para + 1 == q.para && !p.closed) || p.para == q.para {
            attr[i] = attr[i - 1];
            // the same speaker named again in the sentence before: that mention
            if let (Some(a), Some(sj)) = (attr[i], info[i].subj) {
                let last = |x: Attr| text[x.s..x.e].rsplit(' ').next().map(text::base).unwrap_or("").to_string();
                if sj.kind == MK::Pronoun && matches!(a.kind, MK::Name | MK::Pronoun) || sj.kind == MK::Name && last(sj) == last(a) {
                    attr[i] = Some(Attr { cue: a.cue, cue_kind: a.cue_kind, ..sj });
                }
            }
        }
    }
    // pass 3: backward in a paragraph ("A." "B," he said.)
    for i in (0..n.saturating_sub(1)).rev() {
        if attr[i].is_none() && pieces[i + 1].para == pieces[i].para && !inherit_clause[i] {
            attr[i] = attr[i + 1];
        }
    }
    // pass 3b: a quote paragraph signed by the next one ("“...”" then "- Bernie Sanders.")
    for i in 0..n {
        if attr[i].is_some() {
            continue;
        }
        let q = pieces[i];
        let (_, _, pe) = paras[q.para];
        if !q.closed || text[q.close_end..pe].trim().len() > 1 || pieces.get(i + 1).map_or(false, |x| x.para == q.para) {
            continue;
        }
        if let Some(a) = paras.get(q.para + 1).and_then(|&(_, ns, ne)| ctx.dash_signature(ns, ne, &mut toks)) {
            let mut j = i;
            loop {
                if attr[j].is_none() {
                    attr[j] = Some(a);
                }
                if j == 0 || pieces[j - 1].para + 1 < pieces[j].para || !(pieces[j].cont_prev || pieces[j - 1].para == pieces[j].para) {
                    break;
                }
                j -= 1;
            }
        }
    }
    // pass 4: a paragraph opening with a quote and no cue: the speaker a colon introduced, or
    // the speaker of the previous paragraph's quotes
    for i in 0..n {
        if attr[i].is_some() {
            continue;
        }
        let q = pieces[i];
        let (_, ps, _) = paras[q.para];
        if q.open != ps || q.para == 0 {
            continue;
        }
        let (_, pps, ppe) = paras[q.para - 1];
        // the last sentence of the previous paragraph: a colon or a cue introducing it
        attr[i] = ctx.colon_intro(pps, ppe, &mut toks, text[pps..ppe].trim_end().ends_with(':'));
        if attr[i].is_none() && i > 0 && pieces[i - 1].para + 1 == q.para && sentence_like(&text[q.start..q.end]) {
            attr[i] = attr[i - 1];
        }
    }
    // pass 4b: forward again for pieces that follow a piece filled in pass 4
    for i in 1..n {
        if attr[i].is_none() && pieces[i - 1].para == pieces[i].para {
            attr[i] = attr[i - 1];
        }
    }

    let mut res = Resolver::new(&ctx);
    let mut out = Vec::with_capacity(n + transcript.len());
    let mut ti = 0;
    for i in 0..n {
        let p = pieces[i];
        while ti < transcript.len() && transcript[ti].2 < p.start {
            let (k, a, qs, qe) = transcript[ti];
            out.push(res.quote(qs, qe, paras[k].0, false, Some(a)));
            ti += 1;
        }
        let words = &text[p.start..p.end];
        if attr[i].is_none() || info[i].attr.is_none() {
            if let Some((a, _)) = transcript_line(text, p.start, p.end) {
                attr[i] = Some(a);
            }
        }
        if text[..p.open].ends_with('=') || is_title(text, p, paras[p.para].1) {
            continue;
        }
        let weak_only = info[i].attr.is_none() && info[i].prev.is_none() && attr[i].is_some() && attr[i] == info[i].weak;
        if weak_only && !standalone(words) {
            continue;
        }
        match attr[i] {
            Some(a) => out.push(res.quote(p.start, p.end, paras[p.para].0, true, Some(a))),
            None => {
                if standalone(words) {
                    out.push(res.quote(p.start, p.end, paras[p.para].0, true, None));
                }
            }
        }
    }
    while ti < transcript.len() {
        let (k, a, qs, qe) = transcript[ti];
        out.push(res.quote(qs, qe, paras[k].0, false, Some(a)));
        ti += 1;
    }
    res.finish(&mut out);
    out
}

/// A title of a show, book or film: a short run of capitalized words after "on", "titled",
/// "film" or a possessive ("ABC's “This Week”"), or a markup attribute.
fn is_title(t: &str, p: Piece, para_start: usize) -> bool {
    let words = &t[p.start..p.end];
    let wc = word_count(words);
    if wc == 0 || wc > 8 {
        return false;
    }
    let capitalized = words
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .all(|w| !text::is_lower(w.trim_start_matches(|c: char| !c.is_alphanumeric())));
    if !capitalized || !text::is_cap(words.trim_start_matches(|c: char| !c.is_alphanumeric())) {
        return false;
    }
    let before = t[para_start..p.open].trim_end();
    let prev = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    text::is_possessive(prev)
        || text::lower_eq(
            prev,
            &[
                "on", "titled", "entitled", "called", "dubbed", "named", "film", "movie", "book", "show", "program",
                "programme", "podcast", "song", "album", "series", "novel", "play", "article", "headline",
                "hashtag", "slogan", "column", "documentary", "op-ed", "essay", "magazine", "newspaper", "of",
                "read", "reading", "reads", "hit", "sitcom", "musical", "memoir", "poem", "opera", "painting",
                "exhibit", "exhibition", "event", "campaign", "initiative", "operation", "the",
            ],
        )
}

/// The char boundary at most `n` bytes before `pos` (windows stay small in long paragraphs).
fn back(t: &str, pos: usize, n: usize) -> usize {
    let mut i = pos.saturating_sub(n);
    while i < pos && !t.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char boundary at most `n` bytes after `pos`.
fn fwd(t: &str, pos: usize, n: usize) -> usize {
    let mut i = (pos + n).min(t.len());
    while i > pos && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Quoted words that read as a sentence of their own.
fn sentence_like(s: &str) -> bool {
    let s = s.trim();
    word_count(s) >= 4 && s.chars().next().map_or(false, |c| c.is_uppercase() || c.is_numeric() || c == '…' || c == '.')
}

/// Quoted words with no cue kept as a quote of nobody: a sentence, not a scare quote or title.
fn standalone(s: &str) -> bool {
    let s = s.trim();
    let wc = word_count(s);
    wc >= 8 || (sentence_like(s) && s.ends_with(['.', '!', '?', ',']) && wc >= 5)
}

/// "PENCE: Well, look, ..." or "Q: ...": the label and where the words start.
fn transcript_line(t: &str, s: usize, e: usize) -> Option<(Attr, usize)> {
    let para = &t[s..e];
    let colon = para.get(..para.len().min(40))?.find(':')?;
    let label = &para[..colon];
    if label.is_empty() || label.split_whitespace().count() > 4 {
        return None;
    }
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = letters >= 1
        && label.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’');
    if !all_caps {
        return None;
    }
    if letters > 1 && letters < 3 {
        return None;
    }
    let rest = &para[colon + 1..];
    let lead = rest.len() - rest.trim_start().len();
    if lead == 0 {
        return None;
    }
    let qs = s + colon + 1 + lead;
    if qs >= e {
        return None;
    }
    // headlines in capitals ("FIX IS IN: ...") are not speakers
    if letters > 1 && label.split_whitespace().any(|w| text::lower_eq(w, &["is", "in", "the", "of", "to", "a", "and", "on", "for", "breaking", "update", "watch", "video", "exclusive", "photos", "note", "editor's", "abstract", "update"])) {
        return None;
    }
    Some((Attr { s, e: s + colon, kind: MK::Label, cue: (0, 0), cue_kind: CueText::Colon }, qs))
}

/// What a piece's own sentence (and the ones before it) say of its speaker.
#[derive(Debug, Clone, Copy, Default)]
struct Own {
    /// a cue in its sentence
    attr: Option<Attr>,
    /// words of a clause without a cue stand before it in its sentence
    clause: bool,
    /// the subject of that clause
    weak: Option<Attr>,
    /// a cue in an earlier sentence of the paragraph
    prev: Option<Attr>,
    /// a name or pronoun opening the previous sentence
    subj: Option<Attr>,
}

struct Ctx<'a> {
    t: &'a str,
    /// (caller's index, start, end)
    paras: &'a [(usize, usize, usize)],
    known: &'a [KnownName<'a>],
}

fn is_boundary(t: &str, toks: &[Tok], i: usize) -> bool {
    match toks[i].k {
        K::Punct('.') | K::Punct('!') | K::Punct('?') => match toks.get(i + 1) {
            None => true,
            Some(n) => n.k == K::Mark || (n.is_word() && !text::is_lower(&t[n.s..n.e])),
        },
        _ => false,
    }
}

impl<'a> Ctx<'a> {
    fn w(&self, tk: &Tok) -> &'a str {
        &self.t[tk.s..tk.e]
    }

    /// The piece's own attribution: the cue after it or before it in its sentence. The flag
    /// tells that the words before it in its sentence are a clause of their own without a cue
    /// (so the next piece's cue does not reach back to it).
    fn own_attr(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Own {
        let mut own = self.own_attr_inner(pieces, i, toks);
        if let Some(a) = own.attr {
            if a.cue_kind != CueText::AccordingTo {
                if let Some(src) = self.trailing_source(pieces, i, toks).or_else(|| self.leading_source(pieces, i, a, toks)) {
                    own.attr = Some(src);
                }
            }
        }
        own
    }

    /// "According to ProPublica, Clinton praised her “...”": the source opening the quote's
    /// sentence is credited, as a trailing one is.
    fn leading_source(&self, pieces: &[Piece], i: usize, a: Attr, toks: &mut Vec<Tok>) -> Option<Attr> {
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
        if self.w(&win[k0]) != "According" || win.get(k0 + 1).map_or(true, |t| self.w(t) != "to") {
            return None;
        }
        let src = self.according(win, k0)?;
        // the source's phrase ends at a comma, and the attribution found lies after it
        let e = win.iter().position(|t| t.e == src.e)?;
        if !win.get(e + 1).map_or(false, |t| t.is_punct(',')) || a.s < win[e].e {
            return None;
        }
        Some(src)
    }

    /// A source closing the quote's sentence: "..., according to The New York Times." or
    /// "..., CNN reported." (the annotators credit the report, not the speaker inside it).
    fn trailing_source(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
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
            if w == "according" && win.get(c + 1).map_or(false, |n| self.w(n) == "to") {
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
                if v < win.len() && win[v].is_word() && text::lower_eq(self.w(&win[v]), &["first", "also", "later", "previously", "earlier"]) {
                    v += 1;
                }
                if v < win.len() && win[v].is_word() && text::lower_eq(self.w(&win[v]), &["reported", "reports"]) && win[v + 1..].iter().all(|t| !t.is_word()) {
                    return Some(Attr { s: win[c].s, e: win[e].e, kind: MK::Name, cue: (win[v].s, win[v].e), cue_kind: CueText::Span });
                }
            }
        }
        None
    }

    fn own_attr_inner(&self, pieces: &[Piece], i: usize, toks: &mut Vec<Tok>) -> Own {
        let p = pieces[i];
        let (_, ps, pe) = self.paras[p.para];
        let next_open = pieces.get(i + 1).filter(|q| q.para == p.para).map_or(pe, |q| q.open);
        let prev_close = if i > 0 && pieces[i - 1].para == p.para { pieces[i - 1].close_end } else { ps };
        let content = self.t[p.start..p.end].trim_end();
        let ends_sentence = content.ends_with(['.', '!', '?', '…'])
            || self.t[p.close_end..].starts_with('.');
        let ends_soft = content.ends_with([',', '—', '-', '–', ':', ';']) || !ends_sentence;
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
                }
            }
            text::tokenize(self.t, p.close_end, hi, toks);
            let end = (0..toks.len()).find(|&k| is_boundary(self.t, toks, k)).unwrap_or(toks.len());
            // words running into the next quote do not attribute a finished sentence
            let runs_on = end == toks.len() && hi == next_open && next_open < pe;
            let win = &toks[..end];
            let intro = end == toks.len() && hi == next_open && toks.last().map_or(false, |x| x.is_punct(':'));
            if intro && !ends_soft {
                // "“A.” Trump replied: “B.”": the words introduce the next quote
            } else if runs_on && !ends_soft {
            } else if let Some(c) = self.participle_first(win) {
                part_cue = Some(c);
            } else if let Some((a, adjacent)) = self.after(win, ends_soft).or_else(|| self.unknown_verb_after(win, content)) {
                // a quote closing a sentence without a comma ("... he was “a hero.” The GOP
                // speechwriter said ...") yields to a cue before it in its own sentence
                let tight = content.ends_with([',', '?', '!', '—', '-', '–', ':', ';']) || win.first().map_or(false, |x| x.is_punct(','));
                // "“...” He said, twice, that ...": a new sentence reporting more speech
                let cue_pos = win.iter().position(|t| t.e == a.cue.1);
                let reports_more = !tight && cue_pos.map_or(false, |c| win[c + 1..].iter().take(5).any(|t| t.is_word() && self.w(t).eq_ignore_ascii_case("that")));
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
            let after_piece = i > 0 && pieces[i - 1].para == p.para && start == 0 && lo == prev_close;
            let mid = win.iter().any(|t| t.is_word());
            if let Some(a) = tight_adj {
                // "“A,” he said" (a partial quote inside a reporting clause before it goes to
                // the clause after it too, by the annotators' choice)
                return Own { attr: Some(a), ..Own::default() };
            }
            // "X wears ... “A,” pointing to ... and telling viewers that ... “B.”": the
            // participle's subject opens the sentence, before the previous quote
            if after_piece && mid && win.iter().enumerate().any(|(c, t)| t.is_word() && self.cue_at(win, c) == Some(Cue::Participle)) && win.iter().all(|t| !(t.is_word() && text::cue(self.w(t)) == Some(Cue::Finite))) {
                let c = win.iter().enumerate().rev().find(|&(c, t)| t.is_word() && self.cue_at(win, c) == Some(Cue::Participle)).map(|x| x.0).unwrap_or(0);
                let cue = (win[c].s, win[c].e);
                let mut sent_toks = Vec::new();
                text::tokenize(self.t, ps.max(back(self.t, p.open, 1200)), p.open, &mut sent_toks);
                let st = (0..sent_toks.len()).rev().find(|&k| is_boundary(self.t, &sent_toks, k)).map_or(0, |k| k + 1);
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
                        if (text::pronoun(w) && !text::lower_eq(w, &["it", "who", "you", "i", "we"])) || (text::is_cap(w) && !cap_stop(w)) {
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

    fn w_end(&self, _sent: &[Tok], m: Attr) -> usize {
        m.e
    }

    /// "“...,” exhorted Jamie Lee Curtis." / "“...?” Hannity started.": after a quote ending in
    /// a comma, question or exclamation mark, a name and a verb the cue lists do not know.
    fn unknown_verb_after(&self, win: &[Tok], content: &str) -> Option<(Attr, bool)> {
        let short = win.iter().filter(|t| t.is_word()).count() <= 5;
        if !content.ends_with([',', '?', '!']) && !(short && content.ends_with(['.', '…'])) {
            return None;
        }
        let k = win.iter().position(|t| !t.is_punct(','))?;
        if !win[k].is_word() {
            return None;
        }
        let verbish = |w: &str| text::is_lower(w) && w.len() > 3 && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))) && !text::np_stop(w) && !text::lower_eq(w, &["has", "was", "is", "does", "seems", "appears", "means", "needed", "used"]);
        // the end of the attribution: the window's end, a comma or a preposition/adverb
        let closes = |j: usize| match win.get(j) {
            None => true,
            Some(t) if !t.is_word() => t.is_punct(',') || t.is_punct('.') || t.is_punct('—') || t.is_punct(':'),
            Some(t) => {
                let w = self.w(t);
                text::is_lower(w) && (w.ends_with("ly") || text::lower_eq(w, &["to", "at", "from", "in", "on", "as", "while", "before", "after", "during", "with", "matter-of-factly", "back", "again", "later"]))
            }
        };
        let w = self.w(&win[k]);
        // name or pronoun, then the verb
        let subj_end = if text::pronoun(w) && !text::lower_eq(w, &["it", "you", "who", "we", "they", "i"]) {
            Some(k)
        } else if text::is_cap(w) && !cap_stop(w) && !text::intro_word(w) {
            Some(self.name_right(win, k, win.len()))
        } else {
            None
        };
        if let Some(e) = subj_end {
            if e + 1 < win.len() && win[e + 1].is_word() && verbish(self.w(&win[e + 1])) && closes(e + 2) {
                let kind = if e == k && text::pronoun(w) { MK::Pronoun } else { MK::Name };
                return Some((Attr { s: win[k].s, e: win[e].e, kind, cue: (win[e + 1].s, win[e + 1].e), cue_kind: CueText::Span }, true));
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
    fn participle_first(&self, win: &[Tok]) -> Option<(usize, usize)> {
        let k = win.iter().position(|t| !matches!(t.k, K::Punct(',') | K::Punct('—') | K::Punct('–') | K::Punct('-')))?;
        if !win[k].is_word() || self.cue_at(win, k) != Some(Cue::Participle) {
            return None;
        }
        Some((win[k].s, win[k].e))
    }

    /// The cue in the words after a quote, up to the end of the sentence.
    fn after(&self, win: &[Tok], tight: bool) -> Option<(Attr, bool)> {
        let mut k = 0;
        while k < win.len() && matches!(win[k].k, K::Punct(',') | K::Punct('—') | K::Punct('–') | K::Punct('-')) {
            k += 1;
        }
        if k >= win.len() {
            return None;
        }
        let first = self.w(&win[k]);
        // "“...” until Haley said": a subordinate clause after the quote has its own cue
        if !tight && text::lower_eq(first, &["until", "because", "when", "while", "after", "before", "since", "if", "though", "although", "unless", "whereas", "once"]) {
            return None;
        }
        // "“...” ― Carlos Raúl": a dash and a name
        if k > 0 && matches!(win[k - 1].k, K::Punct('―') | K::Punct('—') | K::Punct('–') | K::Punct('-')) && text::is_cap(first) && !cap_stop(first) {
            let e = self.name_right(win, k, win.len());
            if win[e + 1..].iter().all(|x| !x.is_word()) || win.get(e + 1).map_or(false, |x| x.is_punct(',') || x.is_punct('(')) {
                return Some((Attr { s: win[k].s, e: win[e].e, kind: MK::Name, cue: (win[k - 1].s, win[k - 1].e), cue_kind: CueText::Span }, true));
            }
        }
        // a quote ending a sentence is attributed by what follows only when its cue comes
        // first ("... path." she said; "...?" Trump said, looking ...)
        let lim = if tight || win.len() - k <= 8 { win.len().min(k + 30) } else { win.len().min(k + 5) };
        for c in k..lim {
            let tk = win[c];
            if tk.k == K::Mark || tk.is_punct(';') {
                break;
            }
            if !tk.is_word() {
                continue;
            }
            let w = self.w(&tk);
            if w.eq_ignore_ascii_case("according") && win.get(c + 1).map_or(false, |n| self.w(n).eq_ignore_ascii_case("to")) {
                return self.according(win, c).map(|a| (a, c == k));
            }
            let Some(kind) = self.cue_at(win, c) else { continue };
            let ctail = self.cue_end(win, c);
            if c == k && kind == Cue::Participle {
                // "“...,” telling Fox 35 that": the object is no speaker; the subject of the
                // sentence before the quote is (see own_attr)
                return None;
            }
            // "told CNN", "urged voters": an object follows, never an inverted subject
            let takes_object = text::lower_eq(w, &["told", "tells", "tell", "informed", "reminded", "assured", "urged", "thanked", "accused", "blamed", "praised", "criticized", "warned"]);
            if !takes_object && (c == k || (c > k && win[k..c].iter().all(|t| !t.is_word() || text::time_word(self.w(t)))) || (c > k && win[c - 1].is_punct(','))) {
                // inverted: "said Aaron David Miller", "... for Clinton, said Kunin"
                if let Some(m) = self.subject_after(win, ctail + 1, win.len()) {
                    if m.kind != MK::Phrase || c == k || win[k..c].iter().all(|t| !t.is_word() || text::time_word(self.w(t))) {
                        return Some((Attr { cue: (tk.s, win[ctail].e), cue_kind: CueText::Span, ..m }, c == k));
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
                let adjacent = win[k..c].iter().position(|x| x.s == m.s).map_or(false, |pos| pos <= 1);
                return Some((Attr { cue: (tk.s, win[ctail].e), cue_kind: CueText::Span, ..m }, adjacent));
            }
            return None;
        }
        None
    }

    /// The cue in the words of the sentence before a quote.
    fn before(&self, win: &[Tok], after_piece: bool) -> Option<Attr> {
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
            if self.w(&tk).eq_ignore_ascii_case("according") && win.get(c + 1).map_or(false, |n| self.w(n).eq_ignore_ascii_case("to")) {
                return self.according(win, c);
            }
            if let Some(a) = self.in_the_words_of(win, c) {
                return Some(a);
            }
            let Some(kind) = self.cue_at(win, c) else { continue };
            let ctail = self.cue_end(win, c);
            let cue = (tk.s, win[ctail].e);
            if kind == Cue::Participle && c > 0 && win[c - 1].is_word() && text::is_cap(self.w(&win[c - 1])) && !cap_stop(self.w(&win[c - 1])) {
                // "with Sen. John McCain calling it": the name right before the participle
                let with = |m: &Attr| win.iter().position(|t| t.s == m.s).map_or(false, |i| i > 0 && win[i - 1].is_word() && self.w(&win[i - 1]).eq_ignore_ascii_case("with"));
                if let Some(m) = self.subject_before(win, 0, c).filter(|m| m.kind == MK::Name && with(m)) {
                    return Some(Attr { cue, cue_kind: CueText::Span, ..m });
                }
            }
            if kind == Cue::Participle {
                // "..., saying": the subject of the clause
                for c2 in (0..c).rev() {
                    let infinitive = c2 > 0 && win[c2 - 1].is_word() && self.w(&win[c2 - 1]).eq_ignore_ascii_case("to");
                    if win[c2].is_word() && !infinitive && self.cue_at(win, c2) == Some(Cue::Finite) && !text::weak_cue(self.w(&win[c2])) {
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
            if let Some(f) = (last.saturating_sub(6)..last).rev().find(|&j| win[j].is_word() && self.w(&win[j]).eq_ignore_ascii_case("from")) {
                let opens = f == 0 || (f == 1 && self.w(&win[0]).eq_ignore_ascii_case("more")) || win[..f].iter().rev().take_while(|t| t.is_word()).count() == 0 || (f >= 1 && self.w(&win[f - 1]).eq_ignore_ascii_case("more"));
                if opens && f + 1 < last && win[f + 1..last].iter().all(|t| t.is_word() && !text::np_stop(self.w(t))) {
                    let kind = if win[f + 1..last].iter().any(|t| text::is_lower(self.w(t)) && !text::lower_eq(self.w(t), &["the", "a", "an"])) { MK::Phrase } else { MK::Name };
                    return Some(Attr { s: win[f + 1].s, e: win[last - 1].e, kind, cue: (0, 0), cue_kind: CueText::Colon });
                }
            }
        }
        // "Kirby: “...”" with no verb
        if win[last].is_punct(':') && last > 0 && win[last - 1].is_word() {
            let w = self.w(&win[last - 1]);
            if text::is_cap(w) && !text::title(w) && !cap_stop(w) {
                let (s, _) = self.name_left(win, last - 1, 0);
                // "... contrasted him with Clinton:" names no speaker
                let in_pp = s > 0 && win[s - 1].is_word() && text::lower_eq(self.w(&win[s - 1]), &["with", "to", "of", "for", "from", "about", "against", "at", "on", "in", "by", "than", "like"]);
                if !in_pp {
                    return Some(Attr { s: win[s].s, e: win[last - 1].e, kind: MK::Label, cue: (0, 0), cue_kind: CueText::Colon });
                }
            }
            // "Here's Clinton in December 1992:"
            if !after_piece {
                return self.first_subject(win, last).map(|m| Attr { cue: (0, 0), cue_kind: CueText::Colon, ..m });
            }
        }
        None
    }

    /// A cue inside the complement of an earlier speech verb ("Cruz said he's certain Rubio will
    /// continue to be “...”", "Clinton says ... what she calls “...”"): the quote goes to the
    /// speaker of the main clause.
    fn main_clause(&self, win: &[Tok], c: usize, a: Attr) -> Attr {
        let Some(ms) = win[..c].iter().position(|t| t.s == a.s) else { return a };
        // an earlier reporting verb with a named or pronoun subject, in the main clause (not
        // in an introductory "When Trump announced ..., he")
        let ie = self.intro_end(win, ms + 1);
        for c0 in ie..ms {
            if !win[c0].is_word() || win[..c0].iter().any(|t| t.k == K::Mark) {
                continue;
            }
            let w0 = self.w(&win[c0]);
            if a.kind == MK::Pronoun && self.cue_at(win, c0) == Some(Cue::Participle) && !text::lower_eq(w0, &["calling", "referring", "labeling", "branding", "dubbing", "citing", "accusing", "praising", "blaming", "criticizing", "describing", "denouncing"]) {
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
            if self.cue_at(win, c0) != Some(Cue::Finite) || text::weak_cue(w0) || text::lower_eq(w0, &["read", "reads", "reported", "reports", "asked", "asks", "continued", "continues", "continue", "posted", "posts", "shared", "quoted", "went", "put", "shot", "fired", "hit", "pushed", "pointed", "called"]) {
                continue;
            }
            // the inner clause must follow the verb, not a new sentence-level clause after
            // a conjunction ("X said ..., and Y told")
            if win[c0 + 1..ms].iter().any(|t| t.is_punct(';') || t.is_word() && text::lower_eq(self.w(t), &["and", "but", "while", "whereas", "who", "which"])) {
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
        if a.kind == MK::Pronoun && ms > 0 && win[ms - 1].is_word() && text::lower_eq(self.w(&win[ms - 1]), &["what"]) {
            if let Some(m0) = self.first_subject(win, ms - 1) {
                if m0.kind == MK::Name && m0.s < a.s {
                    return Attr { s: m0.s, e: m0.e, kind: m0.kind, ..a };
                }
            }
        }
        a
    }

    /// A short paragraph that signs the quote before it: "- Bernie Sanders.", "—President
    /// Obama, tweeting after the speech."
    fn dash_signature(&self, ps: usize, pe: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
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
        Some(Attr { s: toks[k].s, e: toks[e].e, kind: MK::Name, cue: (ps, ps + dash.len_utf8()), cue_kind: CueText::Span })
    }

    /// The name a relative "who" refers to ("Nicky Driscoll, 24, from Manchester, who"), as the
    /// mention instead of the pronoun.
    fn relative_name(&self, win: &[Tok], a: Attr) -> Option<Attr> {
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
                    let place = s0 > 0 && win[s0 - 1].is_word() && text::lower_eq(self.w(&win[s0 - 1]), &["of", "from", "in", "at", "near"]);
                    if !place {
                        return Some(Attr { s: win[s0].s, e: win[k - 1].e, kind: MK::Name, ..a });
                    }
                }
            }
        }
        None
    }

    /// A paragraph ending in a colon that introduces the quote of the next one.
    fn colon_intro(&self, ps: usize, pe: usize, toks: &mut Vec<Tok>, colon: bool) -> Option<Attr> {
        text::tokenize(self.t, ps.max(back(self.t, pe, 600)), pe, toks);
        let start = (0..toks.len().saturating_sub(1)).rev().find(|&k| is_boundary(self.t, toks, k)).map_or(0, |k| k + 1);
        let win = &toks[start..];
        if win.iter().any(|x| x.k == K::Mark) {
            return None;
        }
        if let Some(a) = self.before(win, false) {
            return Some(a);
        }
        if !colon {
            return None;
        }
        // "The New York Times reports:", "Cruz continued:" with an unknown verb: the first
        // name or pronoun of the sentence
        let end = win.len().saturating_sub(1);
        self.first_subject(win, end).map(|m| Attr { cue: (0, 0), cue_kind: CueText::Colon, ..m })
    }

    /// Whether word `c` of `win` is a speech cue in this context.
    fn cue_at(&self, win: &[Tok], c: usize) -> Option<Cue> {
        let w = self.w(&win[c]);
        let kind = text::cue(w)?;
        let next = win.get(c + 1).filter(|t| t.is_word()).map(|t| self.w(t));
        let prev = if c > 0 && win[c - 1].is_word() { Some(self.w(&win[c - 1])) } else { None };
        let lw = w.to_ascii_lowercase();
        match lw.as_str() {
            "put" | "puts" => return if next.map_or(false, |n| n.eq_ignore_ascii_case("it")) { Some(Cue::Finite) } else { None },
            "call" | "calls" | "called" | "calling" if next.map_or(false, |n| text::lower_eq(n, &["for", "on", "upon", "off", "in", "up", "out", "back"])) => return None,
            "shot" | "fired" | "hit" | "pushed" => return if next.map_or(false, |n| n.eq_ignore_ascii_case("back")) { Some(Cue::Finite) } else { None },
            "went" => return if next.map_or(false, |n| n.eq_ignore_ascii_case("on")) { Some(Cue::Finite) } else { None },
            "pointed" | "points" => return if next.map_or(false, |n| n.eq_ignore_ascii_case("out")) { Some(Cue::Finite) } else { None },
            "summed" => return if next.map_or(false, |n| n.eq_ignore_ascii_case("up")) { Some(Cue::Finite) } else { None },
            "read" | "reads" | "reported" | "reports" | "described" | "describes" | "shared" | "quoted" | "calling" => {
                if prev.map_or(false, |p| text::lower_eq(p, &["was", "were", "is", "are", "be", "been", "being", "widely"])) {
                    return if lw == "quoted" { Some(Cue::Participle) } else { None };
                }
            }
            _ => {}
        }
        // a participle as an adjective: "toward shared objectives", "the quoted passage"
        if lw.ends_with("ed") && prev.map_or(false, |p| text::lower_eq(p, &["toward", "towards", "of", "for", "with", "by", "from", "into", "on", "in", "at", "the", "a", "an", "its", "their", "his", "her", "our"])) && next.map_or(false, |n| text::is_lower(n) && !text::np_stop(n) && !text::lower_eq(n, text::DETERMINERS)) {
            return None;
        }
        // "the United States", "both states": no verb
        if lw == "states" && prev.map_or(true, |p| !text::is_lower(p) || text::lower_eq(p, &["both", "all", "many", "some", "other", "several", "southern", "northern", "western", "eastern", "swing", "battleground", "member", "these", "those", "two", "three", "four", "five", "in", "of", "across", "and"])) {
            return None;
        }
        // a noun after a determiner: "in a tweet", "his statement", "the reports"
        if prev.map_or(false, |p| text::lower_eq(p, &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "such", "every", "each"]) || (text::is_possessive(p) && !text::is_cap(p))) && !lw.ends_with("ing") {
            return None;
        }
        // "having referred to him as": a participle phrase
        if prev.map_or(false, |p| p.eq_ignore_ascii_case("having")) {
            return Some(Cue::Participle);
        }
        // a plural noun, not a verb: "Trump's comments", "the claims"
        if lw.ends_with('s') && !lw.ends_with("ss") && lw != "says" && prev.map_or(false, |p| text::is_possessive(p) || text::lower_eq(p, &["the", "a", "his", "her", "their", "its", "our", "my", "your", "these", "those", "such", "many", "some", "any", "no", "recent", "earlier", "new", "public", "own", "latest", "previous", "critical", "controversial", "similar"])) {
            return None;
        }
        // passives and "when asked"
        if let Some(p) = prev {
            if text::lower_eq(p, &["was", "were", "been", "being", "is", "are", "be", "when", "if", "get", "got"]) {
                return None;
            }
        }
        // "said" used as an adjective ("the said")
        if w.eq_ignore_ascii_case("said") && prev.map_or(false, |p| p.eq_ignore_ascii_case("the")) {
            return None;
        }
        Some(kind)
    }

    /// The last token of a cue phrase ("pointed out", "said in a statement").
    fn cue_end(&self, win: &[Tok], c: usize) -> usize {
        let w = self.w(&win[c]);
        let mut e = c;
        if text::lower_eq(w, &["put", "puts", "went", "pointed", "points", "summed", "shot", "fired", "hit", "pushed"]) && c + 1 < win.len() {
            e = c + 1;
        }
        // "said in a statement", "said in an interview"
        if e + 3 < win.len() + 0 && e + 3 <= win.len() - 1 {
            let (a, b, d) = (self.w(&win[e + 1]), self.w(&win[e + 2]), self.w(&win[e + 3]));
            if a.eq_ignore_ascii_case("in")
                && text::lower_eq(b, &["a", "an"])
                && text::lower_eq(d, &["statement", "interview", "tweet", "post", "email", "release", "letter", "speech"])
            {
                e += 3;
            }
        }
        e
    }

    /// "in the words of NP"
    fn in_the_words_of(&self, win: &[Tok], c: usize) -> Option<Attr> {
        if c + 3 >= win.len() || !self.w(&win[c]).eq_ignore_ascii_case("in") {
            return None;
        }
        let (a, b, d) = (self.w(&win[c + 1]), self.w(&win[c + 2]), self.w(&win[c + 3]));
        if !(a.eq_ignore_ascii_case("the") && b.eq_ignore_ascii_case("words") && d.eq_ignore_ascii_case("of")) {
            return None;
        }
        let m = self.subject_after(win, c + 4, win.len())?;
        Some(Attr { cue: (win[c].s, win[c + 3].e), cue_kind: CueText::Span, ..m })
    }

    /// "according to NP"
    fn according(&self, win: &[Tok], c: usize) -> Option<Attr> {
        let m = self.subject_after(win, c + 2, win.len())?;
        Some(Attr { cue: (win[c].s, win[c + 1].e), cue_kind: CueText::AccordingTo, ..m })
    }

    /// Leftward walk over a name ending at token `k` (inclusive), not before `lo`.
    /// Returns (first token, whether a title is included).
    fn name_left(&self, win: &[Tok], k: usize, lo: usize) -> (usize, bool) {
        let mut s = k;
        let mut titled = false;
        while s > lo {
            let tk = win[s - 1];
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk)) && !text::is_possessive(w) {
                if text::title(w) {
                    titled = true;
                }
                s -= 1;
            } else if text::lower_eq(w, &["de", "van", "von", "bin", "al", "la", "le", "da", "di", "du", "del", "der", "ibn", "dos", "el"])
                && s >= 2
                && win[s - 2].is_word()
                && text::is_cap(self.w(&win[s - 2]))
            {
                s -= 1;
            } else {
                break;
            }
        }
        (s, titled)
    }

    /// Rightward walk over a name starting at token `k`. Returns the last token.
    fn name_right(&self, win: &[Tok], k: usize, hi: usize) -> usize {
        let mut e = k;
        while e + 1 < hi {
            let tk = win[e + 1];
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::is_cap(w) && !cap_stop(w) && text::cue(w).is_none() {
                e += 1;
                if text::is_possessive(w) {
                    break;
                }
            } else if text::lower_eq(w, &["de", "van", "von", "bin", "al", "la", "le", "da", "di", "du", "del", "der", "ibn", "dos", "el"])
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
    fn subject_before(&self, win: &[Tok], lo: usize, c: usize) -> Option<Attr> {
        let mut j = c;
        loop {
            if j > lo && win[j - 1].is_word() && text::skippable_adverb(self.w(&win[j - 1])) {
                j -= 1;
            } else if j > lo + 1
                && win[j - 1].is_word()
                && text::time_word(self.w(&win[j - 1]))
                && !text::is_lower(self.w(&win[j - 1]))
                && text::lower_eq(self.w(&win[j - 2]), &["on", "last", "this", "late", "early"])
            {
                // "Donald Trump on Saturday tweeted"
                j -= 2;
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
        if text::is_cap(w) && !cap_stop(w) {
            let (s, _) = self.name_left(win, k, lo);
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
        if text::is_lower(w) || w.chars().next().map_or(false, |c| c.is_numeric()) {
            if text::np_stop(w) || text::cue(w).is_some() {
                return None;
            }
            return self.phrase_left(win, lo, k);
        }
        None
    }

    /// A name inside a modifier of the subject ("A letter from the American Legion obtained by
    /// The Associated Press warns"): the subject's head phrase at the clause start.
    fn head_of_modified_np(&self, win: &[Tok], lo: usize, s: usize, c: usize) -> Option<Attr> {
        if s < lo + 2 || !win[s - 1].is_word() {
            return None;
        }
        let pw = self.w(&win[s - 1]);
        if !text::lower_eq(pw, &["by", "of", "from", "for", "with", "at"]) {
            return None;
        }
        let start = lo.max(self.intro_end(win, c));
        let np = self.determiner_subject(win, start, c)?;
        let np_end = win.iter().position(|t| t.e == np.e)?;
        // the phrase runs up to the preposition chain that holds the name
        if np.s < win[s].s && np_end + 1 < s && win[np_end + 1].is_word() && text::lower_eq(self.w(&win[np_end + 1]), &["from", "of", "by", "for", "with", "at", "in", "on", "obtained", "owned", "released", "issued", "written", "signed", "sent", "published", "filed", "led", "run", "produced", "commissioned", "conducted"]) {
            if win[np_end + 1..s].iter().any(|t| !t.is_word() || text::cue(self.w(t)).is_some()) {
                return None;
            }
            return Some(np);
        }
        None
    }

    /// A noun phrase ending at token `k`: back to its determiner or the clause start.
    fn phrase_left(&self, win: &[Tok], lo: usize, k: usize) -> Option<Attr> {
        let mut s = k;
        let mut n = 0;
        while s > lo && n < 8 {
            let tk = win[s - 1];
            if !tk.is_word() {
                break;
            }
            let w = self.w(&tk);
            if text::np_stop(w) || text::cue(w).is_some() || text::pronoun(w) {
                break;
            }
            s -= 1;
            n += 1;
            if text::lower_eq(w, text::DETERMINERS) && !text::lower_eq(w, &["top", "senior", "two", "three", "four", "five", "one"]) {
                break;
            }
        }
        Some(mention(win[s].s, win[k].e, MK::Phrase))
    }

    /// "Linda Thomas-Greenfield, the U.S. ambassador to the U.N., told": the name before the
    /// appositive that ends at the comma `k`.
    fn appositive_subject(&self, win: &[Tok], lo: usize, k: usize) -> Option<Attr> {
        // "The mayor, Lee Chan, said": the name is the appositive
        if k > lo + 1 && win[k - 1].is_word() && text::is_cap(self.w(&win[k - 1])) && !cap_stop(self.w(&win[k - 1])) {
            let (s, _) = self.name_left(win, k - 1, lo);
            if s > lo && win[s - 1].is_punct(',') && s >= lo + 2 && win[s - 2].is_word() && text::is_lower(self.w(&win[s - 2])) {
                let orgish = win[s..k].iter().any(|t| text::org_word(self.w(t)));
                if !orgish {
                    return Some(mention(win[s].s, win[k - 1].e, MK::Name));
                }
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
            if tk.is_word() && text::cue(self.w(&tk)) == Some(Cue::Finite) && !(p > lo && win[p - 1].is_punct(',')) {
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
                if !orgish {
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

    /// The subject of an inverted cue: "said Aaron David Miller", "said the official", "said he".
    fn subject_after(&self, win: &[Tok], from: usize, hi: usize) -> Option<Attr> {
        let mut j = from;
        // "said Monday", "said on Tuesday"
        let mut guard = 0;
        while j < hi && win[j].is_word() && guard < 4 {
            let w = self.w(&win[j]);
            if text::time_word(w) {
                j += 1;
            } else if text::lower_eq(w, &["on", "in", "at"]) && win.get(j + 1).map_or(false, |n| n.is_word() && text::time_word(self.w(n))) {
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
            if text::lower_eq(w, &["it", "you", "who"]) {
                return None;
            }
            return Some(mention(tk.s, tk.e, MK::Pronoun));
        }
        if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk)) || text::title(w) && text::is_cap(w) {
            let e = self.name_right(win, j, hi);
            // "said Netanyahu's office": a phrase
            if text::is_possessive(self.w(&win[e])) && e + 1 < hi && win[e + 1].is_word() && text::is_lower(self.w(&win[e + 1])) {
                return Some(mention(tk.s, win[e + 1].e, MK::Phrase));
            }
            return Some(mention(tk.s, win[e].e, MK::Name));
        }
        if (text::is_lower(w) || w.starts_with(|c: char| c.is_ascii_digit())) && !text::not_subject_after(w) && text::cue(w).is_none() {
            let mut e = j;
            let mut n = 0;
            while e + 1 < hi && n < 10 {
                let nt = win[e + 1];
                if !nt.is_word() {
                    break;
                }
                let nw = self.w(&nt);
                if text::lower_eq(nw, &["who", "that", "which", "in", "on", "at", "during", "after", "when", "while", "as"]) || text::cue(nw).is_some() {
                    break;
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
    fn known_person_starts(&self, tk: &Tok) -> bool {
        self.known.iter().any(|k| k.is_person && k.mentions.iter().any(|&(s, e)| s == tk.s && e > tk.e + 1))
    }

    /// Whether a known name (from the entity recognizer) covers token `tk`: Some(is a person).
    fn known_at(&self, tk: &Tok) -> Option<bool> {
        self.known.iter().find(|k| k.mentions.iter().any(|&(s, e)| s <= tk.s && tk.e <= e)).map(|k| k.is_person)
    }

    /// A capitalized word at `k` that opens no name: a sentence adverb or participle
    /// ("Moreover", "Facing mounting criticism", "Minutes later"), unless the recognizer knows it.
    fn not_a_name_start(&self, win: &[Tok], k: usize, end: usize) -> bool {
        let w = self.w(&win[k]);
        // a person the recognizer found in several words ("Chelsea Manning"), or in one that
        // reads as no common word ("Reprising" is one)
        let tk = win[k];
        if self.known.iter().any(|kn| kn.is_person && kn.mentions.iter().any(|&(s, e)| s <= tk.s && tk.e <= e && (e - s > tk.e - tk.s || !w.to_ascii_lowercase().ends_with("ing")))) {
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
            return next_w.map_or(true, |n| text::is_lower(n) && text::cue(n).is_none());
        }
        if lw.len() > 5 && lw.ends_with("ed") {
            // "Reached by POLITICO, Bennett", "Preceded on stage by ..."
            return next_w.map_or(false, |n| text::lower_eq(n, &["by", "about", "on", "for", "in", "at", "with", "after", "from", "to"]));
        }
        if lw.len() > 5 && lw.ends_with("ly") {
            // "Immediately after", "Specifically," but not "Kelly said"
            return next.map_or(false, |n| n.is_punct(','))
                || next_w.map_or(false, |n| text::lower_eq(n, &["after", "before", "in", "on", "at", "for", "with", "to", "since", "following", "upon", "enough"]));
        }
        false
    }

    /// Where the main clause of a sentence starts: after an introductory phrase that runs to a
    /// comma ("At a rally in Portsmouth, N.H., on Tuesday, Senator ...", "When asked ..., Ms. X").
    fn intro_end(&self, win: &[Tok], end: usize) -> usize {
        let Some(k0) = win[..end].iter().position(|t| t.is_word()) else { return 0 };
        if k0 > 0 && win[..k0].iter().any(|t| t.k == K::Mark) {
            return 0;
        }
        let w = self.w(&win[k0]);
        let lw = w.to_ascii_lowercase();
        let intro = text::lower_eq(w, text::INTRO_OPENERS)
            || text::intro_word(w)
            || (lw.len() > 5 && (lw.ends_with("ing") || lw.ends_with("ly") || lw.ends_with("ed")) && self.known_at(&win[k0]) != Some(true) && self.not_a_name_start(win, k0, end));
        if !intro {
            return 0;
        }
        // a prepositional phrase ends at its first comma ("On Friday, Mr. Carson endorsed Mr.
        // Trump at Mar-a-Lago, Mr. Trump's club, calling"); a clause may hold commas of its own
        let prepositional = text::lower_eq(w, text::INTRO_OPENERS) && !text::lower_eq(w, &["when", "while", "as", "if", "although", "though", "because", "since", "once", "until", "asked", "speaking", "after", "before"]);
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
                    let subj = (text::pronoun(bare) && !text::lower_eq(bare, &["it", "you", "who"]))
                        || (text::is_cap(x) && !cap_stop(x) && !text::intro_word(x))
                        || text::lower_eq(x, &["the", "a", "an", "another", "this", "that", "his", "her", "their"]) && text::is_cap(x);
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
    fn determiner_subject(&self, win: &[Tok], from: usize, end: usize) -> Option<Attr> {
        let k = from;
        if k >= end || !win[k].is_word() || (k > 0 && win[..k].iter().any(|t| t.k == K::Mark)) {
            return None;
        }
        let w = self.w(&win[k]);
        if !text::lower_eq(w, &["the", "a", "an", "another", "this", "that", "these", "those", "one", "some", "many", "several", "his", "her", "their", "its"]) {
            // "Hundreds of demonstrators marched ...": the quantity opens the subject
            if text::is_cap(w) && text::lower_eq(w, &["hundreds", "thousands", "dozens", "millions", "most", "others", "both", "few", "all", "many", "some", "several"]) && win.get(k + 1).map_or(false, |t| t.is_word()) {
                let e = if self.w(&win[k + 1]).eq_ignore_ascii_case("of") && k + 2 < end && win[k + 2].is_word() { k + 2 } else { k };
                return Some(mention(win[k].s, win[e].e, MK::Phrase));
            }
            return None;
        }
        if text::lower_eq(w, &["another", "one"]) && win.get(k + 1).map_or(false, |t| !t.is_word()) {
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
            if text::np_stop(x) || text::cue(x).is_some() || text::skippable_adverb(x) || text::pronoun(x) || (n >= 1 && text::is_lower(x) && (x.ends_with("ed") || x.ends_with('s'))) {
                break;
            }
            if text::time_word(x) || text::lower_eq(x, &["day", "days", "time", "times", "week", "weeks", "year", "years", "month", "months", "hour", "hours", "minute", "minutes", "moment", "point", "same", "next", "following", "other", "previous", "first"]) {
                return None;
            }
            e += 1;
            n += 1;
        }
        if e == k || win.get(e + 1).map_or(true, |t| t.is_punct(',') || !t.is_word()) {
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
        if !win[e + 1..end].iter().take(6).enumerate().any(|(j, t)| t.is_word() && self.cue_at(win, e + 1 + j).is_some()) && !self.w(&win[e + 1]).ends_with('s') {
            return None;
        }
        Some(mention(win[k].s, win[e].e, MK::Phrase))
    }

    /// The first name or pronoun of a sentence, as the subject of a cue that has none of its
    /// own ("Cruz went further, saying", "The New York Times reports:").
    fn first_subject(&self, win: &[Tok], end: usize) -> Option<Attr> {
        let end = end.min(win.len());
        let from = self.intro_end(win, end);
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
            if text::pronoun(w) && !text::lower_eq(w, &["it", "you", "who"]) {
                return Some(mention(tk.s, tk.e, MK::Pronoun));
            }
            if text::is_cap(w) && (!cap_stop(w) || self.known_person_starts(&tk)) {
                if self.not_a_name_start(win, k, end) {
                    continue;
                }
                let e = self.name_right(win, k, end);
                let in_pp = k > 0 && win[k - 1].is_word() && text::lower_eq(self.w(&win[k - 1]), &["in", "at", "on", "from", "of", "to", "for", "with", "by", "about", "against", "during", "after", "before", "into", "over", "under", "since", "than", "like", "unlike", "near", "the", "a", "an"]);
                if in_pp {
                    continue;
                }
                return Some(mention(tk.s, win[e].e, MK::Name));
            }
        }
        None
    }
}

fn mention(s: usize, e: usize, kind: MK) -> Attr {
    Attr { s, e, kind, cue: (0, 0), cue_kind: CueText::Colon }
}

/// Capitalized words that start sentences but are no names.
fn cap_stop(w: &str) -> bool {
    text::lower_eq(w, lexicon::FUNCTION_WORDS)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    M,
    F,
}

/// Resolves mentions to canonical names, remembering speakers for pronouns and descriptions.
struct Resolver<'a, 'c> {
    ctx: &'c Ctx<'a>,
    /// (position of the mention, canonical name, gender, is a person)
    speakers: Vec<(usize, String, Option<Gender>)>,
    genders: Vec<(String, Gender)>,
    toks: Vec<Tok>,
    /// canonical names already looked up: (words as written, result)
    names: std::cell::RefCell<Vec<(String, Option<String>)>>,
}

impl<'a, 'c> Resolver<'a, 'c> {
    fn new(ctx: &'c Ctx<'a>) -> Self {
        Resolver { ctx, speakers: Vec::new(), genders: Vec::new(), toks: Vec::new(), names: Default::default() }
    }

    fn quote(&mut self, s: usize, e: usize, para: usize, direct: bool, a: Option<Attr>) -> Quote {
        let t = self.ctx.t;
        let Some(a) = a else {
            return Quote { start: s, end: e, paragraph: para, direct, speaker: None, mention: None, cue: None, description: None };
        };
        let cue = match a.cue_kind {
            CueText::Colon => ":".to_string(),
            CueText::AccordingTo => "according to".to_string(),
            CueText::Span => t[a.cue.0..a.cue.1].to_string(),
        };
        let speaker = self.speaker(a);
        Quote { start: s, end: e, paragraph: para, direct, speaker, mention: Some((a.s, a.e)), cue: Some(cue), description: None }
    }

    fn gender_of(&self, name: &str) -> Option<Gender> {
        self.genders.iter().rev().find(|(n, _)| n == name).map(|x| x.1).or_else(|| {
            // a full name whose first name is a common one of either gender
            let mut words = name.split_whitespace();
            let first = words.next()?;
            words.next()?;
            lexicon::first_name_gender(first).map(|m| if m == lexicon::Gender::Male { Gender::M } else { Gender::F })
        })
    }

    fn speaker(&mut self, a: Attr) -> Option<String> {
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
                } else {
                    return None;
                };
                let name = if a.kind == MK::Relative { self.name_before_who(a.s) } else { None };
                let name = name.or_else(|| self.antecedent(a.s, g))?;
                if let Some(g) = g {
                    if self.gender_of(&name).is_none() {
                        self.genders.push((name.clone(), g));
                    }
                }
                self.speakers.push((a.s, name.clone(), g));
                Some(name)
            }
            MK::Name | MK::Label => {
                let name = self.canonical(a.s, a.e)?;
                let g = title_gender(m);
                if let Some(g) = g {
                    self.genders.push((name.clone(), g));
                }
                self.speakers.push((a.s, name.clone(), g));
                Some(name)
            }
            MK::Phrase => {
                // an organization or office named by a capitalized phrase; nobody otherwise
                let words: Vec<&str> = m.split_whitespace().collect();
                if !words.iter().any(|w| text::is_cap(w) && !cap_stop(w)) {
                    return None;
                }
                let mut s = m;
                if let Some(f) = words.first() {
                    if text::lower_eq(f, &["the", "a", "an"]) {
                        s = m[f.len()..].trim_start();
                    }
                }
                Some(s.to_string())
            }
        }
    }

    /// "Gantz, who ..." -> the name before the comma.
    fn name_before_who(&mut self, at: usize) -> Option<String> {
        let t = self.ctx.t;
        let lo = t[..at].char_indices().rev().nth(80).map_or(0, |x| x.0);
        text::tokenize(t, lo, at, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let n = toks.len();
        let mut out = None;
        if n >= 2 && toks[n - 1].is_punct(',') && toks[n - 2].is_word() && text::is_cap(&t[toks[n - 2].s..toks[n - 2].e]) {
            let (s, _) = self.ctx.name_left(&toks, n - 2, 0);
            out = self.canonical(toks[s].s, toks[n - 2].e);
        }
        self.toks = toks;
        out
    }

    /// The person a pronoun at `at` refers to: the nearest earlier speaker or person-like
    /// name, in this or the previous two paragraphs, of a compatible gender.
    fn antecedent(&mut self, at: usize, g: Option<Gender>) -> Option<String> {
        let t = self.ctx.t;
        let paras = self.ctx.paras;
        let k = paras.iter().position(|&(_, s, e)| s <= at && at <= e).unwrap_or(0);
        let lo = paras[k.saturating_sub(2)].1.max(back(t, at, 1500));
        let ok = |me: &Self, name: &str| match (g, me.gender_of(name)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // names in the text before the pronoun
        text::tokenize(t, lo, at, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let mut best: Option<(usize, String)> = None;
        let mut object: Option<(usize, String)> = None;
        let mut i = toks.len();
        while i > 0 {
            i -= 1;
            let tk = toks[i];
            if !tk.is_word() {
                continue;
            }
            let w = &t[tk.s..tk.e];
            if !text::is_cap(w) || cap_stop(w) {
                continue;
            }
            let (s, _) = self.ctx.name_left(&toks, i, 0);
            let span = (toks[s].s, tk.e);
            i = s;
            if !self.person_like(&toks[s..=toks.iter().position(|x| x.e == span.1).unwrap_or(s)]) {
                continue;
            }
            if let Some(name) = self.canonical(span.0, span.1) {
                if ok(self, &name) {
                    // a name in object position ("asked Clinton", "Rubio's response") is a
                    // weaker antecedent than a subject further back
                    let last_w = &t[tk.s..tk.e];
                    let before = s.checked_sub(1).map(|b| toks[b]);
                    let possessive = text::is_possessive(last_w) || t[tk.e..].starts_with("'s") || t[tk.e..].starts_with("’s");
                    let subject = !possessive
                        && before.map_or(true, |b| !b.is_word() || text::lower_eq(&t[b.s..b.e], lexicon::CLAUSE_OPENERS) || text::is_cap(&t[b.s..b.e]));
                    if subject {
                        best = Some((span.0, name));
                        break;
                    }
                    if object.is_none() {
                        object = Some((span.0, name));
                    }
                }
            }
        }
        let best = best.or(object);
        self.toks = toks;
        // an earlier speaker nearer than that name wins
        if let Some((pos, name)) = self.speakers.iter().rev().find(|(p, n, _)| *p < at && ok(self, n)).map(|(p, n, _)| (*p, n.clone())) {
            if best.as_ref().map_or(true, |(bp, _)| pos >= *bp) && pos >= lo {
                return Some(name);
            }
        }
        best.map(|x| x.1)
    }

    /// Whether the capitalized words `toks` name a person.
    fn person_like(&self, toks: &[Tok]) -> bool {
        let t = self.ctx.t;
        let words: Vec<&str> = toks.iter().map(|x| text::base(&t[x.s..x.e])).filter(|w| !text::title(w)).collect();
        if words.is_empty() {
            return false;
        }
        let full = words.join(" ");
        for kn in self.ctx.known {
            if kn.name == full || kn.name.ends_with(&format!(" {full}")) {
                // a full name that starts with a first name is a person's, whatever its tag
                let first_named = kn.name.contains(' ') && kn.name.split_whitespace().next().is_some_and(lexicon::is_first_name);
                return kn.is_person || first_named;
            }
        }
        if words.iter().any(|w| text::org_word(w) || (w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1)) {
            return false;
        }
        if words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())) {
            return false;
        }
        if words.len() >= 2 {
            return true;
        }
        // a single word: a person when it is the surname of an earlier speaker
        let w = words[0];
        self.speakers.iter().any(|(_, n, _)| n.rsplit(' ').next() == Some(w))
            || self.ctx.known.iter().any(|k| k.is_person && k.name.rsplit(' ').next() == Some(w))
    }

    /// The fullest name the article gives for the name at `t[s..e]` (cached by its words).
    fn canonical(&self, s: usize, e: usize) -> Option<String> {
        let raw = &self.ctx.t[s..e];
        if let Some((_, c)) = self.names.borrow().iter().find(|(r, _)| r == raw) {
            return c.clone();
        }
        let c = self.canonical_uncached(s, e);
        self.names.borrow_mut().push((raw.to_string(), c.clone()));
        c
    }

    fn canonical_uncached(&self, s: usize, e: usize) -> Option<String> {
        let t = self.ctx.t;
        let raw = &t[s..e];
        let mut words: Vec<String> = raw
            .split_whitespace()
            .map(|w| text::base(w.trim_end_matches(|c: char| c == ',' || c == ':')).to_string())
            .collect();
        while words.len() > 1 && text::title(&words[0]) {
            words.remove(0);
        }
        if words.is_empty() {
            return None;
        }
        // transcript labels in capitals: PENCE -> Pence
        let caps = words.iter().all(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(|c| c.is_lowercase()));
        if caps {
            if words.len() == 1 && words[0].len() <= 1 {
                return None;
            }
            if words.iter().all(|w| w.chars().filter(|c| c.is_alphabetic()).count() <= 1) {
                return None;
            }
            words = words.iter().map(|w| titlecase(w)).collect();
        }
        let short = words.join(" ");
        let last = words.last().cloned().unwrap_or_default();
        // known names first
        let mut best: Option<String> = None;
        for kn in self.ctx.known {
            let kw: Vec<&str> = kn.name.split_whitespace().collect();
            if kw.len() >= words.len() && kw[kw.len() - words.len()..].iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b)) {
                if !kn.is_person && kw.len() == words.len() {
                    return Some(kn.name.to_string());
                }
                if kn.is_person && best.as_ref().map_or(true, |b| kn.name.len() > b.len()) {
                    best = Some(kn.name.to_string());
                }
            }
        }
        if let Some(b) = best {
            return Some(b);
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
            if end < b.len() && (b[end].is_ascii_alphanumeric() || (b[end] == b'-' && end + 1 < b.len() && b[end + 1].is_ascii_alphabetic())) {
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
                let ws = trimmed.rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—' | ',' | ';' | ':')).map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, |c| c.len_utf8()));
                let w = &trimmed[ws..];
                if w.is_empty() || !text::is_cap(w) || cap_stop(w) || text::title(w) || text::is_possessive(w) || text::org_word(w) || w.ends_with('.') && w.len() > 2 {
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
                if cand.ends_with(&short) {
                    best_n = names.len();
                    best = cand;
                }
            }
        }
        Some(best)
    }

    /// Descriptions: the first appositive the article gives each speaker.
    fn finish(&mut self, out: &mut [Quote]) {
        let mut cache: Vec<(String, Option<String>)> = Vec::new();
        for q in out.iter_mut() {
            let Some(sp) = q.speaker.clone() else { continue };
            if !sp.contains(' ') && !sp.chars().next().map_or(false, |c| c.is_uppercase()) {
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

    fn description(&mut self, name: &str) -> Option<String> {
        let t = self.ctx.t;
        if name.split_whitespace().any(text::org_word) || text::is_possessive(name.split_whitespace().next().unwrap_or("")) {
            return None;
        }
        let b = t.as_bytes();
        let mut pre: Option<String> = None;
        for (pos, _) in t.match_indices(name) {
            let end = pos + name.len();
            if end < b.len() && b[end].is_ascii_alphanumeric() {
                continue;
            }
            if let Some(d) = self.appositive_after(end) {
                return Some(d);
            }
            if pre.is_none() {
                pre = self.role_before(pos);
            }
        }
        pre
    }

    /// ", a former Israeli ambassador to the U.S." after a name, up to the verb or the end of
    /// the sentence.
    fn appositive_after(&mut self, end: usize) -> Option<String> {
        let t = self.ctx.t;
        let rest = &t[end..];
        if !rest.starts_with(", ") {
            return None;
        }
        let from = end + 2;
        let para_end = self.ctx.paras.iter().find(|&&(_, s, e)| s <= end && end < e).map_or(t.len(), |x| x.2);
        if from >= para_end {
            return None;
        }
        text::tokenize(t, from, para_end.min(fwd(t, from, 600)), &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let res = (|| {
            let first = toks.first().filter(|x| x.is_word())?;
            let fw = &t[first.s..first.e];
            if text::lower_eq(fw, &["who", "which", "that", "when", "where", "while", "as", "but", "and", "because", "if", "although", "though", "in", "on", "at", "for", "with", "from", "by", "during", "after", "before", "to", "of", "according", "so", "then", "not", "also", "said", "says", "told", "it", "he", "she", "they", "we", "i"])
                || text::cue(fw).is_some()
                || (text::is_lower(fw) && fw.ends_with("ing"))
                || text::pronoun(fw)
            {
                return None;
            }
            let mut k = 0;
            while k < toks.len() && k < 80 {
                let tk = toks[k];
                if is_boundary(t, &toks, k) || tk.k == K::Mark || tk.is_punct(';') || tk.is_punct('(') {
                    break;
                }
                if tk.is_punct(',') || tk.is_punct('—') {
                    // a comma before the verb ends it
                    let mut j = k + 1;
                    while j < toks.len() && toks[j].is_word() && text::skippable_adverb(&t[toks[j].s..toks[j].e]) {
                        j += 1;
                    }
                    match toks.get(j) {
                        None => break,
                        Some(n) if n.k == K::Mark => break,
                        Some(n) if n.is_word() && {
                            let nw = &t[n.s..n.e];
                            text::cue(nw).is_some()
                                || text::lower_eq(nw, &["according", "has", "have", "is", "was", "will", "would", "did", "does", "who", "spoke", "met", "went", "came", "took", "gave", "made", "sat", "stood", "ran", "won", "lost"])
                                || (text::is_lower(nw) && nw.len() > 4 && nw.ends_with("ed"))
                        } => break,
                        _ => {}
                    }
                }
                k += 1;
            }
            if k == 0 {
                return None;
            }
            let d = t[from..toks[k - 1].e].trim_end_matches([',', ' ']);
            if d.is_empty() || d.len() > 400 {
                return None;
            }
            // a capitalized appositive is often another name ("Smith, Jones and Brown")
            if text::is_cap(fw) && !d.contains(' ') {
                return None;
            }
            Some(d.to_string())
        })();
        self.toks = toks;
        res
    }

    /// "National Security Council spokesman John Kirby": the role phrase before a name.
    fn role_before(&mut self, pos: usize) -> Option<String> {
        let t = self.ctx.t;
        let lo = t[..pos].char_indices().rev().nth(120).map_or(0, |x| x.0);
        let lo = self.ctx.paras.iter().find(|&&(_, s, e)| s <= pos && pos <= e).map_or(lo, |x| x.1.max(lo));
        text::tokenize(t, lo, pos, &mut self.toks);
        let toks = std::mem::take(&mut self.toks);
        let res = (|| {
            let last = *toks.last().filter(|x| x.is_word())?;
            let lw = &t[last.s..last.e];
            if !(text::is_lower(lw) && text::role_noun(lw)) {
                return None;
            }
            let mut s = toks.len() - 1;
            let mut n = 0;
            while s > 0 && n < 8 {
                let tk = toks[s - 1];
                if !tk.is_word() {
                    break;
                }
                let w = &t[tk.s..tk.e];
                if text::np_stop(w) || text::cue(w).is_some() || text::pronoun(w) || (text::is_cap(w) && cap_stop(w) && !text::lower_eq(w, &["the", "a", "an"])) {
                    break;
                }
                if text::lower_eq(w, &["the", "a", "an"]) {
                    break;
                }
                s -= 1;
                n += 1;
            }
            Some(t[toks[s].s..last.e].to_string())
        })();
        self.toks = toks;
        res
    }
}

fn titlecase(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut up = true;
    for c in w.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        up = c == '-' || c == '\'' || c == '’' || c == ' ';
    }
    out
}

fn title_gender(m: &str) -> Option<Gender> {
    let f = m.split_whitespace().next()?;
    if text::lower_eq(f, &["mr.", "mr", "sir", "lord", "king", "prince", "father"]) {
        Some(Gender::M)
    } else if text::lower_eq(f, &["mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen", "princess", "sister"]) {
        Some(Gender::F)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
