//! Snippets: the best paragraphs of a hit, each cut to a window around its matches, with the
//! words that actually matched marked: the words a bare word was searched as (those of its
//! stem), the words prefixes and fuzzy terms expanded to, and phrases only where the whole
//! phrase stands.

use serde::Serialize;
use tantivy::tokenizer::TextAnalyzer;

use super::query::Highlight;
use crate::index::schema::{analyzer_named, WORDS};

/// One passage of a hit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Snippet {
    /// Index of the paragraph in the article.
    pub paragraph: usize,
    pub text: String,
    /// Byte ranges of the marked words in `text`.
    pub highlights: Vec<(usize, usize)>,
    /// Byte offset of `text` in its paragraph: add it to a highlight to find it there.
    pub offset: usize,
    /// The same ranges, as byte offsets into the paragraph.
    pub paragraph_highlights: Vec<(usize, usize)>,
    /// True when `text` is the whole paragraph.
    pub whole: bool,
}

/// Finds matches and cuts snippets; keeps its analyzers between hits.
pub struct Snippeter {
    words: TextAnalyzer,
    /// Longest snippet, in bytes, before it is cut to a window around the matches.
    pub window: usize,
    /// The last text's tokens and their words, and its lowercased copy, kept to reuse their
    /// memory.
    toks: Vec<Tok>,
    buf: String,
    lower: String,
}

impl Default for Snippeter {
    fn default() -> Self {
        Snippeter {
            words: analyzer_named(WORDS),
            window: 360,
            toks: Vec::new(),
            buf: String::new(),
            lower: String::new(),
        }
    }
}

/// A token of a text: its byte range there, and the range of its word (as the analyzer gave
/// it) in the words buffer.
struct Tok {
    from: usize,
    to: usize,
    word: (usize, usize),
}

/// The longest word the words analyzer keeps, in bytes (`index::schema`: `RemoveLongFilter`
/// drops words of this length or more).
const LONGEST_WORD: usize = 39;

/// [`Snippeter::tokens`] of an ASCII text without the analyzer: for ASCII, the analyzer's
/// words are the runs of letters and digits shorter than 40 bytes, lowercased (folding
/// leaves ASCII as it is). A test compares the two on every kind of ASCII character.
fn ascii_tokens(text: &str, toks: &mut Vec<Tok>, words: &mut String) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let from = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i - from <= LONGEST_WORD {
            let start = words.len();
            words.extend(b[from..i].iter().map(|c| char::from(c.to_ascii_lowercase())));
            toks.push(Tok { from, to: i, word: (start, words.len()) });
        }
    }
}

/// `text` (ASCII) lowercased into `out`.
pub(crate) fn lower_ascii(text: &str, out: &mut String) {
    out.clear();
    out.push_str(text);
    out.make_ascii_lowercase();
}

