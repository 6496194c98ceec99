//! Filters shared by `search`, `quotes` and `facets`: speaker, person, organization, place and
//! source (repeated values of one kind OR, different kinds AND), and a date range.

use std::ops::Bound;

use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery, TermSetQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::error::{Error, Result};
use crate::index::aliases::NameMap;
use crate::index::keys::normalize;
use crate::index::schema::{date_value, ArticleFields, QuoteFields};
use crate::index::vocab::Vocab;

/// What the user asked to narrow by.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    pub speakers: Vec<String>,
    pub persons: Vec<String>,
    pub orgs: Vec<String>,
    pub places: Vec<String>,
    pub sources: Vec<String>,
    /// Inclusive lower bound, as a Unix timestamp in seconds.
    pub since: Option<i64>,
    /// Exclusive upper bound, as a Unix timestamp in seconds.
    pub until: Option<i64>,
    /// Names as each article wrote them: no merges, no aliases.
    pub as_written: bool,
}

impl Filters {
    /// The (kind, values) groups that are set.
    pub fn groups(&self) -> Vec<(&'static str, &[String])> {
        [
            ("speaker", &self.speakers),
            ("person", &self.persons),
            ("org", &self.orgs),
            ("place", &self.places),
            ("source", &self.sources),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.as_slice()))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.groups().is_empty() && self.since.is_none() && self.until.is_none()
    }
}

/// What names are resolved against: the indexes with their `keys` fields (both, so that a
/// surname means the same person in `search` and `quotes`), and the archive's facet values
/// (their display forms, for messages).
pub struct NameIndex<'a> {
    pub searchers: Vec<(&'a Searcher, Field)>,
    pub vocab: &'a Vocab,
    /// Names merged by the archive and by the user's aliases: a name stands for its group.
    pub names: &'a NameMap,
    /// Every value of `vocab` normalized (see `keys::normalize`), worked out at the first
    /// message that needs them and kept with the reader.
    pub normalized: &'a std::sync::OnceLock<Vec<String>>,
}

impl NameIndex<'_> {
    /// The keys of every form merged with a normalized name of `kind`, when it is merged.
    fn group_keys(&self, kind: &str, norm: &str) -> Option<Vec<String>> {
        let (_, forms) = self.names.group(self.vocab, kind, norm)?;
        let mut keys: Vec<String> = forms.iter().map(|f| format!("{kind}={}", normalize(f))).collect();
        keys.sort();
        keys.dedup();
        Some(keys)
    }

    /// The values of `kind` with their normalized forms.
    fn normalized_of<'s>(&'s self, kind: &'s str) -> impl Iterator<Item = (&'s str, &'s str)> + 's {
        let normalized = self.normalized.get_or_init(|| {
            (0..self.vocab.len() as u64)
                .map(|id| self.vocab.get(id).map(|(_, v)| normalize(v)).unwrap_or_default())
                .collect()
        });
        (0..self.vocab.len() as u64).filter_map(move |id| {
            let (k, v) = self.vocab.get(id)?;
            (k == kind).then(|| (v, normalized.get(id as usize).map(String::as_str).unwrap_or("")))
        })
    }

    /// The archive's value of `kind` whose normalized form is `norm`, when there is one.
    pub fn value_of<'s>(&'s self, kind: &'s str, norm: &str) -> Option<&'s str> {
        self.normalized_of(kind).find(|(_, n)| *n == norm).map(|(v, _)| v)
    }

    /// The display form of a normalized name of `kind` ("walker evans" → "Walker Evans").
    fn display(&self, kind: &str, norm: &str) -> String {
        self.value_of(kind, norm).map(str::to_string).unwrap_or_else(|| norm.to_string())
    }

    /// Up to five names of `kind` closest to a name that matched nothing: within an edit
    /// distance of a third of its length (at most 3), on the whole name or on the surname.
    fn near(&self, kind: &str, norm: &str) -> Vec<String> {
        let budget = (norm.chars().count() / 3).clamp(1, 3);
        let mut found: Vec<(usize, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let len = norm.chars().count();
        // the edit distance is at least the difference in length, in characters
        let far = |x: &str| x.chars().count().abs_diff(len) > budget;
        for (v, n) in self.normalized_of(kind) {
            // most values are too long or too short to be near: skip them before comparing
            let last = n.rsplit(' ').next().unwrap_or(n);
            if far(n) && far(last) {
                continue;
            }
            let d = strsim::levenshtein(n, norm).min(strsim::levenshtein(last, norm));
            if d <= budget && seen.insert(n.to_string()) {
                found.push((d, v.to_string()));
            }
        }
        found.sort();
        found.into_iter().take(5).map(|(_, v)| v).collect()
    }
}

/// Resolves a name the user typed to the keys of the names it stands for: the name's group
/// when the archive or the user's aliases merged it (every form of "Paul Hale": `speaker=paul
/// hale`, `speaker=hale`); otherwise the full name itself, or a surname when exactly one full
/// name of that kind has it. A name that matches nothing but is close to names of the archive
/// is an error that names them ("did you mean"); an ambiguous surname is an error that lists
/// the full names.
pub fn resolve_name(names: &NameIndex, kind: &str, name: &str) -> Result<Vec<String>> {
    let norm = normalize(name);
    if norm.is_empty() {
        return Err(Error::Usage(format!("--{kind} needs a name")));
    }
    if let Some(keys) = names.group_keys(kind, &norm) {
        return Ok(keys);
    }
    let key = resolve_key(names, kind, name, &norm)?;
    let full = key.split_once('=').map(|(_, n)| n).unwrap_or_default();
    Ok(names.group_keys(kind, full).unwrap_or_else(|| vec![key]))
}

