//! Mentions the tagger got wrong in ways grammar settles, repaired before names are grouped:
//! a person after a capitalized title that the tagger missed ("Commerce Secretary Julia
//! Banks"), a title inside a run that splits it between an organization or a place and a
//! person, and a nickname in quotation marks that split a person's name in three.

use super::model::*;
use super::resolve::Mention;
use super::tokenize::*;
use super::train::{GAZ_COUNTRY, GAZ_LAST, GAZ_PLACE};
use super::words::*;

/// A person the tagger missed after a capitalized title ("Commerce Secretary Julia Banks", all
/// untagged): a title, a first name and one or two capitalized words, none tagged; or the
/// first name the tagger left out before the rest of the name it found ("K. Banks").
pub(super) fn persons_after_titles(d: &Doc, ms: &mut Vec<Mention>, tagged: &mut [bool]) {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    for &(lo, hi) in &d.paras {
        let mut x = lo + 1;
        while x + 1 < hi {
            let untagged_cap = |y: usize| {
                !tagged[y]
                    && toks[y].flags & INIT_UPPER != 0
                    && toks[y].flags & HAS_LOWER != 0
                    && !never_name(word(y))
            };
            // (the flags first: most tokens are lowercase or tagged)
            let cheap = |y: usize| !tagged[y] && toks[y].flags & INIT_UPPER != 0;
            if cheap(x - 1)
                && cheap(x)
                && toks[x + 1].flags & INIT_UPPER != 0
                && untagged_cap(x - 1)
                && crate::extract::names::is_role_word(word(x - 1))
                && untagged_cap(x)
                && crate::extract::lexicon::is_first_name(word(x))
                && !is_title(word(x))
                && toks[x].s == toks[x - 1].e + 1
                && toks[x + 1].s == toks[x].e + 1
            {
                // the tagger found the rest of the name ("Secretary Julia K. Banks" tagged
                // "K. Banks"): the first name joins it
                if tagged[x + 1] {
                    if let Some(m) = ms.iter_mut().find(|m| m.lo == x + 1 && m.kind == 0) {
                        m.lo = x;
                        tagged[x] = true;
                    }
                    x += 1;
                    continue;
                }
                // (a middle initial: "Julia K. Banks")
                let y = if is_initial(word(x + 1)) && !tagged[x + 1] { x + 2 } else { x + 1 };
                if y >= hi || !untagged_cap(y) || toks[y].s != toks[y - 1].e + 1 {
                    x += 1;
                    continue;
                }
                let e = y + 1;
                ms.push(Mention { lo: x, hi: e, kind: 0 });
                for t in &mut tagged[x..e] {
                    *t = true;
                }
                x = e;
                continue;
            }
            x += 1;
        }
    }
}

/// A nickname in quotation marks inside a person's name is the name's: Robert C. "Bobby"
/// Scott is one person, not three (the nickname tagged on its own or not at all). `ms` is in
/// text order.
pub(super) fn join_nicknames(d: &Doc, ms: Vec<Mention>) -> Vec<Mention> {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let quote_mark = |y: usize| matches!(word(y), "\"" | "“" | "”" | "'" | "‘" | "’");
    let mut merged: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut y = 0;
    while y < ms.len() {
        let m = ms[y];
        let x = m.hi;
        let nickname_at = m.kind == 0
            && x + 3 < toks.len()
            && quote_mark(x)
            && quote_mark(x + 2)
            && toks[x + 1].flags & INIT_UPPER != 0;
        if nickname_at {
            // the mentions after it: the nickname's own (optional), then the rest of the name
            let mut z = y + 1;
            if z < ms.len() && ms[z].lo == x + 1 && ms[z].hi == x + 2 {
                z += 1;
            }
            if z < ms.len() && ms[z].lo == x + 3 && ms[z].kind == 0 {
                merged.push(Mention { lo: m.lo, hi: ms[z].hi, kind: 0 });
                y = z + 1;
                continue;
            }
        }
        merged.push(m);
        y += 1;
    }
    merged
}

