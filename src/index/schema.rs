//! The two Tantivy schemas of an archive, declared here once. `schema/*.json` holds their
//! serialized copies; a test fails when the code and those files disagree, and
//! [`SCHEMA_VERSION`] is bumped with every change so old archives are refused, not misread.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::Index;

/// Version of the archive layout and schemas. An archive of another version is refused with a
/// message to rebuild it.
pub const SCHEMA_VERSION: u32 = 4;

/// Words as written (lowercased, accents folded): every text field is indexed so.
pub const WORDS: &str = "gz_words";
/// English stems: not an index tokenizer; a bare query word is expanded at query time to the
/// indexed words of the same stem (see `search::query`).
pub const STEMS: &str = "gz_stem";

fn analyzer(stem: bool) -> TextAnalyzer {
    let b = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter);
    if stem {
        b.filter(Stemmer::new(Language::English)).build()
    } else {
        b.build()
    }
}

/// A timestamp as a Tantivy date. Tantivy keeps dates in nanoseconds in an i64 (years 1678 to
/// 2261); a date outside is clamped to the nearest end rather than overflowing.
pub fn date_value(secs: i64) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(secs.clamp(-DATE_LIMIT, DATE_LIMIT))
}

const DATE_LIMIT: i64 = i64::MAX / 1_000_000_000 - 1;

/// An article's date as stored: clamped a day inside the range that query bounds are clamped
/// to, so that an open-ended range still includes it.
pub fn stored_date(secs: i64) -> tantivy::DateTime {
    let inner = DATE_LIMIT - 86_400;
    tantivy::DateTime::from_timestamp_secs(secs.clamp(-inner, inner))
}

/// Registers gazette's tokenizers on an index (they are not stored in it).
pub fn register_tokenizers(index: &Index) {
    index.tokenizers().register(WORDS, analyzer(false));
    index.tokenizers().register(STEMS, analyzer(true));
}

/// The analyzer of a tokenizer name, for query building and snippets.
pub fn analyzer_named(name: &str) -> TextAnalyzer {
    analyzer(name == STEMS)
}

fn text(tokenizer: &str, record: IndexRecordOption, stored: bool) -> TextOptions {
    let o = TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(record));
    if stored {
        o.set_stored()
    } else {
        o
    }
}

fn date_options() -> DateOptions {
    DateOptions::default().set_indexed().set_fast().set_precision(DateTimePrecision::Seconds)
}

/// Fields of the `articles` index: one document per article.
#[derive(Debug, Clone, Copy)]
pub struct ArticleFields {
    pub id: Field,
    pub title: Field,
    /// One value per paragraph, stored: the snippets come from here.
    pub body: Field,
    /// Entity and speaker names, so that they are searchable words.
    pub names: Field,
    pub date: Field,
    pub date_text: Field,
    pub source: Field,
    pub url: Field,
    pub path: Field,
    pub author: Field,
    /// Global numbers of the speakers, persons, organizations, places and source (see `vocab`).
    pub facets: Field,
    /// Normalized lookup keys for filters (see `index::keys`).
    pub keys: Field,
    pub hash: Field,
    pub text_hash: Field,
    pub batch: Field,
    /// Number of paragraphs (values of `body`).
    pub paragraphs: Field,
    /// Canonical path of the source file (for `--prune` and `check`).
    pub file: Field,
    /// MinHash band hashes (near-duplicate detection).
    pub bands: Field,
    /// Near-duplicate group: the text hash of the group's first article.
    pub group: Field,
    /// One value per person, organization and place: `kind<TAB>name<TAB>mentions` (stored
    /// only: `export` gives each entity's mention count without recognizing it again).
    pub entities: Field,
    /// The stored fields above (id, title, body, date, date_text, source, url, path, author,
    /// hash, entities), packed into one value compressed on its own (see `index::packed`):
    /// the schema stores nothing else of an article.
    pub packed: Field,
}

impl ArticleFields {
    /// The fields whose values an article's `packed` value holds.
    pub fn packed_fields(&self) -> [Field; 11] {
        [
            self.id,
            self.title,
            self.body,
            self.date,
            self.date_text,
            self.source,
            self.url,
            self.path,
            self.author,
            self.hash,
            self.entities,
        ]
    }
}

/// Fields of the `quotes` index: one document per quotation.
#[derive(Debug, Clone, Copy)]
pub struct QuoteFields {
    pub article: Field,
    pub text: Field,
    pub speaker: Field,
    pub description: Field,
    pub cue: Field,
    pub facets: Field,
    pub keys: Field,
    pub paragraph: Field,
    pub ord: Field,
    pub start: Field,
    pub end: Field,
    pub date: Field,
    pub title: Field,
    pub source: Field,
    pub batch: Field,
}

