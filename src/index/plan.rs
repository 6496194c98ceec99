//! Incremental indexing as data: each article read is classified against what the archive
//! holds, and the writer applies the result.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::ingest::minhash::NearIndex;
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
#[derive(Debug, Clone)]
pub struct Held {
    pub hash: u64,
    pub text_hash: u64,
    /// Canonical path of its source file.
    pub file: String,
}

/// An id seen with a text identical to another article's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct DuplicateOf {
    pub of: String,
    pub hash: u64,
    /// Canonical path of its source file.
    #[serde(default)]
    pub file: String,
}

/// Classifies articles against the archive's state, updating it as it goes so that duplicates
/// and repeats within one run are seen too.
#[derive(Debug, Default)]
pub struct Planner {
    held: HashMap<String, Held>,
    by_text: HashMap<u64, String>,
    pub duplicates: HashMap<String, DuplicateOf>,
    near: NearIndex,
    seen: HashSet<String>,
}

impl Planner {
    pub fn new(
        held: HashMap<String, Held>,
        duplicates: HashMap<String, DuplicateOf>,
        near: NearIndex,
    ) -> Planner {
        let by_text = held.iter().map(|(id, h)| (h.text_hash, id.clone())).collect();
        Planner { held, by_text, duplicates, near, seen: HashSet::new() }
    }

    pub fn len(&self) -> usize {
        self.held.len()
    }

    pub fn is_empty(&self) -> bool {
        self.held.is_empty()
    }

    /// True when the archive holds `article` with this content hash already (or knows it as a
    /// duplicate): the cheap answer for most articles of a rerun, before any other hashing.
    pub fn unchanged(&mut self, article: &Article, hash: u64) -> bool {
        let same = self.held.get(&article.id).is_some_and(|h| h.hash == hash)
            || self.duplicates.get(&article.id).is_some_and(|d| d.hash == hash);
        if same {
            self.seen.insert(article.id.clone());
        }
        same
    }

    /// Decides what to do with `article`, whose hashes are given.
    pub fn plan(&mut self, article: &Article, hash: u64, text_hash: u64) -> Change {
        self.seen.insert(article.id.clone());
        if let Some(h) = self.held.get_mut(&article.id) {
            if h.hash == hash {
                return Change::Unchanged;
            }
            let old_text = h.text_hash;
            *h = Held { hash, text_hash, file: article.file.clone() };
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
            self.duplicates
                .insert(article.id.clone(), DuplicateOf { of: of.clone(), hash, file: article.file.clone() });
            return Change::Duplicate { of };
        }
        self.duplicates.remove(&article.id);
        self.held.insert(article.id.clone(), Held { hash, text_hash, file: article.file.clone() });
        self.by_text.insert(text_hash, article.id.clone());
        Change::Added
    }

    /// The near-duplicate group of a new or changed article: the group of a stored article it
    /// shares enough MinHash bands with, or a group of its own (its text hash).
    pub fn group(&mut self, bands: &[u64], text_hash: u64, day: Option<i64>) -> u64 {
        let group = self.near.find(bands, day).unwrap_or(text_hash);
        self.near.insert(bands, group, day);
        group
    }

    /// Articles (and recorded duplicates) whose source file lies under one of `roots` but that
    /// were not seen in this run, leaving out files under `unreadable` (which may still hold
    /// them): what `--prune` removes.
    pub fn unseen_under(&self, roots: &[String], unreadable: &[String]) -> (Vec<String>, Vec<String>) {
        let under = |file: &str, dirs: &[String]| dirs.iter().any(|r| is_under(file, r));
        let gone = |id: &String, file: &str| {
            !self.seen.contains(id) && under(file, roots) && !under(file, unreadable)
        };
        let mut articles: Vec<String> =
            self.held.iter().filter(|(id, h)| gone(id, &h.file)).map(|(id, _)| id.clone()).collect();
        let mut dups: Vec<String> =
            self.duplicates.iter().filter(|(id, d)| gone(id, &d.file)).map(|(id, _)| id.clone()).collect();
        articles.sort();
        dups.sort();
        (articles, dups)
    }

    /// Forgets an article removed from the archive.
    pub fn remove(&mut self, id: &str) {
        if let Some(h) = self.held.remove(id) {
            if self.by_text.get(&h.text_hash).is_some_and(|o| o == id) {
                self.by_text.remove(&h.text_hash);
            }
        }
        self.duplicates.remove(id);
    }
}

/// True when `file` is `root` or lies inside it (whole path components).
pub fn is_under(file: &str, root: &str) -> bool {
    Path::new(file).starts_with(Path::new(root))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, text: &str) -> Article {
        Article { id: id.into(), text: text.into(), file: format!("/news/{id}.txt"), ..Default::default() }
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
        assert_eq!(
            plan(&mut p, &art("b", "one  text\n")),
            Change::Unchanged,
            "a known duplicate is unchanged"
        );
        assert_eq!(plan(&mut p, &art("a", "another text")), Change::Changed);
        assert_eq!(
            plan(&mut p, &art("c", "one text")),
            Change::Added,
            "the old text is free once its owner changed"
        );
    }

    #[test]
    fn pruning_only_touches_unseen_articles_under_the_given_roots() {
        let held: HashMap<String, Held> = [
            ("a", "/news/2024/a.txt"),
            ("b", "/news/2024/b.txt"),
            ("c", "/other/c.txt"),
            ("d", "/news/2024x/d.txt"),
            ("e", "/news/2024/locked/e.txt"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, (id, f))| (id.to_string(), Held { hash: i as u64, text_hash: i as u64, file: f.into() }))
        .collect();
        let mut p = Planner::new(held, HashMap::new(), NearIndex::default());
        let mut a = art("a", "x");
        a.file = "/news/2024/a.txt".into();
        p.plan(&a, 0, 0);
        let (gone, _) = p.unseen_under(&["/news/2024".into()], &["/news/2024/locked".into()]);
        assert_eq!(gone, ["b"], "not a (seen), c (another root), d (a sibling folder), e (unreadable now)");
    }
}