/// A person's name the tagger cut at its particles ("José Garcia | da | Silva", "da" left
/// out): a person, one or two lowercase name particles, and a capitalized word, untagged or a
/// short person or place mention, are one person.
pub(super) fn join_particles(d: &Doc, ms: Vec<Mention>) -> Vec<Mention> {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let particle = |k: usize| {
        k < toks.len()
            && crate::extract::lexicon::lower_eq(word(k), crate::extract::lexicon::NAME_PARTICLES)
            && toks[k].flags & HAS_UPPER == 0
    };
    let spaced = |k: usize| toks[k].s == toks[k - 1].e + 1;
    let mut merged: Vec<Mention> = Vec::with_capacity(ms.len());
    let mut y = 0;
    while y < ms.len() {
        let m = ms[y];
        let x = m.hi;
        if m.kind == 0 && particle(x) && spaced(x) {
            let z = if particle(x + 1) && spaced(x + 1) { x + 2 } else { x + 1 };
            let cap = z < toks.len()
                && spaced(z)
                && toks[z].flags & INIT_UPPER != 0
                && toks[z].flags & HAS_LOWER != 0
                && !never_name(word(z));
            let next = ms.get(y + 1).filter(|n| n.lo == z);
            // (an institution the tagger took for a person stays apart: "Banque Generale du
            // Luxembourg")
            let org = (m.lo..m.hi).any(|k| crate::extract::names::is_org_like(word(k)));
            if cap && !org {
                match next {
                    Some(n) if matches!(n.kind, 0 | 2) && n.hi - n.lo <= 2 => {
                        merged.push(Mention { lo: m.lo, hi: n.hi, kind: 0 });
                        y += 2;
                        continue;
                    }
                    None if ms.get(y + 1).is_none_or(|n| n.lo > z) => {
                        merged.push(Mention { lo: m.lo, hi: z + 1, kind: 0 });
                        y += 1;
                        continue;
                    }
                    _ => {}
                }
            }
        }
        merged.push(m);
        y += 1;
    }
    merged
}

/// The head of an institution's or a place's name before "of" and the name the tagger found,
/// capitalized, untagged and in mid-sentence: "District of | Columbia", "Bank of | England",
/// "Department of | Homeland Security". The mention grows over it and takes the head's kind.
pub(super) fn heads_before_of(d: &Doc, ms: &mut [Mention]) {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    for x in 0..ms.len() {
        let m = &ms[x];
        if m.lo < 2 || m.kind == 0 || word(m.lo - 1) != "of" {
            continue;
        }
        let h = m.lo - 2;
        if toks[h].flags & (INIT_UPPER | SENT_START) != INIT_UPPER
            || toks[h].e + 1 != toks[h + 1].s
            || ms.iter().any(|o| o.lo <= h && h < o.hi)
            // (not after a word of direction: "Southern District of New York" is a court's
            // district, whose first word the tagger did not find)
            || (h > 0 && crate::extract::lexicon::DIRECTION_WORDS.contains(&word(h - 1)))
        {
            continue;
        }
        let head = word(h);
        // (an institution's head after a capitalized word ends a longer name the tagger did not
        // find: "Young Presidents Organization of Cincinnati")
        let capital_before = h > 0 && toks[h - 1].flags & INIT_UPPER != 0 && toks[h - 1].e + 1 == toks[h].s;
        let kind = if crate::extract::lexicon::ORG_HEADS.contains(&head) && !capital_before {
            1
        } else if crate::extract::lexicon::PLACE_HEADS_BEFORE_OF.contains(&head) {
            2
        } else {
            continue;
        };
        // (in a paragraph, not across its start: the head is a word of the same paragraph)
        if d.paras.iter().any(|&(lo, hi)| lo <= h && m.hi <= hi) {
            ms[x].lo = h;
            ms[x].kind = kind;
        }
    }
}

/// An initial that ends a run tagged apart, right before a person's name, opens the person's
/// name ("White House Counsel W. | Neil Eggleston": the person is W. Neil Eggleston, and the
/// run before it keeps its other words). `ms` is in text order.
pub(super) fn initial_to_person(d: &Doc, ms: &mut [Mention]) {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    for x in 1..ms.len() {
        let (m, next) = (&ms[x - 1], &ms[x]);
        if m.kind != 0
            && next.kind == 0
            && m.hi == next.lo
            && m.hi - m.lo >= 2
            && is_initial(word(m.hi - 1))
            && toks[next.lo].s == toks[m.hi - 1].e + 1
        {
            ms[x - 1].hi -= 1;
            ms[x].lo -= 1;
        }
    }
}

