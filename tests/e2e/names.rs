//! People across the archive: one name per person (the archive's own merges), and the aliases
//! the user controls, applied at query time without reindexing.

use std::path::Path;

use crate::common::*;

fn article(dir: &Path, name: &str, date: &str, body: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join(format!("{name}.txt")),
        format!("---\ntitle: Story {name}\ndate: {date}\nsource: Test Wire\n---\n\n{body}\n"),
    )
    .unwrap();
}

/// A facet (`speakers`, `places`...: its JSON key is `kind`) as (value, count) pairs, with more
/// arguments for `facets`.
fn facet(idx: &Path, field: &str, kind: &str, args: &[&str]) -> Vec<(String, u64)> {
    let mut a = vec!["facets", field, "--json"];
    a.extend_from_slice(args);
    let o = run(idx, &a);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    json(&o)[kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["value"].as_str().unwrap().to_string(), v["count"].as_u64().unwrap()))
        .collect()
}

/// The speaker facet as (value, count) pairs.
fn speakers(idx: &Path) -> Vec<(String, u64)> {
    facet(idx, "speakers", "speaker", &[])
}

fn pairs(v: &[(&str, u64)]) -> Vec<(String, u64)> {
    v.iter().map(|(n, c)| (n.to_string(), *c)).collect()
}

#[test]
fn a_surname_alone_in_a_later_article_is_the_full_name_of_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(
        &src,
        "a",
        "2024-03-01",
        "Senator Paul Hale spoke to reporters in Kingsport on Monday.\n\n\"We will not accept these cuts,\" Hale said.",
    );
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    // a later run adds an article that gives the surname only, about the same town: the two
    // articles share a rare companion, the evidence a lone surname needs
    article(
        &src,
        "b",
        "2024-03-05",
        "The budget deal for Kingsport is close.\n\n\"The deal is done when it is done,\" Hale said on Tuesday.",
    );
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(speakers(&idx), pairs(&[("Paul Hale", 2)]));
    let q = json(&run(&idx, &["quotes", "--speaker", "Paul Hale", "--json"]));
    assert_eq!(q["total"], 2, "{q}");
    let written: Vec<&str> =
        q["quotes"].as_array().unwrap().iter().filter_map(|h| h["speaker_as_written"].as_str()).collect();
    assert_eq!(written, ["Hale"], "the quote keeps the name as the article wrote it");
    assert!(q["quotes"].as_array().unwrap().iter().all(|h| h["speaker"] == "Paul Hale"));
    // --as-written shows the names as each article wrote them
    let o = json(&run(&idx, &["facets", "speakers", "--as-written", "--json"]));
    assert_eq!(
        o["speaker"],
        serde_json::json!([{"value": "Hale", "count": 1}, {"value": "Paul Hale", "count": 1}])
    );
    assert_eq!(json(&run(&idx, &["quotes", "--speaker", "Hale", "--as-written", "--json"]))["total"], 1);
    // the surname typed alone finds both, too
    assert_eq!(json(&run(&idx, &["quotes", "--speaker", "hale", "--json"]))["total"], 2);
    // show lists the forms merged into the name
    let s = json(&run(&idx, &["show", "news/b.txt", "--json"]));
    let names = s["names"].as_array().unwrap();
    assert!(
        names.iter().any(|n| n["kind"] == "speaker"
            && n["name"] == "Paul Hale"
            && n["forms"] == serde_json::json!(["Hale", "Paul Hale"])),
        "{s}"
    );
}

#[test]
fn a_surname_alone_in_an_article_about_something_else_stays_apart() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(&src, "a", "2024-03-01", "Senator Paul Hale spoke to reporters in Kingsport on Monday.\n\n\"We will not accept these cuts,\" Hale said.");
    article(
        &src,
        "b",
        "2024-03-05",
        "Rovers beat United in Ashbury.\n\n\"We played well,\" Hale said after the match.",
    );
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(speakers(&idx), pairs(&[("Hale", 1), ("Paul Hale", 1)]));
}

