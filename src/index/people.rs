//! One name per person across the archive. Each article names its people on its own; an
//! article that never gives a first name files its quotes under "Hale". After every commit the
//! writer works out which names the archive makes unambiguous and records them in `people.tsv`
//! beside the indexes, as (facet number, canonical name) lines:
//!
//! - forms of one full name that differ only by middle initials, suffixes, titles, accents,
//!   case or "Last, First" order are one person, shown under the form used in most articles
//!   ("Paul T. Hale Jr." and "Paul Hale");
//! - a surname used alone ("Hale", "Sen. Hale") goes to the one full name of the archive with
//!   that surname, or, when there are several, to the one that holds at least nine tenths of
//!   their articles, each weighted by how near in time it is to the surname's articles;
//! - two different full names are never merged.
//!
//! The table is data beside the index: it never changes a document, so it is rebuilt at each
//! commit without reindexing, and the user's `aliases.toml` (see [`super::aliases`]) is applied
//! on top of it at query time.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use tantivy::Searcher;

use super::archive::{read_if_exists, write_atomic};
use super::keys::normalize;
use super::vocab::Vocab;
use crate::error::{Error, Result};
use crate::extract::lexicon::{NAME_SUFFIXES, PERSON_TITLES};

pub const FILE: &str = "people.tsv";

/// The share of a surname's weighted articles that one full name must hold to take it.
const DOMINANT: f64 = 0.9;

/// Forms of one name whose articles lie further apart than this (in days, on average) are not
/// merged: ten years.
const MAX_DAYS_APART: f64 = 3652.5;

/// How often a facet value occurs and when: the articles carrying it and the sum of their days
/// since 1970 (for the mean).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Usage {
    pub articles: u32,
    pub dated: u32,
    pub day_sum: i64,
}

impl Usage {
    fn add(&mut self, o: Usage) {
        self.articles += o.articles;
        self.dated += o.dated;
        self.day_sum += o.day_sum;
    }

    fn mean_day(&self) -> Option<f64> {
        (self.dated > 0).then(|| self.day_sum as f64 / self.dated as f64)
    }
}

/// The usage of every facet number, from the articles' `facets` and `date` fast fields.
pub fn usage(articles: &Searcher, numbers: usize) -> Result<Vec<Usage>> {
    let mut out = vec![Usage::default(); numbers];
    for seg in articles.segment_readers() {
        let facets = seg.fast_fields().u64("facets")?;
        let dates = seg.fast_fields().date("date")?;
        for doc in seg.doc_ids_alive() {
            let day = dates.first(doc).map(|d| d.into_timestamp_secs().div_euclid(86_400));
            for id in facets.values_for_doc(doc) {
                if let Some(u) = out.get_mut(id as usize) {
                    u.articles += 1;
                    if let Some(d) = day {
                        u.dated += 1;
                        u.day_sum += d;
                    }
                }
            }
        }
    }
    Ok(out)
}

/// A person's name reduced to what identifies it: normalized words without titles before it,
/// suffixes after it or initials in the middle, in "First Last" order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    /// The words joined by spaces ("paul hale").
    pub key: String,
    /// The last word: the surname ("hale"; "thomas greenfield" for "Thomas-Greenfield").
    pub surname: String,
    pub words: usize,
    /// A generational suffix ("jr", "sr", "iii"): father and son differ by it alone.
    pub generation: Option<String>,
}

/// An honorific or title that only a person bears ("Sen.", "Mr.", "President"), normalized.
fn is_title(w: &str) -> bool {
    PERSON_TITLES.contains(&w)
}

fn is_suffix(w: &str) -> bool {
    let plain: String = w.chars().filter(|c| *c != '.').collect();
    NAME_SUFFIXES.iter().any(|s| s.replace('.', "") == plain)
}

