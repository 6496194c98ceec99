//! Reading article files: `.txt`/`.md` (optional front matter), `.json` (an object or an array
//! of objects), `.jsonl`/`.ndjson` (one object a line), each optionally `.gz` or `.zst`.
//! Every failure names the file (and line) and why; a bad line of a JSON Lines file does not
//! stop the good ones.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use serde_json::{Map, Value};

use super::article::Article;
use super::date::{date_from_file_name, parse_date};
use crate::error::InputError;

/// What a file holds, from its extension (after removing `.gz` / `.zst`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    JsonLines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The format of a path, or `None` for a file gazette does not read.
pub fn detect(path: &Path) -> Option<(Format, Compression)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (inner, compression) = if let Some(s) = name.strip_suffix(".gz") {
        (s, Compression::Gzip)
    } else if let Some(s) = name.strip_suffix(".zst") {
        (s, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let ext = inner.rsplit_once('.')?.1;
    let format = match ext {
        "txt" | "md" | "markdown" | "text" => Format::Text,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::JsonLines,
        _ => return None,
    };
    Some((format, compression))
}

/// Options of reading.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// An article (a text file, a JSON object, a line) larger than this is reported and skipped.
    pub max_article_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_article_bytes: 8 * 1024 * 1024 }
    }
}

/// Reads every article of `path`, handing each (or the error for it) to `sink`, in order.
/// `sink` returns false to stop early. Returns the number of bytes read from disk.
pub fn read_file(
    path: &Path,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, InputError>) -> bool,
) -> u64 {
    read_file_counted(path, &super::portable_id(path, path), opts, &AtomicU64::new(0), sink)
}

/// A file as it is read from disk: `read` grows by the bytes taken from the file (compressed
/// bytes for `.gz` and `.zst`), so that progress moves inside a large compressed file.
struct Counted<'a> {
    file: File,
    read: &'a AtomicU64,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.file.read(buf)?;
        self.read.fetch_add(n as u64, AtomicOrdering::Relaxed);
        Ok(n)
    }
}

/// [`read_file`], with `id` for the articles that carry none (the file's portable id, see
/// [`super::portable_id`]), adding to `read` the bytes taken from the disk as they are read;
/// returns the bytes read (less than the file's size when the sink stopped the reading early).
pub fn read_file_counted(
    path: &Path,
    id: &str,
    opts: &ReadOptions,
    read: &AtomicU64,
    sink: &mut dyn FnMut(Result<Article, InputError>) -> bool,
) -> u64 {
    let before = read.load(AtomicOrdering::Relaxed);
    read_file_inner(path, id, opts, read, sink);
    read.load(AtomicOrdering::Relaxed) - before
}

fn read_file_inner(
    path: &Path,
    id: &str,
    opts: &ReadOptions,
    read: &AtomicU64,
    sink: &mut dyn FnMut(Result<Article, InputError>) -> bool,
) {
    let display = path.display().to_string();
    let Some((format, compression)) = detect(path) else {
        return;
    };
    let unreadable =
        |e: std::io::Error| InputError::Unreadable { path: display.clone(), reason: e.to_string() };
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => {
            sink(Err(InputError::Unreadable { path: display, reason: "not a regular file".into() }));
            return;
        }
        Err(e) => {
            sink(Err(unreadable(e)));
            return;
        }
        Ok(_) => {}
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            sink(Err(unreadable(e)));
            return;
        }
    };
    let meta = match file.metadata() {
        Ok(m) => m,
        Err(e) => {
            sink(Err(unreadable(e)));
            return;
        }
    };
    if !meta.is_file() {
        sink(Err(InputError::Unreadable { path: display, reason: "not a regular file".into() }));
        return;
    }
    let disk_size = meta.len();
    if compression == Compression::None && format == Format::Text && disk_size > opts.max_article_bytes {
        // not read, but done with: progress counts it
        read.fetch_add(disk_size, AtomicOrdering::Relaxed);
        sink(Err(InputError::TooLarge {
            path: display,
            size: Some(disk_size),
            limit: opts.max_article_bytes,
        }));
        return;
    }
    let mut file = Counted { file, read };
    let file_id = super::canonical_path(path);
    let mut rest = |reader: &mut dyn Read| {
        let mut reader = BufReader::with_capacity(256 * 1024, reader);
        let sink = &mut |r: Result<Article, InputError>| {
            sink(r.map(|mut a| {
                a.file = file_id.clone();
                a
            }))
        };
        match format {
            Format::Text => match read_limited(&mut reader, opts.max_article_bytes) {
                Ok(Limited::Whole(bytes)) => {
                    sink(text_article(path, &display, id, bytes));
                }
                Ok(Limited::Over) => {
                    sink(Err(InputError::TooLarge {
                        path: display.clone(),
                        size: None,
                        limit: opts.max_article_bytes,
                    }));
                }
                Err(e) => {
                    sink(Err(unreadable(e)));
                }
            },
            Format::Json => read_json(&display, id, &mut reader, disk_size, opts, sink),
            Format::JsonLines => read_json_lines(&display, id, &mut reader, opts, sink),
        }
    };
    // (a compressed file is decompressed on a thread of its own, ahead of the parsing)
    match compression {
        Compression::None => rest(&mut file),
        Compression::Gzip => super::readahead::with_read_ahead(flate2::read::MultiGzDecoder::new(file), rest),
        Compression::Zstd => match zstd::stream::read::Decoder::new(file) {
            Ok(d) => super::readahead::with_read_ahead(d, rest),
            Err(e) => {
                sink(Err(unreadable(e)));
            }
        },
    }
}

