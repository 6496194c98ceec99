//! Searching an archive: the query language, filters, ranked hits with snippets, facet counts
//! and date histograms, quotes, and one article in full. Result types serialize to the JSON
//! that `--json` prints.

pub mod facets;
pub mod filters;
pub mod gate;
pub mod provenance;
pub mod query;
pub mod query_lang;
pub mod snippets;
pub mod speaker;

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument, Term};

use facets::{Counts, FacetCounter};
pub use facets::{DateBucket, DateCount, FacetValue};
pub use filters::Filters;
use filters::Resolved;
use query::{Builder, Highlight, Target};
use snippets::{Snippet, Snippeter};

use crate::error::{Error, Result};
use crate::extract::entities::EntityKind;
use crate::extract::Entity;
use crate::index::aliases::{Aliases, NameMap};
use crate::index::people::People;
use crate::index::vocab::{Vocab, KINDS};
use crate::index::Archive;
use crate::ingest::date::format_date;

/// Facet kinds as users name them, and their facet path roots.
pub const FACETS: [(&str, &str); 5] =
    [("speaker", "speaker"), ("person", "person"), ("org", "org"), ("place", "place"), ("source", "source")];

/// Maps the names users give a facet (`persons`, `organizations`, `places`...) to its kind.
pub fn facet_kind(name: &str) -> Option<&'static str> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "speaker" | "speakers" => "speaker",
        "person" | "persons" | "people" => "person",
        "org" | "orgs" | "organization" | "organizations" | "organisation" | "organisations" => "org",
        "place" | "places" | "location" | "locations" => "place",
        "source" | "sources" => "source",
        "date" | "dates" | "year" | "years" | "month" | "months" => "date",
        _ => return None,
    })
}

/// Sort order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    DateAscending,
    DateDescending,
}

/// A search, as the library sees it (the CLI builds it from its arguments).
#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    /// Bare words OR instead of AND.
    pub any: bool,
    pub filters: Filters,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
    /// Snippets per hit.
    pub snippets: usize,
    /// Facet kinds to count ("speaker", "person", "org", "place", "source", "date").
    pub facets: Vec<String>,
    pub facet_size: usize,
    pub by_date: DateBucket,
    /// Show one article per near-duplicate group (the best), with the count of its copies;
    /// for quotes, one quote per quotation repeated in several articles.
    pub collapse: bool,
    /// Quotes: each quotation at its first appearance.
    pub first_seen: bool,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            query: String::new(),
            any: false,
            filters: Filters::default(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            snippets: 3,
            facets: Vec::new(),
            facet_size: 10,
            by_date: DateBucket::Year,
            collapse: true,
            first_seen: false,
        }
    }
}

/// An article found. Its first six fields are those of [`ArticleView`]: a deliberate copy, as
/// each type is a JSON contract of its own (README, "JSON output"), checked by the snapshots.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: String,
    pub url: String,
    pub path: String,
    pub score: f32,
    /// Other matching articles of the same near-duplicate group, left out of the list.
    pub copies: Vec<String>,
    pub snippets: Vec<Snippet>,
}

/// Facet counts, by kind, and the date histogram.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FacetResults {
    #[serde(flatten)]
    pub values: BTreeMap<String, Vec<FacetValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Vec<DateCount>>,
    /// With the date histogram: the matches that have no date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undated: Option<u64>,
}

/// What `gazette search` returns.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: FacetResults,
    /// Facet kinds whose counts leave out their own filter (multi-select): the counts of the
    /// other values of a filtered kind stay visible.
    pub multi_select: Vec<String>,
}

/// A quotation found.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteHit {
    pub text: String,
    /// The speaker's name across the archive (merged names and aliases applied).
    pub speaker: Option<String>,
    /// The speaker as the article names them, when the archive files them under another name.
    pub speaker_as_written: Option<String>,
    pub description: Option<String>,
    pub cue: Option<String>,
    pub article: String,
    pub title: String,
    pub date: Option<String>,
    pub source: String,
    pub paragraph: u64,
    pub start: u64,
    pub end: u64,
    pub score: f32,
    pub highlights: Vec<(usize, usize)>,
    /// Articles holding this quotation (the same words, or a span of 8 words or more).
    pub seen_in: usize,
    /// Its first appearance: the earliest of those articles by date, then by id.
    pub first_seen: provenance::FirstSeen,
}

