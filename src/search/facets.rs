//! Facet counts in one pass over the matches: facet ordinals counted in a vector per segment,
//! only the ordinals that occurred turned back into strings; dates bucketed by calendar year,
//! month or day from the date fast field.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};
use time::Date;

use crate::ingest::date::calendar_day;

/// Calendar buckets of the date histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateBucket {
    #[default]
    Year,
    Month,
    Day,
}

impl std::str::FromStr for DateBucket {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "year" => Ok(DateBucket::Year),
            "month" => Ok(DateBucket::Month),
            "day" => Ok(DateBucket::Day),
            other => Err(format!("{other:?}: expected year, month or day")),
        }
    }
}

/// A facet value and how many matches carry it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// A date bucket `[from, to)` (dates as YYYY-MM-DD), its label (`2024`, `2024-03` or
/// `2024-03-25`) and its count.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DateCount {
    pub period: String,
    pub from: String,
    pub to: String,
    pub count: u64,
}

/// Julian day number of 1970-01-01, day 0 of the date fast field's day numbers.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The day after a day (y, m, d); for a key that is no day, the next year's first, so that a
/// walk over keys always advances.
fn next_day(y: i32, m: u8, d: u8) -> (i32, u8, u8) {
    match calendar_day(y, m.into(), d.into()).and_then(Date::next_day) {
        Some(next) => civil(next),
        None => (y + 1, 1, 1),
    }
}

/// Days since 1970-01-01 of a civil date; `None` when it is no day.
fn days_from_civil(y: i32, m: u8, d: u8) -> Option<i64> {
    calendar_day(y, m.into(), d.into()).map(day_number)
}

/// Days since 1970-01-01 of a stored date.
fn days_of(t: DateTime) -> i64 {
    t.into_timestamp_secs().div_euclid(86_400)
}

fn day_number(d: Date) -> i64 {
    d.to_julian_day() as i64 - UNIX_EPOCH_JULIAN_DAY
}

/// The day of a day number since 1970-01-01, clamped to the years `time` represents (archived
/// dates lie well inside them: Tantivy's years 1678 to 2262).
fn day_of(days: i64) -> Date {
    let julian = (days + UNIX_EPOCH_JULIAN_DAY)
        .clamp(Date::MIN.to_julian_day().into(), Date::MAX.to_julian_day().into());
    Date::from_julian_day(julian as i32).unwrap_or(Date::MIN)
}

fn civil(d: Date) -> (i32, u8, u8) {
    (d.year(), d.month().into(), d.day())
}

/// The civil date of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u8, u8) {
    civil(day_of(z))
}

/// Counts facet values of the given kinds and, optionally, dates, in one pass over the
/// matches. Documents hold global facet numbers (see `index::vocab`), so every segment counts
/// into one vector indexed by those numbers (or by their rank in a [`Decoded`] table), shared
/// by the segments of the search: exact counts, no merging or sorting, and only the values
/// shown are turned back into strings.
pub struct FacetCounter {
    field: String,
    /// Kind code of every facet number (`index::vocab::KINDS` order).
    kinds_of: std::sync::Arc<Vec<u8>>,
    /// Which kind codes to count.
    wanted: Vec<u8>,
    date_field: Option<(String, DateBucket)>,
    /// The number that counts for each facet number (merged names, see `index::aliases`);
    /// `None` when every number counts for itself.
    reps: Option<std::sync::Arc<Reps>>,
    /// With `reps`: per segment, the documents holding two forms of one merged name (see
    /// [`Reps::collisions`]).
    collide: Option<std::sync::Arc<Vec<Vec<u64>>>>,
    /// The searcher's facet and date fields decoded (see [`Decoded`]); without them, the
    /// columns are read.
    decoded: Option<std::sync::Arc<Decoded>>,
    /// The counts of the search, lent to one segment counter at a time (segments searched on
    /// several threads at once count into vectors of their own, added at the merge).
    shared: std::sync::Arc<std::sync::Mutex<Option<Acc>>>,
    /// How many values of each kind the request shows (`usize::MAX`: every value counts).
    /// With decoded numbers and a size, only the head of the ranks is counted at first (see
    /// [`Decoded`]); the tail only when a kind's shown values could include one of it.
    size: usize,
}

impl FacetCounter {
    pub fn new(
        field: &str,
        kinds_of: std::sync::Arc<Vec<u8>>,
        wanted: Vec<u8>,
        date_field: Option<(String, DateBucket)>,
        reps: Option<std::sync::Arc<Reps>>,
        collide: Option<std::sync::Arc<Vec<Vec<u64>>>>,
        decoded: Option<std::sync::Arc<Decoded>>,
    ) -> FacetCounter {
        FacetCounter {
            field: field.to_string(),
            kinds_of,
            wanted,
            date_field,
            reps,
            collide,
            decoded,
            shared: Default::default(),
            size: usize::MAX,
        }
    }

    /// Counts only what the `size` most frequent values of each kind need (the counts of
    /// values that cannot be among them may be left out).
    pub fn for_top(mut self, size: usize) -> FacetCounter {
        self.size = size;
        self
    }

    /// The number of counting slots: facet numbers, or ranks in the decoded table.
    fn slots(&self) -> usize {
        match &self.decoded {
            Some(d) => d.number_of.len(),
            None => self.kinds_of.len(),
        }
    }
}

/// The facet numbers and days of a searcher's segments, decoded once from their fast fields
/// into plain vectors (`Searchers::decode_facets`): counting then reads slices instead of
/// bit-packed columns, for a long-lived reader that answers many queries.
///
/// Each number is stored as its *rank*: numbers ordered by how many documents hold them, so
/// that the counts of the frequent values, which most matches add to, lie together at the
/// start of the count vector and stay in cache. A document's ranks are grouped by kind, so that
/// counting some kinds reads only theirs.
///
/// The ranks are split in a *head*, the numbers that at least [`HEAD_DF`] documents hold and
/// every merged, representative or hidden one, and a *tail*, the rest, which few documents
/// hold each. A request that shows the top values of a kind first counts the head only: when
/// enough values of a kind count more than any tail value of that kind could (`tail_df`), the
/// tail cannot change what is shown, and is never counted. Otherwise the matches are visited
/// again for the tail. The head's counts are a small vector that stays in cache, and a broad
/// query skips the many increments of rare values.
#[derive(Debug)]
pub struct Decoded {
    /// The fields decoded: the facet numbers and the date.
    fields: (String, String),
    /// The facet number of each rank, and the rank of each number.
    number_of: Vec<u32>,
    rank_of: Vec<u32>,
    /// The number of kind codes (`index::vocab::KINDS`).
    kinds: usize,
    segments: Vec<DecodedSegment>,
    /// Ranks below `head` are the head.
    head: u32,
    /// Per kind code, the most documents a tail number of that kind is held by (0: no tail).
    tail_df: Vec<u32>,
    /// The document frequency of each rank of the head (non-increasing).
    head_df: Vec<u32>,
    /// Per kind code, the head ranks of that kind in rank order (most frequent first).
    head_of_kind: Vec<Vec<u32>>,
    /// The head ranks of merged, representative and hidden numbers.
    specials: Vec<u32>,
}

/// A search whose matches number at most the head's size divided by this reads out its
/// counts from the matches' ranks ([`FacetCounter::read_matches`]): about 23 ranks per match,
/// against a scan of the whole head.
const FEW_MATCHES: usize = 32;