enum Limited {
    Whole(Vec<u8>),
    /// Over the limit (reading stopped there).
    Over,
}

/// Reads at most `limit` bytes; more than that is reported without keeping it in memory.
/// Reads at most `limit` bytes; past it, stops. The rest is not read, not even to measure it:
/// only a compressed input gets here (a plain file's size is known from the disk), and a
/// decompression bomb would take minutes and gigabytes to measure.
fn read_limited(reader: &mut dyn Read, limit: u64) -> std::io::Result<Limited> {
    let mut buf = Vec::new();
    reader.take(limit + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Ok(Limited::Over);
    }
    Ok(Limited::Whole(buf))
}

fn check_text(display: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = memchr_nul(&bytes[..bytes.len().min(8192)]) {
        return Err(InputError::Binary { path: display.to_string(), offset });
    }
    String::from_utf8(bytes)
        .map_err(|e| InputError::NotUtf8 { path: display.to_string(), offset: e.utf8_error().valid_up_to() })
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == 0)
}

/// A `.txt` / `.md` file: optional `---` front matter, else the first short line without a final
/// period is the title; the date from the front matter or the file name.
fn text_article(path: &Path, display: &str, id: &str, bytes: Vec<u8>) -> Result<Article, InputError> {
    let mut content = check_text(display, bytes)?;
    if content.starts_with('\u{feff}') {
        content.drain(..3);
    }
    let mut art = Article { path: display.to_string(), ..Default::default() };
    let mut meta_id = None;
    if let Some((meta, body_at)) = front_matter(&content) {
        for (k, v) in meta {
            match k.as_str() {
                "title" | "headline" => art.title = v,
                "date" | "published" => art.date_text = v,
                "source" | "publisher" => art.source = v,
                "url" | "link" => art.url = v,
                "author" | "byline" => art.author = v,
                "id" => meta_id = Some(v),
                _ => {}
            }
        }
        content.drain(..body_at);
    }
    if art.title.is_empty() {
        let first_para_end =
            content.find("\n\n").or_else(|| content.find("\r\n\r\n")).unwrap_or(content.len());
        let first = content[..first_para_end].trim();
        if !first.is_empty()
            && !first.contains('\n')
            && first.chars().count() <= 150
            && !first.ends_with(['.', '!', '?', ':', ',', ';', '"', '”'])
            && first_para_end < content.len()
        {
            art.title = strip_markdown_heading(first).to_string();
            art.body_start = first_para_end;
        }
    }
    art.text = content;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    art.date =
        if art.date_text.is_empty() { date_from_file_name(file_name) } else { parse_date(&art.date_text) };
    if art.title.is_empty() {
        art.title = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    }
    art.id = meta_id.unwrap_or_else(|| id.to_string());
    if art.text.trim().is_empty() {
        return Err(InputError::Empty { path: display.to_string(), line: None });
    }
    Ok(art)
}

fn strip_markdown_heading(s: &str) -> &str {
    s.trim_start_matches('#').trim()
}

