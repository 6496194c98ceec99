//! The search page in a real browser: headless Chromium from Debian's packages, driven over
//! WebDriver (chromedriver) by fantoccini, against `gazette serve` on the bundled corpus. The
//! test types a query, checks results and highlights, ticks a facet (counts and URL), clicks a
//! histogram bar, opens an article and a quote's article, goes back and forward, and takes
//! screenshots at desktop and phone width.
//!
//! Needs /usr/bin/chromium and /usr/bin/chromedriver (`apt-get install chromium
//! chromium-driver`; `.ci/run` installs them and runs this test). Screenshots are written to
//! target/screenshots, and to docs/ when GAZETTE_SCREENSHOTS=docs.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::server::Server;
use crate::common::{repo, run};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// chromedriver and the browser profile it used, both gone when dropped.
struct Driver(Child, std::path::PathBuf);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let _ = std::fs::remove_dir_all(&self.1);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

async fn connect() -> (Driver, Client) {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let profile = std::env::temp_dir().join(format!("gazette-chromium-{}-{port}", std::process::id()));
    let driver = Driver(child, profile.clone());
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,900", format!("--user-data-dir={}", profile.display())],
        }),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        match ClientBuilder::new(connector).capabilities(caps.clone()).connect(&url).await {
            Ok(c) => return (driver, c),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("could not start a Chromium session through {CHROMEDRIVER}");
}

/// Evaluates a JavaScript expression in the page.
async fn js(c: &Client, expr: &str) -> Value {
    c.execute(&format!("return ({expr});"), vec![]).await.unwrap_or_else(|e| panic!("{expr}: {e}"))
}

