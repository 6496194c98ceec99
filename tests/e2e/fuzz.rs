//! Fuzzing the input parsers, extraction and the query language: seeded, mutation-based,
//! time-bounded. Each target mutates real inputs (the corpus, JSON lines, front matter,
//! queries) with byte flips, insertions of the characters parsers care about (quotation marks,
//! colons, NUL, invalid UTF-8, braces, blank lines), deletions and splices, and checks that
//! nothing panics and that every offset returned is a valid span of the text.
//!
//! Each target runs for GAZETTE_FUZZ_SECONDS (default 2) seconds; `GAZETTE_FUZZ_SECONDS=600
//! cargo test --release --test e2e fuzz -- --test-threads 1` is the long run. The seed of a run is
//! printed; GAZETTE_FUZZ_SEED replays it. Inputs that once failed are kept in `regressions()`.

use std::time::{Duration, Instant};

use crate::common::Rng;
use gazette::extract::{extract, ExtractOptions};
use gazette::ingest::{read_file, ReadOptions};
use gazette::search::query_lang::{parse, Options};

const TOKENS: &[&[u8]] = &[
    "“".as_bytes(),
    "”".as_bytes(),
    b"\"",
    b"'",
    "‘".as_bytes(),
    "’".as_bytes(),
    b"''",
    b":",
    b"\n\n",
    b"\n",
    b"---\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\",
    b"\0",
    b"\xff",
    b"\xc3",
    "é".as_bytes(),
    "👍🏽".as_bytes(),
    "\u{301}".as_bytes(),
    b" said ",
    b" he said, ",
    b"Mr. ",
    b"U.S.",
    b"*",
    b"~",
    b"(",
    b")",
    b" OR ",
    b" AND ",
    b"NOT ",
    b"-",
    b"date:[",
    b" TO ",
    b"speaker:",
    b"title:",
    b"~2",
    b"\"text\": ",
    b"\"id\": ",
    b",",
    b"\t",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            2 if !v.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let s = rng.below(other.len());
                    let e = (s + 1 + rng.below(200)).min(other.len());
                    v.splice(at..at, other[s..e].iter().copied());
                }
            }
            4 if !v.is_empty() => {
                let s = rng.below(v.len());
                let e = (s + 1 + rng.below(100)).min(v.len());
                let chunk = v[s..e].to_vec();
                v.splice(at..at, chunk);
            }
            _ => v.push(rng.next() as u8),
        }
    }
    v
}

fn budget() -> Duration {
    Duration::from_secs_f64(
        std::env::var("GAZETTE_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2.0),
    )
}

fn rng(target: &str) -> Rng {
    let seed = std::env::var("GAZETTE_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1)
    }) | 1;
    eprintln!("fuzz {target}: seed {seed}");
    Rng(seed)
}

fn corpus_seeds() -> Vec<Vec<u8>> {
    let root = crate::common::repo().join("corpus");
    let mut seeds =
        vec![std::fs::read(root.join("2024-03-25-un-security-council-gaza-ceasefire.txt")).unwrap()];
    for f in ["wikinews-gum.jsonl", "wikinews-meantime.jsonl"] {
        let text = std::fs::read_to_string(root.join(f)).unwrap();
        for line in text.lines().take(12) {
            seeds.push(line.as_bytes().to_vec());
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                seeds.push(v["text"].as_str().unwrap_or("").as_bytes().to_vec());
            }
        }
    }
    seeds.push(b"---\ntitle: A\ndate: 2024-03-25\nid: x\n---\nBody \"quoted,\" she said.\n".to_vec());
    seeds.push(br#"[{"id": "a", "headline": "H", "body": "B"}, {"id": "b", "content": "C", "published": "March 25, 2024"}]"#.to_vec());
    seeds
}

fn check_extraction(text: &str) {
    let ex = extract(text, 0, ExtractOptions::default());
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for &(s, e) in &ex.paragraphs {
        assert!(ok(s, e), "paragraph {s}..{e}");
    }
    for q in &ex.quotes {
        assert!(ok(q.start, q.end), "quote {}..{}", q.start, q.end);
        assert!(q.paragraph < ex.paragraphs.len().max(1));
        if let Some((s, e)) = q.mention {
            assert!(ok(s, e), "mention {s}..{e}");
        }
    }
    for ent in &ex.entities {
        for &(s, e) in &ent.mentions {
            assert!(ok(s, e), "entity mention {s}..{e}");
        }
    }
}

fn run_reader(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    read_file(&p, &ReadOptions { max_article_bytes: 1 << 20 }, &mut |r| {
        if let Ok(a) = r {
            assert!(a.body_start <= a.text.len());
            check_extraction(&a.text);
        }
        true
    });
}

