//! Global facet ordinals: every speaker, person, organization, place and source gets a number
//! once, kept in `facets.tsv` beside the indexes, and documents store those numbers in a fast
//! field. Counting facets is then a vector of counts indexed by number, the same in every
//! segment, and only the values shown are turned back into strings: no per-segment
//! dictionary lookups at query time.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::archive::{read_if_exists, write_atomic, FileState};
use crate::error::{Error, Result};

const FILE: &str = "facets.tsv";

/// The facet kinds, in the order of their codes.
pub const KINDS: [&str; 5] = ["speaker", "person", "org", "place", "source"];

fn kind_code(kind: &str) -> Option<u8> {
    KINDS.iter().position(|k| *k == kind).map(|i| i as u8)
}

/// The numbered facet values of an archive.
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    values: Vec<(u8, String)>,
    /// the number of each value, one table per kind code (the last for unknown kinds), so that
    /// a lookup hashes the value as it is given, without a copy
    ids: Vec<FxHashMap<String, u64>>,
    saved: usize,
    state: FileState,
}

impl Vocab {
    /// Reads `facets.tsv` of an archive (empty when there is none yet). `committed` is the
    /// file as the archive's last commit recorded it: a file shorter than that, or whose first
    /// bytes differ, is damaged (facet names would go to the wrong values) and is an error;
    /// lines after the committed ones (a run that died before its commit) are left out.
    pub fn load(dir: &Path, committed: Option<FileState>) -> Result<Vocab> {
        let path = dir.join(FILE);
        let bytes = read_if_exists(&path)?.unwrap_or_default();
        let damaged = |reason: String| Error::Damaged { path: path.clone(), reason };
        let bytes = match committed {
            None => &bytes[..],
            Some(c) if (bytes.len() as u64) < c.len => {
                return Err(damaged(if bytes.is_empty() {
                    format!("it is missing or empty, and the last commit recorded {} bytes", c.len)
                } else {
                    format!("it has {} bytes, and the last commit recorded {}", bytes.len(), c.len)
                }))
            }
            Some(c) => {
                let head = &bytes[..c.len as usize];
                if FileState::of(head) != c {
                    return Err(damaged("its content differs from what the last commit recorded".into()));
                }
                head
            }
        };
        let text = std::str::from_utf8(bytes).map_err(|e| damaged(format!("not UTF-8: {e}")))?;
        let mut v = Vocab::default();
        for line in text.lines() {
            let (k, value) = line.split_once('\t').unwrap_or((line, ""));
            // An unknown kind keeps its number (so later numbers stay right) but is never shown.
            let code = kind_code(k).unwrap_or(u8::MAX);
            v.push(code, value.to_string());
        }
        v.saved = v.values.len();
        v.state = FileState::of(bytes);
        Ok(v)
    }

    /// The file as this vocabulary last read or wrote it, for the commit to record.
    pub fn state(&self) -> FileState {
        self.state
    }

    fn table(&self, code: u8) -> Option<&FxHashMap<String, u64>> {
        self.ids.get((code as usize).min(KINDS.len()))
    }

    fn push(&mut self, code: u8, value: String) -> u64 {
        let id = self.values.len() as u64;
        if self.ids.is_empty() {
            self.ids.resize_with(KINDS.len() + 1, FxHashMap::default);
        }
        self.ids[(code as usize).min(KINDS.len())].insert(value.clone(), id);
        self.values.push((code, value));
        id
    }

    /// The number of a value, given one when it is new.
    pub fn id(&mut self, kind: &str, value: &str) -> u64 {
        let code = kind_code(kind).unwrap_or(u8::MAX);
        // (a value holding a tab or a line break is kept with spaces in their place)
        let clean =
            |v: &str| v.chars().map(|c| if c == '\t' || c == '\n' || c == '\r' { ' ' } else { c }).collect();
        let value: std::borrow::Cow<str> = if value.contains(['\t', '\n', '\r']) {
            std::borrow::Cow::Owned(clean(value))
        } else {
            value.into()
        };
        match self.table(code).and_then(|t| t.get(value.as_ref())) {
            Some(&id) => id,
            None => self.push(code, value.into_owned()),
        }
    }

    /// The number of a value of a kind, when the archive has it.
    pub fn lookup(&self, kind: &str, value: &str) -> Option<u64> {
        self.table(kind_code(kind)?)?.get(value).copied()
    }

    /// The kind and value of a number.
    pub fn get(&self, id: u64) -> Option<(&'static str, &str)> {
        let (code, value) = self.values.get(id as usize)?;
        Some((KINDS.get(*code as usize)?, value.as_str()))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The kind code of each number, for counting.
    pub fn kinds(&self) -> Vec<u8> {
        self.values.iter().map(|(k, _)| *k).collect()
    }

    /// The values of a kind, in the order they were numbered.
    pub fn values_of(&self, kind: &str) -> impl Iterator<Item = &str> {
        let code = kind_code(kind);
        self.values.iter().filter(move |(k, _)| Some(*k) == code).map(|(_, v)| v.as_str())
    }

    /// How many values of a kind.
    pub fn count_of(&self, kind: &str) -> usize {
        let code = kind_code(kind);
        self.values.iter().filter(|(k, _)| Some(*k) == code).count()
    }

    /// Writes the file when values were added. Called before the indexes commit, so that a
    /// committed document never holds a number the file does not have.
    pub fn save(&mut self, dir: &Path) -> Result<()> {
        if self.saved == self.values.len() {
            return Ok(());
        }
        let mut out = String::with_capacity(self.values.len() * 20);
        for (code, value) in &self.values {
            out.push_str(KINDS.get(*code as usize).copied().unwrap_or("unknown"));
            out.push('\t');
            out.push_str(value);
            out.push('\n');
        }
        write_atomic(&dir.join(FILE), out.as_bytes())?;
        self.saved = self.values.len();
        self.state = FileState::of(out.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_stable_across_save_and_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut v = Vocab::default();
        let a = v.id("speaker", "John Kirby");
        let b = v.id("person", "John Kirby");
        assert_ne!(a, b, "the same name as speaker and as person are two values");
        assert_eq!(v.id("speaker", "John Kirby"), a);
        let t = v.id("org", "Tab\tCorp");
        v.save(dir.path()).unwrap();
        let w = Vocab::load(dir.path(), None).unwrap();
        assert_eq!(w.get(a), Some(("speaker", "John Kirby")));
        assert_eq!(w.get(t), Some(("org", "Tab Corp")));
        assert_eq!(w.count_of("person"), 1);
        assert_eq!(w.get(99), None);
    }
}
