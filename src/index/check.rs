//! `gazette check`: verifies an archive against its sources and against itself.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde::Serialize;

use super::archive::{Archive, CommitPayload};
use super::build::{load_duplicates, load_held};
use super::plan::is_under;
use crate::error::Result;
use crate::ingest::{self, Found, ReadOptions};

/// Differences found; an empty report means the archive matches its sources.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub articles: u64,
    /// Articles of the sources that the archive does not hold (and are no known duplicate).
    pub missing: Vec<String>,
    /// Articles whose stored hash differs from their source's.
    pub changed: Vec<String>,
    /// Articles held from files under the given roots that no longer provide them.
    pub stale: Vec<String>,
    /// Quotes whose article is not in the archive.
    pub orphan_quotes: u64,
    /// True when the two indexes closed the same batch last.
    pub batches_agree: bool,
    /// Files of the indexes whose content no longer matches the checksum written with them (a
    /// garbled document store, postings or fast fields): only `index --rebuild` repairs them.
    pub damaged: Vec<String>,
    /// Inputs that could not be read, or records that `index` rejects too (no title nor text,
    /// malformed JSON): input errors, reported apart; they do not make the archive disagree.
    pub unreadable: Vec<String>,
    /// True when the archive agrees with every record that could be read.
    pub ok: bool,
}

pub fn check(archive: &Archive, paths: &[PathBuf], read: &ReadOptions) -> Result<CheckReport> {
    let (held, _) = load_held(archive)?;
    let dups = load_duplicates(archive)?;
    // facets.tsv against the last commit (an error naming the file when it is damaged)
    let committed = archive.committed()?;
    super::vocab::Vocab::load(&archive.dir, committed.facets)?;
    // and deleted.tsv (the pruned ids `export --since-batch` lists)
    super::deletions::Deletions::load(&archive.dir, committed.deleted)?;
    let mut report = CheckReport {
        schema_version: super::schema::SCHEMA_VERSION,
        articles: held.len() as u64,
        ..Default::default()
    };
    let mut seen: HashSet<String> = HashSet::new();
    let mut unreadable_files: Vec<String> = Vec::new();
    for found in ingest::walk(paths) {
        match found {
            Found::File(path, id) => {
                ingest::read_file_counted(
                    &path,
                    &id,
                    read,
                    &std::sync::atomic::AtomicU64::new(0),
                    &mut |r| {
                        match r {
                            Ok(a) => {
                                let hash = a.content_hash();
                                match held.get(&a.id) {
                                    Some(h) if h.hash == hash => {}
                                    Some(_) => report.changed.push(a.id.clone()),
                                    None if dups.get(&a.id).is_some_and(|d| d.hash == hash) => {}
                                    None => report.missing.push(a.id.clone()),
                                }
                                seen.insert(a.id);
                            }
                            Err(e) => {
                                if matches!(e, crate::error::InputError::Unreadable { .. }) {
                                    unreadable_files.push(ingest::canonical_path(&path));
                                }
                                report.unreadable.push(e.to_string());
                            }
                        }
                        true
                    },
                );
            }
            Found::Error(e) => report.unreadable.push(e.to_string()),
            Found::Skipped(_) => {}
        }
    }
    let roots: Vec<String> = paths.iter().map(|p| ingest::canonical_path(p)).collect();
    let mut stale: Vec<String> = held
        .iter()
        .filter(|(id, h)| {
            !seen.contains(*id)
                && roots.iter().any(|r| is_under(&h.file, r))
                && !unreadable_files.iter().any(|u| is_under(&h.file, u))
        })
        .map(|(id, _)| id.clone())
        .collect();
    stale.sort();
    report.stale = stale;
    report.missing.sort();
    report.changed.sort();
    let reader = archive.quotes_reader()?;
    let searcher = reader.searcher();
    let mut counts: HashMap<String, u64> = HashMap::new();
    for seg in searcher.segment_readers() {
        if let Some(col) = seg.fast_fields().str("article")? {
            let mut buf = String::new();
            for doc in seg.doc_ids_alive() {
                buf.clear();
                if let Some(ord) = col.term_ords(doc).next() {
                    col.ord_to_str(ord, &mut buf)?;
                }
                *counts.entry(buf.clone()).or_default() += 1;
            }
        }
    }
    report.orphan_quotes = counts.iter().filter(|(a, _)| !held.contains_key(*a)).map(|(_, c)| c).sum();
    let a = CommitPayload::of(&archive.articles)?.unwrap_or_default();
    let q = CommitPayload::of(&archive.quotes)?.unwrap_or_default();
    report.batches_agree = a.batch == q.batch;
    // every byte of every file of the last commit against its checksum
    for (name, index) in [("articles", &archive.articles), ("quotes", &archive.quotes)] {
        let bad = index.validate_checksum().map_err(|e| crate::error::Error::Damaged {
            path: archive.dir.join(name),
            reason: format!("its files cannot be read to verify them ({e})"),
        })?;
        let mut bad: Vec<String> =
            bad.iter().map(|p| archive.dir.join(name).join(p).display().to_string()).collect();
        bad.sort();
        report.damaged.extend(bad);
    }
    report.ok = report.damaged.is_empty()
        && report.missing.is_empty()
        && report.changed.is_empty()
        && report.stale.is_empty()
        && report.orphan_quotes == 0
        && report.batches_agree;
    Ok(report)
}