/// The identifying form of a person's name; `None` when nothing of it is left.
pub fn name_form(name: &str) -> Option<NameForm> {
    // "Hale, Paul T." is "Paul T. Hale" (but "Paul Hale, Jr." keeps its order)
    let reordered;
    let name = match name.split_once(',') {
        Some((last, first))
            if !first.trim().is_empty()
                && !last.trim().is_empty()
                && !first.contains(',')
                && !first.split_whitespace().all(|w| is_suffix(&w.to_lowercase())) =>
        {
            reordered = format!("{} {}", first.trim(), last.trim());
            reordered.as_str()
        }
        _ => name,
    };
    let mut words: Vec<String> = name.split_whitespace().map(normalize).filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && is_title(&words[0]) {
        words.remove(0);
    }
    let mut generation = None;
    while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
        let w = words.pop().unwrap_or_default();
        if matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv" | "v") {
            generation = Some(w);
        }
    }
    if words.len() > 2 {
        let last = words.len() - 1;
        let mut i = 1;
        let mut end = last;
        while i < end {
            if words[i].chars().count() == 1 {
                words.remove(i);
                end -= 1;
            } else {
                i += 1;
            }
        }
    }
    let surname = words.last()?.clone();
    Some(NameForm { key: words.join(" "), surname, words: words.len(), generation })
}

/// A name written in capitals ("OAK BROOK"), as headlines and datelines write names.
fn shouted(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// A name with a word of an organization's name ("Reagan Administration", "Harbor Institute").
fn org_like(name: &str) -> bool {
    use crate::extract::lexicon::{ORG_HEADS, ORG_WORDS};
    name.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        ORG_WORDS.contains(&w.as_str()) || ORG_HEADS.iter().any(|h| h.eq_ignore_ascii_case(&w))
    })
}

/// A full name that starts with a first name of the Census lists (after any title).
fn person_like(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().skip_while(|w| is_title(&normalize(w))).collect();
    // a full stop ends an initial or a suffix, not a name's word ("Sheila. Wheels" is two
    // sentences' words)
    let stray_stop = words.iter().any(|w| {
        w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !is_suffix(&normalize(w))
    });
    words.len() > 1 && !stray_stop && crate::extract::lexicon::is_first_name(words[0])
}