/// The fewest documents a number of the head is held by (merged names are head whatever
/// their frequency).
pub const HEAD_DF: u32 = 8;

#[derive(Debug)]
struct DecodedSegment {
    /// The ranks of kind `k` of document `d` are `ranks[starts[d * kinds + k]..starts[d *
    /// kinds + k + 1]]`.
    starts: Vec<u32>,
    ranks: Vec<u32>,
    /// Days since 1970-01-01; [`NO_DAY`] for an undated document.
    days: Vec<i32>,
    /// Per kind, a bit per document set when it holds a head rank of that kind: a count of
    /// one kind passes over the others without reading their ranks.
    head_bits: Vec<Vec<u64>>,
}

impl DecodedSegment {
    /// Whether document `doc` holds a head rank of kind `k` (true when not marked).
    #[inline(always)]
    fn has_head(&self, k: usize, doc: DocId) -> bool {
        self.head_bits.get(k).and_then(|b| b.get(doc as usize / 64)).is_none_or(|w| w >> (doc % 64) & 1 == 1)
    }

    /// Sets `head_bits`: per kind, the documents holding a rank below `head`.
    fn mark_head(&mut self, kinds: usize, head: u32) {
        let n = self.days.len();
        self.head_bits = vec![vec![0u64; n.div_ceil(64)]; kinds];
        for d in 0..n {
            for k in 0..kinds {
                if self.ranks_of(d * kinds, (k, k + 1)).iter().any(|&r| r < head) {
                    self.head_bits[k][d / 64] |= 1 << (d % 64);
                }
            }
        }
    }

    /// The ranks of kinds `a` to `b` (excluded) of the document whose starts begin at `base`
    /// (its number times the number of kinds).
    #[inline(always)]
    fn ranks_of(&self, base: usize, (a, b): (usize, usize)) -> &[u32] {
        &self.ranks[self.starts[base + a] as usize..self.starts[base + b] as usize]
    }
}

const NO_DAY: i32 = i32::MIN;

impl Decoded {
    /// The memory the vectors hold, in bytes.
    pub fn heap_bytes(&self) -> usize {
        (self.number_of.capacity()
            + self.rank_of.capacity()
            + self.head_df.capacity()
            + self.specials.capacity())
            * 4
            + self.head_of_kind.iter().map(|k| k.capacity() * 4).sum::<usize>()
            + self
                .segments
                .iter()
                .map(|s| {
                    (s.starts.capacity() + s.ranks.capacity() + s.days.capacity()) * 4
                        + s.head_bits.iter().map(|b| b.capacity() * 8).sum::<usize>()
                })
                .sum::<usize>()
    }

    /// Every segment of `searcher`, in segment order. Numbers past the vocabulary (`kinds_of`)
    /// belong to a newer commit than the reader's and are not counted.
    /// `merged` marks the numbers that counts are mapped through (see [`Reps`]): they are
    /// counted in the head.
    pub fn of(
        searcher: &tantivy::Searcher,
        field: &str,
        date_field: &str,
        kinds_of: &[u8],
        merged: Option<&Reps>,
    ) -> tantivy::Result<Decoded> {
        let kinds = kinds_of.iter().map(|&k| k as usize + 1).max().unwrap_or(1);
        let counted = |v: u64| (v as usize) < kinds_of.len();
        // one read of the columns: each document's numbers grouped by kind, and the document
        // frequency of every number; the numbers become ranks once all are counted
        let mut freq = vec![0u32; kinds_of.len()];
        let mut segments = Vec::with_capacity(searcher.segment_readers().len());
        let mut by_kind: Vec<Vec<u32>> = vec![Vec::new(); kinds];
        for seg in searcher.segment_readers() {
            let col = seg.fast_fields().u64(field)?;
            let dates = seg.fast_fields().date(date_field)?;
            let n = seg.max_doc() as usize;
            let mut s = DecodedSegment {
                starts: Vec::with_capacity(n * kinds + 1),
                ranks: Vec::new(),
                days: Vec::with_capacity(n),
                head_bits: Vec::new(),
            };
            for doc in 0..seg.max_doc() {
                for v in col.values_for_doc(doc).filter(|&v| counted(v)) {
                    freq[v as usize] += 1;
                    by_kind[kinds_of[v as usize] as usize].push(v as u32);
                }
                for k in by_kind.iter_mut() {
                    s.starts.push(s.ranks.len() as u32);
                    s.ranks.append(k);
                }
                // stored dates lie within Tantivy's years 1678 to 2262: i32 days hold them
                s.days.push(
                    dates
                        .first(doc)
                        .map_or(NO_DAY, |t| days_of(t).clamp(i32::MIN as i64 + 1, i32::MAX as i64) as i32),
                );
            }
            s.starts.push(s.ranks.len() as u32);
            segments.push(s);
        }
        // the head, then the tail, each by document frequency, ties by number
        let in_tail = |n: u32| freq[n as usize] < HEAD_DF && !merged.is_some_and(|r| r.special(u64::from(n)));
        let mut number_of: Vec<u32> = (0..kinds_of.len() as u32).collect();
        number_of.sort_by_key(|&n| (in_tail(n), std::cmp::Reverse(freq[n as usize])));
        let head = number_of.iter().position(|&n| in_tail(n)).unwrap_or(number_of.len()) as u32;
        let mut tail_df = vec![0u32; kinds];
        for &n in &number_of[head as usize..] {
            let k = kinds_of[n as usize] as usize;
            tail_df[k] = tail_df[k].max(freq[n as usize]);
        }
        let mut rank_of = vec![0u32; kinds_of.len()];
        for (rank, &n) in number_of.iter().enumerate() {
            rank_of[n as usize] = rank as u32;
        }
        for r in segments.iter_mut().flat_map(|s| s.ranks.iter_mut()) {
            *r = rank_of[*r as usize];
        }
        for s in &mut segments {
            s.mark_head(kinds, head);
        }
        let head_numbers = &number_of[..head as usize];
        let head_df = head_numbers.iter().map(|&n| freq[n as usize]).collect();
        let mut head_of_kind = vec![Vec::new(); kinds];
        for (rank, &n) in head_numbers.iter().enumerate() {
            head_of_kind[kinds_of[n as usize] as usize].push(rank as u32);
        }
        let specials = (0..head)
            .filter(|&r| merged.is_some_and(|m| m.special(u64::from(number_of[r as usize]))))
            .collect();
        Ok(Decoded {
            fields: (field.to_string(), date_field.to_string()),
            number_of,
            rank_of,
            kinds,
            segments,
            head,
            tail_df,
            head_df,
            head_of_kind,
            specials,
        })
    }

    /// Adds to `counts` the tail ranks of kinds `codes` of the documents `docs` of segment
    /// `seg`, and to `touched` each rank the first time it is counted (a search's tail ranks
    /// are few beside the tail: the read-out visits them instead of the whole vector).
    fn count_tail(
        &self,
        seg: usize,
        docs: &[DocId],
        codes: &[usize],
        counts: &mut [u32],
        touched: &mut Vec<u32>,
    ) {
        let Some(t) = self.segments.get(seg) else { return };
        for &doc in docs {
            let base = doc as usize * self.kinds;
            for &k in codes {
                for &rank in t.ranks_of(base, (k, k + 1)) {
                    if rank >= self.head {
                        if let Some(c) = counts.get_mut(rank as usize) {
                            if *c == 0 {
                                touched.push(rank);
                            }
                            *c += 1;
                        }
                    }
                }
            }
        }
    }
}

