//! The articles that `index --prune` removed, batch by batch, kept in `deleted.tsv` beside the
//! indexes so that `export --since-batch N` can tell a cluster which ids to delete. An article
//! that changed is not listed: it is exported again under the same id, which replaces it.
//!
//! Like `facets.tsv`, the file only grows, is written before the commit that records its
//! length and hash, and lines after the committed length (a run that died before its commit)
//! are left out.

use std::path::Path;

use super::archive::{read_if_exists, write_atomic, FileState};
use crate::error::{Error, Result};

const FILE: &str = "deleted.tsv";

/// The removals of an archive: `(batch, id)` in the order they were committed.
#[derive(Debug, Default, Clone)]
pub struct Deletions {
    committed: Vec<u8>,
    pending: Vec<(u64, String)>,
    state: FileState,
}

impl Deletions {
    /// Reads `deleted.tsv` as the last commit recorded it (`None`: an archive that never
    /// recorded it, which has removed nothing the file would hold).
    pub fn load(dir: &Path, committed: Option<FileState>) -> Result<Deletions> {
        let path = dir.join(FILE);
        let bytes = read_if_exists(&path)?.unwrap_or_default();
        // (nothing removed yet: no file, and the state of no bytes)
        let Some(c) = committed.filter(|c| c.len > 0) else { return Ok(Deletions::default()) };
        if (bytes.len() as u64) < c.len || FileState::of(&bytes[..c.len as usize]) != c {
            return Err(Error::Damaged {
                path,
                reason: format!("it does not hold the {} bytes the last commit recorded", c.len),
            });
        }
        let committed = bytes[..c.len as usize].to_vec();
        Ok(Deletions { committed, pending: Vec::new(), state: c })
    }

    /// Notes that the batch being filled removes `id`.
    pub fn push(&mut self, batch: u64, id: &str) {
        self.pending.push((batch, id.to_string()));
    }

    /// Writes the pending removals after the committed ones (before the commit that records
    /// them); returns the state for the commit's payload.
    pub fn save(&mut self, dir: &Path) -> Result<FileState> {
        if self.pending.is_empty() {
            return Ok(self.state);
        }
        for (batch, id) in self.pending.drain(..) {
            // ids are one line each: a tab or newline in an id would break the line
            let id = id.replace(['\t', '\n', '\r'], " ");
            self.committed.extend_from_slice(format!("{batch}\t{id}\n").as_bytes());
        }
        write_atomic(&dir.join(FILE), &self.committed)?;
        self.state = FileState::of(&self.committed);
        Ok(self.state)
    }

    /// The ids removed by batches after `batch`, in order, each once.
    pub fn since(&self, batch: u64) -> Vec<String> {
        let text = String::from_utf8_lossy(&self.committed);
        let mut seen = std::collections::HashSet::new();
        text.lines()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(b, _)| b.parse::<u64>().is_ok_and(|b| b > batch))
            .filter(|(_, id)| seen.insert(id.to_string()))
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_after_a_batch_come_back_once_and_uncommitted_lines_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Deletions::load(dir.path(), None).unwrap();
        d.push(2, "a");
        d.push(3, "b");
        let state = d.save(dir.path()).unwrap();
        let mut d = Deletions::load(dir.path(), Some(state)).unwrap();
        d.push(5, "a");
        d.save(dir.path()).unwrap();
        // a run that died before its commit: the last line is not the committed state's
        let d = Deletions::load(dir.path(), Some(state)).unwrap();
        assert_eq!(d.since(0), vec!["a", "b"]);
        assert_eq!(d.since(2), vec!["b"]);
        assert!(d.since(3).is_empty());
    }

    #[test]
    fn a_file_cut_short_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = Deletions::default();
        d.push(1, "gone");
        let state = d.save(dir.path()).unwrap();
        std::fs::write(dir.path().join(FILE), b"1\tgo").unwrap();
        assert!(matches!(Deletions::load(dir.path(), Some(state)), Err(Error::Damaged { .. })));
    }
}
