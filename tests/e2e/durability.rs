//! A killed indexer never loses or duplicates what it committed; readers work while it writes;
//! a second writer is told who holds the archive.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::common::*;

/// A generated corpus: `n` articles with quotes, and every tenth one a duplicate of another.
fn generated_corpus(dir: &Path, n: usize) -> (PathBuf, usize) {
    let mut lines = Vec::new();
    let mut distinct = 0;
    for i in 0..n {
        let body = if i % 10 == 9 {
            format!("Story number {} about the harvest.\n\n\"We expect a good year,\" said Maria Lopez, a farmer in the valley.", i - 5)
        } else {
            distinct += 1;
            format!("Story number {i} about the harvest.\n\n\"We expect a good year,\" said Maria Lopez, a farmer in the valley.")
        };
        lines.push(serde_json::json!({"id": format!("gen-{i}"), "title": format!("Harvest {i}"), "date": "2024-05-01", "text": body}).to_string());
    }
    let p = dir.join("gen.jsonl");
    std::fs::write(&p, lines.join("\n")).unwrap();
    (p, distinct)
}

fn stats(idx: &Path) -> serde_json::Value {
    let o = run(idx, &["stats", "--json"]);
    assert_eq!(o.status.code(), Some(0), "the archive opens: {}", stderr(&o));
    json(&o)
}

/// Kills `gazette index` at `points` random moments, checking after each that the archive
/// opens and holds exactly what its last commit recorded; then a rerun completes the job.
fn kill_and_resume(input: &Path, points: usize, total_records: u64, distinct: u64, duplicates: u64) {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let args = |idx: &Path| -> Vec<String> {
        vec![
            "--index".into(),
            idx.display().to_string(),
            "index".into(),
            input.display().to_string(),
            "--commit-every".into(),
            "50".into(),
            "--json".into(),
        ]
    };
    // Calibrate: how long a whole run takes here.
    let calib = dir.path().join("calib");
    let t = Instant::now();
    assert!(bin().args(args(&calib)).output().unwrap().status.success());
    let full = t.elapsed();
    let seed = seed();
    eprintln!("kill points drawn with seed {seed} (GAZETTE_SEED={seed} replays them), whole run {full:?}");
    let mut rng = Rng(seed);
    for i in 0..points {
        let mut child = bin().args(args(&idx)).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        let wait = Duration::from_micros(rng.next() % (full.as_micros() as u64).max(1));
        std::thread::sleep(wait);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !idx.join("gazette.json").exists() {
            continue; // killed before the archive existed
        }
        let st = stats(&idx);
        assert_eq!(
            st["articles"], st["committed_articles"],
            "kill {i} after {wait:?}: the archive holds exactly its last commit: {st}"
        );
    }
    let o = bin().args(args(&idx)).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let summary = json(&o);
    let accounted = summary["added"].as_u64().unwrap()
        + summary["unchanged"].as_u64().unwrap()
        + summary["duplicates"].as_u64().unwrap();
    assert_eq!(accounted, total_records, "{summary}");
    let st = stats(&idx);
    assert_eq!(st["articles"].as_u64(), Some(distinct), "every article exactly once: {st}");
    assert_eq!(st["duplicates"].as_u64(), Some(duplicates), "{st}");
    assert_eq!(st["batch"], st["quotes_batch"], "{st}");
    // And nothing is left to do.
    let again = json(&bin().args(args(&idx)).output().unwrap());
    assert_eq!(again["unchanged"].as_u64(), Some(total_records), "{again}");
}

#[test]
fn sigkill_at_random_points_loses_nothing_committed_on_a_generated_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let (input, distinct) = generated_corpus(dir.path(), 3000);
    kill_and_resume(&input, 20, 3000, distinct as u64, 3000 - distinct as u64);
}

#[test]
#[ignore = "needs ../shared/data"]
fn sigkill_at_random_points_loses_nothing_committed_on_bbc() {
    let bbc = shared_data("bbc-news-2004-2005.jsonl.gz");
    kill_and_resume(&bbc, 20, 2225, 2089, 136);
}

