//! Query latency: every query of `benches/queries.txt` (real words, phrases, prefixes, fuzzy
//! terms and names of the Reuters set) run twice in the same process and pass: as gazette's
//! full request (top 10 with facets: speaker, person, org, place, source, month histogram;
//! three snippets per hit; filters; near-duplicate collapsing) and as bare Tantivy (the same
//! parsed query, `TopDocs` top 10 by BM25 over the articles index, nothing else). One warm-up
//! pass, then timed passes; prints a line per query class and a last line of the form
//! `gazette p50 A ms p99 B ms; bare tantivy p50 C ms p99 D ms`.
//!
//!     cargo bench --bench queries -- INDEX_DIR [QUERIES_FILE] [PASSES]
//!
//! `QUERIES_WITHOUT=snippets,facets,collapse` (any of them) leaves those parts out of
//! gazette's request, to see what each costs. `QUERIES_DUMP=1` prints every timed request to
//! stderr (class, matches, gazette ms, query), to see where the time goes by number of matches.
//! `QUERIES_CHECK=0` leaves out the warm-up's check of every answer against the columns.

use std::time::Instant;

use gazette::index::Archive;
use gazette::search::{DateBucket, Filters, Request, Searchers, Sort};

/// The allocator of the `gazette` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Splits `--flag "a value" --other x` into words, honouring double quotes.
fn shell_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in s.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