/// Waits until the page is rendered (`body[data-state=ready]`) and `cond` holds.
async fn until(c: &Client, cond: &str, what: &str) {
    let expr = format!("document.body.dataset.state === 'ready' && !!({cond})");
    for _ in 0..200 {
        if js(c, &expr).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let url = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    panic!("timed out waiting for {what} ({cond}) at {url}");
}

fn param(url: &str, key: &str) -> Vec<String> {
    let q = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    form_urlencoded::parse(q.as_bytes()).filter(|(k, _)| k == key).map(|(_, v)| v.into_owned()).collect()
}

async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("a screenshot");
    let dir = repo().join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    std::fs::write(dir.join(name), &png).expect("write the screenshot");
    if std::env::var("GAZETTE_SCREENSHOTS").is_ok_and(|v| v == "docs") {
        std::fs::write(repo().join("docs").join(name), &png).expect("write the screenshot to docs/");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs Debian's chromium and chromium-driver (.ci/run installs them and runs `cargo test --test e2e browser -- --ignored`)"]
async fn a_journalist_searches_filters_reads_an_article_and_goes_back() {
    assert!(
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
        "install chromium and chromium-driver"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let ix = dir.path().join("ix");
    assert!(run(&ix, &["index", repo().join("corpus").to_str().expect("utf-8")]).status.success());
    let server = Server::start(&ix);
    let (_driver, c) = connect().await;

    c.goto(&server.url("/")).await.expect("open the page");
    until(&c, "document.querySelector('#stats').textContent.includes('articles')", "the archive's stats")
        .await;

    // `/` focuses the search box; type a query and submit.
    c.find(Locator::Css("body")).await.expect("body").send_keys("/").await.expect("press /");
    assert_eq!(js(&c, "document.activeElement && document.activeElement.id").await, "q");
    let q = c.find(Locator::Id("q")).await.expect("the search box");
    q.send_keys("president").await.expect("type");
    c.find(Locator::Css("#search-form button[type=submit]"))
        .await
        .expect("submit")
        .click()
        .await
        .expect("submit");
    until(&c, "document.querySelectorAll('#results .hit').length > 0", "results").await;
    let url = c.current_url().await.expect("url").to_string();
    assert_eq!(param(&url, "q"), ["president"]);
    let total_text = js(&c, "document.querySelector('#total').textContent").await;
    let total: u64 = total_text
        .as_str()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("a count in {total_text}"));
    assert!(total > 1, "{total_text}");
    // Every highlight is the query word (stemmed forms allowed).
    let marks = js(
        &c,
        "[...document.querySelectorAll('#results .snippet mark')].map(m => m.textContent.toLowerCase())",
    )
    .await;
    let marks: Vec<String> = serde_json::from_value(marks).expect("strings");
    assert!(!marks.is_empty() && marks.iter().all(|m| m.starts_with("presid")), "{marks:?}");
    screenshot(&c, "screenshot-search.png").await;

    // Tick a person: the URL says so, the count shrinks to the facet's count, the box stays ticked.
    let facet = js(&c, "(() => { const i = document.querySelector('#facets input[data-facet=person]'); const n = i.closest('label').querySelector('.count'); return [i.value, Number(n.textContent.replace(/[^0-9]/g, ''))]; })()").await;
    let (person, count): (String, u64) = serde_json::from_value(facet).expect("a person facet value");
    c.find(Locator::Css("#facets input[data-facet=person]"))
        .await
        .expect("checkbox")
        .click()
        .await
        .expect("tick");
    until(&c, "new URLSearchParams(location.search).has('person')", "the person filter").await;
    let url = c.current_url().await.expect("url").to_string();
    assert_eq!(param(&url, "person"), std::slice::from_ref(&person));
    until(
        &c,
        &format!("document.querySelector('#total').textContent.startsWith('{count} ')"),
        "the filtered count",
    )
    .await;
    let checked = js(&c, &format!("[...document.querySelectorAll('#facets input[data-facet=person]')].some(i => i.value === {} && i.checked)", Value::String(person.clone()))).await;
    assert_eq!(checked, true);

    // Clear the person, then click a histogram bar: the dates narrow to that month.
    c.back().await.expect("back");
    until(&c, "!new URLSearchParams(location.search).has('person')", "back to the unfiltered search").await;
    until(&c, "document.querySelectorAll('#histogram .bar').length > 0", "the histogram").await;
    let from = js(&c, "document.querySelector('#histogram .bar').dataset.from").await;
    let month = from.as_str().expect("a bucket")[..7].to_string();
    c.find(Locator::Css("#histogram .bar")).await.expect("a bar").click().await.expect("click the bar");
    until(&c, "new URLSearchParams(location.search).has('since')", "the date filter").await;
    let url = c.current_url().await.expect("url").to_string();
    assert_eq!(param(&url, "since"), std::slice::from_ref(&month));
    assert_eq!(param(&url, "until"), std::slice::from_ref(&month));
    let dates =
        js(&c, "[...document.querySelectorAll('#results .hit .hit-meta')].map(m => m.textContent)").await;
    let dates: Vec<String> = serde_json::from_value(dates).expect("strings");
    assert!(!dates.is_empty() && dates.iter().all(|d| d.contains(&month)), "{month}: {dates:?}");

    // Open the first article: its title, its paragraphs, its quotes marked.
    let title = js(&c, "document.querySelector('#results .hit-title').textContent").await;
    c.find(Locator::Css("#results .hit-title")).await.expect("a title").click().await.expect("open");
    until(
        &c,
        "!document.querySelector('#article').hidden && document.querySelector('#article h1')",
        "the article",
    )
    .await;
    assert_eq!(js(&c, "document.querySelector('#article h1').textContent").await, title);
    assert!(
        js(&c, "document.querySelectorAll('#article .paragraph').length").await.as_u64().unwrap_or(0) > 0
    );
    assert!(param(c.current_url().await.expect("url").as_ref(), "article").len() == 1);

    // Back: the month's results again, with the same URL.
    c.back().await.expect("back");
    until(
        &c,
        "document.querySelector('#article').hidden && document.querySelectorAll('#results .hit').length > 0",
        "the results again",
    )
    .await;
    assert_eq!(param(c.current_url().await.expect("url").as_ref(), "since"), [month]);
    c.forward().await.expect("forward");
    until(&c, "!document.querySelector('#article').hidden", "the article again").await;

    // The seed article in full, with quotes and entities marked.
    c.goto(&server.url("/?q=hostages%20Netanyahu")).await.expect("a bookmarked search");
    until(&c, "document.querySelectorAll('#results .hit').length > 0", "the bookmarked search").await;
    c.find(Locator::Css("#results .hit-title")).await.expect("a title").click().await.expect("open");
    until(&c, "document.querySelectorAll('#article mark.quote').length > 0 && document.querySelectorAll('#article .entity').length > 0", "marked quotes and entities").await;
    screenshot(&c, "screenshot-article.png").await;

    // The quotes tab: quotes with speakers; a speaker click filters; a quote opens its article.
    c.goto(&server.url("/?tab=quotes")).await.expect("quotes tab");
    until(&c, "document.querySelectorAll('#quotes .quote').length > 0", "quotes").await;
    assert_eq!(js(&c, "document.querySelector('#tab-quotes').getAttribute('aria-selected')").await, "true");
    let link =
        c.find(Locator::Css("#quotes .quote-speaker .speaker-link")).await.expect("an attributed quote");
    let speaker = link.text().await.expect("the speaker's name");
    link.click().await.expect("click a speaker");
    until(&c, "new URLSearchParams(location.search).has('speaker')", "the speaker filter").await;
    let speakers =
        js(&c, "[...document.querySelectorAll('#quotes .quote-speaker')].map(s => s.textContent)").await;
    let speakers: Vec<String> = serde_json::from_value(speakers).expect("strings");
    assert!(!speakers.is_empty() && speakers.iter().all(|s| *s == speaker), "{speaker}: {speakers:?}");
    screenshot(&c, "screenshot-quotes.png").await;
    c.find(Locator::Css("#quotes .quote-article"))
        .await
        .expect("a quote's article")
        .click()
        .await
        .expect("open");
    until(
        &c,
        "!document.querySelector('#article').hidden && document.querySelector('#article h1')",
        "the quote's article",
    )
    .await;

    // A query error is shown at its place.
    c.goto(&server.url("/?q=gaza%20AND%20(")).await.expect("a bad query");
    until(&c, "!document.querySelector('#query-error').hidden", "the query error").await;
    let err = js(&c, "document.querySelector('#query-error').textContent").await;
    assert!(err.as_str().is_some_and(|e| e.contains("never closed")), "{err}");

    // Phone width: no horizontal scroll.
    c.set_window_size(390, 844).await.expect("resize");
    c.goto(&server.url("/?q=president")).await.expect("search");
    until(&c, "document.querySelectorAll('#results .hit').length > 0", "results on a phone").await;
    let overflow =
        js(&c, "document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
    assert!(overflow.as_i64().unwrap_or(1) <= 0, "horizontal scroll of {overflow} px at 390 px wide");
    screenshot(&c, "screenshot-phone.png").await;

    c.close().await.expect("close the browser");
}