pub fn articles_schema() -> (Schema, ArticleFields) {
    let mut b = Schema::builder();
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let freqs = IndexRecordOption::WithFreqs;
    let f = ArticleFields {
        id: b.add_text_field("id", STRING | FAST),
        title: b.add_text_field("title", text(WORDS, positions, false)),
        body: b.add_text_field("body", text(WORDS, positions, false)),
        names: b.add_text_field("names", text(WORDS, freqs, false)),
        date: b.add_date_field("date", date_options()),
        date_text: b.add_text_field("date_text", TextOptions::default()),
        source: b.add_text_field("source", TextOptions::default()),
        url: b.add_text_field("url", TextOptions::default()),
        path: b.add_text_field("path", TextOptions::default()),
        author: b.add_text_field("author", TextOptions::default()),
        facets: b.add_u64_field("facets", NumericOptions::default().set_fast()),
        keys: b.add_text_field("keys", STRING),
        hash: b.add_u64_field("hash", NumericOptions::default().set_fast()),
        text_hash: b.add_u64_field("text_hash", NumericOptions::default().set_fast()),
        batch: b.add_u64_field("batch", NumericOptions::default().set_fast().set_indexed()),
        paragraphs: b.add_u64_field("paragraphs", NumericOptions::default().set_fast()),
        file: b.add_text_field("file", STRING | FAST),
        bands: b.add_u64_field("bands", NumericOptions::default().set_fast()),
        group: b.add_u64_field("group", NumericOptions::default().set_fast().set_indexed()),
        entities: b.add_text_field("entities", TextOptions::default()),
        packed: b.add_bytes_field("packed", STORED),
    };
    (b.build(), f)
}

pub fn quotes_schema() -> (Schema, QuoteFields) {
    let mut b = Schema::builder();
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let freqs = IndexRecordOption::WithFreqs;
    let f = QuoteFields {
        article: b.add_text_field("article", STRING | STORED | FAST),
        text: b.add_text_field("text", text(WORDS, positions, true)),
        speaker: b.add_text_field("speaker", text(WORDS, freqs, true)),
        description: b.add_text_field("description", text(WORDS, freqs, true)),
        cue: b.add_text_field("cue", STORED),
        facets: b.add_u64_field("facets", NumericOptions::default().set_fast()),
        keys: b.add_text_field("keys", STRING),
        paragraph: b.add_u64_field("paragraph", STORED),
        ord: b.add_u64_field("ord", NumericOptions::default().set_fast().set_stored()),
        start: b.add_u64_field("start", STORED),
        end: b.add_u64_field("end", STORED),
        date: b.add_date_field("date", date_options().set_stored()),
        title: b.add_text_field("title", STORED),
        source: b.add_text_field("source", STORED),
        batch: b.add_u64_field("batch", NumericOptions::default().set_fast().set_indexed()),
    };
    (b.build(), f)
}

impl ArticleFields {
    pub fn from_schema(s: &Schema) -> tantivy::Result<Self> {
        let g = |n: &str| s.get_field(n);
        Ok(ArticleFields {
            id: g("id")?,
            title: g("title")?,
            body: g("body")?,
            names: g("names")?,
            date: g("date")?,
            date_text: g("date_text")?,
            source: g("source")?,
            url: g("url")?,
            path: g("path")?,
            author: g("author")?,
            facets: g("facets")?,
            keys: g("keys")?,
            hash: g("hash")?,
            text_hash: g("text_hash")?,
            batch: g("batch")?,
            paragraphs: g("paragraphs")?,
            file: g("file")?,
            bands: g("bands")?,
            group: g("group")?,
            entities: g("entities")?,
            packed: g("packed")?,
        })
    }
}

impl QuoteFields {
    pub fn from_schema(s: &Schema) -> tantivy::Result<Self> {
        let g = |n: &str| s.get_field(n);
        Ok(QuoteFields {
            article: g("article")?,
            text: g("text")?,
            speaker: g("speaker")?,
            description: g("description")?,
            cue: g("cue")?,
            facets: g("facets")?,
            keys: g("keys")?,
            paragraph: g("paragraph")?,
            ord: g("ord")?,
            start: g("start")?,
            end: g("end")?,
            date: g("date")?,
            title: g("title")?,
            source: g("source")?,
            batch: g("batch")?,
        })
    }
}

/// The schemas as the pretty JSON kept in `schema/`.
pub fn schema_json() -> (String, String) {
    let a = serde_json::to_string_pretty(&articles_schema().0).unwrap_or_default();
    let q = serde_json::to_string_pretty(&quotes_schema().0).unwrap_or_default();
    (a + "\n", q + "\n")
}

