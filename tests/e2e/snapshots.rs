//! Snapshot tests of what every command prints, human and `--json`, on the bundled `corpus/`:
//! a field renamed, dropped or added, a changed message or a changed ranking fails here.
//!
//! The real binary runs in the repository's folder (so paths read `corpus/...`, as in the
//! README) against an archive in a fresh temporary folder per test. The snapshots are
//! machine-independent: insta filters write the repository's absolute path `[REPO]` and the
//! temporary folder `[TMP]`, and what varies from run to run is redacted: the seconds an index
//! run took (`seconds`, "in 0.2 s") and the archive's bytes on disk (`stats`: Tantivy's files
//! differ by a few hundred bytes between identical runs). Nothing else was found to vary (the
//! outputs were compared over repeated runs and with 1, 2 and 4 indexing threads): facet ties
//! are ordered by value, near-duplicate groups by size then first id, lists of ids sorted.
//!
//! JSON is checked to be one compact line, then snapshotted parsed, keys sorted, with short
//! arrays and objects on one line (`pretty`), so that a diff reads field by field.
//!
//! A mismatch fails the test (under `CI=true`, as in CI, insta writes nothing; elsewhere it
//! leaves a `.snap.new` beside the snapshot). To accept an intended change:
//!
//! ```sh
//! INSTA_UPDATE=always cargo test --test e2e snapshots
//! git diff tests/e2e/snapshots       # review every change, then commit the snapshots with the code
//! ```

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// The seed article, as the README and `../shared/tools/evaluate.py` use it.
const SEED: &str = "corpus/2024-03-25-un-security-council-gaza-ceasefire.txt";

/// A temporary folder with an archive in it, and the settings that make snapshots of its
/// output machine-independent.
struct Fixture {
    tmp: tempfile::TempDir,
    index: PathBuf,
}

impl Fixture {
    /// An empty temporary folder; the archive will be `[TMP]/archive`.
    fn empty() -> Fixture {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let index = tmp.path().join("archive");
        Fixture { tmp, index }
    }

    /// An archive of the bundled corpus.
    fn corpus() -> Fixture {
        let f = Fixture::empty();
        let out = f.run(&["index", "corpus", "--json"]);
        assert_success(&out, "index corpus");
        f
    }

    /// Runs gazette in the repository's folder against this archive.
    fn run(&self, args: &[&str]) -> Output {
        crate::common::bin()
            .current_dir(crate::common::repo())
            .arg("--index")
            .arg(&self.index)
            .args(args)
            .output()
            .expect("gazette runs")
    }

    /// A new folder inside the temporary one.
    fn dir(&self, name: &str) -> PathBuf {
        let d = self.tmp.path().join(name);
        std::fs::create_dir_all(&d).expect("a folder");
        d
    }

    /// Snapshot settings: paths replaced, snapshots in `tests/e2e/snapshots/` named by the test.
    fn settings(&self) -> insta::Settings {
        let mut s = insta::Settings::clone_current();
        s.set_prepend_module_to_snapshot(false);
        s.set_snapshot_path("snapshots");
        // The temporary folder first: it may lie inside the repository (TMPDIR=target/...).
        for p in variants(self.tmp.path()) {
            s.add_filter(&regex_escape(&p), "[TMP]");
        }
        for p in variants(&crate::common::repo()) {
            s.add_filter(&regex_escape(&p), "[REPO]");
        }
        s
    }

    /// `text` with the paths replaced as the snapshot filters replace them.
    fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (path, name) in [(self.tmp.path().to_path_buf(), "[TMP]"), (crate::common::repo(), "[REPO]")] {
            for p in variants(&path) {
                out = out.replace(&p, name);
            }
        }
        out
    }
}

/// A path as given and canonical (symbolic links resolved), longest first.
fn variants(p: &Path) -> Vec<String> {
    let mut v = vec![p.display().to_string()];
    if let Ok(c) = std::fs::canonicalize(p) {
        v.push(c.display().to_string());
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v
}

/// `s` as a regular expression that matches it literally.
fn regex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The seed article's id in the archive, whatever the scheme that names files without an `id:`
/// (found by its `path`, as `search` lists it).
fn seed_id(f: &Fixture) -> String {
    let out = f.run(&["search", "\"Security Council approves\"", "--no-collapse", "--json"]);
    let v = json(&out, "search for the seed article");
    let hits = v["hits"].as_array().expect("hits");
    let hit = hits.iter().find(|h| h["path"] == SEED).unwrap_or_else(|| panic!("{SEED} among {hits:?}"));
    hit["id"].as_str().expect("an id").to_string()
}

fn assert_success(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        crate::common::stdout(out),
        crate::common::stderr(out)
    );
}

