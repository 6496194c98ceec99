//! The command line: clap argument structs, turned into the library's plain option structs,
//! one module per command, and the printing of results (plain, colored, JSON).

mod alias;
mod docs;
mod export;
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
    /// One speaker: name and merged forms, quotes by month, descriptions, names beside them, characteristic words.
    Speaker(show::SpeakerArgs),
    /// What the archive holds.
    Stats(show::StatsArgs),
    /// Verify the archive against its sources (counts, hashes, schema version, quote consistency).
    Check(show::CheckArgs),
    /// Exact duplicates seen while indexing, or near-duplicate groups (`--near`).
    Duplicates(show::DuplicatesArgs),
    /// Names you control: merge names into one, split gazette's own merges, hide values (aliases.toml).
    Alias(alias::AliasArgs),
    /// Run extraction on files without indexing; `--json` prints the extraction contract.
    Extract(extract::ExtractArgs),
    /// Write the archive for other engines: Quickwit, Elasticsearch/OpenSearch, Parquet (`--since-batch` for what is new).
    Export(export::ExportArgs),
    /// Serve the archive over HTTP: a JSON API and a search page (read-only).
    Serve(serve::ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(docs::CompletionsArgs),
    /// Print the manual page (roff), or write one page per command with `--out DIR`.
    Man(docs::ManArgs),
}

impl Command {
    /// True when the command was asked for JSON (its errors are then JSON too).
    pub fn json(&self) -> bool {
        match self {
            Command::Index(a) => a.json,
            Command::Search(a) => a.common.json,
            Command::Quotes(a) => a.common.json,
            Command::Facets(a) => a.json,
            Command::Show(a) => a.json,
            Command::Stats(a) => a.json,
            Command::Speaker(a) => a.json,
            Command::Check(a) => a.json,
            Command::Duplicates(a) => a.json,
            Command::Extract(a) => a.json,
            Command::Alias(a) => a.json(),
            Command::Export(a) => a.json,
            Command::Serve(_) | Command::Completions(_) | Command::Man(_) => false,
        }
    }
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
    /// Names as each article wrote them: no merged names, no aliases (see `gazette alias`).
    #[arg(long)]
    pub as_written: bool,
}

impl FilterArgs {
    pub fn to_filters(&self) -> Result<crate::search::Filters, Error> {
        let bound = |s: &Option<String>, flag: &str, end: bool| -> Result<Option<i64>, Error> {
            match s {
                None => Ok(None),
                Some(v) => crate::search::query::period_bounds(v.trim())
                    .map(|(a, b)| Some(if end { b } else { a }))
                    .ok_or_else(|| {
                        Error::Usage(format!(
                            "--{flag} {v:?}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
                        ))
                    }),
            }
        };
        let (since, until) = (bound(&self.since, "since", false)?, bound(&self.until, "until", true)?);
        if let (Some(a), Some(b), Some(sv), Some(uv)) = (since, until, &self.since, &self.until) {
            if a >= b {
                return Err(Error::Usage(format!(
                    "--since {sv} is after --until {uv}: no date is in between"
                )));
            }
        }
        Ok(crate::search::Filters {
            speakers: self.speaker.clone(),
            persons: self.person.clone(),
            orgs: self.org.clone(),
            places: self.place.clone(),
            sources: self.source.clone(),
            since,
            until,
            as_written: self.as_written,
        })
    }
}

/// The arguments with the query words of `search`, `quotes` and `facets` moved after a `--`,
/// so that a query word may start with `-` (`search gaza -hamas` excludes hamas; clap alone
/// would read `-h` of `-hamas` as `--help`). A word is a flag only when it is one of that
/// command's flags (or a cluster of its short flags); a flag's value stays with its flag.
/// Arguments that already hold a `--` are left as they are.
fn with_query_words_last(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let root = Cli::command();
    let strs: Option<Vec<&str>> = args.iter().map(|a| a.to_str()).collect();
    let Some(strs) = strs else { return args };
    if strs.contains(&"--") {
        return args;
    }
    // (long names, short letters) of `cmd`, each with whether it takes a value
    let flags_of = |cmd: &clap::Command| -> (Vec<(String, bool)>, Vec<(char, bool)>) {
        let mut long = Vec::new();
        let mut short = Vec::new();
        for a in cmd.get_arguments().chain(root.get_arguments()) {
            if a.is_positional() {
                continue;
            }
            let takes = a.get_action().takes_values();
            if let Some(l) = a.get_long() {
                long.push((l.to_string(), takes));
            }
            if let Some(c) = a.get_short() {
                short.push((c, takes));
            }
        }
        long.push(("help".into(), false));
        short.push(('h', false));
        (long, short)
    };
    // the subcommand: the first word that is not a global option or its value
    let (rlong, _) = flags_of(&root);
    let mut i = 1;
    while i < strs.len() && strs[i].starts_with('-') {
        let name = strs[i].trim_start_matches('-').split('=').next().unwrap_or("");
        let takes = rlong.iter().any(|(l, t)| l == name && *t) && !strs[i].contains('=');
        i += if takes { 2 } else { 1 };
    }
    let Some(sub) = strs.get(i).copied() else { return args };
    if !["search", "quotes", "facets"].contains(&sub) {
        return args;
    }
    let Some(cmd) = root.find_subcommand(sub) else { return args };
    let (long, short) = flags_of(cmd);
    let mut head: Vec<std::ffi::OsString> = args[..=i].to_vec();
    let mut words: Vec<std::ffi::OsString> = Vec::new();
    let mut k = i + 1;
    while k < strs.len() {
        let a = strs[k];
        let flag = if let Some(l) = a.strip_prefix("--") {
            let name = l.split('=').next().unwrap_or("");
            long.iter().find(|(n, _)| n == name).map(|(_, t)| *t && !l.contains('='))
        } else if let Some(cs) = a.strip_prefix('-').filter(|c| !c.is_empty()) {
            // a cluster of known short flags ("-j"); the last may take a value
            let known: Option<Vec<bool>> =
                cs.chars().map(|c| short.iter().find(|(s, _)| *s == c).map(|(_, t)| *t)).collect();
            known.map(|ts| ts.last().copied().unwrap_or(false) && cs.chars().count() == 1)
        } else {
            None
        };
        match flag {
            Some(takes_value) => {
                head.push(args[k].clone());
                if takes_value && k + 1 < strs.len() {
                    k += 1;
                    head.push(args[k].clone());
                }
            }
            None => words.push(args[k].clone()),
        }
        k += 1;
    }
    if words.is_empty() {
        return head;
    }
    head.push("--".into());
    head.extend(words);
    head
}