/// Where a segment's numbers and days are read from.
enum Source {
    Columns { facets: Option<Column<u64>>, dates: Option<Column<DateTime>> },
    Decoded(std::sync::Arc<Decoded>, usize),
}

pub struct SegmentFacetCounter {
    source: Source,
    /// The wanted kind codes as runs `[a, b)` of consecutive codes (a decoded document's
    /// ranks of consecutive kinds lie together).
    runs: Vec<(usize, usize)>,
    counting: Counting,
    days: Option<DayTally>,
    /// Ranks from here on are not counted (the tail, when only the head is counted at first).
    head: u32,
    /// With the head only: the segment's matches, for counting the tail if it is needed.
    docs: Option<Vec<DocId>>,
    /// Matches not counted yet (decoded numbers are counted [`BATCH`] documents at a time).
    batch: Vec<DocId>,
}

/// How many matches are counted together: their vectors' cache lines are all asked for
/// before any is counted, so that the memory serves them at once rather than one by one.
const BATCH: usize = 32;

/// Asks the processor to bring the cache line of `x` (a hint: no effect on the result).
#[inline(always)]
fn prefetch<T>(x: Option<&T>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(x) = x {
        // SAFETY: a prefetch never faults, and `x` is a valid reference anyway
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(x as *const T as *const i8)
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

impl SegmentFacetCounter {
    /// Counts the decoded numbers and days of the matches in `batch`.
    fn count_batch(&mut self) {
        let Source::Decoded(table, s) = &self.source else { return };
        let t = &table.segments[*s];
        let kinds = table.kinds;
        if let Some(docs) = &mut self.docs {
            docs.extend_from_slice(&self.batch);
        }
        // one kind's head, without dates (a multi-select count): only the documents holding one
        if let ([(k, k1)], None, true) = (self.runs.as_slice(), &self.days, self.head != u32::MAX) {
            if k + 1 == *k1 {
                self.batch.retain(|&d| t.has_head(*k, d));
            }
        }
        // every line first: the starts and days, then the ranks they point to
        for &doc in &self.batch {
            prefetch(t.starts.get(doc as usize * kinds));
            if self.days.is_some() {
                prefetch(t.days.get(doc as usize));
            }
        }
        let first = self.runs.first().map_or(0, |r| r.0);
        for &doc in &self.batch {
            let r = t.starts[doc as usize * kinds + first] as usize;
            prefetch(t.ranks.get(r));
            prefetch(t.ranks.get(r + 16));
        }
        let head = self.head;
        for &doc in &self.batch {
            let d = doc as usize;
            if let Some(days) = &mut self.days {
                days.day(Some(t.days[d]).filter(|&x| x != NO_DAY).map(i64::from));
            }
            let base = d * kinds;
            let run = |&r: &(usize, usize)| t.ranks_of(base, r);
            let c = &mut self.counting;
            if c.collides(doc) {
                let numbers = self
                    .runs
                    .iter()
                    .flat_map(run)
                    .filter(|&&r| r < head)
                    .map(|&r| u64::from(table.number_of[r as usize]));
                c.numbers(doc, numbers);
            } else if let Some(acc) = &mut c.acc {
                if head == u32::MAX {
                    for r in &self.runs {
                        for &rank in run(r) {
                            acc.add(rank, 1);
                        }
                    }
                } else {
                    acc.dense = acc.dense.max(head as usize).min(acc.counts.len());
                    let counts = &mut acc.counts[..acc.dense];
                    for r in &self.runs {
                        for &rank in run(r) {
                            if let Some(c) = counts.get_mut(rank as usize) {
                                *c += 1;
                            }
                        }
                    }
                }
            }
        }
        self.batch.clear();
    }
}

/// A segment's facet counting.
struct Counting {
    /// The search's counts while this segment counts; `None` when no kind is counted.
    acc: Option<Acc>,
    shared: std::sync::Arc<std::sync::Mutex<Option<Acc>>>,
    kinds_of: std::sync::Arc<Vec<u8>>,
    wanted: [bool; 256],
    /// Slots are ranks of this table (decoded), or facet numbers.
    ranks: Option<std::sync::Arc<Decoded>>,
    reps: Option<std::sync::Arc<Reps>>,
    /// This segment's documents with two forms of one merged name (a bit per document).
    collide: Option<std::sync::Arc<Vec<Vec<u64>>>>,
    segment: usize,
    /// One document's merged numbers, as their representatives: two forms of one name count
    /// once.
    scratch: Vec<u32>,
}

/// Counts indexed by slot, with a bit per block of 64 slots that holds a count (`dirty`), so
/// that reading them out visits only those blocks. Lent by [`POOL`] and given back zeroed.
pub(crate) struct Acc {
    counts: Vec<u32>,
    /// Bit `b` of word `w`: block `64 * w + b`, slots `64 * (64 * w + b)` and the 63 after.
    dirty: Vec<u64>,
    /// Slots below this may have been counted without a dirty bit (the head's slots, which a
    /// broad query mostly all counts): the read-out scans them all.
    dense: usize,
}

impl Acc {
    fn new(slots: usize) -> Acc {
        Acc { counts: vec![0; slots], dirty: vec![0; slots.div_ceil(64 * 64)], dense: 0 }
    }

    #[inline(always)]
    fn add(&mut self, slot: u32, n: u32) {
        if let Some(c) = self.counts.get_mut(slot as usize) {
            *c += n;
            if let Some(w) = self.dirty.get_mut((slot >> 12) as usize) {
                *w |= 1 << ((slot >> 6) & 63);
            }
        }
    }

    /// Calls `f(slot, count)` for every slot counted, leaving the counts zeroed.
    fn drain(&mut self, mut f: impl FnMut(u32, u32)) {
        let dense = std::mem::take(&mut self.dense).min(self.counts.len());
        for (slot, c) in self.counts[..dense].iter_mut().enumerate() {
            if *c > 0 {
                f(slot as u32, std::mem::take(c));
            }
        }
        for (w, word) in self.dirty.iter_mut().enumerate() {
            let mut bits = std::mem::take(word);
            while bits != 0 {
                let block = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let end = ((block + 1) * 64).min(self.counts.len());
                for slot in block * 64..end {
                    let c = std::mem::take(&mut self.counts[slot]);
                    if c > 0 {
                        f(slot as u32, c);
                    }
                }
            }
        }
    }
}

/// Counts matches per date bucket.
struct DayTally {
    bucket: DateBucket,
    counts: HashMap<i64, u64>,
    /// The last day seen and its bucket: neighbouring documents mostly share a day.
    last_day: (i64, i64),
    /// The bucket being counted and its count so far (flushed into `counts` when it changes).
    run: (i64, u64),
    undated: u64,
}

/// What a search counted: (facet number, count) for every number seen, in no particular
/// order, and per date bucket.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub counts: Vec<(u32, u32)>,
    pub dates: BTreeMap<(i32, u8, u8), u64>,
    /// Matches without a date (counted when the histogram is asked for).
    pub undated: u64,
}

/// What one segment counted: its count vector when it could not hand it back to the search
/// (segments counted at the same time), and its dates.
#[derive(Default)]
pub struct SegmentCounts {
    acc: Option<Acc>,
    dates: BTreeMap<(i32, u8, u8), u64>,
    undated: u64,
    /// With the head only: the segment and its matches.
    docs: Option<(usize, Vec<DocId>)>,
}

impl Counts {
    /// The `size` most frequent values of kind `code`, ties by name, named by `name_of`.
    pub fn top<'a>(
        &self,
        code: u8,
        kinds_of: &[u8],
        size: usize,
        name_of: impl Fn(u64) -> Option<&'a str>,
    ) -> Vec<FacetValue> {
        self.tops(&[code], kinds_of, size, name_of).pop().unwrap_or_default()
    }

    /// [`Counts::top`] of each kind of `codes`, in one pass over the counts.
    pub fn tops<'a>(
        &self,
        codes: &[u8],
        kinds_of: &[u8],
        size: usize,
        name_of: impl Fn(u64) -> Option<&'a str>,
    ) -> Vec<Vec<FacetValue>> {
        if size == 0 {
            return vec![Vec::new(); codes.len()];
        }
        let mut slot = [usize::MAX; 256];
        for (i, &c) in codes.iter().enumerate() {
            slot[c as usize] = i;
        }
        let mut per: Vec<Vec<(u32, u64)>> = vec![Vec::new(); codes.len()];
        for &(id, c) in &self.counts {
            if let Some(&k) = kinds_of.get(id as usize) {
                if let Some(v) = per.get_mut(slot[k as usize]) {
                    v.push((c, id as u64));
                }
            }
        }
        per.into_iter()
            .map(|mut v| {
                // Ties at the cut are ordered by name: keep every value tied with the last one
                // shown.
                if v.len() > size {
                    let cut = v.select_nth_unstable_by(size - 1, |a, b| b.0.cmp(&a.0)).1 .0;
                    v.retain(|x| x.0 >= cut);
                }
                // named and ordered before any name is copied: a cut may tie hundreds
                let mut named: Vec<(u32, &str)> =
                    v.into_iter().filter_map(|(c, id)| name_of(id).map(|n| (c, n))).collect();
                named.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                named.truncate(size);
                named.into_iter().map(|(c, n)| FacetValue { value: n.to_string(), count: c as u64 }).collect()
            })
            .collect()
    }

    /// The histogram from the first bucket with a match to the last, empty buckets included
    /// (unless that would be more than [`MAX_BUCKETS`]: then only the buckets with matches).
    pub fn histogram(&self, bucket: DateBucket) -> Vec<DateCount> {
        let next = |(y, m, d): (i32, u8, u8)| match bucket {
            DateBucket::Year => (y + 1, 1, 1),
            DateBucket::Month if m == 12 => (y + 1, 1, 1),
            DateBucket::Month => (y, m + 1, 1),
            DateBucket::Day => next_day(y, m, d),
        };
        let entry = |k: (i32, u8, u8), count: u64| {
            let from = iso_day(k);
            let period = match bucket {
                DateBucket::Year => from[..from.len() - 6].to_string(),
                DateBucket::Month => from[..from.len() - 3].to_string(),
                DateBucket::Day => from.clone(),
            };
            DateCount { period, from, to: iso_day(next(k)), count }
        };
        let (Some((&first, _)), Some((&last, _))) =
            (self.dates.first_key_value(), self.dates.last_key_value())
        else {
            return Vec::new();
        };
        let days_per_bucket = match bucket {
            DateBucket::Year => 365,
            DateBucket::Month => 28,
            DateBucket::Day => 1,
        };
        let day = |(y, m, d): (i32, u8, u8)| days_from_civil(y, m, d);
        let span = match (day(first), day(last)) {
            (Some(a), Some(b)) => (b - a) / days_per_bucket,
            _ => i64::MAX,
        };
        if span > MAX_BUCKETS {
            return self.dates.iter().map(|(&k, &c)| entry(k, c)).collect();
        }
        let mut out = Vec::new();
        let mut k = first;
        while k <= last {
            out.push(entry(k, self.dates.get(&k).copied().unwrap_or(0)));
            k = next(k);
        }
        out
    }
}

