//! End-to-end tests of search: highlights of what matched, filters, facet counts, histograms.

use std::collections::BTreeMap;

use crate::common::*;

fn corpus_index(dir: &std::path::Path) -> std::path::PathBuf {
    let idx = dir.join("idx");
    let o = run(&idx, &["index", repo().join("corpus").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    idx
}

/// Every highlighted string of every snippet of every hit.
fn highlighted(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for h in v["hits"].as_array().unwrap() {
        for sn in h["snippets"].as_array().unwrap() {
            let text = sn["text"].as_str().unwrap();
            for r in sn["highlights"].as_array().unwrap() {
                out.push(text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize].to_string());
            }
        }
    }
    out
}

#[test]
fn highlights_mark_exactly_what_matched() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    let prefix = highlighted(&json(&run(&idx, &["search", "hostag*", "--json"])));
    assert!(!prefix.is_empty());
    assert!(prefix.iter().all(|w| w.to_lowercase().starts_with("hostag")), "{prefix:?}");
    let phrase = highlighted(&json(&run(&idx, &["search", "\"cease-fire resolution\"", "--json"])));
    assert_eq!(
        phrase,
        ["cease-fire resolution"],
        "the phrase where it stands whole, not each of its words elsewhere"
    );
    let fuzzy = highlighted(&json(&run(&idx, &["search", "netanyahoo~", "--json"])));
    assert!(!fuzzy.is_empty() && fuzzy.iter().all(|w| w == "Netanyahu"), "{fuzzy:?}");
    // netanyahoo is two edits from netanyahu: one edit finds nothing, and says so.
    assert_eq!(json(&run(&idx, &["search", "netanyahoo~1", "--json"]))["total"], 0);
    let stems = highlighted(&json(&run(&idx, &["search", "negotiations", "--json"])));
    assert!(stems.iter().all(|w| w.to_lowercase().starts_with("negotiat")), "{stems:?}");
}

#[test]
fn prefixes_match_words_as_written_not_stems() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    let v = json(&run(&idx, &["search", "negotiat*", "--json"]));
    assert!(v["total"].as_u64().unwrap() >= 2, "{v}");
}

#[test]
fn a_speaker_filter_keeps_the_other_speakers_counts_visible() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    let v = json(&run(
        &idx,
        &["search", "cease-fire", "--speaker", "Benny Gantz", "--since", "2024-01-01", "--json"],
    ));
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["date"], "2024-03-25");
    let speakers: Vec<&str> =
        v["facets"]["speaker"].as_array().unwrap().iter().map(|s| s["value"].as_str().unwrap()).collect();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/data/un-security-council-gaza-ceasefire.json")).unwrap(),
    )
    .unwrap();
    let mut expected: Vec<&str> =
        gold["speaker_descriptions"].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    expected.sort();
    assert_eq!(speakers, expected, "every speaker of the article");
    // each speaker's description, as the gold gives it
    let id = v["hits"][0]["id"].as_str().unwrap();
    let shown = json(&run(&idx, &["show", id, "--json"]));
    for (name, description) in gold["speaker_descriptions"].as_object().unwrap() {
        let q = shown["quotes"].as_array().unwrap().iter().find(|q| q["speaker"] == name.as_str());
        assert_eq!(q.map(|q| &q["description"]), Some(description), "{name}");
    }
    assert!(v["multi_select"].as_array().unwrap().iter().any(|k| k == "speaker"));
    let none = json(&run(
        &idx,
        &["search", "cease-fire", "--speaker", "Benny Gantz", "--until", "2023-12-31", "--json"],
    ));
    assert_eq!(none["total"], 0);
}

#[test]
fn filters_of_one_kind_or_and_of_different_kinds_and() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    let total = |args: &[&str]| -> u64 {
        let mut a = vec!["search", "the", "--json"];
        a.extend_from_slice(args);
        json(&run(&idx, &a))["total"].as_u64().unwrap()
    };
    let gallant = total(&["--person", "Yoav Gallant"]);
    let boeing = total(&["--org", "Boeing"]);
    assert!(gallant >= 1 && boeing >= 1);
    assert_eq!(total(&["--person", "Yoav Gallant", "--org", "Boeing"]), 0);
    assert_eq!(total(&["--org", "Hamas", "--org", "Boeing"]), total(&["--org", "Hamas"]) + boeing);
    assert_eq!(total(&["--person", "gallant"]), gallant, "a surname alone, any case");
}

