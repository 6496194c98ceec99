//! Training of the tagger: an averaged perceptron over greedy left-to-right decoding with the
//! predicted history, the same skip rule as at run time, and the case dictionary.

use super::model::*;
use super::tokenize::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A training article: text, paragraph byte spans (as `extract::paragraphs::split` makes them,
/// the splitter of run time) and gold mentions
/// (byte span, kind 0 person, 1 organization, 2 location, 3 other).
#[derive(Debug, Clone)]
pub struct TrainDoc {
    pub text: String,
    pub paragraphs: Vec<(usize, usize)>,
    pub mentions: Vec<(usize, usize, u8)>,
}

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Features whose largest averaged weight (absolute) is below this are dropped.
    pub prune: f32,
    /// Gazetteer: lowercase words with their bits (GAZ_* constants).
    pub gazetteer: Vec<(String, u8)>,
    /// Probability of hiding a token's word-identity features in a training step, so that the
    /// model learns to use its shape, context and gazetteer features for unknown words.
    pub word_dropout: f32,
}

/// Gazetteer bits of a word.
pub const GAZ_FIRST: u8 = 1;
pub const GAZ_LAST_TOP: u8 = 2;
pub const GAZ_LAST: u8 = 4;
pub const GAZ_PLACE: u8 = 8;
pub const GAZ_PLACE_PART: u8 = 16;
pub const GAZ_COUNTRY: u8 = 32;
pub const GAZ_COUNTRY_PART: u8 = 64;

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, seed: 20240325, prune: 0.5, gazetteer: Vec::new(), word_dropout: 0.2 }
    }
}

