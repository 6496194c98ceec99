//! Text spans of speaker resolution: word bounds, lines, the capitalized run around a name.

use super::*;

/// Whether the words `a` occur in `b` in order.
pub(super) fn subsequence(a: &[String], b: &[String]) -> bool {
    let mut it = b.iter();
    a.iter().all(|x| it.any(|y| same_word(y, x)))
}

/// Whether two names are spellings of one name: the same words but one, which differs by one
/// letter added, dropped or changed ("Hilary Clinton" beside "Hillary Clinton"), in a word of
/// four letters or more.
pub(super) fn spelling_variant(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&k| !same_word(&a[k], &b[k])).collect();
    let [k] = differ[..] else { return false };
    let (x, y): (Vec<char>, Vec<char>) = (a[k].chars().collect(), b[k].chars().collect());
    if x.len().min(y.len()) < 4 || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    // one edit: skip the common prefix and suffix, at most one letter is left on each side
    let pre = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let suf = x[pre..].iter().rev().zip(y[pre..].iter().rev()).take_while(|(p, q)| p == q).count();
    x.len() - pre - suf <= 1 && y.len() - pre - suf <= 1
}

/// Where the sentence holding `p` starts: after the last end of a sentence before it (a line
/// break, "?", "!", or a period that closes no initial or abbreviated title: "George W. Bush"
/// and "Sen. Ted Cruz" go on), or after a wire story's dateline ("LANDOVER, MD., April 3 - ").
pub(super) fn sentence_start(t: &str, p: usize) -> usize {
    let s = sentence_start_past_periods(t, p);
    let line = t[..s].rfind('\n').map_or(0, |i| i + 1);
    match t[line..p].find(" - ") {
        Some(d) if line + d >= s && d < 60 && is_dateline(&t[line..line + d]) => line + d + 3,
        _ => s,
    }
}

/// Whether a line's opening words are a dateline: a place in capitals, a comma, and a date or
/// more place ("WASHINGTON, March 19", "LANDOVER, MD., April 3").
fn is_dateline(head: &str) -> bool {
    let Some((place, rest)) = head.split_once(',') else { return false };
    !place.is_empty()
        && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
        && rest.chars().any(|c| c.is_ascii_digit() || c.is_uppercase())
}

fn sentence_start_past_periods(t: &str, p: usize) -> usize {
    let mut end = p;
    while let Some(i) = t[..end].rfind(['.', '\n', '?', '!']) {
        if t.as_bytes()[i] != b'.' {
            return i + 1;
        }
        let word = t[..i].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
        // (the word with its period, as the titles are listed: "sen.")
        let title = lower_eq(&t[i - word.len()..=i], lexicon::TITLES);
        // (a period that a closing parenthesis, a comma or a lowercase word follows ends an
        // abbreviation, not a sentence: "Harry M. Reid (D-Nev.) blasted Rubio")
        let next = t[i + 1..].trim_start_matches(' ').chars().next();
        let inside = next.is_some_and(|c| matches!(c, ')' | ',') || c.is_lowercase());
        if !initial && !title && !inside {
            return i + 1;
        }
        end = i;
    }
    0
}

