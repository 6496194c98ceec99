//! `gazette show ID` and `gazette stats`.

use clap::Args;

use super::{Cli, Out};
use crate::index::{stats, Archive};
use crate::search::Searchers;

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id (as `search` shows it).
    pub id: String,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SpeakerArgs {
    /// The speaker's name (full name, a form merged into it, or an unambiguous surname).
    pub name: String,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DuplicatesArgs {
    /// List near-duplicate groups (same story, small changes) instead of exact duplicates.
    #[arg(long)]
    pub near: bool,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

/// `gazette duplicates`: exact duplicates (ids seen with the text of a stored article) or
/// near-duplicate groups.
pub fn run_duplicates(cli: &Cli, a: &DuplicatesArgs, out: &mut Out) -> anyhow::Result<i32> {
    let searchers = Archive::open_stable(&cli.index, Searchers::new)?;
    let groups: Vec<Vec<(String, String)>> = if a.near {
        searchers.near_duplicate_groups()?
    } else {
        let mut by_of: std::collections::BTreeMap<String, Vec<String>> = std::collections::BTreeMap::new();
        for (id, d) in crate::index::build::load_duplicates(&searchers.archive)? {
            by_of.entry(d.of).or_default().push(id);
        }
        let mut groups = Vec::with_capacity(by_of.len());
        for (of, mut ids) in by_of {
            ids.sort();
            // an exact duplicate has the text, and so the title, of the article it duplicates
            let title = searchers.title_of(&of)?.unwrap_or_default();
            groups.push(std::iter::once(of).chain(ids).map(|id| (id, title.clone())).collect());
        }
        groups
    };
    if a.json {
        let v: Vec<Vec<serde_json::Value>> = groups
            .iter()
            .map(|g| g.iter().map(|(id, title)| serde_json::json!({"id": id, "title": title})).collect())
            .collect();
        out.json(&v)?;
    } else {
        let kind = if a.near { "near-duplicate" } else { "exact-duplicate" };
        let articles: usize = groups.iter().map(Vec::len).sum();
        out.line(&match groups.len() {
            0 => format!("no {kind} groups"),
            1 => format!("1 {kind} group of {articles} articles"),
            n => format!("{n} {kind} groups, {articles} articles in all"),
        })?;
        for g in &groups {
            out.line("")?;
            let (first, rest) = (&g[0], &g[1..]);
            out.line(&format!("{}  {}", out.title(&first.1), out.dim(&format!("({} articles)", g.len()))))?;
            out.line(&format!("  {}", first.0))?;
            for (id, title) in rest {
                if title == &first.1 {
                    out.line(&format!("  {id}"))?;
                } else {
                    out.line(&format!("  {id}  {}", out.dim(title)))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(0)
}

pub fn run_show(cli: &Cli, a: &ShowArgs, out: &mut Out) -> anyhow::Result<i32> {
    let s = Archive::open_stable(&cli.index, Searchers::new)?;
    let v = s.show(&a.id)?;
    if a.json {
        out.json(&v)?;
        out.flush()?;
        return Ok(0);
    }
    out.line(&out.title(&v.title))?;
    for (k, val) in
        [("id", &v.id), ("source", &v.source), ("url", &v.url), ("path", &v.path), ("author", &v.author)]
    {
        if !val.is_empty() {
            out.line(&format!("{} {val}", out.dim(&format!("{k}:"))))?;
        }
    }
    if let Some(d) = &v.date {
        out.line(&format!("{} {d}", out.dim("date:")))?;
    }
    if !v.duplicates.is_empty() {
        out.line(&format!("{} {}", out.dim("also seen as:"), v.duplicates.join(", ")))?;
    }
    out.line("")?;
    for (i, p) in v.paragraphs.iter().enumerate() {
        out.line(&format!("{} {p}", out.dim(&format!("¶{i}"))))?;
        out.line("")?;
    }
    if !v.quotes.is_empty() {
        out.line(&out.bold("Quotes"))?;
        for q in &v.quotes {
            let who = q.speaker.as_deref().unwrap_or("(unattributed)");
            out.line(&format!("  ¶{} “{}” — {}", q.paragraph, q.text, out.speaker(who)))?;
        }
        out.line("")?;
    }
    if !v.names.is_empty() {
        out.line(&out.bold("Names merged across the archive"))?;
        for m in &v.names {
            let others: Vec<&str> = m.forms.iter().map(String::as_str).filter(|f| *f != m.name).collect();
            out.line(&format!("  {:<13} {} ← {}", m.kind, m.name, others.join(", ")))?;
        }
        out.line("")?;
    }
    if !v.entities.is_empty() {
        out.line(&out.bold("Entities"))?;
        for e in &v.entities {
            out.line(&format!(
                "  {:<13} {} ({})",
                format!("{:?}", e.kind).to_lowercase(),
                e.name,
                e.mentions.len()
            ))?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// `gazette speaker NAME`: the speaker page.
pub fn run_speaker(cli: &Cli, a: &SpeakerArgs, out: &mut Out) -> anyhow::Result<i32> {
    let s = Archive::open_stable(&cli.index, Searchers::new)?;
    let p = s.speaker(&a.name)?;
    if a.json {
        out.json(&p)?;
        out.flush()?;
        return Ok(0);
    }
    out.line(&out.title(&p.name))?;
    let others: Vec<&str> = p.forms.iter().map(String::as_str).filter(|f| *f != p.name).collect();
    if !others.is_empty() {
        out.line(&format!("{} {}", out.dim("also written:"), others.join(", ")))?;
    }
    // ", 2024-03" or ", 2023-11 to 2024-03"
    let range = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) if a == b => format!(", {a}"),
        (Some(a), Some(b)) => format!(", {a} to {b}"),
        _ => String::new(),
    };
    let span = range(p.first.as_deref(), p.last.as_deref());
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    out.line(&format!("{} in {}{span}", plural(p.quotes, "quote"), plural(p.articles, "article")))?;
    fn month(d: &Option<String>) -> Option<&str> {
        d.as_deref().map(|d| d.get(..7).unwrap_or(d))
    }
    if !p.descriptions.is_empty() {
        out.line("")?;
        out.line(&out.bold("Described as"))?;
        for d in &p.descriptions {
            let when = range(month(&d.first), month(&d.last));
            out.line(&format!(
                "  {}  {}",
                d.description,
                out.dim(&format!("({}{when})", plural(d.articles, "article")))
            ))?;
        }
    }
    let months: Vec<_> = p.by_month.iter().filter(|m| m.count > 0).collect();
    if !months.is_empty() {
        out.line("")?;
        out.line(&out.bold("Quotes by month"))?;
        if p.by_month.len() <= 24 {
            let top = months.iter().map(|m| m.count).max().unwrap_or(1).max(1);
            for m in &p.by_month {
                let bar = "█".repeat(((m.count * 30).div_ceil(top)) as usize);
                out.line(&format!("  {}  {:>5} {bar}", m.period, m.count))?;
            }
        } else {
            // years of months: one row per year
            const NAMES: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            out.line(&out.dim(&format!("        {}", NAMES.map(|n| format!("{n:>5}")).join(""))))?;
            let mut rows: std::collections::BTreeMap<&str, [Option<u64>; 12]> = Default::default();
            for m in &p.by_month {
                let (y, mm) = m.period.split_once('-').unwrap_or((&m.period, "01"));
                let i = mm.parse::<usize>().unwrap_or(1).clamp(1, 12) - 1;
                rows.entry(y).or_insert([None; 12])[i] = Some(m.count);
            }
            for (y, cells) in rows {
                let cells: String =
                    cells.iter().map(|c| c.map_or("     ".to_string(), |c| format!("{c:>5}"))).collect();
                out.line(&format!("  {y}  {cells}"))?;
            }
        }
    }
    for (label, values) in [("Persons", &p.persons), ("Organizations", &p.orgs), ("Places", &p.places)] {
        if values.is_empty() {
            continue;
        }
        out.line("")?;
        out.line(&out.bold(&format!("{label} in the same articles")))?;
        let list: Vec<String> = values.iter().map(|v| format!("{} ({})", v.value, v.count)).collect();
        out.line(&format!("  {}", list.join(", ")))?;
    }
    if !p.terms.is_empty() {
        out.line("")?;
        out.line(&out.bold("Characteristic words"))?;
        let list: Vec<String> = p.terms.iter().map(|t| format!("{} ({})", t.term, t.quotes)).collect();
        out.line(&format!("  {}", list.join(", ")))?;
    }
    out.flush()?;
    Ok(0)
}

pub fn run_stats(cli: &Cli, a: &StatsArgs, out: &mut Out) -> anyhow::Result<i32> {
    let (archive, st) = Archive::open_stable(&cli.index, |a| {
        let st = stats(&a)?;
        Ok((a, st))
    })?;
    if a.json {
        out.json(&st)?;
    } else {
        out.line(&format!("archive     {}", archive.dir.display()))?;
        out.line(&format!("articles    {}", st.articles))?;
        out.line(&format!("paragraphs  {}", st.paragraphs))?;
        out.line(&format!("quotes      {}", st.quotes))?;
        out.line(&format!("speakers    {}", st.speakers))?;
        out.line(&format!("duplicates  {}", st.duplicates))?;
        out.line(&format!("segments    {}", st.segments))?;
        out.line(&format!("size        {:.1} MB", st.bytes as f64 / 1e6))?;
        out.line(&format!("schema      version {}", st.schema_version))?;
    }
    out.flush()?;
    Ok(0)
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The sources the archive was built from.
    #[arg(required = true)]
    pub paths: Vec<std::path::PathBuf>,
    /// Print JSON.
    #[arg(short, long)]
    pub json: bool,
}

/// `gazette check PATH...`: exit 0 when the archive matches its sources, 1 when not.
pub fn run_check(cli: &Cli, a: &CheckArgs, out: &mut Out) -> anyhow::Result<i32> {
    let r = Archive::open_stable(&cli.index, |archive| {
        crate::index::check::check(&archive, &a.paths, &Default::default())
    })?;
    if a.json {
        out.json(&r)?;
    } else {
        out.line(&format!("schema version {}, {} articles", r.schema_version, r.articles))?;
        for (what, ids) in [("missing", &r.missing), ("changed", &r.changed), ("stale", &r.stale)] {
            if !ids.is_empty() {
                out.line(&format!(
                    "{} {what}: {}",
                    ids.len(),
                    ids.iter().take(20).cloned().collect::<Vec<_>>().join(", ")
                ))?;
            }
        }
        if r.orphan_quotes > 0 {
            out.line(&format!("{} quotes of articles the archive does not hold", r.orphan_quotes))?;
        }
        for f in &r.damaged {
            out.line(&format!("damaged: {f} does not match its checksum"))?;
        }
        if !r.batches_agree {
            out.line("the quotes index is ahead of the articles index (a run died between its commits; the next `gazette index` repairs it)")?;
        }
        if !r.unreadable.is_empty() {
            out.line(&format!(
                "{} input error{} (not in the archive, as `index` refuses them too): {}",
                r.unreadable.len(),
                if r.unreadable.len() == 1 { "" } else { "s" },
                r.unreadable.iter().take(20).cloned().collect::<Vec<_>>().join(", ")
            ))?;
        }
        out.line(if r.ok {
            "ok: the archive matches its sources"
        } else if !r.damaged.is_empty() {
            "the archive is damaged: run `gazette index --rebuild PATH...` to build it again from its sources"
        } else {
            "differences found: run `gazette index --prune PATH...` (or --rebuild)"
        })?;
    }
    out.flush()?;
    Ok(if r.ok { 0 } else { 1 })
}
