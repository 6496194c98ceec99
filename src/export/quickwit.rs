//! `export --format quickwit`: the index configs (`PREFIX-articles.yaml`, `PREFIX-quotes.yaml`:
//! a strict `doc_mapping` whose fields, tokenizer, fast fields and timestamp field match
//! gazette's schema) and their NDJSON documents (`articles.ndjson`, `quotes.ndjson`), for
//! `quickwit index create --index-config F` and `quickwit index ingest --index ID --input-path F`.
//! Quickwit has no document ids to replace: an export with `--since-batch` adds
//! `delete-queries.txt`, the delete-task queries that remove the earlier versions of what it
//! holds (and the pruned articles) before it is ingested.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{close, create, json_line, ArticleRow, EntityRow, QuoteRow, Sink};
use crate::error::{Error, Result};

/// Ids per delete query.
const IDS_PER_QUERY: usize = 1_000;

pub struct QuickwitSink {
    out: PathBuf,
    prefix: String,
    articles: (std::io::BufWriter<std::fs::File>, PathBuf),
    quotes: (std::io::BufWriter<std::fs::File>, PathBuf),
}

impl QuickwitSink {
    pub fn create(out: &Path, prefix: &str) -> Result<QuickwitSink> {
        for (name, config) in [
            ("articles", articles_config(&format!("{prefix}-articles"))),
            ("quotes", quotes_config(&format!("{prefix}-quotes"))),
        ] {
            let rel = format!("{prefix}-{name}.yaml");
            let path = out.join(&rel);
            std::fs::write(&path, to_yaml(&config)).map_err(|e| Error::io(&path, e))?;
        }
        Ok(QuickwitSink {
            out: out.to_path_buf(),
            prefix: prefix.to_string(),
            articles: (create(out, "articles.ndjson")?, out.join("articles.ndjson")),
            quotes: (create(out, "quotes.ndjson")?, out.join("quotes.ndjson")),
        })
    }
}

impl Sink for QuickwitSink {
    fn article(&mut self, a: &ArticleRow) -> Result<()> {
        json_line(&mut self.articles.0, &self.articles.1, a)
    }

    fn quote(&mut self, q: &QuoteRow) -> Result<()> {
        json_line(&mut self.quotes.0, &self.quotes.1, q)
    }

    /// Entities are the articles' `persons`, `orgs` and `places` here.
    fn entity(&mut self, _e: &EntityRow) -> Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>, deleted: &[String], replaced: &[String]) -> Result<Vec<String>> {
        let QuickwitSink { out, prefix, articles, quotes } = *self;
        close(articles.0, &articles.1)?;
        close(quotes.0, &quotes.1)?;
        let mut files = vec![
            format!("{prefix}-articles.yaml"),
            format!("{prefix}-quotes.yaml"),
            "articles.ndjson".to_string(),
            "quotes.ndjson".to_string(),
        ];
        let gone: Vec<&String> = replaced.iter().chain(deleted).collect();
        if !gone.is_empty() {
            // one line per query: INDEX<TAB>QUERY
            let rel = "delete-queries.txt";
            let path = out.join(rel);
            let mut w = create(&out, rel)?;
            for ids in gone.chunks(IDS_PER_QUERY) {
                let list: Vec<String> = ids.iter().map(|id| quoted(id)).collect();
                let list = list.join(" ");
                writeln!(w, "{prefix}-articles\tid:IN [{list}]").map_err(|e| Error::io(&path, e))?;
                writeln!(w, "{prefix}-quotes\tarticle:IN [{list}]").map_err(|e| Error::io(&path, e))?;
            }
            close(w, &path)?;
            files.push(rel.to_string());
        }
        super::write_deleted(&out, deleted, &mut files)?;
        Ok(files)
    }
}