fn request(line: &str) -> Option<Request> {
    let (query, flags) = line.split_once('\t').unwrap_or((line, ""));
    let mut f = Filters::default();
    let mut sort = Sort::Relevance;
    let words = shell_words(flags);
    let mut i = 0;
    while i + 1 < words.len() || (i < words.len() && words[i] == "--sort") {
        let v = words.get(i + 1).cloned().unwrap_or_default();
        match words[i].as_str() {
            "--speaker" => f.speakers.push(v),
            "--person" => f.persons.push(v),
            "--org" => f.orgs.push(v),
            "--place" => f.places.push(v),
            "--since" => f.since = gazette::search::query::period_bounds(&v).map(|b| b.0),
            "--sort" => sort = if v == "-date" { Sort::DateDescending } else { Sort::DateAscending },
            _ => {}
        }
        i += 2;
    }
    // QUERIES_WITHOUT=snippets,facets,collapse leaves parts of the request out, to see what
    // each costs
    let without = std::env::var("QUERIES_WITHOUT").unwrap_or_default();
    let without: Vec<&str> = without.split(',').collect();
    Some(Request {
        query: query.to_string(),
        filters: f,
        sort,
        limit: 10,
        snippets: if without.contains(&"snippets") { 0 } else { 3 },
        facets: if without.contains(&"facets") {
            Vec::new()
        } else {
            ["speaker", "person", "org", "place", "source", "date"].iter().map(|s| s.to_string()).collect()
        },
        facet_size: 10,
        by_date: DateBucket::Month,
        collapse: !without.contains(&"collapse"),
        ..Default::default()
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(index) = args.first() else {
        eprintln!("usage: cargo bench --bench queries -- INDEX_DIR [QUERIES_FILE] [PASSES]");
        std::process::exit(2);
    };
    let file = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/benches/queries.txt").to_string());
    let passes: usize = args.get(2).and_then(|p| p.parse().ok()).unwrap_or(2);
    let open = || Searchers::new(Archive::open(std::path::Path::new(index)).expect("open the archive"));
    let s = open().expect("readers").decode_facets().expect("decoded facets");
    // the same archive read through its columns: the warm-up checks both give the same answers
    let columns = open().expect("readers");
    let lines: Vec<String> = std::fs::read_to_string(&file)
        .expect("queries file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let requests: Vec<(&'static str, Request)> =
        lines.iter().filter_map(|l| request(l).map(|r| (class(l), r))).collect();
    // QUERIES_CHECK=0 leaves out the warm-up's check against the columns (for profiles and
    // instruction counts of gazette's own searches)
    let check = std::env::var("QUERIES_CHECK").map_or(true, |v| v != "0");
    let (mut errors, mut hits, mut differ) = (0usize, 0usize, 0usize);
    for (_, r) in &requests {
        match s.search(r) {
            Ok(res) => {
                hits += res.hits.len();
                if check {
                    let again = columns.search(r).expect("the same search through the columns");
                    if serde_json::to_string(&res).ok() != serde_json::to_string(&again).ok() {
                        differ += 1;
                        eprintln!("decoded and column answers differ: {}", r.query);
                    }
                }
            }
            Err(_) => errors += 1,
        }
        let _ = s.bare_top10(&r.query, r.any);
    }
    let dump = std::env::var_os("QUERIES_DUMP").is_some();
    // (class, gazette ms, bare ms), each request timed both ways in turn
    let mut times: Vec<(&str, f64, f64)> = Vec::with_capacity(requests.len() * passes);
    for _ in 0..passes {
        for (c, r) in &requests {
            let t = Instant::now();
            let res = s.search(r);
            let full = t.elapsed().as_secs_f64() * 1000.0;
            if dump {
                eprintln!("{c}\t{}\t{full:.3}\t{}", res.map_or(0, |x| x.total), r.query);
            }
            let t = Instant::now();
            let _ = s.bare_top10(&r.query, r.any);
            times.push((c, full, t.elapsed().as_secs_f64() * 1000.0));
        }
    }
    println!(
        "queries {} x {passes} passes (warm), {} hits in the warm-up, {errors} errors, {differ} answers differing from the columns' ones; decoded facets {:.1} MB",
        requests.len(),
        hits,
        s.decoded_bytes() as f64 / 1e6
    );
    let stats = |xs: &mut Vec<f64>| -> (f64, f64) {
        xs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
        (percentile(xs, 0.50), percentile(xs, 0.99))
    };
    for c in CLASSES {
        let mut g: Vec<f64> = times.iter().filter(|t| t.0 == c).map(|t| t.1).collect();
        let mut b: Vec<f64> = times.iter().filter(|t| t.0 == c).map(|t| t.2).collect();
        if g.is_empty() {
            continue;
        }
        let n = g.len() / passes;
        let ((g50, g99), (b50, b99)) = (stats(&mut g), stats(&mut b));
        println!(
            "{c:<14} {n:>5} queries: gazette p50 {g50:.2} ms p99 {g99:.2} ms; bare tantivy p50 {b50:.2} ms p99 {b99:.2} ms; ratio p50 {:.1} p99 {:.1}",
            g50 / b50.max(1e-9),
            g99 / b99.max(1e-9)
        );
    }
    let mut g: Vec<f64> = times.iter().map(|t| t.1).collect();
    let mut b: Vec<f64> = times.iter().map(|t| t.2).collect();
    let ((g50, g99), (b50, b99)) = (stats(&mut g), stats(&mut b));
    println!("gazette p50 {g50:.2} ms p99 {g99:.2} ms; bare tantivy p50 {b50:.2} ms p99 {b99:.2} ms");
}

/// The query classes of the report, in its order.
const CLASSES: [&str; 9] =
    ["single word", "pair", "phrase", "prefix", "fuzzy", "filtered", "or with dates", "sorted", "other"];

/// The class of a line of the queries file.
fn class(line: &str) -> &'static str {
    let (query, flags) = line.split_once('\t').unwrap_or((line, ""));
    let q = query.trim();
    if flags.contains("--sort") {
        "sorted"
    } else if q.contains(" OR ") || q.contains("date:") {
        "or with dates"
    } else if !flags.trim().is_empty() {
        "filtered"
    } else if q.starts_with('"') {
        "phrase"
    } else if q.ends_with('*') {
        "prefix"
    } else if q.contains('~') {
        "fuzzy"
    } else {
        match q.split_whitespace().count() {
            1 => "single word",
            2 => "pair",
            _ => "other",
        }
    }
}
