//! The names the user controls: `aliases.toml` in the archive folder, human-editable, read at
//! every query (a hand edit counts at once; nothing is reindexed), and the [`NameMap`] that
//! puts the archive's own merges (`people.tsv`, see [`super::people`]) and the user's aliases
//! together for facet counts, filters and the names shown.
//!
//! ```toml
//! # keep these names apart, undoing gazette's own merge of them
//! split = ["Clinton"]
//! # values that are no name, kept out of facets
//! hide = ["Senior"]
//!
//! [merge]
//! # the canonical name = the names shown as it
//! "Hillary Rodham Clinton" = ["Hillary Clinton", "Clinton"]
//! ```
//!
//! Names are matched as `gazette` matches a typed name: case, accents and punctuation aside.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml_edit::{Array, DocumentMut, Item, Value};

use super::archive::{read_if_exists, write_atomic};
use super::keys::normalize;
use super::people::People;
use super::vocab::{Vocab, KINDS};
use crate::error::{Error, Result};

pub const FILE: &str = "aliases.toml";

const HEADER: &str = "\
# gazette aliases: names shown as one, names kept apart, values kept out of facets.
# Edit by hand or with `gazette alias`; a change counts at the next query, without reindexing.
# split = [\"NAME\", ...]        keep these names apart (undo gazette's own merge of them)
# hide = [\"NAME\", ...]         values that are no name, kept out of facets
# [merge]
# \"CANONICAL\" = [\"NAME\", ...]  show these names as CANONICAL
";

/// The user's aliases, as `aliases.toml` gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Aliases {
    /// (canonical name, names shown as it), in the file's order.
    pub merge: Vec<(String, Vec<String>)>,
    pub split: Vec<String>,
    pub hide: Vec<String>,
}

fn config_error(path: &Path, text: &str, at: Option<std::ops::Range<usize>>, message: String) -> Error {
    let line = at.map(|r| text[..r.start.min(text.len())].matches('\n').count() + 1);
    Error::Config { path: path.to_path_buf(), line, message }
}

fn strings(path: &Path, text: &str, item: &Item, what: &str) -> Result<Vec<String>> {
    let bad = || config_error(path, text, item.span(), format!("{what} must be a list of names in quotes"));
    let array = item.as_array().ok_or_else(bad)?;
    array
        .iter()
        .map(|v| v.as_str().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).ok_or_else(bad))
        .collect()
}

