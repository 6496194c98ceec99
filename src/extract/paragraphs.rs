//! Paragraphs: blocks separated by blank lines. Hard-wrapped lines inside a block belong to the
//! same paragraph; the span keeps pointing into the original text, and [`clean`] joins them.

/// Byte spans `[start, end)` of the paragraphs of `text[from..]`, trimmed of surrounding
/// whitespace, empty ones left out. The one splitter of the program: extraction, the entity
/// tagger at run time and its training (`src/bin/train-ner.rs`) all use it.
pub fn split(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut last_content_end = from;
    let mut pos = from.min(text.len());
    while pos < bytes.len() {
        let line_end = memchr_newline(&bytes[pos..]).map(|i| pos + i).unwrap_or(bytes.len());
        let line = &text[pos..line_end];
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, last_content_end));
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_content_end = pos + line.trim_end().len();
        }
        pos = line_end + 1;
    }
    if let Some(s) = start {
        out.push((s, last_content_end));
    }
    if out.iter().any(|&(s, e)| e - s > MAX_PARAGRAPH) {
        out = out.into_iter().flat_map(|(s, e)| cut(text, s, e)).collect();
    }
    out
}

/// The longest paragraph, in bytes. A block of text longer than this (a transcript or a
/// dump without blank lines) is no paragraph a reader would see: it is cut at sentence ends
/// into pieces of at most this size, so that extraction works on bounded pieces (its memory
/// stays a small multiple of the article) and snippets show a passage, not a wall.
pub const MAX_PARAGRAPH: usize = 64 * 1024;

/// `text[s..e]` in pieces of at most [`MAX_PARAGRAPH`] bytes, each ending at the last sentence
/// end (or else the last space) of its second half, trimmed.
fn cut(text: &str, mut s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    while e - s > MAX_PARAGRAPH {
        let mut hi = s + MAX_PARAGRAPH;
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let mut lo = s + MAX_PARAGRAPH / 2;
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let window = &text[lo..hi];
        let at = window
            .rfind(". ")
            .or_else(|| window.rfind("? "))
            .or_else(|| window.rfind("! "))
            .map(|i| lo + i + 1)
            .or_else(|| window.rfind(char::is_whitespace).map(|i| lo + i))
            .unwrap_or(hi);
        let piece = &text[s..at];
        out.push((s, s + piece.trim_end().len()));
        let rest = &text[at..e];
        s = at + (rest.len() - rest.trim_start().len());
    }
    if s < e {
        out.push((s, e));
    }
    out
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

/// The paragraph as one line: hard-wrapped lines joined with single spaces.
pub fn clean(paragraph: &str) -> String {
    if !paragraph.contains('\n') {
        return paragraph.to_string();
    }
    let mut out = String::with_capacity(paragraph.len());
    for (i, line) in paragraph.lines().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(line.trim());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_and_wrapped_lines_join() {
        let t = "  Title line\n\nFirst para\nwrapped here.\n \t\nSecond.\r\n\r\n\r\nThird é.";
        let p = split(t, 0);
        let texts: Vec<&str> = p.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(texts, ["Title line", "First para\nwrapped here.", "Second.", "Third é."]);
        assert_eq!(clean(texts[1]), "First para wrapped here.");
    }

    #[test]
    fn splitting_from_an_offset_skips_the_title() {
        let t = "Title\n\nBody one.\n\nBody two.";
        let p = split(t, 5);
        assert_eq!(p.len(), 2);
        assert_eq!(&t[p[0].0..p[0].1], "Body one.");
    }

    #[test]
    fn crlf_and_blank_lines_of_spaces_separate() {
        // the forms of the entity model's training text (CoNLL-2003 sentences, GUM sentences)
        let t = "a b\n\nc\r\n\r\nd\n \n\n";
        let v: Vec<&str> = split(t, 0).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(v, vec!["a b", "c", "d"]);
    }

    #[test]
    fn a_block_over_the_paragraph_limit_is_cut_at_sentence_ends() {
        let sentence = "The council met on Monday and the vote was close. ";
        let block = sentence.repeat(MAX_PARAGRAPH * 3 / sentence.len());
        let t = format!("Title\n\n{block}\n\nLast one.");
        let p = split(&t, 0);
        assert!(p.len() >= 5, "{}", p.len());
        for &(s, e) in &p {
            assert!(e - s <= MAX_PARAGRAPH);
            let piece = &t[s..e];
            assert_eq!(piece, piece.trim());
        }
        // every piece but the last of the block ends a sentence; nothing is lost
        let pieces: Vec<&str> = p[1..p.len() - 1].iter().map(|&(s, e)| &t[s..e]).collect();
        assert!(pieces.iter().all(|x| x.ends_with('.')));
        assert_eq!(pieces.join(" ") + " ", block);
        assert_eq!(&t[p[p.len() - 1].0..p[p.len() - 1].1], "Last one.");
        // one word longer than the limit is cut at a character boundary
        let t = "é".repeat(MAX_PARAGRAPH);
        let p = split(&t, 0);
        assert_eq!(p.iter().map(|&(s, e)| e - s).sum::<usize>(), t.len());
    }

    #[test]
    fn empty_and_whitespace_texts_have_no_paragraphs() {
        assert!(split("", 0).is_empty());
        assert!(split("\n\n  \n", 0).is_empty());
        assert!(split("abc", 10).is_empty());
    }
}
