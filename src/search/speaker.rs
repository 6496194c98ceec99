//! The speaker page (`gazette speaker NAME`): one person as the archive knows them. Their
//! name and the forms merged into it, how often and when they are quoted, how the articles
//! describe them, who and what is named beside them, and the words that set their quotes apart
//! from everyone else's.
//!
//! Everything is computed at query time from the two indexes (no table of its own): the
//! speaker filter gives their quotes and the articles quoting them, the facet counter gives the
//! months and the names beside them, and the stored quotes give descriptions and words.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::query::AllQuery;
use tantivy::{TantivyDocument, Term};

use super::facets::{DateBucket, DateCount, FacetValue};
use super::filters::{resolve_name, Filters, Resolved};
use super::query::Target;
use super::{date_of, text_of, Request, Searchers, Sort};
use crate::error::{Error, Result};
use crate::extract::lexicon;
use crate::index::keys::normalize;

/// The most quotes read for descriptions and words (the newest, for a speaker quoted more).
pub const MAX_QUOTES: usize = 20_000;

/// How many rows each list of the page holds.
pub const ROWS: usize = 10;

/// A description the articles give a speaker ("a former U.S. Middle East peace envoy").
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Description {
    pub description: String,
    /// Articles giving it.
    pub articles: usize,
    /// Its first and last dates (YYYY-MM-DD), when the articles are dated.
    pub first: Option<String>,
    pub last: Option<String>,
}

/// A word characteristic of a speaker's quotes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SignificantTerm {
    pub term: String,
    /// The speaker's quotations holding it.
    pub quotes: usize,
    /// All quotations of the archive holding it.
    pub background: u64,
    /// JLH significance: (fg% − bg%) · fg% / bg%.
    pub score: f64,
}

/// What `gazette speaker` returns.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerPage {
    /// The name the archive files the speaker under.
    pub name: String,
    /// Every form of the name merged into it, as articles wrote them.
    pub forms: Vec<String>,
    pub quotes: usize,
    /// Articles quoting the speaker.
    pub articles: usize,
    /// Their first and last quote's date (YYYY-MM-DD).
    pub first: Option<String>,
    pub last: Option<String>,
    pub descriptions: Vec<Description>,
    /// Quotes per month, empty months included.
    pub by_month: Vec<DateCount>,
    /// Persons, organizations and places most often named in the articles quoting them.
    pub persons: Vec<FacetValue>,
    pub orgs: Vec<FacetValue>,
    pub places: Vec<FacetValue>,
    /// Words of their quotations most characteristic against all quotations.
    pub terms: Vec<SignificantTerm>,
    /// Quotations read for descriptions and words (all, up to [`MAX_QUOTES`]).
    pub quotes_read: usize,
}

/// JLH score of a word seen in `fg` of `fg_n` foreground documents and `bg` of `bg_n`
/// background ones (the score of Elasticsearch's significant_terms by default): the gain in
/// share times the ratio of shares; 0 when the word is no more frequent in the foreground.
pub fn jlh(fg: u64, fg_n: u64, bg: u64, bg_n: u64) -> f64 {
    if fg_n == 0 || bg_n == 0 {
        return 0.0;
    }
    let f = fg as f64 / fg_n as f64;
    // the foreground is part of the background: never below it
    let b = (bg.max(fg) as f64 / bg_n as f64).max(f64::MIN_POSITIVE);
    if f <= b {
        0.0
    } else {
        (f - b) * (f / b)
    }
}

/// The day part of a date as `date_of` gives it (`2024-03-05T…` or `2024-03-05`).
fn day(d: &str) -> String {
    d.get(..10).unwrap_or(d).to_string()
}