/// `YYYY-MM-DD`, as `format!("{y:04}-{m:02}-{d:02}")` writes it, without the formatter's
/// machinery (a histogram writes three dates per bucket, a hundred buckets per search).
fn iso_day((y, m, d): (i32, u8, u8)) -> String {
    if !(0..=9999).contains(&y) || m > 99 || d > 99 {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    let y = y as u32;
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        u32::from(m / 10),
        u32::from(m % 10),
        10,
        u32::from(d / 10),
        u32::from(d % 10),
    ];
    digits.iter().map(|&x| if x == 10 { '-' } else { char::from(b'0' + x as u8) }).collect()
}

/// The most buckets a histogram fills in between its first and last match.
pub const MAX_BUCKETS: i64 = 20_000;

impl Collector for FacetCounter {
    type Fruit = Counts;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let wanted = self.wanted_mask();
        let table = self.decoded.as_ref().filter(|t| {
            t.segments.get(ord as usize).is_some_and(|d| d.days.len() == segment.max_doc() as usize)
                && t.fields.0 == self.field
                && self.date_field.as_ref().is_none_or(|(f, _)| *f == t.fields.1)
        });
        // the head only: with decoded ranks, a size, and kinds to count
        let head = match table {
            Some(t) if self.size != usize::MAX && !self.wanted.is_empty() => t.head,
            _ => u32::MAX,
        };
        let source = match table {
            Some(t) => Source::Decoded(t.clone(), ord as usize),
            None => Source::Columns {
                facets: if self.wanted.is_empty() {
                    None
                } else {
                    Some(segment.fast_fields().u64(&self.field)?)
                },
                dates: match &self.date_field {
                    Some((f, _)) => Some(segment.fast_fields().date(f)?),
                    None => None,
                },
            },
        };
        let acc = if self.wanted.is_empty() {
            None
        } else {
            // the search's vector, unless another segment is counting into it right now
            let lent = self.shared.lock().unwrap_or_else(|e| e.into_inner()).take();
            Some(lent.unwrap_or_else(|| pool_take(self.slots())))
        };
        let kinds = self.decoded.as_ref().map_or(0, |d| d.kinds);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for k in (0..kinds).filter(|&k| wanted[k]) {
            match runs.last_mut() {
                Some(r) if r.1 == k => r.1 = k + 1,
                _ => runs.push((k, k + 1)),
            }
        }
        Ok(SegmentFacetCounter {
            source,
            runs,
            counting: Counting {
                acc,
                shared: self.shared.clone(),
                kinds_of: self.kinds_of.clone(),
                wanted,
                ranks: self.decoded.clone(),
                reps: self.reps.clone(),
                collide: self.collide.clone(),
                segment: ord as usize,
                scratch: Vec::new(),
            },
            days: self.date_field.as_ref().map(|(_, b)| DayTally {
                bucket: *b,
                counts: HashMap::new(),
                last_day: (i64::MIN, 0),
                run: (i64::MIN, 0),
                undated: 0,
            }),
            head,
            docs: (head != u32::MAX).then(Vec::new),
            batch: Vec::with_capacity(BATCH),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, mut fruits: Vec<SegmentCounts>) -> tantivy::Result<Counts> {
        let mut out = Counts::default();
        let mut acc = self.shared.lock().unwrap_or_else(|e| e.into_inner()).take();
        let mut matches: Vec<(usize, Vec<DocId>)> = Vec::new();
        // every segment kept its matches (each counted the head of the decoded table)
        let all_kept = fruits.iter().all(|f| f.docs.is_some());
        for f in &mut fruits {
            for (k, c) in &f.dates {
                *out.dates.entry(*k).or_default() += c;
            }
            out.undated += f.undated;
            matches.extend(f.docs.take());
        }
        // vectors of segments counted at the same time as others: added into one
        for mut other in fruits.into_iter().filter_map(|f| f.acc) {
            match &mut acc {
                None => acc = Some(other),
                Some(a) => {
                    other.drain(|slot, c| a.add(slot, c));
                    pool_give(other);
                }
            }
        }
        let Some(mut acc) = acc else { return Ok(out) };
        if let (Some(d), true) = (&self.decoded, self.size != usize::MAX) {
            let few = matches.iter().map(|m| m.1.len()).sum::<usize>() * FEW_MATCHES <= d.head as usize;
            if all_kept && few {
                self.read_matches(d, &matches, &mut acc, &mut out);
            } else {
                self.read_head(d, &mut acc, &mut out);
            }
        }
        let number = |slot: u32| match &self.decoded {
            Some(d) => d.number_of.get(slot as usize).copied().unwrap_or(slot),
            None => slot,
        };
        // The counts of merged names (few) go to their representative; hidden ones are
        // dropped. A document counted a merged name once (its representative) or as the one
        // form it holds, so the sums count each document once. Representatives are special
        // too, so no count of the rest needs adding to.
        let mut moved: Vec<(u32, u32)> = Vec::new();
        acc.drain(|slot, c| {
            let n = number(slot);
            match &self.reps {
                Some(reps) if reps.special(n as u64) => match reps.rep(n as u64) {
                    crate::index::aliases::HIDDEN => {}
                    r => moved.push((r, c)),
                },
                _ => out.counts.push((n, c)),
            }
        });
        pool_give(acc);
        // (representatives are special: none is among the counts pushed above)
        summed_by_number(&mut moved);
        out.counts.extend(moved);
        if let (false, Some(d)) = (matches.is_empty(), &self.decoded) {
            self.tail_if_needed(d, &matches, &mut out);
        }
        Ok(out)
    }
}

impl FacetCounter {
    /// The wanted kind codes as a set: `mask[code]` is true for each.
    fn wanted_mask(&self) -> [bool; 256] {
        let mut mask = [false; 256];
        for &w in &self.wanted {
            mask[w as usize] = true;
        }
        mask
    }

