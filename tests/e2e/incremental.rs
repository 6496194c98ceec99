//! The archive over time: dry runs, pruning, checking, rebuilding, interrupting.

use std::path::Path;

use crate::common::*;

fn write_articles(dir: &Path, names: &[&str]) {
    std::fs::create_dir_all(dir).unwrap();
    for n in names {
        std::fs::write(
            dir.join(format!("{n}.txt")),
            format!("Story {n}\n\nThe text of story {n}, about the harbour.\n"),
        )
        .unwrap();
    }
}

#[test]
fn a_dry_run_lists_the_plan_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    write_articles(&src, &["a", "b"]);
    let idx = dir.path().join("idx");
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--dry-run", "--json"]));
    assert_eq!(v["added"], 2);
    assert_eq!(v["plan"]["added"].as_array().unwrap().len(), 2);
    assert!(!idx.exists(), "a dry run creates nothing");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(0));
    std::fs::write(src.join("a.txt"), "Story a\n\nA new text.\n").unwrap();
    let meta = std::fs::read(idx.join("articles/meta.json")).unwrap();
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--dry-run", "--json"]));
    assert_eq!((v["updated"].as_u64(), v["unchanged"].as_u64()), (Some(1), Some(1)));
    assert_eq!(std::fs::read(idx.join("articles/meta.json")).unwrap(), meta);
}

#[test]
fn prune_removes_only_what_is_gone_under_the_given_roots() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    write_articles(&one, &["a", "b"]);
    write_articles(&two, &["c"]);
    let idx = dir.path().join("idx");
    run(&idx, &["index", one.to_str().unwrap(), two.to_str().unwrap()]);
    std::fs::remove_file(one.join("b.txt")).unwrap();
    std::fs::remove_file(two.join("c.txt")).unwrap();
    let v = json(&run(&idx, &["index", one.to_str().unwrap(), "--prune", "--json"]));
    assert_eq!(v["removed"], 1, "{v}");
    let st = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(st["articles"], 2, "c is under another root: kept");
    assert_eq!(json(&run(&idx, &["search", "\"story b\"", "--json"]))["total"], 0);
}

#[test]
fn check_reports_differences_and_rebuild_swaps_in_a_fresh_archive() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    write_articles(&src, &["a", "b", "c"]);
    let idx = dir.path().join("idx");
    run(&idx, &["index", src.to_str().unwrap()]);
    let ok = run(&idx, &["check", src.to_str().unwrap(), "--json"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    std::fs::write(src.join("a.txt"), "Story a\n\nChanged.\n").unwrap();
    std::fs::remove_file(src.join("b.txt")).unwrap();
    write_articles(&src, &["d"]);
    let bad = run(&idx, &["check", src.to_str().unwrap(), "--json"]);
    assert_eq!(bad.status.code(), Some(1));
    let r = json(&bad);
    assert_eq!(r["changed"].as_array().unwrap().len(), 1);
    assert_eq!(r["stale"].as_array().unwrap().len(), 1);
    assert_eq!(r["missing"].as_array().unwrap().len(), 1);
    let v = json(&run(&idx, &["index", src.to_str().unwrap(), "--rebuild", "--json"]));
    assert_eq!(v["added"], 3);
    assert_eq!(run(&idx, &["check", src.to_str().unwrap()]).status.code(), Some(0));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("idx."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn ctrl_c_commits_what_is_done_and_a_rerun_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..20000).map(|i| format!("{{\"id\": \"s{i}\", \"title\": \"Story {i}\", \"text\": \"Text {i} of a long run, about the harbour and the ships.\"}}")).collect();
    let input = dir.path().join("many.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let idx = dir.path().join("idx");
    let child = bin()
        .arg("--index")
        .arg(&idx)
        .args(["index", input.to_str().unwrap(), "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let o = child.wait_with_output().unwrap();
    let st = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(st["articles"], st["committed_articles"]);
    let v = json(&o);
    assert_eq!(st["articles"], v["articles"], "what the summary says is stored is stored");
    // an interrupted run has its own exit code and says how much it read; a machine fast
    // enough to finish before the signal exits 0 with everything read
    let size = std::fs::metadata(&input).unwrap().len();
    match o.status.code() {
        Some(130) => {
            assert_eq!(v["interrupted"], true);
            assert!(v["bytes"].as_u64().unwrap() < size, "{} of {size} bytes read", v["bytes"]);
        }
        Some(0) => assert_eq!((v["interrupted"].as_bool(), v["bytes"].as_u64()), (Some(false), Some(size))),
        other => panic!("exit {other:?}: {}", String::from_utf8_lossy(&o.stderr)),
    }
    let v = json(&run(&idx, &["index", input.to_str().unwrap(), "--json"]));
    assert_eq!(v["added"].as_u64().unwrap() + v["unchanged"].as_u64().unwrap(), 20000);
    assert_eq!(json(&run(&idx, &["stats", "--json"]))["articles"], 20000);
}

#[test]
fn check_after_a_clean_build_exits_0_and_lists_the_records_index_refused_apart() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src.jsonl");
    std::fs::write(
        &src,
        [
            r#"{"id": "1", "title": "Tide", "text": "The tide rose."}"#,
            r#"{"id": "2", "title": "", "text": ""}"#,
            "{broken",
        ]
        .join("\n"),
    )
    .unwrap();
    let idx = dir.path().join("idx");
    assert_eq!(run(&idx, &["index", src.to_str().unwrap()]).status.code(), Some(1), "two records refused");
    let o = run(&idx, &["check", src.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v = json(&o);
    assert_eq!(v["ok"], true);
    assert_eq!(v["unreadable"].as_array().unwrap().len(), 2, "{v}");
    let o = run(&idx, &["check", src.to_str().unwrap()]);
    assert!(stdout(&o).contains("2 input errors (not in the archive"), "{}", stdout(&o));
    // a real disagreement is still exit 1
    std::fs::write(&src, r#"{"id": "1", "title": "Tide", "text": "The tide fell."}"#).unwrap();
    assert_eq!(run(&idx, &["check", src.to_str().unwrap()]).status.code(), Some(1));
}

#[test]
fn check_finds_a_garbled_document_store_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let idx = dir.path().join("idx");
    assert!(run(&idx, &["index", corpus.to_str().unwrap()]).status.success());
    assert_eq!(run(&idx, &["check", corpus.to_str().unwrap()]).status.code(), Some(0));
    // flip bytes in the middle of the articles' document store, as a bad disk would
    let store = std::fs::read_dir(idx.join("articles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "store"))
        .max_by_key(|p| std::fs::metadata(p).unwrap().len())
        .expect("a document store");
    let mut bytes = std::fs::read(&store).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 16] {
        *b ^= 0x5a;
    }
    std::fs::write(&store, bytes).unwrap();
    let o = run(&idx, &["check", corpus.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json(&o);
    assert_eq!(r["ok"], false);
    let damaged = r["damaged"].as_array().unwrap();
    assert_eq!(damaged.len(), 1, "{r}");
    assert!(damaged[0].as_str().unwrap().ends_with(store.file_name().unwrap().to_str().unwrap()), "{r}");
    // the plain output names it and says what repairs it
    let o = run(&idx, &["check", corpus.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("damaged:") && out.contains("--rebuild"), "{out}");
    // a rebuild repairs it
    assert!(run(&idx, &["index", corpus.to_str().unwrap(), "--rebuild"]).status.success());
    assert_eq!(run(&idx, &["check", corpus.to_str().unwrap()]).status.code(), Some(0));
}