/// What `gazette quotes` returns.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteResults {
    pub query: String,
    pub total: usize,
    pub quotes: Vec<QuoteHit>,
    pub facets: FacetResults,
    pub multi_select: Vec<String>,
}

/// An open archive, ready to answer queries.
pub struct Searchers {
    pub archive: Archive,
    pub articles: Searcher,
    pub quotes: Searcher,
    vocab: Vocab,
    kinds_of: std::sync::Arc<Vec<u8>>,
    /// The archive's merged names and the user's aliases.
    names: NameMap,
    /// No merges (`--as-written`).
    identity: NameMap,
    /// The representatives for facet counting.
    packed: Option<std::sync::Arc<facets::Reps>>,
    /// With merges: the documents of each index holding two forms of one name, per segment
    /// (articles, quotes), worked out at the first facet count.
    collisions: [std::sync::OnceLock<Option<std::sync::Arc<Vec<Vec<u64>>>>>; 2],
    /// The facet numbers and days of each index (articles, quotes) decoded into vectors, for
    /// a reader that answers many queries (see [`Searchers::decode_facets`]).
    decoded: [Option<std::sync::Arc<facets::Decoded>>; 2],
    /// The facet values normalized, for "did you mean" messages (see `filters::NameIndex`).
    normalized: std::sync::OnceLock<Vec<String>>,
}

impl Searchers {
    pub fn new(archive: Archive) -> Result<Searchers> {
        let articles = archive.articles_reader()?.searcher();
        let quotes = archive.quotes_reader()?.searcher();
        // After the readers: the facet numbers of the commits they see are all in the file.
        let vocab = Vocab::load(&archive.dir, archive.committed()?.facets)?;
        let kinds_of = std::sync::Arc::new(vocab.kinds());
        // people.tsv is derived data the next writer rewrites: a damaged one merges nothing
        let people = People::load(&archive.dir).unwrap_or_default();
        let names = NameMap::new(&vocab, &people, &Aliases::load(&archive.dir)?);
        let packed = names.reps().map(|r| std::sync::Arc::new(facets::Reps::new(&r)));
        Ok(Searchers {
            archive,
            articles,
            quotes,
            vocab,
            kinds_of,
            names,
            identity: NameMap::default(),
            packed,
            collisions: Default::default(),
            decoded: Default::default(),
            normalized: Default::default(),
        })
    }

    /// The memory the decoded facet vectors hold, in bytes (0 without them).
    pub fn decoded_bytes(&self) -> usize {
        self.decoded.iter().flatten().map(|d| d.heap_bytes()).sum()
    }

    /// Decodes the facet numbers and dates of both indexes into plain vectors once, so that
    /// facet counting reads them instead of the bit-packed columns: for the server and other
    /// long-lived readers (a one-shot search reads the columns of its matches only). The
    /// counts are the same either way.
    pub fn decode_facets(mut self) -> Result<Searchers> {
        let decode = |searcher: &tantivy::Searcher| -> Result<_> {
            let d = facets::Decoded::of(searcher, "facets", "date", &self.kinds_of, self.packed.as_deref())?;
            Ok(Some(std::sync::Arc::new(d)))
        };
        self.decoded = [decode(&self.articles)?, decode(&self.quotes)?];
        Ok(self)
    }

    /// The archive's facet values, as its readers see them.
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The archive's merged names and the user's aliases.
    pub fn name_map(&self) -> &NameMap {
        &self.names
    }

    /// The names a request sees: merged, or as written.
    fn names_for(&self, as_written: bool) -> &NameMap {
        if as_written {
            &self.identity
        } else {
            &self.names
        }
    }