#[test]
fn quotes_by_speaker_name_or_surname() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    let ross = json(&run(&idx, &["quotes", "--speaker", "Dennis Ross", "--json"]));
    let texts: Vec<&str> =
        ross["quotes"].as_array().unwrap().iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Maybe the most important thing")));
    assert!(texts.contains(&"a pretty potent symbol,"));
    let kirby = json(&run(&idx, &["quotes", "--speaker", "kirby", "--json"]));
    let qs = kirby["quotes"].as_array().unwrap();
    assert_eq!(qs.len(), 2);
    assert!(qs
        .iter()
        .all(|q| q["speaker"] == "John Kirby" && q["description"] == "National Security Council spokesman"));
    let tg = json(&run(&idx, &["quotes", "--speaker", "thomas-greenfield", "--json"]));
    assert_eq!(tg["total"], 2);
    // Entity filters reach quotes through their article.
    let rafah = json(&run(&idx, &["quotes", "--place", "Rafah", "--limit", "100", "--json"]));
    let quotes = rafah["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 16, "{}", quotes.len());
    assert!(quotes.iter().all(|q| q["title"].as_str().unwrap().starts_with("U.N. Security Council")));
    let both = json(&run(&idx, &["quotes", "--place", "Rafah", "--speaker", "Dennis Ross", "--json"]));
    assert_eq!(both["total"], 2);
    let phrase = json(&run(&idx, &["quotes", "\"potent symbol\"", "--json"]));
    assert_eq!(phrase["quotes"][0]["speaker"], "Dennis Ross");
}

#[test]
fn source_and_speaker_counts_match_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    // Every bundled JSON Lines article has source "Wikinews"; the seed article has none.
    let mut wikinews = 0;
    for f in ["wikinews-gum.jsonl", "wikinews-meantime.jsonl"] {
        wikinews += std::fs::read_to_string(repo().join("corpus").join(f))
            .unwrap()
            .lines()
            .filter(|l| l.contains("\"source\": \"Wikinews\""))
            .count() as u64;
    }
    let v = json(&run(&idx, &["facets", "sources", "--json"]));
    assert_eq!(v["source"], serde_json::json!([{"value": "Wikinews", "count": wikinews}]));
    let sp = json(&run(&idx, &["facets", "speakers", "cease-fire", "--size", "100", "--json"]));
    let kirby = sp["speaker"].as_array().unwrap().iter().find(|s| s["value"] == "John Kirby").unwrap();
    assert_eq!(kirby["count"], 1);
}

#[test]
#[ignore = "needs ../shared/data"]
fn month_histogram_equals_a_brute_force_count() {
    let reuters = shared_data("reuters-21578.jsonl.gz");
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    run(&idx, &["index", reuters.to_str().unwrap()]);
    let v = json(&run(
        &idx,
        &["search", "\"crude oil\"", "--facets", "date", "--by-date", "month", "--limit", "1", "--json"],
    ));
    let got: BTreeMap<String, u64> = v["facets"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["count"].as_u64() != Some(0)) // the empty months between
        .map(|d| (d["period"].as_str().unwrap().to_string(), d["count"].as_u64().unwrap()))
        .collect();

    // Brute force: tokenize like the index (alphanumeric runs, lowercased), look for the two
    // words in a row in the title or a paragraph, count each distinct text once.
    use std::io::BufRead;
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
    };
    let has = |s: &str| words(s).windows(2).any(|w| w[0] == "crude" && w[1] == "oil");
    let mut seen = std::collections::HashSet::new();
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    let file = std::fs::File::open(&reuters).unwrap();
    for line in std::io::BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
        let r: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        let (title, text, date) = (
            r["title"].as_str().unwrap_or(""),
            r["text"].as_str().unwrap_or(""),
            r["date"].as_str().unwrap_or(""),
        );
        let norm: Vec<&str> = text.split_whitespace().collect();
        let key = if norm.is_empty() {
            format!("title-only\0{date}\0{}", title.split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            norm.join(" ")
        };
        if (title.trim().is_empty() && text.trim().is_empty()) || !seen.insert(key) {
            continue;
        }
        if (has(title) || text.split("\n\n").any(has)) && date.len() >= 7 {
            *want.entry(date[..7].to_string()).or_default() += 1;
        }
    }
    assert!(!want.is_empty());
    assert_eq!(got, want);
    assert_eq!(v["total"].as_u64().unwrap(), want.values().sum::<u64>());
}

