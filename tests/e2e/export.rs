//! `gazette export`: the files other engines load, read back as those engines would (Parquet
//! with DuckDB and Spark, the Elasticsearch bulk files line by line, the Quickwit configs as
//! YAML), against the archive's own counts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value;

use crate::common::*;

/// The fields of `gazette export --json` (and of `export.json`).
pub const EXPORT_KEYS: [&str; 9] =
    ["format", "out", "since_batch", "last_batch", "articles", "quotes", "entities", "deleted", "files"];

/// corpus/ indexed once for the tests of this module.
fn corpus_index() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("idx");
        let o = run(&idx, &["index", repo().join("corpus").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        (dir, idx)
    })
    .1
}

fn export(idx: &Path, format: &str, out: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["export", "--format", format, "--out", out.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let o = run(idx, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, EXPORT_KEYS.into_iter().collect(), "the export --json contract changed");
    let saved: Value = serde_json::from_slice(&std::fs::read(out.join("export.json")).unwrap()).unwrap();
    assert_eq!(saved, v, "export.json is the summary printed");
    v
}

fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1)))
        .collect()
}

/// The documents of the bulk files `PREFIX-*.ndjson`, checked to be action/document pairs:
/// (index, _id, document).
fn bulk(out: &Path, name: &str) -> Vec<(String, String, Value)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let f = p.file_name().unwrap().to_string_lossy();
            f.starts_with(&format!("{name}-")) && f.ends_with(".ndjson")
        })
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let l = lines(&f);
        assert_eq!(l.len() % 2, 0, "{}: an odd number of lines", f.display());
        for pair in l.chunks(2) {
            let action =
                pair[0]["index"].as_object().unwrap_or_else(|| panic!("not an index action: {}", pair[0]));
            assert_eq!(pair[0].as_object().unwrap().len(), 1);
            assert!(pair[1].is_object() && pair[1].get("index").is_none(), "a document after each action");
            docs.push((
                action["_index"].as_str().unwrap().to_string(),
                action["_id"].as_str().unwrap().to_string(),
                pair[1].clone(),
            ));
        }
    }
    docs
}

fn stats(idx: &Path) -> Value {
    json(&run(idx, &["stats", "--json"]))
}

