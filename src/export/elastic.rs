//! `export --format elasticsearch`: for Elasticsearch 8 and OpenSearch 2, the index bodies
//! (`mappings/PREFIX-articles.json`, `mappings/PREFIX-quotes.json`: settings with an analyzer
//! that splits and folds words as gazette does, and strict mappings) and `_bulk` NDJSON files
//! of at most 50 MB each (under the default `http.max_content_length` of 100 MB): an action
//! line `{"index":{"_index":..,"_id":..}}` and the document. An export with `--since-batch`
//! adds `deletes.ndjson` (bulk delete actions for the pruned articles) and
//! `quotes-delete-by-query-N.json` (the quotes of the articles it replaces or deletes, to
//! `_delete_by_query` before loading: a changed article may have fewer quotes than before).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{close, create, json_line, ArticleRow, EntityRow, QuoteRow, Sink};
use crate::error::{Error, Result};

/// A bulk file is closed and the next one started past this size.
const CHUNK_BYTES: u64 = 50 << 20;
/// Ids per `terms` query (Elasticsearch's default `index.max_terms_count` is 65,536).
const TERMS_PER_QUERY: usize = 10_000;

/// Bulk files `NAME-000001.ndjson`, `NAME-000002.ndjson`, ...
struct Chunked {
    out: PathBuf,
    name: String,
    index: String,
    file: Option<(std::io::BufWriter<std::fs::File>, PathBuf)>,
    bytes: u64,
    written: Vec<String>,
}

impl Chunked {
    fn new(out: &Path, name: &str, index: &str) -> Chunked {
        Chunked {
            out: out.to_path_buf(),
            name: name.to_string(),
            index: index.to_string(),
            file: None,
            bytes: 0,
            written: Vec::new(),
        }
    }

    fn add(&mut self, id: &str, doc: &impl serde::Serialize) -> Result<()> {
        if self.file.is_none() || self.bytes >= CHUNK_BYTES {
            self.close_current()?;
            let rel = format!("{}-{:06}.ndjson", self.name, self.written.len() + 1);
            let path = self.out.join(&rel);
            self.file = Some((create(&self.out, &rel)?, path));
            self.written.push(rel);
            self.bytes = 0;
        }
        let Some((w, path)) = self.file.as_mut() else { unreachable!("opened above") };
        let action = json!({"index": {"_index": self.index, "_id": id}});
        let doc = serde_json::to_vec(doc).map_err(|e| Error::Internal(e.to_string()))?;
        json_line(w, path, &action)?;
        w.write_all(&doc).and_then(|_| w.write_all(b"\n")).map_err(|e| Error::io(&*path, e))?;
        self.bytes += doc.len() as u64 + 64 + id.len() as u64;
        Ok(())
    }

    fn close_current(&mut self) -> Result<()> {
        if let Some((w, path)) = self.file.take() {
            close(w, &path)?;
        }
        Ok(())
    }
}

pub struct ElasticSink {
    out: PathBuf,
    prefix: String,
    articles: Chunked,
    quotes: Chunked,
}

impl ElasticSink {
    pub fn create(out: &Path, prefix: &str) -> Result<ElasticSink> {
        for (name, body) in [("articles", articles_index()), ("quotes", quotes_index())] {
            let rel = format!("mappings/{prefix}-{name}.json");
            let path = out.join(&rel);
            let mut w = create(out, &rel)?;
            let text = serde_json::to_string_pretty(&body).map_err(|e| Error::Internal(e.to_string()))?;
            w.write_all(text.as_bytes()).map_err(|e| Error::io(&path, e))?;
            close(w, &path)?;
        }
        Ok(ElasticSink {
            out: out.to_path_buf(),
            prefix: prefix.to_string(),
            articles: Chunked::new(out, "articles", &format!("{prefix}-articles")),
            quotes: Chunked::new(out, "quotes", &format!("{prefix}-quotes")),
        })
    }
}

impl Sink for ElasticSink {
    fn article(&mut self, a: &ArticleRow) -> Result<()> {
        self.articles.add(&a.id, a)
    }