/// The merges the names of the archive suggest (see [`confirm`] for what the articles must
/// add). `usage` is indexed by facet number.
pub fn proposals(vocab: &Vocab, usage: &[Usage]) -> Vec<Proposal> {
    // every speaker and person value, with the usage of both kinds pooled
    let mut values: HashMap<&str, (Usage, Vec<u64>)> = HashMap::default();
    for id in 0..vocab.len() as u64 {
        if let Some((kind, value)) = vocab.get(id) {
            if kind == "speaker" || kind == "person" {
                let e = values.entry(value).or_default();
                e.0.add(usage.get(id as usize).copied().unwrap_or_default());
                e.1.push(id);
            }
        }
    }
    // full names grouped by their identifying form
    struct Group<'a> {
        members: Vec<(&'a str, Usage)>,
        usage: Usage,
    }
    let mut groups: HashMap<String, Group> = HashMap::default();
    let mut lone: Vec<(&str, NameForm, Usage)> = Vec::new();
    let mut names: Vec<&str> = values.keys().copied().collect();
    names.sort_unstable();
    // the generations each full name is seen with: "Robert Halmi Sr." and "Robert Halmi Jr."
    // are two people, and "Robert Halmi" is either; with one generation only, all are one
    let mut generations: HashMap<String, std::collections::BTreeSet<String>> = HashMap::default();
    let forms: Vec<(&str, NameForm)> = names.iter().filter_map(|n| Some((*n, name_form(n)?))).collect();
    for (_, f) in &forms {
        if f.words > 1 {
            let g = generations.entry(f.key.clone()).or_default();
            if let Some(x) = &f.generation {
                g.insert(x.clone());
            }
        }
    }
    for (name, form) in forms {
        let u = values[name].0;
        if form.words == 1 {
            // "Richard III" is no surname used alone
            if form.generation.is_none() {
                lone.push((name, form, u));
            }
            continue;
        }
        let key = match (&form.generation, generations.get(&form.key).map_or(0, |g| g.len())) {
            (_, 0 | 1) => form.key,
            (Some(x), _) => format!("{} {x}", form.key),
            (None, _) => format!("{} ?", form.key),
        };
        let g = groups.entry(key).or_insert_with(|| Group { members: Vec::new(), usage: Usage::default() });
        g.members.push((name, u));
        g.usage.add(u);
    }
    let mut by_surname: HashMap<String, Vec<(&str, Usage)>> = HashMap::default();
    let mut out: Vec<Proposal> = Vec::new();
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_unstable();
    for key in keys {
        let g = &groups[key];
        // a form not in capitals; the form most articles use; then the fullest; then the first
        let canonical = g
            .members
            .iter()
            .max_by_key(|m| (!shouted(m.0), m.1.articles, m.0.len(), std::cmp::Reverse(m.0)))
            .map(|m| m.0)
            .unwrap_or_default();
        let when = g.members.iter().find(|m| m.0 == canonical).and_then(|m| m.1.mean_day());
        for (name, u) in &g.members {
            // the same name decades apart is not taken for one person ("George Bush" of 1987
            // and "George W. Bush" of 2005)
            let far = matches!((when, u.mean_day()), (Some(a), Some(b)) if (a - b).abs() > MAX_DAYS_APART);
            if *name != canonical && !far {
                // forms that differ in case, accents or punctuation only need no evidence
                let evidence = normalize(name) != normalize(canonical);
                out.push(Proposal {
                    ids: values[name].1.clone(),
                    canonical: canonical.to_string(),
                    canonical_ids: values[canonical].1.clone(),
                    evidence,
                });
            }
        }
        // a surname alone goes only to a person's name: one that starts with a first name
        // ("Snow Leopard" and "General Motors" take no "Leopard" or "Motors")
        if let Some(form) = name_form(canonical).filter(|_| person_like(canonical)) {
            by_surname.entry(form.surname).or_default().push((canonical, g.usage));
        }
    }
    // a word the archive also knows as an organization or a place in a tenth as many articles
    // as a person is no surname for sure ("Ford" of Ford Motor, "Jordan"), and a name it
    // knows as one is no person's ("Royal Dutch")
    let mut elsewhere: HashMap<String, u32> = HashMap::default();
    for id in 0..vocab.len() as u64 {
        if let Some((kind, v)) = vocab.get(id) {
            if kind == "org" || kind == "place" {
                *elsewhere.entry(normalize(v)).or_default() +=
                    usage.get(id as usize).map_or(0, |u| u.articles);
            }
        }
    }
    let is_elsewhere =
        |name: &str, articles: u32| elsewhere.get(&normalize(name)).is_some_and(|&n| n * 10 >= articles);
    for list in by_surname.values_mut() {
        list.retain(|(c, u)| !is_elsewhere(c, u.articles));
    }
    // a word that begins full names of the archive may be a family name written first ("Hu" of
    // "Hu Yaobang") or a first name: it is no surname for sure unless the names it ends
    // outweigh them two to one (a few mistyped "Reagan Administratian" do not count)
    let mut first_words: HashMap<&str, u32> = HashMap::default();
    for (k, g) in &groups {
        if !g.members.iter().any(|(m, _)| org_like(m)) {
            if let Some(w) = k.split(' ').next() {
                *first_words.entry(w).or_default() += g.usage.articles;
            }
        }
    }
    for (name, form, u) in lone {
        // a word the archive knows elsewhere, or a first name ("Richard", "Paul"), may be anyone
        if is_elsewhere(name, u.articles) || crate::extract::lexicon::is_first_name(&form.key) {
            continue;
        }
        let Some(candidates) = by_surname.get(&form.surname) else { continue };
        let as_surname: u32 = candidates.iter().map(|c| c.1.articles).sum();
        if first_words.get(form.key.as_str()).is_some_and(|&n| n * 2 >= as_surname) {
            continue;
        }
        let weight = |c: &Usage| {
            let years = match (c.mean_day(), u.mean_day()) {
                (Some(a), Some(b)) => (a - b).abs() / 365.25,
                _ => 0.0,
            };
            c.articles as f64 / (1.0 + years)
        };
        let total: f64 = candidates.iter().map(|c| weight(&c.1)).sum();
        let best = candidates.iter().max_by(|a, b| weight(&a.1).total_cmp(&weight(&b.1)).then(b.0.cmp(a.0)));
        if let Some((canonical, c)) = best {
            if candidates.len() == 1 || (total > 0.0 && weight(c) / total >= DOMINANT) {
                out.push(Proposal {
                    ids: values[name].1.clone(),
                    canonical: canonical.to_string(),
                    canonical_ids: values[*canonical].1.clone(),
                    evidence: true,
                });
            }
        }
    }
    out
}

/// A merge the names alone suggest: the facet numbers of a form, the name to file them under
/// and its numbers, and whether the articles must confirm it.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub ids: Vec<u64>,
    pub canonical: String,
    pub canonical_ids: Vec<u64>,
    /// A lone surname or a form that differs by more than case, accents or punctuation: the
    /// two must share a rare companion in their articles (see [`confirm`]).
    pub evidence: bool,
}

