//! The article as read from a source, before extraction, and its identity and change hashes.

use serde::Serialize;
use time::OffsetDateTime;

/// One article as read from its source file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Identity in the archive: the given id, or the source path (with `#line` inside JSON Lines).
    pub id: String,
    pub title: String,
    /// Parsed date, when the source gave one in a known form.
    #[serde(skip)]
    pub date: Option<OffsetDateTime>,
    /// The date as the source wrote it (kept when it could not be parsed).
    pub date_text: String,
    pub source: String,
    pub url: String,
    pub author: String,
    /// Where it was read from: a file path, with `:line` for JSON Lines.
    pub path: String,
    /// The body every offset points into.
    pub text: String,
    /// Byte offset in `text` where the body proper starts (after a title line used as title).
    #[serde(skip)]
    pub body_start: usize,
}

impl Article {
    /// Hash of everything stored about the article: a change in any of it re-indexes it.
    pub fn content_hash(&self) -> u64 {
        let mut h = blake3::Hasher::new();
        for part in [&self.id, &self.title, &self.date_text, &self.source, &self.url, &self.author, &self.text] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        first_u64(h.finalize().as_bytes())
    }

    /// Hash of the text with whitespace normalized: equal for exact duplicates republished under
    /// another id (or with other line breaks).
    pub fn text_hash(&self) -> u64 {
        let mut h = blake3::Hasher::new();
        let body = if self.text.trim().is_empty() { &self.title } else { &self.text };
        let mut first = true;
        for word in body.split_whitespace() {
            if !first {
                h.update(b" ");
            }
            h.update(word.as_bytes());
            first = false;
        }
        first_u64(h.finalize().as_bytes())
    }
}

fn first_u64(b: &[u8; 32]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hash_ignores_whitespace_but_content_hash_does_not() {
        let a = Article { id: "a".into(), text: "One  two\nthree".into(), ..Default::default() };
        let b = Article { id: "b".into(), text: "One two three ".into(), ..Default::default() };
        assert_eq!(a.text_hash(), b.text_hash());
        assert_ne!(a.content_hash(), b.content_hash());
        let c = Article { id: "a".into(), text: "One two four".into(), ..Default::default() };
        assert_ne!(a.text_hash(), c.text_hash());
    }
}