#[test]
fn search_works_while_indexing_and_a_second_writer_is_told_who_holds_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (input, _) = generated_corpus(dir.path(), 6000);
    let idx = dir.path().join("idx");
    // A first small commit so that the archive exists before the long run starts.
    let first = dir.path().join("first.jsonl");
    std::fs::write(
        &first,
        r#"{"id": "first", "title": "Harvest begins", "text": "The harvest begins in the valley."}"#,
    )
    .unwrap();
    assert!(run(&idx, &["index", first.to_str().unwrap()]).status.success());
    let mut writer = bin()
        .arg("--index")
        .arg(&idx)
        .args(["index", input.to_str().unwrap(), "--commit-every", "200"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut searches = 0;
    let mut last_total = 0;
    let mut saw_lock_message = false;
    while writer.try_wait().unwrap().is_none() {
        let o = run(&idx, &["search", "harvest", "--json", "--limit", "1"]);
        assert_eq!(o.status.code(), Some(0), "search during indexing: {}", stderr(&o));
        let total = json(&o)["total"].as_u64().unwrap();
        assert!(total >= last_total, "a reader sees the last committed state, never less");
        last_total = total;
        searches += 1;
        // once the writer has committed (so it surely holds the archive), a second writer
        if !saw_lock_message && total > 1 {
            let second = run(&idx, &["index", first.to_str().unwrap()]);
            if second.status.code() == Some(2) {
                let e = stderr(&second);
                assert!(e.contains("another process") && e.contains("process "), "{e}");
                saw_lock_message = true;
            }
        }
    }
    assert!(writer.wait().unwrap().success());
    assert!(searches > 0);
    assert!(saw_lock_message, "the second writer was refused while the first ran");
    assert_eq!(json(&run(&idx, &["search", "harvest", "--json"]))["total"].as_u64(), Some(1 + 5400));
}

/// The seed of a test's random draws: `GAZETTE_SEED` when set (another draw, or the replay of
/// a failure), else a fixed one, so that every run of the suite draws the same kill times.
/// The tests print it.
fn seed() -> u64 {
    std::env::var("GAZETTE_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_240_325) | 1
}

#[test]
fn a_kill_in_the_first_milliseconds_of_a_new_archive_leaves_none_or_a_whole_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    let seed = seed();
    eprintln!("kill times drawn with seed {seed} (GAZETTE_SEED={seed} replays them)");
    let mut rng = Rng(seed);
    for i in 0..40 {
        let idx = dir.path().join(format!("idx{i}"));
        let mut child = bin()
            .arg("--index")
            .arg(&idx)
            .args(["index", corpus.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % 50_000));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // no archive yet, or one that opens
        if idx.exists() {
            let o = run(&idx, &["stats", "--json"]);
            assert_eq!(o.status.code(), Some(0), "kill {i}: the archive opens: {}", stderr(&o));
        }
        // and a rerun always finishes the job
        let o = run(&idx, &["index", corpus.to_str().unwrap(), "--json"]);
        assert_eq!(o.status.code(), Some(0), "kill {i}: rerun: {}", stderr(&o));
        assert_eq!(json(&run(&idx, &["stats", "--json"]))["articles"], 164, "kill {i}");
    }
    // nothing is left beside the archives but the archives
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.starts_with("idx")), "{names:?}");
}