/// The values each of `ids` occurs with in an article: the other organizations, places and
/// persons of its articles, by facet number.
/// The rare names beside each proposed form (FxHash: numbers as keys, millions of inserts on a
/// large archive).
pub type Companions = rustc_hash::FxHashMap<u64, rustc_hash::FxHashSet<u64>>;

pub fn companions(
    articles: &Searcher,
    vocab: &Vocab,
    ids: &HashSet<u64>,
    usage: &[Usage],
) -> Result<Companions> {
    let mut out = Companions::default();
    // a bit per facet number: the proposals' ids, and the companions that count
    let mut is_id = vec![false; usage.len().max(vocab.len())];
    for &id in ids {
        if let Some(b) = is_id.get_mut(id as usize) {
            *b = true;
        }
    }
    // only the rare ones count in `confirm`: the common ones are left out here, where a name
    // in 100,000 articles would otherwise gather every name beside it
    let rare_at = (articles.num_docs() / 200).max(2) as u32;
    let wanted: Vec<bool> = (0..is_id.len() as u64)
        .map(|id| {
            matches!(vocab.get(id), Some(("org" | "place" | "person", _)))
                && usage.get(id as usize).is_some_and(|u| u.articles <= rare_at)
        })
        .collect();
    let wanted = |id: u64| wanted.get(id as usize).copied().unwrap_or(false);
    let mut doc_ids: Vec<u64> = Vec::new();
    for seg in articles.segment_readers() {
        let facets = seg.fast_fields().u64("facets")?;
        for doc in seg.doc_ids_alive() {
            doc_ids.clear();
            doc_ids.extend(facets.values_for_doc(doc));
            for &id in doc_ids.iter().filter(|&&id| is_id.get(id as usize).copied().unwrap_or(false)) {
                let e = out.entry(id).or_default();
                e.extend(doc_ids.iter().copied().filter(|&c| c != id && wanted(c)));
            }
        }
    }
    Ok(out)
}

/// The proposals the articles confirm: a form that needs evidence and its name must share a
/// companion that is rare in the archive (in at most one article in 200, or two articles),
/// which is how a wire's "Hartley" of a football line-up is kept from the oil company's
/// chairman "Fred Hartley", and "Reagan" goes to "Ronald Reagan".
pub fn confirm(
    proposals: Vec<Proposal>,
    companions: &Companions,
    usage: &[Usage],
    articles: u64,
) -> Vec<(u64, String)> {
    let rare_at = (articles / 200).max(2) as u32;
    let rare = |id: &u64| usage.get(*id as usize).is_some_and(|u| u.articles <= rare_at);
    let of = |ids: &[u64], skip: &[u64]| -> HashSet<u64> {
        ids.iter()
            .filter_map(|i| companions.get(i))
            .flatten()
            .copied()
            .filter(|c| !skip.contains(c) && rare(c))
            .collect()
    };
    let mut out = Vec::new();
    for p in proposals {
        let both: Vec<u64> = p.ids.iter().chain(&p.canonical_ids).copied().collect();
        let confirmed = !p.evidence || {
            let a = of(&p.ids, &both);
            let b = of(&p.canonical_ids, &both);
            // companions that are forms of the same person do not count
            a.intersection(&b).next().is_some()
        };
        if confirmed {
            out.extend(p.ids.iter().map(|&id| (id, p.canonical.clone())));
        }
    }
    out.sort();
    out
}

/// The merges as the last commit's writer recorded them, and the batch it recorded them for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    pub batch: u64,
    pub merges: Vec<(u64, String)>,
}

impl People {
    /// Works the merges out from the archive's articles and writes `people.tsv`.
    pub fn refresh(dir: &Path, articles: &Searcher, vocab: &Vocab, batch: u64) -> Result<People> {
        let usage = usage(articles, vocab.len())?;
        let proposals = proposals(vocab, &usage);
        let ids: HashSet<u64> = proposals
            .iter()
            .filter(|p| p.evidence)
            .flat_map(|p| p.ids.iter().chain(&p.canonical_ids))
            .copied()
            .collect();
        let companions = companions(articles, vocab, &ids, &usage)?;
        let people = People { batch, merges: confirm(proposals, &companions, &usage, articles.num_docs()) };
        people.save(dir)?;
        Ok(people)
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        let mut out = format!("# gazette people: facet number, canonical name; batch {}\n", self.batch);
        for (id, name) in &self.merges {
            out.push_str(&format!("{id}\t{}\n", name.replace(['\t', '\n', '\r'], " ")));
        }
        write_atomic(&dir.join(FILE), out.as_bytes())
    }