    fn key_searchers(&self, as_written: bool) -> filters::NameIndex<'_> {
        filters::NameIndex {
            searchers: vec![(&self.articles, self.archive.af.keys), (&self.quotes, self.archive.qf.keys)],
            vocab: &self.vocab,
            names: self.names_for(as_written),
            normalized: &self.normalized,
        }
    }

    /// The baseline of the query benchmark (`benches/queries.rs`): the same parsed query, top
    /// 10 by BM25 over the articles index, and nothing else (no filters, facets, snippets,
    /// collapsing or stored fields). Returns the number of hits.
    #[doc(hidden)]
    pub fn bare_top10(&self, query: &str, any: bool) -> Result<usize> {
        let (q, _) = self.parse(Target::Articles, query, any, false)?;
        Ok(self.articles.search(&*q, &TopDocs::with_limit(10).order_by_score())?.len())
    }

    /// The parsed query (or match-all when empty) and what to highlight.
    fn parse(
        &self,
        target: Target,
        text: &str,
        any: bool,
        as_written: bool,
    ) -> Result<(Box<dyn Query>, Highlight)> {
        if text.trim().is_empty() {
            return Ok((Box::new(AllQuery), Highlight::default()));
        }
        let node =
            query_lang::parse(text, &query_lang::Options { any, fields: query::FIELDS }).map_err(|e| {
                Error::Query { message: e.message.clone(), position: e.position, rendered: e.render(text) }
            })?;
        let searcher = if target == Target::Articles { &self.articles } else { &self.quotes };
        let mut b = Builder::new(&self.archive, searcher, target, self.key_searchers(as_written));
        let q = b.build(&node).map_err(|e| match e {
            Error::Query { message, position, .. } => {
                let rendered = query_lang::ParseError { position, message: message.clone() }.render(text);
                Error::Query { message, position, rendered }
            }
            other => other,
        })?;
        Ok((q, b.highlight))
    }

    /// Runs `query` restricted by `filter`, counting facets; returns the top docs and counts.
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        target: Target,
        query: &dyn Query,
        resolved: &Resolved,
        req: &Request,
    ) -> Result<(usize, Vec<(f32, DocAddress)>, FacetResults, Vec<String>)> {
        let (searcher, keys, date, facet_field) = match target {
            Target::Articles => (&self.articles, self.archive.af.keys, self.archive.af.date, "facets"),
            Target::Quotes => (&self.quotes, self.archive.qf.keys, self.archive.qf.date, "facets"),
        };
        let with_filter = |except: Option<&str>| -> Result<Box<dyn Query>> {
            let filter = match target {
                Target::Articles => resolved.query(keys, date, except),
                Target::Quotes => {
                    resolved.quotes_query(&self.articles, &self.archive.af, &self.archive.qf, except)?
                }
            };
            Ok(match filter {
                None => query.box_clone(),
                Some(f) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, query.box_clone()),
                    (Occur::Must, Box::new(ConstScoreQuery::new(f, 0.0))),
                ])),
            })
        };
        let full = with_filter(None)?;
        let filtered_kinds: Vec<&str> = resolved.groups.iter().map(|(k, _)| *k).collect::<Vec<&str>>();
        let wanted: Vec<String> = req.facets.iter().filter(|k| *k != "date").cloned().collect();
        let main_kinds: Vec<String> =
            wanted.iter().filter(|k| !filtered_kinds.iter().any(|f| **f == ***k)).cloned().collect();
        let code = |k: &str| KINDS.iter().position(|x| *x == k).map(|i| i as u8);
        let names = self.names_for(req.filters.as_written);
        let name_of = |id: u64| names.name(&self.vocab, id as u32);
        let reps = if req.filters.as_written { None } else { self.packed.clone() };
        let collide = match &reps {
            None => None,
            Some(r) => {
                let slot = &self.collisions[if target == Target::Articles { 0 } else { 1 }];
                slot.get_or_init(|| r.collisions(searcher, facet_field).ok().map(std::sync::Arc::new)).clone()
            }
        };
        let decoded = &self.decoded[if target == Target::Articles { 0 } else { 1 }];
        // a counter of these kind codes (and dates), with the request's names
        let counter_of = |kinds: Vec<u8>, dates: Option<(String, DateBucket)>| {
            FacetCounter::new(
                facet_field,
                self.kinds_of.clone(),
                kinds,
                dates,
                reps.clone(),
                collide.clone(),
                decoded.clone(),
            )
            .for_top(req.facet_size)
        };
        let counter = counter_of(
            main_kinds.iter().filter_map(|k| code(k)).collect(),
            if req.facets.iter().any(|k| k == "date") {
                Some(("date".to_string(), req.by_date))
            } else {
                None
            },
        );
        let limit = req.limit.max(1);
        // The kinds filtered and shown: each is counted again over the matches of the other
        // filters (multi-select). One such kind is counted in the same pass as the page
        // (`gate::Gated`): that pass runs the broader query and keeps, for the page and the
        // other counts, the matches that pass the kind's filter.
        let multi_kinds: Vec<&String> =
            wanted.iter().filter(|k| filtered_kinds.iter().any(|f| **f == ***k)).collect();
        let gated = match multi_kinds.as_slice() {
            [k] => {
                let only = Resolved {
                    groups: resolved
                        .groups
                        .iter()
                        .filter(|(g, _)| *g == k.as_ref() as &str)
                        .cloned()
                        .collect(),
                    since: None,
                    until: None,
                };
                let gate = match target {
                    Target::Articles => only.query(keys, date, None),
                    Target::Quotes => {
                        only.quotes_query(&self.articles, &self.archive.af, &self.archive.qf, None)?
                    }
                };
                match gate {
                    Some(g) => Some((
                        (*k).clone(),
                        g.weight(tantivy::query::EnableScoring::disabled_from_searcher(searcher))?,
                        with_filter(Some(k))?,
                    )),
                    None => None,
                }
            }
            _ => None,
        };
        let mut side_counts: Option<(String, Counts)> = None;
        // the main collectors over `full`, or gated over the broader query with the side count
        macro_rules! search_main {
            ($main:expr) => {
                match gated {
                    Some((k, gate, broad)) => {
                        let side = counter_of(code(&k).into_iter().collect(), None);
                        let (main, side) =
                            searcher.search(&*broad, &gate::Gated { gate, main: $main, side })?;
                        side_counts = Some((k, side));
                        main
                    }
                    None => searcher.search(&*full, &$main)?,
                }
            };
        }
        let (total, top, counts): (usize, Vec<(f32, DocAddress)>, Counts) = match req.sort {
            Sort::Relevance => {
                search_main!((
                    Count,
                    TopDocs::with_limit(limit).and_offset(req.offset).order_by_score(),
                    counter
                ))
            }
            Sort::DateAscending | Sort::DateDescending => {
                let order = if req.sort == Sort::DateAscending { Order::Asc } else { Order::Desc };
                let (t, top, c) = search_main!((
                    Count,
                    TopDocs::with_limit(limit)
                        .and_offset(req.offset)
                        .order_by_fast_field::<tantivy::DateTime>("date", order),
                    counter,
                ));
                (t, top.into_iter().map(|(_, a)| (0.0, a)).collect(), c)
            }
        };
        let mut results = FacetResults::default();
        // one pass over the counts for every kind; a kind without a code gets no values
        let codes: Vec<u8> = main_kinds.iter().filter_map(|k| code(k)).collect();
        let mut tops = counts.tops(&codes, &self.kinds_of, req.facet_size, name_of).into_iter();
        for k in &main_kinds {
            let values = if code(k).is_some() { tops.next().unwrap_or_default() } else { Vec::new() };
            results.values.insert(k.clone(), values);
        }
        if req.facets.iter().any(|k| k == "date") {
            results.date = Some(counts.histogram(req.by_date));
            results.undated = Some(counts.undated);
        }
        let mut multi = Vec::new();
        for k in multi_kinds {
            let c = match side_counts.take() {
                Some((sk, c)) if sk == *k => c,
                _ => {
                    let q = with_filter(Some(k))?;
                    let wanted: Vec<u8> = code(k).into_iter().collect();
                    searcher.search(&*q, &counter_of(wanted, None))?
                }
            };
            let values =
                code(k).map(|cd| c.top(cd, &self.kinds_of, req.facet_size, name_of)).unwrap_or_default();
            results.values.insert(k.clone(), values);
            multi.push(k.clone());
        }
        let top = if req.limit == 0 { Vec::new() } else { top };
        Ok((total, top, results, multi))
    }

    /// Ranked articles with snippets and facet counts.
    /// Without a query: the articles the filters keep, newest first.
    pub fn search(&self, req: &Request) -> Result<Results> {
        let (query, highlight) = self.parse(Target::Articles, &req.query, req.any, req.filters.as_written)?;
        let resolved = Resolved::resolve(&req.filters, &self.key_searchers(req.filters.as_written))?;
        let mut req = req.clone();
        if req.query.trim().is_empty() && req.sort == Sort::Relevance {
            req.sort = Sort::DateDescending;
        }
        let req = &req;
        let f = &self.archive.af;
        let (total, top, facets, multi_select) = if req.collapse && req.limit > 0 {
            // Fetch more than a page, keep the best article of each near-duplicate group.
            let wide = Request { offset: 0, limit: (req.offset + req.limit) * 3 + 10, ..req.clone() };
            let (total, top, facets, multi) = self.run(Target::Articles, &*query, &resolved, &wide)?;
            let mut order: Vec<u64> = Vec::new();
            let mut group_columns: std::collections::HashMap<u32, tantivy::columnar::Column<u64>> =
                std::collections::HashMap::new();
            let mut groups: std::collections::HashMap<u64, (f32, DocAddress, Vec<DocAddress>)> =
                std::collections::HashMap::new();
            for (score, addr) in top {
                let column = match group_columns.entry(addr.segment_ord) {
                    std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(self.articles.segment_reader(addr.segment_ord).fast_fields().u64("group")?)
                    }
                };
                let group = column.first(addr.doc_id).unwrap_or(0);
                let key = if group == 0 { u64::MAX - order.len() as u64 } else { group };
                match groups.get_mut(&key) {
                    Some(g) => g.2.push(addr),
                    None => {
                        order.push(key);
                        groups.insert(key, (score, addr, Vec::new()));
                    }
                }
            }
            let page: Vec<(f32, DocAddress, Vec<DocAddress>)> = order
                .into_iter()
                .skip(req.offset)
                .take(req.limit)
                .filter_map(|k| groups.remove(&k))
                .collect();
            (total, page, facets, multi)
        } else {
            let (total, top, facets, multi) = self.run(Target::Articles, &*query, &resolved, req)?;
            (total, top.into_iter().map(|(s, a)| (s, a, Vec::new())).collect(), facets, multi)
        };
        let mut snip = Snippeter::default();
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr, copies) in top {
            let copies = copies.into_iter().map(|a| self.article_id(a)).collect::<Result<Vec<String>>>()?;
            let doc = self.archive.article_doc(&self.articles, addr)?;
            let paragraphs: Vec<&str> = doc.get_all(f.body).filter_map(|v| v.as_str()).collect();
            hits.push(Hit {
                id: text_of(&doc, f.id),
                title: text_of(&doc, f.title),
                date: date_of(&doc, f.date, f.date_text),
                source: text_of(&doc, f.source),
                url: text_of(&doc, f.url),
                path: text_of(&doc, f.path),
                score,
                copies,
                snippets: if req.snippets == 0 {
                    Vec::new()
                } else {
                    snip.best(&paragraphs, &highlight, req.snippets)
                },
            });
        }
        Ok(Results { query: req.query.clone(), total, hits, facets, multi_select })
    }

    /// Quotations ranked by the query, or newest first without one.
    pub fn quotes(&self, req: &Request) -> Result<QuoteResults> {
        let (query, highlight) = self.parse(Target::Quotes, &req.query, req.any, req.filters.as_written)?;
        let resolved = Resolved::resolve(&req.filters, &self.key_searchers(req.filters.as_written))?;
        let mut req = req.clone();
        if req.query.trim().is_empty() && req.sort == Sort::Relevance {
            req.sort = Sort::DateDescending;
        }
        // A quote carries its speaker, source and date; the people, organizations and places
        // belong to its article (they filter quotes, through the article, but are not counted).
        req.facets.retain(|k| matches!(k.as_str(), "speaker" | "source" | "date"));
        let collapse = (req.collapse || req.first_seen) && req.limit > 0;
        let wide = if collapse {
            // fetch more than a page: a quotation repeated in several articles shows once
            Request { offset: 0, limit: (req.offset + req.limit) * 3 + 10, ..req.clone() }
        } else {
            req.clone()
        };
        let (total, top, facets, multi_select) = self.run(Target::Quotes, &*query, &resolved, &wide)?;
        let f = &self.archive.qf;
        let mut prov = provenance::Provenance::new(&self.quotes, f)?;
        let mut shown: std::collections::HashSet<DocAddress> = std::collections::HashSet::new();
        let mut page = Vec::with_capacity(top.len());
        for (score, addr) in top {
            if collapse && shown.contains(&addr) {
                continue;
            }
            let doc: TantivyDocument = self.quotes.doc(addr)?;
            let seen = prov.of(addr, &text_of(&doc, f.text))?;
            if collapse {
                shown.extend(seen.members.iter().copied());
            }
            // --first-seen: the group at its first appearance
            let (addr, doc) = if req.first_seen && seen.first != addr {
                (seen.first, self.quotes.doc(seen.first)?)
            } else {
                (addr, doc)
            };
            page.push((score, addr, doc, seen));
        }
        let page: Vec<_> =
            if collapse { page.into_iter().skip(req.offset).take(req.limit).collect() } else { page };
        let mut snip = Snippeter::default();
        let mut quotes = Vec::with_capacity(page.len());
        for (score, _, doc, seen) in page {
            let text = text_of(&doc, f.text);
            let (highlights, _) = snip.matches(&text, &highlight);
            let opt = |s: String| if s.is_empty() { None } else { Some(s) };
            let (speaker, speaker_as_written) =
                self.speaker_names(text_of(&doc, f.speaker), req.filters.as_written);
            quotes.push(QuoteHit {
                speaker,
                speaker_as_written,
                description: opt(text_of(&doc, f.description)),
                cue: opt(text_of(&doc, f.cue)),
                article: text_of(&doc, f.article),
                title: text_of(&doc, f.title),
                date: date_of(&doc, f.date, f.date),
                source: text_of(&doc, f.source),
                paragraph: u64_of(&doc, f.paragraph),
                start: u64_of(&doc, f.start),
                end: u64_of(&doc, f.end),
                score,
                highlights,
                seen_in: seen.seen_in,
                first_seen: seen.first_seen,
                text,
            });
        }
        Ok(QuoteResults { query: req.query.clone(), total, quotes, facets, multi_select })
    }

    /// The values of one facet kind with article counts, optionally for a query and filters.
    pub fn facet_values(&self, kind: &str, req: &Request) -> Result<FacetResults> {
        let mut req = req.clone();
        req.facets = vec![kind.to_string()];
        req.limit = 0;
        let (query, _) = self.parse(Target::Articles, &req.query, req.any, req.filters.as_written)?;
        let resolved = Resolved::resolve(&req.filters, &self.key_searchers(req.filters.as_written))?;
        Ok(self.run(Target::Articles, &*query, &resolved, &req)?.2)
    }

    /// Groups of near-duplicate articles (two or more members), largest first, each as
    /// (id, title) pairs in index order.
    pub fn near_duplicate_groups(&self) -> Result<Vec<Vec<(String, String)>>> {
        let mut groups: std::collections::HashMap<u64, Vec<DocAddress>> = std::collections::HashMap::new();
        for (ord, seg) in self.articles.segment_readers().iter().enumerate() {
            let col = seg.fast_fields().u64("group")?;
            for doc in seg.doc_ids_alive() {
                if let Some(g) = col.first(doc).filter(|g| *g != 0) {
                    groups.entry(g).or_default().push(DocAddress::new(ord as u32, doc));
                }
            }
        }
        let f = &self.archive.af;
        let mut out = Vec::new();
        for (_, members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
            let mut g = Vec::with_capacity(members.len());
            for a in members {
                let d = self.archive.article_doc(&self.articles, a)?;
                g.push((text_of(&d, f.id), text_of(&d, f.title)));
            }
            out.push(g);
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a[0].0.cmp(&b[0].0)));
        Ok(out)
    }

    /// A speaker as the archive files them, and as the article wrote them when that differs.
    fn speaker_names(&self, written: String, as_written: bool) -> (Option<String>, Option<String>) {
        if written.is_empty() {
            return (None, None);
        }
        let shown = self.names_for(as_written).shown(&self.vocab, "speaker", &written);
        if shown == written {
            (Some(written), None)
        } else {
            (Some(shown.to_string()), Some(written))
        }
    }

    /// The names of an article that the archive shows as another name or merges with others:
    /// for each, the name shown and every form merged into it.
    fn merged_names(&self, kind: &str, written: &[&str]) -> Vec<MergedName> {
        let mut out: Vec<MergedName> = Vec::new();
        for w in written {
            let Some((name, mut forms)) =
                self.names.group(&self.vocab, kind, &crate::index::keys::normalize(w))
            else {
                continue;
            };
            if out.iter().any(|m| m.name == name && m.kind == kind) {
                continue;
            }
            forms.sort_unstable();
            forms.dedup();
            out.push(MergedName {
                kind: kind.to_string(),
                name: name.to_string(),
                forms: forms.into_iter().map(str::to_string).collect(),
            });
        }
        out
    }

    /// The id of the article at `addr` (empty when its column holds none).
    fn article_id(&self, addr: DocAddress) -> Result<String> {
        let mut id = String::new();
        column_id(&self.articles, addr, &mut id)?;
        Ok(id)
    }

    /// The stored document of the article `id`, when the archive holds it.
    fn article_doc(&self, id: &str) -> Result<Option<TantivyDocument>> {
        let q = TermQuery::new(Term::from_field_text(self.archive.af.id, id), IndexRecordOption::Basic);
        let top = self.articles.search(&q, &TopDocs::with_limit(1).order_by_score())?;
        top.into_iter().next().map(|(_, addr)| self.archive.article_doc(&self.articles, addr)).transpose()
    }

    /// The title of the stored article `id`, when there is one.
    pub fn title_of(&self, id: &str) -> Result<Option<String>> {
        Ok(self.article_doc(id)?.map(|d| text_of(&d, self.archive.af.title)))
    }

    /// One article in full.
    pub fn show(&self, id: &str) -> Result<ArticleView> {
        let f = &self.archive.af;
        let Some(doc) = self.article_doc(id)? else {
            let dups = crate::index::build::load_duplicates(&self.archive)?;
            if let Some(d) = dups.get(id) {
                return Err(Error::Duplicate { id: id.to_string(), of: d.of.clone() });
            }
            return Err(Error::NotFound(id.to_string()));
        };
        // Entities are not stored: recognized again from the stored paragraphs (offsets point
        // into the paragraphs joined by blank lines).
        let joined = doc.get_all(f.body).filter_map(|v| v.as_str()).collect::<Vec<_>>().join("\n\n");
        let entities: Vec<Entity> =
            crate::extract::entities::recognize(&joined, &crate::extract::paragraphs::split(&joined, 0));
        let qf = &self.archive.qf;
        let tq = TermQuery::new(Term::from_field_text(qf.article, id), IndexRecordOption::Basic);
        let qtop =
            self.quotes.search(&tq, &TopDocs::with_limit(10_000).order_by_u64_field("ord", Order::Asc))?;
        let mut quotes = Vec::new();
        for (_, a) in qtop {
            let d: TantivyDocument = self.quotes.doc(a)?;
            let opt = |s: String| if s.is_empty() { None } else { Some(s) };
            let (speaker, speaker_as_written) = self.speaker_names(text_of(&d, qf.speaker), false);
            quotes.push(ShowQuote {
                text: text_of(&d, qf.text),
                speaker,
                speaker_as_written,
                description: opt(text_of(&d, qf.description)),
                cue: opt(text_of(&d, qf.cue)),
                paragraph: u64_of(&d, qf.paragraph),
            });
        }
        let mut duplicates: Vec<String> = crate::index::build::load_duplicates(&self.archive)?
            .into_iter()
            .filter(|(_, d)| d.of == id)
            .map(|(k, _)| k)
            .collect();
        duplicates.sort();
        let speakers: Vec<&str> =
            quotes.iter().filter_map(|q| q.speaker_as_written.as_deref().or(q.speaker.as_deref())).collect();
        let persons: Vec<&str> =
            entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        let mut names = self.merged_names("speaker", &speakers);
        names.extend(self.merged_names("person", &persons));
        Ok(ArticleView {
            id: text_of(&doc, f.id),
            title: text_of(&doc, f.title),
            date: date_of(&doc, f.date, f.date_text),
            source: text_of(&doc, f.source),
            url: text_of(&doc, f.url),
            path: text_of(&doc, f.path),
            author: text_of(&doc, f.author),
            paragraphs: doc.get_all(f.body).filter_map(|v| v.as_str().map(str::to_string)).collect(),
            quotes,
            entities,
            names,
            duplicates,
        })
    }
}