#[test]
fn facets_persons_of_the_seed_article_are_its_real_names_each_once() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let seed = repo().join("corpus").join("2024-03-25-un-security-council-gaza-ceasefire.txt");
    assert_eq!(run(&idx, &["index", seed.to_str().unwrap()]).status.code(), Some(0));
    let v = json(&run(&idx, &["facets", "persons", "--size", "100", "--json"]));
    let listed: Vec<(String, u64)> = v["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["value"].as_str().unwrap().to_string(), p["count"].as_u64().unwrap()))
        .collect();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/data/un-security-council-gaza-ceasefire.json")).unwrap(),
    )
    .unwrap();
    let persons: Vec<Vec<String>> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "person")
        .map(|e| e["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect())
        .collect();
    for (name, count) in &listed {
        assert_eq!(*count, 1, "{name}: one article");
        assert!(persons.iter().any(|names| names.contains(name)), "{name} is not a person of the article");
    }
    for names in &persons {
        let hits = listed.iter().filter(|(n, _)| names.contains(n)).count();
        assert_eq!(hits, 1, "{names:?} listed once");
    }
}

/// Articles of our own writing with Title-Case headlines and speakers introduced with their
/// roles: the speaker and persons facets hold names only, never role words or headline words.
#[test]
fn title_case_headlines_and_roles_stay_out_of_the_speaker_and_persons_facets() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news.jsonl");
    let articles = [
        serde_json::json!({"id": "a1", "title": "Senator Slams Budget Deal, Governor Fires Back", "date": "2024-05-02",
            "text": "Senator Slams Budget Deal, Governor Fires Back\n\nState Sen. Paul Hale criticized the budget deal on Tuesday.\n\n“This budget is a fraud,” Hale said at a news conference.\n\nGov. Mary Stone answered within the hour. “The senator has not read it,” Stone said."}),
        serde_json::json!({"id": "a2", "title": "Harbor Workers Strike As Talks Collapse", "date": "2024-05-03",
            "text": "Harbor Workers Strike As Talks Collapse\n\nHarbor Union spokesman Tom Reed said the talks had failed.\n\n“We waited two years,” said union economist Ana Ruiz. “Nobody listened.”"}),
    ];
    std::fs::write(&src, articles.iter().map(|a| a.to_string() + "\n").collect::<String>()).unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let values = |field: &str, key: &str| -> Vec<String> {
        let v = json(&run(&idx, &["facets", field, "--size", "100", "--json"]));
        v[key]
            .as_array()
            .unwrap_or_else(|| panic!("no {key} in {v}"))
            .iter()
            .map(|p| p["value"].as_str().unwrap().to_string())
            .collect()
    };
    let mut speakers = values("speakers", "speaker");
    speakers.sort();
    assert_eq!(speakers, ["Ana Ruiz", "Mary Stone", "Paul Hale"]);
    let persons = values("persons", "person");
    for p in &persons {
        let words: Vec<&str> = p.split_whitespace().collect();
        assert!(
            !words.iter().any(|w| [
                "Slams",
                "Fires",
                "Strike",
                "Talks",
                "Collapse",
                "Senator",
                "Governor",
                "spokesman",
                "economist",
                "Sen.",
                "Gov."
            ]
            .contains(w)),
            "{p} in the persons facet: {persons:?}"
        );
    }
    for name in ["Paul Hale", "Mary Stone", "Tom Reed", "Ana Ruiz"] {
        assert!(persons.iter().any(|p| p == name), "{name} missing from the persons facet: {persons:?}");
    }
}

