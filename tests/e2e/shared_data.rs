//! Indexing the real corpora of ../shared/data (ignored by default: `.ci/run` runs it with
//! `--include-ignored` when the folder is present).

use crate::common::*;

#[test]
#[ignore = "needs ../shared/data"]
fn bbc_and_reuters_21578_account_for_every_record_and_rerun_unchanged() {
    let (bbc, reuters) = (shared_data("bbc-news-2004-2005.jsonl.gz"), shared_data("reuters-21578.jsonl.gz"));
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let args = ["index", bbc.to_str().unwrap(), reuters.to_str().unwrap(), "--json"];
    let o = run(&idx, &args);
    assert_eq!(o.status.code(), Some(1), "one record has neither text nor title: exit 1");
    let v = json(&o);
    let added = v["added"].as_u64().unwrap();
    let dups = v["duplicates"].as_u64().unwrap();
    assert_eq!(added + dups, 23_802, "{v}");
    assert_eq!(dups, 136 + 307, "BBC's 136 and Reuters-21578's 307 exact duplicates");
    assert_eq!(v["failed"], 1);
    assert!(
        v["errors"][0]["path"].as_str().unwrap().ends_with("reuters-21578.jsonl.gz:12793"),
        "{}",
        v["errors"]
    );
    let again = json(&run(&idx, &args));
    assert_eq!(
        (
            again["added"].as_u64(),
            again["updated"].as_u64(),
            again["duplicates"].as_u64(),
            again["unchanged"].as_u64()
        ),
        (Some(0), Some(0), Some(0), Some(23_802))
    );
    let stats = json(&run(&idx, &["stats", "--json"]));
    assert_eq!(stats["articles"].as_u64(), Some(added));
    assert_eq!(stats["duplicates"].as_u64(), Some(dups));
}