impl Aliases {
    /// Parses the text of an aliases file; errors name the file and the line.
    pub fn parse(path: &Path, text: &str) -> Result<Aliases> {
        let doc = toml_edit::Document::parse(text.to_string())
            .map_err(|e| config_error(path, text, e.span(), e.message().trim().to_string()))?;
        let mut out = Aliases::default();
        for (key, item) in doc.as_table().iter() {
            let span = doc.as_table().get_key_value(key).and_then(|(k, _)| k.span());
            match key {
                "split" => out.split = strings(path, text, item, "split")?,
                "hide" => out.hide = strings(path, text, item, "hide")?,
                "merge" => {
                    let table = item.as_table_like().ok_or_else(|| {
                        config_error(path, text, span.clone(), "merge must be a table: [merge]".into())
                    })?;
                    for (canonical, names) in table.iter() {
                        if canonical.trim().is_empty() {
                            return Err(config_error(
                                path,
                                text,
                                names.span(),
                                "a canonical name is empty".into(),
                            ));
                        }
                        let names = strings(path, text, names, &format!("merge.{canonical:?}"))?;
                        out.merge.push((canonical.trim().to_string(), names));
                    }
                }
                other => {
                    return Err(config_error(
                        path,
                        text,
                        span,
                        format!("unknown key {other:?}: expected split, hide or [merge]"),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// Reads the archive's `aliases.toml`; none is no aliases.
    pub fn load(dir: &Path) -> Result<Aliases> {
        let path = dir.join(FILE);
        match read_if_exists(&path)? {
            None => Ok(Aliases::default()),
            Some(bytes) => {
                let text = String::from_utf8(bytes).map_err(|e| Error::Config {
                    path: path.clone(),
                    line: None,
                    message: format!("not UTF-8: {e}"),
                })?;
                Aliases::parse(&path, &text)
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.merge.is_empty() && self.split.is_empty() && self.hide.is_empty()
    }
}

/// A change to the aliases, as `gazette alias` makes it.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Show the names as the canonical name.
    Merge { canonical: String, names: Vec<String> },
    /// Keep a name apart from what it was merged into.
    Split(String),
    /// Keep a value out of facets.
    Hide(String),
    /// Drop every alias that names it.
    Remove(String),
}

fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn array_without(item: Option<&Item>, name: &str) -> Array {
    let mut out = Array::new();
    if let Some(a) = item.and_then(Item::as_array) {
        for v in a.iter().filter_map(Value::as_str).filter(|v| !same(v, name)) {
            out.push(v);
        }
    }
    out
}

/// Applies an edit to the archive's `aliases.toml` (made when missing), keeping the rest of
/// the file as written: comments, order and layout. Returns the aliases now in force.
pub fn edit(dir: &Path, change: &Edit) -> Result<Aliases> {
    let path = dir.join(FILE);
    let text = match read_if_exists(&path)? {
        Some(b) => String::from_utf8(b).map_err(|e| Error::Config {
            path: path.clone(),
            line: None,
            message: format!("not UTF-8: {e}"),
        })?,
        None => HEADER.to_string(),
    };
    Aliases::parse(&path, &text)?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| config_error(&path, &text, e.span(), e.to_string()))?;
    let add_to = |doc: &mut DocumentMut, key: &str, name: &str| {
        let mut a = array_without(doc.get(key), name);
        a.push(name);
        doc.insert(key, Item::Value(Value::Array(a)));
    };
    match change {
        Edit::Merge { canonical, names } => {
            if !doc.contains_key("merge") {
                doc.insert("merge", Item::Table(toml_edit::Table::new()));
            }
            let table = doc["merge"].as_table_like_mut().ok_or_else(|| Error::Config {
                path: path.clone(),
                line: None,
                message: "merge must be a table: [merge]".into(),
            })?;
            // an existing entry of the same canonical name (however written) is extended
            let existing = table.iter().map(|(k, _)| k.to_string()).find(|k| same(k, canonical));
            let key = existing.unwrap_or_else(|| canonical.clone());
            let mut list: Vec<String> = table
                .get(&key)
                .and_then(Item::as_array)
                .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
                .unwrap_or_default();
            for n in names {
                if !list.iter().any(|x| same(x, n)) && !same(n, canonical) {
                    list.push(n.clone());
                }
            }
            let mut a = Array::new();
            for n in &list {
                a.push(n.as_str());
            }
            table.insert(&key, Item::Value(Value::Array(a)));
        }
        Edit::Split(name) => {
            add_to(&mut doc, "split", name);
            remove_from_merges(&mut doc, name, false);
        }
        Edit::Hide(name) => add_to(&mut doc, "hide", name),
        Edit::Remove(name) => {
            for key in ["split", "hide"] {
                if doc.contains_key(key) {
                    let kept = array_without(doc.get(key), name);
                    doc.insert(key, Item::Value(Value::Array(kept)));
                }
            }
            remove_from_merges(&mut doc, name, true);
        }
    }
    let out = doc.to_string();
    let aliases = Aliases::parse(&path, &out)?;
    write_atomic(&path, out.as_bytes())?;
    Ok(aliases)
}

/// Takes a name out of every merge list (and, with `canonical`, drops the merges it heads).
fn remove_from_merges(doc: &mut DocumentMut, name: &str, canonical: bool) {
    let Some(table) = doc.get_mut("merge").and_then(Item::as_table_like_mut) else { return };
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    for k in keys {
        if canonical && same(&k, name) {
            table.remove(&k);
            continue;
        }
        let kept = array_without(table.get(&k), name);
        table.insert(&k, Item::Value(Value::Array(kept)));
    }
}

/// Facet numbers that are hidden count for nothing.
pub const HIDDEN: u32 = u32::MAX;

/// The names a query sees: every facet number goes to the number that counts for it (its
/// group's representative), or to [`HIDDEN`].
#[derive(Debug, Default)]
pub struct NameMap {
    /// Representative of each facet number; empty when nothing is merged or hidden.
    rep: std::sync::Arc<Vec<u32>>,
    /// The name shown for a representative, when it is not the representative's own value.
    display: HashMap<u32, String>,
    /// The numbers of each merged group, by representative.
    members: HashMap<u32, Vec<u32>>,
    /// (kind code, normalized name) of every merged value and canonical name -> representative.
    by_name: HashMap<(u8, String), u32>,
}

impl NameMap {
    /// Puts together the archive's merges and the user's aliases over its facet values.
    pub fn new(vocab: &Vocab, people: &People, aliases: &Aliases) -> NameMap {
        let n = vocab.len();
        let mut canon: HashMap<u32, String> = HashMap::new();
        for (id, name) in &people.merges {
            if (*id as usize) < n {
                canon.insert(*id as u32, name.clone());
            }
        }
        let split: HashSet<String> = aliases.split.iter().map(|s| normalize(s)).collect();
        let hide: HashSet<String> = aliases.hide.iter().map(|s| normalize(s)).collect();
        let mut merge_to: HashMap<String, &str> = HashMap::new();
        for (c, names) in &aliases.merge {
            merge_to.insert(normalize(c), c);
            for nm in names {
                merge_to.insert(normalize(nm), c);
            }
        }
        if !split.is_empty() {
            canon.retain(|id, _| vocab.get(*id as u64).is_none_or(|(_, v)| !split.contains(&normalize(v))));
        }
        let mut hidden: Vec<u32> = Vec::new();
        if !merge_to.is_empty() || !hide.is_empty() {
            // every value of the archive, as the user would type it
            for id in 0..n as u32 {
                let Some((_, value)) = vocab.get(id as u64) else { continue };
                let norm = normalize(value);
                let auto = canon.get(&id).map(|c| normalize(c));
                let pick = |set: &dyn Fn(&str) -> bool| set(&norm) || auto.as_deref().is_some_and(set);
                if pick(&|x| hide.contains(x)) {
                    hidden.push(id);
                } else if let Some(c) =
                    merge_to.get(&norm).or_else(|| auto.as_ref().and_then(|a| merge_to.get(a)))
                {
                    canon.insert(id, c.to_string());
                }
            }
        }
        let mut map = NameMap::default();
        if canon.is_empty() && hidden.is_empty() {
            return map;
        }
        let rep: Vec<u32> = (0..n as u32).collect();
        // groups: (kind, normalized canonical) -> numbers; a canonical name that is a value of
        // the kind joins its own group
        let mut groups: HashMap<(u8, String), (String, BTreeSet<u32>)> = HashMap::new();
        let code = |kind: &str| KINDS.iter().position(|k| *k == kind).unwrap_or(0) as u8;
        for (id, c) in &canon {
            let Some((kind, _)) = vocab.get(*id as u64) else { continue };
            let g = groups.entry((code(kind), normalize(c))).or_insert_with(|| (c.clone(), BTreeSet::new()));
            g.1.insert(*id);
            if let Some(own) = vocab.lookup(kind, c) {
                g.1.insert(own as u32);
            }
        }
        let mut reps = rep;
        for ((kind, norm), (canonical, ids)) in groups {
            let rep = ids
                .iter()
                .copied()
                .find(|id| vocab.get(*id as u64).is_some_and(|(_, v)| v == canonical))
                .or_else(|| ids.iter().next().copied())
                .unwrap_or(0);
            if vocab.get(rep as u64).is_none_or(|(_, v)| v != canonical) {
                map.display.insert(rep, canonical.clone());
            }
            for &id in &ids {
                reps[id as usize] = rep;
                if let Some((_, v)) = vocab.get(id as u64) {
                    map.by_name.insert((kind, normalize(v)), rep);
                }
            }
            map.by_name.insert((kind, norm), rep);
            map.members.insert(rep, ids.into_iter().collect());
        }
        for id in hidden {
            reps[id as usize] = HIDDEN;
        }
        map.rep = std::sync::Arc::new(reps);
        map
    }

    /// True when no name is merged or hidden (facet counting can skip the map).
    pub fn is_identity(&self) -> bool {
        self.rep.is_empty()
    }

    /// The representative of every facet number, for facet counting; `None` when every
    /// number stands for itself.
    pub fn reps(&self) -> Option<std::sync::Arc<Vec<u32>>> {
        (!self.rep.is_empty()).then(|| self.rep.clone())
    }

    /// The number that counts for `id`.
    pub fn rep(&self, id: u32) -> u32 {
        self.rep.get(id as usize).copied().unwrap_or(id)
    }

    /// The name shown for a representative.
    pub fn name<'a>(&'a self, vocab: &'a Vocab, rep: u32) -> Option<&'a str> {
        match self.display.get(&rep) {
            Some(d) => Some(d.as_str()),
            None => vocab.get(rep as u64).map(|(_, v)| v),
        }
    }

    /// The name shown for a value of `kind` as an article gives it (itself when not merged).
    pub fn shown<'a>(&'a self, vocab: &'a Vocab, kind: &str, value: &'a str) -> &'a str {
        match vocab.lookup(kind, value) {
            Some(id) => match self.rep(id as u32) {
                HIDDEN => value,
                r => self.name(vocab, r).unwrap_or(value),
            },
            None => value,
        }
    }

    /// The group of a normalized name of `kind`: its canonical name and every value in it.
    pub fn group<'a>(&'a self, vocab: &'a Vocab, kind: &str, norm: &str) -> Option<(&'a str, Vec<&'a str>)> {
        let code = KINDS.iter().position(|k| *k == kind)? as u8;
        let rep = *self.by_name.get(&(code, norm.to_string()))?;
        let forms =
            self.members.get(&rep)?.iter().filter_map(|id| vocab.get(*id as u64).map(|(_, v)| v)).collect();
        Some((self.name(vocab, rep)?, forms))
    }
}

/// Where an aliases file lives, for messages.
pub fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Aliases> {
        Aliases::parse(Path::new("aliases.toml"), text)
    }

    #[test]
    fn the_file_parses_and_errors_name_the_line() {
        let a = parse("split = [\"Clinton\"]\nhide = [\"Senior\"]\n\n[merge]\n\"Paul Hale\" = [\"Hale\", \"P. Hale\"]\n")
            .unwrap();
        assert_eq!(a.split, ["Clinton"]);
        assert_eq!(a.hide, ["Senior"]);
        assert_eq!(a.merge, vec![("Paul Hale".to_string(), vec!["Hale".to_string(), "P. Hale".to_string()])]);
        let e = parse("split = [\"A\"]\nhide = \"B\"\n").unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("hide"), "{e}");
        let e = parse("split = [\"A\"]\n\nsplt = [\"B\"]\n").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("splt"), "{e}");
        let e = parse("[merge]\n\"A\" = [\"B\"\n").unwrap_err().to_string();
        assert!(e.contains("aliases.toml") && e.contains("line"), "{e}");
    }