/// `---\nkey: value\n---\n`: the pairs and the byte where the body starts.
fn front_matter(content: &str) -> Option<(Vec<(String, String)>, usize)> {
    let rest = content.strip_prefix("---\n").or_else(|| content.strip_prefix("---\r\n"))?;
    let start = content.len() - rest.len();
    let mut pos = start;
    let mut pairs = Vec::new();
    for line in rest.split_inclusive('\n') {
        pos += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return Some((pairs, pos));
        }
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
            pairs.push((k.trim().to_ascii_lowercase(), v));
        }
    }
    None
}

fn read_json(
    display: &str,
    id: &str,
    reader: &mut dyn BufRead,
    disk_size: u64,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, InputError>) -> bool,
) {
    // A .json file may be an array of many articles: allow it to be as large as the file is.
    let limit = opts.max_article_bytes.max(disk_size.saturating_mul(20)).max(opts.max_article_bytes);
    let bytes = match read_limited(reader, limit) {
        Ok(Limited::Whole(b)) => b,
        Ok(Limited::Over) => {
            sink(Err(InputError::TooLarge { path: display.to_string(), size: None, limit }));
            return;
        }
        Err(e) => {
            sink(Err(InputError::Unreadable { path: display.to_string(), reason: e.to_string() }));
            return;
        }
    };
    let text = match check_text(display, bytes) {
        Ok(t) => t,
        Err(e) => {
            sink(Err(e));
            return;
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            sink(Err(InputError::BadJson {
                path: display.to_string(),
                line: e.line(),
                reason: e.to_string(),
            }));
            return;
        }
    };
    match value {
        Value::Array(items) => {
            for (i, item) in items.into_iter().enumerate() {
                let r = json_article(item, display, id, i + 1, true);
                if !sink(r) {
                    return;
                }
            }
        }
        other => {
            sink(json_article(other, display, id, 1, false));
        }
    }
}

fn read_json_lines(
    display: &str,
    id: &str,
    reader: &mut dyn BufRead,
    opts: &ReadOptions,
    sink: &mut dyn FnMut(Result<Article, InputError>) -> bool,
) {
    let mut line_no = 0usize;
    let mut buf = Vec::with_capacity(64 * 1024);
    loop {
        line_no += 1;
        buf.clear();
        let (n, over) = match read_line_limited(reader, &mut buf, opts.max_article_bytes) {
            Ok(x) => x,
            Err(e) => {
                sink(Err(InputError::Unreadable {
                    path: display.to_string(),
                    reason: format!("line {line_no}: {e}"),
                }));
                return;
            }
        };
        if n == 0 {
            return;
        }
        if over {
            if !sink(Err(InputError::TooLarge {
                path: format!("{display}:{line_no}"),
                size: Some(n as u64),
                limit: opts.max_article_bytes,
            })) {
                return;
            }
            continue;
        }
        let line = trim_ascii(&buf);
        if line.is_empty() {
            continue;
        }
        let result = match std::str::from_utf8(line) {
            Err(e) => {
                Err(InputError::NotUtf8 { path: format!("{display}:{line_no}"), offset: e.valid_up_to() })
            }
            Ok(s) => parse_line(s, display, id, line_no),
        };
        if !sink(result) {
            return;
        }
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map(|i| i + 1).unwrap_or(start);
    &b[start..end.max(start)]
}

/// Reads one line into `buf`, keeping at most `limit` bytes; returns the line's full length and
/// whether it was over the limit (then `buf` holds only its start).
fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<(usize, bool)> {
    let mut total = 0usize;
    let mut over = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((total, over));
        }
        let (used, done) = match chunk.iter().position(|&c| c == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !over {
            if (buf.len() + used) as u64 > limit + 1 {
                over = true;
            } else {
                buf.extend_from_slice(&chunk[..used]);
            }
        }
        total += used;
        reader.consume(used);
        if done {
            return Ok((total, over));
        }
    }
}

