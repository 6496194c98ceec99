//! From tags to entities: mention spans, titles stripped, article-level propagation of names
//! tagged once, and grouping of mentions into entities with a canonical name (surnames to full
//! names, acronyms to their expansions, "Security Council" to "United Nations Security Council").

use super::context::mention_cues;
use super::model::*;
use super::repair;
use super::tokenize::*;
use super::train::{GAZ_COUNTRY, GAZ_FIRST, GAZ_LAST, GAZ_LAST_TOP, GAZ_PLACE};
use super::words::*;
use super::{Entity, EntityKind};
use crate::extract::lexicon::{self, ADJ_ADV_SUFFIXES, ORG_HEADS, ROLE_TITLES};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug)]
pub(super) struct Mention {
    pub(super) lo: usize,
    pub(super) hi: usize,
    pub(super) kind: u8,
}

struct Name<'a> {
    /// display words (as first seen outside an all-caps paragraph, if any)
    words: Vec<&'a str>,
    display: String,
    display_caps: bool,
    /// the words lowercased
    lower: Vec<Cow<'a, str>>,
    votes: [u32; 4],
    mentions: Vec<(usize, usize)>,
    /// some mention follows a title ("President Biden")
    after_title: bool,
    /// some mention follows a title only persons bear ("Mr. Obama", "Sen. Cruz")
    after_person_title: bool,
    /// mentions right after a determiner ("the iPod") and with an organization cue next to them
    /// ("automaker Chrysler", "Ford shares")
    det: u32,
    org_cue: u32,
    /// mentions as a modifier: [none, of a party or people's member, of a club's member]
    adj: [u32; 3],
    first: usize,
    parent: usize,
}