#[test]
fn two_writers_started_together_on_a_new_folder_one_writes_and_the_other_is_told_who() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join("corpus");
    for i in 0..10 {
        let idx = dir.path().join(format!("idx{i}"));
        let spawn = || {
            bin()
                .arg("--index")
                .arg(&idx)
                .args(["index", corpus.to_str().unwrap()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        for o in &outs {
            let err = String::from_utf8_lossy(&o.stderr);
            match o.status.code() {
                Some(0) => {}
                Some(2) => assert!(err.contains("being written by another process"), "run {i}: {err}"),
                other => panic!("run {i}: exit {other:?}: {err}"),
            }
        }
        assert!(outs.iter().any(|o| o.status.success()), "run {i}: one of them writes");
        assert_eq!(json(&run(&idx, &["stats", "--json"]))["articles"], 164, "run {i}");
    }
}

#[test]
#[ignore = "needs root (it mounts a 4 MB tmpfs) and ../shared/data"]
fn a_full_disk_is_said_plainly_keeps_the_last_commit_and_a_rerun_with_space_finishes() {
    let bbc = shared_data("bbc-news-2004-2005.jsonl.gz");
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
        .arg(&small)
        .status()
        .unwrap();
    assert!(mounted.success(), "mount a 4 MB tmpfs (this test needs root)");
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(small.clone());
    let idx = small.join("idx");
    let o = run(&idx, &["index", bbc.to_str().unwrap(), "--commit-every", "500"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("no space left on the device holding {}", idx.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "said once: {err}");
    let st = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(st["articles"], st["committed_articles"]);
    assert!(err.contains(&format!("its last commit ({} articles)", st["articles"])), "{err} / {st}");
    // moved to a device with room, the same command finishes the job exactly
    let roomy = dir.path().join("idx");
    assert!(std::process::Command::new("cp").arg("-r").arg(&idx).arg(&roomy).status().unwrap().success());
    let v = json(&run(&roomy, &["index", bbc.to_str().unwrap(), "--json"]));
    assert_eq!(v["articles"], 2089, "{v}");
    assert_eq!(run(&roomy, &["check", bbc.to_str().unwrap()]).status.code(), Some(0));
}

/// What a run of `gazette index` does in the kill test.
#[derive(Debug, Clone, Copy)]
enum Run {
    /// a new archive, killed in its first 50 ms
    Create,
    /// indexing continued from the last commit
    Resume,
    /// `--rebuild` of the whole archive
    Rebuild,
}

#[test]
fn a_hundred_sigkills_through_creation_indexing_and_rebuilds_lose_nothing_and_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let (input, distinct) = generated_corpus(dir.path(), 800);
    let distinct = distinct as u64;
    let idx = dir.path().join("archive").join("idx");
    let spawn = |extra: &[&str]| {
        bin()
            .arg("--index")
            .arg(&idx)
            .arg("index")
            .arg(&input)
            .args(["--commit-every", "50"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // how long a whole run takes here
    let t = Instant::now();
    assert!(spawn(&[]).wait().unwrap().success());
    let full = t.elapsed().as_micros() as u64;
    std::fs::remove_dir_all(idx.parent().unwrap()).unwrap();
    let seed = seed();
    eprintln!("kill times drawn with seed {seed} (GAZETTE_SEED={seed} replays them), whole run {full} µs");
    let mut rng = Rng(seed);
    let mut kinds = [0; 3];
    for i in 0..100 {
        let kind = match (idx.join("gazette.json").exists(), rng.next() % 10) {
            (false, _) | (true, 0) => Run::Create,
            (true, 1..=3) => Run::Rebuild,
            _ => Run::Resume,
        };
        if matches!(kind, Run::Create) {
            let _ = std::fs::remove_dir_all(&idx);
        }
        kinds[kind as usize] += 1;
        let wait = match kind {
            Run::Create => rng.next() % 50_000,
            _ => rng.next() % full.max(1),
        };
        let mut child = spawn(if matches!(kind, Run::Rebuild) { &["--rebuild"] } else { &[] });
        std::thread::sleep(Duration::from_micros(wait));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !idx.exists() {
            continue; // killed before the new archive was renamed into place
        }
        let st = stats(&idx);
        assert_eq!(
            st["articles"], st["committed_articles"],
            "kill {i} ({kind:?} after {wait} µs): the archive holds exactly its last commit: {st}"
        );
        assert!(st["articles"].as_u64().unwrap() <= distinct, "kill {i} ({kind:?}): nothing doubled: {st}");
    }
    eprintln!("runs killed: {} new archives, {} resumed, {} rebuilds", kinds[0], kinds[1], kinds[2]);
    // a last run finishes the job: every article exactly once, and `check` agrees
    let o = run(&idx, &["index", input.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let st = stats(&idx);
    assert_eq!(st["articles"].as_u64(), Some(distinct), "every article exactly once: {st}");
    assert_eq!(st["batch"], st["quotes_batch"], "{st}");
    let o = run(&idx, &["check", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "check after the last run: {}{}", stdout(&o), stderr(&o));
    // and the killed runs' folders are gone
    let names: Vec<String> = std::fs::read_dir(idx.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["idx"], "nothing left beside the archive");
}

#[test]
fn searches_during_rebuilds_always_see_a_whole_archive() {
    let dir = tempfile::tempdir().unwrap();
    let (input, distinct) = generated_corpus(dir.path(), 200);
    let idx = dir.path().join("idx");
    assert!(run(&idx, &["index", input.to_str().unwrap()]).status.success());
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let rebuilds = {
        let (idx, input, done) = (idx.clone(), input.clone(), done.clone());
        std::thread::spawn(move || {
            for _ in 0..12 {
                let o = run(&idx, &["index", input.to_str().unwrap(), "--rebuild"]);
                assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
            }
            done.store(true, std::sync::atomic::Ordering::SeqCst);
        })
    };
    let mut searches = 0;
    while !done.load(std::sync::atomic::Ordering::SeqCst) {
        for args in [&["search", "harvest", "--json", "--limit", "1"][..], &["stats", "--json"][..]] {
            let o = run(&idx, args);
            assert_eq!(o.status.code(), Some(0), "{args:?} during a rebuild: {}", stderr(&o));
            let v = json(&o);
            let n = v.get("total").or_else(|| v.get("articles")).and_then(|x| x.as_u64());
            assert_eq!(n, Some(distinct as u64), "{args:?} sees the whole archive: {v}");
            searches += 1;
        }
    }
    rebuilds.join().unwrap();
    eprintln!("{searches} searches during 12 rebuilds");
    assert!(searches > 0);
}
