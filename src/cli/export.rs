//! `gazette export`: the archive as files for Quickwit, Elasticsearch/OpenSearch or Parquet.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Cli, Out};
use crate::export::{export, ExportOptions, Format};
use crate::index::Archive;
use crate::search::Searchers;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Quickwit,
    Elasticsearch,
    Parquet,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to write: Quickwit index configs and NDJSON, Elasticsearch/OpenSearch mappings and
    /// _bulk files, or Parquet files (articles, quotes, entities).
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// The folder to write into: made if missing; an earlier export there is replaced; a folder
    /// holding other files is refused.
    #[arg(long)]
    pub out: PathBuf,
    /// Only what commits after batch N added or changed, and the ids pruned since (the last
    /// batch is printed: pass it next time).
    #[arg(long, value_name = "N")]
    pub since_batch: Option<u64>,
    /// Quickwit and Elasticsearch index names: PREFIX-articles and PREFIX-quotes.
    #[arg(long, default_value = "gazette")]
    pub prefix: String,
    /// Print the summary as JSON.
    #[arg(short, long)]
    pub json: bool,
}

pub fn run(cli: &Cli, a: &ExportArgs, out: &mut Out) -> anyhow::Result<i32> {
    if a.prefix.is_empty()
        || !a.prefix.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        return Err(crate::Error::Usage(format!(
            "--prefix {:?}: an index name takes lowercase letters, digits, '-' and '_'",
            a.prefix
        ))
        .into());
    }
    let s = Archive::open_stable(&cli.index, Searchers::new)?;
    let format = match a.format {
        FormatArg::Quickwit => Format::Quickwit,
        FormatArg::Elasticsearch => Format::Elasticsearch,
        FormatArg::Parquet => Format::Parquet,
    };
    let opts =
        ExportOptions { format, out: a.out.clone(), since_batch: a.since_batch, prefix: a.prefix.clone() };
    let summary = export(&s, &opts)?;
    if a.json {
        out.json(&summary)?;
        out.flush()?;
        return Ok(0);
    }
    let since = match summary.since_batch {
        Some(n) => format!(" added or changed after batch {n}"),
        None => String::new(),
    };
    out.line(&format!(
        "{} articles, {} quotes, {} entities{since} written to {}",
        summary.articles, summary.quotes, summary.entities, summary.out
    ))?;
    if !summary.deleted.is_empty() {
        out.line(&format!("{} articles removed since: deleted.txt", summary.deleted.len()))?;
    }
    for f in &summary.files {
        out.line(&format!("  {f}"))?;
    }
    out.line(&format!(
        "{} {}",
        out.dim("last batch:"),
        format_args!("{} (next time: --since-batch {})", summary.last_batch, summary.last_batch)
    ))?;
    out.flush()?;
    Ok(0)
}