/// Runs the command line and returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse_from(with_query_words_last(std::env::args_os().collect()));
    let mut out = Out::new(cli.color);
    let result = match &cli.command {
        Command::Index(a) => index::run(&cli, a, &mut out),
        Command::Search(a) => search::run_search(&cli, a, &mut out),
        Command::Quotes(a) => search::run_quotes(&cli, a, &mut out),
        Command::Facets(a) => search::run_facets(&cli, a, &mut out),
        Command::Show(a) => show::run_show(&cli, a, &mut out),
        Command::Stats(a) => show::run_stats(&cli, a, &mut out),
        Command::Speaker(a) => show::run_speaker(&cli, a, &mut out),
        Command::Duplicates(a) => show::run_duplicates(&cli, a, &mut out),
        Command::Check(a) => show::run_check(&cli, a, &mut out),
        Command::Extract(a) => extract::run(a, &mut out),
        Command::Alias(a) => alias::run(&cli, a, &mut out),
        Command::Export(a) => export::run(&cli, a, &mut out),
        Command::Serve(a) => serve::run_serve(&cli, a, &mut out),
        Command::Completions(a) => docs::run_completions(a, &mut out),
        Command::Man(a) => docs::run_man(a, &mut out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return 0;
                }
            }
            if cli.command.json() {
                // a program reading --json gets its error as JSON too
                let (message, position) = match e.downcast_ref::<Error>() {
                    Some(Error::Query { message, position, .. }) => (message.clone(), Some(*position)),
                    _ => (format!("{e:#}"), None),
                };
                let v = serde_json::json!({"error": message, "position": position});
                eprintln!("{v}");
                return 2;
            }
            let prefix = if e.downcast_ref::<Error>().is_some_and(Error::is_user_error) {
                "gazette"
            } else {
                "gazette: error"
            };
            eprintln!("{prefix}: {e:#}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_query_words_last;

    fn rewrite(args: &[&str]) -> Vec<String> {
        with_query_words_last(args.iter().map(|a| a.into()).collect())
            .into_iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn query_words_may_start_with_a_hyphen() {
        assert_eq!(
            rewrite(&["gazette", "search", "gaza", "-hamas", "--limit", "1"]),
            ["gazette", "search", "--limit", "1", "--", "gaza", "-hamas"]
        );
        assert_eq!(
            rewrite(&["gazette", "--index", "ix", "quotes", "-hamas", "--speaker=Jo Doe", "-rafah"]),
            ["gazette", "--index", "ix", "quotes", "--speaker=Jo Doe", "--", "-hamas", "-rafah"]
        );
        assert_eq!(
            rewrite(&["gazette", "facets", "speakers", "-hamas", "--size", "2"]),
            ["gazette", "facets", "--size", "2", "--", "speakers", "-hamas"]
        );
        // flags and help stay flags; other commands and explicit `--` are left alone
        assert_eq!(rewrite(&["gazette", "search", "-h"]), ["gazette", "search", "-h"]);
        assert_eq!(rewrite(&["gazette", "search", "--help"]), ["gazette", "search", "--help"]);
        assert_eq!(rewrite(&["gazette", "index", "-x"]), ["gazette", "index", "-x"]);
        assert_eq!(
            rewrite(&["gazette", "search", "--", "-a", "--limit"]),
            ["gazette", "search", "--", "-a", "--limit"]
        );
    }

    #[test]
    fn since_after_until_and_two_digit_years_are_errors() {
        let f = |since: &str, until: &str| {
            super::FilterArgs { since: Some(since.into()), until: Some(until.into()), ..Default::default() }
                .to_filters()
        };
        assert!(f("2025", "2024").is_err_and(|e| e.to_string().contains("after --until")));
        assert!(f("2024-03-02", "2024-03-01").is_err());
        assert!(f("2024-03-01", "2024-03-01").is_ok());
        assert!(f("2024", "2024").is_ok());
        let one = super::FilterArgs { since: Some("24-03-25".into()), ..Default::default() }.to_filters();
        assert!(one.is_err_and(|e| e.to_string().contains("YYYY")));
    }
}
