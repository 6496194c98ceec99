//! End-to-end tests of indexing and searching with the real binary.

use std::path::{Path, PathBuf};

use crate::common::*;

fn index_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let idx = dir.join("idx");
    let o = run(&idx, &["index", repo().join("corpus").to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    idx
}

#[test]
fn a_phrase_search_finds_the_seed_article_with_the_phrase_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let idx = index_corpus(dir.path());
    let o = run(&idx, &["search", "\"immediate cease-fire\"", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let hit = &v["hits"][0];
    assert!(
        hit["path"].as_str().unwrap().ends_with("2024-03-25-un-security-council-gaza-ceasefire.txt"),
        "{hit}"
    );
    let sn = &hit["snippets"][0];
    let text = sn["text"].as_str().unwrap();
    let (s, e) = (
        sn["highlights"][0][0].as_u64().unwrap() as usize,
        sn["highlights"][0][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "immediate cease-fire");
}

#[test]
fn words_search_lists_readable_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let idx = index_corpus(dir.path());
    let o = run(&idx, &["search", "hostages", "Netanyahu"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("**Netanyahu**"), "{out}");
    assert!(out.contains("**hostages**"), "{out}");
}

#[test]
fn indexing_again_changes_nothing_and_a_changed_file_replaces_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("a.txt"), "Alpha story\n\nThe first text about apples.\n").unwrap();
    std::fs::write(src.join("b.txt"), "Beta story\n\nThe second text about bananas.\n").unwrap();
    let idx = dir.path().join("idx");
    let first = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!((first["added"].as_u64(), first["unchanged"].as_u64()), (Some(2), Some(0)));
    let meta_before = std::fs::read(idx.join("articles").join("meta.json")).unwrap();
    let second = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!(
        (second["added"].as_u64(), second["updated"].as_u64(), second["unchanged"].as_u64()),
        (Some(0), Some(0), Some(2))
    );
    assert_eq!(
        std::fs::read(idx.join("articles").join("meta.json")).unwrap(),
        meta_before,
        "a run with nothing new writes nothing"
    );
    std::fs::write(src.join("a.txt"), "Alpha story\n\nThe first text, now about cherries.\n").unwrap();
    let third = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!((third["updated"].as_u64(), third["unchanged"].as_u64()), (Some(1), Some(1)));
    assert_eq!(json(&run(&idx, &["search", "apples", "--json"]))["total"], 0);
    assert_eq!(json(&run(&idx, &["search", "cherries", "--json"]))["total"], 1);
    let stats = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(stats["articles"], 2);
}

#[test]
fn bad_inputs_are_reported_and_the_good_ones_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("bad");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("latin1.txt"), b"Caf\xe9 story\n\nA text in Latin-1.\n").unwrap();
    std::fs::write(src.join("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00binary").unwrap();
    std::fs::write(src.join("empty.txt"), b"").unwrap();
    std::fs::write(
        src.join("mixed.jsonl"),
        "{\"id\": \"good-1\", \"title\": \"Good one\", \"text\": \"Orchards bloom.\"}\n{\"id\": \"bad\", \"title\": \n{\"id\": \"good-2\", \"title\": \"Good two\", \"text\": \"Orchards fade.\"}\n",
    )
    .unwrap();
    let locked = src.join("locked.txt");
    std::fs::write(&locked, "Locked\n\nNobody may read this orchard.\n").unwrap();
    let root_reads_anyway = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::File::open(&locked).is_ok()
    };
    std::os::unix::fs::symlink(src.join("gone.txt"), src.join("dangling.txt")).unwrap();
    let huge = std::fs::File::create(src.join("huge.txt")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    std::fs::write(src.join("notes.pdf"), "not an article").unwrap();

    let idx = dir.path().join("idx");
    let o = run(&idx, &["index", src.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "some inputs failed: exit 1; stderr: {}", stderr(&o));
    let v = json(&o);
    let errors: Vec<(String, String)> = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["path"].as_str().unwrap().to_string(), e["error"].as_str().unwrap().to_string()))
        .collect();
    let find = |name: &str| {
        errors
            .iter()
            .find(|(p, _)| p.contains(name))
            .map(|(_, e)| e.clone())
            .unwrap_or_else(|| panic!("no error for {name}: {errors:?}"))
    };
    assert!(find("latin1.txt").contains("UTF-8"));
    assert!(find("binary.txt").contains("binary"));
    assert!(find("empty.txt").contains("neither"));
    assert!(errors.iter().any(|(p, e)| p.ends_with("mixed.jsonl:2") && e.contains("JSON")), "{errors:?}");
    assert!(find("dangling.txt").contains("No such file"));
    // over --max-article-bytes: skipped, with the reason, not failed
    assert!(!errors.iter().any(|(p, _)| p.contains("huge.txt")), "{errors:?}");
    let skip = &v["skips"][0];
    assert!(skip["path"].as_str().unwrap().ends_with("huge.txt"), "{skip}");
    assert!(skip["error"].as_str().unwrap().contains("over the limit"), "{skip}");
    if !root_reads_anyway {
        assert!(find("locked.txt").contains("ermission"));
    }
    let expected_good = if root_reads_anyway { 3 } else { 2 };
    assert_eq!(v["added"].as_u64(), Some(expected_good), "{v}");
    assert_eq!(v["skipped"].as_u64(), Some(2), "notes.pdf and huge.txt");
    assert_eq!(v["failed"].as_u64(), Some(errors.len() as u64));
    let s = json(&run(&idx, &["search", "orchards", "--json"]));
    assert_eq!(s["total"].as_u64(), Some(expected_good), "both good JSONL lines are searchable");
}

