//! `gazette extract FILE...`: extraction alone, no index. `--json` prints the contract that
//! `evaluate.py` reads: one object per article and line.

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;

use clap::Args;
use serde::Serialize;

use super::Out;
use crate::extract::{extract_guarded, Entity, ExtractOptions, Quote};
use crate::ingest::{date::format_date, read_file_counted, walk, Found, ReadOptions};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (or folders) in any supported format.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print the extraction contract as JSON Lines.
    #[arg(short, long)]
    pub json: bool,
    /// Skip quote extraction.
    #[arg(long)]
    pub no_quotes: bool,
    /// Skip entity recognition.
    #[arg(long)]
    pub no_entities: bool,
}

#[derive(Serialize)]
struct Extracted<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    source: &'a str,
    url: &'a str,
    path: &'a str,
    text: &'a str,
    paragraphs: &'a [(usize, usize)],
    quotes: &'a [Quote],
    entities: &'a [Entity],
}

pub fn run(a: &ExtractArgs, out: &mut Out) -> anyhow::Result<i32> {
    let opts = ExtractOptions { quotes: !a.no_quotes, entities: !a.no_entities };
    let mut failed = false;
    let mut io_result = Ok(());
    for found in walk(&a.paths) {
        let (path, id) = match found {
            Found::File(p, id) => (p, id),
            Found::Skipped(p) => {
                eprintln!("gazette: {}: not a supported format, skipped", p.display());
                continue;
            }
            Found::Error(e) => {
                eprintln!("gazette: {e}");
                failed = true;
                continue;
            }
        };
        read_file_counted(&path, &id, &ReadOptions::default(), &AtomicU64::new(0), &mut |r| match r {
            Err(e) => {
                eprintln!("gazette: {e}");
                failed = true;
                true
            }
            Ok(art) => {
                let ex = match extract_guarded(&art.text, art.body_start, opts) {
                    Ok(ex) => ex,
                    Err(reason) => {
                        eprintln!(
                            "gazette: {}",
                            crate::InputError::Extraction {
                                path: art.path.clone(),
                                id: art.id.clone(),
                                reason
                            }
                        );
                        failed = true;
                        return true;
                    }
                };
                let rec = Extracted {
                    id: &art.id,
                    title: &art.title,
                    date: art.date.map(format_date).or_else(|| {
                        if art.date_text.is_empty() {
                            None
                        } else {
                            Some(art.date_text.clone())
                        }
                    }),
                    source: &art.source,
                    url: &art.url,
                    path: &art.path,
                    text: &art.text,
                    paragraphs: &ex.paragraphs,
                    quotes: &ex.quotes,
                    entities: &ex.entities,
                };
                let written = if a.json { out.json(&rec) } else { print_human(out, &rec) };
                match written {
                    Ok(()) => true,
                    Err(e) => {
                        io_result = Err(e);
                        false
                    }
                }
            }
        });
        io_result.as_ref().map_err(|e| std::io::Error::new(e.kind(), e.to_string()))?;
    }
    out.flush()?;
    Ok(if failed { 1 } else { 0 })
}

fn print_human(out: &mut Out, r: &Extracted) -> std::io::Result<()> {
    out.line(&out.title(&format!("{} ({})", r.title, r.id)))?;
    out.line(&format!(
        "{} paragraphs, {} quotes, {} entities",
        r.paragraphs.len(),
        r.quotes.len(),
        r.entities.len()
    ))?;
    for q in r.quotes {
        let text = r.text.get(q.start..q.end).unwrap_or("");
        let who = q.speaker.as_deref().unwrap_or("(unattributed)");
        let desc = q.description.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
        out.line(&format!("  ¶{} “{}” — {}{}", q.paragraph, text, out.speaker(who), out.dim(&desc)))?;
    }
    for e in r.entities {
        out.line(&format!(
            "  {:<13} {} ×{}",
            format!("{:?}", e.kind).to_lowercase(),
            e.name,
            e.mentions.len()
        ))?;
    }
    out.line("")
}
