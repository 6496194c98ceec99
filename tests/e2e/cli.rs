//! The command line keeps its promises: each test here is a defect a new user met, run
//! through the real binary on the bundled corpus or on small files of our own.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::{bin, json, repo, run, stderr, stdout};

/// The bundled corpus, indexed once for the read-only tests of this file.
fn corpus_index() -> &'static Path {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, idx) = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let idx = dir.path().join("idx");
        let o = run(&idx, &["index", repo().join("corpus").to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        (dir, idx)
    });
    idx
}

#[test]
fn indexing_a_missing_path_reports_it_and_creates_no_archive() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let o = run(&idx, &["index", "/nonexistent/articles"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/articles: no such file or folder"), "{}", stderr(&o));
    assert!(!idx.exists(), "no archive is created for nothing to read");
}

#[test]
fn an_index_path_that_is_a_file_is_said_once_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "not an archive").unwrap();
    for args in [&["stats"][..], &["index", repo().join("corpus").to_str().unwrap()][..]] {
        let o = run(&file, args);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains("it is a file; --index takes the archive's folder"), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(!err.contains("os error"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not an archive");
}

#[test]
fn articles_over_the_size_limit_are_skipped_and_a_flood_of_errors_is_cut_at_twenty() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("big.txt"), format!("Big story\n\n{}", "The harbour reopened. ".repeat(200)))
        .unwrap();
    std::fs::write(src.join("small.txt"), "Small story\n\nThe ferry ran again on Sunday.").unwrap();
    for i in 0..25 {
        std::fs::write(src.join(format!("broken{i:02}.txt")), [0xffu8, 0xfe, 0x00, 0x01, b'a']).unwrap();
    }
    let idx = dir.path().join("idx");
    let s = src.to_str().unwrap();
    let o = run(&idx, &["index", s, "--max-article-bytes", "1000", "--json"]);
    let v = json(&o);
    assert_eq!(v["skipped"], 1, "{v}");
    assert_eq!(v["failed"], 25, "{v}");
    assert_eq!(v["added"], 1, "{v}");
    assert_eq!(v["skips"][0]["path"].as_str().unwrap().rsplit('/').next(), Some("big.txt"));
    assert_eq!(v["errors"].as_array().unwrap().len(), 25, "--json keeps every error");
    // the terminal gets the first twenty and a count of the rest
    let o = run(&dir.path().join("idx2"), &["index", s, "--max-article-bytes", "1000"]);
    let err = stderr(&o);
    assert_eq!(err.lines().filter(|l| l.contains("broken")).count(), 20, "{err}");
    assert!(err.contains("... and 5 more failed inputs"), "{err}");
    assert!(err.contains("skipped") && err.contains("big.txt"), "{err}");
    assert!(stdout(&o).contains("25 failed, 1 skipped"), "{}", stdout(&o));
}