/// A title inside an organization's name is a person's after it ("Federal Reserve Chair Janet
/// L. Yellen", "White House Counsel W. Neil Eggleston"): the words before the title are the
/// organization's (or a place's: "Ohio Gov. John Kasich"), those after it the person's.
pub(super) fn split_at_titles(model: &Model, d: &Doc, mut ms: Vec<Mention>) -> Vec<Mention> {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    // (the words before the title are a place when the gazetteer knows each as one and none
    // is an organization's: "Ohio Gov. John Kasich", "Maryland Gov. Martin O'Malley")
    let place_or = |lo: usize, hi: usize, kind: u8| {
        // (nor an acronym, "UN", nor a common word that is also some place's name, "Most", nor
        // a party's, "Liberal Democrat")
        let place = (lo..hi).all(|x| {
            let w = word(x);
            model.lex_of_word(w)[1] & (GAZ_PLACE | GAZ_COUNTRY) != 0
                && !crate::extract::names::is_org_like(w)
                && !crate::extract::lexicon::lower_eq(w, crate::extract::lexicon::PARTY_WORDS)
                && w.chars().any(char::is_lowercase)
                && !super::usually_lowercase(&w.to_lowercase())
        });
        if place {
            2
        } else {
            kind
        }
    };
    // (and so are such words tagged apart before the title of an office of a place: "Ohio |
    // Gov. John Kasich", "the Alabama | Republican"; not "Goodyear Chairman")
    for m in ms.iter_mut() {
        if m.kind != 0
            && m.hi < toks.len()
            && toks[m.hi].flags & INIT_UPPER != 0
            && crate::extract::lexicon::lower_eq(word(m.hi), crate::extract::lexicon::PLACE_OFFICES)
        {
            m.kind = place_or(m.lo, m.hi, m.kind);
        }
    }
    let mut split: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        let at = (m.hi - m.lo >= 3)
            .then(|| {
                (m.lo + 1..m.hi - 1).find(|&x| {
                    toks[x].flags & INIT_UPPER != 0
                        && crate::extract::names::is_role_word(word(x))
                        && (crate::extract::lexicon::is_first_name(word(x + 1))
                            || is_initial(word(x + 1))
                            // (or two or three words after it, the last a surname: "Homeland
                            // Security Secretary Jeh Johnson")
                            || ((3..=4).contains(&(m.hi - x))
                                && model.lex_of_word(word(m.hi - 1))[1] & GAZ_LAST
                                    != 0))
                })
            })
            .flatten();
        match at {
            Some(x) => {
                // (before a person's title, words of an affiliation: "Clinton Communication
                // Director Jennifer Palmieri")
                if m.kind != 0 {
                    split.push(Mention { lo: m.lo, hi: x, kind: place_or(m.lo, x, m.kind) });
                }
                split.push(Mention { lo: x + 1, hi: m.hi, kind: 0 });
            }
            // a run that ends with the title of a name after it ("Homeland Security
            // Secretary | Jeh Johnson"): the title is the person's, not the organization's
            None if m.kind != 0
                && m.hi < toks.len()
                && toks[m.hi - 1].flags & INIT_UPPER != 0
                && toks[m.hi].flags & INIT_UPPER != 0
                && crate::extract::names::is_role_word(word(m.hi - 1))
                && !crate::extract::names::is_org_like(word(m.hi - 1)) =>
            {
                // (a title alone, "Counsel | W. Neil Eggleston", is no name)
                if m.hi - m.lo >= 2 {
                    split.push(Mention { lo: m.lo, hi: m.hi - 1, kind: place_or(m.lo, m.hi - 1, m.kind) })
                }
            }
            // a title, then a first name, tagged an organization: the person with the title
            // ("Mayor Bill de Blasio", "Senator Tim Kaine"), unless the name ends in an
            // organization's word ("Senator John Heinz History Center")
            None if m.kind == 1
                && m.hi - m.lo >= 3
                && toks[m.lo].flags & INIT_UPPER != 0
                && crate::extract::names::is_role_word(word(m.lo))
                && crate::extract::lexicon::is_first_name(word(m.lo + 1))
                && !(m.lo + 1..m.hi).any(|x| crate::extract::names::is_org_like(word(x))) =>
            {
                split.push(Mention { lo: m.lo + 1, hi: m.hi, kind: 0 })
            }
            None => split.push(m),
        }
    }
    split
}

/// Whether the mention `[a, b)` of the paragraph `(lo, hi)`, in capitals, is the end of a
/// dateline's place that the tagger started late: one or two untagged words in capitals open
/// the paragraph before it, and a comma or a dash follows ("BEVERLY HILLS, Calif., Feb 26 -
/// ..." tagged on "HILLS" alone).
pub(super) fn dateline_opens_before(
    d: &Doc,
    tags: &[u8],
    (lo, hi): (usize, usize),
    a: usize,
    b: usize,
) -> bool {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    a > lo
        && a - lo <= 2
        && b < hi
        && (a..b).all(|x| toks[x].flags & HAS_LOWER == 0)
        && (lo..a).all(|x| {
            tags[x] == O
                && toks[x + 1].s == toks[x].e + 1
                && toks[x].flags & (HAS_LOWER | HAS_DIGIT) == 0
                && word(x).len() >= 2
                && word(x).chars().all(|c| c.is_ascii_uppercase())
        })
        && matches!(word(b), "," | "—" | "–" | "-")
}

