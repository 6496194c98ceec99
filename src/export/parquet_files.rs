//! `export --format parquet`: `articles.parquet`, `quotes.parquet` and `entities.parquet`,
//! typed columns (dates as UTC timestamps, counts as integers, names as lists of strings),
//! zstd pages, row groups of at most 1,048,576 rows or 128 MiB (what Spark and DuckDB read in
//! parallel best), written through Arrow record batches of 8,192 rows.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder, TimestampMillisecondBuilder, UInt64Builder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::{ArticleRow, EntityRow, QuoteRow, Sink};
use crate::error::{Error, Result};

const BATCH_ROWS: usize = 8192;

fn utc_millis() -> DataType {
    DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into()))
}

fn strings() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// One Parquet file and the columns of the rows not yet written.
struct Table<B> {
    path: PathBuf,
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    builders: B,
    rows: usize,
}

/// The builders of a table's columns, in its schema's order.
trait Columns: Default {
    fn schema() -> Schema;
    fn finish(&mut self) -> Vec<ArrayRef>;
}

impl<B: Columns> Table<B> {
    fn create(out: &Path, name: &str) -> Result<Table<B>> {
        let path = out.join(name);
        let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
        let schema: SchemaRef = Arc::new(B::schema());
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).expect("level 3 is valid")))
            .set_max_row_group_row_count(Some(1 << 20))
            .set_max_row_group_bytes(Some(128 << 20))
            .set_created_by(format!("gazette {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer =
            ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| parquet_error(&path, e))?;
        Ok(Table { path, writer, schema, builders: B::default(), rows: 0 })
    }

    /// Called after a row was appended to the builders.
    fn row_added(&mut self) -> Result<()> {
        self.rows += 1;
        if self.rows >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let batch = RecordBatch::try_new(self.schema.clone(), self.builders.finish())
            .map_err(|e| Error::Internal(format!("{}: {e}", self.path.display())))?;
        self.writer.write(&batch).map_err(|e| parquet_error(&self.path, e))?;
        self.rows = 0;
        Ok(())
    }

    fn close(mut self) -> Result<()> {
        self.flush()?;
        let path = self.path.clone();
        self.writer.close().map_err(|e| parquet_error(&path, e))?;
        Ok(())
    }
}

fn parquet_error(path: &Path, e: parquet::errors::ParquetError) -> Error {
    match e {
        parquet::errors::ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
            Ok(io) => Error::io(path, *io),
            Err(other) => Error::Internal(format!("{}: {other}", path.display())),
        },
        other => Error::Internal(format!("{}: {other}", path.display())),
    }
}

fn append_list(b: &mut ListBuilder<StringBuilder>, values: &[String]) {
    for v in values {
        b.values().append_value(v);
    }
    b.append(true);
}

#[derive(Default)]
struct ArticleColumns {
    id: StringBuilder,
    title: StringBuilder,
    date: TimestampMillisecondBuilder,
    date_text: StringBuilder,
    source: StringBuilder,
    url: StringBuilder,
    path: StringBuilder,
    author: StringBuilder,
    text: StringBuilder,
    paragraphs: UInt64Builder,
    speakers: ListBuilder<StringBuilder>,
    persons: ListBuilder<StringBuilder>,
    orgs: ListBuilder<StringBuilder>,
    places: ListBuilder<StringBuilder>,
    batch: UInt64Builder,
}

impl Columns for ArticleColumns {
    fn schema() -> Schema {
        Schema::new(vec![
            Field::new("id", DataType::Utf8, false),
            Field::new("title", DataType::Utf8, false),
            Field::new("date", utc_millis(), true),
            Field::new("date_text", DataType::Utf8, false),
            Field::new("source", DataType::Utf8, false),
            Field::new("url", DataType::Utf8, false),
            Field::new("path", DataType::Utf8, false),
            Field::new("author", DataType::Utf8, false),
            Field::new("text", DataType::Utf8, false),
            Field::new("paragraphs", DataType::UInt64, false),
            Field::new("speakers", strings(), false),
            Field::new("persons", strings(), false),
            Field::new("orgs", strings(), false),
            Field::new("places", strings(), false),
            Field::new("batch", DataType::UInt64, false),
        ])
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.id.finish()),
            Arc::new(self.title.finish()),
            Arc::new(self.date.finish().with_timezone("UTC")),
            Arc::new(self.date_text.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.path.finish()),
            Arc::new(self.author.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.paragraphs.finish()),
            Arc::new(self.speakers.finish()),
            Arc::new(self.persons.finish()),
            Arc::new(self.orgs.finish()),
            Arc::new(self.places.finish()),
            Arc::new(self.batch.finish()),
        ]
    }
}

#[derive(Default)]
struct QuoteColumns {
    id: StringBuilder,
    article: StringBuilder,
    ord: UInt64Builder,
    text: StringBuilder,
    speaker: StringBuilder,
    speaker_as_written: StringBuilder,
    description: StringBuilder,
    cue: StringBuilder,
    paragraph: UInt64Builder,
    start: UInt64Builder,
    end: UInt64Builder,
    date: TimestampMillisecondBuilder,
    title: StringBuilder,
    source: StringBuilder,
    batch: UInt64Builder,
}