/// The common shape of an article object, read without building a JSON tree: string fields
/// borrowed where they need no unescaping, other fields skipped. Anything else (numbers as
/// ids, two aliases of one field, arrays of authors) goes through the general path. Its aliases
/// are a deliberate copy of the `*_KEYS` lists (see there).
#[derive(serde::Deserialize)]
struct Plain<'a> {
    #[serde(borrow, default, alias = "_id", alias = "guid", alias = "uid", alias = "doc_id")]
    id: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default, alias = "headline", alias = "name")]
    title: Option<std::borrow::Cow<'a, str>>,
    #[serde(
        borrow,
        default,
        alias = "published",
        alias = "published_at",
        alias = "publishedAt",
        alias = "date_publish",
        alias = "pubDate",
        alias = "datetime",
        alias = "timestamp"
    )]
    date: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default, alias = "publisher", alias = "source_domain", alias = "site", alias = "outlet")]
    source: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default, alias = "link", alias = "uri")]
    url: Option<std::borrow::Cow<'a, str>>,
    #[serde(borrow, default, alias = "byline", alias = "authors")]
    author: Option<std::borrow::Cow<'a, str>>,
    #[serde(
        borrow,
        default,
        alias = "body",
        alias = "content",
        alias = "article",
        alias = "story",
        alias = "maintext"
    )]
    text: Option<std::borrow::Cow<'a, str>>,
}

/// One line of JSON Lines as an article: the fast path for the common shape, the general one
/// for the rest.
fn parse_line(s: &str, display: &str, id: &str, line: usize) -> Result<Article, InputError> {
    if let Ok(p) = serde_json::from_str::<Plain>(s) {
        let own = |c: Option<std::borrow::Cow<str>>| c.map(|c| c.into_owned()).unwrap_or_default();
        let mut obj = Map::new();
        for (k, v) in [
            ("id", p.id),
            ("title", p.title),
            ("date", p.date),
            ("source", p.source),
            ("url", p.url),
            ("author", p.author),
            ("text", p.text),
        ] {
            obj.insert(k.to_string(), Value::String(own(v)));
        }
        return json_article(Value::Object(obj), display, id, line, true);
    }
    match serde_json::from_str::<Value>(s) {
        Ok(v) => json_article(v, display, id, line, true),
        Err(e) => Err(InputError::BadJson { path: display.to_string(), line, reason: e.to_string() }),
    }
}

/// The keys a JSON article's fields go by, first match wins. `Plain` (the fast path of JSON
/// Lines) spells them again as serde aliases, which must be literals: a deliberate copy, kept
/// equal by the test `the_fast_path_knows_every_key_of_the_general_path`.
const ID_KEYS: &[&str] = &["id", "_id", "guid", "uid", "doc_id"];
const TITLE_KEYS: &[&str] = &["title", "headline", "name"];
const DATE_KEYS: &[&str] =
    &["date", "published", "published_at", "publishedAt", "date_publish", "pubDate", "datetime", "timestamp"];
const SOURCE_KEYS: &[&str] = &["source", "publisher", "source_domain", "site", "outlet"];
const URL_KEYS: &[&str] = &["url", "link", "uri"];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline"];
const TEXT_KEYS: &[&str] = &["text", "body", "content", "article", "story", "maintext"];

fn field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| obj.get(*n).filter(|v| !v.is_null()))
}

fn as_text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => {
            items.iter().map(|i| as_text(Some(i))).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ")
        }
        Some(Value::Object(o)) => as_text(field(o, &["name", "title", "text"])),
    }
}

