//! The command line: clap argument structs, turned into the library's plain option structs,
//! one module per command, and the printing of results (plain, colored, JSON).

mod extract;
mod index;
mod output;
pub(crate) mod search;
mod serve;
mod show;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
pub use output::Out;

/// Search a news archive: index articles with their quotes, speakers and entities, then search.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about, propagate_version = true)]
pub struct Cli {
    /// The archive folder.
    #[arg(long, global = true, env = "GAZETTE_INDEX", default_value = "./gazette-index")]
    pub index: PathBuf,
    /// When to color the output (NO_COLOR is honoured under `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read article files and folders into the archive (incremental: only new and changed articles are indexed).
    Index(index::IndexArgs),
    /// Ranked articles with snippets and facet counts.
    Search(search::SearchArgs),
    /// Quotations, ranked by a query or newest first, with their speakers.
    Quotes(search::QuotesArgs),
    /// The values of a facet (speakers, persons, organizations, places, sources, dates) with counts.
    Facets(search::FacetsArgs),
    /// One article: metadata, paragraphs, quotes, entities.
    Show(show::ShowArgs),
    /// What the archive holds.
    Stats(show::StatsArgs),
    /// Verify the archive against its sources (counts, hashes, schema version, quote consistency).
    Check(show::CheckArgs),
    /// Exact duplicates seen while indexing, or near-duplicate groups (`--near`).
    Duplicates(show::DuplicatesArgs),
    /// Run extraction on files without indexing; `--json` prints the extraction contract.
    Extract(extract::ExtractArgs),
    /// Serve the archive over HTTP: a JSON API and a search page (read-only).
    Serve(serve::ServeArgs),
}

/// Filters shared by `search`, `quotes` and `facets`.
#[derive(Debug, Clone, Args, Default)]
pub struct FilterArgs {
    /// Only articles quoting this speaker (full name, or an unambiguous surname; repeat for any of several).
    #[arg(long)]
    pub speaker: Vec<String>,
    /// Only articles naming this person (repeat for any of several).
    #[arg(long)]
    pub person: Vec<String>,
    /// Only articles naming this organization.
    #[arg(long)]
    pub org: Vec<String>,
    /// Only articles naming this place.
    #[arg(long)]
    pub place: Vec<String>,
    /// Only articles from this source.
    #[arg(long)]
    pub source: Vec<String>,
    /// From this date on (YYYY, YYYY-MM or YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub since: Option<String>,
    /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD, inclusive of the whole period).
    #[arg(long)]
    pub until: Option<String>,
}

impl FilterArgs {
    pub fn to_filters(&self) -> Result<crate::search::Filters, Error> {
        let bound = |s: &Option<String>, flag: &str, end: bool| -> Result<Option<i64>, Error> {
            match s {
                None => Ok(None),
                Some(v) => crate::search::query::period_bounds(v.trim())
                    .map(|(a, b)| Some(if end { b } else { a }))
                    .ok_or_else(|| Error::Usage(format!("--{flag} {v:?}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"))),
            }
        };
        Ok(crate::search::Filters {
            speakers: self.speaker.clone(),
            persons: self.person.clone(),
            orgs: self.org.clone(),
            places: self.place.clone(),
            sources: self.source.clone(),
            since: bound(&self.since, "since", false)?,
            until: bound(&self.until, "until", true)?,
        })
    }
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let mut out = Out::new(cli.color);
    let result = match &cli.command {
        Command::Index(a) => index::run(&cli, a, &mut out),
        Command::Search(a) => search::run_search(&cli, a, &mut out),
        Command::Quotes(a) => search::run_quotes(&cli, a, &mut out),
        Command::Facets(a) => search::run_facets(&cli, a, &mut out),
        Command::Show(a) => show::run_show(&cli, a, &mut out),
        Command::Stats(a) => show::run_stats(&cli, a, &mut out),
        Command::Duplicates(a) => show::run_duplicates(&cli, a, &mut out),
        Command::Check(a) => show::run_check(&cli, a, &mut out),
        Command::Extract(a) => extract::run(a, &mut out),
        Command::Serve(a) => serve::run_serve(&cli, a, &mut out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return 0;
                }
            }
            let prefix = if e.downcast_ref::<Error>().is_some_and(Error::is_user_error) { "gazette" } else { "gazette: error" };
            eprintln!("{prefix}: {e:#}");
            2
        }
    }
}