    /// Reads `people.tsv`; an archive without one (made before it existed, or a run killed
    /// before its first commit ended) has no merges. A malformed line is an error naming it.
    pub fn load(dir: &Path) -> Result<People> {
        let path = dir.join(FILE);
        let Some(bytes) = read_if_exists(&path)? else { return Ok(People::default()) };
        let damaged = |reason: String| Error::Damaged { path: path.clone(), reason };
        let text = std::str::from_utf8(&bytes).map_err(|e| damaged(format!("not UTF-8: {e}")))?;
        let mut people = People::default();
        for (n, line) in text.lines().enumerate() {
            if let Some(head) = line.strip_prefix('#') {
                if let Some(b) = head.rsplit("batch ").next().and_then(|b| b.trim().parse().ok()) {
                    people.batch = b;
                }
                continue;
            }
            let parsed =
                line.split_once('\t').and_then(|(id, name)| Some((id.parse().ok()?, name.to_string())));
            match parsed {
                Some(m) => people.merges.push(m),
                None => return Err(damaged(format!("line {} is not NUMBER<tab>NAME: {line:?}", n + 1))),
            }
        }
        Ok(people)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: &str) -> String {
        name_form(n).map(|f| f.key).unwrap_or_default()
    }

    #[test]
    fn forms_of_one_name_share_a_key() {
        for n in
            ["Paul Hale", "Paul T. Hale", "Paul T. Hale Jr.", "Hale, Paul", "PAUL HALE", "Sen. Paul Hale"]
        {
            assert_eq!(key(n), "paul hale", "{n}");
        }
        assert_eq!(key("José Ramos-Horta"), "jose ramos horta");
        assert_eq!(name_form("Linda Thomas-Greenfield").map(|f| f.surname), Some("thomas greenfield".into()));
        assert_eq!(key("Paul Hale, Jr."), "paul hale");
        assert_eq!(name_form("Sen. Hale").map(|f| f.words), Some(1));
        assert_ne!(key("Paul Thomas Hale"), "paul hale", "a middle name is not an initial");
    }

    fn vocab(values: &[(&str, &str)]) -> (Vocab, Vec<u64>) {
        let mut v = Vocab::default();
        let ids = values.iter().map(|(k, n)| v.id(k, n)).collect();
        (v, ids)
    }

    /// The merges when every name's articles share a rare companion (`shared`), or none.
    fn merged(v: &Vocab, u: &[Usage], shared: bool) -> Vec<(u64, String)> {
        let companion = v.len() as u64;
        let mut u = u.to_vec();
        u.push(Usage { articles: 1, dated: 0, day_sum: 0 });
        let with: Companions = if shared {
            (0..companion).map(|i| (i, [companion].into_iter().collect())).collect()
        } else {
            Companions::default()
        };
        confirm(proposals(v, &u), &with, &u, 100)
    }

    fn usage_of(n: &[(u32, i64)]) -> Vec<Usage> {
        n.iter().map(|&(a, day)| Usage { articles: a, dated: a, day_sum: day * a as i64 }).collect()
    }

    #[test]
    fn a_lone_surname_goes_to_the_one_full_name_that_has_it() {
        let (v, ids) = vocab(&[
            ("speaker", "Paul Hale"),
            ("speaker", "Hale"),
            ("person", "Sen. Hale"),
            ("person", "Ann Ruiz"),
        ]);
        let m = merged(&v, &usage_of(&[(3, 0), (1, 0), (1, 0), (2, 0)]), true);
        assert_eq!(m, vec![(ids[1], "Paul Hale".to_string()), (ids[2], "Paul Hale".to_string())]);
    }

    #[test]
    fn two_full_names_that_share_a_surname_keep_the_surname_apart() {
        let (v, _) = vocab(&[("speaker", "Paul Hale"), ("speaker", "Ann Hale"), ("speaker", "Hale")]);
        assert!(merged(&v, &usage_of(&[(3, 0), (3, 0), (1, 0)]), true).is_empty());
    }

