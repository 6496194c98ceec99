//! Near-duplicate detection: MinHash over word 3-shingles with LSH banding. The same wire
//! story republished with a changed paragraph shares most of its shingles with the original
//! (Jaccard similarity about 0.8 or more); two different stories share almost none. Each
//! article keeps [`BANDS`] band hashes; two articles that agree on at least [`MIN_BANDS`] of
//! them are near-duplicates.

use std::collections::HashMap;

/// Bands of the signature, each of [`ROWS`] minima.
pub const BANDS: usize = 8;
const ROWS: usize = 4;
/// Bands two articles must share to be grouped: about 0.6 likely at Jaccard 0.7, over 0.99 at
/// 0.9, under 0.1 at 0.5.
pub const MIN_BANDS: usize = 2;
/// Texts shorter than this many words are not grouped: too little evidence.
const MIN_WORDS: usize = 20;
/// A republished story appears within days of the original; a templated notice (the daily
/// "Fed adds reserves") weeks apart is another story. Dated articles further apart than this
/// are never grouped.
pub const MAX_DAYS_APART: i64 = 2;

fn mix(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of a word, lowercased (FNV-1a over its characters); [`word_hashes`] computes it
/// for every word of a text at once, and this is its reference.
#[cfg(test)]
fn word_hash(w: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in w.chars().flat_map(char::to_lowercase) {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The [`word_hash`] of each run of letters and digits of `text`, in one pass: the same as
/// splitting at every other character and hashing each word, with ASCII read byte by byte.
fn word_hashes(text: &str) -> Vec<u64> {
    const START: u64 = 0xcbf2_9ce4_8422_2325;
    let step = |h: u64, c: u64| (h ^ c).wrapping_mul(0x0100_0000_01b3);
    let mut out = Vec::with_capacity(text.len() / 6);
    let (mut h, mut in_word) = (START, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alnum, width) = if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                h = step(h, b.to_ascii_lowercase() as u64);
            }
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let alnum = c.is_alphanumeric();
            if alnum {
                for l in c.to_lowercase() {
                    h = step(h, l as u64);
                }
            }
            (alnum, c.len_utf8())
        };
        if alnum {
            in_word = true;
        } else if in_word {
            out.push(h);
            (h, in_word) = (START, false);
        }
        i += width;
    }
    if in_word {
        out.push(h);
    }
    out
}

/// The band hashes of `text` (each below 2^32, so they pack small), or none when it is too
/// short to compare.
pub fn bands(text: &str) -> Vec<u64> {
    let words = word_hashes(text);
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    // One well-mixed hash per shingle; the signature's hash functions are cheap permutations
    // of it (xor with a seed, multiply by an odd constant, keep the high bits).
    let seeds: [u64; BANDS * ROWS] =
        std::array::from_fn(|i| mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1)));
    let mins = minima(&words, &seeds);
    mins.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| mix(rows.iter().fold(b as u64, |acc, r| mix(acc ^ r))) & 0xffff_ffff)
        .collect()
}

type Signature = [u64; BANDS * ROWS];

/// The signature: for each seed, the least of its permutation of the shingles' hashes.
fn minima(words: &[u64], seeds: &Signature) -> Signature {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512dq") {
        // SAFETY: the processor has the features the function is compiled for.
        return unsafe { minima_avx512(words, seeds) };
    }
    minima_portable(words, seeds)
}

/// The same loop compiled for AVX-512, whose 64-bit multiplications work on eight lanes at once
/// (the portable build has none: the loop is then scalar). The results are the same.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
unsafe fn minima_avx512(words: &[u64], seeds: &Signature) -> Signature {
    minima_portable(words, seeds)
}

#[inline(always)]
fn minima_portable(words: &[u64], seeds: &Signature) -> Signature {
    let mut mins = [u64::MAX; BANDS * ROWS];
    for w in words.windows(3) {
        let shingle = mix(w[0].rotate_left(21) ^ w[1].rotate_left(42) ^ w[2]);
        for (m, seed) in mins.iter_mut().zip(seeds) {
            let v = (shingle ^ seed).wrapping_mul(0xff51_afd7_ed55_8ccd);
            let v = v ^ (v >> 32);
            *m = (*m).min(v);
        }
    }
    mins
}

/// Band hashes of stored articles and the group each belongs to.
#[derive(Debug, Default)]
pub struct NearIndex {
    // (keys are hash bits already: FxHash instead of SipHash, a fifth of loading a 1M archive)
    table: rustc_hash::FxHashMap<(u8, u32), Vec<(u64, Option<i64>)>>,
    /// Stored articles not yet in `table` (bands, group, day): the table is built on the first
    /// lookup, so a run that adds nothing never pays for it.
    pending: Vec<(Vec<u64>, u64, Option<i64>)>,
}