    #[test]
    fn edits_keep_the_users_comments_and_undo_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let merge = |c: &str, n: &[&str]| Edit::Merge {
            canonical: c.into(),
            names: n.iter().map(|s| s.to_string()).collect(),
        };
        edit(dir.path(), &merge("Paul Hale", &["Hale"])).unwrap();
        let mut text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();
        text.push_str("# my note\n");
        std::fs::write(dir.path().join(FILE), &text).unwrap();
        let a = edit(dir.path(), &merge("paul hale", &["P. Hale", "Hale"])).unwrap();
        assert_eq!(a.merge, vec![("Paul Hale".to_string(), vec!["Hale".to_string(), "P. Hale".to_string()])]);
        let a = edit(dir.path(), &Edit::Split("Hale".into())).unwrap();
        assert_eq!(
            (a.split.clone(), a.merge[0].1.clone()),
            (vec!["Hale".to_string()], vec!["P. Hale".to_string()])
        );
        edit(dir.path(), &Edit::Hide("Senior".into())).unwrap();
        let a = edit(dir.path(), &Edit::Remove("Hale".into())).unwrap();
        assert!(a.split.is_empty());
        let a = edit(dir.path(), &Edit::Remove("Paul Hale".into())).unwrap();
        assert!(a.merge.is_empty());
        assert_eq!(a.hide, ["Senior"]);
        assert!(std::fs::read_to_string(dir.path().join(FILE)).unwrap().contains("# my note"));
    }

    #[test]
    fn the_map_joins_merges_and_aliases_and_hides() {
        let mut v = Vocab::default();
        let full = v.id("speaker", "Paul Hale") as u32;
        let lone = v.id("speaker", "Hale") as u32;
        let other = v.id("speaker", "Ann Ruiz") as u32;
        let junk = v.id("speaker", "Senior") as u32;
        let people = People { batch: 1, merges: vec![(lone as u64, "Paul Hale".into())] };
        let m = NameMap::new(&v, &people, &Aliases::default());
        assert_eq!((m.rep(lone), m.rep(full), m.rep(other)), (full, full, other));
        assert_eq!(m.shown(&v, "speaker", "Hale"), "Paul Hale");
        let (c, mut forms) = m.group(&v, "speaker", "hale").unwrap();
        forms.sort();
        assert_eq!((c, forms), ("Paul Hale", vec!["Hale", "Paul Hale"]));
        // the user splits the merge, hides a value, and merges two names under a new one
        let a = Aliases {
            split: vec!["hale".into()],
            hide: vec!["SENIOR".into()],
            merge: vec![("Ana Ruiz-Hale".into(), vec!["Ann Ruiz".into(), "Paul Hale".into()])],
        };
        let m = NameMap::new(&v, &people, &a);
        assert_eq!(m.rep(lone), lone);
        assert_eq!(m.rep(junk), HIDDEN);
        assert_eq!(m.rep(other), m.rep(full));
        assert_eq!(m.name(&v, m.rep(full)), Some("Ana Ruiz-Hale"));
        assert!(NameMap::new(&v, &People::default(), &Aliases::default()).is_identity());
    }
}
