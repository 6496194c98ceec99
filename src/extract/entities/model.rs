//! The tagger: hashed features, the weight table, the model file format and greedy decoding.

use super::tokenize::*;
use super::words::is_particle;

/// Tags: O, then B-/I- for PER, ORG, LOC, MISC.
pub(crate) const NT: usize = 9;
pub(crate) const O: u8 = 0;
/// Number of tag-independent features of a token.
pub(crate) const NS: usize = 25;
/// Number of features that depend on the previous tags.
pub(crate) const ND: usize = 4;

#[inline]
pub(crate) fn btag(kind: u8) -> u8 {
    1 + 2 * kind
}
#[inline]
pub(crate) fn tag_kind(t: u8) -> u8 {
    (t - 1) / 2
}
#[inline]
pub(crate) fn is_begin(t: u8) -> bool {
    t != O && (t - 1).is_multiple_of(2)
}

const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
pub(crate) fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
fn fin(h: u64) -> u64 {
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let h = h ^ (h >> 32);
    if h == 0 {
        1
    } else {
        h
    }
}

#[inline]
pub(crate) fn hash_bytes(seed: u64, w: &[u8], lower: bool) -> u64 {
    let mut h = mix(seed, w.len() as u64);
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let mut x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if lower {
            x = lower8(x);
        }
        h = mix(h, x);
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let mut buf = [0u8; 8];
        for (k, &c) in r.iter().enumerate() {
            buf[k] = if lower { c.to_ascii_lowercase() } else { c };
        }
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

/// Per-token hashes used by the features.
#[derive(Clone, Copy, Default)]
pub(crate) struct TokH {
    pub w: u64,
    pub lw: u64,
    pub sh: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub pre3: u64,
    pub done: bool,
    /// lexicon entry, once looked up
    pub lex: [u8; 2],
    pub has_lex: bool,
}

/// The shape class of each ASCII byte: X for capitals, x for small letters, d for digits, else
/// the byte itself.
static SHAPE_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_uppercase() {
            b'X'
        } else if b.is_ascii_lowercase() {
            b'x'
        } else if b.is_ascii_digit() {
            b'd'
        } else {
            b
        };
        c += 1;
    }
    t
};

fn shape_hash(text: &str, t: &Tok) -> u64 {
    let w = &text.as_bytes()[t.s as usize..t.e as usize];
    let mut h: u64 = 77;
    let mut last = 0u32;
    let mut n = 0;
    let mut push = |c: u32, h: &mut u64| {
        if c != last {
            if n < 8 {
                *h = mix(*h, c as u64);
            }
            n += 1;
            last = c;
        }
    };
    if w.is_ascii() {
        for &c in w {
            push(SHAPE_CLASS[c as usize] as u32, &mut h);
        }
    } else if let Some(s) = text.get(t.s as usize..t.e as usize) {
        for ch in s.chars() {
            let k = if ch.is_uppercase() {
                'X'
            } else if ch.is_lowercase() {
                'x'
            } else if ch.is_numeric() {
                'd'
            } else if ch.is_alphabetic() {
                'a'
            } else if (ch as u32) < 128 {
                ch
            } else {
                'o'
            };
            push(k as u32, &mut h);
        }
    }
    h
}

/// ASCII lowercase of 8 bytes at once: sets bit 5 of the bytes in 'A'..='Z'.
#[inline]
fn lower8(x: u64) -> u64 {
    let heptets = x & 0x7f7f_7f7f_7f7f_7f7f;
    let ge_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // >= 'A' (0x41)
    let gt_z = heptets.wrapping_add(0x2525_2525_2525_2525); // > 'Z' (0x5a)
    let is_upper = ge_a & !gt_z & !x & 0x8080_8080_8080_8080;
    x | (is_upper >> 2)
}

/// Up to 8 bytes as a little-endian number, zero-padded.
#[inline]
fn load_le(w: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..w.len()].copy_from_slice(w);
    u64::from_le_bytes(buf)
}