pub(crate) fn entities(model: &Model, d: &mut Doc, tags: &[u8]) -> Vec<Entity> {
    let text = d.text;
    let toks = &d.toks;
    // 1. mentions from tags, within paragraphs: a mention runs on over I- tags of any kind (its
    // kind is that of most of its tokens), and persons side by side are one person
    let word = |k: usize| &text[toks[k].s as usize..toks[k].e as usize];
    let mut ms: Vec<Mention> = Vec::new();
    let mut tagged = vec![false; toks.len()];
    for &(lo, hi) in &d.paras {
        let mut i = lo;
        while i < hi {
            let t = tags[i];
            if t == O {
                i += 1;
                continue;
            }
            let mut votes = [0u32; 4];
            votes[tag_kind(t) as usize] += 2;
            let mut j = i + 1;
            loop {
                // a place's name never runs over a lowercase "in" ("La Guardia Airport in
                // Queens"; an organization's may: "Board of Control for Cricket in India")
                while j < hi
                    && tags[j] != O
                    && !is_begin(tags[j])
                    && !(word(j) == "in" && votes[2] * 2 > votes.iter().sum::<u32>())
                    && !(word(j) == "/" && toks[j].s == toks[j - 1].e)
                    // nor over a sentence's end ("Sen. Bernie Sanders (I-Vt.). Clinton")
                    && !matches!(word(j), "." | "?" | "!")
                    && !word(j - 1).ends_with(").")
                {
                    votes[tag_kind(tags[j]) as usize] += 1;
                    j += 1;
                }
                // B-PER right after a person: one name ("Aaron David Miller"); and after a lone
                // initial, whatever its tag ("W. Neil Eggleston")
                let initial = j == i + 1 && is_initial(word(i));
                if j < hi
                    && tags[j] == btag(0)
                    && (votes[0] * 2 > votes.iter().sum::<u32>() || initial)
                    && toks[j - 1].flags & HAS_ALPHA != 0
                {
                    if initial {
                        votes[0] += 4;
                    }
                    votes[0] += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            let mut k = 0;
            for x in 1..4 {
                if votes[x] > votes[k] {
                    k = x;
                }
            }
            let k = k as u8;
            // trim tokens without letters or digits at both ends, and titles of persons
            let (mut a, mut b) = (i, j);
            while a < b && toks[a].flags & (HAS_ALPHA | HAS_DIGIT) == 0 {
                a += 1;
            }
            while b > a && toks[b - 1].flags & (HAS_ALPHA | HAS_DIGIT) == 0 {
                b -= 1;
            }
            // a possessive after a name of two words or more is the sentence's, not the name's
            // ("The Post's Greg Sargent", "the Washington Post's"; "Moody's" stays)
            if b - a >= 3 && matches!(word(b - 1), "'s" | "’s" | "'S" | "’S") {
                b -= 1;
            }
            let mut k = k;
            // an organization's name that the tagger started a word or two late: after a word
            // that is a title before a person's name ("General Motors Co."), or before a head
            // that ends organizations' names ("Cornell University", "Economic Policy
            // Institute"), a capitalized word in mid-sentence, untagged, joined by one space
            if k == 1 && a == i {
                let head = ORG_HEADS.contains(&word(b - 1)) || in_list(word(b - 1), L_ORG_SUFFIX);
                let mut n = 0;
                while n < 2
                    && a > lo
                    && tags[a - 1] == O
                    && toks[a - 1].flags & INIT_UPPER != 0
                    && toks[a - 1].flags & HAS_LOWER != 0
                    && !word(a - 1).ends_with('.')
                    && toks[a].s == toks[a - 1].e + 1
                    && (is_title(word(a - 1))
                        || (head
                            && toks[a - 1].flags & SENT_START == 0
                            && !never_name(word(a - 1))
                            && !crate::extract::lexicon::lower_eq(
                                word(a - 1),
                                crate::extract::lexicon::FUNCTION_WORDS,
                            )))
                {
                    a -= 1;
                    n += 1;
                }
            }
            // a name in capitals runs on over the untagged words in capitals after it, in a
            // paragraph not written in capitals: "USA TODAY" is one name, a publication's, not
            // the place "USA"
            if toks[a].flags & CAPS_PARA == 0 && (a..b).all(|x| toks[x].flags & HAS_LOWER == 0) {
                let mut grew = false;
                while b < hi
                    && tags[b] == O
                    && toks[b].s == toks[b - 1].e + 1
                    && toks[b].flags & (HAS_LOWER | HAS_DIGIT) == 0
                    && word(b).len() >= 3
                    && word(b).chars().all(|c| c.is_ascii_uppercase())
                {
                    b += 1;
                    grew = true;
                }
                if grew && k == 2 {
                    k = 1;
                }
            }
            // a dateline's place that the tagger started late ("BEVERLY HILLS, Calif." on "HILLS")
            if repair::dateline_opens_before(d, tags, (lo, hi), a, b) {
                a = lo;
                k = 2;
            }
            if k == 0 {
                // "General Motors (Co.)" is no title and a name: a word after the title that
                // ends organizations' names makes the whole an organization's
                if b - a >= 2 && is_title(word(a)) && (a + 1..b).any(|x| in_list(word(x), L_ORG_SUFFIX)) {
                    k = 1;
                }
                while k == 0
                    && b - a > 1
                    && (is_title(word(a))
                        || toks[a].flags & INIT_UPPER != 0
                            && !crate::extract::lexicon::is_first_name(word(a))
                            && crate::extract::lexicon::lower_eq(word(a), ROLE_TITLES))
                {
                    a += 1;
                }
            }
            // pronouns, interjections and discourse words are no names nor their first words
            // ("We", "Hey Frank", "However")
            while a < b && (never_name(word(a)) || word(a) == "in" || word(a).ends_with(").")) {
                a += 1;
            }
            // nor a next sentence's first word ("the U.S. The proposal")
            while b > a + 1 && lexicon::is_sentence_opener(word(b - 1)) {
                b -= 1;
            }
            // a title alone, abbreviated, is no name ("Sens. Ted Cruz and Marco Rubio")
            if repair::abbreviated_title_alone(d, (lo, hi), a, b) {
                i = j;
                continue;
            }
            // a sentence-initial adverb, participle or adjective ("Unfortunately, ...",
            // "Alarmed by ...", "Subsequent estimates"): a word of that form that no gazetteer
            // knows as a name, before a comma or a lowercase word
            if b == a + 1
                && toks[a].flags & (SENT_START | CAPS_PARA) == SENT_START
                && word(a).len() >= 6
                && ADJ_ADV_SUFFIXES.iter().any(|x| word(a).ends_with(x))
                && !word(a).contains('-')
                && (b >= hi || word(b) == "," || toks[b].flags & (HAS_UPPER | HAS_LOWER) == HAS_LOWER)
            {
                let l = model.lex_of_word(word(a));
                let known = GAZ_FIRST | GAZ_LAST | GAZ_PLACE | GAZ_COUNTRY;
                if l[0] <= 2 && l[1] & known == 0 {
                    i = j;
                    continue;
                }
            }
            // a name before a lowercase "party" is the party's ("the left-wing Labor party")
            if b > a && b < hi && matches!(word(b), "party" | "parties") {
                k = 1;
            }
            // a department in a title ("Minister of Strategic Affairs", "Defense Secretary")
            if k != 0 && b > a {
                let next = if b < hi { word(b) } else { "" };
                let title_after = lexicon::is_minister_title(next);
                let title_before = a >= lo + 2
                    && matches!(word(a - 1), "of")
                    && lexicon::is_minister_title_before_of(word(a - 2));
                if title_after || title_before {
                    i = j;
                    continue;
                }
            }
            // the labels of a wire story's credit line are no names: "(Reporting by Mark
            // Felsenthal; Editing by Leslie Adler)", "Additional reporting by"
            let credit = |x: usize| x + 1 < hi && word(x).ends_with("ing") && word(x + 1) == "by";
            if b == a + 1
                && (a == lo || matches!(word(a - 1), "(" | ";" | "," | "and"))
                && (credit(a) || (b < hi && credit(b)))
            {
                i = j;
                continue;
            }
            if b > a {
                ms.push(Mention { lo: a, hi: b, kind: k });
                for x in &mut tagged[a..b] {
                    *x = true;
                }
            }
            i = j;
        }
    }
    if ms.is_empty() {
        return Vec::new();
    }
    // names joined over a connector: "Carnegie Endowment" for "International Peace",
    // "State of" "Israel"; a connector left dangling at the end of a name is dropped
    let mut joined: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if let Some(prev) = joined.last_mut() {
            let gap = m.lo - prev.hi;
            let last = word(prev.hi - 1);
            let dangling = lexicon::is_dangling_connector(last);
            let head = ORG_HEADS.contains(&last);
            let same_para = d.paras.iter().any(|&(lo, hi)| lo <= prev.lo && m.hi <= hi);
            if same_para && gap == 0 && dangling && prev.hi - prev.lo > 1 {
                prev.hi = m.hi;
                continue;
            }
            if same_para
                && gap == 1
                && head
                && prev.kind != 0
                && m.kind != 0
                && lexicon::is_org_joining_preposition(word(prev.hi))
            {
                prev.hi = m.hi;
                prev.kind = 1;
                continue;
            }
        }
        joined.push(m);
    }
    for m in joined.iter_mut() {
        while m.hi - m.lo > 1 && is_connector(word(m.hi - 1)) {
            m.hi -= 1;
        }
    }
    // a place named after a dotted acronym is two places ("U.S. Middle East")
    let mut split: Vec<Mention> = Vec::with_capacity(joined.len());
    for m in joined {
        let w0 = word(m.lo);
        if m.kind == 2
            && m.hi - m.lo >= 2
            && w0.len() >= 4
            && w0.ends_with('.')
            && w0[..w0.len() - 1].contains('.')
            && toks[m.lo + 1].flags & INIT_UPPER != 0
        {
            split.push(Mention { lo: m.lo, hi: m.lo + 1, kind: 2 });
            split.push(Mention { lo: m.lo + 1, hi: m.hi, kind: 2 });
        } else {
            split.push(m);
        }
    }
    ms = split;
    repair::initial_to_person(d, &mut ms);
    repair::heads_before_of(d, &mut ms);
    ms = repair::split_at_titles(model, d, ms);
    repair::persons_after_titles(d, &mut ms, &mut tagged);
    ms.sort_unstable_by_key(|m| m.lo);
    ms = repair::join_nicknames(d, ms);
    ms = repair::join_particles(d, ms);
    ms = repair::first_word_after_role(d, ms);
    ms = repair::split_at_inner_possessives(d, tags, ms);
    repair::heading_word_before_name(d, &mut ms);
    for x in tagged.iter_mut() {
        *x = false;
    }
    for m in &ms {
        for x in &mut tagged[m.lo..m.hi] {
            *x = true;
        }
    }

    // 2. propagation: a capitalized token sequence tagged somewhere is tagged alike elsewhere
    let mut dict: FastMap<u64, Vec<(usize, usize)>> = FastMap::default(); // first lw -> mention indices (lo, hi)
    for m in &ms {
        if d.toks[m.lo].flags & HAS_UPPER == 0 || m.hi - m.lo > 8 {
            continue;
        }
        let h = d.hash(m.lo).lw;
        let v = dict.entry(h).or_default();
        if !v.iter().any(|&(lo, hi)| same_seq(d, lo, hi, m.lo, m.hi)) {
            v.push((m.lo, m.hi));
        }
    }
    let mut added: Vec<Mention> = Vec::new();
    for &(lo, hi) in &d.paras.clone() {
        let mut i = lo;
        while i < hi {
            let f = d.toks[i].flags;
            if tagged[i] || f & HAS_UPPER == 0 {
                i += 1;
                continue;
            }
            let h = d.hash(i).lw;
            let mut best: Option<(usize, usize)> = None;
            if let Some(cands) = dict.get(&h) {
                for &(clo, chi) in cands {
                    let n = chi - clo;
                    if i + n > hi || best.is_some_and(|(bl, bh)| bh - bl >= n) {
                        continue;
                    }
                    if (i..i + n).any(|x| tagged[x]) {
                        continue;
                    }
                    let caps = f & CAPS_PARA != 0;
                    let ok = (0..n).all(|k| {
                        let a = d.hash(clo + k);
                        let b = d.hash(i + k);
                        if caps || d.toks[clo + k].flags & CAPS_PARA != 0 {
                            a.lw == b.lw
                        } else {
                            a.w == b.w
                        }
                    });
                    if !ok {
                        continue;
                    }
                    // a lone word at a sentence start that is usually lowercase is not propagated
                    if n == 1 && f & (SENT_START | CAPS_PARA) != 0 && model.case_of(h) == 1 {
                        continue;
                    }
                    best = Some((clo, chi));
                }
            }
            if let Some((clo, chi)) = best {
                let n = chi - clo;
                let k = ms.iter().find(|m| m.lo == clo && m.hi == chi).map(|m| m.kind).unwrap_or(3);
                added.push(Mention { lo: i, hi: i + n, kind: k });
                for x in &mut tagged[i..i + n] {
                    *x = true;
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
    ms.extend(added);

    // a lone word that is usually lowercase, capitalized only where a sentence starts or in an
    // all-caps line, is not a name ("So", "Readers")
    let lowercase_word = |m: &Mention, d: &mut Doc| {
        m.hi - m.lo == 1
            && d.toks[m.lo].flags & (SENT_START | CAPS_PARA) != 0
            && (1..=2).contains(&model.case_of(d.hash(m.lo).lw))
    };
    let mut keep_words: Vec<u64> = Vec::new();
    for m in &ms {
        if m.hi - m.lo == 1 && !lowercase_word(m, d) {
            keep_words.push(d.hash(m.lo).lw);
        }
    }
    let mut kept = Vec::with_capacity(ms.len());
    for m in ms {
        if lowercase_word(&m, d) && !keep_words.contains(&d.hash(m.lo).lw) {
            continue;
        }
        kept.push(m);
    }
    let ms = kept;

    // 3. distinct names
    let mut org_ends: Vec<usize> = ms.iter().filter(|m| m.kind == 1).map(|m| m.hi).collect();
    let mut org_starts: Vec<usize> = ms.iter().filter(|m| m.kind == 1).map(|m| m.lo).collect();
    let per_starts: Vec<usize> = {
        let mut v: Vec<usize> = ms.iter().filter(|m| m.kind == 0 && m.hi - m.lo >= 2).map(|m| m.lo).collect();
        v.sort_unstable();
        v
    };
    org_ends.sort_unstable();
    org_starts.sort_unstable();
    let mut names: Vec<Name> = Vec::with_capacity(ms.len());
    let mut by_key: FastMap<String, usize> = FastMap::with_capacity_and_hasher(ms.len(), Default::default());
    let mut key = String::new();
    let words_of = |m: &Mention| -> Vec<&str> {
        (m.lo..m.hi).map(|k| &text[d.toks[k].s as usize..d.toks[k].e as usize]).collect()
    };
    // the text ASCII-lowercased, for the lowercase words of names without allocations
    let ascii_lower = text.to_ascii_lowercase();
    let lower_of = |m: &Mention| -> Vec<Cow<str>> {
        (m.lo..m.hi)
            .map(|k| {
                let (s, e) = (d.toks[k].s as usize, d.toks[k].e as usize);
                let w = &text[s..e];
                if w.is_ascii() {
                    Cow::Borrowed(&ascii_lower[s..e])
                } else {
                    Cow::Owned(w.to_lowercase())
                }
            })
            .collect()
    };
    for full in &ms {
        // an organization's or place's name after "The" is the name without it ("The Washington
        // Post" is "Washington Post", "The United States" is "United States"; "The Hague" keeps
        // it); the mention keeps the article
        let the = full.hi - full.lo >= 3
            && (full.kind == 1 || full.kind == 2)
            && matches!(&text[d.toks[full.lo].s as usize..d.toks[full.lo].e as usize], "The" | "the");
        let m = &Mention { lo: full.lo + the as usize, ..*full };
        // the key: the words lowercased, joined by spaces
        key.clear();
        for k in m.lo..m.hi {
            if k > m.lo {
                key.push(' ');
            }
            let w = &text[d.toks[k].s as usize..d.toks[k].e as usize];
            if w.is_ascii() {
                key.extend(w.bytes().map(|c| c.to_ascii_lowercase() as char));
            } else {
                key.push_str(&w.to_lowercase());
            }
        }
        // (a name of several words in capitals, as a dateline writes it, is shown as the body
        // writes it when it does: "SALT LAKE CITY, Utah -" then "Salt Lake City")
        let caps = d.toks[m.lo].flags & CAPS_PARA != 0
            || (m.hi - m.lo >= 2 && (m.lo..m.hi).all(|x| d.toks[x].flags & HAS_LOWER == 0));
        let shown = (d.toks[m.lo].s as usize, d.toks[m.hi - 1].e as usize);
        let span = (d.toks[full.lo].s as usize, d.toks[m.hi - 1].e as usize);
        let ix = match by_key.get(key.as_str()) {
            Some(&ix) => ix,
            None => {
                names.push(Name {
                    words: words_of(m),
                    display: display_name(&text[shown.0..shown.1]),
                    display_caps: caps,
                    lower: lower_of(m),
                    votes: [0; 4],
                    mentions: Vec::new(),
                    after_title: false,
                    after_person_title: false,
                    det: 0,
                    org_cue: 0,
                    adj: [0; 3],
                    first: span.0,
                    parent: usize::MAX,
                });
                by_key.insert(key.clone(), names.len() - 1);
                names.len() - 1
            }
        };
        let after_title = m.lo > 0
            && d.toks[m.lo].flags & PARA_START == 0
            && d.toks[m.lo - 1].flags & INIT_UPPER != 0
            && is_title(&text[d.toks[m.lo - 1].s as usize..d.toks[m.lo - 1].e as usize]);
        // (only persons' and other names' mentions need them: the cues turn persons into
        // something else)
        let (det, mut org_cue, adj) =
            if m.kind == 0 || m.kind == 3 { mention_cues(d, m) } else { (false, false, 0) };
        // coordinated with an organization ("General Motors and Chrysler")
        if (m.kind == 0 || m.kind == 3) && m.hi - m.lo == 1 {
            let coord =
                |k: usize| matches!(&text[d.toks[k].s as usize..d.toks[k].e as usize], "and" | "or" | "&");
            if m.lo >= 2 && coord(m.lo - 1) {
                org_cue |= org_ends.binary_search(&(m.lo - 1)).is_ok();
            }
            if m.hi < d.toks.len() && coord(m.hi) {
                org_cue |= org_starts.binary_search(&(m.hi + 1)).is_ok();
            }
            // "Chelsea's John Terry": a possessive before a person's full name
            if m.hi + 1 < d.toks.len()
                && matches!(&text[d.toks[m.hi].s as usize..d.toks[m.hi].e as usize], "'s" | "’s")
            {
                org_cue |= per_starts.binary_search(&(m.hi + 1)).is_ok();
            }
        }
        let after_person_title = after_title
            && crate::extract::lexicon::lower_eq(
                text[d.toks[m.lo - 1].s as usize..d.toks[m.lo - 1].e as usize].trim_end_matches('.'),
                crate::extract::lexicon::PERSON_TITLES,
            );
        let n = &mut names[ix];
        n.after_title |= after_title;
        n.after_person_title |= after_person_title;
        n.det += det as u32;
        n.adj[adj as usize] += 1;
        n.org_cue += org_cue as u32;
        n.votes[m.kind.min(3) as usize] += 1;
        n.mentions.push(span);
        n.first = n.first.min(span.0);
        if n.display_caps && !caps {
            n.display_caps = false;
            n.words = words_of(m);
            n.display = display_name(&text[shown.0..shown.1]);
        }
    }
    let major = |v: &[u32; 4]| -> u8 {
        let mut b = 0;
        for k in 1..4 {
            if v[k] > v[b] {
                b = k;
            }
        }
        b as u8
    };

    // 4. links to a fuller name
    let nn = names.len();
    // acronyms
    let mut by_initials: FastMap<String, Vec<usize>> = FastMap::default();
    let mut by_last: FastMap<Cow<str>, Vec<usize>> = FastMap::default();
    let mut by_suffixed: FastMap<Cow<str>, Vec<usize>> = FastMap::default();
    for (j, n) in names.iter().enumerate() {
        if n.words.len() >= 2 && n.words.len() <= 8 {
            let ini = initials(&n.words, &n.lower);
            if ini.len() >= 2 {
                by_initials.entry(ini).or_default().push(j);
            }
        }
        if let Some(l) = n.lower.last() {
            by_last.entry(l.clone()).or_default().push(j);
        }
        // a person's name with a generational suffix, by the surname before it ("Kathleen M.
        // Dorsey Jr." for "Dorsey")
        if let [.., sur, suf] = &n.lower[..] {
            if n.lower.len() >= 3 && lexicon::NAME_SUFFIXES.contains(&suf.as_ref()) {
                by_suffixed.entry(sur.clone()).or_default().push(j);
            }
        }
    }
    let no_names: Vec<usize> = Vec::new();
    for i in 0..nn {
        if names[i].words.len() != 1 {
            continue;
        }
        if let Some(acr) = acronym(names[i].words[0]) {
            let mut best: Option<usize> = None;
            for &j in by_initials.get(&acr).unwrap_or(&no_names) {
                if j != i
                    && major(&names[j].votes) != 0
                    && best.is_none_or(|b| names[j].mentions.len() > names[b].mentions.len())
                {
                    best = Some(j);
                }
            }
            if let Some(j) = best {
                names[i].parent = j;
            }
        }
    }
    // a leading acronym expanded: "U.N. Security Council" -> "United Nations Security Council"
    for i in 0..nn {
        if names[i].words.len() < 2 || names[i].parent != usize::MAX {
            continue;
        }
        let first_key = names[i].lower[0].clone();
        let Some(&a) = by_key.get(&*first_key) else {
            continue;
        };
        let p = names[a].parent;
        if p == usize::MAX {
            continue;
        }
        let mut exp: Vec<Cow<str>> = names[p].lower.clone();
        exp.extend(names[i].lower[1..].iter().cloned());
        if let Some(&j) = by_key.get(&exp.join(" ")) {
            if j != i {
                names[i].parent = j;
            }
        }
    }
    // suffixes: surnames of persons, and multiword tails of organizations and places
    for i in 0..nn {
        if names[i].parent != usize::MAX {
            continue;
        }
        let n = names[i].lower.len();
        // a surname after "Mr." or "Sen." is a person's, whatever its votes
        let ki = if names[i].after_person_title { 0 } else { major(&names[i].votes) };
        let mut best: Option<usize> = None;
        let mut ambiguous = false;
        let cands = names[i].lower.last().and_then(|l| by_last.get(l)).unwrap_or(&no_names);
        for &j in cands.iter().take(64) {
            if j == i || names[j].lower.len() <= n {
                continue;
            }
            let kj = major(&names[j].votes);
            let tail = &names[j].lower[names[j].lower.len() - n..];
            // "Nora Quill" of "Nora J. Quill"
            let initials_only =
                ki == 0 && kj == 0 && n >= 2 && same_but_initials(&names[j].lower, &names[i].lower);
            if tail != &names[i].lower[..] && !initials_only {
                continue;
            }
            let small = names[i].mentions.len() <= 2 || ki == 0 || ki == 3;
            let ok = initials_only
                || if kj == 0 {
                    n <= 2 && small
                } else {
                    n >= 2 && ki != 0 && (kj == 1 || kj == 2 || kj == 3)
                };
            if !ok {
                continue;
            }
            // "of" tails are not names of the whole ("Bank of England" is not "England")
            if kj != 0 && is_connector(&names[j].lower[names[j].lower.len() - n - 1]) {
                continue;
            }
            match best {
                None => best = Some(j),
                Some(b) => {
                    // prefer the longer name when one contains the other, else it is ambiguous
                    let (lb, lj) = (&names[b].lower, &names[j].lower);
                    if lj.len() > lb.len() && (lj.ends_with(lb) || same_but_initials(lj, lb)) {
                        best = Some(j);
                    } else if !(lb.len() > lj.len() && (lb.ends_with(lj) || same_but_initials(lb, lj))) {
                        ambiguous = true;
                    }
                }
            }
        }
        // no other name ends with it: the one person whose name ends with it and a suffix,
        // when one word is written apart ("Dorsey" of "Kathleen M. Dorsey Jr.")
        if best.is_none() && !ambiguous && n == 1 && (ki == 0 || names[i].mentions.len() <= 2) {
            let suffixed = names[i].lower.last().and_then(|l| by_suffixed.get(l)).unwrap_or(&no_names);
            let people: Vec<usize> =
                suffixed.iter().copied().filter(|&j| j != i && major(&names[j].votes) == 0).collect();
            if let [j] = people[..] {
                best = Some(j);
            }
        }
        if let (Some(j), false) = (best, ambiguous) {
            names[i].parent = j;
        }
    }
    // a first name alone is the one person of the article who has it ("Steve" for "Steve Jobs")
    for i in 0..nn {
        if names[i].parent != usize::MAX || names[i].words.len() != 1 || major(&names[i].votes) != 0 {
            continue;
        }
        let g = model.lex_of_word(names[i].words[0])[1];
        if g & GAZ_FIRST == 0 {
            continue;
        }
        let mut best: Option<usize> = None;
        let mut n_full = 0;
        for j in 0..nn {
            if j != i
                && names[j].lower.len() >= 2
                && names[j].lower[0] == names[i].lower[0]
                && major(&names[j].votes) == 0
                && names[j].parent == usize::MAX
            {
                n_full += 1;
                best = Some(j);
            }
        }
        if n_full == 1 {
            names[i].parent = best.unwrap_or(usize::MAX);
        } else if n_full > 1 {
            // several: the one named far more often than the others ("Steve Jobs", "Steve Wozniak")
            let mut c: Vec<(usize, usize)> = (0..nn)
                .filter(|&j| {
                    j != i
                        && names[j].lower.len() >= 2
                        && names[j].lower[0] == names[i].lower[0]
                        && major(&names[j].votes) == 0
                        && names[j].parent == usize::MAX
                })
                .map(|j| {
                    let r = (0..nn)
                        .filter(|&x| names[x].parent == j)
                        .map(|x| names[x].mentions.len())
                        .sum::<usize>();
                    (names[j].mentions.len() + r, j)
                })
                .collect();
            c.sort_unstable_by(|a, b| b.cmp(a));
            if c.len() >= 2 && c[0].0 >= 3 * c[1].0.max(1) {
                names[i].parent = c[0].1;
            }
        }
    }
    // roots
    let root = |mut i: usize, names: &Vec<Name>| {
        let mut steps = 0;
        while names[i].parent != usize::MAX && steps < 16 {
            i = names[i].parent;
            steps += 1;
        }
        i
    };
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut gi: FastMap<usize, usize> = FastMap::default();
    for i in 0..nn {
        let r = root(i, &names);
        let g = *gi.entry(r).or_insert_with(|| {
            groups.push((r, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    // surnames the article writes after a title only persons bear ("Mr. Bush")
    let titled: Vec<&str> =
        names.iter().filter(|n| n.after_person_title && n.words.len() == 1).map(|n| n.words[0]).collect();
    // whether the one word of name r is the surname of a person the article names in full
    // ("Fiorina" with "Carly Fiorina" and "Frank Fiorina")
    let surname_of_full: Vec<bool> = (0..nn)
        .map(|r| {
            names[r].lower.len() == 1
                && names[r].lower.last().and_then(|l| by_last.get(l)).is_some_and(|c| {
                    c.iter().any(|&j| j != r && names[j].lower.len() >= 2 && major(&names[j].votes) == 0)
                })
        })
        .collect();
    let mut out: Vec<Entity> = Vec::with_capacity(groups.len());
    // whether each entity of `out` is written after a title only persons bear
    let mut out_titled: Vec<bool> = Vec::with_capacity(groups.len());
    for (r, members) in groups {
        let mut votes = [0u32; 4];
        let mut mentions = Vec::new();
        for &m in &members {
            for (v, x) in votes.iter_mut().zip(names[m].votes) {
                *v += x;
            }
            mentions.extend(names[m].mentions.iter().copied());
        }
        // other (adjectival uses: "the Biden administration") counts less than a name's kind
        let named = votes[0] + votes[1] + votes[2];
        if named * 3 >= votes[3] && named > 0 {
            votes[3] = 0;
        }
        let mut k = major(&votes);
        if votes[major(&names[r].votes) as usize] == votes[k as usize] {
            k = major(&names[r].votes);
        }
        // persons against places: the gazetteer settles it
        if (k == 0 || k == 2) && votes[0] > 0 && votes[2] > 0 {
            if let Some(w) = names[r].words.last() {
                let g = model.lex_of_word(w)[1];
                let place = g & (GAZ_PLACE | GAZ_COUNTRY) != 0;
                let person = g & (GAZ_FIRST | GAZ_LAST_TOP) != 0;
                if place && !person {
                    k = 2;
                } else if person && !place {
                    k = 0;
                }
            }
        }
        // a name after "Mr.", "Sen." or "President" is a person's, whatever the tags said
        // ("President Obama" tagged a place, as names the training news never saw can be)
        if k != 0 && members.iter().any(|&m| names[m].after_person_title) {
            k = 0;
        }
        // a full name whose surname the article writes after such a title ("Jeb Bush" with
        // "Mr. Bush"), when none of its words names an organization or a place
        let words = &names[r].words;
        if k != 0
            && (2..=3).contains(&words.len())
            && titled.contains(&words[words.len() - 1])
            && words.iter().all(|w| w.starts_with(char::is_uppercase) && !ORG_HEADS.contains(w))
            && !words[..words.len() - 1]
                .iter()
                .any(|w| model.lex_of_word(w)[1] & (GAZ_PLACE | GAZ_COUNTRY) != 0)
        {
            k = 0;
        }
        // a lone word that is no known name and never follows a title nor has an organization
        // vote is rarely a person ("Sony", "Tory"): other
        if k == 0
            && names[r].words.len() == 1
            && votes[1] + votes[2] > 0
            && !members.iter().any(|&m| names[m].after_title)
        {
            let w = &names[r].words[0];
            let g = model.lex_of_word(w)[1];
            // (the surname of a person the article names in full is a person's: "Fiorina" with
            // "Carly Fiorina" and "Frank Fiorina")
            if g & (GAZ_FIRST | GAZ_LAST) == 0 && !surname_of_full[r] {
                k = if votes[1] >= votes[2] { 1 } else { 2 };
            }
        }
        // persons that are not: products and companies, plurals of peoples, bare initials
        let mut drop = false;
        if k == 0 && !members.iter().any(|&m| names[m].after_title) {
            let words = &names[r].words;
            let n_ment = members.iter().map(|&m| names[m].mentions.len() as u32).sum::<u32>();
            let det: u32 = members.iter().map(|&m| names[m].det).sum();
            let cue: u32 = members.iter().map(|&m| names[m].org_cue).sum();
            let g = model.lex_of_word(words[0])[1];
            let gl = model.lex_of_word(words[words.len() - 1])[1];
            let known = (g | gl) & (GAZ_FIRST | GAZ_LAST_TOP) != 0 || surname_of_full[r];
            if words.iter().all(|w| is_initial(w)) {
                drop = true;
            } else if words.len() >= 2 && words.last().is_some_and(|w| is_initial(w)) {
                k = 3;
            } else if words.len() == 1 && news_name(words[0]) {
                k = 1;
            } else if words.iter().any(|w| camel_product(w)) || product_words(words) {
                k = 3;
            } else if words.len() >= 2 && words.last().is_some_and(|w| in_list(w, L_ORG_SUFFIX)) {
                k = 1;
            } else if words.len() == 1 && plural_word(words[0]) && !known {
                k = 3;
            } else if cue > 0 && (cue * 3 >= n_ment || !known) {
                k = 1;
            } else if !known && det * 2 >= n_ment {
                k = 3;
            } else if members.len() == 1 && words.len() == 1 {
                let a = names[r].adj;
                if (a[1] + a[2]) * 2 >= n_ment {
                    k = if a[2] > a[1] { 1 } else { 3 };
                }
            }
        }
        // a dateline: "BOSTON —", "COLUMBUS, Ohio —", a place in capitals opening a line
        let dateline = |&(s, e): &(usize, usize)| {
            let w = &text[s..e];
            let line_start = s == 0 || text[..s].ends_with('\n');
            let after = &text[e..];
            line_start
                && w.len() >= 3
                && w.chars().all(|c| !c.is_lowercase())
                && [" —", " –", ", ", " ("].iter().any(|p| after.starts_with(p))
        };
        let gazetteer_place =
            || words.iter().all(|w| model.lex_of_word(w)[1] & (GAZ_PLACE | GAZ_COUNTRY) != 0);
        // (before a dash, with at most a state and an agency between, it is one whatever the
        // gazetteer knows: "LOS ANGELES —", "ALBANY, N.Y. (AP) —")
        let dash_after = |&(_, e): &(usize, usize)| {
            let line = text[e..].split('\n').next().unwrap_or("");
            let head: String = line.chars().take(32).collect();
            head.find(['—', '–']).is_some_and(|d| {
                head[..d].chars().all(|c| c.is_alphanumeric() || " ,.()".contains(c))
                    && !head[..d].split_whitespace().any(|w| w.chars().all(char::is_lowercase))
            })
        };
        if k != 2
            && !mentions.is_empty()
            && mentions.iter().all(dateline)
            && (gazetteer_place() || mentions.iter().all(dash_after))
        {
            k = 2;
        }
        // a newspaper: "Boston Globe" is no place, "Washington Post" no person
        let first_name = || model.lex_of_word(words[0])[1] & GAZ_FIRST != 0;
        if words.len() >= 2
            && words.last().is_some_and(|w| lexicon::PUBLICATION_HEADS.contains(w))
            && !(k == 0 && first_name())
        {
            k = 1;
        }
        // the head of a name settles what the tags may not: "Maricopa County" is a place (an
        // administrative division's name), "Islamic State" an organization (a "State" whose
        // words before it are no place's; "New York State", "Washington State" are places)
        // (of a place's words only: "Bank of Marion County" is a bank; a state's nickname is
        // of common words or rare ones, "Garden State", "Hoosier State")
        if let [before @ .., last] = &words[..] {
            if !before.is_empty()
                && lexicon::DIVISION_HEADS.contains(last)
                && before
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && !crate::extract::names::is_org_like(w))
            {
                k = 2;
            } else if (k == 2 || k == 3)
                && *last == "State"
                && !before.is_empty()
                && !before.iter().any(|w| model.lex_of_word(w)[1] & (GAZ_PLACE | GAZ_COUNTRY) != 0)
                && !before.iter().all(|w| {
                    // (a common word, or one the training text never wrote)
                    matches!(model.lex_of_word(&w.to_lowercase())[0], 0..=2)
                })
            {
                k = 1;
            }
        }
        // "R-Wis.", "D-Calif": a legislator's party and state
        if words.len() == 1 && lexicon::party_state_tag(words[0]) {
            drop = true;
        }
        mentions.sort_unstable();
        mentions.dedup();
        if drop {
            continue;
        }
        // (each root is one group's)
        let name = std::mem::take(&mut names[r].display);
        out.push(Entity { name, kind: kind_of(k), mentions });
        out_titled.push(members.iter().any(|&m| names[m].after_person_title));
    }
    // a lone word that starts an organization's name is that organization's ("Chrysler" with
    // "Chrysler LLC"), unless it is a first name or follows "Mr." ("Mr. Trump" with "Trump
    // International Hotel")
    let has_org_names = out.iter().any(|e| e.kind == EntityKind::Organization && e.name.contains(' '));
    if has_org_names {
        for x in 0..out.len() {
            if out[x].kind != EntityKind::Person || out[x].name.contains(' ') || out_titled[x] {
                continue;
            }
            let n = &out[x].name;
            let starts_org = out.iter().any(|e| {
                e.kind == EntityKind::Organization
                    && e.name.split_once(' ').is_some_and(|(first, _)| first.eq_ignore_ascii_case(n))
            });
            if starts_org && model.lex_of_word(n)[1] & GAZ_FIRST == 0 {
                out[x].kind = EntityKind::Organization;
            }
        }
    }
    out.sort_by_key(|e| e.mentions.first().copied());
    out
}

/// Whether the longer name is the shorter with middle initials added ("donald j. trump" and
/// "donald trump"): one person.
fn same_but_initials(long: &[Cow<str>], short: &[Cow<str>]) -> bool {
    let initial = |w: &str| w.len() == 2 && w.as_bytes()[0].is_ascii_alphabetic() && w.ends_with('.');
    let mut rest = long.iter().filter(|w| !initial(w));
    short.iter().all(|w| rest.next().is_some_and(|x| x == w)) && rest.next().is_none()
}

fn same_seq(d: &mut Doc, a: usize, b: usize, c: usize, e: usize) -> bool {
    if b - a != e - c {
        return false;
    }
    (0..b - a).all(|k| d.hash(a + k).w == d.hash(c + k).w)
}