impl Columns for QuoteColumns {
    fn schema() -> Schema {
        Schema::new(vec![
            Field::new("id", DataType::Utf8, false),
            Field::new("article", DataType::Utf8, false),
            Field::new("ord", DataType::UInt64, false),
            Field::new("text", DataType::Utf8, false),
            Field::new("speaker", DataType::Utf8, true),
            Field::new("speaker_as_written", DataType::Utf8, true),
            Field::new("description", DataType::Utf8, true),
            Field::new("cue", DataType::Utf8, true),
            Field::new("paragraph", DataType::UInt64, false),
            Field::new("start", DataType::UInt64, false),
            Field::new("end", DataType::UInt64, false),
            Field::new("date", utc_millis(), true),
            Field::new("title", DataType::Utf8, false),
            Field::new("source", DataType::Utf8, false),
            Field::new("batch", DataType::UInt64, false),
        ])
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.id.finish()),
            Arc::new(self.article.finish()),
            Arc::new(self.ord.finish()),
            Arc::new(self.text.finish()),
            Arc::new(self.speaker.finish()),
            Arc::new(self.speaker_as_written.finish()),
            Arc::new(self.description.finish()),
            Arc::new(self.cue.finish()),
            Arc::new(self.paragraph.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
            Arc::new(self.date.finish().with_timezone("UTC")),
            Arc::new(self.title.finish()),
            Arc::new(self.source.finish()),
            Arc::new(self.batch.finish()),
        ]
    }
}

#[derive(Default)]
struct EntityColumns {
    article: StringBuilder,
    kind: StringBuilder,
    name: StringBuilder,
    name_as_written: StringBuilder,
    mentions: UInt64Builder,
    date: TimestampMillisecondBuilder,
    source: StringBuilder,
    batch: UInt64Builder,
}

impl Columns for EntityColumns {
    fn schema() -> Schema {
        Schema::new(vec![
            Field::new("article", DataType::Utf8, false),
            Field::new("kind", DataType::Utf8, false),
            Field::new("name", DataType::Utf8, false),
            Field::new("name_as_written", DataType::Utf8, false),
            Field::new("mentions", DataType::UInt64, false),
            Field::new("date", utc_millis(), true),
            Field::new("source", DataType::Utf8, false),
            Field::new("batch", DataType::UInt64, false),
        ])
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.article.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.name_as_written.finish()),
            Arc::new(self.mentions.finish()),
            Arc::new(self.date.finish().with_timezone("UTC")),
            Arc::new(self.source.finish()),
            Arc::new(self.batch.finish()),
        ]
    }
}

fn millis(secs: Option<i64>) -> Option<i64> {
    secs.map(|s| s.saturating_mul(1000))
}

pub struct ParquetSink {
    out: PathBuf,
    articles: Table<ArticleColumns>,
    quotes: Table<QuoteColumns>,
    entities: Table<EntityColumns>,
}

impl ParquetSink {
    pub fn create(out: &Path) -> Result<ParquetSink> {
        Ok(ParquetSink {
            out: out.to_path_buf(),
            articles: Table::create(out, "articles.parquet")?,
            quotes: Table::create(out, "quotes.parquet")?,
            entities: Table::create(out, "entities.parquet")?,
        })
    }
}

impl Sink for ParquetSink {
    fn article(&mut self, a: &ArticleRow) -> Result<()> {
        let c = &mut self.articles.builders;
        c.id.append_value(&a.id);
        c.title.append_value(&a.title);
        c.date.append_option(millis(a.date));
        c.date_text.append_value(&a.date_text);
        c.source.append_value(&a.source);
        c.url.append_value(&a.url);
        c.path.append_value(&a.path);
        c.author.append_value(&a.author);
        c.text.append_value(&a.text);
        c.paragraphs.append_value(a.paragraphs);
        append_list(&mut c.speakers, &a.speakers);
        append_list(&mut c.persons, &a.persons);
        append_list(&mut c.orgs, &a.orgs);
        append_list(&mut c.places, &a.places);
        c.batch.append_value(a.batch);
        self.articles.row_added()
    }

    fn quote(&mut self, q: &QuoteRow) -> Result<()> {
        let c = &mut self.quotes.builders;
        c.id.append_value(&q.id);
        c.article.append_value(&q.article);
        c.ord.append_value(q.ord);
        c.text.append_value(&q.text);
        c.speaker.append_option(q.speaker.as_deref());
        c.speaker_as_written.append_option(q.speaker_as_written.as_deref());
        c.description.append_option(q.description.as_deref());
        c.cue.append_option(q.cue.as_deref());
        c.paragraph.append_value(q.paragraph);
        c.start.append_value(q.start);
        c.end.append_value(q.end);
        c.date.append_option(millis(q.date));
        c.title.append_value(&q.title);
        c.source.append_value(&q.source);
        c.batch.append_value(q.batch);
        self.quotes.row_added()
    }

    fn entity(&mut self, e: &EntityRow) -> Result<()> {
        let c = &mut self.entities.builders;
        c.article.append_value(&e.article);
        c.kind.append_value(&e.kind);
        c.name.append_value(&e.name);
        c.name_as_written.append_value(&e.name_as_written);
        c.mentions.append_value(e.mentions);
        c.date.append_option(millis(e.date));
        c.source.append_value(&e.source);
        c.batch.append_value(e.batch);
        self.entities.row_added()
    }

    fn finish(self: Box<Self>, deleted: &[String], _replaced: &[String]) -> Result<Vec<String>> {
        let ParquetSink { out, articles, quotes, entities } = *self;
        articles.close()?;
        quotes.close()?;
        entities.close()?;
        let mut files: Vec<String> = ["articles.parquet", "quotes.parquet", "entities.parquet"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        super::write_deleted(&out, deleted, &mut files)?;
        Ok(files)
    }
}
