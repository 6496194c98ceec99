//! Where a quotation first appeared. Wire stories and follow-ups repeat a quotation in many
//! articles: the same words (after normalizing quotation marks, case, whitespace and
//! punctuation, as the index's tokenizer does), or a sub-span of at least [`MIN_SPAN`] words of
//! a longer quotation, count as the same quotation.
//!
//! Found at query time from the quotes index, with nothing stored for it: a quotation of
//! [`MIN_SPAN`] words or more is looked up by its windows of [`MIN_SPAN`] words as phrases
//! (a longer quotation that holds it holds its first window; a shorter one it holds begins at
//! one of its windows), a shorter one as one phrase; each candidate is then checked word by
//! word. An article added tomorrow with an older date becomes the first appearance at once.

use std::collections::HashSet;

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::index::schema::QuoteFields;

/// The fewest words of a quotation that counts as the same as a longer one holding it.
pub const MIN_SPAN: usize = 8;

/// The most windows of a long quotation looked up (a sub-span starting beyond them is missed).
const MAX_WINDOWS: usize = 200;

/// The most candidates read for one quotation (a very common short one, "No comment").
const MAX_CANDIDATES: usize = 2_000;

/// The first appearance of a quotation: its article, date and source.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FirstSeen {
    pub id: String,
    pub date: Option<String>,
    pub source: String,
}

/// A quotation's group: the quotes that are the same quotation, and what the group shows.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Distinct articles holding the quotation.
    pub seen_in: usize,
    pub first_seen: FirstSeen,
    /// The quote documents of the group (the quotation itself among them).
    pub members: HashSet<DocAddress>,
    /// The document of the first appearance.
    pub first: DocAddress,
}

pub struct Provenance<'a> {
    searcher: &'a Searcher,
    f: &'a QuoteFields,
    analyzer: TextAnalyzer,
}

/// Whether `short` occurs as a contiguous run of words in `long`.
fn contains(long: &[String], short: &[String]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// Whether two quotations, as words, are the same quotation.
pub fn same(a: &[String], b: &[String]) -> bool {
    if a == b {
        return !a.is_empty();
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= MIN_SPAN && contains(long, short)
}

impl<'a> Provenance<'a> {
    pub fn new(searcher: &'a Searcher, f: &'a QuoteFields) -> Result<Provenance<'a>> {
        let analyzer = searcher.index().tokenizer_for_field(f.text)?;
        Ok(Provenance { searcher, f, analyzer })
    }

    /// The words of a quotation as the index holds them.
    pub fn words(&mut self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = self.analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    fn phrase(&self, words: &[String]) -> Box<dyn Query> {
        let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(self.f.text, w)).collect();
        if terms.len() == 1 {
            Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic))
        } else {
            Box::new(PhraseQuery::new(terms))
        }
    }

    /// The group of the quote at `addr`, whose text is `text`.
    pub fn of(&mut self, addr: DocAddress, text: &str) -> Result<Seen> {
        let words = self.words(text);
        let doc: TantivyDocument = self.searcher.doc(addr)?;
        let mut first = (sort_key(&doc, self.f), addr, first_seen(&doc, self.f));
        let mut members = HashSet::from([addr]);
        let mut articles = HashSet::from([str_of(&doc, self.f.article)]);
        if !words.is_empty() {
            let query: Box<dyn Query> = if words.len() < MIN_SPAN {
                self.phrase(&words)
            } else {
                let mut seen = HashSet::new();
                let windows: Vec<(Occur, Box<dyn Query>)> = words
                    .windows(MIN_SPAN)
                    .filter(|w| seen.insert(*w))
                    .take(MAX_WINDOWS)
                    .map(|w| (Occur::Should, self.phrase(w)))
                    .collect();
                Box::new(BooleanQuery::new(windows))
            };
            let mut candidates: Vec<DocAddress> =
                self.searcher.search(&*query, &DocSetCollector)?.into_iter().collect();
            candidates.sort();
            for c in candidates.into_iter().filter(|c| *c != addr).take(MAX_CANDIDATES) {
                let d: TantivyDocument = self.searcher.doc(c)?;
                let other = self.words(&str_of(&d, self.f.text));
                if same(&words, &other) {
                    members.insert(c);
                    articles.insert(str_of(&d, self.f.article));
                    let key = sort_key(&d, self.f);
                    if (&key, c) < (&first.0, first.1) {
                        first = (key, c, first_seen(&d, self.f));
                    }
                }
            }
        }
        let (_, first_addr, first_seen) = first;
        Ok(Seen { seen_in: articles.len(), first_seen, members, first: first_addr })
    }
}

fn str_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Earliest first: dated before undated, then by date, then by article id.
fn sort_key(doc: &TantivyDocument, f: &QuoteFields) -> (i64, String) {
    let secs = doc.get_first(f.date).and_then(|v| v.as_datetime()).map(|d| d.into_timestamp_secs());
    (secs.unwrap_or(i64::MAX), str_of(doc, f.article))
}

fn first_seen(doc: &TantivyDocument, f: &QuoteFields) -> FirstSeen {
    let secs = doc.get_first(f.date).and_then(|v| v.as_datetime()).map(|d| d.into_timestamp_secs());
    FirstSeen {
        id: str_of(doc, f.article),
        date: secs
            .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
            .map(crate::ingest::date::format_date),
        source: str_of(doc, f.source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_quotation_is_the_same_as_itself_and_as_a_long_enough_span_of_a_longer_one() {
        let long = w("we will not accept these cuts to the budget of the city this year");
        assert!(same(&long, &long));
        assert!(same(&w("not accept these cuts to the budget of the"), &long), "nine words inside");
        assert!(!same(&w("accept these cuts to the budget"), &long), "six words are too few");
        assert!(same(&w("no comment"), &w("no comment")));
        assert!(!same(&w("no comment"), &w("no comment at all")));
        assert!(
            !same(&w("the budget of the city this year and next year too"), &long),
            "overlap is not a span"
        );
        assert!(!same(&[], &[]));
    }
}