    /// Folds the counts of merged names (head ranks of `specials`) into their representative,
    /// zeroing them; hidden ones are dropped. Returns the (number, count) sums.
    fn fold_specials(&self, d: &Decoded, counts: &mut [u32]) -> Vec<(u32, u32)> {
        let mut folded: Vec<(u32, u32)> = Vec::new();
        if let Some(reps) = &self.reps {
            for &r in &d.specials {
                if let Some(c) = counts.get_mut(r as usize).map(std::mem::take).filter(|&c| c > 0) {
                    match reps.rep(u64::from(d.number_of[r as usize])) {
                        crate::index::aliases::HIDDEN => {}
                        rep => folded.push((rep, c)),
                    }
                }
            }
            summed_by_number(&mut folded);
        }
        folded
    }

    /// [`FacetCounter::read_head`] for a search of few matches: the head ranks the matches
    /// hold are read out (each once, zeroed as it is read) instead of the head's counts of
    /// every value, most of them zero. Every value counted is read out, so the values shown
    /// are exact. A slot counted other than as a match's own rank is a merged name's
    /// representative, which `fold_specials` zeroes first.
    fn read_matches(&self, d: &Decoded, matches: &[(usize, Vec<DocId>)], acc: &mut Acc, out: &mut Counts) {
        let head = (d.head as usize).min(acc.counts.len());
        let counts = &mut acc.counts[..head];
        let folded = self.fold_specials(d, counts);
        let wanted = self.wanted_mask();
        for (seg, docs) in matches {
            let Some(t) = d.segments.get(*seg) else { continue };
            for &doc in docs {
                let base = doc as usize * d.kinds;
                for k in (0..d.kinds).filter(|&k| wanted[k]) {
                    for &r in t.ranks_of(base, (k, k + 1)) {
                        if let Some(c) = counts.get_mut(r as usize).map(std::mem::take).filter(|&c| c > 0) {
                            out.counts.push((d.number_of[r as usize], c));
                        }
                    }
                }
            }
        }
        out.counts.extend(folded);
        acc.dense = 0;
    }

    /// Reads out the head's counts (ranks below `head`) into `out` and zeroes them, keeping
    /// only the values the `size` shown of each kind need. A kind's head ranks are visited
    /// most frequent first, and the visit stops at the first rank held by fewer documents
    /// than the kind's `size`-th count so far: no later value can count more, or tie with the
    /// values shown. Merged names are summed into their representative first (hidden ones
    /// dropped), their sums standing as they are. So a broad query, whose shown values count
    /// hundreds, reads the few frequent values of each kind instead of every one counted.
    /// What is read out of a kind is all of it whenever the tail could matter (its `size`-th
    /// count is then at most the tail's frequency, below the head's).
    fn read_head(&self, d: &Decoded, acc: &mut Acc, out: &mut Counts) {
        let head = (d.head as usize).min(acc.counts.len());
        let counts = &mut acc.counts[..head];
        let folded = self.fold_specials(d, counts);
        // the `size` largest counts of the kind so far, smallest on top
        let mut best: std::collections::BinaryHeap<std::cmp::Reverse<u32>> = Default::default();
        let size = self.size;
        let keep = |best: &mut std::collections::BinaryHeap<std::cmp::Reverse<u32>>, c: u32| {
            if best.len() < size {
                best.push(std::cmp::Reverse(c));
            } else if best.peek().is_some_and(|m| c > m.0) {
                best.pop();
                best.push(std::cmp::Reverse(c));
            }
        };
        for &k in &self.wanted {
            best.clear();
            for &(n, c) in &folded {
                if self.kinds_of.get(n as usize) == Some(&k) {
                    keep(&mut best, c);
                }
            }
            for &r in d.head_of_kind.get(k as usize).map_or(&[][..], Vec::as_slice) {
                let Some(&c) = counts.get(r as usize) else { continue };
                if size == 0
                    || (best.len() >= size && best.peek().is_some_and(|m| d.head_df[r as usize] < m.0))
                {
                    break;
                }
                if c > 0 {
                    out.counts.push((d.number_of[r as usize], c));
                    keep(&mut best, c);
                }
            }
        }
        out.counts.extend(folded);
        counts.fill(0);
        acc.dense = 0;
    }

