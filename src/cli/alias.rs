//! `gazette alias`: the names the user controls, kept in the archive's `aliases.toml`.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Cli, Out};
use crate::index::aliases::{edit, Aliases, Edit};
use crate::index::people::People;
use crate::index::vocab::Vocab;
use crate::index::Archive;

#[derive(Debug, Args)]
pub struct AliasArgs {
    #[command(subcommand)]
    pub action: AliasAction,
}

#[derive(Debug, Subcommand)]
pub enum AliasAction {
    /// Show NAMES as CANONICAL in facets, filters and quotes (`alias merge "Paul Hale" Hale "P. Hale"`).
    Merge {
        /// The name to show.
        canonical: String,
        /// The names shown as it.
        #[arg(required = true)]
        names: Vec<String>,
    },
    /// Keep NAME apart: undo gazette's own merge of it (or a merge of yours).
    Split { name: String },
    /// Keep NAME out of facets: a value that is no name.
    Hide { name: String },
    /// Drop every alias that names NAME (merges it heads or is in, splits, hides).
    Remove { name: String },
    /// The aliases in force; `--auto` adds the names gazette merged on its own.
    List {
        /// Also list the archive's own merges.
        #[arg(long)]
        auto: bool,
        /// Print JSON.
        #[arg(short, long)]
        json: bool,
    },
}

impl AliasArgs {
    pub fn json(&self) -> bool {
        matches!(self.action, AliasAction::List { json: true, .. })
    }
}

/// A merged name and what it takes in.
#[derive(Debug, Serialize)]
struct Group {
    name: String,
    forms: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Listing {
    merge: Vec<Group>,
    split: Vec<String>,
    hide: Vec<String>,
    /// The archive's own merges (with `--auto`): kind, name, forms.
    automatic: Vec<AutoGroup>,
}

#[derive(Debug, Serialize)]
struct AutoGroup {
    kind: String,
    name: String,
    forms: Vec<String>,
}

/// The archive's own merges, grouped by kind and canonical name, largest first.
fn automatic(archive: &Archive) -> anyhow::Result<Vec<AutoGroup>> {
    let vocab = Vocab::load(&archive.dir, archive.committed()?.facets)?;
    let people = People::load(&archive.dir)?;
    let mut groups: std::collections::BTreeMap<(String, String), Vec<String>> = Default::default();
    for (id, name) in &people.merges {
        if let Some((kind, value)) = vocab.get(*id) {
            groups.entry((kind.to_string(), name.clone())).or_default().push(value.to_string());
        }
    }
    let mut out: Vec<AutoGroup> =
        groups.into_iter().map(|((kind, name), forms)| AutoGroup { kind, name, forms }).collect();
    out.sort_by(|a, b| {
        b.forms.len().cmp(&a.forms.len()).then_with(|| (&a.kind, &a.name).cmp(&(&b.kind, &b.name)))
    });
    Ok(out)
}

pub fn run(cli: &Cli, a: &AliasArgs, out: &mut Out) -> anyhow::Result<i32> {
    // an alias belongs to an archive: refuse to make aliases.toml where there is none
    let archive = Archive::open(&cli.index)?;
    let change = match &a.action {
        AliasAction::Merge { canonical, names } => {
            Some(Edit::Merge { canonical: canonical.trim().to_string(), names: names.clone() })
        }
        AliasAction::Split { name } => Some(Edit::Split(name.clone())),
        AliasAction::Hide { name } => Some(Edit::Hide(name.clone())),
        AliasAction::Remove { name } => Some(Edit::Remove(name.clone())),
        AliasAction::List { .. } => None,
    };
    if let Some(change) = change {
        let (Edit::Merge { canonical: name, .. } | Edit::Split(name) | Edit::Hide(name) | Edit::Remove(name)) =
            &change;
        if name.trim().is_empty() {
            anyhow::bail!(crate::error::Error::Usage("alias: a name is empty".into()));
        }
        edit(&archive.dir, &change)?;
        out.line(&format!("{}: updated", crate::index::aliases::path(&archive.dir).display()))?;
        out.flush()?;
        return Ok(0);
    }
    let AliasAction::List { auto, json } = a.action else { return Ok(0) };
    let aliases = Aliases::load(&archive.dir)?;
    let listing = Listing {
        merge: aliases.merge.iter().map(|(n, f)| Group { name: n.clone(), forms: f.clone() }).collect(),
        split: aliases.split.clone(),
        hide: aliases.hide.clone(),
        automatic: if auto { automatic(&archive)? } else { Vec::new() },
    };
    if json {
        out.json(&listing)?;
    } else {
        for g in &listing.merge {
            out.line(&format!("merge  {}  <-  {}", g.name, g.forms.join(" | ")))?;
        }
        for n in &listing.split {
            out.line(&format!("split  {n}"))?;
        }
        for n in &listing.hide {
            out.line(&format!("hide   {n}"))?;
        }
        for g in &listing.automatic {
            out.line(&format!("auto   {:<7} {}  <-  {}", g.kind, g.name, g.forms.join(" | ")))?;
        }
        if listing.merge.is_empty() && listing.split.is_empty() && listing.hide.is_empty() && !auto {
            out.line("no aliases (gazette alias merge|split|hide NAME; --auto lists gazette's own merges)")?;
        }
    }
    out.flush()?;
    Ok(0)
}