/// The human output of a successful command with nothing on stderr.
fn human(out: &Output, what: &str) -> String {
    assert_success(out, what);
    assert_eq!(crate::common::stderr(out), "", "{what}: stderr");
    crate::common::stdout(out)
}

/// The `--json` output of a successful command: one compact line, parsed.
fn json(out: &Output, what: &str) -> Value {
    assert_success(out, what);
    assert_eq!(crate::common::stderr(out), "", "{what}: stderr");
    json_line(out, what)
}

/// The output as exactly one line of compact JSON, parsed.
fn json_line(out: &Output, what: &str) -> Value {
    let text = crate::common::stdout(out);
    assert!(text.ends_with('\n'), "{what}: the JSON line ends with a newline");
    assert_eq!(text.lines().count(), 1, "{what}: one line of JSON");
    let v = crate::common::json(out);
    assert_eq!(serde_json::to_string(&v).unwrap().len(), text.trim_end().len(), "{what}: compact JSON");
    v
}

/// JSON as the snapshots hold it: keys sorted (serde_json's map), and any array or object that
/// fits in [`WIDTH`] columns on one line, so that a list of facet values or of offsets reads as
/// a list; arrays of short values (offsets) are packed several to a line.
fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write_json(v, 0, 0, &mut out);
    out
}

const WIDTH: usize = 100;

/// One line, with ", " and ": " between items.
fn one_line(v: &Value) -> String {
    match v {
        Value::Array(a) => format!("[{}]", a.iter().map(one_line).collect::<Vec<_>>().join(", ")),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), one_line(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        scalar => scalar.to_string(),
    }
}

/// Writes `v` at `indent`, its first line already holding `used` columns (a key).
fn write_json(v: &Value, indent: usize, used: usize, out: &mut String) {
    let flat = one_line(v);
    if indent + used + flat.chars().count() <= WIDTH {
        out.push_str(&flat);
        return;
    }
    let pad = " ".repeat(indent + 2);
    match v {
        Value::Array(items) => {
            let short: Vec<String> = items.iter().map(one_line).collect();
            out.push('[');
            if short.iter().all(|s| s.len() <= 24) {
                // packed: as many items to a line as fit
                let mut line = String::new();
                for (i, s) in short.iter().enumerate() {
                    let item = if i + 1 < short.len() { format!("{s},") } else { s.clone() };
                    if !line.is_empty() && pad.len() + line.len() + 1 + item.len() > WIDTH {
                        out.push_str(&format!("\n{pad}{line}"));
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(&item);
                }
                out.push_str(&format!("\n{pad}{line}"));
            } else {
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&format!("\n{pad}"));
                    write_json(item, indent + 2, 0, out);
                    if i + 1 < items.len() {
                        out.push(',');
                    }
                }
            }
            out.push_str(&format!("\n{}]", " ".repeat(indent)));
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                let key = format!("{}: ", Value::from(k.as_str()));
                out.push_str(&format!("\n{pad}{key}"));
                write_json(item, indent + 2, key.chars().count(), out);
                if i + 1 < m.len() {
                    out.push(',');
                }
            }
            out.push_str(&format!("\n{}}}", " ".repeat(indent)));
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Replaces the value at a JSON pointer (`/seconds`) with a placeholder: what varies by run.
fn redact(v: &mut Value, pointer: &str, placeholder: &str) {
    let slot = v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} is in the output"));
    assert!(slot.is_number(), "{pointer} is a number");
    *slot = Value::from(placeholder);
}

/// Snapshots a command's human output and its `--json` output (the same arguments plus
/// `--json`), as `<name>` and `<name>_json`.
fn both(f: &Fixture, name: &str, args: &[&str]) {
    let text = human(&f.run(args), name);
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let v = json(&f.run(&with_json), name);
    let s = f.settings();
    snap(&s, name, &describe(f, args), &text);
    snap(&s, &format!("{name}_json"), &format!("{} --json", describe(f, args)), &pretty(&v));
}