#[test]
fn query_errors_point_at_the_position_and_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let idx = index_corpus(dir.path());
    for q in ["\"unbalanced", "(gaza AND rafah", "gaza OR", "title:"] {
        let o = run(&idx, &["search", q]);
        assert_eq!(o.status.code(), Some(2), "{q}: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains('^'), "{q}: the message points at a position: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_broken_pipe_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("many.jsonl");
    let lines: Vec<String> = (0..400)
        .map(|i| {
            format!(
                "{{\"id\": \"a{i}\", \"title\": \"Story {i}\", \"text\": \"{}\"}}",
                "Harvest news from the valley. ".repeat(20)
            )
        })
        .collect();
    std::fs::write(&src, lines.join("\n")).unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    // Far more than a pipe buffer of output, and the reader goes away at once.
    let mut child = bin()
        .arg("--index")
        .arg(&idx)
        .args(["search", "harvest", "--limit", "400", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn show_and_stats_describe_the_article_and_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let seed = repo().join("corpus").join("2024-03-25-un-security-council-gaza-ceasefire.txt");
    assert_eq!(run(&idx, &["index", seed.to_str().unwrap()]).status.code(), Some(0));
    let id = json(&run(&idx, &["search", "Rafah", "--json"]))["hits"][0]["id"].as_str().unwrap().to_string();
    let v = json(&run(&idx, &["show", &id, "--json"]));
    assert_eq!(v["paragraphs"].as_array().unwrap().len(), 35);
    assert!(v["paragraphs"][0].as_str().unwrap().starts_with("The United Nations Security Council approved"));
    let st = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(st["paragraphs"], 35);
    assert!(st["segments"].as_u64().unwrap() >= 2);
    assert!(st["bytes"].as_u64().unwrap() > 0);
    let missing = run(&idx, &["show", "no-such-id"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-id"));
}

#[test]
fn an_archive_of_another_schema_version_asks_for_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let idx = index_corpus(dir.path());
    std::fs::write(idx.join("gazette.json"), r#"{"format":"gazette-archive","schema_version":0}"#).unwrap();
    let o = run(&idx, &["search", "gaza"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("rebuild"), "{}", stderr(&o));
    // and the remedy it names works on that archive
    let corpus = repo().join("corpus");
    let o = run(&idx, &["index", "--rebuild", corpus.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(run(&idx, &["search", "gaza"]).status.code(), Some(0));
}

#[test]
fn no_archive_is_a_clear_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("none"), &["search", "gaza"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("gazette index"), "{}", stderr(&o));
}

#[test]
fn a_panic_in_one_articles_extraction_fails_that_article_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("input folder");
    std::fs::write(input.join("a.txt"), "One\n\n\"Fine,\" said Jo Doe.\n").expect("write");
    std::fs::write(input.join("b.txt"), "Two\n\n\"Boom,\" said POISON Smith.\n").expect("write");
    std::fs::write(input.join("c.txt"), "Three\n\n\"Also fine,\" said Al Roe.\n").expect("write");
    let ix = dir.path().join("ix");
    // GAZETTE_FAULT_PANIC makes extraction panic on an article holding the word
    let o = crate::common::bin()
        .env("GAZETTE_FAULT_PANIC", "POISON")
        .arg("--index")
        .arg(&ix)
        .arg("index")
        .arg(&input)
        .arg("--json")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", crate::common::stderr(&o));
    let s = crate::common::json(&o);
    assert_eq!((s["added"].as_u64(), s["failed"].as_u64()), (Some(2), Some(1)), "{s}");
    let err = &s["errors"][0];
    assert!(
        err["path"].as_str().is_some_and(|p| p.ends_with("b.txt"))
            && err["error"].as_str().is_some_and(|e| e.contains("extraction failed")),
        "{err}"
    );
    assert_eq!(crate::common::json(&run(&ix, &["stats", "--json"]))["articles"], 2);
    // a rerun without the fault indexes it, and the archive checks clean
    let o = run(&ix, &["index", input.to_str().expect("utf-8"), "--json"]);
    assert_eq!(crate::common::json(&o)["added"], 1, "{}", crate::common::stderr(&o));
    // `extract` reports it and prints the others
    let o = crate::common::bin()
        .env("GAZETTE_FAULT_PANIC", "POISON")
        .arg("extract")
        .arg(&input)
        .arg("--json")
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(crate::common::stdout(&o).lines().count(), 2);
    assert!(crate::common::stderr(&o).contains("b.txt: extraction failed"), "{}", crate::common::stderr(&o));
}

#[test]
fn a_flood_of_bad_records_is_counted_in_full_but_only_the_first_thousand_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("bad.jsonl");
    let mut lines: Vec<String> = (0..2500).map(|i| format!("{{\"id\": \"b{i}\", \"title\": ")).collect();
    lines.push(r#"{"id": "good", "title": "Tide", "text": "The tide rose."}"#.into());
    std::fs::write(&src, lines.join("\n")).unwrap();
    let o = run(&dir.path().join("idx"), &["index", src.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!((v["failed"].as_u64(), v["added"].as_u64()), (Some(2500), Some(1)));
    assert_eq!(v["errors"].as_array().unwrap().len(), 1000, "the first thousand, with their lines");
    assert!(v["errors"][999]["path"].as_str().unwrap().ends_with("bad.jsonl:1000"));
    let o = run(&dir.path().join("idx2"), &["index", src.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("... and 2480 more failed inputs (the first 1000 listed by --json)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_id_over_the_bound_is_refused_and_one_at_the_bound_is_found_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("ids.jsonl");
    let (long, bound) = ("x".repeat(70_000), "y".repeat(1024));
    let write = |text: &str| {
        std::fs::write(
            &src,
            format!(
                "{{\"id\": \"{long}\", \"title\": \"Long\", \"text\": \"{text}\"}}\n{{\"id\": \"{bound}\", \"title\": \"Bound\", \"text\": \"{text}\"}}"
            ),
        )
        .unwrap();
    };
    write("The tide rose.");
    let idx = dir.path().join("idx");
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!((v["failed"].as_u64(), v["added"].as_u64()), (Some(1), Some(1)), "{v}");
    let err = v["errors"][0]["error"].as_str().unwrap();
    assert_eq!(err, "the article's id is 70000 bytes, over the limit of 1024 bytes for an id");
    assert_eq!(json(&run(&idx, &["show", &bound, "-j"]))["title"], "Bound");
    // changed, it replaces its old version instead of adding a copy
    write("The tide fell.");
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!((v["updated"].as_u64(), v["articles"].as_u64()), (Some(1), Some(1)), "{v}");
}

#[test]
fn a_rebuild_folder_left_by_a_killed_run_is_removed_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let corpus = repo().join("corpus");
    assert_eq!(run(&idx, &["index", corpus.to_str().unwrap()]).status.code(), Some(0));
    // rebuild folders with a process id that cannot be running (above the kernel's pid_max)
    // and with one that is (ours: a process id in a name says nothing, as ids are reused, so a
    // run that holds the archive's lock, which a running rebuild would hold, removes both); a
    // rebuild's creation folder; and the creation folder of a gone process (a creation in
    // progress holds no lock: its folder is kept while its process runs)
    let dead = dir.path().join("idx.rebuild-2147483000");
    let reused = dir.path().join(format!("idx.rebuild-{}", std::process::id()));
    let created = dir.path().join(".idx.new-2147483001");
    let rebuild_created = dir.path().join(".idx.rebuild-2147483002.new-2147483002");
    let creating = dir.path().join(format!(".idx.new-{}", std::process::id()));
    for d in [&dead, &reused, &created, &rebuild_created, &creating] {
        std::fs::create_dir_all(d.join("articles")).unwrap();
    }
    let o = run(&idx, &["index", corpus.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for d in [&dead, &reused, &created, &rebuild_created] {
        assert!(!d.exists(), "{} is removed", d.display());
    }
    assert!(stderr(&o).contains("left by an interrupted run"), "{}", stderr(&o));
    assert!(creating.exists(), "a creation still running keeps its folder");
    std::fs::remove_dir_all(&creating).unwrap();
    // and by a rebuild, which holds the same lock
    std::fs::create_dir_all(dead.join("articles")).unwrap();
    let o = run(&idx, &["index", corpus.to_str().unwrap(), "--rebuild"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!dead.exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["idx"]);
}

/// An archive of our own with two exact duplicates recorded in duplicates.json.
fn archive_with_duplicates(dir: &Path) -> (PathBuf, PathBuf) {
    let src = dir.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let text = "Dockers strike\n\nThe dockers stopped work at dawn, Ana Ruiz said.";
    for name in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(src.join(name), text).unwrap();
    }
    std::fs::write(src.join("d.txt"), "Ferries\n\nThe ferries ran again, Tom Reed said.").unwrap();
    let idx = dir.join("idx");
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!(v["duplicates"], 2, "{v}");
    (idx, src)
}

#[test]
fn a_damaged_duplicates_file_is_an_error_naming_it_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (idx, src) = archive_with_duplicates(dir.path());
    let file = idx.join("duplicates.json");
    let good = std::fs::read(&file).unwrap();
    let more = dir.path().join("more");
    std::fs::create_dir_all(&more).unwrap();
    std::fs::write(more.join("e.txt"), "Harbour\n\nThe harbour reopened.").unwrap();
    for (what, damage) in [
        ("garbled", Some(b"{\"x\": [1, 2".to_vec())),
        ("cut short", Some(good[..good.len() / 2].to_vec())),
        ("emptied", Some(Vec::new())),
        ("deleted", None),
    ] {
        match &damage {
            Some(b) => std::fs::write(&file, b).unwrap(),
            None => std::fs::remove_file(&file).unwrap(),
        }
        for args in [
            &["duplicates"][..],
            &["stats"][..],
            &["check", src.to_str().unwrap()][..],
            &["index", more.to_str().unwrap()][..],
        ] {
            let o = run(&idx, args);
            assert_eq!(o.status.code(), Some(2), "{what}, {args:?}: {}", stderr(&o));
            let err = stderr(&o);
            assert!(err.contains("duplicates.json is damaged") && err.contains("--rebuild"), "{what}: {err}");
        }
        // the index run wrote nothing: the file is as the damage left it
        assert_eq!(std::fs::read(&file).ok(), damage, "{what}");
        std::fs::write(&file, &good).unwrap();
    }
    // repaired, all is well again, and the next run keeps every record
    let v = json(&run(&idx, &["index", more.to_str().unwrap(), "--json"]));
    assert_eq!(v["added"], 1);
    let groups = json(&run(&idx, &["duplicates", "-j"]));
    assert_eq!(groups[0].as_array().unwrap().len(), 3, "{groups}");
}

#[test]
fn a_damaged_facets_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (idx, src) = archive_with_duplicates(dir.path());
    let file = idx.join("facets.tsv");
    let good = std::fs::read_to_string(&file).unwrap();
    assert!(good.lines().count() >= 2, "{good}");
    let one_line_less: String = good.lines().skip(1).map(|l| format!("{l}\n")).collect();
    let swapped = good.replacen("Ana Ruiz", "Tom Reed", 1);
    for (what, damage) in
        [("a line deleted", one_line_less), ("a name changed", swapped), ("emptied", String::new())]
    {
        std::fs::write(&file, &damage).unwrap();
        for args in [
            &["search", "dockers"][..],
            &["check", src.to_str().unwrap()][..],
            &["index", src.to_str().unwrap()][..],
        ] {
            let o = run(&idx, args);
            assert_eq!(o.status.code(), Some(2), "{what}, {args:?}: {}", stderr(&o));
            assert!(stderr(&o).contains("facets.tsv is damaged"), "{what}: {}", stderr(&o));
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap(), damage, "{what}: not rewritten");
    }
    std::fs::write(&file, &good).unwrap();
    assert_eq!(run(&idx, &["check", src.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn a_duplicates_file_left_beside_by_a_run_killed_after_its_commit_is_put_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (idx, src) = archive_with_duplicates(dir.path());
    // as a kill between the commit and the rename leaves it: the committed content as .next,
    // the file itself one commit behind
    let file = idx.join("duplicates.json");
    std::fs::rename(&file, idx.join("duplicates.json.next")).unwrap();
    std::fs::write(&file, "{}").unwrap();
    assert_eq!(json(&run(&idx, &["stats", "-j"]))["duplicates"], 2, "readers use the committed one");
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--json"]));
    assert_eq!(v["unchanged"], 4, "{v}");
    assert!(!idx.join("duplicates.json.next").exists());
    assert_eq!(json(&run(&idx, &["stats", "-j"]))["duplicates"], 2);
    // and one a run killed before its commit left is removed
    std::fs::write(idx.join("duplicates.json.next"), "{\"stale\": 1}").unwrap();
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    assert!(!idx.join("duplicates.json.next").exists());
    assert_eq!(run(&idx, &["check", src.to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn a_missing_segment_file_or_meta_json_is_an_error_naming_it_for_readers_and_writers() {
    let dir = tempfile::tempdir().unwrap();
    let idx = index_corpus(dir.path());
    let store = std::fs::read_dir(idx.join("quotes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .unwrap();
    std::fs::remove_file(&store).unwrap();
    let more = dir.path().join("more.txt");
    std::fs::write(&more, "Ferry\n\nThe ferry ran again.").unwrap();
    for args in [&["stats"][..], &["search", "gaza"][..], &["index", more.to_str().unwrap()][..]] {
        let o = run(&idx, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: the writer too: {}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains(&format!("{} is damaged", store.display())), "{args:?}: {err}");
        assert!(err.contains("quotes index"), "{err}");
    }
    std::fs::remove_file(idx.join("articles").join("meta.json")).unwrap();
    let err = stderr(&run(&idx, &["stats"]));
    assert!(err.contains("articles/meta.json is damaged: the articles index cannot be opened"), "{err}");
}

/// Runs gazette with `args`, its output discarded; returns whether it exited 0 and the peak of
/// its resident memory in bytes (the kernel's count for that one process). The child is
/// reaped by `wait4` itself, which is what gives its own usage.
#[allow(clippy::zombie_processes)]
fn peak_memory(args: &[&str]) -> (bool, u64) {
    let child = bin().args(args).stdout(std::process::Stdio::null()).spawn().unwrap();
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as u64 * 1024)
}

#[test]
fn an_eight_megabyte_article_of_one_block_is_extracted_within_twenty_times_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let names = ["Paul Hale", "Mary Stone", "Ana Ruiz", "Tom Reed"];
    let mut text = String::from("The harbour\n\n");
    let mut i = 0;
    while text.len() < 8_000_000 {
        text.push_str(&format!(
            "\"We will build the harbour again,\" said {}, a mayor of the town in Ohio. The council met on Monday in Springfield and the vote was close. ",
            names[i % names.len()]
        ));
        i += 1;
    }
    let path = dir.path().join("wall.txt");
    std::fs::write(&path, &text).unwrap();
    let (ok, peak) = peak_memory(&["extract", path.to_str().unwrap(), "--json"]);
    assert!(ok, "extract succeeds");
    eprintln!("peak memory {} MB for an article of {} MB", peak / 1_000_000, text.len() / 1_000_000);
    assert!(peak < 20 * text.len() as u64, "peak {peak} bytes for an article of {} bytes", text.len());
}

/// `n` articles of our own words (ids `prefix-0` ...), seeded, as JSON lines.
fn generated_articles(path: &std::path::Path, prefix: &str, n: usize, seed: u64) {
    const WORDS: [&str; 24] = [
        "harbour", "council", "budget", "ferry", "strike", "union", "mayor", "tariff", "river", "bridge",
        "school", "vote", "teachers", "flood", "market", "grain", "railway", "pension", "court", "ruling",
        "minister", "port", "wages", "storm",
    ];
    let mut rng = Rng(seed);
    let mut out = String::new();
    for i in 0..n {
        let mut paras = Vec::new();
        for _ in 0..3 {
            let words: Vec<&str> = (0..25).map(|_| WORDS[rng.below(WORDS.len())]).collect();
            paras.push(format!("The {} said {}.", words[0], words[1..].join(" ")));
        }
        let text = paras.join("\n\n");
        let line = serde_json::json!({
            "id": format!("{prefix}-{i}"), "title": format!("Story {prefix} {i} of the {}", WORDS[i % 24]),
            "date": "2024-05-01", "source": "Test Wire", "text": text,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Articles are stored compressed one by one, with a dictionary the archive trains on its first
/// 1,000 articles (see `index::packed`): those written before it and after it read back as
/// written, a run after a small first one trains it on both, and a missing dictionary is an
/// error that names the archive.
#[test]
fn articles_read_back_as_written_before_and_after_the_store_dictionary() {
    let seed = std::env::var("GAZETTE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_d1c7_u64);
    println!("seed {seed} (GAZETTE_SEED replays it)");
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let (first, second) = (dir.path().join("first.jsonl"), dir.path().join("second.jsonl"));
    generated_articles(&first, "a", 700, seed);
    generated_articles(&second, "b", 700, seed ^ 0xffff);
    let dict = idx.join("store-dict-1.zdict");
    assert_eq!(run(&idx, &["index", first.to_str().unwrap()]).status.code(), Some(0));
    assert!(!dict.exists(), "700 articles are too few to train on");
    assert_eq!(run(&idx, &["index", second.to_str().unwrap()]).status.code(), Some(0));
    assert!(dict.exists(), "the second run trains on the 700 stored articles and its own");
    let expected = |path: &std::path::Path, id: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|v| v["id"] == id)
            .unwrap()
    };
    for (path, id) in [(&first, "a-0"), (&first, "a-699"), (&second, "b-0"), (&second, "b-699")] {
        let want = expected(path, id);
        let v = json(&run(&idx, &["show", id, "--json"]));
        let paragraphs: Vec<&str> =
            v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert_eq!(paragraphs.join("\n\n"), want["text"].as_str().unwrap(), "{id}");
        assert_eq!((&v["title"], &v["source"]), (&want["title"], &want["source"]), "{id}");
    }
    let hits = json(&run(&idx, &["search", "\"Story b 699\"", "--json"]));
    assert_eq!(hits["hits"][0]["id"], "b-699");
    // without its dictionary, a late article cannot be read: a clear error, no panic
    std::fs::remove_file(&dict).unwrap();
    let o = run(&idx, &["show", "b-699"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("store-dict-1.zdict") && stderr(&o).contains("damaged"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
}