/// The hashes of a token, all as hash_bytes computes them, in one pass over its bytes.
pub(crate) fn tok_hashes(text: &str, t: &Tok) -> TokH {
    let w = &text.as_bytes()[t.s as usize..t.e as usize];
    let n = w.len();
    let (mut hw, mut hl) = (mix(1, n as u64), mix(2, n as u64));
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        hw = mix(hw, x);
        hl = mix(hl, lower8(x));
    }
    let r = chunks.remainder();
    if !r.is_empty() {
        let x = load_le(r);
        hw = mix(hw, x);
        hl = mix(hl, lower8(x));
    }
    // suffixes of 2, 3 and 4 bytes (or the whole word) from its last 4 bytes
    let m = n.min(4);
    let tail = lower8(load_le(&w[n - m..]));
    let suf = |k: usize| {
        let l = n.min(k);
        let h = mix(k as u64 + 100, l as u64);
        if l == 0 {
            h
        } else {
            mix(h, tail >> (8 * (m - l)))
        }
    };
    let l3 = n.min(3);
    let pre3 = if l3 == 0 { mix(200, 0) } else { mix(mix(200, l3 as u64), lower8(load_le(&w[..l3]))) };
    TokH {
        w: hw,
        lw: hl,
        sh: shape_hash(text, t),
        suf2: suf(2),
        suf3: suf(3),
        suf4: suf(4),
        pre3,
        done: true,
        lex: [0, 0],
        has_lex: false,
    }
}

/// tok_hashes as it was first written (for the tests).
#[cfg(test)]
pub(crate) fn tok_hashes_slow(text: &str, t: &Tok) -> TokH {
    let w = &text.as_bytes()[t.s as usize..t.e as usize];
    let n = w.len();
    let suf = |k: usize| hash_bytes(k as u64 + 100, &w[n.saturating_sub(k)..], true);
    TokH {
        w: hash_bytes(1, w, false),
        lw: hash_bytes(2, w, true),
        sh: shape_hash(text, t),
        suf2: suf(2),
        suf3: suf(3),
        suf4: suf(4),
        pre3: hash_bytes(200, &w[..n.min(3)], true),
        done: true,
        lex: [0, 0],
        has_lex: false,
    }
}

const BOS: TokH = TokH {
    w: 11,
    lw: 11,
    sh: 11,
    suf2: 11,
    suf3: 11,
    suf4: 11,
    pre3: 11,
    done: true,
    lex: [9, 0],
    has_lex: true,
};
const EOS: TokH = TokH {
    w: 13,
    lw: 13,
    sh: 13,
    suf2: 13,
    suf3: 13,
    suf4: 13,
    pre3: 13,
    done: true,
    lex: [9, 0],
    has_lex: true,
};

/// An open-addressing map from nonzero u64 keys to values.
pub(crate) struct Table<V: Copy> {
    slots: Vec<(u64, V)>,
    mask: usize,
}

impl<V: Copy> Table<V> {
    pub fn new(n: usize, zero: V) -> Self {
        Table::with_room(n, 2, zero)
    }

