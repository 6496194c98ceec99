//! Query parameters of the HTTP API, turned into the command line's own argument structs so that
//! a request and the CLI command with the same flags go through one validation and build the
//! same [`Request`]: the API's JSON equals `--json`'s for the same request.

use clap::ValueEnum;

use crate::cli::search::{request, CommonArgs, SortArg};
use crate::cli::FilterArgs;
use crate::error::Error;
use crate::search::Request;

/// Bounds that keep one request from taking the server: larger values are a 400.
pub const MAX_LIMIT: usize = 1000;
pub const MAX_OFFSET: usize = 100_000;
pub const MAX_SNIPPETS: usize = 20;
pub const MAX_FACET_SIZE: usize = 1000;
/// The longest query text, in bytes (a longer one is a 413).
pub const MAX_QUERY_BYTES: usize = 4096;

/// The decoded `key=value` pairs of a query string, in order (keys may repeat).
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect()).unwrap_or_default()
}

fn usage(msg: String) -> Error {
    Error::Usage(msg)
}

fn number(key: &str, v: &str, max: usize) -> Result<usize, Error> {
    let n: usize = v.trim().parse().map_err(|_| usage(format!("{key}={v:?}: expected a whole number")))?;
    if n > max {
        return Err(usage(format!("{key}={n}: at most {max}")));
    }
    Ok(n)
}

fn boolean(key: &str, v: &str) -> Result<bool, Error> {
    match v.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(usage(format!("{key}={v:?}: expected true or false"))),
    }
}

fn value_enum<T: ValueEnum>(key: &str, v: &str) -> Result<T, Error> {
    T::from_str(v.trim(), true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|x| x.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        usage(format!("{key}={v:?}: expected one of {}", names.join(", ")))
    })
}

/// What one endpoint accepts besides the filters and `q`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Search,
    Quotes,
    Facets,
}

/// A parsed request: the query words, the shared options, and the search-only ones.
pub struct Parsed {
    pub query: Vec<String>,
    pub common: CommonArgs,
    pub snippets: usize,
    pub collapse: bool,
    /// `first_seen` of `/api/quotes`.
    pub first_seen: bool,
    /// `size` of `/api/facets` (the CLI's `facets --size`), default 50.
    pub size: usize,
}

/// Reads the pairs into the CLI's argument structs. Unknown keys, and keys another endpoint
/// takes, are errors: a misspelled filter must not silently widen a search.
pub fn parse(pairs: &[(String, String)], endpoint: Endpoint) -> Result<Parsed, Error> {
    let mut filters = FilterArgs::default();
    let mut p = Parsed {
        query: Vec::new(),
        common: CommonArgs {
            filters: FilterArgs::default(),
            limit: 10,
            offset: 0,
            any: false,
            sort: None,
            facets: None,
            facet_size: 10,
            by_date: None,
            json: true,
        },
        snippets: 3,
        collapse: true,
        first_seen: false,
        size: 50,
    };
    for (k, v) in pairs {
        match (k.as_str(), endpoint) {
            ("q", _) => {
                if v.len() > MAX_QUERY_BYTES {
                    return Err(Error::TooLarge(format!(
                        "q: the query is {} bytes, at most {MAX_QUERY_BYTES}",
                        v.len()
                    )));
                }
                if !v.trim().is_empty() {
                    p.query.push(v.clone());
                }
            }
            ("speaker", _) => filters.speaker.push(v.clone()),
            ("person", _) => filters.person.push(v.clone()),
            ("org", _) => filters.org.push(v.clone()),
            ("place", _) => filters.place.push(v.clone()),
            ("source", _) => filters.source.push(v.clone()),
            ("since", _) => filters.since = Some(v.clone()),
            ("until", _) => filters.until = Some(v.clone()),
            ("as_written", _) => filters.as_written = boolean(k, v)?,
            ("by_date", _) => p.common.by_date = Some(value_enum(k, v)?),
            ("limit", Endpoint::Search | Endpoint::Quotes) => p.common.limit = number(k, v, MAX_LIMIT)?,
            ("offset", Endpoint::Search | Endpoint::Quotes) => p.common.offset = number(k, v, MAX_OFFSET)?,
            ("any", Endpoint::Search | Endpoint::Quotes) => p.common.any = boolean(k, v)?,
            ("sort", Endpoint::Search | Endpoint::Quotes) => {
                p.common.sort = Some(value_enum::<SortArg>(k, v)?)
            }
            ("facets", Endpoint::Search | Endpoint::Quotes) => {
                let list = p.common.facets.get_or_insert_with(Vec::new);
                list.extend(v.split(',').map(str::to_string));
            }
            ("facet_size", Endpoint::Search | Endpoint::Quotes) => {
                p.common.facet_size = number(k, v, MAX_FACET_SIZE)?
            }
            ("size", Endpoint::Facets) => p.size = number(k, v, MAX_FACET_SIZE)?,
            ("snippets", Endpoint::Search) => p.snippets = number(k, v, MAX_SNIPPETS)?,
            ("collapse", Endpoint::Search | Endpoint::Quotes) => p.collapse = boolean(k, v)?,
            ("first_seen", Endpoint::Quotes) => p.first_seen = boolean(k, v)?,
            _ => return Err(usage(format!("unknown parameter {k:?} for this endpoint"))),
        }
    }
    p.common.filters = filters;
    Ok(p)
}

impl Parsed {
    /// The library request, built by the same function as the CLI's.
    pub fn request(&self, snippets: usize) -> Result<Request, Error> {
        request(&self.query, &self.common, snippets)
    }
}