/// [`Snippeter::matches`] of a highlight without phrases in an ASCII text, given lowercased
/// (`lower`), without tokenizing it: a word or a stem's word matches where it stands in the
/// text as a whole run of letters and digits (the text's tokens are exactly those runs,
/// [`ascii_tokens`]). A test compares it with the tokens' way on random texts.
fn word_matches(lower: &str, hl: &Highlight) -> (Vec<(usize, usize)>, f32) {
    let b = lower.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut distinct: Vec<&str> = Vec::new();
    let keys = hl.words.iter().map(|w| (w, w)).chain(hl.stem_words.iter());
    for (word, counted_as) in keys {
        // a token is a run of ASCII letters and digits shorter than 40 bytes
        if word.is_empty() || word.len() > LONGEST_WORD || !word.bytes().all(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let mut found = false;
        for (at, _) in lower.match_indices(word.as_str()) {
            let end = at + word.len();
            if (at == 0 || !alnum(at - 1)) && !alnum(end) {
                ranges.push((at, end));
                found = true;
            }
        }
        if found && !distinct.contains(&counted_as.as_str()) {
            distinct.push(counted_as);
        }
    }
    // a word matched both as itself and as a stem's word is one match
    ranges.sort_unstable();
    ranges.dedup();
    let score = distinct.len() as f32 * 2.0 + (ranges.len() as f32).ln_1p();
    (ranges, score)
}

impl Snippeter {
    /// The tokens of `text`, their words written one after the other into `words`.
    fn tokens(analyzer: &mut TextAnalyzer, text: &str, toks: &mut Vec<Tok>, words: &mut String) {
        toks.clear();
        words.clear();
        if text.is_ascii() {
            return ascii_tokens(text, toks, words);
        }
        let mut s = analyzer.token_stream(text);
        while let Some(t) = s.next() {
            let start = words.len();
            words.push_str(&t.text);
            toks.push(Tok { from: t.offset_from, to: t.offset_to, word: (start, words.len()) });
        }
    }

    /// Byte ranges in `text` of what `hl` matches, and a score of how well it matches.
    pub fn matches(&mut self, text: &str, hl: &Highlight) -> (Vec<(usize, usize)>, f32) {
        if hl.is_empty() {
            return (Vec::new(), 0.0);
        }
        if text.is_ascii() && hl.phrases.is_empty() {
            let mut lower = std::mem::take(&mut self.lower);
            lower_ascii(text, &mut lower);
            let found = word_matches(&lower, hl);
            self.lower = lower;
            return found;
        }
        self.matches_by_tokens(text, hl)
    }

    /// [`Snippeter::matches`] through the text's tokens (any text, any highlight).
    fn matches_by_tokens(&mut self, text: &str, hl: &Highlight) -> (Vec<(usize, usize)>, f32) {
        let (mut toks, mut buf) = (std::mem::take(&mut self.toks), std::mem::take(&mut self.buf));
        Self::tokens(&mut self.words, text, &mut toks, &mut buf);
        let word = |t: &Tok| &buf[t.word.0..t.word.1];
        let mut marked = vec![false; toks.len()];
        let mut distinct = std::collections::BTreeSet::new();
        let mut score = 0.0f32;
        for (i, t) in toks.iter().enumerate() {
            let w = word(t);
            if hl.words.contains(w) {
                marked[i] = true;
                distinct.insert(w.to_string());
            }
            if let Some(stem) = hl.stem_words.get(w) {
                marked[i] = true;
                distinct.insert(stem.clone());
            }
        }
        for phrase in &hl.phrases {
            if phrase.is_empty() || phrase.len() > toks.len() {
                continue;
            }
            for start in 0..=toks.len() - phrase.len() {
                if phrase.iter().enumerate().all(|(k, w)| word(&toks[start + k]) == w) {
                    for m in marked.iter_mut().skip(start).take(phrase.len()) {
                        *m = true;
                    }
                    score += 2.0;
                    distinct.insert(phrase.join(" "));
                }
            }
        }
        let count = marked.iter().filter(|m| **m).count();
        score += distinct.len() as f32 * 2.0 + (count as f32).ln_1p();
        // Adjacent marked words (a phrase) become one range.
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        let mut prev_marked = false;
        for (i, t) in toks.iter().enumerate() {
            if marked[i] {
                match ranges.last_mut() {
                    Some(last)
                        if prev_marked
                            && hl.phrases.iter().any(|p| p.len() > 1)
                            && text[last.1..t.from].chars().all(|c| !c.is_alphanumeric())
                            && t.from - last.1 <= 3 =>
                    {
                        last.1 = t.to
                    }
                    _ => ranges.push((t.from, t.to)),
                }
            }
            prev_marked = marked[i];
        }
        (self.toks, self.buf) = (toks, buf);
        (ranges, score)
    }

    /// Up to `max` snippets from `paragraphs`, best first. With nothing to highlight (a filter
    /// alone, or a match in the title), the lead paragraph.
    pub fn best<S: AsRef<str>>(&mut self, paragraphs: &[S], hl: &Highlight, max: usize) -> Vec<Snippet> {
        let mut scored: Vec<(f32, usize, Vec<(usize, usize)>)> = Vec::new();
        for (i, p) in paragraphs.iter().map(AsRef::as_ref).enumerate() {
            // most paragraphs of a hit hold none of the words: ruled out without tokenizing
            if !hl.may_match(p, &mut self.lower) {
                continue;
            }
            // an ASCII paragraph was lowercased by `may_match`: its words are found in that copy
            let (ranges, score) = if p.is_ascii() && hl.phrases.is_empty() {
                word_matches(&self.lower, hl)
            } else {
                self.matches_by_tokens(p, hl)
            };
            if !ranges.is_empty() {
                scored.push((score, i, ranges));
            }
        }
        if scored.is_empty() {
            return paragraphs
                .iter()
                .position(|p| !p.as_ref().trim().is_empty())
                .map(|i| self.cut(i, paragraphs[i].as_ref(), Vec::new()))
                .into_iter()
                .take(max.min(1))
                .collect();
        }
        scored.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal).then(a.1.cmp(&b.1)));
        let best = scored[0].0;
        scored
            .into_iter()
            .filter(|s| s.0 >= best * 0.5)
            .take(max)
            .map(|(_, i, ranges)| self.cut(i, paragraphs[i].as_ref(), ranges))
            .collect()
    }

    /// The paragraph, or a window of it around the densest run of matches, cut at sentence or
    /// word boundaries.
    fn cut(&self, index: usize, para: &str, ranges: Vec<(usize, usize)>) -> Snippet {
        if para.len() <= self.window {
            return Snippet {
                paragraph: index,
                text: para.to_string(),
                highlights: ranges.clone(),
                offset: 0,
                paragraph_highlights: ranges,
                whole: true,
            };
        }
        // The window start: the match that has the most matches after it within the window.
        let mut anchor = 0;
        let mut best = 0;
        for (i, r) in ranges.iter().enumerate() {
            let n = ranges[i..].iter().take_while(|x| x.1 <= r.0 + self.window).count();
            if n > best {
                best = n;
                anchor = r.0;
            }
        }
        // Start at the sentence holding the anchor when it is near, else a few words before it.
        let lead = anchor.saturating_sub(self.window / 3);
        let mut start =
            para[..anchor].rfind(". ").map(|i| i + 2).filter(|&i| i >= lead).unwrap_or_else(|| {
                let mut s = floor_char(para, lead);
                if s > 0 {
                    s = para[s..anchor].find(' ').map(|i| s + i + 1).unwrap_or(s);
                }
                s
            });
        if ranges.is_empty() {
            start = 0;
        }
        let mut end = floor_char(para, (start + self.window).min(para.len()));
        if end < para.len() {
            let sentence_end = para[start..end]
                .rfind(". ")
                .map(|i| start + i + 1)
                .filter(|&e| e > anchor && e - start > self.window / 2);
            end = sentence_end.unwrap_or_else(|| {
                para[start..end].rfind(' ').map(|i| start + i).filter(|&e| e > start).unwrap_or(end)
            });
        }
        let inside: Vec<(usize, usize)> = ranges.into_iter().filter(|r| r.0 >= start && r.1 <= end).collect();
        Snippet {
            paragraph: index,
            text: para[start..end].to_string(),
            highlights: inside.iter().map(|r| (r.0 - start, r.1 - start)).collect(),
            offset: start,
            paragraph_highlights: inside,
            whole: start == 0 && end == para.len(),
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text` as (from, to, word), by the analyzer or by the ASCII fast path.
    fn token_list(text: &str, fast: bool) -> Vec<(usize, usize, String)> {
        let (mut toks, mut words) = (Vec::new(), String::new());
        if fast {
            ascii_tokens(text, &mut toks, &mut words);
        } else {
            let mut a = analyzer_named(WORDS);
            let mut s = a.token_stream(text);
            while let Some(t) = s.next() {
                let start = words.len();
                words.push_str(&t.text);
                toks.push(Tok { from: t.offset_from, to: t.offset_to, word: (start, words.len()) });
            }
        }
        toks.iter().map(|t| (t.from, t.to, words[t.word.0..t.word.1].to_string())).collect()
    }

    #[test]
    fn ascii_words_are_the_analyzers_words() {
        let every_char: String = (0u8..128).map(char::from).collect();
        let long = |n: usize| "x".repeat(n);
        for text in [
            every_char.clone(),
            format!("Mr. O'Neill's 3rd U.S. visit, 2016-11-08: {} {} {}.", long(39), long(40), long(41)),
            "ALL-CAPS_and_under\tabs\nlines 10,000 50% e-mail".to_string(),
            String::new(),
        ] {
            assert_eq!(token_list(&text, true), token_list(&text, false), "{text:?}");
        }
        // random ASCII texts: GAZETTE_SEED replays one run
        let mut seed: u64 =
            std::env::var("GAZETTE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed) | 1;
        println!("seed {seed}");
        for _ in 0..200 {
            let text: String = (0..300)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // letters and digits most of the time, so that long words occur
                    let c = if seed.is_multiple_of(3) {
                        (seed >> 8) % 128
                    } else {
                        u64::from(b'a') + (seed >> 8) % 26
                    };
                    char::from(c as u8)
                })
                .collect();
            assert_eq!(token_list(&text, true), token_list(&text, false), "{text:?}");
        }
    }

    #[test]
    fn words_found_in_the_lowercased_text_are_the_tokens_matches() {
        // random ASCII texts of few letters, so that words recur inside longer runs and
        // stand at every kind of boundary: GAZETTE_SEED replays one run
        let mut seed: u64 =
            std::env::var("GAZETTE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x51ce) | 1;
        println!("seed {seed}");
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed >> 8
        };
        let mut s = Snippeter::default();
        let mut lower = String::new();
        for round in 0..300 {
            let text: String = (0..200)
                .map(|_| match next() % 10 {
                    0 => ' ',
                    1 => [',', '-', '.', '\'', '_'][(next() % 5) as usize],
                    2 => char::from(b'A' + (next() % 3) as u8),
                    3 => char::from(b'0' + (next() % 2) as u8),
                    _ => char::from(b'a' + (next() % 3) as u8),
                })
                .collect();
            let mut word = || -> String {
                let n = next() % 4;
                (0..=n).map(|_| char::from(b'a' + (next() % 3) as u8)).collect()
            };
            let words: Vec<String> = (0..3).map(|_| word()).collect();
            let stems: Vec<(String, String)> = (0..3).map(|_| (word(), word())).collect();
            let mut h = hl(&[], &[], &[]);
            h.words = words.into_iter().collect();
            h.stem_words = stems.into_iter().collect();
            if round % 50 == 0 {
                // a word of 40 letters is no token; one with a hyphen never is one
                h.words.insert("a".repeat(40));
                h.words.insert("a-b".to_string());
            }
            lower_ascii(&text, &mut lower);
            assert_eq!(word_matches(&lower, &h), s.matches_by_tokens(&text, &h), "{text:?} {h:?}");
        }
    }

    /// `stem_words` as (word, stem) pairs.
    fn hl(stem_words: &[(&str, &str)], words: &[&str], phrases: &[&[&str]]) -> Highlight {
        Highlight {
            stem_words: stem_words.iter().map(|(w, s)| (w.to_string(), s.to_string())).collect(),
            words: words.iter().map(|s| s.to_string()).collect(),
            phrases: phrases.iter().map(|p| p.iter().map(|s| s.to_string()).collect()).collect(),
        }
    }

    fn marked<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<&'a str> {
        ranges.iter().map(|&(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn stems_match_inflected_words() {
        let mut s = Snippeter::default();
        let t = "The hostages were released; hostage talks go on.";
        let (r, _) = s.matches(t, &hl(&[("hostages", "hostag"), ("hostage", "hostag")], &[], &[]));
        assert_eq!(marked(t, &r), ["hostages", "hostage"]);
    }

    #[test]
    fn a_phrase_is_marked_only_where_it_stands_whole() {
        let mut s = Snippeter::default();
        let t = "A cease-fire resolution passed. The resolution called for a cease-fire.";
        let (r, _) = s.matches(t, &hl(&[], &[], &[&["cease", "fire", "resolution"]]));
        assert_eq!(marked(t, &r), ["cease-fire resolution"]);
    }

    #[test]
    fn long_paragraphs_are_cut_around_the_matches_with_offsets_into_the_paragraph() {
        let mut s = Snippeter { window: 60, ..Default::default() };
        let para = "Filler words come first here. More filler to pad it out well. Then Rafah appears, and Rafah again. The end is far away from here.".to_string();
        let snips = s.best(std::slice::from_ref(&para), &hl(&[], &["rafah"], &[]), 3);
        let sn = &snips[0];
        assert!(!sn.whole);
        assert_eq!(marked(&sn.text, &sn.highlights), ["Rafah", "Rafah"]);
        for &(a, b) in &sn.paragraph_highlights {
            assert_eq!(&para[a..b], "Rafah");
        }
    }

    #[test]
    fn without_matches_the_lead_paragraph_is_shown() {
        let mut s = Snippeter::default();
        let snips = s.best(&["", "Lead.", "Second."], &hl(&[("zzz", "zzz")], &[], &[]), 3);
        assert_eq!(snips.len(), 1);
        assert_eq!((snips[0].paragraph, snips[0].text.as_str()), (1, "Lead."));
    }

    #[test]
    fn a_paragraph_ruled_out_before_tokenizing_has_no_match() {
        let paras = [
            "The HOSTAGES were released.",
            "A hostage-taking, and hostage's family.",
            "Talks on the cease-fire resumed.",
            "Nothing here at all.",
            "Ceasefire talks, not a cease fire.",
            "Rafah, Gaza: the crossing.",
        ];
        let hls = [
            hl(&[("hostages", "hostag"), ("hostage", "hostag")], &[], &[]),
            hl(&[], &["rafah"], &[&["cease", "fire"]]),
            hl(&[("talks", "talk")], &["crossing"], &[]),
        ];
        let mut s = Snippeter::default();
        let mut lower = String::new();
        let mut ruled_out = 0;
        for h in &hls {
            for p in paras {
                if !h.may_match(p, &mut lower) {
                    ruled_out += 1;
                    assert!(s.matches(p, h).0.is_empty(), "{p:?} was ruled out but matches");
                }
            }
        }
        assert!(ruled_out >= 8, "most pairs are ruled out ({ruled_out})");
        // text beyond ASCII is always tokenized (its words fold: "Ráfah" is rafah)
        assert!(hls[1].may_match("Ráfah", &mut lower));
        assert_eq!(s.matches("Ráfah", &hls[1]).0, [(0, 6)]);
    }
}