#[test]
fn two_full_names_with_one_surname_stay_apart_and_so_does_the_surname() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(
        &src,
        "a",
        "2024-03-01",
        "Paul Hale, a senator, spoke on Monday.\n\n\"We will not accept these cuts,\" Paul Hale said.",
    );
    article(
        &src,
        "b",
        "2024-03-02",
        "Ann Hale, a mayor, spoke on Monday.\n\n\"The city will pay,\" Ann Hale said.",
    );
    article(
        &src,
        "c",
        "2024-03-03",
        "The budget deal is close.\n\n\"The deal is done when it is done,\" Hale said on Tuesday.",
    );
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(speakers(&idx), pairs(&[("Ann Hale", 1), ("Hale", 1), ("Paul Hale", 1)]));
}

#[test]
fn alias_merge_split_and_hide_change_the_facets_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(
        &src,
        "a",
        "2024-03-01",
        "Senator Paul Hale spoke in Kingsport on Monday.\n\n\"We will not accept these cuts,\" Hale said.",
    );
    article(
        &src,
        "b",
        "2024-03-05",
        "The budget deal for Kingsport is close.\n\n\"The deal is done when it is done,\" Hale said on Tuesday.",
    );
    article(&src, "c", "2024-03-06", "Ann Ruiz runs the harbour.\n\n\"The port is open,\" Ann Ruiz said.");
    article(&src, "d", "2024-03-07", "The ferries are slow.\n\n\"Ships are late,\" Jo Senior said.");
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let meta = std::fs::read(idx.join("articles/meta.json")).unwrap();
    assert_eq!(speakers(&idx), pairs(&[("Paul Hale", 2), ("Ann Ruiz", 1), ("Jo Senior", 1)]));

    let ok = |args: &[&str]| {
        let o = run(&idx, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    };
    ok(&["alias", "split", "Hale"]);
    assert_eq!(speakers(&idx), pairs(&[("Ann Ruiz", 1), ("Hale", 1), ("Jo Senior", 1), ("Paul Hale", 1)]));
    ok(&["alias", "merge", "Paul Hale", "Hale", "Ann Ruiz"]);
    assert_eq!(speakers(&idx), pairs(&[("Paul Hale", 3), ("Jo Senior", 1)]));
    assert_eq!(json(&run(&idx, &["quotes", "--speaker", "Ann Ruiz", "--json"]))["total"], 3);
    ok(&["alias", "hide", "Jo Senior"]);
    assert_eq!(speakers(&idx), pairs(&[("Paul Hale", 3)]));
    ok(&["alias", "remove", "Paul Hale"]);
    ok(&["alias", "remove", "Hale"]);
    ok(&["alias", "remove", "Jo Senior"]);
    assert_eq!(speakers(&idx), pairs(&[("Paul Hale", 2), ("Ann Ruiz", 1), ("Jo Senior", 1)]));
    assert_eq!(std::fs::read(idx.join("articles/meta.json")).unwrap(), meta, "nothing was reindexed");

    // list, as JSON: the aliases and, with --auto, the archive's own merges
    ok(&["alias", "hide", "Jo Senior"]);
    let l = json(&run(&idx, &["alias", "list", "--auto", "--json"]));
    assert_eq!(l["hide"], serde_json::json!(["Jo Senior"]));
    assert_eq!(l["merge"], serde_json::json!([]));
    assert!(
        l["automatic"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["name"] == "Paul Hale" && g["forms"] == serde_json::json!(["Hale"])),
        "{l}"
    );

    // a hand edit counts at the next query; a broken file is an error naming its line
    std::fs::write(idx.join("aliases.toml"), "# mine\n[merge]\n\"Ann Ruiz\" = [\"Jo Senior\"]\n").unwrap();
    assert_eq!(speakers(&idx), pairs(&[("Ann Ruiz", 2), ("Paul Hale", 2)]));
    std::fs::write(idx.join("aliases.toml"), "[merge]\n\"Ann Ruiz\" = \"Jo Senior\"\n").unwrap();
    let o = run(&idx, &["facets", "speakers"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("aliases.toml line 2"), "{}", stderr(&o));
}

#[test]
fn aliases_survive_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(&src, "a", "2024-03-01", "Ann Ruiz runs the harbour.\n\n\"The port is open,\" Ann Ruiz said.");
    article(&src, "b", "2024-03-02", "The budget is late.\n\n\"Ships are late,\" Jo Senior said.");
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(run(&idx, &["alias", "merge", "Ann Ruiz", "Jo Senior"]).status.code(), Some(0));
    assert_eq!(run(&idx, &["index", "--rebuild", src.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(speakers(&idx), pairs(&[("Ann Ruiz", 2)]));
    // an alias needs an archive
    let o = run(&dir.path().join("none"), &["alias", "hide", "X"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("none").exists());
}

#[test]
fn a_quotation_repeated_in_three_articles_is_seen_in_three_and_first_in_the_earliest() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    let quote = "We will not accept these cuts to the harbour budget this year";
    // the same words, written with other quotation marks, case and punctuation; and a span of
    // nine of its words in a third article; indexed in an order that is not the dates' order
    article(
        &src,
        "late",
        "2024-03-09",
        &format!("A follow-up on the port.\n\n\"{quote}!\" Paul Hale said again."),
    );
    article(
        &src,
        "early",
        "2024-03-01",
        &format!("The port is in trouble.\n\n“{},” Paul Hale said.", quote.to_uppercase()),
    );
    article(&src, "mid", "2024-03-05", "Talks on the port.\n\n\"Not accept these cuts to the harbour budget this year,\" Hale said, a wire reported.");
    article(&src, "other", "2024-03-02", "Another story.\n\n\"The cuts are fair,\" Ann Ruiz said.");
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));

    let all = json(&run(&idx, &["quotes", "harbour", "--no-collapse", "--json"]));
    assert_eq!(all["quotes"].as_array().unwrap().len(), 3, "{all}");
    for q in all["quotes"].as_array().unwrap() {
        assert_eq!(q["seen_in"], 3, "{q}");
        assert_eq!(q["first_seen"]["id"], "news/early.txt", "{q}");
        assert_eq!(q["first_seen"]["date"], "2024-03-01", "{q}");
    }
    // by default the quotation shows once; --first-seen shows it at its first appearance
    let one = json(&run(&idx, &["quotes", "harbour", "--json"]));
    assert_eq!(one["quotes"].as_array().unwrap().len(), 1, "{one}");
    let first = json(&run(&idx, &["quotes", "harbour", "--first-seen", "--json"]));
    assert_eq!(first["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(first["quotes"][0]["article"], "news/early.txt");
    // a quotation seen once is seen in one article, first in its own
    let other = json(&run(&idx, &["quotes", "fair", "--json"]));
    assert_eq!(
        (other["quotes"][0]["seen_in"].as_u64(), other["quotes"][0]["first_seen"]["id"].as_str()),
        (Some(1), Some("news/other.txt"))
    );
    // the text output says where it was first seen
    let text = stdout(&run(&idx, &["quotes", "harbour", "--color", "never"]));
    assert!(text.contains("seen in 3 articles; first in news/early.txt (2024-03-01)"), "{text}");
}

#[test]
fn the_speaker_page_gathers_a_person_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(
        &src,
        "a",
        "2024-01-10",
        "Paul Hale, a senator from Kingsport, spoke on Monday.\n\n\"The harbor tariffs will ruin the fishermen,\" Paul Hale said.",
    );
    article(
        &src,
        "b",
        "2024-02-05",
        "Paul Hale, a senator from Kingsport, visited the docks in Glenmore.\n\n\"Harbor tariffs hurt every family in this town,\" Hale said.",
    );
    // the surname alone, in an article that shares the rare place Glenmore with b
    article(
        &src,
        "c",
        "2024-03-01",
        "Hale spoke in Glenmore with Ann Ruiz.\n\n\"The tariffs on the harbor must end,\" Hale said on Friday.",
    );
    article(
        &src,
        "d",
        "2024-03-02",
        "Ann Ruiz opened a school.\n\n\"The budget is fine and we will pay for schools,\" Ann Ruiz said.\n\n\"Teachers deserve better pay,\" she said.",
    );
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    // the surname finds the person, and the page is the merged person's
    let o = run(&idx, &["speaker", "hale", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p = json(&o);
    assert_eq!(p["name"], "Paul Hale");
    assert_eq!(p["forms"], serde_json::json!(["Hale", "Paul Hale"]));
    assert_eq!((p["quotes"].as_u64(), p["articles"].as_u64()), (Some(3), Some(3)), "{p}");
    assert_eq!((p["first"].as_str(), p["last"].as_str()), (Some("2024-01-10"), Some("2024-03-01")));
    assert_eq!(
        p["descriptions"],
        serde_json::json!([{"description": "a senator from Kingsport", "articles": 2, "first": "2024-01-10", "last": "2024-02-05"}])
    );
    let months: Vec<(&str, u64)> = p["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["period"].as_str().unwrap(), m["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(months, [("2024-01", 1), ("2024-02", 1), ("2024-03", 1)]);
    // the names beside them, without their own
    let values = |k: &str| -> Vec<String> {
        p[k].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(values("persons"), ["Ann Ruiz"]);
    assert!(values("places").contains(&"Glenmore".to_string()), "{p}");
    // their words against everyone's: harbor and tariffs are Hale's, the budget is Ruiz's
    let terms: Vec<String> =
        p["terms"].as_array().unwrap().iter().map(|t| t["term"].as_str().unwrap().to_string()).collect();
    assert_eq!(terms[..2], ["harbor", "tariffs"], "{p}");
    assert!(!terms.iter().any(|t| t == "budget" || t == "pay"), "{terms:?}");
    // the contract: a field renamed or dropped fails here
    let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, SPEAKER_PAGE_KEYS);
    let t: Vec<&str> = p["terms"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(t, ["background", "quotes", "score", "term"]);
    // as text
    let o = run(&idx, &["speaker", "Paul Hale"]);
    let text = stdout(&o);
    assert!(
        text.starts_with("Paul Hale\nalso written: Hale\n3 quotes in 3 articles, 2024-01-10 to 2024-03-01"),
        "{text}"
    );
    assert!(text.contains("a senator from Kingsport  (2 articles, 2024-01 to 2024-02)"), "{text}");
    // a name no quote has is an error that says so
    let o = run(&idx, &["speaker", "Nobody Anywhere"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no quote of the archive has the speaker \"Nobody Anywhere\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_article_with_two_forms_of_one_merged_name_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("news");
    article(
        &src,
        "a",
        "2024-03-01",
        "Officials from Kingsport and Glenmore signed the harbor pact in Ashbury on Monday.",
    );
    article(&src, "b", "2024-03-02", "Voters in Glenmore approved the harbor pact on Tuesday.");
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let places = |args: &[&str]| -> Vec<(String, u64)> {
        facet(&idx, "places", "place", args).into_iter().filter(|(v, _)| v != "Ashbury").collect()
    };
    assert_eq!(places(&[]), pairs(&[("Glenmore", 2), ("Kingsport", 1)]));
    assert_eq!(run(&idx, &["alias", "merge", "Kingsport", "Glenmore"]).status.code(), Some(0));
    // article a names both: it counts once for the merged name
    assert_eq!(places(&[]), pairs(&[("Kingsport", 2)]));
    assert_eq!(places(&["harbor"]), pairs(&[("Kingsport", 2)]), "with a query too");
    assert_eq!(places(&["--as-written"]), pairs(&[("Glenmore", 2), ("Kingsport", 1)]));
}

/// The people table is worked out at a run's last commit (and at most every few minutes
/// before it): after a run of several commits it is the table of the last one, also when the
/// input ends on a multiple of --commit-every (the last commit is then an ordinary one).
#[test]
fn the_people_table_is_that_of_the_last_commit_of_a_run() {
    let corpus = repo().join("corpus");
    let count = |o: &std::process::Output| json(o)["added"].as_u64().unwrap_or(0);
    let tmp = tempfile::tempdir().unwrap();
    let probe = run(&tmp.path().join("probe"), &["index", corpus.to_str().unwrap(), "--json"]);
    let n = count(&probe);
    assert!(n >= 20, "{n} articles in corpus/");
    // a commit size that leaves a last short batch, and one that divides the input
    let divisor = (4..=n / 3).rev().find(|d| n % d == 0).unwrap_or(1);
    for every in [n / 4 + 1, divisor] {
        let idx = tmp.path().join(format!("idx{every}"));
        let o =
            run(&idx, &["index", corpus.to_str().unwrap(), "--commit-every", &every.to_string(), "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let s = run(&idx, &["stats", "--json"]);
        let batch = json(&s)["batch"].as_u64().expect("stats --json has the batch");
        assert!(batch >= 3, "several commits of {every}: batch {batch}");
        let table = std::fs::read_to_string(idx.join("people.tsv")).unwrap();
        let head = table.lines().next().unwrap_or_default();
        assert_eq!(
            head.rsplit("batch ").next().map(str::trim),
            Some(batch.to_string().as_str()),
            "commits of {every}: {head}"
        );
    }
}
