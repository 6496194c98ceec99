//! `gazette search`, `gazette quotes`, `gazette facets`.

use clap::{Args, ValueEnum};

use super::{Cli, FilterArgs, Out};
use crate::error::Error;
use crate::index::Archive;
use crate::search::{facet_kind, DateBucket, FacetResults, Request, Searchers, Sort};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Relevance,
    Date,
    #[value(name = "-date")]
    NewestFirst,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BucketArg {
    Year,
    Month,
    Day,
}

/// Options shared by `search` and `quotes`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many results.
    #[arg(short = 'n', long, default_value_t = 10)]
    pub limit: usize,
    /// Skip this many results first.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Bare words match any of them (OR) instead of all.
    #[arg(long)]
    pub any: bool,
    /// Order: relevance (default), date (oldest first) or -date (newest first).
    #[arg(long, value_enum, allow_hyphen_values = true)]
    pub sort: Option<SortArg>,
    /// Facets to count with the hits (speaker,person,org,place,source,date).
    #[arg(long, value_delimiter = ',')]
    pub facets: Option<Vec<String>>,
    /// Values shown per facet.
    #[arg(long, default_value_t = 10)]
    pub facet_size: usize,
    /// Date histogram buckets (year by default); asking for them adds `date` to `--facets`.
    #[arg(long, value_enum)]
    pub by_date: Option<BucketArg>,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: words (all required), "phrases", OR, -exclusion, prefix*, fuzzy~, field:value,
    /// date:[A TO B]. Without one, the articles that pass the filters, newest first.
    pub query: Vec<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    /// Snippets per hit.
    #[arg(long, default_value_t = 3)]
    pub snippets: usize,
    /// One article per near-duplicate group, with its copies counted (the default).
    #[arg(long, overrides_with = "no_collapse")]
    pub collapse: bool,
    /// List near-duplicates separately.
    #[arg(long)]
    pub no_collapse: bool,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// The query (optional: without one, the newest quotes first).
    pub query: Vec<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    /// List a quotation repeated in several articles once per article.
    #[arg(long)]
    pub no_collapse: bool,
    /// Each quotation at its first appearance (the earliest article holding it).
    #[arg(long)]
    pub first_seen: bool,
}

#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// speakers, persons, organizations, places, sources or dates.
    pub field: String,
    /// Count only the articles matching this query.
    pub query: Vec<String>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// How many values.
    #[arg(long, default_value_t = 50)]
    pub size: usize,
    /// Date histogram buckets (for `dates`).
    #[arg(long, value_enum, default_value_t = BucketArg::Year)]
    pub by_date: BucketArg,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

/// The largest page and the deepest offset a search takes: a result window like Elasticsearch's,
/// so that a mistyped number cannot make the search allocate without end.
pub const MAX_LIMIT: usize = 10_000;
pub const MAX_OFFSET: usize = 100_000;

const DEFAULT_FACETS: [&str; 6] = ["speaker", "person", "org", "place", "source", "date"];

fn bucket(b: BucketArg) -> DateBucket {
    match b {
        BucketArg::Year => DateBucket::Year,
        BucketArg::Month => DateBucket::Month,
        BucketArg::Day => DateBucket::Day,
    }
}

