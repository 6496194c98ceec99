//! Incremental indexing as data: each article read is classified against what the archive
//! holds, and the writer applies the result.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::ingest::Article;

/// What to do with one article read from the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Not in the archive: extract and add.
    Added,
    /// In the archive with other content: extract, delete the old version, add.
    Changed,
    /// In the archive with the same content (or a known duplicate): nothing to do.
    Unchanged,
    /// Its text is identical to that of `of`, already in the archive: recorded, not indexed.
    Duplicate { of: String },
}

/// What the archive holds of one article, as far as change detection goes.
#[derive(Debug, Clone, Copy)]
pub struct Held {
    pub hash: u64,
    pub text_hash: u64,
}

/// An id seen with a text identical to another article's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DuplicateOf {
    pub of: String,
    pub hash: u64,
}

/// Classifies articles against the archive's state, updating it as it goes so that duplicates
/// and repeats within one run are seen too.
#[derive(Debug, Default)]
pub struct Planner {
    held: HashMap<String, Held>,
    by_text: HashMap<u64, String>,
    pub duplicates: HashMap<String, DuplicateOf>,
}

impl Planner {
    pub fn new(held: HashMap<String, Held>, duplicates: HashMap<String, DuplicateOf>) -> Planner {
        let by_text = held.iter().map(|(id, h)| (h.text_hash, id.clone())).collect();
        Planner { held, by_text, duplicates }
    }

    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// Decides what to do with `article`, whose hashes are given.
    pub fn plan(&mut self, article: &Article, hash: u64, text_hash: u64) -> Change {
        if let Some(h) = self.held.get_mut(&article.id) {
            if h.hash == hash {
                return Change::Unchanged;
            }
            let old_text = h.text_hash;
            *h = Held { hash, text_hash };
            if self.by_text.get(&old_text) == Some(&article.id) {
                self.by_text.remove(&old_text);
            }
            self.by_text.entry(text_hash).or_insert_with(|| article.id.clone());
            return Change::Changed;
        }
        if let Some(d) = self.duplicates.get(&article.id) {
            if d.hash == hash {
                return Change::Unchanged;
            }
        }
        if let Some(owner) = self.by_text.get(&text_hash) {
            let of = owner.clone();
            self.duplicates.insert(article.id.clone(), DuplicateOf { of: of.clone(), hash });
            return Change::Duplicate { of };
        }
        self.duplicates.remove(&article.id);
        self.held.insert(article.id.clone(), Held { hash, text_hash });
        self.by_text.insert(text_hash, article.id.clone());
        Change::Added
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, text: &str) -> Article {
        Article { id: id.into(), text: text.into(), ..Default::default() }
    }

    fn plan(p: &mut Planner, a: &Article) -> Change {
        p.plan(a, a.content_hash(), a.text_hash())
    }

    #[test]
    fn new_same_changed_and_duplicate_articles() {
        let mut p = Planner::default();
        assert_eq!(plan(&mut p, &art("a", "one text")), Change::Added);
        assert_eq!(plan(&mut p, &art("a", "one text")), Change::Unchanged);
        assert_eq!(plan(&mut p, &art("b", "one  text\n")), Change::Duplicate { of: "a".into() });
        assert_eq!(plan(&mut p, &art("b", "one  text\n")), Change::Unchanged, "a known duplicate is unchanged");
        assert_eq!(plan(&mut p, &art("a", "another text")), Change::Changed);
        assert_eq!(plan(&mut p, &art("c", "one text")), Change::Added, "the old text is free once its owner changed");
    }
}