    /// A table for n keys with `room` slots a key or more (fewer probes, more memory).
    pub fn with_room(n: usize, room: usize, zero: V) -> Self {
        let cap = (n * room).next_power_of_two().max(16);
        Table { slots: vec![(0, zero); cap], mask: cap - 1 }
    }
    pub fn insert(&mut self, k: u64, v: V) {
        let mut i = (k as usize) & self.mask;
        loop {
            if self.slots[i].0 == 0 || self.slots[i].0 == k {
                self.slots[i] = (k, v);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }
    /// Hints the processor to fetch the slot of k.
    #[inline]
    pub fn prefetch(&self, k: u64) {
        #[cfg(target_arch = "x86_64")]
        unsafe {
            // SAFETY: the index is masked into the slots; prefetching has no effect on memory
            let p = self.slots.as_ptr().add((k as usize) & self.mask) as *const i8;
            core::arch::x86_64::_mm_prefetch(p, core::arch::x86_64::_MM_HINT_T0);
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = k;
    }

    #[inline]
    pub fn get(&self, k: u64) -> Option<&V> {
        let mut i = (k as usize) & self.mask;
        loop {
            // SAFETY: i is masked into the slots (their number is mask + 1)
            let slot = unsafe { self.slots.get_unchecked(i) };
            let kk = slot.0;
            if kk == k {
                return Some(&slot.1);
            }
            if kk == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

pub(crate) struct Model {
    /// a number of its own among the models loaded by the process (nonzero)
    pub id: u64,
    pub weights: Table<[i16; NT]>,
    /// lowercase word -> [case bucket, gazetteer bits]
    pub lex: Table<[u8; 2]>,
    /// the summed weights of the first two features of dep_keys, which depend only on the
    /// previous two tags: [t1 * NT + t2]
    pub trans: Vec<[i32; NT]>,
}

const MAGIC: &[u8; 8] = b"GZNER002";

/// Serializes a model: features with quantized weights, and the case dictionary.
pub(crate) fn write_model(feats: &[(u64, [i16; NT])], case: &[(u64, [u8; 2])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + feats.len() * (8 + 2 * NT) + case.len() * 9);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NT as u32).to_le_bytes());
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    out.extend_from_slice(&(case.len() as u32).to_le_bytes());
    for (k, _) in feats {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, w) in feats {
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    for (k, _) in case {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, v) in case {
        out.extend_from_slice(v);
    }
    out
}

pub(crate) fn read_model(b: &[u8]) -> Option<Model> {
    if b.len() < 20 || &b[..8] != MAGIC {
        return None;
    }
    let u32at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
    if u32at(8) != NT {
        return None;
    }
    let nf = u32at(12);
    let nc = u32at(16);
    let need = 20 + nf * (8 + 2 * NT) + nc * 10;
    if b.len() < need {
        return None;
    }
    let u64at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
    let mut weights = Table::with_room(nf, 4, [0i16; NT]);
    let kb = 20;
    let wb = kb + nf * 8;
    for f in 0..nf {
        let mut w = [0i16; NT];
        for (t, x) in w.iter_mut().enumerate() {
            let p = wb + (f * NT + t) * 2;
            *x = i16::from_le_bytes([b[p], b[p + 1]]);
        }
        weights.insert(u64at(kb + f * 8), w);
    }
    let cb = wb + nf * NT * 2;
    let vb = cb + nc * 8;
    let mut lex = Table::new(nc, [0u8; 2]);
    for c in 0..nc {
        lex.insert(u64at(cb + c * 8), [b[vb + 2 * c], b[vb + 2 * c + 1]]);
    }
    static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut m = Model { id, weights, lex, trans: Vec::new() };
    let mut df = [0u64; ND];
    for t1 in 0..NT as u8 {
        for t2 in 0..NT as u8 {
            dep_keys(0, 0, t1, t2, &mut df);
            let mut s = [0i32; NT];
            m.add_all(&df[..2], &mut s);
            m.trans.push(s);
        }
    }
    Some(m)
}

/// One article prepared for tagging: tokens with flags, paragraph token ranges, lazy hashes,
/// and the article-level set of words seen capitalized inside a sentence.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub paras: Vec<(usize, usize)>,
    pub h: Vec<TokH>,
    pub doc_cap: Table<()>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, paragraphs: &[(usize, usize)]) -> Doc<'a> {
        Doc::with_buffers(text, paragraphs, Vec::new(), Vec::new())
    }

    /// A document built in the given (cleared) buffers, to spare allocations.
    pub fn with_buffers(
        text: &'a str,
        paragraphs: &[(usize, usize)],
        mut toks: Vec<Tok>,
        mut h: Vec<TokH>,
    ) -> Doc<'a> {
        toks.clear();
        h.clear();
        let mut paras = Vec::with_capacity(paragraphs.len());
        let mut tail = Vec::new();
        for &(s, e) in paragraphs {
            let e = e.min(text.len());
            if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            let lo = toks.len();
            tokenize_with(text, s, e, &mut toks, &mut tail);
            let hi = toks.len();
            classify(text, &mut toks[lo..hi]);
            para_flags(text, &mut toks[lo..hi]);
            if hi > lo {
                paras.push((lo, hi));
            }
        }
        let mut ncap = 0;
        for t in &toks {
            if t.flags & (INIT_UPPER | SENT_START | CAPS_PARA) == INIT_UPPER {
                ncap += 1;
            }
        }
        h.resize(toks.len(), TokH::default());
        let mut doc_cap = Table::new(ncap, ());
        for (i, t) in toks.iter().enumerate() {
            if t.flags & (INIT_UPPER | SENT_START | CAPS_PARA) == INIT_UPPER {
                h[i] = tok_hashes(text, t);
                doc_cap.insert(h[i].lw, ());
            }
        }
        Doc { text, toks, paras, h, doc_cap }
    }

    #[inline]
    pub fn hash(&mut self, i: usize) -> TokH {
        if !self.h[i].done {
            self.h[i] = tok_hashes(self.text, &self.toks[i]);
        }
        self.h[i]
    }

    #[inline]
    fn hat(&mut self, i: isize, lo: usize, hi: usize) -> TokH {
        if i < lo as isize {
            BOS
        } else if i >= hi as isize {
            EOS
        } else {
            self.hash(i as usize)
        }
    }

    #[inline]
    fn lex_at<F: Fn(u64) -> [u8; 2]>(&mut self, lex: &F, i: isize, lo: usize, hi: usize) -> [u8; 2] {
        if i < lo as isize || i >= hi as isize {
            return [9, 0];
        }
        let i = i as usize;
        let h = self.hash(i);
        if !h.has_lex {
            self.h[i].lex = lex(h.lw);
            self.h[i].has_lex = true;
        }
        self.h[i].lex
    }

    /// Whether token i of paragraph [lo, hi) is outside any name without scoring it: it has no
    /// capital letter and is not a short word before a capitalized one (the "of" of "Bank of
    /// England"; and the two particles of "van der Pas", "de la Rua").
    #[inline]
    pub fn skippable(&self, i: usize, hi: usize) -> bool {
        let t = self.toks[i];
        if t.flags & HAS_UPPER != 0 || t.e - t.s > 4 || i + 1 >= hi {
            return t.flags & HAS_UPPER == 0;
        }
        let capital_after = |k: usize| k < hi && self.toks[k].flags & HAS_UPPER != 0;
        if capital_after(i + 1) {
            return false;
        }
        let word = |k: usize| &self.text[self.toks[k].s as usize..self.toks[k].e as usize];
        !(capital_after(i + 2) && is_particle(word(i)) && is_particle(word(i + 1)))
    }

    /// The tag-independent features of token i of the paragraph [lo, hi).
    #[inline]
    pub fn static_feats<F: Fn(u64) -> [u8; 2]>(
        &mut self,
        lex: &F,
        i: usize,
        lo: usize,
        hi: usize,
        out: &mut [u64; NS],
    ) {
        let (wk, ck) = (&mut [0u64; NWK], &mut [0u64; NCK]);
        let c0 = self.hash(i);
        let l0 = self.lex_at(lex, i as isize, lo, hi);
        let dc = self.doc_cap.get(c0.lw).is_some() as u64;
        word_keys(c0, self.toks[i].flags, l0, dc, wk);
        self.ctx_keys(lex, i, lo, hi, ck);
        for (k, &p) in WORD_POS.iter().enumerate() {
            out[p] = wk[k];
        }
        for (k, &p) in CTX_POS.iter().enumerate() {
            out[p] = ck[k];
        }
    }

    /// The tag-independent features of token i that depend on its neighbours (CTX_POS of
    /// static_feats' keys); the token's own hashes and lexicon entry must be computed.
    // Deliberate copy of tests::static_feats_slow: because that reference must not share this code.
    #[inline]
    pub fn ctx_keys<F: Fn(u64) -> [u8; 2]>(
        &mut self,
        lex: &F,
        i: usize,
        lo: usize,
        hi: usize,
        out: &mut [u64; NCK],
    ) {
        let ii = i as isize;
        let c0 = self.hash(i);
        let m1 = self.hat(ii - 1, lo, hi);
        let m2 = self.hat(ii - 2, lo, hi);
        let p1 = self.hat(ii + 1, lo, hi);
        let p2 = self.hat(ii + 2, lo, hi);
        let l0 = self.lex_at(lex, ii, lo, hi);
        let lm = self.lex_at(lex, ii - 1, lo, hi);
        let lp = self.lex_at(lex, ii + 1, lo, hi);
        let (cbm, cbp) = (lm[0] as u64, lp[0] as u64);
        let (g0, gm, gp) = (l0[1] as u64, lm[1] as u64, lp[1] as u64);
        let f = |t: u64, a: u64| fin(mix(mix(t, a), 0));
        let f2 = |t: u64, a: u64, b: u64| fin(mix(mix(t, a), b));
        let f3 = |t: u64, a: u64, b: u64, c: u64| fin(mix(mix(mix(t, a), b), c));
        out[0] = f(9, m1.lw);
        out[1] = f(10, p1.lw);
        out[2] = f(11, m2.lw);
        out[3] = f(12, p2.lw);
        out[4] = f2(13, m1.sh, c0.sh);
        out[5] = f2(14, c0.sh, p1.sh);
        out[6] = f3(15, m1.sh, c0.sh, p1.sh);
        out[7] = f2(16, m1.lw, c0.lw);
        out[8] = f2(17, c0.lw, p1.lw);
        out[9] = f2(21, cbm, m1.sh);
        out[10] = f2(22, cbp, p1.sh);
        out[11] = f2(24, gm, g0);
        out[12] = f2(25, g0, gp);
    }
}

/// The features that depend on the two previous tags.
#[inline]
pub(crate) fn dep_keys(lw: u64, sh: u64, t1: u8, t2: u8, out: &mut [u64; ND]) {
    out[0] = fin(mix(mix(31, t1 as u64), 0));
    out[1] = fin(mix(mix(32, t1 as u64), t2 as u64));
    let mut o = [0u64; 2];
    dep_tok_keys(lw, sh, t1, &mut o);
    out[2] = o[0];
    out[3] = o[1];
}

/// The last two of dep_keys, which depend on the token as well.
#[inline]
fn dep_tok_keys(lw: u64, sh: u64, t1: u8, out: &mut [u64; 2]) {
    out[0] = fin(mix(mix(33, t1 as u64), lw));
    out[1] = fin(mix(mix(34, t1 as u64), sh));
}

/// Number of static features of the word itself in its sentence and article, and of its context.
pub(crate) const NWK: usize = 12;
pub(crate) const NCK: usize = NS - NWK;
/// Their places among static_feats' keys.
const WORD_POS: [usize; NWK] = [0, 1, 2, 3, 4, 5, 6, 7, 17, 18, 19, 22];
const CTX_POS: [usize; NCK] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 23, 24];

