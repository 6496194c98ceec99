//! A small tokenizer for the text around a quote, and the word tests the attribution uses (over
//! the lexicon's lists).

use crate::extract::{lexicon, names};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    Word,
    /// A quotation mark (or an apostrophe standing alone).
    Mark,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub s: usize,
    pub e: usize,
    pub k: K,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.k == K::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.k == K::Punct(c)
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„')
}

/// Tokenizes `t[from..to]` into `out` (cleared first).
pub(super) fn tokenize(t: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    let s = match t.get(from..to) {
        Some(s) => s,
        None => return,
    };
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let a = from + i;
        if c.is_alphanumeric() {
            let mut e = a + c.len_utf8();
            let mut has_dot = false;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = from + j + d.len_utf8();
                    it.next();
                    continue;
                }
                if matches!(d, '-' | '\'' | '’' | '.' | '&' | '\u{2011}') {
                    // joins only when followed by a letter or digit
                    let next = s[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        if d == '.' {
                            has_dot = true;
                        }
                        e = from + j + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            // a plural possessive: "Sanders’ campaign"
            if let Some(&(j, q)) = it.peek() {
                if (q == '’' || q == '\'') && t[a..e].ends_with('s') {
                    let next = s[j + q.len_utf8()..].chars().next();
                    if next == Some(' ')
                        && s[j + q.len_utf8() + 1..].chars().next().is_some_and(|c| c.is_lowercase())
                    {
                        e = from + j + q.len_utf8();
                        it.next();
                    }
                }
            }
            // a final period of an abbreviation or an initial stays with the word
            if let Some(&(j, '.')) = it.peek() {
                let w = &t[a..e];
                let single = w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase());
                if has_dot
                    || single
                    || lexicon::PERIOD_ABBREVIATIONS.iter().any(|x| w.eq_ignore_ascii_case(x))
                {
                    e = from + j + 1;
                    it.next();
                }
            }
            out.push(Tok { s: a, e, k: K::Word });
        } else if is_mark(c) {
            // '' counts as one mark
            let mut e = a + c.len_utf8();
            if c == '\'' {
                if let Some(&(j, '\'')) = it.peek() {
                    e = from + j + 1;
                    it.next();
                }
            }
            out.push(Tok { s: a, e, k: K::Mark });
        } else {
            out.push(Tok { s: a, e: a + c.len_utf8(), k: K::Punct(c) });
        }
    }
}

pub(super) use crate::extract::lexicon::lower_eq;

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

pub(super) fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Strips a possessive ending.
pub(super) use crate::extract::names::strip_possessive as base;

pub(super) fn is_possessive(w: &str) -> bool {
    w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s"))
}

/// How a speech verb takes its subject ([`lexicon::SpeechVerb`]).
pub(super) use crate::extract::lexicon::SpeechVerb as Cue;

/// A speech verb.
pub(super) fn cue(w: &str) -> Option<Cue> {
    if w.len() > 14 || w.len() < 3 {
        return None;
    }
    let mut buf = [0u8; 16];
    let n = w.len();
    for (i, b) in w.bytes().enumerate() {
        buf[i] = b.to_ascii_lowercase();
    }
    lexicon::speech_verb(std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// Verbs that characterize rather than report speech ("called it a “disaster”"): they attribute
/// a quote in their own clause, never one after them in the sentence.
pub(super) fn weak_cue(w: &str) -> bool {
    lower_eq(w, lexicon::WEAK_CUE_WORDS)
}

pub(super) fn pronoun(w: &str) -> bool {
    lower_eq(w, lexicon::PRONOUNS)
}

/// Words between a subject and its verb that do not break the link ("he also said").
pub(super) fn skippable_adverb(w: &str) -> bool {
    if !is_lower(w) {
        return false;
    }
    if w.len() > 4 && w.ends_with("ly") && !lower_eq(w, lexicon::LY_NON_ADVERBS) {
        return true;
    }
    lower_eq(w, lexicon::SKIPPABLE_ADVERB_WORDS)
}

/// Time words that may stand between a cue and an inverted subject ("said Monday").
/// A word in capitals: two letters or more, none lowercase ("OBAMA'S", "UN").
pub(super) fn all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

pub(super) fn time_word(w: &str) -> bool {
    lower_eq(w, lexicon::TIME_WORD_WORDS) || (w.len() > 4 && w.ends_with("ly") && is_lower(w))
}

pub(super) fn title(w: &str) -> bool {
    names::is_title_word(w)
}

/// Words of organization names ("Security Council", "Carnegie Endowment").
pub(super) fn org_word(w: &str) -> bool {
    names::is_org_word(base(w))
}

/// Lowercase nouns that name a role ("spokesman John Kirby").
pub(super) fn role_noun(w: &str) -> bool {
    names::is_role_noun(w)
}

/// Function words ("The", "But", "Here’s").
pub(super) fn function_word(w: &str) -> bool {
    names::is_function_word(w)
}

/// Function words that end a leftward walk over a noun phrase.
pub(super) fn np_stop(w: &str) -> bool {
    lower_eq(w, lexicon::NP_STOP_WORDS)
}

/// Words after a cue that are not its subject ("said in a statement", "told reporters").
pub(super) fn not_subject_after(w: &str) -> bool {
    lower_eq(w, lexicon::NOT_SUBJECT_AFTER_WORDS)
}

/// Capitalized words that open a sentence or phrase but never a name: sentence adverbs,
/// numbers and units of time ("Moreover", "Thirteen years earlier", "Minutes later").
pub(super) fn intro_word(w: &str) -> bool {
    lower_eq(w, lexicon::INTRO_WORD_WORDS)
}

#[cfg(test)]
mod set_tests {
    use super::*;

    /// The sets answer as `lower_eq` over their lists, for every word of the four lists in
    /// three cases and for words near them.
    #[test]
    fn the_word_sets_answer_as_the_lists() {
        let lists: [(&[&str], fn(&str) -> bool); 4] = [
            (lexicon::TITLES, title),
            (lexicon::ORG_WORDS, names::is_org_word),
            (lexicon::ROLE_NOUNS, role_noun),
            (lexicon::FUNCTION_WORDS, function_word),
        ];
        let every: Vec<&str> = lists.iter().flat_map(|(l, _)| l.iter().copied()).collect();
        for (list, f) in lists {
            for w in &every {
                let upper = w.to_uppercase();
                let cap: String =
                    w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect();
                for v in [w.to_string(), upper, cap, format!("{w}s"), format!("x{w}"), w[1..].to_string()] {
                    assert_eq!(f(&v), lower_eq(&v, list), "{v:?}");
                }
            }
        }
    }
}
