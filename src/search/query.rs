//! The query language's tree ([`super::query_lang::Node`]) as Tantivy queries, for the
//! `articles` or the `quotes` index, together with what to highlight: the stems that bare
//! words match, the words that prefixes and fuzzy terms expanded to, and the phrases.
//!
//! The index holds words as written only. A bare word matches every indexed word with the same
//! English stem ("hostage" finds "hostages"): the term dictionary is scanned from the common
//! prefix of the word and its stem, and the words whose stem is the query's are OR-ed. Stemming
//! at query time rather than in a second indexed copy of every text halves the cost of
//! indexing and the size of the index, and highlights show the words that were found.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use super::filters::{resolve_name, NameIndex};
use super::query_lang::Node;
use crate::error::{Error, Result};
use crate::index::schema::{analyzer_named, STEMS, WORDS};
use crate::index::Archive;

/// The most terms a prefix or fuzzy term expands to (the most frequent are kept).
const MAX_EXPANSIONS: usize = 128;

/// The field names the query language accepts.
pub const FIELDS: &[&str] =
    &["title", "body", "text", "speaker", "person", "org", "place", "source", "date", "description"];

/// Which index a query is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Articles,
    Quotes,
}

/// What matched, for highlighting: the words a bare word was searched as (the indexed words
/// of its stem), each with that stem (a passage scores each stem once); exact words (prefix and
/// fuzzy expansions, quoted single words); and phrases as word sequences.
#[derive(Debug, Clone, Default)]
pub struct Highlight {
    pub stem_words: BTreeMap<String, String>,
    pub words: BTreeSet<String>,
    pub phrases: Vec<Vec<String>>,
}

impl Highlight {
    pub fn is_empty(&self) -> bool {
        self.stem_words.is_empty() && self.words.is_empty() && self.phrases.is_empty()
    }

    /// Whether a text may hold a match. Exact for ASCII text (its words are its lowercased
    /// letter runs: a word that matches is a substring of the lowercased text), so a `false`
    /// there means no match; other text is always a candidate.
    pub fn may_match(&self, text: &str, lower: &mut String) -> bool {
        if !text.is_ascii() {
            return true;
        }
        super::snippets::lower_ascii(text, lower);
        self.stem_words
            .keys()
            .chain(&self.words)
            .chain(self.phrases.iter().filter_map(|p| p.first()))
            .any(|w| lower.contains(w.as_str()))
    }
}

/// The fields of a target.
struct Fields {
    /// Fields with positions, words as written, with their boosts: bare words (expanded to the
    /// words of their stem), phrases, prefixes, fuzzy terms.
    exact: Vec<(Field, f32)>,
    /// Fields of names, matched by the bare word as written.
    names: Vec<(Field, f32)>,
    title: Option<Field>,
    keys: Field,
    date: Field,
}

pub struct Builder<'a> {
    searcher: &'a Searcher,
    key_searchers: NameIndex<'a>,
    fields: Fields,
    words: TextAnalyzer,
    /// The STEMS analyzer (tantivy's English `Stemmer`): the program's one stemmer, the one
    /// whose stems snippets mark.
    stems: TextAnalyzer,
    pub highlight: Highlight,
}

impl<'a> Builder<'a> {
    /// `key_searchers` are the indexes names are resolved against (both, so that a surname
    /// means the same person in `search` and `quotes`).
    pub fn new(
        archive: &'a Archive,
        searcher: &'a Searcher,
        target: Target,
        key_searchers: NameIndex<'a>,
    ) -> Self {
        let (a, q) = (&archive.af, &archive.qf);
        let fields = match target {
            Target::Articles => Fields {
                exact: vec![(a.title, 2.0), (a.body, 1.0)],
                names: vec![(a.names, 0.5)],
                title: Some(a.title),
                keys: a.keys,
                date: a.date,
            },
            Target::Quotes => Fields {
                exact: vec![(q.text, 1.0)],
                names: vec![(q.speaker, 0.5), (q.description, 0.3)],
                title: None,
                keys: q.keys,
                date: q.date,
            },
        };
        Builder {
            searcher,
            key_searchers,
            fields,
            words: analyzer_named(WORDS),
            stems: analyzer_named(STEMS),
            highlight: Highlight::default(),
        }
    }

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    /// Builds the query of `node`; `highlight` collects what to mark.
    pub fn build(&mut self, node: &Node) -> Result<Box<dyn Query>> {
        self.node(node, true)
    }