/// The tag-independent features of a token that depend only on its bytes (hashes c0, lexicon
/// entry l0), its flags and whether the article has it capitalized inside a sentence (dc).
#[inline]
pub(crate) fn word_keys(c0: TokH, fl: u16, l0: [u8; 2], dc: u64, out: &mut [u64; NWK]) {
    let ctx = ((fl & SENT_START != 0) as u64)
        | (((fl & CAPS_PARA != 0) as u64) << 1)
        | (((fl & SHORT_PARA != 0) as u64) << 2);
    let capcls = ((fl & INIT_UPPER != 0) as u64) | (((fl & HAS_LOWER != 0) as u64) << 1);
    let (cb0, g0) = (l0[0] as u64, l0[1] as u64);
    let f = |t: u64, a: u64| fin(mix(mix(t, a), 0));
    let f2 = |t: u64, a: u64, b: u64| fin(mix(mix(t, a), b));
    let f3 = |t: u64, a: u64, b: u64, c: u64| fin(mix(mix(mix(t, a), b), c));
    out[0] = f(1, 0);
    out[1] = f(2, c0.w);
    out[2] = f(3, c0.lw);
    out[3] = f(4, c0.sh);
    out[4] = f(5, c0.suf2);
    out[5] = f(6, c0.suf3);
    out[6] = f(7, c0.suf4);
    out[7] = f(8, c0.pre3);
    out[8] = f2(18, ctx, c0.sh);
    out[9] = f3(19, cb0, ctx, capcls);
    out[10] = f3(20, dc, ctx, capcls);
    out[11] = f2(23, g0, capcls | (ctx << 2));
}