#[test]
fn fuzz_input_readers() {
    let seeds = corpus_seeds();
    let mut rng = rng("input readers");
    let dir = tempfile::tempdir().unwrap();
    let (start, mut n) = (Instant::now(), 0u64);
    while start.elapsed() < budget() {
        let input = mutate(&mut rng, &seeds);
        let name = ["a.txt", "a.md", "a.json", "a.jsonl", "a.ndjson"][rng.below(5)];
        run_reader(dir.path(), name, &input);
        n += 1;
    }
    eprintln!("fuzz input readers: {n} inputs");
}

#[test]
fn fuzz_extraction() {
    let seeds = corpus_seeds();
    let mut rng = rng("extraction");
    let (start, mut n) = (Instant::now(), 0u64);
    while start.elapsed() < budget() {
        let input = mutate(&mut rng, &seeds);
        check_extraction(&String::from_utf8_lossy(&input));
        n += 1;
    }
    eprintln!("fuzz extraction: {n} inputs");
}

#[test]
fn fuzz_query_language_and_search() {
    let seeds: Vec<Vec<u8>> = [
        "\"immediate cease-fire\"",
        "hostag* -hamas",
        "netanyahoo~2 OR (gaza AND rafah)",
        "speaker:kirby \"potent symbol\"~2",
        "date:[2024-01-01 TO 2024-03-31] title:gaza",
        "person:\"Yoav Gallant\" org:hamas place:rafah",
        "NOT gaza",
        "+a -b c*",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let seed_article =
        crate::common::repo().join("corpus").join("2024-03-25-un-security-council-gaza-ceasefire.txt");
    let opts = gazette::index::IndexOptions::default();
    gazette::index::index_paths(&idx, &[seed_article], &opts, Default::default(), &mut |_| {}).unwrap();
    let s = gazette::search::Searchers::new(gazette::index::Archive::open(&idx).unwrap()).unwrap();
    let mut rng = rng("query language");
    let (start, mut n) = (Instant::now(), 0u64);
    while start.elapsed() < budget() {
        let q = String::from_utf8_lossy(&mutate(&mut rng, &seeds)).into_owned();
        match parse(&q, &Options { any: rng.below(2) == 0, fields: gazette::search::query::FIELDS }) {
            Ok(_) => {}
            Err(e) => {
                assert!(
                    q.is_char_boundary(e.position.min(q.len())),
                    "error position {} in {q:?}",
                    e.position
                );
                let _ = e.render(&q);
            }
        }
        if std::env::var_os("GAZETTE_FUZZ_VERBOSE").is_some() {
            eprintln!("query {q:?}");
        }
        let req = gazette::search::Request {
            query: q.clone(),
            facets: vec!["speaker".into(), "person".into(), "date".into()],
            ..Default::default()
        };
        if let Ok(r) = s.search(&req) {
            for h in &r.hits {
                for sn in &h.snippets {
                    for &(a, b) in &sn.highlights {
                        assert!(
                            a <= b
                                && b <= sn.text.len()
                                && sn.text.is_char_boundary(a)
                                && sn.text.is_char_boundary(b),
                            "{q:?}"
                        );
                    }
                }
            }
        }
        let _ = s.quotes(&req);
        n += 1;
    }
    eprintln!("fuzz query language: {n} queries");
}

#[test]
fn fuzz_dates() {
    let seeds: Vec<Vec<u8>> = [
        "2024-03-25",
        "2024-03-25T14:05:09+02:00",
        "Mon, 25 Mar 2024 14:05:09 +0000",
        "March 25, 2024",
        "25 March 2024",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    let mut rng = rng("dates");
    let start = Instant::now();
    while start.elapsed() < budget() {
        let s = String::from_utf8_lossy(&mutate(&mut rng, &seeds)).into_owned();
        let _ = gazette::ingest::date::parse_date(&s);
        let _ = gazette::ingest::date::date_from_file_name(&s);
    }
}

/// Inputs the fuzzers once broke, kept as tests.
#[test]
fn regressions() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("r1.txt", &b"\"\n\n\""[..]),
        ("r2.jsonl", &b"{\"text\": \"\\u201c\"}\n"[..]),
        ("r3.txt", "“’‘”:\u{301}".as_bytes()),
    ] {
        run_reader(dir.path(), name, bytes);
    }
}

/// Found by fuzz_query_language_and_search: a date range ending in the year 9999 overflowed
/// Tantivy's nanosecond dates.
#[test]
fn a_date_beyond_tantivys_range_is_clamped_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("far.jsonl");
    std::fs::write(&src, "{\"id\": \"far\", \"title\": \"Far future\", \"date\": \"9999-12-31\", \"text\": \"A story from the far future.\"}\n").unwrap();
    let idx = dir.path().join("idx");
    let opts = gazette::index::IndexOptions::default();
    gazette::index::index_paths(&idx, &[src], &opts, Default::default(), &mut |_| {}).unwrap();
    let s = gazette::search::Searchers::new(gazette::index::Archive::open(&idx).unwrap()).unwrap();
    let req = gazette::search::Request { query: "date:[2024 TO 9999] story".into(), ..Default::default() };
    assert_eq!(s.search(&req).unwrap().total, 1);
}
