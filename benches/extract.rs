//! Extraction throughput on one core over the Reuters 106,520-article set (or its first N
//! articles): paragraphs, entity recognition, quotes, near-duplicate sketches, each alone.
//!
//!     cargo bench --bench extract -- [N]

use std::io::BufRead;
use std::time::Instant;

use gazette::extract::{entities, paragraphs, quotes};
use gazette::ingest::minhash;

/// The allocator of the `gazette` binary (src/main.rs), so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let n: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(usize::MAX);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/reuters-financial-2006-2013.jsonl.zst");
    let Ok(file) = std::fs::File::open(path) else {
        println!("skipped: {path} is not present");
        return;
    };
    let reader = std::io::BufReader::new(zstd::stream::read::Decoder::new(file).expect("zstd"));
    let texts: Vec<String> = reader
        .lines()
        .take(n)
        .filter_map(|l| l.ok())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .map(|v| v["text"].as_str().unwrap_or("").to_string())
        .collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let paras: Vec<Vec<(usize, usize)>> = texts.iter().map(|t| paragraphs::split(t, 0)).collect();
    let time = |name: &str, f: &mut dyn FnMut(&str, &[(usize, usize)]) -> usize| {
        let t = Instant::now();
        let mut found = 0;
        for (text, p) in texts.iter().zip(&paras) {
            found += f(text, p);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name:<12} {:>7.1} MB/s on one core ({mb:.0} MB of {} articles in {s:.2} s; {found} found)",
            mb / s,
            texts.len()
        );
    };
    time("paragraphs", &mut |t, _| paragraphs::split(t, 0).len());
    time("entities", &mut |t, p| entities::recognize(t, p).len());
    time("quotes", &mut |t, p| quotes::extract(t, p, &[]).len());
    time("minhash", &mut |t, _| minhash::bands(t).len());
    // the whole of extract(): entities with their names normalized, quotes with their speakers
    // resolved against the entities (what indexing runs)
    time("all", &mut |t, _| {
        let x = gazette::extract::extract(t, 0, gazette::extract::ExtractOptions::default());
        x.entities.len() + x.quotes.len()
    });
}