pub(crate) fn request(query: &[String], c: &CommonArgs, snippets: usize) -> Result<Request, Error> {
    let mut facets: Vec<String> = match &c.facets {
        None => DEFAULT_FACETS.iter().map(|s| s.to_string()).collect(),
        Some(list) => list
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                facet_kind(s).map(str::to_string).ok_or_else(|| {
                    Error::Usage(format!(
                        "--facets: unknown facet {s:?} (speaker, person, org, place, source, date)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
    };
    if c.by_date.is_some() && !facets.iter().any(|f| f == "date") {
        facets.push("date".into());
    }
    if c.limit > MAX_LIMIT {
        return Err(Error::Usage(format!("--limit {}: at most {MAX_LIMIT} (page with --offset)", c.limit)));
    }
    if c.offset > MAX_OFFSET {
        return Err(Error::Usage(format!(
            "--offset {}: at most {MAX_OFFSET} (narrow the search with filters or dates)",
            c.offset
        )));
    }
    Ok(Request {
        query: query.join(" "),
        any: c.any,
        filters: c.filters.to_filters()?,
        limit: c.limit,
        offset: c.offset,
        sort: match c.sort {
            None | Some(SortArg::Relevance) => Sort::Relevance,
            Some(SortArg::Date) => Sort::DateAscending,
            Some(SortArg::NewestFirst) => Sort::DateDescending,
        },
        snippets,
        facets,
        facet_size: c.facet_size,
        by_date: bucket(c.by_date.unwrap_or(BucketArg::Year)),
        collapse: true,
        first_seen: false,
    })
}

/// The request of `gazette facets` (and of the API's `/api/facets/{field}`).
pub(crate) fn facets_request(
    query: &[String],
    filters: &FilterArgs,
    size: usize,
    by_date: BucketArg,
) -> Result<Request, Error> {
    Ok(Request {
        query: query.join(" "),
        filters: filters.to_filters()?,
        facet_size: size,
        by_date: bucket(by_date),
        ..Default::default()
    })
}

fn open(cli: &Cli) -> Result<Searchers, Error> {
    Archive::open_stable(&cli.index, Searchers::new)
}

pub fn run_search(cli: &Cli, a: &SearchArgs, out: &mut Out) -> anyhow::Result<i32> {
    let mut req = request(&a.query, &a.common, a.snippets)?;
    req.collapse = !a.no_collapse;
    let s = open(cli)?;
    let r = s.search(&req)?;
    if a.common.json {
        out.json(&r)?;
        out.flush()?;
        return Ok(0);
    }
    out.line(&out.dim(&summary(r.total, r.hits.len(), req.offset, "article")))?;
    for (i, h) in r.hits.iter().enumerate() {
        out.line("")?;
        let meta: Vec<&str> = [h.date.as_deref().unwrap_or(""), h.source.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let copies = match h.copies.len() {
            0 => String::new(),
            1 => "  (+1 near-duplicate)".to_string(),
            n => format!("  (+{n} near-duplicates)"),
        };
        let mut line = format!(
            "{}. {}",
            req.offset + i + 1,
            out.title(if h.title.is_empty() { &h.id } else { &h.title })
        );
        if !meta.is_empty() {
            line.push_str(&format!("  {}", out.dim(&meta.join(" · "))));
        }
        if !copies.is_empty() {
            line.push_str(&out.dim(&copies));
        }
        out.line(&line)?;
        out.line(&format!("   {}", out.dim(&h.id)))?;
        for sn in &h.snippets {
            let pre = if sn.offset > 0 { "…" } else { "" };
            let post = if !sn.whole && sn.offset + sn.text.len() < usize::MAX && !sn.text.ends_with('.') {
                "…"
            } else {
                ""
            };
            out.line(&format!(
                "   ¶{} {pre}{}{post}",
                sn.paragraph,
                out.highlight(&sn.text, &sn.highlights)
            ))?;
        }
    }
    print_facets(out, &r.facets)?;
    out.flush()?;
    Ok(0)
}

pub fn run_quotes(cli: &Cli, a: &QuotesArgs, out: &mut Out) -> anyhow::Result<i32> {
    let mut req = request(&a.query, &a.common, 0)?;
    req.collapse = !a.no_collapse;
    req.first_seen = a.first_seen;
    let s = open(cli)?;
    let r = s.quotes(&req)?;
    if a.common.json {
        out.json(&r)?;
        out.flush()?;
        return Ok(0);
    }
    out.line(&out.dim(&summary(r.total, r.quotes.len(), req.offset, "quote")))?;
    for q in &r.quotes {
        out.line("")?;
        out.line(&format!("“{}”", out.highlight(&q.text, &q.highlights)))?;
        let who = q.speaker.as_deref().unwrap_or("(unattributed)");
        let desc = q.description.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        out.line(&format!("   — {}{}", out.speaker(who), out.dim(&desc)))?;
        let meta: Vec<&str> = [q.date.as_deref().unwrap_or(""), q.source.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        out.line(&format!(
            "   {} {} ¶{}  {}",
            out.title(&q.title),
            out.dim(&meta.join(" · ")),
            q.paragraph,
            out.dim(&q.article)
        ))?;
        if q.seen_in > 1 {
            let first = &q.first_seen;
            let when = first.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default();
            out.line(&out.dim(&format!("   seen in {} articles; first in {}{when}", q.seen_in, first.id)))?;
        }
    }
    print_facets(out, &r.facets)?;
    out.flush()?;
    Ok(0)
}

pub fn run_facets(cli: &Cli, a: &FacetsArgs, out: &mut Out) -> anyhow::Result<i32> {
    let kind = facet_kind(&a.field).ok_or_else(|| {
        Error::Usage(format!(
            "unknown facet {:?}: speakers, persons, organizations, places, sources or dates",
            a.field
        ))
    })?;
    let req = facets_request(&a.query, &a.filters, a.size, a.by_date)?;
    let s = open(cli)?;
    let f = s.facet_values(kind, &req)?;
    if a.json {
        out.json(&f)?;
    } else if kind == "date" {
        for d in f.date.iter().flatten() {
            out.line(&format!("{:>8}  {}", d.count, d.period))?;
        }
        if let Some(n) = f.undated.filter(|&n| n > 0) {
            out.line(&format!("{n:>8}  undated"))?;
        }
    } else {
        for v in f.values.get(kind).into_iter().flatten() {
            out.line(&format!("{:>8}  {}", v.count, v.value))?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// "12 articles match; showing 1-10", "1 article matches; showing 1-1", "no quotes match",
/// "57 articles match; showing none of them (--offset 60 is past the end)".
fn summary(total: usize, shown: usize, offset: usize, noun: &str) -> String {
    if total == 0 {
        return format!("no {noun}s match");
    }
    let head = if total == 1 { format!("1 {noun} matches") } else { format!("{total} {noun}s match") };
    if shown == 0 {
        return format!("{head}; showing none of them (--offset {offset} is past the end)");
    }
    format!("{head}; showing {}-{}", offset + 1, offset + shown)
}

fn print_facets(out: &mut Out, f: &FacetResults) -> std::io::Result<()> {
    let mut any = false;
    for (kind, values) in &f.values {
        if values.is_empty() {
            continue;
        }
        if !any {
            out.line("")?;
            any = true;
        }
        let list: Vec<String> = values.iter().map(|v| format!("{} ({})", v.value, v.count)).collect();
        out.line(&format!("{} {}", out.bold(&format!("{kind}:")), list.join(", ")))?;
    }
    if let Some(d) = &f.date {
        if !d.is_empty() {
            let mut list: Vec<String> = d.iter().map(|b| format!("{} ({})", b.period, b.count)).collect();
            if let Some(n) = f.undated.filter(|&n| n > 0) {
                list.push(format!("undated ({n})"));
            }
            out.line(&format!("{} {}", out.bold("date:"), list.join(", ")))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::summary;

    #[test]
    fn summaries_count_in_words_and_say_when_the_offset_is_past_the_end() {
        assert_eq!(summary(0, 0, 0, "article"), "no articles match");
        assert_eq!(summary(1, 1, 0, "article"), "1 article matches; showing 1-1");
        assert_eq!(summary(57, 10, 10, "quote"), "57 quotes match; showing 11-20");
        assert_eq!(
            summary(57, 0, 60, "article"),
            "57 articles match; showing none of them (--offset 60 is past the end)"
        );
    }
}