/// What word_keys depends on, in one key: the word's hashes, flags and dc.
#[inline]
fn word_id(c0: &TokH, fl: u16, dc: u64) -> u64 {
    let bits = fl & (SENT_START | CAPS_PARA | SHORT_PARA | INIT_UPPER | HAS_LOWER);
    fin(mix(mix(mix(c0.w, c0.lw), bits as u64 | (dc << 16)), 0x3c6e_f372_fe94_f82b))
}

impl Model {
    /// Adds the weights of the features `keys` to the scores s.
    #[inline]
    fn add_all(&self, keys: &[u64], s: &mut [i32; NT]) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86_64; the loads read 16 bytes of an 18-byte row and of
        // the 36-byte s, and the stores write within s
        unsafe {
            use core::arch::x86_64::*;
            let sp = s.as_mut_ptr() as *mut __m128i;
            let mut a = _mm_loadu_si128(sp);
            let mut b = _mm_loadu_si128(sp.add(1));
            let mut c = s[8];
            for &k in keys {
                if let Some(w) = self.weights.get(k) {
                    let v = _mm_loadu_si128(w.as_ptr() as *const __m128i);
                    // the i16 lanes sign-extended to i32
                    a = _mm_add_epi32(a, _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
                    b = _mm_add_epi32(b, _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
                    c += w[8] as i32;
                }
            }
            _mm_storeu_si128(sp, a);
            _mm_storeu_si128(sp.add(1), b);
            s[8] = c;
        }
        #[cfg(not(target_arch = "x86_64"))]
        for &k in keys {
            if let Some(w) = self.weights.get(k) {
                for t in 0..NT {
                    s[t] += w[t] as i32;
                }
            }
        }
    }

    #[inline]
    pub fn lex_of(&self, lw: u64) -> [u8; 2] {
        self.lex.get(lw).copied().unwrap_or([0, 0])
    }

    /// [`Self::lex_of`] a word as written: its case class and its gazetteer flags.
    pub fn lex_of_word(&self, w: &str) -> [u8; 2] {
        self.lex_of(hash_bytes(2, w.as_bytes(), true))
    }

    pub fn case_of(&self, lw: u64) -> u8 {
        self.lex_of(lw)[0]
    }

    /// Greedy tagging of every paragraph of the document.
    ///
    /// The score of a token is the sum of the weights of its features. The part of it that
    /// depends only on the word, its flags and the article (word_keys) is looked up in a small
    /// per-thread cache first: words recur, and the weight table is far larger than the
    /// processor's near caches. The rows of the context features are prefetched a paragraph
    /// ahead of their use, and only the four features of the previous tags are looked up as
    /// tokens are decoded. (Integer sums: the order of the additions changes nothing.)
    #[allow(clippy::needless_range_loop)]
    pub fn tag(&self, d: &mut Doc) -> Vec<u8> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> = const { std::cell::RefCell::new(Scratch { model: 0, cache: Vec::new(), idx: Vec::new(), keys: Vec::new(), base: Vec::new() }) };
        }
        let mut sc = SCRATCH
            .with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)).ok())
            .unwrap_or_default();
        if sc.model != self.id || sc.cache.len() != CACHE {
            sc.model = self.id;
            sc.cache.clear();
            sc.cache.resize(CACHE, (0, [0; NT]));
        }
        let Scratch { cache, idx, keys, base, .. } = &mut sc;
        let mut tags = vec![O; d.toks.len()];
        let case = |k: u64| self.lex_of(k);
        let mut df2 = [0u64; 2];
        let mut wk = [0u64; NWK];
        for pi in 0..d.paras.len() {
            let (lo, hi) = d.paras[pi];
            idx.clear();
            for i in lo..hi {
                if !d.skippable(i, hi) {
                    idx.push(i as u32);
                }
            }
            if idx.is_empty() {
                continue;
            }
            // hashes of the scored tokens and their neighbours, and their lexicon slots
            for &i in idx.iter() {
                let i = i as usize;
                for j in i.saturating_sub(2).max(lo)..(i + 3).min(hi) {
                    let h = d.hash(j);
                    if !h.has_lex && j + 1 >= i && j <= i + 1 {
                        self.lex.prefetch(h.lw);
                    }
                }
            }
            keys.resize(idx.len(), [0u64; NCK]);
            base.resize(idx.len(), [0i32; NT]);
            for (n, &i) in idx.iter().enumerate() {
                let i = i as usize;
                d.ctx_keys(&case, i, lo, hi, &mut keys[n]);
                for &k in keys[n].iter() {
                    self.weights.prefetch(k);
                }
                // the tag-dependent features of a token after an O, the likeliest
                let c0 = d.h[i];
                dep_tok_keys(c0.lw, c0.sh, O, &mut df2);
                self.weights.prefetch(df2[0]);
                self.weights.prefetch(df2[1]);
            }
            for (n, &i) in idx.iter().enumerate() {
                let i = i as usize;
                let c0 = d.h[i];
                let fl = d.toks[i].flags;
                let dc = d.doc_cap.get(c0.lw).is_some() as u64;
                let id = word_id(&c0, fl, dc);
                let slot = &mut cache[(id as usize) & (CACHE - 1)];
                if slot.0 == id {
                    base[n] = slot.1;
                } else {
                    word_keys(c0, fl, c0.lex, dc, &mut wk);
                    let mut s = [0i32; NT];
                    self.add_all(&wk, &mut s);
                    *slot = (id, s);
                    base[n] = s;
                }
            }
            let (mut t1, mut t2) = (O, O);
            let mut next = lo;
            for (n, &i) in idx.iter().enumerate() {
                let i = i as usize;
                // the skipped tokens before this one are O
                match i - next {
                    0 => {}
                    1 => {
                        t2 = t1;
                        t1 = O;
                    }
                    _ => {
                        t2 = O;
                        t1 = O;
                    }
                }
                let c0 = d.h[i];
                dep_tok_keys(c0.lw, c0.sh, t1, &mut df2);
                let mut s = base[n];
                let tr = &self.trans[t1 as usize * NT + t2 as usize];
                for t in 0..NT {
                    s[t] += tr[t];
                }
                self.add_all(&keys[n], &mut s);
                self.add_all(&df2, &mut s);
                let mut best = 0;
                for t in 1..NT {
                    if s[t] > s[best] {
                        best = t;
                    }
                }
                tags[i] = best as u8;
                t2 = t1;
                t1 = best as u8;
                next = i + 1;
            }
        }
        if keys.len() <= 1 << 16 {
            SCRATCH.with(|b| {
                if let Ok(mut b) = b.try_borrow_mut() {
                    *b = sc;
                }
            });
        }
        tags
    }
}

