//! `gazette index PATH...`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Cli, Out};
use crate::extract::ExtractOptions;
use crate::index::{index_paths, IndexOptions};
use crate::ingest::ReadOptions;

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files and folders of articles (.txt, .md, .json, .jsonl, .ndjson, optionally .gz or .zst).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print the summary as JSON.
    #[arg(short, long)]
    pub json: bool,
    /// Read and classify (added, changed, unchanged, duplicates) without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Rebuild the archive from scratch in a new folder, then swap it in atomically.
    #[arg(long, conflicts_with = "dry_run")]
    pub rebuild: bool,
    /// Remove articles whose source files under the given PATHs are gone (never touches other roots).
    #[arg(long)]
    pub prune: bool,
    /// Extraction threads (default: the number of cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Memory budget of the index writer, in MB.
    #[arg(long, default_value_t = 256)]
    pub memory: usize,
    /// Commit after this many new or changed articles.
    #[arg(long, default_value_t = 20000)]
    pub commit_every: usize,
    /// ...or after this many seconds.
    #[arg(long, default_value_t = 60)]
    pub commit_seconds: u64,
    /// Articles larger than this many bytes are reported and skipped.
    #[arg(long, default_value_t = ReadOptions::default().max_article_bytes)]
    pub max_article_bytes: u64,
    /// Skip quote extraction.
    #[arg(long)]
    pub no_quotes: bool,
    /// Skip entity recognition.
    #[arg(long)]
    pub no_entities: bool,
}

