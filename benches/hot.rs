//! Criterion micro-benches of the hot functions of indexing and search, on the seed article
//! (bundled) so they run anywhere: paragraph splitting, entity recognition, quote extraction,
//! near-duplicate sketches, hashing, snippet matching.
//!
//!     cargo bench --bench hot

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use gazette::extract::{entities, paragraphs, quotes};
use gazette::ingest::{minhash, Article};
use gazette::search::query::Highlight;
use gazette::search::snippets::Snippeter;

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/2024-03-25-un-security-council-gaza-ceasefire.txt"
    ))
    .expect("the seed article")
}

fn hot(c: &mut Criterion) {
    let text = seed();
    let paras = paragraphs::split(&text, 0);
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("paragraphs", |b| b.iter(|| paragraphs::split(&text, 0)));
    g.bench_function("entities", |b| b.iter(|| entities::recognize(&text, &paras)));
    g.bench_function("quotes", |b| b.iter(|| quotes::extract(&text, &paras, &[])));
    g.bench_function("minhash", |b| b.iter(|| minhash::bands(&text)));
    let art = Article { id: "seed".into(), text: text.clone(), ..Default::default() };
    g.bench_function("content+text hash", |b| b.iter(|| (art.content_hash(), art.text_hash())));
    g.finish();
    let paragraphs: Vec<String> = paras.iter().map(|&(s, e)| paragraphs::clean(&text[s..e])).collect();
    let hl = Highlight {
        stem_words: [("hostage", "hostag"), ("hostages", "hostag")]
            .map(|(w, s)| (w.to_string(), s.to_string()))
            .into(),
        words: ["netanyahu".to_string()].into(),
        phrases: vec![vec!["cease".into(), "fire".into()]],
    };
    let mut snip = Snippeter::default();
    c.bench_function("snippets: best 3 of 35 paragraphs", |b| b.iter(|| snip.best(&paragraphs, &hl, 3)));
}

criterion_group!(benches, hot);
criterion_main!(benches);