    fn node(&mut self, node: &Node, positive: bool) -> Result<Box<dyn Query>> {
        match node {
            Node::Term { field, text, span } => self.term(field.as_deref(), text, *span, positive),
            Node::Phrase { field, text, slop, span } => match field.as_deref() {
                Some(f) if is_name_field(f) => self.name(f, text, *span),
                _ => self.phrase(field.as_deref(), text, *slop, *span, positive),
            },
            Node::Prefix { field, text, span } => self.expand(field.as_deref(), text, None, *span, positive),
            Node::Fuzzy { field, text, distance, span } => {
                self.expand(field.as_deref(), text, Some(*distance), *span, positive)
            }
            Node::DateRange { from, to, from_inclusive, to_inclusive, span, .. } => {
                self.date_range(from.as_deref(), to.as_deref(), *from_inclusive, *to_inclusive, *span)
            }
            Node::And(children) => {
                let mut clauses = Vec::new();
                let mut any_positive = false;
                for c in children {
                    match c {
                        Node::Not(inner) => clauses.push((Occur::MustNot, self.node(inner, false)?)),
                        other => {
                            any_positive = true;
                            clauses.push((Occur::Must, self.node(other, positive)?));
                        }
                    }
                }
                if !any_positive {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Or(children) => {
                let mut clauses = Vec::new();
                for c in children {
                    clauses.push((Occur::Should, self.node(c, positive)?));
                }
                Ok(Box::new(BooleanQuery::new(clauses)))
            }
            Node::Not(inner) => Ok(Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, self.node(inner, false)?),
            ]))),
        }
    }

    fn scoped_exact(&self, field: Option<&str>, span: (usize, usize)) -> Result<Vec<(Field, f32)>> {
        match field {
            None => Ok(self.fields.exact.clone()),
            Some("title") => self.fields.title.map(|t| vec![(t, 1.0)]).ok_or_else(|| {
                field_error("title", span, "quotes have no title: use it with `gazette search`")
            }),
            Some("body") | Some("text") => {
                Ok(vec![*self.fields.exact.last().expect("a target has an exact field")])
            }
            Some(f) => Err(field_error(f, span, "this field takes a name, not a phrase or pattern")),
        }
    }

    fn term(
        &mut self,
        field: Option<&str>,
        text: &str,
        span: (usize, usize),
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        if let Some(f) = field {
            if is_name_field(f) {
                return self.name(f, text, span);
            }
            if f == "date" {
                return self.date_range(Some(text), Some(text), true, true, span);
            }
        }
        let words = Self::tokens(&mut self.words, text);
        if words.len() > 1 {
            return self.phrase(field, text, 0, span, positive);
        }
        let Some(word) = words.into_iter().next() else {
            return Ok(Box::new(EmptyQuery));
        };
        let fields = self.scoped_exact(field, span)?;
        let stem = Self::stem(&mut self.stems, &word);
        let variants = self.stem_variants(&fields, &word, &stem)?;
        if positive {
            for v in &variants {
                self.highlight.stem_words.insert(v.clone(), stem.clone());
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(f, boost) in &fields {
            for v in &variants {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(Term::from_field_text(f, v), IndexRecordOption::WithFreqs));
                clauses.push((Occur::Should, boosted(q, boost)));
            }
        }
        if field.is_none() {
            for &(f, boost) in &self.fields.names {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(Term::from_field_text(f, &word), IndexRecordOption::WithFreqs));
                clauses.push((Occur::Should, boosted(q, boost)));
            }
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// The English stem of a word as the WORDS analyzer gives it (lowercased, folded, letters and
    /// digits only, so the STEMS analyzer keeps it one token); a word it would split is its own
    /// stem.
    fn stem(stems: &mut TextAnalyzer, word: &str) -> String {
        let mut tokens = stems.token_stream(word);
        let first = tokens.next().map(|t| t.text.clone());
        match (first, tokens.next()) {
            (Some(stem), None) => stem,
            _ => word.to_string(),
        }
    }

    /// The indexed words of `fields` whose English stem is `stem` (the word itself included):
    /// read from the term dictionaries, from the longest common prefix of the word and its stem
    /// (less a final i, which may stand for a y).
    fn stem_variants(&mut self, fields: &[(Field, f32)], word: &str, stem: &str) -> Result<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        out.insert(word.to_string());
        let mut common = word.bytes().zip(stem.bytes()).take_while(|(a, b)| a == b).count();
        // A stem's final i may stand for a y: "companies" and "company" both stem to "compani".
        if stem.ends_with('i') && common == stem.len() && common > 3 {
            common -= 1;
        }
        if common < 3 || !word.is_char_boundary(common) {
            return Ok(out);
        }
        let prefix = &word.as_bytes()[..common];
        let mut upper = prefix.to_vec();
        upper.push(0xff);
        let longest = word.len().max(stem.len()) + 6;
        let searcher = self.searcher;
        // the words of other stems already seen: each segment and field lists the same words
        // again, and stemming is most of the work
        let mut other: std::collections::HashSet<Vec<u8>> = std::collections::HashSet::new();
        for &(f, _) in fields {
            for seg in searcher.segment_readers() {
                let inv = seg.inverted_index(f)?;
                let mut stream = inv.terms().range().ge(prefix).lt(&upper).into_stream()?;
                while stream.advance() {
                    let key = stream.key();
                    if key.len() > longest || other.contains(key) {
                        continue;
                    }
                    if let Ok(k) = std::str::from_utf8(key) {
                        if out.contains(k) {
                            continue;
                        }
                        if Self::stem(&mut self.stems, k) == stem {
                            out.insert(k.to_string());
                        } else {
                            other.insert(key.to_vec());
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    fn phrase(
        &mut self,
        field: Option<&str>,
        text: &str,
        slop: u32,
        span: (usize, usize),
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        let words = Self::tokens(&mut self.words, text);
        let fields = self.scoped_exact(field, span)?;
        if words.is_empty() {
            return Ok(Box::new(EmptyQuery));
        }
        if positive {
            if words.len() == 1 {
                self.highlight.words.insert(words[0].clone());
            } else {
                self.highlight.phrases.push(words.clone());
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (f, boost) in fields {
            let q: Box<dyn Query> = if words.len() == 1 {
                Box::new(TermQuery::new(Term::from_field_text(f, &words[0]), IndexRecordOption::WithFreqs))
            } else {
                let mut pq = PhraseQuery::new(words.iter().map(|w| Term::from_field_text(f, w)).collect());
                pq.set_slop(slop);
                Box::new(pq)
            };
            clauses.push((Occur::Should, boosted(q, boost)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// A prefix (`distance` None) or fuzzy term, expanded over the term dictionaries of the
    /// fields of words as written into the terms it matches, the most frequent first.
    fn expand(
        &mut self,
        field: Option<&str>,
        text: &str,
        distance: Option<u8>,
        span: (usize, usize),
        positive: bool,
    ) -> Result<Box<dyn Query>> {
        let words = Self::tokens(&mut self.words, text);
        let fields = self.scoped_exact(field, span)?;
        let Some(word) = words.last().cloned() else {
            return Ok(Box::new(EmptyQuery));
        };
        let mut found: HashMap<String, u64> = HashMap::new();
        for &(f, _) in &fields {
            for seg in self.searcher.segment_readers() {
                let inv = seg.inverted_index(f)?;
                macro_rules! drain {
                    ($stream:expr) => {{
                        let mut stream = $stream;
                        while stream.advance() {
                            if let Ok(k) = std::str::from_utf8(stream.key()) {
                                *found.entry(k.to_string()).or_default() += stream.value().doc_freq as u64;
                            }
                        }
                    }};
                }
                match distance {
                    None => {
                        let mut upper = word.clone().into_bytes();
                        upper.push(0xff);
                        drain!(inv.terms().range().ge(word.as_bytes()).lt(&upper).into_stream()?)
                    }
                    Some(d) => {
                        let automaton =
                            FuzzyTermQuery::new(Term::from_field_text(f, &word), d, true).automaton()?;
                        drain!(inv.terms().search(automaton).into_stream()?)
                    }
                }
            }
        }
        let mut terms: Vec<(String, u64)> = found.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_EXPANSIONS);
        if words.len() > 1 {
            // "cease-f*": the leading words must be there too, as words.
            let mut phrase_words = words[..words.len() - 1].to_vec();
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let head = phrase_words.join(" ");
            clauses.push((Occur::Must, self.phrase(field, &head, 0, span, positive)?));
            phrase_words.clear();
            let tail = self.terms_query(&fields, &terms, positive);
            clauses.push((Occur::Must, tail));
            return Ok(Box::new(BooleanQuery::new(clauses)));
        }
        Ok(self.terms_query(&fields, &terms, positive))
    }

    fn terms_query(
        &mut self,
        fields: &[(Field, f32)],
        terms: &[(String, u64)],
        positive: bool,
    ) -> Box<dyn Query> {
        if terms.is_empty() {
            return Box::new(EmptyQuery);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (t, _) in terms {
            if positive {
                self.highlight.words.insert(t.clone());
            }
            for &(f, boost) in fields {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(Term::from_field_text(f, t), IndexRecordOption::WithFreqs));
                clauses.push((Occur::Should, boosted(q, boost)));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// `speaker:kirby`, `person:"Yoav Gallant"`: the name resolved like the filters resolve it.
    fn name(&mut self, field: &str, text: &str, span: (usize, usize)) -> Result<Box<dyn Query>> {
        let kind = match field {
            "speaker" => "speaker",
            "person" => "person",
            "org" => "org",
            "place" => "place",
            "source" => "source",
            other => return Err(field_error(other, span, "unknown field")),
        };
        let keys = resolve_name(&self.key_searchers, kind, text).map_err(|e| Error::Query {
            message: e.to_string(),
            position: span.0,
            rendered: String::new(),
        })?;
        let term = |k: &String| Term::from_field_text(self.fields.keys, k);
        Ok(match keys.as_slice() {
            [one] => Box::new(TermQuery::new(term(one), IndexRecordOption::Basic)),
            many => Box::new(BooleanQuery::new(
                many.iter()
                    .map(|k| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(term(k), IndexRecordOption::Basic)) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            )),
        })
    }

    fn date_range(
        &mut self,
        from: Option<&str>,
        to: Option<&str>,
        from_inclusive: bool,
        to_inclusive: bool,
        span: (usize, usize),
    ) -> Result<Box<dyn Query>> {
        let bad = |s: &str| Error::Query {
            message: format!("{s:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            position: span.0,
            rendered: String::new(),
        };
        let lo = match from {
            None => Bound::Unbounded,
            Some(s) => {
                let (start, end) = period_bounds(s).ok_or_else(|| bad(s))?;
                Bound::Included(date_term(self.fields.date, if from_inclusive { start } else { end }))
            }
        };
        let hi = match to {
            None => Bound::Unbounded,
            Some(s) => {
                let (start, end) = period_bounds(s).ok_or_else(|| bad(s))?;
                Bound::Excluded(date_term(self.fields.date, if to_inclusive { end } else { start }))
            }
        };
        // `date:[* TO *]`: every dated article (a range needs one bound to know its field)
        let lo = match (&lo, &hi) {
            (Bound::Unbounded, Bound::Unbounded) => {
                Bound::Included(date_term(self.fields.date, EARLIEST_DATE))
            }
            _ => lo,
        };
        Ok(Box::new(RangeQuery::new(lo, hi)))
    }
}

/// The first second of the year 1, below every date an article can carry.
const EARLIEST_DATE: i64 = -62_135_596_800;

fn is_name_field(f: &str) -> bool {
    matches!(f, "speaker" | "person" | "org" | "place" | "source")
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

fn date_term(field: Field, secs: i64) -> Term {
    Term::from_field_date(field, crate::index::schema::date_value(secs))
}

fn field_error(field: &str, span: (usize, usize), why: &str) -> Error {
    Error::Query { message: format!("{field}: {why}"), position: span.0, rendered: String::new() }
}

/// 10000-01-01T00:00:00Z, the end of the last period that can be written.
const END_OF_9999: i64 = 253_402_300_800;

/// The first second of a period written YYYY, YYYY-MM or YYYY-MM-DD, and the first second
/// after it.
pub fn period_bounds(s: &str) -> Option<(i64, i64)> {
    let parts: Vec<&str> = s.split('-').collect();
    // a year of four digits ("24-03-25" is no date), a month and a day of one or two
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(parts.first()?, 4..=4) || !parts[1..].iter().all(|p| digits(p, 1..=2)) {
        return None;
    }
    let y: i32 = parts.first()?.parse().ok()?;
    let start_of = |y: i32, m: u32, d: u32| {
        crate::ingest::date::calendar_day(y, m, d).map(|day| day.midnight().assume_utc().unix_timestamp())
    };
    match parts.len() {
        1 => Some((start_of(y, 1, 1)?, start_of(y + 1, 1, 1).unwrap_or(END_OF_9999))),
        2 => {
            let m: u32 = parts[1].parse().ok()?;
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Some((start_of(y, m, 1)?, start_of(ny, nm, 1).unwrap_or(END_OF_9999)))
        }
        3 => {
            let m: u32 = parts[1].parse().ok()?;
            let d: u32 = parts[2].parse().ok()?;
            let start = start_of(y, m, d)?;
            Some((start, start + 86_400))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_has_a_four_digit_year() {
        for bad in ["24-03-25", "24", "+2024", "2024-003", "2024-03-0001", "20245", "2024--03", ""] {
            assert_eq!(period_bounds(bad), None, "{bad}");
        }
        assert!(period_bounds("2024-3-5").is_some());
    }

    #[test]
    fn periods_cover_whole_years_months_and_days() {
        let (a, b) = period_bounds("2024").unwrap();
        assert_eq!(b - a, 366 * 86_400);
        let (a, b) = period_bounds("2024-02").unwrap();
        assert_eq!(b - a, 29 * 86_400);
        let (a, b) = period_bounds("2023-12").unwrap();
        assert_eq!(b - a, 31 * 86_400);
        let (a, b) = period_bounds("2024-03-25").unwrap();
        assert_eq!(b - a, 86_400);
        assert_eq!(period_bounds("2024-13"), None);
        assert_eq!(period_bounds("x"), None);
    }
}