pub fn run(cli: &Cli, a: &IndexArgs, out: &mut Out) -> anyhow::Result<i32> {
    let defaults = IndexOptions::default();
    let opts = IndexOptions {
        read: ReadOptions { max_article_bytes: a.max_article_bytes },
        extract: ExtractOptions { quotes: !a.no_quotes, entities: !a.no_entities },
        threads: a.threads.unwrap_or(defaults.threads).max(1),
        memory: a.memory.max(16) << 20,
        commit_every: a.commit_every.max(1),
        commit_interval: Duration::from_secs(a.commit_seconds.max(1)),
        dry_run: a.dry_run,
        prune: a.prune,
    };
    if a.paths.iter().all(|p| std::fs::symlink_metadata(p).is_err()) {
        // nothing to read: say so, and create no archive (`paths` is never empty)
        let first = a.paths[0].display();
        return Err(crate::error::Error::Usage(format!("{first}: no such file or folder")).into());
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            eprintln!("\ngazette: interrupted; committing what is done (Ctrl-C again to quit at once)");
        });
    }
    let bar = if std::io::stderr().is_terminal() {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let started = std::time::Instant::now();
    // A rebuild writes a new archive beside the old one, which stays searchable (and locked
    // against other writers) until the new one takes its place.
    let old_lock = if a.rebuild && cli.index.join("gazette.json").exists() {
        // the lock alone: the old archive may be of another schema version, which cannot be
        // opened, and a rebuild is the remedy its error names
        Some(crate::index::archive::lock_dir_for_writing(&cli.index))
    } else {
        None
    };
    let old_lock = old_lock.transpose()?;
    let leftovers =
        if old_lock.is_some() { crate::index::archive::clean_stale_rebuilds(&cli.index) } else { Vec::new() };
    let target = if a.rebuild {
        let tmp = crate::index::archive::rebuild_folder(&cli.index, std::process::id());
        let _ = std::fs::remove_dir_all(&tmp);
        tmp
    } else {
        cli.index.clone()
    };
    let stop_after = stop.clone();
    let summary = index_paths(&target, &a.paths, &opts, stop, &mut |p| {
        if let Some(b) = &bar {
            b.set_length(p.total_bytes.max(p.bytes));
            b.set_position(p.bytes);
            let rate = p.articles as f64 / started.elapsed().as_secs_f64().max(0.001);
            b.set_message(format!("{} articles, {rate:.0}/s", p.articles));
        }
    })
    .map_err(|e| out_of_space(e, &target))?;
    for stale in leftovers.iter().chain(&summary.leftovers) {
        eprintln!("gazette: removed {}, left by an interrupted run", stale.display());
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if a.rebuild {
        if stop_after.load(Ordering::SeqCst) {
            let _ = std::fs::remove_dir_all(&target);
            anyhow::bail!("rebuild interrupted: the archive at {} is unchanged", cli.index.display());
        }
        // the user's aliases are no index data: they move to the new archive as they are
        let aliases = crate::index::aliases::path(&cli.index);
        if aliases.exists() {
            let to = crate::index::aliases::path(&target);
            std::fs::copy(&aliases, &to).map_err(|e| crate::error::Error::io(&to, e))?;
        }
        drop(old_lock);
        crate::index::archive::replace_atomically(&target, &cli.index)?;
    }
    if !a.json {
        // A flood of errors (a folder of binary files, say) is cut on the terminal after the
        // first ones; `--json` keeps the first thousand.
        print_capped("", &summary.errors, summary.failed, "failed inputs");
        print_capped("skipped ", &summary.skips, summary.skips.len() as u64, "skipped for their size");
    }
    if a.json {
        out.json(&summary)?;
    } else if let Some(plan) = &summary.plan {
        for id in &plan.added {
            out.line(&format!("add     {id}"))?;
        }
        for id in &plan.updated {
            out.line(&format!("update  {id}"))?;
        }
        for (id, of) in &plan.duplicates {
            out.line(&format!("dup     {id} (of {of})"))?;
        }
        for id in &plan.removed {
            out.line(&format!("remove  {id}"))?;
        }
        out.line(&format!(
            "dry run: {} would be added, {} updated, {} removed, {} unchanged, {} duplicates, {} failed; nothing written",
            summary.added, summary.updated, summary.removed, summary.unchanged, summary.duplicates, summary.failed
        ))?;
    } else {
        out.line(&format!(
            "{} added, {} updated, {} removed, {} unchanged, {} duplicates, {} failed, {} skipped ({} articles in the archive, {} quotes extracted, {:.1} MB in {:.1} s)",
            out.bold(&summary.added.to_string()),
            summary.updated,
            summary.removed,
            summary.unchanged,
            summary.duplicates,
            summary.failed,
            summary.skipped,
            summary.articles,
            summary.quotes,
            summary.bytes as f64 / 1e6,
            summary.seconds
        ))?;
        if summary.interrupted {
            out.line(&format!(
                "interrupted after reading {:.1} MB: what was read so far is committed; run the same command again to finish",
                summary.bytes as f64 / 1e6
            ))?;
        }
    }
    out.flush()?;
    // 130 is the shell's code for a run ended by Ctrl-C (128 + SIGINT).
    Ok(if summary.interrupted {
        130
    } else if summary.failed > 0 {
        1
    } else {
        0
    })
}

/// Prints the first 20 of `listed` (of `total` in all) on stderr, then how many more there are
/// and how many of them `--json` lists.
fn print_capped(prefix: &str, listed: &[crate::index::build::FailedInput], total: u64, what: &str) {
    const SHOWN: usize = 20;
    for e in listed.iter().take(SHOWN) {
        eprintln!("gazette: {prefix}{}: {}", e.path, e.error);
    }
    let total = total as usize;
    if total > SHOWN {
        let kept =
            if total > listed.len() { format!("the first {}", listed.len()) } else { "all are".into() };
        eprintln!("gazette: ... and {} more {what} ({kept} listed by --json)", total - SHOWN);
    }
}

/// A write that failed for want of space (ENOSPC anywhere in the error, or a Tantivy writer
/// that died while the archive's device is nearly full) becomes one plain message: where,
/// what the archive still holds, and what to do.
fn out_of_space(e: crate::error::Error, archive: &std::path::Path) -> anyhow::Error {
    use crate::error::Error;
    let enospc = match &e {
        Error::Io { cause, .. } | Error::IndexIo(cause) => cause.raw_os_error() == Some(libc::ENOSPC),
        Error::Tantivy(t) => {
            let text = t.to_string();
            text.contains("No space left")
                || (text.contains("index writer was killed") && free_bytes(archive) < 64 << 20)
        }
        _ => false,
    };
    if !enospc {
        return e.into();
    }
    let held = crate::index::Archive::open(archive)
        .and_then(|a| a.committed())
        .map(|c| format!("{} articles", c.articles))
        .unwrap_or_else(|_| "nothing readable".into());
    anyhow::anyhow!(
        "no space left on the device holding {}; the archive holds its last commit ({held}); free some space and run the same command again",
        archive.display()
    )
}

/// Free bytes for an unprivileged writer on the device holding `path` (or its nearest
/// existing parent); `u64::MAX` when unknown.
fn free_bytes(path: &std::path::Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let mut p = path.to_path_buf();
    while !p.exists() {
        if !p.pop() {
            return u64::MAX;
        }
    }
    let Ok(c) = std::ffi::CString::new(p.as_os_str().as_bytes()) else { return u64::MAX };
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid NUL-terminated path and `st` a properly sized out-parameter.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return u64::MAX;
    }
    (st.f_bavail as u64).saturating_mul(st.f_frsize as u64)
}