#[derive(Default)]
struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, b: &[u8]) {
        for &x in b {
            self.0 = mix(self.0, x as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}
type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// The static features that name the word itself (see Doc::static_feats).
const WORD_FEATS: [usize; 4] = [1, 2, 15, 16];

fn bucket(low: u32, cap: u32) -> u8 {
    let n = low + cap;
    if n < 2 {
        return 0;
    }
    let r = cap as f32 / n as f32;
    if r < 0.05 {
        1
    } else if r < 0.5 {
        2
    } else if r < 0.95 {
        3
    } else {
        4
    }
}

struct Prepared {
    feats: Vec<u64>,
    gold: Vec<u8>,
    skip: Vec<bool>,
    /// token index (within the document) -> its dep-feature hashes need the word hash
    lw: Vec<u64>,
    sh: Vec<u64>,
    paras: Vec<(usize, usize)>,
}

/// Trains a model on the documents; returns the model file's bytes.
pub fn train(docs: &[TrainDoc], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Vec<u8> {
    // 1. case dictionary
    let mut counts: IdMap<(u32, u32)> = IdMap::default();
    for d in docs {
        let doc = Doc::new(&d.text, &d.paragraphs);
        for t in &doc.toks {
            if t.flags & HAS_ALPHA == 0 || t.flags & (SENT_START | CAPS_PARA) != 0 {
                continue;
            }
            let lw = tok_hashes(&d.text, t).lw;
            let e = counts.entry(lw).or_insert((0, 0));
            if t.flags & HAS_UPPER != 0 {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
        }
    }
    let mut lex_map: IdMap<[u8; 2]> = IdMap::default();
    for (&k, &(l, c)) in counts.iter() {
        let b = bucket(l, c);
        if b != 0 {
            lex_map.insert(k, [b, 0]);
        }
    }
    let ncase = lex_map.len();
    for (w, bits) in &opts.gazetteer {
        let k = hash_bytes(2, w.as_bytes(), true);
        lex_map.entry(k).or_insert([0, 0])[1] |= bits;
    }
    let mut case: Vec<(u64, [u8; 2])> = lex_map.iter().map(|(&k, &v)| (k, v)).collect();
    case.sort_unstable();
    let case_fn = |k: u64| lex_map.get(&k).copied().unwrap_or([0, 0]);
    log(&format!("lexicon: {} words with case statistics, {} in all with the gazetteer", ncase, case.len()));

    // 2. features of every token
    let mut prep = Vec::with_capacity(docs.len());
    let (mut ntok, mut nment, mut misaligned) = (0usize, 0usize, 0usize);
    for d in docs {
        let mut doc = Doc::new(&d.text, &d.paragraphs);
        let n = doc.toks.len();
        let mut gold = vec![O; n];
        let mut ms = d.mentions.clone();
        ms.sort_unstable();
        let mut ti = 0;
        for &(s, e, k) in &ms {
            nment += 1;
            while ti < n && (doc.toks[ti].e as usize) <= s {
                ti += 1;
            }
            let mut j = ti;
            let mut first = true;
            let mut ok = j < n && doc.toks[j].s as usize == s;
            while j < n && (doc.toks[j].s as usize) < e {
                if (doc.toks[j].e as usize) > e {
                    ok = false;
                }
                gold[j] = if first { btag(k) } else { btag(k) + 1 };
                first = false;
                j += 1;
            }
            if !ok || (j > 0 && j <= n && (doc.toks[j - 1].e as usize) != e) {
                misaligned += 1;
            }
        }
        let mut feats = vec![0u64; n * NS];
        let mut skip = vec![false; n];
        let mut lw = vec![0u64; n];
        let mut sh = vec![0u64; n];
        let mut buf = [0u64; NS];
        let paras = doc.paras.clone();
        for &(lo, hi) in &paras {
            for i in lo..hi {
                doc.static_feats(&case_fn, i, lo, hi, &mut buf);
                feats[i * NS..(i + 1) * NS].copy_from_slice(&buf);
                skip[i] = doc.skippable(i, hi);
                let h = doc.hash(i);
                lw[i] = h.lw;
                sh[i] = h.sh;
            }
        }
        ntok += n;
        prep.push(Prepared { feats, gold, skip, lw, sh, paras });
    }
    log(&format!(
        "{} documents, {} tokens, {} mentions ({} not aligned to tokens)",
        docs.len(),
        ntok,
        nment,
        misaligned
    ));

    // 3. averaged perceptron
    let mut index: IdMap<u32> = IdMap::default();
    let mut w: Vec<[f32; NT]> = Vec::new();
    let mut u: Vec<[f32; NT]> = Vec::new();
    let mut c: f32 = 1.0;
    let mut order: Vec<usize> = (0..prep.len()).collect();
    let mut rng = opts.seed | 1;
    let mut df = [0u64; ND];
    let dep = dep_keys;
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let j = (rng % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut errs, mut seen) = (0usize, 0usize);
        for &di in &order {
            let p = &prep[di];
            for &(lo, hi) in &p.paras {
                let (mut t1, mut t2) = (O, O);
                for i in lo..hi {
                    if p.skip[i] {
                        t2 = t1;
                        t1 = O;
                        continue;
                    }
                    dep(p.lw[i], p.sh[i], t1, t2, &mut df);
                    let mut sfv = [0u64; NS];
                    sfv.copy_from_slice(&p.feats[i * NS..(i + 1) * NS]);
                    rng ^= rng << 13;
                    rng ^= rng >> 7;
                    rng ^= rng << 17;
                    if ((rng >> 40) as f32 / (1u64 << 24) as f32) < opts.word_dropout {
                        for ix in WORD_FEATS {
                            sfv[ix] = 0;
                        }
                        df[2] = 0;
                    }
                    let sf = &sfv[..];
                    let mut s = [0f32; NT];
                    for k in sf.iter().chain(df.iter()) {
                        if let Some(&ix) = index.get(k) {
                            let row = &w[ix as usize];
                            for t in 0..NT {
                                s[t] += row[t];
                            }
                        }
                    }
                    let mut best = 0;
                    for t in 1..NT {
                        if s[t] > s[best] {
                            best = t;
                        }
                    }
                    let g = p.gold[i] as usize;
                    seen += 1;
                    if best != g {
                        errs += 1;
                        for &k in sf.iter().chain(df.iter()) {
                            if k == 0 {
                                continue;
                            }
                            let ix = *index.entry(k).or_insert_with(|| {
                                w.push([0.0; NT]);
                                u.push([0.0; NT]);
                                (w.len() - 1) as u32
                            }) as usize;
                            w[ix][g] += 1.0;
                            w[ix][best] -= 1.0;
                            u[ix][g] += c;
                            u[ix][best] -= c;
                        }
                    }
                    c += 1.0;
                    t2 = t1;
                    t1 = best as u8;
                }
            }
        }
        log(&format!("epoch {}: {} errors in {} scored tokens, {} features", epoch + 1, errs, seen, w.len()));
    }
    // 4. average, prune, quantize
    let mut feats: Vec<(u64, [f32; NT])> = Vec::with_capacity(w.len());
    let mut maxabs = 0f32;
    for (&k, &ix) in index.iter() {
        let mut a = [0f32; NT];
        let mut m = 0f32;
        for t in 0..NT {
            a[t] = w[ix as usize][t] - u[ix as usize][t] / c;
            m = m.max(a[t].abs());
        }
        if m >= opts.prune {
            maxabs = maxabs.max(m);
            feats.push((k, a));
        }
    }
    feats.sort_unstable_by_key(|x| x.0);
    let scale = if maxabs > 0.0 { 32000.0 / maxabs } else { 1.0 };
    let q: Vec<(u64, [i16; NT])> = feats
        .iter()
        .map(|(k, a)| {
            let mut r = [0i16; NT];
            for t in 0..NT {
                r[t] = (a[t] * scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            (*k, r)
        })
        .collect();
    log(&format!("kept {} of {} features (prune {}), weight scale {}", q.len(), w.len(), opts.prune, scale));
    write_model(&q, &case)
}
