//! `gazette export`: the archive's articles, quotes and entities as files that other engines
//! load (Quickwit, Elasticsearch/OpenSearch, and Parquet for Spark, DuckDB and the like),
//! read from the archive itself: nothing is extracted again.
//!
//! Every row has a stable id (an article's id; `ARTICLE#ORD` for its ORD-th quote; the article
//! id, kind and name for an entity), so that loading an export twice, or an export that
//! overlaps an earlier one, replaces rows instead of adding them. `--since-batch N` exports
//! only the articles that commits after batch N added or changed, with their quotes and
//! entities, and lists the ids `--prune` removed since; the summary gives the last batch, for
//! the next call.

mod elastic;
mod parquet_files;
mod quickwit;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::schema::Value;
use tantivy::TantivyDocument;

use crate::error::{Error, Result};
use crate::index::deletions::Deletions;
use crate::search::{text_of, u64_of, Searchers};

/// The file formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Quickwit,
    Elasticsearch,
    Parquet,
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub format: Format,
    pub out: PathBuf,
    /// Only what commits after this batch added or changed.
    pub since_batch: Option<u64>,
    /// Names of the indexes in Quickwit and Elasticsearch: `PREFIX-articles`, `PREFIX-quotes`.
    pub prefix: String,
}

/// What an export wrote (also saved as `export.json` in the output folder).
#[derive(Debug, Clone, Serialize)]
pub struct ExportSummary {
    pub format: Format,
    pub out: String,
    /// The batch given to `--since-batch` (absent: the whole archive).
    pub since_batch: Option<u64>,
    /// The archive's last batch: pass it as `--since-batch` next time.
    pub last_batch: u64,
    pub articles: u64,
    pub quotes: u64,
    pub entities: u64,
    /// Ids of articles removed since `since_batch` (pruned), to delete downstream.
    pub deleted: Vec<String>,
    /// The files written, relative to `out`.
    pub files: Vec<String>,
}

/// One article as exported.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub title: String,
    #[serde(serialize_with = "rfc3339", skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    pub date_text: String,
    pub source: String,
    pub url: String,
    pub path: String,
    pub author: String,
    /// The paragraphs joined by blank lines.
    pub text: String,
    pub paragraphs: u64,
    /// Names as the archive shows them (merged across articles and by `aliases.toml`).
    pub speakers: Vec<String>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub batch: u64,
}

/// One quotation as exported.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    /// `ARTICLE#ORD`.
    pub id: String,
    pub article: String,
    pub ord: u64,
    pub text: String,
    /// The name the archive shows (merged); `speaker_as_written` is the article's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_as_written: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    pub paragraph: u64,
    pub start: u64,
    pub end: u64,
    #[serde(serialize_with = "rfc3339", skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    pub title: String,
    pub source: String,
    pub batch: u64,
}

/// One entity of one article, with the number of times the article mentions it.
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    pub article: String,
    /// person, org or place.
    pub kind: String,
    pub name: String,
    pub name_as_written: String,
    pub mentions: u64,
    #[serde(serialize_with = "rfc3339", skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    pub source: String,
    pub batch: u64,
}

fn rfc3339<S: serde::Serializer>(d: &Option<i64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match d {
        Some(secs) => s.serialize_str(&rfc3339_text(*secs)),
        None => s.serialize_none(),
    }
}

