//! The indexing pipeline: walker and readers -> parallel extraction -> one writer per index,
//! through bounded channels so memory stays bounded whatever the corpus size. Commits close a
//! numbered batch: `quotes` first, `articles` last, each with the batch number in its payload.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Receiver, Sender};
use serde::Serialize;
use tantivy::query::RangeQuery;
use tantivy::{IndexWriter, Term};

use super::archive::{read_if_exists, write_atomic, Archive, CommitPayload, FileState};
use super::deletions::Deletions;
use super::document::{article_document, quote_documents, Identity};
use super::packed::{self, Packer};
use super::people::People;
use super::plan::{Change, DuplicateOf, Held, Planner};
use super::vocab::Vocab;
use crate::error::{Error, InputError, Result};
use crate::extract::{extract_guarded, ExtractOptions, Extraction};
use crate::ingest::minhash::{self, NearIndex};
use crate::ingest::{self, Article, Found, ReadOptions};

const DUPLICATES: &str = "duplicates.json";
/// The next duplicates.json, written before the commit that records it, renamed after.
const DUPLICATES_NEXT: &str = "duplicates.json.next";

/// Options of `gazette index`.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub read: ReadOptions,
    pub extract: ExtractOptions,
    /// Extraction threads (the writer has its own).
    pub threads: usize,
    /// Memory budget of the articles writer, in bytes (quotes get a quarter of it).
    pub memory: usize,
    /// Commit after this many new or changed articles...
    pub commit_every: usize,
    /// ...or after this long, whichever comes first.
    pub commit_interval: Duration,
    /// Plan only: read and classify, write nothing.
    pub dry_run: bool,
    /// Remove articles whose source files under the given roots are gone.
    pub prune: bool,
}

impl Default for IndexOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        IndexOptions {
            read: ReadOptions::default(),
            extract: ExtractOptions::default(),
            threads: cores,
            memory: 256 << 20,
            commit_every: 20000,
            commit_interval: Duration::from_secs(60),
            dry_run: false,
            prune: false,
        }
    }
}

/// One input that failed, for the summary.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FailedInput {
    pub path: String,
    pub error: String,
}

/// The longest id an article may have, in bytes (far below Tantivy's term limit of 65,530).
pub const MAX_ID_BYTES: usize = 1024;

/// How many failed (and skipped) inputs a summary keeps with their reasons: a file of
/// millions of bad records is counted in full but does not fill the memory with messages.
pub const KEPT_ERRORS: usize = 1000;

/// What a run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub duplicates: u64,
    pub failed: u64,
    /// Articles removed by `--prune`.
    pub removed: u64,
    /// Files of formats gazette does not read, and articles over `--max-article-bytes`.
    pub skipped: u64,
    /// The first [`KEPT_ERRORS`] failed inputs, each with the reason (`failed` counts them all).
    pub errors: Vec<FailedInput>,
    /// The first [`KEPT_ERRORS`] articles skipped for their size, each with the reason.
    pub skips: Vec<FailedInput>,
    /// Articles in the archive at the end.
    pub articles: u64,
    /// Quotes added in this run.
    pub quotes: u64,
    pub bytes: u64,
    pub seconds: f64,
    pub dry_run: bool,
    /// True when the run was interrupted (Ctrl-C) after committing what it had.
    pub interrupted: bool,
    /// With `--dry-run`: the ids of each kind of change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanList>,
    /// Folders that killed runs left beside the archive, removed by this one (told on the
    /// terminal, not part of the JSON summary).
    #[serde(skip)]
    pub leftovers: Vec<PathBuf>,
}

/// The plan itself, as `--dry-run` lists it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanList {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub duplicates: Vec<(String, String)>,
    pub removed: Vec<String>,
}

/// Progress as the writer sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub articles: u64,
    pub bytes: u64,
    pub total_bytes: u64,
}

enum Event {
    Planned {
        id: String,
        change: Change,
    },
    /// Unchanged articles, counted in bulk: a rerun sends one event per thousands of them.
    Unchanged(u64),
    Removed {
        id: String,
        duplicate: bool,
    },
    Duplicate {
        id: String,
        dup: DuplicateOf,
    },
    Extracted {
        article: Box<Article>,
        extraction: Extraction,
        change: Change,
        ident: Identity,
    },
    Failed(InputError),
    /// A file of a format gazette does not read, or an article over the size limit (with why).
    Skipped(Option<InputError>),
    Bytes(u64),
}