    #[test]
    fn one_full_name_that_dominates_in_its_time_takes_the_surname() {
        let (v, ids) = vocab(&[("person", "Paul Hale"), ("person", "Ann Hale"), ("person", "Hale")]);
        // Ann Hale is as frequent, but thirty years away from the lone surname's articles
        let m = merged(&v, &usage_of(&[(20, 10_000), (20, 0), (1, 10_000)]), true);
        assert_eq!(m, vec![(ids[2], "Paul Hale".to_string())]);
        // near in time, neither holds nine tenths
        assert!(merged(&v, &usage_of(&[(20, 10_000), (20, 10_000), (1, 10_000)]), true).is_empty());
    }

    #[test]
    fn variants_go_to_the_form_most_articles_use() {
        let (v, ids) =
            vocab(&[("person", "Paul T. Hale Jr."), ("person", "Paul Hale"), ("person", "Hale, Paul")]);
        let m = merged(&v, &usage_of(&[(1, 0), (5, 0), (1, 0)]), true);
        assert_eq!(m, vec![(ids[0], "Paul Hale".to_string()), (ids[2], "Paul Hale".to_string())]);
    }

    #[test]
    fn father_and_son_stay_apart_and_a_lone_first_name_or_king_is_no_surname() {
        let (v, ids) = vocab(&[
            ("person", "Robert Halmi Sr."),
            ("person", "Robert Halmi Jr."),
            ("person", "Robert Halmi"),
            ("person", "James D. Robinson III"),
            ("person", "James Robinson"),
            ("person", "Cliff Richard"),
            ("person", "Richard"),
            ("person", "Richard III"),
        ]);
        let m =
            merged(&v, &usage_of(&[(2, 0), (2, 0), (1, 0), (3, 0), (1, 0), (4, 0), (1, 0), (1, 0)]), true);
        // one generation seen: the name without it is that person
        assert_eq!(m, vec![(ids[4], "James D. Robinson III".to_string())]);
    }

    #[test]
    fn one_name_decades_apart_is_not_merged() {
        let (v, ids) =
            vocab(&[("person", "George Bush"), ("person", "George W. Bush"), ("person", "George W Bush")]);
        let m = merged(&v, &usage_of(&[(30, 6_300), (50, 12_800), (2, 12_800)]), true);
        assert_eq!(m, vec![(ids[2], "George W. Bush".to_string())]);
    }

    #[test]
    fn an_organization_takes_no_surname_and_a_family_name_written_first_is_no_surname() {
        let (v, _) = vocab(&[
            ("speaker", "Royal Dutch"),
            ("org", "Royal Dutch"),
            ("speaker", "Dutch"),
            ("person", "Hu Yaobang"),
            ("person", "Richard Hu"),
            ("speaker", "Hu"),
        ]);
        assert!(merged(&v, &usage_of(&[(3, 0), (3, 0), (1, 0), (2, 0), (2, 0), (1, 0)]), true).is_empty());
    }

    #[test]
    fn a_lone_surname_or_another_form_needs_a_rare_companion_in_common_and_a_case_variant_does_not() {
        let (v, ids) = vocab(&[
            ("person", "Fred Hartley"),
            ("person", "Hartley"),
            ("person", "Carl C. Icahn"),
            ("person", "Carl Icahn"),
            ("person", "OAK BROOK"),
            ("person", "Oak Brook"),
        ]);
        let u = usage_of(&[(2, 0), (1, 0), (1, 0), (3, 0), (1, 0), (2, 0)]);
        assert_eq!(merged(&v, &u, false), vec![(ids[4], "Oak Brook".to_string())]);
        assert_eq!(merged(&v, &u, true).len(), 3);
    }

    #[test]
    fn the_table_round_trips_and_a_bad_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = People { batch: 7, merges: vec![(3, "Paul Hale".into()), (9, "Ann Ruiz".into())] };
        p.save(dir.path()).unwrap();
        assert_eq!(People::load(dir.path()).unwrap(), p);
        std::fs::write(dir.path().join(FILE), "3\tPaul Hale\nthree Paul\n").unwrap();
        let e = People::load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains(FILE), "{e}");
        assert_eq!(People::load(tempfile::tempdir().unwrap().path()).unwrap(), People::default());
    }
}