/// A name of an article merged across the archive.
#[derive(Debug, Clone, Serialize)]
pub struct MergedName {
    /// speaker or person.
    pub kind: String,
    /// The name the archive shows.
    pub name: String,
    /// Every form merged into it, the article's own among them.
    pub forms: Vec<String>,
}

/// A quote as `show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ShowQuote {
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_as_written: Option<String>,
    pub description: Option<String>,
    pub cue: Option<String>,
    pub paragraph: u64,
}

/// One article as `gazette show` prints it (its first fields: a deliberate copy of [`Hit`]'s).
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub source: String,
    pub url: String,
    pub path: String,
    pub author: String,
    pub paragraphs: Vec<String>,
    pub quotes: Vec<ShowQuote>,
    pub entities: Vec<Entity>,
    /// The article's speakers and persons that the archive merges with other names (merged
    /// names and aliases): the name shown and the forms merged into it.
    pub names: Vec<MergedName>,
    /// Other ids under which the same text was seen.
    pub duplicates: Vec<String>,
}

/// A stored text field's first value (empty when absent).
/// Writes into `out` (cleared first) the id of the article at `addr`, from the id column: no
/// stored document is read. False when the column holds none.
pub(crate) fn column_id(articles: &tantivy::Searcher, addr: DocAddress, out: &mut String) -> Result<bool> {
    out.clear();
    let Some(col) = articles.segment_reader(addr.segment_ord).fast_fields().str("id")? else {
        return Ok(false);
    };
    let Some(ord) = col.term_ords(addr.doc_id).next() else { return Ok(false) };
    col.ord_to_str(ord, out).map_err(tantivy::TantivyError::from)?;
    Ok(true)
}

pub(crate) fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A stored number's first value (0 when absent).
pub(crate) fn u64_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
}

fn date_of(
    doc: &TantivyDocument,
    date: tantivy::schema::Field,
    raw: tantivy::schema::Field,
) -> Option<String> {
    if let Some(d) = doc.get_first(date).and_then(|v| v.as_datetime()) {
        return time::OffsetDateTime::from_unix_timestamp(d.into_timestamp_secs()).ok().map(format_date);
    }
    doc.get_first(raw).and_then(|v| v.as_str().map(str::to_string)).filter(|s| !s.is_empty())
}