#[test]
fn elasticsearch_bulk_files_are_action_document_pairs_with_the_archive_ids_and_counts() {
    let idx = corpus_index();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("es");
    let v = export(idx, "elasticsearch", &out, &[]);
    let st = stats(idx);
    for (name, count) in [("articles", &st["articles"]), ("quotes", &st["quotes"])] {
        let docs = bulk(&out, name);
        assert_eq!(Some(docs.len() as u64), count.as_u64(), "{name}: one document per {name} of the archive");
        assert_eq!(v[name], *count);
        let ids: BTreeSet<&str> = docs.iter().map(|d| d.1.as_str()).collect();
        assert_eq!(ids.len(), docs.len(), "{name}: ids are unique");
        assert!(docs.iter().all(|d| d.0 == format!("gazette-{name}") && d.2["id"] == d.1));
        // the mapping is strict: every field of every document must be mapped
        let mapping: Value = serde_json::from_slice(
            &std::fs::read(out.join(format!("mappings/gazette-{name}.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(mapping["mappings"]["dynamic"], "strict");
        let props = mapping["mappings"]["properties"].as_object().unwrap();
        for (_, _, d) in &docs {
            for k in d.as_object().unwrap().keys() {
                assert!(props.contains_key(k), "{name}: field {k} is not in the mapping");
            }
        }
        let analyzer = &mapping["settings"]["analysis"]["analyzer"]["gazette_words"];
        assert_eq!(analyzer["tokenizer"], "gazette_simple");
    }
    // every article id of the archive, and a quote's id is its article's id and its ordinal
    let shown =
        json(&run(idx, &["show", "corpus/2024-03-25-un-security-council-gaza-ceasefire.txt", "--json"]));
    let articles = bulk(&out, "articles");
    let seed = articles
        .iter()
        .find(|d| d.1 == "corpus/2024-03-25-un-security-council-gaza-ceasefire.txt")
        .expect("the seed article");
    assert_eq!(seed.2["title"], shown["title"]);
    assert_eq!(
        seed.2["text"].as_str().unwrap().split("\n\n").count(),
        shown["paragraphs"].as_array().unwrap().len()
    );
    let quotes = bulk(&out, "quotes");
    let seed_quotes: Vec<&Value> = quotes.iter().filter(|d| d.2["article"] == seed.1).map(|d| &d.2).collect();
    assert_eq!(seed_quotes.len(), shown["quotes"].as_array().unwrap().len());
    assert!(seed_quotes.iter().all(|q| q["id"] == format!("{}#{}", seed.1, q["ord"])));
    // a second export writes the same documents (stable ids: reloading replaces)
    let again = dir.path().join("es2");
    export(idx, "elasticsearch", &again, &[]);
    assert_eq!(bulk(&again, "articles"), articles);
}

#[test]
fn quickwit_configs_parse_as_yaml_and_name_only_fields_of_the_documents() {
    let idx = corpus_index();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("qw");
    export(idx, "quickwit", &out, &["--prefix", "news"]);
    for name in ["articles", "quotes"] {
        let text = std::fs::read_to_string(out.join(format!("news-{name}.yaml"))).unwrap();
        let config: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        assert_eq!(config["index_id"].as_str(), Some(format!("news-{name}").as_str()));
        let mapping = &config["doc_mapping"];
        assert_eq!(mapping["mode"].as_str(), Some("strict"));
        let fields: BTreeMap<String, serde_yaml::Value> = mapping["field_mappings"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|f| (f["name"].as_str().unwrap().to_string(), f.clone()))
            .collect();
        let docs = lines(&out.join(format!("{name}.ndjson")));
        assert_eq!(Some(docs.len() as u64), stats(idx)[name].as_u64());
        let keys: BTreeSet<String> =
            docs.iter().flat_map(|d| d.as_object().unwrap().keys().cloned()).collect();
        let named: BTreeSet<String> = fields.keys().cloned().collect();
        assert_eq!(named, keys, "{name}: the config names exactly the fields of the documents");
        let ts = mapping["timestamp_field"].as_str().unwrap();
        assert_eq!(fields[ts]["type"].as_str(), Some("datetime"));
        assert_eq!(fields[ts]["fast"].as_bool(), Some(true), "Quickwit's timestamp field must be fast");
        let tokenizers: Vec<&str> = mapping["tokenizers"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        for f in fields.values() {
            if let Some(t) = f["tokenizer"].as_str() {
                assert!(t == "raw" || tokenizers.contains(&t), "{name}: tokenizer {t} is not declared");
            }
        }
        for d in &docs {
            if let Some(date) = d["date"].as_str() {
                assert!(date.ends_with('Z') && date.len() == 20, "an RFC 3339 date in UTC: {date}");
            }
        }
    }
}

#[test]
fn an_export_replaces_an_earlier_one_in_its_folder_and_refuses_a_folder_of_other_files() {
    let idx = corpus_index();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("es");
    export(idx, "elasticsearch", &out, &[]);
    // a bulk file of an earlier, larger export, listed in its export.json
    std::fs::write(out.join("articles-000009.ndjson"), "{}\n{}\n").unwrap();
    let mut m: Value = serde_json::from_slice(&std::fs::read(out.join("export.json")).unwrap()).unwrap();
    m["files"].as_array_mut().unwrap().push("articles-000009.ndjson".into());
    std::fs::write(out.join("export.json"), m.to_string()).unwrap();
    export(idx, "parquet", &out, &[]);
    assert!(!out.join("articles-000009.ndjson").exists(), "a stale bulk file would be loaded again");
    assert!(!out.join("articles-000001.ndjson").exists(), "the earlier export's files are gone");
    assert!(out.join("quotes.parquet").exists());
    // a folder of other files is left alone
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("notes.txt"), "mine").unwrap();
    let o = run(idx, &["export", "--format", "parquet", "--out", other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is not empty") && stderr(&o).contains("other"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(other.join("notes.txt")).unwrap(), "mine");
    assert_eq!(std::fs::read_dir(&other).unwrap().count(), 1);
    // a folder that cannot be made: the error names it
    std::fs::write(dir.path().join("file"), "").unwrap();
    let bad = dir.path().join("file").join("sub");
    let o = run(idx, &["export", "--format", "quickwit", "--out", bad.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let err: Value = serde_json::from_slice(&o.stderr).expect("the error as JSON under --json");
    assert!(err["error"].as_str().unwrap().contains(bad.to_str().unwrap()), "{err}");
}

fn write_story(dir: &Path, name: &str, body: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join(format!("{name}.txt")),
        format!("Story {name}\n\n\"{body},\" said Mary Stone, the mayor of Harbor City.\n"),
    )
    .unwrap();
}

#[test]
fn an_export_since_a_batch_holds_exactly_what_was_added_and_changed_and_lists_the_removed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    for n in ["a", "b", "c"] {
        write_story(&src, n, &format!("The harbour reopens in story {n}"));
    }
    let idx = dir.path().join("idx");
    run(&idx, &["index", src.to_str().unwrap()]);
    let first = export(&idx, "elasticsearch", &dir.path().join("full"), &[]);
    assert_eq!(first["articles"], 3);
    let last = first["last_batch"].as_u64().unwrap();
    // b changes, d is new, c is removed
    write_story(&src, "b", "The harbour stays closed after all");
    write_story(&src, "d", "A new ferry line opens");
    std::fs::remove_file(src.join("c.txt")).unwrap();
    let o = run(&idx, &["index", src.to_str().unwrap(), "--prune", "--json"]);
    assert_eq!(json(&o)["removed"], 1, "{}", stderr(&o));
    let out = dir.path().join("since");
    let v = export(&idx, "elasticsearch", &out, &["--since-batch", &last.to_string()]);
    let ids: BTreeSet<String> = bulk(&out, "articles").into_iter().map(|d| d.1).collect();
    assert_eq!(ids, ["src/b.txt", "src/d.txt"].iter().map(|s| s.to_string()).collect());
    let quote_articles: BTreeSet<String> =
        bulk(&out, "quotes").into_iter().map(|d| d.2["article"].as_str().unwrap().to_string()).collect();
    assert_eq!(quote_articles, ids, "the quotes of the added and changed articles only");
    assert_eq!(v["deleted"], serde_json::json!(["src/c.txt"]));
    let deletes = lines(&out.join("deletes.ndjson"));
    assert_eq!(
        deletes,
        vec![serde_json::json!({"delete": {"_index": "gazette-articles", "_id": "src/c.txt"}})]
    );
    assert_eq!(std::fs::read_to_string(out.join("deleted.txt")).unwrap(), "src/c.txt\n");
    // the quotes to drop before loading: those of the replaced and the removed articles
    let by_query: Value =
        serde_json::from_slice(&std::fs::read(out.join("quotes-delete-by-query-000001.json")).unwrap())
            .unwrap();
    let dropped: BTreeSet<&str> = by_query["query"]["terms"]["article"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(dropped, ["src/b.txt", "src/c.txt", "src/d.txt"].into_iter().collect());
    assert!(v["last_batch"].as_u64().unwrap() > last);
    // nothing new since the last batch: an empty export; a batch after it: refused
    let next = v["last_batch"].as_u64().unwrap().to_string();
    let empty = export(&idx, "parquet", &dir.path().join("empty"), &["--since-batch", &next]);
    assert_eq!((empty["articles"].as_u64(), empty["quotes"].as_u64()), (Some(0), Some(0)));
    let later = (v["last_batch"].as_u64().unwrap() + 1).to_string();
    let o = run(
        &idx,
        &[
            "export",
            "--format",
            "parquet",
            "--out",
            dir.path().join("x").to_str().unwrap(),
            "--since-batch",
            &later,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("after the archive's last batch"), "{}", stderr(&o));
    // a pruned article indexed again is exported, not deleted
    write_story(&src, "c", "The harbour reopens in story c");
    run(&idx, &["index", src.to_str().unwrap()]);
    let back = export(&idx, "quickwit", &dir.path().join("back"), &["--since-batch", &last.to_string()]);
    assert_eq!(back["deleted"], serde_json::json!([]));
    assert_eq!(back["articles"], 3);
    let deletes = std::fs::read_to_string(dir.path().join("back/delete-queries.txt")).unwrap();
    assert!(deletes
        .lines()
        .any(|l| l.starts_with("gazette-quotes\tarticle:IN [") && l.contains("\"src/c.txt\"")));
}

/// Runs a Python snippet with `args`; fails saying so when python3 or `modules` is missing.
fn python(modules: &str, code: &str, args: &[&str]) -> String {
    let probe = Command::new("python3").args(["-c", &format!("import {modules}")]).output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "this test needs python3 with {modules} (pip install {modules}; .ci/run installs them)"
    );
    let o = Command::new("python3").arg("-c").arg(code).args(args).output().expect("python3 runs");
    assert!(o.status.success(), "python failed: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Quotes per month of one speaker, as gazette counts them (every quote, no collapsing).
fn gazette_months(idx: &Path, speaker: &str) -> BTreeMap<String, u64> {
    let v = json(&run(
        idx,
        &["quotes", "--speaker", speaker, "--no-collapse", "--by-date", "month", "--limit", "0", "--json"],
    ));
    v["facets"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["count"].as_u64() > Some(0))
        .map(|d| (d["period"].as_str().unwrap().to_string(), d["count"].as_u64().unwrap()))
        .collect()
}

#[test]
#[ignore = "needs python3 with duckdb and pyyaml (pip install duckdb pyyaml): .ci/run installs them"]
fn parquet_read_back_with_duckdb_gives_the_archive_counts_and_quotes_per_speaker_per_month() {
    let idx = corpus_index();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    export(idx, "parquet", &out, &[]);
    let code = r#"
import duckdb, json, sys
c = duckdb.connect()
c.execute("SET TimeZone='UTC'")
d = sys.argv[1]
q = lambda sql: c.execute(sql.replace('$', d)).fetchall()
r = {t: q(f"select count(*) from '$/{t}.parquet'")[0][0] for t in ['articles', 'quotes', 'entities']}
r['types'] = dict((n, t) for n, t, *_ in q("describe select * from '$/quotes.parquet'"))
r['distinct'] = dict(q("select kind, count(distinct (article, name)) from '$/entities.parquet' group by kind"))
r['speakers'] = dict(q("select speaker, count(*) from '$/quotes.parquet' where speaker is not null group by speaker"))
r['months'] = [list(x) for x in q("select speaker, strftime(date, '%Y-%m'), count(*) from '$/quotes.parquet' where speaker is not null and date is not null group by all")]
r['row_groups'] = q("select max(row_group_id) + 1 from parquet_metadata('$/quotes.parquet')")[0][0]
print(json.dumps(r))
"#;
    let r: Value = serde_json::from_str(&python("duckdb", code, &[out.to_str().unwrap()])).unwrap();
    let st = stats(idx);
    assert_eq!(r["articles"], st["articles"]);
    assert_eq!(r["quotes"], st["quotes"]);
    assert_eq!(r["types"]["date"], "TIMESTAMP WITH TIME ZONE", "dates are timestamps");
    assert_eq!(r["types"]["ord"], "UBIGINT");
    assert_eq!(r["row_groups"], 1);
    // entities: each (article, name) once, as the facets count them
    let mut entity_rows = 0;
    for (kind, facet) in [("person", "persons"), ("org", "organizations"), ("place", "places")] {
        let f = json(&run(idx, &["facets", facet, "--size", "100000", "--json"]));
        let sum: u64 = f[kind].as_array().unwrap().iter().map(|v| v["count"].as_u64().unwrap()).sum();
        assert_eq!(r["distinct"][kind].as_u64(), Some(sum), "{kind}: DuckDB and gazette's facets");
        entity_rows += sum;
    }
    assert!(r["entities"].as_u64().unwrap() >= entity_rows);
    // quotes per speaker: DuckDB's group by and gazette's speaker facet over all quotes
    let f = json(&run(
        idx,
        &[
            "quotes",
            "--no-collapse",
            "--facets",
            "speaker",
            "--facet-size",
            "100000",
            "--limit",
            "0",
            "--json",
        ],
    ));
    let facet: BTreeMap<String, u64> = f["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["value"].as_str().unwrap().to_string(), v["count"].as_u64().unwrap()))
        .collect();
    let duck: BTreeMap<String, u64> =
        r["speakers"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap())).collect();
    assert_eq!(duck, facet);
    // quotes per speaker per month, for the five most quoted speakers
    let mut top: Vec<(&String, &u64)> = duck.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (speaker, _) in top.into_iter().take(5) {
        let months: BTreeMap<String, u64> = r["months"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m[0] == speaker.as_str())
            .map(|m| (m[1].as_str().unwrap().to_string(), m[2].as_u64().unwrap()))
            .collect();
        assert_eq!(months, gazette_months(idx, speaker), "{speaker}: quotes by month");
    }
}

#[test]
#[ignore = "needs pyspark and Java 17 (pip install pyspark): .ci/run installs pyspark"]
fn the_spark_example_reads_the_parquet_export_and_ranks_speakers_by_month() {
    let idx = corpus_index();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pq");
    export(idx, "parquet", &out, &[]);
    let probe = Command::new("python3").args(["-c", "import pyspark"]).output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "pyspark is not installed: pip install pyspark (Spark also needs Java 17)"
    );
    let script = repo().join("examples").join("spark_top_speakers.py");
    let o = Command::new("python3")
        .arg(&script)
        .arg(&out)
        .args(["--top", "1", "--json"])
        .env("SPARK_MASTER", "local[1]")
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<Value> =
        String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() > 10, "a top speaker for each month with quotes: {rows:?}");
    // each month's top speaker has, in gazette, that many quotes that month
    for r in rows.iter().filter(|r| r["quotes"].as_u64() >= Some(3)) {
        let months = gazette_months(idx, r["speaker"].as_str().unwrap());
        assert_eq!(months.get(r["month"].as_str().unwrap()), r["quotes"].as_u64().as_ref(), "{r}");
    }
}
