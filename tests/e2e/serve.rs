//! `gazette serve` end to end: the API answers what the CLI's `--json` prints for the same
//! request, malformed requests get their status and a JSON error, a commit made by another
//! process is seen without a restart, and the page's assets are served.

use crate::common::server::{enc, get, Server};
use crate::common::{json, repo, run};
use serde_json::Value;

/// An archive of the bundled corpus, built once per test (the corpus is small).
fn corpus_archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = run(&dir.path().join("ix"), &["index", repo().join("corpus").to_str().expect("utf-8 path")]);
    assert!(o.status.success(), "index failed: {}", crate::common::stderr(&o));
    dir
}

fn cli_json(index: &std::path::Path, args: &[&str]) -> Value {
    let o = run(index, args);
    assert!(o.status.success(), "{args:?} failed: {}", crate::common::stderr(&o));
    json(&o)
}

fn api_json(s: &Server, path: &str) -> Value {
    let r = s.get(path);
    assert_eq!(r.status, 200, "{path}: {}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"), "{path}");
    r.json()
}

#[test]
fn every_endpoint_answers_what_the_cli_prints_for_the_same_request() {
    let dir = corpus_archive();
    let ix = dir.path().join("ix");
    let s = Server::start(&ix);
    let top = cli_json(&ix, &["facets", "speakers", "--json"]);
    let speaker = top["speaker"][0]["value"].as_str().expect("a speaker in the corpus").to_string();
    let persons = cli_json(&ix, &["facets", "persons", "said", "--json"]);
    let person = persons["person"][0]["value"].as_str().expect("a person").to_string();
    let cases: Vec<(String, Vec<String>)> = vec![
        ("/api/search?q=gaza".into(), vec!["search".into(), "gaza".into()]),
        (
            format!("/api/search?q=said&person={}&facets=person,date&by_date=month&limit=5&offset=1&snippets=2", enc(&person)),
            ["search", "said", "--person", &person, "--facets", "person,date", "--by-date", "month", "--limit", "5", "--offset", "1", "--snippets", "2"].map(String::from).to_vec(),
        ),
        (
            "/api/search?q=president%20OR%20minister&sort=-date&since=2005&until=2010&collapse=false&any=true".into(),
            ["search", "president", "OR", "minister", "--sort", "-date", "--since", "2005", "--until", "2010", "--no-collapse", "--any"].map(String::from).to_vec(),
        ),
        (format!("/api/quotes?speaker={}", enc(&speaker)), ["quotes", "--speaker", &speaker].map(String::from).to_vec()),
        ("/api/quotes?q=war&limit=3&facets=speaker".into(), ["quotes", "war", "--limit", "3", "--facets", "speaker"].map(String::from).to_vec()),
        ("/api/facets/speakers?q=said&size=5".into(), ["facets", "speakers", "said", "--size", "5"].map(String::from).to_vec()),
        ("/api/facets/dates?by_date=month".into(), ["facets", "dates", "--by-date", "month"].map(String::from).to_vec()),
        (format!("/api/facets/places?person={}", enc(&person)), ["facets", "places", "--person", &person].map(String::from).to_vec()),
        ("/api/stats".into(), vec!["stats".into()]),
    ];
    for (path, mut args) in cases {
        args.push("--json".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let cli = cli_json(&ix, &args);
        let api = api_json(&s, &path);
        assert_eq!(api, cli, "{path} differs from `gazette {}`", args.join(" "));
    }
    // An article, by the id that search returns (ids are paths here: slashes encoded).
    let hits = cli_json(&ix, &["search", "gaza", "--json"]);
    let id = hits["hits"][0]["id"].as_str().expect("a hit").to_string();
    let cli = cli_json(&ix, &["show", &id, "--json"]);
    assert_eq!(api_json(&s, &format!("/api/articles/{}", enc(&id))), cli);
    assert_eq!(cli["id"], Value::String(id));
    // The speaker page, by name (encoded), as `gazette speaker` prints it.
    let cli = cli_json(&ix, &["speaker", &speaker, "--json"]);
    assert_eq!(api_json(&s, &format!("/api/speakers/{}", enc(&speaker))), cli);
    assert_eq!(cli["name"], Value::String(speaker.clone()));
    // A field renamed or dropped fails here: the contract the page and programs read.
    let keys = |v: &Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
    assert_eq!(keys(&cli), crate::common::SPEAKER_PAGE_KEYS);
    let search = api_json(&s, "/api/search?q=gaza&facets=speaker,date");
    assert_eq!(keys(&search), ["facets", "hits", "multi_select", "query", "total"]);
    assert_eq!(
        keys(&search["hits"][0]),
        ["copies", "date", "id", "path", "score", "snippets", "source", "title", "url"]
    );
    assert_eq!(
        keys(&search["hits"][0]["snippets"][0]),
        ["highlights", "offset", "paragraph", "paragraph_highlights", "text", "whole"]
    );
    let quotes = api_json(&s, "/api/quotes?q=said");
    assert_eq!(
        keys(&quotes["quotes"][0]),
        [
            "article",
            "cue",
            "date",
            "description",
            "end",
            "first_seen",
            "highlights",
            "paragraph",
            "score",
            "seen_in",
            "source",
            "speaker",
            "speaker_as_written",
            "start",
            "text",
            "title"
        ]
    );
}

#[test]
fn malformed_requests_get_their_status_and_a_json_error_and_no_file_is_served() {
    let dir = corpus_archive();
    let s = Server::start(&dir.path().join("ix"));
    let long_query = format!("/api/search?q={}", "a".repeat(100 * 1024));
    let mid_query = format!("/api/search?q={}", "a".repeat(5000));
    let cases: Vec<(&str, u16)> = vec![
        ("/api/search?q=gaza%20AND%20(", 400),
        ("/api/search?q=%22unclosed", 400),
        ("/api/search?q=gaza&since=2024-13", 400),
        ("/api/search?q=gaza&since=yesterday", 400),
        ("/api/quotes?until=20x", 400),
        ("/api/search?q=gaza&since=24-03-25", 400),
        ("/api/search?q=gaza&since=2025&until=2024", 400),
        ("/api/search?q=gaza&facets=bogus", 400),
        ("/api/facets/bogus", 404),
        ("/api/search?q=gaza&limit=100000000", 400),
        ("/api/search?q=gaza&limit=-1", 400),
        ("/api/search?q=gaza&offset=99999999999999999999999", 400),
        ("/api/search?q=gaza&sort=sideways", 400),
        ("/api/search?q=gaza&snippets=1000", 400),
        ("/api/search?q=gaza&colapse=false", 400),
        ("/api/facets/speakers?limit=3", 400),
        (&mid_query, 413),
        (&long_query, 413),
        ("/api/articles/no-such-article", 404),
        ("/api/speakers/No%20Such%20Speaker", 404),
        ("/api/articles/..%2F..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/articles/../../../etc/passwd", 404),
        ("/../../etc/passwd", 404),
        ("/%2e%2e/%2e%2e/etc/passwd", 404),
        ("/..%2f..%2f..%2fetc%2fpasswd", 404),
        ("/app.js/../../../../etc/passwd", 404),
        ("/%252e%252e/etc/passwd", 404),
        ("/Cargo.toml", 404),
        ("/src/serve/assets/app.js", 404),
        ("/api/", 404),
    ];
    for (path, status) in cases {
        let r = s.get(path);
        let shown = &path[..path.len().min(80)];
        assert_eq!(r.status, status, "{shown}: {}", r.text());
        let body = r.json();
        assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()), "{shown}: {body}");
        let text = r.text();
        assert!(!text.contains("root:") && !text.contains("[package]"), "{shown} served a file: {text}");
    }
    // A query error says where it is (byte offset into q).
    let r = s.get("/api/search?q=gaza%20AND%20(");
    assert_eq!(r.json()["position"], 9);
    // Still serving after all that.
    assert_eq!(s.get("/api/stats").status, 200);
}

