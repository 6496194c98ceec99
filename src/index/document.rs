//! An article and its extraction as Tantivy documents: one for `articles`, one per quote for
//! `quotes`.

use tantivy::{DateTime, TantivyDocument};

use super::keys::keys_for;
use super::schema::{ArticleFields, QuoteFields};
use super::vocab::Vocab;
use crate::extract::{paragraphs, EntityKind, Extraction};
use crate::ingest::Article;

/// The facet kind of an entity type, as used in facet paths and filters.
pub fn entity_facet_kind(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("person"),
        EntityKind::Organization => Some("org"),
        EntityKind::Location => Some("place"),
        EntityKind::Other => None,
    }
}

fn date_of(article: &Article) -> Option<DateTime> {
    article.date.map(|d| super::schema::stored_date(d.unix_timestamp()))
}

/// The facets and keys an article contributes to filters (shared by its quotes).
fn article_facets(article: &Article, ex: &Extraction) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for e in &ex.entities {
        if let Some(kind) = entity_facet_kind(e.kind) {
            out.push((kind, e.name.clone()));
        }
    }
    if !article.source.trim().is_empty() {
        out.push(("source", article.source.trim().to_string()));
    }
    out
}

fn add_facet(
    doc: &mut TantivyDocument,
    vocab: &mut Vocab,
    facets: tantivy::schema::Field,
    keys: tantivy::schema::Field,
    kind: &str,
    value: &str,
) {
    doc.add_u64(facets, vocab.id(kind, value));
    for k in keys_for(kind, value) {
        doc.add_text(keys, k);
    }
}

/// Change-detection and grouping values stored with an article.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub hash: u64,
    pub text_hash: u64,
    pub bands: Vec<u64>,
    pub group: u64,
}

pub fn article_document(
    f: &ArticleFields,
    vocab: &mut Vocab,
    article: &Article,
    ex: &Extraction,
    ident: &Identity,
    batch: u64,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &article.id);
    doc.add_text(f.title, &article.title);
    for &(s, e) in &ex.paragraphs {
        let p = paragraphs::clean(&article.text[s..e]);
        doc.add_text(f.body, p);
    }
    if let Some(d) = date_of(article) {
        doc.add_date(f.date, d);
    }
    if !article.date_text.is_empty() {
        doc.add_text(f.date_text, &article.date_text);
    }
    doc.add_text(f.source, &article.source);
    doc.add_text(f.url, &article.url);
    doc.add_text(f.path, &article.path);
    doc.add_text(f.author, &article.author);
    let mut speakers: Vec<&str> = ex.quotes.iter().filter_map(|q| q.speaker.as_deref()).collect();
    speakers.sort_unstable();
    speakers.dedup();
    for s in &speakers {
        add_facet(&mut doc, vocab, f.facets, f.keys, "speaker", s);
    }
    for (kind, value) in article_facets(article, ex) {
        add_facet(&mut doc, vocab, f.facets, f.keys, kind, &value);
    }
    let mut names: Vec<&str> =
        ex.entities.iter().map(|e| e.name.as_str()).chain(speakers.iter().copied()).collect();
    names.sort_unstable();
    names.dedup();
    if !names.is_empty() {
        doc.add_text(f.names, names.join(" \n "));
    }
    doc.add_u64(f.hash, ident.hash);
    doc.add_u64(f.text_hash, ident.text_hash);
    doc.add_text(f.file, &article.file);
    for &b in &ident.bands {
        doc.add_u64(f.bands, b);
    }
    doc.add_u64(f.group, ident.group);
    for e in &ex.entities {
        if let Some(kind) = entity_facet_kind(e.kind) {
            doc.add_text(f.entities, format!("{kind}\t{}\t{}", e.name, e.mentions.len()));
        }
    }
    doc.add_u64(f.batch, batch);
    doc.add_u64(f.paragraphs, ex.paragraphs.len() as u64);
    doc
}

/// One document per quote. A quote carries its speaker and its article's source as facets;
/// filters on the article's entities reach quotes through the article id (see
/// `search::filters`), which keeps these small documents small.
pub fn quote_documents(
    f: &QuoteFields,
    vocab: &mut Vocab,
    article: &Article,
    ex: &Extraction,
    batch: u64,
) -> Vec<TantivyDocument> {
    let source = article.source.trim();
    ex.quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut doc = TantivyDocument::new();
            doc.add_text(f.article, &article.id);
            let words = article.text.get(q.start..q.end).map(paragraphs::clean).unwrap_or_default();
            doc.add_text(f.text, words);
            if let Some(s) = &q.speaker {
                doc.add_text(f.speaker, s);
                add_facet(&mut doc, vocab, f.facets, f.keys, "speaker", s);
            }
            if let Some(d) = &q.description {
                doc.add_text(f.description, d);
            }
            if let Some(c) = &q.cue {
                doc.add_text(f.cue, c);
            }
            if !source.is_empty() {
                add_facet(&mut doc, vocab, f.facets, f.keys, "source", source);
            }
            doc.add_u64(f.paragraph, q.paragraph as u64);
            doc.add_u64(f.ord, i as u64);
            doc.add_u64(f.start, q.start as u64);
            doc.add_u64(f.end, q.end as u64);
            if let Some(d) = date_of(article) {
                doc.add_date(f.date, d);
            }
            doc.add_text(f.title, &article.title);
            doc.add_text(f.source, &article.source);
            doc.add_u64(f.batch, batch);
            doc
        })
        .collect()
}