    /// Counts the tail ranks of the kinds whose shown values the head's counts do not settle:
    /// those with a tail and fewer than `size` values counted above the tail's largest
    /// document frequency. (Tail numbers are never merged: their counts stand as they are.)
    fn tail_if_needed(&self, d: &Decoded, matches: &[(usize, Vec<DocId>)], out: &mut Counts) {
        let mut above = vec![0usize; d.kinds];
        for &(n, c) in &out.counts {
            if let Some(&k) = self.kinds_of.get(n as usize) {
                if d.tail_df.get(k as usize).is_some_and(|&t| c > t) {
                    above[k as usize] += 1;
                }
            }
        }
        let open: Vec<usize> = self
            .wanted
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| d.tail_df.get(k).is_some_and(|&t| t > 0) && above[k] < self.size)
            .collect();
        if open.is_empty() {
            return;
        }
        let mut acc = pool_take(d.number_of.len());
        let mut touched = Vec::new();
        for (seg, docs) in matches {
            d.count_tail(*seg, docs, &open, &mut acc.counts, &mut touched);
        }
        // read and zeroed where counted: the vector goes back to the pool zeroed
        for rank in touched {
            let c = std::mem::take(&mut acc.counts[rank as usize]);
            out.counts.push((d.number_of.get(rank as usize).copied().unwrap_or(rank), c));
        }
        pool_give(acc);
    }
}

/// Sorts (number, count) pairs by number and sums the counts of each number into one pair.
fn summed_by_number(pairs: &mut Vec<(u32, u32)>) {
    pairs.sort_unstable_by_key(|e| e.0);
    pairs.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 += b.1;
        }
        same
    });
}

/// The names a count goes through: the representative of every facet number (see
/// `index::aliases::NameMap`), and a bit per number set on those that are merged, are
/// representatives or are hidden, so that counting reads the small bit set for the many
/// numbers that stand for themselves.
#[derive(Debug)]
pub struct Reps {
    reps: Vec<u32>,
    special: Vec<u64>,
}

impl Reps {
    pub fn new(reps: &[u32]) -> Reps {
        let mut special = vec![0u64; reps.len().div_ceil(64)];
        let mut mark = |id: usize| {
            if let Some(w) = special.get_mut(id / 64) {
                *w |= 1 << (id % 64);
            }
        };
        for (id, &r) in reps.iter().enumerate() {
            if r != id as u32 {
                mark(id);
                if r != crate::index::aliases::HIDDEN {
                    mark(r as usize);
                }
            }
        }
        Reps { reps: reps.to_vec(), special }
    }

    #[inline]
    fn special(&self, id: u64) -> bool {
        self.special.get((id / 64) as usize).is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    /// The number that counts for `id` ([`HIDDEN`](crate::index::aliases::HIDDEN) for none).
    #[inline]
    fn rep(&self, id: u64) -> u32 {
        self.reps.get(id as usize).copied().unwrap_or(id as u32)
    }

    /// Per segment of `searcher`, a bit per document that holds two forms of one merged name
    /// ("Ben Bernanke" and "BEN BERNANKE"): only those documents need their numbers mapped
    /// while counting, so that the name counts once; every other document counts its numbers
    /// as they are and [`Reps::fold`] maps the sums.
    pub fn collisions(&self, searcher: &tantivy::Searcher, field: &str) -> tantivy::Result<Vec<Vec<u64>>> {
        let mut out = Vec::with_capacity(searcher.segment_readers().len());
        let mut seen: Vec<u32> = Vec::new();
        for seg in searcher.segment_readers() {
            let col = seg.fast_fields().u64(field)?;
            let mut bits = vec![0u64; (seg.max_doc() as usize).div_ceil(64)];
            for doc in 0..seg.max_doc() {
                seen.clear();
                for id in col.values_for_doc(doc) {
                    if !self.special(id) {
                        continue;
                    }
                    match self.rep(id) {
                        crate::index::aliases::HIDDEN => {}
                        r => {
                            if seen.contains(&r) {
                                bits[doc as usize / 64] |= 1 << (doc % 64);
                                break;
                            }
                            seen.push(r);
                        }
                    }
                }
            }
            out.push(bits);
        }
        Ok(out)
    }
}

/// Zeroed count vectors of the last searches, lent to the searches: a broad query would
/// otherwise allocate and clear a vector of the whole vocabulary.
static POOL: std::sync::Mutex<Vec<Acc>> = std::sync::Mutex::new(Vec::new());

/// The most the pool keeps, in bytes.
const POOL_BYTES: usize = 64 << 20;

/// A zeroed vector of `n` counts, from the pool when it holds one of that length.
fn pool_take(n: usize) -> Acc {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    // vectors of another length belong to another vocabulary: dropped
    while let Some(v) = pool.pop() {
        if v.counts.len() == n {
            return v;
        }
    }
    Acc::new(n)
}

/// Gives a zeroed vector back to the pool.
fn pool_give(v: Acc) {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    if (pool.len() + 1) * v.counts.len() * 4 <= POOL_BYTES {
        pool.push(v);
    }
}

impl Counting {
    /// Whether `doc` holds two forms of one merged name (so its numbers are mapped).
    #[inline(always)]
    fn collides(&self, doc: DocId) -> bool {
        // without the collision sets (they could not be read), every document is mapped
        self.reps.is_some()
            && self.collide.as_ref().is_none_or(|c| {
                c.get(self.segment)
                    .and_then(|bits| bits.get(doc as usize / 64))
                    .is_some_and(|w| w >> (doc % 64) & 1 == 1)
            })
    }

    /// The counting slot of a facet number.
    #[inline(always)]
    fn slot(&self, number: u64) -> u32 {
        match &self.ranks {
            Some(d) => d.rank_of.get(number as usize).copied().unwrap_or(u32::MAX),
            None => number as u32,
        }
    }

    /// Counts one document's facet numbers (those of kinds not wanted are skipped). A
    /// document with two forms of one name counts the numbers that stand for themselves at
    /// once and the others as their representative (itself, for a representative), once per
    /// document; hidden ones not at all. (Every other document counts its numbers as they
    /// are: `merge_fruits` maps the sums.)
    fn numbers(&mut self, doc: DocId, ids: impl Iterator<Item = u64>) {
        let Some(mut acc) = self.acc.take() else { return };
        let mut merged = std::mem::take(&mut self.scratch);
        let reps = if self.collides(doc) { self.reps.clone() } else { None };
        for id in ids {
            // Numbers beyond the vocabulary this reader loaded belong to a newer commit.
            let Some(k) = self.kinds_of.get(id as usize) else { continue };
            if !self.wanted[*k as usize] {
                continue;
            }
            match &reps {
                Some(r) if r.special(id) => {
                    if r.rep(id) != crate::index::aliases::HIDDEN {
                        merged.push(r.rep(id));
                    }
                }
                _ => acc.add(self.slot(id), 1),
            }
        }
        merged.sort_unstable();
        merged.dedup();
        for &r in &merged {
            acc.add(self.slot(r.into()), 1);
        }
        merged.clear();
        self.scratch = merged;
        self.acc = Some(acc);
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = SegmentCounts;

    #[inline]
    fn collect(&mut self, doc: DocId, _: Score) {
        match &self.source {
            Source::Decoded(..) => {
                self.batch.push(doc);
                if self.batch.len() == BATCH {
                    self.count_batch();
                }
            }
            Source::Columns { facets, dates } => {
                if let (Some(col), Some(days)) = (dates, &mut self.days) {
                    days.day(col.first(doc).map(days_of));
                }
                if let Some(col) = facets {
                    self.counting.numbers(doc, col.values_for_doc(doc));
                }
            }
        }
    }

    fn harvest(mut self) -> SegmentCounts {
        self.count_batch();
        let mut dates = BTreeMap::new();
        let mut undated = 0;
        if let Some(mut d) = self.days {
            d.flush();
            for (days, c) in d.counts {
                *dates.entry(civil_from_days(days)).or_default() += c;
            }
            undated = d.undated;
        }
        // the counts go back to the search for the next segment, unless another segment
        // counted into a vector of its own meanwhile and handed it back first
        let acc = match self.counting.acc {
            None => None,
            Some(a) => {
                let mut slot = self.counting.shared.lock().unwrap_or_else(|e| e.into_inner());
                if slot.is_none() {
                    *slot = Some(a);
                    None
                } else {
                    Some(a)
                }
            }
        };
        let docs = self.docs.map(|d| (self.counting.segment, d));
        SegmentCounts { acc, dates, undated, docs }
    }
}

impl DayTally {
    #[inline(always)]
    fn day(&mut self, days: Option<i64>) {
        let Some(days) = days else {
            self.undated += 1;
            return;
        };
        let key = if self.last_day.0 == days {
            self.last_day.1
        } else {
            let key = match self.bucket {
                DateBucket::Day => days,
                // the first of a month and of a year are always days
                DateBucket::Month => day_of(days).replace_day(1).map_or(days, day_number),
                DateBucket::Year => day_of(days).replace_ordinal(1).map_or(days, day_number),
            };
            self.last_day = (days, key);
            key
        };
        if self.run.0 == key {
            self.run.1 += 1;
        } else {
            self.flush();
            self.run = (key, 1);
        }
    }

