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

mod cue_words;
mod cues;
mod first_subject;
mod marks;
mod phrases;
mod resolve;
mod subjects;
mod text;

use crate::extract::lexicon;

use marks::Piece;
use resolve::Resolver;
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
    /// The words naming the speaker when the mention is a source crediting them ("Obama said,
    /// according to a pool report": the report is the mention, "Obama" names the speaker).
    #[serde(skip)]
    pub named_by: Option<(usize, usize)>,
}

/// A name the caller already knows of (from the entity recognizer), to help resolve speakers.
pub struct KnownName<'a> {
    pub name: &'a str,
    pub is_person: bool,
    /// an organization (not a person, not a place)
    pub is_org: bool,
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
    /// no cue in the text: the speaker is the person the sentence before is about
    Context,
    /// no cue: a name signs the quotation on its own last line, inside its marks, or right
    /// after them with no verb
    Signature,
}

/// Finds the quotes of an article. `paragraphs` are byte spans of `text`; `known` may be empty.
/// Whether `w` is a speech verb of the quote finder ("said", "told", "saying").
pub(crate) fn is_speech_verb(w: &str) -> bool {
    text::cue(w).is_some()
}

pub fn extract(text: &str, paragraphs: &[(usize, usize)], known: &[KnownName]) -> Vec<Quote> {
    // valid paragraphs only, keeping their index
    let paras: Vec<(usize, usize, usize)> = paragraphs
        .iter()
        .enumerate()
        .filter(|(_, &(s, e))| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
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
        let next_single = paras.get(k + 1).is_some_and(|&(_, a, b)| marks::starts_with_single(text, a, b));
        prev_open = marks::scan(text, s, e, k, prev_open, next_single, &mut buf, &mut pieces);
        if let Some((a, qs)) = transcript_line(text, s, e) {
            transcript.push((k, a, qs, e));
        }
    }
    if pieces.is_empty() && transcript.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx { t: text, paras: &paras, known, via: Default::default() };
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
                let last =
                    |x: Attr| text[x.s..x.e].rsplit(' ').next().map(text::base).unwrap_or("").to_string();
                if sj.kind == MK::Pronoun && matches!(a.kind, MK::Name | MK::Pronoun)
                    || sj.kind == MK::Name && last(sj) == last(a)
                {
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
        // a quote opening a sentence whose cue comes after a later quote of the same sentence
        // ("“Family values people” are “not out to bash gays,” he said"): that cue's, not the
        // one of the sentence before
        let (p, q) = (pieces[i], pieces[i + 1]);
        let one_sentence = p.closed
            && q.para == p.para
            && !text[p.start..p.end].trim_end().ends_with(['.', '!', '?', '…'])
            && !text[p.close_end..q.open].contains(['.', '!', '?', '\n']);
        if one_sentence && info[i].attr.is_none() && info[i].weak.is_none() && info[i].prev.is_some() {
            if let Some(a) = info[i + 1].attr {
                attr[i] = Some(a);
            }
        }
    }
    // pass 3b: a quote paragraph signed by the next one ("“...”" then "- Bernie Sanders.")
    for i in 0..n {
        if attr[i].is_some() {
            continue;
        }
        let q = pieces[i];
        let (_, _, pe) = paras[q.para];
        if !q.closed
            || text[q.close_end..pe].trim().len() > 1
            || pieces.get(i + 1).is_some_and(|x| x.para == q.para)
        {
            continue;
        }
        if let Some(a) = paras.get(q.para + 1).and_then(|&(_, ns, ne)| ctx.dash_signature(ns, ne, &mut toks))
        {
            let mut j = i;
            loop {
                if attr[j].is_none() {
                    attr[j] = Some(a);
                }
                if j == 0
                    || pieces[j - 1].para + 1 < pieces[j].para
                    || !(pieces[j].cont_prev || pieces[j - 1].para == pieces[j].para)
                {
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
        // a person named in the words after the quote, in its sentence ("“...,” dock worker Ken
        // Moss, wearing a “Vote Price” pin, said"): the words are that person's, whatever cue
        // was missed, and not the previous paragraph's speaker's
        let sentence_end =
            text[q.close_end..].find(['.', '!', '?', '\n']).map_or(text.len(), |x| q.close_end + x);
        let named_after = known
            .iter()
            .any(|k| k.is_person && k.mentions.iter().any(|&(s, _)| s >= q.close_end && s < sentence_end));
        if attr[i].is_none()
            && !named_after
            && i > 0
            && pieces[i - 1].para + 1 == q.para
            && sentence_like(&text[q.start..q.end])
        {
            attr[i] = attr[i - 1];
        }
    }
    // pass 4b: forward again for pieces that follow a piece filled in pass 4
    for i in 1..n {
        if attr[i].is_none() && pieces[i - 1].para == pieces[i].para {
            attr[i] = attr[i - 1];
        }
    }

    // pass 4c: a quotation standing alone with no cue at all ("Pence showed the crowd a clip
    // of Gov. Hassan. ¶ “Governor Hassan, let me help you out”"): the person the sentence
    // before it is about, as a reader takes it
    for i in 0..n {
        let q = pieces[i];
        let (_, ps, _) = paras[q.para];
        let words = &text[q.start..q.end];
        // (or a short sentence of its own after a sentence of the paragraph: "Mary Okafor
        // disagreed. “They are over.”")
        let own_sentence = word_count(words) >= 2
            && words.starts_with(char::is_uppercase)
            && words.trim_end().ends_with(['.', '!', '?'])
            && text[ps..q.open].trim_end().ends_with(['.', '!', '?']);
        if attr[i].is_some() || !(standalone(words) && sentence_like(words) || own_sentence) {
            continue;
        }
        let window = if text[ps..q.open].trim().is_empty() {
            q.para.checked_sub(1).map(|k| (paras[k].1, paras[k].2))
        } else {
            Some((ps, q.open))
        };
        if let Some((s, e)) = window {
            attr[i] = salient_subject(&ctx, s, e, &mut toks);
        }
    }

    // a headline quoting after a colon: the name opening it speaks
    let mut headline = vec![false; n];
    for i in 0..n {
        if let Some(h) = headline_speaker(&ctx, pieces[i]) {
            let (_, ps, _) = paras[pieces[i].para];
            let opens_line = |a: &Attr| text.get(ps..a.s).is_some_and(|x| x.trim().is_empty());
            let replace = match attr[i] {
                None => true,
                // "Trump Addresses Munich Attack: ‘...’": the known name, not the whole run
                // when a verb follows it ("Praises", "Addresses"; in "McCain Challenger Kelli
                // Ward: ..." a role does, and the run is one name)
                Some(a) => {
                    !opens_line(&a)
                        || (a.s == h.s && h.e < a.e && h.kind == MK::Name && {
                            let nx = text[h.e..a.e].split_whitespace().next().unwrap_or("");
                            nx.len() > 3 && nx.ends_with('s') && !nx.ends_with("ss") && !text::is_possessive(nx)
                        })
                        // the sentence's subject alone, which would not keep a short quote
                        || (attr[i] == info[i].weak && a.s == h.s && h.e >= a.e)
                }
            };
            if replace {
                attr[i] = Some(h);
                headline[i] = true;
            }
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
        let weak_only = !headline[i]
            && info[i].attr.is_none()
            && info[i].prev.is_none()
            && attr[i].is_some()
            && attr[i] == info[i].weak;
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

/// The speaker of a quote in a headline that has a colon before it ("Cruz: Trump Would Put
/// Liberals On Court, ‘I Fear ...’", "Donald Trump Praises Editor Matthew Boyle: ‘Very Good
/// Reporter.’"): headlinese puts the speaker first, so the name opening the line, when it is a
/// person or organization the article names ([`MK::Name`]), or the words before the colon
/// when they are a short run of capitalized words ([`MK::Label`]).
fn headline_speaker(ctx: &Ctx, p: Piece) -> Option<Attr> {
    let &(_, ps, pe) = ctx.paras.first()?;
    let t = ctx.t;
    if p.para != 0 || pe - ps > 300 || t[ps..pe].contains('\n') || p.open <= ps {
        return None;
    }
    let head = &t[ps..p.open];
    let colon = ps + head.find(':')?;
    let start = ps + (head.len() - head.trim_start().len());
    // (a headline's words may be cut into several mentions: "John" "McCain" for the person
    // "John McCain", whose whole name the line then writes)
    let known = ctx
        .known
        .iter()
        .filter(|k| k.is_person || k.is_org)
        .filter(|k| k.mentions.iter().any(|&(s, _)| s == start))
        .map(|k| {
            let whole = t[start..colon].starts_with(k.name);
            let m = k.mentions.iter().filter(|&&(s, e)| s == start && e <= colon).map(|x| x.1).max();
            (
                if whole { m.unwrap_or(start).max(start + k.name.len()) } else { m.unwrap_or(start) },
                k.is_person,
            )
        })
        .filter(|&(e, _)| e > start)
        .max();
    if let Some((e, person)) = known {
        return Some(mention(start, e, if person { MK::Name } else { MK::Phrase }));
    }
    let label = t[start..colon].trim_end();
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || !words.iter().all(|w| text::is_cap(w) && !cap_stop(w) && !text::is_possessive(w))
    {
        return None;
    }
    Some(mention(start, start + label.len(), MK::Label))
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
        // (prepositions stay lowercase in Title Case: "The Late Hour with Nora Quill")
        .filter(|w| !text::lower_eq(w, lexicon::TITLE_CASE_LONG_PREPOSITIONS))
        .all(|w| !text::is_lower(w.trim_start_matches(|c: char| !c.is_alphanumeric())));
    if !capitalized || !text::is_cap(words.trim_start_matches(|c: char| !c.is_alphanumeric())) {
        return false;
    }
    let before = t[para_start..p.open].trim_end();
    let prev = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    // "his new book, “Doomed to Succeed,”": the noun before an appositive's comma
    let bare = prev.trim_end_matches([',', ':']);
    // "called “Los Hijos de Trump,” or “Sons of Trump”": a second title after a first
    let after_title = text::lower_eq(bare, &["or", "and"]) && {
        let b = before[..before.len() - prev.len()].trim_end().trim_end_matches(',');
        b.ends_with(['”', '"']) || b.ends_with("''")
    };
    after_title
        || text::is_possessive(prev)
        || (bare.len() < prev.len() && text::lower_eq(bare, lexicon::WORK_NOUNS))
        || text::lower_eq(prev, &["in"])
        || text::lower_eq(prev, lexicon::WORK_NOUNS)
        || text::lower_eq(prev, lexicon::TITLE_OPENERS)
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
    word_count(s) >= 4
        && s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '…' || c == '.')
}

/// Quoted words with no cue kept as a quote of nobody: a sentence, not a scare quote or title.
fn standalone(s: &str) -> bool {
    let s = s.trim();
    let wc = word_count(s);
    wc >= 8 || (sentence_like(s) && s.ends_with(['.', '!', '?', ',']) && wc >= 5)
}

/// The subject of the last sentence of `[s, e)` when it is a person: a name the recognizer
/// knows as one, or "he" or "she".
fn salient_subject(ctx: &Ctx, s: usize, e: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
    let start = last_sentence(ctx.t, s, e, toks);
    let win = &toks[start..];
    if win.iter().any(|x| x.k == K::Mark) {
        return None;
    }
    let m = ctx.first_subject(win, win.len())?;
    let first = win.iter().find(|x| x.s == m.s)?;
    let person = match m.kind {
        MK::Pronoun => text::lower_eq(&ctx.t[m.s..m.e], &["he", "she"]),
        MK::Name => ctx.known_at(first) == Some(true),
        _ => false,
    };
    person.then_some(Attr { cue: (0, 0), cue_kind: CueText::Context, ..m })
}

/// Tokenizes the end of `[s, e)` (its last 600 bytes at most) into `toks` and returns the
/// index of the token that opens its last sentence.
fn last_sentence(t: &str, s: usize, e: usize, toks: &mut Vec<Tok>) -> usize {
    text::tokenize(t, s.max(back(t, e, 600)), e, toks);
    (0..toks.len().saturating_sub(1)).rev().find(|&k| is_boundary(t, toks, k)).map_or(0, |k| k + 1)
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
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '’');
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
    if letters > 1 && label.split_whitespace().any(|w| text::lower_eq(w, lexicon::HEADLINE_LABEL_WORDS)) {
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
    /// a credited source (its span) and the speaker its sentence names ("Obama said, according
    /// to a pool report"): the source is the mention, the speaker is the name
    via: std::cell::RefCell<Vec<((usize, usize), Attr)>>,
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

fn mention(s: usize, e: usize, kind: MK) -> Attr {
    Attr { s, e, kind, cue: (0, 0), cue_kind: CueText::Colon }
}

/// Capitalized words that start sentences but are no names.
fn cap_stop(w: &str) -> bool {
    text::function_word(w)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    M,
    F,
}

impl From<lexicon::Gender> for Gender {
    fn from(g: lexicon::Gender) -> Self {
        match g {
            lexicon::Gender::Male => Gender::M,
            lexicon::Gender::Female => Gender::F,
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_signatures;