/// One JSON object as an article. `in_lines` says whether the id falls back to `path:line`.
fn json_article(
    value: Value,
    display: &str,
    file_id: &str,
    line: usize,
    in_lines: bool,
) -> Result<Article, InputError> {
    let where_ = if in_lines { format!("{display}:{line}") } else { display.to_string() };
    let Value::Object(obj) = value else {
        return Err(InputError::BadJson {
            path: display.to_string(),
            line,
            reason: "expected a JSON object for an article".into(),
        });
    };
    let text = as_text(field(&obj, TEXT_KEYS));
    let title = as_text(field(&obj, TITLE_KEYS));
    if text.trim().is_empty() && title.trim().is_empty() {
        return Err(InputError::Empty {
            path: display.to_string(),
            line: if in_lines { Some(line) } else { None },
        });
    }
    let date_text = as_text(field(&obj, DATE_KEYS));
    let id = as_text(field(&obj, ID_KEYS));
    let art = Article {
        id: if !id.trim().is_empty() {
            id
        } else if in_lines {
            format!("{file_id}:{line}")
        } else {
            file_id.to_string()
        },
        title: title.trim().to_string(),
        date: parse_date(&date_text),
        date_text,
        source: as_text(field(&obj, SOURCE_KEYS)),
        url: as_text(field(&obj, URL_KEYS)),
        author: as_text(field(&obj, AUTHOR_KEYS)),
        path: where_,
        text,
        body_start: 0,
        file: String::new(),
    };
    Ok(art)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_fast_path_knows_every_key_of_the_general_path() {
        let lists: [(&str, &[&str]); 7] = [
            ("id", ID_KEYS),
            ("title", TITLE_KEYS),
            ("date", DATE_KEYS),
            ("source", SOURCE_KEYS),
            ("url", URL_KEYS),
            ("author", AUTHOR_KEYS),
            ("text", TEXT_KEYS),
        ];
        for (name, keys) in lists {
            for key in keys {
                let other = if name == "text" { "title" } else { "text" };
                let line = format!("{{\"{key}\": \"2024-03-25\", \"{other}\": \"x\"}}");
                let p = serde_json::from_str::<Plain>(&line)
                    .unwrap_or_else(|e| panic!("{key}: the fast path refuses it: {e}"));
                let got = match name {
                    "id" => p.id,
                    "title" => p.title,
                    "date" => p.date,
                    "source" => p.source,
                    "url" => p.url,
                    "author" => p.author,
                    _ => p.text,
                };
                assert_eq!(
                    got.as_deref(),
                    Some("2024-03-25"),
                    "{key} is not read as {name} by the fast path"
                );
            }
        }
    }

    #[test]
    fn progress_counts_compressed_bytes_as_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("many.jsonl.gz");
        let mut gz = flate2::write::GzEncoder::new(File::create(&path).unwrap(), flate2::Compression::fast());
        // (more than the read-ahead's chunks decompressed: a stop leaves most of it unread)
        for i in 0..150_000 {
            // distinct lines, so that the file does not compress to nothing
            writeln!(gz, "{{\"id\": \"a{i}\", \"title\": \"T{i}\", \"text\": \"{}\"}}", i * 7919 % 100_003)
                .unwrap();
        }
        gz.finish().unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        // the counter moves while the file is read, in compressed bytes
        let read = AtomicU64::new(0);
        let mut seen_mid = Vec::new();
        let whole = read_file_counted(&path, "many.jsonl.gz", &ReadOptions::default(), &read, &mut |_| {
            seen_mid.push(read.load(AtomicOrdering::Relaxed));
            true
        });
        assert_eq!(whole, size);
        assert!(seen_mid[0] < size, "the first article comes before the whole file is read");
        // stopped early, the bytes read are less than the file
        let read = AtomicU64::new(0);
        let mut n = 0;
        let part = read_file_counted(&path, "many.jsonl.gz", &ReadOptions::default(), &read, &mut |_| {
            n += 1;
            n < 10
        });
        assert!(part < size, "{part} of {size}");
    }

    fn read_all(path: &Path, opts: ReadOptions) -> Vec<Result<Article, InputError>> {
        let mut out = Vec::new();
        read_file(path, &opts, &mut |r| {
            out.push(r);
            true
        });
        out
    }

    #[test]
    fn formats_are_detected_through_compression() {
        assert_eq!(detect(Path::new("a/b.jsonl.gz")), Some((Format::JsonLines, Compression::Gzip)));
        assert_eq!(detect(Path::new("b.NDJSON.zst")), Some((Format::JsonLines, Compression::Zstd)));
        assert_eq!(detect(Path::new("b.md")), Some((Format::Text, Compression::None)));
        assert_eq!(detect(Path::new("b.pdf")), None);
        assert_eq!(detect(Path::new("README")), None);
    }

    #[test]
    fn front_matter_gives_metadata_and_the_body_is_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "---\ntitle: \"Gaza vote\"\ndate: March 25, 2024\nsource: WSJ\nid: wsj-1\n---\nFirst para.\n\nSecond.\n").unwrap();
        let arts = read_all(&p, ReadOptions::default());
        let a = arts[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_str(), a.source.as_str()), ("wsj-1", "Gaza vote", "WSJ"));
        assert_eq!(a.text, "First para.\n\nSecond.\n");
        assert_eq!(a.date.map(crate::ingest::date::format_date).as_deref(), Some("2024-03-25"));
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("2024-01-02-x.txt");
        std::fs::write(&p, "Headline Here\n\nThe body. It goes on.\n").unwrap();
        let a = read_all(&p, ReadOptions::default()).remove(0).unwrap();
        assert_eq!(a.title, "Headline Here");
        assert_eq!(&a.text[a.body_start..], "\n\nThe body. It goes on.\n");
        assert_eq!(a.date.map(crate::ingest::date::format_date).as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn json_lines_keep_good_lines_around_a_bad_one() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl.gz");
        let mut enc =
            flate2::write::GzEncoder::new(std::fs::File::create(&p).unwrap(), flate2::Compression::fast());
        writeln!(enc, "{{\"id\": \"1\", \"headline\": \"One\", \"body\": \"Text one.\", \"published\": \"2024-03-25\"}}").unwrap();
        writeln!(enc, "{{\"id\": \"2\", \"title\": broken").unwrap();
        writeln!(enc).unwrap();
        writeln!(enc, "{{\"title\": \"Three\", \"text\": \"Text three.\"}}").unwrap();
        writeln!(enc, "{{\"id\": \"4\"}}").unwrap();
        enc.finish().unwrap();
        let r = read_all(&p, ReadOptions::default());
        assert_eq!(r.len(), 4);
        let a = r[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.title.as_str(), a.text.as_str()), ("1", "One", "Text one."));
        assert!(matches!(&r[1], Err(InputError::BadJson { line: 2, .. })));
        // no id: the file's portable id (its folder's name and its own) and the line
        let folder = p.parent().unwrap().file_name().unwrap().to_str().unwrap();
        let name = p.file_name().unwrap().to_str().unwrap();
        assert_eq!(r[2].as_ref().unwrap().id, format!("{folder}/{name}:4"));
        assert!(matches!(&r[3], Err(InputError::Empty { line: Some(5), .. })));
    }

    #[test]
    fn a_decompression_bomb_is_not_read_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.txt.gz");
        let mut gz = flate2::write::GzEncoder::new(File::create(&path).unwrap(), flate2::Compression::best());
        let zeros = vec![b'a'; 1 << 20];
        for _ in 0..256 {
            gz.write_all(&zeros).unwrap(); // 256 MiB of text in about 256 KB
        }
        gz.finish().unwrap();
        let read = AtomicU64::new(0);
        let mut got = Vec::new();
        read_file_counted(&path, "bomb", &ReadOptions { max_article_bytes: 1 << 20 }, &read, &mut |r| {
            got.push(r);
            true
        });
        let e = got.pop().unwrap().unwrap_err();
        assert!(matches!(e, InputError::TooLarge { size: None, .. }), "{e}");
        assert!(e.to_string().contains("once decompressed, is over the limit of 1048576 bytes"), "{e}");
        // a few compressed blocks past the limit, not the whole file
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(
            read.load(AtomicOrdering::Relaxed) < size / 4,
            "{} of {size}",
            read.load(AtomicOrdering::Relaxed)
        );
    }

    #[test]
    fn oversized_and_binary_inputs_are_reported_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 5000]).unwrap();
        let r = read_all(&big, ReadOptions { max_article_bytes: 1000 });
        assert!(matches!(&r[0], Err(InputError::TooLarge { size: Some(5000), .. })));
        let bin = dir.path().join("bin.txt");
        std::fs::write(&bin, b"abc\0\xff\xfe").unwrap();
        assert!(matches!(
            &read_all(&bin, ReadOptions::default())[0],
            Err(InputError::Binary { offset: 3, .. })
        ));
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, b"caf\xe9 au lait").unwrap();
        assert!(matches!(
            &read_all(&bad, ReadOptions::default())[0],
            Err(InputError::NotUtf8 { offset: 3, .. })
        ));
        let long_line = dir.path().join("long.jsonl");
        let mut content = format!("{{\"id\":\"a\",\"text\":\"{}\"}}\n", "x".repeat(3000));
        content.push_str("{\"id\":\"b\",\"text\":\"ok\"}\n");
        std::fs::write(&long_line, content).unwrap();
        let r = read_all(&long_line, ReadOptions { max_article_bytes: 1000 });
        assert!(matches!(&r[0], Err(InputError::TooLarge { .. })));
        assert_eq!(r[1].as_ref().unwrap().id, "b");
    }
}