/// Whether the one-word mention `[a, b)` of the paragraph `(lo, hi)` is a title alone,
/// abbreviated, before a capitalized word: the title of the names after it ("Sens. Ted Cruz
/// and Marco Rubio"), no name of its own. After a comma it is a state's ("Jackson, Miss.").
pub(super) fn abbreviated_title_alone(d: &Doc, (lo, hi): (usize, usize), a: usize, b: usize) -> bool {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    b == a + 1
        && b + 1 < hi
        && word(b) == "."
        && toks[b].s == toks[a].e
        && toks[b + 1].flags & INIT_UPPER != 0
        && (a == lo || word(a - 1) != ",")
        && (is_title(word(a)) || is_title(word(a).strip_suffix('s').unwrap_or("")))
}

/// A capitalized word tagged a name of its own kind (a nationality, an event: kind 3) between
/// a lowercase noun of role and a person's name is the person's first name: "talk host Rush
/// Limbaugh" (the tagger reads "Rush", a common word, apart). `ms` is sorted by position.
pub(super) fn first_word_after_role(d: &Doc, ms: Vec<Mention>) -> Vec<Mention> {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        if let Some(prev) = out.last_mut() {
            let joins = m.kind == 0
                && prev.kind == 3
                && prev.hi == m.lo
                && prev.hi - prev.lo == 1
                && prev.lo > 0
                && toks[prev.lo].s == toks[prev.lo - 1].e + 1
                && toks[m.lo].s == toks[prev.lo].e + 1
                && toks[prev.lo - 1].flags & INIT_UPPER == 0
                && crate::extract::names::is_role_word(word(prev.lo - 1));
            if joins {
                *prev = Mention { lo: prev.lo, hi: m.hi, kind: 0 };
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// The last word of a heading run into the text before a name written in mixed case belongs to
/// the heading, not to the name ("PROFITABILITY IMPROVES Dell, based in", "STEADY INTEREST RATES
/// Thayer added"): the words of one name are written one way, and this one ends a run of words
/// in capitals and is a common word (`names::heading_word`). An acronym after a lowercase word
/// stays ("by JP Morgan", "UBS Securities"), and so does a paragraph in capitals, where every
/// word is written so.
pub(super) fn heading_word_before_name(d: &Doc, ms: &mut [Mention]) {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let capitals = |w: &str| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase());
    for m in ms.iter_mut().filter(|m| m.hi - m.lo >= 2 && m.lo > 0) {
        let (a, b) = (&toks[m.lo], &toks[m.lo + 1]);
        if a.flags & CAPS_PARA == 0
            && capitals(word(m.lo - 1))
            && b.flags & INIT_UPPER != 0
            && b.flags & HAS_LOWER != 0
            && crate::extract::names::heading_word(word(m.lo))
        {
            m.lo += 1;
        }
    }
}

/// A possessive inside a mention ends the owner's name, and what follows it is a name of its
/// own: "The Washington Post's Ed O'Keefe" is the Washington Post and Ed O'Keefe. The words
/// after the possessive open with a first name, and are a person's when the tagger tagged one
/// of them so ("Chelsea's John Terry"). The tagger runs such phrases together when it tags the
/// possessive inside a name.
pub(super) fn split_at_inner_possessives(d: &Doc, tags: &[u8], ms: Vec<Mention>) -> Vec<Mention> {
    let (text, toks) = (d.text, &d.toks);
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        let at = (m.lo + 1..m.hi.saturating_sub(2)).find(|&x| {
            matches!(word(x), "'s" | "’s")
                && toks[x].s == toks[x - 1].e
                && toks[x + 1].flags & INIT_UPPER != 0
                && toks[x + 1].flags & HAS_LOWER != 0
                && crate::extract::lexicon::is_first_name(word(x + 1))
        });
        match at {
            Some(x) => {
                // (the owner keeps the mention's kind unless that was the person's; the words
                // after it are a person's unless an organization's head ends them: "the Defense
                // Department's Ada Validation Facility")
                let owner = if m.kind == 0 { 1 } else { m.kind };
                let rest = &text[toks[x + 1].s as usize..toks[m.hi - 1].e as usize];
                let person_tag = (x + 1..m.hi).any(|y| tags[y] != O && tag_kind(tags[y]) == 0);
                let kind = if person_tag && !crate::extract::names::is_org_like(rest) { 0 } else { owner };
                out.push(Mention { lo: m.lo, hi: x, kind: owner });
                out.push(Mention { lo: x + 1, hi: m.hi, kind });
            }
            None => out.push(m),
        }
    }
    out
}