/// A fingerprint of everything that decides how an archive is read: both schemas, what the
/// tokenizers make of a probe text (lowercasing, folding, length limit, stemming), the facet
/// kinds and their order, and the date precision. `schema/FINGERPRINTS` records it for each
/// `SCHEMA_VERSION`; a test fails when it changes while the version stays the same.
pub fn format_fingerprint() -> String {
    let mut h = blake3::Hasher::new();
    let (a, q) = schema_json();
    h.update(a.as_bytes());
    h.update(q.as_bytes());
    // words of every length around the long-word limit, and what folding and stemming touch
    let lengths: Vec<String> = (30..=70).map(|n| "w".repeat(n)).collect();
    let probe = format!(
        "Señor O'Neill's 2024 U.N. ceasefire-talks RESUMED; running runners ran Zürich naïve façade {}",
        lengths.join(" ")
    );
    for name in [WORDS, STEMS] {
        let mut a = analyzer_named(name);
        let mut stream = a.token_stream(&probe);
        h.update(name.as_bytes());
        while stream.advance() {
            let t = stream.token();
            h.update(format!("|{}@{}-{}", t.text, t.offset_from, t.offset_to).as_bytes());
        }
    }
    h.update(super::vocab::KINDS.join(",").as_bytes());
    h.update(format!("{:?}", date_value(86_400 * 365 + 1)).as_bytes());
    // (how an article's stored fields are packed and compressed: see `index::packed`)
    h.update(b"articles store: uncompressed blocks of packed values, each a zstd frame");
    h.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `schema/FINGERPRINTS`: one line per schema version, `VERSION FINGERPRINT`. A change of
    /// the on-disk format must come with a new version (archives of the old one are then
    /// refused with the rebuild hint instead of being read wrong): bump `SCHEMA_VERSION`, then
    /// `GAZETTE_WRITE_SCHEMA=1 cargo test schema` appends the new line. A recorded line is
    /// never rewritten.
    #[test]
    fn the_on_disk_format_does_not_change_without_a_version_bump() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema").join("FINGERPRINTS");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let recorded: Vec<(u32, String)> = text
            .lines()
            .filter_map(|l| l.split_once(' '))
            .filter_map(|(v, f)| Some((v.parse().ok()?, f.trim().to_string())))
            .collect();
        let now = format_fingerprint();
        match recorded.iter().find(|(v, _)| *v == SCHEMA_VERSION) {
            Some((_, f)) => assert_eq!(
                f, &now,
                "the on-disk format changed (fingerprint {now}, recorded {f} for version {SCHEMA_VERSION}): \
                 bump SCHEMA_VERSION, then GAZETTE_WRITE_SCHEMA=1 cargo test schema"
            ),
            None if std::env::var_os("GAZETTE_WRITE_SCHEMA").is_some() => {
                std::fs::write(&path, format!("{text}{SCHEMA_VERSION} {now}\n")).unwrap();
            }
            None => panic!("schema/FINGERPRINTS has no line for version {SCHEMA_VERSION}: GAZETTE_WRITE_SCHEMA=1 cargo test schema"),
        }
        // a new version is a new format: the same fingerprint under two versions is a bump
        // made for nothing, or a line copied by hand
        let same: Vec<u32> = recorded.iter().filter(|(_, f)| *f == now).map(|(v, _)| *v).collect();
        assert!(same.len() <= 1, "versions {same:?} record the same fingerprint");
    }

    /// The schema declared in `schema/` and the code's must agree; regenerate with
    /// `GAZETTE_WRITE_SCHEMA=1 cargo test schema` after a deliberate change (and bump SCHEMA_VERSION).
    #[test]
    fn code_schema_matches_schema_folder() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        let (a, q) = schema_json();
        let version = format!("{SCHEMA_VERSION}\n");
        if std::env::var_os("GAZETTE_WRITE_SCHEMA").is_some() {
            std::fs::write(root.join("articles.json"), &a).unwrap();
            std::fs::write(root.join("quotes.json"), &q).unwrap();
            std::fs::write(root.join("VERSION"), &version).unwrap();
        }
        let read =
            |n: &str| std::fs::read_to_string(root.join(n)).unwrap_or_else(|e| panic!("schema/{n}: {e}"));
        assert_eq!(
            read("articles.json"),
            a,
            "schema/articles.json differs from index::schema::articles_schema()"
        );
        assert_eq!(read("quotes.json"), q, "schema/quotes.json differs from index::schema::quotes_schema()");
        assert_eq!(read("VERSION"), version, "schema/VERSION differs from SCHEMA_VERSION");
    }
}