#[test]
fn the_page_and_its_assets_are_served_from_the_binary() {
    let dir = corpus_archive();
    let s = Server::start(&dir.path().join("ix"));
    for (path, kind, needle) in [
        ("/", "text/html", "id=\"q\""),
        ("/index.html", "text/html", "/app.js"),
        ("/app.js", "text/javascript", "/api/"),
        ("/app.css", "text/css", "{"),
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type").is_some_and(|c| c.starts_with(kind)),
            "{path}: {:?}",
            r.header("content-type")
        );
        assert!(r.text().contains(needle), "{path} lacks {needle}");
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert!(r.header("content-security-policy").is_some_and(|c| c.contains("default-src 'self'")));
    }
}

#[test]
fn a_missing_archive_is_a_503_until_another_process_commits_one_then_new_commits_are_seen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ix = dir.path().join("ix");
    let s = Server::start(&ix);
    let r = s.get("/api/search?q=gaza");
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.json()["error"].as_str().is_some_and(|e| e.contains("no archive")));
    // The seed article first, then the rest of the corpus, each by `gazette index` while the
    // server runs: each commit is answered within a few seconds, without a restart.
    let seed = repo().join("corpus/2024-03-25-un-security-council-gaza-ceasefire.txt");
    assert!(run(&ix, &["index", seed.to_str().expect("utf-8")]).status.success());
    let articles = |s: &Server| {
        let r = s.get("/api/stats");
        if r.status == 200 {
            r.json()["articles"].as_u64()
        } else {
            None
        }
    };
    wait_for(|| articles(&s) == Some(1), "the first commit");
    assert!(run(&ix, &["index", repo().join("corpus").to_str().expect("utf-8")]).status.success());
    wait_for(|| articles(&s).is_some_and(|n| n > 1), "the second commit");
    let all = cli_json(&ix, &["stats", "--json"]);
    assert_eq!(articles(&s), all["articles"].as_u64());
    assert_eq!(get(&s.addr, "/api/search?q=gaza").status, 200);
}

fn wait_for(mut ok: impl FnMut() -> bool, what: &str) {
    for _ in 0..200 {
        if ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the server did not see {what} within 10 s");
}

#[test]
fn ctrl_c_and_sigterm_stop_the_server_cleanly() {
    let dir = corpus_archive();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut s = Server::start(&dir.path().join("ix"));
        assert_eq!(s.get("/api/stats").status, 200);
        // SAFETY: kill(2) on the child's pid, which is ours until it is waited for.
        assert_eq!(unsafe { libc::kill(s.child.id() as libc::pid_t, signal) }, 0);
        let mut status = None;
        for _ in 0..200 {
            if let Some(st) = s.child.try_wait().expect("wait") {
                status = Some(st);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let status = status.unwrap_or_else(|| panic!("signal {signal}: still running after 10 s"));
        assert!(status.success(), "signal {signal}: {status:?}");
    }
}

#[test]
fn binding_beyond_loopback_warns() {
    let dir = corpus_archive();
    let mut child = crate::common::bin()
        .arg("--index")
        .arg(dir.path().join("ix"))
        .args(["serve", "--bind", "0.0.0.0:0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().expect("stdout")),
        &mut line,
    )
    .expect("address line");
    let _ = child.kill();
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("warning") && err.contains("other machines"), "{err}");
}