/// A term of Quickwit's query language, quoted.
fn quoted(id: &str) -> String {
    format!("\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Words as gazette indexes them: split on what is not a letter or digit, cut past 40
/// bytes (Quickwit's `remove_long` cuts past 255), lowercased and accent-folded.
fn tokenizers() -> Value {
    json!([{"name": "gazette_words", "type": "simple", "filters": ["remove_long", "lower_caser", "ascii_folding"]}])
}

fn words(name: &str, positions: bool) -> Value {
    json!({"name": name, "type": "text", "tokenizer": "gazette_words",
           "record": if positions { "position" } else { "freq" }, "stored": true})
}

fn raw(name: &str, fast: bool) -> Value {
    json!({"name": name, "type": "text", "tokenizer": "raw", "stored": true, "fast": fast})
}

fn names(name: &str) -> Value {
    json!({"name": name, "type": "array<text>", "tokenizer": "raw", "stored": true, "fast": true})
}

fn stored(name: &str, kind: &str) -> Value {
    json!({"name": name, "type": kind, "indexed": false, "stored": true})
}

fn number(name: &str, fast: bool) -> Value {
    json!({"name": name, "type": "u64", "stored": true, "indexed": true, "fast": fast})
}

fn date() -> Value {
    json!({"name": "date", "type": "datetime", "input_formats": ["rfc3339"], "output_format": "rfc3339",
           "stored": true, "indexed": true, "fast": true, "fast_precision": "seconds"})
}

fn config(index_id: &str, fields: Vec<Value>, search: &[&str]) -> Value {
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "strict",
            "tokenizers": tokenizers(),
            "field_mappings": fields,
            "timestamp_field": "date",
        },
        "search_settings": {"default_search_fields": search},
        "indexing_settings": {"commit_timeout_secs": 30},
    })
}

pub fn articles_config(index_id: &str) -> Value {
    config(
        index_id,
        vec![
            raw("id", true),
            words("title", true),
            date(),
            stored("date_text", "text"),
            raw("source", true),
            stored("url", "text"),
            stored("path", "text"),
            raw("author", false),
            words("text", true),
            number("paragraphs", false),
            names("speakers"),
            names("persons"),
            names("orgs"),
            names("places"),
            number("batch", true),
        ],
        &["title", "text"],
    )
}

pub fn quotes_config(index_id: &str) -> Value {
    config(
        index_id,
        vec![
            raw("id", true),
            raw("article", true),
            number("ord", true),
            words("text", true),
            raw("speaker", true),
            raw("speaker_as_written", false),
            words("description", false),
            raw("cue", false),
            number("paragraph", false),
            stored("start", "u64"),
            stored("end", "u64"),
            date(),
            words("title", false),
            raw("source", true),
            number("batch", true),
        ],
        &["text", "speaker", "description"],
    )
}

/// YAML for a JSON value: block mappings and sequences, every string double-quoted (JSON's
/// escapes are YAML's), so that no value can be read as another type.
pub fn to_yaml(v: &Value) -> String {
    let mut out = String::from("# Written by `gazette export --format quickwit`.\n");
    yaml_into(&mut out, v, 0);
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => Value::String(s.clone()).to_string(),
        Value::Object(m) if m.is_empty() => "{}".into(),
        Value::Array(a) if a.is_empty() => "[]".into(),
        other => other.to_string(),
    }
}

fn is_block(v: &Value) -> bool {
    matches!(v, Value::Object(m) if !m.is_empty()) || matches!(v, Value::Array(a) if !a.is_empty())
}

fn yaml_into(out: &mut String, v: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            // a field's name and type first, as Quickwit's documentation writes them
            let first = ["version", "index_id", "name", "type"];
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort_by_key(|k| (first.iter().position(|f| f == k).unwrap_or(first.len()), k.as_str()));
            for (k, val) in keys.into_iter().map(|k| (k, &m[k])) {
                if is_block(val) {
                    out.push_str(&format!("{pad}{k}:\n"));
                    yaml_into(out, val, indent + 2);
                } else {
                    out.push_str(&format!("{pad}{k}: {}\n", scalar(val)));
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            for item in a {
                if is_block(item) {
                    // the item's first line goes after the dash, the rest under it
                    let mut inner = String::new();
                    yaml_into(&mut inner, item, indent + 2);
                    let inner = inner.trim_start();
                    out.push_str(&format!("{pad}- {inner}"));
                } else {
                    out.push_str(&format!("{pad}- {}\n", scalar(item)));
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_of_nested_maps_and_lists() {
        let v = json!({"a": {"b": [1, {"c": "x: y", "d": []}], "e": "it's"}, "f": true});
        let y = to_yaml(&v);
        assert_eq!(
            y,
            "# Written by `gazette export --format quickwit`.\na:\n  b:\n    - 1\n    - c: \"x: y\"\n      d: []\n  e: \"it's\"\nf: true\n"
        );
    }
}