impl Searchers {
    /// The speaker page of `name` (a full name, a merged form, or an unambiguous surname).
    pub fn speaker(&self, name: &str) -> Result<SpeakerPage> {
        let names = self.key_searchers(false);
        let keys = resolve_name(&names, "speaker", name)?;
        let norms: Vec<&str> = keys.iter().filter_map(|k| k.split_once('=').map(|(_, n)| n)).collect();
        // a merged name has its forms; a name of its own is the one value its key stands for
        let (canonical, mut forms): (String, Vec<String>) =
            match norms.first().and_then(|n| self.names.group(&self.vocab, "speaker", n)) {
                Some((c, forms)) => (c.to_string(), forms.into_iter().map(str::to_string).collect()),
                None => {
                    let Some(v) = norms.first().and_then(|n| names.value_of("speaker", n)) else {
                        return Err(Error::NoSpeaker(name.to_string()));
                    };
                    (v.to_string(), vec![v.to_string()])
                }
            };
        forms.sort();
        forms.dedup();

        let filters = Filters { speakers: vec![canonical.clone()], ..Filters::default() };
        let resolved = Resolved { groups: vec![("speaker", keys.clone())], since: None, until: None };
        // the quotes: newest first, with the month histogram
        let req = Request {
            filters: filters.clone(),
            limit: MAX_QUOTES,
            sort: Sort::DateDescending,
            snippets: 0,
            facets: vec!["date".into()],
            by_date: DateBucket::Month,
            collapse: false,
            ..Request::default()
        };
        let (quotes, top, qfacets, _) = self.run(Target::Quotes, &AllQuery, &resolved, &req)?;
        // the articles quoting them, with the names beside them
        let areq = Request {
            filters,
            limit: 0,
            snippets: 0,
            facets: vec!["person".into(), "org".into(), "place".into()],
            facet_size: ROWS + forms.len() + 1,
            collapse: false,
            ..Request::default()
        };
        let (articles, _, afacets, _) = self.run(Target::Articles, &AllQuery, &resolved, &areq)?;

        let f = &self.archive.qf;
        let mut descriptions: HashMap<String, (String, HashSet<String>, Option<String>, Option<String>)> =
            HashMap::new();
        let mut seen_texts: HashSet<String> = HashSet::new();
        let mut words: HashMap<String, u64> = HashMap::new();
        let mut analyzer = self.quotes.index().tokenizer_for_field(f.text)?;
        let (mut first, mut last): (Option<String>, Option<String>) = (None, None);
        for (_, addr) in &top {
            let doc: TantivyDocument = self.quotes.doc(*addr)?;
            let date = date_of(&doc, f.date, f.date).map(|d| day(&d));
            if let Some(d) = &date {
                if first.as_ref().is_none_or(|x| d < x) {
                    first = Some(d.clone());
                }
                if last.as_ref().is_none_or(|x| d > x) {
                    last = Some(d.clone());
                }
            }
            let description = text_of(&doc, f.description);
            if !description.trim().is_empty() {
                let e = descriptions
                    .entry(normalize(&description))
                    .or_insert_with(|| (description.trim().to_string(), HashSet::new(), None, None));
                e.1.insert(text_of(&doc, f.article));
                if let Some(d) = &date {
                    if e.2.as_ref().is_none_or(|x| d < x) {
                        e.2 = Some(d.clone());
                    }
                    if e.3.as_ref().is_none_or(|x| d > x) {
                        e.3 = Some(d.clone());
                    }
                }
            }
            // a quotation repeated by several articles counts once
            let text = text_of(&doc, f.text);
            if !seen_texts.insert(normalize(&text)) {
                continue;
            }
            let mut in_quote: HashSet<String> = HashSet::new();
            let mut stream = analyzer.token_stream(&text);
            while stream.advance() {
                let t = &stream.token().text;
                // function words say nothing of a speaker, however small the sample
                if t.chars().count() >= 3
                    && !t.chars().all(|c| c.is_ascii_digit())
                    && !lexicon::lower_eq(t, lexicon::FUNCTION_WORDS)
                    && !lexicon::lower_eq(t, lexicon::AUXILIARY_VERBS)
                {
                    in_quote.insert(t.clone());
                }
            }
            for t in in_quote {
                *words.entry(t).or_default() += 1;
            }
        }
        let fg_n = seen_texts.len() as u64;
        let bg_n = self.quotes.num_docs();
        // a word of one or two quotations says nothing of a speaker quoted often
        let min = if fg_n >= 30 { 3 } else { 2 };
        let mut terms = Vec::new();
        for (t, fg) in words.into_iter().filter(|(_, c)| *c >= min) {
            let bg = self.quotes.doc_freq(&Term::from_field_text(f.text, &t))?;
            let score = jlh(fg, fg_n, bg, bg_n);
            if score > 0.0 {
                terms.push(SignificantTerm { term: t, quotes: fg as usize, background: bg, score });
            }
        }
        terms.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.term.cmp(&b.term)));
        terms.truncate(ROWS);

        let mut descriptions: Vec<Description> = descriptions
            .into_values()
            .map(|(description, arts, first, last)| Description {
                description,
                articles: arts.len(),
                first,
                last,
            })
            .collect();
        descriptions.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then_with(|| a.first.cmp(&b.first))
                .then_with(|| a.description.cmp(&b.description))
        });
        descriptions.truncate(ROWS);

        // the speaker is named in every article quoting them: leave their own name out
        let own: HashSet<String> =
            forms.iter().chain(std::iter::once(&canonical)).map(|n| normalize(n)).collect();
        let beside = |kind: &str| -> Vec<FacetValue> {
            let mut v: Vec<FacetValue> = afacets
                .values
                .get(kind)
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter(|x| !own.contains(&normalize(&x.value)))
                .collect();
            v.truncate(ROWS);
            v
        };
        Ok(SpeakerPage {
            name: canonical,
            forms,
            quotes,
            articles,
            first,
            last,
            descriptions,
            by_month: qfacets.date.unwrap_or_default(),
            persons: beside("person"),
            orgs: beside("org"),
            places: beside("place"),
            terms,
            quotes_read: top.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jlh_favours_words_more_frequent_in_the_foreground() {
        // a word in half the speaker's quotes and 1% of all: significant
        let strong = jlh(10, 20, 100, 10_000);
        // a word as frequent in the foreground as in the background: not at all
        assert_eq!(jlh(1, 100, 100, 10_000), 0.0);
        // a common word with a small gain scores below a rare word with a large one
        let common = jlh(12, 20, 5_000, 10_000);
        assert!(strong > common && common > 0.0, "{strong} {common}");
        assert_eq!(jlh(0, 0, 5, 10), 0.0);
    }
}