/// Asserts one snapshot, `tests/e2e/snapshots/<name>.snap`, described by the command line it shows.
fn snap(settings: &insta::Settings, name: &str, description: &str, content: &str) {
    let mut s = settings.clone();
    s.set_description(description);
    s.bind(|| insta::assert_snapshot!(name, content));
}

/// The command line a snapshot comes from, as its description (paths as the filters write them).
fn describe(f: &Fixture, args: &[&str]) -> String {
    let mut words = vec!["gazette".to_string()];
    for a in args {
        let a = f.scrub(a);
        words.push(if a.is_empty() || a.contains(' ') || a.contains('"') { format!("'{a}'") } else { a });
    }
    words.join(" ")
}

#[test]
fn index_summary() {
    let f = Fixture::empty();
    let mut v = json(&f.run(&["index", "corpus", "--json"]), "index --json");
    redact(&mut v, "/seconds", "[seconds]");
    let again = human(&f.run(&["index", "corpus"]), "index again");
    let g = Fixture::empty();
    let first = human(&g.run(&["index", "corpus"]), "index");
    let mut s = f.settings();
    // "... 0.4 MB in 0.2 s)": the time varies.
    s.add_filter(r"MB in \d+\.\d s\)", "MB in [seconds] s)");
    snap(&s, "index_json", "gazette index corpus --json", &pretty(&v));
    snap(&s, "index", "gazette index corpus", &first);
    snap(&s, "index_again", "gazette index corpus (a second time)", &again);
}

#[test]
fn search() {
    let f = Fixture::corpus();
    both(&f, "search_hostages", &["search", "hostages"]);
    both(
        &f,
        "search_filtered",
        &[
            "search",
            "cease-fire",
            "--speaker",
            "Benny Gantz",
            "--since",
            "2024-01-01",
            "--facets",
            "speaker,date",
            "--by-date",
            "month",
            "--snippets",
            "1",
        ],
    );
    both(
        &f,
        "search_sorted",
        &["search", "apple -iphone", "--sort", "-date", "--limit", "3", "--snippets", "1"],
    );
    both(&f, "search_nothing", &["search", "zzyzx"]);
    // without a query: every article, newest first
    both(&f, "search_no_query", &["search", "--limit", "3", "--snippets", "0", "--facets", "source"]);
}

#[test]
fn quotes() {
    let f = Fixture::corpus();
    both(&f, "quotes_speaker", &["quotes", "--speaker", "Dennis Ross"]);
    both(&f, "quotes_phrase", &["quotes", "\"potent symbol\""]);
}

#[test]
fn facets() {
    let f = Fixture::corpus();
    for field in ["speakers", "persons", "organizations", "places", "sources", "dates"] {
        both(&f, &format!("facets_{field}"), &["facets", field]);
    }
    both(&f, "facets_speakers_of_a_query", &["facets", "speakers", "rafah", "--size", "5"]);
    both(
        &f,
        "facets_dates_by_month",
        &["facets", "dates", "--by-date", "month", "--since", "2009", "--until", "2009-12"],
    );
}

#[test]
fn show() {
    let f = Fixture::corpus();
    both(&f, "show_seed", &["show", &seed_id(&f)]);
    both(&f, "show_jsonl_article", &["show", "GUM_interview_ants"]);
}

#[test]
fn stats() {
    let f = Fixture::corpus();
    let text = human(&f.run(&["stats"]), "stats");
    let mut v = json(&f.run(&["stats", "--json"]), "stats --json");
    // Bytes on disk differ by a few hundred between identical runs.
    redact(&mut v, "/bytes", "[bytes]");
    let mut s = f.settings();
    s.add_filter(r"(?m)^size(\s+)\d+\.\d MB$", "size$1[size] MB");
    snap(&s, "stats", "gazette stats", &text);
    snap(&s, "stats_json", "gazette stats --json", &pretty(&v));
}

#[test]
fn check() {
    let f = Fixture::corpus();
    both(&f, "check_corpus", &["check", "corpus"]);
}