impl NearIndex {
    /// Remembers a stored article for later: see `pending`.
    pub fn insert_later(&mut self, bands: Vec<u64>, group: u64, day: Option<i64>) {
        self.pending.push((bands, group, day));
    }

    fn settle(&mut self) {
        for (bands, group, day) in std::mem::take(&mut self.pending) {
            self.insert(&bands, group, day);
        }
    }

    /// Remembers an article's bands under its group, with its day (days since 1970) if dated.
    pub fn insert(&mut self, bands: &[u64], group: u64, day: Option<i64>) {
        self.settle();
        for (i, &b) in bands.iter().enumerate() {
            self.table.entry((i as u8, b as u32)).or_default().push((group, day));
        }
    }

    /// The group sharing the most bands with `bands`, when it shares at least [`MIN_BANDS`]
    /// with an article dated within [`MAX_DAYS_APART`] days (or undated).
    pub fn find(&mut self, bands: &[u64], day: Option<i64>) -> Option<u64> {
        self.settle();
        let mut votes: HashMap<u64, usize> = HashMap::new();
        for (i, &b) in bands.iter().enumerate() {
            let mut seen_here: Vec<u64> = Vec::new();
            for &(g, d) in self.table.get(&(i as u8, b as u32)).into_iter().flatten() {
                let close = match (day, d) {
                    (Some(a), Some(b)) => (a - b).abs() <= MAX_DAYS_APART,
                    _ => true,
                };
                if close && !seen_here.contains(&g) {
                    seen_here.push(g);
                    *votes.entry(g).or_default() += 1;
                }
            }
        }
        votes
            .into_iter()
            .filter(|&(_, v)| v >= MIN_BANDS)
            .max_by_key(|&(g, v)| (v, std::cmp::Reverse(g)))
            .map(|(g, _)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hashes_are_the_hashes_of_the_words_split_at_other_characters() {
        for text in [
            "",
            "  ",
            "One two, three-four: “Five” sixty7 ",
            "Ça coûte 10€ à São Paulo; ÉTÉ İstanbul straße ǅemal",
            "end",
            "日本語のテキスト and 中文",
        ] {
            let split: Vec<u64> =
                text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(word_hash).collect();
            assert_eq!(word_hashes(text), split, "{text:?}");
        }
    }

    #[test]
    fn the_signature_is_the_same_with_and_without_avx512() {
        let text = "The central bank raised its main interest rate by a quarter point on Tuesday, \
                    the third increase this year, and said more would follow if prices kept rising.";
        let words = word_hashes(text);
        let seeds: Signature = std::array::from_fn(|i| mix(i as u64 + 7));
        let portable = minima_portable(&words, &seeds);
        assert!(portable.iter().all(|&m| m < u64::MAX));
        assert_eq!(minima(&words, &seeds), portable);
    }

    const STORY: &str = "Oil prices rose sharply on Monday after producers agreed to extend output cuts through the end of the year, traders said, while analysts warned that demand in Asia remained weak and inventories in the United States were still well above their five-year average.

Brent crude gained two dollars a barrel in early trading in London, and the rally spread to energy shares across Europe and Asia as investors bet that the market would tighten in the coming months.

The producers said they would review the policy at their next meeting in June, and several ministers signalled they were ready to act again if prices fell back below seventy dollars.

Refiners in Asia have been cutting runs because of weak margins, and shipping data showed that tanker traffic through the main export routes had slowed in recent weeks.";

    #[test]
    fn a_story_with_a_changed_paragraph_is_near_and_another_story_is_not() {
        let a = bands(STORY);
        let b = bands(&STORY.replace(
            "Brent crude gained two dollars a barrel in early trading in London",
            "Brent crude futures rose by more than two dollars in thin early trade",
        ));
        let c = bands("The central bank left interest rates unchanged on Thursday, saying inflation was easing faster than expected, and signalled that it could cut borrowing costs later in the year if the labour market continued to cool and wage growth slowed further, while several members argued for an earlier move.");
        assert_eq!(a.len(), BANDS);
        let mut idx = NearIndex::default();
        idx.insert(&a, 42, Some(100));
        assert_eq!(
            idx.find(&b, Some(101)),
            Some(42),
            "shared bands: {}",
            a.iter().zip(&b).filter(|(x, y)| x == y).count()
        );
        assert_eq!(idx.find(&b, None), Some(42));
        assert_eq!(idx.find(&b, Some(130)), None, "the same template a month later is another story");
        assert_eq!(idx.find(&c, Some(100)), None);
    }

    #[test]
    fn short_texts_are_not_sketched() {
        assert!(bands("Too short to tell.").is_empty());
        let mut idx = NearIndex::default();
        idx.insert_later(bands(STORY), 7, None);
        assert_eq!(idx.find(&bands(STORY), None), Some(7), "stored for later, found all the same");
        assert_eq!(idx.find(&[], None), None);
    }
}