    fn quote(&mut self, q: &QuoteRow) -> Result<()> {
        self.quotes.add(&q.id, q)
    }

    /// Entities are the articles' `persons`, `orgs` and `places` here.
    fn entity(&mut self, _e: &EntityRow) -> Result<()> {
        Ok(())
    }

    fn finish(mut self: Box<Self>, deleted: &[String], replaced: &[String]) -> Result<Vec<String>> {
        self.articles.close_current()?;
        self.quotes.close_current()?;
        let mut files: Vec<String> =
            ["articles", "quotes"].iter().map(|n| format!("mappings/{}-{n}.json", self.prefix)).collect();
        files.append(&mut self.articles.written);
        files.append(&mut self.quotes.written);
        if !deleted.is_empty() {
            let rel = "deletes.ndjson";
            let path = self.out.join(rel);
            let mut w = create(&self.out, rel)?;
            for id in deleted {
                json_line(
                    &mut w,
                    &path,
                    &json!({"delete": {"_index": format!("{}-articles", self.prefix), "_id": id}}),
                )?;
            }
            close(w, &path)?;
            files.push(rel.to_string());
        }
        let gone: Vec<&String> = replaced.iter().chain(deleted).collect();
        for (i, ids) in gone.chunks(TERMS_PER_QUERY).enumerate() {
            let rel = format!("quotes-delete-by-query-{:06}.json", i + 1);
            let path = self.out.join(&rel);
            let body = json!({"query": {"terms": {"article": ids}}});
            std::fs::write(&path, body.to_string()).map_err(|e| Error::io(&path, e))?;
            files.push(rel);
        }
        super::write_deleted(&self.out, deleted, &mut files)?;
        Ok(files)
    }
}

/// Settings shared by both indexes: words split on what is not a letter or digit, cut past
/// 40 characters, lowercased and accent-folded, as gazette indexes them (no stemming).
fn settings() -> Value {
    json!({
        "analysis": {
            "tokenizer": {"gazette_simple": {"type": "pattern", "pattern": "[^\\p{L}\\p{N}]+"}},
            "filter": {"gazette_long": {"type": "length", "max": 40}},
            "analyzer": {
                "gazette_words": {
                    "type": "custom",
                    "tokenizer": "gazette_simple",
                    "filter": ["gazette_long", "lowercase", "asciifolding"]
                }
            }
        }
    })
}

fn words() -> Value {
    json!({"type": "text", "analyzer": "gazette_words"})
}

/// A name: exact for filters and aggregations, and searchable as words.
fn name() -> Value {
    json!({"type": "keyword", "fields": {"words": words()}})
}

fn stored_only(kind: &str) -> Value {
    json!({"type": kind, "index": false})
}

pub fn articles_index() -> Value {
    json!({
        "settings": settings(),
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": {"type": "keyword"},
                "title": words(),
                "date": {"type": "date", "format": "strict_date_optional_time"},
                "date_text": stored_only("keyword"),
                "source": {"type": "keyword"},
                "url": stored_only("keyword"),
                "path": stored_only("keyword"),
                "author": {"type": "keyword"},
                "text": words(),
                "paragraphs": {"type": "integer"},
                "speakers": name(),
                "persons": name(),
                "orgs": name(),
                "places": name(),
                "batch": {"type": "long"}
            }
        }
    })
}

pub fn quotes_index() -> Value {
    json!({
        "settings": settings(),
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": {"type": "keyword"},
                "article": {"type": "keyword"},
                "ord": {"type": "integer"},
                "text": words(),
                "speaker": name(),
                "speaker_as_written": {"type": "keyword"},
                "description": words(),
                "cue": {"type": "keyword"},
                "paragraph": {"type": "integer"},
                "start": stored_only("long"),
                "end": stored_only("long"),
                "date": {"type": "date", "format": "strict_date_optional_time"},
                "title": words(),
                "source": {"type": "keyword"},
                "batch": {"type": "long"}
            }
        }
    })
}
