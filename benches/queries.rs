//! Query latency: every query of `benches/queries.txt` (real words, phrases, prefixes, fuzzy
//! terms and names of the Reuters set) as a top-10 search with facets (speaker, person, org,
//! place, source, month histogram) and three snippets per hit, against an existing archive.
//! One warm-up pass, then timed passes; prints p50 / p95 / p99.
//!
//!     cargo bench --bench queries -- INDEX_DIR [QUERIES_FILE] [PASSES]

use std::time::Instant;

use gazette::index::Archive;
use gazette::search::{DateBucket, Filters, Request, Searchers, Sort};

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
    Some(Request {
        query: query.to_string(),
        filters: f,
        sort,
        limit: 10,
        snippets: 3,
        facets: ["speaker", "person", "org", "place", "source", "date"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        facet_size: 10,
        by_date: DateBucket::Month,
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
    let s = Searchers::new(Archive::open(std::path::Path::new(index)).expect("open the archive"))
        .expect("readers");
    let lines: Vec<String> = std::fs::read_to_string(&file)
        .expect("queries file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let requests: Vec<Request> = lines.iter().filter_map(|l| request(l)).collect();
    let (mut errors, mut hits) = (0usize, 0usize);
    for r in &requests {
        match s.search(r) {
            Ok(res) => hits += res.hits.len(),
            Err(_) => errors += 1,
        }
    }
    let mut times = Vec::with_capacity(requests.len() * passes);
    for _ in 0..passes {
        for r in &requests {
            let t = Instant::now();
            let _ = s.search(r);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mean = times.iter().sum::<f64>() / times.len() as f64;
    println!(
        "queries {} x {passes} passes (warm), {} hits in the warm-up, {errors} errors: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, mean {:.2} ms, max {:.2} ms",
        requests.len(),
        hits,
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        percentile(&times, 0.99),
        mean,
        times.last().copied().unwrap_or(0.0)
    );
}