    fn flush(&mut self) {
        if self.run.1 > 0 {
            *self.counts.entry(self.run.0).or_default() += self.run.1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_the_formatter_writes_them() {
        for y in [-12345, -1, 0, 7, 99, 1970, 2024, 9999, 10000, 123456] {
            for (m, d) in [(1, 1), (2, 29), (12, 31), (9, 5)] {
                assert_eq!(iso_day((y, m, d)), format!("{y:04}-{m:02}-{d:02}"), "{y} {m} {d}");
            }
        }
    }

    #[test]
    fn merged_counts_go_to_their_representative_and_hidden_ones_are_dropped() {
        use crate::index::aliases::HIDDEN;
        // 1 and 4 are forms of 2; 5 is hidden; 0 and 3 stand for themselves
        let reps = std::sync::Arc::new(Reps::new(&[0, 2, 2, 3, 2, HIDDEN]));
        let counter =
            FacetCounter::new("f", std::sync::Arc::new(vec![0; 6]), vec![0], None, Some(reps), None, None);
        let mut acc = Acc::new(6);
        for (slot, n) in [(0, 7), (1, 2), (3, 1), (4, 5), (5, 9)] {
            acc.add(slot, n);
        }
        *counter.shared.lock().unwrap() = Some(acc);
        let mut counts = counter.merge_fruits(Vec::new()).unwrap().counts;
        counts.sort_unstable();
        assert_eq!(counts, [(0, 7), (2, 7), (3, 1)]);
    }

    #[test]
    fn counts_read_out_every_slot_counted_once_and_leave_the_vector_zeroed() {
        // slots in the first and last blocks, two in one block, one past a word of blocks
        let mut acc = Acc::new(10_000);
        for slot in [0u32, 63, 64, 4095, 4096, 9_999, 64] {
            acc.add(slot, 1);
        }
        acc.add(70_000, 1); // past the vector: not counted
        let mut seen = Vec::new();
        acc.drain(|s, c| seen.push((s, c)));
        seen.sort_unstable();
        assert_eq!(seen, [(0, 1), (63, 1), (64, 2), (4095, 1), (4096, 1), (9_999, 1)]);
        assert!(acc.counts.iter().all(|&c| c == 0) && acc.dirty.iter().all(|&w| w == 0));
    }

    /// A decoded segment of one kind whose documents hold these ranks, undated.
    fn segment_of(docs: &[&[u32]]) -> DecodedSegment {
        let mut seg = DecodedSegment {
            starts: vec![0],
            ranks: Vec::new(),
            days: vec![NO_DAY; docs.len()],
            head_bits: Vec::new(),
        };
        for d in docs {
            seg.ranks.extend_from_slice(d);
            seg.starts.push(seg.ranks.len() as u32);
        }
        seg
    }

    /// A decoded table of one segment and one kind: numbers 0 and 1 are the head (ranks 0
    /// and 1), 2 and 3 the tail (held by at most 2 documents).
    fn small_table() -> Decoded {
        let mut seg = segment_of(&[&[0, 1, 2], &[0, 1, 2], &[0, 1, 3], &[0], &[1]]);
        seg.mark_head(1, 2);
        Decoded {
            fields: ("f".into(), "d".into()),
            number_of: vec![0, 1, 2, 3],
            rank_of: vec![0, 1, 2, 3],
            kinds: 1,
            segments: vec![seg],
            head: 2,
            tail_df: vec![2],
            head_df: vec![4, 4],
            head_of_kind: vec![vec![0, 1]],
            specials: Vec::new(),
        }
    }

    /// What `merge_fruits` reads out after the head of all five documents was counted.
    fn head_counted(size: usize) -> Vec<(u32, u32)> {
        let decoded = std::sync::Arc::new(small_table());
        let counter =
            FacetCounter::new("f", std::sync::Arc::new(vec![0; 4]), vec![0], None, None, None, Some(decoded))
                .for_top(size);
        let mut acc = Acc::new(4);
        acc.add(0, 4);
        acc.add(1, 4);
        *counter.shared.lock().unwrap() = Some(acc);
        let fruit = SegmentCounts { docs: Some((0, (0..5).collect())), ..Default::default() };
        let mut counts = counter.merge_fruits(vec![fruit]).unwrap().counts;
        counts.sort_unstable();
        counts
    }

    #[test]
    fn the_tail_is_counted_only_when_it_could_change_the_values_shown() {
        // two values shown, both counted 4 times: no tail value (at most 2) can reach them
        assert_eq!(head_counted(2), [(0, 4), (1, 4)]);
        // three shown: the third is a tail value, so the tail is counted, exactly
        assert_eq!(head_counted(3), [(0, 4), (1, 4), (2, 2), (3, 1)]);
    }

    /// The read-out of a head of four numbers of one kind (document frequencies 10, 9, 5 and
    /// 4, counted 3, 9, 5 and 4 times), `size` values shown, with number 3 a form of 0 when
    /// `merged`: what is read out, sorted, and whether the vector was left zeroed.
    fn read_out(size: usize, merged: bool) -> (Vec<(u32, u32)>, bool) {
        let reps = merged.then(|| std::sync::Arc::new(Reps::new(&[0, 1, 2, 0])));
        let decoded = Decoded {
            fields: ("f".into(), "d".into()),
            number_of: vec![0, 1, 2, 3],
            rank_of: vec![0, 1, 2, 3],
            kinds: 1,
            segments: Vec::new(),
            head: 4,
            tail_df: vec![0],
            head_df: vec![10, 9, 5, 4],
            head_of_kind: vec![vec![0, 1, 2, 3]],
            specials: if merged { vec![0, 3] } else { Vec::new() },
        };
        let counter =
            FacetCounter::new("f", std::sync::Arc::new(vec![0; 4]), vec![0], None, reps, None, None)
                .for_top(size);
        let mut acc = Acc::new(4);
        for (slot, n) in [(0, 3), (1, 9), (2, 5), (3, 4)] {
            acc.add(slot, n);
        }
        let mut out = Counts::default();
        counter.read_head(&decoded, &mut acc, &mut out);
        out.counts.sort_unstable();
        (out.counts, acc.counts.iter().all(|&c| c == 0))
    }

    #[test]
    fn the_head_is_read_out_only_as_far_as_the_values_shown_need() {
        // one shown: 9 is found at the second number; the third, held by 5 documents, cannot
        // reach it, and neither can the fourth
        assert_eq!(read_out(1, false), (vec![(0, 3), (1, 9)], true));
        // two shown: 9 and 5; the fourth, held by 4 documents, cannot reach 5
        assert_eq!(read_out(2, false), (vec![(0, 3), (1, 9), (2, 5)], true));
        // every value when more are shown than there are
        assert_eq!(read_out(10, false), (vec![(0, 3), (1, 9), (2, 5), (3, 4)], true));
        // 3 is a form of 0: their sum, 7, stands for 0 (and 1, with 9, is still the top)
        assert_eq!(read_out(1, true), (vec![(0, 7), (1, 9)], true));
        assert_eq!(read_out(2, true), (vec![(0, 7), (1, 9)], true));
        assert_eq!(read_out(3, true), (vec![(0, 7), (1, 9), (2, 5)], true));
    }

    #[test]
    fn few_matches_read_out_from_their_ranks_what_the_whole_head_gives() {
        // five documents of one kind, head ranks 0 to 3; 3 is a form of 0
        let docs: [&[u32]; 5] = [&[0, 1], &[1, 2], &[1, 3], &[0, 1, 2], &[1]];
        let seg = segment_of(&docs);
        let decoded = Decoded {
            fields: ("f".into(), "d".into()),
            number_of: vec![0, 1, 2, 3],
            rank_of: vec![0, 1, 2, 3],
            kinds: 1,
            segments: vec![seg],
            head: 4,
            tail_df: vec![0],
            head_df: vec![2, 5, 2, 1],
            head_of_kind: vec![vec![0, 1, 2, 3]],
            specials: vec![0, 3],
        };
        let reps = Some(std::sync::Arc::new(Reps::new(&[0, 1, 2, 0])));
        let counter =
            FacetCounter::new("f", std::sync::Arc::new(vec![0; 4]), vec![0], None, reps, None, None)
                .for_top(10);
        for matched in [vec![0, 1, 2, 3, 4], vec![1, 2], vec![2], vec![4]] {
            let read = |by_matches: bool| {
                let mut acc = Acc::new(4);
                for &d in &matched {
                    for &r in docs[d as usize] {
                        acc.counts[r as usize] += 1;
                    }
                }
                let mut out = Counts::default();
                if by_matches {
                    counter.read_matches(&decoded, &[(0, matched.clone())], &mut acc, &mut out);
                } else {
                    counter.read_head(&decoded, &mut acc, &mut out);
                }
                out.counts.sort_unstable();
                (out.counts, acc.counts.iter().all(|&c| c == 0))
            };
            assert_eq!(read(true), read(false), "matches {matched:?}");
            assert!(read(true).1, "the vector is left zeroed");
        }
        // all five: 0 and its form 3 sum to 3
        let mut acc = Acc::new(4);
        for r in docs.iter().flat_map(|d| d.iter()) {
            acc.counts[*r as usize] += 1;
        }
        let mut out = Counts::default();
        counter.read_matches(&decoded, &[(0, (0..5).collect())], &mut acc, &mut out);
        out.counts.sort_unstable();
        assert_eq!(out.counts, [(0, 3), (1, 5), (2, 2)]);
    }

    #[test]
    fn a_count_of_one_kind_passes_over_documents_without_its_head_and_keeps_them_for_the_tail() {
        // the small table with a sixth document holding only tail number 3
        let mut t = small_table();
        let seg = &mut t.segments[0];
        seg.ranks.push(3);
        seg.starts.push(seg.ranks.len() as u32);
        seg.days.push(NO_DAY);
        seg.mark_head(1, 2);
        assert!(seg.has_head(0, 4) && !seg.has_head(0, 5));
        let table = std::sync::Arc::new(t);
        let mut counter = SegmentFacetCounter {
            source: Source::Decoded(table, 0),
            runs: vec![(0, 1)],
            counting: Counting {
                acc: Some(Acc::new(4)),
                shared: Default::default(),
                kinds_of: std::sync::Arc::new(vec![0; 4]),
                wanted: [true; 256],
                ranks: None,
                reps: None,
                collide: None,
                segment: 0,
                scratch: Vec::new(),
            },
            days: None,
            head: 2,
            docs: Some(Vec::new()),
            batch: (0..6).collect(),
        };
        counter.count_batch();
        let acc = counter.counting.acc.take().unwrap();
        // the head counted as over every document: 0 held by four, 1 by four
        assert_eq!(acc.counts, [4, 4, 0, 0]);
        // every document kept for the tail, the sixth too
        assert_eq!(counter.docs, Some((0..6).collect()));
    }

    #[test]
    fn civil_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2024, 2, 29), (1987, 2, 26), (2000, 12, 31), (1900, 3, 1)] {
            assert_eq!(days_from_civil(y, m, d).map(civil_from_days), Some((y, m, d)));
        }
        assert_eq!(days_from_civil(1970, 1, 2), Some(1));
        assert_eq!(days_from_civil(2023, 2, 29), None);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(next_day(2024, 2, 28), (2024, 2, 29));
        assert_eq!(next_day(2023, 12, 31), (2024, 1, 1));
    }