/// `check` where the sources and the archive disagree: exit 1, every list filled.
#[test]
fn check_differences() {
    let f = Fixture::empty();
    let src = f.dir("news");
    let write = |name: &str, text: &str| std::fs::write(src.join(name), text).expect("written");
    write("one.txt", "---\ntitle: One\nid: one\n---\nAlice Smith said \"hello there\" to the crowd.\n");
    write("two.txt", "---\ntitle: Two\nid: two\n---\nBob Jones visited Paris.\n");
    let src_arg = src.display().to_string();
    assert_success(&f.run(&["index", &src_arg]), "index");
    write(
        "one.txt",
        "---\ntitle: One\nid: one\n---\nAlice Smith said \"hello there\" to the crowd.\n\nMore.\n",
    );
    std::fs::remove_file(src.join("two.txt")).expect("removed");
    write("three.txt", "---\ntitle: Three\nid: three\n---\nCarol went home.\n");
    write("bad.json", "garbage\n");
    let text = f.run(&["check", &src_arg]);
    let v = f.run(&["check", &src_arg, "--json"]);
    assert_eq!(text.status.code(), Some(1), "check exits 1 on differences");
    assert_eq!(v.status.code(), Some(1), "check --json exits 1 on differences");
    let v = json_line(&v, "check --json");
    let text = crate::common::stdout(&text);
    let s = f.settings();
    snap(&s, "check_differences", &describe(&f, &["check", &src_arg]), &text);
    snap(&s, "check_differences_json", &describe(&f, &["check", &src_arg, "--json"]), &pretty(&v));
}

#[test]
fn duplicates() {
    let f = Fixture::corpus();
    both(&f, "duplicates_corpus", &["duplicates"]);
    both(&f, "duplicates_near_corpus", &["duplicates", "--near"]);
}

/// The corpus plus an exact copy of the seed article and a near copy (two sentences changed):
/// the index summary counts the duplicate, `duplicates` lists both kinds, `search` collapses the
/// near copy into `copies`, `show` lists the exact copy.
#[test]
fn duplicates_of_the_seed() {
    let f = Fixture::empty();
    let copies = f.dir("copies");
    let seed = std::fs::read_to_string(crate::common::repo().join(SEED)).expect("the seed article");
    std::fs::write(copies.join("exact-copy.txt"), &seed).expect("written");
    let near = seed
        .replacen("The unusual U.S. move signaled", "The unusual American move signaled", 1)
        .replacen("Cancellation of the talks", "The cancellation of the talks", 1);
    assert_ne!(near, seed);
    std::fs::write(copies.join("near-copy.txt"), near).expect("written");
    let copies_arg = copies.display().to_string();
    let mut v = json(&f.run(&["index", "corpus", &copies_arg, "--json"]), "index --json");
    redact(&mut v, "/seconds", "[seconds]");
    let what = describe(&f, &["index", "corpus", &copies_arg, "--json"]);
    snap(&f.settings(), "index_with_copies_json", &what, &pretty(&v));
    both(&f, "duplicates_exact", &["duplicates"]);
    both(&f, "duplicates_near", &["duplicates", "--near"]);
    both(&f, "search_with_copies", &["search", "hostages", "--snippets", "1", "--facets", "speaker"]);
    both(
        &f,
        "search_no_collapse",
        &["search", "hostages", "--no-collapse", "--snippets", "0", "--facets", "source"],
    );
    let id = seed_id(&f);
    let v = json(&f.run(&["show", &id, "--json"]), "show --json");
    let what = format!("{} --json: .duplicates", describe(&f, &["show", &id]));
    snap(&f.settings(), "show_seed_duplicates_json", &what, &pretty(&v["duplicates"]));
}

/// The contract `../shared/tools/evaluate.py` reads, and the human view of the same.
#[test]
fn extract_seed() {
    let f = Fixture::empty();
    let text = human(&f.run(&["extract", SEED]), "extract");
    let v = json(&f.run(&["extract", SEED, "--json"]), "extract --json");
    let s = f.settings();
    snap(&s, "extract_seed", &format!("gazette extract {SEED}"), &text);
    snap(&s, "extract_seed_json", &format!("gazette extract {SEED} --json"), &pretty(&v));
}