/// A timestamp as RFC 3339 in UTC (`2006-10-20T18:15:00Z`).
pub fn rfc3339_text(secs: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .and_then(|d| d.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// Where the rows go: one implementation per format.
trait Sink {
    fn article(&mut self, a: &ArticleRow) -> Result<()>;
    fn quote(&mut self, q: &QuoteRow) -> Result<()>;
    fn entity(&mut self, e: &EntityRow) -> Result<()>;
    /// Closes the files; `deleted` are the pruned ids, `replaced` the articles whose earlier
    /// quotes a cluster should drop before loading these (a changed article may have fewer).
    fn finish(self: Box<Self>, deleted: &[String], replaced: &[String]) -> Result<Vec<String>>;
}

/// Writes the export of the archive `s` into `opts.out`.
pub fn export(s: &Searchers, opts: &ExportOptions) -> Result<ExportSummary> {
    let committed = s.archive.committed()?;
    let last_batch = committed.batch;
    let since = opts.since_batch.unwrap_or(0);
    if since > last_batch {
        return Err(Error::Usage(format!(
            "--since-batch {since} is after the archive's last batch, {last_batch}: the archive was rebuilt, \
             or is another one; export it whole (without --since-batch)"
        )));
    }
    prepare_out(&opts.out)?;
    let mut sink: Box<dyn Sink> = match opts.format {
        Format::Parquet => Box::new(parquet_files::ParquetSink::create(&opts.out)?),
        Format::Elasticsearch => Box::new(elastic::ElasticSink::create(&opts.out, &opts.prefix)?),
        Format::Quickwit => Box::new(quickwit::QuickwitSink::create(&opts.out, &opts.prefix)?),
    };
    let (mut articles, mut quotes, mut entities) = (0u64, 0u64, 0u64);
    let mut replaced = Vec::new();
    let present = read_articles(s, since, &mut |a, ents| {
        articles += 1;
        if opts.since_batch.is_some() {
            replaced.push(a.id.clone());
        }
        sink.article(a)?;
        for e in ents {
            entities += 1;
            sink.entity(e)?;
        }
        Ok(())
    })?;
    read_quotes(s, since, &mut |q| {
        quotes += 1;
        sink.quote(q)
    })?;
    // pruned since the batch and not indexed again later
    let deleted: Vec<String> = if opts.since_batch.is_some() {
        Deletions::load(&s.archive.dir, committed.deleted)?
            .since(since)
            .into_iter()
            .filter(|id| !present.contains(id))
            .collect()
    } else {
        Vec::new()
    };
    let mut files = sink.finish(&deleted, &replaced)?;
    let mut summary = ExportSummary {
        format: opts.format,
        out: opts.out.display().to_string(),
        since_batch: opts.since_batch,
        last_batch,
        articles,
        quotes,
        entities,
        deleted,
        files: Vec::new(),
    };
    files.push(MANIFEST.to_string());
    summary.files = files;
    let path = opts.out.join(MANIFEST);
    let mut bytes = serde_json::to_vec_pretty(&summary).map_err(|e| Error::Internal(e.to_string()))?;
    bytes.push(b'\n');
    std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    Ok(summary)
}

/// The summary of the export, beside its files.
pub const MANIFEST: &str = "export.json";

/// Makes the output folder ready: created when missing; when it holds an earlier export, that
/// export's files are removed (a bulk file left from a larger export would be loaded again);
/// a folder holding anything else is refused rather than mixed into.
fn prepare_out(out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let entries: Vec<_> = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?.flatten().collect();
    if entries.is_empty() {
        return Ok(());
    }
    let manifest = out.join(MANIFEST);
    let earlier: Option<ExportFiles> =
        std::fs::read(&manifest).ok().and_then(|b| serde_json::from_slice(&b).ok());
    let Some(earlier) = earlier else {
        return Err(Error::Usage(format!(
            "{} is not empty and holds no earlier export ({MANIFEST}): give an empty or new folder to --out",
            out.display()
        )));
    };
    for f in &earlier.files {
        // only names inside the folder, as an export writes them
        let rel = Path::new(f);
        if rel.is_absolute() || rel.components().any(|c| !matches!(c, std::path::Component::Normal(_))) {
            continue;
        }
        let path = out.join(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Ok(())
}

/// The part of an earlier `export.json` that says which files it wrote.
#[derive(serde::Deserialize)]
struct ExportFiles {
    files: Vec<String>,
}

fn opt_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    Some(text_of(doc, field)).filter(|s| !s.is_empty())
}

fn date_secs(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<i64> {
    doc.get_first(field).and_then(|v| v.as_datetime()).map(|d| d.into_timestamp_secs())
}

/// Calls `each` with every article of a batch after `since` (and its entities), segment by
/// segment in document order. Returns the ids of every article the archive holds (for the
/// deletions: an id pruned and indexed again is not deleted).
fn read_articles(
    s: &Searchers,
    since: u64,
    each: &mut dyn FnMut(&ArticleRow, &[EntityRow]) -> Result<()>,
) -> Result<std::collections::HashSet<String>> {
    let f = &s.archive.af;
    let (vocab, names) = (s.vocab(), s.name_map());
    let mut present = std::collections::HashSet::new();
    for seg in s.articles.segment_readers() {
        // (`batch` is a fast field, not stored)
        let batches = seg.fast_fields().u64("batch")?;
        let facets = seg.fast_fields().u64("facets")?;
        let ids = seg.fast_fields().str("id")?;
        let store = seg.get_store_reader(1)?;
        let id_terms = match (&ids, since > 0) {
            (Some(ids), true) => crate::index::build::all_terms(ids)?,
            _ => Vec::new(),
        };
        for doc in seg.doc_ids_alive() {
            if let (Some(ids), false) = (&ids, id_terms.is_empty()) {
                for ord in ids.term_ords(doc) {
                    if let Some(t) = id_terms.get(ord as usize) {
                        present.insert(t.clone());
                    }
                }
            }
            let batch = batches.first(doc).unwrap_or(0);
            if batch <= since {
                continue;
            }
            let mut d: TantivyDocument = store.get(doc)?;
            s.archive.dicts.unpack(&mut d, f.packed)?;
            let id = text_of(&d, f.id);
            let mut speakers = Vec::new();
            for n in facets.values_for_doc(doc) {
                if let Some(("speaker", value)) = vocab.get(n) {
                    speakers.push(names.shown(vocab, "speaker", value).to_string());
                }
            }
            speakers.sort();
            speakers.dedup();
            let date = date_secs(&d, f.date);
            let source = text_of(&d, f.source);
            let mut ents = Vec::new();
            for v in d.get_all(f.entities).filter_map(|v| v.as_str()) {
                // kind TAB name TAB mentions (a name holds no tab; split from both ends anyway)
                let Some((kind, rest)) = v.split_once('\t') else { continue };
                let Some((name, mentions)) = rest.rsplit_once('\t') else { continue };
                ents.push(EntityRow {
                    article: id.clone(),
                    kind: kind.to_string(),
                    name: names.shown(vocab, kind, name).to_string(),
                    name_as_written: name.to_string(),
                    mentions: mentions.parse().unwrap_or(1),
                    date,
                    source: source.clone(),
                    batch,
                });
            }
            let of_kind = |k: &str| {
                let mut v: Vec<String> =
                    ents.iter().filter(|e| e.kind == k).map(|e| e.name.clone()).collect();
                v.sort();
                v.dedup();
                v
            };
            let paragraphs: Vec<&str> = d.get_all(f.body).filter_map(|v| v.as_str()).collect();
            let row = ArticleRow {
                id: id.clone(),
                title: text_of(&d, f.title),
                date,
                date_text: text_of(&d, f.date_text),
                source: source.clone(),
                url: text_of(&d, f.url),
                path: text_of(&d, f.path),
                author: text_of(&d, f.author),
                text: paragraphs.join("\n\n"),
                paragraphs: paragraphs.len() as u64,
                speakers,
                persons: of_kind("person"),
                orgs: of_kind("org"),
                places: of_kind("place"),
                batch,
            };
            each(&row, &ents)?;
        }
    }
    Ok(present)
}

/// Calls `each` with every quotation of a batch after `since`.
fn read_quotes(s: &Searchers, since: u64, each: &mut dyn FnMut(&QuoteRow) -> Result<()>) -> Result<()> {
    let f = &s.archive.qf;
    let (vocab, names) = (s.vocab(), s.name_map());
    for seg in s.quotes.segment_readers() {
        let batches = seg.fast_fields().u64("batch")?;
        let store = seg.get_store_reader(1)?;
        for doc in seg.doc_ids_alive() {
            let batch = batches.first(doc).unwrap_or(0);
            if batch <= since {
                continue;
            }
            let d: TantivyDocument = store.get(doc)?;
            let article = text_of(&d, f.article);
            let ord = u64_of(&d, f.ord);
            let written = opt_text(&d, f.speaker);
            let row = QuoteRow {
                id: format!("{article}#{ord}"),
                speaker: written.as_deref().map(|w| names.shown(vocab, "speaker", w).to_string()),
                speaker_as_written: written,
                article,
                ord,
                text: text_of(&d, f.text),
                description: opt_text(&d, f.description),
                cue: opt_text(&d, f.cue),
                paragraph: u64_of(&d, f.paragraph),
                start: u64_of(&d, f.start),
                end: u64_of(&d, f.end),
                date: date_secs(&d, f.date),
                title: text_of(&d, f.title),
                source: text_of(&d, f.source),
                batch,
            };
            each(&row)?;
        }
    }
    Ok(())
}

/// A file of the export, created (or emptied) for writing.
fn create(out: &Path, name: &str) -> Result<std::io::BufWriter<std::fs::File>> {
    let path = out.join(name);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    let f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
    Ok(std::io::BufWriter::with_capacity(1 << 20, f))
}

/// Writes one line of JSON.
fn json_line(w: &mut impl std::io::Write, path: &Path, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer(&mut *w, value).map_err(|e| Error::Internal(format!("{}: {e}", path.display())))?;
    w.write_all(b"\n").map_err(|e| Error::io(path, e))
}

/// Flushes a buffered file, naming it on failure.
fn close(w: std::io::BufWriter<std::fs::File>, path: &Path) -> Result<()> {
    let f = w.into_inner().map_err(|e| Error::io(path, e.into_error()))?;
    f.sync_all().map_err(|e| Error::io(path, e))
}

/// The ids removed since the batch, one per line (`deleted.txt`), when there are any.
fn write_deleted(out: &Path, deleted: &[String], files: &mut Vec<String>) -> Result<()> {
    if deleted.is_empty() {
        return Ok(());
    }
    let path = out.join(DELETED);
    let mut text = deleted.join("\n");
    text.push('\n');
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    files.push(DELETED.to_string());
    Ok(())
}

const DELETED: &str = "deleted.txt";