    #[test]
    fn month_buckets_are_calendar_months() {
        let mut c = Counts::default();
        c.dates.insert((2024, 2, 1), 3);
        c.dates.insert((2024, 12, 1), 1);
        let h = c.histogram(DateBucket::Month);
        assert_eq!(
            h[0],
            DateCount {
                period: "2024-02".into(),
                from: "2024-02-01".into(),
                to: "2024-03-01".into(),
                count: 3
            }
        );
        // the empty months between are listed, each with its label
        assert_eq!(h.len(), 11);
        assert_eq!((h[1].period.as_str(), h[1].count), ("2024-03", 0));
        assert_eq!((h[10].period.as_str(), h[10].to.as_str(), h[10].count), ("2024-12", "2025-01-01", 1));
    }

    #[test]
    fn year_and_day_buckets_are_labelled_by_their_period_and_gaps_are_filled() {
        let mut c = Counts::default();
        c.dates.insert((2019, 1, 1), 2);
        c.dates.insert((2022, 1, 1), 5);
        let years: Vec<(String, u64)> =
            c.histogram(DateBucket::Year).into_iter().map(|d| (d.period, d.count)).collect();
        let want = [("2019", 2), ("2020", 0), ("2021", 0), ("2022", 5)];
        assert_eq!(years, want.map(|(p, n)| (p.to_string(), n)));
        let mut d = Counts::default();
        d.dates.insert((2024, 2, 28), 1);
        d.dates.insert((2024, 3, 1), 1);
        let days: Vec<String> = d.histogram(DateBucket::Day).into_iter().map(|d| d.period).collect();
        assert_eq!(days, ["2024-02-28", "2024-02-29", "2024-03-01"]);
        // a span too long to fill keeps only the days with matches
        let mut far = Counts::default();
        far.dates.insert((1900, 1, 1), 1);
        far.dates.insert((2024, 1, 1), 1);
        assert_eq!(far.histogram(DateBucket::Day).len(), 2);
    }
}