#[test]
fn a_search_without_a_query_lists_what_the_filters_keep_newest_first() {
    let idx = corpus_index();
    let v = json(&run(idx, &["search", "--source", "Wikinews", "-n", "5", "-j"]));
    let total = v["total"].as_u64().unwrap();
    assert!(total > 100, "{v}");
    let dates: Vec<&str> =
        v["hits"].as_array().unwrap().iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert_eq!(dates.len(), 5);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    // and only exclusions means everything except, in both spellings
    let all = json(&run(idx, &["search", "-n", "0", "-j"]))["total"].as_u64().unwrap();
    let with = json(&run(idx, &["search", "hamas", "-n", "0", "-j"]))["total"].as_u64().unwrap();
    assert!(with > 0);
    for q in [&["-hamas"][..], &["NOT", "hamas"][..]] {
        let mut args = vec!["search"];
        args.extend_from_slice(q);
        args.extend_from_slice(&["-n", "0", "-j"]);
        assert_eq!(json(&run(idx, &args))["total"].as_u64().unwrap(), all - with, "{q:?}");
    }
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("many.jsonl");
    // distinct articles (no near-duplicate collapsing), far more output than a pipe buffer
    let lines: Vec<String> = (0..300)
        .map(|i| {
            let words: Vec<String> =
                (0..80).map(|k| format!("w{}", (i * 7919 + k * 104729) % 100_003)).collect();
            format!(
                "{{\"id\": \"a{i}\", \"title\": \"Harvest {i}\", \"text\": \"Harvest {}\"}}",
                words.join(" ")
            )
        })
        .collect();
    std::fs::write(&src, lines.join("\n")).unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let s = src.to_str().unwrap();
    for args in [
        &["search", "harvest", "-n", "300", "--json"][..],
        &["search", "harvest", "-n", "300"][..],
        &["extract", s, "--json"][..],
        &["completions", "bash"][..],
    ] {
        let mut child = bin()
            .arg("--index")
            .arg(&idx)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // the reader takes one line and goes away, like `| head -1`
        let mut first = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut first)
            .unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn duplicates_show_titles_and_the_count_first_and_show_points_at_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let text = "Dockers strike at the port\n\nThe dockers stopped work at dawn, the union said.";
    std::fs::write(src.join("a.txt"), text).unwrap();
    std::fs::write(src.join("b.txt"), text).unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let o = run(&idx, &["duplicates"]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1 exact-duplicate group of 2 articles", "{out}");
    assert!(out.contains("Dockers strike at the port"), "{out}");
    let v = json(&run(&idx, &["duplicates", "-j"]));
    assert_eq!(v[0][1]["title"], "Dockers strike at the port", "{v}");
    // `show` of the duplicate: the hint is outside the quoted id
    let dup = v[0][1]["id"].as_str().unwrap().to_string();
    let of = v[0][0]["id"].as_str().unwrap().to_string();
    let o = run(&idx, &["show", &dup]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        format!("gazette: {dup:?} is a duplicate of {of:?}, which holds its text: `gazette show {of:?}`")
    );
}

#[test]
fn a_misspelled_name_gets_suggestions_and_an_ambiguous_surname_lists_display_names() {
    let idx = corpus_index();
    let o = run(idx, &["search", "obama", "--speaker", "Steve Jobz"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean \"Steve Jobs\""), "{}", stderr(&o));
    let o = run(idx, &["search", "x", "--person", "Netanyahoo"]);
    assert!(stderr(&o).contains("did you mean \"Benjamin Netanyahu\""), "{}", stderr(&o));
    let o = run(idx, &["search", "x", "--person", "Evans"]);
    let err = stderr(&o);
    assert!(
        err.contains("ambiguous") && err.contains("Walker Evans") && err.contains("William Evans"),
        "{err}"
    );
    // a name nothing resembles still just matches nothing
    let o = run(idx, &["search", "x", "--person", "Qqqqxxzz Vvvvwwyy"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("no articles match"));
}

#[test]
fn date_histograms_are_labelled_by_period_with_empty_buckets_and_by_date_adds_the_facet() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("a.jsonl");
    std::fs::write(
        &src,
        [
            r#"{"id": "1", "title": "Tide one", "date": "2024-01-10", "text": "The tide rose."}"#,
            r#"{"id": "2", "title": "Tide two", "date": "2024-04-02", "text": "The tide rose again."}"#,
            r#"{"id": "3", "title": "Tide three", "text": "The tide, undated."}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    let v = json(&run(&idx, &["search", "tide", "--facets", "speaker", "--by-date", "month", "-j"]));
    let periods: Vec<(&str, u64)> = v["facets"]["date"]
        .as_array()
        .unwrap_or_else(|| panic!("--by-date adds date: {v}"))
        .iter()
        .map(|d| (d["period"].as_str().unwrap(), d["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(periods, [("2024-01", 1), ("2024-02", 0), ("2024-03", 0), ("2024-04", 1)]);
    assert_eq!(v["facets"]["undated"], 1);
    let o = run(&idx, &["facets", "dates", "--by-date", "year"]);
    assert_eq!(stdout(&o), "       2  2024\n       1  undated\n");
}

#[test]
fn errors_under_json_are_json_on_stderr() {
    let idx = corpus_index();
    let o = run(idx, &["search", "obama AND (", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(e["position"], 10, "{e}");
    assert!(e["error"].as_str().unwrap().contains("parenthesis"), "{e}");
    let o = run(idx, &["show", "no-such-id", "-j"]);
    let e: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(e, serde_json::json!({"error": "no article with id \"no-such-id\"", "position": null}));
    // without --json, the human form
    let o = run(idx, &["show", "no-such-id"]);
    assert_eq!(stderr(&o).trim(), "gazette: no article with id \"no-such-id\"");
}

#[test]
fn json_outputs_are_one_line_each() {
    let idx = corpus_index();
    let id = json(&run(idx, &["search", "hostages", "-n", "1", "-j"]))["hits"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let corpus = repo().join("corpus");
    for args in [
        &["stats", "-j"][..],
        &["show", &id, "-j"][..],
        &["check", corpus.to_str().unwrap(), "-j"][..],
        &["search", "hostages", "-j"][..],
        &["quotes", "hostages", "-j"][..],
        &["facets", "speakers", "-j"][..],
        &["duplicates", "-j"][..],
    ] {
        let o = run(idx, args);
        let out = stdout(&o);
        assert_eq!(out.lines().count(), 1, "{args:?}: {out}");
        let _: serde_json::Value = serde_json::from_str(&out).unwrap();
    }
}

#[test]
fn short_flags_completions_and_the_manual_page() {
    let idx = corpus_index();
    let long = json(&run(idx, &["search", "hostages", "--limit", "2", "--json"]));
    let short = json(&run(idx, &["search", "hostages", "-n", "2", "-j"]));
    assert_eq!(long, short);
    for (shell, marker) in
        [("bash", "complete -F _gazette"), ("zsh", "#compdef gazette"), ("fish", "complete -c gazette")]
    {
        let o = bin().args(["completions", shell]).output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        let out = stdout(&o);
        assert!(out.contains(marker), "{shell}: {}", &out[..out.len().min(300)]);
        assert!(out.contains("quotes") && out.contains("speaker"), "{shell}");
    }
    let o = bin().arg("man").output().unwrap();
    let page = stdout(&o);
    assert!(page.contains(".TH gazette 1") && page.contains("quotes"), "{}", &page[..page.len().min(300)]);
    let dir = tempfile::tempdir().unwrap();
    let o = bin().args(["man", "--out"]).arg(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for name in ["gazette.1", "gazette-search.1", "gazette-quotes.1", "gazette-index.1"] {
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(page.contains(".TH"), "{name}");
    }
    assert!(std::fs::read_to_string(dir.path().join("gazette-search.1")).unwrap().contains("\\-\\-speaker"));
}

#[test]
fn the_model_trainer_is_not_installed_and_release_builds_carry_no_debug_info() {
    // `cargo install --path .` installs the binaries whose features are on by default
    let manifest = std::fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let bin_block = manifest.split("[[bin]]").find(|b| b.contains("name = \"train-ner\"")).unwrap();
    assert!(bin_block.contains("required-features = [\"train-ner\"]"), "{bin_block}");
    assert!(!manifest.contains("default = [\"train-ner\"]"));
    let release = manifest.split("[profile.release]").nth(1).unwrap().split("\n[").next().unwrap();
    assert!(!release.contains("debug"), "{release}");
}

#[test]
fn a_dry_run_names_the_inputs_that_failed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("good.txt"), "Harbour\n\nThe ferry ran.").unwrap();
    std::fs::write(src.join("bad.txt"), [0xffu8, 0xfe, 0x00]).unwrap();
    let o = run(&dir.path().join("idx"), &["index", src.to_str().unwrap(), "--dry-run"]);
    assert!(stdout(&o).contains("1 would be added") && stdout(&o).contains("1 failed"), "{}", stdout(&o));
    assert!(stderr(&o).contains("bad.txt"), "which input failed, and why: {}", stderr(&o));
}

#[test]
fn quotes_count_only_the_facets_a_quote_carries_and_lines_have_no_trailing_spaces() {
    let idx = corpus_index();
    let v = json(&run(idx, &["quotes", "-n", "1", "-j"]));
    let kinds: Vec<&str> = v["facets"].as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(kinds, ["date", "source", "speaker", "undated"], "{v}");
    let out = stdout(&run(idx, &["search", "-n", "20"]));
    assert!(out.lines().all(|l| !l.ends_with(' ')), "{out}");
}