#[test]
fn a_query_word_may_start_with_a_hyphen_and_means_without_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ix = corpus_index(dir.path());
    let all = json(&run(&ix, &["search", "-zzzunseen", "--json"]))["total"].as_u64().expect("a total");
    let with = json(&run(&ix, &["search", "hamas", "--json"]))["total"].as_u64().expect("a total");
    // "-hamas" is an exclusion, not `-h` (help) followed by letters
    let o = run(&ix, &["search", "-hamas", "--json", "--limit", "1"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    let without = json(&o)["total"].as_u64().expect("a total");
    assert!(with > 0 && without == all - with, "all {all}, with {with}, without {without}");
    // after a word, and before flags, in quotes and facets too
    let o = run(&ix, &["search", "gaza", "-rafah", "--limit", "2", "--json"]);
    assert!(o.status.success(), "{}", crate::common::stderr(&o));
    assert_eq!(json(&o)["query"], "gaza -rafah");
    assert!(run(&ix, &["quotes", "-hamas", "--limit", "1", "--json"]).status.success());
    assert!(run(&ix, &["facets", "speakers", "-hamas", "--size", "2", "--json"]).status.success());
}

#[test]
fn open_date_ranges_and_huge_pages_are_answered_not_crashed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ix = corpus_index(dir.path());
    // `date:[* TO *]`: every dated article (it panicked inside Tantivy)
    let o = run(&ix, &["search", "date:[* TO *]", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dated = json(&o)["total"].as_u64().expect("a total");
    let all = json(&run(&ix, &["search", "-zzzunseen", "--json"]))["total"].as_u64().expect("a total");
    assert!(dated > 0 && dated <= all, "dated {dated}, all {all}");
    // a limit or an offset near 1e9 is refused with the bound, not allocated
    for args in [
        ["search", "gaza", "--limit", "1000000000"],
        ["search", "gaza", "--offset", "1000000000"],
        ["quotes", "gaza", "--limit", "1000000000"],
    ] {
        let o = run(&ix, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("at most"), "{args:?}: {}", stderr(&o));
    }
    // past the end: said in words
    let o = run(&ix, &["search", "gaza", "--offset", "50"]);
    assert!(stdout(&o).contains("showing none of them"), "{}", stdout(&o));
}

/// A long-lived reader counts facets from vectors decoded once (`Searchers::decode_facets`):
/// every answer must be the one the columns give, merged names, hidden values, filters (the
/// multi-select counts), date histograms and sorting included.
#[test]
fn decoded_facets_answer_exactly_as_the_columns_do() {
    use gazette::search::{DateBucket, Filters, Request, Searchers, Sort};
    let dir = tempfile::tempdir().unwrap();
    let idx = corpus_index(dir.path());
    // two places the seed article names together, merged: its document holds two forms of one
    // name (the collision path); and a hidden value
    for args in [&["alias", "merge", "Israel", "Gaza"][..], &["alias", "hide", "Rafah"][..]] {
        let o = run(&idx, args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let open = || Searchers::new(gazette::index::Archive::open(&idx).unwrap()).unwrap();
    let (columns, decoded) = (open(), open().decode_facets().unwrap());
    let all = ["speaker", "person", "org", "place", "source", "date"].map(String::from).to_vec();
    let mut requests = Vec::new();
    for (query, speakers, places, sort) in [
        ("gaza", vec![], vec![], Sort::Relevance),
        ("", vec![], vec![], Sort::DateDescending),
        ("said", vec![], vec!["Israel".to_string()], Sort::Relevance),
        ("the", vec!["Linda Thomas-Greenfield".to_string()], vec![], Sort::DateAscending),
        ("election OR government", vec![], vec![], Sort::Relevance),
    ] {
        // a few values shown (the rare values are never counted when the frequent ones settle
        // them) and many (they are)
        for (by_date, facet_size) in
            [(DateBucket::Year, 50), (DateBucket::Month, 3), (DateBucket::Day, 50), (DateBucket::Day, 1)]
        {
            requests.push(Request {
                query: query.to_string(),
                filters: Filters { speakers: speakers.clone(), places: places.clone(), ..Default::default() },
                sort,
                facets: all.clone(),
                facet_size,
                by_date,
                ..Default::default()
            });
        }
    }
    let mut merged_seen = false;
    for r in &requests {
        let (a, b) = (columns.search(r), decoded.search(r));
        let (a, b) =
            (a.map(|x| serde_json::to_value(x).unwrap()), b.map(|x| serde_json::to_value(x).unwrap()));
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "query {:?}", r.query);
                assert!(a["total"].as_u64().unwrap() > 0, "query {:?} finds articles", r.query);
                merged_seen |=
                    a["facets"]["place"].as_array().unwrap().iter().any(|v| v["value"] == "Israel");
                assert!(
                    !a["facets"]["place"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|v| v["value"] == "Gaza" || v["value"] == "Rafah"),
                    "merged and hidden values are not listed: {}",
                    a["facets"]["place"]
                );
            }
            (a, b) => assert_eq!(a.is_err(), b.is_err(), "query {:?}", r.query),
        }
    }
    assert!(merged_seen, "the merged place is counted");
    let q = Request { facets: vec!["speaker".into(), "date".into()], ..Default::default() };
    let (a, b) = (columns.quotes(&q).unwrap(), decoded.quotes(&q).unwrap());
    assert_eq!(serde_json::to_value(&a).unwrap(), serde_json::to_value(&b).unwrap());
    assert!(!a.facets.values["speaker"].is_empty());
}

/// A bare word finds the other words of its stem, also where the stem's last letter stands for
/// another one ("companies" and "company" both stem to "compani"), and marks them.
#[test]
fn a_bare_word_finds_every_word_of_its_stem() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    std::fs::create_dir_all(&src).unwrap();
    for (name, body) in [
        ("one", "The company said its profits rose in the third quarter."),
        ("two", "Three companies bid for the harbour contract on Monday."),
        ("three", "The harbour reopened after the storm."),
    ] {
        std::fs::write(
            src.join(format!("{name}.txt")),
            format!("---\ntitle: Story {name}\ndate: 2024-05-01\nsource: Test Wire\n---\n\n{body}\n"),
        )
        .unwrap();
    }
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    for q in ["companies", "company"] {
        let v = json(&run(&idx, &["search", q, "--json"]));
        assert_eq!(v["total"], 2, "{q}: {v}");
        let mut marked = highlighted(&v);
        marked.sort();
        assert_eq!(marked, ["companies", "company"], "{q}");
    }
}