pub(super) fn word_bounded(t: &str, s: usize, e: usize) -> bool {
    let before = t[..s].chars().next_back();
    let after = t[e..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
        && !after
            .is_some_and(|c| c.is_alphanumeric() || (c == '-' && t[e + 1..].starts_with(char::is_alphabetic)))
}

/// The line of `t` that holds byte `p`.
pub(super) fn line_of(t: &str, p: usize) -> &str {
    let s = t[..p].rfind('\n').map_or(0, |i| i + 1);
    let e = t[p..].find('\n').map_or(t.len(), |i| p + i);
    &t[s..e]
}

/// The capitalized run around `t[s..e]`: up to four words to the left (capitalized words,
/// initials, name particles, on the same line), a suffix to the right ("Jr."), and when
/// `forward`, up to three capitalized words to the right (a first name's surname).
pub(super) fn name_run(t: &str, s: usize, e: usize, forward: bool) -> (usize, usize) {
    let mut start = s;
    for _ in 0..4 {
        let before = &t[..start];
        let Some(sp) = before.strip_suffix(' ') else { break };
        let ws = sp
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—' | ',' | ';' | ':'))
            .map_or(0, |i| i + sp[i..].chars().next().map_or(1, |c| c.len_utf8()));
        let mut ws = ws;
        let mut w = &sp[ws..];
        // a nickname in quotation marks: Robert C. "Bobby" Scott
        if w.is_empty() && (sp.ends_with('"') || sp.ends_with('”')) {
            let q = sp.trim_end_matches(['"', '”']);
            if let Some(o) = q.rfind(['"', '“']) {
                let nick = &q[o + q[o..].chars().next().map_or(1, char::len_utf8)..];
                // (a quotation's last word before its comma is none: “Technicals,” Bob said)
                if is_cap(nick) && !nick.contains(' ') && !nick.ends_with([',', '.', '?', '!', ';', ':']) {
                    ws = o;
                    w = nick;
                }
            }
        }
        // the same, when the opening mark split the word off: John “Tig” Tiegen
        if let Some(nick) = w.strip_suffix('”').or_else(|| w.strip_suffix('"')) {
            if let Some(o) = sp[..ws].strip_suffix('“').or_else(|| sp[..ws].strip_suffix('"')) {
                if is_cap(nick) && o.ends_with(' ') {
                    ws = o.len();
                    w = nick;
                }
            }
        }
        if w.is_empty()
            || !(is_cap(w) || lower_eq(w, lexicon::NAME_PARTICLES))
            || lower_eq(w, lexicon::FUNCTION_WORDS)
        {
            break;
        }
        // a sentence end ("... said. Sanders") is no part of the name
        if w.ends_with('.') && !is_initial(w) && !names::is_role_word(w) {
            break;
        }
        start = ws;
    }
    let mut end = e;
    let mut steps = if forward { 3 } else { 1 };
    loop {
        // a sentence end ("John F. Kerry. Kerry added") closes the name
        let last = t[..end].rsplit(' ').next().unwrap_or("");
        if last.ends_with('.') && !is_initial(last) && !names::is_role_word(last) {
            break;
        }
        let rest = &t[end..];
        let r = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(' '));
        let Some(r) = r else { break };
        let wl = r
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '”' | '"'))
            .unwrap_or(r.len());
        let w = &r[..wl];
        let suffix = lower_eq(w, lexicon::NAME_SUFFIXES) && w.len() > 1;
        let more = forward
            && is_cap(w)
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !lower_eq(w, lexicon::FUNCTION_WORDS);
        if steps == 0 || !(suffix || (more && !rest.starts_with(','))) {
            break;
        }
        end = end + (rest.len() - r.len()) + wl;
        steps -= 1;
        if suffix {
            break;
        }
    }
    (start, end)
}

/// A name without a lowercase modifier before it ("pro-Christie Union Leader").
pub(super) fn without_modifier(r: String) -> String {
    let mut w: Vec<&str> = r.split_whitespace().collect();
    let n = w.len();
    while w.len() > 1
        && w[0].starts_with(char::is_lowercase)
        && !lower_eq(w[0], lexicon::NAME_PARTICLES)
        && w[1].starts_with(char::is_uppercase)
    {
        w.remove(0);
    }
    if w.len() == n {
        r
    } else {
        w.join(" ")
    }
}

/// Where the name `name` is written before the mention `m` (at `s`) in its sentence, when the
/// mention is capitalized words that share none of the name's words.
pub(super) fn name_written_before(text: &str, name: &str, s: usize, m: &str) -> Option<usize> {
    let words: Vec<&str> = m.split_whitespace().collect();
    if words.is_empty()
        || !words.iter().all(|w| w.starts_with(char::is_uppercase))
        || lower_eq(m, lexicon::PRONOUNS)
    {
        return None;
    }
    let norm = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let name_words: Vec<String> = name.split_whitespace().map(norm).collect();
    if words.iter().any(|w| name_words.contains(&norm(w))) {
        return None;
    }
    // the sentence before the mention: back to a stop or a paragraph's start, 300 bytes at most
    let lo = (s.saturating_sub(300)..=s).find(|&i| text.is_char_boundary(i)).unwrap_or(s);
    let before = &text[lo..s];
    // (a stop, and any closing marks, before a space: "... Mr. Ruiz" is one sentence)
    let b = before.as_bytes();
    let from = (0..b.len())
        .rev()
        .find(|&i| {
            b[i] == b'\n'
                || (matches!(b[i], b'.' | b'!' | b'?')
                    && before[i + 1..].trim_start_matches(['”', '"', '’', '\'', ')']).starts_with(' ')
                    && before[..i].rsplit(' ').next().is_none_or(|w| w.len() > 3))
        })
        .map_or(0, |i| i + 1);
    let at = lo + from + before[from..].rfind(name)?;
    word_bounded(text, at, at + name.len()).then_some(at)
}