fn resolve_key(names: &NameIndex, kind: &str, name: &str, norm: &str) -> Result<String> {
    let norm = norm.to_string();
    let exact = format!("{kind}={norm}");
    let mut has_exact = false;
    for (s, f) in &names.searchers {
        if s.doc_freq(&Term::from_field_text(*f, &exact))? > 0 {
            has_exact = true;
        }
    }
    if has_exact {
        return Ok(exact);
    }
    let mut full_names = std::collections::BTreeSet::new();
    if kind == "speaker" || kind == "person" {
        let prefix = format!("{kind}>{norm}|");
        for (s, f) in &names.searchers {
            for seg in s.segment_readers() {
                let inv = seg.inverted_index(*f)?;
                let mut upper = prefix.clone().into_bytes();
                if let Some(last) = upper.last_mut() {
                    *last += 1;
                }
                let mut stream = inv.terms().range().ge(prefix.as_bytes()).lt(&upper).into_stream()?;
                while stream.advance() {
                    if let Ok(k) = std::str::from_utf8(stream.key()) {
                        full_names.insert(k[prefix.len()..].to_string());
                    }
                }
            }
        }
    }
    match full_names.len() {
        1 => Ok(format!("{kind}={}", full_names.into_iter().next().unwrap_or(norm))),
        0 => {
            let near = names.near(kind, &norm);
            if near.is_empty() {
                // nothing like it: the filter matches nothing, and the summary says so
                Ok(exact)
            } else {
                let list: Vec<String> = near.iter().map(|n| format!("{n:?}")).collect();
                Err(Error::Usage(format!(
                    "--{kind} {name:?}: no such name in the archive; did you mean {}?",
                    list.join(", ")
                )))
            }
        }
        _ => Err(Error::Usage(format!(
            "--{kind} {name:?} is ambiguous: it is the surname of {}; give the full name",
            full_names.iter().map(|k| names.display(kind, k)).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// Filters with names resolved to keys, per kind.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub groups: Vec<(&'static str, Vec<String>)>,
    pub since: Option<i64>,
    pub until: Option<i64>,
}

impl Resolved {
    pub fn resolve(filters: &Filters, names: &NameIndex) -> Result<Resolved> {
        let mut groups = Vec::new();
        for (kind, values) in filters.groups() {
            let mut keys = Vec::new();
            for v in values {
                keys.extend(resolve_name(names, kind, v)?);
            }
            groups.push((kind, keys));
        }
        Ok(Resolved { groups, since: filters.since, until: filters.until })
    }

    /// The filter as one query on an index with `keys` and `date` fields, leaving out the group
    /// of kind `except` (for multi-select facet counts); `None` when nothing is filtered.
    pub fn query(&self, keys: Field, date: Field, except: Option<&str>) -> Option<Box<dyn Query>> {
        filter_query(self, keys, date, except)
    }

    /// The filter for the quotes index. A quote carries its speaker and source; the article's
    /// people, organizations and places are reached through the article: the articles that
    /// pass those groups become a set of article ids.
    pub fn quotes_query(
        &self,
        articles: &Searcher,
        af: &ArticleFields,
        qf: &QuoteFields,
        except: Option<&str>,
    ) -> Result<Option<Box<dyn Query>>> {
        let (direct, via): (Vec<_>, Vec<_>) = self
            .groups
            .iter()
            .filter(|(k, _)| Some(*k) != except)
            .cloned()
            .partition(|(k, _)| *k == "speaker" || *k == "source");
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(q) = filter_query(
            &Resolved { groups: direct, since: self.since, until: self.until },
            qf.keys,
            qf.date,
            None,
        ) {
            parts.push((Occur::Must, q));
        }
        if let Some(aq) =
            filter_query(&Resolved { groups: via, since: None, until: None }, af.keys, af.date, None)
        {
            let docs = articles.search(&*aq, &DocSetCollector)?;
            let mut ids = Vec::with_capacity(docs.len());
            let mut buf = String::new();
            for addr in docs {
                if super::column_id(articles, addr, &mut buf)? {
                    ids.push(Term::from_field_text(qf.article, &buf));
                }
            }
            parts.push((Occur::Must, Box::new(TermSetQuery::new(ids))));
        }
        Ok(if parts.is_empty() { None } else { Some(Box::new(BooleanQuery::new(parts))) })
    }
}

fn filter_query(r: &Resolved, keys: Field, date: Field, except: Option<&str>) -> Option<Box<dyn Query>> {
    let mut musts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (kind, values) in &r.groups {
        if Some(*kind) == except {
            continue;
        }
        let any: Vec<(Occur, Box<dyn Query>)> = values
            .iter()
            .map(|v| {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(Term::from_field_text(keys, v), IndexRecordOption::Basic))
                        as Box<dyn Query>,
                )
            })
            .collect();
        musts.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if r.since.is_some() || r.until.is_some() {
        let lo = r
            .since
            .map(|s| Bound::Included(Term::from_field_date(date, date_value(s))))
            .unwrap_or(Bound::Unbounded);
        let hi = r
            .until
            .map(|s| Bound::Excluded(Term::from_field_date(date, date_value(s))))
            .unwrap_or(Bound::Unbounded);
        musts.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
    }
    if musts.is_empty() {
        None
    } else {
        Some(Box::new(BooleanQuery::new(musts)))
    }
}
