//! The archive on disk: schema, article -> documents, the writer pipeline (plan, upsert,
//! commit, recovery), and what the archive holds.

pub mod aliases;
pub mod archive;
pub mod build;
pub mod check;
pub mod deletions;
pub mod document;
pub mod keys;
pub mod packed;
pub mod people;
pub mod plan;
pub mod schema;
pub mod vocab;

use serde::Serialize;

pub use archive::{Archive, CommitPayload};
pub use build::{index_paths, IndexOptions, Progress, Summary};

use crate::error::Result;

/// What `gazette stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub articles: u64,
    pub paragraphs: u64,
    pub quotes: u64,
    pub speakers: u64,
    pub duplicates: u64,
    pub segments: u64,
    pub bytes: u64,
    pub schema_version: u32,
    /// The batch of the last commit.
    pub batch: u64,
    /// The article count the last commit recorded in its payload.
    pub committed_articles: u64,
    /// The batch the quotes index last committed (equal to `batch` unless a run died between
    /// the two commits; the next writer repairs it).
    pub quotes_batch: u64,
}

/// Counts what the archive holds.
pub fn stats(archive: &Archive) -> Result<Stats> {
    let ar = archive.articles_reader()?;
    let a = ar.searcher();
    let qr = archive.quotes_reader()?;
    let q = qr.searcher();
    let payload = CommitPayload::of(&archive.articles)?.unwrap_or_default();
    let mut paragraphs = 0u64;
    for seg in a.segment_readers() {
        let counts = seg.fast_fields().u64("paragraphs")?;
        for doc in seg.doc_ids_alive() {
            paragraphs += counts.first(doc).unwrap_or(0);
        }
    }
    let speakers = vocab::Vocab::load(&archive.dir, archive.committed()?.facets)?.count_of("speaker");
    Ok(Stats {
        articles: a.num_docs(),
        paragraphs,
        quotes: q.num_docs(),
        speakers: speakers as u64,
        duplicates: build::load_duplicates(archive)?.len() as u64,
        segments: (a.segment_readers().len() + q.segment_readers().len()) as u64,
        bytes: archive.size_on_disk(),
        schema_version: schema::SCHEMA_VERSION,
        batch: payload.batch,
        committed_articles: payload.articles,
        quotes_batch: CommitPayload::of(&archive.quotes)?.unwrap_or_default().batch,
    })
}