/// Entries of the per-thread cache of word scores.
const CACHE: usize = 1 << 13;

/// Per-thread buffers of the tagger: the cache of word scores (of the model `model`), and the
/// scored tokens of a paragraph with their context keys and word scores.
#[derive(Default)]
struct Scratch {
    model: u64,
    cache: Vec<(u64, [i32; NT])>,
    idx: Vec<u32>,
    keys: Vec<[u64; NCK]>,
    base: Vec<[i32; NT]>,
}

/// A fast hasher for the small maps of one article (FxHash-like).
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        fin(self.0)
    }
    #[inline]
    fn write(&mut self, b: &[u8]) {
        self.0 = hash_bytes(self.0, b, false);
    }
    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.0 = mix(self.0, x as u64);
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = mix(self.0, x);
    }
    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.0 = mix(self.0, x as u64);
    }
}

pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// static_feats as it was first written, all in one function.
    // Deliberate copy of Doc::static_feats/ctx_keys: because it is the reference they are tested against.
    fn static_feats_slow(
        d: &mut Doc,
        lex: &dyn Fn(u64) -> [u8; 2],
        i: usize,
        lo: usize,
        hi: usize,
        out: &mut [u64; NS],
    ) {
        let ii = i as isize;
        let c0 = d.hash(i);
        let m1 = d.hat(ii - 1, lo, hi);
        let m2 = d.hat(ii - 2, lo, hi);
        let p1 = d.hat(ii + 1, lo, hi);
        let p2 = d.hat(ii + 2, lo, hi);
        let fl = d.toks[i].flags;
        let ctx = ((fl & SENT_START != 0) as u64)
            | (((fl & CAPS_PARA != 0) as u64) << 1)
            | (((fl & SHORT_PARA != 0) as u64) << 2);
        let capcls = ((fl & INIT_UPPER != 0) as u64) | (((fl & HAS_LOWER != 0) as u64) << 1);
        let l0 = d.lex_at(&lex, i as isize, lo, hi);
        let lm = d.lex_at(&lex, ii - 1, lo, hi);
        let lp = d.lex_at(&lex, ii + 1, lo, hi);
        let (cb0, cbm, cbp) = (l0[0] as u64, lm[0] as u64, lp[0] as u64);
        let (g0, gm, gp) = (l0[1] as u64, lm[1] as u64, lp[1] as u64);
        let dc = d.doc_cap.get(c0.lw).is_some() as u64;
        let f = |t: u64, a: u64| fin(mix(mix(t, a), 0));
        let f2 = |t: u64, a: u64, b: u64| fin(mix(mix(t, a), b));
        let f3 = |t: u64, a: u64, b: u64, c: u64| fin(mix(mix(mix(t, a), b), c));
        out[0] = f(1, 0);
        out[1] = f(2, c0.w);
        out[2] = f(3, c0.lw);
        out[3] = f(4, c0.sh);
        out[4] = f(5, c0.suf2);
        out[5] = f(6, c0.suf3);
        out[6] = f(7, c0.suf4);
        out[7] = f(8, c0.pre3);
        out[8] = f(9, m1.lw);
        out[9] = f(10, p1.lw);
        out[10] = f(11, m2.lw);
        out[11] = f(12, p2.lw);
        out[12] = f2(13, m1.sh, c0.sh);
        out[13] = f2(14, c0.sh, p1.sh);
        out[14] = f3(15, m1.sh, c0.sh, p1.sh);
        out[15] = f2(16, m1.lw, c0.lw);
        out[16] = f2(17, c0.lw, p1.lw);
        out[17] = f2(18, ctx, c0.sh);
        out[18] = f3(19, cb0, ctx, capcls);
        out[19] = f3(20, dc, ctx, capcls);
        out[20] = f2(21, cbm, m1.sh);
        out[21] = f2(22, cbp, p1.sh);
        out[22] = f2(23, g0, capcls | (ctx << 2));
        out[23] = f2(24, gm, g0);
        out[24] = f2(25, g0, gp);
    }

    #[test]
    fn static_features_as_first_written() {
        let text = "LONDON 1996-08-30\n\nThe U.S. envoy, Linda Thomas-Greenfield, told the Security Council on Monday.\n\nÉmile Zola’s book. Bank of England said.";
        let paras = crate::extract::paragraphs::split(text, 0);
        let lex = |k: u64| [(k % 5) as u8, (k % 7) as u8];
        let mut a = Doc::new(text, &paras);
        let mut b = Doc::new(text, &paras);
        for (lo, hi) in a.paras.clone() {
            for i in lo..hi {
                let (mut x, mut y) = ([0u64; NS], [0u64; NS]);
                a.static_feats(&lex, i, lo, hi, &mut x);
                static_feats_slow(&mut b, &lex, i, lo, hi, &mut y);
                assert_eq!(x, y, "token {i}");
            }
        }
    }

    #[test]
    fn token_hashes_as_hash_bytes() {
        let text =
            "a Ab ABC abcD ABCDE U.S. Weston-super-Mare ÉMILE Zoë 's ’s Χ 1996-08-30 HELLO_WORLD_AGAIN";
        let mut toks = Vec::new();
        let mut off = 0;
        for w in text.split(' ') {
            toks.push(Tok { s: off as u32, e: (off + w.len()) as u32, flags: 0 });
            off += w.len() + 1;
        }
        toks.push(Tok { s: 0, e: 0, flags: 0 });
        for t in &toks {
            let (a, b) = (tok_hashes(text, t), tok_hashes_slow(text, t));
            assert_eq!(
                (a.w, a.lw, a.sh, a.suf2, a.suf3, a.suf4, a.pre3),
                (b.w, b.lw, b.sh, b.suf2, b.suf3, b.suf4, b.pre3),
                "{:?}",
                &text[t.s as usize..t.e as usize]
            );
        }
    }
}
