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
    fn empty_and_whitespace_texts_have_no_paragraphs() {
        assert!(split("", 0).is_empty());
        assert!(split("\n\n  \n", 0).is_empty());
        assert!(split("abc", 10).is_empty());
    }
}