struct Job {
    article: Article,
    change: Change,
    ident: Identity,
}

/// Indexes `paths` into the archive at `dir` (created when missing). `progress` is called
/// from the writer thread; `stop` interrupts the run cleanly, committing what is done.
pub fn index_paths(
    dir: &Path,
    paths: &[PathBuf],
    opts: &IndexOptions,
    stop: Arc<AtomicBool>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let started = Instant::now();
    let archive = if opts.dry_run {
        match Archive::open(dir) {
            Ok(a) => Some(a),
            Err(Error::NoArchive(_)) => None,
            Err(e) => return Err(e),
        }
    } else {
        Some(Archive::open_or_create(dir)?)
    };
    let _lock = match (&archive, opts.dry_run) {
        (Some(a), false) => Some(a.lock_for_writing()?),
        _ => None,
    };
    // holding the lock, no other run is building beside this archive
    let leftovers = if _lock.is_some() { super::archive::clean_stale_rebuilds(dir) } else { Vec::new() };
    let mut writers = match (&archive, opts.dry_run) {
        (Some(a), false) => Some(Writers::open(a, opts)?),
        _ => None,
    };
    let planner = match &archive {
        Some(a) => {
            let (held, near) = load_held(a)?;
            Planner::new(held, load_duplicates(a)?, near)
        }
        None => Planner::default(),
    };
    let roots: Vec<String> =
        if opts.prune { paths.iter().map(|p| ingest::canonical_path(p)).collect() } else { Vec::new() };
    let mut articles_total = planner.len() as u64;

    let files: Vec<Found> = ingest::walk(paths).collect();
    let total_bytes: u64 =
        files
            .iter()
            .map(|f| {
                if let Found::File(p, _) = f {
                    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
                } else {
                    0
                }
            })
            .sum();

    let (job_tx, job_rx) = bounded::<Job>(256);
    let (ev_tx, ev_rx) = bounded::<Event>(4096);
    // Extraction takes every core it is given; the reader and the writers mostly wait on it.
    let workers = opts.threads.max(1);
    let (read_opts, extract_opts, dry_run, prune) = (opts.read, opts.extract, opts.dry_run, opts.prune);

    let mut summary = Summary { dry_run: opts.dry_run, leftovers, ..Default::default() };
    std::thread::scope(|scope| -> Result<()> {
        let reader_ev = ev_tx.clone();
        let stop_reader = stop.clone();
        let reader = scope.spawn(move || {
            let (planner, unreadable) =
                read_all(files, read_opts, planner, dry_run, job_tx, &reader_ev, &stop_reader);
            if prune && !stop_reader.load(Ordering::SeqCst) {
                let (articles, dups) = planner.unseen_under(&roots, &unreadable);
                for id in articles {
                    let _ = reader_ev.send(Event::Removed { id, duplicate: false });
                }
                for id in dups {
                    let _ = reader_ev.send(Event::Removed { id, duplicate: true });
                }
            }
        });
        for _ in 0..workers {
            let rx = job_rx.clone();
            let tx = ev_tx.clone();
            scope.spawn(move || extract_all(rx, tx, extract_opts));
        }
        drop(job_rx);
        drop(ev_tx);
        let outcome = write_all(
            archive.as_ref(),
            writers.as_mut(),
            ev_rx,
            opts,
            &mut summary,
            &mut articles_total,
            total_bytes,
            progress,
        );
        reader.join().map_err(|_| Error::Internal("the reader thread panicked".into()))?;
        outcome
    })?;
    summary.interrupted = stop.load(Ordering::SeqCst);
    summary.articles = articles_total;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The reader: walks, reads and classifies; sends new and changed articles to extraction.
/// Returns the planner and the canonical paths that could not be read (whose articles may
/// still exist, so `--prune` leaves them alone).
fn read_all(
    files: Vec<Found>,
    read_opts: ReadOptions,
    mut planner: Planner,
    dry_run: bool,
    jobs: Sender<Job>,
    events: &Sender<Event>,
    stop: &AtomicBool,
) -> (Planner, Vec<String>) {
    let mut unreadable = Vec::new();
    let mut unchanged = 0u64;
    for found in files {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match found {
            Found::Skipped(_) => {
                let _ = events.send(Event::Skipped(None));
            }
            Found::Error(e) => {
                unreadable.push(canonical(&e.path()));
                let _ = events.send(Event::Failed(e));
            }
            Found::File(path, id) => {
                let read = std::sync::atomic::AtomicU64::new(0);
                let mut sent = 0u64;
                ingest::read_file_counted(&path, &id, &read_opts, &read, &mut |r| {
                    if stop.load(Ordering::SeqCst) {
                        return false;
                    }
                    // progress inside a large file: the bytes read so far, by the megabyte
                    let now = read.load(Ordering::Relaxed);
                    if now - sent >= 1 << 20 {
                        let _ = events.send(Event::Bytes(now - sent));
                        sent = now;
                    }
                    match r {
                        Err(e @ InputError::TooLarge { .. }) => events.send(Event::Skipped(Some(e))).is_ok(),
                        Err(e) => {
                            if matches!(
                                e,
                                InputError::Unreadable { .. }
                                    | InputError::NotUtf8 { .. }
                                    | InputError::Binary { .. }
                            ) {
                                unreadable.push(canonical(&path.display().to_string()));
                            }
                            events.send(Event::Failed(e)).is_ok()
                        }
                        Ok(article) if article.id.len() > MAX_ID_BYTES => events
                            .send(Event::Failed(InputError::IdTooLong {
                                path: article.path.clone(),
                                len: article.id.len(),
                                limit: MAX_ID_BYTES,
                            }))
                            .is_ok(),
                        Ok(article) => {
                            let hash = article.content_hash();
                            if planner.unchanged(&article, hash) {
                                unchanged += 1;
                                if unchanged >= 4096 {
                                    return events
                                        .send(Event::Unchanged(std::mem::take(&mut unchanged)))
                                        .is_ok();
                                }
                                return true;
                            }
                            let text_hash = article.text_hash();
                            let change = planner.plan(&article, hash, text_hash);
                            match change {
                                Change::Added | Change::Changed if !dry_run => {
                                    let bands = minhash::bands(&article.text);
                                    let day = article.date.map(|d| d.unix_timestamp().div_euclid(86_400));
                                    let group = planner.group(&bands, text_hash, day);
                                    jobs.send(Job {
                                        article,
                                        change,
                                        ident: Identity { hash, text_hash, bands, group },
                                    })
                                    .is_ok()
                                }
                                Change::Duplicate { of } => events
                                    .send(Event::Duplicate {
                                        id: article.id,
                                        dup: DuplicateOf { of, hash, file: article.file },
                                    })
                                    .is_ok(),
                                change => events.send(Event::Planned { id: article.id, change }).is_ok(),
                            }
                        }
                    }
                });
                if unchanged > 0 {
                    let _ = events.send(Event::Unchanged(std::mem::take(&mut unchanged)));
                }
                let _ = events.send(Event::Bytes(read.load(Ordering::Relaxed) - sent));
            }
        }
    }
    (planner, unreadable)
}

fn canonical(path: &str) -> String {
    let p = path
        .rsplit_once(':')
        .filter(|(_, line)| line.chars().all(|c| c.is_ascii_digit()))
        .map(|(f, _)| f)
        .unwrap_or(path);
    ingest::canonical_path(Path::new(p))
}

fn extract_all(jobs: Receiver<Job>, events: Sender<Event>, opts: ExtractOptions) {
    for job in jobs {
        let ev = match extract_guarded(&job.article.text, job.article.body_start, opts) {
            Ok(extraction) => Event::Extracted {
                article: Box::new(job.article),
                extraction,
                change: job.change,
                ident: job.ident,
            },
            Err(reason) => Event::Failed(InputError::Extraction {
                path: job.article.path.clone(),
                id: job.article.id.clone(),
                reason,
            }),
        };
        if events.send(ev).is_err() {
            return;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn write_all(
    archive: Option<&Archive>,
    mut writers: Option<&mut Writers>,
    events: Receiver<Event>,
    opts: &IndexOptions,
    summary: &mut Summary,
    articles_total: &mut u64,
    total_bytes: u64,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let mut since_commit = 0usize;
    let mut last_commit = Instant::now();
    let mut last_progress = Instant::now();
    let mut seen = 0u64;
    let mut pending_duplicates: HashMap<String, Option<DuplicateOf>> = HashMap::new();
    let mut plan = PlanList::default();
    for ev in events {
        match ev {
            Event::Planned { change: Change::Unchanged, .. } => summary.unchanged += 1,
            Event::Unchanged(n) => summary.unchanged += n,
            Event::Planned { id, change: Change::Added } => {
                summary.added += 1;
                *articles_total += 1;
                plan.added.push(id);
            }
            Event::Planned { id, change: Change::Changed } => {
                summary.updated += 1;
                plan.updated.push(id);
            }
            Event::Planned { change: Change::Duplicate { .. }, .. } => summary.duplicates += 1,
            Event::Duplicate { id, dup } => {
                summary.duplicates += 1;
                if opts.dry_run {
                    plan.duplicates.push((id, dup.of));
                } else {
                    pending_duplicates.insert(id, Some(dup));
                }
            }
            Event::Removed { id, duplicate } => {
                if duplicate {
                    pending_duplicates.insert(id, None);
                } else {
                    summary.removed += 1;
                    *articles_total = articles_total.saturating_sub(1);
                    if let (Some(w), Some(archive)) = (writers.as_deref_mut(), archive) {
                        w.remove(archive, &id);
                        since_commit += 1;
                    }
                    plan.removed.push(id);
                }
            }
            Event::Failed(e) => {
                summary.failed += 1;
                if summary.errors.len() < KEPT_ERRORS {
                    summary.errors.push(FailedInput { path: e.path(), error: e.reason() });
                }
            }
            Event::Skipped(why) => {
                summary.skipped += 1;
                if let Some(e) = why.filter(|_| summary.skips.len() < KEPT_ERRORS) {
                    summary.skips.push(FailedInput { path: e.path(), error: e.reason() });
                }
            }
            Event::Bytes(b) => summary.bytes += b,
            Event::Extracted { article, extraction, change, ident } => {
                match change {
                    Change::Changed => summary.updated += 1,
                    _ => {
                        summary.added += 1;
                        *articles_total += 1;
                    }
                }
                summary.quotes += extraction.quotes.len() as u64;
                if let (Some(w), Some(archive)) = (writers.as_deref_mut(), archive) {
                    w.add(archive, &article, &extraction, &change, &ident)?;
                    since_commit += 1;
                }
            }
        }
        seen += 1;
        if let (Some(w), Some(archive)) = (writers.as_deref_mut(), archive) {
            let due = since_commit >= opts.commit_every
                || ((since_commit > 0 || !pending_duplicates.is_empty())
                    && last_commit.elapsed() >= opts.commit_interval);
            if due {
                let dups = std::mem::take(&mut pending_duplicates);
                w.commit(archive, *articles_total, &dups, false)?;
                since_commit = 0;
                last_commit = Instant::now();
            }
        }
        if last_progress.elapsed() >= Duration::from_millis(100) {
            progress(Progress { articles: seen, bytes: summary.bytes, total_bytes });
            last_progress = Instant::now();
        }
    }
    progress(Progress { articles: seen, bytes: summary.bytes, total_bytes });
    if opts.dry_run {
        summary.plan = Some(plan);
    }
    if let (Some(w), Some(archive)) = (writers, archive) {
        // A run that found nothing new writes nothing.
        if since_commit > 0 || !pending_duplicates.is_empty() {
            w.commit(archive, *articles_total, &pending_duplicates, true)?;
        } else if w.people_behind {
            // the run's last commit came due on its own (the input ended on a multiple of
            // --commit-every): its table still has to be worked out
            w.refresh_people(archive)?;
        }
    }
    Ok(())
}

/// The two index writers and the batch they are filling.
struct Writers {
    articles: IndexWriter,
    quotes: IndexWriter,
    vocab: Vocab,
    /// The ids removed by `--prune` (deleted.tsv).
    deleted: Deletions,
    /// duplicates.json as the last commit left it.
    dups: FileState,
    batch: u64,
    /// When `people.tsv` was last worked out (or the run began), and whether a commit since
    /// then left it out.
    people_at: std::time::Instant,
    people_behind: bool,
    /// Packs and compresses each article's stored values (see `index::packed`).
    packer: Packer,
}

/// Within one run, the people table is worked out again at a commit at most this often, and at
/// the run's last commit: it is a pass over the whole archive on the writer's thread (1.2 s for
/// 100,000 articles), and a long build commits every few seconds. Readers in between see the
/// merges of the previous table; a run killed in between has its table worked out by the next
/// writer, which finds it older than the last commit.
const PEOPLE_EVERY: std::time::Duration = std::time::Duration::from_secs(300);

impl Writers {
    fn open(archive: &Archive, opts: &IndexOptions) -> Result<Writers> {
        let lock_error = |e: tantivy::TantivyError| match e {
            tantivy::TantivyError::LockFailure(..) => {
                Error::Locked { path: archive.dir.clone(), holder: String::new() }
            }
            other => Error::Tantivy(other),
        };
        let threads = 1;
        let articles: IndexWriter = archive
            .articles
            .writer_with_num_threads(threads, opts.memory.max(20 << 20))
            .map_err(lock_error)?;
        let mut quotes: IndexWriter =
            archive.quotes.writer_with_num_threads(1, (opts.memory / 4).max(15 << 20)).map_err(lock_error)?;
        // Segment files of a commit that a killed run never finished are not in meta.json:
        // remove them now rather than at the next merge.
        let _ = articles.garbage_collect_files().wait();
        let _ = quotes.garbage_collect_files().wait();
        let committed = CommitPayload::of(&archive.articles)?.unwrap_or_default();
        let quotes_payload = CommitPayload::of(&archive.quotes)?.unwrap_or_default();
        if quotes_payload.batch > committed.batch {
            // A run died between the two commits: its quotes are dropped and the batch redone.
            let q = RangeQuery::new(
                std::ops::Bound::Excluded(Term::from_field_u64(archive.qf.batch, committed.batch)),
                std::ops::Bound::Unbounded,
            );
            quotes.delete_query(Box::new(q))?;
            let mut prepared = quotes.prepare_commit()?;
            prepared.set_payload(&serde_json::to_string(&committed).unwrap_or_default());
            prepared.commit()?;
        }
        let dups = settle_duplicates(archive, &committed)?;
        let vocab = Vocab::load(&archive.dir, committed.facets)?;
        let deleted = Deletions::load(&archive.dir, committed.deleted)?;
        // people.tsv is derived data: a run killed between its commit and writing the table
        // (or an archive made before the table existed) gets it now.
        if committed.batch > 0 && People::load(&archive.dir).map(|p| p.batch).ok() != Some(committed.batch) {
            People::refresh(&archive.dir, &archive.articles_reader()?.searcher(), &vocab, committed.batch)?;
        }
        let mut packer = Packer::open(&archive.dir)?;
        if packer.wants_samples() && committed.batch > 0 {
            // an archive without a dictionary (it began with few articles): the articles it
            // holds are samples too
            let searcher = archive.articles_reader()?.searcher();
            'all: for seg in searcher.segment_readers() {
                let store = seg.get_store_reader(1)?;
                for doc in seg.doc_ids_alive() {
                    if !packer.wants_samples() {
                        break 'all;
                    }
                    let d: tantivy::TantivyDocument = store.get(doc)?;
                    if let Some(v) = packed::value_of(&d, archive.af.packed) {
                        packer.sample(archive.dicts.raw(v)?)?;
                    }
                }
            }
        }
        Ok(Writers {
            articles,
            quotes,
            vocab,
            deleted,
            dups,
            batch: committed.batch.max(quotes_payload.batch) + 1,
            people_at: std::time::Instant::now(),
            people_behind: false,
            packer,
        })
    }

    fn remove(&mut self, archive: &Archive, id: &str) {
        self.deleted.push(self.batch, id);
        self.articles.delete_term(Term::from_field_text(archive.af.id, id));
        self.quotes.delete_term(Term::from_field_text(archive.qf.article, id));
    }

    fn add(
        &mut self,
        archive: &Archive,
        article: &Article,
        ex: &Extraction,
        change: &Change,
        ident: &Identity,
    ) -> Result<()> {
        if *change == Change::Changed {
            self.articles.delete_term(Term::from_field_text(archive.af.id, &article.id));
            self.quotes.delete_term(Term::from_field_text(archive.qf.article, &article.id));
        }
        for q in quote_documents(&archive.qf, &mut self.vocab, article, ex, self.batch) {
            self.quotes.add_document(q)?;
        }
        let mut doc = article_document(&archive.af, &mut self.vocab, article, ex, ident, self.batch);
        let raw = packed::entries(&doc, &archive.af.packed_fields());
        doc.add_bytes(archive.af.packed, &self.packer.pack(&raw)?);
        self.packer.sample(raw)?;
        self.articles.add_document(doc)?;
        Ok(())
    }

    /// Closes the batch: quotes first, articles last, both with the batch in the payload, then
    /// the duplicates seen so far beside the index.
    fn commit(
        &mut self,
        archive: &Archive,
        articles_total: u64,
        duplicates: &HashMap<String, Option<DuplicateOf>>,
        last: bool,
    ) -> Result<()> {
        // The state files are written before the commit that records them: facets.tsv in
        // place (it only grows), duplicates.json beside it as `.next`, put in place after.
        self.vocab.save(&archive.dir)?;
        let deleted = self.deleted.save(&archive.dir)?;
        let next_dups = if duplicates.is_empty() {
            None
        } else {
            let mut all = load_duplicates(archive)?;
            for (k, v) in duplicates {
                match v {
                    Some(d) => all.insert(k.clone(), d.clone()),
                    None => all.remove(k),
                };
            }
            let bytes = serde_json::to_vec(&all).unwrap_or_default();
            write_atomic(&archive.dir.join(DUPLICATES_NEXT), &bytes)?;
            Some(FileState::of(&bytes))
        };
        let payload = serde_json::to_string(&CommitPayload {
            batch: self.batch,
            articles: articles_total,
            facets: Some(self.vocab.state()),
            duplicates: Some(next_dups.unwrap_or(self.dups)),
            deleted: Some(deleted),
        })
        .unwrap_or_default();
        // Both indexes flush their segments at once (each writer's flush is one thread's work);
        // the quotes are still committed first, so that a run killed in between is redone.
        let (quotes, articles) = (&mut self.quotes, &mut self.articles);
        let (q, a) = std::thread::scope(|s| {
            let q = s.spawn(|| quotes.prepare_commit());
            let a = articles.prepare_commit();
            (q.join(), a)
        });
        let mut q = q.map_err(|_| Error::Internal("the quotes commit panicked".into()))??;
        let mut a = a?;
        q.set_payload(&payload);
        q.commit()?;
        a.set_payload(&payload);
        a.commit()?;
        if let Some(state) = next_dups {
            let (next, path) = (archive.dir.join(DUPLICATES_NEXT), archive.dir.join(DUPLICATES));
            std::fs::rename(&next, &path).map_err(|e| Error::io(&path, e))?;
            self.dups = state;
        }
        // the archive's names after this commit (derived data: see `people` and PEOPLE_EVERY)
        self.batch += 1;
        if last || self.people_at.elapsed() >= PEOPLE_EVERY {
            self.refresh_people(archive)?;
        } else {
            self.people_behind = true;
        }
        Ok(())
    }

    /// Works `people.tsv` out for the last commit.
    fn refresh_people(&mut self, archive: &Archive) -> Result<()> {
        People::refresh(&archive.dir, &archive.articles_reader()?.searcher(), &self.vocab, self.batch - 1)?;
        self.people_at = std::time::Instant::now();
        self.people_behind = false;
        Ok(())
    }
}

/// Every article the archive holds, with its hashes and file, read from the fast fields, and
/// the near-duplicate bands of all of them.
pub(crate) fn load_held(archive: &Archive) -> Result<(HashMap<String, Held>, NearIndex)> {
    let reader = archive.articles_reader()?;
    let searcher = reader.searcher();
    let mut held = HashMap::with_capacity(searcher.num_docs() as usize);
    let mut near = NearIndex::default();
    let missing = |f: &str| Error::Internal(format!("the archive has no {f} fast field"));
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let ids = ff.str("id")?.ok_or_else(|| missing("id"))?;
        let files = ff.str("file")?.ok_or_else(|| missing("file"))?;
        let hashes = ff.u64("hash")?;
        let text_hashes = ff.u64("text_hash")?;
        let groups = ff.u64("group")?;
        let bands = ff.u64("bands")?;
        let dates = ff.date("date")?;
        // each dictionary read once, in order: looking every document's ordinal up on its own
        // decodes its block from the start, which took a third of a 1M-article archive's load
        let (id_terms, file_terms) = (all_terms(&ids)?, all_terms(&files)?);
        let term = |terms: &[String], ord: Option<u64>| -> String {
            ord.and_then(|o| terms.get(o as usize)).cloned().unwrap_or_default()
        };
        for doc in seg.doc_ids_alive() {
            let id = term(&id_terms, ids.term_ords(doc).next());
            let file = term(&file_terms, files.term_ords(doc).next());
            let day = dates.first(doc).map(|d| d.into_timestamp_secs().div_euclid(86_400));
            near.insert_later(bands.values_for_doc(doc).collect(), groups.first(doc).unwrap_or(0), day);
            held.insert(
                id,
                Held {
                    hash: hashes.first(doc).unwrap_or(0),
                    text_hash: text_hashes.first(doc).unwrap_or(0),
                    file,
                },
            );
        }
    }
    Ok((held, near))
}

/// Every term of a segment's string fast field, by ordinal.
pub(crate) fn all_terms(column: &tantivy::columnar::StrColumn) -> Result<Vec<String>> {
    let dict = column.dictionary();
    let mut out = Vec::with_capacity(dict.num_terms());
    let mut stream = dict.stream()?;
    while stream.advance() {
        out.push(String::from_utf8_lossy(stream.key()).into_owned());
    }
    Ok(out)
}

/// The duplicates recorded beside the index (id -> the article it duplicates).
pub fn load_duplicates(archive: &Archive) -> Result<HashMap<String, DuplicateOf>> {
    let expected = archive.committed()?.duplicates;
    let path = archive.dir.join(DUPLICATES);
    let mut bytes = read_if_exists(&path)?;
    if let Some(want) = expected {
        if FileState::of(bytes.as_deref().unwrap_or_default()) != want {
            // a run that died between its commit and putting the file in place left it as .next
            match read_if_exists(&archive.dir.join(DUPLICATES_NEXT))? {
                Some(b) if FileState::of(&b) == want => bytes = Some(b),
                _ => {
                    let reason = match &bytes {
                        None => format!("it is missing, and the last commit recorded {} bytes", want.len),
                        Some(b) => format!(
                            "it has {} bytes that differ from the {} the last commit recorded",
                            b.len(),
                            want.len
                        ),
                    };
                    return Err(Error::Damaged { path, reason });
                }
            }
        }
    }
    match bytes {
        None => Ok(HashMap::new()),
        Some(b) => serde_json::from_slice(&b)
            .map_err(|e| Error::Damaged { path, reason: format!("it is not the JSON gazette writes ({e})") }),
    }
}

/// For a writer: checks duplicates.json against the last commit, puts in place a `.next` that
/// a run killed after its commit left, and removes one that a run killed before its commit
/// left. Returns the file's state.
fn settle_duplicates(archive: &Archive, committed: &CommitPayload) -> Result<FileState> {
    let (path, next) = (archive.dir.join(DUPLICATES), archive.dir.join(DUPLICATES_NEXT));
    if let Some(b) = read_if_exists(&next)? {
        if committed.duplicates == Some(FileState::of(&b)) {
            std::fs::rename(&next, &path).map_err(|e| Error::io(&path, e))?;
        } else {
            std::fs::remove_file(&next).map_err(|e| Error::io(&next, e))?;
        }
    }
    load_duplicates(archive)?;
    match committed.duplicates {
        // checked against it just now
        Some(state) => Ok(state),
        None => Ok(FileState::of(read_if_exists(&path)?.as_deref().unwrap_or_default())),
    }
}
